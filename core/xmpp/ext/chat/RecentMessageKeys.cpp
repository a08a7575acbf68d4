#include "xmpp/ext/chat/RecentMessageKeys.h"

#include "xmpp/ext/chat/ChatMessage.h"

namespace rapport::xmpp {

QString RecentMessageKeys::keyOf(const ChatMessage& message) {
    // The sender is part of every key: ids are only unique per sender, and a peer must not
    // be able to suppress someone else's message by reusing its id.
    const QString sender = message.from.bareString();
    if (!message.originId.isEmpty()) {
        return sender + QStringLiteral("\x1fo:") + message.originId;
    }
    if (!message.stanzaId.isEmpty()) {
        return QStringLiteral("s:") + message.stanzaId;
    }
    if (!message.id.isEmpty()) {
        return sender + QStringLiteral("\x1fi:") + message.id;
    }
    return {};
}

bool RecentMessageKeys::insert(const ChatMessage& message) {
    const QString key = keyOf(message);
    if (key.isEmpty()) {
        return true;
    }
    if (m_keys.contains(key)) {
        return false;
    }
    m_keys.insert(key);
    m_order.push_back(key);
    if (static_cast<qsizetype>(m_order.size()) > m_capacity) {
        m_keys.remove(m_order.front());
        m_order.pop_front();
    }
    return true;
}

}  // namespace rapport::xmpp
