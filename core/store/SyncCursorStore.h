// Where each sync source stopped (e.g. the archive id a MAM catch-up reached), so the next
// sync resumes there. A cursor is opaque to the store.
#pragma once

#include <QFuture>
#include <QString>

#include "common/Result.h"

class QSqlDatabase;

namespace rapport::store {

class Database;

class SyncCursorStore {
public:
    explicit SyncCursorStore(Database& db) : m_db(db) {}

    // Empty if the source never synced.
    QFuture<Result<QString>> get(QString source);
    QFuture<Result<void>> set(QString source, QString cursor);
    QFuture<Result<void>> remove(QString source);

    // On the store thread, inside a caller's transaction: moves a cursor together with the
    // data it covers (MessageStore::insertBatch does).
    static Result<QString> getOn(QSqlDatabase& db, const QString& source);
    static Result<void> setOn(QSqlDatabase& db, const QString& source, const QString& cursor);

private:
    Database& m_db;
};

}  // namespace rapport::store
