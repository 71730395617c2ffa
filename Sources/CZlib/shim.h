#ifndef PATROL_CZLIB_SHIM_H
#define PATROL_CZLIB_SHIM_H
#include <zlib.h>
#endif
