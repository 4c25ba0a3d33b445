/* fuzz-asset-csv.c — the ledger CSV import: decoding, RFC 4180 parsing, headings, cells. An
 * imported ledger must come back the same through the CSV export (formula guards included). */
#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "core/mamori-asset.h"
#include "core/mamori-asset-private.h"
#include "core/mamori-csv.h"
#include "fuzz-common.h"

int
LLVMFuzzerInitialize (int    *argc,
                      char ***argv)
{
  mamori_fuzz_init ();
  return 0;
}

static void
check_round_trip (GPtrArray *assets)
{
  g_autoptr(GString) out = g_string_new (NULL);
  g_autoptr(GPtrArray) again = NULL;
  g_autoptr(GPtrArray) problems = NULL;
  g_autoptr(GError) error = NULL;

  mamori_asset_csv_header (out);
  for (guint i = 0; i < assets->len; i++)
    mamori_asset_csv_row (out, assets->pdata[i], 2);
  if (!mamori_asset_csv_read (out->str, &again, &problems, &error) || problems->len > 0 || again->len != assets->len)
    abort ();
  for (guint i = 0; i < assets->len; i++)
    for (guint f = 0; f < MAMORI_ASSET_N_CSV_FIELDS; f++)
      {
        g_autofree char *before = mamori_asset_get_field_text (assets->pdata[i], f);
        g_autofree char *after = mamori_asset_get_field_text (again->pdata[i], f);
        if (strcmp (before, after) != 0)
          abort ();
      }
}

int
LLVMFuzzerTestOneInput (const uint8_t *data,
                        size_t         size)
{
  g_autofree char *text = mamori_csv_decode ((const char *) data, size, NULL, NULL);
  g_autoptr(GPtrArray) assets = NULL;
  g_autoptr(GPtrArray) problems = NULL;

  if (text == NULL || !mamori_asset_csv_read (text, &assets, &problems, NULL))
    return 0;
  if (assets != NULL)
    check_round_trip (assets);
  for (guint i = 0; i < problems->len; i++)
    if (!g_utf8_validate (problems->pdata[i], -1, NULL))
      abort ();
  return 0;
}
