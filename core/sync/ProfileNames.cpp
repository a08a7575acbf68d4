#include "sync/ProfileNames.h"

#include "common/FutureUtils.h"
#include "store/ContactStore.h"
#include "store/StoreLogging.h"
#include "xmpp/Client.h"
#include "xmpp/ext/vcard/VCardExtension.h"

namespace rapport::sync {

ProfileNames::ProfileNames(xmpp::Client* client, xmpp::VCardExtension* vcards,
                           store::ContactStore& store, const Jid& own, QObject* parent)
    : QObject(parent), m_client(client), m_vcards(vcards), m_store(store), m_own(own.bareString()) {
    m_batch.setSingleShot(true);
    m_batch.setInterval(0);
    connect(&m_batch, &QTimer::timeout, this, &ProfileNames::fetchWanted);
    connect(client, &xmpp::Client::sessionStarted, this, &ProfileNames::onSessionStarted);
    onFinished(m_store.profileNames(), this, [this](const Result<QHash<QString, QString>>& stored) {
        if (!stored.ok()) {
            qCWarning(lcStore) << "could not read the profile names:" << stored.error().message;
            return;
        }
        for (auto it = stored.value().cbegin(); it != stored.value().cend(); ++it) {
            // A name fetched before the store answered is newer.
            if (!m_names.contains(it.key()) && !it.value().isEmpty()) {
                m_names.insert(it.key(), it.value());
                emit nameChanged(it.key());
            }
        }
    });
}

QString ProfileNames::name(const QString& bareJid) const {
    return m_names.value(bareJid);
}

void ProfileNames::request(const QString& bareJid) {
    if (bareJid.isEmpty() || m_asked.contains(bareJid) || m_wanted.contains(bareJid)) {
        return;
    }
    m_wanted.insert(bareJid);
    if (m_client->state() == xmpp::Client::State::Online) {
        m_batch.start();
    }
}

void ProfileNames::onSessionStarted(bool resumed) {
    if (resumed) {
        return;  // nothing was missed
    }
    // Ours may have been changed on another device; other people's names are read once a
    // run (they rarely change, and a flaky network would fetch them again and again).
    m_asked.remove(m_own);
    m_wanted.insert(m_own);
    m_batch.start();
}

void ProfileNames::fetchWanted() {
    if (m_client->state() != xmpp::Client::State::Online) {
        return;  // the next session fetches them
    }
    const QSet<QString> wanted = std::exchange(m_wanted, {});
    for (const QString& jid : wanted) {
        fetch(jid);
    }
}

void ProfileNames::fetch(const QString& bareJid) {
    m_asked.insert(bareJid);
    const Jid to = bareJid == m_own ? Jid() : Jid(bareJid);
    onFinished(m_vcards->fetchName(to), this, [this, bareJid](const Result<QString>& name) {
        if (!name.ok()) {
            // Without a profile (or access to it) the address shows; a lost connection
            // asks again in the next session.
            if (name.error().code == ErrorCode::ConnectionLost) {
                m_asked.remove(bareJid);
                m_wanted.insert(bareJid);
            }
            return;
        }
        remember(bareJid, name.value());
    });
}

void ProfileNames::remember(const QString& bareJid, const QString& name) {
    if (m_names.value(bareJid) == name && m_names.contains(bareJid)) {
        return;
    }
    m_names.insert(bareJid, name);
    onFinished(m_store.setProfileName(bareJid, name), this, [](const Result<void>& saved) {
        if (!saved.ok()) {
            qCWarning(lcStore) << "could not save a profile name:" << saved.error().message;
        }
    });
    emit nameChanged(bareJid);
}

QFuture<Result<void>> ProfileNames::publishOwnName(const QString& name) {
    const QString clean = name.simplified();
    return thenOn(m_vcards->publishOwnName(clean), this, [this, clean](const Result<void>& r) {
        if (r.ok()) {
            remember(m_own, clean);
        }
        return r;
    });
}

}  // namespace rapport::sync
