// Who the people in the conversation list are, for the UI: their name (the roster's, else
// the one they give themselves in their profile, else the address's local part), their roster
// groups (colleagues or customers) and their best presence now. Built from the roster and presence
// extensions so that ui/ never touches xmpp/; one signal says whose details changed.
#pragma once

#include <QObject>
#include <QStringList>

namespace rapport::xmpp {
class RosterExtension;
class PresenceExtension;
}  // namespace rapport::xmpp
namespace rapport::sync {
class ProfileNames;
}

namespace rapport {

class ContactDirectory : public QObject {
    Q_OBJECT
public:
    // Without `profiles`, only the roster names people.
    ContactDirectory(xmpp::RosterExtension* roster, xmpp::PresenceExtension* presence,
                     sync::ProfileNames* profiles = nullptr, QObject* parent = nullptr);

    // Ours too: the name in our profile. A name not known yet is looked up (contactChanged
    // tells when it is in).
    QString name(const QString& bareJid) const;
    QStringList groups(const QString& bareJid) const;
    // "available", "away" (also extended away), "dnd" or "offline": the best of the
    // contact's resources; "unknown" when we do not receive their presence.
    QString presence(const QString& bareJid) const;
    // One or two letters for an avatar: of the name's first two words, else of the address.
    static QString initials(const QString& name);

signals:
    // `bareJid`'s name, groups or presence changed; empty: possibly everyone's.
    void contactChanged(const QString& bareJid);

private:
    xmpp::RosterExtension* m_roster;
    xmpp::PresenceExtension* m_presence;
    sync::ProfileNames* m_profiles;
};

}  // namespace rapport
