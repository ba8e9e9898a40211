// R's standalone math library. MATHLIB_STANDALONE exposes the plain symbol
// names (pbinom, pchisq, ...) instead of the Rf_-prefixed ones R itself uses.
// pnorm, qnorm and dnorm stay macros (for pnorm5, qnorm5, dnorm4) that Swift
// cannot see: callers use the real symbols.
#define MATHLIB_STANDALONE 1
#include <Rmath.h>
