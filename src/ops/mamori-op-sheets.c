/* mamori-op-sheets.c — per-role self-inspection sheets (government standard 2.3.1(1)(b)):
 * exporting a role's sheet as PDF or CSV, reading returned sheets into an assessment, and the
 * self-inspection report (2.3.1(3)) */
#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "core/mamori-pending.h"
#include "core/mamori-profile.h"
#include "core/mamori-sheet-summary.h"
#include "mamori-ops-private.h"
#include "report/mamori-self-inspection.h"
#include "store/mamori-assessments.h"
#include "store/mamori-sheets.h"

/* The roles of cl as “key, key, …, all”. */
static char *
known_roles (const MamoriChecklist *cl)
{
  g_autoptr(GPtrArray) roles = mamori_sheet_roles (cl);
  GString *out = g_string_new (NULL);

  for (guint i = 0; i < roles->len; i++)
    g_string_append_printf (out, "%s, ", (char *) roles->pdata[i]);
  g_string_append (out, "all");
  return g_string_free (out, FALSE);
}

static char *
organisation (MamoriOpContext *ctx)
{
  g_autoptr(MamoriProfile) profile = mamori_workspace_get_profile (ctx->workspace, NULL);

  return g_strdup (profile && profile->name ? profile->name : "");
}

/* export sheet CHECKLIST --role ROLE OUT.pdf|OUT.csv */
gboolean
mamori_op_export_sheet (MamoriOpContext  *ctx,
                        GError          **error)
{
  const MamoriOpRequest *r = ctx->request;
  MamoriCatalog *catalog = mamori_op_catalog (ctx, error);
  const MamoriChecklist *cl;
  g_autoptr(GPtrArray) roles = NULL;
  g_autofree char *org = NULL;
  const char *lang = mamori_text_user_lang ();

  if (catalog == NULL)
    return FALSE;
  cl = mamori_catalog_find (catalog, r->id);
  if (cl == NULL)
    {
      g_set_error (error, MAMORI_OP_ERROR, MAMORI_OP_ERROR_BAD_INPUT,
                   _("Unknown checklist “%s” (see “mamori checklists”)."), r->id);
      return FALSE;
    }
  roles = mamori_sheet_roles (cl);
  if (roles->len == 0)
    {
      g_set_error (error, MAMORI_OP_ERROR, MAMORI_OP_ERROR_BAD_INPUT,
                   _("The checklist %s names no roles, so it has no per-role sheets."), cl->id);
      return FALSE;
    }
  if (r->role == NULL || (!g_str_equal (r->role, "all") &&
                          !g_ptr_array_find_with_equal_func (roles, r->role, g_str_equal, NULL)))
    {
      g_autofree char *known = known_roles (cl);
      if (r->role == NULL)
        g_set_error (error, MAMORI_OP_ERROR, MAMORI_OP_ERROR_BAD_INPUT,
                     _("export sheet needs --role ROLE; the roles of %s are: %s."), cl->id, known);
      else
        g_set_error (error, MAMORI_OP_ERROR, MAMORI_OP_ERROR_BAD_INPUT,
                     _("“%s” is not a role of %s; use one of: %s."), r->role, cl->id, known);
      return FALSE;
    }
  if (g_str_has_suffix (r->path, ".csv") || g_str_has_suffix (r->path, ".CSV"))
    {
      g_autoptr(GBytes) csv = mamori_sheet_csv (cl, r->role, lang);
      gsize length = 0;
      const char *data = g_bytes_get_data (csv, &length);
      return mamori_write_file_atomically (r->path, data, length, 0644, error);
    }
  org = organisation (ctx);
  {
    g_autofree char *warning = NULL;
    gboolean ok = mamori_sheet_form_write_pdf (cl, r->role, org, lang, r->path, &warning, error);
    if (warning != NULL)
      mamori_op_warn (ctx, "%s", warning);
    return ok;
  }
}

/* The assessment named by text; NULL with a bad-input error when it is not a number. */
static MamoriAssessment *
assessment_of (MamoriOpContext  *ctx,
               const char       *text,
               GError          **error)
{
  guint64 n = 0;

  if (text == NULL || !g_ascii_string_to_unsigned (text, 10, 1, G_MAXINT64, &n, NULL))
    {
      g_set_error (error, MAMORI_OP_ERROR, MAMORI_OP_ERROR_BAD_INPUT, _("“%s” is not an assessment number."),
                   text ? text : "");
      return NULL;
    }
  return mamori_workspace_get_assessment (ctx->workspace, (gint64) n, error);
}

/* import answers FILE --assessment ID, when FILE is a returned sheet (text: its UTF-8). */
gboolean
mamori_op_import_sheet_answers (MamoriOpContext  *ctx,
                                const char       *text,
                                GError          **error)
{
  const MamoriOpRequest *r = ctx->request;
  g_autofree char *name = g_path_get_basename (r->path);
  g_autoptr(MamoriAssessment) a = NULL;
  g_autoptr(MamoriChecklist) pinned = NULL;
  g_autoptr(GPtrArray) problems = NULL;
  g_autoptr(GPtrArray) answers = NULL;
  g_autoptr(GError) local = NULL;
  const MamoriChecklist *cl;

  if (r->assessment == NULL)
    {
      g_set_error (error, MAMORI_OP_ERROR, MAMORI_OP_ERROR_BAD_INPUT,
                   _("%s is a returned self-inspection sheet: name the assessment it answers with --assessment ID (see “mamori assessments”)."),
                   name);
      return FALSE;
    }
  a = assessment_of (ctx, r->assessment, error);
  cl = a ? mamori_op_assessment_checklist (ctx, a, &pinned, error) : NULL;
  if (cl == NULL)
    return FALSE;
  answers = mamori_sheet_read_csv (cl, text, &problems, &local);
  if (answers == NULL && problems == NULL)
    {
      g_set_error (error, MAMORI_OP_ERROR, MAMORI_OP_ERROR_BAD_INPUT, "%s: %s", name, local->message);
      return FALSE;
    }
  if (problems->len > 0)
    {
      g_autofree char *message = g_strdup_printf (ngettext ("%s: %u line is wrong, so nothing was imported:",
                                                            "%s: %u lines are wrong, so nothing was imported:",
                                                            problems->len), name, problems->len);
      mamori_op_set_problems (ctx, problems, message, error);
      return FALSE;
    }
  if (answers->len == 0)
    {
      g_set_error (error, MAMORI_OP_ERROR, MAMORI_OP_ERROR_BAD_INPUT,
                   _("%s: the sheet has no answers yet; fill in the answer column and import it again."), name);
      return FALSE;
    }
  if (!mamori_workspace_save_sheet_answers (ctx->workspace, a->id, answers, error))
    return FALSE;
  ctx->result->id = a->id;
  ctx->result->n_rows = answers->len;
  return TRUE;
}

/* export self-inspection ID OUT.pdf */
gboolean
mamori_op_export_self_inspection (MamoriOpContext  *ctx,
                                  GError          **error)
{
  g_autoptr(MamoriAssessment) a = assessment_of (ctx, ctx->request->id, error);
  g_autoptr(MamoriChecklist) pinned = NULL;
  g_autoptr(GPtrArray) answers = NULL;
  g_autoptr(GHashTable) decided = NULL;
  g_autoptr(MamoriSheetSummary) summary = NULL;
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autofree char *today = g_date_time_format (now, "%Y-%m-%d");
  g_autofree char *org = NULL;
  g_autofree char *warning = NULL;
  const MamoriChecklist *cl = a ? mamori_op_assessment_checklist (ctx, a, &pinned, error) : NULL;
  MamoriSelfInspection report = { 0 };
  gboolean ok;

  if (cl == NULL)
    return FALSE;
  answers = mamori_workspace_list_sheet_answers (ctx->workspace, a->id, error);
  decided = answers ? mamori_workspace_get_answers (ctx->workspace, a->id, error) : NULL;
  if (decided == NULL)
    return FALSE;
  if (answers->len == 0)
    mamori_op_warn (ctx, _("Assessment %lld has no returned self-inspection sheets yet, so the report shows no rates."),
                    (long long) a->id);
  summary = mamori_sheet_summary_new (cl, answers);
  org = organisation (ctx);
  report.organisation = org;
  report.subject = a->subject;
  report.assessed_on = a->assessed_on;
  report.today = today;
  report.checklist = cl;
  report.summary = summary;
  report.answers = decided;
  report.lang = mamori_text_user_lang ();
  ok = mamori_self_inspection_write_pdf (&report, ctx->request->path, &warning, error);
  if (warning != NULL)
    mamori_op_warn (ctx, "%s", warning);
  return ok;
}
