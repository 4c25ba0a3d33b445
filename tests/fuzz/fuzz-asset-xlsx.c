/* fuzz-asset-xlsx.c — the IPA workbook import: the zip container (libzip), the sheet, shared
 * strings and styles XML (libxml2), merged cells and the ledger rules. Any input must either
 * give assets and problems or a clear error, within the reader's bounds. */
#include "config.h"

#include "core/mamori-asset-xlsx-read.h"
#include "fuzz-common.h"

int
LLVMFuzzerInitialize (int    *argc,
                      char ***argv)
{
  mamori_fuzz_init ();
  return 0;
}

int
LLVMFuzzerTestOneInput (const guint8 *data,
                        size_t        size)
{
  g_autoptr(GPtrArray) assets = NULL;
  g_autoptr(GPtrArray) problems = NULL;
  g_autoptr(GError) error = NULL;

  if (mamori_asset_xlsx_read ((const char *) data, size, &assets, &problems, &error))
    g_assert (problems != NULL);
  else
    g_assert (error != NULL);
  return 0;
}
