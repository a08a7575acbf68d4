// Private to core/search: a search's filters (with:, from:, after:, before:, tag:) as words
// of the full-text index: the `facets` column (see v5 in store/Migrations.cpp) and the tags
// column. ANDed with the words searched for, FTS5 narrows by seeking through its word lists
// instead of checking the filter on every match; the exact filter conditions still apply to
// what comes out, so facets only ever narrow, they never decide.
#pragma once

#include <QDate>
#include <QSqlDatabase>
#include <QString>
#include <optional>

#include "search/SearchQuery.h"

namespace rapport::search {

struct FtsCorpus;

struct SearchFacets {
    QString expression;  // FTS5 expression, with its column filters; empty: nothing narrows
    bool matchesNothing = false;  // e.g. with: names no conversation we have
};

// Dates covered by facet words. Items stamped outside these years (a broken clock) are
// not found by searches with a date filter.
inline constexpr int kFirstFacetYear = 1970;
inline constexpr int kLastFacetYear = 2099;

// The facets of `filters` in corpus `c`. For messages, looks up the conversations with:
// names; false (and error) if that fails.
bool searchFacets(QSqlDatabase& db, const FtsCorpus& c, const SearchFilters& filters,
                  SearchFacets& out, QString& error);

// The fewest decade, year, month and day words covering the UTC days first..last (inclusive), ORed;
// empty if first > last. Days outside the facet years are clamped to them.
QString dateFacets(QDate first, QDate last);

// The facet word of a from: value (a bare JID or a local part): f + hex of the local part.
QString senderFacet(const QString& from);

}  // namespace rapport::search
