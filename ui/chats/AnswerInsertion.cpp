#include "chats/AnswerInsertion.h"

#include <QCheckBox>
#include <QDialog>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QLabel>
#include <QLineEdit>
#include <QMessageBox>
#include <QPointer>
#include <QPushButton>
#include <QVBoxLayout>
#include <algorithm>

#include "account/Account.h"
#include "account/ContactDirectory.h"
#include "common/FutureUtils.h"
#include "library/AnswerStore.h"
#include "library/Placeholders.h"
#include "library/ReplySuggestions.h"

namespace rapport::ui {

namespace {

struct AskedValues {
    QHash<QString, QString> values;
    QString ownName;  // to keep as our name in our profile; empty: not asked to
};

// Asks for the placeholders nobody could fill; empty optional if cancelled. Our own name
// is asked for only while our profile has none: `offerToKeepName` lets the engineer keep
// it there, so that it is the last time.
std::optional<AskedValues> askForValues(const QStringList& names, bool offerToKeepName,
                                        QWidget* parent) {
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
    QCheckBox* keepName = nullptr;
    if (offerToKeepName && std::any_of(names.cbegin(), names.cend(),
                                       library::ReplySuggestions::isOwnNamePlaceholder)) {
        keepName = new QCheckBox(QObject::tr("Also use it as my name for the team"));
        keepName->setObjectName(QStringLiteral("keepOwnName"));
        keepName->setToolTip(
            QObject::tr("Sets your name in your profile, as Settings → Your name does: your "
                        "colleagues see it, and answers are signed with it from now on."));
        keepName->setChecked(true);
    }
    auto* buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel);
    buttons->button(QDialogButtonBox::Ok)->setText(QObject::tr("Insert"));
    QObject::connect(buttons, &QDialogButtonBox::accepted, &dialog, &QDialog::accept);
    QObject::connect(buttons, &QDialogButtonBox::rejected, &dialog, &QDialog::reject);
    auto* layout = new QVBoxLayout(&dialog);
    layout->addWidget(intro);
    layout->addLayout(form);
    if (keepName) {
        layout->addWidget(keepName);
    }
    layout->addWidget(buttons);
    if (dialog.exec() != QDialog::Accepted) {
        return std::nullopt;
    }
    AskedValues asked;
    for (auto it = edits.cbegin(); it != edits.cend(); ++it) {
        asked.values.insert(it.key(), it.value()->text());
        if (keepName && keepName->isChecked() &&
            library::ReplySuggestions::isOwnNamePlaceholder(it.key()) &&
            !it.value()->text().simplified().isEmpty()) {
            asked.ownName = it.value()->text().simplified();
        }
    }
    return asked;
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
               [&account, parent, inserted](const Result<library::FilledText>& filled) {
                   if (!filled.ok()) {
                       QMessageBox::warning(parent, QObject::tr("Answer not inserted"),
                                            filled.error().message);
                       return;
                   }
                   if (filled.value().missing.isEmpty()) {
                       inserted(filled.value().text);
                       return;
                   }
                   const auto asked =
                       askForValues(filled.value().missing, account.isOnline(), parent);
                   if (!asked) {
                       return;
                   }
                   inserted(library::Placeholders::fill(filled.value().text, asked->values).text);
                   if (!asked->ownName.isEmpty()) {
                       onFinished(account.setOwnName(asked->ownName), &account,
                                  [parent](const Result<void>& kept) {
                                      if (!kept.ok()) {
                                          QMessageBox::warning(
                                              parent, QObject::tr("Name not saved"),
                                              QObject::tr("Your name could not be saved: %1")
                                                  .arg(kept.error().message));
                                      }
                                  });
                   }
               });
}

}  // namespace rapport::ui
