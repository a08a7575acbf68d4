#include "xmpp/ext/presence/PresenceExtension.h"

#include <algorithm>

#include "common/Logging.h"
#include "xmpp/Client.h"
#include "xmpp/Namespaces.h"
#include "xmpp/ext/disco/DiscoExtension.h"

namespace rapport::xmpp {

namespace {

// Occupants of group chats are announced with this; they are not contacts.
const QString MucUserNs = QStringLiteral("http://jabber.org/protocol/muc#user");

int clampPriority(int priority) {
    return std::clamp(priority, -128, 127);  // RFC 6121 4.7.2.3
}

QString showToString(PresenceShow show) {
    switch (show) {
        case PresenceShow::Chat:
            return QStringLiteral("chat");
        case PresenceShow::Away:
            return QStringLiteral("away");
        case PresenceShow::ExtendedAway:
            return QStringLiteral("xa");
        case PresenceShow::DoNotDisturb:
            return QStringLiteral("dnd");
        case PresenceShow::Available:
        case PresenceShow::Unavailable:
            break;
    }
    return {};
}

PresenceShow showFromString(QStringView show) {
    if (show == u"chat") {
        return PresenceShow::Chat;
    }
    if (show == u"away") {
        return PresenceShow::Away;
    }
    if (show == u"xa") {
        return PresenceShow::ExtendedAway;
    }
    if (show == u"dnd") {
        return PresenceShow::DoNotDisturb;
    }
    return PresenceShow::Available;  // absent or unknown: plainly available
}

}  // namespace

Element PresenceExtension::presenceStanza(const ContactPresence& p) const {
    Element presence(QStringLiteral("presence"), ns::Client);
    if (!p.isAvailable()) {
        presence.setAttribute(QStringLiteral("type"), QStringLiteral("unavailable"));
    }
    const QString show = showToString(p.show);
    if (!show.isEmpty()) {
        presence.appendChild(Element(QStringLiteral("show"), ns::Client).setText(show));
    }
    if (!p.status.isEmpty()) {
        presence.appendChild(Element(QStringLiteral("status"), ns::Client).setText(p.status));
    }
    if (p.priority != 0 && p.isAvailable()) {
        presence.appendChild(
            Element(QStringLiteral("priority"), ns::Client).setText(QString::number(p.priority)));
    }
    // XEP-0115: every available presence carries our caps, so contacts learn our features
    // without asking each time.
    if (p.isAvailable()) {
        if (const auto* disco = client()->findExtension<DiscoExtension>()) {
            presence.appendChild(disco->capsElement());
        }
    }
    return presence;
}

Result<void> PresenceExtension::setPresence(Show show, const QString& status, int priority) {
    m_own = ContactPresence{show, status, clampPriority(priority)};
    if (client()->state() != Client::State::Online) {
        m_ownPending = true;
        return Ok{};
    }
    return sendOwn();
}

Result<void> PresenceExtension::sendOwn() {
    m_ownPending = false;
    return client()->send(presenceStanza(m_own));
}

void PresenceExtension::onSessionStarted(bool resumed) {
    if (!resumed) {
        // The server re-sends every contact's presence after our initial presence.
        clearContacts();
        if (m_own.isAvailable()) {
            (void)sendOwn();
        }
        m_ownPending = false;
    } else if (m_ownPending) {
        (void)sendOwn();
    }
}

void PresenceExtension::onSessionEnded() {
    clearContacts();
}

void PresenceExtension::clearContacts() {
    if (!m_contacts.isEmpty()) {
        m_contacts.clear();
        emit presencesCleared();
    }
}

QHash<QString, ContactPresence> PresenceExtension::presencesOf(const Jid& bareJid) const {
    return m_contacts.value(bareJid.bareString());
}

void PresenceExtension::handlePresence(const Element& presence) {
    const QString type = presence.attribute(u"type");
    if (!type.isEmpty() && type != u"unavailable") {
        return;  // subscription handshakes are the roster's; errors carry no state to track
    }
    const Jid from(presence.attribute(u"from"));
    if (from.isEmpty() || from == client()->boundJid() || presence.hasChild(u"x", MucUserNs)) {
        return;
    }
    const QString bare = from.bareString();
    if (type == u"unavailable") {
        ContactPresence gone;
        gone.status = presence.childText(u"status", ns::Client);
        auto contact = m_contacts.find(bare);
        if (contact == m_contacts.end()) {
            return;
        }
        // From the bare JID, unavailable means every resource is gone (RFC 6121 4.5.2).
        const QStringList resources =
            from.isBare() ? contact->keys() : QStringList{from.resource()};
        for (const QString& resource : resources) {
            if (contact->remove(resource) > 0) {
                emit presenceChanged(Jid(from.local(), from.domain(), resource), gone);
            }
        }
        if (contact->isEmpty()) {
            m_contacts.erase(contact);
        }
        return;
    }
    ContactPresence p;
    p.show = showFromString(presence.childText(u"show", ns::Client).trimmed());
    p.status = presence.childText(u"status", ns::Client);
    p.priority = clampPriority(presence.childText(u"priority", ns::Client).trimmed().toInt());
    QHash<QString, ContactPresence>& resources = m_contacts[bare];
    const auto known = resources.constFind(from.resource());
    if (known != resources.cend() && *known == p) {
        return;  // a repeat (e.g. only caps changed): nothing for listeners
    }
    resources.insert(from.resource(), p);
    emit presenceChanged(from, p);
}

}  // namespace rapport::xmpp
