/* test-row-versions.c — two people at once on an assessment's answers, notes and measures and
 * on a document's text (row versions, format 18), on a workspace file and on a PostgreSQL
 * server: a write from the version read before someone else's is refused (CONFLICT) and leaves
 * their value; read again, it saves; every write adds 1 to the version. */
#include "config.h"

#include <glib/gstdio.h>
#include <locale.h>
#include <math.h>

#include "core/mamori-template.h"
#include "store/mamori-assessments.h"
#include "store/mamori-documents.h"
#include "store/mamori-workspace.h"
#include "mamori-test-pg.h"

static char *tmpdir;

/* Two handles on one new workspace: a (which creates it) and b. */
static void
two_workspaces (TestEngine        engine,
                const char       *name,
                MamoriWorkspace **a,
                MamoriWorkspace **b)
{
  g_autofree char *path = engine == TEST_ENGINE_POSTGRESQL ? test_pg_new_database ()
                                                           : g_build_filename (tmpdir, name, NULL);
  g_autoptr(GError) error = NULL;

  if (engine == TEST_ENGINE_SQLITE)
    g_unlink (path);
  *a = mamori_workspace_open (path, MAMORI_WORKSPACE_OPEN_CREATE, &error);
  g_assert_no_error (error);
  g_assert_cmpint (mamori_workspace_is_server (*a), ==, engine == TEST_ENGINE_POSTGRESQL);
  *b = mamori_workspace_open (path, 0, &error);
  g_assert_no_error (error);
}

static gboolean
engine_ready (gconstpointer data)
{
  return GPOINTER_TO_INT (data) == TEST_ENGINE_SQLITE || test_pg_available ();
}

/* The item's answer as ws reads it now (a new one without a row when it has none). */
static MamoriAnswer *
read_answer (MamoriWorkspace *ws,
             gint64           id,
             const char      *ref_id)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GHashTable) answers = mamori_workspace_get_answers (ws, id, &error);
  MamoriAnswer *a;

  g_assert_no_error (error);
  if (g_hash_table_steal_extended (answers, ref_id, NULL, (gpointer *) &a))
    return a;
  a = g_new0 (MamoriAnswer, 1);
  a->ref_id = g_strdup (ref_id);
  a->choice = -1;
  a->note = g_strdup ("");
  a->choice_version = a->note_version = a->measure_version = MAMORI_ROW_VERSION_NONE;
  return a;
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (MamoriAnswer, mamori_answer_free)

static void
test_answers (gconstpointer data)
{
  TestEngine engine = GPOINTER_TO_INT (data);
  g_autoptr(MamoriWorkspace) a = NULL, b = NULL;
  g_autoptr(MamoriAnswer) mine = NULL, theirs = NULL, now = NULL;
  g_autoptr(GError) error = NULL;
  gint64 id, v, stale;

  if (!engine_ready (data))
    return;
  two_workspaces (engine, "answers.mamori", &a, &b);
  id = mamori_workspace_create_assessment (a, "ipa-self-diagnosis", "", "2026-04-01", "山田", &error);
  g_assert_no_error (error);

  /* --- the answer ---------------------------------------------------------------------- */
  /* Both read the item unanswered; B answers first; A's answer "over nothing" is refused. */
  mine = read_answer (a, id, "1");
  theirs = read_answer (b, id, "1");
  g_assert_cmpint (mine->choice_version, ==, MAMORI_ROW_VERSION_NONE);
  v = theirs->choice_version;
  g_assert_true (mamori_workspace_set_answer_checked (b, id, "1", 0, 4, FALSE, &v, &error));
  g_assert_no_error (error);
  g_assert_cmpint (v, >=, 1);
  v = mine->choice_version;
  g_assert_false (mamori_workspace_set_answer_checked (a, id, "1", 1, 0, FALSE, &v, &error));
  g_assert_error (error, MAMORI_WORKSPACE_ERROR, MAMORI_WORKSPACE_ERROR_CONFLICT);
  g_assert_nonnull (strstr (error->message, "item 1"));
  g_clear_error (&error);
  g_assert_cmpint (v, ==, MAMORI_ROW_VERSION_NONE);   /* unchanged on failure */
  now = read_answer (a, id, "1");
  g_assert_cmpint (now->choice, ==, 0);
  /* A reads again (sees B's answer) and answers over it: saved, one version on. */
  stale = now->choice_version;
  v = now->choice_version;
  g_assert_true (mamori_workspace_set_answer_checked (a, id, "1", 1, 0, FALSE, &v, &error));
  g_assert_no_error (error);
  g_assert_cmpint (v, ==, stale + 1);
  g_clear_pointer (&now, mamori_answer_free);
  now = read_answer (b, id, "1");
  g_assert_cmpint (now->choice, ==, 1);
  g_assert_cmpint (now->choice_version, ==, stale + 1);
  /* B, still at the version before, may not change it either, nor clear it. */
  v = stale;
  g_assert_false (mamori_workspace_set_answer_checked (b, id, "1", 2, 2, FALSE, &v, &error));
  g_assert_error (error, MAMORI_WORKSPACE_ERROR, MAMORI_WORKSPACE_ERROR_CONFLICT);
  g_clear_error (&error);
  v = stale;
  g_assert_false (mamori_workspace_set_answer_checked (b, id, "1", -1, 0, FALSE, &v, &error));
  g_assert_error (error, MAMORI_WORKSPACE_ERROR, MAMORI_WORKSPACE_ERROR_CONFLICT);
  g_clear_error (&error);
  /* Clearing is a write: B clears at the current version; A's change from before is refused. */
  v = stale + 1;
  g_assert_true (mamori_workspace_set_answer_checked (b, id, "1", -1, 0, FALSE, &v, &error));
  g_assert_no_error (error);
  g_assert_cmpint (v, ==, MAMORI_ROW_VERSION_NONE);
  v = stale + 1;
  g_assert_false (mamori_workspace_set_answer_checked (a, id, "1", 0, 4, FALSE, &v, &error));
  g_assert_error (error, MAMORI_WORKSPACE_ERROR, MAMORI_WORKSPACE_ERROR_CONFLICT);
  g_clear_error (&error);
  g_clear_pointer (&now, mamori_answer_free);
  now = read_answer (a, id, "1");
  g_assert_cmpint (now->choice, ==, -1);
  /* Answered again, it comes back at a version no one read before. */
  v = MAMORI_ROW_VERSION_NONE;
  g_assert_true (mamori_workspace_set_answer_checked (a, id, "1", 0, 4, FALSE, &v, &error));
  g_assert_no_error (error);
  g_assert_cmpint (v, !=, stale);
  g_assert_cmpint (v, !=, stale + 1);
  /* Not applicable keeps no score, and bumps the version too. */
  {
    gint64 before = v;
    g_assert_true (mamori_workspace_set_answer_checked (a, id, "1", 2, NAN, TRUE, &v, &error));
    g_assert_no_error (error);
    g_assert_cmpint (v, ==, before + 1);
  }
  /* The old functions do not check, and still add 1. */
  {
    gint64 before = v;
    g_assert_true (mamori_workspace_set_answer (b, id, "1", 0, 4, FALSE, &error));
    g_clear_pointer (&now, mamori_answer_free);
    now = read_answer (a, id, "1");
    g_assert_cmpint (now->choice_version, ==, before + 1);
  }

  /* --- the note -------------------------------------------------------------------------- */
  g_clear_pointer (&mine, mamori_answer_free);
  g_clear_pointer (&theirs, mamori_answer_free);
  mine = read_answer (a, id, "2");
  theirs = read_answer (b, id, "2");
  v = theirs->note_version;
  g_assert_true (mamori_workspace_set_note_checked (b, id, "2", "Bのメモ", &v, &error));
  g_assert_no_error (error);
  stale = v;
  v = mine->note_version;
  g_assert_false (mamori_workspace_set_note_checked (a, id, "2", "Aのメモ", &v, &error));
  g_assert_error (error, MAMORI_WORKSPACE_ERROR, MAMORI_WORKSPACE_ERROR_CONFLICT);
  g_clear_error (&error);
  g_clear_pointer (&now, mamori_answer_free);
  now = read_answer (a, id, "2");
  g_assert_cmpstr (now->note, ==, "Bのメモ");
  g_assert_cmpint (now->note_version, ==, stale);
  v = now->note_version;
  g_assert_true (mamori_workspace_set_note_checked (a, id, "2", "Aのメモ", &v, &error));
  g_assert_no_error (error);
  g_assert_cmpint (v, ==, stale + 1);
  /* B edits from its stale version: refused, A's note stays. */
  v = stale;
  g_assert_false (mamori_workspace_set_note_checked (b, id, "2", "", &v, &error));
  g_assert_error (error, MAMORI_WORKSPACE_ERROR, MAMORI_WORKSPACE_ERROR_CONFLICT);
  g_clear_error (&error);
  g_clear_pointer (&now, mamori_answer_free);
  now = read_answer (b, id, "2");
  g_assert_cmpstr (now->note, ==, "Aのメモ");
  /* A clear over a note someone else cleared too is no conflict. */
  v = now->note_version;
  g_assert_true (mamori_workspace_set_note_checked (b, id, "2", "", &v, &error));
  g_assert_no_error (error);
  v = stale + 1;
  g_assert_true (mamori_workspace_set_note_checked (a, id, "2", "", &v, &error));
  g_assert_no_error (error);
  g_assert_cmpint (v, ==, MAMORI_ROW_VERSION_NONE);

  /* --- the measure --------------------------------------------------------------------- */
  g_clear_pointer (&mine, mamori_answer_free);
  mine = read_answer (a, id, "3");
  v = MAMORI_ROW_VERSION_NONE;
  g_assert_true (mamori_workspace_set_measure_checked (b, id, "3", "鍵付きの棚", "総務部", "2026-06-30", &v, &error));
  g_assert_no_error (error);
  stale = v;
  {
    gint64 bv = v;
    g_assert_true (mamori_workspace_set_measure_checked (b, id, "3", "鍵付きの棚に移す", "総務部", "2026-06-30", &bv, &error));
    g_assert_cmpint (bv, ==, stale + 1);
  }
  v = stale;
  g_assert_false (mamori_workspace_set_measure_checked (a, id, "3", "施錠する", "", NULL, &v, &error));
  g_assert_error (error, MAMORI_WORKSPACE_ERROR, MAMORI_WORKSPACE_ERROR_CONFLICT);
  g_clear_error (&error);
  v = stale;
  g_assert_false (mamori_workspace_set_measure_checked (a, id, "3", NULL, NULL, NULL, &v, &error));
  g_assert_error (error, MAMORI_WORKSPACE_ERROR, MAMORI_WORKSPACE_ERROR_CONFLICT);
  g_clear_error (&error);
  g_clear_pointer (&now, mamori_answer_free);
  now = read_answer (a, id, "3");
  g_assert_cmpstr (now->measure_what, ==, "鍵付きの棚に移す");
  g_assert_cmpstr (now->measure_due, ==, "2026-06-30");
  v = now->measure_version;
  g_assert_true (mamori_workspace_set_measure_checked (a, id, "3", "施錠する", "", NULL, &v, &error));
  g_assert_no_error (error);
  g_assert_cmpint (v, ==, stale + 2);
  g_clear_pointer (&now, mamori_answer_free);
  now = read_answer (b, id, "3");
  g_assert_cmpstr (now->measure_what, ==, "施錠する");
  g_assert_null (now->measure_due);
  g_assert_cmpint (now->measure_version, ==, v);
}

static void
test_documents (gconstpointer data)
{
  TestEngine engine = GPOINTER_TO_INT (data);
  g_autoptr(MamoriWorkspace) a = NULL, b = NULL;
  g_autoptr(MamoriTemplate) tmpl = NULL;
  g_autoptr(MamoriDocumentInfo) mine = NULL, theirs = NULL, now = NULL;
  g_autoptr(GPtrArray) versions = NULL;
  g_autoptr(GError) error = NULL;
  gint64 id, v, stale;

  if (!engine_ready (data))
    return;
  two_workspaces (engine, "documents.mamori", &a, &b);
  tmpl = mamori_template_builtin ("basic-policy", "ja", &error);
  g_assert_no_error (error);
  id = mamori_workspace_add_document_from_template (a, tmpl, NULL, &error);
  g_assert_cmpint (id, >, 0);

  mine = mamori_workspace_get_document (a, id, &error);
  theirs = mamori_workspace_get_document (b, id, &error);
  g_assert_no_error (error);
  g_assert_cmpint (mine->row_version, ==, 1);
  versions = mamori_workspace_list_versions (a, id, &error);
  g_assert_cmpint (((MamoriDocumentVersion *) versions->pdata[0])->row_version, ==, 1);

  /* B saves first; A's save from the version before is refused and leaves B's text. */
  v = theirs->row_version;
  g_assert_true (mamori_workspace_save_document_checked (b, id, "# 方針\n\nBの文", NULL, &v, &error));
  g_assert_no_error (error);
  g_assert_cmpint (v, ==, 2);
  v = mine->row_version;
  g_assert_false (mamori_workspace_save_document_checked (a, id, "# 方針\n\nAの文", NULL, &v, &error));
  g_assert_error (error, MAMORI_WORKSPACE_ERROR, MAMORI_WORKSPACE_ERROR_CONFLICT);
  g_assert_nonnull (strstr (error->message, mine->title));
  g_clear_error (&error);
  g_clear_pointer (&versions, g_ptr_array_unref);
  versions = mamori_workspace_list_versions (a, id, &error);
  g_assert_cmpuint (versions->len, ==, 1);
  g_assert_cmpstr (((MamoriDocumentVersion *) versions->pdata[0])->markdown, ==, "# 方針\n\nBの文");
  g_assert_cmpint (((MamoriDocumentVersion *) versions->pdata[0])->row_version, ==, 2);

  /* Read again, A's text saves, one version on. */
  now = mamori_workspace_get_document (a, id, &error);
  v = now->row_version;
  g_assert_true (mamori_workspace_save_document_checked (a, id, "# 方針\n\nAの文", NULL, &v, &error));
  g_assert_no_error (error);
  g_assert_cmpint (v, ==, 3);

  /* A status change is a write too: B's save from before it is refused. */
  stale = v;
  g_assert_true (mamori_workspace_set_document_status (a, id, MAMORI_DOCUMENT_REVIEW, NULL, NULL, &error));
  g_assert_true (mamori_workspace_set_document_status (a, id, MAMORI_DOCUMENT_APPROVED, "代表取締役 守田 一郎",
                                                       "2026-04-01", &error));
  g_assert_no_error (error);
  g_clear_pointer (&now, mamori_document_info_free);
  now = mamori_workspace_get_document (b, id, &error);
  g_assert_cmpint (now->row_version, ==, stale + 2);
  v = stale;
  g_assert_false (mamori_workspace_save_document_checked (b, id, "# 方針\n\nBの改訂", NULL, &v, &error));
  g_assert_error (error, MAMORI_WORKSPACE_ERROR, MAMORI_WORKSPACE_ERROR_CONFLICT);
  g_clear_error (&error);

  /* Over the approved version read now: version 2 starts, at a version no one read before;
   * A, who read version 1 approved, may not start it again over B's. */
  v = now->row_version;
  g_assert_true (mamori_workspace_save_document_checked (b, id, "# 方針\n\nBの改訂", NULL, &v, &error));
  g_assert_no_error (error);
  g_assert_cmpint (v, !=, now->row_version);
  g_assert_cmpint (v, !=, now->row_version + 1);
  {
    gint64 av = now->row_version;
    g_assert_false (mamori_workspace_save_document_checked (a, id, "# 方針\n\nAの改訂", NULL, &av, &error));
    g_assert_error (error, MAMORI_WORKSPACE_ERROR, MAMORI_WORKSPACE_ERROR_CONFLICT);
    g_clear_error (&error);
  }
  g_clear_pointer (&versions, g_ptr_array_unref);
  versions = mamori_workspace_list_versions (a, id, &error);
  g_assert_cmpuint (versions->len, ==, 2);
  g_assert_cmpstr (((MamoriDocumentVersion *) versions->pdata[1])->markdown, ==, "# 方針\n\nBの改訂");
  g_assert_cmpint (((MamoriDocumentVersion *) versions->pdata[1])->row_version, ==, v);
  /* The old function does not check, and still adds 1. */
  g_assert_true (mamori_workspace_save_document (a, id, "# 方針\n\nAの改訂", NULL, &error));
  g_clear_pointer (&now, mamori_document_info_free);
  now = mamori_workspace_get_document (b, id, &error);
  g_assert_cmpint (now->row_version, ==, v + 1);
  g_assert_cmpuint (now->latest, ==, 2);
}

/* /row-versions/NAME on a workspace file, /row-versions/postgresql/NAME on the test server. */
static void
add_both (const char    *name,
          GTestDataFunc  func)
{
  g_autofree char *file = g_strconcat ("/row-versions/", name, NULL);
  g_autofree char *server = g_strconcat ("/row-versions/postgresql/", name, NULL);

  g_test_add_data_func (file, GINT_TO_POINTER (TEST_ENGINE_SQLITE), func);
  g_test_add_data_func (server, GINT_TO_POINTER (TEST_ENGINE_POSTGRESQL), func);
}

int
main (int argc, char *argv[])
{
  int status;

  setlocale (LC_ALL, "C.UTF-8");
  g_test_init (&argc, &argv, NULL);
  tmpdir = g_dir_make_tmp ("mamori-row-versions-XXXXXX", NULL);
  add_both ("answers", test_answers);
  add_both ("documents", test_documents);
  status = g_test_run ();
  test_pg_cleanup ();
  {
    g_autofree char *cmd = g_strdup_printf ("rm -rf '%s'", tmpdir);
    (void) !system (cmd);
  }
  return status;
}
