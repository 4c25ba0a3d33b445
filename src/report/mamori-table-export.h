/* mamori-table-export.h — the ledger and an assessment as CSV/XLSX files */
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
 * owner, due, evidence (name, size, SHA-256). Texts in lang. */
char     *mamori_table_export_assessment_csv (MamoriWorkspace       *self,
                                              const MamoriChecklist *checklist,
                                              gint64                 id,
                                              const char            *lang,
                                              GError               **error);

G_END_DECLS
