#include "xmpp/ext/chat/ChatExtension.h"

#include "common/Logging.h"
#include "xmpp/Client.h"
#include "xmpp/DateTime.h"
#include "xmpp/ErrorConditions.h"
#include "xmpp/Namespaces.h"

namespace rapport::xmpp {

namespace {

// XEP-0203 stamps; more than one delay means several hops, and the oldest is the original.
QDateTime delayStamp(const Element& message) {
    QDateTime oldest;
    for (const Element& delay : message.childrenNamed(u"delay", ns::Delay)) {
        const QDateTime t = parseXmppDateTime(delay.attribute(u"stamp"));
        if (t.isValid() && (!oldest.isValid() || t < oldest)) {
            oldest = t;
        }
    }
    return oldest;
}

// The stanza-id our own archive gave it. Anyone can put a <stanza-id/> into a message;
// only one with by= our account was added (and spoofed ones stripped) by our server.
QString trustedStanzaId(const Element& message, const Jid& ownBareJid) {
    for (const Element& sid : message.childrenNamed(u"stanza-id", ns::StanzaId)) {
        if (!ownBareJid.isEmpty() && Jid(sid.attribute(u"by")) == ownBareJid) {
            return sid.attribute(u"id");
        }
    }
    return {};
}

}  // namespace

ChatMessage ChatExtension::parse(const Element& message, const Jid& ownBareJid,
                                 const MessageContext& context) {
    ChatMessage m;
    m.from = Jid(message.attribute(u"from"));
    m.to = Jid(message.attribute(u"to"));
    m.body = message.childText(u"body", ns::Client);
    m.id = message.attribute(u"id");
    m.originId = message.firstChild(u"origin-id", ns::StanzaId).attribute(u"id");
    m.stanzaId = trustedStanzaId(message, ownBareJid);
    m.timestamp = delayStamp(message);
    if (!m.timestamp.isValid()) {
        m.timestamp = QDateTime::currentDateTimeUtc();
    }
    m.type = message.attribute(u"type");
    if (m.type.isEmpty()) {
        m.type = QStringLiteral("normal");  // RFC 6121 5.2.2: the default
    }
    m.origin = context.origin;
    // A copy of what another of our devices sent is ours, whoever it was sent to.
    m.direction = context.origin == MessageContext::Origin::CarbonSent
                      ? ChatMessage::Direction::Outgoing
                      : ChatMessage::Direction::Incoming;
    return m;
}

Element ChatExtension::messageStanza(const ChatMessage& m) {
    Element message(QStringLiteral("message"), ns::Client);
    message.setAttribute(QStringLiteral("to"), m.to.toString());
    message.setAttribute(QStringLiteral("id"), m.id);
    message.setAttribute(QStringLiteral("type"), QStringLiteral("chat"));
    message.appendChild(Element(QStringLiteral("body"), ns::Client).setText(m.body));
    message.appendChild(Element(QStringLiteral("origin-id"), ns::StanzaId)
                            .setAttribute(QStringLiteral("id"), m.originId));
    message.appendChild(Element(QStringLiteral("request"), ns::Receipts));
    message.appendChild(Element(QStringLiteral("markable"), ns::Markers));
    message.appendChild(Element(QStringLiteral("active"), ns::ChatStates));
    return message;
}

Result<ChatMessage> ChatExtension::compose(const Jid& from, const Jid& to, const QString& body) {
    if (to.isEmpty()) {
        return Error::make(ErrorCode::Usage, tr("A message needs a recipient."));
    }
    if (body.trimmed().isEmpty()) {
        return Error::make(ErrorCode::Usage, tr("An empty message cannot be sent."));
    }
    ChatMessage m;
    m.from = from;
    m.to = to;
    m.body = body;
    // One id for both: receipts and markers quote the id attribute, dedupe uses origin-id.
    m.id = Client::makeId();
    m.originId = m.id;
    m.timestamp = QDateTime::currentDateTimeUtc();
    m.type = QStringLiteral("chat");
    m.direction = ChatMessage::Direction::Outgoing;
    return m;
}

Result<ChatMessage> ChatExtension::sendMessage(const Jid& to, const QString& body) {
    Result<ChatMessage> m = compose(client()->boundJid(), to, body);
    if (!m.ok()) {
        return m;
    }
    Result<void> sent = client()->send(messageStanza(m.value()));
    if (!sent.ok()) {
        return sent.error();
    }
    return m;
}

void ChatExtension::handleMessage(const Element& message, const MessageContext& context) {
    const QString type = message.attribute(u"type");
    if (type == u"error") {
        const QString id = message.attribute(u"id");
        if (id.isEmpty() || context.isCarbon()) {
            return;  // nothing to match; or another device's problem
        }
        emit messageFailed(id,
                           stanzaError(message, tr("The message could not be delivered (%1).")));
        return;
    }
    // groupchat belongs to MUC, headline to notifications. Wrappers (carbons, MAM results)
    // carry no <body/> of their own, so they never show up here as messages.
    if ((type != u"chat" && type != u"normal" && !type.isEmpty()) ||
        !message.hasChild(u"body", ns::Client)) {
        return;
    }
    const ChatMessage parsed = parse(message, client()->boundJid().bare(), context);
    if (!m_seen.insert(parsed)) {
        qCDebug(lcXmpp) << "dropping a duplicate of message" << parsed.id;
        return;
    }
    emit messageReceived(parsed);
}

}  // namespace rapport::xmpp
