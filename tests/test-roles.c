/* test-roles.c — roles on a server workspace are enforced by PostgreSQL: an editor changes only
 * their departments' assets, through Mamori and through plain SQL; a viewer writes nothing; an
 * auditor cannot edit assets but records audits; a login without a role is told. Needs the test
 * server (MAMORI_TEST_PG; tests/mamori-test-pg.h). */
#include "config.h"

#include <glib/gstdio.h>
#include <locale.h>
#include <string.h>

#include "core/mamori-asset.h"
#include "ops/mamori-ops.h"
#include "store/mamori-assets.h"
#include "store/mamori-assessments.h"
#include "store/mamori-reviews.h"
#include "store/mamori-roles.h"
#include "store/mamori-workspace.h"
#include "mamori-test-pg.h"

static MamoriAsset *
asset (const char *name,
       const char *department)
{
  MamoriAsset *a = mamori_asset_new ();

  g_free (a->name);
  a->name = g_strdup (name);
  g_free (a->managing_department);
  a->managing_department = g_strdup (department);
  g_free (a->medium);
  a->medium = g_strdup ("事務所PC");
  a->confidentiality = 2;
  return a;
}

static gint64
add_asset (MamoriWorkspace *ws,
           const char      *name,
           const char      *department,
           GError         **error)
{
  g_autoptr(GPtrArray) list = g_ptr_array_new_with_free_func ((GDestroyNotify) mamori_asset_free);
  gboolean ok;

  g_ptr_array_add (list, asset (name, department));
  ok = mamori_workspace_add_assets (ws, list, error);
  return ok ? ((MamoriAsset *) list->pdata[0])->id : 0;
}

static char *
query_one (const char *uri,
           const char *sql)
{
  PGconn *conn = test_pg_connect (uri);
  PGresult *r = PQexec (conn, sql);
  char *out = g_strdup (PQresultStatus (r) == PGRES_TUPLES_OK && PQntuples (r) > 0 ? PQgetvalue (r, 0, 0) : "");

  PQclear (r);
  PQfinish (conn);
  return out;
}

static void
test_roles (void)
{
  g_autofree char *uri = NULL, *editor = NULL, *viewer = NULL, *auditor = NULL, *nobody = NULL;
  g_autofree char *as_editor = NULL, *as_viewer = NULL, *as_auditor = NULL, *as_nobody = NULL;
  g_autoptr(MamoriWorkspace) officer = NULL, ed = NULL, vw = NULL, au = NULL;
  g_autoptr(GPtrArray) members = NULL;
  g_autoptr(GError) error = NULL;
  const char *sales[] = { "営業部", NULL };
  gint64 own = 0, other = 0, audit = 0;

  if (!test_pg_available ())
    return;
  uri = test_pg_new_database ();
  officer = mamori_workspace_open (uri, MAMORI_WORKSPACE_OPEN_CREATE, &error);
  g_assert_no_error (error);
  g_assert_true (mamori_workspace_setup_roles (officer, &error));
  g_assert_no_error (error);
  g_assert_cmpint (mamori_workspace_get_role (officer, NULL), ==, MAMORI_ROLE_OFFICER);
  other = add_asset (officer, "製品図面", "製造部", &error);
  g_assert_no_error (error);

  editor = test_pg_new_login ("editor");
  viewer = test_pg_new_login ("viewer");
  auditor = test_pg_new_login ("auditor");
  nobody = test_pg_new_login ("nobody");
  g_assert_false (mamori_workspace_grant_role (officer, editor, MAMORI_ROLE_EDITOR, NULL, NULL, &error));
  g_assert_nonnull (strstr (error->message, "--department"));
  g_clear_error (&error);
  g_assert_false (mamori_workspace_grant_role (officer, "no_such_login", MAMORI_ROLE_VIEWER, NULL, NULL, &error));
  g_assert_nonnull (strstr (error->message, "no_such_login"));
  g_clear_error (&error);
  g_assert_true (mamori_workspace_grant_role (officer, editor, MAMORI_ROLE_EDITOR, sales, "鈴木 一郎", &error));
  g_assert_true (mamori_workspace_grant_role (officer, viewer, MAMORI_ROLE_VIEWER, NULL, NULL, &error));
  g_assert_true (mamori_workspace_grant_role (officer, auditor, MAMORI_ROLE_AUDITOR, NULL, NULL, &error));
  g_assert_no_error (error);
  members = mamori_workspace_list_members (officer, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (members->len, ==, 3);

  /* The editor: their department's asset, not another's; the log names them. */
  as_editor = test_pg_uri_as (uri, editor);
  ed = mamori_workspace_open (as_editor, 0, &error);
  g_assert_no_error (error);
  g_assert_cmpint (mamori_workspace_get_role (ed, NULL), ==, MAMORI_ROLE_EDITOR);
  {
    const MamoriAccess *access = mamori_workspace_get_access (ed);
    g_assert_cmpint (access->role, ==, MAMORI_ROLE_EDITOR);
    g_assert_cmpstrv (access->departments, sales);
    g_assert_true (g_strv_contains ((const char * const *) access->names, editor));
    g_assert_true (g_strv_contains ((const char * const *) access->names, "鈴木 一郎"));
    g_assert_true (mamori_access_may_edit_asset (access, "営業部"));
    g_assert_false (mamori_access_may_edit_asset (access, "製造部"));
  }
  own = add_asset (ed, "顧客名簿", "営業部", &error);
  g_assert_no_error (error);
  g_assert_cmpint (own, >, 0);
  g_assert_cmpint (add_asset (ed, "図面の写し", "製造部", &error), ==, 0);
  g_assert_error (error, MAMORI_WORKSPACE_ERROR, MAMORI_WORKSPACE_ERROR_READ_ONLY);
  g_clear_error (&error);
  {
    g_autoptr(MamoriAsset) theirs = mamori_workspace_get_asset (ed, other, &error);
    g_autoptr(GPtrArray) list = g_ptr_array_new ();
    g_assert_no_error (error);
    g_free (theirs->managing_department);
    theirs->managing_department = g_strdup ("営業部");
    g_ptr_array_add (list, theirs);
    g_assert_false (mamori_workspace_update_assets (ed, list, &error));
    g_assert_nonnull (error);
    g_clear_error (&error);
  }
  {
    g_autofree char *who = query_one (uri, "SELECT os_user FROM change_log WHERE entity = 'asset' ORDER BY id DESC LIMIT 1");
    g_assert_cmpstr (who, ==, editor);
  }
  /* Plain SQL as the editor gets no more: the other department's row does not change, a row
   * for it cannot be added, and the settings cannot be touched. */
  {
    g_autofree char *sql = g_strdup_printf ("UPDATE asset SET name = 'x' WHERE id = %" G_GINT64_FORMAT, other);
    g_autofree char *state = test_pg_exec (as_editor, sql);
    g_autofree char *name = NULL;
    g_autofree char *sql2 = g_strdup_printf ("SELECT name FROM asset WHERE id = %" G_GINT64_FORMAT, other);
    g_autofree char *insert = test_pg_exec (as_editor, "INSERT INTO asset (name, managing_department, updated_at) "
                                                       "VALUES ('y', '製造部', '2026-01-01')");
    g_autofree char *settings = test_pg_exec (as_editor, "UPDATE settings SET value = 'x'");
    g_autofree char *log = test_pg_exec (as_editor, "UPDATE change_log SET summary = 'x'");
    g_assert_cmpstr (state, ==, "");
    name = query_one (uri, sql2);
    g_assert_cmpstr (name, ==, "製品図面");
    g_assert_cmpstr (insert, ==, "42501");
    g_assert_cmpstr (settings, ==, "42501");
    g_assert_cmpstr (log, ==, "42501");
  }

  /* The editor answers the assessment they respond to; once it is someone else's, a save over
   * the version read is refused for the role, not taken for someone else's change. */
  {
    gint64 id = mamori_workspace_create_assessment (officer, "ipa-five-articles", "", "2026-11-30", "鈴木 一郎", &error);
    gint64 version = MAMORI_ROW_VERSION_NONE;
    g_autofree char *sql = NULL, *state = NULL;

    g_assert_no_error (error);
    g_assert_true (mamori_workspace_set_answer_checked (ed, id, "1", 0, 1, FALSE, &version, &error));
    g_assert_no_error (error);
    sql = g_strdup_printf ("UPDATE assessment SET respondent = '田中' WHERE id = %" G_GINT64_FORMAT, id);
    state = test_pg_exec (uri, sql);
    g_assert_cmpstr (state, ==, "");
    g_assert_false (mamori_workspace_set_answer_checked (ed, id, "1", 1, 0, FALSE, &version, &error));
    g_assert_error (error, MAMORI_WORKSPACE_ERROR, MAMORI_WORKSPACE_ERROR_READ_ONLY);
    g_clear_error (&error);
  }

  /* The viewer: opened read-only, says why; plain SQL cannot write. */
  as_viewer = test_pg_uri_as (uri, viewer);
  vw = mamori_workspace_open (as_viewer, 0, &error);
  g_assert_no_error (error);
  g_assert_nonnull (mamori_workspace_get_read_only_reason (vw));
  g_assert_nonnull (strstr (mamori_workspace_get_read_only_reason (vw), "viewer"));
  g_assert_false (mamori_access_may_change_some (mamori_workspace_get_access (vw), MAMORI_ACCESS_REGISTERS));
  /* The viewer's management-review report is a copy: written, not recorded as a review. */
  {
    g_autofree char *dir = g_dir_make_tmp ("mamori-roles-XXXXXX", NULL);
    g_autofree char *out = g_build_filename (dir, "review.md", NULL);
    MamoriOpRequest request = { .path = out };
    g_autoptr(MamoriOpResult) result = NULL;
    g_autofree char *before = query_one (uri, "SELECT count (*) FROM review");
    g_autofree char *after = NULL;

    g_assert_true (mamori_op_run (mamori_op_find (MAMORI_OP_EXPORT, "review"), vw, NULL, &request, &result, &error));
    g_assert_no_error (error);
    g_assert_true (g_file_test (out, G_FILE_TEST_IS_REGULAR));
    after = query_one (uri, "SELECT count (*) FROM review");
    g_assert_cmpstr (after, ==, before);
    g_unlink (out);
    g_rmdir (dir);
  }
  g_assert_cmpint (add_asset (vw, "a", "営業部", &error), ==, 0);
  g_assert_error (error, MAMORI_WORKSPACE_ERROR, MAMORI_WORKSPACE_ERROR_READ_ONLY);
  g_clear_error (&error);
  {
    g_autofree char *state = test_pg_exec (as_viewer, "DELETE FROM asset");
    g_autofree char *count = query_one (uri, "SELECT count (*) FROM asset");
    g_assert_cmpstr (state, ==, "42501");
    g_assert_cmpstr (count, ==, "2");
  }

  /* The auditor: no asset edits; an internal audit's plan and corrective action, yes. */
  as_auditor = test_pg_uri_as (uri, auditor);
  au = mamori_workspace_open (as_auditor, 0, &error);
  g_assert_no_error (error);
  g_assert_cmpint (mamori_workspace_get_access (au)->role, ==, MAMORI_ROLE_AUDITOR);
  g_assert_cmpint (add_asset (au, "a", "営業部", &error), ==, 0);
  g_assert_error (error, MAMORI_WORKSPACE_ERROR, MAMORI_WORKSPACE_ERROR_READ_ONLY);
  g_clear_error (&error);
  audit = mamori_workspace_create_assessment (au, "tech-info-mandatory", "", "2026-11-30", "", &error);
  g_assert_no_error (error);
  {
    MamoriAuditPlan plan = { .assessment = audit, .scope = (char *) "全社", .auditor = (char *) "監査 花子" };
    g_assert_true (mamori_workspace_set_audit_plan (au, &plan, &error));
    g_assert_no_error (error);
  }
  /* … changed again; but a plan never makes someone's answered self-assessment an audit, nor
   * moves to another assessment. */
  {
    MamoriAuditPlan plan = { .assessment = audit, .scope = (char *) "営業部", .auditor = (char *) "監査 花子" };
    gint64 theirs = mamori_workspace_create_assessment (officer, "tech-info-mandatory", "", "2026-11-30", "", &error);
    g_autofree char *move = NULL, *count = NULL, *sql = NULL;
    MamoriAuditPlan takeover = { .assessment = theirs, .scope = (char *) "全社", .auditor = (char *) "監査 花子" };

    g_assert_true (mamori_workspace_set_audit_plan (au, &plan, &error));
    g_assert_no_error (error);
    g_assert_true (mamori_workspace_set_answer (officer, theirs, "1-1", 0, 0, FALSE, &error));
    g_assert_no_error (error);
    g_assert_false (mamori_workspace_set_audit_plan (au, &takeover, &error));
    g_assert_nonnull (error);
    g_clear_error (&error);
    sql = g_strdup_printf ("UPDATE audit_plan SET assessment = %" G_GINT64_FORMAT, theirs);
    move = test_pg_exec (as_auditor, sql);
    g_assert_cmpstr (move, ==, "42501");
    count = query_one (uri, "SELECT count (*) FROM audit_plan");
    g_assert_cmpstr (count, ==, "1");
  }
  {
    g_autofree char *state = test_pg_exec (as_auditor, "UPDATE asset SET name = 'x'");
    g_assert_cmpstr (state, ==, "42501");
  }

  /* A login without a role is told so. */
  as_nobody = test_pg_uri_as (uri, nobody);
  g_assert_null (mamori_workspace_open (as_nobody, 0, &error));
  g_assert_nonnull (error);
  g_assert_nonnull (strstr (error->message, "no role"));
  g_clear_error (&error);

  /* Revoked: the editor has no role any more. */
  g_assert_true (mamori_workspace_revoke_role (officer, editor, &error));
  g_assert_no_error (error);
  mamori_workspace_close (ed);
  g_clear_object (&ed);
  g_assert_null (mamori_workspace_open (as_editor, 0, &error));
  g_assert_nonnull (error);
  g_clear_error (&error);
  mamori_workspace_close (vw);
  mamori_workspace_close (au);
}

/* What each role may change, as the window asks it (the mirror of the server's policies). */
static void
test_access_rules (void)
{
  const char *sales[] = { "営業部", NULL };
  g_autoptr(MamoriAccess) officer = mamori_access_new_officer ();
  g_autoptr(MamoriAccess) editor = mamori_access_new (MAMORI_ROLE_EDITOR, sales, "suzuki", "鈴木 一郎");
  g_autoptr(MamoriAccess) lone = mamori_access_new (MAMORI_ROLE_EDITOR, NULL, "sato", NULL);
  g_autoptr(MamoriAccess) auditor = mamori_access_new (MAMORI_ROLE_AUDITOR, NULL, "kansa", NULL);
  g_autoptr(MamoriAccess) viewer = mamori_access_new (MAMORI_ROLE_VIEWER, NULL, "miru", NULL);
  g_autoptr(MamoriAccess) locked = mamori_access_new_read_only ("Another Mamori has it open.");
  g_autoptr(MamoriAccess) copy = mamori_access_copy (editor);
  g_autofree char *described = mamori_access_describe (editor);
  g_autofree char *why_ledger = mamori_access_explain (editor, MAMORI_ACCESS_LEDGER);
  g_autofree char *why_locked = mamori_access_explain (locked, MAMORI_ACCESS_LEDGER);
  g_autofree char *why_officer = mamori_access_explain (officer, MAMORI_ACCESS_DOCUMENTS);

  /* The officer: everything. */
  g_assert_true (mamori_access_is_officer (officer));
  g_assert_true (mamori_access_may_edit_asset (officer, "製造部"));
  g_assert_true (mamori_access_may_edit_record (officer, "acceptances", NULL, TRUE));
  g_assert_null (why_officer);

  /* The editor: their department's assets, exceptions and people; incidents but not deleting
   * them; the assessments they answer. */
  g_assert_false (mamori_access_is_officer (editor));
  g_assert_true (mamori_access_may_edit_asset (editor, "営業部"));
  g_assert_false (mamori_access_may_edit_asset (editor, "製造部"));
  g_assert_false (mamori_access_may_edit_asset (editor, ""));
  g_assert_true (mamori_access_may_add_assets (editor));
  g_assert_false (mamori_access_may_add_assets (lone));
  g_assert_true (mamori_access_may_edit_record (editor, "exceptions", "営業部", TRUE));
  g_assert_false (mamori_access_may_edit_record (editor, "exceptions", "製造部", FALSE));
  g_assert_true (mamori_access_may_edit_record (editor, "incidents", NULL, FALSE));
  g_assert_false (mamori_access_may_edit_record (editor, "incidents", NULL, TRUE));
  g_assert_true (mamori_access_may_edit_record (editor, "incident_updates", NULL, FALSE));
  g_assert_false (mamori_access_may_edit_record (editor, "acceptances", NULL, FALSE));
  g_assert_true (mamori_access_may_add_record (editor, "people"));
  g_assert_false (mamori_access_may_add_record (lone, "people"));
  g_assert_true (mamori_access_may_add_record (lone, "incidents"));
  g_assert_false (mamori_access_may_add_record (editor, "suppliers"));
  g_assert_cmpstr (mamori_access_record_unit_field ("exceptions"), ==, "applicant_unit");
  g_assert_null (mamori_access_record_unit_field ("incidents"));
  g_assert_true (mamori_access_may_answer (editor, "鈴木 一郎", FALSE));
  g_assert_true (mamori_access_may_answer (editor, "suzuki", FALSE));
  g_assert_false (mamori_access_may_answer (editor, "田中", FALSE));
  g_assert_false (mamori_access_may_answer (editor, "", TRUE));
  g_assert_false (mamori_access_may_start_assessment (editor));
  g_assert_false (mamori_access_may_change_some (editor, MAMORI_ACCESS_DOCUMENTS));
  g_assert_false (mamori_access_may_change_some (editor, MAMORI_ACCESS_SETTINGS));
  g_assert_true (mamori_access_may_answer (copy, "鈴木 一郎", FALSE));
  g_assert_nonnull (strstr (described, "営業部"));
  g_assert_nonnull (strstr (why_ledger, "営業部"));

  /* The auditor: internal audits and their assessments only. */
  g_assert_true (mamori_access_may_start_assessment (auditor));
  g_assert_true (mamori_access_may_answer (auditor, "", TRUE));
  g_assert_false (mamori_access_may_answer (auditor, "kansa", FALSE));
  g_assert_true (mamori_access_may_change_some (auditor, MAMORI_ACCESS_AUDITS));
  g_assert_false (mamori_access_may_change_some (auditor, MAMORI_ACCESS_LEDGER));
  g_assert_false (mamori_access_may_edit_asset (auditor, "営業部"));
  g_assert_true (mamori_access_may_plan_audit (auditor, FALSE, FALSE));
  g_assert_true (mamori_access_may_plan_audit (auditor, TRUE, TRUE));
  g_assert_false (mamori_access_may_plan_audit (auditor, FALSE, TRUE));
  g_assert_true (mamori_access_may_plan_audit (officer, FALSE, TRUE));
  g_assert_false (mamori_access_may_plan_audit (editor, FALSE, FALSE));

  /* The viewer, and a workspace opened for reading only: nothing, and it says why. */
  for (MamoriAccessArea area = MAMORI_ACCESS_LEDGER; area <= MAMORI_ACCESS_SETTINGS; area++)
    {
      g_autofree char *why = mamori_access_explain (viewer, area);
      g_assert_false (mamori_access_may_change_some (viewer, area));
      g_assert_false (mamori_access_may_change_some (locked, area));
      g_assert_nonnull (why);
    }
  g_assert_false (mamori_access_may_answer (viewer, "miru", TRUE));
  g_assert_false (mamori_access_may_edit_record (viewer, "incidents", NULL, FALSE));
  g_assert_false (mamori_access_is_officer (locked));
  g_assert_false (mamori_access_may_edit_asset (locked, "営業部"));
  g_assert_nonnull (strstr (why_locked, "Another Mamori has it open."));
}

/* A workspace file has no roles: its user is the officer, and granting is refused. */
static void
test_file_has_no_roles (void)
{
  g_autofree char *dir = g_dir_make_tmp ("mamori-roles-XXXXXX", NULL);
  g_autofree char *path = g_build_filename (dir, "w.mamori", NULL);
  g_autoptr(MamoriWorkspace) ws = NULL;
  g_autoptr(GError) error = NULL;

  ws = mamori_workspace_open (path, MAMORI_WORKSPACE_OPEN_CREATE, &error);
  g_assert_no_error (error);
  g_assert_cmpint (mamori_workspace_get_role (ws, NULL), ==, MAMORI_ROLE_OFFICER);
  g_assert_true (mamori_access_is_officer (mamori_workspace_get_access (ws)));
  g_assert_true (mamori_workspace_setup_roles (ws, &error));
  g_assert_false (mamori_workspace_grant_role (ws, "alice", MAMORI_ROLE_VIEWER, NULL, NULL, &error));
  g_assert_error (error, MAMORI_WORKSPACE_ERROR, MAMORI_WORKSPACE_ERROR_INVALID);
  mamori_workspace_close (ws);
  g_unlink (path);
  g_rmdir (dir);
}

int
main (int argc, char *argv[])
{
  int status;

  setlocale (LC_ALL, "C.UTF-8");
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/roles/access-rules", test_access_rules);
  g_test_add_func ("/roles/file-has-none", test_file_has_no_roles);
  g_test_add_func ("/roles/postgresql/enforced", test_roles);
  status = g_test_run ();
  test_pg_cleanup ();
  return status;
}
