#include "FakeTransport.h"

#include "xmpp/ElementParser.h"

namespace rapport::test {

void FakeTransport::open(const QUrl& url) {
    openedUrl = url;
    ++openCount;
    if (autoOpen) {
        isOpen = true;
        emit opened();
    }
}

void FakeTransport::close() {
    if (isOpen) {
        isOpen = false;
        emit closed(Error::make(ErrorCode::ConnectionLost, QString()));
    }
}

void FakeTransport::abort() {
    if (isOpen) {
        isOpen = false;
        emit closed(Error::make(ErrorCode::ConnectionLost, QStringLiteral("aborted")));
    }
}

void FakeTransport::drop() {
    if (isOpen) {
        isOpen = false;
        emit closed(Error::make(ErrorCode::ConnectionLost, QStringLiteral("network down")));
    }
}

QList<xmpp::Element> FakeTransport::takeSent() {
    QList<xmpp::Element> out;
    for (const QString& s : std::as_const(sent)) {
        auto parsed = xmpp::parseElement(s);
        out << (parsed.ok() ? parsed.value() : xmpp::Element(QStringLiteral("unparseable"), s));
    }
    sent.clear();
    return out;
}

xmpp::Element FakeTransport::lastSent(const QString& name) const {
    for (auto it = sent.crbegin(); it != sent.crend(); ++it) {
        auto parsed = xmpp::parseElement(*it);
        if (parsed.ok() && parsed.value().name() == name) {
            return parsed.value();
        }
    }
    return {};
}

void FakeServer::authenticate(bool sm, bool rosterVersioning) {
    const QString framing = QStringLiteral("urn:ietf:params:xml:ns:xmpp-framing");
    t->feed(
        QStringLiteral("<open xmlns='%1' from='example.com' id='s1' version='1.0'/>").arg(framing));
    t->feed(QStringLiteral(
        "<stream:features xmlns:stream='http://etherx.jabber.org/streams'>"
        "<mechanisms xmlns='urn:ietf:params:xml:ns:xmpp-sasl'><mechanism>PLAIN</mechanism>"
        "</mechanisms></stream:features>"));
    t->feed(QStringLiteral("<success xmlns='urn:ietf:params:xml:ns:xmpp-sasl'/>"));
    t->feed(
        QStringLiteral("<open xmlns='%1' from='example.com' id='s2' version='1.0'/>").arg(framing));
    t->feed(QStringLiteral("<stream:features xmlns:stream='http://etherx.jabber.org/streams'>"
                           "<bind xmlns='urn:ietf:params:xml:ns:xmpp-bind'/>%1%2</stream:features>")
                .arg(sm ? QStringLiteral("<sm xmlns='urn:xmpp:sm:3'/>") : QString(),
                     rosterVersioning ? QStringLiteral("<ver xmlns='urn:xmpp:features:rosterver'/>")
                                      : QString()));
}

void FakeServer::bind(const QString& fullJid, bool sm, const QString& smId) {
    const xmpp::Element request = t->lastSent(QStringLiteral("iq"));
    t->feed(
        QStringLiteral("<iq xmlns='jabber:client' type='result' id='%1'>"
                       "<bind xmlns='urn:ietf:params:xml:ns:xmpp-bind'><jid>%2</jid></bind></iq>")
            .arg(request.attribute(u"id"), fullJid));
    if (sm) {
        t->feed(QStringLiteral("<enabled xmlns='urn:xmpp:sm:3' id='%1' resume='true' max='600'/>")
                    .arg(smId));
    }
}

void FakeServer::completeLogin(const QString& fullJid, bool sm, bool rosterVersioning) {
    authenticate(sm, rosterVersioning);
    bind(fullJid, sm, QStringLiteral("sm-1"));
}

}  // namespace rapport::test
