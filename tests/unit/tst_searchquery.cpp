// The search query language: parsing, filters, degrading bad syntax to words, and the
// FTS5 expression it builds (which must never be able to carry user syntax into FTS5).
#include <QtTest>

#include "search/MessageKeywords.h"
#include "search/SearchQuery.h"

using namespace rapport::search;

class TestSearchQuery : public QObject {
    Q_OBJECT

private slots:
    void plainWordsAreAnded() {
        const auto q = SearchQuery::parse(QStringLiteral("  printer   error "));
        QCOMPARE(q.terms, (QStringList{"printer", "error"}));
        QCOMPARE(q.matchExpression(), QStringLiteral("(\"printer\" AND \"error\")"));
        QVERIFY(q.filters.isEmpty());
    }

    void singleWordHasNoParentheses() {
        QCOMPARE(SearchQuery::parse(QStringLiteral("printer")).matchExpression(),
                 QStringLiteral("\"printer\""));
    }

    void phrases() {
        const auto q = SearchQuery::parse(QStringLiteral("jam \"paper  tray\" x"));
        QCOMPARE(q.phrases, QStringList{"paper tray"});
        QCOMPARE(q.terms, (QStringList{"jam", "x"}));
        QCOMPARE(q.matchExpression(), QStringLiteral("(\"jam\" AND \"x\" AND \"paper tray\")"));
    }

    void phraseRightAfterWord() {
        const auto q = SearchQuery::parse(QStringLiteral("say\"hello world\""));
        QCOMPARE(q.terms, QStringList{"say"});
        QCOMPARE(q.phrases, QStringList{"hello world"});
    }

    void prefixes() {
        const auto q = SearchQuery::parse(QStringLiteral("print* er**"));
        QCOMPARE(q.prefixes, (QStringList{"print", "er"}));
        QVERIFY(q.terms.isEmpty());
        QCOMPARE(q.matchExpression(), QStringLiteral("(\"print\" * AND \"er\" *)"));
    }

    void oneCharacterPrefixAloneIsAnExactWord() {
        const auto q = SearchQuery::parse(QStringLiteral("p*"));
        QVERIFY(q.prefixes.isEmpty());
        QCOMPARE(q.terms, QStringList{"p"});
        QCOMPARE(q.matchExpression(), QStringLiteral("\"p\""));
    }

    void oneCharacterPrefixWithOtherWordsIsDropped() {
        const auto q = SearchQuery::parse(QStringLiteral("printer p*"));
        QVERIFY(q.prefixes.isEmpty());
        QCOMPARE(q.terms, QStringList{"printer"});
    }

    void exclusions() {
        const auto q = SearchQuery::parse(QStringLiteral("vpn -spam -\"out of office\" -ads*"));
        QCOMPARE(q.terms, QStringList{"vpn"});
        QCOMPARE(q.excludedTerms, QStringList{"spam"});
        QCOMPARE(q.excludedPhrases, QStringList{"out of office"});
        QCOMPARE(q.excludedPrefixes, QStringList{"ads"});
        QCOMPARE(q.matchExpression(),
                 QStringLiteral("\"vpn\" NOT (\"spam\" OR \"out of office\" OR \"ads\" *)"));
    }

    void onlyExclusionsHaveNoMatchButAnExclusionExpression() {
        const auto q = SearchQuery::parse(QStringLiteral("-spam"));
        QVERIFY(!q.hasText());
        QVERIFY(q.hasExclusions());
        QVERIFY(!q.isEmpty());
        QVERIFY(q.matchExpression().isEmpty());
        QCOMPARE(q.exclusionExpression(), QStringLiteral("\"spam\""));
    }

    void filters() {
        const auto q = SearchQuery::parse(QStringLiteral(
            "FROM:Alice@Example.COM/laptop with:bob@x.org kind:answers tag:WiFi tag:vpn "
            "after:2025-01-31 before:2025-02-01 vpn"));
        QCOMPARE(q.filters.from, QStringList{"alice@example.com"});
        QCOMPARE(q.filters.with, QStringList{"bob@x.org"});
        QCOMPARE(q.filters.kinds, QStringList{"answer"});
        QCOMPARE(q.filters.tags, (QStringList{"wifi", "vpn"}));
        QCOMPARE(q.filters.after, QDate(2025, 1, 31));
        QCOMPARE(q.filters.before, QDate(2025, 2, 1));
        QCOMPARE(q.terms, QStringList{"vpn"});
    }

    void datesAreUtcDayStarts() {
        const auto q = SearchQuery::parse(QStringLiteral("after:2025-01-31 before:2025-02-01"));
        // 2025-01-31T00:00:00Z and 2025-02-01T00:00:00Z
        QCOMPARE(*q.filters.afterMs(), Q_INT64_C(1738281600000));
        QCOMPARE(*q.filters.beforeMs(), Q_INT64_C(1738368000000));
        QVERIFY(!q.isEmpty());
        QVERIFY(!q.hasText());
    }

    void repeatedDatesKeepTheTightest() {
        const auto q = SearchQuery::parse(QStringLiteral(
            "after:2025-01-01 after:2025-03-01 before:2025-12-01 before:2025-06-01"));
        QCOMPARE(q.filters.after, QDate(2025, 3, 1));
        QCOMPARE(q.filters.before, QDate(2025, 6, 1));
    }

    void kindsAllowed() {
        QVERIFY(SearchQuery::parse(QStringLiteral("x")).filters.allowsKind("tip"));
        const auto withPeer = SearchQuery::parse(QStringLiteral("with:bob@x.org")).filters;
        QVERIFY(withPeer.allowsKind("message"));
        QVERIFY(!withPeer.allowsKind("answer"));
        const auto tagged = SearchQuery::parse(QStringLiteral("tag:vpn")).filters;
        QVERIFY(!tagged.allowsKind("message"));
        QVERIFY(tagged.allowsKind("tip"));
        const auto kinds = SearchQuery::parse(QStringLiteral("kind:tip kind:message")).filters;
        QVERIFY(kinds.allowsKind("message"));
        QVERIFY(!kinds.allowsKind("answer"));
    }

    void malformed_data() {
        QTest::addColumn<QString>("text");
        QTest::addColumn<QStringList>("terms");
        QTest::addColumn<QString>("match");
        QTest::newRow("unbalanced quote")
            << "\"unbalanced" << QStringList{"unbalanced"} << "\"unbalanced\"";
        QTest::newRow("unbalanced negated quote")
            << "-\"unbalanced words" << QStringList{"unbalanced", "words"}
            << "(\"unbalanced\" AND \"words\")";
        QTest::newRow("NEAR(") << "NEAR(" << QStringList{"NEAR("} << "\"NEAR(\"";
        QTest::newRow("NEAR group") << "NEAR(a b, 3)" << QStringList{"NEAR(a", "b,", "3)"}
                                    << "(\"NEAR(a\" AND \"b,\" AND \"3)\")";
        QTest::newRow("unknown filter") << "foo:bar" << QStringList{"foo:bar"} << "\"foo:bar\"";
        QTest::newRow("bad date") << "before:2026-13-45" << QStringList{"before:2026-13-45"}
                                  << "\"before:2026-13-45\"";
        QTest::newRow("bad date shape")
            << "after:yesterday" << QStringList{"after:yesterday"} << "\"after:yesterday\"";
        QTest::newRow("bad kind") << "kind:fish" << QStringList{"kind:fish"} << "\"kind:fish\"";
        QTest::newRow("empty filter") << "from:" << QStringList{"from:"} << "\"from:\"";
        QTest::newRow("lone dash") << "-" << QStringList{} << "";
        QTest::newRow("lone star") << "*" << QStringList{} << "";
        QTest::newRow("dash star") << "-* ^ ( ) : \"\"" << QStringList{} << "";
        QTest::newRow("operators")
            << "AND OR" << QStringList{"AND", "OR"} << "(\"AND\" AND \"OR\")";
        QTest::newRow("caret and column") << "^body:x" << QStringList{"^body:x"} << "\"^body:x\"";
        QTest::newRow("emoji only") << "😀 🎉" << QStringList{} << "";
    }

    void malformed() {
        QFETCH(QString, text);
        QFETCH(QStringList, terms);
        QFETCH(QString, match);
        const auto q = SearchQuery::parse(text);
        QCOMPARE(q.terms, terms);
        QVERIFY(q.filters.isEmpty());
        QCOMPARE(q.matchExpression(), match);
    }

    void quotesInsideTokensAreDoubled() {
        QCOMPARE(SearchQuery::quoted(QStringLiteral("a\"b")), QStringLiteral("\"a\"\"b\""));
    }

    void keywordsOfACustomerMessage() {
        QCOMPARE(MessageKeywords::extract(
                     QStringLiteral("Hi! My printer says E1234 after the update, please help 🙏")),
                 (QStringList{"printer", "e1234", "update"}));
        QCOMPARE(MessageKeywords::extract(QStringLiteral("is it on? ok")), QStringList{});
        QCOMPARE(MessageKeywords::matchExpression({"printing", "e1"}),
                 QStringLiteral("(\"printing\" OR \"print\" *) OR \"e1\""));
        QCOMPARE(MessageKeywords::termExpression(QStringLiteral("e1")), QStringLiteral("\"e1\""));
        QVERIFY(MessageKeywords::matchExpression({}).isEmpty());
    }
};

QTEST_GUILESS_MAIN(TestSearchQuery)
#include "tst_searchquery.moc"
