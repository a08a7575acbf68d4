// Parses one WebSocket message (RFC 7395: exactly one complete element) into an
// Element, treating the input as hostile: bounded size and depth, no DTD, no
// entity declarations, no processing instructions, exactly one root element.
#pragma once

#include "common/Result.h"
#include "xmpp/Element.h"

namespace rapport::xmpp {

struct ParserLimits {
    qsizetype maxBytes = 256 * 1024;  // Prosody's own stanza limit; stay in line with it
    int maxDepth = 64;
};

Result<Element> parseElement(const QString& message, const ParserLimits& limits = {});

}  // namespace rapport::xmpp
