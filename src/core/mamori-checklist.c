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
  g_free (c->urn);
  g_free (c);
}

static void
question_free (MamoriQuestion *q)
{
  g_free (q->urn);
  text_free (q->text);
  g_clear_pointer (&q->choices, g_ptr_array_unref);
  g_free (q->depends_on);
  g_strfreev (q->depends_answers);
  g_free (q);
}

static void
group_free (MamoriImplementationGroup *g)
{
  g_free (g->ref_id);
  text_free (g->name);
  text_free (g->description);
  g_free (g);
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
  g_strfreev (n->implementation_groups);
  g_clear_pointer (&n->questions, g_ptr_array_unref);
  g_strfreev (n->evidence_rules);
  g_strfreev (n->evidence_records);
  g_free (n->actor);
  text_free (n->not_applicable_reason);
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
  g_clear_pointer (&cl->implementation_groups, g_ptr_array_unref);
  g_clear_pointer (&cl->by_urn, g_hash_table_unref);
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

/* A scalar as text: NULL for an empty value or a plain null (“~”, “null”), which some files
 * write for a translation they do not have. */
static const char *
text_scalar (yaml_node_t *node)
{
  const char *v = scalar (node);

  if (v == NULL || *v == '\0')
    return NULL;
  if (node->data.scalar.style == YAML_PLAIN_SCALAR_STYLE &&
      (strcmp (v, "~") == 0 || strcmp (v, "null") == 0 || strcmp (v, "Null") == 0 || strcmp (v, "NULL") == 0))
    return NULL;
  return v;
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
  const char *v = text_scalar (map_get (ctx, map, key));
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
        const char *tv = text_scalar (map_get (ctx, yaml_document_get_node (ctx->doc, p->value), key));
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
  /* CISO Assistant takes such a library (e.g. RNSI Algérie 2020 scores a choice 0 on a 1…4
   * scale): the score counts as written, and the import says so. */
  if (has_range && (score < min || score > max))
    note_unsupported (ctx, "scores_definition: a score outside min_score…max_score (kept as written)");
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

static const struct { const char *name; MamoriQuestionType type; } question_types[] = {
  { "unique_choice", MAMORI_QUESTION_UNIQUE_CHOICE },
  { "multiple_choice", MAMORI_QUESTION_MULTIPLE_CHOICE },
  { "text", MAMORI_QUESTION_TEXT },
  { "number", MAMORI_QUESTION_NUMBER },
  { "boolean", MAMORI_QUESTION_BOOLEAN },
  { "date", MAMORI_QUESTION_DATE },
};

static GPtrArray *
parse_question_choices (Ctx          *ctx,
                        yaml_node_t  *question,
                        const char   *locale,
                        gboolean      has_range,
                        double        min,
                        double        max,
                        GError      **error)
{
  g_autoptr(GPtrArray) out = NULL;
  yaml_node_t *choices = map_get (ctx, question, "choices");
  static const char * const known_choice[] = { "urn", "value", "add_score", "compute_result",
                                               "description", "translations", "color", NULL };

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
      const char *urn = map_scalar (ctx, entry, "urn");
      MamoriChoice *c = g_new0 (MamoriChoice, 1);

      g_ptr_array_add (out, c);
      check_keys (ctx, entry, known_choice, "choices.");
      if (map_get (ctx, entry, "select_implementation_groups"))
        note_unsupported (ctx, "choices.select_implementation_groups");
      c->urn = urn ? g_ascii_strdown (urn, -1) : NULL;
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
  return g_steal_pointer (&out);
}

/* depends_on: {question: URN, answers: [CHOICE URN…], condition: any|all}. */
static gboolean
parse_depends_on (Ctx             *ctx,
                  MamoriQuestion  *q,
                  yaml_node_t     *dep,
                  GError         **error)
{
  const char *question = map_scalar (ctx, dep, "question");
  yaml_node_t *answers = map_get (ctx, dep, "answers");
  g_autoptr(GStrvBuilder) b = g_strv_builder_new ();

  if (dep->type != YAML_MAPPING_NODE || question == NULL || *question == '\0')
    {
      fail (ctx, error, MAMORI_CHECKLIST_ERROR_SYNTAX, dep,
            _("“depends_on” must name the “question” it depends on and its “answers”."));
      return FALSE;
    }
  q->depends_on = g_ascii_strdown (question, -1);
  q->depends_all = g_strcmp0 (map_scalar (ctx, dep, "condition"), "all") == 0;
  if (answers != NULL && answers->type == YAML_SEQUENCE_NODE)
    for (yaml_node_item_t *it = answers->data.sequence.items.start; it < answers->data.sequence.items.top; it++)
      {
        const char *a = scalar (yaml_document_get_node (ctx->doc, *it));
        if (a != NULL)
          {
            g_autofree char *lower = g_ascii_strdown (a, -1);
            g_strv_builder_add (b, lower);
          }
      }
  else if (scalar (answers) != NULL)
    {
      g_autofree char *lower = g_ascii_strdown (scalar (answers), -1);
      g_strv_builder_add (b, lower);
    }
  q->depends_answers = g_strv_builder_end (b);
  return TRUE;
}

/* Every question of a node, in file order. A question of a type Mamori does not know is
 * left out (and listed). Mamori's wizard asks the first unique_choice question as the item's
 * answer (its scores must lie in the framework's range, and it becomes node->choices); the
 * others are asked below it and recorded as answers (README “Questions”). */
static gboolean
parse_questions (Ctx          *ctx,
                 MamoriNode   *node,
                 yaml_node_t  *questions,
                 const char   *locale,
                 gboolean      has_range,
                 double        min,
                 double        max,
                 GError      **error)
{
  g_autoptr(GPtrArray) out = g_ptr_array_new_with_free_func ((GDestroyNotify) question_free);

  if (questions->type != YAML_MAPPING_NODE)
    {
      fail (ctx, error, MAMORI_CHECKLIST_ERROR_SYNTAX, questions, _("“questions” must be a mapping."));
      return FALSE;
    }
  for (yaml_node_pair_t *p = questions->data.mapping.pairs.start; p < questions->data.mapping.pairs.top; p++)
    {
      yaml_node_t *key = yaml_document_get_node (ctx->doc, p->key);
      yaml_node_t *value = yaml_document_get_node (ctx->doc, p->value);
      const char *type = map_scalar (ctx, value, "type");
      yaml_node_t *dep = map_get (ctx, value, "depends_on");
      MamoriQuestion *q;
      int t = -1;

      for (guint i = 0; i < G_N_ELEMENTS (question_types) && type != NULL; i++)
        if (strcmp (question_types[i].name, type) == 0)
          t = (int) question_types[i].type;
      /* Every known type is asked in the wizard (ui/mamori-question-box.c) and recorded
       * (store/mamori-questions.c); only an unknown one is left out. */
      if (t < 0)
        {
          g_autofree char *what = g_strdup_printf ("questions of type %s", type ? shown (ctx, type) : "?");
          note_unsupported (ctx, what);
          continue;
        }

      q = g_new0 (MamoriQuestion, 1);
      g_ptr_array_add (out, q);
      q->type = (MamoriQuestionType) t;
      q->urn = g_ascii_strdown (scalar (key) ? scalar (key) : "", -1);
      q->text = read_text (ctx, value, "text", locale);
      if (q->type == MAMORI_QUESTION_UNIQUE_CHOICE || q->type == MAMORI_QUESTION_MULTIPLE_CHOICE)
        {
          gboolean scale = q->type == MAMORI_QUESTION_UNIQUE_CHOICE && node->choices == NULL;

          q->choices = parse_question_choices (ctx, value, locale, scale && has_range, min, max, error);
          if (q->choices == NULL)
            return FALSE;
          if (scale)
            node->choices = g_ptr_array_ref (q->choices);
        }
      if (dep != NULL && !parse_depends_on (ctx, q, dep, error))
        return FALSE;
    }
  node->questions = g_steal_pointer (&out);
  return TRUE;
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

/* The last `parts` colon-separated parts of urn (all of it when it has fewer). */
static const char *
urn_suffix (const char *urn,
            guint       parts)
{
  const char *p = urn + strlen (urn);

  while (p > urn)
    {
      if (p[-1] == ':' && --parts == 0)
        return p;
      p--;
    }
  return urn;
}

/* Beyond this many parts of its urn, a derived key is the whole urn. */
#define MAX_KEY_PARTS 16

/* Gives every node of the kind (items, or headings) that has no ref_id in the file a key unique
 * among the nodes of that kind: the last part of its urn (as before, so a file without clashes
 * keeps its keys), or, when that part is the ref_id of another node or the last part of
 * another node's urn too, as many of the urn's last parts as make it unique (“3.1:3:1”), at
 * worst the whole urn; in the unlikely case that this is someone's ref_id, “#2”, “#3”… is added.
 * urns maps a node to its urn as the file writes it. The rule depends on the file alone, so
 * answers stay under the same keys each time the library is read. */
static void
derive_keys (MamoriChecklist *cl,
             GHashTable      *urns,
             gboolean         assessable)
{
  g_autoptr(GHashTable) used = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_autoptr(GPtrArray) open = g_ptr_array_new ();

  for (guint i = 0; i < cl->nodes->len; i++)
    {
      MamoriNode *node = cl->nodes->pdata[i];
      if (node->assessable != assessable)
        continue;
      if (node->ref_id_derived)
        g_ptr_array_add (open, node);
      else
        g_hash_table_add (used, g_strdup (node->ref_id));
    }
  for (guint k = 1; k <= MAX_KEY_PARTS + 1 && open->len > 0; k++)
    {
      g_autoptr(GHashTable) count = g_hash_table_new (g_str_hash, g_str_equal);
      g_autoptr(GPtrArray) still = g_ptr_array_new ();
      guint parts = k <= MAX_KEY_PARTS ? k : G_MAXUINT;

      for (guint i = 0; i < open->len; i++)
        {
          const char *s = urn_suffix (g_hash_table_lookup (urns, open->pdata[i]), parts);
          g_hash_table_insert (count, (gpointer) s, GUINT_TO_POINTER (GPOINTER_TO_UINT (g_hash_table_lookup (count, s)) + 1));
        }
      for (guint i = 0; i < open->len; i++)
        {
          MamoriNode *node = open->pdata[i];
          const char *s = urn_suffix (g_hash_table_lookup (urns, node), parts);

          if (GPOINTER_TO_UINT (g_hash_table_lookup (count, s)) == 1 && !g_hash_table_contains (used, s))
            {
              node->ref_id = g_strdup (s);
              g_hash_table_add (used, g_strdup (s));
            }
          else
            g_ptr_array_add (still, node);
        }
      g_ptr_array_set_size (open, 0);
      g_ptr_array_extend_and_steal (open, g_steal_pointer (&still));
    }
  /* Whole urns are distinct (checked), so each of these clashes with one ref_id at most. */
  for (guint i = 0; i < open->len; i++)
    {
      MamoriNode *node = open->pdata[i];
      const char *urn = g_hash_table_lookup (urns, node);

      for (guint n = 2; node->ref_id == NULL; n++)
        {
          g_autofree char *key = g_strdup_printf ("%s#%u", urn, n);
          if (!g_hash_table_contains (used, key))
            {
              node->ref_id = g_strdup (key);
              g_hash_table_add (used, g_steal_pointer (&key));
            }
        }
    }
}

/* The text of all of the node's questions, one a line, in every language one of them has. */
static MamoriText *
questions_text (MamoriNode *node,
                const char *locale)
{
  g_autoptr(GHashTable) langs = g_hash_table_new (g_str_hash, g_str_equal);
  MamoriText *out = NULL;
  GHashTableIter iter;
  gpointer lang;

  for (guint i = 0; node->questions != NULL && i < node->questions->len; i++)
    {
      MamoriQuestion *q = node->questions->pdata[i];
      GHashTableIter qi;
      gpointer l;

      if (q->text == NULL)
        continue;
      g_hash_table_iter_init (&qi, q->text->by_lang);
      while (g_hash_table_iter_next (&qi, &l, NULL))
        g_hash_table_add (langs, l);
    }
  if (g_hash_table_size (langs) == 0)
    return NULL;
  out = text_new ();
  text_set (out, locale, ""); /* the library's language first */
  g_hash_table_iter_init (&iter, langs);
  while (g_hash_table_iter_next (&iter, &lang, NULL))
    {
      g_autoptr(GString) joined = g_string_new (NULL);
      for (guint i = 0; i < node->questions->len; i++)
        {
          const char *t = mamori_text_get (((MamoriQuestion *) node->questions->pdata[i])->text, lang);
          if (t != NULL)
            g_string_append_printf (joined, "%s%s", joined->len ? "\n" : "", t);
        }
      text_set (out, lang, joined->str);
    }
  if (*(const char *) g_hash_table_lookup (out->by_lang, locale) == '\0')
    {
      /* No question has text in the library's own language: the first language that has. */
      g_hash_table_remove (out->by_lang, locale);
      g_hash_table_iter_init (&iter, out->by_lang);
      g_hash_table_iter_next (&iter, &lang, NULL);
      g_free (out->first_lang);
      out->first_lang = g_strdup (lang);
    }
  return out;
}

/* A node with neither name nor description shows its questions' text, else its annotation
 * (moved, so that the help does not repeat it), else its ref_id. Questions come first: where
 * a file (ANSSI's MonAideCyber) gives an item only questions and an annotation, the question is
 * what is asked and the annotation is the help beside it. */
static void
derive_name (MamoriNode *node,
             const char *locale)
{
  if (node->name != NULL || node->description != NULL)
    return;
  node->name_derived = TRUE;
  if ((node->name = questions_text (node, locale)) != NULL)
    return;
  if (node->annotation != NULL)
    node->name = g_steal_pointer (&node->annotation);
  else
    {
      node->name = text_new ();
      text_set (node->name, locale, node->ref_id);
    }
}

static char **
read_strv (Ctx         *ctx,
           yaml_node_t *node)
{
  g_autoptr(GStrvBuilder) b = g_strv_builder_new ();

  if (node == NULL)
    return NULL;
  if (node->type == YAML_SEQUENCE_NODE)
    for (yaml_node_item_t *it = node->data.sequence.items.start; it < node->data.sequence.items.top; it++)
      {
        const char *v = text_scalar (yaml_document_get_node (ctx->doc, *it));
        if (v != NULL)
          g_strv_builder_add (b, v);
      }
  else if (text_scalar (node) != NULL)
    g_strv_builder_add (b, text_scalar (node));
  return g_strv_builder_end (b);
}

const char * const mamori_actor_keys[] = {
  "ciso", "chief_iso", "unit_iso", "system_officer", "csirt", "approver", "audit_officer", "staff", NULL,
};

static const struct { const char *key; MamoriMethod method; } method_keys[] = {
  { "review", MAMORI_METHOD_REVIEW },
  { "interview", MAMORI_METHOD_INTERVIEW },
  { "observation", MAMORI_METHOD_OBSERVATION },
};

const char *
mamori_method_key (MamoriMethod method)
{
  for (guint i = 0; i < G_N_ELEMENTS (method_keys); i++)
    if (method_keys[i].method == method)
      return method_keys[i].key;
  return NULL;
}

/* A flag of Mamori's extensions: absent is FALSE; true or false as YAML writes them. */
static gboolean
read_flag (Ctx          *ctx,
           yaml_node_t  *map,
           const char   *key,
           gboolean     *out,
           GError      **error)
{
  yaml_node_t *v = map_get (ctx, map, key);
  const char *s = scalar (v);

  *out = FALSE;
  if (v == NULL)
    return TRUE;
  if (g_strcmp0 (s, "true") == 0 || g_strcmp0 (s, "True") == 0 || g_strcmp0 (s, "TRUE") == 0)
    *out = TRUE;
  else if (!(g_strcmp0 (s, "false") == 0 || g_strcmp0 (s, "False") == 0 || g_strcmp0 (s, "FALSE") == 0))
    {
      fail (ctx, error, MAMORI_CHECKLIST_ERROR_INVALID, v, _("“%s” must be true or false."), key);
      return FALSE;
    }
  return TRUE;
}

/* A list of texts of Mamori's extensions (a single value counts as a list of one). */
static gboolean
read_list (Ctx           *ctx,
           yaml_node_t   *map,
           const char    *key,
           char        ***out,
           GError       **error)
{
  yaml_node_t *v = map_get (ctx, map, key);

  *out = NULL;
  if (v == NULL)
    return TRUE;
  if (v->type == YAML_SEQUENCE_NODE)
    for (yaml_node_item_t *it = v->data.sequence.items.start; it < v->data.sequence.items.top; it++)
      if (scalar (yaml_document_get_node (ctx->doc, *it)) == NULL)
        {
          fail (ctx, error, MAMORI_CHECKLIST_ERROR_SYNTAX, yaml_document_get_node (ctx->doc, *it),
                _("“%s” must be a list of texts."), key);
          return FALSE;
        }
  if (v->type == YAML_MAPPING_NODE)
    {
      fail (ctx, error, MAMORI_CHECKLIST_ERROR_SYNTAX, v, _("“%s” must be a list of texts."), key);
      return FALSE;
    }
  *out = read_strv (ctx, v);
  return TRUE;
}

/* Mamori's extensions of a requirement node (README “The library format”). */
static gboolean
parse_node_extensions (Ctx          *ctx,
                       MamoriNode   *node,
                       yaml_node_t  *entry,
                       const char   *locale,
                       GError      **error)
{
  yaml_node_t *level = map_get (ctx, entry, "mamori_target_level");
  yaml_node_t *actor = map_get (ctx, entry, "mamori_actor");
  g_auto(GStrv) methods = NULL;

  if (level != NULL)
    {
      const char *s = scalar (level);
      guint64 v = 0;

      if (s == NULL || !g_ascii_string_to_unsigned (s, 10, 1, MAMORI_TARGET_LEVEL_MAX, &v, NULL))
        {
          fail (ctx, error, MAMORI_CHECKLIST_ERROR_INVALID, level,
                _("“mamori_target_level” must be a whole number from 1 to %d, not “%s”."),
                MAMORI_TARGET_LEVEL_MAX, s ? shown (ctx, s) : "");
          return FALSE;
        }
      node->target_level = (int) v;
    }
  if (!read_list (ctx, entry, "mamori_evidence_rules", &node->evidence_rules, error) ||
      !read_list (ctx, entry, "mamori_evidence_records", &node->evidence_records, error) ||
      !read_list (ctx, entry, "mamori_methods", &methods, error))
    return FALSE;
  for (guint i = 0; methods != NULL && methods[i] != NULL; i++)
    {
      guint k;

      for (k = 0; k < G_N_ELEMENTS (method_keys); k++)
        if (g_str_equal (methods[i], method_keys[k].key))
          break;
      if (k == G_N_ELEMENTS (method_keys))
        {
          fail (ctx, error, MAMORI_CHECKLIST_ERROR_INVALID, map_get (ctx, entry, "mamori_methods"),
                _("“%s” is not a method of “mamori_methods” (review, interview or observation)."),
                shown (ctx, methods[i]));
          return FALSE;
        }
      node->methods |= method_keys[k].method;
    }
  if (actor != NULL)
    {
      const char *s = scalar (actor);

      if (s == NULL || !g_strv_contains (mamori_actor_keys, s))
        {
          g_autofree char *known = g_strjoinv (", ", (char **) mamori_actor_keys);
          fail (ctx, error, MAMORI_CHECKLIST_ERROR_INVALID, actor,
                _("“%s” is not an actor of “mamori_actor” (one of: %s)."), s ? shown (ctx, s) : "", known);
          return FALSE;
        }
      node->actor = g_strdup (s);
    }
  node->not_applicable_reason = read_text (ctx, entry, "mamori_not_applicable_reason", locale);
  return read_flag (ctx, entry, "mamori_reconstructed", &node->reconstructed, error) &&
         read_flag (ctx, entry, "mamori_optional", &node->optional, error) &&
         read_flag (ctx, entry, "mamori_default_not_applicable", &node->default_not_applicable, error) &&
         read_flag (ctx, entry, "mamori_reworded", &node->reworded, error);
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
  GHashTable *by_urn = cl->by_urn;
  g_autoptr(GHashTable) by_ref = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr(GHashTable) urns = g_hash_table_new (NULL, NULL); /* node → its urn as written */
  g_autoptr(GHashTable) group_of = g_hash_table_new (NULL, NULL); /* top node → group index + 1 */
  static const char * const known[] = { "urn", "ref_id", "parent_urn", "depth", "assessable", "name",
                                        "description", "annotation", "typical_evidence", "translations",
                                        "questions", "implementation_groups", "mamori_source", "order_id",
                                        "mamori_target_level",
                                        "mamori_evidence_rules", "mamori_evidence_records", "mamori_methods",
                                        "mamori_reconstructed", "mamori_optional", "mamori_actor",
                                        "mamori_default_not_applicable", "mamori_not_applicable_reason",
                                        "mamori_reworded", NULL };

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
      g_hash_table_insert (urns, node, (gpointer) urn);
      node->line = line_of (entry);
      node->urn = g_ascii_strdown (urn, -1);
      ref_id = text_scalar (map_get (ctx, entry, "ref_id"));
      node->ref_id = g_strdup (ref_id);
      node->ref_id_derived = ref_id == NULL;
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
      node->implementation_groups = read_strv (ctx, map_get (ctx, entry, "implementation_groups"));
      node->group = -1;
      if (!parse_node_extensions (ctx, node, entry, cl->locale, error))
        return FALSE;

      if (g_hash_table_contains (by_urn, node->urn))
        {
          fail (ctx, error, MAMORI_CHECKLIST_ERROR_DUPLICATE, entry, _("The urn “%s” appears twice."), shown (ctx, urn));
          return FALSE;
        }
      g_hash_table_insert (by_urn, node->urn, node);
      /* Two items the file gives the same ref_id could not be told apart in the answers. */
      if (node->assessable && ref_id != NULL)
        {
          if (g_hash_table_contains (by_ref, node->ref_id))
            {
              fail (ctx, error, MAMORI_CHECKLIST_ERROR_DUPLICATE, entry, _("The ref_id “%s” appears twice."), shown (ctx, node->ref_id));
              return FALSE;
            }
          g_hash_table_insert (by_ref, node->ref_id, node);
        }

      questions = map_get (ctx, entry, "questions");
      if (questions != NULL && !parse_questions (ctx, node, questions, cl->locale, has_range, min, max, error))
        return FALSE;
    }

  /* Keys for the nodes without ref_id, then what a node without text shows. */
  derive_keys (cl, urns, TRUE);
  derive_keys (cl, urns, FALSE);
  for (guint i = 0; i < cl->nodes->len; i++)
    derive_name (cl->nodes->pdata[i], cl->locale);

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

/* implementation_groups_definition: [{ref_id, name, description, default_selected}]. */
static gboolean
parse_groups (Ctx              *ctx,
              MamoriChecklist  *cl,
              yaml_node_t      *seq,
              GError          **error)
{
  static const char * const known[] = { "ref_id", "name", "description", "default_selected", "translations", NULL };

  if (seq->type != YAML_SEQUENCE_NODE)
    {
      fail (ctx, error, MAMORI_CHECKLIST_ERROR_SYNTAX, seq, _("“implementation_groups_definition” must be a list."));
      return FALSE;
    }
  for (yaml_node_item_t *it = seq->data.sequence.items.start; it < seq->data.sequence.items.top; it++)
    {
      yaml_node_t *entry = yaml_document_get_node (ctx->doc, *it);
      const char *ref_id = text_scalar (map_get (ctx, entry, "ref_id"));
      const char *selected = map_scalar (ctx, entry, "default_selected");
      MamoriImplementationGroup *g;

      if (ref_id == NULL)
        {
          fail (ctx, error, MAMORI_CHECKLIST_ERROR_MISSING_KEY, entry, _("An implementation group has no “ref_id”."));
          return FALSE;
        }
      check_keys (ctx, entry, known, "implementation_groups_definition.");
      g = g_new0 (MamoriImplementationGroup, 1);
      g_ptr_array_add (cl->implementation_groups, g);
      g->ref_id = g_strdup (ref_id);
      g->name = read_text (ctx, entry, "name", cl->locale);
      if (g->name == NULL)
        {
          g->name = text_new ();
          text_set (g->name, cl->locale, ref_id);
        }
      g->description = read_text (ctx, entry, "description", cl->locale);
      g->default_selected = g_strcmp0 (selected, "true") == 0 || g_strcmp0 (selected, "True") == 0;
    }
  return TRUE;
}

static MamoriChecklist *
parse_document (Ctx          *ctx,
                GError      **error)
{
  g_autoptr(MamoriChecklist) cl = g_new0 (MamoriChecklist, 1);
  yaml_node_t *root = yaml_document_get_root_node (ctx->doc);
  yaml_node_t *objects, *fw, *scores, *nodes, *bands, *groups;
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
                                           "mamori_subject", "mamori_score_bands", "implementation_groups_definition", NULL };

  cl->nodes = g_ptr_array_new_with_free_func ((GDestroyNotify) node_free);
  cl->items = g_ptr_array_new ();
  cl->groups = g_ptr_array_new ();
  cl->bands = g_ptr_array_new_with_free_func ((GDestroyNotify) band_free);
  cl->warnings = g_ptr_array_new_with_free_func (g_free);
  cl->implementation_groups = g_ptr_array_new_with_free_func ((GDestroyNotify) group_free);
  cl->by_urn = g_hash_table_new (g_str_hash, g_str_equal);
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

  groups = map_get (ctx, fw, "implementation_groups_definition");
  if (groups != NULL)
    {
      /* Read for choosing an assessment's scope (the scope dialog offers them). */
      if (!parse_groups (ctx, cl, groups, error))
        return NULL;
    }

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

const MamoriNode *
mamori_checklist_find_node (const MamoriChecklist *cl,
                            const char            *urn)
{
  g_autofree char *lower = NULL;

  if (urn == NULL)
    return NULL;
  lower = g_ascii_strdown (urn, -1);
  return g_hash_table_lookup (cl->by_urn, lower);
}

const char *
mamori_node_text (const MamoriNode *node,
                  const char       *lang)
{
  return mamori_text_get (node->name ? node->name : node->description, lang);
}

int
mamori_node_get_target_level (const MamoriNode *node)
{
  return node->target_level;
}

static const char * const no_strings[] = { NULL };

const char * const *
mamori_node_get_evidence_rules (const MamoriNode *node)
{
  return node->evidence_rules ? (const char * const *) node->evidence_rules : no_strings;
}

const char * const *
mamori_node_get_evidence_records (const MamoriNode *node)
{
  return node->evidence_records ? (const char * const *) node->evidence_records : no_strings;
}

guint
mamori_node_get_methods (const MamoriNode *node)
{
  return node->methods;
}

gboolean
mamori_node_is_reconstructed (const MamoriNode *node)
{
  return node->reconstructed;
}

gboolean
mamori_node_is_optional (const MamoriNode *node)
{
  return node->optional;
}

const char *
mamori_node_get_actor (const MamoriNode *node)
{
  return node->actor;
}

gboolean
mamori_node_is_default_not_applicable (const MamoriNode *node)
{
  return node->default_not_applicable;
}

const char *
mamori_node_get_not_applicable_reason (const MamoriNode *node,
                                       const char       *lang)
{
  return mamori_text_get (node->not_applicable_reason, lang);
}

gboolean
mamori_node_is_reworded (const MamoriNode *node)
{
  return node->reworded;
}

const MamoriImplementationGroup *
mamori_checklist_find_group (const MamoriChecklist *cl,
                             const char            *ref_id)
{
  for (guint i = 0; i < cl->implementation_groups->len; i++)
    if (g_strcmp0 (((MamoriImplementationGroup *) cl->implementation_groups->pdata[i])->ref_id, ref_id) == 0)
      return cl->implementation_groups->pdata[i];
  return NULL;
}

char **
mamori_checklist_default_scope (const MamoriChecklist *cl)
{
  g_autoptr(GStrvBuilder) b = g_strv_builder_new ();
  guint n = 0;

  for (guint i = 0; i < cl->implementation_groups->len; i++)
    {
      MamoriImplementationGroup *g = cl->implementation_groups->pdata[i];
      if (g->default_selected)
        {
          g_strv_builder_add (b, g->ref_id);
          n++;
        }
    }
  return n > 0 ? g_strv_builder_end (b) : NULL;
}

gboolean
mamori_checklist_in_scope (const MamoriNode   *node,
                           const char * const *scope)
{
  if (scope == NULL || scope[0] == NULL)
    return TRUE;
  for (guint i = 0; node->implementation_groups != NULL && node->implementation_groups[i] != NULL; i++)
    if (g_strv_contains (scope, node->implementation_groups[i]))
      return TRUE;
  return FALSE;
}

char **
mamori_checklist_unknown_groups (const MamoriChecklist *cl,
                                 const char * const    *scope)
{
  g_autoptr(GStrvBuilder) b = g_strv_builder_new ();
  guint n = 0;

  for (guint i = 0; scope != NULL && scope[i] != NULL; i++)
    if (mamori_checklist_find_group (cl, scope[i]) == NULL)
      {
        g_strv_builder_add (b, scope[i]);
        n++;
      }
  return n > 0 ? g_strv_builder_end (b) : NULL;
}

gboolean
mamori_question_applies (const MamoriQuestion *q,
                         GHashTable           *selected)
{
  guint hits = 0, n = 0;

  if (q->depends_on == NULL)
    return TRUE;
  for (; q->depends_answers != NULL && q->depends_answers[n] != NULL; n++)
    hits += selected != NULL && g_hash_table_contains (selected, q->depends_answers[n]);
  return q->depends_all ? n > 0 && hits == n : hits > 0;
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
  mamori_checklist_score_in_scope (cl, choice_index, NULL, total, per_group);
}

void
mamori_checklist_score_in_scope (const MamoriChecklist *cl,
                                 const int             *choice_index,
                                 const char * const    *scope,
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

      if (!mamori_checklist_in_scope (item, scope))
        continue;
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
