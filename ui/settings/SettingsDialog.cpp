#include "settings/SettingsDialog.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QShowEvent>
#include <QVBoxLayout>

#include "common/FutureUtils.h"
#include "common/Jid.h"

namespace rapport::ui {

SettingsDialog::SettingsDialog(const AppSettings& current, const QString& defaultService,
                               QWidget* parent)
    : QDialog(parent) {
    setObjectName(QStringLiteral("settingsDialog"));
    setWindowTitle(tr("Settings"));

    m_name = new QLineEdit;
    m_name->setObjectName(QStringLiteral("ownName"));
    m_name->setAccessibleName(tr("Your name"));
    m_name->setMaxLength(200);
    m_nameHint = new QLabel(tr("How your team sees you, and how {{me.name}} signs your replies."));
    m_nameHint->setWordWrap(true);
    m_nameHint->setForegroundRole(QPalette::PlaceholderText);

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
    m_nameLabel = new QLabel(tr("Your &name:"));
    m_nameLabel->setBuddy(m_name);
    form->addRow(m_nameLabel, m_name);
    form->addRow(QString(), m_nameHint);
    // No account: no name (setOwnName shows the row).
    m_nameLabel->hide();
    m_name->hide();
    m_nameHint->hide();
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

void SettingsDialog::showEvent(QShowEvent* event) {
    QDialog::showEvent(event);
    if (!event->spontaneous()) {
        fitHeight();
    }
}

AppSettings SettingsDialog::settings() const {
    AppSettings a;
    a.notifications = m_notifications->isChecked();
    a.sounds = m_sounds->isChecked();
    a.theme = AppSettings::Theme(m_theme->currentData().toInt());
    a.teamService = m_service->text().trimmed();
    return a;
}

void SettingsDialog::setOwnName(OwnName ownName) {
    m_ownName = std::move(ownName);
    m_name->setText(m_ownName.name);
    m_name->setPlaceholderText(m_ownName.placeholder);
    m_name->setReadOnly(!m_ownName.offlineReason.isEmpty());
    if (!m_ownName.offlineReason.isEmpty()) {
        m_nameHint->setText(m_ownName.offlineReason);
    }
    m_nameLabel->show();
    m_name->show();
    m_nameHint->show();
}

void SettingsDialog::fitHeight() {
    // The hints wrap: as tall as they need at this width (sizeHint() would be for one line
    // each, and cut their second line off).
    constexpr int kWidth = 520;
    resize(kWidth,
           layout()->hasHeightForWidth() ? layout()->heightForWidth(kWidth) : sizeHint().height());
}

void SettingsDialog::showProblem(const QString& text, QWidget* focus) {
    m_problem->setText(text);
    m_problem->show();
    if (focus) {
        focus->setFocus();
    }
}

void SettingsDialog::accept() {
    const QString service = m_service->text().trimmed();
    // A service is a server's address: a domain, no user part and no resource.
    if (!service.isEmpty()) {
        const Jid jid(service);
        if (!Jid::isValid(service) || !jid.local().isEmpty() || !jid.resource().isEmpty()) {
            showProblem(tr("\"%1\" is not a service's address. It looks like pubsub.example.com.")
                            .arg(service),
                        m_service);
            m_service->selectAll();
            return;
        }
    }
    const QString name = m_name->text().simplified();
    // No publish: no account (the row is hidden). Read-only: offline.
    if (!m_ownName.publish || m_name->isReadOnly() || name == m_ownName.name.simplified()) {
        finishAccept();
        return;
    }
    // The name is the team's to see: set on the server before the dialog closes.
    showProblem(tr("Saving your name…"), nullptr);
    m_buttons->setEnabled(false);
    m_name->setReadOnly(true);
    onFinished(m_ownName.publish(name), this, [this, name](const Result<void>& r) {
        m_buttons->setEnabled(true);
        m_name->setReadOnly(false);
        if (!r.ok()) {
            showProblem(tr("Your name could not be saved: %1").arg(r.error().message), m_name);
            return;
        }
        m_ownName.name = name;
        finishAccept();
    });
}

void SettingsDialog::finishAccept() {
    m_problem->hide();
    QDialog::accept();
}

}  // namespace rapport::ui
