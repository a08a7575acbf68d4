// Catching up with the server's archive (XEP-0313) after being away, so that the
// local store holds every message exactly once.
//
// How: the store keeps a cursor, the archive id of the newest message it has
// caught up to, and moves it in the same transaction as the messages it covers,
// so a catch-up killed at any point resumes where it stopped. A short absence
// costs one round trip (`after` the cursor). A long one first fetches the newest
// page, so recent conversations are usable at once, then fills the gap forwards
// from the cursor. A first sync does the same from the start of the archive.
#pragma once

#include <QFuture>
#include <QObject>
#include <functional>

#include "common/Result.h"
#include "xmpp/ext/mam/MamQuery.h"

namespace rapport::sync {

// Where archived messages go. Implementations store a page and, when given one,
// the new cursor in one transaction, and answer with how many messages were new.
class ArchiveSink {
public:
    // Pages are stored in archive order except one: the newest page of a long absence is
    // stored before the gap behind it, which must then still sort before it.
    enum class Page { InOrder, NewestBeforeGap };

    virtual ~ArchiveSink() = default;
    virtual QFuture<Result<QString>> cursor() = 0;  // empty: never synced
    virtual QFuture<Result<int>> store(const QList<xmpp::MamMessage>& messages,
                                       const QString& newCursor,  // empty: keep cursor
                                       Page page = Page::InOrder) = 0;
};

class HistoryCatchUp : public QObject {
    Q_OBJECT
public:
    using ArchiveQuery = std::function<QFuture<Result<xmpp::MamPage>>(const xmpp::MamQuery&)>;

    HistoryCatchUp(ArchiveQuery query, ArchiveSink* sink, QObject* parent = nullptr);

    void setPageSize(int max) { m_pageSize = max; }

    // Pages of the gap are stored together once they hold this many messages (or the gap is
    // filled): every transaction writes again each index page it touched, and dedupe keys
    // (archive ids) are random, so 250-message transactions (Prosody's page) cost about
    // twice as much per message as 2,000-message ones at a million messages. A catch-up
    // killed meanwhile loses nothing: the cursor moves only with what was stored.
    static constexpr int StoreBatch = 2000;
    void start();
    bool isRunning() const { return m_running; }

    struct Summary {
        int stored = 0;   // messages that were new to the store
        int fetched = 0;  // messages transferred
        int pages = 0;    // round trips
    };

signals:
    // fetched so far, and the total the server announced (-1 when unknown).
    void progress(int fetched, int total);
    void finished(const rapport::sync::HistoryCatchUp::Summary& summary);
    void failed(const rapport::Error& error);

private:
    void onCursor(const QString& cursor);
    void fetchNewest();
    void fillForward(const QString& after);
    void storePage(const xmpp::MamPage& page, const QString& newCursor, std::function<void()> next,
                   ArchiveSink::Page kind = ArchiveSink::Page::InOrder);
    void complete();
    void fail(const Error& error);

    ArchiveQuery m_query;
    ArchiveSink* m_sink;
    int m_pageSize = 250;
    bool m_running = false;
    QString m_cursor;
    xmpp::MamPage m_newest;             // the newest page, when a long gap was found
    QList<xmpp::MamMessage> m_pending;  // gap pages fetched but not stored yet
    int m_total = -1;
    Summary m_summary;
};

}  // namespace rapport::sync
