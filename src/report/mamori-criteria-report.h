/* mamori-criteria-report.h — the result report of an assessment answered by level (the
 * technology-information certification's full criteria): results per chapter and section, the
 * levels reached per chapter, the gaps, the rules and records still lacking, the tier and the
 * statement of applicability. */
#pragma once

#include "core/mamori-criteria.h"
#include "core/mamori-scope.h"
#include "mamori-review.h"

G_BEGIN_DECLS

/* The report in lang ("ja" or "en"); refuses a checklist without target levels. */
MamoriReport *mamori_criteria_report_new      (MamoriWorkspace       *workspace,
                                               const MamoriChecklist *checklist,
                                               gint64                 assessment,
                                               const char            *today,
                                               const char            *lang,
                                               GError               **error);
/* Its Markdown (the report's text without the cover). */
char         *mamori_criteria_report_markdown (MamoriWorkspace       *workspace,
                                               const MamoriChecklist *checklist,
                                               gint64                 assessment,
                                               const char            *lang,
                                               GError               **error);
/* Appends the statement of applicability of scope (NULL: no version, every measure applies) as
 * a level-1 section: the version, who decided it and when, and each measure left out with its
 * reason (for the audit report too). */
void          mamori_criteria_report_append_applicability (GString               *md,
                                                           const MamoriChecklist *checklist,
                                                           const MamoriScope     *scope,
                                                           const char            *lang);

G_END_DECLS
