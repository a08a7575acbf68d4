// Must-show 1: sign-in on both hash variants and with a non-ASCII password, a wrong
// password (exit 3, fast) and a closed port (exit 4), through rapport-cli.
#include <QJsonDocument>
#include <QJsonObject>
#include <QTcpServer>
#include <QtTest>

#include "CliRun.h"
#include "ProsodyFixture.h"

using rapport::test::CliRun;
using rapport::test::ProsodyFixture;

namespace {

// The suite's own local store, apart from the developer's.
CliRun runCli(const QStringList& args, const QString& password) {
    static QTemporaryDir profile;
    return rapport::test::runCli(args, password, profile.path(), 60000);
}

}  // namespace

class TestLogin : public QObject {
    Q_OBJECT
    ProsodyFixture server;
    const QString nonAscii = QStringLiteral("pässwörd-ü€-日本");

private slots:
    void initTestCase() {
        QVERIFY(!qEnvironmentVariable("RAPPORT_CLI").isEmpty());
        QString error;
        QVERIFY2(server.start(&error), qPrintable(error));
        QVERIFY(server.registerUser(QStringLiteral("alice"), ProsodyFixture::sha256Host(),
                                    QStringLiteral("secret")));
        QVERIFY(server.registerUser(QStringLiteral("alice"), ProsodyFixture::sha1Host(),
                                    QStringLiteral("secret")));
        QVERIFY(server.registerUser(QStringLiteral("uma"), ProsodyFixture::sha256Host(), nonAscii));
        QVERIFY(server.registerUser(QStringLiteral("uma"), ProsodyFixture::sha1Host(), nonAscii));
    }

    void signsIn_data() {
        QTest::addColumn<QString>("jid");
        QTest::addColumn<QString>("password");
        QTest::newRow("SCRAM-SHA-256")
            << QStringLiteral("alice@localhost") << QStringLiteral("secret");
        QTest::newRow("SCRAM-SHA-1")
            << QStringLiteral("alice@sha1.localhost") << QStringLiteral("secret");
        QTest::newRow("non-ASCII SHA-256") << QStringLiteral("uma@localhost") << nonAscii;
        QTest::newRow("non-ASCII SHA-1") << QStringLiteral("uma@sha1.localhost") << nonAscii;
    }
    void signsIn() {
        QFETCH(QString, jid);
        QFETCH(QString, password);
        const CliRun r = runCli({QStringLiteral("--server"), server.websocketUrl().toString(),
                                 QStringLiteral("--jid"), jid, QStringLiteral("roster")},
                                password);
        QVERIFY2(r.exitCode == 0, qPrintable(r.err));
        // The server log says which mechanism was used; the hosts offer one each.
    }

    void wrongPasswordExits3Fast() {
        const CliRun r = runCli(
            {QStringLiteral("--server"), server.websocketUrl().toString(), QStringLiteral("--jid"),
             QStringLiteral("alice@localhost"), QStringLiteral("roster")},
            QStringLiteral("not-the-password"));
        QCOMPARE(r.exitCode, 3);
        QVERIFY2(r.err.contains(QStringLiteral("authentication failed"), Qt::CaseInsensitive),
                 qPrintable(r.err));
        QCOMPARE(r.err.count(u'\n'), 1);  // one clear line
        // Not a speed test (that is ~0.1 s, in the notes): a client that retried a wrong
        // password would back off and try again for ever, and never get here in 10 s, even on
        // a machine busy with the rest of the suite.
        QVERIFY2(r.ms < 10000, qPrintable(QStringLiteral("took %1 ms").arg(r.ms)));
    }

    void closedPortExits4() {
        QTcpServer probe;
        QVERIFY(probe.listen(QHostAddress::LocalHost));
        const quint16 port = probe.serverPort();
        probe.close();  // nothing listens there now
        const CliRun r = runCli(
            {QStringLiteral("--server"),
             QStringLiteral("ws://127.0.0.1:%1/xmpp-websocket").arg(port), QStringLiteral("--jid"),
             QStringLiteral("alice@localhost"), QStringLiteral("roster")},
            QStringLiteral("secret"));
        QCOMPARE(r.exitCode, 4);
        QVERIFY(!r.err.isEmpty());
    }

    void usageErrorsExit2() {
        // No password anywhere.
        CliRun r = runCli(
            {QStringLiteral("--jid"), QStringLiteral("alice@localhost"), QStringLiteral("roster")},
            QString());
        QCOMPARE(r.exitCode, 2);
        // Unencrypted to a remote host is refused before any connection.
        r = runCli(
            {QStringLiteral("--server"), QStringLiteral("ws://192.0.2.1/xmpp-websocket"),
             QStringLiteral("--jid"), QStringLiteral("alice@localhost"), QStringLiteral("roster")},
            QStringLiteral("secret"));
        QCOMPARE(r.exitCode, 2);
        QVERIFY(r.err.contains(QStringLiteral("--allow-insecure")));
        r = runCli({QStringLiteral("--version")}, QString());
        QCOMPARE(r.exitCode, 0);
        QVERIFY(r.outText().startsWith(QStringLiteral("rapport-cli ")));
    }

    // A script that only sends (a bot, a monitoring check) must not look "available": it
    // would take the user's offline messages and be sent messages meant for the user.
    void sendAndRosterStayInvisible() {
        QVERIFY(server.registerUser(QStringLiteral("bob"), ProsodyFixture::sha256Host(),
                                    QStringLiteral("secret")));
        const QString url = server.websocketUrl().toString();
        CliRun r =
            runCli({QStringLiteral("--server"), url, QStringLiteral("--jid"),
                    QStringLiteral("bob@localhost"), QStringLiteral("send"),
                    QStringLiteral("alice@localhost"), QStringLiteral("while you were away")},
                   QStringLiteral("secret"));
        QVERIFY2(r.exitCode == 0, qPrintable(r.err));
        r = runCli({QStringLiteral("--server"), url, QStringLiteral("--jid"),
                    QStringLiteral("alice@localhost"), QStringLiteral("send"),
                    QStringLiteral("bob@localhost"), QStringLiteral("hi")},
                   QStringLiteral("secret"));
        QVERIFY2(r.exitCode == 0, qPrintable(r.err));
        r = runCli(
            {QStringLiteral("--server"), url, QStringLiteral("--jid"),
             QStringLiteral("alice@localhost"), QStringLiteral("listen"), QStringLiteral("--count"),
             QStringLiteral("1"), QStringLiteral("--timeout"), QStringLiteral("15")},
            QStringLiteral("secret"));
        QCOMPARE(r.exitCode, 0);
        QVERIFY2(r.outText().contains(QStringLiteral("while you were away")),
                 qPrintable(r.outText()));

        // What listen received is in the local store: search finds it with no network and no
        // password, and says which conversation it belongs to.
        r = runCli({QStringLiteral("--jid"), QStringLiteral("alice@localhost"),
                    QStringLiteral("search"), QStringLiteral("awa*")},
                   QString());
        QVERIFY2(r.exitCode == 0, qPrintable(r.err));
        const QJsonObject hit =
            QJsonDocument::fromJson(r.outText().split(u'\n').first().toUtf8()).object();
        QCOMPARE(hit.value(u"kind").toString(), QStringLiteral("message"));
        QCOMPARE(hit.value(u"conversation").toString(), QStringLiteral("bob@localhost"));
        QVERIFY2(hit.value(u"snippet").toString().contains(QStringLiteral("[away]")),
                 qPrintable(r.outText()));
        r = runCli({QStringLiteral("--jid"), QStringLiteral("alice@localhost"),
                    QStringLiteral("history"), QStringLiteral("bob@localhost")},
                   QString());
        QVERIFY2(r.exitCode == 0, qPrintable(r.err));
        QVERIFY(r.outText().contains(QStringLiteral("\"direction\":\"incoming\"")));
        QVERIFY(
            r.outText().contains(QStringLiteral("\"direction\":\"outgoing\"")));  // alice's "hi"
    }

    void cleanupTestCase() { server.stop(); }
};

QTEST_GUILESS_MAIN(TestLogin)
#include "tst_login.moc"
