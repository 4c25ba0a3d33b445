/* mamori-op-criteria.c — the result report of an assessment answered by level
 * (export assessment-report ID OUT). */
#include "config.h"

#include <glib/gi18n.h>

#include "mamori-ops-private.h"
#include "core/mamori-criteria.h"
#include "report/mamori-criteria-report.h"
#include "report/mamori-word.h"
#include "store/mamori-assessments.h"

gboolean
mamori_op_export_assessment_report (MamoriOpContext  *ctx,
                                    GError          **error)
{
  g_autoptr(MamoriAssessment) a = NULL;
  g_autoptr(MamoriChecklist) pinned = NULL;
  g_autoptr(MamoriReport) report = NULL;
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autofree char *today = g_date_time_format (now, "%Y-%m-%d");
  g_autofree char *warning = NULL;
  const MamoriChecklist *cl;
  guint64 id = 0;

  if (!g_ascii_string_to_unsigned (ctx->request->id, 10, 1, G_MAXINT64, &id, NULL))
    {
      g_set_error (error, MAMORI_OP_ERROR, MAMORI_OP_ERROR_BAD_INPUT, _("“%s” is not an assessment number."),
                   ctx->request->id);
      return FALSE;
    }
  if ((a = mamori_workspace_get_assessment (ctx->workspace, (gint64) id, error)) == NULL ||
      (cl = mamori_op_assessment_checklist (ctx, a, &pinned, error)) == NULL)
    return FALSE;
  if (!mamori_criteria_applies (cl))
    {
      g_set_error (error, MAMORI_OP_ERROR, MAMORI_OP_ERROR_BAD_INPUT,
                   _("Assessment %lld (%s) is not answered by level; export its audit report instead."),
                   (long long) a->id, cl->id);
      return FALSE;
    }
  report = mamori_criteria_report_new (ctx->workspace, cl, a->id, today, mamori_text_user_lang (), error);
  if (report == NULL || !mamori_report_write (report, ctx->request->path, &warning, error))
    return FALSE;
  if (warning != NULL)
    mamori_op_warn (ctx, "%s", warning);
  return TRUE;
}
