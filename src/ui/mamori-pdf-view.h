/* mamori-pdf-view.h — a PDF viewer on Poppler: page thumbnails, the pages at a zoom, rendered
 * off the main thread by one worker (never two threads on one document). */
#pragma once

#include <adwaita.h>
#include <poppler.h>

G_BEGIN_DECLS

#define MAMORI_TYPE_PDF_VIEW (mamori_pdf_view_get_type ())
G_DECLARE_FINAL_TYPE (MamoriPdfView, mamori_pdf_view, MAMORI, PDF_VIEW, AdwBin)

/* Shows document (the view takes a reference and from then on uses it only from its worker);
 * NULL clears. The view keeps its zoom and scrolls to the same page when possible. */
void           mamori_pdf_view_set_document (MamoriPdfView   *self,
                                             PopplerDocument *document);
/* TRUE while pages are waiting to be rendered. */
gboolean       mamori_pdf_view_is_busy      (MamoriPdfView   *self);
guint          mamori_pdf_view_get_n_pages  (MamoriPdfView   *self);
void           mamori_pdf_view_set_zoom     (MamoriPdfView   *self,
                                             double           zoom);
/* Shows a spinner over the view (e.g. while a new document is being laid out). */
void           mamori_pdf_view_set_loading  (MamoriPdfView   *self,
                                             gboolean         loading);

G_END_DECLS
