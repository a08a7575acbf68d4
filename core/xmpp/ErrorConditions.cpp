#include "xmpp/ErrorConditions.h"

#include "xmpp/Namespaces.h"

namespace rapport::xmpp {

QString definedCondition(const Element& error, const QString& conditionNs) {
    for (const Element& child : error.children()) {
        if (child.ns() == conditionNs && child.name() != u"text") {
            return child.name();
        }
    }
    return {};
}

Error stanzaError(const Element& stanza, const QString& what) {
    const Element error = stanza.firstChild(u"error", ns::Client);
    const QString condition = definedCondition(error, ns::Stanzas);
    const QString text = error.childText(u"text", ns::Stanzas);
    QString message =
        what.arg(condition.isEmpty() ? QStringLiteral("undefined-condition") : condition);
    if (!text.isEmpty()) {
        message += u' ' + text;
    }
    return Error::make(ErrorCode::StanzaError, message, condition);
}

}  // namespace rapport::xmpp
