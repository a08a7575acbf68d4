#include "settings/SettingsDialog.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QVBoxLayout>

#include "common/Jid.h"

namespace rapport::ui {

SettingsDialog::SettingsDialog(const AppSettings& current, const QString& defaultService,
                               QWidget* parent)
    : QDialog(parent) {
    setObjectName(QStringLiteral("settingsDialog"));
    setWindowTitle(tr("Settings"));

    m_notifications = new QCheckBox(tr("Show a desktop notification for new messages"));
    m_notifications->setToolTip(
        tr("Only while Rapport's window is not in front, and never while you are set to "
           "\"Do not disturb\"."));
    m_notifications->setChecked(current.notifications);
    m_sounds = new QCheckBox(tr("Play a sound with notifications"));
    m_sounds->setChecked(current.sounds);
    m_sounds->setEnabled(current.notifications);
    connect(m_notifications, &QCheckBox::toggled, m_sounds, &QCheckBox::setEnabled);

    m_theme = new QComboBox;
    m_theme->setAccessibleName(tr("Theme"));
    m_theme->addItem(tr("Follow the system"), int(AppSettings::Theme::System));
    m_theme->addItem(tr("Light"), int(AppSettings::Theme::Light));
    m_theme->addItem(tr("Dark"), int(AppSettings::Theme::Dark));
    m_theme->setCurrentIndex(m_theme->findData(int(current.theme)));

    m_service = new QLineEdit(current.teamService);
    m_service->setAccessibleName(tr("Team service"));
    m_service->setPlaceholderText(defaultService);
    m_service->setClearButtonEnabled(true);
    auto* serviceHint = new QLabel(
        tr("Where your team's answers and tips live. Leave it empty for %1.").arg(defaultService));
    serviceHint->setWordWrap(true);
    serviceHint->setForegroundRole(QPalette::PlaceholderText);

    m_problem = new QLabel;
    m_problem->setObjectName(QStringLiteral("settingsProblem"));
    m_problem->setWordWrap(true);
    m_problem->setAccessibleName(tr("Problem"));
    m_problem->hide();

    auto* form = new QFormLayout;
    form->addRow(tr("Notifications:"), m_notifications);
    form->addRow(QString(), m_sounds);
    form->addRow(tr("&Theme:"), m_theme);
    form->addRow(tr("Team &service:"), m_service);
    form->addRow(QString(), serviceHint);

    m_buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel);
    connect(m_buttons, &QDialogButtonBox::accepted, this, &SettingsDialog::accept);
    connect(m_buttons, &QDialogButtonBox::rejected, this, &SettingsDialog::reject);

    auto* layout = new QVBoxLayout(this);
    layout->addLayout(form);
    layout->addWidget(m_problem);
    layout->addStretch();
    layout->addWidget(m_buttons);
    resize(520, sizeHint().height());
}

AppSettings SettingsDialog::settings() const {
    AppSettings a;
    a.notifications = m_notifications->isChecked();
    a.sounds = m_sounds->isChecked();
    a.theme = AppSettings::Theme(m_theme->currentData().toInt());
    a.teamService = m_service->text().trimmed();
    return a;
}

void SettingsDialog::accept() {
    const QString service = m_service->text().trimmed();
    // A service is a server's address: a domain, no user part and no resource.
    if (!service.isEmpty()) {
        const Jid jid(service);
        if (!Jid::isValid(service) || !jid.local().isEmpty() || !jid.resource().isEmpty()) {
            m_problem->setText(
                tr("\"%1\" is not a service's address. It looks like pubsub.example.com.")
                    .arg(service));
            m_problem->show();
            m_service->setFocus();
            m_service->selectAll();
            return;
        }
    }
    m_problem->hide();
    QDialog::accept();
}

}  // namespace rapport::ui
