/* mamori-op-export.c — the exports and reports: documents, the ledger, heatmaps, the log,
 * assessments, the management review and the audit report */
#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "core/mamori-csv.h"
#include "core/mamori-pending.h"
#include "core/mamori-template.h"
#include "mamori-ops-private.h"
#include "report/mamori-document.h"
#include "report/mamori-heatmap-draw.h"
#include "report/mamori-review.h"
#include "report/mamori-table-export.h"
#include "report/mamori-word.h"
#include "store/mamori-assessments.h"
#include "store/mamori-assets.h"
#include "store/mamori-documents.h"
#include "store/mamori-reviews.h"
#include "store/mamori-roles.h"

static char *
today (void)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  return g_date_time_format (now, "%Y-%m-%d");
}

/* A positive number from the request's id; 0 when it is not one. */
static gint64
request_number (MamoriOpContext *ctx)
{
  guint64 n = 0;

  return g_ascii_string_to_unsigned (ctx->request->id, 10, 1, G_MAXINT64, &n, NULL) ? (gint64) n : 0;
}

/* The file's format follows its extension; a font fallback is a warning. */
static gboolean
write_document (MamoriOpContext           *ctx,
                const char                *markdown,
                const MamoriDocumentMeta  *meta,
                GError                   **error)
{
  g_autofree char *warning = NULL;
  gboolean ok = mamori_document_write (markdown, meta, ctx->request->path, &warning, error);

  if (warning != NULL)
    mamori_op_warn (ctx, "%s", warning);
  return ok;
}

static gboolean
write_report (MamoriOpContext  *ctx,
              MamoriReport     *report,
              GError          **error)
{
  g_autofree char *warning = NULL;
  gboolean ok = mamori_report_write (report, ctx->request->path, &warning, error);

  if (warning != NULL)
    mamori_op_warn (ctx, "%s", warning);
  return ok;
}

static gboolean
export_stored_document (MamoriOpContext  *ctx,
                        gint64            id,
                        GError          **error)
{
  g_autoptr(MamoriDocumentPrint) print = mamori_workspace_get_document_print (ctx->workspace, id, FALSE, error);

  return print != NULL && write_document (ctx, print->markdown, &print->meta, error);
}

/* The workspace's newest document of a kind; without one, a draft from the built-in template
 * filled from the organisation profile (nothing is stored). */
static gboolean
export_kind (MamoriOpContext  *ctx,
             const char       *kind,
             const char       *template_id,
             GError          **error)
{
  g_autoptr(GError) local = NULL;
  g_autoptr(MamoriDocumentInfo) stored = mamori_workspace_find_document (ctx->workspace, kind, &local);
  g_autoptr(MamoriTemplate) tmpl = NULL;
  g_autoptr(MamoriTemplateValues) values = NULL;
  g_autoptr(MamoriProfile) profile = NULL;
  g_autofree char *date = today ();
  g_autofree char *markdown = NULL;
  g_autofree char *classification = NULL;
  const MamoriTemplateField *organisation;
  MamoriDocumentMeta meta = { 0 };

  if (stored != NULL)
    return export_stored_document (ctx, stored->id, error);
  if (local != NULL)
    {
      g_propagate_error (error, g_steal_pointer (&local));
      return FALSE;
    }
  tmpl = mamori_template_builtin (template_id, mamori_text_user_lang (), error);
  if (tmpl == NULL || (profile = mamori_workspace_get_profile (ctx->workspace, error)) == NULL)
    return FALSE;
  organisation = mamori_template_find_field (tmpl, "organisation");
  values = mamori_workspace_prefill_template (ctx->workspace, tmpl, error);
  markdown = values ? mamori_template_fill (tmpl, values, error) : NULL;
  if (markdown == NULL)
    return FALSE;
  meta.organisation = organisation ? mamori_template_values_get (values, "organisation") ?: organisation->default_text : "";
  meta.title = mamori_template_get_title (tmpl);
  meta.date = date;
  classification = mamori_workspace_default_document_classification (ctx->workspace, mamori_template_get_lang (tmpl));
  meta.classification = classification;
  meta.created_by = profile->security_officer;
  meta.lang = mamori_template_get_lang (tmpl);
  meta.numbering = mamori_template_get_numbering (tmpl);
  meta.table_of_contents = TRUE;
  return write_document (ctx, markdown, &meta, error);
}

gboolean
mamori_op_export_policy (MamoriOpContext  *ctx,
                         GError          **error)
{
  return export_kind (ctx, "policy", "basic-policy", error);
}

gboolean
mamori_op_export_rules (MamoriOpContext  *ctx,
                        GError          **error)
{
  return export_kind (ctx, "rules", "related-rules", error);
}

gboolean
mamori_op_export_handbook (MamoriOpContext  *ctx,
                           GError          **error)
{
  return export_kind (ctx, "handbook", "handbook", error);
}

gboolean
mamori_op_export_document (MamoriOpContext  *ctx,
                           GError          **error)
{
  gint64 id = request_number (ctx);

  if (id == 0)
    {
      g_set_error (error, MAMORI_OP_ERROR, MAMORI_OP_ERROR_BAD_INPUT,
                   _("“%s” is not a document number; `mamori documents` lists them."), ctx->request->id);
      return FALSE;
    }
  return export_stored_document (ctx, id, error);
}

gboolean
mamori_op_export_assets (MamoriOpContext  *ctx,
                         GError          **error)
{
  return mamori_table_export_assets (ctx->workspace, ctx->request->path, error);
}

gboolean
mamori_op_export_log (MamoriOpContext  *ctx,
                      GError          **error)
{
  g_autoptr(GPtrArray) entries = mamori_workspace_list_changes (ctx->workspace, 0, error);
  g_autoptr(GString) csv = g_string_new ("\xEF\xBB\xBF"); /* BOM: Excel reads UTF-8 then */
  /* With the chain's fields, so that a copy of the log can be verified outside Mamori. */
  const char *header[] = { "id", "at", "os_user", "entity", "action", "summary", "digests", "hash" };

  if (entries == NULL)
    return FALSE;
  mamori_csv_append_row (csv, header, G_N_ELEMENTS (header));
  for (guint i = entries->len; i > 0; i--)
    {
      MamoriChangeLogEntry *e = entries->pdata[i - 1];
      g_autofree char *number = g_strdup_printf ("%" G_GINT64_FORMAT, e->id);
      const char *row[] = { number, e->at, e->os_user, e->entity, e->action, e->summary, e->digests, e->hash };
      mamori_csv_append_row (csv, row, G_N_ELEMENTS (row));
    }
  /* A temporary file renamed into place: never a partial file. */
  return mamori_write_file_atomically (ctx->request->path, csv->str, csv->len, 0644, error);
}

static MamoriAssessment *
request_assessment (MamoriOpContext  *ctx,
                    GError          **error)
{
  gint64 id = request_number (ctx);

  if (id == 0)
    {
      g_set_error (error, MAMORI_OP_ERROR, MAMORI_OP_ERROR_BAD_INPUT, _("“%s” is not an assessment number."),
                   ctx->request->id);
      return NULL;
    }
  return mamori_workspace_get_assessment (ctx->workspace, id, error);
}

gboolean
mamori_op_export_assessment (MamoriOpContext  *ctx,
                             GError          **error)
{
  g_autoptr(MamoriAssessment) a = request_assessment (ctx, error);
  g_autoptr(MamoriChecklist) pinned = NULL;
  g_autofree char *csv = NULL;
  const MamoriChecklist *cl = a ? mamori_op_assessment_checklist (ctx, a, &pinned, error) : NULL;

  csv = cl ? mamori_table_export_assessment_csv (ctx->workspace, cl, a->id, mamori_text_user_lang (), error) : NULL;
  return csv != NULL && mamori_write_file_atomically (ctx->request->path, csv, strlen (csv), 0644, error);
}

/* The audit report of an assessment. */
gboolean
mamori_op_export_audit (MamoriOpContext  *ctx,
                        GError          **error)
{
  g_autoptr(MamoriAssessment) a = request_assessment (ctx, error);
  g_autoptr(MamoriChecklist) pinned = NULL;
  g_autoptr(MamoriReport) report = NULL;
  g_autofree char *date = today ();
  const MamoriChecklist *cl = a ? mamori_op_assessment_checklist (ctx, a, &pinned, error) : NULL;

  if (cl == NULL)
    return FALSE;
  report = mamori_audit_report_new (ctx->workspace, cl, a->id, date, mamori_text_user_lang (), !ctx->request->no_annex, error);
  return report != NULL && write_report (ctx, report, error);
}

/* The management-review report; the figures are recorded as today's review so the next report
 * shows what changed. */
gboolean
mamori_op_export_review (MamoriOpContext  *ctx,
                         GError          **error)
{
  g_autoptr(MamoriReport) report = NULL;
  g_autofree char *date = today ();
  MamoriCatalog *catalog = mamori_op_catalog (ctx, error);

  if (catalog == NULL)
    return FALSE;
  report = mamori_review_report_new (ctx->workspace, catalog, date, mamori_text_user_lang (), error);
  if (report == NULL || !write_report (ctx, report, error))
    return FALSE;
  /* Recorded when the officer makes it; another role's export (or one from a workspace open
   * for reading only) is a copy of the report that records nothing. */
  if (!mamori_access_is_officer (mamori_workspace_get_access (ctx->workspace)))
    return TRUE;
  return mamori_review_report_record (report, ctx->workspace, error);
}

/* The heatmap as PNG, SVG or PDF. */
gboolean
mamori_op_export_heatmap (MamoriOpContext  *ctx,
                          GError          **error)
{
  const MamoriOpRequest *r = ctx->request;
  g_autoptr(MamoriHeatmap) heatmap = NULL;
  g_autoptr(MamoriProfile) profile = NULL;
  g_autofree char *date = today ();
  g_autofree char *subtitle = NULL;
  g_autoptr(GError) local = NULL;
  MamoriRiskMethod method = mamori_workspace_get_risk_method (ctx->workspace);
  MamoriHeatmapLabels labels = { 0 };
  gboolean en = g_str_equal (mamori_text_user_lang (), "en");

  if (r->grid == MAMORI_OP_HEATMAP_IPA)
    method = MAMORI_RISK_METHOD_IPA;
  else if (r->grid == MAMORI_OP_HEATMAP_GOV5)
    method = MAMORI_RISK_METHOD_GOV5;
  heatmap = r->grid == MAMORI_OP_HEATMAP_LIKELIHOOD
              ? mamori_workspace_get_likelihood_heatmap (ctx->workspace, r->residual, NULL, NULL, error)
              : mamori_workspace_get_heatmap (ctx->workspace, method, r->residual, NULL, NULL, error);
  profile = heatmap ? mamori_workspace_get_profile (ctx->workspace, error) : NULL;
  if (profile == NULL)
    return FALSE;
  subtitle = g_strdup_printf ("%s　%s%s", profile->name ? profile->name : "", date,
                              r->residual ? (en ? " — after planned measures" : "　計画した対策の実施後") : "");
  labels.subtitle = subtitle;
  labels.lang = mamori_text_user_lang ();
  if (!mamori_heatmap_export (heatmap, &labels, r->path, r->width > 0 ? r->width : 1200, r->height > 0 ? r->height : 800,
                              &local))
    {
      /* An unusable size or format is the caller's input. */
      if (g_error_matches (local, G_FILE_ERROR, G_FILE_ERROR_INVAL))
        g_set_error_literal (error, MAMORI_OP_ERROR, MAMORI_OP_ERROR_BAD_INPUT, local->message);
      else
        g_propagate_error (error, g_steal_pointer (&local));
      return FALSE;
    }
  return TRUE;
}
