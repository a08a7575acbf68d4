// A Transport for unit tests: records what the client sends and lets the test
// feed in what the server would answer, with no network.
#pragma once

#include <QStringList>

#include "xmpp/Element.h"
#include "xmpp/Transport.h"

namespace rapport::test {

class FakeTransport : public xmpp::Transport {
    Q_OBJECT
public:
    using xmpp::Transport::Transport;

    void open(const QUrl& url) override;
    void send(const QString& message) override { sent << message; }
    void close() override;
    void abort() override;
    bool isEncrypted() const override { return encrypted; }
    bool isLoopback() const override { return loopback; }

    // Test side.
    void feed(const QString& xml) { emit received(xml); }
    void drop();  // the network fails
    // Everything sent since the last call, parsed.
    QList<xmpp::Element> takeSent();
    // The last sent element with that name, parsed (null if none).
    xmpp::Element lastSent(const QString& name) const;

    QStringList sent;
    QUrl openedUrl;
    int openCount = 0;
    bool isOpen = false;
    bool encrypted = false;
    bool loopback = true;
    // Open synchronously when open() is called (default), or leave it to the test.
    bool autoOpen = true;
};

// Drives a Client through a scripted sign-in (PLAIN on loopback, bind, SM) so
// tests of extensions start from an online session.
class FakeServer {
public:
    explicit FakeServer(FakeTransport* transport) : t(transport) {}
    // Answers the handshake that follows Client::connectToServer(). With sm, SM is enabled
    // with resumption.
    // rosterVersioning advertises RFC 6121 roster versioning.
    void completeLogin(const QString& fullJid, bool sm = true, bool rosterVersioning = true);
    // The SASL part (PLAIN), up to the features after the restart: the client then binds,
    // or resumes a session.
    void authenticate(bool sm = true, bool rosterVersioning = true);
    // Answers the client's bind request with fullJid and, with sm, enables stream
    // management under smId.
    void bind(const QString& fullJid, bool sm = true, const QString& smId = QStringLiteral("sm-1"));
    FakeTransport* t;
};

}  // namespace rapport::test
