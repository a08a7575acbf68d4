// The byte pipe under an XMPP stream: one text message per top-level element
// (RFC 7395). WebSocketTransport is the real one; tests use a fake.
#pragma once

#include <QObject>
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

signals:
    void opened();
    void received(const QString& message);
    // The connection is gone. error is null-coded (ErrorCode::ConnectionLost with an
    // empty message) for a clean close we asked for.
    void closed(const rapport::Error& error);
};

}  // namespace rapport::xmpp
