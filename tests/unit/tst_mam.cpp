// Message Archive Management through a fake transport: the query's XML, paging,
// and results that are refused (foreign archive, unknown query).
#include <QtTest>

#include "OnlineClient.h"
#include "xmpp/ext/chat/ChatExtension.h"
#include "xmpp/ext/mam/MamExtension.h"

using namespace rapport;
using namespace rapport::xmpp;

namespace {

QString result(const QString& queryId, const QString& archiveId, const QString& body,
               const QString& from = {}) {
    return QStringLiteral(
               "<message xmlns='jabber:client' to='juliet@example.com/balcony'%4>"
               "<result xmlns='urn:xmpp:mam:2' queryid='%1' id='%2'>"
               "<forwarded xmlns='urn:xmpp:forward:0'>"
               "<delay xmlns='urn:xmpp:delay' stamp='2026-03-01T10:00:00Z'/>"
               "<message xmlns='jabber:client' from='romeo@montague.example/phone' "
               "to='juliet@example.com/balcony' type='chat' id='m-%2'><body>%3</body></message>"
               "</forwarded></result></message>")
        .arg(queryId, archiveId, body,
             from.isEmpty() ? QString() : QStringLiteral(" from='%1'").arg(from));
}

}  // namespace

class TestMam : public QObject {
    Q_OBJECT
    std::unique_ptr<test::OnlineClient> c;
    MamExtension* mam = nullptr;
    ChatExtension* chat = nullptr;

private slots:
    void init() {
        c = std::make_unique<test::OnlineClient>();
        mam = c->client->addExtension<MamExtension>();
        chat = c->client->addExtension<ChatExtension>();
        c->login();
        c->takeStanzas();
    }
    void cleanup() { c.reset(); }

    void queryXml() {
        MamQuery q;
        q.with = Jid(QStringLiteral("romeo@montague.example"));
        q.start = QDateTime(QDate(2026, 1, 2), QTime(3, 4, 5), Qt::UTC);
        q.lastPage = true;
        q.max = 50;
        QCOMPARE(MamExtension::queryIq(q, QStringLiteral("q1")).toXml(),
                 QStringLiteral(
                     "<iq xmlns='jabber:client' type='set' id='q1'>"
                     "<query xmlns='urn:xmpp:mam:2' queryid='q1'>"
                     "<x xmlns='jabber:x:data' type='submit'>"
                     "<field var='FORM_TYPE' type='hidden'><value>urn:xmpp:mam:2</value></field>"
                     "<field var='with'><value>romeo@montague.example</value></field>"
                     "<field var='start'><value>2026-01-02T03:04:05Z</value></field></x>"
                     "<set xmlns='http://jabber.org/protocol/rsm'><max>50</max><before/></set>"
                     "</query></iq>"));
        MamQuery next;
        next.after = QStringLiteral("A7");
        const Element iq = MamExtension::queryIq(next, QStringLiteral("q2"));
        QCOMPARE(iq.firstChild(u"query").firstChild(u"set").childText(u"after"),
                 QStringLiteral("A7"));
        QVERIFY(!iq.firstChild(u"query").firstChild(u"set").hasChild(u"before"));
    }

    void pageCollectsResultsAndRsm() {
        QSignalSpy live(chat, &ChatExtension::messageReceived);
        QFuture<Result<MamPage>> future = mam->query(MamQuery{});
        const QStringList sent = c->takeStanzas();
        QCOMPARE(sent.size(), 1);
        const QString id = test::OnlineClient::idOf(sent[0]);
        c->t->feed(result(id, QStringLiteral("a1"), QStringLiteral("first")));
        c->t->feed(result(id, QStringLiteral("a2"), QStringLiteral("second"),
                          QStringLiteral("juliet@example.com")));
        // A result from someone else's "archive", and one for a query we never made.
        c->t->feed(result(id, QStringLiteral("x1"), QStringLiteral("forged"),
                          QStringLiteral("mallory@evil.example")));
        c->t->feed(result(QStringLiteral("other"), QStringLiteral("x2"), QStringLiteral("stray")));
        c->t->feed(
            QStringLiteral("<iq xmlns='jabber:client' type='result' id='%1'>"
                           "<fin xmlns='urn:xmpp:mam:2' complete='true'>"
                           "<set xmlns='http://jabber.org/protocol/rsm'><first index='0'>a1</first>"
                           "<last>a2</last><count>2</count></set></fin></iq>")
                .arg(id));
        QTRY_VERIFY(future.isFinished());
        const Result<MamPage> page = future.result();
        QVERIFY(page.ok());
        QCOMPARE(page.value().messages.size(), 2);
        QCOMPARE(page.value().messages[0].archiveId, QStringLiteral("a1"));
        QCOMPARE(page.value().messages[1].message.childText(u"body"), QStringLiteral("second"));
        QCOMPARE(page.value().messages[0].stamp,
                 QDateTime(QDate(2026, 3, 1), QTime(10, 0), Qt::UTC));
        QCOMPARE(page.value().first, QStringLiteral("a1"));
        QCOMPARE(page.value().last, QStringLiteral("a2"));
        QCOMPARE(page.value().count, 2);
        QVERIFY(page.value().complete);
        // Archived messages are not live messages.
        QCOMPARE(live.size(), 0);
    }

    void errorReplyFailsThePage() {
        QFuture<Result<MamPage>> future = mam->query(MamQuery{});
        const QString id = test::OnlineClient::idOf(c->takeStanzas().value(0));
        c->t->feed(QStringLiteral("<iq xmlns='jabber:client' type='error' id='%1'><error "
                                  "type='cancel'><item-not-found "
                                  "xmlns='urn:ietf:params:xml:ns:xmpp-stanzas'/></error></iq>")
                       .arg(id));
        QTRY_VERIFY(future.isFinished());
        QCOMPARE(future.result().error().condition, QStringLiteral("item-not-found"));
    }
};

QTEST_GUILESS_MAIN(TestMam)
#include "tst_mam.moc"
