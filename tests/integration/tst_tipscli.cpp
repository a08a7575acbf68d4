// rapport-cli's tips commands against a real Prosody, as scripts use them: post, comment,
// like (twice), unlike, list and show between two profiles; a tip posted while the server
// is down published by the next sync; a non-member keeps the tip locally.
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

}  // namespace

class TestTipsCli : public QObject {
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
        const QString path = dir.filePath(QStringLiteral("tip%1.md").arg(++n));
        QFile f(path);
        f.open(QIODevice::WriteOnly);
        f.write(text.toUtf8());
        return path;
    }
    QJsonObject post(const QString& user, const QString& text, const QStringList& tags = {}) {
        QStringList args = {QStringLiteral("tips"), QStringLiteral("post"),
                            QStringLiteral("--body-file"), bodyFile(text)};
        for (const QString& tag : tags) {
            args << QStringLiteral("--tag") << tag;
        }
        const CliRun run = cli(user, args);
        return run.exitCode == 0 ? lines(run).value(0) : QJsonObject();
    }
    QJsonObject find(const QString& user, const QString& id) {
        for (const QJsonObject& o :
             lines(cli(user, {QStringLiteral("tips"), QStringLiteral("list")}))) {
            if (o.value(QStringLiteral("id")).toString() == id) {
                return o;
            }
        }
        return {};
    }
    QJsonObject tipAction(const QString& user, const QString& action, const QString& id) {
        const CliRun run = cli(user, {QStringLiteral("tips"), action, id});
        return run.exitCode == 0 ? lines(run).value(0) : QJsonObject();
    }

private slots:
    void initTestCase() {
        server.setAdmins({QStringLiteral("admin@localhost")});
        QVERIFY(server.start());
        for (const char* user : {"admin", "alice", "bob", "carol"}) {
            QVERIFY(server.registerUser(QString::fromLatin1(user), ProsodyFixture::sha256Host(),
                                        Password));
        }
        QCOMPARE(cli(QStringLiteral("admin"),
                     {QStringLiteral("team"), QStringLiteral("init"), QStringLiteral("--service"),
                      QStringLiteral("pubsub.localhost"), QStringLiteral("--members"),
                      QStringLiteral("alice@localhost,bob@localhost")})
                     .exitCode,
                 0);
    }

    void postCommentLikeUnlike() {
        const QJsonObject posted =
            post(QStringLiteral("alice"), QStringLiteral("Ctrl+K opens the answer picker."),
                 {QStringLiteral("Shortcuts")});
        const QString id = posted.value(QStringLiteral("id")).toString();
        QVERIFY(!id.isEmpty());
        QCOMPARE(posted.value(QStringLiteral("author")).toString(),
                 QStringLiteral("alice@localhost"));
        QCOMPARE(posted.value(QStringLiteral("body")).toString(),
                 QStringLiteral("Ctrl+K opens the answer picker."));
        QCOMPARE(posted.value(QStringLiteral("tags")).toArray().first().toString(),
                 QStringLiteral("shortcuts"));
        QVERIFY(
            QDateTime::fromString(posted.value(QStringLiteral("published")).toString(), Qt::ISODate)
                .isValid());
        QCOMPARE(posted.value(QStringLiteral("likes")).toInt(), 0);
        QCOMPARE(posted.value(QStringLiteral("comments")).toInt(), 0);
        QCOMPARE(posted.value(QStringLiteral("state")).toString(), QStringLiteral("published"));

        // Bob catches up, comments, likes twice (counted once).
        QCOMPARE(cli(QStringLiteral("bob"), {QStringLiteral("sync")}).exitCode, 0);
        QCOMPARE(find(QStringLiteral("bob"), id).value(QStringLiteral("body")).toString(),
                 QStringLiteral("Ctrl+K opens the answer picker."));
        const CliRun commented =
            cli(QStringLiteral("bob"), {QStringLiteral("tips"), QStringLiteral("comment"), id,
                                        QStringLiteral("Saved me an hour")});
        QCOMPARE(commented.exitCode, 0);
        const QJsonObject c = lines(commented).value(0);
        QCOMPARE(c.value(QStringLiteral("tip")).toString(), id);
        QCOMPARE(c.value(QStringLiteral("state")).toString(), QStringLiteral("published"));
        QCOMPARE(tipAction(QStringLiteral("bob"), QStringLiteral("like"), id)
                     .value(QStringLiteral("likes"))
                     .toInt(),
                 1);
        QCOMPARE(tipAction(QStringLiteral("bob"), QStringLiteral("like"), id)
                     .value(QStringLiteral("likes"))
                     .toInt(),
                 1);

        // Alice sees both after her next sync.
        const CliRun synced = cli(QStringLiteral("alice"), {QStringLiteral("sync")});
        QCOMPARE(lines(synced).value(0).value(QStringLiteral("tips")).toString(),
                 QStringLiteral("member"));
        const CliRun shown =
            cli(QStringLiteral("alice"), {QStringLiteral("tips"), QStringLiteral("show"), id});
        const QJsonObject tip = lines(shown).value(0);
        QCOMPARE(tip.value(QStringLiteral("likes")).toInt(), 1);
        QCOMPARE(tip.value(QStringLiteral("comments")).toInt(), 1);
        const QJsonObject first =
            tip.value(QStringLiteral("comment_list")).toArray().first().toObject();
        QCOMPARE(first.value(QStringLiteral("author")).toString(), QStringLiteral("bob@localhost"));
        QCOMPARE(first.value(QStringLiteral("body")).toString(),
                 QStringLiteral("Saved me an hour"));

        // Bob withdraws; alice learns it.
        QCOMPARE(tipAction(QStringLiteral("bob"), QStringLiteral("unlike"), id)
                     .value(QStringLiteral("likes"))
                     .toInt(),
                 0);
        QCOMPARE(cli(QStringLiteral("alice"), {QStringLiteral("sync")}).exitCode, 0);
        QCOMPARE(find(QStringLiteral("alice"), id).value(QStringLiteral("likes")).toInt(), 0);

        // An unknown tip is a usage error.
        QCOMPARE(
            cli(QStringLiteral("bob"), {QStringLiteral("tips"), QStringLiteral("like"),
                                        QStringLiteral("00000000-0000-4000-8000-000000000000")})
                .exitCode,
            2);
    }

    void postWhileTheServerIsDown() {
        server.stop();
        const QJsonObject posted =
            post(QStringLiteral("alice"), QStringLiteral("Written on a train."));
        QCOMPARE(posted.value(QStringLiteral("state")).toString(), QStringLiteral("pending"));
        const QString id = posted.value(QStringLiteral("id")).toString();
        QVERIFY(server.start());
        const CliRun synced = cli(QStringLiteral("alice"), {QStringLiteral("sync")});
        QCOMPARE(lines(synced).value(0).value(QStringLiteral("tips_published")).toInt(), 1);
        QCOMPARE(find(QStringLiteral("alice"), id).value(QStringLiteral("state")).toString(),
                 QStringLiteral("published"));
        QCOMPARE(cli(QStringLiteral("bob"), {QStringLiteral("sync")}).exitCode, 0);
        QCOMPARE(find(QStringLiteral("bob"), id).value(QStringLiteral("body")).toString(),
                 QStringLiteral("Written on a train."));
    }

    void nonMemberKeepsTheTip() {
        const CliRun run = cli(QStringLiteral("carol"),
                               {QStringLiteral("tips"), QStringLiteral("post"),
                                QStringLiteral("--body-file"), bodyFile(QStringLiteral("Mine."))});
        QCOMPARE(run.exitCode, 0);
        QVERIFY2(run.err.contains(QStringLiteral("not a member")), qPrintable(run.err));
        QCOMPARE(lines(run).value(0).value(QStringLiteral("state")).toString(),
                 QStringLiteral("pending"));
        const CliRun synced = cli(QStringLiteral("carol"), {QStringLiteral("sync")});
        QCOMPARE(lines(synced).value(0).value(QStringLiteral("tips")).toString(),
                 QStringLiteral("not-member"));
    }
};

QTEST_MAIN(TestTipsCli)
#include "tst_tipscli.moc"
