/* test-classification.c — the government classification: catalogue, parsing, labels, terms,
 * and the asset columns through CSV, XLSX and the store (both engines) */
#include "config.h"

#include <locale.h>
#include <glib/gstdio.h>
#include <string.h>

#include "core/mamori-asset.h"
#include "core/mamori-asset-private.h"
#include "core/mamori-asset-xlsx-read.h"
#include "core/mamori-classification.h"
#include "report/mamori-table-export.h"
#include "store/mamori-assets.h"
#include "store/mamori-assets-private.h"
#include "store/mamori-documents.h"
#include "store/mamori-workspace.h"
#include "ops/mamori-ops.h"
#include <poppler.h>
#include "mamori-test-pg.h"

/* 【参考4】 (seed 004 lines 474–545): 10 kinds for confidentiality, 5 for integrity, 2 for
 * availability. */
static void
test_catalogue (void)
{
  guint n;
  const MamoriHandlingRestriction *list = mamori_handling_catalogue (&n);
  g_autoptr(GHashTable) keys = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr(GHashTable) ja = g_hash_table_new (g_str_hash, g_str_equal);

  g_assert_cmpuint (mamori_handling_kind_count (MAMORI_CLASS_AXIS_CONFIDENTIALITY), ==, 10);
  g_assert_cmpuint (mamori_handling_kind_count (MAMORI_CLASS_AXIS_INTEGRITY), ==, 5);
  g_assert_cmpuint (mamori_handling_kind_count (MAMORI_CLASS_AXIS_AVAILABILITY), ==, 2);
  g_assert_cmpuint (n, ==, 28);
  for (guint i = 0; i < n; i++)
    {
      /* Keys are stable ASCII, unique, and every name finds its own entry. */
      for (const char *p = list[i].key; *p; p++)
        g_assert_true (g_ascii_isalnum (*p) || *p == '-');
      g_assert_true (g_hash_table_add (keys, (gpointer) list[i].key));
      g_assert_true (g_hash_table_add (ja, (gpointer) list[i].ja));
      g_assert_true (mamori_handling_find (list[i].key) == &list[i]);
      g_assert_true (mamori_handling_find (list[i].ja) == &list[i]);
      g_assert_true (mamori_handling_find (list[i].en) == &list[i]);
      g_assert_cmpint (list[i].param != MAMORI_HANDLING_PARAM_NONE, ==, mamori_handling_param_label (list[i].param) != NULL);
    }
  g_assert_true (mamori_handling_find ("複写禁止") == mamori_handling_find ("copy-prohibited"));
  g_assert_null (mamori_handling_find ("持出禁止の類"));
  g_assert_cmpint (mamori_handling_find ("配布先限定")->param, ==, MAMORI_HANDLING_PARAM_WHO);
  g_assert_cmpint (mamori_handling_find ("keep-until")->param, ==, MAMORI_HANDLING_PARAM_UNTIL);
  g_assert_cmpint (mamori_handling_find ("keep-at")->param, ==, MAMORI_HANDLING_PARAM_WHERE);
  g_assert_cmpint (mamori_handling_find ("recover-within")->param, ==, MAMORI_HANDLING_PARAM_RECOVERY);
  g_assert_cmpint (mamori_handling_find ("recover-within")->axis, ==, MAMORI_CLASS_AXIS_AVAILABILITY);
}

static void
test_parse (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) list = mamori_handling_parse (" 複製禁止 ; 配布先限定：経理部；copy-needs-permission;"
                                                     "readers-only: 役員会議出席者 ;Keep until:令和8年度末", &error);
  g_autofree char *ja = NULL, *keys = NULL, *stored = NULL;

  g_assert_no_error (error);
  g_assert_cmpuint (list->len, ==, 5);
  ja = mamori_handling_format (list, MAMORI_HANDLING_STYLE_JA, ";");
  g_assert_cmpstr (ja, ==, "複製禁止;配布先限定：経理部;複製要許可;配布先限定：役員会議出席者;保存期間：令和8年度末");
  keys = mamori_handling_format (list, MAMORI_HANDLING_STYLE_KEYS, ";");
  g_assert_cmpstr (keys, ==, "copy-prohibited;readers-only:経理部;copy-needs-permission;readers-only:役員会議出席者;"
                             "keep-until:令和8年度末");
  /* Both written forms read back to the same stored form. */
  stored = mamori_handling_normalise (keys, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (stored, ==, ja);

  /* The seed's own forms: 「〇〇限り」, 「〇〇以内復旧」, 「〇〇において保存」. */
  {
    g_autofree char *s = mamori_handling_normalise ("経理部限り;3日以内復旧;3か年保存文書用サーバにおいて保存", &error);
    g_assert_no_error (error);
    g_assert_cmpstr (s, ==, "配布先限定：経理部;復旧許容時間：3日;保存場所：3か年保存文書用サーバ");
  }
  /* Empty is an empty list. */
  {
    g_autofree char *s = mamori_handling_normalise (" ; ", &error);
    g_assert_no_error (error);
    g_assert_cmpstr (s, ==, "");
  }
}

static void
test_parse_errors (void)
{
  const struct {
    const char *text;
    const char *names;
  } bad[] = {
    { "複製禁止;持出厳禁", "“持出厳禁”" },
    { "配布先限定", "needs" },
    { "配布先限定：", "needs" },
    { "複製禁止：経理部", "takes nothing" },
    { "複製禁止;複写禁止", "given twice" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (bad); i++)
    {
      g_autoptr(GError) error = NULL;
      g_autofree char *s = mamori_handling_normalise (bad[i].text, &error);
      g_assert_null (s);
      g_assert_error (error, MAMORI_CLASSIFICATION_ERROR, 0);
      g_test_message ("%s → %s", bad[i].text, error->message);
      g_assert_nonnull (strstr (error->message, bad[i].names));
    }
}

static void
test_levels (void)
{
  g_autoptr(GError) error = NULL;
  const struct {
    MamoriClassAxis axis;
    const char *text;
    int level;   /* -1: refused */
  } cases[] = {
    { MAMORI_CLASS_AXIS_CONFIDENTIALITY, "", 0 },
    { MAMORI_CLASS_AXIS_CONFIDENTIALITY, "0", 0 },
    { MAMORI_CLASS_AXIS_CONFIDENTIALITY, "３", 3 },
    { MAMORI_CLASS_AXIS_CONFIDENTIALITY, "機密性2", 2 },
    { MAMORI_CLASS_AXIS_CONFIDENTIALITY, "機密性3情報", 3 },
    { MAMORI_CLASS_AXIS_CONFIDENTIALITY, "C1", 1 },
    { MAMORI_CLASS_AXIS_CONFIDENTIALITY, "4", -1 },
    { MAMORI_CLASS_AXIS_INTEGRITY, "2", 2 },
    { MAMORI_CLASS_AXIS_INTEGRITY, "3", -1 },
    { MAMORI_CLASS_AXIS_AVAILABILITY, "A2", 2 },
    { MAMORI_CLASS_AXIS_AVAILABILITY, "高", -1 },
    { MAMORI_CLASS_AXIS_AVAILABILITY, "-1", -1 },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *reason = NULL;
      int v = -5;
      gboolean ok = mamori_classification_parse_level (cases[i].axis, cases[i].text, &v, &reason);
      g_assert_cmpint (ok, ==, cases[i].level >= 0);
      if (ok)
        g_assert_cmpint (v, ==, cases[i].level);
      else
        g_assert_nonnull (reason);
    }
  g_assert_true (mamori_classification_validate (3, 2, 2, &error));
  g_assert_true (mamori_classification_validate (0, 0, 0, &error));
  g_assert_false (mamori_classification_validate (1, 3, 1, &error));
  g_assert_nonnull (strstr (error->message, "3"));
}

/* 要機密情報 = C2 or C3, 要保全情報 = I2, 要安定情報 = A2, 要保護情報 = any of them (note 004 §2.1–2.3). */
static void
test_terms (void)
{
  g_assert_cmpint (mamori_classification_terms (0, 0, 0), ==, 0);
  g_assert_cmpint (mamori_classification_terms (1, 1, 1), ==, 0);
  g_assert_cmpint (mamori_classification_terms (2, 1, 1), ==, MAMORI_CLASS_TERM_CONFIDENTIAL | MAMORI_CLASS_TERM_PROTECTION);
  g_assert_cmpint (mamori_classification_terms (3, 0, 0), ==, MAMORI_CLASS_TERM_CONFIDENTIAL | MAMORI_CLASS_TERM_PROTECTION);
  g_assert_cmpint (mamori_classification_terms (1, 2, 1), ==, MAMORI_CLASS_TERM_INTEGRITY | MAMORI_CLASS_TERM_PROTECTION);
  g_assert_cmpint (mamori_classification_terms (0, 0, 2), ==, MAMORI_CLASS_TERM_AVAILABILITY | MAMORI_CLASS_TERM_PROTECTION);
  g_assert_cmpstr (mamori_classification_term_label (MAMORI_CLASS_TERM_CONFIDENTIAL, "ja"), ==, "要機密情報");
  g_assert_cmpstr (mamori_classification_term_label (MAMORI_CLASS_TERM_INTEGRITY, "ja"), ==, "要保全情報");
  g_assert_cmpstr (mamori_classification_term_label (MAMORI_CLASS_TERM_AVAILABILITY, "ja"), ==, "要安定情報");
  g_assert_cmpstr (mamori_classification_term_label (MAMORI_CLASS_TERM_PROTECTION, "ja"), ==, "要保護情報");
}

static void
test_label (void)
{
  g_autofree char *ja = mamori_classification_label (3, 0, 0, "複製禁止;配布先限定：経理部", "ja");
  g_autofree char *en = mamori_classification_label (3, 2, 0, "copy-prohibited;readers-only:経理部", "en");
  g_autofree char *none = mamori_classification_label (0, 0, 0, "", "ja");
  g_autofree char *handling = NULL;
  int c = -1, i = -1, a = -1;

  g_assert_cmpstr (ja, ==, "機密性3 / 複製禁止 / 配布先限定：経理部");
  g_assert_cmpstr (en, ==, "Confidentiality 3 / Integrity 2 / No copying / Only for: 経理部");
  g_assert_cmpstr (none, ==, "");
  /* A label reads back, in either language. */
  g_assert_true (mamori_classification_label_parse (ja, &c, &i, &a, &handling));
  g_assert_cmpint (c, ==, 3);
  g_assert_cmpint (i, ==, 0);
  g_assert_cmpstr (handling, ==, "複製禁止;配布先限定：経理部");
  g_clear_pointer (&handling, g_free);
  g_assert_true (mamori_classification_label_parse (en, &c, &i, &a, &handling));
  g_assert_cmpint (c, ==, 3);
  g_assert_cmpint (i, ==, 2);
  g_assert_cmpint (a, ==, 0);
  g_assert_cmpstr (handling, ==, "複製禁止;配布先限定：経理部");
  g_clear_pointer (&handling, g_free);
  g_assert_false (mamori_classification_label_parse ("社外秘", &c, &i, &a, &handling));

  /* Documents: empty prints the simple scheme's default, as before. */
  g_assert_cmpstr (mamori_document_classification_text ("", "ja"), ==, "社外秘");
  g_assert_cmpstr (mamori_document_classification_text (NULL, "en"), ==, "Internal");
  g_assert_cmpstr (mamori_document_classification_text ("部外秘", "ja"), ==, "部外秘");
  g_assert_cmpint (mamori_class_simple_find ("Department only"), ==, 1);
  g_assert_cmpint (mamori_class_simple_find ("公開"), ==, 2);
  g_assert_cmpint (mamori_class_scheme_from_key ("government"), ==, MAMORI_CLASS_SCHEME_GOVERNMENT);
  g_assert_cmpint (mamori_class_scheme_from_key (NULL), ==, MAMORI_CLASS_SCHEME_SIMPLE);
}

/* Bad cells are reported per cell, naming line, column and value. */
static void
test_csv_bad_cells (void)
{
  const char *csv =
    "情報資産名称,機密性格付,完全性格付,可用性格付,取扱制限\n"
    "顧客名簿,3,2,1,複製禁止;配布先限定：営業部\n"
    "見積書,4,1,1,\n"
    "議事録,1,1,3,持出厳禁\n";
  g_autoptr(GPtrArray) assets = NULL, problems = NULL;

  g_assert_true (mamori_asset_csv_read (csv, &assets, &problems, NULL));
  for (guint i = 0; i < problems->len; i++)
    g_test_message ("%s", (char *) problems->pdata[i]);
  g_assert_null (assets);
  g_assert_cmpuint (problems->len, ==, 3);
  g_assert_true (g_str_has_prefix (problems->pdata[0], "line 3, column 機密性格付, value “4”:"));
  g_assert_true (g_str_has_prefix (problems->pdata[1], "line 4, column 可用性格付, value “3”:"));
  g_assert_true (g_str_has_prefix (problems->pdata[2], "line 4, column 取扱制限, value “持出厳禁”:"));
}

/* A fresh folder per run, so nothing is left from an earlier one. */
static char *
temp_path (const char *name)
{
  static char *dir;

  if (dir == NULL)
    dir = g_dir_make_tmp ("mamori-classification-XXXXXX", NULL);
  g_assert_nonnull (dir);
  return g_build_filename (dir, name, NULL);
}

static GPtrArray *
classified_assets (void)
{
  GPtrArray *assets = g_ptr_array_new_with_free_func ((GDestroyNotify) mamori_asset_free);
  MamoriAsset *a = mamori_asset_new ();
  MamoriAsset *b = mamori_asset_new ();
  MamoriAsset *c = mamori_asset_new ();

  g_free (a->name);
  a->name = g_strdup ("顧客名簿");
  a->classification_c = 3;
  a->classification_i = 2;
  a->classification_a = 2;
  g_free (a->handling);
  a->handling = g_strdup ("複製禁止;配布先限定：経理部;復旧許容時間：1時間");
  g_free (b->name);
  b->name = g_strdup ("社内報");
  b->classification_c = 1;
  g_free (c->name);
  c->name = g_strdup ("未分類の資料");
  g_ptr_array_add (assets, a);
  g_ptr_array_add (assets, b);
  g_ptr_array_add (assets, c);
  return assets;
}

static void
assert_classified (GPtrArray *x,
                   GPtrArray *y)
{
  g_assert_cmpuint (x->len, ==, y->len);
  for (guint i = 0; i < x->len; i++)
    for (guint f = MAMORI_ASSET_FIELD_CLASSIFICATION_C; f < MAMORI_ASSET_N_FIELDS; f++)
      {
        g_autofree char *a = mamori_asset_get_field_text (x->pdata[i], f);
        g_autofree char *b = mamori_asset_get_field_text (y->pdata[i], f);
        g_assert_cmpstr (a, ==, b);
      }
}

/* Stored, exported as CSV (both languages) and XLSX, read back: the same classification. */
static void
round_trip (TestEngine engine)
{
  g_autofree char *path = NULL;
  g_autoptr(GPtrArray) assets = classified_assets ();
  g_autoptr(GPtrArray) stored = NULL;
  g_autoptr(MamoriWorkspace) ws = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *old_language = g_strdup (g_getenv ("LANGUAGE"));
  const char *outs[] = { "ledger-en.csv", "ledger-ja.csv", "ledger.xlsx" };

  if (engine == TEST_ENGINE_POSTGRESQL)
    {
      if (!test_pg_available ())
        return;
      path = test_pg_new_database ();
    }
  else
    path = temp_path ("classification.mamori");
  ws = mamori_workspace_open (path, MAMORI_WORKSPACE_OPEN_CREATE, &error);
  g_assert_no_error (error);
  g_assert_true (mamori_workspace_add_assets (ws, assets, &error));
  g_assert_no_error (error);
  stored = mamori_workspace_list_assets (ws, &error);
  g_assert_no_error (error);
  assert_classified (assets, stored);

  /* An update changes them, and a bad level is refused by the store's CHECK. */
  {
    MamoriAsset *b = stored->pdata[1];
    g_autoptr(MamoriAsset) back = NULL;
    b->classification_i = 1;
    g_free (b->handling);
    b->handling = g_strdup ("保存期間：令和9年3月31日");
    g_assert_true (mamori_workspace_update_asset (ws, b, &error));
    g_assert_no_error (error);
    back = mamori_workspace_get_asset (ws, b->id, &error);
    g_assert_cmpint (back->classification_i, ==, 1);
    g_assert_cmpstr (back->handling, ==, "保存期間：令和9年3月31日");
  }

  /* The ledger's filter: 要保護情報, a confidentiality level, restricted, not classified. */
  {
    const struct {
      MamoriAssetClassFilter filter;
      guint n;
    } filters[] = {
      { MAMORI_ASSET_CLASS_ANY, 3 }, { MAMORI_ASSET_CLASS_PROTECTION, 1 }, { MAMORI_ASSET_CLASS_C3, 1 },
      { MAMORI_ASSET_CLASS_C2, 0 }, { MAMORI_ASSET_CLASS_C1, 1 }, { MAMORI_ASSET_CLASS_RESTRICTED, 2 },
      { MAMORI_ASSET_CLASS_NONE, 1 },
    };
    for (guint k = 0; k < G_N_ELEMENTS (filters); k++)
      {
        MamoriAssetQuery q = { 0 };
        g_autoptr(GArray) ids = NULL;
        q.band = -1;
        q.classification = filters[k].filter;
        ids = mamori_assets_query_ids (path, &q, NULL, &error);
        g_assert_no_error (error);
        g_assert_cmpuint (ids->len, ==, filters[k].n);
      }
  }

  for (guint l = 0; l < G_N_ELEMENTS (outs); l++)
    {
      g_autofree char *out = temp_path (outs[l]);
      g_autofree char *contents = NULL;
      g_autoptr(GPtrArray) back = NULL;
      g_autoptr(GPtrArray) problems = NULL;
      gsize length = 0;

      g_setenv ("LANGUAGE", l == 1 ? "ja" : "en", TRUE);
      g_assert_true (mamori_table_export_assets (ws, out, &error));
      g_assert_no_error (error);
      g_assert_true (g_file_get_contents (out, &contents, &length, &error));
      if (l == 1)
        g_assert_nonnull (strstr (contents, "機密性格付,完全性格付,可用性格付,取扱制限\r\n"));
      if (l == 0)
        g_assert_nonnull (strstr (contents, ",3,2,2,copy-prohibited;readers-only:経理部;recover-within:1時間\r\n"));
      if (l == 1)
        g_assert_nonnull (strstr (contents, ",3,2,2,複製禁止;配布先限定：経理部;復旧許容時間：1時間\r\n"));
      g_assert_true (mamori_asset_ledger_read (out, contents, length, &back, &problems, &error));
      g_assert_no_error (error);
      for (guint i = 0; i < problems->len; i++)
        g_test_message ("%s", (char *) problems->pdata[i]);
      g_assert_cmpuint (problems->len, ==, 0);
      assert_classified (stored, back);
      g_unlink (out);
    }
  if (old_language)
    g_setenv ("LANGUAGE", old_language, TRUE);
  else
    g_unsetenv ("LANGUAGE");
  mamori_workspace_close (ws);
  if (engine == TEST_ENGINE_SQLITE)
    g_unlink (path);
}

static void
test_round_trip_sqlite (void)
{
  round_trip (TEST_ENGINE_SQLITE);
}

static void
test_round_trip_pg (void)
{
  round_trip (TEST_ENGINE_POSTGRESQL);
}

static char *
pdf_page_text (const char *path,
               int         page_index)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *uri = g_filename_to_uri (path, NULL, &error);
  PopplerDocument *doc = poppler_document_new_from_file (uri, NULL, &error);
  PopplerPage *page;
  char *text;

  g_assert_no_error (error);
  g_assert_cmpint (poppler_document_get_n_pages (doc), >, 1);
  page = poppler_document_get_page (doc, page_index < 0 ? poppler_document_get_n_pages (doc) - 1 : page_index);
  text = poppler_page_get_text (page);
  g_object_unref (page);
  g_object_unref (doc);
  return text;
}

/* A document prints its own classification on the cover and in the running header; one
 * without (made before, or set empty) prints 社外秘 as before; the workspace scheme decides a
 * new document's default. */
static void
test_document (void)
{
  g_autofree char *path = temp_path ("documents.mamori");
  g_autoptr(MamoriWorkspace) ws = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(MamoriTemplate) tmpl = NULL;
  g_autofree char *def = NULL;
  const char *label = "機密性3 / 複製禁止 / 配布先限定：経理部";
  gint64 id, plain;

  ws = mamori_workspace_open (path, MAMORI_WORKSPACE_OPEN_CREATE, &error);
  g_assert_no_error (error);
  tmpl = mamori_template_builtin ("basic-policy", "ja", &error);
  g_assert_no_error (error);

  /* The simple scheme first: 社外秘. */
  g_assert_cmpint (mamori_workspace_get_classification_scheme (ws), ==, MAMORI_CLASS_SCHEME_SIMPLE);
  plain = mamori_workspace_add_document_from_template (ws, tmpl, NULL, &error);
  g_assert_no_error (error);
  {
    g_autoptr(MamoriDocumentInfo) info = mamori_workspace_get_document (ws, plain, &error);
    g_assert_cmpstr (info->classification, ==, "社外秘");
  }
  g_assert_true (mamori_workspace_set_setting (ws, "classification_scheme", "government", &error));
  def = mamori_workspace_default_document_classification (ws, "ja");
  g_assert_cmpstr (def, ==, "機密性2");

  id = mamori_workspace_add_classified_document (ws, tmpl, NULL, label, &error);
  g_assert_no_error (error);
  for (guint k = 0; k < 2; k++)
    {
      g_autofree char *number = g_strdup_printf ("%" G_GINT64_FORMAT, k == 0 ? id : plain);
      g_autofree char *pdf = temp_path (k == 0 ? "classified.pdf" : "plain.pdf");
      MamoriOpRequest request = { .path = pdf, .id = number };
      g_autofree char *cover = NULL, *page2 = NULL;

      if (k == 1)   /* an empty classification, as documents made before it was chosen */
        g_assert_true (mamori_workspace_set_document_classification (ws, plain, "", &error));
      g_assert_true (mamori_op_run (mamori_op_find (MAMORI_OP_EXPORT, "document"), ws, NULL, &request, NULL, &error));
      g_assert_no_error (error);
      cover = pdf_page_text (pdf, 0);
      page2 = pdf_page_text (pdf, -1);   /* the running header of the last page */
      g_test_message ("cover: %s", cover);
      if (k == 0)
        {
          g_assert_nonnull (strstr (cover, "機密性3"));
          g_assert_nonnull (strstr (cover, "配布先限定：経理部"));
          g_assert_nonnull (strstr (page2, "機密性3"));
          g_assert_null (strstr (cover, "社外秘"));
        }
      else
        {
          g_assert_nonnull (strstr (cover, "社外秘"));
          g_assert_nonnull (strstr (page2, "社外秘"));
        }
    }
  /* Changed later. */
  g_assert_true (mamori_workspace_set_document_classification (ws, id, "部外秘", &error));
  {
    g_autoptr(MamoriDocumentInfo) info = mamori_workspace_get_document (ws, id, &error);
    g_assert_cmpstr (info->classification, ==, "部外秘");
  }
  g_assert_false (mamori_workspace_set_document_classification (ws, 9999, "公開", &error));
  g_clear_error (&error);
  mamori_workspace_close (ws);
  g_unlink (path);
}

int
main (int argc, char *argv[])
{
  int rc;

  setlocale (LC_ALL, "");
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);
  g_test_add_func ("/classification/catalogue", test_catalogue);
  g_test_add_func ("/classification/parse", test_parse);
  g_test_add_func ("/classification/parse-errors", test_parse_errors);
  g_test_add_func ("/classification/levels", test_levels);
  g_test_add_func ("/classification/terms", test_terms);
  g_test_add_func ("/classification/label", test_label);
  g_test_add_func ("/classification/csv-bad-cells", test_csv_bad_cells);
  g_test_add_func ("/classification/round-trip/sqlite", test_round_trip_sqlite);
  g_test_add_func ("/classification/round-trip/postgresql", test_round_trip_pg);
  g_test_add_func ("/classification/document", test_document);
  rc = g_test_run ();
  test_pg_cleanup ();
  return rc;
}
