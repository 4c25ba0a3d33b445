/* mamori-profile-private.h — for tests only: a profile field from its key */
#pragma once

#include <glib.h>

#include "mamori-profile.h"

G_BEGIN_DECLS

gboolean       mamori_profile_field_from_key (const char         *key,
                                              MamoriProfileField *out);

G_END_DECLS
