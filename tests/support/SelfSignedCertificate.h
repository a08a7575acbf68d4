// A certificate nobody vouches for, made with the openssl tool for a test's TLS server (a
// QSslServer, or Prosody's https port): key and certificate as PEM files in a folder.
#pragma once

#include <QSslCertificate>
#include <QString>

namespace rapport::test {

struct SelfSignedCertificate {
    QString certificatePath;
    QString keyPath;
    QSslCertificate certificate;

    // Writes cert.pem and key.pem (RSA 2048, valid two days, CN=commonName) into `dir`.
    // False, with the reason in `error`, if openssl is missing or fails.
    static bool make(const QString& dir, const QString& commonName, SelfSignedCertificate* out,
                     QString* error = nullptr);
};

}  // namespace rapport::test
