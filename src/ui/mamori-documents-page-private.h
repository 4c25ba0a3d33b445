/* mamori-documents-page-private.h — for tests only: the open document, the counts, the print path and whether a worker runs */
#pragma once

#include "mamori-documents-page.h"

G_BEGIN_DECLS

gint64   mamori_documents_page_get_open      (MamoriDocumentsPage *self);
guint    mamori_documents_page_get_n_documents (MamoriDocumentsPage *self);
/* The user's role may not change documents: the editor does not take typing. */
gboolean mamori_documents_page_is_read_only  (MamoriDocumentsPage *self);
gboolean mamori_documents_page_is_exporting  (MamoriDocumentsPage *self);
/* Sends the pages through GtkPrintOperation to a PDF file instead of a printer (the print
 * path, without the dialog); returns the number of pages, 0 on error. */
int      mamori_documents_page_print_to_file (MamoriDocumentsPage *self,
                                              const char          *path);
/* TRUE while the preview is being laid out or rendered. */
gboolean mamori_documents_page_is_previewing (MamoriDocumentsPage *self);
guint    mamori_documents_page_get_preview_pages (MamoriDocumentsPage *self);

G_END_DECLS
