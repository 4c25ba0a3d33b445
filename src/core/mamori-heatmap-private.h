/* mamori-heatmap-private.h — for tests only: the cell of an asset's risk */
#pragma once

#include <glib.h>

#include "mamori-asset.h"
#include "mamori-risk.h"

G_BEGIN_DECLS

/* The cell of an asset's computed risk: IPA likelihood × importance, or the 5 × 5 likelihood
 * × impact for the government matrix. */
void           mamori_heatmap_cell_of (const MamoriRiskMatrix *matrix,
                                       const MamoriAssetRisk  *risk,
                                       guint                  *probability,
                                       guint                  *impact);

G_END_DECLS
