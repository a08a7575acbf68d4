// Beside a conversation with a customer: the three answers of the library that best fit
// their last message, each inserted into the reply with one click or Alt+1/2/3. Computed
// offline from the local library (ReplySuggestions) when a message arrives, and when the
// conversation is opened.
#pragma once

#include <QList>
#include <QWidget>

#include "search/SearchHit.h"

class QLabel;
class QPushButton;
class QVBoxLayout;

namespace rapport {
class Account;
}

namespace rapport::ui {

class SuggestionsPanel : public QWidget {
    Q_OBJECT
public:
    explicit SuggestionsPanel(Account& account, QWidget* parent = nullptr);

    // The conversation shown; its latest message from them (for suggestions when opened).
    void setConversation(const QString& peer, const QString& lastIncoming);
    QList<search::SearchHit> suggestions() const { return m_hits; }
    // Inserts the n-th suggestion (0-based), as Alt+1/2/3 do.
    void choose(int n);

signals:
    // Text to put into the reply.
    void insertRequested(const QString& text);

private:
    void show(const QList<search::SearchHit>& hits);
    // What the panel says when it has nothing: waiting for a message, or none fits.
    void setWaiting(bool noMessageYet);

    Account& m_account;
    QString m_peer;
    QList<search::SearchHit> m_hits;
    QLabel* m_empty;
    QList<QPushButton*> m_buttons;
};

}  // namespace rapport::ui
