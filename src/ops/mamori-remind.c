/* mamori-remind.c — reminders of what is due as desktop notifications, and running
 * `mamori --remind` at login */
#include "config.h"

#include <errno.h>
#include <glib/gi18n.h>
#include <glib/gstdio.h>

#include "core/mamori-catalog.h"
#include "core/mamori-pending.h"
#include "core/mamori-reminders.h"
#include "mamori-ops.h"
#include "mamori-remind.h"
#include "store/mamori-assessments.h"
#include "store/mamori-workspace.h"

/* --- what to notify ------------------------------------------------------------------------ */

/* Reads the record file (a missing or unreadable one counts as empty: at worst an item is
 * notified once more), lets select() update the record of path, and writes the file back when
 * it changed. */
static GPtrArray *
select_and_record (GPtrArray  *items,
                   const char *path,
                   const char *today)
{
  g_autofree char *file_path = mamori_reminders_state_path ();
  g_autofree char *group = g_canonicalize_filename (path, NULL);
  g_autoptr(GKeyFile) file = g_key_file_new ();
  g_autoptr(GHashTable) record = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  g_autofree char *dir = NULL;
  GPtrArray *notify;
  gsize length = 0;

  if (!g_key_file_load_from_file (file, file_path, G_KEY_FILE_KEEP_COMMENTS, &error) &&
      !g_error_matches (error, G_FILE_ERROR, G_FILE_ERROR_NOENT))
    g_debug ("Reminders: %s is not readable, starting afresh: %s", file_path, error->message);
  g_clear_error (&error);
  before = g_key_file_to_data (file, NULL, NULL);
  record = mamori_reminders_record_load (file, group);
  notify = mamori_reminders_select (items, today, MAMORI_REMINDER_LEAD_DAYS, record);
  mamori_reminders_record_store (file, group, record);
  after = g_key_file_to_data (file, &length, NULL);
  if (g_strcmp0 (before, after) == 0)
    return notify;
  dir = g_path_get_dirname (file_path);
  if (g_mkdir_with_parents (dir, 0700) != 0 ||
      !mamori_write_file_atomically (file_path, after, length, 0600, &error))
    /* The notifications still go out; tomorrow's check may repeat today's. */
    g_warning ("Could not record the reminders sent in “%s”: %s", file_path,
               error ? error->message : g_strerror (errno));
  return notify;
}

GPtrArray *
mamori_remind_collect (const char  *path,
                       const char  *today,
                       GError     **error)
{
  g_autoptr(MamoriWorkspace) workspace = NULL;
  g_autoptr(MamoriCatalog) catalog = mamori_catalog_new ();
  g_autoptr(GPtrArray) warnings = NULL;
  g_autoptr(GPtrArray) items = NULL;
  g_autoptr(GPtrArray) notify = NULL;
  GPtrArray *result;

  g_return_val_if_fail (path != NULL && today != NULL, NULL);

  /* Reading only: reminders never write the workspace or its change log. */
  workspace = mamori_workspace_open (path, MAMORI_WORKSPACE_OPEN_EXISTING | MAMORI_WORKSPACE_OPEN_READ_ONLY, error);
  if (workspace == NULL)
    return NULL;
  if (!mamori_catalog_load_builtin (catalog, error) ||
      !mamori_workspace_load_catalog (workspace, catalog, &warnings, error))
    {
      mamori_workspace_close (workspace);
      return NULL;
    }
  items = mamori_op_calendar_items (workspace, catalog, today, MAMORI_REMINDER_LEAD_DAYS, error);
  mamori_workspace_close (workspace);
  if (items == NULL)
    return NULL;

  notify = select_and_record (items, path, today);
  result = g_ptr_array_new_with_free_func ((GDestroyNotify) mamori_due_item_free);
  for (guint i = 0; i < notify->len; i++)
    {
      guint index;
      if (g_ptr_array_find (items, notify->pdata[i], &index))
        g_ptr_array_add (result, g_ptr_array_steal_index (items, index));
    }
  return result;
}

/* --- the notifications ------------------------------------------------------------------- */

guint
mamori_remind_send (GApplication *app,
                    GPtrArray    *items,
                    const char   *today)
{
  g_return_val_if_fail (G_IS_APPLICATION (app), 0);

  if (items == NULL || items->len == 0)
    return 0;
  if (items->len > MAMORI_REMINDER_MAX_SEPARATE)
    {
      g_autoptr(GNotification) n = NULL;
      g_autoptr(GString) body = g_string_new (NULL);
      g_autofree char *title = g_strdup_printf (ngettext ("%u item is due", "%u items are due", items->len),
                                                items->len);
      guint overdue = 0;

      for (guint i = 0; i < items->len; i++)
        overdue += ((MamoriDueItem *) items->pdata[i])->overdue;
      if (overdue > 0)
        g_string_append_printf (body, ngettext ("%u of them is overdue.", "%u of them are overdue.", overdue), overdue);
      if (body->len > 0)
        g_string_append_c (body, ' ');
      g_string_append (body, _("Open Mamori to see them on the overview."));
      n = g_notification_new (title);
      g_notification_set_body (n, body->str);
      g_notification_set_default_action (n, "app.show-due");
      g_application_send_notification (app, "due-summary", n);
      return 1;
    }
  for (guint i = 0; i < items->len; i++)
    {
      const MamoriDueItem *item = items->pdata[i];
      g_autoptr(GNotification) n = g_notification_new (item->title);
      g_autofree char *body = mamori_reminders_body (item, today);
      g_autofree char *id = g_strconcat ("due-", item->key, NULL);

      g_notification_set_body (n, body);
      g_notification_set_default_action (n, "app.show-due");
      if (item->overdue)
        g_notification_set_priority (n, G_NOTIFICATION_PRIORITY_HIGH);
      g_application_send_notification (app, id, n);
    }
  return items->len;
}

typedef struct {
  char *path;
  char *today;
} CheckData;

static void
check_data_free (CheckData *data)
{
  g_free (data->path);
  g_free (data->today);
  g_free (data);
}

static void
check_thread (GTask        *task,
              gpointer      source,
              gpointer      task_data,
              GCancellable *cancellable)
{
  CheckData *data = task_data;
  GError *error = NULL;
  GPtrArray *items = mamori_remind_collect (data->path, data->today, &error);

  if (items == NULL)
    g_task_return_error (task, error);
  else
    g_task_return_pointer (task, items, (GDestroyNotify) g_ptr_array_unref);
}

static void
check_done (GObject      *source,
            GAsyncResult *result,
            gpointer      user_data)
{
  GApplication *app = G_APPLICATION (source);
  CheckData *data = g_task_get_task_data (G_TASK (result));
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) items = g_task_propagate_pointer (G_TASK (result), &error);

  if (items == NULL)
    {
      g_debug ("Reminders for “%s”: %s", data->path, error->message);
      return;
    }
  if (g_application_get_is_registered (app) && !g_application_get_is_remote (app))
    mamori_remind_send (app, items, data->today);
}

void
mamori_remind_check_async (GApplication *app,
                           const char   *path)
{
  g_autoptr(GTask) task = g_task_new (app, NULL, check_done, NULL);
  CheckData *data = g_new0 (CheckData, 1);

  data->path = g_strdup (path);
  data->today = mamori_today ();
  g_task_set_task_data (task, data, (GDestroyNotify) check_data_free);
  g_task_set_source_tag (task, mamori_remind_check_async);
  g_task_run_in_thread (task, check_thread);
}

char *
mamori_remind_workspace_path (GSettings *settings)
{
  if (settings != NULL && g_settings_get_boolean (settings, "reopen-last"))
    {
      g_autofree char *last = g_settings_get_string (settings, "last-workspace");
      if (last[0] != '\0' && g_file_test (last, G_FILE_TEST_EXISTS))
        return g_steal_pointer (&last);
    }
  return mamori_workspace_default_path ();
}

/* --- at login -------------------------------------------------------------------------------- */

char *
mamori_remind_autostart_path (void)
{
  return g_build_filename (g_get_user_config_dir (), "autostart", APP_ID ".Reminders.desktop", NULL);
}

static void
portal_done (GObject      *source,
             GAsyncResult *result,
             gpointer      user_data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GVariant) reply = g_dbus_connection_call_finish (G_DBUS_CONNECTION (source), result, &error);

  if (reply == NULL)
    g_message ("The Background portal did not take the request: %s", error->message);
}

/* Inside Flatpak the sandbox cannot write the host's autostart folder: the Background portal
 * writes the entry for us (autostart=true runs the command line at login; false removes it).
 * The portal may ask the user; its answer comes as a Request::Response signal, which is not
 * awaited: the switch shows what was asked. Untested outside a Flatpak session. */
static gboolean
request_background (gboolean   enabled,
                    GError   **error)
{
  g_autoptr(GDBusConnection) bus = g_bus_get_sync (G_BUS_TYPE_SESSION, NULL, error);
  GVariantBuilder options;
  const char *commandline[] = { "mamori", "--remind", NULL };

  if (bus == NULL)
    return FALSE;
  g_variant_builder_init (&options, G_VARIANT_TYPE_VARDICT);
  g_variant_builder_add (&options, "{sv}", "reason",
                         g_variant_new_string (_("Remind you of what is due, once a day")));
  g_variant_builder_add (&options, "{sv}", "autostart", g_variant_new_boolean (enabled));
  g_variant_builder_add (&options, "{sv}", "commandline", g_variant_new_strv (commandline, -1));
  g_variant_builder_add (&options, "{sv}", "dbus-activatable", g_variant_new_boolean (FALSE));
  g_dbus_connection_call (bus, "org.freedesktop.portal.Desktop", "/org/freedesktop/portal/desktop",
                          "org.freedesktop.portal.Background", "RequestBackground",
                          g_variant_new ("(sa{sv})", "", &options), G_VARIANT_TYPE ("(o)"),
                          G_DBUS_CALL_FLAGS_NONE, -1, NULL, portal_done, NULL);
  return TRUE;
}

gboolean
mamori_remind_set_background (gboolean   enabled,
                              GError   **error)
{
  g_autofree char *path = mamori_remind_autostart_path ();

  if (g_file_test ("/.flatpak-info", G_FILE_TEST_EXISTS))
    return request_background (enabled, error);

  if (enabled)
    {
      g_autoptr(GKeyFile) entry = g_key_file_new ();
      g_autofree char *dir = g_path_get_dirname (path);
      g_autofree char *data = NULL;
      gsize length = 0;
      const char *group = G_KEY_FILE_DESKTOP_GROUP;

      g_key_file_set_string (entry, group, G_KEY_FILE_DESKTOP_KEY_TYPE, G_KEY_FILE_DESKTOP_TYPE_APPLICATION);
      g_key_file_set_string (entry, group, G_KEY_FILE_DESKTOP_KEY_NAME, _("Mamori Reminders"));
      g_key_file_set_string (entry, group, G_KEY_FILE_DESKTOP_KEY_COMMENT,
                             _("Notifies you of what is due in your Mamori workspace, once a day"));
      g_key_file_set_string (entry, group, G_KEY_FILE_DESKTOP_KEY_EXEC, "mamori --remind");
      g_key_file_set_string (entry, group, G_KEY_FILE_DESKTOP_KEY_ICON, APP_ID);
      g_key_file_set_boolean (entry, group, G_KEY_FILE_DESKTOP_KEY_TERMINAL, FALSE);
      g_key_file_set_boolean (entry, group, G_KEY_FILE_DESKTOP_KEY_NO_DISPLAY, TRUE);
      g_key_file_set_boolean (entry, group, "X-GNOME-Autostart-enabled", TRUE);
      data = g_key_file_to_data (entry, &length, NULL);
      if (g_mkdir_with_parents (dir, 0700) != 0)
        {
          int saved = errno;
          g_autofree char *name = g_filename_display_name (dir);
          g_set_error (error, G_FILE_ERROR, g_file_error_from_errno (saved),
                       _("Could not create the folder “%s”: %s."), name, g_strerror (saved));
          return FALSE;
        }
      return mamori_write_file_atomically (path, data, length, 0644, error);
    }
  if (g_unlink (path) != 0 && errno != ENOENT)
    {
      int saved = errno;
      g_autofree char *name = g_filename_display_name (path);
      g_set_error (error, G_FILE_ERROR, g_file_error_from_errno (saved),
                   _("Could not remove “%s”: %s."), name, g_strerror (saved));
      return FALSE;
    }
  return TRUE;
}
