// The name people give themselves, from their profile (vcard-temp, XEP-0054; Prosody's
// mod_vcard_legacy keeps it as a vCard4 in PEP, XEP-0292). A roster names only the people
// on it, as we named them; our own name, and the name of a colleague who is not on it
// (an author of tips or answers), come from here.
#pragma once

#include <QFuture>

#include "common/Jid.h"
#include "common/Result.h"
#include "xmpp/ClientExtension.h"

namespace rapport::xmpp {

class VCardExtension : public ClientExtension {
    Q_OBJECT
public:
    using ClientExtension::ClientExtension;

    // The profile's full name (FN), else its nickname; empty when there is no profile or
    // it has no name. `jid` empty: our own.
    QFuture<Result<QString>> fetchName(const Jid& jid = {});
    // Sets our profile's full name, keeping the rest of it (photo, phone...).
    QFuture<Result<void>> publishOwnName(const QString& name);

    // The name in a <vCard/>, as fetchName() reads it.
    static QString nameOf(const Element& vcard);
};

}  // namespace rapport::xmpp
