/* mamori-presentation-window-private.h — for tests only: the slide shown, how many there are and its title */
#pragma once

#include "mamori-presentation-window.h"

G_BEGIN_DECLS

guint                     mamori_presentation_window_get_slide  (MamoriPresentationWindow *self);
guint                     mamori_presentation_window_get_n_slides (MamoriPresentationWindow *self);
const char               *mamori_presentation_window_get_title  (MamoriPresentationWindow *self);

G_END_DECLS
