// The roster (RFC 6121): versioned fetch, pushes (and forged ones), edits and
// presence subscriptions.
#include <QSignalSpy>
#include <QtTest>

#include "OnlineClient.h"
#include "xmpp/ext/roster/RosterExtension.h"

using namespace rapport;
using namespace rapport::xmpp;

class TestRoster : public QObject {
    Q_OBJECT

private:
    // Signs in and returns the id of the roster request, checking its XML.
    QString loginAndTakeFetch(const QString& expectedVer) {
        c->login();
        const QStringList sent = c->takeStanzas();
        if (sent.size() != 1) {
            return {};
        }
        const QString id = test::OnlineClient::idOf(sent.first());
        const QString expected = QStringLiteral(
                                     "<iq xmlns='jabber:client' type='get' id='%1'>"
                                     "<query xmlns='jabber:iq:roster' ver='%2'/></iq>")
                                     .arg(id, expectedVer);
        return sent.first() == expected ? id : QString();
    }

    static RosterItem item(const QString& jid, const QString& name, const QString& subscription,
                           const QStringList& groups = {}) {
        RosterItem r;
        r.jid = Jid(jid);
        r.name = name;
        r.subscription = subscription;
        r.groups = groups;
        return r;
    }

private slots:
    void fetchOmitsVersionWhenTheServerHasNoVersioning() {
        roster->setVersion(QStringLiteral("ver7"));
        c->login(false, false);
        const QStringList sent = c->takeStanzas();
        QCOMPARE(sent.size(), 1);
        QCOMPARE(sent.first(), QStringLiteral("<iq xmlns='jabber:client' type='get' id='%1'>"
                                              "<query xmlns='jabber:iq:roster'/></iq>")
                                   .arg(test::OnlineClient::idOf(sent.first())));
    }

    void init() {
        c = std::make_unique<test::OnlineClient>();
        roster = c->client->addExtension<RosterExtension>();
    }
    void cleanup() { c.reset(); }

    void firstFetchSendsEmptyVersionAndTakesFullRoster() {
        QSignalSpy received(roster, &RosterExtension::rosterReceived);
        QSignalSpy changed(roster, &RosterExtension::itemChanged);
        const QString id = loginAndTakeFetch(QString());
        QVERIFY(!id.isEmpty());
        QCOMPARE(received.size(), 0);
        c->t->feed(
            QStringLiteral(
                "<iq xmlns='jabber:client' type='result' id='%1' to='juliet@example.com/balcony'>"
                "<query xmlns='jabber:iq:roster' ver='ver11'>"
                "<item jid='romeo@montague.example' name='Romeo' subscription='both'>"
                "<group>Friends</group></item>"
                "<item jid='nurse@example.com' subscription='none' ask='subscribe'/>"
                "</query></iq>")
                .arg(id));
        QCOMPARE(received.size(), 1);
        QCOMPARE(changed.size(), 2);
        QCOMPARE(roster->version(), QStringLiteral("ver11"));
        const QList<RosterItem> items = roster->items();
        QCOMPARE(items.size(), 2);
        QCOMPARE(items[0].jid, Jid(QStringLiteral("nurse@example.com")));
        QCOMPARE(items[0].subscription, QStringLiteral("none"));
        QVERIFY(items[0].ask);
        QCOMPARE(items[1], item(QStringLiteral("romeo@montague.example"), QStringLiteral("Romeo"),
                                QStringLiteral("both"), {QStringLiteral("Friends")}));
        QVERIFY(!items[1].ask);
    }

    void fetchWithKnownVersionAndEmptyResultKeepsSeededRoster() {
        const RosterItem romeo = item(QStringLiteral("romeo@montague.example"),
                                      QStringLiteral("Romeo"), QStringLiteral("both"));
        roster->setItems({romeo});
        roster->setVersion(QStringLiteral("ver14"));
        QSignalSpy received(roster, &RosterExtension::rosterReceived);
        QSignalSpy removed(roster, &RosterExtension::itemRemoved);
        const QString id = loginAndTakeFetch(QStringLiteral("ver14"));
        QVERIFY(!id.isEmpty());
        // Unchanged under versioning: an empty result.
        c->t->feed(QStringLiteral("<iq xmlns='jabber:client' type='result' id='%1'/>").arg(id));
        QCOMPARE(received.size(), 1);
        QCOMPARE(removed.size(), 0);
        QCOMPARE(roster->items(), QList<RosterItem>{romeo});
        QCOMPARE(roster->version(), QStringLiteral("ver14"));
    }

    void fullRosterReplacesSeededItems() {
        roster->setItems(
            {item(QStringLiteral("tybalt@capulet.example"), {}, QStringLiteral("to"))});
        roster->setVersion(QStringLiteral("ver3"));
        QSignalSpy removed(roster, &RosterExtension::itemRemoved);
        const QString id = loginAndTakeFetch(QStringLiteral("ver3"));
        c->t->feed(QStringLiteral("<iq xmlns='jabber:client' type='result' id='%1'>"
                                  "<query xmlns='jabber:iq:roster' ver='ver9'>"
                                  "<item jid='romeo@montague.example' subscription='both'/>"
                                  "</query></iq>")
                       .arg(id));
        QCOMPARE(removed.size(), 1);
        QCOMPARE(removed.first().first().value<Jid>(),
                 Jid(QStringLiteral("tybalt@capulet.example")));
        QCOMPARE(roster->items().size(), 1);
        QCOMPARE(roster->version(), QStringLiteral("ver9"));
    }

    void resumedSessionDoesNotRefetch() {
        c->login(true);
        const QStringList sent = c->takeStanzas();
        QCOMPARE(sent.size(), 1);
        c->t->feed(QStringLiteral("<iq xmlns='jabber:client' type='result' id='%1'>"
                                  "<query xmlns='jabber:iq:roster' ver='v1'/></iq>")
                       .arg(test::OnlineClient::idOf(sent.first())));
        c->dropAndResume();
        QCOMPARE(c->client->state(), Client::State::Online);
        QVERIFY(c->takeStanzas().isEmpty());
        QCOMPARE(roster->version(), QStringLiteral("v1"));
    }

    void pushFromServerIsAppliedAndAcked_data() {
        QTest::addColumn<QString>("fromAttr");
        QTest::addColumn<QString>("replyTo");
        QTest::newRow("no from") << QString() << QString();
        QTest::newRow("own bare JID") << QStringLiteral(" from='juliet@example.com'")
                                      << QStringLiteral(" to='juliet@example.com'");
    }

    void pushFromServerIsAppliedAndAcked() {
        QFETCH(QString, fromAttr);
        QFETCH(QString, replyTo);
        loginAndTakeFetch(QString());
        QSignalSpy changed(roster, &RosterExtension::itemChanged);
        c->t->feed(QStringLiteral("<iq xmlns='jabber:client' type='set' id='push1'%1>"
                                  "<query xmlns='jabber:iq:roster' ver='ver12'>"
                                  "<item jid='nurse@example.com' name='Nurse' subscription='from'>"
                                  "<group>Servants</group></item></query></iq>")
                       .arg(fromAttr));
        QCOMPARE(
            c->takeStanzas(),
            QStringList{QStringLiteral("<iq xmlns='jabber:client' type='result' id='push1'%1/>")
                            .arg(replyTo)});
        QCOMPARE(changed.size(), 1);
        const RosterItem expected =
            item(QStringLiteral("nurse@example.com"), QStringLiteral("Nurse"),
                 QStringLiteral("from"), {QStringLiteral("Servants")});
        QCOMPARE(changed.first().first().value<RosterItem>(), expected);
        QCOMPARE(roster->item(Jid(QStringLiteral("nurse@example.com"))), std::optional(expected));
        QCOMPARE(roster->version(), QStringLiteral("ver12"));
    }

    void pushFromForeignJidIsIgnored_data() {
        QTest::addColumn<QString>("from");
        QTest::newRow("another user") << QStringLiteral("mallory@evil.example");
        QTest::newRow("a contact") << QStringLiteral("romeo@montague.example");
        QTest::newRow("our server's domain") << QStringLiteral("example.com");
    }

    void pushFromForeignJidIsIgnored() {
        QFETCH(QString, from);
        loginAndTakeFetch(QString());
        QSignalSpy changed(roster, &RosterExtension::itemChanged);
        c->t->feed(QStringLiteral("<iq xmlns='jabber:client' type='set' id='evil1' from='%1'>"
                                  "<query xmlns='jabber:iq:roster' ver='evil'>"
                                  "<item jid='mallory@evil.example' subscription='both'/>"
                                  "</query></iq>")
                       .arg(from));
        QCOMPARE(changed.size(), 0);
        QVERIFY(roster->items().isEmpty());
        QCOMPARE(roster->version(), QString());
        // Refused like any request we do not serve.
        QCOMPARE(
            c->takeStanzas(),
            QStringList{QStringLiteral("<iq xmlns='jabber:client' type='error' id='evil1' to='%1'>"
                                       "<error type='cancel'><service-unavailable "
                                       "xmlns='urn:ietf:params:xml:ns:xmpp-stanzas'/></error></iq>")
                            .arg(from)});
    }

    void pushWithTwoItemsIsBadRequest() {
        loginAndTakeFetch(QString());
        QSignalSpy changed(roster, &RosterExtension::itemChanged);
        c->t->feed(
            QStringLiteral("<iq xmlns='jabber:client' type='set' id='push2'>"
                           "<query xmlns='jabber:iq:roster'>"
                           "<item jid='a@example.com'/><item jid='b@example.com'/>"
                           "</query></iq>"));
        QCOMPARE(changed.size(), 0);
        QCOMPARE(c->takeStanzas(),
                 QStringList{QStringLiteral(
                     "<iq xmlns='jabber:client' type='error' id='push2'><error type='modify'>"
                     "<bad-request xmlns='urn:ietf:params:xml:ns:xmpp-stanzas'/></error></iq>")});
    }

    void pushWithRemoveDeletesItem() {
        roster->setItems(
            {item(QStringLiteral("romeo@montague.example"), {}, QStringLiteral("both"))});
        loginAndTakeFetch(QString());
        QSignalSpy removed(roster, &RosterExtension::itemRemoved);
        c->t->feed(
            QStringLiteral("<iq xmlns='jabber:client' type='set' id='push3'>"
                           "<query xmlns='jabber:iq:roster' ver='ver13'>"
                           "<item jid='romeo@montague.example' subscription='remove'/>"
                           "</query></iq>"));
        QCOMPARE(
            c->takeStanzas(),
            QStringList{QStringLiteral("<iq xmlns='jabber:client' type='result' id='push3'/>")});
        QCOMPARE(removed.size(), 1);
        QCOMPARE(removed.first().first().value<Jid>(),
                 Jid(QStringLiteral("romeo@montague.example")));
        QVERIFY(roster->items().isEmpty());
        QCOMPARE(roster->version(), QStringLiteral("ver13"));
    }

    void addOrUpdateSendsItemAndResolves() {
        loginAndTakeFetch(QString());
        QFuture<Result<void>> f = roster->addOrUpdate(
            Jid(QStringLiteral("nurse@example.com/kitchen")), QStringLiteral("Nurse"),
            {QStringLiteral("Servants"), QStringLiteral("Capulets")});
        const QStringList sent = c->takeStanzas();
        QCOMPARE(sent.size(), 1);
        const QString id = test::OnlineClient::idOf(sent.first());
        // Always the bare JID; never subscription or ask: those are the server's.
        QCOMPARE(sent.first(), QStringLiteral("<iq xmlns='jabber:client' type='set' id='%1'>"
                                              "<query xmlns='jabber:iq:roster'>"
                                              "<item jid='nurse@example.com' name='Nurse'>"
                                              "<group>Servants</group><group>Capulets</group>"
                                              "</item></query></iq>")
                                   .arg(id));
        QVERIFY(!f.isFinished());
        c->t->feed(QStringLiteral("<iq xmlns='jabber:client' type='result' id='%1'/>").arg(id));
        QVERIFY(f.isFinished());
        QVERIFY(f.result().ok());
    }

    void removeSendsRemoveAndReportsErrors() {
        loginAndTakeFetch(QString());
        QFuture<Result<void>> f = roster->remove(Jid(QStringLiteral("romeo@montague.example")));
        const QStringList sent = c->takeStanzas();
        const QString id = test::OnlineClient::idOf(sent.value(0));
        QCOMPARE(sent.value(0), QStringLiteral("<iq xmlns='jabber:client' type='set' id='%1'>"
                                               "<query xmlns='jabber:iq:roster'>"
                                               "<item jid='romeo@montague.example' "
                                               "subscription='remove'/></query></iq>")
                                    .arg(id));
        c->t->feed(QStringLiteral("<iq xmlns='jabber:client' type='error' id='%1'>"
                                  "<error type='cancel'><item-not-found "
                                  "xmlns='urn:ietf:params:xml:ns:xmpp-stanzas'/></error></iq>")
                       .arg(id));
        QVERIFY(f.isFinished());
        QCOMPARE(f.result().error().condition, QStringLiteral("item-not-found"));
    }

    void subscriptionStanzas() {
        loginAndTakeFetch(QString());
        const Jid romeo(QStringLiteral("romeo@montague.example/orchard"));
        QVERIFY(roster->subscribe(romeo, QStringLiteral("It's Juliet")).ok());
        QVERIFY(roster->approve(romeo).ok());
        QVERIFY(roster->deny(romeo).ok());
        QVERIFY(roster->unsubscribe(romeo).ok());
        QCOMPARE(c->takeStanzas(),
                 (QStringList{
                     QStringLiteral("<presence xmlns='jabber:client' to='romeo@montague.example' "
                                    "type='subscribe'><status>It's Juliet</status></presence>"),
                     QStringLiteral("<presence xmlns='jabber:client' to='romeo@montague.example' "
                                    "type='subscribed'/>"),
                     QStringLiteral("<presence xmlns='jabber:client' to='romeo@montague.example' "
                                    "type='unsubscribed'/>"),
                     QStringLiteral("<presence xmlns='jabber:client' to='romeo@montague.example' "
                                    "type='unsubscribe'/>")}));
    }

    void subscriptionRequestIsSignalled() {
        loginAndTakeFetch(QString());
        QSignalSpy requested(roster, &RosterExtension::subscriptionRequested);
        c->t->feed(
            QStringLiteral("<presence xmlns='jabber:client' from='romeo@montague.example/orchard' "
                           "type='subscribe'><status>Let me in</status>"
                           "<nick xmlns='http://jabber.org/protocol/nick'>Romeo</nick>"
                           "</presence>"));
        // Not a request: ordinary presence.
        c->t->feed(QStringLiteral(
            "<presence xmlns='jabber:client' from='tybalt@capulet.example/street'/>"));
        QCOMPARE(requested.size(), 1);
        QCOMPARE(requested.first().at(0).value<Jid>(),
                 Jid(QStringLiteral("romeo@montague.example")));
        QCOMPARE(requested.first().at(1).toString(), QStringLiteral("Romeo"));
        QCOMPARE(requested.first().at(2).toString(), QStringLiteral("Let me in"));
    }

private:
    std::unique_ptr<test::OnlineClient> c;
    RosterExtension* roster = nullptr;
};

QTEST_GUILESS_MAIN(TestRoster)
#include "tst_roster.moc"
