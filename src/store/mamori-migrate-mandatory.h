/* mamori-migrate-mandatory.h — migration 10 (store-internal): the answers of the built-in
 * checklist of the certification's mandatory items (tech-info-mandatory) move from its
 * version 1 numbering (12 items × defined / carried out / confirmed, X-1 to X-3) to version 2,
 * which keeps the audit guideline's own procedure numbers (3-4, 4-2-1, 5-4, 10-7…). */
#pragma once

#include <glib.h>

#include "mamori-workspace.h"

G_BEGIN_DECLS

/* Inside the migration's transaction, for every assessment of tech-info-mandatory answered
 * against the built-in text: renames ref_id in answer, note, evidence, measure and
 * corrective_action (and the wizard's current_item) where the old check has a successor of
 * the same meaning. An old check without one keeps its note, evidence, measure and corrective
 * actions under "v1:OLD" (e.g. "v1:9-2"); its answer is not a score of version 2 any more, so
 * it becomes a line of that note ("改訂前の回答（v1）: 実施している / … (v1): Done").
 * Checks new in version 2 stay unanswered. self borrows the connection being migrated; FALSE
 * with error set (naming doing) on failure, and the caller rolls back. */
gboolean mamori_migrate_mandatory_refs (MamoriWorkspace  *self,
                                        const char       *doing,
                                        GError          **error);

G_END_DECLS
