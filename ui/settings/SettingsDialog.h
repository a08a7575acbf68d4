// Settings…: notifications on or off, their sound (off by default), the theme, and the
// team's pubsub service. OK saves them (AppSettings) and says what changed; the main window
// applies it (theme now, service through Account::setTeamService, which rebuilds the
// library and feed syncs).
#pragma once

#include <QDialog>

#include "settings/AppSettings.h"

class QCheckBox;
class QComboBox;
class QLabel;
class QLineEdit;
class QDialogButtonBox;

namespace rapport::ui {

class SettingsDialog : public QDialog {
    Q_OBJECT
public:
    // defaultService: what an empty team service means for this account (shown as a hint).
    SettingsDialog(const AppSettings& current, const QString& defaultService,
                   QWidget* parent = nullptr);

    // What the form says now.
    AppSettings settings() const;

    QCheckBox* notificationsBox() const { return m_notifications; }
    QCheckBox* soundsBox() const { return m_sounds; }
    QComboBox* themeBox() const { return m_theme; }
    QLineEdit* teamServiceEdit() const { return m_service; }
    QDialogButtonBox* buttons() const { return m_buttons; }

    void accept() override;

private:
    QCheckBox* m_notifications;
    QCheckBox* m_sounds;
    QComboBox* m_theme;
    QLineEdit* m_service;
    QLabel* m_problem;
    QDialogButtonBox* m_buttons;
};

}  // namespace rapport::ui
