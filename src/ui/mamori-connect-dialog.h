/* mamori-connect-dialog.h — "Connect to a Server…": a workspace on a PostgreSQL server, its
 * password kept in the GNOME keyring (libsecret), never in settings or the recent list */
#pragma once

#include <adwaita.h>

#include "store/mamori-workspace.h"

G_BEGIN_DECLS

#define MAMORI_TYPE_CONNECT_DIALOG (mamori_connect_dialog_get_type ())
G_DECLARE_FINAL_TYPE (MamoriConnectDialog, mamori_connect_dialog, MAMORI, CONNECT_DIALOG, AdwWindow)

/* A modal dialog over parent, its fields filled from uri (a server workspace's path, or NULL
 * for an empty form). It emits "connected" (MamoriWorkspace *, open and owned by the handler)
 * and closes when a connection succeeds; Cancel closes it and drops a connection under way. */
MamoriConnectDialog *mamori_connect_dialog_new     (GtkWindow           *parent,
                                                    const char          *uri);
/* The password found in the keyring: kept there unchanged when the connection succeeds. */
void                 mamori_connect_dialog_set_password (MamoriConnectDialog *self,
                                                         const char          *password);
/* Connects with what the fields hold, in a worker (up to 10 s): a spinner meanwhile, the
 * server's error in the dialog when it fails. */
void                 mamori_connect_dialog_connect (MamoriConnectDialog *self);
/* The error shown, or NULL (for tests). */
const char          *mamori_connect_dialog_get_error (MamoriConnectDialog *self);
gboolean             mamori_connect_dialog_is_connecting (MamoriConnectDialog *self);

/* A server workspace's URI from its parts: user and database percent-encoded, a Unix socket
 * folder (a host starting with '/') as the host parameter, the password (NULL or "": none) as
 * the last parameter, password=…, which the workspace's path never shows. */
char     *mamori_server_uri_build  (const char  *host,
                                    guint        port,
                                    const char  *database,
                                    const char  *user,
                                    const char  *password);
/* The parts of a server URI (each may be NULL); port 5432 when the URI names none; "" for an
 * absent host (the local socket), user or password. FALSE when uri is not a server URI. */
gboolean  mamori_server_uri_parse  (const char  *uri,
                                    char       **host,
                                    guint       *port,
                                    char       **database,
                                    char       **user,
                                    char       **password);
/* How the recent list names a server workspace: “DB on HOST” (or “DB on this computer”). */
char     *mamori_server_uri_label  (const char  *uri);

/* The password of the server workspace uri in the keyring (schema
 * "io.github.mamori.Mamori.Server": host, port, database, user). NULL when none is stored. */
void      mamori_server_password_lookup        (const char          *uri,
                                                GCancellable        *cancellable,
                                                GAsyncReadyCallback  callback,
                                                gpointer             user_data);
char     *mamori_server_password_lookup_finish (GAsyncResult        *result,
                                                GError             **error);
/* Stores (password non-empty) or removes (NULL or "") the password of uri in the keyring. */
void      mamori_server_password_store         (const char          *uri,
                                                const char          *password,
                                                GCancellable        *cancellable,
                                                GAsyncReadyCallback  callback,
                                                gpointer             user_data);
gboolean  mamori_server_password_store_finish  (GAsyncResult        *result,
                                                GError             **error);

G_END_DECLS
