#include "xmpp/Client.h"

#include <QPromise>
#include <QUuid>

#include "common/Logging.h"
#include "xmpp/ErrorConditions.h"
#include "xmpp/Namespaces.h"
#include "xmpp/WebSocketTransport.h"

namespace rapport::xmpp {

struct Client::PendingIq {
    QPromise<IqResult> promise;
    QString to;
    // The session the request was written to; queued requests go to the next one.
    quint64 generation = 0;
    QTimer* timer = nullptr;  // deleted later: it may be the sender of the running slot

    ~PendingIq() {
        if (timer) {
            timer->stop();
            timer->deleteLater();
        }
    }
};

Client::Client(std::unique_ptr<Transport> transport, QObject* parent) : QObject(parent) {
    if (!transport) {
        transport = std::make_unique<WebSocketTransport>();
    }
    m_stream = std::make_unique<Stream>(std::move(transport));
    connect(m_stream.get(), &Stream::stanzaReceived, this, &Client::onStanza);
    connect(m_stream.get(), &Stream::established, this, &Client::onEstablished);
    connect(m_stream.get(), &Stream::ended, this, &Client::onEnded);
    connect(m_stream.get(), &Stream::acked, this, [this](const QList<Element>& stanzas) {
        for (const Element& s : stanzas) {
            emit stanzaAcked(s);
        }
    });
    connect(m_stream.get(), &Stream::phaseChanged, this, [this](Stream::Phase phase) {
        if (phase == Stream::Phase::Authenticating || phase == Stream::Phase::Binding) {
            setState(State::Authenticating);
        }
    });
    m_reconnectTimer.setSingleShot(true);
    connect(&m_reconnectTimer, &QTimer::timeout, this, [this] {
        if (m_wantOnline) {
            setState(State::Connecting);
            m_stream->open();
        }
    });
}

Client::~Client() {
    failPendingIqs(Error::make(ErrorCode::ConnectionLost, tr("The client was shut down.")));
    // Extensions are children; the stream must not call into them while they die.
    m_stream->disconnect(this);
}

void Client::registerExtension(ClientExtension* ext) {
    ext->setParent(this);
    ext->m_client = this;
    m_extensions.push_back(ext);
}

void Client::setSettings(const Settings& settings) {
    m_settings = settings;
    Stream::Settings s = m_stream->settings();
    s.jid = settings.jid.bare();
    s.password = settings.password;
    s.resource = settings.resource;
    s.url = settings.url;
    m_stream->setSettings(s);
    m_stream->transport()->setTrustedCertificates(settings.trustedCertificates);
}

QSslCertificate Client::rejectedCertificate() const {
    return m_stream->transport()->rejectedCertificate();
}

void Client::connectToServer() {
    m_wantOnline = true;
    if (m_state == State::Offline || m_state == State::Reconnecting) {
        m_reconnectTimer.stop();
        setState(State::Connecting);
        m_stream->open();
    }
}

void Client::disconnectFromServer() {
    m_wantOnline = false;
    m_reconnectTimer.stop();
    if (m_stream->phase() == Stream::Phase::Idle) {
        setState(State::Offline);
        return;
    }
    m_stream->close();
}

int Client::reconnectInSeconds() const {
    return m_reconnectTimer.isActive() ? (m_reconnectTimer.remainingTime() + 999) / 1000 : 0;
}

void Client::setState(State state) {
    if (m_state != state) {
        m_state = state;
        emit stateChanged(state);
    }
}

QString Client::makeId() {
    return QUuid::createUuid().toString(QUuid::WithoutBraces);
}

Result<void> Client::send(const Element& stanza) {
    if (m_state == State::Offline) {
        return Error::make(ErrorCode::ConnectionLost, tr("Not connected to the server."));
    }
    return m_stream->send(stanza);
}

QFuture<IqResult> Client::sendIq(Element iq, int timeoutMs, qsizetype maxReplyBytes) {
    if (iq.attribute(u"id").isEmpty()) {
        iq.setAttribute(QStringLiteral("id"), makeId());
    }
    const QString id = iq.attribute(u"id");
    auto pending = std::make_unique<PendingIq>();
    pending->promise.start();
    QFuture<IqResult> future = pending->promise.future();

    Result<void> sent = send(iq);
    if (!sent.ok()) {
        pending->promise.addResult(IqResult(sent.error()));
        pending->promise.finish();
        return future;
    }
    pending->to = iq.attribute(u"to");
    if (maxReplyBytes > 0) {
        m_stream->allowLargeReply(id, maxReplyBytes);
    }
    pending->generation =
        m_stream->sessionGeneration() + (m_stream->phase() == Stream::Phase::Online ? 0 : 1);
    pending->timer = new QTimer(this);
    pending->timer->setSingleShot(true);
    connect(pending->timer, &QTimer::timeout, this, [this, id] {
        auto it = m_pendingIqs.find(id);
        if (it == m_pendingIqs.end()) {
            return;
        }
        std::unique_ptr<PendingIq> p = std::move(it->second);
        m_pendingIqs.erase(it);
        m_stream->forgetLargeReply(id);
        p->promise.addResult(IqResult(Error::make(
            ErrorCode::Timeout, tr("No answer from %1 in time.")
                                    .arg(p->to.isEmpty() ? m_settings.jid.domain() : p->to))));
        p->promise.finish();
    });
    pending->timer->start(timeoutMs > 0 ? timeoutMs : m_settings.iqTimeoutMs);
    m_pendingIqs[id] = std::move(pending);
    return future;
}

void Client::replyResult(const Element& request, const Element& payload) {
    Element reply(QStringLiteral("iq"), ns::Client);
    reply.setAttribute(QStringLiteral("type"), QStringLiteral("result"));
    reply.setAttribute(QStringLiteral("id"), request.attribute(u"id"));
    if (request.hasAttribute(u"from")) {
        reply.setAttribute(QStringLiteral("to"), request.attribute(u"from"));
    }
    if (!payload.isNull()) {
        reply.appendChild(payload);
    }
    (void)send(reply);
}

void Client::replyError(const Element& request, const QString& type, const QString& condition) {
    Element reply(QStringLiteral("iq"), ns::Client);
    reply.setAttribute(QStringLiteral("type"), QStringLiteral("error"));
    reply.setAttribute(QStringLiteral("id"), request.attribute(u"id"));
    if (request.hasAttribute(u"from")) {
        reply.setAttribute(QStringLiteral("to"), request.attribute(u"from"));
    }
    Element error(QStringLiteral("error"), ns::Client);
    error.setAttribute(QStringLiteral("type"), type);
    error.appendChild(Element(condition, ns::Stanzas));
    reply.appendChild(error);
    (void)send(reply);
}

QStringList Client::discoFeatures() const {
    QStringList features;
    for (const ClientExtension* ext : m_extensions) {
        features += ext->discoFeatures();
    }
    features.removeDuplicates();
    features.sort();
    return features;
}

void Client::onStanza(const Element& stanza) {
    if (stanza.name() == u"iq") {
        onIq(stanza);
    } else if (stanza.name() == u"message") {
        dispatchMessage(stanza, MessageContext{});
    } else if (stanza.name() == u"presence") {
        for (ClientExtension* ext : m_extensions) {
            ext->handlePresence(stanza);
        }
    }
}

void Client::dispatchMessage(const Element& message, const MessageContext& context) {
    for (ClientExtension* ext : m_extensions) {
        ext->handleMessage(message, context);
    }
}

void Client::onIq(const Element& iq) {
    const QString type = iq.attribute(u"type");
    if (type == u"get" || type == u"set") {
        for (ClientExtension* ext : m_extensions) {
            if (ext->handleIq(iq)) {
                return;
            }
        }
        replyError(iq, QStringLiteral("cancel"), QStringLiteral("service-unavailable"));
        return;
    }
    if (type != u"result" && type != u"error") {
        return;
    }
    auto it = m_pendingIqs.find(iq.attribute(u"id"));
    if (it == m_pendingIqs.end()) {
        return;  // late (timed out) or unsolicited: nothing waits for it
    }
    // Only the entity we asked may answer (RFC 6120 8.1.2.1); anything else is spoofed.
    const Jid from(iq.attribute(u"from"));
    const Jid own = m_stream->boundJid();
    const QString to = it->second->to;
    const bool fromServerSide = from.isEmpty() || from == own.bare() || from == own ||
                                from.toString() == m_settings.jid.domain();
    const bool valid = to.isEmpty() || Jid(to) == own.bare() ? fromServerSide : from == Jid(to);
    if (!valid) {
        qCWarning(lcXmpp) << "ignoring IQ reply from" << from.toString() << "for a request to"
                          << to;
        return;
    }
    std::unique_ptr<PendingIq> p = std::move(it->second);
    m_stream->forgetLargeReply(it->first);
    m_pendingIqs.erase(it);
    if (type == u"result") {
        p->promise.addResult(IqResult(iq));
    } else {
        p->promise.addResult(IqResult(stanzaError(iq, tr("The request was refused (%1)."))));
    }
    p->promise.finish();
}

void Client::onEstablished(bool resumed) {
    m_onlineSince.start();
    m_lastError = Error{};
    qCInfo(lcXmpp) << (resumed ? "session resumed as" : "session started as")
                   << m_stream->boundJid().toString();
    setState(State::Online);
    if (!resumed) {
        // Replies to requests written to an old session will never come; requests queued
        // while reconnecting go out in this one and stay pending.
        failPendingIqs(Error::make(ErrorCode::ConnectionLost,
                                   tr("The connection was lost before the server answered.")),
                       m_stream->sessionGeneration());
    }
    for (ClientExtension* ext : m_extensions) {
        ext->onSessionStarted(resumed);
    }
    emit sessionStarted(resumed);
}

bool Client::isRetryable(const Error& error) const {
    switch (error.code) {
        case ErrorCode::AuthenticationFailed:
        case ErrorCode::Certificate:
        case ErrorCode::Usage:
            return false;  // trying again cannot help; the user must act
        case ErrorCode::Protocol:
            // Another client took our resource: fighting back would loop forever.
            return error.condition != u"conflict" && error.condition != u"policy-violation";
        default:
            return true;
    }
}

void Client::onEnded(const Error& error) {
    const bool clean = error.message.isEmpty();
    if (m_onlineSince.isValid()) {
        m_policy.connectionEnded(ReconnectPolicy::ms(m_onlineSince.elapsed()));
        m_onlineSince.invalidate();
    }
    if (!clean) {
        m_lastError = error;
        qCInfo(lcXmpp) << "connection ended:" << error.message;
        emit errorOccurred(error);
    }
    if (m_wantOnline && !clean && m_settings.autoReconnect && isRetryable(error)) {
        scheduleReconnect();
        return;
    }
    m_wantOnline = false;
    m_stream->forgetSession();
    failPendingIqs(clean ? Error::make(ErrorCode::ConnectionLost, tr("Disconnected.")) : error);
    for (ClientExtension* ext : m_extensions) {
        ext->onSessionEnded();
    }
    setState(State::Offline);
}

void Client::scheduleReconnect() {
    const auto delay = m_policy.nextDelay();
    qCInfo(lcXmpp) << "reconnecting in" << delay.count() << "ms";
    m_reconnectTimer.start(delay);
    setState(State::Reconnecting);
    emit reconnectScheduled(reconnectInSeconds());
}

void Client::failPendingIqs(const Error& error, quint64 beforeGeneration) {
    for (auto it = m_pendingIqs.begin(); it != m_pendingIqs.end();) {
        if (it->second->generation < beforeGeneration) {
            std::unique_ptr<PendingIq> p = std::move(it->second);
            m_stream->forgetLargeReply(it->first);
            it = m_pendingIqs.erase(it);
            p->promise.addResult(IqResult(error));
            p->promise.finish();
        } else {
            ++it;
        }
    }
}

}  // namespace rapport::xmpp
