/* test-roles-ui.c — the window on a server workspace hides or disables what the user's role may
 * not change, and says why (issue 17): the fixture (roles-ui.h), the window's role bar and the
 * ledger; the registers and the other pages in their own files. Needs MAMORI_TEST_PG. */
#include "config.h"

#include <glib/gstdio.h>
#include <locale.h>
#include <string.h>

#include "mamori-test-pg.h"
#include "ops/mamori-ops.h"
#include "roles-ui.h"
#include "store/mamori-assets.h"
#include "ui/mamori-application.h"
#include "ui/mamori-ledger-page-private.h"

static MamoriApplication *app;
static MamoriWorkspace *officer;
static char *uris[MAMORI_ROLE_NONE];

gboolean
roles_ui_available (void)
{
  if (!test_pg_available ())
    return FALSE;
  if (!gtk_init_check ())
    {
      g_test_skip ("no display");
      return FALSE;
    }
  return TRUE;
}

void
roles_ui_iterate (guint ms)
{
  gint64 end = g_get_monotonic_time () + ms * 1000;

  while (g_get_monotonic_time () < end)
    while (g_main_context_iteration (NULL, FALSE))
      ;
}

/* The URI of the database at uri for another login. */
static char *
uri_as (const char *uri,
        const char *user)
{
  g_autoptr(GRegex) re = g_regex_new ("user=[^&]*", 0, 0, NULL);
  g_autofree char *with = g_strdup_printf ("user=%s", user);

  return g_regex_replace_literal (re, uri, -1, 0, with, 0, NULL);
}

static char *
new_login (const char *base)
{
  char *name = g_strdup_printf ("%s_ui_%d", base, (int) getpid ());
  g_autofree char *sql = g_strdup_printf ("DO $$BEGIN CREATE ROLE %s LOGIN; EXCEPTION WHEN duplicate_object THEN NULL; END$$",
                                          name);
  g_autofree char *state = test_pg_exec (g_getenv ("MAMORI_TEST_PG"), sql);

  g_assert_cmpstr (state, ==, "");
  return name;
}

MamoriWorkspace *
roles_ui_officer (void)
{
  g_autoptr(GError) error = NULL;
  const char *sales[] = { ROLES_UI_DEPARTMENT, NULL };
  const MamoriRole roles[] = { MAMORI_ROLE_EDITOR, MAMORI_ROLE_AUDITOR, MAMORI_ROLE_VIEWER };

  if (officer != NULL)
    return officer;
  uris[MAMORI_ROLE_OFFICER] = test_pg_new_database ();
  officer = mamori_workspace_open (uris[MAMORI_ROLE_OFFICER], MAMORI_WORKSPACE_OPEN_CREATE, &error);
  g_assert_no_error (error);
  g_assert_true (mamori_op_run (mamori_op_find (MAMORI_OP_DEMO, "demo"), officer, NULL, NULL, NULL, &error));
  g_assert_no_error (error);
  g_assert_true (mamori_workspace_setup_roles (officer, &error));
  g_assert_no_error (error);
  for (guint i = 0; i < G_N_ELEMENTS (roles); i++)
    {
      g_autofree char *login = new_login (mamori_role_key (roles[i]));
      g_assert_true (mamori_workspace_grant_role (officer, login, roles[i],
                                                  roles[i] == MAMORI_ROLE_EDITOR ? sales : NULL,
                                                  roles[i] == MAMORI_ROLE_EDITOR ? ROLES_UI_PERSON : NULL, &error));
      g_assert_no_error (error);
      uris[roles[i]] = uri_as (uris[MAMORI_ROLE_OFFICER], login);
    }
  return officer;
}

const char *
roles_ui_uri (MamoriRole role)
{
  roles_ui_officer ();
  g_assert_cmpint (role, <, MAMORI_ROLE_NONE);
  return uris[role];
}

char *
roles_ui_exec (MamoriRole  role,
               const char *sql)
{
  return test_pg_exec (roles_ui_uri (role), sql);
}

MamoriWindow *
roles_ui_window (MamoriRole  role,
                 const char *page)
{
  MamoriWindow *window = mamori_window_new (app);
  g_autoptr(GError) error = NULL;
  MamoriWorkspace *ws = mamori_workspace_open (roles_ui_uri (role), MAMORI_WORKSPACE_OPEN_EXISTING, &error);

  g_assert_no_error (error);
  mamori_window_take_workspace (window, ws);
  gtk_window_set_default_size (GTK_WINDOW (window), 1200, 800);
  gtk_window_present (GTK_WINDOW (window));
  ROLES_UI_WAIT_FOR (gtk_widget_get_mapped (GTK_WIDGET (window)), 5);
  if (page != NULL)
    {
      g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.show-page", "s", page));
      roles_ui_iterate (200);
    }
  return window;
}

void
roles_ui_destroy (MamoriWindow *window)
{
  gtk_window_destroy (GTK_WINDOW (window));
  roles_ui_iterate (50);
}

gboolean
roles_ui_action_enabled (GtkWidget  *widget,
                         const char *action)
{
  /* GTK 4.8 does not say whether a widget's action is enabled: a button for it does. */
  GtkWidget *probe = gtk_button_new ();
  gboolean enabled;

  gtk_actionable_set_action_name (GTK_ACTIONABLE (probe), action);
  gtk_widget_set_parent (probe, widget);
  roles_ui_iterate (10);
  enabled = gtk_widget_get_sensitive (probe);
  gtk_widget_unparent (probe);
  return enabled;
}

/* --- the role bar ------------------------------------------------------------------------- */

/* Each role is told on the pages where it may not change everything, and why; the officer is
 * told nothing. */
static void
test_role_bar (void)
{
  MamoriWindow *window;

  if (!roles_ui_available ())
    return;
  window = roles_ui_window (MAMORI_ROLE_OFFICER, "assets");
  g_assert_null (mamori_window_get_role_bar_text (window));
  roles_ui_destroy (window);

  window = roles_ui_window (MAMORI_ROLE_EDITOR, "assets");
  g_assert_nonnull (mamori_window_get_role_bar_text (window));
  g_assert_nonnull (strstr (mamori_window_get_role_bar_text (window), ROLES_UI_DEPARTMENT));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.show-page", "s", "documents"));
  roles_ui_iterate (100);
  g_assert_nonnull (strstr (mamori_window_get_role_bar_text (window), "officer"));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.show-page", "s", "overview"));
  roles_ui_iterate (100);
  g_assert_null (mamori_window_get_role_bar_text (window));
  roles_ui_destroy (window);

  window = roles_ui_window (MAMORI_ROLE_AUDITOR, "reports");
  g_assert_nonnull (strstr (mamori_window_get_role_bar_text (window), "audit"));
  roles_ui_destroy (window);
}

/* --- the ledger --------------------------------------------------------------------------- */

void
roles_ui_add_ledger_tests (void)
{
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
  home = g_dir_make_tmp ("mamori-roles-ui-XXXXXX", NULL);
  for (guint i = 0; i < G_N_ELEMENTS (user_dirs); i++)
    {
      g_autofree char *dir = g_build_filename (home, user_dirs[i], NULL);
      g_mkdir_with_parents (dir, 0700);
      g_setenv (user_dirs[i], dir, TRUE);
    }
  g_test_init (&argc, &argv, NULL);
  if (gtk_init_check ())
    {
      adw_init ();
      app = mamori_application_new ();
      g_application_set_flags (G_APPLICATION (app), G_APPLICATION_NON_UNIQUE);
      g_signal_connect (app, "startup", G_CALLBACK (app_startup), NULL);
      g_assert_true (g_application_register (G_APPLICATION (app), NULL, NULL));
    }
  g_test_add_func ("/roles-ui/role-bar", test_role_bar);
  roles_ui_add_ledger_tests ();
  roles_ui_add_registers_tests ();
  roles_ui_add_pages_tests ();
  rc = g_test_run ();
  if (officer != NULL)
    mamori_workspace_close (officer);
  g_clear_object (&officer);
  test_pg_cleanup ();
  g_clear_object (&app);
  return rc;
}
