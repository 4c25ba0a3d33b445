/* mamori-diff-private.h — for tests only: a diff as text */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* The diff as text, one line per line with its mark ("  ", "- ", "+ "). */
char      *mamori_diff_format    (GPtrArray  *lines);

G_END_DECLS
