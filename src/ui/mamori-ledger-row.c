/* mamori-ledger-row.c — a ledger row object for GtkColumnView */
#include "config.h"

#include "mamori-ledger-row.h"

struct _MamoriLedgerRow {
  GObject parent_instance;
  MamoriAsset *asset;
  MamoriAssetRisk risk;
};

G_DEFINE_FINAL_TYPE (MamoriLedgerRow, mamori_ledger_row, G_TYPE_OBJECT)

static void
mamori_ledger_row_finalize (GObject *object)
{
  mamori_asset_free (MAMORI_LEDGER_ROW (object)->asset);
  G_OBJECT_CLASS (mamori_ledger_row_parent_class)->finalize (object);
}

static void
mamori_ledger_row_class_init (MamoriLedgerRowClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = mamori_ledger_row_finalize;
}

static void
mamori_ledger_row_init (MamoriLedgerRow *self)
{
}

MamoriLedgerRow *
mamori_ledger_row_new (MamoriAsset *asset,
                       int          threat_from_medium)
{
  MamoriLedgerRow *self = g_object_new (MAMORI_TYPE_LEDGER_ROW, NULL);

  self->asset = asset;
  mamori_asset_compute_risk (asset, threat_from_medium, &self->risk);
  return self;
}

const MamoriAsset *
mamori_ledger_row_get_asset (MamoriLedgerRow *self)
{
  return self->asset;
}

const MamoriAssetRisk *
mamori_ledger_row_get_risk (MamoriLedgerRow *self)
{
  return &self->risk;
}
