// Tells the engineer about a new message when they are not looking: a desktop notification
// when the window is not the active one, unless notifications are off or they set "Do not
// disturb". One notification per conversation: more messages from the same peer replace it
// ("3 new messages"), and at most one update a second per peer, so a burst of messages costs
// a handful of notifications, not thousands. Clicking it opens the conversation
// (openConversation), and opening the conversation here takes it away.
#pragma once

#include <QElapsedTimer>
#include <QHash>
#include <QObject>
#include <QTimer>

namespace rapport {
class Account;
}

namespace rapport::ui {

class DesktopNotifications;

class Notifier : public QObject {
    Q_OBJECT
public:
    // `window`: whose activity counts as "looking"; `backend` shows them (not owned).
    Notifier(Account& account, QWidget* window, DesktopNotifications* backend,
             QObject* parent = nullptr);

    void setEnabled(bool enabled) { m_enabled = enabled; }
    void setSounds(bool sounds) { m_sounds = sounds; }
    // The conversation with `peer` was read here: its notification is no longer news.
    void conversationOpened(const QString& peer);

    // How many notifications were shown or updated (for tests and the benchmark).
    int shownCount() const { return m_shown; }

signals:
    void openConversation(const QString& peer);

private:
    struct Pending {
        uint id = 0;    // the notification on screen, 0 if none
        int count = 0;  // messages since the conversation was last read here
        QString lastBody;
        QElapsedTimer lastShown;
        bool dirty = false;  // newer than what is on screen
    };
    void messageArrived(const QString& peer, const QString& body);
    void showPending(const QString& peer);
    void flushDirty();
    bool wantsNotification() const;

    Account& m_account;
    QWidget* m_window;
    DesktopNotifications* m_backend;
    QHash<QString, Pending> m_byPeer;
    QTimer m_flush;
    bool m_enabled = true;
    bool m_sounds = false;
    int m_shown = 0;
};

}  // namespace rapport::ui
