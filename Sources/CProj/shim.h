#ifndef PATROL_CPROJ_SHIM_H
#define PATROL_CPROJ_SHIM_H
#include <proj.h>
#endif
