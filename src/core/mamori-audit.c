/* mamori-audit.c — which procedures an internal audit covers, its techniques and results */
#include "config.h"

#include <string.h>

#include "mamori-audit.h"

gboolean
mamori_audit_checklist_is_auditable (const char *checklist_id)
{
  return g_strcmp0 (checklist_id, "tech-info-mandatory") == 0 || g_strcmp0 (checklist_id, "tech-info-criteria") == 0;
}

const MamoriNode *
mamori_audit_chapter_of (const MamoriNode *node)
{
  const MamoriNode *n = node;

  if (node == NULL)
    return NULL;
  while (n->parent != NULL)
    n = n->parent;
  return n == node && node->assessable ? NULL : n;
}

const MamoriNode *
mamori_audit_section_of (const MamoriNode *node)
{
  const MamoriNode *chapter = mamori_audit_chapter_of (node);

  if (chapter == NULL || node == chapter)
    return NULL;
  for (const MamoriNode *n = node; n != NULL; n = n->parent)
    if (n->parent == chapter)
      return n != node && !n->assessable ? n : NULL;
  return NULL;
}

gboolean
mamori_audit_in_audit (const char       *chapter,
                       const MamoriNode *node)
{
  const MamoriNode *c;

  if (chapter == NULL || *chapter == '\0')
    return TRUE;
  c = mamori_audit_chapter_of (node);
  return c != NULL && g_strcmp0 (c->ref_id, chapter) == 0;
}

const MamoriNode *
mamori_audit_find_chapter (const MamoriChecklist *checklist,
                           const char            *chapter)
{
  if (chapter == NULL || *chapter == '\0')
    return NULL;
  for (guint i = 0; i < checklist->groups->len; i++)
    {
      const MamoriNode *g = checklist->groups->pdata[i];
      if (g->parent == NULL && g_strcmp0 (g->ref_id, chapter) == 0)
        return g;
    }
  return NULL;
}

/* The storing order: as the audit-record example reads (review first). */
static const MamoriMethod order[] = { MAMORI_METHOD_REVIEW, MAMORI_METHOD_OBSERVATION, MAMORI_METHOD_INTERVIEW };

guint
mamori_audit_techniques_parse (const char *text)
{
  g_auto(GStrv) words = g_strsplit (text ? text : "", ",", -1);
  guint out = 0;

  for (guint i = 0; words[i] != NULL; i++)
    {
      g_strstrip (words[i]);
      for (guint k = 0; k < G_N_ELEMENTS (order); k++)
        if (g_strcmp0 (words[i], mamori_method_key (order[k])) == 0)
          out |= order[k];
    }
  return out;
}

char *
mamori_audit_techniques_format (guint techniques)
{
  GString *s = g_string_new (NULL);

  for (guint k = 0; k < G_N_ELEMENTS (order); k++)
    if (techniques & order[k])
      g_string_append_printf (s, "%s%s", s->len ? "," : "", mamori_method_key (order[k]));
  return g_string_free (s, FALSE);
}

guint
mamori_audit_default_techniques (const MamoriNode *node)
{
  guint m = node ? mamori_node_get_methods (node) : 0;

  return m != 0 ? m : MAMORI_METHOD_REVIEW;
}

const char *
mamori_audit_technique_label (MamoriMethod method,
                              const char  *lang)
{
  gboolean en = g_strcmp0 (lang, "en") == 0;

  switch (method)
    {
    case MAMORI_METHOD_REVIEW:
      return en ? "Review" : "閲覧";
    case MAMORI_METHOD_OBSERVATION:
      return en ? "Observation" : "観察";
    case MAMORI_METHOD_INTERVIEW:
      return en ? "Interview" : "質問";
    default:
      return "";
    }
}

char *
mamori_audit_techniques_text (guint       techniques,
                              const char *lang)
{
  GString *s = g_string_new (NULL);
  gboolean en = g_strcmp0 (lang, "en") == 0;

  for (guint k = 0; k < G_N_ELEMENTS (order); k++)
    if (techniques & order[k])
      {
        const char *label = mamori_audit_technique_label (order[k], lang);
        if (s->len)
          g_string_append (s, en ? ", " : "、");
        /* In a sentence after the first word, English names go lower case. */
        if (en && s->len)
          {
            g_autofree char *lower = g_ascii_strdown (label, -1);
            g_string_append (s, lower);
          }
        else
          g_string_append (s, label);
      }
  return g_string_free (s, FALSE);
}

/* The best applicable score of item's scale. */
static double
best_score (const MamoriChecklist *checklist,
            const MamoriNode      *item)
{
  GPtrArray *scale = mamori_checklist_choices (checklist, item);
  double best = -G_MAXDOUBLE;

  for (guint i = 0; i < scale->len; i++)
    {
      const MamoriChoice *c = scale->pdata[i];
      if (!c->not_applicable)
        best = MAX (best, c->score);
    }
  return best;
}

gboolean
mamori_audit_uses_level (const MamoriChecklist *checklist,
                         const MamoriNode      *item)
{
  int target = mamori_node_get_target_level (item);

  return target > 0 && best_score (checklist, item) >= target;
}

MamoriAuditResult
mamori_audit_result (const MamoriChecklist *checklist,
                     const MamoriNode      *item,
                     int                    choice)
{
  GPtrArray *scale = mamori_checklist_choices (checklist, item);
  const MamoriChoice *c;

  if (choice < 0 || (guint) choice >= scale->len)
    return MAMORI_AUDIT_NOT_ANSWERED;
  c = scale->pdata[choice];
  if (c->not_applicable)
    return MAMORI_AUDIT_NOT_APPLICABLE;
  if (mamori_audit_uses_level (checklist, item))
    return c->score >= mamori_node_get_target_level (item) ? MAMORI_AUDIT_MET : MAMORI_AUDIT_NOT_MET;
  return c->score >= best_score (checklist, item) ? MAMORI_AUDIT_MET : MAMORI_AUDIT_NOT_MET;
}

GPtrArray *
mamori_audit_tally (const MamoriChecklist *checklist,
                    const char            *chapter,
                    int                  (*choice_of) (const MamoriNode *item,
                                                       gpointer          data),
                    gpointer               data)
{
  GPtrArray *out = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GHashTable) by_node = g_hash_table_new (NULL, NULL);

  /* Chapters and sections in file order. */
  for (guint i = 0; i < checklist->nodes->len; i++)
    {
      const MamoriNode *n = checklist->nodes->pdata[i];
      MamoriAuditTally *t;
      if (n->assessable || !mamori_audit_in_audit (chapter, n))
        continue;
      if (n->parent != NULL && (n->parent->parent != NULL || n->parent->assessable))
        continue;
      t = g_new0 (MamoriAuditTally, 1);
      t->node = n;
      t->section = n->parent != NULL;
      g_ptr_array_add (out, t);
      g_hash_table_insert (by_node, (gpointer) n, t);
    }
  for (guint i = 0; i < checklist->items->len; i++)
    {
      const MamoriNode *item = checklist->items->pdata[i];
      MamoriAuditResult r;
      MamoriAuditTally *t;
      if (!mamori_audit_in_audit (chapter, item))
        continue;
      r = mamori_audit_result (checklist, item, choice_of (item, data));
      if ((t = g_hash_table_lookup (by_node, mamori_audit_chapter_of (item))) != NULL)
        t->counts[r]++;
      if ((t = g_hash_table_lookup (by_node, mamori_audit_section_of (item))) != NULL)
        t->counts[r]++;
    }
  return out;
}

const char *
mamori_audit_independence_check (guint       i,
                                 const char *lang)
{
  static const char *ja[MAMORI_AUDIT_N_INDEPENDENCE] = {
    "監査する業務にも、その管理策の設計にも関わっていない",
    "監査される部門から贈り物や便宜を受けていない",
    "監査される部門に報告する立場にない",
    "必要な情報や記録を見られる",
    "指摘や助言を遠慮なく伝えられる",
    "この1年、監査される部門に所属していない",
  };
  static const char *en[MAMORI_AUDIT_N_INDEPENDENCE] = {
    "Took no part in the audited work or in designing its controls",
    "Received no gifts or favours from the audited unit",
    "Does not report to the audited unit",
    "Can see the information and records needed",
    "Can raise findings and advice freely",
    "Has not belonged to the audited unit in the past year",
  };

  g_return_val_if_fail (i < MAMORI_AUDIT_N_INDEPENDENCE, "");
  return g_strcmp0 (lang, "en") == 0 ? en[i] : ja[i];
}
