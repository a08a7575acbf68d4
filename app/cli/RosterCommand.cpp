#include "cli/RosterCommand.h"

#include <QJsonArray>
#include <QJsonObject>
#include <QTimer>

#include "cli/JsonOutput.h"
#include "xmpp/ext/roster/RosterExtension.h"

namespace rapport::cli {

void runRoster(CliSession& session) {
    if (!session.options().args.isEmpty()) {
        session.fail(
            Error::make(ErrorCode::Usage, QObject::tr("usage: rapport-cli --jid JID roster")));
        return;
    }
    auto* roster = session.client().findExtension<xmpp::RosterExtension>();
    QObject::connect(roster, &xmpp::RosterExtension::rosterReceived, &session, [&session, roster] {
        for (const xmpp::RosterItem& item : roster->items()) {
            printJsonLine({{QStringLiteral("jid"), item.jid.toString()},
                           {QStringLiteral("name"), item.name},
                           {QStringLiteral("subscription"), item.subscription},
                           {QStringLiteral("groups"), QJsonArray::fromStringList(item.groups)}});
        }
        session.finish(ExitOk);
    });
    session.start([&session] {
        const int timeoutMs =
            static_cast<int>(session.options().timeoutSeconds.value_or(30) * 1000);
        QTimer::singleShot(timeoutMs, &session, [&session] {
            session.fail(Error::make(ErrorCode::Timeout,
                                     QObject::tr("The server did not send the roster in time.")));
        });
    });
}

}  // namespace rapport::cli
