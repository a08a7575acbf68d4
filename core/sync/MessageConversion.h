// Turning what the protocol delivers (a live chat message, an archived one) into the
// rows the store keeps. The one place that knows both sides' types.
#pragma once

#include <optional>

#include "common/Jid.h"
#include "store/StoredMessage.h"
#include "xmpp/ext/chat/ChatMessage.h"
#include "xmpp/ext/mam/MamQuery.h"

namespace rapport::sync {

// A live or carbon-copied chat message.
store::StoredMessage toStored(const xmpp::ChatMessage& message);

// An archived message, if it is a one-to-one chat message with a body (the archive
// also holds receipts, markers and chat states, which are not messages to keep).
std::optional<store::StoredMessage> toStored(const xmpp::MamMessage& archived,
                                             const Jid& ownBareJid);

// The messages worth keeping from an archive page, in archive order.
QList<store::StoredMessage> toStored(const QList<xmpp::MamMessage>& page, const Jid& ownBareJid);

}  // namespace rapport::sync
