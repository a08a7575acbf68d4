#include "sync/StoreArchiveSink.h"

#include "store/MessageStore.h"
#include "store/SyncCursorStore.h"
#include "sync/MessageConversion.h"

namespace rapport::sync {

StoreArchiveSink::StoreArchiveSink(store::MessageStore& messages, store::SyncCursorStore& cursors,
                                   Jid ownBareJid)
    : m_messages(messages), m_cursors(cursors), m_own(ownBareJid.bare()) {}

QString StoreArchiveSink::source() const {
    return QStringLiteral("mam:") + m_own.bareString();
}

int StoreArchiveSink::conversationsTouched() const {
    const QMutexLocker lock(&m_peers->mutex);
    return int(m_peers->touched.size());
}

void StoreArchiveSink::resetCounters() {
    const QMutexLocker lock(&m_peers->mutex);
    m_peers->touched.clear();
}

QStringList StoreArchiveSink::takeRecentPeers() {
    const QMutexLocker lock(&m_peers->mutex);
    const QStringList peers(m_peers->recent.begin(), m_peers->recent.end());
    m_peers->recent.clear();
    return peers;
}

QFuture<Result<QString>> StoreArchiveSink::cursor() {
    return m_cursors.get(source()).then([firstSync = m_firstSync](const Result<QString>& cursor) {
        *firstSync = cursor.ok() && cursor.value().isEmpty();
        return cursor;
    });
}

QFuture<Result<int>> StoreArchiveSink::store(const QList<xmpp::MamMessage>& messages,
                                             const QString& newCursor, Page page) {
    // The stanzas become rows on the store's thread (2,000 of them are milliseconds of
    // parsing the UI thread should not spend).
    auto make = [messages, own = m_own, peers = m_peers] {
        QList<store::StoredMessage> rows = toStored(messages, own);
        const QMutexLocker lock(&peers->mutex);
        for (const store::StoredMessage& row : rows) {
            peers->touched.insert(row.peer);
            peers->recent.insert(row.peer);
        }
        return rows;
    };
    store::SyncCursor cursor;
    if (!newCursor.isEmpty()) {
        cursor = store::SyncCursor{source(), newCursor};
    }
    return m_messages.insertBatch(
        std::move(make),
        *m_firstSync ? store::MessageStore::Unread::DoNotCount : store::MessageStore::Unread::Count,
        cursor,
        page == Page::NewestBeforeGap ? store::MessageStore::Placement::Newest
                                      : store::MessageStore::Placement::After);
}

}  // namespace rapport::sync
