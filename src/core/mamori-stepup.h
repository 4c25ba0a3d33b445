/* mamori-stepup.h — the IPA step-up path (Step 1–4) as data and progress arithmetic */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

#define MAMORI_STEPUP_N_STEPS 4

typedef struct {
  const char *key;         /* stable id stored in the workspace, e.g. "s2.policy" */
  guint       step;        /* 1 … 4 */
  const char *title;       /* untranslated (N_), translate with _() when shown */
  const char *reference;   /* where the guideline describes it */
} MamoriStepTask;

typedef struct {
  guint step;              /* 1 … 4 */
  const char *title;       /* untranslated */
  const char *summary;     /* untranslated */
  guint n_tasks;
  guint n_done;
} MamoriStepProgress;

const MamoriStepTask *mamori_stepup_tasks        (guint *n_tasks);
/* Fills progress[0..3] from the set of completed task keys (a set of char*);
 * returns the current step: the first step with an unfinished task, or
 * MAMORI_STEPUP_N_STEPS + 1 when every task is done. */
guint                 mamori_stepup_compute      (GHashTable         *done_keys,
                                                  MamoriStepProgress  progress[MAMORI_STEPUP_N_STEPS]);

/* The step-up task that completing an assessment of checklist ticks, or NULL. */
const char           *mamori_stepup_task_for_checklist (const char *checklist_id);

/* SECURITY ACTION (IPA's self-declaration): one star when the five basic measures are adopted
 * (task s1.five-articles); two stars when, besides, the 25-item self-diagnosis is done
 * (s2.self-diagnosis) and a basic policy is approved (s2.policy; the scheme asks for it to be
 * published as well, which Mamori cannot see: approving is taken as ready to publish, see
 * README). Returns 0, 1 or 2 and, unless 2, the first task still missing for the next star. */
guint                 mamori_security_action_level (GHashTable  *done_keys,
                                                    const char **missing_task);

G_END_DECLS
