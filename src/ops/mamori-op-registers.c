/* mamori-op-registers.c — the year's registers as operations: each register exported as
 * CSV or XLSX, people and attendance imported from CSV (all or nothing), and the demo's
 * records */
#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "core/mamori-calendar.h"
#include "core/mamori-csv.h"
#include "core/mamori-demo.h"
#include "core/mamori-training.h"
#include "mamori-ops-private.h"
#include "report/mamori-table-export.h"
#include "store/mamori-assets.h"
#include "store/mamori-registers.h"

/* --- the labels of references ------------------------------------------------------------ */

/* ref → (id → label), loaded on first use. */
static const char *
ref_label (MamoriWorkspace  *ws,
           GHashTable       *cache,
           const char       *ref,
           const char       *id,
           GError          **error)
{
  GHashTable *labels = g_hash_table_lookup (cache, ref);

  if (labels == NULL)
    {
      labels = mamori_workspace_ref_labels (ws, ref, error);
      if (labels == NULL)
        return NULL;
      g_hash_table_insert (cache, (gpointer) ref, labels);
    }
  return mamori_ref_label (labels, id);
}

static GHashTable *
ref_cache_new (void)
{
  return g_hash_table_new_full (g_str_hash, g_str_equal, NULL, (GDestroyNotify) g_hash_table_unref);
}

char *
mamori_op_record_cell (MamoriWorkspace    *ws,
                       GHashTable         *cache,
                       const MamoriRecord *record,
                       guint               field,
                       gboolean            for_people,
                       GError            **error)
{
  const MamoriField *f = &record->reg->fields[field];
  const char *v = record->values[field];

  switch (f->type)
    {
    case MAMORI_FIELD_REF:
      {
        const char *label = ref_label (ws, cache, f->ref, v, error);
        return label ? g_strdup (label) : NULL;
      }
    case MAMORI_FIELD_CHOICE:
      return g_strdup (for_people ? mamori_field_choice_label (f, v) : v);
    case MAMORI_FIELD_BOOL:
      if (!for_people)
        return g_strdup (v);
      return g_strdup (*v == '\0' ? "" : strcmp (v, "1") == 0 ? _("Yes") : _("No"));
    default:
      return g_strdup (v);
    }
}

/* A part's records in one cell: each record's listed cells joined by " / ", records by "; ". */
static char *
parts_cell (MamoriWorkspace       *ws,
            GHashTable            *cache,
            const MamoriRegister  *part,
            gint64                 parent,
            GError               **error)
{
  g_autoptr(GPtrArray) list = mamori_workspace_list_records (ws, part, parent, error);
  g_autoptr(GString) s = g_string_new (NULL);

  if (list == NULL)
    return NULL;
  for (guint i = 0; i < list->len; i++)
    {
      MamoriRecord *r = list->pdata[i];
      gboolean first = TRUE;
      if (i > 0)
        g_string_append (s, "; ");
      for (guint f = 0; f < part->n_fields; f++)
        {
          g_autofree char *cell = NULL;
          if (!part->fields[f].listed || *r->values[f] == '\0')
            continue;
          cell = mamori_op_record_cell (ws, cache, r, f, TRUE, error);
          if (cell == NULL)
            return NULL;
          g_string_append_printf (s, "%s%s", first ? "" : " / ", cell);
          first = FALSE;
        }
    }
  return g_string_free (g_steal_pointer (&s), FALSE);
}

GPtrArray *
mamori_op_register_rows (MamoriWorkspace  *ws,
                         const char       *key,
                         GError          **error)
{
  const MamoriRegister *reg = mamori_register_lookup (key);
  g_autoptr(GPtrArray) records = NULL;
  g_autoptr(GPtrArray) rows = g_ptr_array_new_with_free_func ((GDestroyNotify) g_strfreev);
  g_autoptr(GHashTable) cache = ref_cache_new ();

  if (reg == NULL || reg->parent != NULL)
    {
      g_set_error (error, MAMORI_OP_ERROR, MAMORI_OP_ERROR_BAD_INPUT, _("There is no register “%s”."), key);
      return NULL;
    }
  records = mamori_workspace_list_records (ws, reg, 0, error);
  if (records == NULL)
    return NULL;
  for (guint i = 0; i < records->len; i++)
    {
      MamoriRecord *r = records->pdata[i];
      GPtrArray *row = g_ptr_array_new ();
      g_ptr_array_add (row, g_strdup_printf ("%" G_GINT64_FORMAT, r->id));
      for (guint f = 0; f < reg->n_fields; f++)
        {
          char *cell;
          if (!reg->fields[f].listed)
            continue;
          cell = mamori_op_record_cell (ws, cache, r, f, FALSE, error);
          if (cell == NULL)
            {
              g_ptr_array_add (row, NULL);
              g_strfreev ((char **) g_ptr_array_free (row, FALSE));
              return NULL;
            }
          g_ptr_array_add (row, cell);
        }
      g_ptr_array_add (row, NULL);
      g_ptr_array_add (rows, g_ptr_array_free (row, FALSE));
    }
  return g_steal_pointer (&rows);
}

/* --- export ------------------------------------------------------------------------------ */

gboolean
mamori_op_export_register (MamoriOpContext  *ctx,
                           GError          **error)
{
  const MamoriRegister *reg = mamori_register_lookup (ctx->op->name);
  g_autoptr(GPtrArray) records = NULL;
  g_autoptr(GPtrArray) parts = NULL;
  g_autoptr(GPtrArray) headings = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GPtrArray) rows = g_ptr_array_new_with_free_func ((GDestroyNotify) g_strfreev);
  g_autoptr(GHashTable) cache = ref_cache_new ();
  g_autoptr(GPtrArray) statuses = NULL;
  g_autoptr(GPtrArray) people_all = NULL, trainings = NULL, attendance = NULL, pledges = NULL;
  gboolean people = g_strcmp0 (ctx->op->name, "people") == 0;

  g_return_val_if_fail (reg != NULL, FALSE);
  records = mamori_workspace_list_records (ctx->workspace, reg, 0, error);
  if (records == NULL)
    return FALSE;
  parts = mamori_register_children (reg);
  for (guint f = 0; f < reg->n_fields; f++)
    g_ptr_array_add (headings, g_strdup (mamori_register_field_label (reg, &reg->fields[f])));
  for (guint p = 0; p < parts->len; p++)
    g_ptr_array_add (headings, g_strdup (mamori_register_title (parts->pdata[p])));
  if (people)
    {
      g_autofree char *today = mamori_today ();
      g_ptr_array_add (headings, g_strdup (_("Training")));
      g_ptr_array_add (headings, g_strdup (_("Last trained")));
      g_ptr_array_add (headings, g_strdup (_("Pledge signed on")));
      trainings = mamori_workspace_list_records (ctx->workspace, mamori_register_lookup ("trainings"), 0, error);
      attendance = trainings ? mamori_workspace_list_records (ctx->workspace, mamori_register_lookup ("attendance"), 0, error)
                             : NULL;
      pledges = attendance ? mamori_workspace_list_records (ctx->workspace, mamori_register_lookup ("pledges"), 0, error)
                           : NULL;
      if (pledges == NULL)
        return FALSE;
      statuses = mamori_training_statuses (records, trainings, attendance, pledges, today,
                                           mamori_workspace_fiscal_start_month (ctx->workspace));
    }
  g_ptr_array_add (headings, NULL);

  for (guint i = 0; i < records->len; i++)
    {
      MamoriRecord *r = records->pdata[i];
      GPtrArray *row = g_ptr_array_new ();
      for (guint f = 0; f < reg->n_fields; f++)
        {
          char *cell = mamori_op_record_cell (ctx->workspace, cache, r, f, TRUE, error);
          if (cell == NULL)
            {
              g_ptr_array_add (row, NULL);
              g_strfreev ((char **) g_ptr_array_free (row, FALSE));
              return FALSE;
            }
          g_ptr_array_add (row, cell);
        }
      for (guint p = 0; p < parts->len; p++)
        {
          char *cell = parts_cell (ctx->workspace, cache, parts->pdata[p], r->id, error);
          if (cell == NULL)
            {
              g_ptr_array_add (row, NULL);
              g_strfreev ((char **) g_ptr_array_free (row, FALSE));
              return FALSE;
            }
          g_ptr_array_add (row, cell);
        }
      if (people)
        {
          MamoriTrainingStatus *s = NULL;
          for (guint k = 0; k < statuses->len; k++)
            if (((MamoriTrainingStatus *) statuses->pdata[k])->person == r)
              s = statuses->pdata[k];
          g_ptr_array_add (row, g_strdup (s ? mamori_training_state_label (s->state) : _("Left")));
          g_ptr_array_add (row, g_strdup (s ? s->last_trained : ""));
          g_ptr_array_add (row, g_strdup (s ? s->pledge_signed_on : ""));
        }
      g_ptr_array_add (row, NULL);
      g_ptr_array_add (rows, g_ptr_array_free (row, FALSE));
    }
  return mamori_table_write (ctx->request->path, reg->key, (const char * const *) headings->pdata, headings->len - 1,
                             rows, error);
}

/* --- import ------------------------------------------------------------------------------ */

static char *
read_csv_text (MamoriOpContext  *ctx,
               GError          **error)
{
  g_autofree char *name = g_path_get_basename (ctx->request->path);
  g_autofree char *contents = NULL;
  g_autoptr(GError) local = NULL;
  gsize length = 0;
  char *text;

  contents = mamori_op_read_input (ctx->request->path, MAMORI_OP_READ_LIMIT, &length, error);
  if (contents == NULL)
    return NULL;
  text = mamori_csv_decode (contents, length, NULL, &local);
  if (text == NULL)
    g_set_error (error, MAMORI_OP_ERROR, MAMORI_OP_ERROR_BAD_INPUT, "%s: %s", name, local->message);
  return text;
}

static gboolean
fail_with_problems (MamoriOpContext  *ctx,
                    GPtrArray        *problems,
                    GError          **error)
{
  g_autofree char *name = g_path_get_basename (ctx->request->path);
  g_autofree char *message = g_strdup_printf (ngettext ("%s: %u problem, so nothing was imported:",
                                                        "%s: %u problems, so nothing was imported:",
                                                        problems->len), name, problems->len);
  mamori_op_set_problems (ctx, problems, message, error);
  return FALSE;
}

gboolean
mamori_op_import_people (MamoriOpContext  *ctx,
                         GError          **error)
{
  const MamoriRegister *reg = mamori_register_lookup ("people");
  g_autofree char *name = g_path_get_basename (ctx->request->path);
  g_autofree char *text = read_csv_text (ctx, error);
  g_autoptr(GPtrArray) records = NULL;
  g_autoptr(GPtrArray) problems = NULL;
  g_autoptr(GPtrArray) existing = NULL;
  g_autoptr(GError) local = NULL;

  if (text == NULL)
    return FALSE;
  if (!mamori_register_read_csv (reg, text, &records, &problems, &local))
    {
      g_set_error (error, MAMORI_OP_ERROR, MAMORI_OP_ERROR_BAD_INPUT, "%s: %s", name, local->message);
      return FALSE;
    }
  existing = mamori_workspace_list_records (ctx->workspace, reg, 0, error);
  if (existing == NULL)
    return FALSE;
  /* One person once: a name already in People or twice in the file is a problem. */
  for (guint i = 0; i < records->len; i++)
    {
      const char *who = mamori_record_get (records->pdata[i], "name");
      gboolean dup = FALSE;
      for (guint k = 0; k < existing->len && !dup; k++)
        dup = mamori_same_name (who, mamori_record_get (existing->pdata[k], "name"));
      for (guint k = 0; k < i && !dup; k++)
        dup = mamori_same_name (who, mamori_record_get (records->pdata[k], "name"));
      if (dup)
        g_ptr_array_add (problems, g_strdup_printf (_("%s is already in People."), who));
    }
  if (problems->len > 0)
    return fail_with_problems (ctx, problems, error);
  if (!mamori_workspace_add_records (ctx->workspace, reg, records, error))
    return FALSE;
  ctx->result->n_rows = records->len;
  return TRUE;
}

static int
column_of (MamoriCsvRow *head,
           const char   *key,
           const char   *label)
{
  for (guint c = 0; c < head->fields->len; c++)
    {
      g_autofree char *h = g_strstrip (g_strdup (mamori_csv_cell_text (head->fields->pdata[c])));
      if (g_ascii_strcasecmp (h, key) == 0 || g_ascii_strcasecmp (h, label) == 0 || strcmp (h, _(label)) == 0)
        return (int) c;
    }
  return -1;
}

static const char *
cell_at (MamoriCsvRow *row,
         int           column)
{
  return column >= 0 && (guint) column < row->fields->len ? mamori_csv_cell_text (row->fields->pdata[column]) : "";
}

gboolean
mamori_op_import_attendance (MamoriOpContext  *ctx,
                             GError          **error)
{
  const MamoriRegister *reg = mamori_register_lookup ("attendance");
  g_autofree char *name = g_path_get_basename (ctx->request->path);
  g_autofree char *text = read_csv_text (ctx, error);
  g_autoptr(GPtrArray) rows = NULL;
  g_autoptr(GPtrArray) trainings = NULL, people = NULL, attendance = NULL;
  g_autoptr(GPtrArray) records = g_ptr_array_new_with_free_func ((GDestroyNotify) mamori_record_free);
  g_autoptr(GPtrArray) problems = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GError) local = NULL;
  int c_date, c_title, c_name, c_note;
  MamoriCsvRow *head;
  guint skipped = 0;

  if (text == NULL)
    return FALSE;
  rows = mamori_csv_parse (text, &local);
  if (rows == NULL || rows->len == 0)
    {
      g_set_error (error, MAMORI_OP_ERROR, MAMORI_OP_ERROR_BAD_INPUT, "%s: %s", name,
                   local ? local->message : _("The file is empty: it needs a heading row naming the columns."));
      return FALSE;
    }
  head = rows->pdata[0];
  c_date = column_of (head, "held_on", N_("Held on"));
  c_title = column_of (head, "title", N_("Title"));
  c_name = column_of (head, "name", N_("Name"));
  c_note = column_of (head, "note", N_("Note"));
  if (c_date < 0 || c_name < 0)
    {
      g_set_error (error, MAMORI_OP_ERROR, MAMORI_OP_ERROR_BAD_INPUT,
                   _("%s: the heading row needs the columns held_on and name (and title when several trainings were held on one day)."),
                   name);
      return FALSE;
    }
  trainings = mamori_workspace_list_records (ctx->workspace, mamori_register_lookup ("trainings"), 0, error);
  people = trainings ? mamori_workspace_list_records (ctx->workspace, mamori_register_lookup ("people"), 0, error) : NULL;
  attendance = people ? mamori_workspace_list_records (ctx->workspace, reg, 0, error) : NULL;
  if (attendance == NULL)
    return FALSE;

  for (guint r = 1; r < rows->len; r++)
    {
      MamoriCsvRow *row = rows->pdata[r];
      const MamoriField *date_field = mamori_register_field (mamori_register_lookup ("trainings"), "held_on");
      g_autofree char *date = mamori_field_normalise (date_field, cell_at (row, c_date));
      const char *title = cell_at (row, c_title);
      const char *who = cell_at (row, c_name);
      const MamoriRecord *session = NULL, *person = NULL;
      guint sessions = 0;
      gboolean already = FALSE;
      MamoriRecord *rec;

      if (date == NULL || *date == '\0')
        {
          g_autofree char *shown = mamori_text_excerpt (cell_at (row, c_date));
          g_ptr_array_add (problems, g_strdup_printf (_("Line %u: “%s” is not a date (YYYY-MM-DD)."), row->line, shown));
          continue;
        }
      for (guint i = 0; i < trainings->len; i++)
        {
          MamoriRecord *t = trainings->pdata[i];
          if (strcmp (mamori_record_get (t, "held_on"), date) != 0 ||
              (*title != '\0' && !mamori_same_name (mamori_record_get (t, "title"), title)))
            continue;
          session = t;
          sessions++;
        }
      for (guint i = 0; i < people->len && person == NULL; i++)
        if (mamori_same_name (mamori_record_get (people->pdata[i], "name"), who))
          person = people->pdata[i];
      if (sessions == 0)
        {
          g_ptr_array_add (problems, g_strdup_printf (_("Line %u: no training held on %s%s%s is recorded."), row->line, date,
                                                      *title ? " " : "", title));
          continue;
        }
      if (sessions > 1)
        {
          g_ptr_array_add (problems, g_strdup_printf (_("Line %u: several trainings were held on %s; give the title."),
                                                      row->line, date));
          continue;
        }
      if (person == NULL)
        {
          g_autofree char *shown = mamori_text_excerpt (who);
          g_ptr_array_add (problems, g_strdup_printf (_("Line %u: “%s” is not in People."), row->line, shown));
          continue;
        }
      for (guint i = 0; i < attendance->len && !already; i++)
        {
          MamoriRecord *a = attendance->pdata[i];
          already = a->parent == session->id && g_ascii_strtoll (mamori_record_get (a, "person"), NULL, 10) == person->id;
        }
      for (guint i = 0; i < records->len && !already; i++)
        {
          MamoriRecord *a = records->pdata[i];
          already = a->parent == session->id && g_ascii_strtoll (mamori_record_get (a, "person"), NULL, 10) == person->id;
        }
      if (already)
        {
          skipped++;
          continue;
        }
      rec = mamori_record_new (reg);
      rec->parent = session->id;
      {
        g_autofree char *pid = g_strdup_printf ("%" G_GINT64_FORMAT, person->id);
        mamori_record_set (rec, "person", pid);
      }
      mamori_record_set (rec, "note", cell_at (row, c_note));
      if (!mamori_record_validate (rec, &local))
        {
          g_ptr_array_add (problems, g_strdup_printf (_("Line %u: %s"), row->line, local->message));
          g_clear_error (&local);
          mamori_record_free (rec);
          continue;
        }
      g_ptr_array_add (records, rec);
    }
  if (problems->len > 0)
    return fail_with_problems (ctx, problems, error);
  if (skipped > 0)
    mamori_op_warn (ctx, ngettext ("%u attendance was already recorded and is left as it is.",
                                   "%u attendances were already recorded and are left as they are.", skipped), skipped);
  if (records->len > 0 && !mamori_workspace_add_records (ctx->workspace, reg, records, error))
    return FALSE;
  ctx->result->n_rows = records->len;
  return TRUE;
}

/* --- the demo ---------------------------------------------------------------------------- */

gboolean
mamori_op_demo_registers (MamoriWorkspace  *ws,
                          GError          **error)
{
  guint n;
  const MamoriDemoRecord *demo = mamori_demo_records (&n);
  g_autoptr(GHashTable) last = g_hash_table_new (g_str_hash, g_str_equal);   /* register → newest id */
  g_autoptr(GHashTable) people = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_autoptr(GHashTable) assets = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_autoptr(GPtrArray) ledger = mamori_workspace_list_assets (ws, error);

  if (ledger == NULL)
    return FALSE;
  for (guint i = 0; i < ledger->len; i++)
    {
      MamoriAsset *a = ledger->pdata[i];
      g_hash_table_insert (assets, g_strdup (a->name), GSIZE_TO_POINTER ((gsize) a->id));
    }
  for (guint i = 0; i < n; i++)
    {
      const MamoriRegister *reg = mamori_register_lookup (demo[i].reg);
      g_autoptr(MamoriRecord) rec = NULL;

      g_assert (reg != NULL);
      rec = mamori_record_new (reg);
      if (reg->parent != NULL)
        rec->parent = (gint64) GPOINTER_TO_SIZE (g_hash_table_lookup (last, reg->parent));
      for (guint k = 0; demo[i].pairs[k] != NULL; k += 2)
        {
          const char *key = demo[i].pairs[k], *value = demo[i].pairs[k + 1];
          const MamoriField *f = mamori_register_field (reg, key);
          g_assert (f != NULL);
          if (f->type == MAMORI_FIELD_REF)
            {
              GHashTable *names = g_strcmp0 (f->ref, "people") == 0 ? people : assets;
              gsize id = GPOINTER_TO_SIZE (g_hash_table_lookup (names, value));
              g_autofree char *text = g_strdup_printf ("%" G_GSIZE_FORMAT, id);
              g_assert (id > 0);
              mamori_record_set (rec, key, text);
            }
          else
            mamori_record_set (rec, key, value);
        }
      if (!mamori_workspace_save_record (ws, rec, error))
        return FALSE;
      g_hash_table_insert (last, (gpointer) reg->key, GSIZE_TO_POINTER ((gsize) rec->id));
      if (g_str_equal (reg->key, "people"))
        g_hash_table_insert (people, g_strdup (mamori_record_get (rec, "name")), GSIZE_TO_POINTER ((gsize) rec->id));
    }
  return TRUE;
}
