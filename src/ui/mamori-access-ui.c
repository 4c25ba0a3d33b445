/* mamori-access-ui.c — whether the user may answer an assessment, and controls turned off
 * with a reason (see mamori-access-ui.h). */
#include "config.h"

#include <glib/gi18n.h>

#include "mamori-access-ui.h"
#include "store/mamori-reviews.h"
#include "store/mamori-roles.h"

static gboolean
is_audited (MamoriWorkspace *workspace,
            gint64           assessment)
{
  g_autoptr(MamoriAuditPlan) plan = mamori_workspace_get_audit_plan (workspace, assessment, NULL);

  return plan != NULL;
}

gboolean
mamori_access_ui_may_answer (MamoriWorkspace        *workspace,
                             const MamoriAssessment *a,
                             char                  **why)
{
  const MamoriAccess *access = mamori_workspace_get_access (workspace);
  gboolean audited;

  if (mamori_access_is_officer (access))
    return TRUE;
  audited = access->role == MAMORI_ROLE_AUDITOR && access->read_only == NULL && is_audited (workspace, a->id);
  if (mamori_access_may_answer (access, a->respondent, audited))
    return TRUE;
  if (why == NULL)
    return FALSE;
  if (access->read_only != NULL)
    *why = mamori_access_explain (access, MAMORI_ACCESS_ASSESSMENTS);
  else if (access->role == MAMORI_ROLE_EDITOR && *a->respondent != '\0')
    /* TRANSLATORS: %s is the assessment's respondent */
    *why = g_strdup_printf (_("Read-only: only its respondent (%s) and the officer answer this assessment."), a->respondent);
  else if (access->role == MAMORI_ROLE_EDITOR)
    *why = g_strdup (_("Read-only: this assessment names no respondent, so only the officer answers it."));
  else if (access->role == MAMORI_ROLE_AUDITOR)
    *why = g_strdup (_("Read-only: auditors answer only the assessments of internal audits."));
  else
    *why = g_strdup (_("Read-only: your role reads the assessments but does not answer them."));
  return FALSE;
}

gboolean
mamori_access_ui_may_delete (MamoriWorkspace        *workspace,
                             const MamoriAssessment *a)
{
  const MamoriAccess *access = mamori_workspace_get_access (workspace);

  if (mamori_access_is_officer (access))
    return TRUE;
  return access->read_only == NULL && access->role == MAMORI_ROLE_AUDITOR && is_audited (workspace, a->id);
}

void
mamori_access_ui_allow (GtkWidget  *widget,
                        gboolean    allowed,
                        const char *why)
{
  GObject *object = G_OBJECT (widget);

  /* The widget's own tooltip, kept the first time it is turned off. */
  if (!allowed && g_object_get_data (object, "mamori-own-tooltip") == NULL)
    g_object_set_data_full (object, "mamori-own-tooltip", g_strdup (gtk_widget_get_tooltip_text (widget) != NULL ? gtk_widget_get_tooltip_text (widget) : ""), g_free);
  gtk_widget_set_sensitive (widget, allowed);
  if (!allowed)
    gtk_widget_set_tooltip_text (widget, why);
  else if (g_object_get_data (object, "mamori-own-tooltip") != NULL)
    {
      const char *own = g_object_get_data (object, "mamori-own-tooltip");
      gtk_widget_set_tooltip_text (widget, *own != '\0' ? own : NULL);
    }
}

gboolean
mamori_access_ui_is_officer (MamoriWorkspace *workspace)
{
  return workspace == NULL || mamori_access_is_officer (mamori_workspace_get_access (workspace));
}

char *
mamori_access_ui_officer_only (MamoriWorkspace *workspace)
{
  const MamoriAccess *access = workspace ? mamori_workspace_get_access (workspace) : NULL;

  if (access != NULL && access->read_only != NULL)
    return mamori_access_explain (access, MAMORI_ACCESS_SETTINGS);
  return g_strdup (_("Only the officer changes this"));
}
