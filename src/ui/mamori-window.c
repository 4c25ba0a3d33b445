/* mamori-window.c — the main window */
#include "config.h"

#include <glib/gi18n.h>
#include <stdio.h>
#include <string.h>

#include "mamori-assessments-page.h"
#include "mamori-connect-dialog.h"
#include "mamori-ledger-page.h"
#include "mamori-overview-page.h"
#include "mamori-registers-page.h"
#include "mamori-window.h"
#include "core/mamori-register.h"
#include "mamori-window-private.h"
#include "ops/mamori-ops.h"
#include "store/mamori-roles.h"
#include "ops/mamori-worker.h"
#include "report/mamori-word.h"

struct _MamoriWindow {
  AdwApplicationWindow parent_instance;

  /* template children */
  AdwToastOverlay *toast_overlay;
  AdwViewSwitcherTitle *switcher_title;
  GtkLabel *workspace_label;
  GtkButton *back_button;
  GMenu *export_section;
  MamoriWorker *exporter;     /* the Export menu's operations */
  char *export_path;
  guint label_idle;           /* update_label() pending */
  int label_hidden_below;     /* the label shows again from this window width */
  GtkInfoBar *read_only_bar;
  GtkInfoBar *role_bar;       /* what the role may not change on the page shown, and why */
  gboolean closing_anyway;    /* the user chose to close with unsaved ledger edits */
  GtkLabel *role_label;
  GtkLabel *read_only_label;
  GtkInfoBar *server_bar;      /* the server cannot be reached */
  GtkLabel *server_label;
  guint retry_timer;           /* while server_bar shows: the next try */
  GCancellable *retry_cancellable;   /* a try under way */
  gulong disconnected_id;
  MamoriConnectDialog *connect_dialog;   /* open, or NULL */
  GCancellable *lookup_cancellable;      /* the keyring's lookup for open_server, or NULL */
  AdwViewStack *stack;
  MamoriOverviewPage *overview_page;
  MamoriAssessmentsPage *assessments_page;
  AdwBin *assets_bin;
  MamoriLedgerPage *ledger_page;   /* NULL until first shown */
  MamoriDocumentsPage *documents_page;   /* NULL until first shown */
  AdwBin *documents_bin;
  MamoriRegistersPage *registers_page;   /* NULL until first shown */
  AdwBin *registers_bin;
  MamoriHeatmapPage *heatmap_page;       /* NULL until first shown */
  AdwBin *reports_bin;
  GMenu *recent_section;

  MamoriWorkspace *workspace;
  GSettings *settings;
  GtkNativeDialog *chooser; /* the open file chooser, if any */
  gulong after_paint_id;
};

G_DEFINE_FINAL_TYPE (MamoriWindow, mamori_window, ADW_TYPE_APPLICATION_WINDOW)

/* The Export submenu: every export operation that needs only a file name, from the table that
 * the command line's export also comes from; the registers' exports in their own submenu. */
static void
fill_export_menu (MamoriWindow *self)
{
  const MamoriOp *op;
  g_autoptr(GMenu) registers = g_menu_new ();

  for (guint i = 0; (op = mamori_ops_get (i)) != NULL; i++)
    if (op->kind == MAMORI_OP_EXPORT && !(op->flags & (MAMORI_OP_TAKES_ID | MAMORI_OP_NO_MENU)))
      {
        g_autofree char *label = g_strdup_printf (_("%s…"), _(op->label));
        g_autoptr(GMenuItem) item = g_menu_item_new (label, NULL);
        g_menu_item_set_action_and_target_value (item, "win.export", g_variant_new_string (op->name));
        g_menu_append_item (mamori_register_lookup (op->name) ? registers : self->export_section, item);
      }
  if (g_menu_model_get_n_items (G_MENU_MODEL (registers)) > 0)
    g_menu_append_submenu (self->export_section, _("Registers"), G_MENU_MODEL (registers));
}

static void
exported (gpointer        owner,
          MamoriOpResult *result,
          const GError   *error)
{
  MamoriWindow *self = owner;

  if (error != NULL)
    {
      mamori_widget_show_op_error (GTK_WIDGET (self), _("Could Not Export"), result, error);
      return;
    }
  if (self->workspace != NULL)
    mamori_workspace_announce_changes (self->workspace, (const char * const *) result->changed->pdata);
  for (guint i = 0; i < result->warnings->len; i++)
    {
      g_autofree char *escaped = g_markup_escape_text (result->warnings->pdata[i], -1);
      mamori_widget_add_toast (GTK_WIDGET (self), escaped);
    }
  mamori_widget_add_saved_toast (GTK_WIDGET (self), self->export_path);
}

/* Runs the export operation name to path in the window's worker; a toast or a dialog follows. */
void
mamori_window_export (MamoriWindow *self,
                      const char   *name,
                      const char   *path)
{
  const MamoriOp *op = mamori_op_find (MAMORI_OP_EXPORT, name);
  MamoriOpRequest request = { .path = path };

  g_return_if_fail (op != NULL);
  if (self->workspace == NULL)
    return;
  if (self->exporter == NULL)
    self->exporter = mamori_worker_new (self);
  g_free (self->export_path);
  self->export_path = g_strdup (path);
  mamori_worker_run_op (self->exporter, op, mamori_workspace_get_path (self->workspace), &request, exported);
}

gboolean
mamori_window_is_exporting (MamoriWindow *self)
{
  return self->exporter != NULL && mamori_worker_is_running (self->exporter);
}

static void
export_chosen (GtkNativeDialog *dialog,
               int              response,
               MamoriWindow    *self)
{
  const char *name = g_object_get_data (G_OBJECT (dialog), "mamori-op");

  if (response == GTK_RESPONSE_ACCEPT)
    {
      g_autofree char *path = mamori_export_chooser_get_path (GTK_FILE_CHOOSER (dialog));
      if (path != NULL)
        mamori_window_export (self, name, path);
    }
  gtk_native_dialog_destroy (dialog);
  g_clear_object (&self->chooser);
}

static void
export_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  MamoriWindow *self = MAMORI_WINDOW (widget);
  const MamoriOp *op = mamori_op_find (MAMORI_OP_EXPORT, g_variant_get_string (parameter, NULL));
  g_autofree char *title = NULL;
  g_autofree char *file = NULL;
  g_auto(GStrv) extensions = NULL;
  GtkFileChooserNative *chooser;

  if (op == NULL || self->workspace == NULL || self->chooser != NULL)
    return;
  title = g_strdup_printf (_("Export: %s"), _(op->label));
  extensions = g_strsplit (op->extensions, " ", 2);
  file = g_strdup_printf ("%s%s", op->name, extensions[0]);
  chooser = gtk_file_chooser_native_new (title, GTK_WINDOW (self), GTK_FILE_CHOOSER_ACTION_SAVE, _("_Export"), _("_Cancel"));
  gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (chooser), file);
  mamori_export_chooser_add_extensions (GTK_FILE_CHOOSER (chooser), op->extensions);
  g_object_set_data_full (G_OBJECT (chooser), "mamori-op", g_strdup (op->name), g_free);
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (chooser), TRUE);
  g_signal_connect (chooser, "response", G_CALLBACK (export_chosen), self);
  self->chooser = GTK_NATIVE_DIALOG (chooser);
  gtk_native_dialog_show (self->chooser);
}

static void
update_recent_menu (MamoriWindow *self)
{
  g_auto(GStrv) recent = g_settings_get_strv (self->settings, "recent-workspaces");
  const char *current = self->workspace ? mamori_workspace_get_path (self->workspace) : NULL;

  g_menu_remove_all (self->recent_section);
  for (guint i = 0; recent[i] != NULL; i++)
    {
      gboolean server = mamori_workspace_is_server_uri (recent[i]);
      g_autofree char *name = server ? mamori_server_uri_label (recent[i]) : g_filename_display_basename (recent[i]);
      g_auto(GStrv) parts = NULL;
      g_autofree char *label = NULL;
      g_autoptr(GMenuItem) item = NULL;

      if (g_strcmp0 (recent[i], current) == 0)
        continue;
      /* A server workspace: “DB on HOST (server)”, never a password (its path has none). */
      if (server)
        {
          g_autofree char *plain = g_strdup_printf (_("%s (server)"), name);
          g_free (name);
          name = g_steal_pointer (&plain);
        }
      /* Menu labels take “_” as a mnemonic: “mamori_test” keeps its underscore. */
      parts = g_strsplit (name, "_", -1);
      label = g_strjoinv ("__", parts);
      item = g_menu_item_new (label, NULL);
      g_menu_item_set_action_and_target_value (item, "win.open-recent", g_variant_new_string (recent[i]));
      g_menu_append_item (self->recent_section, item);
    }
  if (g_menu_model_get_n_items (G_MENU_MODEL (self->recent_section)) == 0)
    {
      g_autoptr(GMenuItem) item = g_menu_item_new (_("No Other Recent Workspaces"), "win.none");
      g_menu_append_item (self->recent_section, item);
    }
}

/* --- the server of a server workspace goes away -------------------------------------------- */

#define RETRY_SECONDS 5

static void retry_server (MamoriWindow *self);

static gboolean
retry_tick (gpointer data)
{
  MamoriWindow *self = data;

  self->retry_timer = 0;
  retry_server (self);
  return G_SOURCE_REMOVE;
}

/* The banner goes and nothing is retried any more. */
static void
server_back (MamoriWindow *self)
{
  g_clear_handle_id (&self->retry_timer, g_source_remove);
  if (self->retry_cancellable != NULL)
    g_cancellable_cancel (self->retry_cancellable);
  g_clear_object (&self->retry_cancellable);
  gtk_info_bar_set_revealed (self->server_bar, FALSE);
}

/* Every page reads again what it shows. */
static void
reload_pages (MamoriWindow *self)
{
  static const char *const entities[] = {
    "organisation", "stepup_task", "settings", "asset", "medium_threat", "assessment", "document", "people",
  };
  g_autoptr(GPtrArray) all = g_ptr_array_new ();
  const MamoriRegister *const *registers;
  guint n = 0;

  for (guint i = 0; i < G_N_ELEMENTS (entities); i++)
    g_ptr_array_add (all, (gpointer) entities[i]);
  registers = mamori_registers (&n);
  for (guint i = 0; i < n; i++)
    g_ptr_array_add (all, (gpointer) registers[i]->key);
  g_ptr_array_add (all, NULL);
  mamori_workspace_announce_changes (self->workspace, (const char * const *) all->pdata);
}

static void
server_answers_thread (GTask        *task,
                       gpointer      source,
                       gpointer      data,
                       GCancellable *cancellable)
{
  g_task_return_boolean (task, mamori_workspace_server_answers (data));
}

static void
server_answered (GObject      *source,
                 GAsyncResult *result,
                 gpointer      data)
{
  MamoriWindow *self = MAMORI_WINDOW (source);
  gboolean answers = g_task_propagate_boolean (G_TASK (result), NULL);
  g_autoptr(GError) error = NULL;

  if (g_cancellable_is_cancelled (g_task_get_cancellable (G_TASK (result))) || self->workspace == NULL)
    return;
  g_clear_object (&self->retry_cancellable);
  /* The server answers: connecting again is quick now, here on the workspace's thread. */
  if (answers && mamori_workspace_reconnect (self->workspace, &error))
    {
      server_back (self);
      reload_pages (self);
      mamori_widget_add_toast (GTK_WIDGET (self), _("Connected to the server again"));
      return;
    }
  if (error != NULL)
    g_debug ("Still no connection: %s", error->message);
  self->retry_timer = g_timeout_add_seconds (RETRY_SECONDS, retry_tick, self);
}

/* Asks the server, in a worker, whether it answers. */
static void
retry_server (MamoriWindow *self)
{
  g_autoptr(GTask) task = NULL;

  g_clear_handle_id (&self->retry_timer, g_source_remove);
  if (self->workspace == NULL || self->retry_cancellable != NULL)
    return;
  self->retry_cancellable = g_cancellable_new ();
  task = g_task_new (self, self->retry_cancellable, server_answered, NULL);
  g_task_set_task_data (task, g_strdup (mamori_workspace_get_path (self->workspace)), g_free);
  g_task_run_in_thread (task, server_answers_thread);
}

/* The watch saw the connection end, or a page's read or write failed for it: the banner,
 * and a try every few seconds. */
static void
server_lost (MamoriWindow *self)
{
  g_autofree char *name = NULL;
  g_autofree char *text = NULL;

  if (self->workspace == NULL || !mamori_workspace_is_server (self->workspace) ||
      gtk_info_bar_get_revealed (self->server_bar))
    return;
  name = mamori_server_uri_label (mamori_workspace_get_path (self->workspace));
  text = g_strdup_printf (_("The server cannot be reached (%s). Trying again every %d seconds…"),
                          name, RETRY_SECONDS);
  gtk_label_set_text (self->server_label, text);
  gtk_info_bar_set_revealed (self->server_bar, TRUE);
  self->retry_timer = g_timeout_add_seconds (RETRY_SECONDS, retry_tick, self);
}

static void
server_lost_action (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *parameter)
{
  server_lost (MAMORI_WINDOW (widget));
}

static void
reconnect_action (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *parameter)
{
  retry_server (MAMORI_WINDOW (widget));
}

gboolean
mamori_window_is_server_lost (MamoriWindow *self)
{
  return gtk_info_bar_get_revealed (self->server_bar);
}

static void update_role_bar (MamoriWindow *self);

/* The window's commands that change the workspace, by what the user's role allows: starting
 * an assessment (the overview's tasks) and importing assets (the welcome group). */
static void
update_role_actions (MamoriWindow *self)
{
  const MamoriAccess *access = self->workspace ? mamori_workspace_get_access (self->workspace) : NULL;

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.start-assessment",
                                 access == NULL || mamori_access_may_start_assessment (access));
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.import-assets", access == NULL || mamori_access_may_add_assets (access));
}

static void
set_workspace (MamoriWindow    *self,
               MamoriWorkspace *workspace)
{
  MamoriApplication *app = MAMORI_APPLICATION (gtk_window_get_application (GTK_WINDOW (self)));

  if (self->workspace != NULL)
    {
      g_clear_signal_handler (&self->disconnected_id, self->workspace);
      mamori_workspace_close (self->workspace);
      g_clear_object (&self->workspace);
    }
  server_back (self);
  self->workspace = workspace;
  /* What the role allows, read before the pages ask (the store forgets it when the roles
   * change, before anyone hears of it). */
  if (workspace != NULL)
    {
      mamori_workspace_get_access (workspace);
      g_signal_connect_object (workspace, "changed::settings", G_CALLBACK (update_role_bar), self,
                               G_CONNECT_SWAPPED);
      g_signal_connect_object (workspace, "changed::settings", G_CALLBACK (update_role_actions), self,
                               G_CONNECT_SWAPPED);
    }
  if (workspace != NULL && mamori_workspace_is_server (workspace))
    self->disconnected_id = g_signal_connect_object (workspace, "disconnected", G_CALLBACK (server_lost), self,
                                                     G_CONNECT_SWAPPED);
  mamori_overview_page_set_workspace (self->overview_page, workspace);
  mamori_assessments_page_set_workspace (self->assessments_page, workspace);
  if (self->ledger_page != NULL)
    mamori_ledger_page_set_workspace (self->ledger_page, workspace);
  if (self->documents_page != NULL)
    mamori_documents_page_set_workspace (self->documents_page, workspace);
  if (self->heatmap_page != NULL)
    mamori_heatmap_page_set_workspace (self->heatmap_page, workspace);
  if (self->registers_page != NULL)
    mamori_registers_page_set_workspace (self->registers_page, workspace);

  if (workspace != NULL && mamori_workspace_get_read_only_reason (workspace) != NULL)
    {
      g_autofree char *text = g_strdup_printf (_("Read-only: %s Changes cannot be saved."),
                                               mamori_workspace_get_read_only_reason (workspace));
      gtk_label_set_text (self->read_only_label, text);
      gtk_info_bar_set_revealed (self->read_only_bar, TRUE);
    }
  else
    gtk_info_bar_set_revealed (self->read_only_bar, FALSE);

  if (workspace != NULL && mamori_workspace_is_server (workspace))
    {
      /* The others' changes reach every page within a second, as our own do. */
      g_autoptr(GError) error = NULL;
      if (!mamori_workspace_watch_server (workspace, &error))
        g_warning ("Cannot follow the server's changes: %s", error->message);
    }

  if (workspace != NULL)
    {
      g_autofree char *name = mamori_workspace_is_server (workspace) ? mamori_workspace_dup_name (workspace)
                                                                     : g_filename_display_basename (mamori_workspace_get_path (workspace));
      g_autofree char *full = g_filename_display_name (mamori_workspace_get_path (workspace));
      g_autofree char *title = g_strdup_printf ("%s — %s", name, _("Mamori"));
      /* The switcher hides the title when wide: the file name also stands at the start. */
      MamoriRole role = mamori_workspace_get_access (workspace)->role;
      adw_view_switcher_title_set_subtitle (self->switcher_title, name);
      gtk_label_set_text (self->workspace_label, name);
      gtk_widget_set_tooltip_text (GTK_WIDGET (self->workspace_label), full);
      /* On a server: the role, said once when it opens and in the tooltip; each page then
       * disables what it does not allow and the role bar says why. */
      if (role == MAMORI_ROLE_EDITOR || role == MAMORI_ROLE_AUDITOR)
        {
          g_autofree char *said = g_strdup_printf (_("Your role here is %s: you %s."), mamori_role_label (role),
                                                   mamori_role_describe (role));
          g_autofree char *tip = g_strdup_printf ("%s\n%s", full, said);
          g_autofree char *who = mamori_access_describe (mamori_workspace_get_access (workspace));
          g_autofree char *brief = g_strdup_printf (_("Your role here: %s"), who);
          AdwToast *toast = adw_toast_new (brief);
          adw_toast_set_timeout (toast, 8);
          gtk_widget_set_tooltip_text (GTK_WIDGET (self->workspace_label), tip);
          adw_toast_overlay_add_toast (self->toast_overlay, toast);
        }
      gtk_window_set_title (GTK_WINDOW (self), title);
      if (app != NULL)
        mamori_application_note_recent (app, mamori_workspace_get_path (workspace));
    }
  else
    {
      adw_view_switcher_title_set_subtitle (self->switcher_title, _("No workspace open"));
      gtk_label_set_text (self->workspace_label, _("No workspace open"));
      gtk_widget_set_tooltip_text (GTK_WIDGET (self->workspace_label), NULL);
      gtk_window_set_title (GTK_WINDOW (self), _("Mamori"));
    }

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.save-copy", workspace != NULL);
  update_role_bar (self);
  update_role_actions (self);
  update_recent_menu (self);
}

MamoriWorkspace *
mamori_window_get_workspace (MamoriWindow *self)
{
  g_return_val_if_fail (MAMORI_IS_WINDOW (self), NULL);
  return self->workspace;
}

void
mamori_window_add_toast (MamoriWindow *self,
                         AdwToast     *toast)
{
  adw_toast_overlay_add_toast (self->toast_overlay, toast);
}

void
mamori_window_show_error (MamoriWindow *self,
                          const char   *heading,
                          const GError *error)
{
  GtkWidget *dialog = adw_message_dialog_new (GTK_WINDOW (self), heading, error->message);

  adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (dialog), "close", _("_Close"));
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "close");
  gtk_window_present (GTK_WINDOW (dialog));
}

/* Opens a saved file (a URI) in the desktop's application for it. */
static void
open_file_action (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *parameter)
{
  g_autoptr(GError) error = NULL;

  if (!g_app_info_launch_default_for_uri (g_variant_get_string (parameter, NULL), NULL, &error))
    mamori_widget_show_error (widget, _("Could Not Open the File"), error);
}

/* --- Connect to a Server… -------------------------------------------------------------------- */

static void
server_connected (MamoriWindow        *self,
                  MamoriWorkspace     *workspace,
                  MamoriConnectDialog *dialog)
{
  g_autofree char *name = mamori_server_uri_label (mamori_workspace_get_path (workspace));
  g_autofree char *title = g_markup_printf_escaped (_("Connected to “%s”"), name);

  set_workspace (self, g_object_ref (workspace));
  mamori_window_add_toast (self, adw_toast_new (title));
}

static void
connect_dialog_gone (MamoriWindow *self,
                     GtkWidget    *dialog)
{
  if (self->connect_dialog == (MamoriConnectDialog *) dialog)
    self->connect_dialog = NULL;
  /* Starting with a server that was not connected to: the default workspace, as when a file
   * cannot be opened. */
  if (self->workspace == NULL)
    mamori_window_open_default_workspace (self);
}

/* The dialog, filled from uri (or empty); connecting at once when connect is TRUE. */
static MamoriConnectDialog *
show_connect_dialog (MamoriWindow *self,
                     const char   *uri,
                     const char   *password,
                     gboolean      connect)
{
  if (self->connect_dialog != NULL)
    {
      /* Replaced: its closing opens nothing. */
      g_signal_handlers_disconnect_by_data (self->connect_dialog, self);
      gtk_window_destroy (GTK_WINDOW (g_steal_pointer (&self->connect_dialog)));
    }
  self->connect_dialog = mamori_connect_dialog_new (GTK_WINDOW (self), uri);
  if (password != NULL)
    mamori_connect_dialog_set_password (self->connect_dialog, password);
  g_signal_connect_object (self->connect_dialog, "connected", G_CALLBACK (server_connected), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->connect_dialog, "destroy", G_CALLBACK (connect_dialog_gone), self, G_CONNECT_SWAPPED);
  gtk_window_present (GTK_WINDOW (self->connect_dialog));
  if (connect)
    mamori_connect_dialog_connect (self->connect_dialog);
  return self->connect_dialog;
}

/* Ledger edits the server could not take yet would be lost with the workspace: says so and
 * TRUE, instead of another workspace taking its place. */
static gboolean
keeps_unsaved (MamoriWindow *self)
{
  guint n = self->ledger_page != NULL ? mamori_ledger_page_count_unsaved (self->ledger_page) : 0;
  g_autofree char *body = NULL;
  GtkWidget *dialog;

  if (n == 0)
    return FALSE;
  body = g_strdup_printf (ngettext ("%u ledger edit is not saved yet: the server cannot be reached. It is saved when the "
                                    "server answers again; wait for that before opening another workspace.",
                                    "%u ledger edits are not saved yet: the server cannot be reached. They are saved when the "
                                    "server answers again; wait for that before opening another workspace.", n), n);
  dialog = adw_message_dialog_new (GTK_WINDOW (self), _("Edits Not Saved Yet"), body);
  adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (dialog), "close", _("_Close"));
  gtk_window_present (GTK_WINDOW (dialog));
  return TRUE;
}

static void
connect_server_action (GtkWidget  *widget,
                       const char *action_name,
                       GVariant   *parameter)
{
  MamoriWindow *self = MAMORI_WINDOW (widget);
  const char *current = self->workspace != NULL && mamori_workspace_is_server (self->workspace)
                          ? mamori_workspace_get_path (self->workspace) : NULL;

  if (keeps_unsaved (self))
    return;
  show_connect_dialog (self, current, NULL, FALSE);
}

typedef struct {
  MamoriWindow *window;
  char *uri;
  GCancellable *cancellable;
} LookupData;

static void
password_found (GObject      *source,
                GAsyncResult *result,
                gpointer      user_data)
{
  LookupData *data = user_data;
  g_autoptr(GError) error = NULL;
  g_autofree char *password = mamori_server_password_lookup_finish (result, &error);

  if (error != NULL)
    g_debug ("No password from the keyring: %s", error->message);
  /* With the password, or without one (a server that asks for none): the dialog connects at
   * once and stays with the server's error when that fails. */
  if (!g_cancellable_is_cancelled (data->cancellable))
    show_connect_dialog (data->window, data->uri, password, TRUE);
  if (data->window->lookup_cancellable == data->cancellable)
    g_clear_object (&data->window->lookup_cancellable);
  g_object_unref (data->cancellable);
  g_object_unref (data->window);
  g_free (data->uri);
  g_free (data);
}

/* A server workspace from the recent list or the command line: its password from the keyring
 * (unless the URI carries one), then connecting in the dialog. */
static void
open_server (MamoriWindow *self,
             const char   *uri)
{
  g_autofree char *password = NULL;
  LookupData *data;

  if (mamori_server_uri_parse (uri, NULL, NULL, NULL, NULL, &password) && *password != '\0')
    {
      show_connect_dialog (self, uri, NULL, TRUE);
      return;
    }
  /* The newest request wins. */
  if (self->lookup_cancellable != NULL)
    g_cancellable_cancel (self->lookup_cancellable);
  g_clear_object (&self->lookup_cancellable);
  self->lookup_cancellable = g_cancellable_new ();
  data = g_new0 (LookupData, 1);
  data->window = g_object_ref (self);
  data->uri = g_strdup (uri);
  data->cancellable = g_object_ref (self->lookup_cancellable);
  mamori_server_password_lookup (uri, data->cancellable, password_found, data);
}

GMenuModel *
mamori_window_get_recent_menu (MamoriWindow *self)
{
  return G_MENU_MODEL (self->recent_section);
}

MamoriConnectDialog *
mamori_window_get_connect_dialog (MamoriWindow *self)
{
  return self->connect_dialog;
}

void
mamori_window_take_workspace (MamoriWindow    *self,
                              MamoriWorkspace *workspace)
{
  set_workspace (self, workspace);
}

gboolean
mamori_window_open_workspace (MamoriWindow *self,
                              const char   *path,
                              gboolean      create)
{
  g_autoptr(GError) error = NULL;
  MamoriWorkspace *workspace;

  if (self->workspace != NULL && g_strcmp0 (mamori_workspace_get_path (self->workspace), path) == 0)
    return TRUE;
  if (mamori_workspace_is_server_uri (path))
    {
      /* Connecting may take up to 10 s and may need a password: in the dialog, in a worker.
       * FALSE: not open yet. */
      open_server (self, path);
      return FALSE;
    }

  /* A damaged workspace, or one that someone else edits on a shared drive, opens read-only
   * with the reason in a bar: nothing is written into it. */
  workspace = mamori_workspace_open (path, MAMORI_WORKSPACE_OPEN_FALLBACK_READ_ONLY |
                                           (create ? MAMORI_WORKSPACE_OPEN_CREATE : MAMORI_WORKSPACE_OPEN_EXISTING),
                                     &error);
  if (workspace == NULL)
    {
      mamori_window_show_error (self, _("Could Not Open the Workspace"), error);
      if (self->workspace == NULL)
        {
          /* Starting up: fall back to the default workspace so the window is usable. */
          g_autofree char *fallback = mamori_workspace_default_path ();
          if (g_strcmp0 (fallback, path) != 0)
            {
              g_autoptr(GError) error2 = NULL;
              workspace = mamori_workspace_open (fallback, MAMORI_WORKSPACE_OPEN_CREATE, &error2);
              if (workspace != NULL)
                set_workspace (self, workspace);
            }
          if (self->workspace == NULL)
            set_workspace (self, NULL);
        }
      return FALSE;
    }
  set_workspace (self, workspace);
  return TRUE;
}

gboolean
mamori_window_open_default_workspace (MamoriWindow *self)
{
  g_autofree char *path = mamori_workspace_default_path ();
  return mamori_window_open_workspace (self, path, TRUE);
}

MamoriCatalog *
mamori_window_get_catalog (MamoriWindow *self)
{
  return mamori_assessments_page_get_catalog (self->assessments_page);
}

MamoriLedgerPage *
mamori_window_get_ledger_page (MamoriWindow *self)
{
  if (self->ledger_page == NULL)
    {
      self->ledger_page = g_object_new (MAMORI_TYPE_LEDGER_PAGE, NULL);
      adw_bin_set_child (self->assets_bin, GTK_WIDGET (self->ledger_page));
      mamori_ledger_page_set_workspace (self->ledger_page, self->workspace);
    }
  return self->ledger_page;
}

MamoriDocumentsPage *
mamori_window_get_documents_page (MamoriWindow *self)
{
  if (self->documents_page == NULL)
    {
      self->documents_page = g_object_new (MAMORI_TYPE_DOCUMENTS_PAGE, NULL);
      adw_bin_set_child (self->documents_bin, GTK_WIDGET (self->documents_page));
      mamori_documents_page_set_workspace (self->documents_page, self->workspace);
    }
  return self->documents_page;
}

static MamoriRegistersPage *
get_registers_page (MamoriWindow *self)
{
  if (self->registers_page == NULL)
    {
      self->registers_page = g_object_new (MAMORI_TYPE_REGISTERS_PAGE, NULL);
      adw_bin_set_child (self->registers_bin, GTK_WIDGET (self->registers_page));
      mamori_registers_page_set_workspace (self->registers_page, self->workspace);
    }
  return self->registers_page;
}

MamoriHeatmapPage *
mamori_window_get_heatmap_page (MamoriWindow *self)
{
  if (self->heatmap_page == NULL)
    {
      self->heatmap_page = g_object_new (MAMORI_TYPE_HEATMAP_PAGE, NULL);
      adw_bin_set_child (self->reports_bin, GTK_WIDGET (self->heatmap_page));
      mamori_heatmap_page_set_workspace (self->heatmap_page, self->workspace);
      mamori_heatmap_page_set_catalog_func (self->heatmap_page, (MamoriCatalogFunc) mamori_window_get_catalog, self);
    }
  return self->heatmap_page;
}

/* Narrow, the title shows the workspace's name as its subtitle and the label at the start
 * would repeat it (and take room the title needs). The title's mode changes while the header
 * is allocated, so the label follows in an idle; it comes back only once the window is wider
 * than when it went by the label's own width, or the two would take turns. */
static gboolean
update_label (gpointer user_data)
{
  MamoriWindow *self = user_data;
  GtkWidget *label = GTK_WIDGET (self->workspace_label);
  int width = gtk_widget_get_width (GTK_WIDGET (self));

  self->label_idle = 0;
  if (adw_view_switcher_title_get_title_visible (self->switcher_title))
    {
      if (gtk_widget_get_visible (label))
        {
          self->label_hidden_below = width + gtk_widget_get_width (label) + 12;
          gtk_widget_set_visible (label, FALSE);
        }
    }
  else if (!gtk_widget_get_visible (label) && width >= self->label_hidden_below)
    gtk_widget_set_visible (label, TRUE);
  return G_SOURCE_REMOVE;
}

static void
queue_label_update (MamoriWindow *self)
{
  if (self->label_idle == 0)
    self->label_idle = g_idle_add (update_label, self);
}

/* The back button shows while the visible page has an inner view to leave (only the
 * Assessments page has such views: the wizard, a summary, the comparison). */
static void
update_back (MamoriWindow *self)
{
  gboolean back = g_strcmp0 (adw_view_stack_get_visible_child_name (self->stack), "assessments") == 0 &&
                  mamori_assessments_page_get_can_go_back (self->assessments_page);

  gtk_widget_set_visible (GTK_WIDGET (self->back_button), back);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.go-back", back);
}

static void
go_back_action (GtkWidget  *widget,
                const char *action_name,
                GVariant   *parameter)
{
  MamoriWindow *self = MAMORI_WINDOW (widget);

  if (g_strcmp0 (adw_view_stack_get_visible_child_name (self->stack), "assessments") == 0)
    mamori_assessments_page_go_back (self->assessments_page);
}

/* The role bar: on a server, what the user's role does not let them change on the page shown
 * (a read-only workspace says so in its own bar). */
static void
update_role_bar (MamoriWindow *self)
{
  static const struct { const char *page; MamoriAccessArea area; } areas[] = {
    { "assessments", MAMORI_ACCESS_ASSESSMENTS }, { "assets", MAMORI_ACCESS_LEDGER },
    { "registers", MAMORI_ACCESS_REGISTERS }, { "documents", MAMORI_ACCESS_DOCUMENTS },
    { "reports", MAMORI_ACCESS_AUDITS },
  };
  const char *name = adw_view_stack_get_visible_child_name (self->stack);
  const MamoriAccess *access = self->workspace ? mamori_workspace_get_access (self->workspace) : NULL;
  g_autofree char *why = NULL;

  for (guint i = 0; i < G_N_ELEMENTS (areas) && access != NULL && access->read_only == NULL; i++)
    if (g_strcmp0 (name, areas[i].page) == 0)
      why = mamori_access_explain (access, areas[i].area);
  gtk_label_set_text (self->role_label, why != NULL ? why : "");
  gtk_info_bar_set_revealed (self->role_bar, why != NULL);
}

static void
visible_page_changed (AdwViewStack *stack,
                      GParamSpec   *pspec,
                      MamoriWindow *self)
{
  const char *name = adw_view_stack_get_visible_child_name (stack);

  update_back (self);
  update_role_bar (self);
  if (g_strcmp0 (name, "assets") == 0)
    mamori_window_get_ledger_page (self);
  else if (g_strcmp0 (name, "documents") == 0)
    mamori_window_get_documents_page (self);
  else if (g_strcmp0 (name, "reports") == 0)
    mamori_window_get_heatmap_page (self);
  else if (g_strcmp0 (name, "registers") == 0)
    get_registers_page (self);
}

GtkWidget *
mamori_window_get_page (MamoriWindow *self,
                        const char   *name)
{
  if (g_strcmp0 (name, "assets") == 0)
    return GTK_WIDGET (mamori_window_get_ledger_page (self));
  if (g_strcmp0 (name, "documents") == 0)
    return GTK_WIDGET (mamori_window_get_documents_page (self));
  if (g_strcmp0 (name, "registers") == 0)
    return GTK_WIDGET (get_registers_page (self));
  if (g_strcmp0 (name, "reports") == 0)
    return GTK_WIDGET (mamori_window_get_heatmap_page (self));
  if (g_strcmp0 (name, "assessments") == 0)
    return GTK_WIDGET (self->assessments_page);
  if (g_strcmp0 (name, "overview") == 0)
    return GTK_WIDGET (self->overview_page);
  return NULL;
}

const char *
mamori_window_get_role_bar_text (MamoriWindow *self)
{
  return gtk_info_bar_get_revealed (self->role_bar) ? gtk_label_get_text (self->role_label) : NULL;
}

const char *
mamori_window_get_visible_page (MamoriWindow *self)
{
  return adw_view_stack_get_visible_child_name (self->stack);
}

void
mamori_window_show_debug_target (MamoriWindow *self,
                                 const char   *target)
{
  if (target == NULL || *target == '\0')
    return;
  if (g_str_has_prefix (target, "assessment:"))
    {
      gint64 id = g_ascii_strtoll (target + strlen ("assessment:"), NULL, 10);
      adw_view_stack_set_visible_child_name (self->stack, "assessments");
      mamori_assessments_page_open (self->assessments_page, id);
    }
  else if (g_str_has_prefix (target, "import-answers:"))
    {
      g_autoptr(GFile) file = g_file_new_for_path (target + strlen ("import-answers:"));
      adw_view_stack_set_visible_child_name (self->stack, "assessments");
      mamori_assessments_page_ask_answers (self->assessments_page, file);
    }
  else if (g_str_has_prefix (target, "registers:"))
    {
      /* registers:KEY or registers:KEY:ID */
      g_auto(GStrv) parts = g_strsplit (target, ":", 3);
      gint64 id = parts[1] && parts[2] ? g_ascii_strtoll (parts[2], NULL, 10) : 0;
      gtk_widget_activate_action (GTK_WIDGET (self), "win.show-record", "(ssx)", "registers", parts[1] ? parts[1] : "", id);
    }
  else if (adw_view_stack_get_child_by_name (self->stack, target) != NULL)
    adw_view_stack_set_visible_child_name (self->stack, target);
}

/* --- file choosers ----------------------------------------------------------------------- */

typedef void (*ChooserDone) (MamoriWindow *self, const char *path);

static void
chooser_response (GtkNativeDialog *dialog,
                  int              response,
                  gpointer         user_data)
{
  MamoriWindow *self = user_data;
  ChooserDone done = g_object_get_data (G_OBJECT (dialog), "mamori-done");

  if (response == GTK_RESPONSE_ACCEPT)
    {
      g_autoptr(GFile) file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (dialog));
      g_autofree char *path = file ? g_file_get_path (file) : NULL;
      if (path != NULL)
        done (self, path);
    }
  gtk_native_dialog_destroy (dialog);
  g_clear_object (&self->chooser);
}

static void
run_chooser (MamoriWindow         *self,
             const char           *title,
             GtkFileChooserAction  action,
             const char           *accept,
             const char           *suggested_name,
             ChooserDone           done)
{
  GtkFileChooserNative *chooser;
  g_autoptr(GtkFileFilter) filter = gtk_file_filter_new ();

  if (self->chooser != NULL)
    return;
  chooser = gtk_file_chooser_native_new (title, GTK_WINDOW (self), action, accept, _("_Cancel"));
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (chooser), TRUE);
  gtk_file_filter_set_name (filter, _("Mamori workspaces"));
  gtk_file_filter_add_pattern (filter, "*.mamori");
  gtk_file_filter_add_mime_type (filter, "application/x-mamori-workspace");
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (chooser), filter);
  if (suggested_name != NULL)
    gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (chooser), suggested_name);
  g_object_set_data (G_OBJECT (chooser), "mamori-done", done);
  g_signal_connect (chooser, "response", G_CALLBACK (chooser_response), self);
  self->chooser = GTK_NATIVE_DIALOG (chooser);
  gtk_native_dialog_show (self->chooser);
}

static char *
with_extension (const char *path)
{
  if (g_str_has_suffix (path, MAMORI_WORKSPACE_EXTENSION))
    return g_strdup (path);
  return g_strconcat (path, MAMORI_WORKSPACE_EXTENSION, NULL);
}

gboolean
mamori_window_create_workspace (MamoriWindow *self,
                                const char   *chosen)
{
  g_autofree char *path = with_extension (chosen);
  g_autoptr(GError) error = NULL;
  MamoriWorkspace *workspace;

  if (self->workspace != NULL && g_strcmp0 (mamori_workspace_get_path (self->workspace), path) == 0)
    {
      g_set_error (&error, MAMORI_WORKSPACE_ERROR, MAMORI_WORKSPACE_ERROR_EXISTS,
                   _("“%s” is the workspace that is open now. Choose another file name."),
                   mamori_workspace_get_path (self->workspace));
      mamori_window_show_error (self, _("Could Not Create the Workspace"), error);
      return FALSE;
    }
  /* The file chooser has already asked before replacing an existing file. */
  workspace = mamori_workspace_create_replacing (path, &error);
  if (workspace == NULL)
    {
      mamori_window_show_error (self, _("Could Not Create the Workspace"), error);
      return FALSE;
    }
  set_workspace (self, workspace);
  adw_view_stack_set_visible_child_name (self->stack, "overview");
  {
    g_autofree char *name = g_filename_display_basename (path);
    g_autofree char *title = g_markup_printf_escaped (_("Created “%s”"), name);
    mamori_window_add_toast (self, adw_toast_new (title));
  }
  return TRUE;
}

static void
new_workspace_chosen (MamoriWindow *self,
                      const char   *chosen)
{
  mamori_window_create_workspace (self, chosen);
}

static void
open_workspace_chosen (MamoriWindow *self,
                       const char   *path)
{
  if (mamori_window_open_workspace (self, path, FALSE))
    {
      g_autofree char *name = g_filename_display_basename (path);
      g_autofree char *title = g_markup_printf_escaped (_("Opened “%s”"), name);
      mamori_window_add_toast (self, adw_toast_new (title));
    }
}

typedef struct {
  MamoriWindow *window;
  char *dest;
} SaveCopyData;

static void
save_copy_data_free (SaveCopyData *data)
{
  g_object_unref (data->window);
  g_free (data->dest);
  g_free (data);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (SaveCopyData, save_copy_data_free)

static void
save_copy_done (GObject      *source,
                GAsyncResult *result,
                gpointer      user_data)
{
  g_autoptr(SaveCopyData) data = user_data;
  MamoriWindow *self = data->window;
  g_autoptr(GError) error = NULL;
  const char *dest = data->dest;

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.save-copy", self->workspace != NULL);
  if (!mamori_workspace_save_copy_finish (MAMORI_WORKSPACE (source), result, &error))
    {
      mamori_window_show_error (self, _("Could Not Save a Copy"), error);
      return;
    }
  {
    g_autofree char *name = g_filename_display_basename (dest);
    g_autofree char *title = g_markup_printf_escaped (_("Saved a copy as “%s”"), name);
    mamori_window_add_toast (self, adw_toast_new (title));
  }
}

void
mamori_window_save_copy (MamoriWindow *self,
                         const char   *chosen)
{
  g_autofree char *path = with_extension (chosen);
  SaveCopyData *data;

  if (self->workspace == NULL)
    return;
  if (g_strcmp0 (mamori_workspace_get_path (self->workspace), path) == 0)
    {
      g_autoptr(GError) error = NULL;
      g_set_error (&error, MAMORI_WORKSPACE_ERROR, MAMORI_WORKSPACE_ERROR_EXISTS,
                   _("A copy cannot replace the workspace itself. Choose another file name."));
      mamori_window_show_error (self, _("Could Not Save a Copy"), error);
      return;
    }
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.save-copy", FALSE);
  /* Runs in a worker with its own connection; the window stays responsive. */
  data = g_new0 (SaveCopyData, 1);
  data->window = g_object_ref (self);
  data->dest = g_strdup (path);
  mamori_workspace_save_copy_async (self->workspace, path, NULL, save_copy_done, data);
}

static void
save_copy_chosen (MamoriWindow *self,
                  const char   *chosen)
{
  mamori_window_save_copy (self, chosen);
}

static void
new_workspace_action (GtkWidget  *widget,
                      const char *action_name,
                      GVariant   *parameter)
{
  if (keeps_unsaved (MAMORI_WINDOW (widget)))
    return;
  run_chooser (MAMORI_WINDOW (widget), _("New Workspace"), GTK_FILE_CHOOSER_ACTION_SAVE,
               _("_Create"), _("organisation.mamori"), new_workspace_chosen);
}

static void
open_workspace_action (GtkWidget  *widget,
                       const char *action_name,
                       GVariant   *parameter)
{
  if (keeps_unsaved (MAMORI_WINDOW (widget)))
    return;
  run_chooser (MAMORI_WINDOW (widget), _("Open Workspace"), GTK_FILE_CHOOSER_ACTION_OPEN,
               _("_Open"), NULL, open_workspace_chosen);
}

static void
save_copy_action (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *parameter)
{
  MamoriWindow *self = MAMORI_WINDOW (widget);
  g_autofree char *base = NULL;
  g_autofree char *suggested = NULL;

  if (self->workspace == NULL)
    return;
  base = mamori_workspace_dup_name (self->workspace);
  if (g_str_has_suffix (base, MAMORI_WORKSPACE_EXTENSION))
    base[strlen (base) - strlen (MAMORI_WORKSPACE_EXTENSION)] = '\0';
  /* TRANSLATORS: file name for a copy; %s is the workspace name without extension */
  suggested = g_strdup_printf (_("%s (copy).mamori"), base);
  run_chooser (self, _("Save a Copy"), GTK_FILE_CHOOSER_ACTION_SAVE, _("_Save"), suggested,
               save_copy_chosen);
}

static void
open_recent_action (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *parameter)
{
  if (keeps_unsaved (MAMORI_WINDOW (widget)))
    return;
  open_workspace_chosen (MAMORI_WINDOW (widget), g_variant_get_string (parameter, NULL));
}

static void
show_page_action (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *parameter)
{
  MamoriWindow *self = MAMORI_WINDOW (widget);
  const char *name = g_variant_get_string (parameter, NULL);

  if (adw_view_stack_get_child_by_name (self->stack, name) != NULL)
    adw_view_stack_set_visible_child_name (self->stack, name);
}

/* The ledger, filtered to one cell of a heatmap: (method, likelihood grid, residual, probability,
 * impact, department, medium), "" for every department or medium. Pages ask for it with
 * this action rather than reaching the ledger page. */
static void
show_assets_action (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *parameter)
{
  MamoriWindow *self = MAMORI_WINDOW (widget);
  gint32 method;
  gboolean likelihood, residual;
  guint32 probability, impact;
  const char *department, *medium;

  g_variant_get (parameter, "(ibbuu&s&s)", &method, &likelihood, &residual, &probability, &impact, &department, &medium);
  adw_view_stack_set_visible_child_name (self->stack, "assets");
  mamori_ledger_page_set_cell_filter (mamori_window_get_ledger_page (self), (MamoriRiskMethod) method, likelihood,
                                      residual, probability, impact, *department ? department : NULL,
                                      *medium ? medium : NULL);
}

/* Where to act on something: (page, what, id). ("registers", register key or
 * "training-status", record id or 0) shows a register and opens one of its records;
 * ("documents", "", id) opens a document; ("assessments", "", id) an assessment; any other
 * page is shown as it is. The Overview's What Is Due entries use it with their targets. */
static void
show_record_action (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *parameter)
{
  MamoriWindow *self = MAMORI_WINDOW (widget);
  const char *page, *what;
  gint64 id;

  g_variant_get (parameter, "(&s&sx)", &page, &what, &id);
  if (adw_view_stack_get_child_by_name (self->stack, page) == NULL)
    return;
  adw_view_stack_set_visible_child_name (self->stack, page);
  if (g_str_equal (page, "registers") && *what != '\0')
    mamori_registers_page_show (get_registers_page (self), what, id);
  else if (g_str_equal (page, "documents") && id > 0)
    mamori_documents_page_open (mamori_window_get_documents_page (self), id);
  else if (g_str_equal (page, "assessments") && id > 0 && self->workspace != NULL)
    mamori_assessments_page_open (self->assessments_page, id);
}

/* The ledger page's import, from elsewhere (the welcome page). */
static void
import_assets_action (GtkWidget  *widget,
                      const char *action_name,
                      GVariant   *parameter)
{
  MamoriWindow *self = MAMORI_WINDOW (widget);

  adw_view_stack_set_visible_child_name (self->stack, "assets");
  gtk_widget_activate_action (GTK_WIDGET (mamori_window_get_ledger_page (self)), "ledger.import", NULL);
}

/* Ctrl+N on the Registers page adds a record there; elsewhere it stays New Workspace (the
 * application's accelerator). Runs in the capture phase before the application's shortcuts. */
static gboolean
new_record_shortcut (GtkWidget *widget,
                     GVariant  *args,
                     gpointer   user_data)
{
  MamoriWindow *self = MAMORI_WINDOW (widget);

  if (g_strcmp0 (adw_view_stack_get_visible_child_name (self->stack), "registers") != 0 || self->registers_page == NULL ||
      !gtk_widget_is_sensitive (GTK_WIDGET (self)))
    return FALSE;
  return gtk_widget_activate_action (GTK_WIDGET (self->registers_page), "registers.add", NULL);
}

/* F5 from every page: the Reports page's full-screen review. */
static void
present_action (GtkWidget  *widget,
                const char *action_name,
                GVariant   *parameter)
{
  MamoriHeatmapPage *page = mamori_window_get_heatmap_page (MAMORI_WINDOW (widget));

  if (page != NULL)
    gtk_widget_activate_action (GTK_WIDGET (page), "heatmap.present", NULL);
}

/* Starts a new assessment of a checklist (the step-up tasks use it). */
static void
start_assessment_action (GtkWidget  *widget,
                         const char *action_name,
                         GVariant   *parameter)
{
  MamoriWindow *self = MAMORI_WINDOW (widget);

  if (self->workspace == NULL)
    return;
  adw_view_stack_set_visible_child_name (self->stack, "assessments");
  mamori_assessments_page_start (self->assessments_page, g_variant_get_string (parameter, NULL), NULL, "");
}

/* The sample company lives in its own file, never in the user's workspace. */
static char *
sample_path (void)
{
  return g_build_filename (g_get_user_data_dir (), "mamori", "sample" MAMORI_WORKSPACE_EXTENSION, NULL);
}

/* In the worker, on its own connection: filled once, opened as it is afterwards. */
static gpointer
fill_sample_thread (MamoriWorkspace  *unused,
                    gpointer          data,
                    GCancellable     *cancellable,
                    GError          **error)
{
  const char *path = data;
  g_autoptr(MamoriWorkspace) ws = mamori_workspace_open (path, MAMORI_WORKSPACE_OPEN_CREATE, error);
  gboolean empty = FALSE, ok;

  if (ws == NULL)
    return NULL;
  ok = mamori_workspace_is_empty (ws, &empty, error) &&
       (!empty || mamori_op_run (mamori_op_find (MAMORI_OP_DEMO, "demo"), ws, NULL, NULL, NULL, error));
  mamori_workspace_close (ws);
  return ok ? g_strdup (path) : NULL;
}

static void
sample_filled (gpointer      owner,
               gpointer      result,
               const GError *error,
               gpointer      data)
{
  MamoriWindow *self = owner;

  if (error != NULL)
    {
      mamori_window_show_error (self, _("Could Not Open the Sample Company"), error);
      return;
    }
  if (mamori_window_open_workspace (self, result, FALSE))
    mamori_widget_add_toast (GTK_WIDGET (self),
                             _("This is the sample company, in its own file. Your workspace is unchanged: open it again from the main menu."));
}

static void
open_sample_action (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *parameter)
{
  if (keeps_unsaved (MAMORI_WINDOW (widget)))
    return;
  mamori_worker_run_once (widget, NULL, TRUE, fill_sample_thread, sample_path (), g_free, g_free, sample_filled);
}

/* --- first-frame hook for bench/startup ---------------------------------------------------- */

static void
after_first_paint (GdkFrameClock *clock,
                   gpointer       user_data)
{
  MamoriWindow *self = user_data;

  g_signal_handler_disconnect (clock, self->after_paint_id);
  self->after_paint_id = 0;
  printf ("first-frame\n");
  fflush (stdout);
  g_application_quit (g_application_get_default ());
}

static void
window_realized (GtkWidget *widget)
{
  MamoriWindow *self = MAMORI_WINDOW (widget);
  GdkFrameClock *clock = gtk_widget_get_frame_clock (widget);

  if (clock != NULL)
    self->after_paint_id = g_signal_connect (clock, "after-paint", G_CALLBACK (after_first_paint), self);
}

/* ------------------------------------------------------------------------------------------ */

static void
recent_changed (GSettings  *settings,
                const char *key,
                gpointer    user_data)
{
  update_recent_menu (user_data);
}

static void
mamori_window_dispose (GObject *object)
{
  MamoriWindow *self = MAMORI_WINDOW (object);

  g_clear_handle_id (&self->label_idle, g_source_remove);
  g_clear_handle_id (&self->retry_timer, g_source_remove);
  if (self->retry_cancellable != NULL)
    g_cancellable_cancel (self->retry_cancellable);
  g_clear_object (&self->retry_cancellable);
  if (self->lookup_cancellable != NULL)
    g_cancellable_cancel (self->lookup_cancellable);
  g_clear_object (&self->lookup_cancellable);
  if (self->connect_dialog != NULL)
    {
      /* Closing now must not open another workspace in this window. */
      g_signal_handlers_disconnect_by_data (self->connect_dialog, self);
      gtk_window_destroy (GTK_WINDOW (g_steal_pointer (&self->connect_dialog)));
    }
  if (self->workspace != NULL)
    g_clear_signal_handler (&self->disconnected_id, self->workspace);
  g_clear_pointer (&self->exporter, mamori_worker_free);
  g_clear_pointer (&self->export_path, g_free);
  if (self->chooser != NULL)
    {
      gtk_native_dialog_destroy (self->chooser);
      g_clear_object (&self->chooser);
    }
  if (self->workspace != NULL)
    {
      mamori_workspace_close (self->workspace);
      g_clear_object (&self->workspace);
    }
  g_clear_object (&self->settings);
  gtk_widget_dispose_template (GTK_WIDGET (object), MAMORI_TYPE_WINDOW);
  G_OBJECT_CLASS (mamori_window_parent_class)->dispose (object);
}

static void
close_anyway (AdwMessageDialog *dialog,
              const char       *response,
              MamoriWindow     *self)
{
  if (!g_str_equal (response, "discard"))
    return;
  self->closing_anyway = TRUE;
  gtk_window_close (GTK_WINDOW (self));
}

/* Closing with ledger edits the server has not taken yet asks first: they would be lost. */
static gboolean
mamori_window_close_request (GtkWindow *window)
{
  MamoriWindow *self = MAMORI_WINDOW (window);
  guint n = self->ledger_page != NULL ? mamori_ledger_page_count_unsaved (self->ledger_page) : 0;

  if (n > 0 && !self->closing_anyway)
    {
      g_autofree char *body = g_strdup_printf (ngettext ("%u ledger edit is not saved yet: the server cannot be reached. "
                                                         "Closing now loses it.",
                                                         "%u ledger edits are not saved yet: the server cannot be reached. "
                                                         "Closing now loses them.", n), n);
      GtkWidget *dialog = adw_message_dialog_new (window, _("Close Without Saving?"), body);

      adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog), "cancel", _("_Keep Open"),
                                        "discard", _("Close _Anyway"), NULL);
      adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "discard", ADW_RESPONSE_DESTRUCTIVE);
      adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
      adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
      g_signal_connect_object (dialog, "response", G_CALLBACK (close_anyway), self, 0);
      gtk_window_present (GTK_WINDOW (dialog));
      return TRUE;
    }
  return GTK_WINDOW_CLASS (mamori_window_parent_class)->close_request (window);
}

static void
mamori_window_class_init (MamoriWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = mamori_window_dispose;
  GTK_WINDOW_CLASS (klass)->close_request = mamori_window_close_request;

  g_type_ensure (MAMORI_TYPE_OVERVIEW_PAGE);
  g_type_ensure (MAMORI_TYPE_ASSESSMENTS_PAGE);
  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/mamori/Mamori/ui/mamori-window.ui");
  gtk_widget_class_bind_template_child (widget_class, MamoriWindow, toast_overlay);
  gtk_widget_class_bind_template_child (widget_class, MamoriWindow, switcher_title);
  gtk_widget_class_bind_template_child (widget_class, MamoriWindow, workspace_label);
  gtk_widget_class_bind_template_child (widget_class, MamoriWindow, back_button);
  gtk_widget_class_bind_template_child (widget_class, MamoriWindow, read_only_bar);
  gtk_widget_class_bind_template_child (widget_class, MamoriWindow, role_bar);
  gtk_widget_class_bind_template_child (widget_class, MamoriWindow, role_label);
  gtk_widget_class_bind_template_child (widget_class, MamoriWindow, read_only_label);
  gtk_widget_class_bind_template_child (widget_class, MamoriWindow, server_bar);
  gtk_widget_class_bind_template_child (widget_class, MamoriWindow, server_label);
  gtk_widget_class_bind_template_child (widget_class, MamoriWindow, stack);
  gtk_widget_class_bind_template_child (widget_class, MamoriWindow, overview_page);
  gtk_widget_class_bind_template_child (widget_class, MamoriWindow, assessments_page);
  gtk_widget_class_bind_template_child (widget_class, MamoriWindow, assets_bin);
  gtk_widget_class_bind_template_child (widget_class, MamoriWindow, documents_bin);
  gtk_widget_class_bind_template_child (widget_class, MamoriWindow, registers_bin);
  gtk_widget_class_bind_template_child (widget_class, MamoriWindow, reports_bin);
  gtk_widget_class_bind_template_child (widget_class, MamoriWindow, recent_section);
  gtk_widget_class_bind_template_child (widget_class, MamoriWindow, export_section);

  gtk_widget_class_install_action (widget_class, "win.new-workspace", NULL, new_workspace_action);
  gtk_widget_class_install_action (widget_class, "win.open-workspace", NULL, open_workspace_action);
  gtk_widget_class_install_action (widget_class, "win.connect-server", NULL, connect_server_action);
  gtk_widget_class_install_action (widget_class, "win.server-lost", NULL, server_lost_action);
  gtk_widget_class_install_action (widget_class, "win.reconnect", NULL, reconnect_action);
  gtk_widget_class_install_action (widget_class, "win.save-copy", NULL, save_copy_action);
  gtk_widget_class_install_action (widget_class, "win.open-recent", "s", open_recent_action);
  gtk_widget_class_install_action (widget_class, "win.show-page", "s", show_page_action);
  gtk_widget_class_install_action (widget_class, "win.present", NULL, present_action);
  gtk_widget_class_install_action (widget_class, "win.open-file", "s", open_file_action);
  gtk_widget_class_install_action (widget_class, "win.start-assessment", "s", start_assessment_action);
  gtk_widget_class_install_action (widget_class, "win.open-sample", NULL, open_sample_action);
  gtk_widget_class_install_action (widget_class, "win.go-back", NULL, go_back_action);
  gtk_widget_class_install_action (widget_class, "win.export", "s", export_action);
  gtk_widget_class_install_action (widget_class, "win.show-assets", "(ibbuuss)", show_assets_action);
  gtk_widget_class_install_action (widget_class, "win.import-assets", NULL, import_assets_action);
  gtk_widget_class_install_action (widget_class, "win.show-record", "(ssx)", show_record_action);
}

static void
mamori_window_init (MamoriWindow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  self->settings = g_settings_new (APP_ID);
  g_settings_bind (self->settings, "window-width", self, "default-width", G_SETTINGS_BIND_DEFAULT);
  g_settings_bind (self->settings, "window-height", self, "default-height", G_SETTINGS_BIND_DEFAULT);
  g_settings_bind (self->settings, "window-maximized", self, "maximized", G_SETTINGS_BIND_DEFAULT);
  g_signal_connect_object (self->settings, "changed::recent-workspaces", G_CALLBACK (recent_changed), self, 0);

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.save-copy", FALSE);
  update_recent_menu (self);
  fill_export_menu (self);
  {
    GtkEventController *shortcuts = gtk_shortcut_controller_new ();
    gtk_event_controller_set_propagation_phase (shortcuts, GTK_PHASE_CAPTURE);
    gtk_shortcut_controller_add_shortcut (GTK_SHORTCUT_CONTROLLER (shortcuts),
                                          gtk_shortcut_new (gtk_keyval_trigger_new (GDK_KEY_n, GDK_CONTROL_MASK),
                                                            gtk_callback_action_new (new_record_shortcut, NULL, NULL)));
    gtk_widget_add_controller (GTK_WIDGET (self), shortcuts);
  }
  g_signal_connect_object (self->stack, "notify::visible-child-name", G_CALLBACK (visible_page_changed), self, 0);
  g_signal_connect_object (self->assessments_page, "notify::can-go-back", G_CALLBACK (update_back), self,
                           G_CONNECT_SWAPPED);
  update_back (self);
  g_signal_connect_object (self->switcher_title, "notify::title-visible", G_CALLBACK (queue_label_update), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (self, "notify::default-width", G_CALLBACK (queue_label_update), self, G_CONNECT_SWAPPED);

  if (g_getenv ("MAMORI_EXIT_AFTER_FIRST_FRAME") != NULL)
    g_signal_connect (self, "realize", G_CALLBACK (window_realized), NULL);
}

MamoriWindow *
mamori_window_new (MamoriApplication *app)
{
  return g_object_new (MAMORI_TYPE_WINDOW, "application", app, NULL);
}
