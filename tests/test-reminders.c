/* test-reminders.c — reminders of what is due: the choice with a mocked clock over several
 * days, the record in its key file, the autostart entry, and `mamori --remind` against a fake
 * notification server on a private D-Bus session */
#include "config.h"

#include <gio/gio.h>
#include <glib/gstdio.h>
#include <locale.h>
#include <string.h>

#include "core/mamori-catalog.h"
#include "core/mamori-reminders.h"
#include "ops/mamori-ops.h"
#include "ops/mamori-remind.h"
#include "store/mamori-assessments.h"
#include "store/mamori-workspace.h"

static const char *mamori_bin;

static GPtrArray *
items_new (void)
{
  GPtrArray *items = g_ptr_array_new_with_free_func ((GDestroyNotify) mamori_due_item_free);

  g_ptr_array_add (items, mamori_due_item_new ("2026-03-01", "review", "late review"));
  g_ptr_array_add (items, mamori_due_item_new ("2026-03-10", "measure", "due today"));
  g_ptr_array_add (items, mamori_due_item_new ("2026-03-17", "measure", "lead edge"));
  g_ptr_array_add (items, mamori_due_item_new ("2026-03-18", "measure", "beyond lead"));
  return items;
}

static gboolean
has_title (GPtrArray  *items,
           const char *title)
{
  for (guint i = 0; i < items->len; i++)
    if (g_strcmp0 (((MamoriDueItem *) items->pdata[i])->title, title) == 0)
      return TRUE;
  return FALSE;
}

/* Overdue and due within the lead (its last day included) are chosen; later ones are not. */
static void
test_window (void)
{
  g_autoptr(GPtrArray) items = items_new ();
  g_autoptr(GHashTable) record = mamori_reminders_record_new ();
  g_autoptr(GPtrArray) notify = mamori_reminders_select (items, "2026-03-10", 7, record);

  g_assert_cmpuint (notify->len, ==, 3);
  g_assert_true (has_title (notify, "late review"));
  g_assert_true (has_title (notify, "due today"));
  g_assert_true (has_title (notify, "lead edge"));
  g_assert_false (has_title (notify, "beyond lead"));
  g_assert_cmpuint (g_hash_table_size (record), ==, 3);
  g_assert_cmpstr (g_hash_table_lookup (record, "review:late review"), ==, "2026-03-10");

  /* A lead of 0: only what is due today and overdue. */
  {
    g_autoptr(GHashTable) r0 = mamori_reminders_record_new ();
    g_autoptr(GPtrArray) n0 = mamori_reminders_select (items, "2026-03-10", 0, r0);
    g_assert_cmpuint (n0->len, ==, 2);
    g_assert_false (has_title (n0, "lead edge"));
  }
  g_assert_cmpint (mamori_reminders_days_until ("2026-03-10", "2026-03-17"), ==, 7);
  g_assert_cmpint (mamori_reminders_days_until ("2026-03-10", "2026-03-01"), ==, -9);
  g_assert_cmpint (mamori_reminders_days_until ("2026-03-10", "bad"), ==, G_MININT);
}

/* The mocked clock moves over several days: once a day per item, again the next day, and the
 * record forgets what is no longer due. */
static void
test_days (void)
{
  g_autoptr(GPtrArray) items = items_new ();
  g_autoptr(GHashTable) record = mamori_reminders_record_new ();
  g_autoptr(GPtrArray) first = mamori_reminders_select (items, "2026-03-10", 7, record);
  g_autoptr(GPtrArray) again = mamori_reminders_select (items, "2026-03-10", 7, record);
  g_autoptr(GPtrArray) next = NULL;
  g_autoptr(GPtrArray) later = NULL;
  g_autoptr(GPtrArray) none = NULL;

  g_assert_cmpuint (first->len, ==, 3);
  g_assert_cmpuint (again->len, ==, 0);           /* the same day twice: nothing the second time */
  g_assert_cmpuint (g_hash_table_size (record), ==, 3);

  /* The next day: the three again, and "beyond lead" has come within the lead. */
  next = mamori_reminders_select (items, "2026-03-11", 7, record);
  g_assert_cmpuint (next->len, ==, 4);
  g_assert_true (has_title (next, "beyond lead"));
  g_assert_true (((MamoriDueItem *) next->pdata[0])->title != NULL);

  /* The review is done (gone from the list): its key leaves the record. */
  g_ptr_array_remove_index (items, 0);
  later = mamori_reminders_select (items, "2026-03-11", 7, record);
  g_assert_cmpuint (later->len, ==, 0);
  g_assert_false (g_hash_table_contains (record, "review:late review"));
  g_assert_cmpuint (g_hash_table_size (record), ==, 3);

  /* Nothing due at all: an empty record. */
  g_ptr_array_set_size (items, 0);
  none = mamori_reminders_select (items, "2026-03-12", 7, record);
  g_assert_cmpuint (none->len, ==, 0);
  g_assert_cmpuint (g_hash_table_size (record), ==, 0);
}

/* An item moved beyond the lead is forgotten; moved back, it is notified even on the same day
 * only if it was not notified that day. */
static void
test_moved (void)
{
  g_autoptr(GPtrArray) items = g_ptr_array_new_with_free_func ((GDestroyNotify) mamori_due_item_free);
  g_autoptr(GHashTable) record = mamori_reminders_record_new ();
  MamoriDueItem *item = mamori_due_item_new ("2026-03-12", "incident", "follow up");
  g_autoptr(GPtrArray) a = NULL, b = NULL;

  mamori_due_item_set (item, "incident:12", "registers:incidents:12");
  g_ptr_array_add (items, item);
  a = mamori_reminders_select (items, "2026-03-10", 7, record);
  g_assert_cmpuint (a->len, ==, 1);
  g_assert_true (g_hash_table_contains (record, "incident:12"));   /* any kind, by its key */
  g_free (item->date);
  item->date = g_strdup ("2026-05-01");
  b = mamori_reminders_select (items, "2026-03-10", 7, record);
  g_assert_cmpuint (b->len, ==, 0);
  g_assert_false (g_hash_table_contains (record, "incident:12"));
}

/* The record round-trips through a key file, whatever characters the keys and the path hold. */
static void
test_record_file (void)
{
  g_autoptr(GKeyFile) file = g_key_file_new ();
  g_autoptr(GHashTable) record = mamori_reminders_record_new ();
  g_autoptr(GHashTable) back = NULL;
  g_autoptr(GHashTable) other = NULL;
  g_autoptr(GKeyFile) reread = g_key_file_new ();
  g_autofree char *data = NULL;
  const char *path = "/home/u/[odd] = dir/w.mamori";
  const char *key = "measure:a=b [x] #1\n端末を暗号化する";

  g_hash_table_insert (record, g_strdup (key), g_strdup ("2026-03-10"));
  g_hash_table_insert (record, g_strdup ("review:plain"), g_strdup ("2026-03-09"));
  mamori_reminders_record_store (file, path, record);
  data = g_key_file_to_data (file, NULL, NULL);
  g_assert_true (g_key_file_load_from_data (reread, data, -1, G_KEY_FILE_NONE, NULL));
  back = mamori_reminders_record_load (reread, path);
  g_assert_cmpuint (g_hash_table_size (back), ==, 2);
  g_assert_cmpstr (g_hash_table_lookup (back, key), ==, "2026-03-10");
  other = mamori_reminders_record_load (reread, "/elsewhere.mamori");
  g_assert_cmpuint (g_hash_table_size (other), ==, 0);

  /* An empty record removes the workspace's group. */
  g_hash_table_remove_all (record);
  mamori_reminders_record_store (reread, path, record);
  {
    g_auto(GStrv) groups = g_key_file_get_groups (reread, NULL);
    g_assert_cmpuint (g_strv_length (groups), ==, 0);
  }
}

static void
test_body (void)
{
  MamoriDueItem *item = mamori_due_item_new ("2026-03-01", "review", "r");
  g_autofree char *overdue = mamori_reminders_body (item, "2026-03-10");
  g_autofree char *soon = NULL;
  g_autofree char *today = NULL;

  g_assert_nonnull (strstr (overdue, "overdue"));
  g_assert_nonnull (strstr (overdue, "2026"));
  g_free (item->date);
  item->date = g_strdup ("2026-03-13");
  soon = mamori_reminders_body (item, "2026-03-10");
  g_assert_nonnull (strstr (soon, "due in 3 days"));
  today = mamori_reminders_body (item, "2026-03-13");
  g_assert_nonnull (strstr (today, "due today"));
  mamori_due_item_free (item);
}

/* The Preferences switch: the autostart entry written, then removed. */
static void
test_autostart (void)
{
  g_autofree char *path = mamori_remind_autostart_path ();
  g_autoptr(GKeyFile) entry = g_key_file_new ();
  g_autoptr(GError) error = NULL;
  g_autofree char *exec = NULL;

  if (g_file_test ("/.flatpak-info", G_FILE_TEST_EXISTS))
    {
      g_test_skip ("inside Flatpak the Background portal takes the request");
      return;
    }
  g_assert_true (g_str_has_prefix (path, g_get_user_config_dir ()));
  g_assert_true (g_str_has_suffix (path, "/autostart/io.github.mamori.Mamori.Reminders.desktop"));
  g_assert_true (mamori_remind_set_background (TRUE, &error));
  g_assert_no_error (error);
  g_assert_true (g_key_file_load_from_file (entry, path, G_KEY_FILE_NONE, &error));
  exec = g_key_file_get_string (entry, G_KEY_FILE_DESKTOP_GROUP, G_KEY_FILE_DESKTOP_KEY_EXEC, &error);
  g_assert_cmpstr (exec, ==, "mamori --remind");
  g_assert_true (g_key_file_get_boolean (entry, G_KEY_FILE_DESKTOP_GROUP, "X-GNOME-Autostart-enabled", NULL));
  g_assert_true (g_key_file_get_boolean (entry, G_KEY_FILE_DESKTOP_GROUP, G_KEY_FILE_DESKTOP_KEY_NO_DISPLAY, NULL));
  g_assert_true (mamori_remind_set_background (FALSE, &error));
  g_assert_false (g_file_test (path, G_FILE_TEST_EXISTS));
  g_assert_true (mamori_remind_set_background (FALSE, &error));   /* already off: fine */
}

/* --- the real `mamori --remind` against a fake notification server -------------------------- */

typedef struct {
  GPtrArray *titles;  /* summaries received, in order */
  GPtrArray *bodies;
  guint next_id;
} FakeServer;

static const char notifications_xml[] =
  "<node><interface name='org.freedesktop.Notifications'>"
  "<method name='Notify'><arg type='s' direction='in'/><arg type='u' direction='in'/>"
  "<arg type='s' direction='in'/><arg type='s' direction='in'/><arg type='s' direction='in'/>"
  "<arg type='as' direction='in'/><arg type='a{sv}' direction='in'/><arg type='i' direction='in'/>"
  "<arg type='u' direction='out'/></method>"
  "<method name='CloseNotification'><arg type='u' direction='in'/></method>"
  "<method name='GetCapabilities'><arg type='as' direction='out'/></method>"
  "<method name='GetServerInformation'><arg type='s' direction='out'/><arg type='s' direction='out'/>"
  "<arg type='s' direction='out'/><arg type='s' direction='out'/></method>"
  "</interface></node>";

static void
fake_method_call (GDBusConnection       *connection,
                  const char            *sender,
                  const char            *object_path,
                  const char            *interface_name,
                  const char            *method_name,
                  GVariant              *parameters,
                  GDBusMethodInvocation *invocation,
                  gpointer               user_data)
{
  FakeServer *server = user_data;

  if (g_str_equal (method_name, "Notify"))
    {
      const char *summary, *body;
      g_variant_get_child (parameters, 3, "&s", &summary);
      g_variant_get_child (parameters, 4, "&s", &body);
      g_ptr_array_add (server->titles, g_strdup (summary));
      g_ptr_array_add (server->bodies, g_strdup (body));
      g_dbus_method_invocation_return_value (invocation, g_variant_new ("(u)", ++server->next_id));
    }
  else if (g_str_equal (method_name, "GetCapabilities"))
    {
      const char *caps[] = { "body", "actions", NULL };
      g_dbus_method_invocation_return_value (invocation, g_variant_new ("(^as)", caps));
    }
  else if (g_str_equal (method_name, "GetServerInformation"))
    g_dbus_method_invocation_return_value (invocation, g_variant_new ("(ssss)", "fake", "mamori", "1", "1.2"));
  else
    g_dbus_method_invocation_return_value (invocation, NULL);
}

static void
name_acquired (GDBusConnection *connection,
               const char      *name,
               gpointer         user_data)
{
  *(gboolean *) user_data = TRUE;
}

static void
wait_done (GObject      *source,
           GAsyncResult *result,
           gpointer      user_data)
{
  g_assert_true (g_subprocess_wait_finish (G_SUBPROCESS (source), result, NULL));
  *(gboolean *) user_data = TRUE;
}

static void
remember_parameter (GSimpleAction *action,
                    GVariant      *parameter,
                    gpointer       user_data)
{
  char **out = user_data;

  g_free (*out);
  *out = g_variant_dup_string (parameter, NULL);
}

static gboolean
timeout_reached (gpointer user_data)
{
  *(gboolean *) user_data = TRUE;
  return G_SOURCE_REMOVE;
}

/* Runs `mamori --workspace W --remind` with today mocked; returns its exit status after the
 * notifications it sent (expected of them) have reached the server. */
static int
run_remind (FakeServer *server,
            const char *workspace,
            const char *state_dir,
            const char *today,
            guint       expected)
{
  g_autoptr(GSubprocessLauncher) launcher = g_subprocess_launcher_new (G_SUBPROCESS_FLAGS_NONE);
  g_autoptr(GSubprocess) process = NULL;
  g_autoptr(GError) error = NULL;
  gboolean done = FALSE, timeout = FALSE, settle = FALSE;
  guint before = server->titles->len;
  guint source;

  g_subprocess_launcher_setenv (launcher, "MAMORI_TODAY", today, TRUE);
  g_subprocess_launcher_setenv (launcher, "MAMORI_STATE_DIR", state_dir, TRUE);
  g_subprocess_launcher_setenv (launcher, "GNOTIFICATION_BACKEND", "freedesktop", TRUE);
  process = g_subprocess_launcher_spawn (launcher, &error, mamori_bin, "--workspace", workspace, "--remind", NULL);
  g_assert_no_error (error);
  g_subprocess_wait_async (process, NULL, wait_done, &done);
  /* The server answers in this thread's main context while the program runs. */
  source = g_timeout_add_seconds (20, timeout_reached, &timeout);
  while (!timeout && (!done || server->titles->len - before < expected))
    g_main_context_iteration (NULL, TRUE);
  g_assert_false (timeout);
  g_source_remove (source);
  /* Any notification beyond those expected would arrive now. */
  g_timeout_add (300, timeout_reached, &settle);
  while (!settle)
    g_main_context_iteration (NULL, TRUE);
  return g_subprocess_get_exit_status (process);
}

static void
test_remind_dbus (void)
{
  g_autoptr(GTestDBus) bus = NULL;
  g_autoptr(GDBusConnection) connection = NULL;
  g_autoptr(GDBusNodeInfo) info = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("mamori-remind-XXXXXX", NULL);
  g_autofree char *workspace = g_build_filename (dir, "demo.mamori", NULL);
  g_autofree char *state = g_build_filename (dir, "state", NULL);
  g_autoptr(GPtrArray) expected = NULL;
  FakeServer server = { g_ptr_array_new_with_free_func (g_free), g_ptr_array_new_with_free_func (g_free), 0 };
  GDBusInterfaceVTable vtable = { fake_method_call, NULL, NULL, { 0 } };
  gboolean owned = FALSE;
  guint registration, owner;
  int status;

  g_autofree char *daemon = g_find_program_in_path ("dbus-daemon");

  if (daemon == NULL)
    {
      g_test_skip ("dbus-daemon is not installed (package dbus-daemon)");
      return;
    }

  /* A demo workspace; on 2026-08-01 the management review (due 2026-06-10), one measure (due
   * 2026-07-31) and a joiner's pledge (due 2026-07-01) are overdue, and nothing else is due
   * within the week. */
  {
    const char *argv[] = { mamori_bin, "--workspace", workspace, "demo", NULL };
    int wait_status;
    g_assert_true (g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_STDOUT_TO_DEV_NULL | G_SPAWN_STDERR_TO_DEV_NULL,
                                 NULL, NULL, NULL, NULL, &wait_status, &error));
    g_assert_true (g_spawn_check_wait_status (wait_status, NULL));
  }
  {
    g_autoptr(MamoriWorkspace) ws = mamori_workspace_open (workspace, MAMORI_WORKSPACE_OPEN_READ_ONLY, &error);
    g_autoptr(MamoriCatalog) catalog = mamori_catalog_new ();
    g_autoptr(GPtrArray) warnings = NULL;
    g_assert_no_error (error);
    g_assert_true (mamori_catalog_load_builtin (catalog, &error));
    g_assert_true (mamori_workspace_load_catalog (ws, catalog, &warnings, &error));
    expected = mamori_op_calendar_items (ws, catalog, "2026-08-01", MAMORI_REMINDER_LEAD_DAYS, &error);
    g_assert_no_error (error);
    mamori_workspace_close (ws);
  }
  g_assert_cmpuint (expected->len, ==, 3);

  bus = g_test_dbus_new (G_TEST_DBUS_NONE);
  g_test_dbus_up (bus);
  connection = g_bus_get_sync (G_BUS_TYPE_SESSION, NULL, &error);
  g_assert_no_error (error);
  info = g_dbus_node_info_new_for_xml (notifications_xml, &error);
  g_assert_no_error (error);
  registration = g_dbus_connection_register_object (connection, "/org/freedesktop/Notifications",
                                                    info->interfaces[0], &vtable, &server, NULL, &error);
  g_assert_no_error (error);
  owner = g_bus_own_name_on_connection (connection, "org.freedesktop.Notifications", G_BUS_NAME_OWNER_FLAGS_NONE,
                                        name_acquired, NULL, &owned, NULL);
  while (!owned)
    g_main_context_iteration (NULL, TRUE);

  /* First run: one notification per item, with the items' titles. */
  status = run_remind (&server, workspace, state, "2026-08-01", expected->len);
  g_assert_cmpint (status, ==, 0);
  g_assert_cmpuint (server.titles->len, ==, expected->len);
  for (guint i = 0; i < expected->len; i++)
    {
      const MamoriDueItem *item = expected->pdata[i];
      gboolean found = FALSE;
      for (guint j = 0; j < server.titles->len; j++)
        if (g_str_equal (server.titles->pdata[j], item->title))
          {
            found = TRUE;
            g_assert_nonnull (strstr (server.bodies->pdata[j], "overdue"));
          }
      g_assert_true (found);
    }
  g_assert_true (g_file_test (state, G_FILE_TEST_IS_DIR));

  /* Second run, the same day: nothing. */
  status = run_remind (&server, workspace, state, "2026-08-01", 0);
  g_assert_cmpint (status, ==, 0);
  g_assert_cmpuint (server.titles->len, ==, expected->len);

  /* The next day: the same items again. */
  status = run_remind (&server, workspace, state, "2026-08-02", expected->len);
  g_assert_cmpint (status, ==, 0);
  g_assert_cmpuint (server.titles->len, ==, 2 * expected->len);

  /* At the end of the year more than five are due: one summary with the count. */
  g_ptr_array_set_size (server.titles, 0);
  status = run_remind (&server, workspace, state, "2026-12-28", 1);
  g_assert_cmpint (status, ==, 0);
  g_assert_cmpuint (server.titles->len, ==, 1);
  g_assert_true (g_str_has_suffix (server.titles->pdata[0], " items are due"));

  /* A missing workspace: a message and a non-zero status, no notification. */
  {
    g_autofree char *missing = g_build_filename (dir, "missing.mamori", NULL);
    g_ptr_array_set_size (server.titles, 0);
    status = run_remind (&server, missing, state, "2026-08-03", 0);
    g_assert_cmpint (status, !=, 0);
    g_assert_cmpuint (server.titles->len, ==, 0);
    g_assert_false (g_file_test (missing, G_FILE_TEST_EXISTS));
  }

  /* The window runs (here a stand-in primary instance under the app's id): `--remind` hands
   * the request to its app.remind with the workspace's path and sends nothing itself. */
  {
    g_autoptr(GApplication) primary = g_application_new (APP_ID, G_APPLICATION_DEFAULT_FLAGS);
    g_autoptr(GSimpleAction) remind = g_simple_action_new ("remind", G_VARIANT_TYPE_STRING);
    g_autofree char *forwarded = NULL;
    g_autofree char *canonical = g_canonicalize_filename (workspace, NULL);
    gboolean timeout = FALSE;
    guint source;

    g_signal_connect (remind, "activate", G_CALLBACK (remember_parameter), &forwarded);
    g_action_map_add_action (G_ACTION_MAP (primary), G_ACTION (remind));
    g_assert_true (g_application_register (primary, NULL, &error));
    g_assert_no_error (error);
    g_assert_false (g_application_get_is_remote (primary));
    g_ptr_array_set_size (server.titles, 0);
    status = run_remind (&server, workspace, state, "2026-08-04", 0);
    g_assert_cmpint (status, ==, 0);
    source = g_timeout_add_seconds (10, timeout_reached, &timeout);
    while (forwarded == NULL && !timeout)
      g_main_context_iteration (NULL, TRUE);
    g_assert_false (timeout);
    g_source_remove (source);
    g_assert_cmpstr (forwarded, ==, canonical);
    g_assert_cmpuint (server.titles->len, ==, 0);
  }

  g_bus_unown_name (owner);
  g_dbus_connection_unregister_object (connection, registration);
  g_clear_object (&connection);
  g_test_dbus_down (bus);
  g_ptr_array_unref (server.titles);
  g_ptr_array_unref (server.bodies);
  {
    g_autofree char *ini = g_build_filename (state, "reminders.ini", NULL);
    g_unlink (ini);
    g_rmdir (state);
    g_unlink (workspace);
    g_rmdir (dir);
  }
}

int
main (int argc, char *argv[])
{
  setlocale (LC_ALL, "");
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);
  mamori_bin = g_getenv ("MAMORI_BIN");
  g_test_add_func ("/reminders/window", test_window);
  g_test_add_func ("/reminders/days", test_days);
  g_test_add_func ("/reminders/moved", test_moved);
  g_test_add_func ("/reminders/record-file", test_record_file);
  g_test_add_func ("/reminders/body", test_body);
  g_test_add_func ("/reminders/autostart", test_autostart);
  if (mamori_bin != NULL)
    g_test_add_func ("/reminders/remind-dbus", test_remind_dbus);
  return g_test_run ();
}
