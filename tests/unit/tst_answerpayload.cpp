// The answer payload (core/library/README.md): the exact XML, a round trip, every rule a
// foreign item can break; and {{placeholders}}: listing, defaults, filling, what is left.
#include <QtTest>

#include "library/AnswerPayload.h"
#include "library/Placeholders.h"
#include "xmpp/ElementParser.h"

using namespace rapport;
using namespace rapport::library;

namespace {

const QString kId = QStringLiteral("0b6f2a44-3f0e-4d56-9a52-0d8d3a2b7c11");

Answer sample() {
    Answer a;
    a.id = kId;
    a.title = QStringLiteral("Printer shows E1234");
    a.body = QStringLiteral("Hi {{customer.name|there}}, power-cycle it & retry <3");
    a.tags = {QStringLiteral("printer"), QStringLiteral("firmware")};
    a.author = QStringLiteral("alice@example.com");
    a.created = QDateTime(QDate(2026, 3, 1), QTime(10, 0), Qt::UTC);
    a.updated = QDateTime(QDate(2026, 5, 4), QTime(8, 30), Qt::UTC);
    a.version = 3;
    return a;
}

xmpp::Element parse(const QString& xml) {
    auto r = xmpp::parseElement(xml);
    return r ? r.value() : xmpp::Element();
}

}  // namespace

class TestAnswerPayload : public QObject {
    Q_OBJECT
private slots:
    void exactXml() {
        QCOMPARE(AnswerPayload::toElement(sample()).toXml(),
                 QStringLiteral("<answer xmlns='urn:rapport:answer:1' version='3'>"
                                "<title>Printer shows E1234</title>"
                                "<body>Hi {{customer.name|there}}, power-cycle it &amp; retry "
                                "&lt;3</body><tag>printer</tag><tag>firmware</tag>"
                                "<author>alice@example.com</author>"
                                "<created>2026-03-01T10:00:00Z</created>"
                                "<updated>2026-05-04T08:30:00Z</updated></answer>"));
    }

    void roundTrip() {
        const Answer in = sample();
        const Result<Answer> out = AnswerPayload::fromElement(kId, AnswerPayload::toElement(in));
        QVERIFY2(out.ok(), qPrintable(out.error().message));
        QCOMPARE(out.value().title, in.title);
        QCOMPARE(out.value().body, in.body);
        QCOMPARE(out.value().tags, in.tags);
        QCOMPARE(out.value().author, in.author);
        QCOMPARE(out.value().created, in.created);
        QCOMPARE(out.value().updated, in.updated);
        QCOMPARE(out.value().version, 3);
        QCOMPARE(out.value().id, kId);
    }

    // What a third-party publisher may send: unknown elements are ignored.
    void foreignButValid() {
        const auto r = AnswerPayload::fromElement(
            kId, parse(QStringLiteral(
                     "<answer xmlns='urn:rapport:answer:1' version='1' extra='x'><title>T</title>"
                     "<body/><author>bot@example.com</author><future>?</future>"
                     "<created>2026-01-01T00:00:00.250Z</created>"
                     "<updated>2026-01-01T00:00:00Z</updated></answer>")));
        QVERIFY2(r.ok(), qPrintable(r.error().message));
        QVERIFY(r.value().body.isEmpty());
        QVERIFY(r.value().tags.isEmpty());
    }

    void brokenPayloads_data() {
        QTest::addColumn<QString>("itemId");
        QTest::addColumn<QString>("xml");
        const QString ok = QStringLiteral(
            "<title>T</title><body>B</body><author>a@x</author>"
            "<created>2026-01-01T00:00:00Z</created><updated>2026-01-01T00:00:00Z</updated>");
        auto answer = [](const QString& attrs, const QString& inner) {
            return QStringLiteral("<answer xmlns='urn:rapport:answer:1' %1>%2</answer>")
                .arg(attrs, inner);
        };
        QTest::newRow("other namespace")
            << kId << QStringLiteral("<answer xmlns='urn:other' version='1'>%1</answer>").arg(ok);
        QTest::newRow("not a uuid") << QStringLiteral("../etc") << answer("version='1'", ok);
        QTest::newRow("no version") << kId << answer({}, ok);
        QTest::newRow("version 0") << kId << answer("version='0'", ok);
        QString noTitle = ok;
        noTitle.replace(QStringLiteral("<title>T</title>"), QString());
        QTest::newRow("no title") << kId << answer("version='1'", noTitle);
        QString blankTitle = ok;
        blankTitle.replace(QStringLiteral("<title>T</title>"), QStringLiteral("<title> </title>"));
        QTest::newRow("blank title") << kId << answer("version='1'", blankTitle);
        QString longTitle = ok;
        longTitle.replace(QStringLiteral("<title>T</title>"),
                          QStringLiteral("<title>%1</title>").arg(QString(201, u'x')));
        QTest::newRow("long title") << kId << answer("version='1'", longTitle);
        QString bigBody = ok;
        bigBody.replace(QStringLiteral("<body>B</body>"),
                        QStringLiteral("<body>%1</body>").arg(QString(64 * 1024 + 1, u'b')));
        QTest::newRow("body over 64 KiB") << kId << answer("version='1'", bigBody);
        QString badTag = ok + QStringLiteral("<tag>Two Words</tag>");
        QTest::newRow("bad tag") << kId << answer("version='1'", badTag);
        QString manyTags = ok;
        for (int i = 0; i < 21; ++i) {
            manyTags += QStringLiteral("<tag>t%1</tag>").arg(i);
        }
        QTest::newRow("21 tags") << kId << answer("version='1'", manyTags);
        QString noAuthor = ok;
        noAuthor.replace(QStringLiteral("<author>a@x</author>"), QString());
        QTest::newRow("no author") << kId << answer("version='1'", noAuthor);
        QString badDate = ok;
        badDate.replace(QStringLiteral("<created>2026-01-01T00:00:00Z</created>"),
                        QStringLiteral("<created>yesterday</created>"));
        QTest::newRow("bad date") << kId << answer("version='1'", badDate);
    }
    void brokenPayloads() {
        QFETCH(QString, itemId);
        QFETCH(QString, xml);
        const xmpp::Element e = parse(xml);
        QVERIFY(!e.isNull());
        const auto r = AnswerPayload::fromElement(itemId, e);
        QVERIFY(!r.ok());
        QVERIFY(r.error().message.startsWith(QStringLiteral("The answer ")));
    }

    // A delete leaves a tombstone item; only a well-formed one deletes anything.
    void tombstones() {
        const xmpp::Element t =
            AnswerPayload::tombstone(QStringLiteral("alice@example.com"),
                                     QDateTime(QDate(2026, 5, 5), QTime(9, 0), Qt::UTC));
        QCOMPARE(t.toXml(), QStringLiteral("<deleted xmlns='urn:rapport:answer:1' "
                                           "by='alice@example.com' at='2026-05-05T09:00:00Z'/>"));
        QCOMPARE(AnswerPayload::tombstoneId(kId), QStringLiteral("deleted-") + kId);
        QCOMPARE(AnswerPayload::deletedAnswer(AnswerPayload::tombstoneId(kId), t), kId);
        QVERIFY(AnswerPayload::deletedAnswer(kId, t).isEmpty());  // not a tombstone id
        QVERIFY(AnswerPayload::deletedAnswer(QStringLiteral("deleted-x"), t).isEmpty());
        QVERIFY(AnswerPayload::deletedAnswer(AnswerPayload::tombstoneId(kId),
                                             AnswerPayload::toElement(sample()))
                    .isEmpty());
        // And a tombstone is never read as an answer.
        QVERIFY(!AnswerPayload::fromElement(kId, t).ok());
    }

    void tagsNormalized() {
        QCOMPARE(AnswerPayload::normalizeTags({QStringLiteral(" Wi Fi "), QStringLiteral("vpn"),
                                               QStringLiteral("VPN"), QString()}),
                 (QStringList{QStringLiteral("wi-fi"), QStringLiteral("vpn")}));
    }

    void placeholdersListed() {
        const auto list = Placeholders::of(QStringLiteral(
            "Hi {{customer.name|there}}, I am {{ me.name }}. {{ticket}} {{Customer.Name}} "
            "{{not a placeholder}} {{date|}}"));
        QCOMPARE(list.size(), 4);
        QCOMPARE(list[0], (Placeholder{QStringLiteral("customer.name"), QStringLiteral("there")}));
        QCOMPARE(list[1], (Placeholder{QStringLiteral("me.name"), std::nullopt}));
        QCOMPARE(list[2], (Placeholder{QStringLiteral("ticket"), std::nullopt}));
        QCOMPARE(list[3], (Placeholder{QStringLiteral("date"), QString()}));
    }

    void placeholdersFilled() {
        const QString body =
            QStringLiteral("Hi {{customer.name|there}}, ticket {{ticket}} ({{TICKET}}), {{x|}}.");
        FilledText f = Placeholders::fill(body, {});
        QCOMPARE(f.text, QStringLiteral("Hi there, ticket {{ticket}} ({{TICKET}}), ."));
        QCOMPARE(f.missing, QStringList{QStringLiteral("ticket")});
        f = Placeholders::fill(body, {{QStringLiteral("Customer.Name"), QStringLiteral("Ana")},
                                      {QStringLiteral("ticket"), QStringLiteral("#42")}});
        QCOMPARE(f.text, QStringLiteral("Hi Ana, ticket #42 (#42), ."));
        QVERIFY(f.missing.isEmpty());
        // Values are inserted as they are, never parsed for placeholders again.
        f = Placeholders::fill(QStringLiteral("{{a}}"),
                               {{QStringLiteral("a"), QStringLiteral("{{b}}")}});
        QCOMPARE(f.text, QStringLiteral("{{b}}"));
        QVERIFY(f.missing.isEmpty());
    }
};

QTEST_GUILESS_MAIN(TestAnswerPayload)
#include "tst_answerpayload.moc"
