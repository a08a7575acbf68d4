#include "cli/SendCommand.h"

#include <QJsonObject>
#include <QTimer>

#include "cli/JsonOutput.h"
#include "common/FutureUtils.h"
#include "sync/OutboxSender.h"

namespace rapport::cli {

namespace {

QJsonObject describe(const store::StoredMessage& m, bool queued) {
    return {{QStringLiteral("id"), m.messageId},
            {QStringLiteral("to"), m.peer},
            {QStringLiteral("queued"), queued},
            {QStringLiteral("acked"), !queued}};
}

}  // namespace

void runSend(CliSession& session) {
    const QStringList& args = session.options().args;
    if (args.size() != 2 || !Jid::isValid(args[0]) || args[1].trimmed().isEmpty()) {
        session.fail(Error::make(ErrorCode::Usage,
                                 QObject::tr("usage: rapport-cli --jid JID send TO-JID TEXT")));
        return;
    }
    const Jid to(args[0]);
    // Stored in the outbox first: once this succeeds, the message is never lost, whether or
    // not the server can be reached now.
    onFinished(session.account().sendMessage(to, args[1]), &session,
               [&session](const Result<store::StoredMessage>& queued) {
                   if (!queued.ok()) {
                       session.fail(queued.error());
                       return;
                   }
                   const store::StoredMessage message = queued.value();
                   session.setOfflineHandler([&session, message](const Error& error) {
                       if (error.code == ErrorCode::AuthenticationFailed ||
                           error.code == ErrorCode::Certificate || error.code == ErrorCode::Usage) {
                           return false;  // the user must act; the message stays queued meanwhile
                       }
                       printJsonLine(describe(message, true));
                       session.finish(ExitOk);
                       return true;
                   });
                   QObject::connect(&session.account().outboxSender(), &sync::OutboxSender::sent,
                                    &session, [&session, message](const QString& id) {
                                        if (id == message.messageId) {
                                            printJsonLine(describe(message, false));
                                            session.finish(ExitOk);
                                        }
                                    });
                   const int timeoutMs =
                       static_cast<int>(session.options().timeoutSeconds.value_or(30) * 1000);
                   QTimer::singleShot(timeoutMs, &session, [&session, message] {
                       // Still queued: it goes out with the next command that gets online.
                       printJsonLine(describe(message, true));
                       session.finish(ExitOk);
                   });
                   session.start([] {});
               });
}

}  // namespace rapport::cli
