// Where a reply is typed: Enter sends, Shift+Enter starts a new line, the box grows with its
// text up to a few lines. Says when the user starts and stops typing (chat states), and
// when a "/" at the start asks for the quick insert of an answer.
#pragma once

#include <QPlainTextEdit>
#include <QTimer>
#include <functional>

namespace rapport::ui {

class Composer : public QPlainTextEdit {
    Q_OBJECT
public:
    explicit Composer(QWidget* parent = nullptr);

    QSize sizeHint() const override;

    // Sees Up/Down/Enter/Esc first while it returns true (the "/" quick insert).
    void setKeyInterceptor(std::function<bool(int key)> interceptor) {
        m_interceptor = std::move(interceptor);
    }
    // Puts `text` where the cursor is; replaces the "/query" of a quick insert.
    void insertAnswerText(const QString& text);
    // Replaces the text with another conversation's draft. Not typing: no chat state, no
    // quick insert (if the user was typing, typingChanged(false) goes first, to the peer
    // they were typing to).
    void setDraft(const QString& text);

signals:
    void sendRequested(const QString& text);
    void typingChanged(bool typing);
    // The reply starts with "/": search the library for what follows. Empty: it no longer
    // does.
    void quickInsertQuery(const QString& query);
    void quickInsertEnded();

protected:
    void keyPressEvent(QKeyEvent* event) override;

private:
    void updateHeight();

    QTimer m_pause;  // no key for a while: "paused"
    bool m_typing = false;
    bool m_quickInsert = false;
    std::function<bool(int)> m_interceptor;
};

}  // namespace rapport::ui
