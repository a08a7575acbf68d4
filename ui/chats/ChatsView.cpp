#include "chats/ChatsView.h"

#include <QAction>
#include <QInputDialog>
#include <QListView>
#include <QMessageBox>
#include <QSplitter>
#include <QVBoxLayout>

#include "chats/ConversationDelegate.h"
#include "chats/ConversationPane.h"
#include "common/Jid.h"
#include "common/UniformListView.h"
#include "models/ConversationListModel.h"

namespace rapport::ui {

ChatsView::ChatsView(Account& account, models::ConversationListModel& conversations,
                     QWidget* parent)
    : QWidget(parent), m_conversations(conversations) {
    m_list = new UniformListView;
    m_list->setObjectName(QStringLiteral("conversations"));
    m_list->setAccessibleName(tr("Conversations"));
    m_list->setModel(&conversations);
    m_list->setItemDelegate(new ConversationDelegate(m_list));
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

    // Shortcuts of this section only (the library has its own Ctrl+N and Ctrl+F).
    auto* newAction = new QAction(tr("New conversation…"), this);
    newAction->setShortcut(QKeySequence::New);
    newAction->setShortcutContext(Qt::WidgetWithChildrenShortcut);
    connect(newAction, &QAction::triggered, this, &ChatsView::newConversation);
    auto* findAction = new QAction(tr("Find in conversation"), this);
    findAction->setShortcut(QKeySequence::Find);
    findAction->setShortcutContext(Qt::WidgetWithChildrenShortcut);
    connect(findAction, &QAction::triggered, this, [this] {
        if (!m_pane->peer().isEmpty()) {
            emit findInConversation(m_pane->peer());
        }
    });
    addActions({newAction, findAction});

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
        m_list->setCurrentIndex({});  // not in the list yet: nothing there is selected
        m_pane->setPeer(peer);        // no message yet: a new conversation
    }
}

void ChatsView::showMessage(const QString& peer, qint64 rowId) {
    openConversation(peer);
    m_pane->showMessage(rowId);
}

void ChatsView::newConversation() {
    bool ok = false;
    const QString text =
        QInputDialog::getText(this, tr("New conversation"), tr("Address (name@example.com):"),
                              QLineEdit::Normal, QString(), &ok)
            .trimmed();
    if (!ok || text.isEmpty()) {
        return;
    }
    if (!Jid::isValid(text) || Jid(text).local().isEmpty()) {
        QMessageBox::warning(this, tr("New conversation"),
                             tr("\"%1\" is not an address like name@example.com.").arg(text));
        return;
    }
    openConversation(Jid(text).bareString());
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
