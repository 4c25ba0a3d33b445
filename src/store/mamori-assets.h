/* mamori-assets.h — the information-asset ledger in the workspace */
#pragma once

#include "core/mamori-asset.h"
#include "mamori-workspace.h"

G_BEGIN_DECLS

/* Adds all assets in one transaction (all or nothing) with one change-log entry. */
gboolean    mamori_workspace_add_assets          (MamoriWorkspace *self,
                                                  GPtrArray       *assets,
                                                  GError         **error);
/* Every asset, in ledger order (MamoriAsset*). */
GPtrArray  *mamori_workspace_list_assets         (MamoriWorkspace *self,
                                                  GError         **error);
/* medium → its threat value (the most frequent threat of its catalogue entries), as
 * GINT_TO_POINTER. Media without entries are absent (use 2, as core does). */
GHashTable *mamori_workspace_get_medium_threats  (MamoriWorkspace *self,
                                                  GError         **error);
int         mamori_medium_threat_lookup          (GHashTable      *threats,
                                                  const char      *medium);

typedef struct {
  char *medium;
  char *threat;
  int frequency;
} MamoriThreatEntry;

void        mamori_threat_entry_free             (MamoriThreatEntry *entry);
/* The threat catalogue, by medium (MamoriThreatEntry*). */
GPtrArray  *mamori_workspace_list_threat_catalogue (MamoriWorkspace *self,
                                                    GError         **error);

G_END_DECLS
