#include "xmpp/ext/roster/RosterItem.h"

#include "xmpp/Namespaces.h"

namespace rapport::xmpp {

namespace {

QString normalizedSubscription(const QString& s) {
    if (s == u"to" || s == u"from" || s == u"both" || s == u"remove") {
        return s;
    }
    return QStringLiteral("none");  // RFC 6121 2.1.2.5: absent or unknown means none
}

}  // namespace

RosterItem RosterItem::fromElement(const Element& item) {
    const QString jidText = item.attribute(u"jid");
    if (!Jid::isValid(jidText)) {
        return {};
    }
    RosterItem r;
    r.jid = Jid(jidText).bare();
    r.name = item.attribute(u"name");
    r.subscription = normalizedSubscription(item.attribute(u"subscription"));
    r.ask = item.attribute(u"ask") == u"subscribe";
    for (const Element& g : item.childrenNamed(u"group", ns::Roster)) {
        const QString group = g.text().trimmed();
        if (!group.isEmpty() && !r.groups.contains(group)) {
            r.groups.append(group);
        }
    }
    return r;
}

Element RosterItem::toElement() const {
    Element item(QStringLiteral("item"), ns::Roster);
    item.setAttribute(QStringLiteral("jid"), jid.bareString());
    if (!name.isEmpty()) {
        item.setAttribute(QStringLiteral("name"), name);
    }
    if (isRemoval()) {
        item.setAttribute(QStringLiteral("subscription"), QStringLiteral("remove"));
    }
    for (const QString& group : groups) {
        item.appendChild(Element(QStringLiteral("group"), ns::Roster).setText(group));
    }
    return item;
}

}  // namespace rapport::xmpp
