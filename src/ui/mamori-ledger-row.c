/* mamori-ledger-row.c — a ledger row object, and the box that shows one row */
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

/* --- MamoriLedgerRowBox ------------------------------------------------------------------------ */

struct _MamoriLedgerRowBox {
  GtkBox parent_instance;
  GtkAdjustment *hadjustment;   /* weak */
  guint n_frozen;
};

G_DEFINE_FINAL_TYPE (MamoriLedgerRowBox, mamori_ledger_row_box, GTK_TYPE_BOX)

double
mamori_ledger_row_box_get_shift (MamoriLedgerRowBox *self)
{
  return self->hadjustment && self->n_frozen > 0 ? MAX (0, gtk_adjustment_get_value (self->hadjustment)) : 0;
}

static void
mamori_ledger_row_box_snapshot (GtkWidget   *widget,
                                GtkSnapshot *snapshot)
{
  MamoriLedgerRowBox *self = MAMORI_LEDGER_ROW_BOX (widget);
  double shift = mamori_ledger_row_box_get_shift (self);
  GtkWidget *child;
  guint i;

  if (shift <= 0)
    {
      GTK_WIDGET_CLASS (mamori_ledger_row_box_parent_class)->snapshot (widget, snapshot);
      return;
    }
  /* The scrolling cells first, then the frozen ones over them, moved back into view. */
  for (child = gtk_widget_get_first_child (widget), i = 0; child; child = gtk_widget_get_next_sibling (child), i++)
    if (i >= self->n_frozen)
      gtk_widget_snapshot_child (widget, child, snapshot);
  gtk_snapshot_save (snapshot);
  gtk_snapshot_translate (snapshot, &GRAPHENE_POINT_INIT ((float) shift, 0));
  for (child = gtk_widget_get_first_child (widget), i = 0; child && i < self->n_frozen; child = gtk_widget_get_next_sibling (child), i++)
    gtk_widget_snapshot_child (widget, child, snapshot);
  gtk_snapshot_restore (snapshot);
}

static void
mamori_ledger_row_box_class_init (MamoriLedgerRowBoxClass *klass)
{
  GTK_WIDGET_CLASS (klass)->snapshot = mamori_ledger_row_box_snapshot;
}

static void
mamori_ledger_row_box_init (MamoriLedgerRowBox *self)
{
}

GtkWidget *
mamori_ledger_row_box_new (void)
{
  return g_object_new (MAMORI_TYPE_LEDGER_ROW_BOX, NULL);
}

void
mamori_ledger_row_box_freeze (MamoriLedgerRowBox *self,
                              GtkAdjustment      *hadjustment,
                              guint               n_frozen)
{
  self->hadjustment = hadjustment;
  self->n_frozen = n_frozen;
  gtk_widget_queue_draw (GTK_WIDGET (self));
}
