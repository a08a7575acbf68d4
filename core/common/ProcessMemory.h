// Memory settings for a program that runs all day with a few busy threads (the desktop
// app). Portable: where the C library has no such knob, these do nothing.
#pragma once

namespace rapport {

// glibc gives every thread that allocates its own heap ("arena", up to 8 per core), and
// memory freed in one arena serves no other. The app's UI thread builds what the store
// thread frees and the other way round, so each arena grew to its own high-water mark: two
// arenas measured 85 MiB peak over a 10,000-message catch-up and a burst where one arena per
// thread took 90 MiB, for the same CPU time. Call first thing in main(): glibc fixes the
// limit when the second thread first allocates, and ignores it after that.
void limitAllocatorArenas();

}  // namespace rapport
