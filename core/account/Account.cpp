#include "account/Account.h"

#include "account/ContactDirectory.h"

#include <QHostAddress>
#include <QNetworkAccessManager>
#include <QUuid>

#include "common/FutureUtils.h"
#include "feed/FeedSync.h"
#include "feed/TipStore.h"
#include "library/AnswerStore.h"
#include "library/LibrarySync.h"
#include "library/ReplySuggestions.h"
#include "store/ContactStore.h"
#include "store/ConversationStore.h"
#include "store/Database.h"
#include "store/MessageStore.h"
#include "store/OutboxStore.h"
#include "store/ProfilePaths.h"
#include "store/SyncCursorStore.h"
#include "sync/HistoryCatchUp.h"
#include "sync/LiveMessageRecorder.h"
#include "sync/MessageConversion.h"
#include "sync/OlderHistory.h"
#include "sync/OutboxSender.h"
#include "sync/ProfileNames.h"
#include "sync/RosterMirror.h"
#include "sync/StoreArchiveSink.h"
#include "sync/StoreOutboxQueue.h"
#include "xmpp/Client.h"
#include "xmpp/EndpointDiscovery.h"
#include "xmpp/ext/carbons/CarbonsExtension.h"
#include "xmpp/ext/chat/ChatExtension.h"
#include "xmpp/ext/chatstates/ChatStatesExtension.h"
#include "xmpp/ext/disco/DiscoExtension.h"
#include "xmpp/ext/mam/MamExtension.h"
#include "xmpp/ext/markers/MarkersExtension.h"
#include "xmpp/ext/ping/PingExtension.h"
#include "xmpp/ext/presence/PresenceExtension.h"
#include "xmpp/ext/pubsub/PubSubExtension.h"
#include "xmpp/ext/receipts/ReceiptsExtension.h"
#include "xmpp/ext/roster/RosterExtension.h"
#include "xmpp/ext/vcard/VCardExtension.h"

namespace rapport {

Result<std::unique_ptr<Account>> Account::open(const QString& profileDir, const Jid& jid) {
    const QString path = store::ProfilePaths::accountDatabase(profileDir, jid.bareString());
    Result<std::unique_ptr<store::Database>> db = store::Database::open(path);
    if (!db.ok()) {
        return db.error();
    }
    return std::unique_ptr<Account>(new Account(jid.bare(), std::move(db).value()));
}

Result<std::unique_ptr<Account>> Account::openLocalOnly(const QString& profileDir) {
    return open(profileDir, localOnlyJid());
}

Account::Account(const Jid& jid, std::unique_ptr<store::Database> db)
    : m_jid(jid), m_db(std::move(db)) {
    m_messages = std::make_unique<store::MessageStore>(*m_db);
    m_conversations = std::make_unique<store::ConversationStore>(*m_db);
    m_outbox = std::make_unique<store::OutboxStore>(*m_db);
    m_cursors = std::make_unique<store::SyncCursorStore>(*m_db);

    m_client = std::make_unique<xmpp::Client>();
    m_client->addExtension<xmpp::DiscoExtension>();
    m_client->addExtension<xmpp::PingExtension>();
    auto* roster = m_client->addExtension<xmpp::RosterExtension>();
    auto* presence = m_client->addExtension<xmpp::PresenceExtension>();
    m_contactStore = std::make_unique<store::ContactStore>(*m_db);
    m_rosterMirror = std::make_unique<sync::RosterMirror>(roster, *m_contactStore);
    auto* vcards = m_client->addExtension<xmpp::VCardExtension>();
    m_profileNames =
        std::make_unique<sync::ProfileNames>(m_client.get(), vcards, *m_contactStore, m_jid);
    m_contacts = std::make_unique<ContactDirectory>(roster, presence, m_profileNames.get());
    auto* chat = m_client->addExtension<xmpp::ChatExtension>();
    m_client->addExtension<xmpp::ReceiptsExtension>();
    m_chatStates = m_client->addExtension<xmpp::ChatStatesExtension>();
    connect(m_chatStates, &xmpp::ChatStatesExtension::chatStateChanged, this,
            [this](const Jid& from, xmpp::ChatStatesExtension::State state) {
                emit peerTypingChanged(from.bareString(),
                                       state == xmpp::ChatStatesExtension::State::Composing);
            });
    m_client->addExtension<xmpp::MarkersExtension>();
    m_client->addExtension<xmpp::CarbonsExtension>();
    auto* mam = m_client->addExtension<xmpp::MamExtension>();

    m_archiveSink = std::make_unique<sync::StoreArchiveSink>(*m_messages, *m_cursors, m_jid);
    const sync::HistoryCatchUp::ArchiveQuery archive = [mam](const xmpp::MamQuery& q) {
        return mam->query(q);
    };
    m_catchUp = std::make_unique<sync::HistoryCatchUp>(archive, m_archiveSink.get());
    m_olderHistory = std::make_unique<sync::OlderHistory>(archive, *m_messages, m_jid);
    m_recorder = std::make_unique<sync::LiveMessageRecorder>(m_client.get(), *m_messages);
    m_outboxQueue = std::make_unique<sync::StoreOutboxQueue>(*m_outbox);
    m_outboxSender = std::make_unique<sync::OutboxSender>(m_client.get(), m_outboxQueue.get());
    // Whatever writes messages tells the models.
    connect(m_recorder.get(), &sync::LiveMessageRecorder::stored, this,
            [this](int, const QStringList& peers) { emit messagesChanged(peers); });
    connect(m_recorder.get(), &sync::LiveMessageRecorder::statesUpdated, this,
            [this](const QString& peer) { emit messagesChanged({peer}); });
    // A catch-up page: the conversations it stored into; at its end, and for the outbox,
    // possibly any.
    connect(m_catchUp.get(), &sync::HistoryCatchUp::progress, this, [this] {
        const QStringList peers = m_archiveSink->takeRecentPeers();
        if (!peers.isEmpty()) {
            emit messagesChanged(peers);
        }
    });
    connect(m_catchUp.get(), &sync::HistoryCatchUp::finished, this,
            [this] { emit messagesChanged({}); });
    connect(m_outboxSender.get(), &sync::OutboxSender::sent, this,
            [this] { emit messagesChanged({}); });

    m_pubsub = m_client->addExtension<xmpp::PubSubExtension>();
    m_answers = std::make_unique<library::AnswerStore>(*m_db);
    m_tips = std::make_unique<feed::TipStore>(*m_db, m_jid.bareString());
    m_suggestions = std::make_unique<library::ReplySuggestions>(*m_db, *m_answers);
    // Messages arriving now, not copies of what our other devices got (carbons): those
    // are answered there.
    connect(chat, &xmpp::ChatExtension::messageReceived, m_suggestions.get(),
            [this](const xmpp::ChatMessage& m) {
                if (m.origin == xmpp::MessageContext::Origin::Live &&
                    m.direction == xmpp::ChatMessage::Direction::Incoming &&
                    m.from.bareString() != m_jid.bareString() && !m.body.trimmed().isEmpty()) {
                    m_suggestions->messageReceived(m.from.bareString(), m.body);
                    emit messageArrived(m.from.bareString(), m.body);
                }
            });
    setTeamService(Jid(QStringLiteral("pubsub.") + m_jid.domain()));

    // Every new session may have missed messages and items (a resumed one has not).
    connect(m_client.get(), &xmpp::Client::sessionStarted, this, [this](bool resumed) {
        if (resumed) {
            return;
        }
        m_catchUp->start();
        startTeamSync();
    });
}

void Account::startTeamSync() {
    m_feedWaiting = true;
    // When the library's item ids were last compared: once a day is enough (LibrarySync).
    library::LibrarySync* library = m_library.get();
    onFinished(m_cursors->get(libraryCheckSource()), library, [library](const Result<QString>& c) {
        if (c.ok() && !c.value().isEmpty()) {
            library->setLastFullCheck(QDateTime::fromString(c.value(), Qt::ISODate));
        }
        library->start();
    });
}

QString Account::libraryCheckSource() const {
    return QStringLiteral("library-ids:") + m_teamService.toString();
}

void Account::setTeamService(const Jid& service) {
    if (m_library && service.bare() == m_teamService) {
        return;
    }
    m_teamService = service.bare();
    m_pubsub->setTrustedServices({m_teamService});
    // The old service's sync objects go with their requests in flight (their callbacks are
    // bound to them); what they queued stays in the store's outbox for the new ones.
    m_library.reset();
    m_feed.reset();
    m_library = std::make_unique<library::LibrarySync>(m_pubsub, *m_answers, m_teamService);
    connect(m_library.get(), &library::LibrarySync::synced, this, [this] {
        if (m_library->lastFullCheck().isValid()) {
            m_cursors->set(libraryCheckSource(), m_library->lastFullCheck().toString(Qt::ISODate));
        }
    });
    connect(m_library.get(), &library::LibrarySync::catchUpEnded, this,
            &Account::startFeedAfterLibrary);
    m_feed = std::make_unique<feed::FeedSync>(m_pubsub, *m_tips, m_teamService);
    if (m_client->state() == xmpp::Client::State::Online) {
        // Changed while signed in: catch up with the new service now, not at the next session.
        startTeamSync();
    }
    emit teamServiceChanged();
}

void Account::startFeedAfterLibrary() {
    if (m_feedWaiting) {
        m_feedWaiting = false;
        m_feed->start();
    }
}

Account::~Account() {
    flush();
    // The client goes first: nothing may reach the sync objects while they die.
    m_library.reset();
    m_feed.reset();
    m_rosterMirror.reset();
    m_contacts.reset();
    m_profileNames.reset();
    m_client.reset();
}

void Account::flush() {
    m_recorder->flush();
    m_rosterMirror->flush();
}

bool Account::isLoopback(const QUrl& url) {
    const QHostAddress address(url.host());
    return url.host() == u"localhost" || (!address.isNull() && address.isLoopback());
}

Result<void> Account::signIn(const QString& password, const QUrl& server, const QString& resource) {
    if (isLocalOnly()) {
        return Error::make(ErrorCode::Usage,
                           tr("Rapport is used without an account here: add one to sign in."));
    }
    if (!server.isEmpty()) {
        if (!server.isValid() || (server.scheme() != u"ws" && server.scheme() != u"wss") ||
            server.host().isEmpty()) {
            return Error::make(ErrorCode::Usage,
                               tr("The server address must be a ws:// or wss:// URL, e.g. "
                                  "wss://chat.example.com:5281/xmpp-websocket."));
        }
        if (server.scheme() == u"ws" && !isLoopback(server)) {
            return Error::make(ErrorCode::Usage,
                               tr("Refusing an unencrypted ws:// connection to %1: use wss://.")
                                   .arg(server.host()));
        }
    }
    auto connectTo = [this, password, resource](const QUrl& url) {
        xmpp::Client::Settings s;
        s.jid = m_jid.bare();
        s.password = password;
        s.resource = resource.isEmpty() ? QStringLiteral("rapport-") +
                                              QUuid::createUuid().toString(QUuid::Id128).left(8)
                                        : resource;
        s.url = url;
        s.autoReconnect = true;
        s.trustedCertificates = m_trustedCertificates;
        m_client->setSettings(s);
        m_client->connectToServer();
    };
    if (!server.isEmpty()) {
        connectTo(server);
        return Ok{};
    }
    if (!m_nam) {
        m_nam = std::make_unique<QNetworkAccessManager>();
    }
    onFinished(xmpp::EndpointDiscovery::discover(m_nam.get(), m_jid.domain()), this,
               [connectTo](const QUrl& url) { connectTo(url); });
    return Ok{};
}

bool Account::isOnline() const {
    return m_client->state() == xmpp::Client::State::Online;
}

QString Account::ownProfileName() const {
    return m_profileNames->name(m_jid.bareString());
}

QFuture<Result<void>> Account::setOwnName(const QString& name) {
    if (!isOnline()) {
        return QtFuture::makeReadyFuture(Result<void>(
            Error::make(ErrorCode::ConnectionLost,
                        tr("Your name is kept on the server: connect to change it."))));
    }
    return m_profileNames->publishOwnName(name);
}

void Account::signOut() {
    m_client->disconnectFromServer();
}

void Account::setTrustedCertificates(const QByteArrayList& sha256) {
    m_trustedCertificates = sha256;
    xmpp::Client::Settings s = m_client->settings();
    if (!s.jid.isEmpty()) {
        s.trustedCertificates = sha256;
        m_client->setSettings(s);
    }
}

void Account::reconnect() {
    if (!m_client->settings().jid.isEmpty()) {
        m_client->connectToServer();
    }
}

void Account::setOwnPresence(const QString& show, const QString& status) {
    const xmpp::PresenceShow s = show == u"away"  ? xmpp::PresenceShow::Away
                                 : show == u"dnd" ? xmpp::PresenceShow::DoNotDisturb
                                                  : xmpp::PresenceShow::Available;
    m_ownShow = s == xmpp::PresenceShow::Away           ? QStringLiteral("away")
                : s == xmpp::PresenceShow::DoNotDisturb ? QStringLiteral("dnd")
                                                        : QStringLiteral("available");
    m_ownStatus = status;
    (void)m_client->findExtension<xmpp::PresenceExtension>()->setPresence(s, status);
}

void Account::setComposing(const QString& peer, bool composing) {
    if (m_client->state() != xmpp::Client::State::Online) {
        return;
    }
    (void)m_chatStates->sendChatState(Jid(peer), composing
                                                     ? xmpp::ChatStatesExtension::State::Composing
                                                     : xmpp::ChatStatesExtension::State::Paused);
}

QFuture<Result<void>> Account::markRead(const QString& peer) {
    return thenOn(m_conversations->markRead(peer), this, [this, peer](const Result<void>& r) {
        emit messagesChanged({peer});
        return r;
    });
}

QFuture<Result<store::StoredMessage>> Account::sendMessage(const Jid& to, const QString& body) {
    const Result<xmpp::ChatMessage> composed = xmpp::ChatExtension::compose(m_jid, to, body);
    if (!composed.ok()) {
        return QtFuture::makeReadyFuture(Result<store::StoredMessage>(composed.error()));
    }
    const xmpp::ChatMessage& m = composed.value();
    store::StoredMessage row = sync::toStored(m);
    row.state = store::StoredMessage::State::Queued;
    const QString stanza = xmpp::ChatExtension::messageStanza(m).toXml();
    return thenOn(m_outbox->enqueue(row, stanza), this,
                  [this, peer = row.peer](
                      const Result<store::OutboxEntry>& entry) -> Result<store::StoredMessage> {
                      if (!entry.ok()) {
                          return entry.error();
                      }
                      m_outboxSender->flush();
                      emit messagesChanged({peer});
                      return entry.value().message;
                  });
}

}  // namespace rapport
