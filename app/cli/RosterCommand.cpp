#include "cli/RosterCommand.h"

#include <QJsonArray>
#include <QJsonObject>
#include <QTimer>

#include "cli/JsonOutput.h"
#include "common/FutureUtils.h"
#include "xmpp/ext/roster/RosterExtension.h"

namespace rapport::cli {

namespace {

void printItem(const xmpp::RosterItem& item) {
    printJsonLine({{QStringLiteral("jid"), item.jid.toString()},
                   {QStringLiteral("name"), item.name},
                   {QStringLiteral("subscription"), item.subscription},
                   {QStringLiteral("groups"), QJsonArray::fromStringList(item.groups)}});
}

void failAfterTimeout(CliSession& session, const QString& message) {
    const int timeoutMs = static_cast<int>(session.options().timeoutSeconds.value_or(30) * 1000);
    QTimer::singleShot(timeoutMs, &session, [&session, message] {
        session.fail(Error::make(ErrorCode::Timeout, message));
    });
}

void runRosterPrint(CliSession& session, xmpp::RosterExtension* roster) {
    QObject::connect(roster, &xmpp::RosterExtension::rosterReceived, &session, [&session, roster] {
        for (const xmpp::RosterItem& item : roster->items()) {
            printItem(item);
        }
        session.finish(ExitOk);
    });
    session.start([&session] {
        failAfterTimeout(session, QObject::tr("The server did not send the roster in time."));
    });
}

void runRosterSet(CliSession& session, xmpp::RosterExtension* roster, const Jid& jid) {
    // The set is sent once the roster is in, so that a name or groups not given keep what
    // the roster already had.
    QObject::connect(
        roster, &xmpp::RosterExtension::rosterReceived, &session, [&session, roster, jid] {
            const CliOptions& o = session.options();
            const std::optional<xmpp::RosterItem> before = roster->item(jid);
            const QString name = o.name.value_or(before ? before->name : QString());
            const QStringList groups = o.groups.isEmpty() && before ? before->groups : o.groups;
            onFinished(roster->addOrUpdate(jid, name, groups), &session,
                       [&session, roster, jid, name, groups](const Result<void>& set) {
                           if (!set.ok()) {
                               session.fail(set.error());
                               return;
                           }
                           // The server's push usually comes before its result; if not,
                           // what was set is what the roster holds.
                           xmpp::RosterItem item = roster->item(jid).value_or(xmpp::RosterItem{});
                           if (item.jid.isEmpty()) {
                               item.jid = jid.bare();
                               item.name = name;
                               item.groups = groups;
                               item.subscription = QStringLiteral("none");
                           }
                           printItem(item);
                           session.finish(ExitOk);
                       });
        });
    session.start([&session] {
        failAfterTimeout(session, QObject::tr("The server did not change the roster in time."));
    });
}

}  // namespace

void runRoster(CliSession& session) {
    const QStringList& args = session.options().args;
    auto* roster = session.client().findExtension<xmpp::RosterExtension>();
    if (args.isEmpty()) {
        runRosterPrint(session, roster);
        return;
    }
    if (args.size() == 2 && args[0] == u"set" && Jid::isValid(args[1]) &&
        !Jid(args[1]).local().isEmpty()) {
        runRosterSet(session, roster, Jid(args[1]).bare());
        return;
    }
    session.fail(Error::make(
        ErrorCode::Usage,
        QObject::tr("usage: rapport-cli --jid JID roster [set JID [--name N] [--group G]...]")));
}

}  // namespace rapport::cli
