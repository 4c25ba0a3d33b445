/* mamori-heatmap.c — counting assets per risk-matrix cell */
#include "config.h"

#include <string.h>

#include "mamori-heatmap.h"
#include "mamori-heatmap-private.h"

MamoriHeatmap *
mamori_heatmap_new (const MamoriRiskMatrix *matrix)
{
  MamoriHeatmap *h = g_new0 (MamoriHeatmap, 1);

  h->matrix = matrix;
  h->counts = g_new0 (guint, matrix->n_probability * matrix->n_impact);
  return h;
}

void
mamori_heatmap_free (MamoriHeatmap *h)
{
  if (h == NULL)
    return;
  g_free (h->counts);
  g_free (h);
}

void
mamori_heatmap_add (MamoriHeatmap *h,
                    guint          probability,
                    guint          impact,
                    guint          count)
{
  g_return_if_fail (probability < h->matrix->n_probability && impact < h->matrix->n_impact);
  h->counts[probability * h->matrix->n_impact + impact] += count;
  h->total += count;
}

guint
mamori_heatmap_count (const MamoriHeatmap *h,
                      guint                probability,
                      guint                impact)
{
  if (probability >= h->matrix->n_probability || impact >= h->matrix->n_impact)
    return 0;
  return h->counts[probability * h->matrix->n_impact + impact];
}

void
mamori_heatmap_cell_of (const MamoriRiskMatrix *matrix,
                        const MamoriAssetRisk  *r,
                        guint                  *probability,
                        guint                  *impact)
{
  if (matrix->n_probability == 5)
    {
      *probability = CLAMP (r->likelihood5, 1, 5) - 1;
      *impact = CLAMP (r->impact5, 1, 5) - 1;
    }
  else
    {
      *probability = CLAMP (r->likelihood, 1, 3) - 1;
      *impact = CLAMP (r->importance, 0, 2);
    }
}

void
mamori_heatmap_level_rgb (const MamoriRiskMatrix *matrix,
                          int                     level,
                          double                  rgb[3])
{
  const char *hex = level >= 0 && (guint) level < matrix->n_risk ? matrix->risk[level].hexcolor : NULL;
  guint value = 0x999999;

  if (hex != NULL && hex[0] == '#')
    value = (guint) g_ascii_strtoull (hex + 1, NULL, 16);
  rgb[0] = ((value >> 16) & 0xff) / 255.0;
  rgb[1] = ((value >> 8) & 0xff) / 255.0;
  rgb[2] = (value & 0xff) / 255.0;
}

void
mamori_heatmap_level_counts (const MamoriHeatmap *h,
                             guint               *counts)
{
  const MamoriRiskMatrix *m = h->matrix;

  memset (counts, 0, sizeof (guint) * m->n_risk);
  for (guint p = 0; p < m->n_probability; p++)
    for (guint i = 0; i < m->n_impact; i++)
      counts[mamori_risk_matrix_level (m, p, i)] += h->counts[p * m->n_impact + i];
}
