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

QFuture<Result<QString>> StoreArchiveSink::cursor() {
    return m_cursors.get(source()).then([firstSync = m_firstSync](const Result<QString>& cursor) {
        *firstSync = cursor.ok() && cursor.value().isEmpty();
        return cursor;
    });
}

QFuture<Result<int>> StoreArchiveSink::store(const QList<xmpp::MamMessage>& messages,
                                             const QString& newCursor, Page page) {
    QList<store::StoredMessage> rows = toStored(messages, m_own);
    for (const store::StoredMessage& row : rows) {
        m_peers.insert(row.peer);
        m_recent.insert(row.peer);
    }
    store::SyncCursor cursor;
    if (!newCursor.isEmpty()) {
        cursor = store::SyncCursor{source(), newCursor};
    }
    return m_messages.insertBatch(
        std::move(rows),
        *m_firstSync ? store::MessageStore::Unread::DoNotCount : store::MessageStore::Unread::Count,
        cursor,
        page == Page::NewestBeforeGap ? store::MessageStore::Placement::Newest
                                      : store::MessageStore::Placement::After);
}

}  // namespace rapport::sync
