// An in-process Rapport client with every IM extension, signed in to a test
// Prosody, recording what it receives. Header-only: integration suites include it.
#pragma once

#include <QSignalSpy>
#include <QtTest>
#include <memory>

#include "ProsodyFixture.h"
#include "xmpp/Client.h"
#include "xmpp/ext/carbons/CarbonsExtension.h"
#include "xmpp/ext/chat/ChatExtension.h"
#include "xmpp/ext/chatstates/ChatStatesExtension.h"
#include "xmpp/ext/disco/DiscoExtension.h"
#include "xmpp/ext/mam/MamExtension.h"
#include "xmpp/ext/markers/MarkersExtension.h"
#include "xmpp/ext/ping/PingExtension.h"
#include "xmpp/ext/presence/PresenceExtension.h"
#include "xmpp/ext/receipts/ReceiptsExtension.h"
#include "xmpp/ext/roster/RosterExtension.h"

namespace rapport::test {

// Waits (serving the event loop) for a future; a default T (an error for Result) if it
// does not finish in time.
template <class T>
T await(QFuture<T> future, int timeoutMs = 20000) {
    QElapsedTimer t;
    t.start();
    while (!future.isFinished() && t.elapsed() < timeoutMs) {
        QTest::qWait(5);
    }
    return future.isFinished() ? future.result() : T();
}

// Starts `server` and registers each user on the SHA-256 host with `password`.
inline bool startWithUsers(ProsodyFixture& server, const QStringList& users,
                           const QString& password, QString* error) {
    if (!server.start(error)) {
        return false;
    }
    for (const QString& user : users) {
        if (!server.registerUser(user, ProsodyFixture::sha256Host(), password, error)) {
            return false;
        }
    }
    return true;
}

class LiveClient : public QObject {
public:
    LiveClient(const ProsodyFixture& server, const QString& bareJid, const QString& password,
               const QString& resource = QStringLiteral("test")) {
        client.addExtension<xmpp::DiscoExtension>();
        client.addExtension<xmpp::PingExtension>();
        client.addExtension<xmpp::RosterExtension>();
        client.addExtension<xmpp::PresenceExtension>();
        chat = client.addExtension<xmpp::ChatExtension>();
        receipts = client.addExtension<xmpp::ReceiptsExtension>();
        client.addExtension<xmpp::ChatStatesExtension>();
        client.addExtension<xmpp::MarkersExtension>();
        carbons = client.addExtension<xmpp::CarbonsExtension>();
        mam = client.addExtension<xmpp::MamExtension>();
        xmpp::Client::Settings s;
        s.jid = Jid(bareJid);
        s.password = password;
        s.resource = resource;
        s.url = server.websocketUrl();
        client.setSettings(s);
        QObject::connect(chat, &xmpp::ChatExtension::messageReceived, this,
                         [this](const xmpp::ChatMessage& m) {
                             if (m.direction == xmpp::ChatMessage::Direction::Incoming) {
                                 received << m;
                             } else {
                                 sentCopies << m;
                             }
                         });
        QObject::connect(receipts, &xmpp::ReceiptsExtension::receiptReceived, this,
                         [this](const Jid&, const QString& id) { receiptIds << id; });
        QObject::connect(&client, &xmpp::Client::sessionStarted, this,
                         [this](bool resumed) { sessions << resumed; });
    }

    // Signs in and waits for the session (and carbons, which are enabled right after).
    bool signIn(int timeoutMs = 10000) {
        client.connectToServer();
        QElapsedTimer t;
        t.start();
        while (t.elapsed() < timeoutMs) {
            if (client.state() == xmpp::Client::State::Online && carbons->isEnabled()) {
                return true;
            }
            if (client.state() == xmpp::Client::State::Offline) {
                return false;
            }
            QTest::qWait(10);
        }
        return false;
    }

    QStringList receivedBodies() const {
        QStringList out;
        for (const auto& m : received) {
            out << m.body;
        }
        return out;
    }

    xmpp::Client client;
    xmpp::ChatExtension* chat = nullptr;
    xmpp::ReceiptsExtension* receipts = nullptr;
    xmpp::CarbonsExtension* carbons = nullptr;
    xmpp::MamExtension* mam = nullptr;
    QList<xmpp::ChatMessage> received;
    QList<xmpp::ChatMessage> sentCopies;
    QStringList receiptIds;
    QList<bool> sessions;
};

}  // namespace rapport::test
