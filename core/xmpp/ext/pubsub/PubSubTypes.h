// Values of the PubSub extension (XEP-0060): items as they come from a node, and the
// events a service pushes.
#pragma once

#include <QList>
#include <QString>
#include <QStringList>

#include "common/Jid.h"
#include "xmpp/Element.h"

namespace rapport::xmpp {

struct PubSubItem {
    QString id;
    Element payload;    // the item's single child; null when the item has none
    QString publisher;  // the 'publisher' attribute when the service gives one (Prosody does)
};

// One <event/> from a service: items published, items retracted, or the node purged or
// deleted.
struct PubSubEvent {
    Jid service;
    QString node;
    QList<PubSubItem> items;
    QStringList retracted;
    bool purged = false;
    bool deleted = false;
};

// Affiliations (XEP-0060 4.1): what a JID may do on a node.
inline const QString AffiliationOwner = QStringLiteral("owner");
inline const QString AffiliationPublisher = QStringLiteral("publisher");
inline const QString AffiliationMember = QStringLiteral("member");
inline const QString AffiliationNone = QStringLiteral("none");
inline const QString AffiliationOutcast = QStringLiteral("outcast");

}  // namespace rapport::xmpp
