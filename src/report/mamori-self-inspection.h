/* mamori-self-inspection.h — the per-role self-inspection sheet (自己点検票, government
 * standard 2.3.1(1)(b)) as a printable form and as CSV, and the self-inspection report that
 * 2.3.1(3) asks for (evaluation, organisation-wide issues, improvements).
 *
 * Everything here works on data read before (no workspace): the text is in lang ("ja" or
 * "en"), not the user's locale. */
#pragma once

#include "core/mamori-sheet-summary.h"

G_BEGIN_DECLS

/* The sheet of role (an actor key or "all") as Markdown for the layout engine's form mode:
 * the organisation, role and blank fields for name, unit and date, then per clause its ref,
 * our wording, its basic measures as “how to show it”, the choice boxes and a note line. */
char      *mamori_sheet_form_markdown (const MamoriChecklist *checklist,
                                       const char            *role,
                                       const char            *organisation,
                                       const char            *lang);
/* The form laid out and written as a PDF; *warning (may be NULL) gets a font fallback. */
gboolean   mamori_sheet_form_write_pdf (const MamoriChecklist *checklist,
                                        const char            *role,
                                        const char            *organisation,
                                        const char            *lang,
                                        const char            *path,
                                        char                 **warning,
                                        GError               **error);
/* The sheet as CSV (UTF-8 with BOM, headings in lang): one row per clause with the columns of
 * mamori_sheet_column_keys, person, unit, answer and note left to fill in. */
GBytes    *mamori_sheet_csv            (const MamoriChecklist *checklist,
                                        const char            *role,
                                        const char            *lang);

/* What the self-inspection report prints besides the summary: the assessment's decided
 * measures and notes per item (MamoriAnswer*, store/mamori-assessments.h). */
typedef struct {
  const char *organisation;
  const char *subject;               /* the assessment's subject, or NULL */
  const char *assessed_on;           /* YYYY-MM-DD */
  const char *today;                 /* YYYY-MM-DD: the report's date */
  const MamoriChecklist *checklist;
  const MamoriSheetSummary *summary;
  GHashTable *answers;               /* ref_id → MamoriAnswer*, or NULL */
  const char *lang;
} MamoriSelfInspection;

/* The report's Markdown: 1 evaluation (rates per role, unit and clause; the clauses below
 * MAMORI_SHEET_THRESHOLD), 2 organisation-wide issues (clauses below it in every unit that
 * answered them, from two units on, and roles below it), 3 improvements (decided measures and
 * notes). */
char      *mamori_self_inspection_markdown  (const MamoriSelfInspection *report);
gboolean   mamori_self_inspection_write_pdf (const MamoriSelfInspection *report,
                                             const char                 *path,
                                             char                      **warning,
                                             GError                    **error);

G_END_DECLS
