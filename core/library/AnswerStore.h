// The answer library in the local store: every answer of the team (the source of truth for
// the UI and for search), changes made here kept and queued until they are published, and
// texts that lost a concurrent edit kept as conflict copies. Publishing is LibrarySync's job;
// this class only says what is to be sent and records what was.
#pragma once

#include <QFuture>
#include <QHash>
#include <QList>
#include <optional>

#include "common/Result.h"
#include "library/Answer.h"

namespace rapport::store {
class Database;
}

namespace rapport::library {

// A change to an answer; unset fields stay as they are.
struct AnswerEdit {
    std::optional<QString> title = std::nullopt;
    std::optional<QString> body = std::nullopt;
    std::optional<QStringList> tags = std::nullopt;
};

// What importAnswers() did with a list of rows.
struct ImportOutcome {
    int created = 0;
    int updated = 0;
    int skipped = 0;  // the same title, text and tags as the answer they matched
    struct Refusal {
        int row = 0;  // index in the list given
        QString reason;
    };
    QList<Refusal> refused;  // rows that break a payload rule, left out
    QStringList ids;         // the answers the other rows created, updated or matched
};

// One item to send to the team's service.
struct LibraryAction {
    enum class Kind { Publish, Retract };
    qint64 id = 0;
    Kind kind = Kind::Publish;
    QString itemId;
    int attempts = 0;
    // For Publish: the answer as it is now, and the version its edit started from (0: never
    // published).
    Answer answer;
    int baseVersion = 0;
};

class AnswerStore {
public:
    explicit AnswerStore(store::Database& db) : m_db(db) {}

    // --- changes made here: stored and queued in one transaction

    // A new answer (state Pending, version 1). A new UUID unless draft.id is set; created
    // and updated are now unless set. Refused (Usage) if it breaks a payload rule.
    QFuture<Result<Answer>> create(Answer draft);
    // By `author` (bare JID), now. NotFound if there is no such answer.
    QFuture<Result<Answer>> edit(QString id, AnswerEdit change, QString author);
    // The answer and its conflict copies go; a retraction is queued if it was ever published.
    QFuture<Result<void>> remove(QString id);
    // A conflict copy (state Conflict) goes; nothing is sent.
    QFuture<Result<void>> discardConflict(QString copyId);
    QFuture<Result<void>> countUse(QString id);
    // Rows from an import file (title, body, tags; id and created when the file has them),
    // in one transaction. A row matches an answer by id, else by title (trimmed, any case)
    // among the answers that are not conflict copies; an identical one is skipped, another
    // is edited as edit() does, and a row that matches nothing is created as create() does
    // (with its id if that is a UUID not in use). A later row with the title of an earlier
    // one updates it. Rows that break a payload rule are refused and the rest still applied.
    QFuture<Result<ImportOutcome>> importAnswers(QList<Answer> rows, QString author);

    // --- reading

    QFuture<Result<Answer>> get(QString id);  // NotFound if none
    // Answers and conflict copies, the most recently updated first.
    QFuture<Result<QList<Answer>>> list();
    // id -> version of every answer the server has given us (not pending, not conflict).
    QFuture<Result<QHash<QString, int>>> publishedVersions();

    // --- from the server

    // An item published by anyone. Replaces the local copy when it is newer (a higher
    // version, or the same version with another text); a local pending edit is left alone,
    // publishing it will settle the conflict. Resolves with whether anything changed.
    QFuture<Result<bool>> applyRemote(Answer remote);
    // The same for many items, in one transaction (a first sync: thousands); resolves with
    // how many changed the local copy.
    QFuture<Result<int>> applyRemote(QList<Answer> remote);
    // A retracted item: the local copy goes, unless it has a pending edit (which will publish
    // it again).
    QFuture<Result<bool>> applyRetract(QString id);

    // --- the queue

    QFuture<Result<QList<LibraryAction>>> pendingActions();  // oldest first
    QFuture<Result<int>> noteAttempt(qint64 actionId);
    // The server has `published` (the answer's text at `version`): the row becomes Published
    // and the queued action goes, unless the row was edited again meanwhile.
    QFuture<Result<void>> markPublished(Answer published);
    QFuture<Result<void>> markRetracted(QString id);
    // A concurrent edit: `winner` becomes the answer (Published, or Pending with a new base
    // when it still has to be sent) and `loser`'s text is kept as a conflict copy beside it.
    // Resolves with the copy.
    QFuture<Result<Answer>> keepConflict(Answer winner, bool winnerPending, int winnerBase,
                                         Answer loser);

private:
    store::Database& m_db;
};

}  // namespace rapport::library
