/* mamori-documents-private.h — for tests only: a document added from its text */
#pragma once

#include <glib.h>

#include "mamori-workspace.h"

G_BEGIN_DECLS

/* A new document whose version 1 is a draft with this text; returns its id, 0 on error. */
gint64   mamori_workspace_add_document      (MamoriWorkspace  *self,
                                             const char       *template_id,
                                             const char       *kind,
                                             const char       *lang,
                                             const char       *title,
                                             const char       *numbering,
                                             const char       *classification,
                                             const char       *markdown,
                                             GError          **error);

G_END_DECLS
