/* mamori-register.h — the year's registers (incidents, exceptions, accepted risks, people,
 * training, pledges, suppliers) described once: their fields, types, choices and rules.
 *
 * A register is a table of records; the store, the exports, the command line and the window
 * all read its shape from here, so a field is added in one place (and in a migration). Values
 * travel as text: dates YYYY-MM-DD, times YYYY-MM-DD HH:MM, yes/no as "1"/"0", numbers in
 * decimal, a reference as the referenced row's id in decimal ("" for none). Pure C + GLib. */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

typedef enum {
  MAMORI_FIELD_TEXT,       /* one line */
  MAMORI_FIELD_LONG_TEXT,  /* several lines */
  MAMORI_FIELD_DATE,       /* YYYY-MM-DD */
  MAMORI_FIELD_TIME,       /* YYYY-MM-DD HH:MM (local time) */
  MAMORI_FIELD_CHOICE,     /* one of choices[] */
  MAMORI_FIELD_BOOL,       /* "1" or "0" */
  MAMORI_FIELD_NUMBER,     /* a whole number between min and max */
  MAMORI_FIELD_REF,        /* the id of a row of ref: a register's key, "asset" or "assessment" */
} MamoriFieldType;

typedef struct {
  const char *key;                 /* a column of the register's table and a CSV header */
  const char *label;               /* N_(): translate with _() */
  MamoriFieldType type;
  const char *const *choices;      /* CHOICE: the stored keys, NULL-terminated; the first is the default */
  const char *const *choice_labels;/* CHOICE: N_() labels, in the same order */
  const char *ref;                 /* REF: what it refers to */
  gboolean required;
  gboolean listed;                 /* a column of lists, tables and command-line output */
  int min, max;                    /* NUMBER: the range; TEXT/LONG_TEXT: max = most characters */
  const char *def;                 /* the value of a new record ("" when NULL) */
  const char *source;              /* the guideline clause it answers ("gov 2.2.2(1)-2 b)"), or NULL */
} MamoriField;

typedef struct {
  const char *key;                 /* the table, the command, the export's name: "incidents" */
  const char *title;               /* N_("Incidents") */
  const char *singular;            /* N_("Incident") */
  const char *parent;              /* a part of another register's record ("incident_updates" of
                                    * "incidents"): the parent's key, else NULL */
  const char *parent_field;        /* the column holding the parent's id */
  const MamoriField *fields;
  guint n_fields;
  const char *label_field;         /* the field that names a record (in lists of references) */
  const char *order;               /* the SQL ORDER BY of lists (column names of this table only) */
  const char *source;              /* what in the guidelines it keeps: "gov 2.2.4; cert 第六 IDs 46–55" */
} MamoriRegister;

/* Every register, top-level ones first in the order the window shows them. */
const MamoriRegister *const *mamori_registers        (guint *n);
/* NULL when key names no register. */
const MamoriRegister        *mamori_register_lookup  (const char *key);
/* The registers whose records are parts of parent's. */
GPtrArray                   *mamori_register_children (const MamoriRegister *parent);
const MamoriField           *mamori_register_field   (const MamoriRegister *reg,
                                                      const char           *key);
int                          mamori_register_field_index (const MamoriRegister *reg,
                                                          const char           *key);
/* The label of a choice (translated), or the key itself when unknown. */
const char                  *mamori_field_choice_label (const MamoriField *field,
                                                        const char        *key);
/* A register's words in the user's language. Words the registers share with the rest of Mamori
 * but mean otherwise here ("Medium" is a severity, not the ledger's storage medium; a
 * supplier's "Name" is not a person's) are looked up first in the register's own gettext
 * context (its key), then in the context "register", then as they are. */
const char                  *mamori_register_title       (const MamoriRegister *reg);
const char                  *mamori_register_singular    (const MamoriRegister *reg);
const char                  *mamori_register_field_label (const MamoriRegister *reg,
                                                          const MamoriField    *field);
/* The same as mamori_field_choice_label. */
const char                  *mamori_register_choice_label (const MamoriField  *field,
                                                           const char         *key);
/* The choice whose key or (translated or English) label is text; NULL when none. */
const char                  *mamori_field_choice_parse (const MamoriField *field,
                                                        const char        *text);

/* One record: values[i] belongs to reg->fields[i] (never NULL: "" when empty). */
typedef struct {
  const MamoriRegister *reg;
  gint64 id;                       /* 0 until stored */
  gint64 parent;                   /* the parent record's id (parts only) */
  char **values;
  /* The stored row's version when it was read (0: new, or not read): saving refuses when
   * someone changed the record meanwhile (MAMORI_WORKSPACE_ERROR_CONFLICT). */
  gint64 version;
} MamoriRecord;

MamoriRecord *mamori_record_new   (const MamoriRegister *reg);
MamoriRecord *mamori_record_copy  (const MamoriRecord   *record);
void          mamori_record_free  (MamoriRecord         *record);
/* "" when the field is empty or unknown. */
const char   *mamori_record_get   (const MamoriRecord   *record,
                                   const char           *key);
void          mamori_record_set   (MamoriRecord         *record,
                                   const char           *key,
                                   const char           *value);
/* The record's name (its label field), for lists and messages. */
const char   *mamori_record_label (const MamoriRecord   *record);

/* Checks each value against its field (required, date, time, choice, number range, length) and
 * the register's own rules: an exception's approver is never its applicant (gov 2.2.2(2)), its
 * period does not end before it starts; an accepted risk names what it accepts; a part has a
 * parent. The message names the field and what is wrong. */
gboolean      mamori_record_validate (const MamoriRecord *record,
                                      GError            **error);

/* Records of reg read from CSV text: a heading row naming fields by key or label (English or
 * the user's language; a heading that names no field is a problem, columns may come in any
 * order, fields left out take their defaults), then one record per row. Dates are also read as
 * YYYY/M/D; yes/no also as yes, no, true, false, はい, いいえ, ○, ×; a choice by its key or label.
 * Each bad row adds a problem "Line N: …" and no record; a register with references keeps
 * what the row says (a name) for the caller to resolve, and its records are not validated
 * here. FALSE with error only when text is not CSV or has no heading row. */
gboolean      mamori_register_read_csv (const MamoriRegister *reg,
                                        const char           *text,
                                        GPtrArray           **records,
                                        GPtrArray           **problems,
                                        GError              **error);
/* A value as people type it, in the form the field stores (see mamori_register_read_csv);
 * NULL when it cannot be one. */
char         *mamori_field_normalise   (const MamoriField    *field,
                                        const char           *text);

/* Two names of one person or unit, compared as people write them: surrounding and inner white
 * space (ASCII and ideographic) ignored, ASCII letters case-folded. "" never matches. */
gboolean      mamori_same_name    (const char *a,
                                   const char *b);

/* Fiscal years start on the first of start_month (1–12; 4 in Japan): the fiscal year that
 * holds date, as its first day. NULL for a bad date. */
char         *mamori_fiscal_year_start (const char *date,
                                        int         start_month);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (MamoriRecord, mamori_record_free)

#define MAMORI_REGISTER_ERROR (mamori_register_error_quark ())
GQuark mamori_register_error_quark (void);
typedef enum {
  MAMORI_REGISTER_ERROR_INVALID,       /* a value does not fit its field */
  MAMORI_REGISTER_ERROR_SEGREGATION,   /* one person in two roles that must be separate */
} MamoriRegisterError;

G_END_DECLS
