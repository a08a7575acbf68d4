#include "cli/TipsCommand.h"

#include <QJsonArray>
#include <QJsonObject>

#include "cli/BodyFile.h"
#include "cli/CliSession.h"
#include "cli/JsonOutput.h"
#include "cli/TeamChange.h"
#include "common/FutureUtils.h"
#include "feed/FeedSync.h"
#include "feed/TipStore.h"

namespace rapport::cli {

namespace {

using feed::Tip;
using feed::TipComment;

QJsonObject describe(const Tip& t) {
    return {{QStringLiteral("id"), t.id},
            {QStringLiteral("author"), t.author},
            {QStringLiteral("body"), t.body},
            {QStringLiteral("tags"), QJsonArray::fromStringList(t.tags)},
            {QStringLiteral("published"), t.published.toString(Qt::ISODate)},
            {QStringLiteral("likes"), t.likes},
            {QStringLiteral("liked_by_me"), t.likedByMe},
            {QStringLiteral("comments"), t.comments},
            {QStringLiteral("state"), stateName(t.state)}};
}

QJsonObject describe(const TipComment& c) {
    return {{QStringLiteral("id"), c.id},
            {QStringLiteral("tip"), c.tipId},
            {QStringLiteral("author"), c.author},
            {QStringLiteral("body"), c.body},
            {QStringLiteral("published"), c.published.toString(Qt::ISODate)},
            {QStringLiteral("state"), stateName(c.state)}};
}

QString usageText() {
    return QObject::tr(
        "usage: rapport-cli --jid JID tips list [--limit N] | show ID | post --body-file F "
        "[--tag X]... | comment ID TEXT | like ID | unlike ID");
}

// Exit code for a failed read: an unknown id is the caller's mistake.
int exitFor(const Error& error) {
    return error.code == ErrorCode::NotFound ? ExitUsage : ExitInternal;
}

}  // namespace

bool isLocalTipsCommand(const CliOptions& options) {
    const QString sub = options.args.value(0);
    return sub == u"list" || sub == u"show";
}

int runTipsLocal(const CliOptions& options, Account& account) {
    const QString sub = options.args.value(0);
    if (sub == u"list" && options.args.size() == 1) {
        const auto all = account.tips().list(options.limit.value_or(0)).result();
        if (!all.ok()) {
            printErrorLine(all.error().message);
            return exitFor(all.error());
        }
        for (const Tip& t : all.value()) {
            printJsonLine(describe(t));
        }
        return ExitOk;
    }
    if (sub == u"show" && options.args.size() == 2) {
        const auto tip = account.tips().get(options.args[1]).result();
        if (!tip.ok()) {
            printErrorLine(tip.error().message);
            return exitFor(tip.error());
        }
        const auto comments = account.tips().comments(options.args[1]).result();
        if (!comments.ok()) {
            printErrorLine(comments.error().message);
            return exitFor(comments.error());
        }
        QJsonObject o = describe(tip.value());
        QJsonArray list;
        for (const TipComment& c : comments.value()) {
            list.append(describe(c));
        }
        o.insert(QStringLiteral("comment_list"), list);
        printJsonLine(o);
        return ExitOk;
    }
    printErrorLine(usageText());
    return ExitUsage;
}

void runTipsChange(CliSession& session) {
    const CliOptions& o = session.options();
    const QString sub = o.args.value(0);
    Account& account = session.account();
    feed::TipStore& tips = account.tips();

    // Once stored: publish, then print what was changed as it then is.
    auto publish = [&session, &account](std::function<QJsonObject()> current) {
        publishThenReport(session, account.feed(), QObject::tr("tips feed"),
                          [&session, current = std::move(current)] {
                              const QJsonObject now = current();
                              if (now.isEmpty()) {
                                  return;  // failed, and said so
                              }
                              printJsonLine(now);
                              session.finish(ExitOk);
                          });
    };
    // The tip as it now is (its state, its likes).
    auto currentTip = [&session, &tips](const QString& id) {
        return [&session, &tips, id]() -> QJsonObject {
            const auto now = tips.get(id).result();
            if (!now.ok()) {
                session.fail(now.error());
                return {};
            }
            return describe(now.value());
        };
    };

    if (sub == u"post" && o.args.size() == 1 && o.bodyFile) {
        const Result<QString> body = readBodyFile(*o.bodyFile);
        if (!body.ok()) {
            session.fail(body.error());
            return;
        }
        onFinished(tips.post(body.value(), o.tags.value_or(QStringList())), &session,
                   [&session, publish, currentTip](const Result<Tip>& posted) {
                       if (!posted.ok()) {
                           session.fail(posted.error());
                           return;
                       }
                       publish(currentTip(posted.value().id));
                   });
    } else if (sub == u"comment" && o.args.size() == 3) {
        onFinished(tips.comment(o.args[1], o.args[2]), &session,
                   [&session, &tips, publish](const Result<TipComment>& made) {
                       if (!made.ok()) {
                           session.fail(made.error());
                           return;
                       }
                       const TipComment c = made.value();
                       publish([&session, &tips, c]() -> QJsonObject {
                           const auto all = tips.comments(c.tipId).result();
                           if (!all.ok()) {
                               session.fail(all.error());
                               return {};
                           }
                           for (const TipComment& now : all.value()) {
                               if (now.id == c.id) {
                                   return describe(now);
                               }
                           }
                           return describe(c);
                       });
                   });
    } else if ((sub == u"like" || sub == u"unlike") && o.args.size() == 2) {
        const QString id = o.args[1];
        onFinished(tips.setLiked(id, sub == u"like"), &session,
                   [&session, publish, currentTip, id](const Result<Tip>& r) {
                       if (!r.ok()) {
                           session.fail(r.error());
                           return;
                       }
                       publish(currentTip(id));
                   });
    } else {
        session.fail(Error::make(ErrorCode::Usage, usageText()));
    }
}

}  // namespace rapport::cli
