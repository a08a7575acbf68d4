#include "store/StatementCache.h"

#include <QHash>
#include <map>

namespace rapport::store::StatementCache {

namespace {
using Sets = std::map<std::type_index, std::shared_ptr<void>>;
// Per thread, so no lock: each connection is used on its store thread only.
thread_local QHash<QString, Sets> cache;
}  // namespace

void* detail::find(const QString& connection, std::type_index type) {
    const auto sets = cache.constFind(connection);
    if (sets == cache.cend()) {
        return nullptr;
    }
    const auto it = sets->find(type);
    return it == sets->end() ? nullptr : it->second.get();
}

void* detail::keep(const QString& connection, std::type_index type, std::shared_ptr<void> set) {
    void* raw = set.get();
    cache[connection][type] = std::move(set);
    return raw;
}

void release(const QString& connection) {
    cache.remove(connection);
}

}  // namespace rapport::store::StatementCache
