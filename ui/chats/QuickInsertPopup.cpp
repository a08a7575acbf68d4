#include "chats/QuickInsertPopup.h"

#include <QKeyEvent>
#include <QLabel>
#include <QListWidget>
#include <QVBoxLayout>

#include "account/Account.h"
#include "common/FutureUtils.h"
#include "search/SearchService.h"
#include "store/Database.h"

namespace rapport::ui {

namespace {

constexpr int kResults = 8;

// "pass" -> "pass*": the last word is still being typed.
QString asYouType(const QString& query) {
    QString q = query.trimmed();
    if (q.isEmpty()) {
        return q;
    }
    const QString last = q.section(u' ', -1);
    if (last.size() >= 2 && last.back().isLetterOrNumber() && !last.contains(u':')) {
        q += u'*';
    }
    return q + QStringLiteral(" kind:answer");
}

}  // namespace

QuickInsertPopup::QuickInsertPopup(Account& account, QWidget* parent)
    : QFrame(parent), m_account(account) {
    setObjectName(QStringLiteral("quickInsert"));
    setAccessibleName(tr("Insert an answer"));
    setFrameShape(QFrame::StyledPanel);
    setAutoFillBackground(true);
    m_list = new QListWidget;
    m_list->setFocusPolicy(Qt::NoFocus);
    m_list->setAccessibleName(tr("Answers"));
    m_hint = new QLabel(tr("Type to search the library · ↑↓ choose · Enter inserts · Esc closes"));
    QFont small = m_hint->font();
    small.setPointSizeF(small.pointSizeF() * 0.9);
    m_hint->setFont(small);
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(4, 4, 4, 4);
    layout->addWidget(m_list);
    layout->addWidget(m_hint);
    connect(m_list, &QListWidget::itemActivated, this, [this](QListWidgetItem* item) {
        const int row = m_list->row(item);
        if (row >= 0 && row < m_hits.size()) {
            emit chosen(m_hits[row].id);
        }
    });
    hide();
}

void QuickInsertPopup::search(const QString& query) {
    show();
    raise();
    const QString text = asYouType(query);
    const quint64 request = ++m_request;
    auto future = m_account.database().run([text](QSqlDatabase& db) {
        // Nothing typed yet: everything (kind:answer alone lists the newest answers).
        return search::SearchService::search(
            db, text.isEmpty() ? QStringLiteral("kind:answer") : text, kResults);
    });
    onFinished(future, this, [this, request](const QList<search::SearchHit>& hits) {
        if (request != m_request) {
            return;  // typed on since
        }
        m_hits = hits;
        m_list->clear();
        for (const search::SearchHit& h : hits) {
            auto* item = new QListWidgetItem(h.title + QStringLiteral("  —  ") +
                                             search::withoutMatchMarks(h.snippet));
            item->setToolTip(search::withoutMatchMarks(h.snippet));
            m_list->addItem(item);
        }
        if (!hits.isEmpty()) {
            m_list->setCurrentRow(0);
        }
        m_hint->setText(hits.isEmpty() ? tr("No answer matches. Esc closes.")
                                       : tr("↑↓ choose · Enter inserts · Esc closes"));
    });
}

bool QuickInsertPopup::handleKey(int key) {
    if (!isVisible()) {
        return false;
    }
    switch (key) {
        case Qt::Key_Up:
            m_list->setCurrentRow(std::max(0, m_list->currentRow() - 1));
            return true;
        case Qt::Key_Down:
            m_list->setCurrentRow(std::min(m_list->count() - 1, m_list->currentRow() + 1));
            return true;
        case Qt::Key_Return:
        case Qt::Key_Enter:
            if (const int row = m_list->currentRow(); row >= 0 && row < m_hits.size()) {
                emit chosen(m_hits[row].id);
            }
            return true;
        case Qt::Key_Escape:
            hide();
            emit closed();
            return true;
        default:
            return false;
    }
}

}  // namespace rapport::ui
