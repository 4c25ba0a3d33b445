/* mamori-cli-remind.c — `mamori [--workspace PATH] --remind`: one desktop notification per item
 * due (or overdue) and not yet notified today, then exit. Run at login by the autostart entry
 * (or the Background portal) that Preferences writes.
 *
 * It registers a plain GApplication under the app's id, so no display is needed. When the
 * window already runs (the primary instance), it asks that instance through the `app.remind`
 * action instead: the window sends the notifications for the same workspace under the same
 * once-a-day record, and this process exits at once. */
#include "config.h"

#include <glib/gi18n.h>
#include <stdio.h>

#include "core/mamori-calendar.h"
#include "core/mamori-date.h"
#include "mamori-cli.h"
#include "mamori-cli-remind.h"
#include "ops/mamori-ops.h"
#include "ops/mamori-remind.h"

static GSettings *
settings_if_installed (void)
{
  GSettingsSchemaSource *source = g_settings_schema_source_get_default ();
  g_autoptr(GSettingsSchema) schema = source ? g_settings_schema_source_lookup (source, APP_ID, TRUE) : NULL;

  return schema ? g_settings_new (APP_ID) : NULL;
}

int
mamori_cli_remind (const char *workspace_path)
{
  g_autoptr(GApplication) app = g_application_new (APP_ID, G_APPLICATION_DEFAULT_FLAGS);
  g_autoptr(GSettings) settings = settings_if_installed ();
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) items = NULL;
  g_autofree char *path = NULL;
  g_autofree char *today = mamori_today ();
  GDBusConnection *bus;

  if (!g_application_register (app, NULL, &error))
    {
      fprintf (stderr, "mamori: %s\n", error->message);
      return MAMORI_EXIT_FAILURE;
    }
  bus = g_application_get_dbus_connection (app);
  if (bus == NULL)
    {
      fprintf (stderr, "mamori: %s\n", _("No session bus: desktop notifications cannot be sent."));
      return MAMORI_EXIT_FAILURE;
    }
  if (g_application_get_is_remote (app))
    {
      g_autofree char *absolute = workspace_path ? g_canonicalize_filename (workspace_path, NULL) : NULL;
      g_action_group_activate_action (G_ACTION_GROUP (app), "remind", g_variant_new_string (absolute ? absolute : ""));
      g_dbus_connection_flush_sync (bus, NULL, NULL);
      return MAMORI_EXIT_OK;
    }

  if (settings != NULL && g_settings_get_boolean (settings, "era-dates"))
    mamori_date_set_default_style (MAMORI_DATE_ERA);
  path = workspace_path ? g_strdup (workspace_path) : mamori_remind_workspace_path (settings);
  items = mamori_remind_collect (path, today, &error);
  if (items == NULL)
    {
      /* A missing or damaged workspace: said once on stderr (the session log), never as a
       * notification. */
      fprintf (stderr, "mamori: %s\n", error->message);
      return mamori_op_error_is_bad_input (error) ? MAMORI_EXIT_BAD_INPUT : MAMORI_EXIT_FAILURE;
    }
  mamori_remind_send (app, items, today);
  /* The notifications are D-Bus messages: out before the process ends. */
  g_dbus_connection_flush_sync (bus, NULL, NULL);
  return MAMORI_EXIT_OK;
}
