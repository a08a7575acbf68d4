// One-to-one chat: sending, receiving (ids, trusted stanza-id, delay), bounced
// messages, delivery receipts, chat states and displayed markers.
#include <QSignalSpy>
#include <QUuid>
#include <QtTest>

#include "OnlineClient.h"
#include "xmpp/ElementParser.h"
#include "xmpp/ext/chat/ChatExtension.h"
#include "xmpp/ext/chatstates/ChatStatesExtension.h"
#include "xmpp/ext/markers/MarkersExtension.h"
#include "xmpp/ext/receipts/ReceiptsExtension.h"

using namespace rapport;
using namespace rapport::xmpp;

namespace {

// A message from Romeo's phone with a receipt request, as the server delivers it live.
QString romeoMessage(const QString& extra = {}, const QString& type = QStringLiteral("chat")) {
    return QStringLiteral(
               "<message xmlns='jabber:client' from='romeo@montague.example/phone' "
               "to='juliet@example.com/balcony' id='m1' type='%1'>"
               "<body>Wherefore?</body><request xmlns='urn:xmpp:receipts'/>%2</message>")
        .arg(type, extra);
}

}  // namespace

class TestChat : public QObject {
    Q_OBJECT

private slots:
    void init() {
        c = std::make_unique<test::OnlineClient>();
        chat = c->client->addExtension<ChatExtension>();
        receipts = c->client->addExtension<ReceiptsExtension>();
        states = c->client->addExtension<ChatStatesExtension>();
        markers = c->client->addExtension<MarkersExtension>();
        c->login();
        c->takeStanzas();
    }
    void cleanup() { c.reset(); }

    // --- sending

    void sendMessageXml() {
        const Result<ChatMessage> sent = chat->sendMessage(
            Jid(QStringLiteral("romeo@montague.example")), QStringLiteral("Hi <3"));
        QVERIFY(sent.ok());
        const ChatMessage m = sent.value();
        QVERIFY(!QUuid::fromString(m.id).isNull());
        QCOMPARE(m.originId, m.id);
        QCOMPARE(m.direction, ChatMessage::Direction::Outgoing);
        QCOMPARE(m.from, Jid(QStringLiteral("juliet@example.com/balcony")));
        QCOMPARE(m.to, Jid(QStringLiteral("romeo@montague.example")));
        QCOMPARE(m.timestamp.timeSpec(), Qt::UTC);
        // No from: the server stamps it. Every child of the wire contract, in jabber:client.
        QCOMPARE(
            c->takeStanzas(),
            QStringList{
                QStringLiteral("<message xmlns='jabber:client' to='romeo@montague.example' id='%1' "
                               "type='chat'>"
                               "<body>Hi &lt;3</body>"
                               "<origin-id xmlns='urn:xmpp:sid:0' id='%1'/>"
                               "<request xmlns='urn:xmpp:receipts'/>"
                               "<markable xmlns='urn:xmpp:chat-markers:0'/>"
                               "<active xmlns='http://jabber.org/protocol/chatstates'/></message>")
                    .arg(m.id)});
        // Each message gets its own id.
        const Result<ChatMessage> second = chat->sendMessage(
            Jid(QStringLiteral("romeo@montague.example")), QStringLiteral("Again"));
        QVERIFY(second.ok());
        QVERIFY(second.value().id != m.id);
    }

    void sendMessageRefusesEmptyBodyAndOffline() {
        const Result<ChatMessage> empty =
            chat->sendMessage(Jid(QStringLiteral("romeo@montague.example")), QStringLiteral("  "));
        QVERIFY(!empty.ok());
        QCOMPARE(empty.error().code, ErrorCode::Usage);
        c->logout();
        const Result<ChatMessage> offline =
            chat->sendMessage(Jid(QStringLiteral("romeo@montague.example")), QStringLiteral("Hi"));
        QVERIFY(!offline.ok());
        QCOMPARE(offline.error().code, ErrorCode::ConnectionLost);
        QVERIFY(c->takeStanzas().isEmpty());
    }

    // --- receiving

    void incomingMessageIsSignalled() {
        QSignalSpy received(chat, &ChatExtension::messageReceived);
        const QDateTime before = QDateTime::currentDateTimeUtc();
        c->t->feed(romeoMessage(QStringLiteral(
            "<origin-id xmlns='urn:xmpp:sid:0' id='o-1'/>"
            "<stanza-id xmlns='urn:xmpp:sid:0' by='juliet@example.com' id='s-1'/>")));
        QCOMPARE(received.size(), 1);
        const auto m = received.first().first().value<ChatMessage>();
        QCOMPARE(m.from, Jid(QStringLiteral("romeo@montague.example/phone")));
        QCOMPARE(m.to, Jid(QStringLiteral("juliet@example.com/balcony")));
        QCOMPARE(m.body, QStringLiteral("Wherefore?"));
        QCOMPARE(m.id, QStringLiteral("m1"));
        QCOMPARE(m.originId, QStringLiteral("o-1"));
        QCOMPARE(m.stanzaId, QStringLiteral("s-1"));
        QCOMPARE(m.type, QStringLiteral("chat"));
        QCOMPARE(m.origin, MessageContext::Origin::Live);
        QCOMPARE(m.direction, ChatMessage::Direction::Incoming);
        QCOMPARE(m.timestamp.timeSpec(), Qt::UTC);
        QVERIFY(m.timestamp >= before && m.timestamp <= QDateTime::currentDateTimeUtc());
    }

    void duplicatesAreReportedOnce() {
        QSignalSpy received(chat, &ChatExtension::messageReceived);
        const QString withOrigin = QStringLiteral(
            "<message xmlns='jabber:client' from='romeo@montague.example/phone' id='%1' "
            "type='chat'><body>Once</body><origin-id xmlns='urn:xmpp:sid:0' id='o-1'/></message>");
        c->t->feed(withOrigin.arg(QStringLiteral("a")));
        // Redelivered (offline storage, failed resumption): same origin-id, new stanza id.
        c->t->feed(withOrigin.arg(QStringLiteral("b")));
        QCOMPARE(received.size(), 1);
        // Another sender reusing the origin-id is a different message, not a duplicate.
        c->t->feed(QStringLiteral(
            "<message xmlns='jabber:client' from='mallory@evil.example/x' id='c' type='chat'>"
            "<body>Mine</body><origin-id xmlns='urn:xmpp:sid:0' id='o-1'/></message>"));
        QCOMPARE(received.size(), 2);
        // Without origin-id the sender's id decides.
        c->t->feed(romeoMessage());
        c->t->feed(romeoMessage());
        QCOMPARE(received.size(), 3);
    }

    void stanzaIdTrustedOnlyFromOwnArchive_data() {
        QTest::addColumn<QString>("stanzaIds");
        QTest::addColumn<QString>("expected");
        QTest::newRow("by the sender")
            << QStringLiteral(
                   "<stanza-id xmlns='urn:xmpp:sid:0' by='romeo@montague.example' id='spoof'/>")
            << QString();
        QTest::newRow("by our full JID")
            << QStringLiteral(
                   "<stanza-id xmlns='urn:xmpp:sid:0' by='juliet@example.com/balcony' id='spoof'/>")
            << QString();
        QTest::newRow("by our domain")
            << QStringLiteral("<stanza-id xmlns='urn:xmpp:sid:0' by='example.com' id='spoof'/>")
            << QString();
        QTest::newRow("spoofed first, ours second")
            << QStringLiteral(
                   "<stanza-id xmlns='urn:xmpp:sid:0' by='romeo@montague.example' id='spoof'/>"
                   "<stanza-id xmlns='urn:xmpp:sid:0' by='juliet@example.com' id='real'/>")
            << QStringLiteral("real");
    }

    void stanzaIdTrustedOnlyFromOwnArchive() {
        QFETCH(QString, stanzaIds);
        QFETCH(QString, expected);
        QSignalSpy received(chat, &ChatExtension::messageReceived);
        c->t->feed(romeoMessage(stanzaIds));
        QCOMPARE(received.size(), 1);
        QCOMPARE(received.first().first().value<ChatMessage>().stanzaId, expected);
    }

    void delayGivesTheTimestamp_data() {
        QTest::addColumn<QString>("stamp");
        QTest::addColumn<QDateTime>("expected");
        QTest::newRow("Z") << QStringLiteral("2024-03-01T12:34:56Z")
                           << QDateTime(QDate(2024, 3, 1), QTime(12, 34, 56), Qt::UTC);
        QTest::newRow("offset and ms")
            << QStringLiteral("2024-03-01T13:34:56.250+01:00")
            << QDateTime(QDate(2024, 3, 1), QTime(12, 34, 56, 250), Qt::UTC);
    }

    void delayGivesTheTimestamp() {
        QFETCH(QString, stamp);
        QFETCH(QDateTime, expected);
        QSignalSpy received(chat, &ChatExtension::messageReceived);
        c->t->feed(romeoMessage(
            QStringLiteral("<delay xmlns='urn:xmpp:delay' from='example.com' stamp='%1'/>")
                .arg(stamp)));
        QCOMPARE(received.size(), 1);
        const QDateTime t = received.first().first().value<ChatMessage>().timestamp;
        QCOMPARE(t, expected);
        QCOMPARE(t.timeSpec(), Qt::UTC);
    }

    void normalMessagesCountGroupchatAndHeadlineDoNot() {
        QSignalSpy received(chat, &ChatExtension::messageReceived);
        c->t->feed(
            QStringLiteral("<message xmlns='jabber:client' from='romeo@montague.example/phone' "
                           "id='n1'><body>No type means normal</body></message>"));
        QCOMPARE(received.size(), 1);
        QCOMPARE(received.first().first().value<ChatMessage>().type, QStringLiteral("normal"));
        c->t->feed(romeoMessage({}, QStringLiteral("groupchat")));
        c->t->feed(romeoMessage({}, QStringLiteral("headline")));
        // No body: a chat state or receipt, not a message.
        c->t->feed(
            QStringLiteral("<message xmlns='jabber:client' from='romeo@montague.example/phone' "
                           "type='chat'><composing xmlns='http://jabber.org/protocol/chatstates'/>"
                           "</message>"));
        QCOMPARE(received.size(), 1);
    }

    void bouncedMessageIsReportedAsFailed() {
        QSignalSpy failed(chat, &ChatExtension::messageFailed);
        QSignalSpy received(chat, &ChatExtension::messageReceived);
        c->t->feed(QStringLiteral(
            "<message xmlns='jabber:client' from='romeo@montague.example' id='out-1' type='error'>"
            "<body>Hi</body><error type='cancel'>"
            "<service-unavailable xmlns='urn:ietf:params:xml:ns:xmpp-stanzas'/>"
            "<text xmlns='urn:ietf:params:xml:ns:xmpp-stanzas'>Gone "
            "fishing</text></error></message>"));
        QCOMPARE(received.size(), 0);
        QCOMPARE(failed.size(), 1);
        QCOMPARE(failed.first().at(0).toString(), QStringLiteral("out-1"));
        const auto error = failed.first().at(1).value<Error>();
        QCOMPARE(error.code, ErrorCode::StanzaError);
        QCOMPARE(error.condition, QStringLiteral("service-unavailable"));
        QVERIFY(error.message.contains(QStringLiteral("Gone fishing")));
    }

    // --- receipts (XEP-0184)

    void receiptSentForLiveMessageWithRequest() {
        c->t->feed(romeoMessage());
        const QStringList sent = c->takeStanzas();
        QCOMPARE(sent.size(), 1);
        const QString id = test::OnlineClient::idOf(sent.first());
        QVERIFY(id != QStringLiteral("m1"));
        QCOMPARE(sent.first(),
                 QStringLiteral("<message xmlns='jabber:client' to='romeo@montague.example/phone' "
                                "id='%1' type='chat'><received xmlns='urn:xmpp:receipts' id='m1'/>"
                                "<store xmlns='urn:xmpp:hints'/></message>")
                     .arg(id));
    }

    void noReceiptWhenNotAskedOrNotAppropriate() {
        // No request.
        c->t->feed(
            QStringLiteral("<message xmlns='jabber:client' from='romeo@montague.example/phone' "
                           "id='m2' type='chat'><body>Hi</body></message>"));
        // No id to confirm.
        c->t->feed(
            QStringLiteral("<message xmlns='jabber:client' from='romeo@montague.example/phone' "
                           "type='chat'><body>Hi</body><request xmlns='urn:xmpp:receipts'/>"
                           "</message>"));
        // Group chat and errors never get receipts.
        c->t->feed(romeoMessage({}, QStringLiteral("groupchat")));
        c->t->feed(romeoMessage({}, QStringLiteral("error")));
        // A request without a body is not a message.
        c->t->feed(
            QStringLiteral("<message xmlns='jabber:client' from='romeo@montague.example/phone' "
                           "id='m3' type='chat'><request xmlns='urn:xmpp:receipts'/></message>"));
        QVERIFY(c->takeStanzas().isEmpty());
    }

    void noReceiptForCarbonCopies() {
        const Element parsed = parseInner(romeoMessage());
        c->client->dispatchMessage(parsed, MessageContext{MessageContext::Origin::CarbonReceived});
        c->client->dispatchMessage(parsed, MessageContext{MessageContext::Origin::CarbonSent});
        QVERIFY(c->takeStanzas().isEmpty());
    }

    void noReceiptWhenSwitchedOff() {
        QVERIFY(receipts->sendsReceipts());
        receipts->setSendReceipts(false);
        c->t->feed(romeoMessage());
        QVERIFY(c->takeStanzas().isEmpty());
    }

    void receiptReceivedIsSignalled() {
        QSignalSpy receipt(receipts, &ReceiptsExtension::receiptReceived);
        QSignalSpy received(chat, &ChatExtension::messageReceived);
        c->t->feed(
            QStringLiteral("<message xmlns='jabber:client' from='romeo@montague.example/phone' "
                           "id='r1' type='chat'><received xmlns='urn:xmpp:receipts' id='out-7'/>"
                           "</message>"));
        QCOMPARE(received.size(), 0);
        QCOMPARE(receipt.size(), 1);
        QCOMPARE(receipt.first().at(0).value<Jid>(),
                 Jid(QStringLiteral("romeo@montague.example/phone")));
        QCOMPARE(receipt.first().at(1).toString(), QStringLiteral("out-7"));
        // A receipt for a receipt would never end.
        QVERIFY(c->takeStanzas().isEmpty());
    }

    // --- chat states (XEP-0085)

    void sendChatStateXml() {
        QVERIFY(states
                    ->sendChatState(Jid(QStringLiteral("romeo@montague.example/phone")),
                                    ChatStatesExtension::State::Composing)
                    .ok());
        QVERIFY(states
                    ->sendChatState(Jid(QStringLiteral("romeo@montague.example")),
                                    ChatStatesExtension::State::Gone)
                    .ok());
        QCOMPARE(
            c->takeStanzas(),
            (QStringList{
                QStringLiteral(
                    "<message xmlns='jabber:client' to='romeo@montague.example/phone' "
                    "type='chat'><composing xmlns='http://jabber.org/protocol/chatstates'/>"
                    "<no-store xmlns='urn:xmpp:hints'/></message>"),
                QStringLiteral("<message xmlns='jabber:client' to='romeo@montague.example' "
                               "type='chat'><gone xmlns='http://jabber.org/protocol/chatstates'/>"
                               "<no-store xmlns='urn:xmpp:hints'/></message>")}));
    }

    void incomingChatStateIsSignalled() {
        QSignalSpy changed(states, &ChatStatesExtension::chatStateChanged);
        c->t->feed(
            QStringLiteral("<message xmlns='jabber:client' from='romeo@montague.example/phone' "
                           "type='chat'><paused xmlns='http://jabber.org/protocol/chatstates'/>"
                           "<no-store xmlns='urn:xmpp:hints'/></message>"));
        // A message with <active/> is both a message and a state.
        c->t->feed(romeoMessage(
            QStringLiteral("<active xmlns='http://jabber.org/protocol/chatstates'/>")));
        QCOMPARE(changed.size(), 2);
        QCOMPARE(changed.at(0).at(0).value<Jid>(),
                 Jid(QStringLiteral("romeo@montague.example/phone")));
        QCOMPARE(changed.at(0).at(1).value<ChatStatesExtension::State>(),
                 ChatStatesExtension::State::Paused);
        QCOMPARE(changed.at(1).at(1).value<ChatStatesExtension::State>(),
                 ChatStatesExtension::State::Active);
        // Our own other device typing is not Romeo typing.
        c->client->dispatchMessage(
            parseInner(
                QStringLiteral("<message xmlns='jabber:client' from='juliet@example.com/phone' "
                               "to='romeo@montague.example' type='chat'>"
                               "<composing xmlns='http://jabber.org/protocol/chatstates'/>"
                               "</message>")),
            MessageContext{MessageContext::Origin::CarbonSent});
        QCOMPARE(changed.size(), 2);
    }

    // --- markers (XEP-0333)

    void sendDisplayedXml() {
        QVERIFY(markers
                    ->sendDisplayed(Jid(QStringLiteral("romeo@montague.example/phone")),
                                    QStringLiteral("m1"))
                    .ok());
        QVERIFY(
            !markers->sendDisplayed(Jid(QStringLiteral("romeo@montague.example")), QString()).ok());
        QCOMPARE(c->takeStanzas(),
                 QStringList{QStringLiteral(
                     "<message xmlns='jabber:client' to='romeo@montague.example/phone' type='chat'>"
                     "<displayed xmlns='urn:xmpp:chat-markers:0' id='m1'/>"
                     "<store xmlns='urn:xmpp:hints'/></message>")});
    }

    void incomingMarkersAreSignalled() {
        QSignalSpy marker(markers, &MarkersExtension::markerReceived);
        QSignalSpy own(markers, &MarkersExtension::ownMarkerSent);
        c->t->feed(
            QStringLiteral("<message xmlns='jabber:client' from='romeo@montague.example/phone' "
                           "type='chat'><displayed xmlns='urn:xmpp:chat-markers:0' id='out-3'/>"
                           "</message>"));
        c->t->feed(
            QStringLiteral("<message xmlns='jabber:client' from='romeo@montague.example/phone' "
                           "type='chat'><received xmlns='urn:xmpp:chat-markers:0' id='out-4'/>"
                           "</message>"));
        c->t->feed(
            QStringLiteral("<message xmlns='jabber:client' from='romeo@montague.example/phone' "
                           "type='chat'><acknowledged xmlns='urn:xmpp:chat-markers:0' "
                           "id='out-5'/></message>"));
        QCOMPARE(marker.size(), 3);
        QCOMPARE(marker.at(0).at(0).value<Jid>(),
                 Jid(QStringLiteral("romeo@montague.example/phone")));
        QCOMPARE(marker.at(0).at(1).toString(), QStringLiteral("out-3"));
        QCOMPARE(marker.at(0).at(2).value<MarkersExtension::Marker>(),
                 MarkersExtension::Marker::Displayed);
        QCOMPARE(marker.at(1).at(2).value<MarkersExtension::Marker>(),
                 MarkersExtension::Marker::Received);
        QCOMPARE(marker.at(2).at(2).value<MarkersExtension::Marker>(),
                 MarkersExtension::Marker::Acknowledged);

        // What our phone displayed (seen by carbon) is read here too.
        c->client->dispatchMessage(
            parseInner(
                QStringLiteral("<message xmlns='jabber:client' from='juliet@example.com/phone' "
                               "to='romeo@montague.example/phone' type='chat'>"
                               "<displayed xmlns='urn:xmpp:chat-markers:0' id='in-9'/></message>")),
            MessageContext{MessageContext::Origin::CarbonSent});
        QCOMPARE(marker.size(), 3);
        QCOMPARE(own.size(), 1);
        QCOMPARE(own.first().at(0).value<Jid>(),
                 Jid(QStringLiteral("romeo@montague.example/phone")));
        QCOMPARE(own.first().at(1).toString(), QStringLiteral("in-9"));
    }

private:
    static Element parseInner(const QString& xml) { return parseElement(xml).value(); }

    std::unique_ptr<test::OnlineClient> c;
    ChatExtension* chat = nullptr;
    ReceiptsExtension* receipts = nullptr;
    ChatStatesExtension* states = nullptr;
    MarkersExtension* markers = nullptr;
};

QTEST_GUILESS_MAIN(TestChat)
#include "tst_chat.moc"
