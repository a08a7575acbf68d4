// Private to core/search: one searchable kind (messages, answers, tips) described as the
// SQL it needs, so that ranking, filtering and snippets are written once for all three.
#pragma once

#include <QHash>
#include <QList>
#include <QSqlDatabase>
#include <QString>
#include <QVariantList>
#include <utility>

#include "search/SearchHit.h"
#include "search/SearchQuery.h"

namespace rapport::search {

// A scored row, before its snippet and display fields are fetched.
struct Candidate {
    const struct FtsCorpus* corpus = nullptr;
    qint64 rowid = 0;
    double score = 0;
    qint64 timestamp = 0;
    // The snippet column with each match between U+0002 and U+0003, when ranking had it
    // (highlight()): the snippet is then cut from it, without another full-text lookup.
    QString highlighted;
};

struct FtsCorpus {
    QString kind;    // SearchHit::kind
    QString fts;     // FTS5 table
    QString base;    // content table, aliased b
    QString rowid;   // b's column the FTS rowid points at
    QString id;      // SearchHit::id
    QString title;   // SQL for SearchHit::title
    QString time;    // SQL for SearchHit::timestamp (ms UTC)
    QString newest;  // ORDER BY for "newest first" without a match (see newestRows)
    QString author;  // SQL compared with from:
    QString tags;    // SQL of the space-separated tags, empty if none
    QString body;    // SQL of the text shown without a match
    // FTS columns that count for relevance, with their weights (as bm25()'s arguments).
    QList<std::pair<int, double>> columns;
    QString visible;       // SQL condition every hit meets, empty if none
    QString joins;         // extra joins for describe()
    QString conversation;  // SQL for SearchHit::conversation
    int snippetColumn;     // FTS column the snippet is cut from
    // Rank with bm25() rather than the estimate from highlight(): for corpora small enough
    // (tens of thousands of rows) that bm25()'s count of each phrase's rows is cheap. It
    // reads no text, so it is faster than highlight() there; snippets then come from
    // describe(), for the hits kept only.
    bool exactRanking = false;
    // The FTS columns of the text, space-separated: words typed by the user reach only these,
    // not the facet words.
    QString textColumns;
    QString facetColumn;  // the FTS column of filter words (see SearchFacets_p.h)
    QString tagsColumn;   // the FTS column of the tags, empty if none

    static const FtsCorpus& messages();
    static const FtsCorpus& answers();
    static const FtsCorpus& tips();
};

struct SqlCondition {
    QString sql;  // "" or " AND ..."
    QVariantList binds;
};

// The filters (and the rows always hidden) as conditions on b.
SqlCondition filterCondition(const FtsCorpus& c, const SearchFilters& f);

// `column` is one of the JIDs or local parts in `values` (see from: and with:).
void jidCondition(const QString& column, const QStringList& values, SqlCondition& out);

// An FTS5 expression searched in the corpus's text columns only.
QString inText(const FtsCorpus& c, const QString& expression);

// The recency factor in (0, 1]: 1 now, 1/2 after 30 days, 1/3 after 60 days...
double recency(qint64 timestamp, qint64 nowMs);

// Relevance with a small boost for recent items, so a tie goes to the newer one.
double boostedScore(double relevance, qint64 timestamp, qint64 nowMs);

// Ranks the rows that match `match` and the filters: the newest window + 1 matches in
// rowid order (cheap: FTS5 doclists are rowid-ordered), scored as they stream by. More
// than window rows means a very common query: the extra row is dropped and only the
// window is ranked. Appends at most `keep` best candidates.
bool rankMatches(QSqlDatabase& db, const FtsCorpus& c, const QString& match,
                 const SqlCondition& filter, const SearchOptions& options, qint64 nowMs, int keep,
                 QList<Candidate>& out, SearchKindStats& stats, QString& error);

// Filters (and exclusions) only: the newest `keep` rows, scored by recency. With `facets`
// (an FTS5 expression over the facet column), the rows come from the full-text index, which
// narrows by seeking; otherwise from the base table.
bool newestRows(QSqlDatabase& db, const FtsCorpus& c, const QString& facets,
                const QString& excluded, const SqlCondition& filter, qint64 nowMs, int keep,
                QList<Candidate>& out, SearchKindStats& stats, QString& error);

// Turns candidates into hits: id, title, conversation (one lookup per hit, by rowid) and a
// snippet of the matches of the corpus's expression in `matches`: cut from the candidate's
// highlighted text when it has one, else from one snippet() statement per kind; the start
// of the body when no text was searched for.
bool describe(QSqlDatabase& db, const QList<Candidate>& candidates,
              const QHash<const FtsCorpus*, QString>& matches, const SearchOptions& options,
              QList<SearchHit>& out, QString& error);

}  // namespace rapport::search
