/* test-register-reports.c — the registers in the management-review and audit reports (ja and
 * en), and the printable forms (confidentiality pledge, attendance sheet) as PDF files read back
 * with Poppler and checked with `qpdf --check` */
#include "config.h"

#include <glib/gstdio.h>
#include <locale.h>
#include <poppler.h>
#include <string.h>
#include <sys/wait.h>

#include "core/mamori-catalog.h"
#include "core/mamori-date.h"
#include "core/mamori-demo.h"
#include "core/mamori-register.h"
#include "ops/mamori-ops.h"
#include "report/mamori-register-forms.h"
#include "report/mamori-review.h"
#include "report/mamori-word.h"
#include "store/mamori-assessments.h"
#include "store/mamori-registers.h"
#include "store/mamori-reviews.h"
#include "store/mamori-workspace.h"

#define TODAY "2026-04-01"

static char *tmpdir;
static char *qpdf_bin;

static char *
tmp_path (const char *name)
{
  return g_build_filename (tmpdir, name, NULL);
}

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

/* A record of key with field=value pairs, saved (parent > 0 for a part); its id. */
static gint64
add (MamoriWorkspace *ws,
     const char      *key,
     gint64           parent,
     ...)
{
  g_autoptr(MamoriRecord) r = mamori_record_new (mamori_register_lookup (key));
  g_autoptr(GError) error = NULL;
  va_list args;

  r->parent = parent;
  va_start (args, parent);
  for (const char *f = va_arg (args, const char *); f != NULL; f = va_arg (args, const char *))
    mamori_record_set (r, f, va_arg (args, const char *));
  va_end (args);
  if (!mamori_workspace_save_record (ws, r, &error))
    g_error ("%s: %s", key, error->message);
  return r->id;
}

typedef struct {
  MamoriWorkspace *ws;
  gint64 yamada, suzuki, sato, session, audit;
} Fixture;

static void
fixture_fill (Fixture *f)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(MamoriProfile) profile = mamori_demo_profile ();
  gint64 leak, outage;
  char id[32];

  g_assert_true (mamori_workspace_set_profile (f->ws, profile, &error));
  g_assert_no_error (error);

  f->yamada = add (f->ws, "people", 0, "name", "山田 花子", "unit", "総務部", "joined_on", "2015-04-01",
                   "access_holder", "1", NULL);
  f->suzuki = add (f->ws, "people", 0, "name", "鈴木 一郎", "unit", "営業部", "joined_on", "2025-10-01", NULL);
  f->sato = add (f->ws, "people", 0, "name", "佐藤 次郎", "unit", "製造部", "joined_on", "2020-04-01", NULL);
  add (f->ws, "people", 0, "name", "田中 退職", "unit", "製造部", "joined_on", "2010-04-01", "left_on", "2025-12-31", NULL);
  f->session = add (f->ws, "trainings", 0, "held_on", "2025-06-10", "title", "情報セキュリティ基礎研修", "audience", "all",
                    "topics", "パスワード、標的型メール", "trainer", "守田 一郎", NULL);
  g_snprintf (id, sizeof id, "%" G_GINT64_FORMAT, f->sato);
  add (f->ws, "attendance", f->session, "person", id, NULL);
  g_snprintf (id, sizeof id, "%" G_GINT64_FORMAT, f->sato);
  add (f->ws, "pledges", 0, "person", id, "kind", "joining", "signed_on", "2020-04-01", NULL);

  leak = add (f->ws, "incidents", 0, "occurred_at", "2025-11-05 14:20", "title", "顧客宛メールの誤送信", "severity", "high",
              "state", "recovered", NULL);
  add (f->ws, "incident_updates", leak, "reported_at", "2025-11-05 15:00", "kind", "first", "confirmed", "1 名に誤送信", NULL);
  add (f->ws, "incident_notices", leak, "party", "customers", "due_at", "2025-11-07 17:00", "notified_at", "2025-11-06 10:00", NULL);
  add (f->ws, "incident_measures", leak, "what", "送信前の宛先確認を必須にする", "owner", "山田 花子", "due_on", "2026-05-31", NULL);
  outage = add (f->ws, "incidents", 0, "occurred_at", "2024-01-10 09:00", "title", "古い停電", "severity", "low", "state", "closed", "closed_on", "2024-01-12", NULL);
  (void) outage;

  add (f->ws, "exceptions", 0, "applicant", "鈴木 一郎", "rule", "情報セキュリティ関連規程 第8条", "reason", "展示会での実演",
       "starts_on", "2026-03-01", "ends_on", "2026-05-15", "decision", "approved", "approver", "山田 花子",
       "decided_on", "2026-02-20", NULL);
  add (f->ws, "acceptances", 0, "risk", "旧型複合機の脆弱性", "accepted_by", "代表取締役 大野 剛", "accepted_on", "2025-04-01",
       "reason", "更新まで", "residual", "8", "until", "2026-09-30", NULL);
  add (f->ws, "acceptances", 0, "risk", "紙の見積書の保管", "accepted_by", "代表取締役 大野 剛", "accepted_on", "2026-03-01",
       "reason", "金庫で保管", "residual", "4", "until", "2028-03-31", NULL);
  add (f->ws, "suppliers", 0, "name", "クラウド会計サービス", "kind", "cloud", "last_evaluated_on", "2025-03-01",
       "interval_months", "12", NULL);
  add (f->ws, "suppliers", 0, "name", "清掃業者", "kind", "contractor", NULL);
  add (f->ws, "suppliers", 0, "name", "印刷会社", "kind", "contractor", "last_evaluated_on", "2026-01-10", NULL);

  f->audit = mamori_workspace_create_assessment (f->ws, "tech-info-mandatory", NULL, "2026-03-20", "守田 一郎", &error);
  g_assert_no_error (error);
}

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  g_autofree char *path = tmp_path (data ? "empty.mamori" : "registers.mamori");
  g_autoptr(GError) error = NULL;

  g_unlink (path);
  f->ws = mamori_workspace_open (path, MAMORI_WORKSPACE_OPEN_CREATE, &error);
  g_assert_no_error (error);
  if (data == NULL)
    fixture_fill (f);
  else
    {
      g_autoptr(MamoriProfile) profile = mamori_demo_profile ();
      g_assert_true (mamori_workspace_set_profile (f->ws, profile, &error));
      f->audit = mamori_workspace_create_assessment (f->ws, "tech-info-mandatory", NULL, "2026-03-20", "守田 一郎", &error);
      g_assert_no_error (error);
    }
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  g_clear_object (&f->ws);
}

static MamoriCatalog *
catalog_new (void)
{
  MamoriCatalog *catalog = mamori_catalog_new ();
  g_autoptr(GError) error = NULL;

  g_assert_true (mamori_catalog_load_builtin (catalog, &error));
  g_assert_no_error (error);
  return catalog;
}

static void assert_qpdf_clean (const char *path);

/* The report laid out as a PDF that qpdf finds clean (kept in the test's folder to look at). */
static void
write_report_pdf (MamoriReport *report,
                  const char   *name)
{
  g_autofree char *path = tmp_path (name);
  g_autoptr(GError) error = NULL;

  g_assert_true (mamori_report_write (report, path, NULL, &error));
  g_assert_no_error (error);
  assert_qpdf_clean (path);
}

static void
test_review_sections (Fixture       *f,
                      gconstpointer  data)
{
  g_autoptr(MamoriCatalog) catalog = catalog_new ();
  g_autoptr(GError) error = NULL;

  mamori_date_set_default_style (MAMORI_DATE_WESTERN);
  for (int en = 0; en < 2; en++)
    {
      g_autoptr(MamoriReport) review = mamori_review_report_new (f->ws, catalog, TODAY, en ? "en" : "ja", &error);
      const char *md;
      g_assert_no_error (error);
      md = mamori_report_get_markdown (review);
      /* Incidents of the last 12 months (no earlier review): the old outage is left out. */
      assert_has (md, en ? "# Incidents in the last 12 months" : "# この 1 年のインシデント");
      assert_has (md, "顧客宛メールの誤送信");
      assert_lacks (md, "古い停電");
      assert_has (md, en ? "| High | 0 | 0 | 0 | 1 | 0 | 1 |" : "| 高 | 0 | 0 | 0 | 1 | 0 | 1 |");
      assert_has (md, en ? "送信前の宛先確認を必須にする (due 31 May 2026)" : "送信前の宛先確認を必須にする（期限 2026年5月31日）");
      /* The exception in force, ending within 60 days. */
      assert_has (md, en ? "1 exception is in force today; 1 of them ends within 60 days" : "本日有効な例外は 1 件で、そのうち 1 件が 60 日以内に終わります");
      assert_has (md, "| 鈴木 一郎 | 山田 花子 |");
      /* Accepted risks: one lapses before the next review. */
      assert_has (md, en ? "Lapses before next review" : "要再審査");
      assert_has (md, "代表取締役 大野 剛");
      assert_has (md, en ? "Re-deciding an accepted risk" : "受容したリスクの再審査");
      assert_has (md, en ? "“旧型複合機の脆弱性”" : "「旧型複合機の脆弱性」");
      /* Training: three people with the organisation, the joiner overdue, pledges missing. */
      assert_has (md, en ? "| People with the organisation | 3 |" : "| 在籍者 | 3 |");
      assert_has (md, en ? "| Overdue | 2 |" : "| 受講の期限を過ぎた人 | 2 |");
      assert_has (md, en ? "No signed pledge yet: 鈴木 一郎, 山田 花子." : "秘密保持誓約書がまだない人：鈴木 一郎、山田 花子。");
      assert_lacks (md, "田中 退職");
      /* Suppliers: one overdue, one never evaluated; the recent one is not due. */
      assert_has (md, "クラウド会計サービス");
      assert_has (md, en ? "**Never evaluated**" : "**未評価**");
      assert_has (md, en ? "**Overdue**" : "**期限切れ**");
      assert_lacks (md, "印刷会社");
      /* People read dates and names, never stored forms or ids. */
      assert_lacks (md, "2026-05-31");
      assert_lacks (md, "new_joiners");
      assert_lacks (md, "recovered");
      write_report_pdf (review, en ? "review-en.pdf" : "review-ja.pdf");
    }
  mamori_date_set_default_style (MAMORI_DATE_ISO);
}

static void
test_review_empty (Fixture       *f,
                   gconstpointer  data)
{
  g_autoptr(MamoriCatalog) catalog = catalog_new ();
  g_autoptr(GError) error = NULL;

  for (int en = 0; en < 2; en++)
    {
      g_autoptr(MamoriReport) review = mamori_review_report_new (f->ws, catalog, TODAY, en ? "en" : "ja", &error);
      g_autoptr(MamoriReport) audit = NULL;
      const MamoriChecklist *cl = mamori_catalog_find (catalog, "tech-info-mandatory");
      const char *md;
      g_assert_no_error (error);
      md = mamori_report_get_markdown (review);
      assert_has (md, en ? "No incident was recorded from" : "までに記録されたインシデントはありません");
      assert_has (md, en ? "No exception is in force today." : "本日有効な例外はありません。");
      assert_has (md, en ? "No accepted risk has been recorded." : "受容したリスクの記録はありません。");
      assert_has (md, en ? "The people register has nobody recorded yet." : "人員の台帳に在籍者の記録がありません。");
      assert_has (md, en ? "No supplier or cloud service has been recorded." : "委託先とクラウドサービスの記録はありません。");
      assert_lacks (md, en ? "Re-deciding" : "再審査");
      audit = mamori_audit_report_new (f->ws, cl, f->audit, TODAY, en ? "en" : "ja", TRUE, &error);
      g_assert_no_error (error);
      md = mamori_report_get_markdown (audit);
      assert_has (md, en ? "# Records for the auditor" : "# 監査人に示す記録");
      assert_has (md, en ? "No incident was recorded in this period." : "この期間に記録されたインシデントはありません。");
    }
}

static void
test_audit_annex (Fixture       *f,
                  gconstpointer  data)
{
  g_autoptr(MamoriCatalog) catalog = catalog_new ();
  const MamoriChecklist *cl = mamori_catalog_find (catalog, "tech-info-mandatory");
  g_autoptr(GError) error = NULL;

  mamori_date_set_default_style (MAMORI_DATE_WESTERN);
  for (int en = 0; en < 2; en++)
    {
      g_autoptr(MamoriReport) audit = mamori_audit_report_new (f->ws, cl, f->audit, TODAY, en ? "en" : "ja", TRUE, &error);
      const char *md;
      g_assert_no_error (error);
      md = mamori_report_get_markdown (audit);
      assert_has (md, en ? "# Records for the auditor" : "# 監査人に示す記録");
      assert_has (md, en ? "The records from 1 April 2025 to 1 April 2026" : "2025年4月1日 から 2026年4月1日 までの記録");
      /* The incident with its one report and its notification on time. */
      assert_has (md, en ? "| 顧客宛メールの誤送信 | High | Recovered | 1 | 1 of 1 done |" : "| 顧客宛メールの誤送信 | 高 | 復旧済み | 1 | 1 / 1 件済み |");
      assert_lacks (md, "古い停電");
      /* Applicant and approver are different people. */
      assert_has (md, en ? "| 鈴木 一郎 | 山田 花子 | Approved (20 February 2026) |" : "| 鈴木 一郎 | 山田 花子 | 承認（2026年2月20日） |");
      assert_has (md, en ? "Every exception was approved by someone other than its applicant." : "どの例外も、申請者とは別の人が承認しています。");
      assert_has (md, "旧型複合機の脆弱性");
      assert_has (md, en ? "| 情報セキュリティ基礎研修 | Everyone | 1 |" : "| 情報セキュリティ基礎研修 | 全員 | 1 名 |");
      assert_has (md, en ? "- Overdue for training: 鈴木 一郎, 山田 花子" : "- 受講の期限を過ぎた人：鈴木 一郎、山田 花子");
      assert_has (md, en ? "- Without a signed pledge: 鈴木 一郎, 山田 花子" : "- 秘密保持誓約書のない人：鈴木 一郎、山田 花子");
      assert_has (md, en ? "| 清掃業者 | Contractor | — | — | never evaluated |" : "| 清掃業者 | 委託先 | — | — | 未評価 |");
      assert_has (md, en ? "| 1 March 2026 |" : "| 2026年3月1日 |");   /* クラウド会計: due a year after */
      assert_lacks (md, "tech-info-mandatory");
      write_report_pdf (audit, en ? "audit-en.pdf" : "audit-ja.pdf");
    }
  mamori_date_set_default_style (MAMORI_DATE_ISO);
}

/* --- the forms as PDF ------------------------------------------------------------------------ */

static void
assert_qpdf_clean (const char *path)
{
  const char *argv[] = { qpdf_bin, "--check", path, NULL };
  g_autoptr(GError) error = NULL;
  g_autofree char *out = NULL, *err = NULL;
  int wait_status = 0;

  g_assert_true (g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_DEFAULT, NULL, NULL, &out, &err,
                               &wait_status, &error));
  g_assert_no_error (error);
  if (!WIFEXITED (wait_status) || WEXITSTATUS (wait_status) != 0 || *err != '\0')
    g_error ("qpdf --check %s: exit %d\n%s%s", path, WIFEXITED (wait_status) ? WEXITSTATUS (wait_status) : -1, out, err);
}

/* Every page's text with all white space removed; *n_pages gets the count. */
static char *
pdf_text (const char *path,
          int        *n_pages)
{
  g_autofree char *uri = g_filename_to_uri (path, NULL, NULL);
  g_autoptr(GError) error = NULL;
  PopplerDocument *doc = poppler_document_new_from_file (uri, NULL, &error);
  GString *out = g_string_new (NULL);

  g_assert_no_error (error);
  *n_pages = poppler_document_get_n_pages (doc);
  for (int i = 0; i < *n_pages; i++)
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
write_and_read (MamoriForm  *form,
                const char  *name,
                char       **text,
                int         *n_pages)
{
  g_autofree char *path = tmp_path (name);
  g_autoptr(GError) error = NULL;

  g_assert_true (mamori_form_write_pdf (form, path, NULL, &error));
  g_assert_no_error (error);
  assert_qpdf_clean (path);
  *text = pdf_text (path, n_pages);
}

static void
test_pledge_form (Fixture       *f,
                  gconstpointer  data)
{
  g_autoptr(GError) error = NULL;

  for (int en = 0; en < 2; en++)
    {
      g_autoptr(MamoriForm) blank = mamori_pledge_form_new (f->ws, 0, en ? "en" : "ja", &error);
      g_autoptr(MamoriForm) own = NULL;
      g_autofree char *text = NULL, *own_text = NULL;
      int n = 0;
      g_assert_no_error (error);
      write_and_read (blank, en ? "pledge-en.pdf" : "pledge-ja.pdf", &text, &n);
      g_assert_cmpint (n, ==, 1);   /* one sheet to sign: no title page */
      assert_has (text, en ? "Confidentialitypledge" : "秘密保持誓約書");
      assert_has (text, "株式会社サンプル製作所");
      assert_has (text, en ? "Signature" : "署名");
      assert_lacks (text, "山田花子");

      own = mamori_pledge_form_new (f->ws, f->yamada, en ? "en" : "ja", &error);
      g_assert_no_error (error);
      write_and_read (own, en ? "pledge-yamada-en.pdf" : "pledge-yamada-ja.pdf", &own_text, &n);
      g_assert_cmpint (n, ==, 1);
      assert_has (own_text, "山田花子");
      assert_has (own_text, "総務部");
    }
  /* No such person. */
  g_assert_null (mamori_pledge_form_new (f->ws, 9999, "ja", &error));
  g_assert_error (error, MAMORI_WORKSPACE_ERROR, MAMORI_WORKSPACE_ERROR_NOT_FOUND);
}

static void
test_attendance_sheet (Fixture       *f,
                       gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  gint64 joiners = add (f->ws, "trainings", 0, "held_on", "2025-12-01", "title", "新任者研修", "audience", "new_joiners", NULL);
  gint64 holders = add (f->ws, "trainings", 0, "held_on", "2026-02-01", "title", "管理対象情報の研修", "audience", "access_holders", NULL);

  for (int en = 0; en < 2; en++)
    {
      g_autoptr(MamoriForm) sheet = mamori_attendance_sheet_new (f->ws, f->session, en ? "en" : "ja", &error);
      g_autoptr(MamoriForm) j = NULL, h = NULL;
      g_autofree char *text = NULL;
      const char *md;
      int n = 0;
      g_assert_no_error (error);
      write_and_read (sheet, en ? "attendance-en.pdf" : "attendance-ja.pdf", &text, &n);
      g_assert_cmpint (n, ==, 1);
      assert_has (text, "情報セキュリティ基礎研修");
      assert_has (text, "守田一郎");
      assert_has (text, "2025-06-10");   /* MAMORI_DATE_STYLE=iso in the tests */
      assert_has (text, en ? "Trainingattendancesheet" : "研修の出席者名簿");
      /* Everyone with the organisation on the day: not the joiner of October, not the one who
       * left in December (still there in June). */
      assert_has (text, "山田花子");
      assert_has (text, "佐藤次郎");
      assert_has (text, "田中退職");
      assert_lacks (text, "鈴木一郎");

      j = mamori_attendance_sheet_new (f->ws, joiners, en ? "en" : "ja", &error);
      g_assert_no_error (error);
      md = mamori_form_get_markdown (j);
      assert_has (md, "| 1 | 鈴木 一郎 | 営業部 | |");
      assert_lacks (md, "山田 花子");

      h = mamori_attendance_sheet_new (f->ws, holders, en ? "en" : "ja", &error);
      g_assert_no_error (error);
      md = mamori_form_get_markdown (h);
      assert_has (md, "| 1 | 山田 花子 | 総務部 | |");
      assert_lacks (md, "佐藤 次郎");
      assert_lacks (md, "田中 退職");
    }
}

/* The operations: in the table, in the Export menu (the blank pledge only), and run. */
static void
test_ops (Fixture       *f,
          gconstpointer  data)
{
  const MamoriOp *pledge = mamori_op_find (MAMORI_OP_EXPORT, "pledge-form");
  const MamoriOp *pledge_for = mamori_op_find (MAMORI_OP_EXPORT, "pledge-form-for");
  const MamoriOp *sheet = mamori_op_find (MAMORI_OP_EXPORT, "attendance-sheet");
  g_autofree char *out = tmp_path ("op-pledge.pdf");
  g_autofree char *id = g_strdup_printf ("%" G_GINT64_FORMAT, f->session);
  g_autoptr(GError) error = NULL;
  MamoriOpRequest request = { 0 };

  g_assert_nonnull (pledge);
  g_assert_nonnull (pledge_for);
  g_assert_nonnull (sheet);
  g_assert_false (pledge->flags & MAMORI_OP_TAKES_ID);
  g_assert_true (pledge_for->flags & MAMORI_OP_TAKES_ID);
  g_assert_true (sheet->flags & MAMORI_OP_TAKES_ID);
  g_assert_true (mamori_op_accepts_path (sheet, "x.pdf"));
  g_assert_false (mamori_op_accepts_path (sheet, "x.docx"));

  request.path = out;
  g_assert_true (mamori_op_run (pledge, f->ws, NULL, &request, NULL, &error));
  g_assert_no_error (error);
  g_assert_true (g_file_test (out, G_FILE_TEST_EXISTS));
  request.id = id;
  g_assert_true (mamori_op_run (sheet, f->ws, NULL, &request, NULL, &error));
  g_assert_no_error (error);
  request.id = "abc";
  g_assert_false (mamori_op_run (pledge_for, f->ws, NULL, &request, NULL, &error));
  g_assert_true (mamori_op_error_is_bad_input (error));
}

int
main (int argc, char *argv[])
{
  int ret;

  setlocale (LC_ALL, "");
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);
  qpdf_bin = g_find_program_in_path ("qpdf");
  if (qpdf_bin == NULL)
    g_error ("the qpdf program is not installed (Debian package qpdf)");
  /* MAMORI_TEST_KEEP=DIR keeps the PDFs there to look at. */
  tmpdir = g_getenv ("MAMORI_TEST_KEEP") ? g_strdup (g_getenv ("MAMORI_TEST_KEEP"))
                                         : g_dir_make_tmp ("mamori-registers-report-XXXXXX", NULL);
  g_test_add ("/register-reports/review", Fixture, NULL, fixture_set_up, test_review_sections, fixture_tear_down);
  g_test_add ("/register-reports/review-empty", Fixture, "empty", fixture_set_up, test_review_empty, fixture_tear_down);
  g_test_add ("/register-reports/audit-annex", Fixture, NULL, fixture_set_up, test_audit_annex, fixture_tear_down);
  g_test_add ("/register-reports/pledge-form", Fixture, NULL, fixture_set_up, test_pledge_form, fixture_tear_down);
  g_test_add ("/register-reports/attendance-sheet", Fixture, NULL, fixture_set_up, test_attendance_sheet, fixture_tear_down);
  g_test_add ("/register-reports/ops", Fixture, NULL, fixture_set_up, test_ops, fixture_tear_down);
  ret = g_test_run ();
  g_free (qpdf_bin);
  return ret;
}
