/* mamori-workspace-private.h — hooks for tests only */
#pragma once

#include "mamori-workspace.h"

G_BEGIN_DECLS

/* Creates a new workspace file at path migrated only up to version (for migration tests). */
gboolean mamori_workspace_create_at_version (const char  *path,
                                             int          version,
                                             GError     **error);

G_END_DECLS
