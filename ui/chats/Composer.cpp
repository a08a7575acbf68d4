#include "chats/Composer.h"

#include <QKeyEvent>
#include <QSignalBlocker>

namespace rapport::ui {

namespace {

constexpr int kMaxLines = 6;
constexpr int kPauseMs = 5000;  // XEP-0085: "paused" after a few seconds without typing

}  // namespace

Composer::Composer(QWidget* parent) : QPlainTextEdit(parent) {
    setPlaceholderText(tr("Write a reply… (Enter sends, Shift+Enter for a new line)"));
    setAccessibleName(tr("Reply"));
    setTabChangesFocus(true);
    m_pause.setSingleShot(true);
    m_pause.setInterval(kPauseMs);
    connect(&m_pause, &QTimer::timeout, this, [this] {
        if (m_typing) {
            m_typing = false;
            emit typingChanged(false);
        }
    });
    connect(this, &QPlainTextEdit::textChanged, this, [this] {
        updateHeight();
        const bool empty = toPlainText().isEmpty();
        if (!empty) {
            m_pause.start();
        }
        if (m_typing == empty) {
            m_typing = !empty;
            emit typingChanged(m_typing);
        }
        const QString text = toPlainText();
        if (text.startsWith(u'/') && !text.contains(u'\n')) {
            m_quickInsert = true;
            emit quickInsertQuery(text.mid(1));
        } else if (std::exchange(m_quickInsert, false)) {
            emit quickInsertEnded();
        }
    });
    updateHeight();
}

QSize Composer::sizeHint() const {
    return {QPlainTextEdit::sizeHint().width(), height()};
}

void Composer::updateHeight() {
    const int lines = std::clamp(int(document()->size().height()), 1, kMaxLines);
    const int h = fontMetrics().lineSpacing() * lines + 2 * frameWidth() +
                  int(document()->documentMargin() * 2) + 4;
    setFixedHeight(h);
}

void Composer::insertAnswerText(const QString& text) {
    if (m_quickInsert) {
        setPlainText(QString());  // the "/query" goes
    }
    insertPlainText(text);
    setFocus();
}

void Composer::setDraft(const QString& text) {
    if (std::exchange(m_typing, false)) {
        emit typingChanged(false);
    }
    m_pause.stop();
    if (std::exchange(m_quickInsert, false)) {
        emit quickInsertEnded();
    }
    {
        const QSignalBlocker quiet(this);
        setPlainText(text);
        moveCursor(QTextCursor::End);
    }
    updateHeight();
}

void Composer::keyPressEvent(QKeyEvent* event) {
    if (m_interceptor && event->modifiers() == Qt::NoModifier && m_interceptor(event->key())) {
        return;
    }
    const bool enter = event->key() == Qt::Key_Return || event->key() == Qt::Key_Enter;
    if (enter && !(event->modifiers() & Qt::ShiftModifier)) {
        const QString text = toPlainText().trimmed();
        if (!text.isEmpty()) {
            emit sendRequested(text);
            clear();
        }
        return;
    }
    QPlainTextEdit::keyPressEvent(event);
}

}  // namespace rapport::ui
