#include "search/SearchFacets_p.h"

#include <QSqlError>
#include <QSqlQuery>
#include <QStringList>

#include "search/FtsCorpus_p.h"

namespace rapport::search {

namespace {

// with: on a local part alone can name many conversations; past this, ORing their words
// costs more than it saves, and the exact filter does the work alone.
constexpr int kMaxConversationFacets = 200;

QString anyOf(const QStringList& words) {
    return words.size() == 1 ? words.first() : u'(' + words.join(QLatin1String(" OR ")) + u')';
}

// SQLite's lower(), which the facets column uses: ASCII letters only.
QByteArray asciiLower(QByteArray bytes) {
    for (char& ch : bytes) {
        if (ch >= 'A' && ch <= 'Z') {
            ch = char(ch - 'A' + 'a');
        }
    }
    return bytes;
}

}  // namespace

QString senderFacet(const QString& from) {
    const QString local = from.section(u'@', 0, 0);
    return u'f' + QString::fromLatin1(asciiLower(local.toUtf8()).toHex());
}

QString dateFacets(QDate first, QDate last) {
    first = std::max(first, QDate(kFirstFacetYear, 1, 1));
    last = std::min(last, QDate(kLastFacetYear, 12, 31));
    QStringList words;
    for (QDate d = first; d.isValid() && d <= last;) {
        if (d.day() == 1 && d.month() == 1 && d.year() % 10 == 0 &&
            QDate(d.year() + 9, 12, 31) <= last) {
            words << QStringLiteral("e%1").arg(d.year() / 10, 3, 10, QLatin1Char('0'));
            d = d.addYears(10);
        } else if (d.day() == 1 && d.month() == 1 && QDate(d.year(), 12, 31) <= last) {
            words << QStringLiteral("y%1").arg(d.year(), 4, 10, QLatin1Char('0'));
            d = d.addYears(1);
        } else if (d.day() == 1 && QDate(d.year(), d.month(), d.daysInMonth()) <= last) {
            words << u'm' + d.toString(QStringLiteral("yyyyMM"));
            d = d.addMonths(1);
        } else {
            words << u'd' + d.toString(QStringLiteral("yyyyMMdd"));
            d = d.addDays(1);
        }
    }
    return words.isEmpty() ? QString() : anyOf(words);
}

bool searchFacets(QSqlDatabase& db, const FtsCorpus& c, const SearchFilters& filters,
                  SearchFacets& out, QString& error) {
    out = SearchFacets{};
    if (c.facetColumn.isEmpty()) {
        return true;
    }
    QStringList parts;
    if (!filters.with.isEmpty() && c.kind == u"message") {
        SqlCondition peers;
        jidCondition(QStringLiteral("jid"), filters.with, peers);
        QSqlQuery q(db);
        q.setForwardOnly(true);
        if (!q.prepare(QLatin1String("SELECT id FROM conversations WHERE 1") + peers.sql +
                       QLatin1String(" LIMIT ") + QString::number(kMaxConversationFacets + 1))) {
            error = q.lastError().text();
            return false;
        }
        for (const QVariant& v : peers.binds) {
            q.addBindValue(v);
        }
        if (!q.exec()) {
            error = q.lastError().text();
            return false;
        }
        QStringList words;
        while (q.next()) {
            words << u'c' + QString::number(q.value(0).toLongLong());
        }
        if (words.isEmpty()) {
            out.matchesNothing = true;
            return true;
        }
        if (words.size() <= kMaxConversationFacets) {
            parts << anyOf(words);
        }
    }
    if (!filters.from.isEmpty()) {
        QStringList words;
        for (const QString& from : filters.from) {
            words << senderFacet(from);
        }
        words.removeDuplicates();
        parts << anyOf(words);
    }
    if (filters.after || filters.before) {
        // before: is exclusive, so its day is not covered.
        const QDate first = filters.after.value_or(QDate(kFirstFacetYear, 1, 1));
        const QDate last =
            filters.before ? filters.before->addDays(-1) : QDate(kLastFacetYear, 12, 31);
        const QString dates = dateFacets(first, last);
        if (dates.isEmpty()) {
            out.matchesNothing = true;
            return true;
        }
        parts << dates;
    }
    if (!parts.isEmpty()) {
        out.expression = u'{' + c.facetColumn + QLatin1String("} : (") +
                         parts.join(QLatin1String(" AND ")) + u')';
    }
    // Whole tags are words of the tags column too ("wi-fi" as the phrase "wi fi").
    if (!c.tagsColumn.isEmpty()) {
        for (const QString& tag : filters.tags) {
            if (SearchQuery::hasWordCharacter(tag)) {
                out.expression += (out.expression.isEmpty() ? QString() : QStringLiteral(" AND ")) +
                                  u'{' + c.tagsColumn + QLatin1String("} : ") +
                                  SearchQuery::quoted(tag);
            }
        }
    }
    return true;
}

}  // namespace rapport::search
