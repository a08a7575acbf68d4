#include "cli/SendCommand.h"

#include "store/MessageStore.h"

#include <QJsonObject>
#include <QTimer>
#include <memory>

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
    onFinished(
        session.account().sendMessage(to, args[1]), &session,
        [&session](const Result<store::StoredMessage>& queued) {
            if (!queued.ok()) {
                session.fail(queued.error());
                return;
            }
            const store::StoredMessage message = queued.value();
            // One line, whichever way the command ends.
            auto report = [&session, message,
                           done = std::make_shared<bool>(false)](bool stillQueued) {
                if (!std::exchange(*done, true)) {
                    printJsonLine(describe(message, stillQueued));
                    session.finish(ExitOk);
                }
            };
            session.setOfflineHandler([report](const Error& error) {
                if (error.code == ErrorCode::AuthenticationFailed ||
                    error.code == ErrorCode::Certificate || error.code == ErrorCode::Usage) {
                    return false;  // the user must act; the message stays queued meanwhile
                }
                report(true);
                return true;
            });
            sync::OutboxSender& sender = session.account().outboxSender();
            QObject::connect(&sender, &sync::OutboxSender::sent, &session,
                             [report, message](const QString& id) {
                                 if (id == message.messageId) {
                                     report(false);
                                 }
                             });
            // Another process on the same profile (a `listen`) may have sent it from
            // the shared outbox first: once ours is drained, the store says so.
            QObject::connect(
                &sender, &sync::OutboxSender::drained, &session, [&session, report, message] {
                    onFinished(session.account().messages().message(message.rowId), &session,
                               [report](const Result<store::StoredMessage>& now) {
                                   if (now.ok() &&
                                       now.value().state != store::StoredMessage::State::Queued) {
                                       report(false);
                                   }
                               });
                });
            const int timeoutMs =
                static_cast<int>(session.options().timeoutSeconds.value_or(30) * 1000);
            // Still queued then: it goes out with the next command that gets online.
            QTimer::singleShot(timeoutMs, &session, [report] { report(true); });
            session.start([] {});
        });
}

}  // namespace rapport::cli
