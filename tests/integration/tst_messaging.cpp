// Must-show 2: two sessions exchange 1,000 messages in each direction at once
// through Prosody: none lost, none duplicated, order kept, a receipt for each.
// Must-show 3 (live half): a second resource of the sender sees carbons.
#include <QtTest>

#include "LiveClient.h"

using namespace rapport;
using rapport::test::LiveClient;
using rapport::test::ProsodyFixture;

class TestMessaging : public QObject {
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

    void thousandEachWayAtOnce() {
        LiveClient alice(server, QStringLiteral("alice@localhost"), QStringLiteral("secret"));
        LiveClient bob(server, QStringLiteral("bob@localhost"), QStringLiteral("secret"));
        QVERIFY(alice.signIn());
        QVERIFY(bob.signIn());

        constexpr int kCount = 1000;
        QStringList aliceIds;
        QStringList bobIds;
        // Interleave the two senders in one pass of the event loop: both directions at once.
        for (int i = 0; i < kCount; ++i) {
            auto a = alice.chat->sendMessage(Jid(QStringLiteral("bob@localhost")),
                                             QStringLiteral("a%1").arg(i));
            auto b = bob.chat->sendMessage(Jid(QStringLiteral("alice@localhost")),
                                           QStringLiteral("b%1").arg(i));
            QVERIFY(a.ok() && b.ok());
            aliceIds << a.value().id;
            bobIds << b.value().id;
        }
        QTRY_COMPARE_WITH_TIMEOUT(bob.received.size(), kCount, 120000);
        QTRY_COMPARE_WITH_TIMEOUT(alice.received.size(), kCount, 120000);
        QTRY_COMPARE_WITH_TIMEOUT(alice.receiptIds.size(), kCount, 60000);
        QTRY_COMPARE_WITH_TIMEOUT(bob.receiptIds.size(), kCount, 60000);
        QTest::qWait(500);  // anything extra (a duplicate) would arrive now

        QStringList expectedA;
        QStringList expectedB;
        for (int i = 0; i < kCount; ++i) {
            expectedA << QStringLiteral("a%1").arg(i);
            expectedB << QStringLiteral("b%1").arg(i);
        }
        QCOMPARE(bob.receivedBodies(), expectedA);  // none lost, none duplicated, in order
        QCOMPARE(alice.receivedBodies(), expectedB);
        for (int i = 0; i < kCount; ++i) {
            QCOMPARE(bob.received[i].originId, aliceIds[i]);
            QVERIFY(!bob.received[i].stanzaId.isEmpty());  // archived by the server (MAM)
        }
        // A receipt for each message, each exactly once.
        QStringList aliceReceipts = alice.receiptIds;
        QStringList bobReceipts = bob.receiptIds;
        aliceReceipts.sort();
        bobReceipts.sort();
        aliceIds.sort();
        bobIds.sort();
        QCOMPARE(aliceReceipts, aliceIds);
        QCOMPARE(bobReceipts, bobIds);
    }

    void secondResourceSeesCarbons() {
        LiveClient desk(server, QStringLiteral("alice@localhost"), QStringLiteral("secret"),
                        QStringLiteral("desk"));
        LiveClient laptop(server, QStringLiteral("alice@localhost"), QStringLiteral("secret"),
                          QStringLiteral("laptop"));
        LiveClient bob(server, QStringLiteral("bob@localhost"), QStringLiteral("secret"));
        QVERIFY(desk.signIn());
        QVERIFY(laptop.signIn());
        QVERIFY(bob.signIn());
        for (int i = 0; i < 20; ++i) {
            QVERIFY(desk.chat
                        ->sendMessage(Jid(QStringLiteral("bob@localhost")),
                                      QStringLiteral("carbon %1").arg(i))
                        .ok());
        }
        QTRY_COMPARE_WITH_TIMEOUT(laptop.sentCopies.size(), 20, 20000);
        QTRY_COMPARE_WITH_TIMEOUT(bob.received.size(), 20, 20000);
        for (int i = 0; i < 20; ++i) {
            QCOMPARE(laptop.sentCopies[i].body, QStringLiteral("carbon %1").arg(i));
            QCOMPARE(laptop.sentCopies[i].to.bare(), Jid(QStringLiteral("bob@localhost")));
        }
        // The sender itself does not get its own carbons, and the laptop saw no "incoming".
        QCOMPARE(desk.sentCopies.size(), 0);
        QCOMPARE(laptop.received.size(), 0);
    }

    void cleanupTestCase() { server.stop(); }
};

QTEST_GUILESS_MAIN(TestMessaging)
#include "tst_messaging.moc"
