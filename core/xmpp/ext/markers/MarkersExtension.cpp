#include "xmpp/ext/markers/MarkersExtension.h"

#include <array>

#include "xmpp/Client.h"
#include "xmpp/Namespaces.h"

namespace rapport::xmpp {

namespace {

using Marker = MarkersExtension::Marker;

constexpr std::array<Marker, 3> AllMarkers = {Marker::Received, Marker::Displayed,
                                              Marker::Acknowledged};

}  // namespace

QString MarkersExtension::markerName(Marker marker) {
    switch (marker) {
        case Marker::Received:
            return QStringLiteral("received");
        case Marker::Acknowledged:
            return QStringLiteral("acknowledged");
        case Marker::Displayed:
            break;
    }
    return QStringLiteral("displayed");
}

QStringList MarkersExtension::discoFeatures() const {
    return {ns::Markers};
}

Result<void> MarkersExtension::sendDisplayed(const Jid& to, const QString& id) {
    if (id.isEmpty()) {
        return Error::make(ErrorCode::Usage, tr("A marker needs the id of a message."));
    }
    Element message(QStringLiteral("message"), ns::Client);
    message.setAttribute(QStringLiteral("to"), to.toString());
    message.setAttribute(QStringLiteral("type"), QStringLiteral("chat"));
    message.appendChild(
        Element(markerName(Marker::Displayed), ns::Markers).setAttribute(QStringLiteral("id"), id));
    // Archived, so our other devices and a later catch-up learn what was already read.
    message.appendChild(Element(QStringLiteral("store"), ns::Hints));
    return client()->send(message);
}

void MarkersExtension::handleMessage(const Element& message, const MessageContext& context) {
    const QString type = message.attribute(u"type");
    if (type == u"error" || type == u"groupchat") {
        return;  // group chat markers refer to stanza-ids: MUC's business
    }
    for (Marker marker : AllMarkers) {
        const Element e = message.firstChild(markerName(marker), ns::Markers);
        const QString id = e.attribute(u"id");
        if (e.isNull() || id.isEmpty()) {
            continue;
        }
        if (context.origin == MessageContext::Origin::CarbonSent) {
            const Jid to(message.attribute(u"to"));
            if (!to.isEmpty()) {
                emit ownMarkerSent(to, id, marker);
            }
        } else {
            const Jid from(message.attribute(u"from"));
            if (!from.isEmpty()) {
                emit markerReceived(from, id, marker);
            }
        }
        return;
    }
}

}  // namespace rapport::xmpp
