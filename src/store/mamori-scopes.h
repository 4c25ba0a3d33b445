/* mamori-scopes.h — storing a checklist's scope versions (core/mamori-scope.h says what a
 * scope is) and the version an assessment is answered in. */
#pragma once

#include "core/mamori-scope.h"
#include "mamori-workspace.h"

G_BEGIN_DECLS

/* Saves scope (validated against checklist) as the checklist's next version: sets id, number
 * and created_at. */
gboolean     mamori_workspace_save_scope    (MamoriWorkspace       *self,
                                             MamoriScope           *scope,
                                             const MamoriChecklist *checklist,
                                             GError               **error);
/* NULL with MAMORI_WORKSPACE_ERROR_NOT_FOUND when there is no such version. */
MamoriScope *mamori_workspace_get_scope     (MamoriWorkspace       *self,
                                             gint64                 id,
                                             GError               **error);
/* The newest version for checklist; NULL without error when it has none. */
MamoriScope *mamori_workspace_latest_scope  (MamoriWorkspace       *self,
                                             const char            *checklist,
                                             GError               **error);
/* Every version for checklist, oldest first, with their entries. */
GPtrArray   *mamori_workspace_list_scopes   (MamoriWorkspace       *self,
                                             const char            *checklist,
                                             GError               **error);
/* Answers assessment under scope (0: none, every item). Refuses a completed assessment and a
 * scope of another checklist. */
gboolean     mamori_workspace_set_assessment_scope (MamoriWorkspace *self,
                                                    gint64           assessment,
                                                    gint64           scope,
                                                    GError         **error);
/* The scope version assessment was answered in: 0 when none. -1 with error on failure. */
gint64       mamori_workspace_get_assessment_scope (MamoriWorkspace *self,
                                                    gint64           assessment,
                                                    GError         **error);

G_END_DECLS
