// core/search: the one offline search over chats, answers and tips, and answer suggestions
// for an incoming customer message. Everything runs on an open SQLite connection handed in
// by the caller (inside Database::run(f), on the store thread); nothing here opens one.
//
// Tables read: messages, conversations, answers, tips and their FTS5 external-content
// indexes messages_fts, answers_fts, tips_fts (schema v5, kept in step by the store). Nothing
// is created or written.
//
// Query planning. "ORDER BY bm25() LIMIT n" scores every match: 1-2 s for a word in
// 700,000 of 1,000,000 messages. So each kind is searched with ONE statement that walks
// the matches newest first, in rowid order (the order FTS5 doclists are stored in, so no
// sort), checks the filters on the content row, and stops after window + 1 rows
// (SearchOptions::window, default 500):
//   - at most `window` rows came back: that was every match, all are ranked
//     (SearchPlan::AllMatches);
//   - window + 1 came back: the query is very common, and only the newest `window` matches
//     are ranked (SearchPlan::NewestWindow), so the cost is bounded whatever the corpus size.
//     For a query that common, recent messages are what support engineers are after; an old
//     message is still found by adding a word, a phrase, with: or a date.
// The number of rows returned doubles as the "how common is it" probe, so there is no
// separate probe and no fts5vocab table. "Newest" here is rowid order, i.e. insertion
// order: history fetched late (MAM catch-up) counts as new for the window; the score
// itself uses the real timestamp. Filters narrow inside FTS5: with:, from:, after:, before:
// and tag: become words of the index (SearchFacets_p.h) ANDed with the query, so a common
// word with a selective filter seeks through its doclist instead of checking the filter on
// each match (was 200 ms for "the with:bob" over 1,000,000 messages; now under 10 ms).
//
// Ranking. bm25() itself is not used by default: before scoring a row it counts every row
// that holds each phrase (its rarity), ~15 ms for a word in 700,000 rows even when only
// 1,000 rows are scored. Instead each candidate's highlight() (which reads only that row)
// gives its phrase instances and length, and RelevanceEstimate_p.h computes BM25 from them
// with the query's rarity taken from the walk (matches / rowid span). SearchOptions::
// exactBm25 switches to bm25() (same plan, exact scores, slower for common words).
// Answers and tips (tens of thousands of rows, where counting is cheap) always use bm25(),
// which reads no text and is faster there than highlight().
// The best `limit` rows of each kind are merged by score; only those get a snippet (one
// indexed lookup each: FTS5 serves "MATCH ? AND rowid = ?" with a seek).
//
// Score: BM25 relevance (higher is better; answers weigh title 2, body 1, tags 1) times
// (1 + 0.25 / (1 + age in days / 30)), a small boost that breaks ties in favour of recent
// items. Without words to match (only filters and/or exclusions), each kind yields its
// newest `limit` items that pass, merged newest first: through the index, newest rowid
// first, when a filter gives facet words (exclusions are then a NOT there); otherwise from
// the table (messages by rowid, which stops early, since there is no index on timestamp
// alone; answers and tips by time), exclusions checked with a per-row FTS5 seek.
#pragma once

#include <QList>
#include <QSqlDatabase>
#include <QString>

#include "search/SearchHit.h"
#include "search/SearchQuery.h"

namespace rapport::search {

class SearchService {
public:
    //! \brief Searches messages, answers and tips; at most `limit` hits, best first.
    //! Never fails on user input; a database error gives the hits found so far and is
    //! reported in stats->error (and logged under rapport.search).
    static QList<SearchHit> search(QSqlDatabase& db, const SearchQuery& query, int limit,
                                   SearchStats* stats = nullptr, const SearchOptions& options = {});
    static QList<SearchHit> search(QSqlDatabase& db, const QString& text, int limit,
                                   SearchStats* stats = nullptr,
                                   const SearchOptions& options = {}) {
        return search(db, SearchQuery::parse(text), limit, stats, options);
    }

    //! \brief The n answers most relevant to a customer's message: its keywords (see
    //! MessageKeywords), the rarest six in the library, ORed, ranked by bm25 with the title
    //! weighted 5, body 1, tags 2, times a small boost for answers used often. When a kept
    //! keyword is in many answers (400 or more), only the answers with the words in their
    //! title are ranked, or if too few have them, the newest 2,000 answers with the words: this
    //! keeps a suggestion under 10 ms at 20,000 answers. Any input is fine (empty, emoji, SQL,
    //! FTS5 syntax); no keywords means no suggestions.
    static QList<SearchHit> suggestAnswers(QSqlDatabase& db, const QString& customerMessage, int n,
                                           const SearchOptions& options = {},
                                           QString* error = nullptr);
};

}  // namespace rapport::search
