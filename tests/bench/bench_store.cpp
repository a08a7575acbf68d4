// The local store under a support engineer's profile: ingest rate of messages through
// MessageStore (beside raw FTS5 insertion of the same texts), time to open the profile,
// search latency through SearchService (beside raw FTS5 bm25 queries, the floor), answer
// suggestion latency and peak RSS. Prints figures with their targets; asserts nothing.
//
//   bench_store [--messages N] [--conversations C] [--answers A] [--tips T]
//               [--queries Q] [--dir DIR [--reuse [--only-suggestions]]]
//
// With --reuse, the profile left in DIR by an earlier run (same sizes) is searched again
// without building it: for working on search at the size.
#include <QCoreApplication>
#include <QDateTime>
#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QFileInfo>
#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <algorithm>
#include <cmath>
#include <cstdio>
#include <memory>
#include <random>
#include <vector>

#include "search/SearchQuery.h"
#include "search/SearchService.h"
#include "store/Database.h"
#include "store/MessageStore.h"
#include "sync/HistoryCatchUp.h"
#include "sync/MessageConversion.h"
#include "xmpp/ElementParser.h"
#include "xmpp/Namespaces.h"
#include "xmpp/ext/mam/MamExtension.h"

#ifdef __linux__
#include <fstream>
#include <string>
#endif
#if defined(__unix__) || defined(__APPLE__)
#include <sys/resource.h>
#endif

using namespace rapport;

namespace {

struct Config {
    qint64 messages = 100000;
    int conversations = 200;
    int answers = 2000;
    int tips = 5000;
    int queries = 200;
    QString dir;
    // Search an existing profile in --dir (built by an earlier run) instead of building one.
    bool reuse = false;
    bool onlySuggestions = false;  // with --reuse: section 4 alone, to tune suggestions
};

// ~2 years of history: 2024-01-01 .. 2026-01-01 UTC.
constexpr qint64 StartMs = 1704067200000LL;
constexpr qint64 SpanMs = 2LL * 365 * 24 * 3600 * 1000;
// Messages per transaction, as a catch-up stores the gap (the raw table gets the same).
constexpr int BatchSize = sync::HistoryCatchUp::StoreBatch;

// A vocabulary ordered by rank, sampled with Zipf frequencies (s = 1.05).
class Vocabulary {
public:
    Vocabulary() {
        const char* common[] = {
            "the",      "to",          "and",      "a",          "i",         "is",
            "it",       "you",         "of",       "for",        "on",        "in",
            "my",       "this",        "that",     "with",       "can",       "not",
            "we",       "have",        "please",   "error",      "printer",   "be",
            "do",       "after",       "when",     "again",      "thanks",    "update",
            "are",      "but",         "your",     "issue",      "from",      "at",
            "still",    "check",       "restart",  "working",    "problem",   "try",
            "now",      "if",          "or",       "what",       "install",   "could",
            "server",   "account",     "login",    "password",   "network",   "wifi",
            "email",    "sync",        "version",  "driver",     "queue",     "spooler",
            "paper",    "jam",         "settings", "file",       "backup",    "license",
            "database", "connection",  "timeout",  "crash",      "screen",    "window",
            "click",    "button",      "open",     "close",      "report",    "invoice",
            "customer", "ticket",      "support",  "today",      "yesterday", "morning",
            "just",     "also",        "there",    "about",      "will",      "would",
            "should",   "help",        "need",     "get",        "see",       "send",
            "message",  "log",         "attached", "screenshot", "shows",     "says",
            "failed",   "cannot",      "slow",     "fast",       "office",    "laptop",
            "phone",    "tablet",      "windows",  "mac",        "linux",     "android",
            "ios",      "browser",     "chrome",   "firefox",    "proxy",     "firewall",
            "vpn",      "certificate", "expired",  "renew",      "upgrade",   "downgrade",
            "rollback", "patch",       "release",  "beta",       "feature",   "bug",
            "fix",      "workaround",  "café",     "résumé",     "naïve",     "colleague",
            "manager",  "team",
        };
        const char* special[] = {
            "PrintHub", "CloudSync", "Ledger Pro", "DeskLink", "MailBridge", "ScanDock",
            "SQL1032N", "E1234",     "0x80070005", "E0042",    "SQL0911N",   "0xC0000005",
            "4.2.1",    "4.2.2",     "5.0",        "3.9.14",   "2024.2",     "HTTP 503",
        };
        int s = 0;
        for (const char* w : common) {
            m_words << QString::fromUtf8(w);
            // Product names and codes are fairly common too: spread them over the top ranks.
            if (m_words.size() % 8 == 0 && s < int(std::size(special))) {
                m_words << QString::fromUtf8(special[s++]);
            }
        }
        while (s < int(std::size(special))) {
            m_words << QString::fromUtf8(special[s++]);
        }
        // Pseudo-words for the long tail, deterministic.
        const char* syll[] = {"ka",  "ro",  "mi",  "ten", "lu",  "sar", "ve", "dor", "pi",  "qua",
                              "zen", "tor", "bel", "fin", "gra", "hul", "jo", "nex", "ost", "wy"};
        std::mt19937 rng(7);
        while (m_words.size() < 4000) {
            QString w;
            const int n = 2 + int(rng() % 3);
            for (int i = 0; i < n; ++i) {
                w += QLatin1String(syll[rng() % std::size(syll)]);
            }
            m_words << w;
        }
        double sum = 0;
        for (int r = 1; r <= m_words.size(); ++r) {
            sum += 1.0 / std::pow(r, 1.05);
            m_cumulative.push_back(sum);
        }
        for (double& c : m_cumulative) {
            c /= sum;
        }
    }

    const QString& sample(std::mt19937_64& rng) const {
        const double u = std::uniform_real_distribution<double>(0, 1)(rng);
        auto it = std::lower_bound(m_cumulative.begin(), m_cumulative.end(), u);
        const auto i = std::min<qsizetype>(it - m_cumulative.begin(), m_words.size() - 1);
        return m_words[i];
    }
    const QString& at(int rank) const { return m_words[std::min<int>(rank, m_words.size() - 1)]; }
    int size() const { return int(m_words.size()); }

    QString sentence(std::mt19937_64& rng, int minWords, int maxWords) const {
        const int n = minWords + int(rng() % unsigned(maxWords - minWords + 1));
        QString s;
        for (int i = 0; i < n; ++i) {
            if (i > 0) {
                s += (rng() % 12 == 0) ? QStringLiteral(". ") : QStringLiteral(" ");
            }
            s += sample(rng);
        }
        return s;
    }

private:
    QStringList m_words;
    std::vector<double> m_cumulative;
};

QString peerOf(int conversation) {
    return conversation % 4 == 3 ? QStringLiteral("colleague%1@example.com").arg(conversation)
                                 : QStringLiteral("customer%1@example.com").arg(conversation);
}

const QString Me = QStringLiteral("engineer@example.com");

// Batch b of the message stream: the same texts for the store and the raw FTS5 table.
QList<store::StoredMessage> makeBatch(const Vocabulary& vocab, const Config& cfg, qint64 first,
                                      int count) {
    std::mt19937_64 rng(0x5eed + quint64(first));
    QList<store::StoredMessage> batch;
    batch.reserve(count);
    for (qint64 i = first; i < first + count; ++i) {
        store::StoredMessage m;
        const int c = int(rng() % unsigned(cfg.conversations));
        m.peer = peerOf(c);
        const bool out = rng() % 2 == 0;
        m.direction = out ? store::StoredMessage::Direction::Outgoing
                          : store::StoredMessage::Direction::Incoming;
        m.sender = out ? Me : m.peer;
        m.body = vocab.sentence(rng, 4, 30);
        m.timestamp = QDateTime::fromMSecsSinceEpoch(
            StartMs + SpanMs * i / std::max<qint64>(cfg.messages, 1) + qint64(rng() % 1000),
            Qt::UTC);
        m.messageId = QStringLiteral("m%1").arg(i);
        m.originId = QStringLiteral("o%1").arg(i);
        m.stanzaId = QStringLiteral("s%1").arg(i);
        m.state = out ? store::StoredMessage::State::Read : store::StoredMessage::State::Received;
        batch << m;
    }
    return batch;
}

// The batch as our archive returns it: one MAM <result/> stanza per message, as Prosody
// 0.12 words them, the text the store's ingest starts from.
QStringList recordMamResults(const QList<store::StoredMessage>& batch) {
    QStringList stanzas;
    stanzas.reserve(batch.size());
    for (const store::StoredMessage& m : batch) {
        const bool out = m.direction == store::StoredMessage::Direction::Outgoing;
        stanzas
            << QStringLiteral(
                   "<message xmlns='jabber:client' to='%1/rapport'>"
                   "<result xmlns='urn:xmpp:mam:2' queryid='q1' id='%2'>"
                   "<forwarded xmlns='urn:xmpp:forward:0'>"
                   "<delay xmlns='urn:xmpp:delay' stamp='%3'/>"
                   "<message xmlns='jabber:client' %4 to='%5' type='chat' id='%6'>"
                   "<body>%7</body><origin-id xmlns='urn:xmpp:sid:0' id='%8'/>"
                   "<request xmlns='urn:xmpp:receipts'/><markable xmlns='urn:xmpp:chat-markers:0'/>"
                   "<active xmlns='http://jabber.org/protocol/chatstates'/>"
                   "</message></forwarded></result></message>")
                   .arg(Me, m.stanzaId, m.timestamp.toString(Qt::ISODateWithMs),
                        out ? QString() : QStringLiteral("from='%1/web'").arg(m.sender),
                        out ? m.peer : Me, m.messageId, m.body.toHtmlEscaped(), m.originId);
    }
    return stanzas;
}

// What HistoryCatchUp does with a page: parse, pick the archived chat messages, convert.
QList<store::StoredMessage> parseMamResults(const QStringList& stanzas) {
    static const Jid me(Me);
    QList<xmpp::MamMessage> page;
    page.reserve(stanzas.size());
    for (const QString& text : stanzas) {
        if (const Result<xmpp::Element> stanza = xmpp::parseElement(text)) {
            page << xmpp::MamExtension::parseResult(
                stanza.value().firstChild(u"result", xmpp::ns::Mam));
        }
    }
    return sync::toStored(page, me);
}

const char* TagList[] = {"wifi",  "printer", "login",   "billing", "vpn",    "sync",
                         "email", "backup",  "install", "license", "mac",    "windows",
                         "linux", "network", "driver",  "ledger",  "urgent", "howto"};

QString tagsFor(std::mt19937_64& rng) {
    QStringList tags;
    const int n = 1 + int(rng() % 3);
    for (int i = 0; i < n; ++i) {
        const QString t = QString::fromLatin1(TagList[rng() % std::size(TagList)]);
        if (!tags.contains(t)) {
            tags << t;
        }
    }
    return tags.join(QLatin1Char(' '));
}

Result<int> insertAnswers(QSqlDatabase& db, const Vocabulary& vocab, int first, int count) {
    std::mt19937_64 rng(0xa5 + quint64(first));
    QSqlQuery q(db);
    q.prepare(
        QStringLiteral("INSERT INTO answers(id, title, body, tags, author, created, updated, "
                       "use_count) VALUES (?, ?, ?, ?, ?, ?, ?, ?)"));
    for (int i = first; i < first + count; ++i) {
        const qint64 created = StartMs + qint64(rng() % quint64(SpanMs));
        q.addBindValue(QStringLiteral("answer-%1").arg(i));
        q.addBindValue(vocab.sentence(rng, 3, 8));
        q.addBindValue(vocab.sentence(rng, 30, 150));
        q.addBindValue(tagsFor(rng));
        q.addBindValue(QStringLiteral("colleague%1@example.com").arg(rng() % 50));
        q.addBindValue(created);
        q.addBindValue(created + qint64(rng() % 86400000));
        q.addBindValue(int(rng() % 100));
        if (!q.exec()) {
            return Error::make(ErrorCode::Io, q.lastError().text());
        }
    }
    return count;
}

Result<int> insertTips(QSqlDatabase& db, const Vocabulary& vocab, int first, int count) {
    std::mt19937_64 rng(0x71 + quint64(first));
    QSqlQuery q(db);
    q.prepare(
        QStringLiteral("INSERT INTO tips(id, author, body, tags, created, like_count) "
                       "VALUES (?, ?, ?, ?, ?, ?)"));
    for (int i = first; i < first + count; ++i) {
        q.addBindValue(QStringLiteral("tip-%1").arg(i));
        q.addBindValue(QStringLiteral("colleague%1@example.com").arg(rng() % 50));
        q.addBindValue(vocab.sentence(rng, 8, 60));
        q.addBindValue(tagsFor(rng));
        q.addBindValue(StartMs + qint64(rng() % quint64(SpanMs)));
        q.addBindValue(int(rng() % 20));
        if (!q.exec()) {
            return Error::make(ErrorCode::Io, q.lastError().text());
        }
    }
    return count;
}

// Varied queries built from the vocabulary, cycling through the kinds a user types.
QStringList makeQueries(const Vocabulary& vocab, const Config& cfg, int n) {
    std::mt19937_64 rng(42);
    auto common = [&] { return vocab.at(int(rng() % 40)); };
    auto mid = [&] { return vocab.at(40 + int(rng() % 300)); };
    auto rare = [&] { return vocab.at(1000 + int(rng() % unsigned(vocab.size() - 1000))); };
    auto peer = [&] { return peerOf(int(rng() % unsigned(cfg.conversations))); };
    const QStringList fixed = {
        QStringLiteral("the"),      QStringLiteral("printer"),
        QStringLiteral("pr*"),      QStringLiteral("e*"),
        QStringLiteral("SQL1032N"), QStringLiteral("0x80070005"),
        QStringLiteral("4.2.1"),    QStringLiteral("\"Ledger Pro\""),
        QStringLiteral("cafe"),     QStringLiteral("printhub error"),
    };
    const QStringList malformed = {
        QStringLiteral("\"unbalanced quote"),
        QStringLiteral("AND OR NOT"),
        QStringLiteral("NEAR(printer"),
        QStringLiteral("kind:fish"),
        QStringLiteral("before:2026-13-45 error"),
        QStringLiteral("* - ^ :"),
        QStringLiteral("'; DROP TABLE messages; --"),
        QStringLiteral("foo:bar"),
    };
    QStringList out;
    for (int i = 0; out.size() < n; ++i) {
        if (i < fixed.size()) {
            out << fixed[i];
            continue;
        }
        switch (i % 16) {
            case 0:
                out << common();
                break;
            case 1:
                out << rare();
                break;
            case 2:
                out << mid().left(2) + QLatin1Char('*');
                break;
            case 3:
                out << mid().left(3 + int(rng() % 2)) + QLatin1Char('*');
                break;
            case 4:
                out << common() + QLatin1Char(' ') + mid();
                break;
            case 5:
                out << QLatin1Char('"') + common() + QLatin1Char(' ') + common() + QLatin1Char('"');
                break;
            case 6:
                out << mid() + QStringLiteral(" -") + common();
                break;
            case 7:
                out << mid() + QStringLiteral(" from:") + peer().section(QLatin1Char('@'), 0, 0);
                break;
            case 8:
                out << common() + QStringLiteral(" with:") + peer();
                break;
            case 9:
                out << mid() + QStringLiteral(" kind:answer");
                break;
            case 10:
                out << common() + QStringLiteral(" tag:") +
                           QString::fromLatin1(TagList[rng() % std::size(TagList)]);
                break;
            case 11:
                out << mid() + QStringLiteral(" after:2025-06-01");
                break;
            case 12:
                out << common() + QStringLiteral(" before:2024-03-01");
                break;
            case 13:
                out << malformed[int(rng() % unsigned(malformed.size()))];
                break;
            case 14:
                out << rare() + QLatin1Char(' ') + rare();
                break;
            default:
                out << QStringLiteral("with:") + peer() + QStringLiteral(" -") + common();
                break;
        }
    }
    return out;
}

struct Percentiles {
    double p50 = 0, p95 = 0, p99 = 0, max = 0;
};

Percentiles percentiles(std::vector<double> ms) {
    Percentiles p;
    if (ms.empty()) {
        return p;
    }
    std::sort(ms.begin(), ms.end());
    auto at = [&](double f) {
        const auto i =
            std::min<size_t>(size_t(std::ceil(f * double(ms.size()))) - 1, ms.size() - 1);
        return ms[i];
    };
    p.p50 = at(0.50);
    p.p95 = at(0.95);
    p.p99 = at(0.99);
    p.max = ms.back();
    return p;
}

double peakRssMiB() {
#ifdef __linux__
    std::ifstream status("/proc/self/status");
    std::string line;
    while (std::getline(status, line)) {
        if (line.rfind("VmHWM:", 0) == 0) {
            return std::stod(line.substr(6)) / 1024.0;  // kB
        }
    }
#endif
#if defined(__unix__) || defined(__APPLE__)
    rusage usage{};
    if (getrusage(RUSAGE_SELF, &usage) == 0) {
#ifdef __APPLE__
        return double(usage.ru_maxrss) / (1024.0 * 1024.0);  // bytes
#else
        return double(usage.ru_maxrss) / 1024.0;  // kB
#endif
    }
#endif
    return -1;
}

// Answer suggestions for customer messages (the reply panel's three), as a customer writes
// them: a few sentences in the corpus's words.
void benchSuggestions(store::Database& db, const Vocabulary& vocab, const Config& cfg) {
    std::mt19937_64 rng(7);
    std::vector<double> suggestMs;
    int withSuggestions = 0;
    for (int i = 0; i < std::max(200, cfg.queries); ++i) {
        const QString message = vocab.sentence(rng, 8, 40);
        QElapsedTimer t;
        t.start();
        const qsizetype n =
            db.run([message](QSqlDatabase& d) {
                  return search::SearchService::suggestAnswers(d, message, 3).size();
              }).result();
        suggestMs.push_back(double(t.nsecsElapsed()) / 1e6);
        withSuggestions += n > 0 ? 1 : 0;
    }
    const Percentiles sp = percentiles(suggestMs);
    std::printf(
        "bench_store: suggestions for %zu customer messages (%d with suggestions): p50 %.2f "
        "ms, p95 %.2f ms, p99 %.2f ms (target < 10 ms), max %.2f ms\n",
        suggestMs.size(), withSuggestions, sp.p50, sp.p95, sp.p99, sp.max);
}

bool parseArgs(const QStringList& args, Config& cfg) {
    for (int i = 1; i < args.size(); ++i) {
        const QString& a = args[i];
        if (a == QLatin1String("--reuse")) {
            cfg.reuse = true;
            continue;
        }
        if (a == QLatin1String("--only-suggestions")) {
            cfg.onlySuggestions = true;
            continue;
        }
        if (i + 1 >= args.size()) {
            return false;
        }
        const QString v = args[++i];
        bool ok = true;
        if (a == QLatin1String("--messages")) {
            cfg.messages = v.toLongLong(&ok);
        } else if (a == QLatin1String("--conversations")) {
            cfg.conversations = v.toInt(&ok);
        } else if (a == QLatin1String("--answers")) {
            cfg.answers = v.toInt(&ok);
        } else if (a == QLatin1String("--tips")) {
            cfg.tips = v.toInt(&ok);
        } else if (a == QLatin1String("--queries")) {
            cfg.queries = v.toInt(&ok);
        } else if (a == QLatin1String("--dir")) {
            cfg.dir = v;
        } else {
            return false;
        }
        if (!ok) {
            return false;
        }
    }
    return (!cfg.reuse || !cfg.dir.isEmpty()) && (!cfg.onlySuggestions || cfg.reuse) &&
           cfg.messages >= 0 && cfg.conversations > 0 && cfg.answers >= 0 && cfg.tips >= 0 &&
           cfg.queries >= 0;
}

}  // namespace

int main(int argc, char** argv) {
    QCoreApplication app(argc, argv);
    std::setvbuf(stdout, nullptr, _IOLBF, 0);  // figures appear as they come, even piped
    Config cfg;
    if (!parseArgs(app.arguments(), cfg)) {
        std::fprintf(stderr,
                     "usage: bench_store [--messages N] [--conversations C] [--answers A] "
                     "[--tips T] [--queries Q] [--dir DIR [--reuse]]\n");
        return 2;
    }
    QTemporaryDir tmp;
    const QString dir = cfg.dir.isEmpty() ? tmp.path() : cfg.dir;
    QDir().mkpath(dir);
    const QString path = QDir(dir).filePath(QStringLiteral("bench_store.sqlite"));
    const QString rawPath = QDir(dir).filePath(QStringLiteral("bench_store_raw.sqlite"));
    if (cfg.reuse && !QFileInfo::exists(path)) {
        std::fprintf(stderr, "bench_store: --reuse: no profile at %s\n", qPrintable(path));
        return 1;
    }
    for (const QString& p : cfg.reuse ? QStringList{rawPath} : QStringList{path, rawPath}) {
        for (const char* suffix : {"", "-wal", "-shm"}) {
            QFile::remove(p + QLatin1String(suffix));
        }
    }
    std::printf(
        "bench_store: profile %lld messages, %d conversations, %d answers, %d tips, "
        "%d queries, at %s\n",
        qlonglong(cfg.messages), cfg.conversations, cfg.answers, cfg.tips, cfg.queries,
        qPrintable(path));
    const Vocabulary vocab;

    // 1. Build the profile: messages through MessageStore, answers and tips by plain SQL.
    auto opened = store::Database::open(path);
    if (!opened) {
        std::fprintf(stderr, "bench_store: cannot open %s: %s\n", qPrintable(path),
                     qPrintable(opened.error().message));
        return 1;
    }
    std::unique_ptr<store::Database> db = std::move(opened).value();
    if (!cfg.reuse) {
        {
            store::MessageStore messages(*db);
            qint64 storeNs = 0, parseNs = 0, stored = 0;
            for (qint64 first = 0; first < cfg.messages; first += BatchSize) {
                const int n = int(std::min<qint64>(BatchSize, cfg.messages - first));
                const QStringList recorded = recordMamResults(makeBatch(vocab, cfg, first, n));
                QElapsedTimer t;
                t.start();
                QList<store::StoredMessage> batch = parseMamResults(recorded);
                parseNs += t.nsecsElapsed();
                const Result<int> r =
                    messages.insertBatch(std::move(batch), store::MessageStore::Unread::Count)
                        .result();
                storeNs += t.nsecsElapsed();
                if (!r) {
                    std::fprintf(stderr, "bench_store: insertBatch: %s\n",
                                 qPrintable(r.error().message));
                    return 1;
                }
                stored += r.value();
            }
            const double storeRate = storeNs > 0 ? double(stored) / (double(storeNs) / 1e9) : 0;

            // The same texts into a standalone FTS5 table (same tokenizer and prefix options), in
            // a separate file with the store's pragmas, batches of BatchSize per transaction.
            qint64 rawNs = 0;
            {
                QSqlDatabase raw = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"),
                                                             QStringLiteral("bench_raw"));
                raw.setDatabaseName(rawPath);
                if (!raw.open()) {
                    std::fprintf(stderr, "bench_store: raw open failed\n");
                    return 1;
                }
                QSqlQuery q(raw);
                q.exec(QStringLiteral("PRAGMA journal_mode=WAL"));
                q.exec(QStringLiteral("PRAGMA synchronous=NORMAL"));
                q.exec(QStringLiteral("PRAGMA cache_size=-32768"));
                if (!q.exec(QStringLiteral(
                        "CREATE VIRTUAL TABLE raw_fts USING fts5(body, tokenize='unicode61 "
                        "remove_diacritics 2', prefix='2 3')"))) {
                    std::fprintf(stderr, "bench_store: %s\n", qPrintable(q.lastError().text()));
                    return 1;
                }
                QSqlQuery ins(raw);
                ins.prepare(QStringLiteral("INSERT INTO raw_fts(body) VALUES (?)"));
                for (qint64 first = 0; first < cfg.messages; first += BatchSize) {
                    const int n = int(std::min<qint64>(BatchSize, cfg.messages - first));
                    const QList<store::StoredMessage> batch = makeBatch(vocab, cfg, first, n);
                    QElapsedTimer t;
                    t.start();
                    raw.transaction();
                    for (const store::StoredMessage& m : batch) {
                        ins.addBindValue(m.body);
                        ins.exec();
                    }
                    raw.commit();
                    rawNs += t.nsecsElapsed();
                }
                ins.finish();
                q.finish();
                raw.close();
            }
            QSqlDatabase::removeDatabase(QStringLiteral("bench_raw"));
            for (const char* suffix : {"", "-wal", "-shm"}) {
                QFile::remove(rawPath + QLatin1String(suffix));
            }
            const double rawRate = rawNs > 0 ? double(cfg.messages) / (double(rawNs) / 1e9) : 0;
            std::printf(
                "bench_store: store ingest %.0f messages/s, parsed from MAM results and stored "
                "(%lld stored in %.2f s, of which parsing %.2f s)\n",
                storeRate, qlonglong(stored), double(storeNs) / 1e9, double(parseNs) / 1e9);
            std::printf("bench_store: raw FTS5 insert %.0f messages/s (%.2f s)\n", rawRate,
                        double(rawNs) / 1e9);
            std::printf("bench_store: ingest ratio store/raw %.2fx (target >= 0.6x)\n",
                        rawRate > 0 ? storeRate / rawRate : 0.0);
            // The same without parsing: what the store itself costs beside the raw table.
            const qint64 insertNs = storeNs - parseNs;
            const double insertRate = insertNs > 0 ? double(stored) / (double(insertNs) / 1e9) : 0;
            std::printf("bench_store: store insert alone %.0f messages/s, ratio %.2fx\n",
                        insertRate, rawRate > 0 ? insertRate / rawRate : 0.0);
        }
        {
            QElapsedTimer t;
            t.start();
            constexpr int Chunk = 10000;
            for (int first = 0; first < cfg.answers; first += Chunk) {
                const int n = std::min(Chunk, cfg.answers - first);
                const Result<int> r = db->transaction([&](QSqlDatabase& d) {
                                            return insertAnswers(d, vocab, first, n);
                                        }).result();
                if (!r) {
                    std::fprintf(stderr, "bench_store: answers: %s\n",
                                 qPrintable(r.error().message));
                    return 1;
                }
            }
            for (int first = 0; first < cfg.tips; first += Chunk) {
                const int n = std::min(Chunk, cfg.tips - first);
                const Result<int> r = db->transaction([&](QSqlDatabase& d) {
                                            return insertTips(d, vocab, first, n);
                                        }).result();
                if (!r) {
                    std::fprintf(stderr, "bench_store: tips: %s\n", qPrintable(r.error().message));
                    return 1;
                }
            }
            std::printf("bench_store: answers and tips inserted in %.2f s\n",
                        double(t.nsecsElapsed()) / 1e9);
        }
    }  // building the profile
    db.reset();
    std::printf("bench_store: profile size %.1f MiB\n",
                double(QFileInfo(path).size()) / (1024.0 * 1024.0));

    if (!cfg.onlySuggestions) {
        // 2. Time to open the existing profile: median of 5.
        std::vector<double> openMs;
        for (int i = 0; i < 5; ++i) {
            db.reset();
            QElapsedTimer t;
            t.start();
            auto r = store::Database::open(path);
            openMs.push_back(double(t.nsecsElapsed()) / 1e6);
            if (!r) {
                std::fprintf(stderr, "bench_store: reopen: %s\n", qPrintable(r.error().message));
                return 1;
            }
            db = std::move(r).value();
        }
        std::sort(openMs.begin(), openMs.end());
        std::printf(
            "bench_store: time to open %.1f ms median of 5 (min %.1f, max %.1f) "
            "(target < 100 ms)\n",
            openMs[2], openMs.front(), openMs.back());

        // 3. Search latency, beside raw FTS5 bm25 over messages_fts (the floor).
        const QStringList queries = makeQueries(vocab, cfg, cfg.queries);
        struct Timing {
            double searchMs = 0;
            double rawMs = -1;  // -1: no MATCH expression
            qsizetype hits = 0;
            bool error = false;
            bool window = false;
            QString split;  // where the time went, per kind
        };
        std::vector<double> searchMs, rawMs;
        struct Slow {
            double searchMs;
            double rawMs;
            QString text;
            QString split;
        };
        std::vector<Slow> slowest;
        int errors = 0, windowed = 0, empty = 0;
        qint64 totalHits = 0;
        // Warm up the page cache a little, untimed.
        for (int i = 0; i < std::min<int>(10, int(queries.size())); ++i) {
            db->run([&](QSqlDatabase& d) {
                  return search::SearchService::search(d, queries[i], 50);
              }).waitForFinished();
        }
        for (qsizetype i = 0; i < queries.size(); ++i) {
            const QString text = queries[i];
            const Timing tm =
                db->run([text, i](QSqlDatabase& d) {
                      Timing r;
                      // The words alone, in the body column (the facet column holds filter
                      // words, which plain FTS5 would not have).
                      QString match = search::SearchQuery::parse(text).matchExpression();
                      if (!match.isEmpty()) {
                          match = QStringLiteral("{body} : (") + match + u')';
                      }
                      auto runRaw = [&] {
                          if (match.isEmpty()) {
                              return;
                          }
                          QElapsedTimer t;
                          t.start();
                          QSqlQuery q(d);
                          q.setForwardOnly(true);
                          q.prepare(QStringLiteral(
                              "SELECT rowid, bm25(messages_fts) FROM messages_fts "
                              "WHERE messages_fts MATCH ? ORDER BY bm25(messages_fts) "
                              "LIMIT 50"));
                          q.addBindValue(match);
                          q.exec();
                          while (q.next()) {
                          }
                          r.rawMs = double(t.nsecsElapsed()) / 1e6;
                      };
                      auto runSearch = [&] {
                          search::SearchStats stats;
                          QElapsedTimer t;
                          t.start();
                          const QList<search::SearchHit> hits =
                              search::SearchService::search(d, text, 50, &stats);
                          r.searchMs = double(t.nsecsElapsed()) / 1e6;
                          r.hits = hits.size();
                          r.error = !stats.error.isEmpty();
                          r.window = stats.messages.plan == search::SearchPlan::NewestWindow;
                          r.split = QStringLiteral("messages %1, answers %2, tips %3, hits %4 ms")
                                        .arg(stats.messages.ms, 0, 'f', 1)
                                        .arg(stats.answers.ms, 0, 'f', 1)
                                        .arg(stats.tips.ms, 0, 'f', 1)
                                        .arg(stats.describeMs, 0, 'f', 1);
                      };
                      // Alternate which runs first, so neither always gets a warm
                      // cache from the other.
                      if (i % 2 == 0) {
                          runSearch();
                          runRaw();
                      } else {
                          runRaw();
                          runSearch();
                      }
                      return r;
                  }).result();
            searchMs.push_back(tm.searchMs);
            slowest.push_back({tm.searchMs, tm.rawMs, text, tm.split});
            if (tm.rawMs >= 0) {
                rawMs.push_back(tm.rawMs);
            }
            totalHits += tm.hits;
            errors += tm.error ? 1 : 0;
            windowed += tm.window ? 1 : 0;
            empty += tm.hits == 0 ? 1 : 0;
        }
        const Percentiles s = percentiles(searchMs);
        const Percentiles r = percentiles(rawMs);
        std::printf(
            "bench_store: search %zu queries, %.1f hits on average, %d with no hits, "
            "%d ranked the newest window, %d with errors\n",
            searchMs.size(), searchMs.empty() ? 0.0 : double(totalHits) / double(searchMs.size()),
            empty, windowed, errors);
        std::printf("bench_store: search p50 %.2f ms\n", s.p50);
        std::printf("bench_store: search p95 %.2f ms\n", s.p95);
        std::printf("bench_store: search p99 %.2f ms (target < 20 ms)\n", s.p99);
        std::printf("bench_store: search max %.2f ms\n", s.max);
        std::printf("bench_store: raw FTS5 bm25 (floor) %zu queries with a MATCH expression\n",
                    rawMs.size());
        std::printf("bench_store: raw p50 %.2f ms\n", r.p50);
        std::printf("bench_store: raw p95 %.2f ms\n", r.p95);
        std::printf("bench_store: raw p99 %.2f ms\n", r.p99);
        std::printf("bench_store: raw max %.2f ms\n", r.max);
        std::printf("bench_store: search p50 / raw p50 %.2fx (target <= 1.5x)\n",
                    r.p50 > 0 ? s.p50 / r.p50 : 0.0);

        std::sort(slowest.begin(), slowest.end(),
                  [](const Slow& a, const Slow& b) { return a.searchMs > b.searchMs; });
        for (size_t i = 0; i < std::min<size_t>(5, slowest.size()); ++i) {
            const QString raw = slowest[i].rawMs < 0 ? QStringLiteral("no MATCH expression")
                                                     : QString::number(slowest[i].rawMs, 'f', 2) +
                                                           QStringLiteral(" ms");
            std::printf("bench_store: slow query %.2f ms (raw %s): %s [%s]\n", slowest[i].searchMs,
                        qPrintable(raw), qPrintable(slowest[i].text), qPrintable(slowest[i].split));
        }
    }

    // 4. Answer suggestions for customer messages.
    if (!db) {
        auto reopened = store::Database::open(path);
        if (!reopened) {
            std::fprintf(stderr, "bench_store: cannot open %s: %s\n", qPrintable(path),
                         qPrintable(reopened.error().message));
            return 1;
        }
        db = std::move(reopened).value();
    }
    benchSuggestions(*db, vocab, cfg);

    db.reset();
    // 5. Peak resident memory.
    std::printf("bench_store: peak RSS %.1f MiB\n", peakRssMiB());
    return 0;
}
