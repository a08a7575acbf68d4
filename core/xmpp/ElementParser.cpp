#include "xmpp/ElementParser.h"

#include <QXmlStreamReader>
#include <vector>

namespace rapport::xmpp {

namespace {

Error policy(const QString& message) {
    return Error::make(ErrorCode::PolicyViolation, message, QStringLiteral("policy-violation"));
}

Error malformed(const QString& detail) {
    return Error::make(ErrorCode::Protocol,
                       QStringLiteral("The server sent malformed XML (%1).").arg(detail),
                       QStringLiteral("not-well-formed"));
}

}  // namespace

Result<Element> parseElement(const QString& message, const ParserLimits& limits) {
    // A UTF-16 unit is 1 to 3 UTF-8 bytes: convert only when the answer is not obvious.
    const qsizetype bytes = message.size() * 3 <= limits.maxBytes ? message.size()
                            : message.size() > limits.maxBytes    ? message.size()
                                                                  : message.toUtf8().size();
    if (bytes > limits.maxBytes) {
        return policy(QStringLiteral("The server sent a stanza of %1 KiB; the limit is %2 KiB.")
                          .arg(bytes / 1024)
                          .arg(limits.maxBytes / 1024));
    }

    QXmlStreamReader reader(message);
    std::vector<Element> stack;
    Element root;

    while (!reader.atEnd()) {
        switch (reader.readNext()) {
            case QXmlStreamReader::StartDocument:
            case QXmlStreamReader::Comment:
                break;
            case QXmlStreamReader::DTD:
                return policy(QStringLiteral("The server sent a DTD, which XMPP forbids."));
            case QXmlStreamReader::EntityReference:
                return policy(QStringLiteral("The server sent an entity reference."));
            case QXmlStreamReader::ProcessingInstruction:
                return policy(QStringLiteral("The server sent a processing instruction."));
            case QXmlStreamReader::StartElement: {
                if (!root.isNull()) {
                    return malformed(QStringLiteral("more than one element in a message"));
                }
                if (static_cast<int>(stack.size()) >= limits.maxDepth) {
                    return policy(QStringLiteral("The server sent XML nested deeper than %1.")
                                      .arg(limits.maxDepth));
                }
                Element el(reader.name().toString(), reader.namespaceUri().toString());
                for (const QXmlStreamAttribute& attr : reader.attributes()) {
                    el.setAttribute(attr.qualifiedName().toString(), attr.value().toString());
                }
                stack.push_back(std::move(el));
                break;
            }
            case QXmlStreamReader::Characters:
                if (!stack.empty()) {
                    stack.back().appendText(reader.text());
                } else if (!reader.isWhitespace()) {
                    return malformed(QStringLiteral("text outside an element"));
                }
                break;
            case QXmlStreamReader::EndElement: {
                Element done = std::move(stack.back());
                stack.pop_back();
                if (stack.empty()) {
                    root = std::move(done);
                } else {
                    stack.back().appendChild(std::move(done));
                }
                break;
            }
            case QXmlStreamReader::EndDocument:
            case QXmlStreamReader::NoToken:
            case QXmlStreamReader::Invalid:
                break;
        }
    }
    if (reader.hasError()) {
        // QXmlStreamReader reports an undeclared entity or DTD content as a plain error.
        return malformed(reader.errorString());
    }
    if (root.isNull()) {
        return malformed(QStringLiteral("no element"));
    }
    return root;
}

}  // namespace rapport::xmpp
