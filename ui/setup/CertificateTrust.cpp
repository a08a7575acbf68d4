#include "setup/CertificateTrust.h"

#include <QLabel>
#include <QLocale>
#include <QPushButton>
#include <QSettings>
#include <QVBoxLayout>

namespace rapport::ui {

namespace {

const QString kTrustedKey = QStringLiteral("account/trustedCertificates");

QString names(const QStringList& list) {
    return list.isEmpty() ? QStringLiteral("–") : list.join(QStringLiteral(", "));
}

}  // namespace

QByteArrayList trustedCertificates() {
    QByteArrayList digests;
    for (const QString& hex : QSettings().value(kTrustedKey).toStringList()) {
        const QByteArray digest = QByteArray::fromHex(hex.toLatin1());
        if (digest.size() == 32) {
            digests << digest;
        }
    }
    return digests;
}

void addTrustedCertificate(const QSslCertificate& certificate) {
    QSettings settings;
    QStringList hex = settings.value(kTrustedKey).toStringList();
    const QString digest =
        QString::fromLatin1(certificate.digest(QCryptographicHash::Sha256).toHex());
    if (!hex.contains(digest)) {
        hex << digest;
        settings.setValue(kTrustedKey, hex);
    }
}

CertificateTrustPanel::CertificateTrustPanel(QWidget* parent) : QWidget(parent) {
    setObjectName(QStringLiteral("certificateTrust"));
    m_details = new QLabel;
    m_details->setObjectName(QStringLiteral("certificateDetails"));
    m_details->setTextFormat(Qt::RichText);
    m_details->setWordWrap(true);
    m_details->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_details->setAccessibleName(tr("The server's certificate"));
    m_trust = new QPushButton(tr("T&rust this certificate"));
    m_trust->setToolTip(
        tr("Only if the fingerprint is the one your administrator gave you: "
           "Rapport will then accept this certificate, and only this one."));
    connect(m_trust, &QPushButton::clicked, this, [this] {
        addTrustedCertificate(m_certificate);
        emit trusted(m_certificate);
    });
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_details);
    layout->addWidget(m_trust, 0, Qt::AlignLeft);
    hide();
}

void CertificateTrustPanel::showCertificate(const QSslCertificate& certificate) {
    m_certificate = certificate;
    if (certificate.isNull()) {
        hide();
        return;
    }
    const QLocale locale;
    QStringList alternatives;
    const auto san = certificate.subjectAlternativeNames();
    for (auto it = san.cbegin(); it != san.cend(); ++it) {
        alternatives << it.value();
    }
    // 32 bytes in two lines of 16, in a fixed-width font, to compare pair by pair.
    const QByteArray digest = certificate.digest(QCryptographicHash::Sha256);
    const QString fingerprint = QString::fromLatin1(digest.left(16).toHex(':')).toUpper() +
                                QLatin1Char('\n') +
                                QString::fromLatin1(digest.mid(16).toHex(':')).toUpper();
    const auto row = [](const QString& label, const QString& value) {
        return QStringLiteral("<tr><td style='padding-right:8px'><b>%1</b></td><td>%2</td></tr>")
            .arg(label.toHtmlEscaped(), value.toHtmlEscaped());
    };
    QString html = QStringLiteral("<table>");
    html += row(tr("Issued to"), names(certificate.subjectInfo(QSslCertificate::CommonName)));
    if (!alternatives.isEmpty()) {
        html += row(tr("Also valid for"), alternatives.join(QStringLiteral(", ")));
    }
    html += row(tr("Issued by"), names(certificate.issuerInfo(QSslCertificate::CommonName)) +
                                     (certificate.isSelfSigned() ? tr(" (itself)") : QString()));
    html += row(
        tr("Valid"),
        tr("from %1 until %2")
            .arg(locale.toString(certificate.effectiveDate().toLocalTime(), QLocale::ShortFormat),
                 locale.toString(certificate.expiryDate().toLocalTime(), QLocale::ShortFormat)));
    html += QStringLiteral(
                "<tr><td style='padding-right:8px'><b>%1</b></td>"
                "<td style='white-space:nowrap'><tt>%2</tt></td></tr>")
                .arg(tr("SHA-256 fingerprint").toHtmlEscaped(),
                     fingerprint.toHtmlEscaped().replace(QLatin1Char('\n'), "<br>"));
    html += QStringLiteral("</table>");
    m_details->setText(html);
    show();
    // The dialog around it grows to show it whole.
    if (QWidget* top = window(); top != this) {
        top->adjustSize();
    }
}

}  // namespace rapport::ui
