// The answer library between profiles through a real Prosody: live changes, catching up
// after being offline (tombstones for deletes), an offline edit published once, a
// concurrent edit kept as a conflict copy, and a non-member refused.
#include <QTemporaryDir>
#include <QtTest>

#include "LiveClient.h"
#include "library/AnswerPayload.h"
#include "library/AnswerStore.h"
#include "library/LibrarySync.h"
#include "library/TeamNodes.h"
#include "store/Database.h"
#include "xmpp/ext/pubsub/PubSubExtension.h"

using namespace rapport;
using namespace rapport::library;
using rapport::test::await;
using rapport::test::LiveClient;
using rapport::test::ProsodyFixture;

namespace {

const Jid kService(QStringLiteral("pubsub.localhost"));

// One engineer's Rapport: a store of its own and a connection with the library sync.
struct Profile {
    Profile(const ProsodyFixture& server, const QString& user, const QString& dir)
        : jid(user + QStringLiteral("@localhost")) {
        db =
            std::move(store::Database::open(dir + u'/' + user + QStringLiteral(".sqlite"))).value();
        answers = std::make_unique<AnswerStore>(*db);
        live = std::make_unique<LiveClient>(server, jid, QStringLiteral("secret"));
        pubsub = live->client.addExtension<xmpp::PubSubExtension>();
        pubsub->setTrustedServices({kService});
        sync = std::make_unique<LibrarySync>(pubsub, *answers, kService);
        QObject::connect(&live->client, &xmpp::Client::sessionStarted, sync.get(),
                         [this](bool) { sync->start(); });
        QObject::connect(sync.get(), &LibrarySync::synced, sync.get(),
                         [this](const LibrarySync::Summary& s) { summaries << s; });
    }
    ~Profile() {
        sync.reset();
        live.reset();
        answers.reset();
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
        while (summaries.size() == before &&
               sync->membership() != LibrarySync::Membership::NotMember && t.elapsed() < 20000) {
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
        sync->flush();
        QElapsedTimer t;
        t.start();
        while (t.elapsed() < 20000) {
            if (!sync->isRunning() && await(answers->pendingActions()).value().isEmpty()) {
                return true;
            }
            QTest::qWait(10);
            sync->flush();
        }
        return false;
    }
    std::optional<Answer> answer(const QString& id) {
        const auto r = await(answers->get(id));
        return r.ok() ? std::optional<Answer>(r.value()) : std::nullopt;
    }

    QString jid;
    std::unique_ptr<store::Database> db;
    std::unique_ptr<AnswerStore> answers;
    std::unique_ptr<LiveClient> live;
    xmpp::PubSubExtension* pubsub = nullptr;
    std::unique_ptr<LibrarySync> sync;
    QList<LibrarySync::Summary> summaries;
};

Answer draft(const QString& title, const QString& author) {
    Answer a;
    a.title = title;
    a.body = QStringLiteral("Hello {{customer.name|there}}, ") + title;
    a.tags = {QStringLiteral("printer")};
    a.author = author;
    return a;
}

}  // namespace

class TestLibrary : public QObject {
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
        // The team set-up: the node, alice and bob as members (carol is not one).
        LiveClient admin(server, QStringLiteral("admin@localhost"), QStringLiteral("secret"));
        auto* ps = admin.client.addExtension<xmpp::PubSubExtension>();
        QVERIFY(admin.signIn());
        const auto created = await(ps->createNode(kService, AnswersNode, teamNodeConfig()));
        QVERIFY2(created.ok(), qPrintable(created.error().message));
        QVERIFY(await(ps->setAffiliations(
                          kService, AnswersNode,
                          {{QStringLiteral("alice@localhost"), xmpp::AffiliationPublisher},
                           {QStringLiteral("bob@localhost"), xmpp::AffiliationPublisher}}))
                    .ok());
    }

    // Alice creates, edits and deletes; Bob sees each change live, then after being away.
    void changesReachTheOtherProfile() {
        Profile alice(server, QStringLiteral("alice"), dir.path());
        Profile bob(server, QStringLiteral("bob"), dir.path());
        QVERIFY(alice.online());
        QVERIFY(bob.online());
        QCOMPARE(bob.sync->membership(), LibrarySync::Membership::Member);

        const Answer a = await(alice.answers->create(draft("Paper jam", alice.jid))).value();
        QVERIFY(alice.flushed());
        QTRY_VERIFY(bob.answer(a.id).has_value());
        QCOMPARE(bob.answer(a.id)->title, QStringLiteral("Paper jam"));
        QCOMPARE(bob.answer(a.id)->state, Answer::State::Published);

        QVERIFY(await(alice.answers->edit(a.id, {.title = QStringLiteral("Paper jam in tray 2")},
                                          alice.jid))
                    .ok());
        QVERIFY(alice.flushed());
        QTRY_COMPARE(bob.answer(a.id)->title, QStringLiteral("Paper jam in tray 2"));
        QCOMPARE(bob.answer(a.id)->version, 2);

        QVERIFY(await(alice.answers->remove(a.id)).ok());
        QVERIFY(alice.flushed());
        QTRY_VERIFY(!bob.answer(a.id).has_value());

        // Bob goes away; meanwhile alice adds two, edits one and deletes the other.
        bob.offline();
        const Answer kept = await(alice.answers->create(draft("VPN drops", alice.jid))).value();
        const Answer gone = await(alice.answers->create(draft("Old policy", alice.jid))).value();
        QVERIFY(alice.flushed());
        QVERIFY(await(alice.answers->edit(kept.id, {.body = QStringLiteral("Lower the MTU.")},
                                          alice.jid))
                    .ok());
        QVERIFY(await(alice.answers->remove(gone.id)).ok());
        QVERIFY(alice.flushed());

        QVERIFY(bob.online());
        QVERIFY(bob.answer(kept.id).has_value());
        QCOMPARE(bob.answer(kept.id)->body, QStringLiteral("Lower the MTU."));
        QVERIFY(!bob.answer(gone.id).has_value());
        const LibrarySync::Summary caughtUp = bob.summaries.last();
        QVERIFY(caughtUp.itemsFetched <= 20);
        QCOMPARE(await(bob.answers->list()).value().size(),
                 await(alice.answers->list()).value().size());
    }

    // Written with no connection: stored, then published exactly once when online.
    void offlineEditPublishedOnce() {
        Profile alice(server, QStringLiteral("alice"), dir.path());
        const Answer a = await(alice.answers->create(draft("Written offline", alice.jid))).value();
        QVERIFY(
            await(alice.answers->edit(a.id, {.body = QStringLiteral("Twice edited.")}, alice.jid))
                .ok());
        QCOMPARE(alice.answer(a.id)->state, Answer::State::Pending);
        QVERIFY(alice.online());
        QVERIFY(alice.flushed());
        QCOMPARE(alice.answer(a.id)->state, Answer::State::Published);
        QCOMPARE(alice.summaries.last().published, 1);
        const auto onServer = await(alice.pubsub->itemsById(kService, AnswersNode, {a.id}));
        QVERIFY(onServer.ok());
        QCOMPARE(onServer.value().size(), 1);
        const auto parsed = AnswerPayload::fromElement(a.id, onServer.value().first().payload);
        QCOMPARE(parsed.value().version, 1);
        QCOMPARE(parsed.value().body, QStringLiteral("Twice edited."));
    }

    // Both edit the same answer while away: the later text wins, the other is a conflict copy.
    void concurrentEditsKeepBothTexts() {
        Profile alice(server, QStringLiteral("alice"), dir.path());
        Profile bob(server, QStringLiteral("bob"), dir.path());
        QVERIFY(alice.online());
        QVERIFY(bob.online());
        const Answer a = await(alice.answers->create(draft("Router reset", alice.jid))).value();
        QVERIFY(alice.flushed());
        QTRY_VERIFY(bob.answer(a.id).has_value());
        alice.offline();
        bob.offline();
        QVERIFY(
            await(alice.answers->edit(a.id, {.body = QStringLiteral("Alice's way.")}, alice.jid))
                .ok());
        QTest::qWait(20);  // bob's edit is the later one
        QVERIFY(
            await(bob.answers->edit(a.id, {.body = QStringLiteral("Bob's way.")}, bob.jid)).ok());

        QVERIFY(alice.online());
        QVERIFY(alice.flushed());
        QCOMPARE(alice.answer(a.id)->version, 2);
        QVERIFY(bob.online());
        QVERIFY(bob.flushed());
        QCOMPARE(bob.summaries.last().conflicts, 1);
        // Bob's later text won and went out as version 3; alice's is kept beside it.
        QCOMPARE(bob.answer(a.id)->body, QStringLiteral("Bob's way."));
        QCOMPARE(bob.answer(a.id)->version, 3);
        QCOMPARE(bob.answer(a.id)->state, Answer::State::Published);
        const QList<Answer> bobs = await(bob.answers->list()).value();
        const auto copy = std::find_if(bobs.begin(), bobs.end(), [&](const Answer& x) {
            return x.state == Answer::State::Conflict && x.conflictOf == a.id;
        });
        QVERIFY(copy != bobs.end());
        QCOMPARE(copy->body, QStringLiteral("Alice's way."));
        QTRY_COMPARE(alice.answer(a.id)->body, QStringLiteral("Bob's way."));
        QCOMPARE(alice.answer(a.id)->version, 3);
    }

    // Not a member: a clear state, nothing read, nothing published.
    void nonMemberIsRefused() {
        Profile carol(server, QStringLiteral("carol"), dir.path());
        QSignalSpy membership(carol.sync.get(), &LibrarySync::membershipChanged);
        QVERIFY(!carol.online());  // never caught up
        QCOMPARE(carol.sync->membership(), LibrarySync::Membership::NotMember);
        QCOMPARE(membership.size(), 1);
        QVERIFY(await(carol.answers->list()).value().isEmpty());
        const Answer mine = await(carol.answers->create(draft("Not shared", carol.jid))).value();
        carol.sync->flush();
        QTest::qWait(200);
        QCOMPARE(carol.answer(mine.id)->state, Answer::State::Pending);  // kept, not sent
        const auto direct = await(
            carol.pubsub->publish(kService, AnswersNode, mine.id, AnswerPayload::toElement(mine)));
        QVERIFY(!direct.ok());
        QVERIFY(!await(carol.pubsub->items(kService, AnswersNode)).ok());
    }
};

QTEST_MAIN(TestLibrary)
#include "tst_library.moc"
