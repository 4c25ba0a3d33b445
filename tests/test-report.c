/* test-report.c — Cairo/Pango output helpers */
#include "config.h"

#include <locale.h>
#include <math.h>
#include <stdio.h>
#include <pango/pangocairo.h>
#include <string.h>

#include "core/mamori-asset.h"
#include "core/mamori-catalog-private.h"
#include "core/mamori-csv.h"
#include "core/mamori-date.h"
#include "core/mamori-demo.h"
#include "core/mamori-display.h"
#include "core/mamori-heatmap-private.h"
#include "report/mamori-review.h"
#include "store/mamori-assessments.h"
#include "store/mamori-reviews.h"
#include "report/mamori-fonts.h"
#include "report/mamori-heatmap-draw.h"
#include "report/mamori-heatmap-draw-private.h"
#include "store/mamori-assets.h"
#include "store/mamori-workspace.h"

static gboolean
family_installed (const char *name)
{
  PangoFontFamily **families = NULL;
  int n = 0;
  gboolean found = FALSE;

  pango_font_map_list_families (pango_cairo_font_map_get_default (), &families, &n);
  for (int i = 0; i < n; i++)
    if (g_ascii_strcasecmp (pango_font_family_get_name (families[i]), name) == 0)
      found = TRUE;
  g_free (families);
  return found;
}

static void
test_pick_family (void)
{
  const char *missing_first[] = { "No Such Font Mamori", "DejaVu Sans", NULL };
  const char *none[] = { "No Such Font Mamori", "Another Missing Font", NULL };
  g_autofree char *warning = NULL;
  g_autofree char *family = NULL;

  if (!family_installed ("DejaVu Sans"))
    {
      g_test_skip ("DejaVu Sans is not installed");
      return;
    }
  family = mamori_report_pick_family (missing_first, &warning);
  g_assert_cmpstr (family, ==, "DejaVu Sans");
  g_assert_nonnull (warning);
  g_assert_nonnull (strstr (warning, "No Such Font Mamori"));
  g_assert_nonnull (strstr (warning, "DejaVu Sans"));

  g_clear_pointer (&family, g_free);
  g_clear_pointer (&warning, g_free);
  family = mamori_report_pick_family (none, &warning);
  g_assert_cmpstr (family, ==, "Sans");
  g_assert_nonnull (warning);

  /* A family listed under another name (IPAex Mincho is "IPAex明朝" under a Japanese locale)
   * is found by its alias and named by its first name, without a warning. */
  {
    const char *aliased[] = { "Mamori Alias Font|DejaVu Sans", NULL };
    g_clear_pointer (&family, g_free);
    g_clear_pointer (&warning, g_free);
    family = mamori_report_pick_family (aliased, &warning);
    g_assert_cmpstr (family, ==, "Mamori Alias Font");
    g_assert_null (warning);
  }
}

static void
test_document_fonts (void)
{
  g_autofree char *warning = NULL;
  g_autofree char *body = mamori_report_font_family (MAMORI_FONT_BODY, &warning);
  g_autofree char *heading = NULL;

  /* The project's dependencies install the IPAex fonts: no warning then. */
  g_assert_true (family_installed (body) || g_str_equal (body, "Sans"));
  if (family_installed ("IPAexMincho"))
    {
      g_assert_cmpstr (body, ==, "IPAexMincho");
      g_assert_null (warning);
    }
  g_clear_pointer (&warning, g_free);
  heading = mamori_report_font_family (MAMORI_FONT_HEADING, &warning);
  if (family_installed ("IPAexGothic"))
    {
      g_assert_cmpstr (heading, ==, "IPAexGothic");
      g_assert_null (warning);
    }
}

static char *
tmp_file (const char *name)
{
  static char *dir = NULL;
  if (dir == NULL)
    dir = g_dir_make_tmp ("mamori-report-XXXXXX", NULL);
  return g_build_filename (dir, name, NULL);
}

/* The demo ledger in a new workspace. */
static MamoriWorkspace *
demo_workspace (GPtrArray **assets_out)
{
  static guint serial = 0;
  g_autofree char *name = g_strdup_printf ("heatmap-%u.mamori", ++serial);
  g_autofree char *path = tmp_file (name);
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) problems = NULL;
  MamoriWorkspace *ws = mamori_workspace_open (path, MAMORI_WORKSPACE_OPEN_CREATE, &error);
  GPtrArray *assets = NULL;

  g_assert_no_error (error);
  g_assert_true (mamori_asset_csv_read (mamori_demo_assets_csv (), &assets, &problems, &error));
  /* Some planned measures, so the residual map differs. */
  for (guint i = 0; i < assets->len; i += 3)
    {
      MamoriAsset *a = assets->pdata[i];
      a->target_threat = 1;
      a->target_vulnerability = 1;
    }
  g_assert_true (mamori_workspace_add_assets (ws, assets, &error));
  *assets_out = assets;
  return ws;
}

static void
test_heatmap_cells (void)
{
  g_autoptr(GPtrArray) assets = NULL;
  g_autoptr(MamoriWorkspace) ws = demo_workspace (&assets);
  g_autoptr(GError) error = NULL;
  g_autoptr(GHashTable) threats = mamori_workspace_get_medium_threats (ws, &error);
  const MamoriRiskMatrix *matrices[] = { mamori_risk_matrix_ipa (), mamori_risk_matrix_gov5 () };

  /* Aggregated in SQL, cell by cell the same as the core's risk of every asset. */
  for (guint m = 0; m < 2; m++)
    for (int residual = 0; residual <= 1; residual++)
      {
        g_autoptr(MamoriHeatmap) sql = mamori_workspace_get_heatmap (ws, m ? MAMORI_RISK_METHOD_GOV5 : MAMORI_RISK_METHOD_IPA,
                                                                     residual, NULL, NULL, &error);
        g_autoptr(MamoriHeatmap) core = mamori_heatmap_new (matrices[m]);
        guint by_asset[4] = { 0 }, by_cell[4] = { 0 };
        g_assert_no_error (error);
        for (guint i = 0; i < assets->len; i++)
          {
            MamoriAsset *a = assets->pdata[i];
            MamoriAssetRisk r;
            guint p, c;
            int medium = mamori_medium_threat_lookup (threats, a->medium);
            if (residual)
              mamori_asset_compute_residual (a, medium, &r);
            else
              mamori_asset_compute_risk (a, medium, &r);
            mamori_heatmap_cell_of (matrices[m], &r, &p, &c);
            /* The cell's value is the asset's risk value. */
            g_assert_cmpint (mamori_risk_matrix_value (matrices[m], p, c), ==, m ? r.value5 : r.risk);
            mamori_heatmap_add (core, p, c, 1);
            by_asset[m ? r.level5 : (int) r.band]++;
          }
        g_assert_cmpuint (sql->total, ==, assets->len);
        /* Assets per level (the review report's band figures) = each asset's own level. */
        mamori_heatmap_level_counts (sql, by_cell);
        for (guint l = 0; l < matrices[m]->n_risk; l++)
          g_assert_cmpuint (by_cell[l], ==, by_asset[l]);
        for (guint p = 0; p < matrices[m]->n_probability; p++)
          for (guint c = 0; c < matrices[m]->n_impact; c++)
            {
              /* The ledger filtered to a cell lists exactly that cell's assets. */
              MamoriAssetQuery q = { .band = -1, .method = m, .residual = residual, .by_cell = TRUE,
                                     .cell_probability = p, .cell_impact = c, .sort = MAMORI_ASSET_SORT_ID };
              g_autoptr(GArray) ids = mamori_assets_query_ids (mamori_workspace_get_path (ws), &q, NULL, &error);
              g_assert_cmpuint (mamori_heatmap_count (sql, p, c), ==, mamori_heatmap_count (core, p, c));
              g_assert_cmpuint (ids->len, ==, mamori_heatmap_count (core, p, c));
            }
      }
  /* The threat × vulnerability grid: each asset in the cell of its threat (its own, or its
   * medium's) and vulnerability, now and after its planned measure; the ledger filtered to a
   * cell lists the same assets. */
  for (int residual = 0; residual <= 1; residual++)
    {
      g_autoptr(MamoriHeatmap) sql = mamori_workspace_get_likelihood_heatmap (ws, residual, NULL, NULL, &error);
      guint expected[9] = { 0 };
      g_assert_no_error (error);
      for (guint i = 0; i < assets->len; i++)
        {
          MamoriAsset *a = assets->pdata[i];
          int threat = a->threat > 0 ? a->threat : mamori_medium_threat_lookup (threats, a->medium);
          int vulnerability = a->vulnerability;
          if (residual && a->target_threat > 0)
            threat = a->target_threat;
          if (residual && a->target_vulnerability > 0)
            vulnerability = a->target_vulnerability;
          expected[(threat - 1) * 3 + vulnerability - 1]++;
        }
      for (guint p = 0; p < 3; p++)
        for (guint c = 0; c < 3; c++)
          {
            MamoriAssetQuery q = { .band = -1, .method = MAMORI_RISK_METHOD_IPA, .residual = residual, .by_cell = TRUE,
                                   .cell_likelihood = TRUE, .cell_probability = p, .cell_impact = c,
                                   .sort = MAMORI_ASSET_SORT_ID };
            g_autoptr(GArray) ids = mamori_assets_query_ids (mamori_workspace_get_path (ws), &q, NULL, &error);
            g_assert_cmpuint (mamori_heatmap_count (sql, p, c), ==, expected[p * 3 + c]);
            g_assert_cmpuint (ids->len, ==, expected[p * 3 + c]);
          }
    }
  /* Filters: one department's assets only. */
  {
    g_autoptr(MamoriHeatmap) sales = mamori_workspace_get_heatmap (ws, MAMORI_RISK_METHOD_IPA, FALSE, "営業部", NULL, &error);
    guint n = 0;
    for (guint i = 0; i < assets->len; i++)
      n += g_strcmp0 (((MamoriAsset *) assets->pdata[i])->managing_department, "営業部") == 0;
    g_assert_cmpuint (n, >, 0);
    g_assert_cmpuint (sales->total, ==, n);
  }
}

static void
test_heatmap_png (void)
{
  g_autoptr(GPtrArray) assets = NULL;
  g_autoptr(MamoriWorkspace) ws = demo_workspace (&assets);
  g_autoptr(GError) error = NULL;
  MamoriHeatmapLabels labels = { NULL, "株式会社サンプル製作所", "ja" };

  for (int m = 0; m < 3; m++)
    {
      /* IPA, the 5 × 5 grid, and the threat × vulnerability grid. */
      g_autoptr(MamoriHeatmap) heatmap = m < 2 ? mamori_workspace_get_heatmap (ws, m, FALSE, NULL, NULL, &error)
                                               : mamori_workspace_get_likelihood_heatmap (ws, FALSE, NULL, NULL, &error);
      g_autofree char *path = tmp_file (m == 2 ? "likelihood.png" : m ? "gov5.png" : "ipa.png");
      cairo_surface_t *png;
      guint cells = 0;

      g_assert_true (mamori_heatmap_export (heatmap, &labels, path, 1920, 1080, &error));
      g_assert_no_error (error);
      png = cairo_image_surface_create_from_png (path);
      g_assert_cmpint (cairo_surface_status (png), ==, CAIRO_STATUS_SUCCESS);
      g_assert_cmpint (cairo_image_surface_get_width (png), ==, 1920);
      /* The pixel at each cell's centre has the colour of that cell's level. */
      for (guint p = 0; p < heatmap->matrix->n_probability; p++)
        for (guint c = 0; c < heatmap->matrix->n_impact; c++)
          {
            double x, y, rgb[3];
            guint32 pixel;
            mamori_heatmap_cell_centre (heatmap, 1920, 1080, p, c, &x, &y);
            mamori_heatmap_level_rgb (heatmap->matrix, mamori_risk_matrix_level (heatmap->matrix, p, c), rgb);
            pixel = *(guint32 *) (cairo_image_surface_get_data (png) + (int) y * cairo_image_surface_get_stride (png) + (int) x * 4);
            g_assert_cmpint ((pixel >> 16) & 0xff, ==, (int) round (rgb[0] * 255));
            g_assert_cmpint ((pixel >> 8) & 0xff, ==, (int) round (rgb[1] * 255));
            g_assert_cmpint (pixel & 0xff, ==, (int) round (rgb[2] * 255));
            cells++;
          }
      g_assert_cmpuint (cells, ==, m == 1 ? 25 : 9);
      cairo_surface_destroy (png);
    }
}

typedef struct {
  const MamoriRiskMatrix *matrix;
  guint per_level[8];
  guint elements;
} SvgCount;

/* Counts the shapes filled with each level's colour (cairo writes fill:rgb(R%,G%,B%)). */
static void
svg_element (GMarkupParseContext *context,
             const char          *element,
             const char         **names,
             const char         **values,
             gpointer             user_data,
             GError             **error)
{
  SvgCount *count = user_data;

  count->elements++;
  for (guint i = 0; names[i]; i++)
    {
      const char *fill = g_str_equal (names[i], "style") ? strstr (values[i], "fill:rgb(") : NULL;
      double r, g, b;
      if (fill == NULL || sscanf (fill, "fill:rgb(%lf%%,%lf%%,%lf%%)", &r, &g, &b) != 3)
        continue;
      for (guint level = 0; level < count->matrix->n_risk; level++)
        {
          double rgb[3];
          mamori_heatmap_level_rgb (count->matrix, level, rgb);
          if (fabs (rgb[0] * 100 - r) < 0.5 && fabs (rgb[1] * 100 - g) < 0.5 && fabs (rgb[2] * 100 - b) < 0.5)
            count->per_level[level]++;
        }
    }
}

static void
test_heatmap_svg_pdf (void)
{
  g_autoptr(GPtrArray) assets = NULL;
  g_autoptr(MamoriWorkspace) ws = demo_workspace (&assets);
  g_autoptr(GError) error = NULL;
  g_autoptr(MamoriHeatmap) heatmap = mamori_workspace_get_heatmap (ws, MAMORI_RISK_METHOD_GOV5, TRUE, NULL, NULL, &error);
  g_autofree char *svg = tmp_file ("map.svg");
  g_autofree char *pdf = tmp_file ("map.pdf");
  g_autofree char *text = NULL;
  GMarkupParser parser = { svg_element, NULL, NULL, NULL, NULL };
  SvgCount count = { heatmap->matrix, { 0 }, 0 };
  GMarkupParseContext *context;
  gsize length;

  g_assert_true (mamori_heatmap_export (heatmap, NULL, svg, 900, 640, &error));
  g_assert_true (g_file_get_contents (svg, &text, &length, NULL));
  /* Well-formed XML, one shape per cell in its level's colour plus one legend swatch. */
  context = g_markup_parse_context_new (&parser, 0, &count, NULL);
  g_assert_true (g_markup_parse_context_parse (context, text, length, &error));
  g_assert_true (g_markup_parse_context_end_parse (context, &error));
  g_assert_no_error (error);
  g_markup_parse_context_free (context);
  for (guint level = 0; level < heatmap->matrix->n_risk; level++)
    {
      guint cells = 0;
      for (guint p = 0; p < 5; p++)
        for (guint c = 0; c < 5; c++)
          cells += mamori_risk_matrix_level (heatmap->matrix, p, c) == (int) level;
      g_assert_cmpuint (count.per_level[level], ==, cells + 1);
    }
  g_assert_true (mamori_heatmap_export (heatmap, NULL, pdf, 900, 640, &error));
  g_clear_pointer (&text, g_free);
  g_assert_true (g_file_get_contents (pdf, &text, NULL, NULL));
  g_assert_true (g_str_has_prefix (text, "%PDF-"));

  /* A wrong extension or size is refused before anything is written; an unwritable place too. */
  g_assert_false (mamori_heatmap_export (heatmap, NULL, "map.gif", 900, 640, &error));
  g_assert_error (error, G_FILE_ERROR, G_FILE_ERROR_INVAL);
  g_clear_error (&error);
  g_assert_false (mamori_heatmap_export (heatmap, NULL, svg, 10, 10, &error));
  g_clear_error (&error);
  g_assert_false (mamori_heatmap_export (heatmap, NULL, "/nonexistent-dir/map.png", 900, 640, &error));
  g_assert_nonnull (strstr (error->message, "/nonexistent-dir/map.png"));
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

/* Short titles and item labels: built-ins by the table, others by their name. */
static void
test_display_names (void)
{
  g_autoptr(MamoriCatalog) catalog = mamori_catalog_new ();
  g_autoptr(GError) error = NULL;
  g_autofree char *a = NULL, *b = NULL, *c = NULL, *d = NULL;

  g_assert_true (mamori_catalog_load_builtin (catalog, &error));
  a = mamori_measure_source_label ("ipa-self-diagnosis" MAMORI_SOURCE_SEPARATOR "21", catalog, "ja");
  g_assert_cmpstr (a, ==, "自社診断 No.21");
  b = mamori_measure_source_label ("ipa-self-diagnosis" MAMORI_SOURCE_SEPARATOR "21", catalog, "en");
  g_assert_cmpstr (b, ==, "Self-diagnosis No.21");
  c = mamori_measure_source_label ("meti-csm-check" MAMORI_SOURCE_SEPARATOR "A.1.1", NULL, "ja");
  g_assert_cmpstr (c, ==, "経営チェック A.1.1");
  /* An asset's name as it is. */
  d = mamori_measure_source_label ("顧客名簿", catalog, "ja");
  g_assert_cmpstr (d, ==, "顧客名簿");
  for (guint i = 0; mamori_catalog_builtin_ids ()[i]; i++)
    {
      g_assert_nonnull (mamori_builtin_short_title (mamori_catalog_builtin_ids ()[i], "ja"));
      g_assert_nonnull (mamori_builtin_short_title (mamori_catalog_builtin_ids ()[i], "en"));
    }
  g_assert_null (mamori_builtin_short_title ("my-own-list", "ja"));
}

/* What management reads names no internal identifier and not the software, and prints dates
 * the way the reader writes them. */
static void
test_review_and_audit_text (void)
{
  g_autofree char *path = tmp_file ("review.mamori");
  g_autoptr(GError) error = NULL;
  g_autoptr(MamoriWorkspace) ws = mamori_workspace_open (path, MAMORI_WORKSPACE_OPEN_CREATE, &error);
  g_autoptr(MamoriCatalog) catalog = mamori_catalog_new ();
  g_autoptr(MamoriProfile) profile = mamori_demo_profile ();
  const MamoriChecklist *self_diagnosis, *mandatory;
  gint64 sd, audit;

  g_assert_no_error (error);
  g_assert_true (mamori_catalog_load_builtin (catalog, &error));
  self_diagnosis = mamori_catalog_find (catalog, "ipa-self-diagnosis");
  mandatory = mamori_catalog_find (catalog, "tech-info-mandatory");
  g_assert_true (mamori_workspace_set_profile (ws, profile, &error));
  sd = mamori_workspace_create_assessment (ws, "ipa-self-diagnosis", NULL, "2025-04-01", "山田 花子", &error);
  g_assert_no_error (error);
  for (guint i = 0; i < self_diagnosis->items->len; i++)
    g_assert_true (mamori_workspace_set_answer (ws, sd, ((MamoriNode *) self_diagnosis->items->pdata[i])->ref_id, 1, 1, FALSE, &error));
  g_assert_true (mamori_workspace_set_measure (ws, sd, "21", "パスワードの規則を決める", "守田 一郎", "2026-01-31", &error));
  g_assert_true (mamori_workspace_complete_assessment (ws, sd, NULL, &error));
  audit = mamori_workspace_create_assessment (ws, "tech-info-mandatory", NULL, "2026-03-02", "守田 一郎", &error);
  g_assert_no_error (error);
  g_assert_cmpint (mamori_workspace_add_corrective_action (ws, audit, "1-1", "規程を改める", "山田 花子", "2026-02-28", &error), >, 0);

  mamori_date_set_default_style (MAMORI_DATE_WESTERN);
  for (int en = 0; en < 2; en++)
    {
      g_autoptr(MamoriReport) review = mamori_review_report_new (ws, catalog, "2026-04-01", en ? "en" : "ja", &error);
      g_autoptr(MamoriReport) report = NULL;
      const char *md;
      g_assert_no_error (error);
      md = mamori_report_get_markdown (review);
      assert_has (md, en ? "Self-diagnosis No.21" : "自社診断 No.21");
      assert_has (md, en ? "Tech-info certification 1-1" : "技術情報管理認証 1-1");
      assert_has (md, en ? "1 April 2026" : "2026年4月1日");
      assert_has (md, en ? "31 January 2026" : "2026年1月31日");
      assert_lacks (md, "ipa-self-diagnosis");
      assert_lacks (md, "tech-info-mandatory");
      assert_lacks (md, "2026-01-31");
      assert_lacks (md, "Mamori");

      report = mamori_audit_report_new (ws, mandatory, audit, "2026-04-01", en ? "en" : "ja", FALSE, &error);
      g_assert_no_error (error);
      md = mamori_report_get_markdown (report);
      assert_has (md, en ? "this report's rule" : "この報告書で定めた");
      assert_has (md, en ? "2 March 2026" : "2026年3月2日");
      assert_has (md, en ? "28 February 2026" : "2026年2月28日");
      assert_lacks (md, "tech-info-mandatory");
      assert_lacks (md, "Mamori");
    }
  /* 和暦: the era's year. */
  mamori_date_set_default_style (MAMORI_DATE_ERA);
  {
    g_autoptr(MamoriReport) review = mamori_review_report_new (ws, catalog, "2026-04-01", "ja", &error);
    g_assert_no_error (error);
    assert_has (mamori_report_get_markdown (review), "令和8年4月1日");
  }
  mamori_date_set_default_style (MAMORI_DATE_ISO);
}

int
main (int argc, char *argv[])
{
  setlocale (LC_ALL, "");
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/report/fonts/pick-family", test_pick_family);
  g_test_add_func ("/report/fonts/document-fonts", test_document_fonts);
  g_test_add_func ("/report/heatmap/cells", test_heatmap_cells);
  g_test_add_func ("/report/heatmap/png", test_heatmap_png);
  g_test_add_func ("/report/heatmap/svg-pdf", test_heatmap_svg_pdf);
  g_test_add_func ("/report/display-names", test_display_names);
  g_test_add_func ("/report/review-and-audit-text", test_review_and_audit_text);
  return g_test_run ();
}
