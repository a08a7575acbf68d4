// Reading XMPP error elements (RFC 6120 4.9, 6.5, 8.3): the defined condition and
// the optional text, the same way for stream, SASL and stanza errors.
#pragma once

#include "common/Result.h"
#include "xmpp/Element.h"

namespace rapport::xmpp {

// The first child of `error` in `conditionNs` other than <text/>; empty if none.
QString definedCondition(const Element& error, const QString& conditionNs);

// The <error/> of an error stanza as an Error. `what` is a sentence with one %1 for
// the condition, e.g. tr("The request was refused (%1).").
Error stanzaError(const Element& stanza, const QString& what);

}  // namespace rapport::xmpp
