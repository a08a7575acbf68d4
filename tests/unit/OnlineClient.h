// Test fixture for extension tests: a Client on a FakeTransport that signs in as
// juliet@example.com/balcony. Only what extensions send once the session is up is
// kept in `t->sent`: the handshake is cleared the moment the stream goes online.
#pragma once

#include <QObject>
#include <memory>

#include "FakeTransport.h"
#include "xmpp/Client.h"

namespace rapport::test {

struct OnlineClient {
    OnlineClient() {
        auto transport = std::make_unique<FakeTransport>();
        t = transport.get();
        client = std::make_unique<xmpp::Client>(std::move(transport));
        xmpp::Client::Settings s;
        s.jid = Jid(QStringLiteral("juliet@example.com"));
        s.password = QStringLiteral("secret");
        s.resource = QStringLiteral("balcony");
        s.url = QUrl(QStringLiteral("ws://127.0.0.1:5280/xmpp-websocket"));
        s.autoReconnect = true;  // a dropped connection is resumable (dropAndResume)
        client->setSettings(s);
        client->stream()->setSliceLength({});  // see Stream::setSliceLength
        QObject::connect(client->stream(), &xmpp::Stream::phaseChanged, client.get(),
                         [this](xmpp::Stream::Phase phase) {
                             if (phase == xmpp::Stream::Phase::Online) {
                                 t->sent.clear();
                             }
                         });
    }

    // Without stream management by default: no <r/> among the stanzas under test.
    void login(bool sm = false, bool rosterVersioning = true) {
        client->connectToServer();
        FakeServer(t).completeLogin(QStringLiteral("juliet@example.com/balcony"), sm,
                                    rosterVersioning);
    }

    // The disconnect the user asks for, answered by the server's <close/>.
    void logout() {
        client->disconnectFromServer();
        t->feed(QStringLiteral("<close xmlns='urn:ietf:params:xml:ns:xmpp-framing'/>"));
    }

    // The network fails and the client reconnects at once (not after the backoff). Needs
    // login(true). With `resume`, the server resumes the session and claims every stanza,
    // so nothing is resent; without, the old session is gone and a new one is bound.
    void dropAndReconnect(bool resume) {
        const auto h = client->stream()->unackedCount();
        t->drop();
        client->connectToServer();
        FakeServer server(t);
        server.authenticate();
        if (resume) {
            t->feed(QStringLiteral("<resumed xmlns='urn:xmpp:sm:3' previd='sm-1' h='%1'/>").arg(h));
            return;
        }
        t->feed(QStringLiteral("<failed xmlns='urn:xmpp:sm:3'/>"));
        server.bind(QStringLiteral("juliet@example.com/balcony"), true, QStringLiteral("sm-2"));
    }
    void dropAndResume() { dropAndReconnect(true); }

    // Only the stanzas among what was sent since the last call (SM nonzas dropped).
    QStringList takeStanzas() {
        QStringList out;
        for (const QString& s : std::exchange(t->sent, {})) {
            if (s.startsWith(u"<iq") || s.startsWith(u"<message") || s.startsWith(u"<presence")) {
                out << s;
            }
        }
        return out;
    }

    // The id attribute of a sent stanza (ids are random; expected XML takes them as %1).
    static QString idOf(const QString& xml) {
        const qsizetype start = xml.indexOf(u" id='");
        if (start < 0) {
            return {};
        }
        const qsizetype end = xml.indexOf(u'\'', start + 5);
        return xml.mid(start + 5, end - start - 5);
    }

    FakeTransport* t = nullptr;  // owned by the client's stream
    std::unique_ptr<xmpp::Client> client;
};

}  // namespace rapport::test
