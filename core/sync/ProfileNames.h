// The names people give themselves in their profiles (xmpp::VCardExtension), kept in the
// store (store::ContactStore) so they show offline: ours (signing replies, our own tips
// and answers) and those of people the roster does not name. Our own is read again at
// each new session; someone else's the first time the app needs it while it runs.
#pragma once

#include <QFuture>
#include <QHash>
#include <QObject>
#include <QSet>
#include <QTimer>

#include "common/Jid.h"
#include "common/Result.h"

namespace rapport::xmpp {
class Client;
class VCardExtension;
}  // namespace rapport::xmpp

namespace rapport::store {
class ContactStore;
}

namespace rapport::sync {

class ProfileNames : public QObject {
    Q_OBJECT
public:
    ProfileNames(xmpp::Client* client, xmpp::VCardExtension* vcards, store::ContactStore& store,
                 const Jid& own, QObject* parent = nullptr);

    // The name `bareJid` gives themselves; empty while unknown.
    QString name(const QString& bareJid) const;
    // Looks the name up when online (now, or when the next session starts), once a run.
    void request(const QString& bareJid);
    // Sets our own name in our profile, where the team's clients read it.
    QFuture<Result<void>> publishOwnName(const QString& name);

signals:
    void nameChanged(const QString& bareJid);

private:
    void onSessionStarted(bool resumed);
    void fetchWanted();
    void fetch(const QString& bareJid);
    void remember(const QString& bareJid, const QString& name);

    xmpp::Client* m_client;
    xmpp::VCardExtension* m_vcards;
    store::ContactStore& m_store;
    QString m_own;
    QHash<QString, QString> m_names;
    QSet<QString> m_wanted;  // asked for, not yet fetched
    QSet<QString> m_asked;   // fetched (or being fetched) while the app runs
    QTimer m_batch;          // the names a paint asks for, fetched after it
};

}  // namespace rapport::sync
