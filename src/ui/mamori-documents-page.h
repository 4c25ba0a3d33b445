/* mamori-documents-page.h — drafting documents: list, Markdown editor beside a live PDF
 * preview, review and approval, version history with differences, export and print */
#pragma once

#include <adwaita.h>

#include "store/mamori-workspace.h"

G_BEGIN_DECLS

#define MAMORI_TYPE_DOCUMENTS_PAGE (mamori_documents_page_get_type ())
G_DECLARE_FINAL_TYPE (MamoriDocumentsPage, mamori_documents_page, MAMORI, DOCUMENTS_PAGE, AdwBin)

void     mamori_documents_page_set_workspace (MamoriDocumentsPage *self,
                                              MamoriWorkspace     *workspace);
/* Opens a document in the editor (as a click in the list does). */
gboolean mamori_documents_page_open          (MamoriDocumentsPage *self,
                                              gint64               id);
/* The editor's text; setting it is typing: saved and previewed after a pause. */
char    *mamori_documents_page_get_text      (MamoriDocumentsPage *self);
void     mamori_documents_page_set_text      (MamoriDocumentsPage *self,
                                              const char          *text);
/* Saves pending edits now. */
gboolean mamori_documents_page_save          (MamoriDocumentsPage *self);
/* Writes the PDF (the approved version when there is one) in a worker; a toast says when. */
void     mamori_documents_page_export        (MamoriDocumentsPage *self,
                                              const char          *path);

G_END_DECLS
