/* mamori-assets-private.h — for tests only: one asset saved on its own */
#pragma once

#include <glib.h>

#include "core/mamori-asset.h"
#include "mamori-workspace.h"

G_BEGIN_DECLS

/* Saves every field of asset (by its id) in one transaction; the change log names the
 * fields that changed. */
gboolean    mamori_workspace_update_asset        (MamoriWorkspace   *self,
                                                  const MamoriAsset *asset,
                                                  GError           **error);

G_END_DECLS
