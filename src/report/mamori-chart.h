/* mamori-chart.h — small charts drawn with Cairo and Pango, for the screen and for PDF */
#pragma once

#include <cairo.h>
#include <glib.h>

G_BEGIN_DECLS

typedef struct {
  double fg[4];       /* text */
  double track[4];    /* empty part of a bar, grid lines */
  double fill[4];     /* bars and the trend line */
  const char *font;   /* Pango family, NULL for the default */
  double font_size;   /* points */
} MamoriChartStyle;

typedef struct {
  const char *label;
  double value;       /* 0 … max (negative values draw as an empty bar) */
  double max;
} MamoriChartBar;

void   mamori_chart_style_default (MamoriChartStyle       *style);
/* Horizontal bars, one per row: label, bar, percentage. */
void   mamori_chart_draw_bars     (cairo_t                *cr,
                                   double                  width,
                                   double                  height,
                                   const MamoriChartBar   *bars,
                                   guint                   n_bars,
                                   const MamoriChartStyle *style);
/* A line through values (oldest first) on a min … max scale, each point labelled with its
 * value above and labels[i] below. */
void   mamori_chart_draw_trend    (cairo_t                *cr,
                                   double                  width,
                                   double                  height,
                                   const double           *values,
                                   const char * const     *labels,
                                   guint                   n_values,
                                   double                  min,
                                   double                  max,
                                   const MamoriChartStyle *style);
/* Height mamori_chart_draw_bars needs for n_bars rows. */
double mamori_chart_bars_height   (guint                   n_bars,
                                   const MamoriChartStyle *style);

G_END_DECLS
