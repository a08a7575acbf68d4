// Message carbons (XEP-0280): copies of what our other devices send and receive,
// so every device shows the whole conversation. Carbons are unwrapped here and
// fed back through the client, marked as carbons, for the other extensions.
#pragma once

#include "xmpp/ClientExtension.h"

namespace rapport::xmpp {

class CarbonsExtension : public ClientExtension {
    Q_OBJECT
public:
    using ClientExtension::ClientExtension;

    void handleMessage(const Element& message, const MessageContext& context) override;
    void onSessionStarted(bool resumed) override;
    void onSessionEnded() override;

    // The server confirmed it copies messages to this session.
    bool isEnabled() const { return m_enabled; }

signals:
    void enabledChanged(bool enabled);

private:
    void enable();
    void setEnabled(bool enabled);

    bool m_enabled = false;
};

}  // namespace rapport::xmpp
