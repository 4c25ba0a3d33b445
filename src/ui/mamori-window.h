/* mamori-window.h — the main window: header bar, view switcher, the five pages */
#pragma once

#include <adwaita.h>

#include "ops/mamori-ops.h"

#include "core/mamori-catalog.h"
#include "report/mamori-review.h"
#include "mamori-application.h"
#include "mamori-documents-page.h"
#include "mamori-heatmap-page.h"
#include "mamori-widget-util.h"
#include "store/mamori-workspace.h"

typedef struct _MamoriLedgerPage MamoriLedgerPage;

G_BEGIN_DECLS

#define MAMORI_TYPE_WINDOW (mamori_window_get_type ())
G_DECLARE_FINAL_TYPE (MamoriWindow, mamori_window, MAMORI, WINDOW, AdwApplicationWindow)

MamoriWindow    *mamori_window_new                    (MamoriApplication *app);
MamoriWorkspace *mamori_window_get_workspace          (MamoriWindow      *self);
/* Opens path (creating it when create is TRUE and it is missing). On failure an error
 * dialog names the file and the reason, and the current workspace stays open. */
gboolean         mamori_window_open_workspace         (MamoriWindow      *self,
                                                       const char        *path,
                                                       gboolean           create);
gboolean         mamori_window_open_default_workspace (MamoriWindow      *self);
/* What the New Workspace and Save a Copy choosers do with the chosen file name (the
 * .mamori extension is added when missing). Save a copy runs in a worker; a toast or an
 * error dialog tells the outcome. */
gboolean         mamori_window_create_workspace       (MamoriWindow      *self,
                                                       const char        *path);
void             mamori_window_save_copy              (MamoriWindow      *self,
                                                       const char        *path);
void             mamori_window_add_toast              (MamoriWindow      *self,
                                                       AdwToast          *toast);
void             mamori_window_show_error             (MamoriWindow      *self,
                                                       const char        *heading,
                                                       const GError      *error);
/* Runs the export operation name (src/ops) to path in a worker, as the Export menu does. */
void             mamori_window_export                 (MamoriWindow      *self,
                                                       const char        *name,
                                                       const char        *path);
/* The ledger page, built on first use. */
MamoriLedgerPage *mamori_window_get_ledger_page       (MamoriWindow      *self);
MamoriDocumentsPage *mamori_window_get_documents_page (MamoriWindow      *self);
MamoriHeatmapPage *mamori_window_get_heatmap_page     (MamoriWindow      *self);
/* The workspace's checklists (loaded on first use); NULL after an error dialog. */
MamoriCatalog   *mamori_window_get_catalog            (MamoriWindow      *self);

/* For screenshots and manual checks: target is a page name (“assessments”) or
 * “assessment:ID”; NULL does nothing. Set from the MAMORI_SHOW environment variable. */
void             mamori_window_show_debug_target      (MamoriWindow      *self,
                                                       const char        *target);

G_END_DECLS
