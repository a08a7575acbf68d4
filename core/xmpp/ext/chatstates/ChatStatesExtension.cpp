#include "xmpp/ext/chatstates/ChatStatesExtension.h"

#include <array>

#include "xmpp/Client.h"
#include "xmpp/Namespaces.h"

namespace rapport::xmpp {

namespace {

using State = ChatStatesExtension::State;

constexpr std::array<State, 5> AllStates = {State::Active, State::Composing, State::Paused,
                                            State::Inactive, State::Gone};

}  // namespace

QString ChatStatesExtension::stateName(State state) {
    switch (state) {
        case State::Composing:
            return QStringLiteral("composing");
        case State::Paused:
            return QStringLiteral("paused");
        case State::Inactive:
            return QStringLiteral("inactive");
        case State::Gone:
            return QStringLiteral("gone");
        case State::Active:
            break;
    }
    return QStringLiteral("active");
}

QStringList ChatStatesExtension::discoFeatures() const {
    return {ns::ChatStates};
}

Result<void> ChatStatesExtension::sendChatState(const Jid& to, State state) {
    Element message(QStringLiteral("message"), ns::Client);
    message.setAttribute(QStringLiteral("to"), to.toString());
    message.setAttribute(QStringLiteral("type"), QStringLiteral("chat"));
    message.appendChild(Element(stateName(state), ns::ChatStates));
    // Typing notifications are worthless later: keep them out of archives and offline storage.
    message.appendChild(Element(QStringLiteral("no-store"), ns::Hints));
    return client()->send(message);
}

void ChatStatesExtension::handleMessage(const Element& message, const MessageContext& context) {
    const QString type = message.attribute(u"type");
    // Our other devices' typing is not the contact's; group chats are MUC's business.
    if (context.origin == MessageContext::Origin::CarbonSent || type == u"error" ||
        type == u"groupchat") {
        return;
    }
    const Jid from(message.attribute(u"from"));
    if (from.isEmpty()) {
        return;
    }
    for (State state : AllStates) {
        if (message.hasChild(stateName(state), ns::ChatStates)) {
            emit chatStateChanged(from, state);
            return;
        }
    }
}

}  // namespace rapport::xmpp
