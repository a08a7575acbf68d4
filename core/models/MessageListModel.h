// The messages of one conversation for the message view, oldest at the top. Loads the
// newest page at once and older pages when the view asks (canFetchMore/fetchMore, as the
// user scrolls up), all off the UI thread. When the account says messages changed it
// re-reads the newest page: new messages are appended, changed ones (delivery state, a
// correction) updated in place. Rows also say where the view draws a day separator and
// where a run of one sender's messages starts.
#pragma once

#include <QAbstractListModel>
#include <QTimer>

#include "store/StoredMessage.h"

namespace rapport {
class Account;
}

namespace rapport::models {

class MessageListModel : public QAbstractListModel {
    Q_OBJECT
public:
    enum Role {
        BodyRole = Qt::UserRole + 1,
        SenderRole,      // bare JID
        SenderNameRole,  // "You" for ours, else the contact's name
        TimestampRole,   // QDateTime, UTC
        OutgoingRole,    // bool
        StateRole,       // "received", "queued", "sent", "delivered", "read", "failed"
        RowIdRole,       // qint64: the message's row in the store
        GroupStartRole,  // bool: not a continuation of the previous message's run
        DayStartRole,    // bool: the first message of its (local) day
        EditedRole,      // bool: corrected by the sender
    };
    Q_ENUM(Role)

    static constexpr int PageSize = 50;
    // Consecutive messages of one sender closer than this are drawn as one run.
    static constexpr int GroupGapSeconds = 5 * 60;

    MessageListModel(Account& account, QString peer, QObject* parent = nullptr);

    QString peer() const { return m_peer; }
    int rowCount(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role) const override;
    QHash<int, QByteArray> roleNames() const override;
    bool canFetchMore(const QModelIndex& parent) const override;
    void fetchMore(const QModelIndex& parent) override;

    // The row of the stored message `rowId`, or -1 if it is not loaded (yet).
    int rowOfMessage(qint64 rowId) const;
    // Loads older pages until `rowId` is loaded (a search result to jump to), then emits
    // messageLoaded(row).
    void loadUntil(qint64 rowId);
    bool isLoading() const { return m_fetching; }

    static QString stateName(store::StoredMessage::State state);
    // The same in words, for people (screen readers, tooltips).
    static QString stateText(store::StoredMessage::State state);

signals:
    void newestLoaded();               // the first page is in
    void olderLoaded(int count);       // a page of older messages was put at the top
    void messagesAppended(int count);  // new messages at the bottom (the view scrolls)
    void messageLoaded(int row);       // loadUntil() found it

private:
    void refreshNewest();
    void mergeNewest(const QList<store::StoredMessage>& page);
    void emitNeighboursChanged(int row);

    Account& m_account;
    QString m_peer;
    QList<store::StoredMessage> m_rows;  // oldest first
    bool m_fetching = false;
    bool m_atStart = false;  // the oldest stored message is loaded
    bool m_refreshing = false;
    bool m_refreshAgain = false;
    qint64 m_wanted = 0;  // loadUntil()
    bool m_rechecked = false;
    QTimer m_coalesce;
};

}  // namespace rapport::models
