/* mamori-question-value.c — answers to a library item's questions (see mamori-question-value.h).
 * Pure C + GLib. */
#include "config.h"

#include <glib/gi18n.h>
#include <math.h>
#include <stdio.h>
#include <string.h>

#include "mamori-csv.h"
#include "mamori-question-value.h"

const MamoriQuestion *
mamori_node_find_question (const MamoriNode *node,
                           const char       *urn)
{
  g_autofree char *want = NULL;

  if (node == NULL || node->questions == NULL || urn == NULL)
    return NULL;
  want = g_ascii_strdown (urn, -1);
  for (guint i = 0; i < node->questions->len; i++)
    {
      const MamoriQuestion *q = node->questions->pdata[i];
      if (g_strcmp0 (q->urn, want) == 0)
        return q;
    }
  return NULL;
}

gboolean
mamori_question_is_scale (const MamoriNode     *node,
                          const MamoriQuestion *question)
{
  return question->choices != NULL && question->choices == node->choices;
}

const MamoriQuestion *
mamori_node_scale_question (const MamoriNode *node)
{
  for (guint i = 0; node->questions != NULL && i < node->questions->len; i++)
    if (mamori_question_is_scale (node, node->questions->pdata[i]))
      return node->questions->pdata[i];
  return NULL;
}

guint
mamori_node_n_extra_questions (const MamoriNode *node)
{
  guint n = 0;

  for (guint i = 0; node->questions != NULL && i < node->questions->len; i++)
    n += !mamori_question_is_scale (node, node->questions->pdata[i]);
  return n;
}

const char *
mamori_question_type_key (MamoriQuestionType type)
{
  static const char *keys[] = { "unique_choice", "multiple_choice", "text", "number", "boolean", "date" };
  return (guint) type < G_N_ELEMENTS (keys) ? keys[type] : "text";
}

const char *
mamori_question_text (const MamoriQuestion *question,
                      const char           *lang)
{
  const char *t = mamori_text_get (question->text, lang);
  return t != NULL ? t : question->urn;
}

/* The index of question's choice named by one part of an answer: its urn, or its label in
 * any language; -1 when none. */
static int
find_choice (const MamoriQuestion *q,
             const char           *part)
{
  g_autofree char *down = g_ascii_strdown (part, -1);

  for (guint i = 0; q->choices != NULL && i < q->choices->len; i++)
    {
      const MamoriChoice *c = q->choices->pdata[i];
      if (g_strcmp0 (c->urn, down) == 0)
        return (int) i;
    }
  /* MamoriText is opaque: the languages a person would write a label in. */
  static const char * const langs[] = { NULL, "ja", "en", "fr", "de", "es", "it", "nl", "pt" };
  for (guint i = 0; q->choices != NULL && i < q->choices->len; i++)
    {
      const MamoriChoice *c = q->choices->pdata[i];

      for (guint k = 0; c->name != NULL && k < G_N_ELEMENTS (langs); k++)
        {
          const char *label = mamori_text_get (c->name, langs[k]);
          if (label != NULL && g_utf8_collate (label, part) == 0)
            return (int) i;
        }
    }
  return -1;
}

static gboolean
invalid (GError    **error,
         const char *format,
         ...) G_GNUC_PRINTF (2, 3);

static gboolean
invalid (GError    **error,
         const char *format,
         ...)
{
  va_list args;
  g_autofree char *message = NULL;

  va_start (args, format);
  message = g_strdup_vprintf (format, args);
  va_end (args);
  g_set_error_literal (error, MAMORI_CHECKLIST_ERROR, MAMORI_CHECKLIST_ERROR_INVALID, message);
  return FALSE;
}

static char *
check_number (const char *text,
              GError    **error)
{
  char *end = NULL;
  double v;
  char buf[G_ASCII_DTOSTR_BUF_SIZE];

  v = g_ascii_strtod (text, &end);
  if (end == text || *end != '\0' || !isfinite (v) || strpbrk (text, "xXpP") != NULL)
    {
      invalid (error, _("“%s” is not a number. Write it with digits and a dot for decimals, e.g. 12 or 3.5."), text);
      return NULL;
    }
  if (v == 0)
    v = 0;  /* no "-0" */
  return g_strdup (g_ascii_dtostr (buf, sizeof buf, v));
}

static char *
check_date (const char *text,
            GError    **error)
{
  int y = 0, m = 0, d = 0, n = 0;
  char sep = 0;

  if (sscanf (text, "%4d%c%2d%*[-/]%2d%n", &y, &sep, &m, &d, &n) == 4 && (sep == '-' || sep == '/') &&
      text[n] == '\0' && y >= 1 && m >= 1 && m <= 12 && d >= 1 && g_date_valid_dmy (d, m, y))
    return g_strdup_printf ("%04d-%02d-%02d", y, m, d);
  invalid (error, _("“%s” is not a date. Write it as YYYY-MM-DD, e.g. 2026-04-01."), text);
  return NULL;
}

static char *
check_boolean (const char *text,
               GError    **error)
{
  static const char *yes[] = { "true", "yes", "1", "はい", NULL };
  static const char *no[] = { "false", "no", "0", "いいえ", NULL };
  g_autofree char *down = g_utf8_strdown (text, -1);

  if (g_strv_contains (yes, down) || g_strcmp0 (text, _("Yes")) == 0)
    return g_strdup ("true");
  if (g_strv_contains (no, down) || g_strcmp0 (text, _("No")) == 0)
    return g_strdup ("false");
  invalid (error, _("“%s” is not a yes-or-no answer. Write true or false."), text);
  return NULL;
}

static char *
check_choices (const MamoriQuestion *q,
               const char           *text,
               GError              **error)
{
  g_auto(GStrv) parts = g_strsplit (text, MAMORI_QUESTION_VALUE_SEPARATOR, -1);
  g_autofree gboolean *chosen = g_new0 (gboolean, q->choices ? q->choices->len + 1 : 1);
  g_autoptr(GString) out = g_string_new (NULL);
  guint n = 0;

  for (guint i = 0; parts[i] != NULL; i++)
    {
      char *part = g_strstrip (parts[i]);
      int c;

      if (*part == '\0')
        continue;
      c = find_choice (q, part);
      if (c < 0)
        {
          invalid (error, _("“%s” is not one of the question’s choices."), part);
          return NULL;
        }
      chosen[c] = TRUE;
      n++;
    }
  if (n > 1 && q->type == MAMORI_QUESTION_UNIQUE_CHOICE)
    {
      invalid (error, _("The question takes one choice, not %u."), n);
      return NULL;
    }
  for (guint i = 0; q->choices != NULL && i < q->choices->len; i++)
    if (chosen[i])
      {
        if (out->len > 0)
          g_string_append (out, MAMORI_QUESTION_VALUE_SEPARATOR);
        g_string_append (out, ((MamoriChoice *) q->choices->pdata[i])->urn);
      }
  return g_string_free (g_steal_pointer (&out), FALSE);
}

char *
mamori_question_value_check (const MamoriQuestion *question,
                             const char           *text,
                             GError              **error)
{
  g_autofree char *trimmed = g_strstrip (g_strdup (text ? text : ""));

  if (text != NULL && !g_utf8_validate (text, -1, NULL))
    {
      invalid (error, _("The answer is not valid UTF-8 text."));
      return NULL;
    }
  if (*trimmed == '\0')
    return g_strdup ("");
  switch (question->type)
    {
    case MAMORI_QUESTION_TEXT:
      if (g_utf8_strlen (text, -1) > MAMORI_QUESTION_TEXT_MAX)
        {
          invalid (error, _("The answer is longer than %d characters."), MAMORI_QUESTION_TEXT_MAX);
          return NULL;
        }
      return g_strdup (text);
    case MAMORI_QUESTION_NUMBER:
      return check_number (trimmed, error);
    case MAMORI_QUESTION_DATE:
      return check_date (trimmed, error);
    case MAMORI_QUESTION_BOOLEAN:
      return check_boolean (trimmed, error);
    case MAMORI_QUESTION_UNIQUE_CHOICE:
    case MAMORI_QUESTION_MULTIPLE_CHOICE:
    default:
      return check_choices (question, trimmed, error);
    }
}

char **
mamori_question_value_choices (const char *value)
{
  g_autoptr(GStrvBuilder) b = g_strv_builder_new ();
  g_auto(GStrv) parts = NULL;

  if (value != NULL && *value != '\0')
    {
      parts = g_strsplit (value, MAMORI_QUESTION_VALUE_SEPARATOR, -1);
      for (guint i = 0; parts[i] != NULL; i++)
        if (*parts[i] != '\0')
          g_strv_builder_add (b, parts[i]);
    }
  return g_strv_builder_end (b);
}

void
mamori_question_value_select (const MamoriQuestion *question,
                              const char           *value,
                              GHashTable           *selected)
{
  g_auto(GStrv) urns = NULL;

  if (question->type != MAMORI_QUESTION_UNIQUE_CHOICE && question->type != MAMORI_QUESTION_MULTIPLE_CHOICE)
    return;
  urns = mamori_question_value_choices (value);
  for (guint i = 0; urns[i] != NULL; i++)
    g_hash_table_add (selected, g_ascii_strdown (urns[i], -1));
}

GHashTable *
mamori_question_selected_set (const MamoriNode *node,
                              GHashTable       *answers,
                              int               scale_choice)
{
  GHashTable *selected = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);

  if (node->choices != NULL && scale_choice >= 0 && (guint) scale_choice < node->choices->len)
    {
      const MamoriChoice *c = node->choices->pdata[scale_choice];
      if (c->urn != NULL)
        g_hash_table_add (selected, g_strdup (c->urn));
    }

  for (guint i = 0; node->questions != NULL && answers != NULL && i < node->questions->len; i++)
    {
      const MamoriQuestion *q = node->questions->pdata[i];
      mamori_question_value_select (q, g_hash_table_lookup (answers, q->urn), selected);
    }
  return selected;
}

char *
mamori_question_value_display (const MamoriQuestion *question,
                               const char           *value,
                               const char           *lang)
{
  gboolean ja = g_strcmp0 (lang, "ja") == 0;

  if (value == NULL || *value == '\0')
    return g_strdup ("");
  switch (question->type)
    {
    case MAMORI_QUESTION_BOOLEAN:
      if (g_str_equal (value, "true"))
        return g_strdup (ja ? "はい" : "Yes");
      if (g_str_equal (value, "false"))
        return g_strdup (ja ? "いいえ" : "No");
      return g_strdup (value);
    case MAMORI_QUESTION_UNIQUE_CHOICE:
    case MAMORI_QUESTION_MULTIPLE_CHOICE:
      {
        g_auto(GStrv) urns = mamori_question_value_choices (value);
        g_autoptr(GString) out = g_string_new (NULL);

        for (guint i = 0; urns[i] != NULL; i++)
          {
            int c = find_choice (question, urns[i]);
            const char *label = c >= 0 ? mamori_text_get (((MamoriChoice *) question->choices->pdata[c])->name, lang) : NULL;
            if (out->len > 0)
              g_string_append (out, ja ? "、" : ", ");
            g_string_append (out, label != NULL ? label : urns[i]);
          }
        return g_string_free (g_steal_pointer (&out), FALSE);
      }
    case MAMORI_QUESTION_TEXT:
    case MAMORI_QUESTION_NUMBER:
    case MAMORI_QUESTION_DATE:
    default:
      return g_strdup (value);
    }
}

/* --- the CSV column ----------------------------------------------------------------------------- */

char *
mamori_question_cell_format (const MamoriNode *node,
                             GHashTable       *answers,
                             int               scale_choice)
{
  g_autoptr(GString) out = g_string_new (NULL);
  g_autoptr(GHashTable) selected = mamori_question_selected_set (node, answers, scale_choice);

  for (guint i = 0; node->questions != NULL && answers != NULL && i < node->questions->len; i++)
    {
      const MamoriQuestion *q = node->questions->pdata[i];
      const char *value = g_hash_table_lookup (answers, q->urn);

      /* An answer kept for a question that no longer applies is not exported. */
      if (value == NULL || *value == '\0' || !mamori_question_applies (q, selected))
        continue;
      if (out->len > 0)
        g_string_append_c (out, '\n');
      g_string_append_printf (out, "%s = ", q->urn);
      for (const char *p = value; *p != '\0'; p++)
        {
          if (*p == '\\')
            g_string_append (out, "\\\\");
          else if (*p == '\n')
            g_string_append (out, "\\n");
          else if (*p == '\r')
            g_string_append (out, "\\r");
          else
            g_string_append_c (out, *p);
        }
    }
  return g_string_free (g_steal_pointer (&out), FALSE);
}

static char *
unescape (const char *text)
{
  GString *out = g_string_new (NULL);

  for (const char *p = text; *p != '\0'; p++)
    {
      if (*p == '\\' && p[1] == 'n')
        g_string_append_c (out, '\n'), p++;
      else if (*p == '\\' && p[1] == 'r')
        g_string_append_c (out, '\r'), p++;
      else if (*p == '\\' && p[1] == '\\')
        g_string_append_c (out, '\\'), p++;
      else
        g_string_append_c (out, *p);
    }
  return g_string_free (out, FALSE);
}

static void
problem (GPtrArray  *problems,
         guint       line,
         const char *value,
         const char *reason)
{
  g_autofree char *shown = mamori_text_excerpt (value);
  g_ptr_array_add (problems, g_strdup_printf (_("line %u, column questions, value “%s”: %s"), line, shown, reason));
}

static void
read_cell (const MamoriNode *node,
           const char       *cell,
           guint             line,
           GHashTable       *out,
           GPtrArray        *problems)
{
  g_auto(GStrv) lines = g_strsplit (cell, "\n", -1);

  for (guint i = 0; lines[i] != NULL; i++)
    {
      char *l = g_strstrip (lines[i]);
      const char *eq = strstr (l, " = ");
      g_autofree char *urn = NULL;
      g_autofree char *value = NULL;
      g_autofree char *checked = NULL;
      g_autoptr(GError) error = NULL;
      const MamoriQuestion *q;

      if (*l == '\0')
        continue;
      if (eq == NULL && g_str_has_suffix (l, " ="))
        eq = l + strlen (l) - 2;
      if (eq == NULL)
        {
          problem (problems, line, l, _("write each answer on its own line as “QUESTION-URN = VALUE”"));
          continue;
        }
      urn = g_strstrip (g_strndup (l, (gsize) (eq - l)));
      q = mamori_node_find_question (node, urn);
      if (q == NULL)
        {
          g_autofree char *reason = g_strdup_printf (_("the item %s has no question %s"), node->ref_id, urn);
          problem (problems, line, l, reason);
          continue;
        }
      if (mamori_question_is_scale (node, q))
        {
          problem (problems, line, l, _("this question is the item’s answer: give it in the column answer"));
          continue;
        }
      if (g_hash_table_contains (out, q->urn))
        {
          problem (problems, line, l, _("the question is answered twice"));
          continue;
        }
      value = unescape (eq[1] == '=' && eq[2] == ' ' ? eq + 3 : "");
      checked = mamori_question_value_check (q, value, &error);
      if (checked == NULL)
        {
          problem (problems, line, l, error->message);
          continue;
        }
      if (*checked != '\0')
        g_hash_table_insert (out, g_strdup (q->urn), g_steal_pointer (&checked));
    }
}

static void
hash_unref (gpointer table)
{
  g_hash_table_unref (table);
}

GHashTable *
mamori_question_read_csv (const MamoriChecklist *cl,
                          const char            *text,
                          GPtrArray             *problems)
{
  g_autoptr(GPtrArray) rows = mamori_csv_parse (text, NULL);
  g_autoptr(GHashTable) by_item = NULL;
  MamoriCsvRow *header;
  int ref_col = -1, q_col = -1;

  if (rows == NULL || rows->len == 0)
    return NULL;
  header = rows->pdata[0];
  for (guint c = 0; c < header->fields->len; c++)
    {
      g_autofree char *raw = g_strstrip (g_strdup (header->fields->pdata[c]));
      g_autofree char *h = g_ascii_strdown (raw, -1);
      const char *name = g_str_has_prefix (h, "\xEF\xBB\xBF") ? h + 3 : h;
      if (g_str_equal (name, "ref_id") && ref_col < 0)
        ref_col = (int) c;
      else if (g_str_equal (name, "questions") && q_col < 0)
        q_col = (int) c;
    }
  if (ref_col < 0 || q_col < 0)
    return NULL;
  by_item = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, hash_unref);
  for (guint r = 1; r < rows->len; r++)
    {
      MamoriCsvRow *row = rows->pdata[r];
      g_autofree char *ref_id = NULL;
      const char *cell;
      const MamoriNode *item;
      GHashTable *answers;

      if (row->fields->len != header->fields->len)
        continue;  /* mamori_checklist_read_answers reports it */
      cell = mamori_csv_cell_text (row->fields->pdata[q_col]);
      if (*cell == '\0')
        continue;
      ref_id = g_strstrip (g_strdup (mamori_csv_cell_text (row->fields->pdata[ref_col])));
      item = mamori_checklist_find_item (cl, ref_id);
      if (item == NULL)
        continue;  /* reported there too */
      answers = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
      read_cell (item, cell, row->line, answers, problems);
      if (g_hash_table_size (answers) > 0)
        g_hash_table_insert (by_item, g_strdup (item->ref_id), answers);
      else
        g_hash_table_unref (answers);
    }
  return g_steal_pointer (&by_item);
}
