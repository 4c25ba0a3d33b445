/* mamori-catalog.h — the set of checklists: built-in libraries plus the user's own */
#pragma once

#include "mamori-checklist.h"

G_BEGIN_DECLS

typedef struct _MamoriCatalog MamoriCatalog;

MamoriCatalog         *mamori_catalog_new           (void);
void                   mamori_catalog_free          (MamoriCatalog        *catalog);
/* Parses every built-in library (compiled into the program as resources). */
gboolean               mamori_catalog_load_builtin  (MamoriCatalog        *catalog,
                                                     GError              **error);
/* Takes checklist; a checklist with the same id replaces the earlier one. */
void                   mamori_catalog_add           (MamoriCatalog        *catalog,
                                                     MamoriChecklist      *checklist);
const MamoriChecklist *mamori_catalog_find          (MamoriCatalog        *catalog,
                                                     const char           *id);
guint                  mamori_catalog_get_n         (MamoriCatalog        *catalog);
const MamoriChecklist *mamori_catalog_get           (MamoriCatalog        *catalog,
                                                     guint                 index);
gboolean               mamori_catalog_is_builtin    (MamoriCatalog        *catalog,
                                                     const char           *id);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (MamoriCatalog, mamori_catalog_free)

G_END_DECLS
