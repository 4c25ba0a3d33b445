/* mamori-date.c — dates as people read them (see mamori-date.h). */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "mamori-date.h"

/* The first day of each era (Gregorian), newest first. */
static const struct {
  int y, m, d;
  const char *name;
} eras[] = {
  { 2019, 5, 1, "令和" },
  { 1989, 1, 8, "平成" },
  { 1926, 12, 25, "昭和" },
  { 1912, 7, 30, "大正" },
  { 1873, 1, 1, "明治" },     /* the Gregorian calendar from 明治6年 */
};
static const int meiji_first_year = 1868;

static const char * const months_en[] = {
  "January", "February", "March", "April", "May", "June",
  "July", "August", "September", "October", "November", "December",
};

static gboolean
parse (const char *date,
       int        *y,
       int        *m,
       int        *d)
{
  if (date == NULL || strlen (date) != 10 || date[4] != '-' || date[7] != '-')
    return FALSE;
  for (int i = 0; i < 10; i++)
    if (i != 4 && i != 7 && !g_ascii_isdigit (date[i]))
      return FALSE;
  *y = atoi (date);
  *m = atoi (date + 5);
  *d = atoi (date + 8);
  return *y >= 1 && g_date_valid_dmy ((GDateDay) *d, (GDateMonth) *m, (GDateYear) *y);
}

char *
mamori_date_format (const char      *date,
                    const char      *lang,
                    MamoriDateStyle  style)
{
  int y, m, d;

  if (date == NULL)
    return g_strdup ("");
  if (style == MAMORI_DATE_ISO || !parse (date, &y, &m, &d))
    return g_strdup (date);
  if (g_strcmp0 (lang, "en") == 0)
    return g_strdup_printf ("%d %s %d", d, months_en[m - 1], y);
  if (style == MAMORI_DATE_ERA)
    for (guint i = 0; i < G_N_ELEMENTS (eras); i++)
      if (y > eras[i].y || (y == eras[i].y && (m > eras[i].m || (m == eras[i].m && d >= eras[i].d))))
        {
          int first = g_str_equal (eras[i].name, "明治") ? meiji_first_year : eras[i].y;
          int n = y - first + 1;
          if (n == 1)
            return g_strdup_printf ("%s元年%d月%d日", eras[i].name, m, d);
          return g_strdup_printf ("%s%d年%d月%d日", eras[i].name, n, m, d);
        }
  return g_strdup_printf ("%d年%d月%d日", y, m, d);
}

gboolean
mamori_date_style_parse (const char      *text,
                         MamoriDateStyle *style)
{
  if (g_strcmp0 (text, "iso") == 0)
    *style = MAMORI_DATE_ISO;
  else if (g_strcmp0 (text, "western") == 0)
    *style = MAMORI_DATE_WESTERN;
  else if (g_strcmp0 (text, "era") == 0)
    *style = MAMORI_DATE_ERA;
  else
    return FALSE;
  return TRUE;
}

/* 0: not decided yet; otherwise style + 1. */
static gint default_style;

MamoriDateStyle
mamori_date_get_default_style (void)
{
  gint v = g_atomic_int_get (&default_style);
  MamoriDateStyle style = MAMORI_DATE_WESTERN;

  if (v > 0)
    return (MamoriDateStyle) (v - 1);
  if (!mamori_date_style_parse (g_getenv ("MAMORI_DATE_STYLE"), &style))
    style = MAMORI_DATE_WESTERN;
  g_atomic_int_compare_and_exchange (&default_style, 0, (gint) style + 1);
  return (MamoriDateStyle) (g_atomic_int_get (&default_style) - 1);
}

void
mamori_date_set_default_style (MamoriDateStyle style)
{
  g_atomic_int_set (&default_style, (gint) style + 1);
}
