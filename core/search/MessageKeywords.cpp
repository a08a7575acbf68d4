#include "search/MessageKeywords.h"

#include <QSet>
#include <algorithm>

#include "search/SearchQuery.h"

namespace rapport::search {

namespace {

const QSet<QString>& stopwords() {
    static const QSet<QString> words = [] {
        const char* const list[] = {
            // English function words
            "a", "about", "above", "after", "again", "against", "all", "also", "am", "an", "and",
            "any", "are", "aren", "as", "at", "be", "because", "been", "before", "being", "below",
            "between", "both", "but", "by", "can", "cannot", "could", "couldn", "did", "didn", "do",
            "does", "doesn", "doing", "don", "down", "during", "each", "even", "ever", "every",
            "few", "for", "from", "further", "had", "hadn", "has", "hasn", "have", "haven",
            "having", "he", "her", "here", "hers", "herself", "him", "himself", "his", "how", "i",
            "if", "in", "into", "is", "isn", "it", "its", "itself", "just", "let", "like", "ll",
            "me", "might", "more", "most", "must", "my", "myself", "no", "nor", "not", "now", "of",
            "off", "on", "once", "only", "or", "other", "our", "ours", "ourselves", "out", "over",
            "own", "same", "she", "should", "shouldn", "so", "some", "such", "than", "that", "the",
            "their", "theirs", "them", "themselves", "then", "there", "these", "they", "this",
            "those", "through", "to", "too", "under", "until", "up", "us", "very", "was", "wasn",
            "we", "were", "weren", "what", "when", "where", "which", "while", "who", "whom", "why",
            "will", "with", "won", "would", "wouldn", "you", "your", "yours", "yourself",
            "yourselves", "ve", "re",
            // Chat filler: in almost every customer message, says nothing about the problem
            "hi", "hello", "hey", "thanks", "thank", "thx", "please", "pls", "help", "dear",
            "regards", "cheers", "sorry", "ok", "okay", "yes", "yeah", "get", "got", "getting",
            "still", "anymore", "today", "tried", "try", "trying", "want", "wanted", "need",
            "needs", "know", "think", "since", "says", "said", "say", "keeps", "keep", "seems",
            "seem", "one", "thing", "something", "anything", "way", "really"};
        QSet<QString> s;
        for (const char* w : list) {
            s.insert(QString::fromLatin1(w));
        }
        return s;
    }();
    return words;
}

bool hasDigit(const QString& word) {
    return std::any_of(word.begin(), word.end(), [](QChar c) { return c.isDigit(); });
}

// "printing" -> "print", "updated" -> "updat": enough for a prefix query, not a real stemmer.
QString crudeStem(const QString& word) {
    static const char* const suffixes[] = {"ings", "ing", "ers", "er", "ed", "es", "s", "ly"};
    if (word.size() < 6 || hasDigit(word)) {
        return {};
    }
    for (const char* suffix : suffixes) {
        const QLatin1String s(suffix);
        if (word.endsWith(s) && word.size() - s.size() >= 4) {
            return word.chopped(s.size());
        }
    }
    return {};
}

}  // namespace

QStringList MessageKeywords::extract(const QString& message, int max) {
    QStringList out;
    QString word;
    const auto flush = [&] {
        const QString w = word.toLower();
        word.clear();
        if (out.size() >= max || out.contains(w) || !SearchQuery::hasWordCharacter(w)) {
            return;
        }
        if (w.size() < 3 && !(w.size() == 2 && hasDigit(w))) {
            return;
        }
        if (stopwords().contains(w)) {
            return;
        }
        out.append(w);
    };
    for (const QChar c : message) {
        // Letters, digits and combining marks make words, as in FTS5's unicode61.
        if (c.isLetterOrNumber() || c.isMark()) {
            word += c;
        } else if (!word.isEmpty()) {
            flush();
        }
    }
    if (!word.isEmpty()) {
        flush();
    }
    return out;
}

QString MessageKeywords::termExpression(const QString& keyword) {
    const QString stem = crudeStem(keyword);
    if (stem.isEmpty()) {
        return SearchQuery::quoted(keyword);
    }
    return u'(' + SearchQuery::quoted(keyword) + QLatin1String(" OR ") + SearchQuery::quoted(stem) +
           QLatin1String(" *)");
}

QString MessageKeywords::matchExpression(const QStringList& keywords) {
    QStringList parts;
    for (const QString& k : keywords) {
        parts << termExpression(k);
    }
    return parts.join(QLatin1String(" OR "));
}

}  // namespace rapport::search
