/* mamori-workspace-copy.c — a whole workspace copied between engines: a local file into an
 * empty server workspace (`import workspace`), and a server workspace into a local file
 * (`export workspace`, and the window's Save a Copy). Every table is copied row by row with its
 * ids; the copy is all or nothing.
 *
 * The file's change log is hash-chained (mamori-workspace-chain.c) and a server's is not yet:
 * a file made from a server gets the server's log lines as they are, sealed as one block, with
 * each table's digest computed afresh, so `check` verifies it; the lines' own hashes from an
 * earlier file are not carried over. Engine level (like mamori-workspace-chain.c): it writes
 * the new file through SQLite directly, before the file is opened as a workspace. */
#include "config.h"

#include <glib/gi18n.h>
#include <sqlite3.h>
#include <string.h>

#include "mamori-statement.h"
#include "mamori-workspace-chain.h"
#include "mamori-workspace-internal.h"
#include "mamori-workspace-copy.h"

/* Every table of the current format with content, parents before children. table_digest is
 * the file's own (recomputed); a server's mamori_schema and roles are the server's. */
const char * const mamori_workspace_copy_tables[] = {
  "organisation", "settings", "stepup_task", "library", "library_version", "scope_version", "scope_entry",
  "assessment", "answer", "note", "evidence", "measure", "question_answer", "sheet_answer",
  "audit_plan", "audit_check", "corrective_action",
  "asset", "medium_threat", "document", "document_version", "review",
  "people", "training_plans", "trainings", "attendance", "pledges",
  "incidents", "incident_updates", "incident_notices", "incident_assets", "incident_measures",
  "exceptions", "acceptances", "suppliers", "supplier_assets", "change_log",
  NULL
};

/* --- reading the source ------------------------------------------------------------------- */

typedef gboolean (*RowSink) (MamoriStatement *row, const char *table, gpointer data, GError **error);

/* Calls sink for every row of table in src, in id order (the first column). */
static gboolean
read_table (MamoriWorkspace  *src,
            const char       *table,
            RowSink           sink,
            gpointer          data,
            GError          **error)
{
  const char *doing = _("read the workspace");
  g_autofree char *sql = g_strdup_printf ("SELECT * FROM %s ORDER BY 1", table);
  g_autoptr(MamoriStatement) stmt = mamori_statement_new (src, doing, error, sql, "");

  if (stmt == NULL)
    return FALSE;
  while (mamori_statement_step (stmt, error))
    if (!sink (stmt, table, data, error))
      return FALSE;
  return !mamori_statement_failed (stmt);
}

static char *
insert_sql (MamoriStatement *row,
            const char      *table)
{
  GString *sql = g_string_new (NULL);
  int n = mamori_statement_n_columns (row);

  g_string_append_printf (sql, "INSERT INTO %s (", table);
  for (int i = 0; i < n; i++)
    g_string_append_printf (sql, "%s%s", i > 0 ? ", " : "", mamori_statement_column_name (row, i));
  g_string_append (sql, ") VALUES (");
  for (int i = 0; i < n; i++)
    g_string_append_printf (sql, "%s?%d", i > 0 ? ", " : "", i + 1);
  g_string_append (sql, ")");
  return g_string_free (sql, FALSE);
}

/* --- into a server workspace (through the statement helper) ------------------------------- */

typedef struct {
  MamoriWorkspace *dest;
  MamoriStatement *insert;   /* for the table being copied, prepared on its first row */
  guint n_rows;
} ToServer;

static gboolean
row_to_server (MamoriStatement  *row,
               const char       *table,
               gpointer          data,
               GError          **error)
{
  ToServer *t = data;
  int n = mamori_statement_n_columns (row);

  if (t->insert == NULL)
    {
      g_autofree char *sql = insert_sql (row, table);
      t->insert = mamori_statement_new (t->dest, _("copy the workspace"), error, sql, "");
      if (t->insert == NULL)
        return FALSE;
    }
  for (int i = 0; i < n; i++)
    {
      gboolean ok = TRUE;
      switch (mamori_statement_column_type (row, i))
        {
        case MAMORI_VALUE_NULL:
          ok = mamori_statement_bind (t->insert, i + 1, error, "n");
          break;
        case MAMORI_VALUE_INTEGER:
          ok = mamori_statement_bind (t->insert, i + 1, error, "i", mamori_statement_int64 (row, i));
          break;
        case MAMORI_VALUE_REAL:
          ok = mamori_statement_bind (t->insert, i + 1, error, "d", mamori_statement_double (row, i));
          break;
        case MAMORI_VALUE_BLOB:
          {
            g_autoptr(GBytes) bytes = mamori_statement_dup_bytes (row, i);
            ok = mamori_statement_bind (t->insert, i + 1, error, "b", bytes);
            break;
          }
        case MAMORI_VALUE_TEXT:
        default:
          ok = mamori_statement_bind (t->insert, i + 1, error, "t", mamori_statement_text (row, i));
          break;
        }
      if (!ok)
        return FALSE;
    }
  if (!mamori_statement_execute (t->insert, error, NULL))
    return FALSE;
  t->n_rows++;
  return TRUE;
}

typedef struct {
  MamoriWorkspace *src;
  MamoriWorkspace *dest;
  guint n_rows;
} Import;

static gboolean
write_import (MamoriWorkspace  *self,
              gpointer          data,
              char            **summary,
              GError          **error)
{
  Import *im = data;
  const char *doing = _("copy the workspace");

  /* The rows an empty workspace has (its defaults, settings, the lines of its setting up)
   * come from the source instead. */
  if (!mamori_statement_run (self, doing, error, "DELETE FROM medium_threat", NULL) ||
      !mamori_statement_run (self, doing, error, "DELETE FROM organisation", NULL) ||
      !mamori_statement_run (self, doing, error, "DELETE FROM settings", NULL) ||
      !mamori_statement_run (self, doing, error, "DELETE FROM change_log", NULL))
    return FALSE;
  for (guint i = 0; mamori_workspace_copy_tables[i] != NULL; i++)
    {
      const char *table = mamori_workspace_copy_tables[i];
      ToServer t = { self, NULL, 0 };
      gboolean ok = read_table (im->src, table, row_to_server, &t, error);
      g_clear_pointer (&t.insert, mamori_statement_free);
      if (!ok)
        return FALSE;
      im->n_rows += t.n_rows;
      /* A server's identity columns go on after the copied ids. */
      if (mamori_workspace_is_server (self) && mamori_workspace_pg_identity (self, table) != NULL)
        {
          const char *column = mamori_workspace_pg_identity (self, table);
          g_autofree char *sql = g_strdup_printf ("SELECT setval (pg_get_serial_sequence ('%s', '%s'), "
                                                  "(SELECT coalesce (max (%s), 0) + 1 FROM %s), false)",
                                                  table, column, column, table);
          if (!mamori_statement_run (self, doing, error, sql, NULL))
            return FALSE;
        }
    }
  *summary = g_strdup_printf ("workspace copied from %s (%u rows)", mamori_workspace_get_path (im->src), im->n_rows);
  return TRUE;
}

gboolean
mamori_workspace_import_workspace (MamoriWorkspace  *self,
                                   const char       *source,
                                   guint            *n_rows,
                                   GError          **error)
{
  g_autoptr(MamoriWorkspace) src = NULL;
  gboolean empty = FALSE;
  Import im = { NULL, self, 0 };

  if (!mamori_workspace_is_server (self))
    {
      g_set_error (error, MAMORI_WORKSPACE_ERROR, MAMORI_WORKSPACE_ERROR_INVALID,
                   _("A whole workspace is imported into an empty workspace on a server; to copy a file, copy the file."));
      return FALSE;
    }
  if (!mamori_workspace_is_empty (self, &empty, error))
    return FALSE;
  if (!empty)
    {
      g_autofree char *name = mamori_workspace_dup_name (self);
      g_set_error (error, MAMORI_WORKSPACE_ERROR, MAMORI_WORKSPACE_ERROR_NOT_EMPTY,
                   _("“%s” already has content: a whole workspace is imported only into an empty one."), name);
      return FALSE;
    }
  src = mamori_workspace_open (source, MAMORI_WORKSPACE_OPEN_READ_ONLY, error);
  if (src == NULL)
    return FALSE;
  if (mamori_workspace_get_schema_version (src) != MAMORI_WORKSPACE_SCHEMA_VERSION)
    {
      g_set_error (error, MAMORI_WORKSPACE_ERROR, MAMORI_WORKSPACE_ERROR_INVALID,
                   _("“%s” has an older workspace format: open it once in Mamori to update it, then import it."), source);
      return FALSE;
    }
  im.src = src;
  if (!mamori_workspace_write (self, "workspace", "import", _("copy the workspace"), write_import, &im, error))
    return FALSE;
  mamori_workspace_close (src);
  if (n_rows != NULL)
    *n_rows = im.n_rows;
  return TRUE;
}

/* --- into a new file (SQLite directly) ---------------------------------------------------- */

typedef struct {
  sqlite3 *db;
  sqlite3_stmt *insert;
  const char *path;
  guint n_rows;
} ToFile;

static gboolean
set_file_error (ToFile      *f,
                int          rc,
                GError     **error)
{
  mamori_workspace_set_sqlite_error (error, f->path, f->db, rc, _("copy the workspace"));
  return FALSE;
}

static gboolean
row_to_file (MamoriStatement  *row,
             const char       *table,
             gpointer          data,
             GError          **error)
{
  ToFile *f = data;
  int n = mamori_statement_n_columns (row);
  int rc;

  if (f->insert == NULL)
    {
      g_autofree char *sql = insert_sql (row, table);
      if ((rc = sqlite3_prepare_v2 (f->db, sql, -1, &f->insert, NULL)) != SQLITE_OK)
        return set_file_error (f, rc, error);
    }
  sqlite3_reset (f->insert);
  for (int i = 0; i < n; i++)
    {
      const char *name = mamori_statement_column_name (row, i);
      /* The file's chain is sealed afresh (see the top of the file). */
      if (g_str_equal (table, "change_log") && (g_str_equal (name, "digests") || g_str_equal (name, "hash")))
        {
          sqlite3_bind_text (f->insert, i + 1, "", 0, SQLITE_STATIC);
          continue;
        }
      switch (mamori_statement_column_type (row, i))
        {
        case MAMORI_VALUE_NULL:
          sqlite3_bind_null (f->insert, i + 1);
          break;
        case MAMORI_VALUE_INTEGER:
          sqlite3_bind_int64 (f->insert, i + 1, mamori_statement_int64 (row, i));
          break;
        case MAMORI_VALUE_REAL:
          sqlite3_bind_double (f->insert, i + 1, mamori_statement_double (row, i));
          break;
        case MAMORI_VALUE_BLOB:
          {
            g_autoptr(GBytes) bytes = mamori_statement_dup_bytes (row, i);
            gsize len;
            const void *p = g_bytes_get_data (bytes, &len);
            sqlite3_bind_blob64 (f->insert, i + 1, len > 0 ? p : "", len, SQLITE_TRANSIENT);
            break;
          }
        case MAMORI_VALUE_TEXT:
        default:
          sqlite3_bind_text (f->insert, i + 1, mamori_statement_text (row, i), -1, SQLITE_TRANSIENT);
          break;
        }
    }
  if ((rc = sqlite3_step (f->insert)) != SQLITE_DONE)
    return set_file_error (f, rc, error);
  f->n_rows++;
  return TRUE;
}

gboolean
mamori_workspace_copy_to_new_file (MamoriWorkspace  *self,
                                   const char       *tmp,
                                   GError          **error)
{
  g_autoptr(MamoriWorkspace) fresh = NULL;
  ToFile f = { NULL, NULL, tmp, 0 };
  int rc;

  /* A new file of the current format, then its content replaced by the source's. */
  fresh = mamori_workspace_open (tmp, MAMORI_WORKSPACE_OPEN_CREATE, error);
  if (fresh == NULL)
    return FALSE;
  mamori_workspace_close (fresh);
  if ((rc = sqlite3_open_v2 (tmp, &f.db, SQLITE_OPEN_READWRITE, NULL)) != SQLITE_OK)
    {
      set_file_error (&f, rc, error);
      sqlite3_close (f.db);
      return FALSE;
    }
  rc = sqlite3_exec (f.db, "PRAGMA foreign_keys = ON; BEGIN IMMEDIATE; DELETE FROM table_digest;", NULL, NULL, NULL);
  for (int i = G_N_ELEMENTS (mamori_workspace_copy_tables) - 2; rc == SQLITE_OK && i >= 0; i--)
    {
      g_autofree char *sql = g_strdup_printf ("DELETE FROM %s", mamori_workspace_copy_tables[i]);
      rc = sqlite3_exec (f.db, sql, NULL, NULL, NULL);
    }
  if (rc != SQLITE_OK)
    goto failed;
  for (guint i = 0; mamori_workspace_copy_tables[i] != NULL; i++)
    {
      gboolean ok = read_table (self, mamori_workspace_copy_tables[i], row_to_file, &f, error);
      g_clear_pointer (&f.insert, sqlite3_finalize);
      if (!ok)
        {
          sqlite3_exec (f.db, "ROLLBACK", NULL, NULL, NULL);
          sqlite3_close (f.db);
          return FALSE;
        }
    }
  if ((rc = mamori_chain_after_migration (f.db)) != SQLITE_OK ||
      (rc = sqlite3_exec (f.db, "COMMIT", NULL, NULL, NULL)) != SQLITE_OK)
    goto failed;
  sqlite3_close (f.db);
  return TRUE;

failed:
  set_file_error (&f, rc, error);
  sqlite3_exec (f.db, "ROLLBACK", NULL, NULL, NULL);
  sqlite3_close (f.db);
  return FALSE;
}
