/* mamori-ledger-page.h — the information-asset ledger page */
#pragma once

#include <adwaita.h>

#include "store/mamori-assets.h"

G_BEGIN_DECLS

#define MAMORI_TYPE_LEDGER_PAGE (mamori_ledger_page_get_type ())
G_DECLARE_FINAL_TYPE (MamoriLedgerPage, mamori_ledger_page, MAMORI, LEDGER_PAGE, AdwBin)

void        mamori_ledger_page_set_workspace (MamoriLedgerPage *self,
                                              MamoriWorkspace  *workspace);
/* Queries again with the current filter and sort (in a worker). */
void        mamori_ledger_page_refresh       (MamoriLedgerPage *self);
gint64      mamori_ledger_page_add_asset     (MamoriLedgerPage *self);
/* What the cell editor does: sets field of the row at position from text (as typed or
 * chosen). FALSE when the text is not valid or nothing changed. */
gboolean    mamori_ledger_page_edit          (MamoriLedgerPage *self,
                                              guint             position,
                                              MamoriAssetField  field,
                                              const char       *text);
/* Delete (with an Undo toast) and Ctrl+D: the selected rows. Return how many. */
guint       mamori_ledger_page_delete_selected    (MamoriLedgerPage *self);
guint       mamori_ledger_page_duplicate_selected (MamoriLedgerPage *self);
/* Shows only the assets of one heatmap cell (with the heatmap's filters) of method's matrix, or
 * of the threat × vulnerability grid when likelihood is TRUE; a button in the status line says
 * which and brings every asset back. */
void        mamori_ledger_page_set_cell_filter    (MamoriLedgerPage *self,
                                                   MamoriRiskMethod  method,
                                                   gboolean          likelihood,
                                                   gboolean          residual,
                                                   guint             probability,
                                                   guint             impact,
                                                   const char       *department,
                                                   const char       *medium);
/* Opens the cell editor on the field's column of the row at position (scrolling it into view);
 * Tab, Shift+Tab and Enter then move it like a spreadsheet. */
gboolean    mamori_ledger_page_edit_cell_at       (MamoriLedgerPage *self,
                                                   guint             position,
                                                   MamoriAssetField  field);
/* Adds a copy of each selected asset on medium, named "name (medium)". */
guint       mamori_ledger_page_split_selected     (MamoriLedgerPage *self,
                                                   const char       *medium);
/* Ctrl+Z and Ctrl+Shift+Z: every cell edit of this page. */
/* Writes the ledger to path (.csv or .xlsx) in a worker; a toast or an error dialog follows. */
void        mamori_ledger_page_export_file   (MamoriLedgerPage *self,
                                              const char       *path);
void        mamori_ledger_page_import_file   (MamoriLedgerPage *self,
                                              GFile            *file);
gboolean    mamori_ledger_page_undo          (MamoriLedgerPage *self);
gboolean    mamori_ledger_page_redo          (MamoriLedgerPage *self);

/* The assets with edits the server could not take yet (they stay in their cells). */
guint       mamori_ledger_page_count_unsaved (MamoriLedgerPage *self);

G_END_DECLS
