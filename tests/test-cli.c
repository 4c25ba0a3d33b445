/* test-cli.c — the command line, run as a separate process like a script would */
#include "config.h"

#include <glib/gstdio.h>
#include <locale.h>
#include <string.h>

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
  g_assert_true (g_str_has_prefix (contents, "\xEF\xBB\xBFid,at,os_user,entity,action,summary\r\n1,"));
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
  g_test_add_func ("/cli/bad-paths", test_bad_paths);
  g_test_add_func ("/cli/default-workspace", test_default_workspace);
  rc = g_test_run ();
  g_free (tmpdir);
  return rc;
}
