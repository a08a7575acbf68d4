// A namespace-aware XML element tree: what one stanza or nonza is once parsed,
// and what we build to send. A value type; copies share lists implicitly.
//
// Mixed content is not preserved (an element's text is the concatenation of its
// text nodes): XMPP payloads Rapport reads never depend on interleaving.
#pragma once

#include <QList>
#include <QPair>
#include <QString>

namespace rapport::xmpp {

class Element {
public:
    Element() = default;
    Element(QString name, QString ns);

    bool isNull() const { return m_name.isEmpty(); }
    const QString& name() const { return m_name; }
    const QString& ns() const { return m_ns; }
    bool is(QStringView name, QStringView ns) const { return m_name == name && m_ns == ns; }

    // Attributes by qualified name ("id", "xml:lang").
    QString attribute(QStringView name) const;
    bool hasAttribute(QStringView name) const;
    Element& setAttribute(const QString& name, const QString& value);
    const QList<QPair<QString, QString>>& attributes() const { return m_attributes; }

    const QString& text() const { return m_text; }
    Element& setText(QString text);
    Element& appendText(QStringView text);

    const QList<Element>& children() const { return m_children; }
    Element& appendChild(Element child);
    // First child with that local name, in that namespace (any namespace if ns is empty).
    Element firstChild(QStringView name, QStringView ns = {}) const;
    QList<Element> childrenNamed(QStringView name, QStringView ns = {}) const;
    bool hasChild(QStringView name, QStringView ns = {}) const;
    QString childText(QStringView name, QStringView ns = {}) const;

    // Serializes with an xmlns declaration on the root and wherever a child's
    // namespace differs from its parent's. Characters XML 1.0 forbids are dropped.
    QString toXml() const;

private:
    void writeTo(QString& out, const QString& parentNs) const;

    QString m_name;
    QString m_ns;
    QString m_text;
    QList<QPair<QString, QString>> m_attributes;
    QList<Element> m_children;
};

}  // namespace rapport::xmpp
