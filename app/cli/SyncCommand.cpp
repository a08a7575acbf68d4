#include "cli/SyncCommand.h"

#include <QElapsedTimer>
#include <QJsonObject>

#include "cli/JsonOutput.h"
#include "cli/TeamMembershipName.h"
#include "feed/FeedSync.h"
#include "library/LibrarySync.h"
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
    // The answer library, then the tips feed: caught up, or found unavailable (not a member,
    // not set up), or failed (the chat catch-up still counts).
    auto library = std::make_shared<std::optional<library::LibrarySync::Summary>>();
    auto tips = std::make_shared<std::optional<feed::FeedSync::Summary>>();
    auto tipsDone = std::make_shared<bool>(false);
    auto report = [&session, elapsed, summary, drained, library, tips, tipsDone] {
        if (!*summary || !*drained || !*tipsDone) {
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
            {QStringLiteral("answers_changed"), *library ? (*library)->changed : 0},
            {QStringLiteral("answers_published"), *library ? (*library)->published : 0},
            {QStringLiteral("library_items_fetched"), *library ? (*library)->itemsFetched : 0},
            {QStringLiteral("library_ids_checked"), *library && (*library)->idsChecked},
            {QStringLiteral("library"), membershipName(session.account().library().membership())},
            {QStringLiteral("tips_changed"), *tips ? (*tips)->changed + (*tips)->removed : 0},
            {QStringLiteral("tips_published"), *tips ? (*tips)->published : 0},
            {QStringLiteral("tips_items_fetched"), *tips ? (*tips)->itemsFetched : 0},
            {QStringLiteral("tips"), membershipName(session.account().feed().membership())},
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
    library::LibrarySync& lib = session.account().library();
    QObject::connect(&lib, &library::LibrarySync::synced, &session,
                     [library](const library::LibrarySync::Summary& s) { *library = s; });
    QObject::connect(&lib, &library::LibrarySync::failed, &session,
                     [](const Error& error) { printInfoLine(error.message); });
    // The account starts the tips feed once the library's catch-up has ended.
    feed::FeedSync& feed = session.account().feed();
    QObject::connect(&feed, &feed::FeedSync::synced, &session,
                     [tips](const feed::FeedSync::Summary& s) { *tips = s; });
    QObject::connect(&feed, &feed::FeedSync::failed, &session,
                     [](const Error& error) { printInfoLine(error.message); });
    QObject::connect(&feed, &feed::FeedSync::catchUpEnded, &session, [tipsDone, report] {
        *tipsDone = true;
        report();
    });
    // The account starts the catch-up when the session starts.
    session.start([] {});
}

}  // namespace rapport::cli
