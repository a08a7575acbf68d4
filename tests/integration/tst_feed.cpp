// The tips feed between profiles through a real Prosody: a tip, a comment, a like and its
// withdrawal seen live and after being offline; a like sent twice counted once; a tip
// posted offline published once; a like or tip in someone else's name ignored; a
// non-member refused.
#include <QTemporaryDir>
#include <QtTest>

#include "LiveClient.h"
#include "feed/FeedSync.h"
#include "feed/TipPayload.h"
#include "feed/TipStore.h"
#include "library/TeamNodes.h"
#include "store/Database.h"
#include "xmpp/ext/pubsub/PubSubExtension.h"

using namespace rapport;
using namespace rapport::feed;
using rapport::library::TeamMembership;
using rapport::library::TipsNode;
using rapport::test::await;
using rapport::test::LiveClient;
using rapport::test::ProsodyFixture;

namespace {

const Jid kService(QStringLiteral("pubsub.localhost"));

// One engineer's Rapport: a store of its own and a connection with the feed sync.
struct Profile {
    Profile(const ProsodyFixture& server, const QString& user, const QString& dir)
        : jid(user + QStringLiteral("@localhost")) {
        db = std::move(store::Database::open(dir + u'/' + user + QStringLiteral("-feed.sqlite")))
                 .value();
        tips = std::make_unique<TipStore>(*db, jid);
        live = std::make_unique<LiveClient>(server, jid, QStringLiteral("secret"));
        pubsub = live->client.addExtension<xmpp::PubSubExtension>();
        pubsub->setTrustedServices({kService});
        sync = std::make_unique<FeedSync>(pubsub, *tips, kService);
        QObject::connect(&live->client, &xmpp::Client::sessionStarted, sync.get(),
                         [this](bool) { sync->start(); });
        QObject::connect(sync.get(), &FeedSync::synced, sync.get(),
                         [this](const FeedSync::Summary& s) { summaries << s; });
    }
    ~Profile() {
        sync.reset();
        live.reset();
        tips.reset();
        db.reset();
    }

    // Online and caught up.
    bool online() {
        const qsizetype before = summaries.size();
        if (!live->signIn()) {
            return false;
        }
        QElapsedTimer t;
        t.start();
        while (summaries.size() == before && sync->membership() != TeamMembership::NotMember &&
               t.elapsed() < 20000) {
            QTest::qWait(10);
        }
        return summaries.size() > before;
    }
    void offline() {
        live->client.disconnectFromServer();
        QTRY_VERIFY(live->client.state() == xmpp::Client::State::Offline);
    }
    // Sends what is queued and waits until nothing is.
    bool flushed() {
        QElapsedTimer t;
        t.start();
        while (t.elapsed() < 20000) {
            sync->flush();
            if (!sync->isRunning() && await(tips->pendingActions()).value().isEmpty()) {
                return true;
            }
            QTest::qWait(10);
        }
        return false;
    }
    std::optional<Tip> tip(const QString& id) {
        const auto r = await(tips->get(id));
        return r.ok() ? std::optional<Tip>(r.value()) : std::nullopt;
    }
    int comments(const QString& tipId) { return int(await(tips->comments(tipId)).value().size()); }

    QString jid;
    std::unique_ptr<store::Database> db;
    std::unique_ptr<TipStore> tips;
    std::unique_ptr<LiveClient> live;
    xmpp::PubSubExtension* pubsub = nullptr;
    std::unique_ptr<FeedSync> sync;
    QList<FeedSync::Summary> summaries;
};

}  // namespace

class TestFeed : public QObject {
    Q_OBJECT
    ProsodyFixture server;
    QTemporaryDir dir;

private slots:
    void initTestCase() {
        server.setAdmins({QStringLiteral("admin@localhost")});
        QString error;
        QVERIFY2(rapport::test::startWithUsers(server,
                                               {QStringLiteral("admin"), QStringLiteral("alice"),
                                                QStringLiteral("bob"), QStringLiteral("carol")},
                                               QStringLiteral("secret"), &error),
                 qPrintable(error));
        LiveClient admin(server, QStringLiteral("admin@localhost"), QStringLiteral("secret"));
        auto* ps = admin.client.addExtension<xmpp::PubSubExtension>();
        QVERIFY(admin.signIn());
        const auto created = await(ps->createNode(kService, TipsNode, library::teamNodeConfig()));
        QVERIFY2(created.ok(), qPrintable(created.error().message));
        QVERIFY(await(ps->setAffiliations(
                          kService, TipsNode,
                          {{QStringLiteral("alice@localhost"), xmpp::AffiliationPublisher},
                           {QStringLiteral("bob@localhost"), xmpp::AffiliationPublisher}}))
                    .ok());
    }

    // Alice posts; bob comments and likes; alice sees it live; bob withdraws his like while
    // alice is away, and she learns it at her next login, from the newest items only.
    void postCommentLikeLiveAndAfterOffline() {
        Profile alice(server, QStringLiteral("alice"), dir.path());
        Profile bob(server, QStringLiteral("bob"), dir.path());
        QVERIFY(alice.online());
        QVERIFY(bob.online());
        QCOMPARE(bob.sync->membership(), TeamMembership::Member);

        const Tip posted =
            await(alice.tips->post(QStringLiteral("Ctrl+K opens the **answer** picker."),
                                   {QStringLiteral("Shortcuts")}))
                .value();
        QCOMPARE(posted.state, FeedState::Pending);
        QCOMPARE(posted.tags, QStringList{QStringLiteral("shortcuts")});
        QVERIFY(alice.flushed());
        QCOMPARE(alice.tip(posted.id)->state, FeedState::Published);
        QTRY_VERIFY(bob.tip(posted.id).has_value());
        QCOMPARE(bob.tip(posted.id)->author, alice.jid);
        QCOMPARE(bob.tip(posted.id)->body, posted.body);

        QVERIFY(await(bob.tips->comment(posted.id, QStringLiteral("Saved me an hour!"))).ok());
        QCOMPARE(await(bob.tips->setLiked(posted.id, true)).value().likes, 1);
        QVERIFY(await(bob.tips->setLiked(posted.id, true)).ok());  // again: harmless
        QVERIFY(bob.flushed());
        QTRY_COMPARE(alice.tip(posted.id)->likes, 1);
        QTRY_COMPARE(alice.tip(posted.id)->comments, 1);
        QCOMPARE(alice.tip(posted.id)->likedByMe, false);
        const QList<TipComment> seen = await(alice.tips->comments(posted.id)).value();
        QCOMPARE(seen.first().author, bob.jid);
        QCOMPARE(seen.first().body, QStringLiteral("Saved me an hour!"));

        // A feed larger than the first window of newest items.
        for (int i = 0; i < 25; ++i) {
            QVERIFY(await(bob.tips->post(QStringLiteral("Tip %1").arg(i), {})).ok());
        }
        QVERIFY(bob.flushed());
        QTRY_COMPARE(await(alice.tips->list()).value().size(), 26);

        // Alice likes it too (two people), then goes away.
        QVERIFY(await(alice.tips->setLiked(posted.id, true)).ok());
        QVERIFY(alice.flushed());
        QTRY_COMPARE(bob.tip(posted.id)->likes, 2);
        alice.offline();

        // Meanwhile: bob withdraws his like, comments again and posts a tip of his own.
        QCOMPARE(await(bob.tips->setLiked(posted.id, false)).value().likes, 1);
        QVERIFY(await(bob.tips->comment(posted.id, QStringLiteral("Also Ctrl+Shift+K."))).ok());
        const Tip bobs =
            await(bob.tips->post(QStringLiteral("Pin the customer's last ticket."), {})).value();
        QVERIFY(bob.flushed());

        QVERIFY(alice.online());
        QCOMPARE(alice.tip(posted.id)->likes, 1);
        QCOMPARE(alice.tip(posted.id)->likedByMe, true);
        QCOMPARE(alice.comments(posted.id), 2);
        QVERIFY(alice.tip(bobs.id).has_value());
        QCOMPARE(alice.tip(bobs.id)->author, bob.jid);
        // The catch-up read the newest items (the first window), not the whole node.
        QVERIFY(!alice.summaries.last().wholeNode);
        QCOMPARE(alice.summaries.last().itemsFetched, 20);
        // Both hold the same feed.
        QCOMPARE(await(alice.tips->list()).value().size(), await(bob.tips->list()).value().size());
    }

    // Posted with no connection: stored, then published exactly once.
    void offlinePostPublishedOnce() {
        Profile alice(server, QStringLiteral("alice"), dir.path());
        const Tip t = await(alice.tips->post(QStringLiteral("Written on the train."), {})).value();
        QVERIFY(await(alice.tips->setLiked(t.id, true)).ok());
        QVERIFY(await(alice.tips->setLiked(t.id, false)).ok());
        QVERIFY(await(alice.tips->setLiked(t.id, true)).ok());
        QCOMPARE(await(alice.tips->pendingActions()).value().size(), 2);  // the tip, one like
        QVERIFY(alice.online());
        QVERIFY(alice.flushed());
        QCOMPARE(alice.summaries.last().published, 2);
        QCOMPARE(alice.tip(t.id)->state, FeedState::Published);
        const auto onServer = await(alice.pubsub->itemsById(
            kService, TipsNode, {t.id, TipPayload::likeItemId(t.id, alice.jid)}));
        QVERIFY(onServer.ok());
        QCOMPARE(onServer.value().size(), 2);
        // A second sync sends nothing more.
        alice.offline();
        QVERIFY(alice.online());
        QCOMPARE(alice.summaries.last().published, 0);
    }

    // A member who publishes in someone else's name (a like "by" bob, a tip "by" bob) is
    // ignored by everyone, and nothing else is affected.
    void itemsInAnotherNameAreIgnored() {
        Profile alice(server, QStringLiteral("alice"), dir.path());
        Profile bob(server, QStringLiteral("bob"), dir.path());
        QVERIFY(alice.online());
        QVERIFY(bob.online());
        const Tip t = await(alice.tips->post(QStringLiteral("Real tip."), {})).value();
        QVERIFY(alice.flushed());
        QTRY_VERIFY(bob.tip(t.id).has_value());
        const int likesBefore = bob.tip(t.id)->likes;

        TipLike forged{t.id, QStringLiteral("carol@localhost"), true,
                       QDateTime::currentDateTimeUtc()};
        QVERIFY(
            await(alice.pubsub->publish(kService, TipsNode, TipPayload::likeItemId(t.id, forged.by),
                                        TipPayload::toElement(forged)))
                .ok());
        Tip fake;
        fake.id = QUuid::createUuid().toString(QUuid::WithoutBraces);
        fake.author = bob.jid;
        fake.body = QStringLiteral("Bob never wrote this.");
        fake.published = QDateTime::currentDateTimeUtc();
        QVERIFY(
            await(alice.pubsub->publish(kService, TipsNode, fake.id, TipPayload::toElement(fake)))
                .ok());
        // A real one after them: once bob has it, he has seen the forged ones too.
        const Tip after = await(alice.tips->post(QStringLiteral("After the forgery."), {})).value();
        QVERIFY(alice.flushed());
        QTRY_VERIFY(bob.tip(after.id).has_value());
        QCOMPARE(bob.tip(t.id)->likes, likesBefore);
        QVERIFY(!bob.tip(fake.id).has_value());

        // And at a catch-up as well.
        bob.offline();
        QVERIFY(bob.online());
        QCOMPARE(bob.tip(t.id)->likes, likesBefore);
        QVERIFY(!bob.tip(fake.id).has_value());
    }

    // Not a member: a clear state, nothing read, nothing published.
    void nonMemberIsRefused() {
        Profile carol(server, QStringLiteral("carol"), dir.path());
        QVERIFY(!carol.online());
        QCOMPARE(carol.sync->membership(), TeamMembership::NotMember);
        const Tip mine = await(carol.tips->post(QStringLiteral("Not shared."), {})).value();
        carol.sync->flush();
        QTest::qWait(200);
        QCOMPARE(carol.tip(mine.id)->state, FeedState::Pending);  // kept, not sent
        QVERIFY(
            !await(carol.pubsub->publish(kService, TipsNode, mine.id, TipPayload::toElement(mine)))
                 .ok());
        QVERIFY(!await(carol.pubsub->items(kService, TipsNode)).ok());
    }
};

QTEST_MAIN(TestFeed)
#include "tst_feed.moc"
