/* mamori-fonts.h — which installed fonts printed documents use */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

typedef enum {
  MAMORI_FONT_BODY,     /* body text: a Mincho face */
  MAMORI_FONT_HEADING,  /* headings, tables, heatmap labels: a Gothic face */
} MamoriFontRole;

/* The first family of preferred (NULL-terminated) that Pango can use. When it is not the
 * first one, *warning (if given) says which font is missing and what is used instead.
 * Never NULL: with no Japanese font at all, "Sans" and a warning. */
char *mamori_report_pick_family (const char * const *preferred,
                                 char              **warning);
/* The family for role, preferring TrueType IPAex fonts (they subset into small PDFs with
 * cairo 1.16; CFF-based Noto CJK adds about 1 MB to every PDF). */
char *mamori_report_font_family (MamoriFontRole      role,
                                 char              **warning);

G_END_DECLS
