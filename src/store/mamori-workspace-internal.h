/* mamori-workspace-internal.h — shared by the files of src/store/ only */
#pragma once

#include <sqlite3.h>

#include "mamori-workspace.h"

G_BEGIN_DECLS

sqlite3  *mamori_workspace_get_db           (MamoriWorkspace *self);
void      mamori_workspace_lock             (MamoriWorkspace *self);
void      mamori_workspace_unlock           (MamoriWorkspace *self);
gboolean  mamori_workspace_ensure_open      (MamoriWorkspace *self,
                                             GError         **error);
/* BEGIN IMMEDIATE, or a savepoint inside an open transaction; call with the lock held. */
gboolean  mamori_workspace_begin            (MamoriWorkspace *self,
                                             const char      *doing,
                                             GError         **error);
gboolean  mamori_workspace_commit           (MamoriWorkspace *self,
                                             const char      *doing,
                                             GError         **error);
void      mamori_workspace_rollback         (MamoriWorkspace *self);
gboolean  mamori_workspace_log_change       (MamoriWorkspace *self,
                                             const char      *entity,
                                             const char      *action,
                                             const char      *summary,
                                             GError         **error);
/* Records one change-log line (skipped when summary is NULL or empty) and commits. */
gboolean  mamori_workspace_log_and_commit   (MamoriWorkspace *self,
                                             const char      *entity,
                                             const char      *action,
                                             const char      *summary,
                                             const char      *doing,
                                             GError         **error);
/* After a commit, with the lock released. */
void      mamori_workspace_emit_changed     (MamoriWorkspace *self,
                                             const char      *entity);
void      mamori_workspace_set_sqlite_error (GError         **error,
                                             const char      *path,
                                             sqlite3         *db,
                                             int              rc,
                                             const char      *doing);
char     *mamori_workspace_now              (void);
/* Runs one read-only statement under the lock: bind (may be NULL) binds its parameters, row is
 * called for every result row. On failure error names the path, the sqlite message and doing. */
gboolean  mamori_workspace_read             (MamoriWorkspace *self,
                                             const char      *sql,
                                             void           (*bind) (sqlite3_stmt *stmt, gpointer data),
                                             void           (*row) (sqlite3_stmt *stmt, gpointer data),
                                             gpointer         data,
                                             const char      *doing,
                                             GError         **error);
/* A text column as a new string, "" for NULL. */
char     *mamori_workspace_column_text      (sqlite3_stmt    *stmt,
                                             int              column);

G_END_DECLS
