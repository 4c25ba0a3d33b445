/* mamori-new-document-window.h — pick a template, fill in its fields, create the document */
#pragma once

#include <adwaita.h>

#include "store/mamori-workspace.h"

G_BEGIN_DECLS

#define MAMORI_TYPE_NEW_DOCUMENT_WINDOW (mamori_new_document_window_get_type ())
G_DECLARE_FINAL_TYPE (MamoriNewDocumentWindow, mamori_new_document_window, MAMORI, NEW_DOCUMENT_WINDOW, AdwWindow)

/* Emits "created" (gint64 document id) when the document is stored, then closes. */
MamoriNewDocumentWindow *mamori_new_document_window_new  (MamoriWorkspace         *workspace,
                                                          GtkWindow               *parent);
/* For tests: choose a built-in template (as a click on its row does) and create it with the
 * form's current values; returns the new id, 0 on error. */
gboolean                 mamori_new_document_window_choose (MamoriNewDocumentWindow *self,
                                                            const char              *template_id);
gint64                   mamori_new_document_window_create (MamoriNewDocumentWindow *self);

G_END_DECLS
