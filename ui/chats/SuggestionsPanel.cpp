#include "chats/SuggestionsPanel.h"

#include <QAction>
#include <QLabel>
#include <QPushButton>
#include <QVBoxLayout>

#include "account/Account.h"
#include "chats/AnswerInsertion.h"
#include "common/SnippetText.h"
#include "library/ReplySuggestions.h"

namespace rapport::ui {

namespace {}  // namespace

SuggestionsPanel::SuggestionsPanel(Account& account, QWidget* parent)
    : QWidget(parent), m_account(account) {
    setObjectName(QStringLiteral("suggestions"));
    setAccessibleName(tr("Suggested answers"));
    auto* title = new QLabel(tr("Suggested answers"));
    QFont bold = title->font();
    bold.setBold(true);
    title->setFont(bold);
    m_empty = new QLabel(tr("No answer in the library fits the last message."));
    m_empty->setWordWrap(true);
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(8, 8, 8, 8);
    layout->addWidget(title);
    layout->addWidget(m_empty);
    for (int i = 0; i < library::ReplySuggestions::Count; ++i) {
        auto* button = new QPushButton;
        button->setObjectName(QStringLiteral("suggestion%1").arg(i + 1));
        button->setStyleSheet(QStringLiteral("text-align: left; padding: 6px;"));
        button->setSizePolicy(QSizePolicy::Expanding, QSizePolicy::Preferred);
        connect(button, &QPushButton::clicked, this, [this, i] { choose(i); });
        layout->addWidget(button);
        m_buttons << button;
        auto* shortcut = new QAction(this);
        shortcut->setShortcut(QKeySequence(Qt::ALT | Qt::Key(Qt::Key_1 + i)));
        shortcut->setShortcutContext(Qt::WindowShortcut);
        connect(shortcut, &QAction::triggered, this, [this, i] {
            if (isVisible()) {
                choose(i);
            }
        });
        addAction(shortcut);
    }
    layout->addStretch();
    setMinimumWidth(220);
    setMaximumWidth(320);
    connect(&account.suggestions(), &library::ReplySuggestions::suggestionsChanged, this,
            [this](const QString& peer, const QList<search::SearchHit>& hits) {
                if (peer == m_peer) {
                    setWaiting(false);  // they wrote
                    show(hits);
                }
            });
    show({});
}

void SuggestionsPanel::setConversation(const QString& peer, const QString& lastIncoming) {
    m_peer = peer;
    setWaiting(lastIncoming.isEmpty() && m_account.suggestions().suggestionsFor(peer).isEmpty());
    show(m_account.suggestions().suggestionsFor(peer));
    if (!lastIncoming.isEmpty()) {
        m_account.suggestions().messageReceived(peer, lastIncoming);
    }
}

void SuggestionsPanel::setWaiting(bool noMessageYet) {
    m_empty->setText(noMessageYet ? tr("Answers that fit appear here when they write.")
                                  : tr("No answer in the library fits the last message."));
}

void SuggestionsPanel::show(const QList<search::SearchHit>& hits) {
    m_hits = hits;
    m_empty->setVisible(hits.isEmpty());
    for (qsizetype i = 0; i < m_buttons.size(); ++i) {
        QPushButton* b = m_buttons[i];
        b->setVisible(i < hits.size());
        if (i < hits.size()) {
            const QString snippet = plainSnippet(search::withoutMatchMarks(hits[i].snippet));
            const QString line = b->fontMetrics().elidedText(snippet, Qt::ElideRight, 260);
            b->setText(QStringLiteral("%1. %2\n%3").arg(i + 1).arg(hits[i].title, line));
            b->setToolTip(tr("%1\n\nInsert with Alt+%2").arg(snippet).arg(i + 1));
            b->setAccessibleName(tr("Insert answer: %1").arg(hits[i].title));
        }
    }
}

void SuggestionsPanel::choose(int n) {
    if (n < 0 || n >= m_hits.size() || m_peer.isEmpty()) {
        return;
    }
    insertAnswer(m_account, m_hits[n].id, m_peer, this,
                 [this](const QString& text) { emit insertRequested(text); });
}

}  // namespace rapport::ui
