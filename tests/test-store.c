/* test-store.c — the workspace file: creation, reopen, migrations, bad files, writes */
#include "config.h"

#include <glib/gstdio.h>
#include <locale.h>
#include <sqlite3.h>
#include <sys/stat.h>
#include <unistd.h>

#include "core/mamori-catalog.h"
#include "core/mamori-demo.h"
#include "core/mamori-stepup.h"
#include "core/mamori-template.h"
#include "report/mamori-audit-report.h"
#include "store/mamori-assessments.h"
#include "store/mamori-assessments-private.h"
#include "store/mamori-assets.h"
#include "store/mamori-assets-private.h"
#include "store/mamori-documents.h"
#include "store/mamori-documents-private.h"
#include "store/mamori-reviews.h"
#include "store/mamori-workspace.h"
#include "store/mamori-workspace-private.h"

typedef struct {
  char *dir;
} Fixture;

static void
fixture_setup (Fixture *f, gconstpointer data)
{
  f->dir = g_dir_make_tmp ("mamori-store-XXXXXX", NULL);
  g_assert_nonnull (f->dir);
}

static void
remove_tree (const char *path)
{
  GDir *dir = g_dir_open (path, 0, NULL);
  const char *name;

  if (dir == NULL)
    {
      g_unlink (path);
      return;
    }
  while ((name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *child = g_build_filename (path, name, NULL);
      if (g_file_test (child, G_FILE_TEST_IS_DIR))
        remove_tree (child);
      else
        g_unlink (child);
    }
  g_dir_close (dir);
  g_rmdir (path);
}

static void
fixture_teardown (Fixture *f, gconstpointer data)
{
  remove_tree (f->dir);
  g_free (f->dir);
}

static char *
path_in (Fixture *f, const char *name)
{
  return g_build_filename (f->dir, name, NULL);
}

static MamoriWorkspace *
new_workspace (Fixture *f, const char *name)
{
  g_autofree char *path = path_in (f, name);
  g_autoptr(GError) error = NULL;
  MamoriWorkspace *ws = mamori_workspace_open (path, MAMORI_WORKSPACE_OPEN_CREATE, &error);

  g_assert_no_error (error);
  g_assert_nonnull (ws);
  return ws;
}

static gboolean
fill_demo (MamoriWorkspace *ws, gpointer data, GError **error)
{
  g_autoptr(MamoriProfile) p = mamori_demo_profile ();
  return mamori_workspace_set_profile (ws, p, error) &&
         mamori_workspace_set_task_done (ws, "s1.five-articles", TRUE, error);
}

/* A closed demo workspace at name, several pages long. */
static char *
make_demo_file (Fixture *f, const char *name)
{
  g_autofree char *path = path_in (f, name);
  g_autoptr(MamoriWorkspace) ws = new_workspace (f, name);
  g_autoptr(GError) error = NULL;

  g_assert_true (mamori_workspace_transaction (ws, fill_demo, NULL, &error));
  g_assert_no_error (error);
  mamori_workspace_close (ws);
  return g_steal_pointer (&path);
}

static gint64
sql_int (const char *path, const char *sql)
{
  sqlite3 *db = NULL;
  sqlite3_stmt *stmt = NULL;
  gint64 v = -1;

  g_assert_cmpint (sqlite3_open_v2 (path, &db, SQLITE_OPEN_READONLY, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_prepare_v2 (db, sql, -1, &stmt, NULL), ==, SQLITE_OK);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    v = sqlite3_column_int64 (stmt, 0);
  sqlite3_finalize (stmt);
  sqlite3_close (db);
  return v;
}

/* --- creation and reopening ---------------------------------------------------------------- */

static void
test_create (Fixture *f, gconstpointer data)
{
  g_autofree char *path = path_in (f, "sub/dir/new.mamori");
  g_autoptr(GError) error = NULL;
  g_autoptr(MamoriWorkspace) ws = mamori_workspace_open (path, MAMORI_WORKSPACE_OPEN_CREATE, &error);
  g_autoptr(MamoriProfile) profile = NULL;
  gboolean empty = FALSE;
  GStatBuf st;

  g_assert_no_error (error);
  g_assert_cmpint (mamori_workspace_get_schema_version (ws), ==, MAMORI_WORKSPACE_SCHEMA_VERSION);
  g_assert_true (mamori_workspace_is_empty (ws, &empty, &error));
  g_assert_true (empty);
  profile = mamori_workspace_get_profile (ws, &error);
  g_assert_no_error (error);
  g_assert_true (mamori_profile_is_blank (profile));

  g_assert_cmpint (g_stat (path, &st), ==, 0);
  g_assert_cmpint (st.st_mode & 0777, ==, 0600);
  mamori_workspace_close (ws);

  {
    /* Closed: no temporary, journal or WAL file is left beside it. */
    g_autofree char *dir = g_path_get_dirname (path);
    GDir *d = g_dir_open (dir, 0, NULL);
    const char *name;
    guint n = 0;
    while ((name = g_dir_read_name (d)) != NULL)
      {
        g_assert_cmpstr (name, ==, "new.mamori");
        n++;
      }
    g_dir_close (d);
    g_assert_cmpuint (n, ==, 1);
  }
  g_assert_cmpint (sql_int (path, "PRAGMA application_id"), ==, MAMORI_APPLICATION_ID_INT);
  g_assert_cmpint (sql_int (path, "PRAGMA user_version"), ==, MAMORI_WORKSPACE_SCHEMA_VERSION);
}

static void
test_connection_settings (Fixture *f, gconstpointer data)
{
  g_autoptr(MamoriWorkspace) ws = new_workspace (f, "pragmas.mamori");
  g_autofree char *path = path_in (f, "pragmas.mamori");
  g_autofree char *wal = g_strconcat (path, "-wal", NULL);

  /* WAL mode: the -wal file exists while the workspace is open. */
  g_assert_true (g_file_test (wal, G_FILE_TEST_EXISTS));
  g_assert_cmpint (sql_int (path, "SELECT count(*) FROM pragma_journal_mode WHERE journal_mode = 'wal'"), ==, 1);
  mamori_workspace_close (ws);
}

static void
test_reopen (Fixture *f, gconstpointer data)
{
  g_autofree char *path = make_demo_file (f, "demo.mamori");
  g_autoptr(GError) error = NULL;
  g_autoptr(MamoriWorkspace) ws = mamori_workspace_open (path, MAMORI_WORKSPACE_OPEN_EXISTING, &error);
  g_autoptr(MamoriProfile) profile = NULL;
  g_autoptr(GHashTable) done = NULL;
  gboolean empty = TRUE;

  g_assert_no_error (error);
  profile = mamori_workspace_get_profile (ws, &error);
  g_assert_cmpstr (profile->name, ==, "株式会社サンプル製作所");
  g_assert_cmpint (profile->employees, ==, 30);
  done = mamori_workspace_get_done_tasks (ws, &error);
  g_assert_true (g_hash_table_contains (done, "s1.five-articles"));
  g_assert_cmpuint (g_hash_table_size (done), ==, 1);
  g_assert_true (mamori_workspace_is_empty (ws, &empty, &error));
  g_assert_false (empty);
}

static void
test_open_missing (Fixture *f, gconstpointer data)
{
  g_autofree char *path = path_in (f, "missing.mamori");
  g_autoptr(GError) error = NULL;
  MamoriWorkspace *ws = mamori_workspace_open (path, MAMORI_WORKSPACE_OPEN_EXISTING, &error);

  g_assert_null (ws);
  g_assert_error (error, MAMORI_WORKSPACE_ERROR, MAMORI_WORKSPACE_ERROR_NOT_FOUND);
  g_assert_true (mamori_workspace_error_is_bad_input (error));
  g_assert_nonnull (strstr (error->message, "missing.mamori"));
  g_assert_false (g_file_test (path, G_FILE_TEST_EXISTS));
}

/* --- migrations ------------------------------------------------------------------------------ */

static void
test_migrate_from_every_version (Fixture *f, gconstpointer data)
{
  for (int v = 1; v < MAMORI_WORKSPACE_SCHEMA_VERSION; v++)
    {
      g_autofree char *name = g_strdup_printf ("v%d.mamori", v);
      g_autofree char *path = path_in (f, name);
      g_autoptr(GError) error = NULL;
      g_autoptr(MamoriWorkspace) ws = NULL;
      g_autoptr(MamoriProfile) profile = NULL;
      g_autoptr(GPtrArray) problems = NULL;
      sqlite3 *db = NULL;

      g_assert_true (mamori_workspace_create_at_version (path, v, &error));
      g_assert_no_error (error);
      g_assert_cmpint (sql_int (path, "PRAGMA user_version"), ==, v);

      /* Data written by that version survives the migration. */
      g_assert_cmpint (sqlite3_open (path, &db), ==, SQLITE_OK);
      g_assert_cmpint (sqlite3_exec (db, "UPDATE organisation SET name = '旧版の会社' WHERE id = 1",
                                     NULL, NULL, NULL), ==, SQLITE_OK);
      sqlite3_close (db);

      ws = mamori_workspace_open (path, MAMORI_WORKSPACE_OPEN_EXISTING, &error);
      g_assert_no_error (error);
      g_assert_cmpint (mamori_workspace_get_schema_version (ws), ==, MAMORI_WORKSPACE_SCHEMA_VERSION);
      profile = mamori_workspace_get_profile (ws, &error);
      g_assert_cmpstr (profile->name, ==, "旧版の会社");
      g_assert_true (mamori_workspace_set_task_done (ws, "s2.policy", TRUE, &error));
      g_assert_true (mamori_workspace_check (ws, &problems, &error));
      g_assert_cmpuint (problems->len, ==, 0);
    }
}

/* --- bad files: a clear error naming the file, and the file unchanged ----------------------- */

typedef struct {
  guint8 *bytes;
  gsize len;
  gint64 mtime;
} Snapshot;

static Snapshot
snapshot (const char *path)
{
  Snapshot s = { 0 };
  GStatBuf st;

  g_assert_true (g_file_get_contents (path, (char **) &s.bytes, &s.len, NULL));
  g_assert_cmpint (g_stat (path, &st), ==, 0);
  s.mtime = st.st_mtime;
  return s;
}

static void
assert_unchanged (const char *path, Snapshot *before)
{
  Snapshot after = snapshot (path);
  g_autofree char *wal = g_strconcat (path, "-wal", NULL);

  g_assert_cmpmem (before->bytes, before->len, after.bytes, after.len);
  g_assert_cmpint (before->mtime, ==, after.mtime);
  g_assert_false (g_file_test (wal, G_FILE_TEST_EXISTS));
  g_free (after.bytes);
  g_free (before->bytes);
}

static void
assert_rejected (const char *path, int code)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *base = g_path_get_basename (path);
  MamoriWorkspace *ws;

  /* Neither plain opening nor “create when missing” may touch it. */
  ws = mamori_workspace_open (path, MAMORI_WORKSPACE_OPEN_EXISTING, &error);
  g_assert_null (ws);
  g_assert_error (error, MAMORI_WORKSPACE_ERROR, code);
  g_assert_true (mamori_workspace_error_is_bad_input (error));
  g_assert_nonnull (strstr (error->message, base));
  g_clear_error (&error);
  ws = mamori_workspace_open (path, MAMORI_WORKSPACE_OPEN_CREATE, &error);
  g_assert_null (ws);
  g_assert_error (error, MAMORI_WORKSPACE_ERROR, code);
}

static void
test_bad_png (Fixture *f, gconstpointer data)
{
  g_autofree char *path = path_in (f, "picture.mamori");
  static const guint8 png[] = { 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n', 0, 0, 0, 13, 'I', 'H', 'D', 'R',
                                0, 0, 0, 1, 0, 0, 0, 1, 8, 6, 0, 0, 0, 0x1f, 0x15, 0xc4, 0x89 };
  Snapshot before;

  g_assert_true (g_file_set_contents (path, (const char *) png, sizeof png, NULL));
  before = snapshot (path);
  assert_rejected (path, MAMORI_WORKSPACE_ERROR_NOT_SQLITE);
  assert_unchanged (path, &before);
}

static void
test_bad_truncated (Fixture *f, gconstpointer data)
{
  g_autofree char *path = make_demo_file (f, "whole.mamori");
  g_autofree char *cut = path_in (f, "cut.mamori");
  g_autofree char *tiny = path_in (f, "tiny.mamori");
  g_autofree char *contents = NULL;
  gsize len;
  Snapshot before;

  g_assert_true (g_file_get_contents (path, &contents, &len, NULL));
  g_assert_cmpuint (len, >=, 3 * 4096);

  /* Page-aligned cut: the header says more pages than there are. */
  g_assert_true (g_file_set_contents (cut, contents, 2 * 4096, NULL));
  before = snapshot (cut);
  assert_rejected (cut, MAMORI_WORKSPACE_ERROR_TRUNCATED);
  assert_unchanged (cut, &before);

  /* Cut inside the header. */
  g_assert_true (g_file_set_contents (tiny, contents, 60, NULL));
  before = snapshot (tiny);
  assert_rejected (tiny, MAMORI_WORKSPACE_ERROR_TRUNCATED);
  assert_unchanged (tiny, &before);

  /* Cut in the middle of a page. */
  g_assert_true (g_file_set_contents (cut, contents, len - 1000, NULL));
  before = snapshot (cut);
  assert_rejected (cut, MAMORI_WORKSPACE_ERROR_TRUNCATED);
  assert_unchanged (cut, &before);
}

static void
test_bad_foreign_sqlite (Fixture *f, gconstpointer data)
{
  g_autofree char *path = path_in (f, "other-program.mamori");
  sqlite3 *db = NULL;
  Snapshot before;

  g_assert_cmpint (sqlite3_open (path, &db), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_exec (db, "CREATE TABLE invoices (id INTEGER PRIMARY KEY, amount REAL);"
                                     "INSERT INTO invoices (amount) VALUES (1200.5);", NULL, NULL, NULL), ==, SQLITE_OK);
  sqlite3_close (db);
  before = snapshot (path);
  assert_rejected (path, MAMORI_WORKSPACE_ERROR_FOREIGN);
  assert_unchanged (path, &before);
}

static void
test_bad_directory (Fixture *f, gconstpointer data)
{
  g_autofree char *path = path_in (f, "folder.mamori");

  g_assert_cmpint (g_mkdir (path, 0700), ==, 0);
  assert_rejected (path, MAMORI_WORKSPACE_ERROR_IS_DIRECTORY);
  g_assert_true (g_file_test (path, G_FILE_TEST_IS_DIR));
}

static void
test_bad_empty_file (Fixture *f, gconstpointer data)
{
  g_autofree char *path = path_in (f, "empty.mamori");
  Snapshot before;

  g_assert_true (g_file_set_contents (path, "", 0, NULL));
  before = snapshot (path);
  assert_rejected (path, MAMORI_WORKSPACE_ERROR_EMPTY_FILE);
  assert_unchanged (path, &before);
}

static void
test_bad_too_new (Fixture *f, gconstpointer data)
{
  g_autofree char *path = make_demo_file (f, "future.mamori");
  sqlite3 *db = NULL;
  Snapshot before;

  g_assert_cmpint (sqlite3_open (path, &db), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_exec (db, "PRAGMA journal_mode = DELETE; PRAGMA user_version = 99", NULL, NULL, NULL), ==, SQLITE_OK);
  sqlite3_close (db);
  before = snapshot (path);
  assert_rejected (path, MAMORI_WORKSPACE_ERROR_TOO_NEW);
  assert_unchanged (path, &before);
}

static void
test_bad_unreadable (Fixture *f, gconstpointer data)
{
  if (g_test_subprocess ())
    {
      const char *path = g_getenv ("MAMORI_TEST_UNREADABLE");
      /* root reads anything: drop to an ordinary user so the permission counts. */
      if (geteuid () == 0)
        {
          g_assert_cmpint (setgid (65534), ==, 0);
          g_assert_cmpint (setuid (65534), ==, 0);
        }
      assert_rejected (path, MAMORI_WORKSPACE_ERROR_UNREADABLE);
      return;
    }
  {
    g_autofree char *path = make_demo_file (f, "locked.mamori");
    Snapshot before = snapshot (path);

    g_assert_cmpint (g_chmod (f->dir, 0755), ==, 0);
    g_assert_cmpint (g_chmod (path, 0000), ==, 0);
    g_setenv ("MAMORI_TEST_UNREADABLE", path, TRUE);
    g_test_trap_subprocess (NULL, 0, G_TEST_SUBPROCESS_INHERIT_STDERR);
    g_test_trap_assert_passed ();
    g_assert_cmpint (g_chmod (path, 0600), ==, 0);
    assert_unchanged (path, &before);
  }
}

/* --- writes ------------------------------------------------------------------------------------ */

static void
count_changed (MamoriWorkspace *ws, const char *entity, gpointer data)
{
  (*(int *) data)++;
}

static void
test_change_log (Fixture *f, gconstpointer data)
{
  g_autoptr(MamoriWorkspace) ws = new_workspace (f, "log.mamori");
  g_autoptr(MamoriProfile) p = mamori_profile_new ();
  g_autoptr(GPtrArray) log = NULL;
  g_autoptr(GError) error = NULL;
  MamoriChangeLogEntry *e;
  int changed = 0;

  g_signal_connect (ws, "changed", G_CALLBACK (count_changed), &changed);
  g_assert_true (mamori_profile_set_field (p, MAMORI_PROFILE_FIELD_NAME, "ACME", NULL));
  g_assert_true (mamori_workspace_set_profile (ws, p, &error));
  g_assert_cmpint (changed, ==, 1);
  /* An unchanged save writes nothing. */
  g_assert_true (mamori_workspace_set_profile (ws, p, &error));
  g_assert_true (mamori_workspace_set_task_done (ws, "s1.share", TRUE, &error));
  g_assert_true (mamori_workspace_set_task_done (ws, "s1.share", TRUE, &error));
  g_assert_true (mamori_workspace_set_task_done (ws, "s1.share", FALSE, &error));
  g_assert_true (mamori_workspace_set_setting (ws, "risk_method", "ipa", &error));
  g_assert_no_error (error);
  g_assert_cmpint (changed, ==, 4);

  log = mamori_workspace_list_changes (ws, 0, &error);
  g_assert_cmpuint (log->len, ==, 4);
  e = log->pdata[3];
  g_assert_cmpstr (e->entity, ==, "organisation");
  g_assert_nonnull (strstr (e->summary, "ACME"));
  g_assert_cmpstr (e->os_user, ==, g_get_user_name ());
  g_assert_true (g_regex_match_simple ("^\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d[+-]\\d\\d:\\d\\d$", e->at, 0, 0));
  e = log->pdata[0];
  g_assert_cmpstr (e->entity, ==, "settings");
  e = log->pdata[1];
  g_assert_cmpstr (e->action, ==, "undone");

  g_clear_pointer (&log, g_ptr_array_unref);
  log = mamori_workspace_list_changes (ws, 2, &error);
  g_assert_cmpuint (log->len, ==, 2);

  {
    g_autofree char *v = mamori_workspace_get_setting (ws, "risk_method", &error);
    g_autofree char *none = mamori_workspace_get_setting (ws, "nothing", &error);
    g_assert_cmpstr (v, ==, "ipa");
    g_assert_null (none);
    g_assert_no_error (error);
  }
}

static void
test_invalid_profile_rejected (Fixture *f, gconstpointer data)
{
  g_autoptr(MamoriWorkspace) ws = new_workspace (f, "invalid.mamori");
  g_autoptr(MamoriProfile) p = mamori_profile_new ();
  g_autoptr(MamoriProfile) stored = NULL;
  g_autoptr(GPtrArray) log = NULL;
  g_autoptr(GError) error = NULL;

  p->employees = -5;
  g_assert_false (mamori_workspace_set_profile (ws, p, &error));
  g_assert_error (error, MAMORI_PROFILE_ERROR, MAMORI_PROFILE_ERROR_INVALID);
  g_clear_error (&error);
  stored = mamori_workspace_get_profile (ws, &error);
  g_assert_cmpint (stored->employees, ==, 0);
  log = mamori_workspace_list_changes (ws, 0, &error);
  g_assert_cmpuint (log->len, ==, 0);
}

static gboolean
fail_halfway (MamoriWorkspace *ws, gpointer data, GError **error)
{
  g_autoptr(MamoriProfile) p = mamori_demo_profile ();

  if (!mamori_workspace_set_profile (ws, p, error) ||
      !mamori_workspace_set_task_done (ws, "s1.share", TRUE, error))
    return FALSE;
  g_set_error_literal (error, MAMORI_WORKSPACE_ERROR, MAMORI_WORKSPACE_ERROR_FAILED, "stop here");
  return FALSE;
}

static void
test_transaction_rollback (Fixture *f, gconstpointer data)
{
  g_autoptr(MamoriWorkspace) ws = new_workspace (f, "batch.mamori");
  g_autoptr(GError) error = NULL;
  g_autoptr(MamoriProfile) p = NULL;
  g_autoptr(GHashTable) done = NULL;
  g_autoptr(GPtrArray) log = NULL;
  gboolean empty = FALSE;
  int changed = 0;

  g_signal_connect (ws, "changed", G_CALLBACK (count_changed), &changed);
  g_assert_false (mamori_workspace_transaction (ws, fail_halfway, NULL, &error));
  g_assert_error (error, MAMORI_WORKSPACE_ERROR, MAMORI_WORKSPACE_ERROR_FAILED);
  g_clear_error (&error);
  /* Nothing of the batch stays, and nobody was told of changes that did not happen. */
  g_assert_cmpint (changed, ==, 0);
  g_assert_true (mamori_workspace_is_empty (ws, &empty, &error));
  g_assert_true (empty);
  p = mamori_workspace_get_profile (ws, &error);
  g_assert_cmpstr (p->name, ==, "");
  done = mamori_workspace_get_done_tasks (ws, &error);
  g_assert_cmpuint (g_hash_table_size (done), ==, 0);
  log = mamori_workspace_list_changes (ws, 0, &error);
  g_assert_cmpuint (log->len, ==, 0);

  /* The same batch without the failure commits as a whole, then signals. */
  g_assert_true (mamori_workspace_transaction (ws, fill_demo, NULL, &error));
  g_assert_no_error (error);
  g_assert_cmpint (changed, ==, 2);
}

static void
test_disk_full (Fixture *f, gconstpointer data)
{
  g_autofree char *path = path_in (f, "full.mamori");
  g_autoptr(MamoriWorkspace) ws = new_workspace (f, "full.mamori");
  g_autoptr(GError) error = NULL;
  guint n_tasks, committed = 0;
  const MamoriStepTask *tasks = mamori_stepup_tasks (&n_tasks);
  g_autoptr(GHashTable) done = NULL;

  g_assert_true (mamori_workspace_limit_size_for_test (ws, 0));
  /* Keep writing until the file may not grow: then a clear error, and every write that
   * reported success is still there. */
  for (guint i = 0; i < 2000 && error == NULL; i++)
    {
      g_autofree char *key = g_strdup_printf ("%s.%u", tasks[i % n_tasks].key, i);
      if (mamori_workspace_set_task_done (ws, key, TRUE, &error))
        committed++;
    }
  g_assert_error (error, MAMORI_WORKSPACE_ERROR, MAMORI_WORKSPACE_ERROR_DISK_FULL);
  g_assert_false (mamori_workspace_error_is_bad_input (error));
  g_assert_nonnull (strstr (error->message, "full.mamori"));
  mamori_workspace_close (ws);
  g_clear_object (&ws);

  ws = mamori_workspace_open (path, MAMORI_WORKSPACE_OPEN_EXISTING, &error);
  g_clear_error (&error);
  g_assert_nonnull (ws);
  done = mamori_workspace_get_done_tasks (ws, &error);
  g_assert_cmpuint (g_hash_table_size (done), ==, committed);
}

static void
test_check_detects_damage (Fixture *f, gconstpointer data)
{
  g_autofree char *path = make_demo_file (f, "damaged.mamori");
  g_autoptr(GError) error = NULL;
  g_autoptr(MamoriWorkspace) ws = NULL;
  g_autoptr(GPtrArray) problems = NULL;
  g_autofree char *contents = NULL;
  gsize len;

  /* Overwrite the inside of every page after the first (the header still looks fine). */
  g_assert_true (g_file_get_contents (path, &contents, &len, NULL));
  for (gsize page = 1; page < len / 4096; page++)
    memset (contents + page * 4096 + 8, 0xA5, 3000);
  g_assert_true (g_file_set_contents (path, contents, len, NULL));

  ws = mamori_workspace_open (path, MAMORI_WORKSPACE_OPEN_EXISTING, &error);
  if (ws == NULL)
    {
      g_assert_error (error, MAMORI_WORKSPACE_ERROR, MAMORI_WORKSPACE_ERROR_CORRUPT);
      return;
    }
  if (mamori_workspace_check (ws, &problems, &error))
    g_assert_cmpuint (problems->len, >, 0);
  else
    g_assert_error (error, MAMORI_WORKSPACE_ERROR, MAMORI_WORKSPACE_ERROR_CORRUPT);
}

typedef struct {
  GError *error;
  gboolean done;
} AsyncResult;

static void
save_copy_ready (GObject *source, GAsyncResult *result, gpointer data)
{
  AsyncResult *r = data;
  mamori_workspace_save_copy_finish (MAMORI_WORKSPACE (source), result, &r->error);
  r->done = TRUE;
}

static void
test_save_copy (Fixture *f, gconstpointer data)
{
  g_autofree char *path = make_demo_file (f, "original.mamori");
  g_autofree char *copy = path_in (f, "copy.mamori");
  g_autofree char *copy2 = path_in (f, "copy2.mamori");
  g_autoptr(GError) error = NULL;
  g_autoptr(MamoriWorkspace) ws = mamori_workspace_open (path, MAMORI_WORKSPACE_OPEN_EXISTING, &error);
  g_autoptr(MamoriWorkspace) ws2 = NULL;
  g_autoptr(MamoriProfile) p = NULL;
  GStatBuf st;

  /* A change not yet checkpointed into the main file must be in the copy. */
  g_assert_true (mamori_workspace_set_task_done (ws, "s2.policy", TRUE, &error));
  g_assert_true (mamori_workspace_save_copy (ws, copy, &error));
  g_assert_no_error (error);
  g_assert_cmpint (g_stat (copy, &st), ==, 0);
  g_assert_cmpint (st.st_mode & 0777, ==, 0600);

  ws2 = mamori_workspace_open (copy, MAMORI_WORKSPACE_OPEN_EXISTING, &error);
  g_assert_no_error (error);
  p = mamori_workspace_get_profile (ws2, &error);
  g_assert_cmpstr (p->name, ==, "株式会社サンプル製作所");
  {
    g_autoptr(GHashTable) done = mamori_workspace_get_done_tasks (ws2, &error);
    g_assert_true (g_hash_table_contains (done, "s2.policy"));
  }

  /* The async form, as the window uses it. */
  {
    AsyncResult r = { NULL, FALSE };
    mamori_workspace_save_copy_async (ws, copy2, NULL, save_copy_ready, &r);
    while (!r.done)
      g_main_context_iteration (NULL, TRUE);
    g_assert_no_error (r.error);
    g_assert_true (g_file_test (copy2, G_FILE_TEST_IS_REGULAR));
  }

  /* Into a folder: refused, folder untouched. */
  g_assert_false (mamori_workspace_save_copy (ws, f->dir, &error));
  g_assert_error (error, MAMORI_WORKSPACE_ERROR, MAMORI_WORKSPACE_ERROR_IS_DIRECTORY);
  g_clear_error (&error);
  /* Into a folder that does not exist: a clear error, nothing left behind. */
  {
    g_autofree char *bad = path_in (f, "no/such/dir/x.mamori");
    g_assert_false (mamori_workspace_save_copy (ws, bad, &error));
    g_assert_nonnull (error);
  }
}

static void
test_create_replacing (Fixture *f, gconstpointer data)
{
  g_autofree char *path = make_demo_file (f, "replace.mamori");
  g_autoptr(GError) error = NULL;
  g_autoptr(MamoriWorkspace) ws = mamori_workspace_create_replacing (path, &error);
  gboolean empty = FALSE;

  g_assert_no_error (error);
  g_assert_true (mamori_workspace_is_empty (ws, &empty, &error));
  g_assert_true (empty);
}

/* The ledger's treatment check refuses what is not a treatment, and writing a row builds no
 * temporary index (a CHECK with `IN (five values)` did, for every row: migration 13). */
static void
test_asset_treatment_check (Fixture *f, gconstpointer data)
{
  g_autofree char *path = path_in (f, "check.mamori");
  g_autoptr(MamoriWorkspace) ws = mamori_workspace_open (path, MAMORI_WORKSPACE_OPEN_CREATE, NULL);
  sqlite3 *db = NULL;
  sqlite3_stmt *stmt = NULL;
  const char *insert = "INSERT INTO asset (name, confidentiality, integrity, availability, treatment, updated_at) "
                       "VALUES ('x', 1, 1, 1, ?1, '2026-01-01')";
  gboolean ephemeral = FALSE;

  g_assert_nonnull (ws);
  mamori_workspace_close (ws);
  g_assert_cmpint (sqlite3_open (path, &db), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_prepare_v2 (db, insert, -1, &stmt, NULL), ==, SQLITE_OK);
  sqlite3_bind_text (stmt, 1, "reduce", -1, SQLITE_STATIC);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_DONE);
  sqlite3_reset (stmt);
  sqlite3_bind_text (stmt, 1, "ignore", -1, SQLITE_STATIC);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_CONSTRAINT);
  sqlite3_finalize (stmt);
  {
    g_autofree char *explain = g_strconcat ("EXPLAIN ", insert, NULL);
    g_assert_cmpint (sqlite3_prepare_v2 (db, explain, -1, &stmt, NULL), ==, SQLITE_OK);
    while (sqlite3_step (stmt) == SQLITE_ROW)
      ephemeral |= g_strcmp0 ((const char *) sqlite3_column_text (stmt, 1), "OpenEphemeral") == 0;
    sqlite3_finalize (stmt);
  }
  g_assert_false (ephemeral);
  sqlite3_close (db);
  g_assert_cmpint (sql_int (path, "SELECT count (*) FROM asset"), ==, 1);
}

static void
test_default_path (void)
{
  g_autofree char *path = mamori_workspace_default_path ();
  g_autofree char *expected = g_build_filename (g_get_user_data_dir (), "mamori", "default.mamori", NULL);

  g_assert_cmpstr (path, ==, expected);
}

/* --- assessments ------------------------------------------------------------------------------ */

static void
test_assessment_resume (Fixture *f, gconstpointer data)
{
  g_autofree char *path = path_in (f, "assess.mamori");
  g_autoptr(GError) error = NULL;
  gint64 id;

  {
    g_autoptr(MamoriWorkspace) ws = new_workspace (f, "assess.mamori");
    id = mamori_workspace_create_assessment (ws, "ipa-self-diagnosis", "", "2026-04-01", "山田", &error);
    g_assert_no_error (error);
    g_assert_cmpint (id, >, 0);
    g_assert_true (mamori_workspace_set_answer (ws, id, "1", 0, 4, FALSE, &error));
    g_assert_true (mamori_workspace_set_answer (ws, id, "2", 1, 2, FALSE, &error));
    g_assert_true (mamori_workspace_set_answer (ws, id, "2", 3, -1, FALSE, &error)); /* changed mind */
    g_assert_true (mamori_workspace_set_note (ws, id, "3", "パスワード規程は作成中", &error));
    g_assert_true (mamori_workspace_set_current_item (ws, id, "3", &error));
    g_assert_no_error (error);
    mamori_workspace_close (ws);
  }
  {
    g_autoptr(MamoriWorkspace) ws = mamori_workspace_open (path, MAMORI_WORKSPACE_OPEN_EXISTING, &error);
    g_autoptr(MamoriAssessment) a = mamori_workspace_get_assessment (ws, id, &error);
    g_autoptr(GHashTable) answers = mamori_workspace_get_answers (ws, id, &error);
    g_autoptr(GPtrArray) all = mamori_workspace_list_assessments (ws, NULL, &error);
    g_autoptr(GPtrArray) other = mamori_workspace_list_assessments (ws, "ipa-cloud", &error);
    MamoriAnswer *ans;

    g_assert_no_error (error);
    g_assert_false (a->completed);
    g_assert_cmpstr (a->current_item, ==, "3");      /* resumes where it stopped */
    g_assert_cmpstr (a->respondent, ==, "山田");
    g_assert_cmpuint (a->n_answered, ==, 2);
    g_assert_cmpfloat (a->score, ==, 3);
    ans = g_hash_table_lookup (answers, "2");
    g_assert_cmpint (ans->choice, ==, 3);
    ans = g_hash_table_lookup (answers, "3");
    g_assert_cmpint (ans->choice, ==, -1);
    g_assert_cmpstr (ans->note, ==, "パスワード規程は作成中");
    g_assert_cmpuint (all->len, ==, 1);
    g_assert_cmpuint (other->len, ==, 0);
  }
}

static void
test_assessment_complete_and_copy (Fixture *f, gconstpointer data)
{
  g_autoptr(MamoriWorkspace) ws = new_workspace (f, "rounds.mamori");
  g_autoptr(GError) error = NULL;
  g_autoptr(GHashTable) done = NULL;
  g_autoptr(GHashTable) copied = NULL;
  g_autoptr(MamoriAssessment) next = NULL;
  gint64 id, next_id;

  id = mamori_workspace_create_assessment (ws, "ipa-self-diagnosis", "", "2025-04-01", "", &error);
  g_assert_true (mamori_workspace_set_answer (ws, id, "1", 2, 0, FALSE, &error));
  g_assert_true (mamori_workspace_set_measure (ws, id, "1", "自動更新を有効にする", "総務 佐藤", "2025-06-30", &error));
  g_assert_true (mamori_workspace_complete_assessment (ws, id, "s2.self-diagnosis", &error));
  g_assert_no_error (error);

  /* Completed: read-only, except for deciding measures. */
  g_assert_false (mamori_workspace_set_answer (ws, id, "1", 0, 4, FALSE, &error));
  g_assert_error (error, MAMORI_WORKSPACE_ERROR, MAMORI_WORKSPACE_ERROR_READ_ONLY);
  g_clear_error (&error);
  g_assert_false (mamori_workspace_set_note (ws, id, "1", "x", &error));
  g_clear_error (&error);
  g_assert_true (mamori_workspace_set_measure (ws, id, "2", "教育を年2回", "", NULL, &error));
  g_assert_no_error (error);

  /* Completing ticked the step-up task. */
  done = mamori_workspace_get_done_tasks (ws, &error);
  g_assert_true (g_hash_table_contains (done, "s2.self-diagnosis"));

  /* Next round: a copy, in progress, with the answers and measures. */
  next_id = mamori_workspace_copy_assessment (ws, id, "2026-04-01", &error);
  g_assert_no_error (error);
  next = mamori_workspace_get_assessment (ws, next_id, &error);
  g_assert_false (next->completed);
  g_assert_cmpint (next->copied_from, ==, id);
  g_assert_cmpstr (next->assessed_on, ==, "2026-04-01");
  copied = mamori_workspace_get_answers (ws, next_id, &error);
  g_assert_cmpint (((MamoriAnswer *) g_hash_table_lookup (copied, "1"))->choice, ==, 2);
  g_assert_cmpstr (((MamoriAnswer *) g_hash_table_lookup (copied, "1"))->measure_owner, ==, "総務 佐藤");
  g_assert_true (mamori_workspace_set_answer (ws, next_id, "1", 0, 4, FALSE, &error));

  /* Bad input. */
  g_assert_cmpint (mamori_workspace_create_assessment (ws, "ipa-cloud", "x", "2026-13-45", "", &error), ==, 0);
  g_assert_error (error, MAMORI_WORKSPACE_ERROR, MAMORI_WORKSPACE_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_false (mamori_workspace_set_measure (ws, id, "3", "x", "", "soon", &error));
  g_assert_error (error, MAMORI_WORKSPACE_ERROR, MAMORI_WORKSPACE_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_false (mamori_workspace_set_answer (ws, 9999, "1", 0, 4, FALSE, &error));
  g_assert_error (error, MAMORI_WORKSPACE_ERROR, MAMORI_WORKSPACE_ERROR_INVALID);
}

static void
test_assessment_evidence (Fixture *f, gconstpointer data)
{
  g_autoptr(MamoriWorkspace) ws = new_workspace (f, "evidence.mamori");
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) pdf = g_bytes_new_static ("%PDF-1.4 policy", 15);
  g_autoptr(GBytes) back = NULL;
  g_autoptr(GPtrArray) list = NULL;
  g_autoptr(GHashTable) answers = NULL;
  gint64 id, ev;
  guint8 *big;
  g_autoptr(GBytes) too_big = NULL;

  id = mamori_workspace_create_assessment (ws, "ipa-self-diagnosis", "", "2026-04-01", "", &error);
  ev = mamori_workspace_add_evidence (ws, id, "25", "規程.pdf", pdf, &error);
  g_assert_no_error (error);
  g_assert_cmpint (ev, >, 0);
  list = mamori_workspace_list_evidence (ws, id, "25", &error);
  g_assert_cmpuint (list->len, ==, 1);
  g_assert_cmpint (((MamoriEvidence *) list->pdata[0])->size, ==, 15);
  {
    g_autofree char *sha = g_compute_checksum_for_bytes (G_CHECKSUM_SHA256, pdf);
    g_assert_cmpstr (((MamoriEvidence *) list->pdata[0])->sha256, ==, sha);
  }
  back = mamori_workspace_get_evidence_content (ws, ev, &error);
  g_assert_true (g_bytes_equal (back, pdf));

  /* The audit report names the evidence with its SHA-256, grades the answers and lists the gaps
   * with their decided measures. */
  {
    MamoriCatalog *catalog = mamori_catalog_new ();
    const MamoriChecklist *cl;
    g_autofree char *sha = g_compute_checksum_for_bytes (G_CHECKSUM_SHA256, pdf);
    g_autofree char *md = NULL;
    g_assert_true (mamori_catalog_load_builtin (catalog, &error));
    cl = mamori_catalog_find (catalog, "ipa-self-diagnosis");
    g_assert_true (mamori_workspace_set_answer (ws, id, "1", 0, 4, FALSE, &error));   /* 実施している: the best */
    g_assert_true (mamori_workspace_set_answer (ws, id, "2", 2, 0, FALSE, &error));   /* 実施していない: the worst */
    g_assert_true (mamori_workspace_set_measure (ws, id, "2", "全PCにウイルス対策ソフトを入れる", "総務部", "2026-06-30", &error));
    {
      /* Without the annex, each item carries its evidence's name, size and SHA-256. */
      g_autofree char *inline_md = mamori_audit_report_markdown (ws, cl, id, NULL, "ja", FALSE, &error);
      g_autofree char *detail = g_strdup_printf ("規程.pdf（%" G_GSIZE_FORMAT " バイト、SHA-256 %s）", g_bytes_get_size (pdf), sha);
      g_assert_no_error (error);
      g_assert_null (strstr (inline_md, "# 付録: 証跡一覧"));
      g_assert_nonnull (strstr (inline_md, detail));
    }
    md = mamori_audit_report_markdown (ws, cl, id, "外部監査人 佐藤", "ja", TRUE, &error);
    g_assert_no_error (error);
    g_assert_nonnull (strstr (md, "# 監査の概要"));
    g_assert_nonnull (strstr (md, "# 改善が必要な事項"));
    g_assert_nonnull (strstr (md, "# 付録: 証跡一覧"));
    g_assert_nonnull (strstr (md, sha));
    g_assert_nonnull (strstr (md, "外部監査人 佐藤"));
    g_assert_nonnull (strstr (md, "| 1 | "));
    g_assert_nonnull (strstr (md, "| 適合 |"));
    g_assert_nonnull (strstr (md, "| 不適合 | 全PCにウイルス対策ソフトを入れる | 総務部 | 2026-06-30 |"));
    g_assert_cmpint (mamori_assessment_grade (cl, mamori_checklist_find_item (cl, "3"), -1), ==, MAMORI_FINDING_NOT_ANSWERED);
    g_assert_cmpint (mamori_assessment_grade (cl, mamori_checklist_find_item (cl, "3"), 1), ==, MAMORI_FINDING_MINOR);
    mamori_catalog_free (catalog);
  }
  answers = mamori_workspace_get_answers (ws, id, &error);
  g_assert_cmpuint (((MamoriAnswer *) g_hash_table_lookup (answers, "25"))->n_evidence, ==, 1);

  /* Over the limit: a clear message, nothing stored. */
  big = g_malloc0 (MAMORI_EVIDENCE_MAX_SIZE + 1);
  too_big = g_bytes_new_take (big, MAMORI_EVIDENCE_MAX_SIZE + 1);
  g_assert_cmpint (mamori_workspace_add_evidence (ws, id, "25", "video.mp4", too_big, &error), ==, 0);
  g_assert_error (error, MAMORI_WORKSPACE_ERROR, MAMORI_WORKSPACE_ERROR_INVALID);
  g_assert_nonnull (strstr (error->message, "video.mp4"));
  g_clear_error (&error);
  g_clear_pointer (&list, g_ptr_array_unref);
  list = mamori_workspace_list_evidence (ws, id, NULL, &error);
  g_assert_cmpuint (list->len, ==, 1);

  g_assert_true (mamori_workspace_remove_evidence (ws, ev, &error));
  g_clear_pointer (&list, g_ptr_array_unref);
  list = mamori_workspace_list_evidence (ws, id, NULL, &error);
  g_assert_cmpuint (list->len, ==, 0);
}

static void
test_asset_query (Fixture *f, gconstpointer data)
{
  g_autofree char *path = path_in (f, "ledger.mamori");
  g_autoptr(MamoriWorkspace) ws = new_workspace (f, "ledger.mamori");
  g_autoptr(GPtrArray) assets = NULL, problems = NULL, all = NULL;
  g_autoptr(GHashTable) threats = NULL;
  g_autoptr(GHashTable) risk_of = g_hash_table_new (g_int64_hash, g_int64_equal);
  g_autoptr(GError) error = NULL;
  MamoriAssetQuery q = { .band = -1, .sort = MAMORI_ASSET_SORT_RISK, .descending = TRUE };
  g_autoptr(GArray) ids = NULL;
  guint n_large = 0;

  g_assert_true (mamori_asset_csv_read (mamori_demo_assets_csv (), &assets, &problems, &error));
  g_assert_cmpuint (problems->len, ==, 0);
  g_assert_cmpuint (assets->len, >=, 40);
  g_assert_true (mamori_workspace_add_assets (ws, assets, &error));
  g_assert_no_error (error);

  all = mamori_workspace_list_assets (ws, &error);
  threats = mamori_workspace_get_medium_threats (ws, &error);
  for (guint i = 0; i < all->len; i++)
    {
      MamoriAsset *a = all->pdata[i];
      MamoriAssetRisk r;
      mamori_asset_compute_risk (a, mamori_medium_threat_lookup (threats, a->medium), &r);
      g_hash_table_insert (risk_of, &a->id, GINT_TO_POINTER (r.risk + 100));
      if (r.band == MAMORI_RISK_BAND_LARGE)
        n_large++;
    }

  /* Sorted by risk in SQL: the same order as the core arithmetic gives. */
  ids = mamori_assets_query_ids (path, &q, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (ids->len, ==, all->len);
  for (guint i = 1; i < ids->len; i++)
    {
      int before = GPOINTER_TO_INT (g_hash_table_lookup (risk_of, &g_array_index (ids, gint64, i - 1)));
      int here = GPOINTER_TO_INT (g_hash_table_lookup (risk_of, &g_array_index (ids, gint64, i)));
      g_assert_cmpint (before, >=, here);
      /* Equal risks keep id order. */
      if (before == here)
        g_assert_cmpint (g_array_index (ids, gint64, i - 1), <, g_array_index (ids, gint64, i));
    }
  g_clear_pointer (&ids, g_array_unref);
  /* Ascending as well, ties still in id order. */
  q.descending = FALSE;
  ids = mamori_assets_query_ids (path, &q, NULL, &error);
  g_assert_cmpuint (ids->len, ==, all->len);
  for (guint i = 1; i < ids->len; i++)
    {
      int before = GPOINTER_TO_INT (g_hash_table_lookup (risk_of, &g_array_index (ids, gint64, i - 1)));
      int here = GPOINTER_TO_INT (g_hash_table_lookup (risk_of, &g_array_index (ids, gint64, i)));
      g_assert_cmpint (before, <=, here);
      if (before == here)
        g_assert_cmpint (g_array_index (ids, gint64, i - 1), <, g_array_index (ids, gint64, i));
    }
  g_clear_pointer (&ids, g_array_unref);
  q.descending = TRUE;

  /* Filtered by band 大: exactly the assets the core puts there. */
  q.band = MAMORI_RISK_BAND_LARGE;
  {
    guint counts[MAMORI_ASSET_MAX_BANDS] = { 99, 99, 99, 99 };
    ids = mamori_assets_query_ids (path, &q, counts, &error);
    /* The counts ignore the band filter. */
    g_assert_cmpuint (counts[MAMORI_RISK_BAND_LARGE], ==, n_large);
    g_assert_cmpuint (counts[0] + counts[1] + counts[2], ==, all->len);
  }
  g_assert_cmpuint (ids->len, ==, n_large);
  g_assert_cmpuint (n_large, >, 0);
  for (guint i = 0; i < ids->len; i++)
    g_assert_cmpint (GPOINTER_TO_INT (g_hash_table_lookup (risk_of, &g_array_index (ids, gint64, i))), >=, 104);
  g_clear_pointer (&ids, g_array_unref);

  /* Text and department. */
  q.band = -1;
  q.text = "名簿";
  q.department = "総務部";
  q.sort = MAMORI_ASSET_FIELD_NAME;
  q.descending = FALSE;
  ids = mamori_assets_query_ids (path, &q, NULL, &error);
  g_assert_cmpuint (ids->len, ==, 2);   /* 従業員名簿 and its paper copy */

  /* Updating one field recomputes its risk and logs what changed. */
  {
    g_autoptr(MamoriAsset) a = mamori_workspace_get_asset (ws, g_array_index (ids, gint64, 0), &error);
    g_autoptr(MamoriAsset) back = NULL;
    g_autoptr(GPtrArray) log = NULL;
    a->vulnerability = 1;
    g_free (a->measure);
    a->measure = g_strdup ("施錠できる書庫に移す");
    a->target_threat = 1;
    g_assert_true (mamori_workspace_update_asset (ws, a, &error));
    back = mamori_workspace_get_asset (ws, a->id, &error);
    g_assert_cmpint (back->vulnerability, ==, 1);
    g_assert_cmpstr (back->measure, ==, "施錠できる書庫に移す");
    g_assert_cmpint (back->target_threat, ==, 1);
    log = mamori_workspace_list_changes (ws, 1, &error);
    g_assert_nonnull (strstr (((MamoriChangeLogEntry *) log->pdata[0])->summary, "vulnerability"));
  }
  {
    g_autoptr(GPtrArray) departments = mamori_workspace_list_asset_values (ws, MAMORI_ASSET_FIELD_MANAGING_DEPARTMENT, &error);
    g_assert_cmpuint (departments->len, ==, 5);
  }

  /* What if every planned measure were done: SQL ranks and counts the residual risk exactly
   * as the core computes it. */
  {
    MamoriAssetQuery rq = { .band = -1, .residual = TRUE, .sort = MAMORI_ASSET_SORT_RISK, .descending = TRUE };
    guint counts[MAMORI_ASSET_MAX_BANDS] = { 0 }, expected[3] = { 0 };
    g_autoptr(GPtrArray) now = mamori_workspace_list_assets (ws, &error);
    g_autoptr(GHashTable) residual_of = g_hash_table_new (g_int64_hash, g_int64_equal);
    g_autoptr(GArray) rids = NULL;
    gboolean differs = FALSE;

    /* Plan a measure for the first 大 asset that lowers its threat and vulnerability to 1. */
    for (guint i = 0; i < now->len; i++)
      {
        MamoriAsset *a = now->pdata[i];
        MamoriAssetRisk cur;
        mamori_asset_compute_risk (a, mamori_medium_threat_lookup (threats, a->medium), &cur);
        if (cur.band == MAMORI_RISK_BAND_LARGE)
          {
            a->target_threat = 1;
            a->target_vulnerability = 1;
            g_assert_true (mamori_workspace_update_asset (ws, a, &error));
            break;
          }
      }
    for (guint i = 0; i < now->len; i++)
      {
        MamoriAsset *a = now->pdata[i];
        MamoriAssetRisk r, cur;
        int medium = mamori_medium_threat_lookup (threats, a->medium);
        mamori_asset_compute_residual (a, medium, &r);
        mamori_asset_compute_risk (a, medium, &cur);
        differs |= r.risk != cur.risk;
        expected[r.band]++;
        g_hash_table_insert (residual_of, &a->id, GINT_TO_POINTER (r.risk + 100));
      }
    g_assert_true (differs);   /* the demo plans measures that lower some risks */
    rids = mamori_assets_query_ids (path, &rq, counts, &error);
    g_assert_no_error (error);
    g_assert_cmpuint (rids->len, ==, now->len);
    for (guint i = 1; i < rids->len; i++)
      g_assert_cmpint (GPOINTER_TO_INT (g_hash_table_lookup (residual_of, &g_array_index (rids, gint64, i - 1))), >=,
                       GPOINTER_TO_INT (g_hash_table_lookup (residual_of, &g_array_index (rids, gint64, i))));
    for (guint b = 0; b < 3; b++)
      g_assert_cmpuint (counts[b], ==, expected[b]);
  }

  /* The 5 × 5 method, chosen per workspace: SQL ranks, filters and counts the 5 × 5 values and
   * levels exactly as the core computes them. */
  {
    MamoriAssetQuery gq = { .band = -1, .method = MAMORI_RISK_METHOD_GOV5, .sort = MAMORI_ASSET_SORT_RISK, .descending = TRUE };
    guint counts[MAMORI_ASSET_MAX_BANDS] = { 0 }, expected[MAMORI_ASSET_MAX_BANDS] = { 0 };
    g_autoptr(GPtrArray) now = mamori_workspace_list_assets (ws, &error);
    g_autoptr(GHashTable) value_of = g_hash_table_new (g_int64_hash, g_int64_equal);
    g_autoptr(GArray) gids = NULL;
    guint levels_used = 0;

    g_assert_cmpint (mamori_workspace_get_risk_method (ws), ==, MAMORI_RISK_METHOD_IPA);
    g_assert_true (mamori_workspace_set_risk_method (ws, MAMORI_RISK_METHOD_GOV5, &error));
    g_assert_cmpint (mamori_workspace_get_risk_method (ws), ==, MAMORI_RISK_METHOD_GOV5);
    for (guint i = 0; i < now->len; i++)
      {
        MamoriAsset *a = now->pdata[i];
        MamoriAssetRisk r;
        mamori_asset_compute_risk (a, mamori_medium_threat_lookup (threats, a->medium), &r);
        expected[r.level5]++;
        g_hash_table_insert (value_of, &a->id, GINT_TO_POINTER (r.value5));
      }
    gids = mamori_assets_query_ids (path, &gq, counts, &error);
    g_assert_no_error (error);
    g_assert_cmpuint (gids->len, ==, now->len);
    for (guint i = 1; i < gids->len; i++)
      g_assert_cmpint (GPOINTER_TO_INT (g_hash_table_lookup (value_of, &g_array_index (gids, gint64, i - 1))), >=,
                       GPOINTER_TO_INT (g_hash_table_lookup (value_of, &g_array_index (gids, gint64, i))));
    for (guint b = 0; b < MAMORI_ASSET_MAX_BANDS; b++)
      {
        g_assert_cmpuint (counts[b], ==, expected[b]);
        levels_used += expected[b] > 0;
      }
    g_assert_cmpuint (levels_used, >=, 3);   /* the demo spreads over the grid */
    g_clear_pointer (&gids, g_array_unref);
    gq.band = 3;
    gids = mamori_assets_query_ids (path, &gq, NULL, &error);
    g_assert_cmpuint (gids->len, ==, expected[3]);
  }

  /* Switching to the 5 × 5 method prefilled every asset's own 5 × 5 values from the mapping;
   * from then on they are the asset's, and SQL and the core count the assessed values. */
  {
    g_autoptr(GPtrArray) after = mamori_workspace_list_assets (ws, &error);
    g_autoptr(MamoriAsset) changed = NULL;
    g_autoptr(GPtrArray) back = NULL;
    MamoriAssetQuery gq = { .band = 3, .method = MAMORI_RISK_METHOD_GOV5, .sort = MAMORI_ASSET_SORT_RISK, .descending = TRUE };
    g_autoptr(GArray) top = NULL;
    g_autofree char *reason = NULL;
    MamoriAssetRisk r;
    guint top_before;

    for (guint i = 0; i < after->len; i++)
      {
        MamoriAsset *a = after->pdata[i];
        mamori_asset_compute_risk (a, mamori_medium_threat_lookup (threats, a->medium), &r);
        g_assert_cmpint (a->impact5, ==, r.impact5);
        g_assert_cmpint (a->likelihood5, ==, r.likelihood5);
        g_assert_cmpint (a->impact5, >=, 1);
      }
    top = mamori_assets_query_ids (path, &gq, NULL, &error);
    top_before = top->len;
    g_clear_pointer (&top, g_array_unref);
    /* The lowest-ranked asset assessed at 5 × 5 directly: it joins the top level. */
    changed = mamori_asset_copy (after->pdata[0]);
    g_assert_true (mamori_asset_set_field_text (changed, MAMORI_ASSET_FIELD_IMPACT5, "5", &reason));
    g_assert_true (mamori_asset_set_field_text (changed, MAMORI_ASSET_FIELD_LIKELIHOOD5, "5", &reason));
    mamori_asset_compute_risk (after->pdata[0],
                               mamori_medium_threat_lookup (threats, ((MamoriAsset *) after->pdata[0])->medium), &r);
    g_assert_true (mamori_workspace_update_asset (ws, changed, &error));
    g_assert_no_error (error);
    back = mamori_workspace_list_assets (ws, &error);
    g_assert_cmpint (((MamoriAsset *) back->pdata[0])->impact5, ==, 5);
    top = mamori_assets_query_ids (path, &gq, NULL, &error);
    g_assert_cmpuint (top->len, ==, top_before + (r.level5 == 3 ? 0 : 1));
    g_assert_cmpint (g_array_index (top, gint64, 0), ==, changed->id);
  }
}

static void
test_threat_catalogue_edit (Fixture *f, gconstpointer data)
{
  g_autoptr(MamoriWorkspace) ws = new_workspace (f, "threats.mamori");
  g_autoptr(GPtrArray) list = NULL, bad = NULL, back = NULL;
  g_autoptr(GHashTable) threats = NULL;
  g_autoptr(GError) error = NULL;
  guint seeded;

  list = mamori_workspace_list_threat_catalogue (ws, &error);
  g_assert_no_error (error);
  seeded = list->len;
  g_assert_cmpuint (seeded, >=, 14);   /* two or more threats for each of the seven media */

  /* Lower every 事務所PC threat to 1 and add a new medium. */
  for (guint i = 0; i < list->len; i++)
    {
      MamoriThreatEntry *e = list->pdata[i];
      if (g_str_equal (e->medium, "事務所PC"))
        e->frequency = 1;
    }
  g_ptr_array_add (list, mamori_threat_entry_new ("FAX", "誤送信", 3));
  g_assert_true (mamori_workspace_set_threat_catalogue (ws, list, &error));
  g_assert_no_error (error);
  threats = mamori_workspace_get_medium_threats (ws, &error);
  g_assert_cmpint (mamori_medium_threat_lookup (threats, "事務所PC"), ==, 1);
  g_assert_cmpint (mamori_medium_threat_lookup (threats, "FAX"), ==, 3);

  /* A bad entry: refused with its name, nothing changed. */
  bad = g_ptr_array_new_with_free_func ((GDestroyNotify) mamori_threat_entry_free);
  g_ptr_array_add (bad, mamori_threat_entry_new ("FAX", "誤送信", 4));
  g_assert_false (mamori_workspace_set_threat_catalogue (ws, bad, &error));
  g_assert_error (error, MAMORI_WORKSPACE_ERROR, MAMORI_WORKSPACE_ERROR_INVALID);
  g_assert_nonnull (strstr (error->message, "誤送信"));
  g_clear_error (&error);
  g_ptr_array_set_size (bad, 0);
  g_ptr_array_add (bad, mamori_threat_entry_new ("  ", "誤送信", 2));
  g_assert_false (mamori_workspace_set_threat_catalogue (ws, bad, &error));
  g_clear_error (&error);
  back = mamori_workspace_list_threat_catalogue (ws, &error);
  g_assert_cmpuint (back->len, ==, seeded + 1);
}

static void
test_documents (Fixture *f, gconstpointer data)
{
  g_autofree char *path = path_in (f, "docs.mamori");
  g_autoptr(MamoriWorkspace) ws = new_workspace (f, "docs.mamori");
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) versions = NULL, list = NULL;
  g_autoptr(MamoriDocumentInfo) info = NULL, policy = NULL;
  gint64 id;
  sqlite3 *db = NULL;

  id = mamori_workspace_add_document (ws, "basic-policy", "policy", "ja", "情報セキュリティ基本方針", "sections",
                                      "社外秘", "# 目的\n\n初版。\n", &error);
  g_assert_no_error (error);
  g_assert_cmpint (id, >, 0);
  g_assert_cmpint (mamori_workspace_add_document (ws, "x", "policy", "ja", "", NULL, NULL, "", &error), ==, 0);
  g_assert_error (error, MAMORI_WORKSPACE_ERROR, MAMORI_WORKSPACE_ERROR_INVALID);
  g_clear_error (&error);

  /* Draft → approved needs review first, then an approver and a real date. */
  g_assert_false (mamori_workspace_set_document_status (ws, id, MAMORI_DOCUMENT_APPROVED, "社長", "2026-04-01", &error));
  g_clear_error (&error);
  g_assert_true (mamori_workspace_set_document_status (ws, id, MAMORI_DOCUMENT_REVIEW, NULL, NULL, &error));
  g_assert_false (mamori_workspace_set_document_status (ws, id, MAMORI_DOCUMENT_APPROVED, " ", "2026-04-01", &error));
  g_clear_error (&error);
  g_assert_false (mamori_workspace_set_document_status (ws, id, MAMORI_DOCUMENT_APPROVED, "社長", "2026-13-01", &error));
  g_clear_error (&error);
  g_assert_true (mamori_workspace_set_document_status (ws, id, MAMORI_DOCUMENT_APPROVED, "代表取締役 守 太郎",
                                                       "2026-04-01", &error));
  g_assert_no_error (error);

  /* An approved version is final: status changes are refused, and even a direct UPDATE is
   * stopped by the workspace itself. */
  g_assert_false (mamori_workspace_set_document_status (ws, id, MAMORI_DOCUMENT_DRAFT, NULL, NULL, &error));
  g_assert_error (error, MAMORI_WORKSPACE_ERROR, MAMORI_WORKSPACE_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_cmpint (sqlite3_open (path, &db), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_exec (db, "UPDATE document_version SET markdown = 'tampered'", NULL, NULL, NULL), !=, SQLITE_OK);
  sqlite3_close (db);

  /* Editing it starts version 2 as a draft; version 1 keeps its text. Editing the draft again
   * changes it in place. */
  g_assert_true (mamori_workspace_save_document (ws, id, "# 目的\n\n第2版の本文。\n", "目的を改訂", &error));
  g_assert_true (mamori_workspace_save_document (ws, id, "# 目的\n\n第2版の本文（修正）。\n", NULL, &error));
  versions = mamori_workspace_list_versions (ws, id, &error);
  g_assert_cmpuint (versions->len, ==, 2);
  {
    MamoriDocumentVersion *v1 = versions->pdata[0], *v2 = versions->pdata[1];
    g_assert_cmpint (v1->status, ==, MAMORI_DOCUMENT_APPROVED);
    g_assert_cmpstr (v1->markdown, ==, "# 目的\n\n初版。\n");
    g_assert_cmpstr (v1->approver, ==, "代表取締役 守 太郎");
    g_assert_cmpstr (v1->approved_on, ==, "2026-04-01");
    g_assert_cmpint (v2->status, ==, MAMORI_DOCUMENT_DRAFT);
    g_assert_cmpuint (v2->number, ==, 2);
    g_assert_cmpstr (v2->markdown, ==, "# 目的\n\n第2版の本文（修正）。\n");
    g_assert_cmpstr (v2->summary, ==, "目的を改訂");
  }
  info = mamori_workspace_get_document (ws, id, &error);
  g_assert_cmpuint (info->latest, ==, 2);
  g_assert_cmpint (info->status, ==, MAMORI_DOCUMENT_DRAFT);
  policy = mamori_workspace_find_document (ws, "policy", &error);
  g_assert_cmpint (policy->id, ==, id);
  g_assert_null (mamori_workspace_find_document (ws, "handbook", &error));
  g_assert_no_error (error);
  list = mamori_workspace_list_documents (ws, &error);
  g_assert_cmpuint (list->len, ==, 1);

  /* Printing takes the approved version; a preview of the draft takes the newest. Both carry
   * the revision table of the approved versions. */
  {
    g_autoptr(MamoriDocumentPrint) approved = mamori_workspace_get_document_print (ws, id, FALSE, &error);
    g_autoptr(MamoriDocumentPrint) newest = mamori_workspace_get_document_print (ws, id, TRUE, &error);
    g_assert_cmpstr (approved->markdown, ==, "# 目的\n\n初版。\n");
    g_assert_cmpstr (approved->meta.version, ==, "1.0");
    g_assert_cmpstr (approved->meta.approved_by, ==, "代表取締役 守 太郎");
    g_assert_cmpstr (approved->meta.date, ==, "2026-04-01");
    g_assert_cmpstr (approved->meta.classification, ==, "社外秘");
    g_assert_cmpuint (approved->meta.revisions->len, ==, 1);
    g_assert_cmpstr (((MamoriRevision *) approved->meta.revisions->pdata[0])->summary, ==, "制定");
    g_assert_cmpstr (newest->markdown, ==, "# 目的\n\n第2版の本文（修正）。\n");
    g_assert_cmpstr (newest->meta.version, ==, "2.0");
    g_assert_cmpstr (newest->meta.approved_by, ==, "");
    g_assert_cmpuint (newest->meta.revisions->len, ==, 1);
  }
}

static void
test_overdue_measures (Fixture *f, gconstpointer data)
{
  g_autoptr(MamoriWorkspace) ws = new_workspace (f, "overdue.mamori");
  g_autoptr(GPtrArray) assets = g_ptr_array_new_with_free_func ((GDestroyNotify) mamori_asset_free);
  g_autoptr(GPtrArray) overdue = NULL;
  g_autoptr(GError) error = NULL;
  const char *dues[] = { "2026-01-31", "2026-12-31", "" };

  for (guint i = 0; i < G_N_ELEMENTS (dues); i++)
    {
      MamoriAsset *a = mamori_asset_new ();
      g_free (a->name);
      a->name = g_strdup_printf ("資産%u", i);
      g_free (a->measure);
      a->measure = g_strdup ("暗号化する");
      g_free (a->measure_due);
      a->measure_due = g_strdup (dues[i]);
      g_ptr_array_add (assets, a);
    }
  g_assert_true (mamori_workspace_add_assets (ws, assets, &error));
  /* Only the planned measure whose due date has passed. */
  overdue = mamori_workspace_list_overdue_measures (ws, "2026-06-01", 10, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (overdue->len, ==, 1);
  g_assert_cmpstr (((MamoriOverdueMeasure *) overdue->pdata[0])->source, ==, "資産0");
  g_assert_cmpstr (((MamoriOverdueMeasure *) overdue->pdata[0])->due, ==, "2026-01-31");
}

static MamoriAsset *
asset_with_measure (const char *name,
                    const char *due,
                    int         vulnerability,
                    int         target_vulnerability)
{
  MamoriAsset *a = mamori_asset_new ();

  g_free (a->name);
  a->name = g_strdup (name);
  g_free (a->measure);
  a->measure = g_strdup ("多要素認証を入れる");
  g_free (a->measure_due);
  a->measure_due = g_strdup (due);
  a->vulnerability = vulnerability;
  a->target_vulnerability = target_vulnerability;
  return a;
}

/* Every tracked measure is done, open or overdue: ledger measures by their targets, assessment
 * measures by a later, better answer, corrective actions by being closed. */
static void
test_measure_states (Fixture *f, gconstpointer data)
{
  g_autoptr(MamoriWorkspace) ws = new_workspace (f, "measures.mamori");
  g_autoptr(GPtrArray) assets = g_ptr_array_new_with_free_func ((GDestroyNotify) mamori_asset_free);
  g_autoptr(GPtrArray) overdue = NULL;
  g_autoptr(GError) error = NULL;
  MamoriMeasureCounts c;
  gint64 a1, a2, action;

  g_ptr_array_add (assets, asset_with_measure ("期限切れ", "2026-01-31", 3, 0));
  g_ptr_array_add (assets, asset_with_measure ("目標に達した", "2026-01-31", 1, 1));
  g_ptr_array_add (assets, asset_with_measure ("進行中", "2026-12-31", 3, 1));
  g_assert_true (mamori_workspace_add_assets (ws, assets, &error));

  a1 = mamori_workspace_create_assessment (ws, "ipa-self-diagnosis", "", "2025-04-01", "山田", &error);
  g_assert_true (mamori_workspace_set_answer (ws, a1, "1", 2, 0, FALSE, &error));
  g_assert_true (mamori_workspace_set_measure (ws, a1, "1", "OS を更新する", "山田", "2025-12-31", &error));
  g_assert_true (mamori_workspace_complete_assessment (ws, a1, NULL, &error));
  a2 = mamori_workspace_create_assessment (ws, "ipa-self-diagnosis", "", "2026-04-01", "山田", &error);
  g_assert_true (mamori_workspace_set_answer (ws, a2, "1", 0, 4, FALSE, &error));   /* better than before */
  g_assert_true (mamori_workspace_set_answer (ws, a2, "2", 2, 0, FALSE, &error));
  g_assert_true (mamori_workspace_set_measure (ws, a2, "2", "ウイルス対策を入れる", "田中", "2026-03-01", &error));
  g_assert_true (mamori_workspace_complete_assessment (ws, a2, NULL, &error));
  action = mamori_workspace_add_corrective_action (ws, a2, "3", "パスワード規則を見直す", "佐藤", "2026-02-01", &error);
  g_assert_no_error (error);
  g_assert_cmpint (action, >, 0);

  g_assert_true (mamori_workspace_count_measures (ws, "2026-06-01", &c, &error));
  g_assert_cmpuint (c.done, ==, 2);      /* the asset at its target; item 1 answered better */
  g_assert_cmpuint (c.overdue, ==, 3);   /* the asset, item 2, the corrective action */
  g_assert_cmpuint (c.open, ==, 1);
  overdue = mamori_workspace_list_overdue_measures (ws, "2026-06-01", 10, &error);
  g_assert_cmpuint (overdue->len, ==, 3);
  g_assert_cmpstr (((MamoriOverdueMeasure *) overdue->pdata[0])->due, ==, "2026-01-31");

  /* Closing needs a date and how it was confirmed; then the action counts as done. */
  g_assert_false (mamori_workspace_close_corrective_action (ws, action, "2026-05-01", "  ", &error));
  g_assert_error (error, MAMORI_WORKSPACE_ERROR, MAMORI_WORKSPACE_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_false (mamori_workspace_close_corrective_action (ws, action, "2026-13-01", "確認した", &error));
  g_assert_error (error, MAMORI_WORKSPACE_ERROR, MAMORI_WORKSPACE_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_false (mamori_workspace_close_corrective_action (ws, 9999, "2026-05-01", "確認した", &error));
  g_clear_error (&error);
  g_assert_true (mamori_workspace_close_corrective_action (ws, action, "2026-05-01", "規則の改訂版を閲覧した", &error));
  g_assert_true (mamori_workspace_count_measures (ws, "2026-06-01", &c, &error));
  g_assert_cmpuint (c.done, ==, 3);
  g_assert_cmpuint (c.overdue, ==, 2);
  {
    g_autoptr(GPtrArray) open = mamori_workspace_list_corrective_actions (ws, 0, &error);
    g_autoptr(GPtrArray) all = mamori_workspace_list_corrective_actions (ws, a2, &error);
    MamoriCorrectiveAction *ca = all->pdata[0];
    g_assert_cmpuint (open->len, ==, 0);
    g_assert_cmpuint (all->len, ==, 1);
    g_assert_true (ca->closed);
    g_assert_cmpstr (ca->closed_on, ==, "2026-05-01");
    g_assert_cmpstr (ca->result, ==, "規則の改訂版を閲覧した");
  }
  /* Reopened, it is overdue again. */
  g_assert_true (mamori_workspace_close_corrective_action (ws, action, NULL, NULL, &error));
  g_assert_true (mamori_workspace_count_measures (ws, "2026-06-01", &c, &error));
  g_assert_cmpuint (c.overdue, ==, 3);
  g_assert_cmpint (mamori_workspace_add_corrective_action (ws, a2, "3", " ", "", "", &error), ==, 0);
  g_assert_error (error, MAMORI_WORKSPACE_ERROR, MAMORI_WORKSPACE_ERROR_INVALID);
}

static void
test_audit_plan (Fixture *f, gconstpointer data)
{
  g_autoptr(MamoriWorkspace) ws = new_workspace (f, "audit.mamori");
  g_autoptr(GError) error = NULL;
  g_autoptr(MamoriAuditPlan) none = NULL, back = NULL;
  gint64 id = mamori_workspace_create_assessment (ws, "tech-info-mandatory", "", "2026-06-12", "山田", &error);
  MamoriAuditPlan plan = { id, "必須12項目", "佐藤", "製造部", "製造部に所属しない", TRUE, "2026-06-10", "2026-06-08", "" };

  none = mamori_workspace_get_audit_plan (ws, id, &error);
  g_assert_no_error (error);
  g_assert_null (none);
  /* An audit cannot end before it starts; nothing is saved. */
  g_assert_false (mamori_workspace_set_audit_plan (ws, &plan, &error));
  g_assert_error (error, MAMORI_WORKSPACE_ERROR, MAMORI_WORKSPACE_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_null (mamori_workspace_get_audit_plan (ws, id, &error));
  plan.ends_on = "2026-06-12";
  g_assert_true (mamori_workspace_set_audit_plan (ws, &plan, &error));
  back = mamori_workspace_get_audit_plan (ws, id, &error);
  g_assert_nonnull (back);
  g_assert_cmpstr (back->auditor, ==, "佐藤");
  g_assert_cmpstr (back->independence, ==, "製造部に所属しない");
  g_assert_true (back->independence_confirmed);
  g_assert_cmpstr (back->ends_on, ==, "2026-06-12");
}

/* A recorded review comes back as "the last review" only for later dates. */
static void
test_review_record (Fixture *f, gconstpointer data)
{
  g_autoptr(MamoriWorkspace) ws = new_workspace (f, "review.mamori");
  g_autoptr(GError) error = NULL;
  g_autoptr(MamoriReviewFigures) now = mamori_workspace_review_figures (ws, "2026-06-01", &error);
  g_autoptr(MamoriReviewFigures) before = NULL, after = NULL;

  g_assert_nonnull (now);
  g_assert_cmpuint (now->n_bands, ==, 3);
  now->bands[2] = 7;
  now->residual_bands[2] = 2;
  g_assert_true (mamori_workspace_record_review (ws, now, &error));
  before = mamori_workspace_last_review (ws, "2026-06-01", &error);
  g_assert_no_error (error);
  g_assert_null (before);
  after = mamori_workspace_last_review (ws, "2026-06-02", &error);
  g_assert_nonnull (after);
  g_assert_cmpstr (after->held_on, ==, "2026-06-01");
  g_assert_cmpuint (after->n_bands, ==, 3);
  g_assert_cmpuint (after->bands[2], ==, 7);
  g_assert_cmpuint (after->residual_bands[2], ==, 2);
  g_assert_false (after->has_score);
}

#define ADD(name, func) g_test_add (name, Fixture, NULL, fixture_setup, func, fixture_teardown)

/* Step-up tasks tick themselves: an approved policy, a decided measure. */
static void
test_tasks_tick_themselves (Fixture *f, gconstpointer data)
{
  g_autoptr(MamoriWorkspace) ws = new_workspace (f, "ticks.mamori");
  g_autoptr(GError) error = NULL;
  g_autoptr(MamoriTemplate) tmpl = mamori_template_builtin ("basic-policy", "ja", &error);
  g_autoptr(GHashTable) done = NULL;
  gint64 doc, assessment;

  g_assert_no_error (error);
  doc = mamori_workspace_add_document_from_template (ws, tmpl, NULL, &error);
  g_assert_cmpint (doc, >, 0);
  g_assert_true (mamori_workspace_set_document_status (ws, doc, MAMORI_DOCUMENT_REVIEW, NULL, NULL, &error));
  done = mamori_workspace_get_done_tasks (ws, &error);
  g_assert_false (g_hash_table_contains (done, "s2.policy"));   /* in review is not approved */
  g_clear_pointer (&done, g_hash_table_unref);
  g_assert_true (mamori_workspace_set_document_status (ws, doc, MAMORI_DOCUMENT_APPROVED, "代表取締役 守田 一郎",
                                                       "2026-04-01", &error));
  g_assert_no_error (error);
  done = mamori_workspace_get_done_tasks (ws, &error);
  g_assert_true (g_hash_table_contains (done, "s2.policy"));
  g_assert_false (g_hash_table_contains (done, "s2.measures"));
  g_clear_pointer (&done, g_hash_table_unref);

  assessment = mamori_workspace_create_assessment (ws, "ipa-self-diagnosis", NULL, "2026-04-01", "", &error);
  g_assert_cmpint (assessment, >, 0);
  g_assert_true (mamori_workspace_set_measure (ws, assessment, "1", "OS の自動更新を有効にする", "総務部", "2026-06-30", &error));
  done = mamori_workspace_get_done_tasks (ws, &error);
  g_assert_true (g_hash_table_contains (done, "s2.measures"));
}

int
main (int argc, char *argv[])
{
  setlocale (LC_ALL, "");
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  ADD ("/store/create", test_create);
  ADD ("/store/wal", test_connection_settings);
  ADD ("/store/reopen", test_reopen);
  ADD ("/store/open-missing", test_open_missing);
  ADD ("/store/migrate/from-every-version", test_migrate_from_every_version);
  ADD ("/store/bad/png", test_bad_png);
  ADD ("/store/bad/truncated", test_bad_truncated);
  ADD ("/store/bad/foreign-sqlite", test_bad_foreign_sqlite);
  ADD ("/store/bad/directory", test_bad_directory);
  ADD ("/store/bad/empty-file", test_bad_empty_file);
  ADD ("/store/bad/too-new", test_bad_too_new);
  ADD ("/store/bad/unreadable", test_bad_unreadable);
  ADD ("/store/write/change-log", test_change_log);
  ADD ("/store/write/invalid-profile", test_invalid_profile_rejected);
  ADD ("/store/write/transaction-rollback", test_transaction_rollback);
  ADD ("/store/write/disk-full", test_disk_full);
  ADD ("/store/check/damage", test_check_detects_damage);
  ADD ("/store/save-copy", test_save_copy);
  ADD ("/store/create-replacing", test_create_replacing);
  g_test_add_func ("/store/default-path", test_default_path);
  ADD ("/store/assessment/resume", test_assessment_resume);
  ADD ("/store/assessment/complete-and-copy", test_assessment_complete_and_copy);
  ADD ("/store/assessment/evidence", test_assessment_evidence);
  ADD ("/store/assets/query", test_asset_query);
  ADD ("/store/assets/treatment-check", test_asset_treatment_check);
  ADD ("/store/assets/threat-catalogue", test_threat_catalogue_edit);
  ADD ("/store/documents", test_documents);
  ADD ("/store/assets/overdue-measures", test_overdue_measures);
  ADD ("/store/measures/states", test_measure_states);
  ADD ("/store/audit/plan", test_audit_plan);
  ADD ("/store/review/record", test_review_record);
  ADD ("/store/stepup/ticks", test_tasks_tick_themselves);
  return g_test_run ();
}
