#include "xmpp/ext/carbons/CarbonsExtension.h"

#include <QPointer>

#include "common/Logging.h"
#include "xmpp/Client.h"
#include "xmpp/Namespaces.h"

namespace rapport::xmpp {

void CarbonsExtension::onSessionStarted(bool resumed) {
    if (!resumed) {
        setEnabled(false);  // the server forgot: carbons belong to a session
        enable();
    }
}

void CarbonsExtension::onSessionEnded() {
    setEnabled(false);
}

void CarbonsExtension::setEnabled(bool enabled) {
    if (m_enabled != enabled) {
        m_enabled = enabled;
        emit enabledChanged(enabled);
    }
}

void CarbonsExtension::enable() {
    Element iq(QStringLiteral("iq"), ns::Client);
    iq.setAttribute(QStringLiteral("type"), QStringLiteral("set"));
    iq.appendChild(Element(QStringLiteral("enable"), ns::Carbons));
    QPointer<CarbonsExtension> self(this);
    client()->sendIq(iq).then([self](const IqResult& result) {
        if (!self) {
            return;
        }
        if (!result.ok()) {
            // Not fatal: this device just misses what the others send. A lost connection
            // is reported elsewhere, and the next session asks again.
            if (result.error().code == ErrorCode::ConnectionLost) {
                qCDebug(lcXmpp) << "carbons request abandoned:" << result.error().message;
            } else {
                qCWarning(lcXmpp) << "could not enable message carbons:" << result.error().message;
            }
            return;
        }
        self->setEnabled(true);
    });
}

void CarbonsExtension::handleMessage(const Element& message, const MessageContext& context) {
    if (context.isCarbon()) {
        return;  // a carbon inside a carbon is nothing a server sends
    }
    Element wrapper = message.firstChild(u"received", ns::Carbons);
    auto origin = MessageContext::Origin::CarbonReceived;
    if (wrapper.isNull()) {
        wrapper = message.firstChild(u"sent", ns::Carbons);
        origin = MessageContext::Origin::CarbonSent;
    }
    if (wrapper.isNull()) {
        return;
    }
    // Only our own server, speaking for our account, makes carbons. From anyone else a
    // "carbon" is a forgery that would put words in our (or a contact's) mouth.
    const Jid own = client()->boundJid().bare();
    const QString from = message.attribute(u"from");
    if (own.isEmpty() || from.isEmpty() || Jid(from) != own) {
        qCWarning(lcXmpp) << "ignoring a forged carbon from" << from;
        return;
    }
    const Element inner =
        wrapper.firstChild(u"forwarded", ns::Forward).firstChild(u"message", ns::Client);
    if (inner.isNull()) {
        qCWarning(lcXmpp) << "ignoring a carbon without a forwarded message";
        return;
    }
    // What the copy says about us must hold too: a sent copy is from one of our devices, a
    // received copy was addressed to our account.
    const Jid party(
        inner.attribute(origin == MessageContext::Origin::CarbonSent ? u"from" : u"to"));
    if (party.bare() != own) {
        qCWarning(lcXmpp) << "ignoring a carbon whose message is not ours";
        return;
    }
    client()->dispatchMessage(inner, MessageContext{origin});
}

}  // namespace rapport::xmpp
