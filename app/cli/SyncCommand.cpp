#include "cli/SyncCommand.h"

#include <QElapsedTimer>
#include <QJsonObject>

#include "cli/JsonOutput.h"
#include "sync/HistoryCatchUp.h"
#include "sync/OutboxSender.h"
#include "sync/StoreArchiveSink.h"

namespace rapport::cli {

void runSync(CliSession& session) {
    if (!session.options().args.isEmpty()) {
        session.fail(
            Error::make(ErrorCode::Usage, QObject::tr("usage: rapport-cli --jid JID sync")));
        return;
    }
    auto elapsed = std::make_shared<QElapsedTimer>();
    elapsed->start();
    sync::HistoryCatchUp& catchUp = session.account().historyCatchUp();
    session.account().archiveSink().resetCounters();
    // Done when the archive is caught up and the outbox (messages queued while offline)
    // is empty: both start when the session does.
    auto summary = std::make_shared<std::optional<sync::HistoryCatchUp::Summary>>();
    auto drained = std::make_shared<bool>(false);
    auto report = [&session, elapsed, summary, drained] {
        if (!*summary || !*drained) {
            return;
        }
        const sync::HistoryCatchUp::Summary& s = **summary;
        printJsonLine({
            {QStringLiteral("messages_fetched"), s.stored},
            {QStringLiteral("messages_transferred"), s.fetched},
            {QStringLiteral("pages"), s.pages},
            {QStringLiteral("conversations"),
             session.account().archiveSink().conversationsTouched()},
            {QStringLiteral("seconds"), elapsed->elapsed() / 1000.0},
        });
        session.finish(ExitOk);
    };
    QObject::connect(&session.account().outboxSender(), &sync::OutboxSender::drained, &session,
                     [drained, report] {
                         *drained = true;
                         report();
                     });
    QObject::connect(&catchUp, &sync::HistoryCatchUp::finished, &session,
                     [summary, report](const sync::HistoryCatchUp::Summary& s) {
                         *summary = s;
                         report();
                     });
    QObject::connect(&catchUp, &sync::HistoryCatchUp::failed, &session,
                     [&session](const Error& error) { session.fail(error); });
    // The account starts the catch-up when the session starts.
    session.start([] {});
}

}  // namespace rapport::cli
