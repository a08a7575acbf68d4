#include "store/Database.h"

#include <QAtomicInteger>
#include <QDateTime>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QLockFile>
#include <QSqlQuery>

#include "store/Migrations.h"
#include "store/SearchIndex.h"
#include "store/StatementCache.h"
#include "store/StoreError.h"
#include "store/StoreLogging.h"

namespace rapport::store {

namespace {

QAtomicInteger<quint64> connectionCounter;

// Creates the folder and an empty file, private to the user, before SQLite opens it: SQLite
// gives the -wal and -shm files it creates the same mode as the database file.
// The database's folder, private to the user.
Result<void> prepareFolder(const QString& path) {
    const QDir dir = QFileInfo(path).absoluteDir();
    if (!dir.exists()) {
        if (!QDir().mkpath(dir.absolutePath())) {
            return Error::make(ErrorCode::Io,
                               Database::tr("Could not create the folder %1 for the message "
                                            "database.")
                                   .arg(QDir::toNativeSeparators(dir.absolutePath())),
                               QString(condition::ReadOnly));
        }
#ifdef Q_OS_UNIX
        QFile::setPermissions(dir.absolutePath(),
                              QFile::ReadOwner | QFile::WriteOwner | QFile::ExeOwner);
#endif
    }
    return Ok{};
}

// The database file, created private to the user. Called with the open lock held, so that
// "does it exist" and "create it" are not split by another program doing the same.
Result<void> prepareFile(const QString& path) {
    const QFileInfo info(path);
    constexpr QFile::Permissions privateFile = QFile::ReadOwner | QFile::WriteOwner;
    if (!info.exists()) {
        QFile file(path);
        if (!file.open(QIODevice::WriteOnly | QIODevice::NewOnly, privateFile)) {
            return Error::make(ErrorCode::Io,
                               Database::tr("Could not create the message database %1: %2.")
                                   .arg(QDir::toNativeSeparators(path), file.errorString()),
                               QString(condition::ReadOnly));
        }
        return Ok{};
    }
    if (info.isDir()) {
        return Error::make(ErrorCode::Io,
                           Database::tr("Could not open the message database %1: it is a "
                                        "folder.")
                               .arg(QDir::toNativeSeparators(path)),
                           QString(condition::IoFailure));
    }
#ifdef Q_OS_UNIX
    // An older file may be readable by others; tighten it (best effort: a read-only file
    // is reported by the write check after opening).
    if ((QFile::permissions(path) & ~(privateFile | QFile::ReadUser | QFile::WriteUser)) != 0) {
        QFile::setPermissions(path, privateFile);
    }
#endif
    return Ok{};
}

Result<void> exec(QSqlDatabase& db, const QString& sql, const QString& what) {
    QSqlQuery q(db);
    if (!q.exec(sql)) {
        return sqlError(q, what);
    }
    return Ok{};
}

}  // namespace

Database::Database(QString path, Options options)
    : m_path(std::move(path))
    , m_options(options)
    , m_connectionName(QStringLiteral("rapport-store-%1").arg(++connectionCounter)) {
    m_thread.setObjectName(QStringLiteral("rapport-store"));
    m_context = new QObject;
    m_context->moveToThread(&m_thread);
    m_thread.start();
}

Database::~Database() {
    if (isStoreThread()) {
        qCCritical(lcStore) << "A Database was destroyed on its own store thread; leaking it";
        return;
    }
    // Queued after everything posted so far, so that work still runs; quitting from inside
    // the last job means nothing is dropped from the queue.
    QMetaObject::invokeMethod(
        m_context,
        [this] {
            closeOnStoreThread();
            QThread::currentThread()->quit();
        },
        Qt::QueuedConnection);
    m_thread.wait();
    delete m_context;
}

Result<std::unique_ptr<Database>> Database::open(const QString& path, const Options& options) {
    if (path.isEmpty()) {
        return Error::make(ErrorCode::Usage, tr("No path was given for the message database."));
    }
    if (Result<void> prepared = prepareFolder(path); !prepared) {
        return prepared.error();
    }
    // Two programs opening a new profile at once (the app and a script, or two commands)
    // would both create the file, or both see an empty file and both create the schema; the
    // second fails. A lock file beside the database makes creating, opening and migrating
    // one at a time.
    QLockFile openLock(path + QStringLiteral(".open-lock"));
    openLock.setStaleLockTime(60000);
    if (!openLock.tryLock(30000)) {
        if (openLock.error() != QLockFile::LockFailedError) {
            // Not another program: the lock file could not be made at all.
            const QString folder = QFileInfo(path).absolutePath();
            if (!QFileInfo(folder).isWritable()) {
                return Error::make(ErrorCode::Io,
                                   tr("The folder %1 of the message database cannot be written.")
                                       .arg(QDir::toNativeSeparators(folder)),
                                   QString(condition::ReadOnly));
            }
            return Error::make(ErrorCode::Io,
                               tr("Could not create a lock file beside the message database %1 "
                                  "(is the disk full?).")
                                   .arg(QDir::toNativeSeparators(path)),
                               QString(condition::IoFailure));
        }
        return Error::make(ErrorCode::Timeout,
                           tr("Another program has been opening the message database %1 for "
                              "too long.")
                               .arg(QDir::toNativeSeparators(path)),
                           QString(condition::Locked));
    }
    if (Result<void> prepared = prepareFile(path); !prepared) {
        return prepared.error();
    }
    std::unique_ptr<Database> db(new Database(QFileInfo(path).absoluteFilePath(), options));
    Database* raw = db.get();
    const Result<void> opened =
        db->run([raw](QSqlDatabase&) { return raw->openOnStoreThread(); }).result();
    if (!opened) {
        qCWarning(lcStore) << "Could not open" << path << ":" << opened.error().message;
        return opened.error();
    }
    return db;
}

Result<void> Database::openOnStoreThread() {
    const QString what =
        tr("Could not open the message database %1").arg(QDir::toNativeSeparators(m_path));
    m_db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), m_connectionName);
    m_db.setDatabaseName(m_path);
    m_db.setConnectOptions(QStringLiteral("QSQLITE_BUSY_TIMEOUT=%1").arg(m_options.busyTimeoutMs));
    if (!m_db.open()) {
        return sqlError(m_db.lastError(), what);
    }
    // journal_mode is the first statement that reads the file: a file that is not a
    // database, or whose header promises more pages than it has, fails here.
    {
        QSqlQuery q(m_db);
        if (!q.exec(QStringLiteral("PRAGMA journal_mode=WAL")) || !q.next()) {
            return sqlError(q, what);
        }
        if (q.value(0).toString().compare(u"wal", Qt::CaseInsensitive) != 0) {
            // e.g. a file system without shared memory: still correct, only slower.
            qCWarning(lcStore) << "WAL refused; journal mode is" << q.value(0).toString();
        }
    }
    for (const char* pragma : {"PRAGMA synchronous=NORMAL", "PRAGMA foreign_keys=ON",
                               // REPLACE then fires delete triggers, keeping the external
                               // content full-text indexes in step.
                               "PRAGMA recursive_triggers=ON",
                               // Up to 24 MiB of pages (default 2 MiB): a catch-up inserts
                               // into indexes with random keys (stanza-ids), which at a
                               // million messages re-read pages from the OS for every row.
                               // 32 MiB took the desktop app over its 90 MB budget in
                               // bench_gui (90 vs 83 MiB peak over a 20,000-message
                               // catch-up) for no catch-up time it could measure: the
                               // server is the slower side.
                               "PRAGMA cache_size=-24576"}) {
        if (Result<void> r = exec(m_db, QString::fromLatin1(pragma), what); !r) {
            return r;
        }
    }
    // A read-only file or folder is only noticed on the first write (BEGIN IMMEDIATE alone
    // still succeeds), so rewrite the version number now rather than fail when the first
    // message arrives.
    const Result<int> version = Migrations::version(m_db);
    if (!version) {
        return Error::make(version.error().code,
                           what + QStringLiteral(": ") + version.error().message,
                           version.error().condition);
    }
    if (Result<void> r = exec(m_db, QStringLiteral("BEGIN IMMEDIATE"), what); !r) {
        return r;
    }
    if (Result<void> r =
            exec(m_db, QStringLiteral("PRAGMA user_version = %1").arg(version.value()), what);
        !r) {
        rollback(m_db);
        return r;
    }
    if (Result<void> r = exec(m_db, QStringLiteral("COMMIT"), what); !r) {
        rollback(m_db);
        return r;
    }
    if (Result<void> r = Migrations::migrate(m_db, m_options.schemaVersion); !r) {
        return Error::make(r.error().code,
                           tr("Could not update the message database %1: %2")
                               .arg(QDir::toNativeSeparators(m_path), r.error().message),
                           r.error().condition);
    }
    return Ok{};
}

void Database::closeOnStoreThread() {
    // Cached statements first: none may outlive the driver.
    StatementCache::release(m_connectionName);
    if (m_db.isValid()) {
        if (m_db.isOpen()) {
            // Folds the WAL back into the main file, so a closed profile is one file.
            QSqlQuery(m_db).exec(QStringLiteral("PRAGMA wal_checkpoint(TRUNCATE)"));
        }
        m_db.close();
    }
    m_db = QSqlDatabase();
    QSqlDatabase::removeDatabase(m_connectionName);
}

Result<QString> Database::moveAside(const QString& path) {
    if (!QFileInfo::exists(path)) {
        return Error::make(
            ErrorCode::NotFound,
            tr("There is no database at %1 to move aside.").arg(QDir::toNativeSeparators(path)));
    }
    const QString stamp = QDateTime::currentDateTimeUtc().toString(u"yyyyMMdd-HHmmss");
    QString target = path + QStringLiteral(".broken-") + stamp;
    for (int n = 2; QFileInfo::exists(target) || QFileInfo::exists(target + QStringLiteral("-wal"));
         ++n) {
        target = path + QStringLiteral(".broken-%1-%2").arg(stamp).arg(n);
    }
    // The -wal goes with its database: left behind, SQLite would replay its pages into the
    // fresh database created at `path`.
    QList<QPair<QString, QString>> done;
    for (const QString& suffix : {QString(), QStringLiteral("-wal"), QStringLiteral("-shm")}) {
        const QString from = path + suffix;
        if (!QFileInfo::exists(from)) {
            continue;
        }
        QFile file(from);
        if (!file.rename(target + suffix)) {
            for (auto it = done.crbegin(); it != done.crend(); ++it) {
                QFile::rename(it->second, it->first);
            }
            return Error::make(ErrorCode::Io,
                               tr("Could not move the damaged database %1 aside: %2.")
                                   .arg(QDir::toNativeSeparators(from), file.errorString()),
                               QString(condition::ReadOnly));
        }
        done.append({from, target + suffix});
    }
    qCWarning(lcStore) << "Moved the database" << path << "aside to" << target;
    return target;
}

QFuture<Result<QString>> Database::integrityCheck() {
    return run([](QSqlDatabase& db) -> Result<QString> {
        QSqlQuery q(db);
        if (!q.exec(QStringLiteral("PRAGMA integrity_check"))) {
            return sqlError(q, tr("Could not check the message database"));
        }
        QStringList lines;
        while (q.next()) {
            lines.append(q.value(0).toString());
        }
        if (q.lastError().isValid()) {
            return sqlError(q, tr("Could not check the message database"));
        }
        return lines.join(u'\n');
    });
}

QFuture<Result<void>> Database::rebuildSearchIndex() {
    return run([](QSqlDatabase& db) { return SearchIndex::rebuildAll(db); });
}

QFuture<Result<QStringList>> Database::repairSearchIndex() {
    return run([](QSqlDatabase& db) { return SearchIndex::repair(db); });
}

Result<void> Database::begin(QSqlDatabase& db) {
    // IMMEDIATE takes the write lock up front, so a transaction never fails half-way with
    // "database is locked" when it tries to upgrade a read lock.
    return exec(db, QStringLiteral("BEGIN IMMEDIATE"), tr("Could not start a transaction"));
}

Result<void> Database::commit(QSqlDatabase& db) {
    return exec(db, QStringLiteral("COMMIT"), tr("Could not save the changes"));
}

void Database::rollback(QSqlDatabase& db) {
    QSqlQuery(db).exec(QStringLiteral("ROLLBACK"));
}

bool Database::repairSearchIndexAfter(QSqlDatabase& db, const Error& error) {
    // A damaged FTS5 index reports SQLITE_CORRUPT, "vtable constructor failed" or even
    // SQLITE_NOMEM (garbage sizes in its structure record): check whenever a write failed
    // for a reason that is not the caller's input.
    if (error.condition != condition::SearchIndexDamaged && error.condition != condition::Corrupt &&
        error.condition != condition::Statement) {
        return false;
    }
    const Result<QStringList> repaired = SearchIndex::repair(db);
    if (!repaired) {
        qCWarning(lcStore) << "Could not repair the search index:" << repaired.error().message;
        return false;
    }
    return !repaired.value().isEmpty();
}

}  // namespace rapport::store
