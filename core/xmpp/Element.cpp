#include "xmpp/Element.h"

namespace rapport::xmpp {

namespace {

bool isXmlChar(char32_t c) {
    return c == 0x9 || c == 0xA || c == 0xD || (c >= 0x20 && c <= 0xD7FF) ||
           (c >= 0xE000 && c <= 0xFFFD) || (c >= 0x10000 && c <= 0x10FFFF);
}

void appendEscaped(QString& out, QStringView text, bool attribute) {
    for (qsizetype i = 0; i < text.size(); ++i) {
        const QChar ch = text[i];
        if (ch.isHighSurrogate() && i + 1 < text.size() && text[i + 1].isLowSurrogate()) {
            out += ch;
            out += text[++i];
            continue;
        }
        if (ch.isSurrogate() || !isXmlChar(ch.unicode())) {
            continue;  // unpaired surrogates and control characters would break the stream
        }
        switch (ch.unicode()) {
            case u'&':
                out += u"&amp;";
                break;
            case u'<':
                out += u"&lt;";
                break;
            case u'>':
                out += u"&gt;";
                break;
            case u'\'':
                if (attribute) {
                    out += u"&apos;";
                } else {
                    out += ch;
                }
                break;
            case u'"':
                if (attribute) {
                    out += u"&quot;";
                } else {
                    out += ch;
                }
                break;
            default:
                out += ch;
        }
    }
}

}  // namespace

Element::Element(QString name, QString ns) : m_name(std::move(name)), m_ns(std::move(ns)) {}

QString Element::attribute(QStringView name) const {
    for (const auto& [key, value] : m_attributes) {
        if (key == name) {
            return value;
        }
    }
    return {};
}

bool Element::hasAttribute(QStringView name) const {
    for (const auto& attr : m_attributes) {
        if (attr.first == name) {
            return true;
        }
    }
    return false;
}

Element& Element::setAttribute(const QString& name, const QString& value) {
    for (auto& attr : m_attributes) {
        if (attr.first == name) {
            attr.second = value;
            return *this;
        }
    }
    m_attributes.append({name, value});
    return *this;
}

Element& Element::setText(QString text) {
    m_text = std::move(text);
    return *this;
}

Element& Element::appendText(QStringView text) {
    m_text += text;
    return *this;
}

Element& Element::appendChild(Element child) {
    m_children.append(std::move(child));
    return *this;
}

Element Element::firstChild(QStringView name, QStringView ns) const {
    for (const Element& child : m_children) {
        if (child.m_name == name && (ns.isEmpty() || child.m_ns == ns)) {
            return child;
        }
    }
    return {};
}

QList<Element> Element::childrenNamed(QStringView name, QStringView ns) const {
    QList<Element> result;
    for (const Element& child : m_children) {
        if (child.m_name == name && (ns.isEmpty() || child.m_ns == ns)) {
            result.append(child);
        }
    }
    return result;
}

bool Element::hasChild(QStringView name, QStringView ns) const {
    return !firstChild(name, ns).isNull();
}

QString Element::childText(QStringView name, QStringView ns) const {
    return firstChild(name, ns).text();
}

QString Element::toXml() const {
    QString out;
    out.reserve(256);
    writeTo(out, QString());
    return out;
}

void Element::writeTo(QString& out, const QString& parentNs) const {
    out += u'<';
    out += m_name;
    if (m_ns != parentNs || parentNs.isNull()) {
        out += u" xmlns='";
        appendEscaped(out, m_ns, true);
        out += u'\'';
    }
    for (const auto& [key, value] : m_attributes) {
        out += u' ';
        out += key;
        out += u"='";
        appendEscaped(out, value, true);
        out += u'\'';
    }
    if (m_children.isEmpty() && m_text.isEmpty()) {
        out += u"/>";
        return;
    }
    out += u'>';
    appendEscaped(out, m_text, false);
    for (const Element& child : m_children) {
        child.writeTo(out, m_ns);
    }
    out += u"</";
    out += m_name;
    out += u'>';
}

}  // namespace rapport::xmpp
