// ui/library: the Library section, the team's answers. Search-as-you-type in the query
// language, a tag filter, the list (title, tags, author, last update, use count, a badge for
// pending and conflicting answers) and a rendered preview of the selected one; New, Edit and
// Delete, and settling a conflict copy. Changes go through the account's AnswerStore and are
// published by its LibrarySync when online.
#pragma once

#include <QPointer>
#include <QWidget>
#include <optional>

#include "library/Answer.h"

class QComboBox;
class QLabel;
class QLineEdit;
class QListView;
class QMessageBox;
class QModelIndex;
class QPushButton;

namespace rapport {
class Account;
}
namespace rapport::models {
class AnswerListModel;
}

namespace rapport::ui {

class AnswerEditor;
class ConflictDialog;
class MarkdownView;

class LibraryView : public QWidget {
    Q_OBJECT
public:
    explicit LibraryView(Account& account, QWidget* parent = nullptr);

    models::AnswerListModel* model() const { return m_model; }
    QLineEdit* searchEdit() const { return m_search; }
    QComboBox* tagFilter() const { return m_tagFilter; }
    QListView* answerList() const { return m_list; }
    MarkdownView* preview() const { return m_preview; }
    QPushButton* newButton() const { return m_new; }
    QPushButton* editButton() const { return m_edit; }
    QPushButton* deleteButton() const { return m_delete; }
    QPushButton* resolveButton() const { return m_resolve; }
    // The open editor, delete confirmation or conflict dialog, if any.
    AnswerEditor* editor() const;
    QMessageBox* deleteConfirmation() const;
    ConflictDialog* conflictDialog() const;

    // Opens the editor for a new answer, or for the selected one.
    void newAnswer();
    void editCurrent();
    // Asks first; deleting goes for the whole team.
    void deleteCurrent();
    // For a selected conflict copy.
    void resolveCurrent();
    // Selects the answer `id` once the list shows it.
    void select(const QString& id);

private:
    void openEditor(std::optional<library::Answer> existing);
    void changed(const QString& selectId = {});
    void showCurrent();
    void updateTags();
    std::optional<library::Answer> current() const;

    Account& m_account;
    models::AnswerListModel* m_model;
    QLineEdit* m_search;
    QComboBox* m_tagFilter;
    QListView* m_list;
    QLabel* m_title;
    QLabel* m_meta;
    MarkdownView* m_preview;
    QPushButton* m_new;
    QPushButton* m_edit;
    QPushButton* m_delete;
    QPushButton* m_resolve;
    QPointer<AnswerEditor> m_editor;
    QPointer<QMessageBox> m_confirm;
    QPointer<ConflictDialog> m_conflict;
    QString m_selectWhenLoaded;
};

}  // namespace rapport::ui
