/* mamori-display.h — what a person reads in place of internal identifiers: a checklist's short
 * title and an item's number ("自社診断 No.21", "Self-diagnosis No.21"). Pure C + GLib. */
#pragma once

#include "mamori-catalog.h"

G_BEGIN_DECLS

/* The short title of a built-in checklist in lang ("ja" or "en"), or NULL for any other id. */
const char *mamori_builtin_short_title   (const char            *checklist_id,
                                          const char            *lang);
/* The short title of a built-in checklist, else the checklist's own name in lang. */
const char *mamori_checklist_short_title (const MamoriChecklist *checklist,
                                          const char            *lang);
/* "TITLE No.21" for a number, "TITLE A.1.1" for any other reference. */
char       *mamori_item_label            (const char            *title,
                                          const char            *ref_id);

/* The separator between checklist id and item ref_id in a measure's source
 * (MAMORI_MEASURES_SQL): a control character no name is printed with. */
#define MAMORI_SOURCE_SEPARATOR "\x1f"

/* A measure's source as printed: an asset's name unchanged; "checklist\x1fref_id" as the item
 * label, with the checklist's short title (from catalog when it is not built in and catalog is
 * not NULL, else its id). */
char       *mamori_measure_source_label  (const char            *source,
                                          MamoriCatalog         *catalog,
                                          const char            *lang);

G_END_DECLS
