/* mamori-date.h — dates as people read them in documents and reports. Pure C + GLib.
 *
 * Stored dates are YYYY-MM-DD. Printed: Japanese "2026年4月1日" (western years) or
 * "令和8年4月1日" (Japanese era years, the first year of an era as 元年); English "1 April 2026"
 * in either style; or unchanged (ISO). The report and layout code never read settings: they
 * take the process default, which the application sets from its preferences and the command
 * line from the environment variable MAMORI_DATE_STYLE ("western", "era" or "iso"; unset:
 * western, as people read them; tab-separated command output keeps dates as stored). */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

typedef enum {
  MAMORI_DATE_ISO = 0,       /* 2026-04-01 as stored */
  MAMORI_DATE_WESTERN,       /* 2026年4月1日, 1 April 2026: the default */
  MAMORI_DATE_ERA,           /* 令和8年4月1日, 1 April 2026 */
} MamoriDateStyle;

/* date as printed in lang ("ja" or "en"); text that is not a valid YYYY-MM-DD (and any date in
 * the ISO style) comes back unchanged, NULL as "". Era years are only used in Japanese and from
 * 明治6年 (1873) on. */
char            *mamori_date_format              (const char      *date,
                                                  const char      *lang,
                                                  MamoriDateStyle  style);
/* "iso", "western" or "era" (else FALSE). */
gboolean         mamori_date_style_parse         (const char      *text,
                                                  MamoriDateStyle *style);
/* The process-wide style: set by the application, else from the environment variable
 * MAMORI_DATE_STYLE, else western. Thread-safe. */
MamoriDateStyle  mamori_date_get_default_style   (void);
void             mamori_date_set_default_style   (MamoriDateStyle  style);

G_END_DECLS
