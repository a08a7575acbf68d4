// A list model whose rows are items with a key (a peer, an answer id, a tip id), refreshed
// from the store as a whole new list: applyKeyed() turns "here is the list now" into the
// fewest, correct model signals. Rows that went are removed, new ones inserted, the order
// changed with the persistent indexes (selection, current row, open editors) following
// their item, and rows whose content changed reported in place. Views keep selection and
// scroll position, which a model reset would lose.
#pragma once

#include <QAbstractListModel>
#include <QHash>
#include <QSet>

namespace rapport::models {

class KeyedListModel : public QAbstractListModel {
public:
    using QAbstractListModel::QAbstractListModel;

protected:
    // key(item) -> a QString; same(a, b): nothing the model shows differs.
    template <class T, class KeyFn, class SameFn>
    void applyKeyed(QList<T>& rows, const QList<T>& fresh, KeyFn key, SameFn same);
};

template <class T, class KeyFn, class SameFn>
void KeyedListModel::applyKeyed(QList<T>& rows, const QList<T>& fresh, KeyFn key, SameFn same) {
    QHash<QString, int> freshRow;
    for (qsizetype i = 0; i < fresh.size(); ++i) {
        freshRow.insert(key(fresh[i]), int(i));
    }
    // 1. Rows that went.
    for (int i = int(rows.size()) - 1; i >= 0; --i) {
        if (!freshRow.contains(key(rows[i]))) {
            beginRemoveRows({}, i, i);
            rows.removeAt(i);
            endRemoveRows();
        }
    }
    // 2. New rows, at the end for now.
    QSet<QString> have;
    for (const T& item : rows) {
        have.insert(key(item));
    }
    QList<T> added;
    for (const T& item : fresh) {
        if (!have.contains(key(item))) {
            added << item;
        }
    }
    if (!added.isEmpty()) {
        beginInsertRows({}, int(rows.size()), int(rows.size() + added.size() - 1));
        rows += added;
        endInsertRows();
    }
    // 3. The order of `fresh`, persistent indexes following their item.
    bool reordered = false;
    for (qsizetype i = 0; i < rows.size() && !reordered; ++i) {
        reordered = key(rows[i]) != key(fresh[i]);
    }
    if (reordered) {
        emit layoutAboutToBeChanged({}, QAbstractItemModel::VerticalSortHint);
        const QModelIndexList before = persistentIndexList();
        QStringList keys;
        for (const QModelIndex& i : before) {
            keys << key(rows.at(i.row()));
        }
        // The old rows in the new order: what changed in them is reported below.
        QHash<QString, T> old;
        for (const T& item : rows) {
            old.insert(key(item), item);
        }
        rows.clear();
        for (const T& item : fresh) {
            rows << old.value(key(item));
        }
        QModelIndexList after;
        for (qsizetype i = 0; i < before.size(); ++i) {
            after << index(freshRow.value(keys[i]), before[i].column());
        }
        changePersistentIndexList(before, after);
        emit layoutChanged({}, QAbstractItemModel::VerticalSortHint);
    }
    // 4. What changed in place.
    for (qsizetype i = 0; i < rows.size(); ++i) {
        if (!same(rows[i], fresh[i])) {
            rows[i] = fresh[i];
            emit dataChanged(index(int(i)), index(int(i)));
        }
    }
}

}  // namespace rapport::models
