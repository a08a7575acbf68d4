// The IM features against a real Prosody: roster edits and pushes, presence
// subscription (request, approve, deny), presence per resource, chat states,
// displayed markers, ping, disco, rapport-cli roster's JSON lines, and the roster kept in
// the account's store for the next start (offline, then a versioned fetch).
#include <QFutureWatcher>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QtTest>

#include "CliRun.h"
#include "LiveClient.h"
#include "account/Account.h"
#include "account/ContactDirectory.h"
#include "sync/RosterMirror.h"

using namespace rapport;
using rapport::test::await;
using rapport::test::LiveClient;
using rapport::test::ProsodyFixture;

class TestIm : public QObject {
    Q_OBJECT
    ProsodyFixture server;
    const Jid aliceJid{QStringLiteral("alice@localhost")};
    const Jid bobJid{QStringLiteral("bob@localhost")};
    const Jid carolJid{QStringLiteral("carol@localhost")};

    // Signs an account (the app's core, with its store) in to the test server.
    void signIn(Account& account) {
        xmpp::Client::Settings s;
        s.jid = account.jid();
        s.password = QStringLiteral("secret");
        s.resource = QStringLiteral("desk");
        s.url = server.websocketUrl();
        account.client().setSettings(s);
        account.client().connectToServer();
    }

private slots:
    void initTestCase() {
        QString error;
        QVERIFY2(rapport::test::startWithUsers(server,
                                               {QStringLiteral("alice"), QStringLiteral("bob"),
                                                QStringLiteral("carol"), QStringLiteral("dave")},
                                               QStringLiteral("secret"), &error),
                 qPrintable(error));
    }

    void rosterSubscriptionAndPresence() {
        LiveClient alice(server, aliceJid.toString(), QStringLiteral("secret"),
                         QStringLiteral("desk"));
        LiveClient bob(server, bobJid.toString(), QStringLiteral("secret"),
                       QStringLiteral("phone"));
        QVERIFY(alice.signIn());
        QVERIFY(bob.signIn());
        auto* aliceRoster = alice.client.findExtension<xmpp::RosterExtension>();
        auto* bobRoster = bob.client.findExtension<xmpp::RosterExtension>();
        auto* alicePresence = alice.client.findExtension<xmpp::PresenceExtension>();
        auto* bobPresence = bob.client.findExtension<xmpp::PresenceExtension>();

        // Add with a name and groups: the server's push updates the roster.
        QSignalSpy changed(aliceRoster, &xmpp::RosterExtension::itemChanged);
        const Result<void> added = await(
            aliceRoster->addOrUpdate(bobJid, QStringLiteral("Bob B."),
                                     {QStringLiteral("Colleagues"), QStringLiteral("Printers")}));
        QVERIFY2(added.ok(), qPrintable(added.error().message));
        QTRY_VERIFY(aliceRoster->item(bobJid).has_value());
        QCOMPARE(aliceRoster->item(bobJid)->name, QStringLiteral("Bob B."));
        QStringList groups = aliceRoster->item(bobJid)->groups;
        groups.sort();
        QCOMPARE(groups, QStringList({QStringLiteral("Colleagues"), QStringLiteral("Printers")}));
        QCOMPARE(aliceRoster->item(bobJid)->subscription, QStringLiteral("none"));

        // Subscription request, approved: alice now sees bob's presence, per resource.
        QSignalSpy requested(bobRoster, &xmpp::RosterExtension::subscriptionRequested);
        QVERIFY(aliceRoster->subscribe(bobJid, QStringLiteral("It's Alice from support")).ok());
        QTRY_COMPARE(requested.size(), 1);
        QCOMPARE(requested[0][0].value<Jid>().bare(), aliceJid);
        QVERIFY(bobRoster->approve(aliceJid).ok());
        QTRY_COMPARE(aliceRoster->item(bobJid)->subscription, QStringLiteral("to"));
        QTRY_VERIFY(alicePresence->isAvailable(bobJid));
        QVERIFY(alicePresence->presencesOf(bobJid).contains(QStringLiteral("phone")));

        QVERIFY(bobPresence
                    ->setPresence(xmpp::PresenceShow::DoNotDisturb,
                                  QStringLiteral("On a call with a customer"))
                    .ok());
        QTRY_COMPARE(alicePresence->presencesOf(bobJid).value(QStringLiteral("phone")).show,
                     xmpp::PresenceShow::DoNotDisturb);
        QCOMPARE(alicePresence->presencesOf(bobJid).value(QStringLiteral("phone")).status,
                 QStringLiteral("On a call with a customer"));

        // A second resource of bob comes and goes.
        {
            LiveClient bobLaptop(server, bobJid.toString(), QStringLiteral("secret"),
                                 QStringLiteral("laptop"));
            QVERIFY(bobLaptop.signIn());
            QTRY_COMPARE(alicePresence->presencesOf(bobJid).size(), 2);
        }
        QTRY_COMPARE(alicePresence->presencesOf(bobJid).size(), 1);

        // rapport-cli roster prints the item, as documented.
        QTemporaryDir profile;
        const rapport::test::CliRun cli = rapport::test::runCli(
            {QStringLiteral("--server"), server.websocketUrl().toString(), QStringLiteral("--jid"),
             aliceJid.toString(), QStringLiteral("roster")},
            QStringLiteral("secret"), profile.path(), 30000);
        QCOMPARE(cli.exitCode, 0);
        const QList<QByteArray> lines = cli.out.trimmed().split('\n');
        QCOMPARE(lines.size(), 1);
        const QJsonObject line = QJsonDocument::fromJson(lines[0]).object();
        QCOMPARE(line.value(u"jid").toString(), bobJid.toString());
        QCOMPARE(line.value(u"name").toString(), QStringLiteral("Bob B."));
        QCOMPARE(line.value(u"subscription").toString(), QStringLiteral("to"));
        QCOMPARE(line.value(u"groups").toArray().size(), 2);

        // rapport-cli roster set: a name and a group, as the demo sets its customers; a name
        // given alone keeps the groups. Prints the item; no JID is a usage error (exit 2).
        auto rosterSet = [&](const QStringList& args) {
            return rapport::test::runCli(
                QStringList{QStringLiteral("--server"), server.websocketUrl().toString(),
                            QStringLiteral("--jid"), aliceJid.toString(), QStringLiteral("roster"),
                            QStringLiteral("set")} +
                    args,
                QStringLiteral("secret"), profile.path(), 30000);
        };
        rapport::test::CliRun set =
            rosterSet({carolJid.toString(), QStringLiteral("--name"), QStringLiteral("Carol C."),
                       QStringLiteral("--group"), QStringLiteral("Customers")});
        QCOMPARE(set.exitCode, 0);
        QJsonObject carolLine = QJsonDocument::fromJson(set.out.trimmed()).object();
        QCOMPARE(carolLine.value(u"jid").toString(), carolJid.toString());
        QCOMPARE(carolLine.value(u"name").toString(), QStringLiteral("Carol C."));
        QCOMPARE(carolLine.value(u"groups").toArray(), QJsonArray{QStringLiteral("Customers")});
        QTRY_COMPARE(aliceRoster->item(carolJid).value_or(xmpp::RosterItem{}).name,
                     QStringLiteral("Carol C."));
        set = rosterSet({carolJid.toString(), QStringLiteral("--name"), QStringLiteral("Carol")});
        QCOMPARE(set.exitCode, 0);
        carolLine = QJsonDocument::fromJson(set.out.trimmed()).object();
        QCOMPARE(carolLine.value(u"name").toString(), QStringLiteral("Carol"));
        QCOMPARE(carolLine.value(u"groups").toArray(), QJsonArray{QStringLiteral("Customers")});
        QCOMPARE(rosterSet({}).exitCode, 2);
        QVERIFY(await(aliceRoster->remove(carolJid)).ok());

        // Remove: the push takes it out of the roster.
        QSignalSpy removed(aliceRoster, &xmpp::RosterExtension::itemRemoved);
        QVERIFY(await(aliceRoster->remove(bobJid)).ok());
        QTRY_COMPARE(removed.size(), 1);
        QVERIFY(!aliceRoster->item(bobJid).has_value());
    }

    void deniedSubscriptionShowsNoPresence() {
        LiveClient alice(server, aliceJid.toString(), QStringLiteral("secret"),
                         QStringLiteral("deny"));
        LiveClient carol(server, carolJid.toString(), QStringLiteral("secret"),
                         QStringLiteral("deny"));
        QVERIFY(alice.signIn());
        QVERIFY(carol.signIn());
        auto* aliceRoster = alice.client.findExtension<xmpp::RosterExtension>();
        auto* carolRoster = carol.client.findExtension<xmpp::RosterExtension>();
        QSignalSpy requested(carolRoster, &xmpp::RosterExtension::subscriptionRequested);
        QVERIFY(aliceRoster->subscribe(carolJid).ok());
        QTRY_COMPARE(requested.size(), 1);
        QVERIFY(carolRoster->deny(aliceJid).ok());
        QTRY_VERIFY(aliceRoster->item(carolJid).has_value() && !aliceRoster->item(carolJid)->ask);
        QCOMPARE(aliceRoster->item(carolJid)->subscription, QStringLiteral("none"));
        QTest::qWait(300);
        QVERIFY(!alice.client.findExtension<xmpp::PresenceExtension>()->isAvailable(carolJid));
    }

    void chatStatesAndDisplayedMarkers() {
        LiveClient alice(server, aliceJid.toString(), QStringLiteral("secret"),
                         QStringLiteral("m"));
        LiveClient bob(server, bobJid.toString(), QStringLiteral("secret"), QStringLiteral("m"));
        QVERIFY(alice.signIn());
        QVERIFY(bob.signIn());
        auto* bobStates = bob.client.findExtension<xmpp::ChatStatesExtension>();
        auto* aliceStates = alice.client.findExtension<xmpp::ChatStatesExtension>();
        QSignalSpy states(bobStates, &xmpp::ChatStatesExtension::chatStateChanged);
        QVERIFY(
            aliceStates->sendChatState(bobJid, xmpp::ChatStatesExtension::State::Composing).ok());
        QTRY_COMPARE(states.size(), 1);
        QCOMPARE(states[0][1].value<xmpp::ChatStatesExtension::State>(),
                 xmpp::ChatStatesExtension::State::Composing);

        const auto sent = alice.chat->sendMessage(bobJid, QStringLiteral("Did that fix it?"));
        QVERIFY(sent.ok());
        QTRY_COMPARE(bob.received.size(), 1);
        QSignalSpy markers(alice.client.findExtension<xmpp::MarkersExtension>(),
                           &xmpp::MarkersExtension::markerReceived);
        QVERIFY(bob.client.findExtension<xmpp::MarkersExtension>()
                    ->sendDisplayed(bob.received[0].from, bob.received[0].id)
                    .ok());
        QTRY_COMPARE(markers.size(), 1);
        QCOMPARE(markers[0][1].toString(), sent.value().id);
        QCOMPARE(markers[0][2].value<xmpp::MarkersExtension::Marker>(),
                 xmpp::MarkersExtension::Marker::Displayed);
        // And the delivery receipt came before that.
        QTRY_VERIFY(alice.receiptIds.contains(sent.value().id));
    }

    void pingAndDisco() {
        LiveClient alice(server, aliceJid.toString(), QStringLiteral("secret"),
                         QStringLiteral("p"));
        LiveClient bob(server, bobJid.toString(), QStringLiteral("secret"), QStringLiteral("p"));
        QVERIFY(alice.signIn());
        QVERIFY(bob.signIn());
        auto* ping = alice.client.findExtension<xmpp::PingExtension>();
        QVERIFY(await(ping->ping(Jid(QStringLiteral("localhost")))).ok());
        // Ping a peer's full JID: answered by its ping extension, through the server.
        QVERIFY(await(ping->ping(bob.client.boundJid())).ok());

        auto* disco = alice.client.findExtension<xmpp::DiscoExtension>();
        const auto serverInfo = await(disco->queryInfo(Jid(QStringLiteral("localhost"))));
        QVERIFY2(serverInfo.ok(), qPrintable(serverInfo.error().message));
        QVERIFY(serverInfo.value().hasFeature(QStringLiteral("urn:xmpp:carbons:2")));
        QVERIFY(serverInfo.value().hasFeature(QStringLiteral("urn:xmpp:ping")));
        // The archive lives on the account: MAM is advertised by our own bare JID.
        const auto accountInfo = await(disco->queryInfo(aliceJid));
        QVERIFY2(accountInfo.ok(), qPrintable(accountInfo.error().message));
        QVERIFY(accountInfo.value().hasFeature(QStringLiteral("urn:xmpp:mam:2")));
        // A peer's disco answers with what Rapport supports.
        const auto peerInfo = await(disco->queryInfo(bob.client.boundJid()));
        QVERIFY2(peerInfo.ok(), qPrintable(peerInfo.error().message));
        QVERIFY(peerInfo.value().hasFeature(QStringLiteral("urn:xmpp:receipts")));
        QVERIFY(
            peerInfo.value().hasFeature(QStringLiteral("http://jabber.org/protocol/chatstates")));
        // An unknown IQ to a peer comes back as service-unavailable, through the server.
        xmpp::Element iq(QStringLiteral("iq"), QStringLiteral("jabber:client"));
        iq.setAttribute(QStringLiteral("type"), QStringLiteral("get"));
        iq.setAttribute(QStringLiteral("to"), bob.client.boundJid().toString());
        iq.appendChild(
            xmpp::Element(QStringLiteral("query"), QStringLiteral("urn:example:nothing")));
        const auto unknown = await(alice.client.sendIq(iq));
        QVERIFY(!unknown.ok());
        QCOMPARE(unknown.error().condition, QStringLiteral("service-unavailable"));
    }

    // Dave names Carol on his roster; the next start shows her name before any connection,
    // and signing in asks Prosody only for what changed since (RFC 6121 2.6): nothing, or
    // the rename made meanwhile on his phone, which then is kept too.
    void rosterIsKeptForTheNextStart() {
        const Jid dave(QStringLiteral("dave@localhost"));
        QTemporaryDir profile;
        {
            auto opened = Account::open(profile.path(), dave);
            QVERIFY2(opened.ok(), qPrintable(opened.error().message));
            Account& account = *opened.value();
            signIn(account);
            QTRY_COMPARE(account.client().state(), xmpp::Client::State::Online);
            auto* roster = account.client().findExtension<xmpp::RosterExtension>();
            QVERIFY(await(roster->addOrUpdate(carolJid, QStringLiteral("Carol Customer"),
                                              {QStringLiteral("Customers")}))
                        .ok());
            QTRY_COMPARE(account.contacts().name(carolJid.toString()),
                         QStringLiteral("Carol Customer"));
        }
        const auto rosterReplies = [](Account& account, QStringList* replies) {
            QObject::connect(account.client().stream(), &xmpp::Stream::stanzaReceived, &account,
                             [replies](const xmpp::Element& e) {
                                 if (e.name() == u"iq" && e.attribute(u"type") == u"result" &&
                                     e.attribute(u"id").size() > 0) {
                                     const xmpp::Element q =
                                         e.firstChild(u"query", QStringLiteral("jabber:iq:roster"));
                                     if (!q.isNull()) {
                                         *replies << q.toXml();
                                     } else {
                                         *replies << QString();  // maybe "unchanged"
                                     }
                                 }
                             });
        };
        {
            auto opened = Account::open(profile.path(), dave);
            QVERIFY(opened.ok());
            Account& account = *opened.value();
            QTRY_VERIFY(account.rosterMirror().isLoaded());
            QCOMPARE(account.contacts().name(carolJid.toString()),
                     QStringLiteral("Carol Customer"));
            QCOMPARE(account.contacts().groups(carolJid.toString()),
                     QStringList{QStringLiteral("Customers")});
            QStringList replies;
            rosterReplies(account, &replies);
            auto* roster = account.client().findExtension<xmpp::RosterExtension>();
            QSignalSpy received(roster, &xmpp::RosterExtension::rosterReceived);
            signIn(account);
            QTRY_COMPARE(received.size(), 1);
            // No roster was sent: Prosody's "unchanged" is an empty result.
            for (const QString& r : replies) {
                QVERIFY2(!r.contains(u"carol@localhost"), qPrintable(r));
            }
            QCOMPARE(account.contacts().name(carolJid.toString()),
                     QStringLiteral("Carol Customer"));
        }
        // Renamed on another device while this one is closed.
        {
            LiveClient phone(server, dave.toString(), QStringLiteral("secret"),
                             QStringLiteral("phone"));
            QVERIFY(phone.signIn());
            auto* roster = phone.client.findExtension<xmpp::RosterExtension>();
            QVERIFY(await(roster->addOrUpdate(carolJid, QStringLiteral("Carol C. (ACME)"),
                                              {QStringLiteral("Customers")}))
                        .ok());
            QTRY_COMPARE(roster->item(carolJid)->name, QStringLiteral("Carol C. (ACME)"));
        }
        {
            auto opened = Account::open(profile.path(), dave);
            QVERIFY(opened.ok());
            Account& account = *opened.value();
            QTRY_VERIFY(account.rosterMirror().isLoaded());
            QCOMPARE(account.contacts().name(carolJid.toString()),
                     QStringLiteral("Carol Customer"));
            signIn(account);
            QTRY_COMPARE(account.contacts().name(carolJid.toString()),
                         QStringLiteral("Carol C. (ACME)"));
        }
        {
            auto opened = Account::open(profile.path(), dave);
            QVERIFY(opened.ok());
            QTRY_VERIFY(opened.value()->rosterMirror().isLoaded());
            QCOMPARE(opened.value()->contacts().name(carolJid.toString()),
                     QStringLiteral("Carol C. (ACME)"));
        }
    }

    // Dave sets his name in his profile (vCard, kept by Prosody's vcard_legacy as vCard4);
    // it names him in his own app ({{me.name}}, his tips), and in Bob's, who does not have
    // him on his roster. Both apps keep it for the next start, offline.
    void profileNamesShowWhereTheRosterHasNone() {
        const Jid dave(QStringLiteral("dave@localhost"));
        QTemporaryDir daveProfile;
        QTemporaryDir bobProfile;
        {
            auto opened = Account::open(daveProfile.path(), dave);
            QVERIFY(opened.ok());
            Account& account = *opened.value();
            QCOMPARE(account.contacts().name(dave.toString()),
                     QStringLiteral("dave"));  // no profile yet
            // Offline, the name cannot reach the team: said, not silently dropped.
            const Result<void> offline = await(account.setOwnName(QStringLiteral("Dave")));
            QVERIFY(!offline.ok());
            QVERIFY(!offline.error().message.isEmpty());
            signIn(account);
            QTRY_COMPARE(account.client().state(), xmpp::Client::State::Online);
            const Result<void> set = await(account.setOwnName(QStringLiteral("  Dave  Ng ")));
            QVERIFY2(set.ok(), qPrintable(set.error().message));
            QCOMPARE(account.contacts().name(dave.toString()), QStringLiteral("Dave Ng"));
        }
        {
            auto opened = Account::open(bobProfile.path(), bobJid);
            QVERIFY(opened.ok());
            Account& bob = *opened.value();
            QSignalSpy changed(&bob.contacts(), &ContactDirectory::contactChanged);
            QCOMPARE(bob.contacts().name(dave.toString()), QStringLiteral("dave"));  // offline
            signIn(bob);
            QTRY_COMPARE(bob.contacts().name(dave.toString()), QStringLiteral("Dave Ng"));
            QVERIFY(changed.contains(QVariantList{dave.toString()}));
        }
        for (const auto& [path, jid] :
             {std::pair{daveProfile.path(), dave}, std::pair{bobProfile.path(), bobJid}}) {
            auto opened = Account::open(path, jid);
            QVERIFY(opened.ok());
            QTRY_COMPARE(opened.value()->contacts().name(dave.toString()),
                         QStringLiteral("Dave Ng"));
        }

        // rapport-cli profile: one JSON line (jid, name), ours or anyone's; set-name sets ours
        // (a bot names itself so); no name is a usage error (exit 2).
        QTemporaryDir cliProfile;
        const auto profileCli = [&](const Jid& as, const QStringList& args) {
            return rapport::test::runCli(
                QStringList{QStringLiteral("--server"), server.websocketUrl().toString(),
                            QStringLiteral("--jid"), as.toString(), QStringLiteral("profile")} +
                    args,
                QStringLiteral("secret"), cliProfile.path(), 30000);
        };
        const auto line = [](const rapport::test::CliRun& run) {
            return QJsonDocument::fromJson(run.out.trimmed()).object();
        };
        rapport::test::CliRun run =
            profileCli(carolJid, {QStringLiteral("set-name"), QStringLiteral("Carol Customer")});
        QCOMPARE(run.exitCode, 0);
        QCOMPARE(line(run),
                 (QJsonObject{{QStringLiteral("jid"), carolJid.toString()},
                              {QStringLiteral("name"), QStringLiteral("Carol Customer")}}));
        run = profileCli(bobJid, {carolJid.toString()});
        QCOMPARE(run.exitCode, 0);
        QCOMPARE(line(run).value(u"name").toString(), QStringLiteral("Carol Customer"));
        run = profileCli(dave, {});
        QCOMPARE(run.exitCode, 0);
        QCOMPARE(line(run), (QJsonObject{{QStringLiteral("jid"), dave.toString()},
                                         {QStringLiteral("name"), QStringLiteral("Dave Ng")}}));
        run = profileCli(aliceJid, {});  // no profile: no name, not a failure
        QCOMPARE(run.exitCode, 0);
        QCOMPARE(line(run).value(u"name").toString(), QString());
        QCOMPARE(profileCli(bobJid, {QStringLiteral("set-name")}).exitCode, 2);

        // Dave renames himself: Bob's next run shows the kept name at once, then the new one.
        QCOMPARE(
            profileCli(dave, {QStringLiteral("set-name"), QStringLiteral("Dave Ng-Li")}).exitCode,
            0);
        auto opened = Account::open(bobProfile.path(), bobJid);
        QVERIFY(opened.ok());
        Account& bob = *opened.value();
        QTRY_COMPARE(bob.contacts().name(dave.toString()), QStringLiteral("Dave Ng"));
        signIn(bob);
        QTRY_COMPARE(bob.contacts().name(dave.toString()), QStringLiteral("Dave Ng-Li"));
    }

    void cleanupTestCase() { server.stop(); }
};

QTEST_GUILESS_MAIN(TestIm)
#include "tst_im.moc"
