/* mamori-statement.c — prepared statements and writes on a workspace's connection: SQLite for
 * a workspace file, PostgreSQL (libpq) for a workspace on a server.
 *
 * PostgreSQL: the placeholders ?N are rewritten as $N (outside quotes and comments); values are
 * sent as text and typed by the server from where they stand (write a cast in the SQL where the
 * context does not say, as `CAST (?1 AS bigint)`), bytes as bytea in binary; a statement runs
 * once per step-through (PQexecParams) and its rows are read from the PGresult as text. An
 * INSERT into a table with an identity column (every INTEGER PRIMARY KEY of the SQLite schema)
 * gets `RETURNING` that column appended, which gives the new row's id in the same round trip (lastval() would depend on which sequence the session touched
 * last, and fail in a transaction when none was). Transactions are the same statements as on
 * SQLite (BEGIN, SAVEPOINT nested, RELEASE, ROLLBACK TO; mamori-workspace.c says BEGIN instead
 * of BEGIN IMMEDIATE): a failed statement aborts PostgreSQL's transaction, and the rollback
 * of the write (or of its savepoint) is what clears it, as the write's contract already does. */
#include "config.h"

#include <libpq-fe.h>
#include <sqlite3.h>
#include <string.h>

#include "mamori-statement.h"
#include "mamori-workspace-internal.h"
#include "mamori-workspace-pg.h"

#define BYTEA_OID 17

struct _MamoriStatement {
  MamoriWorkspace *workspace;  /* not a reference: a statement lives within one call */
  sqlite3         *db;
  sqlite3_stmt    *stmt;
  const char      *doing;
  gint64           changes;
  gint64           last_insert_id;
  gboolean         failed;
  /* PostgreSQL */
  PGconn          *pg;
  char            *pg_sql;      /* with $N, and RETURNING id for an INSERT into a table with ids */
  gboolean         returning;   /* RETURNING was added here: its row is not the caller's */
  int              n_params;
  char           **values;      /* n_params, owned; NULL binds NULL */
  int             *lengths;
  int             *formats;
  unsigned int    *types;
  PGresult        *result;
  int              row;         /* the current row of result */
  int              n_rows;
  gboolean         ran;         /* result holds this run's rows */
};

static void
set_error (MamoriStatement  *self,
           int               rc,
           GError          **error)
{
  self->failed = TRUE;
  mamori_workspace_set_sqlite_error (error, mamori_workspace_get_path (self->workspace), self->db, rc, self->doing);
}

static void
set_pg_error (MamoriStatement  *self,
              const PGresult   *result,
              GError          **error)
{
  self->failed = TRUE;
  mamori_workspace_set_pg_error (error, mamori_workspace_get_path (self->workspace), self->pg, result, self->doing);
}

/* --- PostgreSQL ----------------------------------------------------------------------------- */

/* ?N → $N outside string literals, quoted names and comments; *n_params is the highest N.
 * NULL for a bare ? (this helper numbers every placeholder). */
static char *
pg_translate (const char *sql,
              int        *n_params)
{
  GString *out = g_string_sized_new (strlen (sql) + 16);
  const char *p = sql;

  *n_params = 0;
  while (*p != '\0')
    {
      if (*p == '\'' || *p == '"')
        {
          char quote = *p;
          g_string_append_c (out, *p++);
          while (*p != '\0' && *p != quote)
            g_string_append_c (out, *p++);
          if (*p != '\0')
            g_string_append_c (out, *p++);
        }
      else if (p[0] == '-' && p[1] == '-')
        {
          while (*p != '\0' && *p != '\n')
            g_string_append_c (out, *p++);
        }
      else if (p[0] == '/' && p[1] == '*')
        {
          const char *end = strstr (p + 2, "*/");
          const char *stop = end != NULL ? end + 2 : p + strlen (p);
          g_string_append_len (out, p, stop - p);
          p = stop;
        }
      else if (*p == '?')
        {
          int n = 0;
          p++;
          if (!g_ascii_isdigit (*p))
            {
              g_string_free (out, TRUE);
              return NULL;
            }
          while (g_ascii_isdigit (*p))
            n = n * 10 + (*p++ - '0');
          *n_params = MAX (*n_params, n);
          g_string_append_printf (out, "$%d", n);
        }
      else
        g_string_append_c (out, *p++);
    }
  return g_string_free (out, FALSE);
}

/* The table of `INSERT INTO table …` (a new string), or NULL. */
static char *
insert_table (const char *sql)
{
  const char *p = sql, *start;

  while (g_ascii_isspace (*p))
    p++;
  if (g_ascii_strncasecmp (p, "INSERT", 6) != 0)
    return NULL;
  p += 6;
  while (g_ascii_isspace (*p))
    p++;
  if (g_ascii_strncasecmp (p, "INTO", 4) != 0 || !g_ascii_isspace (p[4]))
    return NULL;
  p += 4;
  while (g_ascii_isspace (*p))
    p++;
  start = p;
  while (g_ascii_isalnum (*p) || *p == '_')
    p++;
  return p > start ? g_strndup (start, p - start) : NULL;
}

static gboolean
pg_prepare (MamoriStatement  *self,
            const char       *sql,
            GError          **error)
{
  g_autofree char *table = insert_table (sql);
  const char *identity = table != NULL ? mamori_workspace_pg_identity (self->workspace, table) : NULL;

  self->pg_sql = pg_translate (sql, &self->n_params);
  if (self->pg_sql == NULL)
    {
      self->failed = TRUE;
      g_set_error (error, MAMORI_WORKSPACE_ERROR, MAMORI_WORKSPACE_ERROR_FAILED,
                   "Could not %s: a placeholder without a number in “%s”", self->doing, sql);
      return FALSE;
    }
  if (identity != NULL && strstr (self->pg_sql, "RETURNING") == NULL && strstr (self->pg_sql, "returning") == NULL)
    {
      char *with = g_strconcat (self->pg_sql, " RETURNING ", identity, NULL);
      g_free (self->pg_sql);
      self->pg_sql = with;
      self->returning = TRUE;
    }
  self->values = g_new0 (char *, MAX (self->n_params, 1));
  self->lengths = g_new0 (int, MAX (self->n_params, 1));
  self->formats = g_new0 (int, MAX (self->n_params, 1));
  self->types = g_new0 (unsigned int, MAX (self->n_params, 1));
  return TRUE;
}

static void
pg_clear_bindings (MamoriStatement *self)
{
  for (int i = 0; i < self->n_params; i++)
    {
      g_clear_pointer (&self->values[i], g_free);
      self->lengths[i] = 0;
      self->formats[i] = 0;
      self->types[i] = 0;
    }
}

static void
pg_reset (MamoriStatement *self)
{
  g_clear_pointer (&self->result, PQclear);
  self->ran = FALSE;
  self->row = -1;
  self->n_rows = 0;
}

/* Binds $index, $index + 1, … as text (bytes as bytea in binary). Values are always copied. */
static gboolean
pg_bind_valist (MamoriStatement  *self,
                int               index,
                const char       *types,
                va_list           args,
                GError          **error)
{
  for (int i = 0; types != NULL && types[i] != '\0'; i++, index++)
    {
      char *value = NULL;
      int length = 0, format = 0;
      unsigned int type = 0;

      switch (types[i])
        {
        case 'i':
          value = g_strdup_printf ("%" G_GINT64_FORMAT, va_arg (args, gint64));
          break;
        case 'd':
          {
            char buf[G_ASCII_DTOSTR_BUF_SIZE];
            value = g_strdup (g_ascii_dtostr (buf, sizeof buf, va_arg (args, double)));
            break;
          }
        case 'n':
          break;
        case 't':
          value = g_strdup (va_arg (args, const char *));
          break;
        case 'b':
          {
            gsize len;
            const void *data = g_bytes_get_data (va_arg (args, GBytes *), &len);
            value = len > 0 ? g_memdup2 (data, len) : g_strdup ("");
            length = (int) len;
            format = 1;
            type = BYTEA_OID;
            break;
          }
        default:
          g_assert_not_reached ();
        }
      if (index < 1 || index > self->n_params)
        {
          g_free (value);
          self->failed = TRUE;
          g_set_error (error, MAMORI_WORKSPACE_ERROR, MAMORI_WORKSPACE_ERROR_FAILED,
                       "Could not %s: no placeholder ?%d", self->doing, index);
          return FALSE;
        }
      g_free (self->values[index - 1]);
      self->values[index - 1] = value;
      self->lengths[index - 1] = length;
      self->formats[index - 1] = format;
      self->types[index - 1] = type;
    }
  return TRUE;
}

static gboolean
pg_step (MamoriStatement  *self,
         GError          **error)
{
  if (!self->ran)
    {
      ExecStatusType status;

      pg_reset (self);
      self->result = PQexecParams (self->pg, self->pg_sql, self->n_params, self->types,
                                   (const char * const *) self->values, self->lengths, self->formats, 0);
      self->ran = TRUE;
      status = PQresultStatus (self->result);
      if (status != PGRES_TUPLES_OK && status != PGRES_COMMAND_OK)
        {
          set_pg_error (self, self->result, error);
          return FALSE;
        }
      self->n_rows = status == PGRES_TUPLES_OK ? PQntuples (self->result) : 0;
      self->changes = g_ascii_strtoll (PQcmdTuples (self->result), NULL, 10);
      if (self->returning)
        {
          if (self->n_rows > 0)
            self->last_insert_id = g_ascii_strtoll (PQgetvalue (self->result, self->n_rows - 1, 0), NULL, 10);
          self->n_rows = 0;
        }
    }
  self->row++;
  return self->row < self->n_rows;
}

/* An integer column; a boolean (t/f) counts as 1/0, as SQLite's comparisons give. */
static gint64
pg_column_int64 (MamoriStatement *self,
          int              column)
{
  const char *v;

  if (PQgetisnull (self->result, self->row, column))
    return 0;
  v = PQgetvalue (self->result, self->row, column);
  if (v[0] == 't' && v[1] == '\0')
    return 1;
  if (v[0] == 'f' && v[1] == '\0')
    return 0;
  return g_ascii_strtoll (v, NULL, 10);
}

/* --- both engines --------------------------------------------------------------------------- */

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
  self->pg = mamori_workspace_get_pg (workspace);
  self->doing = doing;
  self->row = -1;
  if (self->pg != NULL)
    {
      if (!pg_prepare (self, sql, error) || !pg_bind_valist (self, 1, types, args, error))
        {
          mamori_statement_free (self);
          return NULL;
        }
      return self;
    }
  /* SQLite reads the placeholders ?1, ?2, … as they are written. */
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
  if (self->pg != NULL)
    {
      pg_reset (self);
      pg_clear_bindings (self);
      g_free (self->values);
      g_free (self->lengths);
      g_free (self->formats);
      g_free (self->types);
      g_free (self->pg_sql);
    }
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
  if (self->pg != NULL)
    {
      gboolean ok = pg_bind_valist (self, index, types, args, error);
      va_end (args);
      return ok;
    }
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
  int rc;

  if (self->pg != NULL)
    return pg_step (self, error);
  rc = sqlite3_step (self->stmt);
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

  if (self->pg != NULL)
    {
      pg_reset (self);
      if (types != NULL)
        {
          va_list args;
          va_start (args, types);
          ok = pg_bind_valist (self, 1, types, args, error);
          va_end (args);
          if (!ok)
            return FALSE;
        }
      while (pg_step (self, error))
        ;
      ok = !self->failed;
      pg_reset (self);
      return ok;
    }
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
  if (self->pg != NULL)
    return PQgetisnull (self->result, self->row, column);
  return sqlite3_column_type (self->stmt, column) == SQLITE_NULL;
}

gint64
mamori_statement_int64 (MamoriStatement *self,
                        int              column)
{
  if (self->pg != NULL)
    return pg_column_int64 (self, column);
  return sqlite3_column_int64 (self->stmt, column);
}

int
mamori_statement_int (MamoriStatement *self,
                      int              column)
{
  if (self->pg != NULL)
    return (int) pg_column_int64 (self, column);
  return sqlite3_column_int (self->stmt, column);
}

double
mamori_statement_double (MamoriStatement *self,
                         int              column)
{
  if (self->pg != NULL)
    return PQgetisnull (self->result, self->row, column) ? 0.0
                                                          : g_ascii_strtod (PQgetvalue (self->result, self->row, column), NULL);
  return sqlite3_column_double (self->stmt, column);
}

const char *
mamori_statement_text (MamoriStatement *self,
                       int              column)
{
  if (self->pg != NULL)
    return PQgetisnull (self->result, self->row, column) ? NULL : PQgetvalue (self->result, self->row, column);
  return (const char *) sqlite3_column_text (self->stmt, column);
}

char *
mamori_statement_dup_text (MamoriStatement *self,
                           int              column)
{
  const char *t = mamori_statement_text (self, column);
  return g_strdup (t != NULL ? t : "");
}

int
mamori_statement_n_columns (MamoriStatement *self)
{
  if (self->pg != NULL)
    return self->result != NULL ? PQnfields (self->result) : 0;
  return sqlite3_column_count (self->stmt);
}

const char *
mamori_statement_column_name (MamoriStatement *self,
                              int              column)
{
  if (self->pg != NULL)
    return PQfname (self->result, column);
  return sqlite3_column_name (self->stmt, column);
}

/* PostgreSQL's type oids (pg_type.dat) of the types a workspace uses. */
#define BOOL_OID 16
#define INT8_OID 20
#define INT2_OID 21
#define INT4_OID 23
#define FLOAT4_OID 700
#define FLOAT8_OID 701

MamoriValueType
mamori_statement_column_type (MamoriStatement *self,
                              int              column)
{
  if (self->pg != NULL)
    {
      if (PQgetisnull (self->result, self->row, column))
        return MAMORI_VALUE_NULL;
      switch (PQftype (self->result, column))
        {
        case BOOL_OID:
        case INT8_OID:
        case INT2_OID:
        case INT4_OID:
          return MAMORI_VALUE_INTEGER;
        case FLOAT4_OID:
        case FLOAT8_OID:
          return MAMORI_VALUE_REAL;
        case BYTEA_OID:
          return MAMORI_VALUE_BLOB;
        default:
          return MAMORI_VALUE_TEXT;
        }
    }
  switch (sqlite3_column_type (self->stmt, column))
    {
    case SQLITE_NULL:
      return MAMORI_VALUE_NULL;
    case SQLITE_INTEGER:
      return MAMORI_VALUE_INTEGER;
    case SQLITE_FLOAT:
      return MAMORI_VALUE_REAL;
    case SQLITE_BLOB:
      return MAMORI_VALUE_BLOB;
    default:
      return MAMORI_VALUE_TEXT;
    }
}

GBytes *
mamori_statement_dup_bytes (MamoriStatement *self,
                            int              column)
{
  const void *data;
  int len;

  if (self->pg != NULL)
    {
      /* bytea comes as text in hex (\x…). */
      size_t n = 0;
      unsigned char *raw;
      GBytes *bytes;

      if (PQgetisnull (self->result, self->row, column))
        return g_bytes_new (NULL, 0);
      raw = PQunescapeBytea ((const unsigned char *) PQgetvalue (self->result, self->row, column), &n);
      bytes = g_bytes_new (raw, raw != NULL ? n : 0);
      PQfreemem (raw);
      return bytes;
    }
  data = sqlite3_column_blob (self->stmt, column);
  len = sqlite3_column_bytes (self->stmt, column);
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
