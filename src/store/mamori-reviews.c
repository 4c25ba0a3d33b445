/* mamori-reviews.c — management-review figures, measure states and internal audits */
#include "config.h"

#include <glib/gi18n.h>
#include <stdlib.h>
#include <string.h>

#include "mamori-assessments.h"
#include "mamori-registers.h"
#include "mamori-reviews.h"
#include "core/mamori-audit.h"
#include "mamori-statement.h"
#include "mamori-workspace-internal.h"

/* --- measures ------------------------------------------------------------------------------ */

static gboolean
count_row (MamoriStatement  *stmt,
           gpointer          data,
           GError          **error)
{
  MamoriMeasureCounts *c = data;

  c->done = mamori_statement_int (stmt, 0);
  c->overdue = mamori_statement_int (stmt, 1);
  c->open = mamori_statement_int (stmt, 2);
  return TRUE;
}

gboolean
mamori_workspace_count_measures (MamoriWorkspace     *self,
                                 const char          *today,
                                 MamoriMeasureCounts *counts,
                                 GError             **error)
{
  *counts = (MamoriMeasureCounts) { 0 };
  return mamori_statement_query (self, _("count the measures"), count_row, counts, error,
                                 /* done is an integer in SQLite and a boolean in PostgreSQL. */
                                 "SELECT count (*) FILTER (WHERE done), "
                                 "  count (*) FILTER (WHERE NOT done AND due <> '' AND due < ?1), "
                                 "  count (*) FILTER (WHERE NOT done AND NOT (due <> '' AND due < ?1)) "
                                 "FROM (" MAMORI_MEASURES_SQL ") AS measures", "t", today);
}

/* --- management reviews -------------------------------------------------------------------- */

void
mamori_review_figures_free (MamoriReviewFigures *f)
{
  if (f == NULL)
    return;
  g_free (f->held_on);
  g_free (f);
}

static gboolean
band_figures (MamoriWorkspace *self,
              gboolean         residual,
              guint           *bands,
              GError         **error)
{
  g_autoptr(MamoriHeatmap) h = mamori_workspace_get_heatmap (self, mamori_workspace_get_risk_method (self),
                                                             residual, NULL, NULL, error);
  if (h == NULL)
    return FALSE;
  mamori_heatmap_level_counts (h, bands);
  return TRUE;
}

MamoriReviewFigures *
mamori_workspace_review_figures (MamoriWorkspace  *self,
                                 const char       *today,
                                 GError          **error)
{
  g_autoptr(MamoriReviewFigures) f = g_new0 (MamoriReviewFigures, 1);

  f->held_on = g_strdup (today);
  f->method = mamori_workspace_get_risk_method (self);
  f->n_bands = (f->method == MAMORI_RISK_METHOD_GOV5 ? mamori_risk_matrix_gov5 () : mamori_risk_matrix_ipa ())->n_risk;
  if (!band_figures (self, FALSE, f->bands, error) || !band_figures (self, TRUE, f->residual_bands, error) ||
      !mamori_workspace_count_measures (self, today, &f->measures, error))
    return NULL;
  return g_steal_pointer (&f);
}

static char *
join_counts (const guint *counts,
             guint        n)
{
  GString *s = g_string_new (NULL);

  for (guint i = 0; i < n; i++)
    g_string_append_printf (s, "%s%u", i ? "," : "", counts[i]);
  return g_string_free (s, FALSE);
}

static void
split_counts (const char *text,
              guint      *counts,
              guint      *n)
{
  g_auto(GStrv) parts = g_strsplit (text ? text : "", ",", MAMORI_ASSET_MAX_BANDS);

  *n = 0;
  for (guint i = 0; parts[i] != NULL && *parts[i] && i < MAMORI_ASSET_MAX_BANDS; i++)
    counts[(*n)++] = (guint) strtoul (parts[i], NULL, 10);
}

static gboolean
write_review (MamoriWorkspace  *self,
              gpointer          data,
              char            **summary,
              GError          **error)
{
  const MamoriReviewFigures *f = data;
  const char *doing = _("record the management review");
  g_autofree char *bands = join_counts (f->bands, f->n_bands);
  g_autofree char *residual = join_counts (f->residual_bands, f->n_bands);
  g_autofree char *now = mamori_workspace_now ();

  if (!mamori_statement_run (self, doing, error,
                             /* A review held again on the same day replaces its figures. */
                             "INSERT INTO review (held_on, method, bands, residual_bands, score, score_max, "
                             "  measures_done, measures_open, measures_overdue, recorded_at) "
                             "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10) "
                             "ON CONFLICT (held_on) DO UPDATE SET method = excluded.method, bands = excluded.bands, "
                             "  residual_bands = excluded.residual_bands, score = excluded.score, "
                             "  score_max = excluded.score_max, measures_done = excluded.measures_done, "
                             "  measures_open = excluded.measures_open, measures_overdue = excluded.measures_overdue, "
                             "  recorded_at = excluded.recorded_at",
                             "ttttddiiit",
                             f->held_on, f->method == MAMORI_RISK_METHOD_GOV5 ? "gov5" : "ipa", bands, residual,
                             f->score, f->score_max,
                             (gint64) f->measures.done, (gint64) f->measures.open, (gint64) f->measures.overdue, now) ||
      (!f->has_score &&
       !mamori_statement_run (self, doing, error, "UPDATE review SET score = NULL, score_max = NULL WHERE held_on = ?1",
                              "t", f->held_on)))
    return FALSE;
  *summary = g_strdup_printf ("review %s", f->held_on);
  return TRUE;
}

gboolean
mamori_workspace_record_review (MamoriWorkspace           *self,
                                const MamoriReviewFigures *f,
                                GError                   **error)
{
  if (!mamori_workspace_valid_date (f->held_on))
    {
      g_set_error (error, MAMORI_WORKSPACE_ERROR, MAMORI_WORKSPACE_ERROR_INVALID,
                   _("“%s” is not a date (YYYY-MM-DD)."), f->held_on);
      return FALSE;
    }
  return mamori_workspace_write (self, "review", "record", _("record the management review"), write_review, (gpointer) f,
                                 error);
}

static gboolean
review_row (MamoriStatement  *stmt,
            gpointer          data,
            GError          **error)
{
  MamoriReviewFigures **out = data;
  MamoriReviewFigures *f = g_new0 (MamoriReviewFigures, 1);
  guint n_residual;

  f->held_on = mamori_statement_dup_text (stmt, 0);
  f->method = g_strcmp0 (mamori_statement_text (stmt, 1), "gov5") == 0 ? MAMORI_RISK_METHOD_GOV5
                                                                        : MAMORI_RISK_METHOD_IPA;
  split_counts (mamori_statement_text (stmt, 2), f->bands, &f->n_bands);
  split_counts (mamori_statement_text (stmt, 3), f->residual_bands, &n_residual);
  f->has_score = !mamori_statement_is_null (stmt, 4);
  f->score = mamori_statement_double (stmt, 4);
  f->score_max = mamori_statement_double (stmt, 5);
  f->measures.done = mamori_statement_int (stmt, 6);
  f->measures.open = mamori_statement_int (stmt, 7);
  f->measures.overdue = mamori_statement_int (stmt, 8);
  mamori_review_figures_free (*out);
  *out = f;
  return TRUE;
}

MamoriReviewFigures *
mamori_workspace_last_review (MamoriWorkspace  *self,
                              const char       *before,
                              GError          **error)
{
  MamoriReviewFigures *f = NULL;

  if (!mamori_statement_query (self, _("read the management reviews"), review_row, &f, error,
                               "SELECT held_on, method, bands, residual_bands, score, score_max, measures_done, "
                               "  measures_open, measures_overdue FROM review WHERE held_on < ?1 "
                               "ORDER BY held_on DESC LIMIT 1", "t", before))
    g_clear_pointer (&f, mamori_review_figures_free);
  return f;
}

gboolean
mamori_workspace_last_audit_on (MamoriWorkspace  *self,
                                char            **date,
                                GError          **error)
{
  *date = NULL;
  return mamori_statement_fetch_text (self, _("read the audit plan"), date, error,
                                      "SELECT max (CASE WHEN ends_on <> '' THEN ends_on ELSE starts_on END) "
                                      "FROM audit_plan WHERE ends_on <> '' OR starts_on <> ''", "");
}

gboolean
mamori_workspace_last_stocktaking (MamoriWorkspace  *self,
                                   char            **date,
                                   GError          **error)
{
  *date = mamori_workspace_get_setting (self, "ledger_stocktaking_on", error);
  if (*date != NULL)
    return TRUE;
  if (error != NULL && *error != NULL)
    return FALSE;
  return mamori_statement_fetch_text (self, _("read the change log"), date, error,
                                      "SELECT substr (min (at), 1, 10) FROM change_log WHERE entity = 'asset' "
                                      "AND EXISTS (SELECT 1 FROM asset)", "");
}

gboolean
mamori_workspace_record_stocktaking (MamoriWorkspace  *self,
                                     const char       *date,
                                     GError          **error)
{
  if (!mamori_workspace_valid_date (date))
    {
      g_set_error (error, MAMORI_WORKSPACE_ERROR, MAMORI_WORKSPACE_ERROR_INVALID,
                   _("“%s” is not a date (YYYY-MM-DD)."), date);
      return FALSE;
    }
  return mamori_workspace_set_setting (self, "ledger_stocktaking_on", date, error);
}

/* --- internal audits ----------------------------------------------------------------------- */

void
mamori_audit_plan_free (MamoriAuditPlan *p)
{
  if (p == NULL)
    return;
  g_free (p->scope);
  g_free (p->auditor);
  g_free (p->audited_unit);
  g_free (p->auditor_unit);
  g_free (p->independence);
  g_free (p->starts_on);
  g_free (p->ends_on);
  g_free (p->opinion);
  g_free (p->purpose);
  g_free (p->criteria);
  g_free (p->addressee);
  g_free (p->assistant);
  g_free (p->chapter);
  g_free (p);
}

/* The audit plan of one assessment (id). */
typedef struct {
  gint64 id;
  MamoriAuditPlan *plan;
} PlanRead;

static gboolean
plan_row (MamoriStatement  *stmt,
          gpointer          data,
          GError          **error)
{
  PlanRead *r = data;
  MamoriAuditPlan *p = g_new0 (MamoriAuditPlan, 1);

  p->assessment = r->id;
  p->scope = mamori_statement_dup_text (stmt, 0);
  p->auditor = mamori_statement_dup_text (stmt, 1);
  p->audited_unit = mamori_statement_dup_text (stmt, 2);
  p->independence = mamori_statement_dup_text (stmt, 3);
  p->independence_confirmed = mamori_statement_int (stmt, 4) != 0;
  p->starts_on = mamori_statement_dup_text (stmt, 5);
  p->ends_on = mamori_statement_dup_text (stmt, 6);
  p->opinion = mamori_statement_dup_text (stmt, 7);
  p->auditor_unit = mamori_statement_dup_text (stmt, 8);
  p->purpose = mamori_statement_dup_text (stmt, 9);
  p->criteria = mamori_statement_dup_text (stmt, 10);
  p->addressee = mamori_statement_dup_text (stmt, 11);
  p->assistant = mamori_statement_dup_text (stmt, 12);
  p->chapter = mamori_statement_dup_text (stmt, 13);
  r->plan = p;
  return TRUE;
}

MamoriAuditPlan *
mamori_workspace_get_audit_plan (MamoriWorkspace  *self,
                                 gint64            assessment,
                                 GError          **error)
{
  PlanRead r = { assessment, NULL };

  if (!mamori_statement_query (self, _("read the audit plan"), plan_row, &r, error,
                               "SELECT scope, auditor, audited_unit, independence, independence_confirmed, starts_on, "
                               "  ends_on, opinion, auditor_unit, purpose, criteria, addressee, assistant, chapter "
                               "FROM audit_plan WHERE assessment = ?1", "i", assessment))
    g_clear_pointer (&r.plan, mamori_audit_plan_free);
  return r.plan;
}

static gboolean
check_optional_date (const char  *date,
                     GError     **error)
{
  if (date == NULL || *date == '\0' || mamori_workspace_valid_date (date))
    return TRUE;
  g_set_error (error, MAMORI_WORKSPACE_ERROR, MAMORI_WORKSPACE_ERROR_INVALID,
               _("“%s” is not a date (YYYY-MM-DD)."), date);
  return FALSE;
}

static const char *
or_empty (const char *s)
{
  return s ? s : "";
}

static gboolean
write_plan (MamoriWorkspace  *self,
            gpointer          data,
            char            **summary,
            GError          **error)
{
  const MamoriAuditPlan *p = data;
  g_autofree char *now = mamori_workspace_now ();

  if (!mamori_statement_run (self, _("save the audit plan"), error,
                             /* Every column is set: the same row as SQLite's INSERT OR REPLACE gave, in
                              * the upsert both engines read. */
                             "INSERT INTO audit_plan (assessment, scope, auditor, audited_unit, independence, "
                             "  independence_confirmed, starts_on, ends_on, opinion, updated_at, auditor_unit, "
                             "  purpose, criteria, addressee, assistant, chapter) "
                             "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15, ?16) "
                             "ON CONFLICT (assessment) DO UPDATE SET scope = excluded.scope, auditor = excluded.auditor, "
                             "  audited_unit = excluded.audited_unit, independence = excluded.independence, "
                             "  independence_confirmed = excluded.independence_confirmed, starts_on = excluded.starts_on, "
                             "  ends_on = excluded.ends_on, opinion = excluded.opinion, updated_at = excluded.updated_at, "
                             "  auditor_unit = excluded.auditor_unit, purpose = excluded.purpose, criteria = excluded.criteria, "
                             "  addressee = excluded.addressee, assistant = excluded.assistant, chapter = excluded.chapter",
                             "ittttittttt" "ttttt", p->assessment, or_empty (p->scope), or_empty (p->auditor),
                             or_empty (p->audited_unit), or_empty (p->independence),
                             (gint64) (p->independence_confirmed ? 1 : 0), or_empty (p->starts_on),
                             or_empty (p->ends_on), or_empty (p->opinion), now, or_empty (p->auditor_unit),
                             or_empty (p->purpose), or_empty (p->criteria), or_empty (p->addressee),
                             or_empty (p->assistant), or_empty (p->chapter)))
    return FALSE;
  *summary = g_strdup_printf ("audit plan of assessment %" G_GINT64_FORMAT, p->assessment);
  return TRUE;
}

gboolean
mamori_workspace_set_audit_plan (MamoriWorkspace       *self,
                                 const MamoriAuditPlan *p,
                                 GError               **error)
{
  g_autoptr(MamoriAssessment) a = mamori_workspace_get_assessment (self, p->assessment, error);

  if (a == NULL)
    return FALSE;
  if (!check_optional_date (p->starts_on, error) || !check_optional_date (p->ends_on, error))
    return FALSE;
  if (p->starts_on && *p->starts_on && p->ends_on && *p->ends_on && g_strcmp0 (p->ends_on, p->starts_on) < 0)
    {
      g_set_error (error, MAMORI_WORKSPACE_ERROR, MAMORI_WORKSPACE_ERROR_INVALID,
                   _("The audit cannot end (%s) before it starts (%s)."), p->ends_on, p->starts_on);
      return FALSE;
    }
  if (!mamori_workspace_check_text (_("The scope"), p->scope, 2000, error) ||
      !mamori_workspace_check_text (_("The auditor"), p->auditor, 200, error) ||
      !mamori_workspace_check_text (_("The audited unit"), p->audited_unit, 200, error) ||
      !mamori_workspace_check_text (_("The independence statement"), p->independence, 2000, error) ||
      !mamori_workspace_check_text (_("The opinion"), p->opinion, 4000, error) ||
      !mamori_workspace_check_text (_("The auditor's unit"), p->auditor_unit, 200, error) ||
      !mamori_workspace_check_text (_("The purpose"), p->purpose, 2000, error) ||
      !mamori_workspace_check_text (_("The criteria"), p->criteria, 2000, error) ||
      !mamori_workspace_check_text (_("The addressee"), p->addressee, 200, error) ||
      !mamori_workspace_check_text (_("The assistant auditor"), p->assistant, 200, error) ||
      !mamori_workspace_check_text (_("The chapter"), p->chapter, 100, error))
    return FALSE;
  if (!mamori_workspace_check_auditor (self, p->auditor, p->auditor_unit, p->audited_unit, error))
    return FALSE;
  return mamori_workspace_write (self, "audit", "plan", _("save the audit plan"), write_plan, (gpointer) p, error);
}

void
mamori_corrective_action_free (MamoriCorrectiveAction *c)
{
  if (c == NULL)
    return;
  g_free (c->ref_id);
  g_free (c->what);
  g_free (c->owner);
  g_free (c->due_on);
  g_free (c->closed_on);
  g_free (c->result);
  g_free (c);
}

static gboolean
action_row (MamoriStatement  *stmt,
            gpointer          data,
            GError          **error)
{
  MamoriCorrectiveAction *c = g_new0 (MamoriCorrectiveAction, 1);

  c->id = mamori_statement_int64 (stmt, 0);
  c->assessment = mamori_statement_int64 (stmt, 1);
  c->ref_id = mamori_statement_dup_text (stmt, 2);
  c->what = mamori_statement_dup_text (stmt, 3);
  c->owner = mamori_statement_dup_text (stmt, 4);
  c->due_on = mamori_statement_dup_text (stmt, 5);
  c->closed = g_strcmp0 (mamori_statement_text (stmt, 6), "closed") == 0;
  c->closed_on = mamori_statement_dup_text (stmt, 7);
  c->result = mamori_statement_dup_text (stmt, 8);
  g_ptr_array_add (data, c);
  return TRUE;
}

static int
compare_actions (gconstpointer a,
                 gconstpointer b)
{
  const MamoriCorrectiveAction *x = *(MamoriCorrectiveAction * const *) a;
  const MamoriCorrectiveAction *y = *(MamoriCorrectiveAction * const *) b;
  g_autofree char *kx = NULL, *ky = NULL;
  int c;

  if (x->assessment != y->assessment)
    return x->assessment < y->assessment ? -1 : 1;
  kx = g_utf8_collate_key_for_filename (x->ref_id, -1);
  ky = g_utf8_collate_key_for_filename (y->ref_id, -1);
  if ((c = strcmp (kx, ky)) != 0)
    return c;
  return x->id < y->id ? -1 : x->id > y->id;
}

GPtrArray *
mamori_workspace_list_corrective_actions (MamoriWorkspace *self,
                                          gint64           assessment,
                                          GError         **error)
{
  g_autoptr(GPtrArray) out = g_ptr_array_new_with_free_func ((GDestroyNotify) mamori_corrective_action_free);

  if (!mamori_statement_query (self, _("read the corrective actions"), action_row, out, error,
                               "SELECT id, assessment, ref_id, what, owner, due_on, status, closed_on, result "
                               "FROM corrective_action WHERE (?1 = 0 AND status = 'open') OR assessment = ?1 "
                               "ORDER BY assessment, id", "i", assessment))
    return NULL;
  /* ref_ids like "12-3" sort by their numbers (2 before 10, 12-2 before 12-10); in C, since
   * the engines cast text to numbers differently. */
  g_ptr_array_sort (out, compare_actions);
  return g_steal_pointer (&out);
}

typedef struct {
  gint64 assessment;
  const char *ref_id, *what, *owner, *due_on;
  gint64 id;
} ActionAdd;

static gboolean
write_new_action (MamoriWorkspace  *self,
                  gpointer          data,
                  char            **summary,
                  GError          **error)
{
  ActionAdd *a = data;
  g_autofree char *now = mamori_workspace_now ();

  if (!mamori_statement_insert (self, _("save the corrective action"), &a->id, error,
                                "INSERT INTO corrective_action (assessment, ref_id, what, owner, due_on, created_at) "
                                "VALUES (?1, ?2, ?3, ?4, ?5, ?6)",
                                "itttt" "t", a->assessment, a->ref_id, a->what, or_empty (a->owner), or_empty (a->due_on),
                                now))
    return FALSE;
  *summary = g_strdup_printf ("corrective action for %s of assessment %" G_GINT64_FORMAT, a->ref_id, a->assessment);
  return TRUE;
}

gint64
mamori_workspace_add_corrective_action (MamoriWorkspace *self,
                                        gint64           assessment,
                                        const char      *ref_id,
                                        const char      *what,
                                        const char      *owner,
                                        const char      *due_on,
                                        GError         **error)
{
  g_autoptr(MamoriAssessment) a = mamori_workspace_get_assessment (self, assessment, error);
  g_autofree char *trimmed = g_strstrip (g_strdup (what ? what : ""));
  ActionAdd add = { assessment, ref_id, trimmed, owner, due_on, 0 };

  if (a == NULL)
    return 0;
  if (*trimmed == '\0' || ref_id == NULL || *ref_id == '\0')
    {
      g_set_error (error, MAMORI_WORKSPACE_ERROR, MAMORI_WORKSPACE_ERROR_INVALID,
                   _("A corrective action needs the item it corrects and what is to be done."));
      return 0;
    }
  if (!check_optional_date (due_on, error) ||
      !mamori_workspace_check_text (_("The corrective action"), trimmed, 1000, error) ||
      !mamori_workspace_check_text (_("The owner"), owner, 200, error))
    return 0;
  if (!mamori_workspace_write (self, "audit", "action", _("save the corrective action"), write_new_action, &add, error))
    return 0;
  return add.id;
}

typedef struct {
  gint64 id;
  const char *closed_on, *result;
} ActionClose;

static gboolean
write_action_state (MamoriWorkspace  *self,
                    gpointer          data,
                    char            **summary,
                    GError          **error)
{
  ActionClose *c = data;
  g_autoptr(MamoriStatement) stmt =
    mamori_statement_new (self, _("save the corrective action"), error,
                          "UPDATE corrective_action SET status = ?2, closed_on = ?3, result = ?4 WHERE id = ?1",
                          "itt" "t", c->id, c->closed_on ? "closed" : "open", or_empty (c->closed_on),
                          c->closed_on ? c->result : "");

  if (stmt == NULL || !mamori_statement_execute (stmt, error, NULL))
    return FALSE;
  if (mamori_statement_changes (stmt) == 0)
    {
      g_set_error (error, MAMORI_WORKSPACE_ERROR, MAMORI_WORKSPACE_ERROR_INVALID,
                   _("There is no corrective action %lld."), (long long) c->id);
      return FALSE;
    }
  *summary = g_strdup_printf ("corrective action %" G_GINT64_FORMAT " %s", c->id, c->closed_on ? "closed" : "reopened");
  return TRUE;
}

gboolean
mamori_workspace_close_corrective_action (MamoriWorkspace *self,
                                          gint64           id,
                                          const char      *closed_on,
                                          const char      *result,
                                          GError         **error)
{
  ActionClose c = { id, closed_on, result };
  g_autofree char *trimmed = g_strstrip (g_strdup (result ? result : ""));

  if (closed_on != NULL)
    {
      if (!mamori_workspace_valid_date (closed_on))
        {
          g_set_error (error, MAMORI_WORKSPACE_ERROR, MAMORI_WORKSPACE_ERROR_INVALID,
                       _("“%s” is not a date (YYYY-MM-DD)."), closed_on);
          return FALSE;
        }
      if (*trimmed == '\0')
        {
          g_set_error (error, MAMORI_WORKSPACE_ERROR, MAMORI_WORKSPACE_ERROR_INVALID,
                       _("Say how the correction was confirmed before closing the action."));
          return FALSE;
        }
      if (!mamori_workspace_check_text (_("The confirmation"), trimmed, 2000, error))
        return FALSE;
    }
  c.result = trimmed;
  return mamori_workspace_write (self, "audit", closed_on ? "close" : "reopen", _("save the corrective action"),
                                 write_action_state, &c, error);
}

/* --- the audit record ----------------------------------------------------------------------- */

void
mamori_audit_check_free (MamoriAuditCheck *c)
{
  if (c == NULL)
    return;
  g_free (c->ref_id);
  g_free (c->confirmed);
  g_free (c->updated_at);
  g_free (c);
}

static gboolean
check_row (MamoriStatement  *stmt,
           gpointer          data,
           GError          **error)
{
  MamoriAuditCheck *c = g_new0 (MamoriAuditCheck, 1);

  c->ref_id = mamori_statement_dup_text (stmt, 0);
  c->techniques = mamori_audit_techniques_parse (mamori_statement_text (stmt, 1));
  c->confirmed = mamori_statement_dup_text (stmt, 2);
  c->updated_at = mamori_statement_dup_text (stmt, 3);
  g_hash_table_replace (data, c->ref_id, c);
  return TRUE;
}

GHashTable *
mamori_workspace_get_audit_checks (MamoriWorkspace  *self,
                                   gint64            assessment,
                                   GError          **error)
{
  g_autoptr(GHashTable) out = g_hash_table_new_full (g_str_hash, g_str_equal, NULL,
                                                     (GDestroyNotify) mamori_audit_check_free);

  if (!mamori_statement_query (self, _("read the audit record"), check_row, out, error,
                               "SELECT ref_id, techniques, confirmed, updated_at FROM audit_check WHERE assessment = ?1",
                               "i", assessment))
    return NULL;
  return g_steal_pointer (&out);
}

typedef struct {
  gint64 assessment;
  const char *ref_id;
  const char *techniques;
  const char *confirmed;
} CheckWrite;

static gboolean
write_check (MamoriWorkspace  *self,
             gpointer          data,
             char            **summary,
             GError          **error)
{
  CheckWrite *w = data;
  g_autofree char *now = mamori_workspace_now ();

  if (!mamori_statement_run (self, _("save the audit record"), error,
                             "INSERT INTO audit_check (assessment, ref_id, techniques, confirmed, updated_at) "
                             "VALUES (?1, ?2, ?3, ?4, ?5) "
                             "ON CONFLICT (assessment, ref_id) DO UPDATE SET techniques = excluded.techniques, "
                             "  confirmed = excluded.confirmed, updated_at = excluded.updated_at",
                             "itttt", w->assessment, w->ref_id, w->techniques, w->confirmed, now))
    return FALSE;
  *summary = g_strdup_printf ("audit record of %s in assessment %" G_GINT64_FORMAT, w->ref_id, w->assessment);
  return TRUE;
}

gboolean
mamori_workspace_set_audit_check (MamoriWorkspace  *self,
                                  gint64            assessment,
                                  const char       *ref_id,
                                  guint             techniques,
                                  const char       *confirmed,
                                  GError          **error)
{
  g_autoptr(MamoriAssessment) a = mamori_workspace_get_assessment (self, assessment, error);
  g_autofree char *trimmed = g_strstrip (g_strdup (confirmed ? confirmed : ""));
  g_autofree char *text = mamori_audit_techniques_format (techniques);
  CheckWrite w = { assessment, ref_id, text, trimmed };

  if (a == NULL)
    return FALSE;
  if (ref_id == NULL || *ref_id == '\0')
    {
      g_set_error (error, MAMORI_WORKSPACE_ERROR, MAMORI_WORKSPACE_ERROR_INVALID,
                   _("An audit record needs the procedure it is about."));
      return FALSE;
    }
  if (!mamori_workspace_check_text (_("What was confirmed"), trimmed, 4000, error))
    return FALSE;
  return mamori_workspace_write (self, "audit", "check", _("save the audit record"), write_check, &w, error);
}
