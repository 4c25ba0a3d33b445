/* fuzz-library-yaml.c — checklist libraries (CISO Assistant framework format) through the
 * bounded YAML loader, then what a loaded library is used for: scoring and choice matching. */
#include "config.h"

#include <stdlib.h>

#include "core/mamori-checklist.h"
#include "fuzz-common.h"

int
LLVMFuzzerInitialize (int    *argc,
                      char ***argv)
{
  mamori_fuzz_init ();
  return 0;
}

int
LLVMFuzzerTestOneInput (const uint8_t *data,
                        size_t         size)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(MamoriChecklist) cl = mamori_checklist_parse ((const char *) data, size, "fuzz.yaml", &error);
  g_autofree int *answers = NULL;
  g_autofree MamoriScore *groups = NULL;
  MamoriScore total;

  if (cl == NULL)
    {
      if (error == NULL || !g_utf8_validate (error->message, -1, NULL))
        abort ();
      return 0;
    }
  answers = g_new (int, cl->items->len);
  groups = g_new0 (MamoriScore, MAX (cl->groups->len, 1));
  for (guint i = 0; i < cl->items->len; i++)
    {
      const MamoriNode *item = cl->items->pdata[i];
      GPtrArray *choices = mamori_checklist_choices (cl, item);

      if (choices == NULL || choices->len == 0 || mamori_checklist_find_item (cl, item->ref_id) == NULL)
        abort ();
      answers[i] = (int) (i % (choices->len + 1)) - 1;
      mamori_checklist_match_choice (cl, item, "1");
      mamori_checklist_match_choice (cl, item, mamori_text_get (((MamoriChoice *) choices->pdata[0])->name, "en"));
    }
  mamori_checklist_score (cl, answers, &total, groups);
  /* Every node has text and its urn finds it; the first scope and depends_on are exercised. */
  for (guint i = 0; i < cl->nodes->len; i++)
    {
      const MamoriNode *node = cl->nodes->pdata[i];
      if (mamori_node_text (node, "ja") == NULL || mamori_checklist_find_node (cl, node->urn) != node)
        abort ();
      for (guint q = 0; node->questions != NULL && q < node->questions->len; q++)
        mamori_question_applies (node->questions->pdata[q], NULL);
    }
  if (cl->implementation_groups->len > 0)
    {
      const char *scope[] = { ((MamoriImplementationGroup *) cl->implementation_groups->pdata[0])->ref_id, NULL };
      mamori_checklist_score_in_scope (cl, answers, scope, &total, groups);
    }
  mamori_checklist_band (cl, total.score);
  mamori_score_percent (&total);
  return 0;
}
