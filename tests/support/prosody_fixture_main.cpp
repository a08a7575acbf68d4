// prosody-fixture: a private Prosody for shell and Python scripts. Prints one JSON
// line with the server's coordinates, then runs until stdin reaches EOF or
// SIGTERM/SIGINT arrives, and stops Prosody on the way out.
#include "ProsodyFixture.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSocketNotifier>

#include <fcntl.h>
#include <unistd.h>
#include <cerrno>
#include <csignal>
#include <cstdio>

using rapport::test::ProsodyFixture;

namespace {

int g_signalPipe[2] = {-1, -1};

// Only write() is safe in a signal handler; the event loop does the rest.
void onSignal(int) {
    const char byte = 1;
    [[maybe_unused]] const ssize_t n = ::write(g_signalPipe[1], &byte, 1);
}

bool installSignalHandlers() {
    if (::pipe2(g_signalPipe, O_CLOEXEC | O_NONBLOCK) != 0)
        return false;
    struct sigaction action = {};
    action.sa_handler = onSignal;
    sigemptyset(&action.sa_mask);
    action.sa_flags = SA_RESTART;
    return ::sigaction(SIGTERM, &action, nullptr) == 0 &&
           ::sigaction(SIGINT, &action, nullptr) == 0;
}

// Scripts read exactly one line from stderr on failure.
int fail(const QString& message) {
    std::fprintf(stderr, "prosody-fixture: %s\n", qPrintable(message.simplified()));
    return 1;
}

QByteArray coordinates(const ProsodyFixture& fixture) {
    const QJsonObject info{
        {QStringLiteral("ws_url"), fixture.websocketUrl().toString()},
        {QStringLiteral("http_port"), fixture.httpPort()},
        {QStringLiteral("c2s_port"), fixture.c2sPort()},
        {QStringLiteral("hosts"),
         QJsonArray{ProsodyFixture::sha256Host(), ProsodyFixture::sha1Host()}},
        {QStringLiteral("pubsub"), fixture.pubsubService()},
        {QStringLiteral("muc"), fixture.mucService()},
        {QStringLiteral("upload"), fixture.uploadService()},
        {QStringLiteral("dir"), fixture.dataDir()},
        {QStringLiteral("config"), fixture.configPath()},
        {QStringLiteral("log"), fixture.logPath()},
    };
    return QJsonDocument(info).toJson(QJsonDocument::Compact);
}

}  // namespace

int main(int argc, char** argv) {
    QCoreApplication app(argc, argv);
    QCommandLineParser parser;
    parser.setApplicationDescription(QStringLiteral(
        "Starts a private Prosody on loopback, prints one JSON line with its coordinates "
        "and runs until stdin reaches EOF or SIGTERM/SIGINT arrives."));
    parser.addHelpOption();
    const QCommandLineOption usersOption(
        QStringLiteral("users"),
        QStringLiteral("Comma-separated user names, registered on both virtual hosts."),
        QStringLiteral("names"));
    const QCommandLineOption passwordOption(QStringLiteral("password"),
                                            QStringLiteral("Password for every user."),
                                            QStringLiteral("password"), QStringLiteral("secret"));
    const QCommandLineOption adminOption(
        QStringLiteral("admin"),
        QStringLiteral("Bare JID made a server admin (repeatable); admins create pubsub nodes."),
        QStringLiteral("jid"));
    // A background job of a non-interactive shell gets /dev/null as stdin,
    // which would otherwise mean "stop at once".
    const QCommandLineOption noStdinOption(
        QStringLiteral("no-stdin"),
        QStringLiteral("Ignore stdin; run until SIGTERM/SIGINT (use with `&` in scripts)."));
    const QCommandLineOption noArchiveOption(
        QStringLiteral("no-archive"),
        QStringLiteral("Do not archive messages (MAM); for measuring routing alone."));
    parser.addOptions({usersOption, passwordOption, adminOption, noStdinOption, noArchiveOption});
    parser.process(app);

    // Before starting Prosody, so an early SIGTERM still stops it cleanly.
    if (!installSignalHandlers())
        return fail(QStringLiteral("cannot install signal handlers"));

    ProsodyFixture fixture;
    fixture.setAdmins(parser.values(adminOption));
    if (parser.isSet(noArchiveOption))
        fixture.setExtraConfig(QStringLiteral("default_archive_policy = false"));
    QString error;
    if (!fixture.start(&error))
        return fail(error);
    const QStringList users = parser.value(usersOption).split(QLatin1Char(','), Qt::SkipEmptyParts);
    for (const QString& user : users) {
        for (const QString& host : {ProsodyFixture::sha256Host(), ProsodyFixture::sha1Host()}) {
            if (!fixture.registerUser(user.trimmed(), host, parser.value(passwordOption), &error))
                return fail(error);
        }
    }

    std::fputs(coordinates(fixture).constData(), stdout);
    std::fputc('\n', stdout);
    std::fflush(stdout);

    QSocketNotifier signalNotifier(g_signalPipe[0], QSocketNotifier::Read);
    QObject::connect(&signalNotifier, &QSocketNotifier::activated, &app, &QCoreApplication::quit);

    QSocketNotifier stdinNotifier(STDIN_FILENO, QSocketNotifier::Read);
    stdinNotifier.setEnabled(!parser.isSet(noStdinOption));
    QObject::connect(&stdinNotifier, &QSocketNotifier::activated, &app, [&app] {
        char buffer[4096];
        const ssize_t n = ::read(STDIN_FILENO, buffer, sizeof buffer);
        // Whatever is written to stdin is ignored; only its end matters.
        if (n == 0 || (n < 0 && errno != EINTR && errno != EAGAIN))
            app.quit();
    });

    app.exec();
    fixture.stop();
    return 0;
}
