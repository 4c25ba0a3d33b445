/* mamori-training.c — training and pledge status per person */
#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "mamori-calendar.h"
#include "mamori-training.h"

void
mamori_training_status_free (MamoriTrainingStatus *s)
{
  if (s == NULL)
    return;
  g_free (s->last_trained);
  g_free (s->due_on);
  g_free (s->pledge_signed_on);
  g_free (s);
}

static void
keep_latest (const char **latest,
             const char  *date)
{
  if (*latest == NULL || strcmp (date, *latest) > 0)
    *latest = date;
}

GPtrArray *
mamori_training_statuses (GPtrArray  *people,
                          GPtrArray  *trainings,
                          GPtrArray  *attendance,
                          GPtrArray  *pledges,
                          const char *today,
                          int         fiscal_start_month)
{
  GPtrArray *out = g_ptr_array_new_with_free_func ((GDestroyNotify) mamori_training_status_free);
  g_autofree char *fy_start = mamori_fiscal_year_start (today, fiscal_start_month);
  g_autofree char *fy_next = fy_start ? mamori_date_add_months (fy_start, 12) : NULL;
  g_autofree char *fy_end = fy_next ? mamori_date_add_days (fy_next, -1) : NULL;
  g_autofree char *year_ago = mamori_date_add_years (today, -1);

  g_return_val_if_fail (fy_start != NULL && year_ago != NULL, out);
  for (guint i = 0; people != NULL && i < people->len; i++)
    {
      const MamoriRecord *p = people->pdata[i];
      g_autofree char *pid = g_strdup_printf ("%" G_GINT64_FORMAT, p->id);
      const char *joined = mamori_record_get (p, "joined_on");
      const char *left = mamori_record_get (p, "left_on");
      gboolean holder = strcmp (mamori_record_get (p, "access_holder"), "1") == 0;
      const char *last = NULL, *last_holder = NULL, *since_joining = NULL, *pledge = NULL;
      MamoriTrainingStatus *s;

      if (*left != '\0' && strcmp (left, today) <= 0)
        continue;
      for (guint a = 0; attendance != NULL && a < attendance->len; a++)
        {
          const MamoriRecord *att = attendance->pdata[a];
          const MamoriRecord *session;
          const char *held;
          if (strcmp (mamori_record_get (att, "person"), pid) != 0)
            continue;
          session = NULL;
          for (guint t = 0; trainings != NULL && t < trainings->len; t++)
            if (((MamoriRecord *) trainings->pdata[t])->id == att->parent)
              session = trainings->pdata[t];
          if (session == NULL)
            continue;
          held = mamori_record_get (session, "held_on");
          if (strcmp (held, today) > 0)
            continue;                       /* planned, not held yet */
          keep_latest (&last, held);
          if (strcmp (mamori_record_get (session, "audience"), "access_holders") == 0)
            keep_latest (&last_holder, held);
          if (*joined == '\0' || strcmp (held, joined) >= 0)
            keep_latest (&since_joining, held);
        }
      for (guint k = 0; pledges != NULL && k < pledges->len; k++)
        {
          const MamoriRecord *pl = pledges->pdata[k];
          if (strcmp (mamori_record_get (pl, "person"), pid) == 0)
            keep_latest (&pledge, mamori_record_get (pl, "signed_on"));
        }

      s = g_new0 (MamoriTrainingStatus, 1);
      s->person = p;
      s->last_trained = g_strdup (last ? last : "");
      s->pledge_signed_on = g_strdup (pledge ? pledge : "");
      s->pledge_missing = pledge == NULL;
      if (holder && (last_holder == NULL || strcmp (last_holder, year_ago) <= 0))
        {
          /* Before access, then yearly (cert IDs 43–45). */
          s->state = MAMORI_TRAINING_REVOKE;
          s->due_on = last_holder ? mamori_date_add_years (last_holder, 1) : g_strdup (*joined ? joined : today);
          s->overdue = strcmp (s->due_on, today) < 0 || last_holder == NULL;
          if (!s->overdue)
            s->state = MAMORI_TRAINING_DUE;
        }
      else if (*joined != '\0' && since_joining == NULL)
        {
          s->due_on = mamori_date_add_months (joined, 3);
          s->overdue = s->due_on != NULL && strcmp (s->due_on, today) < 0;
          s->state = s->overdue ? MAMORI_TRAINING_JOINER_OVERDUE : MAMORI_TRAINING_JOINER_DUE;
        }
      else if (last == NULL || strcmp (last, fy_start) < 0)
        {
          s->state = MAMORI_TRAINING_DUE;
          s->due_on = g_strdup (fy_end);
        }
      else
        {
          s->state = MAMORI_TRAINING_DONE;
          s->due_on = g_strdup ("");
        }
      if (s->due_on == NULL)
        s->due_on = g_strdup ("");
      g_ptr_array_add (out, s);
    }
  return out;
}

const char *
mamori_training_state_label (MamoriTrainingState state)
{
  switch (state)
    {
    case MAMORI_TRAINING_DONE:
      return _("Trained this year");
    case MAMORI_TRAINING_DUE:
      return _("Not trained yet this year");
    case MAMORI_TRAINING_JOINER_DUE:
      return _("New joiner: train within 3 months");
    case MAMORI_TRAINING_JOINER_OVERDUE:
      return _("New joiner not trained within 3 months");
    case MAMORI_TRAINING_REVOKE:
      return _("Missed the access holders’ training: revoke access");
    default:
      g_return_val_if_reached ("");
    }
}

void
mamori_training_coverage (GPtrArray              *statuses,
                          MamoriTrainingCoverage *c)
{
  *c = (MamoriTrainingCoverage) { 0 };
  for (guint i = 0; statuses != NULL && i < statuses->len; i++)
    {
      MamoriTrainingStatus *s = statuses->pdata[i];
      c->people++;
      c->trained += s->state == MAMORI_TRAINING_DONE;
      c->overdue += s->overdue;
      c->revoke += s->state == MAMORI_TRAINING_REVOKE;
      c->pledges_missing += s->pledge_missing;
    }
}
