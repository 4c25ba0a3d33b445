/* mamori-csv.h — RFC 4180 CSV writing (pure) */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

void mamori_csv_append_field (GString    *out,
                              const char *value);
/* Appends the fields separated by commas and a CRLF line end. */
void mamori_csv_append_row   (GString           *out,
                              const char * const *fields,
                              gsize               n_fields);

G_END_DECLS
