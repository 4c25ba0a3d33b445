/* mamori-risk.c — the IPA risk method and the built-in risk matrices */
#include "config.h"

#include <glib/gi18n.h>

#include "mamori-risk.h"
#include "mamori-risk-private.h"

G_DEFINE_QUARK (mamori-risk-error-quark, mamori_risk_error)

static gboolean
in_range (const char  *what,
          int          value,
          int          lo,
          int          hi,
          GError     **error)
{
  if (value < lo || value > hi)
    {
      g_set_error (error, MAMORI_RISK_ERROR, MAMORI_RISK_ERROR_OUT_OF_RANGE,
                   _("%s must be between %d and %d, not %d."), what, lo, hi, value);
      return FALSE;
    }
  return TRUE;
}

int
mamori_risk_importance (const MamoriRiskRating *r,
                        GError                **error)
{
  if (!in_range (_("Confidentiality"), r->confidentiality, 0, 2, error) ||
      !in_range (_("Integrity"), r->integrity, 0, 2, error) ||
      !in_range (_("Availability"), r->availability, 0, 2, error))
    return -1;
  /* 表11, and the rule that personal information always makes an asset important. */
  if (r->personal_info || r->special_care_info || r->my_number)
    return 2;
  return MAX (r->confidentiality, MAX (r->integrity, r->availability));
}

int
mamori_risk_likelihood (int      threat,
                        int      vulnerability,
                        GError **error)
{
  static const int table[3][3] = {
    /* vulnerability:  1  2  3 */
    /* threat 1 */   { 1, 1, 1 },
    /* threat 2 */   { 1, 1, 2 },
    /* threat 3 */   { 1, 2, 3 },
  };

  if (!in_range (_("Threat"), threat, 1, 3, error) ||
      !in_range (_("Vulnerability"), vulnerability, 1, 3, error))
    return -1;
  return table[threat - 1][vulnerability - 1];
}

int
mamori_risk_value (int importance,
                   int likelihood)
{
  return importance * likelihood;
}

MamoriRiskBand
mamori_risk_band (int value)
{
  if (value >= 4)
    return MAMORI_RISK_BAND_LARGE;
  if (value >= 1)
    return MAMORI_RISK_BAND_MEDIUM;
  return MAMORI_RISK_BAND_SMALL;
}

const char *
mamori_risk_band_label (MamoriRiskBand band)
{
  switch (band)
    {
    case MAMORI_RISK_BAND_LARGE: return "大";
    case MAMORI_RISK_BAND_MEDIUM: return "中";
    case MAMORI_RISK_BAND_SMALL:
    default: return "小";
    }
}

int
mamori_risk_aggregate_threat (const int              *frequencies,
                              guint                   n,
                              MamoriThreatAggregation how)
{
  int max = 1, sum = 0;
  guint counted = 0;

  for (guint i = 0; i < n; i++)
    {
      int f = CLAMP (frequencies[i], 1, 3);
      max = MAX (max, f);
      sum += f;
      counted++;
    }
  if (counted == 0)
    return 1;
  if (how == MAMORI_THREAT_AGGREGATE_MEAN_UP)
    return (sum + (int) counted - 1) / (int) counted;
  return max;
}

/* --- matrices ----------------------------------------------------------------------------- */

/* Colours: the Okabe–Ito palette, which stays distinct for the common colour-vision
 * deficiencies. */
static const MamoriRiskLevel ipa_likelihood[] = {
  { "1", "低", "Low", "ふだんの状態なら被害は出ない", "No damage in normal times", NULL },
  { "2", "中", "Medium", "条件が重なると被害が出る（目安は年に数回）", "Damage under certain conditions (roughly a few times a year)", NULL },
  { "3", "高", "High", "ふだんの状態でも被害が出うる（今日起きても不思議はない）", "Damage possible in normal times (it could be today)", NULL },
};
static const MamoriRiskLevel ipa_importance[] = {
  { "0", "0", "0", "事故があっても事業はほぼ困らない", "An incident would barely touch the business", NULL },
  { "1", "1", "1", "事故があると事業に重大な支障が出る", "An incident would seriously disrupt the business", NULL },
  { "2", "2", "2", "法的な責任を問われる、取引先や顧客に大きな迷惑をかける、事業が深刻な打撃を受けるなど、会社の存続が危うくなりうる", "Legal liability, grave harm to partners or customers or to the business: the company's survival could be at stake", NULL },
};
static const MamoriRiskLevel ipa_risk[] = {
  { "小", "小", "Small", "現状維持", "Keep the current state", "#56B4E9" },
  { "中", "中", "Medium", "対策を実施", "Implement measures", "#E69F00" },
  { "大", "大", "Large", "優先的に対策を実施", "Implement measures with priority", "#D55E00" },
};
/* grid[likelihood][importance]: value = importance × likelihood, band by value. */
static const int ipa_grid[] = {
  /* importance: 0  1  2 */
  /* L1 */       0, 1, 1,
  /* L2 */       0, 1, 2,
  /* L3 */       0, 1, 2,
};
static const int ipa_values[] = {
  0, 1, 2,
  0, 2, 4,
  0, 3, 6,
};

static const MamoriRiskLevel gov_probability[] = {
  { "1", "非常に低い", "Very low", NULL, NULL, NULL },
  { "2", "低い", "Low", NULL, NULL, NULL },
  { "3", "中間", "Medium", NULL, NULL, NULL },
  { "4", "高い", "High", NULL, NULL, NULL },
  { "5", "非常に高い", "Very high", NULL, NULL, NULL },
};
static const MamoriRiskLevel gov_risk[] = {
  { "低", "低", "Low", "受容を検討", "Consider accepting", "#56B4E9" },
  { "中", "中", "Medium", "対策を計画", "Plan measures", "#F0E442" },
  { "高", "高", "High", "対策を実施", "Implement measures", "#E69F00" },
  { "最高", "非常に高い", "Very high", "直ちに対策を実施", "Implement measures at once", "#D55E00" },
};
/* Value = likelihood × impact (1–25); bands (Mamori's choice, the guideline shows only the axes):
 * 1–4 low, 5–9 medium, 10–16 high, 20–25 very high. */
static const int gov_values[] = {
  1, 2, 3, 4, 5,
  2, 4, 6, 8, 10,
  3, 6, 9, 12, 15,
  4, 8, 12, 16, 20,
  5, 10, 15, 20, 25,
};
static int gov_grid[25];

/* Threat and vulnerability (IPA 4.5) and the likelihood of damage they give (表15). */
static const MamoriRiskLevel ipa_threat[] = {
  { "1", "低", "Low", "ふだんの状態では起きない", "Does not happen in normal times", NULL },
  { "2", "中", "Medium", "条件が重なると起きる（目安は年に数回）", "Happens under certain conditions (roughly a few times a year)", NULL },
  { "3", "高", "High", "ふだんの状態でも起きうる", "Can happen in normal times", NULL },
};
static const MamoriRiskLevel ipa_vulnerability[] = {
  { "1", "1 対策済み", "1 all measures", NULL, NULL, NULL },
  { "2", "2 一部対策", "2 some measures", NULL, NULL, NULL },
  { "3", "3 対策なし", "3 no measures", NULL, NULL, NULL },
};
static const MamoriRiskLevel likelihood_levels[] = {
  { "低", "低", "Low", "ふだんの状態なら被害は出ない", "No damage in normal times", "#56B4E9" },
  { "中", "中", "Medium", "条件が重なると被害が出る", "Damage under certain conditions", "#E69F00" },
  { "高", "高", "High", "ふだんの状態でも被害が出うる", "Damage possible in normal times", "#D55E00" },
};
/* grid[threat][vulnerability] = likelihood − 1 = max (1, threat + vulnerability − 3) − 1. */
static const int likelihood_grid[] = {
  /* vulnerability: 1  2  3 */
  /* threat 1 */    0, 0, 0,
  /* threat 2 */    0, 0, 1,
  /* threat 3 */    0, 1, 2,
};
static const int likelihood_values[] = {
  1, 1, 1,
  1, 1, 2,
  1, 2, 3,
};

static const MamoriRiskMatrix ipa_matrix = {
  "ipa", "IPA 詳細リスク分析（重要度 × 被害発生可能性）", "IPA detailed risk analysis (importance × likelihood)",
  3, ipa_likelihood, 3, ipa_importance, 3, ipa_risk, ipa_grid, ipa_values,
  "被害発生可能性 ↑", "Likelihood ↑", "重要度 →", "Importance →", FALSE,
};
static const MamoriRiskMatrix gov_matrix = {
  "gov5", "5 × 5 リスク基準（政府機関等ガイドライン解説の例示：影響度 × 発生頻度）", "5 × 5 risk criteria (the example in the government guideline’s commentary: impact × likelihood)",
  5, gov_probability, 5, gov_probability, 4, gov_risk, gov_grid, gov_values,
  "発生頻度 ↑", "Likelihood ↑", "影響度 →", "Impact →", TRUE,
};
static const MamoriRiskMatrix likelihood_matrix = {
  "likelihood", "IPA 被害発生可能性（脅威 × 脆弱性）", "IPA likelihood of damage (threat × vulnerability)",
  3, ipa_threat, 3, ipa_vulnerability, 3, likelihood_levels, likelihood_grid, likelihood_values,
  "脅威（起こりやすさ） ↑", "Threat ↑", "脆弱性（つけ込みやすさ） →", "Vulnerability →", TRUE,
};

int
mamori_risk_gov5_level (int value)
{
  return value >= 20 ? 3 : value >= 10 ? 2 : value >= 5 ? 1 : 0;
}

const MamoriRiskMatrix *
mamori_risk_matrix_ipa (void)
{
  return &ipa_matrix;
}

const MamoriRiskMatrix *
mamori_risk_matrix_gov5 (void)
{
  static gsize once = 0;

  if (g_once_init_enter (&once))
    {
      for (guint i = 0; i < 25; i++)
        gov_grid[i] = mamori_risk_gov5_level (gov_values[i]);
      g_once_init_leave (&once, 1);
    }
  return &gov_matrix;
}

const MamoriRiskMatrix *
mamori_risk_matrix_likelihood (void)
{
  return &likelihood_matrix;
}

const MamoriRiskMatrix *
mamori_risk_matrix_find (const char *id)
{
  if (g_strcmp0 (id, "likelihood") == 0)
    return mamori_risk_matrix_likelihood ();
  if (g_strcmp0 (id, "ipa") == 0)
    return mamori_risk_matrix_ipa ();
  if (g_strcmp0 (id, "gov5") == 0)
    return mamori_risk_matrix_gov5 ();
  return NULL;
}

gboolean
mamori_risk_matrix_validate (const MamoriRiskMatrix *m,
                             GError                **error)
{
  if (m->n_probability == 0 || m->n_impact == 0 || m->n_risk == 0 || m->grid == NULL)
    {
      g_set_error (error, MAMORI_RISK_ERROR, MAMORI_RISK_ERROR_BAD_MATRIX,
                   _("The risk matrix “%s” needs probability, impact and risk levels and a grid."), m->id);
      return FALSE;
    }
  for (guint p = 0; p < m->n_probability; p++)
    for (guint i = 0; i < m->n_impact; i++)
      {
        int level = m->grid[p * m->n_impact + i];
        if (level < 0 || (guint) level >= m->n_risk)
          {
            g_set_error (error, MAMORI_RISK_ERROR, MAMORI_RISK_ERROR_BAD_MATRIX,
                         _("The risk matrix “%s” names risk level %d at probability %u, impact %u; it has levels 0 to %u."),
                         m->id, level, p, i, m->n_risk - 1);
            return FALSE;
          }
      }
  return TRUE;
}

int
mamori_risk_matrix_level (const MamoriRiskMatrix *m,
                          guint                   probability,
                          guint                   impact)
{
  if (probability >= m->n_probability || impact >= m->n_impact)
    return -1;
  return m->grid[probability * m->n_impact + impact];
}

int
mamori_risk_matrix_value (const MamoriRiskMatrix *m,
                          guint                   probability,
                          guint                   impact)
{
  if (probability >= m->n_probability || impact >= m->n_impact || m->values == NULL)
    return -1;
  return m->values[probability * m->n_impact + impact];
}
