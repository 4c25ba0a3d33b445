/* test-word.c — documents and reports as Word (.docx), OpenDocument (.odt) and Markdown with
 * real figures: the demo's policy and review report exported through the binary, read back
 * with libzip; a clear error when pandoc is missing. */
#include "config.h"

#include <glib/gstdio.h>
#include <locale.h>
#include <string.h>
#include <zip.h>

static const char *mamori_bin;
static char *tmpdir;
static char *workspace;

static const guint8 png_signature[8] = { 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n' };

static char *
tmp_path (const char *name)
{
  return g_build_filename (tmpdir, name, NULL);
}

/* Runs `mamori --workspace W ARGS…` in tmpdir with path as PATH (NULL: this one); returns the
 * exit status, stderr in err. */
static int
run_mamori (const char  *path,
            char       **err,
            const char  *first,
            ...)
{
  g_autoptr(GPtrArray) argv = g_ptr_array_new ();
  g_autoptr(GError) error = NULL;
  g_auto(GStrv) envp = g_get_environ ();
  g_autofree char *out = NULL;
  int wait_status = 0;
  va_list args;

  g_ptr_array_add (argv, (gpointer) mamori_bin);
  g_ptr_array_add (argv, (gpointer) "--workspace");
  g_ptr_array_add (argv, workspace);
  va_start (args, first);
  for (const char *arg = first; arg != NULL; arg = va_arg (args, const char *))
    g_ptr_array_add (argv, (gpointer) arg);
  va_end (args);
  g_ptr_array_add (argv, NULL);
  envp = g_environ_setenv (envp, "XDG_DATA_HOME", g_get_user_data_dir (), TRUE);
  envp = g_environ_setenv (envp, "XDG_CONFIG_HOME", g_get_user_config_dir (), TRUE);
  envp = g_environ_setenv (envp, "XDG_STATE_HOME", g_get_user_state_dir (), TRUE);
  envp = g_environ_setenv (envp, "HOME", g_get_home_dir (), TRUE);
  if (path != NULL)
    envp = g_environ_setenv (envp, "PATH", path, TRUE);
  g_assert_true (g_spawn_sync (tmpdir, (char **) argv->pdata, envp, G_SPAWN_DEFAULT, NULL, NULL, &out, err,
                               &wait_status, &error));
  g_assert_no_error (error);
  g_assert_true (WIFEXITED (wait_status));
  return WEXITSTATUS (wait_status);
}

/* The demo workspace, made by the first test that needs it (inside a test: the isolated
 * dirs are set per test). */
static void
ensure_demo (void)
{
  g_autofree char *err = NULL;

  if (g_file_test (workspace, G_FILE_TEST_EXISTS))
    return;
  if (run_mamori (NULL, &err, "demo", NULL) != 0)
    g_error ("mamori demo: %s", err);
}

static void
export_ok (const char *kind,
           const char *out)
{
  g_autofree char *err = NULL;
  int status;

  ensure_demo ();
  status = run_mamori (NULL, &err, "export", kind, out, NULL);

  if (status != 0)
    g_error ("mamori export %s %s: exit %d\n%s", kind, out, status, err);
}

/* One member of a zip file, NULL when it is not there. */
static GBytes *
zip_member (const char *zip_path,
            const char *name)
{
  int code = 0;
  zip_t *z = zip_open (zip_path, ZIP_RDONLY, &code);
  zip_stat_t st;
  zip_file_t *f;
  guint8 *data;

  g_assert_nonnull (z);
  if (zip_stat (z, name, 0, &st) != 0)
    {
      zip_discard (z);
      return NULL;
    }
  f = zip_fopen (z, name, 0);
  g_assert_nonnull (f);
  data = g_malloc (st.size + 1);
  g_assert_cmpint (zip_fread (f, data, st.size), ==, (zip_int64_t) st.size);
  data[st.size] = '\0';
  zip_fclose (f);
  zip_discard (z);
  return g_bytes_new_take (data, st.size);
}

static char *
zip_text (const char *zip_path,
          const char *name)
{
  g_autoptr(GBytes) bytes = zip_member (zip_path, name);

  g_assert_nonnull (bytes);
  return g_strndup (g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes));
}

/* The PNG images under prefix ("word/media/", "Pictures/"); each must be a PNG. */
static guint
zip_count_pngs (const char *zip_path,
                const char *prefix)
{
  int code = 0;
  zip_t *z = zip_open (zip_path, ZIP_RDONLY, &code);
  zip_int64_t n;
  guint pngs = 0;

  g_assert_nonnull (z);
  n = zip_get_num_entries (z, 0);
  for (zip_int64_t i = 0; i < n; i++)
    {
      const char *name = zip_get_name (z, i, 0);
      if (g_str_has_prefix (name, prefix) && g_str_has_suffix (name, ".png"))
        {
          g_autoptr(GBytes) png = zip_member (zip_path, name);
          g_assert_cmpuint (g_bytes_get_size (png), >, sizeof png_signature);
          g_assert_cmpmem (g_bytes_get_data (png, NULL), sizeof png_signature, png_signature, sizeof png_signature);
          pngs++;
        }
    }
  zip_discard (z);
  return pngs;
}

static void
test_policy_docx_odt (void)
{
  g_autofree char *docx = tmp_path ("policy.docx");
  g_autofree char *odt = tmp_path ("policy.odt");
  g_autofree char *document = NULL, *styles = NULL, *footer = NULL, *content = NULL, *odt_styles = NULL;

  export_ok ("policy", "policy.docx");
  document = zip_text (docx, "word/document.xml");
  g_assert_nonnull (strstr (document, "株式会社サンプル製作所"));
  g_assert_nonnull (strstr (document, "<w:pStyle w:val=\"Title\" />"));
  g_assert_nonnull (strstr (document, "<w:pStyle w:val=\"Heading1\" />"));
  /* A4, and the footer with the page number field from the reference document */
  g_assert_nonnull (strstr (document, "w:w=\"11906\""));
  g_assert_nonnull (strstr (document, "<w:footerReference"));
  footer = zip_text (docx, "word/footer1.xml");
  g_assert_nonnull (strstr (footer, " PAGE "));
  styles = zip_text (docx, "word/styles.xml");
  g_assert_nonnull (strstr (styles, "w:eastAsia=\"IPAexMincho\""));
  g_assert_nonnull (strstr (styles, "w:eastAsia=\"IPAexGothic\""));
  g_assert_nonnull (strstr (styles, "w:ascii=\"DejaVu Serif\""));

  export_ok ("policy", "policy.odt");
  content = zip_text (odt, "content.xml");
  g_assert_nonnull (strstr (content, "株式会社サンプル製作所"));
  g_assert_nonnull (strstr (content, "<text:h"));
  odt_styles = zip_text (odt, "styles.xml");
  g_assert_nonnull (strstr (odt_styles, "style:font-name-asian=\"IPAexMincho\""));
  g_assert_nonnull (strstr (odt_styles, "<text:page-number"));
}

static void
test_review_docx_odt (void)
{
  g_autofree char *docx = tmp_path ("review.docx");
  g_autofree char *odt = tmp_path ("review.odt");
  g_autofree char *document = NULL, *content = NULL;
  g_autoptr(GDir) dir = NULL;
  const char *name;

  export_ok ("review", "review.docx");
  document = zip_text (docx, "word/document.xml");
  g_assert_nonnull (strstr (document, "株式会社サンプル製作所"));
  g_assert_nonnull (strstr (document, "<w:pStyle w:val=\"Heading1\" />"));
  g_assert_nonnull (strstr (document, "<w:tbl>"));
  g_assert_nonnull (strstr (document, "<pic:pic>"));
  g_assert_null (strstr (document, "figure:"));
  /* the heatmaps now and after the measures, and a chart per checklist */
  g_assert_cmpuint (zip_count_pngs (docx, "word/media/"), >=, 3);

  export_ok ("review", "review.odt");
  content = zip_text (odt, "content.xml");
  g_assert_nonnull (strstr (content, "株式会社サンプル製作所"));
  g_assert_nonnull (strstr (content, "<table:table "));
  g_assert_nonnull (strstr (content, "<draw:image"));
  g_assert_null (strstr (content, "figure:"));
  g_assert_cmpuint (zip_count_pngs (odt, "Pictures/"), >=, 3);

  /* nothing left behind: no temporary file beside the outputs */
  dir = g_dir_open (tmpdir, 0, NULL);
  while ((name = g_dir_read_name (dir)) != NULL)
    g_assert_false (g_str_has_prefix (name, ".review"));
}

static void
test_review_markdown_figures (void)
{
  g_autofree char *md = tmp_path ("review-report.md");
  g_autofree char *text = NULL;
  g_autoptr(GError) error = NULL;
  guint n = 0;

  export_ok ("review", "review-report.md");
  g_assert_true (g_file_get_contents (md, &text, NULL, &error));
  g_assert_no_error (error);
  g_assert_null (strstr (text, "figure:"));
  for (guint i = 1;; i++)
    {
      g_autofree char *file = g_strdup_printf ("review-report-figure-%u.png", i);
      g_autofree char *path = tmp_path (file);
      g_autofree char *link = g_strdup_printf ("](<%s>)", file);
      g_autofree char *png = NULL;
      gsize size = 0;
      if (!g_file_test (path, G_FILE_TEST_EXISTS))
        break;
      g_assert_true (g_file_get_contents (path, &png, &size, &error));
      g_assert_no_error (error);
      g_assert_cmpuint (size, >, sizeof png_signature);
      g_assert_cmpmem (png, sizeof png_signature, png_signature, sizeof png_signature);
      g_assert_nonnull (strstr (text, link));
      n++;
    }
  g_assert_cmpuint (n, >=, 3);
}

static void
test_audit_and_document (void)
{
  g_autofree char *audit = tmp_path ("audit.docx");
  g_autofree char *document = NULL;
  g_autofree char *err = NULL;

  ensure_demo ();
  g_assert_cmpint (run_mamori (NULL, &err, "export", "audit", "1", "audit.docx", NULL), ==, 0);
  document = zip_text (audit, "word/document.xml");
  g_assert_nonnull (strstr (document, "<w:tbl>"));
  g_clear_pointer (&err, g_free);
  g_clear_pointer (&document, g_free);
  /* the rules keep the PDF's article numbers in their headings */
  export_ok ("rules", "rules.docx");
  {
    g_autofree char *rules = tmp_path ("rules.docx");
    document = zip_text (rules, "word/document.xml");
    /* the demo writes its documents in the user's language (English under LC_ALL=C) */
    g_assert_true (strstr (document, "第1条（") != NULL || strstr (document, "Article 1 (") != NULL);
    g_assert_true (strstr (document, "第2章 ") != NULL || strstr (document, "Chapter 2 ") != NULL);
  }
  /* an extension the kind does not take */
  g_assert_cmpint (run_mamori (NULL, &err, "export", "log", "log.docx", NULL), ==, 2);
}

static void
test_pandoc_missing (void)
{
  g_autofree char *empty = tmp_path ("empty-bin");
  g_autofree char *out = tmp_path ("nopandoc.docx");
  g_autofree char *err = NULL;
  g_autoptr(GDir) dir = NULL;
  const char *name;

  ensure_demo ();
  g_assert_cmpint (g_mkdir (empty, 0755), ==, 0);
  g_assert_cmpint (run_mamori (empty, &err, "export", "policy", "nopandoc.docx", NULL), ==, 1);
  g_assert_nonnull (strstr (err, "nopandoc.docx"));
  g_assert_nonnull (strstr (err, "pandoc"));
  g_assert_false (g_file_test (out, G_FILE_TEST_EXISTS));
  dir = g_dir_open (tmpdir, 0, NULL);
  while ((name = g_dir_read_name (dir)) != NULL)
    g_assert_false (g_str_has_prefix (name, ".nopandoc"));
}

/* pandoc that fails: its message is passed on, naming the output; nothing is left behind. */
static void
test_pandoc_fails (void)
{
  g_autofree char *bin = tmp_path ("failing-bin");
  g_autofree char *script = g_build_filename (bin, "pandoc", NULL);
  g_autofree char *out = tmp_path ("failed.odt");
  g_autofree char *err = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GDir) dir = NULL;
  const char *name;

  ensure_demo ();
  g_assert_cmpint (g_mkdir (bin, 0755), ==, 0);
  g_assert_true (g_file_set_contents (script, "#!/bin/sh\necho 'pandoc: something broke' >&2\nexit 64\n", -1, &error));
  g_assert_no_error (error);
  g_assert_cmpint (g_chmod (script, 0755), ==, 0);
  g_assert_cmpint (run_mamori (bin, &err, "export", "review", "failed.odt", NULL), ==, 1);
  g_assert_nonnull (strstr (err, "failed.odt"));
  g_assert_nonnull (strstr (err, "something broke"));
  g_assert_false (g_file_test (out, G_FILE_TEST_EXISTS));
  dir = g_dir_open (tmpdir, 0, NULL);
  while ((name = g_dir_read_name (dir)) != NULL)
    g_assert_false (g_str_has_prefix (name, ".failed"));
}

int
main (int argc, char *argv[])
{
  g_autofree char *pandoc = NULL;
  int rc;

  setlocale (LC_ALL, "");
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);
  mamori_bin = g_getenv ("MAMORI_BIN");
  g_assert_nonnull (mamori_bin);
  /* pandoc is a dependency (build-aux/install-deps.sh): no skipping without it. */
  pandoc = g_find_program_in_path ("pandoc");
  if (pandoc == NULL)
    g_error ("the pandoc program is not installed (Debian package pandoc)");
  tmpdir = g_dir_make_tmp ("mamori-word-test-XXXXXX", NULL);
  workspace = tmp_path ("demo.mamori");

  g_test_add_func ("/word/policy-docx-odt", test_policy_docx_odt);
  g_test_add_func ("/word/review-docx-odt", test_review_docx_odt);
  g_test_add_func ("/word/review-markdown-figures", test_review_markdown_figures);
  g_test_add_func ("/word/audit-and-document", test_audit_and_document);
  g_test_add_func ("/word/pandoc-missing", test_pandoc_missing);
  g_test_add_func ("/word/pandoc-fails", test_pandoc_fails);
  rc = g_test_run ();
  g_free (workspace);
  g_free (tmpdir);
  return rc;
}
