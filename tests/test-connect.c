/* test-connect.c — Connect to a Server…, the keyring, the recent list and the server banner
 * (under Xvfb; the server tests need MAMORI_TEST_PG, the keyring test a secret service:
 * tests/run-with-keyring.sh starts gnome-keyring-daemon on a private D-Bus session) */
#include "config.h"

#include <glib/gi18n.h>
#include <libpq-fe.h>
#include <locale.h>
#include <string.h>

#include "mamori-test-pg.h"
#include "store/mamori-roles.h"
#include "ui/mamori-application.h"
#include "ui/mamori-connect-dialog.h"
#include "ui/mamori-connect-dialog-private.h"
#include "ui/mamori-window.h"
#include "ui/mamori-window-private.h"

#define PASSWORD "s3cret-Pw%&?"

static MamoriApplication *app;
static GString *logged;   /* everything logged, debug messages included */

static GLogWriterOutput
log_writer (GLogLevelFlags   level,
            const GLogField *fields,
            gsize            n_fields,
            gpointer         data)
{
  for (gsize i = 0; i < n_fields; i++)
    if (g_str_equal (fields[i].key, "MESSAGE"))
      {
        g_string_append_len (logged, fields[i].value, fields[i].length);
        g_string_append_c (logged, '\n');
      }
  if (level & G_LOG_LEVEL_DEBUG)
    return G_LOG_WRITER_HANDLED;
  return g_log_writer_default (level, fields, n_fields, data);
}

static void
iterate (guint ms)
{
  gint64 end = g_get_monotonic_time () + ms * 1000;
  while (g_get_monotonic_time () < end)
    while (g_main_context_iteration (NULL, FALSE))
      ;
}

/* Iterates until cond holds or seconds pass. */
#define WAIT_FOR(cond, seconds) \
  G_STMT_START { \
    gint64 end_ = g_get_monotonic_time () + (seconds) * G_USEC_PER_SEC; \
    while (!(cond) && g_get_monotonic_time () < end_) \
      { g_main_context_iteration (NULL, FALSE); g_usleep (1000); } \
  } G_STMT_END

static void
test_uri (void)
{
  g_autofree char *host = NULL, *database = NULL, *user = NULL, *password = NULL;
  guint port = 0;
  struct {
    const char *host; guint port; const char *db, *user, *password, *uri, *label;
  } cases[] = {
    { "db.example.jp", 5432, "mamori", "sato", NULL, "postgresql://sato@db.example.jp/mamori", "mamori on db.example.jp" },
    { "db.example.jp", 6543, "isms", "", "", "postgresql://db.example.jp:6543/isms", "isms on db.example.jp" },
    { "::1", 5433, "m", "u", PASSWORD, "postgresql://u@[::1]:5433/m?password=s3cret-Pw%25%26%3F", "m on this computer" },
    { "/tmp/pg sock", 5433, "m", "u@x", "p", "postgresql://u%40x@/m?host=/tmp/pg%20sock&port=5433&password=p", "m on this computer" },
    { "", 5432, "m", "", NULL, "postgresql:///m", "m on this computer" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *uri = mamori_server_uri_build (cases[i].host, cases[i].port, cases[i].db, cases[i].user,
                                                      cases[i].password);
      g_autofree char *label = mamori_server_uri_label (uri);

      g_assert_cmpstr (uri, ==, cases[i].uri);
      g_assert_cmpstr (label, ==, cases[i].label);
      g_assert_true (mamori_server_uri_parse (uri, &host, &port, &database, &user, &password));
      g_assert_cmpstr (host, ==, cases[i].host);
      g_assert_cmpuint (port, ==, cases[i].port);
      g_assert_cmpstr (database, ==, cases[i].db);
      g_assert_cmpstr (user, ==, cases[i].user);
      g_assert_cmpstr (password, ==, cases[i].password ? cases[i].password : "");
      g_clear_pointer (&host, g_free);
      g_clear_pointer (&database, g_free);
      g_clear_pointer (&user, g_free);
      g_clear_pointer (&password, g_free);
    }
  /* A user:password@ part counts too; a file is no server URI. */
  g_assert_true (mamori_server_uri_parse ("postgres://a:b@h:1/d?sslmode=verify-full", &host, &port, NULL, &user, &password));
  g_assert_cmpstr (host, ==, "h");
  g_assert_cmpuint (port, ==, 1);
  g_assert_cmpstr (user, ==, "a");
  g_assert_cmpstr (password, ==, "b");
  g_assert_false (mamori_server_uri_parse ("/home/me/w.mamori", NULL, NULL, NULL, NULL, NULL));
}

static gboolean
keyring_available (void)
{
  g_autoptr(GDBusConnection) bus = g_bus_get_sync (G_BUS_TYPE_SESSION, NULL, NULL);
  g_autoptr(GVariant) reply = NULL;
  gboolean has = FALSE;

  if (bus != NULL)
    reply = g_dbus_connection_call_sync (bus, "org.freedesktop.DBus", "/org/freedesktop/DBus", "org.freedesktop.DBus",
                                         "NameHasOwner", g_variant_new ("(s)", "org.freedesktop.secrets"),
                                         G_VARIANT_TYPE ("(b)"), G_DBUS_CALL_FLAGS_NONE, 5000, NULL, NULL);
  if (reply == NULL && bus != NULL)
    /* Activatable but not running yet counts as well. */
    return FALSE;
  if (reply != NULL)
    g_variant_get (reply, "(b)", &has);
  return has;
}

static void
got_result (GObject      *source,
            GAsyncResult *result,
            gpointer      data)
{
  *(GAsyncResult **) data = g_object_ref (result);
}

static char *
lookup (const char *uri)
{
  GAsyncResult *result = NULL;
  g_autoptr(GError) error = NULL;
  char *password;

  mamori_server_password_lookup (uri, NULL, got_result, &result);
  WAIT_FOR (result != NULL, 20);
  g_assert_nonnull (result);
  password = mamori_server_password_lookup_finish (result, &error);
  g_assert_no_error (error);
  g_object_unref (result);
  return password;
}

static void
store (const char *uri,
       const char *password)
{
  GAsyncResult *result = NULL;
  g_autoptr(GError) error = NULL;

  mamori_server_password_store (uri, password, NULL, got_result, &result);
  WAIT_FOR (result != NULL, 20);
  g_assert_nonnull (result);
  g_assert_true (mamori_server_password_store_finish (result, &error));
  g_assert_no_error (error);
  g_object_unref (result);
}

/* The password is kept per host, port, database and user, and removed when asked. */
static void
test_keyring (void)
{
  const char *a = "postgresql://sato@db.example.jp/mamori";
  const char *b = "postgresql://sato@db.example.jp:6543/mamori";
  g_autofree char *found = NULL;

  if (!keyring_available ())
    {
      g_test_skip ("no secret service on the session bus (run through tests/run-with-keyring.sh)");
      return;
    }
  found = lookup (a);
  g_assert_null (found);
  store (a, PASSWORD);
  store (b, "other");
  found = lookup (a);
  g_assert_cmpstr (found, ==, PASSWORD);
  g_clear_pointer (&found, g_free);
  /* The same workspace named with its password or a user:password@ part finds the same item. */
  found = lookup ("postgresql://sato:x@db.example.jp:5432/mamori?password=y");
  g_assert_cmpstr (found, ==, PASSWORD);
  g_clear_pointer (&found, g_free);
  found = lookup ("postgresql://ito@db.example.jp/mamori");
  g_assert_null (found);
  store (a, NULL);
  found = lookup (a);
  g_assert_null (found);
  found = lookup (b);
  g_assert_cmpstr (found, ==, "other");
  store (b, "");
}

static MamoriWindow *
new_window (void)
{
  MamoriWindow *window = mamori_window_new (app);
  g_autofree char *file = g_build_filename (g_get_user_data_dir (), "local.mamori", NULL);

  g_assert_true (mamori_window_open_workspace (window, file, TRUE));
  gtk_window_present (GTK_WINDOW (window));
  WAIT_FOR (gtk_widget_get_mapped (GTK_WIDGET (window)), 5);
  return window;
}

/* The socket folder and user of the test server (MAMORI_TEST_PG names its socket). */
static void
test_server (char **host,
             char **user)
{
  char *errmsg = NULL;
  PQconninfoOption *options = PQconninfoParse (g_getenv ("MAMORI_TEST_PG"), &errmsg);

  for (PQconninfoOption *o = options; o->keyword != NULL; o++)
    if (strcmp (o->keyword, "host") == 0)
      *host = g_strdup (o->val ? o->val : "");
    else if (strcmp (o->keyword, "user") == 0)
      *user = g_strdup (o->val ? o->val : "");
  PQconninfoFree (options);
}

static char *
database_of (const char *uri)
{
  char *database = NULL;
  g_assert_true (mamori_server_uri_parse (uri, NULL, NULL, &database, NULL, NULL));
  return database;
}

/* Connects the dialog with these fields; the error shown, or NULL when it connected. */
static char *
connect_as (MamoriWindow *window,
            const char   *login,
            const char   *database,
            const char   *password,
            gboolean      remember)
{
  g_autofree char *host = NULL, *user = NULL;
  MamoriConnectDialog *dialog;

  test_server (&host, &user);
  if (login != NULL)
    {
      g_free (user);
      user = g_strdup (login);
    }
  gtk_widget_activate_action (GTK_WIDGET (window), "win.connect-server", NULL);
  dialog = mamori_window_get_connect_dialog (window);
  g_assert_nonnull (dialog);
  mamori_connect_dialog_fill (dialog, host, "5432", database, user, password, remember);
  mamori_connect_dialog_connect (dialog);
  g_assert_true (mamori_connect_dialog_is_connecting (dialog));
  WAIT_FOR (mamori_window_get_connect_dialog (window) == NULL ||
            !mamori_connect_dialog_is_connecting (mamori_window_get_connect_dialog (window)), 15);
  if (mamori_window_get_connect_dialog (window) == NULL)
    return NULL;
  dialog = mamori_window_get_connect_dialog (window);
  {
    char *error = g_strdup (mamori_connect_dialog_get_error (dialog));
    gtk_window_close (GTK_WINDOW (dialog));
    iterate (50);
    return error;
  }
}

static char *
connect_with (MamoriWindow *window,
              const char   *database,
              const char   *password,
              gboolean      remember)
{
  return connect_as (window, NULL, database, password, remember);
}

/* The server's errors in the dialog, with what to do. */
static void
test_dialog_errors (void)
{
  g_autofree char *empty = NULL, *empty_db = NULL, *error = NULL;
  MamoriWindow *window;
  MamoriConnectDialog *dialog;

  if (!test_pg_available ())
    return;
  window = new_window ();
  empty = test_pg_new_database ();
  empty_db = database_of (empty);

  error = connect_with (window, "mamori_no_such_db", "", FALSE);
  g_assert_nonnull (strstr (error, "no database of that name"));
  g_clear_pointer (&error, g_free);
  error = connect_with (window, empty_db, "", FALSE);
  g_assert_nonnull (strstr (error, "no Mamori workspace yet"));
  g_assert_nonnull (strstr (error, "init"));
  g_clear_pointer (&error, g_free);

  /* A login without a role in the workspace is told to ask for one. */
  {
    g_autofree char *made = test_pg_new_database ();
    g_autofree char *made_db = database_of (made);
    g_autoptr(MamoriWorkspace) ws = mamori_workspace_open (made, MAMORI_WORKSPACE_OPEN_CREATE, NULL);
    g_autofree char *state = test_pg_exec (g_getenv ("MAMORI_TEST_PG"), "CREATE ROLE mamori_test_norole LOGIN");

    g_assert_nonnull (ws);
    g_assert_true (mamori_workspace_setup_roles (ws, NULL));   /* as init does */
    mamori_workspace_close (ws);
    error = connect_as (window, "mamori_test_norole", made_db, "", FALSE);
    g_assert_nonnull (strstr (error, "no role"));
    g_clear_pointer (&error, g_free);
  }

  /* Nothing there: the dialog says so; a bad port is refused before connecting. */
  gtk_widget_activate_action (GTK_WIDGET (window), "win.connect-server", NULL);
  dialog = mamori_window_get_connect_dialog (window);
  mamori_connect_dialog_fill (dialog, "/nonexistent/mamori-test", "5432", "mamori", "", "", FALSE);
  mamori_connect_dialog_connect (dialog);
  WAIT_FOR (!mamori_connect_dialog_is_connecting (dialog), 15);
  g_assert_nonnull (strstr (mamori_connect_dialog_get_error (dialog), "cannot be reached"));
  mamori_connect_dialog_fill (dialog, "db.example.jp", "99999", "mamori", "", "", FALSE);
  mamori_connect_dialog_connect (dialog);
  g_assert_false (mamori_connect_dialog_is_connecting (dialog));
  g_assert_nonnull (strstr (mamori_connect_dialog_get_error (dialog), "1 to 65535"));

  /* Cancel while connecting: the dialog goes at once, the window keeps its workspace. */
  mamori_connect_dialog_fill (dialog, "/nonexistent/mamori-test", "5432", "mamori", "", "", FALSE);
  mamori_connect_dialog_connect (dialog);
  gtk_window_close (GTK_WINDOW (dialog));
  iterate (20);
  g_assert_null (mamori_window_get_connect_dialog (window));
  g_assert_false (mamori_workspace_is_server (mamori_window_get_workspace (window)));
  iterate (200);
  gtk_window_destroy (GTK_WINDOW (window));
  iterate (20);
}

static void
count_change (guint *count)
{
  (*count)++;
}

static gboolean
menu_has_label (GMenuModel *menu,
                const char *part)
{
  for (int i = 0; i < g_menu_model_get_n_items (menu); i++)
    {
      g_autofree char *label = NULL;
      GMenuModel *link;
      g_autoptr(GMenuLinkIter) links = g_menu_model_iterate_item_links (menu, i);

      if (g_menu_model_get_item_attribute (menu, i, G_MENU_ATTRIBUTE_LABEL, "s", &label) && strstr (label, part) != NULL)
        return TRUE;
      while (g_menu_link_iter_get_next (links, NULL, &link))
        {
          gboolean found = menu_has_label (link, part);
          g_object_unref (link);
          if (found)
            return TRUE;
        }
    }
  return FALSE;
}

/* Connected from the dialog with a password: the workspace opens, and the password is nowhere
 * but the keyring (settings, recent list, title, logs). The server goes away: the banner, and
 * back again by itself. */
static void
test_connect_and_lost (void)
{
  g_autofree char *uri = NULL, *database = NULL, *error = NULL;
  g_autoptr(GSettings) settings = NULL;
  g_auto(GStrv) recent = NULL;
  g_autofree char *last = NULL;
  MamoriWindow *window;
  MamoriWorkspace *ws;
  g_autoptr(MamoriWorkspace) creator = NULL;
  g_autoptr(MamoriWorkspace) other = NULL;
  guint changes = 0;

  if (!test_pg_available ())
    return;
  uri = test_pg_new_database ();
  database = database_of (uri);
  creator = mamori_workspace_open (uri, MAMORI_WORKSPACE_OPEN_CREATE, NULL);
  g_assert_nonnull (creator);
  mamori_workspace_close (creator);

  window = new_window ();
  error = connect_with (window, database, PASSWORD, keyring_available ());
  g_assert_null (error);
  ws = mamori_window_get_workspace (window);
  g_assert_true (mamori_workspace_is_server (ws));
  iterate (300);   /* the keyring's store, the recent list */

  settings = g_settings_new (APP_ID);
  recent = g_settings_get_strv (settings, "recent-workspaces");
  last = g_settings_get_string (settings, "last-workspace");
  g_assert_true (mamori_workspace_is_server_uri (recent[0]));
  g_assert_true (mamori_workspace_is_server_uri (last));
  for (guint i = 0; recent[i] != NULL; i++)
    g_assert_null (strstr (recent[i], "s3cret"));
  g_assert_null (strstr (last, "s3cret"));
  g_assert_null (strstr (mamori_workspace_get_path (ws), "s3cret"));
  g_assert_null (strstr (gtk_window_get_title (GTK_WINDOW (window)), "s3cret"));
  g_assert_nonnull (strstr (gtk_window_get_title (GTK_WINDOW (window)), database));
  g_assert_null (strstr (logged->str, "s3cret"));
  if (keyring_available ())
    {
      g_autofree char *kept = lookup (mamori_workspace_get_path (ws));
      g_assert_cmpstr (kept, ==, PASSWORD);
    }

  /* Back to the file: the recent list shows the server workspace by its name and server. */
  {
    g_autofree char *file = g_build_filename (g_get_user_data_dir (), "local.mamori", NULL);
    g_assert_true (mamori_window_open_workspace (window, file, FALSE));
  }
  {
    g_auto(GStrv) parts = g_strsplit (database, "_", -1);
    g_autofree char *escaped = g_strjoinv ("__", parts);   /* the menu's mnemonic character */
    g_autofree char *label = g_strdup_printf ("%s on this computer (server)", escaped);
    g_assert_true (menu_has_label (mamori_window_get_recent_menu (window), label));
    g_assert_false (menu_has_label (mamori_window_get_recent_menu (window), "s3cret"));
  }

  /* Opened again from the recent list: the keyring (or no password: the test server trusts
   * its socket) and the dialog connect by themselves. */
  {
    g_auto(GStrv) now = g_settings_get_strv (settings, "recent-workspaces");
    const char *server = NULL;
    for (guint i = 0; now[i] != NULL; i++)
      if (mamori_workspace_is_server_uri (now[i]))
        server = now[i];
    g_assert_nonnull (server);
    gtk_widget_activate_action (GTK_WIDGET (window), "win.open-recent", "s", server);
    WAIT_FOR (mamori_workspace_is_server (mamori_window_get_workspace (window)), 15);
    g_assert_true (mamori_workspace_is_server (mamori_window_get_workspace (window)));
  }
  ws = mamori_window_get_workspace (window);

  /* The server ends the connection (as a restart does): the banner; the window connects again
   * within a few seconds, follows the others' changes again and the banner goes. */
  {
    g_autofree char *sql = g_strdup_printf ("SELECT pg_terminate_backend (pid) FROM pg_stat_activity "
                                            "WHERE datname = '%s' AND pid <> pg_backend_pid ()", database);
    g_autofree char *state = test_pg_exec (uri, sql);
    g_assert_cmpstr (state, ==, "");
  }
  /* While the server is away, a page may warn that it could not read: not fatal here. */
  g_log_set_always_fatal (G_LOG_LEVEL_CRITICAL | G_LOG_FATAL_MASK);
  WAIT_FOR (mamori_window_is_server_lost (window), 10);
  g_assert_true (mamori_window_is_server_lost (window));
  WAIT_FOR (!mamori_window_is_server_lost (window), 15);
  g_assert_false (mamori_window_is_server_lost (window));
  g_log_set_always_fatal (G_LOG_LEVEL_WARNING | G_LOG_LEVEL_CRITICAL | G_LOG_FATAL_MASK);
  g_signal_connect_swapped (ws, "changed::settings", G_CALLBACK (count_change), &changes);
  other = mamori_workspace_open (uri, MAMORI_WORKSPACE_OPEN_EXISTING, NULL);
  g_assert_nonnull (other);
  g_assert_true (mamori_workspace_set_setting (other, "test-key", "1", NULL));
  WAIT_FOR (changes > 0, 5);
  g_assert_cmpuint (changes, >, 0);
  mamori_workspace_close (other);
  g_assert_null (strstr (logged->str, "s3cret"));

  gtk_window_destroy (GTK_WINDOW (window));
  iterate (50);
  if (keyring_available ())
    store (uri, NULL);
}

/* The store's part, without a window: a read on a connection the server ended fails as
 * "disconnected"; reconnect brings it back. A server that is not there does not answer. */
static void
test_reconnect (void)
{
  g_autofree char *uri = NULL, *database = NULL, *value = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(MamoriWorkspace) ws = NULL;

  g_assert_false (mamori_workspace_server_answers ("postgresql:///mamori?host=/nonexistent/mamori-test"));
  if (!test_pg_available ())
    return;
  uri = test_pg_new_database ();
  database = database_of (uri);
  ws = mamori_workspace_open (uri, MAMORI_WORKSPACE_OPEN_CREATE, &error);
  g_assert_no_error (error);
  g_assert_true (mamori_workspace_server_answers (mamori_workspace_get_path (ws)));
  g_assert_true (mamori_workspace_reconnect (ws, &error));   /* sound: nothing to do */
  {
    g_autofree char *sql = g_strdup_printf ("SELECT pg_terminate_backend (pid) FROM pg_stat_activity "
                                            "WHERE datname = '%s' AND pid <> pg_backend_pid ()", database);
    g_autofree char *state = test_pg_exec (uri, sql);
    g_assert_cmpstr (state, ==, "");
  }
  value = mamori_workspace_get_setting (ws, "anything", &error);
  g_assert_true (mamori_workspace_error_is_disconnected (error));
  g_assert_false (mamori_workspace_error_is_bad_input (error));
  g_clear_error (&error);
  g_assert_true (mamori_workspace_reconnect (ws, &error));
  g_assert_no_error (error);
  g_assert_true (mamori_workspace_set_setting (ws, "anything", "back", &error));
  value = mamori_workspace_get_setting (ws, "anything", &error);
  g_assert_cmpstr (value, ==, "back");
  mamori_workspace_close (ws);
}

/* Runs build-aux/pg-test-cluster.sh with args; its standard output. */
static char *
cluster (const char *arg1,
         const char *arg2)
{
  const char *argv[] = { g_getenv ("MAMORI_PG_CLUSTER"), arg1, arg2, NULL };
  g_autoptr(GError) error = NULL;
  char *out = NULL;
  int status = 0;

  g_assert_true (g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_STDERR_TO_DEV_NULL, NULL, NULL, &out, NULL,
                               &status, &error));
  g_assert_no_error (error);
  g_assert_true (g_spawn_check_wait_status (status, NULL));
  return out;
}

static void
count_signal (guint *count)
{
  (*count)++;
}

/* A server of its own that stops and starts again: the watch says it went away, the
 * workspace cannot connect while it is down, and connects again once it is back. */
static void
test_server_stops (void)
{
  g_autofree char *out = NULL, *dir = NULL, *uri = NULL, *value = NULL;
  g_auto(GStrv) lines = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(MamoriWorkspace) ws = NULL;
  guint lost = 0;

  if (!test_pg_available ())
    return;
  if (g_getenv ("MAMORI_PG_CLUSTER") == NULL)
    {
      g_test_skip ("MAMORI_PG_CLUSTER is not set");
      return;
    }
  out = cluster ("start", NULL);
  lines = g_strsplit (out, "\n", -1);
  for (guint i = 0; lines[i] != NULL; i++)
    {
      char *start = strchr (lines[i], '\''), *end = strrchr (lines[i], '\'');
      if (start == NULL || end <= start)
        continue;
      if (g_str_has_prefix (lines[i], "export MAMORI_PG_DIR="))
        dir = g_strndup (start + 1, end - start - 1);
      else if (g_str_has_prefix (lines[i], "export MAMORI_TEST_PG="))
        uri = g_strndup (start + 1, end - start - 1);
    }
  g_assert_nonnull (dir);
  g_assert_nonnull (uri);

  ws = mamori_workspace_open (uri, MAMORI_WORKSPACE_OPEN_CREATE, &error);
  g_assert_no_error (error);
  g_assert_true (mamori_workspace_watch_server (ws, &error));
  g_signal_connect_swapped (ws, "disconnected", G_CALLBACK (count_signal), &lost);

  g_free (cluster ("halt", dir));
  WAIT_FOR (lost > 0, 10);
  g_assert_cmpuint (lost, ==, 1);
  g_assert_false (mamori_workspace_server_answers (mamori_workspace_get_path (ws)));
  g_assert_false (mamori_workspace_set_setting (ws, "k", "v", &error));
  g_assert_true (mamori_workspace_error_is_disconnected (error));
  g_clear_error (&error);
  g_assert_false (mamori_workspace_reconnect (ws, &error));
  g_assert_true (mamori_workspace_error_is_disconnected (error));
  g_clear_error (&error);

  g_free (cluster ("resume", dir));
  g_assert_true (mamori_workspace_server_answers (mamori_workspace_get_path (ws)));
  g_assert_true (mamori_workspace_reconnect (ws, &error));
  g_assert_no_error (error);
  g_assert_true (mamori_workspace_set_setting (ws, "k", "back", &error));
  value = mamori_workspace_get_setting (ws, "k", &error);
  g_assert_cmpstr (value, ==, "back");
  mamori_workspace_close (ws);
  g_free (cluster ("stop", dir));
}

static void
app_startup (GApplication *application)
{
}

int
main (int argc, char *argv[])
{
  const char *user_dirs[] = { "XDG_DATA_HOME", "XDG_CONFIG_HOME", "XDG_CACHE_HOME", "XDG_STATE_HOME" };
  g_autofree char *home = NULL;
  int rc;

  setlocale (LC_ALL, "");
  logged = g_string_new (NULL);
  g_setenv ("G_MESSAGES_DEBUG", "all", TRUE);
  g_log_set_writer_func (log_writer, NULL, NULL);
  home = g_dir_make_tmp ("mamori-connect-XXXXXX", NULL);
  for (guint i = 0; i < G_N_ELEMENTS (user_dirs); i++)
    {
      g_autofree char *dir = g_build_filename (home, user_dirs[i], NULL);
      g_mkdir_with_parents (dir, 0700);
      g_setenv (user_dirs[i], dir, TRUE);
    }
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/connect/uri", test_uri);
  g_test_add_func ("/connect/reconnect", test_reconnect);
  g_test_add_func ("/connect/server-stops", test_server_stops);
  if (!gtk_init_check ())
    {
      g_test_skip ("no display");
      return g_test_run ();
    }
  adw_init ();
  app = mamori_application_new ();
  g_application_set_flags (G_APPLICATION (app), G_APPLICATION_NON_UNIQUE);
  g_signal_connect (app, "startup", G_CALLBACK (app_startup), NULL);
  g_assert_true (g_application_register (G_APPLICATION (app), NULL, NULL));
  g_test_add_func ("/connect/keyring", test_keyring);
  g_test_add_func ("/connect/dialog-errors", test_dialog_errors);
  g_test_add_func ("/connect/window", test_connect_and_lost);
  rc = g_test_run ();
  test_pg_cleanup ();
  g_object_unref (app);
  return rc;
}
