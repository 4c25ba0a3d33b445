/* mamori-workspace-copy.h — a whole workspace copied between engines (store-internal). */
#pragma once

#include "mamori-workspace.h"

G_BEGIN_DECLS

/* The tables with content, parents first, NULL-terminated (a test checks it covers them all). */
extern const char * const mamori_workspace_copy_tables[];

/* Writes self (a server workspace) into the new file tmp (which must not exist): a workspace
 * file of the current format with the same content, its change log sealed as one block. */
gboolean mamori_workspace_copy_to_new_file (MamoriWorkspace  *self,
                                            const char       *tmp,
                                            GError          **error);

G_END_DECLS
