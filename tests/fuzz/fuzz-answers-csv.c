/* fuzz-answers-csv.c — `import answers`: a completed checklist as CSV, read against the built-in
 * self-diagnosis (scores 4, 2, 0, −1) and the cloud checklist (the default scale), and the
 * column “questions” against a small library asking every type of question. */
#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "core/mamori-catalog.h"
#include "core/mamori-csv.h"
#include "core/mamori-question-value.h"
#include "fuzz-common.h"

static MamoriCatalog *catalog;
static MamoriChecklist *asking;   /* questions of every type, with depends_on */

static const char asking_yaml[] =
  "urn: urn:x:library:q\nlocale: en\nref_id: q\nversion: 1\nobjects:\n  framework:\n"
  "    urn: urn:x:framework:q\n    ref_id: q\n    name: Q\n    requirement_nodes:\n"
  "      - urn: urn:x:n:1\n        ref_id: '1'\n        name: One\n        assessable: true\n"
  "        questions:\n"
  "          urn:x:q:1:\n            type: unique_choice\n            text: Scale\n"
  "            choices:\n              - {urn: 'urn:x:q:1:c:1', value: 'Yes', add_score: 1}\n"
  "              - {urn: 'urn:x:q:1:c:2', value: 'No', add_score: 0}\n"
  "          urn:x:q:2:\n            type: multiple_choice\n            text: Which\n"
  "            depends_on: {question: 'urn:x:q:1', answers: ['urn:x:q:1:c:1']}\n"
  "            choices:\n              - {urn: 'urn:x:q:2:c:1', value: A}\n              - {urn: 'urn:x:q:2:c:2', value: B}\n"
  "          urn:x:q:3: {type: unique_choice, text: Pick, choices: [{urn: 'urn:x:q:3:c:1', value: P}]}\n"
  "          urn:x:q:4: {type: text, text: Text}\n"
  "          urn:x:q:5: {type: number, text: Number}\n"
  "          urn:x:q:6: {type: date, text: Date}\n"
  "          urn:x:q:7: {type: boolean, text: Bool}\n";

int
LLVMFuzzerInitialize (int    *argc,
                      char ***argv)
{
  mamori_fuzz_init ();
  catalog = mamori_catalog_new ();
  if (!mamori_catalog_load_builtin (catalog, NULL))
    abort ();
  asking = mamori_checklist_parse (asking_yaml, sizeof asking_yaml - 1, "q.yaml", NULL);
  if (asking == NULL)
    abort ();
  return 0;
}

int
LLVMFuzzerTestOneInput (const uint8_t *data,
                        size_t         size)
{
  g_autofree char *text = NULL;
  const MamoriChecklist *cl;

  if (size == 0)
    return 0;
  /* The first byte picks the checklist. */
  cl = data[0] & 2 ? asking : mamori_catalog_find (catalog, data[0] & 1 ? "ipa-cloud" : "ipa-self-diagnosis");
  text = mamori_csv_decode ((const char *) data + 1, size - 1, NULL, NULL);
  if (text != NULL)
    {
      g_autoptr(GPtrArray) problems = NULL;
      g_autoptr(GError) error = NULL;
      g_autoptr(MamoriAnswerSheet) sheet = mamori_checklist_read_answers (cl, text, &problems, &error);

      if ((sheet == NULL) == (problems != NULL && problems->len == 0 && error == NULL))
        abort ();
      for (guint i = 0; sheet != NULL && i < sheet->n_items; i++)
        {
          GPtrArray *choices = mamori_checklist_choices (cl, cl->items->pdata[i]);
          if (sheet->choices[i] < -1 || sheet->choices[i] >= (int) choices->len)
            abort ();
        }
      {
        /* Every value read back is one the item's question takes, unchanged when checked again. */
        g_autoptr(GPtrArray) bad = g_ptr_array_new_with_free_func (g_free);
        g_autoptr(GHashTable) asked = mamori_question_read_csv (cl, text, bad);
        GHashTableIter items;
        gpointer ref_id, answers;

        if (asked != NULL)
          {
            g_hash_table_iter_init (&items, asked);
            while (g_hash_table_iter_next (&items, &ref_id, &answers))
              {
                const MamoriNode *item = mamori_checklist_find_item (cl, ref_id);
                GHashTableIter it;
                gpointer urn, value;

                g_hash_table_iter_init (&it, answers);
                while (g_hash_table_iter_next (&it, &urn, &value))
                  {
                    const MamoriQuestion *q = mamori_node_find_question (item, urn);
                    g_autofree char *again = q ? mamori_question_value_check (q, value, NULL) : NULL;
                    g_autofree char *cell = NULL;
                    if (q == NULL || mamori_question_is_scale (item, q) || again == NULL || strcmp (again, value) != 0)
                      abort ();
                    cell = mamori_question_cell_format (item, answers, -1);
                    if (cell == NULL)
                      abort ();
                  }
              }
          }
      }
    }
  return 0;
}
