/* test-cli.c — the command line, run as a separate process like a script would */
#include "config.h"

#include <glib/gstdio.h>
#include <locale.h>
#include <string.h>

#include <poppler.h>

#include "store/mamori-assessments.h"
#include "store/mamori-reviews.h"
#include "store/mamori-workspace.h"

static const char *mamori_bin;
static char *tmpdir;

typedef struct {
  int status;
  char *out;
  char *err;
} Run;

static void
run_clear (Run *r)
{
  g_free (r->out);
  g_free (r->err);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (Run, run_clear)

static Run
run (const char *first, ...)
{
  g_autoptr(GPtrArray) argv = g_ptr_array_new ();
  g_autoptr(GError) error = NULL;
  g_auto(GStrv) envp = g_get_environ ();
  Run r = { 0 };
  const char *arg;
  va_list args;
  int wait_status = 0;

  g_ptr_array_add (argv, (gpointer) mamori_bin);
  va_start (args, first);
  for (arg = first; arg != NULL; arg = va_arg (args, const char *))
    g_ptr_array_add (argv, (gpointer) arg);
  va_end (args);
  g_ptr_array_add (argv, NULL);

  /* The child gets this test's isolated data dir (GLib only sets it in this process). */
  if (g_strcmp0 (first, "--people-dates") == 0)
    {
      /* Documents' default date style, as users get it (the suite runs with ISO dates). */
      envp = g_environ_unsetenv (envp, "MAMORI_DATE_STYLE");
      g_ptr_array_remove_index (argv, 1);
    }
  envp = g_environ_setenv (envp, "XDG_DATA_HOME", g_get_user_data_dir (), TRUE);
  envp = g_environ_setenv (envp, "XDG_CONFIG_HOME", g_get_user_config_dir (), TRUE);
  envp = g_environ_setenv (envp, "HOME", g_get_home_dir (), TRUE);
  g_assert_true (g_spawn_sync (tmpdir, (char **) argv->pdata, envp, G_SPAWN_DEFAULT, NULL, NULL,
                               &r.out, &r.err, &wait_status, &error));
  g_assert_no_error (error);
  g_assert_true (WIFEXITED (wait_status));
  r.status = WEXITSTATUS (wait_status);
  return r;
}

static char *
tmp_path (const char *name)
{
  return g_build_filename (tmpdir, name, NULL);
}

static void
test_version_help (void)
{
  g_auto(Run) v = run ("--version", NULL);
  g_auto(Run) h = run ("--help", NULL);

  g_assert_cmpint (v.status, ==, 0);
  g_assert_cmpstr (v.out, ==, "mamori " PACKAGE_VERSION "\n");
  g_assert_cmpint (h.status, ==, 0);
  g_assert_nonnull (strstr (h.out, "--workspace"));
  g_assert_nonnull (strstr (h.out, "demo"));
  g_assert_nonnull (strstr (h.out, "check"));
  g_assert_nonnull (strstr (h.out, "export"));
}

static void
test_bad_arguments (void)
{
  g_auto(Run) unknown = run ("frobnicate", NULL);
  g_auto(Run) option = run ("--frob", NULL);
  g_auto(Run) missing = run ("--workspace", NULL);
  g_auto(Run) extra = run ("--workspace", "x.mamori", "check", "extra", NULL);

  g_assert_cmpint (unknown.status, ==, 2);
  g_assert_nonnull (strstr (unknown.err, "frobnicate"));
  g_assert_cmpstr (unknown.out, ==, "");
  g_assert_cmpint (option.status, ==, 2);
  g_assert_nonnull (strstr (option.err, "--frob"));
  g_assert_cmpint (missing.status, ==, 2);
  g_assert_cmpint (extra.status, ==, 2);
}

static void
test_demo_check_info (void)
{
  g_autofree char *ws = tmp_path ("demo.mamori");
  g_auto(Run) demo = run ("--workspace", ws, "demo", NULL);
  g_auto(Run) again = run ("--workspace", ws, "demo", NULL);
  g_auto(Run) check = run ("--workspace", ws, "check", NULL);
  g_auto(Run) info = run ("--workspace", ws, "info", NULL);
  g_auto(Run) log = run ("--workspace", ws, "log", "2", NULL);

  g_assert_cmpint (demo.status, ==, 0);
  g_assert_cmpint (again.status, ==, 1);           /* refuses a non-empty workspace */
  g_assert_nonnull (strstr (again.err, "demo.mamori"));
  g_assert_cmpint (check.status, ==, 0);
  g_assert_cmpstr (check.out, ==, "ok\n");
  g_assert_cmpint (info.status, ==, 0);
  g_assert_nonnull (strstr (info.out, "name\t株式会社サンプル製作所\n"));
  g_assert_nonnull (strstr (info.out, "employees\t30\n"));
  g_assert_nonnull (strstr (info.out, "current_step\t2\n"));
  g_assert_nonnull (strstr (info.out, "security_action\t2\n"));   /* five measures, self-diagnosis, approved policy */
  g_assert_cmpint (log.status, ==, 0);
  {
    g_auto(GStrv) lines = g_strsplit (log.out, "\n", -1);
    g_assert_cmpuint (g_strv_length (lines), ==, 3); /* 2 lines and the empty rest */
  }
}

static void
test_export_log (void)
{
  g_autofree char *ws = tmp_path ("export.mamori");
  g_autofree char *csv = tmp_path ("log.csv");
  g_autofree char *contents = NULL;
  g_auto(Run) demo = run ("--workspace", ws, "demo", NULL);
  g_auto(Run) ok = run ("--workspace", ws, "export", "log", csv, NULL);
  g_auto(Run) bad_ext = run ("--workspace", ws, "export", "log", "log.pdf", NULL);
  g_auto(Run) bad_kind = run ("--workspace", ws, "export", "nonsense", "x.csv", NULL);
  g_autofree char *nodir = tmp_path ("no/such/dir/log.csv");
  g_auto(Run) unwritable = run ("--workspace", ws, "export", "log", nodir, NULL);

  g_assert_cmpint (demo.status, ==, 0);
  g_assert_cmpint (ok.status, ==, 0);
  g_assert_true (g_file_get_contents (csv, &contents, NULL, NULL));
  g_assert_true (g_str_has_prefix (contents, "\xEF\xBB\xBFid,at,os_user,entity,action,summary,digests,hash\r\n1,"));
  {
    /* Each row carries its place in the hash chain: the export pins the log. */
    g_autofree char *head = NULL;
    g_autoptr(MamoriWorkspace) w = mamori_workspace_open (ws, MAMORI_WORKSPACE_OPEN_READ_ONLY, NULL);
    gint64 id = 0;
    g_assert_nonnull (w);
    g_assert_true (mamori_workspace_get_log_head (w, &head, &id, NULL));
    g_assert_cmpuint (strlen (head), ==, 64);
    g_assert_nonnull (strstr (contents, head));
  }
  g_assert_nonnull (strstr (contents, "株式会社サンプル製作所"));
  g_assert_cmpint (bad_ext.status, ==, 2);
  g_assert_nonnull (strstr (bad_ext.err, ".csv"));
  g_assert_cmpint (bad_kind.status, ==, 2);
  g_assert_nonnull (strstr (bad_kind.err, "nonsense"));
  g_assert_cmpint (unwritable.status, ==, 1);
  g_assert_nonnull (strstr (unwritable.err, "log.csv"));
  g_assert_false (g_file_test (nodir, G_FILE_TEST_EXISTS));
}

static void
test_export_policy (void)
{
  g_autofree char *ws = tmp_path ("policy.mamori");
  g_autofree char *pdf = tmp_path ("policy.pdf");
  g_autofree char *contents = NULL;
  g_auto(Run) demo = run ("--workspace", ws, "demo", NULL);
  g_auto(Run) ok = run ("--workspace", ws, "export", "policy", pdf, NULL);
  g_auto(Run) bad_ext = run ("--workspace", ws, "export", "policy", "policy.rtf", NULL);
  g_autofree char *nodir = tmp_path ("no/such/dir/policy.pdf");
  g_auto(Run) unwritable = run ("--workspace", ws, "export", "policy", nodir, NULL);
  gsize length = 0;

  g_assert_cmpint (demo.status, ==, 0);
  g_assert_cmpint (ok.status, ==, 0);
  g_assert_true (g_file_get_contents (pdf, &contents, &length, NULL));
  g_assert_true (g_str_has_prefix (contents, "%PDF-"));
  g_assert_cmpuint (length, >, 10000);
  g_assert_cmpint (bad_ext.status, ==, 2);
  g_assert_nonnull (strstr (bad_ext.err, ".pdf"));
  g_assert_cmpint (unwritable.status, ==, 1);
  g_assert_nonnull (strstr (unwritable.err, "policy.pdf"));
  g_assert_false (g_file_test (nodir, G_FILE_TEST_EXISTS));

  /* The demo drafted three documents; the policy is approved. */
  {
    g_auto(Run) docs = run ("--workspace", ws, "documents", NULL);
    g_autofree char *rules_pdf = tmp_path ("rules.pdf");
    g_autofree char *handbook_pdf = tmp_path ("handbook.pdf");
    g_autofree char *md = tmp_path ("policy.md");
    g_autofree char *text = NULL;
    g_auto(Run) rules = run ("--workspace", ws, "export", "rules", rules_pdf, NULL);
    g_auto(Run) handbook = run ("--workspace", ws, "export", "handbook", handbook_pdf, NULL);
    g_auto(Run) as_md = run ("--workspace", ws, "export", "document", "1", md, NULL);
    g_auto(Run) missing = run ("--workspace", ws, "export", "document", "99", md, NULL);
    g_auto(Run) not_number = run ("--workspace", ws, "export", "document", "one", md, NULL);

    g_assert_cmpint (docs.status, ==, 0);
    g_assert_nonnull (strstr (docs.out, "\tpolicy\t1\tapproved\t"));
    g_assert_nonnull (strstr (docs.out, "\trules\t1\tdraft\t"));
    g_assert_nonnull (strstr (docs.out, "\thandbook\t1\tdraft\t"));
    g_assert_cmpint (rules.status, ==, 0);
    g_assert_true (g_file_test (rules_pdf, G_FILE_TEST_IS_REGULAR));
    g_assert_cmpint (handbook.status, ==, 0);
    g_assert_true (g_file_test (handbook_pdf, G_FILE_TEST_IS_REGULAR));
    g_assert_cmpint (as_md.status, ==, 0);
    g_assert_true (g_file_get_contents (md, &text, NULL, NULL));
    g_assert_true (g_str_has_prefix (text, "# "));
    g_assert_nonnull (strstr (text, "株式会社サンプル製作所"));
    g_assert_cmpint (missing.status, !=, 0);
    g_assert_nonnull (strstr (missing.err, "99"));
    g_assert_cmpint (not_number.status, ==, 2);
  }

  /* The heatmap: PNG, SVG and PDF, both methods, current or residual, at a chosen size. */
  {
    g_autofree char *png = tmp_path ("map.png");
    g_autofree char *svg = tmp_path ("map.svg");
    g_auto(Run) a = run ("--workspace", ws, "export", "heatmap", png, "--size", "1920x1080", NULL);
    g_auto(Run) b = run ("--workspace", ws, "export", "heatmap", svg, "--method", "gov5", "--residual", NULL);
    g_autofree char *lik = tmp_path ("likelihood.pdf");
    g_auto(Run) c = run ("--workspace", ws, "export", "heatmap", lik, "--method", "likelihood", "--residual", NULL);
    g_auto(Run) bad_method = run ("--workspace", ws, "export", "heatmap", png, "--method", "iso", NULL);
    g_auto(Run) bad_map = run ("--workspace", ws, "export", "heatmap", "map.bmp", NULL);
    g_autofree char *head = NULL;
    g_assert_cmpint (a.status, ==, 0);
    g_assert_true (g_file_get_contents (png, &head, NULL, NULL));
    g_assert_true (g_str_has_prefix (head, "\x89PNG"));
    g_assert_cmpint (b.status, ==, 0);
    g_assert_true (g_file_test (svg, G_FILE_TEST_IS_REGULAR));
    g_assert_cmpint (c.status, ==, 0);
    g_assert_true (g_file_test (lik, G_FILE_TEST_IS_REGULAR));
    g_assert_cmpint (bad_method.status, ==, 2);
    g_assert_cmpint (bad_map.status, ==, 2);
  }

  /* The audit report of the newest self-diagnosis, as PDF and as Markdown. */
  {
    g_autofree char *audit_pdf = tmp_path ("audit.pdf");
    g_autofree char *audit_md = tmp_path ("audit.md");
    g_autofree char *text = NULL;
    g_auto(Run) pdf_run = run ("--workspace", ws, "export", "audit", "2", audit_pdf, NULL);
    g_auto(Run) md_run = run ("--workspace", ws, "export", "audit", "2", audit_md, NULL);
    g_auto(Run) bad_id = run ("--workspace", ws, "export", "audit", "two", audit_pdf, NULL);
    g_autofree char *inline_md = tmp_path ("audit-inline.md");
    g_auto(Run) no_annex = run ("--workspace", ws, "export", "audit", "2", inline_md, "--no-annex", NULL);
    g_autofree char *inline_text = NULL;
    g_assert_cmpint (pdf_run.status, ==, 0);
    g_assert_true (g_file_test (audit_pdf, G_FILE_TEST_IS_REGULAR));
    g_assert_cmpint (md_run.status, ==, 0);
    g_assert_true (g_file_get_contents (audit_md, &text, NULL, NULL));
    g_assert_nonnull (strstr (text, "私物スマートフォンの業務利用を許可制にし"));   /* a decided measure */
    g_assert_cmpint (bad_id.status, ==, 2);
    g_assert_cmpint (no_annex.status, ==, 0);
    g_assert_true (g_file_get_contents (inline_md, &inline_text, NULL, NULL));
    g_assert_null (strstr (inline_text, "# Annex"));
    g_assert_nonnull (strstr (text, "# Annex"));
  }
}

static void
assert_bad_file (const char *name, const char *reason_fragment)
{
  g_autofree char *path = tmp_path (name);
  g_autofree char *before = NULL, *after = NULL;
  gsize len_before = 0, len_after = 0;
  gboolean is_file = g_file_test (path, G_FILE_TEST_IS_REGULAR);
  const char *commands[] = { "check", "info", "demo" };

  if (is_file)
    g_assert_true (g_file_get_contents (path, &before, &len_before, NULL));
  for (guint i = 0; i < G_N_ELEMENTS (commands); i++)
    {
      g_auto(Run) r = run ("--workspace", path, commands[i], NULL);
      g_assert_cmpint (r.status, ==, 2);
      g_assert_nonnull (strstr (r.err, name));
      g_assert_nonnull (strstr (r.err, reason_fragment));
      g_assert_cmpstr (r.out, ==, "");
    }
  if (is_file)
    {
      g_assert_true (g_file_get_contents (path, &after, &len_after, NULL));
      g_assert_cmpmem (before, len_before, after, len_after);
    }
}

static void
test_bad_paths (void)
{
  g_autofree char *good = tmp_path ("good.mamori");
  g_autofree char *png = tmp_path ("photo.mamori");
  g_autofree char *cut = tmp_path ("cut.mamori");
  g_autofree char *dir = tmp_path ("adir.mamori");
  g_autofree char *foreign = tmp_path ("foreign.mamori");
  g_autofree char *contents = NULL;
  gsize len;
  g_auto(Run) demo = run ("--workspace", good, "demo", NULL);
  g_auto(Run) missing = run ("--workspace", "nowhere.mamori", "check", NULL);

  g_assert_cmpint (demo.status, ==, 0);
  g_assert_true (g_file_set_contents (png, "\x89PNG\r\n\x1a\n\0\0\0\rIHDR", 16, NULL));
  assert_bad_file ("photo.mamori", "not a database");

  g_assert_true (g_file_get_contents (good, &contents, &len, NULL));
  g_assert_true (g_file_set_contents (cut, contents, 4096, NULL));
  assert_bad_file ("cut.mamori", "cut short");

  g_assert_cmpint (g_mkdir (dir, 0700), ==, 0);
  assert_bad_file ("adir.mamori", "folder");

  /* A sqlite file of another program: the header says so. */
  g_assert_true (g_file_set_contents (foreign, contents, len, NULL));
  contents[68] = 0; contents[69] = 0; contents[70] = 0; contents[71] = 0;
  g_assert_true (g_file_set_contents (foreign, contents, len, NULL));
  assert_bad_file ("foreign.mamori", "another program");

  g_assert_cmpint (missing.status, ==, 2);
  g_assert_nonnull (strstr (missing.err, "nowhere.mamori"));
  g_assert_false (g_file_test ("nowhere.mamori", G_FILE_TEST_EXISTS));
}

static void
test_default_workspace (void)
{
  /* Without --workspace the default one is made (isolated XDG dirs in tests). */
  g_auto(Run) r = run ("info", NULL);
  g_autofree char *path = mamori_workspace_default_path ();

  if (r.status != 0)
    g_printerr ("%s", r.err);
  g_assert_cmpint (r.status, ==, 0);
  g_assert_nonnull (strstr (r.out, path));
  g_assert_true (g_file_test (path, G_FILE_TEST_IS_REGULAR));
}

/* items CHECKLIST: one line per item, ref_id, target level (empty when none), title. */
static void
test_items (void)
{
  g_autofree char *ws = tmp_path ("items.mamori");
  g_auto(Run) demo = run ("--workspace", ws, "demo", NULL);
  g_auto(Run) five = run ("--workspace", ws, "items", "ipa-five-articles", NULL);
  g_auto(Run) unknown = run ("--workspace", ws, "items", "no-such-list", NULL);
  g_auto(Run) criteria = run ("--workspace", ws, "items", "tech-info-criteria", NULL);
  g_auto(GStrv) criteria_lines = NULL;
  g_auto(Run) missing = run ("--workspace", ws, "items", NULL);
  g_auto(GStrv) lines = NULL;

  g_assert_cmpint (demo.status, ==, 0);
  g_assert_cmpint (five.status, ==, 0);
  lines = g_strsplit (five.out, "\n", -1);
  g_assert_cmpuint (g_strv_length (lines), ==, 6);  /* 5 items and the empty rest */
  g_assert_true (g_str_has_prefix (lines[0], "1\t\t"));
  g_assert_true (g_str_has_prefix (lines[4], "5\t\t"));
  g_assert_cmpstr (lines[5], ==, "");
  g_assert_cmpint (unknown.status, ==, 2);
  g_assert_cmpstr (unknown.out, ==, "");
  g_assert_nonnull (strstr (unknown.err, "no-such-list"));
  g_assert_nonnull (strstr (unknown.err, "tech-info-mandatory"));
  g_assert_cmpint (missing.status, ==, 2);

  /* The certification's 229 procedures with the seed's target levels (none for the lost IDs
   * and for 201, whose level the seed lost); titles follow the user's language (C here). */
  g_assert_cmpint (criteria.status, ==, 0);
  criteria_lines = g_strsplit (criteria.out, "\n", -1);
  g_assert_cmpuint (g_strv_length (criteria_lines), ==, 230);
  g_assert_cmpstr (criteria_lines[0], ==, "1\t\tThe information to protect is chosen");
  g_assert_cmpstr (criteria_lines[2], ==, "3\t3\tEach item's form is known and listed");
  g_assert_cmpstr (criteria_lines[99], ==, "100-1\t3\tThe place becomes a restricted area");
  g_assert_true (g_str_has_prefix (criteria_lines[100], "100-2\t3\t"));
  g_assert_true (g_str_has_prefix (criteria_lines[201], "201\t\t"));
  g_assert_true (g_str_has_prefix (criteria_lines[223], "223\t8\t"));
  g_assert_cmpstr (criteria_lines[228], ==, "228\t7\tLessons fed into the BCP");
}

static void
test_checklists_and_demo_assessments (void)
{
  g_autofree char *ws = tmp_path ("checklists.mamori");
  g_auto(Run) demo = run ("--workspace", ws, "demo", NULL);
  g_auto(Run) list = run ("--workspace", ws, "checklists", NULL);
  g_auto(Run) assessments = run ("--workspace", ws, "assessments", NULL);
  g_auto(Run) info = run ("--workspace", ws, "info", NULL);
  g_autofree char *csv = tmp_path ("round2.csv");
  g_auto(Run) export = run ("--workspace", ws, "export", "assessment", "2", csv, NULL);
  g_auto(Run) export_bad = run ("--workspace", ws, "export", "assessment", "99", csv, NULL);
  g_autofree char *contents = NULL;

  g_assert_cmpint (demo.status, ==, 0);
  g_assert_cmpint (list.status, ==, 0);
  g_assert_nonnull (strstr (list.out, "ipa-self-diagnosis\t25\t"));
  g_assert_nonnull (strstr (list.out, "meti-csm-check\t41\t"));
  g_assert_nonnull (strstr (list.out, "ipa-cloud\t15\t"));
  g_assert_nonnull (strstr (list.out, "ipa-five-articles\t5\t"));
  g_assert_nonnull (strstr (list.out, "tech-info-mandatory\t45\t"));
  g_assert_nonnull (strstr (list.out, "gov-governance\t85\t"));
  /* Two self-diagnosis rounds a year apart, one cloud service and the internal audit of the
   * mandatory items (45 checks, 5 not done, 1 not applicable). */
  g_assert_cmpstr (assessments.out, ==,
                   "1\tipa-self-diagnosis\t\t2025-04-15\t34\n"
                   "2\tipa-self-diagnosis\t\t2026-04-14\t72\n"
                   "3\tipa-cloud\tクラウド会計サービス\t2026-05-20\t18\n"
                   "4\ttech-info-mandatory\t\t2026-06-12\t39\n");
  /* Completing the self-diagnosis and the cloud check ticked their step-up tasks; so did the
   * approved basic policy and the decided measures (the handbook is still a draft). */
  g_assert_nonnull (strstr (info.out, "step2\t3/4\n"));
  g_assert_nonnull (strstr (info.out, "step4\t1/2\n"));
  g_assert_cmpint (export.status, ==, 0);
  g_assert_true (g_file_get_contents (csv, &contents, NULL, NULL));
  g_assert_true (g_str_has_prefix (contents, "\xEF\xBB\xBFref_id,group,item,answer,score,note,measure,owner,due,evidence,questions\r\n1,"));
  g_assert_nonnull (strstr (contents, "私物スマートフォンの業務利用を許可制にし"));
  g_assert_cmpint (export_bad.status, ==, 2);
}

static void
write_file (const char *path, const char *text)
{
  g_assert_true (g_file_set_contents (path, text, -1, NULL));
}

/* Per-role self-inspection sheets: export one role's sheet, import it back filled in. */
static void
test_sheets (void)
{
  g_autofree char *ws = tmp_path ("sheets.mamori");
  g_autofree char *csv = tmp_path ("staff.csv");
  g_autofree char *pdf = tmp_path ("staff.pdf");
  g_autofree char *returned = tmp_path ("returned.csv");
  g_autofree char *id_text = NULL;
  gint64 id;

  {
    g_auto(Run) init = run ("--workspace", ws, "init", NULL);
    g_autoptr(GError) error = NULL;
    g_autoptr(MamoriWorkspace) w = NULL;
    g_assert_cmpint (init.status, ==, 0);
    w = mamori_workspace_open (ws, MAMORI_WORKSPACE_OPEN_EXISTING, &error);
    g_assert_no_error (error);
    id = mamori_workspace_create_assessment (w, "gov-governance", "", "2026-06-01", "山田", &error);
    g_assert_no_error (error);
    mamori_workspace_close (w);
    id_text = g_strdup_printf ("%" G_GINT64_FORMAT, id);
  }
  {
    g_auto(Run) none = run ("--workspace", ws, "export", "sheet", "gov-governance", csv, NULL);
    g_auto(Run) bad = run ("--workspace", ws, "export", "sheet", "gov-governance", "--role", "boss", csv, NULL);
    g_auto(Run) ok = run ("--workspace", ws, "export", "sheet", "gov-governance", "--role", "staff", csv, NULL);
    g_auto(Run) form = run ("--workspace", ws, "export", "sheet", "gov-governance", "--role", "all", pdf, NULL);
    g_auto(Run) help = run ("--help", NULL);
    g_assert_cmpint (none.status, ==, 2);
    g_assert_nonnull (strstr (none.err, "--role"));
    g_assert_cmpint (bad.status, ==, 2);
    g_assert_nonnull (strstr (bad.err, "audit_officer"));
    g_assert_cmpint (ok.status, ==, 0);
    g_assert_cmpint (form.status, ==, 0);
    g_assert_true (g_file_test (pdf, G_FILE_TEST_IS_REGULAR));
    g_assert_nonnull (strstr (help.out, "--role ROLE"));
  }
  write_file (returned, "ref_id,person,unit,answer,note\n2.2.1(1)(a),Sato,IT,Implemented,\n2.2.1(1)(b),,,Not applicable,\n");
  {
    g_auto(Run) no_id = run ("--workspace", ws, "import", "answers", returned, NULL);
    g_auto(Run) bad = run ("--workspace", ws, "import", "answers", returned, "--assessment", id_text, NULL);
    g_assert_cmpint (no_id.status, ==, 2);
    g_assert_nonnull (strstr (no_id.err, "--assessment"));
    g_assert_cmpint (bad.status, ==, 2);
    g_assert_nonnull (strstr (bad.err, "line 3, column note"));
  }
  write_file (returned, "ref_id,person,unit,answer,note\n2.2.1(1)(a),Sato,IT,Implemented,\n2.2.1(1)(b),,,Not applicable,No laptops\n");
  {
    g_auto(Run) ok = run ("--workspace", ws, "import", "answers", returned, "--assessment", id_text, NULL);
    g_autofree char *expected = g_strdup_printf ("%s\t2\n", id_text);
    g_autofree char *report = tmp_path ("report.pdf");
    g_auto(Run) r = run ("--workspace", ws, "export", "self-inspection", id_text, report, NULL);
    g_assert_cmpint (ok.status, ==, 0);
    g_assert_cmpstr (ok.out, ==, expected);
    g_assert_cmpint (r.status, ==, 0);
    g_assert_true (g_file_test (report, G_FILE_TEST_IS_REGULAR));
  }
}

static void
test_import_answers (void)
{
  g_autofree char *ws = tmp_path ("answers.mamori");
  g_autofree char *good = tmp_path ("good.csv");
  g_autofree char *bad = tmp_path ("bad.csv");
  g_autofree char *sjis = tmp_path ("sjis.csv");
  g_autofree char *sjis_text = NULL;
  gsize sjis_len = 0;

  /* Labels in either language, or the score where scores are distinct. */
  write_file (good, "ref_id,answer,note\n1,実施している,自動更新\n2,Partly done,\n3,0,\n4,-1,\"要確認, 来月\"\n");
  {
    g_auto(Run) ok = run ("--workspace", ws, "import", "answers", good, "--checklist", "ipa-self-diagnosis", NULL);
    g_auto(Run) list = run ("--workspace", ws, "assessments", NULL);
    g_autofree char *csv = tmp_path ("imported.csv");
    g_auto(Run) export = run ("--workspace", ws, "export", "assessment", "1", csv, NULL);
    g_autofree char *contents = NULL;

    g_assert_cmpint (ok.status, ==, 0);
    g_assert_cmpstr (ok.out, ==, "1\t5\n");   /* 4 + 2 + 0 − 1 */
    g_assert_nonnull (strstr (list.out, "1\tipa-self-diagnosis\t"));
    g_assert_true (g_file_get_contents (csv, &contents, NULL, NULL));
    g_assert_nonnull (strstr (contents, "\"要確認, 来月\""));
  }

  /* Every bad row is reported; nothing is stored. */
  write_file (bad, "ref_id,answer\n1,Done\n99,Done\n2,maybe\n1,Done\n5,5\n");
  {
    g_auto(Run) r = run ("--workspace", ws, "import", "answers", bad, "--checklist", "ipa-self-diagnosis", NULL);
    g_auto(Run) list = run ("--workspace", ws, "assessments", NULL);

    g_assert_cmpint (r.status, ==, 2);
    g_assert_nonnull (strstr (r.err, "line 3, column ref_id, value “99”"));
    g_assert_nonnull (strstr (r.err, "line 4, column answer, value “maybe”"));
    g_assert_nonnull (strstr (r.err, "line 5, column ref_id, value “1”"));
    g_assert_nonnull (strstr (r.err, "line 6, column answer, value “5”"));
    g_assert_cmpstr (r.out, ==, "");
    g_auto(GStrv) lines = g_strsplit (list.out, "\n", -1);
    g_assert_cmpuint (g_strv_length (lines), ==, 2);
  }

  /* Wrong or missing checklist, missing subject for a cloud service, bad header. */
  {
    g_auto(Run) unknown = run ("--workspace", ws, "import", "answers", good, "--checklist", "nope", NULL);
    g_auto(Run) none = run ("--workspace", ws, "import", "answers", good, NULL);
    g_auto(Run) cloud = run ("--workspace", ws, "import", "answers", good, "--checklist", "ipa-cloud", NULL);
    g_autofree char *header = tmp_path ("header.csv");
    g_auto(Run) bad_header = { 0 };
    g_auto(Run) wrong = run ("--workspace", ws, "import", "answers", good, "--checklist", "ipa-cloud", "--subject", "X", NULL);

    write_file (header, "item,value\n1,Done\n");
    bad_header = run ("--workspace", ws, "import", "answers", header, "--checklist", "ipa-self-diagnosis", NULL);
    g_assert_cmpint (unknown.status, ==, 2);
    g_assert_nonnull (strstr (unknown.err, "ipa-self-diagnosis"));
    g_assert_cmpint (none.status, ==, 2);
    g_assert_cmpint (cloud.status, ==, 2);
    g_assert_nonnull (strstr (cloud.err, "--subject"));
    g_assert_cmpint (bad_header.status, ==, 2);
    /* Self-diagnosis labels are not answers of the cloud checklist. */
    g_assert_cmpint (wrong.status, ==, 2);
    g_assert_nonnull (strstr (wrong.err, "value “実施している”"));
  }

  /* Shift_JIS files are read too. */
  sjis_text = g_convert ("ref_id,answer\n1,実施している\n", -1, "CP932", "UTF-8", NULL, &sjis_len, NULL);
  g_assert_true (g_file_set_contents (sjis, sjis_text, sjis_len, NULL));
  {
    g_auto(Run) r = run ("--workspace", ws, "import", "answers", sjis, "--checklist", "ipa-self-diagnosis", NULL);
    g_assert_cmpint (r.status, ==, 0);
    g_assert_cmpstr (r.out, ==, "2\t4\n");
  }
}

static void
test_import_library (void)
{
  g_autofree char *ws = tmp_path ("library.mamori");
  g_autofree char *lib = tmp_path ("own.yaml");
  g_autofree char *broken = tmp_path ("broken.yaml");
  g_autofree char *clash = tmp_path ("clash.yaml");
  const char *yaml =
    "urn: urn:example:library:own\nlocale: en\nref_id: own-check\nversion: 1\n"
    "objects:\n  framework:\n    urn: urn:example:framework:own\n    ref_id: own-check\n    name: Our checks\n"
    "    implementation_groups_definition: []\n"
    "    requirement_nodes:\n"
    "      - urn: urn:example:req:1\n        ref_id: '1'\n        name: Doors locked\n        reference_controls: [urn:x]\n"
    "      - urn: urn:example:req:2\n        ref_id: '2'\n        name: Backups tested\n";

  write_file (lib, yaml);
  write_file (broken, "urn: urn:x\nlocale: en\nref_id: b\nversion: 1\nobjects:\n  framework:\n    urn: f\n    requirement_nodes:\n"
                      "      - urn: n1\n        parent_urn: missing\n        name: Orphan\n");
  write_file (clash, "urn: urn:x\nlocale: en\nref_id: ipa-cloud\nversion: 1\nobjects:\n  framework:\n    urn: f\n    requirement_nodes:\n"
                     "      - urn: n1\n        name: One\n");
  {
    g_auto(Run) ok = run ("--workspace", ws, "import", "library", lib, NULL);
    g_auto(Run) list = run ("--workspace", ws, "checklists", NULL);
    g_autofree char *answers = tmp_path ("own.csv");
    g_auto(Run) answered = { 0 };

    g_assert_cmpint (ok.status, ==, 0);
    g_assert_cmpstr (ok.out, ==, "own-check\t2\n");
    /* What Mamori does not use is named, not silently dropped. */
    g_assert_nonnull (strstr (ok.err, "reference_controls"));
    g_assert_nonnull (strstr (list.out, "own-check\t2\tOur checks\n"));
    /* The check-sheet scale serves a library without one. */
    write_file (answers, "ref_id,answer\n1,Complete\n2,Not applicable\n");
    answered = run ("--workspace", ws, "import", "answers", answers, "--checklist", "own-check", NULL);
    g_assert_cmpint (answered.status, ==, 0);
    g_assert_cmpstr (answered.out, ==, "1\t2\n");
  }
  {
    g_auto(Run) r = run ("--workspace", ws, "import", "library", broken, NULL);
    g_assert_cmpint (r.status, ==, 2);
    g_assert_nonnull (strstr (r.err, "broken.yaml:9:"));
    g_assert_nonnull (strstr (r.err, "missing"));
  }
  {
    g_auto(Run) r = run ("--workspace", ws, "import", "library", clash, NULL);
    g_assert_cmpint (r.status, ==, 2);
    g_assert_nonnull (strstr (r.err, "built-in"));
  }
  {
    g_auto(Run) r = run ("--workspace", ws, "import", "library", "/nonexistent/x.yaml", NULL);
    g_assert_cmpint (r.status, ==, 2);
  }
}

static void
test_assets (void)
{
  g_autofree char *ws = tmp_path ("ledger.mamori");
  g_autofree char *ws2 = tmp_path ("ledger2.mamori");
  g_autofree char *sjis_path = tmp_path ("ledger-sjis.csv");
  g_autofree char *bad_path = tmp_path ("ledger-bad.csv");
  g_autofree char *out1 = tmp_path ("out1.csv");
  g_autofree char *out2 = tmp_path ("out2.csv");
  g_autofree char *xlsx = tmp_path ("out.xlsx");
  g_autofree char *sjis = NULL;
  gsize sjis_len = 0;
  const char *ledger =
    "業務分類,情報資産名称,媒体・保存先,個人情報,機密性,完全性,可用性,脅威,脆弱性,対応\r\n"
    "営業,顧客名簿,モバイル機器,有,1,1,1,2,3,低減\r\n"
    "製造,製品図面,社内サーバー,,2,2,2,,1,\r\n";

  /* A ledger saved by Excel in Shift_JIS with Japanese headings. */
  sjis = g_convert (ledger, -1, "CP932", "UTF-8", NULL, &sjis_len, NULL);
  g_assert_true (g_file_set_contents (sjis_path, sjis, sjis_len, NULL));
  {
    g_auto(Run) r = run ("--workspace", ws, "import", "assets", sjis_path, NULL);
    g_auto(Run) e = run ("--workspace", ws, "export", "assets", out1, NULL);
    g_autofree char *csv = NULL;

    g_assert_cmpint (r.status, ==, 0);
    g_assert_cmpstr (r.out, ==, "2\n");
    g_assert_cmpint (e.status, ==, 0);
    g_assert_true (g_file_get_contents (out1, &csv, NULL, NULL));
    /* R1: personal info → importance 2; threat 2 × vulnerability 3 → likelihood 2; risk 4 大. */
    g_assert_nonnull (strstr (csv, ",顧客名簿,,,,モバイル機器,有,,,1,1,1,,,2,3,reduce,,,,,,2,2,4,大,5,3,15,高,,,,\r\n"));
    /* Threat from the server's catalogue (3) × vulnerability 1 → 1; importance 2 → 2 中. */
    g_assert_nonnull (strstr (csv, ",製品図面,,,,社内サーバー,,,,2,2,2,,,,1,,,,,,,2,1,2,中,5,1,5,中,,,,\r\n"));
  }

  /* Export → import into a new workspace → the same export. */
  {
    g_auto(Run) r = run ("--workspace", ws2, "import", "assets", out1, NULL);
    g_auto(Run) e = run ("--workspace", ws2, "export", "assets", out2, NULL);
    g_autofree char *a = NULL, *b = NULL;
    g_assert_cmpint (r.status, ==, 0);
    g_assert_cmpint (e.status, ==, 0);
    g_assert_true (g_file_get_contents (out1, &a, NULL, NULL));
    g_assert_true (g_file_get_contents (out2, &b, NULL, NULL));
    g_assert_cmpstr (a, ==, b);
  }

  /* Bad rows: all reported, nothing stored. */
  g_assert_true (g_file_set_contents (bad_path, "name,confidentiality,integrity,availability\nOK,1,1,1\nBad,5,1,1\n,1,1,1\n", -1, NULL));
  {
    g_auto(Run) r = run ("--workspace", ws, "import", "assets", bad_path, NULL);
    g_auto(Run) e = run ("--workspace", ws, "export", "assets", out2, NULL);
    g_autofree char *csv = NULL;
    g_assert_cmpint (r.status, ==, 2);
    g_assert_nonnull (strstr (r.err, "line 3, column confidentiality, value “5”"));
    g_assert_nonnull (strstr (r.err, "line 4, column name"));
    g_assert_true (g_file_get_contents (out2, &csv, NULL, NULL));
    g_assert_null (strstr (csv, "OK"));
  }

  /* XLSX: a valid zip with the three sheets and the asset names in it. */
  {
    g_auto(Run) e = run ("--workspace", ws, "export", "assets", xlsx, NULL);
    g_autofree char *check = g_strdup_printf (
      "import sys, zipfile\n"
      "z = zipfile.ZipFile(sys.argv[1])\n"
      "assert z.testzip() is None\n"
      "names = z.namelist()\n"
      "assert all('xl/worksheets/sheet%%d.xml' %% i in names for i in (1, 2, 3))\n"
      "s = z.read('xl/sharedStrings.xml').decode()\n"
      "assert '顧客名簿' in s and 'reduce' in s and '大' in s\n");
    const char *argv[] = { "python3", "-c", check, xlsx, NULL };
    int wait_status = 0;
    g_autoptr(GError) error = NULL;

    g_assert_cmpint (e.status, ==, 0);
    g_assert_true (g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_SEARCH_PATH, NULL, NULL, NULL, NULL,
                                 &wait_status, &error));
    g_assert_no_error (error);
    g_assert_true (g_spawn_check_wait_status (wait_status, NULL));
  }
  /* An unsupported format. */
  {
    g_auto(Run) e = run ("--workspace", ws, "export", "assets", "ledger.ods", NULL);
    g_assert_cmpint (e.status, ==, 2);
    g_assert_nonnull (strstr (e.err, ".xlsx"));
  }
}

/* Every page's text with all white space removed (table cells and long hashes wrap). */
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
assert_contains (const char *text,
                 const char *expected)
{
  GString *want = g_string_new (NULL);
  for (const char *c = expected; *c; c++)
    if (*c != ' ')
      g_string_append_c (want, *c);
  if (strstr (text, want->str) == NULL)
    g_error ("“%s” is not in the report", expected);
  g_string_free (want, TRUE);
}

/* The management review and the internal audit of the demo, as a manager and an auditor get
 * them: the PDF's text holds the headings, the figures, the changes and the evidence hash. */
static void
test_review_and_audit_reports (void)
{
  g_autofree char *ws = tmp_path ("review.mamori");
  g_autofree char *review = tmp_path ("review.pdf");
  g_autofree char *audit = tmp_path ("internal-audit.pdf");
  g_autofree char *text = NULL, *again = NULL, *audit_text = NULL;
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autofree char *today = g_date_time_format (now, "%Y-%m-%d");
  g_auto(Run) demo = run ("--workspace", ws, "demo", NULL);
  g_auto(Run) first = run ("--workspace", ws, "export", "review", review, NULL);

  g_assert_cmpint (demo.status, ==, 0);
  g_assert_cmpint (first.status, ==, 0);
  text = pdf_text (review);
  for (guint i = 0; i < 11; i++)
    assert_contains (text, (const char *[]) { "1. Summary", "2. Risk heatmaps", "3. Highest risks", "4. Assessment results",
                                              "5. Measures", "6. Incidents since the last review", "7. Exceptions to the rules",
                                              "8. Accepted risks", "9. Training and confidentiality pledges",
                                              "10. Supplier evaluations", "11. Decisions asked of management" }[i]);
  /* Compared with the demo's review of 2025-06-10: 26 assets at 大 then, 21 now. */
  assert_contains (text, "compared with the last management review (2025-06-10)");
  assert_contains (text, "Assets at risk level Large 21 26 −5");
  assert_contains (text, "72 / 100 34 / 100 +38");
  /* The two heatmaps and the two checklist charts are drawn figures with captions. */
  assert_contains (text, "Figure 1");
  assert_contains (text, "Figure 4");
  assert_contains (text, "Risk after the planned measures");
  assert_contains (text, "Basic measures");                 /* a bar of the self-diagnosis chart */
  assert_contains (text, "Accepting residual risk");
  assert_contains (text, "METI CSM Guidelines, directive 4");
  assert_contains (text, "廃棄箱をシュレッダー付きに替え");   /* an open corrective action */

  /* Exporting recorded today's figures; a second report the same day still compares with the
   * review before today. */
  {
    g_auto(Run) second = run ("--workspace", ws, "export", "review", review, NULL);
    g_autoptr(GError) error = NULL;
    g_autoptr(MamoriWorkspace) w = NULL;
    g_autoptr(MamoriReviewFigures) last = NULL;
    g_assert_cmpint (second.status, ==, 0);
    again = pdf_text (review);
    assert_contains (again, "(2025-06-10)");
    w = mamori_workspace_open (ws, MAMORI_WORKSPACE_OPEN_EXISTING, &error);
    g_assert_no_error (error);
    last = mamori_workspace_last_review (w, "9999-12-31", &error);
    g_assert_no_error (error);
    g_assert_nonnull (last);
    g_assert_cmpstr (last->held_on, ==, today);
    g_assert_cmpuint (last->bands[2], ==, 21);
    g_assert_true (last->has_score);
    g_assert_cmpfloat (last->score, ==, 72);
  }
  {
    /* Without MAMORI_DATE_STYLE the report prints dates as people read them. */
    g_autofree char *md = tmp_path ("review-dates.md");
    g_auto(Run) r = run ("--people-dates", "--workspace", ws, "export", "review", md, NULL);
    g_autofree char *people = NULL;
    g_assert_cmpint (r.status, ==, 0);
    g_assert_true (g_file_get_contents (md, &people, NULL, NULL));
    g_assert_nonnull (strstr (people, "(10 June 2025)"));
  }

  /* The internal audit (assessment 4): plan, opinion, corrective actions with their state, the
   * auditor's remarks and the evidence file's SHA-256. */
  {
    g_auto(Run) r = run ("--workspace", ws, "export", "audit", "4", audit, NULL);
    g_autoptr(GError) error = NULL;
    g_autoptr(MamoriWorkspace) w = mamori_workspace_open (ws, MAMORI_WORKSPACE_OPEN_EXISTING, &error);
    g_autoptr(GPtrArray) evidence = NULL;
    g_assert_cmpint (r.status, ==, 0);
    audit_text = pdf_text (audit);
    assert_contains (audit_text, "Audit opinion");
    assert_contains (audit_text, "Independence Confirmed.");
    assert_contains (audit_text, "2026-06-08 – 2026-06-12");
    assert_contains (audit_text, "Corrective actions");
    assert_contains (audit_text, "closed 2026-07-20");
    assert_contains (audit_text, "2 of 5 corrective actions closed.");
    assert_contains (audit_text, "Auditor’s remark");
    assert_contains (audit_text, "退職者のアカウント1件が残っていた");
    evidence = mamori_workspace_list_evidence (w, 4, NULL, &error);
    g_assert_no_error (error);
    g_assert_cmpuint (evidence->len, ==, 1);
    assert_contains (audit_text, ((MamoriEvidence *) evidence->pdata[0])->sha256);
  }
}

/* The registers' lists: one record per line, tab-separated, its number first; their exports and
 * imports; the calendar lists their entries with the mocked clock. */
static void
test_registers (void)
{
  g_autofree char *ws = tmp_path ("registers.mamori");
  g_autofree char *csv = tmp_path ("incidents.csv");
  g_autofree char *people = tmp_path ("new-people.csv");
  g_auto(Run) demo = run ("--workspace", ws, "demo", NULL);
  g_auto(Run) incidents = run ("--workspace", ws, "incidents", NULL);
  g_auto(Run) exceptions = run ("--workspace", ws, "exceptions", NULL);
  g_auto(Run) suppliers = run ("--workspace", ws, "suppliers", NULL);
  g_auto(Run) export = run ("--workspace", ws, "export", "incidents", csv, NULL);
  g_auto(Run) bad_import = { 0 };
  g_auto(Run) import = { 0 };
  g_auto(Run) calendar = { 0 };
  g_auto(GStrv) lines = NULL;

  g_assert_cmpint (demo.status, ==, 0);
  g_assert_cmpint (incidents.status, ==, 0);
  lines = g_strsplit (incidents.out, "\n", -1);
  g_assert_cmpuint (g_strv_length (lines), ==, 3);
  g_assert_true (g_str_has_prefix (lines[0], "2\t2026-11-24 09:15\t"));   /* newest first */
  g_assert_nonnull (strstr (lines[1], "\tloss_theft\thigh\tclosed\t"));
  g_assert_nonnull (strstr (exceptions.out, "\t山田 花子\n"));
  g_assert_nonnull (strstr (suppliers.out, "クラウド会計サービス\tcloud\t"));
  g_assert_cmpint (export.status, ==, 0);
  g_assert_true (g_file_test (csv, G_FILE_TEST_IS_REGULAR));

  g_assert_true (g_file_set_contents (people, "name,joined_on\n佐々木 学,2026-02-30\n", -1, NULL));
  bad_import = run ("--workspace", ws, "import", "people", people, NULL);
  g_assert_cmpint (bad_import.status, ==, 2);
  g_assert_nonnull (strstr (bad_import.err, "Line 2"));
  g_assert_true (g_file_set_contents (people, "name,joined_on\n佐々木 学,2026-02-28\n", -1, NULL));
  import = run ("--workspace", ws, "import", "people", people, NULL);
  g_assert_cmpint (import.status, ==, 0);
  g_assert_cmpstr (import.out, ==, "1\n");

  g_setenv ("MAMORI_TODAY", "2026-11-30", TRUE);
  calendar = run ("--workspace", ws, "calendar", "0", NULL);
  g_unsetenv ("MAMORI_TODAY");
  g_assert_cmpint (calendar.status, ==, 0);
  g_assert_nonnull (strstr (calendar.out, "2026-11-27\tincident-notice\t"));
  g_assert_nonnull (strstr (calendar.out, "2026-10-15\tsupplier\t"));
  g_assert_nonnull (strstr (calendar.out, "\tpledge\t"));
  g_assert_null (strstr (calendar.out, "2027-"));                       /* 0 days: what is overdue */

  /* Stocktaking: recorded, the calendar asks again a year later. */
  {
    g_auto(Run) bad = run ("--workspace", ws, "stocktaking", "2026-02-30", NULL);
    g_auto(Run) done = run ("--workspace", ws, "stocktaking", "2026-11-30", NULL);
    g_auto(Run) year = run ("--workspace", ws, "calendar", "400", NULL);
    g_assert_cmpint (bad.status, ==, 2);
    g_assert_cmpint (done.status, ==, 0);
    g_assert_nonnull (strstr (year.out, "2027-11-30\tstocktaking\t"));
  }
}

int
main (int argc, char *argv[])
{
  int rc;

  setlocale (LC_ALL, "");
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);
  mamori_bin = g_getenv ("MAMORI_BIN");
  g_assert_nonnull (mamori_bin);
  tmpdir = g_dir_make_tmp ("mamori-cli-XXXXXX", NULL);

  g_test_add_func ("/cli/version-help", test_version_help);
  g_test_add_func ("/cli/bad-arguments", test_bad_arguments);
  g_test_add_func ("/cli/demo-check-info", test_demo_check_info);
  g_test_add_func ("/cli/export-log", test_export_log);
  g_test_add_func ("/cli/export-policy", test_export_policy);
  g_test_add_func ("/cli/bad-paths", test_bad_paths);
  g_test_add_func ("/cli/default-workspace", test_default_workspace);
  g_test_add_func ("/cli/checklists-and-demo", test_checklists_and_demo_assessments);
  g_test_add_func ("/cli/items", test_items);
  g_test_add_func ("/cli/import-answers", test_import_answers);
  g_test_add_func ("/cli/sheets", test_sheets);
  g_test_add_func ("/cli/import-library", test_import_library);
  g_test_add_func ("/cli/assets", test_assets);
  g_test_add_func ("/cli/registers", test_registers);
  g_test_add_func ("/cli/review-and-audit-reports", test_review_and_audit_reports);
  rc = g_test_run ();
  g_free (tmpdir);
  return rc;
}
