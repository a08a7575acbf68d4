// The words of a customer's message worth looking up in the answer library: lower-cased,
// without English stopwords and chat filler ("hi", "thanks", "please"), without very short
// words (under 3 characters, unless they contain a digit, like "e1").
#pragma once

#include <QString>
#include <QStringList>

namespace rapport::search {

class MessageKeywords {
public:
    // Distinct keywords in order of appearance, at most `max` of them.
    static QStringList extract(const QString& message, int max = 24);

    // An FTS5 expression ORing the keywords, each quoted, plus a crude stem as a prefix for
    // longer words ("printing" also tries print*, "updated" updat*), since the unicode61
    // tokenizer does not stem. Empty when there are no keywords.
    static QString matchExpression(const QStringList& keywords);
    // The same for one keyword: "word", or ("word" OR "stem" *).
    static QString termExpression(const QString& keyword);
};

}  // namespace rapport::search
