#include "cli/AnswersCommand.h"

#include <QJsonArray>
#include <QJsonObject>
#include <QSet>
#include <algorithm>
#include <functional>
#include <tuple>

#include "cli/BodyFile.h"
#include "cli/CliSession.h"
#include "cli/JsonOutput.h"
#include "cli/TeamChange.h"
#include "common/FutureUtils.h"
#include "library/AnswerExport.h"
#include "library/AnswerImport.h"
#include "library/AnswerJson.h"
#include "library/AnswerStore.h"
#include "library/LibrarySync.h"
#include "library/Placeholders.h"
#include "library/ReplyToAnswer.h"
#include "store/MessageStore.h"

namespace rapport::cli {

namespace {

using library::Answer;

QJsonObject describe(const Answer& a, bool withBody) {
    return library::AnswerJson::toJson(a, withBody);
}

const QString kUsage = QStringLiteral(
    "usage: rapport-cli --jid JID answers list | show ID | add --title T --body-file F "
    "[--tag X]... | add --from-message ROW [--title T] [--tag X]... | edit ID [--title T] "
    "[--body-file F] [--tag X]... | delete ID | "
    "import FILE | export FILE (FILE: *.json, *.csv, or a folder of *.md)");

// Conflict copies are this device's unsettled texts, not the library's: they stay here.
int exportAnswers(const QString& path, Account& account) {
    const auto all = account.answers().list().result();
    if (!all.ok()) {
        printErrorLine(all.error().message);
        return ExitInternal;
    }
    QList<Answer> answers;
    for (const Answer& a : all.value()) {
        if (a.state != Answer::State::Conflict) {
            answers << a;
        }
    }
    const Result<QString> written = library::AnswerExport::write(path, answers);
    if (!written.ok()) {
        printErrorLine(written.error().message);
        return exitCodeFor(written.error());
    }
    printJsonLine({{QStringLiteral("exported"), static_cast<int>(answers.size())},
                   {QStringLiteral("path"), written.value()}});
    return ExitOk;
}

// After a change is stored: go online, publish, then report (TeamChange.h).
void publishToLibrary(CliSession& session, std::function<void()> report) {
    publishThenReport(session, session.account().library(), QObject::tr("library"),
                      std::move(report));
}

// Problems first (one JSON line each, in file order), the counts last, once the changes were
// sent or could not be.
void importAnswers(CliSession& session, const QString& path) {
    Result<library::ImportFile> read = library::AnswerImport::read(path);
    if (!read.ok()) {
        session.fail(read.error());
        return;
    }
    const library::ImportFile file = read.value();
    QList<Answer> rows;
    for (const library::ImportRow& row : file.rows) {
        rows << row.answer;
    }
    Account& account = session.account();
    onFinished(
        account.answers().importAnswers(rows, account.jid().bareString()), &session,
        [&session, file](const Result<library::ImportOutcome>& r) {
            if (!r.ok()) {
                session.fail(r.error());
                return;
            }
            const library::ImportOutcome& outcome = r.value();
            QList<library::ImportProblem> problems = file.problems;
            for (const library::ImportOutcome::Refusal& refusal : outcome.refused) {
                problems << library::ImportProblem{file.rows[refusal.row].place, refusal.reason};
            }
            std::stable_sort(problems.begin(), problems.end(), [](const auto& a, const auto& b) {
                return std::tie(a.place.row, a.place.file) < std::tie(b.place.row, b.place.file);
            });
            for (const library::ImportProblem& p : problems) {
                QJsonObject line{{QStringLiteral("error"), p.reason}};
                if (p.place.file.isEmpty()) {
                    line.insert(QStringLiteral("row"), p.place.row);
                } else {
                    line.insert(QStringLiteral("file"), p.place.file);
                }
                printJsonLine(line);
            }
            const QJsonObject counts{{QStringLiteral("created"), outcome.created},
                                     {QStringLiteral("updated"), outcome.updated},
                                     {QStringLiteral("skipped"), outcome.skipped},
                                     {QStringLiteral("errors"), static_cast<int>(problems.size())}};
            const QSet<QString> ids(outcome.ids.cbegin(), outcome.ids.cend());
            publishToLibrary(session, [&session, counts, ids] {
                const auto queued = session.account().answers().pendingActions().result();
                bool pending = !queued.ok();
                for (const library::LibraryAction& action :
                     queued.ok() ? queued.value() : QList<library::LibraryAction>()) {
                    pending = pending || ids.contains(action.itemId);
                }
                QJsonObject summary = counts;
                summary.insert(QStringLiteral("state"),
                               pending ? QStringLiteral("pending") : QStringLiteral("published"));
                printJsonLine(summary);
                session.finish(ExitOk);
            });
        });
}

}  // namespace

bool isLocalAnswersCommand(const CliOptions& options) {
    const QString sub = options.args.value(0);
    return sub == u"list" || sub == u"show" || sub == u"export";
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
        // What the reply panel fills or asks for when the answer is used.
        QJsonArray placeholders;
        for (const library::Placeholder& p : library::Placeholders::of(one.value().body)) {
            QJsonObject o{{QStringLiteral("name"), p.name}};
            if (p.defaultValue) {
                o.insert(QStringLiteral("default"), *p.defaultValue);
            }
            placeholders.append(o);
        }
        QJsonObject shown = describe(one.value(), true);
        shown.insert(QStringLiteral("placeholders"), placeholders);
        printJsonLine(shown);
        return ExitOk;
    }
    if (sub == u"export" && options.args.size() == 2) {
        return exportAnswers(options.args[1], account);
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
        Result<QString> read = readBodyFile(*o.bodyFile);
        if (!read.ok()) {
            session.fail(read.error());
            return;
        }
        body = read.value();
    }

    // After the change is stored: go online, publish, and report the answer as it then is.
    auto publishAndReport = [&session, &account](const QString& id, bool deleted) {
        publishToLibrary(session, [&session, &account, id, deleted] {
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
        });
    };

    auto stored = [&session, publishAndReport](const Result<Answer>& r) {
        if (!r.ok()) {
            session.fail(r.error());
            return;
        }
        publishAndReport(r.value().id, false);
    };

    if (sub == u"add" && o.args.size() == 1 && o.fromMessage) {
        // "Save this chat reply as an answer".
        const auto message = account.messages().message(*o.fromMessage).result();
        if (!message.ok()) {
            session.fail(message.error());
            return;
        }
        const Answer draft = library::ReplyToAnswer::draft(
            message.value().body, account.jid().bareString(), o.title.value_or(QString()),
            o.tags.value_or(QStringList()));
        onFinished(account.answers().create(draft), &session, stored);
    } else if (sub == u"add" && o.args.size() == 1) {
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
    } else if (sub == u"import" && o.args.size() == 2) {
        importAnswers(session, o.args[1]);
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
