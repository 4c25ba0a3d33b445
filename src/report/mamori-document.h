/* mamori-document.h — the layout engine: Markdown to A4 pages (title page with approval boxes,
 * table of contents, numbered headings, lists, tables with repeated headers, headers and
 * footers "n / N"), drawn with Cairo and Pango. The same pages go to PDF files (with outline,
 * links and metadata) and to printers. */
#pragma once

#include <cairo.h>
#include <glib.h>

G_BEGIN_DECLS

typedef struct {
  char *version;    /* "1.0" */
  char *date;       /* YYYY-MM-DD */
  char *summary;
  char *approver;
} MamoriRevision;

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

typedef struct {
  const char *organisation;
  const char *title;
  const char *version;         /* shown on the title page, or NULL */
  const char *date;            /* YYYY-MM-DD, or NULL */
  const char *classification;  /* e.g. 社外秘; NULL: none */
  const char *approved_by;     /* the approval boxes 承認 / 確認 / 作成; NULL: empty box */
  const char *checked_by;
  const char *created_by;
  const char *lang;            /* "ja" (default) or "en": fixed words and line joining */
  const char *numbering;       /* "sections" (1, 1.1) or "articles" (第1章, 第1条) */
  GPtrArray *revisions;        /* MamoriRevision*, oldest first; NULL or empty: no table */
  gboolean table_of_contents;
  GPtrArray *figures;          /* MamoriFigure* named in the Markdown; the layout keeps a reference.
                                * A figure not found prints its caption as a paragraph. */
} MamoriDocumentMeta;

void mamori_revision_free (MamoriRevision *revision);

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
