// Message Archive Management against Prosody: the newest page first, paging
// backwards with RSM to the start, the count, and the `with` filter.
#include <QtTest>

#include "LiveClient.h"

using namespace rapport;
using rapport::test::await;
using rapport::test::LiveClient;
using rapport::test::ProsodyFixture;

namespace {

// Bodies only: the archive also holds the receipts alice sent (they carry a store hint,
// so that the sender's other devices learn "delivered" from the archive too).
QStringList bodies(const xmpp::MamPage& page) {
    QStringList out;
    for (const auto& m : page.messages) {
        if (m.message.hasChild(u"body")) {
            out << m.message.childText(u"body");
        }
    }
    return out;
}

}  // namespace

class TestMamLive : public QObject {
    Q_OBJECT
    ProsodyFixture server;

private slots:
    void initTestCase() {
        QString error;
        QVERIFY2(
            rapport::test::startWithUsers(
                server, {QStringLiteral("alice"), QStringLiteral("bob"), QStringLiteral("carol")},
                QStringLiteral("secret"), &error),
            qPrintable(error));
    }

    void pagesBackwardsFromTheNewest() {
        LiveClient alice(server, QStringLiteral("alice@localhost"), QStringLiteral("secret"));
        {
            LiveClient bob(server, QStringLiteral("bob@localhost"), QStringLiteral("secret"));
            LiveClient carol(server, QStringLiteral("carol@localhost"), QStringLiteral("secret"));
            QVERIFY(bob.signIn());
            QVERIFY(carol.signIn());
            for (int i = 0; i < 25; ++i) {
                QVERIFY(bob.chat
                            ->sendMessage(Jid(QStringLiteral("alice@localhost")),
                                          QStringLiteral("b%1").arg(i))
                            .ok());
            }
            QVERIFY(carol.chat
                        ->sendMessage(Jid(QStringLiteral("alice@localhost")),
                                      QStringLiteral("from carol"))
                        .ok());
            QTRY_COMPARE(bob.client.stream()->unackedCount(), 0);
            QTRY_COMPARE(carol.client.stream()->unackedCount(), 0);
        }
        QVERIFY(alice.signIn());

        xmpp::MamQuery q;
        q.with = Jid(QStringLiteral("bob@localhost"));
        q.lastPage = true;
        q.max = 10;
        Result<xmpp::MamPage> page = await(alice.mam->query(q));
        QVERIFY2(page.ok(), qPrintable(page.error().message));
        QCOMPARE(page.value().count, 50);  // 25 messages and alice's 25 receipts
        QCOMPARE(page.value().messages.size(), 10);
        QVERIFY(!page.value().complete);
        QCOMPARE(page.value().first, page.value().messages.first().archiveId);
        QCOMPARE(page.value().last, page.value().messages.last().archiveId);

        QStringList all = bodies(page.value());
        while (!page.value().complete) {
            q.lastPage = false;
            q.before = page.value().first;
            page = await(alice.mam->query(q));
            QVERIFY2(page.ok(), qPrintable(page.error().message));
            all = bodies(page.value()) + all;
        }
        QStringList expected;
        for (int i = 0; i < 25; ++i) {
            expected << QStringLiteral("b%1").arg(i);
        }
        QCOMPARE(all, expected);

        // Without `with`, carol's message is there too; the archive ids are stanza-ids.
        xmpp::MamQuery everything;
        everything.lastPage = true;
        everything.max = 100;
        page = await(alice.mam->query(everything));
        QVERIFY(page.ok());
        QCOMPARE(page.value().count, 52);
        QVERIFY(page.value().complete);
        QCOMPARE(bodies(page.value()).size(), 26);
        QVERIFY(bodies(page.value()).contains(QStringLiteral("from carol")));
        for (const auto& m : page.value().messages) {
            QVERIFY(!m.archiveId.isEmpty());
        }
    }

    void cleanupTestCase() { server.stop(); }
};

QTEST_GUILESS_MAIN(TestMamLive)
#include "tst_mamlive.moc"
