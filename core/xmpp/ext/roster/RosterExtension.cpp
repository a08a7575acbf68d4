#include "xmpp/ext/roster/RosterExtension.h"

#include <QPointer>

#include "common/Logging.h"
#include "xmpp/Client.h"
#include "xmpp/Namespaces.h"

namespace rapport::xmpp {

namespace {

const QString NickNs = QStringLiteral("http://jabber.org/protocol/nick");

Element rosterIq(const QString& type, const Element& query) {
    Element iq(QStringLiteral("iq"), ns::Client);
    iq.setAttribute(QStringLiteral("type"), type);
    iq.appendChild(query);
    return iq;
}

}  // namespace

QList<RosterItem> RosterExtension::items() const {
    return m_items.values();
}

std::optional<RosterItem> RosterExtension::item(const Jid& jid) const {
    const auto it = m_items.constFind(jid.bareString());
    if (it == m_items.cend()) {
        return std::nullopt;
    }
    return *it;
}

void RosterExtension::setItems(const QList<RosterItem>& items) {
    QMap<QString, RosterItem> fresh;
    for (const RosterItem& item : items) {
        if (!item.jid.isEmpty() && !item.isRemoval()) {
            fresh.insert(item.jid.bareString(), item);
        }
    }
    const QMap<QString, RosterItem> old = std::exchange(m_items, std::move(fresh));
    // Tell listeners only what differs from what they already had (seeded or fetched).
    for (auto it = old.cbegin(); it != old.cend(); ++it) {
        if (!m_items.contains(it.key())) {
            emit itemRemoved(it->jid);
        }
    }
    for (auto it = m_items.cbegin(); it != m_items.cend(); ++it) {
        if (old.value(it.key()) != *it) {
            emit itemChanged(*it);
        }
    }
}

void RosterExtension::onSessionStarted(bool resumed) {
    if (!resumed) {
        fetch();  // pushes sent while we were away went to a session that no longer exists
    }
}

void RosterExtension::fetch() {
    Element query(QStringLiteral("query"), ns::Roster);
    // RFC 6121 2.6: ask for a delta only where the server advertises roster versioning
    // (an empty ver on the first fetch asks for the full roster plus a version).
    if (client()->stream()->features().hasChild(u"ver", ns::RosterVersioning)) {
        query.setAttribute(QStringLiteral("ver"), m_version);
    }
    const quint64 generation = ++m_fetchGeneration;
    QPointer<RosterExtension> self(this);
    client()
        ->sendIq(rosterIq(QStringLiteral("get"), query))
        .then([self, generation](const IqResult& result) {
            if (!self || generation != self->m_fetchGeneration) {
                return;
            }
            if (!result.ok()) {
                // Losing the connection is reported elsewhere; the next session fetches again.
                if (result.error().code == ErrorCode::ConnectionLost) {
                    qCDebug(lcXmpp) << "roster fetch abandoned:" << result.error().message;
                } else {
                    qCWarning(lcXmpp) << "roster fetch failed:" << result.error().message;
                }
                return;
            }
            const Element answer = result.value().firstChild(u"query", ns::Roster);
            // With versioning, an empty result means "unchanged": pushes with any news follow.
            if (!answer.isNull()) {
                self->applyFullRoster(answer);
            }
            emit self->rosterReceived();
        });
}

void RosterExtension::applyFullRoster(const Element& query) {
    QList<RosterItem> items;
    for (const Element& e : query.childrenNamed(u"item", ns::Roster)) {
        items.append(RosterItem::fromElement(e));
    }
    m_version = query.attribute(u"ver");
    setItems(items);  // the same as seeding: only what differs is signalled
}

bool RosterExtension::handleIq(const Element& iq) {
    const Element query = iq.firstChild(u"query", ns::Roster);
    if (iq.attribute(u"type") != u"set" || query.isNull()) {
        return false;
    }
    // RFC 6121 2.1.6: a push is only genuine from our own account. Anyone else could
    // rewrite our contact list; left unanswered here, the client says service-unavailable.
    const QString from = iq.attribute(u"from");
    if (!from.isEmpty() && Jid(from) != client()->boundJid().bare()) {
        qCWarning(lcXmpp) << "ignoring a roster push from" << from;
        return false;
    }
    const QList<Element> items = query.childrenNamed(u"item", ns::Roster);
    const RosterItem item =
        items.size() == 1 ? RosterItem::fromElement(items.first()) : RosterItem{};
    if (item.jid.isEmpty()) {
        client()->replyError(iq, QStringLiteral("modify"), QStringLiteral("bad-request"));
        return true;
    }
    client()->replyResult(iq);
    if (query.hasAttribute(u"ver")) {
        m_version = query.attribute(u"ver");
    }
    applyItem(item);
    return true;
}

void RosterExtension::applyItem(const RosterItem& item) {
    const QString key = item.jid.bareString();
    if (item.isRemoval()) {
        if (m_items.remove(key) > 0) {
            emit itemRemoved(item.jid);
        }
        return;
    }
    if (m_items.value(key) == item) {
        return;
    }
    m_items.insert(key, item);
    emit itemChanged(item);
}

void RosterExtension::handlePresence(const Element& presence) {
    if (presence.attribute(u"type") != u"subscribe") {
        return;  // subscribed/unsubscribe(d) are followed by a roster push with the new state
    }
    const Jid from(presence.attribute(u"from"));
    if (from.isEmpty()) {
        return;
    }
    emit subscriptionRequested(from.bare(), presence.childText(u"nick", NickNs),
                               presence.childText(u"status", ns::Client));
}

QFuture<Result<void>> RosterExtension::sendSet(const RosterItem& item) {
    Element query(QStringLiteral("query"), ns::Roster);
    query.appendChild(item.toElement());
    return client()
        ->sendIq(rosterIq(QStringLiteral("set"), query))
        .then([](const IqResult& result) -> Result<void> {
            if (!result.ok()) {
                return result.error();
            }
            return Ok{};
        });
}

QFuture<Result<void>> RosterExtension::addOrUpdate(const Jid& jid, const QString& name,
                                                   const QStringList& groups) {
    RosterItem item;
    item.jid = jid.bare();
    item.name = name;
    item.groups = groups;
    return sendSet(item);
}

QFuture<Result<void>> RosterExtension::remove(const Jid& jid) {
    RosterItem item;
    item.jid = jid.bare();
    item.subscription = QStringLiteral("remove");
    return sendSet(item);
}

Result<void> RosterExtension::sendSubscriptionPresence(const Jid& jid, const QString& type,
                                                       const QString& message) {
    Element presence(QStringLiteral("presence"), ns::Client);
    // Subscriptions are between accounts, never resources (RFC 6121 3.1.1).
    presence.setAttribute(QStringLiteral("to"), jid.bareString());
    presence.setAttribute(QStringLiteral("type"), type);
    if (!message.isEmpty()) {
        presence.appendChild(Element(QStringLiteral("status"), ns::Client).setText(message));
    }
    return client()->send(presence);
}

Result<void> RosterExtension::subscribe(const Jid& jid, const QString& message) {
    return sendSubscriptionPresence(jid, QStringLiteral("subscribe"), message);
}

Result<void> RosterExtension::approve(const Jid& jid) {
    return sendSubscriptionPresence(jid, QStringLiteral("subscribed"));
}

Result<void> RosterExtension::deny(const Jid& jid) {
    return sendSubscriptionPresence(jid, QStringLiteral("unsubscribed"));
}

Result<void> RosterExtension::unsubscribe(const Jid& jid) {
    return sendSubscriptionPresence(jid, QStringLiteral("unsubscribe"));
}

}  // namespace rapport::xmpp
