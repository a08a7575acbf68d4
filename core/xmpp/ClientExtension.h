// The base of every feature of the client (roster, presence, chat, receipts,
// carbons, ...). An extension sees the stanzas it cares about, advertises its
// disco features, and learns when a session starts; the client core stays small
// and no switch over namespaces grows with each XEP.
#pragma once

#include <QObject>
#include <QStringList>

#include "xmpp/Element.h"

namespace rapport::xmpp {

class Client;

// Where a message came from: live, or unwrapped from a carbon copy (XEP-0280).
struct MessageContext {
    enum class Origin { Live, CarbonReceived, CarbonSent };
    Origin origin = Origin::Live;
    bool isCarbon() const { return origin != Origin::Live; }
};

class ClientExtension : public QObject {
    Q_OBJECT
public:
    using QObject::QObject;
    ~ClientExtension() override = default;

    // Features this extension makes us support, for disco#info and caps.
    virtual QStringList discoFeatures() const { return {}; }

    // An <iq type='get|set'/> addressed to us. Return true if this extension answered it;
    // an IQ nobody answers gets service-unavailable.
    virtual bool handleIq(const Element& iq) {
        Q_UNUSED(iq);
        return false;
    }
    // Every message and presence is shown to every extension: one stanza can carry a
    // body, a receipt request and a chat state at once.
    virtual void handleMessage(const Element& message, const MessageContext& context) {
        Q_UNUSED(message);
        Q_UNUSED(context);
    }
    virtual void handlePresence(const Element& presence) { Q_UNUSED(presence); }

    // A session is up: new (resumed == false: state on the server was reset, so fetch and
    // announce again) or resumed (nothing was lost).
    virtual void onSessionStarted(bool resumed) { Q_UNUSED(resumed); }
    // The session is gone for good (not merely interrupted for resumption).
    virtual void onSessionEnded() {}

    Client* client() const { return m_client; }

private:
    friend class Client;
    Client* m_client = nullptr;
};

}  // namespace rapport::xmpp
