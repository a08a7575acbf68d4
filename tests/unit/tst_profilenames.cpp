// Profile names (sync::ProfileNames) on a fake transport and a real SQLite file: a name
// asked for offline is fetched when the session starts, with ours; each new session reads
// ours again but not other people's (once a run); names are kept for the next start;
// a profile without a name or a refused look-up leaves the address to show.
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QtTest>

#include "Await.h"
#include "OnlineClient.h"
#include "store/ContactStore.h"
#include "store/Database.h"
#include "sync/ProfileNames.h"
#include "xmpp/ext/vcard/VCardExtension.h"

using namespace rapport;
using rapport::test::await;

namespace {

const QString Own = QStringLiteral("juliet@example.com");
const QString Romeo = QStringLiteral("romeo@montague.example");
const QString Tybalt = QStringLiteral("tybalt@capulet.example");

struct Session {
    explicit Session(const QString& path) {
        db = std::move(store::Database::open(path)).value();
        contacts = std::make_unique<store::ContactStore>(*db);
        auto* vcards = online.client->addExtension<xmpp::VCardExtension>();
        names =
            std::make_unique<sync::ProfileNames>(online.client.get(), vcards, *contacts, Jid(Own));
    }
    // The vCard requests sent since the last call, by whom they ask about ("" for us), with
    // their ids.
    QHash<QString, QString> takeRequests() {
        QCoreApplication::processEvents();  // the batch of look-ups goes out after a turn
        QHash<QString, QString> out;
        for (const QString& s : online.takeStanzas()) {
            if (s.contains(u"vcard-temp")) {
                const qsizetype to = s.indexOf(u" to='");
                out.insert(to < 0 ? QString() : s.mid(to + 5, s.indexOf(u'\'', to + 5) - to - 5),
                           test::OnlineClient::idOf(s));
            }
        }
        return out;
    }
    void answer(const QString& id, const QString& from, const QString& vcard) {
        online.t->feed(QStringLiteral("<iq xmlns='jabber:client' type='result' id='%1'%2>%3</iq>")
                           .arg(id,
                                from.isEmpty() ? QString() : QStringLiteral(" from='%1'").arg(from),
                                vcard));
    }
    static QString named(const QString& name) {
        return QStringLiteral("<vCard xmlns='vcard-temp'><FN>%1</FN></vCard>").arg(name);
    }

    std::unique_ptr<store::Database> db;
    std::unique_ptr<store::ContactStore> contacts;
    test::OnlineClient online;
    std::unique_ptr<sync::ProfileNames> names;
};

}  // namespace

class TestProfileNames : public QObject {
    Q_OBJECT
    std::optional<QTemporaryDir> dir;
    QString path;

private slots:
    void init() {
        dir.emplace();
        path = dir->filePath(QStringLiteral("account.sqlite"));
    }
    void cleanup() { dir.reset(); }

    void fetchedWhenOnlineOnceARunAndKept() {
        {
            Session s(path);
            QSignalSpy changed(s.names.get(), &sync::ProfileNames::nameChanged);
            s.names->request(Romeo);  // offline: waits for the session
            QVERIFY(s.takeRequests().isEmpty());
            s.online.login(true);
            QHash<QString, QString> asked = s.takeRequests();
            QCOMPARE(asked.size(), 2);
            QVERIFY(asked.contains(QString()) && asked.contains(Romeo));
            s.answer(asked.value(QString()), {}, Session::named(QStringLiteral("Juliet")));
            s.answer(asked.value(Romeo), Romeo, Session::named(QStringLiteral("Romeo M.")));
            QTRY_COMPARE(s.names->name(Romeo), QStringLiteral("Romeo M."));
            QCOMPARE(s.names->name(Own), QStringLiteral("Juliet"));
            QVERIFY(changed.contains(QVariantList{Romeo}));
            QVERIFY(changed.contains(QVariantList{Own}));

            // Asked again in the same run: nothing sent.
            s.names->request(Romeo);
            QVERIFY(s.takeRequests().isEmpty());

            // Online: at once. A refusal leaves no name (the address shows).
            s.names->request(Tybalt);
            asked = s.takeRequests();
            QCOMPARE(asked.keys(), QList<QString>{Tybalt});
            s.online.t->feed(QStringLiteral("<iq xmlns='jabber:client' type='error' id='%1' "
                                            "from='%2'><error type='auth'><forbidden xmlns='urn:"
                                            "ietf:params:xml:ns:xmpp-stanzas'/></error></iq>")
                                 .arg(asked.value(Tybalt), Tybalt));
            QCOMPARE(s.names->name(Tybalt), QString());

            // A new session (not resumed): ours may have changed elsewhere, the others not.
            s.online.dropAndReconnect(false);
            asked = s.takeRequests();
            QCOMPARE(asked.keys(), QList<QString>{QString()});
            s.answer(asked.value(QString()), {}, Session::named(QStringLiteral("Juliet C.")));
            QTRY_COMPARE(s.names->name(Own), QStringLiteral("Juliet C."));
        }
        // The next start, offline: the names are there.
        Session again(path);
        QTRY_COMPARE(again.names->name(Romeo), QStringLiteral("Romeo M."));
        QCOMPARE(again.names->name(Own), QStringLiteral("Juliet C."));
        QCOMPARE(again.names->name(Tybalt), QString());
    }
};

QTEST_GUILESS_MAIN(TestProfileNames)
#include "tst_profilenames.moc"
