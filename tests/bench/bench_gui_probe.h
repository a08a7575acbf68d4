// What bench_gui and bench_gui_empty measure in the same way in both: milliseconds since
// the process started, peak RSS, CPU time, and the first paint of a list view that shows
// what it should. Header-only, Linux (the figures come from the kernel).
#pragma once

#include <QAbstractItemView>
#include <QCoreApplication>
#include <QEvent>
#include <QFile>
#include <QTimer>
#include <cstdio>
#include <ctime>
#include <functional>

#include <sys/resource.h>
#include <unistd.h>

namespace rapport::bench {

// The launcher (bench_gui) puts its CLOCK_MONOTONIC reading, taken just before it starts a
// child, in this variable: the child's figure then includes fork and exec, at nanosecond
// resolution. Without it, /proc/self/stat's start time (clock ticks, usually 10 ms) is used.
inline constexpr const char* StartClockVariable = "RAPPORT_BENCH_T0_NS";

inline qint64 clockNs(clockid_t clock) {
    timespec ts{};
    clock_gettime(clock, &ts);
    return qint64(ts.tv_sec) * 1000000000LL + ts.tv_nsec;
}

inline qint64 monotonicNs() {
    return clockNs(CLOCK_MONOTONIC);
}

// Milliseconds since this process started (see StartClockVariable).
inline double msSinceProcessStart() {
    const QByteArray t0 = qgetenv(StartClockVariable);
    if (!t0.isEmpty()) {
        return (monotonicNs() - t0.toLongLong()) / 1e6;
    }
    QFile stat(QStringLiteral("/proc/self/stat"));
    if (!stat.open(QIODevice::ReadOnly)) {
        return -1;
    }
    // Field 22, counted after the command name (which may hold spaces, in parentheses).
    const QByteArray line = stat.readAll();
    const QList<QByteArray> fields = line.mid(line.lastIndexOf(')') + 2).split(' ');
    if (fields.size() < 20) {
        return -1;
    }
    const double startSeconds = fields.at(19).toLongLong() / double(sysconf(_SC_CLK_TCK));
    return (clockNs(CLOCK_BOOTTIME) / 1e9 - startSeconds) * 1000.0;
}

// A "VmHWM:" or "VmRSS:" figure of /proc/self/status, in MiB.
inline double statusMiB(const char* key) {
    QFile status(QStringLiteral("/proc/self/status"));
    if (!status.open(QIODevice::ReadOnly)) {
        return -1;
    }
    // Read whole: /proc files have no size, so QFile::atEnd() holds from the start.
    for (const QByteArray& line : status.readAll().split('\n')) {
        if (line.startsWith(key)) {
            return line.mid(qstrlen(key)).trimmed().split(' ').first().toDouble() / 1024.0;
        }
    }
    return -1;
}

inline double peakRssMiB() {
    return statusMiB("VmHWM:");
}

// User + system CPU of every thread of this process.
inline double cpuSeconds() {
    rusage usage{};
    getrusage(RUSAGE_SELF, &usage);
    return usage.ru_utime.tv_sec + usage.ru_stime.tv_sec +
           (usage.ru_utime.tv_usec + usage.ru_stime.tv_usec) / 1e6;
}

// Calls `done` once, just after the first paint of `view` for which `ready` holds: a
// zero timer queued from the paint event runs after the repaint it belongs to has been
// flushed to the window system.
class FirstPaintProbe : public QObject {
public:
    FirstPaintProbe(QAbstractItemView* view, std::function<bool()> ready,
                    std::function<void()> done)
        : QObject(view), m_ready(std::move(ready)), m_done(std::move(done)) {
        view->viewport()->installEventFilter(this);
    }

protected:
    bool eventFilter(QObject* watched, QEvent* event) override {
        if (!m_fired && event->type() == QEvent::Paint && m_ready()) {
            m_fired = true;
            QTimer::singleShot(0, this, [this] { m_done(); });
        }
        return QObject::eventFilter(watched, event);
    }

private:
    std::function<bool()> m_ready;
    std::function<void()> m_done;
    bool m_fired = false;
};

}  // namespace rapport::bench
