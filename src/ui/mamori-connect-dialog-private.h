/* mamori-connect-dialog-private.h — for tests only: filling the fields as a user would */
#pragma once

#include "mamori-connect-dialog.h"

G_BEGIN_DECLS

void mamori_connect_dialog_fill (MamoriConnectDialog *self,
                                 const char          *host,
                                 const char          *port,
                                 const char          *database,
                                 const char          *user,
                                 const char          *password,
                                 gboolean             remember);

G_END_DECLS
