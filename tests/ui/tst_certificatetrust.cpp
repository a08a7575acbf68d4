// "Trust this certificate", against a real Prosody serving wss:// with a self-signed
// certificate: the set-up dialog's test refuses it and shows who it names, who issued it and
// its SHA-256 fingerprint, with an explicit "Trust this certificate"; trusting it saves its
// digest and the test runs again and succeeds. The trust is for that certificate only:
// another pinned digest changes nothing. A signed-in account refused for the certificate
// (as when the server's certificate changes) offers "Review certificate…" in the status
// bar; trusting it there connects without signing in again.
#include <QApplication>
#include <QDialog>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QSettings>
#include <QSignalSpy>
#include <QTcpServer>
#include <QTemporaryDir>
#include <QtTest>

#include "LiveClient.h"
#include "SelfSignedCertificate.h"
#include "UiTestSupport.h"
#include "account/Account.h"
#include "account/ConnectionTest.h"
#include "main/MainWindow.h"
#include "setup/AccountSetupDialog.h"
#include "setup/CertificateTrust.h"
#include "xmpp/Client.h"

using namespace rapport;
using rapport::test::ProsodyFixture;

namespace {

const QString Password = QStringLiteral("secret");
const QString Engineer = QStringLiteral("engineer@localhost");

quint16 freePort() {
    QTcpServer probe;
    return probe.listen(QHostAddress::LocalHost) ? probe.serverPort() : 0;
}

QString lua(const QString& s) {
    return QLatin1Char('"') + QString(s).replace(QLatin1Char('\\'), QStringLiteral("\\\\")) +
           QLatin1Char('"');
}

}  // namespace

class TestCertificateTrust : public QObject {
    Q_OBJECT
    ProsodyFixture server;
    QTemporaryDir profile;
    QTemporaryDir keys;
    QUrl wss;
    QByteArray digest;

    Result<void> testConnection(const QByteArrayList& trusted, QSslCertificate* rejected) {
        ConnectionTest test;
        test.setTrustedCertificates(trusted);
        std::optional<Result<void>> result;
        test.run(Jid(Engineer), Password, wss, [&](const Result<void>& r) { result = r; });
        if (!QTest::qWaitFor([&] { return result.has_value(); }, 20000)) {
            return Error::make(ErrorCode::Timeout, QStringLiteral("no answer"));
        }
        if (rejected) {
            *rejected = test.rejectedCertificate();
        }
        return *result;
    }

private slots:
    void initTestCase() {
        QVERIFY(QSslSocket::supportsSsl());
        test::SelfSignedCertificate made;
        QString error;
        QVERIFY2(test::SelfSignedCertificate::make(
                     keys.path(), QStringLiteral("team-server.example"), &made, &error),
                 qPrintable(error));
        digest = made.certificate.digest(QCryptographicHash::Sha256);
        const QString cert = made.certificatePath;
        const QString key = made.keyPath;

        const quint16 port = freePort();
        QVERIFY(port != 0);
        // WebSocket over TLS on a port of its own, with the self-signed certificate.
        server.setExtraConfig(QStringLiteral("https_ports = { %1 }\n"
                                             "https_interfaces = { \"127.0.0.1\" }\n"
                                             "https_ssl = { certificate = %2, key = %3 }\n")
                                  .arg(port)
                                  .arg(lua(cert), lua(key)));
        QVERIFY2(
            rapport::test::startWithUsers(server, {QStringLiteral("engineer")}, Password, &error),
            qPrintable(error));
        wss = QUrl(QStringLiteral("wss://127.0.0.1:%1/xmpp-websocket").arg(port));
        rapport::test::keepSettingsIn(profile.path());
    }

    void refusedUnlessThatCertificateIsTrusted() {
        QSslCertificate rejected;
        const Result<void> untrusted = testConnection({}, &rejected);
        QVERIFY(!untrusted.ok());
        QCOMPARE(untrusted.error().code, ErrorCode::Certificate);
        QVERIFY(!rejected.isNull());
        QCOMPARE(rejected.digest(QCryptographicHash::Sha256), digest);
        QCOMPARE(rejected.subjectInfo(QSslCertificate::CommonName),
                 QStringList{QStringLiteral("team-server.example")});

        // Another certificate's digest trusts nothing here.
        const QByteArray other = QCryptographicHash::hash("another", QCryptographicHash::Sha256);
        const Result<void> wrongPin = testConnection({other}, nullptr);
        QVERIFY(!wrongPin.ok());
        QCOMPARE(wrongPin.error().code, ErrorCode::Certificate);

        const Result<void> pinned = testConnection({other, digest}, nullptr);
        QVERIFY2(pinned.ok(), qPrintable(pinned.ok() ? QString() : pinned.error().message));
    }

    void setUpDialogOffersToTrustIt() {
        QVERIFY(ui::trustedCertificates().isEmpty());
        ui::AccountSetupDialog dialog;
        dialog.show();
        dialog.jidEdit()->setText(Engineer);
        dialog.passwordEdit()->setText(Password);
        dialog.serverEdit()->setText(wss.toString());
        QSignalSpy tested(&dialog, &ui::AccountSetupDialog::tested);
        QTest::mouseClick(dialog.testButton(), Qt::LeftButton);
        QTRY_COMPARE_WITH_TIMEOUT(tested.size(), 1, 20000);
        QCOMPARE(tested[0][0].toBool(), false);
        QVERIFY2(dialog.statusLabel()->text().contains(QStringLiteral("not trusted")),
                 qPrintable(dialog.statusLabel()->text()));
        // The details a person needs to decide, and the explicit choice.
        ui::CertificateTrustPanel* panel = dialog.certificatePanel();
        QVERIFY(panel->isVisible());
        const QString details = panel->detailsLabel()->text();
        QVERIFY2(details.contains(QStringLiteral("team-server.example")), qPrintable(details));
        QVERIFY(details.contains(QString::fromLatin1(digest.left(16).toHex(':')).toUpper()));
        QVERIFY(details.contains(QString::fromLatin1(digest.mid(16).toHex(':')).toUpper()));
        QVERIFY(details.contains(QStringLiteral("(itself)")));  // self-signed
        QVERIFY(panel->trustButton()->isVisible());
        if (const QString shots = qEnvironmentVariable("RAPPORT_SCREENSHOT_DIR");
            !shots.isEmpty()) {
            dialog.grab().save(shots + QStringLiteral("/certificate-trust.png"));
        }

        QTest::mouseClick(panel->trustButton(), Qt::LeftButton);
        QCOMPARE(ui::trustedCertificates(), QByteArrayList{digest});  // saved
        QTRY_COMPARE_WITH_TIMEOUT(tested.size(), 2, 20000);           // and tested again
        QCOMPARE(tested[1][0].toBool(), true);
        QVERIFY(!panel->isVisible());
    }

    // Signed in, then the certificate is refused (here: the trust was never given to this
    // account); the status bar offers to review it, and trusting it there connects.
    void reviewFromTheMainWindow() {
        QSettings().remove(QStringLiteral("account/trustedCertificates"));
        QString why;
        std::unique_ptr<Account> account =
            rapport::test::openAccount(profile.filePath(QStringLiteral("data")), Engineer, &why);
        QVERIFY2(account, qPrintable(why));
        ui::MainWindow window(*account);
        window.show();
        QVERIFY(account->signIn(Password, wss).ok());
        auto* review = window.findChild<QPushButton*>(QStringLiteral("reviewCertificate"));
        QVERIFY(review);
        QTRY_VERIFY_WITH_TIMEOUT(review->isVisible(), 20000);
        QCOMPARE(account->client().state(), xmpp::Client::State::Offline);  // no retry loop
        QTest::mouseClick(review, Qt::LeftButton);
        QDialog* dialog = nullptr;
        QTRY_VERIFY((dialog = window.findChild<QDialog*>(QStringLiteral("certificateDialog"))));
        auto* panel = dialog->findChild<ui::CertificateTrustPanel*>();
        QVERIFY(panel && panel->isVisible());
        QCOMPARE(panel->certificate().digest(QCryptographicHash::Sha256), digest);
        QTest::mouseClick(panel->trustButton(), Qt::LeftButton);
        QTRY_COMPARE_WITH_TIMEOUT(account->client().state(), xmpp::Client::State::Online, 20000);
        QVERIFY(!review->isVisible());
        QCOMPARE(ui::trustedCertificates(), QByteArrayList{digest});
    }
};

QTEST_MAIN(TestCertificateTrust)
#include "tst_certificatetrust.moc"
