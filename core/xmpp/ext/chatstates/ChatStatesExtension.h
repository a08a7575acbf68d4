// Chat states (XEP-0085): "typing…" and friends, both ways.
#pragma once

#include "common/Jid.h"
#include "common/Result.h"
#include "xmpp/ClientExtension.h"

namespace rapport::xmpp {

class ChatStatesExtension : public ClientExtension {
    Q_OBJECT
public:
    enum class State { Active, Composing, Paused, Inactive, Gone };
    Q_ENUM(State)

    using ClientExtension::ClientExtension;

    QStringList discoFeatures() const override;
    void handleMessage(const Element& message, const MessageContext& context) override;

    // A standalone notification: only the state, never archived.
    Result<void> sendChatState(const Jid& to, State state);

    static QString stateName(State state);

signals:
    void chatStateChanged(const rapport::Jid& from,
                          rapport::xmpp::ChatStatesExtension::State state);
};

}  // namespace rapport::xmpp
