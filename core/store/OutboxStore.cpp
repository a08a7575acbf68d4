#include "store/OutboxStore.h"

#include <QSqlQuery>

#include "store/Database.h"
#include "store/MessageRow_p.h"
#include "store/MessageStore.h"
#include "store/StoreError.h"

namespace rapport::store {

namespace {

Error notQueued() {
    return Error::make(ErrorCode::NotFound,
                       Database::tr("The message is no longer waiting to be sent."));
}

}  // namespace

QFuture<Result<OutboxEntry>> OutboxStore::enqueue(StoredMessage outgoing, QString stanzaXml) {
    return m_db.transaction([outgoing = std::move(outgoing), stanzaXml = std::move(stanzaXml)](
                                QSqlDatabase& db) -> Result<OutboxEntry> {
        if (outgoing.direction != StoredMessage::Direction::Outgoing ||
            outgoing.originId.isEmpty() || stanzaXml.isEmpty()) {
            return Error::make(
                ErrorCode::Usage,
                Database::tr("Internal error: only an outgoing message with an origin-id "
                             "and a stanza can be queued."));
        }
        OutboxEntry entry;
        entry.message = outgoing;
        entry.message.state = StoredMessage::State::Queued;
        entry.message.stanzaId.clear();
        entry.stanza = stanzaXml;
        entry.created = QDateTime::currentDateTimeUtc();

        const Result<QList<qint64>> rows =
            MessageStore::insertOn(db, {entry.message}, MessageStore::Unread::DoNotCount);
        if (!rows) {
            return rows.error();
        }
        if (rows.value().value(0) == 0) {
            return Error::make(ErrorCode::Usage,
                               Database::tr("Internal error: this message is already stored."));
        }
        entry.message.rowId = rows.value().first();

        QSqlQuery q(db);
        q.prepare(QStringLiteral(
            "INSERT INTO outbox(message_row, stanza, attempts, created) VALUES (?, ?, 0, ?)"));
        q.addBindValue(entry.message.rowId);
        q.addBindValue(entry.stanza);
        q.addBindValue(entry.created.toMSecsSinceEpoch());
        if (!q.exec()) {
            return sqlError(q, Database::tr("Could not queue the message"));
        }
        entry.id = q.lastInsertId().toLongLong();
        return entry;
    });
}

QFuture<Result<QList<OutboxEntry>>> OutboxStore::pending() {
    return m_db.run([](QSqlDatabase& db) -> Result<QList<OutboxEntry>> {
        QSqlQuery q(db);
        q.setForwardOnly(true);
        if (!q.exec(QStringLiteral("SELECT o.id, o.stanza, o.attempts, o.created, %1 "
                                   "FROM outbox o JOIN messages m ON m.id = o.message_row "
                                   "JOIN conversations c ON c.id = m.conversation_id "
                                   "ORDER BY o.created, o.id")
                        .arg(detail::MessageColumns))) {
            return sqlError(q, Database::tr("Could not read the outbox"));
        }
        QList<OutboxEntry> entries;
        while (q.next()) {
            OutboxEntry e;
            e.id = q.value(0).toLongLong();
            e.stanza = q.value(1).toString();
            e.attempts = q.value(2).toInt();
            e.created = QDateTime::fromMSecsSinceEpoch(q.value(3).toLongLong(), Qt::UTC);
            e.message = detail::fromRow(q, 4);
            entries.append(e);
        }
        if (q.lastError().isValid()) {
            return sqlError(q, Database::tr("Could not read the outbox"));
        }
        return entries;
    });
}

QFuture<Result<int>> OutboxStore::noteAttempt(qint64 outboxId) {
    return m_db.run([outboxId](QSqlDatabase& db) -> Result<int> {
        QSqlQuery q(db);
        q.prepare(QStringLiteral(
            "UPDATE outbox SET attempts = attempts + 1 WHERE id = ? RETURNING attempts"));
        q.addBindValue(outboxId);
        if (!q.exec()) {
            return sqlError(q, Database::tr("Could not update the outbox"));
        }
        if (!q.next()) {
            return notQueued();
        }
        return q.value(0).toInt();
    });
}

QFuture<Result<void>> OutboxStore::markSent(qint64 outboxId) {
    return finish(outboxId, StoredMessage::State::Sent);
}

QFuture<Result<void>> OutboxStore::markFailed(qint64 outboxId) {
    return finish(outboxId, StoredMessage::State::Failed);
}

QFuture<Result<void>> OutboxStore::finish(qint64 outboxId, StoredMessage::State state) {
    return m_db.transaction([outboxId, state](QSqlDatabase& db) -> Result<void> {
        QSqlQuery q(db);
        q.prepare(QStringLiteral("DELETE FROM outbox WHERE id = ? RETURNING message_row"));
        q.addBindValue(outboxId);
        if (!q.exec()) {
            return sqlError(q, Database::tr("Could not update the outbox"));
        }
        if (!q.next()) {
            return notQueued();
        }
        const qint64 row = q.value(0).toLongLong();
        q.finish();
        // Never backwards: a receipt may have arrived before the server's ack.
        QSqlQuery u(db);
        u.prepare(QStringLiteral("UPDATE messages SET state = ? WHERE id = ? AND state IN (1, 2)"));
        u.addBindValue(static_cast<int>(state));
        u.addBindValue(row);
        if (!u.exec()) {
            return sqlError(u, Database::tr("Could not update the message state"));
        }
        return Ok{};
    });
}

}  // namespace rapport::store
