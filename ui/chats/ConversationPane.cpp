#include "chats/ConversationPane.h"

#include <QDesktopServices>
#include <QLabel>
#include <QListView>
#include <QMouseEvent>
#include <QScrollBar>
#include <QVBoxLayout>

#include "account/Account.h"
#include "account/ContactDirectory.h"
#include "chats/Composer.h"
#include "chats/MessageDelegate.h"
#include "models/MessageListModel.h"

namespace rapport::ui {

ConversationPane::ConversationPane(Account& account, QWidget* parent)
    : QWidget(parent), m_account(account) {
    m_title = new QLabel;
    QFont titleFont = m_title->font();
    titleFont.setPointSizeF(titleFont.pointSizeF() * 1.2);
    titleFont.setBold(true);
    m_title->setFont(titleFont);
    m_subtitle = new QLabel;
    m_subtitle->setAccessibleName(tr("Contact status"));

    m_view = new QListView;
    m_view->setObjectName(QStringLiteral("messages"));
    m_view->setAccessibleName(tr("Messages"));
    m_view->setVerticalScrollMode(QAbstractItemView::ScrollPerPixel);
    m_view->setSelectionMode(QAbstractItemView::NoSelection);
    m_view->setFrameShape(QFrame::NoFrame);
    m_view->setUniformItemSizes(false);
    m_view->setResizeMode(QListView::Adjust);
    m_view->setMouseTracking(true);
    m_view->viewport()->installEventFilter(this);
    m_delegate = new MessageDelegate(m_view);
    m_view->setItemDelegate(m_delegate);

    m_composer = new Composer;
    connect(m_composer, &Composer::sendRequested, this, &ConversationPane::send);
    connect(m_composer, &Composer::typingChanged, this, [this](bool typing) {
        if (!m_peer.isEmpty()) {
            m_account.setComposing(m_peer, typing);
        }
    });

    auto* header = new QVBoxLayout;
    header->setContentsMargins(12, 8, 12, 4);
    header->setSpacing(0);
    header->addWidget(m_title);
    header->addWidget(m_subtitle);
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(0);
    layout->addLayout(header);
    layout->addWidget(m_view, 1);
    auto* composerBox = new QVBoxLayout;
    composerBox->setContentsMargins(8, 4, 8, 8);
    composerBox->addWidget(m_composer);
    layout->addLayout(composerBox);

    // Older messages when the user reaches the top.
    connect(m_view->verticalScrollBar(), &QScrollBar::valueChanged, this, [this](int value) {
        if (m_model && value == m_view->verticalScrollBar()->minimum() &&
            m_model->canFetchMore({})) {
            m_distanceFromBottom = m_view->verticalScrollBar()->maximum() - value;
            m_model->fetchMore({});
        }
    });
    connect(&account, &Account::peerTypingChanged, this, [this](const QString& peer, bool typing) {
        if (peer == m_peer) {
            m_peerTyping = typing;
            updateHeader();
        }
    });
    connect(&account.contacts(), &ContactDirectory::contactChanged, this,
            [this](const QString& jid) {
                if (jid.isEmpty() || jid == m_peer) {
                    updateHeader();
                }
            });
    setPeer({});
}

ConversationPane::~ConversationPane() = default;

void ConversationPane::setPeer(const QString& peer) {
    if (peer == m_peer && m_model) {
        return;
    }
    m_peer = peer;
    m_peerTyping = false;
    m_view->setModel(nullptr);
    m_model.reset();
    m_composer->setEnabled(!peer.isEmpty());
    updateHeader();
    if (peer.isEmpty()) {
        return;
    }
    m_model = std::make_unique<models::MessageListModel>(m_account, peer);
    m_view->setModel(m_model.get());
    connect(m_model.get(), &models::MessageListModel::newestLoaded, this,
            [this] { m_view->scrollToBottom(); });
    connect(m_model.get(), &models::MessageListModel::rowsAboutToBeInserted, this,
            [this](const QModelIndex&, int first) {
                if (first > 0) {
                    m_distanceFromBottom = atBottom() ? 0 : -1;
                }
            });
    connect(m_model.get(), &models::MessageListModel::messagesAppended, this, [this] {
        if (m_distanceFromBottom == 0) {
            m_view->scrollToBottom();
        }
        if (isVisible() && window()->isActiveWindow()) {
            m_account.markRead(m_peer);
        }
    });
    connect(m_model.get(), &models::MessageListModel::olderLoaded, this, [this] {
        // Keep the message the user was looking at where it was.
        QScrollBar* bar = m_view->verticalScrollBar();
        bar->setValue(bar->maximum() - m_distanceFromBottom);
    });
    m_account.markRead(peer);
    m_composer->setFocus();
}

bool ConversationPane::atBottom() const {
    const QScrollBar* bar = m_view->verticalScrollBar();
    return bar->value() >= bar->maximum() - 4;
}

void ConversationPane::updateHeader() {
    if (m_peer.isEmpty()) {
        m_title->setText(tr("No conversation open"));
        m_subtitle->setText(tr("Pick one on the left, or wait for a customer to write."));
        return;
    }
    const ContactDirectory& contacts = m_account.contacts();
    m_title->setText(contacts.name(m_peer));
    if (m_peerTyping) {
        m_subtitle->setText(tr("typing…"));
        return;
    }
    const QString presence = contacts.presence(m_peer);
    if (presence == u"unknown") {
        m_subtitle->setText(m_peer);
        return;
    }
    const QString state = presence == u"available" ? tr("available")
                          : presence == u"away"    ? tr("away")
                          : presence == u"dnd"     ? tr("do not disturb")
                                                   : tr("offline");
    m_subtitle->setText(QStringLiteral("%1 · %2").arg(m_peer, state));
}

void ConversationPane::send(const QString& text) {
    if (m_peer.isEmpty()) {
        return;
    }
    m_distanceFromBottom = 0;  // our own message: show it
    m_account.setComposing(m_peer, false);
    m_account.sendMessage(Jid(m_peer), text);
}

bool ConversationPane::eventFilter(QObject* watched, QEvent* event) {
    if (watched == m_view->viewport() && event->type() == QEvent::MouseButtonRelease) {
        auto* mouse = static_cast<QMouseEvent*>(event);
        const QModelIndex index = m_view->indexAt(mouse->position().toPoint());
        if (index.isValid()) {
            QStyleOptionViewItem option;
            option.initFrom(m_view);
            option.rect = m_view->visualRect(index);
            const QString anchor = m_delegate->anchorAt(option, index, mouse->position().toPoint());
            const QUrl url(anchor);
            if (!anchor.isEmpty() && (url.scheme() == u"https" || url.scheme() == u"http" ||
                                      url.scheme() == u"mailto")) {
                QDesktopServices::openUrl(url);
                return true;
            }
        }
    }
    return QWidget::eventFilter(watched, event);
}

}  // namespace rapport::ui
