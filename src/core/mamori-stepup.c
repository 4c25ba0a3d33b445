/* mamori-stepup.c — the IPA SME guideline's step-up path.
 *
 * Source: IPA 中小企業の情報セキュリティ対策ガイドライン 第3版, 本ガイドラインの活用方法
 * (取組状況とアクション, seed L73–116; domain note 000 §7.1–7.3). The task wording is ours.
 * Later capabilities (checklists, ledger, documents) mark their tasks done automatically;
 * until then the user ticks them by hand. */
#include "config.h"

#include <glib/gi18n.h>

#include "mamori-stepup.h"
#include "mamori-stepup-private.h"

static const MamoriStepTask tasks[] = {
  { "s1.five-articles", 1, N_("Adopt the five basic security measures"), N_("IPA five basic security measures") },
  { "s1.share", 1, N_("Tell every employee about the five measures"), N_("IPA guideline 2: start with what you can") },
  { "s2.policy", 2, N_("Write and approve the basic security policy"), N_("IPA guideline 3(1)") },
  { "s2.self-diagnosis", 2, N_("Complete the 25-item self-diagnosis"), N_("IPA five-minute self-diagnosis") },
  { "s2.measures", 2, N_("Decide the measures for the gaps with management"), N_("IPA guideline 3(3)") },
  { "s2.handbook", 2, N_("Issue the employee handbook and explain it to staff"), N_("IPA guideline 3(3)") },
  { "s3.structure", 3, N_("Set up the management structure and budget"), N_("IPA guideline 4(1)①, 4(2)") },
  { "s3.emergency", 3, N_("Prepare incident response roles and contacts"), N_("IPA guideline 4(1)②") },
  { "s3.risk", 3, N_("Analyse the risks of the information assets"), N_("IPA guideline 4(3), detailed risk analysis") },
  { "s3.rules", 3, N_("Write the related security rules"), N_("IPA guideline 4(3)③, table 7") },
  { "s3.outsourcing", 3, N_("Plan security for outsourced work"), N_("IPA guideline 4(4)") },
  { "s3.inspect", 3, N_("Inspect the measures and improve them"), N_("IPA guideline 4(5)") },
  { "s4.cloud", 4, N_("Check the safe use of each cloud service"), N_("IPA safe use of cloud services") },
  { "s4.further", 4, N_("Add the further measures the company needs"), N_("IPA guideline 5: further measures") },
};

static const struct {
  const char *title;
  const char *summary;
} steps[MAMORI_STEPUP_N_STEPS] = {
  { N_("Step 1: Start with what you can"),
    N_("For companies that have not yet made a conscious effort.") },
  { N_("Step 2: Begin as an organisation"),
    N_("Policy, self-diagnosis, decided measures and a handbook for staff.") },
  { N_("Step 3: Work in earnest"),
    N_("Structure, risk analysis, rules, outsourcing, inspection.") },
  { N_("Step 4: Strengthen further"),
    N_("Measures beyond the basics that the company needs.") },
};

const MamoriStepTask *
mamori_stepup_tasks (guint *n_tasks)
{
  *n_tasks = G_N_ELEMENTS (tasks);
  return tasks;
}

const MamoriStepTask *
mamori_stepup_find_task (const char *key)
{
  for (guint i = 0; i < G_N_ELEMENTS (tasks); i++)
    if (g_strcmp0 (tasks[i].key, key) == 0)
      return &tasks[i];
  return NULL;
}

guint
mamori_stepup_compute (GHashTable         *done_keys,
                       MamoriStepProgress  progress[MAMORI_STEPUP_N_STEPS])
{
  guint current = MAMORI_STEPUP_N_STEPS + 1;

  for (guint s = 0; s < MAMORI_STEPUP_N_STEPS; s++)
    {
      progress[s].step = s + 1;
      progress[s].title = steps[s].title;
      progress[s].summary = steps[s].summary;
      progress[s].n_tasks = 0;
      progress[s].n_done = 0;
    }

  for (guint i = 0; i < G_N_ELEMENTS (tasks); i++)
    {
      MamoriStepProgress *p = &progress[tasks[i].step - 1];
      p->n_tasks++;
      if (done_keys != NULL && g_hash_table_contains (done_keys, tasks[i].key))
        p->n_done++;
    }

  for (guint s = 0; s < MAMORI_STEPUP_N_STEPS; s++)
    if (progress[s].n_done < progress[s].n_tasks)
      {
        current = s + 1;
        break;
      }

  return current;
}

const char *
mamori_stepup_task_for_checklist (const char *checklist_id)
{
  static const struct { const char *checklist, *task; } map[] = {
    { "ipa-five-articles", "s1.five-articles" },
    { "ipa-self-diagnosis", "s2.self-diagnosis" },
    { "ipa-cloud", "s4.cloud" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (map); i++)
    if (g_strcmp0 (map[i].checklist, checklist_id) == 0)
      return map[i].task;
  return NULL;
}

guint
mamori_security_action_level (GHashTable  *done_keys,
                              const char **missing_task)
{
  static const char *one[] = { "s1.five-articles", NULL };
  static const char *two[] = { "s2.self-diagnosis", "s2.policy", NULL };
  const char **levels[] = { one, two };
  guint stars = 0;

  if (missing_task != NULL)
    *missing_task = NULL;
  for (guint l = 0; l < G_N_ELEMENTS (levels); l++)
    {
      for (guint i = 0; levels[l][i] != NULL; i++)
        if (!g_hash_table_contains (done_keys, levels[l][i]))
          {
            if (missing_task != NULL)
              *missing_task = levels[l][i];
            return stars;
          }
      stars++;
    }
  return stars;
}
