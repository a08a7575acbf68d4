// Continuing a QFuture on an object's thread, safely when the object dies first.
//
// Qt 6.4's QFuture::then(context, f) asserts (and in release builds, uses a dangling
// pointer) when `context` is destroyed before the future finishes, which happens
// whenever a window or a CLI command ends while the store thread is still working.
// A QFutureWatcher owned by the context dies with it instead, and its queued
// finished() signal then simply never arrives.
#pragma once

#include <QFutureWatcher>
#include <QPromise>
#include <memory>
#include <type_traits>

namespace rapport {

// Calls f(result) on context's thread once `future` has a result; never if context is
// destroyed first or the future was cancelled.
template <class T, class F>
void onFinished(const QFuture<T>& future, QObject* context, F&& f) {
    auto* watcher = new QFutureWatcher<T>(context);
    QObject::connect(watcher, &QFutureWatcherBase::finished, context,
                     [watcher, f = std::forward<F>(f)]() mutable {
                         watcher->deleteLater();
                         if (watcher->future().resultCount() > 0) {
                             f(watcher->result());
                         }
                     });
    watcher->setFuture(future);
}

// The same, chaining: resolves with what f returns. If context dies first, the returned
// future is cancelled (and onFinished() continuations on it never run).
template <class T, class F>
auto thenOn(const QFuture<T>& future, QObject* context, F&& f)
    -> QFuture<std::invoke_result_t<F&, const T&>> {
    using R = std::invoke_result_t<F&, const T&>;
    auto promise = std::make_shared<QPromise<R>>();
    promise->start();
    QFuture<R> out = promise->future();
    onFinished(future, context, [promise, f = std::forward<F>(f)](const T& value) mutable {
        promise->addResult(f(value));
        promise->finish();
    });
    return out;
}

}  // namespace rapport
