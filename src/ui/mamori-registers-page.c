/* mamori-registers-page.c — the year's registers (運用記録): incidents, exceptions, accepted
 * risks, training, people, pledges, the training plan and suppliers, each a list of records
 * opened in MamoriRecordEditor; and who is due for training (受講状況).
 *
 * The registers are small (tens or hundreds of records): a list reads its records in one
 * query on the UI thread and shows each as a row, its name as the title and its other listed
 * fields (choices by label, references by name, dates as people read them) below. Imports of
 * people and attendance run as operations in a worker.
 *
 * On a server the user's role may not change every register (mamori_workspace_get_access):
 * Add and the imports are off where it may not add, Delete refuses what it may not delete, a
 * row the role may not change (another department's exception) carries a lock when others of
 * the register are open to it, and the record editor opens read-only on its own rule. A
 * change of the roles ("settings") reloads the page. */
#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "core/mamori-calendar.h"
#include "core/mamori-training.h"
#include "mamori-record-editor.h"
#include "mamori-registers-page.h"
#include "mamori-registers-page-private.h"
#include "mamori-widget-util.h"
#include "ops/mamori-worker.h"
#include "store/mamori-roles.h"

#define TRAINING_STATUS "training-status"

struct _MamoriRegistersPage {
  AdwBin parent_instance;

  AdwFlap *flap;
  GtkListBox *sidebar;
  GtkLabel *title_label;
  GtkLabel *count_label;
  GtkMenuButton *import_button;
  GtkButton *add_button;
  GtkWidget *add_first_button;
  GtkStack *stack;
  AdwStatusPage *empty_page;
  GtkLabel *summary_label;
  GtkListBox *list;

  MamoriWorkspace *workspace;
  gulong changed_id;
  char *view;                   /* a register's key or TRAINING_STATUS */
  GArray *ids;                  /* the record (or person) of each row */
  GPtrArray *units;             /* each row's department for the role's rules, or NULL */
  MamoriRecordEditor *editor;   /* weak: the editor opened last */
  MamoriWorker *importer;
  GtkNativeDialog *chooser;
  guint settings_idle;          /* a reload after a change of the roles */
};

G_DEFINE_FINAL_TYPE (MamoriRegistersPage, mamori_registers_page, ADW_TYPE_BIN)

/* What each register is for, said on its empty page. */
static const struct {
  const char *key;
  const char *icon;
  const char *description;
} about[] = {
  { "incidents", "dialog-warning-symbolic",
    N_("Record every incident and near miss: what happened and when, who reported it, the reports to management, who must be notified by when, the assets affected and the measures that keep it from happening again.") },
  { "exceptions", "emblem-important-symbolic",
    N_("Requests to depart from a rule for a while: who asks, which rule, why, the compensating measure, and the decision of an approver who is not the applicant.") },
  { "acceptances", "emblem-ok-symbolic",
    N_("Risks that management decided to keep rather than reduce: what is accepted, by whom, why, and until when before it is reviewed again.") },
  { "trainings", "x-office-presentation-symbolic",
    N_("Training sessions held: when, for whom, on which topics, and who attended. Everyone is trained every fiscal year, new joiners within three months.") },
  { "people", "system-users-symbolic",
    N_("Everyone who works with the organisation’s information: their unit, when they joined, whether they handle managed information. Training status and pledges follow from here.") },
  { "pledges", "document-edit-symbolic",
    N_("Confidentiality pledges signed on joining, every year, on leaving or for a project.") },
  { "training_plans", "x-office-calendar-symbolic",
    N_("The training planned for each fiscal year: topics, audiences and dates.") },
  { "suppliers", "network-server-symbolic",
    N_("Contractors and cloud services that handle the organisation’s information: their agreements, the information they handle and when they were last evaluated.") },
};

static const char *
about_icon (const char *key)
{
  for (guint i = 0; i < G_N_ELEMENTS (about); i++)
    if (g_str_equal (about[i].key, key))
      return about[i].icon;
  return "view-list-symbolic";
}

static const char *
about_description (const char *key)
{
  for (guint i = 0; i < G_N_ELEMENTS (about); i++)
    if (g_str_equal (about[i].key, key))
      return _(about[i].description);
  return NULL;
}

static const MamoriRegister *
current_register (MamoriRegistersPage *self)
{
  return mamori_register_lookup (self->view);
}

/* --- what the user's role may change ------------------------------------------------------ */

/* Why a control is off: a read-only workspace's reason (a viewer's role, a file opened for
 * reading), else what the role does not allow. */
static const char *
why_not (const MamoriAccess *access,
         const char         *role_says)
{
  return access != NULL && access->read_only != NULL && *access->read_only != '\0' ? access->read_only : role_says;
}

/* NULL (the officer's) without a workspace. */
static const MamoriAccess *
page_access (MamoriRegistersPage *self)
{
  return self->workspace != NULL ? mamori_workspace_get_access (self->workspace) : NULL;
}

/* The imports the page offers, and the register each adds to. */
static const struct {
  const char *op;
  const char *reg;
  const char *label;
} imports[] = {
  { "people", "people", N_("Import _People…") },
  { "attendance", "attendance", N_("Import _Attendance…") },
};

static const char *
import_register (const char *op)
{
  for (guint i = 0; i < G_N_ELEMENTS (imports); i++)
    if (g_str_equal (imports[i].op, op))
      return imports[i].reg;
  return op;
}

/* The import menu holds what the role may add; the button is off, saying why, when that is
 * nothing. */
static void
update_imports (MamoriRegistersPage *self)
{
  const MamoriAccess *access = page_access (self);
  g_autoptr(GMenu) menu = g_menu_new ();
  gboolean exists = FALSE;

  for (guint i = 0; i < G_N_ELEMENTS (imports); i++)
    {
      g_autoptr(GMenuItem) item = NULL;
      if (mamori_op_find (MAMORI_OP_IMPORT, imports[i].op) == NULL)
        continue;
      exists = TRUE;
      if (!mamori_access_may_add_record (access, imports[i].reg))
        continue;
      item = g_menu_item_new (_(imports[i].label), NULL);
      g_menu_item_set_action_and_target_value (item, "registers.import", g_variant_new_string (imports[i].op));
      g_menu_append_item (menu, item);
    }
  gtk_menu_button_set_menu_model (self->import_button, G_MENU_MODEL (menu));
  /* The import operations may not exist in this build. */
  gtk_widget_set_sensitive (GTK_WIDGET (self->import_button), g_menu_model_get_n_items (G_MENU_MODEL (menu)) > 0);
  gtk_widget_set_tooltip_text (GTK_WIDGET (self->import_button),
                               !exists || g_menu_model_get_n_items (G_MENU_MODEL (menu)) > 0
                                 ? _("Import") : why_not (access, _("Your role does not let you add records here")));
}

/* A row the role may not change, among others it may: a lock. */
static GtkWidget *
lock_icon (void)
{
  GtkWidget *icon = gtk_image_new_from_icon_name ("changes-prevent-symbolic");

  gtk_widget_add_css_class (icon, "dim-label");
  gtk_widget_set_tooltip_text (icon, _("Read-only for your role"));
  gtk_accessible_update_property (GTK_ACCESSIBLE (icon), GTK_ACCESSIBLE_PROPERTY_LABEL, _("Read-only for your role"), -1);
  return icon;
}

/* Whether the role may delete the record id of the register shown (its row's department). */
static gboolean
may_delete (MamoriRegistersPage *self,
            gint64               id)
{
  const MamoriRegister *reg = current_register (self);
  const char *unit = NULL;

  if (reg == NULL)
    return FALSE;
  for (guint i = 0; i < self->ids->len; i++)
    if (g_array_index (self->ids, gint64, i) == id)
      unit = self->units->pdata[i];
  if (unit == NULL && mamori_access_record_unit_field (reg->key) != NULL)
    unit = "";    /* not shown: as a record of no department */
  return mamori_access_may_edit_record (page_access (self), reg->key, unit, TRUE);
}

/* --- the lists ------------------------------------------------------------------------------ */

static void
clear_list (MamoriRegistersPage *self)
{
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->list))) != NULL)
    gtk_list_box_remove (self->list, child);
  g_array_set_size (self->ids, 0);
  g_ptr_array_set_size (self->units, 0);
}

static GtkWidget *
add_row (MamoriRegistersPage *self,
         const char          *title,
         const char          *subtitle,
         gint64               id,
         const char          *unit)
{
  GtkWidget *row = adw_action_row_new ();

  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
  adw_action_row_set_title_lines (ADW_ACTION_ROW (row), 2);
  adw_action_row_set_subtitle_lines (ADW_ACTION_ROW (row), 2);
  /* Two lines of a long title; the whole of it in the tooltip. */
  if (g_utf8_strlen (title, -1) > 40)
    gtk_widget_set_tooltip_text (row, title);
  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), TRUE);
  gtk_list_box_append (self->list, row);
  g_array_append_val (self->ids, id);
  g_ptr_array_add (self->units, g_strdup (unit));
  return row;
}

/* The arrow that says the row opens, after any tags. */
static void
end_row (GtkWidget *row)
{
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), gtk_image_new_from_icon_name ("go-next-symbolic"));
}

static void
load_register (MamoriRegistersPage  *self,
               const MamoriRegister *reg)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) records = NULL;
  g_autoptr(GHashTable) cache = mamori_ref_cache_new ();
  g_autofree char *count = NULL;
  const MamoriAccess *access = page_access (self);
  const char *unit_field = mamori_access_record_unit_field (reg->key);
  /* Locks only where the role may change some records: a viewer's would all be locked. */
  gboolean locks = !mamori_access_is_officer (access) && mamori_access_may_edit_record (access, reg->key, NULL, FALSE);

  gtk_widget_set_visible (GTK_WIDGET (self->summary_label), FALSE);
  adw_status_page_set_title (self->empty_page, mamori_register_title (reg));
  adw_status_page_set_description (self->empty_page, about_description (reg->key));
  adw_status_page_set_icon_name (self->empty_page, about_icon (reg->key));
  if (self->workspace == NULL)
    {
      gtk_stack_set_visible_child_name (self->stack, "empty");
      return;
    }
  records = mamori_workspace_list_records (self->workspace, reg, 0, &error);
  if (records == NULL)
    {
      mamori_widget_show_error (GTK_WIDGET (self), _("Could Not Read the Register"), error);
      records = g_ptr_array_new ();
    }
  for (guint i = 0; i < records->len; i++)
    {
      const MamoriRecord *r = records->pdata[i];
      g_autofree char *title = NULL, *subtitle = NULL;
      const char *unit = unit_field != NULL ? mamori_record_get (r, unit_field) : NULL;
      GtkWidget *row;
      mamori_record_row_text (self->workspace, cache, r, &title, &subtitle);
      row = add_row (self, title, subtitle, r->id, unit);
      if (locks && !mamori_access_may_edit_record (access, reg->key, unit, FALSE))
        {
          adw_action_row_add_suffix (ADW_ACTION_ROW (row), lock_icon ());
          g_object_set_data (G_OBJECT (row), "mamori-locked", GINT_TO_POINTER (1));
        }
      end_row (row);
    }
  count = g_strdup_printf (ngettext ("%u record", "%u records", records->len), records->len);
  gtk_label_set_text (self->count_label, count);
  gtk_stack_set_visible_child_name (self->stack, records->len > 0 ? "list" : "empty");
}

static int
compare_status (gconstpointer a,
                gconstpointer b)
{
  const MamoriTrainingStatus *x = *(MamoriTrainingStatus **) a;
  const MamoriTrainingStatus *y = *(MamoriTrainingStatus **) b;
  int rx = x->overdue ? 0 : x->state != MAMORI_TRAINING_DONE || x->pledge_missing ? 1 : 2;
  int ry = y->overdue ? 0 : y->state != MAMORI_TRAINING_DONE || y->pledge_missing ? 1 : 2;

  if (rx != ry)
    return rx - ry;
  return strcmp (x->due_on, y->due_on);
}

static GtkWidget *
tag (const char *text,
     const char *style)
{
  GtkWidget *label = gtk_label_new (text);

  gtk_widget_add_css_class (label, style);
  gtk_widget_add_css_class (label, "caption-heading");
  gtk_widget_set_valign (label, GTK_ALIGN_CENTER);
  return label;
}

static void
load_training_status (MamoriRegistersPage *self)
{
  const char *keys[] = { "people", "trainings", "attendance", "pledges" };
  GPtrArray *lists[G_N_ELEMENTS (keys)] = { NULL };
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) statuses = NULL;
  g_autofree char *today = mamori_today ();
  g_autofree char *summary = NULL;
  g_autofree char *count = NULL;
  MamoriTrainingCoverage coverage = { 0 };

  adw_status_page_set_title (self->empty_page, _("Training Status"));
  adw_status_page_set_description (self->empty_page,
                                   _("Who is trained this fiscal year, who is due, which new joiners are late and which access holders must lose access until trained. Add the people first."));
  adw_status_page_set_icon_name (self->empty_page, "system-users-symbolic");
  if (self->workspace == NULL)
    {
      gtk_stack_set_visible_child_name (self->stack, "empty");
      return;
    }
  for (guint i = 0; i < G_N_ELEMENTS (keys) && error == NULL; i++)
    lists[i] = mamori_workspace_list_records (self->workspace, mamori_register_lookup (keys[i]), 0, &error);
  if (error != NULL)
    mamori_widget_show_error (GTK_WIDGET (self), _("Could Not Read the Register"), error);
  else
    {
      statuses = mamori_training_statuses (lists[0], lists[1], lists[2], lists[3], today,
                                           mamori_workspace_fiscal_start_month (self->workspace));
      g_ptr_array_sort (statuses, compare_status);
      for (guint i = 0; i < statuses->len; i++)
        {
          const MamoriTrainingStatus *s = statuses->pdata[i];
          GString *sub = g_string_new (NULL);
          g_autofree char *subtitle = NULL;
          const char *unit = mamori_record_get (s->person, "unit");
          GtkWidget *row;

          if (*unit)
            g_string_append_printf (sub, "%s · ", unit);
          g_string_append (sub, mamori_training_state_label (s->state));
          if (*s->due_on)
            {
              g_autofree char *date = NULL;
              const MamoriField due = { "due", "", MAMORI_FIELD_DATE };
              date = mamori_record_format (NULL, NULL, &due, s->due_on);
              /* TRANSLATORS: %s is a date */
              g_string_append_printf (sub, " · ");
              g_string_append_printf (sub, _("due %s"), date);
            }
          if (*s->last_trained)
            {
              const MamoriField last = { "last", "", MAMORI_FIELD_DATE };
              g_autofree char *date = mamori_record_format (NULL, NULL, &last, s->last_trained);
              g_string_append_printf (sub, " · ");
              /* TRANSLATORS: %s is a date */
              g_string_append_printf (sub, _("last trained %s"), date);
            }
          subtitle = g_string_free (sub, FALSE);
          row = add_row (self, mamori_record_get (s->person, "name"), subtitle, s->person->id, unit);
          if (s->pledge_missing)
            adw_action_row_add_suffix (ADW_ACTION_ROW (row), tag (_("No pledge"), "warning"));
          if (s->state == MAMORI_TRAINING_REVOKE)
            adw_action_row_add_suffix (ADW_ACTION_ROW (row), tag (_("Revoke access"), "error"));
          else if (s->overdue)
            adw_action_row_add_suffix (ADW_ACTION_ROW (row), tag (_("Overdue"), "error"));
          end_row (row);
        }
      mamori_training_coverage (statuses, &coverage);
    }
  for (guint i = 0; i < G_N_ELEMENTS (keys); i++)
    if (lists[i] != NULL)
      g_ptr_array_unref (lists[i]);
  summary = g_strdup_printf (_("%u of %u people trained this fiscal year · overdue: %u (to lose access until trained: %u) · pledges missing: %u"),
                             coverage.trained, coverage.people, coverage.overdue, coverage.revoke, coverage.pledges_missing);
  gtk_label_set_text (self->summary_label, summary);
  gtk_widget_set_visible (GTK_WIDGET (self->summary_label), TRUE);
  count = g_strdup_printf (ngettext ("%u person", "%u people", coverage.people), coverage.people);
  gtk_label_set_text (self->count_label, count);
  gtk_stack_set_visible_child_name (self->stack, statuses != NULL && statuses->len > 0 ? "list" : "empty");
}

static void
reload (MamoriRegistersPage *self)
{
  const MamoriRegister *reg = current_register (self);
  gboolean training = g_str_equal (self->view, TRAINING_STATUS);
  /* Without a workspace Add is off and says nothing of roles. */
  gboolean allowed = training || mamori_access_may_add_record (page_access (self), reg->key);

  clear_list (self);
  gtk_label_set_text (self->title_label, training ? _("Training Status") : mamori_register_title (reg));
  gtk_widget_set_visible (GTK_WIDGET (self->add_button), !training);
  gtk_widget_set_visible (GTK_WIDGET (self->import_button),
                          training || g_str_equal (self->view, "people") || g_str_equal (self->view, "trainings"));
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "registers.add", !training && self->workspace != NULL && allowed);
  gtk_widget_set_tooltip_text (GTK_WIDGET (self->add_button),
                               allowed ? _("Add a Record (Ctrl+N)")
                                       : why_not (page_access (self), _("Your role does not let you add records here")));
  gtk_widget_set_visible (self->add_first_button, allowed && !training);
  update_imports (self);
  if (training)
    load_training_status (self);
  else
    load_register (self, reg);
}

static gboolean
settings_changed (gpointer data)
{
  MamoriRegistersPage *self = data;

  self->settings_idle = 0;
  reload (self);
  return G_SOURCE_REMOVE;
}

static void
workspace_changed (MamoriWorkspace     *workspace,
                   const char          *entity,
                   MamoriRegistersPage *self)
{
  const char *training[] = { "people", "trainings", "pledges" };

  /* The roles may have changed: once every handler has run, as the workspace forgets the
   * access it read in a handler of its own. */
  if (g_str_equal (entity, "settings"))
    {
      if (self->settings_idle == 0)
        self->settings_idle = g_idle_add (settings_changed, self);
    }
  else if (g_str_equal (entity, self->view))
    reload (self);
  else if (g_str_equal (self->view, TRAINING_STATUS))
    {
      for (guint i = 0; i < G_N_ELEMENTS (training); i++)
        if (g_str_equal (entity, training[i]))
          reload (self);
    }
  else if (g_str_equal (entity, "people") || g_str_equal (entity, "asset") || g_str_equal (entity, "assessment"))
    reload (self);    /* names of references */
}

/* --- opening records --------------------------------------------------------------------------- */

static MamoriRecordEditor *
open_editor (MamoriRegistersPage  *self,
             const MamoriRegister *reg,
             gint64                id)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));
  MamoriRecordEditor *editor;

  if (self->workspace == NULL || reg == NULL)
    return NULL;
  editor = mamori_record_editor_new (self->workspace, GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL, GTK_WIDGET (self),
                                     reg, id, 0);
  g_set_weak_pointer (&self->editor, editor);
  gtk_window_present (GTK_WINDOW (editor));
  return editor;
}

static void
row_activated (GtkListBox          *box,
               GtkListBoxRow       *row,
               MamoriRegistersPage *self)
{
  int index = gtk_list_box_row_get_index (row);
  const MamoriRegister *reg = g_str_equal (self->view, TRAINING_STATUS) ? mamori_register_lookup ("people")
                                                                         : current_register (self);

  if (index >= 0 && (guint) index < self->ids->len)
    open_editor (self, reg, g_array_index (self->ids, gint64, index));
}

static void
add_action (GtkWidget  *widget,
            const char *name,
            GVariant   *parameter)
{
  MamoriRegistersPage *self = MAMORI_REGISTERS_PAGE (widget);

  if (!g_str_equal (self->view, TRAINING_STATUS) &&
      mamori_access_may_add_record (page_access (self), current_register (self)->key))
    open_editor (self, current_register (self), 0);
}

AdwToast *
mamori_registers_page_delete (MamoriRegistersPage *self,
                              gint64               id)
{
  const MamoriRegister *reg = current_register (self);

  if (reg == NULL || self->workspace == NULL)
    return NULL;
  if (!may_delete (self, id))
    {
      g_autofree char *why = g_markup_escape_text (why_not (page_access (self), _("Your role does not let you delete this record")), -1);
      mamori_widget_add_toast (GTK_WIDGET (self), why);
      return NULL;
    }
  return mamori_record_delete_with_undo (GTK_WIDGET (self), self->workspace, reg, id);
}

/* Delete on a focused row deletes its record (with an undo toast). */
static gboolean
list_key_pressed (GtkEventControllerKey *controller,
                  guint                  keyval,
                  guint                  keycode,
                  GdkModifierType        state,
                  MamoriRegistersPage   *self)
{
  GtkWidget *focus = gtk_root_get_focus (gtk_widget_get_root (GTK_WIDGET (self)));
  GtkWidget *row = focus ? gtk_widget_get_ancestor (focus, GTK_TYPE_LIST_BOX_ROW) : NULL;
  int index;

  if ((keyval != GDK_KEY_Delete && keyval != GDK_KEY_KP_Delete) || row == NULL || current_register (self) == NULL)
    return FALSE;
  index = gtk_list_box_row_get_index (GTK_LIST_BOX_ROW (row));
  if (index < 0 || (guint) index >= self->ids->len)
    return FALSE;
  mamori_registers_page_delete (self, g_array_index (self->ids, gint64, index));
  return TRUE;
}

/* --- imports ------------------------------------------------------------------------------------ */

static void
imported (gpointer        owner,
          MamoriOpResult *result,
          const GError   *error)
{
  MamoriRegistersPage *self = owner;

  if (error != NULL)
    {
      mamori_widget_show_op_error (GTK_WIDGET (self), _("Could Not Import"), result, error);
      return;
    }
  if (self->workspace == NULL)
    return;
  mamori_workspace_announce_changes (self->workspace, (const char * const *) result->changed->pdata);
  {
    g_autofree char *toast = g_strdup_printf (ngettext ("Imported %u record", "Imported %u records", result->n_rows), result->n_rows);
    mamori_widget_add_toast (GTK_WIDGET (self), toast);
  }
}

void
mamori_registers_page_import_file (MamoriRegistersPage *self,
                                   const char          *op_name,
                                   GFile               *file)
{
  const MamoriOp *op = mamori_op_find (MAMORI_OP_IMPORT, op_name);
  g_autofree char *path = g_file_get_path (file);
  MamoriOpRequest request = { .path = path };

  if (op == NULL || self->workspace == NULL)
    return;
  if (!mamori_access_may_add_record (page_access (self), import_register (op->name)))
    {
      const MamoriRegister *reg = mamori_register_lookup (import_register (op->name));
      g_autoptr(GError) error = g_error_new (MAMORI_WORKSPACE_ERROR, MAMORI_WORKSPACE_ERROR_READ_ONLY,
                                             _("Your role does not let you add records to “%s”."),
                                             reg != NULL ? mamori_register_title (reg) : op->name);
      mamori_widget_show_error (GTK_WIDGET (self), _("Could Not Import"), error);
      return;
    }
  if (path == NULL)
    {
      g_autofree char *uri = g_file_get_uri (file);
      g_autoptr(GError) error = g_error_new (MAMORI_WORKSPACE_ERROR, MAMORI_WORKSPACE_ERROR_INVALID,
                                             _("“%s” is not a local file; copy it to this computer first."), uri);
      mamori_widget_show_error (GTK_WIDGET (self), _("Could Not Import"), error);
      return;
    }
  if (self->importer == NULL)
    self->importer = mamori_worker_new (self);
  mamori_worker_run_op (self->importer, op, mamori_workspace_get_path (self->workspace), &request, imported);
}

gboolean
mamori_registers_page_is_importing (MamoriRegistersPage *self)
{
  return self->importer != NULL && mamori_worker_is_running (self->importer);
}

static void
import_chosen (GtkNativeDialog     *dialog,
               int                  response,
               MamoriRegistersPage *self)
{
  if (response == GTK_RESPONSE_ACCEPT)
    {
      g_autoptr(GFile) file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (dialog));
      mamori_registers_page_import_file (self, g_object_get_data (G_OBJECT (dialog), "mamori-op"), file);
    }
  gtk_native_dialog_destroy (dialog);
  g_clear_object (&self->chooser);
}

static void
import_action (GtkWidget  *widget,
               const char *name,
               GVariant   *parameter)
{
  MamoriRegistersPage *self = MAMORI_REGISTERS_PAGE (widget);
  const MamoriOp *op = mamori_op_find (MAMORI_OP_IMPORT, g_variant_get_string (parameter, NULL));
  GtkRoot *root = gtk_widget_get_root (widget);
  g_auto(GStrv) extensions = NULL;
  g_autoptr(GtkFileFilter) filter = gtk_file_filter_new ();
  GtkFileChooserNative *chooser;

  if (op == NULL || self->workspace == NULL || self->chooser != NULL ||
      !mamori_access_may_add_record (page_access (self), import_register (op->name)))
    return;
  chooser = gtk_file_chooser_native_new (g_str_equal (op->name, "people") ? _("Import People") : _("Import Attendance"),
                                         GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL, GTK_FILE_CHOOSER_ACTION_OPEN,
                                         _("_Import"), _("_Cancel"));
  extensions = g_strsplit (op->extensions ? op->extensions : ".csv", " ", -1);
  gtk_file_filter_set_name (filter, _(op->label));
  for (guint i = 0; extensions[i] != NULL; i++)
    {
      g_autofree char *pattern = g_strdup_printf ("*%s", extensions[i]);
      gtk_file_filter_add_pattern (filter, pattern);
    }
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (chooser), filter);
  g_object_set_data_full (G_OBJECT (chooser), "mamori-op", g_strdup (op->name), g_free);
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (chooser), TRUE);
  g_signal_connect (chooser, "response", G_CALLBACK (import_chosen), self);
  self->chooser = GTK_NATIVE_DIALOG (chooser);
  gtk_native_dialog_show (self->chooser);
}

/* --- the sidebar -------------------------------------------------------------------------------- */

static void
sidebar_selected (GtkListBox          *box,
                  GtkListBoxRow       *row,
                  MamoriRegistersPage *self)
{
  const char *view = row ? g_object_get_data (G_OBJECT (row), "mamori-view") : NULL;

  if (view == NULL)
    return;
  if (g_strcmp0 (self->view, view) != 0)
    {
      g_free (self->view);
      self->view = g_strdup (view);
      reload (self);
    }
  if (adw_flap_get_folded (self->flap))
    adw_flap_set_reveal_flap (self->flap, FALSE);
}

static void
add_sidebar_row (MamoriRegistersPage *self,
                 const char          *view,
                 const char          *title)
{
  GtkWidget *row = gtk_list_box_row_new ();
  GtkWidget *label = gtk_label_new (title);

  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_label_set_ellipsize (GTK_LABEL (label), PANGO_ELLIPSIZE_END);
  gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (row), label);
  g_object_set_data_full (G_OBJECT (row), "mamori-view", g_strdup (view), g_free);
  gtk_list_box_append (self->sidebar, row);
}

static void
fill_sidebar (MamoriRegistersPage *self)
{
  guint n = 0;
  const MamoriRegister *const *regs = mamori_registers (&n);

  for (guint i = 0; i < n; i++)
    if (regs[i]->parent == NULL)
      add_sidebar_row (self, regs[i]->key, mamori_register_title (regs[i]));
  add_sidebar_row (self, TRAINING_STATUS, _("Training Status"));
}

/* --- public -------------------------------------------------------------------------------------- */

void
mamori_registers_page_show (MamoriRegistersPage *self,
                            const char          *view,
                            gint64               id)
{
  g_return_if_fail (MAMORI_IS_REGISTERS_PAGE (self));

  for (GtkWidget *row = gtk_widget_get_first_child (GTK_WIDGET (self->sidebar)); row != NULL;
       row = gtk_widget_get_next_sibling (row))
    if (g_strcmp0 (g_object_get_data (G_OBJECT (row), "mamori-view"), view) == 0)
      gtk_list_box_select_row (self->sidebar, GTK_LIST_BOX_ROW (row));
  if (id > 0 && mamori_register_lookup (view) != NULL && mamori_register_lookup (view)->parent == NULL)
    open_editor (self, mamori_register_lookup (view), id);
}

void
mamori_registers_page_set_workspace (MamoriRegistersPage *self,
                                     MamoriWorkspace     *workspace)
{
  g_return_if_fail (MAMORI_IS_REGISTERS_PAGE (self));

  if (self->editor != NULL)
    gtk_window_destroy (GTK_WINDOW (self->editor));
  if (self->workspace != NULL)
    g_clear_signal_handler (&self->changed_id, self->workspace);
  g_set_object (&self->workspace, workspace);
  if (workspace != NULL)
    self->changed_id = g_signal_connect (workspace, "changed", G_CALLBACK (workspace_changed), self);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "registers.import", workspace != NULL);
  reload (self);
}

const char *
mamori_registers_page_get_view (MamoriRegistersPage *self)
{
  return self->view;
}

guint
mamori_registers_page_get_n_rows (MamoriRegistersPage *self)
{
  return self->ids->len;
}

const char *
mamori_registers_page_get_row_title (MamoriRegistersPage *self,
                                     guint                index)
{
  GtkListBoxRow *row = gtk_list_box_get_row_at_index (self->list, (int) index);

  return row ? adw_preferences_row_get_title (ADW_PREFERENCES_ROW (row)) : NULL;
}

gint64
mamori_registers_page_get_row_id (MamoriRegistersPage *self,
                                  guint                index)
{
  return index < self->ids->len ? g_array_index (self->ids, gint64, index) : 0;
}

gboolean
mamori_registers_page_row_is_locked (MamoriRegistersPage *self,
                                     guint                index)
{
  GtkListBoxRow *row = gtk_list_box_get_row_at_index (self->list, (int) index);

  return row != NULL && g_object_get_data (G_OBJECT (row), "mamori-locked") != NULL;
}

gboolean
mamori_registers_page_offers_import (MamoriRegistersPage *self,
                                     const char          *op)
{
  GMenuModel *menu = gtk_menu_button_get_menu_model (self->import_button);

  if (!gtk_widget_get_sensitive (GTK_WIDGET (self->import_button)) || menu == NULL)
    return FALSE;
  for (int i = 0; i < g_menu_model_get_n_items (menu); i++)
    {
      g_autoptr(GVariant) target = g_menu_model_get_item_attribute_value (menu, i, G_MENU_ATTRIBUTE_TARGET, G_VARIANT_TYPE_STRING);
      if (target != NULL && g_str_equal (g_variant_get_string (target, NULL), op))
        return TRUE;
    }
  return FALSE;
}

MamoriRecordEditor *
mamori_registers_page_add (MamoriRegistersPage *self)
{
  gtk_widget_activate_action (GTK_WIDGET (self), "registers.add", NULL);
  return self->editor;
}

MamoriRecordEditor *
mamori_registers_page_get_editor (MamoriRegistersPage *self)
{
  return self->editor;
}

static void
mamori_registers_page_dispose (GObject *object)
{
  MamoriRegistersPage *self = MAMORI_REGISTERS_PAGE (object);

  if (self->workspace != NULL)
    g_clear_signal_handler (&self->changed_id, self->workspace);
  g_clear_object (&self->workspace);
  g_clear_weak_pointer (&self->editor);
  g_clear_handle_id (&self->settings_idle, g_source_remove);
  g_clear_pointer (&self->importer, mamori_worker_free);
  if (self->chooser != NULL)
    {
      gtk_native_dialog_destroy (self->chooser);
      g_clear_object (&self->chooser);
    }
  /* The flap is both a template child and the bin's child: let the bin drop it first. */
  adw_bin_set_child (ADW_BIN (object), NULL);
  gtk_widget_dispose_template (GTK_WIDGET (object), MAMORI_TYPE_REGISTERS_PAGE);
  G_OBJECT_CLASS (mamori_registers_page_parent_class)->dispose (object);
}

static void
mamori_registers_page_finalize (GObject *object)
{
  MamoriRegistersPage *self = MAMORI_REGISTERS_PAGE (object);

  g_free (self->view);
  g_array_unref (self->ids);
  g_ptr_array_unref (self->units);
  G_OBJECT_CLASS (mamori_registers_page_parent_class)->finalize (object);
}

static void
mamori_registers_page_class_init (MamoriRegistersPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = mamori_registers_page_dispose;
  object_class->finalize = mamori_registers_page_finalize;

  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/mamori/Mamori/ui/mamori-registers-page.ui");
  gtk_widget_class_bind_template_child (widget_class, MamoriRegistersPage, flap);
  gtk_widget_class_bind_template_child (widget_class, MamoriRegistersPage, sidebar);
  gtk_widget_class_bind_template_child (widget_class, MamoriRegistersPage, title_label);
  gtk_widget_class_bind_template_child (widget_class, MamoriRegistersPage, count_label);
  gtk_widget_class_bind_template_child (widget_class, MamoriRegistersPage, import_button);
  gtk_widget_class_bind_template_child (widget_class, MamoriRegistersPage, add_button);
  gtk_widget_class_bind_template_child (widget_class, MamoriRegistersPage, add_first_button);
  gtk_widget_class_bind_template_child (widget_class, MamoriRegistersPage, stack);
  gtk_widget_class_bind_template_child (widget_class, MamoriRegistersPage, empty_page);
  gtk_widget_class_bind_template_child (widget_class, MamoriRegistersPage, summary_label);
  gtk_widget_class_bind_template_child (widget_class, MamoriRegistersPage, list);

  gtk_widget_class_install_action (widget_class, "registers.add", NULL, add_action);
  gtk_widget_class_install_action (widget_class, "registers.import", "s", import_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_n, GDK_CONTROL_MASK, "registers.add", NULL);
}

static void
mamori_registers_page_init (MamoriRegistersPage *self)
{
  GtkEventController *keys = gtk_event_controller_key_new ();

  gtk_widget_init_template (GTK_WIDGET (self));
  self->ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  self->units = g_ptr_array_new_with_free_func (g_free);
  self->view = g_strdup (mamori_registers (NULL)[0]->key);
  fill_sidebar (self);
  gtk_list_box_select_row (self->sidebar, gtk_list_box_get_row_at_index (self->sidebar, 0));
  g_signal_connect (self->sidebar, "row-selected", G_CALLBACK (sidebar_selected), self);
  g_signal_connect (self->list, "row-activated", G_CALLBACK (row_activated), self);
  g_signal_connect (keys, "key-pressed", G_CALLBACK (list_key_pressed), self);
  gtk_widget_add_controller (GTK_WIDGET (self->list), keys);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "registers.import", FALSE);
  reload (self);
}
