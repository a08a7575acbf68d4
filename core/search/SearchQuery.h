// The one query language of every search box (chats, answers, tips), parsed into a value,
// and turned into an FTS5 MATCH expression that cannot be a syntax error.
//
// Syntax (case-insensitive filter keys):
//   printer error        plain words, all must occur (AND)
//   "paper jam"          exact phrase, word order matters
//   print*               prefix; needs at least 2 letters or digits before the '*'
//   -spam  -"out of"     exclude a word, a prefix or a phrase
//   from:alice@x.org     sender of a message, author of an answer or tip; without '@'
//   from:alice           (a local part) it matches alice@<any domain>. Repeated: any of them.
//   with:bob@y.com       messages in the conversation with this peer (answers and tips
//                        have no conversation, so they drop out). Repeated: any of them.
//   kind:message|answer|tip   (plurals accepted) restrict to these kinds; repeated: any of them
//   tag:wifi             answers and tips carrying this whole tag (messages drop out);
//                        repeated: all of them
//   after:2024-01-31     on or after 00:00 UTC of that day (inclusive)
//   before:2024-02-01    strictly before 00:00 UTC of that day (exclusive), so
//                        "after:D before:D+1" is exactly day D (UTC)
//                        (items dated outside 1970-2099, i.e. by a broken clock, are not
//                        found by date filters)
//
// Bad syntax never fails: an unbalanced quote is ignored, a filter with an unknown key or a
// bad value (foo:bar, kind:fish, before:2026-13-45) is searched as the words typed, and FTS5
// operators typed by the user (AND, OR, NOT, NEAR(, ^, parentheses, ':', lone '*' or '-')
// are ordinary text: each token is quoted before it reaches FTS5, and tokens without a
// single letter or digit are dropped.
//
// Prefix minimum: a 1-character prefix ("p*") would match a large part of the index while
// the user is still typing, so it is not used as a prefix. If it is the only thing to search
// for, it is searched as the exact word ("p"); otherwise it is dropped.
//
// A bare token keeps its inner punctuation ("e-mail", "foo:bar", "user@example.com"); FTS5
// splits it into adjacent words, i.e. it is searched as a phrase, which is what was typed.
#pragma once

#include <QDate>
#include <QString>
#include <QStringList>
#include <optional>

namespace rapport::search {

struct SearchFilters {
    QStringList from;             // lower-cased bare JIDs or local parts; any of them
    QStringList with;             // lower-cased; any of them (messages only)
    QStringList kinds;            // "message", "answer", "tip"; empty means all
    QStringList tags;             // lower-cased whole tags; all of them (answers and tips only)
    std::optional<QDate> before;  // exclusive, 00:00 UTC
    std::optional<QDate> after;   // inclusive, 00:00 UTC

    bool isEmpty() const;
    // Milliseconds since the epoch (UTC) of the bounds; nullopt when there is none.
    std::optional<qint64> beforeMs() const;
    std::optional<qint64> afterMs() const;
    // Whether items of this kind ("message", "answer", "tip") can match at all, given
    // kind:, with: (messages only) and tag: (answers and tips only).
    bool allowsKind(const QString& kind) const;
};

struct SearchQuery {
    QStringList terms;     // plain words (may hold inner punctuation, see above)
    QStringList phrases;   // the text between the quotes
    QStringList prefixes;  // without the trailing '*', at least 2 letters or digits
    QStringList excludedTerms;
    QStringList excludedPhrases;
    QStringList excludedPrefixes;
    SearchFilters filters;

    static SearchQuery parse(const QString& text);

    // Something to match (terms, phrases or prefixes).
    bool hasText() const;
    bool hasExclusions() const;
    // Nothing to search for at all: no text, no exclusions, no filters.
    bool isEmpty() const;

    // The FTS5 expression for the positive part with the exclusions ANDed NOT in, e.g.
    // ("printer" AND "pri" *) NOT ("spam" OR "out of"). Empty when !hasText().
    QString matchExpression() const;
    // The exclusions alone ORed, for "exclusions only" queries that cannot use NOT
    // (FTS5 has no unary NOT). Empty when there are none.
    QString exclusionExpression() const;

    // Quotes one user token as an FTS5 string ("..." with inner quotes doubled).
    static QString quoted(const QString& token);
    // Whether the text has a letter or digit, i.e. gives FTS5 at least one token.
    static bool hasWordCharacter(const QString& text);
};

}  // namespace rapport::search
