/* mamori-calendar.h — what is due and when: the calendar's entries (pure data and dates) */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

typedef struct {
  char *date;       /* YYYY-MM-DD */
  char *kind;       /* "measure", "review", "self-diagnosis": a key for scripts */
  char *title;      /* for people, in the user's language */
  gboolean overdue; /* due before today */
} MamoriDueItem;

MamoriDueItem *mamori_due_item_new  (const char    *date,
                                     const char    *kind,
                                     const char    *title);
void           mamori_due_item_free (MamoriDueItem *item);

/* date (YYYY-MM-DD) plus years, the 29th of February becoming the 28th; NULL for a bad date. */
char          *mamori_date_add_years (const char   *date,
                                      int           years);

/* Marks what is due before today and sorts: overdue first, then by date, then by title. Drops
 * entries due more than days after today (days < 0: none dropped). */
void           mamori_calendar_arrange (GPtrArray  *items,
                                        const char *today,
                                        int         days);

G_END_DECLS
