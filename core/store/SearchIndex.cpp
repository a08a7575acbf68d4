#include "store/SearchIndex.h"

#include <QSqlQuery>

#include "store/Database.h"
#include "store/StoreError.h"
#include "store/StoreLogging.h"

namespace rapport::store {

namespace {

Result<void> exec(QSqlDatabase& db, const QString& sql, const QString& what) {
    QSqlQuery q(db);
    if (!q.exec(sql)) {
        return sqlError(q, what);
    }
    return Ok{};
}

// Runs f inside a savepoint: released on success, rolled back on failure.
template <class F>
Result<void> inSavepoint(QSqlDatabase& db, F&& f) {
    if (Result<void> r = exec(db, QStringLiteral("SAVEPOINT search_index"),
                              Database::tr("Could not repair the search index"));
        !r) {
        return r;
    }
    Result<void> r = f();
    if (!r) {
        QSqlQuery(db).exec(QStringLiteral("ROLLBACK TO search_index"));
    }
    QSqlQuery(db).exec(QStringLiteral("RELEASE search_index"));
    return r;
}

// Resets an index's shadow tables to those of an empty index, so that FTS5 can load it
// again. The empty structure and config rows are copied from a scratch index made by this
// very SQLite, so nothing here depends on FTS5's file format.
Result<void> resetShadowTables(QSqlDatabase& db, const QString& table) {
    const QString what = Database::tr("Could not repair the search index");
    const QString probe = QStringLiteral("rapport_fts_probe");
    QSqlQuery(db).exec(QStringLiteral("DROP TABLE IF EXISTS temp.%1").arg(probe));
    if (Result<void> r =
            exec(db, QStringLiteral("CREATE VIRTUAL TABLE temp.%1 USING fts5(x)").arg(probe), what);
        !r) {
        return r;
    }
    const QStringList statements = {
        QStringLiteral("DELETE FROM main.{t}_data"),
        QStringLiteral("DELETE FROM main.{t}_idx"),
        QStringLiteral("DELETE FROM main.{t}_docsize"),
        QStringLiteral("DELETE FROM main.{t}_config"),
        QStringLiteral("INSERT INTO main.{t}_data(id, block) "
                       "SELECT id, block FROM temp.{p}_data WHERE id = 10"),
        QStringLiteral("INSERT INTO main.{t}_config(k, v) SELECT k, v FROM temp.{p}_config"),
    };
    Result<void> result = Ok{};
    for (const QString& sql : statements) {
        result = exec(db,
                      QString(sql)
                          .replace(QStringLiteral("{t}"), table)
                          .replace(QStringLiteral("{p}"), probe),
                      what);
        if (!result) {
            break;
        }
    }
    QSqlQuery(db).exec(QStringLiteral("DROP TABLE IF EXISTS temp.%1").arg(probe));
    return result;
}

}  // namespace

const QStringList& SearchIndex::tables() {
    static const QStringList names = {QStringLiteral("messages_fts"), QStringLiteral("answers_fts"),
                                      QStringLiteral("tips_fts")};
    return names;
}

Result<void> SearchIndex::check(QSqlDatabase& db, const QString& table) {
    return exec(db, QStringLiteral("INSERT INTO %1(%1) VALUES('integrity-check')").arg(table),
                Database::tr("Checking the search index %1 failed").arg(table));
}

Result<void> SearchIndex::rebuild(QSqlDatabase& db, const QString& table) {
    const QString what = Database::tr("Could not rebuild the search index %1").arg(table);
    const QString sql = QStringLiteral("INSERT INTO %1(%1) VALUES('rebuild')").arg(table);
    return inSavepoint(db, [&]() -> Result<void> {
        if (exec(db, sql, what)) {
            return Ok{};
        }
        // Too damaged to load (a garbage structure record fails even 'rebuild').
        if (Result<void> r = resetShadowTables(db, table); !r) {
            return r;
        }
        return exec(db, sql, what);
    });
}

Result<void> SearchIndex::rebuildAll(QSqlDatabase& db) {
    for (const QString& table : tables()) {
        if (Result<void> r = rebuild(db, table); !r) {
            return r;
        }
    }
    return Ok{};
}

Result<QStringList> SearchIndex::repair(QSqlDatabase& db) {
    QStringList rebuilt;
    for (const QString& table : tables()) {
        const Result<void> healthy = check(db, table);
        if (healthy) {
            continue;
        }
        qCWarning(lcStore) << "Rebuilding the damaged search index" << table << ":"
                           << healthy.error().message;
        if (Result<void> r = rebuild(db, table); !r) {
            return r.error();
        }
        rebuilt.append(table);
    }
    return rebuilt;
}

}  // namespace rapport::store
