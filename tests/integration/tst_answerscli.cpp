// rapport-cli's team and answers commands against a real Prosody, as scripts use them:
// team init (twice: idempotent), answers add/edit/delete/list/show between two profiles,
// a change made while the server is down published by the next sync, a non-member who
// keeps their change locally until they are added, and import (CSV, a Markdown folder, twice:
// no duplicates) and export (JSON, CSV, a folder).
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
    QString writeFile(const QString& name, const QByteArray& bytes) {
        const QString path = dir.filePath(name);
        QDir().mkpath(QFileInfo(path).path());
        QFile f(path);
        f.open(QIODevice::WriteOnly);
        f.write(bytes);
        return path;
    }
    QJsonObject findTitle(const QString& user, const QString& title) {
        for (const QJsonObject& o :
             lines(cli(user, {QStringLiteral("answers"), QStringLiteral("list")}))) {
            if (o.value(QStringLiteral("title")).toString() == title) {
                return o;
            }
        }
        return {};
    }
    // `answers import FILE`: the problem lines, then the counts.
    QList<QJsonObject> import(const QString& user, const QString& path) {
        const CliRun run = cli(user, {QStringLiteral("answers"), QStringLiteral("import"), path});
        if (run.exitCode != 0) {
            return {};
        }
        return lines(run);
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
        // What the reply panel fills or asks for.
        const QJsonArray placeholders = shown.value(QStringLiteral("placeholders")).toArray();
        QCOMPARE(placeholders.size(), 1);
        QCOMPARE(placeholders.first().toObject().value(QStringLiteral("name")).toString(),
                 QStringLiteral("customer.name"));
        QCOMPARE(placeholders.first().toObject().value(QStringLiteral("default")).toString(),
                 QStringLiteral("there"));

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

    // "Save this chat reply as an answer": the reply's text becomes the body, its first
    // sentence the title; a row that does not exist is a usage error.
    void chatReplySavedAsAnswer() {
        const QString reply = QStringLiteral(
            "Clear the cache under Settings > Storage. Then sign in again and it works.");
        QCOMPARE(cli(QStringLiteral("alice"),
                     {QStringLiteral("send"), QStringLiteral("bob@localhost"), reply})
                     .exitCode,
                 0);
        const QList<QJsonObject> history = lines(cli(
            QStringLiteral("alice"), {QStringLiteral("history"), QStringLiteral("bob@localhost")}));
        QVERIFY(!history.isEmpty());
        const QJsonObject sent = history.last();
        QCOMPARE(sent.value(QStringLiteral("body")).toString(), reply);
        const qint64 row = sent.value(QStringLiteral("row")).toInteger();
        QVERIFY(row > 0);
        const CliRun saved =
            cli(QStringLiteral("alice"),
                {QStringLiteral("answers"), QStringLiteral("add"), QStringLiteral("--from-message"),
                 QString::number(row), QStringLiteral("--tag"), QStringLiteral("cache")});
        QCOMPARE(saved.exitCode, 0);
        const QJsonObject a = lines(saved).value(0);
        QCOMPARE(a.value(QStringLiteral("title")).toString(),
                 QStringLiteral("Clear the cache under Settings > Storage."));
        QCOMPARE(a.value(QStringLiteral("state")).toString(), QStringLiteral("published"));
        const QJsonObject shown =
            lines(cli(QStringLiteral("alice"), {QStringLiteral("answers"), QStringLiteral("show"),
                                                a.value(QStringLiteral("id")).toString()}))
                .value(0);
        QCOMPARE(shown.value(QStringLiteral("body")).toString(), reply);
        QCOMPARE(cli(QStringLiteral("alice"),
                     {QStringLiteral("answers"), QStringLiteral("add"),
                      QStringLiteral("--from-message"), QStringLiteral("999999")})
                     .exitCode,
                 2);
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

    void importTwiceThenExport() {
        const QString csv = writeFile(QStringLiteral("import/answers.csv"),
                                      "\xEF\xBB\xBFtitle,body,tags\r\n"
                                      "\"Printer E5000, again\",\"Say \"\"hi\"\",\nthen restart "
                                      "it.\",\"printer, firmware\"\r\n"
                                      ",A row without a title,x\r\n"
                                      "Imported VPN answer,Lower the MTU.,vpn network\r\n"
                                      "Imported Wi-Fi answer,Forget the network.,wi-fi\r\n");
        const QList<QJsonObject> first = import(QStringLiteral("alice"), csv);
        QCOMPARE(first.size(), 2);
        QCOMPARE(first[0],
                 (QJsonObject{{QStringLiteral("error"), QStringLiteral("the title is empty")},
                              {QStringLiteral("row"), 3}}));
        QCOMPARE(first[1], (QJsonObject{{QStringLiteral("created"), 3},
                                        {QStringLiteral("updated"), 0},
                                        {QStringLiteral("skipped"), 0},
                                        {QStringLiteral("errors"), 1},
                                        {QStringLiteral("state"), QStringLiteral("published")}}));
        const QList<QJsonObject> second = import(QStringLiteral("alice"), csv);
        QCOMPARE(second.value(1),
                 (QJsonObject{{QStringLiteral("created"), 0},
                              {QStringLiteral("updated"), 0},
                              {QStringLiteral("skipped"), 3},
                              {QStringLiteral("errors"), 1},
                              {QStringLiteral("state"), QStringLiteral("published")}}));

        const QString folder = dir.filePath(QStringLiteral("import/md"));
        writeFile(QStringLiteral("import/md/router.md"),
                  "---\ntitle: Imported router answer\ntags: [network, router]\n---\n"
                  "Hold the reset button for 10 s.\n");
        writeFile(QStringLiteral("import/md/vpn.md"),  // the CSV's answer, changed
                  "---\ntitle: \"imported VPN answer\"\ntags: vpn\n---\nUse TCP.\n");
        writeFile(QStringLiteral("import/md/broken.md"), "no front matter\n");
        const QList<QJsonObject> md = import(QStringLiteral("alice"), folder);
        QCOMPARE(md.size(), 2);
        QCOMPARE(md[0].value(QStringLiteral("file")).toString(), QStringLiteral("broken.md"));
        QCOMPARE(md[1].value(QStringLiteral("created")).toInt(), 1);
        QCOMPARE(md[1].value(QStringLiteral("updated")).toInt(), 1);
        QCOMPARE(md[1].value(QStringLiteral("errors")).toInt(), 1);
        QCOMPARE(md[1].value(QStringLiteral("state")).toString(), QStringLiteral("published"));
        const QJsonObject mdAgain = import(QStringLiteral("alice"), folder).value(1);
        QCOMPARE(mdAgain.value(QStringLiteral("skipped")).toInt(), 2);
        QCOMPARE(mdAgain.value(QStringLiteral("created")).toInt() +
                     mdAgain.value(QStringLiteral("updated")).toInt(),
                 0);

        // Another profile sees the imported answers, once each.
        QCOMPARE(cli(QStringLiteral("bob"), {QStringLiteral("sync")}).exitCode, 0);
        int imported = 0;
        for (const QJsonObject& o : lines(
                 cli(QStringLiteral("bob"), {QStringLiteral("answers"), QStringLiteral("list")}))) {
            imported += o.value(QStringLiteral("title"))
                            .toString()
                            .contains(QStringLiteral("mported"), Qt::CaseInsensitive) ||
                        o.value(QStringLiteral("title"))
                            .toString()
                            .startsWith(QStringLiteral("Printer E5000"));
        }
        QCOMPARE(imported, 4);
        const QJsonObject printer =
            findTitle(QStringLiteral("bob"), QStringLiteral("Printer E5000, again"));
        QCOMPARE(strings(printer.value(QStringLiteral("tags"))),
                 (QStringList{QStringLiteral("printer"), QStringLiteral("firmware")}));
        const QJsonObject shown =
            lines(cli(QStringLiteral("bob"), {QStringLiteral("answers"), QStringLiteral("show"),
                                              printer.value(QStringLiteral("id")).toString()}))
                .value(0);
        QCOMPARE(shown.value(QStringLiteral("body")).toString(),
                 QStringLiteral("Say \"hi\",\nthen restart it."));
        QCOMPARE(findTitle(QStringLiteral("bob"), QStringLiteral("imported VPN answer"))
                     .value(QStringLiteral("version"))
                     .toInt(),
                 2);

        // Export: every answer of Alice's library, in each format; importing it changes
        // nothing.
        QVERIFY(QDir(dir.path()).mkpath(QStringLiteral("export")));
        const int all = static_cast<int>(
            lines(cli(QStringLiteral("alice"), {QStringLiteral("answers"), QStringLiteral("list")}))
                .size());
        for (const QString& name :
             {QStringLiteral("export/all.json"), QStringLiteral("export/all.csv"),
              QStringLiteral("export/md/")}) {
            const QString path = dir.filePath(name);
            const CliRun exported = cli(QStringLiteral("alice"), {QStringLiteral("answers"),
                                                                  QStringLiteral("export"), path});
            QCOMPARE(exported.exitCode, 0);
            const QJsonObject did = lines(exported).value(0);
            QCOMPARE(did.value(QStringLiteral("exported")).toInt(), all);
            QCOMPARE(QDir::cleanPath(did.value(QStringLiteral("path")).toString()),
                     QDir::cleanPath(path));
            const QJsonObject again = import(QStringLiteral("alice"), path).value(0);
            QCOMPARE(again.value(QStringLiteral("skipped")).toInt(), all);
            QCOMPARE(again.value(QStringLiteral("errors")).toInt(), 0);
        }
        const QJsonArray json = QJsonDocument::fromJson([&] {
                                    QFile f(dir.filePath(QStringLiteral("export/all.json")));
                                    f.open(QIODevice::ReadOnly);
                                    return f.readAll();
                                }())
                                    .array();
        QCOMPARE(json.size(), all);
        for (const char* field : {"id", "title", "body", "tags", "author", "created", "updated",
                                  "version", "uses", "state"}) {
            QVERIFY2(json.at(0).toObject().contains(QLatin1String(field)), field);
        }
        QCOMPARE(QDir(dir.filePath(QStringLiteral("export/md")))
                     .entryList({QStringLiteral("*.md")})
                     .size(),
                 all);

        // Usage errors: exit 2, nothing printed on stdout.
        for (const QStringList& args :
             {QStringList{QStringLiteral("export"), dir.filePath(QStringLiteral("x.txt"))},
              QStringList{QStringLiteral("import"), dir.filePath(QStringLiteral("missing.csv"))},
              QStringList{QStringLiteral("import"), dir.filePath(QStringLiteral("x.yaml"))}}) {
            const CliRun refused =
                cli(QStringLiteral("alice"), QStringList{QStringLiteral("answers")} + args);
            QCOMPARE(refused.exitCode, 2);
            QVERIFY(refused.out.isEmpty());
        }
    }
};

QTEST_MAIN(TestAnswersCli)
#include "tst_answerscli.moc"
