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
