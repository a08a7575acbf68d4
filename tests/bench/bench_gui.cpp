// Responsiveness of the desktop app on a large profile (issue 5), measured, not asserted:
//
//   1. start-up: ms from process start to the main window painted with its conversation
//      list filled, and peak RSS then, beside an empty Qt window (bench_gui_empty) measured
//      the same way in the same run, alternating, median of --runs each;
//   2. catch-up: the longest UI-thread stall (a 1 ms timer's largest gap) while the app
//      catches up with --catch-up messages that peers sent while it was away;
//   3. burst: CPU-seconds of the app's process per 1,000 messages while a peer in this
//      (another) process sends --burst messages as fast as it can, the window open.
//
//   bench_gui --db PROFILE.sqlite [--runs 5] [--catch-up 20000] [--burst 5000]
//             [--with-offline-storage]
//
// PROFILE.sqlite is a copy source, never written: bench_store's profile of the account
// engineer@example.com (bench_store --messages 1000000 --conversations 2000 --answers 20000
// --tips 50000 --dir DIR). The app runs as a child process (this binary with --child) on a
// copy, against a private Prosody that serves example.com. Run it under `xvfb-run -a` for
// the xcb platform as users have it; without a display it uses offscreen. Prints figures
// with their targets; exits non-zero only when something fails to run.
#include <QCoreApplication>
#include <QDir>
#include <QElapsedTimer>
#include <QEventLoop>
#include <QFile>
#include <QFileInfo>
#include <QProcess>
#include <QSqlDatabase>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QTimer>
#include <algorithm>
#include <cstdio>
#include <functional>
#include <memory>

#include "ProsodyFixture.h"
#include "bench_gui_app.h"
#include "bench_gui_probe.h"
#include "store/Database.h"
#include "store/Migrations.h"
#include "store/ProfilePaths.h"
#include "xmpp/Client.h"
#include "xmpp/ext/chat/ChatExtension.h"
#include "xmpp/ext/ping/PingExtension.h"

using namespace rapport;
using rapport::test::ProsodyFixture;

namespace {

const QString Domain = QStringLiteral("example.com");
const QString Me = QStringLiteral("engineer@example.com");
const QString Password = QStringLiteral("secret");
using Figures = QMap<QString, QString>;

struct Config {
    QString db;
    int runs = 5;
    int catchUp = 20000;
    int burst = 5000;
    // Keep Prosody's offline storage (auto-loaded in 0.12): it then also pushes everything
    // sent while away as live messages at sign-in, before and beside the archive catch-up.
    bool offlineStorage = false;
};

[[noreturn]] void die(const QString& why) {
    std::fprintf(stderr, "bench_gui: %s\n", qPrintable(why));
    std::exit(1);
}

// Serves the event loop until `done` holds; false after `timeoutMs`.
bool waitUntil(const std::function<bool()>& done, int timeoutMs) {
    QElapsedTimer t;
    t.start();
    QEventLoop loop;
    QTimer poll;
    QObject::connect(&poll, &QTimer::timeout, &loop, [&] {
        if (done() || t.elapsed() > timeoutMs) {
            loop.quit();
        }
    });
    poll.start(5);
    if (!done()) {
        loop.exec();
    }
    return done();
}

// Starts a child (this binary with --child, or bench_gui_empty) with the start clock in
// its environment, and collects its "key value" lines; `onLine` sees each as it comes.
class Child {
public:
    Child(const QString& program, const QStringList& args,
          std::function<void(const QString&, const QString&)> onLine = {}) {
        m_process.setProgram(program);
        m_process.setArguments(args);
        m_process.setProcessChannelMode(QProcess::SeparateChannels);
        m_process.setReadChannel(QProcess::StandardOutput);
        m_process.setProcessEnvironment(QProcessEnvironment::systemEnvironment());
        QObject::connect(&m_process, &QProcess::readyReadStandardOutput, [this, onLine] {
            while (m_process.canReadLine()) {
                const QString line = QString::fromUtf8(m_process.readLine()).trimmed();
                const QString key = line.section(QLatin1Char(' '), 0, 0);
                const QString value = line.section(QLatin1Char(' '), 1);
                m_figures[key] = value;
                if (onLine) {
                    onLine(key, value);
                }
            }
        });
        QObject::connect(&m_process, &QProcess::readyReadStandardError, [this] {
            const QByteArray err = m_process.readAllStandardError();
            std::fwrite(err.constData(), 1, err.size(), stderr);
        });
    }

    // Runs it to the end; its figures, or an "error" figure.
    Figures run(int timeoutMs) {
        QProcessEnvironment env = m_process.processEnvironment();
        env.insert(QString::fromLatin1(bench::StartClockVariable),
                   QString::number(bench::monotonicNs()));
        env.insert(QStringLiteral("RAPPORT_PASSWORD"), Password);
        m_process.setProcessEnvironment(env);
        m_process.start();
        const bool ended =
            waitUntil([this] { return m_process.state() == QProcess::NotRunning; }, timeoutMs);
        if (!ended) {
            m_process.kill();
            m_process.waitForFinished(3000);
            m_figures[QStringLiteral("error")] = QStringLiteral("timed out");
        } else if (m_process.exitStatus() != QProcess::NormalExit || m_process.exitCode() != 0) {
            if (!m_figures.contains(QStringLiteral("error"))) {
                m_figures[QStringLiteral("error")] =
                    QStringLiteral("exit code %1").arg(m_process.exitCode());
            }
        }
        return m_figures;
    }

private:
    QProcess m_process;
    Figures m_figures;
};

// A peer of the engineer, in this process: sends chat messages as fast as it can.
class Peer {
public:
    Peer(const ProsodyFixture& server, const QString& bareJid) {
        m_chat = m_client.addExtension<xmpp::ChatExtension>();
        m_ping = m_client.addExtension<xmpp::PingExtension>();
        xmpp::Client::Settings s;
        s.jid = Jid(bareJid);
        s.password = Password;
        s.resource = QStringLiteral("bench");
        s.url = server.websocketUrl();
        m_client.setSettings(s);
        m_client.connectToServer();
    }
    bool online() const { return m_client.state() == xmpp::Client::State::Online; }
    void send(const QString& body) { (void)m_chat->sendMessage(Jid(Me), body); }
    // A round trip to the server: it has handled (and archived) all that was sent before.
    bool settled() {
        QFuture<Result<void>> pong = m_ping->ping({}, 600000);
        return waitUntil([&] { return pong.isFinished(); }, 600000) && pong.result().ok();
    }

private:
    xmpp::Client m_client;
    xmpp::ChatExtension* m_chat = nullptr;
    xmpp::PingExtension* m_ping = nullptr;
};

// What a customer writes: varied lengths, like the profile's messages.
QString customerText(const char* kind, int i, int total) {
    static const char* texts[] = {
        "Hello, the invoices page is blank again since this morning.",
        "I tried clearing the cache and restarting the browser, still the same error.",
        "Could you check whether the printer driver update is compatible with our version? We "
        "have three sites waiting for it.",
        "Thanks, that worked!",
        "The export to CSV stops at 65,000 rows, is there a limit on our plan?",
    };
    return QStringLiteral("%1 %2 of %3: %4")
        .arg(QLatin1String(kind))
        .arg(i)
        .arg(total)
        .arg(QLatin1String(texts[i % 5]));
}

double median(QList<double> v) {
    if (v.isEmpty()) {
        return 0;
    }
    std::sort(v.begin(), v.end());
    return v.size() % 2 ? v[v.size() / 2] : (v[v.size() / 2 - 1] + v[v.size() / 2]) / 2;
}

void row(const char* figure, const QString& value, const QString& target, const char* verdict) {
    std::printf("  %-52s %16s   %-22s %s\n", figure, qPrintable(value), qPrintable(target),
                verdict);
}

const char* verdict(bool pass) {
    return pass ? "PASS" : "OVER TARGET";
}

Config parse(const QStringList& args) {
    Config c;
    for (int i = 1; i < args.size(); ++i) {
        const QString v = i + 1 < args.size() ? args[i + 1] : QString();
        if (args[i] == u"--db") {
            c.db = v;
        } else if (args[i] == u"--runs") {
            c.runs = v.toInt();
        } else if (args[i] == u"--catch-up") {
            c.catchUp = v.toInt();
        } else if (args[i] == u"--burst") {
            c.burst = v.toInt();
        } else if (args[i] == u"--with-offline-storage") {
            c.offlineStorage = true;
            continue;
        } else {
            continue;
        }
        ++i;
    }
    if (c.db.isEmpty() || c.runs < 1 || c.catchUp < 1 || c.burst < 1) {
        die(
            QStringLiteral("usage: bench_gui --db PROFILE.sqlite [--runs N] [--catch-up N] "
                           "[--burst N] [--with-offline-storage]"));
    }
    return c;
}

struct Profile {
    qint64 messages = 0;
    int conversations = 0;
    QStringList recentCustomers;  // newest activity first
};

// Copies the profile to where the account's database lives, brings its schema up to date
// (so that no run measures a migration) and reads what the bench needs from it.
Profile prepareProfile(const QString& source, const QString& profileDir) {
    const QString path = store::ProfilePaths::accountDatabase(profileDir, Me);
    QDir().mkpath(QFileInfo(path).absolutePath());
    if (!QFile::copy(source, path)) {
        die(QStringLiteral("cannot copy %1 to %2").arg(source, path));
    }
    {
        auto db = store::Database::open(path);
        if (!db.ok()) {
            die(QStringLiteral("cannot open the profile: ") + db.error().message);
        }
    }
    Profile p;
    {
        QSqlDatabase db =
            QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), QStringLiteral("bench_gui"));
        db.setDatabaseName(path);
        if (!db.open()) {
            die(QStringLiteral("cannot read the profile"));
        }
        QSqlQuery q(db);
        q.exec(QStringLiteral("SELECT count(*) FROM messages"));
        p.messages = q.next() ? q.value(0).toLongLong() : 0;
        q.exec(QStringLiteral("SELECT count(*) FROM conversations"));
        p.conversations = q.next() ? q.value(0).toInt() : 0;
        q.exec(QStringLiteral("SELECT jid FROM conversations WHERE jid LIKE 'customer%@%1' "
                              "ORDER BY last_activity DESC LIMIT 5")
                   .arg(Domain));
        while (q.next()) {
            p.recentCustomers << q.value(0).toString();
        }
    }
    QSqlDatabase::removeDatabase(QStringLiteral("bench_gui"));
    if (p.recentCustomers.size() < 5) {
        die(QStringLiteral("the profile has fewer than 5 customer conversations with @") + Domain +
            QStringLiteral(": not one of bench_store's"));
    }
    return p;
}

}  // namespace

int main(int argc, char** argv) {
    for (int i = 1; i < argc; ++i) {
        if (qstrcmp(argv[i], "--child") == 0) {
            return bench::runApp(argc, argv);
        }
    }
    QCoreApplication app(argc, argv);
    const Config cfg = parse(QCoreApplication::arguments());
    if (qEnvironmentVariableIsEmpty("DISPLAY") && qEnvironmentVariableIsEmpty("WAYLAND_DISPLAY") &&
        qEnvironmentVariableIsEmpty("QT_QPA_PLATFORM")) {
        qputenv("QT_QPA_PLATFORM", "offscreen");
    }
    const QString platform =
        qEnvironmentVariableIsEmpty("QT_QPA_PLATFORM")
            ? QStringLiteral("default (%1)")
                  .arg(qEnvironmentVariableIsEmpty("DISPLAY")
                           ? QStringLiteral("wayland")
                           : QStringLiteral("xcb, DISPLAY=") + qEnvironmentVariable("DISPLAY"))
            : qEnvironmentVariable("QT_QPA_PLATFORM");

    QTemporaryDir tmp;
    const QString profileDir = tmp.filePath(QStringLiteral("profile"));
    QElapsedTimer copying;
    copying.start();
    const Profile profile = prepareProfile(cfg.db, profileDir);
    std::printf(
        "bench_gui: profile %lld messages, %d conversations, account %s (a copy of %s, "
        "made in %.1f s); platform %s\n",
        profile.messages, profile.conversations, qPrintable(Me), qPrintable(cfg.db),
        copying.elapsed() / 1000.0, qPrintable(platform));
    std::fflush(stdout);

    // Prosody serves the profile's own domain, so the app signs in as the profile's account
    // and its peers are the profile's customers.
    ProsodyFixture server;
    // Without offline storage, what was sent while away comes back through the archive
    // catch-up alone (HistoryCatchUp), which is what the stall figure is about.
    server.setExtraConfig(
        (cfg.offlineStorage ? QString()
                            : QStringLiteral("modules_disabled = { \"s2s\", \"offline\" }\n")) +
        QStringLiteral("VirtualHost \"%1\"\n    password_hash = \"SHA-256\"\n").arg(Domain));
    QString error;
    if (!server.start(&error)) {
        die(QStringLiteral("cannot start Prosody: ") + error);
    }
    const QStringList catchUpPeers = profile.recentCustomers.mid(0, 4);
    const QString burstPeer = profile.recentCustomers.at(4);
    for (const QString& jid : QStringList{Me} + profile.recentCustomers) {
        if (!server.registerUser(jid.section(QLatin1Char('@'), 0, 0), Domain, Password, &error)) {
            die(QStringLiteral("cannot register %1: %2").arg(jid, error));
        }
    }
    const QString self = QCoreApplication::applicationFilePath();
    const QStringList appArgs = {QStringLiteral("--profile"), profileDir,
                                 QStringLiteral("--jid"),     Me,
                                 QStringLiteral("--server"),  server.websocketUrl().toString()};

    // 1. Start-up, alternating with the empty window so that both see the same machine.
    QList<double> emptyMs, emptyRss, appMs, appRss;
    int rows = 0;
    for (int i = 0; i < cfg.runs; ++i) {
        Figures e =
            Child(QCoreApplication::applicationDirPath() + QStringLiteral("/bench_gui_empty"), {})
                .run(60000);
        Figures a =
            Child(self, QStringList{QStringLiteral("--child"), QStringLiteral("startup")} + appArgs)
                .run(120000);
        for (const Figures& f : {e, a}) {
            if (f.contains(QStringLiteral("error"))) {
                die(QStringLiteral("start-up run failed: ") + f.value(QStringLiteral("error")));
            }
        }
        emptyMs << e.value(QStringLiteral("startup_ms")).toDouble();
        emptyRss << e.value(QStringLiteral("peak_rss_mib")).toDouble();
        appMs << a.value(QStringLiteral("startup_ms")).toDouble();
        appRss << a.value(QStringLiteral("peak_rss_mib")).toDouble();
        rows = a.value(QStringLiteral("rows")).toDouble();
        std::printf(
            "bench_gui: start-up run %d: empty window %.1f ms %.1f MiB, Rapport %.1f ms "
            "%.1f MiB (%d conversations listed)\n",
            i + 1, emptyMs.last(), emptyRss.last(), appMs.last(), appRss.last(), rows);
        std::fflush(stdout);
    }

    // 2. The peers write while the engineer is away; the server archives it all.
    std::vector<std::unique_ptr<Peer>> peers;
    for (const QString& jid : catchUpPeers + QStringList{burstPeer}) {
        peers.push_back(std::make_unique<Peer>(server, jid));
    }
    if (!waitUntil(
            [&] {
                return std::all_of(peers.begin(), peers.end(), [](auto& p) { return p->online(); });
            },
            30000)) {
        die(QStringLiteral("the peers could not sign in"));
    }
    QElapsedTimer seeding;
    seeding.start();
    for (int i = 0; i < cfg.catchUp; ++i) {
        peers[i % catchUpPeers.size()]->send(customerText("away", i, cfg.catchUp));
    }
    for (int p = 0; p < catchUpPeers.size(); ++p) {
        if (!peers[p]->settled()) {
            die(QStringLiteral("the server did not take the messages"));
        }
    }
    std::printf(
        "bench_gui: %d messages from %lld peers archived by the server in %.1f s (offline "
        "storage %s)\n",
        cfg.catchUp, qlonglong(catchUpPeers.size()), seeding.elapsed() / 1000.0,
        cfg.offlineStorage ? "on: they also arrive live" : "off: the archive alone");
    std::fflush(stdout);

    // 2 and 3: the app signs in and catches up; then the burst, from this process.
    Peer& sender = *peers.back();
    Figures s = Child(self,
                      QStringList{QStringLiteral("--child"), QStringLiteral("session"),
                                  QStringLiteral("--base-count"), QString::number(profile.messages),
                                  QStringLiteral("--catch-up"), QString::number(cfg.catchUp),
                                  QStringLiteral("--burst-peer"), burstPeer,
                                  QStringLiteral("--burst"), QString::number(cfg.burst)} +
                          appArgs,
                      [&](const QString& key, const QString&) {
                          if (key == u"ready_burst") {
                              for (int i = 0; i < cfg.burst; ++i) {
                                  sender.send(customerText("burst", i, cfg.burst));
                              }
                          }
                      })
                    .run(900000);
    if (s.contains(QStringLiteral("error"))) {
        die(QStringLiteral("session run failed: ") + s.value(QStringLiteral("error")));
    }
    auto num = [&](const char* key) { return s.value(QString::fromLatin1(key)).toDouble(); };

    const double emptyMedian = median(emptyMs);
    const double appMedian = median(appMs);
    const double ratio = appMedian / emptyMedian;
    const double peakRss = std::max(median(appRss), num("peak_rss_session_mib"));
    const double cpuPer1000 = num("burst_cpu_s") * 1000.0 / cfg.burst;
    std::printf(
        "\nbench_gui: responsiveness with %lld messages in %d conversations (medians of "
        "%d start-ups)\n",
        profile.messages, profile.conversations, cfg.runs);
    row("figure", QStringLiteral("measured"), QStringLiteral("target"), "");
    row("empty Qt window painted (QMainWindow+QListView+QTextEdit)",
        QStringLiteral("%1 ms").arg(emptyMedian, 0, 'f', 1), QStringLiteral("(reference)"), "");
    row("empty Qt window peak RSS", QStringLiteral("%1 MiB").arg(median(emptyRss), 0, 'f', 1),
        QStringLiteral("(reference)"), "");
    row("Rapport window painted, conversation list filled",
        QStringLiteral("%1 ms").arg(appMedian, 0, 'f', 1),
        QStringLiteral("<= %1 ms (2x)").arg(2 * emptyMedian, 0, 'f', 1), verdict(ratio <= 2));
    row("  ratio to the empty window", QStringLiteral("%1x").arg(ratio, 0, 'f', 2),
        QStringLiteral("<= 2x"), verdict(ratio <= 2));
    row("  start-up min / max",
        QStringLiteral("%1 / %2 ms")
            .arg(*std::min_element(appMs.begin(), appMs.end()), 0, 'f', 1)
            .arg(*std::max_element(appMs.begin(), appMs.end()), 0, 'f', 1),
        {}, "");
    row("Rapport peak RSS at start-up", QStringLiteral("%1 MiB").arg(median(appRss), 0, 'f', 1),
        QStringLiteral("< 90 MB"), verdict(median(appRss) < 90e6 / 1048576.0));
    row("Rapport peak RSS, start-up + catch-up + burst",
        QStringLiteral("%1 MiB").arg(num("peak_rss_session_mib"), 0, 'f', 1),
        QStringLiteral("< 90 MB"), verdict(peakRss < 90e6 / 1048576.0));
    row("catch-up: messages stored / fetched / pages",
        QStringLiteral("%1 / %2 / %3")
            .arg(num("catchup_stored"))
            .arg(num("catchup_fetched"))
            .arg(num("catchup_pages")),
        QStringLiteral("%1 sent").arg(cfg.catchUp), "");
    row("catch-up: also delivered live (offline storage)",
        QString::number(num("catchup_live_messages")), {}, "");
    row("catch-up: session start to all stored",
        QStringLiteral("%1 s").arg(num("catchup_ms") / 1000.0, 0, 'f', 2), {}, "");
    row("catch-up: UI event-loop gap p50 / p99",
        QStringLiteral("%1 / %2 ms")
            .arg(num("stall_gap_p50_ms"), 0, 'f', 2)
            .arg(num("stall_gap_p99_ms"), 0, 'f', 1),
        {}, "");
    row("catch-up: longest UI-thread stall (1 ms timer gap)",
        QStringLiteral("%1 ms").arg(num("stall_gap_max_ms"), 0, 'f', 1), QStringLiteral("<= 16 ms"),
        verdict(num("stall_gap_max_ms") <= 16));
    row("catch-up: gaps over 16 ms / over 50 ms",
        QStringLiteral("%1 / %2").arg(num("stall_over_16ms")).arg(num("stall_over_50ms")),
        QStringLiteral("0"), verdict(num("stall_over_16ms") == 0));
    row("catch-up: five longest gaps (ms@ms after session)", s.value(QStringLiteral("stall_worst")),
        {}, "");
    row("burst: first to last message received",
        QStringLiteral("%1 s").arg(num("burst_received_ms") / 1000.0, 0, 'f', 2),
        QStringLiteral("%1 messages").arg(cfg.burst), "");
    row("burst: first message to the last shown in the list",
        QStringLiteral("%1 s").arg(num("burst_ms") / 1000.0, 0, 'f', 2), {}, "");
    row("burst: app CPU-seconds per 1,000 received messages",
        QStringLiteral("%1 s").arg(cpuPer1000, 0, 'f', 3), QStringLiteral("< 0.2 s"),
        verdict(cpuPer1000 < 0.2));
    std::printf("bench_gui: store holds %.0f messages at the end (%lld + %d + %d expected)\n",
                num("store_messages_end"), profile.messages, cfg.catchUp, cfg.burst);
    return 0;
}
