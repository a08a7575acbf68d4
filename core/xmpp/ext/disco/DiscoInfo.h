// What an entity told us about itself through disco#info (XEP-0030): who it is
// (identities) and what it can do (features). Used to find services (pubsub,
// upload) and to compute and check XEP-0115 capability hashes.
#pragma once

#include <QList>
#include <QString>
#include <QStringList>

#include "xmpp/Element.h"

namespace rapport::xmpp {

struct DiscoIdentity {
    QString category;
    QString type;
    QString lang;  // xml:lang, usually empty
    QString name;

    bool operator==(const DiscoIdentity&) const = default;
};

struct DiscoInfo {
    QString node;
    QList<DiscoIdentity> identities;
    QStringList features;

    bool hasFeature(QStringView feature) const { return features.contains(feature); }
    bool hasIdentity(QStringView category, QStringView type) const;

    // Reads a <query xmlns='http://jabber.org/protocol/disco#info'/>.
    static DiscoInfo fromQuery(const Element& query);
    // Writes one, in the order XEP-0030 shows: identities, then features.
    Element toQuery() const;
};

}  // namespace rapport::xmpp
