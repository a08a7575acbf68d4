#include "common/Jid.h"

namespace rapport {

Jid::Jid(const QString& text) {
    QString rest = text.trimmed();
    const qsizetype slash = rest.indexOf(u'/');
    if (slash >= 0) {
        m_resource = rest.mid(slash + 1);
        rest.truncate(slash);
    }
    const qsizetype at = rest.indexOf(u'@');
    if (at >= 0) {
        m_local = rest.left(at).toLower();
        rest = rest.mid(at + 1);
    }
    m_domain = rest.toLower();
    if (m_domain.endsWith(u'.')) {
        m_domain.chop(1);
    }
}

Jid::Jid(QString local, QString domain, QString resource)
    : m_local(local.toLower()), m_domain(domain.toLower()), m_resource(std::move(resource)) {}

bool Jid::isValid(const QString& text) {
    const Jid j(text);
    if (j.m_domain.isEmpty() || j.m_domain.contains(u'@') || j.m_domain.contains(u' ')) {
        return false;
    }
    if (text.contains(u'@') && j.m_local.isEmpty()) {
        return false;
    }
    if (text.contains(u'/') && j.m_resource.isEmpty()) {
        return false;
    }
    return j.m_local.size() <= 1023 && j.m_domain.size() <= 1023 && j.m_resource.size() <= 1023;
}

QString Jid::bareString() const {
    return m_local.isEmpty() ? m_domain : m_local + u'@' + m_domain;
}

QString Jid::toString() const {
    return m_resource.isEmpty() ? bareString() : bareString() + u'/' + m_resource;
}

}  // namespace rapport
