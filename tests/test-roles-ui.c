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
#include "ui/mamori-ledger-row.h"

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
      g_autofree char *base = g_strdup_printf ("%s_ui", mamori_role_key (roles[i]));
      g_autofree char *login = test_pg_new_login (base);
      g_assert_true (mamori_workspace_grant_role (officer, login, roles[i],
                                                  roles[i] == MAMORI_ROLE_EDITOR ? sales : NULL,
                                                  roles[i] == MAMORI_ROLE_EDITOR ? ROLES_UI_PERSON : NULL, &error));
      g_assert_no_error (error);
      uris[roles[i]] = test_pg_uri_as (uris[MAMORI_ROLE_OFFICER], login);
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
  gtk_widget_set_visible (probe, FALSE);   /* never drawn, so never allocated */
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

/* The ledger's row showing the first asset of department, or NULL. */
static MamoriLedgerRow *
row_of (MamoriLedgerPage *page,
        const char       *department)
{
  GListModel *model = mamori_ledger_page_get_model (page);

  for (guint i = 0; i < g_list_model_get_n_items (model); i++)
    {
      g_autoptr(MamoriLedgerRow) row = g_list_model_get_item (model, i);
      if (g_strcmp0 (mamori_ledger_row_get_asset (row)->managing_department, department) == 0)
        return g_steal_pointer (&row);
    }
  return NULL;
}

static char *
stored_name (gint64 id)
{
  g_autoptr(MamoriAsset) a = mamori_workspace_get_asset (roles_ui_officer (), id, NULL);

  return a != NULL ? g_strdup (a->name) : NULL;
}

static MamoriLedgerPage *
ledger_of (MamoriWindow *window)
{
  MamoriLedgerPage *page = MAMORI_LEDGER_PAGE (mamori_window_get_page (window, "assets"));

  ROLES_UI_WAIT_FOR (mamori_ledger_page_get_n_rows (page) > 0, 10);
  g_assert_cmpuint (mamori_ledger_page_get_n_rows (page), >, 0);
  return page;
}

/* The editor changes the rows of their department only (the others refuse their editor and are
 * dimmer); adds assets to it; may not touch the threat catalogue. */
static void
test_ledger_editor (void)
{
  MamoriWindow *window;
  MamoriLedgerPage *page;
  g_autoptr(MamoriLedgerRow) own = NULL, other = NULL;
  g_autofree char *own_name = NULL, *other_name = NULL;
  gint64 added;

  if (!roles_ui_available ())
    return;
  window = roles_ui_window (MAMORI_ROLE_EDITOR, "assets");
  page = ledger_of (window);
  own = row_of (page, ROLES_UI_DEPARTMENT);
  other = row_of (page, "製造部");
  g_assert_nonnull (own);
  g_assert_nonnull (other);
  g_assert_true (_mamori_ledger_page_may_edit (page, mamori_ledger_row_get_asset (own)));
  g_assert_false (_mamori_ledger_page_may_edit (page, mamori_ledger_row_get_asset (other)));
  g_assert_true (roles_ui_action_enabled (GTK_WIDGET (page), "ledger.import"));
  g_assert_true (roles_ui_action_enabled (GTK_WIDGET (page), "ledger.delete"));
  g_assert_false (roles_ui_action_enabled (GTK_WIDGET (page), "ledger.threats"));
  g_assert_false (roles_ui_action_enabled (GTK_WIDGET (page), "ledger.stocktaking"));

  other_name = stored_name (mamori_ledger_row_get_asset (other)->id);
  g_assert_false (_mamori_ledger_page_commit (page, other, MAMORI_ASSET_FIELD_NAME, "変えた名前"));
  {
    g_autofree char *now = stored_name (mamori_ledger_row_get_asset (other)->id);
    g_assert_cmpstr (now, ==, other_name);
  }
  g_assert_true (_mamori_ledger_page_commit (page, own, MAMORI_ASSET_FIELD_NAME, "営業部の名簿（改）"));
  own_name = stored_name (mamori_ledger_row_get_asset (own)->id);
  g_assert_cmpstr (own_name, ==, "営業部の名簿（改）");

  added = mamori_ledger_page_add_asset (page);
  g_assert_cmpint (added, >, 0);
  {
    g_autoptr(MamoriAsset) a = mamori_workspace_get_asset (roles_ui_officer (), added, NULL);
    g_assert_cmpstr (a->managing_department, ==, ROLES_UI_DEPARTMENT);
  }
  roles_ui_destroy (window);
}

/* The viewer and the auditor change nothing in the ledger: every control is disabled and a
 * row refuses its editor. */
static void
test_ledger_read_only (void)
{
  const MamoriRole roles[] = { MAMORI_ROLE_VIEWER, MAMORI_ROLE_AUDITOR };

  if (!roles_ui_available ())
    return;
  for (guint i = 0; i < G_N_ELEMENTS (roles); i++)
    {
      MamoriWindow *window = roles_ui_window (roles[i], "assets");
      MamoriLedgerPage *page = ledger_of (window);
      g_autoptr(MamoriLedgerRow) own = row_of (page, ROLES_UI_DEPARTMENT);
      g_autofree char *name = stored_name (mamori_ledger_row_get_asset (own)->id);
      const char *actions[] = { "ledger.import", "ledger.delete", "ledger.duplicate", "ledger.split", "ledger.classify" };

      for (guint k = 0; k < G_N_ELEMENTS (actions); k++)
        g_assert_false (roles_ui_action_enabled (GTK_WIDGET (page), actions[k]));
      g_assert_true (roles_ui_action_enabled (GTK_WIDGET (page), "ledger.export"));
      g_assert_false (_mamori_ledger_page_commit (page, own, MAMORI_ASSET_FIELD_NAME, "x"));
      {
        g_autofree char *now = stored_name (mamori_ledger_row_get_asset (own)->id);
        g_assert_cmpstr (now, ==, name);
      }
      /* The viewer's workspace opens read-only and its bar says so; the auditor's role bar. */
      if (roles[i] == MAMORI_ROLE_VIEWER)
        g_assert_nonnull (mamori_workspace_get_read_only_reason (mamori_window_get_workspace (window)));
      else
        g_assert_nonnull (mamori_window_get_role_bar_text (window));
      roles_ui_destroy (window);
    }
}

/* Ends every connection of the server workspace but the caller's (as a server restart does). */
static void
end_connections (void)
{
  g_autofree char *sql = g_strdup_printf ("SELECT pg_terminate_backend (pid) FROM pg_stat_activity "
                                          "WHERE datname = current_database () AND pid <> pg_backend_pid ()");
  g_autofree char *state = roles_ui_exec (MAMORI_ROLE_OFFICER, sql);

  g_assert_cmpstr (state, ==, "");
}

/* The server goes away mid-edit: what was typed stays in its cell with the reason, and is saved
 * when the server answers again; an edit someone else overtook meanwhile is not forced in. */
static void
test_ledger_unsaved (void)
{
  MamoriWindow *window;
  MamoriLedgerPage *page;
  g_autoptr(MamoriLedgerRow) row = NULL, second = NULL;
  gint64 id, id2;
  const Unsaved *u;

  if (!roles_ui_available ())
    return;
  window = roles_ui_window (MAMORI_ROLE_OFFICER, "assets");
  page = ledger_of (window);
  row = row_of (page, "総務部");
  second = row_of (page, "製造部");
  id = mamori_ledger_row_get_asset (row)->id;
  id2 = mamori_ledger_row_get_asset (second)->id;

  /* While the server is away a page may warn that it could not read: not fatal here. */
  g_log_set_always_fatal (G_LOG_LEVEL_CRITICAL | G_LOG_FATAL_MASK);
  end_connections ();
  g_assert_false (_mamori_ledger_page_commit (page, row, MAMORI_ASSET_FIELD_NAME, "書きかけの名前"));
  u = _mamori_ledger_page_unsaved (page, id, MAMORI_ASSET_FIELD_NAME);
  g_assert_nonnull (u);
  g_assert_cmpstr (u->asset->name, ==, "書きかけの名前");
  g_assert_nonnull (u->reason);
  /* A second field of the same asset joins the first; nothing of it is saved yet. */
  g_assert_false (_mamori_ledger_page_commit (page, row, MAMORI_ASSET_FIELD_REMARKS, "備考も"));
  u = _mamori_ledger_page_unsaved (page, id, MAMORI_ASSET_FIELD_REMARKS);
  g_assert_nonnull (u);
  g_assert_cmpstr (u->asset->name, ==, "書きかけの名前");
  g_assert_false (_mamori_ledger_page_commit (page, second, MAMORI_ASSET_FIELD_NAME, "こちらは上書きされる"));
  g_assert_true (mamori_window_is_server_lost (window));
  g_assert_cmpuint (mamori_ledger_page_count_unsaved (page), ==, 2);
  /* Closing asks first: the edits would be lost. Kept open. */
  gtk_window_close (GTK_WINDOW (window));
  roles_ui_iterate (50);
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (window)));
  {
    g_autoptr(GList) windows = gtk_window_list_toplevels ();
    guint asked = 0;
    for (GList *l = windows; l != NULL; l = l->next)
      if (ADW_IS_MESSAGE_DIALOG (l->data) && gtk_widget_get_visible (l->data))
        {
          asked++;
          adw_message_dialog_response (l->data, "cancel");
          gtk_window_destroy (l->data);
        }
    g_assert_cmpuint (asked, >=, 1);
  }
  /* Meanwhile someone else changes the second asset. */
  {
    g_autofree char *sql = g_strdup_printf ("UPDATE asset SET name = '他の人の名前', row_version = row_version + 1 "
                                            "WHERE id = %" G_GINT64_FORMAT, id2);
    g_autofree char *state = roles_ui_exec (MAMORI_ROLE_OFFICER, sql);
    g_assert_cmpstr (state, ==, "");
  }

  /* The window connects again by itself; the first edits are saved, the overtaken one is not. */
  ROLES_UI_WAIT_FOR (!mamori_window_is_server_lost (window), 20);
  g_assert_false (mamori_window_is_server_lost (window));
  ROLES_UI_WAIT_FOR (_mamori_ledger_page_unsaved (page, id, MAMORI_ASSET_FIELD_NAME) == NULL &&
                     _mamori_ledger_page_unsaved (page, id2, MAMORI_ASSET_FIELD_NAME) == NULL, 10);
  g_log_set_always_fatal (G_LOG_LEVEL_WARNING | G_LOG_LEVEL_CRITICAL | G_LOG_FATAL_MASK);
  g_assert_null (_mamori_ledger_page_unsaved (page, id, MAMORI_ASSET_FIELD_NAME));
  /* The fixture's own connection was ended too: its next statement finds it so. */
  {
    g_autoptr(GError) error = NULL;
    g_autoptr(MamoriAsset) probe = mamori_workspace_get_asset (roles_ui_officer (), id, &error);
    if (probe == NULL)
      g_assert_true (mamori_workspace_error_is_disconnected (error));
    g_assert_true (mamori_workspace_reconnect (roles_ui_officer (), NULL));
  }
  {
    g_autoptr(MamoriAsset) a = mamori_workspace_get_asset (roles_ui_officer (), id, NULL);
    g_autoptr(MamoriAsset) b = mamori_workspace_get_asset (roles_ui_officer (), id2, NULL);
    g_assert_cmpstr (a->name, ==, "書きかけの名前");
    g_assert_cmpstr (a->remarks, ==, "備考も");
    g_assert_cmpstr (b->name, ==, "他の人の名前");
  }
  /* The saved edits are one undo step. */
  mamori_ledger_page_undo (page);
  {
    g_autoptr(MamoriAsset) a = mamori_workspace_get_asset (roles_ui_officer (), id, NULL);
    g_assert_cmpstr (a->name, !=, "書きかけの名前");
  }
  roles_ui_destroy (window);
}

void
roles_ui_add_ledger_tests (void)
{
  g_test_add_func ("/roles-ui/ledger/editor", test_ledger_editor);
  g_test_add_func ("/roles-ui/ledger/read-only", test_ledger_read_only);
  g_test_add_func ("/roles-ui/ledger/unsaved", test_ledger_unsaved);
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
