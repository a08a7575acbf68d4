#include "store/MessageStore.h"

#include <QHash>
#include <QScopeGuard>
#include <QSqlQuery>
#include <algorithm>
#include <array>

#include "store/Database.h"
#include "store/MessageRow_p.h"
#include "store/StatementCache.h"
#include "store/StoreError.h"
#include "store/SyncCursorStore.h"

namespace rapport::store {

namespace {

using detail::notNull;
using detail::nullIfEmpty;

QString saveFailed() {
    return Database::tr("Could not save messages");
}

// Rows with an id above `before` were added by this batch: rowids of a table without
// AUTOINCREMENT grow from the largest one, and the batch runs in one transaction.
struct BatchStatements {
    explicit BatchStatements(QSqlDatabase& db)
        : lastRow(db)
        , ensureConversation(db)
        , findConversation(db)
        , insert(db)
        , insertEdited(db)
        , index(db)
        , summarize(db)
        , findStanzaId(db)
        , findOrigin(db)
        , adoptStanzaId(db)
        , dropOutbox(db) {}

    bool prepare() {
        return lastRow.prepare(QStringLiteral("SELECT coalesce(max(id), 0) FROM messages")) &&
               ensureConversation.prepare(QStringLiteral(
                   "INSERT INTO conversations(jid) VALUES (?) ON CONFLICT(jid) DO NOTHING")) &&
               findConversation.prepare(
                   QStringLiteral("SELECT id FROM conversations WHERE jid = ?")) &&
               // The unique indexes on stanza_id and (sender, origin_id) are the dedupe: a new
               // message costs no lookup, a duplicate is skipped and settled afterwards. Most
               // messages were never corrected or retracted, and every bound value costs (Qt
               // formats a placeholder name for each), so those columns have their own
               // statement.
               insert.prepare(QStringLiteral(
                   "INSERT INTO messages(conversation_id, direction, sender, body, timestamp, "
                   "message_id, origin_id, stanza_id, state, seq) "
                   "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT DO NOTHING")) &&
               insertEdited.prepare(QStringLiteral(
                   "INSERT INTO messages(conversation_id, direction, sender, body, timestamp, "
                   "message_id, origin_id, stanza_id, state, replace_id, retracted, edited_at, "
                   "seq) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT DO NOTHING")) &&
               // Not a trigger: see DropMessagesFtsInsert in Migrations.cpp.
               index.prepare(QStringLiteral("INSERT INTO messages_fts(rowid, body, facets) "
                                            "SELECT id, body, facets FROM messages "
                                            "WHERE id > ? ORDER BY id")) &&
               // Walks only the batch's rows (by id) and each touched conversation's newest
               // index entry. The unary + keeps SQLite from grouping along
               // messages_conversation_order, which walked the whole index (80 ms at a
               // million messages) for every batch, however small.
               summarize.prepare(QStringLiteral(
                   "WITH fresh AS (SELECT conversation_id AS id, sum(direction = 0) AS incoming "
                   "FROM messages WHERE id > ? GROUP BY +conversation_id) "
                   "UPDATE conversations SET unread = unread + ? * fresh.incoming, "
                   "last_message_id = (SELECT m.id FROM messages m "
                   "WHERE m.conversation_id = conversations.id "
                   "ORDER BY m.timestamp DESC, m.seq DESC LIMIT 1), "
                   "last_activity = max(last_activity, coalesce((SELECT max(m.timestamp) "
                   "FROM messages m WHERE m.conversation_id = conversations.id), 0)) "
                   "FROM fresh WHERE conversations.id = fresh.id")) &&
               findStanzaId.prepare(QStringLiteral("SELECT 1 FROM messages WHERE stanza_id = ?")) &&
               findOrigin.prepare(QStringLiteral("SELECT id, stanza_id, direction FROM messages "
                                                 "WHERE sender = ? AND origin_id = ?")) &&
               // The archive has it, so the server has it: at least Sent.
               adoptStanzaId.prepare(QStringLiteral(
                   "UPDATE messages SET stanza_id = ?, "
                   "state = CASE WHEN direction = 1 AND state IN (1, 5) THEN 2 ELSE state END "
                   "WHERE id = ?")) &&
               dropOutbox.prepare(QStringLiteral("DELETE FROM outbox WHERE message_row = ?"));
    }
    QSqlError lastError() {
        for (QSqlQuery* q : all()) {
            if (q->lastError().isValid()) {
                return q->lastError();
            }
        }
        return {};
    }
    // Resets every statement (cached between batches: none may keep a read open).
    void finish() {
        for (QSqlQuery* q : all()) {
            q->finish();
        }
    }
    std::array<QSqlQuery*, 11> all() {
        return {&lastRow,   &ensureConversation, &findConversation, &insert,     &insertEdited,
                &index,     &summarize,          &findStanzaId,     &findOrigin, &adoptStanzaId,
                &dropOutbox};
    }

    QSqlQuery lastRow;
    QSqlQuery ensureConversation;
    QSqlQuery findConversation;
    QSqlQuery insert;
    QSqlQuery insertEdited;
    QSqlQuery index;
    QSqlQuery summarize;
    QSqlQuery findStanzaId;
    QSqlQuery findOrigin;
    QSqlQuery adoptStanzaId;
    QSqlQuery dropOutbox;
};

// m collided with a stored message. When that copy is ours and was stored before the
// archive named it (sent live, then seen again in MAM), it takes the archive's stanza-id,
// and leaves the outbox: resending now would deliver it twice.
Result<void> settleDuplicate(BatchStatements& s, const StoredMessage& m) {
    if (m.stanzaId.isEmpty() || m.originId.isEmpty()) {
        return Ok{};
    }
    s.findStanzaId.addBindValue(m.stanzaId);
    if (!s.findStanzaId.exec()) {
        return sqlError(s.findStanzaId, saveFailed());
    }
    const bool archivedAlready = s.findStanzaId.next();
    s.findStanzaId.finish();
    if (archivedAlready) {
        return Ok{};
    }
    s.findOrigin.addBindValue(m.sender);
    s.findOrigin.addBindValue(m.originId);
    if (!s.findOrigin.exec()) {
        return sqlError(s.findOrigin, saveFailed());
    }
    if (!s.findOrigin.next()) {
        s.findOrigin.finish();
        return Ok{};
    }
    const qint64 existing = s.findOrigin.value(0).toLongLong();
    const bool lacksStanzaId = s.findOrigin.value(1).isNull();
    const bool outgoing = s.findOrigin.value(2).toInt() == 1;
    s.findOrigin.finish();
    if (!lacksStanzaId) {
        return Ok{};
    }
    s.adoptStanzaId.addBindValue(m.stanzaId);
    s.adoptStanzaId.addBindValue(existing);
    if (!s.adoptStanzaId.exec()) {
        return sqlError(s.adoptStanzaId, saveFailed());
    }
    if (outgoing) {
        s.dropOutbox.addBindValue(existing);
        if (!s.dropOutbox.exec()) {
            return sqlError(s.dropOutbox, saveFailed());
        }
    }
    return Ok{};
}

Result<void> validate(const StoredMessage& m) {
    if (m.peer.isEmpty() || m.sender.isEmpty() || !m.timestamp.isValid()) {
        return Error::make(
            ErrorCode::Usage,
            Database::tr("Internal error: a message without a peer, sender or time cannot "
                         "be stored."));
    }
    return Ok{};
}

// The seq of a row: its row id, which grows with each insert, so After rows follow
// everything before them. Newest rows are lifted above every row id a gap could take;
// Before rows are stored newest first and negated, so each older row gets a lower seq.
constexpr qint64 NewestLift = qint64(1) << 40;

qint64 seqFor(MessageStore::Placement placement, qint64 rowId) {
    switch (placement) {
        case MessageStore::Placement::After:
            return rowId;
        case MessageStore::Placement::Newest:
            return rowId + NewestLift;
        case MessageStore::Placement::Before:
            return -rowId;
    }
    return rowId;
}

}  // namespace

Result<QList<qint64>> MessageStore::insertOn(QSqlDatabase& db, const QList<StoredMessage>& messages,
                                             Unread unread, Placement placement) {
    QList<qint64> rowIds(messages.size(), 0);
    if (messages.isEmpty()) {
        return rowIds;
    }
    for (const StoredMessage& m : messages) {
        if (Result<void> valid = validate(m); !valid) {
            return valid.error();
        }
    }
    QSqlError prepareError;
    BatchStatements* cached = StatementCache::get<BatchStatements>(db, &prepareError);
    if (!cached) {
        return sqlError(prepareError, saveFailed());
    }
    BatchStatements& s = *cached;
    const auto finished = qScopeGuard([&s] { s.finish(); });
    if (!s.lastRow.exec() || !s.lastRow.next()) {
        return sqlError(s.lastRow, saveFailed());
    }
    const qint64 before = s.lastRow.value(0).toLongLong();
    s.lastRow.finish();

    QHash<QString, qint64> conversations;
    // SQLite gives a new row max(id) + 1, and nothing else writes during the transaction.
    qint64 nextRowId = before + 1;
    const bool backwards = placement == Placement::Before;
    for (qsizetype k = 0; k < messages.size(); ++k) {
        const qsizetype i = backwards ? messages.size() - 1 - k : k;
        const StoredMessage& m = messages[i];
        qint64 conversation = conversations.value(m.peer);
        if (conversation == 0) {
            s.ensureConversation.addBindValue(m.peer);
            s.findConversation.addBindValue(m.peer);
            if (!s.ensureConversation.exec() || !s.findConversation.exec() ||
                !s.findConversation.next()) {
                return sqlError(s.lastError(), saveFailed());
            }
            conversation = s.findConversation.value(0).toLongLong();
            s.findConversation.finish();
            conversations.insert(m.peer, conversation);
        }
        const bool edited = !m.replaceId.isEmpty() || m.retracted || m.editedAt.isValid();
        QSqlQuery& insert = edited ? s.insertEdited : s.insert;
        const bool incoming = m.direction == StoredMessage::Direction::Incoming;
        insert.addBindValue(conversation);
        insert.addBindValue(static_cast<int>(m.direction));
        insert.addBindValue(m.sender);
        insert.addBindValue(notNull(m.body));
        insert.addBindValue(m.timestamp.toMSecsSinceEpoch());
        insert.addBindValue(nullIfEmpty(m.messageId));
        insert.addBindValue(nullIfEmpty(m.originId));
        insert.addBindValue(nullIfEmpty(m.stanzaId));
        insert.addBindValue(incoming ? static_cast<int>(StoredMessage::State::Received)
                                     : static_cast<int>(m.state));
        if (edited) {
            insert.addBindValue(nullIfEmpty(m.replaceId));
            insert.addBindValue(m.retracted ? 1 : 0);
            insert.addBindValue(m.editedAt.isValid() ? QVariant(m.editedAt.toMSecsSinceEpoch())
                                                     : QVariant(QMetaType::fromType<qint64>()));
        }
        insert.addBindValue(seqFor(placement, nextRowId));
        if (!insert.exec()) {
            return sqlError(insert, saveFailed());
        }
        if (insert.numRowsAffected() > 0) {
            rowIds[i] = insert.lastInsertId().toLongLong();
            Q_ASSERT(rowIds[i] == nextRowId);
            nextRowId = rowIds[i] + 1;
        } else if (Result<void> settled = settleDuplicate(s, m); !settled) {
            return settled.error();
        }
    }

    s.index.addBindValue(before);
    s.summarize.addBindValue(before);
    s.summarize.addBindValue(unread == Unread::Count ? 1 : 0);
    if (!s.index.exec() || !s.summarize.exec()) {
        return sqlError(s.lastError(), saveFailed());
    }
    return rowIds;
}

QFuture<Result<int>> MessageStore::insertBatch(QList<StoredMessage> messages, Unread unread,
                                               SyncCursor cursor, Placement placement) {
    return insertBatch([messages = std::move(messages)] { return messages; }, unread,
                       std::move(cursor), placement);
}

QFuture<Result<int>> MessageStore::insertBatch(std::function<QList<StoredMessage>()> make,
                                               Unread unread, SyncCursor cursor,
                                               Placement placement) {
    return m_db.transaction([make = std::move(make), unread, cursor = std::move(cursor),
                             placement](QSqlDatabase& db) -> Result<int> {
        const QList<StoredMessage> messages = make();
        const Result<QList<qint64>> rows = insertOn(db, messages, unread, placement);
        if (!rows) {
            return rows.error();
        }
        if (!cursor.source.isEmpty()) {
            if (Result<void> r = SyncCursorStore::setOn(db, cursor.source, cursor.cursor); !r) {
                return r.error();
            }
        }
        return static_cast<int>(std::count_if(rows.value().cbegin(), rows.value().cend(),
                                              [](qint64 id) { return id != 0; }));
    });
}

QFuture<Result<QList<StoredMessage>>> MessageStore::history(QString peer, int limit,
                                                            std::optional<MessageCursor> before) {
    const MessageCursor at = before.value_or(MessageCursor{});
    return m_db.run(
        [peer = std::move(peer), limit, at](QSqlDatabase& db) -> Result<QList<StoredMessage>> {
            QSqlQuery q(db);
            q.setForwardOnly(true);
            q.prepare(QStringLiteral("SELECT %1 FROM messages m JOIN conversations c "
                                     "ON c.id = m.conversation_id WHERE c.jid = ? "
                                     "AND (m.timestamp < ? OR (m.timestamp = ? AND m.seq < ?)) "
                                     "ORDER BY m.timestamp DESC, m.seq DESC LIMIT ?")
                          .arg(detail::MessageColumns));
            q.addBindValue(peer);
            q.addBindValue(at.timestampMs);
            q.addBindValue(at.timestampMs);
            q.addBindValue(at.seq);
            q.addBindValue(limit);
            if (!q.exec()) {
                return sqlError(q, Database::tr("Could not read the conversation"));
            }
            QList<StoredMessage> page;
            while (q.next()) {
                page.prepend(detail::fromRow(q));
            }
            if (q.lastError().isValid()) {
                return sqlError(q, Database::tr("Could not read the conversation"));
            }
            return page;
        });
}

QFuture<Result<StoredMessage>> MessageStore::message(qint64 rowId) {
    return m_db.run([rowId](QSqlDatabase& db) -> Result<StoredMessage> {
        QSqlQuery q(db);
        q.prepare(QStringLiteral("SELECT %1 FROM messages m JOIN conversations c "
                                 "ON c.id = m.conversation_id WHERE m.id = ?")
                      .arg(detail::MessageColumns));
        q.addBindValue(rowId);
        if (!q.exec()) {
            return sqlError(q, Database::tr("Could not read the message"));
        }
        if (!q.next()) {
            return Error::make(ErrorCode::NotFound, Database::tr("The message is not stored."));
        }
        return detail::fromRow(q);
    });
}

QFuture<Result<int>> MessageStore::updateState(QString peer, QString id,
                                               StoredMessage::State state) {
    return m_db.run(
        [peer = std::move(peer), id = std::move(id), state](QSqlDatabase& db) -> Result<int> {
            using S = StoredMessage::State;
            if (state == S::Received || state == S::Queued || id.isEmpty()) {
                return Error::make(
                    ErrorCode::Usage,
                    Database::tr("Internal error: a message can only move to sent, delivered, "
                                 "read or failed."));
            }
            // Failed only from Queued or Sent; the others only forwards, or out of Failed (a
            // receipt proves a "failed" message arrived after all).
            QSqlQuery q(db);
            q.prepare(QStringLiteral(
                "UPDATE messages SET state = ? WHERE id IN ("
                // Two lookups, not "message_id = ? OR origin_id = ?": with the partial
                // indexes (direction = 1) SQLite would scan one of them whole for the OR.
                "SELECT id FROM messages WHERE direction = 1 AND message_id = ? UNION ALL "
                "SELECT id FROM messages WHERE direction = 1 AND origin_id = ?) "
                "AND conversation_id = (SELECT id FROM conversations WHERE jid = ?) "
                "AND CASE WHEN ? = 5 THEN state IN (1, 2) ELSE (state = 5 OR state < ?) END"));
            const int to = static_cast<int>(state);
            for (const QVariant& v : {QVariant(to), QVariant(id), QVariant(id), QVariant(peer),
                                      QVariant(to), QVariant(to)}) {
                q.addBindValue(v);
            }
            if (!q.exec()) {
                return sqlError(q, Database::tr("Could not update the message state"));
            }
            return q.numRowsAffected();
        });
}

QFuture<Result<qint64>> MessageStore::count() {
    return m_db.run([](QSqlDatabase& db) -> Result<qint64> {
        QSqlQuery q(db);
        if (!q.exec(QStringLiteral("SELECT count(*) FROM messages")) || !q.next()) {
            return sqlError(q, Database::tr("Could not count messages"));
        }
        return q.value(0).toLongLong();
    });
}

QFuture<Result<QString>> MessageStore::latestStanzaId() {
    return m_db.run([](QSqlDatabase& db) -> Result<QString> {
        QSqlQuery q(db);
        if (!q.exec(QStringLiteral("SELECT stanza_id FROM messages WHERE stanza_id IS NOT NULL "
                                   "ORDER BY timestamp DESC, seq DESC LIMIT 1"))) {
            return sqlError(q, Database::tr("Could not read the archive position"));
        }
        return q.next() ? q.value(0).toString() : QString();
    });
}

QFuture<Result<QString>> MessageStore::oldestStanzaId(QString peer) {
    return m_db.run([peer = std::move(peer)](QSqlDatabase& db) -> Result<QString> {
        QSqlQuery q(db);
        q.prepare(
            QStringLiteral("SELECT m.stanza_id FROM messages m JOIN conversations c "
                           "ON c.id = m.conversation_id WHERE c.jid = ? "
                           "AND m.stanza_id IS NOT NULL "
                           "ORDER BY m.timestamp, m.seq LIMIT 1"));
        q.addBindValue(peer);
        if (!q.exec()) {
            return sqlError(q, Database::tr("Could not read the archive position"));
        }
        return q.next() ? q.value(0).toString() : QString();
    });
}

}  // namespace rapport::store
