/* mamori-risk.h — the IPA detailed risk analysis and risk matrices as data (pure, no GTK)
 *
 * Source: IPA 中小企業の情報セキュリティ対策ガイドライン 第3版 付録7 詳細リスク分析 (domain note
 * 000 §4): importance 表10/表11, likelihood 表15, risk value and bands §4.6. The government
 * standard guideline's 5 × 5 impact × likelihood grid (domain note 004 §2.2) is the second
 * built-in matrix. */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

#define MAMORI_RISK_ERROR (mamori_risk_error_quark ())
GQuark mamori_risk_error_quark (void);

typedef enum {
  MAMORI_RISK_ERROR_OUT_OF_RANGE,
  MAMORI_RISK_ERROR_BAD_MATRIX,
} MamoriRiskError;

/* --- the IPA method ------------------------------------------------------------------------ */

typedef enum {
  MAMORI_RISK_BAND_SMALL,   /* 小: 0 — keep the status quo */
  MAMORI_RISK_BAND_MEDIUM,  /* 中: 1–3 — implement measures */
  MAMORI_RISK_BAND_LARGE,   /* 大: 4–6 — implement measures with priority */
} MamoriRiskBand;

typedef struct {
  int confidentiality;      /* 0–2 */
  int integrity;            /* 0–2 */
  int availability;         /* 0–2 */
  gboolean personal_info;       /* 個人情報 */
  gboolean special_care_info;   /* 要配慮個人情報 */
  gboolean my_number;           /* 特定個人情報 */
} MamoriRiskRating;

/* max(C, I, A), forced to 2 when any personal-information flag is set; -1 with error when a
 * value is outside 0–2. */
int            mamori_risk_importance       (const MamoriRiskRating *rating,
                                             GError                **error);
/* 表15: threat 1–3 × vulnerability 1–3 → likelihood 1–3 (= max (1, T + V − 3)). */
int            mamori_risk_likelihood       (int                     threat,
                                             int                     vulnerability,
                                             GError                **error);
/* importance × likelihood, 0–6. */
int            mamori_risk_value            (int                     importance,
                                             int                     likelihood);
MamoriRiskBand mamori_risk_band             (int                     value);
const char    *mamori_risk_band_label       (MamoriRiskBand          band);   /* 小 中 大 */

/* How an asset's threat value comes from its medium's threats (the seed does not say).
 * Default MAX: the most frequent threat of the medium. */
typedef enum {
  MAMORI_THREAT_AGGREGATE_MAX,
  MAMORI_THREAT_AGGREGATE_MEAN_UP,  /* the mean, rounded up */
} MamoriThreatAggregation;

int            mamori_risk_aggregate_threat (const int              *frequencies,
                                             guint                   n,
                                             MamoriThreatAggregation how);

/* --- risk matrices (CISO Assistant risk_matrix shape) ----------------------------------------- */

typedef struct {
  const char *abbreviation;
  const char *name_ja;
  const char *name_en;
  const char *description_ja;
  const char *description_en;
  const char *hexcolor;      /* colour-blind-safe palette; the band text is always shown too */
} MamoriRiskLevel;

typedef struct {
  const char *id;            /* "ipa", "gov5" */
  const char *name_ja;
  const char *name_en;
  guint n_probability;
  const MamoriRiskLevel *probability;  /* ids 0 … n−1, lowest first */
  guint n_impact;
  const MamoriRiskLevel *impact;
  guint n_risk;
  const MamoriRiskLevel *risk;
  const int *grid;           /* grid[p * n_impact + i] → risk id */
  const int *values;         /* values[p * n_impact + i] → the cell's risk value */
  const char *probability_axis_ja;  /* the axes as drawn: up … */
  const char *probability_axis_en;
  const char *impact_axis_ja;       /* … and across */
  const char *impact_axis_en;
  gboolean impact_by_name;   /* label the impact levels by name (else by abbreviation) */
} MamoriRiskMatrix;

/* The 5 × 5 method's level (0 低 … 3 非常に高い) of a value 1–25. */
int                     mamori_risk_gov5_level   (int                     value);
const MamoriRiskMatrix *mamori_risk_matrix_ipa   (void);
const MamoriRiskMatrix *mamori_risk_matrix_gov5  (void);
/* IPA 表15: the likelihood of damage (1 低 – 3 高) of each threat (up) × vulnerability
 * (across) pair; a cell's value is that likelihood. */
const MamoriRiskMatrix *mamori_risk_matrix_likelihood (void);
/* The risk level id of a cell, or -1 when probability or impact is out of range. */
int                     mamori_risk_matrix_level (const MamoriRiskMatrix *matrix,
                                                  guint                   probability,
                                                  guint                   impact);
int                     mamori_risk_matrix_value (const MamoriRiskMatrix *matrix,
                                                  guint                   probability,
                                                  guint                   impact);

G_END_DECLS
