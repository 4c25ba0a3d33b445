/* mamori-threat-catalogue-window.h — editing the threats of each medium */
#pragma once

#include <adwaita.h>

#include "store/mamori-workspace.h"

G_BEGIN_DECLS

#define MAMORI_TYPE_THREAT_CATALOGUE_WINDOW (mamori_threat_catalogue_window_get_type ())
G_DECLARE_FINAL_TYPE (MamoriThreatCatalogueWindow, mamori_threat_catalogue_window, MAMORI, THREAT_CATALOGUE_WINDOW,
                      AdwPreferencesWindow)

MamoriThreatCatalogueWindow *mamori_threat_catalogue_window_new (MamoriWorkspace *workspace,
                                                                 GtkWindow       *parent);
/* For tests: change entry index (in catalogue order) and save, as the window's rows do.
 * threat NULL keeps the text; frequency 0 keeps it. */
gboolean mamori_threat_catalogue_window_set (MamoriThreatCatalogueWindow *self,
                                             guint                        index,
                                             const char                  *threat,
                                             int                          frequency);
guint    mamori_threat_catalogue_window_get_n_groups (MamoriThreatCatalogueWindow *self);

G_END_DECLS
