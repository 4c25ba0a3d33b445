/* mamori-assessments.c — assessments, answers, notes, evidence, measures, libraries */
#include "config.h"

#include <glib/gi18n.h>
#include <math.h>
#include <string.h>

#include "mamori-assessments.h"
#include "mamori-assessments-private.h"
#include "mamori-scopes.h"
#include "mamori-statement.h"
#include "mamori-workspace-internal.h"

#define ENTITY "assessment"

void
mamori_assessment_free (MamoriAssessment *a)
{
  if (a == NULL)
    return;
  g_free (a->checklist);
  g_free (a->subject);
  g_free (a->assessed_on);
  g_free (a->respondent);
  g_free (a->current_item);
  g_free (a->created_at);
  g_free (a->completed_at);
  g_free (a);
}

void
mamori_answer_free (MamoriAnswer *a)
{
  if (a == NULL)
    return;
  g_free (a->ref_id);
  g_free (a->note);
  g_free (a->measure_what);
  g_free (a->measure_owner);
  g_free (a->measure_due);
  g_free (a);
}

void
mamori_evidence_free (MamoriEvidence *e)
{
  if (e == NULL)
    return;
  g_free (e->ref_id);
  g_free (e->name);
  g_free (e->sha256);
  g_free (e->added_at);
  g_free (e->fulfils);
  g_free (e);
}

void
mamori_stored_library_free (MamoriStoredLibrary *l)
{
  if (l == NULL)
    return;
  g_free (l->id);
  g_free (l->yaml);
  g_free (l);
}

/* A text column as a new string, NULL for NULL. */
static char *
column_text (MamoriStatement *stmt,
             int              col)
{
  return g_strdup (mamori_statement_text (stmt, col));
}

/* The assessment must exist and still be in progress. Call inside the write. */
static gboolean
check_editable (MamoriWorkspace *self,
                gint64           id,
                GError         **error)
{
  g_autofree char *status = NULL;

  if (!mamori_statement_fetch_text (self, _("read the assessment"), &status, error,
                                    "SELECT status FROM assessment WHERE id = ?1", "i", id))
    return FALSE;
  if (status == NULL)
    {
      g_set_error (error, MAMORI_WORKSPACE_ERROR, MAMORI_WORKSPACE_ERROR_INVALID,
                   _("There is no assessment %lld."), (long long) id);
      return FALSE;
    }
  if (g_strcmp0 (status, "completed") == 0)
    {
      g_set_error (error, MAMORI_WORKSPACE_ERROR, MAMORI_WORKSPACE_ERROR_READ_ONLY,
                   _("Assessment %lld is completed and cannot be changed. Copy it to start the next round."), (long long) id);
      return FALSE;
    }
  return TRUE;
}

/* A write on one assessment: body writes and describes the change in summary (left empty:
 * kept without a change-log line). */
typedef gboolean (*EditFunc) (MamoriWorkspace *self, gint64 id, gpointer data, GString *summary, GError **error);

typedef struct {
  gint64 id;
  gboolean must_be_editable;
  EditFunc body;
  gpointer data;
} Edit;

static gboolean
edit_write (MamoriWorkspace  *self,
            gpointer          data,
            char            **summary,
            GError          **error)
{
  Edit *e = data;
  g_autoptr(GString) line = g_string_new (NULL);

  if ((e->must_be_editable && !check_editable (self, e->id, error)) ||
      !e->body (self, e->id, e->data, line, error))
    return FALSE;
  *summary = g_string_free (g_steal_pointer (&line), FALSE);
  return TRUE;
}

/* Runs body in one write on an editable assessment (when must_be_editable), logs and signals. */
static gboolean
edit (MamoriWorkspace *self,
      gint64           id,
      gboolean         must_be_editable,
      const char      *action,
      const char      *doing,
      EditFunc         body,
      gpointer         data,
      GError         **error)
{
  Edit e = { id, must_be_editable, body, data };

  return mamori_workspace_write (self, ENTITY, action, doing, edit_write, &e, error);
}

/* --- assessments ------------------------------------------------------------------------------ */

typedef struct {
  const char *checklist, *subject, *assessed_on, *respondent;
  gint64 copy_from;
  gint64 new_id;
} CreateData;

static gboolean
create_body (MamoriWorkspace *self,
             gint64           unused,
             gpointer         data,
             GString         *summary,
             GError         **error)
{
  CreateData *d = data;
  g_autofree char *now = mamori_workspace_now ();

  if (!mamori_statement_insert (self, _("create the assessment"), &d->new_id, error,
            "INSERT INTO assessment (checklist, subject, assessed_on, respondent, created_at, copied_from, library_rev) "
            "VALUES (?1, ?2, ?3, ?4, ?5, ?6, (SELECT max (rev) FROM library_version WHERE id = ?1))", "tttttn",
            d->checklist, d->subject ? d->subject : "", d->assessed_on, d->respondent ? d->respondent : "", now))
    return FALSE;
  if (d->copy_from > 0)
    {
      if (!mamori_statement_run (self, _("copy the assessment"), error, "UPDATE assessment SET copied_from = ?1, scope = (SELECT scope FROM assessment WHERE id = ?1) WHERE id = ?2", "ii",
                d->copy_from, d->new_id) ||
          !mamori_statement_run (self, _("copy the assessment"), error,
                "INSERT INTO answer (assessment, ref_id, choice, score, answered_at) "
                "SELECT ?1, ref_id, choice, score, answered_at FROM answer WHERE assessment = ?2", "ii",
                d->new_id, d->copy_from) ||
          !mamori_statement_run (self, _("copy the assessment"), error,
                "INSERT INTO note (assessment, ref_id, text) SELECT ?1, ref_id, text FROM note WHERE assessment = ?2",
                "ii", d->new_id, d->copy_from) ||
          !mamori_statement_run (self, _("copy the assessment"), error,
                "INSERT INTO measure (assessment, ref_id, what, owner, due_on, decided_at) "
                "SELECT ?1, ref_id, what, owner, due_on, decided_at FROM measure WHERE assessment = ?2", "ii",
                d->new_id, d->copy_from) ||
          !mamori_statement_run (self, _("copy the assessment"), error,
                "INSERT INTO question_answer (assessment, ref_id, question, value, answered_at) "
                "SELECT ?1, ref_id, question, value, answered_at FROM question_answer WHERE assessment = ?2", "ii",
                d->new_id, d->copy_from))
        return FALSE;
      g_string_printf (summary, "%" G_GINT64_FORMAT " copied from %" G_GINT64_FORMAT " (%s, %s)",
                       d->new_id, d->copy_from, d->checklist, d->assessed_on);
    }
  else
    g_string_printf (summary, "%" G_GINT64_FORMAT " (%s, %s, %s)", d->new_id, d->checklist, d->assessed_on,
                     d->subject ? d->subject : "");
  return TRUE;
}

gint64
mamori_workspace_create_assessment (MamoriWorkspace *self,
                                    const char      *checklist,
                                    const char      *subject,
                                    const char      *assessed_on,
                                    const char      *respondent,
                                    GError         **error)
{
  CreateData d = { checklist, subject, assessed_on, respondent, 0, 0 };

  if (checklist == NULL || *checklist == '\0')
    {
      g_set_error (error, MAMORI_WORKSPACE_ERROR, MAMORI_WORKSPACE_ERROR_INVALID, _("An assessment needs a checklist."));
      return 0;
    }
  if (!mamori_workspace_valid_date (assessed_on))
    {
      g_set_error (error, MAMORI_WORKSPACE_ERROR, MAMORI_WORKSPACE_ERROR_INVALID,
                   _("“%s” is not a date (YYYY-MM-DD)."), assessed_on ? assessed_on : "");
      return 0;
    }
  if (!mamori_workspace_check_text (_("The subject"), subject, 200, error) || !mamori_workspace_check_text (_("The respondent"), respondent, 200, error))
    return 0;
  if (!edit (self, 0, FALSE, "create", _("create the assessment"), create_body, &d, error))
    return 0;
  return d.new_id;
}

static MamoriAssessment *
assessment_from_row (MamoriStatement *stmt)
{
  MamoriAssessment *a = g_new0 (MamoriAssessment, 1);

  a->id = mamori_statement_int64 (stmt, 0);
  a->checklist = column_text (stmt, 1);
  a->subject = column_text (stmt, 2);
  a->assessed_on = column_text (stmt, 3);
  a->respondent = column_text (stmt, 4);
  a->completed = g_strcmp0 (mamori_statement_text (stmt, 5), "completed") == 0;
  a->current_item = column_text (stmt, 6);
  a->created_at = column_text (stmt, 7);
  a->completed_at = column_text (stmt, 8);
  a->copied_from = mamori_statement_int64 (stmt, 9);
  a->n_answered = (guint) mamori_statement_int64 (stmt, 10);
  a->score = mamori_statement_double (stmt, 11);
  a->library_rev = mamori_statement_int64 (stmt, 12);
  return a;
}

#define ASSESSMENT_COLUMNS \
  "a.id, a.checklist, a.subject, a.assessed_on, a.respondent, a.status, a.current_item, a.created_at, " \
  "a.completed_at, coalesce (a.copied_from, 0), " \
  "(SELECT count (*) FROM answer WHERE assessment = a.id), " \
  "(SELECT coalesce (sum (score), 0) FROM answer WHERE assessment = a.id), coalesce (a.library_rev, 0)"

MamoriAssessment *
mamori_workspace_get_assessment (MamoriWorkspace *self,
                                 gint64           id,
                                 GError         **error)
{
  g_autoptr(MamoriStatement) stmt =
    mamori_statement_new (self, _("read the assessment"), error,
                          "SELECT " ASSESSMENT_COLUMNS " FROM assessment a WHERE a.id = ?1", "i", id);

  if (stmt == NULL)
    return NULL;
  if (mamori_statement_step (stmt, error))
    return assessment_from_row (stmt);
  if (!mamori_statement_failed (stmt))
    g_set_error (error, MAMORI_WORKSPACE_ERROR, MAMORI_WORKSPACE_ERROR_INVALID,
                 _("There is no assessment %lld."), (long long) id);
  return NULL;
}

static gboolean
assessment_row (MamoriStatement  *stmt,
                gpointer          data,
                GError          **error)
{
  g_ptr_array_add (data, assessment_from_row (stmt));
  return TRUE;
}

GPtrArray *
mamori_workspace_list_assessments (MamoriWorkspace *self,
                                   const char      *checklist,
                                   GError         **error)
{
  g_autoptr(GPtrArray) out = g_ptr_array_new_with_free_func ((GDestroyNotify) mamori_assessment_free);

  if (!mamori_statement_query (self, _("read the assessments"), assessment_row, out, error,
                               "SELECT " ASSESSMENT_COLUMNS " FROM assessment a WHERE CAST (?1 AS TEXT) IS NULL OR a.checklist = ?1 "
                               "ORDER BY a.assessed_on, a.id", "t", checklist))
    return NULL;
  return g_steal_pointer (&out);
}

static MamoriAnswer *
answer_for (GHashTable *answers,
            const char *ref_id)
{
  MamoriAnswer *a = g_hash_table_lookup (answers, ref_id);
  if (a == NULL)
    {
      a = g_new0 (MamoriAnswer, 1);
      a->ref_id = g_strdup (ref_id);
      a->choice = -1;
      a->note = g_strdup ("");
      a->choice_version = a->note_version = a->measure_version = MAMORI_ROW_VERSION_NONE;
      g_hash_table_insert (answers, a->ref_id, a);
    }
  return a;
}

typedef struct {
  GHashTable *answers;
  guint q;   /* which of the queries in mamori_workspace_get_answers */
} AnswersRead;

static gboolean
answers_row (MamoriStatement  *stmt,
             gpointer          data,
             GError          **error)
{
  AnswersRead *r = data;
  MamoriAnswer *a = answer_for (r->answers, mamori_statement_text (stmt, 0));

  switch (r->q)
    {
    case 0:
      a->choice = mamori_statement_int (stmt, 1);
      a->choice_version = mamori_statement_int64 (stmt, 2);
      break;
    case 1:
      g_free (a->note);
      a->note = column_text (stmt, 1);
      a->note_version = mamori_statement_int64 (stmt, 2);
      break;
    case 2:
      a->measure_what = column_text (stmt, 1);
      a->measure_owner = column_text (stmt, 2);
      a->measure_due = column_text (stmt, 3);
      a->measure_version = mamori_statement_int64 (stmt, 4);
      break;
    case 3: a->n_evidence = (guint) mamori_statement_int64 (stmt, 1); break;
    default: break;
    }
  return TRUE;
}

GHashTable *
mamori_workspace_get_answers (MamoriWorkspace *self,
                              gint64           id,
                              GError         **error)
{
  g_autoptr(GHashTable) answers = NULL;
  static const char *sql[] = {
    "SELECT ref_id, choice, row_version FROM answer WHERE assessment = ?1",
    "SELECT ref_id, text, row_version FROM note WHERE assessment = ?1",
    "SELECT ref_id, what, owner, due_on, row_version FROM measure WHERE assessment = ?1",
    "SELECT ref_id, count (*) FROM evidence WHERE assessment = ?1 GROUP BY ref_id",
  };
  AnswersRead r;
  gboolean ok = TRUE;

  answers = g_hash_table_new_full (g_str_hash, g_str_equal, NULL, (GDestroyNotify) mamori_answer_free);
  r.answers = answers;
  /* The four queries see one state of the assessment. */
  mamori_workspace_lock (self);
  for (r.q = 0; ok && r.q < G_N_ELEMENTS (sql); r.q++)
    ok = mamori_statement_query (self, _("read the answers"), answers_row, &r, error, sql[r.q], "i", id);
  mamori_workspace_unlock (self);
  return ok ? g_steal_pointer (&answers) : NULL;
}

/* --- one item's answer, note or measure, over the version read ----------------------------- */

/* A row added where there was none starts at a version from the clock (microseconds since
 * 1970), not at 1: an answer cleared and given again never comes back at a version someone
 * read of the earlier one. */
static gint64
new_row_version (void)
{
  return MAX (g_get_real_time (), 1);
}

/* A value column of an item's row and what it is set to. */
typedef struct {
  const char *column;
  char type;              /* 'i', 'd', 't' (NULL binds NULL) or 'n' (NULL) */
  gint64 i;
  double d;
  const char *t;
} ItemValue;

static gboolean
bind_item_values (MamoriStatement *stmt,
                  int              first,
                  const ItemValue *values,
                  guint            n,
                  GError         **error)
{
  for (guint k = 0; k < n; k++)
    {
      const ItemValue *v = &values[k];
      int at = first + (int) k;
      gboolean ok = v->type == 'i' ? mamori_statement_bind (stmt, at, error, "i", v->i)
                  : v->type == 'd' ? mamori_statement_bind (stmt, at, error, "d", v->d)
                  : v->type == 't' ? mamori_statement_bind (stmt, at, error, "t", v->t)
                  : mamori_statement_bind (stmt, at, error, "n");
      if (!ok)
        return FALSE;
    }
  return TRUE;
}

/* Sets (n > 0) or removes (n == 0) the item's row of table (answer, note, measure) over
 * *version as read (see mamori_workspace_set_answer_checked); on success *version is the
 * row's version now. */
static gboolean
write_item_row (MamoriWorkspace *self,
                const char      *doing,
                const char      *table,
                gint64           id,
                const char      *ref_id,
                const ItemValue *values,
                guint            n,
                gint64          *version,
                GError         **error)
{
  gint64 expected = *version, now = 0;
  g_autoptr(GString) sql = g_string_new (NULL);
  g_autofree char *sql_version = g_strdup_printf ("SELECT row_version FROM %s WHERE assessment = ?1 AND ref_id = ?2", table);
  gboolean refused = FALSE;

  if (n == 0)
    {
      /* Removed only as it was read; refused when a row is there after (changed or added). */
      if (expected != MAMORI_ROW_VERSION_NONE)
        {
          g_string_printf (sql, "DELETE FROM %s WHERE assessment = ?1 AND ref_id = ?2%s", table,
                           expected > 0 ? " AND row_version = ?3" : "");
          if (!(expected > 0 ? mamori_statement_run (self, doing, error, sql->str, "iti", id, ref_id, expected)
                             : mamori_statement_run (self, doing, error, sql->str, "it", id, ref_id)))
            return FALSE;
        }
      if (expected != MAMORI_ROW_VERSION_ANY &&
          !mamori_statement_fetch_int64 (self, doing, &now, error, sql_version, "it", id, ref_id))
        return FALSE;
      refused = now > 0;
    }
  else
    {
      g_autoptr(MamoriStatement) stmt = NULL;
      int k = (int) n + 3;   /* the version's placeholder */

      if (expected > 0)
        {
          /* Only the version read is replaced. */
          g_string_printf (sql, "UPDATE %s SET ", table);
          for (guint c = 0; c < n; c++)
            g_string_append_printf (sql, "%s = ?%u, ", values[c].column, c + 3);
          g_string_append_printf (sql, "row_version = row_version + 1 WHERE assessment = ?1 AND ref_id = ?2 "
                                       "AND row_version = ?%d", k);
        }
      else
        {
          /* Added at a new version; over a row only without a check. */
          g_string_printf (sql, "INSERT INTO %s (assessment, ref_id", table);
          for (guint c = 0; c < n; c++)
            g_string_append_printf (sql, ", %s", values[c].column);
          g_string_append (sql, ", row_version) VALUES (?1, ?2");
          for (guint c = 0; c < n; c++)
            g_string_append_printf (sql, ", ?%u", c + 3);
          g_string_append_printf (sql, ", ?%d) ON CONFLICT (assessment, ref_id) DO ", k);
          if (expected == MAMORI_ROW_VERSION_NONE)
            g_string_append (sql, "NOTHING");
          else
            {
              g_string_append (sql, "UPDATE SET ");
              for (guint c = 0; c < n; c++)
                g_string_append_printf (sql, "%s = excluded.%s, ", values[c].column, values[c].column);
              g_string_append_printf (sql, "row_version = %s.row_version + 1", table);
            }
        }
      stmt = mamori_statement_new (self, doing, error, sql->str, "it", id, ref_id);
      if (stmt == NULL || !bind_item_values (stmt, 3, values, n, error) ||
          !mamori_statement_bind (stmt, k, error, "i", expected > 0 ? expected : new_row_version ()) ||
          !mamori_statement_execute (stmt, error, NULL))
        return FALSE;
      refused = expected != MAMORI_ROW_VERSION_ANY && mamori_statement_changes (stmt) == 0;
      if (!refused && !mamori_statement_fetch_int64 (self, doing, &now, error, sql_version, "it", id, ref_id))
        return FALSE;
    }
  /* Still at the version read, yet not changed: on a server a role's policy hides the row
   * (row-level security skips it without a word). That is no one else's change. */
  if (refused && expected > 0)
    {
      gint64 stored = 0;
      if (!mamori_statement_fetch_int64 (self, doing, &stored, error, sql_version, "it", id, ref_id))
        return FALSE;
      if (stored == expected)
        {
          g_set_error (error, MAMORI_WORKSPACE_ERROR, MAMORI_WORKSPACE_ERROR_READ_ONLY,
                       _("Your role does not let you change item %s of this assessment (only its respondent and the officer answer it)."),
                       ref_id);
          return FALSE;
        }
    }
  if (refused && g_str_equal (table, "answer"))
    g_set_error (error, MAMORI_WORKSPACE_ERROR, MAMORI_WORKSPACE_ERROR_CONFLICT,
                 _("Someone else changed the answer to item %s after you opened it, so yours was not saved. "
                   "Open the assessment again to see theirs."), ref_id);
  else if (refused && g_str_equal (table, "note"))
    g_set_error (error, MAMORI_WORKSPACE_ERROR, MAMORI_WORKSPACE_ERROR_CONFLICT,
                 _("Someone else changed the note on item %s after you opened it, so yours was not saved. "
                   "Open the assessment again to see theirs."), ref_id);
  else if (refused)
    g_set_error (error, MAMORI_WORKSPACE_ERROR, MAMORI_WORKSPACE_ERROR_CONFLICT,
                 _("Someone else changed the measure for item %s after you opened it, so yours was not saved. "
                   "Open the assessment again to see theirs."), ref_id);
  if (refused)
    return FALSE;
  *version = now > 0 ? now : MAMORI_ROW_VERSION_NONE;
  return TRUE;
}

typedef struct {
  const char *ref_id;
  int choice;
  double score;
  gboolean not_applicable;
  const char *text, *owner, *due;
  gint64 *version;
} ItemData;

static gboolean
answer_body (MamoriWorkspace *self,
             gint64           id,
             gpointer         data,
             GString         *summary,
             GError         **error)
{
  ItemData *d = data;
  g_autofree char *now = mamori_workspace_now ();
  ItemValue values[] = {
    { "choice", 'i', d->choice, 0, NULL },
    /* Not applicable: no score. */
    { "score", d->not_applicable ? 'n' : 'd', 0, d->score, NULL },
    { "answered_at", 't', 0, 0, now },
  };

  if (d->choice < 0)
    g_string_printf (summary, "%" G_GINT64_FORMAT " %s: cleared", id, d->ref_id);
  else
    g_string_printf (summary, "%" G_GINT64_FORMAT " %s: choice %d", id, d->ref_id, d->choice);
  return write_item_row (self, _("save the answer"), "answer", id, d->ref_id, values, d->choice < 0 ? 0 : G_N_ELEMENTS (values),
                         d->version, error);
}

gboolean
mamori_workspace_set_answer_checked (MamoriWorkspace *self,
                                     gint64           id,
                                     const char      *ref_id,
                                     int              choice,
                                     double           score,
                                     gboolean         not_applicable,
                                     gint64          *version,
                                     GError         **error)
{
  ItemData d = { ref_id, choice, score, not_applicable, NULL, NULL, NULL, version };

  if (!not_applicable && choice >= 0 && !isfinite (score))
    {
      g_set_error (error, MAMORI_WORKSPACE_ERROR, MAMORI_WORKSPACE_ERROR_INVALID, _("An answer needs a score."));
      return FALSE;
    }
  return edit (self, id, TRUE, "answer", _("save the answer"), answer_body, &d, error);
}

gboolean
mamori_workspace_set_answer (MamoriWorkspace *self,
                             gint64           id,
                             const char      *ref_id,
                             int              choice,
                             double           score,
                             gboolean         not_applicable,
                             GError         **error)
{
  gint64 version = MAMORI_ROW_VERSION_ANY;

  return mamori_workspace_set_answer_checked (self, id, ref_id, choice, score, not_applicable, &version, error);
}

static gboolean
note_body (MamoriWorkspace *self,
           gint64           id,
           gpointer         data,
           GString         *summary,
           GError         **error)
{
  ItemData *d = data;
  ItemValue values[] = { { "text", 't', 0, 0, d->text } };

  g_string_printf (summary, "%" G_GINT64_FORMAT " %s: note", id, d->ref_id);
  return write_item_row (self, _("save the note"), "note", id, d->ref_id, values,
                         d->text == NULL || *d->text == '\0' ? 0 : G_N_ELEMENTS (values), d->version, error);
}

gboolean
mamori_workspace_set_note_checked (MamoriWorkspace *self,
                                   gint64           id,
                                   const char      *ref_id,
                                   const char      *text,
                                   gint64          *version,
                                   GError         **error)
{
  ItemData d = { ref_id, 0, 0, FALSE, text, NULL, NULL, version };

  if (!mamori_workspace_check_text (_("A note"), text, 4000, error))
    return FALSE;
  return edit (self, id, TRUE, "note", _("save the note"), note_body, &d, error);
}

gboolean
mamori_workspace_set_note (MamoriWorkspace *self,
                           gint64           id,
                           const char      *ref_id,
                           const char      *text,
                           GError         **error)
{
  gint64 version = MAMORI_ROW_VERSION_ANY;

  return mamori_workspace_set_note_checked (self, id, ref_id, text, &version, error);
}

static gboolean
measure_body (MamoriWorkspace *self,
              gint64           id,
              gpointer         data,
              GString         *summary,
              GError         **error)
{
  ItemData *d = data;
  g_autofree char *now = mamori_workspace_now ();
  ItemValue values[] = {
    { "what", 't', 0, 0, d->text },
    { "owner", 't', 0, 0, d->owner ? d->owner : "" },
    { "due_on", 't', 0, 0, d->due },
    { "decided_at", 't', 0, 0, now },
  };

  if (d->text == NULL || *d->text == '\0')
    {
      g_string_printf (summary, "%" G_GINT64_FORMAT " %s: measure removed", id, d->ref_id);
      return write_item_row (self, _("save the measure"), "measure", id, d->ref_id, values, 0, d->version, error);
    }
  g_string_printf (summary, "%" G_GINT64_FORMAT " %s: measure “%s”, %s, %s", id, d->ref_id, d->text,
                   d->owner ? d->owner : "", d->due ? d->due : "");
  /* A decided measure is the step-up task "decide the measures for the gaps". */
  if (!mamori_workspace_tick_task (self, "s2.measures", _("save the measure"), error))
    return FALSE;
  return write_item_row (self, _("save the measure"), "measure", id, d->ref_id, values, G_N_ELEMENTS (values),
                         d->version, error);
}

gboolean
mamori_workspace_set_measure_checked (MamoriWorkspace *self,
                                      gint64           id,
                                      const char      *ref_id,
                                      const char      *what,
                                      const char      *owner,
                                      const char      *due,
                                      gint64          *version,
                                      GError         **error)
{
  ItemData d = { ref_id, 0, 0, FALSE, what, owner, (due && *due) ? due : NULL, version };

  if (d.due != NULL && !mamori_workspace_valid_date (d.due))
    {
      g_set_error (error, MAMORI_WORKSPACE_ERROR, MAMORI_WORKSPACE_ERROR_INVALID,
                   _("“%s” is not a date (YYYY-MM-DD)."), d.due);
      return FALSE;
    }
  if (!mamori_workspace_check_text (_("The measure"), what, 1000, error) || !mamori_workspace_check_text (_("The owner"), owner, 200, error))
    return FALSE;
  /* Measures stay editable after completion: deciding them is the point of the review. */
  if (!edit (self, id, FALSE, "measure", _("save the measure"), measure_body, &d, error))
    return FALSE;
  mamori_workspace_emit_changed (self, "stepup_task");
  return TRUE;
}

gboolean
mamori_workspace_set_measure (MamoriWorkspace *self,
                              gint64           id,
                              const char      *ref_id,
                              const char      *what,
                              const char      *owner,
                              const char      *due,
                              GError         **error)
{
  gint64 version = MAMORI_ROW_VERSION_ANY;

  return mamori_workspace_set_measure_checked (self, id, ref_id, what, owner, due, &version, error);
}

static gboolean
position_body (MamoriWorkspace *self,
               gint64           id,
               gpointer         data,
               GString         *summary,
               GError         **error)
{
  /* Where the wizard stopped is not a change worth logging: summary stays empty. */
  return mamori_statement_run (self, _("save the assessment"), error, "UPDATE assessment SET current_item = ?1 WHERE id = ?2",
              "ti", (const char *) data, id);
}

gboolean
mamori_workspace_set_current_item (MamoriWorkspace *self,
                                   gint64           id,
                                   const char      *ref_id,
                                   GError         **error)
{
  return edit (self, id, TRUE, "position", _("save the assessment"), position_body, (gpointer) ref_id, error);
}

static gboolean
complete_body (MamoriWorkspace *self,
               gint64           id,
               gpointer         data,
               GString         *summary,
               GError         **error)
{
  const char *task = data;
  g_autofree char *now = mamori_workspace_now ();

  g_string_printf (summary, "%" G_GINT64_FORMAT " completed", id);
  if (!mamori_statement_run (self, _("complete the assessment"), error,
            "UPDATE assessment SET status = 'completed', completed_at = ?1, current_item = NULL WHERE id = ?2",
            "ti", now, id))
    return FALSE;
  if (task != NULL && !mamori_workspace_tick_task (self, task, _("complete the assessment"), error))
    return FALSE;
  return TRUE;
}

/* Checklists whose “not applicable” answers must say why in the item's note: the
 * certification's mandatory items, where an item that does not apply is a claim the
 * auditor has to be able to check, the certification's full criteria, and the government
 * standard's governance clauses. */
#define NA_REASON_CHECKLISTS "'tech-info-mandatory', 'tech-info-criteria', 'gov-governance'"

static int
compare_refs (gconstpointer a,
              gconstpointer b)
{
  g_autofree char *ka = g_utf8_collate_key_for_filename (*(const char * const *) a, -1);
  g_autofree char *kb = g_utf8_collate_key_for_filename (*(const char * const *) b, -1);

  return strcmp (ka, kb);
}

/* Refuses, naming the items, to complete an assessment of such a checklist while a
 * not-applicable answer (stored with score NULL) has no note, or only blanks. */
static gboolean
complete_checked_body (MamoriWorkspace *self,
                       gint64           id,
                       gpointer         data,
                       GString         *summary,
                       GError         **error)
{
  g_autoptr(GString) items = g_string_new (NULL);
  g_autoptr(GPtrArray) refs = g_ptr_array_new_with_free_func (g_free);
  guint n = 0;

  {
    g_autoptr(MamoriStatement) stmt = mamori_statement_new (self, _("complete the assessment"), error,
                "SELECT a.ref_id, coalesce (n.text, '') FROM answer a JOIN assessment s ON s.id = a.assessment "
                "  LEFT JOIN note n ON n.assessment = a.assessment AND n.ref_id = a.ref_id "
                "WHERE a.assessment = ?1 AND a.score IS NULL AND s.checklist IN (" NA_REASON_CHECKLISTS ") "
                "ORDER BY a.ref_id",
                "i", id);
    if (stmt == NULL)
      return FALSE;
    while (mamori_statement_step (stmt, error))
      {
        /* Blank: only spaces (ASCII or full-width), tabs and line breaks. */
        const char *text = mamori_statement_text (stmt, 1);
        gboolean blank = TRUE;
        for (const char *p = text; *p != '\0' && blank; p = g_utf8_next_char (p))
          blank = g_unichar_isspace (g_utf8_get_char (p)) || g_utf8_get_char (p) == 0x3000;
        if (!blank)
          continue;
        g_ptr_array_add (refs, g_strdup (mamori_statement_text (stmt, 0)));
        n++;
      }
    /* In the checklist's numbering: 2 before 10, 100-1 before 100-2 before 101. */
    g_ptr_array_sort (refs, compare_refs);
    for (guint i = 0; i < refs->len; i++)
      g_string_append_printf (items, "%s%s", i > 0 ? ", " : "", (const char *) refs->pdata[i]);
    if (mamori_statement_failed (stmt))
      return FALSE;
  }
  if (n > 0)
    {
      g_set_error (error, MAMORI_WORKSPACE_ERROR, MAMORI_WORKSPACE_ERROR_INVALID,
                   ngettext ("Assessment %lld cannot be completed: item %s is answered “not applicable” without a reason. "
                             "Write in its note why it does not apply.",
                             "Assessment %lld cannot be completed: items %s are answered “not applicable” without a reason. "
                             "Write in each one’s note why it does not apply.", n),
                   (long long) id, items->str);
      return FALSE;
    }
  return complete_body (self, id, data, summary, error);
}

typedef struct {
  gint64 id;
  const MamoriChecklist *checklist;
  const char *lang;
} DefaultNa;

static gboolean
apply_default_na (MamoriWorkspace  *self,
                  gpointer          data,
                  GError          **error)
{
  DefaultNa *d = data;
  g_autoptr(GHashTable) answers = mamori_workspace_get_answers (self, d->id, error);

  if (answers == NULL)
    return FALSE;
  for (guint i = 0; i < d->checklist->items->len; i++)
    {
      const MamoriNode *item = d->checklist->items->pdata[i];
      GPtrArray *choices;
      MamoriAnswer *old;
      const char *reason;

      if (!mamori_node_is_default_not_applicable (item))
        continue;
      old = g_hash_table_lookup (answers, item->ref_id);
      if (old != NULL && old->choice >= 0)
        continue;
      choices = mamori_checklist_choices (d->checklist, item);
      for (guint c = 0; c < choices->len; c++)
        if (((MamoriChoice *) choices->pdata[c])->not_applicable)
          {
            if (!mamori_workspace_set_answer (self, d->id, item->ref_id, (int) c, 0, TRUE, error))
              return FALSE;
            break;
          }
      reason = mamori_node_get_not_applicable_reason (item, d->lang);
      if (reason != NULL && (old == NULL || old->note == NULL || *old->note == '\0') &&
          !mamori_workspace_set_note (self, d->id, item->ref_id, reason, error))
        return FALSE;
    }
  return TRUE;
}

gboolean
mamori_workspace_apply_default_not_applicable (MamoriWorkspace       *self,
                                               gint64                 id,
                                               const MamoriChecklist *checklist,
                                               const char            *lang,
                                               GError               **error)
{
  DefaultNa d = { id, checklist, lang };

  return mamori_workspace_transaction (self, apply_default_na, &d, error);
}

gboolean
mamori_workspace_complete_assessment (MamoriWorkspace *self,
                                      gint64           id,
                                      const char      *stepup_task,
                                      GError         **error)
{
  if (!edit (self, id, TRUE, "complete", _("complete the assessment"), complete_checked_body, (gpointer) stepup_task, error))
    return FALSE;
  if (stepup_task != NULL)
    mamori_workspace_emit_changed (self, "stepup_task");
  return TRUE;
}

gint64
mamori_workspace_copy_assessment (MamoriWorkspace *self,
                                  gint64           id,
                                  const char      *assessed_on,
                                  GError         **error)
{
  g_autoptr(MamoriAssessment) from = mamori_workspace_get_assessment (self, id, error);
  CreateData d = { 0 };

  if (from == NULL)
    return 0;
  if (!mamori_workspace_valid_date (assessed_on))
    {
      g_set_error (error, MAMORI_WORKSPACE_ERROR, MAMORI_WORKSPACE_ERROR_INVALID,
                   _("“%s” is not a date (YYYY-MM-DD)."), assessed_on ? assessed_on : "");
      return 0;
    }
  d.checklist = from->checklist;
  d.subject = from->subject;
  d.assessed_on = assessed_on;
  d.respondent = from->respondent;
  d.copy_from = id;
  if (!edit (self, 0, FALSE, "copy", _("copy the assessment"), create_body, &d, error))
    return 0;
  return d.new_id;
}

static gboolean
delete_body (MamoriWorkspace *self,
             gint64           id,
             gpointer         data,
             GString         *summary,
             GError         **error)
{
  g_string_printf (summary, "%" G_GINT64_FORMAT " deleted", id);
  return mamori_statement_run (self, _("delete the assessment"), error, "DELETE FROM assessment WHERE id = ?1", "i", id);
}

gboolean
mamori_workspace_delete_assessment (MamoriWorkspace *self,
                                    gint64           id,
                                    GError         **error)
{
  return edit (self, id, FALSE, "delete", _("delete the assessment"), delete_body, NULL, error);
}

/* --- evidence ---------------------------------------------------------------------------------- */

typedef struct {
  const char *ref_id, *name;
  GBytes *content;
  gint64 new_id;
} EvidenceData;

static gboolean
evidence_body (MamoriWorkspace *self,
               gint64           id,
               gpointer         data,
               GString         *summary,
               GError         **error)
{
  EvidenceData *d = data;
  g_autofree char *now = mamori_workspace_now ();
  g_autofree char *sha = g_compute_checksum_for_bytes (G_CHECKSUM_SHA256, d->content);

  if (!mamori_statement_insert (self, _("store the evidence file"), &d->new_id, error,
            "INSERT INTO evidence (assessment, ref_id, name, size, sha256, content, added_at) "
            "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)", "ittitbt",
            id, d->ref_id, d->name, (gint64) g_bytes_get_size (d->content), sha, d->content, now))
    return FALSE;
  g_string_printf (summary, "%" G_GINT64_FORMAT " %s: evidence “%s” (%" G_GSIZE_FORMAT " bytes, sha256 %s)",
                   id, d->ref_id, d->name, g_bytes_get_size (d->content), sha);
  return TRUE;
}

gint64
mamori_workspace_add_evidence (MamoriWorkspace *self,
                               gint64           id,
                               const char      *ref_id,
                               const char      *name,
                               GBytes          *content,
                               GError         **error)
{
  EvidenceData d = { ref_id, name, content, 0 };

  if (g_bytes_get_size (content) > MAMORI_EVIDENCE_MAX_SIZE)
    {
      g_autofree char *size = g_format_size (g_bytes_get_size (content));
      g_autofree char *limit = g_format_size (MAMORI_EVIDENCE_MAX_SIZE);
      g_set_error (error, MAMORI_WORKSPACE_ERROR, MAMORI_WORKSPACE_ERROR_INVALID,
                   _("“%s” is %s; evidence files can be at most %s. Attach a smaller file or a reference to where the original is kept."),
                   name, size, limit);
      return 0;
    }
  if (name == NULL || *name == '\0' || !mamori_workspace_check_text (_("The file name"), name, 255, error))
    {
      if (error && *error == NULL)
        g_set_error (error, MAMORI_WORKSPACE_ERROR, MAMORI_WORKSPACE_ERROR_INVALID, _("An evidence file needs a name."));
      return 0;
    }
  if (!edit (self, id, TRUE, "evidence", _("store the evidence file"), evidence_body, &d, error))
    return 0;
  return d.new_id;
}

static gboolean
evidence_row (MamoriStatement  *stmt,
              gpointer          data,
              GError          **error)
{
  MamoriEvidence *e = g_new0 (MamoriEvidence, 1);

  e->id = mamori_statement_int64 (stmt, 0);
  e->ref_id = column_text (stmt, 1);
  e->name = column_text (stmt, 2);
  e->size = mamori_statement_int64 (stmt, 3);
  e->sha256 = column_text (stmt, 4);
  e->added_at = column_text (stmt, 5);
  e->fulfils = column_text (stmt, 6);
  g_ptr_array_add (data, e);
  return TRUE;
}

GPtrArray *
mamori_workspace_list_evidence (MamoriWorkspace *self,
                                gint64           id,
                                const char      *ref_id,
                                GError         **error)
{
  g_autoptr(GPtrArray) out = g_ptr_array_new_with_free_func ((GDestroyNotify) mamori_evidence_free);

  if (!mamori_statement_query (self, _("read the evidence files"), evidence_row, out, error,
                               "SELECT id, ref_id, name, size, sha256, added_at, fulfils FROM evidence "
                               "WHERE assessment = ?1 AND (CAST (?2 AS TEXT) IS NULL OR ref_id = ?2) ORDER BY id", "it", id, ref_id))
    return NULL;
  return g_steal_pointer (&out);
}

GBytes *
mamori_workspace_get_evidence_content (MamoriWorkspace *self,
                                       gint64           evidence_id,
                                       GError         **error)
{
  g_autoptr(MamoriStatement) stmt = mamori_statement_new (self, _("read the evidence file"), error,
                                                          "SELECT content FROM evidence WHERE id = ?1", "i", evidence_id);

  if (stmt == NULL)
    return NULL;
  if (mamori_statement_step (stmt, error))
    return mamori_statement_dup_bytes (stmt, 0);
  if (!mamori_statement_failed (stmt))
    g_set_error (error, MAMORI_WORKSPACE_ERROR, MAMORI_WORKSPACE_ERROR_INVALID,
                 _("There is no evidence file %lld."), (long long) evidence_id);
  return NULL;
}

static gboolean
remove_evidence_body (MamoriWorkspace *self,
                      gint64           evidence_id,
                      gpointer         data,
                      GString         *summary,
                      GError         **error)
{
  gint64 assessment = *(gint64 *) data;

  if (!check_editable (self, assessment, error))
    return FALSE;
  g_string_printf (summary, "evidence %" G_GINT64_FORMAT " removed", evidence_id);
  return mamori_statement_run (self, _("remove the evidence file"), error, "DELETE FROM evidence WHERE id = ?1", "i", evidence_id);
}

gboolean
mamori_workspace_remove_evidence (MamoriWorkspace *self,
                                  gint64           evidence_id,
                                  GError         **error)
{
  gint64 assessment = 0;

  mamori_statement_fetch_int64 (self, _("read the evidence file"), &assessment, error,
                                "SELECT assessment FROM evidence WHERE id = ?1", "i", evidence_id);
  if (assessment == 0)
    {
      if (error && *error == NULL)
        g_set_error (error, MAMORI_WORKSPACE_ERROR, MAMORI_WORKSPACE_ERROR_INVALID,
                     _("There is no evidence file %lld."), (long long) evidence_id);
      return FALSE;
    }
  return edit (self, evidence_id, FALSE, "evidence", _("remove the evidence file"), remove_evidence_body, &assessment, error);
}

typedef struct {
  gint64 assessment;
  const char *fulfils;
} FulfilsData;

static gboolean
fulfils_body (MamoriWorkspace *self,
              gint64           evidence_id,
              gpointer         data,
              GString         *summary,
              GError         **error)
{
  FulfilsData *d = data;

  if (!check_editable (self, d->assessment, error))
    return FALSE;
  g_string_printf (summary, "evidence %" G_GINT64_FORMAT " fulfils “%s”", evidence_id, d->fulfils);
  return mamori_statement_run (self, _("store the evidence file"), error,
                               "UPDATE evidence SET fulfils = ?1 WHERE id = ?2", "ti", d->fulfils, evidence_id);
}

gboolean
mamori_workspace_set_evidence_fulfils (MamoriWorkspace *self,
                                       gint64           evidence_id,
                                       const char      *fulfils,
                                       GError         **error)
{
  g_autofree char *text = g_strstrip (g_strdup (fulfils ? fulfils : ""));
  FulfilsData d = { 0, text };

  if (!mamori_workspace_check_text (_("The rule or record"), text, 255, error))
    return FALSE;
  mamori_statement_fetch_int64 (self, _("read the evidence file"), &d.assessment, error,
                                "SELECT assessment FROM evidence WHERE id = ?1", "i", evidence_id);
  if (d.assessment == 0)
    {
      if (error && *error == NULL)
        g_set_error (error, MAMORI_WORKSPACE_ERROR, MAMORI_WORKSPACE_ERROR_INVALID,
                     _("There is no evidence file %lld."), (long long) evidence_id);
      return FALSE;
    }
  return edit (self, evidence_id, FALSE, "evidence", _("store the evidence file"), fulfils_body, &d, error);
}

/* --- results by level ------------------------------------------------------------------------- */

MamoriCriteria *
mamori_workspace_assessment_criteria (MamoriWorkspace       *self,
                                      const MamoriChecklist *checklist,
                                      gint64                 id,
                                      MamoriScope          **scope_out,
                                      GError               **error)
{
  g_autoptr(GHashTable) answers = NULL;
  g_autoptr(GPtrArray) files = NULL;
  g_autoptr(GPtrArray) names = g_ptr_array_new ();
  g_autoptr(MamoriScope) scope = NULL;
  g_autofree int *choices = g_new (int, MAX (checklist->items->len, 1));
  gint64 scope_id;

  answers = mamori_workspace_get_answers (self, id, error);
  if (answers == NULL)
    return NULL;
  files = mamori_workspace_list_evidence (self, id, NULL, error);
  if (files == NULL)
    return NULL;
  scope_id = mamori_workspace_get_assessment_scope (self, id, error);
  if (scope_id < 0)
    return NULL;
  if (scope_id > 0 && (scope = mamori_workspace_get_scope (self, scope_id, error)) == NULL)
    return NULL;
  for (guint i = 0; i < checklist->items->len; i++)
    {
      MamoriAnswer *a = g_hash_table_lookup (answers, ((MamoriNode *) checklist->items->pdata[i])->ref_id);
      choices[i] = a ? a->choice : -1;
    }
  for (guint i = 0; i < files->len; i++)
    g_ptr_array_add (names, ((MamoriEvidence *) files->pdata[i])->fulfils);
  g_ptr_array_add (names, NULL);
  if (scope_out != NULL)
    *scope_out = g_steal_pointer (&scope);
  return mamori_criteria_compute (checklist, choices, scope_out ? *scope_out : scope,
                                  (const char * const *) names->pdata);
}

/* --- libraries --------------------------------------------------------------------------------- */

typedef struct {
  const char *id, *urn, *yaml;
  int version;
} LibraryData;

static gboolean
library_body (MamoriWorkspace *self,
              gint64           unused,
              gpointer         data,
              GString         *summary,
              GError         **error)
{
  LibraryData *d = data;
  g_autofree char *now = mamori_workspace_now ();

  g_string_printf (summary, "library %s version %d", d->id, d->version);
  /* Every text ever imported is kept (library_version): an assessment stays with the one it
   * was answered against; `library` holds the newest, which new assessments use. */
  return mamori_statement_run (self, _("store the checklist"), error,
              "INSERT INTO library (id, urn, version, yaml, imported_at) VALUES (?1, ?2, ?3, ?4, ?5) "
              "ON CONFLICT (id) DO UPDATE SET urn = excluded.urn, version = excluded.version, yaml = excluded.yaml, "
              "imported_at = excluded.imported_at", "ttitt", d->id, d->urn, (gint64) d->version, d->yaml, now) &&
         mamori_statement_run (self, _("store the checklist"), error,
              "INSERT INTO library_version (id, version, urn, yaml, imported_at) "
              "SELECT ?1, ?3, ?2, ?4, ?5 WHERE NOT EXISTS (SELECT 1 FROM library_version WHERE id = ?1 AND yaml = ?4 "
              "  AND rev = (SELECT max (rev) FROM library_version WHERE id = ?1))",
              "ttitt", d->id, d->urn, (gint64) d->version, d->yaml, now);
}

const MamoriChecklist *
mamori_workspace_assessment_checklist (MamoriWorkspace        *self,
                                       MamoriCatalog          *catalog,
                                       const MamoriAssessment *a,
                                       MamoriChecklist       **owned,
                                       GError               **error)
{
  g_autofree char *yaml = NULL;
  gboolean newest = TRUE;

  *owned = NULL;
  if (a->library_rev > 0)
    {
      g_autoptr(MamoriStatement) stmt = mamori_statement_new (self, _("read the checklists"), error,
                "SELECT yaml, rev = (SELECT max (rev) FROM library_version w WHERE w.id = v.id) "
                "FROM library_version v WHERE rev = ?1", "i", a->library_rev);
      if (stmt == NULL)
        return NULL;
      if (mamori_statement_step (stmt, error))
        {
          yaml = column_text (stmt, 0);
          newest = mamori_statement_int (stmt, 1) != 0;
        }
      else if (mamori_statement_failed (stmt))
        return NULL;
    }
  if (yaml != NULL && !newest)
    {
      g_autofree char *name = g_strdup_printf ("%s.yaml", a->checklist);
      *owned = mamori_checklist_parse (yaml, strlen (yaml), name, error);
      return *owned;
    }
  {
    const MamoriChecklist *cl = mamori_catalog_find (catalog, a->checklist);
    if (cl == NULL)
      g_set_error (error, MAMORI_WORKSPACE_ERROR, MAMORI_WORKSPACE_ERROR_INVALID,
                   _("The checklist “%s” of assessment %lld is not available."), a->checklist, (long long) a->id);
    return cl;
  }
}

gboolean
mamori_workspace_save_library (MamoriWorkspace *self,
                               const char      *id,
                               const char      *urn,
                               int              version,
                               const char      *yaml,
                               GError         **error)
{
  LibraryData d = { id, urn, yaml, version };
  if (!edit (self, 0, FALSE, "import", _("store the checklist"), library_body, &d, error))
    return FALSE;
  mamori_workspace_emit_changed (self, "library");
  return TRUE;
}

static gboolean
library_row (MamoriStatement  *stmt,
             gpointer          data,
             GError          **error)
{
  MamoriStoredLibrary *l = g_new0 (MamoriStoredLibrary, 1);

  l->id = column_text (stmt, 0);
  l->version = mamori_statement_int (stmt, 1);
  l->yaml = column_text (stmt, 2);
  g_ptr_array_add (data, l);
  return TRUE;
}

GPtrArray *
mamori_workspace_list_libraries (MamoriWorkspace *self,
                                 GError         **error)
{
  g_autoptr(GPtrArray) out = g_ptr_array_new_with_free_func ((GDestroyNotify) mamori_stored_library_free);

  if (!mamori_statement_query (self, _("read the checklists"), library_row, out, error,
                               "SELECT id, version, yaml FROM library ORDER BY id", NULL))
    return NULL;
  return g_steal_pointer (&out);
}

void
mamori_assessment_score (const MamoriChecklist *checklist,
                         GHashTable            *answers,
                         MamoriScore           *total,
                         MamoriScore           *per_group)
{
  g_autofree int *choice = g_new (int, MAX (checklist->items->len, 1));

  for (guint i = 0; i < checklist->items->len; i++)
    {
      MamoriNode *item = checklist->items->pdata[i];
      MamoriAnswer *a = answers ? g_hash_table_lookup (answers, item->ref_id) : NULL;
      GPtrArray *choices = mamori_checklist_choices (checklist, item);
      choice[i] = (a != NULL && a->choice >= 0 && (guint) a->choice < choices->len) ? a->choice : -1;
    }
  mamori_checklist_score (checklist, choice, total, per_group);
}

gboolean
mamori_workspace_load_catalog (MamoriWorkspace *self,
                               MamoriCatalog   *catalog,
                               GPtrArray      **warnings,
                               GError         **error)
{
  g_autoptr(GPtrArray) libs = mamori_workspace_list_libraries (self, error);

  if (libs == NULL)
    return FALSE;
  if (warnings)
    *warnings = g_ptr_array_new_with_free_func (g_free);
  for (guint i = 0; i < libs->len; i++)
    {
      MamoriStoredLibrary *lib = libs->pdata[i];
      g_autoptr(GError) local = NULL;
      g_autofree char *name = g_strconcat (lib->id, ".yaml", NULL);
      MamoriChecklist *cl = mamori_checklist_parse (lib->yaml, strlen (lib->yaml), name, &local);

      if (cl == NULL)
        {
          if (warnings)
            g_ptr_array_add (*warnings, g_strdup (local->message));
          continue;
        }
      mamori_catalog_add (catalog, cl);
    }
  return TRUE;
}

MamoriFinding
mamori_assessment_grade (const MamoriChecklist *cl,
                         const MamoriNode      *item,
                         int                    choice)
{
  GPtrArray *scale = mamori_checklist_choices (cl, item);
  double best = -G_MAXDOUBLE, worst = G_MAXDOUBLE;
  MamoriChoice *c;

  if (choice < 0 || (guint) choice >= scale->len)
    return MAMORI_FINDING_NOT_ANSWERED;
  c = scale->pdata[choice];
  if (c->not_applicable)
    return MAMORI_FINDING_NOT_APPLICABLE;
  for (guint i = 0; i < scale->len; i++)
    {
      MamoriChoice *o = scale->pdata[i];
      if (o->not_applicable)
        continue;
      best = MAX (best, o->score);
      worst = MIN (worst, MAX (o->score, 0));
    }
  /* A requirement with a target level on a scale of levels (the certification's criteria):
   * conforming from the target on, not the best level only. */
  if (mamori_node_get_target_level (item) > 0 && best >= mamori_node_get_target_level (item))
    best = mamori_node_get_target_level (item);
  if (c->score >= best)
    return MAMORI_FINDING_CONFORMING;
  if (c->score <= worst)
    return MAMORI_FINDING_GAP;
  return MAMORI_FINDING_MINOR;
}

const char *
mamori_finding_label (MamoriFinding finding,
                      const char   *lang)
{
  static const char *ja[] = { "適合", "一部不適合", "不適合", "未回答", "対象外" };
  static const char *en[] = { "Conforming", "Partly conforming", "Gap", "Not answered", "Not applicable" };
  return g_strcmp0 (lang, "en") == 0 ? en[finding] : ja[finding];
}
