/* mamori-widget-util.h — what every page and dialog uses: error dialogs, toasts, writing a
 * report in a worker, export file choosers, a labelled entry. Nothing here knows the window
 * or another page. */
#pragma once

#include <adwaita.h>

#include "ops/mamori-ops.h"
#include "report/mamori-review.h"

G_BEGIN_DECLS

/* An error dialog over the window that holds widget (a warning on the terminal when it is in
 * none, as in tests), or a toast in the toast overlay around it. */
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
/* Takes toast: shown in the toast overlay around widget, dropped when there is none. */
void             mamori_widget_add_toast_object       (GtkWidget         *widget,
                                                       AdwToast          *toast);
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
/* Export dialogs of documents and reports: file filters for PDF, Word (.docx), OpenDocument
 * (.odt) and Markdown (.md), PDF selected. */
void             mamori_export_chooser_add_formats    (GtkFileChooser    *chooser);
/* The same for a list of extensions (".csv .xlsx"), the first selected. */
void             mamori_export_chooser_add_extensions (GtkFileChooser    *chooser,
                                                       const char        *extensions);
/* The chosen file's path (NULL: none); a name without one of the offered extensions gets the
 * selected filter's. The format follows the extension. */
char            *mamori_export_chooser_get_path       (GtkFileChooser    *chooser);
/* A caption label and an entry below it, appended to box; the entry activates the
 * dialog's default response. */
GtkWidget       *mamori_labelled_entry_new            (GtkWidget         *box,
                                                       const char        *label,
                                                       const char        *text);
G_END_DECLS
