// PubSub (XEP-0060) against a real Prosody 0.12 component, as the team library uses it:
// an admin creates a whitelisted node that members publish to; members read, publish,
// retract and get events; a stranger can do none of it. Also pins the behaviour the
// library's sync relies on (item order with max_items after a republish, disco#items).
#include <QtTest>

#include "LiveClient.h"
#include "xmpp/ext/pubsub/PubSubExtension.h"

using namespace rapport;
using rapport::test::await;
using rapport::test::LiveClient;
using rapport::test::ProsodyFixture;
using xmpp::PubSubExtension;

namespace {

const QString kNs = QStringLiteral("urn:rapport:answer:1");

xmpp::Element answer(const QString& title) {
    xmpp::Element a(QStringLiteral("answer"), kNs);
    a.appendChild(xmpp::Element(QStringLiteral("title"), kNs).setText(title));
    return a;
}

QStringList idsOf(const QList<xmpp::PubSubItem>& items) {
    QStringList ids;
    for (const auto& i : items) {
        ids << i.id;
    }
    return ids;
}

}  // namespace

class TestPubSubServer : public QObject {
    Q_OBJECT
    ProsodyFixture server;
    const Jid service{QStringLiteral("pubsub.localhost")};
    const QString node = QStringLiteral("rapport/answers");

    struct Member {
        std::unique_ptr<LiveClient> live;
        PubSubExtension* ps = nullptr;
    };
    Member signIn(const QString& user) {
        Member m;
        m.live = std::make_unique<LiveClient>(server, user + QStringLiteral("@localhost"),
                                              QStringLiteral("secret"));
        m.ps = m.live->client.addExtension<PubSubExtension>();
        m.ps->setTrustedServices({service});
        if (!m.live->signIn()) {
            m.ps = nullptr;
        }
        return m;
    }

private slots:
    void initTestCase() {
        server.setAdmins({QStringLiteral("admin@localhost")});
        QString error;
        QVERIFY2(rapport::test::startWithUsers(server,
                                               {QStringLiteral("admin"), QStringLiteral("alice"),
                                                QStringLiteral("bob"), QStringLiteral("carol")},
                                               QStringLiteral("secret"), &error),
                 qPrintable(error));
    }

    // The team set-up, then what members and a stranger can do.
    void whitelistedNodeForMembers() {
        Member admin = signIn(QStringLiteral("admin"));
        Member alice = signIn(QStringLiteral("alice"));
        Member bob = signIn(QStringLiteral("bob"));
        Member carol = signIn(QStringLiteral("carol"));
        QVERIFY(admin.ps && alice.ps && bob.ps && carol.ps);

        // Only an admin of the component creates nodes.
        const auto refused = await(alice.ps->createNode(service, QStringLiteral("mine"), {}));
        QVERIFY(!refused.ok());
        QCOMPARE(refused.error().condition, QStringLiteral("forbidden"));

        const PubSubExtension::NodeConfig config = {
            {QStringLiteral("pubsub#access_model"), QStringLiteral("whitelist")},
            {QStringLiteral("pubsub#publish_model"), QStringLiteral("publishers")},
            {QStringLiteral("pubsub#persist_items"), QStringLiteral("1")},
            {QStringLiteral("pubsub#max_items"), QStringLiteral("max")},
        };
        const auto created = await(admin.ps->createNode(service, node, config));
        QVERIFY2(created.ok(), qPrintable(created.error().message));
        const auto affiliated = await(admin.ps->setAffiliations(
            service, node,
            {{QStringLiteral("alice@localhost"), xmpp::AffiliationPublisher},
             {QStringLiteral("bob@localhost"), xmpp::AffiliationPublisher}}));
        QVERIFY2(affiliated.ok(), qPrintable(affiliated.error().message));
        const auto listed = await(admin.ps->affiliations(service, node));
        QVERIFY(listed.ok());
        QCOMPARE(listed.value().value(QStringLiteral("bob@localhost")), xmpp::AffiliationPublisher);

        // Bob subscribes and sees alice's publish live; the item comes back by id.
        QVERIFY(await(bob.ps->subscribe(service, node)).ok());
        QSignalSpy events(bob.ps, &PubSubExtension::eventReceived);
        const auto published =
            await(alice.ps->publish(service, node, QStringLiteral("a1"), answer("First")));
        QVERIFY2(published.ok(), qPrintable(published.error().message));
        QTRY_COMPARE(events.size(), 1);
        auto e = events.takeFirst().at(0).value<xmpp::PubSubEvent>();
        QCOMPARE(e.node, node);
        QCOMPARE(idsOf(e.items), QStringList{QStringLiteral("a1")});
        QCOMPARE(e.items[0].payload.childText(u"title", kNs), QStringLiteral("First"));

        // A stranger can neither read, nor publish, nor subscribe.
        const auto read = await(carol.ps->items(service, node));
        QVERIFY(!read.ok());
        const auto wrote =
            await(carol.ps->publish(service, node, QStringLiteral("x"), answer("spam")));
        QVERIFY(!wrote.ok());
        QCOMPARE(wrote.error().condition, QStringLiteral("forbidden"));
        QVERIFY(!await(carol.ps->subscribe(service, node)).ok());

        // Retraction reaches subscribers.
        QVERIFY(await(alice.ps->retract(service, node, QStringLiteral("a1"))).ok());
        QTRY_COMPARE(events.size(), 1);
        e = events.takeFirst().at(0).value<xmpp::PubSubEvent>();
        QCOMPARE(e.retracted, QStringList{QStringLiteral("a1")});
        QVERIFY(await(bob.ps->items(service, node)).value().isEmpty());
    }

    // What the library sync builds on: max_items gives the most recently published items,
    // oldest first, and a republished item counts as the newest; disco#items lists every id.
    void newestItemsAndIds() {
        Member alice = signIn(QStringLiteral("alice"));
        QVERIFY(alice.ps);
        for (const char* id : {"b1", "b2", "b3"}) {
            QVERIFY(await(alice.ps->publish(service, node, QString::fromLatin1(id),
                                            answer(QString::fromLatin1(id))))
                        .ok());
        }
        QVERIFY(
            await(alice.ps->publish(service, node, QStringLiteral("b1"), answer("again"))).ok());
        const auto newest = await(alice.ps->items(service, node, 2));
        QVERIFY(newest.ok());
        // In publish order, oldest first (XEP-0060 leaves the order to the service).
        QCOMPARE(idsOf(newest.value()), (QStringList{QStringLiteral("b3"), QStringLiteral("b1")}));
        const auto all = await(alice.ps->items(service, node));
        QCOMPARE(idsOf(all.value()),
                 (QStringList{QStringLiteral("b2"), QStringLiteral("b3"), QStringLiteral("b1")}));
        QStringList listed = await(alice.ps->itemIds(service, node)).value();
        listed.sort();
        QCOMPARE(listed,
                 (QStringList{QStringLiteral("b1"), QStringLiteral("b2"), QStringLiteral("b3")}));
        const auto byId = await(alice.ps->itemsById(service, node, {QStringLiteral("b2")}));
        QVERIFY(byId.ok());
        QCOMPARE(idsOf(byId.value()), QStringList{QStringLiteral("b2")});
    }
};

QTEST_MAIN(TestPubSubServer)
#include "tst_pubsubserver.moc"
