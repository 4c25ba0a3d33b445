/* mamori-scope-dialog.c — the optional measures and implementation groups in scope, saved as
 * the checklist's next scope version. */
#include "config.h"

#include <glib/gi18n.h>

#include "mamori-scope-dialog.h"
#include "mamori-widget-util.h"
#include "core/mamori-date.h"
#include "core/mamori-profile.h"
#include "store/mamori-assessments.h"
#include "store/mamori-scopes.h"

typedef struct {
  const MamoriNode *item;
  GtkSwitch *included;
  AdwEntryRow *reason;
  AdwExpanderRow *section;
} ItemRow;

typedef struct {
  const MamoriImplementationGroup *group;
  GtkCheckButton *check;
} GroupRow;

struct _MamoriScopeDialog
{
  AdwWindow parent_instance;

  AdwPreferencesPage *page;
  AdwPreferencesGroup *decision_group;
  AdwEntryRow *decided_on_row;
  AdwEntryRow *decided_by_row;
  AdwEntryRow *note_row;
  AdwActionRow *apply_row;
  GtkSwitch *apply_switch;
  GtkButton *save_button;
  GtkButton *cancel_button;

  MamoriWorkspace *workspace;
  const MamoriChecklist *checklist;
  gint64 assessment;
  gboolean in_progress;
  MamoriScope *latest;       /* or NULL */
  GArray *items;             /* ItemRow */
  GArray *groups;            /* GroupRow */
  GHashTable *sections;      /* AdwExpanderRow* → NULL, to update their subtitles */
  gboolean loading;
  gboolean dirty;
};

G_DEFINE_FINAL_TYPE (MamoriScopeDialog, mamori_scope_dialog, ADW_TYPE_WINDOW)

enum { SIGNAL_SAVED, N_SIGNALS };
static guint signals[N_SIGNALS];

static const char *
lang (void)
{
  return mamori_text_user_lang ();
}

gboolean
mamori_scope_dialog_applies (const MamoriChecklist *checklist)
{
  if (checklist->implementation_groups->len > 0)
    return TRUE;
  for (guint i = 0; i < checklist->items->len; i++)
    if (mamori_node_is_optional (checklist->items->pdata[i]))
      return TRUE;
  return FALSE;
}

static void
update_sections (MamoriScopeDialog *self)
{
  GHashTableIter iter;
  gpointer key;

  g_hash_table_iter_init (&iter, self->sections);
  while (g_hash_table_iter_next (&iter, &key, NULL))
    {
      guint n = 0, in = 0;
      g_autofree char *subtitle = NULL;

      for (guint i = 0; i < self->items->len; i++)
        {
          ItemRow *r = &g_array_index (self->items, ItemRow, i);
          if (r->section != key)
            continue;
          n++;
          in += gtk_switch_get_active (r->included);
        }
      /* TRANSLATORS: optional measures of a section in scope, e.g. “5 of 7 included” */
      subtitle = g_strdup_printf (_("%u of %u included"), in, n);
      adw_expander_row_set_subtitle (key, subtitle);
    }
}

static void
changed (MamoriScopeDialog *self)
{
  if (self->loading)
    return;
  self->dirty = TRUE;
  gtk_button_set_label (self->save_button, _("_Save"));
}

static void
switch_changed (GtkSwitch         *sw,
                GParamSpec        *pspec,
                MamoriScopeDialog *self)
{
  for (guint i = 0; i < self->items->len; i++)
    {
      ItemRow *r = &g_array_index (self->items, ItemRow, i);
      if (r->included == sw)
        gtk_widget_set_visible (GTK_WIDGET (r->reason), !gtk_switch_get_active (sw));
    }
  update_sections (self);
  changed (self);
}

static void
text_changed (GtkEditable       *editable,
              MamoriScopeDialog *self)
{
  changed (self);
}

static void
check_toggled (GtkCheckButton    *check,
               MamoriScopeDialog *self)
{
  changed (self);
}

/* The chapter (top-level node) and the heading an item sits under. */
static void
place_of (const MamoriNode  *item,
          const MamoriNode **chapter,
          const MamoriNode **section)
{
  const MamoriNode *top = item;

  while (top->parent != NULL)
    top = top->parent;
  *chapter = top;
  *section = item->parent != NULL ? item->parent : top;
}

static void
build_items (MamoriScopeDialog *self)
{
  AdwPreferencesGroup *group = NULL;
  const MamoriNode *group_node = NULL, *section_node = NULL;
  AdwExpanderRow *expander = NULL;

  for (guint i = 0; i < self->checklist->items->len; i++)
    {
      const MamoriNode *item = self->checklist->items->pdata[i];
      const MamoriNode *chapter, *section;
      const MamoriScopeEntry *left_out;
      g_autofree char *title = NULL;
      GtkWidget *row, *sw, *reason;
      ItemRow r = { item };

      if (!mamori_node_is_optional (item))
        continue;
      place_of (item, &chapter, &section);
      if (chapter != group_node || group == NULL)
        {
          group = ADW_PREFERENCES_GROUP (adw_preferences_group_new ());
          adw_preferences_group_set_title (group, chapter != item ? mamori_node_text (chapter, lang ()) : "");
          adw_preferences_page_add (self->page, group);
          group_node = chapter;
          section_node = NULL;
        }
      if (section != section_node)
        {
          expander = ADW_EXPANDER_ROW (adw_expander_row_new ());
          adw_preferences_row_set_title (ADW_PREFERENCES_ROW (expander),
                                         section != item ? mamori_node_text (section, lang ()) : "");
          adw_preferences_group_add (group, GTK_WIDGET (expander));
          g_hash_table_add (self->sections, expander);
          section_node = section;
        }
      left_out = self->latest ? mamori_scope_find (self->latest, MAMORI_SCOPE_EXCLUDED, item->ref_id) : NULL;
      title = g_markup_printf_escaped ("%s　%s", item->ref_id, mamori_node_text (item, lang ()));
      row = adw_action_row_new ();
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
      adw_action_row_set_title_lines (ADW_ACTION_ROW (row), 3);
      sw = gtk_switch_new ();
      gtk_widget_set_valign (sw, GTK_ALIGN_CENTER);
      gtk_switch_set_active (GTK_SWITCH (sw), left_out == NULL);
      gtk_accessible_update_property (GTK_ACCESSIBLE (sw), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                      mamori_node_text (item, lang ()), -1);
      adw_action_row_add_suffix (ADW_ACTION_ROW (row), sw);
      adw_action_row_set_activatable_widget (ADW_ACTION_ROW (row), sw);
      reason = adw_entry_row_new ();
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (reason), _("Why it is left out"));
      gtk_editable_set_text (GTK_EDITABLE (reason), left_out ? left_out->reason : "");
      gtk_widget_set_visible (reason, left_out != NULL);
      adw_expander_row_add_row (expander, row);
      adw_expander_row_add_row (expander, reason);
      g_signal_connect (sw, "notify::active", G_CALLBACK (switch_changed), self);
      g_signal_connect (reason, "changed", G_CALLBACK (text_changed), self);
      r.included = GTK_SWITCH (sw);
      r.reason = ADW_ENTRY_ROW (reason);
      r.section = expander;
      g_array_append_val (self->items, r);
    }
  update_sections (self);
}

static void
build_groups (MamoriScopeDialog *self)
{
  AdwPreferencesGroup *group;
  g_auto(GStrv) defaults = NULL;

  if (self->checklist->implementation_groups->len == 0)
    return;
  if (self->latest == NULL)
    defaults = mamori_checklist_default_scope (self->checklist);
  group = ADW_PREFERENCES_GROUP (adw_preferences_group_new ());
  adw_preferences_group_set_title (group, _("Implementation groups"));
  adw_preferences_group_set_description (group, _("The assessment asks the items of the groups chosen. With none chosen it asks every item."));
  adw_preferences_page_add (self->page, group);
  for (guint i = 0; i < self->checklist->implementation_groups->len; i++)
    {
      const MamoriImplementationGroup *g = self->checklist->implementation_groups->pdata[i];
      GtkWidget *row = adw_action_row_new ();
      GtkWidget *check = gtk_check_button_new ();
      g_autofree char *title = g_markup_escape_text (mamori_text_get (g->name, lang ()), -1);
      const char *desc = g->description ? mamori_text_get (g->description, lang ()) : NULL;
      gboolean on = self->latest ? mamori_scope_find (self->latest, MAMORI_SCOPE_GROUP, g->ref_id) != NULL
                                 : (defaults != NULL && g_strv_contains ((const char * const *) defaults, g->ref_id));
      GroupRow r = { g, GTK_CHECK_BUTTON (check) };

      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
      if (desc != NULL)
        {
          g_autofree char *escaped = g_markup_escape_text (desc, -1);
          adw_action_row_set_subtitle (ADW_ACTION_ROW (row), escaped);
        }
      gtk_check_button_set_active (GTK_CHECK_BUTTON (check), on);
      gtk_widget_set_valign (check, GTK_ALIGN_CENTER);
      adw_action_row_add_prefix (ADW_ACTION_ROW (row), check);
      adw_action_row_set_activatable_widget (ADW_ACTION_ROW (row), check);
      g_signal_connect (check, "toggled", G_CALLBACK (check_toggled), self);
      adw_preferences_group_add (group, row);
      g_array_append_val (self->groups, r);
    }
}

static void
describe_version (MamoriScopeDialog *self)
{
  g_autoptr(GString) text = g_string_new (NULL);
  g_autoptr(GError) error = NULL;
  gint64 current = self->assessment > 0 ? mamori_workspace_get_assessment_scope (self->workspace, self->assessment, &error) : 0;

  if (self->latest == NULL)
    g_string_append (text, _("No scope has been decided for this checklist yet: saving makes version 1."));
  else
    {
      g_autofree char *date = mamori_date_format (self->latest->decided_on, lang (), mamori_date_get_default_style ());
      g_string_append_printf (text, _("The current scope is version %d, decided on %s."), self->latest->number, date);
      g_string_append_c (text, ' ');
      g_string_append_printf (text, _("A change is saved as version %d; assessments answered in an earlier version keep it."),
                              self->latest->number + 1);
    }
  if (current > 0 && self->latest != NULL && current != self->latest->id)
    {
      g_autoptr(MamoriScope) used = mamori_workspace_get_scope (self->workspace, current, NULL);
      if (used != NULL)
        {
          g_string_append_c (text, ' ');
          g_string_append_printf (text, _("This assessment is answered in version %d."), used->number);
        }
    }
  adw_preferences_group_set_description (self->decision_group, text->str);
}

static MamoriScope *
collect (MamoriScopeDialog *self)
{
  MamoriScope *scope = mamori_scope_new (self->checklist->id);

  g_free (scope->decided_on);
  scope->decided_on = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->decided_on_row))));
  g_free (scope->decided_by);
  scope->decided_by = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->decided_by_row))));
  g_free (scope->note);
  scope->note = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->note_row))));
  for (guint i = 0; i < self->items->len; i++)
    {
      ItemRow *r = &g_array_index (self->items, ItemRow, i);
      if (!gtk_switch_get_active (r->included))
        mamori_scope_add (scope, MAMORI_SCOPE_EXCLUDED, r->item->ref_id, gtk_editable_get_text (GTK_EDITABLE (r->reason)));
    }
  for (guint i = 0; i < self->groups->len; i++)
    {
      GroupRow *r = &g_array_index (self->groups, GroupRow, i);
      if (gtk_check_button_get_active (r->check))
        mamori_scope_add (scope, MAMORI_SCOPE_GROUP, r->group->ref_id, "");
    }
  return scope;
}

/* The first measure left out without a reason: its section opens and its reason takes the focus. */
static void
focus_missing_reason (MamoriScopeDialog *self)
{
  for (guint i = 0; i < self->items->len; i++)
    {
      ItemRow *r = &g_array_index (self->items, ItemRow, i);
      g_autofree char *reason = g_strdup (gtk_editable_get_text (GTK_EDITABLE (r->reason)));

      if (!gtk_switch_get_active (r->included) && *g_strstrip (reason) == '\0')
        {
          adw_expander_row_set_expanded (r->section, TRUE);
          gtk_widget_grab_focus (GTK_WIDGET (r->reason));
          return;
        }
    }
}

gboolean
mamori_scope_dialog_save (MamoriScopeDialog *self)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(MamoriScope) scope = NULL;
  gint64 id;

  if (!self->dirty && self->latest != NULL)
    id = self->latest->id;
  else
    {
      scope = collect (self);
      if (!mamori_workspace_save_scope (self->workspace, scope, self->checklist, &error))
        {
          focus_missing_reason (self);
          mamori_widget_show_error (GTK_WIDGET (self), _("Could Not Save the Scope"), error);
          return FALSE;
        }
      id = scope->id;
    }
  if (self->assessment > 0 && self->in_progress && gtk_switch_get_active (self->apply_switch) &&
      !mamori_workspace_set_assessment_scope (self->workspace, self->assessment, id, &error))
    {
      mamori_widget_show_error (GTK_WIDGET (self), _("Could Not Save the Scope"), error);
      return FALSE;
    }
  g_signal_emit (self, signals[SIGNAL_SAVED], 0, id);
  gtk_window_close (GTK_WINDOW (self));
  return TRUE;
}

void
mamori_scope_dialog_set_included (MamoriScopeDialog *self,
                                  const char        *ref_id,
                                  gboolean           included,
                                  const char        *reason)
{
  for (guint i = 0; i < self->items->len; i++)
    {
      ItemRow *r = &g_array_index (self->items, ItemRow, i);
      if (g_strcmp0 (r->item->ref_id, ref_id) == 0)
        {
          gtk_switch_set_active (r->included, included);
          gtk_editable_set_text (GTK_EDITABLE (r->reason), reason ? reason : "");
        }
    }
}

static void
save_clicked (GtkButton         *button,
              MamoriScopeDialog *self)
{
  mamori_scope_dialog_save (self);
}

static void
cancel_clicked (GtkButton         *button,
                MamoriScopeDialog *self)
{
  gtk_window_close (GTK_WINDOW (self));
}

MamoriScopeDialog *
mamori_scope_dialog_new (MamoriWorkspace       *workspace,
                         const MamoriChecklist *checklist,
                         gint64                 assessment)
{
  MamoriScopeDialog *self = g_object_new (MAMORI_TYPE_SCOPE_DIALOG, NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(MamoriProfile) profile = NULL;
  g_autofree char *title = NULL;
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autofree char *today = NULL;
  const char *mocked = g_getenv ("MAMORI_TODAY");

  self->workspace = g_object_ref (workspace);
  self->checklist = checklist;
  self->assessment = assessment;
  self->latest = mamori_workspace_latest_scope (workspace, checklist->id, &error);
  if (error != NULL)
    g_warning ("%s", error->message);
  if (assessment > 0)
    {
      g_autoptr(MamoriAssessment) a = mamori_workspace_get_assessment (workspace, assessment, NULL);
      self->in_progress = a != NULL && !a->completed;
    }
  /* TRANSLATORS: the dialog's title; %s is the checklist's name */
  title = g_strdup_printf (_("Scope of %s"), mamori_text_get (checklist->name, lang ()));
  gtk_window_set_title (GTK_WINDOW (self), title);
  self->loading = TRUE;
  today = mocked && *mocked ? g_strdup (mocked) : g_date_time_format (now, "%Y-%m-%d");
  gtk_editable_set_text (GTK_EDITABLE (self->decided_on_row), today);
  profile = mamori_workspace_get_profile (workspace, NULL);
  if (self->latest != NULL && self->latest->decided_by != NULL && *self->latest->decided_by)
    gtk_editable_set_text (GTK_EDITABLE (self->decided_by_row), self->latest->decided_by);
  else if (profile != NULL && profile->security_officer != NULL)
    gtk_editable_set_text (GTK_EDITABLE (self->decided_by_row), profile->security_officer);
  gtk_widget_set_visible (GTK_WIDGET (self->apply_row), self->in_progress);
  describe_version (self);
  build_groups (self);
  build_items (self);
  self->loading = FALSE;
  self->dirty = self->latest == NULL;
  gtk_button_set_label (self->save_button, self->dirty ? _("_Save") : _("_Use This Scope"));
  g_signal_connect (self->decided_on_row, "changed", G_CALLBACK (text_changed), self);
  g_signal_connect (self->decided_by_row, "changed", G_CALLBACK (text_changed), self);
  g_signal_connect (self->note_row, "changed", G_CALLBACK (text_changed), self);
  return self;
}

static void
mamori_scope_dialog_dispose (GObject *object)
{
  MamoriScopeDialog *self = MAMORI_SCOPE_DIALOG (object);

  g_clear_object (&self->workspace);
  g_clear_pointer (&self->latest, mamori_scope_free);
  gtk_widget_dispose_template (GTK_WIDGET (object), MAMORI_TYPE_SCOPE_DIALOG);
  G_OBJECT_CLASS (mamori_scope_dialog_parent_class)->dispose (object);
}

static void
mamori_scope_dialog_finalize (GObject *object)
{
  MamoriScopeDialog *self = MAMORI_SCOPE_DIALOG (object);

  g_array_unref (self->items);
  g_array_unref (self->groups);
  g_hash_table_unref (self->sections);
  G_OBJECT_CLASS (mamori_scope_dialog_parent_class)->finalize (object);
}

static void
mamori_scope_dialog_class_init (MamoriScopeDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = mamori_scope_dialog_dispose;
  object_class->finalize = mamori_scope_dialog_finalize;
  signals[SIGNAL_SAVED] = g_signal_new ("saved", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0,
                                        NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_INT64);
  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/mamori/Mamori/ui/mamori-scope-dialog.ui");
#define BIND(name) gtk_widget_class_bind_template_child (widget_class, MamoriScopeDialog, name)
  BIND (page);
  BIND (decision_group);
  BIND (decided_on_row);
  BIND (decided_by_row);
  BIND (note_row);
  BIND (apply_row);
  BIND (apply_switch);
  BIND (save_button);
  BIND (cancel_button);
#undef BIND
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
mamori_scope_dialog_init (MamoriScopeDialog *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  self->items = g_array_new (FALSE, TRUE, sizeof (ItemRow));
  self->groups = g_array_new (FALSE, TRUE, sizeof (GroupRow));
  self->sections = g_hash_table_new (NULL, NULL);
  g_signal_connect (self->save_button, "clicked", G_CALLBACK (save_clicked), self);
  g_signal_connect (self->cancel_button, "clicked", G_CALLBACK (cancel_clicked), self);
}
