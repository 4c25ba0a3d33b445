/* mamori-profile.h — the organisation profile (pure data, no GTK, no SQL) */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

#define MAMORI_PROFILE_MAX_EMPLOYEES 1000000
#define MAMORI_PROFILE_MAX_TEXT 200

typedef struct {
  char *name;             /* organisation name, e.g. 株式会社サンプル製作所 */
  char *industry;         /* business sector, free text */
  int employees;          /* headcount, 0 when unknown */
  char *security_officer; /* person responsible for information security */
  char *contact;          /* phone or e-mail of that person */
} MamoriProfile;

typedef enum {
  MAMORI_PROFILE_FIELD_NAME,
  MAMORI_PROFILE_FIELD_INDUSTRY,
  MAMORI_PROFILE_FIELD_EMPLOYEES,
  MAMORI_PROFILE_FIELD_SECURITY_OFFICER,
  MAMORI_PROFILE_FIELD_CONTACT,
  MAMORI_PROFILE_N_FIELDS
} MamoriProfileField;

#define MAMORI_PROFILE_ERROR (mamori_profile_error_quark ())
GQuark mamori_profile_error_quark (void);

typedef enum {
  MAMORI_PROFILE_ERROR_INVALID,
} MamoriProfileError;

MamoriProfile *mamori_profile_new        (void);
MamoriProfile *mamori_profile_copy       (const MamoriProfile *profile);
void           mamori_profile_free       (MamoriProfile *profile);
gboolean       mamori_profile_equal      (const MamoriProfile *a,
                                          const MamoriProfile *b);
gboolean       mamori_profile_validate   (const MamoriProfile *profile,
                                          GError             **error);
gboolean       mamori_profile_is_blank   (const MamoriProfile *profile);
const char    *mamori_profile_field_key  (MamoriProfileField field);
char          *mamori_profile_get_field  (const MamoriProfile *profile,
                                          MamoriProfileField   field);
gboolean       mamori_profile_set_field  (MamoriProfile      *profile,
                                          MamoriProfileField  field,
                                          const char         *value,
                                          GError            **error);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (MamoriProfile, mamori_profile_free)

G_END_DECLS
