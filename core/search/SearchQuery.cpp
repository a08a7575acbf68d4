#include "search/SearchQuery.h"

#include <QDateTime>
#include <QRegularExpression>
#include <QTimeZone>
#include <algorithm>

namespace rapport::search {

namespace {

constexpr int kMinPrefixLength = 2;

int wordCharacterCount(const QString& text) {
    int n = 0;
    for (const QChar c : text) {
        if (c.isLetterOrNumber()) {
            ++n;
        }
    }
    return n;
}

std::optional<QDate> parseDate(const QString& value) {
    static const QRegularExpression shape(QStringLiteral("^\\d{4}-\\d{2}-\\d{2}$"));
    if (!shape.match(value).hasMatch()) {
        return std::nullopt;
    }
    const QDate d = QDate::fromString(value, Qt::ISODate);
    if (!d.isValid()) {
        return std::nullopt;
    }
    return d;
}

std::optional<QString> canonicalKind(const QString& value) {
    const QString v = value.toLower();
    if (v == u"message" || v == u"messages" || v == u"chat" || v == u"chats") {
        return QStringLiteral("message");
    }
    if (v == u"answer" || v == u"answers") {
        return QStringLiteral("answer");
    }
    if (v == u"tip" || v == u"tips") {
        return QStringLiteral("tip");
    }
    return std::nullopt;
}

// A JID as typed in a filter: bare (any resource dropped), lower-cased. Needs a letter or
// digit and no inner whitespace (which the tokenizer already guarantees).
std::optional<QString> jidValue(const QString& value) {
    QString v = value.section(QLatin1Char('/'), 0, 0).toLower();
    if (!SearchQuery::hasWordCharacter(v) || v.startsWith(QLatin1Char('@')) ||
        v.endsWith(QLatin1Char('@')) || v.count(QLatin1Char('@')) > 1) {
        return std::nullopt;
    }
    return v;
}

void appendUnique(QStringList& list, const QString& value) {
    if (!list.contains(value)) {
        list.append(value);
    }
}

// Applies "key:value" as a filter; false when it is not a valid filter (the caller then
// searches the token as words).
bool applyFilter(SearchFilters& f, const QString& token) {
    const qsizetype colon = token.indexOf(QLatin1Char(':'));
    if (colon <= 0) {
        return false;
    }
    const QString key = token.left(colon).toLower();
    const QString value = token.mid(colon + 1);
    if (key == u"from" || key == u"with") {
        const auto jid = jidValue(value);
        if (!jid) {
            return false;
        }
        appendUnique(key == u"from" ? f.from : f.with, *jid);
        return true;
    }
    if (key == u"kind") {
        const auto kind = canonicalKind(value);
        if (!kind) {
            return false;
        }
        appendUnique(f.kinds, *kind);
        return true;
    }
    if (key == u"tag") {
        const QString tag = value.toLower();
        if (!SearchQuery::hasWordCharacter(tag)) {
            return false;
        }
        appendUnique(f.tags, tag);
        return true;
    }
    if (key == u"before" || key == u"after") {
        const auto date = parseDate(value);
        if (!date) {
            return false;
        }
        // Repeated bounds all hold, so the tightest one wins.
        if (key == u"before") {
            f.before = f.before ? std::min(*f.before, *date) : *date;
        } else {
            f.after = f.after ? std::max(*f.after, *date) : *date;
        }
        return true;
    }
    return false;
}

struct Token {
    QString text;
    bool quoted = false;   // came from "..."
    bool negated = false;  // had a leading '-'
};

// Splits on whitespace; "..." groups words (a '-' right before the quote negates it). A quote
// without a partner is dropped, and the rest is read as bare words.
QList<Token> tokenize(const QString& text) {
    QList<Token> tokens;
    const qsizetype n = text.size();
    qsizetype i = 0;
    while (i < n) {
        if (text.at(i).isSpace()) {
            ++i;
            continue;
        }
        Token t;
        qsizetype start = i;
        if (text.at(i) == u'-' && i + 1 < n && text.at(i + 1) == u'"') {
            t.negated = true;
            ++start;
        }
        if (text.at(start) == u'"') {
            const qsizetype close = text.indexOf(QLatin1Char('"'), start + 1);
            if (close >= 0) {
                t.quoted = true;
                t.text = text.mid(start + 1, close - start - 1).simplified();
                tokens.append(t);
                i = close + 1;
                continue;
            }
            // Unbalanced: forget the quote (and a '-' before it), read on as bare words.
            i = start + 1;
            continue;
        }
        // A bare token ends at whitespace or where a quote begins.
        qsizetype end = i;
        while (end < n && !text.at(end).isSpace() && text.at(end) != u'"') {
            ++end;
        }
        t.text = text.mid(i, end - i);
        if (t.text.size() > 1 && t.text.startsWith(QLatin1Char('-'))) {
            t.negated = true;
            t.text.remove(0, 1);
        }
        tokens.append(t);
        i = end;
    }
    return tokens;
}

QString joined(const QStringList& parts, const QString& op) {
    return parts.size() == 1 ? parts.first() : u'(' + parts.join(op) + u')';
}

}  // namespace

bool SearchFilters::isEmpty() const {
    return from.isEmpty() && with.isEmpty() && kinds.isEmpty() && tags.isEmpty() && !before &&
           !after;
}

static std::optional<qint64> startOfDayMs(const std::optional<QDate>& d) {
    if (!d) {
        return std::nullopt;
    }
    return d->startOfDay(QTimeZone::utc()).toMSecsSinceEpoch();
}

std::optional<qint64> SearchFilters::beforeMs() const {
    return startOfDayMs(before);
}

std::optional<qint64> SearchFilters::afterMs() const {
    return startOfDayMs(after);
}

bool SearchFilters::allowsKind(const QString& kind) const {
    if (!kinds.isEmpty() && !kinds.contains(kind)) {
        return false;
    }
    if (!with.isEmpty() && kind != u"message") {
        return false;
    }
    if (!tags.isEmpty() && kind == u"message") {
        return false;
    }
    return true;
}

bool SearchQuery::hasWordCharacter(const QString& text) {
    return std::any_of(text.begin(), text.end(), [](QChar c) { return c.isLetterOrNumber(); });
}

QString SearchQuery::quoted(const QString& token) {
    QString q = token;
    q.replace(QLatin1Char('"'), QLatin1String("\"\""));
    return u'"' + q + u'"';
}

SearchQuery SearchQuery::parse(const QString& text) {
    SearchQuery q;
    QStringList shortPrefixes;  // 1-character prefixes, see the header
    for (const Token& t : tokenize(text)) {
        if (t.quoted) {
            if (hasWordCharacter(t.text)) {
                appendUnique(t.negated ? q.excludedPhrases : q.phrases, t.text);
            }
            continue;
        }
        if (!t.negated && applyFilter(q.filters, t.text)) {
            continue;
        }
        QString word = t.text;
        bool prefix = false;
        while (word.endsWith(QLatin1Char('*'))) {
            word.chop(1);
            prefix = true;
        }
        if (!hasWordCharacter(word)) {
            continue;
        }
        if (prefix && wordCharacterCount(word) < kMinPrefixLength) {
            if (!t.negated) {
                appendUnique(shortPrefixes, word);
            }
            continue;
        }
        if (t.negated) {
            appendUnique(prefix ? q.excludedPrefixes : q.excludedTerms, word);
        } else {
            appendUnique(prefix ? q.prefixes : q.terms, word);
        }
    }
    if (!q.hasText() && !shortPrefixes.isEmpty()) {
        q.terms = shortPrefixes;
    }
    return q;
}

bool SearchQuery::hasText() const {
    return !terms.isEmpty() || !phrases.isEmpty() || !prefixes.isEmpty();
}

bool SearchQuery::hasExclusions() const {
    return !excludedTerms.isEmpty() || !excludedPhrases.isEmpty() || !excludedPrefixes.isEmpty();
}

bool SearchQuery::isEmpty() const {
    return !hasText() && !hasExclusions() && filters.isEmpty();
}

QString SearchQuery::exclusionExpression() const {
    QStringList parts;
    for (const QString& t : excludedTerms) {
        parts << quoted(t);
    }
    for (const QString& p : excludedPhrases) {
        parts << quoted(p);
    }
    for (const QString& p : excludedPrefixes) {
        parts << quoted(p) + QLatin1String(" *");
    }
    return parts.isEmpty() ? QString() : joined(parts, QStringLiteral(" OR "));
}

QString SearchQuery::matchExpression() const {
    if (!hasText()) {
        return {};
    }
    QStringList parts;
    for (const QString& t : terms) {
        parts << quoted(t);
    }
    for (const QString& p : phrases) {
        parts << quoted(p);
    }
    for (const QString& p : prefixes) {
        parts << quoted(p) + QLatin1String(" *");
    }
    QString expr = joined(parts, QStringLiteral(" AND "));
    if (hasExclusions()) {
        expr += QLatin1String(" NOT ") + exclusionExpression();
    }
    return expr;
}

}  // namespace rapport::search
