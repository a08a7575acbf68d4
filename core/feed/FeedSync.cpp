#include "feed/FeedSync.h"

#include "common/FutureUtils.h"
#include "common/Logging.h"
#include "library/TeamNodes.h"
#include "xmpp/ext/pubsub/NodeCatchUp.h"
#include "xmpp/ext/pubsub/PubSubExtension.h"

namespace rapport::feed {

using library::TeamMembership;
using library::TipsNode;

FeedSync::FeedSync(xmpp::PubSubExtension* pubsub, TipStore& tips, Jid service, QObject* parent)
    : TeamNodeSync(parent), m_pubsub(pubsub), m_tips(tips), m_service(std::move(service)) {
    connect(pubsub, &xmpp::PubSubExtension::eventReceived, this, &FeedSync::onEvent);
}

void FeedSync::start() {
    if (!m_pubsub || !beginCatchUp()) {
        return;
    }
    m_summary = {};
    m_summary.bytes = -m_pubsub->bytesReceived();  // the replies of this sync only
    onFinished(m_pubsub->subscribe(m_service, TipsNode), this, [this](const Result<void>& r) {
        if (!r.ok()) {
            if (!refused(r.error())) {
                fail(r.error());
            }
            return;
        }
        setMembership(TeamMembership::Member);
        onFinished(m_tips.heldItems(), this, [this](const Result<QHash<QString, QString>>& held) {
            if (!held.ok()) {
                fail(held.error());
                return;
            }
            catchUp(held.value());
        });
    });
}

void FeedSync::catchUp(const QHash<QString, QString>& held) {
    auto heldAsIs = [held](const xmpp::PubSubItem& item) {
        const auto found = held.constFind(item.id);
        if (found == held.cend()) {
            return false;
        }
        if (found->isEmpty()) {
            return true;  // a tip or comment: they never change
        }
        const auto parsed = TipPayload::fromItem(item);
        const auto* like = parsed.ok() ? std::get_if<TipLike>(&parsed.value()) : nullptr;
        return like && TipStore::likeKey(*like) == *found;
    };
    xmpp::NodeCatchUp::run(m_pubsub, m_service, TipsNode, held.isEmpty(), heldAsIs, this,
                           [this](const Result<xmpp::NodeChanges>& fetched) {
                               if (!fetched.ok()) {
                                   if (!refused(fetched.error())) {
                                       fail(fetched.error());
                                   }
                                   return;
                               }
                               const xmpp::NodeChanges& changes = fetched.value();
                               m_summary.itemsFetched = changes.itemsFetched;
                               m_summary.wholeNode = changes.wholeNode;
                               applyItems(changes.changed, [this, changes] {
                                   if (!changes.wholeNode) {
                                       sendNext();
                                       return;
                                   }
                                   onFinished(m_tips.keepOnly(changes.present), this,
                                              [this](const Result<int>& r) {
                                                  if (r.ok() && r.value() > 0) {
                                                      m_summary.removed += r.value();
                                                      emit tipsChanged();
                                                  }
                                                  sendNext();
                                              });
                               });
                           });
}

void FeedSync::applyItems(const QList<xmpp::PubSubItem>& items, std::function<void()> next) {
    QList<FeedItem> parsed;
    for (const xmpp::PubSubItem& item : items) {
        auto one = TipPayload::fromItem(item);
        if (!one.ok()) {
            qCWarning(lcXmpp) << one.error().message;
            continue;
        }
        parsed << one.value();
    }
    if (parsed.isEmpty()) {
        next();
        return;
    }
    onFinished(m_tips.applyRemote(parsed), this,
               [this, next = std::move(next)](const Result<int>& changed) {
                   if (!changed.ok()) {
                       fail(changed.error());
                       return;
                   }
                   m_summary.changed += changed.value();
                   if (changed.value() > 0) {
                       emit tipsChanged();
                   }
                   next();
               });
}

void FeedSync::flush() {
    if (beginFlush()) {
        sendNext();
    }
}

void FeedSync::sendNext() {
    onFinished(m_tips.pendingActions(), this, [this](const Result<QList<FeedAction>>& actions) {
        if (!actions.ok()) {
            fail(actions.error());
            return;
        }
        if (actions.value().isEmpty()) {
            finish();
            return;
        }
        const FeedAction action = actions.value().first();
        m_tips.noteAttempt(action.id);
        onFinished(m_pubsub->publish(m_service, TipsNode, action.itemId, action.payload), this,
                   [this, action](const Result<QString>& published) {
                       if (!published.ok()) {
                           if (!refused(published.error())) {
                               fail(published.error());
                           }
                           return;
                       }
                       ++m_summary.published;
                       onFinished(m_tips.markPublished(action), this,
                                  [this](const Result<void>& marked) {
                                      if (!marked.ok()) {
                                          fail(marked.error());
                                          return;
                                      }
                                      emit tipsChanged();
                                      sendNext();
                                  });
                   });
    });
}

void FeedSync::finish() {
    if (endRun()) {
        m_summary.bytes += m_pubsub ? m_pubsub->bytesReceived() : 0;
        emit synced(m_summary);
        emit catchUpEnded();
    }
}

void FeedSync::onEvent(const xmpp::PubSubEvent& event) {
    if (event.node != TipsNode || !(event.service.bare() == m_service.bare())) {
        return;
    }
    if (!event.retracted.isEmpty()) {
        onFinished(m_tips.applyRetracted(event.retracted), this, [this](const Result<int>& r) {
            if (r.ok() && r.value() > 0) {
                emit tipsChanged();
            }
        });
    }
    applyItems(event.items, [] {});
}

}  // namespace rapport::feed
