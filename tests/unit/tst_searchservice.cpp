// Search over a fixture corpus in a real SQLite database with the store's schema:
// diacritics, prefixes, phrases, exclusions, every filter (narrowed through the facet
// words), malformed input, ranking, the bounded window for very common words, and answer
// suggestions.
#include <QDateTime>
#include <QSqlError>
#include <QSqlQuery>
#include <QTimeZone>
#include <QtTest>

#include "search/RelevanceEstimate_p.h"
#include "search/SearchFacets_p.h"
#include "search/SearchService.h"
#include "store/Migrations.h"

using namespace rapport::search;

namespace {

// The store indexes new messages itself (MessageStore, in the same transaction); here a
// trigger does it, so that the fixture can be plain INSERTs.
const char* const kIndexNewMessages =
    "CREATE TRIGGER test_messages_fts_insert AFTER INSERT ON messages BEGIN "
    "INSERT INTO messages_fts(rowid, body, facets) VALUES (new.id, new.body, new.facets); END";

qint64 utc(int y, int m, int d, int h = 12, int min = 0) {
    return QDateTime(QDate(y, m, d), QTime(h, min), QTimeZone::utc()).toMSecsSinceEpoch();
}

const qint64 kNow = utc(2025, 6, 15);
const QString kAlice = QStringLiteral("alice@customer.example");
const QString kBob = QStringLiteral("bob@client.example");
const QString kCarol = QStringLiteral("carol@team.example");
const QString kMe = QStringLiteral("me@rapport.example");

bool exec(QSqlDatabase& db, const QString& sql, const QVariantList& binds = {}) {
    QSqlQuery q(db);
    if (!q.prepare(sql)) {
        qWarning() << sql << q.lastError().text();
        return false;
    }
    for (const QVariant& v : binds) {
        q.addBindValue(v);
    }
    if (!q.exec()) {
        qWarning() << sql << q.lastError().text();
        return false;
    }
    return true;
}

// The store's own schema (all migrations), so search runs on the tables it will meet.
bool createSchema(QSqlDatabase& db) {
    for (const QString& sql : rapport::store::Migrations::currentSchema()) {
        if (!exec(db, sql)) {
            return false;
        }
    }
    return exec(db, QString::fromLatin1(kIndexNewMessages));
}

bool addMessage(QSqlDatabase& db, int id, int conversation, const QString& sender,
                const QString& body, qint64 ts, bool retracted = false) {
    return exec(db,
                QStringLiteral("INSERT INTO messages(id, conversation_id, direction, sender, body, "
                               "timestamp, retracted) VALUES (?, ?, ?, ?, ?, ?, ?)"),
                {id, conversation, sender == kMe ? 1 : 0, sender, body, ts, retracted ? 1 : 0});
}

bool addAnswer(QSqlDatabase& db, const QString& id, const QString& title, const QString& body,
               const QString& tags, int useCount, qint64 updated) {
    return exec(db,
                QStringLiteral("INSERT INTO answers(id, title, body, tags, author, created, "
                               "updated, version, use_count, state) VALUES (?, ?, ?, ?, ?, ?, "
                               "?, 1, ?, 'published')"),
                {id, title, body, tags, kCarol, updated, updated, useCount});
}

bool addTip(QSqlDatabase& db, const QString& id, const QString& author, const QString& body,
            const QString& tags, qint64 created) {
    return exec(db,
                QStringLiteral("INSERT INTO tips(id, author, body, tags, created, like_count, "
                               "liked_by_me) VALUES (?, ?, ?, ?, ?, 0, 0)"),
                {id, author, body, tags, created});
}

bool has(const QList<SearchHit>& hits, const QString& kind, const QString& id) {
    return std::any_of(hits.begin(), hits.end(),
                       [&](const SearchHit& h) { return h.kind == kind && h.id == id; });
}

QStringList ids(const QList<SearchHit>& hits) {
    QStringList out;
    for (const SearchHit& h : hits) {
        out << h.kind.left(1) + h.id;
    }
    return out;
}

}  // namespace

class TestSearchService : public QObject {
    Q_OBJECT

private:
    QSqlDatabase db;
    SearchOptions options;
    int connection = 0;

    QList<SearchHit> find(const QString& text, SearchStats* stats = nullptr, int limit = 20) {
        SearchStats local;
        SearchStats& st = stats ? *stats : local;
        const QList<SearchHit> hits = SearchService::search(db, text, limit, &st, options);
        if (!st.error.isEmpty()) {
            qWarning() << "search error for" << text << st.error;
        }
        return hits;
    }

    void fillFixture() {
        QVERIFY(exec(db,
                     QStringLiteral("INSERT INTO conversations(id, jid, kind) VALUES (1, ?, "
                                    "'chat'), (2, ?, 'chat'), (3, ?, 'chat')"),
                     {kAlice, kBob, kCarol}));
        QVERIFY(addMessage(db, 1, 1, kAlice, "Hi, my café printer shows E1234 after the update",
                           utc(2025, 6, 10)));
        QVERIFY(addMessage(db, 2, 1, kMe, "Please send me your résumé of the steps",
                           utc(2025, 6, 10, 12, 5)));
        QVERIFY(addMessage(db, 3, 2, kBob, "The printing queue is stuck", utc(2025, 5, 1)));
        QVERIFY(addMessage(db, 4, 2, kBob, "paper jam in tray two", utc(2025, 5, 2)));
        QVERIFY(addMessage(db, 5, 1, kAlice, "jam paper everywhere", utc(2025, 5, 3)));
        QVERIFY(addMessage(db, 6, 3, kCarol, "escalation policy: set foo:bar in the config",
                           utc(2024, 12, 31, 23, 59)));
        QVERIFY(addMessage(db, 7, 3, kCarol, "the tunnel drops every hour", utc(2025, 1, 1, 0)));
        QVERIFY(addMessage(db, 8, 2, kBob, "the tunnel drops every hour", utc(2024, 6, 1)));
        QVERIFY(addMessage(db, 9, 1, kAlice, "vpn spam offer, vpn tunnel cheap", utc(2025, 6, 1)));
        QVERIFY(addMessage(db, 10, 2, kBob, "vpn tunnel down again", utc(2025, 2, 1)));
        QVERIFY(
            addMessage(db, 11, 3, kCarol, "the vpn secret was retracted", utc(2025, 6, 2), true));
        QVERIFY(addMessage(db, 12, 3, kCarol,
                           "near the unbalanced load balancer, this and that or so",
                           utc(2025, 4, 1)));

        QVERIFY(addAnswer(db, "printer-e1234", "Printer shows error E1234 after firmware update",
                          "E1234 means the firmware update did not finish. Power-cycle the "
                          "printer and run the updater again.",
                          "printer firmware", 12, utc(2025, 5, 1)));
        QVERIFY(addAnswer(db, "vpn-reconnect", "VPN keeps disconnecting",
                          "Switch the VPN client to TCP mode and turn off power saving on the "
                          "Wi-Fi adapter.",
                          "vpn network wifi", 30, utc(2025, 3, 1)));
        QVERIFY(addAnswer(db, "password-reset", "Reset a forgotten password",
                          "Open the login page, choose Forgot password and follow the link in "
                          "the e-mail. Accounts lock after five failed log-ins.",
                          "account password login", 50, utc(2025, 1, 10)));
        QVERIFY(addAnswer(db, "paper-jam", "Clearing a paper jam",
                          "Open tray two, pull the jammed paper out slowly, close the tray and "
                          "print a test page.",
                          "printer paper", 5, utc(2025, 2, 10)));
        QVERIFY(addAnswer(db, "invoice-copy", "Getting a copy of an invoice",
                          "Invoices are in the billing portal under Documents; download the PDF.",
                          "billing invoice", 8, utc(2025, 4, 1)));
        QVERIFY(addAnswer(db, "cafe-wifi", "Café Wi-Fi captive portal",
                          "Open any plain http page so that the captive portal shows up.",
                          "network wifi", 2, utc(2025, 4, 2)));

        QVERIFY(addTip(db, "tip-prefix", kCarol,
                       "Type print* in search to find printer, printing and prints", "search howto",
                       utc(2025, 6, 1)));
        QVERIFY(addTip(db, "tip-resume", "dave@team.example",
                       "Résumé uploads fail over 10 MB; ask for a PDF", "uploads",
                       utc(2025, 3, 1)));
        QVERIFY(addTip(db, "tip-mtu", kCarol, "Tunnel drops: check the MTU first", "vpn network",
                       utc(2025, 2, 1)));
    }

private slots:
    void init() {
        db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"),
                                       QStringLiteral("search%1").arg(++connection));
        db.setDatabaseName(QStringLiteral(":memory:"));
        QVERIFY(db.open());
        QVERIFY(createSchema(db));
        options = SearchOptions{};
        options.nowMs = kNow;
        options.highlightOpen = QStringLiteral("[");
        options.highlightClose = QStringLiteral("]");
        fillFixture();
    }

    void cleanup() {
        const QString name = db.connectionName();
        db.close();
        db = QSqlDatabase();
        QSqlDatabase::removeDatabase(name);
    }

    void diacritics() {
        auto hits = find("cafe");
        QVERIFY(has(hits, "message", "1"));
        QVERIFY(has(hits, "answer", "cafe-wifi"));
        hits = find("resume");
        QVERIFY(has(hits, "message", "2"));
        QVERIFY(has(hits, "tip", "tip-resume"));
        // And the other way round: typed with the accent, found without (and with).
        QVERIFY(has(find("résumé"), "message", "2"));
    }

    void prefix() {
        auto hits = find("print*");
        QVERIFY(has(hits, "message", "1"));  // printer
        QVERIFY(has(hits, "message", "3"));  // printing
        QVERIFY(has(hits, "answer", "printer-e1234"));
        // Without the star it is a whole word: "printer" is not "print".
        hits = find("print");
        QVERIFY(!has(hits, "message", "1"));
        QVERIFY(has(hits, "answer", "paper-jam"));
    }

    void shortPrefix() {
        // "p*" alone is the exact word "p" (nothing here), never every word starting with p.
        QVERIFY(find("p*").isEmpty());
        // With other words it is dropped.
        // (Were "z*" kept, as a prefix or as the word "z", nothing would match.)
        QCOMPARE(ids(find("printing z*")), (QStringList{"m3", "ttip-prefix"}));
    }

    void phrase() {
        auto hits = find("\"paper jam\"");
        QVERIFY(has(hits, "message", "4"));
        QVERIFY(!has(hits, "message", "5"));  // "jam paper": wrong order
        hits = find("paper jam kind:message");
        QVERIFY(has(hits, "message", "4"));
        QVERIFY(has(hits, "message", "5"));
    }

    void exclusion() {
        auto hits = find("vpn -spam");
        QVERIFY(has(hits, "message", "10"));
        QVERIFY(!has(hits, "message", "9"));
        hits = find("tunnel -\"every hour\" kind:message");
        QStringList found = ids(hits);
        found.sort();
        QCOMPARE(found, (QStringList{"m10", "m9"}));
        hits = find("vpn -sp*");
        QVERIFY(has(hits, "message", "10"));
        QVERIFY(!has(hits, "message", "9"));
    }

    void onlyExclusions() {
        SearchStats stats;
        const auto hits = find("-vpn -tunnel kind:message", &stats);
        QVERIFY(stats.error.isEmpty());
        QCOMPARE(stats.messages.plan, SearchPlan::FiltersOnly);
        // Newest first; 9, 10 (vpn), 7, 8 (tunnel) and 11 (retracted) are out.
        QCOMPARE(ids(hits), (QStringList{"m2", "m1", "m5", "m4", "m3", "m12", "m6"}));
        QVERIFY(!hits.first().snippet.contains(u'['));
    }

    void onlyFilters() {
        SearchStats stats;
        const auto hits = find("from:alice@customer.example", &stats);
        QVERIFY(stats.error.isEmpty());
        QCOMPARE(ids(hits), (QStringList{"m1", "m9", "m5"}));
        QCOMPARE(hits.first().snippet,
                 QStringLiteral("Hi, my café printer shows E1234 after the update"));
        QVERIFY(find("").isEmpty());
    }

    void fromFilter() {
        auto hits = find("paper from:alice@customer.example");
        QCOMPARE(ids(hits), QStringList{"m5"});
        // Case-insensitive, resource dropped, and a local part matches any domain.
        QCOMPARE(ids(find("paper from:Alice@Customer.Example/phone")), QStringList{"m5"});
        QCOMPARE(ids(find("paper from:alice")), QStringList{"m5"});
        QCOMPARE(ids(find("paper from:bob")), QStringList{"m4"});
        // Tips and answers by their author.
        QCOMPARE(ids(find("mtu from:carol@team.example")), QStringList{"ttip-mtu"});
        QVERIFY(find("mtu from:bob@client.example").isEmpty());
    }

    void withFilter() {
        auto hits = find("tunnel with:bob@client.example");
        QCOMPARE(ids(hits), (QStringList{"m10", "m8"}));
        for (const auto& h : hits) {
            QCOMPARE(h.conversation, kBob);
        }
        // Several peers: any of them.
        hits = find("tunnel with:bob@client.example with:carol@team.example");
        QVERIFY(has(hits, "message", "7"));
        QVERIFY(has(hits, "message", "8"));
        QVERIFY(!has(hits, "tip", "tip-mtu"));
    }

    void kindFilter() {
        auto hits = find("printer kind:answer");
        QVERIFY(!hits.isEmpty());
        for (const auto& h : hits) {
            QCOMPARE(h.kind, QStringLiteral("answer"));
        }
        QCOMPARE(hits.first().id, QStringLiteral("printer-e1234"));
        QCOMPARE(hits.first().title,
                 QStringLiteral("Printer shows error E1234 after firmware update"));
        QCOMPARE(ids(find("tunnel kind:tip")), QStringList{"ttip-mtu"});
        hits = find("tunnel kind:tip kind:message");
        QVERIFY(has(hits, "tip", "tip-mtu"));
        QVERIFY(has(hits, "message", "7"));
    }

    void tagFilter() {
        auto hits = find("tag:printer");
        QCOMPARE(ids(hits), (QStringList{"aprinter-e1234", "apaper-jam"}));  // newest first
        QVERIFY(find("tag:print").isEmpty());                                // whole tags only
        QCOMPARE(ids(find("tag:printer tag:paper")), QStringList{"apaper-jam"});
        hits = find("tunnel tag:vpn");  // no messages: they carry no tags
        QCOMPARE(ids(hits), QStringList{"ttip-mtu"});
        QCOMPARE(ids(find("tag:WIFI kind:answer captive")), QStringList{"acafe-wifi"});
    }

    void dateFilters() {
        // after is inclusive at 00:00 UTC: message 7 is at exactly 2025-01-01T00:00Z.
        auto hits = find("tunnel drops kind:message after:2025-01-01");
        QCOMPARE(ids(hits), QStringList{"m7"});
        // before is exclusive: 7 is out, 6 (2024-12-31T23:59Z) and 8 are in.
        hits = find("tunnel drops kind:message before:2025-01-01");
        QCOMPARE(ids(hits), QStringList{"m8"});
        QCOMPARE(ids(find("escalation before:2025-01-01")), QStringList{"m6"});
        QVERIFY(find("escalation after:2025-01-01").isEmpty());
        // One day: after:D before:D+1.
        QCOMPARE(ids(find("kind:message after:2025-06-10 before:2025-06-11")),
                 (QStringList{"m2", "m1"}));
        // Answers by their update time, tips by creation time.
        QCOMPARE(ids(find("printer kind:answer after:2025-03-01")), QStringList{"aprinter-e1234"});
        QCOMPARE(ids(find("kind:tip before:2025-03-01")), QStringList{"ttip-mtu"});
    }

    // The facet words (c<conversation>, y/m/d<date>, f<sender or author>) narrow searches but
    // are not text: typing one finds nothing (message, answer or tip), as a word or a prefix.
    void facetWordsAreNotText() {
        for (const char* typed : {"c1", "c2*", "e202", "y2025", "m202506", "d20250610", "d2*",
                                  "y2*", "f616c696365", "f6*"}) {
            QVERIFY2(find(QString::fromLatin1(typed)).isEmpty(), typed);
        }
    }

    // The fewest words: whole decades, years, months, then days.
    void dateFacetWords() {
        QCOMPARE(dateFacets(QDate(2024, 1, 1), QDate(2024, 12, 31)), QStringLiteral("y2024"));
        QCOMPARE(dateFacets(QDate(2024, 2, 1), QDate(2024, 2, 29)), QStringLiteral("m202402"));
        QCOMPARE(dateFacets(QDate(2024, 2, 29), QDate(2024, 2, 29)), QStringLiteral("d20240229"));
        QCOMPARE(dateFacets(QDate(2023, 12, 30), QDate(2025, 2, 2)),
                 QStringLiteral("(d20231230 OR d20231231 OR y2024 OR m202501 OR d20250201 OR "
                                "d20250202)"));
        QVERIFY(dateFacets(QDate(2024, 3, 2), QDate(2024, 3, 1)).isEmpty());
        // Open ends are clamped to the facet years.
        QCOMPARE(dateFacets(QDate(1900, 1, 1), QDate(1971, 1, 31)),
                 QStringLiteral("(y1970 OR m197101)"));
        // Decades: an open end costs a handful of words, not a hundred years.
        QCOMPARE(dateFacets(QDate(1900, 1, 1), QDate(2024, 2, 29)),
                 QStringLiteral("(e197 OR e198 OR e199 OR e200 OR e201 OR y2020 OR y2021 OR "
                                "y2022 OR y2023 OR m202401 OR m202402)"));
        QCOMPARE(dateFacets(QDate(2025, 12, 31), QDate(3000, 1, 1)),
                 QStringLiteral("(d20251231 OR y2026 OR y2027 OR y2028 OR y2029 OR e203 OR e204 "
                                "OR e205 OR e206 OR e207 OR e208 OR e209)"));
        QCOMPARE(senderFacet(QStringLiteral("Alice@customer.example")),
                 QStringLiteral("f616c696365"));
        QCOMPARE(senderFacet(QStringLiteral("alice")), QStringLiteral("f616c696365"));
    }

    // Date filters through the facet words find exactly the messages of the days asked for:
    // a message at the first and the last millisecond of every day for 15 months, searched
    // with ranges that start and end on day, month and year edges, and open ones.
    void dateFiltersMatchEveryDayExactly() {
        QVERIFY(exec(db, QStringLiteral("INSERT INTO conversations(id, jid) VALUES (9, ?)"),
                     {QStringLiteral("grid@x.example")}));
        const QDate first(2023, 11, 20), last(2025, 2, 10);
        QList<qint64> stamps;
        int id = 1000;
        for (QDate d = first; d <= last; d = d.addDays(1)) {
            const qint64 start = QDateTime(d, QTime(0, 0), QTimeZone::utc()).toMSecsSinceEpoch();
            for (const qint64 ts : {start, start + 86400000 - 1}) {
                QVERIFY(addMessage(db, id++, 9, QStringLiteral("grid@x.example"),
                                   QStringLiteral("grid point"), ts));
                stamps << ts;
            }
        }
        options.window = 100000;  // rank every match: the count is what is checked
        const auto ms = [](QDate d) {
            return QDateTime(d, QTime(0, 0), QTimeZone::utc()).toMSecsSinceEpoch();
        };
        const std::pair<const char*, const char*> ranges[] = {
            {"2024-01-01", "2025-01-01"}, {"2023-12-31", "2024-03-02"},
            {"2024-02-29", "2024-03-01"}, {"2024-05-17", "2024-09-03"},
            {"2023-11-20", "2023-11-21"}, {"", "2024-01-01"},
            {"2024-12-15", ""},           {"", "2023-11-20"},
            {"2025-02-11", ""},           {"2024-06-01", "2024-05-01"},
            {"1999-01-01", "2099-01-01"},
        };
        for (const auto& [after, before] : ranges) {
            QString text = QStringLiteral("grid with:grid@x.example");
            qint64 low = std::numeric_limits<qint64>::min();
            qint64 high = std::numeric_limits<qint64>::max();
            if (*after) {
                text += QStringLiteral(" after:") + QLatin1String(after);
                low = ms(QDate::fromString(QLatin1String(after), Qt::ISODate));
            }
            if (*before) {
                text += QStringLiteral(" before:") + QLatin1String(before);
                high = ms(QDate::fromString(QLatin1String(before), Qt::ISODate));
            }
            const auto expected = std::count_if(stamps.begin(), stamps.end(),
                                                [&](qint64 ts) { return ts >= low && ts < high; });
            QCOMPARE(find(text, nullptr, 2000).size(), qsizetype(expected));
            // The same rows with no words to search for, through the newest-rows path.
            const QString filtersOnly = text.mid(5);
            QCOMPARE(find(filtersOnly, nullptr, 2000).size(), qsizetype(expected));
        }
    }

    // A message whose time, sender or conversation changes is found under the new values.
    void changedMessageIsFoundByItsNewFacets() {
        QCOMPARE(ids(find("escalation after:2025-01-01")), QStringList{});
        QVERIFY(exec(db,
                     QStringLiteral("UPDATE messages SET timestamp = ?, conversation_id = 1 "
                                    "WHERE id = 6"),
                     {utc(2025, 4, 4)}));
        QCOMPARE(ids(find("escalation after:2025-04-04 before:2025-04-05")), QStringList{"m6"});
        QVERIFY(find("escalation before:2025-01-01").isEmpty());
        QCOMPARE(ids(find("escalation with:alice@customer.example")), QStringList{"m6"});
        QVERIFY(find("escalation with:carol@team.example").isEmpty());
        QVERIFY(exec(db, QStringLiteral("UPDATE messages SET sender = ? WHERE id = 6"), {kBob}));
        QCOMPARE(ids(find("escalation from:bob")), QStringList{"m6"});
        QVERIFY(find("escalation from:carol").isEmpty());
        QCOMPARE(ids(find("from:bob with:alice@customer.example")), QStringList{"m6"});
    }

    // Answers and tips are narrowed the same way: by date (answers: last update), author and
    // whole tags; an edit re-indexes them.
    void answersAndTipsByFacets() {
        QCOMPARE(ids(find("kind:answer after:2025-05-01 before:2025-05-02")),
                 QStringList{"aprinter-e1234"});
        QVERIFY(exec(db, QStringLiteral("UPDATE answers SET updated = ?, author = ? WHERE id = ?"),
                     {utc(2025, 4, 4), kBob, QStringLiteral("paper-jam")}));
        QCOMPARE(ids(find("kind:answer after:2025-04-04 before:2025-04-05")),
                 QStringList{"apaper-jam"});
        QCOMPARE(ids(find("kind:answer from:bob")), QStringList{"apaper-jam"});
        QVERIFY(exec(db, QStringLiteral("UPDATE tips SET created = ? WHERE id = ?"),
                     {utc(2023, 1, 1), QStringLiteral("tip-mtu")}));
        QCOMPARE(ids(find("tunnel kind:tip before:2023-01-02")), QStringList{"ttip-mtu"});
        QVERIFY(find("tunnel kind:tip after:2023-01-02").isEmpty());
        // A tag with inner punctuation is the phrase of its words, and still a whole tag.
        QVERIFY(addTip(db, "tip-wifi", kCarol, "Captive portals need a browser", "wi-fi guest",
                       utc(2025, 5, 5)));
        QCOMPARE(ids(find("tag:wi-fi")), QStringList{"ttip-wifi"});
        QCOMPARE(ids(find("portals tag:guest tag:wi-fi")), QStringList{"ttip-wifi"});
        QVERIFY(find("tag:fi").isEmpty());
        QVERIFY(find("tag:wi").isEmpty());
    }

    // with: naming nobody we talk to finds nothing, quickly, and no error.
    void withUnknownPeer() {
        SearchStats stats;
        QVERIFY(find("tunnel with:nobody@nowhere.example", &stats).isEmpty());
        QVERIFY(stats.error.isEmpty());
        QVERIFY(find("with:nobody@nowhere.example -spam", &stats).isEmpty());
        QVERIFY(stats.error.isEmpty());
        // An exclusion with a peer runs through the index.
        QCOMPARE(ids(find("with:alice@customer.example -jam")), (QStringList{"m2", "m1", "m9"}));
    }

    void malformed_data() {
        QTest::addColumn<QString>("text");
        QTest::addColumn<QString>("expected");  // a hit that must be there, or "" for none
        QTest::newRow("unbalanced quote") << "\"unbalanced"
                                          << "m12";
        QTest::newRow("unbalanced phrase") << "\"unbalanced load"
                                           << "m12";
        QTest::newRow("NEAR(") << "NEAR("
                               << "m12";
        QTest::newRow("NEAR group") << "NEAR(the unbalanced)"
                                    << "m12";
        QTest::newRow("unknown filter") << "foo:bar"
                                        << "m6";
        QTest::newRow("column filter") << "body:printer"
                                       << "";
        QTest::newRow("lone dash") << "-"
                                   << "";
        QTest::newRow("lone star") << "*"
                                   << "";
        QTest::newRow("operators") << "AND OR"
                                   << "m12";
        QTest::newRow("operators around words") << "OR this AND that NOT"
                                                << "";
        QTest::newRow("bad date") << "before:2026-13-45"
                                  << "";
        QTest::newRow("bad date and word") << "tunnel before:2026-13-45"
                                           << "";
        QTest::newRow("caret") << "^near"
                               << "m12";
        QTest::newRow("parentheses") << "(unbalanced"
                                     << "m12";
        QTest::newRow("sql") << "'; DROP TABLE messages; --"
                             << "";
        QTest::newRow("quotes") << "\"\"\"\" \""
                                << "";
        QTest::newRow("emoji") << "😀 printer 🎉"
                               << "m1";
        QTest::newRow("star inside") << "pr*nter"
                                     << "";
        QTest::newRow("dash inside") << "e-mail"
                                     << "apassword-reset";
    }

    void malformed() {
        QFETCH(QString, text);
        QFETCH(QString, expected);
        SearchStats stats;
        const auto hits = SearchService::search(db, text, 20, &stats, options);
        QVERIFY2(stats.error.isEmpty(), qPrintable(stats.error));
        if (!expected.isEmpty()) {
            QVERIFY2(ids(hits).contains(expected), qPrintable(ids(hits).join(u' ')));
        }
        // The database is intact.
        QVERIFY(has(find("escalation"), "message", "6"));
    }

    void conversationOfMessages() {
        const auto hits = find("tunnel kind:message");
        QCOMPARE(hits.size(), 4);
        for (const auto& h : hits) {
            const QString expected = h.id == u"7" ? kCarol : h.id == u"9" ? kAlice : kBob;
            QCOMPARE(h.conversation, expected);
        }
        QCOMPARE(find("résumé kind:message").first().conversation, kAlice);  // outgoing too
        QVERIFY(find("printer kind:answer").first().conversation.isEmpty());
    }

    void hitFields() {
        const auto hits = find("e1234 kind:message");
        QCOMPARE(hits.size(), 1);
        const SearchHit& h = hits.first();
        QCOMPARE(h.kind, QStringLiteral("message"));
        QCOMPARE(h.id, QStringLiteral("1"));
        QCOMPARE(h.timestamp, utc(2025, 6, 10));
        QVERIFY(h.title.isEmpty());
        QCOMPARE(h.snippet, QStringLiteral("Hi, my café printer shows [E1234] after the update"));
        QVERIFY(h.score > 0);
    }

    void defaultMarkers() {
        const auto hits = SearchService::search(db, QStringLiteral("cafe kind:message"), 5);
        QCOMPARE(hits.size(), 1);
        QVERIFY2(hits.first().snippet.contains(QStringLiteral("\u0002café\u0003")),
                 qPrintable(hits.first().snippet));
    }

    // A long message: the snippet is a window of snippetWords words a little before the
    // first match, cut with an ellipsis on each side; a phrase cut off at the end is closed.
    void snippetsOfLongMessages() {
        QStringList words;
        for (int i = 0; i < 40; ++i) {
            words << QStringLiteral("w%1").arg(i);
        }
        words[20] = QStringLiteral("zanzibar");
        QVERIFY(addMessage(db, 100, 1, kAlice, words.join(u' '), utc(2025, 7, 1)));
        options.snippetWords = 8;
        auto hits = find("zanzibar");
        QCOMPARE(hits.size(), 1);
        QCOMPARE(hits.first().snippet, QStringLiteral("…w18 w19 [zanzibar] w21 w22 w23 w24 w25…"));
        // At the very end, the window moves back to stay full.
        words[20] = QStringLiteral("w20");
        words[39] = QStringLiteral("kilimanjaro");
        QVERIFY(addMessage(db, 101, 1, kAlice, words.join(u' '), utc(2025, 7, 2)));
        hits = find("kilimanjaro");
        QCOMPARE(hits.size(), 1);
        QCOMPARE(hits.first().snippet,
                 QStringLiteral("…w32 w33 w34 w35 w36 w37 w38 [kilimanjaro]"));
        // A phrase that runs past the window still closes its highlight.
        words[39] = QStringLiteral("w39");
        words[10] = QStringLiteral("alpha");
        for (int i = 11; i < 30; ++i) {
            words[i] = QStringLiteral("beta");
        }
        QVERIFY(addMessage(db, 102, 1, kAlice, words.join(u' '), utc(2025, 7, 3)));
        hits = find("\"alpha beta beta beta beta beta beta beta beta\"");
        QCOMPARE(hits.size(), 1);
        QVERIFY2(hits.first().snippet.count(u'[') == hits.first().snippet.count(u']'),
                 qPrintable(hits.first().snippet));
        QVERIFY2(hits.first().snippet.endsWith(QStringLiteral("]…")),
                 qPrintable(hits.first().snippet));
    }

    void retractedMessagesAreNotFound() {
        QVERIFY(find("secret").isEmpty());
        QVERIFY(!has(find("vpn"), "message", "11"));
    }

    void recentWinsATie() {
        // 7 and 8 have the same text, so the same bm25; 7 is newer.
        const auto hits = find("\"tunnel drops every hour\" kind:message");
        QCOMPARE(ids(hits), (QStringList{"m7", "m8"}));
        QVERIFY(hits.at(0).score > hits.at(1).score);
    }

    void relevanceBeatsRecency() {
        // 9 says vpn twice in a short message; 10 once; recency must not undo that.
        const auto hits = find("vpn kind:message");
        QCOMPARE(ids(hits).mid(0, 2), (QStringList{"m9", "m10"}));
    }

    void mergedAcrossKindsByScore() {
        const auto hits = find("tunnel");
        QCOMPARE(hits.size(), 5);
        for (qsizetype i = 1; i < hits.size(); ++i) {
            QVERIFY(hits.at(i - 1).score >= hits.at(i).score);
        }
        QCOMPARE(find("tunnel", nullptr, 2).size(), 2);
    }

    void exactBm25RanksTheSame_data() {
        QTest::addColumn<QString>("text");
        QTest::addColumn<QString>("best");
        QTest::newRow("vpn") << "vpn kind:message"
                             << "m9";
        QTest::newRow("tie") << "\"tunnel drops every hour\""
                             << "m7";
        QTest::newRow("printer answers") << "printer kind:answer"
                                         << "aprinter-e1234";
        QTest::newRow("e1234 messages") << "e1234 kind:message"
                                        << "m1";
    }

    void exactBm25RanksTheSame() {
        QFETCH(QString, text);
        QFETCH(QString, best);
        for (const bool exact : {false, true}) {
            options.exactBm25 = exact;
            SearchStats stats;
            const auto hits = find(text, &stats);
            QVERIFY2(stats.error.isEmpty(), qPrintable(stats.error));
            QVERIFY(!hits.isEmpty());
            QCOMPARE(ids(hits).first(), best);
        }
    }

    void relevanceEstimate() {
        RelevanceEstimate e;
        e.addRow({{QStringLiteral("a b \u0002x\u0003 c d e f"), 1.0}});  // once, long
        e.addRow({{QStringLiteral("\u0002x\u0003 y"), 1.0}});            // once, short
        e.addRow({{QStringLiteral("\u0002x\u0003 \u0002x\u0003 y z"), 1.0}});
        e.addRow({{QStringLiteral("title"), 2.0}, {QStringLiteral("\u0002x\u0003"), 1.0}});
        const QList<double> rare = e.scores(0.001);
        QCOMPARE(rare.size(), 4);
        QVERIFY(rare[1] > rare[0]);  // shorter document
        QVERIFY(rare[2] > rare[1]);  // more instances
        for (const double s : rare) {
            QVERIFY(s > 0);
        }
        // Rarer queries weigh more; one in most rows gets FTS5's floor, still positive.
        const QList<double> common = e.scores(0.9);
        QVERIFY(rare[0] > common[0] * 1000);
        QVERIFY(common[0] > 0);
    }

    void suggestions_data() {
        QTest::addColumn<QString>("message");
        QTest::addColumn<QString>("answer");
        QTest::newRow("printer error") << "my printer says E1234 after the update"
                                       << "printer-e1234";
        QTest::newRow("password") << "Hello, I forgot my password and now I can't log in :("
                                  << "password-reset";
        QTest::newRow("vpn") << "The VPN disconnects every few minutes when I'm on wifi"
                             << "vpn-reconnect";
        QTest::newRow("paper jam") << "Paper stuck in tray 2, printer won't print anymore"
                                   << "paper-jam";
        QTest::newRow("invoice") << "where can I download a copy of my last invoice?"
                                 << "invoice-copy";
        QTest::newRow("captive portal") << "at the cafe the wifi login page never shows up"
                                        << "cafe-wifi";
    }

    void suggestions() {
        QFETCH(QString, message);
        QFETCH(QString, answer);
        QString error;
        const auto hits = SearchService::suggestAnswers(db, message, 3, options, &error);
        QVERIFY2(error.isEmpty(), qPrintable(error));
        QVERIFY(!hits.isEmpty());
        QCOMPARE(hits.first().id, answer);
        QCOMPARE(hits.first().kind, QStringLiteral("answer"));
        QVERIFY(!hits.first().title.isEmpty());
        QVERIFY(hits.size() <= 3);
    }

    void suggestionsPreferUsedAnswers() {
        // Same words in two answers' bodies; the one used more wins.
        QVERIFY(addAnswer(db, "toner-a", "Toner", "Replace the cyan toner cartridge", "printer", 0,
                          utc(2025, 1, 1)));
        QVERIFY(addAnswer(db, "toner-b", "Toner", "Replace the cyan toner cartridge", "printer",
                          200, utc(2025, 1, 1)));
        const auto hits = SearchService::suggestAnswers(db, "cyan cartridge", 2, options);
        QCOMPARE(ids(hits), (QStringList{"atoner-b", "atoner-a"}));
    }

    // Only common words in the message ("printhub" is in 2,100 answers): ranking every answer
    // with them would cost tens of milliseconds at 20,000 answers. An answer with the words
    // in its title is preferred; without one, only the newest 2,000 answers with them are
    // ranked, so the oldest (which says "printhub" most often) is not among them.
    void suggestionsWithOnlyCommonWords() {
        QVERIFY(db.transaction());
        QVERIFY(addAnswer(db, "printhub-oldest", "Old notes",
                          "printhub printhub printhub printhub licence", "", 0, utc(2020, 1, 1)));
        for (int i = 0; i < 2100; ++i) {
            QVERIFY(addAnswer(db, QStringLiteral("ph-%1").arg(i), QStringLiteral("Note %1").arg(i),
                              QStringLiteral("about printhub and its licence, part %1").arg(i), "",
                              0, utc(2024, 1, 1)));
        }
        QVERIFY(db.commit());
        QString error;
        auto hits = SearchService::suggestAnswers(db, "printhub licence?", 3, options, &error);
        QVERIFY2(error.isEmpty(), qPrintable(error));
        QCOMPARE(hits.size(), 3);
        QVERIFY(!ids(hits).contains(QStringLiteral("aprinthub-oldest")));

        QVERIFY(addAnswer(db, "printhub-licence", "Printhub licence renewal",
                          "Renew it in the admin console.", "", 0, utc(2019, 1, 1)));
        hits = SearchService::suggestAnswers(db, "printhub licence?", 3, options, &error);
        QVERIFY2(error.isEmpty(), qPrintable(error));
        QCOMPARE(hits.first().id, QStringLiteral("printhub-licence"));
    }

    void suggestionsNeverFail_data() {
        QTest::addColumn<QString>("message");
        QTest::newRow("empty") << "";
        QTest::newRow("stopwords") << "hi, is it ok?";
        QTest::newRow("emoji") << "😀😀 🙏";
        QTest::newRow("sql") << "\"; DROP TABLE answers; --";
        QTest::newRow("fts syntax") << "NEAR(printer update, 2) OR ^x AND title:* \"";
        QTest::newRow("long") << QString(QStringLiteral("printer update ")).repeated(2000);
    }

    void suggestionsNeverFail() {
        QFETCH(QString, message);
        QString error;
        const auto hits = SearchService::suggestAnswers(db, message, 3, options, &error);
        QVERIFY2(error.isEmpty(), qPrintable(error));
        QVERIFY(hits.size() <= 3);
        QCOMPARE(SearchService::suggestAnswers(db, "firmware", 1, options).size(), 1);
    }

    // ~50,000 messages that all say "ticket": ranking every match would prefer the 100 old
    // ones that say it three times; the bounded window ranks only the newest matches.
    void veryCommonWordUsesTheNewestWindow() {
        QVERIFY(db.transaction());
        QSqlQuery q(db);
        QVERIFY(q.prepare(QStringLiteral(
            "INSERT INTO messages(id, conversation_id, direction, sender, body, timestamp) "
            "VALUES (?, ?, 0, ?, ?, ?)")));
        const int base = 1000;
        const int count = 50000;
        for (int i = 0; i < count; ++i) {
            const bool old = i < 100;
            const bool bobs = i % 500 == 0;  // a few in bob's conversation, spread out
            q.addBindValue(base + i);
            q.addBindValue(bobs ? 2 : 1);
            q.addBindValue(bobs ? kBob : kAlice);
            q.addBindValue(old ? QStringLiteral("ticket ticket ticket urgent %1").arg(i)
                               : QStringLiteral("ticket number %1 is open").arg(i));
            q.addBindValue(utc(2024, 1, 1) + qint64(i) * 60000);
            QVERIFY2(q.exec(), qPrintable(q.lastError().text()));
        }
        q.finish();
        QVERIFY(db.commit());

        options.window = 2000;
        SearchStats stats;
        auto hits = find("ticket kind:message", &stats, 10);
        QVERIFY(stats.error.isEmpty());
        QCOMPARE(stats.messages.plan, SearchPlan::NewestWindow);
        QCOMPARE(stats.messages.ranked, 2000);
        QCOMPARE(hits.size(), 10);
        for (const auto& h : hits) {
            QVERIFY2(h.id.toInt() >= base + count - 2000, qPrintable(h.id));
        }
        // The newest of equal relevance come first.
        QCOMPARE(hits.first().id, QString::number(base + count - 1));

        // A rare word ranks every match, old ones included.
        hits = find("urgent", &stats, 5);
        QCOMPARE(stats.messages.plan, SearchPlan::AllMatches);
        QCOMPARE(stats.messages.ranked, 100);
        QCOMPARE(hits.size(), 5);
        // So does a common word with a rare one.
        hits = find("ticket urgent", &stats, 5);
        QCOMPARE(stats.messages.plan, SearchPlan::AllMatches);
        QVERIFY(hits.first().id.toInt() < base + 100);

        // Filters apply before the window: bob's 100 tickets are all ranked, old ones too.
        hits = find("ticket with:bob@client.example", &stats, 200);
        QCOMPARE(stats.messages.plan, SearchPlan::AllMatches);
        QCOMPARE(stats.messages.ranked, 100);
        QVERIFY(has(hits, "message", QString::number(base)));

        // A bigger window ranks more (the window is the only bound).
        options.window = 60000;
        hits = find("ticket kind:message", &stats, 1);
        QCOMPARE(stats.messages.plan, SearchPlan::AllMatches);
        QCOMPARE(stats.messages.ranked, count);
        QVERIFY(hits.first().id.toInt() < base + 100);  // "ticket ticket ticket" wins
    }
};

QTEST_GUILESS_MAIN(TestSearchService)
#include "tst_searchservice.moc"
