/* mamori-assessments-page-private.h — for tests only: the view shown, the wizard, the summary and whether an import runs */
#pragma once

#include <adwaita.h>

#include "mamori-assessments-page.h"

G_BEGIN_DECLS

gboolean    mamori_assessments_page_is_importing  (MamoriAssessmentsPage *self);
const char *mamori_assessments_page_get_view      (MamoriAssessmentsPage *self);
GtkWidget  *mamori_assessments_page_get_wizard    (MamoriAssessmentsPage *self);
GtkWidget  *mamori_assessments_page_get_summary   (MamoriAssessmentsPage *self);

G_END_DECLS
