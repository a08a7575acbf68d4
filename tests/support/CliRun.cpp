#include "CliRun.h"

#include <QElapsedTimer>
#include <QProcessEnvironment>
#include <memory>

namespace rapport::test {

QProcess* startCli(const QStringList& args, const QString& password, const QString& profile) {
    auto* p = new QProcess;
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.insert(QStringLiteral("RAPPORT_PASSWORD"), password);
    if (!profile.isEmpty()) {
        env.insert(QStringLiteral("RAPPORT_PROFILE"), profile);
    }
    p->setProcessEnvironment(env);
    p->start(qEnvironmentVariable("RAPPORT_CLI"), args);
    return p;
}

CliRun runCli(const QStringList& args, const QString& password, const QString& profile,
              int timeoutMs) {
    QElapsedTimer t;
    t.start();
    std::unique_ptr<QProcess> p(startCli(args, password, profile));
    if (!p->waitForFinished(timeoutMs)) {
        p->kill();
        p->waitForFinished(5000);
    }
    CliRun r;
    r.ms = t.elapsed();
    r.exitCode = p->exitStatus() == QProcess::NormalExit ? p->exitCode() : -1;
    r.out = p->readAllStandardOutput();
    r.err = QString::fromUtf8(p->readAllStandardError());
    return r;
}

}  // namespace rapport::test
