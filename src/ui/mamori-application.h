/* mamori-application.h — the Mamori AdwApplication */
#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

#define MAMORI_TYPE_APPLICATION (mamori_application_get_type ())
G_DECLARE_FINAL_TYPE (MamoriApplication, mamori_application, MAMORI, APPLICATION, AdwApplication)

MamoriApplication *mamori_application_new          (void);
GSettings         *mamori_application_get_settings (MamoriApplication *self);
/* Remembers path as the most recent workspace (GSettings). */
void               mamori_application_note_recent  (MamoriApplication *self,
                                                    const char        *path);

G_END_DECLS
