/* mamori-asset.h — one row of the information-asset ledger (情報資産管理台帳) and its CSV form
 *
 * Columns ①–⑩ of the IPA ledger (domain note 000 §4.2) plus threat, vulnerability and
 * treatment. Pure C + GLib. */
#pragma once

#include <glib.h>

#include "mamori-csv.h"
#include "mamori-risk.h"

G_BEGIN_DECLS

typedef enum {
  MAMORI_ASSET_FIELD_BUSINESS_CATEGORY,
  MAMORI_ASSET_FIELD_NAME,
  MAMORI_ASSET_FIELD_REMARKS,
  MAMORI_ASSET_FIELD_USER_SCOPE,
  MAMORI_ASSET_FIELD_MANAGING_DEPARTMENT,
  MAMORI_ASSET_FIELD_MEDIUM,
  MAMORI_ASSET_FIELD_PERSONAL_INFO,
  MAMORI_ASSET_FIELD_SPECIAL_CARE_INFO,
  MAMORI_ASSET_FIELD_MY_NUMBER,
  MAMORI_ASSET_FIELD_CONFIDENTIALITY,
  MAMORI_ASSET_FIELD_INTEGRITY,
  MAMORI_ASSET_FIELD_AVAILABILITY,
  MAMORI_ASSET_FIELD_RETENTION,
  MAMORI_ASSET_FIELD_REGISTERED_ON,
  MAMORI_ASSET_FIELD_THREAT,
  MAMORI_ASSET_FIELD_VULNERABILITY,
  MAMORI_ASSET_FIELD_TREATMENT,
  /* Treatment details, after the ledger's CSV columns: */
  MAMORI_ASSET_FIELD_MEASURE,              /* the planned measure */
  MAMORI_ASSET_FIELD_MEASURE_OWNER,
  MAMORI_ASSET_FIELD_MEASURE_DUE,          /* YYYY-MM-DD or "" */
  MAMORI_ASSET_FIELD_TARGET_THREAT,        /* 1–3 after the measure, or 0: unchanged */
  MAMORI_ASSET_FIELD_TARGET_VULNERABILITY, /* 1–3 after the measure, or 0: unchanged */
  /* The 5 × 5 method's own assessment (see MamoriAssetRisk): */
  MAMORI_ASSET_FIELD_IMPACT5,              /* 1–5, or 0: from the IPA values */
  MAMORI_ASSET_FIELD_LIKELIHOOD5,          /* 1–5, or 0: from the IPA values */
  /* The government classification (core/mamori-classification.h), after everything else: */
  MAMORI_ASSET_FIELD_CLASSIFICATION_C,     /* 1–3, or 0: not classified */
  MAMORI_ASSET_FIELD_CLASSIFICATION_I,     /* 1–2, or 0 */
  MAMORI_ASSET_FIELD_CLASSIFICATION_A,     /* 1–2, or 0 */
  MAMORI_ASSET_FIELD_HANDLING,             /* handling restrictions, stored form */
  MAMORI_ASSET_N_FIELDS
} MamoriAssetField;

/* The ledger's own columns (the workbook export writes these first; the CSV export writes every
 * input column, see mamori_asset_csv_header_lang). */
#define MAMORI_ASSET_N_CSV_FIELDS (MAMORI_ASSET_FIELD_TREATMENT + 1)

typedef enum {
  MAMORI_TREATMENT_NONE,
  MAMORI_TREATMENT_REDUCE,    /* 低減 */
  MAMORI_TREATMENT_RETAIN,    /* 保有 */
  MAMORI_TREATMENT_AVOID,     /* 回避 */
  MAMORI_TREATMENT_TRANSFER,  /* 移転 */
} MamoriTreatment;

typedef struct {
  gint64 id;
  char *business_category;
  char *name;
  char *remarks;
  char *user_scope;
  char *managing_department;
  char *medium;
  gboolean personal_info;
  gboolean special_care_info;
  gboolean my_number;
  int confidentiality;       /* 0–2 */
  int integrity;
  int availability;
  char *retention;
  char *registered_on;       /* YYYY-MM-DD or "" */
  int threat;                /* 1–3, or 0: from the medium's threat catalogue */
  int vulnerability;         /* 1–3 */
  MamoriTreatment treatment;
  char *measure;
  char *measure_owner;
  char *measure_due;
  int target_threat;         /* 0: unchanged */
  int target_vulnerability;  /* 0: unchanged */
  int impact5;               /* 1–5 assessed on the 5 × 5 grid, or 0: from the IPA values */
  int likelihood5;           /* likewise */
  int classification_c;      /* the government classification: 1–3, or 0: not classified */
  int classification_i;      /* 1–2, or 0 */
  int classification_a;      /* 1–2, or 0 */
  char *handling;            /* handling restrictions (mamori_handling_normalise's form) */
  /* The stored row's version when it was read (0: not read from a workspace): saving it back
   * refuses when someone changed the row meanwhile. */
  gint64 row_version;
} MamoriAsset;

MamoriAsset *mamori_asset_new   (void);
void         mamori_asset_free  (MamoriAsset *asset);
MamoriAsset *mamori_asset_copy  (const MamoriAsset *asset);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (MamoriAsset, mamori_asset_free)

/* The English CSV key of a column. */
const char  *mamori_asset_field_key       (MamoriAssetField field);
/* Sets a field from CSV text; FALSE with *reason (translated) when the text is not valid. */
gboolean     mamori_asset_set_field_text  (MamoriAsset      *asset,
                                           MamoriAssetField  field,
                                           const char       *text,
                                           char            **reason);
char        *mamori_asset_get_field_text  (const MamoriAsset *asset,
                                           MamoriAssetField   field);
const char  *mamori_treatment_key         (MamoriTreatment    treatment);

/* The computed columns. threat_from_medium is used when the asset has no threat of its own. */
typedef struct {
  int importance;
  int threat;
  int likelihood;
  int risk;
  MamoriRiskBand band;
  /* The same asset on the 5 × 5 grid (mamori_risk_matrix_gov5: the example of two five-level
   * axes in the government guideline's commentary). Impact and likelihood are assessed per
   * asset (MamoriAsset.impact5, .likelihood5); where they are not (0), Mamori's mapping from
   * the IPA values fills them, which never reverses the IPA order:
   *   impact = 1 + 2 × importance (0 → 1, 1 → 3, 2 → 5; importance with the
   *   personal-information rule);
   *   likelihood = 2 × the likelihood of damage (表15) − 1 (1 → 1, 2 → 3, 3 → 5);
   *   value = impact × likelihood (1–25); level = the matrix's risk level 0–3.
   * After the planned measure, an assessed likelihood stays; a mapped one follows the target
   * threat and vulnerability. */
  int impact5;
  int likelihood5;
  int value5;
  int level5;
} MamoriAssetRisk;

/* Sets impact5 / likelihood5 to 0 ("from the IPA values") where they equal the mapping. */
void         mamori_asset_forget_mapped5       (MamoriAsset *asset,
                                                int          threat_from_medium);
/* The mapping from the IPA values to the 5 × 5 axes (see MamoriAssetRisk). */
int          mamori_asset_impact5_from_ipa     (int importance);
int          mamori_asset_likelihood5_from_ipa (int likelihood);
void         mamori_asset_compute_risk    (const MamoriAsset *asset,
                                           int                threat_from_medium,
                                           MamoriAssetRisk   *out);
/* The same after the planned measure: the target threat and vulnerability where set. */
void         mamori_asset_compute_residual (const MamoriAsset *asset,
                                            int                threat_from_medium,
                                            MamoriAssetRisk   *out);

/* --- the threat catalogue (our own threats for the usual media) ------------------------------- */

typedef struct {
  const char *medium;        /* the ledger's medium/storage text */
  const char *threat_ja;
  const char *threat_en;
  int frequency;             /* 1–3 without countermeasures */
} MamoriDefaultThreat;

const MamoriDefaultThreat *mamori_default_threats (guint *n);

/* --- CSV ------------------------------------------------------------------------------------ */

/* Reads ledger rows from CSV text (already UTF-8; see mamori_csv_decode). Headings may be the
 * English keys or the Japanese ledger names, in any order; unknown columns are an error.
 * The sheet may be kept as users keep the IPA ledger: a title and blank rows above the header,
 * a header over two rows (merged cells: the two texts of a column are combined), a “No.”
 * column, dates as 2024/4/1, 2024年4月1日 or 令和6年4月1日, full-width digits, ○/× flags;
 * rows without any input value are skipped. Every problem is reported in *problems as
 * “line N, column C, value “V”: reason”; the assets are returned only when there is none.
 * FALSE with error for a CSV syntax error. */
gboolean     mamori_asset_csv_read   (const char  *text,
                                      GPtrArray  **assets,
                                      GPtrArray  **problems,
                                      GError     **error);
/* The part mamori_asset_csv_read shares with the workbook reader: rows are MamoriCsvRow* (a
 * CSV record with its line, or a worksheet row with its number and its cells from column A);
 * sheet is NULL for CSV, else the worksheet's name (messages then name sheet, row and column
 * letter, and rows may differ in length). */
void         mamori_asset_rows_read  (GPtrArray   *rows,
                                      const char  *sheet,
                                      GPtrArray  **assets,
                                      GPtrArray  **problems);
/* How many ledger columns the header found in rows names; 0 when no header names the asset's
 * name (used to find the ledger among a workbook's sheets). */
guint        mamori_asset_rows_header_score (GPtrArray *rows);
/* Appends the header or one row: every column the import reads (MAMORI_ASSET_FIELD_* order up
 * to the target vulnerability), then the computed columns importance, likelihood, risk, band,
 * impact5, likelihood5 (the asset's own 5 × 5 values or the mapping's; read back as its own,
 * the store keeps them as “from the IPA values” when they equal the mapping), value5, level5,
 * then the classification (classification_c, _i, _a, handling).
 * mamori_asset_csv_header_lang writes the Japanese headings when lang is "ja", else the English
 * keys (both are read back); mamori_asset_csv_row_lang writes the handling restrictions with
 * the Japanese labels when lang is "ja", else with their keys (mamori_asset_csv_row: "en"). */
void         mamori_asset_csv_header_lang (GString    *out,
                                           const char *lang);
void         mamori_asset_csv_row    (GString           *out,
                                      const MamoriAsset *asset,
                                      int                threat_from_medium);
void         mamori_asset_csv_row_lang (GString           *out,
                                        const MamoriAsset *asset,
                                        int                threat_from_medium,
                                        const char        *lang);

G_END_DECLS
