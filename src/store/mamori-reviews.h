/* mamori-reviews.h — management reviews (the figures reported at each, so the next one shows
 * what changed), the state of every measure, and internal audits (plan and corrective actions) */
#pragma once

#include "mamori-assets.h"
#include "mamori-workspace.h"

G_BEGIN_DECLS

/* --- measures ------------------------------------------------------------------------------ */

/* Every measure the workspace tracks: planned measures of the ledger, the newest decided measure
 * of each assessment item, and corrective actions of internal audits.
 * - done: a ledger measure whose targets the asset's current threat and vulnerability already
 *   meet; an assessment measure whose item a later completed assessment of the same checklist
 *   and subject answered better; a closed corrective action;
 * - overdue: not done and due before today;
 * - open: the rest. */
typedef struct {
  guint done;
  guint open;
  guint overdue;
} MamoriMeasureCounts;

gboolean mamori_workspace_count_measures (MamoriWorkspace     *self,
                                          const char          *today,
                                          MamoriMeasureCounts *counts,
                                          GError             **error);

/* --- management reviews -------------------------------------------------------------------- */

typedef struct {
  char *held_on;                              /* YYYY-MM-DD */
  MamoriRiskMethod method;
  guint n_bands;
  guint bands[MAMORI_ASSET_MAX_BANDS];          /* assets per band (level), lowest first */
  guint residual_bands[MAMORI_ASSET_MAX_BANDS]; /* the same after the planned measures */
  gboolean has_score;                         /* the newest completed IPA self-diagnosis: */
  double score;                               /* its score (set by the caller, who has the */
  double score_max;                           /* checklist to score it with) */
  MamoriMeasureCounts measures;
} MamoriReviewFigures;

void                 mamori_review_figures_free     (MamoriReviewFigures *figures);
/* The risk and measure figures as they stand now (held_on = today; no score). */
MamoriReviewFigures *mamori_workspace_review_figures (MamoriWorkspace  *self,
                                                      const char       *today,
                                                      GError          **error);
/* Records figures as the review held on figures->held_on (replacing one recorded that day). */
gboolean             mamori_workspace_record_review  (MamoriWorkspace           *self,
                                                      const MamoriReviewFigures *figures,
                                                      GError                   **error);
/* The newest review held before date; NULL without error when there is none. */
MamoriReviewFigures *mamori_workspace_last_review    (MamoriWorkspace  *self,
                                                      const char       *before,
                                                      GError          **error);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (MamoriReviewFigures, mamori_review_figures_free)

/* The day the newest internal audit ended (or started, when no end is given) into *date, NULL
 * when no audit has a plan with dates. */
gboolean             mamori_workspace_last_audit_on  (MamoriWorkspace  *self,
                                                      char            **date,
                                                      GError          **error);
/* Ledger stocktaking (棚卸: every entry checked once a year): the day it was last done (the
 * setting "ledger_stocktaking_on"), else the day the first asset was recorded; NULL for an
 * empty ledger. */
gboolean             mamori_workspace_last_stocktaking (MamoriWorkspace  *self,
                                                        char            **date,
                                                        GError          **error);
gboolean             mamori_workspace_record_stocktaking (MamoriWorkspace  *self,
                                                          const char       *date,
                                                          GError          **error);

/* --- internal audits ----------------------------------------------------------------------- */

/* The plan of an internal audit. The audit's checks are the answers, notes (the auditor's
 * remarks) and evidence of one assessment (of the certification's mandatory items). */
typedef struct {
  gint64 assessment;
  char *scope;
  char *auditor;
  char *audited_unit;
  char *independence;           /* how the auditor is independent of the audited unit */
  gboolean independence_confirmed;
  char *starts_on;              /* YYYY-MM-DD or "" */
  char *ends_on;
  char *opinion;                /* the auditor's overall opinion, "" until written */
  char *auditor_unit;           /* the auditor's own unit: never audited_unit (gov 2.1.1(8)) */
  /* The audit report template's fields (tech-info certification, audit guidance): */
  char *purpose;                /* why the audit is done, "" for the report's default */
  char *criteria;               /* what it is judged against, "" for the checklist's name */
  char *addressee;              /* whom the report is for */
  char *assistant;              /* the assistant auditor, "" when none */
  char *chapter;                /* "" : the whole checklist; else a chapter's ref_id (Ⅰ … Ⅶ) */
} MamoriAuditPlan;

void             mamori_audit_plan_free            (MamoriAuditPlan *plan);
/* NULL without error when the assessment has no plan. */
MamoriAuditPlan *mamori_workspace_get_audit_plan   (MamoriWorkspace       *self,
                                                    gint64                 assessment,
                                                    GError               **error);
/* Saves the plan (dates checked: YYYY-MM-DD, ends_on not before starts_on). */
gboolean         mamori_workspace_set_audit_plan   (MamoriWorkspace       *self,
                                                    const MamoriAuditPlan *plan,
                                                    GError               **error);

typedef struct {
  gint64 id;
  gint64 assessment;
  char *ref_id;
  char *what;
  char *owner;
  char *due_on;       /* YYYY-MM-DD or "" */
  gboolean closed;
  char *closed_on;    /* "" while open */
  char *result;       /* how closing was confirmed */
} MamoriCorrectiveAction;

void       mamori_corrective_action_free          (MamoriCorrectiveAction *action);
/* An assessment's corrective actions in item order, or every open one when assessment is 0. */
GPtrArray *mamori_workspace_list_corrective_actions (MamoriWorkspace *self,
                                                     gint64           assessment,
                                                     GError         **error);
gint64     mamori_workspace_add_corrective_action  (MamoriWorkspace *self,
                                                    gint64           assessment,
                                                    const char      *ref_id,
                                                    const char      *what,
                                                    const char      *owner,
                                                    const char      *due_on,
                                                    GError         **error);
/* Closes an action on closed_on with how it was confirmed (result must not be empty), or
 * reopens it when closed_on is NULL. */
gboolean   mamori_workspace_close_corrective_action (MamoriWorkspace *self,
                                                     gint64           id,
                                                     const char      *closed_on,
                                                     const char      *result,
                                                     GError         **error);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (MamoriAuditPlan, mamori_audit_plan_free)

/* What the auditor did for one procedure (the audit record, 監査記録): the techniques used
 * (MamoriMethod flags, see core/mamori-audit.h) and what was confirmed, written as evidence. */
typedef struct {
  char *ref_id;
  guint techniques;
  char *confirmed;    /* "" when nothing written yet */
  char *updated_at;
} MamoriAuditCheck;

void        mamori_audit_check_free            (MamoriAuditCheck *check);
/* The assessment's audit record: ref_id → MamoriAuditCheck*; procedures never recorded are
 * absent (their techniques default to the procedure's own, mamori_audit_default_techniques). */
GHashTable *mamori_workspace_get_audit_checks  (MamoriWorkspace  *self,
                                                gint64            assessment,
                                                GError          **error);
/* Saves (or replaces) one procedure's record; confirmed is trimmed, at most 4000 characters. */
gboolean    mamori_workspace_set_audit_check   (MamoriWorkspace  *self,
                                                gint64            assessment,
                                                const char       *ref_id,
                                                guint             techniques,
                                                const char       *confirmed,
                                                GError          **error);

G_END_DECLS
