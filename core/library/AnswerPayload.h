// The wire form of an answer, <answer xmlns='urn:rapport:answer:1'/> (layout and rules in
// README.md). Parsing checks every rule, since items come from any member's client, bot or
// script: a payload that breaks one is refused with the reason, never half-read.
#pragma once

#include "common/Result.h"
#include "library/Answer.h"
#include "xmpp/Element.h"

namespace rapport::library {

inline const QString AnswerNs = QStringLiteral("urn:rapport:answer:1");
inline const QString AnswersNode = QStringLiteral("urn:rapport:answers:1");

struct AnswerLimits {
    static constexpr int TitleChars = 200;
    static constexpr int BodyBytes = 64 * 1024;
    static constexpr int Tags = 20;
    static constexpr int TagChars = 40;
};

class AnswerPayload {
public:
    static xmpp::Element toElement(const Answer& answer);
    // The answer an item carries; `itemId` becomes its id (it must be a UUID).
    static Result<Answer> fromElement(const QString& itemId, const xmpp::Element& payload);

    // A delete retracts the answer's item and publishes a small tombstone item, so that a
    // client that was away learns of it from the newest items alone (README.md).
    static QString tombstoneId(const QString& answerId);
    static xmpp::Element tombstone(const QString& by, const QDateTime& at);
    // The answer an item says was deleted, if it is a valid tombstone; empty otherwise.
    static QString deletedAnswer(const QString& itemId, const xmpp::Element& payload);

    // Tags as the library keeps them: lowercase, inner spaces as '-', no duplicates, in the
    // order given; empty ones dropped.
    static QStringList normalizeTags(const QStringList& tags);
    // The first rule the tags break (count, length, lowercase, one word), or empty. Tips
    // follow the same rules.
    static QString invalidTagsReason(const QStringList& tags);
    // The first rule `answer` breaks, or an empty string.
    static QString invalidReason(const Answer& answer);
};

}  // namespace rapport::library
