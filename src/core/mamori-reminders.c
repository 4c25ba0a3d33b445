/* mamori-reminders.c — which due items to remind of today, and the record of what was notified */
#include "config.h"

#include <glib/gi18n.h>
#include <stdio.h>
#include <string.h>

#include "mamori-checklist.h"
#include "mamori-date.h"
#include "mamori-reminders.h"

GHashTable *
mamori_reminders_record_new (void)
{
  return g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
}

int
mamori_reminders_days_until (const char *today,
                             const char *date)
{
  GDate a, b;

  if (!mamori_date_parse (today, &a) || !mamori_date_parse (date, &b))
    return G_MININT;
  return g_date_days_between (&a, &b);
}

GPtrArray *
mamori_reminders_select (GPtrArray  *items,
                         const char *today,
                         int         lead,
                         GHashTable *record)
{
  GPtrArray *notify = g_ptr_array_new ();
  g_autoptr(GHashTable) window = g_hash_table_new (g_str_hash, g_str_equal);
  GHashTableIter iter;
  gpointer key;

  g_return_val_if_fail (items != NULL && record != NULL, notify);

  for (guint i = 0; i < items->len; i++)
    {
      const MamoriDueItem *item = items->pdata[i];
      int days = mamori_reminders_days_until (today, item->date);
      const char *last;

      if (item->key == NULL || days == G_MININT || days > lead)
        continue;
      if (g_hash_table_contains (window, item->key))
        continue; /* one notification per key, even if two entries share it */
      g_hash_table_add (window, item->key);
      last = g_hash_table_lookup (record, item->key);
      if (g_strcmp0 (last, today) == 0)
        continue;
      g_ptr_array_add (notify, (gpointer) item);
    }

  /* Forget what is no longer due (done, removed, moved beyond the lead), so the record keeps to
   * the items in the window. */
  g_hash_table_iter_init (&iter, record);
  while (g_hash_table_iter_next (&iter, &key, NULL))
    if (!g_hash_table_contains (window, key))
      g_hash_table_iter_remove (&iter);
  for (guint i = 0; i < notify->len; i++)
    {
      const MamoriDueItem *item = notify->pdata[i];
      g_hash_table_insert (record, g_strdup (item->key), g_strdup (today));
    }
  return notify;
}

char *
mamori_reminders_body (const MamoriDueItem *item,
                       const char          *today)
{
  MamoriDateStyle style = mamori_date_get_default_style ();
  /* People read this date: never the stored ISO form. */
  g_autofree char *date = mamori_date_format (item->date, mamori_text_user_lang (),
                                              style == MAMORI_DATE_ISO ? MAMORI_DATE_WESTERN : style);
  int days = mamori_reminders_days_until (today, item->date);
  g_autofree char *when = NULL;

  if (days == G_MININT)
    return g_steal_pointer (&date);
  if (days < 0)
    when = g_strdup (_("overdue"));
  else if (days == 0)
    when = g_strdup (_("due today"));
  else
    when = g_strdup_printf (ngettext ("due in %d day", "due in %d days", days), days);
  /* TRANSLATORS: a reminder's text: the date an item is due, then "overdue" or "due in 3 days" */
  return g_strdup_printf (_("%s — %s"), date, when);
}

/* Group names and keys of a key file may not hold "[", "]", "=", line breaks or a leading "#":
 * everything but letters, digits, "-._~", "/" and ":" (and UTF-8, kept readable) is %-escaped. */
static char *
escape (const char *text)
{
  return g_uri_escape_string (text, "/:", TRUE);
}

GHashTable *
mamori_reminders_record_load (GKeyFile   *file,
                              const char *workspace)
{
  GHashTable *record = mamori_reminders_record_new ();
  g_autofree char *group = escape (workspace);
  g_auto(GStrv) keys = g_key_file_get_keys (file, group, NULL, NULL);

  for (guint i = 0; keys != NULL && keys[i] != NULL; i++)
    {
      g_autofree char *value = g_key_file_get_value (file, group, keys[i], NULL);
      char *key = g_uri_unescape_string (keys[i], NULL);
      GDate d;

      if (key == NULL || !mamori_date_parse (value, &d))
        {
          g_free (key);
          continue; /* a line edited by hand: forgotten, at worst one reminder again */
        }
      g_hash_table_insert (record, key, g_steal_pointer (&value));
    }
  return record;
}

void
mamori_reminders_record_store (GKeyFile   *file,
                               const char *workspace,
                               GHashTable *record)
{
  g_autofree char *group = escape (workspace);
  g_autoptr(GList) keys = g_hash_table_get_keys (record);

  g_key_file_remove_group (file, group, NULL);
  keys = g_list_sort (keys, (GCompareFunc) strcmp); /* a stable file: easy to read and compare */
  for (GList *l = keys; l != NULL; l = l->next)
    {
      g_autofree char *key = escape (l->data);
      g_key_file_set_value (file, group, key, g_hash_table_lookup (record, l->data));
    }
}

char *
mamori_reminders_state_path (void)
{
  const char *dir = g_getenv ("MAMORI_STATE_DIR");

  if (dir != NULL && *dir != '\0')
    return g_build_filename (dir, "reminders.ini", NULL);
  return g_build_filename (g_get_user_state_dir (), "mamori", "reminders.ini", NULL);
}
