/* mamori-threat-catalogue-window-private.h — for tests only: an entry changed as its row does, and the number of groups */
#pragma once

#include "mamori-threat-catalogue-window.h"

G_BEGIN_DECLS

/* For tests: change entry index (in catalogue order) and save, as the window's rows do.
 * threat NULL keeps the text; frequency 0 keeps it. */
gboolean mamori_threat_catalogue_window_set (MamoriThreatCatalogueWindow *self,
                                             guint                        index,
                                             const char                  *threat,
                                             int                          frequency);
guint    mamori_threat_catalogue_window_get_n_groups (MamoriThreatCatalogueWindow *self);

G_END_DECLS
