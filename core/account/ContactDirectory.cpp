#include "account/ContactDirectory.h"

#include "sync/ProfileNames.h"
#include "xmpp/ext/presence/PresenceExtension.h"
#include "xmpp/ext/roster/RosterExtension.h"

#include <utility>

namespace rapport {

namespace {

int rank(xmpp::PresenceShow show) {
    switch (show) {
        case xmpp::PresenceShow::Chat:
        case xmpp::PresenceShow::Available:
            return 3;
        case xmpp::PresenceShow::DoNotDisturb:
            return 2;
        case xmpp::PresenceShow::Away:
        case xmpp::PresenceShow::ExtendedAway:
            return 1;
        case xmpp::PresenceShow::Unavailable:
            break;
    }
    return 0;
}

}  // namespace

ContactDirectory::ContactDirectory(xmpp::RosterExtension* roster, xmpp::PresenceExtension* presence,
                                   sync::ProfileNames* profiles, QObject* parent)
    : QObject(parent), m_roster(roster), m_presence(presence), m_profiles(profiles) {
    if (profiles) {
        connect(profiles, &sync::ProfileNames::nameChanged, this,
                &ContactDirectory::contactChanged);
    }
    connect(roster, &xmpp::RosterExtension::itemChanged, this,
            [this](const xmpp::RosterItem& item) { emit contactChanged(item.jid.bareString()); });
    connect(roster, &xmpp::RosterExtension::itemRemoved, this,
            [this](const Jid& jid) { emit contactChanged(jid.bareString()); });
    connect(roster, &xmpp::RosterExtension::rosterReceived, this,
            [this] { emit contactChanged(QString()); });
    connect(presence, &xmpp::PresenceExtension::presenceChanged, this,
            [this](const Jid& full, const xmpp::ContactPresence&) {
                emit contactChanged(full.bareString());
            });
    connect(presence, &xmpp::PresenceExtension::presencesCleared, this,
            [this] { emit contactChanged(QString()); });
}

QString ContactDirectory::name(const QString& bareJid) const {
    const Jid jid(bareJid);
    // A lookup, not a walk over items(): every row of every list asks, on every paint.
    if (const std::optional<xmpp::RosterItem> item = m_roster->item(jid)) {
        if (!item->name.trimmed().isEmpty()) {
            return item->name.trimmed();
        }
    }
    if (m_profiles) {
        // Read once a run, even when kept from an earlier one: people rename themselves.
        m_profiles->request(bareJid);
        if (QString own = m_profiles->name(bareJid); !own.isEmpty()) {
            return own;
        }
    }
    return jid.local().isEmpty() ? bareJid : jid.local();
}

QStringList ContactDirectory::groups(const QString& bareJid) const {
    const std::optional<xmpp::RosterItem> item = m_roster->item(Jid(bareJid));
    return item ? item->groups : QStringList();
}

QString ContactDirectory::presence(const QString& bareJid) const {
    const auto resources = m_presence->presencesOf(Jid(bareJid));
    if (resources.isEmpty()) {
        // Without a subscription to their presence we cannot tell "offline" from "unseen".
        bool subscribed = false;
        for (const xmpp::RosterItem& item : m_roster->items()) {
            if (item.jid.bareString() == bareJid) {
                subscribed = item.subscription == u"to" || item.subscription == u"both";
            }
        }
        return subscribed ? QStringLiteral("offline") : QStringLiteral("unknown");
    }
    int best = 0;
    for (const xmpp::ContactPresence& p : resources) {
        best = std::max(best, rank(p.show));
    }
    static const char* const names[] = {"offline", "away", "dnd", "available"};
    return QString::fromLatin1(names[best]);
}

QString ContactDirectory::initials(const QString& name) {
    // The first letter or digit of each of the first two words; words are separated by
    // spaces, '.', '_', '@' and '-' ("ann.lee@x" -> "AL"). A scan, not a regex: every
    // painted row asks.
    QString out;
    bool wordStart = true;
    for (const QChar c : name) {
        if (c.isSpace() || c == u'.' || c == u'_' || c == u'@' || c == u'-') {
            wordStart = true;
            continue;
        }
        if (std::exchange(wordStart, false) && c.isLetterOrNumber()) {
            out += c.toUpper();
            if (out.size() == 2) {
                break;
            }
        }
    }
    return out.isEmpty() ? QStringLiteral("?") : out;
}

}  // namespace rapport
