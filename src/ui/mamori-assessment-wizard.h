/* mamori-assessment-wizard.h — answering a checklist one item at a time */
#pragma once

#include <adwaita.h>

#include "core/mamori-checklist.h"
#include "store/mamori-assessments.h"

G_BEGIN_DECLS

#define MAMORI_TYPE_ASSESSMENT_WIZARD (mamori_assessment_wizard_get_type ())
G_DECLARE_FINAL_TYPE (MamoriAssessmentWizard, mamori_assessment_wizard, MAMORI, ASSESSMENT_WIZARD, AdwBin)

/* Shows the assessment where it stopped (or at its first unanswered item). A completed
 * assessment is shown read-only. checklist must outlive the wizard's use of it. Signals:
 * “finished” after the last item, “left” when the user leaves (everything is saved). */
gboolean mamori_assessment_wizard_open        (MamoriAssessmentWizard *self,
                                               MamoriWorkspace        *workspace,
                                               const MamoriChecklist  *checklist,
                                               gint64                  assessment);
void     mamori_assessment_wizard_close       (MamoriAssessmentWizard *self);
/* Answers the current item with choice (0-based), as keys 1–9 do. */
gboolean mamori_assessment_wizard_answer      (MamoriAssessmentWizard *self,
                                               int                     choice);

G_END_DECLS
