/* mamori-heatmap-draw.c — the risk heatmap, drawn once for every output.
 *
 * Each cell carries its level's colour (Okabe–Ito, colour-blind safe) and also its level's text
 * and value, so nothing depends on colour alone. Counts are bubbles in the cell's lower right
 * corner, leaving the cell's centre in the level colour. */
#include "config.h"

#include <cairo-svg.h>
#include <glib/gi18n.h>
#include <math.h>
#include <pango/pangocairo.h>
#include <string.h>

#include "mamori-fonts.h"
#include "mamori-heatmap-draw.h"
#include "mamori-heatmap-draw-private.h"
#include "mamori-output.h"
#include "mamori-pdf-finish.h"

typedef struct {
  gboolean legend_below;   /* narrow drawings: the legend goes under the grid */
  double legend_y;
  double s;          /* type scale */
  double x0, y0;     /* grid origin (top left) */
  double cw, ch;     /* cell size */
  double legend_x;
  double title_y;
} Geometry;

/* Axis names and legend: 14 units in the wide drawing (at least 18 px on a 1920 × 1080 slide,
 * whose drawing scale is about 1.3), 11 in the narrow one with its two-column legend. */
#define LABEL_SIZE(g) (((g).legend_below ? 11.0 : 14.0) * (g).s)

static void
geometry (const MamoriHeatmap *h,
          double               width,
          double               height,
          Geometry            *g)
{
  double margin, left, bottom, legend, title;

  g->legend_below = width < height * 1.1;
  g->s = g->legend_below ? MIN (width / 620.0, height / 760.0) : MIN (width / 900.0, height / 640.0);
  margin = 20 * g->s;
  left = 120 * g->s;
  bottom = g->legend_below ? 80 * g->s + 60 * g->s * ((h->matrix->n_risk + 1) / 2) : 70 * g->s;
  legend = g->legend_below ? 0 : 230 * g->s;
  title = 70 * g->s;
  g->title_y = margin;
  g->x0 = margin + left;
  g->y0 = margin + title;
  g->cw = (width - g->x0 - legend - 2 * margin) / h->matrix->n_impact;
  g->ch = (height - g->y0 - bottom - margin) / h->matrix->n_probability;
  g->legend_x = g->legend_below ? margin : width - legend - margin / 2;
  g->legend_y = g->legend_below ? g->y0 + h->matrix->n_probability * g->ch + 70 * g->s : g->y0;
}

void
mamori_heatmap_cell_centre (const MamoriHeatmap *h,
                            double               width,
                            double               height,
                            guint                probability,
                            guint                impact,
                            double              *x,
                            double              *y)
{
  Geometry g;

  geometry (h, width, height, &g);
  *x = g.x0 + (impact + 0.5) * g.cw;
  *y = g.y0 + (h->matrix->n_probability - 1 - probability + 0.5) * g.ch;
}

gboolean
mamori_heatmap_cell_at (const MamoriHeatmap *h,
                        double               width,
                        double               height,
                        double               x,
                        double               y,
                        guint               *probability,
                        guint               *impact)
{
  Geometry g;
  int column, row;

  geometry (h, width, height, &g);
  if (x < g.x0 || y < g.y0 || g.cw <= 0 || g.ch <= 0)
    return FALSE;
  column = (int) ((x - g.x0) / g.cw);
  row = (int) ((y - g.y0) / g.ch);
  if (column >= (int) h->matrix->n_impact || row >= (int) h->matrix->n_probability)
    return FALSE;
  *impact = column;
  *probability = h->matrix->n_probability - 1 - row;
  return TRUE;
}

/* Text at (x, y) within width; align 0 left, 0.5 centre, 1 right; returns its height. */
static double
text (cairo_t    *cr,
      const char *family,
      double      size,
      gboolean    bold,
      const char *str,
      double      x,
      double      y,
      double      width,
      double      align)
{
  PangoLayout *layout = pango_cairo_create_layout (cr);
  PangoFontDescription *desc = pango_font_description_from_string (family);
  int w, h;

  pango_font_description_set_absolute_size (desc, size * PANGO_SCALE);
  if (bold)
    pango_font_description_set_weight (desc, PANGO_WEIGHT_BOLD);
  pango_layout_set_font_description (layout, desc);
  pango_layout_set_width (layout, (int) (width * PANGO_SCALE));
  pango_layout_set_wrap (layout, PANGO_WRAP_WORD_CHAR);
  pango_layout_set_alignment (layout, align < 0.25 ? PANGO_ALIGN_LEFT : align > 0.75 ? PANGO_ALIGN_RIGHT : PANGO_ALIGN_CENTER);
  pango_layout_set_text (layout, str, -1);
  pango_layout_get_pixel_size (layout, &w, &h);
  cairo_move_to (cr, x, y);
  pango_cairo_show_layout (cr, layout);
  pango_font_description_free (desc);
  g_object_unref (layout);
  return h;
}

void
mamori_heatmap_draw (cairo_t                   *cr,
                     const MamoriHeatmap       *h,
                     const MamoriHeatmapLabels *labels,
                     double                     width,
                     double                     height)
{
  const MamoriRiskMatrix *m = h->matrix;
  gboolean en = labels && g_strcmp0 (labels->lang, "en") == 0;
  g_autofree char *family = mamori_report_font_family (MAMORI_FONT_HEADING, NULL);
  guint max_count = 1;
  Geometry g;

  geometry (h, width, height, &g);
  for (guint i = 0; i < m->n_probability * m->n_impact; i++)
    max_count = MAX (max_count, h->counts[i]);

  cairo_save (cr);
  cairo_set_source_rgb (cr, 1, 1, 1);
  cairo_rectangle (cr, 0, 0, width, height);
  cairo_fill (cr);

  /* Title and subtitle. */
  cairo_set_source_rgb (cr, 0.1, 0.1, 0.1);
  {
    const char *title = labels && labels->title ? labels->title : en ? m->name_en : m->name_ja;
    double y = g.title_y;
    y += text (cr, family, 20 * g.s, TRUE, title, 20 * g.s, y, width - 40 * g.s, 0);
    if (labels && labels->subtitle)
      text (cr, family, 12 * g.s, FALSE, labels->subtitle, 20 * g.s, y + 2 * g.s, width - 40 * g.s, 0);
  }

  /* The cells. */
  for (guint p = 0; p < m->n_probability; p++)
    for (guint i = 0; i < m->n_impact; i++)
      {
        int level = mamori_risk_matrix_level (m, p, i);
        int value = mamori_risk_matrix_value (m, p, i);
        guint count = mamori_heatmap_count (h, p, i);
        double x = g.x0 + i * g.cw, y = g.y0 + (m->n_probability - 1 - p) * g.ch;
        double rgb[3];
        g_autofree char *label = g_strdup_printf ("%s %d", m->risk[level].abbreviation, value);

        mamori_heatmap_level_rgb (m, level, rgb);
        cairo_set_source_rgb (cr, rgb[0], rgb[1], rgb[2]);
        cairo_rectangle (cr, x, y, g.cw, g.ch);
        cairo_fill (cr);
        cairo_set_source_rgb (cr, 1, 1, 1);
        cairo_set_line_width (cr, 2 * g.s);
        cairo_rectangle (cr, x, y, g.cw, g.ch);
        cairo_stroke (cr);
        /* Text colour readable on the level colour (the darkest level takes white). */
        if (level == (int) m->n_risk - 1)
          cairo_set_source_rgb (cr, 1, 1, 1);
        else
          cairo_set_source_rgb (cr, 0, 0, 0);
        text (cr, family, (g.legend_below ? 13 : 14) * g.s, TRUE, label, x + 6 * g.s, y + 4 * g.s, g.cw - 12 * g.s, 0);
        if (labels != NULL && labels->compare != NULL)
          {
            int change = (int) count - (int) mamori_heatmap_count (labels->compare, p, i);
            if (change != 0)
              {
                g_autofree char *delta = g_strdup_printf (change > 0 ? "+%d" : "−%d", ABS (change));
                text (cr, family, 12 * g.s, TRUE, delta, x + 6 * g.s, y + g.ch - 22 * g.s, g.cw / 2, 0);
              }
          }
        if (count > 0)
          {
            double r = (9 + 11 * sqrt ((double) count / max_count)) * g.s;
            double cx = x + g.cw - r - 5 * g.s, cy = y + g.ch - r - 5 * g.s;
            g_autofree char *number = g_strdup_printf ("%u", count);
            r = MIN (r, MIN (g.cw, g.ch) * 0.25);
            cx = x + g.cw - r - 5 * g.s;
            cy = y + g.ch - r - 5 * g.s;
            cairo_new_sub_path (cr);
            cairo_arc (cr, cx, cy, r, 0, 2 * G_PI);
            cairo_set_source_rgb (cr, 1, 1, 1);
            cairo_fill_preserve (cr);
            cairo_set_source_rgb (cr, 0.15, 0.15, 0.15);
            cairo_set_line_width (cr, 1.2 * g.s);
            cairo_stroke (cr);
            text (cr, family, MAX (7.0, r * 0.9), TRUE, number, cx - r * 1.5, cy - r * 0.62, r * 3, 0.5);
          }
      }

  /* Axes: likelihood up the left, impact (importance) along the bottom. */
  cairo_set_source_rgb (cr, 0.1, 0.1, 0.1);
  for (guint p = 0; p < m->n_probability; p++)
    {
      const MamoriRiskLevel *l = &m->probability[p];
      g_autofree char *name = g_strdup_printf ("%s %s", l->abbreviation, en ? l->name_en : l->name_ja);
      double y = g.y0 + (m->n_probability - 1 - p) * g.ch + g.ch / 2 - 8 * g.s;
      text (cr, family, LABEL_SIZE (g), FALSE, name, 20 * g.s, y, g.x0 - 28 * g.s, 1);
    }
  for (guint i = 0; i < m->n_impact; i++)
    {
      const MamoriRiskLevel *l = &m->impact[i];
      const char *name = m->impact_by_name ? (en ? l->name_en : l->name_ja) : l->abbreviation;
      text (cr, family, LABEL_SIZE (g), FALSE, name, g.x0 + i * g.cw, g.y0 + m->n_probability * g.ch + 6 * g.s, g.cw, 0.5);
    }
  text (cr, family, LABEL_SIZE (g) + 1 * g.s, TRUE,
        en ? m->impact_axis_en : m->impact_axis_ja,
        g.x0, g.y0 + m->n_probability * g.ch + 30 * g.s, m->n_impact * g.cw, 0.5);
  text (cr, family, LABEL_SIZE (g) + 1 * g.s, TRUE,
        en ? m->probability_axis_en : m->probability_axis_ja,
        20 * g.s, g.y0 - 26 * g.s, g.x0 + 100 * g.s, 0);

  /* Legend: every level, highest first, with what to do about it. */
  {
    double y = g.legend_y, x = g.legend_x, column_width = g.legend_below ? (width - 2 * g.legend_x) / 2 : 0;
    int n = 0;
    for (int level = (int) m->n_risk - 1; level >= 0; level--, n++)
      {
        const MamoriRiskLevel *l = &m->risk[level];
        const char *name = en ? l->name_en : l->name_ja;
        /* "大 Large" in English; in Japanese the abbreviation is the name (大), or 最高 for 非常に高い. */
        g_autofree char *entry = g_str_equal (name, l->abbreviation)
          ? g_strdup_printf ("%s\n%s", name, en ? l->description_en : l->description_ja)
          : g_strdup_printf ("%s %s\n%s", l->abbreviation, name, en ? l->description_en : l->description_ja);
        double rgb[3];
        double used;
        if (g.legend_below)
          {
            /* Two columns under the grid. */
            x = g.legend_x + (n % 2) * column_width;
            y = g.legend_y + (n / 2) * 54 * g.s;
          }
        mamori_heatmap_level_rgb (m, level, rgb);
        cairo_set_source_rgb (cr, rgb[0], rgb[1], rgb[2]);
        cairo_rectangle (cr, x, y + 2 * g.s, 18 * g.s, 18 * g.s);
        cairo_fill (cr);
        cairo_set_source_rgb (cr, 0.1, 0.1, 0.1);
        used = text (cr, family, LABEL_SIZE (g), FALSE, entry, x + 26 * g.s, y,
                     g.legend_below ? column_width - 34 * g.s : 190 * g.s, 0);
        if (!g.legend_below)
          y += MAX (used, 22 * g.s) + 10 * g.s;
      }
    if (g.legend_below)
      y = g.legend_y + ((m->n_risk + 1) / 2) * 54 * g.s - 10 * g.s;
    {
      g_autofree char *total = g_strdup_printf (en ? "%u assets%s" : "資産 %u 件%s", h->total,
                                                h->residual ? (en ? " (after planned measures)" : "（計画した対策の実施後）") : "");
      text (cr, family, LABEL_SIZE (g), FALSE, total, g.legend_x, y + 6 * g.s, g.legend_below ? width - 2 * g.legend_x : 200 * g.s, 0);
    }
  }
  cairo_restore (cr);
}

gboolean
mamori_heatmap_export (const MamoriHeatmap       *h,
                       const MamoriHeatmapLabels *labels,
                       const char                *path,
                       int                        width,
                       int                        height,
                       GError                   **error)
{
  g_autofree char *tmp = NULL;
  g_autofree char *lower = g_ascii_strdown (path, -1);
  cairo_surface_t *surface;
  cairo_status_t status;
  cairo_t *cr;
  gboolean png = g_str_has_suffix (lower, ".png");

  if (!png && !g_str_has_suffix (lower, ".svg") && !g_str_has_suffix (lower, ".pdf"))
    {
      g_set_error (error, G_FILE_ERROR, G_FILE_ERROR_INVAL, _("“%s”: a heatmap is written as .png, .svg or .pdf."), path);
      return FALSE;
    }
  if (width < 200 || height < 150 || width > 10000 || height > 10000)
    {
      g_set_error (error, G_FILE_ERROR, G_FILE_ERROR_INVAL, _("A heatmap of %d × %d cannot be drawn: use 200 × 150 to 10000 × 10000."),
                   width, height);
      return FALSE;
    }
  if (g_str_has_suffix (lower, ".pdf"))
    {
      /* Drawn in memory and rewritten like every PDF (mamori-pdf-finish.h). */
      gboolean ok;

      surface = mamori_pdf_surface_new (width, height);
      cr = cairo_create (surface);
      mamori_heatmap_draw (cr, h, labels, width, height);
      cairo_destroy (cr);
      ok = mamori_pdf_surface_write (surface, path, error);
      cairo_surface_destroy (surface);
      return ok;
    }
  tmp = mamori_output_begin (path, error);
  if (tmp == NULL)
    return FALSE;
  if (png)
    surface = cairo_image_surface_create (CAIRO_FORMAT_RGB24, width, height);
  else
    surface = cairo_svg_surface_create (tmp, width, height);
  cr = cairo_create (surface);
  mamori_heatmap_draw (cr, h, labels, width, height);
  cairo_destroy (cr);
  if (png)
    status = cairo_surface_write_to_png (surface, tmp);
  else
    {
      cairo_surface_finish (surface);
      status = cairo_surface_status (surface);
    }
  cairo_surface_destroy (surface);
  if (status != CAIRO_STATUS_SUCCESS)
    {
      mamori_output_abort (tmp, path, cairo_status_to_string (status), error);
      return FALSE;
    }
  return mamori_output_commit (tmp, path, error);
}
