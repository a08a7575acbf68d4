// Hostile and ordinary input to the per-message parser, and the serializer's output.
#include <QtTest>

#include "xmpp/ElementParser.h"
#include "xmpp/Namespaces.h"

using namespace rapport;
using namespace rapport::xmpp;

class TestElementParser : public QObject {
    Q_OBJECT
private slots:
    void parsesNamespacesAndPrefixes() {
        auto r = parseElement(QStringLiteral(
            "<stream:features xmlns:stream='http://etherx.jabber.org/streams'>"
            "<mechanisms xmlns='urn:ietf:params:xml:ns:xmpp-sasl'>"
            "<mechanism>SCRAM-SHA-1</mechanism><mechanism>PLAIN</mechanism></mechanisms>"
            "</stream:features>"));
        QVERIFY(r.ok());
        QCOMPARE(r.value().name(), QStringLiteral("features"));
        QCOMPARE(r.value().ns(), ns::Stream);
        const auto mechs =
            r.value().firstChild(u"mechanisms", ns::Sasl).childrenNamed(u"mechanism");
        QCOMPARE(mechs.size(), 2);
        QCOMPARE(mechs[1].text(), QStringLiteral("PLAIN"));
        QCOMPARE(mechs[1].ns(), ns::Sasl);
    }

    void decodesPredefinedEntitiesAndAttributes() {
        auto r = parseElement(QStringLiteral(
            "<message xmlns='jabber:client' to='a@b' xml:lang='en'><body>1 &lt; 2 &amp; "
            "&#x263A;</body></message>"));
        QVERIFY(r.ok());
        QCOMPARE(r.value().attribute(u"to"), QStringLiteral("a@b"));
        QCOMPARE(r.value().attribute(u"xml:lang"), QStringLiteral("en"));
        QCOMPARE(r.value().childText(u"body", ns::Client), QStringLiteral("1 < 2 & \u263A"));
    }

    void rejectsMalformedXml() {
        auto r = parseElement(QStringLiteral("<message xmlns='jabber:client'><body>hi</message>"));
        QVERIFY(!r.ok());
        QCOMPARE(r.error().code, ErrorCode::Protocol);
        QCOMPARE(r.error().condition, QStringLiteral("not-well-formed"));
        QVERIFY(!parseElement(QStringLiteral("<a xmlns='x'>")).ok());
        QVERIFY(!parseElement(QStringLiteral("")).ok());
        QVERIFY(!parseElement(QStringLiteral("just text")).ok());
        QVERIFY(!parseElement(QStringLiteral("<a xmlns='x'/><b xmlns='x'/>")).ok());
        QVERIFY(!parseElement(QStringLiteral("<p:a xmlns='x'/>")).ok());  // unbound prefix
    }

    void rejectsDtd() {
        auto r = parseElement(QStringLiteral("<!DOCTYPE message><message xmlns='jabber:client'/>"));
        QVERIFY(!r.ok());
        QCOMPARE(r.error().code, ErrorCode::PolicyViolation);
    }

    void rejectsEntityDeclarations() {
        // The "billion laughs" shape: never expanded, refused outright.
        auto r = parseElement(
            QStringLiteral("<!DOCTYPE m [<!ENTITY lol 'lol'><!ENTITY lol2 '&lol;&lol;&lol;'>]>"
                           "<message xmlns='jabber:client'><body>&lol2;</body></message>"));
        QVERIFY(!r.ok());
        QCOMPARE(r.error().code, ErrorCode::PolicyViolation);
        // An entity that was never declared is not well-formed.
        auto undeclared = parseElement(
            QStringLiteral("<message xmlns='jabber:client'><body>&xxe;</body></message>"));
        QVERIFY(!undeclared.ok());
    }

    void rejectsProcessingInstructions() {
        auto r = parseElement(QStringLiteral("<?evil x?><message xmlns='jabber:client'/>"));
        QVERIFY(!r.ok());
    }

    void rejectsOversizedStanza() {
        const QString body(300 * 1024, u'x');
        auto r = parseElement(
            QStringLiteral("<message xmlns='jabber:client'><body>%1</body></message>").arg(body));
        QVERIFY(!r.ok());
        QCOMPARE(r.error().code, ErrorCode::PolicyViolation);
        QVERIFY(r.error().message.contains(QStringLiteral("KiB")));
        // Just under the limit, in multi-byte characters, still parses.
        const QString wide(80 * 1024, QChar(0x00E9));  // 160 KiB of UTF-8
        QVERIFY(parseElement(QStringLiteral("<m xmlns='x'>%1</m>").arg(wide)).ok());
        // Over the limit only once encoded (100K chars x 3 bytes = 300 KiB).
        const QString cjk(100 * 1024, QChar(0x4E2D));
        QVERIFY(!parseElement(QStringLiteral("<m xmlns='x'>%1</m>").arg(cjk)).ok());
    }

    void rejectsDeepNesting() {
        QString deep;
        for (int i = 0; i < 100; ++i) {
            deep += QStringLiteral("<a xmlns='x'>");
        }
        for (int i = 0; i < 100; ++i) {
            deep += QStringLiteral("</a>");
        }
        auto r = parseElement(deep);
        QVERIFY(!r.ok());
        QCOMPARE(r.error().code, ErrorCode::PolicyViolation);
    }

    void serializesWithNamespacesAndEscaping() {
        Element msg(QStringLiteral("message"), ns::Client);
        msg.setAttribute(QStringLiteral("to"), QStringLiteral("o'brien@example.com"));
        msg.appendChild(
            Element(QStringLiteral("body"), ns::Client).setText(QStringLiteral("<b>&\x01 \"ok\"")));
        msg.appendChild(Element(QStringLiteral("active"), ns::ChatStates));
        QCOMPARE(msg.toXml(),
                 QStringLiteral("<message xmlns='jabber:client' to='o&apos;brien@example.com'>"
                                "<body>&lt;b&gt;&amp; \"ok\"</body>"
                                "<active xmlns='http://jabber.org/protocol/chatstates'/>"
                                "</message>"));
        // And it round-trips.
        auto back = parseElement(msg.toXml());
        QVERIFY(back.ok());
        QCOMPARE(back.value().childText(u"body", ns::Client), QStringLiteral("<b>& \"ok\""));
        QCOMPARE(back.value().attribute(u"to"), QStringLiteral("o'brien@example.com"));
    }
};

QTEST_GUILESS_MAIN(TestElementParser)
#include "tst_elementparser.moc"
