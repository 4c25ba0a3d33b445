/* mamori-document.h — the layout engine: Markdown to A4 pages (title page with approval boxes,
 * table of contents, numbered headings, lists, tables with repeated headers, headers and
 * footers "n / N"), drawn with Cairo and Pango. The same pages go to PDF files (with outline,
 * links and metadata) and to printers. */
#pragma once

#include <cairo.h>
#include <glib.h>

#include "core/mamori-document-meta.h"

G_BEGIN_DECLS

/* A drawing placed in a document where a paragraph reads ![caption](figure:NAME): drawn at
 * width × height points (scaled down to fit the page), the caption under it. */
typedef void (*MamoriFigureDrawFunc) (cairo_t  *cr,
                                      double    width,
                                      double    height,
                                      gpointer  data);

typedef struct {
  char *name;
  double width;
  double height;
  MamoriFigureDrawFunc draw;
  gpointer data;
  GDestroyNotify destroy;
} MamoriFigure;

MamoriFigure *mamori_figure_new  (const char           *name,
                                  double                width,
                                  double                height,
                                  MamoriFigureDrawFunc  draw,
                                  gpointer              data,
                                  GDestroyNotify        destroy);
void          mamori_figure_free (MamoriFigure         *figure);


typedef struct _MamoriLayout MamoriLayout;

#define MAMORI_PAGE_WIDTH  595.276   /* A4 in points */
#define MAMORI_PAGE_HEIGHT 841.890
#define MAMORI_MARGIN_X    56.69     /* 20 mm */
#define MAMORI_MARGIN_TOP  70.87     /* 25 mm: the running header sits above */
#define MAMORI_MARGIN_BOTTOM 62.36   /* 22 mm: the page number sits below */

/* Lays the document out. Fails only on unreadable Markdown. Missing Japanese fonts fall back
 * (mamori_layout_get_warning says which). */
MamoriLayout *mamori_layout_new          (const char               *markdown,
                                          const MamoriDocumentMeta *meta,
                                          GError                  **error);
void          mamori_layout_free         (MamoriLayout             *layout);
guint         mamori_layout_get_n_pages  (MamoriLayout             *layout);
/* Draws page (0-based) on cr in points, origin at the page's top left. */
void          mamori_layout_render_page  (MamoriLayout             *layout,
                                          cairo_t                  *cr,
                                          guint                     page);
const char   *mamori_layout_get_warning  (MamoriLayout             *layout);

/* Writes the pages to a PDF file: written under a temporary name and renamed, so a failure
 * never leaves a partial file. */
gboolean      mamori_layout_write_pdf    (MamoriLayout             *layout,
                                          const char               *path,
                                          GError                  **error);

/* The same PDF in memory (for a preview). */
GBytes       *mamori_layout_write_pdf_bytes (MamoriLayout          *layout);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (MamoriLayout, mamori_layout_free)

/* The number printed before a heading of level 1–3 ("1.", "1.2", "第3章", "第12条", …), or
 * NULL for deeper levels; counters (6 ints) and article carry the numbering along. */
char         *mamori_heading_number   (gboolean  articles,
                                       gboolean  en,
                                       int      *counters,
                                       int      *article,
                                       int       level);

G_END_DECLS
