// Chat messages: storing them exactly once whichever way they arrive (live, carbon, archive,
// our own outbox), paging through a conversation's history, and delivery states. Keeps each
// conversation's unread count, last activity and last message in step.
#pragma once

#include <QFuture>
#include <QList>
#include <functional>
#include <optional>

#include "common/Result.h"
#include "store/StoredMessage.h"

class QSqlDatabase;

namespace rapport::store {

class Database;

class MessageStore {
public:
    // Whether stored incoming messages count as unread. History fetched backwards (older
    // than what is shown) does not.
    enum class Unread { Count, DoNotCount };

    // Where a batch goes among messages with the same timestamp (see StoredMessage::seq).
    // The batch itself is always in archive order, oldest first.
    enum class Placement {
        After,  // after everything stored: live messages, the outbox, archive pages read forward
        // The archive's newest page, stored before the gap behind it is filled forwards: after
        // what the gap brings too.
        Newest,
        // A page older than everything stored with its conversation (history fetched
        // backwards): before it.
        Before,
    };

    explicit MessageStore(Database& db) : m_db(db) {}

    // Stores the messages in one transaction, with `cursor` (if it has a source) in the same
    // transaction, and resolves with how many were new. A message is a duplicate, and
    // skipped, when its stanza-id is stored, or its (sender, origin-id) is. A duplicate that
    // brings the stanza-id its stored copy lacks (our own message, stored from the outbox,
    // coming back from the archive) gives that copy its stanza-id, marks it sent and drops
    // its outbox entry: the archive proves the server has it.
    QFuture<Result<int>> insertBatch(QList<StoredMessage> messages, Unread unread = Unread::Count,
                                     SyncCursor cursor = {},
                                     Placement placement = Placement::After);
    // The same for messages `make` builds on the store's thread: turning 2,000 archived
    // stanzas into rows is work the UI thread should not do.
    QFuture<Result<int>> insertBatch(std::function<QList<StoredMessage>()> make, Unread unread,
                                     SyncCursor cursor, Placement placement);

    // The newest `limit` messages of the conversation with `peer` before `before` (the
    // newest of all if unset), oldest first. Page back with MessageCursor::before(first).
    QFuture<Result<QList<StoredMessage>>> history(QString peer, int limit,
                                                  std::optional<MessageCursor> before = {});

    QFuture<Result<StoredMessage>> message(qint64 rowId);

    // Moves one of our messages to `state` (Sent, Delivered, Read or Failed), named by its id
    // attribute or origin-id, in the conversation with `peer` (who sent the receipt, so a
    // peer can only mark messages sent to them). Never backwards: a receipt after a read
    // marker leaves it Read. Resolves with the rows changed (0 or 1).
    QFuture<Result<int>> updateState(QString peer, QString id, StoredMessage::State state);

    QFuture<Result<qint64>> count();
    // The stanza-id of the newest archived message, empty if none: where a MAM catch-up
    // can resume when no sync cursor is stored.
    QFuture<Result<QString>> latestStanzaId();
    // The stanza-id of the oldest archived message with `peer`, empty if none: where fetching
    // older history from the archive continues.
    QFuture<Result<QString>> oldestStanzaId(QString peer);

    // The same, for use on the store thread inside a caller's transaction
    // (Database::inTransaction). Row ids of the new messages, 0 for each duplicate.
    static Result<QList<qint64>> insertOn(QSqlDatabase& db, const QList<StoredMessage>& messages,
                                          Unread unread, Placement placement = Placement::After);

private:
    Database& m_db;
};

}  // namespace rapport::store
