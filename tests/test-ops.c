/* test-ops.c — the operations (every import, export, report and the demo) in-process, and the
 * worker helper: own connection, newest result wins, a gone owner gets nothing */
#include "config.h"

#include <glib/gstdio.h>
#include <locale.h>
#include <string.h>

#include "ops/mamori-ops.h"
#include "store/mamori-registers.h"
#include "ops/mamori-worker.h"
#include "store/mamori-assessments.h"
#include "store/mamori-assets.h"
#include "store/mamori-documents.h"
#include "store/mamori-reviews.h"

static char *tmpdir;

static char *
temp_path (const char *name)
{
  return g_build_filename (tmpdir, name, NULL);
}

static MamoriWorkspace *
demo_workspace (const char *name)
{
  g_autofree char *path = temp_path (name);
  g_autoptr(GError) error = NULL;
  MamoriWorkspace *ws = mamori_workspace_open (path, MAMORI_WORKSPACE_OPEN_CREATE, &error);

  g_assert_no_error (error);
  g_assert_true (mamori_op_run (mamori_op_find (MAMORI_OP_DEMO, "demo"), ws, NULL, NULL, NULL, &error));
  g_assert_no_error (error);
  return ws;
}

static void
wait_for (gboolean *flag)
{
  for (guint i = 0; i < 3000 && !*flag; i++)
    {
      while (g_main_context_iteration (NULL, FALSE))
        ;
      g_usleep (2000);
    }
  g_assert_true (*flag);
}

/* The table: names unique per kind, every export and import says which files it takes, and
 * the window and the command line find the same rows. */
static void
test_table (void)
{
  const MamoriOp *op;
  g_autoptr(GHashTable) seen = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  guint exports = 0, imports = 0;

  for (guint i = 0; (op = mamori_ops_get (i)) != NULL; i++)
    {
      g_autofree char *key = g_strdup_printf ("%d:%s", op->kind, op->name);
      g_assert_false (g_hash_table_contains (seen, key));
      g_hash_table_add (seen, g_steal_pointer (&key));
      g_assert_true (mamori_op_find (op->kind, op->name) == op);
      g_assert_nonnull (op->summary);
      if (op->kind != MAMORI_OP_DEMO)
        g_assert_true (op->extensions != NULL && op->extensions[0] == '.');
      exports += op->kind == MAMORI_OP_EXPORT;
      imports += op->kind == MAMORI_OP_IMPORT;
    }
  g_assert_cmpuint (exports, ==, 26);   /* with the whole workspace, sheet, self-inspection, assessment-report */
  g_assert_cmpuint (imports, ==, 6);
  g_assert_null (mamori_op_find (MAMORI_OP_EXPORT, "nothing"));
  op = mamori_op_find (MAMORI_OP_EXPORT, "assets");
  g_assert_true (mamori_op_accepts_path (op, "/tmp/ledger.XLSX"));
  g_assert_true (mamori_op_accepts_path (op, "ledger.csv"));
  g_assert_false (mamori_op_accepts_path (op, "ledger.pdf"));
  g_assert_false (mamori_op_accepts_path (op, "dir.csv/ledger"));
  g_assert_false (mamori_op_accepts_path (op, "ledger"));
}

/* The demo fills an empty workspace once, in one transaction; a second time it refuses and
 * changes nothing. */
static void
test_demo (void)
{
  g_autoptr(MamoriWorkspace) ws = demo_workspace ("demo.mamori");
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) assets = mamori_workspace_list_assets (ws, &error);
  g_autoptr(GPtrArray) docs = mamori_workspace_list_documents (ws, &error);
  g_autoptr(MamoriOpResult) result = NULL;
  gboolean empty = TRUE;

  g_assert_no_error (error);
  g_assert_cmpuint (assets->len, ==, 42);
  g_assert_cmpuint (docs->len, ==, 3);
  g_assert_true (mamori_workspace_is_empty (ws, &empty, &error));
  g_assert_false (empty);
  g_assert_false (mamori_op_run (mamori_op_find (MAMORI_OP_DEMO, "demo"), ws, NULL, NULL, &result, &error));
  g_assert_error (error, MAMORI_OP_ERROR, MAMORI_OP_ERROR_FAILED);
  g_assert_false (mamori_op_error_is_bad_input (error));
  g_assert_nonnull (result);
  {
    g_autoptr(GPtrArray) again = mamori_workspace_list_assets (ws, NULL);
    g_assert_cmpuint (again->len, ==, 42);
  }
  mamori_workspace_close (ws);
}

static void
assert_file_starts (const char *path,
                    const char *magic)
{
  g_autofree char *contents = NULL;
  gsize length = 0;

  g_assert_true (g_file_get_contents (path, &contents, &length, NULL));
  g_assert_cmpuint (length, >, strlen (magic));
  g_assert_true (memcmp (contents, magic, strlen (magic)) == 0);
}

/* Every export writes its file on the caller's connection. */
static void
test_exports (void)
{
  g_autoptr(MamoriWorkspace) ws = demo_workspace ("exports.mamori");
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) list = mamori_workspace_list_assessments (ws, "tech-info-mandatory", &error);
  g_autofree char *assessment = NULL;
  const struct {
    const char *name, *file, *magic;
    gboolean id;
  } cases[] = {
    { "policy", "policy.pdf", "%PDF", FALSE },
    { "rules", "rules.pdf", "%PDF", FALSE },
    { "handbook", "handbook.pdf", "%PDF", FALSE },
    { "heatmap", "heatmap.png", "\x89PNG", FALSE },
    { "document", "document.md", "#", FALSE },
    { "assets", "assets.csv", "\xEF\xBB\xBF", FALSE },
    { "assets", "assets.xlsx", "PK", FALSE },
    { "log", "log.csv", "\xEF\xBB\xBF" "id,at", FALSE },
    { "assessment", "assessment.csv", "\xEF\xBB\xBF", TRUE },
    { "review", "review.pdf", "%PDF", FALSE },
    { "audit", "audit.pdf", "%PDF", TRUE },
  };

  g_assert_no_error (error);
  g_assert_cmpuint (list->len, >, 0);
  assessment = g_strdup_printf ("%" G_GINT64_FORMAT, ((MamoriAssessment *) list->pdata[0])->id);
  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *out = temp_path (cases[i].file);
      g_autoptr(MamoriOpResult) result = NULL;
      MamoriOpRequest request = { .path = out };
      const MamoriOp *op = mamori_op_find (MAMORI_OP_EXPORT, cases[i].name);

      if (g_str_equal (cases[i].name, "document"))
        request.id = "1";
      else if (cases[i].id)
        request.id = assessment;
      g_assert_true (mamori_op_accepts_path (op, out));
      if (!mamori_op_run (op, ws, NULL, &request, &result, &error))
        g_error ("%s: %s", cases[i].file, error->message);
      assert_file_starts (out, cases[i].magic);
    }
  /* A number that is not one is the caller's mistake. */
  {
    g_autofree char *out = temp_path ("bad.pdf");
    MamoriOpRequest request = { .path = out, .id = "x1" };
    g_assert_false (mamori_op_run (mamori_op_find (MAMORI_OP_EXPORT, "audit"), ws, NULL, &request, NULL, &error));
    g_assert_true (mamori_op_error_is_bad_input (error));
    g_assert_false (g_file_test (out, G_FILE_TEST_EXISTS));
    g_clear_error (&error);
  }
  /* The review was recorded as today's (the export writes). */
  {
    g_autoptr(MamoriReviewFigures) last = mamori_workspace_last_review (ws, "9999-12-31", &error);
    g_autoptr(GDateTime) now = g_date_time_new_now_local ();
    g_autofree char *today = g_date_time_format (now, "%Y-%m-%d");
    g_assert_no_error (error);
    g_assert_nonnull (last);
    g_assert_cmpstr (last->held_on, ==, today);
  }
  mamori_workspace_close (ws);
}

/* Imports: all or nothing, every problem listed; the ledger's CSV export reads back. */
static void
test_imports (void)
{
  g_autofree char *path = temp_path ("imports.mamori");
  g_autofree char *csv = temp_path ("bad-ledger.csv");
  g_autofree char *answers = temp_path ("answers.csv");
  g_autoptr(MamoriWorkspace) ws = mamori_workspace_open (path, MAMORI_WORKSPACE_OPEN_CREATE, NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(MamoriOpResult) result = NULL;
  const MamoriOp *assets = mamori_op_find (MAMORI_OP_IMPORT, "assets");
  const MamoriOp *answer_op = mamori_op_find (MAMORI_OP_IMPORT, "answers");
  MamoriOpRequest request = { .path = csv };

  g_assert_true (g_file_set_contents (csv, "業務分類,情報資産名称,機密性,完全性,可用性\n総務,台帳,9,1,1\n総務,名簿,2,x,1\n", -1, NULL));
  g_assert_false (mamori_op_run (assets, ws, NULL, &request, &result, &error));
  g_assert_true (mamori_op_error_is_bad_input (error));
  g_assert_nonnull (strstr (error->message, "bad-ledger.csv"));
  g_assert_cmpuint (result->problems->len, ==, 2);
  g_clear_error (&error);
  g_clear_pointer (&result, mamori_op_result_free);
  {
    g_autoptr(GPtrArray) none = mamori_workspace_list_assets (ws, NULL);
    g_assert_cmpuint (none->len, ==, 0);
  }

  /* Answers: the checklist is required; then the assessment is created and scored. */
  g_assert_true (g_file_set_contents (answers, "ref_id,answer\n1,Done\n2,Partly done\n", -1, NULL));
  request.path = answers;
  g_assert_false (mamori_op_run (answer_op, ws, NULL, &request, NULL, &error));
  g_assert_true (mamori_op_error_is_bad_input (error));
  g_clear_error (&error);
  request.checklist = "ipa-self-diagnosis";
  g_assert_true (mamori_op_run (answer_op, ws, NULL, &request, &result, &error));
  g_assert_no_error (error);
  g_assert_cmpint (result->id, >, 0);
  g_assert_cmpfloat (result->score, ==, 6);
  /* What it changed, for another connection to announce. */
  g_assert_true (g_strv_contains ((const char * const *) result->changed->pdata, "assessment"));
  mamori_workspace_close (ws);
}

/* The async form runs on its own connection and hands back the result. */
static void
op_finished (GObject      *source,
             GAsyncResult *res,
             gpointer      user_data)
{
  gboolean *done = user_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(MamoriOpResult) result = NULL;

  g_assert_true (mamori_op_run_finish (res, &result, &error));
  g_assert_no_error (error);
  g_assert_nonnull (result);
  *done = TRUE;
}

static void
test_async (void)
{
  g_autoptr(MamoriWorkspace) ws = demo_workspace ("async.mamori");
  g_autofree char *out = temp_path ("async.xlsx");
  MamoriOpRequest request = { .path = out };
  gboolean done = FALSE;

  mamori_op_run_async (mamori_op_find (MAMORI_OP_EXPORT, "assets"), mamori_workspace_get_path (ws), &request, NULL,
                       op_finished, &done);
  wait_for (&done);
  assert_file_starts (out, "PK");
  mamori_workspace_close (ws);
}

/* --- the worker helper ------------------------------------------------------------------- */

typedef struct {
  guint calls;
  int last;
  gboolean error;
} Seen;

static gpointer
sleepy_work (MamoriWorkspace  *workspace,
             gpointer          data,
             GCancellable     *cancellable,
             GError          **error)
{
  int value = GPOINTER_TO_INT (data);

  /* The first run is slow: the second one ends first. */
  g_usleep (value == 1 ? 200000 : 10000);
  g_assert_nonnull (workspace);
  return g_memdup2 (&value, sizeof value);
}

static void
seen_done (gpointer      owner,
           gpointer      result,
           const GError *error,
           gpointer      data)
{
  Seen *seen = g_object_get_data (owner, "seen");

  seen->calls++;
  seen->error = error != NULL;
  if (result != NULL)
    seen->last = *(int *) result;
}

static void
test_worker (void)
{
  g_autoptr(MamoriWorkspace) ws = demo_workspace ("worker.mamori");
  const char *path = mamori_workspace_get_path (ws);
  GObject *owner = g_object_new (G_TYPE_OBJECT, NULL);
  Seen seen = { 0 };
  MamoriWorker *worker = mamori_worker_new (owner);

  g_object_set_data (owner, "seen", &seen);
  /* Newest result wins: the first run's result is dropped though it ends last. */
  mamori_worker_run (worker, path, FALSE, sleepy_work, GINT_TO_POINTER (1), NULL, g_free, seen_done);
  mamori_worker_run (worker, path, FALSE, sleepy_work, GINT_TO_POINTER (2), NULL, g_free, seen_done);
  g_assert_true (mamori_worker_is_running (worker));
  for (guint i = 0; i < 200 && seen.calls == 0; i++)
    {
      g_main_context_iteration (NULL, FALSE);
      g_usleep (5000);
    }
  g_assert_cmpuint (seen.calls, ==, 1);
  g_assert_cmpint (seen.last, ==, 2);
  /* Let the slow one end: still nothing more. */
  for (guint i = 0; i < 80; i++)
    {
      g_main_context_iteration (NULL, FALSE);
      g_usleep (5000);
    }
  g_assert_cmpuint (seen.calls, ==, 1);
  g_assert_false (mamori_worker_is_running (worker));

  /* A workspace that cannot be opened is an error for done. */
  mamori_worker_run (worker, "/nonexistent/x.mamori", FALSE, sleepy_work, GINT_TO_POINTER (3), NULL, g_free, seen_done);
  for (guint i = 0; i < 400 && seen.calls == 1; i++)
    {
      g_main_context_iteration (NULL, FALSE);
      g_usleep (5000);
    }
  g_assert_cmpuint (seen.calls, ==, 2);
  g_assert_true (seen.error);

  /* The owner goes away while work runs: nothing is called, nothing leaks. */
  mamori_worker_run (worker, path, FALSE, sleepy_work, GINT_TO_POINTER (4), NULL, g_free, seen_done);
  g_object_unref (owner);
  for (guint i = 0; i < 40; i++)
    {
      g_main_context_iteration (NULL, FALSE);
      g_usleep (5000);
    }
  g_assert_cmpuint (seen.calls, ==, 2);

  /* Freed while work runs: the run ends on its own, nothing is called. */
  owner = g_object_new (G_TYPE_OBJECT, NULL);
  g_object_set_data (owner, "seen", &seen);
  mamori_worker_free (worker);
  worker = mamori_worker_new (owner);
  mamori_worker_run (worker, path, FALSE, sleepy_work, GINT_TO_POINTER (1), NULL, g_free, seen_done);
  mamori_worker_free (worker);
  for (guint i = 0; i < 80; i++)
    {
      g_main_context_iteration (NULL, FALSE);
      g_usleep (5000);
    }
  g_assert_cmpuint (seen.calls, ==, 2);
  g_object_unref (owner);
  mamori_workspace_close (ws);
}

/* An operation through the worker: the op's failure reaches done with its problems. */
static void
op_seen (gpointer              owner,
         MamoriOpResult       *result,
         const GError         *error)
{
  Seen *seen = g_object_get_data (owner, "seen");

  seen->calls++;
  seen->error = error != NULL;
  seen->last = result ? (int) result->problems->len : -1;
}

static void
test_worker_op (void)
{
  g_autoptr(MamoriWorkspace) ws = demo_workspace ("worker-op.mamori");
  g_autoptr(GObject) owner = g_object_new (G_TYPE_OBJECT, NULL);
  g_autoptr(MamoriWorker) worker = mamori_worker_new (owner);
  g_autofree char *out = temp_path ("worker.csv");
  g_autofree char *bad = temp_path ("worker-bad.csv");
  Seen seen = { 0 };
  MamoriOpRequest request = { .path = out };

  g_object_set_data (owner, "seen", &seen);
  mamori_worker_run_op (worker, mamori_op_find (MAMORI_OP_EXPORT, "assets"), mamori_workspace_get_path (ws), &request,
                        op_seen);
  for (guint i = 0; i < 1000 && seen.calls == 0; i++)
    {
      g_main_context_iteration (NULL, FALSE);
      g_usleep (2000);
    }
  g_assert_cmpuint (seen.calls, ==, 1);
  g_assert_false (seen.error);
  assert_file_starts (out, "\xEF\xBB\xBF");

  g_assert_true (g_file_set_contents (bad, "業務分類,情報資産名称,機密性\n総務,台帳,9\n", -1, NULL));
  request.path = bad;
  mamori_worker_run_op (worker, mamori_op_find (MAMORI_OP_IMPORT, "assets"), mamori_workspace_get_path (ws), &request,
                        op_seen);
  for (guint i = 0; i < 1000 && seen.calls == 1; i++)
    {
      g_main_context_iteration (NULL, FALSE);
      g_usleep (2000);
    }
  g_assert_cmpuint (seen.calls, ==, 2);
  g_assert_true (seen.error);
  g_assert_cmpint (seen.last, >=, 1);
  mamori_workspace_close (ws);
}

/* The registers: the demo fills each; every register exports as CSV (headings in the user's
 * language, references by name, parts in their own columns) and XLSX; people and attendance
 * import all or nothing, with every bad line. */
static void
test_registers (void)
{
  g_autoptr(MamoriWorkspace) ws = demo_workspace ("registers.mamori");
  g_autoptr(GError) error = NULL;
  const char *keys[] = { "incidents", "exceptions", "acceptances", "trainings", "people", "pledges", "training_plans",
                         "suppliers" };
  const guint counts[] = { 2, 2, 2, 2, 7, 6, 3, 3 };

  for (guint k = 0; k < G_N_ELEMENTS (keys); k++)
    {
      g_autoptr(GPtrArray) rows = mamori_op_register_rows (ws, keys[k], &error);
      g_autofree char *csv = g_strdup_printf ("%s.csv", keys[k]);
      g_autofree char *xlsx = g_strdup_printf ("%s.xlsx", keys[k]);
      g_autofree char *csv_path = temp_path (csv), *xlsx_path = temp_path (xlsx);
      g_autofree char *text = NULL, *zip = NULL;
      gsize length = 0;
      MamoriOpRequest request = { .path = csv_path };

      g_assert_no_error (error);
      g_assert_cmpuint (rows->len, ==, counts[k]);
      g_assert_true (g_ascii_isdigit (((char **) rows->pdata[0])[0][0]));
      g_assert_true (mamori_op_run (mamori_op_find (MAMORI_OP_EXPORT, keys[k]), ws, NULL, &request, NULL, &error));
      g_assert_no_error (error);
      g_assert_true (g_file_get_contents (csv_path, &text, &length, NULL));
      g_assert_true (g_str_has_prefix (text, "\xEF\xBB\xBF"));
      {
        g_auto(GStrv) lines = g_strsplit (text, "\r\n", -1);
        g_assert_cmpuint (g_strv_length (lines), >=, counts[k] + 1);
      }
      request.path = xlsx_path;
      g_assert_true (mamori_op_run (mamori_op_find (MAMORI_OP_EXPORT, keys[k]), ws, NULL, &request, NULL, &error));
      g_assert_true (g_file_get_contents (xlsx_path, &zip, &length, NULL));
      g_assert_true (length > 4 && memcmp (zip, "PK\x03\x04", 4) == 0);
      if (g_str_equal (keys[k], "incidents"))
        {
          g_assert_nonnull (strstr (text, "When it happened"));
          g_assert_nonnull (strstr (text, "First report"));           /* the reports' column */
          g_assert_nonnull (strstr (text, "顧客名簿（外出用）"));      /* an affected asset by name */
        }
      if (g_str_equal (keys[k], "people"))
        g_assert_nonnull (strstr (text, "New joiner not trained within 3 months"));
    }
  g_assert_null (mamori_op_register_rows (ws, "incident_updates", &error));
  g_clear_error (&error);

  /* People: a bad date, a name already there, a name twice → nothing imported. */
  {
    g_autofree char *path = temp_path ("people.csv");
    g_autoptr(MamoriOpResult) result = NULL;
    g_autoptr(GPtrArray) before = mamori_op_register_rows (ws, "people", &error);
    g_autoptr(GPtrArray) after = NULL;
    MamoriOpRequest request = { .path = path };

    g_assert_true (g_file_set_contents (path,
                                        "name,unit,joined_on,access_holder\n"
                                        "小林 直子,総務部,2026/11/01,いいえ\n"
                                        "中村 大輔,製造部,2026-13-01,no\n"
                                        "山田 花子,総務部,2012-04-01,yes\n"
                                        "小林 直子,営業部,2026-11-01,0\n", -1, NULL));
    g_assert_false (mamori_op_run (mamori_op_find (MAMORI_OP_IMPORT, "people"), ws, NULL, &request, &result, &error));
    g_assert_error (error, MAMORI_OP_ERROR, MAMORI_OP_ERROR_BAD_INPUT);
    g_clear_error (&error);
    g_assert_cmpuint (result->problems->len, ==, 3);
    g_assert_nonnull (strstr (result->problems->pdata[0], "Line 3"));
    after = mamori_op_register_rows (ws, "people", &error);
    g_assert_cmpuint (after->len, ==, before->len);
    g_clear_pointer (&result, mamori_op_result_free);
    g_clear_pointer (&after, g_ptr_array_unref);

    g_assert_true (g_file_set_contents (path,
                                        "\xEF\xBB\xBF" "Name,unit,joined_on,Has access to managed information\n"
                                        "小林 直子,総務部,2026/11/01,はい\n"
                                        "中村 大輔,製造部,2026-11-16,\n", -1, NULL));
    g_assert_true (mamori_op_run (mamori_op_find (MAMORI_OP_IMPORT, "people"), ws, NULL, &request, &result, &error));
    g_assert_no_error (error);
    g_assert_cmpuint (result->n_rows, ==, 2);
    after = mamori_op_register_rows (ws, "people", &error);
    g_assert_cmpuint (after->len, ==, before->len + 2);
  }

  /* Attendance: by the session's date (and title when needed) and the person's name. */
  {
    g_autofree char *path = temp_path ("attendance.csv");
    g_autoptr(MamoriOpResult) result = NULL;
    MamoriOpRequest request = { .path = path };
    guint before = 0, after = 0;

    g_assert_true (mamori_workspace_count_records (ws, mamori_register_lookup ("attendance"), &before, &error));
    g_assert_true (g_file_set_contents (path,
                                        "held_on,title,name\n"
                                        "2026-06-15,,小林 直子\n"
                                        "2026-06-16,,中村 大輔\n"
                                        "2026-06-15,,誰でもない人\n", -1, NULL));
    g_assert_false (mamori_op_run (mamori_op_find (MAMORI_OP_IMPORT, "attendance"), ws, NULL, &request, &result, &error));
    g_clear_error (&error);
    g_assert_cmpuint (result->problems->len, ==, 2);
    g_assert_true (mamori_workspace_count_records (ws, mamori_register_lookup ("attendance"), &after, &error));
    g_assert_cmpuint (after, ==, before);
    g_clear_pointer (&result, mamori_op_result_free);

    g_assert_true (g_file_set_contents (path,
                                        "held_on,title,name\n"
                                        "2026-06-15,,小林 直子\n"
                                        "2026/6/15,全社 情報セキュリティ研修,中村 大輔\n"
                                        "2026-06-15,,山田 花子\n", -1, NULL));
    g_assert_true (mamori_op_run (mamori_op_find (MAMORI_OP_IMPORT, "attendance"), ws, NULL, &request, &result, &error));
    g_assert_no_error (error);
    g_assert_cmpuint (result->n_rows, ==, 2);
    g_assert_cmpuint (result->warnings->len, ==, 1);            /* 山田 was there already */
    g_assert_true (mamori_workspace_count_records (ws, mamori_register_lookup ("attendance"), &after, &error));
    g_assert_cmpuint (after, ==, before + 2);
  }
}

int
main (int argc, char *argv[])
{
  int rc;

  setlocale (LC_ALL, "");
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);
  tmpdir = g_dir_make_tmp ("mamori-ops-XXXXXX", NULL);
  g_test_add_func ("/ops/table", test_table);
  g_test_add_func ("/ops/demo", test_demo);
  g_test_add_func ("/ops/exports", test_exports);
  g_test_add_func ("/ops/imports", test_imports);
  g_test_add_func ("/ops/registers", test_registers);
  g_test_add_func ("/ops/async", test_async);
  g_test_add_func ("/ops/worker", test_worker);
  g_test_add_func ("/ops/worker-op", test_worker_op);
  rc = g_test_run ();
  {
    g_autoptr(GDir) dir = g_dir_open (tmpdir, 0, NULL);
    const char *name;
    while (dir && (name = g_dir_read_name (dir)) != NULL)
      {
        g_autofree char *p = g_build_filename (tmpdir, name, NULL);
        g_unlink (p);
      }
    g_rmdir (tmpdir);
  }
  return rc;
}
