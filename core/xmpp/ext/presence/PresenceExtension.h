// Presence (RFC 6121 4): announces ours (with our capabilities, XEP-0115) and
// tracks each contact resource's. Subscription requests are the roster's business.
#pragma once

#include <QHash>

#include "common/Jid.h"
#include "common/Result.h"
#include "xmpp/ClientExtension.h"
#include "xmpp/ext/presence/ContactPresence.h"

namespace rapport::xmpp {

class PresenceExtension : public ClientExtension {
    Q_OBJECT
public:
    using Show = PresenceShow;
    using ClientExtension::ClientExtension;

    void handlePresence(const Element& presence) override;
    void onSessionStarted(bool resumed) override;
    void onSessionEnded() override;

    // Our own presence. Sent at once when online; otherwise remembered and sent as the
    // initial presence of the next session. Unavailable while online means "appear offline".
    Result<void> setPresence(Show show, const QString& status = {}, int priority = 0);
    const ContactPresence& ownPresence() const { return m_own; }

    // Resource -> presence, for each available resource of `bareJid`.
    QHash<QString, ContactPresence> presencesOf(const Jid& bareJid) const;
    bool isAvailable(const Jid& bareJid) const { return m_contacts.contains(bareJid.bareString()); }

    // The presence stanza for `p` as we send it (public for tests and logging).
    Element presenceStanza(const ContactPresence& p) const;

signals:
    // A contact resource came, changed or left (show == Unavailable).
    void presenceChanged(const rapport::Jid& fullJid,
                         const rapport::xmpp::ContactPresence& presence);
    // All contacts' presence was forgotten (session over, or a fresh one that will
    // re-announce everyone).
    void presencesCleared();

private:
    void clearContacts();
    Result<void> sendOwn();

    ContactPresence m_own{PresenceShow::Available, {}, 0};
    bool m_ownPending = false;  // changed while offline: a resumed session must hear it
    QHash<QString, QHash<QString, ContactPresence>> m_contacts;  // bare -> resource -> presence
};

}  // namespace rapport::xmpp
