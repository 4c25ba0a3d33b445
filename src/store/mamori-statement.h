/* mamori-statement.h — the one way store code runs SQL (store-internal: src/store/ only).
 *
 * Every query and write of the store goes through MamoriStatement: SQL with placeholders
 * ?1, ?2, … and values bound by a type string, rows read with typed getters. What is
 * particular to the database engine — preparing, the placeholders' spelling, binding and
 * reading values, result codes and their messages, changed rows and new row ids — lives in
 * mamori-statement.c and nowhere else: it runs the same store on SQLite (a workspace file) and
 * on PostgreSQL through libpq (a workspace on a server, where ?N is written as $N).
 *
 * Types: 'i' gint64 (cast ints: `(gint64) n`), 't' const char * (NULL binds NULL), 'd' double,
 * 'n' NULL (takes no argument), 'b' GBytes *. The n-th letter binds ?n.
 *
 * Files that may still call sqlite3 directly, and why:
 * - mamori-workspace.c: the engine itself — opening and closing connections (the header probe
 *   with read(2), the WAL probe, the read-only and immutable fallbacks, configuring the journal,
 *   mamori_workspace_open_reader), running the migrations (their seeds use this helper), the
 *   integrity check (`PRAGMA quick_check`, `integrity_check`, `foreign_key_check`, the expected
 *   tables), VACUUM INTO (Save a Copy, the upgraded private copy) and the mapping of result
 *   codes to errors (mamori_workspace_set_sqlite_error). Its reads, writes and transaction
 *   statements (BEGIN IMMEDIATE, savepoints, COMMIT) go through this helper;
 * - mamori-workspace-chain.c: the tamper-evident change log follows every row through SQLite's
 *   pre-update hook and hashes the rows' values as SQLite stores them;
 * - mamori-workspace-pg.c: the server's engine — connecting with libpq, the schema of the
 *   current format in PostgreSQL's dialect, and the server's errors (mamori_workspace_set_pg_error);
 * - mamori-workspace-lock.c: the editing lock on network drives (statfs and a lock file; it
 *   makes no sqlite3 call today, but decides the journal mode the engine is opened with).
 * mamori_workspace_get_db() and mamori_workspace_get_pg() are for those files and this one only. */
#pragma once

#include <glib.h>

#include "mamori-workspace.h"

G_BEGIN_DECLS

typedef struct _MamoriStatement MamoriStatement;

/* Prepares sql on workspace's connection and binds types (values are copied). The statement
 * holds the workspace's lock (recursive) until it is freed, so the statements of one call
 * never interleave with another thread's. doing names the action in error messages
 * (_("read the assets")) and must outlive the statement. NULL with error set on failure,
 * naming the file, the engine's message and doing; a closed workspace is an error too. */
MamoriStatement *mamori_statement_new             (MamoriWorkspace  *workspace,
                                                   const char       *doing,
                                                   GError          **error,
                                                   const char       *sql,
                                                   const char       *types,
                                                   ...);
void             mamori_statement_free            (MamoriStatement  *stmt);

/* Binds ?index, ?index + 1, … from types (values are copied); for SQL whose placeholders
 * depend on the query. */
gboolean         mamori_statement_bind            (MamoriStatement  *stmt,
                                                   int               index,
                                                   GError          **error,
                                                   const char       *types,
                                                   ...);

/* TRUE with a row to read; FALSE at the end (error unset) or on failure (error set, and
 * mamori_statement_failed() is TRUE). */
gboolean         mamori_statement_step            (MamoriStatement  *stmt,
                                                   GError          **error);
gboolean         mamori_statement_failed          (MamoriStatement  *stmt);

/* Runs the statement to its end (rows are skipped) and makes it ready to run again. With types,
 * binds ?1, ?2, … first, without copying (the values only need to live during this call): the
 * way to run one prepared statement for many rows. */
gboolean         mamori_statement_execute         (MamoriStatement  *stmt,
                                                   GError          **error,
                                                   const char       *types,
                                                   ...);
/* After the statement ran to its end: the rows it inserted, updated or deleted, and the id
 * of the row an INSERT added. */
gint64           mamori_statement_changes         (MamoriStatement  *stmt);
gint64           mamori_statement_last_insert_id  (MamoriStatement  *stmt);

/* Column values of the current row (columns count from 0). */
gboolean         mamori_statement_is_null         (MamoriStatement  *stmt,
                                                   int               column);
gint64           mamori_statement_int64           (MamoriStatement  *stmt,
                                                   int               column);
int              mamori_statement_int             (MamoriStatement  *stmt,
                                                   int               column);
double           mamori_statement_double          (MamoriStatement  *stmt,
                                                   int               column);
/* Borrowed until the next step; NULL for NULL. */
const char      *mamori_statement_text            (MamoriStatement  *stmt,
                                                   int               column);
/* A new string, "" for NULL. */
char            *mamori_statement_dup_text        (MamoriStatement  *stmt,
                                                   int               column);
/* New bytes, empty for NULL. */
GBytes          *mamori_statement_dup_bytes       (MamoriStatement  *stmt,
                                                   int               column);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (MamoriStatement, mamori_statement_free)

/* --- one call per statement: prepare, bind (values are not copied), run, free ------------ */

/* Called for every row; FALSE (with error set) stops the query with that error. */
typedef gboolean (*MamoriStatementRowFunc) (MamoriStatement  *stmt,
                                            gpointer          data,
                                            GError          **error);

/* A statement that returns no rows (an INSERT, UPDATE, DELETE…). */
gboolean         mamori_statement_run             (MamoriWorkspace  *workspace,
                                                   const char       *doing,
                                                   GError          **error,
                                                   const char       *sql,
                                                   const char       *types,
                                                   ...);
/* An INSERT; *id is the new row's id. */
gboolean         mamori_statement_insert          (MamoriWorkspace  *workspace,
                                                   const char       *doing,
                                                   gint64           *id,
                                                   GError          **error,
                                                   const char       *sql,
                                                   const char       *types,
                                                   ...);
/* A query: row is called for each row. */
gboolean         mamori_statement_query           (MamoriWorkspace  *workspace,
                                                   const char       *doing,
                                                   MamoriStatementRowFunc row,
                                                   gpointer          data,
                                                   GError          **error,
                                                   const char       *sql,
                                                   const char       *types,
                                                   ...);
/* The first column of the first row into *value (for text a new string, NULL for NULL);
 * *value stays as it was when there is no row. FALSE only on failure. */
gboolean         mamori_statement_fetch_int64     (MamoriWorkspace  *workspace,
                                                   const char       *doing,
                                                   gint64           *value,
                                                   GError          **error,
                                                   const char       *sql,
                                                   const char       *types,
                                                   ...);
gboolean         mamori_statement_fetch_text      (MamoriWorkspace  *workspace,
                                                   const char       *doing,
                                                   char            **value,
                                                   GError          **error,
                                                   const char       *sql,
                                                   const char       *types,
                                                   ...);

/* A row's columns, for code that copies whole tables (mamori-workspace-copy.c): their
 * number, names, and the type of the current row's value. */
typedef enum {
  MAMORI_VALUE_NULL,
  MAMORI_VALUE_INTEGER,      /* a PostgreSQL boolean too */
  MAMORI_VALUE_REAL,
  MAMORI_VALUE_TEXT,
  MAMORI_VALUE_BLOB,
} MamoriValueType;

int              mamori_statement_n_columns       (MamoriStatement  *stmt);
const char      *mamori_statement_column_name     (MamoriStatement  *stmt,
                                                   int               column);
MamoriValueType  mamori_statement_column_type     (MamoriStatement  *stmt,
                                                   int               column);

/* --- writes ------------------------------------------------------------------------------ */

/* Runs the statements of one write (the lock is held and a transaction is open) and sets
 * *summary to its change-log line (a new string). Leave *summary NULL when it found nothing
 * to change: the transaction is then rolled back and nothing is announced. "" keeps the change
 * without a change-log line (where the wizard stopped). FALSE with error set undoes it all. */
typedef gboolean (*MamoriWriteFunc) (MamoriWorkspace  *self,
                                     gpointer          data,
                                     char            **summary,
                                     GError          **error);

/* One write: lock, check that the workspace is open, begin (a savepoint inside
 * mamori_workspace_transaction), func, the change-log line (entity, action, *summary), commit,
 * unlock and emit "changed::entity" (inside a transaction: after its outermost commit). On
 * any failure everything func did is rolled back and FALSE returned with error set, naming
 * doing. */
gboolean         mamori_workspace_write           (MamoriWorkspace  *self,
                                                   const char       *entity,
                                                   const char       *action,
                                                   const char       *doing,
                                                   MamoriWriteFunc   func,
                                                   gpointer          data,
                                                   GError          **error);

G_END_DECLS
