#include "cli/SyncCommand.h"

#include <QElapsedTimer>
#include <QJsonObject>

#include "cli/JsonOutput.h"
#include "library/LibrarySync.h"
#include "sync/HistoryCatchUp.h"
#include "sync/OutboxSender.h"
#include "sync/StoreArchiveSink.h"

namespace rapport::cli {

namespace {

QString membershipName(library::LibrarySync::Membership m) {
    switch (m) {
        case library::LibrarySync::Membership::Member:
            return QStringLiteral("member");
        case library::LibrarySync::Membership::NotMember:
            return QStringLiteral("not-member");
        case library::LibrarySync::Membership::NotSetUp:
            return QStringLiteral("not-set-up");
        case library::LibrarySync::Membership::Unknown:
            break;
    }
    return QStringLiteral("unknown");
}

}  // namespace

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
    // The answer library: caught up, or found unavailable (not a member, not set up).
    auto library = std::make_shared<std::optional<library::LibrarySync::Summary>>();
    auto libraryDone = std::make_shared<bool>(false);
    auto report = [&session, elapsed, summary, drained, library, libraryDone] {
        if (!*summary || !*drained || !*libraryDone) {
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
                     [library, libraryDone, report](const library::LibrarySync::Summary& s) {
                         *library = s;
                         *libraryDone = true;
                         report();
                     });
    QObject::connect(&lib, &library::LibrarySync::membershipChanged, &session,
                     [libraryDone, report](library::LibrarySync::Membership m) {
                         if (m == library::LibrarySync::Membership::NotMember ||
                             m == library::LibrarySync::Membership::NotSetUp) {
                             *libraryDone = true;
                             report();
                         }
                     });
    QObject::connect(&lib, &library::LibrarySync::failed, &session,
                     [libraryDone, report](const Error& error) {
                         printInfoLine(error.message);  // the chat catch-up still counts
                         *libraryDone = true;
                         report();
                     });
    // The account starts the catch-up when the session starts.
    session.start([] {});
}

}  // namespace rapport::cli
