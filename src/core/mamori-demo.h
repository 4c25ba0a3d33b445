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

/* The sample company's year in its registers: two incidents (one closed with three reports,
 * notifications and recurrence-prevention measures, one still being handled with a
 * notification past its deadline), an active and an expired exception, accepted risks (one to
 * re-review), people with one joiner not trained within 3 months, training sessions with their
 * attendance, the year's training plan, pledges (one missing) and suppliers (one evaluation
 * overdue). A record is its register's key and field/value pairs (NULL-terminated). A part
 * belongs to the newest record of its parent register before it; a reference's value is the
 * name of what it refers to (a person's name, an asset's name in the ledger). */
typedef struct {
  const char *reg;
  const char *pairs[48];
} MamoriDemoRecord;

const MamoriDemoRecord *mamori_demo_records (guint *n);

G_END_DECLS
