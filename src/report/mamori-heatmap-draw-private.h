/* mamori-heatmap-draw-private.h — for tests only: where a cell of a heatmap drawing is */
#pragma once

#include <glib.h>

#include "core/mamori-heatmap.h"

G_BEGIN_DECLS

/* The centre of a cell in a drawing of that size (for hit tests and checks). */
void     mamori_heatmap_cell_centre   (const MamoriHeatmap       *heatmap,
                                       double                     width,
                                       double                     height,
                                       guint                      probability,
                                       guint                      impact,
                                       double                    *x,
                                       double                    *y);

G_END_DECLS
