/* mamori-window-private.h — for tests only: the page shown and whether an export runs */
#pragma once

#include "mamori-connect-dialog.h"
#include "mamori-window.h"

G_BEGIN_DECLS

const char      *mamori_window_get_visible_page       (MamoriWindow      *self);
gboolean         mamori_window_is_exporting           (MamoriWindow      *self);
/* The server banner shows (the server of a server workspace cannot be reached). */
gboolean         mamori_window_is_server_lost         (MamoriWindow      *self);
/* The Recent Workspaces submenu's items. */
GMenuModel      *mamori_window_get_recent_menu        (MamoriWindow      *self);
/* The Connect to a Server dialog, when open. */
MamoriConnectDialog *mamori_window_get_connect_dialog (MamoriWindow      *self);
/* Shows workspace (taken over), as a connection from the dialog does. */
void             mamori_window_take_workspace         (MamoriWindow      *self,
                                                       MamoriWorkspace   *workspace);

/* The page named name ("overview", "assessments", "assets", "registers", "documents",
 * "reports"), made if it was not yet. */
GtkWidget       *mamori_window_get_page               (MamoriWindow      *self,
                                                       const char        *name);
/* What the role bar says, or NULL when it is hidden. */
const char      *mamori_window_get_role_bar_text      (MamoriWindow      *self);
G_END_DECLS
