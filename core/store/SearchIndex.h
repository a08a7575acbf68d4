// Upkeep of the FTS5 full-text indexes (messages_fts, answers_fts, tips_fts): checking and
// rebuilding them. They are external content indexes kept in step by triggers (see
// Migrations), so the base tables are the truth and an index can always be rebuilt from
// them; a damaged index is rebuilt, never fatal. Querying them is core/search's job.
#pragma once

#include <QSqlDatabase>
#include <QStringList>

#include "common/Result.h"

namespace rapport::store {

class SearchIndex {
public:
    static const QStringList& tables();

    // Called on the store thread (inside Database::run()). Each works inside or outside a
    // transaction (they use a savepoint).

    // Ok if the index is consistent (FTS5 'integrity-check', which reads the whole index).
    // Any error means damaged or unreadable.
    static Result<void> check(QSqlDatabase& db, const QString& table);
    // Rebuilds the index from its table, even when the index is too damaged to load.
    static Result<void> rebuild(QSqlDatabase& db, const QString& table);
    static Result<void> rebuildAll(QSqlDatabase& db);
    // Checks every index and rebuilds the damaged ones; resolves with their names.
    static Result<QStringList> repair(QSqlDatabase& db);
};

}  // namespace rapport::store
