/* mamori-workspace-pg.h — a workspace on a PostgreSQL server (store-internal, engine level:
 * only mamori-workspace.c and mamori-statement.c include it). */
#pragma once

#include <libpq-fe.h>

#include "mamori-workspace.h"

G_BEGIN_DECLS

/* Connects to uri (a postgresql:// URI; connect_timeout 10 s unless it says otherwise; TLS
 * required unless the host is this computer or a Unix socket), checks that the database holds
 * a Mamori workspace of this format, or with MAMORI_WORKSPACE_OPEN_CREATE makes one in an empty
 * database. MAMORI_WORKSPACE_OPEN_READ_ONLY opens a read-only session. */
MamoriWorkspace *mamori_workspace_pg_open     (const char                *uri,
                                               MamoriWorkspaceOpenFlags   flags,
                                               GError                   **error);

/* Maps a failed statement (result may be NULL: the connection's message) to our error codes,
 * with the server's message. display: the URI without a password. */
void             mamori_workspace_set_pg_error (GError          **error,
                                                const char       *display,
                                                PGconn           *conn,
                                                const PGresult   *result,
                                                const char       *doing);

/* `check` on a server: the format and every table and column of the schema. */
gboolean         mamori_workspace_pg_check    (MamoriWorkspace  *self,
                                               GPtrArray       **problems,
                                               GError          **error);

/* A read-only connection for one query in a worker (mamori_workspace_open_reader): no checks of
 * the format or the role, which the workspace's own connection made. */
MamoriWorkspace *mamori_workspace_pg_open_reader (const char  *uri,
                                                  GError     **error);

/* FALSE with an error: what doing needs is not there yet for a server workspace. */
gboolean         mamori_workspace_pg_not_yet  (MamoriWorkspace  *self,
                                               const char       *doing,
                                               GError          **error);

/* Format 14 on PostgreSQL in one step; the later formats are migrations in mamori-workspace-pg.c. */
extern const char mamori_workspace_pg_schema[];

G_END_DECLS
