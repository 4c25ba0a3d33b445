/* mamori-workspace.h — one organisation's sqlite workspace file (*.mamori).
 *
 * The only place that talks SQL is src/store/. Every write runs in one transaction and
 * leaves a change-log row (what, when, which OS user) in that same transaction. */
#pragma once

#include <gio/gio.h>

#include "core/mamori-profile.h"

G_BEGIN_DECLS

#define MAMORI_WORKSPACE_SCHEMA_VERSION 18
#define MAMORI_WORKSPACE_EXTENSION ".mamori"

#define MAMORI_WORKSPACE_ERROR (mamori_workspace_error_quark ())
GQuark mamori_workspace_error_quark (void);

typedef enum {
  /* the file given is not something we can open: bad input */
  MAMORI_WORKSPACE_ERROR_NOT_FOUND,
  MAMORI_WORKSPACE_ERROR_IS_DIRECTORY,
  MAMORI_WORKSPACE_ERROR_UNREADABLE,
  MAMORI_WORKSPACE_ERROR_EMPTY_FILE,
  MAMORI_WORKSPACE_ERROR_NOT_SQLITE,
  MAMORI_WORKSPACE_ERROR_FOREIGN,
  MAMORI_WORKSPACE_ERROR_TRUNCATED,
  MAMORI_WORKSPACE_ERROR_CORRUPT,
  MAMORI_WORKSPACE_ERROR_TOO_NEW,
  MAMORI_WORKSPACE_ERROR_EXISTS,
  MAMORI_WORKSPACE_ERROR_INVALID,
  /* the work failed on a sound file */
  MAMORI_WORKSPACE_ERROR_NOT_EMPTY,
  MAMORI_WORKSPACE_ERROR_READ_ONLY,
  MAMORI_WORKSPACE_ERROR_DISK_FULL,
  MAMORI_WORKSPACE_ERROR_BUSY,
  MAMORI_WORKSPACE_ERROR_FAILED,
  MAMORI_WORKSPACE_ERROR_CONFLICT,   /* someone else changed the row since it was read */
  /* a server workspace: the connection to the server was lost (mamori_workspace_reconnect) */
  MAMORI_WORKSPACE_ERROR_DISCONNECTED,
} MamoriWorkspaceError;

/* Row versions (team use): a row read from the workspace carries its version, and a write
 * given that version back is refused with MAMORI_WORKSPACE_ERROR_CONFLICT when someone changed
 * the row meanwhile. Where a function takes the version as read: */
#define MAMORI_ROW_VERSION_ANY   0    /* no check: write over whatever is stored */
#define MAMORI_ROW_VERSION_NONE (-1)  /* read as not there: refused when someone added it meanwhile */

typedef enum {
  MAMORI_WORKSPACE_OPEN_EXISTING = 0,      /* the file must exist */
  MAMORI_WORKSPACE_OPEN_CREATE   = 1 << 0, /* create it when missing */
  /* Never write the file (also when its folder is read-only or its disk full); an older
   * format is read through an updated private copy. */
  MAMORI_WORKSPACE_OPEN_READ_ONLY = 1 << 1,
  /* Open for writing, but when the file is damaged or someone else edits it (the editing
   * lock on a shared drive), open it read-only and say why (get_read_only_reason). */
  MAMORI_WORKSPACE_OPEN_FALLBACK_READ_ONLY = 1 << 2,
} MamoriWorkspaceOpenFlags;

typedef struct {
  gint64 id;
  char *at;        /* ISO 8601 with offset */
  char *os_user;
  char *entity;
  char *action;
  char *summary;
  char *digests;   /* the digests of the tables the change touched ("table=hex;…") */
  char *hash;      /* SHA-256 over the previous row's hash and this row ("" before the chain) */
} MamoriChangeLogEntry;

void mamori_change_log_entry_free (MamoriChangeLogEntry *entry);

#define MAMORI_TYPE_WORKSPACE (mamori_workspace_get_type ())
G_DECLARE_FINAL_TYPE (MamoriWorkspace, mamori_workspace, MAMORI, WORKSPACE, GObject)

/* TRUE when the error means “this input is not usable” (command-line exit status 2). */
gboolean         mamori_workspace_error_is_bad_input (const GError *error);

/* TRUE when the connection to a server workspace's server was lost: the window says so and
 * retries with mamori_workspace_reconnect. */
gboolean         mamori_workspace_error_is_disconnected (const GError *error);

char            *mamori_workspace_default_path   (void);

/* TRUE when path is a postgresql:// (or postgres://) connection URI: a workspace on a
 * PostgreSQL server, which mamori_workspace_open connects to (see README, "Team use"). */
gboolean         mamori_workspace_is_server_uri  (const char *path);
/* TRUE for a workspace on a PostgreSQL server. */
gboolean         mamori_workspace_is_server      (MamoriWorkspace *self);

/* path: a workspace file, or a server's URI (mamori_workspace_is_server_uri); with
 * MAMORI_WORKSPACE_OPEN_CREATE an empty database gets the schema. */
MamoriWorkspace *mamori_workspace_open           (const char                *path,
                                                  MamoriWorkspaceOpenFlags   flags,
                                                  GError                   **error);
/* Makes a fresh workspace at path, replacing a file that is there (the caller asked the
 * user first). Built beside it under a temporary name and renamed into place. */
MamoriWorkspace *mamori_workspace_create_replacing (const char  *path,
                                                    GError     **error);
void             mamori_workspace_close          (MamoriWorkspace *self);

const char      *mamori_workspace_get_path       (MamoriWorkspace *self);
/* A server workspace: from now on, the other users' changes are emitted as "changed" too (the
 * server's notifications, read in the thread-default main context). Each write notifies the
 * channel MAMORI_WORKSPACE_PG_CHANNEL with its entity when it commits. Nothing for a file. */
#define MAMORI_WORKSPACE_PG_CHANNEL "mamori_changed"
gboolean         mamori_workspace_watch_server   (MamoriWorkspace *self,
                                                  GError         **error);
/* A server workspace whose connection was lost (an error with
 * mamori_workspace_error_is_disconnected, or the "disconnected" signal, which the watch emits
 * once when the server goes away): connects again (in the thread that uses the workspace; up
 * to connect_timeout), with the session's settings and the watch as they were. TRUE at once
 * when the connection is sound, and for a file. */
gboolean         mamori_workspace_reconnect      (MamoriWorkspace *self,
                                                  GError         **error);
/* TRUE when the server of uri (a server workspace's path) answers: a PQping, without logging
 * in; may block up to 10 s, so call it in a worker. */
gboolean         mamori_workspace_server_answers (const char      *uri);
/* Copies the whole workspace at source (a file, or another server's URI) into self, an empty
 * workspace on a server, in one transaction: every table with its ids, the change log too.
 * *n_rows (may be NULL): the rows copied. `export workspace` is mamori_workspace_save_copy. */
gboolean         mamori_workspace_import_workspace (MamoriWorkspace *self,
                                                    const char      *source,
                                                    guint           *n_rows,
                                                    GError         **error);
/* A short name for people: a file's name, or a server workspace's database name. */
char            *mamori_workspace_dup_name       (MamoriWorkspace *self);
/* NULL when the workspace can be written; else a sentence saying why it cannot. */
const char      *mamori_workspace_get_read_only_reason (MamoriWorkspace *self);
int              mamori_workspace_get_schema_version (MamoriWorkspace *self);
gboolean         mamori_workspace_is_empty       (MamoriWorkspace *self,
                                                  gboolean        *empty,
                                                  GError         **error);
/* Integrity and schema check; problems gets one human-readable line per problem. */
gboolean         mamori_workspace_check          (MamoriWorkspace *self,
                                                  GPtrArray      **problems,
                                                  GError         **error);

MamoriProfile   *mamori_workspace_get_profile    (MamoriWorkspace      *self,
                                                  GError              **error);
gboolean         mamori_workspace_set_profile    (MamoriWorkspace      *self,
                                                  const MamoriProfile  *profile,
                                                  GError              **error);

char            *mamori_workspace_get_setting    (MamoriWorkspace *self,
                                                  const char      *key,
                                                  GError         **error);
gboolean         mamori_workspace_set_setting    (MamoriWorkspace *self,
                                                  const char      *key,
                                                  const char      *value,
                                                  GError         **error);

/* Set of the completed step-up task keys (char* → itself). */
GHashTable      *mamori_workspace_get_done_tasks (MamoriWorkspace *self,
                                                  GError         **error);
gboolean         mamori_workspace_set_task_done  (MamoriWorkspace *self,
                                                  const char      *key,
                                                  gboolean         done,
                                                  GError         **error);

typedef gboolean (*MamoriWorkspaceTransactionFunc) (MamoriWorkspace  *self,
                                                    gpointer          user_data,
                                                    GError          **error);

/* Runs func inside one transaction: every write it makes commits together, or none does
 * when it returns FALSE. The changed signals are emitted after the commit. */
gboolean         mamori_workspace_transaction    (MamoriWorkspace                *self,
                                                  MamoriWorkspaceTransactionFunc  func,
                                                  gpointer                        user_data,
                                                  GError                        **error);

/* Changes committed to this file through another connection (a worker's): the changed
 * signal is emitted for each entity, as if they had been made through this one. */
void             mamori_workspace_announce_changes (MamoriWorkspace    *self,
                                                    const char * const *entities);

/* The change log's newest hash (64 hex digits) and its row id: printed in reports, it pins
 * the log as it was. FALSE with error set on failure; hash "" and id 0 for an empty log. */
gboolean         mamori_workspace_get_log_head   (MamoriWorkspace *self,
                                                  char           **hash,
                                                  gint64          *id,
                                                  GError         **error);

/* Walks the change log's chain, the approved-version rule and the table digests (what
 * `check` does beyond SQLite's own checks): problems gets one line per finding, empty when
 * it verifies; hash and id as get_log_head. */
gboolean         mamori_workspace_verify_log     (MamoriWorkspace *self,
                                                  char           **hash,
                                                  gint64          *id,
                                                  GPtrArray      **problems,
                                                  GError         **error);

/* Newest first; limit 0 means all. Elements are MamoriChangeLogEntry. */
GPtrArray       *mamori_workspace_list_changes   (MamoriWorkspace *self,
                                                  guint            limit,
                                                  GError         **error);

/* A consistent, compacted copy at dest (mode 0600), written under a temporary name and
 * renamed, so a failure never leaves a partial file at dest. Safe to call in a thread. */
gboolean         mamori_workspace_save_copy      (MamoriWorkspace *self,
                                                  const char      *dest,
                                                  GError         **error);
void             mamori_workspace_save_copy_async  (MamoriWorkspace     *self,
                                                    const char          *dest,
                                                    GCancellable        *cancellable,
                                                    GAsyncReadyCallback  callback,
                                                    gpointer             user_data);
gboolean         mamori_workspace_save_copy_finish (MamoriWorkspace  *self,
                                                    GAsyncResult     *result,
                                                    GError          **error);

G_END_DECLS
