/* mamori-demo.c — 株式会社サンプル製作所, a 30-person manufacturer (fictional) */
#include "config.h"

#include "mamori-demo.h"

MamoriProfile *
mamori_demo_profile (void)
{
  MamoriProfile *p = mamori_profile_new ();

  g_free (p->name);
  p->name = g_strdup ("株式会社サンプル製作所");
  g_free (p->industry);
  p->industry = g_strdup ("製造業（金属部品加工）");
  p->employees = 30;
  g_free (p->security_officer);
  p->security_officer = g_strdup ("総務部長 山田 花子");
  g_free (p->contact);
  p->contact = g_strdup ("security@sample-seisakusho.example / 内線 201");
  return p;
}

const char * const *
mamori_demo_done_tasks (void)
{
  /* The sample company has adopted and shared the five basic measures (Step 1). */
  static const char * const keys[] = { "s1.five-articles", "s1.share", NULL };
  return keys;
}

/* Self-diagnosis choices: 0 done, 1 partly, 2 not done, 3 don't know. */
static const int sd_2025[25] = {
  0, 1, 1, 2, 2,                          /* basic: 4+2+2+0+0 = 8 */
  1, 0, 2, 1, 3, 1, 2, 2, 0, 0, 0, 1, 2,  /* employees: 2+4+0+2-1+2+0+0+4+4+4+2+0 = 23 */
  1, 2, 3, 1, 2, 2, 2,                    /* organisation: 2+0-1+2+0+0+0 = 3 */
};
static const int sd_2026[25] = {
  0, 0, 0, 1, 1,                          /* 4+4+4+2+2 = 16 */
  0, 0, 1, 0, 1, 0, 1, 1, 0, 0, 0, 0, 1,  /* 4+4+2+4+2+4+2+2+4+4+4+4+2 = 42 */
  0, 1, 2, 0, 1, 2, 1,                    /* 4+2+0+4+2+0+2 = 14 */
};
/* Cloud check-sheet scale: 0 complete, 1 in progress, 2 not done, 3 not applicable. */
static const int cloud_2026[15] = {
  0, 0, 1, 0, 1, 2,
  0, 0, 1, 0,
  2, 0, 2, 1, 3,
};

const MamoriDemoAssessment *
mamori_demo_assessments (guint *n)
{
  static const MamoriDemoAssessment list[] = {
    { "ipa-self-diagnosis", "", "2025-04-15", "総務部長 山田 花子", sd_2025, G_N_ELEMENTS (sd_2025) },
    { "ipa-self-diagnosis", "", "2026-04-14", "総務部長 山田 花子", sd_2026, G_N_ELEMENTS (sd_2026) },
    { "ipa-cloud", "クラウド会計サービス", "2026-05-20", "経理課 鈴木 一郎", cloud_2026, G_N_ELEMENTS (cloud_2026) },
  };
  *n = G_N_ELEMENTS (list);
  return list;
}
