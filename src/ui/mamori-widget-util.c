/* mamori-widget-util.c — error dialogs, toasts, reports written in a worker, export choosers */
#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "mamori-widget-util.h"
#include "ops/mamori-worker.h"
#include "report/mamori-word.h"

void
mamori_widget_show_error (GtkWidget    *widget,
                          const char   *heading,
                          const GError *error)
{
  GtkRoot *root = gtk_widget_get_root (widget);
  GtkWidget *dialog;

  if (!GTK_IS_WINDOW (root))
    {
      g_warning ("%s: %s", heading, error->message);
      return;
    }
  /* A server workspace's server went away: the window's banner retries (the dialog still
   * says what was not done). */
  if (mamori_workspace_error_is_disconnected (error))
    gtk_widget_activate_action (GTK_WIDGET (root), "win.server-lost", NULL);
  dialog = adw_message_dialog_new (GTK_WINDOW (root), heading, error->message);
  adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (dialog), "close", _("_Close"));
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "close");
  gtk_window_present (GTK_WINDOW (dialog));
}

void
mamori_widget_add_toast_object (GtkWidget *widget,
                                AdwToast  *toast)
{
  GtkWidget *overlay = gtk_widget_get_ancestor (widget, ADW_TYPE_TOAST_OVERLAY);

  if (overlay != NULL)
    adw_toast_overlay_add_toast (ADW_TOAST_OVERLAY (overlay), toast);
  else
    g_object_unref (toast);   /* add_toast would have taken it */
}

void
mamori_widget_add_toast (GtkWidget  *widget,
                         const char *markup)
{
  mamori_widget_add_toast_object (widget, adw_toast_new (markup));
}

void
mamori_widget_show_op_error (GtkWidget            *widget,
                             const char           *heading,
                             const MamoriOpResult *result,
                             const GError         *error)
{
  g_autoptr(GString) text = g_string_new (error->message);
  g_autoptr(GError) shown = NULL;
  guint n = result ? result->problems->len : 0;

  for (guint i = 0; i < n && i < 20; i++)
    g_string_append_printf (text, "\n• %s", (char *) result->problems->pdata[i]);
  if (n > 20)
    g_string_append_printf (text, ngettext ("\n… and %u more line", "\n… and %u more lines", n - 20), n - 20);
  shown = g_error_new_literal (error->domain, error->code, text->str);
  mamori_widget_show_error (widget, heading, shown);
}

void
mamori_widget_add_saved_toast (GtkWidget  *widget,
                               const char *path)
{
  g_autofree char *name = g_filename_display_basename (path);
  g_autofree char *title = g_markup_printf_escaped (_("Saved “%s”"), name);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autofree char *uri = g_file_get_uri (file);
  AdwToast *toast;

  toast = adw_toast_new (title);
  adw_toast_set_button_label (toast, _("_Open"));
  adw_toast_set_action_name (toast, "win.open-file");
  adw_toast_set_action_target_value (toast, g_variant_new_string (uri));
  mamori_widget_add_toast_object (widget, toast);
}

typedef struct {
  MamoriReport *report;
  char *path;
  char *error_heading;
  MamoriReportSaved done;
  gpointer data;
} ReportWrite;

static void
report_write_free (ReportWrite *w)
{
  mamori_report_free (w->report);
  g_free (w->path);
  g_free (w->error_heading);
  g_free (w);
}

/* In the worker: the warning (a font fallback), or NULL; the format follows the path. */
static gpointer
report_write_thread (MamoriWorkspace  *workspace,
                     gpointer          data,
                     GCancellable     *cancellable,
                     GError          **error)
{
  ReportWrite *w = data;
  char *warning = NULL;

  mamori_report_write (w->report, w->path, &warning, error);
  return warning;
}

static void
report_write_done (gpointer      owner,
                   gpointer      result,
                   const GError *error,
                   gpointer      data)
{
  GtkWidget *widget = owner;
  ReportWrite *w = data;
  const char *warning = result;

  if (error != NULL)
    mamori_widget_show_error (widget, w->error_heading, error);
  else
    {
      if (warning != NULL)
        {
          g_autofree char *escaped = g_markup_escape_text (warning, -1);
          mamori_widget_add_toast (widget, escaped);
        }
      mamori_widget_add_saved_toast (widget, w->path);
    }
  if (w->done)
    w->done (widget, w->report, error == NULL, w->data);
}

void
mamori_widget_write_report (GtkWidget         *widget,
                            MamoriReport      *report,
                            const char        *path,
                            const char        *error_heading,
                            MamoriReportSaved  done,
                            gpointer           data)
{
  ReportWrite *w = g_new0 (ReportWrite, 1);

  w->report = report;
  w->path = g_strdup (path);
  w->error_heading = g_strdup (error_heading);
  w->done = done;
  w->data = data;
  mamori_worker_run_once (widget, NULL, FALSE, report_write_thread, w, (GDestroyNotify) report_write_free, g_free,
                          report_write_done);
}

static const struct {
  const char *suffix;
  const char *name;
} export_formats[] = {
  { "pdf", N_("PDF") },
  { "docx", N_("Word document (.docx)") },
  { "odt", N_("OpenDocument text (.odt)") },
  { "md", N_("Markdown text (.md)") },
  { "csv", N_("CSV (.csv)") },
  { "xlsx", N_("Excel workbook (.xlsx)") },
  { "png", N_("PNG image") },
  { "svg", N_("SVG image") },
};

void
mamori_export_chooser_add_extensions (GtkFileChooser *chooser,
                                      const char     *extensions)
{
  g_auto(GStrv) list = g_strsplit (extensions, " ", -1);
  gboolean first = TRUE;

  g_object_set_data_full (G_OBJECT (chooser), "mamori-extensions", g_strdup (extensions), g_free);
  for (guint i = 0; list[i] != NULL; i++)
    for (guint j = 0; j < G_N_ELEMENTS (export_formats); j++)
      if (g_ascii_strcasecmp (list[i] + (list[i][0] == '.'), export_formats[j].suffix) == 0)
        {
          g_autoptr(GtkFileFilter) filter = gtk_file_filter_new ();
          gtk_file_filter_set_name (filter, _(export_formats[j].name));
          gtk_file_filter_add_suffix (filter, export_formats[j].suffix);
          g_object_set_data (G_OBJECT (filter), "mamori-suffix", (gpointer) export_formats[j].suffix);
          gtk_file_chooser_add_filter (chooser, filter);
          if (first)
            gtk_file_chooser_set_filter (chooser, filter);
          first = FALSE;
        }
}

void
mamori_export_chooser_add_formats (GtkFileChooser *chooser)
{
  mamori_export_chooser_add_extensions (chooser, ".pdf .docx .odt .md");
}

static gboolean
has_suffix (const char *path,
            const char *suffix)
{
  gsize n = strlen (path), m = strlen (suffix);

  return n > m + 1 && path[n - m - 1] == '.' && g_ascii_strcasecmp (path + n - m, suffix) == 0;
}

char *
mamori_export_chooser_get_path (GtkFileChooser *chooser)
{
  g_autoptr(GFile) file = gtk_file_chooser_get_file (chooser);
  GtkFileFilter *filter = gtk_file_chooser_get_filter (chooser);
  const char *suffix = filter ? g_object_get_data (G_OBJECT (filter), "mamori-suffix") : NULL;
  char *path = file ? g_file_get_path (file) : NULL;
  char *with;

  const char *extensions = g_object_get_data (G_OBJECT (chooser), "mamori-extensions");

  if (path == NULL || suffix == NULL)
    return path;
  /* A name that already ends in one of the offered formats keeps it. */
  for (guint i = 0; i < G_N_ELEMENTS (export_formats); i++)
    if (has_suffix (path, export_formats[i].suffix) && extensions != NULL)
      {
        g_autofree char *dotted = g_strconcat (".", export_formats[i].suffix, NULL);
        if (strstr (extensions, dotted) != NULL)
          return path;
      }
  with = g_strdup_printf ("%s.%s", path, suffix);
  g_free (path);
  return with;
}

GtkWidget *
mamori_labelled_entry_new (GtkWidget  *box,
                           const char *label,
                           const char *text)
{
  GtkWidget *l = gtk_label_new_with_mnemonic (label);
  GtkWidget *e = gtk_entry_new ();

  gtk_label_set_xalign (GTK_LABEL (l), 0);
  gtk_widget_add_css_class (l, "caption-heading");
  gtk_editable_set_text (GTK_EDITABLE (e), text ? text : "");
  gtk_entry_set_activates_default (GTK_ENTRY (e), TRUE);
  gtk_label_set_mnemonic_widget (GTK_LABEL (l), e);
  gtk_box_append (GTK_BOX (box), l);
  gtk_box_append (GTK_BOX (box), e);
  return e;
}

