/* mamori-fonts.c — font choice for printed output */
#include "config.h"

#include <glib/gi18n.h>
#include <pango/pangocairo.h>
#include <string.h>

#include "mamori-fonts.h"

/* Each entry: the family's name, then "|" and the names fontconfig may list it under instead
 * (under a Japanese locale it lists IPAex Mincho as "IPAex明朝"). */
static const char * const body_families[] = {
  "IPAexMincho|IPAex明朝", "IPAMincho|IPA明朝", "Noto Serif CJK JP", "Noto Sans CJK JP", NULL,
};
static const char * const heading_families[] = {
  "IPAexGothic|IPAexゴシック", "IPAGothic|IPAゴシック", "Noto Sans CJK JP", NULL,
};

static gboolean
family_listed (PangoFontFamily **families,
               int               n_families,
               const char       *names)
{
  g_auto(GStrv) aliases = g_strsplit (names, "|", -1);

  for (int f = 0; f < n_families; f++)
    for (guint a = 0; aliases[a] != NULL; a++)
      if (g_ascii_strcasecmp (pango_font_family_get_name (families[f]), aliases[a]) == 0)
        return TRUE;
  return FALSE;
}

static char *
first_name (const char *names)
{
  const char *bar = strchr (names, '|');
  return bar ? g_strndup (names, bar - names) : g_strdup (names);
}

char *
mamori_report_pick_family (const char * const *preferred,
                           char              **warning)
{
  PangoFontMap *map = pango_cairo_font_map_get_default ();
  PangoFontFamily **families = NULL;
  int n_families = 0;
  char *found = NULL;

  g_autofree char *wanted = first_name (preferred[0]);

  pango_font_map_list_families (map, &families, &n_families);
  for (guint i = 0; found == NULL && preferred[i] != NULL; i++)
    if (family_listed (families, n_families, preferred[i]))
      found = first_name (preferred[i]);
  g_free (families);

  if (warning != NULL)
    {
      *warning = NULL;
      if (found == NULL)
        *warning = g_strdup_printf (_("No Japanese font is installed (looked for %s). Japanese text will not print correctly; install the IPAex fonts."),
                                    wanted);
      else if (g_ascii_strcasecmp (found, wanted) != 0)
        *warning = g_strdup_printf (_("The font %s is not installed; documents use %s instead."),
                                    wanted, found);
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
