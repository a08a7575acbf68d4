// Publish-Subscribe (XEP-0060) on a service such as pubsub.example.com: publishing and
// retracting items, fetching them (all, the newest N, or by id), listing item ids
// (disco#items), and, for an owner, creating and configuring nodes and setting
// affiliations. Events (items published or retracted while we are online) are accepted
// only from the services set with setTrustedServices(); anything else is dropped and
// logged, so a stranger cannot inject items into the library.
#pragma once

#include <QFuture>
#include <QMap>
#include <QSet>

#include "common/Result.h"
#include "xmpp/ClientExtension.h"
#include "xmpp/ext/pubsub/PubSubTypes.h"

namespace rapport::xmpp {

namespace ns {
inline const QString PubSub = QStringLiteral("http://jabber.org/protocol/pubsub");
inline const QString PubSubEvent = QStringLiteral("http://jabber.org/protocol/pubsub#event");
inline const QString PubSubOwner = QStringLiteral("http://jabber.org/protocol/pubsub#owner");
inline const QString PubSubNodeConfig =
    QStringLiteral("http://jabber.org/protocol/pubsub#node_config");
inline const QString PubSubPublishOptions =
    QStringLiteral("http://jabber.org/protocol/pubsub#publish-options");
}  // namespace ns

class PubSubExtension : public ClientExtension {
    Q_OBJECT
public:
    using ClientExtension::ClientExtension;

    // Node configuration as data-form fields (pubsub#access_model -> whitelist, ...).
    using NodeConfig = QMap<QString, QString>;

    // Our own bare JID (the account's).
    QString ownBareJid() const;

    // Services whose events are believed. Empty: none are.
    void setTrustedServices(const QList<Jid>& services);

    void handleMessage(const Element& message, const MessageContext& context) override;

    // Publishes one item (replacing an item with the same id). Resolves with the item id.
    QFuture<Result<QString>> publish(const Jid& service, const QString& node, const QString& itemId,
                                     const Element& payload);
    QFuture<Result<void>> retract(const Jid& service, const QString& node, const QString& itemId);

    // The node's items: all of them (maxItems 0), or the newest maxItems.
    QFuture<Result<QList<PubSubItem>>> items(const Jid& service, const QString& node,
                                             int maxItems = 0);
    // The items with these ids (those that exist).
    QFuture<Result<QList<PubSubItem>>> itemsById(const Jid& service, const QString& node,
                                                 const QStringList& ids);
    // The ids of the node's items, from disco#items: far smaller than the items.
    QFuture<Result<QStringList>> itemIds(const Jid& service, const QString& node);

    // Subscribes our bare JID, so that events reach every resource.
    QFuture<Result<void>> subscribe(const Jid& service, const QString& node);

    // Owner use cases (XEP-0060 8).
    QFuture<Result<void>> createNode(const Jid& service, const QString& node,
                                     const NodeConfig& config);
    QFuture<Result<void>> configureNode(const Jid& service, const QString& node,
                                        const NodeConfig& config);
    QFuture<Result<QMap<QString, QString>>> affiliations(const Jid& service, const QString& node);
    // bare JID -> affiliation; AffiliationNone removes one.
    QFuture<Result<void>> setAffiliations(const Jid& service, const QString& node,
                                          const QMap<QString, QString>& affiliations);

    // The size (as XML, UTF-8) of the item and id replies received so far: what a sync
    // transferred, for figures.
    qint64 bytesReceived() const { return m_bytesReceived; }

    // The stanzas sent, for tests.
    static Element publishIq(const Jid& service, const QString& node, const QString& itemId,
                             const Element& payload);
    static Element configForm(const NodeConfig& config);
    // The items of an <items/> (pubsub or pubsub#event namespace).
    static QList<PubSubItem> parseItems(const Element& items, const QString& itemNs);

signals:
    void eventReceived(const rapport::xmpp::PubSubEvent& event);

private:
    QFuture<Result<Element>> send(const Jid& service, const QString& type, Element child,
                                  bool largeReply = false);
    QFuture<Result<QList<PubSubItem>>> fetch(const Jid& service, Element items);

    QSet<QString> m_trusted;  // bare JIDs
    qint64 m_bytesReceived = 0;
};

}  // namespace rapport::xmpp
