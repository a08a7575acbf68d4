#include "xmpp/Stream.h"

#include <QElapsedTimer>
#include <QPointer>
#include <QRegularExpression>

#include <QUuid>

#include "common/Logging.h"
#include "xmpp/ElementParser.h"
#include "xmpp/ErrorConditions.h"
#include "xmpp/Namespaces.h"
#include "xmpp/sasl/SaslClient.h"

namespace rapport::xmpp {

namespace {

bool isStanza(const Element& e) {
    return e.name() == u"message" || e.name() == u"presence" || e.name() == u"iq";
}

}  // namespace

Stream::Stream(std::unique_ptr<Transport> transport, QObject* parent)
    : QObject(parent), m_transport(std::move(transport)) {
    connect(m_transport.get(), &Transport::opened, this, &Stream::onTransportOpened);
    connect(m_transport.get(), &Transport::received, this, &Stream::onReceived);
    connect(m_transport.get(), &Transport::closed, this, &Stream::onTransportClosed);

    m_handshakeTimer.setSingleShot(true);
    connect(&m_handshakeTimer, &QTimer::timeout, this, [this] {
        fail(Error::make(ErrorCode::Timeout,
                         tr("The server %1 did not complete sign-in within %2 s.")
                             .arg(m_settings.jid.domain())
                             .arg(m_settings.handshakeTimeoutMs / 1000)));
    });
    m_idleTimer.setSingleShot(true);
    connect(&m_idleTimer, &QTimer::timeout, this, &Stream::onIdle);
    m_keepaliveTimer.setSingleShot(true);
    connect(&m_keepaliveTimer, &QTimer::timeout, this, [this] {
        fail(Error::make(ErrorCode::ConnectionLost,
                         tr("The server %1 stopped answering.").arg(m_settings.jid.domain())));
    });
    m_ackTimer.setSingleShot(true);
    connect(&m_ackTimer, &QTimer::timeout, this, &Stream::sendAckRequest);
    m_closeTimer.setSingleShot(true);
    connect(&m_closeTimer, &QTimer::timeout, this, [this] { m_transport->abort(); });
}

Stream::~Stream() {
    // Going away without a word would leave the session hibernating on the server (XEP-0198),
    // where it keeps collecting messages meant for our other devices or for offline storage.
    if (m_phase != Phase::Idle && m_phase != Phase::Closing) {
        m_transport->disconnect(this);
        sendNonza(Element(QStringLiteral("close"), ns::Framing));
        m_transport->close();
    }
}

void Stream::setSettings(const Settings& settings) {
    if (settings.jid.bare() != m_settings.jid.bare()) {
        forgetSession();
    }
    m_settings = settings;
}

void Stream::forgetSession() {
    m_sm.reset();
    m_resendOnBind.clear();
}

void Stream::setPhase(Phase phase) {
    if (m_phase != phase) {
        m_phase = phase;
        emit phaseChanged(phase);
    }
}

void Stream::open() {
    if (m_phase != Phase::Idle) {
        return;
    }
    m_authenticated = false;
    m_resuming = false;
    m_failing = false;
    // Nothing read on an earlier connection is handled on this one.
    m_inbox.clear();
    m_inboxHead = 0;
    m_hasPendingError = false;
    m_sasl.reset();
    setPhase(Phase::Connecting);
    m_handshakeTimer.start(m_settings.handshakeTimeoutMs);
    m_transport->open(m_settings.url);
}

void Stream::close() {
    if (m_phase == Phase::Idle || m_phase == Phase::Closing) {
        return;
    }
    forgetSession();
    m_waiting.clear();
    m_handshakeTimer.stop();
    m_idleTimer.stop();
    m_keepaliveTimer.stop();
    setPhase(Phase::Closing);
    sendNonza(Element(QStringLiteral("close"), ns::Framing));
    // RFC 7395: wait for the server's <close/>; don't wait forever.
    m_closeTimer.start(3000);
}

void Stream::abort() {
    if (m_phase != Phase::Idle) {
        m_transport->abort();
    }
}

Result<void> Stream::send(const Element& stanza) {
    if (!isStanza(stanza) || stanza.ns() != ns::Client) {
        // Prosody kills a session on a stanza without jabber:client; never send one.
        qCWarning(lcXmpp) << "refusing to send" << stanza.name() << "in namespace" << stanza.ns();
        return Error::make(ErrorCode::Usage,
                           tr("Internal error: refusing to send a <%1/> that is not in the "
                              "jabber:client namespace.")
                               .arg(stanza.name()));
    }
    if (m_phase != Phase::Online) {
        if (m_phase == Phase::Closing) {
            return Error::make(ErrorCode::ConnectionLost, tr("The session is closing."));
        }
        m_waiting.append(stanza);
        return Ok{};
    }
    sendRaw(stanza);
    m_sm.sent(stanza);
    requestAck();
    return Ok{};
}

void Stream::sendRaw(const Element& element) {
    m_transport->send(element.toXml());
}

void Stream::sendNonza(const Element& nonza) {
    m_transport->send(nonza.toXml());
}

void Stream::sendOpen() {
    Element open(QStringLiteral("open"), ns::Framing);
    open.setAttribute(QStringLiteral("to"), m_settings.jid.domain());
    open.setAttribute(QStringLiteral("version"), QStringLiteral("1.0"));
    open.setAttribute(QStringLiteral("xml:lang"), QStringLiteral("en"));
    sendNonza(open);
}

void Stream::onTransportOpened() {
    setPhase(Phase::Authenticating);
    sendOpen();
}

void Stream::allowLargeReply(const QString& iqId, qsizetype maxBytes) {
    m_largeReplies.insert(iqId, maxBytes);
}

void Stream::forgetLargeReply(const QString& iqId) {
    m_largeReplies.remove(iqId);
}

ParserLimits Stream::limitsFor(const QString& message) const {
    ParserLimits limits;
    if (m_largeReplies.isEmpty() || message.size() <= limits.maxBytes / 3 ||
        !message.startsWith(u"<iq")) {
        return limits;
    }
    // Only the start tag is looked at, before parsing: its id must be one we allowed.
    static const QRegularExpression idAttribute(QStringLiteral("\\sid=(['\"])([^'\"]{1,128})\\1"));
    const qsizetype tagEnd = message.indexOf(u'>');
    if (tagEnd < 0 || tagEnd > 1024) {
        return limits;
    }
    const QRegularExpressionMatch m = idAttribute.match(QStringView(message).left(tagEnd));
    if (m.hasMatch()) {
        limits.maxBytes = std::max(limits.maxBytes, m_largeReplies.value(m.captured(2), 0));
    }
    return limits;
}

void Stream::onReceived(const QString& message) {
    if (m_phase == Phase::Idle || m_failing) {
        return;
    }
    m_inbox.append(message);
    // While a slice is running (a handler's send made a fake transport answer at once) or
    // one is scheduled, the message waits its turn.
    if (!m_drainScheduled && !m_draining) {
        drainInbox();
    }
}

void Stream::drainInbox() {
    m_drainScheduled = false;
    if (m_draining) {
        return;
    }
    // A slice is one turn of the event loop: the transport delivers each stanza it has read
    // with its own call, all in one turn, so the time is counted across those calls.
    if (!m_sliceRunning) {
        m_sliceRunning = true;
        m_slice.start();
        QTimer::singleShot(0, this, [this] { m_sliceRunning = false; });
    }
    handleInbox(true);
}

bool Stream::handleInbox(bool sliced) {
    const QPointer<Stream> alive(this);  // a handler may end the connection, or us
    m_draining = true;
    while (m_inboxHead < m_inbox.size()) {
        if (sliced && m_sliceLength.count() > 0 &&
            m_slice.nsecsElapsed() >= m_sliceLength.count()) {
            // The rest in a later turn, after paints and input.
            m_draining = false;
            m_drainScheduled = true;
            QTimer::singleShot(0, this, &Stream::drainInbox);
            return true;
        }
        // A local copy: a handler may append to the inbox or clear it.
        const QString message = std::move(m_inbox[m_inboxHead++]);
        handleReceived(message);
        if (!alive) {
            return false;
        }
    }
    m_draining = false;
    m_drainScheduled = false;  // a slice still scheduled finds nothing to do
    m_inbox.clear();
    m_inboxHead = 0;
    return true;
}

void Stream::handleReceived(const QString& message) {
    if (m_phase == Phase::Idle || m_failing) {
        return;
    }
    qCDebug(lcXmppWire).noquote() << "RECV" << message;
    m_idleTimer.start(m_settings.idleTimeoutMs);
    m_keepaliveTimer.stop();

    Result<Element> parsed = parseElement(message, limitsFor(message));
    if (!parsed.ok()) {
        fail(parsed.error(), parsed.error().condition);
        return;
    }
    const Element& e = parsed.value();

    if (e.ns() == ns::Client && isStanza(e)) {
        if (m_phase == Phase::Binding && e.name() == u"iq" && e.attribute(u"id") == m_bindId) {
            handleBindResult(e);
            return;
        }
        if (m_phase != Phase::Online && m_phase != Phase::Closing) {
            // Before the session exists (or is resumed) there is nothing to route.
            return;
        }
        if (m_sm.isEnabled()) {
            m_sm.countInbound();
        }
        emit stanzaReceived(e);
    } else if (e.ns() == ns::StreamManagement) {
        handleStreamManagement(e);
    } else if (e.ns() == ns::Sasl) {
        handleSasl(e);
    } else if (e.is(u"features", ns::Stream)) {
        handleFeatures(e);
    } else if (e.is(u"open", ns::Framing)) {
        // Stream (re)started; features follow.
    } else if (e.is(u"close", ns::Framing)) {
        if (m_phase == Phase::Closing) {
            m_transport->close();
        } else {
            const Error err =
                m_hasPendingError
                    ? m_pendingError
                    : Error::make(
                          ErrorCode::ConnectionLost,
                          tr("The server %1 closed the stream.").arg(m_settings.jid.domain()));
            fail(err);
        }
    } else if (e.is(u"error", ns::Stream)) {
        const QString condition = definedCondition(e, ns::StreamErrors);
        const QString text = e.childText(u"text", ns::StreamErrors);
        m_pendingError = Error::make(
            condition == u"not-authorized" ? ErrorCode::AuthenticationFailed : ErrorCode::Protocol,
            text.isEmpty() ? tr("The server ended the session (%1).").arg(condition)
                           : tr("The server ended the session (%1): %2").arg(condition, text),
            condition);
        m_hasPendingError = true;
        fail(m_pendingError);
    } else {
        qCDebug(lcXmpp) << "ignoring unexpected top-level element" << e.name() << e.ns();
    }
}

void Stream::handleFeatures(const Element& features) {
    if (!m_authenticated) {
        QStringList offered;
        for (const Element& m :
             features.firstChild(u"mechanisms", ns::Sasl).childrenNamed(u"mechanism", ns::Sasl)) {
            offered << m.text().trimmed();
        }
        const bool plainAllowed = m_transport->isEncrypted() || m_transport->isLoopback();
        const QString mechanism = SaslClient::chooseMechanism(offered, plainAllowed);
        if (mechanism.isEmpty()) {
            fail(Error::make(ErrorCode::AuthenticationFailed,
                             offered.isEmpty()
                                 ? tr("The server offers no way to sign in on this connection.")
                                 : tr("The server offers no sign-in method Rapport can use "
                                      "safely here (offered: %1).")
                                       .arg(offered.join(u", "))));
            return;
        }
        m_sasl = std::make_unique<SaslClient>();
        Result<QByteArray> initial = m_sasl->start(mechanism, m_settings.jid.local(),
                                                   m_settings.password, m_settings.jid.domain());
        if (!initial.ok()) {
            fail(initial.error());
            return;
        }
        qCInfo(lcSasl) << "authenticating with" << mechanism;
        Element auth(QStringLiteral("auth"), ns::Sasl);
        auth.setAttribute(QStringLiteral("mechanism"), mechanism);
        // An empty initial response is "=" (RFC 6120 6.4.2), not nothing.
        auth.setText(initial.value().isEmpty() ? QStringLiteral("=")
                                               : QString::fromLatin1(initial.value().toBase64()));
        sendNonza(auth);
        return;
    }

    setPhase(Phase::Binding);
    m_features = features;
    m_serverOffersSm = features.hasChild(u"sm", ns::StreamManagement);
    if (m_serverOffersSm && m_sm.canResume()) {
        m_resuming = true;
        Element resume(QStringLiteral("resume"), ns::StreamManagement);
        resume.setAttribute(QStringLiteral("previd"), m_sm.resumeId());
        resume.setAttribute(QStringLiteral("h"), QString::number(m_sm.inboundCount()));
        sendNonza(resume);
        return;
    }
    keepMessagesForResend(m_sm.takeUnacked());
    m_sm.reset();
    startBind();
}

void Stream::keepMessagesForResend(const QList<Element>& unacked) {
    // Only messages are worth sending again in a new session: the answers to old IQs would
    // go to a session that no longer exists (their callers were told they failed), and an
    // old presence would override the one the new session announces.
    for (const Element& stanza : unacked) {
        if (stanza.name() == u"message") {
            m_resendOnBind.append(stanza);
        }
    }
}

void Stream::startBind() {
    m_bindId = QStringLiteral("bind-") + QUuid::createUuid().toString(QUuid::WithoutBraces);
    Element bind(QStringLiteral("bind"), ns::Bind);
    if (!m_settings.resource.isEmpty()) {
        bind.appendChild(
            Element(QStringLiteral("resource"), ns::Bind).setText(m_settings.resource));
    }
    Element iq(QStringLiteral("iq"), ns::Client);
    iq.setAttribute(QStringLiteral("type"), QStringLiteral("set"));
    iq.setAttribute(QStringLiteral("id"), m_bindId);
    iq.appendChild(bind);
    sendRaw(iq);
}

void Stream::handleBindResult(const Element& iq) {
    if (iq.attribute(u"type") != u"result") {
        const QString condition = definedCondition(iq.firstChild(u"error"), ns::Stanzas);
        fail(Error::make(ErrorCode::Protocol,
                         tr("The server refused to bind a resource (%1).").arg(condition),
                         condition));
        return;
    }
    const Jid bound(iq.firstChild(u"bind", ns::Bind).childText(u"jid", ns::Bind));
    if (bound.isEmpty() || bound.bare() != m_settings.jid.bare()) {
        fail(Error::make(ErrorCode::Protocol,
                         tr("The server bound an unexpected address (%1).").arg(bound.toString())));
        return;
    }
    m_boundJid = bound;
    ++m_generation;
    if (m_serverOffersSm) {
        m_sm.enableRequested();
        Element enable(QStringLiteral("enable"), ns::StreamManagement);
        enable.setAttribute(QStringLiteral("resume"), QStringLiteral("true"));
        sendNonza(enable);
        return;  // online once <enabled/> or <failed/> arrives
    }
    becomeOnline(false, std::exchange(m_resendOnBind, {}));
}

void Stream::handleSasl(const Element& e) {
    if (!m_sasl || m_authenticated) {
        fail(Error::make(ErrorCode::Protocol, tr("The server sent an unexpected SASL message.")));
        return;
    }
    const QByteArray payload = QByteArray::fromBase64(e.text().trimmed().toLatin1());
    if (e.name() == u"challenge") {
        Result<QByteArray> response = m_sasl->step(payload);
        if (!response.ok()) {
            sendNonza(Element(QStringLiteral("abort"), ns::Sasl));
            fail(response.error());
            return;
        }
        Element r(QStringLiteral("response"), ns::Sasl);
        r.setText(QString::fromLatin1(response.value().toBase64()));
        sendNonza(r);
    } else if (e.name() == u"success") {
        Result<void> verified = m_sasl->finish(payload);
        if (!verified.ok()) {
            fail(verified.error());
            return;
        }
        m_authenticated = true;
        m_sasl.reset();
        qCInfo(lcSasl) << "authenticated as" << m_settings.jid.bareString();
        sendOpen();  // RFC 7395 3.7: restart on the same WebSocket
    } else if (e.name() == u"failure") {
        const QString condition = definedCondition(e, ns::Sasl);
        const QString text = e.childText(u"text", ns::Sasl);
        QString message = condition == u"not-authorized"
                              ? tr("Authentication failed: wrong address or password.")
                              : tr("Authentication failed (%1).").arg(condition);
        if (!text.isEmpty() && condition != u"not-authorized") {
            message += u' ' + text;
        }
        fail(Error::make(ErrorCode::AuthenticationFailed, message, condition));
    }
}

void Stream::handleStreamManagement(const Element& e) {
    if (m_phase == Phase::Closing) {
        return;  // the session is over on our side; a late <a/> or <r/> changes nothing
    }
    if (e.name() == u"r") {
        Element a(QStringLiteral("a"), ns::StreamManagement);
        a.setAttribute(QStringLiteral("h"), QString::number(m_sm.inboundCount()));
        sendNonza(a);
    } else if (e.name() == u"a") {
        QList<Element> confirmed;
        if (!m_sm.acknowledge(e.attribute(u"h").toUInt(), &confirmed)) {
            fail(Error::make(ErrorCode::Protocol,
                             tr("The server acknowledged stanzas that were never sent."),
                             QStringLiteral("undefined-condition")));
            return;
        }
        if (!confirmed.isEmpty()) {
            emit acked(confirmed);
        }
    } else if (e.name() == u"enabled") {
        const bool resumable = e.attribute(u"resume") == u"true" || e.attribute(u"resume") == u"1";
        m_sm.enabled(e.attribute(u"id"), resumable);
        becomeOnline(false, std::exchange(m_resendOnBind, {}));
    } else if (e.name() == u"resumed") {
        m_resuming = false;
        const QList<Element> resend = m_sm.resumed(e.attribute(u"h").toUInt());
        qCInfo(lcXmpp) << "session resumed;" << resend.size() << "stanzas to resend";
        becomeOnline(true, resend);
    } else if (e.name() == u"failed") {
        if (m_resuming) {
            // The old session is gone on the server: bind a new one and resend what it
            // never confirmed. Receivers dedupe on origin-id.
            m_resuming = false;
            qCInfo(lcXmpp) << "session could not be resumed; binding a new one";
            keepMessagesForResend(m_sm.takeUnacked());
            m_sm.reset();
            startBind();
        } else {
            qCInfo(lcXmpp) << "server refused stream management";
            m_sm.reset();
            becomeOnline(false, std::exchange(m_resendOnBind, {}));
        }
    }
}

void Stream::becomeOnline(bool resumed, const QList<Element>& resend) {
    m_handshakeTimer.stop();
    setPhase(Phase::Online);
    emit established(resumed);
    for (const Element& stanza : resend) {
        sendRaw(stanza);
        m_sm.sent(stanza);
    }
    const QList<Element> waiting = std::exchange(m_waiting, {});
    for (const Element& stanza : waiting) {
        sendRaw(stanza);
        m_sm.sent(stanza);
    }
    if (!resend.isEmpty() || !waiting.isEmpty()) {
        requestAck();
    }
}

void Stream::requestAck() {
    if (!m_sm.isEnabled()) {
        return;
    }
    // Every <r/> costs the server an <a/> and delays whatever we send next, so one request
    // covers a batch: at most ackBatch stanzas, or what was sent within ackDelayMs.
    if (++m_sentSinceAckRequest >= m_settings.ackBatch) {
        m_ackTimer.start(0);
    } else if (!m_ackTimer.isActive()) {
        m_ackTimer.start(m_settings.ackDelayMs);
    }
}

void Stream::sendAckRequest() {
    m_sentSinceAckRequest = 0;
    if (m_phase == Phase::Online && m_sm.isEnabled() && m_sm.unackedCount() > 0) {
        sendNonza(Element(QStringLiteral("r"), ns::StreamManagement));
    }
}

void Stream::onIdle() {
    if (m_phase != Phase::Online) {
        return;
    }
    if (m_sm.isEnabled()) {
        sendNonza(Element(QStringLiteral("r"), ns::StreamManagement));
    } else {
        Element iq(QStringLiteral("iq"), ns::Client);
        iq.setAttribute(QStringLiteral("type"), QStringLiteral("get"));
        iq.setAttribute(QStringLiteral("id"), QStringLiteral("keepalive"));
        iq.appendChild(Element(QStringLiteral("ping"), ns::Ping));
        sendRaw(iq);
    }
    m_keepaliveTimer.start(m_settings.keepaliveTimeoutMs);
}

void Stream::fail(const Error& error, const QString& streamErrorCondition) {
    if (m_failing || m_phase == Phase::Idle) {
        return;
    }
    m_failing = true;
    m_pendingError = error;
    m_hasPendingError = true;
    if (!streamErrorCondition.isEmpty() && m_phase != Phase::Connecting) {
        Element err(QStringLiteral("error"), ns::Stream);
        err.appendChild(Element(streamErrorCondition, ns::StreamErrors));
        sendNonza(err);
        sendNonza(Element(QStringLiteral("close"), ns::Framing));
    }
    m_transport->abort();
}

void Stream::onTransportClosed(const Error& error) {
    // What arrived before the connection closed is handled before the close: the last
    // stanzas a server sends often say why it closes.
    if (!m_draining && !handleInbox(false)) {
        return;
    }
    m_ackTimer.stop();
    m_sentSinceAckRequest = 0;
    m_handshakeTimer.stop();
    m_idleTimer.stop();
    m_keepaliveTimer.stop();
    m_closeTimer.stop();
    const bool wasClosing = m_phase == Phase::Closing;
    Error result = m_hasPendingError ? m_pendingError : error;
    if (wasClosing && !m_hasPendingError) {
        result = Error::make(ErrorCode::ConnectionLost, QString());
    }
    m_sm.suspend();
    m_resuming = false;
    m_failing = false;
    m_hasPendingError = false;
    m_sasl.reset();
    setPhase(Phase::Idle);
    emit ended(result);
}

}  // namespace rapport::xmpp
