// XMPP over WebSocket (RFC 7395) with QWebSocket: offers exactly the "xmpp"
// subprotocol, fails closed on any TLS certificate problem and names it, unless the user
// trusted that very certificate (its SHA-256 digest).
#pragma once

#include <QSslError>
#include <memory>
#include <optional>

#include "xmpp/Transport.h"

class QWebSocket;

namespace rapport::xmpp {

class WebSocketTransport : public Transport {
    Q_OBJECT
public:
    explicit WebSocketTransport(QObject* parent = nullptr);
    ~WebSocketTransport() override;

    void open(const QUrl& url) override;
    void send(const QString& message) override;
    void close() override;
    void abort() override;
    bool isEncrypted() const override;
    bool isLoopback() const override;
    void setTrustedCertificates(const QByteArrayList& sha256) override { m_trusted = sha256; }
    QSslCertificate rejectedCertificate() const override {
        return m_rejected.value_or(QSslCertificate());
    }

    static QString describeCertificateErrors(const QList<QSslError>& errors);

private:
    void resetSocket();
    void finish(Error error);

    std::unique_ptr<QWebSocket> m_socket;
    QUrl m_url;
    bool m_wasOpened = false;
    bool m_closing = false;
    bool m_finished = true;
    QString m_tlsProblem;
    QByteArrayList m_trusted;
    // Optional, not an empty certificate: constructing one loads the TLS backend (2 to 3 ms
    // of the app's first paint), which a plain ws:// connection never needs.
    std::optional<QSslCertificate> m_rejected;
};

}  // namespace rapport::xmpp
