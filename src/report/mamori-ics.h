/* mamori-ics.h — the calendar as iCalendar (.ics), for GNOME Calendar, Outlook and the like */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* Writes items (MamoriDueItem*) as all-day events (VEVENT, one per item, with a stable UID made
 * of the workspace's name and the entry's key) to path, under a temporary name renamed into
 * place. calendar_name names the calendar (X-WR-CALNAME). */
gboolean mamori_ics_write (GPtrArray   *items,
                           const char  *calendar_name,
                           const char  *path,
                           GError     **error);

G_END_DECLS
