/* fuzz-register-csv.c — `import people` (and any register read from CSV): the first byte picks
 * the register; every record read must validate, and a failure must say why. */
#include "config.h"

#include <stdlib.h>

#include "core/mamori-csv.h"
#include "core/mamori-register.h"
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
  g_autofree char *text = NULL;
  const MamoriRegister *const *all;
  const MamoriRegister *reg;
  guint n;

  if (size == 0)
    return 0;
  all = mamori_registers (&n);
  reg = all[data[0] % n];
  text = mamori_csv_decode ((const char *) data + 1, size - 1, NULL, NULL);
  if (text != NULL)
    {
      g_autoptr(GPtrArray) records = NULL;
      g_autoptr(GPtrArray) problems = NULL;
      g_autoptr(GError) error = NULL;
      gboolean refs = FALSE;

      if (!mamori_register_read_csv (reg, text, &records, &problems, &error))
        {
          if (error == NULL || records != NULL)
            abort ();
          return 0;
        }
      for (guint f = 0; f < reg->n_fields; f++)
        refs |= reg->fields[f].type == MAMORI_FIELD_REF;
      for (guint i = 0; i < records->len; i++)
        {
          MamoriRecord *r = records->pdata[i];
          if (reg->parent == NULL && !refs && !mamori_record_validate (r, NULL))
            abort ();
          for (guint f = 0; f < reg->n_fields; f++)
            if (r->values[f] == NULL || !g_utf8_validate (r->values[f], -1, NULL))
              abort ();
        }
      for (guint i = 0; i < problems->len; i++)
        if (!g_utf8_validate (problems->pdata[i], -1, NULL))
          abort ();
    }
  return 0;
}
