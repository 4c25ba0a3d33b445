/* mamori-presentation-window.h — a full-screen review: heatmaps, top risks, the self-diagnosis
 * trend and overdue measures, one slide at a time */
#pragma once

#include <adwaita.h>

#include "core/mamori-catalog.h"

#include "store/mamori-workspace.h"

G_BEGIN_DECLS

#define MAMORI_TYPE_PRESENTATION_WINDOW (mamori_presentation_window_get_type ())
G_DECLARE_FINAL_TYPE (MamoriPresentationWindow, mamori_presentation_window, MAMORI, PRESENTATION_WINDOW, AdwWindow)

/* catalog (may be NULL): names the checklists of measures ("自社診断 No.21"). */
MamoriPresentationWindow *mamori_presentation_window_new       (MamoriWorkspace          *workspace,
                                                                MamoriCatalog            *catalog,
                                                                GtkWindow                *parent,
                                                                GError                  **error);
/* Moves by delta slides (clamped), as the arrow keys do. */
void                      mamori_presentation_window_move       (MamoriPresentationWindow *self,
                                                                 int                       delta);

G_END_DECLS
