/* mamori-heatmap-page.h — the risk heatmaps, current beside residual, for management reviews */
#pragma once

#include <adwaita.h>

#include "core/mamori-catalog.h"

#include "store/mamori-workspace.h"

G_BEGIN_DECLS

#define MAMORI_TYPE_HEATMAP_PAGE (mamori_heatmap_page_get_type ())
G_DECLARE_FINAL_TYPE (MamoriHeatmapPage, mamori_heatmap_page, MAMORI, HEATMAP_PAGE, AdwBin)

void     mamori_heatmap_page_set_workspace (MamoriHeatmapPage *self,
                                            MamoriWorkspace   *workspace);
/* Where the page gets the workspace's checklists (for the review report and the slides): the
 * window passes its own. */
typedef MamoriCatalog *(*MamoriCatalogFunc) (gpointer data);
void        mamori_heatmap_page_set_catalog_func (MamoriHeatmapPage *self,
                                                  MamoriCatalogFunc  func,
                                                  gpointer           data);
/* Reads the ledger again (the maps follow edits when the page is shown). */
void     mamori_heatmap_page_reload        (MamoriHeatmapPage *self);
/* For tests and the tooltip: the text shown for a cell of the current (or residual) map. */
char    *mamori_heatmap_page_describe_cell (MamoriHeatmapPage *self,
                                            gboolean           residual,
                                            guint              probability,
                                            guint              impact);
/* What the export menu does after its file chooser: the map now (or after the planned
 * measures, with the change per cell) at width × height; the management-review report (read
 * here, written in a worker, recorded as today's review; a toast or an error dialog tells the
 * outcome; FALSE when it could not start). */
gboolean mamori_heatmap_page_export_heatmap (MamoriHeatmapPage *self,
                                             gboolean           residual,
                                             const char        *path,
                                             int                width,
                                             int                height,
                                             GError           **error);
gboolean mamori_heatmap_page_export_review  (MamoriHeatmapPage *self,
                                             const char        *path);

G_END_DECLS
