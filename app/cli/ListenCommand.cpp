#include "cli/ListenCommand.h"

#include <QJsonObject>
#include <QTimer>

#include "cli/JsonOutput.h"
#include "xmpp/ext/chat/ChatExtension.h"

namespace rapport::cli {

void runListen(CliSession& session) {
    if (!session.options().args.isEmpty()) {
        session.fail(Error::make(
            ErrorCode::Usage,
            QObject::tr("usage: rapport-cli --jid JID listen [--count N] [--timeout SECONDS]")));
        return;
    }
    session.start(
        [&session] {
            auto* chat = session.client().findExtension<xmpp::ChatExtension>();
            auto received = std::make_shared<int>(0);
            const std::optional<int> count = session.options().count;
            QObject::connect(chat, &xmpp::ChatExtension::messageReceived, &session,
                             [&session, received, count](const xmpp::ChatMessage& m) {
                                 if (m.direction != xmpp::ChatMessage::Direction::Incoming) {
                                     return;
                                 }
                                 QJsonObject line{
                                     {QStringLiteral("from"), m.from.toString()},
                                     {QStringLiteral("to"), m.to.toString()},
                                     {QStringLiteral("body"), m.body},
                                     {QStringLiteral("id"), m.id},
                                     {QStringLiteral("timestamp"),
                                      m.timestamp.toUTC().toString(Qt::ISODateWithMs)},
                                 };
                                 if (!m.originId.isEmpty()) {
                                     line.insert(QStringLiteral("origin_id"), m.originId);
                                 }
                                 if (!m.stanzaId.isEmpty()) {
                                     line.insert(QStringLiteral("stanza_id"), m.stanzaId);
                                 }
                                 printJsonLine(line);
                                 if (count && ++*received >= *count) {
                                     // Let the receipt for this message leave before we go.
                                     QTimer::singleShot(0, &session,
                                                        [&session] { session.finish(ExitOk); });
                                 }
                             });
            if (const auto seconds = session.options().timeoutSeconds) {
                QTimer::singleShot(static_cast<int>(*seconds * 1000), &session,
                                   [&session] { session.finish(ExitOk); });
            }
        },
        CliSession::Presence::Available);
}

}  // namespace rapport::cli
