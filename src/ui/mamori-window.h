/* mamori-window.h — the main window: header bar, view switcher, the five pages */
#pragma once

#include <adwaita.h>

#include "ops/mamori-ops.h"

#include "core/mamori-catalog.h"
#include "report/mamori-review.h"
#include "mamori-application.h"
#include "mamori-documents-page.h"
#include "mamori-heatmap-page.h"
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
const char      *mamori_window_get_visible_page       (MamoriWindow      *self);
/* The ledger page, built on first use. */
MamoriLedgerPage *mamori_window_get_ledger_page       (MamoriWindow      *self);
MamoriDocumentsPage *mamori_window_get_documents_page (MamoriWindow      *self);
MamoriHeatmapPage *mamori_window_get_heatmap_page     (MamoriWindow      *self);
/* The workspace's checklists (loaded on first use); NULL after an error dialog. */
MamoriCatalog   *mamori_window_get_catalog            (MamoriWindow      *self);

/* For widgets inside a window: an error dialog or a toast in the window that holds widget
 * (a warning on the terminal when there is none, as in tests). */
void             mamori_widget_show_error             (GtkWidget         *widget,
                                                       const char        *heading,
                                                       const GError      *error);
/* An operation's error (src/ops) in a dialog, with the bad lines it found (up to a screenful). */
void             mamori_widget_show_op_error          (GtkWidget            *widget,
                                                       const char           *heading,
                                                       const MamoriOpResult *result,
                                                       const GError         *error);
/* "Saved “NAME”" with an Open button that shows the file in the default application. */
void             mamori_widget_add_saved_toast        (GtkWidget         *widget,
                                                       const char        *path);
void             mamori_widget_add_toast              (GtkWidget         *widget,
                                                       const char        *markup);
/* Lays report out and writes it as a PDF at path in a worker; then a toast names the file (and
 * any font fallback) or an error dialog tells why not, and done (may be NULL) is called with
 * TRUE on success. Takes report. */
typedef void (*MamoriReportSaved) (GtkWidget    *widget,
                                   MamoriReport *report,
                                   gboolean      saved,
                                   gpointer      data);
void             mamori_widget_write_report           (GtkWidget         *widget,
                                                       MamoriReport      *report,
                                                       const char        *path,
                                                       const char        *error_heading,
                                                       MamoriReportSaved  done,
                                                       gpointer           data);
/* Export dialogs of documents and reports: file filters for PDF, Word (.docx) and
 * OpenDocument (.odt), PDF selected. */
void             mamori_export_chooser_add_formats    (GtkFileChooser    *chooser);
/* The chosen file's path (NULL: none); a name without one of those extensions (or .md) gets
 * the selected filter's. The format follows the extension. */
char            *mamori_export_chooser_get_path       (GtkFileChooser    *chooser);
/* A caption label and an entry below it, appended to box; the entry activates the
 * dialog's default response. */
GtkWidget       *mamori_labelled_entry_new            (GtkWidget         *box,
                                                       const char        *label,
                                                       const char        *text);
/* For screenshots and manual checks: target is a page name (“assessments”) or
 * “assessment:ID”; NULL does nothing. Set from the MAMORI_SHOW environment variable. */
void             mamori_window_show_debug_target      (MamoriWindow      *self,
                                                       const char        *target);

G_END_DECLS
