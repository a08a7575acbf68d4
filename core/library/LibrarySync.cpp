#include "library/LibrarySync.h"

#include "common/FutureUtils.h"
#include "common/Logging.h"
#include "library/AnswerPayload.h"
#include "xmpp/ext/pubsub/NodeCatchUp.h"
#include "xmpp/ext/pubsub/PubSubExtension.h"

namespace rapport::library {

namespace {

// How often the item ids are compared, to find answers removed while we were away.
constexpr qint64 kFullCheckSeconds = 24 * 3600;

}  // namespace

LibrarySync::LibrarySync(xmpp::PubSubExtension* pubsub, AnswerStore& answers, Jid service,
                         QObject* parent)
    : TeamNodeSync(parent), m_pubsub(pubsub), m_answers(answers), m_service(std::move(service)) {
    connect(pubsub, &xmpp::PubSubExtension::eventReceived, this, &LibrarySync::onEvent);
}

void LibrarySync::start() {
    if (!m_pubsub || !beginCatchUp()) {
        return;
    }
    m_summary = {};
    const qint64 bytesBefore = m_pubsub->bytesReceived();
    m_summary.bytes = -bytesBefore;  // the replies of this sync only
    // Subscribing (again) is how we learn whether we are a member, and keeps events coming.
    onFinished(m_pubsub->subscribe(m_service, AnswersNode), this, [this](const Result<void>& r) {
        if (!r.ok()) {
            if (!refused(r.error())) {
                fail(r.error());
            }
            return;
        }
        setMembership(TeamMembership::Member);
        // What we had before this session: anything known at its version is older than every
        // change made while we were away.
        onFinished(m_answers.publishedVersions(), this,
                   [this](const Result<QHash<QString, int>>& known) {
                       if (!known.ok()) {
                           fail(known.error());
                           return;
                       }
                       catchUp(known.value());
                   });
    });
}

void LibrarySync::catchUp(const QHash<QString, int>& known) {
    // Anything we hold at the version the node has is older than every change made while we
    // were away. Only items we hold are parsed: on a first sync, none of them.
    auto heldAsIs = [known](const xmpp::PubSubItem& item) {
        if (!known.contains(item.id)) {
            return false;
        }
        const auto parsed = AnswerPayload::fromElement(item.id, item.payload);
        return parsed.ok() && known.value(item.id) == parsed.value().version;
    };
    xmpp::NodeCatchUp::run(
        m_pubsub, m_service, AnswersNode, known.isEmpty(), heldAsIs, this,
        [this, known](const Result<xmpp::NodeChanges>& fetched) {
            if (!fetched.ok()) {
                if (refused(fetched.error())) {
                    return;
                }
                fail(fetched.error());
                return;
            }
            const xmpp::NodeChanges& changes = fetched.value();
            m_summary.itemsFetched += changes.itemsFetched;
            m_summary.wholeNode = changes.wholeNode;
            applyItems(changes.changed, [this, known, changes] {
                if (changes.wholeNode) {
                    // Everything the node holds is in hand: what we have besides went away.
                    removeMissing(known, changes.present);
                    sendNext();
                    return;
                }
                if (m_lastFullCheck.isNull() ||
                    m_lastFullCheck.secsTo(QDateTime::currentDateTimeUtc()) > kFullCheckSeconds) {
                    checkRemoved(known);
                    return;
                }
                sendNext();
            });
        });
}

void LibrarySync::checkRemoved(const QHash<QString, int>& known) {
    onFinished(m_pubsub->itemIds(m_service, AnswersNode), this,
               [this, known](const Result<QStringList>& ids) {
                   if (!ids.ok()) {
                       fail(ids.error());
                       return;
                   }
                   removeMissing(known, QSet<QString>(ids.value().cbegin(), ids.value().cend()));
                   m_summary.idsChecked = true;
                   sendNext();
               });
}

void LibrarySync::removeMissing(const QHash<QString, int>& known, const QSet<QString>& present) {
    for (auto it = known.cbegin(); it != known.cend(); ++it) {
        if (!present.contains(it.key())) {
            m_answers.applyRetract(it.key());
            ++m_summary.removed;
        }
    }
    m_lastFullCheck = QDateTime::currentDateTimeUtc();
}

void LibrarySync::applyItems(const QList<xmpp::PubSubItem>& items, std::function<void()> next) {
    // In publish order: a tombstone and the answer published again after it keep their order.
    // Runs of answers go to the store in one transaction each.
    QList<Answer> run;
    bool any = false;
    auto flushRun = [&] {
        if (run.isEmpty()) {
            return;
        }
        onFinished(m_answers.applyRemote(std::exchange(run, {})), this,
                   [this](const Result<int>& changed) {
                       if (changed.ok()) {
                           m_summary.changed += changed.value();
                       }
                   });
        any = true;
    };
    for (const xmpp::PubSubItem& item : items) {
        if (const QString deleted = AnswerPayload::deletedAnswer(item.id, item.payload);
            !deleted.isEmpty()) {
            flushRun();
            onFinished(m_answers.applyRetract(deleted), this, [this](const Result<bool>& removed) {
                if (removed.ok() && removed.value()) {
                    ++m_summary.removed;
                }
            });
            any = true;
            continue;
        }
        const auto parsed = AnswerPayload::fromElement(item.id, item.payload);
        if (!parsed.ok()) {
            qCWarning(lcXmpp) << parsed.error().message;
            continue;
        }
        run.append(parsed.value());
    }
    flushRun();
    if (!any) {
        next();
        return;
    }
    // The store runs its work in order: once this (empty) batch is done, all of it is.
    onFinished(m_answers.applyRemote(QList<Answer>{}), this,
               [this, next = std::move(next)](const Result<int>&) {
                   emit answersChanged();
                   next();
               });
}

void LibrarySync::flush() {
    if (beginFlush()) {
        sendNext();
    }
}

void LibrarySync::sendNext() {
    onFinished(m_answers.pendingActions(), this,
               [this](const Result<QList<LibraryAction>>& actions) {
                   if (!actions.ok()) {
                       fail(actions.error());
                       return;
                   }
                   if (actions.value().isEmpty()) {
                       finish();
                       return;
                   }
                   const LibraryAction action = actions.value().first();
                   m_answers.noteAttempt(action.id);
                   if (action.kind == LibraryAction::Kind::Retract) {
                       retract(action.itemId);
                       return;
                   }
                   publish(action);
               });
}

void LibrarySync::retract(const QString& id) {
    onFinished(
        m_pubsub->retract(m_service, AnswersNode, id), this, [this, id](const Result<void>& r) {
            // Already gone is as good as retracted.
            if (!r.ok() && r.error().condition != u"item-not-found") {
                fail(r.error());
                return;
            }
            const QString by = m_pubsub->ownBareJid();
            onFinished(
                m_pubsub->publish(m_service, AnswersNode, AnswerPayload::tombstoneId(id),
                                  AnswerPayload::tombstone(by, QDateTime::currentDateTimeUtc())),
                this, [this, id](const Result<QString>& tomb) {
                    if (!tomb.ok()) {
                        fail(tomb.error());
                        return;
                    }
                    onFinished(m_answers.markRetracted(id), this,
                               [this](const Result<void>&) { sendNext(); });
                });
        });
}

void LibrarySync::publish(const LibraryAction& action) {
    // The server's copy first: has anyone published since this edit began?
    onFinished(
        m_pubsub->itemsById(m_service, AnswersNode, {action.itemId}), this,
        [this, action](const Result<QList<xmpp::PubSubItem>>& current) {
            if (!current.ok() && current.error().condition != u"item-not-found") {
                fail(current.error());
                return;
            }
            std::optional<Answer> theirs;
            if (current.ok() && !current.value().isEmpty()) {
                const auto parsed =
                    AnswerPayload::fromElement(action.itemId, current.value().first().payload);
                if (parsed.ok()) {
                    theirs = parsed.value();
                } else {
                    qCWarning(lcXmpp) << parsed.error().message << "(overwritten by ours)";
                }
            }
            Answer mine = action.answer;
            if (theirs && theirs->version > action.baseVersion) {
                // A concurrent edit: the later text wins, the other is kept as a copy.
                ++m_summary.conflicts;
                const bool mineWins = mine.updated > theirs->updated;
                Answer winner = mineWins ? mine : *theirs;
                if (mineWins) {
                    winner.version = theirs->version + 1;
                }
                onFinished(m_answers.keepConflict(winner, mineWins, theirs->version,
                                                  mineWins ? *theirs : mine),
                           this, [this](const Result<Answer>& copy) {
                               if (!copy.ok()) {
                                   fail(copy.error());
                                   return;
                               }
                               emit answersChanged();
                               sendNext();  // the winner, if ours, is queued again
                           });
                return;
            }
            mine.version = action.baseVersion + 1;
            onFinished(
                m_pubsub->publish(m_service, AnswersNode, mine.id, AnswerPayload::toElement(mine)),
                this, [this, mine](const Result<QString>& published) {
                    if (!published.ok()) {
                        if (!refused(published.error())) {
                            fail(published.error());
                        }
                        return;
                    }
                    ++m_summary.published;
                    onFinished(m_answers.markPublished(mine), this, [this](const Result<void>&) {
                        emit answersChanged();
                        sendNext();
                    });
                });
        });
}

void LibrarySync::finish() {
    if (endRun()) {
        m_summary.bytes += m_pubsub ? m_pubsub->bytesReceived() : 0;
        emit synced(m_summary);
        emit catchUpEnded();
    }
}

void LibrarySync::onEvent(const xmpp::PubSubEvent& event) {
    if (event.node != AnswersNode || !(event.service.bare() == m_service.bare())) {
        return;
    }
    for (const QString& id : event.retracted) {
        onFinished(m_answers.applyRetract(id), this, [this](const Result<bool>& removed) {
            if (removed.ok() && removed.value()) {
                emit answersChanged();
            }
        });
    }
    applyItems(event.items, [] {});
}

}  // namespace rapport::library
