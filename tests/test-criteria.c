/* test-criteria.c — assessments answered by level: the result (met against the target level,
 * counts per chapter and section, lacking rules and records, Silver and Gold) on a worked
 * example; evidence naming the rule or record it shows on a workspace file and on PostgreSQL;
 * the result report as PDF (read back with Poppler, checked with qpdf); levels read from CSV. */
#include "config.h"

#include <glib/gstdio.h>
#include <locale.h>
#include <poppler.h>
#include <string.h>
#include <sys/wait.h>

#include "core/mamori-catalog.h"
#include "core/mamori-criteria.h"
#include "core/mamori-date.h"
#include "core/mamori-scope.h"
#include "ops/mamori-ops.h"
#include "report/mamori-criteria-report.h"
#include "report/mamori-word.h"
#include "store/mamori-assessments.h"
#include "store/mamori-scopes.h"
#include "store/mamori-workspace.h"
#include "mamori-test-pg.h"

static char *tmpdir;
static MamoriCatalog *catalog;

/* Two chapters: A with sections A1 (1: target 3, required, rule R1 and record C1; 2: target 1,
 * optional, rule R1) and A2 (3: no target, optional, record C2); B with 4 under the chapter
 * itself (target 2, required, rule R2) and section B1 (5: target 8, optional, rule R1). */
static const char example_yaml[] =
  "urn: urn:test:library:levels\n"
  "locale: en\n"
  "ref_id: levels\n"
  "name: Levels\n"
  "version: 1\n"
  "objects:\n"
  "  framework:\n"
  "    urn: urn:test:framework:levels\n"
  "    ref_id: levels\n"
  "    name: Levels\n"
  "    min_score: 0\n"
  "    max_score: 8\n"
  "    scores_definition:\n"
  "      - { score: 1, name: L1 }\n"
  "      - { score: 2, name: L2 }\n"
  "      - { score: 3, name: L3 }\n"
  "      - { score: 8, name: L8 }\n"
  "      - { score: 0, name: Not reached }\n"
  "      - { name: N/A, compute_result: not_applicable }\n"
  "    requirement_nodes:\n"
  "      - { urn: 'urn:test:a', ref_id: A, depth: 1, assessable: false, name: Chapter A }\n"
  "      - { urn: 'urn:test:a1', ref_id: A1, parent_urn: 'urn:test:a', depth: 2, assessable: false, name: Section A1 }\n"
  "      - { urn: 'urn:test:1', ref_id: '1', parent_urn: 'urn:test:a1', depth: 3, assessable: true, name: One,\n"
  "          mamori_target_level: 3, mamori_evidence_rules: [R1], mamori_evidence_records: [C1] }\n"
  "      - { urn: 'urn:test:2', ref_id: '2', parent_urn: 'urn:test:a1', depth: 3, assessable: true, name: Two,\n"
  "          mamori_target_level: 1, mamori_evidence_rules: [R1], mamori_optional: true }\n"
  "      - { urn: 'urn:test:a2', ref_id: A2, parent_urn: 'urn:test:a', depth: 2, assessable: false, name: Section A2 }\n"
  "      - { urn: 'urn:test:3', ref_id: '3', parent_urn: 'urn:test:a2', depth: 3, assessable: true, name: Three,\n"
  "          mamori_evidence_records: [C2], mamori_optional: true }\n"
  "      - { urn: 'urn:test:b', ref_id: B, depth: 1, assessable: false, name: Chapter B }\n"
  "      - { urn: 'urn:test:4', ref_id: '4', parent_urn: 'urn:test:b', depth: 2, assessable: true, name: Four,\n"
  "          mamori_target_level: 2, mamori_evidence_rules: [R2] }\n"
  "      - { urn: 'urn:test:b1', ref_id: B1, parent_urn: 'urn:test:b', depth: 2, assessable: false, name: Section B1 }\n"
  "      - { urn: 'urn:test:5', ref_id: '5', parent_urn: 'urn:test:b1', depth: 3, assessable: true, name: Five,\n"
  "          mamori_target_level: 8, mamori_evidence_rules: [R1], mamori_optional: true }\n";

enum { L1, L2, L3, L8, NOT_REACHED, NA };

static MamoriScope *
scope_new (const char *checklist)
{
  MamoriScope *s = mamori_scope_new (checklist);

  g_free (s->decided_on);
  s->decided_on = g_strdup ("2026-04-01");
  return s;
}

static const MamoriCriteriaGroup *
group_of (const MamoriCriteria  *c,
          const MamoriChecklist *cl,
          const char            *urn)
{
  const MamoriCriteriaGroup *g = mamori_criteria_group (c, mamori_checklist_find_node (cl, urn));
  g_assert_nonnull (g);
  return g;
}

static void
test_worked_example (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(MamoriChecklist) cl = mamori_checklist_parse (example_yaml, sizeof example_yaml - 1, "levels.yaml", &error);
  g_autoptr(MamoriScope) scope = scope_new ("levels");
  g_autoptr(MamoriCriteria) c = NULL;
  const char *fulfilled[] = { "R2", "", NULL };
  int answers[] = { L2, L1, NA, L2, -1 };
  const MamoriCriteriaGroup *g;
  const MamoriCriteriaLack *lack;

  g_assert_no_error (error);
  g_assert_true (mamori_criteria_applies (cl));
  mamori_scope_add (scope, MAMORI_SCOPE_EXCLUDED, "5", "No continual-improvement programme yet");
  g_assert_true (mamori_scope_validate (scope, cl, &error));

  c = mamori_criteria_compute (cl, answers, scope, fulfilled);
  /* 1: level 2 of 3, not met by one level; 2: met; 3: not applicable; 4: met; 5: left out. */
  g_assert_cmpint (c->results[0].state, ==, MAMORI_CRITERION_NOT_MET);
  g_assert_cmpint (c->results[0].reached, ==, 2);
  g_assert_cmpint (c->results[0].gap, ==, 1);
  g_assert_cmpint (c->results[1].state, ==, MAMORI_CRITERION_MET);
  g_assert_cmpint (c->results[2].state, ==, MAMORI_CRITERION_NOT_APPLICABLE);
  g_assert_cmpint (c->results[2].target, ==, 1);           /* no target: met at level 1 */
  g_assert_cmpint (c->results[3].state, ==, MAMORI_CRITERION_MET);
  g_assert_cmpint (c->results[4].state, ==, MAMORI_CRITERION_OUT_OF_SCOPE);
  g_assert_true (mamori_criteria_find (c, "4") == &c->results[3]);
  g_assert_cmpuint (c->n[MAMORI_CRITERION_MET], ==, 2);
  g_assert_cmpuint (c->gap_levels, ==, 1);

  /* Chapters and sections; 4 hangs from its chapter and belongs to no section. */
  g_assert_cmpuint (c->chapters->len, ==, 2);
  g_assert_cmpuint (c->sections->len, ==, 3);
  g = group_of (c, cl, "urn:test:a");
  g_assert_cmpuint (g->n[MAMORI_CRITERION_MET], ==, 1);
  g_assert_cmpuint (g->n[MAMORI_CRITERION_NOT_MET], ==, 1);
  g_assert_cmpuint (g->n[MAMORI_CRITERION_NOT_APPLICABLE], ==, 1);
  g_assert_cmpuint (g->gap_levels, ==, 1);
  g_assert_cmpuint (g->by_level[1], ==, 1);
  g_assert_cmpuint (g->by_level[2], ==, 1);
  g = group_of (c, cl, "urn:test:b");
  g_assert_cmpuint (g->n[MAMORI_CRITERION_MET], ==, 1);
  g_assert_cmpuint (g->n[MAMORI_CRITERION_OUT_OF_SCOPE], ==, 1);
  g = group_of (c, cl, "urn:test:a1");
  g_assert_cmpuint (g->n[MAMORI_CRITERION_MET] + g->n[MAMORI_CRITERION_NOT_MET], ==, 2);
  g = group_of (c, cl, "urn:test:b1");
  g_assert_cmpuint (g->n[MAMORI_CRITERION_OUT_OF_SCOPE], ==, 1);

  /* R1 is named by 1 and 2 (5 is out of scope), C1 by 1; C2 only by 3, which does not apply;
   * R2 has its file. Rules first, then by the number of procedures. */
  g_assert_cmpuint (c->lacking->len, ==, 2);
  lack = c->lacking->pdata[0];
  g_assert_cmpstr (lack->name, ==, "R1");
  g_assert_true (lack->is_rule);
  g_assert_cmpuint (lack->refs->len, ==, 2);
  g_assert_cmpstr (lack->refs->pdata[0], ==, "1");
  g_assert_cmpstr (lack->refs->pdata[1], ==, "2");
  lack = c->lacking->pdata[1];
  g_assert_cmpstr (lack->name, ==, "C1");
  g_assert_false (lack->is_rule);

  /* Silver needs the required 1 and 4; Gold everything in scope. */
  g_assert_false (c->silver);
  g_assert_false (c->gold);
  g_assert_cmpuint (c->silver_missing->len, ==, 1);
  g_assert_cmpstr (((MamoriNode *) c->silver_missing->pdata[0])->ref_id, ==, "1");
  g_clear_pointer (&c, mamori_criteria_free);

  answers[0] = L3;
  c = mamori_criteria_compute (cl, answers, scope, fulfilled);
  g_assert_true (c->silver);
  g_assert_true (c->gold);
  g_clear_pointer (&c, mamori_criteria_free);

  /* Without the scope, 5 is asked and not answered: Silver holds, Gold does not. Not reached on
   * a procedure without a target is one level short. */
  answers[2] = NOT_REACHED;
  c = mamori_criteria_compute (cl, answers, NULL, NULL);
  g_assert_true (c->silver);
  g_assert_false (c->gold);
  g_assert_cmpuint (c->gold_missing->len, ==, 2);
  g_assert_cmpint (c->results[2].state, ==, MAMORI_CRITERION_NOT_MET);
  g_assert_cmpint (c->results[2].gap, ==, 1);
  g_assert_cmpint (c->results[4].state, ==, MAMORI_CRITERION_NOT_ANSWERED);
  /* Nothing fulfilled now: R1 (1, 2, 5), R2 (4), C1 (1), C2 (3). */
  g_assert_cmpuint (c->lacking->len, ==, 4);
  g_assert_cmpuint (((MamoriCriteriaLack *) c->lacking->pdata[0])->refs->len, ==, 3);
}

/* The built-in criteria: answered by level, scale レベル1–8, 未到達 and 該当しない, read from CSV
 * by number, Japanese or English label. */
static void
test_csv_levels (void)
{
  const MamoriChecklist *cl = mamori_catalog_find (catalog, "tech-info-criteria");
  const char csv[] = "ref_id,answer,note\n3,3,\n4,レベル5,\n6,Level 2,\n7,未到達,\n8,該当しない,no staff\n9,Not reached,\n";
  const char bad[] = "ref_id,answer\n3,9\n4,レベル9\n";
  g_autoptr(GPtrArray) problems = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(MamoriAnswerSheet) sheet = NULL;
  GPtrArray *scale;

  g_assert_true (mamori_criteria_applies (cl));
  scale = cl->scale;
  g_assert_cmpuint (scale->len, ==, 10);
  for (int l = 1; l <= 8; l++)
    {
      MamoriChoice *c = scale->pdata[l - 1];
      g_autofree char *ja = g_strdup_printf ("レベル%d", l);
      g_assert_cmpfloat (c->score, ==, l);
      g_assert_cmpstr (mamori_text_get (c->name, "ja"), ==, ja);
      g_assert_nonnull (c->description);
    }
  g_assert_cmpstr (mamori_text_get (((MamoriChoice *) scale->pdata[2])->description, "ja"), ==, "実施の結果である成果物を管理している");
  g_assert_cmpfloat (((MamoriChoice *) scale->pdata[8])->score, ==, 0);
  g_assert_true (((MamoriChoice *) scale->pdata[9])->not_applicable);

  sheet = mamori_checklist_read_answers (cl, csv, &problems, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (problems->len, ==, 0);
  g_assert_cmpint (sheet->choices[mamori_checklist_item_index (cl, "3")], ==, 2);
  g_assert_cmpint (sheet->choices[mamori_checklist_item_index (cl, "4")], ==, 4);
  g_assert_cmpint (sheet->choices[mamori_checklist_item_index (cl, "6")], ==, 1);
  g_assert_cmpint (sheet->choices[mamori_checklist_item_index (cl, "7")], ==, 8);
  g_assert_cmpint (sheet->choices[mamori_checklist_item_index (cl, "8")], ==, 9);
  g_assert_cmpint (sheet->choices[mamori_checklist_item_index (cl, "9")], ==, 8);
  g_clear_pointer (&problems, g_ptr_array_unref);

  g_assert_null (mamori_checklist_read_answers (cl, bad, &problems, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (problems->len, ==, 2);
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

static gboolean
lacks (const MamoriCriteria *c,
       const char           *name)
{
  for (guint i = 0; i < c->lacking->len; i++)
    if (g_str_equal (((MamoriCriteriaLack *) c->lacking->pdata[i])->name, name))
      return TRUE;
  return FALSE;
}

/* Evidence names the rule it shows; the result then no longer lacks it. */
static void
test_fulfils (gconstpointer data)
{
  TestEngine engine = GPOINTER_TO_INT (data);
  const MamoriChecklist *cl = mamori_catalog_find (catalog, "tech-info-criteria");
  const char *rule = mamori_node_get_evidence_rules (mamori_checklist_find_item (cl, "7"))[0];
  g_autoptr(MamoriWorkspace) ws = NULL;
  g_autoptr(GBytes) content = g_bytes_new_static ("rules", 5);
  g_autoptr(GPtrArray) files = NULL;
  g_autoptr(MamoriCriteria) c = NULL;
  g_autoptr(MamoriScope) scope = scope_new ("tech-info-criteria");
  g_autoptr(MamoriScope) used = NULL;
  g_autoptr(GError) error = NULL;
  gint64 a, file;

  if (engine == TEST_ENGINE_POSTGRESQL && !test_pg_available ())
    return;
  ws = new_workspace_on (engine, "fulfils.mamori");
  a = mamori_workspace_create_assessment (ws, "tech-info-criteria", "", "2026-04-02", "", &error);
  g_assert_no_error (error);
  file = mamori_workspace_add_evidence (ws, a, "7", "rules.pdf", content, &error);
  g_assert_no_error (error);

  c = mamori_workspace_assessment_criteria (ws, cl, a, NULL, &error);
  g_assert_no_error (error);
  g_assert_true (lacks (c, rule));
  g_clear_pointer (&c, mamori_criteria_free);

  g_assert_true (mamori_workspace_set_evidence_fulfils (ws, file, rule, &error));
  g_assert_no_error (error);
  files = mamori_workspace_list_evidence (ws, a, "7", &error);
  g_assert_cmpuint (files->len, ==, 1);
  g_assert_cmpstr (((MamoriEvidence *) files->pdata[0])->fulfils, ==, rule);
  c = mamori_workspace_assessment_criteria (ws, cl, a, NULL, &error);
  g_assert_no_error (error);
  g_assert_false (lacks (c, rule));
  g_assert_cmpuint (c->n[MAMORI_CRITERION_NOT_ANSWERED], ==, 229);
  g_clear_pointer (&c, mamori_criteria_free);

  /* Answers by level under a scope version. */
  mamori_scope_add (scope, MAMORI_SCOPE_EXCLUDED, "9", "No manager deputies");
  g_assert_true (mamori_workspace_save_scope (ws, scope, cl, &error));
  g_assert_true (mamori_workspace_set_assessment_scope (ws, a, scope->id, &error));
  g_assert_true (mamori_workspace_set_answer (ws, a, "7", 2, 3, FALSE, &error));
  g_assert_no_error (error);
  c = mamori_workspace_assessment_criteria (ws, cl, a, &used, &error);
  g_assert_no_error (error);
  g_assert_nonnull (used);
  g_assert_cmpint (used->number, ==, 1);
  g_assert_cmpint (mamori_criteria_find (c, "9")->state, ==, MAMORI_CRITERION_OUT_OF_SCOPE);
  g_assert_cmpint (mamori_criteria_find (c, "7")->state, ==,
                   mamori_node_get_target_level (mamori_checklist_find_item (cl, "7")) <= 3 ? MAMORI_CRITERION_MET
                                                                                          : MAMORI_CRITERION_NOT_MET);

  /* Cleared, unknown evidence, and a completed assessment. */
  g_assert_true (mamori_workspace_set_evidence_fulfils (ws, file, NULL, &error));
  g_assert_false (mamori_workspace_set_evidence_fulfils (ws, file + 100, rule, &error));
  g_assert_error (error, MAMORI_WORKSPACE_ERROR, MAMORI_WORKSPACE_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_true (mamori_workspace_set_note (ws, a, "8", "not applicable here", &error));
  g_assert_true (mamori_workspace_complete_assessment (ws, a, NULL, &error));
  g_assert_no_error (error);
  g_assert_false (mamori_workspace_set_evidence_fulfils (ws, file, rule, &error));
  g_assert_error (error, MAMORI_WORKSPACE_ERROR, MAMORI_WORKSPACE_ERROR_READ_ONLY);
}

/* Not applicable needs a reason on the full criteria too. */
static void
test_na_reason (void)
{
  g_autoptr(MamoriWorkspace) ws = new_workspace_on (TEST_ENGINE_SQLITE, "na.mamori");
  g_autoptr(GError) error = NULL;
  gint64 a = mamori_workspace_create_assessment (ws, "tech-info-criteria", "", "2026-04-02", "", &error);

  g_assert_true (mamori_workspace_set_answer (ws, a, "81", 9, 0, TRUE, &error));
  g_assert_false (mamori_workspace_complete_assessment (ws, a, NULL, &error));
  g_assert_nonnull (error);
  g_assert_nonnull (strstr (error->message, "81"));
  g_clear_error (&error);
  g_assert_true (mamori_workspace_set_note (ws, a, "81", "We keep no paper or prototypes.", &error));
  g_assert_true (mamori_workspace_complete_assessment (ws, a, NULL, &error));
  g_assert_no_error (error);
}

static void
assert_qpdf_clean (const char *path)
{
  g_autofree char *qpdf = g_find_program_in_path ("qpdf");
  const char *argv[] = { qpdf, "--check", path, NULL };
  g_autoptr(GError) error = NULL;
  g_autofree char *out = NULL, *err = NULL;
  int wait_status = 0;

  if (qpdf == NULL)
    g_error ("the qpdf program is not installed (Debian package qpdf)");
  g_assert_true (g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_DEFAULT, NULL, NULL, &out, &err,
                               &wait_status, &error));
  g_assert_no_error (error);
  if (!WIFEXITED (wait_status) || WEXITSTATUS (wait_status) != 0 || *err != '\0')
    g_error ("qpdf --check %s: exit %d\n%s%s", path, WIFEXITED (wait_status) ? WEXITSTATUS (wait_status) : -1, out, err);
}

/* Every page's text with the white space removed. */
static char *
pdf_text (const char *path)
{
  g_autofree char *uri = g_filename_to_uri (path, NULL, NULL);
  g_autoptr(GError) error = NULL;
  PopplerDocument *doc = poppler_document_new_from_file (uri, NULL, &error);
  GString *out = g_string_new (NULL);

  g_assert_no_error (error);
  for (int i = 0; i < poppler_document_get_n_pages (doc); i++)
    {
      PopplerPage *page = poppler_document_get_page (doc, i);
      g_autofree char *text = poppler_page_get_text (page);
      for (const char *c = text; *c; c = g_utf8_next_char (c))
        if (!g_unichar_isspace (g_utf8_get_char (c)))
          g_string_append_unichar (out, g_utf8_get_char (c));
      g_object_unref (page);
    }
  g_object_unref (doc);
  return g_string_free (out, FALSE);
}

static void
test_report (void)
{
  const MamoriChecklist *cl = mamori_catalog_find (catalog, "tech-info-criteria");
  g_autoptr(MamoriWorkspace) ws = new_workspace_on (TEST_ENGINE_SQLITE, "report.mamori");
  g_autoptr(MamoriScope) scope = scope_new ("tech-info-criteria");
  g_autoptr(GError) error = NULL;
  gint64 a = mamori_workspace_create_assessment (ws, "tech-info-criteria", "", "2026-04-02", "Sato", &error);

  mamori_date_set_default_style (MAMORI_DATE_ISO);
  mamori_scope_add (scope, MAMORI_SCOPE_EXCLUDED, "201", "Oneinformationtieronly");
  g_assert_true (mamori_workspace_save_scope (ws, scope, cl, &error));
  g_assert_true (mamori_workspace_set_assessment_scope (ws, a, scope->id, &error));
  /* Every procedure met except 21 (optional; level 1 of 3). */
  for (guint i = 0; i < cl->items->len; i++)
    {
      const MamoriNode *n = cl->items->pdata[i];
      int level = g_str_equal (n->ref_id, "21") ? 1 : 8;
      g_assert_true (mamori_workspace_set_answer (ws, a, n->ref_id, level - 1, level, FALSE, &error));
    }
  g_assert_no_error (error);
  for (int en = 0; en < 2; en++)
    {
      g_autoptr(MamoriReport) report = mamori_criteria_report_new (ws, cl, a, "2026-04-03", en ? "en" : "ja", &error);
      g_autofree char *path = g_build_filename (tmpdir, en ? "result-en.pdf" : "result-ja.pdf", NULL);
      g_autofree char *text = NULL;
      g_autofree char *warning = NULL;

      g_assert_no_error (error);
      g_assert_true (mamori_report_write (report, path, &warning, &error));
      g_assert_no_error (error);
      assert_qpdf_clean (path);
      text = pdf_text (path);
      g_assert_nonnull (strstr (text, en ? "Statementofapplicability" : "適用宣言"));
      g_assert_nonnull (strstr (text, "Oneinformationtieronly"));
      g_assert_nonnull (strstr (text, en ? "Levelsreachedbychapter" : "章ごとの到達レベル"));
      /* Silver holds (21 is optional), Gold does not. */
      g_assert_nonnull (strstr (text, en ? "TheanswerssupportSilver" : "シルバーを満たす回答"));
      g_assert_nonnull (strstr (text, en ? "Proceduresnotmetornotanswered" : "未達と未回答の手続"));
      g_assert_nonnull (strstr (text, en ? "Rulesandrecordsstilltoshow" : "まだ示していない規程と記録"));
    }
  mamori_date_set_default_style (MAMORI_DATE_WESTERN);

  /* As the operation (export assessment-report ID OUT). */
  {
    g_autofree char *out = g_build_filename (tmpdir, "op.pdf", NULL);
    g_autofree char *id = g_strdup_printf ("%" G_GINT64_FORMAT, a);
    MamoriOpRequest request = { .path = out, .id = id };
    g_assert_true (mamori_op_run (mamori_op_find (MAMORI_OP_EXPORT, "assessment-report"), ws, NULL, &request, NULL, &error));
    g_assert_no_error (error);
    assert_qpdf_clean (out);
    request.id = "x";
    g_assert_false (mamori_op_run (mamori_op_find (MAMORI_OP_EXPORT, "assessment-report"), ws, NULL, &request, NULL, &error));
    g_assert_true (mamori_op_error_is_bad_input (error));
    g_clear_error (&error);
  }

  /* A checklist without levels has no result report. */
  {
    gint64 other = mamori_workspace_create_assessment (ws, "ipa-five-articles", "", "2026-04-02", "", &error);
    g_assert_no_error (error);
    g_assert_null (mamori_criteria_report_new (ws, mamori_catalog_find (catalog, "ipa-five-articles"), other,
                                               "2026-04-03", "en", &error));
    g_assert_error (error, MAMORI_WORKSPACE_ERROR, MAMORI_WORKSPACE_ERROR_INVALID);
    g_clear_error (&error);
    {
      g_autofree char *out = g_build_filename (tmpdir, "other.pdf", NULL);
      g_autofree char *id = g_strdup_printf ("%" G_GINT64_FORMAT, other);
      MamoriOpRequest request = { .path = out, .id = id };
      g_assert_false (mamori_op_run (mamori_op_find (MAMORI_OP_EXPORT, "assessment-report"), ws, NULL, &request, NULL, &error));
      g_assert_true (mamori_op_error_is_bad_input (error));
      g_assert_false (g_file_test (out, G_FILE_TEST_EXISTS));
    }
  }
}

int
main (int argc, char *argv[])
{
  g_autoptr(GError) error = NULL;
  int status;

  setlocale (LC_ALL, "C.UTF-8");
  g_test_init (&argc, &argv, NULL);
  tmpdir = g_dir_make_tmp ("mamori-criteria-XXXXXX", NULL);
  catalog = mamori_catalog_new ();
  g_assert_true (mamori_catalog_load_builtin (catalog, &error));
  g_test_add_func ("/criteria/worked-example", test_worked_example);
  g_test_add_func ("/criteria/csv-levels", test_csv_levels);
  g_test_add_func ("/criteria/not-applicable-reason", test_na_reason);
  g_test_add_data_func ("/criteria/fulfils", GINT_TO_POINTER (TEST_ENGINE_SQLITE), test_fulfils);
  g_test_add_data_func ("/criteria/postgresql/fulfils", GINT_TO_POINTER (TEST_ENGINE_POSTGRESQL), test_fulfils);
  g_test_add_func ("/criteria/report", test_report);
  status = g_test_run ();
  test_pg_cleanup ();
  mamori_catalog_free (catalog);
  {
    g_autofree char *cmd = g_strdup_printf ("rm -rf '%s'", tmpdir);
    (void) !system (cmd);
  }
  return status;
}
