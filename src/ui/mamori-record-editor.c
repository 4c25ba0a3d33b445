/* mamori-record-editor.c — one record of a register in a dialog.
 *
 * The inputs come from the register's fields: an entry row for a line of text, a date or a
 * time (the format hinted beside it and checked as it is typed), a framed text view for long
 * text, a combo row of labels for a choice or a reference, a switch for yes/no, a spin button
 * for a number. Saving goes through mamori_workspace_save_record(); a refused save leaves
 * everything typed in place and shows the store's message above the fields, the field it
 * names marked. A stored record's parts (an incident's reports, a session's attendance…) are
 * lists below with their own editors; adding a part to a new record saves the record first.
 *
 * What the user's role may not change (mamori_workspace_get_access) opens read-only: the
 * inputs do not edit, there is no Save or Delete, and a line above the fields says why; the
 * Add of a part the role may not add is off. An editor's new exception or person starts in
 * their department, and a unit outside their departments is refused before the server would. */
#include "config.h"

#include <glib/gi18n.h>
#include <stdio.h>
#include <string.h>

#include "core/mamori-checklist.h"
#include "core/mamori-calendar.h"
#include "core/mamori-date.h"
#include "core/mamori-training.h"
#include "mamori-record-editor.h"
#include "mamori-record-editor-private.h"
#include "mamori-widget-util.h"
#include "ops/mamori-worker.h"
#include "store/mamori-roles.h"

struct _MamoriRecordEditor {
  AdwWindow parent_instance;

  AdwToastOverlay *toast_overlay;
  AdwWindowTitle *window_title;
  GtkButton *cancel_button;
  GtkButton *save_button;
  GtkMenuButton *more_button;
  GtkBox *note_box;
  GtkLabel *note_label;
  GtkInfoBar *error_bar;
  GtkLabel *error_label;
  GtkBox *content;

  MamoriWorkspace *workspace;
  const MamoriRegister *reg;
  GtkWidget *toast_widget;        /* weak: where a deletion's undo toast goes */
  MamoriRecord *record;           /* as stored (id 0 while new) */
  GHashTable *cache;              /* reference labels */
  GtkWidget **inputs;             /* per field */
  GtkWidget **rows;               /* per field: the widget marked on an error */
  GArray **ref_ids;               /* per REF field: the ids in the combo's order (0 = none) */
  GPtrArray *part_groups;         /* AdwPreferencesGroup per child register */
  GPtrArray *part_rows;           /* the rows currently in the part groups */
  GPtrArray *children;            /* const MamoriRegister* */
  gulong changed_id;
  AdwPreferencesGroup *training_group;  /* a person's training status and pledges */
  AdwPreferencesGroup *pledge_group;
  GPtrArray *related_rows;
  gulong related_id;
  gboolean discarding;
  gboolean read_only;             /* the role may not change this record */
  char *error;
  MamoriWorker *printer;
  char *print_op;
  char *print_path;
};

G_DEFINE_FINAL_TYPE (MamoriRecordEditor, mamori_record_editor, ADW_TYPE_WINDOW)

/* --- showing values -------------------------------------------------------------------------- */

GHashTable *
mamori_ref_cache_new (void)
{
  return g_hash_table_new_full (g_str_hash, g_str_equal, g_free, (GDestroyNotify) g_hash_table_unref);
}

static GHashTable *
ref_labels (MamoriWorkspace *workspace,
            GHashTable      *cache,
            const char      *ref)
{
  GHashTable *labels = g_hash_table_lookup (cache, ref);

  if (labels == NULL && workspace != NULL)
    {
      g_autoptr(GError) error = NULL;
      labels = mamori_workspace_ref_labels (workspace, ref, &error);
      if (labels == NULL)
        {
          g_debug ("reference labels of %s: %s", ref, error->message);
          labels = g_hash_table_new (g_int64_hash, g_int64_equal);
        }
      g_hash_table_insert (cache, g_strdup (ref), labels);
    }
  return labels;
}

static char *
format_date (const char *date)
{
  MamoriDateStyle style = mamori_date_get_default_style ();

  return mamori_date_format (date, mamori_text_user_lang (), style == MAMORI_DATE_ISO ? MAMORI_DATE_WESTERN : style);
}

char *
mamori_record_format (MamoriWorkspace   *workspace,
                      GHashTable        *cache,
                      const MamoriField *field,
                      const char        *value)
{
  if (value == NULL || *value == '\0')
    return g_strdup ("");
  switch (field->type)
    {
    case MAMORI_FIELD_DATE:
      return format_date (value);
    case MAMORI_FIELD_TIME:
      if (strlen (value) == 16)
        {
          g_autofree char *date = g_strndup (value, 10);
          g_autofree char *day = format_date (date);
          return g_strdup_printf ("%s %s", day, value + 11);
        }
      return g_strdup (value);
    case MAMORI_FIELD_CHOICE:
      return g_strdup (mamori_register_choice_label (field, value));
    case MAMORI_FIELD_BOOL:
      return g_strdup (g_str_equal (value, "1") ? mamori_register_field_label (NULL, field) : "");
    case MAMORI_FIELD_REF:
      {
        const char *name;
        if (g_strcmp0 (field->ref, "asset") == 0 && g_hash_table_lookup (cache, field->ref) == NULL)
          {
            /* The ledger may hold 100,000 assets: a list reads only the names it shows. */
            GHashTable *some = g_hash_table_lookup (cache, "asset#some");
            gint64 id = g_ascii_strtoll (value, NULL, 10);
            if (some == NULL)
              {
                some = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, g_free);
                g_hash_table_insert (cache, g_strdup ("asset#some"), some);
              }
            if (!g_hash_table_contains (some, &id) && workspace != NULL)
              {
                g_autoptr(GError) error = NULL;
                char *label = mamori_workspace_ref_label_of (workspace, field->ref, id, &error);
                gint64 *key = g_new (gint64, 1);
                *key = id;
                if (label == NULL)
                  g_debug ("reference label of asset %s: %s", value, error->message);
                g_hash_table_insert (some, key, label ? label : g_strdup (""));
              }
            name = mamori_ref_label (some, value);
          }
        else
          name = mamori_ref_label (ref_labels (workspace, cache, field->ref), value);
        return g_strdup (*name ? name : _("(deleted)"));
      }
    case MAMORI_FIELD_LONG_TEXT:
      {
        /* One line of it in a list. */
        const char *end = strpbrk (value, "\r\n");
        return end ? g_strdup_printf ("%.*s…", (int) (end - value), value) : g_strdup (value);
      }
    case MAMORI_FIELD_TEXT:
    case MAMORI_FIELD_NUMBER:
    default:
      return g_strdup (value);
    }
}

void
mamori_record_row_text (MamoriWorkspace    *workspace,
                        GHashTable         *cache,
                        const MamoriRecord *record,
                        char              **title,
                        char              **subtitle)
{
  const MamoriRegister *reg = record->reg;
  int label = mamori_register_field_index (reg, reg->label_field);
  GString *sub = g_string_new (NULL);
  g_autofree char *name = NULL;
  guint dates = 0;

  if (label >= 0)
    name = mamori_record_format (workspace, cache, &reg->fields[label], record->values[label]);
  /* Two dates side by side need their names ("Notify by", "Notified at"). */
  for (guint i = 0; i < reg->n_fields; i++)
    if (reg->fields[i].listed && (int) i != label &&
        (reg->fields[i].type == MAMORI_FIELD_DATE || reg->fields[i].type == MAMORI_FIELD_TIME))
      dates++;
  for (guint i = 0; i < reg->n_fields; i++)
    {
      g_autofree char *text = NULL;
      if (!reg->fields[i].listed || (int) i == label)
        continue;
      text = mamori_record_format (workspace, cache, &reg->fields[i], record->values[i]);
      if (*text == '\0')
        continue;
      /* A bare number or level says little on its own: "Severity: High". */
      if (reg->fields[i].type == MAMORI_FIELD_NUMBER || g_str_equal (reg->fields[i].key, "severity") ||
          (dates > 1 && (reg->fields[i].type == MAMORI_FIELD_DATE || reg->fields[i].type == MAMORI_FIELD_TIME)))
        {
          /* TRANSLATORS: a field and its value in a list's second line */
          char *labelled = g_strdup_printf (_("%s: %s"), mamori_register_field_label (reg, &reg->fields[i]), text);
          g_free (text);
          text = labelled;
        }
      if (sub->len > 0)
        g_string_append (sub, " · ");
      g_string_append (sub, text);
    }
  if (name == NULL || *name == '\0')
    {
      g_free (name);
      name = g_strdup (_("(untitled)"));
    }
  *title = g_steal_pointer (&name);
  *subtitle = g_string_free (sub, FALSE);
}

/* --- deleting, with undo ---------------------------------------------------------------------- */

typedef struct {
  MamoriWorkspace *workspace;
  MamoriRecord *record;
  GPtrArray *parts;    /* MamoriRecord* */
  GtkWidget *toast_widget;
} Deleted;

static void
deleted_free (Deleted *d)
{
  g_clear_object (&d->workspace);
  mamori_record_free (d->record);
  g_ptr_array_unref (d->parts);
  g_clear_weak_pointer (&d->toast_widget);
  g_free (d);
}

static void
deleted_closure_free (gpointer  data,
                      GClosure *closure)
{
  deleted_free (data);
}

static gboolean
restore_all (MamoriWorkspace *workspace,
             gpointer         data,
             GError         **error)
{
  Deleted *d = data;
  g_autoptr(MamoriRecord) record = mamori_record_copy (d->record);

  record->id = 0;
  if (!mamori_workspace_save_record (workspace, record, error))
    return FALSE;
  for (guint i = 0; i < d->parts->len; i++)
    {
      g_autoptr(MamoriRecord) part = mamori_record_copy (d->parts->pdata[i]);
      part->id = 0;
      part->parent = record->id;
      if (!mamori_workspace_save_record (workspace, part, error))
        return FALSE;
    }
  return TRUE;
}

static void
undo_clicked (AdwToast *toast,
              Deleted  *d)
{
  g_autoptr(GError) error = NULL;

  if (!mamori_workspace_transaction (d->workspace, restore_all, d, &error) && d->toast_widget != NULL)
    mamori_widget_show_error (d->toast_widget, _("Could Not Undo"), error);
}

AdwToast *
mamori_record_delete_with_undo (GtkWidget            *toast_widget,
                                MamoriWorkspace      *workspace,
                                const MamoriRegister *reg,
                                gint64                id)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) children = mamori_register_children (reg);
  g_autofree char *title = NULL;
  Deleted *d;
  AdwToast *toast;
  MamoriRecord *record = mamori_workspace_get_record (workspace, reg, id, &error);

  if (record == NULL)
    {
      mamori_widget_show_error (toast_widget, _("Could Not Delete"), error);
      return NULL;
    }
  d = g_new0 (Deleted, 1);
  d->workspace = g_object_ref (workspace);
  d->record = record;
  d->parts = g_ptr_array_new_with_free_func ((GDestroyNotify) mamori_record_free);
  for (guint i = 0; i < children->len; i++)
    {
      g_autoptr(GPtrArray) parts = mamori_workspace_list_records (workspace, children->pdata[i], id, &error);
      if (parts == NULL)
        break;
      for (guint k = 0; k < parts->len; k++)
        g_ptr_array_add (d->parts, mamori_record_copy (parts->pdata[k]));
    }
  if (error != NULL || !mamori_workspace_delete_record (workspace, reg, id, &error))
    {
      mamori_widget_show_error (toast_widget, _("Could Not Delete"), error);
      deleted_free (d);
      return NULL;
    }
  g_set_weak_pointer (&d->toast_widget, toast_widget);
  {
    g_autoptr(GHashTable) cache = mamori_ref_cache_new ();
    g_autofree char *name = NULL, *sub = NULL;
    mamori_record_row_text (workspace, cache, record, &name, &sub);
    /* TRANSLATORS: a toast; %s is the deleted record's name */
    title = g_markup_printf_escaped (_("Deleted “%s”"), name);
  }
  toast = adw_toast_new (title);
  adw_toast_set_button_label (toast, _("_Undo"));
  adw_toast_set_priority (toast, ADW_TOAST_PRIORITY_HIGH);
  g_signal_connect_data (toast, "button-clicked", G_CALLBACK (undo_clicked), d, deleted_closure_free, 0);
  mamori_widget_add_toast_object (toast_widget, g_object_ref (toast));
  /* The overlay holds it while shown; hand back a pointer that stays valid for the caller. */
  g_object_unref (toast);
  return toast;
}

/* --- the inputs ---------------------------------------------------------------------------------- */

/* "2026/4/1", "2026-4-1" → "2026-04-01"; other text unchanged. */
static char *
normalise_date (const char *text)
{
  int y, m, d, h, min, n = 0;
  char sep;

  if (sscanf (text, "%4d%c%2d%*[-/]%2d%n", &y, &sep, &m, &d, &n) == 4 && (sep == '-' || sep == '/') && text[n] == '\0')
    return g_strdup_printf ("%04d-%02d-%02d", y, m, d);
  n = 0;
  if (sscanf (text, "%4d%c%2d%*[-/]%2d %2d:%2d%n", &y, &sep, &m, &d, &h, &min, &n) == 6 && (sep == '-' || sep == '/') &&
      text[n] == '\0')
    return g_strdup_printf ("%04d-%02d-%02d %02d:%02d", y, m, d, h, min);
  return g_strdup (text);
}

static gboolean
looks_valid (const MamoriField *field,
             const char        *text)
{
  g_autofree char *v = normalise_date (text);
  g_autoptr(MamoriRecord) probe = NULL;
  static const MamoriRegister fake = { 0 };
  MamoriField f = *field;
  MamoriRegister reg = fake;
  g_autoptr(GError) error = NULL;

  if (*text == '\0')
    return TRUE;
  /* Checked as the record would be: one field, not required. */
  f.required = FALSE;
  reg.key = "probe";
  reg.fields = &f;
  reg.n_fields = 1;
  probe = mamori_record_new (&reg);
  g_free (probe->values[0]);
  probe->values[0] = g_strdup (v);
  return mamori_record_validate (probe, &error);
}

static void
entry_changed (GtkEditable *editable,
               gpointer     data)
{
  const MamoriField *field = data;

  if (looks_valid (field, gtk_editable_get_text (editable)))
    gtk_widget_remove_css_class (GTK_WIDGET (editable), "error");
  else
    gtk_widget_add_css_class (GTK_WIDGET (editable), "error");
}

static char *
text_view_text (GtkTextView *view)
{
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (view);
  GtkTextIter start, end;

  gtk_text_buffer_get_bounds (buffer, &start, &end);
  return gtk_text_buffer_get_text (buffer, &start, &end, FALSE);
}

static char *
input_value (MamoriRecordEditor *self,
             guint               i)
{
  const MamoriField *f = &self->reg->fields[i];
  GtkWidget *w = self->inputs[i];

  switch (f->type)
    {
    case MAMORI_FIELD_LONG_TEXT:
      return text_view_text (GTK_TEXT_VIEW (w));
    case MAMORI_FIELD_DATE:
    case MAMORI_FIELD_TIME:
      {
        g_autofree char *typed = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (w))));
        return normalise_date (typed);
      }
    case MAMORI_FIELD_CHOICE:
      {
        guint k = adw_combo_row_get_selected (ADW_COMBO_ROW (w));
        return g_strdup (k == GTK_INVALID_LIST_POSITION ? "" : f->choices[k]);
      }
    case MAMORI_FIELD_BOOL:
      return g_strdup (gtk_switch_get_active (GTK_SWITCH (w)) ? "1" : "0");
    case MAMORI_FIELD_NUMBER:
      return g_strdup_printf ("%d", gtk_spin_button_get_value_as_int (GTK_SPIN_BUTTON (w)));
    case MAMORI_FIELD_REF:
      {
        guint k = adw_combo_row_get_selected (ADW_COMBO_ROW (w));
        gint64 id = k < self->ref_ids[i]->len ? g_array_index (self->ref_ids[i], gint64, k) : 0;
        return id > 0 ? g_strdup_printf ("%" G_GINT64_FORMAT, id) : g_strdup ("");
      }
    case MAMORI_FIELD_TEXT:
    default:
      return g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (w))));
    }
}

static void
set_input (MamoriRecordEditor *self,
           guint               i,
           const char         *value)
{
  const MamoriField *f = &self->reg->fields[i];
  GtkWidget *w = self->inputs[i];

  switch (f->type)
    {
    case MAMORI_FIELD_LONG_TEXT:
      gtk_text_buffer_set_text (gtk_text_view_get_buffer (GTK_TEXT_VIEW (w)), value, -1);
      break;
    case MAMORI_FIELD_CHOICE:
      for (guint k = 0; f->choices[k] != NULL; k++)
        if (g_str_equal (f->choices[k], value))
          adw_combo_row_set_selected (ADW_COMBO_ROW (w), k);
      break;
    case MAMORI_FIELD_BOOL:
      gtk_switch_set_active (GTK_SWITCH (w), g_str_equal (value, "1"));
      break;
    case MAMORI_FIELD_NUMBER:
      if (*value != '\0')
        gtk_spin_button_set_value (GTK_SPIN_BUTTON (w), g_ascii_strtod (value, NULL));
      break;
    case MAMORI_FIELD_REF:
      {
        gint64 id = g_ascii_strtoll (value, NULL, 10);
        for (guint k = 0; k < self->ref_ids[i]->len; k++)
          if (g_array_index (self->ref_ids[i], gint64, k) == id)
            adw_combo_row_set_selected (ADW_COMBO_ROW (w), k);
        break;
      }
    case MAMORI_FIELD_TEXT:
    case MAMORI_FIELD_DATE:
    case MAMORI_FIELD_TIME:
    default:
      gtk_editable_set_text (GTK_EDITABLE (w), value);
      break;
    }
}

void
mamori_record_editor_set_value (MamoriRecordEditor *self,
                                const char         *key,
                                const char         *value)
{
  int i = mamori_register_field_index (self->reg, key);

  g_return_if_fail (i >= 0);
  set_input (self, (guint) i, value);
}

typedef struct {
  gint64 id;
  const char *name;
} RefName;

static int
compare_ref_names (gconstpointer a,
                   gconstpointer b)
{
  const RefName *x = a, *y = b;
  int c = g_utf8_collate (x->name, y->name);

  return c != 0 ? c : (x->id > y->id) - (x->id < y->id);
}

static GtkWidget *
ref_row (MamoriRecordEditor *self,
         guint               i)
{
  const MamoriField *f = &self->reg->fields[i];
  GHashTable *labels = ref_labels (self->workspace, self->cache, f->ref);
  g_autoptr(GArray) names = g_array_new (FALSE, FALSE, sizeof (RefName));
  GtkStringList *model = gtk_string_list_new (NULL);
  GtkWidget *row = adw_combo_row_new ();
  GHashTableIter iter;
  gpointer key, value;

  self->ref_ids[i] = g_array_new (FALSE, FALSE, sizeof (gint64));
  if (!f->required)
    {
      gint64 none = 0;
      gtk_string_list_append (model, _("None"));
      g_array_append_val (self->ref_ids[i], none);
    }
  g_hash_table_iter_init (&iter, labels);
  while (g_hash_table_iter_next (&iter, &key, &value))
    {
      RefName n = { *(gint64 *) key, value };
      g_array_append_val (names, n);
    }
  g_array_sort (names, compare_ref_names);
  for (guint k = 0; k < names->len; k++)
    {
      RefName *n = &g_array_index (names, RefName, k);
      gtk_string_list_append (model, n->name);
      g_array_append_val (self->ref_ids[i], n->id);
    }
  adw_combo_row_set_model (ADW_COMBO_ROW (row), G_LIST_MODEL (model));
  g_object_unref (model);
  return row;
}

static GtkWidget *
new_group (GtkBox     *box,
           const char *title)
{
  GtkWidget *group = adw_preferences_group_new ();

  if (title != NULL)
    adw_preferences_group_set_title (ADW_PREFERENCES_GROUP (group), title);
  gtk_box_append (box, group);
  return group;
}

static void
build_fields (MamoriRecordEditor *self)
{
  const MamoriRegister *reg = self->reg;
  GtkWidget *group = NULL;

  self->inputs = g_new0 (GtkWidget *, reg->n_fields);
  self->rows = g_new0 (GtkWidget *, reg->n_fields);
  self->ref_ids = g_new0 (GArray *, reg->n_fields);
  for (guint i = 0; i < reg->n_fields; i++)
    {
      const MamoriField *f = &reg->fields[i];
      const char *label = mamori_register_field_label (reg, f);
      g_autofree char *title = f->required ? g_strdup_printf (_("%s (required)"), label) : g_strdup (label);
      GtkWidget *row = NULL, *input = NULL;

      switch (f->type)
        {
        case MAMORI_FIELD_LONG_TEXT:
          {
            /* Several lines: a group of its own with the text in a frame. */
            GtkWidget *own = new_group (self->content, title);
            GtkWidget *frame = gtk_frame_new (NULL);
            input = gtk_text_view_new ();
            gtk_text_view_set_wrap_mode (GTK_TEXT_VIEW (input), GTK_WRAP_WORD_CHAR);
            gtk_text_view_set_accepts_tab (GTK_TEXT_VIEW (input), FALSE);
            gtk_text_view_set_left_margin (GTK_TEXT_VIEW (input), 8);
            gtk_text_view_set_right_margin (GTK_TEXT_VIEW (input), 8);
            gtk_text_view_set_top_margin (GTK_TEXT_VIEW (input), 8);
            gtk_text_view_set_bottom_margin (GTK_TEXT_VIEW (input), 8);
            gtk_widget_set_size_request (input, -1, 80);
            gtk_frame_set_child (GTK_FRAME (frame), input);
            gtk_widget_add_css_class (frame, "view");
            gtk_accessible_update_property (GTK_ACCESSIBLE (input), GTK_ACCESSIBLE_PROPERTY_LABEL, label, -1);
            adw_preferences_group_add (ADW_PREFERENCES_GROUP (own), frame);
            row = frame;
            group = NULL;
            break;
          }
        case MAMORI_FIELD_CHOICE:
          {
            GtkStringList *model = gtk_string_list_new (NULL);
            for (guint k = 0; f->choices[k] != NULL; k++)
              gtk_string_list_append (model, mamori_register_choice_label (f, f->choices[k]));
            row = input = adw_combo_row_new ();
            adw_combo_row_set_model (ADW_COMBO_ROW (row), G_LIST_MODEL (model));
            g_object_unref (model);
            break;
          }
        case MAMORI_FIELD_REF:
          row = input = ref_row (self, i);
          break;
        case MAMORI_FIELD_BOOL:
          row = adw_action_row_new ();
          input = gtk_switch_new ();
          gtk_widget_set_valign (input, GTK_ALIGN_CENTER);
          adw_action_row_add_suffix (ADW_ACTION_ROW (row), input);
          adw_action_row_set_activatable_widget (ADW_ACTION_ROW (row), input);
          adw_action_row_set_title_lines (ADW_ACTION_ROW (row), 3);
          break;
        case MAMORI_FIELD_NUMBER:
          row = adw_action_row_new ();
          input = gtk_spin_button_new_with_range (f->min, f->max, 1);
          gtk_widget_set_valign (input, GTK_ALIGN_CENTER);
          adw_action_row_add_suffix (ADW_ACTION_ROW (row), input);
          adw_action_row_set_activatable_widget (ADW_ACTION_ROW (row), input);
          adw_action_row_set_title_lines (ADW_ACTION_ROW (row), 3);
          {
            /* An empty year starts at this one; other numbers at their least. */
            int start = f->min;
            if (strstr (f->key, "year") != NULL)
              {
                g_autoptr(GDateTime) now = g_date_time_new_now_local ();
                start = CLAMP (g_date_time_get_year (now), f->min, f->max);
              }
            gtk_spin_button_set_value (GTK_SPIN_BUTTON (input), start);
          }
          break;
        case MAMORI_FIELD_DATE:
        case MAMORI_FIELD_TIME:
        case MAMORI_FIELD_TEXT:
        default:
          row = input = adw_entry_row_new ();
          adw_entry_row_set_activates_default (ADW_ENTRY_ROW (row), TRUE);
          if (f->type != MAMORI_FIELD_TEXT)
            {
              GtkWidget *hint = gtk_label_new (f->type == MAMORI_FIELD_DATE ? _("YYYY-MM-DD") : _("YYYY-MM-DD HH:MM"));
              gtk_widget_add_css_class (hint, "dim-label");
              gtk_widget_add_css_class (hint, "caption");
              adw_entry_row_add_suffix (ADW_ENTRY_ROW (row), hint);
              g_object_set_data (G_OBJECT (row), "mamori-hint", hint);
              g_signal_connect (row, "changed", G_CALLBACK (entry_changed), (gpointer) f);
            }
          break;
        }
      if (f->type != MAMORI_FIELD_LONG_TEXT)
        {
          adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
          adw_preferences_row_set_use_underline (ADW_PREFERENCES_ROW (row), FALSE);
          if (group == NULL)
            group = new_group (self->content, NULL);
          adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), row);
        }
      self->inputs[i] = input;
      self->rows[i] = row;
    }
}

static MamoriRecord *
collect (MamoriRecordEditor *self)
{
  MamoriRecord *r = mamori_record_copy (self->record);

  for (guint i = 0; i < self->reg->n_fields; i++)
    {
      g_free (r->values[i]);
      r->values[i] = input_value (self, i);
    }
  return r;
}

gboolean
mamori_record_editor_is_dirty (MamoriRecordEditor *self)
{
  g_autoptr(MamoriRecord) now = collect (self);

  return !g_strv_equal ((const char * const *) now->values, (const char * const *) self->record->values);
}

/* --- errors ------------------------------------------------------------------------------------ */

static void
clear_error (MamoriRecordEditor *self)
{
  for (guint i = 0; i < self->reg->n_fields; i++)
    gtk_widget_remove_css_class (self->rows[i], "error");
  gtk_info_bar_set_revealed (self->error_bar, FALSE);
  g_clear_pointer (&self->error, g_free);
}

static void
show_error (MamoriRecordEditor *self,
            const GError       *error)
{
  int marked = -1;

  clear_error (self);
  self->error = g_strdup (error->message);
  gtk_label_set_text (self->error_label, error->message);
  gtk_info_bar_set_revealed (self->error_bar, TRUE);
  /* An exception its applicant approves: both names. Else the field the message names (it
   * begins with the field's label; the longest label that fits, as one label may begin
   * another). */
  if (g_error_matches (error, MAMORI_REGISTER_ERROR, MAMORI_REGISTER_ERROR_SEGREGATION))
    {
      int applicant = mamori_register_field_index (self->reg, "applicant");
      marked = mamori_register_field_index (self->reg, "approver");
      if (applicant >= 0)
        gtk_widget_add_css_class (self->rows[applicant], "error");
    }
  else
    {
      gsize longest = 0;
      for (guint i = 0; i < self->reg->n_fields; i++)
        {
          const char *label = _(self->reg->fields[i].label);
          if (g_str_has_prefix (error->message, label) && strlen (label) > longest)
            {
              longest = strlen (label);
              marked = (int) i;
            }
        }
    }
  if (marked >= 0)
    {
      gtk_widget_add_css_class (self->rows[marked], "error");
      gtk_widget_grab_focus (self->inputs[marked]);
    }
}

/* --- what the user's role may change ---------------------------------------------------------- */

static const MamoriAccess *
access_of (MamoriRecordEditor *self)
{
  return mamori_workspace_get_access (self->workspace);
}

/* Why a control is off: a read-only workspace's reason (a viewer's role, a file opened for
 * reading), else what the role does not allow. */
static const char *
why_not (const MamoriAccess *access,
         const char         *role_says)
{
  return access != NULL && access->read_only != NULL && *access->read_only != '\0' ? access->read_only : role_says;
}

/* The stored record's department (an exception's applicant_unit, a person's unit) as the
 * server's policy reads it, or NULL: none for this register, or a new record. */
static const char *
record_unit (MamoriRecordEditor *self)
{
  const char *field = mamori_access_record_unit_field (self->reg->key);

  return field != NULL && self->record->id > 0 ? mamori_record_get (self->record, field) : NULL;
}

static gboolean
may_delete (MamoriRecordEditor *self)
{
  return !self->read_only && self->record->id > 0 &&
         mamori_access_may_edit_record (access_of (self), self->reg->key, record_unit (self), TRUE);
}

static char *
department_list (const MamoriAccess *access)
{
  /* TRANSLATORS: between two department names in a list */
  return g_strjoinv (_(", "), access->departments);
}

/* Why the role may not change this record, in a line. */
static char *
read_only_reason (MamoriRecordEditor *self,
                  const MamoriAccess *access)
{
  const char *unit = record_unit (self);
  g_autofree char *role = NULL;

  if (access->read_only != NULL)
    return mamori_access_explain (access, MAMORI_ACCESS_REGISTERS);
  if (unit != NULL && access->role == MAMORI_ROLE_EDITOR && access->departments[0] != NULL &&
      mamori_access_may_edit_record (access, self->reg->key, NULL, FALSE))
    {
      g_autofree char *departments = department_list (access);
      if (*unit == '\0')
        /* TRANSLATORS: %s are the user's departments */
        return g_strdup_printf (_("Read-only: this record has no unit; your role changes only the records of %s."), departments);
      /* TRANSLATORS: the first %s is the record's department, the second the user's */
      return g_strdup_printf (_("Read-only: this record belongs to %s; your role changes only the records of %s."), unit, departments);
    }
  role = mamori_access_describe (access);
  /* TRANSLATORS: %s is the user's role ("Viewer", "Editor (Sales)") */
  return g_strdup_printf (_("Read-only: your role, %s, does not let you change this register."), role);
}

/* An entry row's pencil says it edits: gone from a read-only one. The row shows and hides it
 * itself as focus moves, so it is made transparent rather than hidden. */
static void
hide_edit_icon (GtkWidget *widget)
{
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL; child = gtk_widget_get_next_sibling (child))
    {
      if (GTK_IS_IMAGE (child) && (gtk_widget_has_css_class (child, "edit-icon") ||
                                   g_strcmp0 (gtk_image_get_icon_name (GTK_IMAGE (child)), "document-edit-symbolic") == 0))
        gtk_widget_set_opacity (child, 0);
      else
        hide_edit_icon (child);
    }
}

static void
set_input_editable (MamoriRecordEditor *self,
                    guint               i,
                    gboolean            editable)
{
  GtkWidget *w = self->inputs[i];

  switch (self->reg->fields[i].type)
    {
    case MAMORI_FIELD_LONG_TEXT:
      gtk_text_view_set_editable (GTK_TEXT_VIEW (w), editable);
      gtk_text_view_set_cursor_visible (GTK_TEXT_VIEW (w), editable);
      break;
    case MAMORI_FIELD_TEXT:
    case MAMORI_FIELD_DATE:
    case MAMORI_FIELD_TIME:
      /* Still selectable, to copy from. */
      gtk_editable_set_editable (GTK_EDITABLE (w), editable);
      if (!editable)
        hide_edit_icon (w);
      /* The format to type in is no use where nothing is typed. */
      if (g_object_get_data (G_OBJECT (w), "mamori-hint") != NULL)
        gtk_widget_set_visible (g_object_get_data (G_OBJECT (w), "mamori-hint"), editable);
      break;
    case MAMORI_FIELD_CHOICE:
    case MAMORI_FIELD_REF:
    case MAMORI_FIELD_BOOL:
    case MAMORI_FIELD_NUMBER:
    default:
      gtk_widget_set_sensitive (w, editable);
      break;
    }
}

/* Before the parts are built: whether the role may change this record (a new one: add to its
 * register); if not, the inputs do not edit, Save goes and the note says why. */
static void
apply_access (MamoriRecordEditor *self)
{
  const MamoriAccess *access = access_of (self);
  const char *unit_field = mamori_access_record_unit_field (self->reg->key);
  g_autofree char *why = NULL;

  if (self->record->id > 0)
    self->read_only = !mamori_access_may_edit_record (access, self->reg->key, record_unit (self), FALSE);
  else
    self->read_only = !mamori_access_may_add_record (access, self->reg->key);
  if (!self->read_only)
    {
      /* An editor of one department adds records of it. */
      if (self->record->id <= 0 && unit_field != NULL && !mamori_access_is_officer (access) &&
          access->departments[0] != NULL && access->departments[1] == NULL &&
          *mamori_record_get (self->record, unit_field) == '\0')
        mamori_record_editor_preset (self, unit_field, access->departments[0]);
      return;
    }
  why = read_only_reason (self, access);
  gtk_label_set_text (self->note_label, why);
  gtk_widget_set_visible (GTK_WIDGET (self->note_box), TRUE);
  gtk_widget_set_visible (GTK_WIDGET (self->save_button), FALSE);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "editor.save", FALSE);
  gtk_button_set_label (self->cancel_button, _("_Close"));
  for (guint i = 0; i < self->reg->n_fields; i++)
    set_input_editable (self, i, FALSE);
}

/* An editor keeps the records of their departments: another unit is refused here, in words,
 * before the server refuses it. The message begins with the field's label (show_error marks it). */
static gboolean
check_unit (MamoriRecordEditor *self,
            const MamoriRecord *record,
            GError            **error)
{
  const char *unit_field = mamori_access_record_unit_field (self->reg->key);
  const MamoriAccess *access = access_of (self);
  const MamoriField *field;
  g_autofree char *departments = NULL;

  if (unit_field == NULL ||
      mamori_access_may_edit_record (access, self->reg->key, mamori_record_get (record, unit_field), FALSE))
    return TRUE;
  field = mamori_register_field (self->reg, unit_field);
  departments = department_list (access);
  /* TRANSLATORS: the first %s is a field's label ("Unit"), the second the user's departments */
  g_set_error (error, MAMORI_WORKSPACE_ERROR, MAMORI_WORKSPACE_ERROR_READ_ONLY,
               _("%s: your role keeps only the records of %s; enter one of them."), _(field->label), departments);
  return FALSE;
}

gboolean
mamori_record_editor_is_read_only (MamoriRecordEditor *self)
{
  return self->read_only;
}

const char *
mamori_record_editor_get_note (MamoriRecordEditor *self)
{
  return gtk_widget_get_visible (GTK_WIDGET (self->note_box)) ? gtk_label_get_text (self->note_label) : NULL;
}

/* --- parts --------------------------------------------------------------------------------------- */

static void update_title (MamoriRecordEditor *self);
static void update_menu (MamoriRecordEditor *self);
static void fill_parts (MamoriRecordEditor *self);

static MamoriRecordEditor *
open_part (MamoriRecordEditor   *self,
           const MamoriRegister *child,
           gint64                id)
{
  MamoriRecordEditor *editor = mamori_record_editor_new (self->workspace, GTK_WINDOW (self), GTK_WIDGET (self->content),
                                                         child, id, self->record->id);
  gtk_window_present (GTK_WINDOW (editor));
  return editor;
}

static void
part_activated (AdwActionRow       *row,
                MamoriRecordEditor *self)
{
  const MamoriRegister *child = g_object_get_data (G_OBJECT (row), "mamori-register");
  gint64 id = GPOINTER_TO_SIZE (g_object_get_data (G_OBJECT (row), "mamori-id"));

  open_part (self, child, id);
}

static void
part_delete_clicked (GtkButton          *button,
                     MamoriRecordEditor *self)
{
  const MamoriRegister *child = g_object_get_data (G_OBJECT (button), "mamori-register");
  gint64 id = GPOINTER_TO_SIZE (g_object_get_data (G_OBJECT (button), "mamori-id"));

  mamori_record_delete_with_undo (GTK_WIDGET (self->content), self->workspace, child, id);
}

/* A part cannot exist without its record: a new record is saved before its first part. */
static gboolean
ensure_saved (MamoriRecordEditor *self)
{
  return self->record->id > 0 || mamori_record_editor_save (self);
}

MamoriRecordEditor *
mamori_record_editor_add_part (MamoriRecordEditor *self,
                               const char         *key)
{
  const MamoriRegister *child = mamori_register_lookup (key);

  g_return_val_if_fail (child != NULL && g_strcmp0 (child->parent, self->reg->key) == 0, NULL);
  if (!ensure_saved (self))
    return NULL;
  return open_part (self, child, 0);
}

static void
add_part_clicked (GtkButton          *button,
                  MamoriRecordEditor *self)
{
  const MamoriRegister *child = g_object_get_data (G_OBJECT (button), "mamori-register");

  mamori_record_editor_add_part (self, child->key);
}

/* Attendance: everyone chosen at once. */
static void
attendees_response (AdwMessageDialog   *dialog,
                    const char         *response,
                    MamoriRecordEditor *self)
{
  GPtrArray *checks = g_object_get_data (G_OBJECT (dialog), "mamori-checks");
  const MamoriRegister *child = mamori_register_lookup ("attendance");
  g_autoptr(GPtrArray) records = g_ptr_array_new_with_free_func ((GDestroyNotify) mamori_record_free);
  g_autoptr(GError) error = NULL;

  if (!g_str_equal (response, "add"))
    return;
  for (guint i = 0; i < checks->len; i++)
    if (gtk_check_button_get_active (checks->pdata[i]))
      {
        MamoriRecord *r = mamori_record_new (child);
        g_autofree char *id = g_strdup_printf ("%" G_GSIZE_FORMAT, GPOINTER_TO_SIZE (g_object_get_data (checks->pdata[i], "mamori-id")));
        r->parent = self->record->id;
        mamori_record_set (r, "person", id);
        g_ptr_array_add (records, r);
      }
  if (records->len > 0 && !mamori_workspace_add_records (self->workspace, child, records, &error))
    mamori_widget_show_error (GTK_WIDGET (self), _("Could Not Add the Attendees"), error);
}

static void
add_attendees_clicked (GtkButton          *button,
                       MamoriRecordEditor *self)
{
  const MamoriRegister *child = mamori_register_lookup ("attendance");
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) present = NULL;
  g_autoptr(GPtrArray) people = NULL;
  GPtrArray *checks;
  GtkWidget *dialog, *scroller, *box;

  if (!ensure_saved (self))
    return;
  present = mamori_workspace_list_records (self->workspace, child, self->record->id, &error);
  people = present ? mamori_workspace_list_records (self->workspace, mamori_register_lookup ("people"), 0, &error) : NULL;
  if (people == NULL)
    {
      mamori_widget_show_error (GTK_WIDGET (self), _("Could Not Read the People"), error);
      return;
    }
  dialog = adw_message_dialog_new (GTK_WINDOW (self), _("Add Attendees"),
                                   _("Everyone ticked attended this session."));
  box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  checks = g_ptr_array_new ();
  for (guint i = 0; i < people->len; i++)
    {
      const MamoriRecord *p = people->pdata[i];
      g_autofree char *id = g_strdup_printf ("%" G_GINT64_FORMAT, p->id);
      g_autofree char *text = NULL;
      gboolean there = FALSE;
      GtkWidget *check;

      for (guint k = 0; k < present->len && !there; k++)
        there = g_str_equal (mamori_record_get (present->pdata[k], "person"), id);
      if (there || *mamori_record_get (p, "left_on") != '\0')
        continue;
      text = *mamori_record_get (p, "unit") ? g_strdup_printf ("%s (%s)", mamori_record_get (p, "name"), mamori_record_get (p, "unit"))
                                            : g_strdup (mamori_record_get (p, "name"));
      check = gtk_check_button_new_with_label (text);
      g_object_set_data (G_OBJECT (check), "mamori-id", GSIZE_TO_POINTER ((gsize) p->id));
      gtk_box_append (GTK_BOX (box), check);
      g_ptr_array_add (checks, check);
    }
  if (checks->len == 0)
    gtk_box_append (GTK_BOX (box), gtk_label_new (_("Everyone in the people register is already listed.")));
  scroller = gtk_scrolled_window_new ();
  gtk_scrolled_window_set_policy (GTK_SCROLLED_WINDOW (scroller), GTK_POLICY_NEVER, GTK_POLICY_AUTOMATIC);
  gtk_scrolled_window_set_max_content_height (GTK_SCROLLED_WINDOW (scroller), 320);
  gtk_scrolled_window_set_propagate_natural_height (GTK_SCROLLED_WINDOW (scroller), TRUE);
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scroller), box);
  adw_message_dialog_set_extra_child (ADW_MESSAGE_DIALOG (dialog), scroller);
  g_object_set_data_full (G_OBJECT (dialog), "mamori-checks", checks, (GDestroyNotify) g_ptr_array_unref);
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog), "cancel", _("_Cancel"), "add", _("_Add"), NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "add", ADW_RESPONSE_SUGGESTED);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "add");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  g_signal_connect (dialog, "response", G_CALLBACK (attendees_response), self);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
build_parts (MamoriRecordEditor *self)
{
  self->children = mamori_register_children (self->reg);
  self->part_groups = g_ptr_array_new ();
  self->part_rows = g_ptr_array_new ();
  for (guint c = 0; c < self->children->len; c++)
    {
      const MamoriRegister *child = self->children->pdata[c];
      GtkWidget *group = new_group (self->content, mamori_register_title (child));
      GtkWidget *buttons = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
      GtkWidget *add = gtk_button_new_from_icon_name ("list-add-symbolic");
      g_autofree char *tip = g_strdup_printf (_("Add: %s"), mamori_register_singular (child));
      gboolean may_add = !self->read_only && mamori_access_may_add_record (access_of (self), child->key);

      gtk_widget_add_css_class (add, "flat");
      gtk_widget_set_tooltip_text (add, may_add ? tip : why_not (access_of (self), _("Your role does not let you add records here")));
      gtk_widget_set_sensitive (add, may_add);
      gtk_accessible_update_property (GTK_ACCESSIBLE (add), GTK_ACCESSIBLE_PROPERTY_LABEL, tip, -1);
      g_object_set_data (G_OBJECT (add), "mamori-register", (gpointer) child);
      g_signal_connect (add, "clicked", G_CALLBACK (add_part_clicked), self);
      if (g_str_equal (child->key, "attendance"))
        {
          GtkWidget *many = gtk_button_new_from_icon_name ("system-users-symbolic");
          gtk_widget_add_css_class (many, "flat");
          gtk_widget_set_tooltip_text (many, may_add ? _("Add Several People…")
                                                 : why_not (access_of (self), _("Your role does not let you add records here")));
          gtk_widget_set_sensitive (many, may_add);
          gtk_accessible_update_property (GTK_ACCESSIBLE (many), GTK_ACCESSIBLE_PROPERTY_LABEL, _("Add Several People…"), -1);
          g_signal_connect (many, "clicked", G_CALLBACK (add_attendees_clicked), self);
          gtk_box_append (GTK_BOX (buttons), many);
        }
      gtk_box_append (GTK_BOX (buttons), add);
      adw_preferences_group_set_header_suffix (ADW_PREFERENCES_GROUP (group), buttons);
      g_object_set_data (G_OBJECT (group), "mamori-register", (gpointer) child);
      g_ptr_array_add (self->part_groups, group);
    }
  fill_parts (self);
}

static void
fill_parts (MamoriRecordEditor *self)
{
  g_autoptr(GHashTable) cache = mamori_ref_cache_new ();

  for (guint i = 0; i < self->part_rows->len; i++)
    {
      GtkWidget *row = self->part_rows->pdata[i];
      adw_preferences_group_remove (ADW_PREFERENCES_GROUP (gtk_widget_get_ancestor (row, ADW_TYPE_PREFERENCES_GROUP)), row);
    }
  g_ptr_array_set_size (self->part_rows, 0);
  for (guint c = 0; c < self->part_groups->len; c++)
    {
      AdwPreferencesGroup *group = self->part_groups->pdata[c];
      const MamoriRegister *child = self->children->pdata[c];
      g_autoptr(GPtrArray) parts = NULL;
      g_autoptr(GError) error = NULL;
      gboolean may_delete_part = !self->read_only &&
                                 mamori_access_may_edit_record (access_of (self), child->key, NULL, TRUE);

      if (self->record->id <= 0)
        {
          adw_preferences_group_set_description (group, _("Added once the record is saved: Add saves it first."));
          continue;
        }
      parts = mamori_workspace_list_records (self->workspace, child, self->record->id, &error);
      if (parts == NULL)
        {
          adw_preferences_group_set_description (group, error->message);
          continue;
        }
      adw_preferences_group_set_description (group, parts->len == 0 ? _("None yet.") : NULL);
      for (guint i = 0; i < parts->len; i++)
        {
          const MamoriRecord *part = parts->pdata[i];
          g_autofree char *title = NULL, *subtitle = NULL;
          GtkWidget *row = adw_action_row_new ();

          mamori_record_row_text (self->workspace, cache, part, &title, &subtitle);
          adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
          adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
          adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
          adw_action_row_set_title_lines (ADW_ACTION_ROW (row), 2);
          adw_action_row_set_subtitle_lines (ADW_ACTION_ROW (row), 2);
          gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), TRUE);
          g_object_set_data (G_OBJECT (row), "mamori-register", (gpointer) child);
          g_object_set_data (G_OBJECT (row), "mamori-id", GSIZE_TO_POINTER ((gsize) part->id));
          g_signal_connect (row, "activated", G_CALLBACK (part_activated), self);
          /* No trash for a part the role may not delete (an editor's incident reports). */
          if (may_delete_part)
            {
              GtkWidget *del = gtk_button_new_from_icon_name ("user-trash-symbolic");
              gtk_widget_add_css_class (del, "flat");
              gtk_widget_set_valign (del, GTK_ALIGN_CENTER);
              gtk_widget_set_tooltip_text (del, _("Delete"));
              g_object_set_data (G_OBJECT (del), "mamori-register", (gpointer) child);
              g_object_set_data (G_OBJECT (del), "mamori-id", GSIZE_TO_POINTER ((gsize) part->id));
              g_signal_connect (del, "clicked", G_CALLBACK (part_delete_clicked), self);
              adw_action_row_add_suffix (ADW_ACTION_ROW (row), del);
            }
          adw_preferences_group_add (group, row);
          g_ptr_array_add (self->part_rows, row);
        }
    }
}

guint
mamori_record_editor_get_n_parts (MamoriRecordEditor *self,
                                  const char         *child)
{
  guint n = 0;

  for (guint i = 0; i < self->part_rows->len; i++)
    n += g_str_equal (((const MamoriRegister *) g_object_get_data (self->part_rows->pdata[i], "mamori-register"))->key, child);
  return n;
}

static void
workspace_changed (MamoriWorkspace    *workspace,
                   const char         *entity,
                   MamoriRecordEditor *self)
{
  if (self->children->len > 0 && self->record->id > 0)
    fill_parts (self);
}

/* --- a person's training and pledges ------------------------------------------------------------ */

void
mamori_record_editor_preset (MamoriRecordEditor *self,
                             const char         *key,
                             const char         *value)
{
  int i = mamori_register_field_index (self->reg, key);

  g_return_if_fail (i >= 0);
  set_input (self, (guint) i, value);
  g_free (self->record->values[i]);
  self->record->values[i] = input_value (self, (guint) i);
}

static void
pledge_activated (AdwActionRow       *row,
                  MamoriRecordEditor *self)
{
  gint64 id = GPOINTER_TO_SIZE (g_object_get_data (G_OBJECT (row), "mamori-id"));
  MamoriRecordEditor *editor = mamori_record_editor_new (self->workspace, GTK_WINDOW (self), GTK_WIDGET (self->content),
                                                         mamori_register_lookup ("pledges"), id, 0);
  gtk_window_present (GTK_WINDOW (editor));
}

static void
add_pledge_clicked (GtkButton          *button,
                    MamoriRecordEditor *self)
{
  g_autofree char *person = NULL;
  MamoriRecordEditor *editor;

  if (self->record->id <= 0 && !mamori_record_editor_save (self))
    return;
  person = g_strdup_printf ("%" G_GINT64_FORMAT, self->record->id);
  editor = mamori_record_editor_new (self->workspace, GTK_WINDOW (self), GTK_WIDGET (self->content),
                                     mamori_register_lookup ("pledges"), 0, 0);
  mamori_record_editor_preset (editor, "person", person);
  gtk_window_present (GTK_WINDOW (editor));
}

static void
fill_related (MamoriRecordEditor *self)
{
  const char *keys[] = { "people", "trainings", "attendance", "pledges" };
  GPtrArray *lists[G_N_ELEMENTS (keys)] = { NULL };
  g_autoptr(GError) error = NULL;
  g_autofree char *id = g_strdup_printf ("%" G_GINT64_FORMAT, self->record->id);
  const MamoriField date = { "date", "", MAMORI_FIELD_DATE };
  const MamoriField *kind = mamori_register_field (mamori_register_lookup ("pledges"), "kind");

  for (guint i = 0; i < self->related_rows->len; i++)
    {
      GtkWidget *row = self->related_rows->pdata[i];
      adw_preferences_group_remove (ADW_PREFERENCES_GROUP (gtk_widget_get_ancestor (row, ADW_TYPE_PREFERENCES_GROUP)), row);
    }
  g_ptr_array_set_size (self->related_rows, 0);
  gtk_widget_set_visible (GTK_WIDGET (self->training_group), self->record->id > 0);
  if (self->record->id <= 0)
    {
      adw_preferences_group_set_description (self->pledge_group, _("Added once the record is saved: Add saves it first."));
      return;
    }
  for (guint i = 0; i < G_N_ELEMENTS (keys) && error == NULL; i++)
    lists[i] = mamori_workspace_list_records (self->workspace, mamori_register_lookup (keys[i]), 0, &error);
  if (error != NULL)
    adw_preferences_group_set_description (self->pledge_group, error->message);
  else
    {
      g_autofree char *today = mamori_today ();
      g_autoptr(GPtrArray) statuses = mamori_training_statuses (lists[0], lists[1], lists[2], lists[3], today,
                                                                mamori_workspace_fiscal_start_month (self->workspace));
      guint pledges = 0;

      gtk_widget_set_visible (GTK_WIDGET (self->training_group), FALSE);
      for (guint i = 0; i < statuses->len; i++)
        {
          const MamoriTrainingStatus *st = statuses->pdata[i];
          GString *sub;
          g_autofree char *subtitle = NULL;
          GtkWidget *row;

          if (st->person->id != self->record->id)
            continue;
          sub = g_string_new (NULL);
          if (*st->due_on)
            {
              g_autofree char *d = mamori_record_format (NULL, NULL, &date, st->due_on);
              g_string_append_printf (sub, _("due %s"), d);
            }
          if (*st->last_trained)
            {
              g_autofree char *d = mamori_record_format (NULL, NULL, &date, st->last_trained);
              if (sub->len > 0)
                g_string_append (sub, " · ");
              g_string_append_printf (sub, _("last trained %s"), d);
            }
          subtitle = g_string_free (sub, FALSE);
          row = adw_action_row_new ();
          adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
          adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), mamori_training_state_label (st->state));
          adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
          if (st->overdue)
            gtk_widget_add_css_class (row, "error");
          adw_preferences_group_add (self->training_group, row);
          g_ptr_array_add (self->related_rows, row);
          gtk_widget_set_visible (GTK_WIDGET (self->training_group), TRUE);
        }
      for (guint i = 0; i < lists[3]->len; i++)
        {
          const MamoriRecord *p = lists[3]->pdata[i];
          g_autofree char *signed_on = NULL;
          GtkWidget *row;

          if (!g_str_equal (mamori_record_get (p, "person"), id))
            continue;
          signed_on = mamori_record_format (NULL, NULL, &date, mamori_record_get (p, "signed_on"));
          row = adw_action_row_new ();
          adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
          adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), signed_on);
          adw_action_row_set_subtitle (ADW_ACTION_ROW (row), mamori_register_choice_label (kind, mamori_record_get (p, "kind")));
          gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), TRUE);
          g_object_set_data (G_OBJECT (row), "mamori-id", GSIZE_TO_POINTER ((gsize) p->id));
          g_signal_connect (row, "activated", G_CALLBACK (pledge_activated), self);
          adw_action_row_add_suffix (ADW_ACTION_ROW (row), gtk_image_new_from_icon_name ("go-next-symbolic"));
          adw_preferences_group_add (self->pledge_group, row);
          g_ptr_array_add (self->related_rows, row);
          pledges++;
        }
      adw_preferences_group_set_description (self->pledge_group, pledges == 0 ? _("No confidentiality pledge signed yet.") : NULL);
    }
  for (guint i = 0; i < G_N_ELEMENTS (keys); i++)
    if (lists[i] != NULL)
      g_ptr_array_unref (lists[i]);
}

static void
related_changed (MamoriWorkspace    *workspace,
                 const char         *entity,
                 MamoriRecordEditor *self)
{
  if (g_str_equal (entity, "pledges") || g_str_equal (entity, "trainings") || g_str_equal (entity, "people"))
    fill_related (self);
}

/* A person's record shows their training status and their pledges (records of other registers
 * that name them). */
static void
build_related (MamoriRecordEditor *self)
{
  GtkWidget *add;

  if (!g_str_equal (self->reg->key, "people"))
    return;
  self->related_rows = g_ptr_array_new ();
  self->training_group = ADW_PREFERENCES_GROUP (new_group (self->content, _("Training Status")));
  self->pledge_group = ADW_PREFERENCES_GROUP (new_group (self->content, mamori_register_title (mamori_register_lookup ("pledges"))));
  add = gtk_button_new_from_icon_name ("list-add-symbolic");
  gtk_widget_add_css_class (add, "flat");
  if (mamori_access_may_add_record (access_of (self), "pledges"))
    gtk_widget_set_tooltip_text (add, _("Add a Pledge"));
  else
    {
      gtk_widget_set_tooltip_text (add, why_not (access_of (self), _("Your role does not let you add records here")));
      gtk_widget_set_sensitive (add, FALSE);
    }
  gtk_accessible_update_property (GTK_ACCESSIBLE (add), GTK_ACCESSIBLE_PROPERTY_LABEL, _("Add a Pledge"), -1);
  g_signal_connect (add, "clicked", G_CALLBACK (add_pledge_clicked), self);
  adw_preferences_group_set_header_suffix (self->pledge_group, add);
  self->related_id = g_signal_connect (self->workspace, "changed", G_CALLBACK (related_changed), self);
  fill_related (self);
}

/* --- saving, closing, printing ----------------------------------------------------------------- */

gboolean
mamori_record_editor_save (MamoriRecordEditor *self)
{
  g_autoptr(MamoriRecord) record = collect (self);
  g_autoptr(GError) error = NULL;
  gboolean was_new = self->record->id <= 0;

  if (self->read_only)
    return FALSE;
  if (!check_unit (self, record, &error) || !mamori_workspace_save_record (self->workspace, record, &error))
    {
      show_error (self, error);
      return FALSE;
    }
  clear_error (self);
  mamori_record_free (self->record);
  self->record = g_steal_pointer (&record);
  update_title (self);
  if (was_new)
    fill_parts (self);
  if (was_new && self->related_rows != NULL)
    fill_related (self);
  return TRUE;
}

const char *
mamori_record_editor_get_error (MamoriRecordEditor *self)
{
  return self->error;
}

gint64
mamori_record_editor_get_id (MamoriRecordEditor *self)
{
  return self->record->id;
}

static void
save_action (GtkWidget  *widget,
             const char *name,
             GVariant   *parameter)
{
  MamoriRecordEditor *self = MAMORI_RECORD_EDITOR (widget);

  if (mamori_record_editor_save (self))
    {
      self->discarding = TRUE;
      gtk_window_close (GTK_WINDOW (self));
    }
}

static void
delete_action (GtkWidget  *widget,
               const char *name,
               GVariant   *parameter)
{
  MamoriRecordEditor *self = MAMORI_RECORD_EDITOR (widget);

  if (!may_delete (self))
    return;
  if (mamori_record_delete_with_undo (self->toast_widget ? self->toast_widget : GTK_WIDGET (self->content),
                                      self->workspace, self->reg, self->record->id) != NULL)
    {
      self->discarding = TRUE;
      gtk_window_close (GTK_WINDOW (self));
    }
}

static void
printed (gpointer        owner,
         MamoriOpResult *result,
         const GError   *error)
{
  MamoriRecordEditor *self = owner;

  if (error != NULL)
    mamori_widget_show_op_error (GTK_WIDGET (self->content), _("Could Not Print"), result, error);
  else
    mamori_widget_add_saved_toast (GTK_WIDGET (self->content), self->print_path);
}

void
mamori_record_editor_print (MamoriRecordEditor *self,
                            const char         *path)
{
  const MamoriOp *op = self->print_op ? mamori_op_find (MAMORI_OP_EXPORT, self->print_op) : NULL;
  g_autofree char *id = g_strdup_printf ("%" G_GINT64_FORMAT, self->record->id);
  MamoriOpRequest request = { .id = id, .path = path };

  if (op == NULL || path == NULL || self->record->id <= 0)
    return;
  if (self->printer == NULL)
    self->printer = mamori_worker_new (self);
  g_free (self->print_path);
  self->print_path = g_strdup (path);
  mamori_worker_run_op (self->printer, op, mamori_workspace_get_path (self->workspace), &request, printed);
}

static void
print_chosen (GtkNativeDialog    *dialog,
              int                 response,
              MamoriRecordEditor *self)
{
  if (response == GTK_RESPONSE_ACCEPT)
    {
      g_autofree char *path = mamori_export_chooser_get_path (GTK_FILE_CHOOSER (dialog));
      mamori_record_editor_print (self, path);
    }
  gtk_native_dialog_destroy (dialog);
  g_object_unref (dialog);
}

static void
print_action (GtkWidget  *widget,
              const char *name,
              GVariant   *parameter)
{
  MamoriRecordEditor *self = MAMORI_RECORD_EDITOR (widget);
  const MamoriOp *op = self->print_op ? mamori_op_find (MAMORI_OP_EXPORT, self->print_op) : NULL;
  g_auto(GStrv) extensions = NULL;
  g_autofree char *file = NULL;
  GtkFileChooserNative *chooser;

  if (op == NULL || self->record->id <= 0 || (mamori_record_editor_is_dirty (self) && !mamori_record_editor_save (self)))
    return;
  extensions = g_strsplit (op->extensions, " ", 2);
  file = g_strdup_printf ("%s-%" G_GINT64_FORMAT "%s", op->name, self->record->id, extensions[0]);
  chooser = gtk_file_chooser_native_new (_(op->label), GTK_WINDOW (self), GTK_FILE_CHOOSER_ACTION_SAVE, _("_Save"), _("_Cancel"));
  gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (chooser), file);
  mamori_export_chooser_add_extensions (GTK_FILE_CHOOSER (chooser), op->extensions);
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (chooser), TRUE);
  g_signal_connect (chooser, "response", G_CALLBACK (print_chosen), self);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (chooser));
}

static void
discard_response (AdwMessageDialog   *dialog,
                  const char         *response,
                  MamoriRecordEditor *self)
{
  if (g_str_equal (response, "discard"))
    {
      self->discarding = TRUE;
      gtk_window_close (GTK_WINDOW (self));
    }
  else if (g_str_equal (response, "save"))
    gtk_widget_activate_action (GTK_WIDGET (self), "editor.save", NULL);
}

static gboolean
mamori_record_editor_close_request (GtkWindow *window)
{
  MamoriRecordEditor *self = MAMORI_RECORD_EDITOR (window);
  GtkWidget *dialog;

  if (self->discarding || self->workspace == NULL || !mamori_record_editor_is_dirty (self))
    return GTK_WINDOW_CLASS (mamori_record_editor_parent_class)->close_request (window);
  dialog = adw_message_dialog_new (window, _("Discard Changes?"), _("What you changed in this record has not been saved."));
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog), "cancel", _("_Keep Editing"), "discard", _("_Discard"),
                                    "save", _("_Save"), NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "discard", ADW_RESPONSE_DESTRUCTIVE);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "save", ADW_RESPONSE_SUGGESTED);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "save");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  g_signal_connect (dialog, "response", G_CALLBACK (discard_response), self);
  gtk_window_present (GTK_WINDOW (dialog));
  return TRUE;
}

static void
update_title (MamoriRecordEditor *self)
{
  gboolean stored = self->record->id > 0;

  adw_window_title_set_title (self->window_title, mamori_register_singular (self->reg));
  if (stored)
    {
      g_autofree char *title = NULL, *subtitle = NULL;
      mamori_record_row_text (self->workspace, self->cache, self->record, &title, &subtitle);
      adw_window_title_set_subtitle (self->window_title, title);
      gtk_window_set_title (GTK_WINDOW (self), title);
    }
  else
    {
      adw_window_title_set_subtitle (self->window_title, _("New"));
      gtk_window_set_title (GTK_WINDOW (self), mamori_register_singular (self->reg));
    }
  update_menu (self);
}

/* Printing forms of one record: a person's pledge, a session's attendance sheet. */
static const char *
print_op_for (const MamoriRegister *reg,
              const char          **label);

/* More: printing a stored record's form; deleting it when the role may. */
static void
update_menu (MamoriRecordEditor *self)
{
  g_autoptr(GMenu) menu = g_menu_new ();
  gboolean stored = self->record->id > 0;
  gboolean deletable = may_delete (self);
  const char *print_label = NULL;

  if (self->print_op != NULL && print_op_for (self->reg, &print_label) != NULL)
    g_menu_append (menu, print_label, "editor.print");
  if (deletable)
    g_menu_append (menu, _("_Delete"), "editor.delete");
  gtk_menu_button_set_menu_model (self->more_button, G_MENU_MODEL (menu));
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "editor.delete", deletable);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "editor.print", stored && self->print_op != NULL);
  gtk_widget_set_visible (GTK_WIDGET (self->more_button), stored && g_menu_model_get_n_items (G_MENU_MODEL (menu)) > 0);
}

static const char *
print_op_for (const MamoriRegister *reg,
              const char          **label)
{
  if (g_str_equal (reg->key, "people") && mamori_op_find (MAMORI_OP_EXPORT, "pledge-form-for") != NULL)
    {
      *label = _("Print Pledge Form…");
      return "pledge-form-for";
    }
  if (g_str_equal (reg->key, "trainings") && mamori_op_find (MAMORI_OP_EXPORT, "attendance-sheet") != NULL)
    {
      *label = _("Print Attendance Sheet…");
      return "attendance-sheet";
    }
  return NULL;
}

MamoriRecordEditor *
mamori_record_editor_new (MamoriWorkspace      *workspace,
                          GtkWindow            *transient_for,
                          GtkWidget            *toast_widget,
                          const MamoriRegister *reg,
                          gint64                id,
                          gint64                parent)
{
  MamoriRecordEditor *self = g_object_new (MAMORI_TYPE_RECORD_EDITOR, "transient-for", transient_for, NULL);
  const char *print_label = NULL;
  MamoriRecord *record = NULL;

  self->workspace = g_object_ref (workspace);
  self->reg = reg;
  g_set_weak_pointer (&self->toast_widget, toast_widget);
  if (id > 0)
    {
      g_autoptr(GError) error = NULL;
      record = mamori_workspace_get_record (workspace, reg, id, &error);
      if (record == NULL && toast_widget != NULL)
        mamori_widget_show_error (toast_widget, _("Could Not Open the Record"), error);
    }
  if (record == NULL)
    {
      record = mamori_record_new (reg);
      record->parent = parent;
    }
  self->record = record;
  build_fields (self);
  /* The record's values, then what the inputs make of them: a new record's empty number or
   * reference takes its input's first value, and is not an unsaved change. */
  for (guint i = 0; i < reg->n_fields; i++)
    set_input (self, i, record->values[i]);
  for (guint i = 0; i < reg->n_fields; i++)
    {
      g_free (record->values[i]);
      record->values[i] = input_value (self, i);
    }
  apply_access (self);
  build_parts (self);
  build_related (self);
  self->print_op = g_strdup (print_op_for (reg, &print_label));
  update_title (self);
  if (self->children->len > 0)
    {
      g_autofree char *signal = g_strdup_printf ("changed::%s", reg->key);
      self->changed_id = g_signal_connect (workspace, signal, G_CALLBACK (workspace_changed), self);
    }
  gtk_window_set_default_widget (GTK_WINDOW (self), GTK_WIDGET (self->read_only ? self->cancel_button : self->save_button));
  if (self->read_only)
    gtk_widget_grab_focus (GTK_WIDGET (self->cancel_button));
  else if (reg->n_fields > 0)
    gtk_widget_grab_focus (self->inputs[0]);
  return self;
}

static void
mamori_record_editor_dispose (GObject *object)
{
  MamoriRecordEditor *self = MAMORI_RECORD_EDITOR (object);

  g_clear_pointer (&self->printer, mamori_worker_free);
  if (self->changed_id != 0)
    g_clear_signal_handler (&self->changed_id, self->workspace);
  if (self->related_id != 0)
    g_clear_signal_handler (&self->related_id, self->workspace);
  g_clear_object (&self->workspace);
  g_clear_weak_pointer (&self->toast_widget);
  gtk_widget_dispose_template (GTK_WIDGET (object), MAMORI_TYPE_RECORD_EDITOR);
  G_OBJECT_CLASS (mamori_record_editor_parent_class)->dispose (object);
}

static void
mamori_record_editor_finalize (GObject *object)
{
  MamoriRecordEditor *self = MAMORI_RECORD_EDITOR (object);

  mamori_record_free (self->record);
  g_clear_pointer (&self->cache, g_hash_table_unref);
  for (guint i = 0; self->ref_ids != NULL && self->reg != NULL && i < self->reg->n_fields; i++)
    if (self->ref_ids[i] != NULL)
      g_array_unref (self->ref_ids[i]);
  g_free (self->ref_ids);
  g_free (self->inputs);
  g_free (self->rows);
  g_clear_pointer (&self->part_groups, g_ptr_array_unref);
  g_clear_pointer (&self->part_rows, g_ptr_array_unref);
  g_clear_pointer (&self->related_rows, g_ptr_array_unref);
  g_clear_pointer (&self->children, g_ptr_array_unref);
  g_free (self->error);
  g_free (self->print_op);
  g_free (self->print_path);
  G_OBJECT_CLASS (mamori_record_editor_parent_class)->finalize (object);
}

static void
mamori_record_editor_class_init (MamoriRecordEditorClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  GtkWindowClass *window_class = GTK_WINDOW_CLASS (klass);

  object_class->dispose = mamori_record_editor_dispose;
  object_class->finalize = mamori_record_editor_finalize;
  window_class->close_request = mamori_record_editor_close_request;

  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/mamori/Mamori/ui/mamori-record-editor.ui");
  gtk_widget_class_bind_template_child (widget_class, MamoriRecordEditor, toast_overlay);
  gtk_widget_class_bind_template_child (widget_class, MamoriRecordEditor, window_title);
  gtk_widget_class_bind_template_child (widget_class, MamoriRecordEditor, cancel_button);
  gtk_widget_class_bind_template_child (widget_class, MamoriRecordEditor, save_button);
  gtk_widget_class_bind_template_child (widget_class, MamoriRecordEditor, more_button);
  gtk_widget_class_bind_template_child (widget_class, MamoriRecordEditor, error_bar);
  gtk_widget_class_bind_template_child (widget_class, MamoriRecordEditor, error_label);
  gtk_widget_class_bind_template_child (widget_class, MamoriRecordEditor, content);
  gtk_widget_class_bind_template_child (widget_class, MamoriRecordEditor, note_box);
  gtk_widget_class_bind_template_child (widget_class, MamoriRecordEditor, note_label);

  gtk_widget_class_install_action (widget_class, "editor.save", NULL, save_action);
  gtk_widget_class_install_action (widget_class, "editor.delete", NULL, delete_action);
  gtk_widget_class_install_action (widget_class, "editor.print", NULL, print_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_s, GDK_CONTROL_MASK, "editor.save", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
mamori_record_editor_init (MamoriRecordEditor *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  self->cache = mamori_ref_cache_new ();
}
