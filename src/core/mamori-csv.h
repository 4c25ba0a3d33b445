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


typedef struct {
  guint line;              /* 1-based line where the record starts */
  GPtrArray *fields;       /* char* */
} MamoriCsvRow;

#define MAMORI_CSV_ERROR (mamori_csv_error_quark ())
GQuark mamori_csv_error_quark (void);
typedef enum {
  MAMORI_CSV_ERROR_ENCODING,
  MAMORI_CSV_ERROR_SYNTAX,
} MamoriCsvError;

/* Text of a CSV file as UTF-8: UTF-8 with or without BOM, else Shift_JIS (CP932).
 * *encoding (if given) names what was found. */
char      *mamori_csv_decode (const char  *data,
                              gsize        length,
                              const char **encoding,
                              GError     **error);
/* RFC 4180 records of UTF-8 text; empty lines are skipped. Elements are MamoriCsvRow*. */
GPtrArray *mamori_csv_parse  (const char  *text,
                              GError     **error);

G_END_DECLS
