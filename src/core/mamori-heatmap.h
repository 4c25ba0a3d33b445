/* mamori-heatmap.h — risk heatmap data: how many assets fall in each cell of a risk matrix */
#pragma once

#include <glib.h>

#include "mamori-asset.h"
#include "mamori-risk.h"

G_BEGIN_DECLS

typedef struct {
  const MamoriRiskMatrix *matrix;
  gboolean residual;     /* as if the planned measures were done */
  guint *counts;         /* [probability * n_impact + impact] */
  guint total;
} MamoriHeatmap;

MamoriHeatmap *mamori_heatmap_new    (const MamoriRiskMatrix *matrix);
void           mamori_heatmap_free   (MamoriHeatmap          *heatmap);
/* probability and impact are the matrix's level indexes (0 = lowest). */
void           mamori_heatmap_add    (MamoriHeatmap          *heatmap,
                                      guint                   probability,
                                      guint                   impact,
                                      guint                   count);
guint          mamori_heatmap_count  (const MamoriHeatmap    *heatmap,
                                      guint                   probability,
                                      guint                   impact);
/* Assets per risk level of the matrix (counts has matrix->n_risk entries, lowest level first). */
void           mamori_heatmap_level_counts (const MamoriHeatmap *heatmap,
                                            guint               *counts);
/* A level's colour as 0–1 RGB (from the matrix's colour-blind-safe palette). */
void           mamori_heatmap_level_rgb (const MamoriRiskMatrix *matrix,
                                         int                     level,
                                         double                  rgb[3]);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (MamoriHeatmap, mamori_heatmap_free)

G_END_DECLS
