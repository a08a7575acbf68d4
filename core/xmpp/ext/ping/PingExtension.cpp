#include "xmpp/ext/ping/PingExtension.h"

#include "xmpp/Client.h"
#include "xmpp/Namespaces.h"

namespace rapport::xmpp {

QStringList PingExtension::discoFeatures() const {
    return {ns::Ping};
}

bool PingExtension::handleIq(const Element& iq) {
    if (iq.attribute(u"type") != u"get" || !iq.hasChild(u"ping", ns::Ping)) {
        return false;
    }
    client()->replyResult(iq);
    return true;
}

QFuture<Result<void>> PingExtension::ping(const Jid& to, int timeoutMs) {
    Element iq(QStringLiteral("iq"), ns::Client);
    iq.setAttribute(QStringLiteral("type"), QStringLiteral("get"));
    if (!to.isEmpty()) {
        iq.setAttribute(QStringLiteral("to"), to.toString());
    }
    iq.appendChild(Element(QStringLiteral("ping"), ns::Ping));
    return client()->sendIq(iq, timeoutMs).then([](const IqResult& result) -> Result<void> {
        if (!result.ok()) {
            return result.error();
        }
        return Ok{};
    });
}

}  // namespace rapport::xmpp
