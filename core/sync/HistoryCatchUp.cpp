#include "sync/HistoryCatchUp.h"

#include "common/FutureUtils.h"

#include "common/Logging.h"

#include <utility>

namespace rapport::sync {

HistoryCatchUp::HistoryCatchUp(ArchiveQuery query, ArchiveSink* sink, QObject* parent)
    : QObject(parent), m_query(std::move(query)), m_sink(sink) {}

void HistoryCatchUp::start() {
    if (m_running) {
        return;
    }
    m_running = true;
    m_summary = {};
    m_newest = {};
    m_pending.clear();
    m_total = -1;
    onFinished(m_sink->cursor(), this, [this](const Result<QString>& cursor) {
        if (!cursor.ok()) {
            fail(cursor.error());
            return;
        }
        onCursor(cursor.value());
    });
}

void HistoryCatchUp::onCursor(const QString& cursor) {
    m_cursor = cursor;
    if (cursor.isEmpty()) {
        fetchNewest();  // first sync: the newest page, then everything from the start
        return;
    }
    // Usually we were away briefly: one page after the cursor is all there is.
    xmpp::MamQuery q;
    q.after = cursor;
    q.max = m_pageSize;
    onFinished(m_query(q), this, [this](const Result<xmpp::MamPage>& page) {
        if (!page.ok()) {
            if (page.error().condition == u"item-not-found") {
                // The cursor's message expired from the archive: start over; the store
                // drops what it already has.
                qCInfo(lcXmpp) << "archive cursor is gone; syncing the whole archive";
                m_cursor.clear();
                fetchNewest();
                return;
            }
            fail(page.error());
            return;
        }
        ++m_summary.pages;
        m_total = page.value().count;
        if (page.value().complete) {
            storePage(page.value(), page.value().last, [this] { complete(); });
            return;
        }
        // A long absence: show the newest first, then fill the gap from here.
        const QString last = page.value().last;
        storePage(page.value(), last, [this, last] {
            m_cursor = last;
            fetchNewest();
        });
    });
}

void HistoryCatchUp::fetchNewest() {
    xmpp::MamQuery q;
    q.lastPage = true;
    q.max = m_pageSize;
    onFinished(m_query(q), this, [this](const Result<xmpp::MamPage>& page) {
        if (!page.ok()) {
            fail(page.error());
            return;
        }
        ++m_summary.pages;
        m_newest = page.value();
        if (m_total < 0 || m_cursor.isEmpty()) {
            m_total = page.value().count;
        }
        const bool wholeArchive = page.value().complete && m_cursor.isEmpty();
        // The newest page moves the cursor only when nothing older is missing.
        storePage(
            page.value(), wholeArchive ? page.value().last : QString(),
            [this, wholeArchive] {
                if (wholeArchive || m_newest.messages.isEmpty()) {
                    complete();
                    return;
                }
                fillForward(m_cursor);
            },
            wholeArchive ? ArchiveSink::Page::InOrder : ArchiveSink::Page::NewestBeforeGap);
    });
}

void HistoryCatchUp::fillForward(const QString& after) {
    xmpp::MamQuery q;
    q.after = after;  // empty: from the start of the archive
    q.max = m_pageSize;
    onFinished(m_query(q), this, [this](const Result<xmpp::MamPage>& result) {
        if (!result.ok()) {
            fail(result.error());
            return;
        }
        ++m_summary.pages;
        xmpp::MamPage page = result.value();
        // Stop where the newest page begins: it is stored already.
        const QString boundary = m_newest.first;
        qsizetype cut = -1;
        for (qsizetype i = 0; i < page.messages.size(); ++i) {
            if (page.messages[i].archiveId == boundary) {
                cut = i;
                break;
            }
        }
        const bool reachedNewest = cut >= 0 || page.complete || page.messages.isEmpty();
        if (cut >= 0) {
            page.messages.resize(cut);
        }
        const QString newCursor = reachedNewest ? m_newest.last : page.last;
        m_pending += page.messages;
        if (!reachedNewest && m_pending.size() < StoreBatch) {
            emit progress(m_summary.fetched + int(m_pending.size()), m_total);
            fillForward(newCursor);
            return;
        }
        page.messages = std::exchange(m_pending, {});
        storePage(page, newCursor, [this, reachedNewest, newCursor] {
            if (reachedNewest) {
                complete();
            } else {
                fillForward(newCursor);
            }
        });
    });
}

void HistoryCatchUp::storePage(const xmpp::MamPage& page, const QString& newCursor,
                               std::function<void()> next, ArchiveSink::Page kind) {
    m_summary.fetched += page.messages.size();
    onFinished(m_sink->store(page.messages, newCursor, kind), this,
               [this, next = std::move(next)](const Result<int>& stored) {
                   if (!stored.ok()) {
                       fail(stored.error());
                       return;
                   }
                   m_summary.stored += stored.value();
                   emit progress(m_summary.fetched, m_total);
                   if (m_running) {
                       next();
                   }
               });
}

void HistoryCatchUp::complete() {
    m_running = false;
    emit finished(m_summary);
}

void HistoryCatchUp::fail(const Error& error) {
    m_running = false;
    emit failed(error);
}

}  // namespace rapport::sync
