#include "library/ReplySuggestions.h"

#include <QLocale>

#include "common/FutureUtils.h"
#include "library/AnswerStore.h"
#include "search/SearchService.h"
#include "store/Database.h"

namespace rapport::library {

ReplySuggestions::ReplySuggestions(store::Database& db, AnswerStore& answers, QObject* parent)
    : QObject(parent), m_db(db), m_answers(answers) {
    m_settle.setSingleShot(true);
    m_settle.setInterval(SettleMs);
    connect(&m_settle, &QTimer::timeout, this, &ReplySuggestions::searchWaiting);
}

void ReplySuggestions::messageReceived(const QString& peer, const QString& text) {
    m_waiting.insert(peer, text);  // replaces an older one still waiting
    if (!m_settle.isActive()) {
        m_waitingSince.start();
        m_settle.start();
    } else if (m_waitingSince.elapsed() + SettleMs < MaxSettleMs) {
        m_settle.start();  // still coming: wait for the pause
    }
}

void ReplySuggestions::searchWaiting() {
    for (auto it = m_waiting.begin(); it != m_waiting.end();) {
        if (m_searching.contains(it.key())) {
            ++it;  // searched when the current search ends
            continue;
        }
        suggest(it.key(), it.value());
        it = m_waiting.erase(it);
    }
}

void ReplySuggestions::suggest(const QString& peer, const QString& text) {
    m_searching.insert(peer);
    // A failure (logged by the search) just means no suggestions this time.
    auto future = m_db.run([text](QSqlDatabase& db) {
        return search::SearchService::suggestAnswers(db, text, Count);
    });
    onFinished(future, this, [this, peer](const QList<search::SearchHit>& hits) {
        m_searching.remove(peer);
        if (m_waiting.contains(peer)) {
            // A newer message came meanwhile: its answers count, not these.
            if (!m_settle.isActive()) {
                m_waitingSince.start();
                m_settle.start();
            }
            return;
        }
        m_byPeer.insert(peer, hits);
        emit suggestionsChanged(peer, hits);
    });
}

namespace {
const QStringList& ownNamePlaceholders() {
    static const QStringList names{QStringLiteral("me.name"), QStringLiteral("agent.name")};
    return names;
}
}  // namespace

bool ReplySuggestions::isOwnNamePlaceholder(const QString& placeholder) {
    return ownNamePlaceholders().contains(placeholder);
}

QHash<QString, QString> ReplySuggestions::knownValues(const ReplyContext& context) {
    QHash<QString, QString> values;
    if (!context.contactName.isEmpty()) {
        values.insert(QStringLiteral("customer.name"), context.contactName);
        values.insert(QStringLiteral("contact.name"), context.contactName);
    }
    if (!context.ownName.isEmpty()) {
        for (const QString& placeholder : ownNamePlaceholders()) {
            values.insert(placeholder, context.ownName);
        }
    }
    if (context.today.isValid()) {
        values.insert(QStringLiteral("date"),
                      QLocale().toString(context.today, QLocale::LongFormat));
    }
    return values;
}

QFuture<Result<FilledText>> ReplySuggestions::prepare(const QString& answerId,
                                                      const ReplyContext& context) {
    const QHash<QString, QString> values = knownValues(context);
    return m_answers.get(answerId).then(
        [values](const Result<Answer>& answer) -> Result<FilledText> {
            if (!answer.ok()) {
                return answer.error();
            }
            return Placeholders::fill(answer.value().body, values);
        });
}

QFuture<Result<FilledText>> ReplySuggestions::use(const QString& answerId,
                                                  const ReplyContext& context) {
    // The store runs its work in order: the answer is read after its use is counted.
    m_answers.countUse(answerId);
    return prepare(answerId, context);
}

}  // namespace rapport::library
