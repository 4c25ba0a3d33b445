/* test-mandatory.c — the certification's mandatory items (tech-info-mandatory, version 2): the
 * audit guideline's procedure numbers, not-applicable answers with a reason, the migration of
 * version 1 answers (migration 10) and the demo's internal audit */
#include "config.h"

#include <glib/gstdio.h>
#include <locale.h>
#include <sqlite3.h>
#include <string.h>

#include "core/mamori-catalog.h"
#include "core/mamori-demo.h"
#include "report/mamori-audit-report.h"
#include "store/mamori-assessments.h"
#include "store/mamori-migrate-mandatory.h"
#include "store/mamori-migrate-mandatory-private.h"
#include "store/mamori-reviews.h"
#include "store/mamori-workspace.h"
#include "store/mamori-workspace-private.h"

static MamoriCatalog *catalog;
static const MamoriChecklist *tech;

/* Every procedure of the guideline, in order; 7-2, 7-3, 8-x, 9-1 and 9-2 are reconstructed. */
static const char *const expected_refs[] = {
  "1-1", "1-2", "1-3",
  "2-1", "2-2", "2-3",
  "3-1", "3-2", "3-3", "3-4", "3-5",
  "4-1", "4-2-1", "4-2-2", "4-3",
  "5-1", "5-2-1", "5-2-2", "5-4",
  "6-1", "6-2", "6-3",
  "7-1", "7-2", "7-3",
  "8-1", "8-2", "8-3", "8-4", "8-5", "8-6", "8-7",
  "9-1", "9-2", "9-3", "9-4",
  "10-1", "10-2", "10-3", "10-4", "10-5", "10-6", "10-7",
  "11-1",
  "12-1",
};
static const char *const reconstructed[] = { "7-2", "7-3", "8-1", "8-2", "8-3", "8-4", "8-5", "8-6", "8-7", "9-1", "9-2" };

typedef struct {
  char *dir;
} Fixture;

static void
fixture_setup (Fixture *f, gconstpointer data)
{
  f->dir = g_dir_make_tmp ("mamori-mandatory-XXXXXX", NULL);
  g_assert_nonnull (f->dir);
}

static void
fixture_teardown (Fixture *f, gconstpointer data)
{
  GDir *dir = g_dir_open (f->dir, 0, NULL);
  const char *name;

  while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *child = g_build_filename (f->dir, name, NULL);
      g_unlink (child);
    }
  if (dir != NULL)
    g_dir_close (dir);
  g_rmdir (f->dir);
  g_free (f->dir);
}

static const char *
group_ref (const MamoriNode *item)
{
  return ((MamoriNode *) tech->groups->pdata[item->group])->ref_id;
}

static int
not_applicable_choice (const MamoriNode *item)
{
  GPtrArray *choices = mamori_checklist_choices (tech, item);

  for (guint c = 0; c < choices->len; c++)
    if (((MamoriChoice *) choices->pdata[c])->not_applicable)
      return (int) c;
  return -1;
}

static gboolean
in_list (const char *const *list, guint n, const char *s)
{
  for (guint i = 0; i < n; i++)
    if (g_str_equal (list[i], s))
      return TRUE;
  return FALSE;
}

/* The text between heading (a line "# …") and the next heading of that level. */
static char *
section (const char *md, const char *heading)
{
  const char *start = strstr (md, heading), *end;

  if (start == NULL)
    return NULL;
  end = strstr (start + strlen (heading), "\n# ");
  return end ? g_strndup (start, end - start) : g_strdup (start);
}

/* --- the checklist --------------------------------------------------------------------------- */

static void
test_ref_ids (void)
{
  g_assert_cmpuint (tech->items->len, ==, G_N_ELEMENTS (expected_refs));
  for (guint i = 0; i < tech->items->len; i++)
    {
      MamoriNode *item = tech->items->pdata[i];
      const char *ja = mamori_text_get (item->annotation, "ja");
      const char *en = mamori_text_get (item->annotation, "en");
      gboolean rebuilt = in_list (reconstructed, G_N_ELEMENTS (reconstructed), item->ref_id);

      g_assert_cmpstr (item->ref_id, ==, expected_refs[i]);
      /* The source cites the guideline's own number. */
      g_assert_nonnull (strstr (item->source, item->ref_id));
      /* Each procedure names its audit technique and main object, in both languages. */
      g_assert_nonnull (ja);
      g_assert_nonnull (en);
      g_assert_true (strstr (ja, "閲覧（レビュー）") || strstr (ja, "観察（視察）") || strstr (ja, "質問（ヒアリング）"));
      g_assert_true (strstr (en, "document review") || strstr (en, "observation") || strstr (en, "interview"));
      g_assert_nonnull (strstr (ja, "主な対象："));
      g_assert_nonnull (strstr (en, "Main object:"));
      g_assert_nonnull (mamori_text_get (item->typical_evidence, "ja"));
      g_assert_nonnull (mamori_text_get (item->description, "en"));
      /* What the source lost and Mamori rebuilt says so. */
      g_assert_cmpint (strstr (ja, "Mamori による補完") != NULL, ==, rebuilt);
      g_assert_cmpint (strstr (en, "Reconstructed by Mamori") != NULL, ==, rebuilt);
    }
  /* The guideline's numbers that version 1 did not have, and none of version 1's own. */
  for (guint i = 0; i < 5; i++)
    g_assert_null (mamori_checklist_find_item (tech, (const char *[]) { "4-2", "5-2", "5-3", "9-5", "12-3" }[i]));
  /* Techniques the guideline gives: 4-2-2 and 5-2-2 ask staff, 5-4 asks the responsible person,
   * 1-2 looks at the information itself. */
  g_assert_nonnull (strstr (mamori_text_get (mamori_checklist_find_item (tech, "4-2-2")->annotation, "ja"), "質問（ヒアリング）"));
  g_assert_nonnull (strstr (mamori_text_get (mamori_checklist_find_item (tech, "4-2-1")->annotation, "ja"), "観察（視察）"));
  g_assert_nonnull (strstr (mamori_text_get (mamori_checklist_find_item (tech, "5-4")->annotation, "ja"), "質問（ヒアリング）"));
  g_assert_nonnull (strstr (mamori_text_get (mamori_checklist_find_item (tech, "1-2")->annotation, "ja"), "観察（視察）"));
}

static void
test_executive_confirms (void)
{
  const MamoriNode *item = mamori_checklist_find_item (tech, "3-3");
  const MamoriNode *keeping = mamori_checklist_find_item (tech, "3-5");

  g_assert_nonnull (item);
  g_assert_nonnull (strstr (mamori_text_get (item->name, "ja"), "経営者"));
  g_assert_nonnull (strstr (mamori_text_get (item->description, "ja"), "経営者"));
  g_assert_nonnull (strstr (mamori_text_get (item->name, "en"), "executive"));
  g_assert_null (strstr (mamori_text_get (item->name, "ja"), "責任者が確認"));
  /* 3-5: how and for how long the records are kept. */
  g_assert_nonnull (strstr (mamori_text_get (keeping->description, "ja"), "保管"));
  g_assert_nonnull (strstr (mamori_text_get (keeping->description, "en"), "how many years"));
}

static void
test_not_applicable_scale (void)
{
  static const char *const optional[] = { "2", "4", "9", "10", "11" };

  for (guint i = 0; i < tech->items->len; i++)
    {
      MamoriNode *item = tech->items->pdata[i];
      gboolean may = in_list (optional, G_N_ELEMENTS (optional), group_ref (item));
      GPtrArray *choices = mamori_checklist_choices (tech, item);
      int na = not_applicable_choice (item);

      if (may)
        {
          /* Done 1, not done 0 (the same indices as the checklist's scale), not applicable. */
          g_assert_cmpuint (choices->len, ==, 3);
          g_assert_cmpint (na, ==, 2);
          g_assert_cmpfloat (((MamoriChoice *) choices->pdata[0])->score, ==, 1);
          g_assert_cmpfloat (((MamoriChoice *) choices->pdata[1])->score, ==, 0);
          g_assert_cmpstr (mamori_text_get (((MamoriChoice *) choices->pdata[2])->name, "en"), ==, "Not applicable");
          /* When it does not apply is said in the help. */
          g_assert_nonnull (strstr (mamori_text_get (item->annotation, "ja"), "「該当なし」になるのは"));
        }
      else
        {
          g_assert_true (choices == tech->scale);
          g_assert_cmpint (na, ==, -1);
        }
    }
}

/* --- not applicable in the store ------------------------------------------------------------ */

static MamoriWorkspace *
new_workspace (Fixture *f, const char *name)
{
  g_autofree char *path = g_build_filename (f->dir, name, NULL);
  g_autoptr(GError) error = NULL;
  MamoriWorkspace *ws = mamori_workspace_open (path, MAMORI_WORKSPACE_OPEN_CREATE, &error);

  g_assert_no_error (error);
  return ws;
}

/* An assessment with every item done except: 9-1 not done, 11-1 and 10-3 not applicable. */
static gint64
answer_all (MamoriWorkspace *ws)
{
  g_autoptr(GError) error = NULL;
  gint64 id = mamori_workspace_create_assessment (ws, tech->id, "", "2026-06-12", "山田", &error);

  g_assert_no_error (error);
  for (guint i = 0; i < tech->items->len; i++)
    {
      MamoriNode *item = tech->items->pdata[i];
      int choice = g_str_equal (item->ref_id, "9-1") ? 1
                   : (g_str_equal (item->ref_id, "11-1") || g_str_equal (item->ref_id, "10-3")) ? not_applicable_choice (item)
                   : 0;
      MamoriChoice *c = mamori_checklist_choices (tech, item)->pdata[choice];

      g_assert_true (mamori_workspace_set_answer (ws, id, item->ref_id, choice, c->score, c->not_applicable, &error));
      g_assert_no_error (error);
    }
  return id;
}

static void
test_not_applicable_counts_nowhere (Fixture *f, gconstpointer data)
{
  g_autoptr(MamoriWorkspace) ws = new_workspace (f, "na.mamori");
  g_autoptr(GError) error = NULL;
  gint64 id = answer_all (ws);
  g_autoptr(GHashTable) answers = NULL;
  g_autofree char *md = NULL, *gaps = NULL;
  MamoriScore total;

  g_assert_true (mamori_workspace_set_note (ws, id, "11-1", "社外に保管していない", &error));
  g_assert_true (mamori_workspace_set_note (ws, id, "10-3", "製造装置がない", &error));
  answers = mamori_workspace_get_answers (ws, id, &error);
  g_assert_no_error (error);
  mamori_assessment_score (tech, answers, &total, NULL);
  /* 45 items, 2 not applicable: 43 in the maximum, 42 done. */
  g_assert_cmpuint (total.n_items, ==, 45);
  g_assert_cmpuint (total.n_not_applicable, ==, 2);
  g_assert_cmpfloat (total.max, ==, 43);
  g_assert_cmpfloat (total.score, ==, 42);
  g_assert_cmpint (mamori_assessment_grade (tech, mamori_checklist_find_item (tech, "11-1"), 2), ==,
                   MAMORI_FINDING_NOT_APPLICABLE);

  /* The report's gaps name 9-1, not the items that do not apply. */
  md = mamori_audit_report_markdown (ws, tech, id, "佐藤", "en", TRUE, &error);
  g_assert_no_error (error);
  g_assert_nonnull (strstr (md, "Score: **42** of 43"));
  /* A group whose every item does not apply shows so, not a score of 0 / 0. */
  g_assert_nonnull (strstr (md, "| Storage outside the company is governed by a contract | Not applicable |"));
  gaps = section (md, "# Findings and measures");
  g_assert_nonnull (gaps);
  g_assert_nonnull (strstr (gaps, "| 9-1 |"));
  g_assert_null (strstr (gaps, "| 11-1 |"));
  g_assert_null (strstr (gaps, "| 10-3 |"));
  g_assert_nonnull (strstr (md, "| 11-1 | A contract covers secrecy, locking and patrols | Not applicable | Not applicable |"));
}

static void
test_not_applicable_needs_reason (Fixture *f, gconstpointer data)
{
  g_autoptr(MamoriWorkspace) ws = new_workspace (f, "reason.mamori");
  g_autoptr(GError) error = NULL;
  g_autoptr(MamoriAssessment) a = NULL;
  gint64 id = answer_all (ws);

  /* Neither has a reason: both are named, and nothing changes. */
  g_assert_false (mamori_workspace_complete_assessment (ws, id, NULL, &error));
  g_assert_error (error, MAMORI_WORKSPACE_ERROR, MAMORI_WORKSPACE_ERROR_INVALID);
  g_assert_nonnull (strstr (error->message, "10-3, 11-1"));
  g_assert_nonnull (strstr (error->message, "not applicable"));
  g_clear_error (&error);
  a = mamori_workspace_get_assessment (ws, id, &error);
  g_assert_false (a->completed);
  g_clear_pointer (&a, mamori_assessment_free);

  /* Blanks are no reason; 10-3's reason is enough for 10-3 only. */
  g_assert_true (mamori_workspace_set_note (ws, id, "11-1", " 　\n", &error));
  g_assert_true (mamori_workspace_set_note (ws, id, "10-3", "製造装置など保管容器に入らない重要情報がない", &error));
  g_assert_false (mamori_workspace_complete_assessment (ws, id, NULL, &error));
  g_assert_error (error, MAMORI_WORKSPACE_ERROR, MAMORI_WORKSPACE_ERROR_INVALID);
  g_assert_nonnull (strstr (error->message, "item 11-1 is"));
  g_assert_null (strstr (error->message, "10-3"));
  g_clear_error (&error);

  /* A "not done" answer needs no note. */
  g_assert_true (mamori_workspace_set_note (ws, id, "11-1", "社外の倉庫や業者に重要情報を預けていない", &error));
  g_assert_true (mamori_workspace_complete_assessment (ws, id, NULL, &error));
  g_assert_no_error (error);
  a = mamori_workspace_get_assessment (ws, id, &error);
  g_assert_true (a->completed);
}

/* --- migration 10 ----------------------------------------------------------------------------- */

static void
exec (sqlite3 *db, const char *sql)
{
  char *message = NULL;

  if (sqlite3_exec (db, sql, NULL, NULL, &message) != SQLITE_OK)
    g_error ("%s: %s", sql, message);
}

static void
test_mapping (void)
{
  static const char *const old_refs[] = {
    "1-1", "1-2", "1-3", "2-1", "2-2", "2-3", "3-1", "3-2", "3-3", "4-1", "4-2", "4-3",
    "5-1", "5-2", "5-3", "6-1", "6-2", "6-3", "7-1", "7-2", "7-3", "8-1", "8-2", "8-3",
    "9-1", "9-2", "9-3", "10-1", "10-2", "10-3", "11-1", "11-2", "11-3", "12-1", "12-2", "12-3",
  };
  g_autoptr(GHashTable) targets = g_hash_table_new (g_str_hash, g_str_equal);

  /* Every version 1 check goes somewhere, no two to the same place; a kept one to a check of
   * version 2, a retired one to "v1:" and its own number. */
  for (guint i = 0; i < G_N_ELEMENTS (old_refs); i++)
    {
      const char *to = mamori_migrate_mandatory_new_ref (old_refs[i]);
      g_assert_nonnull (to);
      g_assert_false (g_hash_table_contains (targets, to));
      g_hash_table_add (targets, (gpointer) to);
      if (g_str_has_prefix (to, "v1:"))
        g_assert_cmpstr (to + 3, ==, old_refs[i]);
      else
        g_assert_nonnull (mamori_checklist_find_item (tech, to));
    }
  g_assert_cmpstr (mamori_migrate_mandatory_new_ref ("4-2"), ==, "4-2-1");
  g_assert_cmpstr (mamori_migrate_mandatory_new_ref ("5-3"), ==, "5-4");
  g_assert_cmpstr (mamori_migrate_mandatory_new_ref ("12-2"), ==, "12-1");
  g_assert_cmpstr (mamori_migrate_mandatory_new_ref ("3-3"), ==, "v1:3-3");
  g_assert_null (mamori_migrate_mandatory_new_ref ("4-2-2"));
}

static void
test_migrate_from_version_9 (Fixture *f, gconstpointer data)
{
  g_autofree char *path = g_build_filename (f->dir, "v9.mamori", NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(MamoriWorkspace) ws = NULL;
  g_autoptr(GHashTable) answers = NULL, other = NULL;
  g_autoptr(GPtrArray) evidence = NULL, actions = NULL, problems = NULL;
  g_autoptr(MamoriAssessment) a = NULL;
  g_autofree char *md = NULL, *missing = NULL, *kept = NULL;
  MamoriAnswer *ans;
  MamoriScore total;
  sqlite3 *db = NULL;

  /* A completed internal audit answered against version 1 (12 × 3 checks), with notes, a
   * measure, evidence and corrective actions, an in-progress one, and an imported checklist
   * that happens to use the same numbers. */
  g_assert_true (mamori_workspace_create_at_version (path, 9, &error));
  g_assert_no_error (error);
  g_assert_cmpint (sqlite3_open (path, &db), ==, SQLITE_OK);
  exec (db, "INSERT INTO assessment (id, checklist, assessed_on, status, created_at, completed_at, current_item) VALUES "
            "(1, 'tech-info-mandatory', '2025-06-12', 'completed', '2025-06-12T09:00:00', '2025-06-12T17:00:00', NULL),"
            "(2, 'tech-info-mandatory', '2025-07-01', 'in_progress', '2025-07-01T09:00:00', NULL, '5-3'),"
            "(3, 'own-check', '2025-07-01', 'completed', '2025-07-01T09:00:00', '2025-07-01T10:00:00', NULL)");
  {
    /* Assessment 1: every version 1 check done, except 4-2, 8-2 and 12-3 not done. */
    g_autoptr(GString) sql = g_string_new ("INSERT INTO answer (assessment, ref_id, choice, score, answered_at) VALUES ");
    for (int item = 1; item <= 12; item++)
      for (int check = 1; check <= 3; check++)
        {
          g_autofree char *ref = g_strdup_printf ("%d-%d", item, check);
          gboolean gap = g_str_equal (ref, "4-2") || g_str_equal (ref, "8-2") || g_str_equal (ref, "12-3");
          g_string_append_printf (sql, "%s(1, '%s', %d, %d, '2025-06-12T10:00:00')", item + check > 2 ? "," : "",
                                  ref, gap ? 1 : 0, gap ? 0 : 1);
        }
    exec (db, sql->str);
  }
  exec (db, "INSERT INTO answer (assessment, ref_id, choice, score, answered_at) VALUES "
            "(2, '5-3', 0, 1, '2025-07-01T10:00:00'), (2, '12-1', 1, 0, '2025-07-01T10:00:00'),"
            "(3, '4-2', 0, 1, '2025-07-01T10:00:00')");
  exec (db, "INSERT INTO note (assessment, ref_id, text) VALUES "
            "(1, '4-2', '掲示はあるが古い'), (1, '5-3', '総務部長の確認記録'), (1, '9-2', '書庫の施錠を観察'),"
            "(1, '12-2', 'ID とパスワードを確認'), (1, '12-1', 'アクセス制御手順を閲覧'), (3, '4-2', 'よその項目')");
  exec (db, "INSERT INTO measure (assessment, ref_id, what, owner, due_on, decided_at) VALUES "
            "(1, '4-2', '掲示を新しくする', '山田', '2025-09-30', '2025-06-13T09:00:00')");
  exec (db, "INSERT INTO evidence (assessment, ref_id, name, size, sha256, content, added_at) VALUES "
            "(1, '9-2', '書庫.jpg', 3, 'x', X'010203', '2025-06-12T11:00:00'),"
            "(1, '12-2', 'アカウント一覧.csv', 3, 'y', X'040506', '2025-06-12T11:00:00')");
  exec (db, "INSERT INTO corrective_action (assessment, ref_id, what, owner, due_on, created_at) VALUES "
            "(1, '8-2', '退職者のアカウントを削除する', '山田', '2025-07-31', '2025-06-13T09:00:00'),"
            "(1, '12-3', 'ログの確認記録を残す', '山田', '2025-12-31', '2025-06-13T09:00:00')");
  sqlite3_close (db);

  ws = mamori_workspace_open (path, MAMORI_WORKSPACE_OPEN_EXISTING, &error);
  g_assert_no_error (error);
  g_assert_cmpint (mamori_workspace_get_schema_version (ws), ==, MAMORI_WORKSPACE_SCHEMA_VERSION);
  g_assert_true (mamori_workspace_check (ws, &problems, &error));
  g_assert_cmpuint (problems->len, ==, 0);

  answers = mamori_workspace_get_answers (ws, 1, &error);
  g_assert_no_error (error);
  /* Same question, same number. */
  g_assert_cmpint (((MamoriAnswer *) g_hash_table_lookup (answers, "1-1"))->choice, ==, 0);
  g_assert_cmpint (((MamoriAnswer *) g_hash_table_lookup (answers, "7-3"))->choice, ==, 0);
  /* Split: the answer, note and measure go to the first procedure; the interview is open. */
  ans = g_hash_table_lookup (answers, "4-2-1");
  g_assert_cmpint (ans->choice, ==, 1);
  g_assert_cmpstr (ans->note, ==, "掲示はあるが古い");
  g_assert_cmpstr (ans->measure_what, ==, "掲示を新しくする");
  g_assert_null (g_hash_table_lookup (answers, "4-2-2"));
  g_assert_null (g_hash_table_lookup (answers, "4-2"));
  g_assert_cmpint (((MamoriAnswer *) g_hash_table_lookup (answers, "5-2-1"))->choice, ==, 0);
  g_assert_null (g_hash_table_lookup (answers, "5-2-2"));
  /* Renumbered: 5-3 → 5-4; 12-2 → 12-1, while the old 12-1 moved out of its way. */
  ans = g_hash_table_lookup (answers, "5-4");
  g_assert_cmpint (ans->choice, ==, 0);
  g_assert_cmpstr (ans->note, ==, "総務部長の確認記録");
  ans = g_hash_table_lookup (answers, "12-1");
  g_assert_cmpint (ans->choice, ==, 0);
  g_assert_cmpstr (ans->note, ==, "ID とパスワードを確認");
  g_assert_cmpuint (ans->n_evidence, ==, 1);
  g_assert_cmpint (((MamoriAnswer *) g_hash_table_lookup (answers, "11-1"))->choice, ==, 0);
  /* No old answer for a new question: 3-3 is now the executive's; 3-4, 8-1, 9-3 are new. */
  g_assert_null (g_hash_table_lookup (answers, "3-3"));
  g_assert_null (g_hash_table_lookup (answers, "3-4"));
  g_assert_null (g_hash_table_lookup (answers, "8-1"));
  g_assert_null (g_hash_table_lookup (answers, "9-3"));
  /* Retired checks keep what was recorded, as notes under v1:, and score nothing. */
  ans = g_hash_table_lookup (answers, "v1:9-2");
  g_assert_cmpint (ans->choice, ==, -1);
  g_assert_true (g_str_has_prefix (ans->note, "改訂前の回答（v1）: 実施している / Answer before the revision (v1): Done\n"));
  g_assert_true (g_str_has_suffix (ans->note, "書庫の施錠を観察"));
  g_assert_cmpuint (ans->n_evidence, ==, 1);
  ans = g_hash_table_lookup (answers, "v1:12-1");
  g_assert_nonnull (strstr (ans->note, "アクセス制御手順を閲覧"));
  ans = g_hash_table_lookup (answers, "v1:8-2");
  g_assert_nonnull (strstr (ans->note, "実施していない"));
  g_assert_nonnull (g_hash_table_lookup (answers, "v1:3-3"));
  mamori_assessment_score (tech, answers, &total, NULL);
  a = mamori_workspace_get_assessment (ws, 1, &error);
  g_assert_true (a->completed);
  /* The listed score (a sum over the answer rows) is the checklist's score. */
  g_assert_cmpfloat (a->score, ==, total.score);
  g_assert_cmpuint (a->n_answered, ==, total.n_answered);
  g_assert_cmpuint (total.n_answered, ==, 22);
  g_assert_cmpfloat (total.score, ==, 21);

  evidence = mamori_workspace_list_evidence (ws, 1, NULL, &error);
  g_assert_cmpuint (evidence->len, ==, 2);
  g_assert_cmpstr (((MamoriEvidence *) evidence->pdata[0])->ref_id, ==, "v1:9-2");
  g_assert_cmpstr (((MamoriEvidence *) evidence->pdata[1])->ref_id, ==, "12-1");
  actions = mamori_workspace_list_corrective_actions (ws, 1, &error);
  g_assert_cmpuint (actions->len, ==, 2);
  g_assert_true (g_str_has_prefix (((MamoriCorrectiveAction *) actions->pdata[0])->ref_id, "v1:"));
  g_assert_true (g_str_has_prefix (((MamoriCorrectiveAction *) actions->pdata[1])->ref_id, "v1:"));

  /* The in-progress one moved too, with where the wizard stopped. */
  g_clear_pointer (&answers, g_hash_table_unref);
  g_clear_pointer (&a, mamori_assessment_free);
  answers = mamori_workspace_get_answers (ws, 2, &error);
  g_assert_cmpint (((MamoriAnswer *) g_hash_table_lookup (answers, "5-4"))->choice, ==, 0);
  g_assert_nonnull (g_hash_table_lookup (answers, "v1:12-1"));
  a = mamori_workspace_get_assessment (ws, 2, &error);
  g_assert_cmpstr (a->current_item, ==, "5-4");
  /* Another checklist's "4-2" is its own. */
  other = mamori_workspace_get_answers (ws, 3, &error);
  g_assert_nonnull (g_hash_table_lookup (other, "4-2"));
  g_assert_cmpstr (((MamoriAnswer *) g_hash_table_lookup (other, "4-2"))->note, ==, "よその項目");

  /* The report of the completed one says what it never answered, and shows the kept records. */
  md = mamori_audit_report_markdown (ws, tech, 1, "佐藤", "en", TRUE, &error);
  g_assert_no_error (error);
  missing = section (md, "# Items without an answer");
  g_assert_nonnull (missing);
  g_assert_nonnull (strstr (missing, "without an answer to these 23 items"));
  for (guint i = 0; i < 6; i++)
    g_assert_nonnull (strstr (missing, (const char *[]) { "| 3-3 |", "| 3-4 |", "| 3-5 |", "| 4-2-2 |", "| 5-2-2 |", "| 10-7 |" }[i]));
  g_assert_null (strstr (missing, "| 4-2-1 |"));
  kept = section (md, "# Records of items no longer in the checklist");
  g_assert_nonnull (kept);
  g_assert_nonnull (strstr (kept, "| v1:9-2 |"));
  /* Natural order: v1:9-x before v1:10-x. */
  g_assert_true (strstr (kept, "| v1:9-3 |") < strstr (kept, "| v1:10-1 |"));
  g_clear_pointer (&md, g_free);
  md = mamori_audit_report_markdown (ws, tech, 1, "佐藤", "ja", TRUE, &error);
  g_assert_nonnull (strstr (md, "# 回答のない項目"));
  g_assert_nonnull (strstr (md, "# 改訂でなくなった項目の記録"));
}

/* --- the demo ----------------------------------------------------------------------------------- */

static void
test_demo_audit (void)
{
  const MamoriDemoAudit *d = mamori_demo_internal_audit ();
  guint gaps = 0, na = 0;

  g_assert_cmpuint (d->n_checks, ==, tech->items->len);
  for (guint i = 0; i < d->n_checks; i++)
    {
      MamoriNode *item = tech->items->pdata[i];
      GPtrArray *choices = mamori_checklist_choices (tech, item);

      g_assert_cmpint (d->choices[i], >=, 0);
      g_assert_cmpint (d->choices[i], <, (int) choices->len);
      g_assert_true (d->remarks[i] != NULL && *d->remarks[i] != '\0');
      gaps += d->choices[i] == 1;
      na += ((MamoriChoice *) choices->pdata[d->choices[i]])->not_applicable;
    }
  g_assert_cmpuint (gaps, ==, 5);
  g_assert_cmpuint (na, ==, 1);
  g_assert_cmpuint (d->n_actions, ==, 5);
  for (guint i = 0; i < d->n_actions; i++)
    {
      int index = mamori_checklist_item_index (tech, d->actions[i].ref_id);
      g_assert_cmpint (index, >=, 0);
      g_assert_cmpint (d->choices[index], ==, 1);   /* raised for a gap */
    }
  g_assert_nonnull (mamori_checklist_find_item (tech, d->evidence_ref));
}

int
main (int argc, char *argv[])
{
  g_autoptr(GError) error = NULL;
  int rc;

  setlocale (LC_ALL, "");
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);
  catalog = mamori_catalog_new ();
  if (!mamori_catalog_load_builtin (catalog, &error))
    g_error ("%s", error->message);
  tech = mamori_catalog_find (catalog, "tech-info-mandatory");
  g_assert_nonnull (tech);

  g_test_add_func ("/mandatory/checklist/ref-ids", test_ref_ids);
  g_test_add_func ("/mandatory/checklist/executive-confirms", test_executive_confirms);
  g_test_add_func ("/mandatory/checklist/not-applicable-scale", test_not_applicable_scale);
  g_test_add ("/mandatory/store/not-applicable-counts-nowhere", Fixture, NULL, fixture_setup,
              test_not_applicable_counts_nowhere, fixture_teardown);
  g_test_add ("/mandatory/store/not-applicable-needs-reason", Fixture, NULL, fixture_setup,
              test_not_applicable_needs_reason, fixture_teardown);
  g_test_add_func ("/mandatory/migrate/mapping", test_mapping);
  g_test_add ("/mandatory/migrate/from-version-9", Fixture, NULL, fixture_setup, test_migrate_from_version_9,
              fixture_teardown);
  g_test_add_func ("/mandatory/demo/internal-audit", test_demo_audit);
  rc = g_test_run ();
  mamori_catalog_free (catalog);
  return rc;
}
