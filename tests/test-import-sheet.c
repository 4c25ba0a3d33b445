/* test-import-sheet.c — the ledger read from an Excel workbook (.xlsx), bounds on hostile
 * workbooks, and the CSV export read back with every column in either language */
#include "config.h"

#include <locale.h>
#include <string.h>
#include <xlsxwriter.h>
#include <zip.h>

#include "core/mamori-asset.h"
#include "core/mamori-asset-private.h"
#include "core/mamori-asset-xlsx-read.h"
#include "core/mamori-checklist.h"
#include "core/mamori-csv.h"
#include "report/mamori-table-export.h"
#include "store/mamori-assets.h"
#include "store/mamori-workspace.h"

static char *
temp_path (const char *name)
{
  g_assert_cmpint (g_mkdir_with_parents (g_get_user_cache_dir (), 0700), ==, 0);
  return g_build_filename (g_get_user_cache_dir (), name, NULL);
}

static char *
load (const char *path,
      gsize      *length)
{
  char *contents = NULL;

  g_assert_true (g_file_get_contents (path, &contents, length, NULL));
  return contents;
}

static gboolean
read_xlsx (const char  *path,
           GPtrArray  **assets,
           GPtrArray  **problems,
           GError     **error)
{
  gsize length = 0;
  g_autofree char *data = load (path, &length);

  return mamori_asset_ledger_read (path, data, length, assets, problems, error);
}

static void
print_problems (GPtrArray *problems)
{
  for (guint i = 0; problems && i < problems->len; i++)
    g_test_message ("%s", (char *) problems->pdata[i]);
}

/* The ledger as kept in Excel: a note sheet first, then the ledger (found by its headings, its
 * name says nothing) with a merged title, a header over two rows with merged cells, a No.
 * column, numbers, dates in date-formatted cells (a custom and a built-in format), an era
 * date as text, ○ and ×, a category merged down, and a numbered empty row. */
static void
test_workbook (void)
{
  g_autofree char *path = temp_path ("kept.xlsx");
  lxw_workbook *wb = workbook_new (path);
  lxw_worksheet *notes = workbook_add_worksheet (wb, "メモ");
  lxw_worksheet *ws = workbook_add_worksheet (wb, "資産一覧");
  lxw_format *ymd = workbook_add_format (wb);
  lxw_format *builtin = workbook_add_format (wb);
  lxw_datetime registered = { 2024, 4, 1, 0, 0, 0 };
  lxw_datetime due = { 2024, 6, 30, 0, 0, 0 };
  const char *single[] = { "No.", "業務分類", "情報資産名称", "媒体・保存先", "個人情報" };
  g_autoptr(GPtrArray) assets = NULL;
  g_autoptr(GPtrArray) problems = NULL;
  g_autoptr(GError) error = NULL;
  MamoriAsset *a;

  format_set_num_format (ymd, "yyyy/m/d");
  format_set_num_format_index (builtin, 14);
  worksheet_write_string (notes, 0, 0, "記入のしかた: 一行に一つの情報資産", NULL);
  worksheet_write_string (notes, 1, 0, "機密性は 0〜2", NULL);

  worksheet_merge_range (ws, 0, 0, 0, 10, "情報資産管理台帳", NULL);
  for (guint c = 0; c < G_N_ELEMENTS (single); c++)
    worksheet_merge_range (ws, 2, c, 3, c, single[c], NULL);
  worksheet_merge_range (ws, 2, 5, 2, 7, "重要度", NULL);
  worksheet_write_string (ws, 3, 5, "機密性", NULL);
  worksheet_write_string (ws, 3, 6, "完全性", NULL);
  worksheet_write_string (ws, 3, 7, "可用性", NULL);
  worksheet_merge_range (ws, 2, 8, 3, 8, "登録日", NULL);
  worksheet_merge_range (ws, 2, 9, 3, 9, "脆弱性", NULL);
  worksheet_merge_range (ws, 2, 10, 3, 10, "対策期限", NULL);

  worksheet_write_number (ws, 4, 0, 1, NULL);
  worksheet_merge_range (ws, 4, 1, 5, 1, "営業", NULL);
  worksheet_write_string (ws, 4, 2, "顧客名簿", NULL);
  worksheet_write_string (ws, 4, 3, "モバイル機器", NULL);
  worksheet_write_string (ws, 4, 4, "○", NULL);
  worksheet_write_number (ws, 4, 5, 1, NULL);
  worksheet_write_number (ws, 4, 6, 2, NULL);
  worksheet_write_number (ws, 4, 7, 1, NULL);
  worksheet_write_datetime (ws, 4, 8, &registered, ymd);
  worksheet_write_number (ws, 4, 9, 3, NULL);
  worksheet_write_datetime (ws, 4, 10, &due, builtin);

  worksheet_write_number (ws, 5, 0, 2, NULL);
  worksheet_write_string (ws, 5, 2, "見積書", NULL);
  worksheet_write_string (ws, 5, 3, "事務所PC", NULL);
  worksheet_write_string (ws, 5, 4, "×", NULL);
  worksheet_write_number (ws, 5, 5, 0, NULL);
  worksheet_write_string (ws, 5, 6, "１", NULL);
  worksheet_write_number (ws, 5, 7, 0, NULL);
  worksheet_write_string (ws, 5, 8, "令和6年4月1日", NULL);
  worksheet_write_number (ws, 5, 9, 1, NULL);

  worksheet_write_number (ws, 6, 0, 3, NULL);
  g_assert_cmpint (workbook_close (wb), ==, LXW_NO_ERROR);

  g_assert_true (read_xlsx (path, &assets, &problems, &error));
  g_assert_no_error (error);
  print_problems (problems);
  g_assert_cmpuint (problems->len, ==, 0);
  g_assert_cmpuint (assets->len, ==, 2);
  a = assets->pdata[0];
  g_assert_cmpstr (a->business_category, ==, "営業");
  g_assert_cmpstr (a->name, ==, "顧客名簿");
  g_assert_cmpstr (a->medium, ==, "モバイル機器");
  g_assert_true (a->personal_info);
  g_assert_cmpint (a->confidentiality, ==, 1);
  g_assert_cmpint (a->integrity, ==, 2);
  g_assert_cmpint (a->availability, ==, 1);
  g_assert_cmpstr (a->registered_on, ==, "2024-04-01");
  g_assert_cmpint (a->vulnerability, ==, 3);
  g_assert_cmpstr (a->measure_due, ==, "2024-06-30");
  a = assets->pdata[1];
  g_assert_cmpstr (a->business_category, ==, "営業");   /* merged down */
  g_assert_cmpstr (a->name, ==, "見積書");
  g_assert_false (a->personal_info);
  g_assert_cmpint (a->confidentiality, ==, 0);
  g_assert_cmpint (a->integrity, ==, 1);
  g_assert_cmpstr (a->registered_on, ==, "2024-04-01");
  g_assert_cmpint (a->vulnerability, ==, 1);
  g_assert_cmpstr (a->measure_due, ==, "");

  /* The command line reads the workbook by its extension. */
  if (g_getenv ("MAMORI_BIN") != NULL)
    {
      g_autofree char *workspace = temp_path ("cli.mamori");
      const char *argv[] = { g_getenv ("MAMORI_BIN"), "--workspace", workspace, "import", "assets", path, NULL };
      g_auto(GStrv) envp = g_get_environ ();
      g_autofree char *out = NULL;
      g_autofree char *err = NULL;
      int wait_status = 0;

      envp = g_environ_setenv (envp, "XDG_DATA_HOME", g_get_user_data_dir (), TRUE);
      envp = g_environ_setenv (envp, "XDG_CONFIG_HOME", g_get_user_config_dir (), TRUE);
      envp = g_environ_setenv (envp, "HOME", g_get_home_dir (), TRUE);
      g_assert_true (g_spawn_sync (NULL, (char **) argv, envp, G_SPAWN_DEFAULT, NULL, NULL, &out, &err, &wait_status, &error));
      g_assert_no_error (error);
      g_test_message ("%s", err);
      g_assert_true (g_spawn_check_wait_status (wait_status, NULL));
      g_assert_cmpstr (out, ==, "2\n");
    }

  /* The same sheet as CSV text gives the same assets. */
  {
    const char *csv =
      "情報資産管理台帳,,,,,,,,,,\r\n"
      ",,,,,,,,,,\r\n"
      "No.,業務分類,情報資産名称,媒体・保存先,個人情報,重要度,,,登録日,脆弱性,対策期限\r\n"
      ",,,,,機密性,完全性,可用性,,,\r\n"
      "1,営業,顧客名簿,モバイル機器,○,1,2,1,2024/4/1,3,2024年6月30日\r\n"
      "2,営業,見積書,事務所PC,×,0,１,0,令和6年4月1日,1,\r\n"
      "3,,,,,,,,,,\r\n";
    g_autoptr(GPtrArray) from_csv = NULL;
    g_autoptr(GPtrArray) csv_problems = NULL;
    g_assert_true (mamori_asset_ledger_read ("kept.csv", csv, strlen (csv), &from_csv, &csv_problems, &error));
    print_problems (csv_problems);
    g_assert_cmpuint (csv_problems->len, ==, 0);
    g_assert_cmpuint (from_csv->len, ==, assets->len);
    for (guint i = 0; i < assets->len; i++)
      for (guint f = 0; f < MAMORI_ASSET_N_FIELDS; f++)
        {
          g_autofree char *x = mamori_asset_get_field_text (assets->pdata[i], f);
          g_autofree char *y = mamori_asset_get_field_text (from_csv->pdata[i], f);
          g_assert_cmpstr (x, ==, y);
        }
  }
}

/* Bad cells name the sheet (found by its name), the row and the column; inline strings
 * (libxlsxwriter's constant-memory mode writes them) are read. */
static void
test_bad_cells (void)
{
  g_autofree char *path = temp_path ("bad.xlsx");
  lxw_workbook_options options = { .constant_memory = LXW_TRUE, .tmpdir = NULL };
  lxw_workbook *wb = workbook_new_opt (path, &options);
  lxw_worksheet *notes = workbook_add_worksheet (wb, "説明");
  lxw_worksheet *ws = workbook_add_worksheet (wb, "情報資産管理台帳");
  const char *header[] = { "情報資産名称", "機密性", "登録日", "個人情報" };
  g_autoptr(GPtrArray) assets = NULL;
  g_autoptr(GPtrArray) problems = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GString) all = g_string_new (NULL);

  worksheet_write_string (notes, 0, 0, "情報資産名称", NULL);   /* a heading alone: not the ledger */
  for (guint c = 0; c < G_N_ELEMENTS (header); c++)
    worksheet_write_string (ws, 0, c, header[c], NULL);
  worksheet_write_string (ws, 1, 0, "A", NULL);
  worksheet_write_number (ws, 1, 1, 5, NULL);
  worksheet_write_string (ws, 1, 2, "2024/13/1", NULL);
  worksheet_write_string (ws, 1, 3, "maybe", NULL);
  worksheet_write_string (ws, 2, 0, "B", NULL);
  worksheet_write_number (ws, 2, 1, 1, NULL);
  worksheet_write_string (ws, 2, 5, "stray", NULL);
  g_assert_cmpint (workbook_close (wb), ==, LXW_NO_ERROR);

  g_assert_true (read_xlsx (path, &assets, &problems, &error));
  g_assert_no_error (error);
  g_assert_null (assets);   /* all or nothing */
  for (guint i = 0; i < problems->len; i++)
    g_string_append_printf (all, "%s\n", (char *) problems->pdata[i]);
  g_test_message ("%s", all->str);
  g_assert_cmpuint (problems->len, ==, 4);
  g_assert_nonnull (strstr (all->str, "sheet “情報資産管理台帳”, row 2, column B (機密性), value “5”: needs"));
  g_assert_nonnull (strstr (all->str, "sheet “情報資産管理台帳”, row 2, column C (登録日), value “2024/13/1”: not a date"));
  g_assert_nonnull (strstr (all->str, "sheet “情報資産管理台帳”, row 2, column D (個人情報), value “maybe”"));
  g_assert_nonnull (strstr (all->str, "sheet “情報資産管理台帳”, row 3, column F (), value “stray”: the column has no heading"));
}

static void
test_no_header (void)
{
  g_autofree char *path = temp_path ("none.xlsx");
  lxw_workbook *wb = workbook_new (path);
  lxw_worksheet *ws = workbook_add_worksheet (wb, "Sheet1");
  g_autoptr(GPtrArray) assets = NULL;
  g_autoptr(GPtrArray) problems = NULL;
  g_autoptr(GError) error = NULL;

  worksheet_write_string (ws, 0, 0, "資産", NULL);
  worksheet_write_string (ws, 0, 1, "場所", NULL);
  worksheet_write_string (ws, 1, 0, "顧客名簿", NULL);
  g_assert_cmpint (workbook_close (wb), ==, LXW_NO_ERROR);
  g_assert_true (read_xlsx (path, &assets, &problems, &error));
  g_assert_null (assets);
  g_assert_cmpuint (problems->len, ==, 1);
  g_test_message ("%s", (char *) problems->pdata[0]);
  g_assert_nonnull (strstr (problems->pdata[0], "sheet “Sheet1”: no header row found"));
  g_assert_nonnull (strstr (problems->pdata[0], "情報資産名称"));
  g_assert_nonnull (strstr (problems->pdata[0], "機密性、完全性、可用性"));
}

/* --- hostile workbooks ---------------------------------------------------------------------- */

static const char *rels =
  "<?xml version=\"1.0\"?><Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">"
  "<Relationship Id=\"rId1\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet\" "
  "Target=\"worksheets/sheet1.xml\"/></Relationships>";
static const char *workbook =
  "<?xml version=\"1.0\"?><workbook xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\" "
  "xmlns:r=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships\"><sheets>"
  "<sheet name=\"台帳\" sheetId=\"1\" r:id=\"rId1\"/></sheets></workbook>";

/* A zip of the parts (name, text, name, text, …, NULL). */
static char *
make_zip (const char *name,
          ...)
{
  g_autofree char *path = temp_path ("hostile.xlsx");
  zip_t *z = zip_open (path, ZIP_CREATE | ZIP_TRUNCATE, NULL);
  va_list ap;

  g_assert_nonnull (z);
  va_start (ap, name);
  for (const char *n = name; n != NULL; n = va_arg (ap, const char *))
    {
      const char *text = va_arg (ap, const char *);
      zip_source_t *src = zip_source_buffer (z, text, strlen (text), 0);
      zip_int64_t i = zip_file_add (z, n, src, ZIP_FL_OVERWRITE);
      g_assert_cmpint (i, >=, 0);
      g_assert_cmpint (zip_set_file_compression (z, (zip_uint64_t) i, ZIP_CM_DEFLATE, 1), ==, 0);
    }
  va_end (ap);
  g_assert_cmpint (zip_close (z), ==, 0);
  return g_steal_pointer (&path);
}

static void
expect_refused (const char *path,
                const char *part_of_message)
{
  g_autoptr(GPtrArray) assets = NULL;
  g_autoptr(GPtrArray) problems = NULL;
  g_autoptr(GError) error = NULL;

  g_assert_false (read_xlsx (path, &assets, &problems, &error));
  g_assert_nonnull (error);
  g_test_message ("%s", error->message);
  g_assert_nonnull (strstr (error->message, part_of_message));
}

static void
test_hostile (void)
{
  /* Not a workbook at all. */
  {
    g_autoptr(GPtrArray) assets = NULL;
    g_autoptr(GPtrArray) problems = NULL;
    g_autoptr(GError) error = NULL;
    g_assert_false (mamori_asset_ledger_read ("ledger.xlsx", "name\nA\n", 7, &assets, &problems, &error));
    g_assert_nonnull (strstr (error->message, "not an Excel workbook (.xlsx)"));
  }
  /* A part that unpacks to more than 100 MB (a few hundred kB packed). */
  {
    gsize size = MAMORI_XLSX_MAX_ENTRY_BYTES + 1;
    g_autofree char *big = g_malloc (size + 1);
    g_autofree char *path = NULL;
    memset (big, ' ', size);
    big[size] = '\0';
    path = make_zip ("xl/_rels/workbook.xml.rels", big, NULL);
    expect_refused (path, "larger than 100 MB uncompressed");
  }
  /* A document type (the way to entity expansion bombs) is refused. */
  {
    g_autofree char *path = make_zip ("xl/_rels/workbook.xml.rels",
                                      "<?xml version=\"1.0\"?><!DOCTYPE r [<!ENTITY a \"aaaaaaaaaa\">"
                                      "<!ENTITY b \"&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;\">]><Relationships>&b;</Relationships>",
                                      NULL);
    expect_refused (path, "not XML that Mamori reads");
  }
  /* More than a million cells (a value in column 1000 of 1002 rows). */
  {
    g_autoptr(GString) sheet = g_string_new ("<?xml version=\"1.0\"?><worksheet><sheetData>");
    g_autofree char *path = NULL;
    for (guint r = 1; r <= 1002; r++)
      g_string_append_printf (sheet, "<row r=\"%u\"><c r=\"ALL%u\" t=\"inlineStr\"><is><t>x</t></is></c></row>", r, r);
    g_string_append (sheet, "</sheetData></worksheet>");
    path = make_zip ("xl/_rels/workbook.xml.rels", rels, "xl/workbook.xml", workbook,
                     "xl/worksheets/sheet1.xml", sheet->str, NULL);
    expect_refused (path, "more than 1000000 cells");
  }
  /* A value beyond column 1000. */
  {
    g_autofree char *path = make_zip ("xl/_rels/workbook.xml.rels", rels, "xl/workbook.xml", workbook,
                                      "xl/worksheets/sheet1.xml",
                                      "<worksheet><sheetData><row r=\"1\"><c r=\"XFD1\" t=\"inlineStr\"><is><t>x</t></is>"
                                      "</c></row></sheetData></worksheet>", NULL);
    expect_refused (path, "beyond column 1000");
  }
  /* A sheet the workbook names but does not hold. */
  {
    g_autofree char *path = make_zip ("xl/_rels/workbook.xml.rels", rels, "xl/workbook.xml", workbook, NULL);
    expect_refused (path, "xl/worksheets/sheet1.xml");
  }
  /* A hand-made sheet: shared strings with furigana, an inline string, a merged range far
   * larger than the sheet (only its rows are filled), one beyond the columns read. */
  {
    g_autoptr(GPtrArray) assets = NULL;
    g_autoptr(GPtrArray) problems = NULL;
    g_autoptr(GError) error = NULL;
    g_autofree char *path = make_zip (
      "xl/_rels/workbook.xml.rels", rels, "xl/workbook.xml", workbook,
      "xl/sharedStrings.xml",
      "<sst xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\"><si><t>情報資産名称</t></si>"
      "<si><r><t>顧客</t></r><r><t>名簿</t></r><rPh sb=\"0\" eb=\"2\"><t>コキャク</t></rPh></si><si><t>業務分類</t></si></sst>",
      "xl/worksheets/sheet1.xml",
      "<worksheet xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\"><sheetData>"
      "<row r=\"1\"><c r=\"A1\" t=\"s\"><v>0</v></c><c r=\"B1\" t=\"s\"><v>2</v></c></row>"
      "<row r=\"2\"><c r=\"A2\" t=\"s\"><v>1</v></c><c r=\"B2\" t=\"inlineStr\"><is><t>営業</t></is></c></row>"
      "<row r=\"3\"><c r=\"A3\" t=\"inlineStr\"><is><t>見積書</t></is></c></row>"
      "</sheetData><mergeCells count=\"2\"><mergeCell ref=\"B2:B1048576\"/><mergeCell ref=\"XFC1:XFD1048576\"/>"
      "</mergeCells></worksheet>",
      NULL);
    g_assert_true (read_xlsx (path, &assets, &problems, &error));
    g_assert_no_error (error);
    print_problems (problems);
    g_assert_cmpuint (problems->len, ==, 0);
    g_assert_cmpuint (assets->len, ==, 2);
    g_assert_cmpstr (((MamoriAsset *) assets->pdata[0])->name, ==, "顧客名簿");
    g_assert_cmpstr (((MamoriAsset *) assets->pdata[1])->business_category, ==, "営業");
  }
}

/* --- the CSV export, read back ------------------------------------------------------------ */

static GPtrArray *
full_ledger (void)
{
  static const char *values[MAMORI_ASSET_N_FIELDS] = {
    "営業", "顧客名簿", "取引先の担当者, \"連絡先\"\nを含む", "営業部", "営業部", "モバイル機器", "有", "有", "",
    "2", "1", "0", "5年", "2024-04-01", "3", "2", "reduce", "=ディスクを暗号化する", "山田", "2024-06-30", "2", "1", "4", "2",
    "3", "2", "1", "複製禁止;配布先限定：経理部;復旧許容時間：1時間",
  };
  GPtrArray *assets = g_ptr_array_new_with_free_func ((GDestroyNotify) mamori_asset_free);
  MamoriAsset *a = mamori_asset_new ();
  MamoriAsset *b = mamori_asset_new ();

  for (guint f = 0; f < MAMORI_ASSET_N_FIELDS; f++)
    {
      g_autofree char *reason = NULL;
      g_assert_true (mamori_asset_set_field_text (a, f, values[f], &reason));
    }
  g_ptr_array_add (assets, a);
  /* The second: 5 × 5 values from the IPA values (0), no treatment. */
  g_free (b->name);
  b->name = g_strdup ("就業規則");
  g_free (b->medium);
  b->medium = g_strdup ("書類");
  b->integrity = 1;
  b->vulnerability = 1;
  g_ptr_array_add (assets, b);
  return assets;
}

static void
assert_same (GPtrArray *x,
             GPtrArray *y)
{
  g_assert_cmpuint (x->len, ==, y->len);
  for (guint i = 0; i < x->len; i++)
    for (guint f = 0; f < MAMORI_ASSET_N_FIELDS; f++)
      {
        g_autofree char *a = mamori_asset_get_field_text (x->pdata[i], f);
        g_autofree char *b = mamori_asset_get_field_text (y->pdata[i], f);
        g_assert_cmpstr (a, ==, b);
      }
}

static void
test_round_trip (void)
{
  const char *langs[] = { "en", "ja" };
  g_autoptr(GPtrArray) assets = full_ledger ();

  for (guint l = 0; l < G_N_ELEMENTS (langs); l++)
    {
      g_autoptr(GString) out = g_string_new (NULL);
      g_autoptr(GPtrArray) back = NULL;
      g_autoptr(GPtrArray) problems = NULL;
      g_autoptr(GError) error = NULL;

      mamori_asset_csv_header_lang (out, langs[l]);
      if (l == 1)
        g_assert_true (g_str_has_prefix (out->str, "業務分類,情報資産名称,備考,利用者範囲,管理部署,媒体・保存先,個人情報,"
                                                   "要配慮個人情報,特定個人情報,機密性,完全性,可用性,保存期限,登録日,脅威,"
                                                   "脆弱性,対応,対策内容,対策担当者,対策期限,対策後の脅威,対策後の脆弱性,"
                                                   "重要度,被害発生可能性,リスク値,リスクの大きさ,影響度（5段階）,"
                                                   "発生頻度（5段階）,リスク値（5段階）,リスクレベル（5段階）,"
                                                   "機密性格付,完全性格付,可用性格付,取扱制限\r\n"));
      else
        g_assert_true (g_str_has_prefix (out->str, "business_category,name,"));
      for (guint i = 0; i < assets->len; i++)
        mamori_asset_csv_row_lang (out, assets->pdata[i],
                                   mamori_default_threat_for_medium (((MamoriAsset *) assets->pdata[i])->medium), langs[l]);
      /* The handling restrictions as the headings: Japanese labels or keys. */
      g_assert_nonnull (strstr (out->str, l == 1 ? ",3,2,1,複製禁止;配布先限定：経理部;復旧許容時間：1時間\r\n"
                                                 : ",3,2,1,copy-prohibited;readers-only:経理部;recover-within:1時間\r\n"));
      g_test_message ("%s", out->str);
      g_assert_true (mamori_asset_csv_read (out->str, &back, &problems, &error));
      print_problems (problems);
      g_assert_cmpuint (problems->len, ==, 0);
      /* The 5 × 5 columns carry the values in use; equal to the mapping they are “from the IPA
       * values” again, as the store keeps them. */
      for (guint i = 0; i < back->len; i++)
        mamori_asset_forget_mapped5 (back->pdata[i],
                                     mamori_default_threat_for_medium (((MamoriAsset *) back->pdata[i])->medium));
      assert_same (assets, back);
      g_assert_cmpint (((MamoriAsset *) back->pdata[0])->impact5, ==, 4);
      g_assert_cmpint (((MamoriAsset *) back->pdata[0])->likelihood5, ==, 2);
      g_assert_cmpstr (((MamoriAsset *) back->pdata[0])->measure, ==, "=ディスクを暗号化する");
      g_assert_cmpint (((MamoriAsset *) back->pdata[0])->target_threat, ==, 2);
    }
}

/* Through the workspace: the export's headings follow the user interface's language. */
static void
test_workspace_export (void)
{
  g_autofree char *path = temp_path ("ws.mamori");
  g_autofree char *csv_path = temp_path ("ledger.csv");
  g_autoptr(GPtrArray) assets = full_ledger ();
  g_autoptr(GPtrArray) stored = NULL;
  g_autoptr(MamoriWorkspace) ws = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *old_language = g_strdup (g_getenv ("LANGUAGE"));

  ws = mamori_workspace_open (path, MAMORI_WORKSPACE_OPEN_CREATE, &error);
  g_assert_no_error (error);
  g_assert_true (mamori_workspace_add_assets (ws, assets, &error));
  stored = mamori_workspace_list_assets (ws, &error);
  g_assert_no_error (error);

  for (guint l = 0; l < 2; l++)
    {
      g_autofree char *csv = NULL;
      g_autoptr(GPtrArray) back = NULL;
      g_autoptr(GPtrArray) problems = NULL;
      gsize length = 0;

      g_setenv ("LANGUAGE", l == 0 ? "en" : "ja", TRUE);
      g_assert_cmpstr (mamori_text_user_lang (), ==, l == 0 ? "en" : "ja");
      g_assert_true (mamori_table_export_assets (ws, csv_path, &error));
      g_assert_no_error (error);
      csv = load (csv_path, &length);
      if (l == 0)
        g_assert_true (g_str_has_prefix (csv, "\xEF\xBB\xBF" "business_category,name,"));
      else
        g_assert_true (g_str_has_prefix (csv, "\xEF\xBB\xBF" "業務分類,情報資産名称,"));
      g_assert_true (mamori_asset_ledger_read (csv_path, csv, length, &back, &problems, &error));
      g_assert_no_error (error);
      print_problems (problems);
      g_assert_cmpuint (problems->len, ==, 0);
      for (guint i = 0; i < back->len; i++)
        mamori_asset_forget_mapped5 (back->pdata[i],
                                     mamori_default_threat_for_medium (((MamoriAsset *) back->pdata[i])->medium));
      assert_same (stored, back);
    }
  if (old_language)
    g_setenv ("LANGUAGE", old_language, TRUE);
  else
    g_unsetenv ("LANGUAGE");
  mamori_workspace_close (ws);
}

int
main (int argc, char *argv[])
{
  setlocale (LC_ALL, "");
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);
  g_test_add_func ("/import-sheet/workbook", test_workbook);
  g_test_add_func ("/import-sheet/bad-cells", test_bad_cells);
  g_test_add_func ("/import-sheet/no-header", test_no_header);
  g_test_add_func ("/import-sheet/hostile", test_hostile);
  g_test_add_func ("/import-sheet/round-trip", test_round_trip);
  g_test_add_func ("/import-sheet/workspace-export", test_workspace_export);
  return g_test_run ();
}
