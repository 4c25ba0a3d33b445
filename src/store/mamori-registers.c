/* mamori-registers.c — records of the year's registers, through the statement helper. The SQL
 * is composed from the register's description: table and column names come from
 * core/mamori-register.c (never from input), values are always bound. */
#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "mamori-registers.h"
#include "mamori-statement.h"
#include "mamori-workspace-internal.h"

static gboolean
is_integer (const MamoriField *f)
{
  return f->type == MAMORI_FIELD_BOOL || f->type == MAMORI_FIELD_NUMBER || f->type == MAMORI_FIELD_REF;
}

/* The entity of the change log and of "changed::": a part belongs to its parent register. */
static const char *
entity_of (const MamoriRegister *reg)
{
  return reg->parent ? reg->parent : reg->key;
}

static char *
column_list (const MamoriRegister *reg)
{
  GString *s = g_string_new ("id, ");

  g_string_append (s, reg->parent_field ? reg->parent_field : "0");
  for (guint i = 0; i < reg->n_fields; i++)
    g_string_append_printf (s, ", %s", reg->fields[i].key);
  g_string_append (s, ", row_version");
  return g_string_free (s, FALSE);
}

typedef struct {
  const MamoriRegister *reg;
  GPtrArray *out;
} ListRead;

static gboolean
record_row (MamoriStatement  *stmt,
            gpointer          data,
            GError          **error)
{
  ListRead *r = data;
  MamoriRecord *rec = mamori_record_new (r->reg);

  rec->id = mamori_statement_int64 (stmt, 0);
  rec->parent = mamori_statement_int64 (stmt, 1);
  for (guint i = 0; i < r->reg->n_fields; i++)
    {
      g_free (rec->values[i]);
      if (mamori_statement_is_null (stmt, i + 2))
        rec->values[i] = g_strdup ("");
      else if (is_integer (&r->reg->fields[i]))
        rec->values[i] = g_strdup_printf ("%" G_GINT64_FORMAT, mamori_statement_int64 (stmt, i + 2));
      else
        rec->values[i] = mamori_statement_dup_text (stmt, i + 2);
    }
  rec->version = mamori_statement_int64 (stmt, (int) r->reg->n_fields + 2);
  g_ptr_array_add (r->out, rec);
  return TRUE;
}

GPtrArray *
mamori_workspace_list_records (MamoriWorkspace      *self,
                               const MamoriRegister *reg,
                               gint64                parent,
                               GError              **error)
{
  g_autoptr(GPtrArray) out = g_ptr_array_new_with_free_func ((GDestroyNotify) mamori_record_free);
  g_autofree char *cols = column_list (reg);
  g_autofree char *sql = NULL;
  ListRead r = { reg, out };
  gboolean ok;

  if (parent > 0 && reg->parent_field != NULL)
    {
      sql = g_strdup_printf ("SELECT %s FROM %s WHERE %s = ?1 ORDER BY %s", cols, reg->key, reg->parent_field,
                             reg->order);
      ok = mamori_statement_query (self, _("read a register"), record_row, &r, error, sql, "i", parent);
    }
  else
    {
      sql = g_strdup_printf ("SELECT %s FROM %s ORDER BY %s", cols, reg->key, reg->order);
      ok = mamori_statement_query (self, _("read a register"), record_row, &r, error, sql, "");
    }
  return ok ? g_steal_pointer (&out) : NULL;
}

MamoriRecord *
mamori_workspace_get_record (MamoriWorkspace      *self,
                             const MamoriRegister *reg,
                             gint64                id,
                             GError              **error)
{
  g_autoptr(GPtrArray) out = g_ptr_array_new_with_free_func ((GDestroyNotify) mamori_record_free);
  g_autofree char *cols = column_list (reg);
  g_autofree char *sql = g_strdup_printf ("SELECT %s FROM %s WHERE id = ?1", cols, reg->key);
  ListRead r = { reg, out };

  if (!mamori_statement_query (self, _("read a register"), record_row, &r, error, sql, "i", id))
    return NULL;
  if (out->len == 0)
    {
      g_set_error (error, MAMORI_WORKSPACE_ERROR, MAMORI_WORKSPACE_ERROR_NOT_FOUND,
                   _("There is no %s with the number %lld."), mamori_register_singular (reg), (long long) id);
      return NULL;
    }
  return g_ptr_array_steal_index (out, 0);
}

/* --- checks the store makes ----------------------------------------------------------------- */

static const char *
ref_table (const char *ref)
{
  const MamoriRegister *target = mamori_register_lookup (ref);

  if (target != NULL)
    return target->key;
  if (g_strcmp0 (ref, "asset") == 0 || g_strcmp0 (ref, "assessment") == 0)
    return ref;
  g_return_val_if_reached (NULL);
}

static gboolean
row_exists (MamoriWorkspace *self,
            const char      *table,
            gint64           id,
            gboolean        *exists,
            GError         **error)
{
  g_autofree char *sql = g_strdup_printf ("SELECT count (*) FROM %s WHERE id = ?1", table);
  gint64 n = 0;

  if (!mamori_statement_fetch_int64 (self, _("read a register"), &n, error, sql, "i", id))
    return FALSE;
  *exists = n > 0;
  return TRUE;
}

static gboolean
check_references (MamoriWorkspace    *self,
                  const MamoriRecord *r,
                  GError            **error)
{
  const MamoriRegister *reg = r->reg;
  gboolean exists;

  if (reg->parent != NULL)
    {
      if (!row_exists (self, reg->parent, r->parent, &exists, error))
        return FALSE;
      if (!exists)
        {
          g_set_error (error, MAMORI_WORKSPACE_ERROR, MAMORI_WORKSPACE_ERROR_NOT_FOUND,
                       _("There is no %s with the number %lld."),
                       mamori_register_singular (mamori_register_lookup (reg->parent)), (long long) r->parent);
          return FALSE;
        }
    }
  for (guint i = 0; i < reg->n_fields; i++)
    {
      const MamoriField *f = &reg->fields[i];
      if (f->type != MAMORI_FIELD_REF || *r->values[i] == '\0')
        continue;
      if (!row_exists (self, ref_table (f->ref), g_ascii_strtoll (r->values[i], NULL, 10), &exists, error))
        return FALSE;
      if (!exists)
        {
          g_set_error (error, MAMORI_WORKSPACE_ERROR, MAMORI_WORKSPACE_ERROR_NOT_FOUND,
                       _("%s: there is no record with the number %s."), mamori_register_field_label (reg, f), r->values[i]);
          return FALSE;
        }
    }
  return TRUE;
}

/* The unit the people register gives name, "" when it does not know them. */
static char *
unit_of (MamoriWorkspace *self,
         const char      *name,
         GError         **error)
{
  const MamoriRegister *people = mamori_register_lookup ("people");
  g_autoptr(GPtrArray) list = mamori_workspace_list_records (self, people, 0, error);

  if (list == NULL)
    return NULL;
  for (guint i = 0; i < list->len; i++)
    if (mamori_same_name (mamori_record_get (list->pdata[i], "name"), name))
      return g_strdup (mamori_record_get (list->pdata[i], "unit"));
  return g_strdup ("");
}

gboolean
mamori_workspace_check_auditor (MamoriWorkspace *self,
                                const char      *auditor,
                                const char      *auditor_unit,
                                const char      *audited_unit,
                                GError         **error)
{
  g_autofree char *unit = NULL;

  if (audited_unit == NULL || *audited_unit == '\0')
    return TRUE;
  if (mamori_same_name (auditor_unit, audited_unit))
    {
      g_set_error (error, MAMORI_REGISTER_ERROR, MAMORI_REGISTER_ERROR_SEGREGATION,
                   _("An auditor from %s cannot audit their own unit: choose an auditor from another unit."),
                   audited_unit);
      return FALSE;
    }
  unit = unit_of (self, auditor, error);
  if (unit == NULL)
    return FALSE;
  if (mamori_same_name (unit, audited_unit))
    {
      g_set_error (error, MAMORI_REGISTER_ERROR, MAMORI_REGISTER_ERROR_SEGREGATION,
                   _("%s belongs to %s (People) and cannot audit their own unit: choose an auditor from another unit."),
                   auditor, audited_unit);
      return FALSE;
    }
  return TRUE;
}

/* --- writes ------------------------------------------------------------------------------- */

static gboolean
bind_values (MamoriStatement    *stmt,
             const MamoriRecord *r,
             GError            **error)
{
  const MamoriRegister *reg = r->reg;
  g_autofree char *now = mamori_workspace_now ();
  int n = 1;

  if (reg->parent_field != NULL && !mamori_statement_bind (stmt, n++, error, "i", r->parent))
    return FALSE;
  for (guint i = 0; i < reg->n_fields; i++, n++)
    {
      const char *v = r->values[i];
      gboolean ok;
      if (is_integer (&reg->fields[i]))
        ok = *v == '\0' ? mamori_statement_bind (stmt, n, error, "n")
                        : mamori_statement_bind (stmt, n, error, "i", g_ascii_strtoll (v, NULL, 10));
      else
        ok = mamori_statement_bind (stmt, n, error, "t", v);
      if (!ok)
        return FALSE;
    }
  return mamori_statement_bind (stmt, n, error, "t", now);
}

static char *
insert_sql (const MamoriRegister *reg)
{
  GString *cols = g_string_new (NULL);
  GString *marks = g_string_new (NULL);
  int n = 1;

  if (reg->parent_field != NULL)
    {
      g_string_append_printf (cols, "%s, ", reg->parent_field);
      g_string_append_printf (marks, "?%d, ", n++);
    }
  for (guint i = 0; i < reg->n_fields; i++)
    {
      g_string_append_printf (cols, "%s, ", reg->fields[i].key);
      g_string_append_printf (marks, "?%d, ", n++);
    }
  g_string_append (cols, "updated_at");
  g_string_append_printf (marks, "?%d", n);
  {
    char *sql = g_strdup_printf ("INSERT INTO %s (%s) VALUES (%s)", reg->key, cols->str, marks->str);
    g_string_free (cols, TRUE);
    g_string_free (marks, TRUE);
    return sql;
  }
}

static char *
update_sql (const MamoriRegister *reg)
{
  GString *s = g_string_new (NULL);
  int n = 1;

  g_string_append_printf (s, "UPDATE %s SET ", reg->key);
  if (reg->parent_field != NULL)
    g_string_append_printf (s, "%s = ?%d, ", reg->parent_field, n++);
  for (guint i = 0; i < reg->n_fields; i++)
    g_string_append_printf (s, "%s = ?%d, ", reg->fields[i].key, n++);
  /* Only over the version the editor read (0: any): a record someone changed meanwhile is not
   * overwritten. */
  g_string_append_printf (s, "updated_at = ?%d, row_version = row_version + 1 WHERE id = ?%d "
                             "AND (CAST (?%d AS bigint) = 0 OR row_version = CAST (?%d AS bigint))", n, n + 1, n + 2, n + 2);
  return g_string_free (s, FALSE);
}

static gboolean
check_record (MamoriWorkspace    *self,
              const MamoriRecord *r,
              GError            **error)
{
  return mamori_record_validate (r, error) && check_references (self, r, error);
}

static gboolean
insert_one (MamoriWorkspace *self,
            MamoriStatement *stmt,
            MamoriRecord    *r,
            GError         **error)
{
  if (!bind_values (stmt, r, error) || !mamori_statement_execute (stmt, error, NULL))
    return FALSE;
  r->id = mamori_statement_last_insert_id (stmt);
  return TRUE;
}

static gboolean
write_record (MamoriWorkspace  *self,
              gpointer          data,
              char            **summary,
              GError          **error)
{
  MamoriRecord *r = data;
  const MamoriRegister *reg = r->reg;
  const char *doing = _("save a record");
  g_autofree char *sql = r->id > 0 ? update_sql (reg) : insert_sql (reg);
  g_autoptr(MamoriStatement) stmt = NULL;

  if (!check_record (self, r, error))
    return FALSE;
  stmt = mamori_statement_new (self, doing, error, sql, "");
  if (stmt == NULL)
    return FALSE;
  if (r->id > 0)
    {
      gint64 now_version = 0;
      if (!bind_values (stmt, r, error) ||
          !mamori_statement_bind (stmt, (int) reg->n_fields + (reg->parent_field ? 3 : 2), error, "ii", r->id, r->version) ||
          !mamori_statement_execute (stmt, error, NULL))
        return FALSE;
      if (mamori_statement_changes (stmt) == 0 && r->version > 0)
        {
          g_autofree char *sql_version = g_strdup_printf ("SELECT row_version FROM %s WHERE id = ?1", reg->key);
          if (!mamori_statement_fetch_int64 (self, doing, &now_version, error, sql_version, "i", r->id))
            return FALSE;
        }
      if (mamori_statement_changes (stmt) == 0 && now_version > 0)
        {
          g_set_error (error, MAMORI_WORKSPACE_ERROR, MAMORI_WORKSPACE_ERROR_CONFLICT,
                       _("Someone else changed this %s after you opened it. Close it and open it again to see "
                         "their version, then make your change again if it still applies."),
                       mamori_register_singular (reg));
          return FALSE;
        }
      if (mamori_statement_changes (stmt) == 0)
        {
          g_set_error (error, MAMORI_WORKSPACE_ERROR, MAMORI_WORKSPACE_ERROR_NOT_FOUND,
                       _("There is no %s with the number %lld."), mamori_register_singular (reg), (long long) r->id);
          return FALSE;
        }
      *summary = g_strdup_printf ("%s %" G_GINT64_FORMAT " updated", reg->key, r->id);
    }
  else
    {
      if (!insert_one (self, stmt, r, error))
        return FALSE;
      *summary = g_strdup_printf ("%s %" G_GINT64_FORMAT " added", reg->key, r->id);
    }
  return TRUE;
}

gboolean
mamori_workspace_save_record (MamoriWorkspace *self,
                              MamoriRecord    *record,
                              GError         **error)
{
  gint64 id = record->id;

  if (!mamori_workspace_write (self, entity_of (record->reg), record->id > 0 ? "update" : "add",
                               _("save a record"), write_record, record, error))
    {
      record->id = id;
      return FALSE;
    }
  /* The record now holds the version it was saved as (a new one starts at 1). */
  record->version = id > 0 ? (record->version > 0 ? record->version + 1 : 0) : 1;
  return TRUE;
}

typedef struct {
  const MamoriRegister *reg;
  gint64 id;
} Delete;

static gboolean
write_delete (MamoriWorkspace  *self,
              gpointer          data,
              char            **summary,
              GError          **error)
{
  Delete *d = data;
  g_autofree char *sql = g_strdup_printf ("DELETE FROM %s WHERE id = ?1", d->reg->key);
  g_autoptr(MamoriStatement) stmt = mamori_statement_new (self, _("delete a record"), error, sql, "i", d->id);

  if (stmt == NULL || !mamori_statement_execute (stmt, error, NULL))
    return FALSE;
  if (mamori_statement_changes (stmt) > 0)
    *summary = g_strdup_printf ("%s %" G_GINT64_FORMAT " deleted", d->reg->key, d->id);
  return TRUE;
}

gboolean
mamori_workspace_delete_record (MamoriWorkspace      *self,
                                const MamoriRegister *reg,
                                gint64                id,
                                GError              **error)
{
  Delete d = { reg, id };

  return mamori_workspace_write (self, entity_of (reg), "delete", _("delete a record"), write_delete, &d, error);
}

typedef struct {
  const MamoriRegister *reg;
  GPtrArray *records;
} Add;

static gboolean
write_add (MamoriWorkspace  *self,
           gpointer          data,
           char            **summary,
           GError          **error)
{
  Add *a = data;
  g_autofree char *sql = insert_sql (a->reg);
  g_autoptr(MamoriStatement) stmt = mamori_statement_new (self, _("add records"), error, sql, "");

  if (stmt == NULL)
    return FALSE;
  for (guint i = 0; i < a->records->len; i++)
    {
      MamoriRecord *r = a->records->pdata[i];
      g_autoptr(GError) local = NULL;
      if (!check_record (self, r, &local) || !insert_one (self, stmt, r, &local))
        {
          g_set_error (error, local->domain, local->code, _("Row %u: %s"), i + 1, local->message);
          return FALSE;
        }
    }
  if (a->records->len > 0)
    *summary = g_strdup_printf ("%s: %u added", a->reg->key, a->records->len);
  return TRUE;
}

gboolean
mamori_workspace_add_records (MamoriWorkspace      *self,
                              const MamoriRegister *reg,
                              GPtrArray            *records,
                              GError              **error)
{
  Add a = { reg, records };
  gboolean ok = mamori_workspace_write (self, entity_of (reg), "import", _("add records"), write_add, &a, error);

  if (!ok)
    for (guint i = 0; i < records->len; i++)
      ((MamoriRecord *) records->pdata[i])->id = 0;
  return ok;
}

/* --- references --------------------------------------------------------------------------- */

static gboolean
label_row (MamoriStatement  *stmt,
           gpointer          data,
           GError          **error)
{
  GHashTable *labels = data;
  gint64 *id = g_new (gint64, 1);

  *id = mamori_statement_int64 (stmt, 0);
  g_hash_table_insert (labels, id, mamori_statement_dup_text (stmt, 1));
  return TRUE;
}

/* SELECT id, label FROM the table ref points at (where adds a condition on id). */
static char *
labels_sql (const char *ref,
            const char *where)
{
  const MamoriRegister *reg = mamori_register_lookup (ref);

  if (reg != NULL)
    return g_strdup_printf ("SELECT id, %s FROM %s%s", reg->label_field, reg->key, where);
  if (g_strcmp0 (ref, "asset") == 0)
    return g_strdup_printf ("SELECT id, CASE WHEN managing_department = '' THEN name "
                            "ELSE name || ' (' || managing_department || ')' END FROM asset%s", where);
  if (g_strcmp0 (ref, "assessment") == 0)
    return g_strdup_printf ("SELECT id, trim (subject || ' ' || assessed_on) FROM assessment%s", where);
  g_return_val_if_reached (NULL);
}

GHashTable *
mamori_workspace_ref_labels (MamoriWorkspace  *self,
                             const char       *ref,
                             GError          **error)
{
  g_autoptr(GHashTable) labels = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, g_free);
  g_autofree char *sql = labels_sql (ref, "");

  if (!mamori_statement_query (self, _("read a register"), label_row, labels, error, sql, ""))
    return NULL;
  return g_steal_pointer (&labels);
}

char *
mamori_workspace_ref_label_of (MamoriWorkspace  *self,
                               const char       *ref,
                               gint64            id,
                               GError          **error)
{
  g_autoptr(GHashTable) labels = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, g_free);
  g_autofree char *sql = labels_sql (ref, " WHERE id = ?1");
  const char *label;

  if (!mamori_statement_query (self, _("read a register"), label_row, labels, error, sql, "i", id))
    return NULL;
  label = g_hash_table_lookup (labels, &id);
  return g_strdup (label ? label : "");
}

const char *
mamori_ref_label (GHashTable *labels,
                  const char *id)
{
  gint64 n;
  const char *label;

  if (labels == NULL || id == NULL || *id == '\0')
    return "";
  n = g_ascii_strtoll (id, NULL, 10);
  label = g_hash_table_lookup (labels, &n);
  return label ? label : "";
}

gboolean
mamori_workspace_count_records (MamoriWorkspace      *self,
                                const MamoriRegister *reg,
                                guint                *count,
                                GError              **error)
{
  g_autofree char *sql = g_strdup_printf ("SELECT count (*) FROM %s", reg->key);
  gint64 n = 0;

  if (!mamori_statement_fetch_int64 (self, _("read a register"), &n, error, sql, ""))
    return FALSE;
  *count = (guint) n;
  return TRUE;
}

int
mamori_workspace_fiscal_start_month (MamoriWorkspace *self)
{
  g_autofree char *value = mamori_workspace_get_setting (self, "fiscal_year_start_month", NULL);
  gint64 month;

  if (value != NULL && g_ascii_string_to_signed (value, 10, 1, 12, &month, NULL))
    return (int) month;
  return 4;
}
