// The tips feed's wire form (core/feed/README.md): what is written reads back the same,
// every rule refuses with a reason, and an item naming someone other than its publisher is
// refused.
#include <QtTest>

#include "feed/TipPayload.h"
#include "xmpp/ElementParser.h"

using namespace rapport;
using namespace rapport::feed;

namespace {

const QString TipId = QStringLiteral("5d1f3c2a-8b7e-4f60-9c1d-2e3f4a5b6c7d");
const QString Alice = QStringLiteral("alice@example.com");
const QString Bob = QStringLiteral("bob@example.com");

xmpp::PubSubItem item(const QString& id, const xmpp::Element& payload,
                      const QString& publisher = {}) {
    return {id, payload, publisher};
}

xmpp::Element parse(const QString& xml) {
    auto parsed = xmpp::parseElement(xml);
    return parsed.ok() ? parsed.value() : xmpp::Element();
}

Tip aTip() {
    Tip t;
    t.id = TipId;
    t.author = Alice;
    t.body = QStringLiteral("Ctrl+K opens the **answer** picker.");
    t.tags = {QStringLiteral("shortcuts")};
    t.published = QDateTime(QDate(2026, 11, 27), QTime(9, 15), Qt::UTC);
    return t;
}

}  // namespace

class TestTipPayload : public QObject {
    Q_OBJECT

private slots:
    void tipRoundTrips() {
        const Tip t = aTip();
        const auto back = TipPayload::fromItem(item(t.id, TipPayload::toElement(t), Alice));
        QVERIFY2(back.ok(), qPrintable(back.error().message));
        const Tip& r = std::get<Tip>(back.value());
        QCOMPARE(r.id, t.id);
        QCOMPARE(r.body, t.body);
        QCOMPARE(r.tags, t.tags);
        QCOMPARE(r.author, Alice);
        QCOMPARE(r.published, t.published);
    }

    // The README's examples, as a bot would write them, are read.
    void documentedLayoutIsRead() {
        const auto comment = TipPayload::fromItem(item(
            QStringLiteral("comment-9a8b7c6d-5e4f-4a3b-8c2d-1e0f9a8b7c6d"),
            parse(QStringLiteral(
                      "<comment xmlns='urn:rapport:tip:1' tip='%1'><body>Saved me an hour!</body>"
                      "<author>bob@example.com</author><published>2026-11-27T09:20:00Z</published>"
                      "<future-field/></comment>")
                      .arg(TipId))));
        QVERIFY2(comment.ok(), qPrintable(comment.error().message));
        const TipComment& c = std::get<TipComment>(comment.value());
        QCOMPARE(c.id, QStringLiteral("9a8b7c6d-5e4f-4a3b-8c2d-1e0f9a8b7c6d"));
        QCOMPARE(c.tipId, TipId);
        QCOMPARE(c.author, Bob);

        const auto like = TipPayload::fromItem(
            item(TipPayload::likeItemId(TipId, Bob),
                 parse(QStringLiteral("<like xmlns='urn:rapport:tip:1' tip='%1' "
                                      "by='bob@example.com' at='2026-11-27T09:21:00Z'/>")
                           .arg(TipId)),
                 QStringLiteral("bob@example.com/laptop")));
        QVERIFY2(like.ok(), qPrintable(like.error().message));
        QVERIFY(std::get<TipLike>(like.value()).liked);

        const auto unlike = TipPayload::fromItem(
            item(TipPayload::likeItemId(TipId, Bob),
                 parse(QStringLiteral("<unlike xmlns='urn:rapport:tip:1' tip='%1' "
                                      "by='bob@example.com' at='2026-11-27T09:22:00Z'/>")
                           .arg(TipId))));
        QVERIFY(unlike.ok());
        QVERIFY(!std::get<TipLike>(unlike.value()).liked);
    }

    void brokenItemsAreRefusedWithAReason_data() {
        QTest::addColumn<QString>("itemId");
        QTest::addColumn<QString>("xml");
        QTest::addColumn<QString>("publisher");
        QTest::addColumn<QString>("reason");
        const QString tip = QStringLiteral(
            "<tip xmlns='urn:rapport:tip:1'><body>%1</body><author>%2</author>"
            "<published>2026-11-27T09:15:00Z</published></tip>");
        QTest::newRow("other namespace")
            << TipId << QStringLiteral("<tip xmlns='urn:other'><body>x</body></tip>") << QString()
            << QStringLiteral("not a tip");
        QTest::newRow("id not a UUID") << QStringLiteral("tip-1") << tip.arg("Hi", Alice)
                                       << QString() << QStringLiteral("UUID");
        QTest::newRow("id with braces")
            << (u'{' + TipId + u'}') << tip.arg("Hi", Alice) << QString() << QStringLiteral("UUID");
        QTest::newRow("blank body")
            << TipId << tip.arg("  ", Alice) << QString() << QStringLiteral("empty");
        QTest::newRow("body too large")
            << TipId << tip.arg(QString(TipLimits::BodyBytes + 1, u'x'), Alice) << QString()
            << QStringLiteral("larger");
        QTest::newRow("author not a JID") << TipId << tip.arg("Hi", QStringLiteral("alice"))
                                          << QString() << QStringLiteral("JID");
        QTest::newRow("no date") << TipId
                                 << QStringLiteral(
                                        "<tip xmlns='urn:rapport:tip:1'><body>Hi"
                                        "</body><author>alice@example.com</author>"
                                        "</tip>")
                                 << QString() << QStringLiteral("date");
        QTest::newRow("tip in another's name")
            << TipId << tip.arg("Hi", Alice) << Bob << QStringLiteral("published it");
        QTest::newRow("comment without prefix")
            << QStringLiteral("9a8b7c6d-5e4f-4a3b-8c2d-1e0f9a8b7c6d")
            << QStringLiteral(
                   "<comment xmlns='urn:rapport:tip:1' tip='%1'><body>x</body>"
                   "<author>bob@example.com</author>"
                   "<published>2026-11-27T09:20:00Z</published></comment>")
                   .arg(TipId)
            << QString() << QStringLiteral("comment-");
        QTest::newRow("comment too large")
            << QStringLiteral("comment-9a8b7c6d-5e4f-4a3b-8c2d-1e0f9a8b7c6d")
            << QStringLiteral(
                   "<comment xmlns='urn:rapport:tip:1' tip='%1'><body>%2</body>"
                   "<author>bob@example.com</author>"
                   "<published>2026-11-27T09:20:00Z</published></comment>")
                   .arg(TipId, QString(TipLimits::CommentBytes + 1, u'x'))
            << QString() << QStringLiteral("larger");
        QTest::newRow("like under another's item id")
            << TipPayload::likeItemId(TipId, Alice)
            << QStringLiteral(
                   "<like xmlns='urn:rapport:tip:1' tip='%1' by='bob@example.com' "
                   "at='2026-11-27T09:21:00Z'/>")
                   .arg(TipId)
            << QString() << QStringLiteral("item id");
        QTest::newRow("like in another's name")
            << TipPayload::likeItemId(TipId, Bob)
            << QStringLiteral(
                   "<like xmlns='urn:rapport:tip:1' tip='%1' by='bob@example.com' "
                   "at='2026-11-27T09:21:00Z'/>")
                   .arg(TipId)
            << Alice << QStringLiteral("published it");
        QTest::newRow("like without date")
            << TipPayload::likeItemId(TipId, Bob)
            << QStringLiteral("<like xmlns='urn:rapport:tip:1' tip='%1' by='bob@example.com'/>")
                   .arg(TipId)
            << QString() << QStringLiteral("date");
    }
    void brokenItemsAreRefusedWithAReason() {
        QFETCH(QString, itemId);
        QFETCH(QString, xml);
        QFETCH(QString, publisher);
        QFETCH(QString, reason);
        const xmpp::Element payload = parse(xml);
        QVERIFY(!payload.isNull());
        const auto r = TipPayload::fromItem(item(itemId, payload, publisher));
        QVERIFY(!r.ok());
        QCOMPARE(r.error().code, ErrorCode::Protocol);
        QVERIFY2(r.error().message.contains(reason), qPrintable(r.error().message));
    }

    void itemIdsFollowTheLayout() {
        TipComment c;
        c.id = QStringLiteral("9a8b7c6d-5e4f-4a3b-8c2d-1e0f9a8b7c6d");
        QCOMPARE(TipPayload::itemIdOf(FeedItem(c)),
                 QStringLiteral("comment-9a8b7c6d-5e4f-4a3b-8c2d-1e0f9a8b7c6d"));
        QCOMPARE(TipPayload::itemIdOf(FeedItem(TipLike{TipId, Bob, true, {}})),
                 QStringLiteral("like-") + TipId + QStringLiteral("-bob@example.com"));
        QCOMPARE(TipPayload::itemIdOf(FeedItem(aTip())), TipId);
    }
};

QTEST_MAIN(TestTipPayload)
#include "tst_tippayload.moc"
