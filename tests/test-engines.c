/* test-engines.c — the same store on both engines: a workspace file (SQLite) and a workspace on
 * a PostgreSQL server (MAMORI_TEST_PG, see tests/mamori-test-pg.h). The schemas have the same
 * tables and columns; settings, the profile, assets, the change log, transactions and read-only
 * opening behave alike; a server that is not there is a clear error within 10 s. */
#include "config.h"

#include <glib/gstdio.h>
#include <locale.h>
#include <sqlite3.h>
#include <string.h>
#include <sys/wait.h>

#include "core/mamori-profile.h"
#include "store/mamori-assessments.h"
#include "store/mamori-assessments-private.h"
#include "store/mamori-assets.h"
#include "store/mamori-workspace.h"
#include "store/mamori-workspace-pg.h"
#include "store/mamori-workspace-copy.h"
#include "ops/mamori-ops.h"
#include "mamori-test-pg.h"

static char *tmpdir;

static MamoriWorkspace *
new_workspace_on (TestEngine  engine,
                  const char *name,
                  char      **path_out)
{
  g_autofree char *path = engine == TEST_ENGINE_POSTGRESQL ? test_pg_new_database ()
                                                           : g_build_filename (tmpdir, name, NULL);
  g_autoptr(GError) error = NULL;
  MamoriWorkspace *ws;

  if (engine == TEST_ENGINE_SQLITE)
    g_unlink (path);
  ws = mamori_workspace_open (path, MAMORI_WORKSPACE_OPEN_CREATE, &error);
  g_assert_no_error (error);
  g_assert_cmpint (mamori_workspace_is_server (ws), ==, engine == TEST_ENGINE_POSTGRESQL);
  if (path_out != NULL)
    *path_out = g_steal_pointer (&path);
  return ws;
}

static gboolean
engine_ready (gconstpointer data)
{
  return GPOINTER_TO_INT (data) == TEST_ENGINE_SQLITE || test_pg_available ();
}

/* --- the schemas ------------------------------------------------------------------------ */

/* "table.column notnull" lines of a workspace file, sorted by table then column order. */
static GPtrArray *
sqlite_columns (const char *path)
{
  GPtrArray *out = g_ptr_array_new_with_free_func (g_free);
  sqlite3 *db = NULL;
  sqlite3_stmt *stmt = NULL;

  g_assert_cmpint (sqlite3_open_v2 (path, &db, SQLITE_OPEN_READONLY, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_prepare_v2 (db,
                                       "SELECT m.name, c.name, c.\"notnull\" OR c.pk AND c.type = 'INTEGER' "
                                       "FROM sqlite_schema m, pragma_table_info (m.name) c "
                                       "WHERE m.type = 'table' ORDER BY m.name, c.cid", -1, &stmt, NULL), ==, SQLITE_OK);
  while (sqlite3_step (stmt) == SQLITE_ROW)
    g_ptr_array_add (out, g_strdup_printf ("%s.%s%s", sqlite3_column_text (stmt, 0), sqlite3_column_text (stmt, 1),
                                           sqlite3_column_int (stmt, 2) ? " not null" : ""));
  sqlite3_finalize (stmt);
  sqlite3_close (db);
  return out;
}

static GPtrArray *
pg_columns (const char *uri)
{
  GPtrArray *out = g_ptr_array_new_with_free_func (g_free);
  PGconn *conn = test_pg_connect (uri);
  PGresult *result = PQexec (conn,
                             "SELECT table_name, column_name, is_nullable = 'NO' FROM information_schema.columns "
                             "WHERE table_schema = current_schema () AND table_name NOT IN ('mamori_schema', 'mamori_member') "
                             "ORDER BY table_name COLLATE \"C\", ordinal_position");

  g_assert_cmpint (PQresultStatus (result), ==, PGRES_TUPLES_OK);
  for (int i = 0; i < PQntuples (result); i++)
    g_ptr_array_add (out, g_strdup_printf ("%s.%s%s", PQgetvalue (result, i, 0), PQgetvalue (result, i, 1),
                                           strcmp (PQgetvalue (result, i, 2), "t") == 0 ? " not null" : ""));
  PQclear (result);
  PQfinish (conn);
  return out;
}

static char *
join_lines (GPtrArray *lines)
{
  g_ptr_array_add (lines, NULL);
  return g_strjoinv ("\n", (char **) lines->pdata);
}

static char *
threat_catalogue (MamoriWorkspace *ws)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) entries = mamori_workspace_list_threat_catalogue (ws, &error);
  GString *s = g_string_new (NULL);

  g_assert_no_error (error);
  for (guint i = 0; i < entries->len; i++)
    {
      MamoriThreatEntry *e = entries->pdata[i];
      g_string_append_printf (s, "%s|%s|%d\n", e->medium, e->threat, e->frequency);
    }
  return g_string_free (s, FALSE);
}

/* The server's schema (one step) and the migrations' (eighteen) have the same tables and
 * columns in the same order, with the same NOT NULLs, and the same default rows. */
static void
test_same_schema (void)
{
  g_autofree char *file = NULL, *uri = NULL;
  g_autoptr(MamoriWorkspace) local = NULL, server = NULL;
  g_autoptr(GPtrArray) a = NULL, b = NULL;
  g_autofree char *sa = NULL, *sb = NULL, *ta = NULL, *tb = NULL;

  if (!test_pg_available ())
    return;
  local = new_workspace_on (TEST_ENGINE_SQLITE, "schema.mamori", &file);
  server = new_workspace_on (TEST_ENGINE_POSTGRESQL, NULL, &uri);
  a = sqlite_columns (file);
  b = pg_columns (uri);
  g_assert_cmpuint (a->len, >, 200);
  sa = join_lines (a);
  sb = join_lines (b);
  g_assert_cmpstr (sa, ==, sb);
  ta = threat_catalogue (local);
  tb = threat_catalogue (server);
  g_assert_cmpuint (strlen (ta), >, 100);
  g_assert_cmpstr (ta, ==, tb);
  g_assert_cmpint (mamori_workspace_get_schema_version (server), ==, MAMORI_WORKSPACE_SCHEMA_VERSION);
}

/* A server workspace of format 14 (the first server format) is brought to the current one when
 * opened for writing, and then has the same columns as a file; opened read-only it says so. */
static void
test_server_migrates (void)
{
  g_autofree char *file = NULL, *uri = NULL, *state = NULL, *mark = NULL;
  g_autoptr(MamoriWorkspace) local = NULL, server = NULL, reader = NULL;
  g_autoptr(GPtrArray) a = NULL, b = NULL;
  g_autofree char *sa = NULL, *sb = NULL;
  g_autoptr(GError) error = NULL;

  if (!test_pg_available ())
    return;
  uri = test_pg_new_database ();
  mark = g_strdup_printf ("%sINSERT INTO mamori_schema (id, application_id, version) VALUES (1, %d, 14);"
                          "INSERT INTO settings (key, value) VALUES ('kept', 'yes');",
                          mamori_workspace_pg_schema, MAMORI_APPLICATION_ID_INT);
  state = test_pg_exec (uri, mark);
  g_assert_cmpstr (state, ==, "");

  reader = mamori_workspace_open (uri, MAMORI_WORKSPACE_OPEN_READ_ONLY, &error);
  g_assert_error (error, MAMORI_WORKSPACE_ERROR, MAMORI_WORKSPACE_ERROR_READ_ONLY);
  g_assert_nonnull (strstr (error->message, "(14)"));
  g_clear_error (&error);

  server = mamori_workspace_open (uri, 0, &error);
  g_assert_no_error (error);
  g_assert_cmpint (mamori_workspace_get_schema_version (server), ==, MAMORI_WORKSPACE_SCHEMA_VERSION);
  {
    g_autofree char *kept = mamori_workspace_get_setting (server, "kept", &error);
    g_assert_no_error (error);
    g_assert_cmpstr (kept, ==, "yes");
  }
  local = new_workspace_on (TEST_ENGINE_SQLITE, "migrated.mamori", &file);
  a = sqlite_columns (file);
  b = pg_columns (uri);
  sa = join_lines (a);
  sb = join_lines (b);
  g_assert_cmpstr (sa, ==, sb);
}

/* A file's text as a string, without the part from the line starting with cut (NULL: whole). */
static char *
read_text_until (const char *path,
                 const char *cut)
{
  g_autofree char *text = NULL;
  g_autoptr(GError) error = NULL;
  char *at;

  g_assert_true (g_file_get_contents (path, &text, NULL, &error));
  if (cut != NULL && (at = strstr (text, cut)) != NULL)
    *at = '\0';
  if (g_str_has_suffix (path, ".ics"))
    {
      /* A calendar's name and its UIDs follow the workspace's name, its stamp and whether a
       * document's data changed after its approval the second the demo ran in: compare what
       * is due when. */
      g_auto(GStrv) lines = g_strsplit (text, "\r\n", -1);
      GString *kept = g_string_new (NULL);
      for (guint i = 0; lines[i] != NULL; i++)
        if (g_str_has_prefix (lines[i], "DTSTART") || g_str_has_prefix (lines[i], "CATEGORIES:"))
          g_string_append_printf (kept, "%s\n", lines[i]);
      return g_string_free (kept, FALSE);
    }
  return g_steal_pointer (&text);
}

static void
export_to (MamoriWorkspace *ws,
           const char      *kind,
           const char      *id,
           const char      *path)
{
  g_autoptr(GError) error = NULL;
  MamoriOpRequest request = { .id = id, .path = path };

  g_assert_true (mamori_op_run (mamori_op_find (MAMORI_OP_EXPORT, kind), ws, NULL, &request, NULL, &error));
  g_assert_no_error (error);
}

/* The sample company on a file and on a server gives the same reports (the management review,
 * the audit report, the calendar, the ledger): the store's queries read the same on both
 * engines. Only the change log's pin differs (a server's log has no hash chain yet). */
static void
test_server_reports (void)
{
  g_autofree char *file = NULL, *uri = NULL;
  g_autoptr(MamoriWorkspace) local = NULL, server = NULL;
  g_autoptr(GError) error = NULL;
  static const char *kinds[][3] = {
    { "review", NULL, ".md" }, { "audit", "audit", ".md" }, { "calendar", NULL, ".ics" },
    { "assets", NULL, ".csv" }, { "people", NULL, ".csv" }, { "incidents", NULL, ".csv" },
  };

  if (!test_pg_available ())
    return;
  local = new_workspace_on (TEST_ENGINE_SQLITE, "reports.mamori", &file);
  server = new_workspace_on (TEST_ENGINE_POSTGRESQL, NULL, &uri);
  g_assert_true (mamori_op_run (mamori_op_find (MAMORI_OP_DEMO, "demo"), local, NULL, NULL, NULL, &error));
  g_assert_no_error (error);
  g_assert_true (mamori_op_run (mamori_op_find (MAMORI_OP_DEMO, "demo"), server, NULL, NULL, NULL, &error));
  g_assert_no_error (error);
  for (guint i = 0; i < G_N_ELEMENTS (kinds); i++)
    {
      /* The same names in two folders: a Markdown report names its figure files after itself. */
      g_autofree char *da = g_build_filename (tmpdir, "file", NULL), *db = g_build_filename (tmpdir, "server", NULL);
      g_autofree char *a = g_strdup_printf ("%s/%s%s", da, kinds[i][0], kinds[i][2]);
      g_autofree char *b = g_strdup_printf ("%s/%s%s", db, kinds[i][0], kinds[i][2]);
      g_autofree char *ta = NULL, *tb = NULL;
      g_autofree char *id_a = NULL, *id_b = NULL;
      const char *cut = g_str_equal (kinds[i][2], ".md") ? "# Change log" : NULL;

      g_mkdir_with_parents (da, 0700);
      g_mkdir_with_parents (db, 0700);

      if (kinds[i][1] != NULL)
        {
          /* The certification's mandatory items, the demo's audited assessment. */
          g_autoptr(GPtrArray) la = mamori_workspace_list_assessments (local, "tech-info-mandatory", &error);
          g_autoptr(GPtrArray) lb = mamori_workspace_list_assessments (server, "tech-info-mandatory", &error);
          g_assert_no_error (error);
          g_assert_cmpuint (la->len, ==, lb->len);
          g_assert_cmpuint (la->len, >, 0);
          id_a = g_strdup_printf ("%" G_GINT64_FORMAT, ((MamoriAssessment *) la->pdata[0])->id);
          id_b = g_strdup_printf ("%" G_GINT64_FORMAT, ((MamoriAssessment *) lb->pdata[0])->id);
        }
      export_to (local, kinds[i][0], id_a, a);
      export_to (server, kinds[i][0], id_b, b);
      ta = read_text_until (a, cut);
      tb = read_text_until (b, cut);
      g_assert_cmpuint (strlen (ta), >, 200);
      if (g_strcmp0 (ta, tb) != 0)
        g_test_message ("%s differs:\n--- file\n%s\n--- server\n%s", kinds[i][0], ta, tb);
      g_assert_cmpstr (ta, ==, tb);
    }
}

static gboolean fail_after_setting (MamoriWorkspace *ws, gpointer data, GError **error);

static void
count_change (MamoriWorkspace *ws,
              const char      *entity,
              gpointer         data)
{
  GPtrArray *seen = data;

  g_ptr_array_add (seen, g_strdup (entity));
}

static gboolean
seen_entity (GPtrArray  *seen,
             const char *entity)
{
  return g_ptr_array_find_with_equal_func (seen, entity, g_str_equal, NULL);
}

/* Two people on one server workspace: each sees the other's change within a second (the
 * server's notifications drive "changed"), their own change once, and a change rolled back
 * never. The change log names the database user. */
static void
test_server_notifies (void)
{
  g_autofree char *uri = NULL;
  g_autoptr(MamoriWorkspace) a = NULL, b = NULL;
  g_autoptr(GPtrArray) seen = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GPtrArray) changes = NULL;
  g_autoptr(GError) error = NULL;
  gint64 deadline;

  if (!test_pg_available ())
    return;
  a = new_workspace_on (TEST_ENGINE_POSTGRESQL, NULL, &uri);
  b = mamori_workspace_open (uri, 0, &error);
  g_assert_no_error (error);
  g_assert_true (mamori_workspace_watch_server (a, &error));
  g_assert_no_error (error);
  g_signal_connect (a, "changed", G_CALLBACK (count_change), seen);

  g_assert_true (mamori_workspace_set_setting (b, "risk_method", "gov5", &error));
  g_assert_no_error (error);
  deadline = g_get_monotonic_time () + G_USEC_PER_SEC;
  while (!seen_entity (seen, "settings") && g_get_monotonic_time () < deadline)
    g_main_context_iteration (NULL, FALSE);
  g_assert_true (seen_entity (seen, "settings"));
  g_assert_cmpuint (seen->len, ==, 1);

  /* A's own write: once, not again when its notification comes back. */
  g_ptr_array_set_size (seen, 0);
  g_assert_true (mamori_workspace_set_setting (a, "risk_method", "ipa", &error));
  deadline = g_get_monotonic_time () + G_USEC_PER_SEC / 2;
  while (g_get_monotonic_time () < deadline)
    g_main_context_iteration (NULL, FALSE);
  g_assert_cmpuint (seen->len, ==, 1);

  /* B's write that fails is rolled back: nothing is announced. */
  g_ptr_array_set_size (seen, 0);
  g_assert_false (mamori_workspace_transaction (b, fail_after_setting, NULL, &error));
  g_clear_error (&error);
  deadline = g_get_monotonic_time () + G_USEC_PER_SEC / 2;
  while (g_get_monotonic_time () < deadline)
    g_main_context_iteration (NULL, FALSE);
  g_assert_cmpuint (seen->len, ==, 0);

  changes = mamori_workspace_list_changes (a, 1, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (changes->len, ==, 1);
  g_assert_cmpstr (((MamoriChangeLogEntry *) changes->pdata[0])->os_user, ==, "mamori");
}

/* Every row of table in the file at path, one line each (blobs as hex), in id order; for
 * change_log only the columns a copy keeps (the chain's hashes are the file's own). */
static char *
dump_table (const char *path,
            const char *table)
{
  sqlite3 *db = NULL;
  sqlite3_stmt *stmt = NULL;
  g_autofree char *sql = g_str_equal (table, "change_log")
                           ? g_strdup ("SELECT id, at, os_user, entity, action, summary FROM change_log ORDER BY 1")
                           : g_strdup_printf ("SELECT * FROM %s ORDER BY 1", table);
  GString *out = g_string_new (NULL);

  g_assert_cmpint (sqlite3_open_v2 (path, &db, SQLITE_OPEN_READONLY, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_prepare_v2 (db, sql, -1, &stmt, NULL), ==, SQLITE_OK);
  while (sqlite3_step (stmt) == SQLITE_ROW)
    {
      for (int i = 0; i < sqlite3_column_count (stmt); i++)
        {
          if (sqlite3_column_type (stmt, i) == SQLITE_BLOB)
            {
              const guchar *b = sqlite3_column_blob (stmt, i);
              for (int j = 0; j < sqlite3_column_bytes (stmt, i); j++)
                g_string_append_printf (out, "%02x", b[j]);
            }
          else if (sqlite3_column_type (stmt, i) == SQLITE_NULL)
            g_string_append (out, "NULL");
          else
            g_string_append (out, (const char *) sqlite3_column_text (stmt, i));
          g_string_append_c (out, '|');
        }
      g_string_append_c (out, '\n');
    }
  sqlite3_finalize (stmt);
  sqlite3_close (db);
  return g_string_free (out, FALSE);
}

/* import workspace then export workspace: the sample company comes back the same, table by
 * table (evidence files byte for byte), its change log with two lines more (the import, and
 * the seal of the lines that came from the server); the file verifies. A workspace that is not
 * empty refuses an import. */
static void
test_server_round_trip (void)
{
  g_autofree char *file = NULL, *uri = NULL, *back = NULL;
  g_autoptr(MamoriWorkspace) local = NULL, server = NULL, copy = NULL;
  g_autoptr(GPtrArray) problems = NULL;
  g_autoptr(GError) error = NULL;
  guint n_rows = 0, n_tables = 0;

  if (!test_pg_available ())
    return;
  local = new_workspace_on (TEST_ENGINE_SQLITE, "original.mamori", &file);
  g_assert_true (mamori_op_run (mamori_op_find (MAMORI_OP_DEMO, "demo"), local, NULL, NULL, NULL, &error));
  g_assert_no_error (error);
  mamori_workspace_close (local);
  server = new_workspace_on (TEST_ENGINE_POSTGRESQL, NULL, &uri);
  g_assert_true (mamori_workspace_import_workspace (server, file, &n_rows, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (n_rows, >, 300);
  g_assert_false (mamori_workspace_import_workspace (server, file, NULL, &error));
  g_assert_error (error, MAMORI_WORKSPACE_ERROR, MAMORI_WORKSPACE_ERROR_NOT_EMPTY);
  g_clear_error (&error);
  /* The server's chain starts after the copied lines. */
  {
    g_autoptr(GPtrArray) found = NULL;
    g_autofree char *hash = NULL;
    gint64 id = 0;
    g_assert_true (mamori_workspace_verify_log (server, &hash, &id, &found, &error));
    g_assert_no_error (error);
    g_assert_cmpuint (found->len, ==, 0);
  }

  back = g_build_filename (tmpdir, "back.mamori", NULL);
  g_assert_true (mamori_workspace_save_copy (server, back, &error));
  g_assert_no_error (error);
  copy = mamori_workspace_open (back, 0, &error);
  g_assert_no_error (error);
  g_assert_true (mamori_workspace_check (copy, &problems, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (problems->len, ==, 0);
  mamori_workspace_close (copy);

  /* The copy covers every table of the format but the file's own digests. */
  {
    sqlite3 *db = NULL;
    sqlite3_stmt *stmt = NULL;
    g_assert_cmpint (sqlite3_open_v2 (back, &db, SQLITE_OPEN_READONLY, NULL), ==, SQLITE_OK);
    g_assert_cmpint (sqlite3_prepare_v2 (db, "SELECT name FROM sqlite_schema WHERE type = 'table' AND name <> 'table_digest'",
                                         -1, &stmt, NULL), ==, SQLITE_OK);
    while (sqlite3_step (stmt) == SQLITE_ROW)
      {
        const char *name = (const char *) sqlite3_column_text (stmt, 0);
        g_autofree char *a = NULL, *b = NULL;
        g_assert_true (g_strv_contains (mamori_workspace_copy_tables, name));
        a = dump_table (file, name);
        b = dump_table (back, name);
        if (g_str_equal (name, "change_log"))
          {
            /* The original's lines first, then the import's and the seal's. */
            g_assert_true (g_str_has_prefix (b, a));
            g_assert_nonnull (strstr (b + strlen (a), "|workspace|import|"));
            g_assert_nonnull (strstr (b + strlen (a), "|change_log|seal|"));
          }
        else
          g_assert_cmpstr (a, ==, b);
        n_tables++;
      }
    sqlite3_finalize (stmt);
    sqlite3_close (db);
  }
  g_assert_cmpuint (n_tables, ==, g_strv_length ((char **) mamori_workspace_copy_tables));
  {
    g_autofree char *evidence = dump_table (back, "evidence");
    g_assert_cmpuint (strlen (evidence), >, 0);
  }
}

typedef struct {
  const char *uri;
  int n;
} Writer;

static gpointer
write_settings (gpointer data)
{
  Writer *w = data;
  g_autoptr(GError) error = NULL;
  g_autoptr(MamoriWorkspace) ws = mamori_workspace_open (w->uri, 0, &error);

  g_assert_no_error (error);
  for (int i = 0; i < 25; i++)
    {
      g_autofree char *key = g_strdup_printf ("writer%d", w->n);
      g_autofree char *value = g_strdup_printf ("%d", i);
      g_assert_true (mamori_workspace_set_setting (ws, key, value, &error));
      g_assert_no_error (error);
    }
  mamori_workspace_close (ws);
  return NULL;
}

/* Four people writing at once on a server keep one hash chain of the change log: each line
 * covers the one before it; a line changed afterwards, even with plain SQL, is found. */
static void
test_server_chain (void)
{
  g_autofree char *uri = NULL;
  g_autoptr(MamoriWorkspace) ws = NULL;
  g_autoptr(GPtrArray) problems = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *hash = NULL;
  Writer writers[4];
  GThread *threads[4];
  gint64 id = 0;

  if (!test_pg_available ())
    return;
  ws = new_workspace_on (TEST_ENGINE_POSTGRESQL, NULL, &uri);
  for (int i = 0; i < 4; i++)
    {
      writers[i] = (Writer) { uri, i };
      threads[i] = g_thread_new ("writer", write_settings, &writers[i]);
    }
  for (int i = 0; i < 4; i++)
    g_thread_join (threads[i]);
  g_assert_true (mamori_workspace_verify_log (ws, &hash, &id, &problems, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (problems->len, ==, 0);
  g_assert_cmpint (id, >=, 100);
  g_assert_cmpuint (strlen (hash), ==, 64);
  g_clear_pointer (&problems, g_ptr_array_unref);
  g_clear_pointer (&hash, g_free);
  g_assert_true (mamori_workspace_check (ws, &problems, &error));
  g_assert_cmpuint (problems->len, ==, 0);
  g_clear_pointer (&problems, g_ptr_array_unref);

  {
    g_autofree char *state = test_pg_exec (uri, "UPDATE change_log SET summary = 'rewritten' "
                                                "WHERE id = (SELECT min (id) + 40 FROM change_log)");
    g_assert_cmpstr (state, ==, "");
  }
  g_assert_true (mamori_workspace_verify_log (ws, &hash, &id, &problems, &error));
  g_assert_cmpuint (problems->len, ==, 1);
  g_assert_nonnull (strstr (problems->pdata[0], "does not verify"));
}

static MamoriAsset *asset (const char *name, const char *department);

/* The server goes away in the middle of a transaction (its connection is cut after the first
 * write): the transaction fails with a message naming the lost connection, and nothing of it is
 * in the database. */
static gboolean
write_then_lose_server (MamoriWorkspace *ws,
                        gpointer         data,
                        GError         **error)
{
  const char *uri = data;
  g_autoptr(GPtrArray) one = g_ptr_array_new_with_free_func ((GDestroyNotify) mamori_asset_free);
  g_autoptr(GPtrArray) two = g_ptr_array_new_with_free_func ((GDestroyNotify) mamori_asset_free);
  g_autofree char *state = NULL;

  g_ptr_array_add (one, asset ("顧客名簿", "営業部"));
  if (!mamori_workspace_add_assets (ws, one, error))
    return FALSE;
  state = test_pg_exec (uri, "SELECT pg_terminate_backend (pid) FROM pg_stat_activity "
                             "WHERE datname = current_database () AND pid <> pg_backend_pid ()");
  g_assert_cmpstr (state, ==, "");
  g_ptr_array_add (two, asset ("製品図面", "製造部"));
  return mamori_workspace_add_assets (ws, two, error);
}

static void
test_server_lost_mid_transaction (void)
{
  g_autofree char *uri = NULL;
  g_autoptr(MamoriWorkspace) ws = NULL, again = NULL;
  g_autoptr(GPtrArray) assets = NULL;
  g_autoptr(GError) error = NULL;

  if (!test_pg_available ())
    return;
  ws = new_workspace_on (TEST_ENGINE_POSTGRESQL, NULL, &uri);
  g_assert_false (mamori_workspace_transaction (ws, write_then_lose_server, uri, &error));
  g_assert_nonnull (error);
  g_assert_nonnull (strstr (error->message, "connection to the server was lost"));
  g_clear_error (&error);
  again = mamori_workspace_open (uri, 0, &error);
  g_assert_no_error (error);
  assets = mamori_workspace_list_assets (again, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (assets->len, ==, 0);
}

/* --- the store on both engines ------------------------------------------------------------ */

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
  a->personal_info = TRUE;
  return a;
}

static gboolean
fail_after_setting (MamoriWorkspace *ws,
                    gpointer         data,
                    GError         **error)
{
  g_assert_true (mamori_workspace_set_setting (ws, "risk_method", "gov5", error));
  g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_CANCELLED, "stop");
  return FALSE;
}

/* Inside a transaction a write fails in the database (a CHECK): its savepoint is rolled back
 * and the transaction goes on (PostgreSQL aborts the transaction until ROLLBACK TO). */
static gboolean
inner_failure_then_more (MamoriWorkspace *ws,
                         gpointer         data,
                         GError         **error)
{
  g_autoptr(GPtrArray) bad = g_ptr_array_new_with_free_func ((GDestroyNotify) mamori_asset_free);
  g_autoptr(GError) local = NULL;

  g_ptr_array_add (bad, asset ("", "営業部"));
  if (!mamori_workspace_set_setting (ws, "inner_a", "1", error))
    return FALSE;
  g_assert_false (mamori_workspace_add_assets (ws, bad, &local));
  g_assert_nonnull (local);
  return mamori_workspace_set_setting (ws, "inner_b", "2", error);
}

/* Two people edit the same asset: the second save, from the version read before the first,
 * is refused (CONFLICT) and changes nothing; read again, it saves. */
static void
test_row_versions (gconstpointer data)
{
  TestEngine engine = GPOINTER_TO_INT (data);
  g_autofree char *path = NULL;
  g_autoptr(MamoriWorkspace) a = NULL, b = NULL;
  g_autoptr(GPtrArray) one = g_ptr_array_new_with_free_func ((GDestroyNotify) mamori_asset_free);
  g_autoptr(MamoriAsset) mine = NULL, theirs = NULL, now = NULL, again = NULL;
  g_autoptr(GPtrArray) list = g_ptr_array_new ();
  g_autoptr(GError) error = NULL;
  gint64 id;

  if (engine == TEST_ENGINE_POSTGRESQL && !test_pg_available ())
    return;
  a = new_workspace_on (engine, "versions.mamori", &path);
  b = mamori_workspace_open (path, 0, &error);
  g_assert_no_error (error);
  g_ptr_array_add (one, asset ("顧客名簿", "営業部"));
  g_assert_true (mamori_workspace_add_assets (a, one, &error));
  id = ((MamoriAsset *) one->pdata[0])->id;

  mine = mamori_workspace_get_asset (a, id, &error);
  theirs = mamori_workspace_get_asset (b, id, &error);
  g_assert_no_error (error);
  g_assert_cmpint (mine->row_version, ==, 1);
  g_free (theirs->remarks);
  theirs->remarks = g_strdup ("鍵付きの棚へ");
  g_ptr_array_add (list, theirs);
  g_assert_true (mamori_workspace_update_assets (b, list, &error));
  g_assert_no_error (error);

  g_free (mine->retention);
  mine->retention = g_strdup ("3年");
  g_ptr_array_set_size (list, 0);
  g_ptr_array_add (list, mine);
  g_assert_false (mamori_workspace_update_assets (a, list, &error));
  g_assert_error (error, MAMORI_WORKSPACE_ERROR, MAMORI_WORKSPACE_ERROR_CONFLICT);
  g_assert_nonnull (strstr (error->message, "顧客名簿"));
  g_clear_error (&error);
  now = mamori_workspace_get_asset (a, id, &error);
  g_assert_cmpstr (now->remarks, ==, "鍵付きの棚へ");
  g_assert_cmpstr (now->retention, !=, "3年");
  g_assert_cmpint (now->row_version, ==, 2);

  g_free (now->retention);
  now->retention = g_strdup ("3年");
  g_ptr_array_set_size (list, 0);
  g_ptr_array_add (list, now);
  g_assert_true (mamori_workspace_update_assets (a, list, &error));
  g_assert_no_error (error);
  again = mamori_workspace_get_asset (b, id, &error);
  g_assert_cmpstr (again->remarks, ==, "鍵付きの棚へ");
  g_assert_cmpstr (again->retention, ==, "3年");
  g_assert_cmpint (again->row_version, ==, 3);
  mamori_workspace_close (b);
}

static void
test_basics (gconstpointer data)
{
  g_autoptr(MamoriWorkspace) ws = NULL;
  g_autoptr(MamoriWorkspace) reader = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(MamoriProfile) profile = mamori_profile_new ();
  g_autoptr(MamoriProfile) back = NULL;
  g_autoptr(GPtrArray) assets = g_ptr_array_new_with_free_func ((GDestroyNotify) mamori_asset_free);
  g_autoptr(GPtrArray) listed = NULL;
  g_autoptr(GPtrArray) changes = NULL;
  g_autofree char *path = NULL;
  g_autofree char *value = NULL;
  gboolean empty = FALSE;

  if (!engine_ready (data))
    return;
  ws = new_workspace_on (GPOINTER_TO_INT (data), "basics.mamori", &path);
  g_assert_cmpint (mamori_workspace_get_schema_version (ws), ==, MAMORI_WORKSPACE_SCHEMA_VERSION);
  g_assert_true (mamori_workspace_is_empty (ws, &empty, &error));
  g_assert_true (empty);

  /* Settings: missing, set, replaced (the upsert), with a ? and quotes in the value. */
  value = mamori_workspace_get_setting (ws, "fiscal_year_start", &error);
  g_assert_no_error (error);
  g_assert_null (value);
  g_assert_true (mamori_workspace_set_setting (ws, "fiscal_year_start", "4", &error));
  g_assert_true (mamori_workspace_set_setting (ws, "fiscal_year_start", "it's ?1 \"10\"", &error));
  g_assert_no_error (error);
  value = mamori_workspace_get_setting (ws, "fiscal_year_start", &error);
  g_assert_cmpstr (value, ==, "it's ?1 \"10\"");

  /* The profile: one row, updated. */
  g_free (profile->name);
  profile->name = g_strdup ("株式会社サンプル製作所");
  profile->employees = 120;
  g_assert_true (mamori_workspace_set_profile (ws, profile, &error));
  g_assert_no_error (error);
  back = mamori_workspace_get_profile (ws, &error);
  g_assert_cmpstr (back->name, ==, "株式会社サンプル製作所");
  g_assert_cmpint (back->employees, ==, 120);

  /* Assets: added all at once with their new ids, listed in order. */
  g_ptr_array_add (assets, asset ("顧客名簿", "営業部"));
  g_ptr_array_add (assets, asset ("給与台帳", "総務部"));
  g_assert_true (mamori_workspace_add_assets (ws, assets, &error));
  g_assert_no_error (error);
  g_assert_cmpint (((MamoriAsset *) assets->pdata[0])->id, >, 0);
  g_assert_cmpint (((MamoriAsset *) assets->pdata[1])->id, ==, ((MamoriAsset *) assets->pdata[0])->id + 1);
  listed = mamori_workspace_list_assets (ws, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (listed->len, ==, 2);
  g_assert_cmpstr (((MamoriAsset *) listed->pdata[1])->name, ==, "給与台帳");
  g_assert_cmpint (((MamoriAsset *) listed->pdata[1])->id, ==, ((MamoriAsset *) assets->pdata[1])->id);
  g_assert_true (((MamoriAsset *) listed->pdata[0])->personal_info);
  g_assert_cmpint (((MamoriAsset *) listed->pdata[0])->confidentiality, ==, 2);
  g_assert_true (mamori_workspace_is_empty (ws, &empty, &error));
  g_assert_false (empty);

  /* An asset without a name is refused by the table, and nothing of the batch is kept. */
  g_clear_pointer (&listed, g_ptr_array_unref);
  g_ptr_array_set_size (assets, 0);
  g_ptr_array_add (assets, asset ("取引先一覧", "営業部"));
  g_ptr_array_add (assets, asset ("", "営業部"));
  g_assert_false (mamori_workspace_add_assets (ws, assets, &error));
  g_assert_nonnull (error);
  g_clear_error (&error);
  listed = mamori_workspace_list_assets (ws, &error);
  g_assert_cmpuint (listed->len, ==, 2);

  /* A transaction that fails keeps nothing, and the workspace goes on. */
  g_assert_false (mamori_workspace_transaction (ws, fail_after_setting, NULL, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
  g_clear_error (&error);
  g_clear_pointer (&value, g_free);
  value = mamori_workspace_get_setting (ws, "risk_method", &error);
  g_assert_null (value);

  /* The change log: one line per write, newest first. */
  changes = mamori_workspace_list_changes (ws, 0, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (changes->len, ==, 4);
  g_assert_cmpstr (((MamoriChangeLogEntry *) changes->pdata[0])->entity, ==, "asset");
  g_assert_cmpstr (((MamoriChangeLogEntry *) changes->pdata[0])->summary, ==, "2 assets added");
  g_assert_cmpstr (((MamoriChangeLogEntry *) changes->pdata[3])->entity, ==, "settings");
  g_clear_pointer (&changes, g_ptr_array_unref);
  changes = mamori_workspace_list_changes (ws, 1, &error);
  g_assert_cmpuint (changes->len, ==, 1);

  g_assert_true (mamori_workspace_transaction (ws, inner_failure_then_more, NULL, &error));
  g_assert_no_error (error);
  g_clear_pointer (&value, g_free);
  value = mamori_workspace_get_setting (ws, "inner_b", &error);
  g_assert_cmpstr (value, ==, "2");
  g_clear_pointer (&listed, g_ptr_array_unref);
  listed = mamori_workspace_list_assets (ws, &error);
  g_assert_cmpuint (listed->len, ==, 2);
  g_clear_pointer (&changes, g_ptr_array_unref);
  changes = mamori_workspace_list_changes (ws, 0, &error);
  g_assert_cmpuint (changes->len, ==, 6);

  /* Opened read-only: it reads, and refuses to write with the reason. */
  reader = mamori_workspace_open (path, MAMORI_WORKSPACE_OPEN_READ_ONLY, &error);
  g_assert_no_error (error);
  g_clear_pointer (&value, g_free);
  value = mamori_workspace_get_setting (reader, "fiscal_year_start", &error);
  g_assert_cmpstr (value, ==, "it's ?1 \"10\"");
  g_assert_false (mamori_workspace_set_setting (reader, "fiscal_year_start", "4", &error));
  g_assert_error (error, MAMORI_WORKSPACE_ERROR, MAMORI_WORKSPACE_ERROR_READ_ONLY);
  g_clear_error (&error);

  /* Bytes go in and come back as they were (bytea on a server), zeros and high bytes too. */
  {
    static const guint8 raw[] = { 0x89, 'P', 'N', 'G', 0, 0, 0xff, '\\', 'x', 0x00, 0x7f, 0x80 };
    g_autoptr(GBytes) content = g_bytes_new_static (raw, sizeof raw);
    g_autoptr(GBytes) stored = NULL;
    g_autoptr(GPtrArray) evidence = NULL;
    gint64 assessment = mamori_workspace_create_assessment (ws, "ipa-five-articles", "", "2026-04-01", "山田", &error);
    gint64 id;

    g_assert_no_error (error);
    id = mamori_workspace_add_evidence (ws, assessment, "1", "画面.png", content, &error);
    g_assert_no_error (error);
    g_assert_cmpint (id, >, 0);
    evidence = mamori_workspace_list_evidence (ws, assessment, "1", &error);
    g_assert_no_error (error);
    g_assert_cmpuint (evidence->len, ==, 1);
    g_assert_cmpint (((MamoriEvidence *) evidence->pdata[0])->size, ==, sizeof raw);
    stored = mamori_workspace_get_evidence_content (ws, id, &error);
    g_assert_no_error (error);
    g_assert_true (g_bytes_equal (stored, content));
  }

  /* check passes on a sound workspace. */
  {
    g_autoptr(GPtrArray) problems = NULL;
    g_assert_true (mamori_workspace_check (ws, &problems, &error));
    g_assert_no_error (error);
    g_assert_cmpuint (problems->len, ==, 0);
  }
}

/* --- the server only ---------------------------------------------------------------------- */

/* An empty database is not opened as a workspace unless asked to create one; a database with
 * other tables is another program's; the password never shows in the workspace's name. */
static void
test_server_open (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *uri = NULL, *with_password = NULL, *state = NULL;
  g_autoptr(MamoriWorkspace) ws = NULL;

  if (!test_pg_available ())
    return;
  uri = test_pg_new_database ();
  g_assert_null (mamori_workspace_open (uri, MAMORI_WORKSPACE_OPEN_EXISTING, &error));
  g_assert_error (error, MAMORI_WORKSPACE_ERROR, MAMORI_WORKSPACE_ERROR_NOT_FOUND);
  g_assert_nonnull (strstr (error->message, "init"));
  g_clear_error (&error);

  state = test_pg_exec (uri, "CREATE TABLE invoices (id integer)");
  g_assert_cmpstr (state, ==, "");
  g_assert_null (mamori_workspace_open (uri, MAMORI_WORKSPACE_OPEN_CREATE, &error));
  g_assert_error (error, MAMORI_WORKSPACE_ERROR, MAMORI_WORKSPACE_ERROR_FOREIGN);
  g_clear_error (&error);

  /* The test server trusts local connections, so a password is accepted and ignored. */
  g_clear_pointer (&uri, g_free);
  uri = test_pg_new_database ();
  with_password = g_strconcat (uri, strchr (uri, '?') != NULL ? "&" : "?", "password=s3cret", NULL);
  ws = mamori_workspace_open (with_password, MAMORI_WORKSPACE_OPEN_CREATE, &error);
  g_assert_no_error (error);
  g_assert_null (strstr (mamori_workspace_get_path (ws), "s3cret"));
  g_assert_true (mamori_workspace_is_server_uri (mamori_workspace_get_path (ws)));
}

static int
run_mamori (const char  *uri,
            const char  *command,
            char       **out)
{
  const char *argv[] = { g_getenv ("MAMORI_BIN"), "--workspace", uri, command, NULL };
  g_autoptr(GError) error = NULL;
  int status = -1;

  g_assert_nonnull (argv[0]);
  g_assert_true (g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_STDERR_TO_DEV_NULL, NULL, NULL, out, NULL,
                               &status, &error));
  g_assert_no_error (error);
  return WIFEXITED (status) ? WEXITSTATUS (status) : -1;
}

/* `mamori --workspace URI init` makes the schema that every other command then needs. */
static void
test_server_cli_init (void)
{
  g_autofree char *uri = NULL, *out = NULL;

  if (!test_pg_available ())
    return;
  uri = test_pg_new_database ();
  g_assert_cmpint (run_mamori (uri, "info", NULL), ==, 2);
  g_assert_cmpint (run_mamori (uri, "init", NULL), ==, 0);
  g_assert_cmpint (run_mamori (uri, "info", &out), ==, 0);
  g_assert_nonnull (strstr (out, "format\t18\n"));
  g_clear_pointer (&out, g_free);
  g_assert_cmpint (run_mamori (uri, "check", &out), ==, 0);
}

typedef struct {
  GSocket *listener;
  gboolean asked_for_tls;
} FakeServer;

/* Answers one connection's first packet as a server without TLS would ('N'), and notes whether
 * that packet was an SSLRequest (length 8, code 80877103). */
static gpointer
fake_server (gpointer data)
{
  FakeServer *f = data;
  g_autoptr(GSocket) client = g_socket_accept (f->listener, NULL, NULL);
  guint8 packet[8];
  gssize n = client != NULL ? g_socket_receive (client, (char *) packet, sizeof packet, NULL, NULL) : -1;

  f->asked_for_tls = n == 8 && packet[3] == 8 && packet[4] == 0x04 && packet[5] == 0xd2 && packet[6] == 0x16 &&
                     packet[7] == 0x2f;
  if (client != NULL)
    {
      g_socket_send (client, "N", 1, NULL, NULL);
      g_socket_close (client, NULL);
    }
  return NULL;
}

/* A host other than this computer gets TLS, even when the URI asks for less: a server that
 * cannot do TLS is refused before anything else is sent. No server is needed (127.0.0.2 is on
 * the loopback, but is not counted as this computer). */
static void
test_server_tls_required (void)
{
  const char *queries[] = { "", "?sslmode=disable", "?sslmode=prefer" };

  for (guint i = 0; i < G_N_ELEMENTS (queries); i++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(GInetAddress) loopback2 = g_inet_address_new_from_string ("127.0.0.2");
      g_autoptr(GSocketAddress) any = g_inet_socket_address_new (loopback2, 0);
      g_autoptr(GSocketAddress) bound = NULL;
      g_autofree char *uri = NULL;
      FakeServer f = { NULL, FALSE };
      GThread *thread;

      f.listener = g_socket_new (G_SOCKET_FAMILY_IPV4, G_SOCKET_TYPE_STREAM, G_SOCKET_PROTOCOL_TCP, &error);
      g_assert_no_error (error);
      if (!g_socket_bind (f.listener, any, TRUE, &error))
        {
          g_test_skip ("127.0.0.2 cannot be bound here");
          g_object_unref (f.listener);
          return;
        }
      g_assert_true (g_socket_listen (f.listener, &error));
      bound = g_socket_get_local_address (f.listener, &error);
      uri = g_strdup_printf ("postgresql://mamori@127.0.0.2:%u/mamori%s",
                             g_inet_socket_address_get_port (G_INET_SOCKET_ADDRESS (bound)), queries[i]);
      thread = g_thread_new ("fake-server", fake_server, &f);
      g_assert_null (mamori_workspace_open (uri, MAMORI_WORKSPACE_OPEN_EXISTING, &error));
      g_thread_join (thread);
      g_object_unref (f.listener);
      g_assert_true (f.asked_for_tls);
      g_assert_error (error, MAMORI_WORKSPACE_ERROR, MAMORI_WORKSPACE_ERROR_FAILED);
      g_assert_nonnull (strstr (error->message, "SSL"));
    }
}

/* A server that is not there: a clear error naming the server, well within 10 s. No server is
 * needed for this test. */
static void
test_server_missing (void)
{
  const char *uris[] = {
    "postgresql://mamori@127.0.0.1:1/mamori",                     /* nothing listens on port 1 */
    "postgresql:///mamori?host=/nonexistent/mamori-test",         /* no socket there */
  };

  for (guint i = 0; i < G_N_ELEMENTS (uris); i++)
    {
      g_autoptr(GError) error = NULL;
      gint64 start = g_get_monotonic_time ();
      MamoriWorkspace *ws = mamori_workspace_open (uris[i], MAMORI_WORKSPACE_OPEN_EXISTING, &error);

      g_assert_null (ws);
      g_assert_error (error, MAMORI_WORKSPACE_ERROR, MAMORI_WORKSPACE_ERROR_FAILED);
      g_assert_nonnull (strstr (error->message, uris[i]));
      g_assert_cmpint (g_get_monotonic_time () - start, <, 10 * G_USEC_PER_SEC);
    }
  g_assert_false (mamori_workspace_is_server_uri ("/home/me/postgresql://x.mamori"));
  g_assert_true (mamori_workspace_is_server_uri ("postgres://db.example/mamori"));
}

static void
add_both (const char    *name,
          GTestDataFunc  func)
{
  g_autofree char *file = g_strconcat ("/engines/sqlite/", name, NULL);
  g_autofree char *server = g_strconcat ("/engines/postgresql/", name, NULL);

  g_test_add_data_func (file, GINT_TO_POINTER (TEST_ENGINE_SQLITE), func);
  g_test_add_data_func (server, GINT_TO_POINTER (TEST_ENGINE_POSTGRESQL), func);
}

int
main (int argc, char *argv[])
{
  int status;

  setlocale (LC_ALL, "C.UTF-8");
  g_test_init (&argc, &argv, NULL);
  tmpdir = g_dir_make_tmp ("mamori-engines-XXXXXX", NULL);
  g_test_add_func ("/engines/same-schema", test_same_schema);
  g_test_add_func ("/engines/server-migrates", test_server_migrates);
  g_test_add_func ("/engines/server-reports", test_server_reports);
  g_test_add_func ("/engines/server-notifies", test_server_notifies);
  g_test_add_func ("/engines/server-round-trip", test_server_round_trip);
  g_test_add_func ("/engines/server-chain", test_server_chain);
  g_test_add_data_func ("/engines/sqlite/row-versions", GINT_TO_POINTER (TEST_ENGINE_SQLITE), test_row_versions);
  g_test_add_data_func ("/engines/postgresql/row-versions", GINT_TO_POINTER (TEST_ENGINE_POSTGRESQL), test_row_versions);
  g_test_add_func ("/engines/server-lost-mid-transaction", test_server_lost_mid_transaction);
  add_both ("basics", test_basics);
  g_test_add_func ("/engines/postgresql/open", test_server_open);
  g_test_add_func ("/engines/postgresql/cli-init", test_server_cli_init);
  g_test_add_func ("/engines/postgresql/missing-server", test_server_missing);
  g_test_add_func ("/engines/postgresql/tls-required", test_server_tls_required);
  status = g_test_run ();
  test_pg_cleanup ();
  {
    g_autofree char *cmd = g_strdup_printf ("rm -rf '%s'", tmpdir);
    (void) !system (cmd);
  }
  return status;
}
