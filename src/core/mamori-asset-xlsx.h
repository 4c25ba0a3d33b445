/* mamori-asset-xlsx.h — the ledger as an Excel workbook (libxlsxwriter) */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* Writes path: sheet 1 the ledger (English keys and computed columns, as the CSV), sheet 2
 * the threat catalogue, sheet 3 the treatments. assets are MamoriAsset*; medium_threats maps
 * medium → threat value (see mamori_workspace_get_medium_threats); catalogue rows are
 * (medium, threat, frequency) as three parallel arrays of length n_threats. */
gboolean mamori_asset_xlsx_write (const char          *path,
                                  GPtrArray           *assets,
                                  GHashTable          *medium_threats,
                                  const char * const  *threat_medium,
                                  const char * const  *threat_name,
                                  const int           *threat_frequency,
                                  guint                n_threats,
                                  GError             **error);

G_END_DECLS
