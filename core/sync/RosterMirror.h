// Keeps the roster (xmpp::RosterExtension) and its copy in the store (store::ContactStore)
// in step. When the account opens, the stored roster seeds the extension: names and
// groups show at once, offline too, and the first fetch asks the server only for what
// changed since the stored version (RFC 6121 2.6). Every change the server makes is
// written back, a burst of them at once, with the version it brings the roster to.
#pragma once

#include <QObject>
#include <QString>
#include <QTimer>

namespace rapport::xmpp {
class RosterExtension;
struct RosterItem;
}  // namespace rapport::xmpp

namespace rapport::store {
class ContactStore;
struct StoredContact;
}  // namespace rapport::store

namespace rapport::sync {

class RosterMirror : public QObject {
    Q_OBJECT
public:
    // Starts loading the stored roster into `roster` at once.
    RosterMirror(xmpp::RosterExtension* roster, store::ContactStore& contacts,
                 QObject* parent = nullptr);

    // The stored roster was read (and seeded into the extension unless the server's
    // roster came first).
    bool isLoaded() const { return m_loaded; }
    // Writes a change still waiting for its batch (the account closes).
    void flush();

    static store::StoredContact toStored(const xmpp::RosterItem& item);
    static xmpp::RosterItem fromStored(const store::StoredContact& contact);

signals:
    void loaded();

private:
    void seed(const QList<store::StoredContact>& contacts, const QString& version);
    void onRosterChanged();
    void save();

    xmpp::RosterExtension* m_roster;
    store::ContactStore& m_contacts;
    QTimer m_saveTimer;      // coalesces a burst of changes into one write
    QString m_savedVersion;  // the version the store holds
    bool m_loaded = false;
    bool m_seeding = false;   // our own seeding, not news from the server
    bool m_changed = false;   // the server changed the roster since it was loaded or saved
    bool m_received = false;  // the server's roster came (even an empty one, unversioned)
};

}  // namespace rapport::sync
