#include "chats/AnswerInsertion.h"

#include <QDialog>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QLabel>
#include <QLineEdit>
#include <QMessageBox>
#include <QPointer>
#include <QPushButton>
#include <QVBoxLayout>

#include "account/Account.h"
#include "account/ContactDirectory.h"
#include "common/FutureUtils.h"
#include "library/AnswerStore.h"
#include "library/Placeholders.h"
#include "library/ReplySuggestions.h"

namespace rapport::ui {

namespace {

// Asks for the placeholders nobody could fill; empty optional if cancelled.
std::optional<QHash<QString, QString>> askForValues(const QStringList& names, QWidget* parent) {
    QDialog dialog(parent);
    dialog.setWindowTitle(QObject::tr("Fill in the answer"));
    dialog.setObjectName(QStringLiteral("placeholderDialog"));
    auto* intro = new QLabel(QObject::tr("This answer needs a few details before it goes out."));
    intro->setWordWrap(true);
    auto* form = new QFormLayout;
    QHash<QString, QLineEdit*> edits;
    for (const QString& name : names) {
        auto* edit = new QLineEdit;
        edit->setObjectName(QStringLiteral("placeholder:") + name);
        edit->setAccessibleName(name);
        form->addRow(name + u':', edit);
        edits.insert(name, edit);
    }
    auto* buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel);
    buttons->button(QDialogButtonBox::Ok)->setText(QObject::tr("Insert"));
    QObject::connect(buttons, &QDialogButtonBox::accepted, &dialog, &QDialog::accept);
    QObject::connect(buttons, &QDialogButtonBox::rejected, &dialog, &QDialog::reject);
    auto* layout = new QVBoxLayout(&dialog);
    layout->addWidget(intro);
    layout->addLayout(form);
    layout->addWidget(buttons);
    if (dialog.exec() != QDialog::Accepted) {
        return std::nullopt;
    }
    QHash<QString, QString> values;
    for (auto it = edits.cbegin(); it != edits.cend(); ++it) {
        values.insert(it.key(), it.value()->text());
    }
    return values;
}

}  // namespace

void insertAnswer(Account& account, const QString& answerId, const QString& peer,
                  QWidget* dialogParent, std::function<void(const QString& text)> insert) {
    // Our name only from our profile: without one, {{me.name}} is asked for rather than
    // signed with the address's user part.
    const library::ReplyContext context{account.contacts().name(peer), account.ownProfileName(),
                                        QDate::currentDate()};
    QPointer<QWidget> parent(dialogParent);
    // A use counts once the answer really goes into the reply, not when the dialog for its
    // placeholders is cancelled.
    auto inserted = [&account, answerId, insert = std::move(insert)](const QString& text) {
        insert(text);
        account.answers().countUse(answerId);
    };
    onFinished(account.suggestions().prepare(answerId, context), dialogParent,
               [parent, inserted](const Result<library::FilledText>& filled) {
                   if (!filled.ok()) {
                       QMessageBox::warning(parent, QObject::tr("Answer not inserted"),
                                            filled.error().message);
                       return;
                   }
                   if (filled.value().missing.isEmpty()) {
                       inserted(filled.value().text);
                       return;
                   }
                   const auto values = askForValues(filled.value().missing, parent);
                   if (!values) {
                       return;
                   }
                   inserted(library::Placeholders::fill(filled.value().text, *values).text);
               });
}

}  // namespace rapport::ui
