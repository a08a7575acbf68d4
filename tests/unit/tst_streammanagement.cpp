// XEP-0198 bookkeeping on its own: acks, wrap-around, resumption.
#include <QtTest>

#include "xmpp/Namespaces.h"
#include "xmpp/StreamManagement.h"

using namespace rapport::xmpp;

namespace {
Element stanza(int i) {
    return Element(QStringLiteral("message"), ns::Client)
        .setAttribute(QStringLiteral("id"), QString::number(i));
}
}  // namespace

class TestStreamManagement : public QObject {
    Q_OBJECT
private slots:
    void queuesUntilAcked() {
        StreamManagement sm;
        sm.sent(stanza(0));  // before <enable/>: not tracked
        QCOMPARE(sm.unackedCount(), 0);
        sm.enableRequested();
        for (int i = 1; i <= 5; ++i) {
            sm.sent(stanza(i));
        }
        QList<Element> confirmed;
        QVERIFY(sm.acknowledge(3, &confirmed));
        QCOMPARE(confirmed.size(), 3);
        QCOMPARE(confirmed[2].attribute(u"id"), QStringLiteral("3"));
        QCOMPARE(sm.unackedCount(), 2);
        QVERIFY(sm.acknowledge(3, &confirmed));  // a repeated ack is harmless
        QCOMPARE(sm.unackedCount(), 2);
        QVERIFY(!sm.acknowledge(9, &confirmed));  // more than was sent
    }

    void countsWrapAround() {
        // The server's h is a 32-bit counter that wraps; resuming near the top must still
        // confirm the right stanzas.
        const quint32 nearMax = 0xFFFFFFFEu;
        StreamManagement sm;
        sm.enableRequested();
        QVERIFY(sm.resumed(nearMax).isEmpty());
        for (int i = 0; i < 4; ++i) {
            sm.sent(stanza(i));
        }
        QList<Element> confirmed;
        QVERIFY(sm.acknowledge(nearMax + 3, &confirmed));  // == 1 after wrapping
        QCOMPARE(confirmed.size(), 3);
        QCOMPARE(sm.unackedCount(), 1);
    }

    void resumptionReturnsOnlyWhatTheServerMissed() {
        StreamManagement sm;
        sm.enableRequested();
        sm.enabled(QStringLiteral("abc"), true);
        QVERIFY(sm.canResume());
        for (int i = 1; i <= 4; ++i) {
            sm.sent(stanza(i));
        }
        sm.countInbound();
        sm.countInbound();
        sm.suspend();
        QCOMPARE(sm.inboundCount(), 2u);  // sent as h in <resume/>
        const QList<Element> resend = sm.resumed(1);
        QCOMPARE(resend.size(), 3);
        QCOMPARE(resend[0].attribute(u"id"), QStringLiteral("2"));
        QVERIFY(sm.isEnabled());
    }
};

QTEST_GUILESS_MAIN(TestStreamManagement)
#include "tst_streammanagement.moc"
