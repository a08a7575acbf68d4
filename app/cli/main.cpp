// rapport-cli: Rapport for scripts, bots, admins and tests. Its commands, options,
// exit codes and JSON fields are a contract: add, never change.
#include <QCoreApplication>
#include <QLoggingCategory>
#include <cstdio>

#include "account/Account.h"
#include "cli/AnswersCommand.h"
#include "cli/CliOptions.h"
#include "cli/CliSession.h"
#include "cli/HistoryCommand.h"
#include "cli/JsonOutput.h"
#include "cli/ListenCommand.h"
#include "cli/ProfileCommand.h"
#include "cli/RosterCommand.h"
#include "cli/SearchCommand.h"
#include "cli/SendCommand.h"
#include "cli/SuggestCommand.h"
#include "cli/SyncCommand.h"
#include "cli/TeamCommand.h"
#include "cli/TipsCommand.h"
#include "store/ProfilePaths.h"

using namespace rapport;
using namespace rapport::cli;

int main(int argc, char** argv) {
    QCoreApplication app(argc, argv);
    QCoreApplication::setApplicationName(QStringLiteral("rapport"));
    QCoreApplication::setOrganizationName(QStringLiteral("Rapport"));
    QCoreApplication::setApplicationVersion(QStringLiteral(RAPPORT_VERSION));

    // stderr is for the one error line scripts read; progress logging only on request
    // (QT_LOGGING_RULES="rapport.*.info=true").
    if (qEnvironmentVariableIsEmpty("QT_LOGGING_RULES")) {
        QLoggingCategory::setFilterRules(QStringLiteral("rapport.*.info=false"));
    }

    const QStringList arguments = QCoreApplication::arguments();
    if (arguments.contains(QStringLiteral("--version"))) {
        std::printf("rapport-cli %s\n", RAPPORT_VERSION);
        return ExitOk;
    }
    if (arguments.contains(QStringLiteral("--help")) || arguments.contains(QStringLiteral("-h"))) {
        std::fputs(cliUsage().toUtf8().constData(), stdout);
        return ExitOk;
    }

    Result<CliOptions> parsed = parseCliOptions(arguments);
    if (!parsed.ok()) {
        printErrorLine(parsed.error().message);
        std::fputs(QObject::tr("Try 'rapport-cli --help'.\n").toUtf8().constData(), stderr);
        return ExitUsage;
    }

    const CliOptions& options = parsed.value();
    const QString& command = options.command;
    const QStringList known = {
        QStringLiteral("send"),    QStringLiteral("listen"),  QStringLiteral("roster"),
        QStringLiteral("sync"),    QStringLiteral("history"), QStringLiteral("search"),
        QStringLiteral("team"),    QStringLiteral("answers"), QStringLiteral("tips"),
        QStringLiteral("suggest"), QStringLiteral("profile")};
    if (!known.contains(command)) {
        printErrorLine(
            QObject::tr("unknown command \"%1\"; try 'rapport-cli --help'.").arg(command));
        return ExitUsage;
    }

    Result<std::unique_ptr<Account>> account =
        Account::open(store::ProfilePaths::profileDir(options.profileDir), options.jid);
    if (!account.ok()) {
        printErrorLine(account.error().message);
        return ExitInternal;
    }
    if (command == u"history" && !options.fetchOlder) {
        return runHistory(options, *account.value());
    }
    if (command == u"search") {
        return runSearch(options, *account.value());
    }
    if (command == u"suggest") {
        return runSuggest(options, *account.value());
    }
    if (command == u"answers" && isLocalAnswersCommand(options)) {
        return runAnswersLocal(options, *account.value());
    }
    if (command == u"tips" && isLocalTipsCommand(options)) {
        return runTipsLocal(options, *account.value());
    }
    if (!options.service.isEmpty()) {
        account.value()->setTeamService(options.service);
    }

    CliSession session(options, *account.value());
    if (command == u"send") {
        runSend(session);
    } else if (command == u"listen") {
        runListen(session);
    } else if (command == u"roster") {
        runRoster(session);
    } else if (command == u"history") {
        runHistoryFetch(session);
    } else if (command == u"team") {
        runTeam(session);
    } else if (command == u"answers") {
        runAnswersChange(session);
    } else if (command == u"tips") {
        runTipsChange(session);
    } else if (command == u"profile") {
        runProfile(session);
    } else {
        runSync(session);
    }
    return app.exec();
}
