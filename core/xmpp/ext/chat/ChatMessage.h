// One one-to-one chat message as the protocol layer sees it: addresses, text, the
// ids receivers dedupe on (XEP-0359), when it was sent, and how it reached us.
#pragma once

#include <QDateTime>
#include <QString>

#include "common/Jid.h"
#include "xmpp/ClientExtension.h"

namespace rapport::xmpp {

struct ChatMessage {
    enum class Direction { Incoming, Outgoing };

    Jid from;
    Jid to;
    QString body;
    QString id;           // the stanza's id attribute: what receipts and markers refer to
    QString originId;     // XEP-0359 origin-id, chosen by the sender
    QString stanzaId;     // XEP-0359 stanza-id given by our own server's archive; empty if none
    QDateTime timestamp;  // UTC: the <delay/> stamp if present, else when it arrived
    QString type;         // "chat" or "normal"
    MessageContext::Origin origin = MessageContext::Origin::Live;
    Direction direction = Direction::Incoming;
};

}  // namespace rapport::xmpp
