#ifndef PATROL_CGEOS_SHIM_H
#define PATROL_CGEOS_SHIM_H
// Only the reentrant (_r) API may be called: one handle per task, no global state.
#define GEOS_USE_ONLY_R_API 1
#include <geos_c.h>
#endif
