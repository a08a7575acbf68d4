// What was typed and not sent, per conversation: switching to another conversation keeps
// the reply for when the engineer comes back (and never carries it into the other one),
// and it survives a restart or a crash. Kept in the profile's settings, one entry per
// account and peer.
#pragma once

#include <QString>

namespace rapport::ui {

class Drafts {
public:
    explicit Drafts(QString accountJid) : m_account(std::move(accountJid)) {}

    QString draft(const QString& peer) const;
    // Empty (or only spaces) forgets it.
    void setDraft(const QString& peer, const QString& text);

private:
    QString key(const QString& peer) const;

    QString m_account;
};

}  // namespace rapport::ui
