// Settling a conflict: two engineers edited one answer while apart, and this device's text
// lost (core/library/README.md, "Conflicts"). Shows the answer as it is now beside the
// conflict copy; "Keep this copy's text" makes the copy's text the answer's (an edit by this
// account, published like any other) and drops the copy; "Discard the copy" only drops it.
#pragma once

#include <QDialog>

#include "library/Answer.h"

class QLabel;
class QPushButton;

namespace rapport {
class Account;
}

namespace rapport::ui {

class ConflictDialog : public QDialog {
    Q_OBJECT
public:
    ConflictDialog(Account& account, library::Answer answer, library::Answer copy,
                   QWidget* parent = nullptr);

    QPushButton* keepCopyButton() const { return m_keep; }
    QPushButton* discardButton() const { return m_discard; }
    QLabel* errorLabel() const { return m_error; }

    void keepCopy();
    void discardCopy();

signals:
    // The conflict is settled (the library changed); the dialog then closes.
    void resolved();

private:
    void fail(const QString& message);
    void discardThenClose();

    Account& m_account;
    library::Answer m_answer;
    library::Answer m_copy;
    QPushButton* m_keep;
    QPushButton* m_discard;
    QLabel* m_error;
};

}  // namespace rapport::ui
