/* mamori-classification.c — the government classification, its derived terms and the handling
 * restrictions (seed 004 §1.2 and 【参考4】; see the header) */
#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "mamori-csv.h"
#include "mamori-classification.h"

G_DEFINE_QUARK (mamori-classification-error-quark, mamori_classification_error)

/* 【参考4】's model catalogue, kind by kind in its order (seed 004 lines 468–556). The labels
 * are the catalogue's designations (terms, kept as written); "who", "until when", "where" and
 * "recovery time" are the parameters its 〇〇 stand for. readers-only is written 配布先限定
 * (the seed's 「〇〇限り」 is read too), time-limit names the action and the date in its
 * parameter (「〇月〇日まで〇〇禁止」). */
static const MamoriHandlingRestriction catalogue[] = {
  /* Confidentiality: 10 kinds */
  { "copy-prohibited", "copy", MAMORI_CLASS_AXIS_CONFIDENTIALITY, MAMORI_HANDLING_PARAM_NONE, "複製禁止", N_("No copying"), "1.2(2) 【参考4】" },
  { "copy-needs-permission", "copy", MAMORI_CLASS_AXIS_CONFIDENTIALITY, MAMORI_HANDLING_PARAM_NONE, "複製要許可", N_("Copying needs permission"), "1.2(2) 【参考4】" },
  { "distribution-prohibited", "distribution", MAMORI_CLASS_AXIS_CONFIDENTIALITY, MAMORI_HANDLING_PARAM_NONE, "配布禁止", N_("No distribution"), "1.2(2) 【参考4】" },
  { "distribution-needs-permission", "distribution", MAMORI_CLASS_AXIS_CONFIDENTIALITY, MAMORI_HANDLING_PARAM_NONE, "配布要許可", N_("Distribution needs permission"), "1.2(2) 【参考4】" },
  { "encryption-required", "encryption", MAMORI_CLASS_AXIS_CONFIDENTIALITY, MAMORI_HANDLING_PARAM_NONE, "暗号化必須", N_("Encryption required"), "1.2(2) 【参考4】" },
  { "encryption-at-rest", "encryption", MAMORI_CLASS_AXIS_CONFIDENTIALITY, MAMORI_HANDLING_PARAM_NONE, "保存時暗号化必須", N_("Encrypt when stored"), "1.2(2) 【参考4】" },
  { "encryption-in-transit", "encryption", MAMORI_CLASS_AXIS_CONFIDENTIALITY, MAMORI_HANDLING_PARAM_NONE, "通信時暗号化必須", N_("Encrypt when sent"), "1.2(2) 【参考4】" },
  { "print-prohibited", "print", MAMORI_CLASS_AXIS_CONFIDENTIALITY, MAMORI_HANDLING_PARAM_NONE, "印刷禁止", N_("No printing"), "1.2(2) 【参考4】" },
  { "print-needs-permission", "print", MAMORI_CLASS_AXIS_CONFIDENTIALITY, MAMORI_HANDLING_PARAM_NONE, "印刷要許可", N_("Printing needs permission"), "1.2(2) 【参考4】" },
  { "forwarding-prohibited", "forwarding", MAMORI_CLASS_AXIS_CONFIDENTIALITY, MAMORI_HANDLING_PARAM_NONE, "転送禁止", N_("No forwarding"), "1.2(2) 【参考4】" },
  { "forwarding-needs-permission", "forwarding", MAMORI_CLASS_AXIS_CONFIDENTIALITY, MAMORI_HANDLING_PARAM_NONE, "転送要許可", N_("Forwarding needs permission"), "1.2(2) 【参考4】" },
  { "transcription-prohibited", "transcription", MAMORI_CLASS_AXIS_CONFIDENTIALITY, MAMORI_HANDLING_PARAM_NONE, "転記禁止", N_("No transcribing"), "1.2(2) 【参考4】" },
  { "transcription-needs-permission", "transcription", MAMORI_CLASS_AXIS_CONFIDENTIALITY, MAMORI_HANDLING_PARAM_NONE, "転記要許可", N_("Transcribing needs permission"), "1.2(2) 【参考4】" },
  { "reuse-prohibited", "reuse", MAMORI_CLASS_AXIS_CONFIDENTIALITY, MAMORI_HANDLING_PARAM_NONE, "再利用禁止", N_("No reuse"), "1.2(2) 【参考4】" },
  { "reuse-needs-permission", "reuse", MAMORI_CLASS_AXIS_CONFIDENTIALITY, MAMORI_HANDLING_PARAM_NONE, "再利用要許可", N_("Reuse needs permission"), "1.2(2) 【参考4】" },
  { "sending-prohibited", "sending", MAMORI_CLASS_AXIS_CONFIDENTIALITY, MAMORI_HANDLING_PARAM_NONE, "送信禁止", N_("No sending"), "1.2(2) 【参考4】" },
  { "sending-needs-permission", "sending", MAMORI_CLASS_AXIS_CONFIDENTIALITY, MAMORI_HANDLING_PARAM_NONE, "送信要許可", N_("Sending needs permission"), "1.2(2) 【参考4】" },
  { "readers-only", "readers", MAMORI_CLASS_AXIS_CONFIDENTIALITY, MAMORI_HANDLING_PARAM_WHO, "配布先限定", N_("Only for"), "1.2(2) 【参考4】" },
  { "time-limit", "time-limit", MAMORI_CLASS_AXIS_CONFIDENTIALITY, MAMORI_HANDLING_PARAM_UNTIL, "期限", N_("Until"), "1.2(2) 【参考4】" },
  /* Integrity: 5 kinds */
  { "keep-until", "retention", MAMORI_CLASS_AXIS_INTEGRITY, MAMORI_HANDLING_PARAM_UNTIL, "保存期間", N_("Keep until"), "1.2(2) 【参考4】" },
  { "keep-at", "storage", MAMORI_CLASS_AXIS_INTEGRITY, MAMORI_HANDLING_PARAM_WHERE, "保存場所", N_("Keep at"), "1.2(2) 【参考4】" },
  { "rewriting-prohibited", "rewriting", MAMORI_CLASS_AXIS_INTEGRITY, MAMORI_HANDLING_PARAM_NONE, "書換禁止", N_("No rewriting"), "1.2(2) 【参考4】" },
  { "rewriting-needs-permission", "rewriting", MAMORI_CLASS_AXIS_INTEGRITY, MAMORI_HANDLING_PARAM_NONE, "書換要許可", N_("Rewriting needs permission"), "1.2(2) 【参考4】" },
  { "deletion-prohibited", "deletion", MAMORI_CLASS_AXIS_INTEGRITY, MAMORI_HANDLING_PARAM_NONE, "削除禁止", N_("No deleting"), "1.2(2) 【参考4】" },
  { "deletion-needs-permission", "deletion", MAMORI_CLASS_AXIS_INTEGRITY, MAMORI_HANDLING_PARAM_NONE, "削除要許可", N_("Deleting needs permission"), "1.2(2) 【参考4】" },
  { "destroy-after-retention", "after-retention", MAMORI_CLASS_AXIS_INTEGRITY, MAMORI_HANDLING_PARAM_NONE, "保存期間満了後要廃棄", N_("Destroy when the retention ends"), "1.2(2) 【参考4】" },
  /* Availability: 2 kinds */
  { "recover-within", "recovery", MAMORI_CLASS_AXIS_AVAILABILITY, MAMORI_HANDLING_PARAM_RECOVERY, "復旧許容時間", N_("Recover within"), "1.2(2) 【参考4】" },
  { "must-keep-at", "availability-storage", MAMORI_CLASS_AXIS_AVAILABILITY, MAMORI_HANDLING_PARAM_WHERE, "保存必須", N_("Must be kept at"), "1.2(2) 【参考4】" },
};

/* Other names read for a restriction (the seed allows equivalent wording, e.g. 複写禁止). */
static const struct {
  const char *alias;
  const char *key;
} aliases[] = {
  { "複写禁止", "copy-prohibited" },
  { "複製厳禁", "copy-prohibited" },
  { "複写要許可", "copy-needs-permission" },
  { "保存時暗号化", "encryption-at-rest" },
  { "通信時暗号化", "encryption-in-transit" },
  { "参照者限定", "readers-only" },
  { "限り", "readers-only" },
  { "保存期限", "keep-until" },
  { "書換え禁止", "rewriting-prohibited" },
  { "書換え要許可", "rewriting-needs-permission" },
  { "以内復旧", "recover-within" },
};

/* The seed's own forms with the parameter in front: 「経理部限り」, 「3日以内復旧」, … */
static const struct {
  const char *suffix;
  const char *key;
} suffix_forms[] = {
  { "限り", "readers-only" },
  { "以内復旧", "recover-within" },
  { "までに復旧", "recover-within" },
  { "において保存", "keep-at" },
  { "まで保存", "keep-until" },
  { "保存必須", "must-keep-at" },
};

int
mamori_class_axis_max (MamoriClassAxis axis)
{
  return axis == MAMORI_CLASS_AXIS_CONFIDENTIALITY ? 3 : 2;
}

const MamoriHandlingRestriction *
mamori_handling_catalogue (guint *n)
{
  *n = G_N_ELEMENTS (catalogue);
  return catalogue;
}

guint
mamori_handling_kind_count (MamoriClassAxis axis)
{
  guint count = 0;
  const char *last = NULL;

  for (guint i = 0; i < G_N_ELEMENTS (catalogue); i++)
    if (catalogue[i].axis == axis && g_strcmp0 (catalogue[i].kind, last) != 0)
      {
        count++;
        last = catalogue[i].kind;
      }
  return count;
}

static const MamoriHandlingRestriction *
by_key (const char *key)
{
  for (guint i = 0; i < G_N_ELEMENTS (catalogue); i++)
    if (g_str_equal (catalogue[i].key, key))
      return &catalogue[i];
  return NULL;
}

const MamoriHandlingRestriction *
mamori_handling_find (const char *text)
{
  g_autofree char *t = NULL;

  /* The stored form names them exactly (the ledger composes a label per row shown). */
  for (guint i = 0; text != NULL && i < G_N_ELEMENTS (catalogue); i++)
    if (g_str_equal (text, catalogue[i].ja) || g_str_equal (text, catalogue[i].key))
      return &catalogue[i];
  t = mamori_csv_match_key (text);
  if (*t == '\0')
    return NULL;
  for (guint i = 0; i < G_N_ELEMENTS (catalogue); i++)
    {
      g_autofree char *ja = mamori_csv_match_key (catalogue[i].ja);
      g_autofree char *en = mamori_csv_match_key (catalogue[i].en);
      g_autofree char *shown = mamori_csv_match_key (_(catalogue[i].en));
      if (g_str_equal (t, catalogue[i].key) || g_str_equal (t, ja) || g_str_equal (t, en) || g_str_equal (t, shown))
        return &catalogue[i];
    }
  for (guint i = 0; i < G_N_ELEMENTS (aliases); i++)
    {
      g_autofree char *a = mamori_csv_match_key (aliases[i].alias);
      if (g_str_equal (t, a))
        return by_key (aliases[i].key);
    }
  return NULL;
}

const char *
mamori_handling_param_label (MamoriHandlingParam param)
{
  switch (param)
    {
    case MAMORI_HANDLING_PARAM_WHO: return _("who may read it");
    case MAMORI_HANDLING_PARAM_UNTIL: return _("until when");
    case MAMORI_HANDLING_PARAM_WHERE: return _("where");
    case MAMORI_HANDLING_PARAM_RECOVERY: return _("the time allowed to recover");
    case MAMORI_HANDLING_PARAM_NONE:
    default: return NULL;
    }
}

void
mamori_handling_free (MamoriHandling *h)
{
  if (h == NULL)
    return;
  g_free (h->param);
  g_free (h);
}

static MamoriHandling *
handling_new (const MamoriHandlingRestriction *r,
              const char                      *param)
{
  MamoriHandling *h = g_new0 (MamoriHandling, 1);

  h->restriction = r;
  h->param = g_strstrip (g_strdup (param ? param : ""));
  return h;
}

/* The position of the first ：or : in part, or NULL. */
static const char *
find_colon (const char *part,
            gsize      *width)
{
  const char *ascii = strchr (part, ':');
  const char *wide = strstr (part, "：");

  if (wide != NULL && (ascii == NULL || wide < ascii))
    return *width = strlen ("："), wide;
  *width = 1;
  return ascii;
}

static MamoriHandling *
parse_part (const char  *part,
            GError     **error)
{
  gsize width = 0;
  const char *colon = find_colon (part, &width);
  g_autofree char *name = colon ? g_strndup (part, (gsize) (colon - part)) : g_strdup (part);
  g_autofree char *param = g_strstrip (g_strdup (colon ? colon + width : ""));
  const MamoriHandlingRestriction *r = mamori_handling_find (name);

  if (r == NULL && colon == NULL)
    {
      /* 「経理部限り」: the seed's form with the parameter in front. */
      g_autofree char *t = g_utf8_normalize (part, -1, G_NORMALIZE_NFKC);
      g_strstrip (t);
      for (guint i = 0; r == NULL && i < G_N_ELEMENTS (suffix_forms); i++)
        if (g_str_has_suffix (t, suffix_forms[i].suffix) && strlen (t) > strlen (suffix_forms[i].suffix))
          {
            r = by_key (suffix_forms[i].key);
            g_free (param);
            param = g_strstrip (g_strndup (t, strlen (t) - strlen (suffix_forms[i].suffix)));
          }
    }
  if (r == NULL)
    {
      g_set_error (error, MAMORI_CLASSIFICATION_ERROR, 0,
                   _("“%s” is not a handling restriction Mamori knows; use one of the catalogue’s, such as "
                     "複製禁止 or 配布先限定：経理部 (copy-prohibited, readers-only:Accounting)"), part);
      return NULL;
    }
  if (r->param == MAMORI_HANDLING_PARAM_NONE && *param != '\0')
    {
      g_set_error (error, MAMORI_CLASSIFICATION_ERROR, 0, _("“%s”: %s takes nothing after the colon"), part, r->ja);
      return NULL;
    }
  if (r->param != MAMORI_HANDLING_PARAM_NONE && *param == '\0')
    {
      g_set_error (error, MAMORI_CLASSIFICATION_ERROR, 0, _("“%s”: %s needs %s after a colon, as in %s：…"), part, r->ja,
                   mamori_handling_param_label (r->param), r->ja);
      return NULL;
    }
  return handling_new (r, param);
}

GPtrArray *
mamori_handling_parse (const char  *text,
                       GError     **error)
{
  g_autoptr(GPtrArray) out = g_ptr_array_new_with_free_func ((GDestroyNotify) mamori_handling_free);
  g_autofree char *t = g_strdup (text ? text : "");
  g_auto(GStrv) parts = NULL;
  char *p;

  /* A full-width semicolon separates as well. */
  while ((p = strstr (t, "；")) != NULL)
    {
      *p = ';';
      memmove (p + 1, p + strlen ("；"), strlen (p + strlen ("；")) + 1);
    }
  parts = g_strsplit (t, ";", -1);
  for (guint i = 0; parts[i]; i++)
    {
      MamoriHandling *h;
      g_strstrip (parts[i]);
      if (*parts[i] == '\0')
        continue;
      if ((h = parse_part (parts[i], error)) == NULL)
        return NULL;
      for (guint j = 0; j < out->len; j++)
        if (((MamoriHandling *) out->pdata[j])->restriction == h->restriction &&
            h->restriction->param == MAMORI_HANDLING_PARAM_NONE)
          {
            g_set_error (error, MAMORI_CLASSIFICATION_ERROR, 0, _("“%s” is given twice"), parts[i]);
            mamori_handling_free (h);
            return NULL;
          }
      g_ptr_array_add (out, h);
    }
  return g_steal_pointer (&out);
}

char *
mamori_handling_format (GPtrArray           *list,
                        MamoriHandlingStyle  style,
                        const char          *separator)
{
  GString *out = g_string_new (NULL);

  for (guint i = 0; list && i < list->len; i++)
    {
      const MamoriHandling *h = list->pdata[i];
      const MamoriHandlingRestriction *r = h->restriction;

      if (i > 0)
        g_string_append (out, separator ? separator : ";");
      switch (style)
        {
        case MAMORI_HANDLING_STYLE_JA: g_string_append (out, r->ja); break;
        case MAMORI_HANDLING_STYLE_KEYS: g_string_append (out, r->key); break;
        case MAMORI_HANDLING_STYLE_DISPLAY:
        default: g_string_append (out, _(r->en)); break;
        }
      if (r->param != MAMORI_HANDLING_PARAM_NONE)
        g_string_append_printf (out, "%s%s", style == MAMORI_HANDLING_STYLE_JA ? "：" :
                                             style == MAMORI_HANDLING_STYLE_KEYS ? ":" : C_("handling parameter", ": "),
                                h->param);
    }
  return g_string_free (out, FALSE);
}

char *
mamori_handling_normalise (const char  *text,
                           GError     **error)
{
  g_autoptr(GPtrArray) list = mamori_handling_parse (text, error);

  return list ? mamori_handling_format (list, MAMORI_HANDLING_STYLE_JA, ";") : NULL;
}

char *
mamori_handling_to_lang (const char *stored,
                         const char *lang)
{
  g_autoptr(GPtrArray) list = mamori_handling_parse (stored, NULL);

  if (list == NULL)
    return g_strdup (stored ? stored : "");
  if (lang == NULL)
    return mamori_handling_format (list, MAMORI_HANDLING_STYLE_DISPLAY, ";");
  return mamori_handling_format (list, g_str_equal (lang, "ja") ? MAMORI_HANDLING_STYLE_JA : MAMORI_HANDLING_STYLE_KEYS, ";");
}

/* --- levels ------------------------------------------------------------------------------------ */

static const struct {
  const char *ja;
  const char *en;
  const char *letter;
} axes[] = {
  { "機密性", "Confidentiality", "c" },
  { "完全性", "Integrity", "i" },
  { "可用性", "Availability", "a" },
};

static const char *
axis_shown (MamoriClassAxis axis)
{
  switch (axis)
    {
    case MAMORI_CLASS_AXIS_CONFIDENTIALITY: return _("confidentiality");
    case MAMORI_CLASS_AXIS_INTEGRITY: return _("integrity");
    case MAMORI_CLASS_AXIS_AVAILABILITY:
    default: return _("availability");
    }
}

gboolean
mamori_classification_validate (int      c,
                                int      i,
                                int      a,
                                GError **error)
{
  const int levels[] = { c, i, a };

  for (guint x = 0; x < G_N_ELEMENTS (levels); x++)
    if (levels[x] < 0 || levels[x] > mamori_class_axis_max (x))
      {
        g_set_error (error, MAMORI_CLASSIFICATION_ERROR, 0,
                     _("The %s classification %d is not a level: use 1 to %d, or 0 when it is not classified."),
                     axis_shown (x), levels[x], mamori_class_axis_max (x));
        return FALSE;
      }
  return TRUE;
}

gboolean
mamori_classification_parse_level (MamoriClassAxis   axis,
                                   const char       *text,
                                   int              *out,
                                   char            **reason)
{
  g_autofree char *t = mamori_csv_match_key (text);
  const char *p = t;
  g_autofree char *ja = mamori_csv_match_key (axes[axis].ja);
  g_autofree char *en = mamori_csv_match_key (axes[axis].en);

  *reason = NULL;
  if (g_str_has_prefix (p, ja))
    p += strlen (ja);
  else if (g_str_has_prefix (p, en))
    p += strlen (en);
  else if (g_str_has_prefix (p, axes[axis].letter))
    p += 1;
  if (*p == '\0' && p == t)
    return *out = 0, TRUE;
  if (g_ascii_isdigit (p[0]) && (p[1] == '\0' || g_str_equal (p + 1, "情報")) &&
      p[0] - '0' <= mamori_class_axis_max (axis))
    return *out = p[0] - '0', TRUE;
  *reason = g_strdup_printf (_("needs a %s level 1 to %d, or 0 or empty when it is not classified"), axis_shown (axis),
                             mamori_class_axis_max (axis));
  return FALSE;
}

MamoriClassTerms
mamori_classification_terms (int c,
                             int i,
                             int a)
{
  MamoriClassTerms t = 0;

  if (c >= 2)
    t |= MAMORI_CLASS_TERM_CONFIDENTIAL;
  if (i >= 2)
    t |= MAMORI_CLASS_TERM_INTEGRITY;
  if (a >= 2)
    t |= MAMORI_CLASS_TERM_AVAILABILITY;
  if (t != 0)
    t |= MAMORI_CLASS_TERM_PROTECTION;
  return t;
}

const char *
mamori_classification_term_label (MamoriClassTerms term,
                                  const char      *lang)
{
  static const struct {
    MamoriClassTerms term;
    const char *ja;
    const char *en;
  } terms[] = {
    { MAMORI_CLASS_TERM_CONFIDENTIAL, "要機密情報", N_("Needs confidentiality") },
    { MAMORI_CLASS_TERM_INTEGRITY, "要保全情報", N_("Needs integrity") },
    { MAMORI_CLASS_TERM_AVAILABILITY, "要安定情報", N_("Needs availability") },
    { MAMORI_CLASS_TERM_PROTECTION, "要保護情報", N_("Needs protection") },
  };

  for (guint i = 0; i < G_N_ELEMENTS (terms); i++)
    if (terms[i].term == term)
      return lang == NULL ? _(terms[i].en) : g_str_equal (lang, "ja") ? terms[i].ja : terms[i].en;
  return "";
}

char *
mamori_classification_label (int         c,
                             int         i,
                             int         a,
                             const char *handling,
                             const char *lang)
{
  const int levels[] = { c, i, a };
  GString *out = g_string_new (NULL);
  g_autoptr(GPtrArray) list = mamori_handling_parse (handling, NULL);

  for (guint x = 0; x < G_N_ELEMENTS (levels); x++)
    {
      if (levels[x] <= 0)
        continue;
      if (out->len > 0)
        g_string_append (out, " / ");
      if (lang == NULL)
        {
          /* TRANSLATORS: a classification level in the ledger's short label (C3 = 機密性3) */
          if (x == 0)
            g_string_append_printf (out, C_("classification", "C%d"), levels[x]);
          else if (x == 1)
            g_string_append_printf (out, C_("classification", "I%d"), levels[x]);
          else
            g_string_append_printf (out, C_("classification", "A%d"), levels[x]);
        }
      else if (g_str_equal (lang, "ja"))
        g_string_append_printf (out, "%s%d", axes[x].ja, levels[x]);
      else
        g_string_append_printf (out, "%s %d", axes[x].en, levels[x]);
    }
  if (list == NULL && handling != NULL && *handling != '\0')
    g_string_append_printf (out, "%s%s", out->len ? " / " : "", handling);   /* shown as it is */
  for (guint k = 0; list && k < list->len; k++)
    {
      const MamoriHandling *h = list->pdata[k];
      const MamoriHandlingRestriction *r = h->restriction;
      gboolean ja = lang != NULL && g_str_equal (lang, "ja");

      if (out->len > 0)
        g_string_append (out, " / ");
      g_string_append (out, ja ? r->ja : lang == NULL ? _(r->en) : r->en);
      if (r->param != MAMORI_HANDLING_PARAM_NONE)
        g_string_append_printf (out, "%s%s", ja ? "：" : lang == NULL ? C_("handling parameter", ": ") : ": ", h->param);
    }
  return g_string_free (out, FALSE);
}

gboolean
mamori_classification_label_parse (const char  *label,
                                   int         *c,
                                   int         *i,
                                   int         *a,
                                   char       **handling)
{
  g_auto(GStrv) parts = g_strsplit (label ? label : "", " / ", -1);
  g_autoptr(GString) rest = g_string_new (NULL);
  int levels[3] = { 0, 0, 0 };
  g_autofree char *stored = NULL;

  for (guint k = 0; parts[k]; k++)
    {
      gboolean level = FALSE;
      g_strstrip (parts[k]);
      if (*parts[k] == '\0')
        continue;
      for (guint x = 0; x < G_N_ELEMENTS (axes) && !level && rest->len == 0; x++)
        {
          g_autofree char *n = mamori_csv_match_key (parts[k]);
          g_autofree char *ja = mamori_csv_match_key (axes[x].ja);
          g_autofree char *en = mamori_csv_match_key (axes[x].en);
          g_autofree char *reason = NULL;
          if ((g_str_has_prefix (n, ja) || g_str_has_prefix (n, en)) &&
              mamori_classification_parse_level (x, parts[k], &levels[x], &reason) && levels[x] > 0)
            level = TRUE;
        }
      if (!level)
        g_string_append_printf (rest, "%s%s", rest->len ? ";" : "", parts[k]);
    }
  stored = mamori_handling_normalise (rest->str, NULL);
  if (stored == NULL)
    return FALSE;
  *c = levels[0];
  *i = levels[1];
  *a = levels[2];
  *handling = g_steal_pointer (&stored);
  return TRUE;
}

/* --- schemes for documents ----------------------------------------------------------------------- */

MamoriClassScheme
mamori_class_scheme_from_key (const char *key)
{
  return g_strcmp0 (key, "government") == 0 ? MAMORI_CLASS_SCHEME_GOVERNMENT : MAMORI_CLASS_SCHEME_SIMPLE;
}

const char *
mamori_class_scheme_key (MamoriClassScheme scheme)
{
  return scheme == MAMORI_CLASS_SCHEME_GOVERNMENT ? "government" : "simple";
}

static const struct {
  const char *ja;
  const char *en;
} simple_levels[MAMORI_CLASS_SIMPLE_N] = {
  { "社外秘", NC_("classification", "Internal") },
  { "部外秘", NC_("classification", "Department only") },
  { "公開", NC_("classification", "Public") },
};

const char *
mamori_class_simple_label (guint       level,
                           const char *lang)
{
  g_return_val_if_fail (level < MAMORI_CLASS_SIMPLE_N, "");
  if (lang == NULL)
    return g_dpgettext2 (GETTEXT_PACKAGE, "classification", simple_levels[level].en);
  return g_str_equal (lang, "en") ? simple_levels[level].en : simple_levels[level].ja;
}

int
mamori_class_simple_find (const char *label)
{
  g_autofree char *t = mamori_csv_match_key (label);

  for (guint i = 0; i < MAMORI_CLASS_SIMPLE_N; i++)
    {
      g_autofree char *ja = mamori_csv_match_key (simple_levels[i].ja);
      g_autofree char *en = mamori_csv_match_key (simple_levels[i].en);
      if (g_str_equal (t, ja) || g_str_equal (t, en))
        return (int) i;
    }
  return -1;
}

const char *
mamori_document_classification_text (const char *stored,
                                     const char *lang)
{
  if (stored != NULL && *stored != '\0')
    return stored;
  return mamori_class_simple_label (0, g_strcmp0 (lang, "en") == 0 ? "en" : "ja");
}
