/* mamori-overview-page.c — the organisation profile, edited in place, and the IPA step-up
 * path as a progress view. */
#include "config.h"

#include <glib/gi18n.h>

#include "core/mamori-stepup.h"
#include "mamori-access-ui.h"
#include "mamori-overview-page.h"
#include "core/mamori-date.h"
#include "mamori-overview-page-private.h"
#include "mamori-widget-util.h"
#include "ops/mamori-worker.h"

#define EMPLOYEES_SAVE_DELAY_MS 700

struct _MamoriOverviewPage {
  AdwBin parent_instance;

  /* template children */
  AdwPreferencesGroup *profile_group;
  AdwPreferencesGroup *stepup_group;
  AdwEntryRow *name_row;
  AdwEntryRow *industry_row;
  GtkSpinButton *employees_spin;
  AdwEntryRow *officer_row;
  AdwEntryRow *contact_row;
  GtkLabel *current_step_label;

  MamoriWorkspace *workspace;
  gulong changed_id;
  guint employees_timeout;
  gboolean loading;

  AdwExpanderRow *step_rows[MAMORI_STEPUP_N_STEPS];
  GtkLevelBar *step_bars[MAMORI_STEPUP_N_STEPS];
  GPtrArray *task_checks; /* GtkCheckButton*, in mamori_stepup_tasks() order */
  AdwPreferencesGroup *welcome_group;
  AdwPreferencesGroup *due_group;
  GPtrArray *due_rows;          /* the rows shown in due_group */
  MamoriWorker *due_worker;     /* reads what is due off the main thread */
  AdwActionRow *welcome_name_row;
  AdwActionRow *welcome_import_row;
  gboolean read_only;           /* the user's role may not change the profile nor the tasks */
  AdwActionRow *security_action_row;  /* the SECURITY ACTION level and what the next star needs */
  GtkButton *security_action_go;
};

/* Where each step-up task is done: a window action and its target (NULL: nowhere to go). */
static const struct {
  const char *key, *action, *target;
} task_places[] = {
  { "s1.five-articles", "win.start-assessment", "ipa-five-articles" },
  { "s2.policy", "win.show-page", "documents" },
  { "s2.self-diagnosis", "win.start-assessment", "ipa-self-diagnosis" },
  { "s2.measures", "win.show-page", "assessments" },
  { "s2.handbook", "win.show-page", "documents" },
  { "s3.risk", "win.show-page", "assets" },
  { "s3.rules", "win.show-page", "documents" },
  { "s3.inspect", "win.show-page", "reports" },
  { "s4.cloud", "win.show-page", "assessments" },
};

G_DEFINE_FINAL_TYPE (MamoriOverviewPage, mamori_overview_page, ADW_TYPE_BIN)

/* --- profile ------------------------------------------------------------------------------- */

static void
load_profile (MamoriOverviewPage *self)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(MamoriProfile) profile = NULL;

  if (self->workspace == NULL)
    profile = mamori_profile_new ();
  else
    profile = mamori_workspace_get_profile (self->workspace, &error);
  if (profile == NULL)
    {
      mamori_widget_show_error (GTK_WIDGET (self), _("Could Not Read the Organisation Profile"), error);
      return;
    }

  self->loading = TRUE;
  gtk_editable_set_text (GTK_EDITABLE (self->name_row), profile->name);
  gtk_editable_set_text (GTK_EDITABLE (self->industry_row), profile->industry);
  gtk_spin_button_set_value (self->employees_spin, profile->employees);
  gtk_editable_set_text (GTK_EDITABLE (self->officer_row), profile->security_officer);
  gtk_editable_set_text (GTK_EDITABLE (self->contact_row), profile->contact);
  self->loading = FALSE;
}

typedef struct {
  MamoriOverviewPage *page;
  MamoriWorkspace *workspace;
  MamoriProfile *previous;
} UndoData;

static void
undo_data_free (gpointer data,
                GClosure *closure)
{
  UndoData *undo = data;
  g_object_unref (undo->workspace);
  mamori_profile_free (undo->previous);
  g_free (undo);
}

static void
undo_clicked (AdwToast *toast,
              gpointer  user_data)
{
  UndoData *undo = user_data;
  g_autoptr(GError) error = NULL;

  /* Undo only where the edit was made. */
  if (undo->page->workspace != undo->workspace)
    return;
  if (!mamori_workspace_set_profile (undo->workspace, undo->previous, &error))
    mamori_widget_show_error (GTK_WIDGET (undo->page), _("Could Not Undo"), error);
}

static void
save_profile (MamoriOverviewPage *self)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(MamoriProfile) before = NULL;
  g_autoptr(MamoriProfile) profile = NULL;

  if (self->workspace == NULL || self->loading)
    return;

  before = mamori_workspace_get_profile (self->workspace, &error);
  if (before == NULL)
    {
      mamori_widget_show_error (GTK_WIDGET (self), _("Could Not Save the Organisation Profile"), error);
      return;
    }
  profile = mamori_profile_copy (before);
  if (!mamori_profile_set_field (profile, MAMORI_PROFILE_FIELD_NAME,
                                 gtk_editable_get_text (GTK_EDITABLE (self->name_row)), &error) ||
      !mamori_profile_set_field (profile, MAMORI_PROFILE_FIELD_INDUSTRY,
                                 gtk_editable_get_text (GTK_EDITABLE (self->industry_row)), &error) ||
      !mamori_profile_set_field (profile, MAMORI_PROFILE_FIELD_SECURITY_OFFICER,
                                 gtk_editable_get_text (GTK_EDITABLE (self->officer_row)), &error) ||
      !mamori_profile_set_field (profile, MAMORI_PROFILE_FIELD_CONTACT,
                                 gtk_editable_get_text (GTK_EDITABLE (self->contact_row)), &error))
    {
      mamori_widget_show_error (GTK_WIDGET (self), _("Could Not Save the Organisation Profile"), error);
      load_profile (self);
      return;
    }
  profile->employees = gtk_spin_button_get_value_as_int (self->employees_spin);

  if (mamori_profile_equal (before, profile))
    return;
  if (!mamori_workspace_set_profile (self->workspace, profile, &error))
    {
      mamori_widget_show_error (GTK_WIDGET (self), _("Could Not Save the Organisation Profile"), error);
      load_profile (self);
      return;
    }

  {
    AdwToast *toast;
    UndoData *undo;

    toast = adw_toast_new (_("Organisation profile saved"));
    adw_toast_set_button_label (toast, _("_Undo"));
    undo = g_new0 (UndoData, 1);
    undo->page = self;
    undo->workspace = g_object_ref (self->workspace);
    undo->previous = g_steal_pointer (&before);
    g_signal_connect_data (toast, "button-clicked", G_CALLBACK (undo_clicked), undo, undo_data_free, 0);
    /* The toast may outlive a page switch but not the page. */
    g_signal_connect_object (self, "destroy", G_CALLBACK (adw_toast_dismiss), toast, G_CONNECT_SWAPPED);
    mamori_widget_add_toast_object (GTK_WIDGET (self), toast);
  }
}

static void
entry_applied (AdwEntryRow *row,
               gpointer     user_data)
{
  save_profile (user_data);
}

static gboolean
employees_timeout_cb (gpointer user_data)
{
  MamoriOverviewPage *self = user_data;

  self->employees_timeout = 0;
  save_profile (self);
  return G_SOURCE_REMOVE;
}

static void
employees_changed (GtkSpinButton *spin,
                   gpointer       user_data)
{
  MamoriOverviewPage *self = user_data;

  if (self->loading)
    return;
  /* Wait until the user stops clicking the arrows: one save and one log entry. */
  g_clear_handle_id (&self->employees_timeout, g_source_remove);
  self->employees_timeout = g_timeout_add (EMPLOYEES_SAVE_DELAY_MS, employees_timeout_cb, self);
}

/* --- step-up path ---------------------------------------------------------------------------- */

/* IPA's SECURITY ACTION self-declaration: the level the workspace meets, what the next star
 * needs, and a button to that step. */
static void
update_security_action (MamoriOverviewPage *self,
                        GHashTable         *done)
{
  g_autoptr(GHashTable) none = g_hash_table_new (g_str_hash, g_str_equal);
  const char *missing = NULL;
  guint stars = mamori_security_action_level (done ? done : none, &missing);
  const MamoriStepTask *tasks;
  guint n_tasks;
  g_autofree char *text = NULL;
  const char *level = stars == 2 ? _("Two stars: you can declare ★★")
                    : stars == 1 ? _("One star: you can declare ★")
                                 : _("Not yet: no star to declare");

  if (missing == NULL)
    text = g_strdup (level);
  else
    {
      const char *task_title = missing;
      tasks = mamori_stepup_tasks (&n_tasks);
      for (guint i = 0; i < n_tasks; i++)
        if (g_str_equal (tasks[i].key, missing))
          task_title = _(tasks[i].title);
      /* TRANSLATORS: the SECURITY ACTION level, then the step the next star still needs */
      text = g_strdup_printf (_("%s · for the next star: %s"), level, task_title);
    }
  adw_action_row_set_subtitle (self->security_action_row, text);
  gtk_widget_set_visible (GTK_WIDGET (self->security_action_go), FALSE);
  for (guint p = 0; missing != NULL && p < G_N_ELEMENTS (task_places); p++)
    if (g_str_equal (task_places[p].key, missing))
      {
        gtk_actionable_set_action_name (GTK_ACTIONABLE (self->security_action_go), task_places[p].action);
        gtk_actionable_set_action_target_value (GTK_ACTIONABLE (self->security_action_go),
                                                g_variant_new_string (task_places[p].target));
        gtk_widget_set_visible (GTK_WIDGET (self->security_action_go), TRUE);
      }
}

const char *
mamori_overview_page_get_security_action (MamoriOverviewPage *self)
{
  return adw_action_row_get_subtitle (self->security_action_row);
}

static void
load_progress (MamoriOverviewPage *self)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GHashTable) done = NULL;
  MamoriStepProgress progress[MAMORI_STEPUP_N_STEPS];
  const MamoriStepTask *tasks;
  guint n_tasks, current;

  if (self->workspace != NULL)
    {
      done = mamori_workspace_get_done_tasks (self->workspace, &error);
      if (done == NULL)
        {
          mamori_widget_show_error (GTK_WIDGET (self), _("Could Not Read the Step-Up Progress"), error);
          return;
        }
    }
  current = mamori_stepup_compute (done, progress);
  tasks = mamori_stepup_tasks (&n_tasks);

  self->loading = TRUE;
  for (guint i = 0; i < n_tasks; i++)
    if (self->task_checks->pdata[i] != NULL)
      gtk_check_button_set_active (self->task_checks->pdata[i],
                                   done != NULL && g_hash_table_contains (done, tasks[i].key));
  for (guint s = 0; s < MAMORI_STEPUP_N_STEPS; s++)
    {
      /* TRANSLATORS: progress of one step, e.g. “2 of 4 done” */
      g_autofree char *subtitle = g_strdup_printf (_("%u of %u done · %s"), progress[s].n_done,
                                                   progress[s].n_tasks, _(progress[s].summary));
      adw_expander_row_set_subtitle (self->step_rows[s], subtitle);
      gtk_level_bar_set_max_value (self->step_bars[s], progress[s].n_tasks);
      gtk_level_bar_set_value (self->step_bars[s], progress[s].n_done);
      if (progress[s].step == current)
        gtk_widget_add_css_class (GTK_WIDGET (self->step_rows[s]), "current-step");
      else
        gtk_widget_remove_css_class (GTK_WIDGET (self->step_rows[s]), "current-step");
    }
  self->loading = FALSE;

  update_security_action (self, done);
  if (current > MAMORI_STEPUP_N_STEPS)
    gtk_label_set_text (self->current_step_label, _("All steps done"));
  else
    {
      g_autofree char *text = g_strdup_printf (_("Now at Step %u"), current);
      gtk_label_set_text (self->current_step_label, text);
    }
}

static void
task_toggled (GtkCheckButton *check,
              gpointer        user_data)
{
  MamoriOverviewPage *self = user_data;
  const char *key = g_object_get_data (G_OBJECT (check), "mamori-task");
  g_autoptr(GError) error = NULL;

  if (self->loading || self->workspace == NULL)
    return;
  if (!mamori_workspace_set_task_done (self->workspace, key, gtk_check_button_get_active (check), &error))
    {
      mamori_widget_show_error (GTK_WIDGET (self), _("Could Not Save the Step-Up Progress"), error);
      load_progress (self);
    }
}

/* Task rows are built when their step is first expanded: a collapsed AdwExpanderRow still
 * measures its children, and the first frame should not lay out rows nobody sees. */
static void
build_task_rows (MamoriOverviewPage *self,
                 guint               step)
{
  const MamoriStepTask *tasks;
  guint n_tasks;

  if (g_object_get_data (G_OBJECT (self->step_rows[step - 1]), "mamori-built") != NULL)
    return;
  g_object_set_data (G_OBJECT (self->step_rows[step - 1]), "mamori-built", GINT_TO_POINTER (1));

  tasks = mamori_stepup_tasks (&n_tasks);
  for (guint i = 0; i < n_tasks; i++)
    {
      GtkWidget *task_row, *check;

      if (tasks[i].step != step)
        continue;
      task_row = adw_action_row_new ();
      check = gtk_check_button_new ();
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (task_row), _(tasks[i].title));
      adw_action_row_set_subtitle (ADW_ACTION_ROW (task_row), _(tasks[i].reference));
      gtk_widget_set_valign (check, GTK_ALIGN_CENTER);
      g_object_set_data (G_OBJECT (check), "mamori-task", (gpointer) tasks[i].key);
      gtk_accessible_update_property (GTK_ACCESSIBLE (check), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                      _(tasks[i].title), -1);
      adw_action_row_add_prefix (ADW_ACTION_ROW (task_row), check);
      adw_action_row_set_activatable_widget (ADW_ACTION_ROW (task_row), check);
      gtk_widget_set_sensitive (check, !self->read_only);
      for (guint p = 0; p < G_N_ELEMENTS (task_places); p++)
        if (g_str_equal (task_places[p].key, tasks[i].key))
          {
            GtkWidget *go = gtk_button_new_from_icon_name ("go-next-symbolic");
            gtk_widget_set_valign (go, GTK_ALIGN_CENTER);
            gtk_widget_add_css_class (go, "flat");
            gtk_widget_set_tooltip_text (go, _("Go there"));
            gtk_actionable_set_action_name (GTK_ACTIONABLE (go), task_places[p].action);
            gtk_actionable_set_action_target_value (GTK_ACTIONABLE (go), g_variant_new_string (task_places[p].target));
            gtk_accessible_update_property (GTK_ACCESSIBLE (go), GTK_ACCESSIBLE_PROPERTY_LABEL, _("Go there"), -1);
            adw_action_row_add_suffix (ADW_ACTION_ROW (task_row), go);
          }
      adw_expander_row_add_row (self->step_rows[step - 1], task_row);
      self->task_checks->pdata[i] = check;
    }
  load_progress (self);
  for (guint i = 0; i < n_tasks; i++)
    if (tasks[i].step == step && self->task_checks->pdata[i] != NULL)
      g_signal_connect (self->task_checks->pdata[i], "toggled", G_CALLBACK (task_toggled), self);
}

static void
step_expanded (AdwExpanderRow     *row,
               GParamSpec         *pspec,
               MamoriOverviewPage *self)
{
  if (adw_expander_row_get_expanded (row))
    build_task_rows (self, GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (row), "mamori-step")));
}

static void
build_step_rows (MamoriOverviewPage *self)
{
  MamoriStepProgress progress[MAMORI_STEPUP_N_STEPS];
  guint n_tasks;

  mamori_stepup_compute (NULL, progress);
  mamori_stepup_tasks (&n_tasks);
  g_ptr_array_set_size (self->task_checks, n_tasks); /* NULL until built */

  {
    GtkWidget *row = adw_action_row_new ();
    GtkWidget *go = gtk_button_new_from_icon_name ("go-next-symbolic");
    adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), "SECURITY ACTION");
    gtk_widget_set_valign (go, GTK_ALIGN_CENTER);
    gtk_widget_add_css_class (go, "flat");
    gtk_widget_set_tooltip_text (go, _("Go to the missing step"));
    gtk_accessible_update_property (GTK_ACCESSIBLE (go), GTK_ACCESSIBLE_PROPERTY_LABEL, _("Go to the missing step"), -1);
    adw_action_row_add_suffix (ADW_ACTION_ROW (row), go);
    adw_preferences_group_add (self->stepup_group, row);
    self->security_action_row = ADW_ACTION_ROW (row);
    self->security_action_go = GTK_BUTTON (go);
  }
  for (guint s = 0; s < MAMORI_STEPUP_N_STEPS; s++)
    {
      AdwExpanderRow *row = ADW_EXPANDER_ROW (adw_expander_row_new ());
      GtkWidget *bar = gtk_level_bar_new ();

      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), _(progress[s].title));
      gtk_widget_set_valign (bar, GTK_ALIGN_CENTER);
      gtk_widget_set_size_request (bar, 96, -1);
      gtk_level_bar_set_mode (GTK_LEVEL_BAR (bar), GTK_LEVEL_BAR_MODE_DISCRETE);
      /* The default offsets colour a low value as a warning; progress is not a warning. */
      gtk_level_bar_remove_offset_value (GTK_LEVEL_BAR (bar), GTK_LEVEL_BAR_OFFSET_LOW);
      gtk_level_bar_remove_offset_value (GTK_LEVEL_BAR (bar), GTK_LEVEL_BAR_OFFSET_HIGH);
      gtk_level_bar_remove_offset_value (GTK_LEVEL_BAR (bar), GTK_LEVEL_BAR_OFFSET_FULL);
      adw_expander_row_add_action (row, bar);
      g_object_set_data (G_OBJECT (row), "mamori-step", GUINT_TO_POINTER (s + 1));
      g_signal_connect (row, "notify::expanded", G_CALLBACK (step_expanded), self);
      adw_preferences_group_add (self->stepup_group, GTK_WIDGET (row));
      self->step_rows[s] = row;
      self->step_bars[s] = GTK_LEVEL_BAR (bar);
    }
}

/* --- workspace --------------------------------------------------------------------------------- */

/* The welcome group shows while the workspace holds nothing of the organisation's. */
static void
update_welcome (MamoriOverviewPage *self)
{
  gboolean empty = FALSE;

  if (self->workspace != NULL && !mamori_workspace_is_empty (self->workspace, &empty, NULL))
    empty = FALSE;
  gtk_widget_set_visible (GTK_WIDGET (self->welcome_group), empty);
}

static void
welcome_name_activated (AdwActionRow       *row,
                        MamoriOverviewPage *self)
{
  gtk_widget_grab_focus (GTK_WIDGET (self->name_row));
}

static void
welcome_import_activated (AdwActionRow       *row,
                          MamoriOverviewPage *self)
{
  gtk_widget_activate_action (GTK_WIDGET (self), "win.import-assets", NULL);
}

/* --- what is due ------------------------------------------------------------------------------ */

#define DUE_DAYS 30
#define DUE_ROWS 6

static gpointer
due_thread (MamoriWorkspace  *workspace,
            gpointer          data,
            GCancellable     *cancellable,
            GError          **error)
{
  return mamori_op_calendar_items (workspace, NULL, data, DUE_DAYS, error);
}

/* Where an entry is acted on: a window action's target page. */
static const char *
due_page (const MamoriDueItem *item)
{
  if (g_str_equal (item->kind, "review"))
    return "reports";
  if (g_str_equal (item->kind, "self-diagnosis"))
    return "assessments";
  return NULL;
}

static void
due_done (gpointer      owner,
          gpointer      result,
          const GError *error,
          gpointer      data)
{
  MamoriOverviewPage *self = owner;
  GPtrArray *items = result;
  guint overdue = 0;

  for (guint i = 0; i < self->due_rows->len; i++)
    adw_preferences_group_remove (self->due_group, self->due_rows->pdata[i]);
  g_ptr_array_set_size (self->due_rows, 0);
  if (items == NULL)
    {
      gtk_widget_set_visible (GTK_WIDGET (self->due_group), FALSE);
      if (error != NULL)
        g_warning ("What is due: %s", error->message);
      return;
    }
  for (guint i = 0; i < items->len; i++)
    overdue += ((MamoriDueItem *) items->pdata[i])->overdue;
  for (guint i = 0; i < items->len && i < DUE_ROWS; i++)
    {
      const MamoriDueItem *item = items->pdata[i];
      GtkWidget *row = adw_action_row_new ();
      MamoriDateStyle style = mamori_date_get_default_style ();
      /* People read these dates: never the stored ISO form. */
      g_autofree char *date = mamori_date_format (item->date, mamori_text_user_lang (),
                                                  style == MAMORI_DATE_ISO ? MAMORI_DATE_WESTERN : style);
      const char *page = due_page (item);

      adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), item->title);
      /* A long measure keeps to two lines in a narrow window; the whole of it is the tooltip. */
      adw_action_row_set_title_lines (ADW_ACTION_ROW (row), 2);
      gtk_widget_set_tooltip_text (row, item->title);
      adw_action_row_set_subtitle (ADW_ACTION_ROW (row), date);
      if (item->overdue)
        {
          GtkWidget *label = gtk_label_new (_("Overdue"));
          gtk_widget_add_css_class (label, "error");
          gtk_widget_set_valign (label, GTK_ALIGN_CENTER);
          adw_action_row_add_suffix (ADW_ACTION_ROW (row), label);
        }
      if (item->target != NULL && *item->target != '\0')
        {
          /* "page", "page:ID" or "page:register:ID": the window shows the page and opens it. */
          g_auto(GStrv) parts = g_strsplit (item->target, ":", 3);
          const char *what = "";
          gint64 id = 0;
          if (parts[1] != NULL && parts[2] != NULL)
            {
              what = parts[1];
              id = g_ascii_strtoll (parts[2], NULL, 10);
            }
          else if (parts[1] != NULL && g_ascii_isdigit (parts[1][0]))
            id = g_ascii_strtoll (parts[1], NULL, 10);
          else if (parts[1] != NULL)
            what = parts[1];
          gtk_actionable_set_action_name (GTK_ACTIONABLE (row), "win.show-record");
          gtk_actionable_set_action_target (GTK_ACTIONABLE (row), "(ssx)", parts[0], what, id);
        }
      else if (page != NULL)
        {
          gtk_actionable_set_action_name (GTK_ACTIONABLE (row), "win.show-page");
          gtk_actionable_set_action_target (GTK_ACTIONABLE (row), "s", page);
        }
      if (gtk_actionable_get_action_name (GTK_ACTIONABLE (row)) != NULL)
        {
          gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), TRUE);
          adw_action_row_add_suffix (ADW_ACTION_ROW (row), gtk_image_new_from_icon_name ("go-next-symbolic"));
        }
      adw_preferences_group_add (self->due_group, row);
      g_ptr_array_add (self->due_rows, row);
    }
  {
    g_autofree char *description = NULL;
    if (items->len > DUE_ROWS)
      description = g_strdup_printf (ngettext ("The next %u days and what is overdue (%u overdue); %u more with `mamori calendar` or the calendar export.",
                                               "The next %u days and what is overdue (%u overdue); %u more with `mamori calendar` or the calendar export.",
                                               items->len - DUE_ROWS),
                                     DUE_DAYS, overdue, items->len - DUE_ROWS);
    else
      description = g_strdup_printf (_("The next %u days and what is overdue (%u overdue)."), DUE_DAYS, overdue);
    adw_preferences_group_set_description (self->due_group, description);
  }
  gtk_widget_set_visible (GTK_WIDGET (self->due_group), items->len > 0);
}

static void
load_due (MamoriOverviewPage *self)
{
  if (self->workspace == NULL)
    {
      gtk_widget_set_visible (GTK_WIDGET (self->due_group), FALSE);
      return;
    }
  if (self->due_worker == NULL)
    self->due_worker = mamori_worker_new (self);
  mamori_worker_run (self->due_worker, mamori_workspace_get_path (self->workspace), FALSE, due_thread,
                     mamori_today (), g_free, (GDestroyNotify) g_ptr_array_unref, due_done);
}

guint
mamori_overview_page_get_n_due (MamoriOverviewPage *self)
{
  return self->due_rows->len;
}

gboolean
mamori_overview_page_is_loading_due (MamoriOverviewPage *self)
{
  return self->due_worker != NULL && mamori_worker_is_running (self->due_worker);
}

/* The organisation profile and the step-up tasks are the officer's: the others read them. */
static void
update_access (MamoriOverviewPage *self)
{
  AdwEntryRow *rows[] = { self->name_row, self->industry_row, self->officer_row, self->contact_row };
  g_autofree char *why = NULL;

  self->read_only = !mamori_access_ui_is_officer (self->workspace);
  if (self->read_only)
    why = mamori_access_ui_officer_only (self->workspace);
  for (guint i = 0; i < G_N_ELEMENTS (rows); i++)
    {
      /* Read-only rather than insensitive: the text stays readable and can be copied. */
      gtk_editable_set_editable (GTK_EDITABLE (rows[i]), !self->read_only);
      adw_entry_row_set_show_apply_button (rows[i], !self->read_only);
    }
  mamori_access_ui_allow (GTK_WIDGET (self->employees_spin), !self->read_only, why);
  adw_preferences_group_set_description (self->profile_group, self->read_only
                                         ? _("Shown on every document and report. Only the officer changes it.")
                                         : _("Shown on every document and report. Press Enter or the tick to save a field."));
  adw_preferences_group_set_description (self->stepup_group, self->read_only
                                         ? _("The four steps of the IPA guideline for small and mid-sized companies. The officer ticks a task when it is done.")
                                         : _("The four steps of the IPA guideline for small and mid-sized companies. Tick a task when it is done."));
  for (guint i = 0; i < self->task_checks->len; i++)
    if (self->task_checks->pdata[i] != NULL)
      mamori_access_ui_allow (self->task_checks->pdata[i], !self->read_only, why);
}

gboolean
mamori_overview_page_is_read_only (MamoriOverviewPage *self)
{
  return self->read_only;
}

static void
workspace_changed (MamoriWorkspace *workspace,
                   const char      *entity,
                   gpointer         user_data)
{
  MamoriOverviewPage *self = user_data;

  if (g_strcmp0 (entity, "settings") == 0)
    update_access (self);   /* the roles may have changed */

  if (g_strcmp0 (entity, "organisation") == 0)
    load_profile (self);
  else if (g_strcmp0 (entity, "stepup_task") == 0)
    load_progress (self);
  else
    load_due (self);   /* measures, reviews and assessments come and go */
  update_welcome (self);
}

void
mamori_overview_page_set_workspace (MamoriOverviewPage *self,
                                    MamoriWorkspace    *workspace)
{
  g_return_if_fail (MAMORI_IS_OVERVIEW_PAGE (self));

  if (self->workspace == workspace)
    return;
  /* A pending employees edit belongs to the old workspace: save it there first. */
  if (self->employees_timeout != 0)
    {
      g_clear_handle_id (&self->employees_timeout, g_source_remove);
      save_profile (self);
    }
  if (self->workspace != NULL)
    g_clear_signal_handler (&self->changed_id, self->workspace);
  g_set_object (&self->workspace, workspace);
  if (workspace != NULL)
    self->changed_id = g_signal_connect (workspace, "changed", G_CALLBACK (workspace_changed), self);

  gtk_widget_set_sensitive (GTK_WIDGET (self), workspace != NULL);
  update_access (self);
  load_profile (self);
  load_progress (self);
  load_due (self);
  update_welcome (self);

  /* Open the step the organisation is at. */
  {
    g_autoptr(GHashTable) done = workspace ? mamori_workspace_get_done_tasks (workspace, NULL) : NULL;
    MamoriStepProgress progress[MAMORI_STEPUP_N_STEPS];
    guint current = mamori_stepup_compute (done, progress);
    for (guint s = 0; s < MAMORI_STEPUP_N_STEPS; s++)
      adw_expander_row_set_expanded (self->step_rows[s], s + 1 == current);
  }
}

static void
mamori_overview_page_dispose (GObject *object)
{
  MamoriOverviewPage *self = MAMORI_OVERVIEW_PAGE (object);

  if (self->employees_timeout != 0)
    {
      g_clear_handle_id (&self->employees_timeout, g_source_remove);
      save_profile (self);
    }
  g_clear_pointer (&self->due_worker, mamori_worker_free);
  if (self->workspace != NULL)
    g_clear_signal_handler (&self->changed_id, self->workspace);
  g_clear_object (&self->workspace);
  gtk_widget_dispose_template (GTK_WIDGET (object), MAMORI_TYPE_OVERVIEW_PAGE);
  G_OBJECT_CLASS (mamori_overview_page_parent_class)->dispose (object);
}

static void
mamori_overview_page_finalize (GObject *object)
{
  MamoriOverviewPage *self = MAMORI_OVERVIEW_PAGE (object);

  g_ptr_array_unref (self->task_checks);
  g_ptr_array_unref (self->due_rows);
  G_OBJECT_CLASS (mamori_overview_page_parent_class)->finalize (object);
}

static void
mamori_overview_page_class_init (MamoriOverviewPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = mamori_overview_page_dispose;
  object_class->finalize = mamori_overview_page_finalize;

  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/mamori/Mamori/ui/mamori-overview-page.ui");
  gtk_widget_class_bind_template_child (widget_class, MamoriOverviewPage, profile_group);
  gtk_widget_class_bind_template_child (widget_class, MamoriOverviewPage, stepup_group);
  gtk_widget_class_bind_template_child (widget_class, MamoriOverviewPage, name_row);
  gtk_widget_class_bind_template_child (widget_class, MamoriOverviewPage, industry_row);
  gtk_widget_class_bind_template_child (widget_class, MamoriOverviewPage, employees_spin);
  gtk_widget_class_bind_template_child (widget_class, MamoriOverviewPage, officer_row);
  gtk_widget_class_bind_template_child (widget_class, MamoriOverviewPage, contact_row);
  gtk_widget_class_bind_template_child (widget_class, MamoriOverviewPage, current_step_label);
  gtk_widget_class_bind_template_child (widget_class, MamoriOverviewPage, welcome_group);
  gtk_widget_class_bind_template_child (widget_class, MamoriOverviewPage, due_group);
  gtk_widget_class_bind_template_child (widget_class, MamoriOverviewPage, welcome_name_row);
  gtk_widget_class_bind_template_child (widget_class, MamoriOverviewPage, welcome_import_row);
}

static void
mamori_overview_page_init (MamoriOverviewPage *self)
{
  self->task_checks = g_ptr_array_new ();
  self->due_rows = g_ptr_array_new ();
  gtk_widget_init_template (GTK_WIDGET (self));

  g_signal_connect (self->name_row, "apply", G_CALLBACK (entry_applied), self);
  g_signal_connect (self->industry_row, "apply", G_CALLBACK (entry_applied), self);
  g_signal_connect (self->officer_row, "apply", G_CALLBACK (entry_applied), self);
  g_signal_connect (self->contact_row, "apply", G_CALLBACK (entry_applied), self);
  g_signal_connect (self->employees_spin, "value-changed", G_CALLBACK (employees_changed), self);
  g_signal_connect (self->welcome_name_row, "activated", G_CALLBACK (welcome_name_activated), self);
  g_signal_connect (self->welcome_import_row, "activated", G_CALLBACK (welcome_import_activated), self);

  build_step_rows (self);
  gtk_widget_set_sensitive (GTK_WIDGET (self), FALSE);
  load_progress (self);
}
