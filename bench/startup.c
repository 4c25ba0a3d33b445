/* startup.c — bench/startup: time from process start to the first frame of the main
 * window, Mamori on a demo workspace against a bare AdwApplication window, alternating
 * runs, medians and their ratio. Run under a display (xvfb-run). */
#include <glib.h>
#include <glib/gstdio.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>

static int
compare (gconstpointer a, gconstpointer b)
{
  double x = *(const double *) a, y = *(const double *) b;
  return x < y ? -1 : x > y;
}

static double
median (GArray *values)
{
  g_array_sort (values, compare);
  return g_array_index (values, double, values->len / 2);
}

/* Spawns argv and returns the milliseconds until it prints "first-frame". */
static double
time_first_frame (char **argv, char **envp)
{
  g_autoptr(GError) error = NULL;
  GPid pid;
  int out_fd;
  gint64 start = g_get_monotonic_time ();
  char buf[256];
  GString *seen = g_string_new (NULL);
  double ms = -1;
  ssize_t n;

  if (!g_spawn_async_with_pipes (NULL, argv, envp, G_SPAWN_DO_NOT_REAP_CHILD | G_SPAWN_STDERR_TO_DEV_NULL,
                                 NULL, NULL, &pid, NULL, &out_fd, NULL, &error))
    g_error ("%s", error->message);
  while ((n = read (out_fd, buf, sizeof buf)) > 0)
    {
      g_string_append_len (seen, buf, n);
      if (strstr (seen->str, "first-frame\n"))
        {
          ms = (g_get_monotonic_time () - start) / 1000.0;
          break;
        }
    }
  close (out_fd);
  waitpid (pid, NULL, 0);
  g_spawn_close_pid (pid);
  g_string_free (seen, TRUE);
  if (ms < 0)
    g_error ("%s never showed a frame (is there a display?)", argv[0]);
  return ms;
}

int
main (int argc, char *argv[])
{
  int runs = argc > 1 ? atoi (argv[1]) : 9;
  g_autofree char *dir = g_dir_make_tmp ("mamori-bench-XXXXXX", NULL);
  g_autofree char *workspace = g_build_filename (dir, "demo.mamori", NULL);
  g_autofree char *schema_dir = g_build_filename (g_path_get_dirname (g_path_get_dirname (MAMORI_BIN)), "data", NULL);
  char *demo_argv[] = { MAMORI_BIN, "--workspace", workspace, "demo", NULL };
  char *app_argv[] = { MAMORI_BIN, "--workspace", workspace, NULL };
  char *bare_argv[] = { BARE_BIN, NULL };
  g_auto(GStrv) envp = g_get_environ ();
  GArray *app_ms = g_array_new (FALSE, FALSE, sizeof (double));
  GArray *bare_ms = g_array_new (FALSE, FALSE, sizeof (double));
  int status = 0;
  double m_app, m_bare;

  envp = g_environ_setenv (envp, "MAMORI_EXIT_AFTER_FIRST_FRAME", "1", TRUE);
  envp = g_environ_setenv (envp, "GSETTINGS_SCHEMA_DIR", schema_dir, TRUE);
  envp = g_environ_setenv (envp, "GSETTINGS_BACKEND", "memory", TRUE);
  envp = g_environ_setenv (envp, "GTK_A11Y", "none", TRUE);
  envp = g_environ_setenv (envp, "XDG_DATA_HOME", dir, TRUE);

  if (!g_spawn_sync (NULL, demo_argv, envp, G_SPAWN_STDERR_TO_DEV_NULL, NULL, NULL, NULL, NULL, &status, NULL) ||
      status != 0)
    g_error ("could not make the demo workspace");

  /* One warm-up each (font and shader caches), then alternate so drift hits both. */
  time_first_frame (app_argv, envp);
  time_first_frame (bare_argv, envp);
  for (int i = 0; i < runs; i++)
    {
      double a = time_first_frame (app_argv, envp);
      double b = time_first_frame (bare_argv, envp);
      g_array_append_val (app_ms, a);
      g_array_append_val (bare_ms, b);
    }
  m_app = median (app_ms);
  m_bare = median (bare_ms);
  printf ("startup to first frame, %d runs each (median):\n", runs);
  printf ("  bare AdwApplication window : %7.1f ms\n", m_bare);
  printf ("  mamori, demo workspace     : %7.1f ms\n", m_app);
  printf ("  ratio                      : %7.2f (target <= 1.30)\n", m_app / m_bare);

  g_unlink (workspace);
  {
    g_autofree char *wal = g_strconcat (workspace, "-wal", NULL);
    g_autofree char *shm = g_strconcat (workspace, "-shm", NULL);
    g_unlink (wal);
    g_unlink (shm);
  }
  g_rmdir (dir);
  return 0;
}
