// A private Prosody 0.12 for one test suite or script: its own temp dir, its own
// loopback ports, two virtual hosts (one per SCRAM variant) and the pubsub, MUC
// and upload components. Tests get a real server without touching /etc/prosody.
#pragma once

#include <QString>
#include <QStringList>
#include <QTemporaryDir>
#include <QUrl>
#include <memory>

class QProcess;

namespace rapport::test {

class ProsodyFixture {
public:
    ProsodyFixture();
    ~ProsodyFixture();

    ProsodyFixture(const ProsodyFixture&) = delete;
    ProsodyFixture& operator=(const ProsodyFixture&) = delete;

    // Writes the config, starts `prosody -F` and waits (at most 15 s) until the
    // WebSocket endpoint answers 200. On failure `error` holds the log's tail.
    // Returns true at once if already running.
    bool start(QString* error = nullptr);
    // SIGTERM, then SIGKILL after 3 s. Idempotent.
    void stop();
    // SIGKILL now, to simulate a crash. The data dir is kept.
    void kill();
    // Start again on the same ports with the same data (stops first if needed).
    bool restart(QString* error = nullptr);
    bool isRunning() const;
    // The pid of the running server, or 0.
    qint64 pid() const;

    // Creates the account, or resets its password if it exists (that is what
    // `prosodyctl register` does in 0.12). Works while running or not.
    bool registerUser(const QString& user, const QString& host, const QString& password,
                      QString* error = nullptr);

    static QString sha256Host() { return QStringLiteral("localhost"); }
    static QString sha1Host() { return QStringLiteral("sha1.localhost"); }
    QString pubsubService() const { return QStringLiteral("pubsub.localhost"); }
    QString mucService() const { return QStringLiteral("conference.localhost"); }
    QString uploadService() const { return QStringLiteral("upload.localhost"); }

    quint16 c2sPort() const { return m_c2sPort; }
    quint16 httpPort() const { return m_httpPort; }
    QUrl websocketUrl() const;
    QString dataDir() const;
    QString configPath() const;
    // Prosody's console output (both runs, if restarted) is appended here.
    QString logPath() const;
    // The last `lines` lines of the log, for failure messages.
    QString logTail(int lines = 30) const;

    // Both take effect at the next start().
    void setAdmins(const QStringList& bareJids) { m_admins = bareJids; }
    void setExtraConfig(const QString& luaGlobalOptions) { m_extraConfig = luaGlobalOptions; }

private:
    bool writeConfig(QString* error) const;
    QString configText() const;
    bool waitUntilReady(QString* error);

    QTemporaryDir m_dir;
    quint16 m_c2sPort = 0;
    quint16 m_httpPort = 0;
    QStringList m_admins;
    QString m_extraConfig;
    std::unique_ptr<QProcess> m_process;
};

}  // namespace rapport::test
