/* mamori-preferences-window.h — application preferences */
#pragma once

#include <adwaita.h>

#include "mamori-application.h"

G_BEGIN_DECLS

#define MAMORI_TYPE_PREFERENCES_WINDOW (mamori_preferences_window_get_type ())
G_DECLARE_FINAL_TYPE (MamoriPreferencesWindow, mamori_preferences_window, MAMORI, PREFERENCES_WINDOW, AdwPreferencesWindow)

MamoriPreferencesWindow *mamori_preferences_window_new (MamoriApplication *app,
                                                        GtkWindow         *parent);

G_END_DECLS
