/* mamori-application.c — application-wide actions, settings and the first window */
#include "config.h"

#include <glib/gi18n.h>

#include "mamori-application.h"
#include "mamori-connect-dialog.h"
#include "mamori-preferences-window.h"
#include "mamori-window.h"
#include "ops/mamori-remind.h"
#include "store/mamori-workspace.h"

#define MAX_RECENT 8

struct _MamoriApplication {
  AdwApplication parent_instance;
  GSettings *settings;
  guint remind_timer;   /* while "remind-in-background" is on: every six hours */
};

G_DEFINE_FINAL_TYPE (MamoriApplication, mamori_application, ADW_TYPE_APPLICATION)

MamoriApplication *
mamori_application_new (void)
{
  return g_object_new (MAMORI_TYPE_APPLICATION,
                       "application-id", APP_ID,
                       "flags", G_APPLICATION_HANDLES_OPEN,
                       "resource-base-path", "/io/github/mamori/Mamori",
                       NULL);
}

GSettings *
mamori_application_get_settings (MamoriApplication *self)
{
  g_return_val_if_fail (MAMORI_IS_APPLICATION (self), NULL);
  return self->settings;
}

void
mamori_application_note_recent (MamoriApplication *self,
                                const char        *path)
{
  g_auto(GStrv) old = g_settings_get_strv (self->settings, "recent-workspaces");
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
  g_auto(GStrv) recent = NULL;
  g_autofree char *password = NULL;
  guint n = 1;

  /* A server workspace's path never holds its password (mamori_workspace_get_path). */
  g_return_if_fail (!mamori_server_uri_parse (path, NULL, NULL, NULL, NULL, &password) || *password == '\0');
  g_strv_builder_add (builder, path);
  for (guint i = 0; old[i] != NULL && n < MAX_RECENT; i++)
    if (g_strcmp0 (old[i], path) != 0)
      {
        g_strv_builder_add (builder, old[i]);
        n++;
      }
  recent = g_strv_builder_end (builder);
  g_settings_set_strv (self->settings, "recent-workspaces", (const char * const *) recent);
  g_settings_set_string (self->settings, "last-workspace", path);
}

static MamoriWindow *
get_window (MamoriApplication *self)
{
  GtkWindow *window = gtk_application_get_active_window (GTK_APPLICATION (self));

  if (window == NULL)
    window = GTK_WINDOW (mamori_window_new (self));
  return MAMORI_WINDOW (window);
}

/* --- reminders of what is due (ops/mamori-remind.c) ------------------------------------------ */

#define REMIND_INTERVAL (6 * 60 * 60)

/* Checks path, or with none the active window's workspace, in a worker; notifies what is due
 * and was not notified today. */
static void
remind_now (MamoriApplication *self,
            const char        *path)
{
  GtkWindow *window = gtk_application_get_active_window (GTK_APPLICATION (self));
  MamoriWorkspace *workspace;

  if ((path == NULL || *path == '\0') && MAMORI_IS_WINDOW (window) &&
      (workspace = mamori_window_get_workspace (MAMORI_WINDOW (window))) != NULL)
    path = mamori_workspace_get_path (workspace);
  if (path == NULL || *path == '\0' || g_application_get_dbus_connection (G_APPLICATION (self)) == NULL)
    return;
  mamori_remind_check_async (G_APPLICATION (self), path);
}

static gboolean
remind_tick (gpointer user_data)
{
  remind_now (user_data, NULL);
  return G_SOURCE_CONTINUE;
}

/* With the preference on: a check now (at start, or when switched on) and every six hours. */
static void
update_reminders (MamoriApplication *self)
{
  if (!g_settings_get_boolean (self->settings, "remind-in-background"))
    g_clear_handle_id (&self->remind_timer, g_source_remove);
  else if (self->remind_timer == 0)
    {
      remind_now (self, NULL);
      self->remind_timer = g_timeout_add_seconds (REMIND_INTERVAL, remind_tick, self);
    }
}

static void
remind_setting_changed (GSettings  *settings,
                        const char *key,
                        gpointer    user_data)
{
  update_reminders (user_data);
}

/* app.remind("PATH" or ""): `mamori --remind` run while the window is open forwards here. */
static void
remind_action (GSimpleAction *action,
               GVariant      *parameter,
               gpointer       user_data)
{
  remind_now (user_data, g_variant_get_string (parameter, NULL));
}

/* app.show-due: a reminder clicked opens the Overview, where "What is due" is. */
static void
show_due_action (GSimpleAction *action,
                 GVariant      *parameter,
                 gpointer       user_data)
{
  GtkWindow *window;

  g_application_activate (G_APPLICATION (user_data));
  window = gtk_application_get_active_window (GTK_APPLICATION (user_data));
  if (window != NULL)
    gtk_widget_activate_action (GTK_WIDGET (window), "win.show-page", "s", "overview");
}

static void
mamori_application_activate (GApplication *app)
{
  MamoriApplication *self = MAMORI_APPLICATION (app);
  GtkWindow *existing = gtk_application_get_active_window (GTK_APPLICATION (app));
  MamoriWindow *window;

  if (existing != NULL)
    {
      gtk_window_present (existing);
      return;
    }

  window = get_window (self);
  {
    g_autofree char *last = g_settings_get_string (self->settings, "last-workspace");
    /* A server workspace comes back through the keyring and the Connect dialog. */
    if (g_settings_get_boolean (self->settings, "reopen-last") && last[0] != '\0' &&
        (mamori_workspace_is_server_uri (last) || g_file_test (last, G_FILE_TEST_EXISTS)))
      mamori_window_open_workspace (window, last, FALSE);
    else
      mamori_window_open_default_workspace (window);
  }
  gtk_window_present (GTK_WINDOW (window));
  mamori_window_show_debug_target (window, g_getenv ("MAMORI_SHOW"));
  update_reminders (self);
}

static void
mamori_application_open (GApplication  *app,
                         GFile        **files,
                         int            n_files,
                         const char    *hint)
{
  MamoriWindow *window = get_window (MAMORI_APPLICATION (app));
  g_autofree char *path = NULL;

  /* One workspace per window: the last file named wins. A server workspace comes as its
   * postgresql:// URI, which has no local path. */
  if (n_files > 0)
    {
      GFile *file = files[n_files - 1];
      path = g_file_has_uri_scheme (file, "postgresql") || g_file_has_uri_scheme (file, "postgres")
               ? g_file_get_uri (file) : g_file_get_path (file);
    }
  if (path != NULL)
    mamori_window_open_workspace (window, path, TRUE);
  else
    mamori_window_open_default_workspace (window);
  gtk_window_present (GTK_WINDOW (window));
  mamori_window_show_debug_target (window, g_getenv ("MAMORI_SHOW"));
  update_reminders (MAMORI_APPLICATION (app));
}

static void
preferences_action (GSimpleAction *action,
                    GVariant      *parameter,
                    gpointer       user_data)
{
  MamoriApplication *self = user_data;
  GtkWindow *parent = gtk_application_get_active_window (GTK_APPLICATION (self));
  MamoriPreferencesWindow *prefs = mamori_preferences_window_new (self, parent,
                                                                  MAMORI_IS_WINDOW (parent) ? mamori_window_get_workspace (MAMORI_WINDOW (parent)) : NULL);

  gtk_window_present (GTK_WINDOW (prefs));
}

static void
about_action (GSimpleAction *action,
              GVariant      *parameter,
              gpointer       user_data)
{
  MamoriApplication *self = user_data;
  GtkWindow *parent = gtk_application_get_active_window (GTK_APPLICATION (self));
  const char *developers[] = { "Mamori developers", NULL };
  GtkWidget *about;

  about = g_object_new (ADW_TYPE_ABOUT_WINDOW,
                        "transient-for", parent,
                        "modal", TRUE,
                        "application-icon", APP_ID,
                        "application-name", _("Mamori"),
                        "developer-name", _("The Mamori developers"),
                        "version", PACKAGE_VERSION,
                        "comments", _("Information-security management for small and mid-sized companies, offline on one computer: self-assessments, an asset ledger with risk values, policies and reports, following the Japanese public guidelines."),
                        "website", "https://github.com/mamori/mamori",
                        "issue-url", "https://github.com/mamori/mamori/issues",
                        "license-type", GTK_LICENSE_GPL_3_0,
                        "developers", developers,
                        /* TRANSLATORS: your name(s), one per line */
                        "translator-credits", _("translator-credits"),
                        NULL);
  adw_about_window_add_legal_section (ADW_ABOUT_WINDOW (about),
                                      _("Source guidelines"),
                                      NULL, GTK_LICENSE_CUSTOM,
                                      _("Checklists and methods follow the public guidelines of IPA and METI. Their wording in Mamori is our own; each item cites the source it comes from."));
  gtk_window_present (GTK_WINDOW (about));
}

static void
quit_action (GSimpleAction *action,
             GVariant      *parameter,
             gpointer       user_data)
{
  MamoriApplication *self = user_data;
  GList *windows = g_list_copy (gtk_application_get_windows (GTK_APPLICATION (self)));

  /* Closing the windows lets each save its state; then the app ends by itself. */
  for (GList *l = windows; l != NULL; l = l->next)
    gtk_window_close (GTK_WINDOW (l->data));
  g_list_free (windows);
}

static const GActionEntry app_actions[] = {
  { .name = "preferences", .activate = preferences_action },
  { .name = "about", .activate = about_action },
  { .name = "quit", .activate = quit_action },
  { .name = "remind", .activate = remind_action, .parameter_type = "s" },
  { .name = "show-due", .activate = show_due_action },
};

static void
mamori_application_startup (GApplication *app)
{
  MamoriApplication *self = MAMORI_APPLICATION (app);
  static const struct {
    const char *action;
    const char *accels[3];
  } accels[] = {
    { "app.preferences", { "<Control>comma", NULL } },
    { "app.about", { "F1", NULL } },
    { "app.quit", { "<Control>q", NULL } },
    { "win.new-workspace", { "<Control>n", NULL } },
    { "win.open-workspace", { "<Control>o", NULL } },
    { "win.connect-server", { "<Control><Shift>o", NULL } },
    { "win.save-copy", { "<Control><Shift>s", NULL } },
    { "win.show-help-overlay", { "<Control>question", NULL } },
    { "window.close", { "<Control>w", NULL } },
    { "win.present", { "F5", NULL } },
    { "win.go-back", { "<Alt>Left", NULL } },
    { "win.show-page::overview", { "<Alt>1", NULL } },
    { "win.show-page::assessments", { "<Alt>2", NULL } },
    { "win.show-page::assets", { "<Alt>3", NULL } },
    { "win.show-page::registers", { "<Alt>4", NULL } },
    { "win.show-page::documents", { "<Alt>5", NULL } },
    { "win.show-page::reports", { "<Alt>6", NULL } },
  };

  G_APPLICATION_CLASS (mamori_application_parent_class)->startup (app);

  g_action_map_add_action_entries (G_ACTION_MAP (self), app_actions, G_N_ELEMENTS (app_actions), self);
  for (guint i = 0; i < G_N_ELEMENTS (accels); i++)
    gtk_application_set_accels_for_action (GTK_APPLICATION (self), accels[i].action, accels[i].accels);
  /* Dates in documents and reports follow the preference from the start. */
  mamori_preferences_apply_date_style (self->settings);
  g_signal_connect_object (self->settings, "changed::remind-in-background", G_CALLBACK (remind_setting_changed), self, 0);
}

static void
mamori_application_dispose (GObject *object)
{
  MamoriApplication *self = MAMORI_APPLICATION (object);

  g_clear_handle_id (&self->remind_timer, g_source_remove);
  g_clear_object (&self->settings);
  G_OBJECT_CLASS (mamori_application_parent_class)->dispose (object);
}

static void
mamori_application_class_init (MamoriApplicationClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GApplicationClass *app_class = G_APPLICATION_CLASS (klass);

  object_class->dispose = mamori_application_dispose;
  app_class->activate = mamori_application_activate;
  app_class->open = mamori_application_open;
  app_class->startup = mamori_application_startup;
}

static void
mamori_application_init (MamoriApplication *self)
{
  self->settings = g_settings_new (APP_ID);
}
