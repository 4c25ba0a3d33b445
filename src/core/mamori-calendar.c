/* mamori-calendar.c — the calendar's entries: dates and order */
#include "config.h"

#include <stdio.h>
#include <string.h>

#include "mamori-calendar.h"

MamoriDueItem *
mamori_due_item_new (const char *date,
                     const char *kind,
                     const char *title)
{
  MamoriDueItem *item = g_new0 (MamoriDueItem, 1);

  item->date = g_strdup (date);
  item->kind = g_strdup (kind);
  item->title = g_strdup (title);
  item->key = g_strdup_printf ("%s:%s", kind, title);
  return item;
}

void
mamori_due_item_free (MamoriDueItem *item)
{
  if (item == NULL)
    return;
  g_free (item->date);
  g_free (item->kind);
  g_free (item->title);
  g_free (item->key);
  g_free (item->target);
  g_free (item);
}

gboolean
mamori_date_parse (const char *date,
                   GDate      *out)
{
  int y, m, d;

  g_date_clear (out, 1);
  if (date == NULL || strlen (date) != 10 || sscanf (date, "%4d-%2d-%2d", &y, &m, &d) != 3 ||
      !g_date_valid_dmy (d, m, y))
    return FALSE;
  g_date_set_dmy (out, d, m, y);
  return TRUE;
}

char *
mamori_date_add_years (const char *date,
                       int         years)
{
  GDate g;

  if (!mamori_date_parse (date, &g))
    return NULL;
  /* GLib moves 29 February to the 28th in a common year. */
  if (years >= 0)
    g_date_add_years (&g, years);
  else
    g_date_subtract_years (&g, -years);
  return g_strdup_printf ("%04d-%02d-%02d", g_date_get_year (&g), g_date_get_month (&g), g_date_get_day (&g));
}

MamoriDueItem *
mamori_due_item_set (MamoriDueItem *item,
                     const char    *key,
                     const char    *target)
{
  if (key != NULL)
    {
      g_free (item->key);
      item->key = g_strdup (key);
    }
  if (target != NULL)
    {
      g_free (item->target);
      item->target = g_strdup (target);
    }
  return item;
}

char *
mamori_today (void)
{
  const char *mocked = g_getenv ("MAMORI_TODAY");
  g_autoptr(GDateTime) now = NULL;
  GDate g;

  if (mocked != NULL && mamori_date_parse (mocked, &g))
    return g_strdup (mocked);
  now = g_date_time_new_now_local ();
  return g_date_time_format (now, "%Y-%m-%d");
}

static char *
format (const GDate *g)
{
  return g_strdup_printf ("%04d-%02d-%02d", g_date_get_year (g), g_date_get_month (g), g_date_get_day (g));
}

char *
mamori_date_add_months (const char *date,
                        int         months)
{
  GDate g;

  if (!mamori_date_parse (date, &g))
    return NULL;
  if (months >= 0)
    g_date_add_months (&g, months);
  else
    g_date_subtract_months (&g, -months);
  return format (&g);
}

char *
mamori_date_add_days (const char *date,
                      int         days)
{
  GDate g;

  if (!mamori_date_parse (date, &g))
    return NULL;
  if (days >= 0)
    g_date_add_days (&g, days);
  else
    g_date_subtract_days (&g, -days);
  return format (&g);
}

static int
compare (gconstpointer a,
         gconstpointer b)
{
  const MamoriDueItem *x = *(MamoriDueItem * const *) a;
  const MamoriDueItem *y = *(MamoriDueItem * const *) b;
  int c;

  if (x->overdue != y->overdue)
    return x->overdue ? -1 : 1;
  if ((c = g_strcmp0 (x->date, y->date)) != 0)
    return c;
  return g_strcmp0 (x->title, y->title);
}

void
mamori_calendar_arrange (GPtrArray  *items,
                         const char *today,
                         int         days)
{
  GDate limit;
  g_autofree char *last = NULL;

  if (days >= 0 && mamori_date_parse (today, &limit))
    {
      g_date_add_days (&limit, (guint) days);
      last = g_strdup_printf ("%04d-%02d-%02d", g_date_get_year (&limit), g_date_get_month (&limit),
                              g_date_get_day (&limit));
    }
  for (guint i = items->len; i > 0; i--)
    {
      MamoriDueItem *item = items->pdata[i - 1];
      item->overdue = g_strcmp0 (item->date, today) < 0;
      if (last != NULL && g_strcmp0 (item->date, last) > 0)
        g_ptr_array_remove_index (items, i - 1);
    }
  g_ptr_array_sort (items, compare);
}
