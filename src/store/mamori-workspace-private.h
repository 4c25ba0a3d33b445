/* mamori-workspace-private.h — hooks for tests only */
#pragma once

#include "mamori-workspace.h"
#include "mamori-workspace-lock.h"

G_BEGIN_DECLS

/* Creates a new workspace file at path migrated only up to version (for migration tests). */
gboolean mamori_workspace_create_at_version (const char  *path,
                                             int          version,
                                             GError     **error);

/* Caps the file at its current size plus extra_pages pages, so that a test can run into
 * SQLITE_FULL (the disk-full path) without filling a disk. */
gboolean mamori_workspace_limit_size_for_test (MamoriWorkspace *self,
                                               int              extra_pages);

/* Replaces the statfs() probe that decides whether a path is on a network filesystem
 * (NULL restores it). */
void     mamori_workspace_set_fs_type_probe_for_test (MamoriFsTypeProbe probe);

G_END_DECLS
