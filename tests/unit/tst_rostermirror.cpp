// The roster kept in the store (sync::RosterMirror over a real SQLite file, the client on
// a fake transport): the first session's roster is written with its version; the next
// start shows it before any connection and asks the server only for what changed; pushes
// and removals are written; a roster from the server that arrives before the stored one
// is read wins.
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QtTest>

#include "Await.h"
#include "OnlineClient.h"
#include "account/ContactDirectory.h"
#include "store/ContactStore.h"
#include "store/Database.h"
#include "sync/RosterMirror.h"
#include "xmpp/ext/presence/PresenceExtension.h"
#include "xmpp/ext/roster/RosterExtension.h"

using namespace rapport;
using namespace rapport::xmpp;
using store::StoredContact;
using store::StoredRoster;

using rapport::test::await;

namespace {

const QString Romeo = QStringLiteral("romeo@montague.example");
const QString Nurse = QStringLiteral("nurse@example.com");

// One start of the app: a client with the roster, its mirror over the profile's database.
struct Session {
    explicit Session(const QString& path) {
        db = std::move(store::Database::open(path)).value();
        contacts = std::make_unique<store::ContactStore>(*db);
        roster = online.client->addExtension<RosterExtension>();
        auto* presence = online.client->addExtension<PresenceExtension>();
        directory = std::make_unique<ContactDirectory>(roster, presence);
        mirror = std::make_unique<sync::RosterMirror>(roster, *contacts);
    }
    ~Session() {
        mirror->flush();
        mirror.reset();
    }
    // Signs in and answers the roster request with `reply` (a <query/>, or nothing for
    // "unchanged"); returns the request as sent.
    QString loginAndAnswer(const QString& reply) {
        online.login();
        const QStringList sent = online.takeStanzas();
        const QString fetch = sent.value(0);
        online.t->feed(QStringLiteral("<iq xmlns='jabber:client' type='result' id='%1'>%2</iq>")
                           .arg(test::OnlineClient::idOf(fetch), reply));
        return fetch;
    }
    void push(const QString& item, const QString& ver) {
        online.t->feed(QStringLiteral("<iq xmlns='jabber:client' type='set' id='push-%1'>"
                                      "<query xmlns='jabber:iq:roster' ver='%1'>%2</query></iq>")
                           .arg(ver, item));
    }
    StoredRoster stored() {
        mirror->flush();
        return await(contacts->load()).value();
    }

    std::unique_ptr<store::Database> db;
    std::unique_ptr<store::ContactStore> contacts;
    test::OnlineClient online;
    RosterExtension* roster = nullptr;
    std::unique_ptr<ContactDirectory> directory;
    std::unique_ptr<sync::RosterMirror> mirror;
};

const QString TwoContacts = QStringLiteral(
    "<query xmlns='jabber:iq:roster' ver='v1'>"
    "<item jid='romeo@montague.example' name='Romeo' subscription='both'>"
    "<group>Customers</group></item>"
    "<item jid='nurse@example.com' subscription='none' ask='subscribe'/></query>");

}  // namespace

class TestRosterMirror : public QObject {
    Q_OBJECT
private slots:
    void init() {
        dir.emplace();
        path = dir->filePath(QStringLiteral("account.sqlite"));
    }
    void cleanup() { dir.reset(); }

    void theFirstSessionsRosterIsKeptWithItsVersion() {
        Session s(path);
        QTRY_VERIFY(s.mirror->isLoaded());
        QCOMPARE(s.stored().contacts.size(), 0);
        const QString fetch = s.loginAndAnswer(TwoContacts);
        QVERIFY2(fetch.contains(u"ver=''"), qPrintable(fetch));  // nothing kept: all of it
        const StoredRoster kept = s.stored();
        QCOMPARE(kept.version, QStringLiteral("v1"));
        QCOMPARE(kept.contacts, (QList<StoredContact>{{Nurse, {}, QStringLiteral("none"), {}, true},
                                                      {Romeo,
                                                       QStringLiteral("Romeo"),
                                                       QStringLiteral("both"),
                                                       {QStringLiteral("Customers")},
                                                       false}}));
    }

    void theNextStartShowsItOfflineAndFetchesOnlyWhatChanged() {
        {
            Session first(path);
            QTRY_VERIFY(first.mirror->isLoaded());
            first.loginAndAnswer(TwoContacts);
        }
        Session s(path);
        QSignalSpy changed(s.directory.get(), &ContactDirectory::contactChanged);
        // Offline: the names and groups of the last session.
        QTRY_VERIFY(s.mirror->isLoaded());
        QCOMPARE(s.directory->name(Romeo), QStringLiteral("Romeo"));
        QCOMPARE(s.directory->groups(Romeo), QStringList{QStringLiteral("Customers")});
        QVERIFY(s.roster->item(Jid(Nurse))->ask);
        QVERIFY(!changed.isEmpty());  // the contact list hears of them
        // Online: the fetch names the version kept; "unchanged" keeps them all.
        const QString fetch = s.loginAndAnswer(QString());
        QVERIFY2(fetch.contains(u"ver='v1'"), qPrintable(fetch));
        QCOMPARE(s.roster->items().size(), 2);
        // What changed comes as pushes, and is kept with the version it brings.
        s.push(
            QStringLiteral("<item jid='%1' name='Nurse Angelica' subscription='to'/>").arg(Nurse),
            QStringLiteral("v2"));
        s.push(QStringLiteral("<item jid='%1' subscription='remove'/>").arg(Romeo),
               QStringLiteral("v3"));
        const StoredRoster kept = s.stored();
        QCOMPARE(kept.version, QStringLiteral("v3"));
        QCOMPARE(kept.contacts,
                 (QList<StoredContact>{
                     {Nurse, QStringLiteral("Nurse Angelica"), QStringLiteral("to"), {}, false}}));
    }

    // The store is slower than the server (or the app signed in at once): the server's
    // roster is newer than the stored one, which must not replace it.
    void aRosterFromTheServerBeforeTheStoredOneIsReadWins() {
        {
            Session first(path);
            QTRY_VERIFY(first.mirror->isLoaded());
            first.loginAndAnswer(TwoContacts);
        }
        Session s(path);
        // All of this happens before the event loop runs the store's answer.
        QVERIFY(!s.mirror->isLoaded());
        s.loginAndAnswer(
            QStringLiteral("<query xmlns='jabber:iq:roster' ver='v9'>"
                           "<item jid='juliet@example.com' subscription='both'/>"
                           "</query>"));
        QTRY_VERIFY(s.mirror->isLoaded());
        QCOMPARE(s.roster->version(), QStringLiteral("v9"));
        QCOMPARE(s.roster->items().size(), 1);
        const StoredRoster kept = s.stored();
        QCOMPARE(kept.version, QStringLiteral("v9"));
        QCOMPARE(kept.contacts.size(), 1);
        QCOMPARE(kept.contacts.first().jid, QStringLiteral("juliet@example.com"));
    }

    // The same with a server without roster versioning whose roster is now empty: it
    // still is the server's word, and the stored contacts must not come back over it.
    void anEmptyRosterFromTheServerBeforeTheStoredOneIsReadWins() {
        {
            Session first(path);
            QTRY_VERIFY(first.mirror->isLoaded());
            first.loginAndAnswer(TwoContacts);
        }
        Session s(path);
        QVERIFY(!s.mirror->isLoaded());
        s.online.login(false, false);
        const QString fetch = s.online.takeStanzas().value(0);
        QVERIFY2(!fetch.contains(u"ver="), qPrintable(fetch));
        s.online.t->feed(QStringLiteral("<iq xmlns='jabber:client' type='result' id='%1'>"
                                        "<query xmlns='jabber:iq:roster'/></iq>")
                             .arg(test::OnlineClient::idOf(fetch)));
        QTRY_VERIFY(s.mirror->isLoaded());
        QVERIFY(s.roster->items().isEmpty());
        QVERIFY(s.stored().contacts.isEmpty());
    }

private:
    std::optional<QTemporaryDir> dir;
    QString path;
};

QTEST_GUILESS_MAIN(TestRosterMirror)
#include "tst_rostermirror.moc"
