/* mamori-profile.c — the organisation profile: copy, compare, validate */
#include "config.h"

#include <glib/gi18n.h>
#include <stdlib.h>
#include <errno.h>

#include "mamori-profile.h"
#include "mamori-profile-private.h"

G_DEFINE_QUARK (mamori-profile-error-quark, mamori_profile_error)

static const char *field_keys[MAMORI_PROFILE_N_FIELDS] = {
  "name", "industry", "employees", "security_officer", "contact",
};

MamoriProfile *
mamori_profile_new (void)
{
  MamoriProfile *p = g_new0 (MamoriProfile, 1);
  p->name = g_strdup ("");
  p->industry = g_strdup ("");
  p->security_officer = g_strdup ("");
  p->contact = g_strdup ("");
  return p;
}

MamoriProfile *
mamori_profile_copy (const MamoriProfile *profile)
{
  MamoriProfile *p = g_new0 (MamoriProfile, 1);
  p->name = g_strdup (profile->name ? profile->name : "");
  p->industry = g_strdup (profile->industry ? profile->industry : "");
  p->employees = profile->employees;
  p->security_officer = g_strdup (profile->security_officer ? profile->security_officer : "");
  p->contact = g_strdup (profile->contact ? profile->contact : "");
  return p;
}

void
mamori_profile_free (MamoriProfile *profile)
{
  if (profile == NULL)
    return;
  g_free (profile->name);
  g_free (profile->industry);
  g_free (profile->security_officer);
  g_free (profile->contact);
  g_free (profile);
}

gboolean
mamori_profile_equal (const MamoriProfile *a,
                      const MamoriProfile *b)
{
  return g_strcmp0 (a->name, b->name) == 0 &&
         g_strcmp0 (a->industry, b->industry) == 0 &&
         a->employees == b->employees &&
         g_strcmp0 (a->security_officer, b->security_officer) == 0 &&
         g_strcmp0 (a->contact, b->contact) == 0;
}

gboolean
mamori_profile_is_blank (const MamoriProfile *profile)
{
  return (profile->name == NULL || *profile->name == '\0') &&
         (profile->industry == NULL || *profile->industry == '\0') &&
         profile->employees == 0 &&
         (profile->security_officer == NULL || *profile->security_officer == '\0') &&
         (profile->contact == NULL || *profile->contact == '\0');
}

static gboolean
check_text (const char *label,
            const char *value,
            GError    **error)
{
  if (value == NULL)
    return TRUE;
  if (!g_utf8_validate (value, -1, NULL))
    {
      g_set_error (error, MAMORI_PROFILE_ERROR, MAMORI_PROFILE_ERROR_INVALID,
                   _("%s is not valid UTF-8 text."), label);
      return FALSE;
    }
  if (g_utf8_strlen (value, -1) > MAMORI_PROFILE_MAX_TEXT)
    {
      g_set_error (error, MAMORI_PROFILE_ERROR, MAMORI_PROFILE_ERROR_INVALID,
                   _("%s is longer than %d characters."), label, MAMORI_PROFILE_MAX_TEXT);
      return FALSE;
    }
  for (const char *c = value; *c; c++)
    if ((guchar) *c < 0x20 && *c != '\t')
      {
        g_set_error (error, MAMORI_PROFILE_ERROR, MAMORI_PROFILE_ERROR_INVALID,
                     _("%s must be a single line."), label);
        return FALSE;
      }
  return TRUE;
}

gboolean
mamori_profile_validate (const MamoriProfile *profile,
                         GError             **error)
{
  if (!check_text (_("Organisation name"), profile->name, error) ||
      !check_text (_("Industry"), profile->industry, error) ||
      !check_text (_("Security officer"), profile->security_officer, error) ||
      !check_text (_("Contact"), profile->contact, error))
    return FALSE;
  if (profile->employees < 0 || profile->employees > MAMORI_PROFILE_MAX_EMPLOYEES)
    {
      g_set_error (error, MAMORI_PROFILE_ERROR, MAMORI_PROFILE_ERROR_INVALID,
                   _("Number of employees must be between 0 and %d."),
                   MAMORI_PROFILE_MAX_EMPLOYEES);
      return FALSE;
    }
  return TRUE;
}

const char *
mamori_profile_field_key (MamoriProfileField field)
{
  g_return_val_if_fail (field < MAMORI_PROFILE_N_FIELDS, NULL);
  return field_keys[field];
}

gboolean
mamori_profile_field_from_key (const char         *key,
                               MamoriProfileField *out)
{
  for (guint i = 0; i < MAMORI_PROFILE_N_FIELDS; i++)
    if (g_strcmp0 (key, field_keys[i]) == 0)
      {
        *out = i;
        return TRUE;
      }
  return FALSE;
}

char *
mamori_profile_get_field (const MamoriProfile *profile,
                          MamoriProfileField   field)
{
  switch (field)
    {
    case MAMORI_PROFILE_FIELD_NAME: return g_strdup (profile->name);
    case MAMORI_PROFILE_FIELD_INDUSTRY: return g_strdup (profile->industry);
    case MAMORI_PROFILE_FIELD_EMPLOYEES: return g_strdup_printf ("%d", profile->employees);
    case MAMORI_PROFILE_FIELD_SECURITY_OFFICER: return g_strdup (profile->security_officer);
    case MAMORI_PROFILE_FIELD_CONTACT: return g_strdup (profile->contact);
    case MAMORI_PROFILE_N_FIELDS:
    default: g_return_val_if_reached (NULL);
    }
}

static void
replace_string (char       **slot,
                const char  *value)
{
  char *copy = g_strstrip (g_strdup (value ? value : ""));
  g_free (*slot);
  *slot = copy;
}

static gboolean
apply_field (MamoriProfile      *profile,
             MamoriProfileField  field,
             const char         *value,
             GError            **error)
{
  switch (field)
    {
    case MAMORI_PROFILE_FIELD_NAME: replace_string (&profile->name, value); break;
    case MAMORI_PROFILE_FIELD_INDUSTRY: replace_string (&profile->industry, value); break;
    case MAMORI_PROFILE_FIELD_SECURITY_OFFICER: replace_string (&profile->security_officer, value); break;
    case MAMORI_PROFILE_FIELD_CONTACT: replace_string (&profile->contact, value); break;
    case MAMORI_PROFILE_FIELD_EMPLOYEES:
      {
        char *end = NULL;
        gint64 n;
        errno = 0;
        n = g_ascii_strtoll (value ? value : "", &end, 10);
        if (value == NULL || *value == '\0' || errno != 0 || end == NULL || *end != '\0' ||
            n < 0 || n > MAMORI_PROFILE_MAX_EMPLOYEES)
          {
            g_set_error (error, MAMORI_PROFILE_ERROR, MAMORI_PROFILE_ERROR_INVALID,
                         _("Number of employees must be a whole number between 0 and %d, not “%s”."),
                         MAMORI_PROFILE_MAX_EMPLOYEES, value ? value : "");
            return FALSE;
          }
        profile->employees = (int) n;
        break;
      }
    case MAMORI_PROFILE_N_FIELDS:
    default:
      g_return_val_if_reached (FALSE);
    }
  return mamori_profile_validate (profile, error);
}

/* Sets one field from text; on error the profile is left as it was. */
gboolean
mamori_profile_set_field (MamoriProfile      *profile,
                          MamoriProfileField  field,
                          const char         *value,
                          GError            **error)
{
  g_autoptr(MamoriProfile) trial = mamori_profile_copy (profile);

  if (!apply_field (trial, field, value, error))
    return FALSE;
  g_free (profile->name);
  g_free (profile->industry);
  g_free (profile->security_officer);
  g_free (profile->contact);
  *profile = *trial;
  g_free (g_steal_pointer (&trial));
  return TRUE;
}
