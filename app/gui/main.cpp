// rapport: the desktop app. Everything lives in ui/ and core/; this only sets the
// application up and hands over to AppStartup.
#include <QApplication>
#include <QCommandLineParser>
#include <QIcon>
#include <QLocale>
#include <QSettings>
#include <QTranslator>
#include <QUrl>

#include "main/AppStartup.h"
#include "setup/CredentialStore.h"
#include "store/ProfilePaths.h"

int main(int argc, char** argv) {
    QApplication app(argc, argv);
    QApplication::setApplicationName(QStringLiteral("rapport"));
    QApplication::setOrganizationName(QStringLiteral("Rapport"));
    QApplication::setApplicationDisplayName(QStringLiteral("Rapport"));
    QApplication::setApplicationVersion(QStringLiteral(RAPPORT_VERSION));
    QApplication::setDesktopFileName(QStringLiteral("rapport"));
    QApplication::setWindowIcon(QIcon(QStringLiteral(":/icons/rapport.svg")));

    // The user's language where there is a translation (English is the source text).
    QTranslator translator;
    if (translator.load(QLocale(), QStringLiteral("rapport"), QStringLiteral("_"),
                        QStringLiteral(":/i18n"))) {
        QApplication::installTranslator(&translator);
    }

    QCommandLineParser parser;
    parser.setApplicationDescription(QApplication::translate(
        "main", "Chat, shared answers and team tips for support engineers"));
    parser.addHelpOption();
    parser.addVersionOption();
    const QCommandLineOption profile(
        QStringLiteral("profile"),
        QApplication::translate("main", "Keep the account's data in DIR (also $RAPPORT_PROFILE)."),
        QStringLiteral("DIR"));
    parser.addOption(profile);
    // For the demo and scripts: sign in as JID with $RAPPORT_PASSWORD, no set-up dialog, no
    // keychain (as rapport-cli does).
    const QCommandLineOption jid(
        QStringLiteral("jid"),
        QApplication::translate("main", "Sign in as JID with the password in $RAPPORT_PASSWORD."),
        QStringLiteral("JID"));
    const QCommandLineOption server(
        QStringLiteral("server"),
        QApplication::translate("main", "The server's WebSocket URL (else found from the JID)."),
        QStringLiteral("URL"));
    parser.addOptions({jid, server});
    parser.process(app);

    // Settings live with the profile, so that a demo or test profile never touches the
    // user's own.
    const QString profileDir = rapport::store::ProfilePaths::profileDir(parser.value(profile));
    QSettings::setDefaultFormat(QSettings::IniFormat);
    QSettings::setPath(QSettings::IniFormat, QSettings::UserScope, profileDir);

    rapport::ui::KeychainCredentialStore credentials;
    rapport::ui::AppStartup startup(profileDir, credentials);
    QObject::connect(&startup, &rapport::ui::AppStartup::gaveUp, &app, &QApplication::exit);
    const QString password = qEnvironmentVariable("RAPPORT_PASSWORD");
    if (parser.isSet(jid) && !password.isEmpty()) {
        startup.signInDirectly(rapport::Jid(parser.value(jid)), password,
                               QUrl(parser.value(server)));
    } else {
        startup.start();
    }
    return QApplication::exec();
}
