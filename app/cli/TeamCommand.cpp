#include "cli/TeamCommand.h"

#include <QJsonArray>
#include <QJsonObject>
#include <memory>

#include "cli/JsonOutput.h"
#include "common/FutureUtils.h"
#include "library/TeamNodes.h"
#include "xmpp/ext/pubsub/PubSubExtension.h"

namespace rapport::cli {

namespace {

struct Provisioning {
    CliSession& session;
    xmpp::PubSubExtension& pubsub;
    Jid service;
    QStringList nodes{library::AnswersNode, library::TipsNode};
    QStringList members = {};
    QString affiliation = xmpp::AffiliationPublisher;
    QJsonArray created = {};
    QStringList changed = {};

    void fail(const Error& error) {
        Error e = error;
        if (error.condition == u"forbidden") {
            e.message = QObject::tr(
                            "The service %1 refused: only an admin of the pubsub service "
                            "can set up the team (%2).")
                            .arg(service.toString(), error.message);
        }
        session.fail(e);
    }
};

// Creates the node, or, if it exists, sets its configuration again (so a node made by an
// older set-up gets today's settings); then gives `members` the affiliation they lack.
void provisionNode(std::shared_ptr<Provisioning> p, qsizetype index, std::function<void()> done) {
    if (index >= p->nodes.size()) {
        done();
        return;
    }
    const QString node = p->nodes[index];
    auto affiliate = [p, node, index, done] {
        onFinished(
            p->pubsub.affiliations(p->service, node), &p->session,
            [p, node, index, done](const Result<QMap<QString, QString>>& current) {
                if (!current.ok()) {
                    p->fail(current.error());
                    return;
                }
                QMap<QString, QString> change;
                for (const QString& m : p->members) {
                    const QString now = current.value().value(m, xmpp::AffiliationNone);
                    const bool member =
                        now == xmpp::AffiliationPublisher || now == xmpp::AffiliationOwner;
                    if (p->affiliation == xmpp::AffiliationNone ? now != p->affiliation : !member) {
                        change.insert(m, p->affiliation);
                    }
                }
                if (change.isEmpty()) {
                    provisionNode(p, index + 1, done);
                    return;
                }
                onFinished(p->pubsub.setAffiliations(p->service, node, change), &p->session,
                           [p, change, index, done](const Result<void>& set) {
                               if (!set.ok()) {
                                   p->fail(set.error());
                                   return;
                               }
                               for (const QString& m : change.keys()) {
                                   if (!p->changed.contains(m)) {
                                       p->changed << m;
                                   }
                               }
                               provisionNode(p, index + 1, done);
                           });
            });
    };
    if (p->affiliation != xmpp::AffiliationPublisher) {
        affiliate();  // removing members never creates nodes
        return;
    }
    onFinished(p->pubsub.createNode(p->service, node, library::teamNodeConfig()), &p->session,
               [p, node, affiliate](const Result<void>& created) {
                   if (created.ok()) {
                       p->created << node;
                       affiliate();
                       return;
                   }
                   if (created.error().condition != u"conflict") {
                       p->fail(created.error());
                       return;
                   }
                   onFinished(p->pubsub.configureNode(p->service, node, library::teamNodeConfig()),
                              &p->session, [p, affiliate](const Result<void>& configured) {
                                  if (!configured.ok()) {
                                      p->fail(configured.error());
                                      return;
                                  }
                                  affiliate();
                              });
               });
}

}  // namespace

void runTeam(CliSession& session) {
    const CliOptions& o = session.options();
    const QString sub = o.args.value(0);
    const Error usage = Error::make(
        ErrorCode::Usage,
        QObject::tr("usage: rapport-cli --jid JID team init --service S --members JID,JID... | "
                    "team add-member JID | team remove-member JID"));
    auto p = std::make_shared<Provisioning>(
        Provisioning{session, session.account().pubsub(),
                     o.service.isEmpty() ? session.account().teamService() : o.service.bare()});
    if (sub == u"init" && o.args.size() == 1 && !o.service.isEmpty()) {
        p->members = o.members;
    } else if ((sub == u"add-member" || sub == u"remove-member") && o.args.size() == 2 &&
               Jid::isValid(o.args[1]) && !Jid(o.args[1]).local().isEmpty()) {
        p->members = {Jid(o.args[1]).bareString()};
        if (sub == u"remove-member") {
            p->affiliation = xmpp::AffiliationNone;
        }
    } else {
        session.fail(usage);
        return;
    }
    session.start([p, sub] {
        provisionNode(p, 0, [p, sub] {
            QJsonObject line{{QStringLiteral("service"), p->service.toString()},
                             {QStringLiteral("nodes"), QJsonArray::fromStringList(p->nodes)},
                             {QStringLiteral("created"), p->created}};
            if (sub == u"remove-member") {
                line.insert(QStringLiteral("members_removed"),
                            QJsonArray::fromStringList(p->changed));
            } else {
                line.insert(QStringLiteral("members_added"),
                            QJsonArray::fromStringList(p->changed));
            }
            printJsonLine(line);
            p->session.finish(ExitOk);
        });
    });
}

}  // namespace rapport::cli
