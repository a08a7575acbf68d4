// "Test connection" in the account set-up: signs in once with what the user typed, on a
// throw-away connection, and says whether it worked or exactly what went wrong (wrong
// password, server unreachable, certificate not trusted, a refused address). Retries
// nothing; the store is not touched.
#pragma once

#include <QByteArrayList>
#include <QObject>
#include <QSslCertificate>
#include <QUrl>
#include <functional>
#include <memory>

#include "common/Jid.h"
#include "common/Result.h"

class QNetworkAccessManager;

namespace rapport::xmpp {
class Client;
}

namespace rapport {

class ConnectionTest : public QObject {
    Q_OBJECT
public:
    explicit ConnectionTest(QObject* parent = nullptr);
    ~ConnectionTest() override;

    // Calls done once: Ok when a session started, else the error. `server` empty: as the
    // account would find it (XEP-0156, else the default).
    void run(const Jid& jid, const QString& password, const QUrl& server,
             std::function<void(const Result<void>&)> done);
    // Where it connected (or tried to).
    QUrl url() const { return m_url; }
    // Server certificates the user trusted (SHA-256 digests), for the next run().
    void setTrustedCertificates(const QByteArrayList& sha256) { m_trusted = sha256; }
    // After an ErrorCode::Certificate: the certificate refused, to show and maybe trust.
    QSslCertificate rejectedCertificate() const;

private:
    void finish(const Result<void>& result);

    std::unique_ptr<QNetworkAccessManager> m_nam;
    std::unique_ptr<xmpp::Client> m_client;
    std::function<void(const Result<void>&)> m_done;
    QUrl m_url;
    QByteArrayList m_trusted;
};

}  // namespace rapport
