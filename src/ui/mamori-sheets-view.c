/* mamori-sheets-view.c — the per-role self-inspection sheets of one assessment */
#include "config.h"

#include <glib/gi18n.h>

#include "core/mamori-sheet-summary.h"
#include "mamori-access-ui.h"
#include "mamori-sheets-view.h"
#include "mamori-widget-util.h"
#include "ops/mamori-ops.h"
#include "ops/mamori-worker.h"
#include "store/mamori-assessments.h"
#include "store/mamori-sheets.h"

struct _MamoriSheetsView {
  AdwWindow parent_instance;

  MamoriWorkspace *workspace;
  const MamoriChecklist *checklist;
  gint64 assessment;
  MamoriWorker *worker;
  GPtrArray *roles;             /* char*: the checklist's roles, then "all" */
  GPtrArray *rows;              /* the rows added to the groups, to remove on reload */
  GPtrArray *pending;           /* char*: returned sheets still to import */
  guint n_imported;
  GtkNativeDialog *chooser;
  char *import_note;            /* why the user's role may not import answers, or NULL */

  AdwWindowTitle *window_title;
  GtkWidget *content;
  GtkButton *export_button;
  GtkButton *import_button;
  GtkButton *report_button;
  AdwPreferencesGroup *total_group;
  AdwPreferencesGroup *role_group;
  AdwPreferencesGroup *unit_group;
  AdwPreferencesGroup *clause_group;
};

G_DEFINE_FINAL_TYPE (MamoriSheetsView, mamori_sheets_view, ADW_TYPE_WINDOW)

static const char *
lang (void)
{
  return mamori_text_user_lang ();
}

static char *
rate_text (const MamoriSheetRate *rate)
{
  double v = mamori_sheet_rate_value (rate);

  /* TRANSLATORS: an implementation rate, e.g. “75 %” */
  return v < 0 ? g_strdup ("—") : g_strdup_printf (_("%.0f %%"), v * 100);
}

static void
add_row (MamoriSheetsView      *self,
         AdwPreferencesGroup   *group,
         const char            *title,
         const MamoriSheetRate *rate)
{
  GtkWidget *row = adw_action_row_new ();
  g_autofree char *escaped = g_markup_escape_text (title, -1);
  g_autofree char *subtitle = NULL;
  g_autofree char *value = rate_text (rate);
  GtkWidget *label = gtk_label_new (value);
  double v = mamori_sheet_rate_value (rate);

  subtitle = g_strdup_printf (_("%u answers: %u implemented, %u partly, %u not, %u not applicable"), rate->n_answers,
                              rate->n_full, rate->n_partial, rate->n_none, rate->n_not_applicable);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), escaped);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
  adw_action_row_set_title_lines (ADW_ACTION_ROW (row), 3);
  gtk_widget_add_css_class (label, "numeric");
  if (v >= 0 && v < MAMORI_SHEET_THRESHOLD)
    gtk_widget_add_css_class (label, "warning");
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), label);
  adw_preferences_group_add (group, row);
  g_ptr_array_add (self->rows, row);
}

void
mamori_sheets_view_reload (MamoriSheetsView *self)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) answers = NULL;
  g_autoptr(MamoriSheetSummary) s = NULL;
  g_autofree char *total_title = NULL;

  g_return_if_fail (MAMORI_IS_SHEETS_VIEW (self));
  for (guint i = 0; i < self->rows->len; i++)
    {
      GtkWidget *row = self->rows->pdata[i];
      adw_preferences_group_remove (ADW_PREFERENCES_GROUP (gtk_widget_get_ancestor (row, ADW_TYPE_PREFERENCES_GROUP)), row);
    }
  g_ptr_array_set_size (self->rows, 0);
  answers = mamori_workspace_list_sheet_answers (self->workspace, self->assessment, &error);
  if (answers == NULL)
    {
      mamori_widget_show_error (GTK_WIDGET (self), _("Could Not Read the Returned Sheets"), error);
      return;
    }
  s = mamori_sheet_summary_new (self->checklist, answers);
  total_title = g_strdup_printf (ngettext ("%u person answered", "%u people answered", s->n_people), s->n_people);
  add_row (self, self->total_group, total_title, &s->total);
  adw_preferences_group_set_description (self->total_group, s->n_people == 0
                                         ? _("No returned sheets yet. Export a sheet for each role, then import the sheets people return.")
                                         : NULL);
  for (guint i = 0; i < s->roles->len; i++)
    {
      MamoriSheetRate *r = s->roles->pdata[i];
      add_row (self, self->role_group, mamori_sheet_role_label (r->key, lang ()), r);
    }
  for (guint i = 0; i < s->units->len; i++)
    {
      MamoriSheetRate *r = s->units->pdata[i];
      add_row (self, self->unit_group, *r->key ? r->key : _("(no unit given)"), r);
    }
  for (guint i = 0; i < s->clauses->len; i++)
    {
      MamoriSheetRate *r = s->clauses->pdata[i];
      const MamoriNode *item = mamori_checklist_find_item (self->checklist, r->key);
      g_autofree char *title = g_strdup_printf ("%s  %s", r->key, item ? mamori_node_text (item, lang ()) : "");
      add_row (self, self->clause_group, title, r);
    }
  gtk_widget_set_visible (GTK_WIDGET (self->role_group), s->roles->len > 0);
  gtk_widget_set_visible (GTK_WIDGET (self->unit_group), s->units->len > 0);
  gtk_widget_set_visible (GTK_WIDGET (self->clause_group), s->clauses->len > 0);
}

static MamoriWorker *
worker (MamoriSheetsView *self)
{
  if (self->worker == NULL)
    self->worker = mamori_worker_new (self);
  return self->worker;
}

static void
set_busy (MamoriSheetsView *self,
          gboolean          busy)
{
  gtk_widget_set_sensitive (GTK_WIDGET (self->export_button), !busy);
  gtk_widget_set_sensitive (GTK_WIDGET (self->import_button), !busy && self->import_note == NULL);
  gtk_widget_set_sensitive (GTK_WIDGET (self->report_button), !busy);
}

/* --- a file was written -------------------------------------------------------------------- */

static void
exported (gpointer        owner,
          MamoriOpResult *result,
          const GError   *error)
{
  MamoriSheetsView *self = owner;

  set_busy (self, FALSE);
  if (error != NULL)
    {
      mamori_widget_show_op_error (GTK_WIDGET (self->content), _("Could Not Export"), result, error);
      return;
    }
  mamori_widget_add_saved_toast (GTK_WIDGET (self->content), g_object_get_data (G_OBJECT (self), "mamori-path"));
}

static void
run_export (MamoriSheetsView *self,
            const char       *op_name,
            const char       *id,
            const char       *role,
            const char       *path)
{
  MamoriOpRequest request = { .id = id, .path = path, .role = role };

  g_object_set_data_full (G_OBJECT (self), "mamori-path", g_strdup (path), g_free);
  set_busy (self, TRUE);
  mamori_worker_run_op (worker (self), mamori_op_find (MAMORI_OP_EXPORT, op_name), mamori_workspace_get_path (self->workspace),
                        &request, exported);
}

/* --- export a sheet: role, format, file ------------------------------------------------------ */

static void
sheet_file_chosen (GtkNativeDialog  *dialog,
                   int               response,
                   MamoriSheetsView *self)
{
  if (response == GTK_RESPONSE_ACCEPT)
    {
      g_autofree char *path = mamori_export_chooser_get_path (GTK_FILE_CHOOSER (dialog));
      const char *role = g_object_get_data (G_OBJECT (dialog), "mamori-role");
      if (path != NULL)
        run_export (self, "sheet", self->checklist->id, role, path);
    }
  g_clear_object (&self->chooser);
}

static void
sheet_dialog_response (AdwMessageDialog *dialog,
                       const char       *response,
                       MamoriSheetsView *self)
{
  GtkDropDown *roles = g_object_get_data (G_OBJECT (dialog), "mamori-roles");
  GtkDropDown *formats = g_object_get_data (G_OBJECT (dialog), "mamori-formats");
  guint role = gtk_drop_down_get_selected (roles);
  gboolean csv = gtk_drop_down_get_selected (formats) == 1;
  GtkFileChooserNative *chooser;
  g_autofree char *name = NULL;

  if (g_strcmp0 (response, "export") != 0 || role >= self->roles->len || self->chooser != NULL)
    return;
  chooser = gtk_file_chooser_native_new (_("Export a Self-Inspection Sheet"), GTK_WINDOW (self), GTK_FILE_CHOOSER_ACTION_SAVE,
                                         _("_Export"), _("_Cancel"));
  mamori_export_chooser_add_extensions (GTK_FILE_CHOOSER (chooser), csv ? ".csv" : ".pdf");
  /* TRANSLATORS: file name of a self-inspection sheet; %s is the role (an id such as csirt) */
  name = g_strdup_printf (_("self-inspection-sheet-%s"), (char *) self->roles->pdata[role]);
  {
    g_autofree char *full = g_strconcat (name, csv ? ".csv" : ".pdf", NULL);
    gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (chooser), full);
  }
  g_object_set_data_full (G_OBJECT (chooser), "mamori-role", g_strdup (self->roles->pdata[role]), g_free);
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (chooser), TRUE);
  g_signal_connect (chooser, "response", G_CALLBACK (sheet_file_chosen), self);
  self->chooser = GTK_NATIVE_DIALOG (chooser);
  gtk_native_dialog_show (self->chooser);
}

static GtkWidget *
labelled (GtkWidget  *box,
          const char *text,
          GtkWidget  *widget)
{
  GtkWidget *label = gtk_label_new_with_mnemonic (text);

  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_label_set_mnemonic_widget (GTK_LABEL (label), widget);
  gtk_widget_add_css_class (label, "caption-heading");
  gtk_box_append (GTK_BOX (box), label);
  gtk_box_append (GTK_BOX (box), widget);
  return widget;
}

static void
export_clicked (GtkButton        *button,
                MamoriSheetsView *self)
{
  AdwMessageDialog *dialog;
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);
  g_autoptr(GtkStringList) role_names = gtk_string_list_new (NULL);
  const char *formats[] = { _("PDF, to print"), _("CSV, to fill in and import"), NULL };
  GtkWidget *roles, *format;

  for (guint i = 0; i < self->roles->len; i++)
    {
      const char *key = self->roles->pdata[i];
      g_autoptr(GPtrArray) items = mamori_sheet_items (self->checklist, key);
      g_autofree char *label = g_strdup_printf (ngettext ("%s (%u clause)", "%s (%u clauses)", items->len),
                                                g_str_equal (key, "all") ? _("All roles") : mamori_sheet_role_label (key, lang ()),
                                                items->len);
      gtk_string_list_append (role_names, label);
    }
  roles = gtk_drop_down_new (G_LIST_MODEL (g_object_ref (role_names)), NULL);
  format = gtk_drop_down_new_from_strings (formats);
  labelled (box, _("_Role"), roles);
  labelled (box, _("_Format"), format);
  dialog = ADW_MESSAGE_DIALOG (adw_message_dialog_new (GTK_WINDOW (self), _("Export a Self-Inspection Sheet"),
                                                       _("The sheet lists the clauses of one role, with boxes to tick and a line for notes. "
                                                         "Hand the CSV to people who answer on a computer; import it when they return it.")));
  adw_message_dialog_set_extra_child (dialog, box);
  adw_message_dialog_add_responses (dialog, "cancel", _("_Cancel"), "export", _("_Choose File…"), NULL);
  adw_message_dialog_set_response_appearance (dialog, "export", ADW_RESPONSE_SUGGESTED);
  adw_message_dialog_set_default_response (dialog, "export");
  adw_message_dialog_set_close_response (dialog, "cancel");
  g_object_set_data (G_OBJECT (dialog), "mamori-roles", roles);
  g_object_set_data (G_OBJECT (dialog), "mamori-formats", format);
  g_signal_connect (dialog, "response", G_CALLBACK (sheet_dialog_response), self);
  gtk_window_present (GTK_WINDOW (dialog));
}

/* --- import returned sheets, one file after another ------------------------------------------- */

static void import_next (MamoriSheetsView *self);

static void
sheet_imported (gpointer        owner,
                MamoriOpResult *result,
                const GError   *error)
{
  MamoriSheetsView *self = owner;

  if (result != NULL && result->changed->len > 0)
    mamori_workspace_announce_changes (self->workspace, (const char * const *) result->changed->pdata);
  if (error != NULL)
    {
      g_autofree char *heading = NULL;
      g_autofree char *name = g_path_get_basename (self->pending->pdata[0]);
      /* TRANSLATORS: %s is a file name */
      heading = g_strdup_printf (_("Could Not Import “%s”"), name);
      mamori_widget_show_op_error (GTK_WIDGET (self->content), heading, result, error);
    }
  else
    self->n_imported++;
  g_ptr_array_remove_index (self->pending, 0);
  import_next (self);
}

static void
import_next (MamoriSheetsView *self)
{
  g_autofree char *id = NULL;
  MamoriOpRequest request = { 0 };

  if (self->pending->len == 0)
    {
      set_busy (self, FALSE);
      mamori_sheets_view_reload (self);
      if (self->n_imported > 0)
        {
          g_autofree char *text = g_strdup_printf (ngettext ("%u sheet imported", "%u sheets imported", self->n_imported),
                                                   self->n_imported);
          mamori_widget_add_toast (GTK_WIDGET (self->content), text);
        }
      return;
    }
  id = g_strdup_printf ("%" G_GINT64_FORMAT, self->assessment);
  request.path = self->pending->pdata[0];
  request.assessment = id;
  mamori_worker_run_op (worker (self), mamori_op_find (MAMORI_OP_IMPORT, "answers"), mamori_workspace_get_path (self->workspace),
                        &request, sheet_imported);
}

static void
import_chosen (GtkNativeDialog  *dialog,
               int               response,
               MamoriSheetsView *self)
{
  if (response == GTK_RESPONSE_ACCEPT)
    {
      g_autoptr(GListModel) files = gtk_file_chooser_get_files (GTK_FILE_CHOOSER (dialog));
      for (guint i = 0; i < g_list_model_get_n_items (files); i++)
        {
          g_autoptr(GFile) file = g_list_model_get_item (files, i);
          char *path = g_file_get_path (file);
          if (path != NULL)
            g_ptr_array_add (self->pending, path);
        }
      self->n_imported = 0;
      if (self->pending->len > 0)
        {
          set_busy (self, TRUE);
          import_next (self);
        }
    }
  g_clear_object (&self->chooser);
}

static void
import_clicked (GtkButton        *button,
                MamoriSheetsView *self)
{
  GtkFileChooserNative *chooser;
  g_autoptr(GtkFileFilter) filter = gtk_file_filter_new ();

  if (self->chooser != NULL)
    return;
  chooser = gtk_file_chooser_native_new (_("Import Returned Sheets"), GTK_WINDOW (self), GTK_FILE_CHOOSER_ACTION_OPEN,
                                         _("_Import"), _("_Cancel"));
  gtk_file_filter_set_name (filter, _("CSV files"));
  gtk_file_filter_add_suffix (filter, "csv");
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (chooser), filter);
  gtk_file_chooser_set_select_multiple (GTK_FILE_CHOOSER (chooser), TRUE);
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (chooser), TRUE);
  g_signal_connect (chooser, "response", G_CALLBACK (import_chosen), self);
  self->chooser = GTK_NATIVE_DIALOG (chooser);
  gtk_native_dialog_show (self->chooser);
}

/* --- the report ------------------------------------------------------------------------------ */

static void
report_chosen (GtkNativeDialog  *dialog,
               int               response,
               MamoriSheetsView *self)
{
  if (response == GTK_RESPONSE_ACCEPT)
    {
      g_autofree char *path = mamori_export_chooser_get_path (GTK_FILE_CHOOSER (dialog));
      g_autofree char *id = g_strdup_printf ("%" G_GINT64_FORMAT, self->assessment);
      if (path != NULL)
        run_export (self, "self-inspection", id, NULL, path);
    }
  g_clear_object (&self->chooser);
}

static void
report_clicked (GtkButton        *button,
                MamoriSheetsView *self)
{
  GtkFileChooserNative *chooser;
  g_autofree char *name = NULL;

  if (self->chooser != NULL)
    return;
  chooser = gtk_file_chooser_native_new (_("Export the Self-Inspection Report"), GTK_WINDOW (self), GTK_FILE_CHOOSER_ACTION_SAVE,
                                         _("_Export"), _("_Cancel"));
  mamori_export_chooser_add_extensions (GTK_FILE_CHOOSER (chooser), ".pdf");
  /* TRANSLATORS: file name of a self-inspection report; %d is the assessment number */
  name = g_strdup_printf (_("self-inspection-report-%d.pdf"), (int) self->assessment);
  gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (chooser), name);
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (chooser), TRUE);
  g_signal_connect (chooser, "response", G_CALLBACK (report_chosen), self);
  self->chooser = GTK_NATIVE_DIALOG (chooser);
  gtk_native_dialog_show (self->chooser);
}

/* --- the type ---------------------------------------------------------------------------------- */

static void
mamori_sheets_view_dispose (GObject *object)
{
  MamoriSheetsView *self = MAMORI_SHEETS_VIEW (object);

  g_clear_pointer (&self->worker, mamori_worker_free);
  if (self->chooser != NULL)
    gtk_native_dialog_destroy (self->chooser);
  g_clear_object (&self->chooser);
  g_clear_object (&self->workspace);
  gtk_widget_dispose_template (GTK_WIDGET (self), MAMORI_TYPE_SHEETS_VIEW);
  G_OBJECT_CLASS (mamori_sheets_view_parent_class)->dispose (object);
}

static void
mamori_sheets_view_finalize (GObject *object)
{
  MamoriSheetsView *self = MAMORI_SHEETS_VIEW (object);

  g_clear_pointer (&self->roles, g_ptr_array_unref);
  g_ptr_array_unref (self->rows);
  g_ptr_array_unref (self->pending);
  g_free (self->import_note);
  G_OBJECT_CLASS (mamori_sheets_view_parent_class)->finalize (object);
}

static void
mamori_sheets_view_class_init (MamoriSheetsViewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = mamori_sheets_view_dispose;
  object_class->finalize = mamori_sheets_view_finalize;
  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/mamori/Mamori/ui/mamori-sheets-view.ui");
  gtk_widget_class_bind_template_child (widget_class, MamoriSheetsView, window_title);
  gtk_widget_class_bind_template_child (widget_class, MamoriSheetsView, content);
  gtk_widget_class_bind_template_child (widget_class, MamoriSheetsView, export_button);
  gtk_widget_class_bind_template_child (widget_class, MamoriSheetsView, import_button);
  gtk_widget_class_bind_template_child (widget_class, MamoriSheetsView, report_button);
  gtk_widget_class_bind_template_child (widget_class, MamoriSheetsView, total_group);
  gtk_widget_class_bind_template_child (widget_class, MamoriSheetsView, role_group);
  gtk_widget_class_bind_template_child (widget_class, MamoriSheetsView, unit_group);
  gtk_widget_class_bind_template_child (widget_class, MamoriSheetsView, clause_group);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
mamori_sheets_view_init (MamoriSheetsView *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  self->rows = g_ptr_array_new ();
  self->pending = g_ptr_array_new_with_free_func (g_free);
  g_signal_connect (self->export_button, "clicked", G_CALLBACK (export_clicked), self);
  g_signal_connect (self->import_button, "clicked", G_CALLBACK (import_clicked), self);
  g_signal_connect (self->report_button, "clicked", G_CALLBACK (report_clicked), self);
}

MamoriSheetsView *
mamori_sheets_view_new (GtkWindow             *parent,
                        MamoriWorkspace       *workspace,
                        const MamoriChecklist *checklist,
                        gint64                 assessment)
{
  MamoriSheetsView *self = g_object_new (MAMORI_TYPE_SHEETS_VIEW, "transient-for", parent, NULL);
  g_autofree char *subtitle = NULL;

  self->workspace = g_object_ref (workspace);
  self->checklist = checklist;
  self->assessment = assessment;
  self->roles = mamori_sheet_roles (checklist);
  g_ptr_array_add (self->roles, g_strdup ("all"));
  /* TRANSLATORS: %s is the checklist's name, %d the assessment number */
  subtitle = g_strdup_printf (_("%s · assessment %d"), mamori_text_get (checklist->name, lang ()), (int) assessment);
  adw_window_title_set_subtitle (self->window_title, subtitle);
  {
    /* Returned sheets are answers: imported by those who may answer the assessment. */
    g_autoptr(MamoriAssessment) a = mamori_workspace_get_assessment (workspace, assessment, NULL);
    if (a != NULL)
      mamori_access_ui_may_answer (workspace, a, &self->import_note);
    else if (!mamori_access_ui_is_officer (workspace))
      self->import_note = mamori_access_ui_officer_only (workspace);   /* unread: the officer's alone */
    mamori_access_ui_allow (GTK_WIDGET (self->import_button), self->import_note == NULL, self->import_note);
  }
  mamori_sheets_view_reload (self);
  return self;
}

gboolean
mamori_sheets_view_may_import (MamoriSheetsView *self)
{
  return self->import_note == NULL;
}

/* --- the summary's button ------------------------------------------------------------------------ */

typedef struct {
  GWeakRef workspace;           /* the summary's */
  const MamoriChecklist *checklist;
  gint64 assessment;
} Target;

static void
target_free (Target *t)
{
  g_weak_ref_clear (&t->workspace);
  g_free (t);
}

static void
open_clicked (GtkButton *button,
              gpointer   data)
{
  Target *t = g_object_get_data (G_OBJECT (button), "mamori-sheets-target");
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (button));
  g_autoptr(MamoriWorkspace) workspace = t ? g_weak_ref_get (&t->workspace) : NULL;
  MamoriSheetsView *view;

  if (workspace == NULL)
    return;
  view = mamori_sheets_view_new (GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL, workspace, t->checklist, t->assessment);
  gtk_window_present (GTK_WINDOW (view));
}

void
mamori_sheets_view_attach (GtkWidget             *sibling,
                           MamoriWorkspace       *workspace,
                           const MamoriChecklist *checklist,
                           gint64                 assessment)
{
  GtkWidget *box = gtk_widget_get_ancestor (sibling, GTK_TYPE_FLOW_BOX);
  GtkWidget *button;
  g_autoptr(GPtrArray) roles = NULL;
  Target *t;

  g_return_if_fail (box != NULL);
  button = g_object_get_data (G_OBJECT (box), "mamori-sheets-button");
  if (button == NULL)
    {
      button = gtk_button_new_with_mnemonic (_("Self-Inspection _Sheets…"));
      gtk_widget_set_tooltip_text (button, _("Per-role sheets to hand out, their answers per role, unit and clause, and the self-inspection report"));
      g_signal_connect (button, "clicked", G_CALLBACK (open_clicked), NULL);
      /* Right after sibling: GTK 4.8's flow box leaves a child after a hidden one undrawn
       * in a one-column layout (the summary hides its last button while in progress). */
      GtkWidget *cell = gtk_widget_get_ancestor (sibling, GTK_TYPE_FLOW_BOX_CHILD);
      gtk_flow_box_insert (GTK_FLOW_BOX (box), button, cell ? gtk_flow_box_child_get_index (GTK_FLOW_BOX_CHILD (cell)) + 1 : 0);
      g_object_set_data (G_OBJECT (box), "mamori-sheets-button", button);
    }
  t = g_new0 (Target, 1);
  g_weak_ref_init (&t->workspace, workspace);
  t->checklist = checklist;
  t->assessment = assessment;
  g_object_set_data_full (G_OBJECT (button), "mamori-sheets-target", t, (GDestroyNotify) target_free);
  roles = checklist ? mamori_sheet_roles (checklist) : NULL;
  /* The flow box wraps the button in a child: hide that, or an empty cell stays. */
  gtk_widget_set_visible (gtk_widget_get_parent (button), workspace != NULL && roles != NULL && roles->len > 0);
}
