// XML namespaces Rapport speaks. One place, so a typo cannot hide in a string literal.
#pragma once

#include <QString>

namespace rapport::xmpp::ns {

inline const QString Client = QStringLiteral("jabber:client");
inline const QString Framing = QStringLiteral("urn:ietf:params:xml:ns:xmpp-framing");
inline const QString Stream = QStringLiteral("http://etherx.jabber.org/streams");
inline const QString StreamErrors = QStringLiteral("urn:ietf:params:xml:ns:xmpp-streams");
inline const QString Stanzas = QStringLiteral("urn:ietf:params:xml:ns:xmpp-stanzas");
inline const QString Sasl = QStringLiteral("urn:ietf:params:xml:ns:xmpp-sasl");
inline const QString Bind = QStringLiteral("urn:ietf:params:xml:ns:xmpp-bind");
inline const QString Session = QStringLiteral("urn:ietf:params:xml:ns:xmpp-session");
inline const QString StreamManagement = QStringLiteral("urn:xmpp:sm:3");
inline const QString Roster = QStringLiteral("jabber:iq:roster");
inline const QString RosterVersioning = QStringLiteral("urn:xmpp:features:rosterver");
inline const QString DiscoInfo = QStringLiteral("http://jabber.org/protocol/disco#info");
inline const QString DiscoItems = QStringLiteral("http://jabber.org/protocol/disco#items");
inline const QString Caps = QStringLiteral("http://jabber.org/protocol/caps");
inline const QString Ping = QStringLiteral("urn:xmpp:ping");
inline const QString Carbons = QStringLiteral("urn:xmpp:carbons:2");
inline const QString Forward = QStringLiteral("urn:xmpp:forward:0");
inline const QString Delay = QStringLiteral("urn:xmpp:delay");
inline const QString StanzaId = QStringLiteral("urn:xmpp:sid:0");
inline const QString Receipts = QStringLiteral("urn:xmpp:receipts");
inline const QString ChatStates = QStringLiteral("http://jabber.org/protocol/chatstates");
inline const QString Markers = QStringLiteral("urn:xmpp:chat-markers:0");
inline const QString Hints = QStringLiteral("urn:xmpp:hints");
inline const QString Mam = QStringLiteral("urn:xmpp:mam:2");
inline const QString VCardTemp = QStringLiteral("vcard-temp");
inline const QString Rsm = QStringLiteral("http://jabber.org/protocol/rsm");
inline const QString DataForms = QStringLiteral("jabber:x:data");

}  // namespace rapport::xmpp::ns
