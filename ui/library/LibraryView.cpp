#include "library/LibraryView.h"
#include "common/SafeMarkdown.h"
#include "common/TimeText.h"

#include <QAction>
#include <QComboBox>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QListView>
#include <QMessageBox>
#include <QPushButton>
#include <QSplitter>
#include <QVBoxLayout>

#include "account/Account.h"
#include "common/FutureUtils.h"
#include "common/UniformListView.h"
#include "library/AnswerDelegate.h"
#include "library/AnswerEditor.h"
#include "library/AnswerStore.h"
#include "library/ConflictDialog.h"
#include "library/LibrarySync.h"
#include "library/MarkdownView.h"
#include "models/AnswerListModel.h"

namespace rapport::ui {

namespace {

using Model = models::AnswerListModel;

QPushButton* button(const QString& text, const QString& name, const QString& accessible) {
    auto* b = new QPushButton(text);
    b->setObjectName(name);
    b->setAccessibleName(accessible);
    return b;
}

}  // namespace

LibraryView::LibraryView(Account& account, QWidget* parent)
    : QWidget(parent), m_account(account), m_model(new Model(account, this)) {
    setObjectName(QStringLiteral("library"));

    m_search = new QLineEdit;
    m_search->setObjectName(QStringLiteral("librarySearch"));
    m_search->setAccessibleName(tr("Search answers"));
    m_search->setClearButtonEnabled(true);
    m_search->setPlaceholderText(
        tr("Search: words, \"a phrase\", print*, -word, tag:wifi, from:alice, after:2024-01-31"));
    m_search->setToolTip(
        tr("All words must occur. \"a phrase\" in order, print* for a prefix, -word to "
           "exclude; tag:, from: (author), after: and before: (YYYY-MM-DD) narrow."));
    m_tagFilter = new QComboBox;
    m_tagFilter->setObjectName(QStringLiteral("libraryTagFilter"));
    m_tagFilter->setAccessibleName(tr("Tag filter"));
    m_tagFilter->setSizeAdjustPolicy(QComboBox::AdjustToContents);
    m_tagFilter->addItem(tr("All tags"), QString());
    m_new = button(tr("&New"), QStringLiteral("newAnswer"), tr("New answer"));
    m_new->setToolTip(tr("New answer (Ctrl+N)"));
    m_edit = button(tr("&Edit"), QStringLiteral("editAnswer"), tr("Edit answer"));
    m_delete = button(tr("&Delete"), QStringLiteral("deleteAnswer"), tr("Delete answer"));
    m_resolve =
        button(tr("&Resolve conflict…"), QStringLiteral("resolveConflict"), tr("Resolve conflict"));

    m_list = new UniformListView;
    m_list->setObjectName(QStringLiteral("answers"));
    m_list->setAccessibleName(tr("Answers"));
    m_list->setModel(m_model);
    m_list->setItemDelegate(new AnswerDelegate(m_list));
    m_list->setSelectionMode(QAbstractItemView::SingleSelection);
    m_list->setMinimumWidth(260);

    m_title = new QLabel;
    m_title->setObjectName(QStringLiteral("previewTitle"));
    m_title->setAccessibleName(tr("Answer title"));
    m_title->setWordWrap(true);
    m_title->setTextInteractionFlags(Qt::TextSelectableByMouse);
    QFont big = m_title->font();
    big.setPointSizeF(big.pointSizeF() * 1.3);
    big.setBold(true);
    m_title->setFont(big);
    m_meta = new QLabel;
    m_meta->setObjectName(QStringLiteral("previewMeta"));
    m_meta->setAccessibleName(tr("Answer details"));
    m_meta->setWordWrap(true);
    m_meta->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_preview = new MarkdownView;
    m_preview->setObjectName(QStringLiteral("answerPreview"));
    m_preview->setAccessibleName(tr("Answer preview"));
    m_preview->setPlaceholderText(tr("Select an answer to read it, or press Ctrl+N to write one."));

    auto* top = new QHBoxLayout;
    top->addWidget(m_search, 1);
    top->addWidget(m_tagFilter);
    top->addSpacing(8);
    top->addWidget(m_new);
    top->addWidget(m_edit);
    top->addWidget(m_delete);
    top->addWidget(m_resolve);

    auto* right = new QWidget;
    auto* rightLayout = new QVBoxLayout(right);
    rightLayout->setContentsMargins(8, 0, 0, 0);
    rightLayout->addWidget(m_title);
    rightLayout->addWidget(m_meta);
    rightLayout->addWidget(m_preview, 1);

    auto* splitter = new QSplitter;
    splitter->addWidget(m_list);
    splitter->addWidget(right);
    splitter->setStretchFactor(1, 1);
    splitter->setSizes({360, 640});
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(8, 8, 8, 8);
    layout->addLayout(top);
    layout->addWidget(splitter, 1);

    // Keyboard: Ctrl+N and Ctrl+F inside the section, Delete on the list; Enter on a row
    // edits it (or opens the conflict).
    auto* newAction = new QAction(tr("New answer"), this);
    newAction->setShortcut(QKeySequence::New);
    newAction->setShortcutContext(Qt::WidgetWithChildrenShortcut);
    connect(newAction, &QAction::triggered, this, &LibraryView::newAnswer);
    auto* findAction = new QAction(tr("Search answers"), this);
    findAction->setShortcut(QKeySequence::Find);
    findAction->setShortcutContext(Qt::WidgetWithChildrenShortcut);
    connect(findAction, &QAction::triggered, this, [this] {
        m_search->setFocus();
        m_search->selectAll();
    });
    addActions({newAction, findAction});
    auto* deleteAction = new QAction(tr("Delete answer"), m_list);
    deleteAction->setShortcut(QKeySequence::Delete);
    deleteAction->setShortcutContext(Qt::WidgetShortcut);
    connect(deleteAction, &QAction::triggered, this, &LibraryView::deleteCurrent);
    m_list->addAction(deleteAction);

    connect(m_search, &QLineEdit::textChanged, m_model, &Model::setQuery);
    connect(m_search, &QLineEdit::returnPressed, this, [this] {
        if (m_model->rowCount() > 0) {
            m_list->setFocus();
            if (!m_list->currentIndex().isValid()) {
                m_list->setCurrentIndex(m_model->index(0));
            }
        }
    });
    connect(m_tagFilter, &QComboBox::currentIndexChanged, this,
            [this] { m_model->setTagFilter(m_tagFilter->currentData().toString()); });
    connect(m_model, &Model::tagsChanged, this, &LibraryView::updateTags);
    connect(m_new, &QPushButton::clicked, this, &LibraryView::newAnswer);
    connect(m_edit, &QPushButton::clicked, this, &LibraryView::editCurrent);
    connect(m_delete, &QPushButton::clicked, this, &LibraryView::deleteCurrent);
    connect(m_resolve, &QPushButton::clicked, this, &LibraryView::resolveCurrent);
    connect(m_list, &QListView::activated, this, [this](const QModelIndex& index) {
        if (index.data(Model::StateRole).toString() == u"conflict") {
            resolveCurrent();
        } else {
            editCurrent();
        }
    });
    connect(m_list->selectionModel(), &QItemSelectionModel::currentChanged, this,
            &LibraryView::showCurrent);
    connect(m_model, &QAbstractItemModel::dataChanged, this,
            [this](const QModelIndex& from, const QModelIndex& to) {
                const int row = m_list->currentIndex().row();
                if (row >= from.row() && row <= to.row()) {
                    showCurrent();
                }
            });
    connect(m_model, &QAbstractItemModel::rowsRemoved, this, &LibraryView::showCurrent);
    connect(m_model, &Model::loaded, this, [this] {
        if (!m_selectWhenLoaded.isEmpty()) {
            select(m_selectWhenLoaded);
        }
    });
    showCurrent();
}

AnswerEditor* LibraryView::editor() const {
    return m_editor;
}

QMessageBox* LibraryView::deleteConfirmation() const {
    return m_confirm;
}

ConflictDialog* LibraryView::conflictDialog() const {
    return m_conflict;
}

std::optional<library::Answer> LibraryView::current() const {
    const QModelIndex index = m_list->currentIndex();
    if (!index.isValid()) {
        return std::nullopt;
    }
    return m_model->answerAt(index.row());
}

void LibraryView::select(const QString& id) {
    const int row = m_model->rowOf(id);
    if (row < 0) {
        m_selectWhenLoaded = id;
        return;
    }
    m_selectWhenLoaded.clear();
    m_list->setCurrentIndex(m_model->index(row));
    m_list->scrollTo(m_model->index(row));
}

void LibraryView::showCurrent() {
    const std::optional<library::Answer> a = current();
    const bool conflict = a && a->state == library::Answer::State::Conflict;
    m_edit->setEnabled(a && !conflict);
    m_delete->setEnabled(a.has_value());
    m_resolve->setVisible(conflict);
    if (!a) {
        m_title->clear();
        m_meta->clear();
        m_preview->clear();
        return;
    }
    m_title->setText(a->title);
    QStringList meta;
    if (!a->tags.isEmpty()) {
        meta << a->tags.join(QStringLiteral(", "));
    }
    const QString author = a->author == m_account.jid().bareString() ? tr("you") : a->author;
    meta << tr("by %1, %2")
                .arg(author, relativeTimeText(a->updated, QDateTime::currentDateTimeUtc()));
    meta << (a->uses > 0 ? tr("used %n times", nullptr, a->uses) : tr("not used yet"));
    if (const QString badge = AnswerDelegate::badgeText(library::stateName(a->state));
        !badge.isEmpty() &&
        !(m_account.isLocalOnly() && a->state == library::Answer::State::Pending)) {
        meta << (conflict ? tr("%1: a text that lost a concurrent edit").arg(badge)
                          : tr("%1: not published yet").arg(badge));
    }
    m_meta->setText(meta.join(QStringLiteral(" · ")));
    setSafeMarkdown(m_preview->document(), a->body);
}

void LibraryView::updateTags() {
    const QString selected = m_tagFilter->currentData().toString();
    const QStringList tags = m_model->tags();
    {
        const QSignalBlocker block(m_tagFilter);
        while (m_tagFilter->count() > 1) {
            m_tagFilter->removeItem(1);
        }
        for (const QString& t : tags) {
            m_tagFilter->addItem(t, t);
        }
        // A tag filtered on stays while answers still carry it.
        const int index = m_tagFilter->findData(selected);
        m_tagFilter->setCurrentIndex(std::max(index, 0));
    }
    if (m_tagFilter->currentData().toString() != selected) {
        m_model->setTagFilter(m_tagFilter->currentData().toString());
    }
}

void LibraryView::newAnswer() {
    openEditor(std::nullopt);
}

void LibraryView::editCurrent() {
    if (const auto a = current(); a && a->state != library::Answer::State::Conflict) {
        openEditor(a);
    }
}

void LibraryView::openEditor(std::optional<library::Answer> existing) {
    if (m_editor) {
        m_editor->raise();
        m_editor->activateWindow();
        return;
    }
    m_editor = new AnswerEditor(m_account, std::move(existing), this);
    m_editor->setAttribute(Qt::WA_DeleteOnClose);
    connect(m_editor, &AnswerEditor::saved, this,
            [this](const library::Answer& a) { changed(a.id); });
    m_editor->open();
    m_editor->titleEdit()->setFocus();
}

void LibraryView::changed(const QString& selectId) {
    if (!selectId.isEmpty()) {
        m_selectWhenLoaded = selectId;
    }
    m_model->reload();
    m_account.library().flush();  // publishes now when online, else with the next session
}

void LibraryView::deleteCurrent() {
    const auto a = current();
    if (!a || m_confirm) {
        return;
    }
    const bool copy = a->state == library::Answer::State::Conflict;
    m_confirm = new QMessageBox(
        QMessageBox::Question, copy ? tr("Discard conflict copy") : tr("Delete answer"),
        copy ? tr("Discard this conflict copy of \"%1\"? Its text is lost.").arg(a->title)
             : tr("Delete \"%1\" from the team's library? It goes for everyone.").arg(a->title),
        QMessageBox::Yes | QMessageBox::Cancel, this);
    m_confirm->setObjectName(QStringLiteral("deleteConfirmation"));
    m_confirm->setDefaultButton(QMessageBox::Cancel);
    m_confirm->button(QMessageBox::Yes)->setText(copy ? tr("Discard") : tr("Delete"));
    m_confirm->setAttribute(Qt::WA_DeleteOnClose);
    connect(m_confirm, &QMessageBox::finished, this, [this, id = a->id, copy](int result) {
        if (result != QMessageBox::Yes) {
            return;
        }
        auto removed =
            copy ? m_account.answers().discardConflict(id) : m_account.answers().remove(id);
        onFinished(removed, this, [this](const Result<void>& r) {
            if (!r.ok()) {
                QMessageBox::warning(this, tr("Delete answer"),
                                     tr("Could not delete: %1").arg(r.error().message));
            }
            changed();
        });
    });
    m_confirm->open();
}

void LibraryView::resolveCurrent() {
    const auto copy = current();
    if (!copy || copy->state != library::Answer::State::Conflict || m_conflict) {
        return;
    }
    onFinished(m_account.answers().get(copy->conflictOf), this,
               [this, copy = *copy](const Result<library::Answer>& answer) {
                   if (!answer.ok()) {
                       QMessageBox::warning(
                           this, tr("Resolve conflict"),
                           tr("The answer of this copy is gone: %1").arg(answer.error().message));
                       return;
                   }
                   if (m_conflict) {
                       return;
                   }
                   m_conflict = new ConflictDialog(m_account, answer.value(), copy, this);
                   m_conflict->setAttribute(Qt::WA_DeleteOnClose);
                   connect(m_conflict, &ConflictDialog::resolved, this,
                           [this, id = copy.conflictOf] { changed(id); });
                   m_conflict->open();
               });
}

}  // namespace rapport::ui
