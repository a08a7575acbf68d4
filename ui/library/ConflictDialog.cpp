#include "library/ConflictDialog.h"
#include "common/SafeMarkdown.h"
#include "common/TimeText.h"

#include <QDialogButtonBox>
#include <QGridLayout>
#include <QLabel>
#include <QPushButton>
#include <QVBoxLayout>

#include "account/Account.h"
#include "common/FutureUtils.h"
#include "library/AnswerDelegate.h"
#include "library/AnswerStore.h"
#include "library/MarkdownView.h"

namespace rapport::ui {

namespace {

QString heading(const QString& what, const library::Answer& a) {
    return QStringLiteral("<b>%1</b><br>%2").arg(what.toHtmlEscaped(), a.title.toHtmlEscaped());
}

}  // namespace

ConflictDialog::ConflictDialog(Account& account, library::Answer answer, library::Answer copy,
                               QWidget* parent)
    : QDialog(parent), m_account(account), m_answer(std::move(answer)), m_copy(std::move(copy)) {
    setObjectName(QStringLiteral("conflictDialog"));
    setWindowTitle(tr("Resolve conflict"));

    auto* intro = new QLabel(
        tr("This answer was changed by someone else while your edit was on its way. Both texts "
           "are kept: choose which one the answer keeps."));
    intro->setWordWrap(true);

    auto* grid = new QGridLayout;
    const QDateTime now = QDateTime::currentDateTimeUtc();
    const std::pair<QString, const library::Answer*> sides[] = {
        {tr("The answer now (%1, %2)")
             .arg(m_answer.author, relativeTimeText(m_answer.updated, now)),
         &m_answer},
        {tr("This copy (%1, %2)").arg(m_copy.author, relativeTimeText(m_copy.updated, now)),
         &m_copy},
    };
    int column = 0;
    for (const auto& [what, a] : sides) {
        auto* label = new QLabel(heading(what, *a));
        label->setTextFormat(Qt::RichText);
        label->setWordWrap(true);
        auto* text = new MarkdownView;
        text->setObjectName(column == 0 ? QStringLiteral("conflictAnswerText")
                                        : QStringLiteral("conflictCopyText"));
        text->setAccessibleName(column == 0 ? tr("The answer's text") : tr("The copy's text"));
        setSafeMarkdown(text->document(), a->body);
        grid->addWidget(label, 0, column);
        grid->addWidget(text, 1, column);
        ++column;
    }

    m_error = new QLabel;
    m_error->setObjectName(QStringLiteral("conflictError"));
    m_error->setWordWrap(true);
    m_error->setStyleSheet(QStringLiteral("color: #c62828;"));
    m_error->hide();

    auto* buttons = new QDialogButtonBox;
    m_keep = buttons->addButton(tr("&Keep this copy's text"), QDialogButtonBox::AcceptRole);
    m_keep->setObjectName(QStringLiteral("keepCopy"));
    m_keep->setAccessibleName(tr("Keep this copy's text"));
    m_discard = buttons->addButton(tr("&Discard the copy"), QDialogButtonBox::DestructiveRole);
    m_discard->setObjectName(QStringLiteral("discardCopy"));
    m_discard->setAccessibleName(tr("Discard the copy"));
    QPushButton* cancel = buttons->addButton(QDialogButtonBox::Cancel);
    cancel->setAccessibleName(tr("Cancel"));
    connect(m_keep, &QPushButton::clicked, this, &ConflictDialog::keepCopy);
    connect(m_discard, &QPushButton::clicked, this, &ConflictDialog::discardCopy);
    connect(cancel, &QPushButton::clicked, this, &QDialog::reject);

    auto* layout = new QVBoxLayout(this);
    layout->addWidget(intro);
    layout->addLayout(grid, 1);
    layout->addWidget(m_error);
    layout->addWidget(buttons);
    resize(900, 520);
}

void ConflictDialog::fail(const QString& message) {
    m_error->setText(message);
    m_error->show();
    m_keep->setEnabled(true);
    m_discard->setEnabled(true);
}

void ConflictDialog::keepCopy() {
    m_keep->setEnabled(false);
    m_discard->setEnabled(false);
    library::AnswerEdit change{.title = m_copy.title, .body = m_copy.body, .tags = m_copy.tags};
    onFinished(m_account.answers().edit(m_answer.id, change, m_account.jid().bareString()), this,
               [this](const Result<library::Answer>& r) {
                   if (!r.ok()) {
                       fail(tr("Could not keep the copy's text: %1").arg(r.error().message));
                       return;
                   }
                   discardThenClose();
               });
}

void ConflictDialog::discardCopy() {
    m_keep->setEnabled(false);
    m_discard->setEnabled(false);
    discardThenClose();
}

void ConflictDialog::discardThenClose() {
    onFinished(m_account.answers().discardConflict(m_copy.id), this, [this](const Result<void>& r) {
        if (!r.ok()) {
            fail(tr("Could not discard the copy: %1").arg(r.error().message));
            return;
        }
        emit resolved();
        accept();
    });
}

}  // namespace rapport::ui
