#include "search/SearchService.h"

#include <QDateTime>
#include <QElapsedTimer>
#include <QLoggingCategory>
#include <QSqlError>
#include <QSqlQuery>
#include <algorithm>
#include <cmath>

#include "search/FtsCorpus_p.h"
#include "search/MessageKeywords.h"
#include "search/SearchFacets_p.h"

Q_LOGGING_CATEGORY(lcSearch, "rapport.search")

namespace rapport::search {

namespace {

// Answers are few (thousands), so suggestions rank every match, then re-rank the best.
constexpr int kSuggestionCandidates = 50;
// ln(1 + use_count) * this: an answer used 100 times gains about 46 %.
constexpr double kUseCountBoost = 0.1;
// Suggestions rank answers by the rarest keywords of the message: at most this many,
constexpr int kSelectiveKeywords = 4;
// and a keyword in this many answers or more counts as common, used only to reach
constexpr int kCommonKeyword = 400;
// keywords at least.
constexpr int kMinKeywords = 2;
// When a kept keyword is common, bm25() over every answer holding it is the cost (24 ms for
// 15,000 of 20,000 answers): the answers with the words in their title are ranked instead,
// and if fewer than asked have them, the newest this many answers holding the words.
constexpr int kBroadWindow = 2000;

// The keywords a suggestion ranks by, and whether some of them are in many answers.
struct SelectiveKeywords {
    QString expression;  // FTS5 terms ORed; empty: no answer holds any keyword
    bool broad = false;
};

qint64 nowOf(const SearchOptions& options) {
    return options.nowMs != 0 ? options.nowMs : QDateTime::currentMSecsSinceEpoch();
}

bool better(const Candidate& a, const Candidate& b) {
    return a.score != b.score ? a.score > b.score : a.timestamp > b.timestamp;
}

// Of a customer's keywords, the few that tell answers apart. A word in most answers ("error"
// in a printer team's library) adds little to the ranking, yet bm25() would score every
// answer holding it: 60 ms over 20,000 answers for a chatty message. Each keyword's answer
// count is probed, stopping at a cap (so a common word costs no more than a rare one), and
// the rarest few are kept; if all are common, the least common still are.
SelectiveKeywords selectiveKeywords(QSqlDatabase& db, const FtsCorpus& c,
                                    const QStringList& keywords) {
    QSqlQuery probe(db);
    probe.setForwardOnly(true);
    const bool prepared = probe.prepare(
        QLatin1String("SELECT count(*) FROM (SELECT 1 FROM ") + c.fts + QLatin1String(" WHERE ") +
        c.fts + QLatin1String(" MATCH ? LIMIT ") + QString::number(kCommonKeyword) + u')');
    QList<std::pair<int, QString>> counted;
    for (const QString& k : keywords) {
        const QString term = MessageKeywords::termExpression(k);
        int count = kCommonKeyword;
        if (prepared) {
            probe.addBindValue(inText(c, term));
            if (probe.exec() && probe.next()) {
                count = probe.value(0).toInt();
            }
            probe.finish();
        }
        if (count > 0) {
            counted.append({count, term});
        }
    }
    std::stable_sort(counted.begin(), counted.end(),
                     [](const auto& a, const auto& b) { return a.first < b.first; });
    QStringList kept;
    bool broad = false;
    for (const auto& [count, term] : counted) {
        if (kept.size() >= kSelectiveKeywords ||
            (count >= kCommonKeyword && kept.size() >= kMinKeywords)) {
            break;
        }
        kept << term;
        broad = broad || count >= kCommonKeyword;
    }
    return {kept.join(QLatin1String(" OR ")), broad};
}

// The best answers for `match` by bm25 (title 5, body 1, tags 2, facets 0: a customer's
// words in an answer's title are the best sign), times a small boost for answers used
// often; only answers from rowid `fromRowid` on. False on an SQL error (in `error`).
bool rankAnswers(QSqlDatabase& db, const FtsCorpus& c, const QString& match, qint64 fromRowid,
                 QList<Candidate>& out, QString& error) {
    QSqlQuery q(db);
    q.setForwardOnly(true);
    bool ok = q.prepare(
        QStringLiteral("SELECT answers_fts.rowid, bm25(answers_fts, 5.0, 1.0, 2.0, 0.0) AS r, "
                       "coalesce(b.use_count, 0), %1 FROM answers_fts "
                       "CROSS JOIN answers b ON b.rowid = answers_fts.rowid "
                       "WHERE answers_fts MATCH ? AND answers_fts.rowid >= ? ORDER BY r LIMIT ?")
            .arg(c.time));
    if (ok) {
        q.addBindValue(match);
        q.addBindValue(fromRowid);
        q.addBindValue(kSuggestionCandidates);
        ok = q.exec();
    }
    while (ok && q.next()) {
        Candidate cand;
        cand.corpus = &c;
        cand.rowid = q.value(0).toLongLong();
        cand.timestamp = q.value(3).toLongLong();
        const double uses = double(std::max<qint64>(0, q.value(2).toLongLong()));
        cand.score = -q.value(1).toDouble() * (1.0 + kUseCountBoost * std::log1p(uses));
        out.append(cand);
    }
    if (!ok || q.lastError().isValid()) {
        error = q.lastError().text();
        return false;
    }
    return true;
}

// The rowid from which the newest kBroadWindow answers matching `match` are; 0 if fewer match.
qint64 newestWindowStart(QSqlDatabase& db, const FtsCorpus& c, const QString& match) {
    QSqlQuery q(db);
    q.setForwardOnly(true);
    q.prepare(QLatin1String("SELECT rowid FROM ") + c.fts + QLatin1String(" WHERE ") + c.fts +
              QLatin1String(" MATCH ? ORDER BY rowid DESC LIMIT 1 OFFSET ") +
              QString::number(kBroadWindow - 1));
    q.addBindValue(match);
    return q.exec() && q.next() ? q.value(0).toLongLong() : 0;
}

}  // namespace

QList<SearchHit> SearchService::search(QSqlDatabase& db, const SearchQuery& query, int limit,
                                       SearchStats* stats, const SearchOptions& options) {
    SearchStats local;
    SearchStats& st = stats ? *stats : local;
    st = SearchStats{};
    if (limit <= 0 || query.isEmpty()) {
        return {};
    }
    const qint64 now = nowOf(options);
    const QString match = query.matchExpression();
    const QString excluded = query.exclusionExpression();

    const std::pair<const FtsCorpus*, SearchKindStats*> kinds[] = {
        {&FtsCorpus::messages(), &st.messages},
        {&FtsCorpus::answers(), &st.answers},
        {&FtsCorpus::tips(), &st.tips},
    };
    QList<Candidate> candidates;
    QHash<const FtsCorpus*, QString> matches;
    for (const auto& [corpus, kindStats] : kinds) {
        if (!query.filters.allowsKind(corpus->kind)) {
            continue;
        }
        QElapsedTimer timer;
        timer.start();
        const SqlCondition filter = filterCondition(*corpus, query.filters);
        QString error;
        SearchFacets facets;
        bool ok = searchFacets(db, *corpus, query.filters, facets, error);
        if (ok && facets.matchesNothing) {
            continue;
        }
        if (ok && query.hasText()) {
            // Snippets highlight the words; the facet words only narrowed.
            matches.insert(corpus, inText(*corpus, match));
            QString corpusMatch = inText(*corpus, match);
            if (!facets.expression.isEmpty()) {
                corpusMatch += QLatin1String(" AND ") + facets.expression;
            }
            ok = rankMatches(db, *corpus, corpusMatch, filter, options, now, limit, candidates,
                             *kindStats, error);
        } else if (ok) {
            ok = newestRows(db, *corpus, facets.expression, excluded, filter, now, limit,
                            candidates, *kindStats, error);
        }
        kindStats->ms = double(timer.nsecsElapsed()) / 1e6;
        if (!ok) {
            // One broken kind (say, a missing index) must not hide the others.
            qCWarning(lcSearch) << "Searching" << corpus->kind << "failed:" << error;
            if (st.error.isEmpty()) {
                st.error = error;
            }
        }
    }
    std::sort(candidates.begin(), candidates.end(), better);
    if (candidates.size() > limit) {
        candidates.resize(limit);
    }
    QList<SearchHit> hits;
    QString error;
    QElapsedTimer timer;
    timer.start();
    if (!describe(db, candidates, matches, options, hits, error)) {
        qCWarning(lcSearch) << "Reading search hits failed:" << error;
        if (st.error.isEmpty()) {
            st.error = error;
        }
    }
    st.describeMs = double(timer.nsecsElapsed()) / 1e6;
    return hits;
}

QList<SearchHit> SearchService::suggestAnswers(QSqlDatabase& db, const QString& customerMessage,
                                               int n, const SearchOptions& options,
                                               QString* error) {
    const FtsCorpus& c = FtsCorpus::answers();
    const QStringList keywords = MessageKeywords::extract(customerMessage);
    if (n <= 0 || keywords.isEmpty()) {
        return {};
    }
    const SelectiveKeywords selective = selectiveKeywords(db, c, keywords);
    if (selective.expression.isEmpty()) {
        return {};  // no answer holds any of the words
    }
    const QString match = inText(c, selective.expression);
    QList<Candidate> candidates;
    QString rankError;
    bool ok = true;
    if (selective.broad) {
        // Common words: the answers with them in the title, else the newest answers with them.
        ok = rankAnswers(db, c, QLatin1String("{title} : (") + selective.expression + u')', 0,
                         candidates, rankError);
        if (ok && candidates.size() < n) {
            candidates.clear();
            ok = rankAnswers(db, c, match, newestWindowStart(db, c, match), candidates, rankError);
        }
    } else {
        ok = rankAnswers(db, c, match, 0, candidates, rankError);
    }
    if (!ok) {
        qCWarning(lcSearch) << "Suggesting answers failed:" << rankError;
        if (error) {
            *error = rankError;
        }
        return {};
    }
    std::sort(candidates.begin(), candidates.end(), better);
    if (candidates.size() > n) {
        candidates.resize(n);
    }
    QList<SearchHit> hits;
    QString describeError;
    if (!describe(db, candidates, {{&c, match}}, options, hits, describeError)) {
        qCWarning(lcSearch) << "Reading suggested answers failed:" << describeError;
        if (error) {
            *error = describeError;
        }
    }
    return hits;
}

}  // namespace rapport::search
