/* mamori-cli.c — command dispatcher for the display-free face of Mamori.
 *
 * A capability adds a command by adding one row to `commands`, or an export/import kind by
 * adding one row to `export_kinds` / `import_kinds`. */
#include "config.h"

#include <glib/gi18n.h>
#include <errno.h>
#include <glib/gstdio.h>
#include <stdio.h>
#include <sys/stat.h>
#include <unistd.h>
#include <string.h>

#include "mamori-cli.h"
#include "core/mamori-asset.h"
#include "core/mamori-asset-xlsx-read.h"
#include "core/mamori-catalog.h"
#include "core/mamori-csv.h"
#include "core/mamori-demo.h"
#include "core/mamori-pending.h"
#include "core/mamori-stepup.h"
#include "core/mamori-template.h"
#include "core/mamori-yaml.h"
#include "report/mamori-document.h"
#include "report/mamori-heatmap-draw.h"
#include "report/mamori-review.h"
#include "report/mamori-word.h"
#include "store/mamori-assessments.h"
#include "store/mamori-assets.h"
#include "store/mamori-documents.h"
#include "store/mamori-reviews.h"
#include "store/mamori-workspace.h"

typedef struct {
  const char *workspace_path;
  MamoriWorkspace *workspace;
  MamoriCatalog *catalog;  /* loaded on first use */
  gboolean no_annex;       /* export audit … --no-annex */
} MamoriCliContext;

typedef int (*MamoriCliFunc) (MamoriCliContext *ctx, int argc, char **argv);

typedef enum {
  CLI_READS,     /* never writes: works in a read-only folder, on a full disk, on a damaged file */
  CLI_WRITES,    /* refused (nothing changed) when the file is damaged or someone else edits it */
  CLI_EXPORTS,   /* writes when it can (a review is recorded), else reads */
} MamoriCliAccess;

typedef struct {
  const char *name;
  const char *args;        /* usage of the arguments, untranslated placeholders */
  const char *summary;     /* N_() */
  gboolean creates;        /* may create the workspace file when it is missing */
  MamoriCliAccess access;  /* how it opens the workspace */
  int min_args, max_args;  /* after the command name */
  MamoriCliFunc run;
} MamoriCliCommand;

/* An output format is chosen by the file name's extension. */
typedef struct {
  const char *kind;
  const char *extensions;  /* space-separated, with the dot */
  const char *summary;     /* N_() */
  gboolean takes_id;       /* export KIND ID OUT */
  int (*run) (MamoriCliContext *ctx, const char *id, const char *out_path, const char *extension);
} MamoriCliExportKind;

static void
message (const char *format,
         ...) G_GNUC_PRINTF (1, 2);

static void
message (const char *format,
         ...)
{
  va_list args;
  g_autofree char *text = NULL;

  va_start (args, format);
  text = g_strdup_vprintf (format, args);
  va_end (args);
  fprintf (stderr, "mamori: %s\n", text);
}

/* Results on stdout are tab-separated lines. Every field is escaped (mamori_tsv_row: \t, \n,
 * \r, \\ and \xNN), so a tab or line break inside a subject or name cannot forge a field or
 * a row. */
static void
print_row (const char * const *fields,
           gsize               n_fields)
{
  g_autofree char *line = mamori_tsv_row (fields, n_fields);

  fputs (line, stdout);
}

static int
exit_for_error (const GError *error)
{
  message ("%s", error->message);
  return mamori_workspace_error_is_bad_input (error) ? MAMORI_EXIT_BAD_INPUT : MAMORI_EXIT_FAILURE;
}

static gboolean
write_output (const char  *path,
              const char  *contents,
              gsize        length,
              GError     **error)
{
  /* A temporary file renamed into place: never a partial file; one left by a crash is
   * removed at the next start. */
  return mamori_write_file_atomically (path, contents, length, 0644, error);
}

/* --- the checklist catalogue ------------------------------------------------------------- */

static MamoriCatalog *
get_catalog (MamoriCliContext *ctx,
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
    message (_("An imported checklist could not be read and is left out: %s"), (char *) warnings->pdata[i]);
  ctx->catalog = g_steal_pointer (&catalog);
  return ctx->catalog;
}

static const MamoriChecklist *
find_checklist (MamoriCliContext *ctx,
                const char       *id,
                int              *status)
{
  g_autoptr(GError) error = NULL;
  MamoriCatalog *catalog = get_catalog (ctx, &error);
  const MamoriChecklist *cl;

  if (catalog == NULL)
    {
      *status = exit_for_error (error);
      return NULL;
    }
  cl = mamori_catalog_find (catalog, id);
  if (cl == NULL)
    {
      g_autoptr(GString) known = g_string_new (NULL);
      for (guint i = 0; i < mamori_catalog_get_n (catalog); i++)
        g_string_append_printf (known, "%s%s", i ? ", " : "", mamori_catalog_get (catalog, i)->id);
      message (_("Unknown checklist “%s”. Known: %s."), id, known->str);
      *status = MAMORI_EXIT_BAD_INPUT;
    }
  return cl;
}

/* The checklist an assessment was answered against (an earlier library version it used is
 * parsed into *pinned). */
static const MamoriChecklist *
assessment_checklist (MamoriCliContext       *ctx,
                      const MamoriAssessment *a,
                      MamoriChecklist       **pinned,
                      int                    *status)
{
  g_autoptr(GError) error = NULL;
  MamoriCatalog *catalog = get_catalog (ctx, &error);
  const MamoriChecklist *cl = NULL;

  if (catalog != NULL)
    cl = mamori_workspace_assessment_checklist (ctx->workspace, catalog, a, pinned, &error);
  if (cl == NULL)
    *status = exit_for_error (error);
  return cl;
}

static char *
format_score (double score)
{
  char buf[G_ASCII_DTOSTR_BUF_SIZE];
  return g_strdup (g_ascii_formatd (buf, sizeof buf, "%g", score));
}

/* Answers choices (one per item, -1 skips) to a new assessment and completes it. Call
 * inside a transaction. */
static gint64
store_completed_assessment (MamoriWorkspace        *ws,
                            const MamoriChecklist  *cl,
                            const char             *subject,
                            const char             *date,
                            const char             *respondent,
                            const int              *choices,
                            const char * const     *notes,
                            const char             *evidence_ref,   /* one evidence file, or NULL */
                            const char             *evidence_name,
                            const char             *evidence_text,
                            GError                **error)
{
  gint64 id = mamori_workspace_create_assessment (ws, cl->id, subject, date, respondent, error);

  if (id == 0)
    return 0;
  for (guint i = 0; i < cl->items->len; i++)
    {
      MamoriNode *item = cl->items->pdata[i];
      GPtrArray *scale = mamori_checklist_choices (cl, item);
      MamoriChoice *c;

      if (notes != NULL && notes[i] != NULL && *notes[i] != '\0' &&
          !mamori_workspace_set_note (ws, id, item->ref_id, notes[i], error))
        return 0;
      if (choices[i] < 0)
        continue;
      c = scale->pdata[choices[i]];
      if (!mamori_workspace_set_answer (ws, id, item->ref_id, choices[i], c->score, c->not_applicable, error))
        return 0;
    }
  if (evidence_ref != NULL)
    {
      g_autoptr(GBytes) content = g_bytes_new_static (evidence_text, strlen (evidence_text));
      if (mamori_workspace_add_evidence (ws, id, evidence_ref, evidence_name, content, error) == 0)
        return 0;
    }
  if (!mamori_workspace_complete_assessment (ws, id, mamori_stepup_task_for_checklist (cl->id), error))
    return 0;
  return id;
}

/* --- demo -------------------------------------------------------------------------------- */

static gboolean
demo_fill (MamoriWorkspace  *workspace,
           gpointer          user_data,
           GError          **error)
{
  MamoriCatalog *catalog = user_data;
  g_autoptr(MamoriProfile) profile = mamori_demo_profile ();
  const char * const *tasks = mamori_demo_done_tasks ();
  const MamoriDemoAssessment *assessments;
  guint n_assessments;

  if (!mamori_workspace_set_profile (workspace, profile, error))
    return FALSE;
  for (guint i = 0; tasks[i] != NULL; i++)
    if (!mamori_workspace_set_task_done (workspace, tasks[i], TRUE, error))
      return FALSE;

  assessments = mamori_demo_assessments (&n_assessments);
  for (guint i = 0; i < n_assessments; i++)
    {
      const MamoriDemoAssessment *d = &assessments[i];
      const MamoriChecklist *cl = mamori_catalog_find (catalog, d->checklist);
      gint64 id;

      g_assert (cl != NULL && cl->items->len == d->n_choices);
      id = store_completed_assessment (workspace, cl, d->subject, d->assessed_on, d->respondent, d->choices,
                                       NULL, NULL, NULL, NULL, error);
      if (id == 0)
        return FALSE;
      /* The newest self-diagnosis has decided measures for two of its gaps. */
      if (g_str_equal (d->assessed_on, "2026-04-14") &&
          (!mamori_workspace_set_measure (workspace, id, "21", "私物スマートフォンの業務利用を許可制にし、画面ロックを必須にする",
                                          "総務部長 山田 花子", "2026-07-31", error) ||
           !mamori_workspace_set_measure (workspace, id, "24", "緊急連絡網と初動手順を1枚にまとめ、年1回訓練する",
                                          "製造部長 田中 健", "2026-09-30", error)))
        return FALSE;
    }
  {
    g_autoptr(GPtrArray) assets = NULL;
    g_autoptr(GPtrArray) problems = NULL;
    if (!mamori_asset_csv_read (mamori_demo_assets_csv (), &assets, &problems, error))
      return FALSE;
    g_assert (problems->len == 0);
    if (!mamori_workspace_add_assets (workspace, assets, error))
      return FALSE;
  }
  {
    /* Planned measures for eight of the 大 assets, so the residual heatmap and the What-If view
     * have something to show. */
    g_autoptr(GPtrArray) all = mamori_workspace_list_assets (workspace, error);
    g_autoptr(GHashTable) threats = all ? mamori_workspace_get_medium_threats (workspace, error) : NULL;
    g_autoptr(GPtrArray) planned = g_ptr_array_new ();
    if (threats == NULL)
      return FALSE;
    for (guint i = 0; i < all->len && planned->len < 8; i++)
      {
        MamoriAsset *a = all->pdata[i];
        MamoriAssetRisk r;
        mamori_asset_compute_risk (a, mamori_medium_threat_lookup (threats, a->medium), &r);
        if (r.band != MAMORI_RISK_BAND_LARGE || a->treatment != MAMORI_TREATMENT_REDUCE)
          continue;
        g_free (a->measure);
        a->measure = g_strdup (g_str_equal (a->medium, "書類") ? "施錠できる書庫で保管し、持ち出しを記録する"
                               : g_str_equal (a->medium, "モバイル機器") ? "端末を暗号化し、紛失時に遠隔消去できるようにする"
                               : "アクセス権を見直し、多要素認証を導入する");
        g_free (a->measure_owner);
        a->measure_owner = g_strdup ("総務部長 山田 花子");
        g_free (a->measure_due);
        a->measure_due = g_strdup ("2026-12-31");
        a->target_vulnerability = 1;
        g_ptr_array_add (planned, a);
      }
    if (planned->len > 0 && !mamori_workspace_update_assets (workspace, planned, error))
      return FALSE;
  }
  {
    /* The internal audit of the mandatory items, with its plan and corrective actions. */
    const MamoriDemoAudit *d = mamori_demo_internal_audit ();
    const MamoriChecklist *cl = mamori_catalog_find (catalog, "tech-info-mandatory");
    MamoriAuditPlan plan = { 0 };
    gint64 id;

    g_assert (cl != NULL && cl->items->len == d->n_checks);
    id = store_completed_assessment (workspace, cl, "", d->assessed_on, d->respondent, d->choices, d->remarks,
                                     d->evidence_ref, d->evidence_name, d->evidence_text, error);
    if (id == 0)
      return FALSE;
    plan.assessment = id;
    plan.scope = (char *) d->scope;
    plan.auditor = (char *) d->auditor;
    plan.audited_unit = (char *) d->audited_unit;
    plan.independence = (char *) d->independence;
    plan.independence_confirmed = TRUE;
    plan.starts_on = (char *) d->starts_on;
    plan.ends_on = (char *) d->ends_on;
    plan.opinion = (char *) d->opinion;
    if (!mamori_workspace_set_audit_plan (workspace, &plan, error))
      return FALSE;
    for (guint i = 0; i < d->n_actions; i++)
      {
        const MamoriDemoAction *a = &d->actions[i];
        gint64 action = mamori_workspace_add_corrective_action (workspace, id, a->ref_id, a->what, a->owner, a->due_on, error);
        if (action == 0 ||
            (a->closed_on && !mamori_workspace_close_corrective_action (workspace, action, a->closed_on, a->result, error)))
          return FALSE;
      }
  }
  {
    /* The review held a year ago, so the review report has changes to show. */
    const MamoriDemoReview *d = mamori_demo_last_review ();
    MamoriReviewFigures f = { (char *) d->held_on, MAMORI_RISK_METHOD_IPA, 3 };
    memcpy (f.bands, d->bands, sizeof d->bands);
    memcpy (f.residual_bands, d->residual_bands, sizeof d->residual_bands);
    f.has_score = TRUE;
    f.score = d->score;
    f.score_max = d->score_max;
    f.measures.done = d->measures_done;
    f.measures.open = d->measures_open;
    f.measures.overdue = d->measures_overdue;
    if (!mamori_workspace_record_review (workspace, &f, error))
      return FALSE;
  }
  {
    /* An approved basic policy, draft rules and a draft handbook, in the user's language. */
    const char *lang = mamori_text_user_lang ();
    gboolean en = g_str_equal (lang, "en");
    const char *ids[] = { "basic-policy", "related-rules", "handbook" };
    for (guint i = 0; i < G_N_ELEMENTS (ids); i++)
      {
        g_autoptr(MamoriTemplate) tmpl = mamori_template_builtin (ids[i], lang, error);
        g_autoptr(MamoriTemplateValues) values = NULL;
        gint64 id;
        /* As the new-document window does: organisation, officer, decided measures. */
        if (tmpl == NULL || (values = mamori_workspace_prefill_template (workspace, tmpl, error)) == NULL)
          return FALSE;
        if (i == 0)
          {
            mamori_template_values_set (values, "established_on", "2026-04-01");
            mamori_template_values_set (values, "representative", en ? "President Ichiro Morita" : "代表取締役 守田 一郎");
          }
        id = mamori_workspace_add_document_from_template (workspace, tmpl, values, error);
        if (id == 0)
          return FALSE;
        if (i == 0 &&
            (!mamori_workspace_set_document_status (workspace, id, MAMORI_DOCUMENT_REVIEW, NULL, NULL, error) ||
             !mamori_workspace_set_document_status (workspace, id, MAMORI_DOCUMENT_APPROVED,
                                                    en ? "President Ichiro Morita" : "代表取締役 守田 一郎", "2026-04-01",
                                                    error)))
          return FALSE;
      }
  }
  return TRUE;
}

static int
cmd_demo (MamoriCliContext *ctx,
          int               argc,
          char            **argv)
{
  g_autoptr(GError) error = NULL;
  gboolean empty = FALSE;

  if (!mamori_workspace_is_empty (ctx->workspace, &empty, &error))
    return exit_for_error (error);
  if (!empty)
    {
      g_autofree char *name = g_filename_display_name (ctx->workspace_path);
      message (_("“%s” already holds data; the demo only fills an empty workspace. Use a new file, e.g. --workspace demo.mamori."),
               name);
      return MAMORI_EXIT_FAILURE;
    }
  if (get_catalog (ctx, &error) == NULL ||
      !mamori_workspace_transaction (ctx->workspace, demo_fill, ctx->catalog, &error))
    return exit_for_error (error);
  {
    g_autofree char *name = g_filename_display_name (ctx->workspace_path);
    message (_("Filled “%s” with the sample company."), name);
  }
  return MAMORI_EXIT_OK;
}

/* --- check ------------------------------------------------------------------------------- */

static int
cmd_check (MamoriCliContext *ctx,
           int               argc,
           char            **argv)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) problems = NULL;

  if (!mamori_workspace_check (ctx->workspace, &problems, &error))
    return exit_for_error (error);
  if (problems->len == 0)
    {
      printf ("ok\n");
      return MAMORI_EXIT_OK;
    }
  for (guint i = 0; i < problems->len; i++)
    printf ("%s\n", (const char *) problems->pdata[i]);
  message (ngettext ("Found %u problem.", "Found %u problems.", problems->len), problems->len);
  return MAMORI_EXIT_FAILURE;
}

/* --- info -------------------------------------------------------------------------------- */

static int
cmd_info (MamoriCliContext *ctx,
          int               argc,
          char            **argv)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(MamoriProfile) profile = NULL;
  g_autoptr(GHashTable) done = NULL;
  MamoriStepProgress progress[MAMORI_STEPUP_N_STEPS];
  guint current;

  profile = mamori_workspace_get_profile (ctx->workspace, &error);
  if (profile == NULL)
    return exit_for_error (error);
  done = mamori_workspace_get_done_tasks (ctx->workspace, &error);
  if (done == NULL)
    return exit_for_error (error);

  {
    g_autofree char *format = g_strdup_printf ("%d", mamori_workspace_get_schema_version (ctx->workspace));
    const char *workspace_row[] = { "workspace", ctx->workspace_path };
    const char *format_row[] = { "format", format };
    print_row (workspace_row, G_N_ELEMENTS (workspace_row));
    print_row (format_row, G_N_ELEMENTS (format_row));
  }
  for (guint f = 0; f < MAMORI_PROFILE_N_FIELDS; f++)
    {
      g_autofree char *value = mamori_profile_get_field (profile, f);
      const char *row[] = { mamori_profile_field_key (f), value };
      print_row (row, G_N_ELEMENTS (row));
    }
  current = mamori_stepup_compute (done, progress);
  for (guint s = 0; s < MAMORI_STEPUP_N_STEPS; s++)
    printf ("step%u\t%u/%u\n", progress[s].step, progress[s].n_done, progress[s].n_tasks);
  printf ("current_step\t%u\n", current);
  return MAMORI_EXIT_OK;
}

/* --- log --------------------------------------------------------------------------------- */

static int
cmd_log (MamoriCliContext *ctx,
         int               argc,
         char            **argv)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) entries = NULL;
  guint64 limit = 20;

  if (argc > 1 && !g_ascii_string_to_unsigned (argv[1], 10, 0, G_MAXUINT, &limit, NULL))
    {
      message (_("“%s” is not a number of entries."), argv[1]);
      return MAMORI_EXIT_BAD_INPUT;
    }
  entries = mamori_workspace_list_changes (ctx->workspace, (guint) limit, &error);
  if (entries == NULL)
    return exit_for_error (error);
  for (guint i = 0; i < entries->len; i++)
    {
      MamoriChangeLogEntry *e = entries->pdata[i];
      const char *row[] = { e->at, e->os_user, e->entity, e->action, e->summary };
      print_row (row, G_N_ELEMENTS (row));
    }
  return MAMORI_EXIT_OK;
}

/* --- export ------------------------------------------------------------------------------ */

static int
export_log (MamoriCliContext *ctx,
            const char       *id,
            const char       *out_path,
            const char       *extension)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) entries = NULL;
  g_autoptr(GString) csv = g_string_new ("\xEF\xBB\xBF"); /* BOM: Excel reads UTF-8 then */
  /* With the chain's fields, so that a copy of the log can be verified outside Mamori. */
  const char *header[] = { "id", "at", "os_user", "entity", "action", "summary", "digests", "hash" };

  entries = mamori_workspace_list_changes (ctx->workspace, 0, &error);
  if (entries == NULL)
    return exit_for_error (error);
  mamori_csv_append_row (csv, header, G_N_ELEMENTS (header));
  for (guint i = entries->len; i > 0; i--)
    {
      MamoriChangeLogEntry *e = entries->pdata[i - 1];
      g_autofree char *number = g_strdup_printf ("%" G_GINT64_FORMAT, e->id);
      const char *row[] = { number, e->at, e->os_user, e->entity, e->action, e->summary, e->digests, e->hash };
      mamori_csv_append_row (csv, row, G_N_ELEMENTS (row));
    }
  if (!write_output (out_path, csv->str, csv->len, &error))
    {
      message ("%s", error->message);
      return MAMORI_EXIT_FAILURE;
    }
  return MAMORI_EXIT_OK;
}

static int
export_assessment (MamoriCliContext *ctx,
                   const char       *id_text,
                   const char       *out_path,
                   const char       *extension)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(MamoriAssessment) a = NULL;
  g_autofree char *csv = NULL;
  g_autoptr(MamoriChecklist) pinned = NULL;
  const MamoriChecklist *cl;
  guint64 id = 0;
  int status = MAMORI_EXIT_OK;

  if (!g_ascii_string_to_unsigned (id_text, 10, 1, G_MAXINT64, &id, NULL))
    {
      message (_("“%s” is not an assessment number."), id_text);
      return MAMORI_EXIT_BAD_INPUT;
    }
  a = mamori_workspace_get_assessment (ctx->workspace, (gint64) id, &error);
  if (a == NULL)
    return exit_for_error (error);
  cl = assessment_checklist (ctx, a, &pinned, &status);
  if (cl == NULL)
    return status;
  csv = mamori_assessment_to_csv (ctx->workspace, cl, a->id, mamori_text_user_lang (), &error);
  if (csv == NULL)
    return exit_for_error (error);
  if (!write_output (out_path, csv, strlen (csv), &error))
    {
      message ("%s", error->message);
      return MAMORI_EXIT_FAILURE;
    }
  (void) extension;
  return MAMORI_EXIT_OK;
}

static int write_document (const char *markdown, const MamoriDocumentMeta *meta, const char *out_path,
                           const char *extension);
static int write_layout (MamoriLayout *layout, const char *out_path);

/* A report as .pdf (laid out), or .md (its text, figures as PNG files beside it), .docx or
 * .odt (through pandoc). */
static int
write_report (MamoriReport *report,
              const char   *out_path,
              const char   *extension)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(MamoriLayout) layout = NULL;

  if (mamori_word_supports_path (out_path))
    {
      if (!mamori_report_write_word (report, out_path, &error))
        {
          message ("%s", error->message);
          return MAMORI_EXIT_FAILURE;
        }
      return MAMORI_EXIT_OK;
    }
  layout = mamori_report_layout (report, &error);
  if (layout == NULL)
    return exit_for_error (error);
  return write_layout (layout, out_path);
}

/* The audit report of an assessment as a PDF through the layout engine. */
static int
export_audit (MamoriCliContext *ctx,
              const char       *id_text,
              const char       *out_path,
              const char       *extension)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(MamoriAssessment) a = NULL;
  g_autoptr(MamoriReport) report = NULL;
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autofree char *today = g_date_time_format (now, "%Y-%m-%d");
  const char *lang = mamori_text_user_lang ();
  g_autoptr(MamoriChecklist) pinned = NULL;
  const MamoriChecklist *cl;
  guint64 id = 0;
  int status = MAMORI_EXIT_OK;

  if (!g_ascii_string_to_unsigned (id_text, 10, 1, G_MAXINT64, &id, NULL))
    {
      message (_("“%s” is not an assessment number."), id_text);
      return MAMORI_EXIT_BAD_INPUT;
    }
  a = mamori_workspace_get_assessment (ctx->workspace, (gint64) id, &error);
  if (a == NULL)
    return exit_for_error (error);
  cl = assessment_checklist (ctx, a, &pinned, &status);
  if (cl == NULL)
    return status;
  report = mamori_audit_report_new (ctx->workspace, cl, a->id, today, lang, !ctx->no_annex, &error);
  if (report == NULL)
    return exit_for_error (error);
  return write_report (report, out_path, extension);
}

/* The management-review report; the figures are recorded as today's review so the next report
 * shows what changed. */
static int
export_review (MamoriCliContext *ctx,
               const char       *id,
               const char       *out_path,
               const char       *extension)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(MamoriReport) report = NULL;
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autofree char *today = g_date_time_format (now, "%Y-%m-%d");
  MamoriCatalog *catalog = get_catalog (ctx, &error);
  int status;

  if (catalog == NULL)
    return exit_for_error (error);
  report = mamori_review_report_new (ctx->workspace, catalog, today, mamori_text_user_lang (), &error);
  if (report == NULL)
    return exit_for_error (error);
  status = write_report (report, out_path, extension);
  if (status == MAMORI_EXIT_OK && !mamori_review_report_record (report, ctx->workspace, &error))
    return exit_for_error (error);
  return status;
}

static int
export_assets (MamoriCliContext *ctx,
               const char       *id,
               const char       *out_path,
               const char       *extension)
{
  g_autoptr(GError) error = NULL;

  if (!mamori_workspace_export_assets (ctx->workspace, out_path, &error))
    {
      message ("%s", error->message);
      return MAMORI_EXIT_FAILURE;
    }
  return MAMORI_EXIT_OK;
}

/* Lays markdown out and writes it: .pdf through the layout engine, .md as the text itself,
 * .docx and .odt through pandoc. All are written under a temporary name and renamed. */
static int
write_document (const char               *markdown,
                const MamoriDocumentMeta *meta,
                const char               *out_path,
                const char               *extension)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(MamoriLayout) layout = NULL;

  if (mamori_word_supports_path (out_path))
    {
      if (!mamori_word_write (markdown, meta, out_path, &error))
        {
          message ("%s", error->message);
          return MAMORI_EXIT_FAILURE;
        }
      return MAMORI_EXIT_OK;
    }
  layout = mamori_layout_new (markdown, meta, &error);
  if (layout == NULL)
    return exit_for_error (error);
  return write_layout (layout, out_path);
}

/* Writes a laid-out document as PDF; a font fallback is reported on stderr. */
static int
write_layout (MamoriLayout *layout,
              const char   *out_path)
{
  g_autoptr(GError) error = NULL;

  if (mamori_layout_get_warning (layout) != NULL)
    message ("%s", mamori_layout_get_warning (layout));
  if (!mamori_layout_write_pdf (layout, out_path, &error))
    {
      message ("%s", error->message);
      return MAMORI_EXIT_FAILURE;
    }
  return MAMORI_EXIT_OK;
}

static int
export_stored_document (MamoriCliContext *ctx,
                        gint64            id,
                        const char       *out_path,
                        const char       *extension)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(MamoriDocumentPrint) print = mamori_workspace_get_document_print (ctx->workspace, id, FALSE, &error);

  if (print == NULL)
    return exit_for_error (error);
  return write_document (print->markdown, &print->meta, out_path, extension);
}

/* The workspace's newest document of a kind; without one, a draft from the built-in template
 * filled from the organisation profile (nothing is stored). */
static int
export_kind (MamoriCliContext *ctx,
             const char       *kind,
             const char       *template_id,
             const char       *out_path,
             const char       *extension)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(MamoriDocumentInfo) stored = mamori_workspace_find_document (ctx->workspace, kind, &error);
  g_autoptr(MamoriTemplate) tmpl = NULL;
  g_autoptr(MamoriTemplateValues) values = NULL;
  g_autoptr(MamoriProfile) profile = NULL;
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autofree char *today = g_date_time_format (now, "%Y-%m-%d");
  g_autofree char *markdown = NULL;
  const MamoriField *organisation;
  MamoriDocumentMeta meta = { 0 };

  if (stored != NULL)
    return export_stored_document (ctx, stored->id, out_path, extension);
  if (error != NULL)
    return exit_for_error (error);
  tmpl = mamori_template_builtin (template_id, mamori_text_user_lang (), &error);
  if (tmpl == NULL || (profile = mamori_workspace_get_profile (ctx->workspace, &error)) == NULL)
    return exit_for_error (error);
  organisation = mamori_template_find_field (tmpl, "organisation");
  values = mamori_workspace_prefill_template (ctx->workspace, tmpl, &error);
  if (values == NULL)
    return exit_for_error (error);
  markdown = mamori_template_fill (tmpl, values, &error);
  if (markdown == NULL)
    return exit_for_error (error);
  meta.organisation = organisation ? mamori_template_values_get (values, "organisation") ?: organisation->default_text : "";
  meta.title = mamori_template_get_title (tmpl);
  meta.date = today;
  meta.classification = g_str_equal (mamori_template_get_lang (tmpl), "en") ? "Internal" : "社外秘";
  meta.created_by = profile->security_officer;
  meta.lang = mamori_template_get_lang (tmpl);
  meta.numbering = mamori_template_get_numbering (tmpl);
  meta.table_of_contents = TRUE;
  return write_document (markdown, &meta, out_path, extension);
}

static int
export_policy (MamoriCliContext *ctx,
               const char       *id,
               const char       *out_path,
               const char       *extension)
{
  return export_kind (ctx, "policy", "basic-policy", out_path, extension);
}

static int
export_rules (MamoriCliContext *ctx,
              const char       *id,
              const char       *out_path,
              const char       *extension)
{
  return export_kind (ctx, "rules", "related-rules", out_path, extension);
}

static int
export_handbook (MamoriCliContext *ctx,
                 const char       *id,
                 const char       *out_path,
                 const char       *extension)
{
  return export_kind (ctx, "handbook", "handbook", out_path, extension);
}

static int
export_document (MamoriCliContext *ctx,
                 const char       *id,
                 const char       *out_path,
                 const char       *extension)
{
  char *end = NULL;
  gint64 n = g_ascii_strtoll (id, &end, 10);

  if (end == id || *end != '\0' || n <= 0)
    {
      message (_("“%s” is not a document number; `mamori documents` lists them."), id);
      return MAMORI_EXIT_BAD_INPUT;
    }
  return export_stored_document (ctx, n, out_path, extension);
}

static const MamoriCliExportKind export_kinds[] = {
  { "policy", ".pdf .docx .odt", N_("the information-security basic policy as a PDF, Word or OpenDocument file (its approved version)"), FALSE, export_policy },
  { "rules", ".pdf .docx .odt", N_("the information-security rules as a PDF, Word or OpenDocument file"), FALSE, export_rules },
  { "handbook", ".pdf .docx .odt", N_("the employee handbook as a PDF, Word or OpenDocument file"), FALSE, export_handbook },
  /* Handled by export_heatmap (it takes options); listed here for the help and messages. */
  { "heatmap", ".png .svg .pdf", N_("the risk heatmap (export heatmap OUT [--method ipa|gov5|likelihood] [--residual] [--size WxH]); likelihood: the threat × vulnerability grid"), FALSE, NULL },
  { "document", ".pdf .docx .odt .md", N_("one document as a PDF, Word or OpenDocument file, or its Markdown text (export document ID OUT)"), TRUE, export_document },
  { "assets", ".csv .xlsx", N_("the information-asset ledger with importance, likelihood, risk and band"), FALSE, export_assets },
  { "log", ".csv", N_("the change log (who changed what, when)"), FALSE, export_log },
  { "assessment", ".csv", N_("one assessment’s answers, notes, measures and evidence (export assessment ID OUT)"), TRUE, export_assessment },
  { "review", ".pdf .docx .odt .md", N_("the management-review report: figures and their change since the last review, heatmaps, top risks, results, decisions (recorded as today’s review)"), FALSE, export_review },
  { "audit", ".pdf .docx .odt .md", N_("the audit report of one assessment: findings, measures, evidence with SHA-256 (export audit ID OUT [--no-annex])"), TRUE, export_audit },
};

static gboolean
extension_allowed (const char *extensions,
                   const char *extension)
{
  g_auto(GStrv) list = g_strsplit (extensions, " ", -1);
  for (guint i = 0; list[i] != NULL; i++)
    if (g_ascii_strcasecmp (list[i], extension) == 0)
      return TRUE;
  return FALSE;
}

/* export heatmap OUT.png|OUT.svg|OUT.pdf [--method ipa|gov5] [--residual] [--size WxH] */
static int
export_heatmap (MamoriCliContext *ctx,
                int               argc,
                char            **argv)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(MamoriHeatmap) heatmap = NULL;
  g_autoptr(MamoriProfile) profile = NULL;
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autofree char *today = g_date_time_format (now, "%Y-%m-%d");
  g_autofree char *subtitle = NULL;
  MamoriRiskMethod method = mamori_workspace_get_risk_method (ctx->workspace);
  MamoriHeatmapLabels labels = { 0 };
  const char *out = NULL;
  gboolean residual = FALSE, likelihood = FALSE;
  int width = 1200, height = 800;

  for (int i = 2; i < argc; i++)
    {
      if (g_str_equal (argv[i], "--residual"))
        residual = TRUE;
      else if (g_str_equal (argv[i], "--method") && i + 1 < argc &&
               (g_str_equal (argv[i + 1], "ipa") || g_str_equal (argv[i + 1], "gov5") ||
                g_str_equal (argv[i + 1], "likelihood")))
        {
          i++;
          likelihood = g_str_equal (argv[i], "likelihood");
          method = g_str_equal (argv[i], "gov5") ? MAMORI_RISK_METHOD_GOV5 : MAMORI_RISK_METHOD_IPA;
        }
      else if (g_str_equal (argv[i], "--size") && i + 1 < argc &&
               sscanf (argv[i + 1], "%dx%d", &width, &height) == 2)
        i++;
      else if (argv[i][0] != '-' && out == NULL)
        out = argv[i];
      else
        {
          message (_("Usage: mamori [--workspace PATH] export heatmap OUT.png|OUT.svg|OUT.pdf [--method ipa|gov5|likelihood] [--residual] [--size WxH]"));
          return MAMORI_EXIT_BAD_INPUT;
        }
    }
  if (out == NULL)
    {
      message (_("Usage: mamori [--workspace PATH] export heatmap OUT.png|OUT.svg|OUT.pdf [--method ipa|gov5|likelihood] [--residual] [--size WxH]"));
      return MAMORI_EXIT_BAD_INPUT;
    }
  heatmap = likelihood ? mamori_workspace_get_likelihood_heatmap (ctx->workspace, residual, NULL, NULL, &error)
                      : mamori_workspace_get_heatmap (ctx->workspace, method, residual, NULL, NULL, &error);
  profile = heatmap ? mamori_workspace_get_profile (ctx->workspace, &error) : NULL;
  if (profile == NULL)
    return exit_for_error (error);
  subtitle = g_strdup_printf ("%s　%s%s", profile->name ? profile->name : "", today,
                              residual ? (g_str_equal (mamori_text_user_lang (), "en") ? " — after planned measures" : "　計画した対策の実施後") : "");
  labels.subtitle = subtitle;
  labels.lang = mamori_text_user_lang ();
  if (!mamori_heatmap_export (heatmap, &labels, out, width, height, &error))
    {
      message ("%s", error->message);
      return g_error_matches (error, G_FILE_ERROR, G_FILE_ERROR_INVAL) ? MAMORI_EXIT_BAD_INPUT : MAMORI_EXIT_FAILURE;
    }
  return MAMORI_EXIT_OK;
}

static int
cmd_export (MamoriCliContext *ctx,
            int               argc,
            char            **argv)
{
  const char *kind = argv[1];

  if (g_str_equal (kind, "heatmap"))
    return export_heatmap (ctx, argc, argv);
  /* export audit ID OUT --no-annex: evidence details in the item table instead of an annex. */
  if (g_str_equal (kind, "audit") && argc == 5 && g_str_equal (argv[4], "--no-annex"))
    {
      ctx->no_annex = TRUE;
      argc--;
    }
  const char *out = argv[argc - 1];
  const char *dot = strrchr (out, '.');
  g_autofree char *base = g_path_get_basename (out);

  for (guint i = 0; i < G_N_ELEMENTS (export_kinds); i++)
    {
      const MamoriCliExportKind *k = &export_kinds[i];
      if (g_strcmp0 (k->kind, kind) != 0)
        continue;
      if ((k->takes_id && argc != 4) || (!k->takes_id && argc != 3))
        {
          message (_("Usage: mamori [--workspace PATH] export %s %sOUT"), kind, k->takes_id ? "ID " : "");
          return MAMORI_EXIT_BAD_INPUT;
        }
      if (dot == NULL || strchr (dot, '/') != NULL || !extension_allowed (k->extensions, dot))
        {
          message (_("Cannot export %s as “%s”: use a file name ending in %s."), kind, base, k->extensions);
          return MAMORI_EXIT_BAD_INPUT;
        }
      if (g_file_test (out, G_FILE_TEST_IS_DIR))
        {
          message (_("“%s” is a folder; give a file name to export to."), base);
          return MAMORI_EXIT_BAD_INPUT;
        }
      return k->run (ctx, k->takes_id ? argv[2] : NULL, out, dot);
    }

  {
    g_autoptr(GString) known = g_string_new (NULL);
    for (guint i = 0; i < G_N_ELEMENTS (export_kinds); i++)
      g_string_append_printf (known, "%s%s", i ? ", " : "", export_kinds[i].kind);
    message (_("Unknown export “%s”. Known: %s."), kind, known->str);
  }
  return MAMORI_EXIT_BAD_INPUT;
}

/* --- checklists and assessments ------------------------------------------------------------ */

static int
cmd_documents (MamoriCliContext *ctx,
               int               argc,
               char            **argv)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) docs = mamori_workspace_list_documents (ctx->workspace, &error);

  if (docs == NULL)
    return exit_for_error (error);
  for (guint i = 0; i < docs->len; i++)
    {
      MamoriDocumentInfo *d = docs->pdata[i];
      g_autofree char *id = g_strdup_printf ("%" G_GINT64_FORMAT, d->id);
      g_autofree char *latest = g_strdup_printf ("%u", d->latest);
      const char *row[] = { id, d->kind, latest, mamori_document_status_key (d->status), d->title };
      print_row (row, G_N_ELEMENTS (row));
    }
  return MAMORI_EXIT_OK;
}

static int
cmd_checklists (MamoriCliContext *ctx,
                int               argc,
                char            **argv)
{
  g_autoptr(GError) error = NULL;
  MamoriCatalog *catalog = get_catalog (ctx, &error);
  const char *lang = mamori_text_user_lang ();

  if (catalog == NULL)
    return exit_for_error (error);
  for (guint i = 0; i < mamori_catalog_get_n (catalog); i++)
    {
      const MamoriChecklist *cl = mamori_catalog_get (catalog, i);
      g_autofree char *n_items = g_strdup_printf ("%u", cl->items->len);
      const char *row[] = { cl->id, n_items, mamori_text_get (cl->name, lang) };
      print_row (row, G_N_ELEMENTS (row));
    }
  return MAMORI_EXIT_OK;
}

static int
cmd_assessments (MamoriCliContext *ctx,
                 int               argc,
                 char            **argv)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) list = mamori_workspace_list_assessments (ctx->workspace, NULL, &error);

  if (list == NULL)
    return exit_for_error (error);
  for (guint i = 0; i < list->len; i++)
    {
      MamoriAssessment *a = list->pdata[i];
      g_autofree char *score = format_score (a->score);
      g_autofree char *id = g_strdup_printf ("%" G_GINT64_FORMAT, a->id);
      const char *row[] = { id, a->checklist, a->subject, a->assessed_on, score };
      print_row (row, G_N_ELEMENTS (row));
    }
  return MAMORI_EXIT_OK;
}

/* --- import -------------------------------------------------------------------------------- */

/* CSV inputs (a ledger, answers): a million-row ledger is about 150 MB. */
#define READ_LIMIT ((gsize) 512 * 1000 * 1000)

static char *
read_input (const char  *path,
            gsize        max_bytes,
            gsize       *length,
            int         *status)
{
  g_autoptr(GError) error = NULL;
  char *contents = NULL;
  GStatBuf st;

  if (g_file_test (path, G_FILE_TEST_IS_DIR))
    {
      g_autofree char *name = g_filename_display_name (path);
      message (_("“%s” is a folder, not a file."), name);
      *status = MAMORI_EXIT_BAD_INPUT;
      return NULL;
    }
  /* Refused before it is read: a huge file must not cost its size in memory first. */
  if (g_stat (path, &st) == 0 && S_ISREG (st.st_mode) && (guint64) st.st_size > max_bytes)
    {
      g_autofree char *name = g_filename_display_name (path);
      message (_("“%s” is larger than %u MB; Mamori does not read files that big."), name,
               (guint) (max_bytes / (1000 * 1000)));
      *status = MAMORI_EXIT_BAD_INPUT;
      return NULL;
    }
  if (!g_file_get_contents (path, &contents, length, &error))
    {
      message ("%s", error->message);
      *status = MAMORI_EXIT_BAD_INPUT;
      return NULL;
    }
  return contents;
}

static int
import_library (MamoriCliContext *ctx,
                const char       *path)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *name = g_path_get_basename (path);
  g_autofree char *contents = NULL;
  g_autoptr(MamoriChecklist) cl = NULL;
  MamoriCatalog *catalog;
  gsize length = 0;
  int status = MAMORI_EXIT_OK;

  contents = read_input (path, MAMORI_YAML_MAX_BYTES, &length, &status);
  if (contents == NULL)
    return status;
  cl = mamori_checklist_parse (contents, length, name, &error);
  if (cl == NULL)
    {
      message ("%s", error->message);
      return MAMORI_EXIT_BAD_INPUT;
    }
  catalog = get_catalog (ctx, &error);
  if (catalog == NULL)
    return exit_for_error (error);
  if (mamori_catalog_is_builtin (catalog, cl->id))
    {
      message (_("%s: “%s” is the id of a built-in checklist. Give your library another ref_id."), name, cl->id);
      return MAMORI_EXIT_BAD_INPUT;
    }
  if (cl->warnings->len > 0)
    {
      g_autoptr(GString) list = g_string_new (NULL);
      for (guint i = 0; i < cl->warnings->len; i++)
        g_string_append_printf (list, "%s%s", i ? ", " : "", (char *) cl->warnings->pdata[i]);
      message (_("%s: Mamori does not use these parts of the file, which are left out: %s."), name, list->str);
    }
  if (!mamori_workspace_save_library (ctx->workspace, cl->id, cl->urn, cl->version, contents, &error))
    return exit_for_error (error);
  {
    g_autofree char *n_items = g_strdup_printf ("%u", cl->items->len);
    const char *row[] = { cl->id, n_items };
    print_row (row, G_N_ELEMENTS (row));
  }
  return MAMORI_EXIT_OK;
}

typedef struct {
  const MamoriChecklist *checklist;
  const char *subject;
  int *choices;
  const char **notes;
  gint64 id;
} ImportAnswers;

static gboolean
import_answers_fill (MamoriWorkspace  *ws,
                     gpointer          user_data,
                     GError          **error)
{
  ImportAnswers *d = user_data;
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autofree char *today = g_date_time_format (now, "%Y-%m-%d");

  d->id = store_completed_assessment (ws, d->checklist, d->subject, today, g_get_real_name (), d->choices,
                                      d->notes, NULL, NULL, NULL, error);
  return d->id != 0;
}

static int
import_answers (MamoriCliContext *ctx,
                const char       *path,
                const char       *checklist_id,
                const char       *subject)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *contents = NULL;
  g_autofree char *text = NULL;
  g_autofree char *name = g_path_get_basename (path);
  g_autoptr(GPtrArray) problems = NULL;
  g_autoptr(MamoriAnswerSheet) sheet = NULL;
  const MamoriChecklist *cl;
  gsize length = 0;
  int status = MAMORI_EXIT_OK;

  if (checklist_id == NULL)
    {
      message (_("import answers needs --checklist ID (see “mamori checklists”)."));
      return MAMORI_EXIT_BAD_INPUT;
    }
  cl = find_checklist (ctx, checklist_id, &status);
  if (cl == NULL)
    return status;
  if (g_str_equal (cl->subject_kind, "cloud_service") && (subject == NULL || *subject == '\0'))
    {
      message (_("The checklist %s is answered per cloud service: name it with --subject."), cl->id);
      return MAMORI_EXIT_BAD_INPUT;
    }
  contents = read_input (path, READ_LIMIT, &length, &status);
  if (contents == NULL)
    return status;
  /* The reading and checking is mamori_checklist_read_answers (core, fuzzed). */
  text = mamori_csv_decode (contents, length, NULL, &error);
  sheet = text ? mamori_checklist_read_answers (cl, text, &problems, &error) : NULL;
  if (sheet == NULL && problems == NULL)
    {
      message ("%s: %s", name, error->message);
      return MAMORI_EXIT_BAD_INPUT;
    }
  if (problems->len > 0)
    {
      message (ngettext ("%s: %u line is wrong, so nothing was imported:", "%s: %u lines are wrong, so nothing was imported:",
                         problems->len), name, problems->len);
      for (guint i = 0; i < problems->len; i++)
        fprintf (stderr, "  %s\n", (char *) problems->pdata[i]);
      return MAMORI_EXIT_BAD_INPUT;
    }

  {
    ImportAnswers d = { cl, subject, sheet->choices, (const char **) sheet->notes, 0 };
    g_autoptr(MamoriAssessment) a = NULL;
    g_autofree char *score = NULL;

    if (!mamori_workspace_transaction (ctx->workspace, import_answers_fill, &d, &error))
      return exit_for_error (error);
    a = mamori_workspace_get_assessment (ctx->workspace, d.id, &error);
    if (a == NULL)
      return exit_for_error (error);
    score = format_score (a->score);
    printf ("%" G_GINT64_FORMAT "\t%s\n", a->id, score);
  }
  return MAMORI_EXIT_OK;
}

static int
import_assets (MamoriCliContext *ctx,
               const char       *path)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *contents = NULL;
  g_autofree char *name = g_path_get_basename (path);
  g_autoptr(GPtrArray) assets = NULL;
  g_autoptr(GPtrArray) problems = NULL;
  gsize length = 0;
  int status = MAMORI_EXIT_OK;

  contents = read_input (path, READ_LIMIT, &length, &status);
  if (contents == NULL)
    return status;
  /* FILE.xlsx is read as a workbook, anything else as CSV. */
  if (!mamori_asset_ledger_read (path, contents, length, &assets, &problems, &error))
    {
      message ("%s: %s", name, error->message);
      return MAMORI_EXIT_BAD_INPUT;
    }
  if (problems->len > 0)
    {
      message (ngettext ("%s: %u problem, so nothing was imported:", "%s: %u problems, so nothing was imported:",
                         problems->len), name, problems->len);
      for (guint i = 0; i < problems->len; i++)
        fprintf (stderr, "  %s\n", (char *) problems->pdata[i]);
      return MAMORI_EXIT_BAD_INPUT;
    }
  if (!mamori_workspace_add_assets (ctx->workspace, assets, &error))
    return exit_for_error (error);
  printf ("%u\n", assets->len);
  return MAMORI_EXIT_OK;
}

static int
cmd_import (MamoriCliContext *ctx,
            int               argc,
            char            **argv)
{
  const char *kind = argv[1];
  const char *file = argv[2];
  const char *checklist = NULL, *subject = NULL;

  for (int i = 3; i < argc; i++)
    {
      if (g_str_equal (argv[i], "--checklist") && i + 1 < argc)
        checklist = argv[++i];
      else if (g_str_equal (argv[i], "--subject") && i + 1 < argc)
        subject = argv[++i];
      else
        {
          message (_("Unknown option “%s” for import."), argv[i]);
          return MAMORI_EXIT_BAD_INPUT;
        }
    }
  if (g_str_equal (kind, "library"))
    {
      if (checklist || subject)
        {
          message (_("import library takes no options."));
          return MAMORI_EXIT_BAD_INPUT;
        }
      return import_library (ctx, file);
    }
  if (g_str_equal (kind, "answers"))
    return import_answers (ctx, file, checklist, subject);
  if (g_str_equal (kind, "assets"))
    {
      if (checklist || subject)
        {
          message (_("import assets takes no options."));
          return MAMORI_EXIT_BAD_INPUT;
        }
      return import_assets (ctx, file);
    }
  message (_("Unknown import “%s”. Known: library, answers, assets."), kind);
  return MAMORI_EXIT_BAD_INPUT;
}

/* --- dispatcher -------------------------------------------------------------------------- */

static const MamoriCliCommand commands[] = {
  { "demo", "", N_("Fill an empty workspace with a sample company"), TRUE, CLI_WRITES, 0, 0, cmd_demo },
  { "check", "", N_("Check the workspace’s integrity, format and change log; exit 0 when sound"), FALSE, CLI_READS, 0, 0, cmd_check },
  { "info", "", N_("Show the organisation profile and step-up progress"), FALSE, CLI_READS, 0, 0, cmd_info },
  { "log", "[N]", N_("Show the newest N changes (default 20; 0 for all)"), FALSE, CLI_READS, 0, 1, cmd_log },
  { "export", "KIND [ID] OUT", N_("Write KIND to the file OUT; the format follows OUT’s extension"), FALSE, CLI_EXPORTS, 2, 7, cmd_export },
  { "checklists", "", N_("List the checklists: id, number of items, title"), FALSE, CLI_READS, 0, 0, cmd_checklists },
  { "documents", "", N_("List the documents: id, kind, newest version, its status, title"), FALSE, CLI_READS, 0, 0, cmd_documents },
  { "assessments", "", N_("List the assessments: id, checklist, subject, date, score"), FALSE, CLI_READS, 0, 0, cmd_assessments },
  { "import", "KIND FILE [OPTIONS]", N_("Read FILE: “library” (a checklist in YAML), “answers” (CSV ref_id,answer[,note] with --checklist ID [--subject TEXT]) or “assets” (the ledger as CSV or the IPA Excel workbook)"), TRUE, CLI_WRITES, 2, 6, cmd_import },
};

static const MamoriCliCommand *
find_command (const char *name)
{
  for (guint i = 0; i < G_N_ELEMENTS (commands); i++)
    if (g_strcmp0 (commands[i].name, name) == 0)
      return &commands[i];
  return NULL;
}

gboolean
mamori_cli_is_command (const char *name)
{
  return find_command (name) != NULL;
}

void
mamori_cli_print_help (FILE *out)
{
  fprintf (out, "%s\n  mamori [--workspace PATH] [COMMAND ARGS…]\n  mamori FILE.mamori\n\n",
           _("Usage:"));
  fprintf (out, "%s\n", _("Without a command, Mamori opens its window on the workspace (by default the one used last)."));
  fprintf (out, "\n%s\n", _("Options:"));
  fprintf (out, "  --workspace PATH  %s\n", _("The workspace file to use"));
  fprintf (out, "  --version         %s\n", _("Show the version and exit"));
  fprintf (out, "  --help            %s\n", _("Show this help and exit"));
  fprintf (out, "\n%s\n", _("Commands:"));
  for (guint i = 0; i < G_N_ELEMENTS (commands); i++)
    {
      g_autofree char *left = g_strdup_printf ("%s %s", commands[i].name, commands[i].args);
      fprintf (out, "  %-17s %s\n", left, _(commands[i].summary));
    }
  fprintf (out, "\n%s\n", _("Exports:"));
  for (guint i = 0; i < G_N_ELEMENTS (export_kinds); i++)
    fprintf (out, "  %-17s %s (%s)\n", export_kinds[i].kind, _(export_kinds[i].summary),
             export_kinds[i].extensions);
  fprintf (out, "\n%s\n", _("Exit status: 0 success, 1 the work failed, 2 bad input."));
}

int
mamori_cli_run (const char *workspace_path,
                int         argc,
                char      **argv)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *default_path = NULL;
  const MamoriCliCommand *command;
  MamoriCliContext ctx = { 0 };
  MamoriWorkspaceOpenFlags flags = MAMORI_WORKSPACE_OPEN_EXISTING;
  int status;

  g_return_val_if_fail (argc >= 1, MAMORI_EXIT_BAD_INPUT);

  command = find_command (argv[0]);
  if (command == NULL)
    {
      message (_("Unknown command “%s”. Run “mamori --help” for the list."), argv[0]);
      return MAMORI_EXIT_BAD_INPUT;
    }
  if (argc - 1 < command->min_args || argc - 1 > command->max_args)
    {
      message (_("Usage: mamori [--workspace PATH] %s %s"), command->name, command->args);
      return MAMORI_EXIT_BAD_INPUT;
    }

  if (workspace_path == NULL)
    {
      default_path = mamori_workspace_default_path ();
      workspace_path = default_path;
      flags = MAMORI_WORKSPACE_OPEN_CREATE; /* the default workspace always exists */
    }
  if (command->creates)
    flags = MAMORI_WORKSPACE_OPEN_CREATE;

  ctx.workspace_path = workspace_path;
  if (command->access == CLI_READS)
    flags |= MAMORI_WORKSPACE_OPEN_READ_ONLY;
  ctx.workspace = mamori_workspace_open (workspace_path, flags, &error);
  if (ctx.workspace == NULL && command->access == CLI_EXPORTS &&
      !g_error_matches (error, MAMORI_WORKSPACE_ERROR, MAMORI_WORKSPACE_ERROR_NOT_FOUND) &&
      !g_error_matches (error, MAMORI_WORKSPACE_ERROR, MAMORI_WORKSPACE_ERROR_FOREIGN) &&
      !g_error_matches (error, MAMORI_WORKSPACE_ERROR, MAMORI_WORKSPACE_ERROR_TOO_NEW))
    {
      /* An export only needs to read: a workspace that cannot be written now (read-only
       * folder, full disk, damaged, edited by someone else) is read as it is. */
      g_clear_error (&error);
      ctx.workspace = mamori_workspace_open (workspace_path, flags | MAMORI_WORKSPACE_OPEN_READ_ONLY, &error);
    }
  if (ctx.workspace == NULL)
    return exit_for_error (error);

  status = command->run (&ctx, argc, argv);
  g_clear_pointer (&ctx.catalog, mamori_catalog_free);
  mamori_workspace_close (ctx.workspace);
  g_object_unref (ctx.workspace);
  return status;
}
