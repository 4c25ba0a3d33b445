/* mamori-demo.h — the sample company used by `mamori demo` (pure data) */
#pragma once

#include "mamori-profile.h"

G_BEGIN_DECLS

MamoriProfile      *mamori_demo_profile    (void);
/* NULL-terminated list of step-up task keys the sample company has finished. */
const char * const *mamori_demo_done_tasks (void);

typedef struct {
  const char *checklist;
  const char *subject;
  const char *assessed_on;
  const char *respondent;
  const int *choices;        /* one per item, in checklist order; -1 unanswered */
  guint n_choices;
} MamoriDemoAssessment;

/* The sample company's completed assessments: two self-diagnosis rounds a year apart and
 * one cloud service. */
const MamoriDemoAssessment *mamori_demo_assessments (guint *n);

/* The sample company's information-asset ledger as CSV with Japanese headings (about 40
 * assets across five departments, with paper/electronic pairs and treatments). */
const char *mamori_demo_assets_csv (void);

G_END_DECLS
