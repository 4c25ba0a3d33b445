/* mamori-heatmap-page-private.h — for tests only: the total, the grid drop-down and whether a worker runs */
#pragma once

#include "mamori-heatmap-page.h"

G_BEGIN_DECLS

guint    mamori_heatmap_page_get_total     (MamoriHeatmapPage *self);
/* Shows the threat × vulnerability grid instead of the risk matrix (the grid drop-down). */
void     mamori_heatmap_page_set_likelihood_grid (MamoriHeatmapPage *self,
                                                  gboolean           likelihood);
/* TRUE while the maps are being counted (in a worker). */
gboolean mamori_heatmap_page_is_counting   (MamoriHeatmapPage *self);
gboolean mamori_heatmap_page_is_exporting   (MamoriHeatmapPage *self);

G_END_DECLS
