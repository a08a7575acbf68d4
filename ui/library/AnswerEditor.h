// Writing or changing an answer: the title, the tags (separated by commas or spaces) and the
// Markdown body with a live rendered preview beside it. Save stores it (create, or an edit
// by this account) and queues it for the team; a refusal (a broken payload rule, a store
// error) is shown here, and the dialog stays open with the text. Closing it with changes
// asks first: nothing typed is thrown away by a stray Esc.
#pragma once

#include <QDialog>
#include <QTimer>
#include <optional>

#include "library/Answer.h"

class QLabel;
class QLineEdit;
class QPlainTextEdit;
class QPushButton;

namespace rapport {
class Account;
}

namespace rapport::ui {

class MarkdownView;

class AnswerEditor : public QDialog {
    Q_OBJECT
public:
    // A new answer when `existing` is not given.
    explicit AnswerEditor(Account& account, std::optional<library::Answer> existing = std::nullopt,
                          QWidget* parent = nullptr);

    // "printer, Wi-Fi  setup" -> {"printer", "Wi-Fi", "setup"}; the store normalizes them.
    static QStringList parseTags(const QString& text);

    QLineEdit* titleEdit() const { return m_title; }
    QLineEdit* tagsEdit() const { return m_tags; }
    QPlainTextEdit* bodyEdit() const { return m_body; }
    MarkdownView* preview() const { return m_preview; }
    QPushButton* saveButton() const { return m_save; }
    QLabel* errorLabel() const { return m_error; }

    void save();
    // Cancel, Esc or closing: with unsaved changes, asks before they are thrown away.
    void reject() override;
    // Whether the text differs from what the editor opened with.
    bool hasChanges() const;

signals:
    // Stored (and queued); the dialog then closes.
    void saved(const rapport::library::Answer& answer);

private:
    void updatePreview();
    void showError(const QString& message);

    Account& m_account;
    std::optional<library::Answer> m_existing;
    QLineEdit* m_title;
    QLineEdit* m_tags;
    QPlainTextEdit* m_body;
    MarkdownView* m_preview;
    QLabel* m_error;
    QPushButton* m_save;
    QTimer m_previewTimer;  // re-render once typing pauses, not on every key
};

}  // namespace rapport::ui
