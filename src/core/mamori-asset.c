/* mamori-asset.c — ledger rows: fields, CSV text, computed risk, default threats */
#include "config.h"

#include <glib/gi18n.h>
#include <stdio.h>
#include <string.h>

#include "mamori-asset.h"
#include "mamori-csv.h"

static const struct {
  const char *key;
  const char *heading;
} fields[MAMORI_ASSET_N_FIELDS] = {
  { "business_category", "業務分類" },
  { "name", "情報資産名称" },
  { "remarks", "備考" },
  { "user_scope", "利用者範囲" },
  { "managing_department", "管理部署" },
  { "medium", "媒体・保存先" },
  { "personal_info", "個人情報" },
  { "special_care_info", "要配慮個人情報" },
  { "my_number", "特定個人情報" },
  { "confidentiality", "機密性" },
  { "integrity", "完全性" },
  { "availability", "可用性" },
  { "retention", "保存期限" },
  { "registered_on", "登録日" },
  { "threat", "脅威" },
  { "vulnerability", "脆弱性" },
  { "treatment", "対応" },
  { "measure", "対策内容" },
  { "measure_owner", "対策担当者" },
  { "measure_due", "対策期限" },
  { "target_threat", "対策後の脅威" },
  { "target_vulnerability", "対策後の脆弱性" },
  { "impact5", "影響度（5段階）" },
  { "likelihood5", "発生頻度（5段階）" },
};

static const struct {
  const char *key;
  const char *ja;
} treatments[] = {
  { "", "" }, { "reduce", "低減" }, { "retain", "保有" }, { "avoid", "回避" }, { "transfer", "移転" },
};

MamoriAsset *
mamori_asset_new (void)
{
  MamoriAsset *a = g_new0 (MamoriAsset, 1);

  a->business_category = g_strdup ("");
  a->name = g_strdup ("");
  a->remarks = g_strdup ("");
  a->user_scope = g_strdup ("");
  a->managing_department = g_strdup ("");
  a->medium = g_strdup ("");
  a->retention = g_strdup ("");
  a->registered_on = g_strdup ("");
  a->measure = g_strdup ("");
  a->measure_owner = g_strdup ("");
  a->measure_due = g_strdup ("");
  a->vulnerability = 3;   /* not yet assessed: assume no measures (documented in the README) */
  return a;
}

void
mamori_asset_free (MamoriAsset *a)
{
  if (a == NULL)
    return;
  g_free (a->business_category);
  g_free (a->name);
  g_free (a->remarks);
  g_free (a->user_scope);
  g_free (a->managing_department);
  g_free (a->medium);
  g_free (a->retention);
  g_free (a->registered_on);
  g_free (a->measure);
  g_free (a->measure_owner);
  g_free (a->measure_due);
  g_free (a);
}

MamoriAsset *
mamori_asset_copy (const MamoriAsset *a)
{
  MamoriAsset *c = g_new0 (MamoriAsset, 1);

  *c = *a;
  c->business_category = g_strdup (a->business_category);
  c->name = g_strdup (a->name);
  c->remarks = g_strdup (a->remarks);
  c->user_scope = g_strdup (a->user_scope);
  c->managing_department = g_strdup (a->managing_department);
  c->medium = g_strdup (a->medium);
  c->retention = g_strdup (a->retention);
  c->registered_on = g_strdup (a->registered_on);
  c->measure = g_strdup (a->measure);
  c->measure_owner = g_strdup (a->measure_owner);
  c->measure_due = g_strdup (a->measure_due);
  return c;
}

const char *
mamori_asset_field_key (MamoriAssetField field)
{
  g_return_val_if_fail (field < MAMORI_ASSET_N_FIELDS, NULL);
  return fields[field].key;
}

const char *
mamori_asset_field_heading (MamoriAssetField field)
{
  g_return_val_if_fail (field < MAMORI_ASSET_N_FIELDS, NULL);
  return fields[field].heading;
}

gboolean
mamori_asset_field_from_heading (const char       *heading,
                                 MamoriAssetField *out)
{
  g_autofree char *h = g_strstrip (g_strdup (heading ? heading : ""));

  for (guint i = 0; i < MAMORI_ASSET_N_FIELDS; i++)
    if (g_ascii_strcasecmp (h, fields[i].key) == 0 || g_strcmp0 (h, fields[i].heading) == 0)
      {
        *out = i;
        return TRUE;
      }
  return FALSE;
}

const char *
mamori_treatment_key (MamoriTreatment treatment)
{
  return treatment <= MAMORI_TREATMENT_TRANSFER ? treatments[treatment].key : "";
}

static gboolean
parse_flag (const char *t,
            gboolean   *out)
{
  static const char *yes[] = { "有", "あり", "yes", "y", "1", "true", "○", NULL };
  static const char *no[] = { "無", "なし", "no", "n", "0", "false", "", NULL };

  for (guint i = 0; yes[i]; i++)
    if (g_ascii_strcasecmp (t, yes[i]) == 0)
      return *out = TRUE, TRUE;
  for (guint i = 0; no[i]; i++)
    if (g_ascii_strcasecmp (t, no[i]) == 0)
      return *out = FALSE, TRUE;
  return FALSE;
}

static gboolean
parse_level (const char *t,
             int         lo,
             int         hi,
             int        *out)
{
  char *end = NULL;
  gint64 v;

  if (*t == '\0')
    return FALSE;
  v = g_ascii_strtoll (t, &end, 10);
  if (end == NULL || *end != '\0' || v < lo || v > hi)
    return FALSE;
  *out = (int) v;
  return TRUE;
}

/* YYYY-MM-DD, or YYYY/M/D as Japanese spreadsheets write it; "" stays "". */
static char *
normalise_date (const char *t)
{
  int y, m, d;
  char sep1, sep2, rest;
  g_autoptr(GDateTime) dt = NULL;

  if (*t == '\0')
    return g_strdup ("");
  if (sscanf (t, "%d%c%d%c%d%c", &y, &sep1, &m, &sep2, &d, &rest) != 5 || sep1 != sep2 || (sep1 != '-' && sep1 != '/'))
    return NULL;
  dt = g_date_time_new_utc (y, m, d, 0, 0, 0);
  if (dt == NULL || y < 1900)
    return NULL;
  return g_strdup_printf ("%04d-%02d-%02d", y, m, d);
}

static void
replace (char       **slot,
         const char  *value)
{
  g_free (*slot);
  *slot = g_strdup (value);
}

/* t is the text as it is to be kept (already trimmed). */
static gboolean
set_field (MamoriAsset      *a,
           MamoriAssetField  field,
           const char       *t,
           char            **reason)
{
  *reason = NULL;
  if (!g_utf8_validate (t, -1, NULL) || g_utf8_strlen (t, -1) > 1000)
    {
      *reason = g_strdup (_("the text is too long or not UTF-8"));
      return FALSE;
    }
  switch (field)
    {
    case MAMORI_ASSET_FIELD_BUSINESS_CATEGORY: replace (&a->business_category, t); return TRUE;
    case MAMORI_ASSET_FIELD_REMARKS: replace (&a->remarks, t); return TRUE;
    case MAMORI_ASSET_FIELD_USER_SCOPE: replace (&a->user_scope, t); return TRUE;
    case MAMORI_ASSET_FIELD_MANAGING_DEPARTMENT: replace (&a->managing_department, t); return TRUE;
    case MAMORI_ASSET_FIELD_MEDIUM: replace (&a->medium, t); return TRUE;
    case MAMORI_ASSET_FIELD_RETENTION: replace (&a->retention, t); return TRUE;
    case MAMORI_ASSET_FIELD_MEASURE: replace (&a->measure, t); return TRUE;
    case MAMORI_ASSET_FIELD_MEASURE_OWNER: replace (&a->measure_owner, t); return TRUE;
    case MAMORI_ASSET_FIELD_IMPACT5:
    case MAMORI_ASSET_FIELD_LIKELIHOOD5:
      {
        int v = 0;
        if (*t != '\0' && !parse_level (t, 1, 5, &v))
          {
            *reason = g_strdup (_("needs 1 to 5, or empty to take it from the IPA values"));
            return FALSE;
          }
        if (field == MAMORI_ASSET_FIELD_IMPACT5)
          a->impact5 = v;
        else
          a->likelihood5 = v;
        return TRUE;
      }
    case MAMORI_ASSET_FIELD_TARGET_THREAT:
    case MAMORI_ASSET_FIELD_TARGET_VULNERABILITY:
      {
        int v = 0;
        if (*t != '\0' && !parse_level (t, 1, 3, &v))
          {
            *reason = g_strdup (_("needs 1, 2 or 3, or empty when the measure does not change it"));
            return FALSE;
          }
        if (field == MAMORI_ASSET_FIELD_TARGET_THREAT)
          a->target_threat = v;
        else
          a->target_vulnerability = v;
        return TRUE;
      }
    case MAMORI_ASSET_FIELD_NAME:
      if (*t == '\0')
        {
          *reason = g_strdup (_("every asset needs a name"));
          return FALSE;
        }
      replace (&a->name, t);
      return TRUE;
    case MAMORI_ASSET_FIELD_PERSONAL_INFO:
    case MAMORI_ASSET_FIELD_SPECIAL_CARE_INFO:
    case MAMORI_ASSET_FIELD_MY_NUMBER:
      {
        gboolean flag;
        if (!parse_flag (t, &flag))
          {
            *reason = g_strdup (_("use 有 or 無 (yes/no, 1/0), or leave it empty"));
            return FALSE;
          }
        if (field == MAMORI_ASSET_FIELD_PERSONAL_INFO)
          a->personal_info = flag;
        else if (field == MAMORI_ASSET_FIELD_SPECIAL_CARE_INFO)
          a->special_care_info = flag;
        else
          a->my_number = flag;
        return TRUE;
      }
    case MAMORI_ASSET_FIELD_CONFIDENTIALITY:
    case MAMORI_ASSET_FIELD_INTEGRITY:
    case MAMORI_ASSET_FIELD_AVAILABILITY:
      {
        int v;
        if (!parse_level (t, 0, 2, &v))
          {
            *reason = g_strdup (_("needs an evaluation value 0, 1 or 2"));
            return FALSE;
          }
        if (field == MAMORI_ASSET_FIELD_CONFIDENTIALITY)
          a->confidentiality = v;
        else if (field == MAMORI_ASSET_FIELD_INTEGRITY)
          a->integrity = v;
        else
          a->availability = v;
        return TRUE;
      }
    case MAMORI_ASSET_FIELD_THREAT:
      if (*t == '\0')
        {
          a->threat = 0;
          return TRUE;
        }
      if (!parse_level (t, 1, 3, &a->threat))
        {
          *reason = g_strdup (_("needs 1, 2 or 3, or empty to take it from the medium’s threats"));
          return FALSE;
        }
      return TRUE;
    case MAMORI_ASSET_FIELD_VULNERABILITY:
      if (*t == '\0')
        {
          a->vulnerability = 3;
          return TRUE;
        }
      if (!parse_level (t, 1, 3, &a->vulnerability))
        {
          *reason = g_strdup (_("needs 1, 2 or 3"));
          return FALSE;
        }
      return TRUE;
    case MAMORI_ASSET_FIELD_REGISTERED_ON:
    case MAMORI_ASSET_FIELD_MEASURE_DUE:
      {
        g_autofree char *date = normalise_date (t);
        if (date == NULL)
          {
            *reason = g_strdup (_("not a date (YYYY-MM-DD or YYYY/MM/DD)"));
            return FALSE;
          }
        replace (field == MAMORI_ASSET_FIELD_REGISTERED_ON ? &a->registered_on : &a->measure_due, date);
        return TRUE;
      }
    case MAMORI_ASSET_FIELD_TREATMENT:
      for (guint i = 0; i < G_N_ELEMENTS (treatments); i++)
        if (g_ascii_strcasecmp (t, treatments[i].key) == 0 || g_strcmp0 (t, treatments[i].ja) == 0)
          {
            a->treatment = i;
            return TRUE;
          }
      *reason = g_strdup (_("use reduce, retain, avoid or transfer (低減, 保有, 回避, 移転), or leave it empty"));
      return FALSE;
    case MAMORI_ASSET_N_FIELDS:
    default:
      g_return_val_if_reached (FALSE);
    }
}

gboolean
mamori_asset_set_field_text (MamoriAsset      *a,
                             MamoriAssetField  field,
                             const char       *text,
                             char            **reason)
{
  g_autofree char *t = g_strstrip (g_strdup (text ? text : ""));

  return set_field (a, field, t, reason);
}

char *
mamori_asset_get_field_text (const MamoriAsset *a,
                             MamoriAssetField   field)
{
  switch (field)
    {
    case MAMORI_ASSET_FIELD_BUSINESS_CATEGORY: return g_strdup (a->business_category);
    case MAMORI_ASSET_FIELD_NAME: return g_strdup (a->name);
    case MAMORI_ASSET_FIELD_REMARKS: return g_strdup (a->remarks);
    case MAMORI_ASSET_FIELD_USER_SCOPE: return g_strdup (a->user_scope);
    case MAMORI_ASSET_FIELD_MANAGING_DEPARTMENT: return g_strdup (a->managing_department);
    case MAMORI_ASSET_FIELD_MEDIUM: return g_strdup (a->medium);
    case MAMORI_ASSET_FIELD_PERSONAL_INFO: return g_strdup (a->personal_info ? "有" : "");
    case MAMORI_ASSET_FIELD_SPECIAL_CARE_INFO: return g_strdup (a->special_care_info ? "有" : "");
    case MAMORI_ASSET_FIELD_MY_NUMBER: return g_strdup (a->my_number ? "有" : "");
    case MAMORI_ASSET_FIELD_CONFIDENTIALITY: return g_strdup_printf ("%d", a->confidentiality);
    case MAMORI_ASSET_FIELD_INTEGRITY: return g_strdup_printf ("%d", a->integrity);
    case MAMORI_ASSET_FIELD_AVAILABILITY: return g_strdup_printf ("%d", a->availability);
    case MAMORI_ASSET_FIELD_RETENTION: return g_strdup (a->retention);
    case MAMORI_ASSET_FIELD_REGISTERED_ON: return g_strdup (a->registered_on);
    case MAMORI_ASSET_FIELD_THREAT: return a->threat ? g_strdup_printf ("%d", a->threat) : g_strdup ("");
    case MAMORI_ASSET_FIELD_VULNERABILITY: return g_strdup_printf ("%d", a->vulnerability);
    case MAMORI_ASSET_FIELD_TREATMENT: return g_strdup (mamori_treatment_key (a->treatment));
    case MAMORI_ASSET_FIELD_MEASURE: return g_strdup (a->measure);
    case MAMORI_ASSET_FIELD_MEASURE_OWNER: return g_strdup (a->measure_owner);
    case MAMORI_ASSET_FIELD_MEASURE_DUE: return g_strdup (a->measure_due);
    case MAMORI_ASSET_FIELD_TARGET_THREAT: return a->target_threat ? g_strdup_printf ("%d", a->target_threat) : g_strdup ("");
    case MAMORI_ASSET_FIELD_TARGET_VULNERABILITY:
      return a->target_vulnerability ? g_strdup_printf ("%d", a->target_vulnerability) : g_strdup ("");
    case MAMORI_ASSET_FIELD_IMPACT5: return a->impact5 ? g_strdup_printf ("%d", a->impact5) : g_strdup ("");
    case MAMORI_ASSET_FIELD_LIKELIHOOD5: return a->likelihood5 ? g_strdup_printf ("%d", a->likelihood5) : g_strdup ("");
    case MAMORI_ASSET_N_FIELDS:
    default: g_return_val_if_reached (NULL);
    }
}

int
mamori_asset_impact5_from_ipa (int importance)
{
  return 1 + 2 * CLAMP (importance, 0, 2);
}

int
mamori_asset_likelihood5_from_ipa (int likelihood)
{
  return 2 * CLAMP (likelihood, 1, 3) - 1;
}

void
mamori_asset_forget_mapped5 (MamoriAsset *a,
                             int          threat_from_medium)
{
  MamoriAsset mapped = *a;
  MamoriAssetRisk r;

  mapped.impact5 = 0;
  mapped.likelihood5 = 0;
  mamori_asset_compute_risk (&mapped, threat_from_medium, &r);
  if (a->impact5 == r.impact5)
    a->impact5 = 0;
  if (a->likelihood5 == r.likelihood5)
    a->likelihood5 = 0;
}

void
mamori_asset_compute_risk (const MamoriAsset *a,
                           int                threat_from_medium,
                           MamoriAssetRisk   *out)
{
  MamoriRiskRating rating = { a->confidentiality, a->integrity, a->availability,
                              a->personal_info, a->special_care_info, a->my_number };

  out->importance = MAX (mamori_risk_importance (&rating, NULL), 0);
  out->threat = a->threat > 0 ? a->threat : CLAMP (threat_from_medium, 1, 3);
  out->likelihood = MAX (mamori_risk_likelihood (out->threat, CLAMP (a->vulnerability, 1, 3), NULL), 1);
  out->risk = mamori_risk_value (out->importance, out->likelihood);
  out->band = mamori_risk_band (out->risk);

  out->impact5 = a->impact5 > 0 ? CLAMP (a->impact5, 1, 5) : mamori_asset_impact5_from_ipa (out->importance);
  out->likelihood5 = a->likelihood5 > 0 ? CLAMP (a->likelihood5, 1, 5)
                                        : mamori_asset_likelihood5_from_ipa (out->likelihood);
  out->value5 = mamori_risk_matrix_value (mamori_risk_matrix_gov5 (), out->likelihood5 - 1, out->impact5 - 1);
  out->level5 = mamori_risk_matrix_level (mamori_risk_matrix_gov5 (), out->likelihood5 - 1, out->impact5 - 1);
}

void
mamori_asset_compute_residual (const MamoriAsset *a,
                               int                threat_from_medium,
                               MamoriAssetRisk   *out)
{
  MamoriAsset after = *a;

  if (a->target_threat > 0)
    after.threat = a->target_threat;
  if (a->target_vulnerability > 0)
    after.vulnerability = a->target_vulnerability;
  mamori_asset_compute_risk (&after, threat_from_medium, out);
}

const MamoriDefaultThreat *
mamori_default_threats (guint *n)
{
  /* Our own threat list for the usual media; frequencies as if no countermeasures were
   * taken (IPA 付録7 脅威の状況, which gives only the in-house server example). The media the
   * guideline's text names are among them under its own names: 事務所PC, 可搬電子媒体,
   * 社内サーバー and キャビネット (paper kept in a cabinet). */
  static const MamoriDefaultThreat list[] = {
    { "事務所PC", "ウイルス感染による情報の漏えいや破壊", "Leak or destruction of data by malware", 3 },
    { "事務所PC", "故障による業務データの消失", "Loss of business data by failure", 2 },
    { "事務所PC", "従業員の誤操作・誤送信", "Mistakes or mis-sending by staff", 2 },
    { "モバイル機器", "紛失・盗難による情報漏えい", "Leak through loss or theft", 3 },
    { "モバイル機器", "ウイルス感染や不正アプリによる情報漏えい", "Leak through malware or rogue apps", 2 },
    { "社内サーバー", "サイバー攻撃による情報の窃取", "Theft of data by cyber attack", 3 },
    { "社内サーバー", "内部不正による情報の持ち出し", "Insiders taking data out", 2 },
    { "社内サーバー", "故障による業務データの消失", "Loss of business data by failure", 1 },
    { "クラウドサービス", "アカウントの乗っ取りによる情報漏えい", "Leak through a taken-over account", 3 },
    { "クラウドサービス", "共有設定の誤りによる情報公開", "Exposure through wrong sharing settings", 2 },
    { "クラウドサービス", "サービス停止による業務の中断", "Work stopped by a service outage", 1 },
    { "可搬電子媒体", "紛失・盗難による情報漏えい", "Leak through loss or theft", 3 },
    { "可搬電子媒体", "ウイルス感染の持ち込み", "Malware brought in", 2 },
    { "書類", "紛失・置き忘れによる情報漏えい", "Leak through loss or papers left behind", 2 },
    { "書類", "不適切な廃棄による情報漏えい", "Leak through improper disposal", 2 },
    { "書類", "火災・水害による消失", "Loss by fire or flood", 1 },
    { "キャビネット", "施錠忘れや鍵の管理不備による持ち出し", "Taken out through an unlocked cabinet or keys left about", 2 },
    { "キャビネット", "火災・水害による消失", "Loss by fire or flood", 1 },
    { "ネットワーク機器", "不正アクセスによる社内ネットワークへの侵入", "Intrusion into the office network", 2 },
    { "ネットワーク機器", "故障による通信の停止", "Network stopped by failure", 1 },
  };
  *n = G_N_ELEMENTS (list);
  return list;
}

int
mamori_default_threat_for_medium (const char *medium)
{
  guint n, found = 0;
  const MamoriDefaultThreat *list = mamori_default_threats (&n);
  int freq[32];

  for (guint i = 0; i < n && found < G_N_ELEMENTS (freq); i++)
    if (g_strcmp0 (list[i].medium, medium) == 0)
      freq[found++] = list[i].frequency;
  return found ? mamori_risk_aggregate_threat (freq, found, MAMORI_THREAT_AGGREGATE_MAX) : 2;
}

/* The computed columns of an export, in English and Japanese: recomputed, not read. */
static const struct {
  const char *key;
  const char *heading;
} computed_columns[] = {
  { "importance", "重要度" }, { "likelihood", "被害発生可能性" }, { "risk", "リスク値" }, { "band", NULL },
  { "value5", "リスク値（5段階）" }, { "level5", "リスクレベル（5段階）" },
};

gboolean
mamori_asset_csv_read (const char  *text,
                       GPtrArray  **assets_out,
                       GPtrArray  **problems_out,
                       GError     **error)
{
  g_autoptr(GPtrArray) rows = mamori_csv_parse (text, error);
  g_autoptr(GPtrArray) assets = g_ptr_array_new_with_free_func ((GDestroyNotify) mamori_asset_free);
  g_autoptr(GPtrArray) problems = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GHashTable) column_of = g_hash_table_new (g_str_hash, g_str_equal); /* column key → index + 1 */
  MamoriCsvRow *header;
  int column_field[MAMORI_CSV_MAX_FIELDS];
  gboolean have_name = FALSE;

  if (rows == NULL)
    return FALSE;
  if (rows->len == 0)
    {
      g_ptr_array_add (problems, g_strdup (_("the file is empty; it needs a header line naming the ledger columns")));
      goto out;
    }
  header = rows->pdata[0];
  G_STATIC_ASSERT (G_N_ELEMENTS (column_field) >= MAMORI_CSV_MAX_FIELDS);
  for (guint c = 0; c < header->fields->len; c++)
    {
      MamoriAssetField f;
      const char *h = header->fields->pdata[c];
      const char *key = NULL;

      if (mamori_asset_field_from_heading (h, &f))
        {
          column_field[c] = (int) f;
          have_name |= f == MAMORI_ASSET_FIELD_NAME;
          key = fields[f].key;
        }
      else
        {
          column_field[c] = -2;
          for (guint i = 0; i < G_N_ELEMENTS (computed_columns) && key == NULL; i++)
            if (g_str_equal (h, computed_columns[i].key) || g_strcmp0 (h, computed_columns[i].heading) == 0)
              {
                column_field[c] = -1;   /* computed columns of an export: recomputed, not read */
                key = computed_columns[i].key;
              }
        }
      if (key == NULL)
        {
          g_autofree char *shown = mamori_text_excerpt (h);
          g_ptr_array_add (problems, g_strdup_printf (_("line %u, column %u, value “%s”: not a ledger column"),
                                                      header->line, c + 1, shown));
        }
      else if (g_hash_table_contains (column_of, key))
        {
          /* Not “the last one wins”: two columns for one field (say name and 情報資産名称). */
          guint first = GPOINTER_TO_UINT (g_hash_table_lookup (column_of, key));
          g_autofree char *shown = mamori_text_excerpt (h);
          g_autofree char *shown_first = mamori_text_excerpt (header->fields->pdata[first - 1]);
          g_ptr_array_add (problems, g_strdup_printf (_("line %u: column %u “%s” repeats column %u “%s”; keep one of them"),
                                                      header->line, c + 1, shown, first, shown_first));
        }
      else
        g_hash_table_insert (column_of, (gpointer) key, GUINT_TO_POINTER (c + 1));
    }
  if (!have_name)
    g_ptr_array_add (problems, g_strdup_printf (_("line %u: no column “name” (情報資産名称)"), header->line));
  if (problems->len > 0)
    goto out;

  for (guint r = 1; r < rows->len; r++)
    {
      MamoriCsvRow *row = rows->pdata[r];
      MamoriAsset *asset;
      gboolean ok = TRUE;

      if (row->fields->len != header->fields->len)
        {
          g_ptr_array_add (problems, g_strdup_printf (_("line %u: %u fields, but the header names %u columns"),
                                                      row->line, row->fields->len, header->fields->len));
          continue;
        }
      asset = mamori_asset_new ();
      for (guint c = 0; c < header->fields->len; c++)
        {
          g_autofree char *value = g_strstrip (g_strdup (row->fields->pdata[c]));
          g_autofree char *reason = NULL;

          if (column_field[c] < 0)
            continue;
          /* Trimmed first, then the guard of an export taken off: a value that starts with a tab
           * comes back with its tab. */
          if (!set_field (asset, (MamoriAssetField) column_field[c], mamori_csv_cell_text (value), &reason))
            {
              g_autofree char *shown = mamori_text_excerpt (row->fields->pdata[c]);
              g_ptr_array_add (problems, g_strdup_printf (_("line %u, column %s, value “%s”: %s"), row->line,
                                                          (const char *) header->fields->pdata[c], shown, reason));
              ok = FALSE;
            }
        }
      if (ok)
        g_ptr_array_add (assets, asset);
      else
        mamori_asset_free (asset);
    }

out:
  *problems_out = g_steal_pointer (&problems);
  *assets_out = (*problems_out)->len == 0 ? g_steal_pointer (&assets) : NULL;
  return TRUE;
}

void
mamori_asset_csv_header (GString *out)
{
  const char *cols[MAMORI_ASSET_N_CSV_FIELDS + 8];

  for (guint f = 0; f < MAMORI_ASSET_N_CSV_FIELDS; f++)
    cols[f] = fields[f].key;
  cols[MAMORI_ASSET_N_CSV_FIELDS] = "importance";
  cols[MAMORI_ASSET_N_CSV_FIELDS + 1] = "likelihood";
  cols[MAMORI_ASSET_N_CSV_FIELDS + 2] = "risk";
  cols[MAMORI_ASSET_N_CSV_FIELDS + 3] = "band";
  /* Both methods' columns, whatever the workspace uses, so the two can be compared. */
  cols[MAMORI_ASSET_N_CSV_FIELDS + 4] = "impact5";
  cols[MAMORI_ASSET_N_CSV_FIELDS + 5] = "likelihood5";
  cols[MAMORI_ASSET_N_CSV_FIELDS + 6] = "value5";
  cols[MAMORI_ASSET_N_CSV_FIELDS + 7] = "level5";
  mamori_csv_append_row (out, cols, G_N_ELEMENTS (cols));
}

void
mamori_asset_csv_row (GString           *out,
                      const MamoriAsset *asset,
                      int                threat_from_medium)
{
  g_autoptr(GPtrArray) texts = g_ptr_array_new_with_free_func (g_free);
  MamoriAssetRisk risk;

  mamori_asset_compute_risk (asset, threat_from_medium, &risk);
  for (guint f = 0; f < MAMORI_ASSET_N_CSV_FIELDS; f++)
    g_ptr_array_add (texts, mamori_asset_get_field_text (asset, f));
  g_ptr_array_add (texts, g_strdup_printf ("%d", risk.importance));
  g_ptr_array_add (texts, g_strdup_printf ("%d", risk.likelihood));
  g_ptr_array_add (texts, g_strdup_printf ("%d", risk.risk));
  g_ptr_array_add (texts, g_strdup (mamori_risk_band_label (risk.band)));
  g_ptr_array_add (texts, g_strdup_printf ("%d", risk.impact5));
  g_ptr_array_add (texts, g_strdup_printf ("%d", risk.likelihood5));
  g_ptr_array_add (texts, g_strdup_printf ("%d", risk.value5));
  g_ptr_array_add (texts, g_strdup (mamori_risk_matrix_gov5 ()->risk[CLAMP (risk.level5, 0, 3)].name_ja));
  mamori_csv_append_row (out, (const char * const *) texts->pdata, texts->len);
}
