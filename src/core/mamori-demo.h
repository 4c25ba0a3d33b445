/* mamori-demo.h — the sample company used by `mamori demo` (pure data) */
#pragma once

#include "mamori-profile.h"

G_BEGIN_DECLS

MamoriProfile      *mamori_demo_profile    (void);
/* NULL-terminated list of step-up task keys the sample company has finished. */
const char * const *mamori_demo_done_tasks (void);

G_END_DECLS
