/* test-report.c — Cairo/Pango output helpers */
#include "config.h"

#include <locale.h>
#include <pango/pangocairo.h>
#include <string.h>

#include "report/mamori-fonts.h"

static gboolean
family_installed (const char *name)
{
  PangoFontFamily **families = NULL;
  int n = 0;
  gboolean found = FALSE;

  pango_font_map_list_families (pango_cairo_font_map_get_default (), &families, &n);
  for (int i = 0; i < n; i++)
    if (g_ascii_strcasecmp (pango_font_family_get_name (families[i]), name) == 0)
      found = TRUE;
  g_free (families);
  return found;
}

static void
test_pick_family (void)
{
  const char *missing_first[] = { "No Such Font Mamori", "DejaVu Sans", NULL };
  const char *none[] = { "No Such Font Mamori", "Another Missing Font", NULL };
  g_autofree char *warning = NULL;
  g_autofree char *family = NULL;

  if (!family_installed ("DejaVu Sans"))
    {
      g_test_skip ("DejaVu Sans is not installed");
      return;
    }
  family = mamori_report_pick_family (missing_first, &warning);
  g_assert_cmpstr (family, ==, "DejaVu Sans");
  g_assert_nonnull (warning);
  g_assert_nonnull (strstr (warning, "No Such Font Mamori"));
  g_assert_nonnull (strstr (warning, "DejaVu Sans"));

  g_clear_pointer (&family, g_free);
  g_clear_pointer (&warning, g_free);
  family = mamori_report_pick_family (none, &warning);
  g_assert_cmpstr (family, ==, "Sans");
  g_assert_nonnull (warning);
}

static void
test_document_fonts (void)
{
  g_autofree char *warning = NULL;
  g_autofree char *body = mamori_report_font_family (MAMORI_FONT_BODY, &warning);
  g_autofree char *heading = NULL;

  /* The project's dependencies install the IPAex fonts: no warning then. */
  g_assert_true (family_installed (body) || g_str_equal (body, "Sans"));
  if (family_installed ("IPAexMincho"))
    {
      g_assert_cmpstr (body, ==, "IPAexMincho");
      g_assert_null (warning);
    }
  g_clear_pointer (&warning, g_free);
  heading = mamori_report_font_family (MAMORI_FONT_HEADING, &warning);
  if (family_installed ("IPAexGothic"))
    {
      g_assert_cmpstr (heading, ==, "IPAexGothic");
      g_assert_null (warning);
    }
}

int
main (int argc, char *argv[])
{
  setlocale (LC_ALL, "");
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/report/fonts/pick-family", test_pick_family);
  g_test_add_func ("/report/fonts/document-fonts", test_document_fonts);
  return g_test_run ();
}
