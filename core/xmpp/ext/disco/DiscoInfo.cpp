#include "xmpp/ext/disco/DiscoInfo.h"

#include "xmpp/Namespaces.h"

namespace rapport::xmpp {

bool DiscoInfo::hasIdentity(QStringView category, QStringView type) const {
    for (const DiscoIdentity& identity : identities) {
        if (identity.category == category && identity.type == type) {
            return true;
        }
    }
    return false;
}

DiscoInfo DiscoInfo::fromQuery(const Element& query) {
    DiscoInfo info;
    info.node = query.attribute(u"node");
    for (const Element& i : query.childrenNamed(u"identity", ns::DiscoInfo)) {
        info.identities.append(DiscoIdentity{i.attribute(u"category"), i.attribute(u"type"),
                                             i.attribute(u"xml:lang"), i.attribute(u"name")});
    }
    for (const Element& f : query.childrenNamed(u"feature", ns::DiscoInfo)) {
        const QString var = f.attribute(u"var");
        if (!var.isEmpty() && !info.features.contains(var)) {
            info.features.append(var);
        }
    }
    return info;
}

Element DiscoInfo::toQuery() const {
    Element query(QStringLiteral("query"), ns::DiscoInfo);
    if (!node.isEmpty()) {
        query.setAttribute(QStringLiteral("node"), node);
    }
    for (const DiscoIdentity& identity : identities) {
        Element i(QStringLiteral("identity"), ns::DiscoInfo);
        i.setAttribute(QStringLiteral("category"), identity.category);
        i.setAttribute(QStringLiteral("type"), identity.type);
        if (!identity.lang.isEmpty()) {
            i.setAttribute(QStringLiteral("xml:lang"), identity.lang);
        }
        if (!identity.name.isEmpty()) {
            i.setAttribute(QStringLiteral("name"), identity.name);
        }
        query.appendChild(i);
    }
    for (const QString& feature : features) {
        query.appendChild(Element(QStringLiteral("feature"), ns::DiscoInfo)
                              .setAttribute(QStringLiteral("var"), feature));
    }
    return query;
}

}  // namespace rapport::xmpp
