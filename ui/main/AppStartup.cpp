#include "main/AppStartup.h"

#include <QEvent>
#include <QLabel>
#include <QMessageBox>
#include <QSettings>
#include <QTimer>
#include <functional>

#include "account/Account.h"
#include "main/MainWindow.h"
#include "settings/AppSettings.h"
#include "setup/AccountSetupDialog.h"
#include "setup/CertificateTrust.h"
#include "setup/CredentialStore.h"

namespace rapport::ui {

namespace {

const QString kJidKey = QStringLiteral("account/jid");
const QString kServerKey = QStringLiteral("account/server");
const QString kLocalOnlyKey = QStringLiteral("account/localOnly");

// Runs `then` once `window` has painted (or after a second, if it never does: minimized, or
// a platform that does not say): signing in may wait the few milliseconds, the first sight
// of the window should not.
void afterFirstPaint(QWidget* window, std::function<void()> then) {
    struct Watcher : QObject {
        std::function<void()> then;
        QTimer fallback;
        bool eventFilter(QObject*, QEvent* event) override {
            if (event->type() == QEvent::UpdateRequest || event->type() == QEvent::Paint) {
                fire();
            }
            return false;
        }
        void fire() {
            if (auto f = std::exchange(then, nullptr)) {
                QTimer::singleShot(0, parent(), std::move(f));  // after this paint is done
            }
            deleteLater();
        }
    };
    auto* watcher = new Watcher;
    watcher->setParent(window);
    watcher->then = std::move(then);
    window->installEventFilter(watcher);
    watcher->fallback.setSingleShot(true);
    QObject::connect(&watcher->fallback, &QTimer::timeout, watcher, [watcher] { watcher->fire(); });
    watcher->fallback.start(1000);
}

}  // namespace

AppStartup::AppStartup(QString profileDir, CredentialStore& credentials, QObject* parent)
    : QObject(parent), m_profileDir(std::move(profileDir)), m_credentials(credentials) {}

AppStartup::~AppStartup() {
    m_window.reset();
    m_account.reset();
}

void AppStartup::start() {
    const QSettings settings;
    const QString jid = settings.value(kJidKey).toString();
    if (jid.isEmpty()) {
        if (settings.value(kLocalOnlyKey).toBool()) {
            openLocalOnly();
        } else {
            askForAccount({});
        }
        return;
    }
    const QUrl server = settings.value(kServerKey).toUrl();
    m_credentials.readPassword(jid, [this, jid, server](const Result<QString>& password) {
        if (!password.ok()) {
            askForAccount(password.error().code == ErrorCode::NotFound
                              ? tr("Enter your password to sign in.")
                              : password.error().message);
            return;
        }
        openAccount(Jid(jid), password.value(), server);
    });
}

void AppStartup::askForAccount(const QString& why) {
    auto* dialog = new AccountSetupDialog;
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    const QSettings settings;
    dialog->setJid(settings.value(kJidKey).toString());
    dialog->setServer(settings.value(kServerKey).toUrl());
    if (!why.isEmpty()) {
        dialog->statusLabel()->setText(why);
    }
    connect(dialog, &QDialog::accepted, this, [this, dialog] {
        const Jid jid = dialog->jid();
        const QString password = dialog->password();
        const QUrl server = dialog->server();
        QSettings settings;
        settings.setValue(kJidKey, jid.bareString());
        settings.setValue(kServerKey, server);
        settings.remove(kLocalOnlyKey);
        m_credentials.writePassword(
            jid.bareString(), password, [this, jid, password, server](const Result<void>& saved) {
                openAccount(jid, password, server);
                if (!saved.ok() && m_window) {
                    QMessageBox::warning(m_window.get(), tr("Password not saved"),
                                         tr("Rapport could not keep your password in the "
                                            "system keychain, so it will ask for it at the next "
                                            "start.\n\n%1")
                                             .arg(saved.error().message));
                }
            });
    });
    // The local window opens before the dialog closes, so that closing it is not giving up.
    connect(dialog, &AccountSetupDialog::withoutAccountChosen, this, [this] {
        QSettings().setValue(kLocalOnlyKey, true);
        if (!m_account || !m_account->isLocalOnly()) {
            openLocalOnly();
        }
    });
    connect(dialog, &QDialog::rejected, this, [this] {
        if (!m_window) {
            emit gaveUp(0);
        }
    });
    dialog->show();
}

void AppStartup::openAccount(const Jid& jid, const QString& password, const QUrl& server) {
    auto opened = Account::open(m_profileDir, jid);
    if (!opened.ok()) {
        QMessageBox::critical(m_window.get(), tr("Rapport cannot start"), opened.error().message);
        if (!m_window) {
            emit gaveUp(1);
        }
        return;
    }
    m_window.reset();  // a local-only window, if the account was added from it
    m_account = std::move(opened).value();
    m_account->setTrustedCertificates(trustedCertificates());
    showWindow();
    afterFirstPaint(m_window.get(), [this, password, server] {
        if (Result<void> r = m_account->signIn(password, server); !r.ok()) {
            QMessageBox::warning(m_window.get(), tr("Cannot sign in"), r.error().message);
        }
    });
}

void AppStartup::openLocalOnly() {
    auto opened = Account::openLocalOnly(m_profileDir);
    if (!opened.ok()) {
        QMessageBox::critical(nullptr, tr("Rapport cannot start"), opened.error().message);
        emit gaveUp(1);
        return;
    }
    m_window.reset();
    m_account = std::move(opened).value();
    showWindow();
    connect(m_window.get(), &MainWindow::signInRequested, this,
            [this] { askForAccount(tr("Sign in to chat, and to share answers and tips.")); });
}

void AppStartup::showWindow() {
    m_window = std::make_unique<MainWindow>(*m_account);
    // Theme, notifications and the team service, before the session starts.
    m_window->applySettings(AppSettings::load());
    m_window->show();
}

}  // namespace rapport::ui
