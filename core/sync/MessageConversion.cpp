#include "sync/MessageConversion.h"

#include "xmpp/Namespaces.h"
#include "xmpp/ext/chat/ChatExtension.h"

namespace rapport::sync {

store::StoredMessage toStored(const xmpp::ChatMessage& m) {
    store::StoredMessage s;
    const bool outgoing = m.direction == xmpp::ChatMessage::Direction::Outgoing;
    s.direction = outgoing ? store::StoredMessage::Direction::Outgoing
                           : store::StoredMessage::Direction::Incoming;
    s.peer = (outgoing ? m.to : m.from).bareString();
    s.sender = m.from.bareString();
    s.body = m.body;
    s.timestamp = m.timestamp.isValid() ? m.timestamp.toUTC() : QDateTime::currentDateTimeUtc();
    s.messageId = m.id;
    s.originId = m.originId;
    s.stanzaId = m.stanzaId;
    // Another of our devices sent it (a carbon): the server has it.
    s.state = outgoing ? store::StoredMessage::State::Sent : store::StoredMessage::State::Received;
    return s;
}

std::optional<store::StoredMessage> toStored(const xmpp::MamMessage& archived,
                                             const Jid& ownBareJid) {
    const xmpp::Element& message = archived.message;
    const QString type = message.attribute(u"type");
    if ((type != u"chat" && type != u"normal" && !type.isEmpty()) ||
        !message.hasChild(u"body", xmpp::ns::Client)) {
        return std::nullopt;
    }
    xmpp::MessageContext context;
    xmpp::ChatMessage m = xmpp::ChatExtension::parse(message, ownBareJid, context);
    const Jid from(message.attribute(u"from"));
    // An archived message without `from` was sent by us (the server stamps incoming ones).
    const bool outgoing = from.isEmpty() || from.bare() == ownBareJid.bare();
    if (from.isEmpty()) {
        m.from = ownBareJid;
    }
    m.direction =
        outgoing ? xmpp::ChatMessage::Direction::Outgoing : xmpp::ChatMessage::Direction::Incoming;
    m.stanzaId = archived.archiveId;  // the archive's id for it is its stanza-id
    // When it happened is when the archive stored it, unless it carries an older delay.
    if (!message.hasChild(u"delay", xmpp::ns::Delay) && archived.stamp.isValid()) {
        m.timestamp = archived.stamp;
    }
    store::StoredMessage s = toStored(m);
    if (s.peer.isEmpty()) {
        return std::nullopt;
    }
    return s;
}

QList<store::StoredMessage> toStored(const QList<xmpp::MamMessage>& page, const Jid& ownBareJid) {
    QList<store::StoredMessage> rows;
    rows.reserve(page.size());
    for (const xmpp::MamMessage& archived : page) {
        if (std::optional<store::StoredMessage> row = toStored(archived, ownBareJid)) {
            rows.append(std::move(*row));
        }
    }
    return rows;
}

}  // namespace rapport::sync
