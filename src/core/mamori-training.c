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

/* What the attendance and pledges say of one person. */
typedef struct {
  const char *last;          /* the latest session attended */
  const char *last_holder;   /* … of the access holders' sessions */
  GPtrArray *held;           /* every date attended (borrowed), to find one since joining */
  const char *pledge;        /* the latest pledge */
} Seen;

static void
seen_free (Seen *seen)
{
  g_ptr_array_unref (seen->held);
  g_free (seen);
}

static Seen *
seen_for (GHashTable *people,
          gint64      id)
{
  Seen *seen = g_hash_table_lookup (people, &id);

  if (seen == NULL)
    {
      gint64 *key = g_new (gint64, 1);
      *key = id;
      seen = g_new0 (Seen, 1);
      seen->held = g_ptr_array_new ();
      g_hash_table_insert (people, key, seen);
    }
  return seen;
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
  g_autoptr(GHashTable) sessions = g_hash_table_new (g_int64_hash, g_int64_equal);   /* id → record */
  g_autoptr(GHashTable) seen = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, (GDestroyNotify) seen_free);

  g_return_val_if_fail (fy_start != NULL && year_ago != NULL, out);
  /* One pass over each register: O(people + sessions + attendance + pledges). */
  for (guint t = 0; trainings != NULL && t < trainings->len; t++)
    {
      MamoriRecord *session = trainings->pdata[t];
      g_hash_table_insert (sessions, &session->id, session);
    }
  for (guint a = 0; attendance != NULL && a < attendance->len; a++)
    {
      const MamoriRecord *att = attendance->pdata[a];
      const MamoriRecord *session = g_hash_table_lookup (sessions, &att->parent);
      const char *held;
      Seen *s;
      if (session == NULL)
        continue;
      held = mamori_record_get (session, "held_on");
      if (strcmp (held, today) > 0)
        continue;                       /* planned, not held yet */
      s = seen_for (seen, g_ascii_strtoll (mamori_record_get (att, "person"), NULL, 10));
      keep_latest (&s->last, held);
      if (strcmp (mamori_record_get (session, "audience"), "access_holders") == 0)
        keep_latest (&s->last_holder, held);
      g_ptr_array_add (s->held, (gpointer) held);
    }
  for (guint k = 0; pledges != NULL && k < pledges->len; k++)
    {
      const MamoriRecord *pl = pledges->pdata[k];
      Seen *s = seen_for (seen, g_ascii_strtoll (mamori_record_get (pl, "person"), NULL, 10));
      keep_latest (&s->pledge, mamori_record_get (pl, "signed_on"));
    }

  for (guint i = 0; people != NULL && i < people->len; i++)
    {
      const MamoriRecord *p = people->pdata[i];
      const char *joined = mamori_record_get (p, "joined_on");
      const char *left = mamori_record_get (p, "left_on");
      gboolean holder = strcmp (mamori_record_get (p, "access_holder"), "1") == 0;
      Seen *s = g_hash_table_lookup (seen, &p->id);
      const char *last = s ? s->last : NULL, *last_holder = s ? s->last_holder : NULL;
      const char *pledge = s ? s->pledge : NULL, *since_joining = NULL;
      MamoriTrainingStatus *st;

      if (*left != '\0' && strcmp (left, today) <= 0)
        continue;
      for (guint h = 0; s != NULL && h < s->held->len && since_joining == NULL; h++)
        if (*joined == '\0' || strcmp (s->held->pdata[h], joined) >= 0)
          since_joining = s->held->pdata[h];

      st = g_new0 (MamoriTrainingStatus, 1);
      st->person = p;
      st->last_trained = g_strdup (last ? last : "");
      st->pledge_signed_on = g_strdup (pledge ? pledge : "");
      st->pledge_missing = pledge == NULL;
      if (holder && (last_holder == NULL || strcmp (last_holder, year_ago) <= 0))
        {
          /* Before access, then yearly (cert IDs 43–45). */
          st->state = MAMORI_TRAINING_REVOKE;
          st->due_on = last_holder ? mamori_date_add_years (last_holder, 1) : g_strdup (*joined ? joined : today);
          st->overdue = strcmp (st->due_on, today) < 0 || last_holder == NULL;
          if (!st->overdue)
            st->state = MAMORI_TRAINING_DUE;
        }
      else if (*joined != '\0' && since_joining == NULL)
        {
          st->due_on = mamori_date_add_months (joined, 3);
          st->overdue = st->due_on != NULL && strcmp (st->due_on, today) < 0;
          st->state = st->overdue ? MAMORI_TRAINING_JOINER_OVERDUE : MAMORI_TRAINING_JOINER_DUE;
        }
      else if (last == NULL || strcmp (last, fy_start) < 0)
        {
          st->state = MAMORI_TRAINING_DUE;
          st->due_on = g_strdup (fy_end);
        }
      else
        {
          st->state = MAMORI_TRAINING_DONE;
          st->due_on = g_strdup ("");
        }
      if (st->due_on == NULL)
        st->due_on = g_strdup ("");
      g_ptr_array_add (out, st);
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
