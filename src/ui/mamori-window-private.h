/* mamori-window-private.h — for tests only: the page shown and whether an export runs */
#pragma once

#include "mamori-window.h"

G_BEGIN_DECLS

const char      *mamori_window_get_visible_page       (MamoriWindow      *self);
gboolean         mamori_window_is_exporting           (MamoriWindow      *self);

G_END_DECLS
