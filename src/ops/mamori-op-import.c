/* mamori-op-import.c — the imports (a checklist library, an assessment's answers, the ledger)
 * and the demo */
#include "config.h"

#include <glib/gi18n.h>
#include <glib/gstdio.h>
#include <string.h>
#include <sys/stat.h>

#include "core/mamori-asset.h"
#include "core/mamori-asset-xlsx-read.h"
#include "core/mamori-csv.h"
#include "core/mamori-demo.h"
#include "core/mamori-sheet-summary.h"
#include "core/mamori-stepup.h"
#include "core/mamori-template.h"
#include "core/mamori-yaml.h"
#include "mamori-ops-private.h"
#include "store/mamori-scopes.h"
#include "store/mamori-assessments.h"
#include "store/mamori-assets.h"
#include "store/mamori-documents.h"
#include "store/mamori-questions.h"
#include "store/mamori-reviews.h"

/* The answers to the items' questions read by mamori_question_read_csv (README “Questions”). */
static gboolean
store_question_answers (MamoriWorkspace       *ws,
                        const MamoriChecklist *cl,
                        gint64                 id,
                        GHashTable            *questions,
                        GError               **error)
{
  GHashTableIter items;
  gpointer ref_id, answers;

  g_hash_table_iter_init (&items, questions);
  while (g_hash_table_iter_next (&items, &ref_id, &answers))
    {
      const MamoriNode *item = mamori_checklist_find_item (cl, ref_id);
      GHashTableIter iter;
      gpointer urn, value;

      g_hash_table_iter_init (&iter, answers);
      while (item != NULL && g_hash_table_iter_next (&iter, &urn, &value))
        {
          const MamoriQuestion *q = mamori_node_find_question (item, urn);
          if (q != NULL && !mamori_workspace_set_question_answer (ws, id, item, q, value, error))
            return FALSE;
        }
    }
  return TRUE;
}

gint64
mamori_op_store_completed_assessment (MamoriWorkspace        *ws,
                                      const MamoriChecklist  *cl,
                                      const char             *subject,
                                      const char             *date,
                                      const char             *respondent,
                                      const int              *choices,
                                      const char * const     *notes,
                                      GHashTable             *questions,
                                      const char             *evidence_ref, /* one evidence file, or NULL */
                                      const char             *evidence_name,
                                      const char             *evidence_text,
                                      GError                **error)
{
  gint64 id = mamori_workspace_create_assessment (ws, cl->id, subject, date, respondent, error);
  g_autoptr(MamoriScope) scope = NULL;
  g_autoptr(GError) local = NULL;

  if (id == 0)
    return 0;
  /* Answered in the checklist's current scope, as the wizard would be. */
  scope = mamori_workspace_latest_scope (ws, cl->id, &local);
  if (local != NULL)
    {
      g_propagate_error (error, g_steal_pointer (&local));
      return 0;
    }
  if (scope != NULL && !mamori_workspace_set_assessment_scope (ws, id, scope->id, error))
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
  if (questions != NULL && !store_question_answers (ws, cl, id, questions, error))
    return 0;
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


/* --- reading a file ---------------------------------------------------------------------- */

char *
mamori_op_read_input (const char  *path,
                      gsize        max_bytes,
                      gsize       *length,
                      GError     **error)
{
  g_autoptr(GError) local = NULL;
  g_autofree char *name = g_filename_display_name (path);
  char *contents = NULL;
  GStatBuf st;

  if (g_file_test (path, G_FILE_TEST_IS_DIR))
    {
      g_set_error (error, MAMORI_OP_ERROR, MAMORI_OP_ERROR_BAD_INPUT, _("“%s” is a folder, not a file."), name);
      return NULL;
    }
  /* Refused before it is read: a huge file must not cost its size in memory first. */
  if (g_stat (path, &st) == 0 && S_ISREG (st.st_mode) && (guint64) st.st_size > max_bytes)
    {
      g_set_error (error, MAMORI_OP_ERROR, MAMORI_OP_ERROR_BAD_INPUT,
                   _("“%s” is larger than %u MB; Mamori does not read files that big."), name,
                   (guint) (max_bytes / (1000 * 1000)));
      return NULL;
    }
  if (!g_file_get_contents (path, &contents, length, &local))
    {
      g_set_error_literal (error, MAMORI_OP_ERROR, MAMORI_OP_ERROR_BAD_INPUT, local->message);
      return NULL;
    }
  return contents;
}

void
mamori_op_set_problems (MamoriOpContext  *ctx,
                        GPtrArray        *problems,
                        const char       *message,
                        GError          **error)
{
  for (guint i = 0; i < problems->len; i++)
    g_ptr_array_add (ctx->result->problems, g_strdup (problems->pdata[i]));
  g_set_error_literal (error, MAMORI_OP_ERROR, MAMORI_OP_ERROR_BAD_INPUT, message);
}

/* --- import library ---------------------------------------------------------------------- */

gboolean
mamori_op_import_library (MamoriOpContext  *ctx,
                          GError          **error)
{
  const char *path = ctx->request->path;
  g_autofree char *name = g_path_get_basename (path);
  g_autofree char *contents = NULL;
  g_autoptr(MamoriChecklist) cl = NULL;
  g_autoptr(GError) local = NULL;
  MamoriCatalog *catalog;
  gsize length = 0;

  contents = mamori_op_read_input (path, MAMORI_YAML_MAX_BYTES, &length, error);
  if (contents == NULL)
    return FALSE;
  cl = mamori_checklist_parse (contents, length, name, &local);
  if (cl == NULL)
    {
      g_set_error_literal (error, MAMORI_OP_ERROR, MAMORI_OP_ERROR_BAD_INPUT, local->message);
      return FALSE;
    }
  catalog = mamori_op_catalog (ctx, error);
  if (catalog == NULL)
    return FALSE;
  if (mamori_catalog_is_builtin (catalog, cl->id))
    {
      g_set_error (error, MAMORI_OP_ERROR, MAMORI_OP_ERROR_BAD_INPUT,
                   _("%s: “%s” is the id of a built-in checklist. Give your library another ref_id."), name, cl->id);
      return FALSE;
    }
  if (cl->warnings->len > 0)
    {
      g_autoptr(GString) list = g_string_new (NULL);
      for (guint i = 0; i < cl->warnings->len; i++)
        g_string_append_printf (list, "%s%s", i ? ", " : "", (char *) cl->warnings->pdata[i]);
      mamori_op_warn (ctx, _("%s: Mamori does not use these parts of the file, which are left out: %s."), name, list->str);
    }
  if (!mamori_workspace_save_library (ctx->workspace, cl->id, cl->urn, cl->version, contents, error))
    return FALSE;
  ctx->result->name = g_strdup (cl->id);
  ctx->result->n_rows = cl->items->len;
  ctx->result->checklist = g_steal_pointer (&cl);
  return TRUE;
}

/* --- import answers ---------------------------------------------------------------------- */

typedef struct {
  const MamoriChecklist *checklist;
  const char *subject;
  int *choices;
  const char **notes;
  gint64 id;
  GHashTable *questions;  /* mamori_question_read_csv, or NULL */
} ImportAnswers;

static gboolean
import_answers_fill (MamoriWorkspace  *ws,
                     gpointer          user_data,
                     GError          **error)
{
  ImportAnswers *d = user_data;
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autofree char *today = g_date_time_format (now, "%Y-%m-%d");

  d->id = mamori_op_store_completed_assessment (ws, d->checklist, d->subject, today, g_get_real_name (), d->choices,
                                                d->notes, d->questions, NULL, NULL, NULL, error);
  return d->id != 0;
}

gboolean
mamori_op_import_answers (MamoriOpContext  *ctx,
                          GError          **error)
{
  const MamoriOpRequest *r = ctx->request;
  g_autofree char *contents = NULL;
  g_autofree char *text = NULL;
  g_autofree char *name = g_path_get_basename (r->path);
  g_autoptr(GPtrArray) problems = NULL;
  g_autoptr(MamoriAnswerSheet) sheet = NULL;
  g_autoptr(GHashTable) questions = NULL;
  g_autoptr(GError) local = NULL;
  MamoriCatalog *catalog;
  const MamoriChecklist *cl;
  gsize length = 0;

  /* A returned self-inspection sheet (it has a person column) goes to an existing assessment. */
  if (r->assessment != NULL || r->checklist == NULL)
    {
      contents = mamori_op_read_input (r->path, MAMORI_OP_READ_LIMIT, &length, error);
      if (contents == NULL)
        return FALSE;
      text = mamori_csv_decode (contents, length, NULL, &local);
      if (text == NULL)
        {
          g_set_error (error, MAMORI_OP_ERROR, MAMORI_OP_ERROR_BAD_INPUT, "%s: %s", name, local->message);
          return FALSE;
        }
      if (r->assessment != NULL || mamori_sheet_csv_is_sheet (text))
        return mamori_op_import_sheet_answers (ctx, text, error);
    }
  if (r->checklist == NULL)
    {
      g_set_error_literal (error, MAMORI_OP_ERROR, MAMORI_OP_ERROR_BAD_INPUT,
                           _("import answers needs --checklist ID (see “mamori checklists”)."));
      return FALSE;
    }
  catalog = mamori_op_catalog (ctx, error);
  if (catalog == NULL)
    return FALSE;
  cl = mamori_catalog_find (catalog, r->checklist);
  if (cl == NULL)
    {
      g_autoptr(GString) known = g_string_new (NULL);
      for (guint i = 0; i < mamori_catalog_get_n (catalog); i++)
        g_string_append_printf (known, "%s%s", i ? ", " : "", mamori_catalog_get (catalog, i)->id);
      g_set_error (error, MAMORI_OP_ERROR, MAMORI_OP_ERROR_BAD_INPUT, _("Unknown checklist “%s”. Known: %s."),
                   r->checklist, known->str);
      return FALSE;
    }
  if (g_str_equal (cl->subject_kind, "cloud_service") && (r->subject == NULL || *r->subject == '\0'))
    {
      g_set_error (error, MAMORI_OP_ERROR, MAMORI_OP_ERROR_BAD_INPUT,
                   _("The checklist %s is answered per cloud service: name it with --subject."), cl->id);
      return FALSE;
    }
  contents = mamori_op_read_input (r->path, MAMORI_OP_READ_LIMIT, &length, error);
  if (contents == NULL)
    return FALSE;
  /* The reading and checking is mamori_checklist_read_answers (core, fuzzed). */
  text = mamori_csv_decode (contents, length, NULL, &local);
  sheet = text ? mamori_checklist_read_answers (cl, text, &problems, &local) : NULL;
  if (sheet == NULL && problems == NULL)
    {
      g_set_error (error, MAMORI_OP_ERROR, MAMORI_OP_ERROR_BAD_INPUT, "%s: %s", name, local->message);
      return FALSE;
    }
  if (sheet != NULL)
    questions = mamori_question_read_csv (cl, text, problems);
  if (problems->len > 0)
    {
      g_autofree char *message = g_strdup_printf (ngettext ("%s: %u line is wrong, so nothing was imported:",
                                                            "%s: %u lines are wrong, so nothing was imported:",
                                                            problems->len), name, problems->len);
      mamori_op_set_problems (ctx, problems, message, error);
      return FALSE;
    }
  {
    ImportAnswers d = { cl, r->subject, sheet->choices, (const char **) sheet->notes, 0, questions };
    g_autoptr(MamoriAssessment) a = NULL;

    if (!mamori_workspace_transaction (ctx->workspace, import_answers_fill, &d, error))
      return FALSE;
    a = mamori_workspace_get_assessment (ctx->workspace, d.id, error);
    if (a == NULL)
      return FALSE;
    ctx->result->id = a->id;
    ctx->result->score = a->score;
  }
  return TRUE;
}

/* --- import assets ----------------------------------------------------------------------- */

gboolean
mamori_op_import_assets (MamoriOpContext  *ctx,
                         GError          **error)
{
  const char *path = ctx->request->path;
  g_autofree char *contents = NULL;
  g_autofree char *name = g_path_get_basename (path);
  g_autoptr(GPtrArray) assets = NULL;
  g_autoptr(GPtrArray) problems = NULL;
  g_autoptr(GError) local = NULL;
  gsize length = 0;

  contents = mamori_op_read_input (path, MAMORI_OP_READ_LIMIT, &length, error);
  if (contents == NULL)
    return FALSE;
  /* FILE.xlsx is read as a workbook, anything else as CSV. */
  if (!mamori_asset_ledger_read (path, contents, length, &assets, &problems, &local))
    {
      g_set_error (error, MAMORI_OP_ERROR, MAMORI_OP_ERROR_BAD_INPUT, "%s: %s", name, local->message);
      return FALSE;
    }
  if (problems->len > 0)
    {
      g_autofree char *message = g_strdup_printf (ngettext ("%s: %u problem, so nothing was imported:",
                                                            "%s: %u problems, so nothing was imported:",
                                                            problems->len), name, problems->len);
      mamori_op_set_problems (ctx, problems, message, error);
      return FALSE;
    }
  if (!mamori_workspace_add_assets (ctx->workspace, assets, error))
    return FALSE;
  ctx->result->n_rows = assets->len;
  ctx->result->assets = g_steal_pointer (&assets);
  return TRUE;
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
      id = mamori_op_store_completed_assessment (workspace, cl, d->subject, d->assessed_on, d->respondent, d->choices,
                                       NULL, NULL, NULL, NULL, NULL, error);
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
    id = mamori_op_store_completed_assessment (workspace, cl, "", d->assessed_on, d->respondent, d->choices, d->remarks, NULL,
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
    plan.auditor_unit = (char *) "経理部";
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
  return mamori_op_demo_registers (workspace, error);
}


/* Fills an empty workspace with the sample company, in one transaction. */
gboolean
mamori_op_demo (MamoriOpContext  *ctx,
                GError          **error)
{
  gboolean empty = FALSE;

  if (!mamori_workspace_is_empty (ctx->workspace, &empty, error))
    return FALSE;
  if (!empty)
    {
      g_autofree char *name = g_filename_display_name (mamori_workspace_get_path (ctx->workspace));
      g_set_error (error, MAMORI_OP_ERROR, MAMORI_OP_ERROR_FAILED,
                   _("“%s” already holds data; the demo only fills an empty workspace. Use a new file, e.g. --workspace demo.mamori."),
                   name);
      return FALSE;
    }
  return mamori_op_catalog (ctx, error) != NULL &&
         mamori_workspace_transaction (ctx->workspace, demo_fill, ctx->catalog, error);
}
