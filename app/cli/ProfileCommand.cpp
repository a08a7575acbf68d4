#include "cli/ProfileCommand.h"

#include <QJsonObject>

#include "cli/JsonOutput.h"
#include "common/FutureUtils.h"
#include "xmpp/ext/vcard/VCardExtension.h"

namespace rapport::cli {

namespace {

void printProfile(const Jid& jid, const QString& name) {
    printJsonLine({{QStringLiteral("jid"), jid.bareString()}, {QStringLiteral("name"), name}});
}

}  // namespace

void runProfile(CliSession& session) {
    const QStringList& args = session.options().args;
    if (!args.isEmpty() && args.first() == u"set-name") {
        if (args.size() != 2 || args.at(1).simplified().isEmpty()) {
            session.fail(Error::make(ErrorCode::Usage,
                                     QObject::tr("usage: profile set-name NAME (not empty)")));
            return;
        }
        const QString name = args.at(1).simplified();
        session.start([&session, name] {
            onFinished(session.account().setOwnName(name), &session,
                       [&session, name](const Result<void>& set) {
                           if (!set.ok()) {
                               session.fail(set.error());
                               return;
                           }
                           printProfile(session.account().jid(), name);
                           session.finish(ExitOk);
                       });
        });
        return;
    }
    if (args.size() > 1 || (args.size() == 1 && !Jid::isValid(args.first()))) {
        session.fail(Error::make(ErrorCode::Usage,
                                 QObject::tr("usage: profile [JID] | profile set-name NAME")));
        return;
    }
    const Jid jid = args.isEmpty() ? session.account().jid() : Jid(args.first()).bare();
    session.start([&session, jid] {
        auto* vcards = session.client().findExtension<xmpp::VCardExtension>();
        const Jid to = jid == session.account().jid() ? Jid() : jid;
        onFinished(vcards->fetchName(to), &session, [&session, jid](const Result<QString>& name) {
            if (!name.ok()) {
                session.fail(name.error());
                return;
            }
            printProfile(jid, name.value());
            session.finish(ExitOk);
        });
    });
}

}  // namespace rapport::cli
