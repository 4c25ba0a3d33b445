/* mamori-review.h — the management-review report and the audit report of an assessment.
 *
 * A MamoriReport is everything a report prints — its Markdown, title page data and drawn
 * figures — read from the workspace on the thread that owns it; laying it out and writing the
 * PDF need nothing else, so they can run in a worker.
 *
 * The review report: cover, summary figures with the change since the last review, heatmaps now
 * and after the planned measures, the highest risks, assessment results with a chart per
 * checklist, measures and open corrective actions, and the decisions asked of management. */
#pragma once

#include "core/mamori-catalog.h"
#include "mamori-document.h"
#include "store/mamori-workspace.h"

G_BEGIN_DECLS

typedef struct _MamoriReport MamoriReport;

/* The review report for today in lang ("ja" or "en"), compared with the newest review held
 * before today. */
MamoriReport *mamori_review_report_new   (MamoriWorkspace       *workspace,
                                          MamoriCatalog         *catalog,
                                          const char            *today,
                                          const char            *lang,
                                          GError               **error);
/* Saves the figures the review report shows as the review held today, so the next report
 * compares with them. */
gboolean      mamori_review_report_record (MamoriReport         *report,
                                           MamoriWorkspace      *workspace,
                                           GError              **error);

/* The audit report of one assessment (with its internal-audit plan and corrective actions
 * when it has them); annex: the evidence files listed in an annex (else in the item table). */
MamoriReport *mamori_audit_report_new    (MamoriWorkspace       *workspace,
                                          const MamoriChecklist *checklist,
                                          gint64                 assessment,
                                          const char            *today,
                                          const char            *lang,
                                          gboolean               annex,
                                          GError               **error);

/* A report of Markdown text alone, with the usual cover (other reports built elsewhere). */
MamoriReport *mamori_report_new_markdown (const char            *organisation,
                                          const char            *title,
                                          const char            *today,
                                          const char            *lang,
                                          const char            *markdown);

const char   *mamori_report_get_markdown (MamoriReport          *report);
/* Its title-page data and figures, owned by the report (for writers other than the layout). */
void          mamori_report_get_meta     (MamoriReport          *report,
                                          MamoriDocumentMeta    *meta);
/* Lays the report out (any thread; one thread at a time per report). */
MamoriLayout *mamori_report_layout       (MamoriReport          *report,
                                          GError               **error);
void          mamori_report_free         (MamoriReport          *report);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (MamoriReport, mamori_report_free)

G_END_DECLS
