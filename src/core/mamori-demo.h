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

/* The sample company's internal audit of the technology-information certification's mandatory
 * items (the 45 checks of the 12 items): the plan, each check's result and the auditor's remark, and the
 * corrective actions raised (the first one already closed). */
typedef struct {
  const char *ref_id;
  const char *what;
  const char *owner;
  const char *due_on;
  const char *closed_on;    /* NULL: open */
  const char *result;
} MamoriDemoAction;

typedef struct {
  const char *assessed_on;
  const char *respondent;
  const char *scope;
  const char *auditor;
  const char *audited_unit;
  const char *independence;
  const char *starts_on;
  const char *ends_on;
  const char *opinion;
  const int *choices;            /* 0 done, 1 not done, 2 not applicable; one per check */
  const char * const *remarks;   /* one per check */
  guint n_checks;
  const MamoriDemoAction *actions;
  guint n_actions;
  const char *evidence_ref;      /* one evidence file the auditor kept */
  const char *evidence_name;
  const char *evidence_text;
} MamoriDemoAudit;

const MamoriDemoAudit *mamori_demo_internal_audit (void);

/* The management review the sample company held a year before (for the change figures):
 * assets per IPA band now and after measures (小, 中, 大), self-diagnosis score. */
typedef struct {
  const char *held_on;
  guint bands[3];
  guint residual_bands[3];
  double score;
  double score_max;
  guint measures_done;
  guint measures_open;
  guint measures_overdue;
} MamoriDemoReview;

const MamoriDemoReview *mamori_demo_last_review (void);

/* The sample company's information-asset ledger as CSV with Japanese headings (about 40
 * assets across five departments, with paper/electronic pairs and treatments). */
const char *mamori_demo_assets_csv (void);

G_END_DECLS
