/* mamori-access.c — what a role lets its user change (see mamori-access.h). The rules mirror
 * the server's policies in store/mamori-roles.c: change one, change the other. */
#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "mamori-access.h"

/* The registers an editor writes, and how (mamori-roles.c: the grants and policies). */
typedef struct {
  const char *key;
  const char *unit_field;    /* the department column a policy checks, or NULL */
  gboolean may_delete;
} EditorRegister;

static const EditorRegister editor_registers[] = {
  { "exceptions", "applicant_unit", TRUE },
  { "people", "unit", TRUE },
  { "incidents", NULL, FALSE },
  { "incident_updates", NULL, FALSE },
  { "incident_notices", NULL, FALSE },
  { "incident_assets", NULL, FALSE },
  { "incident_measures", NULL, FALSE },
};

static char **
strv_or_empty (const char * const *v)
{
  return v != NULL ? g_strdupv ((char **) v) : g_new0 (char *, 1);
}

MamoriAccess *
mamori_access_new (MamoriRole          role,
                   const char * const *departments,
                   const char         *user,
                   const char         *person)
{
  MamoriAccess *a = g_new0 (MamoriAccess, 1);
  g_autoptr(GStrvBuilder) names = g_strv_builder_new ();

  a->role = role;
  a->departments = strv_or_empty (departments);
  if (user != NULL && *user != '\0')
    g_strv_builder_add (names, user);
  if (person != NULL && *person != '\0')
    g_strv_builder_add (names, person);
  a->names = g_strv_builder_end (names);
  return a;
}

MamoriAccess *
mamori_access_new_officer (void)
{
  return mamori_access_new (MAMORI_ROLE_OFFICER, NULL, NULL, NULL);
}

MamoriAccess *
mamori_access_new_read_only (const char *reason)
{
  MamoriAccess *a = mamori_access_new (MAMORI_ROLE_VIEWER, NULL, NULL, NULL);

  a->read_only = g_strdup (reason != NULL ? reason : "");
  return a;
}

MamoriAccess *
mamori_access_copy (const MamoriAccess *access)
{
  MamoriAccess *a = g_new0 (MamoriAccess, 1);

  a->role = access->role;
  a->departments = strv_or_empty ((const char * const *) access->departments);
  a->names = strv_or_empty ((const char * const *) access->names);
  a->read_only = g_strdup (access->read_only);
  return a;
}

void
mamori_access_free (MamoriAccess *access)
{
  if (access == NULL)
    return;
  g_strfreev (access->departments);
  g_strfreev (access->names);
  g_free (access->read_only);
  g_free (access);
}

gboolean
mamori_access_is_officer (const MamoriAccess *access)
{
  return access == NULL || (access->role == MAMORI_ROLE_OFFICER && access->read_only == NULL);
}

static gboolean
has_department (const MamoriAccess *access,
                const char         *department)
{
  return department != NULL && *department != '\0' &&
         g_strv_contains ((const char * const *) access->departments, department);
}

gboolean
mamori_access_may_change_some (const MamoriAccess *access,
                               MamoriAccessArea    area)
{
  if (mamori_access_is_officer (access))
    return TRUE;
  if (access->read_only != NULL)
    return FALSE;
  switch (access->role)
    {
    case MAMORI_ROLE_EDITOR:
      return area == MAMORI_ACCESS_ASSESSMENTS || area == MAMORI_ACCESS_REGISTERS ||
             (area == MAMORI_ACCESS_LEDGER && access->departments[0] != NULL);
    case MAMORI_ROLE_AUDITOR:
      return area == MAMORI_ACCESS_ASSESSMENTS || area == MAMORI_ACCESS_AUDITS;
    default:
      return FALSE;
    }
}

gboolean
mamori_access_may_edit_asset (const MamoriAccess *access,
                              const char         *department)
{
  if (mamori_access_is_officer (access))
    return TRUE;
  return access->role == MAMORI_ROLE_EDITOR && has_department (access, department);
}

gboolean
mamori_access_may_add_assets (const MamoriAccess *access)
{
  return mamori_access_may_change_some (access, MAMORI_ACCESS_LEDGER);
}

gboolean
mamori_access_may_start_assessment (const MamoriAccess *access)
{
  return mamori_access_is_officer (access) || access->role == MAMORI_ROLE_AUDITOR;
}

gboolean
mamori_access_may_answer (const MamoriAccess *access,
                          const char         *respondent,
                          gboolean            audited)
{
  if (mamori_access_is_officer (access))
    return TRUE;
  if (access->role == MAMORI_ROLE_AUDITOR)
    return audited;
  return access->role == MAMORI_ROLE_EDITOR && respondent != NULL && *respondent != '\0' &&
         g_strv_contains ((const char * const *) access->names, respondent);
}

gboolean
mamori_access_may_plan_audit (const MamoriAccess *access,
                              gboolean            planned,
                              gboolean            answered)
{
  if (mamori_access_is_officer (access))
    return TRUE;
  return access->read_only == NULL && access->role == MAMORI_ROLE_AUDITOR && (planned || !answered);
}

static const EditorRegister *
editor_register (const char *key)
{
  for (guint i = 0; i < G_N_ELEMENTS (editor_registers); i++)
    if (g_strcmp0 (editor_registers[i].key, key) == 0)
      return &editor_registers[i];
  return NULL;
}

gboolean
mamori_access_may_edit_record (const MamoriAccess *access,
                               const char         *register_key,
                               const char         *unit,
                               gboolean            deleting)
{
  const EditorRegister *r;

  if (mamori_access_is_officer (access))
    return TRUE;
  if (access->role != MAMORI_ROLE_EDITOR || (r = editor_register (register_key)) == NULL)
    return FALSE;
  if (deleting && !r->may_delete)
    return FALSE;
  return r->unit_field == NULL || unit == NULL || has_department (access, unit);
}

gboolean
mamori_access_may_add_record (const MamoriAccess *access,
                              const char         *register_key)
{
  const EditorRegister *r;

  if (mamori_access_is_officer (access))
    return TRUE;
  if (access->role != MAMORI_ROLE_EDITOR || (r = editor_register (register_key)) == NULL)
    return FALSE;
  return r->unit_field == NULL || access->departments[0] != NULL;
}

const char *
mamori_access_record_unit_field (const char *register_key)
{
  const EditorRegister *r = editor_register (register_key);

  return r != NULL ? r->unit_field : NULL;
}

const char *
mamori_access_role_label (MamoriRole role)
{
  switch (role)
    {
    case MAMORI_ROLE_OFFICER:
      return C_("role", "Officer");
    case MAMORI_ROLE_EDITOR:
      return C_("role", "Editor");
    case MAMORI_ROLE_AUDITOR:
      return C_("role", "Auditor");
    case MAMORI_ROLE_VIEWER:
      return C_("role", "Viewer");
    case MAMORI_ROLE_NONE:
    default:
      return C_("role", "No role");
    }
}

static char *
department_list (const MamoriAccess *access)
{
  /* TRANSLATORS: between two department names in a list */
  return g_strjoinv (_(", "), access->departments);
}

char *
mamori_access_describe (const MamoriAccess *access)
{
  g_autofree char *departments = NULL;

  if (access == NULL)
    return g_strdup (mamori_access_role_label (MAMORI_ROLE_OFFICER));
  if (access->role != MAMORI_ROLE_EDITOR || access->departments[0] == NULL)
    return g_strdup (mamori_access_role_label (access->role));
  departments = department_list (access);
  /* TRANSLATORS: a role and the departments it is for: "Editor (Sales, General affairs)" */
  return g_strdup_printf (C_("role", "%s (%s)"), mamori_access_role_label (access->role), departments);
}

char *
mamori_access_explain (const MamoriAccess *access,
                       MamoriAccessArea    area)
{
  g_autofree char *role = NULL;
  g_autofree char *departments = NULL;

  if (mamori_access_is_officer (access))
    return NULL;
  if (access->read_only != NULL)
    /* TRANSLATORS: %s says why the workspace is read-only */
    return g_strdup_printf (_("Read-only: %s"), access->read_only);
  role = mamori_access_describe (access);
  if (access->role == MAMORI_ROLE_EDITOR)
    {
      departments = department_list (access);
      switch (area)
        {
        case MAMORI_ACCESS_LEDGER:
          if (access->departments[0] == NULL)
            return g_strdup_printf (_("Your role is %s with no department: you read the ledger but do not change it. The officer can give you departments."), role);
          return g_strdup_printf (_("Your role is %s: you change the assets of %s; the other rows are read-only."), role, departments);
        case MAMORI_ACCESS_ASSESSMENTS:
          return g_strdup_printf (_("Your role is %s: you answer the assessments whose respondent you are; the others are read-only."), role);
        case MAMORI_ACCESS_REGISTERS:
          if (access->departments[0] == NULL)
            return g_strdup_printf (_("Your role is %s: you record incidents; the other registers are read-only."), role);
          return g_strdup_printf (_("Your role is %s: you record incidents, and keep the exceptions and people of %s; the rest is read-only."), role, departments);
        default:
          break;
        }
    }
  else if (access->role == MAMORI_ROLE_AUDITOR)
    {
      switch (area)
        {
        case MAMORI_ACCESS_ASSESSMENTS:
          return g_strdup_printf (_("Your role is %s: you start and answer the assessments of internal audits; the others are read-only."), role);
        case MAMORI_ACCESS_AUDITS:
          return g_strdup_printf (_("Your role is %s: you plan internal audits and record their findings and corrective actions."), role);
        default:
          break;
        }
    }
  switch (area)
    {
    case MAMORI_ACCESS_LEDGER:
      return g_strdup_printf (_("Your role is %s: you read the ledger but do not change it."), role);
    case MAMORI_ACCESS_ASSESSMENTS:
      return g_strdup_printf (_("Your role is %s: you read the assessments but do not answer them."), role);
    case MAMORI_ACCESS_DOCUMENTS:
      return g_strdup_printf (_("Your role is %s: you read the documents; only the officer changes them."), role);
    case MAMORI_ACCESS_REGISTERS:
      return g_strdup_printf (_("Your role is %s: you read the registers but do not change them."), role);
    case MAMORI_ACCESS_AUDITS:
      return g_strdup_printf (_("Your role is %s: you read the internal audits; the officer and the auditors record them."), role);
    case MAMORI_ACCESS_SETTINGS:
    default:
      return g_strdup_printf (_("Your role is %s: only the officer changes the workspace’s settings and imports into it."), role);
    }
}
