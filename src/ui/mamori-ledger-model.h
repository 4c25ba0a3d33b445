/* mamori-ledger-model.h — a GListModel over the ledger in sqlite: holds only the ordered ids;
 * rows are read when the view asks for them. */
#pragma once

#include <gio/gio.h>

#include "store/mamori-assets.h"

G_BEGIN_DECLS

#define MAMORI_TYPE_LEDGER_MODEL (mamori_ledger_model_get_type ())
G_DECLARE_FINAL_TYPE (MamoriLedgerModel, mamori_ledger_model, MAMORI, LEDGER_MODEL, GObject)

MamoriLedgerModel *mamori_ledger_model_new            (MamoriWorkspace        *workspace);
/* Runs the query in a worker (its own connection) and swaps the rows in one change. */
void               mamori_ledger_model_query_async    (MamoriLedgerModel      *self,
                                                       const MamoriAssetQuery *query,
                                                       GCancellable           *cancellable,
                                                       GAsyncReadyCallback     callback,
                                                       gpointer                user_data);
gboolean           mamori_ledger_model_query_finish   (MamoriLedgerModel      *self,
                                                       GAsyncResult           *result,
                                                       GError                **error);
/* Runs the last query again only to count: the band counts and the number of rows found
 * follow an edit while the rows stay where they are. */
void               mamori_ledger_model_count_async    (MamoriLedgerModel      *self,
                                                       GCancellable           *cancellable,
                                                       GAsyncReadyCallback     callback,
                                                       gpointer                user_data);
gboolean           mamori_ledger_model_count_finish   (MamoriLedgerModel      *self,
                                                       GAsyncResult           *result,
                                                       GError                **error);
/* The number of rows the last query or count found. */
guint              mamori_ledger_model_get_n_counted  (MamoriLedgerModel      *self);
/* The row of asset id changed in the store: read it again. */
/* Reads the asset again and announces its row as changed; returns its position, or
 * G_MAXUINT when it is not shown. */
guint              mamori_ledger_model_row_changed    (MamoriLedgerModel      *self,
                                                       gint64                  id);
/* Shows the row of asset id again as it was read (without reading it: the server may be away),
 * so its cells are bound again; returns its position, or G_MAXUINT. */
guint              mamori_ledger_model_row_redraw     (MamoriLedgerModel      *self,
                                                       gint64                  id);
/* The position of the asset with this id, or G_MAXUINT. */
guint              mamori_ledger_model_find           (MamoriLedgerModel      *self,
                                                       gint64                  id);
/* The threat catalogue changed: every row's computed columns may have. */
/* Assets per MamoriRiskBand found by the last query, counted before its band filter. */
void               mamori_ledger_model_get_band_counts (MamoriLedgerModel     *self,
                                                        guint                  counts[MAMORI_ASSET_MAX_BANDS]);

G_END_DECLS
