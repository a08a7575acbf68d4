// The measured side of bench_gui: the desktop app itself (QApplication, AppStartup,
// MainWindow on a profile), started by bench_gui as a child process so that its start-up,
// RSS and CPU are its own. Prints "key value" lines on stdout for bench_gui to read.
//
//   startup: the window is shown, its conversation list filled and painted; prints
//            startup_ms, peak_rss_mib, rows; exits.
//   session: the same, then measures the UI thread's event-loop latency (a 1 ms timer)
//            from the session's start until the history catch-up has finished and the store
//            holds the expected messages; prints ready_burst and counts the CPU time spent
//            from the first to the last message of a burst (until the conversation list
//            shows the last one); exits.
#include "bench_gui_app.h"

#include <QApplication>
#include <QElapsedTimer>
#include <QListView>
#include <QSettings>
#include <QTimer>
#include <algorithm>
#include <cstdio>
#include <numeric>

#include "account/Account.h"
#include "bench_gui_probe.h"
#include "common/FutureUtils.h"
#include "main/AppStartup.h"
#include "main/MainWindow.h"
#include "models/ConversationListModel.h"
#include "setup/CredentialStore.h"
#include "store/MessageStore.h"
#include "sync/HistoryCatchUp.h"
#include "xmpp/Client.h"
#include "xmpp/ext/chat/ChatExtension.h"

namespace rapport::bench {

namespace {

void emitFigure(const QByteArray& key, double value) {
    std::printf("%s %.3f\n", key.constData(), value);
    std::fflush(stdout);
}

void fail(const QString& why) {
    std::printf("error %s\n", qPrintable(why));
    std::fflush(stdout);
    QCoreApplication::exit(1);
}

// Event-loop latency: a 1 ms precise timer on the UI thread; each gap between two of its
// ticks is how long the loop could not run it (plus the 1 ms it waits).
class LoopLatency : public QObject {
public:
    LoopLatency() {
        m_timer.setTimerType(Qt::PreciseTimer);
        m_timer.setInterval(1);
        connect(&m_timer, &QTimer::timeout, this, [this] {
            const qint64 now = monotonicNs();
            m_gapsMs << (now - m_last) / 1e6;
            m_at << (now - m_start) / 1e6;
            m_last = now;
        });
    }
    void start() {
        m_start = m_last = monotonicNs();
        m_timer.start();
    }
    void stop() { m_timer.stop(); }

    void print(const char* prefix) const {
        QList<double> sorted = m_gapsMs;
        std::sort(sorted.begin(), sorted.end());
        auto pct = [&](double p) {
            return sorted.isEmpty() ? 0.0
                                    : sorted[std::min<qsizetype>(sorted.size() - 1,
                                                                 qsizetype(p * sorted.size()))];
        };
        const auto over = [&](double ms) {
            return double(
                std::count_if(sorted.begin(), sorted.end(), [ms](double g) { return g > ms; }));
        };
        const QByteArray p(prefix);
        emitFigure(p + "_ticks", sorted.size());
        emitFigure(p + "_gap_p50_ms", pct(0.50));
        emitFigure(p + "_gap_p99_ms", pct(0.99));
        emitFigure(p + "_gap_max_ms", sorted.isEmpty() ? 0 : sorted.last());
        emitFigure(p + "_over_16ms", over(16));
        emitFigure(p + "_over_50ms", over(50));
        // The five longest, with when they ended (ms after start): to match with logs.
        QList<int> order(m_gapsMs.size());
        std::iota(order.begin(), order.end(), 0);
        std::sort(order.begin(), order.end(),
                  [&](int a, int b) { return m_gapsMs[a] > m_gapsMs[b]; });
        QStringList worst;
        for (int i = 0; i < std::min<qsizetype>(5, order.size()); ++i) {
            worst << QStringLiteral("%1@%2")
                         .arg(m_gapsMs[order[i]], 0, 'f', 1)
                         .arg(m_at[order[i]], 0, 'f', 0);
        }
        std::printf("%s_worst %s\n", prefix, qPrintable(worst.join(QLatin1Char(','))));
        std::fflush(stdout);
    }

private:
    QTimer m_timer;
    qint64 m_start = 0;
    qint64 m_last = 0;
    QList<double> m_gapsMs;
    QList<double> m_at;
};

struct Args {
    QString mode, profile, jid, server, burstPeer;
    qint64 baseCount = 0;
    int catchUp = 0;
    int burst = 0;
};

Args parse(const QStringList& args) {
    Args a;
    for (int i = 1; i + 1 < args.size(); ++i) {
        const QString& k = args[i];
        const QString& v = args[i + 1];
        if (k == u"--child") {
            a.mode = v;
        } else if (k == u"--profile") {
            a.profile = v;
        } else if (k == u"--jid") {
            a.jid = v;
        } else if (k == u"--server") {
            a.server = v;
        } else if (k == u"--base-count") {
            a.baseCount = v.toLongLong();
        } else if (k == u"--catch-up") {
            a.catchUp = v.toInt();
        } else if (k == u"--burst-peer") {
            a.burstPeer = v;
        } else if (k == u"--burst") {
            a.burst = v.toInt();
        }
    }
    return a;
}

// Calls `done` once the store holds at least `count` messages (polling every 100 ms).
void whenStoreHolds(Account* account, qint64 count, QObject* context,
                    std::function<void(qint64)> done) {
    onFinished(account->messages().count(), context, [=](const Result<qint64>& n) {
        if (n.ok() && n.value() >= count) {
            done(n.value());
            return;
        }
        QTimer::singleShot(100, context, [=] { whenStoreHolds(account, count, context, done); });
    });
}

class Session : public QObject {
public:
    Session(const Args& args, ui::AppStartup& startup) : m_args(args), m_startup(startup) {}

    void run() {
        Account* account = m_startup.account();
        connect(&account->client(), &xmpp::Client::sessionStarted, this, [this](bool) {
            if (!m_catchUpStarted) {
                m_catchUpStarted = true;
                m_catchUpClock = monotonicNs();
                m_latency.start();
            }
        });
        connect(&account->historyCatchUp(), &sync::HistoryCatchUp::failed, this,
                [](const Error& e) { fail(QStringLiteral("catch-up failed: ") + e.message); });
        connect(&account->historyCatchUp(), &sync::HistoryCatchUp::finished, this,
                [this, account](const sync::HistoryCatchUp::Summary& s) {
                    m_summary = s;
                    emitFigure("catchup_finished_ms", (monotonicNs() - m_catchUpClock) / 1e6);
                    whenStoreHolds(account, m_args.baseCount + m_args.catchUp, this,
                                   [this](qint64 n) { catchUpDone(n); });
                });
        auto* chat = account->client().findExtension<xmpp::ChatExtension>();
        connect(chat, &xmpp::ChatExtension::messageReceived, this,
                [this](const xmpp::ChatMessage& m) { onMessage(m); });
    }

private:
    void catchUpDone(qint64 stored) {
        m_latency.stop();
        emitFigure("catchup_ms", (monotonicNs() - m_catchUpClock) / 1e6);
        emitFigure("catchup_stored", m_summary.stored);
        emitFigure("catchup_fetched", m_summary.fetched);
        emitFigure("catchup_pages", m_summary.pages);
        emitFigure("catchup_live_messages", m_liveDuringCatchUp);
        emitFigure("store_messages", double(stored));
        m_latency.print("stall");
        m_inBurst = true;
        std::printf("ready_burst 1\n");
        std::fflush(stdout);
        QTimer::singleShot(180000, this, [] { fail(QStringLiteral("burst not seen in 180 s")); });
    }

    void onMessage(const xmpp::ChatMessage& m) {
        if (m.direction != xmpp::ChatMessage::Direction::Incoming) {
            return;
        }
        if (!m_inBurst) {
            ++m_liveDuringCatchUp;
            return;
        }
        if (m.from.bareString() != m_args.burstPeer || !m.body.startsWith(u"burst ")) {
            return;
        }
        if (++m_burstSeen == 1) {
            m_cpu0 = cpuSeconds();
            m_burstClock = monotonicNs();
        }
        if (m_burstSeen == m_args.burst) {
            m_lastBody = m.body.simplified();
            emitFigure("burst_received_ms", (monotonicNs() - m_burstClock) / 1e6);
            waitForList();
        }
    }

    // The burst counts as handled once the conversation list shows its last message (the
    // list re-reads the store, so it is stored too).
    void waitForList() {
        models::ConversationListModel* list = m_startup.window()->conversations();
        const int row = list->rowOf(m_args.burstPeer);
        if (row >= 0 &&
            list->index(row).data(models::ConversationListModel::PreviewRole).toString() ==
                m_lastBody) {
            const double cpu = cpuSeconds() - m_cpu0;
            emitFigure("burst_ms", (monotonicNs() - m_burstClock) / 1e6);
            emitFigure("burst_cpu_s", cpu);
            emitFigure("peak_rss_session_mib", peakRssMiB());
            whenStoreHolds(m_startup.account(), m_args.baseCount + m_args.catchUp + m_args.burst,
                           this, [](qint64 n) {
                               emitFigure("store_messages_end", double(n));
                               QCoreApplication::exit(0);
                           });
            return;
        }
        QTimer::singleShot(5, this, [this] { waitForList(); });
    }

    Args m_args;
    ui::AppStartup& m_startup;
    LoopLatency m_latency;
    bool m_catchUpStarted = false;
    qint64 m_catchUpClock = 0;
    sync::HistoryCatchUp::Summary m_summary;
    int m_liveDuringCatchUp = 0;
    bool m_inBurst = false;
    int m_burstSeen = 0;
    double m_cpu0 = 0;
    qint64 m_burstClock = 0;
    QString m_lastBody;
};

}  // namespace

// With $RAPPORT_TRACE_STALLS set: every event the UI thread takes over 12 ms to handle,
// with its receiver, on stderr (to find what a stall figure is made of).
class StallTracingApplication : public QApplication {
public:
    using QApplication::QApplication;
    bool notify(QObject* receiver, QEvent* event) override {
        if (!m_trace) {
            return QApplication::notify(receiver, event);
        }
        QElapsedTimer t;
        t.start();
        const int type = event->type();
        const bool handled = QApplication::notify(receiver, event);
        if (const qint64 ms = t.elapsed(); ms > 12) {
            std::fprintf(stderr, "stall %lld ms: event %d to %s '%s'\n", (long long)ms, type,
                         receiver->metaObject()->className(), qPrintable(receiver->objectName()));
        }
        return handled;
    }

private:
    const bool m_trace = qEnvironmentVariableIsSet("RAPPORT_TRACE_STALLS");
};

int runApp(int argc, char** argv) {
    StallTracingApplication app(argc, argv);
    // As app/gui/main.cpp does; the settings live in the (temporary) profile.
    QApplication::setApplicationName(QStringLiteral("rapport"));
    QApplication::setOrganizationName(QStringLiteral("Rapport"));
    const Args args = parse(QApplication::arguments());
    QSettings::setDefaultFormat(QSettings::IniFormat);
    QSettings::setPath(QSettings::IniFormat, QSettings::UserScope, args.profile);

    ui::MemoryCredentialStore credentials;
    ui::AppStartup startup(args.profile, credentials);
    QObject::connect(&startup, &ui::AppStartup::gaveUp, &app, &QApplication::exit);
    startup.signInDirectly(Jid(args.jid), qEnvironmentVariable("RAPPORT_PASSWORD"),
                           QUrl(args.server));
    ui::MainWindow* window = startup.window();
    auto* list = window ? window->findChild<QListView*>(QStringLiteral("conversations")) : nullptr;
    if (!list) {
        std::printf("error no main window with a 'conversations' list\n");
        return 1;
    }
    const bool session = args.mode == u"session";
    new FirstPaintProbe(
        list, [list] { return list->model()->rowCount() > 0; },
        [list, session] {
            emitFigure("startup_ms", msSinceProcessStart());
            emitFigure("peak_rss_mib", peakRssMiB());
            emitFigure("rows", list->model()->rowCount());
            if (!session) {
                QCoreApplication::exit(0);
            }
        });
    Session measured(args, startup);
    if (session) {
        measured.run();
    }
    QTimer::singleShot(600000, &app, [] { fail(QStringLiteral("gave up after 600 s")); });
    return QApplication::exec();
}

}  // namespace rapport::bench
