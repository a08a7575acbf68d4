#include "setup/AccountSetupDialog.h"

#include <QDialogButtonBox>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QVBoxLayout>

#include "account/ConnectionTest.h"
#include "setup/CertificateTrust.h"

namespace rapport::ui {

AccountSetupDialog::AccountSetupDialog(QWidget* parent) : QDialog(parent) {
    setWindowTitle(tr("Sign in to Rapport"));
    setObjectName(QStringLiteral("accountSetup"));

    auto* heading = new QLabel(tr("Sign in to your team"));
    QFont big = heading->font();
    big.setPointSizeF(big.pointSizeF() * 1.3);
    big.setBold(true);
    heading->setFont(big);
    auto* intro =
        new QLabel(tr("Sign in with your team's chat account. Rapport finds the server from your "
                      "address; enter it only if your administrator gave you one."));
    intro->setWordWrap(true);

    m_jid = new QLineEdit;
    m_jid->setPlaceholderText(tr("name@example.com"));
    m_jid->setAccessibleName(tr("Address"));
    m_password = new QLineEdit;
    m_password->setEchoMode(QLineEdit::Password);
    m_password->setAccessibleName(tr("Password"));
    m_server = new QLineEdit;
    m_server->setPlaceholderText(tr("found automatically"));
    m_server->setAccessibleName(tr("Server address (optional)"));
    m_server->setToolTip(tr("A wss:// address such as wss://chat.example.com:5281/xmpp-websocket"));

    auto* form = new QFormLayout;
    form->addRow(tr("&Address:"), m_jid);
    form->addRow(tr("&Password:"), m_password);
    form->addRow(tr("&Server (optional):"), m_server);

    m_status = new QLabel;
    m_status->setWordWrap(true);
    m_status->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_status->setAccessibleName(tr("Connection test result"));
    m_status->setMinimumHeight(fontMetrics().height() * 3);

    m_certificate = new CertificateTrustPanel;
    connect(m_certificate, &CertificateTrustPanel::trusted, this,
            [this] { runTest(m_acceptAfterTest); });

    auto* buttons = new QDialogButtonBox;
    m_test = buttons->addButton(tr("&Test connection"), QDialogButtonBox::ActionRole);
    m_signIn = buttons->addButton(tr("Sign &in"), QDialogButtonBox::AcceptRole);
    // No icon: the style gives Cancel one and nothing else, which made it look like the
    // main action.
    buttons->addButton(QDialogButtonBox::Cancel)->setIcon(QIcon());
    m_withoutAccount = new QPushButton(tr("Continue &without an account"));
    m_withoutAccount->setObjectName(QStringLiteral("withoutAccount"));
    m_withoutAccount->setToolTip(
        tr("Use the answer library and search on this computer only; "
           "add an account later with \"Sign in…\"."));
    connect(m_withoutAccount, &QPushButton::clicked, this, [this] {
        emit withoutAccountChosen();
        reject();
    });
    m_signIn->setDefault(true);
    connect(m_test, &QPushButton::clicked, this, [this] { runTest(false); });
    connect(buttons, &QDialogButtonBox::accepted, this, [this] { runTest(true); });
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);

    auto* layout = new QVBoxLayout(this);
    layout->addWidget(heading);
    layout->addWidget(intro);
    layout->addLayout(form);
    layout->addWidget(m_status);
    layout->addWidget(m_certificate);
    auto* bottom = new QHBoxLayout;
    bottom->addWidget(m_withoutAccount);
    bottom->addStretch();
    bottom->addWidget(buttons);
    layout->addLayout(bottom);
    setMinimumWidth(fontMetrics().averageCharWidth() * 72);
}

Jid AccountSetupDialog::jid() const {
    return Jid(m_jid->text().trimmed()).bare();
}

QString AccountSetupDialog::password() const {
    return m_password->text();
}

QUrl AccountSetupDialog::server() const {
    const QString text = m_server->text().trimmed();
    return text.isEmpty() ? QUrl() : QUrl(text);
}

void AccountSetupDialog::setJid(const QString& jid) {
    m_jid->setText(jid);
}

void AccountSetupDialog::setServer(const QUrl& url) {
    m_server->setText(url.toString());
}

void AccountSetupDialog::setBusy(bool busy) {
    m_test->setEnabled(!busy);
    m_signIn->setEnabled(!busy);
    m_jid->setEnabled(!busy);
    m_password->setEnabled(!busy);
    m_server->setEnabled(!busy);
    if (busy) {
        m_status->setText(tr("Connecting…"));
    }
}

void AccountSetupDialog::showStatus(bool ok, const QString& message) {
    m_status->setText(message);
    QPalette p = m_status->palette();
    p.setColor(QPalette::WindowText, ok ? QColor(0x1b, 0x7f, 0x3b) : QColor(0xb0, 0x1c, 0x1c));
    m_status->setPalette(p);
    emit tested(ok, message);
}

void AccountSetupDialog::runTest(bool thenAccept) {
    if (!Jid::isValid(m_jid->text().trimmed()) || jid().local().isEmpty()) {
        showStatus(false, tr("Enter your address as name@domain."));
        m_jid->setFocus();
        return;
    }
    const QString serverText = m_server->text().trimmed();
    if (!serverText.isEmpty() &&
        (!server().isValid() || (server().scheme() != u"ws" && server().scheme() != u"wss"))) {
        showStatus(false, tr("The server address must start with wss://."));
        m_server->setFocus();
        return;
    }
    setBusy(true);
    m_certificate->showCertificate(QSslCertificate());
    m_acceptAfterTest = thenAccept;
    delete m_connectionTest;
    m_connectionTest = new ConnectionTest(this);
    m_connectionTest->setTrustedCertificates(trustedCertificates());
    m_connectionTest->run(jid(), password(), server(), [this, thenAccept](const Result<void>& r) {
        setBusy(false);
        // The keyboard goes where the user acts next (the busy state took it away).
        if (r.ok()) {
            m_signIn->setFocus();
        } else if (r.error().code == ErrorCode::AuthenticationFailed) {
            m_password->setFocus();
            m_password->selectAll();
        } else if (r.error().code == ErrorCode::ServerUnreachable) {
            m_server->setFocus();
        } else {
            m_test->setFocus();
        }
        if (!r.ok()) {
            const bool certificate = r.error().code == ErrorCode::Certificate;
            // The panel below shows the certificate; the full error stays in the tooltip.
            m_status->setToolTip(certificate ? r.error().message : QString());
            showStatus(false, certificate
                                  ? tr("The server's certificate is not trusted: nobody you "
                                       "trust vouches for it. Compare its fingerprint with the "
                                       "one your administrator gave you before you trust it.")
                                  : r.error().message);
            if (certificate) {
                m_certificate->showCertificate(m_connectionTest->rejectedCertificate());
            }
            return;
        }
        showStatus(true, tr("Connected to %1 as %2.")
                             .arg(m_connectionTest->url().toString(), jid().bareString()));
        if (thenAccept) {
            accept();
        }
    });
}

}  // namespace rapport::ui
