// The stream and client core through a fake transport: sign-in, stream
// management (acks, resumption), IQ tracking, and what happens on bad input.
#include <QtTest>

#include "FakeTransport.h"
#include "xmpp/Client.h"
#include "xmpp/Namespaces.h"
#include "xmpp/ReconnectPolicy.h"

using namespace rapport;
using namespace rapport::xmpp;
using rapport::test::FakeServer;
using rapport::test::FakeTransport;

namespace {

Element chatMessage(const QString& to, const QString& body) {
    Element m(QStringLiteral("message"), ns::Client);
    m.setAttribute(QStringLiteral("to"), to);
    m.setAttribute(QStringLiteral("id"), Client::makeId());
    m.setAttribute(QStringLiteral("type"), QStringLiteral("chat"));
    m.appendChild(Element(QStringLiteral("body"), ns::Client).setText(body));
    return m;
}

struct Fixture {
    FakeTransport* t = new FakeTransport;
    Client client{std::unique_ptr<Transport>(t)};
    FakeServer server{t};

    explicit Fixture(bool autoReconnect = true) {
        Client::Settings s;
        s.jid = Jid(QStringLiteral("alice@example.com"));
        s.password = QStringLiteral("pw");
        s.resource = QStringLiteral("desk");
        s.url = QUrl(QStringLiteral("ws://127.0.0.1:5280/xmpp-websocket"));
        s.autoReconnect = autoReconnect;
        s.iqTimeoutMs = 200;
        client.setSettings(s);
        client.stream()->setSliceLength({});  // see Stream::setSliceLength
    }
    void login(bool sm = true) {
        client.connectToServer();
        server.completeLogin(QStringLiteral("alice@example.com/desk"), sm);
        t->sent.clear();
    }
};

}  // namespace

class TestStream : public QObject {
    Q_OBJECT
private slots:
    void signInFollowsRfc7395() {
        Fixture f;
        QSignalSpy started(&f.client, &Client::sessionStarted);
        f.client.connectToServer();
        QCOMPARE(f.t->openedUrl, QUrl(QStringLiteral("ws://127.0.0.1:5280/xmpp-websocket")));
        QCOMPARE(f.t->sent.size(), 1);
        QCOMPARE(f.t->sent[0], QStringLiteral("<open xmlns='urn:ietf:params:xml:ns:xmpp-framing' "
                                              "to='example.com' version='1.0' xml:lang='en'/>"));
        f.server.completeLogin(QStringLiteral("alice@example.com/desk"));
        const QList<Element> sent = f.t->takeSent();
        // open, auth, open (restart on the same socket), bind, enable
        QCOMPARE(sent.size(), 5);
        QVERIFY(sent[1].is(u"auth", ns::Sasl));
        QCOMPARE(sent[1].attribute(u"mechanism"), QStringLiteral("PLAIN"));
        QCOMPARE(QByteArray::fromBase64(sent[1].text().toLatin1()), QByteArray("\0alice\0pw", 9));
        QVERIFY(sent[2].is(u"open", ns::Framing));
        QVERIFY(sent[3].is(u"iq", ns::Client));
        QCOMPARE(sent[3].firstChild(u"bind", ns::Bind).childText(u"resource"),
                 QStringLiteral("desk"));
        QVERIFY(sent[4].is(u"enable", ns::StreamManagement));
        QCOMPARE(sent[4].attribute(u"resume"), QStringLiteral("true"));
        QCOMPARE(f.client.state(), Client::State::Online);
        QCOMPARE(f.client.boundJid().toString(), QStringLiteral("alice@example.com/desk"));
        QCOMPARE(started.size(), 1);
        QCOMPARE(started[0][0].toBool(), false);
    }

    void plainIsRefusedOnAnInsecureRemoteConnection() {
        Fixture f;
        f.t->loopback = false;
        f.t->encrypted = false;
        QSignalSpy errors(&f.client, &Client::errorOccurred);
        f.client.connectToServer();
        f.t->feed(
            QStringLiteral("<open xmlns='urn:ietf:params:xml:ns:xmpp-framing' version='1.0'/>"));
        f.t->feed(QStringLiteral(
            "<stream:features xmlns:stream='http://etherx.jabber.org/streams'>"
            "<mechanisms xmlns='urn:ietf:params:xml:ns:xmpp-sasl'><mechanism>PLAIN</mechanism>"
            "</mechanisms></stream:features>"));
        QVERIFY(f.t->lastSent(QStringLiteral("auth")).isNull());
        QCOMPARE(errors.size(), 1);
        QCOMPARE(errors[0][0].value<Error>().code, ErrorCode::AuthenticationFailed);
        // Retrying cannot help: no reconnect loop.
        QCOMPARE(f.client.state(), Client::State::Offline);
    }

    void wrongPasswordIsFinal() {
        Fixture f;
        f.client.connectToServer();
        f.t->feed(
            QStringLiteral("<open xmlns='urn:ietf:params:xml:ns:xmpp-framing' version='1.0'/>"));
        f.t->feed(QStringLiteral(
            "<stream:features xmlns:stream='http://etherx.jabber.org/streams'>"
            "<mechanisms xmlns='urn:ietf:params:xml:ns:xmpp-sasl'><mechanism>PLAIN</mechanism>"
            "</mechanisms></stream:features>"));
        f.t->feed(
            QStringLiteral("<failure xmlns='urn:ietf:params:xml:ns:xmpp-sasl'><not-authorized/>"
                           "<text>Invalid username or password</text></failure>"));
        QCOMPARE(f.client.state(), Client::State::Offline);
        QCOMPARE(f.client.lastError().code, ErrorCode::AuthenticationFailed);
        QCOMPARE(f.client.lastError().condition, QStringLiteral("not-authorized"));
        QCOMPARE(f.t->openCount, 1);
    }

    void answersEveryAckRequestWithTheExactCount() {
        Fixture f;
        f.login();
        for (int i = 0; i < 3; ++i) {
            f.t->feed(QStringLiteral("<message xmlns='jabber:client' from='bob@example.com/x' "
                                     "type='chat'><body>%1</body></message>")
                          .arg(i));
        }
        f.t->feed(QStringLiteral("<presence xmlns='jabber:client' from='bob@example.com/x'/>"));
        f.t->feed(QStringLiteral("<r xmlns='urn:xmpp:sm:3'/>"));
        QCOMPARE(f.t->sent.last(), QStringLiteral("<a xmlns='urn:xmpp:sm:3' h='4'/>"));
        // Nonzas are not counted.
        f.t->feed(QStringLiteral("<r xmlns='urn:xmpp:sm:3'/>"));
        QCOMPARE(f.t->sent.last(), QStringLiteral("<a xmlns='urn:xmpp:sm:3' h='4'/>"));
    }

    // What the transport hands over at once (a page of archived messages) is handled in
    // slices of a few ms, so the UI thread gets its turn; in order, and all of it, even when
    // the connection closes with some still waiting.
    void aLongRunOfStanzasIsHandledInSlicesInOrder() {
        Fixture f(false);
        f.client.stream()->setSliceLength(std::chrono::milliseconds(6));
        f.login();
        QStringList handled;
        connect(f.client.stream(), &Stream::stanzaReceived, this, [&handled](const Element& e) {
            handled << e.childText(u"body");
            QElapsedTimer busy;  // a handler that takes 1 ms, like a heavy one
            busy.start();
            while (busy.nsecsElapsed() < 1'000'000) {
            }
        });
        // A fresh turn of the event loop, as when the transport delivers a page: the
        // login's turn may have used the slice up already (slow under a sanitizer).
        QCoreApplication::processEvents();
        QStringList expected;
        for (int i = 0; i < 60; ++i) {
            expected << QString::number(i);
            f.t->feed(QStringLiteral("<message xmlns='jabber:client' from='bob@example.com/x' "
                                     "type='chat'><body>%1</body></message>")
                          .arg(i));
        }
        // Not all of it in the transport's turn of the event loop...
        QVERIFY2(handled.size() < 60, qPrintable(QString::number(handled.size())));
        QVERIFY(!handled.isEmpty());
        // ... but all of it soon after, in order, and counted for stream management.
        QTRY_COMPARE(handled, expected);
        f.t->feed(QStringLiteral("<r xmlns='urn:xmpp:sm:3'/>"));
        QTRY_VERIFY(f.t->sent.contains(QStringLiteral("<a xmlns='urn:xmpp:sm:3' h='60'/>")));

        // Stanzas still waiting when the connection drops are handled before the drop.
        handled.clear();
        expected.clear();
        for (int i = 0; i < 60; ++i) {
            expected << QStringLiteral("late %1").arg(i);
            f.t->feed(QStringLiteral("<message xmlns='jabber:client' from='bob@example.com/x' "
                                     "type='chat'><body>late %1</body></message>")
                          .arg(i));
        }
        QVERIFY(handled.size() < 60);
        f.t->drop();
        QCOMPARE(handled, expected);
    }

    void requestsAcksAndReportsThem() {
        Fixture f;
        f.login();
        QSignalSpy acked(&f.client, &Client::stanzaAcked);
        const Element m1 = chatMessage(QStringLiteral("bob@example.com"), QStringLiteral("one"));
        const Element m2 = chatMessage(QStringLiteral("bob@example.com"), QStringLiteral("two"));
        const QString r = QStringLiteral("<r xmlns='urn:xmpp:sm:3'/>");
        QVERIFY(f.client.send(m1).ok());
        QVERIFY(f.client.send(m2).ok());
        // One <r/> for the burst, shortly after (each <r/> costs the server a round trip).
        QCoreApplication::processEvents();
        QCOMPARE(f.t->sent.count(r), 0);
        QTRY_COMPARE(f.t->sent.count(r), 1);
        QTest::qWait(300);
        QCOMPARE(f.t->sent.count(r), 1);
        f.t->feed(QStringLiteral("<a xmlns='urn:xmpp:sm:3' h='1'/>"));
        QCOMPARE(acked.size(), 1);
        QCOMPARE(acked[0][0].value<Element>().attribute(u"id"), m1.attribute(u"id"));
        f.t->feed(QStringLiteral("<a xmlns='urn:xmpp:sm:3' h='2'/>"));
        QCOMPARE(acked.size(), 2);
        QCOMPARE(f.client.stream()->unackedCount(), 0);

        // A long burst asks at once, every ten stanzas, without waiting for the delay.
        f.t->sent.clear();
        for (int i = 0; i < 25; ++i) {
            QVERIFY(
                f.client.send(chatMessage(QStringLiteral("bob@example.com"), QString::number(i)))
                    .ok());
            if (i == 9) {
                QCoreApplication::processEvents();
                QCOMPARE(f.t->sent.count(r), 1);
            }
        }
        // The request after the 20th goes out when the loop turns, after all 25: it covers them.
        QCoreApplication::processEvents();
        QCOMPARE(f.t->sent.count(r), 2);
        QTest::qWait(300);
        QCOMPARE(f.t->sent.count(r), 2);
    }

    void anAckForStanzasNeverSentIsAProtocolError() {
        Fixture f(false);
        f.login();
        f.t->feed(QStringLiteral("<a xmlns='urn:xmpp:sm:3' h='5'/>"));
        QCOMPARE(f.client.lastError().code, ErrorCode::Protocol);
        QCOMPARE(f.client.state(), Client::State::Offline);
    }

    void resumesOnANewConnectionAndResendsWhatWasNotAcked() {
        Fixture f;
        f.login();
        f.t->feed(
            QStringLiteral("<message xmlns='jabber:client' from='bob@example.com/x' "
                           "type='chat'><body>in</body></message>"));
        const Element m1 = chatMessage(QStringLiteral("bob@example.com"), QStringLiteral("one"));
        const Element m2 = chatMessage(QStringLiteral("bob@example.com"), QStringLiteral("two"));
        QVERIFY(f.client.send(m1).ok());
        QVERIFY(f.client.send(m2).ok());
        QSignalSpy scheduled(&f.client, &Client::reconnectScheduled);
        f.t->drop();
        QCOMPARE(f.client.state(), Client::State::Reconnecting);
        QVERIFY(f.client.reconnectInSeconds() >= 1);
        QCOMPARE(scheduled.size(), 1);
        QCOMPARE(scheduled[0][0].toInt(), f.client.reconnectInSeconds());
        // Typed while the connection is down: waits, is not lost.
        const Element m3 = chatMessage(QStringLiteral("bob@example.com"), QStringLiteral("three"));
        QVERIFY(f.client.send(m3).ok());

        QSignalSpy started(&f.client, &Client::sessionStarted);
        f.t->sent.clear();
        f.client.connectToServer();  // "reconnect now" instead of waiting for the timer
        f.server.authenticate();
        const Element resume = f.t->lastSent(QStringLiteral("resume"));
        QCOMPARE(resume.attribute(u"previd"), QStringLiteral("sm-1"));
        QCOMPARE(resume.attribute(u"h"), QStringLiteral("1"));
        QVERIFY(f.t->lastSent(QStringLiteral("iq")).isNull());  // no new bind

        f.t->sent.clear();
        f.t->feed(QStringLiteral("<resumed xmlns='urn:xmpp:sm:3' previd='sm-1' h='1'/>"));
        QCOMPARE(started.size(), 1);
        QCOMPARE(started[0][0].toBool(), true);
        QCOMPARE(f.client.state(), Client::State::Online);
        // m1 was seen by the server (h=1); m2 is resent, then m3 goes out: in order, once.
        const QList<Element> out = f.t->takeSent();
        QCOMPARE(out.size(), 2);
        QCOMPARE(out[0].attribute(u"id"), m2.attribute(u"id"));
        QCOMPARE(out[1].attribute(u"id"), m3.attribute(u"id"));
        QCOMPARE(f.client.stream()->unackedCount(), 2);
        f.t->feed(QStringLiteral("<a xmlns='urn:xmpp:sm:3' h='3'/>"));
        QCOMPARE(f.client.stream()->unackedCount(), 0);
    }

    void failedResumptionBindsAndResendsUnackedMessages() {
        Fixture f;
        f.login();
        const Element m1 = chatMessage(QStringLiteral("bob@example.com"), QStringLiteral("one"));
        QVERIFY(f.client.send(m1).ok());
        Element presence(QStringLiteral("presence"), ns::Client);
        presence.appendChild(
            Element(QStringLiteral("status"), ns::Client).setText(QStringLiteral("old")));
        QVERIFY(f.client.send(presence).ok());
        Element ping(QStringLiteral("iq"), ns::Client);
        ping.setAttribute(QStringLiteral("type"), QStringLiteral("get"));
        ping.appendChild(Element(QStringLiteral("ping"), ns::Ping));
        QFuture<IqResult> oldIq = f.client.sendIq(ping, 5000);
        f.t->drop();
        // Asked while reconnecting: goes out in the next session, whatever it is.
        QFuture<IqResult> queuedIq = f.client.sendIq(ping, 5000);
        QSignalSpy started(&f.client, &Client::sessionStarted);
        f.t->sent.clear();  // from here on, only what the new connection carries
        f.client.connectToServer();
        f.server.authenticate();
        f.t->feed(
            QStringLiteral("<failed xmlns='urn:xmpp:sm:3'><item-not-found "
                           "xmlns='urn:ietf:params:xml:ns:xmpp-stanzas'/></failed>"));
        const Element bind = f.t->lastSent(QStringLiteral("iq"));
        QVERIFY(bind.hasChild(u"bind", ns::Bind));
        f.server.bind(QStringLiteral("alice@example.com/desk2"), true, QStringLiteral("sm-2"));
        QCOMPARE(started.size(), 1);
        QCOMPARE(started[0][0].toBool(), false);
        const QString wire = f.t->sent.join(QString());
        QVERIFY(wire.contains(m1.attribute(u"id")));
        // The old presence and IQ are not replayed; the IQ's caller learns it failed.
        QVERIFY(!wire.contains(QStringLiteral("old")));
        QTRY_VERIFY(oldIq.isFinished());
        QCOMPARE(oldIq.result().error().code, ErrorCode::ConnectionLost);
        QCOMPARE(wire.count(QStringLiteral("<ping xmlns='urn:xmpp:ping'/>")), 1);  // the queued one
        QCoreApplication::processEvents();
        QVERIFY(!queuedIq.isFinished());
    }

    void lateAckAfterOurCloseIsNoError() {
        Fixture f;
        f.login();
        QSignalSpy errors(&f.client, &Client::errorOccurred);
        QVERIFY(f.client.send(chatMessage(QStringLiteral("bob@example.com"), QStringLiteral("bye")))
                    .ok());
        f.client.disconnectFromServer();
        // RFC 7395 3.6: the server may still send what was in flight, like an ack.
        f.t->feed(QStringLiteral("<a xmlns='urn:xmpp:sm:3' h='1'/>"));
        f.t->feed(QStringLiteral("<close xmlns='urn:ietf:params:xml:ns:xmpp-framing'/>"));
        QCOMPARE(errors.size(), 0);
        QCOMPARE(f.client.state(), Client::State::Offline);
    }

    void unknownIqGetsServiceUnavailable() {
        Fixture f;
        f.login();
        f.t->feed(
            QStringLiteral("<iq xmlns='jabber:client' type='get' id='q1' from='bob@example.com/x'>"
                           "<query xmlns='urn:example:unknown'/></iq>"));
        const Element reply = f.t->lastSent(QStringLiteral("iq"));
        QCOMPARE(reply.attribute(u"type"), QStringLiteral("error"));
        QCOMPARE(reply.attribute(u"id"), QStringLiteral("q1"));
        QCOMPARE(reply.attribute(u"to"), QStringLiteral("bob@example.com/x"));
        QVERIFY(reply.firstChild(u"error").hasChild(u"service-unavailable", ns::Stanzas));
        // Results and errors nobody waits for are not answered (no error loops).
        f.t->sent.clear();
        f.t->feed(QStringLiteral(
            "<iq xmlns='jabber:client' type='error' id='zz' from='bob@example.com/x'/>"));
        QVERIFY(f.t->lastSent(QStringLiteral("iq")).isNull());
    }

    void iqTimesOutWhenNobodyAnswers() {
        Fixture f;
        f.login();
        Element iq(QStringLiteral("iq"), ns::Client);
        iq.setAttribute(QStringLiteral("type"), QStringLiteral("get"));
        iq.setAttribute(QStringLiteral("to"), QStringLiteral("bob@example.com/x"));
        iq.appendChild(Element(QStringLiteral("ping"), ns::Ping));
        QFuture<IqResult> future = f.client.sendIq(iq, 100);
        QTRY_VERIFY(future.isFinished());
        QVERIFY(!future.result().ok());
        QCOMPARE(future.result().error().code, ErrorCode::Timeout);
    }

    void iqResultIsMatchedAndSpoofedRepliesIgnored() {
        Fixture f;
        f.login();
        Element iq(QStringLiteral("iq"), ns::Client);
        iq.setAttribute(QStringLiteral("type"), QStringLiteral("get"));
        iq.setAttribute(QStringLiteral("to"), QStringLiteral("bob@example.com/x"));
        iq.appendChild(Element(QStringLiteral("ping"), ns::Ping));
        QFuture<IqResult> future = f.client.sendIq(iq, 2000);
        const QString id = f.t->lastSent(QStringLiteral("iq")).attribute(u"id");
        QVERIFY(!id.isEmpty());
        f.t->feed(QStringLiteral("<iq xmlns='jabber:client' type='result' id='%1' "
                                 "from='mallory@example.com/x'/>")
                      .arg(id));
        QCoreApplication::processEvents();
        QVERIFY(!future.isFinished());
        f.t->feed(QStringLiteral("<iq xmlns='jabber:client' type='result' id='%1' "
                                 "from='bob@example.com/x'/>")
                      .arg(id));
        QTRY_VERIFY(future.isFinished());
        QVERIFY(future.result().ok());
    }

    void iqErrorCarriesTheCondition() {
        Fixture f;
        f.login();
        Element iq(QStringLiteral("iq"), ns::Client);
        iq.setAttribute(QStringLiteral("type"), QStringLiteral("get"));
        QFuture<IqResult> future = f.client.sendIq(iq, 2000);
        const QString id = f.t->lastSent(QStringLiteral("iq")).attribute(u"id");
        f.t->feed(
            QStringLiteral("<iq xmlns='jabber:client' type='error' id='%1'><error type='cancel'>"
                           "<item-not-found xmlns='urn:ietf:params:xml:ns:xmpp-stanzas'/>"
                           "</error></iq>")
                .arg(id));
        QTRY_VERIFY(future.isFinished());
        QCOMPARE(future.result().error().code, ErrorCode::StanzaError);
        QCOMPARE(future.result().error().condition, QStringLiteral("item-not-found"));
    }

    void neverSendsAStanzaOutsideJabberClient() {
        Fixture f;
        f.login();
        Element bad(QStringLiteral("message"), QString());
        bad.setAttribute(QStringLiteral("to"), QStringLiteral("bob@example.com"));
        const Result<void> r = f.client.send(bad);
        QVERIFY(!r.ok());
        QCOMPARE(r.error().code, ErrorCode::Usage);
        Element wrongNs(QStringLiteral("iq"), QStringLiteral("jabber:server"));
        QVERIFY(!f.client.send(wrongNs).ok());
        QCoreApplication::processEvents();
        QVERIFY(f.t->sent.isEmpty());
        QCOMPARE(f.client.state(), Client::State::Online);
    }

    void malformedXmlEndsTheSessionWithAClearError_data() {
        QTest::addColumn<QString>("input");
        QTest::addColumn<int>("code");
        QTest::newRow("malformed")
            << QStringLiteral("<message xmlns='jabber:client'><body>") << int(ErrorCode::Protocol);
        QTest::newRow("dtd") << QStringLiteral("<!DOCTYPE x><message xmlns='jabber:client'/>")
                             << int(ErrorCode::PolicyViolation);
        QTest::newRow("entity-declaration")
            << QStringLiteral(
                   "<!DOCTYPE x [<!ENTITY e 'boom'>]><message xmlns='jabber:client'>"
                   "<body>&e;</body></message>")
            << int(ErrorCode::PolicyViolation);
        QTest::newRow("300KiB") << QStringLiteral(
                                       "<message xmlns='jabber:client'><body>%1</body>"
                                       "</message>")
                                       .arg(QString(300 * 1024, u'a'))
                                << int(ErrorCode::PolicyViolation);
    }
    void malformedXmlEndsTheSessionWithAClearError() {
        QFETCH(QString, input);
        QFETCH(int, code);
        Fixture f(false);
        f.login();
        QSignalSpy errors(&f.client, &Client::errorOccurred);
        f.t->feed(input);
        QCOMPARE(errors.size(), 1);
        const Error e = errors[0][0].value<Error>();
        QCOMPARE(int(e.code), code);
        QVERIFY(!e.message.isEmpty());
        // We told the server why, as a stream error, before leaving.
        QVERIFY(!f.t->lastSent(QStringLiteral("error")).isNull());
        QCOMPARE(f.client.state(), Client::State::Offline);
    }

    void streamErrorFromServerIsReported() {
        Fixture f(false);
        f.login();
        f.t->feed(
            QStringLiteral("<stream:error xmlns:stream='http://etherx.jabber.org/streams'>"
                           "<system-shutdown xmlns='urn:ietf:params:xml:ns:xmpp-streams'/>"
                           "</stream:error>"));
        QCOMPARE(f.client.lastError().condition, QStringLiteral("system-shutdown"));
        QCOMPARE(f.client.state(), Client::State::Offline);
    }

    void reconnectBackoffGrowsWithJitterAndIsCapped() {
        ReconnectPolicy p;
        QRandomGenerator rng(42);
        qint64 previousCeiling = 0;
        for (int attempt = 0; attempt < 12; ++attempt) {
            const qint64 ceiling = std::min<qint64>(60000, 1000LL << attempt);
            const qint64 d = p.nextDelay(&rng).count();
            QVERIFY2(d >= ceiling / 2 && d <= ceiling, qPrintable(QString::number(d)));
            QVERIFY(ceiling >= previousCeiling);
            previousCeiling = ceiling;
        }
        QVERIFY(p.nextDelay(&rng).count() <= 60000);
        p.connectionEnded(ReconnectPolicy::ms(5000));  // not stable: keep backing off
        QVERIFY(p.nextDelay(&rng).count() >= 30000);
        p.connectionEnded(ReconnectPolicy::ms(31000));  // stable: start over
        QVERIFY(p.nextDelay(&rng).count() <= 1000);
    }
};

QTEST_GUILESS_MAIN(TestStream)
#include "tst_stream.moc"
