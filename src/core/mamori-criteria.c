/* mamori-criteria.c — an assessment answered by level: met / not met against the target level,
 * counts per chapter and section, lacking rules and records, the Silver and Gold tiers. */
#include "config.h"

#include "mamori-criteria.h"

#include <string.h>

static void
lack_free (MamoriCriteriaLack *lack)
{
  g_free (lack->name);
  g_ptr_array_unref (lack->refs);
  g_free (lack);
}

void
mamori_criteria_free (MamoriCriteria *c)
{
  if (c == NULL)
    return;
  g_free (c->results);
  g_ptr_array_unref (c->chapters);
  g_ptr_array_unref (c->sections);
  g_ptr_array_unref (c->lacking);
  g_ptr_array_unref (c->silver_missing);
  g_ptr_array_unref (c->gold_missing);
  g_free (c);
}

gboolean
mamori_criteria_applies (const MamoriChecklist *checklist)
{
  for (guint i = 0; i < checklist->items->len; i++)
    if (mamori_node_get_target_level (checklist->items->pdata[i]) > 0)
      return TRUE;
  return FALSE;
}

static MamoriCriteriaGroup *
group_for (GPtrArray        *groups,
           GHashTable       *index,
           const MamoriNode *node)
{
  MamoriCriteriaGroup *g = g_hash_table_lookup (index, node);

  if (g == NULL)
    {
      g = g_new0 (MamoriCriteriaGroup, 1);
      g->node = node;
      g_ptr_array_add (groups, g);
      g_hash_table_insert (index, (gpointer) node, g);
    }
  return g;
}

static void
count (MamoriCriteriaGroup         *g,
       const MamoriCriterionResult *r)
{
  if (g == NULL)
    return;
  g->n[r->state]++;
  g->gap_levels += (guint) r->gap;
  if (r->reached >= 0)
    g->by_level[MIN (r->reached, MAMORI_TARGET_LEVEL_MAX)]++;
}

static void
add_lacks (GHashTable         *lacks,
           GPtrArray          *order,
           GHashTable         *fulfilled,
           const char * const *names,
           gboolean            is_rule,
           const char         *ref)
{
  for (guint k = 0; names[k] != NULL; k++)
    {
      g_autofree char *key = g_strdup_printf ("%c%s", is_rule ? 'r' : 'c', names[k]);
      MamoriCriteriaLack *lack;

      if (g_hash_table_contains (fulfilled, names[k]))
        continue;
      lack = g_hash_table_lookup (lacks, key);
      if (lack == NULL)
        {
          lack = g_new0 (MamoriCriteriaLack, 1);
          lack->name = g_strdup (names[k]);
          lack->is_rule = is_rule;
          lack->refs = g_ptr_array_new_with_free_func (g_free);
          g_hash_table_insert (lacks, g_steal_pointer (&key), lack);
          g_ptr_array_add (order, lack);
        }
      if (lack->refs->len == 0 || g_strcmp0 (g_ptr_array_index (lack->refs, lack->refs->len - 1), ref) != 0)
        g_ptr_array_add (lack->refs, g_strdup (ref));
    }
}

static int
compare_lacks (gconstpointer a,
               gconstpointer b)
{
  const MamoriCriteriaLack *x = *(MamoriCriteriaLack * const *) a;
  const MamoriCriteriaLack *y = *(MamoriCriteriaLack * const *) b;

  if (x->is_rule != y->is_rule)
    return x->is_rule ? -1 : 1;
  if (x->refs->len != y->refs->len)
    return x->refs->len > y->refs->len ? -1 : 1;
  return strcmp (x->name, y->name);
}

MamoriCriteria *
mamori_criteria_compute (const MamoriChecklist *checklist,
                         const int             *choice_index,
                         const MamoriScope     *scope,
                         const char * const    *fulfilled)
{
  MamoriCriteria *c = g_new0 (MamoriCriteria, 1);
  g_autoptr(GHashTable) chapters = g_hash_table_new (NULL, NULL);
  g_autoptr(GHashTable) sections = g_hash_table_new (NULL, NULL);
  g_autoptr(GHashTable) lacks = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_autoptr(GHashTable) have = g_hash_table_new (g_str_hash, g_str_equal);

  c->n_items = checklist->items->len;
  c->results = g_new0 (MamoriCriterionResult, MAX (c->n_items, 1));
  c->chapters = g_ptr_array_new_with_free_func (g_free);
  c->sections = g_ptr_array_new_with_free_func (g_free);
  c->lacking = g_ptr_array_new_with_free_func ((GDestroyNotify) lack_free);
  c->silver_missing = g_ptr_array_new ();
  c->gold_missing = g_ptr_array_new ();
  for (guint k = 0; fulfilled != NULL && fulfilled[k] != NULL; k++)
    if (*fulfilled[k] != '\0')
      g_hash_table_add (have, (gpointer) fulfilled[k]);

  for (guint i = 0; i < c->n_items; i++)
    {
      const MamoriNode *item = checklist->items->pdata[i];
      MamoriCriterionResult *r = &c->results[i];
      GPtrArray *choices = mamori_checklist_choices (checklist, item);
      int choice = choice_index ? choice_index[i] : -1;
      const MamoriNode *chapter = item, *section = NULL;

      r->item = item;
      r->target = MAX (mamori_node_get_target_level (item), 1);
      r->reached = -1;
      if (!mamori_scope_includes (scope, item))
        r->state = MAMORI_CRITERION_OUT_OF_SCOPE;
      else if (choice < 0 || (guint) choice >= choices->len)
        r->state = MAMORI_CRITERION_NOT_ANSWERED;
      else if (((MamoriChoice *) choices->pdata[choice])->not_applicable)
        r->state = MAMORI_CRITERION_NOT_APPLICABLE;
      else
        {
          double score = ((MamoriChoice *) choices->pdata[choice])->score;
          r->reached = score <= 0 ? 0 : (int) score;
          r->state = r->reached >= r->target ? MAMORI_CRITERION_MET : MAMORI_CRITERION_NOT_MET;
          r->gap = r->state == MAMORI_CRITERION_NOT_MET ? r->target - r->reached : 0;
        }

      while (chapter->parent != NULL)
        chapter = chapter->parent;
      if (item->parent != NULL && item->parent != chapter && !item->parent->assessable)
        section = item->parent;
      c->n[r->state]++;
      c->gap_levels += (guint) r->gap;
      if (chapter != item)
        count (group_for (c->chapters, chapters, chapter), r);
      if (section != NULL)
        count (group_for (c->sections, sections, section), r);

      if (r->state == MAMORI_CRITERION_NOT_MET || r->state == MAMORI_CRITERION_NOT_ANSWERED)
        {
          if (!mamori_node_is_optional (item))
            g_ptr_array_add (c->silver_missing, (gpointer) item);
          g_ptr_array_add (c->gold_missing, (gpointer) item);
        }
      if (r->state != MAMORI_CRITERION_OUT_OF_SCOPE && r->state != MAMORI_CRITERION_NOT_APPLICABLE)
        {
          add_lacks (lacks, c->lacking, have, mamori_node_get_evidence_rules (item), TRUE, item->ref_id);
          add_lacks (lacks, c->lacking, have, mamori_node_get_evidence_records (item), FALSE, item->ref_id);
        }
    }
  g_ptr_array_sort (c->lacking, compare_lacks);
  c->silver = c->silver_missing->len == 0;
  c->gold = c->silver && c->gold_missing->len == 0;
  return c;
}

const MamoriCriterionResult *
mamori_criteria_find (const MamoriCriteria *c,
                      const char           *ref_id)
{
  for (guint i = 0; i < c->n_items; i++)
    if (g_strcmp0 (c->results[i].item->ref_id, ref_id) == 0)
      return &c->results[i];
  return NULL;
}

const MamoriCriteriaGroup *
mamori_criteria_group (const MamoriCriteria *c,
                       const MamoriNode     *node)
{
  for (guint i = 0; i < c->chapters->len; i++)
    if (((MamoriCriteriaGroup *) c->chapters->pdata[i])->node == node)
      return c->chapters->pdata[i];
  for (guint i = 0; i < c->sections->len; i++)
    if (((MamoriCriteriaGroup *) c->sections->pdata[i])->node == node)
      return c->sections->pdata[i];
  return NULL;
}
