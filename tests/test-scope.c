/* test-scope.c — a checklist's scope: the optional measures left out with their reasons and
 * the implementation groups chosen, saved as numbered versions that are never edited, and the
 * version an assessment is answered in; on a workspace file and on a PostgreSQL server. */
#include "config.h"

#include <glib/gstdio.h>
#include <locale.h>
#include <string.h>

#include "core/mamori-catalog.h"
#include "core/mamori-scope.h"
#include "store/mamori-assessments.h"
#include "store/mamori-scopes.h"
#include "store/mamori-workspace.h"
#include "mamori-test-pg.h"

static char *tmpdir;
static MamoriCatalog *catalog;

static MamoriWorkspace *
new_workspace_on (TestEngine  engine,
                  const char *name)
{
  g_autofree char *path = engine == TEST_ENGINE_POSTGRESQL ? test_pg_new_database ()
                                                           : g_build_filename (tmpdir, name, NULL);
  g_autoptr(GError) error = NULL;
  MamoriWorkspace *ws;

  if (engine == TEST_ENGINE_SQLITE)
    g_unlink (path);
  ws = mamori_workspace_open (path, MAMORI_WORKSPACE_OPEN_CREATE, &error);
  g_assert_no_error (error);
  return ws;
}

/* The first optional and the first required item of the certification's full criteria. */
static void
criteria_items (const MamoriChecklist  *c,
                const MamoriNode      **optional,
                const MamoriNode      **required)
{
  *optional = *required = NULL;
  for (guint i = 0; i < c->items->len; i++)
    {
      const MamoriNode *n = c->items->pdata[i];
      if (mamori_node_is_optional (n) && *optional == NULL)
        *optional = n;
      if (!mamori_node_is_optional (n) && *required == NULL)
        *required = n;
    }
  g_assert_nonnull (*optional);
  g_assert_nonnull (*required);
}

static void
test_validate (void)
{
  const MamoriChecklist *c = mamori_catalog_find (catalog, "tech-info-criteria");
  const MamoriNode *optional, *required;
  g_autoptr(MamoriScope) s = mamori_scope_new ("tech-info-criteria");
  g_autoptr(GError) error = NULL;

  criteria_items (c, &optional, &required);
  g_free (s->decided_on);
  s->decided_on = g_strdup ("2026-02-30");
  g_assert_false (mamori_scope_validate (s, c, &error));
  g_assert_nonnull (strstr (error->message, "2026-02-30"));
  g_clear_error (&error);
  g_free (s->decided_on);
  s->decided_on = g_strdup ("2026-04-01");
  g_assert_true (mamori_scope_validate (s, c, &error));
  g_assert_no_error (error);

  mamori_scope_add (s, MAMORI_SCOPE_EXCLUDED, optional->ref_id, " \u3000\n");
  g_assert_false (mamori_scope_validate (s, c, &error));
  g_assert_nonnull (strstr (error->message, "without a reason"));
  g_clear_error (&error);
  g_ptr_array_set_size (s->entries, 0);
  mamori_scope_add (s, MAMORI_SCOPE_EXCLUDED, required->ref_id, "理由");
  g_assert_false (mamori_scope_validate (s, c, &error));
  g_assert_nonnull (strstr (error->message, "always required"));
  g_clear_error (&error);
  g_ptr_array_set_size (s->entries, 0);
  mamori_scope_add (s, MAMORI_SCOPE_EXCLUDED, "999", "理由");
  g_assert_false (mamori_scope_validate (s, c, &error));
  g_assert_nonnull (strstr (error->message, "999"));
  g_clear_error (&error);
  g_ptr_array_set_size (s->entries, 0);
  mamori_scope_add (s, MAMORI_SCOPE_GROUP, "IG1", "");
  g_assert_false (mamori_scope_validate (s, c, &error));
  g_assert_nonnull (strstr (error->message, "IG1"));
  g_clear_error (&error);
  g_ptr_array_set_size (s->entries, 0);
  mamori_scope_add (s, MAMORI_SCOPE_EXCLUDED, optional->ref_id, "紙の重要情報がない");
  mamori_scope_add (s, MAMORI_SCOPE_EXCLUDED, optional->ref_id, "二度目");
  g_assert_false (mamori_scope_validate (s, c, &error));
  g_assert_nonnull (strstr (error->message, "twice"));
  g_clear_error (&error);
  g_ptr_array_set_size (s->entries, 1);
  g_assert_true (mamori_scope_validate (s, c, &error));
  g_assert_false (mamori_scope_includes (s, optional));
  g_assert_true (mamori_scope_includes (s, required));
  g_assert_true (mamori_scope_includes (NULL, optional));
  g_assert_null (mamori_scope_groups (s));
}

static void
test_versions (gconstpointer data)
{
  TestEngine engine = GPOINTER_TO_INT (data);
  const MamoriChecklist *c = mamori_catalog_find (catalog, "tech-info-criteria");
  const MamoriNode *optional, *required;
  g_autoptr(MamoriWorkspace) ws = NULL;
  g_autoptr(MamoriScope) first = mamori_scope_new ("tech-info-criteria");
  g_autoptr(MamoriScope) second = mamori_scope_new ("tech-info-criteria");
  g_autoptr(MamoriScope) bad = mamori_scope_new ("tech-info-criteria");
  g_autoptr(MamoriScope) latest = NULL, back = NULL;
  g_autoptr(GPtrArray) all = NULL;
  g_autoptr(GError) error = NULL;
  gint64 assessment, copy;

  if (engine == TEST_ENGINE_POSTGRESQL && !test_pg_available ())
    return;
  ws = new_workspace_on (engine, "versions.mamori");
  criteria_items (c, &optional, &required);
  latest = mamori_workspace_latest_scope (ws, "tech-info-criteria", &error);
  g_assert_no_error (error);
  g_assert_null (latest);

  /* A scope the checklist refuses is not saved. */
  g_free (bad->decided_on);
  bad->decided_on = g_strdup ("2026-04-01");
  mamori_scope_add (bad, MAMORI_SCOPE_EXCLUDED, required->ref_id, "理由");
  g_assert_false (mamori_workspace_save_scope (ws, bad, c, &error));
  g_assert_nonnull (error);
  g_clear_error (&error);
  g_assert_cmpint (bad->id, ==, 0);

  g_free (first->decided_on);
  first->decided_on = g_strdup ("2026-04-01");
  g_free (first->decided_by);
  first->decided_by = g_strdup ("山田 太郎");
  mamori_scope_add (first, MAMORI_SCOPE_EXCLUDED, optional->ref_id, "紙の重要情報がない");
  g_assert_true (mamori_workspace_save_scope (ws, first, c, &error));
  g_assert_no_error (error);
  g_assert_cmpint (first->number, ==, 1);
  g_assert_cmpint (first->id, >, 0);

  g_free (second->decided_on);
  second->decided_on = g_strdup ("2026-10-01");
  second->note = (g_free (second->note), g_strdup ("紙の図面を扱い始めた"));
  g_assert_true (mamori_workspace_save_scope (ws, second, c, &error));
  g_assert_no_error (error);
  g_assert_cmpint (second->number, ==, 2);

  latest = mamori_workspace_latest_scope (ws, "tech-info-criteria", &error);
  g_assert_no_error (error);
  g_assert_cmpint (latest->id, ==, second->id);
  g_assert_cmpuint (latest->entries->len, ==, 0);
  all = mamori_workspace_list_scopes (ws, "tech-info-criteria", &error);
  g_assert_no_error (error);
  g_assert_cmpuint (all->len, ==, 2);
  back = mamori_workspace_get_scope (ws, first->id, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (back->decided_by, ==, "山田 太郎");
  g_assert_cmpuint (back->entries->len, ==, 1);
  g_assert_cmpstr (mamori_scope_find (back, MAMORI_SCOPE_EXCLUDED, optional->ref_id)->reason, ==, "紙の重要情報がない");
  g_assert_null (mamori_workspace_get_scope (ws, 9999, &error));
  g_assert_error (error, MAMORI_WORKSPACE_ERROR, MAMORI_WORKSPACE_ERROR_NOT_FOUND);
  g_clear_error (&error);

  /* An assessment keeps its version; a copy keeps it too; a completed one cannot change. */
  assessment = mamori_workspace_create_assessment (ws, "tech-info-criteria", "", "2026-04-02", "", &error);
  g_assert_no_error (error);
  g_assert_cmpint (mamori_workspace_get_assessment_scope (ws, assessment, &error), ==, 0);
  g_assert_true (mamori_workspace_set_assessment_scope (ws, assessment, first->id, &error));
  g_assert_no_error (error);
  g_assert_cmpint (mamori_workspace_get_assessment_scope (ws, assessment, &error), ==, first->id);
  {
    gint64 other = mamori_workspace_create_assessment (ws, "ipa-five-articles", "", "2026-04-02", "", &error);
    g_assert_no_error (error);
    g_assert_false (mamori_workspace_set_assessment_scope (ws, other, first->id, &error));
    g_assert_error (error, MAMORI_WORKSPACE_ERROR, MAMORI_WORKSPACE_ERROR_INVALID);
    g_clear_error (&error);
  }
  mamori_workspace_complete_assessment (ws, assessment, NULL, &error);
  g_assert_no_error (error);
  g_assert_false (mamori_workspace_set_assessment_scope (ws, assessment, second->id, &error));
  g_assert_error (error, MAMORI_WORKSPACE_ERROR, MAMORI_WORKSPACE_ERROR_READ_ONLY);
  g_clear_error (&error);
  copy = mamori_workspace_copy_assessment (ws, assessment, "2027-04-02", &error);
  g_assert_no_error (error);
  g_assert_cmpint (mamori_workspace_get_assessment_scope (ws, copy, &error), ==, first->id);
  g_assert_true (mamori_workspace_set_assessment_scope (ws, copy, 0, &error));
  g_assert_cmpint (mamori_workspace_get_assessment_scope (ws, copy, &error), ==, 0);
}

int
main (int argc, char *argv[])
{
  g_autoptr(GError) error = NULL;
  int status;

  setlocale (LC_ALL, "C.UTF-8");
  g_test_init (&argc, &argv, NULL);
  tmpdir = g_dir_make_tmp ("mamori-scope-XXXXXX", NULL);
  catalog = mamori_catalog_new ();
  g_assert_true (mamori_catalog_load_builtin (catalog, &error));
  g_test_add_func ("/scope/validate", test_validate);
  g_test_add_data_func ("/scope/versions", GINT_TO_POINTER (TEST_ENGINE_SQLITE), test_versions);
  g_test_add_data_func ("/scope/postgresql/versions", GINT_TO_POINTER (TEST_ENGINE_POSTGRESQL), test_versions);
  status = g_test_run ();
  test_pg_cleanup ();
  mamori_catalog_free (catalog);
  {
    g_autofree char *cmd = g_strdup_printf ("rm -rf '%s'", tmpdir);
    (void) !system (cmd);
  }
  return status;
}
