// One contact on the roster (RFC 6121 2.1.2): address, the name the user gave it,
// the presence subscription state, and groups.
#pragma once

#include <QStringList>

#include "common/Jid.h"
#include "xmpp/Element.h"

namespace rapport::xmpp {

struct RosterItem {
    Jid jid;  // bare
    QString name;
    // Who sees whose presence, as on the wire: "none", "to", "from" or "both"; "remove"
    // only ever appears in pushes (the item is gone). Plain strings, so they print as-is.
    QString subscription = QStringLiteral("none");
    bool ask = false;  // we asked to see their presence; no answer yet (ask='subscribe')
    QStringList groups;

    bool isRemoval() const { return subscription == u"remove"; }
    bool operator==(const RosterItem&) const = default;

    // Reads an <item/> of jabber:iq:roster; an item without a valid jid comes back empty.
    static RosterItem fromElement(const Element& item);
    // Writes an <item/> as a client may send it (no subscription or ask: the server owns those).
    Element toElement() const;
};

}  // namespace rapport::xmpp
