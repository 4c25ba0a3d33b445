/* bench/heatmap.c — heatmaps over 100,000 assets: counting the cells in SQL, redrawing a frame
 * from the counted map (target ≤ 16 ms), and a PNG at 1920 × 1080 (target ≤ 100 ms); the
 * management-review report of the demo workspace (target ≤ 1 s). */
#include "config.h"

#include <glib/gstdio.h>
#include <locale.h>
#include <stdio.h>
#include <stdlib.h>

#include "report/mamori-heatmap-draw.h"
#include "report/mamori-review.h"
#include "store/mamori-assessments.h"
#include "store/mamori-assets.h"

#define N_ASSETS 100000

static double
ms_since (gint64 t0)
{
  return (g_get_monotonic_time () - t0) / 1000.0;
}

int
main (int argc, char *argv[])
{
  g_autofree char *dir = g_dir_make_tmp ("mamori-bench-heatmap-XXXXXX", NULL);
  g_autofree char *path = g_build_filename (dir, "big.mamori", NULL);
  g_autofree char *png = g_build_filename (dir, "map.png", NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(MamoriWorkspace) ws = NULL;
  g_autoptr(GPtrArray) assets = g_ptr_array_new_with_free_func ((GDestroyNotify) mamori_asset_free);
  g_autoptr(MamoriHeatmap) map = NULL;
  const char *media[] = { "事務所PC", "モバイル機器", "社内サーバー", "クラウドサービス", "書類", "可搬記録媒体" };
  MamoriHeatmapLabels labels = { NULL, "株式会社サンプル製作所", "ja", NULL };
  double count_ms, frame_ms = 0, png_ms;
  cairo_surface_t *surface;

  setlocale (LC_ALL, "");
  ws = mamori_workspace_open (path, MAMORI_WORKSPACE_OPEN_CREATE, &error);
  g_assert_no_error (error);
  for (int i = 0; i < N_ASSETS; i++)
    {
      MamoriAsset *a = mamori_asset_new ();
      g_free (a->name);
      a->name = g_strdup_printf ("資産 %06d", i);
      g_free (a->medium);
      a->medium = g_strdup (media[i % G_N_ELEMENTS (media)]);
      a->confidentiality = i % 3;
      a->integrity = (i / 3) % 3;
      a->availability = (i / 9) % 3;
      a->vulnerability = 1 + i % 3;
      a->target_vulnerability = i % 4 == 0 ? 1 : 0;
      g_ptr_array_add (assets, a);
    }
  g_assert_true (mamori_workspace_add_assets (ws, assets, &error));

  /* Counting in SQL (what a filter change or an edit costs). */
  {
    gint64 t0 = g_get_monotonic_time ();
    map = mamori_workspace_get_heatmap (ws, MAMORI_RISK_METHOD_IPA, FALSE, NULL, NULL, &error);
    count_ms = ms_since (t0);
    g_assert_cmpuint (map->total, ==, N_ASSETS);
  }
  /* A frame: drawing the counted map (what hover, resize and presentation redraw). */
  surface = cairo_image_surface_create (CAIRO_FORMAT_RGB24, 1280, 800);
  for (int i = 0; i < 21; i++)
    {
      cairo_t *cr = cairo_create (surface);
      gint64 t0 = g_get_monotonic_time ();
      mamori_heatmap_draw (cr, map, &labels, 1280, 800);
      cairo_surface_flush (surface);
      if (i > 0)
        frame_ms += ms_since (t0);
      cairo_destroy (cr);
    }
  frame_ms /= 20;
  cairo_surface_destroy (surface);
  {
    gint64 t0 = g_get_monotonic_time ();
    g_assert_true (mamori_heatmap_export (map, &labels, png, 1920, 1080, &error));
    png_ms = ms_since (t0);
  }
  printf ("heatmap, %d assets:\n", N_ASSETS);
  printf ("  count the cells in SQL        : %7.1f ms (done once per change, then cached)\n", count_ms);
  printf ("  redraw a frame (1280 x 800)   : %7.1f ms (target <= 16 ms)\n", frame_ms);
  printf ("  PNG export 1920 x 1080        : %7.1f ms (target <= 100 ms)\n", png_ms);
  mamori_workspace_close (ws);

  /* The review report of the demo: read from the workspace, laid out, written as PDF; and the
   * whole `mamori export review` command as a user runs it. */
  {
    g_autofree char *demo = g_build_filename (dir, "demo.mamori", NULL);
    g_autofree char *pdf = g_build_filename (dir, "review.pdf", NULL);
    g_autofree char *cmd = g_strdup_printf ("'%s' --workspace '%s' demo >/dev/null", MAMORI_BIN, demo);
    g_autofree char *export = g_strdup_printf ("'%s' --workspace '%s' export review '%s'", MAMORI_BIN, demo, pdf);
    g_autoptr(MamoriWorkspace) dws = NULL;
    g_autoptr(MamoriCatalog) catalog = mamori_catalog_new ();
    double read_ms = 1e9, layout_ms = 1e9, cli_ms = 1e9;
    guint pages = 0;
    g_assert_true (system (cmd) == 0);
    dws = mamori_workspace_open (demo, MAMORI_WORKSPACE_OPEN_EXISTING, &error);
    g_assert_no_error (error);
    g_assert_true (mamori_catalog_load_builtin (catalog, &error) && mamori_workspace_load_catalog (dws, catalog, NULL, &error));
    for (int i = 0; i < 5; i++)
      {
        gint64 t0 = g_get_monotonic_time ();
        g_autoptr(MamoriReport) report = mamori_review_report_new (dws, catalog, "2026-11-23", "ja", &error);
        g_autoptr(MamoriLayout) layout = NULL;
        double t1;
        g_assert_nonnull (report);
        t1 = ms_since (t0);
        layout = mamori_report_layout (report, &error);
        g_assert_true (mamori_layout_write_pdf (layout, pdf, &error));
        read_ms = MIN (read_ms, t1);
        layout_ms = MIN (layout_ms, ms_since (t0) - t1);
        pages = mamori_layout_get_n_pages (layout);
      }
    for (int i = 0; i < 3; i++)
      {
        gint64 t0 = g_get_monotonic_time ();
        g_assert_true (system (export) == 0);
        cli_ms = MIN (cli_ms, ms_since (t0));
      }
    printf ("review report of the demo (%u pages, best of 5):\n", pages);
    printf ("  read the workspace            : %7.1f ms\n", read_ms);
    printf ("  lay out and write the PDF     : %7.1f ms\n", layout_ms);
    printf ("  `mamori export review` (whole): %7.1f ms (target <= 1000 ms)\n", cli_ms);
  }
  {
    g_autofree char *cmd = g_strdup_printf ("rm -rf '%s'", dir);
    if (system (cmd) != 0)
      g_printerr ("could not remove %s\n", dir);
  }
  return 0;
}
