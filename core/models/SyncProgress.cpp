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
    connect(&account.library(), &library::TeamNodeSync::catchUpStarted, this, [this] {
        m_library = true;
        emit changed();
    });
    connect(&account.library(), &library::TeamNodeSync::catchUpEnded, this, [this] {
        m_library = false;
        emit changed();
    });
    connect(&account.feed(), &library::TeamNodeSync::catchUpStarted, this, [this] {
        m_tips = true;
        emit changed();
    });
    connect(&account.feed(), &library::TeamNodeSync::catchUpEnded, this, [this] {
        m_tips = false;
        emit changed();
    });
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
