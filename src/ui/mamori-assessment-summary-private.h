/* mamori-assessment-summary-private.h — for tests only: whether the audit report is being written and the corrective actions shown */
#pragma once

#include "mamori-assessment-summary.h"

G_BEGIN_DECLS

gboolean mamori_assessment_summary_is_exporting  (MamoriAssessmentSummary *self);
/* Corrective actions shown in the internal-audit group. */
guint    mamori_assessment_summary_get_n_actions (MamoriAssessmentSummary *self);

G_END_DECLS
