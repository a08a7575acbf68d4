// The roster (RFC 6121): the contact list the server keeps for us, fetched with
// versioning on each new session and kept current by roster pushes; and the
// presence subscriptions that decide who sees whose presence.
#pragma once

#include <QFuture>
#include <QMap>
#include <optional>

#include "common/Jid.h"
#include "common/Result.h"
#include "xmpp/ClientExtension.h"
#include "xmpp/ext/roster/RosterItem.h"

namespace rapport::xmpp {

class RosterExtension : public ClientExtension {
    Q_OBJECT
public:
    using ClientExtension::ClientExtension;

    bool handleIq(const Element& iq) override;
    void handlePresence(const Element& presence) override;
    void onSessionStarted(bool resumed) override;

    // Sorted by JID.
    QList<RosterItem> items() const;
    std::optional<RosterItem> item(const Jid& jid) const;
    // The version of items() (RFC 6121 2.6); empty when unknown.
    QString version() const { return m_version; }
    // Seed from storage before connecting, so the server only sends what changed.
    // Seed both, or neither: a version without its items would lose contacts. Listeners
    // hear of each item that differs from what was there (itemChanged, itemRemoved).
    void setItems(const QList<RosterItem>& items);
    void setVersion(const QString& version) { m_version = version; }

    // Requests; the roster itself changes when the server's push arrives.
    QFuture<Result<void>> addOrUpdate(const Jid& jid, const QString& name,
                                      const QStringList& groups = {});
    QFuture<Result<void>> remove(const Jid& jid);

    // Presence subscriptions (RFC 6121 3).
    Result<void> subscribe(const Jid& jid, const QString& message = {});
    Result<void> approve(const Jid& jid);
    Result<void> deny(const Jid& jid);
    Result<void> unsubscribe(const Jid& jid);

signals:
    // The roster of this session is in: items() is complete (changes were signalled first).
    void rosterReceived();
    void itemChanged(const rapport::xmpp::RosterItem& item);
    void itemRemoved(const rapport::Jid& jid);
    // Someone asks to see our presence; answer with approve() or deny(). nick is the name
    // they suggest for themselves (XEP-0172), message the text they sent along.
    void subscriptionRequested(const rapport::Jid& from, const QString& nick,
                               const QString& message);

private:
    void fetch();
    void applyFullRoster(const Element& query);
    void applyItem(const RosterItem& item);
    QFuture<Result<void>> sendSet(const RosterItem& item);
    Result<void> sendSubscriptionPresence(const Jid& jid, const QString& type,
                                          const QString& message = {});

    QMap<QString, RosterItem> m_items;  // by bare JID
    QString m_version;
    quint64 m_fetchGeneration = 0;  // a newer session's fetch makes older answers stale
};

}  // namespace rapport::xmpp
