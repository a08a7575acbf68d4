// Running rapport-cli ($RAPPORT_CLI, set by CTest) from a test, the way a script does:
// the password in RAPPORT_PASSWORD, never on the command line.
#pragma once

#include <QByteArray>
#include <QProcess>
#include <QString>
#include <QStringList>

namespace rapport::test {

struct CliRun {
    int exitCode = -1;  // -1: crashed, killed or timed out
    QByteArray out;     // JSON lines for most commands
    QString err;
    qint64 ms = 0;  // wall time, for the notes; tests do not time things

    QString outText() const { return QString::fromUtf8(out); }
};

// Starts rapport-cli with `args`. An empty `profile` leaves RAPPORT_PROFILE as the
// environment has it (CTest gives each suite its own); the caller owns the process.
QProcess* startCli(const QStringList& args, const QString& password, const QString& profile = {});

// Runs it to the end, or kills it after timeoutMs.
CliRun runCli(const QStringList& args, const QString& password, const QString& profile = {},
              int timeoutMs = 300000);

}  // namespace rapport::test
