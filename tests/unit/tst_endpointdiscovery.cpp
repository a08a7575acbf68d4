// XEP-0156 host-meta parsing and the fallback endpoint.
#include <QtTest>

#include "xmpp/EndpointDiscovery.h"

using rapport::xmpp::EndpointDiscovery;

class TestEndpointDiscovery : public QObject {
    Q_OBJECT
private slots:
    void parsesXrd() {
        const QByteArray xrd =
            "<?xml version='1.0' encoding='utf-8'?>"
            "<XRD xmlns='http://docs.oasis-open.org/ns/xri/xrd-1.0'>"
            "<Link rel='urn:xmpp:alt-connections:xbosh' href='https://example.com/bosh'/>"
            "<Link rel='urn:xmpp:alt-connections:websocket' href='wss://chat.example.com/ws'/>"
            "</XRD>";
        QCOMPARE(EndpointDiscovery::parseHostMeta(xrd),
                 QUrl(QStringLiteral("wss://chat.example.com/ws")));
    }
    void parsesJson() {
        const QByteArray json =
            R"({"links":[{"rel":"urn:xmpp:alt-connections:websocket","href":"wss://x.example/ws"}]})";
        QCOMPARE(EndpointDiscovery::parseHostMeta(json),
                 QUrl(QStringLiteral("wss://x.example/ws")));
    }
    void ignoresJunkAndNonWebSocketLinks() {
        QVERIFY(EndpointDiscovery::parseHostMeta("not xml at all").isEmpty());
        QVERIFY(
            EndpointDiscovery::parseHostMeta(
                "<XRD><Link rel='urn:xmpp:alt-connections:websocket' href='http://x/ws'/></XRD>")
                .isEmpty());
        QVERIFY(EndpointDiscovery::parseHostMeta(
                    "<!DOCTYPE x [<!ENTITY e 'wss://evil/'>]><XRD><Link "
                    "rel='urn:xmpp:alt-connections:websocket' href='&e;'/></XRD>")
                    .isEmpty());
    }
    void fallsBackToPort5281() {
        QCOMPARE(EndpointDiscovery::fallbackUrl(QStringLiteral("example.com")),
                 QUrl(QStringLiteral("wss://example.com:5281/xmpp-websocket")));
    }
};

QTEST_GUILESS_MAIN(TestEndpointDiscovery)
#include "tst_endpointdiscovery.moc"
