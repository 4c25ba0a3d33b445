/* mamori-output.h — writing report files whole: to a temporary name beside the target, then
 * renamed, so a failure never leaves a partial file */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* A new empty temporary file next to path; NULL with a message naming path on failure. */
char     *mamori_output_begin  (const char *path,
                                GError    **error);
/* Renames tmp to path (an ordinary 0644 file); on failure removes tmp and says why. */
gboolean  mamori_output_commit (const char *tmp,
                                const char *path,
                                GError    **error);
/* Removes tmp after a failed write and sets error with the reason. */
void      mamori_output_abort  (const char *tmp,
                                const char *path,
                                const char *reason,
                                GError    **error);

G_END_DECLS
