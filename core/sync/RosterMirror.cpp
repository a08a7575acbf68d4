#include "sync/RosterMirror.h"

#include "common/FutureUtils.h"
#include "store/ContactStore.h"
#include "store/StoreLogging.h"
#include "xmpp/ext/roster/RosterExtension.h"

namespace rapport::sync {

namespace {
// Pushes come one stanza each; a few hundred of them (a team imported at once) are one write.
constexpr int kSaveDelayMs = 100;
}  // namespace

RosterMirror::RosterMirror(xmpp::RosterExtension* roster, store::ContactStore& contacts,
                           QObject* parent)
    : QObject(parent), m_roster(roster), m_contacts(contacts) {
    m_saveTimer.setSingleShot(true);
    m_saveTimer.setInterval(kSaveDelayMs);
    connect(&m_saveTimer, &QTimer::timeout, this, &RosterMirror::save);
    connect(roster, &xmpp::RosterExtension::itemChanged, this, &RosterMirror::onRosterChanged);
    connect(roster, &xmpp::RosterExtension::itemRemoved, this, &RosterMirror::onRosterChanged);
    // A fetch that found nothing new still brings a version (and the first one, the roster).
    connect(roster, &xmpp::RosterExtension::rosterReceived, this, [this] {
        m_received = true;
        // Without versioning every fetch is the whole roster, and the copy may hold more.
        if (m_roster->version().isEmpty() || m_roster->version() != m_savedVersion) {
            m_changed = true;
        }
        if (m_changed) {
            m_saveTimer.start();
        }
    });
    onFinished(m_contacts.load(), this, [this](const Result<store::StoredRoster>& stored) {
        if (!stored.ok()) {
            // Not fatal: the server sends the whole roster, and saving it repairs the copy.
            qCWarning(lcStore) << "could not read the stored roster:" << stored.error().message;
        } else {
            seed(stored.value().contacts, stored.value().version);
        }
        m_loaded = true;
        emit loaded();
    });
}

void RosterMirror::seed(const QList<store::StoredContact>& contacts, const QString& version) {
    m_savedVersion = version;
    if (m_received || m_changed) {
        return;  // the server's roster (or a push) came first: it is newer than ours
    }
    QList<xmpp::RosterItem> items;
    items.reserve(contacts.size());
    for (const store::StoredContact& c : contacts) {
        items.append(fromStored(c));
    }
    m_seeding = true;
    m_roster->setItems(items);
    m_roster->setVersion(version);
    m_seeding = false;
}

void RosterMirror::onRosterChanged() {
    if (m_seeding) {
        return;
    }
    m_changed = true;
    m_saveTimer.start();
}

void RosterMirror::flush() {
    if (m_saveTimer.isActive()) {
        m_saveTimer.stop();
        save();
    }
}

void RosterMirror::save() {
    m_changed = false;
    QList<store::StoredContact> contacts;
    for (const xmpp::RosterItem& item : m_roster->items()) {
        contacts.append(toStored(item));
    }
    // Remembered now: a change arriving while this write runs is written after it.
    m_savedVersion = m_roster->version();
    onFinished(m_contacts.replaceAll(contacts, m_savedVersion), this,
               [](const Result<void>& saved) {
                   if (!saved.ok()) {
                       // The roster itself is unharmed; only its offline copy is behind, and
                       // the next change or session writes it again.
                       qCWarning(lcStore) << "could not save the roster:" << saved.error().message;
                   }
               });
}

store::StoredContact RosterMirror::toStored(const xmpp::RosterItem& item) {
    return {item.jid.bareString(), item.name, item.subscription, item.groups, item.ask};
}

xmpp::RosterItem RosterMirror::fromStored(const store::StoredContact& contact) {
    xmpp::RosterItem item;
    item.jid = Jid(contact.jid).bare();
    item.name = contact.name;
    item.subscription = contact.subscription;
    item.ask = contact.ask;
    item.groups = contact.groups;
    return item;
}

}  // namespace rapport::sync
