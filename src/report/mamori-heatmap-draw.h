/* mamori-heatmap-draw.h — one Cairo drawing of a risk heatmap, for the screen, PDF, PNG and SVG */
#pragma once

#include <cairo.h>
#include <glib.h>

#include "core/mamori-heatmap.h"

G_BEGIN_DECLS

typedef struct {
  const char *title;     /* NULL: the matrix's name */
  const char *subtitle;  /* e.g. the organisation and date; NULL: none */
  const char *lang;      /* "ja" (default) or "en": axis names, level names, legend */
  const MamoriHeatmap *compare;  /* when set, each cell also shows its change from this map */
} MamoriHeatmapLabels;

/* Draws the heatmap into the rectangle 0,0–width,height of cr (any surface): title, the grid
 * (likelihood up, impact across) with each cell's level colour, level text and value, asset
 * counts as bubbles, axis names and a legend with each level's action. */
void     mamori_heatmap_draw          (cairo_t                   *cr,
                                       const MamoriHeatmap       *heatmap,
                                       const MamoriHeatmapLabels *labels,
                                       double                     width,
                                       double                     height);
/* The cell under (x, y) in a drawing of that size; FALSE outside the grid. */
gboolean mamori_heatmap_cell_at       (const MamoriHeatmap       *heatmap,
                                       double                     width,
                                       double                     height,
                                       double                     x,
                                       double                     y,
                                       guint                     *probability,
                                       guint                     *impact);
/* Writes a .png, .svg or .pdf of width × height (points for PDF and SVG, pixels for PNG),
 * under a temporary name and renamed. */
gboolean mamori_heatmap_export        (const MamoriHeatmap       *heatmap,
                                       const MamoriHeatmapLabels *labels,
                                       const char                *path,
                                       int                        width,
                                       int                        height,
                                       GError                   **error);

G_END_DECLS
