// A QListView for lists whose rows all have the same height (uniformItemSizes), which a
// change to one row's data cannot re-lay out. QListView's list mode lays out every row
// again and repaints the whole viewport on any dataChanged, even for one row: in a burst of
// messages that was a full repaint of the conversation list ten times a second, with the
// layout pass, a seventh of the app's CPU. Here a change repaints the changed rows only.
#pragma once

#include <QListView>

namespace rapport::ui {

class UniformListView : public QListView {
public:
    explicit UniformListView(QWidget* parent = nullptr) : QListView(parent) {
        setUniformItemSizes(true);
    }

protected:
    void dataChanged(const QModelIndex& topLeft, const QModelIndex& bottomRight,
                     const QList<int>& roles) override {
        if (uniformItemSizes() && viewMode() == ListMode && !isWrapping()) {
            // What QListView would do, minus its layout: the rows' rectangles stay put.
            QAbstractItemView::dataChanged(topLeft, bottomRight, roles);
        } else {
            QListView::dataChanged(topLeft, bottomRight, roles);
        }
    }
};

}  // namespace rapport::ui
