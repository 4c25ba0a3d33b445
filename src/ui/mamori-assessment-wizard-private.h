/* mamori-assessment-wizard-private.h — for tests only: the item the wizard shows */
#pragma once

#include "mamori-assessment-wizard.h"

G_BEGIN_DECLS

int      mamori_assessment_wizard_get_current (MamoriAssessmentWizard *self);

G_END_DECLS
