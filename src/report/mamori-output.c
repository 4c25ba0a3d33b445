/* mamori-output.c — temporary file, then rename */
#include "config.h"

#include <errno.h>
#include <gio/gio.h>
#include <glib/gi18n.h>
#include <glib/gstdio.h>
#include <unistd.h>

#include "mamori-output.h"
#include "core/mamori-pending.h"

/* The work is done by core/mamori-pending.c, which also notes the temporary file so that
 * one left by a crash is removed at the next start. */
char *
mamori_output_begin (const char *path,
                     GError    **error)
{
  return mamori_pending_begin (path, error);
}

gboolean
mamori_output_commit (const char *tmp,
                      const char *path,
                      GError    **error)
{
  return mamori_pending_commit (tmp, path, error);
}

void
mamori_output_abort (const char *tmp,
                     const char *path,
                     const char *reason,
                     GError    **error)
{
  g_autofree char *name = g_filename_display_name (path);
  g_set_error (error, G_IO_ERROR, G_IO_ERROR_FAILED, _("Could not write “%s”: %s"), name, reason);
  mamori_pending_abort (tmp);
}
