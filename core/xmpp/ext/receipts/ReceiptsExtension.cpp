#include "xmpp/ext/receipts/ReceiptsExtension.h"

#include "xmpp/Client.h"
#include "xmpp/Namespaces.h"

namespace rapport::xmpp {

QStringList ReceiptsExtension::discoFeatures() const {
    return {ns::Receipts};
}

void ReceiptsExtension::handleMessage(const Element& message, const MessageContext& context) {
    const QString type = message.attribute(u"type");
    if (type == u"error" || type == u"groupchat") {
        return;  // XEP-0184 5.3: no receipts in group chats; errors are not deliveries
    }
    const Element received = message.firstChild(u"received", ns::Receipts);
    // A receipt another of our devices sent is not a confirmation of anything we sent.
    if (!received.isNull() && context.origin != MessageContext::Origin::CarbonSent) {
        const QString id = received.attribute(u"id");
        const Jid from(message.attribute(u"from"));
        if (!id.isEmpty() && !from.isEmpty()) {
            emit receiptReceived(from, id);
        }
    }
    // Only the device a message reached live confirms it: a carbon copy's sender already
    // got (or will get) a receipt from the device it was addressed to.
    if (m_sendReceipts && context.origin == MessageContext::Origin::Live &&
        message.hasChild(u"request", ns::Receipts) && message.hasChild(u"body", ns::Client) &&
        !message.attribute(u"id").isEmpty() && !message.attribute(u"from").isEmpty()) {
        sendReceipt(message);
    }
}

void ReceiptsExtension::sendReceipt(const Element& message) {
    Element receipt(QStringLiteral("message"), ns::Client);
    receipt.setAttribute(QStringLiteral("to"), message.attribute(u"from"));
    receipt.setAttribute(QStringLiteral("id"), Client::makeId());
    receipt.setAttribute(QStringLiteral("type"), QStringLiteral("chat"));
    receipt.appendChild(Element(QStringLiteral("received"), ns::Receipts)
                            .setAttribute(QStringLiteral("id"), message.attribute(u"id")));
    // Archived, so the sender's other devices (and a later MAM catch-up) see "delivered".
    receipt.appendChild(Element(QStringLiteral("store"), ns::Hints));
    (void)client()->send(receipt);
}

}  // namespace rapport::xmpp
