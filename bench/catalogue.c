/* catalogue.c — bench/catalogue: parse every built-in checklist library; parse a generated
 * 1,000-item library and open its wizard to the first frame. Medians of several runs. */
#include <adwaita.h>
#include <glib/gstdio.h>
#include <stdio.h>

#include "core/mamori-catalog.h"
#include "store/mamori-assessments.h"
#include "ui/mamori-assessment-wizard.h"

static int
compare (gconstpointer a, gconstpointer b)
{
  double x = *(const double *) a, y = *(const double *) b;
  return x < y ? -1 : x > y;
}

static double
median (double *v, int n)
{
  qsort (v, n, sizeof *v, (int (*) (const void *, const void *)) compare);
  return v[n / 2];
}

static char *
generated_library (int n_items)
{
  GString *y = g_string_new ("urn: urn:bench:library:big\nlocale: en\nref_id: bench-big\nversion: 1\n"
                             "objects:\n  framework:\n    urn: urn:bench:framework:big\n    ref_id: bench-big\n"
                             "    name: Generated\n    requirement_nodes:\n");
  for (int g = 0; g < n_items / 50; g++)
    {
      g_string_append_printf (y, "      - urn: urn:bench:n:g%d\n        ref_id: g%d\n        assessable: false\n"
                                 "        name: Group %d\n", g, g, g);
      for (int i = 0; i < 50; i++)
        g_string_append_printf (y, "      - urn: urn:bench:n:%d\n        ref_id: '%d'\n        parent_urn: urn:bench:n:g%d\n"
                                   "        name: Item %d\n        description: Is requirement %d in place, with the evidence to show it?\n"
                                   "        annotation: Why it matters and what to do about item %d.\n",
                                g * 50 + i + 1, g * 50 + i + 1, g, g * 50 + i + 1, g * 50 + i + 1, g * 50 + i + 1);
    }
  return g_string_free (y, FALSE);
}

static gboolean frame_seen;

static void
after_paint (GdkFrameClock *clock, gpointer data)
{
  frame_seen = TRUE;
}

int
main (int argc, char *argv[])
{
  enum { RUNS = 9 };
  double builtin_ms[RUNS], parse_ms[RUNS], open_ms[RUNS];
  g_autofree char *big = generated_library (1000);
  g_autofree char *dir = g_dir_make_tmp ("mamori-bench-XXXXXX", NULL);
  g_autofree char *path = g_build_filename (dir, "bench.mamori", NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(MamoriWorkspace) ws = NULL;
  guint n_items = 0;

  g_setenv ("GSETTINGS_BACKEND", "memory", TRUE);
  g_setenv ("GTK_A11Y", "none", TRUE);
  if (!gtk_init_check ())
    {
      g_printerr ("bench-catalogue needs a display (run it under xvfb-run)\n");
      return 1;
    }
  adw_init ();
  ws = mamori_workspace_open (path, MAMORI_WORKSPACE_OPEN_CREATE, &error);
  g_assert_no_error (error);

  for (int r = 0; r < RUNS; r++)
    {
      gint64 t0 = g_get_monotonic_time ();
      g_autoptr(MamoriCatalog) catalog = mamori_catalog_new ();
      g_assert_true (mamori_catalog_load_builtin (catalog, &error));
      builtin_ms[r] = (g_get_monotonic_time () - t0) / 1000.0;
      n_items = 0;
      for (guint i = 0; i < mamori_catalog_get_n (catalog); i++)
        n_items += mamori_catalog_get (catalog, i)->items->len;
    }

  for (int r = 0; r < RUNS; r++)
    {
      gint64 t0 = g_get_monotonic_time ();
      g_autoptr(MamoriChecklist) cl = mamori_checklist_parse (big, strlen (big), "big.yaml", &error);
      gint64 t1;
      GtkWidget *window, *wizard;
      gint64 id;

      g_assert_no_error (error);
      parse_ms[r] = (g_get_monotonic_time () - t0) / 1000.0;

      id = mamori_workspace_create_assessment (ws, cl->id, "", "2026-01-01", "", &error);
      window = gtk_window_new ();
      gtk_window_set_default_size (GTK_WINDOW (window), 1000, 720);
      wizard = g_object_new (MAMORI_TYPE_ASSESSMENT_WIZARD, NULL);
      gtk_window_set_child (GTK_WINDOW (window), wizard);
      gtk_window_present (GTK_WINDOW (window));
      while (!gtk_widget_get_mapped (window))
        g_main_context_iteration (NULL, TRUE);
      while (g_main_context_iteration (NULL, FALSE))
        ;
      frame_seen = FALSE;
      g_signal_connect (gtk_widget_get_frame_clock (window), "after-paint", G_CALLBACK (after_paint), NULL);
      t1 = g_get_monotonic_time ();
      g_assert_true (mamori_assessment_wizard_open (MAMORI_ASSESSMENT_WIZARD (wizard), ws, cl, id));
      gtk_widget_queue_draw (window);
      while (!frame_seen)
        g_main_context_iteration (NULL, TRUE);
      open_ms[r] = (g_get_monotonic_time () - t1) / 1000.0;
      mamori_assessment_wizard_close (MAMORI_ASSESSMENT_WIZARD (wizard));
      g_signal_handlers_disconnect_by_func (gtk_widget_get_frame_clock (window), after_paint, NULL);
      gtk_window_destroy (GTK_WINDOW (window));
    }

  printf ("checklist catalogue, %d runs each (median):\n", RUNS);
  printf ("  parse the built-in libraries (%u items)   : %7.2f ms\n", n_items, median (builtin_ms, RUNS));
  printf ("  parse a generated 1,000-item library     : %7.2f ms\n", median (parse_ms, RUNS));
  printf ("  open its wizard to the first frame        : %7.2f ms\n", median (open_ms, RUNS));
  printf ("  parse + open                              : %7.2f ms (target < 200 ms)\n",
          median (parse_ms, RUNS) + median (open_ms, RUNS));
  mamori_workspace_close (ws);
  {
    g_autofree char *cmd = g_strdup_printf ("rm -rf '%s'", dir);
    if (system (cmd) != 0)
      g_printerr ("could not remove %s\n", dir);
  }
  return 0;
}
