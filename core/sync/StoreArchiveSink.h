// The history catch-up's sink in the app: archived messages into the MessageStore,
// with the catch-up cursor moved in the same transaction.
#pragma once

#include <QSet>
#include <atomic>
#include <memory>

#include "common/Jid.h"
#include "sync/HistoryCatchUp.h"

namespace rapport::store {
class MessageStore;
class SyncCursorStore;
}  // namespace rapport::store

namespace rapport::sync {

class StoreArchiveSink : public ArchiveSink {
public:
    StoreArchiveSink(store::MessageStore& messages, store::SyncCursorStore& cursors,
                     Jid ownBareJid);

    QFuture<Result<QString>> cursor() override;
    QFuture<Result<int>> store(const QList<xmpp::MamMessage>& messages, const QString& newCursor,
                               Page page) override;

    // Conversations that received messages since the last reset.
    int conversationsTouched() const { return int(m_peers.size()); }
    void resetCounters() { m_peers.clear(); }
    // The conversations stored into since the last call (for the models' targeted reads).
    QStringList takeRecentPeers() {
        const QStringList peers(m_recent.begin(), m_recent.end());
        m_recent.clear();
        return peers;
    }

private:
    QString source() const;

    store::MessageStore& m_messages;
    store::SyncCursorStore& m_cursors;
    Jid m_own;
    // A first sync does not make years of history "unread". Shared: it is set on the store
    // thread, by a continuation that must not outlive-reference this object.
    std::shared_ptr<std::atomic<bool>> m_firstSync = std::make_shared<std::atomic<bool>>(false);
    QSet<QString> m_peers;
    QSet<QString> m_recent;
};

}  // namespace rapport::sync
