/* mamori-statement.c — prepared statements and writes on a workspace's connection (SQLite). */
#include "config.h"

#include <sqlite3.h>

#include "mamori-statement.h"
#include "mamori-workspace-internal.h"

struct _MamoriStatement {
  MamoriWorkspace *workspace;  /* not a reference: a statement lives within one call */
  sqlite3         *db;
  sqlite3_stmt    *stmt;
  const char      *doing;
  gint64           changes;
  gint64           last_insert_id;
  gboolean         failed;
};

static void
set_error (MamoriStatement  *self,
           int               rc,
           GError          **error)
{
  self->failed = TRUE;
  mamori_workspace_set_sqlite_error (error, mamori_workspace_get_path (self->workspace), self->db, rc, self->doing);
}

/* Binds ?index, ?index + 1, … from types; copy: whether SQLite keeps its own copy of text and
 * bytes (else they must stay valid while the statement uses them). */
static int
bind_valist (sqlite3_stmt *stmt,
             int           index,
             const char   *types,
             va_list       args,
             gboolean      copy)
{
  sqlite3_destructor_type keep = copy ? SQLITE_TRANSIENT : SQLITE_STATIC;
  int rc = SQLITE_OK;

  for (int i = 0; rc == SQLITE_OK && types != NULL && types[i] != '\0'; i++, index++)
    {
      switch (types[i])
        {
        case 'i':
          rc = sqlite3_bind_int64 (stmt, index, va_arg (args, gint64));
          break;
        case 'd':
          rc = sqlite3_bind_double (stmt, index, va_arg (args, double));
          break;
        case 'n':
          rc = sqlite3_bind_null (stmt, index);
          break;
        case 't':
          {
            const char *t = va_arg (args, const char *);
            rc = t != NULL ? sqlite3_bind_text (stmt, index, t, -1, keep) : sqlite3_bind_null (stmt, index);
            break;
          }
        case 'b':
          {
            GBytes *b = va_arg (args, GBytes *);
            gsize len;
            const void *data = g_bytes_get_data (b, &len);
            rc = sqlite3_bind_blob64 (stmt, index, data != NULL ? data : "", len, keep);
            break;
          }
        default:
          g_assert_not_reached ();
        }
    }
  return rc;
}

static MamoriStatement *
statement_new_valist (MamoriWorkspace  *workspace,
                      const char       *doing,
                      GError          **error,
                      const char       *sql,
                      const char       *types,
                      va_list           args,
                      gboolean          copy)
{
  MamoriStatement *self;
  int rc;

  mamori_workspace_lock (workspace);
  if (!mamori_workspace_ensure_open (workspace, error))
    {
      mamori_workspace_unlock (workspace);
      return NULL;
    }
  self = g_new0 (MamoriStatement, 1);
  self->workspace = workspace;
  self->db = mamori_workspace_get_db (workspace);
  self->doing = doing;
  /* SQLite reads the placeholders ?1, ?2, … as they are written. Another engine would
   * translate them here and only here (PostgreSQL: $1, $2, …). */
  rc = sqlite3_prepare_v2 (self->db, sql, -1, &self->stmt, NULL);
  if (rc == SQLITE_OK)
    rc = bind_valist (self->stmt, 1, types, args, copy);
  if (rc != SQLITE_OK)
    {
      set_error (self, rc, error);
      mamori_statement_free (self);
      return NULL;
    }
  return self;
}

MamoriStatement *
mamori_statement_new (MamoriWorkspace  *workspace,
                      const char       *doing,
                      GError          **error,
                      const char       *sql,
                      const char       *types,
                      ...)
{
  MamoriStatement *self;
  va_list args;

  va_start (args, types);
  self = statement_new_valist (workspace, doing, error, sql, types, args, TRUE);
  va_end (args);
  return self;
}

void
mamori_statement_free (MamoriStatement *self)
{
  if (self == NULL)
    return;
  sqlite3_finalize (self->stmt);
  mamori_workspace_unlock (self->workspace);
  g_free (self);
}

gboolean
mamori_statement_bind (MamoriStatement  *self,
                       int               index,
                       GError          **error,
                       const char       *types,
                       ...)
{
  va_list args;
  int rc;

  va_start (args, types);
  rc = bind_valist (self->stmt, index, types, args, TRUE);
  va_end (args);
  if (rc != SQLITE_OK)
    {
      set_error (self, rc, error);
      return FALSE;
    }
  return TRUE;
}

gboolean
mamori_statement_step (MamoriStatement  *self,
                       GError          **error)
{
  int rc = sqlite3_step (self->stmt);

  if (rc == SQLITE_ROW)
    return TRUE;
  if (rc == SQLITE_DONE)
    {
      self->changes = sqlite3_changes (self->db);
      self->last_insert_id = sqlite3_last_insert_rowid (self->db);
    }
  else
    set_error (self, rc, error);
  return FALSE;
}

gboolean
mamori_statement_failed (MamoriStatement *self)
{
  return self->failed;
}

gboolean
mamori_statement_execute (MamoriStatement  *self,
                          GError          **error,
                          const char       *types,
                          ...)
{
  gboolean ok;

  if (types != NULL)
    {
      va_list args;
      int rc;

      sqlite3_reset (self->stmt);
      va_start (args, types);
      rc = bind_valist (self->stmt, 1, types, args, FALSE);
      va_end (args);
      if (rc != SQLITE_OK)
        {
          set_error (self, rc, error);
          sqlite3_clear_bindings (self->stmt);
          return FALSE;
        }
    }
  while (mamori_statement_step (self, error))
    ;
  ok = !self->failed;
  sqlite3_reset (self->stmt);
  /* Nothing may point at the caller's values once this returns. */
  if (types != NULL)
    sqlite3_clear_bindings (self->stmt);
  return ok;
}

gint64
mamori_statement_changes (MamoriStatement *self)
{
  return self->changes;
}

gint64
mamori_statement_last_insert_id (MamoriStatement *self)
{
  return self->last_insert_id;
}

gboolean
mamori_statement_is_null (MamoriStatement *self,
                          int              column)
{
  return sqlite3_column_type (self->stmt, column) == SQLITE_NULL;
}

gint64
mamori_statement_int64 (MamoriStatement *self,
                        int              column)
{
  return sqlite3_column_int64 (self->stmt, column);
}

int
mamori_statement_int (MamoriStatement *self,
                      int              column)
{
  return sqlite3_column_int (self->stmt, column);
}

double
mamori_statement_double (MamoriStatement *self,
                         int              column)
{
  return sqlite3_column_double (self->stmt, column);
}

const char *
mamori_statement_text (MamoriStatement *self,
                       int              column)
{
  return (const char *) sqlite3_column_text (self->stmt, column);
}

char *
mamori_statement_dup_text (MamoriStatement *self,
                           int              column)
{
  const char *t = (const char *) sqlite3_column_text (self->stmt, column);
  return g_strdup (t != NULL ? t : "");
}

GBytes *
mamori_statement_dup_bytes (MamoriStatement *self,
                            int              column)
{
  const void *data = sqlite3_column_blob (self->stmt, column);
  int len = sqlite3_column_bytes (self->stmt, column);

  return g_bytes_new (data, len);
}

/* --- one call per statement -------------------------------------------------------------- */

gboolean
mamori_statement_run (MamoriWorkspace  *workspace,
                      const char       *doing,
                      GError          **error,
                      const char       *sql,
                      const char       *types,
                      ...)
{
  g_autoptr(MamoriStatement) stmt = NULL;
  va_list args;

  va_start (args, types);
  stmt = statement_new_valist (workspace, doing, error, sql, types, args, FALSE);
  va_end (args);
  return stmt != NULL && mamori_statement_execute (stmt, error, NULL);
}

gboolean
mamori_statement_insert (MamoriWorkspace  *workspace,
                         const char       *doing,
                         gint64           *id,
                         GError          **error,
                         const char       *sql,
                         const char       *types,
                         ...)
{
  g_autoptr(MamoriStatement) stmt = NULL;
  va_list args;

  va_start (args, types);
  stmt = statement_new_valist (workspace, doing, error, sql, types, args, FALSE);
  va_end (args);
  if (stmt == NULL || !mamori_statement_execute (stmt, error, NULL))
    return FALSE;
  *id = stmt->last_insert_id;
  return TRUE;
}

gboolean
mamori_statement_query (MamoriWorkspace         *workspace,
                        const char              *doing,
                        MamoriStatementRowFunc   row,
                        gpointer                 data,
                        GError                 **error,
                        const char              *sql,
                        const char              *types,
                        ...)
{
  g_autoptr(MamoriStatement) stmt = NULL;
  va_list args;

  va_start (args, types);
  stmt = statement_new_valist (workspace, doing, error, sql, types, args, FALSE);
  va_end (args);
  if (stmt == NULL)
    return FALSE;
  while (mamori_statement_step (stmt, error))
    if (!row (stmt, data, error))
      return FALSE;
  return !stmt->failed;
}

gboolean
mamori_statement_fetch_int64 (MamoriWorkspace  *workspace,
                              const char       *doing,
                              gint64           *value,
                              GError          **error,
                              const char       *sql,
                              const char       *types,
                              ...)
{
  g_autoptr(MamoriStatement) stmt = NULL;
  va_list args;

  va_start (args, types);
  stmt = statement_new_valist (workspace, doing, error, sql, types, args, FALSE);
  va_end (args);
  if (stmt == NULL)
    return FALSE;
  if (mamori_statement_step (stmt, error))
    *value = mamori_statement_int64 (stmt, 0);
  return !stmt->failed;
}

gboolean
mamori_statement_fetch_text (MamoriWorkspace  *workspace,
                             const char       *doing,
                             char            **value,
                             GError          **error,
                             const char       *sql,
                             const char       *types,
                             ...)
{
  g_autoptr(MamoriStatement) stmt = NULL;
  va_list args;

  va_start (args, types);
  stmt = statement_new_valist (workspace, doing, error, sql, types, args, FALSE);
  va_end (args);
  if (stmt == NULL)
    return FALSE;
  if (mamori_statement_step (stmt, error))
    *value = g_strdup (mamori_statement_text (stmt, 0));
  return !stmt->failed;
}

/* --- writes ------------------------------------------------------------------------------ */

gboolean
mamori_workspace_write (MamoriWorkspace  *self,
                        const char       *entity,
                        const char       *action,
                        const char       *doing,
                        MamoriWriteFunc   func,
                        gpointer          data,
                        GError          **error)
{
  g_autofree char *summary = NULL;

  if (!mamori_workspace_ensure_open (self, error))
    return FALSE;
  mamori_workspace_lock (self);
  if (!mamori_workspace_begin (self, doing, error))
    {
      mamori_workspace_unlock (self);
      return FALSE;
    }
  if (!func (self, data, &summary, error))
    goto fail;
  if (summary == NULL)
    {
      /* Nothing to change: no change-log line, nothing to announce. */
      mamori_workspace_rollback (self);
      mamori_workspace_unlock (self);
      return TRUE;
    }
  if (*summary != '\0' && !mamori_workspace_log_change (self, entity, action, summary, error))
    goto fail;
  /* A commit that fails has rolled back already (a savepoint only its own level). */
  if (!mamori_workspace_commit (self, doing, error))
    {
      mamori_workspace_unlock (self);
      return FALSE;
    }
  mamori_workspace_unlock (self);
  mamori_workspace_emit_changed (self, entity);
  return TRUE;

fail:
  mamori_workspace_rollback (self);
  mamori_workspace_unlock (self);
  return FALSE;
}
