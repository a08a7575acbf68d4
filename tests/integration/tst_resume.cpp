// Must-show 4: the socket is aborted mid-conversation and the session resumes
// (XEP-0198) without loss or duplicates; Prosody is killed and restarted, and the
// client reconnects by itself and receives what the peer sent meanwhile.
#include <QtTest>

#include "LiveClient.h"

using namespace rapport;
using rapport::test::LiveClient;
using rapport::test::ProsodyFixture;

namespace {

QStringList numbered(const QString& prefix, int from, int to) {
    QStringList out;
    for (int i = from; i < to; ++i) {
        out << QStringLiteral("%1%2").arg(prefix).arg(i);
    }
    return out;
}

}  // namespace

class TestResume : public QObject {
    Q_OBJECT
    ProsodyFixture server;

private slots:
    void initTestCase() {
        QString error;
        QVERIFY2(
            rapport::test::startWithUsers(server, {QStringLiteral("alice"), QStringLiteral("bob")},
                                          QStringLiteral("secret"), &error),
            qPrintable(error));
    }

    // The connection drops between two bursts of a conversation; both sides keep
    // writing while it is down. The session must be resumed (not rebound), and every
    // message arrive once, in order.
    void abortedSocketResumesWithoutLossOrDuplicates() {
        LiveClient alice(server, QStringLiteral("alice@localhost"), QStringLiteral("secret"));
        LiveClient bob(server, QStringLiteral("bob@localhost"), QStringLiteral("secret"));
        QVERIFY(alice.signIn());
        QVERIFY(bob.signIn());
        const Jid aliceJid(QStringLiteral("alice@localhost"));
        const Jid bobJid(QStringLiteral("bob@localhost"));

        for (int i = 0; i < 100; ++i) {
            QVERIFY(bob.chat->sendMessage(aliceJid, QStringLiteral("b%1").arg(i)).ok());
            QVERIFY(alice.chat->sendMessage(bobJid, QStringLiteral("a%1").arg(i)).ok());
        }
        QTRY_COMPARE_WITH_TIMEOUT(alice.received.size(), 100, 20000);
        QTRY_COMPARE_WITH_TIMEOUT(bob.received.size(), 100, 20000);
        QTRY_COMPARE_WITH_TIMEOUT(alice.receiptIds.size(), 100, 20000);

        alice.client.stream()->abort();  // the network drops under alice
        QVERIFY(alice.client.state() != xmpp::Client::State::Online);
        for (int i = 100; i < 200; ++i) {
            QVERIFY(bob.chat->sendMessage(aliceJid, QStringLiteral("b%1").arg(i)).ok());
            QVERIFY(alice.chat->sendMessage(bobJid, QStringLiteral("a%1").arg(i)).ok());
        }
        QTRY_COMPARE_WITH_TIMEOUT(alice.sessions.size(), 2, 30000);
        QCOMPARE(alice.sessions.last(), true);  // resumed, not a new session

        QTRY_COMPARE_WITH_TIMEOUT(alice.received.size(), 200, 30000);
        QTRY_COMPARE_WITH_TIMEOUT(bob.received.size(), 200, 30000);
        QTest::qWait(500);
        QCOMPARE(alice.receivedBodies(), numbered(QStringLiteral("b"), 0, 200));
        QCOMPARE(bob.receivedBodies(), numbered(QStringLiteral("a"), 0, 200));
        QTRY_COMPARE_WITH_TIMEOUT(alice.client.stream()->unackedCount(), 0, 10000);
    }

    // The drop cuts through a burst in both directions, possibly in the middle of a
    // WebSocket frame. Prosody 0.12 then cannot continue the resumed session (it feeds the
    // new socket through the old connection's frame buffer and ends the stream with
    // not-well-formed), so the client may have to bind a new session and resend; either
    // way nothing may be lost or duplicated.
    void abortMidBurstLosesAndDuplicatesNothing() {
        LiveClient alice(server, QStringLiteral("alice@localhost"), QStringLiteral("secret"),
                         QStringLiteral("burst"));
        LiveClient bob(server, QStringLiteral("bob@localhost"), QStringLiteral("secret"),
                       QStringLiteral("burst"));
        QVERIFY(alice.signIn());
        QVERIFY(bob.signIn());
        const Jid aliceJid(QStringLiteral("alice@localhost"));
        const Jid bobJid(QStringLiteral("bob@localhost"));
        for (int i = 0; i < 300; ++i) {
            QVERIFY(bob.chat->sendMessage(aliceJid, QStringLiteral("b%1").arg(i)).ok());
            QVERIFY(alice.chat->sendMessage(bobJid, QStringLiteral("a%1").arg(i)).ok());
        }
        QTRY_VERIFY_WITH_TIMEOUT(alice.received.size() >= 30, 20000);
        alice.client.stream()->abort();
        for (int i = 300; i < 400; ++i) {
            QVERIFY(bob.chat->sendMessage(aliceJid, QStringLiteral("b%1").arg(i)).ok());
            QVERIFY(alice.chat->sendMessage(bobJid, QStringLiteral("a%1").arg(i)).ok());
        }
        QTRY_COMPARE_WITH_TIMEOUT(alice.received.size(), 400, 60000);
        QTRY_COMPARE_WITH_TIMEOUT(bob.received.size(), 400, 60000);
        QTest::qWait(1000);
        qInfo() << "sessions after the drop (true = resumed):" << alice.sessions;
        QStringList a = alice.receivedBodies();
        QStringList b = bob.receivedBodies();
        // Order across a rebind is the server's (offline delivery); loss and duplicates are ours.
        a.sort();
        b.sort();
        QStringList expectedA = numbered(QStringLiteral("b"), 0, 400);
        QStringList expectedB = numbered(QStringLiteral("a"), 0, 400);
        expectedA.sort();
        expectedB.sort();
        QCOMPARE(a, expectedA);
        QCOMPARE(b, expectedB);
    }

    void serverRestartReconnectsAndDeliversWhatWasSentMeanwhile() {
        LiveClient alice(server, QStringLiteral("alice@localhost"), QStringLiteral("secret"),
                         QStringLiteral("restart"));
        QVERIFY(alice.signIn());
        QSignalSpy states(&alice.client, &xmpp::Client::stateChanged);

        server.kill();  // a crash: no goodbye
        QTRY_VERIFY_WITH_TIMEOUT(alice.client.state() == xmpp::Client::State::Reconnecting, 30000);
        QString error;
        QVERIFY2(server.restart(&error), qPrintable(error));

        // While alice is still away (backing off), bob writes to her: the server keeps
        // the messages for her.
        {
            LiveClient bob(server, QStringLiteral("bob@localhost"), QStringLiteral("secret"),
                           QStringLiteral("restart"));
            QVERIFY(bob.signIn());
            for (int i = 0; i < 50; ++i) {
                QVERIFY(bob.chat
                            ->sendMessage(Jid(QStringLiteral("alice@localhost")),
                                          QStringLiteral("m%1").arg(i))
                            .ok());
            }
            QTRY_COMPARE_WITH_TIMEOUT(bob.client.stream()->unackedCount(), 0, 20000);
        }

        // Alice comes back by herself: a new session (the server lost the old one).
        QTRY_VERIFY_WITH_TIMEOUT(alice.client.state() == xmpp::Client::State::Online, 90000);
        QCOMPARE(alice.sessions.last(), false);
        QTRY_COMPARE_WITH_TIMEOUT(alice.received.size(), 50, 30000);
        QTest::qWait(500);
        QCOMPARE(alice.receivedBodies(), numbered(QStringLiteral("m"), 0, 50));
    }

    void cleanup() {
        if (QTest::currentTestFailed()) {
            qWarning().noquote() << "Prosody log:\n" << server.logTail(60);
        }
    }

    void cleanupTestCase() { server.stop(); }
};

QTEST_GUILESS_MAIN(TestResume)
#include "tst_resume.moc"
