#include "store/MessageStore.h"

#include <QHash>
#include <QSet>
#include <QSqlQuery>
#include <algorithm>

#include "store/Database.h"
#include "store/MessageRow_p.h"
#include "store/StoreError.h"
#include "store/SyncCursorStore.h"

namespace rapport::store {

namespace {

using detail::notNull;
using detail::nullIfEmpty;

QString saveFailed() {
    return Database::tr("Could not save messages");
}

// The prepared statements of one batch, so 10,000 messages parse each statement once.
struct InsertStatements {
    explicit InsertStatements(QSqlDatabase& db)
        : ensureConversation(db)
        , findConversation(db)
        , findStanzaId(db)
        , findOrigin(db)
        , adoptStanzaId(db)
        , dropOutbox(db)
        , insert(db)
        , summarize(db) {}

    bool prepare() {
        return ensureConversation.prepare(QStringLiteral(
                   "INSERT INTO conversations(jid) VALUES (?) ON CONFLICT(jid) DO NOTHING")) &&
               findConversation.prepare(
                   QStringLiteral("SELECT id FROM conversations WHERE jid = ?")) &&
               findStanzaId.prepare(QStringLiteral("SELECT 1 FROM messages WHERE stanza_id = ?")) &&
               findOrigin.prepare(QStringLiteral("SELECT id, stanza_id, direction FROM messages "
                                                 "WHERE sender = ? AND origin_id = ?")) &&
               // The archive has it, so the server has it: at least Sent.
               adoptStanzaId.prepare(QStringLiteral(
                   "UPDATE messages SET stanza_id = ?, "
                   "state = CASE WHEN direction = 1 AND state IN (1, 5) THEN 2 ELSE state END "
                   "WHERE id = ?")) &&
               dropOutbox.prepare(QStringLiteral("DELETE FROM outbox WHERE message_row = ?")) &&
               insert.prepare(QStringLiteral(
                   "INSERT INTO messages(conversation_id, direction, sender, body, timestamp, "
                   "message_id, origin_id, stanza_id, state, replace_id, retracted, edited_at) "
                   "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) &&
               summarize.prepare(QStringLiteral(
                   "UPDATE conversations SET unread = unread + ?, "
                   "last_message_id = (SELECT id FROM messages WHERE conversation_id = ? "
                   "ORDER BY timestamp DESC, id DESC LIMIT 1), "
                   "last_activity = max(last_activity, coalesce((SELECT max(timestamp) "
                   "FROM messages WHERE conversation_id = ?), 0)) "
                   "WHERE id = ?"));
    }
    QSqlError lastError() const {
        for (const QSqlQuery* q : {&ensureConversation, &findConversation, &findStanzaId,
                                   &findOrigin, &adoptStanzaId, &dropOutbox, &insert, &summarize}) {
            if (q->lastError().isValid()) {
                return q->lastError();
            }
        }
        return {};
    }

    QSqlQuery ensureConversation;
    QSqlQuery findConversation;
    QSqlQuery findStanzaId;
    QSqlQuery findOrigin;
    QSqlQuery adoptStanzaId;
    QSqlQuery dropOutbox;
    QSqlQuery insert;
    QSqlQuery summarize;
};

Result<void> validate(const StoredMessage& m) {
    if (m.peer.isEmpty() || m.sender.isEmpty() || !m.timestamp.isValid()) {
        return Error::make(
            ErrorCode::Usage,
            Database::tr("Internal error: a message without a peer, sender or time cannot "
                         "be stored."));
    }
    return Ok{};
}

}  // namespace

Result<QList<qint64>> MessageStore::insertOn(QSqlDatabase& db, const QList<StoredMessage>& messages,
                                             Unread unread) {
    InsertStatements s(db);
    if (!s.prepare()) {
        return sqlError(s.lastError(), saveFailed());
    }
    QHash<QString, qint64> conversations;
    QHash<qint64, int> unreadAdded;  // conversation -> new unread messages; every touched one
    QList<qint64> rowIds;
    rowIds.reserve(messages.size());

    for (const StoredMessage& m : messages) {
        if (Result<void> valid = validate(m); !valid) {
            return valid.error();
        }
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

        bool duplicate = false;
        if (!m.stanzaId.isEmpty()) {
            s.findStanzaId.addBindValue(m.stanzaId);
            if (!s.findStanzaId.exec()) {
                return sqlError(s.findStanzaId, saveFailed());
            }
            duplicate = s.findStanzaId.next();
            s.findStanzaId.finish();
        }
        if (!duplicate && !m.originId.isEmpty()) {
            s.findOrigin.addBindValue(m.sender);
            s.findOrigin.addBindValue(m.originId);
            if (!s.findOrigin.exec()) {
                return sqlError(s.findOrigin, saveFailed());
            }
            if (s.findOrigin.next()) {
                duplicate = true;
                const qint64 existing = s.findOrigin.value(0).toLongLong();
                const bool lacksStanzaId = s.findOrigin.value(1).isNull();
                const bool outgoing = s.findOrigin.value(2).toInt() == 1;
                s.findOrigin.finish();
                if (lacksStanzaId && !m.stanzaId.isEmpty()) {
                    s.adoptStanzaId.addBindValue(m.stanzaId);
                    s.adoptStanzaId.addBindValue(existing);
                    if (!s.adoptStanzaId.exec()) {
                        return sqlError(s.adoptStanzaId, saveFailed());
                    }
                    if (outgoing) {
                        // Resending now would deliver it twice.
                        s.dropOutbox.addBindValue(existing);
                        if (!s.dropOutbox.exec()) {
                            return sqlError(s.dropOutbox, saveFailed());
                        }
                    }
                }
            } else {
                s.findOrigin.finish();
            }
        }
        if (duplicate) {
            rowIds.append(0);
            continue;
        }

        const bool incoming = m.direction == StoredMessage::Direction::Incoming;
        s.insert.addBindValue(conversation);
        s.insert.addBindValue(static_cast<int>(m.direction));
        s.insert.addBindValue(m.sender);
        s.insert.addBindValue(notNull(m.body));
        s.insert.addBindValue(m.timestamp.toMSecsSinceEpoch());
        s.insert.addBindValue(nullIfEmpty(m.messageId));
        s.insert.addBindValue(nullIfEmpty(m.originId));
        s.insert.addBindValue(nullIfEmpty(m.stanzaId));
        s.insert.addBindValue(incoming ? static_cast<int>(StoredMessage::State::Received)
                                       : static_cast<int>(m.state));
        s.insert.addBindValue(nullIfEmpty(m.replaceId));
        s.insert.addBindValue(m.retracted ? 1 : 0);
        s.insert.addBindValue(m.editedAt.isValid() ? QVariant(m.editedAt.toMSecsSinceEpoch())
                                                   : QVariant(QMetaType::fromType<qint64>()));
        if (!s.insert.exec()) {
            return sqlError(s.insert, saveFailed());
        }
        rowIds.append(s.insert.lastInsertId().toLongLong());
        unreadAdded[conversation] += (incoming && unread == Unread::Count) ? 1 : 0;
    }

    for (auto it = unreadAdded.cbegin(); it != unreadAdded.cend(); ++it) {
        s.summarize.addBindValue(it.value());
        s.summarize.addBindValue(it.key());
        s.summarize.addBindValue(it.key());
        s.summarize.addBindValue(it.key());
        if (!s.summarize.exec()) {
            return sqlError(s.summarize, saveFailed());
        }
    }
    return rowIds;
}

QFuture<Result<int>> MessageStore::insertBatch(QList<StoredMessage> messages, Unread unread,
                                               SyncCursor cursor) {
    return m_db.transaction([messages = std::move(messages), unread,
                             cursor = std::move(cursor)](QSqlDatabase& db) -> Result<int> {
        const Result<QList<qint64>> rows = insertOn(db, messages, unread);
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
                                     "AND (m.timestamp < ? OR (m.timestamp = ? AND m.id < ?)) "
                                     "ORDER BY m.timestamp DESC, m.id DESC LIMIT ?")
                          .arg(detail::MessageColumns));
            q.addBindValue(peer);
            q.addBindValue(at.timestampMs);
            q.addBindValue(at.timestampMs);
            q.addBindValue(at.rowId);
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
                "UPDATE messages SET state = ? WHERE direction = 1 "
                "AND conversation_id = (SELECT id FROM conversations WHERE jid = ?) "
                "AND (message_id = ? OR origin_id = ?) "
                "AND CASE WHEN ? = 5 THEN state IN (1, 2) ELSE (state = 5 OR state < ?) END"));
            const int to = static_cast<int>(state);
            for (const QVariant& v : {QVariant(to), QVariant(peer), QVariant(id), QVariant(id),
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
                                   "ORDER BY timestamp DESC, id DESC LIMIT 1"))) {
            return sqlError(q, Database::tr("Could not read the archive position"));
        }
        return q.next() ? q.value(0).toString() : QString();
    });
}

}  // namespace rapport::store
