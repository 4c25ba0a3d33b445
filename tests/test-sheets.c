/* test-sheets.c — per-role self-inspection sheets of gov-governance: the rates of a worked
 * example, a returned sheet's bad lines, export → fill in → import → summary on a workspace
 * file and on a PostgreSQL server (MAMORI_TEST_PG), the sheet and the report as PDF (read back
 * with Poppler, checked with qpdf), and a not-applicable answer's reason */
#include "config.h"

#include <glib/gstdio.h>
#include <locale.h>
#include <poppler.h>
#include <string.h>
#include <sys/wait.h>

#include "core/mamori-catalog.h"
#include "core/mamori-csv.h"
#include "core/mamori-sheet-summary.h"
#include "ops/mamori-ops.h"
#include "report/mamori-self-inspection.h"
#include "store/mamori-assessments.h"
#include "store/mamori-sheets.h"
#include "store/mamori-workspace.h"
#include "mamori-test-pg.h"

static char *tmpdir;
static MamoriCatalog *catalog;
static const MamoriChecklist *gov;

static char *
tmp_path (const char *name)
{
  return g_build_filename (tmpdir, name, NULL);
}

static MamoriWorkspace *
new_workspace_on (TestEngine  engine,
                  const char *name)
{
  g_autofree char *path = engine == TEST_ENGINE_POSTGRESQL ? test_pg_new_database () : tmp_path (name);
  g_autoptr(GError) error = NULL;
  MamoriWorkspace *ws;

  if (engine == TEST_ENGINE_SQLITE)
    g_unlink (path);
  ws = mamori_workspace_open (path, MAMORI_WORKSPACE_OPEN_CREATE, &error);
  g_assert_no_error (error);
  return ws;
}

static gboolean
engine_ready (gconstpointer data)
{
  return GPOINTER_TO_INT (data) == TEST_ENGINE_SQLITE || test_pg_available ();
}

static MamoriSheetAnswer *
answer (const char *ref_id,
        const char *person,
        const char *unit,
        int         score)   /* -1: not applicable */
{
  const MamoriNode *item = mamori_checklist_find_item (gov, ref_id);

  g_assert_nonnull (item);
  /* The scale is 2, 1, 0, not applicable: choice = 2 - score. */
  return mamori_sheet_answer_new (ref_id, person, unit, mamori_node_get_actor (item), score < 0 ? 3 : 2 - score,
                                  score < 0 ? 0 : score, score < 0, score < 0 ? "no such system" : "");
}

static const MamoriSheetRate *
find_rate (GPtrArray  *rates,
           const char *key)
{
  for (guint i = 0; i < rates->len; i++)
    if (g_str_equal (((MamoriSheetRate *) rates->pdata[i])->key, key))
      return rates->pdata[i];
  g_error ("no rate for “%s”", key);
  return NULL;
}

/* The worked example of README “Self-inspection sheets”. */
static void
test_summary (void)
{
  g_autoptr(GPtrArray) answers = g_ptr_array_new_with_free_func ((GDestroyNotify) mamori_sheet_answer_free);
  g_autoptr(MamoriSheetSummary) s = NULL;
  const MamoriSheetRate *r;

  g_assert_cmpstr (mamori_node_get_actor (mamori_checklist_find_item (gov, "2.1.1(1)(a)")), ==, "ciso");
  g_assert_cmpstr (mamori_node_get_actor (mamori_checklist_find_item (gov, "2.2.4(2)(b)")), ==, "csirt");
  g_ptr_array_add (answers, answer ("2.1.1(1)(a)", "A", "総務", 2));
  g_ptr_array_add (answers, answer ("2.1.1(1)(a)", "B", "営業", 1));
  g_ptr_array_add (answers, answer ("2.1.1(1)(b)", "A", "総務", 2));
  g_ptr_array_add (answers, answer ("2.1.1(1)(b)", "B", "営業", -1));
  g_ptr_array_add (answers, answer ("2.2.4(2)(b)", "C", "営業", 0));
  g_ptr_array_add (answers, answer ("2.2.4(2)(b)", "A", "総務", 1));
  g_ptr_array_add (answers, mamori_sheet_answer_new ("no-such-item", "A", "総務", "ciso", 0, 2, FALSE, ""));   /* ignored */
  s = mamori_sheet_summary_new (gov, answers);

  g_assert_cmpuint (s->n_people, ==, 3);
  g_assert_cmpuint (s->total.n_answers, ==, 6);
  g_assert_cmpuint (s->total.n_not_applicable, ==, 1);
  g_assert_cmpfloat_with_epsilon (mamori_sheet_rate_value (&s->total), 6.0 / 10, 1e-9);

  g_assert_cmpuint (s->clauses->len, ==, 3);
  g_assert_cmpstr (((MamoriSheetRate *) s->clauses->pdata[0])->key, ==, "2.1.1(1)(a)");   /* checklist order */
  r = find_rate (s->clauses, "2.1.1(1)(a)");
  g_assert_cmpfloat_with_epsilon (mamori_sheet_rate_value (r), 0.75, 1e-9);
  g_assert_cmpuint (r->n_full, ==, 1);
  g_assert_cmpuint (r->n_partial, ==, 1);
  r = find_rate (s->clauses, "2.1.1(1)(b)");
  g_assert_cmpfloat_with_epsilon (mamori_sheet_rate_value (r), 1.0, 1e-9);
  g_assert_cmpuint (r->n_not_applicable, ==, 1);
  r = find_rate (s->clauses, "2.2.4(2)(b)");
  g_assert_cmpfloat_with_epsilon (mamori_sheet_rate_value (r), 0.25, 1e-9);
  g_assert_cmpuint (r->n_none, ==, 1);

  g_assert_cmpuint (s->roles->len, ==, 2);
  g_assert_cmpstr (((MamoriSheetRate *) s->roles->pdata[0])->key, ==, "ciso");
  g_assert_cmpfloat_with_epsilon (mamori_sheet_rate_value (find_rate (s->roles, "ciso")), 5.0 / 6, 1e-9);
  g_assert_cmpfloat_with_epsilon (mamori_sheet_rate_value (find_rate (s->roles, "csirt")), 0.25, 1e-9);

  g_assert_cmpuint (s->units->len, ==, 2);
  g_assert_cmpfloat_with_epsilon (mamori_sheet_rate_value (find_rate (s->units, "総務")), 5.0 / 6, 1e-9);
  g_assert_cmpfloat_with_epsilon (mamori_sheet_rate_value (find_rate (s->units, "営業")), 0.25, 1e-9);

  /* Below 80 % in both units that answered it: an organisation-wide issue. 2.1.1(1)(a) is
   * below overall but at 100 % in 総務. */
  g_assert_cmpuint (s->issues->len, ==, 1);
  g_assert_cmpstr (s->issues->pdata[0], ==, "2.2.4(2)(b)");

  {
    g_autoptr(GPtrArray) none = g_ptr_array_new ();
    g_autoptr(MamoriSheetSummary) empty = mamori_sheet_summary_new (gov, none);
    g_assert_cmpfloat (mamori_sheet_rate_value (&empty->total), <, 0);
    g_assert_cmpuint (empty->clauses->len, ==, 0);
  }
}

static void
test_roles (void)
{
  g_autoptr(GPtrArray) roles = mamori_sheet_roles (gov);
  g_autoptr(GPtrArray) all = mamori_sheet_items (gov, "all");
  guint total = 0;

  g_assert_cmpuint (roles->len, ==, 8);
  for (guint i = 0; i < roles->len; i++)
    {
      g_autoptr(GPtrArray) items = mamori_sheet_items (gov, roles->pdata[i]);
      g_assert_cmpuint (items->len, >, 0);
      total += items->len;
    }
  g_assert_cmpuint (total, ==, 85);
  g_assert_cmpuint (all->len, ==, 85);
  {
    g_autoptr(GPtrArray) ciso = mamori_sheet_items (gov, "ciso");
    g_autoptr(GPtrArray) measures = mamori_sheet_measures (gov, ciso->pdata[0]);
    /* 2.1.1(1)-1 and its sub-items a)–g) */
    g_assert_cmpuint (measures->len, ==, 8);
    g_assert_cmpstr (((MamoriNode *) measures->pdata[0])->ref_id, ==, "2.1.1(1)-1");
  }
  g_assert_cmpstr (mamori_sheet_role_label ("csirt", "ja"), ==, "CSIRT");
  g_assert_cmpstr (mamori_sheet_role_label ("staff", "ja"), ==, "従業員等");
}

/* Every bad line of a returned sheet is reported with its number, and nothing is read. */
static void
test_bad_lines (void)
{
  const char *text =
    "項番,点検項目,役割,氏名,所属,回答,備考\r\n"
    "2.1.1(1)(a),x,,,,実施している,\r\n"                      /* 2: no person yet */
    "2.1.1(1)(a),x,,山田,総務,実施している,\r\n"              /* 3: fine */
    "9.9.9,x,,,,実施している,\r\n"                            /* 4: no such item */
    "2.1.1(1)(b),x,,,,たぶん,\r\n"                            /* 5: not an answer */
    "2.1.1(2)(a),x,,,,該当なし,\r\n"                          /* 6: no reason */
    "2.1.1(1)(a),x,,,,一部実施している,\r\n"                  /* 7: answered twice */
    "2.1.1(2)(a),x,社長,,,実施している,\r\n"                  /* 8: not a role */
    "2.1.1(2)(a),x,\r\n"                                      /* 9: fields */
    "2.1.1(2)(b),x,,,,,\r\n";                                 /* 10: unanswered: skipped */
  g_autoptr(GPtrArray) problems = NULL;
  g_autoptr(GError) error = NULL;
  GPtrArray *answers = mamori_sheet_read_csv (gov, text, &problems, &error);
  const char *expected[] = { "line 2,", "line 4,", "line 5,", "line 6,", "line 7,", "line 8,", "line 9:" };

  g_assert_no_error (error);
  g_assert_null (answers);
  g_assert_cmpuint (problems->len, ==, G_N_ELEMENTS (expected));
  for (guint i = 0; i < G_N_ELEMENTS (expected); i++)
    g_assert_true (g_str_has_prefix (problems->pdata[i], expected[i]));
  g_assert_true (mamori_sheet_csv_is_sheet (text));
  g_assert_false (mamori_sheet_csv_is_sheet ("ref_id,answer\n1,2\n"));

  /* No person column: not a sheet. */
  g_clear_pointer (&problems, g_ptr_array_unref);
  g_assert_null (mamori_sheet_read_csv (gov, "ref_id,answer\n", &problems, &error));
  g_assert_null (problems);
  g_assert_error (error, MAMORI_CHECKLIST_ERROR, MAMORI_CHECKLIST_ERROR_MISSING_KEY);
}

/* The exported CSV filled in by person (name, unit, the answer of row i). */
static char *
fill_sheet (GBytes     *exported,
            const char *person,
            const char *unit,
            const char *(*answer_of) (guint i))
{
  g_autofree char *text = mamori_csv_decode (g_bytes_get_data (exported, NULL), g_bytes_get_size (exported), NULL, NULL);
  g_autoptr(GPtrArray) rows = mamori_csv_parse (text, NULL);
  GString *out = g_string_new ("\xEF\xBB\xBF");

  g_assert_nonnull (rows);
  for (guint r = 0; r < rows->len; r++)
    {
      MamoriCsvRow *row = rows->pdata[r];
      const char *fields[7];
      g_assert_cmpuint (row->fields->len, ==, 7);
      for (guint c = 0; c < 7; c++)
        fields[c] = row->fields->pdata[c];
      if (r > 0)
        {
          if (r == 1)
            {
              fields[3] = person;   /* once, on the first line */
              fields[4] = unit;
            }
          fields[5] = answer_of (r - 1);
          fields[6] = g_str_equal (fields[5], "Not applicable") ? "We run no such system" : "";
        }
      mamori_csv_append_row (out, fields, 7);
    }
  return g_string_free (out, FALSE);
}

static const char *
all_done (guint i)
{
  return i == 1 ? "Partly implemented" : "Implemented";
}

static const char *
mostly_not (guint i)
{
  return i == 0 ? "Not applicable" : i == 2 ? "" : "Not implemented";
}

static gboolean
run_op (MamoriWorkspace       *ws,
        MamoriOpKind           kind,
        const char            *name,
        const MamoriOpRequest *request,
        MamoriOpResult       **result,
        GError               **error)
{
  return mamori_op_run (mamori_op_find (kind, name), ws, NULL, request, result, error);
}

static void
write_text (const char *path,
            const char *text)
{
  g_autoptr(GError) error = NULL;

  g_assert_true (g_file_set_contents (path, text, -1, &error));
  g_assert_no_error (error);
}

static void
test_round_trip (gconstpointer data)
{
  TestEngine engine = GPOINTER_TO_INT (data);
  g_autoptr(MamoriWorkspace) ws = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(MamoriOpResult) result = NULL;
  g_autoptr(GBytes) exported = NULL;
  g_autoptr(GPtrArray) stored = NULL;
  g_autoptr(MamoriSheetSummary) s = NULL;
  g_autofree char *csv = tmp_path ("csirt.csv");
  g_autofree char *one = tmp_path ("one.csv"), *two = tmp_path ("two.csv"), *bad = tmp_path ("bad.csv");
  g_autofree char *sheet1 = NULL, *sheet2 = NULL, *id_text = NULL;
  MamoriOpRequest request = { 0 };
  gint64 id;
  guint n_csirt;

  if (!engine_ready (data))
    return;
  ws = new_workspace_on (engine, "round-trip.mamori");
  id = mamori_workspace_create_assessment (ws, "gov-governance", "", "2026-06-01", "山田", &error);
  g_assert_no_error (error);
  id_text = g_strdup_printf ("%" G_GINT64_FORMAT, id);

  /* Export: an unknown role names the known ones. */
  request.id = "gov-governance";
  request.path = csv;
  request.role = "boss";
  g_assert_false (run_op (ws, MAMORI_OP_EXPORT, "sheet", &request, NULL, &error));
  g_assert_error (error, MAMORI_OP_ERROR, MAMORI_OP_ERROR_BAD_INPUT);
  g_assert_nonnull (strstr (error->message, "csirt"));
  g_clear_error (&error);
  request.role = "csirt";
  g_assert_true (run_op (ws, MAMORI_OP_EXPORT, "sheet", &request, NULL, &error));
  g_assert_no_error (error);
  {
    char *contents = NULL;
    gsize length = 0;
    g_assert_true (g_file_get_contents (csv, &contents, &length, NULL));
    exported = g_bytes_new_take (contents, length);
    g_assert_true (g_str_has_prefix (contents, "\xEF\xBB\xBF" "ref_id,Clause,Role,Person,Unit,Answer,Note\r\n"));
  }
  {
    g_autoptr(GPtrArray) items = mamori_sheet_items (gov, "csirt");
    n_csirt = items->len;
    g_assert_cmpuint (n_csirt, ==, 12);
  }

  /* Two people fill it in and return it. */
  sheet1 = fill_sheet (exported, "Sato", "IT", all_done);
  sheet2 = fill_sheet (exported, "Suzuki", "Sales", mostly_not);
  write_text (one, sheet1);
  write_text (two, sheet2);
  request = (MamoriOpRequest) { .path = one, .assessment = id_text };
  g_assert_true (run_op (ws, MAMORI_OP_IMPORT, "answers", &request, &result, &error));
  g_assert_no_error (error);
  g_assert_cmpint (result->id, ==, id);
  g_assert_cmpuint (result->n_rows, ==, n_csirt);
  g_clear_pointer (&result, mamori_op_result_free);
  request.path = two;
  g_assert_true (run_op (ws, MAMORI_OP_IMPORT, "answers", &request, &result, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (result->n_rows, ==, n_csirt - 1);   /* one left unanswered */
  g_clear_pointer (&result, mamori_op_result_free);

  /* Importing the same sheet again replaces the person's answers. */
  request.path = one;
  g_assert_true (run_op (ws, MAMORI_OP_IMPORT, "answers", &request, NULL, &error));
  g_assert_no_error (error);

  /* A bad sheet: every bad line, nothing stored. */
  write_text (bad, "ref_id,Clause,Role,Person,Unit,Answer,Note\r\n"
                   "2.2.4(2)(b),,,Tanaka,IT,Implemented,\r\n"
                   "2.2.4(2)(c),,,,,Maybe,\r\n"
                   "2.2.4(2)(d),,,,,Not applicable,\r\n");
  request.path = bad;
  g_assert_false (run_op (ws, MAMORI_OP_IMPORT, "answers", &request, &result, &error));
  g_assert_error (error, MAMORI_OP_ERROR, MAMORI_OP_ERROR_BAD_INPUT);
  g_assert_cmpuint (result->problems->len, ==, 2);
  g_assert_true (g_str_has_prefix (result->problems->pdata[0], "line 3,"));
  g_assert_true (g_str_has_prefix (result->problems->pdata[1], "line 4,"));
  g_clear_error (&error);
  g_clear_pointer (&result, mamori_op_result_free);

  /* A sheet without --assessment is refused with what to do. */
  request = (MamoriOpRequest) { .path = one };
  g_assert_false (run_op (ws, MAMORI_OP_IMPORT, "answers", &request, NULL, &error));
  g_assert_error (error, MAMORI_OP_ERROR, MAMORI_OP_ERROR_BAD_INPUT);
  g_assert_nonnull (strstr (error->message, "--assessment"));
  g_clear_error (&error);

  stored = mamori_workspace_list_sheet_answers (ws, id, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (stored->len, ==, 2 * n_csirt - 1);
  s = mamori_sheet_summary_new (gov, stored);
  g_assert_cmpuint (s->n_people, ==, 2);
  g_assert_cmpuint (s->units->len, ==, 2);
  g_assert_cmpuint (s->roles->len, ==, 1);
  /* Sato: 11 × 2 + 1 × 1 = 23 of 24; Suzuki: 1 not applicable, 1 unanswered, 10 × 0 of 20. */
  g_assert_cmpfloat_with_epsilon (mamori_sheet_rate_value (find_rate (s->units, "IT")), 23.0 / 24, 1e-9);
  g_assert_cmpfloat_with_epsilon (mamori_sheet_rate_value (find_rate (s->units, "Sales")), 0.0, 1e-9);
  g_assert_cmpfloat_with_epsilon (mamori_sheet_rate_value (&s->total), 23.0 / 44, 1e-9);
  g_assert_cmpuint (s->total.n_not_applicable, ==, 1);
  {
    const MamoriSheetAnswer *na = NULL;
    for (guint i = 0; i < stored->len; i++)
      if (((MamoriSheetAnswer *) stored->pdata[i])->not_applicable)
        na = stored->pdata[i];
    g_assert_nonnull (na);
    g_assert_cmpstr (na->person, ==, "Suzuki");
    g_assert_cmpstr (na->note, ==, "We run no such system");
    g_assert_cmpstr (na->role, ==, "csirt");
  }

  /* A completed assessment takes no more sheets. */
  {
    /* (The check of not-applicable reasons uses SQLite's char (); HACKING.md “PostgreSQL”.) */
    gboolean completed = mamori_workspace_complete_assessment (ws, id, NULL, &error);
    if (engine == TEST_ENGINE_SQLITE)
      g_assert_no_error (error);
    g_test_message ("completed on this engine: %d", completed);
    g_clear_error (&error);
    if (!completed)
      goto out;
  }
    {
      request = (MamoriOpRequest) { .path = one, .assessment = id_text };
      g_assert_false (run_op (ws, MAMORI_OP_IMPORT, "answers", &request, NULL, &error));
      g_assert_error (error, MAMORI_WORKSPACE_ERROR, MAMORI_WORKSPACE_ERROR_READ_ONLY);
      g_clear_error (&error);
    }
out:
  mamori_workspace_close (ws);
}

/* --- PDFs --------------------------------------------------------------------------------- */

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
  if (!WIFEXITED (wait_status) || WEXITSTATUS (wait_status) != 0 || (err != NULL && *err != '\0'))
    g_error ("qpdf --check %s:\n%s%s", path, out, err);
}

/* All the text of a PDF, the pages joined. */
static char *
pdf_text (const char *path,
          int        *n_pages)
{
  g_autofree char *uri = g_filename_to_uri (path, NULL, NULL);
  g_autoptr(GError) error = NULL;
  PopplerDocument *doc = poppler_document_new_from_file (uri, NULL, &error);
  GString *text = g_string_new (NULL);

  g_assert_no_error (error);
  *n_pages = poppler_document_get_n_pages (doc);
  for (int p = 0; p < *n_pages; p++)
    {
      PopplerPage *page = poppler_document_get_page (doc, p);
      g_autofree char *t = poppler_page_get_text (page);
      g_string_append (text, t);
      g_string_append_c (text, '\n');
      g_object_unref (page);
    }
  g_object_unref (doc);
  return g_string_free (text, FALSE);
}

/* Line breaks and the layout's spaces out, so phrases can be searched across lines. */
static char *
squeeze (const char *text)
{
  GString *out = g_string_new (NULL);

  for (const char *p = text; *p; p++)
    if (*p != '\n' && *p != ' ')
      g_string_append_c (out, *p);
  return g_string_free (out, FALSE);
}

static void
test_pdf (void)
{
  g_autofree char *ja = tmp_path ("ciso-ja.pdf"), *en = tmp_path ("ciso-en.pdf"), *report = tmp_path ("report.pdf");
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) answers = g_ptr_array_new_with_free_func ((GDestroyNotify) mamori_sheet_answer_free);
  g_autoptr(MamoriSheetSummary) s = NULL;
  g_autofree char *text = NULL, *flat = NULL;
  int n_pages = 0;

  g_assert_true (mamori_sheet_form_write_pdf (gov, "ciso", "みほん商事", "ja", ja, NULL, &error));
  g_assert_no_error (error);
  assert_qpdf_clean (ja);
  text = pdf_text (ja, &n_pages);
  flat = squeeze (text);
  g_assert_cmpint (n_pages, >=, 2);
  g_assert_nonnull (strstr (flat, "自己点検票"));
  g_assert_nonnull (strstr (flat, "みほん商事"));
  g_assert_nonnull (strstr (flat, "2.1.1(1)(a)"));
  g_assert_nonnull (strstr (flat, "2.1.1(1)-1"));         /* a basic measure as how to show it */
  g_assert_nonnull (strstr (flat, "一部実施している"));
  g_assert_null (strstr (flat, "2.2.4(2)(b)"));           /* the CSIRT's, not the CISO's */
  g_clear_pointer (&text, g_free);
  g_clear_pointer (&flat, g_free);

  g_assert_true (mamori_sheet_form_write_pdf (gov, "staff", "Sample Ltd", "en", en, NULL, &error));
  g_assert_no_error (error);
  assert_qpdf_clean (en);
  text = pdf_text (en, &n_pages);
  flat = squeeze (text);
  g_assert_nonnull (strstr (flat, "Self-inspectionsheet"));
  g_assert_nonnull (strstr (flat, "Partlyimplemented"));
  g_clear_pointer (&text, g_free);
  g_clear_pointer (&flat, g_free);

  g_ptr_array_add (answers, answer ("2.1.1(1)(a)", "A", "総務", 2));
  g_ptr_array_add (answers, answer ("2.2.4(2)(b)", "C", "営業", 0));
  g_ptr_array_add (answers, answer ("2.2.4(2)(b)", "A", "総務", 1));
  s = mamori_sheet_summary_new (gov, answers);
  {
    g_autoptr(GHashTable) decided = g_hash_table_new_full (g_str_hash, g_str_equal, NULL, (GDestroyNotify) mamori_answer_free);
    MamoriAnswer *a = g_new0 (MamoriAnswer, 1);
    MamoriSelfInspection r = { "みほん商事", NULL, "2026-06-01", "2026-06-30", gov, s, decided, "ja" };

    a->ref_id = g_strdup ("2.2.4(2)(b)");
    a->choice = -1;
    a->note = g_strdup ("");
    a->measure_what = g_strdup ("受付手順を作る");
    a->measure_owner = g_strdup ("CSIRT");
    a->measure_due = g_strdup ("2026-09-30");
    g_hash_table_insert (decided, a->ref_id, a);
    g_assert_true (mamori_self_inspection_write_pdf (&r, report, NULL, &error));
    g_assert_no_error (error);
  }
  assert_qpdf_clean (report);
  text = pdf_text (report, &n_pages);
  flat = squeeze (text);
  g_assert_nonnull (strstr (flat, "自己点検結果報告書"));
  g_assert_nonnull (strstr (flat, "組織全体の課題"));
  g_assert_nonnull (strstr (flat, "受付手順を作る"));
  g_assert_nonnull (strstr (flat, "25%"));                 /* 2.2.4(2)(b) */
  g_assert_nonnull (strstr (flat, "総務"));
}

/* A not-applicable answer of gov-governance needs its reason before the assessment completes. */
static void
test_na_reason (void)
{
  g_autoptr(MamoriWorkspace) ws = new_workspace_on (TEST_ENGINE_SQLITE, "na.mamori");
  g_autoptr(GError) error = NULL;
  gint64 id = mamori_workspace_create_assessment (ws, "gov-governance", "", "2026-06-01", "山田", &error);

  g_assert_no_error (error);
  g_assert_true (mamori_workspace_set_answer (ws, id, "2.1.1(1)(b)", 3, 0, TRUE, &error));
  g_assert_no_error (error);
  g_assert_false (mamori_workspace_complete_assessment (ws, id, NULL, &error));
  g_assert_nonnull (error);
  g_assert_nonnull (strstr (error->message, "2.1.1(1)(b)"));
  g_clear_error (&error);
  g_assert_true (mamori_workspace_set_note (ws, id, "2.1.1(1)(b)", "副責任者を置くほどの規模ではない", &error));
  g_assert_no_error (error);
  g_assert_true (mamori_workspace_complete_assessment (ws, id, NULL, &error));
  g_assert_no_error (error);
  mamori_workspace_close (ws);
}

int
main (int argc, char *argv[])
{
  g_autoptr(GError) error = NULL;
  int status;

  setlocale (LC_ALL, "C.UTF-8");
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);
  tmpdir = g_dir_make_tmp ("mamori-sheets-XXXXXX", NULL);
  catalog = mamori_catalog_new ();
  g_assert_true (mamori_catalog_load_builtin (catalog, &error));
  g_assert_no_error (error);
  gov = mamori_catalog_find (catalog, "gov-governance");
  g_assert_nonnull (gov);
  g_test_add_func ("/sheets/summary", test_summary);
  g_test_add_func ("/sheets/roles", test_roles);
  g_test_add_func ("/sheets/bad-lines", test_bad_lines);
  g_test_add_data_func ("/sheets/round-trip", GINT_TO_POINTER (TEST_ENGINE_SQLITE), test_round_trip);
  g_test_add_data_func ("/sheets/postgresql/round-trip", GINT_TO_POINTER (TEST_ENGINE_POSTGRESQL), test_round_trip);
  g_test_add_func ("/sheets/pdf", test_pdf);
  g_test_add_func ("/sheets/na-reason", test_na_reason);
  status = g_test_run ();
  test_pg_cleanup ();
  mamori_catalog_free (catalog);
  {
    g_autofree char *cmd = g_strdup_printf ("rm -rf '%s'", tmpdir);
    (void) !system (cmd);
  }
  return status;
}
