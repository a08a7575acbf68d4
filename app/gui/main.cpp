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

namespace {

// The application's identity, shared by the early QCoreApplication (--version, --help) and
// the real QApplication.
void describeApplication() {
    QCoreApplication::setApplicationName(QStringLiteral("rapport"));
    QCoreApplication::setOrganizationName(QStringLiteral("Rapport"));
    QCoreApplication::setApplicationVersion(QStringLiteral(RAPPORT_VERSION));
}

struct CommandLine {
    QCommandLineParser parser;
    QCommandLineOption help;
    QCommandLineOption version;
    QCommandLineOption profile{
        QStringLiteral("profile"),
        QCoreApplication::translate("main",
                                    "Keep the account's data in DIR (also $RAPPORT_PROFILE)."),
        QStringLiteral("DIR")};
    // For the demo and scripts: sign in as JID with $RAPPORT_PASSWORD, no set-up dialog, no
    // keychain (as rapport-cli does).
    QCommandLineOption jid{QStringLiteral("jid"),
                           QCoreApplication::translate(
                               "main", "Sign in as JID with the password in $RAPPORT_PASSWORD."),
                           QStringLiteral("JID")};
    QCommandLineOption server{QStringLiteral("server"),
                              QCoreApplication::translate(
                                  "main", "The server's WebSocket URL (else found from the JID)."),
                              QStringLiteral("URL")};

    CommandLine() : help(parser.addHelpOption()), version(parser.addVersionOption()) {
        parser.setApplicationDescription(QCoreApplication::translate(
            "main", "Chat, shared answers and team tips for support engineers"));
        parser.addOptions({profile, jid, server});
    }
};

bool installTranslator(QTranslator& translator) {
    // The user's language where there is a translation (English is the source text).
    return translator.load(QLocale(), QStringLiteral("rapport"), QStringLiteral("_"),
                           QStringLiteral(":/i18n")) &&
           QCoreApplication::installTranslator(&translator);
}

// --version and --help must work where there is no display (a package's post-install
// check, a server, ssh): QApplication would abort there, looking for a platform plugin.
// So they are answered by a QCoreApplication before it. Anything the early parse does not
// understand (Qt's own -platform, -style, ... or a mistake) goes on to QApplication, which
// strips its own options and reports the rest.
bool answeredWithoutDisplay(int argc, char** argv) {
    QStringList arguments;
    for (int i = 0; i < argc; ++i) {
        arguments << QString::fromLocal8Bit(argv[i]);
    }
    CommandLine early;
    if (!early.parser.parse(arguments) ||
        !(early.parser.isSet(early.version) || early.parser.isSet(early.help))) {
        return false;
    }
    QCoreApplication app(argc, argv);
    describeApplication();
    QTranslator translator;
    installTranslator(translator);
    // A second parser, built now that the translator is in, for a translated --help.
    CommandLine line;
    line.parser.process(app);  // prints the version or the help, and exits
    return true;
}

}  // namespace

int main(int argc, char** argv) {
    if (answeredWithoutDisplay(argc, argv)) {
        return 0;
    }
    QApplication app(argc, argv);
    describeApplication();
    QApplication::setApplicationDisplayName(QStringLiteral("Rapport"));
    // The reverse-DNS id that the .desktop file, the AppStream metainfo and the icons are
    // installed under (packaging/desktop): docks, window lists and notification servers
    // match our windows to them through it.
    QApplication::setDesktopFileName(QStringLiteral(RAPPORT_APP_ID));
    QApplication::setWindowIcon(QIcon(QStringLiteral(":/icons/rapport.svg")));

    QTranslator translator;
    installTranslator(translator);

    CommandLine line;
    line.parser.process(app);

    // Settings live with the profile, so that a demo or test profile never touches the
    // user's own.
    const QString profileDir =
        rapport::store::ProfilePaths::profileDir(line.parser.value(line.profile));
    QSettings::setDefaultFormat(QSettings::IniFormat);
    QSettings::setPath(QSettings::IniFormat, QSettings::UserScope, profileDir);

    rapport::ui::KeychainCredentialStore credentials;
    rapport::ui::AppStartup startup(profileDir, credentials);
    QObject::connect(&startup, &rapport::ui::AppStartup::gaveUp, &app, &QApplication::exit);
    const QString password = qEnvironmentVariable("RAPPORT_PASSWORD");
    if (line.parser.isSet(line.jid) && !password.isEmpty()) {
        startup.signInDirectly(rapport::Jid(line.parser.value(line.jid)), password,
                               QUrl(line.parser.value(line.server)));
    } else {
        startup.start();
    }
    return QApplication::exec();
}
