// Waiting for a future in a unit test: the event loop runs meanwhile, so continuations
// that come back to the test's thread (models, syncs) run too.
#pragma once

#include <QFuture>
#include <QTest>

namespace rapport::test {

template <class T>
T await(QFuture<T> future) {
    while (!future.isFinished()) {
        QTest::qWait(1);
    }
    return future.result();
}

}  // namespace rapport::test
