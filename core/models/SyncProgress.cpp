#include "models/SyncProgress.h"

#include <QLocale>

#include "account/Account.h"
#include "feed/FeedSync.h"
#include "library/LibrarySync.h"
#include "sync/HistoryCatchUp.h"

namespace rapport::models {

SyncProgress::SyncProgress(Account& account, QObject* parent) : QObject(parent) {
    sync::HistoryCatchUp& history = account.historyCatchUp();
    connect(&history, &sync::HistoryCatchUp::progress, this, [this](int fetched, int total) {
        m_history = true;
        m_fetched = fetched;
        m_total = total;
        emit changed();
    });
    auto historyDone = [this] {
        m_history = false;
        emit changed();
    };
    connect(&history, &sync::HistoryCatchUp::finished, this, historyDone);
    connect(&history, &sync::HistoryCatchUp::failed, this, historyDone);
    followTeamSync(account);
    // Another team service: the old syncs are gone, with whatever they were doing.
    connect(&account, &Account::teamServiceChanged, this, [this, &account] {
        m_library = false;
        m_tips = false;
        followTeamSync(account);
        emit changed();
    });
}

void SyncProgress::followTeamSync(Account& account) {
    const auto follow = [this](library::TeamNodeSync& sync, bool SyncProgress::*running) {
        connect(&sync, &library::TeamNodeSync::catchUpStarted, this, [this, running] {
            this->*running = true;
            emit changed();
        });
        connect(&sync, &library::TeamNodeSync::catchUpEnded, this, [this, running] {
            this->*running = false;
            emit changed();
        });
    };
    follow(account.library(), &SyncProgress::m_library);
    follow(account.feed(), &SyncProgress::m_tips);
}

QString SyncProgress::text() const {
    if (m_history) {
        const QLocale locale;
        return m_total > 0 ? tr("Fetching history: %1 of %2")
                                 .arg(locale.toString(m_fetched), locale.toString(m_total))
                           : tr("Fetching history: %1").arg(locale.toString(m_fetched));
    }
    if (m_library) {
        return tr("Updating the answer library…");
    }
    if (m_tips) {
        return tr("Updating the tips feed…");
    }
    return {};
}

}  // namespace rapport::models
