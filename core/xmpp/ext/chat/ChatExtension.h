// One-to-one chat messages (RFC 6121 5): sends them with the ids and requests the
// wire contract promises (origin-id, receipt request, markable, active), and turns
// incoming chat and normal messages, live or carbon-copied, into ChatMessage.
#pragma once

#include "common/Jid.h"
#include "common/Result.h"
#include "xmpp/ClientExtension.h"
#include "xmpp/ext/chat/ChatMessage.h"
#include "xmpp/ext/chat/RecentMessageKeys.h"

namespace rapport::xmpp {

class ChatExtension : public ClientExtension {
    Q_OBJECT
public:
    using ClientExtension::ClientExtension;

    void handleMessage(const Element& message, const MessageContext& context) override;

    // Sends `body` to `to` as a chat message whose id and origin-id are a new UUID, and
    // returns what was sent. Use the returned id to match receipts, markers and errors.
    Result<ChatMessage> sendMessage(const Jid& to, const QString& body);
    // A new outgoing message from `from` (id == origin-id, a new UUID), not sent; refused for
    // an empty body or no recipient. What sendMessage() sends, and what an outbox stores.
    static Result<ChatMessage> compose(const Jid& from, const Jid& to, const QString& body);
    // The stanza sendMessage() sends (public so an outbox can resend the same stanza).
    static Element messageStanza(const ChatMessage& message);

    // Reads a message stanza; trusts a stanza-id only when given by `ownBareJid`.
    static ChatMessage parse(const Element& message, const Jid& ownBareJid,
                             const MessageContext& context);

signals:
    void messageReceived(const rapport::xmpp::ChatMessage& message);
    // A message we sent (by its id) bounced with an error.
    void messageFailed(const QString& id, const rapport::Error& error);

private:
    RecentMessageKeys m_seen;
};

}  // namespace rapport::xmpp
