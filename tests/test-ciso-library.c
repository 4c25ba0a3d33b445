/* test-ciso-library.c — real CISO Assistant framework files of different shapes (tests/data/ciso,
 * see its README), and hand-made files for the shapes around them: nodes identified by URN with
 * keys derived when they have no ref_id, nodes shown by whatever text they have, translations,
 * implementation groups and questions of every type. */
#include "config.h"

#include <glib.h>
#include <locale.h>
#include <string.h>

#include "core/mamori-catalog.h"
#include "core/mamori-checklist.h"

static MamoriChecklist *
load (const char *name)
{
  g_autofree char *path = g_build_filename (CISO_DATA_DIR, name, NULL);
  g_autofree char *data = NULL;
  g_autoptr(GError) error = NULL;
  gsize length;
  MamoriChecklist *cl;

  g_assert_true (g_file_get_contents (path, &data, &length, &error));
  cl = mamori_checklist_parse (data, length, name, &error);
  g_assert_no_error (error);
  g_assert_nonnull (cl);
  return cl;
}

static MamoriChecklist *
parse (const char *yaml)
{
  g_autoptr(GError) error = NULL;
  MamoriChecklist *cl = mamori_checklist_parse (yaml, strlen (yaml), "shape.yaml", &error);

  g_assert_no_error (error);
  return cl;
}

/* Every item has a key of its own, found again by key and by urn, and some text to show. */
static void
assert_sound (const MamoriChecklist *cl)
{
  g_autoptr(GHashTable) keys = g_hash_table_new (g_str_hash, g_str_equal);

  for (guint i = 0; i < cl->items->len; i++)
    {
      const MamoriNode *item = cl->items->pdata[i];
      g_assert_nonnull (item->ref_id);
      g_assert_false (g_hash_table_contains (keys, item->ref_id));
      g_hash_table_add (keys, item->ref_id);
      g_assert_true (mamori_checklist_find_item (cl, item->ref_id) == item);
      g_assert_true (mamori_checklist_find_node (cl, item->urn) == item);
    }
  for (guint i = 0; i < cl->nodes->len; i++)
    {
      const char *text = mamori_node_text (cl->nodes->pdata[i], "ja");
      g_assert_nonnull (text);
      g_assert_cmpstr (text, !=, "");
    }
}

/* --- real files ------------------------------------------------------------------------------ */

static void
test_real_files (void)
{
  static const struct { const char *file; guint items; } files[] = {
    { "checklist-dossier-homologation.yaml", 16 },
    { "its-incident-reporting.yaml", 25 },
    { "anssi-mon-aide-cyber.yaml", 53 },
    { "anssi-guide-hygiene.yaml", 61 },
    { "dynamic-questionnaire.yaml", 7 },
  };

  for (guint f = 0; f < G_N_ELEMENTS (files); f++)
    {
      g_autoptr(MamoriChecklist) cl = load (files[f].file);
      g_assert_cmpuint (cl->items->len, ==, files[f].items);
      assert_sound (cl);
    }
}

/* No node has a ref_id; seven items of three sections all end in “:1”…“:7”. */
static void
test_keys_from_urns (void)
{
  g_autoptr(MamoriChecklist) cl = load ("checklist-dossier-homologation.yaml");
  const MamoriNode *item;

  item = mamori_checklist_find_item (cl, "prerequis---documents-existants:1");
  g_assert_nonnull (item);
  g_assert_true (item->ref_id_derived);
  g_assert_cmpstr (mamori_node_text (item, "fr"), ==, "Cartographie du système d'information");
  g_assert_nonnull (mamori_checklist_find_item (cl, "production-relative-au-dossier-d_homologation:1"));
  g_assert_nonnull (mamori_checklist_find_item (cl, "complements:1"));
  /* A last part no other item shares stays as it was. */
  item = mamori_checklist_find_item (cl, "8");
  g_assert_nonnull (item);
  g_assert_cmpstr (item->urn, ==, "urn:intuitem:risk:req_node:checklist-dossier-homologation:production-relative-au-dossier-d_homologation:8");
  g_assert_null (mamori_checklist_find_item (cl, "1"));
  /* Read twice, the same keys. */
  {
    g_autoptr(MamoriChecklist) again = load ("checklist-dossier-homologation.yaml");
    for (guint i = 0; i < cl->items->len; i++)
      g_assert_cmpstr (((MamoriNode *) cl->items->pdata[i])->ref_id, ==, ((MamoriNode *) again->items->pdata[i])->ref_id);
  }
}

#define HEAD \
  "urn: urn:x:library:shape\nlocale: en\nref_id: shape\nversion: 1\nobjects:\n  framework:\n" \
  "    urn: urn:x:framework:shape\n    ref_id: shape\n    name: Shape\n    requirement_nodes:\n"

static void
test_keys_hand_made (void)
{
  /* 1 and 2 under a and b: “a:1”, “b:1”; the file's own “x” and a node whose urn ends in x;
   * “lone” keeps its last part; a heading may share a key with an item. */
  g_autoptr(MamoriChecklist) cl = parse (HEAD
    "      - {urn: 'urn:x:n:a', assessable: false, name: A}\n"
    "      - {urn: 'urn:x:n:a:1', parent_urn: 'urn:x:n:a', name: A one}\n"
    "      - {urn: 'urn:x:n:b', assessable: false, name: B}\n"
    "      - {urn: 'urn:x:n:b:1', parent_urn: 'urn:x:n:b', name: B one}\n"
    "      - {urn: 'urn:x:n:c:x', name: Ends in x}\n"
    "      - {urn: 'urn:x:n:other', ref_id: x, name: Called x}\n"
    "      - {urn: 'urn:x:n:Lone', name: Lone}\n"
    "      - {urn: 'urn:x:n:h', assessable: false, ref_id: Lone, name: Heading}\n");
  const char *expect[][2] = { { "A one", "a:1" }, { "B one", "b:1" }, { "Ends in x", "c:x" },
                              { "Called x", "x" }, { "Lone", "Lone" } };

  g_assert_cmpuint (cl->items->len, ==, G_N_ELEMENTS (expect));
  for (guint i = 0; i < G_N_ELEMENTS (expect); i++)
    {
      const MamoriNode *item = cl->items->pdata[i];
      g_assert_cmpstr (mamori_node_text (item, "en"), ==, expect[i][0]);
      g_assert_cmpstr (item->ref_id, ==, expect[i][1]);
    }
  g_assert_false (((MamoriNode *) cl->items->pdata[3])->ref_id_derived);
  assert_sound (cl);

  /* As many parts as it takes. */
  {
    g_autoptr(MamoriChecklist) deep = parse (HEAD
      "      - {urn: 'urn:x:n:p:q:1', name: One}\n"
      "      - {urn: 'urn:y:n:p:q:1', name: Two}\n");
    g_assert_cmpstr (((MamoriNode *) deep->items->pdata[0])->ref_id, ==, "x:n:p:q:1");
    g_assert_cmpstr (((MamoriNode *) deep->items->pdata[1])->ref_id, ==, "y:n:p:q:1");
  }
}

/* The built-in checklists give every node its ref_id, so their stored answers keep their keys. */
static void
test_builtin_keys (void)
{
  g_autoptr(MamoriCatalog) catalog = mamori_catalog_new ();
  g_autoptr(GError) error = NULL;

  g_assert_true (mamori_catalog_load_builtin (catalog, &error));
  g_assert_no_error (error);
  for (guint c = 0; c < mamori_catalog_get_n (catalog); c++)
    {
      const MamoriChecklist *cl = mamori_catalog_get (catalog, c);
      for (guint i = 0; i < cl->nodes->len; i++)
        {
          const MamoriNode *node = cl->nodes->pdata[i];
          g_assert_false (node->ref_id_derived);
          g_assert_false (node->name_derived);
        }
      assert_sound (cl);
    }
}

/* --- text ------------------------------------------------------------------------------------- */

static void
test_text_fallbacks (void)
{
  g_autoptr(MamoriChecklist) dora = load ("its-incident-reporting.yaml");
  g_autoptr(MamoriChecklist) cyber = load ("anssi-mon-aide-cyber.yaml");
  const MamoriNode *node;

  /* A heading with only a ref_id shows it. */
  node = mamori_checklist_find_node (dora, "urn:intuitem:risk:req_node:its-dora-incident-reporting:recital");
  g_assert_nonnull (node);
  g_assert_false (node->assessable);
  g_assert_true (node->name_derived);
  g_assert_cmpstr (mamori_node_text (node, "en"), ==, "Recital");

  /* An item with only questions and an annotation: the question is its text, the annotation
   * stays its help. */
  node = mamori_checklist_find_item (cyber, "contexte-nature-entite");
  g_assert_nonnull (node);
  g_assert_true (node->name_derived);
  g_assert_cmpstr (mamori_node_text (node, "fr"), ==, "Quelle est la nature de votre entité ?");
  g_assert_nonnull (mamori_text_get (node->annotation, "fr"));

  /* Hand-made: only an annotation (moved to the name, not shown twice), only questions (all of
   * them, one a line), nothing at all (the ref_id), and empty or null texts count as none. */
  {
    g_autoptr(MamoriChecklist) cl = parse (HEAD
      "      - {urn: 'urn:x:n:1', ref_id: '1', annotation: Only help}\n"
      "      - urn: 'urn:x:n:2'\n        ref_id: '2'\n        questions:\n"
      "          urn:x:q:1: {type: text, text: First?, translations: {ja: {text: 一つ目？}}}\n"
      "          urn:x:q:2: {type: number, text: Second?}\n"
      "      - {urn: 'urn:x:n:3', ref_id: '3', name: '', description: ~}\n");
    g_assert_cmpstr (mamori_node_text (cl->items->pdata[0], "en"), ==, "Only help");
    g_assert_null (((MamoriNode *) cl->items->pdata[0])->annotation);
    g_assert_cmpstr (mamori_node_text (cl->items->pdata[1], "en"), ==, "First?\nSecond?");
    g_assert_cmpstr (mamori_node_text (cl->items->pdata[1], "ja"), ==, "一つ目？\nSecond?");
    g_assert_cmpstr (mamori_node_text (cl->items->pdata[2], "en"), ==, "3");
    assert_sound (cl);
  }
}

static void
test_translations (void)
{
  g_autoptr(MamoriChecklist) hygiene = load ("anssi-guide-hygiene.yaml");
  const MamoriNode *heading = mamori_checklist_find_node (hygiene, "urn:intuitem:risk:req_node:anssi-guide-hygiene:i");
  g_autoptr(MamoriChecklist) cl = parse (
    "urn: urn:x:library:tr\nlocale: en\nref_id: tr\nversion: 1\nobjects:\n  framework:\n"
    "    urn: urn:x:framework:tr\n    ref_id: tr\n    name: Translated\n"
    "    translations: {ja: {name: 翻訳済み}}\n    requirement_nodes:\n"
    "      - urn: urn:x:n:1\n        ref_id: '1'\n        name: Lock the screen\n"
    "        translations: {ja: {name: 画面をロックする}, fr: {name: ''}}\n");

  /* A French library with English translations: English for an English (or Japanese) user,
   * since it has no Japanese; French in French. */
  g_assert_cmpstr (mamori_text_get (hygiene->name, "fr"), ==, "ANSSI - Guide d'hygiène informatique");
  g_assert_cmpstr (mamori_text_get (hygiene->name, "en"), ==, "Guideline for a healthy information system");
  g_assert_cmpstr (mamori_node_text (heading, "ja"), ==, "Raise awareness and train");
  g_assert_cmpstr (mamori_node_text (heading, "fr"), ==, "Sensibiliser et former");
  /* The UI's language when the library has it; an empty translation is none. */
  g_assert_cmpstr (mamori_text_get (cl->name, "ja"), ==, "翻訳済み");
  g_assert_cmpstr (mamori_node_text (cl->items->pdata[0], "ja"), ==, "画面をロックする");
  g_assert_cmpstr (mamori_node_text (cl->items->pdata[0], "fr"), ==, "Lock the screen");
  g_assert_nonnull (mamori_node_text (cl->items->pdata[0], mamori_text_user_lang ()));
}

/* --- implementation groups -------------------------------------------------------------------- */

static guint
in_scope (const MamoriChecklist *cl,
          const char * const    *scope)
{
  guint n = 0;
  for (guint i = 0; i < cl->items->len; i++)
    n += mamori_checklist_in_scope (cl->items->pdata[i], scope);
  return n;
}

static void
test_implementation_groups (void)
{
  g_autoptr(MamoriChecklist) hygiene = load ("anssi-guide-hygiene.yaml");
  g_autoptr(MamoriChecklist) dyn = load ("dynamic-questionnaire.yaml");
  const char *standard[] = { "S", NULL };
  const char *reinforced[] = { "R", NULL };
  const char *both[] = { "S", "R", NULL };
  const char *bad[] = { "S", "X", NULL };
  const MamoriImplementationGroup *g;
  g_auto(GStrv) unknown = NULL;
  g_auto(GStrv) defaults = NULL;
  g_autofree int *answers = NULL;
  MamoriScore all, some;

  g_assert_cmpuint (hygiene->implementation_groups->len, ==, 2);
  g = mamori_checklist_find_group (hygiene, "R");
  g_assert_nonnull (g);
  g_assert_cmpstr (mamori_text_get (g->name, "fr"), ==, "renforcé");
  g_assert_cmpstr (mamori_text_get (g->name, "en"), ==, "strengthened");
  g_assert_null (mamori_checklist_default_scope (hygiene));
  g_assert_cmpuint (in_scope (hygiene, NULL), ==, 61);
  g_assert_cmpuint (in_scope (hygiene, standard), ==, 39);
  g_assert_cmpuint (in_scope (hygiene, reinforced), ==, 22);
  g_assert_cmpuint (in_scope (hygiene, both), ==, 61);
  unknown = mamori_checklist_unknown_groups (hygiene, bad);
  g_assert_cmpstrv (unknown, ((const char *[]) { "X", NULL }));
  g_assert_null (mamori_checklist_unknown_groups (hygiene, both));

  /* Scored in scope: the items outside count nowhere. */
  answers = g_new (int, hygiene->items->len);
  for (guint i = 0; i < hygiene->items->len; i++)
    answers[i] = 0; /* the check-sheet scale's “complete”, 2 */
  mamori_checklist_score_in_scope (hygiene, answers, NULL, &all, NULL);
  mamori_checklist_score_in_scope (hygiene, answers, (const char * const *) standard, &some, NULL);
  g_assert_cmpuint (all.n_items, ==, 61);
  g_assert_cmpuint (some.n_items, ==, 39);
  g_assert_cmpfloat (some.score, ==, 78);
  g_assert_cmpfloat (some.max, ==, 78);

  /* default_selected, and a node without groups is outside any scope. */
  defaults = mamori_checklist_default_scope (dyn);
  g_assert_cmpstrv (defaults, ((const char *[]) { "base", NULL }));
  g_assert_cmpuint (in_scope (dyn, (const char * const *) defaults), ==, 3);
}

/* --- questions -------------------------------------------------------------------------------- */

static const MamoriQuestion *
question (const MamoriNode *node,
          guint             i)
{
  g_assert_nonnull (node->questions);
  g_assert_cmpuint (i, <, node->questions->len);
  return node->questions->pdata[i];
}

static void
test_questions (void)
{
  g_autoptr(MamoriChecklist) dyn = load ("dynamic-questionnaire.yaml");
  g_autoptr(MamoriChecklist) cyber = load ("anssi-mon-aide-cyber.yaml");
  g_autoptr(GHashTable) selected = g_hash_table_new (g_str_hash, g_str_equal);
  const MamoriNode *profile = mamori_checklist_find_item (dyn, "0_Profil");
  const MamoriNode *gov = mamori_checklist_find_item (dyn, "1.1_Gouvernance");
  const MamoriNode *training = mamori_checklist_find_item (dyn, "1.2_Sensibilisation");
  const MamoriNode *logs = mamori_checklist_find_item (dyn, "2.1_Supervision");
  guint seen[MAMORI_QUESTION_DATE + 1] = { 0 };
  guint multiple = 0;
  const MamoriQuestion *q;

  /* Every type, in file order, with its text. */
  for (guint i = 0; i < dyn->items->len; i++)
    {
      const MamoriNode *item = dyn->items->pdata[i];
      for (guint k = 0; item->questions && k < item->questions->len; k++)
        {
          q = item->questions->pdata[k];
          seen[q->type]++;
          g_assert_nonnull (mamori_text_get (q->text, "fr"));
          g_assert_true ((q->choices != NULL) ==
                         (q->type == MAMORI_QUESTION_UNIQUE_CHOICE || q->type == MAMORI_QUESTION_MULTIPLE_CHOICE));
        }
    }
  g_assert_cmpuint (seen[MAMORI_QUESTION_UNIQUE_CHOICE], ==, 8);
  g_assert_cmpuint (seen[MAMORI_QUESTION_MULTIPLE_CHOICE], ==, 2);
  g_assert_cmpuint (seen[MAMORI_QUESTION_TEXT], ==, 2);
  g_assert_cmpuint (seen[MAMORI_QUESTION_NUMBER], ==, 1);
  g_assert_cmpuint (seen[MAMORI_QUESTION_BOOLEAN], ==, 1);
  g_assert_cmpuint (seen[MAMORI_QUESTION_DATE], ==, 2);
  g_assert_cmpuint (profile->questions->len, ==, 3);
  g_assert_cmpint (question (profile, 2)->type, ==, MAMORI_QUESTION_DATE);
  g_assert_cmpint (question (training, 1)->type, ==, MAMORI_QUESTION_NUMBER);
  g_assert_cmpint (question (logs, 1)->type, ==, MAMORI_QUESTION_BOOLEAN);
  /* The item's answer scale is its first unique_choice question. */
  g_assert_true (mamori_checklist_choices (dyn, gov) == question (gov, 0)->choices);

  /* depends_on: question 2 when question 1 is answered choice 1 or 2; question 3 only for 1. */
  q = question (gov, 1);
  g_assert_cmpstr (q->depends_on, ==, question (gov, 0)->urn);
  g_assert_cmpuint (g_strv_length (q->depends_answers), ==, 2);
  g_assert_false (mamori_question_applies (q, NULL));
  g_assert_true (mamori_question_applies (question (gov, 0), NULL));
  g_hash_table_add (selected, ((MamoriChoice *) question (gov, 0)->choices->pdata[1])->urn);
  g_assert_true (mamori_question_applies (q, selected));
  g_assert_false (mamori_question_applies (question (gov, 2), selected));
  g_hash_table_add (selected, ((MamoriChoice *) question (gov, 0)->choices->pdata[0])->urn);
  g_assert_true (mamori_question_applies (question (gov, 2), selected));

  /* ANSSI's MonAideCyber asks multiple-choice questions too. */
  for (guint i = 0; i < cyber->items->len; i++)
    {
      const MamoriNode *item = cyber->items->pdata[i];
      for (guint k = 0; item->questions && k < item->questions->len; k++)
        multiple += question (item, k)->type == MAMORI_QUESTION_MULTIPLE_CHOICE;
    }
  g_assert_cmpuint (multiple, >, 0);

  /* Hand-made: condition “all”, and a type Mamori does not know is left out and listed. */
  {
    g_autoptr(MamoriChecklist) cl = parse (HEAD
      "      - urn: urn:x:n:1\n        ref_id: '1'\n        name: One\n        questions:\n"
      "          urn:x:q:1:\n            type: multiple_choice\n            text: Which?\n            choices:\n"
      "              - {urn: 'urn:x:q:1:c:1', value: A}\n              - {urn: 'urn:x:q:1:c:2', value: B}\n"
      "          urn:x:q:2:\n            type: boolean\n            text: Both?\n"
      "            depends_on: {question: 'URN:x:q:1', answers: ['urn:x:q:1:c:1', 'urn:x:q:1:c:2'], condition: all}\n"
      "          urn:x:q:3: {type: slider, text: How much?}\n");
    const MamoriNode *item = cl->items->pdata[0];
    g_autoptr(GHashTable) chosen = g_hash_table_new (g_str_hash, g_str_equal);
    gboolean listed = FALSE;

    g_assert_cmpuint (item->questions->len, ==, 2);
    g_assert_null (item->choices);
    q = question (item, 1);
    g_assert_true (q->depends_all);
    g_assert_cmpstr (q->depends_on, ==, "urn:x:q:1");
    g_hash_table_add (chosen, (gpointer) "urn:x:q:1:c:1");
    g_assert_false (mamori_question_applies (q, chosen));
    g_hash_table_add (chosen, (gpointer) "urn:x:q:1:c:2");
    g_assert_true (mamori_question_applies (q, chosen));
    for (guint i = 0; i < cl->warnings->len; i++)
      listed |= strstr (cl->warnings->pdata[i], "questions of type slider") != NULL;
    g_assert_true (listed);
  }
}

int
main (int argc, char *argv[])
{
  setlocale (LC_ALL, "");
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);
  g_test_add_func ("/ciso-library/real-files", test_real_files);
  g_test_add_func ("/ciso-library/keys/from-urns", test_keys_from_urns);
  g_test_add_func ("/ciso-library/keys/hand-made", test_keys_hand_made);
  g_test_add_func ("/ciso-library/keys/builtin", test_builtin_keys);
  g_test_add_func ("/ciso-library/text/fallbacks", test_text_fallbacks);
  g_test_add_func ("/ciso-library/text/translations", test_translations);
  g_test_add_func ("/ciso-library/implementation-groups", test_implementation_groups);
  g_test_add_func ("/ciso-library/questions", test_questions);
  return g_test_run ();
}
