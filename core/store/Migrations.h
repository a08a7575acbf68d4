// The schema, versioned with PRAGMA user_version. A new database gets the current schema in
// one step (currentSchema()); an older one runs the migrations after its version, in order,
// each in its own transaction with its version bump. A test checks that both ways give the
// same schema, so the two cannot drift apart.
//
// Adding a change: append a Migration with the next version, and make currentSchema() say
// the same thing. Never edit a migration that has shipped.
#pragma once

#include <QSqlDatabase>
#include <QStringList>
#include <vector>

#include "common/Result.h"

namespace rapport::store {

struct Migration {
    int version;  // the user_version after it ran
    QStringList statements;
};

class Migrations {
public:
    // Ordered by version, starting at 1.
    static const std::vector<Migration>& all();
    static int latestVersion();
    // The whole current schema, for a new database.
    static const QStringList& currentSchema();

    static Result<int> version(QSqlDatabase& db);

    // Brings db to `target` (-1: the latest). A new, empty database at the latest version gets
    // currentSchema(); otherwise the migrations after its version run. A database from a newer
    // Rapport is refused (condition::NewerSchema), never touched.
    static Result<void> migrate(QSqlDatabase& db, int target = -1);
    // Runs the migrations after db's version up to `target`, even for an empty database
    // (the "upgraded equals fresh" test builds the upgraded side with it).
    static Result<void> upgrade(QSqlDatabase& db, int target);
};

}  // namespace rapport::store
