#include "common/ProcessMemory.h"

#include <cstdlib>  // defines __GLIBC__ with the GNU C library

#if defined(__GLIBC__)
#include <malloc.h>
#endif

namespace rapport {

void limitAllocatorArenas() {
#if defined(__GLIBC__)
    // Two: the UI thread's and one shared by the store, network and pool threads.
    mallopt(M_ARENA_MAX, 2);
#endif
}

}  // namespace rapport
