// rapport-cli's team and answers commands against a real Prosody, as scripts use them:
// team init (twice: idempotent), answers add/edit/delete/list/show between two profiles,
// a change made while the server is down published by the next sync, and a non-member who
// keeps their change locally until they are added.
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTemporaryDir>
#include <QtTest>

#include "CliRun.h"
#include "ProsodyFixture.h"

using rapport::test::CliRun;
using rapport::test::ProsodyFixture;

namespace {

const QString Password = QStringLiteral("secret");

QList<QJsonObject> lines(const CliRun& run) {
    QList<QJsonObject> out;
    for (const QByteArray& line : run.out.split('\n')) {
        if (!line.trimmed().isEmpty()) {
            out << QJsonDocument::fromJson(line).object();
        }
    }
    return out;
}

QStringList strings(const QJsonValue& v) {
    QStringList out;
    for (const QJsonValue& x : v.toArray()) {
        out << x.toString();
    }
    return out;
}

}  // namespace

class TestAnswersCli : public QObject {
    Q_OBJECT
    ProsodyFixture server;
    QTemporaryDir dir;

    CliRun cli(const QString& user, const QStringList& args) {
        const QStringList all =
            QStringList{QStringLiteral("--profile"), dir.filePath(user),
                        QStringLiteral("--server"),  server.websocketUrl().toString(),
                        QStringLiteral("--jid"),     user + QStringLiteral("@localhost"),
                        QStringLiteral("--timeout"), QStringLiteral("20")} +
            args;
        CliRun run = rapport::test::runCli(all, Password, {}, 60000);
        if (run.exitCode != 0) {
            qWarning() << "rapport-cli" << all << "exit" << run.exitCode << run.err;
        }
        return run;
    }
    QString bodyFile(const QString& text) {
        static int n = 0;
        const QString path = dir.filePath(QStringLiteral("body%1.md").arg(++n));
        QFile f(path);
        f.open(QIODevice::WriteOnly);
        f.write(text.toUtf8());
        return path;
    }
    QJsonObject find(const QString& user, const QString& id) {
        for (const QJsonObject& o :
             lines(cli(user, {QStringLiteral("answers"), QStringLiteral("list")}))) {
            if (o.value(QStringLiteral("id")).toString() == id) {
                return o;
            }
        }
        return {};
    }

private slots:
    void initTestCase() {
        server.setAdmins({QStringLiteral("admin@localhost")});
        QVERIFY(server.start());
        for (const char* user : {"admin", "alice", "bob", "carol"}) {
            QVERIFY(server.registerUser(QString::fromLatin1(user), ProsodyFixture::sha256Host(),
                                        Password));
        }
    }

    void teamInitIsIdempotent() {
        const QStringList init = {
            QStringLiteral("team"),      QStringLiteral("init"),
            QStringLiteral("--service"), QStringLiteral("pubsub.localhost"),
            QStringLiteral("--members"), QStringLiteral("alice@localhost,bob@localhost")};
        const CliRun first = cli(QStringLiteral("admin"), init);
        QCOMPARE(first.exitCode, 0);
        const QJsonObject did = lines(first).value(0);
        QCOMPARE(strings(did.value(QStringLiteral("created"))),
                 (QStringList{QStringLiteral("urn:rapport:answers:1"),
                              QStringLiteral("urn:rapport:tips:1")}));
        QCOMPARE(strings(did.value(QStringLiteral("members_added"))),
                 (QStringList{QStringLiteral("alice@localhost"), QStringLiteral("bob@localhost")}));
        const QJsonObject again = lines(cli(QStringLiteral("admin"), init)).value(0);
        QVERIFY(strings(again.value(QStringLiteral("created"))).isEmpty());
        QVERIFY(strings(again.value(QStringLiteral("members_added"))).isEmpty());
        // Only an admin may set up a team.
        const CliRun refused = cli(QStringLiteral("alice"), init);
        QCOMPARE(refused.exitCode, 1);
        QVERIFY(refused.err.contains(QStringLiteral("admin")));
    }

    void answersBetweenTwoProfiles() {
        const CliRun added =
            cli(QStringLiteral("alice"),
                {QStringLiteral("answers"), QStringLiteral("add"), QStringLiteral("--title"),
                 QStringLiteral("Printer E1234"), QStringLiteral("--body-file"),
                 bodyFile(QStringLiteral("Hi {{customer.name|there}}, restart it.")),
                 QStringLiteral("--tag"), QStringLiteral("printer"), QStringLiteral("--tag"),
                 QStringLiteral("Firmware")});
        QCOMPARE(added.exitCode, 0);
        const QJsonObject a = lines(added).value(0);
        const QString id = a.value(QStringLiteral("id")).toString();
        QVERIFY(!QUuid::fromString(id).isNull());
        QCOMPARE(a.value(QStringLiteral("state")).toString(), QStringLiteral("published"));
        QCOMPARE(strings(a.value(QStringLiteral("tags"))),
                 (QStringList{QStringLiteral("printer"), QStringLiteral("firmware")}));
        QCOMPARE(a.value(QStringLiteral("version")).toInt(), 1);

        // More than the first window of newest items (20), so that a later sync is partial.
        for (int i = 0; i < 21; ++i) {
            QCOMPARE(cli(QStringLiteral("alice"),
                         {QStringLiteral("answers"), QStringLiteral("add"),
                          QStringLiteral("--title"), QStringLiteral("Filler %1").arg(i),
                          QStringLiteral("--body-file"), bodyFile(QStringLiteral("Filler."))})
                         .exitCode,
                     0);
        }
        const CliRun synced = cli(QStringLiteral("bob"), {QStringLiteral("sync")});
        QCOMPARE(synced.exitCode, 0);
        QCOMPARE(lines(synced).value(0).value(QStringLiteral("library")).toString(),
                 QStringLiteral("member"));
        QCOMPARE(lines(synced).value(0).value(QStringLiteral("answers_changed")).toInt(), 22);
        QCOMPARE(find(QStringLiteral("bob"), id).value(QStringLiteral("title")).toString(),
                 QStringLiteral("Printer E1234"));
        // The first sync had the whole node, so the next process knows the ids were compared
        // today and asks only for the newest items.
        const QJsonObject again =
            lines(cli(QStringLiteral("bob"), {QStringLiteral("sync")})).value(0);
        QCOMPARE(again.value(QStringLiteral("library_ids_checked")).toBool(), false);
        QVERIFY(again.value(QStringLiteral("library_items_fetched")).toInt() <= 20);
        const QJsonObject shown = lines(cli(QStringLiteral("bob"), {QStringLiteral("answers"),
                                                                    QStringLiteral("show"), id}))
                                      .value(0);
        QCOMPARE(shown.value(QStringLiteral("body")).toString(),
                 QStringLiteral("Hi {{customer.name|there}}, restart it."));
        QCOMPARE(shown.value(QStringLiteral("author")).toString(),
                 QStringLiteral("alice@localhost"));

        const QJsonObject edited =
            lines(cli(QStringLiteral("alice"),
                      {QStringLiteral("answers"), QStringLiteral("edit"), id,
                       QStringLiteral("--title"), QStringLiteral("Printer error E1234")}))
                .value(0);
        QCOMPARE(edited.value(QStringLiteral("version")).toInt(), 2);
        QCOMPARE(edited.value(QStringLiteral("state")).toString(), QStringLiteral("published"));
        QCOMPARE(cli(QStringLiteral("bob"), {QStringLiteral("sync")}).exitCode, 0);
        QCOMPARE(find(QStringLiteral("bob"), id).value(QStringLiteral("title")).toString(),
                 QStringLiteral("Printer error E1234"));

        const QJsonObject deleted =
            lines(cli(QStringLiteral("alice"),
                      {QStringLiteral("answers"), QStringLiteral("delete"), id}))
                .value(0);
        QCOMPARE(deleted.value(QStringLiteral("deleted")).toBool(), true);
        QCOMPARE(deleted.value(QStringLiteral("state")).toString(), QStringLiteral("published"));
        QCOMPARE(cli(QStringLiteral("bob"), {QStringLiteral("sync")}).exitCode, 0);
        QVERIFY(find(QStringLiteral("bob"), id).isEmpty());
    }

    void changeWhileTheServerIsDown() {
        server.stop();
        const CliRun added =
            cli(QStringLiteral("alice"),
                {QStringLiteral("answers"), QStringLiteral("add"), QStringLiteral("--title"),
                 QStringLiteral("Written on a train"), QStringLiteral("--body-file"),
                 bodyFile(QStringLiteral("Offline."))});
        QCOMPARE(added.exitCode, 0);
        const QJsonObject a = lines(added).value(0);
        QCOMPARE(a.value(QStringLiteral("state")).toString(), QStringLiteral("pending"));
        const QString id = a.value(QStringLiteral("id")).toString();
        QVERIFY(server.start());
        const CliRun synced = cli(QStringLiteral("alice"), {QStringLiteral("sync")});
        QCOMPARE(synced.exitCode, 0);
        QCOMPARE(lines(synced).value(0).value(QStringLiteral("answers_published")).toInt(), 1);
        QCOMPARE(find(QStringLiteral("alice"), id).value(QStringLiteral("state")).toString(),
                 QStringLiteral("published"));
        QCOMPARE(cli(QStringLiteral("bob"), {QStringLiteral("sync")}).exitCode, 0);
        QCOMPARE(find(QStringLiteral("bob"), id).value(QStringLiteral("title")).toString(),
                 QStringLiteral("Written on a train"));
    }

    void nonMemberKeepsTheChangeUntilAdded() {
        const CliRun added = cli(QStringLiteral("carol"),
                                 {QStringLiteral("answers"), QStringLiteral("add"),
                                  QStringLiteral("--title"), QStringLiteral("Carol's tip"),
                                  QStringLiteral("--body-file"), bodyFile(QStringLiteral("Hm."))});
        QCOMPARE(added.exitCode, 0);
        QVERIFY(added.err.contains(QStringLiteral("not a member")));
        const QString id = lines(added).value(0).value(QStringLiteral("id")).toString();
        QCOMPARE(lines(added).value(0).value(QStringLiteral("state")).toString(),
                 QStringLiteral("pending"));
        const CliRun synced = cli(QStringLiteral("carol"), {QStringLiteral("sync")});
        QCOMPARE(lines(synced).value(0).value(QStringLiteral("library")).toString(),
                 QStringLiteral("not-member"));

        const QJsonObject member =
            lines(cli(QStringLiteral("admin"),
                      {QStringLiteral("team"), QStringLiteral("add-member"),
                       QStringLiteral("carol@localhost"), QStringLiteral("--service"),
                       QStringLiteral("pubsub.localhost")}))
                .value(0);
        QCOMPARE(strings(member.value(QStringLiteral("members_added"))),
                 QStringList{QStringLiteral("carol@localhost")});
        QCOMPARE(cli(QStringLiteral("carol"), {QStringLiteral("sync")}).exitCode, 0);
        QCOMPARE(find(QStringLiteral("carol"), id).value(QStringLiteral("state")).toString(),
                 QStringLiteral("published"));
        QCOMPARE(cli(QStringLiteral("bob"), {QStringLiteral("sync")}).exitCode, 0);
        QVERIFY(!find(QStringLiteral("bob"), id).isEmpty());
    }
};

QTEST_MAIN(TestAnswersCli)
#include "tst_answerscli.moc"
