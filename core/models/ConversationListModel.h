// The conversation list for the Chats section: one row per peer, newest activity first,
// with what a row shows (name, initials, preview, time, unread count, presence, customer or
// colleague). Reads the store off the UI thread and re-reads when the account says messages
// changed; rows move, appear and update in place, so selection and scrolling survive.
#pragma once

#include <QElapsedTimer>
#include <QHash>
#include <QSet>
#include <QTimer>
#include "models/KeyedListModel.h"

#include "store/ConversationStore.h"

namespace rapport {
class Account;
}

namespace rapport::models {

class ConversationListModel : public KeyedListModel {
    Q_OBJECT
public:
    enum Role {
        PeerRole = Qt::UserRole + 1,  // bare JID
        NameRole,                     // roster name, else the JID's local part
        InitialsRole,                 // one or two letters for the avatar
        PreviewRole,                  // the start of the last message, one line
        LastActivityRole,             // QDateTime, UTC
        UnreadRole,                   // int
        PresenceRole,                 // "available", "away", "dnd", "offline", "unknown"
        IsCustomerRole,               // bool: not in a colleagues' roster group
        LastFromMeRole,               // bool: the preview is our own message
    };
    Q_ENUM(Role)

    explicit ConversationListModel(Account& account, QObject* parent = nullptr);

    int rowCount(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role) const override;
    QHash<int, QByteArray> roleNames() const override;

    // The row of `peer`, or -1.
    // "available", "away", ... in words.
    static QString presenceText(const QString& presence);
    int rowOf(const QString& peer) const;
    // The unread messages of all conversations (the window title's and the tray's count):
    // a sum over the rows, without a QVariant per row.
    int totalUnread() const;
    // Re-reads the list now (it also does so by itself when messages change).
    void reload();

    // Roster groups whose members are colleagues; anyone else is a customer.
    static bool isColleagueGroup(const QString& group);

signals:
    // The first load finished (for start-up figures and tests).
    void loaded();

private:
    void apply(const QList<store::ConversationSummary>& fresh);
    // Some conversations' new summaries: put in place and in order.
    void applyChanged(const QList<store::ConversationSummary>& changed);
    // Nothing the list shows differs.
    static bool sameSummary(const store::ConversationSummary& a,
                            const store::ConversationSummary& b);
    void onPresence(const QString& bareJid);

    Account& m_account;
    QList<store::ConversationSummary> m_rows;
    QTimer m_coalesce;  // many changes in a burst: one re-read
    QElapsedTimer m_lastRead;
    // What changed since the last read: these peers, or (m_fullReload) maybe any.
    QSet<QString> m_dirty;
    bool m_fullReload = false;
    bool m_loading = false;
    bool m_again = false;
    bool m_loadedOnce = false;
};

}  // namespace rapport::models
