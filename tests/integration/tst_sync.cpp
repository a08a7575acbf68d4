// The store fed by the network (issue 3), through rapport-cli against Prosody:
// a 20,000-message catch-up stores each message once and a second sync fetches
// nothing; a catch-up killed three times still ends with exactly the server's
// messages and a sound database; messages queued while the server is down go out
// once, in order, when it is back.
#include <QJsonDocument>
#include <QJsonObject>
#include <QRandomGenerator>
#include <QSqlDatabase>
#include <QSqlQuery>
#include <QtTest>

#include "CliRun.h"
#include "LiveClient.h"

using namespace rapport;
using rapport::test::CliRun;
using rapport::test::LiveClient;
using rapport::test::ProsodyFixture;

namespace {

constexpr int kArchived = 20000;

const QString Password = QStringLiteral("secret");

// Profiles are chosen with --profile (see cli()).
QProcess* startCli(const QStringList& args) {
    return rapport::test::startCli(args, Password);
}

CliRun runCli(const QStringList& args, int timeoutMs = 300000) {
    return rapport::test::runCli(args, Password, {}, timeoutMs);
}

QJsonObject lastJson(const QByteArray& out) {
    const QList<QByteArray> lines = out.trimmed().split('\n');
    return QJsonDocument::fromJson(lines.last()).object();
}

// Reads the account's database directly, as a check independent of the store's code.
struct DbCheck {
    qint64 messages = -1;
    qint64 distinctStanzaIds = -1;
    QString integrity;
};

DbCheck inspect(const QString& profile) {
    DbCheck c;
    const QString name = QStringLiteral("check-%1").arg(QRandomGenerator::global()->generate());
    {
        QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), name);
        db.setDatabaseName(profile + QStringLiteral("/alice@localhost/rapport.sqlite"));
        if (db.open()) {
            QSqlQuery q(db);
            if (q.exec(
                    QStringLiteral("SELECT count(*), count(DISTINCT stanza_id) FROM messages")) &&
                q.next()) {
                c.messages = q.value(0).toLongLong();
                c.distinctStanzaIds = q.value(1).toLongLong();
            }
            if (q.exec(QStringLiteral("PRAGMA integrity_check")) && q.next()) {
                c.integrity = q.value(0).toString();
            }
        }
    }
    QSqlDatabase::removeDatabase(name);
    return c;
}

// Runs one statement on the account's database directly: the first value of its first row
// (null if none), or nothing if it failed.
std::optional<QVariant> sqlOn(const QString& profile, const QString& sql) {
    const QString name = QStringLiteral("sql-%1").arg(QRandomGenerator::global()->generate());
    std::optional<QVariant> result;
    {
        QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), name);
        db.setDatabaseName(profile + QStringLiteral("/alice@localhost/rapport.sqlite"));
        if (db.open()) {
            QSqlQuery q(db);
            if (q.exec(sql)) {
                result = q.next() ? q.value(0) : QVariant();
            }
        }
    }
    QSqlDatabase::removeDatabase(name);
    return result;
}

}  // namespace

class TestSync : public QObject {
    Q_OBJECT
    ProsodyFixture server;
    QTemporaryDir profiles;
    qint64 fullSyncMs = 0;

    QStringList cli(const QString& profile, const QStringList& command) const {
        return QStringList{QStringLiteral("--profile"), profiles.filePath(profile),
                           QStringLiteral("--server"),  server.websocketUrl().toString(),
                           QStringLiteral("--jid"),     QStringLiteral("alice@localhost")} +
               command;
    }

private slots:
    void initTestCase() {
        QVERIFY(!qEnvironmentVariable("RAPPORT_CLI").isEmpty());
        // Prosody's file-based archive rereads its file for every page (about 0.7 s a page at
        // 20,000 messages); kept in memory the same protocol runs much faster. Accounts and
        // offline messages stay on disk.
        server.setExtraConfig(
            QStringLiteral("default_storage = \"internal\"\nstorage = { archive = \"memory\" }"));
        QString error;
        QVERIFY2(
            rapport::test::startWithUsers(server, {QStringLiteral("alice"), QStringLiteral("bob")},
                                          QStringLiteral("secret"), &error),
            qPrintable(error));
        // bob writes 20,000 messages while alice is away.
        LiveClient bob(server, QStringLiteral("bob@localhost"), QStringLiteral("secret"));
        QVERIFY(bob.signIn());
        const Jid alice(QStringLiteral("alice@localhost"));
        for (int i = 0; i < kArchived; ++i) {
            QVERIFY(
                bob.chat->sendMessage(alice, QStringLiteral("m%1").arg(i, 5, 10, QLatin1Char('0')))
                    .ok());
            if (i % 500 == 499) {
                QTRY_COMPARE_WITH_TIMEOUT(bob.client.stream()->unackedCount(), 0, 120000);
            }
        }
        QTRY_COMPARE_WITH_TIMEOUT(bob.client.stream()->unackedCount(), 0, 120000);
    }

    void catchUpStoresEveryMessageOnce() {
        QElapsedTimer t;
        t.start();
        const CliRun first = runCli(cli(QStringLiteral("a"), {QStringLiteral("sync")}));
        fullSyncMs = t.elapsed();
        QVERIFY2(first.exitCode == 0, qPrintable(first.err));
        const QJsonObject summary = lastJson(first.out);
        QCOMPARE(summary.value(u"messages_fetched").toInt(), kArchived);
        QCOMPARE(summary.value(u"conversations").toInt(), 1);
        QVERIFY(summary.contains(u"seconds"));
        qInfo().noquote() << "first sync:" << first.out.trimmed();

        const DbCheck db = inspect(profiles.filePath(QStringLiteral("a")));
        QCOMPARE(db.messages, kArchived);
        QCOMPARE(db.distinctStanzaIds, kArchived);

        const CliRun again = runCli(cli(QStringLiteral("a"), {QStringLiteral("sync")}));
        QVERIFY2(again.exitCode == 0, qPrintable(again.err));
        QCOMPARE(lastJson(again.out).value(u"messages_fetched").toInt(), 0);
        QCOMPARE(lastJson(again.out).value(u"messages_transferred").toInt(), 0);
        QCOMPARE(inspect(profiles.filePath(QStringLiteral("a"))).messages, kArchived);

        // history reads the store: oldest first, newest page.
        const CliRun history = runCli(
            cli(QStringLiteral("a"), {QStringLiteral("history"), QStringLiteral("bob@localhost"),
                                      QStringLiteral("--limit"), QStringLiteral("3")}));
        QCOMPARE(history.exitCode, 0);
        const QList<QByteArray> lines = history.out.trimmed().split('\n');
        QCOMPARE(lines.size(), 3);
        const QJsonObject newest = QJsonDocument::fromJson(lines.last()).object();
        QCOMPARE(newest.value(u"body").toString(), QStringLiteral("m19999"));
        QCOMPARE(newest.value(u"direction").toString(), QStringLiteral("incoming"));
        QCOMPARE(newest.value(u"from").toString(), QStringLiteral("bob@localhost"));
        QVERIFY(!newest.value(u"stanza_id").toString().isEmpty());
        QCOMPARE(QJsonDocument::fromJson(lines.first()).object().value(u"body").toString(),
                 QStringLiteral("m19997"));
    }

    // Scrolling up past what is stored: a profile that holds only the newest 100 messages
    // fetches the 300 before them from the archive, once, in order, and not as unread.
    void olderHistoryIsFetchedOnDemand() {
        const QString profile = QStringLiteral("older");
        const CliRun synced = runCli(cli(profile, {QStringLiteral("sync")}));
        QVERIFY2(synced.exitCode == 0, qPrintable(synced.err));
        // Archive order, not row order: the newest page was stored first.
        QVERIFY(sqlOn(profiles.filePath(profile),
                      QStringLiteral("DELETE FROM messages WHERE id NOT IN (SELECT id FROM "
                                     "messages ORDER BY timestamp DESC, seq DESC LIMIT 100)")));
        QVERIFY(sqlOn(profiles.filePath(profile),
                      QStringLiteral("UPDATE conversations SET unread = 0")));
        QCOMPARE(inspect(profiles.filePath(profile)).messages, 100);

        const QStringList fetch = {QStringLiteral("history"),       QStringLiteral("bob@localhost"),
                                   QStringLiteral("--fetch-older"), QStringLiteral("300"),
                                   QStringLiteral("--limit"),       QStringLiteral("1000")};
        const CliRun first = runCli(cli(profile, fetch));
        QVERIFY2(first.exitCode == 0, qPrintable(first.err));
        QVERIFY2(first.err.contains(QStringLiteral("300 older")), qPrintable(first.err));
        const QList<QByteArray> lines = first.out.trimmed().split('\n');
        QCOMPARE(lines.size(), 400);
        for (int i = 0; i < lines.size(); ++i) {
            const QString expected =
                QStringLiteral("m%1").arg(kArchived - 400 + i, 5, 10, QLatin1Char('0'));
            QCOMPARE(QJsonDocument::fromJson(lines[i]).object().value(u"body").toString(),
                     expected);
        }
        const DbCheck db = inspect(profiles.filePath(profile));
        QCOMPARE(db.messages, 400);
        QCOMPARE(db.distinctStanzaIds, 400);

        // The next scroll continues before those, and history is not unread.
        const CliRun second = runCli(cli(profile, fetch));
        QVERIFY2(second.exitCode == 0, qPrintable(second.err));
        QCOMPARE(inspect(profiles.filePath(profile)).messages, 700);
        const std::optional<QVariant> unread = sqlOn(
            profiles.filePath(profile), QStringLiteral("SELECT sum(unread) FROM conversations"));
        QVERIFY(unread);
        QCOMPARE(unread->toInt(), 0);
    }

    void killedCatchUpEndsWithExactlyTheServersMessages() {
        QVERIFY(fullSyncMs > 0);
        for (int kill = 0; kill < 3; ++kill) {
            std::unique_ptr<QProcess> p(
                startCli(cli(QStringLiteral("b"), {QStringLiteral("sync")})));
            QVERIFY(p->waitForStarted());
            const int at =
                QRandomGenerator::global()->bounded(200, std::max<int>(400, int(fullSyncMs * 0.6)));
            QTest::qWait(at);
            p->kill();  // SIGKILL
            p->waitForFinished(10000);
            qInfo() << "killed after" << at << "ms; stored so far:"
                    << inspect(profiles.filePath(QStringLiteral("b"))).messages;
        }
        const CliRun last = runCli(cli(QStringLiteral("b"), {QStringLiteral("sync")}));
        QVERIFY2(last.exitCode == 0, qPrintable(last.err));
        const DbCheck db = inspect(profiles.filePath(QStringLiteral("b")));
        QCOMPARE(db.messages, kArchived);
        QCOMPARE(db.distinctStanzaIds, kArchived);
        QCOMPARE(db.integrity, QStringLiteral("ok"));
    }

    void queuedWhileServerIsDownGoesOutOnceInOrder() {
        server.stop();
        for (int i = 0; i < 5; ++i) {
            const CliRun queued = runCli(
                cli(QStringLiteral("a"), {QStringLiteral("send"), QStringLiteral("bob@localhost"),
                                          QStringLiteral("queued %1").arg(i)}),
                60000);
            QVERIFY2(queued.exitCode == 0, qPrintable(queued.err));
            QCOMPARE(lastJson(queued.out).value(u"queued").toBool(), true);
        }
        QString error;
        QVERIFY2(server.restart(&error), qPrintable(error));
        LiveClient bob(server, QStringLiteral("bob@localhost"), QStringLiteral("secret"),
                       QStringLiteral("queue"));
        QVERIFY(bob.signIn());
        const CliRun sync = runCli(cli(QStringLiteral("a"), {QStringLiteral("sync")}));
        QVERIFY2(sync.exitCode == 0, qPrintable(sync.err));
        QTRY_COMPARE_WITH_TIMEOUT(bob.received.size(), 5, 20000);
        // Another run has nothing left to send.
        const CliRun again = runCli(cli(QStringLiteral("a"), {QStringLiteral("sync")}));
        QVERIFY2(again.exitCode == 0, qPrintable(again.err));
        QTest::qWait(500);
        QCOMPARE(bob.receivedBodies(),
                 QStringList({QStringLiteral("queued 0"), QStringLiteral("queued 1"),
                              QStringLiteral("queued 2"), QStringLiteral("queued 3"),
                              QStringLiteral("queued 4")}));
        const CliRun history = runCli(
            cli(QStringLiteral("a"), {QStringLiteral("history"), QStringLiteral("bob@localhost"),
                                      QStringLiteral("--limit"), QStringLiteral("5")}));
        for (const QByteArray& line : history.out.trimmed().split('\n')) {
            const QJsonObject m = QJsonDocument::fromJson(line).object();
            QCOMPARE(m.value(u"direction").toString(), QStringLiteral("outgoing"));
            QVERIFY2(m.value(u"state").toString() != QStringLiteral("queued"), line.constData());
        }
    }

    void cleanupTestCase() { server.stop(); }
};

QTEST_GUILESS_MAIN(TestSync)
#include "tst_sync.moc"
