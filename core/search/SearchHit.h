// What a search returns: hits merged across messages, answers and tips, plus how each kind
// was searched (for tests, benchmarks and a debug overlay).
#pragma once

#include <QString>

namespace rapport::search {

//! \brief One search result.
struct SearchHit {
    QString kind;   // "message", "answer" or "tip"
    QString id;     // message row id (decimal), answer id, tip id
    QString title;  // answers only
    // A few words around the matches, with each match between SearchOptions::highlightOpen
    // and highlightClose (by default U+0002 and U+0003, which no typed text contains: the UI
    // HTML-escapes the snippet, then replaces them with <b> and </b>). Cut text is marked
    // with "…". Without text to match (filters only) it is the start of the body, unmarked.
    QString snippet;
    double score = 0;      // higher is better; only comparable within one search
    QString conversation;  // the peer's bare JID, messages only
    qint64 timestamp = 0;  // ms UTC: message time, answer update time, tip creation time
};

//! \brief A snippet as plain text: without the marks around the matches (the default
//! SearchOptions marks, U+0002 and U+0003), on one line.
inline QString withoutMatchMarks(const QString& snippet) {
    QString s = snippet;
    s.remove(QChar(0x0002));
    s.remove(QChar(0x0003));
    return s.simplified();
}

//! \brief How one kind (messages, answers or tips) was searched.
enum class SearchPlan {
    Skipped,       // not searched: excluded by kind:, with: or tag:, or nothing to search for
    FiltersOnly,   // no words to match: newest first among the items the filters keep
    AllMatches,    // few matches: every one was ranked
    NewestWindow,  // very many matches: only the newest SearchOptions::window were ranked
};

struct SearchKindStats {
    SearchPlan plan = SearchPlan::Skipped;
    int ranked = 0;  // rows scored (at most SearchOptions::window)
    double ms = 0;   // time spent finding and ranking this kind
};

struct SearchStats {
    SearchKindStats messages;
    SearchKindStats answers;
    SearchKindStats tips;
    double describeMs = 0;  // time spent reading the hits' fields and snippets
    QString error;          // the first database error, empty when all went well
};

struct SearchOptions {
    // "Now" for the recency boost, ms UTC; 0 means the current time.
    qint64 nowMs = 0;
    // How many of the newest matches of a very common query are ranked. Bounds the cost:
    // each candidate is read once, so cost grows with this, not with the number of matches
    // (~10 ms for 2,000 candidates over 1,000,000 messages on a busy 2-core machine).
    int window = 500;
    // Rank messages with FTS5's bm25() instead of the estimate (see SearchService.h). Exact,
    // but bm25() first counts every row that contains each phrase: ~15 ms for a word in
    // 700,000 rows, whatever the window. For benchmarks and comparisons. (Answers and tips,
    // tens of thousands of rows, always use bm25().)
    bool exactBm25 = false;
    QString highlightOpen = QStringLiteral("\u0002");
    QString highlightClose = QStringLiteral("\u0003");
    int snippetWords = 16;  // FTS5 allows at most 64
};

}  // namespace rapport::search
