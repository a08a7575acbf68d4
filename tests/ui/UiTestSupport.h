// What the desktop app's tests share: the app's settings kept in the test's own folder (never
// the user's ~/.config), an account's store opened with the reason when it cannot be, and
// the visible top-level window of a kind (a dialog the app opened by itself).
#pragma once

#include <QApplication>
#include <QSettings>
#include <QWidget>
#include <memory>

#include "account/Account.h"

namespace rapport::test {

inline void keepSettingsIn(const QString& dir) {
    QSettings::setDefaultFormat(QSettings::IniFormat);
    QSettings::setPath(QSettings::IniFormat, QSettings::UserScope, dir);
}

// The account's store under `dir`; null, with the reason in `error`, if it cannot open.
inline std::unique_ptr<Account> openAccount(const QString& dir, const QString& jid,
                                            QString* error = nullptr) {
    auto opened = Account::open(dir, Jid(jid));
    if (!opened.ok()) {
        if (error) {
            *error = opened.error().message;
        }
        return nullptr;
    }
    return std::move(opened).value();
}

template <class T>
T* findTopLevel() {
    for (QWidget* w : QApplication::topLevelWidgets()) {
        if (auto* t = qobject_cast<T*>(w); t && t->isVisible()) {
            return t;
        }
    }
    return nullptr;
}

}  // namespace rapport::test
