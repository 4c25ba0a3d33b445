/* mamori-op-calendar.c — what is due: open measures by their due dates, the yearly management
 * review, self-diagnosis round, internal audit and ledger stocktaking, document reviews, and
 * what the registers ask for (incident notifications, exceptions ending, accepted risks to
 * re-review, training and pledges, supplier evaluations); listed, and exported as iCalendar */
#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "core/mamori-display.h"
#include "mamori-ops-private.h"
#include "report/mamori-ics.h"
#include "store/mamori-assessments.h"
#include "store/mamori-assets.h"
#include "core/mamori-training.h"
#include "store/mamori-documents.h"
#include "store/mamori-registers.h"
#include "store/mamori-reviews.h"

/* An accepted risk is re-reviewed this many days before its acceptance ends. */
#define ACCEPTANCE_REVIEW_DAYS 30

static MamoriDueItem *
due (GPtrArray  *items,
     const char *date,
     const char *kind,
     const char *title,
     const char *key,
     const char *target)
{
  MamoriDueItem *item = mamori_due_item_set (mamori_due_item_new (date, kind, title), key, target);

  g_ptr_array_add (items, item);
  return item;
}

static char *
record_target (const char *reg,
               gint64      id)
{
  return g_strdup_printf ("registers:%s:%" G_GINT64_FORMAT, reg, id);
}

static char *
record_key (const char *kind,
            gint64      id)
{
  return g_strdup_printf ("%s:%" G_GINT64_FORMAT, kind, id);
}

static GPtrArray *
records (MamoriWorkspace  *ws,
         const char       *key,
         GError          **error)
{
  return mamori_workspace_list_records (ws, mamori_register_lookup (key), 0, error);
}

static gboolean
register_items (MamoriWorkspace  *ws,
                GPtrArray        *items,
                const char       *today,
                GError          **error)
{
  g_autoptr(GPtrArray) incidents = records (ws, "incidents", error);
  g_autoptr(GPtrArray) notices = incidents ? records (ws, "incident_notices", error) : NULL;
  g_autoptr(GPtrArray) exceptions = notices ? records (ws, "exceptions", error) : NULL;
  g_autoptr(GPtrArray) acceptances = exceptions ? records (ws, "acceptances", error) : NULL;
  g_autoptr(GPtrArray) people = acceptances ? records (ws, "people", error) : NULL;
  g_autoptr(GPtrArray) trainings = people ? records (ws, "trainings", error) : NULL;
  g_autoptr(GPtrArray) attendance = trainings ? records (ws, "attendance", error) : NULL;
  g_autoptr(GPtrArray) pledges = attendance ? records (ws, "pledges", error) : NULL;
  g_autoptr(GPtrArray) plans = pledges ? records (ws, "training_plans", error) : NULL;
  g_autoptr(GPtrArray) suppliers = plans ? records (ws, "suppliers", error) : NULL;
  g_autoptr(GPtrArray) statuses = NULL;
  const MamoriField *party = mamori_register_field (mamori_register_lookup ("incident_notices"), "party");
  const MamoriField *topic = mamori_register_field (mamori_register_lookup ("training_plans"), "topic");

  if (suppliers == NULL)
    return FALSE;

  /* Notifications of an incident still open, by their deadline. */
  for (guint i = 0; i < notices->len; i++)
    {
      MamoriRecord *n = notices->pdata[i];
      const char *by = mamori_record_get (n, "due_at");
      MamoriRecord *incident = NULL;
      g_autofree char *date = NULL, *title = NULL, *key = NULL, *target = NULL;
      for (guint k = 0; k < incidents->len; k++)
        if (((MamoriRecord *) incidents->pdata[k])->id == n->parent)
          incident = incidents->pdata[k];
      if (incident == NULL || *by == '\0' || *mamori_record_get (n, "notified_at") != '\0' ||
          g_str_equal (mamori_record_get (incident, "state"), "closed"))
        continue;
      date = g_strndup (by, 10);
      /* TRANSLATORS: an incident's notification due: who is notified (by when), of which incident */
      title = g_strdup_printf (_("Notify %s by %s: %s"), mamori_field_choice_label (party, mamori_record_get (n, "party")),
                               by + 11, mamori_record_label (incident));
      key = record_key ("incident-notice", n->id);
      target = record_target ("incidents", incident->id);
      due (items, date, "incident-notice", title, key, target);
    }

  /* Exceptions: a request to decide, an approved one ending, an ended one without its report. */
  for (guint i = 0; i < exceptions->len; i++)
    {
      MamoriRecord *e = exceptions->pdata[i];
      const char *decision = mamori_record_get (e, "decision");
      g_autofree char *title = NULL, *key = record_key ("exception", e->id), *target = record_target ("exceptions", e->id);
      if (g_str_equal (decision, "pending"))
        {
          title = g_strdup_printf (_("Decide on the exception request: %s (%s)"), mamori_record_get (e, "rule"),
                                   mamori_record_get (e, "applicant"));
          due (items, mamori_record_get (e, "starts_on"), "exception", title, key, target);
        }
      else if (g_str_equal (decision, "approved") && *mamori_record_get (e, "ended_on") == '\0')
        {
          title = g_strdup_printf (_("Exception ends, end report due: %s (%s)"), mamori_record_get (e, "rule"),
                                   mamori_record_get (e, "applicant"));
          due (items, mamori_record_get (e, "ends_on"), "exception", title, key, target);
        }
    }

  /* Accepted risks are re-reviewed before the acceptance ends. */
  for (guint i = 0; i < acceptances->len; i++)
    {
      MamoriRecord *a = acceptances->pdata[i];
      g_autofree char *date = mamori_date_add_days (mamori_record_get (a, "until"), -ACCEPTANCE_REVIEW_DAYS);
      g_autofree char *title = g_strdup_printf (_("Re-review the accepted risk (accepted until %s): %s"),
                                                mamori_record_get (a, "until"), mamori_record_label (a));
      g_autofree char *key = record_key ("acceptance", a->id), *target = record_target ("acceptances", a->id);
      const char *reviewed = mamori_record_get (a, "reviewed_on");
      if (date == NULL || (*reviewed != '\0' && strcmp (reviewed, date) >= 0))
        continue;
      due (items, date, "acceptance", title, key, target);
    }

  /* Training and pledges, per person. */
  statuses = mamori_training_statuses (people, trainings, attendance, pledges, today,
                                       mamori_workspace_fiscal_start_month (ws));
  for (guint i = 0; i < statuses->len; i++)
    {
      MamoriTrainingStatus *s = statuses->pdata[i];
      const char *who = mamori_record_label (s->person);
      if (s->state != MAMORI_TRAINING_DONE && *s->due_on != '\0')
        {
          g_autofree char *title = g_strdup_printf (_("Training: %s (%s)"), who, mamori_training_state_label (s->state));
          g_autofree char *key = record_key ("training", s->person->id);
          due (items, s->due_on, "training", title, key, "registers:training-status");
        }
      if (s->pledge_missing)
        {
          const char *joined = mamori_record_get (s->person, "joined_on");
          g_autofree char *title = g_strdup_printf (_("Confidentiality pledge not signed: %s"), who);
          g_autofree char *key = record_key ("pledge", s->person->id);
          g_autofree char *target = record_target ("people", s->person->id);
          due (items, *joined ? joined : today, "pledge", title, key, target);
        }
    }
  /* Training planned and not held yet. */
  for (guint i = 0; i < plans->len; i++)
    {
      MamoriRecord *p = plans->pdata[i];
      const char *on = mamori_record_get (p, "planned_on");
      g_autofree char *title = NULL, *key = NULL, *target = NULL;
      gboolean held = FALSE;
      if (*on == '\0' || strcmp (on, today) < 0)
        continue;
      for (guint k = 0; k < trainings->len && !held; k++)
        held = g_str_equal (mamori_record_get (trainings->pdata[k], "held_on"), on);
      if (held)
        continue;
      title = g_strdup_printf (_("Planned training: %s"), mamori_field_choice_label (topic, mamori_record_get (p, "topic")));
      key = record_key ("training-plan", p->id);
      target = record_target ("training_plans", p->id);
      due (items, on, "training", title, key, target);
    }

  /* Suppliers: every interval after the last evaluation; never evaluated = due from the contract. */
  for (guint i = 0; i < suppliers->len; i++)
    {
      MamoriRecord *s = suppliers->pdata[i];
      const char *last = mamori_record_get (s, "last_evaluated_on");
      const char *contract = mamori_record_get (s, "contract_on");
      int months = (int) g_ascii_strtoll (mamori_record_get (s, "interval_months"), NULL, 10);
      g_autofree char *next = *last ? mamori_date_add_months (last, months > 0 ? months : 12)
                                    : g_strdup (*contract ? contract : today);
      g_autofree char *title = g_strdup_printf (_("Evaluate the supplier: %s"), mamori_record_label (s));
      g_autofree char *key = record_key ("supplier", s->id), *target = record_target ("suppliers", s->id);
      if (next != NULL)
        due (items, next, "supplier", title, key, target);
    }
  return TRUE;
}

static gboolean
yearly_items (MamoriWorkspace  *ws,
              GPtrArray        *items,
              GError          **error)
{
  g_autofree char *audit = NULL, *stock = NULL;
  g_autoptr(GPtrArray) docs = NULL;

  if (!mamori_workspace_last_audit_on (ws, &audit, error) || !mamori_workspace_last_stocktaking (ws, &stock, error))
    return FALSE;
  if (audit != NULL)
    {
      g_autofree char *next = mamori_date_add_years (audit, 1);
      if (next != NULL)
        due (items, next, "internal-audit", _("Internal audit (a year after the last one)"), "internal-audit", "assessments");
    }
  if (stock != NULL)
    {
      g_autofree char *next = mamori_date_add_years (stock, 1);
      if (next != NULL)
        due (items, next, "stocktaking", _("Ledger stocktaking: check every asset once a year"), "stocktaking", "assets");
    }
  docs = mamori_workspace_document_reviews (ws, error);
  if (docs == NULL)
    return FALSE;
  for (guint i = 0; i < docs->len; i++)
    {
      MamoriDocumentReview *d = docs->pdata[i];
      g_autofree char *key = record_key ("document", d->id);
      g_autofree char *target = g_strdup_printf ("documents:%" G_GINT64_FORMAT, d->id);
      g_autofree char *title = NULL;
      if (*d->due_on == '\0')
        continue;
      title = d->data_changed ? g_strdup_printf (_("Review the document (review recommended: its data changed): %s"), d->title)
                              : g_strdup_printf (_("Review the document: %s"), d->title);
      due (items, d->due_on, "document", title, key, target);
    }
  return TRUE;
}

GPtrArray *
mamori_op_calendar_items (MamoriWorkspace  *workspace,
                          MamoriCatalog    *catalog,
                          const char       *today,
                          int               days,
                          GError          **error)
{
  g_autoptr(GPtrArray) items = g_ptr_array_new_with_free_func ((GDestroyNotify) mamori_due_item_free);
  g_autoptr(GPtrArray) measures = NULL;
  g_autoptr(GPtrArray) rounds = NULL;
  g_autoptr(MamoriReviewFigures) review = NULL;
  g_autoptr(GError) local = NULL;
  const char *lang = mamori_text_user_lang ();

  /* Every measure not done yet that has a due date (the ledger's, the assessments', the
   * internal audit's corrective actions). */
  measures = mamori_workspace_list_overdue_measures (workspace, "9999-12-31", G_MAXUINT, error);
  if (measures == NULL)
    return NULL;
  for (guint i = 0; i < measures->len; i++)
    {
      MamoriOverdueMeasure *m = measures->pdata[i];
      g_autofree char *source = mamori_measure_source_label (m->source, catalog, lang);
      /* TRANSLATORS: a measure in the calendar: what is done, then where it comes from */
      g_autofree char *title = g_strdup_printf (_("%s (%s)"), m->what, source);
      g_ptr_array_add (items, mamori_due_item_new (m->due, "measure", title));
    }
  /* The management review, a year after the last one. */
  review = mamori_workspace_last_review (workspace, "9999-12-31", &local);
  if (local != NULL)
    {
      g_propagate_error (error, g_steal_pointer (&local));
      return NULL;
    }
  if (review != NULL)
    {
      g_autofree char *next = mamori_date_add_years (review->held_on, 1);
      if (next != NULL)
        g_ptr_array_add (items, mamori_due_item_new (next, "review", _("Management review (a year after the last one)")));
    }
  /* The self-diagnosis, a year after the last completed round. */
  rounds = mamori_workspace_list_assessments (workspace, "ipa-self-diagnosis", error);
  if (rounds == NULL)
    return NULL;
  for (guint i = rounds->len; i > 0; i--)
    {
      MamoriAssessment *a = rounds->pdata[i - 1];
      if (a->completed)
        {
          g_autofree char *next = mamori_date_add_years (a->assessed_on, 1);
          if (next != NULL)
            g_ptr_array_add (items, mamori_due_item_new (next, "self-diagnosis",
                                                         _("Self-diagnosis (a year after the last round)")));
          break;
        }
    }
  if (!yearly_items (workspace, items, error) || !register_items (workspace, items, today, error))
    return NULL;
  mamori_calendar_arrange (items, today, days);
  return g_steal_pointer (&items);
}

/* export calendar OUT.ics: everything due, overdue included, from today on without an end. */
gboolean
mamori_op_export_calendar (MamoriOpContext  *ctx,
                           GError          **error)
{
  g_autofree char *today = mamori_today ();
  g_autofree char *name = mamori_workspace_dup_name (ctx->workspace);
  MamoriCatalog *catalog = mamori_op_catalog (ctx, error);
  g_autoptr(GPtrArray) items = catalog ? mamori_op_calendar_items (ctx->workspace, catalog, today, -1, error) : NULL;

  return items != NULL && mamori_ics_write (items, name, ctx->request->path, error);
}
