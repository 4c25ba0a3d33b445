/* mamori-asset-private.h — for tests only: the column headings, the English CSV header and the
 * default threat of a medium */
#pragma once

#include <glib.h>

#include "mamori-asset.h"

G_BEGIN_DECLS

/* The Japanese ledger heading of a column. */
const char  *mamori_asset_field_heading   (MamoriAssetField field);
/* Matches a CSV heading in either language; FALSE when it is not a ledger column. */
gboolean     mamori_asset_field_from_heading (const char       *heading,
                                              MamoriAssetField *out);

/* The threat value of a medium from the default catalogue (its most frequent threat), or 2
 * for a medium the catalogue does not know. */
int          mamori_default_threat_for_medium (const char *medium);

/* Appends the header of mamori_asset_csv_row with the English keys (as
 * mamori_asset_csv_header_lang with "en"). */
void         mamori_asset_csv_header (GString           *out);

G_END_DECLS
