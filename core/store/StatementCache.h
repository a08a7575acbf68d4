// Prepared statements kept for the life of a connection. Preparing is not free (SQLite
// parses and plans each statement), and a live message arrives in a batch of one or two:
// preparing a batch's eleven statements every time was a fifth of the store thread's work
// in a burst. Each kind of statement set is prepared once per connection instead.
//
// Store thread only: the cache is per thread, and a connection lives on one thread.
#pragma once

#include <QSqlDatabase>
#include <QSqlError>
#include <QString>
#include <memory>
#include <typeindex>

namespace rapport::store::StatementCache {

namespace detail {
// The set of type `type` for the connection, or null if there is none yet.
void* find(const QString& connection, std::type_index type);
void* keep(const QString& connection, std::type_index type, std::shared_ptr<void> set);
}  // namespace detail

// The statement set T for db: T(db) is made and its prepare() called on first use. Null
// when prepare() fails (the next call tries again); the caller reports T's error then.
// T's statements must be finished (QSqlQuery::finish) after each use, so that none holds
// a read transaction open between uses.
template <class T>
T* get(QSqlDatabase& db, QSqlError* error = nullptr) {
    const QString connection = db.connectionName();
    if (void* found = detail::find(connection, typeid(T))) {
        return static_cast<T*>(found);
    }
    auto set = std::make_shared<T>(db);
    if (!set->prepare()) {
        if (error) {
            *error = set->lastError();
        }
        return nullptr;
    }
    return static_cast<T*>(detail::keep(connection, typeid(T), std::move(set)));
}

// Drops the connection's statements. Database calls it before closing the connection: a
// statement must not outlive its driver.
void release(const QString& connection);

}  // namespace rapport::store::StatementCache
