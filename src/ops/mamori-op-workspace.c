/* mamori-op-workspace.c — a whole workspace in and out: `import workspace FILE.mamori` into an
 * empty server workspace, `export workspace OUT.mamori` (a complete local copy: a backup, or a
 * copy to take offline). Both lossless: the store copies every table (mamori-workspace-copy.c). */
#include "config.h"

#include <glib/gi18n.h>

#include "mamori-ops-private.h"

gboolean
mamori_op_import_workspace (MamoriOpContext  *ctx,
                            GError          **error)
{
  guint n_rows = 0;

  if (!mamori_workspace_import_workspace (ctx->workspace, ctx->request->path, &n_rows, error))
    return FALSE;
  ctx->result->n_rows = n_rows;
  return TRUE;
}

gboolean
mamori_op_export_workspace (MamoriOpContext  *ctx,
                            GError          **error)
{
  return mamori_workspace_save_copy (ctx->workspace, ctx->request->path, error);
}
