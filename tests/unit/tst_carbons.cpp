// Message carbons: enabled once per new session, copies unwrapped with the right
// origin, and forged carbons (not from our own bare JID) dropped.
#include <QSignalSpy>
#include <QtTest>

#include "OnlineClient.h"
#include "xmpp/ext/carbons/CarbonsExtension.h"
#include "xmpp/ext/chat/ChatExtension.h"
#include "xmpp/ext/receipts/ReceiptsExtension.h"

using namespace rapport;
using namespace rapport::xmpp;

namespace {

// Romeo wrote to our other device (received) / our phone wrote to Romeo (sent).
const QString ReceivedInner = QStringLiteral(
    "<message xmlns='jabber:client' from='romeo@montague.example/orchard' "
    "to='juliet@example.com/phone' id='m1' type='chat'><body>Hello</body>"
    "<request xmlns='urn:xmpp:receipts'/></message>");
const QString SentInner = QStringLiteral(
    "<message xmlns='jabber:client' from='juliet@example.com/phone' "
    "to='romeo@montague.example/orchard' id='m2' type='chat'><body>Hi back</body>"
    "<request xmlns='urn:xmpp:receipts'/></message>");

QString carbon(const QString& outerFrom, const QString& kind, const QString& inner) {
    const QString from =
        outerFrom.isNull() ? QString() : QStringLiteral(" from='%1'").arg(outerFrom);
    return QStringLiteral(
               "<message xmlns='jabber:client'%1 to='juliet@example.com/balcony' "
               "type='chat'><%2 xmlns='urn:xmpp:carbons:2'>"
               "<forwarded xmlns='urn:xmpp:forward:0'>%3</forwarded></%2></message>")
        .arg(from, kind, inner);
}

}  // namespace

class TestCarbons : public QObject {
    Q_OBJECT

private:
    // Signs in and answers the enable request with `reply` ("result" or "error").
    void loginAndAnswerEnable(const QString& reply = QStringLiteral("result")) {
        c->login(true);
        const QStringList sent = c->takeStanzas();
        QCOMPARE(sent.size(), 1);
        const QString id = test::OnlineClient::idOf(sent.first());
        QCOMPARE(sent.first(), QStringLiteral("<iq xmlns='jabber:client' type='set' id='%1'>"
                                              "<enable xmlns='urn:xmpp:carbons:2'/></iq>")
                                   .arg(id));
        QVERIFY(!carbons->isEnabled());
        if (reply == u"result") {
            c->t->feed(QStringLiteral("<iq xmlns='jabber:client' type='result' id='%1'/>").arg(id));
        } else {
            c->t->feed(QStringLiteral("<iq xmlns='jabber:client' type='error' id='%1'>"
                                      "<error type='cancel'><feature-not-implemented "
                                      "xmlns='urn:ietf:params:xml:ns:xmpp-stanzas'/></error></iq>")
                           .arg(id));
        }
    }

private slots:
    void init() {
        c = std::make_unique<test::OnlineClient>();
        carbons = c->client->addExtension<CarbonsExtension>();
        chat = c->client->addExtension<ChatExtension>();
        c->client->addExtension<ReceiptsExtension>();
    }
    void cleanup() { c.reset(); }

    void enabledOnNewSessionOnly() {
        QSignalSpy enabled(carbons, &CarbonsExtension::enabledChanged);
        loginAndAnswerEnable();
        QVERIFY(carbons->isEnabled());
        QCOMPARE(enabled.size(), 1);
        // The server keeps carbons for a resumed session: no second request.
        c->dropAndResume();
        QCOMPARE(c->client->state(), Client::State::Online);
        QVERIFY(c->takeStanzas().isEmpty());
        QVERIFY(carbons->isEnabled());
        // Gone for good: so are carbons.
        c->logout();
        QVERIFY(!carbons->isEnabled());
        QCOMPARE(enabled.size(), 2);
    }

    void enabledAgainWhenTheSessionCouldNotBeResumed() {
        loginAndAnswerEnable();
        QSignalSpy enabled(carbons, &CarbonsExtension::enabledChanged);
        c->dropAndReconnect(false);
        QVERIFY(!carbons->isEnabled());
        // First what the new session needs; after it, Stream resends what the old session
        // never got acked (here the first enable request, whose answer nobody awaits).
        const QStringList sent = c->takeStanzas();
        QVERIFY(!sent.isEmpty());
        const QString id = test::OnlineClient::idOf(sent.first());
        QCOMPARE(sent.first(), QStringLiteral("<iq xmlns='jabber:client' type='set' id='%1'>"
                                              "<enable xmlns='urn:xmpp:carbons:2'/></iq>")
                                   .arg(id));
        c->t->feed(QStringLiteral("<iq xmlns='jabber:client' type='result' id='%1'/>").arg(id));
        QVERIFY(carbons->isEnabled());
        QCOMPARE(enabled.size(), 2);  // off with the old session, on with the new
    }

    void refusedEnableLeavesThemOff() {
        loginAndAnswerEnable(QStringLiteral("error"));
        QVERIFY(!carbons->isEnabled());
    }

    void receivedCarbonIsDispatchedAsIncoming() {
        loginAndAnswerEnable();
        QSignalSpy received(chat, &ChatExtension::messageReceived);
        c->t->feed(carbon(QStringLiteral("juliet@example.com"), QStringLiteral("received"),
                          ReceivedInner));
        // Exactly one message: the outer wrapper is not one.
        QCOMPARE(received.size(), 1);
        const auto m = received.first().first().value<ChatMessage>();
        QCOMPARE(m.origin, MessageContext::Origin::CarbonReceived);
        QCOMPARE(m.direction, ChatMessage::Direction::Incoming);
        QCOMPARE(m.from, Jid(QStringLiteral("romeo@montague.example/orchard")));
        QCOMPARE(m.body, QStringLiteral("Hello"));
        QCOMPARE(m.id, QStringLiteral("m1"));
        // Our phone got it and answers for itself: no receipt from here.
        QVERIFY(c->takeStanzas().isEmpty());
    }

    void sentCarbonIsDispatchedAsOutgoing() {
        loginAndAnswerEnable();
        QSignalSpy received(chat, &ChatExtension::messageReceived);
        c->t->feed(carbon(QStringLiteral("juliet@example.com"), QStringLiteral("sent"), SentInner));
        QCOMPARE(received.size(), 1);
        const auto m = received.first().first().value<ChatMessage>();
        QCOMPARE(m.origin, MessageContext::Origin::CarbonSent);
        QCOMPARE(m.direction, ChatMessage::Direction::Outgoing);
        QCOMPARE(m.to, Jid(QStringLiteral("romeo@montague.example/orchard")));
        QCOMPARE(m.body, QStringLiteral("Hi back"));
        QVERIFY(c->takeStanzas().isEmpty());
    }

    void forgedCarbonIsIgnored_data() {
        QTest::addColumn<QString>("outerFrom");
        QTest::addColumn<QString>("kind");
        QTest::addColumn<QString>("inner");
        QTest::newRow("received, from a stranger") << QStringLiteral("mallory@evil.example")
                                                   << QStringLiteral("received") << ReceivedInner;
        QTest::newRow("sent, from a stranger")
            << QStringLiteral("mallory@evil.example/x") << QStringLiteral("sent") << SentInner;
        QTest::newRow("from another user's bare JID")
            << QStringLiteral("romeo@montague.example") << QStringLiteral("received")
            << ReceivedInner;
        QTest::newRow("from our own full JID")
            << QStringLiteral("juliet@example.com/phone") << QStringLiteral("sent") << SentInner;
        QTest::newRow("from our server's domain")
            << QStringLiteral("example.com") << QStringLiteral("received") << ReceivedInner;
        QTest::newRow("without from") << QString() << QStringLiteral("received") << ReceivedInner;
        // From our server, but the copy claims someone else sent it from "our" device.
        QTest::newRow("sent copy of a stranger's message")
            << QStringLiteral("juliet@example.com") << QStringLiteral("sent") << ReceivedInner;
    }

    void forgedCarbonIsIgnored() {
        QFETCH(QString, outerFrom);
        QFETCH(QString, kind);
        QFETCH(QString, inner);
        loginAndAnswerEnable();
        QSignalSpy received(chat, &ChatExtension::messageReceived);
        QTest::ignoreMessage(QtWarningMsg, QRegularExpression(QStringLiteral("ignoring a")));
        c->t->feed(carbon(outerFrom, kind, inner));
        QCOMPARE(received.size(), 0);
        QVERIFY(c->takeStanzas().isEmpty());  // and no receipt for a forged request
    }

    void carbonWithoutForwardedMessageIsIgnored() {
        loginAndAnswerEnable();
        QSignalSpy received(chat, &ChatExtension::messageReceived);
        QTest::ignoreMessage(QtWarningMsg,
                             QRegularExpression(QStringLiteral("without a forwarded")));
        c->t->feed(
            QStringLiteral("<message xmlns='jabber:client' from='juliet@example.com' "
                           "type='chat'><received xmlns='urn:xmpp:carbons:2'/></message>"));
        QCOMPARE(received.size(), 0);
    }

private:
    std::unique_ptr<test::OnlineClient> c;
    CarbonsExtension* carbons = nullptr;
    ChatExtension* chat = nullptr;
};

QTEST_GUILESS_MAIN(TestCarbons)
#include "tst_carbons.moc"
