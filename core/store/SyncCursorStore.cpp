#include "store/SyncCursorStore.h"

#include <QDateTime>
#include <QSqlQuery>

#include "store/Database.h"
#include "store/MessageRow_p.h"
#include "store/StoreError.h"

namespace rapport::store {

Result<QString> SyncCursorStore::getOn(QSqlDatabase& db, const QString& source) {
    QSqlQuery q(db);
    q.prepare(QStringLiteral("SELECT cursor FROM sync_cursors WHERE source = ?"));
    q.addBindValue(source);
    if (!q.exec()) {
        return sqlError(q, Database::tr("Could not read where the last sync stopped"));
    }
    return q.next() ? q.value(0).toString() : QString();
}

Result<void> SyncCursorStore::setOn(QSqlDatabase& db, const QString& source,
                                    const QString& cursor) {
    QSqlQuery q(db);
    q.prepare(QStringLiteral(
        "INSERT INTO sync_cursors(source, cursor, updated) VALUES (?, ?, ?) "
        "ON CONFLICT(source) DO UPDATE SET cursor = excluded.cursor, updated = excluded.updated"));
    q.addBindValue(source);
    q.addBindValue(detail::notNull(cursor));
    q.addBindValue(QDateTime::currentMSecsSinceEpoch());
    if (!q.exec()) {
        return sqlError(q, Database::tr("Could not save where the sync stopped"));
    }
    return Ok{};
}

QFuture<Result<QString>> SyncCursorStore::get(QString source) {
    return m_db.run([source = std::move(source)](QSqlDatabase& db) { return getOn(db, source); });
}

QFuture<Result<void>> SyncCursorStore::set(QString source, QString cursor) {
    return m_db.run([source = std::move(source), cursor = std::move(cursor)](QSqlDatabase& db) {
        return setOn(db, source, cursor);
    });
}

QFuture<Result<void>> SyncCursorStore::remove(QString source) {
    return m_db.run([source = std::move(source)](QSqlDatabase& db) -> Result<void> {
        QSqlQuery q(db);
        q.prepare(QStringLiteral("DELETE FROM sync_cursors WHERE source = ?"));
        q.addBindValue(source);
        if (!q.exec()) {
            return sqlError(q, Database::tr("Could not reset the sync position"));
        }
        return Ok{};
    });
}

}  // namespace rapport::store
