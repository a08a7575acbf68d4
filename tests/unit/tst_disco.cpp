// Service discovery, entity capabilities and ping: what we answer about ourselves
// and what we ask of others.
#include <QtTest>

#include "OnlineClient.h"
#include "xmpp/ext/chatstates/ChatStatesExtension.h"
#include "xmpp/ext/disco/DiscoExtension.h"
#include "xmpp/ext/markers/MarkersExtension.h"
#include "xmpp/ext/ping/PingExtension.h"
#include "xmpp/ext/receipts/ReceiptsExtension.h"

using namespace rapport;
using namespace rapport::xmpp;

namespace {

const QString OurFeatures = QStringLiteral(
    "<feature var='http://jabber.org/protocol/caps'/>"
    "<feature var='http://jabber.org/protocol/chatstates'/>"
    "<feature var='http://jabber.org/protocol/disco#info'/>"
    "<feature var='urn:xmpp:chat-markers:0'/>"
    "<feature var='urn:xmpp:ping'/>"
    "<feature var='urn:xmpp:receipts'/>");

}  // namespace

class TestDisco : public QObject {
    Q_OBJECT

private slots:
    void init() {
        c = std::make_unique<test::OnlineClient>();
        disco = c->client->addExtension<DiscoExtension>();
        ping = c->client->addExtension<PingExtension>();
        c->client->addExtension<ReceiptsExtension>();
        c->client->addExtension<ChatStatesExtension>();
        c->client->addExtension<MarkersExtension>();
        c->login();
        c->takeStanzas();
    }
    void cleanup() { c.reset(); }

    void capsHashOfXep0115SimpleExample() {
        // XEP-0115 5.2: the Exodus client.
        const QList<DiscoIdentity> identities{
            {QStringLiteral("client"), QStringLiteral("pc"), {}, QStringLiteral("Exodus 0.9.1")}};
        QStringList features{QStringLiteral("http://jabber.org/protocol/caps"),
                             QStringLiteral("http://jabber.org/protocol/disco#info"),
                             QStringLiteral("http://jabber.org/protocol/disco#items"),
                             QStringLiteral("http://jabber.org/protocol/muc")};
        QCOMPARE(DiscoExtension::computeCapsVersion(identities, features),
                 QStringLiteral("QgayPKawpkPSDYmwT/WM94uAlu0="));
        // Order of input must not matter: the algorithm sorts.
        std::reverse(features.begin(), features.end());
        QCOMPARE(DiscoExtension::computeCapsVersion(identities, features),
                 QStringLiteral("QgayPKawpkPSDYmwT/WM94uAlu0="));
    }

    void ownCapsCoverEveryExtension() {
        const QStringList features{QStringLiteral("http://jabber.org/protocol/caps"),
                                   QStringLiteral("http://jabber.org/protocol/chatstates"),
                                   QStringLiteral("http://jabber.org/protocol/disco#info"),
                                   QStringLiteral("urn:xmpp:chat-markers:0"),
                                   QStringLiteral("urn:xmpp:ping"),
                                   QStringLiteral("urn:xmpp:receipts")};
        QCOMPARE(c->client->discoFeatures(), features);
        const QString ver = DiscoExtension::computeCapsVersion(
            {{QStringLiteral("client"), QStringLiteral("pc"), {}, QStringLiteral("Rapport")}},
            features);
        QCOMPARE(disco->capsVersion(), ver);
        QCOMPARE(disco->capsElement().toXml(),
                 QStringLiteral("<c xmlns='http://jabber.org/protocol/caps' hash='sha-1' "
                                "node='https://rapport.invalid/caps' ver='%1'/>")
                     .arg(ver));
    }

    void answersDiscoInfo() {
        c->t->feed(QStringLiteral(
            "<iq xmlns='jabber:client' type='get' id='d1' from='romeo@montague.example/orchard' "
            "to='juliet@example.com/balcony'>"
            "<query xmlns='http://jabber.org/protocol/disco#info'/></iq>"));
        QCOMPARE(
            c->takeStanzas(),
            QStringList{QStringLiteral(
                            "<iq xmlns='jabber:client' type='result' id='d1' "
                            "to='romeo@montague.example/orchard'>"
                            "<query xmlns='http://jabber.org/protocol/disco#info'>"
                            "<identity category='client' type='pc' name='Rapport'/>%1</query></iq>")
                            .arg(OurFeatures)});
    }

    void answersDiscoInfoForCapsNode() {
        const QString node = QStringLiteral("https://rapport.invalid/caps#") + disco->capsVersion();
        c->t->feed(
            QStringLiteral("<iq xmlns='jabber:client' type='get' id='d2' "
                           "from='romeo@montague.example/orchard'>"
                           "<query xmlns='http://jabber.org/protocol/disco#info' node='%1'/></iq>")
                .arg(node));
        QCOMPARE(
            c->takeStanzas(),
            QStringList{QStringLiteral(
                            "<iq xmlns='jabber:client' type='result' id='d2' "
                            "to='romeo@montague.example/orchard'>"
                            "<query xmlns='http://jabber.org/protocol/disco#info' node='%1'>"
                            "<identity category='client' type='pc' name='Rapport'/>%2</query></iq>")
                            .arg(node, OurFeatures)});
    }

    void unknownDiscoNodeIsItemNotFound() {
        c->t->feed(QStringLiteral(
            "<iq xmlns='jabber:client' type='get' id='d3' from='romeo@montague.example/orchard'>"
            "<query xmlns='http://jabber.org/protocol/disco#info' "
            "node='urn:example:other'/></iq>"));
        QCOMPARE(
            c->takeStanzas(),
            QStringList{QStringLiteral(
                "<iq xmlns='jabber:client' type='error' id='d3' "
                "to='romeo@montague.example/orchard'><error type='cancel'>"
                "<item-not-found xmlns='urn:ietf:params:xml:ns:xmpp-stanzas'/></error></iq>")});
    }

    void unknownIqIsServiceUnavailable() {
        c->t->feed(QStringLiteral(
            "<iq xmlns='jabber:client' type='get' id='u1' from='romeo@montague.example/orchard'>"
            "<query xmlns='urn:example:unknown'/></iq>"));
        QCOMPARE(c->takeStanzas(),
                 QStringList{QStringLiteral(
                     "<iq xmlns='jabber:client' type='error' id='u1' "
                     "to='romeo@montague.example/orchard'><error type='cancel'>"
                     "<service-unavailable xmlns='urn:ietf:params:xml:ns:xmpp-stanzas'/>"
                     "</error></iq>")});
    }

    void answersPing() {
        c->t->feed(
            QStringLiteral("<iq xmlns='jabber:client' type='get' id='p1' from='example.com'>"
                           "<ping xmlns='urn:xmpp:ping'/></iq>"));
        QCOMPARE(c->takeStanzas(),
                 QStringList{QStringLiteral(
                     "<iq xmlns='jabber:client' type='result' id='p1' to='example.com'/>")});
    }

    void pingResolvesOnAnswer() {
        QFuture<Result<void>> f = ping->ping(Jid(QStringLiteral("example.com")));
        const QStringList sent = c->takeStanzas();
        QCOMPARE(sent.size(), 1);
        const QString id = test::OnlineClient::idOf(sent.first());
        QCOMPARE(sent.first(),
                 QStringLiteral("<iq xmlns='jabber:client' type='get' to='example.com' "
                                "id='%1'><ping xmlns='urn:xmpp:ping'/></iq>")
                     .arg(id));
        QVERIFY(!f.isFinished());
        c->t->feed(
            QStringLiteral("<iq xmlns='jabber:client' type='result' id='%1' from='example.com'/>")
                .arg(id));
        QVERIFY(f.isFinished());
        QVERIFY(f.result().ok());
    }

    void pingReportsStanzaError() {
        QFuture<Result<void>> f = ping->ping(Jid(QStringLiteral("romeo@montague.example/orchard")));
        const QString id = test::OnlineClient::idOf(c->takeStanzas().value(0));
        c->t->feed(
            QStringLiteral("<iq xmlns='jabber:client' type='error' id='%1' "
                           "from='romeo@montague.example/orchard'><error type='cancel'>"
                           "<service-unavailable xmlns='urn:ietf:params:xml:ns:xmpp-stanzas'/>"
                           "</error></iq>")
                .arg(id));
        QVERIFY(f.isFinished());
        QVERIFY(!f.result().ok());
        QCOMPARE(f.result().error().code, ErrorCode::StanzaError);
        QCOMPARE(f.result().error().condition, QStringLiteral("service-unavailable"));
    }

    void queryInfoParsesIdentitiesAndFeatures() {
        QFuture<DiscoExtension::InfoResult> f =
            disco->queryInfo(Jid(QStringLiteral("pubsub.example.com")));
        const QStringList sent = c->takeStanzas();
        QCOMPARE(sent.size(), 1);
        const QString id = test::OnlineClient::idOf(sent.first());
        QCOMPARE(
            sent.first(),
            QStringLiteral("<iq xmlns='jabber:client' type='get' to='pubsub.example.com' "
                           "id='%1'><query xmlns='http://jabber.org/protocol/disco#info'/></iq>")
                .arg(id));
        c->t->feed(QStringLiteral(
                       "<iq xmlns='jabber:client' type='result' id='%1' from='pubsub.example.com'>"
                       "<query xmlns='http://jabber.org/protocol/disco#info'>"
                       "<identity category='pubsub' type='service' name='Pubsub'/>"
                       "<feature var='http://jabber.org/protocol/pubsub'/>"
                       "<feature var='http://jabber.org/protocol/disco#info'/>"
                       "</query></iq>")
                       .arg(id));
        QVERIFY(f.isFinished());
        QVERIFY(f.result().ok());
        const DiscoInfo info = f.result().value();
        QVERIFY(info.hasIdentity(u"pubsub", u"service"));
        QVERIFY(!info.hasIdentity(u"client", u"pc"));
        QCOMPARE(info.identities.first().name, QStringLiteral("Pubsub"));
        QCOMPARE(info.features,
                 (QStringList{QStringLiteral("http://jabber.org/protocol/pubsub"),
                              QStringLiteral("http://jabber.org/protocol/disco#info")}));
        QVERIFY(info.hasFeature(u"http://jabber.org/protocol/pubsub"));
    }

    void queryInfoWithNode() {
        QFuture<DiscoExtension::InfoResult> f = disco->queryInfo(
            Jid(QStringLiteral("romeo@montague.example/orchard")), QStringLiteral("urn:x:n"));
        const QStringList sent = c->takeStanzas();
        const QString id = test::OnlineClient::idOf(sent.value(0));
        QCOMPARE(sent.value(0),
                 QStringLiteral("<iq xmlns='jabber:client' type='get' "
                                "to='romeo@montague.example/orchard' id='%1'>"
                                "<query xmlns='http://jabber.org/protocol/disco#info' "
                                "node='urn:x:n'/></iq>")
                     .arg(id));
        // An answer from someone else than who we asked is spoofed and must not resolve it.
        c->t->feed(QStringLiteral("<iq xmlns='jabber:client' type='result' id='%1' "
                                  "from='mallory@evil.example'/>")
                       .arg(id));
        QVERIFY(!f.isFinished());
    }

private:
    std::unique_ptr<test::OnlineClient> c;
    DiscoExtension* disco = nullptr;
    PingExtension* ping = nullptr;
};

QTEST_GUILESS_MAIN(TestDisco)
#include "tst_disco.moc"
