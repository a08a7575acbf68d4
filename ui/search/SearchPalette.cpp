#include "search/SearchPalette.h"

#include <QApplication>
#include <QKeyEvent>
#include <QLabel>
#include <QLineEdit>
#include <QListView>
#include <QVBoxLayout>

#include "models/SearchResultsModel.h"
#include "search/SearchResultDelegate.h"

namespace rapport::ui {

SearchPalette::SearchPalette(Account& account, QWidget* parent) : QDialog(parent) {
    setObjectName(QStringLiteral("searchPalette"));
    setWindowTitle(tr("Search"));
    m_model = new models::SearchResultsModel(account, this);
    m_query = new QLineEdit;
    m_query->setObjectName(QStringLiteral("searchQuery"));
    m_query->setAccessibleName(tr("Search chats, answers and tips"));
    m_query->setPlaceholderText(tr(
        "Search chats, answers and tips  (with:bob  tag:printer  after:2026-01-01  \"a phrase\")"));
    m_query->setClearButtonEnabled(true);
    m_query->installEventFilter(this);
    m_results = new QListView;
    m_results->setObjectName(QStringLiteral("searchResults"));
    m_results->setAccessibleName(tr("Results"));
    m_results->setModel(m_model);
    m_results->setItemDelegate(new SearchResultDelegate(m_results));
    m_results->setFocusPolicy(Qt::NoFocus);
    m_results->setVerticalScrollMode(QAbstractItemView::ScrollPerPixel);
    auto* hint = new QLabel(tr("↑↓ choose · Enter opens · Esc closes"));
    QFont small = hint->font();
    small.setPointSizeF(small.pointSizeF() * 0.9);
    hint->setFont(small);
    auto* layout = new QVBoxLayout(this);
    layout->addWidget(m_query);
    layout->addWidget(m_results, 1);
    layout->addWidget(hint);
    resize(640, 460);

    connect(m_query, &QLineEdit::textChanged, m_model, &models::SearchResultsModel::setQuery);
    connect(m_model, &models::SearchResultsModel::searched, this, [this] {
        if (m_model->rowCount() > 0) {
            m_results->setCurrentIndex(m_model->index(0));
        }
    });
    connect(m_results, &QListView::activated, this, &SearchPalette::activate);
    connect(m_results, &QListView::clicked, this, &SearchPalette::activate);
}

void SearchPalette::popup(const QString& text) {
    m_query->setText(text);
    if (QWidget* w = parentWidget()) {
        const QRect area = w->window()->geometry();
        move(area.center().x() - width() / 2, area.top() + area.height() / 6);
    }
    show();
    raise();
    activateWindow();
    m_query->setFocus();
}

bool SearchPalette::eventFilter(QObject* watched, QEvent* event) {
    if (watched == m_query && event->type() == QEvent::KeyPress) {
        const int key = static_cast<QKeyEvent*>(event)->key();
        const int row = m_results->currentIndex().row();
        if (key == Qt::Key_Down || key == Qt::Key_Up) {
            const int next = std::clamp(row + (key == Qt::Key_Down ? 1 : -1), 0,
                                        std::max(0, m_model->rowCount() - 1));
            m_results->setCurrentIndex(m_model->index(next));
            return true;
        }
        if (key == Qt::Key_Return || key == Qt::Key_Enter) {
            activate(m_results->currentIndex());
            return true;
        }
    }
    return QDialog::eventFilter(watched, event);
}

void SearchPalette::hideEvent(QHideEvent* event) {
    QDialog::hideEvent(event);
    if (QWidget* parent = parentWidget()) {
        QApplication::setActiveWindow(parent->window());
    }
}

void SearchPalette::activate(const QModelIndex& index) {
    if (!index.isValid()) {
        return;
    }
    using Model = models::SearchResultsModel;
    const QString kind = index.data(Model::KindRole).toString();
    const QString id = index.data(Model::IdRole).toString();
    hide();
    if (kind == u"message") {
        emit messageChosen(index.data(Model::ConversationRole).toString(), id.toLongLong());
    } else if (kind == u"answer") {
        emit answerChosen(id);
    } else {
        emit tipChosen(id);
    }
}

}  // namespace rapport::ui
