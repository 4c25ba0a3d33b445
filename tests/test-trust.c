/* test-trust.c — the workspace file under crashes, damage, shared drives and tampering:
 * a crash image SQLite recovers, writes refused on a damaged file, the editing lock on a
 * network filesystem, a stale read-only -shm, read-only folders and full disks, and the
 * hash-chained change log. */
#include "config.h"

#include <errno.h>
#include <glib/gstdio.h>
#include <locale.h>
#include <pwd.h>
#include <signal.h>
#include <sqlite3.h>
#include <sys/resource.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include "core/mamori-asset.h"
#include "core/mamori-pending.h"
#include "report/mamori-table-export.h"
#include "store/mamori-assets.h"
#include "store/mamori-documents.h"
#include "store/mamori-workspace.h"
#include "store/mamori-workspace-private.h"

typedef struct {
  char *dir;
  char *path;
} Fixture;

static void
fixture_setup (Fixture *f, gconstpointer data)
{
  /* A subprocess test works in its parent's folder. */
  if (g_test_subprocess () && g_getenv ("MAMORI_TRUST_DIR") != NULL)
    {
      f->dir = g_strdup (g_getenv ("MAMORI_TRUST_DIR"));
      f->path = g_build_filename (f->dir, "w.mamori", NULL);
      return;
    }
  f->dir = g_dir_make_tmp ("mamori-trust-XXXXXX", NULL);
  g_assert_nonnull (f->dir);
  g_chmod (f->dir, 0777);
  f->path = g_build_filename (f->dir, "w.mamori", NULL);
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
  g_chmod (path, 0700);
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
  mamori_workspace_set_fs_type_probe_for_test (NULL);
  if (!g_test_subprocess ())
    remove_tree (f->dir);
  g_free (f->dir);
  g_free (f->path);
}

static GPtrArray *
make_assets (guint n,
             const char *prefix)
{
  GPtrArray *assets = g_ptr_array_new_with_free_func ((GDestroyNotify) mamori_asset_free);
  for (guint i = 0; i < n; i++)
    {
      MamoriAsset *a = mamori_asset_new ();
      g_free (a->name);
      a->name = g_strdup_printf ("%s %05u", prefix, i);
      g_free (a->medium);
      a->medium = g_strdup ("書類");
      a->confidentiality = (int) (i % 3);
      a->integrity = 1;
      a->availability = 1;
      a->vulnerability = 2;
      g_ptr_array_add (assets, a);
    }
  return assets;
}

static void
add_assets (MamoriWorkspace *ws,
            guint            n,
            const char      *prefix)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) assets = make_assets (n, prefix);
  g_assert_true (mamori_workspace_add_assets (ws, assets, &error));
  g_assert_no_error (error);
}

static MamoriWorkspace *
create (Fixture *f)
{
  g_autoptr(GError) error = NULL;
  MamoriWorkspace *ws = mamori_workspace_open (f->path, MAMORI_WORKSPACE_OPEN_CREATE, &error);
  g_assert_no_error (error);
  return ws;
}

static guint
problems_of (MamoriWorkspace *ws,
             GPtrArray      **out)
{
  g_autoptr(GError) error = NULL;
  GPtrArray *problems = NULL;

  g_assert_true (mamori_workspace_check (ws, &problems, &error));
  g_assert_no_error (error);
  for (guint i = 0; i < problems->len; i++)
    g_test_message ("problem: %s", (char *) problems->pdata[i]);
  *out = problems;
  return problems->len;
}

static char *
file_sha256 (const char *path)
{
  g_autofree char *data = NULL;
  gsize len = 0;
  g_assert_true (g_file_get_contents (path, &data, &len, NULL));
  return g_compute_checksum_for_data (G_CHECKSUM_SHA256, (const guchar *) data, len);
}

static void
copy_file (const char *from,
           const char *to)
{
  g_autofree char *data = NULL;
  gsize len = 0;
  g_assert_true (g_file_get_contents (from, &data, &len, NULL));
  g_assert_true (g_file_set_contents (to, data, len, NULL));
}

static guint32
be32 (const guint8 *p)
{
  return ((guint32) p[0] << 24) | ((guint32) p[1] << 16) | ((guint32) p[2] << 8) | p[3];
}

/* --- a crash during a checkpoint -------------------------------------------------------- */

/* What a checkpoint cut short after its first page leaves: the newest committed page 1 from
 * the WAL is written over the copy's page 1, the other pages are still only in the WAL. */
static void
test_crash_image (Fixture *f, gconstpointer data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(MamoriWorkspace) ws = create (f);
  g_autofree char *wal = g_strconcat (f->path, "-wal", NULL);
  g_autofree char *crash_dir = g_build_filename (f->dir, "crash", NULL);
  g_autofree char *crash = g_build_filename (crash_dir, "w.mamori", NULL);
  g_autofree char *crash_wal = g_strconcat (crash, "-wal", NULL);
  g_autofree guint8 *walbytes = NULL;
  g_autoptr(GPtrArray) problems = NULL;
  g_autoptr(GPtrArray) listed = NULL;
  sqlite3 *reader = NULL;
  sqlite3_stmt *stmt = NULL;
  gsize wal_len = 0, page_size, offset;
  gssize page1 = -1;
  FILE *out;

  add_assets (ws, 10, "before");
  /* A reader holds a snapshot, so no checkpoint can move the new frames into the file. */
  g_assert_cmpint (sqlite3_open_v2 (f->path, &reader, SQLITE_OPEN_READONLY, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_exec (reader, "BEGIN", NULL, NULL, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_prepare_v2 (reader, "SELECT count(*) FROM asset", -1, &stmt, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  add_assets (ws, 3000, "during");

  g_assert_true (g_mkdir (crash_dir, 0700) == 0);
  copy_file (f->path, crash);
  g_assert_true (g_file_get_contents (wal, (char **) &walbytes, &wal_len, NULL));
  g_assert_true (g_file_set_contents (crash_wal, (char *) walbytes, wal_len, NULL));
  sqlite3_finalize (stmt);
  sqlite3_close (reader);

  /* Find the newest committed frame for page 1 and write it over the copy's page 1. */
  page_size = be32 (walbytes + 8);
  for (offset = 32; offset + 24 + page_size <= wal_len; offset += 24 + page_size)
    if (be32 (walbytes + offset) == 1)
      page1 = (gssize) offset;
  g_assert_cmpint (page1, >, 0);
  out = g_fopen (crash, "r+b");
  g_assert_nonnull (out);
  g_assert_cmpint (fwrite (walbytes + page1 + 24, 1, page_size, out), ==, page_size);
  fclose (out);
  {
    /* The state is the one the issue describes: the header counts more pages than the file. */
    guint8 header[100];
    GStatBuf st;
    FILE *in = g_fopen (crash, "rb");
    g_assert_cmpint (fread (header, 1, 100, in), ==, 100);
    fclose (in);
    g_stat (crash, &st);
    g_assert_cmpuint ((guint64) be32 (header + 28) * page_size, >, (guint64) st.st_size);
  }

  /* check (read-only) and an ordinary open both see every committed row. */
  {
    g_autoptr(MamoriWorkspace) copy = mamori_workspace_open (crash, MAMORI_WORKSPACE_OPEN_READ_ONLY, &error);
    g_assert_no_error (error);
    g_assert_cmpuint (problems_of (copy, &problems), ==, 0);
    listed = mamori_workspace_list_assets (copy, &error);
    g_assert_no_error (error);
    g_assert_cmpuint (listed->len, ==, 3010);
  }
  {
    g_autoptr(MamoriWorkspace) copy = mamori_workspace_open (crash, MAMORI_WORKSPACE_OPEN_EXISTING, &error);
    g_assert_no_error (error);
    add_assets (copy, 1, "after");
    g_clear_pointer (&problems, g_ptr_array_unref);
    g_assert_cmpuint (problems_of (copy, &problems), ==, 0);
  }
}

/* --- a damaged file is never written ---------------------------------------------------- */

static void
test_damaged_refuses_writes (Fixture *f, gconstpointer data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  g_autoptr(GPtrArray) problems = NULL;
  sqlite3 *db = NULL;
  gint64 root = 0;
  FILE *io;

  {
    g_autoptr(MamoriWorkspace) ws = create (f);
    add_assets (ws, 2000, "asset");
    mamori_workspace_close (ws);
  }
  /* Overwrite the middle of one of the asset table's pages with garbage. */
  g_assert_cmpint (sqlite3_open (f->path, &db), ==, SQLITE_OK);
  {
    sqlite3_stmt *stmt = NULL;
    g_assert_cmpint (sqlite3_prepare_v2 (db, "SELECT rootpage FROM sqlite_schema WHERE name = 'asset'", -1, &stmt, NULL), ==, SQLITE_OK);
    g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
    root = sqlite3_column_int64 (stmt, 0);
    sqlite3_finalize (stmt);
  }
  sqlite3_close (db);
  io = g_fopen (f->path, "r+b");
  g_assert_nonnull (io);
  fseek (io, (long) ((root - 1) * 4096 + 8), SEEK_SET);
  for (int i = 0; i < 64; i++)
    fputc (0xA5, io);
  fclose (io);
  before = file_sha256 (f->path);

  /* A write-mode open is refused, naming the damage; the file is unchanged. */
  {
    MamoriWorkspace *ws = mamori_workspace_open (f->path, MAMORI_WORKSPACE_OPEN_EXISTING, &error);
    g_assert_null (ws);
    g_assert_error (error, MAMORI_WORKSPACE_ERROR, MAMORI_WORKSPACE_ERROR_CORRUPT);
    g_assert_nonnull (strstr (error->message, "Nothing was changed"));
    g_clear_error (&error);
  }
  /* The window's open: read-only, saying why; a write is refused. */
  {
    g_autoptr(MamoriWorkspace) ws = mamori_workspace_open (f->path, MAMORI_WORKSPACE_OPEN_FALLBACK_READ_ONLY, &error);
    g_assert_no_error (error);
    g_assert_nonnull (mamori_workspace_get_read_only_reason (ws));
    g_assert_nonnull (strstr (mamori_workspace_get_read_only_reason (ws), "damaged"));
    g_assert_false (mamori_workspace_set_setting (ws, "x", "y", &error));
    g_assert_error (error, MAMORI_WORKSPACE_ERROR, MAMORI_WORKSPACE_ERROR_READ_ONLY);
    g_clear_error (&error);
  }
  /* check still runs and lists the damage. */
  {
    g_autoptr(MamoriWorkspace) ws = mamori_workspace_open (f->path, MAMORI_WORKSPACE_OPEN_READ_ONLY, &error);
    g_assert_no_error (error);
    g_assert_cmpuint (problems_of (ws, &problems), >, 0);
  }
  after = file_sha256 (f->path);
  g_assert_cmpstr (before, ==, after);
}

/* --- shared drives ---------------------------------------------------------------------- */

static guint64
fake_smb (const char *path)
{
  return 0xFE534D42; /* SMB2 */
}

static void
write_foreign_lock (const char *path,
                    const char *host,
                    int         pid)
{
  g_autofree char *lock = mamori_edit_lock_path (path);
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autoptr(GDateTime) then = g_date_time_add_minutes (now, -5);
  g_autofree char *at = g_date_time_format_iso8601 (then);
  g_autofree char *content = g_strdup_printf ("tanaka\n田中 太郎\n%s\n%d\n%s\n", host, pid, at);
  g_assert_true (g_file_set_contents (lock, content, -1, NULL));
}

static void
test_network_fs (Fixture *f, gconstpointer data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *lock = mamori_edit_lock_path (f->path);
  g_autofree char *wal = g_strconcat (f->path, "-wal", NULL);

  mamori_workspace_set_fs_type_probe_for_test (fake_smb);
  {
    g_autoptr(MamoriWorkspace) ws = create (f);
    add_assets (ws, 5, "shared");
    /* Rollback journal, no WAL; our lock names us. */
    g_assert_false (g_file_test (wal, G_FILE_TEST_EXISTS));
    g_assert_true (g_file_test (lock, G_FILE_TEST_EXISTS));
    mamori_workspace_close (ws);
    g_assert_false (g_file_test (lock, G_FILE_TEST_EXISTS));
  }
  {
    sqlite3 *db = NULL;
    sqlite3_stmt *stmt = NULL;
    g_assert_cmpint (sqlite3_open_v2 (f->path, &db, SQLITE_OPEN_READONLY, NULL), ==, SQLITE_OK);
    g_assert_cmpint (sqlite3_prepare_v2 (db, "PRAGMA journal_mode", -1, &stmt, NULL), ==, SQLITE_OK);
    g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
    g_assert_cmpstr ((const char *) sqlite3_column_text (stmt, 0), ==, "delete");
    sqlite3_finalize (stmt);
    sqlite3_close (db);
  }

  /* Someone on another computer has it open: editing is refused with their name, the
   * window opens it read-only and says who. */
  write_foreign_lock (f->path, "PC-12", 4242);
  {
    MamoriWorkspace *ws = mamori_workspace_open (f->path, MAMORI_WORKSPACE_OPEN_EXISTING, &error);
    g_assert_null (ws);
    g_assert_error (error, MAMORI_WORKSPACE_ERROR, MAMORI_WORKSPACE_ERROR_BUSY);
    g_assert_nonnull (strstr (error->message, "田中 太郎 (PC-12) has this workspace open since"));
    g_clear_error (&error);
  }
  {
    g_autoptr(MamoriWorkspace) ws = mamori_workspace_open (f->path, MAMORI_WORKSPACE_OPEN_FALLBACK_READ_ONLY, &error);
    g_autoptr(GPtrArray) assets = NULL;
    g_autoptr(GPtrArray) more = make_assets (1, "x");
    g_assert_no_error (error);
    g_assert_nonnull (strstr (mamori_workspace_get_read_only_reason (ws), "田中 太郎 (PC-12)"));
    assets = mamori_workspace_list_assets (ws, &error);
    g_assert_no_error (error);
    g_assert_cmpuint (assets->len, ==, 5);
    g_assert_false (mamori_workspace_add_assets (ws, more, &error));
    g_assert_error (error, MAMORI_WORKSPACE_ERROR, MAMORI_WORKSPACE_ERROR_READ_ONLY);
    g_clear_error (&error);
    mamori_workspace_close (ws);
    /* Their lock stays. */
    g_assert_true (g_file_test (lock, G_FILE_TEST_EXISTS));
  }

  /* A lock of this computer whose program has ended is taken over. */
  write_foreign_lock (f->path, g_get_host_name (), 999999);
  {
    g_autoptr(MamoriWorkspace) ws = mamori_workspace_open (f->path, MAMORI_WORKSPACE_OPEN_EXISTING, &error);
    g_assert_no_error (error);
    g_assert_null (mamori_workspace_get_read_only_reason (ws));
  }
}

/* --- permissions: tests that must not run as root ---------------------------------------- */

/* Root ignores file modes, so the subprocess becomes "nobody" first; the fixture's folder
 * and the files in it are handed to that user. */
static void
become_nobody (Fixture *f)
{
  struct passwd *pw = getpwnam ("nobody");

  if (getuid () != 0)
    return;
  g_assert_nonnull (pw);
  g_assert_cmpint (setgid (pw->pw_gid), ==, 0);
  g_assert_cmpint (setuid (pw->pw_uid), ==, 0);
}

static void
give_to_nobody (Fixture *f)
{
  struct passwd *pw = getpwnam ("nobody");
  GDir *dir;
  const char *name;

  if (getuid () != 0 || pw == NULL)
    return;
  g_assert_cmpint (chown (f->dir, pw->pw_uid, pw->pw_gid), ==, 0);
  dir = g_dir_open (f->dir, 0, NULL);
  while ((name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *child = g_build_filename (f->dir, name, NULL);
      g_assert_cmpint (chown (child, pw->pw_uid, pw->pw_gid), ==, 0);
    }
  g_dir_close (dir);
}

/* A -shm left behind read-only (by another user, or while the workspace's own mode was
 * read-only) made every later write fail. It is rebuilt from the -wal, so Mamori removes it. */
static void
test_stale_readonly_shm (Fixture *f, gconstpointer data)
{
  g_autofree char *shm = g_strconcat (f->path, "-shm", NULL);

  if (g_test_subprocess ())
    {
      g_autoptr(GError) error = NULL;
      become_nobody (f);
      {
        g_autoptr(MamoriWorkspace) ws = mamori_workspace_open (f->path, MAMORI_WORKSPACE_OPEN_EXISTING, &error);
        g_assert_no_error (error);
        add_assets (ws, 3, "after");
      }
      return;
    }
  {
    g_autoptr(MamoriWorkspace) ws = create (f);
    g_autofree char *copy = NULL;
    gsize len;
    add_assets (ws, 3, "before");
    /* Keep the -shm as it is while open, and put it back, read-only, after the close. */
    g_assert_true (g_file_get_contents (shm, &copy, &len, NULL));
    mamori_workspace_close (ws);
    g_assert_true (g_file_set_contents (shm, copy, len, NULL));
  }
  give_to_nobody (f);
  /* Owned by root and read-only: "nobody" can neither write nor chmod it. */
  g_assert_cmpint (chown (shm, 0, 0) == 0 || getuid () != 0, ==, TRUE);
  g_chmod (shm, 0444);
  g_setenv ("MAMORI_TRUST_DIR", f->dir, TRUE);
  g_test_trap_subprocess (NULL, 0, G_TEST_SUBPROCESS_INHERIT_STDERR);
  g_test_trap_assert_passed ();
}

/* check, listings and exports read a workspace whose folder is read-only, or whose disk
 * cannot take another byte (RLIMIT_FSIZE stands in for a full disk). */
static void
test_read_only_folder_and_full_disk (Fixture *f, gconstpointer data)
{
  if (g_test_subprocess ())
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(GPtrArray) problems = NULL;
      g_autoptr(GPtrArray) assets = NULL;
      struct rlimit lim = { 0, 0 };

      become_nobody (f);
      if (g_strcmp0 (g_getenv ("MAMORI_TRUST_MODE"), "full") == 0)
        {
          signal (SIGXFSZ, SIG_IGN);
          g_assert_cmpint (setrlimit (RLIMIT_FSIZE, &lim), ==, 0);
        }
      {
        g_autoptr(MamoriWorkspace) ws = mamori_workspace_open (f->path, MAMORI_WORKSPACE_OPEN_READ_ONLY, &error);
        g_assert_no_error (error);
        g_assert_cmpuint (problems_of (ws, &problems), ==, 0);
        assets = mamori_workspace_list_assets (ws, &error);
        g_assert_no_error (error);
        g_assert_cmpuint (assets->len, ==, 7);
      }
      return;
    }
  {
    g_autoptr(MamoriWorkspace) ws = create (f);
    add_assets (ws, 7, "kept");
  }
  give_to_nobody (f);
  g_chmod (f->dir, 0555);
  g_setenv ("MAMORI_TRUST_MODE", "readonly", TRUE);
  g_setenv ("MAMORI_TRUST_DIR", f->dir, TRUE);
  g_test_trap_subprocess (NULL, 0, G_TEST_SUBPROCESS_INHERIT_STDERR);
  g_test_trap_assert_passed ();
  g_chmod (f->dir, 0777);
  g_setenv ("MAMORI_TRUST_MODE", "full", TRUE);
  g_setenv ("MAMORI_TRUST_DIR", f->dir, TRUE);
  g_test_trap_subprocess (NULL, 0, G_TEST_SUBPROCESS_INHERIT_STDERR);
  g_test_trap_assert_passed ();
  g_unsetenv ("MAMORI_TRUST_MODE");
}

/* --- the hash-chained change log -------------------------------------------------------- */

static void
tamper (const char *path,
        const char *sql)
{
  sqlite3 *db = NULL;
  g_assert_cmpint (sqlite3_open (path, &db), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_exec (db, sql, NULL, NULL, NULL), ==, SQLITE_OK);
  sqlite3_close (db);
}

static gboolean
first_problem_has (Fixture    *f,
                   const char *text)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(MamoriWorkspace) ws = mamori_workspace_open (f->path, MAMORI_WORKSPACE_OPEN_READ_ONLY, &error);
  g_autoptr(GPtrArray) problems = NULL;

  g_assert_no_error (error);
  if (problems_of (ws, &problems) == 0)
    return FALSE;
  return strstr (problems->pdata[0], text) != NULL;
}

static void
test_chain (Fixture *f, gconstpointer data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *pristine = g_build_filename (f->dir, "pristine.mamori", NULL);
  g_autoptr(GPtrArray) problems = NULL;

  {
    g_autoptr(MamoriWorkspace) ws = create (f);
    add_assets (ws, 20, "chained");
    g_assert_true (mamori_workspace_set_setting (ws, "risk_method", "ipa", &error));
    g_assert_true (mamori_workspace_set_task_done (ws, "step1-five-articles", TRUE, &error));
    g_assert_no_error (error);
    g_assert_cmpuint (problems_of (ws, &problems), ==, 0);
    mamori_workspace_close (ws);
  }
  copy_file (f->path, pristine);

  /* A value changed with sqlite3. */
  tamper (f->path, "UPDATE asset SET name = 'forged' WHERE id = 3");
  g_assert_true (first_problem_has (f, "The table “asset” was changed outside Mamori after change-log row"));

  /* A log row's summary edited. */
  copy_file (pristine, f->path);
  tamper (f->path, "UPDATE change_log SET summary = 'nothing happened' WHERE id = 1");
  g_assert_true (first_problem_has (f, "Change-log row 1 "));

  /* A log row deleted from the middle: the next one no longer verifies. */
  copy_file (pristine, f->path);
  tamper (f->path, "DELETE FROM change_log WHERE id = 2");
  g_assert_true (first_problem_has (f, "Change-log row 3 "));

  /* The newest log row deleted: the table digest points at a missing row. */
  copy_file (pristine, f->path);
  tamper (f->path, "DELETE FROM change_log WHERE id = (SELECT max (id) FROM change_log)");
  g_assert_true (first_problem_has (f, "is missing"));

  /* The rule that keeps approved versions final, dropped. */
  copy_file (pristine, f->path);
  tamper (f->path, "DROP TRIGGER document_version_approved_is_final");
  g_assert_true (first_problem_has (f, "approved document versions final"));

  /* Untouched, it verifies, and new writes keep it so. */
  copy_file (pristine, f->path);
  {
    g_autoptr(MamoriWorkspace) ws = mamori_workspace_open (f->path, MAMORI_WORKSPACE_OPEN_EXISTING, &error);
    g_autofree char *head = NULL;
    gint64 id = 0;
    g_assert_no_error (error);
    add_assets (ws, 2, "more");
    g_clear_pointer (&problems, g_ptr_array_unref);
    g_assert_cmpuint (problems_of (ws, &problems), ==, 0);
    g_assert_true (mamori_workspace_get_log_head (ws, &head, &id, &error));
    g_assert_cmpuint (strlen (head), ==, 64);
    g_assert_cmpint (id, ==, 4);
  }
}

/* A workspace from before the chain: its rows are sealed as one block, and a change to any
 * of them afterwards is found. */
static void
test_chain_migration (Fixture *f, gconstpointer data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) problems = NULL;
  g_autoptr(GPtrArray) changes = NULL;

  g_assert_true (mamori_workspace_create_at_version (f->path, 7, &error));
  g_assert_no_error (error);
  tamper (f->path,
          "INSERT INTO change_log (at, os_user, entity, action, summary) VALUES "
          "('2025-01-01T10:00:00+09:00', 'tanaka', 'asset', 'add', '3 assets added'),"
          "('2025-01-02T10:00:00+09:00', 'tanaka', 'organisation', 'update', 'name: サンプル');"
          "INSERT INTO asset (name, confidentiality, integrity, availability, updated_at) VALUES "
          "('old asset', 1, 1, 1, '2025-01-01')");
  {
    g_autoptr(MamoriWorkspace) ws = mamori_workspace_open (f->path, MAMORI_WORKSPACE_OPEN_EXISTING, &error);
    g_assert_no_error (error);
    g_assert_cmpuint (problems_of (ws, &problems), ==, 0);
    changes = mamori_workspace_list_changes (ws, 0, &error);
    g_assert_no_error (error);
    for (guint i = 0; i < changes->len; i++)
      g_test_message ("log: %s %s %s", ((MamoriChangeLogEntry *) changes->pdata[i])->entity,
                      ((MamoriChangeLogEntry *) changes->pdata[i])->action, ((MamoriChangeLogEntry *) changes->pdata[i])->summary);
    g_assert_cmpuint (changes->len, ==, 3);
    g_assert_cmpstr (((MamoriChangeLogEntry *) changes->pdata[0])->action, ==, "seal");
    add_assets (ws, 1, "new");
    mamori_workspace_close (ws);
  }
  tamper (f->path, "UPDATE change_log SET os_user = 'someone' WHERE id = 1");
  g_assert_true (first_problem_has (f, "written before the log was chained"));
}

/* --- a newer library version never rewrites an answered assessment ---------------------- */

static char *
run_mamori (const char  *workspace,
            int         *status,
            const char  *first,
            ...)
{
  g_autoptr(GPtrArray) args = g_ptr_array_new ();
  g_autoptr(GError) error = NULL;
  char *out = NULL;
  const char *arg;
  va_list ap;

  g_ptr_array_add (args, (char *) g_getenv ("MAMORI_BIN"));
  g_ptr_array_add (args, (char *) "--workspace");
  g_ptr_array_add (args, (char *) workspace);
  va_start (ap, first);
  for (arg = first; arg != NULL; arg = va_arg (ap, const char *))
    g_ptr_array_add (args, (char *) arg);
  va_end (ap);
  g_ptr_array_add (args, NULL);
  g_assert_true (g_spawn_sync (NULL, (char **) args->pdata, NULL, G_SPAWN_STDERR_TO_DEV_NULL, NULL, NULL,
                               &out, NULL, status, &error));
  g_assert_no_error (error);
  *status = WIFEXITED (*status) ? WEXITSTATUS (*status) : -1;
  return out;
}

static void
test_library_versions (Fixture *f, gconstpointer data)
{
  g_autofree char *v1 = g_build_filename (f->dir, "v1.yaml", NULL);
  g_autofree char *v2 = g_build_filename (f->dir, "v2.yaml", NULL);
  g_autofree char *answers = g_build_filename (f->dir, "answers.csv", NULL);
  g_autofree char *csv = g_build_filename (f->dir, "out.csv", NULL);
  g_autofree char *md = g_build_filename (f->dir, "out.md", NULL);
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  g_autofree char *text = NULL;
  int status;
#define HEAD(v) \
    "urn: urn:example:library:own\nlocale: en\nref_id: own-check\nversion: " v "\n" \
    "objects:\n  framework:\n    urn: urn:example:framework:own\n    ref_id: own-check\n    name: Our checks\n" \
    "    requirement_nodes:\n"
  const char *t1 = HEAD ("1")
    "      - urn: urn:example:req:1\n        ref_id: '1'\n        name: Doors locked at night\n"
    "      - urn: urn:example:req:2\n        ref_id: '2'\n        name: Backups tested monthly\n"
    "      - urn: urn:example:req:3\n        ref_id: '3'\n        name: Visitors signed in\n";
  const char *t2 = HEAD ("2")
    "      - urn: urn:example:req:1\n        ref_id: '1'\n        name: Offices locked when empty\n"
    "      - urn: urn:example:req:4\n        ref_id: '4'\n        name: Laptops encrypted\n";
#undef HEAD

  g_assert_true (g_file_set_contents (v1, t1, -1, NULL));
  g_assert_true (g_file_set_contents (v2, t2, -1, NULL));
  g_assert_true (g_file_set_contents (answers, "ref_id,answer\n1,Complete\n2,In progress\n3,Not done\n", -1, NULL));
  g_free (run_mamori (f->path, &status, "import", "library", v1, NULL));
  g_assert_cmpint (status, ==, 0);
  g_free (run_mamori (f->path, &status, "import", "answers", answers, "--checklist", "own-check", NULL));
  g_assert_cmpint (status, ==, 0);
  before = run_mamori (f->path, &status, "assessments", NULL);

  g_free (run_mamori (f->path, &status, "import", "library", v2, NULL));
  g_assert_cmpint (status, ==, 0);
  after = run_mamori (f->path, &status, "assessments", NULL);
  g_assert_cmpstr (before, ==, after);

  /* The assessment's CSV and audit report show what was answered: three items, old wording. */
  g_free (run_mamori (f->path, &status, "export", "assessment", "1", csv, NULL));
  g_assert_cmpint (status, ==, 0);
  g_assert_true (g_file_get_contents (csv, &text, NULL, NULL));
  g_assert_nonnull (strstr (text, "Doors locked at night"));
  g_assert_nonnull (strstr (text, "Visitors signed in"));
  g_assert_null (strstr (text, "Laptops encrypted"));
  g_clear_pointer (&text, g_free);
  g_free (run_mamori (f->path, &status, "export", "audit", "1", md, NULL));
  g_assert_cmpint (status, ==, 0);
  g_assert_true (g_file_get_contents (md, &text, NULL, NULL));
  g_assert_nonnull (strstr (text, "Backups tested monthly"));
  g_assert_null (strstr (text, "Offices locked when empty"));

  /* A new assessment uses the newer version. */
  g_assert_true (g_file_set_contents (answers, "ref_id,answer\n1,Complete\n4,Complete\n", -1, NULL));
  g_free (run_mamori (f->path, &status, "import", "answers", answers, "--checklist", "own-check", NULL));
  g_assert_cmpint (status, ==, 0);
}

/* --- temporary files of an interrupted export ------------------------------------------ */

static void
test_pending_clean (Fixture *f, gconstpointer data)
{
  g_autofree char *state = g_build_filename (g_get_user_state_dir (), "mamori", "pending", NULL);
  g_autofree char *boot = NULL;
  g_autofree char *dead_note = NULL;
  g_autofree char *old_note = NULL;
  g_autofree char *left = g_build_filename (f->dir, ".report.pdf.Ab12Cd", NULL);
  g_autofree char *left2 = g_build_filename (f->dir, ".ledger.xlsx.Zz99Yy", NULL);
  g_autofree char *kept = g_build_filename (f->dir, ".export.csv.Qq11Ww", NULL);
  g_autofree char *user_file = g_build_filename (f->dir, "report.pdf", NULL);
  g_autofree char *out = NULL;
  int status;

  g_object_unref (create (f));
  /* The command must look in the same state folder as this test. */
  g_setenv ("XDG_STATE_HOME", g_get_user_state_dir (), TRUE);
  g_assert_true (g_file_get_contents ("/proc/sys/kernel/random/boot_id", &boot, NULL, NULL));
  boot[8] = '\0';
  g_assert_cmpint (g_mkdir_with_parents (state, 0700), ==, 0);
  /* A program of this boot that has ended, one from before a reboot, and a note of a file
   * that is not one of our temporary names (never removed). */
  dead_note = g_strdup_printf ("%s/%s-999999-1", state, boot);
  old_note = g_strdup_printf ("%s/00000000-%d-1", state, (int) getpid ());
  g_assert_true (g_file_set_contents (left, "partial", -1, NULL));
  g_assert_true (g_file_set_contents (left2, "partial", -1, NULL));
  g_assert_true (g_file_set_contents (kept, "being written", -1, NULL));
  g_assert_true (g_file_set_contents (user_file, "the user's", -1, NULL));
  g_assert_true (g_file_set_contents (dead_note, left, -1, NULL));
  g_assert_true (g_file_set_contents (old_note, left2, -1, NULL));
  {
    g_autofree char *n = g_strdup_printf ("%s/%s-999998-1", state, boot);
    g_assert_true (g_file_set_contents (n, user_file, -1, NULL));
  }
  /* Ours, still running: kept. */
  mamori_pending_add (kept);

  /* The next start of Mamori (any command) removes what was left. */
  out = run_mamori (f->path, &status, "checklists", NULL);
  g_assert_cmpint (status, ==, 0);
  g_assert_false (g_file_test (left, G_FILE_TEST_EXISTS));
  g_assert_false (g_file_test (left2, G_FILE_TEST_EXISTS));
  g_assert_true (g_file_test (kept, G_FILE_TEST_EXISTS));
  g_assert_true (g_file_test (user_file, G_FILE_TEST_EXISTS));
  g_assert_false (g_file_test (dead_note, G_FILE_TEST_EXISTS));
  mamori_pending_remove (kept);
}

/* An export that fails names the user's file, never the temporary one. */
static void
test_error_names_user_file (Fixture *f, gconstpointer data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *sub = g_build_filename (f->dir, "sub", NULL);
  g_autofree char *target = g_build_filename (sub, "ledger.xlsx", NULL);
  g_autoptr(MamoriWorkspace) ws = create (f);

  add_assets (ws, 3, "x");
  /* A folder that does not exist: the temporary file cannot be made. */
  g_assert_false (mamori_table_export_assets (ws, target, &error));
  g_assert_nonnull (error);
  g_assert_nonnull (strstr (error->message, "ledger.xlsx”"));
  g_assert_null (strstr (error->message, ".ledger.xlsx."));
}

int
main (int argc, char *argv[])
{
  setlocale (LC_ALL, "");
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

#define ADD(name, fn) g_test_add (name, Fixture, NULL, fixture_setup, fn, fixture_teardown)
  ADD ("/trust/crash-image", test_crash_image);
  ADD ("/trust/damaged-refuses-writes", test_damaged_refuses_writes);
  ADD ("/trust/network-fs", test_network_fs);
  ADD ("/trust/stale-readonly-shm", test_stale_readonly_shm);
  ADD ("/trust/read-only-folder-and-full-disk", test_read_only_folder_and_full_disk);
  ADD ("/trust/chain", test_chain);
  ADD ("/trust/chain-migration", test_chain_migration);
  ADD ("/trust/library-versions", test_library_versions);
  ADD ("/trust/pending-clean", test_pending_clean);
  ADD ("/trust/error-names-user-file", test_error_names_user_file);
#undef ADD
  return g_test_run ();
}
