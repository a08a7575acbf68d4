// A Jabber ID (RFC 7622) split into its parts. Comparison is on the parts as
// given; the server normalizes, and we only lower-case the domain and local part.
#pragma once

#include <QString>

namespace rapport {

class Jid {
public:
    Jid() = default;
    explicit Jid(const QString& text);
    Jid(QString local, QString domain, QString resource = {});

    static bool isValid(const QString& text);

    QString local() const { return m_local; }
    QString domain() const { return m_domain; }
    QString resource() const { return m_resource; }
    bool isEmpty() const { return m_domain.isEmpty(); }
    bool isBare() const { return m_resource.isEmpty(); }

    Jid bare() const { return Jid(m_local, m_domain); }
    QString bareString() const;
    QString toString() const;

    bool operator==(const Jid&) const = default;

private:
    QString m_local;
    QString m_domain;
    QString m_resource;
};

}  // namespace rapport
