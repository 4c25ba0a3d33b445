/* mamori-criteria-view.h — the summary's part for a checklist answered by level (core/
 * mamori-criteria.h): the tier, met / not met per chapter and section, the rules and records
 * still lacking, and the scope version with its statement of applicability. Plain functions that
 * fill a box the summary owns. */
#pragma once

#include <adwaita.h>

#include "core/mamori-criteria.h"
#include "store/mamori-workspace.h"

G_BEGIN_DECLS

/* Empties box and, when checklist is answered by level or has a scope to choose, fills it;
 * returns the result by level (NULL for other checklists, or on error, shown on box). The
 * “Change Scope…” button opens the scope dialog; once a version is saved, changed (may be NULL)
 * is called with data. */
MamoriCriteria *mamori_criteria_view_fill (GtkBox                *box,
                                           MamoriWorkspace       *workspace,
                                           const MamoriChecklist *checklist,
                                           gint64                 assessment,
                                           GCallback              changed,
                                           gpointer               data);
/* “Level 2 of 3” for a result that is met or not met; “Not answered” and so on otherwise. */
char           *mamori_criteria_view_result_text (const MamoriCriterionResult *result);

G_END_DECLS
