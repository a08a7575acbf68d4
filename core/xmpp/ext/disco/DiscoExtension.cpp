#include "xmpp/ext/disco/DiscoExtension.h"

#include <QCryptographicHash>
#include <algorithm>

#include "xmpp/Client.h"
#include "xmpp/Namespaces.h"

namespace rapport::xmpp {

namespace {

// XEP-0115 sorts with "i;octet": byte order of UTF-8, which differs from QString's UTF-16
// order for characters above the surrogates.
void sortOctets(QList<QByteArray>& list) {
    std::sort(list.begin(), list.end());
}

}  // namespace

QStringList DiscoExtension::discoFeatures() const {
    return {ns::DiscoInfo, ns::Caps};
}

DiscoInfo DiscoExtension::ownInfo() const {
    DiscoInfo info;
    // The product name, not a sentence: not translated.
    info.identities.append(DiscoIdentity{
        QStringLiteral("client"), QStringLiteral("pc"), {}, QStringLiteral("Rapport")});
    info.features = client()->discoFeatures();
    return info;
}

QString DiscoExtension::capsVersion() const {
    const DiscoInfo info = ownInfo();
    return computeCapsVersion(info.identities, info.features);
}

Element DiscoExtension::capsElement() const {
    Element c(QStringLiteral("c"), ns::Caps);
    c.setAttribute(QStringLiteral("hash"), QStringLiteral("sha-1"));
    c.setAttribute(QStringLiteral("node"), CapsNode.toString());
    c.setAttribute(QStringLiteral("ver"), capsVersion());
    return c;
}

QString DiscoExtension::computeCapsVersion(const QList<DiscoIdentity>& identities,
                                           const QStringList& features) {
    QList<QByteArray> ids;
    for (const DiscoIdentity& i : identities) {
        ids.append((i.category + u'/' + i.type + u'/' + i.lang + u'/' + i.name).toUtf8());
    }
    QList<QByteArray> vars;
    for (const QString& f : features) {
        vars.append(f.toUtf8());
    }
    sortOctets(ids);
    sortOctets(vars);
    vars.erase(std::unique(vars.begin(), vars.end()), vars.end());

    QByteArray s;
    for (const QByteArray& i : std::as_const(ids)) {
        s += i + '<';
    }
    for (const QByteArray& v : std::as_const(vars)) {
        s += v + '<';
    }
    return QString::fromLatin1(QCryptographicHash::hash(s, QCryptographicHash::Sha1).toBase64());
}

bool DiscoExtension::handleIq(const Element& iq) {
    const Element query = iq.firstChild(u"query", ns::DiscoInfo);
    if (iq.attribute(u"type") != u"get" || query.isNull()) {
        return false;
    }
    const QString node = query.attribute(u"node");
    // Those who saw our caps ask about node#ver; the answer is the same as without a node.
    if (!node.isEmpty() && node != CapsNode.toString() + u'#' + capsVersion()) {
        client()->replyError(iq, QStringLiteral("cancel"), QStringLiteral("item-not-found"));
        return true;
    }
    DiscoInfo info = ownInfo();
    info.node = node;
    client()->replyResult(iq, info.toQuery());
    return true;
}

QFuture<DiscoExtension::InfoResult> DiscoExtension::queryInfo(const Jid& to, const QString& node) {
    Element query(QStringLiteral("query"), ns::DiscoInfo);
    if (!node.isEmpty()) {
        query.setAttribute(QStringLiteral("node"), node);
    }
    Element iq(QStringLiteral("iq"), ns::Client);
    iq.setAttribute(QStringLiteral("type"), QStringLiteral("get"));
    if (!to.isEmpty()) {
        iq.setAttribute(QStringLiteral("to"), to.toString());
    }
    iq.appendChild(query);
    // No `this` in the continuation: it only converts the answer.
    return client()->sendIq(iq).then([](const IqResult& result) -> InfoResult {
        if (!result.ok()) {
            return result.error();
        }
        return DiscoInfo::fromQuery(result.value().firstChild(u"query", ns::DiscoInfo));
    });
}

}  // namespace rapport::xmpp
