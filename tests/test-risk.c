/* test-risk.c — the IPA risk method: every worked example of domain note 000 §4 */
#include "config.h"

#include <string.h>

#include <locale.h>

#include "core/mamori-risk.h"
#include "core/mamori-risk-private.h"

static int
importance (int c, int i, int a, gboolean personal, gboolean special, gboolean my_number)
{
  MamoriRiskRating r = { c, i, a, personal, special, my_number };
  g_autoptr(GError) error = NULL;
  int v = mamori_risk_importance (&r, &error);
  g_assert_no_error (error);
  return v;
}

static void
test_importance (void)
{
  MamoriRiskRating bad = { 3, 0, 0, FALSE, FALSE, FALSE };
  g_autoptr(GError) error = NULL;

  /* 表11 worked examples, then the derived checks. */
  g_assert_cmpint (importance (2, 1, 0, FALSE, FALSE, FALSE), ==, 2);
  g_assert_cmpint (importance (0, 2, 2, FALSE, FALSE, FALSE), ==, 2);
  g_assert_cmpint (importance (0, 0, 0, FALSE, FALSE, FALSE), ==, 0);
  g_assert_cmpint (importance (1, 0, 0, FALSE, FALSE, FALSE), ==, 1);
  g_assert_cmpint (importance (1, 1, 1, FALSE, FALSE, FALSE), ==, 1);
  g_assert_cmpint (importance (1, 0, 1, FALSE, FALSE, FALSE), ==, 1);
  /* Any personal-information flag forces 2. */
  g_assert_cmpint (importance (0, 0, 0, TRUE, FALSE, FALSE), ==, 2);
  g_assert_cmpint (importance (1, 0, 1, FALSE, FALSE, TRUE), ==, 2);
  g_assert_cmpint (importance (0, 1, 0, FALSE, TRUE, FALSE), ==, 2);
  g_assert_cmpint (importance (1, 1, 1, FALSE, FALSE, TRUE), ==, 2);

  g_assert_cmpint (mamori_risk_importance (&bad, &error), ==, -1);
  g_assert_error (error, MAMORI_RISK_ERROR, MAMORI_RISK_ERROR_OUT_OF_RANGE);
}

static void
test_likelihood_table (void)
{
  /* 表15, all nine cells: (T, V) → b. */
  static const int vectors[][3] = {
    { 3, 3, 3 }, { 3, 2, 2 }, { 3, 1, 1 }, { 2, 3, 2 }, { 2, 2, 1 }, { 2, 1, 1 }, { 1, 3, 1 }, { 1, 2, 1 }, { 1, 1, 1 },
  };
  g_autoptr(GError) error = NULL;

  for (guint k = 0; k < G_N_ELEMENTS (vectors); k++)
    {
      g_assert_cmpint (mamori_risk_likelihood (vectors[k][0], vectors[k][1], NULL), ==, vectors[k][2]);
      g_assert_cmpint (vectors[k][2], ==, MAX (1, vectors[k][0] + vectors[k][1] - 3));
    }
  g_assert_cmpint (mamori_risk_likelihood (0, 2, &error), ==, -1);
  g_assert_error (error, MAMORI_RISK_ERROR, MAMORI_RISK_ERROR_OUT_OF_RANGE);
  g_clear_error (&error);
  g_assert_cmpint (mamori_risk_likelihood (2, 4, &error), ==, -1);
}

static void
test_worked_examples (void)
{
  /* R1–R6 and L1–L2: (importance, threat, vulnerability) → (likelihood, risk, band). */
  static const struct { const char *name; int a, t, v, b, risk; MamoriRiskBand band; } rows[] = {
    { "R1 unencrypted notebook with a customer list", 2, 2, 3, 2, 4, MAMORI_RISK_BAND_LARGE },
    { "R2 the same, encrypted", 2, 2, 1, 1, 2, MAMORI_RISK_BAND_MEDIUM },
    { "R3 website attack, measures insufficient", 2, 3, 2, 2, 4, MAMORI_RISK_BAND_LARGE },
    { "R4 the same, proper measures", 2, 3, 1, 1, 2, MAMORI_RISK_BAND_MEDIUM },
    { "R5 targeted-attack e-mail", 2, 3, 2, 2, 4, MAMORI_RISK_BAND_LARGE },
    { "R6 earthquake, no backup", 2, 1, 3, 1, 2, MAMORI_RISK_BAND_MEDIUM },
    { "L1 threat 3, partly implemented", 2, 3, 2, 2, 4, MAMORI_RISK_BAND_LARGE },
    { "L2 threat 2, partly implemented", 2, 2, 2, 1, 2, MAMORI_RISK_BAND_MEDIUM },
  };

  for (guint k = 0; k < G_N_ELEMENTS (rows); k++)
    {
      int b = mamori_risk_likelihood (rows[k].t, rows[k].v, NULL);
      int risk = mamori_risk_value (rows[k].a, b);
      g_test_message ("%s", rows[k].name);
      g_assert_cmpint (b, ==, rows[k].b);
      g_assert_cmpint (risk, ==, rows[k].risk);
      g_assert_cmpint (mamori_risk_band (risk), ==, rows[k].band);
    }
}

static void
test_all_27_combinations (void)
{
  for (int a = 0; a <= 2; a++)
    for (int t = 1; t <= 3; t++)
      for (int v = 1; v <= 3; v++)
        {
          int b = mamori_risk_likelihood (t, v, NULL);
          int risk = mamori_risk_value (a, b);
          MamoriRiskBand band = mamori_risk_band (risk);

          if (a == 0)
            {
              g_assert_cmpint (risk, ==, 0);
              g_assert_cmpint (band, ==, MAMORI_RISK_BAND_SMALL);
            }
          else if (a == 1)
            {
              g_assert_cmpint (risk, ==, b);
              g_assert_cmpint (band, ==, MAMORI_RISK_BAND_MEDIUM);
            }
          else
            {
              gboolean large = (t == 3 && v == 3) || (t == 3 && v == 2) || (t == 2 && v == 3);
              g_assert_cmpint (risk, ==, 2 * b);
              g_assert_cmpint (band, ==, large ? MAMORI_RISK_BAND_LARGE : MAMORI_RISK_BAND_MEDIUM);
            }
          g_assert_cmpint (risk, !=, 5);
        }
}

static void
test_band_edges (void)
{
  g_assert_cmpint (mamori_risk_band (0), ==, MAMORI_RISK_BAND_SMALL);
  g_assert_cmpint (mamori_risk_band (1), ==, MAMORI_RISK_BAND_MEDIUM);
  g_assert_cmpint (mamori_risk_band (3), ==, MAMORI_RISK_BAND_MEDIUM);
  g_assert_cmpint (mamori_risk_band (4), ==, MAMORI_RISK_BAND_LARGE);
  g_assert_cmpint (mamori_risk_band (6), ==, MAMORI_RISK_BAND_LARGE);
  g_assert_cmpstr (mamori_risk_band_label (MAMORI_RISK_BAND_SMALL), ==, "小");
  g_assert_cmpstr (mamori_risk_band_label (MAMORI_RISK_BAND_MEDIUM), ==, "中");
  g_assert_cmpstr (mamori_risk_band_label (MAMORI_RISK_BAND_LARGE), ==, "大");
}

static void
test_decisions (void)
{
  /* The in-house server example: cyber attack 3, insider 2, failure 1. */
  const int server[] = { 3, 2, 1 };
  const int two[] = { 2, 1 };

  g_assert_cmpint (mamori_risk_aggregate_threat (server, 3, MAMORI_THREAT_AGGREGATE_MAX), ==, 3);
  g_assert_cmpint (mamori_risk_aggregate_threat (server, 3, MAMORI_THREAT_AGGREGATE_MEAN_UP), ==, 2);
  g_assert_cmpint (mamori_risk_aggregate_threat (two, 2, MAMORI_THREAT_AGGREGATE_MEAN_UP), ==, 2);
  g_assert_cmpint (mamori_risk_aggregate_threat (NULL, 0, MAMORI_THREAT_AGGREGATE_MAX), ==, 1);
}

static void
test_matrices (void)
{
  /* The names the seeds use: the 5 × 5 grid is the guideline commentary's example, not the
   * unified standard; importance 1 is 重大 and 2 深刻 (IPA 表10/表14). */
  g_assert_null (strstr (mamori_risk_matrix_gov5 ()->name_ja, "統一基準"));
  g_assert_nonnull (strstr (mamori_risk_matrix_gov5 ()->name_ja, "例示"));
  g_assert_nonnull (strstr (mamori_risk_matrix_ipa ()->impact[1].description_ja, "重大"));
  g_assert_nonnull (strstr (mamori_risk_matrix_ipa ()->impact[2].description_ja, "深刻"));
  g_assert_null (strstr (mamori_risk_matrix_ipa ()->impact[1].description_ja, "深刻"));

  const MamoriRiskMatrix *ipa = mamori_risk_matrix_ipa ();
  const MamoriRiskMatrix *gov = mamori_risk_matrix_gov5 ();
  g_autoptr(GError) error = NULL;
  int bad_grid[] = { 0, 1, 2, 3 };
  MamoriRiskMatrix bad = *ipa;

  g_assert_true (mamori_risk_matrix_validate (ipa, &error));
  g_assert_true (mamori_risk_matrix_validate (gov, &error));
  g_assert_true (mamori_risk_matrix_find ("ipa") == ipa);
  g_assert_true (mamori_risk_matrix_find ("gov5") == gov);
  g_assert_null (mamori_risk_matrix_find ("nope"));
  /* The threat × vulnerability grid is IPA 表15: each cell's value is the likelihood of damage
   * and its level that likelihood's. */
  {
    const MamoriRiskMatrix *l = mamori_risk_matrix_likelihood ();
    g_assert_true (mamori_risk_matrix_validate (l, &error));
    g_assert_true (mamori_risk_matrix_find ("likelihood") == l);
    for (int threat = 1; threat <= 3; threat++)
      for (int vulnerability = 1; vulnerability <= 3; vulnerability++)
        {
          int likelihood = mamori_risk_likelihood (threat, vulnerability, &error);
          g_assert_cmpint (mamori_risk_matrix_value (l, threat - 1, vulnerability - 1), ==, likelihood);
          g_assert_cmpint (mamori_risk_matrix_level (l, threat - 1, vulnerability - 1), ==, likelihood - 1);
        }
    g_assert_cmpint (mamori_risk_matrix_value (l, 2, 2), ==, 3);
    g_assert_cmpint (mamori_risk_matrix_value (l, 1, 1), ==, 1);
    /* Its levels are the IPA method's likelihood levels, in the same (Mamori's own) words: the
     * grid's legend is the short form of the likelihood scale's text. */
    g_assert_cmpuint (l->n_risk, ==, ipa->n_probability);
    for (guint k = 0; k < l->n_risk; k++)
      {
        g_assert_cmpstr (l->risk[k].name_ja, ==, ipa->probability[k].name_ja);
        g_assert_true (g_str_has_prefix (ipa->probability[k].description_ja, l->risk[k].description_ja));
        g_assert_true (g_str_has_prefix (ipa->probability[k].description_en, l->risk[k].description_en));
      }
    g_assert_cmpstr (ipa->probability[0].description_ja, ==, "ふだんの状態なら被害は出ない");
    g_assert_cmpstr (ipa->probability[1].description_ja, ==, "条件が重なると被害が出る（目安は年に数回）");
    g_assert_cmpstr (l->risk[2].description_ja, ==, "ふだんの状態でも被害が出うる");
  }

  /* The IPA grid agrees with the formulas in every cell (probability = likelihood − 1,
   * impact = importance). */
  for (guint p = 0; p < 3; p++)
    for (guint i = 0; i < 3; i++)
      {
        int value = mamori_risk_value ((int) i, (int) p + 1);
        g_assert_cmpint (mamori_risk_matrix_value (ipa, p, i), ==, value);
        g_assert_cmpint (mamori_risk_matrix_level (ipa, p, i), ==, (int) mamori_risk_band (value));
      }
  g_assert_cmpint (mamori_risk_matrix_level (ipa, 3, 0), ==, -1);

  /* 5 × 5: corners and band edges. */
  g_assert_cmpint (gov->n_probability, ==, 5);
  g_assert_cmpint (gov->n_impact, ==, 5);
  g_assert_cmpint (mamori_risk_matrix_value (gov, 0, 0), ==, 1);
  g_assert_cmpint (mamori_risk_matrix_level (gov, 0, 0), ==, 0);
  g_assert_cmpint (mamori_risk_matrix_level (gov, 1, 1), ==, 0);   /* 4 */
  g_assert_cmpint (mamori_risk_matrix_level (gov, 0, 4), ==, 1);   /* 5 */
  g_assert_cmpint (mamori_risk_matrix_level (gov, 2, 2), ==, 1);   /* 9 */
  g_assert_cmpint (mamori_risk_matrix_level (gov, 1, 4), ==, 2);   /* 10 */
  g_assert_cmpint (mamori_risk_matrix_level (gov, 3, 3), ==, 2);   /* 16 */
  g_assert_cmpint (mamori_risk_matrix_level (gov, 3, 4), ==, 3);   /* 20 */
  g_assert_cmpint (mamori_risk_matrix_level (gov, 4, 4), ==, 3);   /* 25 */

  /* A grid that names a level the matrix does not have is rejected. */
  bad.n_probability = 2;
  bad.n_impact = 2;
  bad.grid = bad_grid;
  g_assert_false (mamori_risk_matrix_validate (&bad, &error));
  g_assert_error (error, MAMORI_RISK_ERROR, MAMORI_RISK_ERROR_BAD_MATRIX);
}

int
main (int argc, char *argv[])
{
  setlocale (LC_ALL, "");
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/risk/importance", test_importance);
  g_test_add_func ("/risk/likelihood-table", test_likelihood_table);
  g_test_add_func ("/risk/worked-examples", test_worked_examples);
  g_test_add_func ("/risk/all-27-combinations", test_all_27_combinations);
  g_test_add_func ("/risk/band-edges", test_band_edges);
  g_test_add_func ("/risk/decisions", test_decisions);
  g_test_add_func ("/risk/matrices", test_matrices);
  return g_test_run ();
}
