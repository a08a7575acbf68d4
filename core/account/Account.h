// One signed-in identity: the composition root of core. It owns the account's
// database and stores, the XMPP client with its extensions, and the sync that joins
// them (history catch-up, live recording, the outbox). The UI and rapport-cli talk
// to an Account, never to xmpp/ or store/ wiring of their own.
#pragma once

#include <QByteArrayList>
#include <QFuture>
#include <QObject>
#include <QUrl>
#include <memory>

#include "common/Jid.h"
#include "common/Result.h"
#include "store/StoredMessage.h"

class QNetworkAccessManager;

namespace rapport::xmpp {
class Client;
}
namespace rapport::store {
class Database;
class MessageStore;
class ConversationStore;
class OutboxStore;
class SyncCursorStore;
class ContactStore;
}  // namespace rapport::store

namespace rapport::library {
class AnswerStore;
class LibrarySync;
class ReplySuggestions;
}  // namespace rapport::library
namespace rapport::feed {
class TipStore;
class FeedSync;
}  // namespace rapport::feed
namespace rapport::xmpp {
class PubSubExtension;
class ChatStatesExtension;
}  // namespace rapport::xmpp

namespace rapport::sync {
class HistoryCatchUp;
class LiveMessageRecorder;
class OlderHistory;
class OutboxSender;
class ProfileNames;
class RosterMirror;
class StoreArchiveSink;
class StoreOutboxQueue;
}  // namespace rapport::sync

namespace rapport {

class ContactDirectory;

class Account : public QObject {
    Q_OBJECT
public:
    // Opens (or creates) the account's store under `profileDir`. Does not connect.
    static Result<std::unique_ptr<Account>> open(const QString& profileDir, const Jid& jid);
    // Without an account: the local library (answers written or imported here) and search,
    // in a store of its own in the profile. It never signs in (signIn() says so).
    static Result<std::unique_ptr<Account>> openLocalOnly(const QString& profileDir);
    bool isLocalOnly() const { return m_jid == localOnlyJid(); }
    // The address a local-only profile files its answers under (".invalid" never resolves).
    static Jid localOnlyJid() { return Jid(QStringLiteral("me"), QStringLiteral("local.invalid")); }
    ~Account() override;

    const Jid& jid() const { return m_jid; }
    xmpp::Client& client() { return *m_client; }
    store::Database& database() { return *m_db; }
    store::MessageStore& messages() { return *m_messages; }
    store::ConversationStore& conversations() { return *m_conversations; }
    sync::HistoryCatchUp& historyCatchUp() { return *m_catchUp; }
    sync::OlderHistory& olderHistory() { return *m_olderHistory; }
    sync::StoreArchiveSink& archiveSink() { return *m_archiveSink; }
    sync::OutboxSender& outboxSender() { return *m_outboxSender; }
    library::AnswerStore& answers() { return *m_answers; }
    library::LibrarySync& library() { return *m_library; }
    // Names, groups and presence of the people we talk to; the roster kept from the last
    // session is in it soon after the account opens (rosterMirror().loaded()).
    ContactDirectory& contacts() { return *m_contacts; }
    sync::RosterMirror& rosterMirror() { return *m_rosterMirror; }
    // Our name in our profile, as the team sees it: it signs replies ({{me.name}}). Empty
    // when the profile has none (or it was never read); lists then show our address's user
    // part (contacts().name()).
    QString ownProfileName() const;
    // Sets it in our profile (online only).
    QFuture<Result<void>> setOwnName(const QString& name);
    // Answers suggested for each customer's latest message (the reply panel).
    library::ReplySuggestions& suggestions() { return *m_suggestions; }
    feed::TipStore& tips() { return *m_tips; }
    feed::FeedSync& feed() { return *m_feed; }
    xmpp::PubSubExtension& pubsub() { return *m_pubsub; }

    // The team's pubsub service (answers, tips): pubsub.<domain> unless set. Changing it
    // replaces library() and feed() (and catches up with the new service at once if online):
    // whoever connected to their signals connects again on teamServiceChanged().
    Jid teamService() const { return m_teamService; }
    void setTeamService(const Jid& service);

    // Signs in and stays connected (reconnecting with back-off): to `server`, else to the
    // WebSocket endpoint the domain announces (XEP-0156) or its default. Refuses plain ws://
    // except to this machine. Progress and failures: client() state and errors, or
    // models::ConnectionState for the UI.
    Result<void> signIn(const QString& password, const QUrl& server = {},
                        const QString& resource = {});
    void signOut();
    // Server certificates the user trusted although nobody vouches for them (SHA-256
    // digests): for this session's next connection and every later signIn().
    void setTrustedCertificates(const QByteArrayList& sha256);
    // Signed in but offline for a reason the user has fixed (a certificate now trusted):
    // connect again now, with the same password and server.
    void reconnect();
    // Signed in now (a session is up).
    bool isOnline() const;
    // Whether ws:// (no TLS) is acceptable: only to this machine.
    static bool isLoopback(const QUrl& url);

    // Stores the message with its stanza in the outbox first (nothing typed is lost),
    // then sends it if online; otherwise it goes out when the next session starts.
    QFuture<Result<store::StoredMessage>> sendMessage(const Jid& to, const QString& body);

    // Our presence: "available", "away" or "dnd", with an optional status text. Sent now if
    // online, else with the next session.
    void setOwnPresence(const QString& show, const QString& status = {});
    // What setOwnPresence() set last: "available" until then.
    QString ownPresence() const { return m_ownShow; }
    QString ownStatus() const { return m_ownStatus; }

    // We started or stopped typing a reply to `peer` (XEP-0085; nothing if offline).
    void setComposing(const QString& peer, bool composing);

    // The conversation with `peer` was read: its unread count goes to 0.
    QFuture<Result<void>> markRead(const QString& peer);

    // Writes anything still buffered (live messages) before the program ends.
    void flush();

signals:
    // Messages or conversations were written (live, catch-up, outbox, receipts, read):
    // models re-read what they show. `peers`: the conversations touched; empty when it may
    // be any (a catch-up).
    void messagesChanged(const QStringList& peers);
    // A message from `peer` arrived live (not history, not a copy of our own): notifications.
    void messageArrived(const QString& peer, const QString& body);
    // library() and feed() were replaced by ones for the new team service.
    void teamServiceChanged();
    // `peer` is typing to us, or stopped.
    void peerTypingChanged(const QString& peer, bool typing);

private:
    explicit Account(const Jid& jid, std::unique_ptr<store::Database> db);
    QString libraryCheckSource() const;
    void startFeedAfterLibrary();
    // The library's catch-up, then the feed's (startFeedAfterLibrary).
    void startTeamSync();

    Jid m_jid;
    std::unique_ptr<store::Database> m_db;
    std::unique_ptr<store::MessageStore> m_messages;
    std::unique_ptr<store::ConversationStore> m_conversations;
    std::unique_ptr<store::OutboxStore> m_outbox;
    std::unique_ptr<store::SyncCursorStore> m_cursors;
    std::unique_ptr<xmpp::Client> m_client;
    std::unique_ptr<sync::StoreArchiveSink> m_archiveSink;
    std::unique_ptr<sync::StoreOutboxQueue> m_outboxQueue;
    std::unique_ptr<sync::HistoryCatchUp> m_catchUp;
    std::unique_ptr<sync::OlderHistory> m_olderHistory;
    std::unique_ptr<sync::LiveMessageRecorder> m_recorder;
    std::unique_ptr<sync::OutboxSender> m_outboxSender;
    Jid m_teamService;
    xmpp::PubSubExtension* m_pubsub = nullptr;
    xmpp::ChatStatesExtension* m_chatStates = nullptr;
    std::unique_ptr<library::AnswerStore> m_answers;
    std::unique_ptr<library::LibrarySync> m_library;
    std::unique_ptr<ContactDirectory> m_contacts;
    std::unique_ptr<store::ContactStore> m_contactStore;
    std::unique_ptr<sync::RosterMirror> m_rosterMirror;  // keeps the roster in m_contactStore
    std::unique_ptr<sync::ProfileNames> m_profileNames;  // ours, and people the roster lacks
    std::unique_ptr<QNetworkAccessManager> m_nam;        // endpoint discovery
    std::unique_ptr<library::ReplySuggestions> m_suggestions;
    std::unique_ptr<feed::TipStore> m_tips;
    std::unique_ptr<feed::FeedSync> m_feed;
    // A session started and the tips feed waits for the library's catch-up to end: one
    // catch-up at a time keeps the start light, and each one's transfer figures its own.
    bool m_feedWaiting = false;
    QByteArrayList m_trustedCertificates;
    QString m_ownShow = QStringLiteral("available");
    QString m_ownStatus;
};

}  // namespace rapport
