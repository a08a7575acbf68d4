// An answer as JSON: the object rapport-cli prints for `answers list` and `show`, and each
// element of an exported .json file. Reading accepts what an import file may hold (README.md,
// "Import and export"): a title, and optionally id, body, tags (an array of strings) and
// created; the other fields of an export are ignored.
#pragma once

#include <QJsonObject>

#include "common/Result.h"
#include "library/Answer.h"

namespace rapport::library {

class AnswerJson {
public:
    // id, title, tags, author, created, updated, version, uses, state, conflict_of (for a
    // conflict copy), and body if asked for.
    static QJsonObject toJson(const Answer& answer, bool withBody);
    // The answer an import file's object describes, not yet checked against the payload
    // rules (the store does that). Usage error if a field has the wrong type.
    static Result<Answer> fromJson(const QJsonObject& object);
};

}  // namespace rapport::library
