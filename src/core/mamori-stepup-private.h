/* mamori-stepup-private.h — for tests only: a step-up task by its key */
#pragma once

#include <glib.h>

#include "mamori-stepup.h"

G_BEGIN_DECLS

const MamoriStepTask *mamori_stepup_find_task    (const char *key);

G_END_DECLS
