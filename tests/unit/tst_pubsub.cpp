// Publish-Subscribe through a fake transport: the XML of publish, retract, fetches and
// owner requests, parsing the replies, and events accepted only from trusted services.
#include <QtTest>

#include "OnlineClient.h"
#include "common/FutureUtils.h"
#include "xmpp/ext/pubsub/PubSubExtension.h"

using namespace rapport;
using namespace rapport::xmpp;

namespace {

const Jid kService(QStringLiteral("pubsub.example.com"));
const QString kNode = QStringLiteral("rapport/answers");

Element payload(const QString& title) {
    Element answer(QStringLiteral("answer"), QStringLiteral("urn:rapport:answer:1"));
    answer.appendChild(
        Element(QStringLiteral("title"), QStringLiteral("urn:rapport:answer:1")).setText(title));
    return answer;
}

QString eventStanza(const QString& from, const QString& inner) {
    return QStringLiteral(
               "<message xmlns='jabber:client' from='%1' to='juliet@example.com' "
               "type='headline'><event "
               "xmlns='http://jabber.org/protocol/pubsub#event'>%2</event></message>")
        .arg(from, inner);
}

}  // namespace

class TestPubSub : public QObject {
    Q_OBJECT
    std::unique_ptr<test::OnlineClient> c;
    PubSubExtension* ps = nullptr;

    // Sends the one stanza the last call produced back as the given reply.
    QString replyTo(const QString& inner) {
        const QStringList sent = c->takeStanzas();
        if (sent.size() != 1) {
            qWarning() << "expected one stanza, got" << sent;
            return {};
        }
        c->t->feed(QStringLiteral("<iq xmlns='jabber:client' type='result' id='%1' "
                                  "from='pubsub.example.com'>%2</iq>")
                       .arg(test::OnlineClient::idOf(sent[0]), inner));
        return sent[0];
    }

    // The future's result once the replies fed in have been handled; a timeout otherwise.
    template <class T>
    static T await(QFuture<T> f) {
        QElapsedTimer t;
        t.start();
        while (!f.isFinished() && t.elapsed() < 2000) {
            QCoreApplication::processEvents();
        }
        return f.isFinished() ? f.result()
                              : T(Error::make(ErrorCode::Timeout, QStringLiteral("no reply")));
    }

private slots:
    void init() {
        c = std::make_unique<test::OnlineClient>();
        ps = c->client->addExtension<PubSubExtension>();
        ps->setTrustedServices({kService});
        c->login();
        c->takeStanzas();
    }
    void cleanup() { c.reset(); }

    void publishXml() {
        QCOMPARE(PubSubExtension::publishIq(kService, kNode, QStringLiteral("a1"),
                                            payload(QStringLiteral("Hi")))
                     .toXml(),
                 QStringLiteral("<iq xmlns='jabber:client' type='set' to='pubsub.example.com'>"
                                "<pubsub xmlns='http://jabber.org/protocol/pubsub'>"
                                "<publish node='rapport/answers'><item id='a1'>"
                                "<answer xmlns='urn:rapport:answer:1'><title>Hi</title></answer>"
                                "</item></publish></pubsub></iq>"));
    }

    void publishResolvesWithTheItemId() {
        auto f = ps->publish(kService, kNode, QString(), payload(QStringLiteral("x")));
        replyTo(
            QStringLiteral("<pubsub xmlns='http://jabber.org/protocol/pubsub'>"
                           "<publish node='rapport/answers'><item id='given-7'/></publish>"
                           "</pubsub>"));
        const auto r = await(f);
        QVERIFY(r.ok());
        QCOMPARE(r.value(), QStringLiteral("given-7"));
    }

    void refusalIsAnError() {
        auto f = ps->publish(kService, kNode, QStringLiteral("a1"), payload(QStringLiteral("x")));
        const QStringList sent = c->takeStanzas();
        QCOMPARE(sent.size(), 1);
        c->t->feed(QStringLiteral("<iq xmlns='jabber:client' type='error' id='%1' "
                                  "from='pubsub.example.com'><error type='auth'><forbidden "
                                  "xmlns='urn:ietf:params:xml:ns:xmpp-stanzas'/></error></iq>")
                       .arg(test::OnlineClient::idOf(sent[0])));
        const auto r = await(f);
        QVERIFY(!r.ok());
        QCOMPARE(r.error().condition, QStringLiteral("forbidden"));
    }

    void itemsAndIds() {
        auto f = ps->items(kService, kNode, 20);
        const QString sent = replyTo(QStringLiteral(
            "<pubsub xmlns='http://jabber.org/protocol/pubsub'><items node='rapport/answers'>"
            "<item id='a1' publisher='alice@example.com'><answer xmlns='urn:rapport:answer:1'/>"
            "</item><item id='a2'/></items></pubsub>"));
        QVERIFY(sent.contains(QStringLiteral("<items node='rapport/answers' max_items='20'/>")));
        const auto r = await(f);
        QVERIFY(r.ok());
        QCOMPARE(r.value().size(), 2);
        QCOMPARE(r.value()[0].id, QStringLiteral("a1"));
        QCOMPARE(r.value()[0].publisher, QStringLiteral("alice@example.com"));
        QCOMPARE(r.value()[0].payload.name(), QStringLiteral("answer"));
        QVERIFY(r.value()[1].payload.isNull());

        auto byId = ps->itemsById(kService, kNode, {QStringLiteral("a1"), QStringLiteral("a9")});
        const QString asked = replyTo(QStringLiteral(
            "<pubsub xmlns='http://jabber.org/protocol/pubsub'><items node='rapport/answers'>"
            "<item id='a1'><answer xmlns='urn:rapport:answer:1'/></item></items></pubsub>"));
        QVERIFY(asked.contains(QStringLiteral("<item id='a1'/><item id='a9'/>")));
        QCOMPARE(await(byId).value().size(), 1);

        auto ids = ps->itemIds(kService, kNode);
        const QString disco = replyTo(QStringLiteral(
            "<query xmlns='http://jabber.org/protocol/disco#items' node='rapport/answers'>"
            "<item jid='pubsub.example.com' name='a1'/><item jid='pubsub.example.com' "
            "name='a2'/></query>"));
        QVERIFY(disco.contains(QStringLiteral(
            "<query xmlns='http://jabber.org/protocol/disco#items' node='rapport/answers'/>")));
        QCOMPARE(await(ids).value(), (QStringList{QStringLiteral("a1"), QStringLiteral("a2")}));
    }

    // A node's items may come as one reply of megabytes (Prosody ignores RSM there): allowed
    // for the reply to our items request, and for nothing else.
    void largeItemsReply() {
        QString items;
        const QString body(1000, u'x');
        for (int i = 0; i < 400; ++i) {  // ~400 KiB, over the 256 KiB stanza limit
            items += QStringLiteral(
                         "<item id='a%1'><answer xmlns='urn:rapport:answer:1'>"
                         "<body>%2</body></answer></item>")
                         .arg(i)
                         .arg(body);
        }
        auto f = ps->items(kService, kNode);
        replyTo(QStringLiteral("<pubsub xmlns='http://jabber.org/protocol/pubsub'>"
                               "<items node='rapport/answers'>%1</items></pubsub>")
                    .arg(items));
        const auto r = await(f);
        QVERIFY2(r.ok(), qPrintable(r.error().message));
        QCOMPARE(r.value().size(), 400);
        QVERIFY(ps->bytesReceived() > 256 * 1024);
        QCOMPARE(c->client->state(), Client::State::Online);

        // The same size unasked for (a reply to an id that is no longer pending, here) is
        // refused like any huge stanza: the stream ends.
        c->t->feed(QStringLiteral("<iq xmlns='jabber:client' type='result' id='stale' "
                                  "from='pubsub.example.com'><pubsub "
                                  "xmlns='http://jabber.org/protocol/pubsub'><items "
                                  "node='rapport/answers'>%1</items></pubsub></iq>")
                       .arg(items));
        QVERIFY(c->client->state() != Client::State::Online);
    }

    void ownerRequests() {
        auto create =
            ps->createNode(kService, kNode,
                           {{QStringLiteral("pubsub#access_model"), QStringLiteral("whitelist")}});
        const QString sent = replyTo({});
        QVERIFY(sent.contains(QStringLiteral("<create node='rapport/answers'/><configure>")));
        QVERIFY(sent.contains(
            QStringLiteral("<field var='pubsub#access_model'><value>whitelist</value></field>")));
        QVERIFY(await(create).ok());

        auto set = ps->setAffiliations(kService, kNode,
                                       {{QStringLiteral("bob@example.com"), AffiliationPublisher}});
        QVERIFY(replyTo({}).contains(
            QStringLiteral("<pubsub xmlns='http://jabber.org/protocol/pubsub#owner'><affiliations "
                           "node='rapport/answers'><affiliation jid='bob@example.com' "
                           "affiliation='publisher'/></affiliations></pubsub>")));
        QVERIFY(await(set).ok());

        auto list = ps->affiliations(kService, kNode);
        replyTo(
            QStringLiteral("<pubsub xmlns='http://jabber.org/protocol/pubsub#owner'><affiliations "
                           "node='rapport/answers'><affiliation jid='bob@example.com/x' "
                           "affiliation='publisher'/><affiliation jid='admin@example.com' "
                           "affiliation='owner'/></affiliations></pubsub>"));
        const auto got = await(list);
        QVERIFY(got.ok());
        QCOMPARE(got.value().value(QStringLiteral("bob@example.com")), AffiliationPublisher);
        QCOMPARE(got.value().value(QStringLiteral("admin@example.com")), AffiliationOwner);
    }

    void eventsFromTheServiceOnly() {
        QSignalSpy spy(ps, &PubSubExtension::eventReceived);
        const QString items = QStringLiteral(
            "<items node='rapport/answers'><item id='a1'><answer "
            "xmlns='urn:rapport:answer:1'/></item><retract id='a0'/></items>");
        c->t->feed(eventStanza(QStringLiteral("pubsub.example.com"), items));
        QCOMPARE(spy.count(), 1);
        const auto e = spy.takeFirst().at(0).value<PubSubEvent>();
        QCOMPARE(e.node, kNode);
        QCOMPARE(e.items.size(), 1);
        QCOMPARE(e.items[0].id, QStringLiteral("a1"));
        QCOMPARE(e.retracted, QStringList{QStringLiteral("a0")});
        // Anyone else: a user, another service, a full JID of the service; and a purge.
        c->t->feed(eventStanza(QStringLiteral("mallory@evil.example"), items));
        c->t->feed(eventStanza(QStringLiteral("pubsub.evil.example"), items));
        c->t->feed(eventStanza(QStringLiteral("pubsub.example.com/x"), items));
        c->t->feed(
            QStringLiteral("<message xmlns='jabber:client' to='juliet@example.com'><event "
                           "xmlns='http://jabber.org/protocol/pubsub#event'>%1</event></message>")
                .arg(items));
        QCOMPARE(spy.count(), 0);
        c->t->feed(eventStanza(QStringLiteral("pubsub.example.com"),
                               QStringLiteral("<purge node='rapport/answers'/>")));
        QCOMPARE(spy.count(), 1);
        QVERIFY(spy.takeFirst().at(0).value<PubSubEvent>().purged);
    }
};

QTEST_GUILESS_MAIN(TestPubSub)
#include "tst_pubsub.moc"
