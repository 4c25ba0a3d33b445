/* mamori-overview-page-private.h — for tests only: the "What Is Due" group, whether the profile is read-only */
#pragma once

#include "mamori-overview-page.h"

G_BEGIN_DECLS

/* The rows the group shows, and whether a reading is under way. */
guint    mamori_overview_page_get_n_due      (MamoriOverviewPage *self);
gboolean mamori_overview_page_is_loading_due (MamoriOverviewPage *self);

/* The SECURITY ACTION row's text: the level and what the next star needs. */
const char *mamori_overview_page_get_security_action (MamoriOverviewPage *self);

/* The user's role may not change the organisation profile nor tick the step-up tasks. */
gboolean    mamori_overview_page_is_read_only (MamoriOverviewPage *self);

G_END_DECLS
