// Presence: our initial presence (with caps), changes while online and offline,
// and each contact resource's presence.
#include <QSignalSpy>
#include <QtTest>

#include "OnlineClient.h"
#include "xmpp/ext/disco/DiscoExtension.h"
#include "xmpp/ext/presence/PresenceExtension.h"

using namespace rapport;
using namespace rapport::xmpp;

class TestPresence : public QObject {
    Q_OBJECT

private:
    QString caps() const { return disco->capsElement().toXml(); }

private slots:
    void init() {
        c = std::make_unique<test::OnlineClient>();
        disco = c->client->addExtension<DiscoExtension>();
        presence = c->client->addExtension<PresenceExtension>();
    }
    void cleanup() { c.reset(); }

    void initialPresenceCarriesCaps() {
        c->login();
        QVERIFY(caps().contains(QStringLiteral("ver='") + disco->capsVersion() + u'\''));
        QCOMPARE(c->takeStanzas(),
                 QStringList{
                     QStringLiteral("<presence xmlns='jabber:client'>%1</presence>").arg(caps())});
    }

    void presenceSetOfflineIsTheInitialPresence() {
        QVERIFY(presence->setPresence(PresenceExtension::Show::Away, QStringLiteral("At lunch"), 5)
                    .ok());
        QVERIFY(c->takeStanzas().isEmpty());
        c->login();
        QCOMPARE(c->takeStanzas(),
                 QStringList{QStringLiteral("<presence xmlns='jabber:client'><show>away</show>"
                                            "<status>At lunch</status><priority>5</priority>%1"
                                            "</presence>")
                                 .arg(caps())});
    }

    void noInitialPresenceWhenAppearingOffline() {
        QVERIFY(presence->setPresence(PresenceExtension::Show::Unavailable).ok());
        c->login();
        QVERIFY(c->takeStanzas().isEmpty());
    }

    void presenceChangesAreSentWhileOnline() {
        c->login();
        c->takeStanzas();
        QVERIFY(
            presence
                ->setPresence(PresenceExtension::Show::DoNotDisturb, QStringLiteral("Busy"), 300)
                .ok());
        QVERIFY(presence->setPresence(PresenceExtension::Show::Unavailable, QStringLiteral("Bye"))
                    .ok());
        // Priorities are clamped to RFC 6121's range; unavailable carries no caps.
        QCOMPARE(c->takeStanzas(),
                 (QStringList{QStringLiteral("<presence xmlns='jabber:client'><show>dnd</show>"
                                             "<status>Busy</status><priority>127</priority>%1"
                                             "</presence>")
                                  .arg(caps()),
                              QStringLiteral("<presence xmlns='jabber:client' type='unavailable'>"
                                             "<status>Bye</status></presence>")}));
    }

    void contactResourcesAreTracked() {
        c->login();
        QSignalSpy changed(presence, &PresenceExtension::presenceChanged);
        c->t->feed(
            QStringLiteral("<presence xmlns='jabber:client' from='romeo@montague.example/orchard'>"
                           "<show>away</show><status>Climbing</status><priority>3</priority>"
                           "</presence>"));
        c->t->feed(QStringLiteral(
            "<presence xmlns='jabber:client' from='romeo@montague.example/garden'/>"));
        // Subscription handshakes and errors are not availability.
        c->t->feed(
            QStringLiteral("<presence xmlns='jabber:client' from='tybalt@capulet.example' "
                           "type='subscribe'/>"));
        c->t->feed(
            QStringLiteral("<presence xmlns='jabber:client' from='tybalt@capulet.example' "
                           "type='error'/>"));
        QCOMPARE(changed.size(), 2);
        QCOMPARE(changed.at(0).at(0).value<Jid>(),
                 Jid(QStringLiteral("romeo@montague.example/orchard")));
        const ContactPresence orchard{PresenceShow::Away, QStringLiteral("Climbing"), 3};
        QCOMPARE(changed.at(0).at(1).value<ContactPresence>(), orchard);

        const Jid romeo(QStringLiteral("romeo@montague.example"));
        QHash<QString, ContactPresence> resources = presence->presencesOf(romeo);
        QCOMPARE(resources.size(), 2);
        QCOMPARE(resources.value(QStringLiteral("orchard")), orchard);
        QCOMPARE(resources.value(QStringLiteral("garden")).show, PresenceShow::Available);
        QVERIFY(presence->presencesOf(Jid(QStringLiteral("tybalt@capulet.example"))).isEmpty());

        c->t->feed(
            QStringLiteral("<presence xmlns='jabber:client' from='romeo@montague.example/orchard' "
                           "type='unavailable'/>"));
        QCOMPARE(changed.size(), 3);
        QCOMPARE(changed.at(2).at(0).value<Jid>(),
                 Jid(QStringLiteral("romeo@montague.example/orchard")));
        QCOMPARE(changed.at(2).at(1).value<ContactPresence>().show, PresenceShow::Unavailable);
        resources = presence->presencesOf(romeo);
        QCOMPARE(resources.keys(), QStringList{QStringLiteral("garden")});
        QVERIFY(presence->isAvailable(romeo));

        // Unavailable from the bare JID: every resource is gone.
        c->t->feed(QStringLiteral(
            "<presence xmlns='jabber:client' from='romeo@montague.example' type='unavailable'/>"));
        QCOMPARE(changed.size(), 4);
        QCOMPARE(changed.at(3).at(0).value<Jid>(),
                 Jid(QStringLiteral("romeo@montague.example/garden")));
        QVERIFY(!presence->isAvailable(romeo));
    }

    void ownResourceAndGroupChatOccupantsAreNotContacts() {
        c->login();
        QSignalSpy changed(presence, &PresenceExtension::presenceChanged);
        c->t->feed(
            QStringLiteral("<presence xmlns='jabber:client' from='juliet@example.com/balcony'/>"));
        c->t->feed(
            QStringLiteral("<presence xmlns='jabber:client' from='room@muc.example.com/romeo'>"
                           "<x xmlns='http://jabber.org/protocol/muc#user'/></presence>"));
        QCOMPARE(changed.size(), 0);
        // Our other devices are worth knowing about.
        c->t->feed(
            QStringLiteral("<presence xmlns='jabber:client' from='juliet@example.com/phone'/>"));
        QCOMPARE(changed.size(), 1);
    }

    void contactsAreForgottenWhenTheSessionEnds() {
        c->login();
        c->t->feed(QStringLiteral(
            "<presence xmlns='jabber:client' from='romeo@montague.example/orchard'/>"));
        QSignalSpy cleared(presence, &PresenceExtension::presencesCleared);
        c->logout();
        QCOMPARE(c->client->state(), Client::State::Offline);
        QCOMPARE(cleared.size(), 1);
        QVERIFY(presence->presencesOf(Jid(QStringLiteral("romeo@montague.example"))).isEmpty());
    }

    void newSessionStartsFromNothing() {
        c->login();
        c->t->feed(QStringLiteral(
            "<presence xmlns='jabber:client' from='romeo@montague.example/orchard'/>"));
        c->logout();
        c->t->sent.clear();
        c->login();
        QVERIFY(presence->presencesOf(Jid(QStringLiteral("romeo@montague.example"))).isEmpty());
        QCOMPARE(c->takeStanzas().size(), 1);  // initial presence again
    }

    void resumedSessionKeepsPresenceAndSendsOnlyWhatChanged() {
        c->login(true);
        c->t->feed(QStringLiteral(
            "<presence xmlns='jabber:client' from='romeo@montague.example/orchard'/>"));
        c->dropAndResume();
        QCOMPARE(c->client->state(), Client::State::Online);
        // Nothing was lost: no second initial presence, contacts still known.
        QVERIFY(c->takeStanzas().isEmpty());
        QVERIFY(presence->isAvailable(Jid(QStringLiteral("romeo@montague.example"))));

        // Changed while the connection was down: sent once the session is back.
        c->t->drop();
        QCOMPARE(c->client->state(), Client::State::Reconnecting);
        QVERIFY(presence->setPresence(PresenceExtension::Show::Away).ok());
        QVERIFY(c->takeStanzas().isEmpty());
        c->dropAndResume();
        QCOMPARE(c->takeStanzas(),
                 QStringList{QStringLiteral("<presence xmlns='jabber:client'><show>away</show>%1"
                                            "</presence>")
                                 .arg(caps())});
    }

    void sessionThatCannotBeResumedStartsFromNothing() {
        c->login(true);
        c->t->feed(QStringLiteral(
            "<presence xmlns='jabber:client' from='romeo@montague.example/orchard'/>"));
        QSignalSpy cleared(presence, &PresenceExtension::presencesCleared);
        c->dropAndReconnect(false);
        QCOMPARE(c->client->state(), Client::State::Online);
        // The server will announce everyone again after our new initial presence.
        QCOMPARE(cleared.size(), 1);
        QVERIFY(!presence->isAvailable(Jid(QStringLiteral("romeo@montague.example"))));
        QVERIFY(c->takeStanzas().contains(
            QStringLiteral("<presence xmlns='jabber:client'>%1</presence>").arg(caps())));
    }

private:
    std::unique_ptr<test::OnlineClient> c;
    DiscoExtension* disco = nullptr;
    PresenceExtension* presence = nullptr;
};

QTEST_GUILESS_MAIN(TestPresence)
#include "tst_presence.moc"
