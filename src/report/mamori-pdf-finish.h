/* mamori-pdf-finish.h — every PDF that Mamori writes goes through here: drawn by Cairo into
 * memory, then rewritten with libqpdf so that its cross-reference table is valid (Cairo 1.16
 * writes a broken one as soon as a link is used) and its objects are packed into compressed
 * object streams. */
#pragma once

#include <cairo.h>
#include <gio/gio.h>

G_BEGIN_DECLS

/* A PDF surface of width × height points that writes into memory; draw on it, then pass it to
 * mamori_pdf_surface_write() or mamori_pdf_surface_steal(). */
cairo_surface_t *mamori_pdf_surface_new   (double            width,
                                           double            height);
/* Finishes the surface and takes the PDF as Cairo wrote it (not yet rewritten). Once only;
 * sets *status to the surface's status (the bytes are then incomplete). */
GBytes          *mamori_pdf_surface_steal (cairo_surface_t  *surface,
                                           cairo_status_t   *status);
/* Rewrites a PDF from Cairo: a valid cross-reference table, compressed object streams, the
 * same pages, links and outline. Fails if the file cannot be read back or if an object that
 * the document uses is missing. */
GBytes          *mamori_pdf_finish        (GBytes           *pdf,
                                           GError          **error);
/* Finishes the surface, rewrites its PDF and writes it to path (under a temporary name beside
 * it, then renamed). Messages name path. */
gboolean         mamori_pdf_surface_write (cairo_surface_t  *surface,
                                           const char       *path,
                                           GError          **error);

G_END_DECLS
