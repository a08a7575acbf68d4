// The yardstick of bench_gui's start-up figure: an empty Qt 6 window (QMainWindow with a
// QListView beside a QTextEdit, at the app's default size). Prints the milliseconds from
// process start to the first paint of the list, flushed, and the peak RSS then; exits.
// bench_gui starts it the same way as the app, and reads these lines:
//   startup_ms <ms>
//   peak_rss_mib <MiB>
#include <QApplication>
#include <QListView>
#include <QMainWindow>
#include <QSplitter>
#include <QTextEdit>
#include <cstdio>

#include "bench_gui_probe.h"

int main(int argc, char** argv) {
    QApplication app(argc, argv);
    QMainWindow window;
    auto* list = new QListView;
    auto* splitter = new QSplitter;
    splitter->addWidget(list);
    splitter->addWidget(new QTextEdit);
    splitter->setSizes({300, 700});
    window.setCentralWidget(splitter);
    window.resize(1100, 720);
    new rapport::bench::FirstPaintProbe(
        list, [] { return true; },
        [] {
            std::printf("startup_ms %.3f\npeak_rss_mib %.2f\n",
                        rapport::bench::msSinceProcessStart(), rapport::bench::peakRssMiB());
            std::fflush(stdout);
            QCoreApplication::exit(0);
        });
    window.show();
    return QApplication::exec();
}
