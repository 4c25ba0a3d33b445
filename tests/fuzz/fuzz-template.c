/* fuzz-template.c — document templates: YAML front matter (bounded loader) and the
 * {{…}} body, then filling with the defaults. */
#include "config.h"

#include <stdlib.h>

#include "core/mamori-template.h"
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
  g_autoptr(MamoriTemplate) t = mamori_template_parse ("fuzz.md", (const char *) data, size, &error);
  g_autoptr(MamoriTemplateValues) values = NULL;
  g_autofree char *filled = NULL;

  if (t == NULL)
    return 0;
  filled = mamori_template_fill (t, NULL, NULL);
  /* Every field given a value of its own: an option, a date, a row. */
  values = mamori_template_values_new ();
  for (guint i = 0; i < mamori_template_get_fields (t)->len; i++)
    {
      const MamoriTemplateField *f = mamori_template_get_fields (t)->pdata[i];
      const char *first = f->options->len > 0 ? ((MamoriFieldOption *) f->options->pdata[0])->key : "x";
      const char *cells[] = { "a|b", "*c*", NULL };

      if (f->type == MAMORI_TEMPLATE_FIELD_TABLE)
        mamori_template_values_add_row (values, f->key, cells);
      else
        mamori_template_values_set (values, f->key, f->type == MAMORI_TEMPLATE_FIELD_DATE ? "2026-04-01"
                                                    : f->type == MAMORI_TEMPLATE_FIELD_BOOL ? "true" : first);
    }
  g_clear_pointer (&filled, g_free);
  filled = mamori_template_fill (t, values, NULL);
  return 0;
}
