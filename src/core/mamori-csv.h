/* mamori-csv.h — RFC 4180 CSV reading and writing, and the escaping of text that Mamori
 * writes for other programs (CSV cells, tab-separated lines, excerpts in messages). Pure. */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* Every CSV file Mamori writes goes through mamori_csv_append_field, which also guards against
 * formulas (“CSV injection”): spreadsheet programs run a cell that starts with = + - @ (or a tab
 * or carriage return, which they drop first) as a formula, so such a cell is written with a
 * leading ' (the OWASP rule), which they show as text. A cell that is a plain decimal number
 * (-12, 3.5) is a number, not a formula, and is left alone, so numeric columns stay numbers
 * (an assessment's score can be −1). The readers take the ' off again (mamori_csv_cell_text),
 * so a value survives export and import exactly. */
void mamori_csv_append_field (GString    *out,
                              const char *value);
/* Appends the fields separated by commas and a CRLF line end. */
void mamori_csv_append_row   (GString           *out,
                              const char * const *fields,
                              gsize               n_fields);
/* TRUE when mamori_csv_append_field writes value with a leading '. */
gboolean     mamori_csv_needs_guard (const char *value);
/* The value of a cell as read: without the leading ' that mamori_csv_append_field put before
 * = + - @ TAB CR (or before ' followed by one of them). Points into cell. */
const char  *mamori_csv_cell_text   (const char *cell);

/* Records of a file read at most this many fields each, and at most this many records. */
#define MAMORI_CSV_MAX_FIELDS  1000
#define MAMORI_CSV_MAX_RECORDS 1000000

/* Values quoted in messages are cut after this many characters (with “…”). */
#define MAMORI_TEXT_EXCERPT_CHARS 80
/* text for a message: at most MAMORI_TEXT_EXCERPT_CHARS characters, then “…”; control
 * characters escaped as in mamori_tsv_escape (mamori-csv-private.h; a backslash stays one),
 * never invalid UTF-8. */
char        *mamori_text_excerpt    (const char *text);
/* One tab-separated line (with its line feed) of fields escaped as mamori_tsv_escape
 * (mamori-csv-private.h) says; NULL fields are empty. */
char        *mamori_tsv_row         (const char * const *fields,
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

/* A typed value or heading as a key to match: NFKC (full-width letters, digits and brackets),
 * no white space (line breaks in a cell), ASCII lower case. Never NULL (text NULL: ""). */
char      *mamori_csv_match_key (const char *text);

G_END_DECLS
