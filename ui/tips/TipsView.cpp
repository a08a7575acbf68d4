#include "tips/TipsView.h"

#include <QHBoxLayout>
#include <QKeyEvent>
#include <QLabel>
#include <QLineEdit>
#include <QListView>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QRegularExpression>
#include <QVBoxLayout>

#include "account/Account.h"
#include "common/FutureUtils.h"
#include "models/TipListModel.h"

namespace rapport::ui {

namespace {

using Model = models::TipListModel;

// "Shortcuts, #printing  ui" -> shortcuts, printing, ui (the store lowercases and checks).
QStringList parseTags(const QString& text) {
    QStringList tags;
    for (QString tag :
         text.split(QRegularExpression(QStringLiteral("[\\s,]+")), Qt::SkipEmptyParts)) {
        while (tag.startsWith(QLatin1Char('#'))) {
            tag.remove(0, 1);
        }
        if (!tag.isEmpty() && !tags.contains(tag)) {
            tags << tag;
        }
    }
    return tags;
}

bool isCtrlEnter(QEvent* event) {
    if (event->type() != QEvent::KeyPress) {
        return false;
    }
    const auto* key = static_cast<QKeyEvent*>(event);
    return (key->key() == Qt::Key_Return || key->key() == Qt::Key_Enter) &&
           (key->modifiers() & Qt::ControlModifier);
}

}  // namespace

TipsView::TipsView(Account& account, QWidget* parent)
    : QWidget(parent), m_account(account), m_model(new Model(account, this)) {
    setObjectName(QStringLiteral("tipsView"));

    auto* heading = new QLabel(tr("Share a tip with the team"));
    QFont headingFont = heading->font();
    headingFont.setBold(true);
    heading->setFont(headingFont);

    m_body = new QPlainTextEdit;
    m_body->setObjectName(QStringLiteral("tipBody"));
    m_body->setAccessibleName(tr("Tip text"));
    m_body->setPlaceholderText(tr("Did you know…? Markdown works. Ctrl+Enter posts."));
    m_body->setTabChangesFocus(true);
    m_body->setFixedHeight(m_body->fontMetrics().lineSpacing() * 4 + 12);
    m_body->installEventFilter(this);

    m_tags = new QLineEdit;
    m_tags->setObjectName(QStringLiteral("tipTags"));
    m_tags->setAccessibleName(tr("Tags"));
    m_tags->setPlaceholderText(tr("Tags, separated by spaces (optional)"));
    m_tags->installEventFilter(this);
    connect(m_tags, &QLineEdit::returnPressed, this, &TipsView::post);

    m_postButton = new QPushButton(tr("Post"));
    m_postButton->setObjectName(QStringLiteral("postTip"));
    m_postButton->setAccessibleName(tr("Post tip"));
    m_postButton->setToolTip(tr("Post the tip (Ctrl+Enter)"));
    connect(m_postButton, &QPushButton::clicked, this, &TipsView::post);

    m_status = new QLabel;
    m_status->setObjectName(QStringLiteral("tipStatus"));
    m_status->setAccessibleName(tr("Tip status"));
    m_status->setWordWrap(true);
    m_status->hide();

    m_feed = new QListView;
    m_feed->setObjectName(QStringLiteral("tipFeed"));
    m_feed->setAccessibleName(tr("Tips"));
    m_feed->setToolTip(tr("L likes the selected tip, C shows its comments"));
    m_feed->setModel(m_model);
    m_delegate = new TipDelegate(m_feed);
    m_feed->setItemDelegate(m_delegate);
    m_feed->setVerticalScrollMode(QAbstractItemView::ScrollPerPixel);
    m_feed->setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    m_feed->setSelectionMode(QAbstractItemView::SingleSelection);
    m_feed->setResizeMode(QListView::Adjust);
    m_feed->setUniformItemSizes(false);
    m_feed->setFrameShape(QFrame::NoFrame);
    m_feed->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_feed->installEventFilter(this);
    connect(m_delegate, &TipDelegate::likeClicked, this, &TipsView::toggleLike);
    connect(m_delegate, &TipDelegate::commentsClicked, this, &TipsView::toggleComments);
    // A card that shows, hides or gains comments changes height.
    connect(m_model, &Model::commentsChanged, this, [this](const QString& id) {
        if (const int row = m_model->rowOf(id); row >= 0) {
            emit m_delegate->sizeHintChanged(m_model->index(row));
        }
    });

    auto* postRow = new QHBoxLayout;
    postRow->addWidget(m_tags, 1);
    postRow->addWidget(m_postButton);
    auto* postArea = new QWidget;
    auto* postBox = new QVBoxLayout(postArea);
    postBox->setContentsMargins(12, 10, 12, 8);
    postBox->setSpacing(6);
    postBox->addWidget(heading);
    postBox->addWidget(m_body);
    postBox->addLayout(postRow);
    postBox->addWidget(m_status);
    auto* line = new QFrame;
    line->setFrameShape(QFrame::HLine);
    line->setFrameShadow(QFrame::Sunken);

    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(0);
    // As wide as the cards below it, on the left with them.
    postArea->setMaximumWidth(TipDelegate::MaxCardWidth + 2 * 12);
    auto* postLine = new QHBoxLayout;
    postLine->addWidget(postArea, 1);
    postLine->addStretch(0);
    layout->addLayout(postLine);
    layout->addWidget(line);
    layout->addWidget(m_feed, 1);
}

TipsView::~TipsView() = default;

void TipsView::showStatus(const QString& text, bool error) {
    m_status->setText(text);
    m_status->setStyleSheet(error ? QStringLiteral("color: #c0392b;") : QString());
    m_status->setVisible(!text.isEmpty());
}

void TipsView::post() {
    const QString body = m_body->toPlainText();
    const QStringList tags = parseTags(m_tags->text());
    m_postButton->setEnabled(false);
    // The store says what it refuses (a blank or oversized tip, a bad tag).
    onFinished(m_model->post(body, tags), this, [this](const Result<feed::Tip>& posted) {
        m_postButton->setEnabled(true);
        if (!posted.ok()) {
            showStatus(tr("The tip was not posted: %1").arg(posted.error().message), true);
            return;
        }
        showStatus({}, false);
        m_body->clear();
        m_tags->clear();
        m_feed->scrollToTop();
    });
}

void TipsView::toggleLike(const QModelIndex& index) {
    if (!index.isValid()) {
        return;
    }
    onFinished(m_model->setLiked(index.data(Model::IdRole).toString(),
                                 !index.data(Model::LikedByMeRole).toBool()),
               this, [this](const Result<feed::Tip>& tip) {
                   if (!tip.ok()) {
                       showStatus(tr("The like was not saved: %1").arg(tip.error().message), true);
                   }
               });
}

void TipsView::toggleComments(const QModelIndex& index) {
    if (!index.isValid()) {
        return;
    }
    const QString id = index.data(Model::IdRole).toString();
    const bool expand = !m_model->isExpanded(id);
    m_model->setExpanded(id, expand);
    if (!expand) {
        m_feed->setIndexWidget(index, nullptr);  // deletes the field
        return;
    }
    auto* field = new QLineEdit;
    field->setObjectName(QStringLiteral("commentField"));
    field->setAccessibleName(tr("Comment"));
    field->setPlaceholderText(tr("Write a comment… (Enter sends)"));
    connect(field, &QLineEdit::returnPressed, this, [this, id, field] { sendComment(id, field); });
    m_feed->setIndexWidget(index, field);
    field->setFocus();
}

QLineEdit* TipsView::commentField(const QModelIndex& index) const {
    return qobject_cast<QLineEdit*>(m_feed->indexWidget(index));
}

void TipsView::sendComment(const QString& tipId, QLineEdit* field) {
    const QString text = field->text();
    if (text.trimmed().isEmpty()) {
        return;
    }
    field->setEnabled(false);
    onFinished(m_model->addComment(tipId, text), field,
               [this, field](const Result<feed::TipComment>& comment) {
                   field->setEnabled(true);
                   if (!comment.ok()) {
                       showStatus(tr("The comment was not posted: %1").arg(comment.error().message),
                                  true);
                       return;
                   }
                   showStatus({}, false);
                   field->clear();
                   field->setFocus();
               });
}

QRect TipsView::partRect(const QModelIndex& index, TipDelegate::Part part) const {
    QStyleOptionViewItem option;
    option.initFrom(m_feed);
    option.widget = m_feed;
    option.rect = m_feed->visualRect(index);
    return m_delegate->partRect(part, option, index);
}

bool TipsView::eventFilter(QObject* watched, QEvent* event) {
    if ((watched == m_body || watched == m_tags) && isCtrlEnter(event)) {
        post();
        return true;
    }
    if (watched == m_feed && event->type() == QEvent::KeyPress) {
        const auto* key = static_cast<QKeyEvent*>(event);
        if (key->modifiers() == Qt::NoModifier && key->key() == Qt::Key_L) {
            toggleLike(m_feed->currentIndex());
            return true;
        }
        if (key->modifiers() == Qt::NoModifier && key->key() == Qt::Key_C) {
            toggleComments(m_feed->currentIndex());
            return true;
        }
    }
    return QWidget::eventFilter(watched, event);
}

void TipsView::showTip(const QString& id) {
    const int row = m_model->rowOf(id);
    if (row >= 0) {
        const QModelIndex index = m_model->index(row);
        m_feed->setCurrentIndex(index);
        m_feed->scrollTo(index, QAbstractItemView::PositionAtCenter);
        return;
    }
    if (m_model->canFetchMore({})) {
        // Further down the feed: the next page, then look again.
        connect(
            m_model, &QAbstractItemModel::rowsInserted, this, [this, id] { showTip(id); },
            Qt::SingleShotConnection);
        m_model->fetchMore({});
    }
}

}  // namespace rapport::ui
