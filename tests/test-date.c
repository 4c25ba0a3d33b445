/* test-date.c — dates as printed in documents and reports */
#include "config.h"

#include "core/mamori-date.h"

static void
check (const char      *date,
       const char      *lang,
       MamoriDateStyle  style,
       const char      *expected)
{
  g_autofree char *got = mamori_date_format (date, lang, style);
  g_assert_cmpstr (got, ==, expected);
}

static void
test_western (void)
{
  check ("2026-04-01", "ja", MAMORI_DATE_WESTERN, "2026年4月1日");
  check ("2026-12-31", "ja", MAMORI_DATE_WESTERN, "2026年12月31日");
  check ("2026-04-01", "en", MAMORI_DATE_WESTERN, "1 April 2026");
  check ("2026-04-01", "en", MAMORI_DATE_ERA, "1 April 2026");
  check ("2024-02-29", "en", MAMORI_DATE_WESTERN, "29 February 2024");
  check ("2026-04-01", "ja", MAMORI_DATE_ISO, "2026-04-01");
  check ("2026-04-01", "en", MAMORI_DATE_ISO, "2026-04-01");
}

static void
test_era (void)
{
  check ("2026-04-01", "ja", MAMORI_DATE_ERA, "令和8年4月1日");
  /* The boundaries: the last day of an era and the first of the next, 元年 for year one. */
  check ("2019-04-30", "ja", MAMORI_DATE_ERA, "平成31年4月30日");
  check ("2019-05-01", "ja", MAMORI_DATE_ERA, "令和元年5月1日");
  check ("2020-01-01", "ja", MAMORI_DATE_ERA, "令和2年1月1日");
  check ("1989-01-07", "ja", MAMORI_DATE_ERA, "昭和64年1月7日");
  check ("1989-01-08", "ja", MAMORI_DATE_ERA, "平成元年1月8日");
  check ("1926-12-24", "ja", MAMORI_DATE_ERA, "大正15年12月24日");
  check ("1926-12-25", "ja", MAMORI_DATE_ERA, "昭和元年12月25日");
  check ("1912-07-29", "ja", MAMORI_DATE_ERA, "明治45年7月29日");
  check ("1912-07-30", "ja", MAMORI_DATE_ERA, "大正元年7月30日");
  check ("1873-01-01", "ja", MAMORI_DATE_ERA, "明治6年1月1日");
  /* Before the Gregorian calendar: western years. */
  check ("1872-12-31", "ja", MAMORI_DATE_ERA, "1872年12月31日");
}

static void
test_not_a_date (void)
{
  check ("", "ja", MAMORI_DATE_WESTERN, "");
  check (NULL, "ja", MAMORI_DATE_WESTERN, "");
  check ("2026-02-30", "ja", MAMORI_DATE_WESTERN, "2026-02-30");
  check ("2026-4-1", "en", MAMORI_DATE_WESTERN, "2026-4-1");
  check ("（未定）", "ja", MAMORI_DATE_ERA, "（未定）");
}

static void
test_style (void)
{
  MamoriDateStyle style = MAMORI_DATE_ERA;

  g_assert_true (mamori_date_style_parse ("western", &style));
  g_assert_cmpint (style, ==, MAMORI_DATE_WESTERN);
  g_assert_true (mamori_date_style_parse ("era", &style));
  g_assert_cmpint (style, ==, MAMORI_DATE_ERA);
  g_assert_true (mamori_date_style_parse ("iso", &style));
  g_assert_cmpint (style, ==, MAMORI_DATE_ISO);
  g_assert_false (mamori_date_style_parse ("reiwa", &style));
  /* Unset MAMORI_DATE_STYLE (main unsets it): dates as people read them. */
  g_assert_cmpint (mamori_date_get_default_style (), ==, MAMORI_DATE_WESTERN);
  mamori_date_set_default_style (MAMORI_DATE_ERA);
  g_assert_cmpint (mamori_date_get_default_style (), ==, MAMORI_DATE_ERA);
  mamori_date_set_default_style (MAMORI_DATE_WESTERN);
  g_assert_cmpint (mamori_date_get_default_style (), ==, MAMORI_DATE_WESTERN);
}

int
main (int argc, char **argv)
{
  g_unsetenv ("MAMORI_DATE_STYLE");
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);
  g_test_add_func ("/date/western", test_western);
  g_test_add_func ("/date/era", test_era);
  g_test_add_func ("/date/not-a-date", test_not_a_date);
  g_test_add_func ("/date/style", test_style);
  return g_test_run ();
}
