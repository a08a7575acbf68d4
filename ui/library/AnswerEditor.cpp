#include "library/AnswerEditor.h"
#include "common/SafeMarkdown.h"

#include <QDialogButtonBox>
#include <QFormLayout>
#include <QLabel>
#include <QLineEdit>
#include <QMessageBox>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QRegularExpression>
#include <QSplitter>
#include <QVBoxLayout>

#include "account/Account.h"
#include "common/FutureUtils.h"
#include "library/AnswerStore.h"
#include "library/MarkdownView.h"

namespace rapport::ui {

namespace {

constexpr int kPreviewDelayMs = 120;

}  // namespace

AnswerEditor::AnswerEditor(Account& account, std::optional<library::Answer> existing,
                           QWidget* parent)
    : QDialog(parent), m_account(account), m_existing(std::move(existing)) {
    setObjectName(QStringLiteral("answerEditor"));
    setWindowTitle(m_existing ? tr("Edit answer") : tr("New answer"));

    m_title = new QLineEdit;
    m_title->setObjectName(QStringLiteral("answerTitle"));
    m_title->setAccessibleName(tr("Title"));
    m_title->setPlaceholderText(tr("What the customer asks, in a few words"));
    m_title->setMaxLength(200);
    m_tags = new QLineEdit;
    m_tags->setObjectName(QStringLiteral("answerTags"));
    m_tags->setAccessibleName(tr("Tags"));
    m_tags->setPlaceholderText(tr("printer, firmware"));
    m_body = new QPlainTextEdit;
    m_body->setObjectName(QStringLiteral("answerBody"));
    m_body->setAccessibleName(tr("Text (Markdown)"));
    m_body->setPlaceholderText(
        tr("Markdown: **bold**, *italic*, lists, links. Placeholders: {{customer.name|there}}"));
    m_body->setTabChangesFocus(true);
    m_preview = new MarkdownView;
    m_preview->setObjectName(QStringLiteral("answerPreview"));
    m_preview->setAccessibleName(tr("Preview"));

    m_error = new QLabel;
    m_error->setObjectName(QStringLiteral("answerError"));
    m_error->setAccessibleName(tr("Error"));
    m_error->setWordWrap(true);
    m_error->setStyleSheet(QStringLiteral("color: #c62828;"));
    m_error->hide();

    auto* buttons = new QDialogButtonBox(QDialogButtonBox::Save | QDialogButtonBox::Cancel);
    m_save = buttons->button(QDialogButtonBox::Save);
    m_save->setObjectName(QStringLiteral("saveAnswer"));
    m_save->setAccessibleName(tr("Save answer"));
    buttons->button(QDialogButtonBox::Cancel)->setAccessibleName(tr("Cancel"));
    connect(buttons, &QDialogButtonBox::accepted, this, &AnswerEditor::save);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);

    auto* form = new QFormLayout;
    form->addRow(tr("&Title"), m_title);
    form->addRow(tr("T&ags"), m_tags);
    auto* splitter = new QSplitter;
    splitter->setChildrenCollapsible(false);
    splitter->addWidget(m_body);
    splitter->addWidget(m_preview);
    auto* layout = new QVBoxLayout(this);
    layout->addLayout(form);
    layout->addWidget(splitter, 1);
    layout->addWidget(m_error);
    layout->addWidget(buttons);

    m_previewTimer.setSingleShot(true);
    m_previewTimer.setInterval(kPreviewDelayMs);
    connect(&m_previewTimer, &QTimer::timeout, this, &AnswerEditor::updatePreview);
    connect(m_body, &QPlainTextEdit::textChanged, &m_previewTimer, qOverload<>(&QTimer::start));
    connect(m_title, &QLineEdit::textChanged, this, [this] { m_error->hide(); });

    if (m_existing) {
        m_title->setText(m_existing->title);
        m_tags->setText(m_existing->tags.join(QStringLiteral(", ")));
        m_body->setPlainText(m_existing->body);
    }
    updatePreview();
    resize(900, 560);
}

bool AnswerEditor::hasChanges() const {
    const QString title = m_existing ? m_existing->title : QString();
    const QStringList tags = m_existing ? m_existing->tags : QStringList();
    const QString body = m_existing ? m_existing->body : QString();
    return m_title->text().trimmed() != title || parseTags(m_tags->text()) != tags ||
           m_body->toPlainText() != body;
}

void AnswerEditor::reject() {
    if (hasChanges()) {
        QMessageBox ask(QMessageBox::Question, windowTitle(),
                        m_existing ? tr("Discard your changes to this answer?")
                                   : tr("Discard this new answer?"),
                        QMessageBox::Discard | QMessageBox::Cancel, this);
        ask.setObjectName(QStringLiteral("discardChanges"));
        ask.button(QMessageBox::Cancel)->setText(tr("Keep editing"));
        ask.setDefaultButton(QMessageBox::Cancel);
        if (ask.exec() != QMessageBox::Discard) {
            return;
        }
    }
    QDialog::reject();
}

QStringList AnswerEditor::parseTags(const QString& text) {
    static const QRegularExpression separators(QStringLiteral("[,\\s]+"));
    QStringList tags;
    for (const QString& t : text.split(separators, Qt::SkipEmptyParts)) {
        if (!tags.contains(t, Qt::CaseInsensitive)) {
            tags << t;
        }
    }
    return tags;
}

void AnswerEditor::updatePreview() {
    m_previewTimer.stop();
    setSafeMarkdown(m_preview->document(), m_body->toPlainText());
}

void AnswerEditor::showError(const QString& message) {
    m_error->setText(message);
    m_error->show();
    m_save->setEnabled(true);
}

void AnswerEditor::save() {
    const QString title = m_title->text().trimmed();
    if (title.isEmpty()) {
        showError(tr("An answer needs a title."));
        m_title->setFocus();
        return;
    }
    m_save->setEnabled(false);
    m_error->hide();
    const QString me = m_account.jid().bareString();
    const QStringList tags = parseTags(m_tags->text());
    const QString body = m_body->toPlainText();
    auto done = [this](const Result<library::Answer>& r) {
        if (!r.ok()) {
            showError(tr("Could not save: %1").arg(r.error().message));
            return;
        }
        emit saved(r.value());
        accept();
    };
    if (m_existing && title == m_existing->title && body == m_existing->body &&
        tags == m_existing->tags) {
        accept();  // nothing changed: no new version to publish
        return;
    }
    if (m_existing) {
        library::AnswerEdit change{.title = title, .body = body, .tags = tags};
        onFinished(m_account.answers().edit(m_existing->id, change, me), this, done);
    } else {
        library::Answer draft;
        draft.title = title;
        draft.body = body;
        draft.tags = tags;
        draft.author = me;
        onFinished(m_account.answers().create(draft), this, done);
    }
}

}  // namespace rapport::ui
