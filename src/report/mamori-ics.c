/* mamori-ics.c — the calendar written with libical */
#include "config.h"

#include <libical/ical.h>
#include <string.h>

#include "core/mamori-calendar.h"
#include "core/mamori-pending.h"
#include "mamori-ics.h"

static char *
uid_for (const MamoriDueItem *item,
         const char          *calendar_name)
{
  g_autofree char *key = g_strconcat (calendar_name ? calendar_name : "", "\n", item->key, NULL);
  g_autofree char *digest = g_compute_checksum_for_string (G_CHECKSUM_SHA256, key, -1);

  /* The same entry gets the same UID in every export, made of its key (which stays when its
   * date moves): a calendar updates it instead of adding a copy. */
  return g_strdup_printf ("%.32s@mamori", digest);
}

gboolean
mamori_ics_write (GPtrArray   *items,
                  const char  *calendar_name,
                  const char  *path,
                  GError     **error)
{
  icalcomponent *calendar = icalcomponent_vanew (ICAL_VCALENDAR_COMPONENT,
                                                 icalproperty_new_version ("2.0"),
                                                 icalproperty_new_prodid ("-//Mamori//Mamori//EN"),
                                                 (void *) 0);
  g_autoptr(GDateTime) now = g_date_time_new_now_utc ();
  struct icaltimetype stamp = icaltime_from_timet_with_zone (g_date_time_to_unix (now), FALSE,
                                                             icaltimezone_get_utc_timezone ());
  g_autoptr(GHashTable) uids = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  char *text;
  gboolean ok;

  if (calendar_name != NULL)
    {
      icalproperty *name = icalproperty_new_x (calendar_name);
      icalproperty_set_x_name (name, "X-WR-CALNAME");
      icalcomponent_add_property (calendar, name);
    }
  for (guint i = 0; i < items->len; i++)
    {
      const MamoriDueItem *item = items->pdata[i];
      g_autofree char *uid = uid_for (item, calendar_name);
      /* Two entries with one key (two measures worded alike for one asset) stay two events. */
      for (guint n = 2; g_hash_table_contains (uids, uid); n++)
        {
          g_autofree char *base = uid_for (item, calendar_name);
          g_free (uid);
          uid = g_strdup_printf ("%u-%s", n, base);
        }
      g_hash_table_add (uids, g_strdup (uid));
      struct icaltimetype day = icaltime_from_string (item->date);
      struct icaltimetype next;
      icalcomponent *event;

      if (icaltime_is_null_time (day))
        continue;
      day.is_date = 1;
      next = day;
      icaltime_adjust (&next, 1, 0, 0, 0);
      event = icalcomponent_vanew (ICAL_VEVENT_COMPONENT,
                                   icalproperty_new_uid (uid),
                                   icalproperty_new_dtstamp (stamp),
                                   icalproperty_new_dtstart (day),
                                   icalproperty_new_dtend (next),
                                   icalproperty_new_summary (item->title),
                                   icalproperty_new_categories (item->kind),
                                   icalproperty_new_transp (ICAL_TRANSP_TRANSPARENT),
                                   (void *) 0);
      icalcomponent_add_component (calendar, event);
    }
  text = icalcomponent_as_ical_string_r (calendar);
  ok = mamori_write_file_atomically (path, text, strlen (text), 0644, error);
  free (text);
  icalcomponent_free (calendar);
  return ok;
}
