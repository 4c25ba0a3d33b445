/* test-asset.c — ledger rows: CSV reading in both languages, bad cells, round trip, risk */
#include "config.h"

#include <locale.h>
#include <string.h>

#include "core/mamori-asset.h"
#include "core/mamori-asset-private.h"
#include "core/mamori-demo.h"
#include "core/mamori-csv.h"

static void
test_headings (void)
{
  MamoriAssetField f;

  for (guint i = 0; i < MAMORI_ASSET_N_FIELDS; i++)
    {
      g_assert_true (mamori_asset_field_from_heading (mamori_asset_field_key (i), &f));
      g_assert_cmpint (f, ==, i);
      g_assert_true (mamori_asset_field_from_heading (mamori_asset_field_heading (i), &f));
      g_assert_cmpint (f, ==, i);
    }
  g_assert_true (mamori_asset_field_from_heading (" Confidentiality ", &f));
  g_assert_cmpint (f, ==, MAMORI_ASSET_FIELD_CONFIDENTIALITY);
  g_assert_false (mamori_asset_field_from_heading ("price", &f));
}

static void
test_read_japanese (void)
{
  const char *csv =
    "業務分類,情報資産名称,備考,利用者範囲,管理部署,媒体・保存先,個人情報,要配慮個人情報,特定個人情報,機密性,完全性,可用性,保存期限,登録日,脅威,脆弱性,対応\r\n"
    "営業,顧客名簿,\"取引先の担当者\n連絡先を含む\",営業部,営業部,モバイル機器,有,,,1,1,1,5年,2026/4/1,2,3,低減\r\n"
    "総務,就業規則,,全従業員,総務部,書類,無,無,無,0,1,0,永年,,,1,\r\n";
  g_autoptr(GPtrArray) assets = NULL;
  g_autoptr(GPtrArray) problems = NULL;
  g_autoptr(GError) error = NULL;
  MamoriAsset *a;
  MamoriAssetRisk risk;

  g_assert_true (mamori_asset_csv_read (csv, &assets, &problems, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (problems->len, ==, 0);
  g_assert_cmpuint (assets->len, ==, 2);
  a = assets->pdata[0];
  g_assert_cmpstr (a->name, ==, "顧客名簿");
  g_assert_cmpstr (a->remarks, ==, "取引先の担当者\n連絡先を含む");
  g_assert_true (a->personal_info);
  g_assert_cmpstr (a->registered_on, ==, "2026-04-01");
  g_assert_cmpint (a->treatment, ==, MAMORI_TREATMENT_REDUCE);
  /* R1: a notebook with a customer list (personal info), threat 2, no encryption (3) → 4 大. */
  mamori_asset_compute_risk (a, 3, &risk);
  g_assert_cmpint (risk.importance, ==, 2);
  g_assert_cmpint (risk.threat, ==, 2);
  g_assert_cmpint (risk.likelihood, ==, 2);
  g_assert_cmpint (risk.risk, ==, 4);
  g_assert_cmpint (risk.band, ==, MAMORI_RISK_BAND_LARGE);

  /* No threat of its own: the medium's (papers: most frequent threat 2), vulnerability 1. */
  a = assets->pdata[1];
  g_assert_cmpint (a->threat, ==, 0);
  mamori_asset_compute_risk (a, mamori_default_threat_for_medium (a->medium), &risk);
  g_assert_cmpint (risk.threat, ==, 2);
  g_assert_cmpint (risk.importance, ==, 1);
  g_assert_cmpint (risk.likelihood, ==, 1);
  g_assert_cmpint (risk.risk, ==, 1);
  g_assert_cmpint (risk.band, ==, MAMORI_RISK_BAND_MEDIUM);
  g_assert_cmpint (mamori_default_threat_for_medium ("社内サーバー"), ==, 3);
  g_assert_cmpint (mamori_default_threat_for_medium ("unknown medium"), ==, 2);
}

static void
test_bad_rows (void)
{
  const char *csv =
    "name,confidentiality,integrity,availability,personal_info,registered_on,threat,treatment\n"
    "Good row,1,1,1,yes,2026-01-31,,retain\n"
    ",1,1,1,,,,\n"
    "Bad level,3,1,1,,,,\n"
    "Bad flag,1,1,1,maybe,,,\n"
    "Bad date,1,1,1,,2026-02-30,,\n"
    "Bad threat,1,1,1,,,4,\n"
    "Bad treatment,1,1,1,,,,ignore\n";
  g_autoptr(GPtrArray) assets = NULL;
  g_autoptr(GPtrArray) problems = NULL;
  g_autoptr(GString) all = g_string_new (NULL);

  g_assert_true (mamori_asset_csv_read (csv, &assets, &problems, NULL));
  g_assert_null (assets);   /* all or nothing */
  g_assert_cmpuint (problems->len, ==, 6);
  for (guint i = 0; i < problems->len; i++)
    g_string_append_printf (all, "%s\n", (char *) problems->pdata[i]);
  g_assert_nonnull (strstr (all->str, "line 3, column name, value “”"));
  g_assert_nonnull (strstr (all->str, "line 4, column confidentiality, value “3”"));
  g_assert_nonnull (strstr (all->str, "line 5, column personal_info, value “maybe”"));
  g_assert_nonnull (strstr (all->str, "line 6, column registered_on, value “2026-02-30”"));
  g_assert_nonnull (strstr (all->str, "line 7, column threat, value “4”"));
  g_assert_nonnull (strstr (all->str, "line 8, column treatment, value “ignore”"));

  /* Unknown column; missing name column. */
  g_clear_pointer (&problems, g_ptr_array_unref);
  g_assert_true (mamori_asset_csv_read ("name,price\nA,3\n", &assets, &problems, NULL));
  g_assert_cmpuint (problems->len, ==, 1);
  g_assert_nonnull (strstr (problems->pdata[0], "price"));
  g_clear_pointer (&problems, g_ptr_array_unref);
  g_assert_true (mamori_asset_csv_read ("remarks\nA\n", &assets, &problems, NULL));
  g_assert_cmpuint (problems->len, ==, 1);
}

static void
test_round_trip (void)
{
  const char *csv =
    "name,medium,personal_info,confidentiality,integrity,availability,threat,vulnerability,treatment,remarks\n"
    "見積書,事務所PC,,1,1,0,3,2,reduce,\"a, b\"\n"
    "給与台帳,社内サーバー,有,2,2,1,,1,,\n";
  g_autoptr(GPtrArray) first = NULL, second = NULL, p1 = NULL, p2 = NULL;
  g_autoptr(GString) out = g_string_new (NULL);

  g_assert_true (mamori_asset_csv_read (csv, &first, &p1, NULL));
  g_assert_cmpuint (p1->len, ==, 0);
  mamori_asset_csv_header (out);
  for (guint i = 0; i < first->len; i++)
    mamori_asset_csv_row (out, first->pdata[i], mamori_default_threat_for_medium (((MamoriAsset *) first->pdata[i])->medium));
  g_assert_nonnull (strstr (out->str, ",importance,likelihood,risk,band,impact5,likelihood5,value5,level5,"
                                 "classification_c,classification_i,classification_a,handling\r\n"));
  /* The treatment details follow the ledger's columns (empty here), then the computed ones.
   * 給与台帳: personal → 2; threat from the server's catalogue 3, vulnerability 1 → 1; risk 2 中;
   * on the 5 × 5 grid impact 5 (importance 2), likelihood 1 (表15's 1) → 5, 中. */
  g_assert_nonnull (strstr (out->str, "\r\n,給与台帳,,,,社内サーバー,有,,,2,2,1,,,,1,,,,,,,2,1,2,中,5,1,5,中,,,,\r\n"));
  /* Reading the export back gives the same ledger (computed columns are recomputed; 5 × 5
   * values equal to the mapping are kept as "from the IPA values", as the store does). */
  g_assert_true (mamori_asset_csv_read (out->str, &second, &p2, NULL));
  g_assert_cmpuint (p2->len, ==, 0);
  g_assert_cmpuint (second->len, ==, first->len);
  for (guint i = 0; i < second->len; i++)
    mamori_asset_forget_mapped5 (second->pdata[i],
                                 mamori_default_threat_for_medium (((MamoriAsset *) second->pdata[i])->medium));
  for (guint i = 0; i < first->len; i++)
    for (guint f = 0; f < MAMORI_ASSET_N_FIELDS; f++)
      {
        g_autofree char *x = mamori_asset_get_field_text (first->pdata[i], f);
        g_autofree char *y = mamori_asset_get_field_text (second->pdata[i], f);
        g_assert_cmpstr (x, ==, y);
      }
}

/* The IPA ledger as users keep it: a title and a date above, blank and comma-only rows, a
 * header over two rows (merged cells), a No. column, dates in three forms, full-width digits,
 * ○ and ×, levels shown with their meaning (“3：…”), numbered rows with nothing else in them. */
static void
test_kept_sheet (void)
{
  const char *csv =
    "情報資産管理台帳,,,,,,,,,,,,,,,,,,\r\n"
    "作成日：2024/4/1,,,,,,,,,,,,,,,,,,\r\n"
    ",,,,,,,,,,,,,,,,,,\r\n"
    "\r\n"
    "No.,業務分類,情報資産名称,備考,利用者範囲,管理部署,媒体・保存先,個人情報の種類,,,評価値,,,重要度,保存期限,登録日,脅威の発生頻度,脆弱性,対応\r\n"
    ",,,,,,,個人情報,要配慮個人情報,特定個人情報,機密性,完全性,可用性,,,,,,\r\n"
    "1,営業,顧客名簿,,営業部,営業部,モバイル機器,○,×,×,１,２,1,2,5年,2024/4/1,２：特定の状況で脅威が発生する（年に数回程度）,3：実施していない,低減\r\n"
    ",,,,,,,,,,,,,,,,,,\r\n"
    "2,総務,就業規則,,全従業員,総務部,書類,×,×,×,0,1,0,1,永年,２０２４年４月１日,,1,\r\n"
    "3,人事,給与台帳,,人事部,人事部,社内サーバー,○,✓,有,2,2,2,2,7年,令和6年4月1日,,1,保有\r\n"
    "4,,,,,,,,,,,,,2,,,,,\r\n"
    "5,,,,,,,,,,,,,,,,,,\r\n";
  g_autoptr(GPtrArray) assets = NULL;
  g_autoptr(GPtrArray) problems = NULL;
  g_autoptr(GError) error = NULL;
  MamoriAsset *a;

  g_assert_true (mamori_asset_csv_read (csv, &assets, &problems, &error));
  g_assert_no_error (error);
  for (guint i = 0; i < problems->len; i++)
    g_test_message ("%s", (char *) problems->pdata[i]);
  g_assert_cmpuint (problems->len, ==, 0);
  g_assert_cmpuint (assets->len, ==, 3);
  a = assets->pdata[0];
  g_assert_cmpstr (a->business_category, ==, "営業");
  g_assert_cmpstr (a->name, ==, "顧客名簿");
  g_assert_cmpstr (a->medium, ==, "モバイル機器");
  g_assert_true (a->personal_info);
  g_assert_false (a->special_care_info);
  g_assert_false (a->my_number);
  g_assert_cmpint (a->confidentiality, ==, 1);
  g_assert_cmpint (a->integrity, ==, 2);
  g_assert_cmpint (a->availability, ==, 1);
  g_assert_cmpstr (a->retention, ==, "5年");
  g_assert_cmpstr (a->registered_on, ==, "2024-04-01");
  g_assert_cmpint (a->threat, ==, 2);
  g_assert_cmpint (a->vulnerability, ==, 3);
  g_assert_cmpint (a->treatment, ==, MAMORI_TREATMENT_REDUCE);
  a = assets->pdata[1];
  g_assert_cmpstr (a->name, ==, "就業規則");
  g_assert_false (a->personal_info);
  g_assert_cmpstr (a->registered_on, ==, "2024-04-01");
  g_assert_cmpint (a->threat, ==, 0);
  g_assert_cmpint (a->treatment, ==, MAMORI_TREATMENT_NONE);
  a = assets->pdata[2];
  g_assert_cmpstr (a->name, ==, "給与台帳");
  g_assert_true (a->personal_info && a->special_care_info && a->my_number);
  g_assert_cmpstr (a->registered_on, ==, "2024-04-01");
  g_assert_cmpint (a->treatment, ==, MAMORI_TREATMENT_RETAIN);

  /* A bad cell of such a sheet: its line and the heading it is under. */
  {
    g_autoptr(GString) bad = g_string_new (csv);
    g_autoptr(GPtrArray) none = NULL;
    g_autoptr(GPtrArray) found = NULL;
    g_assert_cmpuint (g_string_replace (bad, "永年,２０２４年４月１日", "永年,２０２４年４月３２日", 1), ==, 1);
    g_assert_true (mamori_asset_csv_read (bad->str, &none, &found, NULL));
    g_assert_null (none);
    g_assert_cmpuint (found->len, ==, 1);
    g_assert_nonnull (strstr (found->pdata[0], "line 9, column 登録日, value “２０２４年４月３２日”: not a date"));
  }
}

static void
test_dates_and_flags (void)
{
  static const struct {
    const char *text;
    const char *date;
  } dates[] = {
    { "2024-04-01", "2024-04-01" }, { "2024/4/1", "2024-04-01" }, { "2024.4.1", "2024-04-01" },
    { "2024年4月1日", "2024-04-01" }, { "令和6年4月1日", "2024-04-01" }, { "令和元年5月1日", "2019-05-01" },
    { "平成31年4月30日", "2019-04-30" }, { "R6.4.1", "2024-04-01" }, { "H31.4.30", "2019-04-30" },
    { "2024/4/1 0:00", "2024-04-01" }, { "2024/04/01 13:30:00", "2024-04-01" }, { "2024-04-01T00:00:00", "2024-04-01" },
    { "２０２４／４／１", "2024-04-01" }, { "令和６年４月１日", "2024-04-01" }, { "", "" },
    { "2024/2/30", NULL }, { "令和6年13月1日", NULL }, { "来月", NULL }, { "2024/4/1 abc", NULL }, { "24/4/1", NULL },
    { "2024/4-1", NULL }, { "2024年4月1", NULL }, { "令和100年1月1日", NULL },
  };
  static const struct {
    const char *text;
    gboolean value;
  } flags[] = {
    { "○", TRUE }, { "〇", TRUE }, { "✓", TRUE }, { "有", TRUE }, { "Yes", TRUE }, { "１", TRUE },
    { "×", FALSE }, { "無", FALSE }, { "", FALSE }, { "-", FALSE }, { "０", FALSE },
  };

  for (guint i = 0; i < G_N_ELEMENTS (dates); i++)
    {
      g_autoptr(MamoriAsset) a = mamori_asset_new ();
      g_autofree char *reason = NULL;
      gboolean ok = mamori_asset_set_field_text (a, MAMORI_ASSET_FIELD_REGISTERED_ON, dates[i].text, &reason);
      g_test_message ("%s", dates[i].text);
      g_assert_true (ok == (dates[i].date != NULL));
      if (ok)
        g_assert_cmpstr (a->registered_on, ==, dates[i].date);
      else
        g_assert_nonnull (strstr (reason, "2024年4月1日"));
    }
  for (guint i = 0; i < G_N_ELEMENTS (flags); i++)
    {
      g_autoptr(MamoriAsset) a = mamori_asset_new ();
      g_autofree char *reason = NULL;
      a->personal_info = !flags[i].value;
      g_assert_true (mamori_asset_set_field_text (a, MAMORI_ASSET_FIELD_PERSONAL_INFO, flags[i].text, &reason));
      g_assert_cmpint (a->personal_info, ==, flags[i].value);
    }
  {
    g_autoptr(MamoriAsset) a = mamori_asset_new ();
    g_autofree char *reason = NULL;
    g_assert_false (mamori_asset_set_field_text (a, MAMORI_ASSET_FIELD_PERSONAL_INFO, "△", &reason));
    g_clear_pointer (&reason, g_free);
    /* Full-width digits in levels; names keep their own form. */
    g_assert_true (mamori_asset_set_field_text (a, MAMORI_ASSET_FIELD_CONFIDENTIALITY, "２", &reason));
    g_assert_cmpint (a->confidentiality, ==, 2);
    g_assert_true (mamori_asset_set_field_text (a, MAMORI_ASSET_FIELD_NAME, "ＰＣ１", &reason));
    g_assert_cmpstr (a->name, ==, "ＰＣ１");
  }
}

/* Without a header row the message says what Mamori looks for. */
static void
test_no_header (void)
{
  g_autoptr(GPtrArray) assets = NULL;
  g_autoptr(GPtrArray) problems = NULL;

  g_assert_true (mamori_asset_csv_read ("資産一覧\r\n名前,場所\r\n顧客名簿,営業部\r\n", &assets, &problems, NULL));
  g_assert_null (assets);
  g_assert_cmpuint (problems->len, ==, 1);
  g_test_message ("%s", (char *) problems->pdata[0]);
  g_assert_nonnull (strstr (problems->pdata[0], "no header line found"));
  g_assert_nonnull (strstr (problems->pdata[0], "情報資産名称"));
  g_assert_nonnull (strstr (problems->pdata[0], "業務分類、情報資産名称、備考"));
  g_assert_nonnull (strstr (problems->pdata[0], "機密性"));
  g_assert_nonnull (strstr (problems->pdata[0], "対策内容"));
  /* Only numbered rows under a header: nothing to import, and no problem. */
  g_clear_pointer (&problems, g_ptr_array_unref);
  g_assert_true (mamori_asset_csv_read ("No.,情報資産名称\r\n1,\r\n2,\r\n", &assets, &problems, NULL));
  g_assert_cmpuint (problems->len, ==, 0);
  g_assert_cmpuint (assets->len, ==, 0);
}

static void
test_residual (void)
{
  g_autoptr(MamoriAsset) a = mamori_asset_new ();
  g_autofree char *reason = NULL;
  MamoriAssetRisk now, after;

  /* R1 → R2: a notebook with a customer list; encrypting it takes vulnerability 3 → 1. */
  g_assert_true (mamori_asset_set_field_text (a, MAMORI_ASSET_FIELD_NAME, "顧客名簿（ノートPC）", &reason));
  g_assert_true (mamori_asset_set_field_text (a, MAMORI_ASSET_FIELD_PERSONAL_INFO, "有", &reason));
  g_assert_true (mamori_asset_set_field_text (a, MAMORI_ASSET_FIELD_THREAT, "2", &reason));
  g_assert_true (mamori_asset_set_field_text (a, MAMORI_ASSET_FIELD_VULNERABILITY, "3", &reason));
  g_assert_true (mamori_asset_set_field_text (a, MAMORI_ASSET_FIELD_MEASURE, "ディスクを暗号化する", &reason));
  g_assert_true (mamori_asset_set_field_text (a, MAMORI_ASSET_FIELD_MEASURE_DUE, "2026/6/30", &reason));
  g_assert_true (mamori_asset_set_field_text (a, MAMORI_ASSET_FIELD_TARGET_VULNERABILITY, "1", &reason));
  g_assert_false (mamori_asset_set_field_text (a, MAMORI_ASSET_FIELD_TARGET_THREAT, "5", &reason));
  g_assert_nonnull (reason);
  g_clear_pointer (&reason, g_free);
  /* A due date that is not a date is refused and the earlier one stays. */
  g_assert_false (mamori_asset_set_field_text (a, MAMORI_ASSET_FIELD_MEASURE_DUE, "来月", &reason));
  g_assert_nonnull (strstr (reason, "YYYY-MM-DD"));
  g_clear_pointer (&reason, g_free);
  mamori_asset_compute_risk (a, 2, &now);
  mamori_asset_compute_residual (a, 2, &after);
  g_assert_cmpint (now.risk, ==, 4);
  g_assert_cmpint (now.band, ==, MAMORI_RISK_BAND_LARGE);
  g_assert_cmpint (after.risk, ==, 2);
  g_assert_cmpint (after.band, ==, MAMORI_RISK_BAND_MEDIUM);
  g_assert_cmpstr (a->measure_due, ==, "2026-06-30");
  /* Without targets the residual is the current risk. */
  a->target_vulnerability = 0;
  mamori_asset_compute_residual (a, 2, &after);
  g_assert_cmpint (after.risk, ==, now.risk);
  /* The CSV carries every column the import reads: the treatment details after the ledger's
   * columns, the computed columns after them. */
  {
    g_autoptr(GString) out = g_string_new (NULL);
    mamori_asset_csv_header (out);
    g_assert_cmpstr (out->str, ==,
                     "business_category,name,remarks,user_scope,managing_department,medium,personal_info,"
                     "special_care_info,my_number,confidentiality,integrity,availability,retention,registered_on,"
                     "threat,vulnerability,treatment,measure,measure_owner,measure_due,target_threat,"
                     "target_vulnerability,importance,likelihood,risk,band,impact5,likelihood5,value5,level5,"
                     "classification_c,classification_i,classification_a,handling\r\n");
  }
}

/* The government 5 × 5 view of an asset, from the same inputs (mapping in mamori-asset.h). */
static void
test_gov5 (void)
{
  /* The mapping from the IPA values: impact = 1 + 2 × importance, likelihood = 2 × 表15 − 1. */
  static const struct {
    int c, i, a, personal, threat, vulnerability;
    int impact5, likelihood5, value5, level5;
  } cases[] = {
    { 0, 0, 0, FALSE, 1, 1,   1, 1, 1, 0 },    /* lowest corner: 低 */
    { 2, 2, 2, FALSE, 3, 3,   5, 5, 25, 3 },   /* highest corner: 非常に高い */
    { 2, 1, 0, FALSE, 2, 3,   5, 3, 15, 2 },   /* 15: 高 */
    { 0, 0, 0, TRUE,  2, 2,   5, 1, 5, 1 },    /* personal information: importance 2 → impact 5 */
    { 1, 1, 0, FALSE, 1, 2,   3, 1, 3, 0 },
    { 1, 0, 0, FALSE, 3, 2,   3, 3, 9, 1 },    /* 9: 中 */
    { 2, 2, 2, FALSE, 3, 2,   5, 3, 15, 2 },
    { 1, 1, 1, FALSE, 3, 3,   3, 5, 15, 2 },
    { 2, 0, 0, FALSE, 3, 3,   5, 5, 25, 3 },
  };

  for (guint k = 0; k < G_N_ELEMENTS (cases); k++)
    {
      g_autoptr(MamoriAsset) a = mamori_asset_new ();
      MamoriAssetRisk r;
      a->confidentiality = cases[k].c;
      a->integrity = cases[k].i;
      a->availability = cases[k].a;
      a->personal_info = cases[k].personal;
      a->threat = cases[k].threat;
      a->vulnerability = cases[k].vulnerability;
      mamori_asset_compute_risk (a, 2, &r);
      g_assert_cmpint (r.impact5, ==, cases[k].impact5);
      g_assert_cmpint (r.likelihood5, ==, cases[k].likelihood5);
      g_assert_cmpint (r.value5, ==, cases[k].value5);
      g_assert_cmpint (r.level5, ==, cases[k].level5);
    }

  /* The IPA order is never reversed: a trade secret (confidentiality 2 alone) has a larger
   * impact than an asset rated 1 / 1 / 1 (the old mapping added C + I + A and reversed it). */
  {
    g_autoptr(MamoriAsset) secret = mamori_asset_new ();
    g_autoptr(MamoriAsset) ones = mamori_asset_new ();
    MamoriAssetRisk rs, ro;
    secret->confidentiality = 2;
    ones->confidentiality = ones->integrity = ones->availability = 1;
    mamori_asset_compute_risk (secret, 2, &rs);
    mamori_asset_compute_risk (ones, 2, &ro);
    g_assert_cmpint (rs.importance, >, ro.importance);
    g_assert_cmpint (rs.impact5, >, ro.impact5);
  }
  /* Threat 3 with every measure in place is 表15's lowest likelihood, and so the lowest on
   * the 5 × 5 axis too (the old mapping made it "middle"). */
  {
    g_autoptr(MamoriAsset) a = mamori_asset_new ();
    MamoriAssetRisk r;
    a->threat = 3;
    a->vulnerability = 1;
    mamori_asset_compute_risk (a, 2, &r);
    g_assert_cmpint (r.likelihood, ==, 1);
    g_assert_cmpint (r.likelihood5, ==, 1);
  }
  /* Over every IPA input, the mapping keeps the order of importance and of likelihood. */
  for (int c1 = 0; c1 <= 2; c1++)
    for (int c2 = 0; c2 <= 2; c2++)
      for (int t = 1; t <= 3; t++)
        for (int v = 1; v <= 3; v++)
          {
            g_autoptr(MamoriAsset) x = mamori_asset_new ();
            g_autoptr(MamoriAsset) y = mamori_asset_new ();
            MamoriAssetRisk rx, ry;
            x->confidentiality = c1;
            y->confidentiality = c2;
            x->threat = y->threat = t;
            x->vulnerability = v;
            y->vulnerability = 4 - v;
            mamori_asset_compute_risk (x, 2, &rx);
            mamori_asset_compute_risk (y, 2, &ry);
            g_assert_true ((rx.importance < ry.importance) == (rx.impact5 < ry.impact5));
            g_assert_true ((rx.likelihood < ry.likelihood) == (rx.likelihood5 < ry.likelihood5));
          }
  /* Assessed on the 5 × 5 grid, the asset's own values count; an export read back keeps them. */
  {
    g_autoptr(MamoriAsset) a = mamori_asset_new ();
    g_autofree char *reason = NULL;
    MamoriAssetRisk r;
    a->confidentiality = 1;
    g_assert_true (mamori_asset_set_field_text (a, MAMORI_ASSET_FIELD_IMPACT5, "4", &reason));
    g_assert_true (mamori_asset_set_field_text (a, MAMORI_ASSET_FIELD_LIKELIHOOD5, "2", &reason));
    g_assert_false (mamori_asset_set_field_text (a, MAMORI_ASSET_FIELD_LIKELIHOOD5, "6", &reason));
    g_assert_nonnull (reason);
    mamori_asset_compute_risk (a, 2, &r);
    g_assert_cmpint (r.impact5, ==, 4);
    g_assert_cmpint (r.likelihood5, ==, 2);
    g_assert_cmpint (r.value5, ==, 8);
    mamori_asset_forget_mapped5 (a, 2);
    g_assert_cmpint (a->impact5, ==, 4);    /* not what the mapping gives (3): kept */
    g_assert_cmpint (a->likelihood5, ==, 2);
    a->impact5 = 3;
    mamori_asset_forget_mapped5 (a, 2);
    g_assert_cmpint (a->impact5, ==, 0);    /* the mapping's own value: follows C/I/A again */
  }
}

/* The media the guideline names are in the threat catalogue under the guideline's names, so
 * a ledger typed from it gets its medium's threats rather than the fallback. */
static void
test_seed_media (void)
{
  const char *seed_media[] = { "事務所PC", "可搬電子媒体", "社内サーバー", "キャビネット" };
  guint n;
  const MamoriDefaultThreat *list = mamori_default_threats (&n);

  for (guint m = 0; m < G_N_ELEMENTS (seed_media); m++)
    {
      guint found = 0;
      for (guint i = 0; i < n; i++)
        found += g_str_equal (list[i].medium, seed_media[m]);
      g_assert_cmpuint (found, >=, 2);
    }
  g_assert_cmpint (mamori_default_threat_for_medium ("可搬電子媒体"), ==, 3);
}

/* The demo's assets with personal information have integrity 2 (表10: the law requires it). */
static void
test_demo_personal_integrity (void)
{
  g_autoptr(GPtrArray) assets = NULL, problems = NULL;
  guint personal = 0;

  g_assert_true (mamori_asset_csv_read (mamori_demo_assets_csv (), &assets, &problems, NULL));
  g_assert_cmpuint (problems->len, ==, 0);
  for (guint i = 0; i < assets->len; i++)
    {
      MamoriAsset *a = assets->pdata[i];
      if (a->personal_info)
        {
          personal++;
          g_assert_cmpint (a->integrity, ==, 2);
        }
    }
  g_assert_cmpuint (personal, >=, 5);
}

int
main (int argc, char *argv[])
{
  setlocale (LC_ALL, "");
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/asset/headings", test_headings);
  g_test_add_func ("/asset/seed-media", test_seed_media);
  g_test_add_func ("/asset/demo-personal-integrity", test_demo_personal_integrity);
  g_test_add_func ("/asset/read-japanese", test_read_japanese);
  g_test_add_func ("/asset/bad-rows", test_bad_rows);
  g_test_add_func ("/asset/round-trip", test_round_trip);
  g_test_add_func ("/asset/residual", test_residual);
  g_test_add_func ("/asset/kept-sheet", test_kept_sheet);
  g_test_add_func ("/asset/dates-and-flags", test_dates_and_flags);
  g_test_add_func ("/asset/no-header", test_no_header);
  g_test_add_func ("/asset/gov5", test_gov5);
  return g_test_run ();
}
