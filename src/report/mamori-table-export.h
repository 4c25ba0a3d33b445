/* mamori-table-export.h — the ledger, an assessment and any table of text as CSV/XLSX files */
#pragma once

#include "core/mamori-checklist.h"
#include "store/mamori-workspace.h"

G_BEGIN_DECLS

/* Writes the ledger to path: .xlsx as a workbook, anything else as CSV (UTF-8 with BOM).
 * Written under a temporary name and renamed, so a failure leaves no partial file. */
gboolean  mamori_table_export_assets         (MamoriWorkspace       *self,
                                              const char            *path,
                                              GError               **error);

/* One assessment as CSV (UTF-8 with BOM): ref_id, group, item, answer, score, note, measure,
 * owner, due, evidence (name, size, SHA-256), questions (mamori_question_cell_format: the
 * answers to the item's questions). Texts in lang. */
char     *mamori_table_export_assessment_csv (MamoriWorkspace       *self,
                                              const MamoriChecklist *checklist,
                                              gint64                 id,
                                              const char            *lang,
                                              GError               **error);

/* A table of text to path: .xlsx as a workbook of one sheet (bold, frozen heading row; cells
 * are strings, never formulas), anything else as CSV (UTF-8 with BOM, formulas guarded). rows
 * holds GStrv of n_columns cells. Written under a temporary name and renamed. */
gboolean  mamori_table_write                 (const char            *path,
                                              const char            *sheet,
                                              const char * const    *headings,
                                              guint                  n_columns,
                                              GPtrArray             *rows,
                                              GError               **error);

G_END_DECLS
