#include "cli/SendCommand.h"

#include <QFutureWatcher>
#include <QJsonObject>
#include <QTimer>

#include "cli/JsonOutput.h"
#include "xmpp/ext/chat/ChatExtension.h"
#include "xmpp/ext/ping/PingExtension.h"

namespace rapport::cli {

namespace {

void reportSent(CliSession& session, const xmpp::ChatMessage& message) {
    printJsonLine({{QStringLiteral("id"), message.id},
                   {QStringLiteral("to"), message.to.toString()},
                   {QStringLiteral("acked"), true}});
    session.finish(ExitOk);
}

}  // namespace

void runSend(CliSession& session) {
    const QStringList& args = session.options().args;
    if (args.size() != 2 || !Jid::isValid(args[0])) {
        session.fail(Error::make(ErrorCode::Usage,
                                 QObject::tr("usage: rapport-cli --jid JID send TO-JID TEXT")));
        return;
    }
    const Jid to(args[0]);
    const QString text = args[1];
    const int timeoutMs = static_cast<int>(session.options().timeoutSeconds.value_or(30) * 1000);
    QTimer::singleShot(timeoutMs, &session, [&session, timeoutMs] {
        session.fail(Error::make(ErrorCode::Timeout,
                                 QObject::tr("The server did not confirm the message within %1 s.")
                                     .arg(timeoutMs / 1000)));
    });

    session.start([&session, to, text] {
        xmpp::Client& client = session.client();
        auto* chat = client.findExtension<xmpp::ChatExtension>();
        Result<xmpp::ChatMessage> sent = chat->sendMessage(to, text);
        if (!sent.ok()) {
            session.fail(sent.error());
            return;
        }
        const xmpp::ChatMessage message = sent.value();
        if (client.stream()->isStreamManagementEnabled()) {
            QObject::connect(&client, &xmpp::Client::stanzaAcked, &session,
                             [&session, message](const xmpp::Element& stanza) {
                                 if (stanza.attribute(u"id") == message.id) {
                                     reportSent(session, message);
                                 }
                             });
            return;
        }
        // Without stream management, the server answering a later ping proves it has
        // processed the message (stanzas are handled in order).
        auto* watcher = new QFutureWatcher<Result<void>>(&session);
        QObject::connect(watcher, &QFutureWatcher<Result<void>>::finished, &session,
                         [&session, watcher, message] {
                             const Result<void> r = watcher->result();
                             if (!r.ok()) {
                                 session.fail(r.error());
                                 return;
                             }
                             reportSent(session, message);
                         });
        auto* ping = client.findExtension<xmpp::PingExtension>();
        watcher->setFuture(ping->ping(Jid(client.settings().jid.domain())));
    });
}

}  // namespace rapport::cli
