/* mamori-catalog-private.h — for tests only: the ids of the built-in libraries */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* The ids of the built-in libraries, in the order they are shown. */
const char * const    *mamori_catalog_builtin_ids   (void);

G_END_DECLS
