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

G_END_DECLS
