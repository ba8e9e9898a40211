// glibc's malloc tuning (mallopt and its M_* parameters), which the Glibc module leaves
// out. Part of libc: nothing to link.
#if __has_include(<malloc.h>)
#include <malloc.h>
#endif
