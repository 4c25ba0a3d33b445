/* mamori-sheet-summary.c — per-role self-inspection sheets: roles, reading a returned sheet,
 * and the implementation rates per clause, role and unit */
#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "mamori-csv.h"
#include "mamori-sheet-summary.h"

MamoriSheetAnswer *
mamori_sheet_answer_new (const char *ref_id,
                         const char *person,
                         const char *unit,
                         const char *role,
                         int         choice,
                         double      score,
                         gboolean    not_applicable,
                         const char *note)
{
  MamoriSheetAnswer *a = g_new0 (MamoriSheetAnswer, 1);

  a->ref_id = g_strdup (ref_id);
  a->person = g_strdup (person);
  a->unit = g_strdup (unit ? unit : "");
  a->role = g_strdup (role ? role : "");
  a->choice = choice;
  a->score = score;
  a->not_applicable = not_applicable;
  a->note = g_strdup (note ? note : "");
  return a;
}

void
mamori_sheet_answer_free (MamoriSheetAnswer *a)
{
  if (a == NULL)
    return;
  g_free (a->ref_id);
  g_free (a->person);
  g_free (a->unit);
  g_free (a->role);
  g_free (a->note);
  g_free (a);
}

/* The role names are the standard's own terms (2.1.1), in the sheet's language. */
static const struct {
  const char *key, *ja, *en;
} role_labels[] = {
  { "ciso", "最高情報セキュリティ責任者（CISO）", "Chief information security officer (CISO)" },
  { "chief_iso", "統括情報セキュリティ責任者", "Chief information security officer for coordination" },
  { "unit_iso", "情報セキュリティ責任者（部門）", "Unit information security officer" },
  { "system_officer", "情報システムセキュリティ責任者", "Information system security officer" },
  { "csirt", "CSIRT", "CSIRT" },
  { "approver", "許可権限者", "Approver" },
  { "audit_officer", "情報セキュリティ監査責任者", "Information security audit officer" },
  { "staff", "従業員等", "Staff" },
};

const char *
mamori_sheet_role_label (const char *role,
                         const char *lang)
{
  for (guint i = 0; i < G_N_ELEMENTS (role_labels); i++)
    if (g_strcmp0 (role, role_labels[i].key) == 0)
      return g_strcmp0 (lang, "en") == 0 ? role_labels[i].en : role_labels[i].ja;
  return role ? role : "";
}

/* The key of a role cell: a key, or a label in either language; NULL when none. */
static const char *
role_key (const char *text)
{
  for (guint i = 0; i < G_N_ELEMENTS (role_labels); i++)
    if (g_ascii_strcasecmp (text, role_labels[i].key) == 0 || g_str_equal (text, role_labels[i].ja) ||
        g_ascii_strcasecmp (text, role_labels[i].en) == 0)
      return role_labels[i].key;
  return NULL;
}

GPtrArray *
mamori_sheet_roles (const MamoriChecklist *cl)
{
  GPtrArray *out = g_ptr_array_new_with_free_func (g_free);

  for (guint k = 0; mamori_actor_keys[k] != NULL; k++)
    for (guint i = 0; i < cl->items->len; i++)
      if (g_strcmp0 (mamori_node_get_actor (cl->items->pdata[i]), mamori_actor_keys[k]) == 0)
        {
          g_ptr_array_add (out, g_strdup (mamori_actor_keys[k]));
          break;
        }
  return out;
}

GPtrArray *
mamori_sheet_items (const MamoriChecklist *cl,
                    const char            *role)
{
  GPtrArray *out = g_ptr_array_new ();
  gboolean all = g_strcmp0 (role, "all") == 0;

  for (guint i = 0; i < cl->items->len; i++)
    {
      const char *actor = mamori_node_get_actor (cl->items->pdata[i]);
      if (actor != NULL && (all || g_strcmp0 (actor, role) == 0))
        g_ptr_array_add (out, cl->items->pdata[i]);
    }
  return out;
}

static gboolean
descends_from (const MamoriNode *node,
               const MamoriNode *item)
{
  for (const MamoriNode *p = node->parent; p != NULL; p = p->parent)
    {
      if (p == item)
        return TRUE;
      if (p->assessable)
        return FALSE;
    }
  return FALSE;
}

GPtrArray *
mamori_sheet_measures (const MamoriChecklist *cl,
                       const MamoriNode      *item)
{
  GPtrArray *out = g_ptr_array_new ();

  for (guint i = 0; i < cl->nodes->len; i++)
    {
      const MamoriNode *n = cl->nodes->pdata[i];
      if (!n->assessable && descends_from (n, item))
        g_ptr_array_add (out, (gpointer) n);
    }
  return out;
}

/* --- CSV ------------------------------------------------------------------------------- */

const char * const mamori_sheet_column_keys[MAMORI_SHEET_N_COLUMNS] = {
  "ref_id", "clause", "role", "person", "unit", "answer", "note",
};
static const char * const column_ja[MAMORI_SHEET_N_COLUMNS] = {
  "項番", "点検項目", "役割", "氏名", "所属", "回答", "備考",
};
static const char * const column_en[MAMORI_SHEET_N_COLUMNS] = {
  "ref_id", "Clause", "Role", "Person", "Unit", "Answer", "Note",
};

const char *
mamori_sheet_column_heading (guint       column,
                             const char *lang)
{
  g_return_val_if_fail (column < MAMORI_SHEET_N_COLUMNS, NULL);
  return g_strcmp0 (lang, "en") == 0 ? column_en[column] : column_ja[column];
}

/* The column a heading names (-1: none of a sheet's). */
static int
column_of (const char *heading)
{
  g_autofree char *h = g_strstrip (g_strdup (heading));

  for (guint k = 0; k < MAMORI_SHEET_N_COLUMNS; k++)
    if (g_ascii_strcasecmp (h, mamori_sheet_column_keys[k]) == 0 || g_ascii_strcasecmp (h, column_en[k]) == 0 ||
        g_str_equal (h, column_ja[k]))
      return (int) k;
  return -1;
}

gboolean
mamori_sheet_csv_is_sheet (const char *text)
{
  g_autoptr(GPtrArray) rows = mamori_csv_parse (text, NULL);
  MamoriCsvRow *header;

  if (rows == NULL || rows->len == 0)
    return FALSE;
  header = rows->pdata[0];
  for (guint c = 0; c < header->fields->len; c++)
    if (column_of (header->fields->pdata[c]) == 3)
      return TRUE;
  return FALSE;
}

enum { COL_REF, COL_CLAUSE, COL_ROLE, COL_PERSON, COL_UNIT, COL_ANSWER, COL_NOTE };

/* A cell as read: trimmed, the export's formula guard taken off. */
static char *
cell (MamoriCsvRow *row,
      int           col)
{
  g_autofree char *raw = NULL;

  if (col < 0)
    return g_strdup ("");
  raw = g_strstrip (g_strdup (row->fields->pdata[col]));
  return g_strdup (mamori_csv_cell_text (raw));
}

static void
problem (GPtrArray  *problems,
         guint       line,
         const char *column,
         const char *value,
         const char *reason)
{
  g_autofree char *shown = mamori_text_excerpt (value);

  g_ptr_array_add (problems, g_strdup_printf (_("line %u, column %s, value “%s”: %s"), line, column, shown, reason));
}

GPtrArray *
mamori_sheet_read_csv (const MamoriChecklist *cl,
                       const char            *text,
                       GPtrArray            **problems_out,
                       GError               **error)
{
  g_autoptr(GPtrArray) problems = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GPtrArray) answers = g_ptr_array_new_with_free_func ((GDestroyNotify) mamori_sheet_answer_free);
  g_autoptr(GPtrArray) rows = NULL;
  g_autoptr(GHashTable) seen = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_autofree char *person = NULL, *unit = NULL;
  int col[MAMORI_SHEET_N_COLUMNS];
  MamoriCsvRow *header;

  g_return_val_if_fail (cl != NULL && text != NULL && problems_out != NULL, NULL);
  *problems_out = NULL;
  rows = mamori_csv_parse (text, error);
  if (rows == NULL)
    return NULL;
  if (rows->len == 0)
    {
      g_set_error_literal (error, MAMORI_CHECKLIST_ERROR, MAMORI_CHECKLIST_ERROR_INVALID,
                           _("the file is empty; a returned sheet starts with the header line of the exported sheet."));
      return NULL;
    }
  for (guint k = 0; k < MAMORI_SHEET_N_COLUMNS; k++)
    col[k] = -1;
  header = rows->pdata[0];
  for (guint c = 0; c < header->fields->len; c++)
    {
      int k = column_of (header->fields->pdata[c]);
      if (k < 0)
        continue;
      if (col[k] >= 0)
        {
          g_autofree char *shown = mamori_text_excerpt (header->fields->pdata[c]);
          g_set_error (error, MAMORI_CHECKLIST_ERROR, MAMORI_CHECKLIST_ERROR_DUPLICATE,
                       _("line %u: column %u “%s” repeats column %u; keep one of them"), header->line, c + 1, shown,
                       (guint) col[k] + 1);
          return NULL;
        }
      col[k] = (int) c;
    }
  if (col[COL_REF] < 0 || col[COL_ANSWER] < 0 || col[COL_PERSON] < 0)
    {
      g_set_error_literal (error, MAMORI_CHECKLIST_ERROR, MAMORI_CHECKLIST_ERROR_MISSING_KEY,
                           _("a returned sheet must have the columns ref_id, person and answer (項番, 氏名, 回答)."));
      return NULL;
    }

  for (guint r = 1; r < rows->len; r++)
    {
      MamoriCsvRow *row = rows->pdata[r];
      g_autofree char *ref = NULL, *answer = NULL, *p = NULL, *u = NULL, *role = NULL, *note = NULL;
      const MamoriNode *item;
      const char *key;
      int choice;

      if (row->fields->len != header->fields->len)
        {
          g_ptr_array_add (problems, g_strdup_printf (_("line %u: %u fields, but the header names %u columns"),
                                                      row->line, row->fields->len, header->fields->len));
          continue;
        }
      ref = cell (row, col[COL_REF]);
      answer = cell (row, col[COL_ANSWER]);
      p = cell (row, col[COL_PERSON]);
      u = cell (row, col[COL_UNIT]);
      role = cell (row, col[COL_ROLE]);
      note = cell (row, col[COL_NOTE]);
      /* A person fills in the name and unit once, on the first line they answer. */
      if (*p)
        {
          g_free (person);
          person = g_strdup (p);
          g_free (unit);
          unit = g_strdup (u);
        }
      else if (*u)
        {
          g_free (unit);
          unit = g_strdup (u);
        }
      if (*answer == '\0')
        continue;
      item = mamori_checklist_find_item (cl, ref);
      if (item == NULL)
        {
          g_autofree char *reason = g_strdup_printf (_("the checklist %s has no such item"), cl->id);
          problem (problems, row->line, mamori_sheet_column_keys[COL_REF], ref, reason);
          continue;
        }
      if (person == NULL)
        {
          problem (problems, row->line, mamori_sheet_column_keys[COL_PERSON], p,
                   _("the name of the person who answers is missing (write it on the first line answered)"));
          continue;
        }
      key = *role ? role_key (role) : mamori_node_get_actor (item);
      if (key == NULL || *key == '\0')
        {
          problem (problems, row->line, mamori_sheet_column_keys[COL_ROLE], role, _("not a role of the checklist"));
          continue;
        }
      choice = mamori_checklist_match_choice (cl, item, answer);
      if (choice < 0)
        {
          GPtrArray *scale = mamori_checklist_choices (cl, item);
          g_autoptr(GString) allowed = g_string_new (NULL);
          g_autofree char *reason = NULL;
          for (guint i = 0; i < scale->len; i++)
            g_string_append_printf (allowed, "%s%s", i ? ", " : "",
                                    mamori_text_get (((MamoriChoice *) scale->pdata[i])->name, mamori_text_user_lang ()));
          reason = g_strdup_printf (_("not an answer of this item (use one of: %s)"), allowed->str);
          problem (problems, row->line, mamori_sheet_column_keys[COL_ANSWER], answer, reason);
          continue;
        }
      {
        g_autofree char *pair = g_strdup_printf ("%s\x1f%s", item->ref_id, person);
        MamoriChoice *c = mamori_checklist_choices (cl, item)->pdata[choice];
        if (!g_hash_table_add (seen, g_steal_pointer (&pair)))
          {
            problem (problems, row->line, mamori_sheet_column_keys[COL_REF], ref, _("the same person answers the item twice"));
            continue;
          }
        if (c->not_applicable && *note == '\0')
          {
            problem (problems, row->line, mamori_sheet_column_keys[COL_NOTE], note,
                     _("a “not applicable” answer needs its reason in the note"));
            continue;
          }
        g_ptr_array_add (answers, mamori_sheet_answer_new (item->ref_id, person, unit, key, choice, c->score,
                                                           c->not_applicable, note));
      }
    }
  *problems_out = g_steal_pointer (&problems);
  if ((*problems_out)->len > 0)
    return NULL;
  return g_steal_pointer (&answers);
}

/* --- the summary ------------------------------------------------------------------------ */

double
mamori_sheet_rate_value (const MamoriSheetRate *rate)
{
  return rate->max > 0 ? rate->score / rate->max : -1;
}

static void
rate_free (MamoriSheetRate *rate)
{
  g_free (rate->key);
  g_free (rate);
}

void
mamori_sheet_summary_free (MamoriSheetSummary *s)
{
  if (s == NULL)
    return;
  g_ptr_array_unref (s->clauses);
  g_ptr_array_unref (s->roles);
  g_ptr_array_unref (s->units);
  g_ptr_array_unref (s->issues);
  g_free (s);
}

static MamoriSheetRate *
rate_for (GHashTable *table,
          const char *key)
{
  MamoriSheetRate *rate = g_hash_table_lookup (table, key);

  if (rate == NULL)
    {
      rate = g_new0 (MamoriSheetRate, 1);
      rate->key = g_strdup (key);
      g_hash_table_insert (table, rate->key, rate);
    }
  return rate;
}

static void
rate_add (MamoriSheetRate *rate,
          double           score,
          double           best,
          double           worst,
          gboolean         not_applicable)
{
  rate->n_answers++;
  if (not_applicable)
    {
      rate->n_not_applicable++;
      return;
    }
  /* Scores are measured from the worst answer: 2/1/0 → 1, ½, 0. */
  rate->score += score - worst;
  rate->max += best - worst;
  if (score >= best)
    rate->n_full++;
  else if (score <= worst)
    rate->n_none++;
  else
    rate->n_partial++;
}

static int
compare_keys (gconstpointer a,
              gconstpointer b)
{
  return g_strcmp0 ((*(MamoriSheetRate **) a)->key, (*(MamoriSheetRate **) b)->key);
}

MamoriSheetSummary *
mamori_sheet_summary_new (const MamoriChecklist *cl,
                          GPtrArray             *answers)
{
  MamoriSheetSummary *s = g_new0 (MamoriSheetSummary, 1);
  /* The tables own nothing: the rates move into the arrays below. */
  g_autoptr(GHashTable) clauses = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr(GHashTable) roles = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr(GHashTable) units = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr(GHashTable) people = g_hash_table_new (g_str_hash, g_str_equal);
  /* ref_id + unit → the clause's rate in that unit */
  g_autoptr(GHashTable) clause_units = g_hash_table_new_full (g_str_hash, g_str_equal, NULL, (GDestroyNotify) rate_free);
  GHashTableIter iter;
  gpointer value;

  s->clauses = g_ptr_array_new_with_free_func ((GDestroyNotify) rate_free);
  s->roles = g_ptr_array_new_with_free_func ((GDestroyNotify) rate_free);
  s->units = g_ptr_array_new_with_free_func ((GDestroyNotify) rate_free);
  s->issues = g_ptr_array_new_with_free_func (g_free);
  for (guint i = 0; answers != NULL && i < answers->len; i++)
    {
      MamoriSheetAnswer *a = answers->pdata[i];
      const MamoriNode *item = mamori_checklist_find_item (cl, a->ref_id);
      GPtrArray *scale;
      double best = 0, worst = 0;
      gboolean first = TRUE;

      if (item == NULL)
        continue;
      scale = mamori_checklist_choices (cl, item);
      for (guint c = 0; c < scale->len; c++)
        {
          MamoriChoice *choice = scale->pdata[c];
          if (choice->not_applicable)
            continue;
          best = first ? choice->score : MAX (best, choice->score);
          worst = first ? choice->score : MIN (worst, choice->score);
          first = FALSE;
        }
      g_hash_table_add (people, a->person);
      rate_add (rate_for (clauses, item->ref_id), a->score, best, worst, a->not_applicable);
      rate_add (rate_for (roles, a->role), a->score, best, worst, a->not_applicable);
      rate_add (rate_for (units, a->unit), a->score, best, worst, a->not_applicable);
      rate_add (&s->total, a->score, best, worst, a->not_applicable);
      {
        g_autofree char *key = g_strdup_printf ("%s\x1f%s", item->ref_id, a->unit);
        rate_add (rate_for (clause_units, key), a->score, best, worst, a->not_applicable);
      }
    }
  s->n_people = g_hash_table_size (people);
  for (guint i = 0; i < cl->items->len; i++)
    {
      MamoriSheetRate *rate = g_hash_table_lookup (clauses, ((MamoriNode *) cl->items->pdata[i])->ref_id);
      if (rate != NULL)
        g_ptr_array_add (s->clauses, rate);
    }
  for (guint i = 0; i < s->clauses->len; i++)
    {
      MamoriSheetRate *clause = s->clauses->pdata[i];
      g_autofree char *prefix = g_strdup_printf ("%s\x1f", clause->key);
      guint n_units = 0, n_below = 0;

      g_hash_table_iter_init (&iter, clause_units);
      while (g_hash_table_iter_next (&iter, NULL, &value))
        {
          MamoriSheetRate *rate = value;
          double v = mamori_sheet_rate_value (rate);
          if (!g_str_has_prefix (rate->key, prefix) || v < 0)
            continue;
          n_units++;
          if (v < MAMORI_SHEET_THRESHOLD)
            n_below++;
        }
      if (n_units >= 2 && n_below == n_units)
        g_ptr_array_add (s->issues, g_strdup (clause->key));
    }
  for (guint k = 0; mamori_actor_keys[k] != NULL; k++)
    {
      MamoriSheetRate *rate = g_hash_table_lookup (roles, mamori_actor_keys[k]);
      if (rate != NULL)
        {
          g_ptr_array_add (s->roles, rate);
          g_hash_table_remove (roles, mamori_actor_keys[k]);
        }
    }
  /* A role outside the keys (from an imported library) comes last. */
  g_hash_table_iter_init (&iter, roles);
  while (g_hash_table_iter_next (&iter, NULL, &value))
    g_ptr_array_add (s->roles, value);
  g_hash_table_iter_init (&iter, units);
  while (g_hash_table_iter_next (&iter, NULL, &value))
    g_ptr_array_add (s->units, value);
  g_ptr_array_sort (s->units, compare_keys);
  return s;
}
