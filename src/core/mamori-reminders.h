/* mamori-reminders.h — which due items to remind of today, at most once a day each (pure data
 * and dates: no GTK, no SQL; today is passed in, so tests mock the clock) */
#pragma once

#include <glib.h>

#include "mamori-calendar.h"

G_BEGIN_DECLS

/* Remind this many days before an item's date (and every day once it is overdue). */
#define MAMORI_REMINDER_LEAD_DAYS 7
/* More items than this to remind of at once: one summary notification instead. */
#define MAMORI_REMINDER_MAX_SEPARATE 5

/* The record of what was notified: key (MamoriDueItem.key) → the date (YYYY-MM-DD) it was last
 * notified. A GHashTable of strings it owns. */
GHashTable *mamori_reminders_record_new (void);

/* From the due items (any kind; their overdue flag is ignored, the dates decide), the items to
 * notify today: those overdue or due within lead days of today (a date of today + lead is in),
 * except those whose key the record says were notified today. Returns them in the items' order
 * (borrowed: the array does not own them). Updates record: each returned key notified today,
 * and every key of an item no longer in that window (done, removed, moved later) dropped. */
GPtrArray  *mamori_reminders_select (GPtrArray  *items,
                                     const char *today,
                                     int         lead,
                                     GHashTable *record);

/* Days from today to date (negative when overdue); G_MININT for a bad date. */
int         mamori_reminders_days_until (const char *today,
                                         const char *date);
/* The text under an item's title, in the user's language: its date for people and "overdue",
 * "due today" or "due in N days". */
char       *mamori_reminders_body (const MamoriDueItem *item,
                                   const char          *today);

/* The record of one workspace in a key file (group = the workspace path, %-escaped where a key
 * file would not take it; keys %-escaped likewise). Reading an absent group gives an empty
 * record; writing replaces the group (an empty record removes it). */
GHashTable *mamori_reminders_record_load  (GKeyFile   *file,
                                           const char *workspace);
void        mamori_reminders_record_store (GKeyFile   *file,
                                           const char *workspace,
                                           GHashTable *record);
/* The per-user file of what was notified: $MAMORI_STATE_DIR/reminders.ini when that variable is
 * set (tests), else $XDG_STATE_HOME/mamori/reminders.ini. Never inside the workspace. */
char       *mamori_reminders_state_path (void);

G_END_DECLS
