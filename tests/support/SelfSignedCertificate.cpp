#include "SelfSignedCertificate.h"

#include <QDir>
#include <QFile>
#include <QProcess>

namespace rapport::test {

bool SelfSignedCertificate::make(const QString& dir, const QString& commonName,
                                 SelfSignedCertificate* out, QString* error) {
    const auto fail = [error](const QString& why) {
        if (error) {
            *error = why;
        }
        return false;
    };
    out->keyPath = QDir(dir).filePath(QStringLiteral("key.pem"));
    out->certificatePath = QDir(dir).filePath(QStringLiteral("cert.pem"));
    QProcess openssl;
    openssl.start(
        QStringLiteral("openssl"),
        {QStringLiteral("req"), QStringLiteral("-x509"), QStringLiteral("-newkey"),
         QStringLiteral("rsa:2048"), QStringLiteral("-nodes"), QStringLiteral("-keyout"),
         out->keyPath, QStringLiteral("-out"), out->certificatePath, QStringLiteral("-days"),
         QStringLiteral("2"), QStringLiteral("-subj"), QStringLiteral("/CN=") + commonName});
    if (!openssl.waitForFinished(30000) || openssl.exitStatus() != QProcess::NormalExit ||
        openssl.exitCode() != 0) {
        return fail(QStringLiteral("openssl req failed: ") + openssl.errorString() +
                    QString::fromLocal8Bit(openssl.readAllStandardError()));
    }
    QFile file(out->certificatePath);
    if (!file.open(QIODevice::ReadOnly)) {
        return fail(file.errorString());
    }
    out->certificate = QSslCertificate(&file);
    return !out->certificate.isNull() || fail(QStringLiteral("openssl wrote no certificate"));
}

}  // namespace rapport::test
