#include "store/ConversationStore.h"

#include <QSqlQuery>

#include "store/Database.h"
#include "store/StoreError.h"

namespace rapport::store {

namespace {

QString selectSummaries(const QString& where) {
    return QStringLiteral(
               "SELECT c.id, c.jid, c.kind, c.unread, c.last_activity, m.id, "
               "CASE WHEN m.retracted THEN '' ELSE substr(m.body, 1, %1) END, m.direction "
               "FROM conversations c LEFT JOIN messages m ON m.id = c.last_message_id %2 "
               "ORDER BY c.last_activity DESC, c.id DESC")
        .arg(ConversationStore::PreviewLength)
        .arg(where);
}

ConversationSummary fromRow(const QSqlQuery& q) {
    ConversationSummary s;
    s.id = q.value(0).toLongLong();
    s.peer = q.value(1).toString();
    s.kind = q.value(2).toString();
    s.unread = q.value(3).toInt();
    const qint64 last = q.value(4).toLongLong();
    if (last > 0) {
        s.lastActivity = QDateTime::fromMSecsSinceEpoch(last, Qt::UTC);
    }
    s.lastMessageRowId = q.value(5).toLongLong();
    s.lastMessagePreview = q.value(6).toString();
    s.lastMessageDirection = static_cast<StoredMessage::Direction>(q.value(7).toInt());
    return s;
}

}  // namespace

QFuture<Result<QList<ConversationSummary>>> ConversationStore::list(int limit) {
    return m_db.run([limit](QSqlDatabase& db) -> Result<QList<ConversationSummary>> {
        QSqlQuery q(db);
        q.setForwardOnly(true);
        q.prepare(selectSummaries({}) + QStringLiteral(" LIMIT ?"));
        q.addBindValue(limit);
        if (!q.exec()) {
            return sqlError(q, Database::tr("Could not read the conversations"));
        }
        QList<ConversationSummary> list;
        while (q.next()) {
            list.append(fromRow(q));
        }
        if (q.lastError().isValid()) {
            return sqlError(q, Database::tr("Could not read the conversations"));
        }
        return list;
    });
}

QFuture<Result<ConversationSummary>> ConversationStore::conversation(QString peer) {
    return m_db.run([peer = std::move(peer)](QSqlDatabase& db) -> Result<ConversationSummary> {
        QSqlQuery q(db);
        q.prepare(selectSummaries(QStringLiteral("WHERE c.jid = ?")));
        q.addBindValue(peer);
        if (!q.exec()) {
            return sqlError(q, Database::tr("Could not read the conversation"));
        }
        if (!q.next()) {
            return Error::make(ErrorCode::NotFound,
                               Database::tr("There is no conversation with %1.").arg(peer));
        }
        return fromRow(q);
    });
}

QFuture<Result<QList<ConversationSummary>>> ConversationStore::conversations(QStringList peers) {
    return m_db.run(
        [peers = std::move(peers)](QSqlDatabase& db) -> Result<QList<ConversationSummary>> {
            QList<ConversationSummary> list;
            if (peers.isEmpty()) {
                return list;
            }
            QStringList marks;
            for (qsizetype i = 0; i < peers.size(); ++i) {
                marks << QStringLiteral("?");
            }
            QSqlQuery q(db);
            q.setForwardOnly(true);
            q.prepare(selectSummaries(QStringLiteral("WHERE c.jid IN (%1)").arg(marks.join(u','))));
            for (const QString& peer : peers) {
                q.addBindValue(peer);
            }
            if (!q.exec()) {
                return sqlError(q, Database::tr("Could not read the conversations"));
            }
            while (q.next()) {
                list.append(fromRow(q));
            }
            return list;
        });
}

QFuture<Result<void>> ConversationStore::markRead(QString peer) {
    return m_db.run([peer = std::move(peer)](QSqlDatabase& db) -> Result<void> {
        QSqlQuery q(db);
        q.prepare(QStringLiteral("UPDATE conversations SET unread = 0 WHERE jid = ?"));
        q.addBindValue(peer);
        if (!q.exec()) {
            return sqlError(q, Database::tr("Could not mark the conversation as read"));
        }
        return Ok{};
    });
}

}  // namespace rapport::store
