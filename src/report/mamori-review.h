/* mamori-review.h — the management-review report: cover, summary figures with the change since
 * the last review, heatmaps now and after the planned measures, the highest risks, assessment
 * results with a chart per checklist, overdue measures and the decisions asked of management.
 * Laid out by the layout engine (so it prints like every other document). */
#pragma once

#include "core/mamori-catalog.h"
#include "mamori-document.h"
#include "store/mamori-workspace.h"

G_BEGIN_DECLS

/* Builds the report for today in lang ("ja" or "en"). With record, today's figures are saved
 * as a review so the next report compares with them (the comparison is always with the newest
 * review held before today). *markdown (when given) receives the text that was laid out. */
MamoriLayout *mamori_review_layout_new (MamoriWorkspace *workspace,
                                        MamoriCatalog   *catalog,
                                        const char      *today,
                                        const char      *lang,
                                        gboolean         record,
                                        char           **markdown,
                                        GError         **error);

G_END_DECLS
