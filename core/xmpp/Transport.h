// The byte pipe under an XMPP stream: one text message per top-level element
// (RFC 7395). WebSocketTransport is the real one; tests use a fake.
#pragma once

#include <QByteArrayList>
#include <QObject>
#include <QSslCertificate>
#include <QUrl>

#include "common/Result.h"

namespace rapport::xmpp {

class Transport : public QObject {
    Q_OBJECT
public:
    using QObject::QObject;
    ~Transport() override = default;

    // Opens (or reopens, after closed()) a connection to url.
    virtual void open(const QUrl& url) = 0;
    virtual void send(const QString& message) = 0;
    // Graceful close; closed() follows.
    virtual void close() = 0;
    // Drops the connection at once, as a network failure would; closed() follows.
    virtual void abort() = 0;
    // True when the connection is encrypted (wss://).
    virtual bool isEncrypted() const = 0;
    // True when the peer is a loopback address (where PLAIN may be used unencrypted).
    virtual bool isLoopback() const = 0;

    // Certificates the user chose to trust although nobody vouches for them (a team server
    // with a self-signed certificate): their SHA-256 digests. The connection accepts exactly
    // these, whatever else is wrong with them; any other problem still fails closed.
    virtual void setTrustedCertificates(const QByteArrayList& sha256) { (void)sha256; }
    // The server certificate of the last connection refused for it (ErrorCode::Certificate),
    // for the user to inspect and, if they choose, trust. Null if none was.
    virtual QSslCertificate rejectedCertificate() const { return QSslCertificate(); }

signals:
    void opened();
    void received(const QString& message);
    // The connection is gone. error is null-coded (ErrorCode::ConnectionLost with an
    // empty message) for a clean close we asked for.
    void closed(const rapport::Error& error);
};

}  // namespace rapport::xmpp
