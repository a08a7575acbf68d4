// Private to core/search: a message search's filters (with:, from:, after:, before:) as
// words of the `facets` column of messages_fts (see MessagesAddFacets in
// store/Migrations.cpp). ANDed with the words searched for, FTS5 narrows by seeking through
// its word lists instead of checking the filter on every match; the exact filter conditions
// still apply to what comes out, so facets only ever narrow, they never decide.
#pragma once

#include <QDate>
#include <QSqlDatabase>
#include <QString>
#include <optional>

#include "search/SearchQuery.h"

namespace rapport::search {

struct MessageFacets {
    QString expression;           // FTS5 expression over the facet words; empty: nothing narrows
    bool matchesNothing = false;  // e.g. with: names no conversation we have
};

// Dates covered by facet words. Messages stamped outside these years (a broken clock) are
// not found by searches with a date filter.
inline constexpr int kFirstFacetYear = 1970;
inline constexpr int kLastFacetYear = 2100;

// Looks up the conversations with: names; false (and error) if that fails.
bool messageFacets(QSqlDatabase& db, const SearchFilters& filters, MessageFacets& out,
                   QString& error);

// The fewest year, month and day words covering the UTC days first..last (inclusive), ORed;
// empty if first > last. Days outside the facet years are clamped to them.
QString dateFacets(QDate first, QDate last);

// The facet word of a from: value (a bare JID or a local part): f + hex of the local part.
QString senderFacet(const QString& from);

}  // namespace rapport::search
