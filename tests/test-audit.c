/* test-audit.c — the certification's internal audit over the full criteria or one chapter: the
 * plan's report-template fields and the per-procedure audit record on a workspace file and on a
 * PostgreSQL server, the chapter filter, the techniques, met by target level, and the report
 * (Markdown in ja and en, the PDF read back with Poppler and checked with `qpdf --check`). */
#include "config.h"

#include <glib/gstdio.h>
#include <locale.h>
#include <poppler.h>
#include <string.h>
#include <sys/wait.h>

#include "core/mamori-audit.h"
#include "core/mamori-catalog.h"
#include "core/mamori-date.h"
#include "core/mamori-demo.h"
#include "core/mamori-scope.h"
#include "report/mamori-audit-report.h"
#include "report/mamori-review.h"
#include "report/mamori-word.h"
#include "store/mamori-assessments.h"
#include "store/mamori-reviews.h"
#include "store/mamori-scopes.h"
#include "store/mamori-workspace.h"
#include "mamori-test-pg.h"

static char *tmpdir;
static MamoriCatalog *catalog;

static void
assert_has (const char *text,
            const char *what)
{
  if (strstr (text, what) == NULL)
    g_error ("no “%s” in:\n%s", what, text);
}

static void
assert_lacks (const char *text,
              const char *what)
{
  if (strstr (text, what) != NULL)
    g_error ("“%s” in:\n%s", what, text);
}

static MamoriWorkspace *
new_workspace_on (TestEngine  engine,
                  const char *name)
{
  g_autofree char *path = engine == TEST_ENGINE_POSTGRESQL ? test_pg_new_database ()
                                                           : g_build_filename (tmpdir, name, NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(MamoriProfile) profile = mamori_demo_profile ();
  MamoriWorkspace *ws;

  if (engine == TEST_ENGINE_SQLITE)
    g_unlink (path);
  ws = mamori_workspace_open (path, MAMORI_WORKSPACE_OPEN_CREATE, &error);
  g_assert_no_error (error);
  g_assert_true (mamori_workspace_set_profile (ws, profile, &error));
  return ws;
}

/* The first item of chapter (a ref_id like "Ⅱ") of the full criteria. */
static const MamoriNode *
first_in (const MamoriChecklist *c,
          const char            *chapter)
{
  for (guint i = 0; i < c->items->len; i++)
    if (mamori_audit_in_audit (chapter, c->items->pdata[i]))
      return c->items->pdata[i];
  g_assert_not_reached ();
  return NULL;
}

/* --- core -------------------------------------------------------------------------------------- */

static void
test_chapters (void)
{
  const MamoriChecklist *c = mamori_catalog_find (catalog, "tech-info-criteria");
  const MamoriChecklist *m = mamori_catalog_find (catalog, "tech-info-mandatory");
  const MamoriNode *one = mamori_checklist_find_item (c, "1");
  const MamoriNode *ii = first_in (c, "Ⅱ");
  guint n_ii = 0, n_all = 0;

  g_assert_true (mamori_audit_checklist_is_auditable ("tech-info-criteria"));
  g_assert_true (mamori_audit_checklist_is_auditable ("tech-info-mandatory"));
  g_assert_false (mamori_audit_checklist_is_auditable ("ipa-self-diagnosis"));

  g_assert_cmpstr (mamori_audit_chapter_of (one)->ref_id, ==, "Ⅰ");
  g_assert_cmpstr (mamori_audit_section_of (one)->ref_id, ==, "Ⅰ第一");
  g_assert_null (mamori_audit_section_of (mamori_audit_section_of (one)));
  g_assert_true (mamori_audit_in_audit (NULL, one));
  g_assert_true (mamori_audit_in_audit ("", one));
  g_assert_true (mamori_audit_in_audit ("Ⅰ", one));
  g_assert_false (mamori_audit_in_audit ("Ⅱ", one));
  g_assert_true (mamori_audit_find_chapter (c, "Ⅶ") != NULL);
  g_assert_null (mamori_audit_find_chapter (c, "Ⅰ第一"));
  g_assert_null (mamori_audit_find_chapter (c, ""));
  for (guint i = 0; i < c->items->len; i++)
    {
      n_all += mamori_audit_in_audit (NULL, c->items->pdata[i]);
      n_ii += mamori_audit_in_audit ("Ⅱ", c->items->pdata[i]);
    }
  g_assert_cmpuint (n_all, ==, 229);
  /* Ⅱ is IDs 56–80. */
  g_assert_cmpuint (n_ii, ==, 25);
  g_assert_cmpstr (ii->ref_id, ==, "56");
  /* The mandatory items' chapters are the 12 items. */
  g_assert_cmpstr (mamori_audit_chapter_of (mamori_checklist_find_item (m, "4-2-1"))->ref_id, ==, "4");
}

static void
test_techniques (void)
{
  const MamoriChecklist *c = mamori_catalog_find (catalog, "tech-info-criteria");
  const MamoriChecklist *m = mamori_catalog_find (catalog, "tech-info-mandatory");
  g_autofree char *all = mamori_audit_techniques_format (MAMORI_METHOD_INTERVIEW | MAMORI_METHOD_REVIEW | MAMORI_METHOD_OBSERVATION);
  g_autofree char *none = mamori_audit_techniques_format (0);
  g_autofree char *ja = mamori_audit_techniques_text (MAMORI_METHOD_REVIEW | MAMORI_METHOD_INTERVIEW, "ja");
  g_autofree char *en = mamori_audit_techniques_text (MAMORI_METHOD_REVIEW | MAMORI_METHOD_INTERVIEW, "en");
  gboolean some_interview = FALSE;

  g_assert_cmpstr (all, ==, "review,observation,interview");
  g_assert_cmpstr (none, ==, "");
  g_assert_cmpuint (mamori_audit_techniques_parse ("interview, review,guess"), ==, MAMORI_METHOD_REVIEW | MAMORI_METHOD_INTERVIEW);
  g_assert_cmpuint (mamori_audit_techniques_parse (""), ==, 0);
  g_assert_cmpuint (mamori_audit_techniques_parse (all), ==, 7);
  g_assert_cmpstr (ja, ==, "閲覧、質問");
  g_assert_cmpstr (en, ==, "Review, interview");
  /* Defaults: the procedure's own methods; review when it names none. */
  for (guint i = 0; i < c->items->len; i++)
    {
      const MamoriNode *n = c->items->pdata[i];
      g_assert_cmpuint (mamori_audit_default_techniques (n), ==, mamori_node_get_methods (n) ? mamori_node_get_methods (n) : MAMORI_METHOD_REVIEW);
      some_interview |= (mamori_audit_default_techniques (n) & MAMORI_METHOD_INTERVIEW) != 0;
    }
  g_assert_true (some_interview);
  g_assert_cmpuint (mamori_audit_default_techniques (mamori_checklist_find_item (c, "1")), ==, MAMORI_METHOD_REVIEW);
  g_assert_cmpuint (mamori_audit_default_techniques (m->items->pdata[0]), ==, MAMORI_METHOD_REVIEW);
  for (guint i = 0; i < MAMORI_AUDIT_N_INDEPENDENCE; i++)
    g_assert_cmpstr (mamori_audit_independence_check (i, "en"), !=, mamori_audit_independence_check (i, "ja"));
}

/* A scale of levels reached: met when the level is at least the target. */
static const char levels_yaml[] =
  "urn: urn:test:library:levels\nlocale: en\nref_id: levels\nname: Levels\nversion: 1\n"
  "objects:\n  framework:\n    urn: urn:test:framework:levels\n    ref_id: levels\n    name: Levels\n"
  "    scores_definition:\n"
  "      - {score: 1, name: L1}\n      - {score: 2, name: L2}\n      - {score: 3, name: L3}\n      - {score: 4, name: L4}\n"
  "      - {name: N/A, compute_result: not_applicable}\n"
  "    requirement_nodes:\n"
  "      - {urn: 'urn:test:req_node:levels:a', ref_id: A, depth: 1, assessable: false, name: Chapter A}\n"
  "      - {urn: 'urn:test:req_node:levels:a1', ref_id: A1, parent_urn: 'urn:test:req_node:levels:a', depth: 2, assessable: false, name: Section A1}\n"
  "      - {urn: 'urn:test:req_node:levels:1', ref_id: '1', parent_urn: 'urn:test:req_node:levels:a1', depth: 3, assessable: true, name: One, mamori_target_level: 3}\n"
  "      - {urn: 'urn:test:req_node:levels:2', ref_id: '2', parent_urn: 'urn:test:req_node:levels:a1', depth: 3, assessable: true, name: Two}\n"
  "      - {urn: 'urn:test:req_node:levels:b', ref_id: B, depth: 1, assessable: false, name: Chapter B}\n"
  "      - {urn: 'urn:test:req_node:levels:3', ref_id: '3', parent_urn: 'urn:test:req_node:levels:b', depth: 2, assessable: true, name: Three, mamori_target_level: 8}\n";

static int
fixed_choice (const MamoriNode *item,
              gpointer          data)
{
  /* 1 → L3, 2 → L3, 3 → N/A */
  return g_str_equal (item->ref_id, "3") ? 4 : 2;
}

static void
test_met_by_level (void)
{
  g_autoptr(GError) error = NULL;
  MamoriChecklist *c = mamori_checklist_parse (levels_yaml, sizeof levels_yaml - 1, "levels.yaml", &error);
  const MamoriChecklist *criteria = mamori_catalog_find (catalog, "tech-info-criteria");
  const MamoriNode *one, *two, *three;
  g_autoptr(GPtrArray) tallies = NULL;
  MamoriAuditTally *t;

  g_assert_no_error (error);
  one = mamori_checklist_find_item (c, "1");
  two = mamori_checklist_find_item (c, "2");
  three = mamori_checklist_find_item (c, "3");
  g_assert_true (mamori_audit_uses_level (c, one));
  g_assert_false (mamori_audit_uses_level (c, two));
  /* A target of 8 on a scale that stops at 4 is no level scale: the best answer meets it. */
  g_assert_false (mamori_audit_uses_level (c, three));
  g_assert_cmpint (mamori_audit_result (c, one, 1), ==, MAMORI_AUDIT_NOT_MET);   /* L2 < 3 */
  g_assert_cmpint (mamori_audit_result (c, one, 2), ==, MAMORI_AUDIT_MET);       /* L3 */
  g_assert_cmpint (mamori_audit_result (c, one, 3), ==, MAMORI_AUDIT_MET);       /* L4 */
  g_assert_cmpint (mamori_audit_result (c, two, 2), ==, MAMORI_AUDIT_NOT_MET);   /* not the best */
  g_assert_cmpint (mamori_audit_result (c, two, 3), ==, MAMORI_AUDIT_MET);
  g_assert_cmpint (mamori_audit_result (c, two, 4), ==, MAMORI_AUDIT_NOT_APPLICABLE);
  g_assert_cmpint (mamori_audit_result (c, two, -1), ==, MAMORI_AUDIT_NOT_ANSWERED);
  /* The criteria are answered by level (レベル1…8 first, then 未到達): met from the target on. */
  {
    const MamoriNode *item = mamori_checklist_find_item (criteria, "3");
    int target = mamori_node_get_target_level (item);
    g_assert_true (mamori_audit_uses_level (criteria, item));
    g_assert_cmpint (target, >=, 1);
    g_assert_cmpint (mamori_audit_result (criteria, item, target - 1), ==, MAMORI_AUDIT_MET);
    g_assert_cmpint (mamori_audit_result (criteria, item, 7), ==, MAMORI_AUDIT_MET);
    if (target > 1)
      g_assert_cmpint (mamori_audit_result (criteria, item, target - 2), ==, MAMORI_AUDIT_NOT_MET);
    g_assert_cmpint (mamori_audit_result (criteria, item, 8), ==, MAMORI_AUDIT_NOT_MET);   /* 未到達 */
  }

  /* Chapter A (with its section) and chapter B, in order; a chapter audit keeps its own. */
  tallies = mamori_audit_tally (c, NULL, fixed_choice, NULL);
  g_assert_cmpuint (tallies->len, ==, 3);
  t = tallies->pdata[0];
  g_assert_cmpstr (t->node->ref_id, ==, "A");
  g_assert_false (t->section);
  g_assert_cmpuint (t->counts[MAMORI_AUDIT_MET], ==, 1);
  g_assert_cmpuint (t->counts[MAMORI_AUDIT_NOT_MET], ==, 1);
  t = tallies->pdata[1];
  g_assert_cmpstr (t->node->ref_id, ==, "A1");
  g_assert_true (t->section);
  g_assert_cmpuint (t->counts[MAMORI_AUDIT_MET] + t->counts[MAMORI_AUDIT_NOT_MET], ==, 2);
  t = tallies->pdata[2];
  g_assert_cmpstr (t->node->ref_id, ==, "B");
  g_assert_cmpuint (t->counts[MAMORI_AUDIT_NOT_APPLICABLE], ==, 1);
  g_clear_pointer (&tallies, g_ptr_array_unref);
  tallies = mamori_audit_tally (c, "B", fixed_choice, NULL);
  g_assert_cmpuint (tallies->len, ==, 1);
  mamori_checklist_free (c);
}

/* --- store ------------------------------------------------------------------------------------- */

static void
test_store (gconstpointer data)
{
  TestEngine engine = GPOINTER_TO_INT (data);
  g_autoptr(MamoriWorkspace) ws = NULL;
  g_autoptr(MamoriAuditPlan) back = NULL;
  g_autoptr(GHashTable) checks = NULL;
  g_autoptr(GError) error = NULL;
  MamoriAuditPlan plan = { 0 };
  MamoriAuditCheck *check;
  gint64 id;

  if (engine == TEST_ENGINE_POSTGRESQL && !test_pg_available ())
    return;
  ws = new_workspace_on (engine, "store.mamori");
  id = mamori_workspace_create_assessment (ws, "tech-info-criteria", "本社", "2026-06-01", "山田", &error);
  g_assert_no_error (error);

  plan.assessment = id;
  plan.scope = (char *) "本社工場";
  plan.auditor = (char *) "佐藤 監査";
  plan.audited_unit = (char *) "製造部";
  plan.auditor_unit = (char *) "監査室";
  plan.starts_on = (char *) "2026-06-08";
  plan.ends_on = (char *) "2026-06-12";
  plan.purpose = (char *) "管理の有効性を確かめる";
  plan.criteria = (char *) "技術情報管理認証の認証基準";
  plan.addressee = (char *) "代表取締役 大野 剛 殿";
  plan.assistant = (char *) "鈴木 補助";
  plan.chapter = (char *) "Ⅱ";
  g_assert_true (mamori_workspace_set_audit_plan (ws, &plan, &error));
  g_assert_no_error (error);
  back = mamori_workspace_get_audit_plan (ws, id, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (back->purpose, ==, "管理の有効性を確かめる");
  g_assert_cmpstr (back->criteria, ==, "技術情報管理認証の認証基準");
  g_assert_cmpstr (back->addressee, ==, "代表取締役 大野 剛 殿");
  g_assert_cmpstr (back->assistant, ==, "鈴木 補助");
  g_assert_cmpstr (back->chapter, ==, "Ⅱ");
  g_assert_cmpstr (back->auditor, ==, "佐藤 監査");
  g_clear_pointer (&back, mamori_audit_plan_free);
  /* Saved again: the whole checklist, no assistant (NULL reads back as ""). */
  plan.chapter = NULL;
  plan.assistant = NULL;
  g_assert_true (mamori_workspace_set_audit_plan (ws, &plan, &error));
  back = mamori_workspace_get_audit_plan (ws, id, &error);
  g_assert_cmpstr (back->chapter, ==, "");
  g_assert_cmpstr (back->assistant, ==, "");
  g_assert_cmpstr (back->addressee, ==, "代表取締役 大野 剛 殿");
  /* Too long is refused, naming the field. */
  {
    g_autofree char *lng = g_strnfill (300, 'x');
    plan.addressee = lng;
    g_assert_false (mamori_workspace_set_audit_plan (ws, &plan, &error));
    g_assert_nonnull (strstr (error->message, "addressee"));
    g_clear_error (&error);
  }

  /* The audit record: none yet; saved; replaced; another item. */
  checks = mamori_workspace_get_audit_checks (ws, id, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (g_hash_table_size (checks), ==, 0);
  g_clear_pointer (&checks, g_hash_table_unref);
  g_assert_true (mamori_workspace_set_audit_check (ws, id, "56", MAMORI_METHOD_REVIEW, "  入退室記録（6月分）を閲覧した  ", &error));
  g_assert_true (mamori_workspace_set_audit_check (ws, id, "56", MAMORI_METHOD_REVIEW | MAMORI_METHOD_INTERVIEW,
                                                   "入退室記録（6月分）を閲覧し、守衛に質問した", &error));
  g_assert_true (mamori_workspace_set_audit_check (ws, id, "57", 0, "", &error));
  g_assert_no_error (error);
  checks = mamori_workspace_get_audit_checks (ws, id, &error);
  g_assert_cmpuint (g_hash_table_size (checks), ==, 2);
  check = g_hash_table_lookup (checks, "56");
  g_assert_cmpuint (check->techniques, ==, MAMORI_METHOD_REVIEW | MAMORI_METHOD_INTERVIEW);
  g_assert_cmpstr (check->confirmed, ==, "入退室記録（6月分）を閲覧し、守衛に質問した");
  g_assert_true (check->updated_at != NULL && *check->updated_at);
  check = g_hash_table_lookup (checks, "57");
  g_assert_cmpuint (check->techniques, ==, 0);
  g_assert_cmpstr (check->confirmed, ==, "");
  /* No procedure, or no assessment: refused. */
  g_assert_false (mamori_workspace_set_audit_check (ws, id, "", MAMORI_METHOD_REVIEW, "x", &error));
  g_assert_error (error, MAMORI_WORKSPACE_ERROR, MAMORI_WORKSPACE_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_false (mamori_workspace_set_audit_check (ws, id + 100, "56", MAMORI_METHOD_REVIEW, "x", &error));
  g_assert_nonnull (error);
  g_clear_error (&error);
  /* Deleting the assessment deletes its record. */
  g_assert_true (mamori_workspace_delete_assessment (ws, id, &error));
  g_assert_no_error (error);
  g_clear_pointer (&checks, g_hash_table_unref);
  checks = mamori_workspace_get_audit_checks (ws, id, &error);
  g_assert_cmpuint (g_hash_table_size (checks), ==, 0);
}

/* --- the report -------------------------------------------------------------------------------- */

static void
assert_qpdf_clean (const char *path)
{
  g_autofree char *qpdf = g_find_program_in_path ("qpdf");
  const char *argv[] = { qpdf, "--check", path, NULL };
  g_autoptr(GError) error = NULL;
  g_autofree char *out = NULL, *err = NULL;
  int wait_status = 0;

  g_assert_nonnull (qpdf);
  g_assert_true (g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_DEFAULT, NULL, NULL, &out, &err, &wait_status, &error));
  g_assert_no_error (error);
  if (!WIFEXITED (wait_status) || WEXITSTATUS (wait_status) != 0 || *err != '\0')
    g_error ("qpdf --check %s:\n%s%s", path, out, err);
}

/* Every page's text without white space. */
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
  const MamoriChecklist *c = mamori_catalog_find (catalog, "tech-info-criteria");
  g_autoptr(MamoriWorkspace) ws = new_workspace_on (TEST_ENGINE_SQLITE, "report.mamori");
  g_autoptr(MamoriScope) scope = mamori_scope_new ("tech-info-criteria");
  g_autoptr(GError) error = NULL;
  const MamoriNode *optional = NULL;
  MamoriAuditPlan plan = { 0 };
  gint64 id;
  guint n_ii = 0;

  mamori_date_set_default_style (MAMORI_DATE_WESTERN);
  id = mamori_workspace_create_assessment (ws, "tech-info-criteria", "本社", "2026-06-01", "山田", &error);
  g_assert_no_error (error);
  for (guint i = 0; i < c->items->len; i++)
    {
      const MamoriNode *n = c->items->pdata[i];
      if (optional == NULL && mamori_node_is_optional (n))
        optional = n;
      if (mamori_audit_in_audit ("Ⅱ", n))
        {
          /* Every procedure of Ⅱ at its target level except the second, not reached (choice 8). */
          int target = MAX (mamori_node_get_target_level (n), 1);
          g_assert_true (mamori_workspace_set_answer (ws, id, n->ref_id, n_ii == 1 ? 8 : target - 1, n_ii == 1 ? 0 : target,
                                                      FALSE, &error));
          n_ii++;
        }
    }
  g_assert_nonnull (optional);
  g_free (scope->decided_on);
  scope->decided_on = g_strdup ("2026-05-20");
  g_free (scope->decided_by);
  scope->decided_by = g_strdup ("大野 剛");
  mamori_scope_add (scope, MAMORI_SCOPE_EXCLUDED, optional->ref_id, "試作品を社外に出さないため");
  g_assert_true (mamori_workspace_save_scope (ws, scope, c, &error));
  g_assert_true (mamori_workspace_set_assessment_scope (ws, id, scope->id, &error));
  g_assert_true (mamori_workspace_set_audit_check (ws, id, "56", MAMORI_METHOD_REVIEW | MAMORI_METHOD_INTERVIEW,
                                                   "アクセス権者の名簿（6月版）を閲覧し、製造部の従業員に質問した", &error));
  g_assert_true (mamori_workspace_add_corrective_action (ws, id, "57", "名簿を毎月見直す", "製造部長", "2026-07-31", &error) > 0);
  plan.assessment = id;
  plan.scope = (char *) "本社工場";
  plan.auditor = (char *) "佐藤 監査";
  plan.audited_unit = (char *) "製造部";
  plan.auditor_unit = (char *) "監査室";
  plan.independence = (char *) "監査室は社長直属";
  plan.independence_confirmed = TRUE;
  plan.starts_on = (char *) "2026-06-08";
  plan.ends_on = (char *) "2026-06-12";
  plan.addressee = (char *) "代表取締役 大野 剛 殿";
  plan.assistant = (char *) "鈴木 補助";
  plan.chapter = (char *) "Ⅱ";
  g_assert_true (mamori_workspace_set_audit_plan (ws, &plan, &error));
  g_assert_no_error (error);

  for (int en = 0; en < 2; en++)
    {
      const char *lang = en ? "en" : "ja";
      g_autofree char *md = mamori_audit_report_markdown (ws, c, id, NULL, lang, TRUE, &error);
      const char *results, *record, *soa, *opinion, *findings;
      g_assert_no_error (error);
      /* The template: header, purpose, criteria, scope with the chapter, period, auditors. */
      assert_has (md, en ? "# Audit report" : "# 監査報告書");
      assert_has (md, "代表取締役 大野 剛 殿");
      assert_has (md, en ? "| Assistant auditor | 鈴木 補助" : "| 監査補助者 | 鈴木 補助");
      assert_has (md, en ? "## Purpose" : "## 監査の目的");
      assert_has (md, en ? "## Criteria\n\n“Technology-information management certification: full criteria”" : "## 監査の基準\n\n「技術情報管理認証 認証基準（全項目）」");
      assert_has (md, en ? "Ⅱ Restricting access by people" : "Ⅱ 人");
      assert_has (md, en ? "(25 procedures)" : "（25 手続）");
      assert_has (md, en ? "8 June 2026 – 12 June 2026" : "2026年6月8日 – 2026年6月12日");
      assert_has (md, mamori_audit_independence_check (0, lang));
      /* Results by chapter and section: only Ⅱ, 24 met and 1 not met. */
      results = strstr (md, en ? "## Results by chapter and section" : "## 章・節ごとの結果");
      g_assert_nonnull (results);
      assert_has (results, "| 24 | 1 | 0 | 0 |");
      assert_lacks (md, en ? "Ⅰ Common matters" : "Ⅰ 共通事項");
      assert_lacks (md, en ? "Score: **" : "点数: **");
      /* Findings: the procedure not met, with its corrective action; none of Ⅰ. */
      findings = strstr (md, en ? "# Findings and measures" : "# 改善が必要な事項");
      g_assert_nonnull (findings);
      assert_has (findings, "| 57 |");
      assert_has (findings, "名簿を毎月見直す");
      assert_lacks (md, "\n| 3 | ");
      /* The opinion: a draft naming the one finding, after the findings. */
      opinion = strstr (md, en ? "# Audit opinion" : "# 監査意見");
      g_assert_nonnull (opinion);
      g_assert_true (opinion > findings);
      assert_has (opinion, en ? "except for the finding above" : "指摘事項 1 件を除き");
      /* The audit record: techniques and what was confirmed; planned techniques in brackets. */
      record = strstr (md, en ? "# Annex: audit record" : "# 付録: 監査記録");
      g_assert_nonnull (record);
      assert_has (record, en ? "| 56 |" : "| 56 |");
      assert_has (record, en ? "| Review, interview | アクセス権者の名簿（6月版）を閲覧し、製造部の従業員に質問した |"
                             : "| 閲覧、質問 | アクセス権者の名簿（6月版）を閲覧し、製造部の従業員に質問した |");
      assert_has (record, en ? "| (Review" : "| （閲覧");
      /* The statement of applicability from the scope version. */
      soa = strstr (md, en ? "# Annex: statement of applicability" : "# 付録: 適用宣言書");
      g_assert_nonnull (soa);
      assert_has (soa, en ? "Scope version 1, decided on 20 May 2026 by 大野 剛" : "適用範囲 第 1 版（2026年5月20日 決定、決定者 大野 剛）");
      assert_has (soa, "試作品を社外に出さないため");
      {
        g_autofree char *row = g_strdup_printf ("| %s |", optional->ref_id);
        assert_has (soa, row);
      }
      assert_lacks (md, "tech-info-criteria");
    }

  /* The whole checklist: reconstructed procedures say so; the opinion written by the auditor. */
  plan.chapter = NULL;
  plan.opinion = (char *) "基準に照らして適切に管理されていると認める。";
  g_assert_true (mamori_workspace_set_audit_plan (ws, &plan, &error));
  {
    g_autofree char *md = mamori_audit_report_markdown (ws, c, id, NULL, "en", FALSE, &error);
    g_assert_no_error (error);
    assert_has (md, "(reconstructed by Mamori)");
    assert_has (md, "Ⅰ Common matters");
    assert_has (md, "the whole checklist (229 procedures)");
    assert_has (md, "基準に照らして適切に管理されていると認める。");
    assert_lacks (md, "Draft:");
  }
  /* No scope chosen: every procedure applies. */
  g_assert_true (mamori_workspace_set_assessment_scope (ws, id, 0, &error));
  for (int en = 0; en < 2; en++)
    {
      g_autoptr(MamoriReport) report = mamori_audit_report_new (ws, c, id, "2026-06-15", en ? "en" : "ja", TRUE, &error);
      g_autofree char *path = g_build_filename (tmpdir, en ? "audit-en.pdf" : "audit-ja.pdf", NULL);
      g_autofree char *text = NULL;
      g_assert_no_error (error);
      assert_has (mamori_report_get_markdown (report), en ? "No scope was chosen for this assessment: every procedure applies."
                                                          : "この診断では適用範囲を選んでいないため、すべての手続を適用しています。");
      g_assert_true (mamori_report_write (report, path, NULL, &error));
      g_assert_no_error (error);
      assert_qpdf_clean (path);
      text = pdf_text (path);
      assert_has (text, en ? "Annex:auditrecord" : "監査記録");
      assert_has (text, en ? "Annex:statementofapplicability" : "適用宣言書");
      assert_has (text, "代表取締役大野剛殿");
      assert_has (text, "アクセス権者の名簿（6月版）を閲覧し、製造部の従業員に質問した");
      assert_has (text, en ? "(reconstructedbyMamori)" : "（Mamoriによる補完）");
    }
  /* Completed (the procedures not answered count as not done): the report says so. */
  g_assert_true (mamori_workspace_complete_assessment (ws, id, NULL, &error));
  g_assert_no_error (error);
  {
    g_autofree char *md = mamori_audit_report_markdown (ws, c, id, NULL, "en", TRUE, &error);
    assert_has (md, "| Status | completed |");
    assert_has (md, "# Annex: audit record");
  }
  mamori_date_set_default_style (MAMORI_DATE_ISO);
}

int
main (int argc, char *argv[])
{
  g_autoptr(GError) error = NULL;
  int ret;

  setlocale (LC_ALL, "");
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);
  tmpdir = g_getenv ("MAMORI_TEST_KEEP") ? g_strdup (g_getenv ("MAMORI_TEST_KEEP")) : g_dir_make_tmp ("mamori-audit-XXXXXX", NULL);
  catalog = mamori_catalog_new ();
  g_assert_true (mamori_catalog_load_builtin (catalog, &error));
  g_test_add_func ("/audit/chapters", test_chapters);
  g_test_add_func ("/audit/techniques", test_techniques);
  g_test_add_func ("/audit/met-by-level", test_met_by_level);
  g_test_add_data_func ("/audit/store", GINT_TO_POINTER (TEST_ENGINE_SQLITE), test_store);
  g_test_add_data_func ("/audit/postgresql/store", GINT_TO_POINTER (TEST_ENGINE_POSTGRESQL), test_store);
  g_test_add_func ("/audit/report", test_report);
  ret = g_test_run ();
  test_pg_cleanup ();
  mamori_catalog_free (catalog);
  g_free (tmpdir);
  return ret;
}
