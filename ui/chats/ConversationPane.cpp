#include "chats/ConversationPane.h"

#include <QDesktopServices>
#include <QHBoxLayout>
#include <QInputDialog>
#include <QLabel>
#include <QListView>
#include <QMenu>
#include <QMessageBox>
#include <QMouseEvent>
#include <QScrollBar>
#include <QTimer>
#include <QVBoxLayout>

#include "account/Account.h"
#include "account/ContactDirectory.h"
#include "chats/AnswerInsertion.h"
#include "chats/Composer.h"
#include "chats/MessageDelegate.h"
#include "chats/QuickInsertPopup.h"
#include "chats/SuggestionsPanel.h"
#include "common/FutureUtils.h"
#include "library/AnswerStore.h"
#include "library/LibrarySync.h"
#include "library/ReplyToAnswer.h"
#include "models/ConversationListModel.h"
#include "models/MessageListModel.h"

namespace rapport::ui {

namespace {
// How long after the last key the reply being typed is saved as the conversation's draft.
constexpr int kDraftSaveMs = 1500;
}  // namespace

ConversationPane::ConversationPane(Account& account, QWidget* parent)
    : QWidget(parent), m_account(account), m_drafts(account.jid().bareString()) {
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
    // Messages wrap to the view's width; a horizontal scroll bar only appeared when the
    // vertical one took its few pixels from rows laid out just before.
    m_view->setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    m_view->setMouseTracking(true);
    m_view->viewport()->installEventFilter(this);
    m_delegate = new MessageDelegate(m_view);
    m_view->setItemDelegate(m_delegate);

    m_composer = new Composer;
    connect(m_composer, &Composer::sendRequested, this, &ConversationPane::send);
    // The reply being typed is saved a moment after the last key (a crash loses at most
    // that), and at once when the conversation changes or the window goes.
    m_draftSave.setSingleShot(true);
    m_draftSave.setInterval(kDraftSaveMs);
    connect(&m_draftSave, &QTimer::timeout, this, &ConversationPane::saveDraft);
    connect(m_composer, &QPlainTextEdit::textChanged, &m_draftSave, qOverload<>(&QTimer::start));
    connect(m_composer, &Composer::typingChanged, this, [this](bool typing) {
        if (!m_peer.isEmpty()) {
            m_account.setComposing(m_peer, typing);
        }
    });

    // Answers: suggested beside a customer's conversation, and the "/" quick insert.
    m_suggestions = new SuggestionsPanel(account);
    connect(m_suggestions, &SuggestionsPanel::insertRequested, m_composer,
            &Composer::insertAnswerText);
    m_quickInsert = new QuickInsertPopup(account, this);
    m_composer->setKeyInterceptor([this](int key) { return m_quickInsert->handleKey(key); });
    connect(m_composer, &Composer::quickInsertQuery, this, [this](const QString& query) {
        placeQuickInsert();
        m_quickInsert->search(query);
    });
    connect(m_composer, &Composer::quickInsertEnded, m_quickInsert, &QWidget::hide);
    connect(m_quickInsert, &QuickInsertPopup::chosen, this, [this](const QString& id) {
        m_quickInsert->hide();
        insertAnswer(m_account, id, m_peer, this,
                     [this](const QString& text) { m_composer->insertAnswerText(text); });
    });
    m_view->setContextMenuPolicy(Qt::CustomContextMenu);
    connect(m_view, &QWidget::customContextMenuRequested, this, &ConversationPane::showMessageMenu);

    auto* header = new QVBoxLayout;
    header->setContentsMargins(12, 8, 12, 4);
    header->setSpacing(0);
    header->addWidget(m_title);
    header->addWidget(m_subtitle);
    auto* column = new QVBoxLayout;
    column->setContentsMargins(0, 0, 0, 0);
    column->setSpacing(0);
    column->addLayout(header);
    column->addWidget(m_view, 1);
    auto* composerBox = new QVBoxLayout;
    composerBox->setContentsMargins(8, 4, 8, 8);
    composerBox->addWidget(m_composer);
    column->addLayout(composerBox);
    auto* layout = new QHBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(0);
    layout->addLayout(column, 1);
    layout->addWidget(m_suggestions);

    // Older messages when the user reaches the top.
    connect(m_view->verticalScrollBar(), &QScrollBar::valueChanged, this, [this](int value) {
        if (m_model && value == m_view->verticalScrollBar()->minimum() &&
            m_model->canFetchMore({})) {
            // The message at the top stays where it is once the older ones are above it.
            m_anchorRowId = m_view->indexAt(QPoint(1, 1))
                                .data(models::MessageListModel::RowIdRole)
                                .toLongLong();
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

ConversationPane::~ConversationPane() {
    saveDraft();
}

void ConversationPane::saveDraft() {
    m_draftSave.stop();
    m_drafts.setDraft(m_peer, m_composer->toPlainText());
}

void ConversationPane::setPeer(const QString& peer) {
    if (peer == m_peer && m_model) {
        return;
    }
    // The reply typed so far stays with its conversation.
    saveDraft();
    m_composer->setDraft(m_drafts.draft(peer));
    m_peer = peer;
    m_peerTyping = false;
    m_view->setModel(nullptr);
    m_model.reset();
    m_composer->setEnabled(!peer.isEmpty());
    m_quickInsert->hide();
    // Suggestions beside customers only: colleagues share a roster group with us.
    const QStringList groups = m_account.contacts().groups(peer);
    m_suggestions->setVisible(!peer.isEmpty() &&
                              std::none_of(groups.begin(), groups.end(),
                                           models::ConversationListModel::isColleagueGroup));
    m_suggestions->setConversation(peer, {});
    updateHeader();
    if (peer.isEmpty()) {
        return;
    }
    m_model = std::make_unique<models::MessageListModel>(m_account, peer);
    m_view->setModel(m_model.get());
    connect(m_model.get(), &models::MessageListModel::newestLoaded, this, [this] {
        m_view->scrollToBottom();
        m_suggestions->setConversation(m_peer, lastIncoming());
    });
    connect(m_model.get(), &models::MessageListModel::rowsAboutToBeInserted, this,
            [this](const QModelIndex&, int first) {
                if (first > 0) {
                    m_followBottom = atBottom();
                }
            });
    connect(m_model.get(), &models::MessageListModel::messagesAppended, this, [this] {
        if (m_followBottom) {
            m_view->scrollToBottom();
        }
        if (isVisible() && window()->isActiveWindow()) {
            m_account.markRead(m_peer);
        }
    });
    connect(m_model.get(), &models::MessageListModel::olderLoaded, this, [this] {
        // Once the view has laid out the new rows: the message the user was reading back
        // at the top.
        QTimer::singleShot(0, this, [this, anchor = std::exchange(m_anchorRowId, 0)] {
            if (const int row = m_model && anchor ? m_model->rowOfMessage(anchor) : -1; row >= 0) {
                m_view->scrollTo(m_model->index(row), QAbstractItemView::PositionAtTop);
            }
        });
    });
    m_account.markRead(peer);
    m_composer->setFocus();
}

void ConversationPane::showMessage(qint64 rowId) {
    if (!m_model) {
        return;
    }
    m_anchorRowId = 0;  // pages loaded on the way must not scroll back
    connect(
        m_model.get(), &models::MessageListModel::messageLoaded, this,
        [this, rowId](int row) {
            if (!m_model ||
                m_model->index(row).data(models::MessageListModel::RowIdRole).toLongLong() !=
                    rowId) {
                return;
            }
            m_followBottom = false;  // the user is reading here now
            // After the view has laid out the rows just loaded.
            QTimer::singleShot(0, this, [this, rowId] {
                if (const int r = m_model ? m_model->rowOfMessage(rowId) : -1; r >= 0) {
                    m_view->scrollTo(m_model->index(r), QAbstractItemView::PositionAtCenter);
                }
            });
            m_delegate->setHighlighted(rowId);
            m_view->viewport()->update();
            QTimer::singleShot(2500, this, [this] {
                m_delegate->setHighlighted(0);
                m_view->viewport()->update();
            });
        },
        Qt::SingleShotConnection);
    m_model->loadUntil(rowId);
}

QString ConversationPane::lastIncoming() const {
    if (!m_model) {
        return {};
    }
    for (int row = m_model->rowCount() - 1; row >= 0; --row) {
        const QModelIndex i = m_model->index(row);
        if (!i.data(models::MessageListModel::OutgoingRole).toBool()) {
            return i.data(models::MessageListModel::BodyRole).toString();
        }
    }
    return {};
}

void ConversationPane::placeQuickInsert() {
    const QRect composer = m_composer->geometry();
    const QPoint topLeft = m_composer->parentWidget()->mapTo(this, composer.topLeft());
    const int height = std::min(240, topLeft.y() - 8);
    m_quickInsert->setGeometry(topLeft.x(), topLeft.y() - height - 4, composer.width(), height);
}

void ConversationPane::showMessageMenu(const QPoint& pos) {
    const QModelIndex index = m_view->indexAt(pos);
    if (!index.isValid() || !index.data(models::MessageListModel::OutgoingRole).toBool()) {
        return;
    }
    QMenu menu(this);
    QAction* save = menu.addAction(tr("Save as answer…"));
    if (menu.exec(m_view->viewport()->mapToGlobal(pos)) == save) {
        saveAsAnswer(index.row());
    }
}

void ConversationPane::saveAsAnswer(int row) {
    if (!m_model || row < 0 || row >= m_model->rowCount()) {
        return;
    }
    const QString body = m_model->index(row).data(models::MessageListModel::BodyRole).toString();
    bool ok = false;
    const QString title =
        QInputDialog::getText(this, tr("Save as answer"), tr("Title of the new answer:"),
                              QLineEdit::Normal, library::ReplyToAnswer::titleFrom(body), &ok);
    if (!ok) {
        return;
    }
    onFinished(m_account.answers().create(
                   library::ReplyToAnswer::draft(body, m_account.jid().bareString(), title)),
               this, [this](const Result<library::Answer>& made) {
                   if (!made.ok()) {
                       QMessageBox::warning(this, tr("Not saved"), made.error().message);
                       return;
                   }
                   m_account.library().flush();
                   emit statusMessage(tr("Saved as the answer \"%1\".").arg(made.value().title));
               });
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
    m_followBottom = true;  // our own message: show it
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
