// The store's Database: opening (file mode, WAL, pragmas), the store thread, errors as
// values, transactions, and migrations (an upgraded database equals a fresh one).
#include <QFileInfo>
#include <QSqlQuery>
#include <QSqlRecord>
#include <QTemporaryDir>
#include <QtConcurrent>
#include <QtTest>

#include "Await.h"
#include "store/Database.h"
#include "store/Migrations.h"
#include "store/StoreError.h"

#ifdef Q_OS_UNIX
#include <sys/stat.h>
#endif

using namespace rapport;
using namespace rapport::store;

using rapport::test::await;

namespace {

// Every schema object, as SQLite stores it.
QStringList schemaOf(Database& db) {
    return await(db.run([](QSqlDatabase& d) {
        QStringList rows;
        QSqlQuery q(d);
        q.exec(QStringLiteral("SELECT type, name, tbl_name, sql FROM sqlite_master ORDER BY name"));
        while (q.next()) {
            rows.append(QStringList{q.value(0).toString(), q.value(1).toString(),
                                    q.value(2).toString(), q.value(3).toString()}
                            .join(u'|'));
        }
        return rows;
    }));
}

QVariant scalar(Database& db, const QString& sql) {
    return await(db.run([sql](QSqlDatabase& d) {
        QSqlQuery q(d);
        if (!q.exec(sql) || !q.next()) {
            return QVariant();
        }
        return q.value(0);
    }));
}

bool exec(Database& db, const QString& sql) {
    return await(db.run([sql](QSqlDatabase& d) { return QSqlQuery(d).exec(sql); }));
}

int fileMode(const QString& path) {
#ifdef Q_OS_UNIX
    struct stat st {};
    if (::stat(QFile::encodeName(path).constData(), &st) != 0) {
        return -1;
    }
    return static_cast<int>(st.st_mode & 0777);
#else
    Q_UNUSED(path);
    return 0600;
#endif
}

}  // namespace

class TestDatabase : public QObject {
    Q_OBJECT

private slots:
    void init() {
        tmp = std::make_unique<QTemporaryDir>();
        QVERIFY(tmp->isValid());
    }
    void cleanup() { tmp.reset(); }

    void openCreatesPrivateWalDatabaseAndFolder() {
        const QString path = file(QStringLiteral("profile/juliet@example.com/rapport.sqlite"));
        auto opened = Database::open(path);
        QVERIFY2(opened.ok(), qPrintable(opened.error().message));
        Database& db = *opened.value();
        QVERIFY(QFileInfo::exists(path));
        QCOMPARE(fileMode(path), 0600);
        QCOMPARE(scalar(db, QStringLiteral("PRAGMA journal_mode")).toString(),
                 QStringLiteral("wal"));
        QVERIFY(QFileInfo::exists(path + QStringLiteral("-wal")));
        QCOMPARE(fileMode(path + QStringLiteral("-wal")), 0600);
        QCOMPARE(scalar(db, QStringLiteral("PRAGMA foreign_keys")).toInt(), 1);
        QCOMPARE(scalar(db, QStringLiteral("PRAGMA synchronous")).toInt(), 1);  // NORMAL
        QCOMPARE(scalar(db, QStringLiteral("PRAGMA recursive_triggers")).toInt(), 1);
        QVERIFY(scalar(db, QStringLiteral("PRAGMA busy_timeout")).toInt() > 0);
        QCOMPARE(scalar(db, QStringLiteral("PRAGMA user_version")).toInt(),
                 Migrations::latestVersion());
    }

    // The app and a script (or two commands) opening a profile that does not exist yet:
    // both open it, neither is told the file "exists".
    void concurrentOpensOfANewProfileAllSucceed() {
        for (int round = 0; round < 10; ++round) {
            const QString path =
                file(QStringLiteral("race%1/juliet@example.com/rapport.sqlite").arg(round));
            QList<QFuture<QString>> opens;
            for (int i = 0; i < 4; ++i) {
                opens << QtConcurrent::run([path] {
                    auto opened = Database::open(path);
                    return opened.ok() ? QString() : opened.error().message;
                });
            }
            for (QFuture<QString>& open : opens) {
                QCOMPARE(open.result(), QString());
            }
            QCOMPARE(fileMode(path), 0600);
        }
    }

    void openTightensAnExistingFile() {
        const QString path = file(QStringLiteral("rapport.sqlite"));
        QFile f(path);
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.close();
        QVERIFY(f.setPermissions(QFile::ReadOwner | QFile::WriteOwner | QFile::ReadOther));
        auto opened = Database::open(path);
        QVERIFY2(opened.ok(), qPrintable(opened.error().message));
        QCOMPARE(fileMode(path), 0600);
    }

    void reopenKeepsData() {
        const QString path = file(QStringLiteral("rapport.sqlite"));
        {
            auto db = Database::open(path);
            QVERIFY(db.ok());
            QVERIFY(
                exec(*db.value(), QStringLiteral("INSERT INTO sync_cursors VALUES ('a', 'b', 1)")));
        }
        // Closing checkpoints the WAL into the main file.
        QCOMPARE(QFileInfo(path + QStringLiteral("-wal")).size(), 0);
        auto db = Database::open(path);
        QVERIFY(db.ok());
        QCOMPARE(scalar(*db.value(), QStringLiteral("SELECT cursor FROM sync_cursors")).toString(),
                 QStringLiteral("b"));
    }

    // --- the store thread

    void runExecutesOnTheStoreThread() {
        auto db = Database::open(file(QStringLiteral("rapport.sqlite")));
        QVERIFY(db.ok());
        QThread* first =
            await(db.value()->run([](QSqlDatabase&) { return QThread::currentThread(); }));
        QThread* second =
            await(db.value()->run([](QSqlDatabase&) { return QThread::currentThread(); }));
        QVERIFY(first != QThread::currentThread());
        QCOMPARE(first, second);  // one thread, one connection
        QVERIFY(!db.value()->isStoreThread());
        QVERIFY(await(db.value()->run([&](QSqlDatabase&) { return db.value()->isStoreThread(); })));
    }

    void runKeepsOrderAndContinuesOnTheCallersThread() {
        auto db = Database::open(file(QStringLiteral("rapport.sqlite")));
        QVERIFY(db.ok());
        QList<int> order;
        for (int i = 0; i < 50; ++i) {
            db.value()->run([&order, i](QSqlDatabase&) { order.append(i); });
        }
        QObject context;
        QThread* continuedOn = nullptr;
        bool done = false;
        db.value()->run([](QSqlDatabase&) { return 42; }).then(&context, [&](int v) {
            continuedOn = QThread::currentThread();
            done = v == 42;
        });
        QTRY_VERIFY(done);
        QCOMPARE(continuedOn, QThread::currentThread());
        QCOMPARE(order.size(), 50);
        QVERIFY(std::is_sorted(order.cbegin(), order.cend()));
    }

    void destroyingFinishesQueuedWork() {
        auto db = Database::open(file(QStringLiteral("rapport.sqlite")));
        QVERIFY(db.ok());
        QList<QFuture<bool>> futures;
        for (int i = 0; i < 20; ++i) {
            futures.append(db.value()->run([i](QSqlDatabase& d) {
                return QSqlQuery(d).exec(
                    QStringLiteral("INSERT INTO sync_cursors VALUES ('s%1', 'c', 0)").arg(i));
            }));
        }
        db.value().reset();
        for (const QFuture<bool>& f : futures) {
            QVERIFY(f.isFinished());
            QVERIFY(f.result());
        }
        auto again = Database::open(file(QStringLiteral("rapport.sqlite")));
        QVERIFY(again.ok());
        QCOMPARE(
            scalar(*again.value(), QStringLiteral("SELECT count(*) FROM sync_cursors")).toInt(),
            20);
    }

    // --- errors and transactions

    void queryErrorIsAResultNotACrash() {
        auto db = Database::open(file(QStringLiteral("rapport.sqlite")));
        QVERIFY(db.ok());
        const Result<int> r = await(db.value()->run([](QSqlDatabase& d) -> Result<int> {
            QSqlQuery q(d);
            if (!q.exec(QStringLiteral("SELECT nope FROM no_such_table"))) {
                return sqlError(q, QStringLiteral("Could not read"));
            }
            return 1;
        }));
        QVERIFY(!r.ok());
        QCOMPARE(r.error().code, ErrorCode::Internal);
        QCOMPARE(r.error().condition, QString(condition::Statement));
        QVERIFY2(r.error().message.startsWith(QStringLiteral("Could not read: ")),
                 qPrintable(r.error().message));
        QVERIFY2(r.error().message.contains(QStringLiteral("no_such_table")),
                 qPrintable(r.error().message));
        // The connection still works.
        QCOMPARE(scalar(*db.value(), QStringLiteral("SELECT 7")).toInt(), 7);
    }

    void transactionCommitsOrRollsBack() {
        auto db = Database::open(file(QStringLiteral("rapport.sqlite")));
        QVERIFY(db.ok());
        const auto insert = [](const QString& source) {
            return [source](QSqlDatabase& d) -> Result<void> {
                QSqlQuery q(d);
                q.prepare(QStringLiteral("INSERT INTO sync_cursors VALUES (?, 'c', 0)"));
                q.addBindValue(source);
                if (!q.exec()) {
                    return sqlError(q, QStringLiteral("insert"));
                }
                return Ok{};
            };
        };
        QVERIFY(await(db.value()->transaction(insert(QStringLiteral("a")))).ok());
        // The second insert of "a" violates the key: the whole transaction goes, "b" too.
        const Result<void> failed =
            await(db.value()->transaction([&](QSqlDatabase& d) -> Result<void> {
                if (Result<void> r = insert(QStringLiteral("b"))(d); !r) {
                    return r;
                }
                return insert(QStringLiteral("a"))(d);
            }));
        QVERIFY(!failed.ok());
        QCOMPARE(
            scalar(*db.value(), QStringLiteral("SELECT group_concat(source) FROM sync_cursors"))
                .toString(),
            QStringLiteral("a"));
        // And the connection is out of the transaction again.
        QVERIFY(await(db.value()->transaction(insert(QStringLiteral("c")))).ok());
    }

    // --- migrations

    // A database made at v1, holding data, then upgraded by opening it with this version,
    // has exactly the schema of a new database; and so has one migrated step by step from v0.
    void upgradedSchemaEqualsFresh() {
        const QString freshPath = file(QStringLiteral("fresh.sqlite"));
        const QString oldPath = file(QStringLiteral("old.sqlite"));
        const QString stepsPath = file(QStringLiteral("steps.sqlite"));
        QVERIFY(Migrations::latestVersion() >= 2);

        auto fresh = Database::open(freshPath);
        QVERIFY(fresh.ok());
        const QStringList freshSchema = schemaOf(*fresh.value());
        QVERIFY(freshSchema.size() > 20);

        {
            auto v1 = Database::open(oldPath, {.busyTimeoutMs = 5000, .schemaVersion = 1});
            QVERIFY2(v1.ok(), qPrintable(v1.error().message));
            QCOMPARE(scalar(*v1.value(), QStringLiteral("PRAGMA user_version")).toInt(), 1);
            QVERIFY(schemaOf(*v1.value()) != freshSchema);  // else this test proves nothing
            QVERIFY(exec(*v1.value(),
                         QStringLiteral("INSERT INTO conversations(jid) VALUES ('romeo@x')")));
            QVERIFY(exec(*v1.value(),
                         QStringLiteral("INSERT INTO messages(conversation_id, direction, sender, "
                                        "body, timestamp, message_id) "
                                        "VALUES (1, 0, 'romeo@x', 'un café', 5, 'm1')")));
        }
        auto upgraded = Database::open(oldPath);
        QVERIFY2(upgraded.ok(), qPrintable(upgraded.error().message));
        QCOMPARE(scalar(*upgraded.value(), QStringLiteral("PRAGMA user_version")).toInt(),
                 Migrations::latestVersion());
        QCOMPARE(schemaOf(*upgraded.value()), freshSchema);
        // The data made it, and the index found it.
        QCOMPARE(
            scalar(*upgraded.value(),
                   QStringLiteral("SELECT rowid FROM messages_fts WHERE messages_fts MATCH 'cafe'"))
                .toInt(),
            1);
        // Including the filter words of v5 (conversation 1, the day of timestamp 5 ms).
        QCOMPARE(scalar(*upgraded.value(),
                        QStringLiteral("SELECT rowid FROM messages_fts WHERE messages_fts "
                                       "MATCH '{facets} : (c1 AND d19700101)'"))
                     .toInt(),
                 1);

        auto empty = Database::open(stepsPath, {.busyTimeoutMs = 5000, .schemaVersion = 0});
        QVERIFY(empty.ok());
        QVERIFY(schemaOf(*empty.value()).isEmpty());
        QVERIFY(await(empty.value()->run([](QSqlDatabase& d) {
                    return Migrations::upgrade(d, Migrations::latestVersion());
                })).ok());
        QCOMPARE(schemaOf(*empty.value()), freshSchema);
    }

    void newerSchemaIsRefusedUntouched() {
        const QString path = file(QStringLiteral("rapport.sqlite"));
        {
            auto db = Database::open(path);
            QVERIFY(db.ok());
            QVERIFY(exec(*db.value(), QStringLiteral("PRAGMA user_version = 999")));
        }
        auto db = Database::open(path);
        QVERIFY(!db.ok());
        QCOMPARE(db.error().code, ErrorCode::Usage);
        QCOMPARE(db.error().condition, QString(condition::NewerSchema));
        QVERIFY2(db.error().message.contains(QStringLiteral("newer version")),
                 qPrintable(db.error().message));
    }

private:
    QString file(const QString& name) const { return tmp->filePath(name); }

    std::unique_ptr<QTemporaryDir> tmp;
};

QTEST_GUILESS_MAIN(TestDatabase)
#include "tst_database.moc"
