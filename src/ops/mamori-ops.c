/* mamori-ops.c — the table of operations, and running one here or in a worker.
 *
 * A new export, import or report is one row of `ops` and one function (see HACKING.md). */
#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "mamori-ops-private.h"

G_DEFINE_QUARK (mamori-op-error-quark, mamori_op_error)

typedef struct {
  MamoriOp op;             /* first: a MamoriOp* is a pointer to its row */
  MamoriOpFunc run;
} MamoriOpRow;

static const MamoriOpRow ops[] = {
  { { MAMORI_OP_EXPORT, "policy", ".pdf .docx .odt", N_("Basic Policy"),
      N_("the information-security basic policy as a PDF, Word or OpenDocument file (its approved version)"), 0 },
    mamori_op_export_policy },
  { { MAMORI_OP_EXPORT, "rules", ".pdf .docx .odt", N_("Rules"),
      N_("the information-security rules as a PDF, Word or OpenDocument file"), 0 },
    mamori_op_export_rules },
  { { MAMORI_OP_EXPORT, "handbook", ".pdf .docx .odt", N_("Employee Handbook"),
      N_("the employee handbook as a PDF, Word or OpenDocument file"), 0 },
    mamori_op_export_handbook },
  { { MAMORI_OP_EXPORT, "heatmap", ".png .svg .pdf", N_("Risk Heatmap"),
      N_("the risk heatmap (export heatmap OUT [--method ipa|gov5|likelihood] [--residual] [--size WxH]); likelihood: the threat × vulnerability grid"), MAMORI_OP_OPTIONS },
    mamori_op_export_heatmap },
  { { MAMORI_OP_EXPORT, "document", ".pdf .docx .odt .md", N_("Document"),
      N_("one document as a PDF, Word or OpenDocument file, or its Markdown text (export document ID OUT)"), MAMORI_OP_TAKES_ID },
    mamori_op_export_document },
  { { MAMORI_OP_EXPORT, "assets", ".csv .xlsx", N_("Asset Ledger"),
      N_("the information-asset ledger with importance, likelihood, risk and band"), 0 },
    mamori_op_export_assets },
  { { MAMORI_OP_EXPORT, "log", ".csv", N_("Change Log"),
      N_("the change log (who changed what, when)"), 0 },
    mamori_op_export_log },
  { { MAMORI_OP_EXPORT, "assessment", ".csv", N_("Assessment"),
      N_("one assessment’s answers, notes, measures and evidence (export assessment ID OUT)"), MAMORI_OP_TAKES_ID },
    mamori_op_export_assessment },
  { { MAMORI_OP_EXPORT, "review", ".pdf .docx .odt .md", N_("Management Review Report"),
      N_("the management-review report: figures and their change since the last review, heatmaps, top risks, results, decisions (recorded as today’s review)"), MAMORI_OP_WRITES },
    mamori_op_export_review },
  { { MAMORI_OP_EXPORT, "audit", ".pdf .docx .odt .md", N_("Audit Report"),
      N_("the audit report of one assessment: findings, measures, evidence with SHA-256 (export audit ID OUT [--no-annex])"), MAMORI_OP_TAKES_ID | MAMORI_OP_OPTIONS },
    mamori_op_export_audit },
  { { MAMORI_OP_EXPORT, "assessment-report", ".pdf .docx .odt .md", N_("Assessment Result Report"),
      N_("the result of an assessment answered by level: per chapter and section, levels reached, gaps, rules and records still to show, tier, statement of applicability (export assessment-report ID OUT)"), MAMORI_OP_TAKES_ID },
    mamori_op_export_assessment_report },
  { { MAMORI_OP_EXPORT, "calendar", ".ics", N_("Calendar of What Is Due"),
      N_("what is due (open measures, the yearly management review and self-diagnosis) as iCalendar, for GNOME Calendar or Outlook"), 0 },
    mamori_op_export_calendar },
  { { MAMORI_OP_EXPORT, "incidents", ".csv .xlsx", N_("Incidents"),
      N_("the incident register: when, what, category, severity, state, reports and notifications"), 0 },
    mamori_op_export_register },
  { { MAMORI_OP_EXPORT, "exceptions", ".csv .xlsx", N_("Exceptions"),
      N_("the exception register: request, decision and end of each exception"), 0 },
    mamori_op_export_register },
  { { MAMORI_OP_EXPORT, "acceptances", ".csv .xlsx", N_("Accepted Risks"),
      N_("the accepted risks: who accepted what, why, the residual risk and until when"), 0 },
    mamori_op_export_register },
  { { MAMORI_OP_EXPORT, "trainings", ".csv .xlsx", N_("Training"),
      N_("the training sessions with their attendance"), 0 },
    mamori_op_export_register },
  { { MAMORI_OP_EXPORT, "people", ".csv .xlsx", N_("People"),
      N_("the people with their training and pledge status"), 0 },
    mamori_op_export_register },
  { { MAMORI_OP_EXPORT, "pledges", ".csv .xlsx", N_("Pledges"),
      N_("the signed confidentiality pledges"), 0 },
    mamori_op_export_register },
  { { MAMORI_OP_EXPORT, "training_plans", ".csv .xlsx", N_("Training Plan"),
      N_("the training planned per fiscal year"), 0 },
    mamori_op_export_register },
  { { MAMORI_OP_EXPORT, "suppliers", ".csv .xlsx", N_("Suppliers"),
      N_("suppliers and cloud services with their contract, agreement and evaluation dates"), 0 },
    mamori_op_export_register },
  { { MAMORI_OP_IMPORT, "library", ".yaml .yml", N_("Checklist Library"),
      N_("a checklist library in YAML"), MAMORI_OP_WRITES },
    mamori_op_import_library },
  { { MAMORI_OP_IMPORT, "answers", ".csv", N_("Answers"),
      N_("the answers of one assessment as CSV: ref_id,answer[,note] (with --checklist ID [--subject TEXT]), or a returned self-inspection sheet (with --assessment ID)"), MAMORI_OP_WRITES | MAMORI_OP_OPTIONS },
    mamori_op_import_answers },
  { { MAMORI_OP_IMPORT, "assets", ".csv .xlsx", N_("Asset Ledger"),
      N_("the information-asset ledger as CSV or the IPA Excel workbook"), MAMORI_OP_WRITES },
    mamori_op_import_assets },
  { { MAMORI_OP_IMPORT, "people", ".csv", N_("People"),
      N_("people as CSV: name,unit,joined_on,access_holder[,left_on] (the headings in English or Japanese); all or nothing"), MAMORI_OP_WRITES },
    mamori_op_import_people },
  { { MAMORI_OP_IMPORT, "attendance", ".csv", N_("Attendance"),
      N_("who attended which training, as CSV: held_on,title,name[,note] (the session by its date, and its title when several were held that day); all or nothing"), MAMORI_OP_WRITES },
    mamori_op_import_attendance },
  { { MAMORI_OP_EXPORT, "pledge-form", ".pdf", N_("Confidentiality Pledge Form"),
      N_("a confidentiality pledge to print and sign, with blank lines for the date, unit, name and signature"), 0 },
    mamori_op_export_pledge_form },
  { { MAMORI_OP_EXPORT, "pledge-form-for", ".pdf", N_("Confidentiality Pledge of One Person"),
      N_("the confidentiality pledge with one person’s name and unit filled in (export pledge-form-for PERSON-ID OUT)"), MAMORI_OP_TAKES_ID },
    mamori_op_export_pledge_form_for },
  { { MAMORI_OP_EXPORT, "attendance-sheet", ".pdf", N_("Training Attendance Sheet"),
      N_("the attendance sheet of one training session: a row to sign for everyone expected (export attendance-sheet SESSION-ID OUT)"), MAMORI_OP_TAKES_ID },
    mamori_op_export_attendance_sheet },
  { { MAMORI_OP_EXPORT, "workspace", ".mamori", N_("Whole Workspace"),
      N_("a complete copy of the workspace as a local file: a backup, or a copy to take offline"), MAMORI_OP_NO_MENU },
    mamori_op_export_workspace },
  { { MAMORI_OP_IMPORT, "workspace", ".mamori", N_("Whole Workspace"),
      N_("a whole workspace file, copied into this empty workspace on a server (every table, the change log too)"), MAMORI_OP_WRITES },
    mamori_op_import_workspace },
  { { MAMORI_OP_EXPORT, "sheet", ".pdf .csv", N_("Self-Inspection Sheet"),
      N_("the self-inspection sheet of one role, to hand out and fill in (export sheet CHECKLIST --role ROLE OUT; ROLE: ciso, chief_iso, unit_iso, system_officer, csirt, approver, audit_officer, staff or all); the CSV is read back by import answers"), MAMORI_OP_TAKES_ID | MAMORI_OP_OPTIONS },
    mamori_op_export_sheet },
  { { MAMORI_OP_EXPORT, "self-inspection", ".pdf", N_("Self-Inspection Report"),
      N_("the self-inspection report of one assessment from its returned sheets: rates per role, unit and clause, organisation-wide issues, improvements (export self-inspection ID OUT)"), MAMORI_OP_TAKES_ID },
    mamori_op_export_self_inspection },
  { { MAMORI_OP_DEMO, "demo", NULL, N_("Sample Company"),
      N_("Fill an empty workspace with a sample company"), MAMORI_OP_WRITES },
    mamori_op_demo },
};

const MamoriOp *
mamori_ops_get (guint i)
{
  return i < G_N_ELEMENTS (ops) ? &ops[i].op : NULL;
}

const MamoriOp *
mamori_op_find (MamoriOpKind  kind,
                const char   *name)
{
  for (guint i = 0; i < G_N_ELEMENTS (ops); i++)
    if (ops[i].op.kind == kind && g_strcmp0 (ops[i].op.name, name) == 0)
      return &ops[i].op;
  return NULL;
}

gboolean
mamori_op_accepts_path (const MamoriOp *op,
                        const char     *path)
{
  const char *dot = path ? strrchr (path, '.') : NULL;
  g_auto(GStrv) list = NULL;

  if (op->extensions == NULL || dot == NULL || strchr (dot, '/') != NULL)
    return FALSE;
  list = g_strsplit (op->extensions, " ", -1);
  for (guint i = 0; list[i] != NULL; i++)
    if (g_ascii_strcasecmp (list[i], dot) == 0)
      return TRUE;
  return FALSE;
}

gboolean
mamori_op_error_is_bad_input (const GError *error)
{
  return g_error_matches (error, MAMORI_OP_ERROR, MAMORI_OP_ERROR_BAD_INPUT) ||
         mamori_workspace_error_is_bad_input (error);
}

MamoriOpRequest *
mamori_op_request_copy (const MamoriOpRequest *request)
{
  MamoriOpRequest *copy = g_new0 (MamoriOpRequest, 1);

  if (request != NULL)
    *copy = *request;
  copy->id = g_strdup (copy->id);
  copy->path = g_strdup (copy->path);
  copy->checklist = g_strdup (copy->checklist);
  copy->subject = g_strdup (copy->subject);
  copy->role = g_strdup (copy->role);
  copy->assessment = g_strdup (copy->assessment);
  return copy;
}

void
mamori_op_request_free (MamoriOpRequest *request)
{
  if (request == NULL)
    return;
  g_free ((char *) request->id);
  g_free ((char *) request->path);
  g_free ((char *) request->checklist);
  g_free ((char *) request->subject);
  g_free ((char *) request->role);
  g_free ((char *) request->assessment);
  g_free (request);
}

MamoriOpResult *
mamori_op_result_new (void)
{
  MamoriOpResult *result = g_new0 (MamoriOpResult, 1);

  result->warnings = g_ptr_array_new_with_free_func (g_free);
  result->problems = g_ptr_array_new_with_free_func (g_free);
  result->changed = g_ptr_array_new_null_terminated (4, g_free, TRUE);
  return result;
}

void
mamori_op_result_free (MamoriOpResult *result)
{
  if (result == NULL)
    return;
  g_ptr_array_unref (result->warnings);
  g_ptr_array_unref (result->problems);
  g_ptr_array_unref (result->changed);
  g_clear_pointer (&result->checklist, mamori_checklist_free);
  g_clear_pointer (&result->assets, g_ptr_array_unref);
  g_free (result->name);
  g_free (result);
}

/* --- shared by the operations ------------------------------------------------------------ */

void
mamori_op_warn (MamoriOpContext *ctx,
                const char      *format,
                ...)
{
  va_list args;

  va_start (args, format);
  g_ptr_array_add (ctx->result->warnings, g_strdup_vprintf (format, args));
  va_end (args);
}

MamoriCatalog *
mamori_op_catalog (MamoriOpContext  *ctx,
                   GError          **error)
{
  g_autoptr(MamoriCatalog) catalog = NULL;
  g_autoptr(GPtrArray) warnings = NULL;

  if (ctx->catalog != NULL)
    return ctx->catalog;
  catalog = mamori_catalog_new ();
  if (!mamori_catalog_load_builtin (catalog, error) ||
      !mamori_workspace_load_catalog (ctx->workspace, catalog, &warnings, error))
    return NULL;
  for (guint i = 0; i < warnings->len; i++)
    mamori_op_warn (ctx, _("An imported checklist could not be read and is left out: %s"), (char *) warnings->pdata[i]);
  ctx->owned_catalog = g_steal_pointer (&catalog);
  ctx->catalog = ctx->owned_catalog;
  return ctx->catalog;
}

const MamoriChecklist *
mamori_op_assessment_checklist (MamoriOpContext         *ctx,
                                const MamoriAssessment  *a,
                                MamoriChecklist        **pinned,
                                GError                 **error)
{
  MamoriCatalog *catalog = mamori_op_catalog (ctx, error);

  return catalog ? mamori_workspace_assessment_checklist (ctx->workspace, catalog, a, pinned, error) : NULL;
}

/* --- running ----------------------------------------------------------------------------- */

static void
note_change (MamoriWorkspace *workspace,
             const char      *entity,
             MamoriOpResult  *result)
{
  if (!g_ptr_array_find_with_equal_func (result->changed, entity, g_str_equal, NULL))
    g_ptr_array_add (result->changed, g_strdup (entity));
}

gboolean
mamori_op_run (const MamoriOp         *op,
               MamoriWorkspace        *workspace,
               MamoriCatalog          *catalog,
               const MamoriOpRequest  *request,
               MamoriOpResult        **result,
               GError                **error)
{
  const MamoriOpRow *row = (const MamoriOpRow *) op;
  static const MamoriOpRequest none = { 0 };
  MamoriOpContext ctx = { workspace, catalog, NULL, request ? request : &none, mamori_op_result_new (), op };
  gboolean ok;

  g_return_val_if_fail (row >= &ops[0] && row < &ops[G_N_ELEMENTS (ops)], FALSE);
  g_return_val_if_fail (MAMORI_IS_WORKSPACE (workspace), FALSE);

  if (op->kind != MAMORI_OP_DEMO && (op->flags & MAMORI_OP_TAKES_ID) && (ctx.request->id == NULL || *ctx.request->id == '\0'))
    {
      g_set_error (error, MAMORI_OP_ERROR, MAMORI_OP_ERROR_BAD_INPUT, _("Usage: mamori [--workspace PATH] export %s %sOUT"),
                   op->name, "ID ");
      ok = FALSE;
    }
  else
    {
      gulong id = g_signal_connect (workspace, "changed", G_CALLBACK (note_change), ctx.result);
      ok = row->run (&ctx, error);
      g_signal_handler_disconnect (workspace, id);
    }
  g_clear_pointer (&ctx.owned_catalog, mamori_catalog_free);
  if (result != NULL)
    *result = ctx.result;
  else
    mamori_op_result_free (ctx.result);
  return ok;
}

/* A request and its strings, owned by the worker. */
typedef struct {
  const MamoriOp *op;
  char *workspace_path;
  MamoriOpRequest *request;
  MamoriOpResult *result;
} AsyncRun;

static void
async_run_free (gpointer data)
{
  AsyncRun *run = data;

  g_free (run->workspace_path);
  mamori_op_request_free (run->request);
  mamori_op_result_free (run->result);
  g_free (run);
}

static void
run_thread (GTask        *task,
            gpointer      source_object,
            gpointer      task_data,
            GCancellable *cancellable)
{
  AsyncRun *run = task_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(MamoriWorkspace) ws = NULL;
  MamoriWorkspaceOpenFlags flags = MAMORI_WORKSPACE_OPEN_EXISTING;

  if (run->op->kind == MAMORI_OP_DEMO)
    flags = MAMORI_WORKSPACE_OPEN_CREATE;
  else if (!(run->op->flags & MAMORI_OP_WRITES))
    flags |= MAMORI_WORKSPACE_OPEN_READ_ONLY;
  /* Its own connection: the window's stays free for the main thread. */
  ws = mamori_workspace_open (run->workspace_path, flags, &error);
  if (ws == NULL || g_task_return_error_if_cancelled (task))
    {
      if (ws == NULL)
        g_task_return_error (task, g_steal_pointer (&error));
      return;
    }
  if (!mamori_op_run (run->op, ws, NULL, run->request, &run->result, &error))
    {
      mamori_workspace_close (ws);
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }
  mamori_workspace_close (ws);
  g_task_return_boolean (task, TRUE);
}

void
mamori_op_run_async (const MamoriOp         *op,
                     const char             *workspace_path,
                     const MamoriOpRequest  *request,
                     GCancellable           *cancellable,
                     GAsyncReadyCallback     callback,
                     gpointer                user_data)
{
  g_autoptr(GTask) task = g_task_new (NULL, cancellable, callback, user_data);
  AsyncRun *run = g_new0 (AsyncRun, 1);

  run->op = op;
  run->workspace_path = g_strdup (workspace_path);
  run->request = mamori_op_request_copy (request);
  g_task_set_source_tag (task, mamori_op_run_async);
  g_task_set_task_data (task, run, async_run_free);
  g_task_run_in_thread (task, run_thread);
}

gboolean
mamori_op_run_finish (GAsyncResult    *result,
                      MamoriOpResult **op_result,
                      GError         **error)
{
  GTask *task = G_TASK (result);
  AsyncRun *run = g_task_get_task_data (task);

  g_return_val_if_fail (g_task_get_source_tag (task) == mamori_op_run_async, FALSE);
  if (op_result != NULL)
    *op_result = g_steal_pointer (&run->result);
  return g_task_propagate_boolean (task, error);
}
