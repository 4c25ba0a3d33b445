/* fuzz-answers-csv.c — `import answers`: a completed checklist as CSV, read against the built-in
 * self-diagnosis (scores 4, 2, 0, −1) and the cloud checklist (the default scale). */
#include "config.h"

#include <stdlib.h>

#include "core/mamori-catalog.h"
#include "core/mamori-csv.h"
#include "fuzz-common.h"

static MamoriCatalog *catalog;

int
LLVMFuzzerInitialize (int    *argc,
                      char ***argv)
{
  mamori_fuzz_init ();
  catalog = mamori_catalog_new ();
  if (!mamori_catalog_load_builtin (catalog, NULL))
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
  cl = mamori_catalog_find (catalog, data[0] & 1 ? "ipa-cloud" : "ipa-self-diagnosis");
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
    }
  return 0;
}
