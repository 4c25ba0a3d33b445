/* mamori-fonts.c — font choice for printed output */
#include "config.h"

#include <glib/gi18n.h>
#include <pango/pangocairo.h>

#include "mamori-fonts.h"

static const char * const body_families[] = {
  "IPAexMincho", "IPAMincho", "Noto Serif CJK JP", "Noto Sans CJK JP", NULL,
};
static const char * const heading_families[] = {
  "IPAexGothic", "IPAGothic", "Noto Sans CJK JP", NULL,
};

char *
mamori_report_pick_family (const char * const *preferred,
                           char              **warning)
{
  PangoFontMap *map = pango_cairo_font_map_get_default ();
  PangoFontFamily **families = NULL;
  int n_families = 0;
  char *found = NULL;

  pango_font_map_list_families (map, &families, &n_families);
  for (guint i = 0; found == NULL && preferred[i] != NULL; i++)
    for (int f = 0; f < n_families; f++)
      if (g_ascii_strcasecmp (pango_font_family_get_name (families[f]), preferred[i]) == 0)
        {
          found = g_strdup (pango_font_family_get_name (families[f]));
          break;
        }
  g_free (families);

  if (warning != NULL)
    {
      *warning = NULL;
      if (found == NULL)
        *warning = g_strdup_printf (_("No Japanese font is installed (looked for %s). Japanese text will not print correctly; install the IPAex fonts."),
                                    preferred[0]);
      else if (g_ascii_strcasecmp (found, preferred[0]) != 0)
        *warning = g_strdup_printf (_("The font %s is not installed; documents use %s instead."),
                                    preferred[0], found);
    }
  return found != NULL ? found : g_strdup ("Sans");
}

char *
mamori_report_font_family (MamoriFontRole   role,
                           char           **warning)
{
  return mamori_report_pick_family (role == MAMORI_FONT_BODY ? body_families : heading_families,
                                    warning);
}
