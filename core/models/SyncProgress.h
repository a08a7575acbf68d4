// What the account is catching up on, for the status bar: the chat history with counts
// ("Fetching history: 1,200 of 20,000"), then the team's library and tips (no counts: a busy
// indicator). Idle when nothing runs.
#pragma once

#include <QObject>

namespace rapport {
class Account;
}

namespace rapport::models {

class SyncProgress : public QObject {
    Q_OBJECT
public:
    explicit SyncProgress(Account& account, QObject* parent = nullptr);

    bool isActive() const { return m_history || m_library || m_tips; }
    QString text() const;
    int value() const { return m_fetched; }
    // 0 while the total is unknown (a busy indicator).
    int maximum() const { return m_history && m_total > 0 ? m_total : 0; }

signals:
    void changed();

private:
    void followTeamSync(Account& account);

    bool m_history = false;
    bool m_library = false;
    bool m_tips = false;
    int m_fetched = 0;
    int m_total = -1;
};

}  // namespace rapport::models
