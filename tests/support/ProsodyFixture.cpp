#include "ProsodyFixture.h"

#include <QDeadlineTimer>
#include <QDir>
#include <QFile>
#include <QHostAddress>
#include <QProcess>
#include <QTcpServer>
#include <QTcpSocket>
#include <tuple>

#ifdef Q_OS_LINUX
#include <sys/prctl.h>
#include <unistd.h>
#include <csignal>
#endif

namespace rapport::test {

namespace {

constexpr int kReadyTimeoutMs = 15000;
constexpr int kPollIntervalMs = 50;
constexpr int kStopGraceMs = 3000;
constexpr int kProsodyctlTimeoutMs = 10000;

QString lua(const QString& text) {
    QString escaped = text;
    escaped.replace(QLatin1String("\\"), QLatin1String("\\\\"))
        .replace(QLatin1String("\""), QLatin1String("\\\""))
        .replace(QLatin1String("\n"), QLatin1String("\\n"));
    return QLatin1Char('"') + escaped + QLatin1Char('"');
}

// Both servers are held open together so the two ports differ; closing them
// leaves a small race with other processes, which is acceptable on loopback.
std::pair<quint16, quint16> pickTwoFreePorts() {
    QTcpServer first;
    QTcpServer second;
    first.listen(QHostAddress::LocalHost, 0);
    second.listen(QHostAddress::LocalHost, 0);
    return {first.serverPort(), second.serverPort()};
}

// A blocking raw GET, so readiness needs no event loop and no QNetworkAccessManager.
int httpStatus(quint16 port, const QByteArray& path) {
    QTcpSocket socket;
    socket.connectToHost(QHostAddress::LocalHost, port);
    if (!socket.waitForConnected(500))
        return 0;
    socket.write("GET " + path + " HTTP/1.1\r\nHost: 127.0.0.1:" + QByteArray::number(port) +
                 "\r\nConnection: close\r\n\r\n");
    QByteArray reply;
    while (!reply.contains("\r\n") && socket.waitForReadyRead(1000))
        reply += socket.readAll();
    // "HTTP/1.1 200 OK"
    const QList<QByteArray> parts = reply.left(reply.indexOf("\r\n")).split(' ');
    return parts.size() >= 2 ? parts.at(1).toInt() : 0;
}

// Prosody frames its messages with rows of asterisks. Without lua-unbound every
// run prints a "was unable to find" notice that only buries the real message;
// other framed blocks (e.g. config errors) are kept.
QString withoutNotices(const QString& text) {
    QStringList kept;
    QStringList block;
    bool inside = false;
    for (const QString& line : text.split(QLatin1Char('\n'))) {
        const bool frame = line.startsWith(QLatin1String("*****"));
        if (frame && inside &&
            !block.join(QLatin1Char(' ')).contains(QLatin1String("Prosody was unable to find")))
            kept << block;
        if (frame) {
            inside = !inside;
            block.clear();
        } else {
            (inside ? block : kept) << line;
        }
    }
    kept << block;  // an unterminated frame
    return kept.join(QLatin1Char('\n')).trimmed();
}

void setError(QString* error, const QString& message) {
    if (error)
        *error = message;
}

}  // namespace

ProsodyFixture::ProsodyFixture()
    : m_dir(QDir::tempPath() + QStringLiteral("/rapport-prosody-XXXXXX")) {
    // Keep the dir (log, data) for a post-mortem when asked to.
    if (qEnvironmentVariableIsSet("RAPPORT_KEEP_PROSODY_DIR"))
        m_dir.setAutoRemove(false);
    std::tie(m_c2sPort, m_httpPort) = pickTwoFreePorts();
}

ProsodyFixture::~ProsodyFixture() {
    stop();
}

QUrl ProsodyFixture::websocketUrl() const {
    return QUrl(QStringLiteral("ws://127.0.0.1:%1/xmpp-websocket").arg(m_httpPort));
}

QString ProsodyFixture::dataDir() const {
    return m_dir.filePath(QStringLiteral("data"));
}

QString ProsodyFixture::configPath() const {
    return m_dir.filePath(QStringLiteral("prosody.cfg.lua"));
}

QString ProsodyFixture::logPath() const {
    return m_dir.filePath(QStringLiteral("prosody.log"));
}

QString ProsodyFixture::logTail(int lines) const {
    QFile file(logPath());
    if (!file.open(QIODevice::ReadOnly))
        return QString();
    const QStringList all =
        withoutNotices(QString::fromUtf8(file.readAll())).split(QLatin1Char('\n'));
    return all.mid(qMax(0, all.size() - lines)).join(QLatin1Char('\n'));
}

QString ProsodyFixture::configText() const {
    QStringList admins;
    for (const QString& jid : m_admins)
        admins << lua(jid);
    const QString dir = m_dir.path();
    // Global options must come before the first VirtualHost/Component line:
    // anything after one is silently scoped to that host.
    return QStringLiteral(R"(-- Written by rapport::test::ProsodyFixture.
run_as_root = true
data_path = %1
pidfile = %2
certificates = %3
log = { { levels = { min = "info" }, to = "console" } }

interfaces = { "127.0.0.1" }
c2s_ports = { %4 }
http_ports = { %5 }
http_interfaces = { "127.0.0.1" }
https_ports = { }
s2s_ports = { }
c2s_direct_tls_ports = { }
component_ports = { }
http_default_host = "localhost"

-- Plain ws:// and TCP on loopback: no TLS, so allow SASL without it.
c2s_require_encryption = false
allow_unencrypted_plain_auth = true
consider_websocket_secure = false

-- mod_offline is auto-loaded; listed anyway because tests rely on it.
-- mod_limits is not loaded, so nothing throttles the tests.
modules_enabled = {
    "roster", "saslauth", "disco", "carbons", "pep", "private", "blocklist",
    "vcard4", "vcard_legacy", "version", "ping", "mam", "smacks", "csi_simple",
    "http", "websocket", "offline",
}
modules_disabled = { "s2s" }
admins = { %6 }

storage = "internal"
default_archive_policy = true
max_archive_query_results = 250
-- Internal storage refuses archive items past 10000 per user/node by default,
-- which large history and library tests exceed.
storage_archive_item_limit = 1000000
smacks_hibernation_time = 600
pubsub_max_items = 100000

%7

VirtualHost "localhost"
    password_hash = "SHA-256"

VirtualHost "sha1.localhost"
    password_hash = "SHA-1"

Component "pubsub.localhost" "pubsub"
    -- Items carry publisher='<bare JID>', so clients can refuse a tip or like made in
    -- someone else's name (as packaging/server's team config does).
    expose_publisher = true

Component "conference.localhost" "muc"
    modules_enabled = { "muc_mam" }

Component "upload.localhost" "http_file_share"
    -- Served under the default host, so requests to 127.0.0.1 reach it.
    http_host = "localhost"
    http_external_url = %8
)")
        .arg(lua(dataDir()), lua(dir + QStringLiteral("/prosody.pid")),
             lua(dir + QStringLiteral("/certs")), QString::number(m_c2sPort),
             QString::number(m_httpPort), admins.join(QStringLiteral(", ")), m_extraConfig,
             lua(QStringLiteral("http://127.0.0.1:%1/").arg(m_httpPort)));
}

bool ProsodyFixture::writeConfig(QString* error) const {
    if (!m_dir.isValid()) {
        setError(error, QStringLiteral("cannot create temp dir: ") + m_dir.errorString());
        return false;
    }
    QDir root(m_dir.path());
    root.mkpath(QStringLiteral("data"));
    root.mkpath(QStringLiteral("certs"));
    QFile file(configPath());
    if (!file.open(QIODevice::WriteOnly | QIODevice::Truncate) ||
        file.write(configText().toUtf8()) < 0) {
        setError(error,
                 QStringLiteral("cannot write %1: %2").arg(configPath(), file.errorString()));
        return false;
    }
    return true;
}

bool ProsodyFixture::start(QString* error) {
    if (isRunning())
        return true;
    if (!writeConfig(error))
        return false;

    m_process = std::make_unique<QProcess>();
    // Append, so a restart keeps the first run's log for the post-mortem.
    m_process->setStandardOutputFile(logPath(), QIODevice::Append);
    m_process->setStandardErrorFile(logPath(), QIODevice::Append);
    m_process->setStandardInputFile(QProcess::nullDevice());
#ifdef Q_OS_LINUX
    // A test that crashes or is killed never runs our destructor; the kernel
    // then kills Prosody for us. The signal fires when the forking *thread*
    // exits, so start the fixture from a thread that outlives it.
    const pid_t parent = ::getpid();
    m_process->setChildProcessModifier([parent] {
        ::prctl(PR_SET_PDEATHSIG, SIGKILL);
        if (::getppid() != parent)  // the parent died before prctl took effect
            ::_exit(127);
    });
#endif
    m_process->start(QStringLiteral("prosody"),
                     {QStringLiteral("--config"), configPath(), QStringLiteral("-F")});
    if (!m_process->waitForStarted(5000)) {
        setError(error, QStringLiteral("cannot run prosody: ") + m_process->errorString());
        m_process.reset();
        return false;
    }
    if (!waitUntilReady(error)) {
        stop();
        return false;
    }
    return true;
}

bool ProsodyFixture::waitUntilReady(QString* error) {
    const QDeadlineTimer deadline(kReadyTimeoutMs);
    while (!deadline.hasExpired()) {
        if (httpStatus(m_httpPort, "/xmpp-websocket") == 200)
            return true;
        // Doubles as the poll interval, and notices an early exit at once.
        if (m_process->waitForFinished(kPollIntervalMs)) {
            setError(error, QStringLiteral("prosody exited early (exit code %1); log %2:\n%3")
                                .arg(m_process->exitCode())
                                .arg(logPath(), logTail()));
            return false;
        }
    }
    setError(error, QStringLiteral("prosody not ready after %1 ms; log %2:\n%3")
                        .arg(kReadyTimeoutMs)
                        .arg(logPath(), logTail()));
    return false;
}

void ProsodyFixture::stop() {
    if (!isRunning())
        return;
    m_process->terminate();
    if (!m_process->waitForFinished(kStopGraceMs)) {
        m_process->kill();
        m_process->waitForFinished(kStopGraceMs);
    }
}

void ProsodyFixture::kill() {
    if (!isRunning())
        return;
    m_process->kill();
    m_process->waitForFinished(kStopGraceMs);
}

bool ProsodyFixture::restart(QString* error) {
    stop();
    return start(error);
}

bool ProsodyFixture::isRunning() const {
    if (!m_process || m_process->state() == QProcess::NotRunning)
        return false;
    // Without an event loop QProcess only learns of a crash when asked; this
    // reaps a dead child so the answer is current.
    return !m_process->waitForFinished(0);
}

qint64 ProsodyFixture::pid() const {
    return isRunning() ? m_process->processId() : 0;
}

bool ProsodyFixture::registerUser(const QString& user, const QString& host, const QString& password,
                                  QString* error) {
    // prosodyctl reads the same config (paths, hosts, password_hash); before the
    // first start() it has not been written yet.
    if (!QFile::exists(configPath()) && !writeConfig(error))
        return false;
    QProcess ctl;
    ctl.setProcessChannelMode(QProcess::MergedChannels);
    ctl.setStandardInputFile(QProcess::nullDevice());
    // Qt 6 passes arguments as UTF-8 on Unix, so non-ASCII passwords arrive intact.
    ctl.start(QStringLiteral("prosodyctl"), {QStringLiteral("--config"), configPath(),
                                             QStringLiteral("register"), user, host, password});
    if (!ctl.waitForStarted(5000)) {
        setError(error, QStringLiteral("cannot run prosodyctl: ") + ctl.errorString());
        return false;
    }
    if (!ctl.waitForFinished(kProsodyctlTimeoutMs)) {
        ctl.kill();
        ctl.waitForFinished(1000);
        setError(error, QStringLiteral("prosodyctl register timed out"));
        return false;
    }
    if (ctl.exitStatus() != QProcess::NormalExit || ctl.exitCode() != 0) {
        setError(error, QStringLiteral("prosodyctl register %1 %2 failed (exit code %3): %4")
                            .arg(user, host)
                            .arg(ctl.exitCode())
                            .arg(withoutNotices(QString::fromUtf8(ctl.readAll()))));
        return false;
    }
    return true;
}

}  // namespace rapport::test
