// XMPP Ping (XEP-0199): answers pings so peers and servers can tell we are alive,
// and pings others (is this contact's client or our server still there?).
#pragma once

#include <QFuture>

#include "common/Jid.h"
#include "common/Result.h"
#include "xmpp/ClientExtension.h"

namespace rapport::xmpp {

class PingExtension : public ClientExtension {
    Q_OBJECT
public:
    using ClientExtension::ClientExtension;

    QStringList discoFeatures() const override;
    bool handleIq(const Element& iq) override;

    // Resolves once `to` (our server when empty) answers, with its error, or with a
    // timeout. An error reply still proves the peer is reachable, but says it does not
    // support pings; callers that only care about reachability can check the code.
    QFuture<Result<void>> ping(const Jid& to = {}, int timeoutMs = -1);
};

}  // namespace rapport::xmpp
