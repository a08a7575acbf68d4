#include "cli/AnswersCommand.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonObject>
#include <QTextStream>
#include <QTimer>
#include <cstdio>

#include "cli/CliSession.h"
#include "cli/JsonOutput.h"
#include "common/FutureUtils.h"
#include "library/AnswerStore.h"
#include "library/LibrarySync.h"

namespace rapport::cli {

namespace {

using library::Answer;

QJsonObject describe(const Answer& a, bool withBody) {
    QJsonObject o{{QStringLiteral("id"), a.id},
                  {QStringLiteral("title"), a.title},
                  {QStringLiteral("tags"), QJsonArray::fromStringList(a.tags)},
                  {QStringLiteral("author"), a.author},
                  {QStringLiteral("created"), a.created.toString(Qt::ISODate)},
                  {QStringLiteral("updated"), a.updated.toString(Qt::ISODate)},
                  {QStringLiteral("version"), a.version},
                  {QStringLiteral("uses"), a.uses},
                  {QStringLiteral("state"), stateName(a.state)}};
    if (!a.conflictOf.isEmpty()) {
        o.insert(QStringLiteral("conflict_of"), a.conflictOf);
    }
    if (withBody) {
        o.insert(QStringLiteral("body"), a.body);
    }
    return o;
}

Result<QString> readBody(const QString& path) {
    QFile f;
    const bool stdinPath = path == u"-";
    const bool opened = stdinPath ? f.open(stdin, QIODevice::ReadOnly)
                                  : (f.setFileName(path), f.open(QIODevice::ReadOnly));
    if (!opened) {
        return Error::make(ErrorCode::Usage,
                           QObject::tr("Cannot read %1: %2").arg(path, f.errorString()));
    }
    return QString::fromUtf8(f.readAll());
}

const QString kUsage = QStringLiteral(
    "usage: rapport-cli --jid JID answers list | show ID | add --title T --body-file F "
    "[--tag X]... | edit ID [--title T] [--body-file F] [--tag X]... | delete ID");

}  // namespace

bool isLocalAnswersCommand(const CliOptions& options) {
    const QString sub = options.args.value(0);
    return sub == u"list" || sub == u"show";
}

int runAnswersLocal(const CliOptions& options, Account& account) {
    const QString sub = options.args.value(0);
    if (sub == u"list" && options.args.size() == 1) {
        const auto all = account.answers().list().result();
        if (!all.ok()) {
            printErrorLine(all.error().message);
            return ExitInternal;
        }
        for (const Answer& a : all.value()) {
            printJsonLine(describe(a, false));
        }
        return ExitOk;
    }
    if (sub == u"show" && options.args.size() == 2) {
        const auto one = account.answers().get(options.args[1]).result();
        if (!one.ok()) {
            printErrorLine(one.error().message);
            return one.error().code == ErrorCode::NotFound ? ExitUsage : ExitInternal;
        }
        printJsonLine(describe(one.value(), true));
        return ExitOk;
    }
    printErrorLine(QObject::tr(kUsage.toUtf8().constData()));
    return ExitUsage;
}

void runAnswersChange(CliSession& session) {
    const CliOptions& o = session.options();
    const QString sub = o.args.value(0);
    Account& account = session.account();
    auto usage = [&session] {
        session.fail(Error::make(ErrorCode::Usage, QObject::tr(kUsage.toUtf8().constData())));
    };
    std::optional<QString> body;
    if (o.bodyFile) {
        Result<QString> read = readBody(*o.bodyFile);
        if (!read.ok()) {
            session.fail(read.error());
            return;
        }
        body = read.value();
    }

    // After the change is stored: go online, publish, and report the answer as it then is.
    auto publishAndReport = [&session, &account](const QString& id, bool deleted) {
        auto report = [&session, &account, id, deleted] {
            if (deleted) {
                const auto queued = account.answers().pendingActions().result();
                const bool pending = queued.ok() && !queued.value().isEmpty();
                printJsonLine({{QStringLiteral("id"), id},
                               {QStringLiteral("deleted"), true},
                               {QStringLiteral("state"), pending ? QStringLiteral("pending")
                                                                 : QStringLiteral("published")}});
                session.finish(ExitOk);
                return;
            }
            const auto now = account.answers().get(id).result();
            if (!now.ok()) {
                session.fail(now.error());
                return;
            }
            printJsonLine(describe(now.value(), false));
            session.finish(ExitOk);
        };
        library::LibrarySync& sync = account.library();
        QObject::connect(&sync, &library::LibrarySync::synced, &session,
                         [report](const library::LibrarySync::Summary&) { report(); });
        QObject::connect(&sync, &library::LibrarySync::membershipChanged, &session,
                         [report, &session](library::LibrarySync::Membership m) {
                             if (m == library::LibrarySync::Membership::NotMember) {
                                 printInfoLine(QObject::tr(
                                     "You are not a member of this team's library; the change "
                                     "is kept here."));
                                 report();
                             } else if (m == library::LibrarySync::Membership::NotSetUp) {
                                 printInfoLine(QObject::tr(
                                     "The team's library is not set up on this server yet "
                                     "(rapport-cli team init); the change is kept here."));
                                 report();
                             }
                         });
        QObject::connect(&sync, &library::LibrarySync::failed, &session,
                         [report](const Error& error) {
                             printInfoLine(error.message);
                             report();
                         });
        session.setOfflineHandler([report](const Error& error) {
            if (error.code == ErrorCode::AuthenticationFailed ||
                error.code == ErrorCode::Certificate || error.code == ErrorCode::Usage) {
                return false;  // the user must act; the change stays queued meanwhile
            }
            report();
            return true;
        });
        const int timeoutMs =
            static_cast<int>(session.options().timeoutSeconds.value_or(30) * 1000);
        QTimer::singleShot(timeoutMs, &session, report);
        session.start([] {});  // the account starts the library sync with the session
    };

    auto stored = [&session, publishAndReport](const Result<Answer>& r) {
        if (!r.ok()) {
            session.fail(r.error());
            return;
        }
        publishAndReport(r.value().id, false);
    };

    if (sub == u"add" && o.args.size() == 1) {
        if (!o.title || !body) {
            usage();
            return;
        }
        Answer draft;
        draft.title = *o.title;
        draft.body = *body;
        draft.tags = o.tags.value_or(QStringList());
        draft.author = account.jid().bareString();
        onFinished(account.answers().create(draft), &session, stored);
    } else if (sub == u"edit" && o.args.size() == 2) {
        library::AnswerEdit change;
        change.title = o.title;
        change.body = body;
        change.tags = o.tags;
        onFinished(account.answers().edit(o.args[1], change, account.jid().bareString()), &session,
                   stored);
    } else if (sub == u"delete" && o.args.size() == 2) {
        const QString id = o.args[1];
        onFinished(account.answers().remove(id), &session,
                   [&session, publishAndReport, id](const Result<void>& r) {
                       if (!r.ok()) {
                           session.fail(r.error());
                           return;
                       }
                       publishAndReport(id, true);
                   });
    } else {
        usage();
    }
}

}  // namespace rapport::cli
