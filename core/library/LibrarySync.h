// Keeps the local answer library (AnswerStore) in step with the team's node on the pubsub
// service, in both directions:
//
// - Catch-up, at every session start (xmpp::NodeCatchUp): the first time every item,
//   afterwards only the newest ones, back to the first answer we already had at that
//   version. Items removed while we were away do not show there: the list of item ids
//   (disco#items, small) is compared with ours once a day, and whenever the whole node was
//   fetched anyway.
// - Live events while online: published items and retractions.
// - Sending what was changed here (AnswerStore's queue), once, in order. A publish first
//   reads the server's copy: if someone else published a newer version since the edit
//   began, neither text is lost (README.md, "Conflicts").
//
// Items that break the payload rules are logged and skipped; events come only from the
// configured service (PubSubExtension). A refused subscription means the account is not a
// member of the library: membership() says so, and nothing is retried until next session.
#pragma once

#include <QDateTime>
#include <QObject>
#include <QPointer>
#include <QSet>

#include "common/Jid.h"
#include "common/Result.h"
#include "library/AnswerStore.h"
#include "library/TeamNodeSync.h"
#include "xmpp/ext/pubsub/PubSubTypes.h"

namespace rapport::xmpp {
class PubSubExtension;
}

namespace rapport::library {

class LibrarySync : public TeamNodeSync {
    Q_OBJECT
public:
    using Membership = TeamMembership;

    struct Summary {
        int itemsFetched = 0;  // items transferred
        qint64 bytes = 0;      // size of the replies that carried them (XML)
        int changed = 0;       // answers added or updated here
        int removed = 0;       // answers removed here
        int published = 0;     // our changes sent
        int conflicts = 0;     // conflict copies made
        bool wholeNode = false;
        bool idsChecked = false;  // the item ids were compared (daily, for deletes)
    };

    LibrarySync(xmpp::PubSubExtension* pubsub, AnswerStore& answers, Jid service,
                QObject* parent = nullptr);

    // A session started: catch up, then send what is queued.
    void start();
    // Sends what is queued (after a change made here while online). Does nothing while a
    // catch-up or another flush runs; they send it anyway.
    void flush();

    Jid service() const { return m_service; }
    // When the item ids were last compared (deletions while away); null: never.
    void setLastFullCheck(const QDateTime& t) { m_lastFullCheck = t; }
    QDateTime lastFullCheck() const { return m_lastFullCheck; }

signals:
    // A catch-up and the sending after it are done.
    void synced(const rapport::library::LibrarySync::Summary& summary);
    // The local library changed (from the server, or a conflict was settled).
    void answersChanged();

private:
    void onEvent(const xmpp::PubSubEvent& event);
    void catchUp(const QHash<QString, int>& known);
    void checkRemoved(const QHash<QString, int>& known);
    // Removes the answers we know that the node no longer holds; records the check.
    void removeMissing(const QHash<QString, int>& known, const QSet<QString>& present);
    void applyItems(const QList<xmpp::PubSubItem>& items, std::function<void()> next);
    void sendNext();
    void publish(const LibraryAction& action);
    void retract(const QString& id);
    void finish();
    void fail(const Error& error) { TeamNodeSync::fail(error, "answer library sync"); }

    QPointer<xmpp::PubSubExtension> m_pubsub;
    AnswerStore& m_answers;
    Jid m_service;
    Summary m_summary;
    QDateTime m_lastFullCheck;
};

}  // namespace rapport::library
