/* mamori-csv-private.h — for tests only: the escaping of one field of a tab-separated line */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* text for one field of a tab-separated line: \t, \n, \r and \\ for a tab, a line feed,
 * a carriage return and a backslash, \xNN for other control characters (and for bytes that
 * are not UTF-8), \uNNNN for C1 controls and line or paragraph separators. Everything else is
 * kept, so a line is always one record of the fields it had. */
char        *mamori_tsv_escape      (const char *text);

G_END_DECLS
