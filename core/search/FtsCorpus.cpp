#include "search/FtsCorpus_p.h"

#include <QHash>
#include <QSqlError>
#include <QSqlQuery>
#include <algorithm>
#include <memory>
#include <vector>

#include "search/RelevanceEstimate_p.h"

namespace rapport::search {

namespace {

constexpr double kDayMs = 86400000.0;
constexpr double kHalfLifeDays = 30.0;
// Recency only breaks near-ties: at most +25 % for an item from today.
constexpr double kRecencyBoost = 0.25;
constexpr int kPlainSnippetChars = 160;

FtsCorpus makeMessages() {
    FtsCorpus c;
    c.kind = QStringLiteral("message");
    c.fts = QStringLiteral("messages_fts");
    c.base = QStringLiteral("messages");
    c.rowid = QStringLiteral("b.id");
    c.id = QStringLiteral("CAST(b.id AS TEXT)");
    c.title = QStringLiteral("''");
    c.time = QStringLiteral("b.timestamp");
    // Insertion order, like the match window: there is no index on timestamp alone, and
    // sorting a million rows (checking exclusions on each) would take seconds.
    c.newest = QStringLiteral("b.id DESC");
    c.author = QStringLiteral("b.sender");
    c.body = QStringLiteral("b.body");
    c.columns = {{0, 1.0}};
    // A retracted message is gone for the user, whatever the store keeps of it.
    c.visible = QStringLiteral("b.retracted = 0");
    c.joins = QStringLiteral(" LEFT JOIN conversations cv ON cv.id = b.conversation_id");
    c.conversation = QStringLiteral("cv.jid");
    c.snippetColumn = 0;
    c.textColumns = QStringLiteral("body");
    c.facetColumn = QStringLiteral("facets");
    return c;
}

FtsCorpus makeAnswers() {
    FtsCorpus c;
    c.kind = QStringLiteral("answer");
    c.fts = QStringLiteral("answers_fts");
    c.base = QStringLiteral("answers");
    c.rowid = QStringLiteral("b.rowid");
    c.id = QStringLiteral("b.id");
    c.title = QStringLiteral("b.title");
    c.time = QStringLiteral("coalesce(b.updated, b.created, 0)");
    c.newest = c.time + QLatin1String(" DESC");
    c.author = QStringLiteral("b.author");
    c.tags = QStringLiteral("b.tags");
    c.body = QStringLiteral("b.body");
    // Columns: title, body, tags. A word in the title says more than one in the body.
    c.columns = {{0, 2.0}, {1, 1.0}, {2, 1.0}};
    c.conversation = QStringLiteral("''");
    c.snippetColumn = 1;
    c.exactRanking = true;
    c.textColumns = QStringLiteral("title body tags");
    c.facetColumn = QStringLiteral("facets");
    c.tagsColumn = QStringLiteral("tags");
    return c;
}

FtsCorpus makeTips() {
    FtsCorpus c;
    c.kind = QStringLiteral("tip");
    c.fts = QStringLiteral("tips_fts");
    c.base = QStringLiteral("tips");
    c.rowid = QStringLiteral("b.rowid");
    c.id = QStringLiteral("b.id");
    c.title = QStringLiteral("''");
    c.time = QStringLiteral("coalesce(b.created, 0)");
    c.newest = c.time + QLatin1String(" DESC");
    c.author = QStringLiteral("b.author");
    c.tags = QStringLiteral("b.tags");
    c.body = QStringLiteral("b.body");
    c.columns = {{0, 1.0}, {1, 1.0}};
    c.conversation = QStringLiteral("''");
    c.snippetColumn = 0;
    c.exactRanking = true;
    c.textColumns = QStringLiteral("body tags");
    c.facetColumn = QStringLiteral("facets");
    c.tagsColumn = QStringLiteral("tags");
    return c;
}

QString escapeLike(QString s) {
    s.replace(QLatin1Char('\\'), QLatin1String("\\\\"));
    s.replace(QLatin1Char('%'), QLatin1String("\\%"));
    s.replace(QLatin1Char('_'), QLatin1String("\\_"));
    return s;
}

bool fail(const QSqlQuery& q, QString& error) {
    if (error.isEmpty()) {
        error = q.lastError().text();
    }
    return false;
}

}  // namespace

// Bare JIDs compare case-insensitively; a value without '@' is a local part on any domain.
void jidCondition(const QString& column, const QStringList& values, SqlCondition& out) {
    QStringList any;
    for (const QString& v : values) {
        if (v.contains(QLatin1Char('@'))) {
            any << column + QLatin1String(" = ? COLLATE NOCASE");
            out.binds << v;
        } else {
            any << column + QLatin1String(" LIKE ? ESCAPE '\\'");
            out.binds << escapeLike(v) + QLatin1String("@%");
        }
    }
    out.sql += QLatin1String(" AND (") + any.join(QLatin1String(" OR ")) + u')';
}

QString inText(const FtsCorpus& c, const QString& expression) {
    if (expression.isEmpty()) {
        return expression;
    }
    return u'{' + c.textColumns + QLatin1String("} : (") + expression + u')';
}

const FtsCorpus& FtsCorpus::messages() {
    static const FtsCorpus c = makeMessages();
    return c;
}

const FtsCorpus& FtsCorpus::answers() {
    static const FtsCorpus c = makeAnswers();
    return c;
}

const FtsCorpus& FtsCorpus::tips() {
    static const FtsCorpus c = makeTips();
    return c;
}

SqlCondition filterCondition(const FtsCorpus& c, const SearchFilters& f) {
    SqlCondition out;
    if (!c.visible.isEmpty()) {
        out.sql += QLatin1String(" AND ") + c.visible;
    }
    if (!f.from.isEmpty()) {
        jidCondition(c.author, f.from, out);
    }
    if (!f.with.isEmpty() && c.kind == u"message") {
        // Evaluated once (not correlated), then a lookup per candidate.
        SqlCondition peers;
        jidCondition(QStringLiteral("jid"), f.with, peers);
        out.sql +=
            QLatin1String(" AND b.conversation_id IN (SELECT id FROM conversations WHERE 1") +
            peers.sql + u')';
        out.binds += peers.binds;
    }
    if (!c.tags.isEmpty()) {
        for (const QString& tag : f.tags) {
            out.sql += QLatin1String(" AND instr(' ' || lower(") + c.tags +
                       QLatin1String(") || ' ', ?) > 0");
            out.binds << u' ' + tag + u' ';
        }
    }
    if (const auto ms = f.afterMs()) {
        out.sql += QLatin1String(" AND ") + c.time + QLatin1String(" >= ?");
        out.binds << *ms;
    }
    if (const auto ms = f.beforeMs()) {
        out.sql += QLatin1String(" AND ") + c.time + QLatin1String(" < ?");
        out.binds << *ms;
    }
    return out;
}

double recency(qint64 timestamp, qint64 nowMs) {
    const double ageDays = std::max<double>(0.0, double(nowMs - timestamp) / kDayMs);
    return 1.0 / (1.0 + ageDays / kHalfLifeDays);
}

double boostedScore(double relevance, qint64 timestamp, qint64 nowMs) {
    return relevance * (1.0 + kRecencyBoost * recency(timestamp, nowMs));
}

static void keepBest(QList<Candidate>& found, int keep, QList<Candidate>& out) {
    const auto better = [](const Candidate& a, const Candidate& b) {
        return a.score != b.score ? a.score > b.score : a.timestamp > b.timestamp;
    };
    const qsizetype n = std::min<qsizetype>(keep, found.size());
    std::partial_sort(found.begin(), found.begin() + n, found.end(), better);
    out += found.mid(0, n);
}

// SELECT list of rankMatches: rowid, time, then bm25() or one highlight() per scored column.
static QString rankColumns(const FtsCorpus& c, bool exactBm25) {
    QString cols = c.fts + QLatin1String(".rowid, ") + c.time;
    if (exactBm25) {
        QStringList weights;
        for (const auto& [column, weight] : c.columns) {
            weights << QString::number(weight);
        }
        // The facet words (the last column) narrow; they do not make a row more relevant.
        weights << QStringLiteral("0.0");
        return cols + QLatin1String(", bm25(") + c.fts + QLatin1String(", ") +
               weights.join(QLatin1String(", ")) + u')';
    }
    for (const auto& [column, weight] : c.columns) {
        cols += QLatin1String(", highlight(") + c.fts + u',' + QString::number(column) +
                QLatin1String(", char(2), char(3))");
    }
    return cols;
}

static qint64 maxRowid(QSqlDatabase& db, const FtsCorpus& c) {
    QSqlQuery q(db);
    q.setForwardOnly(true);
    if (q.exec(QLatin1String("SELECT max(rowid) FROM ") + c.base) && q.next()) {
        return q.value(0).toLongLong();
    }
    return 0;
}

bool rankMatches(QSqlDatabase& db, const FtsCorpus& c, const QString& match,
                 const SqlCondition& filter, const SearchOptions& options, qint64 nowMs, int keep,
                 QList<Candidate>& out, SearchKindStats& stats, QString& error) {
    const int window = std::max(1, options.window);
    // CROSS JOIN keeps the FTS table outermost, so its rowid order is used as is (no sort)
    // and the filters are checked only until window + 1 rows passed them.
    // Small corpora (answers, tips) count their phrases cheaply, and bm25() reads no text.
    const bool exact = options.exactBm25 || c.exactRanking;
    const QString sql = QLatin1String("SELECT ") + rankColumns(c, exact) + QLatin1String(" FROM ") +
                        c.fts + QLatin1String(" CROSS JOIN ") + c.base + QLatin1String(" b ON ") +
                        c.rowid + QLatin1String(" = ") + c.fts + QLatin1String(".rowid WHERE ") +
                        c.fts + QLatin1String(" MATCH ?") + filter.sql +
                        QLatin1String(" ORDER BY ") + c.fts + QLatin1String(".rowid DESC LIMIT ?");
    QSqlQuery q(db);
    q.setForwardOnly(true);
    if (!q.prepare(sql)) {
        return fail(q, error);
    }
    q.addBindValue(match);
    for (const QVariant& v : filter.binds) {
        q.addBindValue(v);
    }
    q.addBindValue(window + 1);
    if (!q.exec()) {
        return fail(q, error);
    }
    QList<Candidate> found;
    RelevanceEstimate estimate;
    qsizetype snippetIndex = -1;
    for (qsizetype i = 0; i < c.columns.size(); ++i) {
        if (c.columns.at(i).first == c.snippetColumn) {
            snippetIndex = i;
        }
    }
    while (q.next()) {
        Candidate cand;
        cand.corpus = &c;
        cand.rowid = q.value(0).toLongLong();
        cand.timestamp = q.value(1).toLongLong();
        if (exact) {
            cand.score = -q.value(2).toDouble();
        } else {
            QList<std::pair<QString, double>> texts;
            for (int i = 0; i < c.columns.size(); ++i) {
                texts.append({q.value(2 + i).toString(), c.columns.at(i).second});
            }
            estimate.addRow(texts);
            if (snippetIndex >= 0) {
                cand.highlighted = texts.at(snippetIndex).first;
            }
        }
        found.append(cand);
    }
    if (q.lastError().isValid()) {
        return fail(q, error);
    }
    q.finish();
    const bool windowed = found.size() > window;
    stats.plan = windowed ? SearchPlan::NewestWindow : SearchPlan::AllMatches;
    if (windowed) {
        found.removeLast();
    }
    stats.ranked = int(found.size());
    if (found.isEmpty()) {
        return true;
    }
    if (!exact) {
        // How common the query is: within the window, the share of rowids in its span that
        // matched; with every match in hand, the share of all rows.
        const double span = windowed ? double(found.first().rowid - found.last().rowid + 1)
                                     : double(std::max(maxRowid(db, c), found.first().rowid));
        const QList<double> relevance = estimate.scores(double(found.size()) / span);
        for (qsizetype i = 0; i < found.size(); ++i) {
            found[i].score = relevance.at(i);
        }
    }
    for (Candidate& cand : found) {
        cand.score = boostedScore(cand.score, cand.timestamp, nowMs);
    }
    keepBest(found, keep, out);
    return true;
}

bool newestRows(QSqlDatabase& db, const FtsCorpus& c, const QString& facets,
                const QString& excluded, const SqlCondition& filter, qint64 nowMs, int keep,
                QList<Candidate>& out, SearchKindStats& stats, QString& error) {
    QString sql;
    QString match;
    if (!facets.isEmpty()) {
        // As rankMatches: the index outermost, newest rowid first, stopping at `keep`.
        match = facets;
        if (!excluded.isEmpty()) {
            match += QLatin1String(" NOT ") + inText(c, excluded);
        }
        sql = QLatin1String("SELECT ") + c.fts + QLatin1String(".rowid, ") + c.time +
              QLatin1String(" FROM ") + c.fts + QLatin1String(" CROSS JOIN ") + c.base +
              QLatin1String(" b ON ") + c.rowid + QLatin1String(" = ") + c.fts +
              QLatin1String(".rowid WHERE ") + c.fts + QLatin1String(" MATCH ?") + filter.sql +
              QLatin1String(" ORDER BY ") + c.fts + QLatin1String(".rowid DESC LIMIT ?");
    } else {
        sql = QLatin1String("SELECT ") + c.rowid + QLatin1String(", ") + c.time +
              QLatin1String(" FROM ") + c.base + QLatin1String(" b WHERE 1") + filter.sql;
        if (!excluded.isEmpty()) {
            // Correlated, but FTS5 answers "MATCH and rowid = ?" with a seek per row.
            sql += QLatin1String(" AND NOT EXISTS (SELECT 1 FROM ") + c.fts +
                   QLatin1String(" WHERE ") + c.fts + QLatin1String(" MATCH ? AND ") + c.fts +
                   QLatin1String(".rowid = ") + c.rowid + u')';
        }
        sql += QLatin1String(" ORDER BY ") + c.newest + QLatin1String(" LIMIT ?");
    }
    QSqlQuery q(db);
    q.setForwardOnly(true);
    if (!q.prepare(sql)) {
        return fail(q, error);
    }
    if (!match.isEmpty()) {
        q.addBindValue(match);
    }
    for (const QVariant& v : filter.binds) {
        q.addBindValue(v);
    }
    if (match.isEmpty() && !excluded.isEmpty()) {
        q.addBindValue(inText(c, excluded));
    }
    q.addBindValue(keep);
    if (!q.exec()) {
        return fail(q, error);
    }
    stats.plan = SearchPlan::FiltersOnly;
    while (q.next()) {
        Candidate cand;
        cand.corpus = &c;
        cand.rowid = q.value(0).toLongLong();
        cand.timestamp = q.value(1).toLongLong();
        cand.score = recency(cand.timestamp, nowMs);
        out.append(cand);
        ++stats.ranked;
    }
    if (q.lastError().isValid()) {
        return fail(q, error);
    }
    return true;
}

// The display fields of one row, by rowid: one prepared lookup per kind, reused for every hit
// of that kind.
static QString describeSql(const FtsCorpus& c) {
    return QLatin1String("SELECT ") + c.id + QLatin1String(", ") + c.title +
           QLatin1String(", substr(") + c.body + QLatin1String(", 1, ") +
           QString::number(kPlainSnippetChars + 1) + QLatin1String("), ") + c.conversation +
           QLatin1String(" FROM ") + c.base + QLatin1String(" b") + c.joins +
           QLatin1String(" WHERE ") + c.rowid + QLatin1String(" = ?");
}

// FTS5 snippets of `rowids` in one statement: the doclist is walked over the rowids' span
// only and snippet() runs for these rows alone. ("MATCH ? AND rowid = ?" per row would seek
// every phrase's doclist again for each: 10 ms for 50 hits of a common word, against 1 ms.)
static bool snippetsOf(QSqlDatabase& db, const FtsCorpus& c, const QString& match,
                       const QList<qint64>& rowids, const SearchOptions& options,
                       QHash<qint64, QString>& out, QString& error) {
    QStringList list;
    for (const qint64 id : rowids) {
        list << QString::number(id);
    }
    const auto [low, high] = std::minmax_element(rowids.begin(), rowids.end());
    const QString sql = QLatin1String("SELECT rowid, snippet(") + c.fts + u',' +
                        QString::number(c.snippetColumn) + QLatin1String(", ?, ?, ?, ?) FROM ") +
                        c.fts + QLatin1String(" WHERE ") + c.fts +
                        QLatin1String(" MATCH ? AND rowid BETWEEN ? AND ? AND +rowid IN (") +
                        list.join(u',') + u')';
    QSqlQuery q(db);
    q.setForwardOnly(true);
    if (!q.prepare(sql)) {
        return fail(q, error);
    }
    q.addBindValue(options.highlightOpen);
    q.addBindValue(options.highlightClose);
    q.addBindValue(QStringLiteral("…"));
    q.addBindValue(std::clamp(options.snippetWords, 1, 64));
    q.addBindValue(match);
    q.addBindValue(*low);
    q.addBindValue(*high);
    if (!q.exec()) {
        return fail(q, error);
    }
    while (q.next()) {
        out.insert(q.value(0).toLongLong(), q.value(1).toString());
    }
    if (q.lastError().isValid()) {
        return fail(q, error);
    }
    return true;
}

static QString plainSnippet(QString text) {
    text = text.simplified();
    if (text.size() > kPlainSnippetChars) {
        text = text.left(kPlainSnippetChars) + QStringLiteral("…");
    }
    return text;
}

// A snippet like FTS5's snippet(), cut from highlight()'s output: `words` words from a
// little before the first match, with the markers turned into the caller's.
static QString snippetFromHighlight(const QString& highlighted, const SearchOptions& options) {
    const QStringList tokens = highlighted.simplified().split(u' ', Qt::SkipEmptyParts);
    const int words = std::clamp(options.snippetWords, 1, 64);
    qsizetype first = 0;
    while (first < tokens.size() && !tokens.at(first).contains(QChar(2))) {
        ++first;
    }
    if (first == tokens.size()) {
        first = 0;
    }
    const qsizetype start =
        std::max<qsizetype>(0, std::min(first - words / 4, tokens.size() - words));
    const qsizetype end = std::min<qsizetype>(tokens.size(), start + words);
    QString text = tokens.mid(start, end - start).join(u' ');
    // A phrase cut off at the end still closes its highlight.
    if (text.count(QChar(2)) > text.count(QChar(3))) {
        text += QChar(3);
    }
    text.replace(QChar(2), options.highlightOpen).replace(QChar(3), options.highlightClose);
    return (start > 0 ? QStringLiteral("…") : QString()) + text +
           (end < tokens.size() ? QStringLiteral("…") : QString());
}

bool describe(QSqlDatabase& db, const QList<Candidate>& candidates,
              const QHash<const FtsCorpus*, QString>& matches, const SearchOptions& options,
              QList<SearchHit>& out, QString& error) {
    // Snippets of the matches, for the hits that did not bring their highlighted text.
    QHash<const FtsCorpus*, QList<qint64>> needSnippets;
    for (const Candidate& cand : candidates) {
        if (cand.highlighted.isEmpty() && !matches.value(cand.corpus).isEmpty()) {
            needSnippets[cand.corpus].append(cand.rowid);
        }
    }
    QHash<const FtsCorpus*, QHash<qint64, QString>> snippets;
    for (auto it = needSnippets.cbegin(); it != needSnippets.cend(); ++it) {
        if (!snippetsOf(db, *it.key(), matches.value(it.key()), it.value(), options,
                        snippets[it.key()], error)) {
            return false;
        }
    }
    QHash<const FtsCorpus*, QSqlQuery*> lookups;
    std::vector<std::unique_ptr<QSqlQuery>> owned;
    for (const Candidate& cand : candidates) {
        QSqlQuery*& q = lookups[cand.corpus];
        if (!q) {
            owned.push_back(std::make_unique<QSqlQuery>(db));
            q = owned.back().get();
            q->setForwardOnly(true);
            if (!q->prepare(describeSql(*cand.corpus))) {
                return fail(*q, error);
            }
        }
        q->addBindValue(cand.rowid);
        if (!q->exec()) {
            return fail(*q, error);
        }
        if (!q->next()) {
            // Deleted since it was ranked (another writer): skip it.
            q->finish();
            continue;
        }
        SearchHit hit;
        hit.kind = cand.corpus->kind;
        hit.id = q->value(0).toString();
        hit.title = q->value(1).toString();
        const auto& ofKind = snippets[cand.corpus];
        hit.snippet = !cand.highlighted.isEmpty() ? snippetFromHighlight(cand.highlighted, options)
                      : ofKind.contains(cand.rowid) ? ofKind.value(cand.rowid)
                                                    : plainSnippet(q->value(2).toString());
        hit.conversation = q->value(3).toString();
        hit.score = cand.score;
        hit.timestamp = cand.timestamp;
        q->finish();
        out.append(hit);
    }
    return true;
}

}  // namespace rapport::search
