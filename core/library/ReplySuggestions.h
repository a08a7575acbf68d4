// Answers for the reply panel. When a customer's message arrives, the best few answers of
// the library for it are computed from the local store (SearchService::suggestAnswers:
// offline, a few milliseconds) and kept per conversation until the next one; the panel shows
// them. Choosing one gives its text with the known placeholders filled and the others
// listed to ask for, and counts a use (which ranks often-used answers higher next time).
//
// "A customer" is anyone who writes to us one-to-one: a colleague's question gets
// suggestions too, which costs nothing and is sometimes just as useful.
#pragma once

#include <QDate>
#include <QElapsedTimer>
#include <QFuture>
#include <QHash>
#include <QObject>
#include <QSet>
#include <QTimer>

#include "common/Result.h"
#include "library/Placeholders.h"
#include "search/SearchHit.h"

namespace rapport::store {
class Database;
}

namespace rapport::library {

class AnswerStore;

// What the client knows when an answer goes into a reply (README.md, "Placeholders").
struct ReplyContext {
    QString contactName;  // the person the reply goes to
    QString ownName;      // the engineer
    QDate today;
};

class ReplySuggestions : public QObject {
    Q_OBJECT
public:
    static constexpr int Count = 3;

    ReplySuggestions(store::Database& db, AnswerStore& answers, QObject* parent = nullptr);

    // A message from `peer` (bare JID) arrived: suggests answers for it.
    void messageReceived(const QString& peer, const QString& text);
    // The answers suggested for the last message of `peer`, best first; empty if none.
    QList<search::SearchHit> suggestionsFor(const QString& peer) const {
        return m_byPeer.value(peer);
    }

    // The answer's body for a reply, placeholders known from `context` filled, the rest
    // listed. NotFound if the answer is gone.
    QFuture<Result<FilledText>> prepare(const QString& answerId, const ReplyContext& context);
    // prepare(), and a use counted (which ranks often-used answers higher). A UI that asks
    // for missing placeholders first counts the use once the answer is really inserted
    // (AnswerStore::countUse).
    QFuture<Result<FilledText>> use(const QString& answerId, const ReplyContext& context);
    // The values of the known placeholders.
    static QHash<QString, QString> knownValues(const ReplyContext& context);
    // Whether `placeholder` stands for the engineer's own name ({{me.name}}, {{agent.name}}).
    static bool isOwnNamePlaceholder(const QString& placeholder);

signals:
    void suggestionsChanged(const QString& peer, const QList<rapport::search::SearchHit>& answers);

private:
    void searchWaiting();
    void suggest(const QString& peer, const QString& text);

    store::Database& m_db;
    AnswerStore& m_answers;
    QHash<QString, QList<search::SearchHit>> m_byPeer;
    // A message waits SettleMs before its search, and one search per peer runs at a time:
    // only the newest waiting message of each peer is searched, so a flood of messages
    // costs a few searches, not one each (each is milliseconds of the store's thread).
    static constexpr int SettleMs = 150;
    // The wait restarts with every message, so a burst is searched once it pauses, but never
    // waits longer than this (a customer who keeps writing still gets suggestions).
    static constexpr int MaxSettleMs = 2000;
    QTimer m_settle;
    QElapsedTimer m_waitingSince;
    QSet<QString> m_searching;
    QHash<QString, QString> m_waiting;
};

}  // namespace rapport::library
