/* mamori-template.h — document templates: Markdown with a YAML front matter that declares the
 * fields, {{placeholders}} and {{#if}}/{{#unless}}/{{#each}} blocks in the body. */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

#define MAMORI_TEMPLATE_ERROR (mamori_template_error_quark ())
GQuark mamori_template_error_quark (void);

typedef enum {
  MAMORI_TEMPLATE_ERROR_SYNTAX,        /* bad front matter or body syntax */
  MAMORI_TEMPLATE_ERROR_UNKNOWN_FIELD, /* a placeholder names no declared field */
  MAMORI_TEMPLATE_ERROR_VALUE,         /* a value does not suit its field */
} MamoriTemplateError;

typedef enum {
  MAMORI_TEMPLATE_FIELD_TEXT,
  MAMORI_TEMPLATE_FIELD_DATE,    /* YYYY-MM-DD */
  MAMORI_TEMPLATE_FIELD_CHOICE,  /* one option key */
  MAMORI_TEMPLATE_FIELD_MULTI,   /* several option keys, comma-separated */
  MAMORI_TEMPLATE_FIELD_BOOL,    /* "true" or "false" */
  MAMORI_TEMPLATE_FIELD_TABLE,   /* rows of cells, one per column */
} MamoriTemplateFieldType;

typedef struct {
  char *key;
  char *label_ja;
  char *label_en;
} MamoriFieldOption;

typedef struct {
  char *key;
  char *label_ja;
  char *label_en;
  char *help_ja;
  char *help_en;
  MamoriTemplateFieldType type;
  char *default_text;   /* text, date, choice, multi, bool */
  GPtrArray *options;   /* MamoriFieldOption*: choice and multi options, table columns */
  GPtrArray *default_rows; /* table: char** rows, one cell per column */
} MamoriTemplateField;

typedef struct _MamoriTemplate MamoriTemplate;

/* filename is used in messages ("basic-policy.ja.md:12: …"). */
MamoriTemplate *mamori_template_parse       (const char      *filename,
                                             const char      *text,
                                             gsize            length,
                                             GError         **error);
/* A built-in template (data/templates/ID.LANG.md); lang "en" or anything else for Japanese. */
MamoriTemplate *mamori_template_builtin     (const char      *id,
                                             const char      *lang,
                                             GError         **error);
void            mamori_template_free        (MamoriTemplate  *tmpl);

const char     *mamori_template_get_id      (const MamoriTemplate *tmpl);
const char     *mamori_template_get_kind    (const MamoriTemplate *tmpl);   /* policy, rules, handbook, … */
const char     *mamori_template_get_lang    (const MamoriTemplate *tmpl);   /* ja or en */
const char     *mamori_template_get_title   (const MamoriTemplate *tmpl);
const char     *mamori_template_get_source  (const MamoriTemplate *tmpl);   /* what it is based on */
/* "sections" (1, 1.1) or "articles" (第1章, 第1条). */
const char     *mamori_template_get_numbering (const MamoriTemplate *tmpl);
GPtrArray      *mamori_template_get_fields  (const MamoriTemplate *tmpl);   /* MamoriTemplateField* */
const MamoriTemplateField *mamori_template_find_field (const MamoriTemplate *tmpl,
                                               const char           *key);

/* Field values by key: missing ones take the field's default. */
typedef struct _MamoriTemplateValues MamoriTemplateValues;

MamoriTemplateValues *mamori_template_values_new      (void);
void                  mamori_template_values_free     (MamoriTemplateValues *values);
void                  mamori_template_values_set      (MamoriTemplateValues *values,
                                                       const char           *key,
                                                       const char           *text);
/* Appends a row to a table field (cells in column order; NULL-terminated). cells NULL gives
 * the table with no row (yet), which is not the same as leaving it to its default rows. */
void                  mamori_template_values_add_row  (MamoriTemplateValues *values,
                                                       const char           *key,
                                                       const char * const   *cells);
const char           *mamori_template_values_get      (const MamoriTemplateValues *values,
                                                       const char                 *key);
/* A table's given rows (char**), or NULL when none were given. */
GPtrArray            *mamori_template_values_get_rows (const MamoriTemplateValues *values,
                                                       const char                 *key);

/* The filled Markdown. Values are checked against their fields (a choice must be one of its
 * options, a date a real date); values are escaped so they cannot change the Markdown. */
char           *mamori_template_fill        (const MamoriTemplate       *tmpl,
                                             const MamoriTemplateValues *values,
                                             GError                    **error);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (MamoriTemplate, mamori_template_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (MamoriTemplateValues, mamori_template_values_free)

/* text as Markdown that reads as exactly that text on one line (markup characters and table
 * bars backslash-escaped, line breaks as spaces): for values and table cells. */
char *mamori_template_escape (const char *text);

G_END_DECLS
