// The outbox sender with an in-memory queue and a fake transport: queued while
// offline, sent once a session starts, removed only when the server acks, never
// sent twice, and sent again (same stanza) by a new run after a crash.
#include <QtTest>

#include "OnlineClient.h"
#include "sync/OutboxSender.h"
#include "xmpp/ext/chat/ChatExtension.h"

using namespace rapport;
using namespace rapport::sync;

namespace {

struct MemoryOutbox : OutboxQueue {
    QList<OutboxEntry> rows;
    qint64 nextId = 1;

    void enqueue(const QString& body) {
        xmpp::ChatMessage m;
        m.to = Jid(QStringLiteral("romeo@montague.example"));
        m.body = body;
        m.id = m.originId = QStringLiteral("msg-%1").arg(nextId);
        rows << OutboxEntry{nextId++, m.id, xmpp::ChatExtension::messageStanza(m).toXml()};
    }
    QFuture<Result<QList<OutboxEntry>>> pending() override {
        return QtFuture::makeReadyFuture(Result<QList<OutboxEntry>>(rows));
    }
    QFuture<Result<void>> markSent(qint64 id) override {
        rows.removeIf([id](const OutboxEntry& e) { return e.id == id; });
        return QtFuture::makeReadyFuture(Result<void>(Ok{}));
    }
};

int countMessages(const QStringList& stanzas, const QString& id) {
    int n = 0;
    for (const QString& s : stanzas) {
        if (s.startsWith(u"<message") && s.contains(QStringLiteral("id='%1'").arg(id))) {
            ++n;
        }
    }
    return n;
}

}  // namespace

class TestOutboxSender : public QObject {
    Q_OBJECT
private slots:
    void queuedOfflineSentOnceOnlineRemovedWhenAcked() {
        test::OnlineClient c;
        MemoryOutbox outbox;
        OutboxSender sender(c.client.get(), &outbox);
        QSignalSpy sent(&sender, &OutboxSender::sent);
        outbox.enqueue(QStringLiteral("typed on the train"));
        outbox.enqueue(QStringLiteral("and another"));
        sender.flush();  // offline: nothing happens, nothing is lost
        QCOMPARE(outbox.rows.size(), 2);

        c.login(true);
        QTRY_COMPARE(sender.inFlight(), 2);
        QStringList wire = c.takeStanzas();
        QCOMPARE(countMessages(wire, QStringLiteral("msg-1")), 1);
        QCOMPARE(countMessages(wire, QStringLiteral("msg-2")), 1);
        QVERIFY(wire.indexOf(QRegularExpression(QStringLiteral(".*msg-1.*"))) <
                wire.indexOf(QRegularExpression(QStringLiteral(".*msg-2.*"))));  // in order
        // Flushing again (a new message was typed) does not resend what is on its way.
        outbox.enqueue(QStringLiteral("third"));
        sender.flush();
        QTRY_COMPARE(sender.inFlight(), 3);
        wire = c.takeStanzas();
        QCOMPARE(countMessages(wire, QStringLiteral("msg-1")), 0);
        QCOMPARE(countMessages(wire, QStringLiteral("msg-3")), 1);
        QCOMPARE(outbox.rows.size(), 3);  // nothing acked yet

        c.t->feed(QStringLiteral("<a xmlns='urn:xmpp:sm:3' h='2'/>"));
        QTRY_COMPARE(sent.size(), 2);
        QCOMPARE(outbox.rows.size(), 1);
        QCOMPARE(outbox.rows[0].messageId, QStringLiteral("msg-3"));
    }

    void resumedSessionDoesNotResendButANewRunDoes() {
        MemoryOutbox outbox;
        outbox.enqueue(QStringLiteral("before the crash"));
        {
            test::OnlineClient c;
            OutboxSender sender(c.client.get(), &outbox);
            c.login(true);
            QTRY_COMPARE(sender.inFlight(), 1);
            c.takeStanzas();
            c.dropAndResume();  // the stream resends what it must; the outbox does not
            QCOMPARE(countMessages(c.takeStanzas(), QStringLiteral("msg-1")), 0);
        }  // the program dies before any ack
        QCOMPARE(outbox.rows.size(), 1);
        test::OnlineClient again;
        OutboxSender sender(again.client.get(), &outbox);
        again.login(true);
        QTRY_COMPARE(sender.inFlight(), 1);
        QCOMPARE(countMessages(again.takeStanzas(), QStringLiteral("msg-1")), 1);
    }
};

QTEST_GUILESS_MAIN(TestOutboxSender)
#include "tst_outboxsender.moc"
