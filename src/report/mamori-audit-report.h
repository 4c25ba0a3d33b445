/* mamori-audit-report.h — the audit report of an assessment as Markdown for the layout engine */
#pragma once

#include "core/mamori-checklist.h"
#include "store/mamori-workspace.h"

G_BEGIN_DECLS

/* The audit report of one assessment as Markdown for the layout engine: scope and dates (and the
 * internal-audit plan and opinion when there is one), the grading rule, the score summary, every
 * item (answer, finding, note, evidence), the gaps with their decided measures or corrective
 * actions, the corrective actions with their state, and the evidence files (name, size,
 * SHA-256): in an annex, or with annex FALSE in the item table itself. */
char *mamori_audit_report_markdown (MamoriWorkspace       *self,
                                    const MamoriChecklist *checklist,
                                    gint64                 id,
                                    const char            *auditor,
                                    const char            *lang,
                                    gboolean               annex,
                                    GError               **error);

G_END_DECLS
