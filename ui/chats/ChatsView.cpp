#include "chats/ChatsView.h"

#include <QListView>
#include <QSplitter>
#include <QVBoxLayout>

#include "chats/ConversationDelegate.h"
#include "chats/ConversationPane.h"
#include "models/ConversationListModel.h"

namespace rapport::ui {

ChatsView::ChatsView(Account& account, models::ConversationListModel& conversations,
                     QWidget* parent)
    : QWidget(parent), m_conversations(conversations) {
    m_list = new QListView;
    m_list->setObjectName(QStringLiteral("conversations"));
    m_list->setAccessibleName(tr("Conversations"));
    m_list->setModel(&conversations);
    m_list->setItemDelegate(new ConversationDelegate(m_list));
    m_list->setUniformItemSizes(true);
    m_list->setSelectionMode(QAbstractItemView::SingleSelection);
    m_list->setMinimumWidth(220);
    m_pane = new ConversationPane(account);

    auto* splitter = new QSplitter;
    splitter->addWidget(m_list);
    splitter->addWidget(m_pane);
    splitter->setStretchFactor(1, 1);
    splitter->setSizes({300, 700});
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(splitter);

    connect(
        m_list->selectionModel(), &QItemSelectionModel::currentChanged, this,
        [this](const QModelIndex& current) {
            if (current.isValid()) {
                m_pane->setPeer(current.data(models::ConversationListModel::PeerRole).toString());
            }
        });
}

void ChatsView::openConversation(const QString& peer) {
    const int row = m_conversations.rowOf(peer);
    if (row >= 0) {
        m_list->setCurrentIndex(m_conversations.index(row));
    } else {
        m_pane->setPeer(peer);  // no message yet: a new conversation
    }
}

void ChatsView::showMessage(const QString& peer, qint64 rowId) {
    openConversation(peer);
    m_pane->showMessage(rowId);
}

void ChatsView::openNeighbour(int step) {
    const int rows = m_conversations.rowCount();
    if (rows == 0) {
        return;
    }
    const int current = m_list->currentIndex().isValid() ? m_list->currentIndex().row() : -1;
    const int next = std::clamp(current + step, 0, rows - 1);
    m_list->setCurrentIndex(m_conversations.index(next));
}

}  // namespace rapport::ui
