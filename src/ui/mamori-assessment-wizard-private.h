/* mamori-assessment-wizard-private.h — for tests only: the item the wizard shows and whether it is read-only */
#pragma once

#include "mamori-assessment-wizard.h"

G_BEGIN_DECLS

int         mamori_assessment_wizard_get_current   (MamoriAssessmentWizard *self);
/* Read-only: completed, or not the user's to answer (then the note says why). */
gboolean    mamori_assessment_wizard_is_read_only  (MamoriAssessmentWizard *self);
const char *mamori_assessment_wizard_get_role_note (MamoriAssessmentWizard *self);

G_END_DECLS
