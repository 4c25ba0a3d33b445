/* mamori-calendar.h — what is due and when: the calendar's entries (pure data and dates) */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

typedef struct {
  char *date;       /* YYYY-MM-DD */
  char *kind;       /* "measure", "review", "self-diagnosis": a key for scripts */
  char *title;      /* for people, in the user's language */
  gboolean overdue; /* due before today */
  char *key;        /* stable across days and runs: "kind:what" (reminders, .ics UIDs); set by
                     * mamori_due_item_new from kind and title, callers may replace it */
  char *target;     /* where to act: "page" or "page:register:id" ("registers:incidents:12"),
                     * NULL when nothing more precise than the kind's page */
} MamoriDueItem;

MamoriDueItem *mamori_due_item_new  (const char    *date,
                                     const char    *kind,
                                     const char    *title);
void           mamori_due_item_free (MamoriDueItem *item);
/* Replaces the key and the target (NULL keeps each as it is); returns item. */
MamoriDueItem *mamori_due_item_set   (MamoriDueItem *item,
                                      const char    *key,
                                      const char    *target);

/* Today (YYYY-MM-DD, local time): the environment variable MAMORI_TODAY when it holds a date
 * (the clock tests set), else the system clock. Every "what is due" decision asks this. */
char          *mamori_today (void);
/* date plus months (the day kept, or the month's last day); NULL for a bad date. */
char          *mamori_date_add_months (const char *date,
                                       int         months);
/* date plus days; NULL for a bad date. */
char          *mamori_date_add_days (const char *date,
                                     int         days);

/* A stored date (YYYY-MM-DD, a real day) into out; FALSE (out cleared) otherwise. */
gboolean       mamori_date_parse     (const char    *date,
                                      GDate         *out);

/* date (YYYY-MM-DD) plus years, the 29th of February becoming the 28th; NULL for a bad date. */
char          *mamori_date_add_years (const char   *date,
                                      int           years);

/* Marks what is due before today and sorts: overdue first, then by date, then by title. Drops
 * entries due more than days after today (days < 0: none dropped). */
void           mamori_calendar_arrange (GPtrArray  *items,
                                        const char *today,
                                        int         days);

G_END_DECLS
