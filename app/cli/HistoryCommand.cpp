#include "cli/HistoryCommand.h"

#include <QJsonObject>
#include <optional>

#include "cli/CliSession.h"
#include "cli/JsonOutput.h"
#include "common/FutureUtils.h"
#include "store/MessageStore.h"
#include "sync/OlderHistory.h"

namespace rapport::cli {

namespace {

QString stateName(store::StoredMessage::State state) {
    switch (state) {
        case store::StoredMessage::State::Received:
            return QStringLiteral("received");
        case store::StoredMessage::State::Queued:
            return QStringLiteral("queued");
        case store::StoredMessage::State::Sent:
            return QStringLiteral("sent");
        case store::StoredMessage::State::Delivered:
            return QStringLiteral("delivered");
        case store::StoredMessage::State::Read:
            return QStringLiteral("read");
        case store::StoredMessage::State::Failed:
            return QStringLiteral("failed");
    }
    return {};
}

std::optional<Jid> peerArgument(const CliOptions& options) {
    if (options.args.size() != 1 || !Jid::isValid(options.args[0])) {
        return std::nullopt;
    }
    return Jid(options.args[0]).bare();
}

Error usageError() {
    return Error::make(ErrorCode::Usage,
                       QObject::tr("usage: rapport-cli --jid JID history PEER-JID [--limit N] "
                                   "[--fetch-older N]"));
}

// Prints the newest `limit` stored messages with peer, oldest first.
int printHistory(const CliOptions& options, Account& account, const Jid& peer) {
    const Result<QList<store::StoredMessage>> messages =
        account.messages().history(peer.bareString(), options.limit.value_or(50)).result();
    if (!messages.ok()) {
        printErrorLine(messages.error().message);
        return ExitInternal;
    }
    const QString own = account.jid().bareString();
    for (const store::StoredMessage& m : messages.value()) {
        const bool outgoing = m.direction == store::StoredMessage::Direction::Outgoing;
        QJsonObject line{
            {QStringLiteral("from"), m.sender},
            {QStringLiteral("to"), outgoing ? m.peer : own},
            {QStringLiteral("body"), m.body},
            {QStringLiteral("id"), m.messageId},
            {QStringLiteral("row"), m.rowId},
            {QStringLiteral("timestamp"), m.timestamp.toUTC().toString(Qt::ISODateWithMs)},
            {QStringLiteral("direction"),
             outgoing ? QStringLiteral("outgoing") : QStringLiteral("incoming")},
            {QStringLiteral("state"), stateName(m.state)},
        };
        if (!m.originId.isEmpty()) {
            line.insert(QStringLiteral("origin_id"), m.originId);
        }
        if (!m.stanzaId.isEmpty()) {
            line.insert(QStringLiteral("stanza_id"), m.stanzaId);
        }
        printJsonLine(line);
    }
    return ExitOk;
}

}  // namespace

int runHistory(const CliOptions& options, Account& account) {
    const std::optional<Jid> peer = peerArgument(options);
    if (!peer) {
        printErrorLine(usageError().message);
        return ExitUsage;
    }
    return printHistory(options, account, *peer);
}

void runHistoryFetch(CliSession& session) {
    const std::optional<Jid> peer = peerArgument(session.options());
    if (!peer) {
        session.fail(usageError());
        return;
    }
    const int max = session.options().fetchOlder.value_or(100);
    session.start([&session, peer = *peer, max] {
        onFinished(
            session.account().olderHistory().fetch(peer, max), &session,
            [&session, peer](const Result<sync::OlderHistory::Outcome>& outcome) {
                if (!outcome.ok()) {
                    session.fail(outcome.error());
                    return;
                }
                // stdout stays the messages; what the fetch did is for the person.
                const sync::OlderHistory::Outcome& o = outcome.value();
                printInfoLine(o.reachedStart
                                  ? QObject::tr("%n older message(s) stored; the archive holds "
                                                "nothing older.",
                                                nullptr, o.stored)
                                  : QObject::tr("%n older message(s) stored.", nullptr, o.stored));
                session.finish(printHistory(session.options(), session.account(), peer));
            });
    });
}

}  // namespace rapport::cli
