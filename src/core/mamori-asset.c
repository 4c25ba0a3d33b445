/* mamori-asset.c — ledger rows: fields, CSV text, computed risk, default threats */
#include "config.h"

#include <glib/gi18n.h>
#include <stdio.h>
#include <string.h>

#include "mamori-asset.h"
#include "mamori-asset-private.h"
#include "mamori-classification.h"
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
  { "classification_c", "機密性格付" },
  { "classification_i", "完全性格付" },
  { "classification_a", "可用性格付" },
  { "handling", "取扱制限" },
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
  a->handling = g_strdup ("");
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
  g_free (a->handling);
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
  c->handling = g_strdup (a->handling);
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
  /* ○ × as the IPA sheet writes them, and the check marks of other sheets (after NFKC). */
  static const char *yes[] = { "有", "あり", "yes", "y", "1", "true", "○", "〇", "◯", "●", "✓", "✔", "☑", "レ", NULL };
  static const char *no[] = { "無", "なし", "no", "n", "0", "false", "", "×", "✕", "✗", "-", NULL };

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
  /* The IPA sheet shows a level with its meaning: “3：通常の状況で脅威が発生する…” (NFKC: “3:”). */
  if (end == NULL || end == t || (*end != '\0' && *end != ':') || v < lo || v > hi)
    return FALSE;
  *out = (int) v;
  return TRUE;
}

static gboolean
take_number (const char **p,
             int         *out)
{
  const char *s = *p;
  int v = 0, n = 0;

  while (g_ascii_isdigit (*s) && n < 5)
    v = v * 10 + (*s++ - '0'), n++;
  if (n == 0 || g_ascii_isdigit (*s))
    return FALSE;
  *out = v;
  *p = s;
  return TRUE;
}

static gboolean
take (const char **p,
      const char  *word)
{
  gsize l = strlen (word);

  if (strncmp (*p, word, l) != 0)
    return FALSE;
  *p += l;
  return TRUE;
}

/* YYYY-MM-DD from 2024-04-01, 2024/4/1, 2024.4.1, 2024年4月1日, 令和6年4月1日 (令和元年, 平成,
 * 昭和) or R6.4.1 (H, S), each optionally followed by a time; t is NFKC-folded (ASCII digits).
 * "" stays "". */
static char *
normalise_date (const char *t)
{
  static const struct {
    const char *name;
    char letter;
    int base;
  } eras[] = { { "令和", 'r', 2018 }, { "平成", 'h', 1988 }, { "昭和", 's', 1925 } };
  const char *p = t;
  int y = 0, m = 0, d = 0, base = 0;
  char sep;

  if (*t == '\0')
    return g_strdup ("");
  for (guint i = 0; i < G_N_ELEMENTS (eras) && base == 0; i++)
    if (take (&p, eras[i].name))
      base = eras[i].base;
    else if (g_ascii_tolower (*p) == eras[i].letter && (g_ascii_isdigit (p[1]) || strncmp (p + 1, "元", strlen ("元")) == 0))
      {
        p++;
        base = eras[i].base;
      }
  if (base != 0 && take (&p, "元"))
    y = 1;
  else if (!take_number (&p, &y))
    return NULL;
  if (take (&p, "年"))
    sep = 'j';
  else if (*p == '-' || *p == '/' || *p == '.')
    sep = *p++;
  else
    return NULL;
  if (!take_number (&p, &m))
    return NULL;
  if (sep == 'j' ? !take (&p, "月") : *p++ != sep)
    return NULL;
  if (!take_number (&p, &d))
    return NULL;
  if (sep == 'j' && !take (&p, "日"))
    return NULL;
  if ((*p == ' ' || *p == 'T') && g_ascii_isdigit (p[1]))
    {
      const char *time = ++p;
      while (g_ascii_isdigit (*p) || *p == ':' || *p == '.')
        p++;
      if (memchr (time, ':', p - time) == NULL)
        return NULL;
    }
  if (*p != '\0')
    return NULL;
  if (base != 0)
    {
      if (y < 1 || y > 99)
        return NULL;
      y += base;
    }
  if (y < 1900 || y > 9999 || !g_date_valid_dmy (d, m, y))
    return NULL;
  return g_strdup_printf ("%04d-%02d-%02d", y, m, d);
}

/* Text as a number, flag, date or choice: NFKC (full-width digits and signs become ASCII),
 * trimmed. */
static char *
fold (const char *t)
{
  char *n;

  /* NFKC leaves ASCII as it is: most cells are, and normalising costs a tenth of an import. */
  for (const char *c = t; ; c++)
    if (*c == '\0')
      return g_strstrip (g_strdup (t));
    else if ((guchar) *c >= 0x80)
      break;
  n = g_utf8_normalize (t, -1, G_NORMALIZE_NFKC);
  return g_strstrip (n ? n : g_strdup (t));
}

static gboolean
field_is_text (MamoriAssetField field)
{
  switch (field)
    {
    case MAMORI_ASSET_FIELD_BUSINESS_CATEGORY:
    case MAMORI_ASSET_FIELD_NAME:
    case MAMORI_ASSET_FIELD_REMARKS:
    case MAMORI_ASSET_FIELD_USER_SCOPE:
    case MAMORI_ASSET_FIELD_MANAGING_DEPARTMENT:
    case MAMORI_ASSET_FIELD_MEDIUM:
    case MAMORI_ASSET_FIELD_RETENTION:
    case MAMORI_ASSET_FIELD_MEASURE:
    case MAMORI_ASSET_FIELD_MEASURE_OWNER:
    case MAMORI_ASSET_FIELD_HANDLING:   /* its parameters are kept as written */
      return TRUE;
    default:
      return FALSE;
    }
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
  g_autofree char *folded = NULL;

  *reason = NULL;
  /* Characters are never more than bytes: count them only for a long cell. */
  if (!g_utf8_validate (t, -1, NULL) || (strlen (t) > 1000 && g_utf8_strlen (t, -1) > 1000))
    {
      *reason = g_strdup (_("the text is too long or not UTF-8"));
      return FALSE;
    }
  if (!field_is_text (field))
    t = folded = fold (t);
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
            *reason = g_strdup (_("not a date (YYYY-MM-DD, YYYY/M/D, 2024年4月1日 or 令和6年4月1日)"));
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
    case MAMORI_ASSET_FIELD_CLASSIFICATION_C:
    case MAMORI_ASSET_FIELD_CLASSIFICATION_I:
    case MAMORI_ASSET_FIELD_CLASSIFICATION_A:
      {
        MamoriClassAxis axis = field - MAMORI_ASSET_FIELD_CLASSIFICATION_C;
        int v;
        if (!mamori_classification_parse_level (axis, t, &v, reason))
          return FALSE;
        if (axis == MAMORI_CLASS_AXIS_CONFIDENTIALITY)
          a->classification_c = v;
        else if (axis == MAMORI_CLASS_AXIS_INTEGRITY)
          a->classification_i = v;
        else
          a->classification_a = v;
        return TRUE;
      }
    case MAMORI_ASSET_FIELD_HANDLING:
      {
        g_autoptr(GError) error = NULL;
        char *stored = mamori_handling_normalise (t, &error);
        if (stored == NULL)
          {
            *reason = g_strdup (error->message);
            return FALSE;
          }
        g_free (a->handling);
        a->handling = stored;
        return TRUE;
      }
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
    case MAMORI_ASSET_FIELD_CLASSIFICATION_C:
      return a->classification_c ? g_strdup_printf ("%d", a->classification_c) : g_strdup ("");
    case MAMORI_ASSET_FIELD_CLASSIFICATION_I:
      return a->classification_i ? g_strdup_printf ("%d", a->classification_i) : g_strdup ("");
    case MAMORI_ASSET_FIELD_CLASSIFICATION_A:
      return a->classification_a ? g_strdup_printf ("%d", a->classification_a) : g_strdup ("");
    case MAMORI_ASSET_FIELD_HANDLING: return g_strdup (a->handling ? a->handling : "");
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
  { "importance", "重要度" }, { "likelihood", "被害発生可能性" }, { "risk", "リスク値" }, { "band", "リスクの大きさ" },
  { "value5", "リスク値（5段階）" }, { "level5", "リスクレベル（5段階）" },
};

/* Other names the IPA sheet gives a column. */
static const struct {
  const char *heading;
  MamoriAssetField field;
} heading_aliases[] = {
  { "脅威の発生頻度", MAMORI_ASSET_FIELD_THREAT },
  { "媒体/保存先", MAMORI_ASSET_FIELD_MEDIUM },
};

/* The running number of a kept sheet: read, not stored. */
static const char * const number_headings[] = { "no", "no.", "番号", "#", "連番" };

/* What a header cell names. */
enum {
  HEADING_COMPUTED = -1,   /* a computed column of an export: recomputed, not read */
  HEADING_NUMBER = -2,     /* the sheet's “No.”: skipped */
  HEADING_UNKNOWN = -3,
  HEADING_EMPTY = -4,
};

typedef struct {
  char *norm;
  int kind;               /* field, HEADING_COMPUTED or HEADING_NUMBER */
  const char *key;        /* for repeated columns */
} KnownHeading;

static const KnownHeading *
known_headings (guint *n)
{
  static KnownHeading *known;
  static guint count;

  if (g_once_init_enter (&known))
    {
      GArray *list = g_array_new (FALSE, FALSE, sizeof (KnownHeading));
      KnownHeading k;
      for (guint i = 0; i < MAMORI_ASSET_N_FIELDS; i++)
        {
          k = (KnownHeading) { mamori_csv_match_key (fields[i].key), (int) i, fields[i].key };
          g_array_append_val (list, k);
          k = (KnownHeading) { mamori_csv_match_key (fields[i].heading), (int) i, fields[i].key };
          g_array_append_val (list, k);
        }
      for (guint i = 0; i < G_N_ELEMENTS (heading_aliases); i++)
        {
          k = (KnownHeading) { mamori_csv_match_key (heading_aliases[i].heading), (int) heading_aliases[i].field,
                               fields[heading_aliases[i].field].key };
          g_array_append_val (list, k);
        }
      for (guint i = 0; i < G_N_ELEMENTS (computed_columns); i++)
        {
          k = (KnownHeading) { mamori_csv_match_key (computed_columns[i].key), HEADING_COMPUTED, computed_columns[i].key };
          g_array_append_val (list, k);
          k = (KnownHeading) { mamori_csv_match_key (computed_columns[i].heading), HEADING_COMPUTED, computed_columns[i].key };
          g_array_append_val (list, k);
        }
      for (guint i = 0; i < G_N_ELEMENTS (number_headings); i++)
        {
          k = (KnownHeading) { mamori_csv_match_key (number_headings[i]), HEADING_NUMBER, NULL };
          g_array_append_val (list, k);
        }
      count = list->len;
      g_once_init_leave (&known, (KnownHeading *) (void *) g_array_free (list, FALSE));
    }
  *n = count;
  return known;
}

/* The kind of one heading text; *key names the column for the repeated-column check. */
static int
heading_kind (const char  *text,
              const char **key)
{
  g_autofree char *n = mamori_csv_match_key (text);
  guint count;
  const KnownHeading *known = known_headings (&count);

  *key = NULL;
  if (*n == '\0')
    return HEADING_EMPTY;
  for (guint i = 0; i < count; i++)
    if (g_str_equal (n, known[i].norm))
      {
        *key = known[i].key;
        return known[i].kind;
      }
  return HEADING_UNKNOWN;
}

static const char *
cell_at (MamoriCsvRow *row,
         guint         c)
{
  return row != NULL && c < row->fields->len ? row->fields->pdata[c] : "";
}

static gboolean
cell_blank (const char *cell)
{
  for (const char *p = cell; *p; p++)
    if (!g_ascii_isspace (*p))
      return FALSE;
  return TRUE;
}

/* The heading of column c of a header in row top (and bottom, for a header over two rows):
 * the two texts combined (“対策後の” over “脅威”), else the lower one (“機密性” under a merged
 * “重要度”), else the upper one (a heading merged down over both rows). */
static int
column_heading (MamoriCsvRow  *top,
                MamoriCsvRow  *bottom,
                guint          c,
                const char   **key,
                char         **shown)
{
  const char *t = cell_at (top, c);
  const char *b = cell_at (bottom, c);
  int kind;

  if (bottom != NULL && !cell_blank (t) && !cell_blank (b))
    {
      const char *joins[] = { "", "の" };
      for (guint j = 0; j < G_N_ELEMENTS (joins); j++)
        {
          g_autofree char *both = g_strconcat (t, joins[j], b, NULL);
          kind = heading_kind (both, key);
          if (kind != HEADING_UNKNOWN)
            {
              if (shown)
                *shown = g_strconcat (t, " ", b, NULL);
              return kind;
            }
        }
      kind = heading_kind (b, key);
      if (kind != HEADING_UNKNOWN)
        {
          if (shown)
            *shown = g_strdup (b);
          return kind;
        }
      kind = heading_kind (t, key);
      if (shown)
        *shown = kind != HEADING_UNKNOWN ? g_strdup (t) : g_strconcat (t, " ", b, NULL);
      return kind;
    }
  if (bottom != NULL && cell_blank (t))
    t = b;
  if (shown)
    *shown = g_strdup (t);
  return heading_kind (t, key);
}

/* Rows above the header (a title, the date it was kept) are looked through this far. */
#define HEADER_SEARCH_ROWS 30

typedef struct {
  MamoriCsvRow *top;
  MamoriCsvRow *bottom;   /* the second row of a header over two rows, or NULL */
  guint first_data;       /* index of the first row after the header */
  guint score;            /* columns named */
} Header;

static guint
header_score (MamoriCsvRow *top,
              MamoriCsvRow *bottom,
              gboolean     *has_name)
{
  guint width = MAX (top->fields->len, bottom ? bottom->fields->len : 0);
  g_autoptr(GHashTable) named = g_hash_table_new (g_str_hash, g_str_equal);

  /* Distinct columns: “重要度” merged over three columns names one. */
  *has_name = FALSE;
  for (guint c = 0; c < width; c++)
    {
      const char *key;
      int kind = column_heading (top, bottom, c, &key, NULL);
      if (kind >= HEADING_NUMBER)
        g_hash_table_add (named, (gpointer) (key ? key : "No."));
      if (kind == MAMORI_ASSET_FIELD_NAME)
        *has_name = TRUE;
    }
  return g_hash_table_size (named);
}

/* The header among the first rows (lines are the rows that are not blank): the row, or the two
 * rows, that name the asset's name and the most ledger columns. */
static gboolean
find_header (GPtrArray *lines,
             Header    *h)
{
  guint known[HEADER_SEARCH_ROWS + 1];
  guint n = MIN (lines->len, HEADER_SEARCH_ROWS + 1);

  *h = (Header) { NULL, NULL, 0, 0 };
  for (guint i = 0; i < n; i++)
    {
      MamoriCsvRow *row = lines->pdata[i];
      known[i] = 0;
      for (guint c = 0; c < row->fields->len; c++)
        {
          const char *key;
          if (heading_kind (row->fields->pdata[c], &key) >= HEADING_NUMBER)
            known[i]++;
        }
    }
  for (guint i = 0; i < n && i < HEADER_SEARCH_ROWS; i++)
    {
      MamoriCsvRow *top = lines->pdata[i];
      gboolean one_name = FALSE, two_name = FALSE;
      guint one, two = 0;

      if (known[i] == 0)
        continue;
      one = header_score (top, NULL, &one_name);
      if (i + 1 < n && known[i + 1] > 0)
        two = header_score (top, lines->pdata[i + 1], &two_name);
      if (two_name && two > one && two > h->score)
        *h = (Header) { top, lines->pdata[i + 1], i + 2, two };
      else if (one_name && one > h->score)
        *h = (Header) { top, NULL, i + 1, one };
    }
  return h->score > 0;
}

static gboolean
row_blank (MamoriCsvRow *row)
{
  for (guint c = 0; c < row->fields->len; c++)
    if (!cell_blank (row->fields->pdata[c]))
      return FALSE;
  return TRUE;
}

static GPtrArray *
non_blank_rows (GPtrArray *rows)
{
  GPtrArray *lines = g_ptr_array_new ();

  for (guint r = 0; r < rows->len; r++)
    if (!row_blank (rows->pdata[r]))
      g_ptr_array_add (lines, rows->pdata[r]);
  return lines;
}

guint
mamori_asset_rows_header_score (GPtrArray *rows)
{
  g_autoptr(GPtrArray) lines = non_blank_rows (rows);
  Header h;

  return find_header (lines, &h) ? h.score : 0;
}

/* A worksheet's column letters: 0 → A, 26 → AA. */
static char *
column_letters (guint c)
{
  char buf[8];
  int i = G_N_ELEMENTS (buf) - 1;

  buf[i] = '\0';
  do
    {
      buf[--i] = (char) ('A' + c % 26);
      c = c / 26;
    }
  while (c-- > 0 && i > 0);
  return g_strdup (buf + i);
}

static char *
headings_known (void)
{
  GString *out = g_string_new (NULL);

  for (guint i = 0; i < MAMORI_ASSET_N_FIELDS; i++)
    g_string_append_printf (out, "%s%s", i ? "、" : "", fields[i].heading);
  g_string_append (out, "、No.");
  return g_string_free (out, FALSE);
}

void
mamori_asset_rows_read (GPtrArray   *rows,
                        const char  *sheet,
                        GPtrArray  **assets_out,
                        GPtrArray  **problems_out)
{
  g_autoptr(GPtrArray) lines = non_blank_rows (rows);
  g_autoptr(GPtrArray) assets = g_ptr_array_new_with_free_func ((GDestroyNotify) mamori_asset_free);
  g_autoptr(GPtrArray) problems = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GHashTable) column_of = g_hash_table_new (g_str_hash, g_str_equal); /* column key → index + 1 */
  g_autoptr(GPtrArray) shown_headings = g_ptr_array_new_with_free_func (g_free);
  int column_field[MAMORI_CSV_MAX_FIELDS];
  guint width;
  Header h;

  if (lines->len == 0)
    {
      if (sheet == NULL)
        g_ptr_array_add (problems, g_strdup (_("the file is empty; it needs a header line naming the ledger columns")));
      else
        g_ptr_array_add (problems, g_strdup_printf (_("sheet “%s” is empty; it needs a header row naming the ledger columns"),
                                                    sheet));
      goto out;
    }
  if (!find_header (lines, &h))
    {
      g_autofree char *known = headings_known ();
      if (sheet == NULL)
        g_ptr_array_add (problems, g_strdup_printf (_("no header line found: Mamori looks in the first %d lines that are not "
                                                      "empty for the line (or two lines, under merged cells) naming the "
                                                      "ledger’s columns, among them “情報資産名称” (or “name”). The "
                                                      "headings it knows: %s"), HEADER_SEARCH_ROWS, known));
      else
        g_ptr_array_add (problems, g_strdup_printf (_("sheet “%s”: no header row found: Mamori looks in the first %d rows "
                                                      "that are not empty for the row (or two rows, under merged cells) "
                                                      "naming the ledger’s columns, among them “情報資産名称” (or "
                                                      "“name”). The headings it knows: %s"), sheet, HEADER_SEARCH_ROWS, known));
      goto out;
    }
  /* Both readers keep rows within MAMORI_CSV_MAX_FIELDS; cells beyond would count as cells
   * without a heading. */
  width = MIN (MAX (h.top->fields->len, h.bottom ? h.bottom->fields->len : 0), MAMORI_CSV_MAX_FIELDS);
  G_STATIC_ASSERT (G_N_ELEMENTS (column_field) >= MAMORI_CSV_MAX_FIELDS);
  for (guint c = 0; c < width; c++)
    {
      const char *key = NULL;
      char *shown_heading = NULL;
      int kind = column_heading (h.top, h.bottom, c, &key, &shown_heading);

      g_ptr_array_add (shown_headings, shown_heading);
      column_field[c] = kind;
      if (kind == HEADING_UNKNOWN)
        {
          g_autofree char *shown = mamori_text_excerpt (shown_heading);
          g_autofree char *letters = column_letters (c);
          if (sheet == NULL)
            g_ptr_array_add (problems, g_strdup_printf (_("line %u, column %u, value “%s”: not a ledger column"),
                                                        h.top->line, c + 1, shown));
          else
            g_ptr_array_add (problems, g_strdup_printf (_("sheet “%s”, row %u, column %s, value “%s”: not a ledger column"),
                                                        sheet, h.top->line, letters, shown));
        }
      else if (key != NULL && g_hash_table_contains (column_of, key))
        {
          /* Not “the last one wins”: two columns for one field (say name and 情報資産名称). */
          guint first = GPOINTER_TO_UINT (g_hash_table_lookup (column_of, key));
          g_autofree char *shown = mamori_text_excerpt (shown_heading);
          g_autofree char *shown_first = mamori_text_excerpt (shown_headings->pdata[first - 1]);
          g_autofree char *letters = column_letters (c);
          g_autofree char *first_letters = column_letters (first - 1);
          if (sheet == NULL)
            g_ptr_array_add (problems, g_strdup_printf (_("line %u: column %u “%s” repeats column %u “%s”; keep one of them"),
                                                        h.top->line, c + 1, shown, first, shown_first));
          else
            g_ptr_array_add (problems, g_strdup_printf (_("sheet “%s”, row %u: column %s “%s” repeats column %s “%s”; keep one of them"),
                                                        sheet, h.top->line, letters, shown, first_letters, shown_first));
        }
      else if (key != NULL)
        g_hash_table_insert (column_of, (gpointer) key, GUINT_TO_POINTER (c + 1));
    }
  if (problems->len > 0)
    goto out;

  for (guint r = h.first_data; r < lines->len; r++)
    {
      MamoriCsvRow *row = lines->pdata[r];
      MamoriAsset *asset;
      gboolean ok = TRUE, any = FALSE;

      if (sheet == NULL && row->fields->len != width)
        {
          g_ptr_array_add (problems, g_strdup_printf (_("line %u: %u fields, but the header names %u columns"),
                                                      row->line, row->fields->len, width));
          continue;
        }
      /* A row with values only in the running number or computed columns (a kept sheet's empty
       * numbered rows) is not an asset. */
      for (guint c = 0; c < row->fields->len && !any; c++)
        any = (c >= width || column_field[c] >= 0 || column_field[c] == HEADING_EMPTY) &&
              !cell_blank (row->fields->pdata[c]);
      if (!any)
        continue;
      asset = mamori_asset_new ();
      for (guint c = 0; c < row->fields->len; c++)
        {
          const char *cell = row->fields->pdata[c];
          g_autofree char *value = NULL;
          g_autofree char *reason = NULL;
          g_autofree char *letters = NULL;
          g_autofree char *shown = NULL;

          if (c < width && column_field[c] < 0 && column_field[c] != HEADING_EMPTY)
            continue;
          if (c >= width || column_field[c] == HEADING_EMPTY)
            {
              if (cell_blank (cell))
                continue;
              reason = g_strdup (_("the column has no heading"));
            }
          else
            {
              value = g_strstrip (g_strdup (cell));
              /* Trimmed first, then the guard of an export taken off: a value that starts with a
               * tab comes back with its tab. */
              if (set_field (asset, (MamoriAssetField) column_field[c], mamori_csv_cell_text (value), &reason))
                continue;
            }
          shown = mamori_text_excerpt (cell);
          letters = column_letters (c);
          if (sheet == NULL)
            g_ptr_array_add (problems, g_strdup_printf (_("line %u, column %s, value “%s”: %s"), row->line,
                                                        c < width ? (const char *) shown_headings->pdata[c] : letters,
                                                        shown, reason));
          else
            g_ptr_array_add (problems, g_strdup_printf (_("sheet “%s”, row %u, column %s (%s), value “%s”: %s"), sheet,
                                                        row->line, letters,
                                                        c < width ? (const char *) shown_headings->pdata[c] : "",
                                                        shown, reason));
          ok = FALSE;
        }
      if (ok)
        g_ptr_array_add (assets, asset);
      else
        mamori_asset_free (asset);
    }

out:
  *problems_out = g_steal_pointer (&problems);
  *assets_out = (*problems_out)->len == 0 ? g_steal_pointer (&assets) : NULL;
}

gboolean
mamori_asset_csv_read (const char  *text,
                       GPtrArray  **assets_out,
                       GPtrArray  **problems_out,
                       GError     **error)
{
  g_autoptr(GPtrArray) rows = mamori_csv_parse (text, error);

  if (rows == NULL)
    return FALSE;
  mamori_asset_rows_read (rows, NULL, assets_out, problems_out);
  return TRUE;
}

/* The export's columns: the input columns up to the target vulnerability, then the computed
 * ones with the two 5 × 5 inputs among them (as before they were inputs), then the
 * classification. */
G_STATIC_ASSERT (MAMORI_ASSET_FIELD_IMPACT5 + 2 == MAMORI_ASSET_FIELD_CLASSIFICATION_C &&
                 MAMORI_ASSET_FIELD_LIKELIHOOD5 == MAMORI_ASSET_FIELD_IMPACT5 + 1 &&
                 MAMORI_ASSET_FIELD_HANDLING + 1 == MAMORI_ASSET_N_FIELDS);
#define N_EXPORT_INPUTS MAMORI_ASSET_FIELD_IMPACT5

void
mamori_asset_csv_header_lang (GString    *out,
                              const char *lang)
{
  gboolean ja = g_strcmp0 (lang, "ja") == 0;
  const char *cols[N_EXPORT_INPUTS + 12];
  guint n = 0;

  for (guint f = 0; f < N_EXPORT_INPUTS; f++)
    cols[n++] = ja ? fields[f].heading : fields[f].key;
  for (guint i = 0; i < 4; i++)
    cols[n++] = ja ? computed_columns[i].heading : computed_columns[i].key;
  /* Both methods' columns, whatever the workspace uses, so the two can be compared. */
  cols[n++] = ja ? fields[MAMORI_ASSET_FIELD_IMPACT5].heading : fields[MAMORI_ASSET_FIELD_IMPACT5].key;
  cols[n++] = ja ? fields[MAMORI_ASSET_FIELD_LIKELIHOOD5].heading : fields[MAMORI_ASSET_FIELD_LIKELIHOOD5].key;
  for (guint i = 4; i < 6; i++)
    cols[n++] = ja ? computed_columns[i].heading : computed_columns[i].key;
  for (guint f = MAMORI_ASSET_FIELD_CLASSIFICATION_C; f < MAMORI_ASSET_N_FIELDS; f++)
    cols[n++] = ja ? fields[f].heading : fields[f].key;
  g_assert (n == G_N_ELEMENTS (cols));
  mamori_csv_append_row (out, cols, n);
}

void
mamori_asset_csv_header (GString *out)
{
  mamori_asset_csv_header_lang (out, "en");
}

void
mamori_asset_csv_row (GString           *out,
                      const MamoriAsset *asset,
                      int                threat_from_medium)
{
  mamori_asset_csv_row_lang (out, asset, threat_from_medium, "en");
}

void
mamori_asset_csv_row_lang (GString           *out,
                           const MamoriAsset *asset,
                           int                threat_from_medium,
                           const char        *lang)
{
  g_autoptr(GPtrArray) texts = g_ptr_array_new_with_free_func (g_free);
  MamoriAssetRisk risk;

  mamori_asset_compute_risk (asset, threat_from_medium, &risk);
  for (guint f = 0; f < N_EXPORT_INPUTS; f++)
    g_ptr_array_add (texts, mamori_asset_get_field_text (asset, f));
  g_ptr_array_add (texts, g_strdup_printf ("%d", risk.importance));
  g_ptr_array_add (texts, g_strdup_printf ("%d", risk.likelihood));
  g_ptr_array_add (texts, g_strdup_printf ("%d", risk.risk));
  g_ptr_array_add (texts, g_strdup (mamori_risk_band_label (risk.band)));
  g_ptr_array_add (texts, g_strdup_printf ("%d", risk.impact5));
  g_ptr_array_add (texts, g_strdup_printf ("%d", risk.likelihood5));
  g_ptr_array_add (texts, g_strdup_printf ("%d", risk.value5));
  g_ptr_array_add (texts, g_strdup (mamori_risk_matrix_gov5 ()->risk[CLAMP (risk.level5, 0, 3)].name_ja));
  for (guint f = MAMORI_ASSET_FIELD_CLASSIFICATION_C; f < MAMORI_ASSET_FIELD_HANDLING; f++)
    g_ptr_array_add (texts, mamori_asset_get_field_text (asset, f));
  g_ptr_array_add (texts, mamori_handling_to_lang (asset->handling, g_strcmp0 (lang, "ja") == 0 ? "ja" : "en"));
  mamori_csv_append_row (out, (const char * const *) texts->pdata, texts->len);
}
