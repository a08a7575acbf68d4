// The Chats section: the conversation list on the left, the open conversation on the right.
#pragma once

#include <QWidget>

class QListView;

namespace rapport {
class Account;
}
namespace rapport::models {
class ConversationListModel;
}

namespace rapport::ui {

class ConversationPane;

class ChatsView : public QWidget {
    Q_OBJECT
public:
    ChatsView(Account& account, models::ConversationListModel& conversations,
              QWidget* parent = nullptr);

    void openConversation(const QString& peer);
    // Opens the conversation and shows the stored message `rowId` (a search result).
    void showMessage(const QString& peer, qint64 rowId);
    // Alt+Up / Alt+Down.
    void openNeighbour(int step);

    // Ctrl+N: asks for an address and opens the conversation with it.
    void newConversation();

    QListView* conversationList() const { return m_list; }
    ConversationPane* pane() const { return m_pane; }

signals:
    // Ctrl+F in a conversation: search its messages (the window's search, narrowed to it).
    void findInConversation(const QString& peer);

private:
    models::ConversationListModel& m_conversations;
    QListView* m_list;
    ConversationPane* m_pane;
};

}  // namespace rapport::ui
