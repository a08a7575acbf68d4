// Send-to-receive latency between two Rapport sessions through a real Prosody
// on loopback: one message at a time (the next leaves when the previous
// arrived), 1,000 messages, p50/p99/max. Prints figures; asserts nothing.
#include <QCoreApplication>
#include <QElapsedTimer>
#include <QTimer>
#include <cstdio>

#ifdef Q_OS_UNIX
#include <sys/resource.h>
#endif

#include "ProsodyFixture.h"
#include "xmpp/Client.h"
#include "xmpp/ext/chat/ChatExtension.h"
#include "xmpp/ext/presence/PresenceExtension.h"

using namespace rapport;
using rapport::test::ProsodyFixture;

namespace {

// CPU time of this process alone (both clients), not of Prosody.
double processCpuSeconds() {
#ifdef Q_OS_UNIX
    rusage usage{};
    getrusage(RUSAGE_SELF, &usage);
    return usage.ru_utime.tv_sec + usage.ru_stime.tv_sec +
           (usage.ru_utime.tv_usec + usage.ru_stime.tv_usec) / 1e6;
#else
    return 0;
#endif
}

xmpp::Client* makeClient(const ProsodyFixture& server, const QString& user) {
    auto* c = new xmpp::Client;
    c->addExtension<xmpp::PresenceExtension>();
    c->addExtension<xmpp::ChatExtension>();
    xmpp::Client::Settings s;
    s.jid = Jid(user + QStringLiteral("@localhost"));
    s.password = QStringLiteral("secret");
    s.resource = QStringLiteral("bench");
    s.url = server.websocketUrl();
    c->setSettings(s);
    return c;
}

}  // namespace

int main(int argc, char** argv) {
    QCoreApplication app(argc, argv);
    const int total = argc > 1 ? QString::fromLocal8Bit(argv[1]).toInt() : 1000;
    ProsodyFixture server;
    // Optional: measure routing alone, without the server archiving each message (MAM).
    const bool noArchive = argc > 2 && QByteArray(argv[2]) == "--no-archive";
    if (noArchive) {
        server.setExtraConfig(QStringLiteral("default_archive_policy = false"));
    }
    QString error;
    if (!server.start(&error) ||
        !server.registerUser(QStringLiteral("alice"), ProsodyFixture::sha256Host(),
                             QStringLiteral("secret")) ||
        !server.registerUser(QStringLiteral("bob"), ProsodyFixture::sha256Host(),
                             QStringLiteral("secret"))) {
        std::fprintf(stderr, "bench_latency: cannot start Prosody: %s\n", qPrintable(error));
        return 1;
    }
    xmpp::Client* alice = makeClient(server, QStringLiteral("alice"));
    xmpp::Client* bob = makeClient(server, QStringLiteral("bob"));
    auto* aliceChat = alice->findExtension<xmpp::ChatExtension>();
    auto* bobChat = bob->findExtension<xmpp::ChatExtension>();

    QList<double> latenciesMs;
    QElapsedTimer sentAt;
    int warmup = 50;
    auto sendNext = [&] {
        sentAt.start();
        (void)aliceChat->sendMessage(Jid(QStringLiteral("bob@localhost")),
                                     QStringLiteral("ping %1").arg(latenciesMs.size()));
    };
    QObject::connect(bobChat, &xmpp::ChatExtension::messageReceived, &app,
                     [&](const xmpp::ChatMessage&) {
                         const double ms = sentAt.nsecsElapsed() / 1e6;
                         if (warmup > 0) {
                             --warmup;
                         } else {
                             latenciesMs << ms;
                         }
                         if (latenciesMs.size() >= total) {
                             app.quit();
                             return;
                         }
                         sendNext();
                     });
    int online = 0;
    auto onSession = [&](bool) {
        if (++online == 2) {
            QTimer::singleShot(200, &app, sendNext);  // let initial presence settle
        }
    };
    QObject::connect(alice, &xmpp::Client::sessionStarted, &app, onSession);
    QObject::connect(bob, &xmpp::Client::sessionStarted, &app, onSession);
    alice->connectToServer();
    bob->connectToServer();
    QTimer::singleShot(120000, &app, [&] {
        std::fprintf(stderr, "bench_latency: gave up after 120 s with %lld samples\n",
                     qlonglong(latenciesMs.size()));
        app.exit(1);
    });
    const double cpuBefore = processCpuSeconds();
    const int rc = app.exec();
    const double clientCpu = processCpuSeconds() - cpuBefore;
    delete alice;
    delete bob;
    if (rc != 0 || latenciesMs.isEmpty()) {
        return 1;
    }
    std::sort(latenciesMs.begin(), latenciesMs.end());
    auto pct = [&](double p) {
        return latenciesMs[std::min<qsizetype>(latenciesMs.size() - 1,
                                               qsizetype(p * latenciesMs.size()))];
    };
    std::printf("bench_latency: %lld messages, Rapport -> Prosody -> Rapport over WebSocket%s\n",
                qlonglong(latenciesMs.size()), noArchive ? " (archiving off)" : "");
    std::printf("bench_latency: p50 %.3f ms, p99 %.3f ms, max %.3f ms\n", pct(0.50), pct(0.99),
                latenciesMs.last());
    const int messages = latenciesMs.size() + 50;  // with the warm-up
    std::printf(
        "bench_latency: client CPU %.1f us per message (sender + receiver, both in this "
        "process)\n",
        clientCpu * 1e6 / messages);
    return 0;
}
