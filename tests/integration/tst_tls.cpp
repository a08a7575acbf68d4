// wss:// with a certificate nobody vouches for: the connection fails closed, with
// a message that names the problem and the certificate, and no retry loop.
#include <QSslKey>
#include <QSslServer>
#include <QtTest>

#include "SelfSignedCertificate.h"
#include "xmpp/Client.h"

using namespace rapport;

class TestTls : public QObject {
    Q_OBJECT
    QTemporaryDir dir;
    QSslServer server;

private slots:
    void initTestCase() {
        QVERIFY(QSslSocket::supportsSsl());
        QVERIFY(dir.isValid());
        test::SelfSignedCertificate made;
        QString error;
        QVERIFY2(test::SelfSignedCertificate::make(
                     dir.path(), QStringLiteral("rapport-selfsigned.test"), &made, &error),
                 qPrintable(error));
        QFile keyFile(made.keyPath);
        QVERIFY(keyFile.open(QIODevice::ReadOnly));
        QSslConfiguration config = QSslConfiguration::defaultConfiguration();
        config.setPrivateKey(QSslKey(&keyFile, QSsl::Rsa));
        config.setLocalCertificate(made.certificate);
        server.setSslConfiguration(config);
        QVERIFY(server.listen(QHostAddress::LocalHost));
    }

    void untrustedCertificateFailsClosed() {
        xmpp::Client client;
        xmpp::Client::Settings s;
        s.jid = Jid(QStringLiteral("alice@localhost"));
        s.password = QStringLiteral("secret");
        s.url = QUrl(QStringLiteral("wss://127.0.0.1:%1/xmpp-websocket").arg(server.serverPort()));
        client.setSettings(s);
        QSignalSpy errors(&client, &xmpp::Client::errorOccurred);
        client.connectToServer();
        QTRY_COMPARE_WITH_TIMEOUT(errors.size(), 1, 15000);
        const Error e = errors[0][0].value<Error>();
        QCOMPARE(e.code, ErrorCode::Certificate);
        QVERIFY2(e.message.contains(QStringLiteral("not trusted")), qPrintable(e.message));
        QVERIFY2(e.message.contains(QStringLiteral("rapport-selfsigned.test")),
                 qPrintable(e.message));
        QVERIFY2(e.message.contains(QStringLiteral("self signed"), Qt::CaseInsensitive) ||
                     e.message.contains(QStringLiteral("self-signed"), Qt::CaseInsensitive),
                 qPrintable(e.message));
        // The user must act (trust it or fix the server): no reconnect loop.
        QCOMPARE(client.state(), xmpp::Client::State::Offline);
        QTest::qWait(1500);
        QCOMPARE(errors.size(), 1);
    }
};

QTEST_GUILESS_MAIN(TestTls)
#include "tst_tls.moc"
