/* mamori-sheets.h — the answers people returned on per-role self-inspection sheets
 * (sheet_answer; government standard 2.3.1(1)(b)), one row per assessment, item and person. */
#pragma once

#include "core/mamori-sheet-summary.h"
#include "mamori-workspace.h"

G_BEGIN_DECLS

/* Stores answers (MamoriSheetAnswer*) to the in-progress assessment id, all or nothing: a
 * person's earlier answer to the same item is replaced. */
gboolean   mamori_workspace_save_sheet_answers (MamoriWorkspace  *self,
                                                gint64            id,
                                                GPtrArray        *answers,
                                                GError          **error);
/* The answers returned for assessment id (MamoriSheetAnswer*), by item, then person. */
GPtrArray *mamori_workspace_list_sheet_answers (MamoriWorkspace  *self,
                                                gint64            id,
                                                GError          **error);

G_END_DECLS
