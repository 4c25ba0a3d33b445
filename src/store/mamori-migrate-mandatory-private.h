/* mamori-migrate-mandatory-private.h — for tests only: where a version 1 check of the mandatory items moved */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* The version 2 ref_id that an answer to the version 1 check old_ref moved to, "v1:OLD" for
 * one kept only as a note, or NULL when old_ref is no version 1 check. For tests and
 * documentation. */
const char *mamori_migrate_mandatory_new_ref (const char *old_ref);

G_END_DECLS
