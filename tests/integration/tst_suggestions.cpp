// Answers suggested for a customer's message, as the reply panel gets them: a customer
// writes through a real Prosody, the account computes the best three from its local library
// (no server involved) and exposes them for that conversation; using one fills the known
// placeholders, lists the others and counts a use; rapport-cli suggest gives the same
// answers offline.
#include <QJsonDocument>
#include <QJsonObject>
#include <QTemporaryDir>
#include <QtTest>

#include "CliRun.h"
#include "LiveClient.h"
#include "account/Account.h"
#include "library/AnswerStore.h"
#include "library/ReplySuggestions.h"
#include "store/ProfilePaths.h"

using namespace rapport;
using namespace rapport::library;
using rapport::test::await;
using rapport::test::LiveClient;
using rapport::test::ProsodyFixture;

namespace {

const QString Password = QStringLiteral("secret");
const QString Customer = QStringLiteral("customer@localhost");

Answer draft(const QString& title, const QString& body, const QStringList& tags = {}) {
    Answer a;
    a.title = title;
    a.body = body;
    a.tags = tags;
    a.author = QStringLiteral("alice@localhost");
    return a;
}

}  // namespace

class TestSuggestions : public QObject {
    Q_OBJECT
    ProsodyFixture server;
    QTemporaryDir dir;

private slots:
    void initTestCase() {
        QString error;
        QVERIFY2(
            rapport::test::startWithUsers(
                server, {QStringLiteral("alice"), QStringLiteral("customer")}, Password, &error),
            qPrintable(error));
    }

    void customerMessageGetsTheBestAnswers() {
        QString printerId;
        {
            auto opened = Account::open(dir.path(), Jid(QStringLiteral("alice@localhost")));
            QVERIFY2(opened.ok(), qPrintable(opened.error().message));
            Account& alice = *opened.value();
            // A library where one answer fits and many share a word or two with the message.
            const Answer printer =
                await(alice.answers().create(draft(
                          QStringLiteral("Printer shows E1234 after a firmware update"),
                          QStringLiteral("Hi {{customer.name|there}}, E1234 means the firmware "
                                         "update did not finish. Ticket {{ticket}}. "
                                         "{{me.name}}"),
                          {QStringLiteral("printer")})))
                    .value();
            printerId = printer.id;
            for (int i = 0; i < 40; ++i) {
                QVERIFY(await(alice.answers().create(draft(
                                  QStringLiteral("Update %1 notes").arg(i),
                                  QStringLiteral("What changed in update %1 of the app.").arg(i))))
                            .ok());
            }
            QVERIFY(await(alice.answers().create(draft(QStringLiteral("Printer out of paper"),
                                                       QStringLiteral("Load paper in tray 1."))))
                        .ok());

            xmpp::Client::Settings s;
            s.jid = alice.jid();
            s.password = Password;
            s.resource = QStringLiteral("desk");
            s.url = server.websocketUrl();
            alice.client().setSettings(s);
            QSignalSpy changed(&alice.suggestions(), &ReplySuggestions::suggestionsChanged);
            alice.client().connectToServer();
            QTRY_COMPARE(alice.client().state(), xmpp::Client::State::Online);

            LiveClient customer(server, Customer, Password);
            QVERIFY(customer.signIn());
            QVERIFY(
                customer.chat
                    ->sendMessage(Jid(QStringLiteral("alice@localhost")),
                                  QStringLiteral("Hello, my printer shows E1234 since the firmware "
                                                 "update this morning."))
                    .ok());
            QTRY_COMPARE(changed.size(), 1);
            QCOMPARE(changed.first().at(0).toString(), Customer);
            const QList<search::SearchHit> hits = alice.suggestions().suggestionsFor(Customer);
            QVERIFY(!hits.isEmpty());
            QVERIFY(hits.size() <= ReplySuggestions::Count);
            QCOMPARE(hits.first().id, printerId);
            QCOMPARE(hits.first().kind, QStringLiteral("answer"));
            QVERIFY(
                alice.suggestions().suggestionsFor(QStringLiteral("nobody@localhost")).isEmpty());

            // Used in a reply: the known placeholders filled, the rest to ask for, one use.
            const auto filled = await(alice.suggestions().use(
                printerId,
                {QStringLiteral("Carol"), QStringLiteral("Alice"), QDate(2026, 11, 27)}));
            QVERIFY2(filled.ok(), qPrintable(filled.error().message));
            QVERIFY(filled.value().text.startsWith(QStringLiteral("Hi Carol, E1234")));
            QVERIFY(filled.value().text.endsWith(QStringLiteral("Alice")));
            QCOMPARE(filled.value().missing, QStringList{QStringLiteral("ticket")});
            QCOMPARE(await(alice.answers().get(printerId)).value().uses, 1);
            QVERIFY(!await(alice.suggestions().use(QStringLiteral("no-such-answer"), {})).ok());

            // Nothing useful in a greeting: no suggestions, but still a fresh answer for the panel.
            QVERIFY(customer.chat
                        ->sendMessage(Jid(QStringLiteral("alice@localhost")), QStringLiteral("👍"))
                        .ok());
            QTRY_COMPARE(changed.size(), 2);
            QVERIFY(alice.suggestions().suggestionsFor(Customer).isEmpty());
            alice.client().disconnectFromServer();
        }

        // The same from the command line, with the server gone.
        server.stop();
        const rapport::test::CliRun run =
            rapport::test::runCli({QStringLiteral("--profile"), dir.path(), QStringLiteral("--jid"),
                                   QStringLiteral("alice@localhost"), QStringLiteral("suggest"),
                                   QStringLiteral("printer E1234 after the firmware update"),
                                   QStringLiteral("--limit"), QStringLiteral("2")},
                                  QString(), {}, 60000);
        QCOMPARE(run.exitCode, 0);
        const QList<QByteArray> lines = run.out.trimmed().split('\n');
        QVERIFY(lines.size() >= 1 && lines.size() <= 2);
        const QJsonObject best = QJsonDocument::fromJson(lines.first()).object();
        QCOMPARE(best.value(QStringLiteral("id")).toString(), printerId);
        QCOMPARE(best.value(QStringLiteral("title")).toString(),
                 QStringLiteral("Printer shows E1234 after a firmware update"));
        QVERIFY(best.value(QStringLiteral("score")).toDouble() > 0);
    }
};

QTEST_MAIN(TestSuggestions)
#include "tst_suggestions.moc"
