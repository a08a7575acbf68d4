// Service discovery (XEP-0030) and entity capabilities (XEP-0115): tells others
// who we are and what we support, and asks others the same. Extensions live in
// xmpp/ext/<feature>/, one folder per XEP; this one is what the others build on
// (pubsub service lookup, caps in presence).
#pragma once

#include <QFuture>

#include "common/Jid.h"
#include "common/Result.h"
#include "xmpp/ClientExtension.h"
#include "xmpp/ext/disco/DiscoInfo.h"

namespace rapport::xmpp {

class DiscoExtension : public ClientExtension {
    Q_OBJECT
public:
    using InfoResult = Result<DiscoInfo>;

    // Where our caps point (XEP-0115 'node'): a URI that names the software, not a page
    // anyone must fetch.
    static constexpr QStringView CapsNode = u"https://rapport.invalid/caps";

    using ClientExtension::ClientExtension;

    QStringList discoFeatures() const override;
    bool handleIq(const Element& iq) override;

    // Who we are, as answered to disco#info: our identity and every extension's features.
    DiscoInfo ownInfo() const;
    // XEP-0115 verification string of ownInfo().
    QString capsVersion() const;
    // <c xmlns='http://jabber.org/protocol/caps' hash='sha-1' node=CapsNode ver=.../>,
    // for every available presence we send.
    Element capsElement() const;

    // XEP-0115 5.1: the SHA-1 verification string of identities and features (no
    // extended info forms: Rapport publishes none).
    static QString computeCapsVersion(const QList<DiscoIdentity>& identities,
                                      const QStringList& features);

    // Asks `to` what it is and what it supports (optionally about one node).
    QFuture<InfoResult> queryInfo(const Jid& to, const QString& node = {});
};

}  // namespace rapport::xmpp
