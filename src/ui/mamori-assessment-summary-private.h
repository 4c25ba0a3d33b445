/* mamori-assessment-summary-private.h — for tests only: whether the audit report is being written and the corrective actions shown */
#pragma once

#include "mamori-assessment-summary.h"

G_BEGIN_DECLS

gboolean mamori_assessment_summary_is_exporting  (MamoriAssessmentSummary *self);
/* Corrective actions shown in the internal-audit group. */
guint    mamori_assessment_summary_get_n_actions (MamoriAssessmentSummary *self);

/* The audit plan dialog shown last (the Plan button), and why the last plan was refused. */
GtkWidget  *mamori_assessment_summary_get_plan_dialog (MamoriAssessmentSummary *self);
const char *mamori_assessment_summary_get_plan_error  (MamoriAssessmentSummary *self);

G_END_DECLS
