/* mamori-preferences-window.h — application preferences */
#pragma once

#include <adwaita.h>

#include "mamori-application.h"
#include "store/mamori-workspace.h"

G_BEGIN_DECLS

#define MAMORI_TYPE_PREFERENCES_WINDOW (mamori_preferences_window_get_type ())
G_DECLARE_FINAL_TYPE (MamoriPreferencesWindow, mamori_preferences_window, MAMORI, PREFERENCES_WINDOW, AdwPreferencesWindow)

/* workspace (may be NULL): the open one, whose file the page names. */
MamoriPreferencesWindow *mamori_preferences_window_new (MamoriApplication *app,
                                                        GtkWindow         *parent,
                                                        MamoriWorkspace   *workspace);

/* Sets the process's date style (core/mamori-date.h) from settings' "era-dates" and follows
 * its changes: western or era dates in documents, reports and slides. The application calls it
 * once at startup; opening the preferences calls it too. */
void                     mamori_preferences_apply_date_style (GSettings *settings);

G_END_DECLS
