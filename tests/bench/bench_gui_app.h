// The desktop app as bench_gui measures it, in a child process (bench_gui --child ...).
#pragma once

namespace rapport::bench {

// Runs the app on a profile and prints "key value" figures on stdout; see bench_gui_app.cpp.
int runApp(int argc, char** argv);

}  // namespace rapport::bench
