// The open conversation: who it is with (and whether they are typing), the messages, and
// the reply box. Older messages load as the user scrolls to the top, keeping what they were
// reading in place; new ones scroll into view if the user was at the bottom. Links open in
// the browser.
#pragma once

#include <QWidget>
#include <memory>

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

protected:
    bool eventFilter(QObject* watched, QEvent* event) override;

private:
    void send(const QString& text);
    void updateHeader();
    bool atBottom() const;

    Account& m_account;
    QString m_peer;
    QLabel* m_title;
    QLabel* m_subtitle;
    QListView* m_view;
    MessageDelegate* m_delegate;
    Composer* m_composer;
    std::unique_ptr<models::MessageListModel> m_model;
    bool m_peerTyping = false;
    int m_distanceFromBottom = 0;  // kept while older messages are put on top
};

}  // namespace rapport::ui
