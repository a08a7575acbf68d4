#include "xmpp/EndpointDiscovery.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QPromise>
#include <QXmlStreamReader>
#include <memory>

namespace rapport::xmpp {

namespace {
const QString kWebSocketRel = QStringLiteral("urn:xmpp:alt-connections:websocket");

bool acceptable(const QUrl& url) {
    return url.isValid() && (url.scheme() == u"wss" || url.scheme() == u"ws");
}
}  // namespace

QUrl EndpointDiscovery::fallbackUrl(const QString& domain) {
    QUrl url;
    url.setScheme(QStringLiteral("wss"));
    url.setHost(domain);
    url.setPort(5281);
    url.setPath(QStringLiteral("/xmpp-websocket"));
    return url;
}

QUrl EndpointDiscovery::parseHostMeta(const QByteArray& body) {
    const QJsonDocument json = QJsonDocument::fromJson(body);
    if (json.isObject()) {
        for (const QJsonValue& link : json.object().value(u"links").toArray()) {
            const QJsonObject o = link.toObject();
            const QUrl url(o.value(u"href").toString());
            if (o.value(u"rel").toString() == kWebSocketRel && acceptable(url)) {
                return url;
            }
        }
        return {};
    }
    QXmlStreamReader xml(body);
    while (!xml.atEnd()) {
        if (xml.readNext() == QXmlStreamReader::DTD) {
            return {};  // untrusted input: no DTDs
        }
        if (xml.isStartElement() && xml.name() == u"Link" &&
            xml.attributes().value(QLatin1String("rel")) == kWebSocketRel) {
            const QUrl url(xml.attributes().value(QLatin1String("href")).toString());
            if (acceptable(url)) {
                return url;
            }
        }
    }
    return {};
}

QFuture<QUrl> EndpointDiscovery::discover(QNetworkAccessManager* nam, const QString& domain,
                                          int timeoutMs) {
    auto promise = std::make_shared<QPromise<QUrl>>();
    promise->start();
    QUrl url;
    url.setScheme(QStringLiteral("https"));
    url.setHost(domain);
    url.setPath(QStringLiteral("/.well-known/host-meta"));
    QNetworkRequest request(url);
    request.setTransferTimeout(timeoutMs);
    // Never follow a redirect to plain HTTP: the answer decides where the password goes.
    request.setAttribute(QNetworkRequest::RedirectPolicyAttribute,
                         QNetworkRequest::NoLessSafeRedirectPolicy);
    QNetworkReply* reply = nam->get(request);
    QObject::connect(reply, &QNetworkReply::finished, reply, [promise, reply, domain] {
        reply->deleteLater();
        QUrl found;
        if (reply->error() == QNetworkReply::NoError) {
            found = parseHostMeta(reply->read(64 * 1024));
        }
        promise->addResult(found.isEmpty() ? fallbackUrl(domain) : found);
        promise->finish();
    });
    return promise->future();
}

}  // namespace rapport::xmpp
