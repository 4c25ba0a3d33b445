/* test-questions.c — the answers to a library item's questions (CISO Assistant's `questions`):
 * each type's value checked and stored, depends_on, copying an assessment, a completed one
 * refusing changes, the assessment CSV's column “questions” and import answers reading it
 * back; on a workspace file and on a PostgreSQL server (MAMORI_TEST_PG). Real library files:
 * tests/data/ciso (see its README). */
#include "config.h"

#include <glib/gstdio.h>
#include <locale.h>
#include <string.h>

#include "core/mamori-catalog.h"
#include "core/mamori-csv.h"
#include "core/mamori-question-value.h"
#include "ops/mamori-ops.h"
#include "report/mamori-table-export.h"
#include "store/mamori-assessments.h"
#include "store/mamori-questions.h"
#include "store/mamori-workspace.h"
#include "mamori-test-pg.h"

#define DYN "urn:intuitem:risk:req_node:example-dynamic-questionnaire:"

static char *tmpdir;

static char *
read_data (const char *name,
           gsize      *length)
{
  g_autofree char *path = g_build_filename (CISO_DATA_DIR, name, NULL);
  g_autoptr(GError) error = NULL;
  char *data = NULL;

  g_assert_true (g_file_get_contents (path, &data, length, &error));
  return data;
}

static MamoriChecklist *
load (const char *name)
{
  gsize length;
  g_autofree char *data = read_data (name, &length);
  g_autoptr(GError) error = NULL;
  MamoriChecklist *cl = mamori_checklist_parse (data, length, name, &error);

  g_assert_no_error (error);
  return cl;
}

static const MamoriQuestion *
question (const MamoriChecklist *cl,
          const char            *ref_id,
          const char            *urn)
{
  const MamoriNode *item = mamori_checklist_find_item (cl, ref_id);
  const MamoriQuestion *q;

  g_assert_nonnull (item);
  q = mamori_node_find_question (item, urn);
  g_assert_nonnull (q);
  return q;
}

/* text checked as an answer to q: the stored value, or NULL with the message's part. */
static void
assert_value (const MamoriQuestion *q,
              const char           *text,
              const char           *stored,
              const char           *message_part)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *v = mamori_question_value_check (q, text, &error);

  if (stored != NULL)
    {
      g_assert_no_error (error);
      g_assert_cmpstr (v, ==, stored);
    }
  else
    {
      g_assert_null (v);
      g_assert_error (error, MAMORI_CHECKLIST_ERROR, MAMORI_CHECKLIST_ERROR_INVALID);
      if (strstr (error->message, message_part) == NULL)
        g_error ("“%s”: “%s” does not say “%s”", text, error->message, message_part);
    }
}

static void
test_values (void)
{
  g_autoptr(MamoriChecklist) cl = load ("dynamic-questionnaire.yaml");
  const MamoriQuestion *text = question (cl, "1.2_Sensibilisation", DYN "1_fondamentaux:sensibilisation:question:3");
  const MamoriQuestion *number = question (cl, "1.2_Sensibilisation", DYN "1_fondamentaux:sensibilisation:question:2");
  const MamoriQuestion *date = question (cl, "0_Profil", DYN "0_preambule:profil:question:3");
  const MamoriQuestion *boolean = question (cl, "2.1_Supervision", DYN "2_avances:supervision:question:2");
  const MamoriQuestion *unique = question (cl, "0_Profil", DYN "0_preambule:profil:question:2");
  const MamoriQuestion *multiple = question (cl, "2.1_Supervision", DYN "2_avances:supervision:question:1");
  g_autofree char *long_text = g_strnfill (MAMORI_QUESTION_TEXT_MAX + 1, 'x');
  g_autofree char *two = NULL;
  g_autofree char *shown = NULL;

  g_assert_cmpint (text->type, ==, MAMORI_QUESTION_TEXT);
  g_assert_cmpint (number->type, ==, MAMORI_QUESTION_NUMBER);
  g_assert_cmpint (date->type, ==, MAMORI_QUESTION_DATE);
  g_assert_cmpint (boolean->type, ==, MAMORI_QUESTION_BOOLEAN);
  g_assert_cmpint (unique->type, ==, MAMORI_QUESTION_UNIQUE_CHOICE);
  g_assert_cmpint (multiple->type, ==, MAMORI_QUESTION_MULTIPLE_CHOICE);

  /* Empty is “not answered”, whatever the type. */
  assert_value (number, "  ", "", NULL);
  assert_value (unique, "", "", NULL);
  /* Text is kept as typed, line breaks and spaces included. */
  assert_value (text, " Atelier\nannuel ", " Atelier\nannuel ", NULL);
  assert_value (text, long_text, NULL, "longer than");
  /* Numbers in the C locale, written anew. */
  assert_value (number, "12", "12", NULL);
  assert_value (number, " 3.50 ", "3.5", NULL);
  assert_value (number, "-0", "0", NULL);
  assert_value (number, "1,5", NULL, "not a number");
  assert_value (number, "douze", NULL, "not a number");
  assert_value (number, "inf", NULL, "not a number");
  assert_value (number, "0x10", NULL, "not a number");
  /* Dates as YYYY-MM-DD, real days only. */
  assert_value (date, "2026-04-01", "2026-04-01", NULL);
  assert_value (date, "2026/4/1", "2026-04-01", NULL);
  assert_value (date, "2026-02-30", NULL, "not a date");
  assert_value (date, "1 avril 2026", NULL, "not a date");
  /* Booleans as CISO Assistant's JSON true and false. */
  assert_value (boolean, "true", "true", NULL);
  assert_value (boolean, "Yes", "true", NULL);
  assert_value (boolean, "いいえ", "false", NULL);
  assert_value (boolean, "0", "false", NULL);
  assert_value (boolean, "peut-être", NULL, "yes-or-no");
  /* A unique choice by urn (any case) or label; one only. */
  assert_value (unique, DYN "0_preambule:profil:question:2:choice:1", DYN "0_preambule:profil:question:2:choice:1", NULL);
  assert_value (unique, "URN:INTUITEM:RISK:REQ_NODE:EXAMPLE-DYNAMIC-QUESTIONNAIRE:0_PREAMBULE:PROFIL:QUESTION:2:CHOICE:2",
                DYN "0_preambule:profil:question:2:choice:2", NULL);
  assert_value (unique, "Non", DYN "0_preambule:profil:question:2:choice:2", NULL);
  assert_value (unique, "Peut-être", NULL, "not one of the question’s choices");
  two = g_strdup_printf ("Oui|Non");
  assert_value (unique, two, NULL, "takes one choice, not 2");
  /* Multiple choices in the library's order, joined by “|”; repeats once. */
  assert_value (multiple, DYN "2_avances:supervision:question:1:choice:3|" DYN "2_avances:supervision:question:1:choice:1|"
                DYN "2_avances:supervision:question:1:choice:3",
                DYN "2_avances:supervision:question:1:choice:1|" DYN "2_avances:supervision:question:1:choice:3", NULL);
  assert_value (multiple, DYN "2_avances:supervision:question:1:choice:9", NULL, "choice:9");

  /* As a person reads them. */
  shown = mamori_question_value_display (boolean, "true", "ja");
  g_assert_cmpstr (shown, ==, "はい");
  g_free (shown);
  shown = mamori_question_value_display (unique, DYN "0_preambule:profil:question:2:choice:2", "en");
  g_assert_cmpstr (shown, ==, "Non");
  g_assert_cmpstr (mamori_question_type_key (multiple->type), ==, "multiple_choice");
}

/* depends_on, with the item's answer (its first unique-choice question) among the choices. */
static void
test_depends_on (void)
{
  g_autoptr(MamoriChecklist) cl = load ("dynamic-questionnaire.yaml");
  const MamoriNode *gov = mamori_checklist_find_item (cl, "1.1_Gouvernance");
  const MamoriQuestion *scale = question (cl, "1.1_Gouvernance", DYN "1_fondamentaux:gouvernance:question:1");
  const MamoriQuestion *reviewed = question (cl, "1.1_Gouvernance", DYN "1_fondamentaux:gouvernance:question:2");
  const MamoriQuestion *mechanisms = question (cl, "1.1_Gouvernance", DYN "1_fondamentaux:gouvernance:question:3");
  const int expect[][2] = { { FALSE, FALSE }, { TRUE, TRUE }, { TRUE, FALSE }, { FALSE, FALSE }, { FALSE, FALSE } };

  g_assert_true (mamori_question_is_scale (gov, scale));
  g_assert_false (mamori_question_is_scale (gov, reviewed));
  g_assert_cmpuint (mamori_node_n_extra_questions (gov), ==, 2);
  for (int choice = -1; choice < 4; choice++)
    {
      g_autoptr(GHashTable) selected = mamori_question_selected_set (gov, NULL, choice);
      g_assert_cmpint (mamori_question_applies (reviewed, selected), ==, expect[choice + 1][0]);
      g_assert_cmpint (mamori_question_applies (mechanisms, selected), ==, expect[choice + 1][1]);
    }
  /* Between extra questions too: a stored answer selects its choices. */
  {
    const MamoriNode *profil = mamori_checklist_find_item (cl, "0_Profil");
    g_autoptr(GHashTable) answers = g_hash_table_new (g_str_hash, g_str_equal);
    g_autoptr(GHashTable) selected = NULL;

    g_hash_table_insert (answers, (char *) DYN "0_preambule:profil:question:2", (char *) DYN "0_preambule:profil:question:2:choice:1");
    selected = mamori_question_selected_set (profil, answers, -1);
    g_assert_true (g_hash_table_contains (selected, DYN "0_preambule:profil:question:2:choice:1"));
  }
}

static MamoriWorkspace *
new_workspace_on (TestEngine  engine,
                  const char *name)
{
  g_autofree char *path = engine == TEST_ENGINE_POSTGRESQL ? test_pg_new_database ()
                                                           : g_build_filename (tmpdir, name, NULL);
  g_autoptr(GError) error = NULL;
  MamoriWorkspace *ws;

  if (engine == TEST_ENGINE_SQLITE)
    g_unlink (path);
  ws = mamori_workspace_open (path, MAMORI_WORKSPACE_OPEN_CREATE, &error);
  g_assert_no_error (error);
  return ws;
}

/* The dynamic questionnaire imported into ws; the catalogue of ws's checklists. */
static MamoriCatalog *
import_library (MamoriWorkspace *ws)
{
  g_autofree char *path = g_build_filename (CISO_DATA_DIR, "dynamic-questionnaire.yaml", NULL);
  MamoriOpRequest request = { .path = path };
  g_autoptr(GError) error = NULL;
  MamoriCatalog *catalog = mamori_catalog_new ();

  g_assert_true (mamori_op_run (mamori_op_find (MAMORI_OP_IMPORT, "library"), ws, NULL, &request, NULL, &error));
  g_assert_no_error (error);
  g_assert_true (mamori_workspace_load_catalog (ws, catalog, NULL, &error));
  g_assert_no_error (error);
  g_assert_nonnull (mamori_catalog_find (catalog, "example-dynamic-questionnaire"));
  return catalog;
}

static void
set (MamoriWorkspace       *ws,
     gint64                 id,
     const MamoriChecklist *cl,
     const char            *ref_id,
     const char            *urn,
     const char            *value)
{
  g_autoptr(GError) error = NULL;

  g_assert_true (mamori_workspace_set_question_answer (ws, id, mamori_checklist_find_item (cl, ref_id),
                                                       question (cl, ref_id, urn), value, &error));
  g_assert_no_error (error);
}

static const char *
stored (GHashTable *all,
        const char *ref_id,
        const char *urn)
{
  GHashTable *item = g_hash_table_lookup (all, ref_id);
  return item ? g_hash_table_lookup (item, urn) : NULL;
}

static void
test_store (gconstpointer data)
{
  TestEngine engine = GPOINTER_TO_INT (data);
  g_autoptr(MamoriWorkspace) ws = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GHashTable) all = NULL, copied = NULL, item = NULL;
  MamoriCatalog *catalog;
  const MamoriChecklist *cl;
  gint64 id, copy;

  if (engine == TEST_ENGINE_POSTGRESQL && !test_pg_available ())
    return;
  ws = new_workspace_on (engine, "store.mamori");
  catalog = import_library (ws);
  cl = mamori_catalog_find (catalog, "example-dynamic-questionnaire");
  id = mamori_workspace_create_assessment (ws, cl->id, "", "2026-04-01", "山田", &error);
  g_assert_no_error (error);

  /* Each type round-trips in its stored form. */
  set (ws, id, cl, "0_Profil", DYN "0_preambule:profil:question:2", "Oui");
  set (ws, id, cl, "0_Profil", DYN "0_preambule:profil:question:3", "2026/4/1");
  set (ws, id, cl, "1.2_Sensibilisation", DYN "1_fondamentaux:sensibilisation:question:2", "7.50");
  set (ws, id, cl, "1.2_Sensibilisation", DYN "1_fondamentaux:sensibilisation:question:3", "Atelier \\ annuel\nen ligne");
  set (ws, id, cl, "2.1_Supervision", DYN "2_avances:supervision:question:1",
       DYN "2_avances:supervision:question:1:choice:2|" DYN "2_avances:supervision:question:1:choice:1");
  set (ws, id, cl, "2.1_Supervision", DYN "2_avances:supervision:question:2", "false");
  all = mamori_workspace_get_question_answers (ws, id, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (g_hash_table_size (all), ==, 3);
  g_assert_cmpstr (stored (all, "0_Profil", DYN "0_preambule:profil:question:2"), ==, DYN "0_preambule:profil:question:2:choice:1");
  g_assert_cmpstr (stored (all, "0_Profil", DYN "0_preambule:profil:question:3"), ==, "2026-04-01");
  g_assert_cmpstr (stored (all, "1.2_Sensibilisation", DYN "1_fondamentaux:sensibilisation:question:2"), ==, "7.5");
  g_assert_cmpstr (stored (all, "1.2_Sensibilisation", DYN "1_fondamentaux:sensibilisation:question:3"), ==,
                   "Atelier \\ annuel\nen ligne");
  g_assert_cmpstr (stored (all, "2.1_Supervision", DYN "2_avances:supervision:question:1"), ==,
                   DYN "2_avances:supervision:question:1:choice:1|" DYN "2_avances:supervision:question:1:choice:2");
  g_assert_cmpstr (stored (all, "2.1_Supervision", DYN "2_avances:supervision:question:2"), ==, "false");
  item = mamori_workspace_get_item_questions (ws, id, "0_Profil", &error);
  g_assert_cmpuint (g_hash_table_size (item), ==, 2);

  /* A refused value says why and changes nothing. */
  g_assert_false (mamori_workspace_set_question_answer (ws, id, mamori_checklist_find_item (cl, "0_Profil"),
                                                        question (cl, "0_Profil", DYN "0_preambule:profil:question:3"),
                                                        "2026-13-01", &error));
  g_assert_error (error, MAMORI_WORKSPACE_ERROR, MAMORI_WORKSPACE_ERROR_INVALID);
  g_assert_nonnull (strstr (error->message, "2026-13-01"));
  g_clear_error (&error);
  /* The question that is the item's scale is answered as the item. */
  g_assert_false (mamori_workspace_set_question_answer (ws, id, mamori_checklist_find_item (cl, "0_Profil"),
                                                        question (cl, "0_Profil", DYN "0_preambule:profil:question:1"),
                                                        "ETI (250 à 5000 salariés)", &error));
  g_assert_error (error, MAMORI_WORKSPACE_ERROR, MAMORI_WORKSPACE_ERROR_INVALID);
  g_assert_nonnull (strstr (error->message, "answer the item"));
  g_clear_error (&error);
  /* Another item's question is not this item's. */
  g_assert_false (mamori_workspace_set_question_answer (ws, id, mamori_checklist_find_item (cl, "0_Profil"),
                                                        question (cl, "2.1_Supervision", DYN "2_avances:supervision:question:2"),
                                                        "true", &error));
  g_assert_error (error, MAMORI_WORKSPACE_ERROR, MAMORI_WORKSPACE_ERROR_INVALID);
  g_clear_error (&error);

  /* Saved over the answer the user saw, not over one someone gave meanwhile: stored "2026-04-01",
   * a save from a stale "2026-03-01" is refused and keeps it; from the current one it goes. */
  {
    const char *q3 = DYN "0_preambule:profil:question:3";
    g_autoptr(GHashTable) now = NULL;

    g_assert_false (mamori_workspace_set_question_value_checked (ws, id, "0_Profil", q3, "2026-06-01", "2026-03-01", &error));
    g_assert_error (error, MAMORI_WORKSPACE_ERROR, MAMORI_WORKSPACE_ERROR_CONFLICT);
    g_clear_error (&error);
    g_assert_false (mamori_workspace_set_question_value_checked (ws, id, "0_Profil", q3, "2026-06-01", "", &error));
    g_assert_error (error, MAMORI_WORKSPACE_ERROR, MAMORI_WORKSPACE_ERROR_CONFLICT);
    g_clear_error (&error);
    now = mamori_workspace_get_item_questions (ws, id, "0_Profil", &error);
    g_assert_cmpstr (g_hash_table_lookup (now, q3), ==, "2026-04-01");
    /* The same value as stored is no conflict. */
    g_assert_true (mamori_workspace_set_question_value_checked (ws, id, "0_Profil", q3, "2026-04-01", "2026-03-01", &error));
    g_assert_true (mamori_workspace_set_question_value_checked (ws, id, "0_Profil", q3, "2026-06-01", "2026-04-01", &error));
    g_assert_no_error (error);
    g_assert_true (mamori_workspace_set_question_value_checked (ws, id, "0_Profil", q3, "2026-04-01", NULL, &error));
    g_assert_no_error (error);
  }

  /* Clearing one, then an item's all. */
  set (ws, id, cl, "2.1_Supervision", DYN "2_avances:supervision:question:2", "");
  g_assert_true (mamori_workspace_clear_question_answers (ws, id, "1.2_Sensibilisation", &error));
  g_assert_no_error (error);
  g_clear_pointer (&all, g_hash_table_unref);
  all = mamori_workspace_get_question_answers (ws, id, &error);
  g_assert_null (stored (all, "2.1_Supervision", DYN "2_avances:supervision:question:2"));
  g_assert_null (g_hash_table_lookup (all, "1.2_Sensibilisation"));
  g_assert_nonnull (stored (all, "2.1_Supervision", DYN "2_avances:supervision:question:1"));

  /* A copy carries them; the completed original refuses changes, the copy takes them. */
  copy = mamori_workspace_copy_assessment (ws, id, "2027-04-01", &error);
  g_assert_no_error (error);
  copied = mamori_workspace_get_question_answers (ws, copy, &error);
  g_assert_cmpuint (g_hash_table_size (copied), ==, g_hash_table_size (all));
  g_assert_cmpstr (stored (copied, "0_Profil", DYN "0_preambule:profil:question:3"), ==, "2026-04-01");
  g_assert_true (mamori_workspace_complete_assessment (ws, id, NULL, &error));
  g_assert_no_error (error);
  g_assert_false (mamori_workspace_set_question_answer (ws, id, mamori_checklist_find_item (cl, "0_Profil"),
                                                        question (cl, "0_Profil", DYN "0_preambule:profil:question:3"),
                                                        "2026-05-01", &error));
  g_assert_error (error, MAMORI_WORKSPACE_ERROR, MAMORI_WORKSPACE_ERROR_READ_ONLY);
  g_clear_error (&error);
  g_assert_false (mamori_workspace_clear_question_answers (ws, id, "0_Profil", &error));
  g_assert_error (error, MAMORI_WORKSPACE_ERROR, MAMORI_WORKSPACE_ERROR_READ_ONLY);
  g_clear_error (&error);
  set (ws, copy, cl, "0_Profil", DYN "0_preambule:profil:question:3", "2027-04-01");
  mamori_catalog_free (catalog);
}

/* The assessment CSV's column “questions”, and import answers reading it back. */
static void
test_csv (gconstpointer data)
{
  TestEngine engine = GPOINTER_TO_INT (data);
  g_autoptr(MamoriWorkspace) ws = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GHashTable) back = NULL, imported = NULL;
  g_autoptr(GPtrArray) problems = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(MamoriOpResult) result = NULL;
  g_autofree char *csv = NULL, *path = NULL;
  MamoriCatalog *catalog;
  const MamoriChecklist *cl;
  gint64 id;

  if (engine == TEST_ENGINE_POSTGRESQL && !test_pg_available ())
    return;
  ws = new_workspace_on (engine, "csv.mamori");
  catalog = import_library (ws);
  cl = mamori_catalog_find (catalog, "example-dynamic-questionnaire");
  id = mamori_workspace_create_assessment (ws, cl->id, "", "2026-04-01", "", &error);
  g_assert_no_error (error);
  /* import answers wants every listed item answered. */
  for (guint i = 0; i < cl->items->len; i++)
    {
      const MamoriNode *item = cl->items->pdata[i];
      GPtrArray *choices = mamori_checklist_choices (cl, item);
      int c = g_str_equal (item->ref_id, "1.1_Gouvernance") ? 2 : 0;
      const MamoriChoice *choice = choices->pdata[c];

      g_assert_true (mamori_workspace_set_answer (ws, id, item->ref_id, c, choice->score, choice->not_applicable, &error));
      g_assert_no_error (error);
    }
  set (ws, id, cl, "0_Profil", DYN "0_preambule:profil:question:3", "2026-04-01");
  set (ws, id, cl, "1.2_Sensibilisation", DYN "1_fondamentaux:sensibilisation:question:3", "Deux lignes\\n, et \"guillemets\"\n= fin");
  set (ws, id, cl, "2.1_Supervision", DYN "2_avances:supervision:question:1",
       DYN "2_avances:supervision:question:1:choice:1|" DYN "2_avances:supervision:question:1:choice:2");
  /* Answered while the item's answer allowed it; the answer changed since: kept, not exported. */
  set (ws, id, cl, "1.1_Gouvernance", DYN "1_fondamentaux:gouvernance:question:2",
       DYN "1_fondamentaux:gouvernance:question:2:choice:1");

  csv = mamori_table_export_assessment_csv (ws, cl, id, "en", &error);
  g_assert_no_error (error);
  g_assert_nonnull (strstr (csv, ",evidence,questions\r\n"));
  g_assert_nonnull (strstr (csv, "," DYN "0_preambule:profil:question:3 = 2026-04-01\r\n"));
  g_assert_nonnull (strstr (csv, DYN "1_fondamentaux:sensibilisation:question:3 = Deux lignes\\\\n, et \"\"guillemets\"\"\\n= fin"));
  g_assert_null (strstr (csv, "gouvernance:question:2"));

  /* Read back: the same values. */
  back = mamori_question_read_csv (cl, csv, problems);
  g_assert_cmpuint (problems->len, ==, 0);
  g_assert_cmpuint (g_hash_table_size (back), ==, 3);
  g_assert_cmpstr (stored (back, "1.2_Sensibilisation", DYN "1_fondamentaux:sensibilisation:question:3"), ==,
                   "Deux lignes\\n, et \"guillemets\"\n= fin");
  g_assert_cmpstr (stored (back, "2.1_Supervision", DYN "2_avances:supervision:question:1"), ==,
                   DYN "2_avances:supervision:question:1:choice:1|" DYN "2_avances:supervision:question:1:choice:2");

  /* import answers takes the exported file whole: a new completed assessment with them. */
  path = g_build_filename (tmpdir, "answers.csv", NULL);
  g_assert_true (g_file_set_contents (path, csv, -1, &error));
  {
    MamoriOpRequest request = { .path = path, .checklist = cl->id };
    g_assert_true (mamori_op_run (mamori_op_find (MAMORI_OP_IMPORT, "answers"), ws, NULL, &request, &result, &error));
    g_assert_no_error (error);
  }
  imported = mamori_workspace_get_question_answers (ws, result->id, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (g_hash_table_size (imported), ==, 3);
  g_assert_cmpstr (stored (imported, "0_Profil", DYN "0_preambule:profil:question:3"), ==, "2026-04-01");
  g_assert_cmpstr (stored (imported, "1.2_Sensibilisation", DYN "1_fondamentaux:sensibilisation:question:3"), ==,
                   "Deux lignes\\n, et \"guillemets\"\n= fin");

  /* A file without the column is read as before; a bad cell names its line and stops the import. */
  {
    g_autoptr(GPtrArray) none = g_ptr_array_new_with_free_func (g_free);
    g_assert_null (mamori_question_read_csv (cl, "ref_id,answer\r\n0_Profil,Non\r\n", none));
  }
  {
    const char *bad = "ref_id,answer,questions\r\n"
                      "2.1_Supervision,Complete,\"" DYN "2_avances:supervision:question:2 = peut-être\"\r\n"
                      "1.2_Sensibilisation,Aucune formation prévue.,\"no equals sign\r\n" DYN "2_avances:supervision:question:2 = true\"\r\n"
                      "0_Profil,TPE/PME (< 250 salariés),\"" DYN "0_preambule:profil:question:1 = Non\"\r\n";
    g_autoptr(GHashTable) read = mamori_question_read_csv (cl, bad, problems);
    g_autoptr(MamoriOpResult) refused = NULL;
    g_autofree char *bad_path = g_build_filename (tmpdir, "bad.csv", NULL);
    MamoriOpRequest request = { .path = bad_path, .checklist = cl->id };

    g_assert_nonnull (read);
    g_assert_cmpuint (problems->len, ==, 4);
    g_assert_nonnull (strstr (problems->pdata[0], "line 2, column questions"));
    g_assert_nonnull (strstr (problems->pdata[0], "yes-or-no"));
    g_assert_nonnull (strstr (problems->pdata[1], "QUESTION-URN = VALUE"));
    g_assert_nonnull (strstr (problems->pdata[2], "has no question"));
    g_assert_nonnull (strstr (problems->pdata[3], "column answer"));
    g_assert_true (g_file_set_contents (bad_path, bad, -1, &error));
    g_assert_false (mamori_op_run (mamori_op_find (MAMORI_OP_IMPORT, "answers"), ws, NULL, &request, &refused, &error));
    g_assert_nonnull (error);
    g_assert_cmpuint (refused->problems->len, ==, 4);
  }
  mamori_catalog_free (catalog);
}

/* Texts in the UI's language when the library has it: a French library with English
 * translations exports English item names; a question's and its choices' translations. */
static void
test_translations (void)
{
  g_autoptr(MamoriChecklist) hygiene = load ("anssi-guide-hygiene.yaml");
  const MamoriNode *first = hygiene->items->pdata[0];
  const char *yaml =
    "urn: urn:x:library:q\nlocale: en\nref_id: q\nversion: 1\nobjects:\n  framework:\n"
    "    urn: urn:x:framework:q\n    ref_id: q\n    name: Questions\n    requirement_nodes:\n"
    "      - urn: urn:x:n:1\n        ref_id: '1'\n        name: Backups\n        assessable: true\n"
    "        questions:\n"
    "          urn:x:n:1:question:1:\n            type: boolean\n            text: Are backups tested?\n"
    "            translations: {ja: {text: バックアップを試していますか}}\n"
    "          urn:x:n:1:question:2:\n            type: multiple_choice\n            text: Where?\n"
    "            choices:\n"
    "              - urn: urn:x:n:1:question:2:choice:1\n                value: On site\n"
    "                translations: {ja: {value: 社内}}\n"
    "              - urn: urn:x:n:1:question:2:choice:2\n                value: Cloud\n";
  g_autoptr(GError) error = NULL;
  g_autoptr(MamoriChecklist) cl = mamori_checklist_parse (yaml, strlen (yaml), "q.yaml", &error);
  const MamoriNode *node;
  g_autofree char *shown = NULL;

  g_assert_no_error (error);
  g_assert_cmpstr (mamori_node_text (first, "en"), !=, mamori_node_text (first, "fr"));
  g_assert_cmpstr (mamori_node_text (first, "ja"), ==, mamori_node_text (first, "en"));
  node = mamori_checklist_find_item (cl, "1");
  g_assert_cmpuint (cl->warnings->len, ==, 0);   /* every type is used now */
  g_assert_cmpuint (mamori_node_n_extra_questions (node), ==, 2);
  g_assert_cmpstr (mamori_question_text (node->questions->pdata[0], "ja"), ==, "バックアップを試していますか");
  g_assert_cmpstr (mamori_question_text (node->questions->pdata[0], "en"), ==, "Are backups tested?");
  shown = mamori_question_value_display (node->questions->pdata[1], "urn:x:n:1:question:2:choice:1|urn:x:n:1:question:2:choice:2", "ja");
  g_assert_cmpstr (shown, ==, "社内、Cloud");
  /* A label in any of the library's languages is read as the choice. */
  assert_value (node->questions->pdata[1], "社内|Cloud", "urn:x:n:1:question:2:choice:1|urn:x:n:1:question:2:choice:2", NULL);
}

int
main (int argc, char *argv[])
{
  int status;

  setlocale (LC_ALL, "C.UTF-8");
  g_test_init (&argc, &argv, NULL);
  tmpdir = g_dir_make_tmp ("mamori-questions-XXXXXX", NULL);
  g_test_add_func ("/questions/values", test_values);
  g_test_add_func ("/questions/depends-on", test_depends_on);
  g_test_add_func ("/questions/translations", test_translations);
  g_test_add_data_func ("/questions/store", GINT_TO_POINTER (TEST_ENGINE_SQLITE), test_store);
  g_test_add_data_func ("/questions/postgresql/store", GINT_TO_POINTER (TEST_ENGINE_POSTGRESQL), test_store);
  g_test_add_data_func ("/questions/csv", GINT_TO_POINTER (TEST_ENGINE_SQLITE), test_csv);
  g_test_add_data_func ("/questions/postgresql/csv", GINT_TO_POINTER (TEST_ENGINE_POSTGRESQL), test_csv);
  status = g_test_run ();
  test_pg_cleanup ();
  {
    g_autofree char *cmd = g_strdup_printf ("rm -rf '%s'", tmpdir);
    (void) !system (cmd);
  }
  return status;
}
