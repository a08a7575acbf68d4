// A section of the main window that is built the first time it is needed (shown, or asked
// for by a search result), not at start-up: the window paints sooner, and a library of
// 20,000 answers is not read before anyone opens it.
#pragma once

#include <QVBoxLayout>
#include <QWidget>
#include <functional>

namespace rapport::ui {

class SectionHost : public QWidget {
    Q_OBJECT
public:
    explicit SectionHost(std::function<QWidget*()> build, QWidget* parent = nullptr)
        : QWidget(parent), m_build(std::move(build)) {
        auto* layout = new QVBoxLayout(this);
        layout->setContentsMargins(0, 0, 0, 0);
    }

    // The section's widget, built now if it was not yet.
    QWidget* content() {
        if (!m_content) {
            m_content = m_build();
            layout()->addWidget(m_content);
        }
        return m_content;
    }
    bool isBuilt() const { return m_content != nullptr; }

    // The host `widget` lives in (itself, or its content's), or null.
    static SectionHost* of(QWidget* widget) {
        if (auto* host = qobject_cast<SectionHost*>(widget)) {
            return host;
        }
        return widget ? qobject_cast<SectionHost*>(widget->parentWidget()) : nullptr;
    }

protected:
    void showEvent(QShowEvent* event) override {
        content();
        QWidget::showEvent(event);
    }

private:
    std::function<QWidget*()> m_build;
    QWidget* m_content = nullptr;
};

}  // namespace rapport::ui
