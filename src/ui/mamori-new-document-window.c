/* mamori-new-document-window.c — template picker, then a form generated from the template's
 * fields (prefilled from the workspace), then the document is stored as version 1, a draft. */
#include "config.h"

#include <glib/gi18n.h>

#include "core/mamori-checklist.h"
#include "mamori-classification-rows.h"
#include "mamori-new-document-window.h"
#include "mamori-widget-util.h"
#include "store/mamori-documents.h"

static const char *builtin_ids[] = { "basic-policy", "related-rules", "handbook" };

typedef struct {
  const MamoriTemplateField *field;
  GtkWidget *widget;        /* AdwEntryRow, AdwComboRow or GtkSwitch */
  GPtrArray *checks;        /* multi: GtkCheckButton per option */
  AdwPreferencesGroup *group;   /* table */
  GPtrArray *rows;          /* table: AdwExpanderRow per row (its cells in "mamori-cells") */
} FieldUi;

struct _MamoriNewDocumentWindow {
  AdwWindow parent_instance;

  GtkButton *back_button;
  GtkButton *create_button;
  GtkStack *stack;
  AdwPreferencesGroup *templates_group;
  AdwPreferencesPage *fields_page;

  MamoriWorkspace *workspace;
  MamoriTemplate *tmpl;
  GPtrArray *fields;        /* FieldUi* */
  GPtrArray *field_groups;  /* AdwPreferencesGroup* added to fields_page */
  GtkWidget *classification;   /* the classification group (among field_groups) */
};

G_DEFINE_FINAL_TYPE (MamoriNewDocumentWindow, mamori_new_document_window, ADW_TYPE_WINDOW)

enum { CREATED, N_SIGNALS };
static guint signals[N_SIGNALS];

static void
field_ui_free (FieldUi *f)
{
  g_clear_pointer (&f->checks, g_ptr_array_unref);
  g_clear_pointer (&f->rows, g_ptr_array_unref);
  g_free (f);
}

static gboolean
english (MamoriNewDocumentWindow *self)
{
  return g_str_equal (mamori_text_user_lang (), "en");
}

static const char *
label_of (MamoriNewDocumentWindow *self,
          const char              *ja,
          const char              *en)
{
  return english (self) ? en : ja;
}

/* --- tables ------------------------------------------------------------------------------------- */

static void
update_row_title (GtkEditable *editable,
                  GtkWidget   *expander)
{
  const char *text = gtk_editable_get_text (editable);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (expander), *text ? text : "—");
}

static void remove_row_clicked (GtkButton *button, FieldUi *f);

static void
add_table_row (MamoriNewDocumentWindow *self,
               FieldUi                 *f,
               const char * const      *cells)
{
  GtkWidget *expander = adw_expander_row_new ();
  GtkWidget *remove = gtk_button_new_from_icon_name ("user-trash-symbolic");
  GPtrArray *entries = g_ptr_array_new ();

  for (guint c = 0; c < f->field->options->len; c++)
    {
      MamoriFieldOption *column = f->field->options->pdata[c];
      GtkWidget *entry = adw_entry_row_new ();
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (entry), label_of (self, column->label_ja, column->label_en));
      gtk_editable_set_text (GTK_EDITABLE (entry), cells && cells[c] ? cells[c] : "");
      adw_expander_row_add_row (ADW_EXPANDER_ROW (expander), entry);
      g_ptr_array_add (entries, entry);
      if (c == 0)
        g_signal_connect (entry, "changed", G_CALLBACK (update_row_title), expander);
    }
  update_row_title (GTK_EDITABLE (entries->pdata[0]), expander);
  g_object_set_data_full (G_OBJECT (expander), "mamori-cells", entries, (GDestroyNotify) g_ptr_array_unref);
  gtk_widget_set_valign (remove, GTK_ALIGN_CENTER);
  gtk_widget_add_css_class (remove, "flat");
  gtk_widget_set_tooltip_text (remove, _("Remove this row"));
  g_object_set_data (G_OBJECT (remove), "mamori-row", expander);
  g_signal_connect (remove, "clicked", G_CALLBACK (remove_row_clicked), f);
  adw_expander_row_add_action (ADW_EXPANDER_ROW (expander), remove);
  adw_preferences_group_add (f->group, expander);
  g_ptr_array_add (f->rows, expander);
}

static void
remove_row_clicked (GtkButton *button,
                    FieldUi   *f)
{
  GtkWidget *expander = g_object_get_data (G_OBJECT (button), "mamori-row");

  g_ptr_array_remove (f->rows, expander);
  adw_preferences_group_remove (f->group, expander);
}

static void
add_row_clicked (GtkButton *button,
                 FieldUi   *f)
{
  MamoriNewDocumentWindow *self = MAMORI_NEW_DOCUMENT_WINDOW (gtk_widget_get_root (GTK_WIDGET (button)));
  add_table_row (self, f, NULL);
}

/* --- the form ----------------------------------------------------------------------------------- */

static void
clear_form (MamoriNewDocumentWindow *self)
{
  for (guint i = 0; i < self->field_groups->len; i++)
    adw_preferences_page_remove (self->fields_page, self->field_groups->pdata[i]);
  g_ptr_array_set_size (self->field_groups, 0);
  g_ptr_array_set_size (self->fields, 0);
  self->classification = NULL;
}

static gboolean
value_contains (const char *list,
                const char *key)
{
  g_auto(GStrv) parts = g_strsplit (list ? list : "", ",", -1);
  for (guint i = 0; parts[i]; i++)
    if (g_str_equal (g_strstrip (parts[i]), key))
      return TRUE;
  return FALSE;
}

static void
build_form (MamoriNewDocumentWindow    *self,
            const MamoriTemplateValues *prefill)
{
  GPtrArray *fields = mamori_template_get_fields (self->tmpl);
  AdwPreferencesGroup *main_group = ADW_PREFERENCES_GROUP (adw_preferences_group_new ());

  clear_form (self);
  adw_preferences_group_set_title (main_group, mamori_template_get_title (self->tmpl));
  adw_preferences_group_set_description (main_group, mamori_template_get_source (self->tmpl));
  adw_preferences_page_add (self->fields_page, main_group);
  g_ptr_array_add (self->field_groups, main_group);
  for (guint i = 0; i < fields->len; i++)
    {
      const MamoriTemplateField *field = fields->pdata[i];
      const char *label = label_of (self, field->label_ja, field->label_en);
      const char *help = english (self) ? field->help_en : field->help_ja;
      const char *given = prefill ? mamori_template_values_get (prefill, field->key) : NULL;
      const char *value = given ? given : field->default_text;
      FieldUi *f = g_new0 (FieldUi, 1);

      f->field = field;
      switch (field->type)
        {
        case MAMORI_TEMPLATE_FIELD_TEXT:
        case MAMORI_TEMPLATE_FIELD_DATE:
          f->widget = adw_entry_row_new ();
          adw_preferences_row_set_title (ADW_PREFERENCES_ROW (f->widget), label);
          gtk_editable_set_text (GTK_EDITABLE (f->widget), value ? value : "");
          if (field->type == MAMORI_TEMPLATE_FIELD_DATE)
            gtk_widget_set_tooltip_text (f->widget, _("A date as YYYY-MM-DD, or empty"));
          else if (help != NULL)
            gtk_widget_set_tooltip_text (f->widget, help);
          adw_preferences_group_add (main_group, f->widget);
          break;
        case MAMORI_TEMPLATE_FIELD_CHOICE:
          {
            g_autoptr(GtkStringList) labels = gtk_string_list_new (NULL);
            guint selected = 0;
            for (guint o = 0; o < field->options->len; o++)
              {
                MamoriFieldOption *option = field->options->pdata[o];
                gtk_string_list_append (labels, label_of (self, option->label_ja, option->label_en));
                if (g_strcmp0 (option->key, value) == 0)
                  selected = o;
              }
            f->widget = adw_combo_row_new ();
            adw_preferences_row_set_title (ADW_PREFERENCES_ROW (f->widget), label);
            adw_combo_row_set_model (ADW_COMBO_ROW (f->widget), G_LIST_MODEL (labels));
            adw_combo_row_set_selected (ADW_COMBO_ROW (f->widget), selected);
            adw_preferences_group_add (main_group, f->widget);
            break;
          }
        case MAMORI_TEMPLATE_FIELD_BOOL:
          {
            GtkWidget *row = adw_action_row_new ();
            f->widget = gtk_switch_new ();
            gtk_widget_set_valign (f->widget, GTK_ALIGN_CENTER);
            gtk_switch_set_active (GTK_SWITCH (f->widget), g_strcmp0 (value, "true") == 0);
            adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), label);
            adw_action_row_add_suffix (ADW_ACTION_ROW (row), f->widget);
            adw_action_row_set_activatable_widget (ADW_ACTION_ROW (row), f->widget);
            adw_preferences_group_add (main_group, row);
            break;
          }
        case MAMORI_TEMPLATE_FIELD_MULTI:
          {
            GtkWidget *expander = adw_expander_row_new ();
            adw_preferences_row_set_title (ADW_PREFERENCES_ROW (expander), label);
            if (help != NULL)
              adw_expander_row_set_subtitle (ADW_EXPANDER_ROW (expander), help);
            f->checks = g_ptr_array_new ();
            for (guint o = 0; o < field->options->len; o++)
              {
                MamoriFieldOption *option = field->options->pdata[o];
                GtkWidget *row = adw_action_row_new ();
                GtkWidget *check = gtk_check_button_new ();
                adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), label_of (self, option->label_ja, option->label_en));
                gtk_check_button_set_active (GTK_CHECK_BUTTON (check), value_contains (value, option->key));
                adw_action_row_add_prefix (ADW_ACTION_ROW (row), check);
                adw_action_row_set_activatable_widget (ADW_ACTION_ROW (row), check);
                adw_expander_row_add_row (ADW_EXPANDER_ROW (expander), row);
                g_ptr_array_add (f->checks, check);
              }
            f->widget = expander;
            adw_preferences_group_add (main_group, expander);
            break;
          }
        case MAMORI_TEMPLATE_FIELD_TABLE:
          {
            GtkWidget *add = gtk_button_new_from_icon_name ("list-add-symbolic");
            f->group = ADW_PREFERENCES_GROUP (adw_preferences_group_new ());
            f->rows = g_ptr_array_new ();
            adw_preferences_group_set_title (f->group, label);
            if (help != NULL)
              adw_preferences_group_set_description (f->group, help);
            gtk_widget_add_css_class (add, "flat");
            gtk_widget_set_tooltip_text (add, _("Add a row"));
            g_signal_connect (add, "clicked", G_CALLBACK (add_row_clicked), f);
            adw_preferences_group_set_header_suffix (f->group, add);
            adw_preferences_page_add (self->fields_page, f->group);
            g_ptr_array_add (self->field_groups, f->group);
            break;
          }
        default:
          break;
        }
      g_ptr_array_add (self->fields, f);
      if (field->type == MAMORI_TEMPLATE_FIELD_TABLE)
        {
          /* Rows: the workspace's (prefill) or the template's examples. */
          GPtrArray *given_rows = prefill ? mamori_template_values_get_rows (prefill, field->key) : NULL;
          const GPtrArray *rows = given_rows ? given_rows : field->default_rows;
          for (guint r = 0; rows && r < rows->len; r++)
            add_table_row (self, f, (const char * const *) rows->pdata[r]);
        }
    }
  /* The document's own classification, the workspace scheme's default first. */
  self->classification = mamori_classification_rows_new_document (mamori_workspace_get_classification_scheme (self->workspace),
                                                                  mamori_template_get_lang (self->tmpl), "");
  adw_preferences_page_add (self->fields_page, ADW_PREFERENCES_GROUP (self->classification));
  g_ptr_array_add (self->field_groups, self->classification);
}

static void
show_fields (MamoriNewDocumentWindow *self)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(MamoriTemplateValues) prefill = mamori_workspace_prefill_template (self->workspace, self->tmpl, &error);

  if (prefill == NULL)
    mamori_widget_show_error (GTK_WIDGET (self), _("Could Not Read the Workspace"), error);
  build_form (self, prefill);
  gtk_stack_set_visible_child_name (self->stack, "fields");
  gtk_widget_set_visible (GTK_WIDGET (self->back_button), TRUE);
  gtk_widget_set_visible (GTK_WIDGET (self->create_button), TRUE);
}

gboolean
mamori_new_document_window_choose (MamoriNewDocumentWindow *self,
                                   const char              *template_id)
{
  g_autoptr(GError) error = NULL;

  g_clear_pointer (&self->tmpl, mamori_template_free);
  self->tmpl = mamori_template_builtin (template_id, mamori_text_user_lang (), &error);
  if (self->tmpl == NULL)
    {
      mamori_widget_show_error (GTK_WIDGET (self), _("Could Not Read the Template"), error);
      return FALSE;
    }
  show_fields (self);
  return TRUE;
}

static void
template_activated (AdwActionRow            *row,
                    MamoriNewDocumentWindow *self)
{
  mamori_new_document_window_choose (self, g_object_get_data (G_OBJECT (row), "mamori-template"));
}

static void
back_clicked (GtkButton               *button,
              MamoriNewDocumentWindow *self)
{
  gtk_stack_set_visible_child_name (self->stack, "templates");
  gtk_widget_set_visible (GTK_WIDGET (self->back_button), FALSE);
  gtk_widget_set_visible (GTK_WIDGET (self->create_button), FALSE);
}

static MamoriTemplateValues *
collect (MamoriNewDocumentWindow *self)
{
  MamoriTemplateValues *values = mamori_template_values_new ();

  for (guint i = 0; i < self->fields->len; i++)
    {
      FieldUi *f = self->fields->pdata[i];
      const MamoriTemplateField *field = f->field;
      switch (field->type)
        {
        case MAMORI_TEMPLATE_FIELD_TEXT:
        case MAMORI_TEMPLATE_FIELD_DATE:
          {
            g_autofree char *text = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (f->widget))));
            mamori_template_values_set (values, field->key, text);
            break;
          }
        case MAMORI_TEMPLATE_FIELD_CHOICE:
          {
            guint selected = adw_combo_row_get_selected (ADW_COMBO_ROW (f->widget));
            if (selected < field->options->len)
              mamori_template_values_set (values, field->key, ((MamoriFieldOption *) field->options->pdata[selected])->key);
            break;
          }
        case MAMORI_TEMPLATE_FIELD_BOOL:
          mamori_template_values_set (values, field->key, gtk_switch_get_active (GTK_SWITCH (f->widget)) ? "true" : "false");
          break;
        case MAMORI_TEMPLATE_FIELD_MULTI:
          {
            g_autoptr(GString) keys = g_string_new (NULL);
            for (guint o = 0; o < f->checks->len; o++)
              if (gtk_check_button_get_active (f->checks->pdata[o]))
                g_string_append_printf (keys, "%s%s", keys->len ? "," : "", ((MamoriFieldOption *) field->options->pdata[o])->key);
            mamori_template_values_set (values, field->key, keys->str);
            break;
          }
        case MAMORI_TEMPLATE_FIELD_TABLE:
          {
            /* An empty table is a real choice: register the key with no rows. */
            for (guint r = 0; r < f->rows->len; r++)
              {
                GPtrArray *entries = g_object_get_data (G_OBJECT (f->rows->pdata[r]), "mamori-cells");
                g_autoptr(GStrvBuilder) cells = g_strv_builder_new ();
                g_auto(GStrv) row = NULL;
                for (guint c = 0; c < entries->len; c++)
                  g_strv_builder_add (cells, gtk_editable_get_text (GTK_EDITABLE (entries->pdata[c])));
                row = g_strv_builder_end (cells);
                mamori_template_values_add_row (values, field->key, (const char * const *) row);
              }
            if (f->rows->len == 0)
              mamori_template_values_add_row (values, field->key, NULL);   /* no rows, not the default ones */
            break;
          }
        default:
          break;
        }
    }
  return values;
}

gint64
mamori_new_document_window_create (MamoriNewDocumentWindow *self)
{
  g_autoptr(MamoriTemplateValues) values = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *classification = NULL;
  gint64 id;

  if (self->tmpl == NULL)
    return 0;
  if (self->classification != NULL &&
      (classification = mamori_classification_rows_get_document (self->classification, &error)) == NULL)
    {
      mamori_widget_show_error (GTK_WIDGET (self), _("Could Not Create the Document"), error);
      return 0;
    }
  values = collect (self);
  id = mamori_workspace_add_classified_document (self->workspace, self->tmpl, values, classification, &error);
  if (id == 0)
    {
      mamori_widget_show_error (GTK_WIDGET (self), _("Could Not Create the Document"), error);
      return 0;
    }
  g_signal_emit (self, signals[CREATED], 0, id);
  gtk_window_close (GTK_WINDOW (self));
  return id;
}

static void
create_clicked (GtkButton               *button,
                MamoriNewDocumentWindow *self)
{
  mamori_new_document_window_create (self);
}

static void
mamori_new_document_window_dispose (GObject *object)
{
  MamoriNewDocumentWindow *self = MAMORI_NEW_DOCUMENT_WINDOW (object);

  g_clear_pointer (&self->fields, g_ptr_array_unref);
  g_clear_pointer (&self->field_groups, g_ptr_array_unref);
  g_clear_pointer (&self->tmpl, mamori_template_free);
  g_clear_object (&self->workspace);
  gtk_widget_dispose_template (GTK_WIDGET (object), MAMORI_TYPE_NEW_DOCUMENT_WINDOW);
  G_OBJECT_CLASS (mamori_new_document_window_parent_class)->dispose (object);
}

static void
mamori_new_document_window_class_init (MamoriNewDocumentWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = mamori_new_document_window_dispose;
  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/mamori/Mamori/ui/mamori-new-document-window.ui");
  gtk_widget_class_bind_template_child (widget_class, MamoriNewDocumentWindow, back_button);
  gtk_widget_class_bind_template_child (widget_class, MamoriNewDocumentWindow, create_button);
  gtk_widget_class_bind_template_child (widget_class, MamoriNewDocumentWindow, stack);
  gtk_widget_class_bind_template_child (widget_class, MamoriNewDocumentWindow, templates_group);
  gtk_widget_class_bind_template_child (widget_class, MamoriNewDocumentWindow, fields_page);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
  signals[CREATED] = g_signal_new ("created", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0, NULL, NULL, NULL,
                                   G_TYPE_NONE, 1, G_TYPE_INT64);
}

static void
mamori_new_document_window_init (MamoriNewDocumentWindow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  self->fields = g_ptr_array_new_with_free_func ((GDestroyNotify) field_ui_free);
  self->field_groups = g_ptr_array_new ();
  for (guint i = 0; i < G_N_ELEMENTS (builtin_ids); i++)
    {
      g_autoptr(MamoriTemplate) t = mamori_template_builtin (builtin_ids[i], mamori_text_user_lang (), NULL);
      GtkWidget *row;
      if (t == NULL)
        continue;
      row = adw_action_row_new ();
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), mamori_template_get_title (t));
      adw_action_row_set_subtitle (ADW_ACTION_ROW (row), mamori_template_get_source (t));
      adw_action_row_add_suffix (ADW_ACTION_ROW (row), gtk_image_new_from_icon_name ("go-next-symbolic"));
      gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), TRUE);
      g_object_set_data_full (G_OBJECT (row), "mamori-template", g_strdup (builtin_ids[i]), g_free);
      g_signal_connect (row, "activated", G_CALLBACK (template_activated), self);
      adw_preferences_group_add (self->templates_group, row);
    }
  g_signal_connect (self->back_button, "clicked", G_CALLBACK (back_clicked), self);
  g_signal_connect (self->create_button, "clicked", G_CALLBACK (create_clicked), self);
}

MamoriNewDocumentWindow *
mamori_new_document_window_new (MamoriWorkspace *workspace,
                                GtkWindow       *parent)
{
  MamoriNewDocumentWindow *self = g_object_new (MAMORI_TYPE_NEW_DOCUMENT_WINDOW, "transient-for", parent, NULL);
  self->workspace = g_object_ref (workspace);
  return self;
}
