#include "xmpp/ext/pubsub/PubSubExtension.h"

#include <QPointer>

#include "common/FutureUtils.h"
#include "common/Logging.h"
#include "xmpp/Client.h"
#include "xmpp/Namespaces.h"

namespace rapport::xmpp {

namespace {

constexpr qsizetype kLargeReplyBytes = 64 * 1024 * 1024;
constexpr int kLargeReplyTimeoutMs = 180000;

Element pubsub(const QString& ns) {
    return Element(QStringLiteral("pubsub"), ns);
}

Element withNode(Element e, const QString& node) {
    e.setAttribute(QStringLiteral("node"), node);
    return e;
}

Element iqTo(const Jid& service, const QString& type, Element child) {
    Element iq(QStringLiteral("iq"), ns::Client);
    iq.setAttribute(QStringLiteral("type"), type);
    iq.setAttribute(QStringLiteral("to"), service.toString());
    iq.appendChild(std::move(child));
    return iq;
}

Result<void> toVoid(const Result<Element>& r) {
    if (!r.ok()) {
        return r.error();
    }
    return Ok{};
}

}  // namespace

QString PubSubExtension::ownBareJid() const {
    return client() ? client()->settings().jid.bare().toString() : QString();
}

void PubSubExtension::setTrustedServices(const QList<Jid>& services) {
    m_trusted.clear();
    for (const Jid& s : services) {
        m_trusted.insert(s.bare().toString());
    }
}

QFuture<Result<Element>> PubSubExtension::send(const Jid& service, const QString& type,
                                               Element child, bool largeReply) {
    Element iq = iqTo(service, type, std::move(child));
    if (!largeReply) {
        return client()->sendIq(std::move(iq));
    }
    // A node's items (or ids) come in one reply: Prosody ignores RSM on them. A library of
    // 10,000 answers is about 7 MB, and the service takes a while to read it from storage.
    QPointer<PubSubExtension> self(this);
    return thenOn(client()->sendIq(std::move(iq), kLargeReplyTimeoutMs, kLargeReplyBytes), this,
                  [self](const Result<Element>& r) {
                      if (self && r.ok()) {
                          self->m_bytesReceived += r.value().toXml().toUtf8().size();
                      }
                      return r;
                  });
}

Element PubSubExtension::publishIq(const Jid& service, const QString& node, const QString& itemId,
                                   const Element& payload) {
    Element item(QStringLiteral("item"), ns::PubSub);
    if (!itemId.isEmpty()) {
        item.setAttribute(QStringLiteral("id"), itemId);
    }
    item.appendChild(payload);
    Element publish = withNode(Element(QStringLiteral("publish"), ns::PubSub), node);
    publish.appendChild(item);
    Element ps = pubsub(ns::PubSub);
    ps.appendChild(publish);
    return iqTo(service, QStringLiteral("set"), std::move(ps));
}

QFuture<Result<QString>> PubSubExtension::publish(const Jid& service, const QString& node,
                                                  const QString& itemId, const Element& payload) {
    return thenOn(client()->sendIq(publishIq(service, node, itemId, payload)), this,
                  [itemId](const Result<Element>& r) -> Result<QString> {
                      if (!r.ok()) {
                          return r.error();
                      }
                      // The service names the item when we did not.
                      const QString given = r.value()
                                                .firstChild(u"pubsub", ns::PubSub)
                                                .firstChild(u"publish", ns::PubSub)
                                                .firstChild(u"item", ns::PubSub)
                                                .attribute(u"id");
                      return given.isEmpty() ? itemId : given;
                  });
}

QFuture<Result<void>> PubSubExtension::retract(const Jid& service, const QString& node,
                                               const QString& itemId) {
    Element item(QStringLiteral("item"), ns::PubSub);
    item.setAttribute(QStringLiteral("id"), itemId);
    Element retract = withNode(Element(QStringLiteral("retract"), ns::PubSub), node);
    retract.setAttribute(QStringLiteral("notify"), QStringLiteral("true"));
    retract.appendChild(item);
    Element ps = pubsub(ns::PubSub);
    ps.appendChild(retract);
    return thenOn(send(service, QStringLiteral("set"), ps), this, toVoid);
}

QList<PubSubItem> PubSubExtension::parseItems(const Element& items, const QString& itemNs) {
    QList<PubSubItem> out;
    for (const Element& item : items.childrenNamed(u"item", itemNs)) {
        PubSubItem i;
        i.id = item.attribute(u"id");
        i.publisher = item.attribute(u"publisher");
        if (!item.children().isEmpty()) {
            i.payload = item.children().first();
        }
        out.append(std::move(i));
    }
    return out;
}

QFuture<Result<QList<PubSubItem>>> PubSubExtension::fetch(const Jid& service, Element items) {
    Element ps = pubsub(ns::PubSub);
    ps.appendChild(std::move(items));
    return thenOn(
        send(service, QStringLiteral("get"), ps, true), this,
        [](const Result<Element>& r) -> Result<QList<PubSubItem>> {
            if (!r.ok()) {
                return r.error();
            }
            return parseItems(
                r.value().firstChild(u"pubsub", ns::PubSub).firstChild(u"items", ns::PubSub),
                ns::PubSub);
        });
}

QFuture<Result<QList<PubSubItem>>> PubSubExtension::items(const Jid& service, const QString& node,
                                                          int maxItems) {
    Element items = withNode(Element(QStringLiteral("items"), ns::PubSub), node);
    if (maxItems > 0) {
        items.setAttribute(QStringLiteral("max_items"), QString::number(maxItems));
    }
    return fetch(service, std::move(items));
}

QFuture<Result<QList<PubSubItem>>> PubSubExtension::itemsById(const Jid& service,
                                                              const QString& node,
                                                              const QStringList& ids) {
    Element items = withNode(Element(QStringLiteral("items"), ns::PubSub), node);
    for (const QString& id : ids) {
        Element item(QStringLiteral("item"), ns::PubSub);
        item.setAttribute(QStringLiteral("id"), id);
        items.appendChild(item);
    }
    return fetch(service, std::move(items));
}

QFuture<Result<QStringList>> PubSubExtension::itemIds(const Jid& service, const QString& node) {
    Element query = withNode(Element(QStringLiteral("query"), ns::DiscoItems), node);
    return thenOn(send(service, QStringLiteral("get"), query, true), this,
                  [](const Result<Element>& r) -> Result<QStringList> {
                      if (!r.ok()) {
                          return r.error();
                      }
                      QStringList ids;
                      // XEP-0060 5.5: each item's id is in its 'name'.
                      for (const Element& item : r.value()
                                                     .firstChild(u"query", ns::DiscoItems)
                                                     .childrenNamed(u"item", ns::DiscoItems)) {
                          ids << item.attribute(u"name");
                      }
                      return ids;
                  });
}

QFuture<Result<void>> PubSubExtension::subscribe(const Jid& service, const QString& node) {
    Element sub = withNode(Element(QStringLiteral("subscribe"), ns::PubSub), node);
    sub.setAttribute(QStringLiteral("jid"), client()->settings().jid.bare().toString());
    Element ps = pubsub(ns::PubSub);
    ps.appendChild(sub);
    return thenOn(send(service, QStringLiteral("set"), ps), this, toVoid);
}

Element PubSubExtension::configForm(const NodeConfig& config) {
    Element form(QStringLiteral("x"), ns::DataForms);
    form.setAttribute(QStringLiteral("type"), QStringLiteral("submit"));
    auto field = [&form](const QString& var, const QString& value, bool hidden) {
        Element f(QStringLiteral("field"), ns::DataForms);
        f.setAttribute(QStringLiteral("var"), var);
        if (hidden) {
            f.setAttribute(QStringLiteral("type"), QStringLiteral("hidden"));
        }
        f.appendChild(Element(QStringLiteral("value"), ns::DataForms).setText(value));
        form.appendChild(f);
    };
    field(QStringLiteral("FORM_TYPE"), ns::PubSubNodeConfig, true);
    for (auto it = config.cbegin(); it != config.cend(); ++it) {
        field(it.key(), it.value(), false);
    }
    return form;
}

QFuture<Result<void>> PubSubExtension::createNode(const Jid& service, const QString& node,
                                                  const NodeConfig& config) {
    Element ps = pubsub(ns::PubSub);
    ps.appendChild(withNode(Element(QStringLiteral("create"), ns::PubSub), node));
    if (!config.isEmpty()) {
        Element configure(QStringLiteral("configure"), ns::PubSub);
        configure.appendChild(configForm(config));
        ps.appendChild(configure);
    }
    return thenOn(send(service, QStringLiteral("set"), ps), this, toVoid);
}

QFuture<Result<void>> PubSubExtension::configureNode(const Jid& service, const QString& node,
                                                     const NodeConfig& config) {
    Element configure = withNode(Element(QStringLiteral("configure"), ns::PubSubOwner), node);
    configure.appendChild(configForm(config));
    Element ps = pubsub(ns::PubSubOwner);
    ps.appendChild(configure);
    return thenOn(send(service, QStringLiteral("set"), ps), this, toVoid);
}

QFuture<Result<QMap<QString, QString>>> PubSubExtension::affiliations(const Jid& service,
                                                                      const QString& node) {
    Element ps = pubsub(ns::PubSubOwner);
    ps.appendChild(withNode(Element(QStringLiteral("affiliations"), ns::PubSubOwner), node));
    return thenOn(send(service, QStringLiteral("get"), ps), this,
                  [](const Result<Element>& r) -> Result<QMap<QString, QString>> {
                      if (!r.ok()) {
                          return r.error();
                      }
                      QMap<QString, QString> out;
                      for (const Element& a : r.value()
                                                  .firstChild(u"pubsub", ns::PubSubOwner)
                                                  .firstChild(u"affiliations", ns::PubSubOwner)
                                                  .childrenNamed(u"affiliation", ns::PubSubOwner)) {
                          out.insert(Jid(a.attribute(u"jid")).bare().toString(),
                                     a.attribute(u"affiliation"));
                      }
                      return out;
                  });
}

QFuture<Result<void>> PubSubExtension::setAffiliations(const Jid& service, const QString& node,
                                                       const QMap<QString, QString>& affiliations) {
    Element list = withNode(Element(QStringLiteral("affiliations"), ns::PubSubOwner), node);
    for (auto it = affiliations.cbegin(); it != affiliations.cend(); ++it) {
        Element a(QStringLiteral("affiliation"), ns::PubSubOwner);
        a.setAttribute(QStringLiteral("jid"), it.key());
        a.setAttribute(QStringLiteral("affiliation"), it.value());
        list.appendChild(a);
    }
    Element ps = pubsub(ns::PubSubOwner);
    ps.appendChild(list);
    return thenOn(send(service, QStringLiteral("set"), ps), this, toVoid);
}

void PubSubExtension::handleMessage(const Element& message, const MessageContext& context) {
    const Element event = message.firstChild(u"event", ns::PubSubEvent);
    if (event.isNull()) {
        return;
    }
    const Jid from(message.attribute(u"from"));
    if (context.isCarbon() || !m_trusted.contains(from.bare().toString()) || !from.isBare()) {
        qCWarning(lcXmpp) << "ignoring a pubsub event from" << from.toString()
                          << "(not a configured service)";
        return;
    }
    PubSubEvent e;
    e.service = from;
    if (const Element items = event.firstChild(u"items", ns::PubSubEvent); !items.isNull()) {
        e.node = items.attribute(u"node");
        e.items = parseItems(items, ns::PubSubEvent);
        for (const Element& r : items.childrenNamed(u"retract", ns::PubSubEvent)) {
            e.retracted << r.attribute(u"id");
        }
    } else if (const Element purge = event.firstChild(u"purge", ns::PubSubEvent); !purge.isNull()) {
        e.node = purge.attribute(u"node");
        e.purged = true;
    } else if (const Element del = event.firstChild(u"delete", ns::PubSubEvent); !del.isNull()) {
        e.node = del.attribute(u"node");
        e.deleted = true;
    } else {
        return;  // configuration or subscription notices: nothing we keep
    }
    if (e.node.isEmpty()) {
        qCWarning(lcXmpp) << "ignoring a pubsub event without a node from" << from.toString();
        return;
    }
    emit eventReceived(e);
}

}  // namespace rapport::xmpp
