/* mamori-workspace-lock.h — workspaces on shared drives (store-internal).
 *
 * SQLite's WAL needs shared memory on one host, so on a network filesystem (SMB/CIFS, NFS,
 * FUSE clients such as sshfs, 9P) a workspace is opened with a rollback journal, and one user
 * at a time edits it: an editing lock file beside the workspace names who holds it, and a
 * second user opens the workspace read-only. */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

typedef struct _MamoriEditLock MamoriEditLock;

/* The statfs() f_type of the filesystem that holds path (0 when unknown). */
typedef guint64 (*MamoriFsTypeProbe) (const char *path);

/* TRUE when path lies on a filesystem on which WAL is unsafe. */
gboolean        mamori_workspace_on_network_fs (const char *path);

/* Takes the editing lock of the workspace at path. When someone else holds it, returns NULL
 * and sets holder to a sentence naming them ("田中 太郎 (PC-12) has had it open since 10:02").
 * A lock left by a process of this computer that no longer runs is taken over. On any other
 * failure returns NULL with error set. */
MamoriEditLock *mamori_edit_lock_acquire (const char  *path,
                                          char       **holder,
                                          GError     **error);
/* Removes the lock file if it is still ours. */
void            mamori_edit_lock_release (MamoriEditLock *lock);
/* The lock file's name for path. */
char           *mamori_edit_lock_path    (const char *path);

G_END_DECLS
