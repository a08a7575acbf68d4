// The team library's sync through a real Prosody: a first login that fetches a library of
// N answers (default 10,000), then, after 10 answers changed while away, the next login:
// items and bytes each transfers. Prints figures; asserts nothing.
//
//   bench_library [N]
#include <QCoreApplication>
#include <QElapsedTimer>
#include <QEventLoop>
#include <QTemporaryDir>
#include <QTimer>
#include <QUuid>
#include <cstdio>

#include "ProsodyFixture.h"
#include "common/FutureUtils.h"
#include "library/AnswerPayload.h"
#include "library/AnswerStore.h"
#include "library/LibrarySync.h"
#include "library/TeamNodes.h"
#include "store/Database.h"
#include "xmpp/Client.h"
#include "xmpp/ext/pubsub/PubSubExtension.h"

using namespace rapport;
using rapport::test::ProsodyFixture;

namespace {

const Jid kService(QStringLiteral("pubsub.localhost"));

// Serves events for a while without spinning: a busy loop here would take a core from
// Prosody on a two-core machine and distort the figures.
void pump(int ms = 5) {
    QEventLoop loop;
    QTimer::singleShot(ms, &loop, &QEventLoop::quit);
    loop.exec();
}

template <class T>
T await(QFuture<T> f, int timeoutMs = 600000) {
    QElapsedTimer t;
    t.start();
    while (!f.isFinished() && t.elapsed() < timeoutMs) {
        pump();
    }
    return f.isFinished() ? f.result() : T();
}

std::unique_ptr<xmpp::Client> connect(const ProsodyFixture& server, const QString& user) {
    auto c = std::make_unique<xmpp::Client>();
    c->addExtension<xmpp::PubSubExtension>()->setTrustedServices({kService});
    xmpp::Client::Settings s;
    s.jid = Jid(user + QStringLiteral("@localhost"));
    s.password = QStringLiteral("secret");
    s.resource = QStringLiteral("bench");
    s.url = server.websocketUrl();
    c->setSettings(s);
    return c;
}

bool online(xmpp::Client& c) {
    c.connectToServer();
    QElapsedTimer t;
    t.start();
    while (c.state() != xmpp::Client::State::Online && t.elapsed() < 20000) {
        pump();
    }
    return c.state() == xmpp::Client::State::Online;
}

library::Answer answer(int i, int version) {
    library::Answer a;
    a.id = QUuid::createUuidV5(QUuid(), QString::number(i)).toString(QUuid::WithoutBraces);
    a.title = QStringLiteral("Answer %1: printer error E%2 after the update").arg(i).arg(1000 + i);
    a.body = QStringLiteral(
                 "Hi {{customer.name|there}},\n\nthanks for the report. Error E%1 means the "
                 "firmware update did not finish. Please power-cycle the printer, wait for the "
                 "green light, then run the updater again from Settings > Maintenance. If it "
                 "still shows E%1, send us the log from Settings > Support.\n\n{{me.name}}")
                 .arg(1000 + i);
    a.tags = {QStringLiteral("printer"), QStringLiteral("firmware")};
    a.author = QStringLiteral("alice@localhost");
    a.created = QDateTime(QDate(2026, 1, 1), QTime(9, 0), Qt::UTC).addSecs(i);
    a.updated = a.created.addDays(version - 1);
    a.version = version;
    return a;
}

// Publishes answers [first, first + count) with a window of requests in flight.
bool publishAll(xmpp::PubSubExtension* ps, int first, int count, int version) {
    int next = first, done = 0, failed = 0;
    const int end = first + count;
    std::function<void()> one = [&] {
        if (next >= end) {
            return;
        }
        const library::Answer a = answer(next++, version);
        onFinished(
            ps->publish(kService, library::AnswersNode, a.id, library::AnswerPayload::toElement(a)),
            ps, [&](const Result<QString>& r) {
                ++done;
                failed += r.ok() ? 0 : 1;
                one();
            });
    };
    for (int i = 0; i < 32; ++i) {
        one();
    }
    while (done < count) {
        pump();
    }
    return failed == 0;
}

}  // namespace

int main(int argc, char** argv) {
    QCoreApplication app(argc, argv);
    std::setvbuf(stdout, nullptr, _IOLBF, 0);
    const int total = argc > 1 ? QString::fromLocal8Bit(argv[1]).toInt() : 10000;
    ProsodyFixture server;
    server.setAdmins({QStringLiteral("admin@localhost")});
    // Prosody's internal storage rewrites a node's item list on every publish (5 items/s at
    // 1,000 items), so the library is seeded into memory storage: what is measured is the
    // client's sync, not the server's disk. (Production: PostgreSQL, see packaging/server.)
    server.setExtraConfig(
        QStringLiteral("default_storage = \"internal\"\nstorage = { pubsub_data = \"memory\", "
                       "pubsub_nodes = \"memory\" }"));
    QString error;
    if (!server.start(&error)) {
        std::fprintf(stderr, "bench_library: cannot start Prosody: %s\n", qPrintable(error));
        return 1;
    }
    for (const char* user : {"admin", "alice", "bob"}) {
        server.registerUser(QString::fromLatin1(user), ProsodyFixture::sha256Host(),
                            QStringLiteral("secret"));
    }
    auto admin = connect(server, QStringLiteral("admin"));
    auto alice = connect(server, QStringLiteral("alice"));
    if (!online(*admin) || !online(*alice)) {
        std::fprintf(stderr, "bench_library: cannot sign in\n");
        return 1;
    }
    auto* adminPs = admin->findExtension<xmpp::PubSubExtension>();
    const auto created =
        await(adminPs->createNode(kService, library::AnswersNode, library::teamNodeConfig()));
    const auto members = await(
        adminPs->setAffiliations(kService, library::AnswersNode,
                                 {{QStringLiteral("alice@localhost"), xmpp::AffiliationPublisher},
                                  {QStringLiteral("bob@localhost"), xmpp::AffiliationPublisher}}));
    if (!created.ok() || !members.ok()) {
        std::fprintf(stderr, "bench_library: team set-up failed\n");
        return 1;
    }
    auto* alicePs = alice->findExtension<xmpp::PubSubExtension>();
    QElapsedTimer t;
    t.start();
    if (!publishAll(alicePs, 0, total, 1)) {
        std::fprintf(stderr, "bench_library: publishing failed\n");
        return 1;
    }
    std::printf("bench_library: published %d answers in %.1f s (%.0f items/s, 32 in flight)\n",
                total, t.elapsed() / 1000.0, total / (t.elapsed() / 1000.0));

    QTemporaryDir dir;
    auto db = std::move(store::Database::open(dir.filePath(QStringLiteral("bob.sqlite")))).value();
    library::AnswerStore answers(*db);
    auto bob = connect(server, QStringLiteral("bob"));
    auto* bobPs = bob->findExtension<xmpp::PubSubExtension>();
    library::LibrarySync sync(bobPs, answers, kService);
    QList<library::LibrarySync::Summary> summaries;
    QObject::connect(&sync, &library::LibrarySync::synced, &app,
                     [&](const library::LibrarySync::Summary& s) { summaries << s; });
    QObject::connect(bob.get(), &xmpp::Client::sessionStarted, &app, [&](bool) { sync.start(); });
    auto login = [&](const char* what) {
        const qsizetype before = summaries.size();
        QElapsedTimer timer;
        timer.start();
        if (!online(*bob)) {
            return false;
        }
        while (summaries.size() == before && timer.elapsed() < 600000) {
            pump();
        }
        if (summaries.size() == before) {
            return false;
        }
        // Until the store has written all of it.
        const int stored = int(await(answers.list()).value().size());
        const double s = timer.elapsed() / 1000.0;
        const auto& sum = summaries.last();
        std::printf(
            "bench_library: %s: %.2f s, %d items fetched (%.0f items/s), %.1f KiB, %d answers "
            "changed, %d stored in all\n",
            what, s, sum.itemsFetched, sum.itemsFetched / s, sum.bytes / 1024.0, sum.changed,
            stored);
        return true;
    };
    if (!login("first login")) {
        std::fprintf(stderr, "bench_library: first sync did not finish\n");
        return 1;
    }
    bob->disconnectFromServer();
    while (bob->state() != xmpp::Client::State::Offline) {
        pump();
    }
    // Ten answers change while bob is away.
    for (int i = 0; i < 10; ++i) {
        publishAll(alicePs, i * (total / 10), 1, 2);
    }
    if (!login("next login, 10 changed")) {
        std::fprintf(stderr, "bench_library: second sync did not finish\n");
        return 1;
    }
    bob->disconnectFromServer();
    while (bob->state() != xmpp::Client::State::Offline) {
        pump();
    }
    if (!login("next login, nothing changed")) {
        return 1;
    }
    return 0;
}
