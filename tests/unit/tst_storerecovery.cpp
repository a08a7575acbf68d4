// When the database file is not what it should be: truncated, garbage, read-only, locked
// by another program, or with a damaged full-text index. Each gives a clear error (or is
// repaired), never a crash, and nothing is deleted.
#include <QProcess>
#include <QRandomGenerator>
#include <QSqlError>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QtTest>

#include "Await.h"
#include "store/Database.h"
#include "store/MessageStore.h"
#include "store/StoreError.h"

using namespace rapport;
using namespace rapport::store;

using rapport::test::await;

namespace {

const QString Romeo = QStringLiteral("romeo@montague.example");

QList<StoredMessage> someMessages(int n, int offset = 0) {
    QList<StoredMessage> batch;
    for (int i = offset; i < offset + n; ++i) {
        StoredMessage m;
        m.peer = m.sender = Romeo;
        m.body = QStringLiteral("message %1 about the café printer, with some padding text").arg(i);
        m.timestamp = QDateTime::fromMSecsSinceEpoch(1700000000000 + i, Qt::UTC);
        m.stanzaId = QStringLiteral("s%1").arg(i);
        batch.append(m);
    }
    return batch;
}

bool sh(const QString& program, const QStringList& args) {
    QProcess p;
    p.start(program, args);
    return p.waitForFinished() && p.exitStatus() == QProcess::NormalExit && p.exitCode() == 0;
}

}  // namespace

class TestStoreRecovery : public QObject {
    Q_OBJECT

private slots:
    void init() {
        tmp = std::make_unique<QTemporaryDir>();
        QVERIFY(tmp->isValid());
        path = tmp->filePath(QStringLiteral("rapport.sqlite"));
    }
    void cleanup() {
        for (const QString& f : std::as_const(immutable)) {
            sh(QStringLiteral("chattr"), {QStringLiteral("-i"), f});
        }
        immutable.clear();
        tmp.reset();
    }

    // --- the file itself

    void truncatedFileIsAClearErrorAndCanBeMovedAside() {
        makeDatabase(3000);
        const qint64 size = QFileInfo(path).size();
        QVERIFY(size > 100 * 1024);
        QVERIFY(QFile::resize(path, size / 2));

        auto opened = Database::open(path);
        QVERIFY(!opened.ok());
        QCOMPARE(opened.error().condition, QString(condition::Corrupt));
        QCOMPARE(opened.error().code, ErrorCode::Protocol);
        QVERIFY2(opened.error().message.contains(QStringLiteral("damaged")),
                 qPrintable(opened.error().message));
        QVERIFY2(opened.error().message.contains(path), qPrintable(opened.error().message));
        QCOMPARE(QFileInfo(path).size(), size / 2);  // untouched

        const Result<QString> moved = Database::moveAside(path);
        QVERIFY2(moved.ok(), qPrintable(moved.error().message));
        QVERIFY(moved.value().startsWith(path + QStringLiteral(".broken-")));
        QCOMPARE(QFileInfo(moved.value()).size(), size / 2);
        QVERIFY(!QFileInfo::exists(path));
        QVERIFY(!QFileInfo::exists(path + QStringLiteral("-wal")));

        auto fresh = Database::open(path);
        QVERIFY2(fresh.ok(), qPrintable(fresh.error().message));
        QCOMPARE(await(MessageStore(*fresh.value()).count()).value(), 0);
        QCOMPARE(await(fresh.value()->integrityCheck()).value(), QStringLiteral("ok"));
        QVERIFY(QFileInfo::exists(moved.value()));
    }

    void moveAsideTakesTheWalAlong() {
        QVERIFY(QDir().mkpath(tmp->path()));
        for (const char* suffix : {"", "-wal", "-shm"}) {
            QFile f(path + QLatin1String(suffix));
            QVERIFY(f.open(QIODevice::WriteOnly));
            f.write(suffix);
        }
        const Result<QString> moved = Database::moveAside(path);
        QVERIFY(moved.ok());
        QCOMPARE(QDir(tmp->path()).entryList(QDir::Files).size(), 3);
        QVERIFY(QFileInfo::exists(moved.value() + QStringLiteral("-wal")));
        QVERIFY(QFileInfo::exists(moved.value() + QStringLiteral("-shm")));
        QVERIFY(!QFileInfo::exists(path + QStringLiteral("-wal")));
        // Twice in one second does not overwrite the first.
        QFile f(path);
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.close();
        const Result<QString> again = Database::moveAside(path);
        QVERIFY(again.ok());
        QVERIFY(again.value() != moved.value());
        QCOMPARE(Database::moveAside(path).error().code, ErrorCode::NotFound);
    }

    void garbageFileIsAClearError() {
        QFile f(path);
        QVERIFY(f.open(QIODevice::WriteOnly));
        for (int i = 0; i < 400; ++i) {
            f.write("This is a text file that someone saved under the database's name.\n");
        }
        f.close();
        auto opened = Database::open(path);
        QVERIFY(!opened.ok());
        QCOMPARE(opened.error().condition, QString(condition::NotADatabase));
        QCOMPARE(opened.error().code, ErrorCode::Protocol);
        QVERIFY2(opened.error().message.contains(QStringLiteral("not a Rapport database")),
                 qPrintable(opened.error().message));
        QVERIFY(QFile(path).size() > 20000);  // never overwritten

        // Random bytes, too.
        QVERIFY(f.open(QIODevice::WriteOnly));
        for (int i = 0; i < 4096; ++i) {
            const char byte = static_cast<char>(QRandomGenerator::global()->bounded(256));
            f.write(&byte, 1);
        }
        f.close();
        opened = Database::open(path);
        QVERIFY(!opened.ok());
        QVERIFY(isCorruption(opened.error()));
    }

    // Root ignores file modes, so "read-only" is made with what stops root too: a parent
    // that is a regular file, and the immutable attribute (chattr +i; skipped where the
    // file system or capabilities do not allow it).
    void folderThatCannotBeCreatedIsAClearError() {
        QFile file(tmp->filePath(QStringLiteral("not-a-folder")));
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.close();
        auto opened =
            Database::open(tmp->filePath(QStringLiteral("not-a-folder/sub/rapport.sqlite")));
        QVERIFY(!opened.ok());
        QCOMPARE(opened.error().code, ErrorCode::Io);
        QCOMPARE(opened.error().condition, QString(condition::ReadOnly));
        QVERIFY2(opened.error().message.contains(QStringLiteral("Could not create the folder")),
                 qPrintable(opened.error().message));

        auto dir = Database::open(tmp->path());  // a folder, not a file
        QVERIFY(!dir.ok());
        QCOMPARE(dir.error().code, ErrorCode::Io);
    }

    void readOnlyFileIsAClearError() {
        makeDatabase(10);
        if (!makeImmutable(path)) {
            QSKIP("chattr +i is not available here");
        }
        auto opened = Database::open(path);
        QVERIFY(!opened.ok());
        QCOMPARE(opened.error().code, ErrorCode::Io);
        QCOMPARE(opened.error().condition, QString(condition::ReadOnly));
        QVERIFY2(opened.error().message.contains(QStringLiteral("cannot be written")),
                 qPrintable(opened.error().message));
    }

    void readOnlyFolderIsAClearError() {
        const QString folder = tmp->filePath(QStringLiteral("locked-folder"));
        QVERIFY(QDir().mkpath(folder));
        if (!makeImmutable(folder)) {
            QSKIP("chattr +i is not available here");
        }
        auto opened = Database::open(folder + QStringLiteral("/rapport.sqlite"));
        QVERIFY(!opened.ok());
        QCOMPARE(opened.error().code, ErrorCode::Io);
        QCOMPARE(opened.error().condition, QString(condition::ReadOnly));
    }

    void lockedFileIsAClearError() {
        // Another connection (as another process would) holds an exclusive lock.
        QSqlDatabase locker =
            QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), QStringLiteral("locker"));
        locker.setDatabaseName(path);
        QVERIFY(locker.open());
        {
            QSqlQuery q(locker);
            QVERIFY(q.exec(QStringLiteral("CREATE TABLE t(x)")));
            QVERIFY(q.exec(QStringLiteral("BEGIN EXCLUSIVE")));
            QVERIFY(q.exec(QStringLiteral("INSERT INTO t VALUES (1)")));
        }
        auto opened = Database::open(path, {.busyTimeoutMs = 200, .schemaVersion = -1});
        QVERIFY(!opened.ok());
        QCOMPARE(opened.error().code, ErrorCode::Timeout);
        QCOMPARE(opened.error().condition, QString(condition::Locked));
        QVERIFY2(opened.error().message.contains(QStringLiteral("another program")),
                 qPrintable(opened.error().message));
        QSqlQuery(locker).exec(QStringLiteral("COMMIT"));
        locker.close();
        locker = QSqlDatabase();
        QSqlDatabase::removeDatabase(QStringLiteral("locker"));
        // Released: now it opens (and keeps the other program's table).
        auto later = Database::open(path);
        QVERIFY2(later.ok(), qPrintable(later.error().message));
    }

    // --- the full-text index

    void damagedSearchIndexIsDetectedAndRebuilt() {
        makeDatabase(500);
        auto opened = Database::open(path);
        QVERIFY(opened.ok());
        Database& db = *opened.value();
        QCOMPARE(await(db.repairSearchIndex()).value(), QStringList());
        QCOMPARE(matches(db, QStringLiteral("cafe")), 500);

        // Lose the index's segments.
        QVERIFY(exec(db, QStringLiteral("DELETE FROM messages_fts_data WHERE id > 10")));
        QVERIFY(matches(db, QStringLiteral("cafe")) != 500);
        // What core/search sees: a damaged index, not a damaged file.
        const Result<int> query = await(db.run([](QSqlDatabase& d) -> Result<int> {
            QSqlQuery q(d);
            if (!q.exec(QStringLiteral(
                    "SELECT count(*) FROM messages_fts WHERE messages_fts MATCH 'cafe'"))) {
                return sqlError(q, QStringLiteral("Search failed"));
            }
            int n = 0;
            while (q.next()) {
                ++n;
            }
            if (q.lastError().isValid()) {
                return sqlError(q, QStringLiteral("Search failed"));
            }
            return n;
        }));
        QVERIFY(!query.ok());
        QCOMPARE(query.error().condition, QString(condition::SearchIndexDamaged));
        QVERIFY(!isCorruption(query.error()));
        const Result<QStringList> repaired = await(db.repairSearchIndex());
        QVERIFY2(repaired.ok(), qPrintable(repaired.error().message));
        QCOMPARE(repaired.value(), QStringList{QStringLiteral("messages_fts")});
        QCOMPARE(matches(db, QStringLiteral("cafe")), 500);
        QCOMPARE(await(MessageStore(db).count()).value(), 500);
        QCOMPARE(await(db.integrityCheck()).value(), QStringLiteral("ok"));
        QCOMPARE(await(db.repairSearchIndex()).value(), QStringList());
    }

    void garbageSearchIndexIsRebuiltWhenAWriteHitsIt() {
        makeDatabase(200);
        auto opened = Database::open(path);
        QVERIFY(opened.ok());
        Database& db = *opened.value();
        // Garbage in the index's structure record: FTS5 cannot even load the index now, and
        // its insert trigger fails every write to messages.
        QVERIFY(exec(db, QStringLiteral(
                             "UPDATE messages_fts_data SET block = randomblob(64) WHERE id = 10")));
        QVERIFY(exec(db, QStringLiteral(
                             "UPDATE answers_fts_data SET block = randomblob(64) WHERE id = 10")));
        QVERIFY(!exec(db, QStringLiteral(
                              "INSERT INTO messages_fts(messages_fts) VALUES('integrity-check')")));

        // Saving messages still works: the index is rebuilt and the batch retried.
        const Result<int> stored = await(MessageStore(db).insertBatch(someMessages(50, 200)));
        QVERIFY2(stored.ok(), qPrintable(stored.error().message));
        QCOMPARE(stored.value(), 50);
        QCOMPARE(await(MessageStore(db).count()).value(), 250);
        QCOMPARE(matches(db, QStringLiteral("cafe")), 250);

        // The repair checked every index, so answers_fts works again too.
        QCOMPARE(await(db.repairSearchIndex()).value(), QStringList());
        QVERIFY(exec(db, QStringLiteral("INSERT INTO answers(id, title, body, created, updated) "
                                        "VALUES ('a1', 'Printer', 'x', 1, 1)")));
        QVERIFY(await(db.rebuildSearchIndex()).ok());
        QCOMPARE(matches(db, QStringLiteral("printer")), 250);
        QCOMPARE(await(db.integrityCheck()).value(), QStringLiteral("ok"));
    }

    void integrityCheckReportsDamage() {
        makeDatabase(300);
        {
            auto opened = Database::open(path);
            QVERIFY(opened.ok());
            QCOMPARE(await(opened.value()->integrityCheck()).value(), QStringLiteral("ok"));
        }
        // Make an index disagree with its table, behind SQLite's back.
        {
            QSqlDatabase raw =
                QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), QStringLiteral("raw"));
            raw.setDatabaseName(path);
            QVERIFY(raw.open());
            QSqlQuery q(raw);
            QVERIFY(q.exec(QStringLiteral("PRAGMA writable_schema = ON")));
            QVERIFY(q.exec(QStringLiteral(
                "UPDATE sqlite_master SET sql = 'CREATE INDEX messages_conversation_order ON "
                "messages(conversation_id, body)' WHERE name = 'messages_conversation_order'")));
            q.finish();
            raw.close();
        }
        QSqlDatabase::removeDatabase(QStringLiteral("raw"));
        auto opened = Database::open(path);
        QVERIFY2(opened.ok(), qPrintable(opened.error().message));
        const Result<QString> report = await(opened.value()->integrityCheck());
        QVERIFY2(report.ok(), qPrintable(report.error().message));
        QVERIFY(report.value() != QStringLiteral("ok"));
        QVERIFY2(report.value().contains(QStringLiteral("messages_conversation_order")),
                 qPrintable(report.value()));
    }

private:
    void makeDatabase(int messages) {
        auto db = Database::open(path);
        QVERIFY2(db.ok(), qPrintable(db.error().message));
        if (messages > 0) {
            QCOMPARE(await(MessageStore(*db.value()).insertBatch(someMessages(messages))).value(),
                     messages);
        }
    }
    bool makeImmutable(const QString& file) {
        if (!sh(QStringLiteral("chattr"), {QStringLiteral("+i"), file})) {
            return false;
        }
        immutable.append(file);
        return true;
    }
    static bool exec(Database& db, const QString& sql) {
        return await(db.run([sql](QSqlDatabase& d) { return QSqlQuery(d).exec(sql); }));
    }
    static int matches(Database& db, const QString& text) {
        return await(db.run([text](QSqlDatabase& d) {
            QSqlQuery q(d);
            q.prepare(
                QStringLiteral("SELECT count(*) FROM messages_fts WHERE messages_fts MATCH ?"));
            q.addBindValue(text);
            return q.exec() && q.next() ? q.value(0).toInt() : -1;
        }));
    }

    std::unique_ptr<QTemporaryDir> tmp;
    QString path;
    QStringList immutable;
};

QTEST_GUILESS_MAIN(TestStoreRecovery)
#include "tst_storerecovery.moc"
