/* mamori-chart.c — bar and trend charts */
#include "config.h"

#include <math.h>
#include <pango/pangocairo.h>

#include "mamori-chart.h"

void
mamori_chart_style_default (MamoriChartStyle *style)
{
  static const MamoriChartStyle d = {
    { 0.14, 0.14, 0.16, 1 },
    { 0.85, 0.85, 0.87, 1 },
    { 0.21, 0.52, 0.89, 1 },   /* GNOME blue 3 */
    NULL, 10,
  };
  *style = d;
}

static PangoLayout *
make_layout (cairo_t                *cr,
             const MamoriChartStyle *style,
             const char             *text,
             gboolean                bold)
{
  PangoLayout *layout = pango_cairo_create_layout (cr);
  PangoFontDescription *font = pango_font_description_new ();

  pango_font_description_set_family (font, style->font ? style->font : "Sans");
  pango_font_description_set_absolute_size (font, style->font_size * PANGO_SCALE * 96.0 / 72.0);
  if (bold)
    pango_font_description_set_weight (font, PANGO_WEIGHT_BOLD);
  pango_layout_set_font_description (layout, font);
  pango_layout_set_text (layout, text, -1);
  pango_font_description_free (font);
  return layout;
}

static double
row_height (const MamoriChartStyle *style)
{
  return style->font_size * 96.0 / 72.0 * 2.2;
}

double
mamori_chart_bars_height (guint                   n_bars,
                          const MamoriChartStyle *style)
{
  return n_bars * row_height (style);
}

static void
set_rgba (cairo_t      *cr,
          const double  c[4])
{
  cairo_set_source_rgba (cr, c[0], c[1], c[2], c[3]);
}

static void
rounded_rect (cairo_t *cr,
              double   x,
              double   y,
              double   w,
              double   h,
              double   r)
{
  r = MIN (r, MIN (w, h) / 2);
  cairo_new_sub_path (cr);
  cairo_arc (cr, x + w - r, y + r, r, -G_PI / 2, 0);
  cairo_arc (cr, x + w - r, y + h - r, r, 0, G_PI / 2);
  cairo_arc (cr, x + r, y + h - r, r, G_PI / 2, G_PI);
  cairo_arc (cr, x + r, y + r, r, G_PI, 3 * G_PI / 2);
  cairo_close_path (cr);
}

void
mamori_chart_draw_bars (cairo_t                *cr,
                        double                  width,
                        double                  height,
                        const MamoriChartBar   *bars,
                        guint                   n_bars,
                        const MamoriChartStyle *style)
{
  double rh = row_height (style);
  double label_w = 0, value_w = 0;

  /* Column widths from the widest label and value text. */
  for (guint i = 0; i < n_bars; i++)
    {
      g_autoptr(PangoLayout) l = make_layout (cr, style, bars[i].label, FALSE);
      g_autoptr(PangoLayout) v = make_layout (cr, style, "100%", TRUE);
      int w, h;
      pango_layout_get_pixel_size (l, &w, &h);
      label_w = MAX (label_w, w);
      pango_layout_get_pixel_size (v, &w, &h);
      value_w = MAX (value_w, w);
    }
  label_w = MIN (label_w, width * 0.45);

  for (guint i = 0; i < n_bars && (i + 1) * rh <= height + 0.5; i++)
    {
      double y = i * rh;
      double bar_x = label_w + 12, bar_w = MAX (width - bar_x - value_w - 12, 10);
      double bar_h = rh * 0.42, bar_y = y + (rh - bar_h) / 2;
      double fraction = bars[i].max > 0 ? CLAMP (bars[i].value / bars[i].max, 0, 1) : 0;
      g_autofree char *pct = g_strdup_printf ("%.0f%%", fraction * 100);
      g_autoptr(PangoLayout) label = make_layout (cr, style, bars[i].label, FALSE);
      g_autoptr(PangoLayout) value = make_layout (cr, style, pct, TRUE);
      int w, h;

      pango_layout_set_width (label, (int) (label_w * PANGO_SCALE));
      pango_layout_set_ellipsize (label, PANGO_ELLIPSIZE_END);
      pango_layout_get_pixel_size (label, &w, &h);
      set_rgba (cr, style->fg);
      cairo_move_to (cr, 0, y + (rh - h) / 2);
      pango_cairo_show_layout (cr, label);

      set_rgba (cr, style->track);
      rounded_rect (cr, bar_x, bar_y, bar_w, bar_h, bar_h / 2);
      cairo_fill (cr);
      if (fraction > 0)
        {
          set_rgba (cr, style->fill);
          rounded_rect (cr, bar_x, bar_y, MAX (bar_w * fraction, bar_h), bar_h, bar_h / 2);
          cairo_fill (cr);
        }

      pango_layout_get_pixel_size (value, &w, &h);
      set_rgba (cr, style->fg);
      cairo_move_to (cr, width - w, y + (rh - h) / 2);
      pango_cairo_show_layout (cr, value);
    }
}

void
mamori_chart_draw_trend (cairo_t                *cr,
                         double                  width,
                         double                  height,
                         const double           *values,
                         const char * const     *labels,
                         guint                   n_values,
                         double                  min,
                         double                  max,
                         const MamoriChartStyle *style)
{
  double text_h = style->font_size * 96.0 / 72.0 * 1.5;
  double top = text_h + 4, bottom = height - text_h - 4;
  double left = 24, right = width - 24;
  double range = max > min ? max - min : 1;

  if (n_values == 0 || bottom <= top)
    return;

  /* Base line at min. */
  set_rgba (cr, style->track);
  cairo_set_line_width (cr, 1);
  cairo_move_to (cr, left, bottom + 0.5);
  cairo_line_to (cr, right, bottom + 0.5);
  cairo_stroke (cr);

  set_rgba (cr, style->fill);
  cairo_set_line_width (cr, 2.5);
  for (guint i = 0; i < n_values; i++)
    {
      double x = n_values > 1 ? left + (right - left) * i / (n_values - 1) : (left + right) / 2;
      double y = bottom - (bottom - top) * (CLAMP (values[i], min, max) - min) / range;
      if (i == 0)
        cairo_move_to (cr, x, y);
      else
        cairo_line_to (cr, x, y);
    }
  cairo_stroke (cr);

  for (guint i = 0; i < n_values; i++)
    {
      double x = n_values > 1 ? left + (right - left) * i / (n_values - 1) : (left + right) / 2;
      double y = bottom - (bottom - top) * (CLAMP (values[i], min, max) - min) / range;
      char buf[G_ASCII_DTOSTR_BUF_SIZE];
      g_autoptr(PangoLayout) value = make_layout (cr, style, g_ascii_formatd (buf, sizeof buf, "%g", values[i]), TRUE);
      g_autoptr(PangoLayout) label = make_layout (cr, style, labels ? labels[i] : "", FALSE);
      int w, h;

      set_rgba (cr, style->fill);
      cairo_arc (cr, x, y, 4.5, 0, 2 * G_PI);
      cairo_fill (cr);
      set_rgba (cr, style->fg);
      pango_layout_get_pixel_size (value, &w, &h);
      cairo_move_to (cr, CLAMP (x - w / 2.0, 0, width - w), MAX (y - h - 6, 0));
      pango_cairo_show_layout (cr, value);
      pango_layout_get_pixel_size (label, &w, &h);
      cairo_move_to (cr, CLAMP (x - w / 2.0, 0, width - w), bottom + 4);
      pango_cairo_show_layout (cr, label);
    }
}
