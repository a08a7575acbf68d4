// The open conversation: who it is with (and whether they are typing), the messages, the
// reply box, and beside a customer's conversation the suggested answers. Older messages
// load as the user scrolls to the top, keeping what they were reading in place; new ones
// scroll into view if the user was at the bottom. Links open in the browser. "/" in the
// reply box opens the quick insert; any message we sent can be saved as an answer.
#pragma once

#include <QTimer>
#include <QWidget>
#include <memory>

#include "chats/Drafts.h"

class QLabel;
class QListView;

namespace rapport {
class Account;
}
namespace rapport::models {
class MessageListModel;
}

namespace rapport::ui {

class Composer;
class MessageDelegate;
class QuickInsertPopup;
class SuggestionsPanel;

class ConversationPane : public QWidget {
    Q_OBJECT
public:
    explicit ConversationPane(Account& account, QWidget* parent = nullptr);
    ~ConversationPane() override;

    void setPeer(const QString& peer);
    QString peer() const { return m_peer; }

    QListView* messageView() const { return m_view; }
    Composer* composer() const { return m_composer; }
    models::MessageListModel* model() const { return m_model.get(); }
    SuggestionsPanel* suggestions() const { return m_suggestions; }
    QuickInsertPopup* quickInsert() const { return m_quickInsert; }
    // Loads older messages as needed, scrolls to the message and marks it for a moment.
    void showMessage(qint64 rowId);
    // "Save as answer" on one of our messages (the row of the message view).
    void saveAsAnswer(int row);

signals:
    // A short note for the status bar ("Saved as an answer").
    void statusMessage(const QString& text);

protected:
    bool eventFilter(QObject* watched, QEvent* event) override;

private:
    void saveDraft();
    void send(const QString& text);
    void showMessageMenu(const QPoint& pos);
    void placeQuickInsert();
    QString lastIncoming() const;
    void updateHeader();
    bool atBottom() const;

    Account& m_account;
    QString m_peer;
    QLabel* m_title;
    QLabel* m_subtitle;
    QListView* m_view;
    MessageDelegate* m_delegate;
    Composer* m_composer;
    Drafts m_drafts;
    QTimer m_draftSave;
    SuggestionsPanel* m_suggestions;
    QuickInsertPopup* m_quickInsert;
    std::unique_ptr<models::MessageListModel> m_model;
    bool m_peerTyping = false;
    bool m_followBottom = true;  // new messages scroll into view (the user was at the bottom)
    qint64 m_anchorRowId = 0;    // kept at the top while older messages are put above it
};

}  // namespace rapport::ui
