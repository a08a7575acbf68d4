#include "xmpp/WebSocketTransport.h"

#include <QHostAddress>
#include <QNetworkRequest>
#include <QSslCertificate>
#include <QWebSocket>
#include <QWebSocketHandshakeOptions>

#include "common/Logging.h"

namespace rapport::xmpp {

namespace {
// Stanzas are limited to 256 KiB by the parser (a clear message), except replies we asked
// to be large (a PubSub node's items, Stream::allowLargeReply): the socket allows those,
// and still bounds what a flood can make us buffer.
constexpr quint64 kMaxIncomingMessage = 64 * 1024 * 1024;
}  // namespace

WebSocketTransport::WebSocketTransport(QObject* parent) : Transport(parent) {}

WebSocketTransport::~WebSocketTransport() {
    if (m_socket) {
        m_socket->disconnect(this);
        // Hand whatever is still buffered (a final <close/>) to the operating system.
        m_socket->flush();
        m_socket->abort();
    }
}

void WebSocketTransport::resetSocket() {
    if (m_socket) {
        m_socket->disconnect(this);
        m_socket->abort();
        m_socket.release()->deleteLater();
    }
    m_socket = std::make_unique<QWebSocket>(QString(), QWebSocketProtocol::VersionLatest);
    m_socket->setMaxAllowedIncomingMessageSize(kMaxIncomingMessage);
    QWebSocket* s = m_socket.get();

    connect(s, &QWebSocket::connected, this, [this, s] {
        if (s->subprotocol() != QLatin1String("xmpp")) {
            finish(Error::make(ErrorCode::Protocol,
                               tr("The server at %1 does not speak XMPP over WebSocket "
                                  "(it did not accept the \"xmpp\" subprotocol).")
                                   .arg(m_url.toDisplayString())));
            return;
        }
        m_wasOpened = true;
        emit opened();
    });
    connect(s, &QWebSocket::textMessageReceived, this, &Transport::received);
    connect(s, &QWebSocket::binaryMessageReceived, this, [this] {
        finish(Error::make(ErrorCode::Protocol,
                           tr("The server sent a binary WebSocket message; XMPP uses text.")));
    });
    connect(s, &QWebSocket::sslErrors, this, [this, s](const QList<QSslError>& errors) {
        // The server's own certificate (the chain's first), which the user may have trusted.
        QSslCertificate leaf = s->sslConfiguration().peerCertificate();
        for (const QSslError& e : errors) {
            if (leaf.isNull()) {
                leaf = e.certificate();
            }
        }
        if (!leaf.isNull() && m_trusted.contains(leaf.digest(QCryptographicHash::Sha256))) {
            s->ignoreSslErrors(errors);
            return;
        }
        // Otherwise never ignore: a certificate problem fails closed, with the reason shown.
        m_rejected = leaf;
        m_tlsProblem = describeCertificateErrors(errors);
    });
    connect(
        s, qOverload<QAbstractSocket::SocketError>(&QWebSocket::error), this,
        [this, s](QAbstractSocket::SocketError) {
            if (!m_tlsProblem.isEmpty()) {
                finish(Error::make(ErrorCode::Certificate, m_tlsProblem));
            } else if (m_wasOpened) {
                finish(Error::make(
                    ErrorCode::ConnectionLost,
                    tr("The connection to %1 was lost: %2").arg(m_url.host(), s->errorString())));
            } else {
                finish(Error::make(ErrorCode::ServerUnreachable,
                                   tr("Cannot reach the server at %1: %2")
                                       .arg(m_url.toDisplayString(), s->errorString())));
            }
        });
    connect(s, &QWebSocket::disconnected, this, [this, s] {
        if (m_closing) {
            finish(Error::make(ErrorCode::ConnectionLost, QString()));
        } else if (!m_tlsProblem.isEmpty()) {
            finish(Error::make(ErrorCode::Certificate, m_tlsProblem));
        } else if (s->closeCode() == QWebSocketProtocol::CloseCodeTooMuchData) {
            finish(Error::make(ErrorCode::PolicyViolation,
                               tr("The server sent a message larger than %1 KiB.")
                                   .arg(kMaxIncomingMessage / 1024)));
        } else if (m_wasOpened) {
            const QString reason = s->closeReason();
            finish(Error::make(
                ErrorCode::ConnectionLost,
                reason.isEmpty()
                    ? tr("The server %1 closed the connection.").arg(m_url.host())
                    : tr("The server %1 closed the connection: %2").arg(m_url.host(), reason)));
        } else {
            finish(Error::make(ErrorCode::ServerUnreachable,
                               tr("Cannot reach the server at %1: %2")
                                   .arg(m_url.toDisplayString(), s->errorString())));
        }
    });
}

void WebSocketTransport::open(const QUrl& url) {
    m_url = url;
    m_wasOpened = false;
    m_closing = false;
    m_finished = false;
    m_tlsProblem.clear();
    m_rejected.reset();
    resetSocket();
    QWebSocketHandshakeOptions options;
    options.setSubprotocols({QStringLiteral("xmpp")});
    QNetworkRequest request(url);
    request.setTransferTimeout(15000);
    m_socket->open(request, options);
}

void WebSocketTransport::send(const QString& message) {
    if (m_socket && m_wasOpened && !m_finished) {
        qCDebug(lcXmppWire).noquote() << "SEND" << message;
        m_socket->sendTextMessage(message);
    }
}

void WebSocketTransport::close() {
    if (m_socket && !m_finished) {
        m_closing = true;
        m_socket->close(QWebSocketProtocol::CloseCodeNormal);
    }
}

void WebSocketTransport::abort() {
    if (m_socket && !m_finished) {
        m_socket->abort();
        finish(Error::make(ErrorCode::ConnectionLost, tr("The connection was aborted.")));
    }
}

bool WebSocketTransport::isEncrypted() const {
    return m_url.scheme() == QLatin1String("wss");
}

bool WebSocketTransport::isLoopback() const {
    if (m_socket && m_socket->peerAddress().isLoopback()) {
        return true;
    }
    const QHostAddress literal(m_url.host());
    return m_url.host() == QLatin1String("localhost") ||
           (!literal.isNull() && literal.isLoopback());
}

void WebSocketTransport::finish(Error error) {
    if (m_finished) {
        return;
    }
    m_finished = true;
    if (m_socket && m_socket->state() != QAbstractSocket::UnconnectedState) {
        m_socket->abort();
    }
    emit closed(error);
}

QString WebSocketTransport::describeCertificateErrors(const QList<QSslError>& errors) {
    QStringList lines;
    for (const QSslError& e : errors) {
        QString line = e.errorString();
        const QSslCertificate cert = e.certificate();
        if (!cert.isNull()) {
            line +=
                tr(" (certificate for \"%1\", issued by \"%2\", valid until %3, SHA-256 %4)")
                    .arg(cert.subjectInfo(QSslCertificate::CommonName).join(u", "),
                         cert.issuerInfo(QSslCertificate::CommonName).join(u", "),
                         cert.expiryDate().toString(Qt::ISODate),
                         QString::fromLatin1(cert.digest(QCryptographicHash::Sha256).toHex(':')));
        }
        lines << line;
    }
    return tr("The server's certificate is not trusted: %1").arg(lines.join(u"; "));
}

}  // namespace rapport::xmpp
