// Settings…: your name as the team sees it, notifications on or off, their sound (off by
// default), the theme, and the team's pubsub service. OK saves them (AppSettings) and says
// what changed; the main window applies it (theme now, service through
// Account::setTeamService, which rebuilds the library and feed syncs). The name lives in
// the account's profile on the server: OK sets it first and closes only once it is set,
// or shows why it could not be.
#pragma once

#include <QDialog>
#include <QFuture>
#include <functional>

#include "common/Result.h"

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

    // The "Your name" row: `name` as the profile has it (empty: none yet, `placeholder`
    // shows), `publish` sets a new one; `offlineReason` non-empty: shown instead, read-only.
    // Without a call, the row is hidden (no account).
    struct OwnName {
        QString name;
        QString placeholder;
        QString offlineReason;
        std::function<QFuture<Result<void>>(const QString&)> publish;
    };
    void setOwnName(OwnName ownName);
    QLineEdit* nameEdit() const { return m_name; }

    QCheckBox* notificationsBox() const { return m_notifications; }
    QCheckBox* soundsBox() const { return m_sounds; }
    QComboBox* themeBox() const { return m_theme; }
    QLineEdit* teamServiceEdit() const { return m_service; }
    QDialogButtonBox* buttons() const { return m_buttons; }

    void accept() override;

protected:
    void showEvent(QShowEvent* event) override;

private:
    void fitHeight();
    void showProblem(const QString& text, QWidget* focus);
    void finishAccept();

    OwnName m_ownName;
    QLineEdit* m_name;
    QLabel* m_nameLabel;
    QLabel* m_nameHint;
    QCheckBox* m_notifications;
    QCheckBox* m_sounds;
    QComboBox* m_theme;
    QLineEdit* m_service;
    QLabel* m_problem;
    QDialogButtonBox* m_buttons;
};

}  // namespace rapport::ui
