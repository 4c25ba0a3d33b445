/* mamori-asset-xlsx-read.h — the ledger read from an Excel workbook (.xlsx), and the one entry
 * point for a ledger file of either kind */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* What a workbook may cost: larger parts or more cells are refused with a message. */
#define MAMORI_XLSX_MAX_ENTRY_BYTES ((gsize) 100 * 1000 * 1000)   /* one part, uncompressed */
#define MAMORI_XLSX_MAX_TOTAL_BYTES ((gsize) 400 * 1000 * 1000)   /* all the parts read */
#define MAMORI_XLSX_MAX_CELLS       1000000

/* Reads the ledger sheet of a workbook (its bytes): the first sheet whose name contains 台帳
 * and has a ledger header, else the sheet whose header names the most ledger columns. Shared
 * and inline strings, numbers, and dates (serial numbers in cells with a date format) as
 * YYYY-MM-DD; a merged cell's value fills its whole range (a header over two rows, a business
 * category merged down). Then the same rules as mamori_asset_csv_read; problems name the sheet,
 * row and column. FALSE with error when the file is not a workbook Mamori can read. */
gboolean mamori_asset_xlsx_read   (const char  *data,
                                   gsize        length,
                                   GPtrArray  **assets,
                                   GPtrArray  **problems,
                                   GError     **error);

/* A ledger file by its name: .xlsx (or a zip archive) as a workbook, else CSV text (UTF-8 or
 * Shift_JIS, see mamori_csv_decode). */
gboolean mamori_asset_ledger_read (const char  *filename,
                                   const char  *data,
                                   gsize        length,
                                   GPtrArray  **assets,
                                   GPtrArray  **problems,
                                   GError     **error);

G_END_DECLS
