/* mamori-checklist.c — reads checklist libraries in the CISO Assistant framework format
 * (the subset described in shared/domain/ciso-assistant-library-format.md) with libyaml,
 * and scores answers.
 *
 * A broken file is rejected whole, with “FILE:LINE: problem”. Constructs Mamori does not
 * use are collected in checklist->warnings so that an import can list them. */
#include "config.h"

#include <glib/gi18n.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>
#include <yaml.h>

#include "mamori-checklist.h"
#include "mamori-csv.h"
#include "mamori-yaml.h"

G_DEFINE_QUARK (mamori-checklist-error-quark, mamori_checklist_error)

struct _MamoriText {
  GHashTable *by_lang;   /* lang → text */
  char *first_lang;
};

static MamoriText *
text_new (void)
{
  MamoriText *t = g_new0 (MamoriText, 1);
  t->by_lang = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  return t;
}

static void
text_free (MamoriText *t)
{
  if (t == NULL)
    return;
  g_hash_table_unref (t->by_lang);
  g_free (t->first_lang);
  g_free (t);
}

static void
text_set (MamoriText *t,
          const char *lang,
          const char *value)
{
  if (t->first_lang == NULL)
    t->first_lang = g_strdup (lang);
  g_hash_table_replace (t->by_lang, g_strdup (lang), g_strdup (value));
}

const char *
mamori_text_get (const MamoriText *text,
                 const char       *lang)
{
  const char *v;

  if (text == NULL)
    return NULL;
  if (lang != NULL && (v = g_hash_table_lookup (text->by_lang, lang)) != NULL)
    return v;
  if ((v = g_hash_table_lookup (text->by_lang, "en")) != NULL)
    return v;
  return text->first_lang ? g_hash_table_lookup (text->by_lang, text->first_lang) : NULL;
}

const char *
mamori_text_user_lang (void)
{
  const char * const *names = g_get_language_names ();
  return names[0] != NULL && g_str_has_prefix (names[0], "ja") ? "ja" : "en";
}

static void
choice_free (MamoriChoice *c)
{
  text_free (c->name);
  text_free (c->description);
  g_free (c);
}

static void
band_free (MamoriBand *b)
{
  text_free (b->description);
  g_free (b);
}

static void
node_free (MamoriNode *n)
{
  g_free (n->urn);
  g_free (n->ref_id);
  g_free (n->parent_urn);
  g_free (n->source);
  text_free (n->name);
  text_free (n->description);
  text_free (n->annotation);
  text_free (n->typical_evidence);
  g_clear_pointer (&n->choices, g_ptr_array_unref);
  g_free (n);
}

void
mamori_checklist_free (MamoriChecklist *cl)
{
  if (cl == NULL)
    return;
  g_free (cl->id);
  g_free (cl->urn);
  g_free (cl->locale);
  g_free (cl->filename);
  text_free (cl->name);
  text_free (cl->description);
  text_free (cl->copyright);
  g_free (cl->subject_kind);
  g_clear_pointer (&cl->scale, g_ptr_array_unref);
  g_clear_pointer (&cl->bands, g_ptr_array_unref);
  g_clear_pointer (&cl->items, g_ptr_array_unref);
  g_clear_pointer (&cl->groups, g_ptr_array_unref);
  g_clear_pointer (&cl->nodes, g_ptr_array_unref);
  g_clear_pointer (&cl->warnings, g_ptr_array_unref);
  g_free (cl);
}

/* --- YAML helpers --------------------------------------------------------------------------- */

typedef struct {
  yaml_document_t *doc;
  const char *filename;
  GHashTable *unsupported; /* construct → count */
  GPtrArray *unsupported_order;
  GPtrArray *shown;        /* char*: excerpts made for messages */
} Ctx;

#define MAX_WARNINGS 50

/* A value of the file as a message shows it: cut after MAMORI_TEXT_EXCERPT_CHARS characters. */
static const char *
shown (Ctx        *ctx,
       const char *value)
{
  char *excerpt = mamori_text_excerpt (value);

  g_ptr_array_add (ctx->shown, excerpt);
  return excerpt;
}

static int
line_of (yaml_node_t *node)
{
  return mamori_yaml_line (node);
}

static void
fail (Ctx          *ctx,
      GError      **error,
      int           code,
      yaml_node_t  *at,
      const char   *format,
      ...) G_GNUC_PRINTF (5, 6);

static void
fail (Ctx          *ctx,
      GError      **error,
      int           code,
      yaml_node_t  *at,
      const char   *format,
      ...)
{
  g_autofree char *msg = NULL;
  va_list args;

  va_start (args, format);
  msg = g_strdup_vprintf (format, args);
  va_end (args);
  g_set_error (error, MAMORI_CHECKLIST_ERROR, code, "%s:%d: %s", ctx->filename, line_of (at), msg);
}

static yaml_node_t *
map_get (Ctx         *ctx,
         yaml_node_t *map,
         const char  *key)
{
  return mamori_yaml_get (ctx->doc, map, key);
}

static const char *
scalar (yaml_node_t *node)
{
  return mamori_yaml_scalar (node);
}

static const char *
map_scalar (Ctx         *ctx,
            yaml_node_t *map,
            const char  *key)
{
  return scalar (map_get (ctx, map, key));
}

static gboolean
require_scalar (Ctx          *ctx,
                yaml_node_t  *map,
                const char   *key,
                const char   *what,
                const char  **out,
                GError      **error)
{
  yaml_node_t *v = map_get (ctx, map, key);

  if (v == NULL)
    {
      fail (ctx, error, MAMORI_CHECKLIST_ERROR_MISSING_KEY, map, _("%s has no “%s”."), what, key);
      return FALSE;
    }
  if (scalar (v) == NULL || *scalar (v) == '\0')
    {
      fail (ctx, error, MAMORI_CHECKLIST_ERROR_SYNTAX, v, _("“%s” of %s must be a single value."), key, what);
      return FALSE;
    }
  *out = scalar (v);
  return TRUE;
}

static gboolean
parse_number (const char *s,
              double     *out)
{
  char *end = NULL;
  double v;

  if (s == NULL || *s == '\0')
    return FALSE;
  v = g_ascii_strtod (s, &end);
  if (end == NULL || *end != '\0' || !isfinite (v))
    return FALSE;
  *out = v;
  return TRUE;
}

static void
note_unsupported (Ctx        *ctx,
                  const char *construct)
{
  gpointer count = g_hash_table_lookup (ctx->unsupported, construct);
  if (count == NULL)
    g_ptr_array_add (ctx->unsupported_order, g_strdup (construct));
  g_hash_table_replace (ctx->unsupported, g_strdup (construct), GINT_TO_POINTER (GPOINTER_TO_INT (count) + 1));
}

/* Keys a mapping may have; others are noted as unsupported under prefix. */
static void
check_keys (Ctx                *ctx,
            yaml_node_t        *map,
            const char * const *known,
            const char         *prefix)
{
  if (map == NULL || map->type != YAML_MAPPING_NODE)
    return;
  for (yaml_node_pair_t *p = map->data.mapping.pairs.start; p < map->data.mapping.pairs.top; p++)
    {
      const char *k = scalar (yaml_document_get_node (ctx->doc, p->key));
      gboolean ok = FALSE;
      if (k == NULL)
        continue;
      for (guint i = 0; known[i] && !ok; i++)
        ok = strcmp (known[i], k) == 0;
      if (!ok)
        {
          g_autofree char *name = g_strdup_printf ("%s%s", prefix, shown (ctx, k));
          note_unsupported (ctx, name);
        }
    }
}

/* Reads “key” in the file's locale and translations.LANG.key (translation_key may differ,
 * e.g. “value” of a choice). NULL when there is no text at all. */
static MamoriText *
read_text (Ctx         *ctx,
           yaml_node_t *map,
           const char  *key,
           const char  *locale)
{
  MamoriText *t = NULL;
  const char *v = map_scalar (ctx, map, key);
  yaml_node_t *tr = map_get (ctx, map, "translations");

  if (v != NULL)
    {
      t = text_new ();
      text_set (t, locale, v);
    }
  if (tr != NULL && tr->type == YAML_MAPPING_NODE)
    for (yaml_node_pair_t *p = tr->data.mapping.pairs.start; p < tr->data.mapping.pairs.top; p++)
      {
        const char *lang = scalar (yaml_document_get_node (ctx->doc, p->key));
        const char *tv = map_scalar (ctx, yaml_document_get_node (ctx->doc, p->value), key);
        if (lang == NULL || tv == NULL)
          continue;
        if (t == NULL)
          t = text_new ();
        text_set (t, lang, tv);
      }
  return t;
}

/* --- scales ----------------------------------------------------------------------------------- */

static gboolean
check_range (Ctx          *ctx,
             yaml_node_t  *at,
             double        score,
             gboolean      has_range,
             double        min,
             double        max,
             GError      **error)
{
  if (has_range && (score < min || score > max))
    {
      fail (ctx, error, MAMORI_CHECKLIST_ERROR_BAD_CHOICE, at,
            _("The choice’s score %g is outside the scale (%g to %g)."), score, min, max);
      return FALSE;
    }
  return TRUE;
}

static GPtrArray *
parse_scores_definition (Ctx          *ctx,
                         yaml_node_t  *seq,
                         const char   *locale,
                         gboolean      has_range,
                         double        min,
                         double        max,
                         GError      **error)
{
  g_autoptr(GPtrArray) out = g_ptr_array_new_with_free_func ((GDestroyNotify) choice_free);
  static const char * const known[] = { "score", "name", "description", "description_doc",
                                        "translations", "compute_result", NULL };

  if (seq->type != YAML_SEQUENCE_NODE)
    {
      fail (ctx, error, MAMORI_CHECKLIST_ERROR_SYNTAX, seq, _("“scores_definition” must be a list."));
      return NULL;
    }
  for (yaml_node_item_t *it = seq->data.sequence.items.start; it < seq->data.sequence.items.top; it++)
    {
      yaml_node_t *entry = yaml_document_get_node (ctx->doc, *it);
      const char *score = map_scalar (ctx, entry, "score");
      const char *result = map_scalar (ctx, entry, "compute_result");
      MamoriChoice *c = g_new0 (MamoriChoice, 1);

      g_ptr_array_add (out, c);
      check_keys (ctx, entry, known, "scores_definition.");
      c->name = read_text (ctx, entry, "name", locale);
      c->description = read_text (ctx, entry, "description", locale);
      if (c->name == NULL)
        {
          fail (ctx, error, MAMORI_CHECKLIST_ERROR_MISSING_KEY, entry, _("An answer choice has no “name”."));
          return NULL;
        }
      c->not_applicable = g_strcmp0 (result, "not_applicable") == 0;
      if (!c->not_applicable)
        {
          if (!parse_number (score, &c->score))
            {
              fail (ctx, error, score ? MAMORI_CHECKLIST_ERROR_BAD_CHOICE : MAMORI_CHECKLIST_ERROR_MISSING_KEY,
                    entry, _("An answer choice needs a numeric “score”."));
              return NULL;
            }
          if (!check_range (ctx, entry, c->score, has_range, min, max, error))
            return NULL;
        }
    }
  if (out->len == 0)
    {
      fail (ctx, error, MAMORI_CHECKLIST_ERROR_INVALID, seq, _("The answer scale has no choices."));
      return NULL;
    }
  return g_steal_pointer (&out);
}

/* One unique_choice question per node is what Mamori asks; more is listed as unsupported. */
static GPtrArray *
parse_questions (Ctx          *ctx,
                 MamoriNode   *node,
                 yaml_node_t  *questions,
                 const char   *locale,
                 gboolean      has_range,
                 double        min,
                 double        max,
                 GError      **error)
{
  g_autoptr(GPtrArray) out = NULL;
  yaml_node_t *question = NULL, *choices;
  static const char * const known_choice[] = { "urn", "value", "add_score", "compute_result",
                                               "description", "translations", "color", NULL };
  int n = 0;

  if (questions->type != YAML_MAPPING_NODE)
    {
      fail (ctx, error, MAMORI_CHECKLIST_ERROR_SYNTAX, questions, _("“questions” must be a mapping."));
      return NULL;
    }
  for (yaml_node_pair_t *p = questions->data.mapping.pairs.start; p < questions->data.mapping.pairs.top; p++)
    {
      yaml_node_t *q = yaml_document_get_node (ctx->doc, p->value);
      const char *type = map_scalar (ctx, q, "type");
      if (g_strcmp0 (type, "unique_choice") != 0)
        {
          g_autofree char *what = g_strdup_printf ("questions of type %s", type ? shown (ctx, type) : "?");
          note_unsupported (ctx, what);
          continue;
        }
      if (map_get (ctx, q, "depends_on"))
        note_unsupported (ctx, "questions.depends_on");
      if (n++ == 0)
        question = q;
      else
        note_unsupported (ctx, "more than one question per item");
    }
  if (question == NULL)
    return NULL; /* none usable: the node falls back to the scale */

  choices = map_get (ctx, question, "choices");
  if (choices == NULL || choices->type != YAML_SEQUENCE_NODE)
    {
      fail (ctx, error, MAMORI_CHECKLIST_ERROR_MISSING_KEY, question, _("A question has no list of “choices”."));
      return NULL;
    }
  out = g_ptr_array_new_with_free_func ((GDestroyNotify) choice_free);
  for (yaml_node_item_t *it = choices->data.sequence.items.start; it < choices->data.sequence.items.top; it++)
    {
      yaml_node_t *entry = yaml_document_get_node (ctx->doc, *it);
      const char *add = map_scalar (ctx, entry, "add_score");
      MamoriChoice *c = g_new0 (MamoriChoice, 1);

      g_ptr_array_add (out, c);
      check_keys (ctx, entry, known_choice, "choices.");
      if (map_get (ctx, entry, "select_implementation_groups"))
        note_unsupported (ctx, "choices.select_implementation_groups");
      c->name = read_text (ctx, entry, "value", locale);
      c->description = read_text (ctx, entry, "description", locale);
      if (c->name == NULL)
        {
          fail (ctx, error, MAMORI_CHECKLIST_ERROR_MISSING_KEY, entry, _("A choice has no “value”."));
          return NULL;
        }
      c->not_applicable = g_strcmp0 (map_scalar (ctx, entry, "compute_result"), "not_applicable") == 0;
      if (add != NULL && !parse_number (add, &c->score))
        {
          fail (ctx, error, MAMORI_CHECKLIST_ERROR_BAD_CHOICE, entry, _("“add_score” must be a number, not “%s”."), shown (ctx, add));
          return NULL;
        }
      if (!c->not_applicable && !check_range (ctx, entry, c->score, has_range, min, max, error))
        return NULL;
    }
  (void) node;
  return g_steal_pointer (&out);
}

/* --- the document --------------------------------------------------------------------------- */

GPtrArray *
mamori_checklist_default_scale (void)
{
  static const struct { double score; gboolean na; const char *ja, *en, *ev_ja, *ev_en; } d[] = {
    /* The check-sheet scale of seed 003; the evidence prompts in Mamori's words, as in
     * data/catalog/ipa-cloud.yaml. */
    { 2, FALSE, "対策完了", "Complete", "根拠：対応している規程またはシステムの名前と、それを定めた（見直した・入れた）年",
      "Evidence: the rule or system that covers it and the year it was set up, revised or brought in" },
    { 1, FALSE, "対策中", "In progress", "根拠：いまどこまで進んでいるかと、終える見込みの時期",
      "Evidence: how far it has got and when it should be finished" },
    { 0, FALSE, "未実施", "Not done", "根拠：これからどう手を打つかの予定", "Evidence: the plan for putting it right" },
    { 0, TRUE, "該当なし", "Not applicable", "根拠：この項目が自社に当てはまらない理由", "Evidence: why the item does not apply to you" },
  };
  GPtrArray *out = g_ptr_array_new_with_free_func ((GDestroyNotify) choice_free);

  for (guint i = 0; i < G_N_ELEMENTS (d); i++)
    {
      MamoriChoice *c = g_new0 (MamoriChoice, 1);
      c->score = d[i].score;
      c->not_applicable = d[i].na;
      c->name = text_new ();
      text_set (c->name, "ja", d[i].ja);
      text_set (c->name, "en", d[i].en);
      c->description = text_new ();
      text_set (c->description, "ja", d[i].ev_ja);
      text_set (c->description, "en", d[i].ev_en);
      g_ptr_array_add (out, c);
    }
  return out;
}

static const char *
urn_tail (const char *urn)
{
  const char *colon = strrchr (urn, ':');
  return colon ? colon + 1 : urn;
}

static gboolean
parse_nodes (Ctx              *ctx,
             MamoriChecklist  *cl,
             yaml_node_t      *seq,
             gboolean          has_range,
             double            min,
             double            max,
             GError          **error)
{
  g_autoptr(GHashTable) by_urn = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr(GHashTable) by_ref = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr(GHashTable) group_of = g_hash_table_new (NULL, NULL); /* top node → group index + 1 */
  static const char * const known[] = { "urn", "ref_id", "parent_urn", "depth", "assessable", "name",
                                        "description", "annotation", "typical_evidence", "translations",
                                        "questions", "mamori_source", "order_id", NULL };

  if (seq->type != YAML_SEQUENCE_NODE)
    {
      fail (ctx, error, MAMORI_CHECKLIST_ERROR_SYNTAX, seq, _("“requirement_nodes” must be a list."));
      return FALSE;
    }

  for (yaml_node_item_t *it = seq->data.sequence.items.start; it < seq->data.sequence.items.top; it++)
    {
      yaml_node_t *entry = yaml_document_get_node (ctx->doc, *it);
      const char *urn = NULL, *ref_id, *depth, *assessable;
      yaml_node_t *questions;
      MamoriNode *node;

      if (entry->type != YAML_MAPPING_NODE)
        {
          fail (ctx, error, MAMORI_CHECKLIST_ERROR_SYNTAX, entry, _("A requirement node must be a mapping."));
          return FALSE;
        }
      if (!require_scalar (ctx, entry, "urn", _("A requirement node"), &urn, error))
        return FALSE;
      check_keys (ctx, entry, known, "requirement_nodes.");

      node = g_new0 (MamoriNode, 1);
      g_ptr_array_add (cl->nodes, node);
      node->line = line_of (entry);
      node->urn = g_ascii_strdown (urn, -1);
      ref_id = map_scalar (ctx, entry, "ref_id");
      node->ref_id = g_strdup (ref_id ? ref_id : urn_tail (urn));
      node->parent_urn = map_scalar (ctx, entry, "parent_urn") ? g_ascii_strdown (map_scalar (ctx, entry, "parent_urn"), -1) : NULL;
      depth = map_scalar (ctx, entry, "depth");
      node->depth = depth ? atoi (depth) : 1;
      assessable = map_scalar (ctx, entry, "assessable");
      node->assessable = assessable == NULL || g_strcmp0 (assessable, "true") == 0 || g_strcmp0 (assessable, "True") == 0;
      node->name = read_text (ctx, entry, "name", cl->locale);
      node->description = read_text (ctx, entry, "description", cl->locale);
      node->annotation = read_text (ctx, entry, "annotation", cl->locale);
      node->typical_evidence = read_text (ctx, entry, "typical_evidence", cl->locale);
      node->source = g_strdup (map_scalar (ctx, entry, "mamori_source"));
      node->group = -1;

      if (node->name == NULL && node->description == NULL)
        {
          fail (ctx, error, MAMORI_CHECKLIST_ERROR_MISSING_KEY, entry,
                _("The requirement “%s” has neither “name” nor “description”."), shown (ctx, node->ref_id));
          return FALSE;
        }
      if (g_hash_table_contains (by_urn, node->urn))
        {
          fail (ctx, error, MAMORI_CHECKLIST_ERROR_DUPLICATE, entry, _("The urn “%s” appears twice."), shown (ctx, urn));
          return FALSE;
        }
      g_hash_table_insert (by_urn, node->urn, node);
      if (node->assessable)
        {
          if (g_hash_table_contains (by_ref, node->ref_id))
            {
              fail (ctx, error, MAMORI_CHECKLIST_ERROR_DUPLICATE, entry, _("The ref_id “%s” appears twice."), shown (ctx, node->ref_id));
              return FALSE;
            }
          g_hash_table_insert (by_ref, node->ref_id, node);
        }

      questions = map_get (ctx, entry, "questions");
      if (questions != NULL)
        {
          GError *local = NULL;
          node->choices = parse_questions (ctx, node, questions, cl->locale, has_range, min, max, &local);
          if (local != NULL)
            {
              g_propagate_error (error, local);
              return FALSE;
            }
        }
    }

  /* Parents, groups, items. */
  for (guint i = 0; i < cl->nodes->len; i++)
    {
      MamoriNode *node = cl->nodes->pdata[i];
      if (node->parent_urn != NULL)
        {
          node->parent = g_hash_table_lookup (by_urn, node->parent_urn);
          if (node->parent == NULL)
            {
              g_set_error (error, MAMORI_CHECKLIST_ERROR, MAMORI_CHECKLIST_ERROR_BAD_PARENT,
                           _("%s:%d: The parent “%s” of “%s” does not exist."), ctx->filename, node->line,
                           shown (ctx, node->parent_urn), shown (ctx, node->ref_id));
              return FALSE;
            }
          if (node->parent == node)
            {
              g_set_error (error, MAMORI_CHECKLIST_ERROR, MAMORI_CHECKLIST_ERROR_BAD_PARENT,
                           _("%s:%d: “%s” is its own parent."), ctx->filename, node->line, shown (ctx, node->ref_id));
              return FALSE;
            }
        }
    }
  /* Every chain of parents ends within MAMORI_CHECKLIST_MAX_NESTING steps (so walking up
   * from all nodes costs at most that many steps each). */
  for (guint i = 0; i < cl->nodes->len; i++)
    {
      MamoriNode *node = cl->nodes->pdata[i];
      MamoriNode *top = node;
      guint hops = 0;

      while (top->parent != NULL && hops++ < MAMORI_CHECKLIST_MAX_NESTING)
        top = top->parent;
      if (top->parent != NULL)
        {
          g_autoptr(GHashTable) seen = g_hash_table_new (NULL, NULL);

          for (top = node; top != NULL && !g_hash_table_contains (seen, top); top = top->parent)
            g_hash_table_add (seen, top);
          if (top != NULL)
            g_set_error (error, MAMORI_CHECKLIST_ERROR, MAMORI_CHECKLIST_ERROR_BAD_PARENT,
                         _("%s:%d: The parents of “%s” form a loop."), ctx->filename, node->line,
                         shown (ctx, node->ref_id));
          else
            g_set_error (error, MAMORI_CHECKLIST_ERROR, MAMORI_CHECKLIST_ERROR_BAD_PARENT,
                         _("%s:%d: “%s” nests deeper than %d levels under its parents."), ctx->filename, node->line,
                         shown (ctx, node->ref_id), MAMORI_CHECKLIST_MAX_NESTING);
          return FALSE;
        }
      if (node->parent == NULL && !node->assessable)
        {
          g_hash_table_insert (group_of, node, GUINT_TO_POINTER (cl->groups->len + 1));
          g_ptr_array_add (cl->groups, node);
        }
    }
  for (guint i = 0; i < cl->nodes->len; i++)
    {
      MamoriNode *node = cl->nodes->pdata[i];
      MamoriNode *top = node;

      while (top->parent != NULL)
        top = top->parent;
      node->group = (int) GPOINTER_TO_UINT (g_hash_table_lookup (group_of, top)) - 1;
      if (node->assessable)
        g_ptr_array_add (cl->items, node);
    }
  if (cl->items->len == 0)
    {
      fail (ctx, error, MAMORI_CHECKLIST_ERROR_INVALID, seq, _("The checklist has no items to answer."));
      return FALSE;
    }
  return TRUE;
}

static gboolean
parse_bands (Ctx              *ctx,
             MamoriChecklist  *cl,
             yaml_node_t      *seq,
             GError          **error)
{
  if (seq->type != YAML_SEQUENCE_NODE)
    {
      fail (ctx, error, MAMORI_CHECKLIST_ERROR_SYNTAX, seq, _("“mamori_score_bands” must be a list."));
      return FALSE;
    }
  for (yaml_node_item_t *it = seq->data.sequence.items.start; it < seq->data.sequence.items.top; it++)
    {
      yaml_node_t *entry = yaml_document_get_node (ctx->doc, *it);
      MamoriBand *b = g_new0 (MamoriBand, 1);

      g_ptr_array_add (cl->bands, b);
      b->description = read_text (ctx, entry, "description", cl->locale);
      if (!parse_number (map_scalar (ctx, entry, "min"), &b->min) ||
          !parse_number (map_scalar (ctx, entry, "max"), &b->max) || b->min > b->max || b->description == NULL)
        {
          fail (ctx, error, MAMORI_CHECKLIST_ERROR_INVALID, entry,
                _("A score band needs numbers “min” ≤ “max” and a “description”."));
          return FALSE;
        }
    }
  return TRUE;
}

static MamoriChecklist *
parse_document (Ctx          *ctx,
                GError      **error)
{
  g_autoptr(MamoriChecklist) cl = g_new0 (MamoriChecklist, 1);
  yaml_node_t *root = yaml_document_get_root_node (ctx->doc);
  yaml_node_t *objects, *fw, *scores, *nodes, *bands;
  const char *urn, *locale, *ref_id, *version;
  const char *min_s, *max_s;
  double min = 0, max = 0;
  gboolean has_range;
  static const char * const known_root[] = { "urn", "locale", "ref_id", "name", "description", "copyright",
                                             "provider", "packager", "publication_date", "version",
                                             "translations", "dependencies", "objects",
                                             "convert_library_version", NULL };
  static const char * const known_objects[] = { "framework", NULL };
  static const char * const known_fw[] = { "urn", "ref_id", "name", "description", "translations", "min_score",
                                           "max_score", "scores_definition", "requirement_nodes",
                                           "mamori_subject", "mamori_score_bands", NULL };

  cl->nodes = g_ptr_array_new_with_free_func ((GDestroyNotify) node_free);
  cl->items = g_ptr_array_new ();
  cl->groups = g_ptr_array_new ();
  cl->bands = g_ptr_array_new_with_free_func ((GDestroyNotify) band_free);
  cl->warnings = g_ptr_array_new_with_free_func (g_free);
  cl->filename = g_strdup (ctx->filename);

  if (root == NULL || root->type != YAML_MAPPING_NODE)
    {
      fail (ctx, error, MAMORI_CHECKLIST_ERROR_SYNTAX, root, _("This is not a library file: it should start with keys such as “urn:” and “objects:”."));
      return NULL;
    }
  if (!require_scalar (ctx, root, "urn", _("The library"), &urn, error) ||
      !require_scalar (ctx, root, "locale", _("The library"), &locale, error) ||
      !require_scalar (ctx, root, "ref_id", _("The library"), &ref_id, error) ||
      !require_scalar (ctx, root, "version", _("The library"), &version, error))
    return NULL;
  objects = map_get (ctx, root, "objects");
  if (objects == NULL)
    {
      fail (ctx, error, MAMORI_CHECKLIST_ERROR_MISSING_KEY, root, _("The library has no “objects”."));
      return NULL;
    }
  check_keys (ctx, root, known_root, "");
  check_keys (ctx, objects, known_objects, "objects.");
  fw = map_get (ctx, objects, "framework");
  if (fw == NULL || fw->type != YAML_MAPPING_NODE)
    {
      fail (ctx, error, MAMORI_CHECKLIST_ERROR_MISSING_KEY, objects,
            _("The library has no “framework”: Mamori reads checklists (frameworks) only."));
      return NULL;
    }
  check_keys (ctx, fw, known_fw, "framework.");
  if (map_get (ctx, fw, "implementation_groups_definition"))
    note_unsupported (ctx, "framework.implementation_groups_definition");

  cl->urn = g_ascii_strdown (urn, -1);
  cl->locale = g_strdup (locale);
  cl->id = g_strdup (ref_id);
  cl->version = atoi (version);
  if (cl->version <= 0)
    {
      fail (ctx, error, MAMORI_CHECKLIST_ERROR_INVALID, map_get (ctx, root, "version"),
            _("“version” must be a whole number above 0, not “%s”."), shown (ctx, version));
      return NULL;
    }
  cl->name = read_text (ctx, fw, "name", locale);
  if (cl->name == NULL)
    cl->name = read_text (ctx, root, "name", locale);
  if (cl->name == NULL)
    {
      cl->name = text_new ();
      text_set (cl->name, locale, ref_id);
    }
  cl->description = read_text (ctx, root, "description", locale);
  cl->copyright = read_text (ctx, root, "copyright", locale);
  cl->subject_kind = g_strdup (map_scalar (ctx, fw, "mamori_subject") ? map_scalar (ctx, fw, "mamori_subject") : "organisation");
  if (g_strcmp0 (cl->subject_kind, "organisation") != 0 && g_strcmp0 (cl->subject_kind, "cloud_service") != 0)
    {
      fail (ctx, error, MAMORI_CHECKLIST_ERROR_INVALID, map_get (ctx, fw, "mamori_subject"),
            _("“mamori_subject” must be organisation or cloud_service."));
      return NULL;
    }

  min_s = map_scalar (ctx, fw, "min_score");
  max_s = map_scalar (ctx, fw, "max_score");
  has_range = min_s != NULL && max_s != NULL;
  if (has_range && (!parse_number (min_s, &min) || !parse_number (max_s, &max) || min > max))
    {
      fail (ctx, error, MAMORI_CHECKLIST_ERROR_INVALID, fw, _("“min_score” and “max_score” must be numbers with min ≤ max."));
      return NULL;
    }

  scores = map_get (ctx, fw, "scores_definition");
  if (scores != NULL)
    {
      cl->scale = parse_scores_definition (ctx, scores, locale, has_range, min, max, error);
      if (cl->scale == NULL)
        return NULL;
    }
  else
    cl->scale = mamori_checklist_default_scale ();

  bands = map_get (ctx, fw, "mamori_score_bands");
  if (bands != NULL && !parse_bands (ctx, cl, bands, error))
    return NULL;

  nodes = map_get (ctx, fw, "requirement_nodes");
  if (nodes == NULL)
    {
      fail (ctx, error, MAMORI_CHECKLIST_ERROR_MISSING_KEY, fw, _("The framework has no “requirement_nodes”."));
      return NULL;
    }
  if (!parse_nodes (ctx, cl, nodes, has_range, min, max, error))
    return NULL;

  /* At most MAX_WARNINGS different ones, so that the list stays readable. */
  for (guint i = 0; i < ctx->unsupported_order->len && i <= MAX_WARNINGS; i++)
    {
      const char *what = ctx->unsupported_order->pdata[i];
      int count = GPOINTER_TO_INT (g_hash_table_lookup (ctx->unsupported, what));
      if (i == MAX_WARNINGS)
        g_ptr_array_add (cl->warnings, g_strdup ("…"));
      else
        g_ptr_array_add (cl->warnings, count > 1 ? g_strdup_printf ("%s (×%d)", what, count) : g_strdup (what));
    }
  return g_steal_pointer (&cl);
}

MamoriChecklist *
mamori_checklist_parse (const char  *data,
                        gsize        length,
                        const char  *filename,
                        GError     **error)
{
  yaml_document_t doc;
  MamoriChecklist *cl = NULL;
  Ctx ctx = { 0 };

  g_return_val_if_fail (data != NULL, NULL);
  /* The file is stored and read again on every load of the workspace: a file over the limits
   * of mamori_yaml_load is refused before it costs more than reading it. */
  if (!mamori_yaml_check_size (length, filename, MAMORI_CHECKLIST_ERROR, MAMORI_CHECKLIST_ERROR_SYNTAX, error))
    return NULL;
  if (!g_utf8_validate (data, length, NULL))
    {
      g_set_error (error, MAMORI_CHECKLIST_ERROR, MAMORI_CHECKLIST_ERROR_SYNTAX,
                   _("%s: the file is not UTF-8 text."), filename);
      return NULL;
    }
  if (!mamori_yaml_load (&doc, data, length, filename, 0, MAMORI_CHECKLIST_ERROR, MAMORI_CHECKLIST_ERROR_SYNTAX, error))
    return NULL;

  ctx.doc = &doc;
  ctx.filename = filename;
  ctx.unsupported = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  ctx.unsupported_order = g_ptr_array_new_with_free_func (g_free);
  ctx.shown = g_ptr_array_new_with_free_func (g_free);
  cl = parse_document (&ctx, error);
  g_hash_table_unref (ctx.unsupported);
  g_ptr_array_unref (ctx.unsupported_order);
  g_ptr_array_unref (ctx.shown);
  yaml_document_delete (&doc);
  return cl;
}

/* --- lookups and scoring --------------------------------------------------------------------- */

int
mamori_checklist_item_index (const MamoriChecklist *cl,
                             const char            *ref_id)
{
  for (guint i = 0; i < cl->items->len; i++)
    if (g_strcmp0 (((MamoriNode *) cl->items->pdata[i])->ref_id, ref_id) == 0)
      return (int) i;
  return -1;
}

const MamoriNode *
mamori_checklist_find_item (const MamoriChecklist *cl,
                            const char            *ref_id)
{
  int i = mamori_checklist_item_index (cl, ref_id);
  return i < 0 ? NULL : cl->items->pdata[i];
}

GPtrArray *
mamori_checklist_choices (const MamoriChecklist *cl,
                          const MamoriNode      *item)
{
  return item->choices != NULL ? item->choices : cl->scale;
}

int
mamori_checklist_match_choice (const MamoriChecklist *cl,
                               const MamoriNode      *item,
                               const char            *text)
{
  GPtrArray *choices = mamori_checklist_choices (cl, item);
  g_autofree char *want = g_strstrip (g_strdup (text ? text : ""));
  double number;
  int by_score = -1, n_by_score = 0;

  if (*want == '\0')
    return -1;
  for (guint i = 0; i < choices->len; i++)
    {
      MamoriChoice *c = choices->pdata[i];
      GHashTableIter iter;
      gpointer value;

      g_hash_table_iter_init (&iter, c->name->by_lang);
      while (g_hash_table_iter_next (&iter, NULL, &value))
        if (g_utf8_collate (value, want) == 0 || g_ascii_strcasecmp (value, want) == 0)
          return (int) i;
    }
  /* A score names a choice only where the scale's scores are distinct. */
  if (parse_number (want, &number))
    for (guint i = 0; i < choices->len; i++)
      {
        MamoriChoice *c = choices->pdata[i];
        if (!c->not_applicable && c->score == number)
          {
            by_score = (int) i;
            n_by_score++;
          }
      }
  return n_by_score == 1 ? by_score : -1;
}

static void
choice_range (GPtrArray *choices,
              double    *lo,
              double    *hi)
{
  gboolean any = FALSE;

  *lo = *hi = 0;
  for (guint i = 0; i < choices->len; i++)
    {
      MamoriChoice *c = choices->pdata[i];
      if (c->not_applicable)
        continue;
      if (!any || c->score < *lo)
        *lo = c->score;
      if (!any || c->score > *hi)
        *hi = c->score;
      any = TRUE;
    }
}

static void
add_item (MamoriScore  *s,
          GPtrArray    *choices,
          int           answer)
{
  double lo, hi;

  s->n_items++;
  if (answer >= 0 && (guint) answer < choices->len && ((MamoriChoice *) choices->pdata[answer])->not_applicable)
    {
      s->n_answered++;
      s->n_not_applicable++;
      return;
    }
  choice_range (choices, &lo, &hi);
  s->max += hi;
  s->min += lo;
  if (answer >= 0 && (guint) answer < choices->len)
    {
      s->n_answered++;
      s->score += ((MamoriChoice *) choices->pdata[answer])->score;
    }
}

void
mamori_checklist_score (const MamoriChecklist *cl,
                        const int             *choice_index,
                        MamoriScore           *total,
                        MamoriScore           *per_group)
{
  guint n_groups = MAX (cl->groups->len, 1);

  memset (total, 0, sizeof *total);
  if (per_group)
    memset (per_group, 0, n_groups * sizeof *per_group);
  for (guint i = 0; i < cl->items->len; i++)
    {
      MamoriNode *item = cl->items->pdata[i];
      GPtrArray *choices = mamori_checklist_choices (cl, item);

      add_item (total, choices, choice_index[i]);
      if (per_group)
        add_item (&per_group[item->group >= 0 ? (guint) item->group : 0], choices, choice_index[i]);
    }
}

double
mamori_score_percent (const MamoriScore *s)
{
  return s->max > 0 ? 100.0 * s->score / s->max : 0;
}

const MamoriBand *
mamori_checklist_band (const MamoriChecklist *cl,
                       double                 score)
{
  for (guint i = 0; i < cl->bands->len; i++)
    {
      MamoriBand *b = cl->bands->pdata[i];
      if (score >= b->min && score <= b->max)
        return b;
    }
  return NULL;
}

/* --- answers from CSV ---------------------------------------------------------------------- */

void
mamori_answer_sheet_free (MamoriAnswerSheet *sheet)
{
  if (sheet == NULL)
    return;
  for (guint i = 0; i < sheet->n_items; i++)
    g_free (sheet->notes[i]);
  g_free (sheet->notes);
  g_free (sheet->choices);
  g_free (sheet);
}

/* “a, b, c” of the choices' labels for a message (each cut, and at most ten of them). */
static char *
allowed_choices (GPtrArray *choices)
{
  GString *out = g_string_new (NULL);

  for (guint c = 0; c < choices->len; c++)
    {
      g_autofree char *label = NULL;

      if (c == 10)
        {
          g_string_append (out, ", …");
          break;
        }
      label = mamori_text_excerpt (mamori_text_get (((MamoriChoice *) choices->pdata[c])->name, mamori_text_user_lang ()));
      g_string_append_printf (out, "%s%s", c ? ", " : "", label);
    }
  return g_string_free (out, FALSE);
}

MamoriAnswerSheet *
mamori_checklist_read_answers (const MamoriChecklist *cl,
                               const char            *text,
                               GPtrArray            **problems_out,
                               GError               **error)
{
  static const char * const names[] = { "ref_id", "answer", "note" };
  g_autoptr(GPtrArray) problems = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GPtrArray) rows = NULL;
  g_autoptr(GHashTable) index_of = g_hash_table_new (g_str_hash, g_str_equal); /* ref_id → item index + 1 */
  g_autoptr(MamoriAnswerSheet) sheet = NULL;
  int col[G_N_ELEMENTS (names)] = { -1, -1, -1 };
  MamoriCsvRow *header;

  g_return_val_if_fail (cl != NULL && text != NULL && problems_out != NULL, NULL);
  *problems_out = NULL;
  rows = mamori_csv_parse (text, error);
  if (rows == NULL)
    return NULL;
  if (rows->len == 0)
    {
      g_set_error (error, MAMORI_CHECKLIST_ERROR, MAMORI_CHECKLIST_ERROR_INVALID,
                   _("the file is empty; it needs a header line “ref_id,answer[,note]”."));
      return NULL;
    }
  header = rows->pdata[0];
  for (guint c = 0; c < header->fields->len; c++)
    {
      g_autofree char *raw = g_strstrip (g_strdup (header->fields->pdata[c]));
      g_autofree char *h = g_ascii_strdown (raw, -1);

      for (guint k = 0; k < G_N_ELEMENTS (names); k++)
        {
          if (!g_str_equal (h, names[k]))
            continue;
          if (col[k] >= 0)
            {
              /* Not “the last one wins”. */
              g_autofree char *shown = mamori_text_excerpt (header->fields->pdata[c]);
              g_autofree char *shown_first = mamori_text_excerpt (header->fields->pdata[col[k]]);
              g_set_error (error, MAMORI_CHECKLIST_ERROR, MAMORI_CHECKLIST_ERROR_DUPLICATE,
                           _("line %u: column %u “%s” repeats column %u “%s”; keep one of them"),
                           header->line, c + 1, shown, (guint) col[k] + 1, shown_first);
              return NULL;
            }
          col[k] = (int) c;
        }
    }
  if (col[0] < 0 || col[1] < 0)
    {
      g_set_error (error, MAMORI_CHECKLIST_ERROR, MAMORI_CHECKLIST_ERROR_MISSING_KEY,
                   _("the header line must name the columns ref_id and answer (and optionally note)."));
      return NULL;
    }

  sheet = g_new0 (MamoriAnswerSheet, 1);
  sheet->n_items = cl->items->len;
  sheet->choices = g_new (int, MAX (sheet->n_items, 1));
  sheet->notes = g_new0 (char *, MAX (sheet->n_items, 1));
  for (guint i = 0; i < sheet->n_items; i++)
    {
      sheet->choices[i] = -1;
      g_hash_table_insert (index_of, ((MamoriNode *) cl->items->pdata[i])->ref_id, GUINT_TO_POINTER (i + 1));
    }
  for (guint r = 1; r < rows->len; r++)
    {
      MamoriCsvRow *row = rows->pdata[r];
      const char *ref, *answer;
      g_autofree char *ref_id = NULL;
      g_autofree char *answer_text = NULL;
      g_autofree char *shown = NULL;
      int index, choice;

      if (row->fields->len != header->fields->len)
        {
          g_ptr_array_add (problems, g_strdup_printf (_("line %u: %u fields, but the header names %u columns"),
                                                      row->line, row->fields->len, header->fields->len));
          continue;
        }
      ref = row->fields->pdata[col[0]];
      answer = row->fields->pdata[col[1]];
      /* Trimmed, then the guard of a CSV export (a leading ' before = + - @) taken off. */
      ref_id = g_strstrip (g_strdup (ref));
      index = (int) GPOINTER_TO_UINT (g_hash_table_lookup (index_of, mamori_csv_cell_text (ref_id))) - 1;
      if (index < 0)
        {
          shown = mamori_text_excerpt (ref);
          g_ptr_array_add (problems, g_strdup_printf (_("line %u, column ref_id, value “%s”: the checklist %s has no such item"),
                                                      row->line, shown, cl->id));
          continue;
        }
      if (sheet->choices[index] >= 0)
        {
          shown = mamori_text_excerpt (ref);
          g_ptr_array_add (problems, g_strdup_printf (_("line %u, column ref_id, value “%s”: the item is answered twice"),
                                                      row->line, shown));
          continue;
        }
      answer_text = g_strstrip (g_strdup (answer));
      choice = mamori_checklist_match_choice (cl, cl->items->pdata[index], mamori_csv_cell_text (answer_text));
      if (choice < 0)
        {
          g_autofree char *allowed = allowed_choices (mamori_checklist_choices (cl, cl->items->pdata[index]));
          shown = mamori_text_excerpt (answer);
          g_ptr_array_add (problems, g_strdup_printf (_("line %u, column answer, value “%s”: not an answer of this item (use one of: %s)"),
                                                      row->line, shown, allowed));
          continue;
        }
      sheet->choices[index] = choice;
      if (col[2] >= 0)
        sheet->notes[index] = g_strdup (mamori_csv_cell_text (row->fields->pdata[col[2]]));
    }
  *problems_out = g_steal_pointer (&problems);
  if ((*problems_out)->len > 0)
    return NULL;
  return g_steal_pointer (&sheet);
}
