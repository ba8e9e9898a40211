// Debian's OpenBLAS is built without LAPACKE, so lapacke is linked on its own;
// it calls into the same OpenBLAS runtime. `lapack_int` is a macro Swift cannot
// see: Swift callers use Int32.
#include <lapacke.h>
