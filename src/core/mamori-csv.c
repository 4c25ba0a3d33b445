/* mamori-csv.c — RFC 4180 CSV writing */
#include "config.h"

#include <string.h>

#include "mamori-csv.h"

void
mamori_csv_append_field (GString    *out,
                         const char *value)
{
  if (value == NULL)
    return;
  if (strpbrk (value, ",\"\r\n") == NULL && value[0] != ' ' &&
      (value[0] == '\0' || value[strlen (value) - 1] != ' '))
    {
      g_string_append (out, value);
      return;
    }
  g_string_append_c (out, '"');
  for (const char *c = value; *c; c++)
    {
      if (*c == '"')
        g_string_append_c (out, '"');
      g_string_append_c (out, *c);
    }
  g_string_append_c (out, '"');
}

void
mamori_csv_append_row (GString           *out,
                       const char * const *fields,
                       gsize               n_fields)
{
  for (gsize i = 0; i < n_fields; i++)
    {
      if (i > 0)
        g_string_append_c (out, ',');
      mamori_csv_append_field (out, fields[i]);
    }
  g_string_append (out, "\r\n");
}
