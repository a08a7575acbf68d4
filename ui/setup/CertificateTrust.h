// A server certificate nobody vouches for, shown so that a person can decide: who it names,
// who issued it, when it is valid, and its SHA-256 fingerprint to compare with what the
// administrator says. The certificates the user chose to trust are kept in the settings
// (their digests), for every later connection of this profile.
#pragma once

#include <QByteArrayList>
#include <QSslCertificate>
#include <QWidget>

class QLabel;
class QPushButton;

namespace rapport::ui {

// The digests trusted so far, and adding one (saved at once).
QByteArrayList trustedCertificates();
void addTrustedCertificate(const QSslCertificate& certificate);

// The certificate's details and a "Trust this certificate" button. Hidden until show(cert).
class CertificateTrustPanel : public QWidget {
    Q_OBJECT
public:
    explicit CertificateTrustPanel(QWidget* parent = nullptr);

    void showCertificate(const QSslCertificate& certificate);
    QSslCertificate certificate() const { return m_certificate; }
    QPushButton* trustButton() const { return m_trust; }
    QLabel* detailsLabel() const { return m_details; }

signals:
    // The user chose to trust it (already saved with addTrustedCertificate).
    void trusted(const QSslCertificate& certificate);

private:
    QSslCertificate m_certificate;
    QLabel* m_details;
    QPushButton* m_trust;
};

}  // namespace rapport::ui
