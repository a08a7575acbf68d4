// Finds the WebSocket endpoint of a domain: XEP-0156 host-meta over HTTPS
// (XRD first, then JSON), falling back to wss://DOMAIN:5281/xmpp-websocket.
// Asynchronous; never blocks the caller's thread.
#pragma once

#include <QFuture>
#include <QUrl>

class QNetworkAccessManager;

namespace rapport::xmpp {

class EndpointDiscovery {
public:
    static QUrl fallbackUrl(const QString& domain);
    // Parses an XRD host-meta document or its JSON form; empty if it names no WebSocket link.
    static QUrl parseHostMeta(const QByteArray& body);
    // Resolves to the discovered URL, or the fallback. Never fails.
    static QFuture<QUrl> discover(QNetworkAccessManager* nam, const QString& domain,
                                  int timeoutMs = 5000);
};

}  // namespace rapport::xmpp
