/* mamori-assessment-summary.h — score, band, per-group chart and gaps of one assessment */
#pragma once

#include <adwaita.h>

#include "core/mamori-checklist.h"
#include "store/mamori-assessments.h"

G_BEGIN_DECLS

#define MAMORI_TYPE_ASSESSMENT_SUMMARY (mamori_assessment_summary_get_type ())
G_DECLARE_FINAL_TYPE (MamoriAssessmentSummary, mamori_assessment_summary, MAMORI, ASSESSMENT_SUMMARY, AdwBin)

/* Signals: “review” (open the wizard), “opened” (gint64: a new assessment to show). */
gboolean mamori_assessment_summary_show     (MamoriAssessmentSummary *self,
                                             MamoriWorkspace         *workspace,
                                             const MamoriChecklist   *checklist,
                                             gint64                   assessment);
void     mamori_assessment_summary_clear    (MamoriAssessmentSummary *self);
/* What the buttons do, for tests and keyboard users. */
gboolean mamori_assessment_summary_complete (MamoriAssessmentSummary *self);
gint64   mamori_assessment_summary_copy     (MamoriAssessmentSummary *self);
/* The audit report as PDF (the evidence files in an annex, or in the item table), written in a
 * worker (a toast or an error dialog tells the outcome); FALSE when it could not start. */
gboolean mamori_assessment_summary_export_audit  (MamoriAssessmentSummary *self,
                                                  const char              *path,
                                                  gboolean                 annex);

G_END_DECLS
