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

/* One row of ledger cells (or the header): a horizontal GtkBox whose first n_frozen children
 * stay in place when the grid scrolls sideways by hadjustment's value; the other cells pass
 * under them. No widget of its own: the frozen cells are drawn last, shifted back. */
#include <gtk/gtk.h>

G_BEGIN_DECLS

#define MAMORI_TYPE_LEDGER_ROW_BOX (mamori_ledger_row_box_get_type ())
G_DECLARE_FINAL_TYPE (MamoriLedgerRowBox, mamori_ledger_row_box, MAMORI, LEDGER_ROW_BOX, GtkBox)

GtkWidget *mamori_ledger_row_box_new      (void);
/* The sideways scroll to follow (not referenced: it outlives the rows) and how many leading
 * cells stay put. */
void       mamori_ledger_row_box_freeze   (MamoriLedgerRowBox *self,
                                           GtkAdjustment      *hadjustment,
                                           guint               n_frozen);
/* How far the frozen cells are drawn from where they are laid out. */
double     mamori_ledger_row_box_get_shift (MamoriLedgerRowBox *self);

G_END_DECLS
