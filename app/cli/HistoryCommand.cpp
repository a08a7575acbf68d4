#include "cli/HistoryCommand.h"

#include <QJsonObject>

#include "cli/CliSession.h"
#include "cli/JsonOutput.h"
#include "store/MessageStore.h"

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

}  // namespace

int runHistory(const CliOptions& options, Account& account) {
    if (options.args.size() != 1 || !Jid::isValid(options.args[0])) {
        printErrorLine(QObject::tr("usage: rapport-cli --jid JID history PEER-JID [--limit N]"));
        return ExitUsage;
    }
    const Jid peer = Jid(options.args[0]).bare();
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

}  // namespace rapport::cli
