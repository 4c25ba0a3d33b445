/* mamori-pending.h — temporary files of writes under way, cleaned up after a crash.
 *
 * Every output is written under a temporary name beside its target (".NAME.XXXXXX") and
 * renamed when complete. If the program dies in between, the temporary file would stay
 * behind in the user's folder; so each one is noted in the user's state folder while it
 * exists, and the next start of Mamori removes those whose program is gone. */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* Notes tmp (the full path of a temporary file being written). */
void  mamori_pending_add    (const char *tmp);
/* Forgets tmp (it was renamed into place or removed). */
void  mamori_pending_remove (const char *tmp);
/* Removes the temporary files noted by programs that no longer run (another process, or a
 * start before the last reboot); returns how many it removed. Call at start. */
guint mamori_pending_clean  (void);

/* Writes a whole file: to ".NAME.XXXXXX" beside path (noted while it exists), flushed to
 * disk, then renamed over path, so path is either the old file or the complete new one.
 * Messages name path, never the temporary file. */
/* For writers that need a file name (libxlsxwriter, cairo): reserves ".NAME.XXXXXX" beside
 * path and notes it; commit renames it over path (mode 0644), abort removes it. */
char    *mamori_pending_begin  (const char  *path,
                                GError     **error);
gboolean mamori_pending_commit (const char  *tmp,
                                const char  *path,
                                GError     **error);
void     mamori_pending_abort  (const char  *tmp);
/* Rewrites a message that names tmp so that it names path instead. */
void     mamori_pending_rename_in_error (GError     *error,
                                         const char *tmp,
                                         const char *path);

gboolean mamori_write_file_atomically (const char  *path,
                                       const void  *data,
                                       gsize        length,
                                       int          mode,
                                       GError     **error);

G_END_DECLS
