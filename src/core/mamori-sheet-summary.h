/* mamori-sheet-summary.h — per-role self-inspection sheets (自己点検票, government standard
 * 2.3.1(1)(b)): the roles, reading a returned sheet from CSV, and the implementation rates per
 * clause, per role and per unit computed from the answers people returned. Pure C + GLib.
 *
 * A role is an actor key of the checklist (mamori_actor_keys). Each person's answer to a clause
 * counts once: the rate of a group is the sum of the answers' scores divided by the best score
 * of the applicable answers (実施している 2, 一部実施している 1, 実施していない 0 → 100 %, 50 %,
 * 0 %); not-applicable answers count in no rate. */
#pragma once

#include <glib.h>

#include "mamori-checklist.h"

G_BEGIN_DECLS

/* Clauses whose rate is below this are listed in the self-inspection report (README). */
#define MAMORI_SHEET_THRESHOLD 0.8

typedef struct {
  char *ref_id;
  char *person;              /* never empty */
  char *unit;                /* "" when not given */
  char *role;                /* an actor key */
  int choice;                /* index into the item's choices */
  double score;              /* meaningless when not_applicable */
  gboolean not_applicable;
  char *note;                /* "" when none */
} MamoriSheetAnswer;

MamoriSheetAnswer *mamori_sheet_answer_new  (const char *ref_id,
                                             const char *person,
                                             const char *unit,
                                             const char *role,
                                             int         choice,
                                             double      score,
                                             gboolean    not_applicable,
                                             const char *note);
void               mamori_sheet_answer_free (MamoriSheetAnswer *answer);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (MamoriSheetAnswer, mamori_sheet_answer_free)

/* The role's name in lang ("ja" or "en"); the key itself when unknown. */
const char *mamori_sheet_role_label    (const char            *role,
                                        const char            *lang);
/* The roles the checklist's items name, in the order of mamori_actor_keys (char*, owned by
 * the array's caller: g_ptr_array_unref). */
GPtrArray  *mamori_sheet_roles         (const MamoriChecklist *checklist);
/* The items of role (an actor key; "all": every item with an actor) in checklist order
 * (const MamoriNode*). */
GPtrArray  *mamori_sheet_items         (const MamoriChecklist *checklist,
                                        const char            *role);
/* What shows how an item is met: its basic measures (the non-assessable nodes under it) and
 * their sub-items, in file order (const MamoriNode*; depth relative to the item's children is
 * node->depth - item->depth - 1). */
GPtrArray  *mamori_sheet_measures      (const MamoriChecklist *checklist,
                                        const MamoriNode      *item);

/* The CSV column keys of a sheet, in order, and their headings in lang. */
#define MAMORI_SHEET_N_COLUMNS 7
extern const char * const mamori_sheet_column_keys[MAMORI_SHEET_N_COLUMNS];
const char *mamori_sheet_column_heading (guint                  column,
                                         const char            *lang);

/* TRUE when the CSV text's header names the columns of a returned sheet (person, in English
 * or Japanese). */
gboolean    mamori_sheet_csv_is_sheet   (const char            *text);
/* Reads a returned sheet (UTF-8 CSV text, headings in English or Japanese): ref_id, answer,
 * person are needed; unit, role, note, clause are optional. A row with an empty answer is
 * skipped; an empty person or unit takes the value of the row above. NULL with error (and
 * *problems NULL) when the file is not such a CSV; else *problems gets every bad row (“line N,
 * column C, value “V”: reason”) and the answers (MamoriSheetAnswer*) are returned only when
 * there is none. */
GPtrArray  *mamori_sheet_read_csv       (const MamoriChecklist *checklist,
                                         const char            *text,
                                         GPtrArray            **problems,
                                         GError               **error);

/* --- the summary ------------------------------------------------------------------------ */

typedef struct {
  char *key;                 /* a ref_id, a role key or a unit ("" : no unit given) */
  guint n_answers;           /* every answer */
  guint n_not_applicable;
  guint n_full, n_partial, n_none; /* applicable answers at the best, a middle, the worst score */
  double score;              /* sum over the applicable answers */
  double max;                /* best possible over them */
} MamoriSheetRate;

/* The rate 0…1, or -1 when the group has no applicable answer. */
double      mamori_sheet_rate_value     (const MamoriSheetRate *rate);

typedef struct {
  GPtrArray *clauses;        /* MamoriSheetRate*, checklist order, the clauses answered */
  GPtrArray *roles;          /* MamoriSheetRate*, mamori_actor_keys order, the roles answered */
  GPtrArray *units;          /* MamoriSheetRate*, by unit name */
  MamoriSheetRate total;
  guint n_people;
  /* char*: the ref_ids of the organisation-wide issues, checklist order: clauses answered in
   * two units or more and below MAMORI_SHEET_THRESHOLD in each of them. */
  GPtrArray *issues;
} MamoriSheetSummary;

/* The rates of answers (MamoriSheetAnswer*) to checklist's items; answers to unknown items
 * are ignored. */
MamoriSheetSummary *mamori_sheet_summary_new  (const MamoriChecklist *checklist,
                                               GPtrArray             *answers);
void                mamori_sheet_summary_free (MamoriSheetSummary    *summary);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (MamoriSheetSummary, mamori_sheet_summary_free)

G_END_DECLS
