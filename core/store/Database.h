// core/store: the local SQLite store, one file per account and the UI's source of truth
// (the network only feeds it). Database owns the store thread and the one connection on
// it; the *Store classes beside it are the per-domain APIs (messages, conversations,
// outbox, sync cursors, contacts), and Migrations owns the schema.
#pragma once

#include <QCoreApplication>
#include <QFuture>
#include <QPromise>
#include <QSqlDatabase>
#include <QString>
#include <QThread>
#include <memory>
#include <type_traits>

#include "common/Result.h"

namespace rapport::store {

class Database {
    Q_DECLARE_TR_FUNCTIONS(Database)
public:
    struct Options {
        // How long a statement waits for another connection's lock before failing as
        // condition::Locked.
        int busyTimeoutMs = 5000;
        // The schema version to migrate to; -1 is the latest. Tests build old schemas with it.
        int schemaVersion = -1;
    };

    // Opens the database at `path`, creating it and its folder (mode 0600/0700 on Unix) when
    // missing, on a new store thread: WAL, synchronous=NORMAL, foreign keys, then migrations.
    // Blocks the calling thread until that is done: a few ms for an existing database, longer
    // only while a migration rewrites a big one. Callable from any thread, so a GUI that
    // expects a long migration can call it through QtConcurrent::run. Errors carry a
    // condition:: value; on Corrupt or NotADatabase, offer moveAside() and a resync.
    static Result<std::unique_ptr<Database>> open(const QString& path, const Options& options);
    static Result<std::unique_ptr<Database>> open(const QString& path) { return open(path, {}); }

    // Finishes the work already posted, closes the connection and stops the thread. Never
    // destroy a Database on its own store thread (from a continuation without a context).
    ~Database();
    Database(const Database&) = delete;
    Database& operator=(const Database&) = delete;

    // Renames a damaged database and its -wal/-shm to "<name>.broken-<UTC time>[-wal|-shm]"
    // so nothing is deleted and a fresh database can be created at `path`. All or nothing:
    // a failed rename undoes the others. Only for a file that no Database has open.
    static Result<QString> moveAside(const QString& path);

    QString path() const { return m_path; }

    // The one way onto the store thread: runs f(QSqlDatabase&) there, after everything posted
    // before it, and resolves with what f returns. Continue with .then(context, ...) to come
    // back to the caller's thread. f must not block on another future of this Database.
    template <class F>
    auto run(F&& f) -> QFuture<std::invoke_result_t<std::decay_t<F>&, QSqlDatabase&>>;

    // run() inside one write transaction: committed if f returns success, rolled back if it
    // returns an error. f returns a Result<T>.
    template <class F>
    auto transaction(F&& f) {
        return run(
            [f = std::forward<F>(f)](QSqlDatabase& db) mutable { return inTransaction(db, f); });
    }

    // On the store thread (inside run()): f between BEGIN IMMEDIATE and COMMIT. Does not nest.
    // If f fails because a full-text index is damaged (its triggers fire on every write to
    // messages, answers and tips), the index is rebuilt and f runs once more, so a damaged
    // index never stops messages from being saved.
    template <class F>
    static auto inTransaction(QSqlDatabase& db, F&& f) -> std::invoke_result_t<F&, QSqlDatabase&>;

    // "ok", or SQLite's list of problems. An error only if the check itself could not run.
    QFuture<Result<QString>> integrityCheck();
    // Rebuilds the three full-text indexes from their tables.
    QFuture<Result<void>> rebuildSearchIndex();
    // Checks each full-text index (FTS5 integrity-check, which reads the whole index: run it
    // after open, in the background) and rebuilds the damaged ones. Resolves with their names.
    QFuture<Result<QStringList>> repairSearchIndex();

    bool isStoreThread() const { return QThread::currentThread() == &m_thread; }

private:
    Database(QString path, Options options);
    Result<void> openOnStoreThread();
    void closeOnStoreThread();

    static Result<void> begin(QSqlDatabase& db);
    static Result<void> commit(QSqlDatabase& db);
    static void rollback(QSqlDatabase& db);
    // After a failed transaction: repairs the full-text indexes if `error` may come from one.
    // True if one was rebuilt, so retrying makes sense.
    static bool repairSearchIndexAfter(QSqlDatabase& db, const Error& error);

    QString m_path;
    Options m_options;
    QString m_connectionName;
    QThread m_thread;
    QObject* m_context = nullptr;  // lives on m_thread: queued calls to it run there
    QSqlDatabase m_db;             // used on m_thread only
};

template <class F>
auto Database::run(F&& f) -> QFuture<std::invoke_result_t<std::decay_t<F>&, QSqlDatabase&>> {
    using R = std::invoke_result_t<std::decay_t<F>&, QSqlDatabase&>;
    auto promise = std::make_shared<QPromise<R>>();
    QFuture<R> future = promise->future();
    promise->start();
    QMetaObject::invokeMethod(
        m_context,
        [this, promise, f = std::forward<F>(f)]() mutable {
            if constexpr (std::is_void_v<R>) {
                f(m_db);
            } else {
                promise->addResult(f(m_db));
            }
            promise->finish();
        },
        Qt::QueuedConnection);
    return future;
}

template <class F>
auto Database::inTransaction(QSqlDatabase& db, F&& f) -> std::invoke_result_t<F&, QSqlDatabase&> {
    using R = std::invoke_result_t<F&, QSqlDatabase&>;
    for (int attempt = 0;; ++attempt) {
        if (Result<void> begun = begin(db); !begun) {
            return R(begun.error());
        }
        R result = f(db);
        if (result.ok()) {
            Result<void> committed = commit(db);
            if (committed) {
                return result;
            }
            result = R(committed.error());
        }
        rollback(db);
        if (attempt > 0 || !repairSearchIndexAfter(db, result.error())) {
            return result;
        }
    }
}

}  // namespace rapport::store
