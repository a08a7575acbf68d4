// Where a reply is typed: Enter sends, Shift+Enter starts a new line, the box grows with its
// text up to a few lines. Says when the user starts and stops typing (chat states).
#pragma once

#include <QPlainTextEdit>
#include <QTimer>

namespace rapport::ui {

class Composer : public QPlainTextEdit {
    Q_OBJECT
public:
    explicit Composer(QWidget* parent = nullptr);

    QSize sizeHint() const override;

signals:
    void sendRequested(const QString& text);
    void typingChanged(bool typing);

protected:
    void keyPressEvent(QKeyEvent* event) override;

private:
    void updateHeight();

    QTimer m_pause;  // no key for a while: "paused"
    bool m_typing = false;
};

}  // namespace rapport::ui
