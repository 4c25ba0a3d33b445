/* mamori-ledger-row.h — one asset of the ledger view, with its computed risk */
#pragma once

#include <glib-object.h>

#include "core/mamori-asset.h"

G_BEGIN_DECLS

#define MAMORI_TYPE_LEDGER_ROW (mamori_ledger_row_get_type ())
G_DECLARE_FINAL_TYPE (MamoriLedgerRow, mamori_ledger_row, MAMORI, LEDGER_ROW, GObject)

/* Takes asset. */
MamoriLedgerRow       *mamori_ledger_row_new       (MamoriAsset     *asset,
                                                    int              threat_from_medium);
const MamoriAsset     *mamori_ledger_row_get_asset (MamoriLedgerRow *self);
const MamoriAssetRisk *mamori_ledger_row_get_risk  (MamoriLedgerRow *self);

G_END_DECLS
