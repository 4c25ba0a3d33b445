/* mamori-assessment-wizard.c — one checklist item per page; saved after every answer */
#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "mamori-access-ui.h"
#include "mamori-assessment-wizard.h"
#include "mamori-assessment-wizard-private.h"
#include "mamori-conflict-dialog.h"
#include "mamori-question-box.h"
#include "mamori-wizard-item.h"
#include "core/mamori-criteria.h"
#include "store/mamori-scopes.h"
#include "mamori-widget-util.h"

struct _MamoriAssessmentWizard {
  AdwBin parent_instance;

  AdwFlap *flap;
  GtkListView *item_list;
  GtkProgressBar *progress;
  GtkScrolledWindow *scroller;
  GtkLabel *group_label;
  GtkLabel *position_label;
  GtkLabel *title_label;
  GtkLabel *question_label;
  GtkLabel *source_label;
  GtkExpander *help_expander;
  GtkLabel *help_label;
  GtkBox *choices_box;
  AdwEntryRow *note_row;
  AdwPreferencesGroup *evidence_group;
  GtkButton *add_evidence_button;
  AdwPreferencesGroup *measure_group;
  AdwEntryRow *measure_what_row;
  AdwEntryRow *measure_owner_row;
  AdwEntryRow *measure_due_row;
  GtkButton *next_button;
  GtkLabel *keys_label;

  MamoriWorkspace *workspace;
  const MamoriChecklist *checklist; /* owned by the page's catalogue */
  gint64 assessment;
  gboolean read_only;
  char *role_note;                  /* why the user's role may not answer it, or NULL */
  GtkLabel *role_label;             /* says it above the item */
  GHashTable *answers;              /* ref_id → MamoriAnswer* */
  int current;
  GPtrArray *choice_buttons;        /* GtkToggleButton* for the current item */
  GPtrArray *evidence_rows;
  GtkNativeDialog *chooser;
  gboolean loading;
  GListStore *items;              /* MamoriWizardItem* */
  GArray *order;                  /* guint: the checklist items in the assessment's scope */
  GtkSingleSelection *selection;
  MamoriQuestionBox *question_box;  /* the item's other questions, under its answer */
  /* The current item's answer, note and measure as shown, and the row versions they were
   * read at: a save gives the version back, so someone else's change meanwhile is not
   * overwritten unasked (mamori-conflict-dialog.h). */
  char *shown_note, *shown_what, *shown_owner, *shown_due;
  gint64 choice_version, note_version, measure_version;
};

G_DEFINE_FINAL_TYPE (MamoriAssessmentWizard, mamori_assessment_wizard, ADW_TYPE_BIN)

enum { SIGNAL_FINISHED, SIGNAL_LEFT, N_SIGNALS };
static guint signals[N_SIGNALS];

static void show_item (MamoriAssessmentWizard *self, int index);
static void refresh_state (MamoriAssessmentWizard *self);

static const char *
lang (void)
{
  return mamori_text_user_lang ();
}

static MamoriNode *
item_at (MamoriAssessmentWizard *self,
         int                     index)
{
  return self->checklist->items->pdata[g_array_index (self->order, guint, index)];
}

static MamoriAnswer *
answer_at (MamoriAssessmentWizard *self,
           int                     index)
{
  return self->answers ? g_hash_table_lookup (self->answers, item_at (self, index)->ref_id) : NULL;
}

static gboolean
is_answered (MamoriAssessmentWizard *self,
             int                     index)
{
  MamoriAnswer *a = answer_at (self, index);
  return a != NULL && a->choice >= 0;
}

static gboolean
reload_answers (MamoriAssessmentWizard *self)
{
  g_autoptr(GError) error = NULL;
  GHashTable *answers = mamori_workspace_get_answers (self->workspace, self->assessment, &error);

  if (answers == NULL)
    {
      mamori_widget_show_error (GTK_WIDGET (self), _("Could Not Read the Answers"), error);
      return FALSE;
    }
  g_clear_pointer (&self->answers, g_hash_table_unref);
  self->answers = answers;
  return TRUE;
}

/* Is the given choice of the item a gap (anything short of the best non-N/A answer, or of the
 * target level)? */
static gboolean
is_gap (MamoriAssessmentWizard *self,
        int                     index,
        int                     choice)
{
  GPtrArray *choices = mamori_checklist_choices (self->checklist, item_at (self, index));
  MamoriChoice *c;
  double best = -G_MAXDOUBLE;

  if (choice < 0 || (guint) choice >= choices->len)
    return FALSE;
  c = choices->pdata[choice];
  if (c->not_applicable)
    return FALSE;
  /* Answered by level (target levels): short of the target (none: level 1). */
  if (mamori_criteria_applies (self->checklist))
    return c->score < MAX (mamori_node_get_target_level (item_at (self, index)), 1);
  for (guint i = 0; i < choices->len; i++)
    if (!((MamoriChoice *) choices->pdata[i])->not_applicable)
      best = MAX (best, ((MamoriChoice *) choices->pdata[i])->score);
  return c->score < best;
}

/* --- the side list (a GtkListView: only the visible rows exist) ------------------------------ */

static void
update_row (MamoriAssessmentWizard *self,
            int                     index)
{
  g_autoptr(MamoriWizardItem) row = g_list_model_get_item (G_LIST_MODEL (self->items), index);

  if (row != NULL)
    mamori_wizard_item_set_answered (row, is_answered (self, index));
}

static void
update_progress (MamoriAssessmentWizard *self)
{
  guint answered = 0, n = self->order->len;

  for (guint i = 0; i < n; i++)
    if (is_answered (self, (int) i))
      answered++;
  gtk_progress_bar_set_fraction (self->progress, n ? (double) answered / n : 0);
}

static void
setup_row (GtkSignalListItemFactory *factory,
           GtkListItem              *list_item,
           gpointer                  user_data)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 8);
  GtkWidget *number = gtk_label_new (NULL);
  GtkWidget *title = gtk_label_new (NULL);
  GtkWidget *icon = gtk_image_new_from_icon_name ("object-select-symbolic");

  gtk_widget_add_css_class (number, "dim-label");
  gtk_widget_add_css_class (number, "numeric");
  gtk_label_set_width_chars (GTK_LABEL (number), 3);
  gtk_label_set_xalign (GTK_LABEL (number), 1);
  gtk_label_set_xalign (GTK_LABEL (title), 0);
  gtk_label_set_ellipsize (GTK_LABEL (title), PANGO_ELLIPSIZE_END);
  gtk_widget_set_hexpand (title, TRUE);
  gtk_box_append (GTK_BOX (box), number);
  gtk_box_append (GTK_BOX (box), title);
  gtk_box_append (GTK_BOX (box), icon);
  gtk_list_item_set_child (list_item, box);
}

static void
bind_row (GtkSignalListItemFactory *factory,
          GtkListItem              *list_item,
          MamoriAssessmentWizard   *self)
{
  MamoriWizardItem *row = gtk_list_item_get_item (list_item);
  GtkWidget *box = gtk_list_item_get_child (list_item);
  GtkWidget *number = gtk_widget_get_first_child (box);
  GtkWidget *title = gtk_widget_get_next_sibling (number);
  GtkWidget *icon = gtk_widget_get_next_sibling (title);
  MamoriNode *item;
  const char *text;
  GBinding *binding;

  if (self->checklist == NULL)
    return;
  item = item_at (self, (int) mamori_wizard_item_get_index (row));
  text = mamori_text_get (item->name ? item->name : item->description, lang ());
  gtk_label_set_text (GTK_LABEL (number), item->ref_id);
  gtk_label_set_text (GTK_LABEL (title), text);
  gtk_widget_set_tooltip_text (box, text);
  binding = g_object_bind_property (row, "answered", icon, "visible", G_BINDING_SYNC_CREATE);
  g_object_set_data (G_OBJECT (list_item), "mamori-binding", binding);
}

static void
unbind_row (GtkSignalListItemFactory *factory,
            GtkListItem              *list_item,
            gpointer                  user_data)
{
  GBinding *binding = g_object_steal_data (G_OBJECT (list_item), "mamori-binding");
  if (binding != NULL)
    g_binding_unbind (binding);
}

/* The items asked: those in the scope version the assessment is answered in (all without one). */
static gboolean
build_order (MamoriAssessmentWizard *self)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(MamoriScope) scope = NULL;
  gint64 id = mamori_workspace_get_assessment_scope (self->workspace, self->assessment, &error);

  if (id > 0)
    scope = mamori_workspace_get_scope (self->workspace, id, &error);
  if (id < 0 || (id > 0 && scope == NULL))
    {
      mamori_widget_show_error (GTK_WIDGET (self), _("Could Not Open the Assessment"), error);
      return FALSE;
    }
  g_array_set_size (self->order, 0);
  for (guint i = 0; i < self->checklist->items->len; i++)
    if (mamori_scope_includes (scope, self->checklist->items->pdata[i]))
      g_array_append_val (self->order, i);
  return TRUE;
}

static void
build_list (MamoriAssessmentWizard *self)
{
  g_autoptr(GPtrArray) rows = g_ptr_array_new_with_free_func (g_object_unref);

  for (guint i = 0; i < self->order->len; i++)
    {
      MamoriWizardItem *row = mamori_wizard_item_new (i);
      mamori_wizard_item_set_answered (row, is_answered (self, (int) i));
      g_ptr_array_add (rows, row);
    }
  self->loading = TRUE;
  g_list_store_splice (self->items, 0, g_list_model_get_n_items (G_LIST_MODEL (self->items)), rows->pdata, rows->len);
  self->loading = FALSE;
}

static void
selection_changed (GtkSingleSelection     *selection,
                   GParamSpec             *pspec,
                   MamoriAssessmentWizard *self)
{
  guint selected = gtk_single_selection_get_selected (selection);

  if (!self->loading && self->checklist != NULL && selected != GTK_INVALID_LIST_POSITION &&
      (int) selected != self->current)
    {
      show_item (self, (int) selected);
      /* Folded (a narrow window), the list gives the room back once an item is chosen. */
      if (adw_flap_get_folded (self->flap))
        adw_flap_set_reveal_flap (self->flap, FALSE);
    }
}

/* GTK 4.8 has no gtk_list_view_scroll_to (4.12): keep the row in view by hand. */
static void
scroll_list_to (MamoriAssessmentWizard *self,
                int                     index)
{
  GtkWidget *scroller = gtk_widget_get_ancestor (GTK_WIDGET (self->item_list), GTK_TYPE_SCROLLED_WINDOW);
  GtkAdjustment *adj;
  double n = self->order->len, row, top;

  if (scroller == NULL || n == 0)
    return;
  adj = gtk_scrolled_window_get_vadjustment (GTK_SCROLLED_WINDOW (scroller));
  row = gtk_adjustment_get_upper (adj) / n;
  top = row * index;
  if (top < gtk_adjustment_get_value (adj))
    gtk_adjustment_set_value (adj, top);
  else if (top + row > gtk_adjustment_get_value (adj) + gtk_adjustment_get_page_size (adj))
    gtk_adjustment_set_value (adj, top + row - gtk_adjustment_get_page_size (adj));
}

/* --- saving ---------------------------------------------------------------------------------- */

/* What the fields show now is what is stored, at these versions. */
static void
set_shown (MamoriAssessmentWizard *self,
           MamoriAnswer           *a)
{
  g_free (self->shown_note);
  g_free (self->shown_what);
  g_free (self->shown_owner);
  g_free (self->shown_due);
  self->shown_note = g_strdup (a ? a->note : "");
  self->shown_what = g_strdup (a && a->measure_what ? a->measure_what : "");
  self->shown_owner = g_strdup (a && a->measure_owner ? a->measure_owner : "");
  self->shown_due = g_strdup (a && a->measure_due ? a->measure_due : "");
  self->choice_version = a ? a->choice_version : MAMORI_ROW_VERSION_NONE;
  self->note_version = a ? a->note_version : MAMORI_ROW_VERSION_NONE;
  self->measure_version = a ? a->measure_version : MAMORI_ROW_VERSION_NONE;
}

typedef enum { PART_ANSWER, PART_NOTE, PART_MEASURE } Part;

/* A save refused because someone else changed the item's part meanwhile: the user's value,
 * kept until they decide. */
typedef struct {
  MamoriAssessmentWizard *self;
  MamoriWorkspace *workspace;
  gint64 assessment;
  Part part;
  char *ref_id;
  int choice;
  double score;
  gboolean not_applicable;
  char *text, *owner, *due;   /* the note, or the measure */
  gint64 theirs;              /* the version of theirs */
} Conflict;

static void
conflict_free (gpointer data)
{
  Conflict *c = data;

  g_object_unref (c->self);
  g_object_unref (c->workspace);
  g_free (c->ref_id);
  g_free (c->text);
  g_free (c->owner);
  g_free (c->due);
  g_free (c);
}

static void ask_conflict (MamoriAssessmentWizard *self, Conflict *c);

/* Saves the part (c->theirs: the version it was read at); on a conflict asks the user. TRUE
 * when saved. */
static gboolean
save_part (MamoriAssessmentWizard *self,
           Conflict               *c)
{
  g_autoptr(GError) error = NULL;
  gint64 v = c->theirs;
  gboolean ok;
  static const char *headings[] = { N_("Could Not Save the Answer"), N_("Could Not Save the Note"), N_("Could Not Save the Measure") };

  switch (c->part)
    {
    case PART_ANSWER:
      ok = mamori_workspace_set_answer_checked (c->workspace, c->assessment, c->ref_id, c->choice, c->score,
                                                c->not_applicable, &v, &error);
      break;
    case PART_NOTE:
      ok = mamori_workspace_set_note_checked (c->workspace, c->assessment, c->ref_id, c->text, &v, &error);
      break;
    case PART_MEASURE:
    default:
      ok = mamori_workspace_set_measure_checked (c->workspace, c->assessment, c->ref_id, c->text, c->owner, c->due,
                                                 &v, &error);
      break;
    }
  /* Still on the item: the fields show what is stored now, at its new version. */
  if (ok && self->workspace == c->workspace && self->checklist != NULL && self->current >= 0 &&
      g_strcmp0 (item_at (self, self->current)->ref_id, c->ref_id) == 0)
    switch (c->part)
      {
      case PART_ANSWER:
        self->choice_version = v;
        break;
      case PART_NOTE:
        g_free (self->shown_note);
        self->shown_note = g_strdup (c->text);
        self->note_version = v;
        break;
      case PART_MEASURE:
      default:
        g_free (self->shown_what);
        g_free (self->shown_owner);
        g_free (self->shown_due);
        self->shown_what = g_strdup (c->text);
        self->shown_owner = g_strdup (c->owner);
        self->shown_due = g_strdup (c->due);
        self->measure_version = v;
        break;
      }
  if (ok)
    conflict_free (c);
  else if (g_error_matches (error, MAMORI_WORKSPACE_ERROR, MAMORI_WORKSPACE_ERROR_CONFLICT))
    ask_conflict (self, c);
  else
    {
      mamori_widget_show_error (GTK_WIDGET (self), _(headings[c->part]), error);
      conflict_free (c);
    }
  return ok;
}

static Conflict *
conflict_new (MamoriAssessmentWizard *self,
              Part                    part,
              gint64                  version)
{
  Conflict *c = g_new0 (Conflict, 1);

  c->self = g_object_ref (self);
  c->workspace = g_object_ref (self->workspace);
  c->assessment = self->assessment;
  c->part = part;
  c->ref_id = g_strdup (item_at (self, self->current)->ref_id);
  c->theirs = version;
  return c;
}

/* The part of an answer as the user reads it ("" parts left out). */
static char *
describe (MamoriAssessmentWizard *self,
          const char             *ref_id,
          Part                    part,
          int                     choice,
          const char             *text,
          const char             *owner,
          const char             *due)
{
  if (part == PART_ANSWER)
    {
      const MamoriNode *item = NULL;
      GPtrArray *choices;

      if (self->checklist == NULL)   /* closed meanwhile */
        return choice < 0 ? g_strdup (_("no answer")) : g_strdup_printf ("%d", choice + 1);
      for (guint i = 0; item == NULL && i < self->checklist->items->len; i++)
        if (g_strcmp0 (((MamoriNode *) self->checklist->items->pdata[i])->ref_id, ref_id) == 0)
          item = self->checklist->items->pdata[i];
      choices = item != NULL ? mamori_checklist_choices (self->checklist, item) : NULL;
      if (choices == NULL || choice < 0 || (guint) choice >= choices->len)
        return g_strdup (_("no answer"));
      return g_strdup (mamori_text_get (((MamoriChoice *) choices->pdata[choice])->name, lang ()));
    }
  if (text == NULL || *text == '\0')
    return g_strdup (part == PART_NOTE ? _("no note") : _("no measure"));
  if (part == PART_NOTE)
    return g_strdup (text);
  {
    GString *s = g_string_new (text);
    if (owner != NULL && *owner != '\0')
      g_string_append_printf (s, " · %s", owner);
    if (due != NULL && *due != '\0')
      g_string_append_printf (s, " · %s", due);
    return g_string_free (s, FALSE);
  }
}

static void
conflict_decided (gboolean keep_mine,
                  gpointer data)
{
  Conflict *c = data;
  MamoriAssessmentWizard *self = c->self;
  gboolean here = self->workspace == c->workspace && self->checklist != NULL && self->current >= 0 &&
                  g_strcmp0 (item_at (self, self->current)->ref_id, c->ref_id) == 0;

  if (keep_mine)
    {
      /* Saved over their version (c is the save's now). */
      Conflict *again = g_memdup2 (c, sizeof *c);
      again->self = g_object_ref (c->self);
      again->workspace = g_object_ref (c->workspace);
      again->ref_id = g_strdup (c->ref_id);
      again->text = g_strdup (c->text);
      again->owner = g_strdup (c->owner);
      again->due = g_strdup (c->due);
      save_part (self, again);
    }
  if (self->workspace != c->workspace || self->checklist == NULL)
    return;
  reload_answers (self);
  if (here)
    {
      /* The item shows what is stored now: theirs, or the user's just saved. */
      MamoriAnswer *a = answer_at (self, self->current);
      self->loading = TRUE;
      if (!keep_mine && c->part == PART_NOTE)
        gtk_editable_set_text (GTK_EDITABLE (self->note_row), a ? a->note : "");
      if (!keep_mine && c->part == PART_MEASURE)
        {
          gtk_editable_set_text (GTK_EDITABLE (self->measure_what_row), a && a->measure_what ? a->measure_what : "");
          gtk_editable_set_text (GTK_EDITABLE (self->measure_owner_row), a && a->measure_owner ? a->measure_owner : "");
          gtk_editable_set_text (GTK_EDITABLE (self->measure_due_row), a && a->measure_due ? a->measure_due : "");
        }
      self->loading = FALSE;
      if (!keep_mine)
        switch (c->part)
          {
          case PART_ANSWER: self->choice_version = a ? a->choice_version : MAMORI_ROW_VERSION_NONE; break;
          case PART_NOTE:
            g_free (self->shown_note);
            self->shown_note = g_strdup (a ? a->note : "");
            self->note_version = a ? a->note_version : MAMORI_ROW_VERSION_NONE;
            break;
          case PART_MEASURE:
          default:
            g_free (self->shown_what);
            g_free (self->shown_owner);
            g_free (self->shown_due);
            self->shown_what = g_strdup (a && a->measure_what ? a->measure_what : "");
            self->shown_owner = g_strdup (a && a->measure_owner ? a->measure_owner : "");
            self->shown_due = g_strdup (a && a->measure_due ? a->measure_due : "");
            self->measure_version = a ? a->measure_version : MAMORI_ROW_VERSION_NONE;
            break;
          }
      refresh_state (self);
    }
  else
    update_progress (self);
}

/* Someone else changed the part meanwhile: their value, read now, beside the user's. */
static void
ask_conflict (MamoriAssessmentWizard *self,
              Conflict               *c)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GHashTable) answers = mamori_workspace_get_answers (c->workspace, c->assessment, &error);
  MamoriAnswer *a;
  g_autofree char *theirs = NULL, *mine = NULL, *body = NULL;
  const char *heading;

  if (answers == NULL)
    {
      mamori_widget_show_error (GTK_WIDGET (self), _("Could Not Read the Answers"), error);
      conflict_free (c);
      return;
    }
  a = g_hash_table_lookup (answers, c->ref_id);
  theirs = describe (self, c->ref_id, c->part, a ? a->choice : -1, c->part == PART_NOTE ? (a ? a->note : NULL) : a ? a->measure_what : NULL,
                     a ? a->measure_owner : NULL, a ? a->measure_due : NULL);
  mine = describe (self, c->ref_id, c->part, c->choice, c->text, c->owner, c->due);
  switch (c->part)
    {
    case PART_ANSWER:
      c->theirs = a ? a->choice_version : MAMORI_ROW_VERSION_NONE;
      heading = _("Someone Else Changed This Answer");
      /* TRANSLATORS: %s: the item's number; then their answer and the user's */
      body = g_strdup_printf (_("While you were answering, someone else changed the answer to item %s.\n\nTheirs: %s\nYours: %s"),
                              c->ref_id, theirs, mine);
      break;
    case PART_NOTE:
      c->theirs = a ? a->note_version : MAMORI_ROW_VERSION_NONE;
      heading = _("Someone Else Changed This Note");
      body = g_strdup_printf (_("While you were writing, someone else changed the note on item %s.\n\nTheirs: %s\nYours: %s"),
                              c->ref_id, theirs, mine);
      break;
    case PART_MEASURE:
    default:
      c->theirs = a ? a->measure_version : MAMORI_ROW_VERSION_NONE;
      heading = _("Someone Else Changed This Measure");
      body = g_strdup_printf (_("While you were writing, someone else changed the measure for item %s.\n\nTheirs: %s\nYours: %s"),
                              c->ref_id, theirs, mine);
      break;
    }
  mamori_conflict_dialog_present (GTK_WIDGET (self), heading, body, NULL, conflict_decided, c, conflict_free);
}

static void
save_note (MamoriAssessmentWizard *self)
{
  Conflict *c;
  const char *text;

  if (self->checklist == NULL || self->current < 0 || self->read_only)
    return;
  text = gtk_editable_get_text (GTK_EDITABLE (self->note_row));
  if (g_strcmp0 (text, self->shown_note) == 0)
    return;
  c = conflict_new (self, PART_NOTE, self->note_version);
  c->text = g_strdup (text);
  save_part (self, c);
  reload_answers (self);
}

static void
save_measure (MamoriAssessmentWizard *self)
{
  Conflict *c;
  const char *what, *owner, *due;

  if (self->checklist == NULL || self->current < 0 || !gtk_widget_get_visible (GTK_WIDGET (self->measure_group)))
    return;
  what = gtk_editable_get_text (GTK_EDITABLE (self->measure_what_row));
  owner = gtk_editable_get_text (GTK_EDITABLE (self->measure_owner_row));
  due = gtk_editable_get_text (GTK_EDITABLE (self->measure_due_row));
  if (g_strcmp0 (what, self->shown_what) == 0 && g_strcmp0 (owner, self->shown_owner) == 0 &&
      g_strcmp0 (due, self->shown_due) == 0)
    return;
  c = conflict_new (self, PART_MEASURE, self->measure_version);
  c->text = g_strdup (what);
  c->owner = g_strdup (owner);
  c->due = g_strdup (due);
  save_part (self, c);
  reload_answers (self);
}

static void
entry_applied (AdwEntryRow            *row,
               MamoriAssessmentWizard *self)
{
  if (self->loading)
    return;
  if (row == self->note_row)
    save_note (self);
  else
    save_measure (self);
}

gboolean
mamori_assessment_wizard_answer (MamoriAssessmentWizard *self,
                                 int                     choice)
{
  GPtrArray *choices;
  MamoriChoice *c;

  g_return_val_if_fail (MAMORI_IS_ASSESSMENT_WIZARD (self), FALSE);
  if (self->checklist == NULL || self->read_only || self->current < 0)
    return FALSE;
  choices = mamori_checklist_choices (self->checklist, item_at (self, self->current));
  if (choice < 0 || (guint) choice >= choices->len)
    return FALSE;
  c = choices->pdata[choice];
  save_note (self);
  {
    Conflict *answer = conflict_new (self, PART_ANSWER, self->choice_version);
    answer->choice = choice;
    answer->score = c->score;
    answer->not_applicable = c->not_applicable;
    if (!save_part (self, answer))
      {
        /* The buttons show what is stored (the question, if any, is open). */
        refresh_state (self);
        return FALSE;
      }
  }
  reload_answers (self);
  refresh_state (self);
  return TRUE;
}

/* --- evidence --------------------------------------------------------------------------------- */

static void remove_evidence_clicked (GtkButton *button, MamoriAssessmentWizard *self);

static void
fulfils_selected (AdwComboRow            *row,
                  GParamSpec             *pspec,
                  MamoriAssessmentWizard *self)
{
  g_autoptr(GError) error = NULL;
  const char * const *values = g_object_get_data (G_OBJECT (row), "mamori-fulfils");
  guint selected = adw_combo_row_get_selected (row);
  gint64 id = GPOINTER_TO_INT (g_object_get_data (G_OBJECT (row), "mamori-evidence"));

  if (self->loading || selected == GTK_INVALID_LIST_POSITION || values == NULL)
    return;
  if (!mamori_workspace_set_evidence_fulfils (self->workspace, id, values[selected], &error))
    mamori_widget_show_error (GTK_WIDGET (self), _("Could Not Save the Assessment"), error);
}

/* A file of an item that names its rules and records says which one it shows: a combo row of
 * the named rules, the named records, and “Other document” (no name). Else a plain row. */
static GtkWidget *
fulfils_row (MamoriAssessmentWizard *self,
             MamoriEvidence         *e)
{
  const MamoriNode *item = item_at (self, self->current);
  const char * const *rules = mamori_node_get_evidence_rules (item);
  const char * const *records = mamori_node_get_evidence_records (item);
  g_autoptr(GStrvBuilder) values = g_strv_builder_new ();
  GtkStringList *labels;
  GtkWidget *row;
  guint selected = 0, n = 1;

  if (rules[0] == NULL && records[0] == NULL)
    return adw_action_row_new ();
  labels = gtk_string_list_new (NULL);
  gtk_string_list_append (labels, _("Other document"));
  g_strv_builder_add (values, "");
  for (int pass = 0; pass < 2; pass++)
    for (const char * const *name = pass == 0 ? rules : records; *name != NULL; name++, n++)
      {
        /* TRANSLATORS: %s names a rule (規程) an evidence file shows */
        g_autofree char *label = g_strdup_printf (pass == 0 ? _("Rule: %s") : _("Record: %s"), *name);
        gtk_string_list_append (labels, label);
        g_strv_builder_add (values, *name);
        if (g_strcmp0 (e->fulfils, *name) == 0)
          selected = n;
      }
  if (selected == 0 && e->fulfils != NULL && *e->fulfils != '\0')
    {
      gtk_string_list_append (labels, e->fulfils);
      g_strv_builder_add (values, e->fulfils);
      selected = n;
    }
  row = adw_combo_row_new ();
  adw_combo_row_set_use_subtitle (ADW_COMBO_ROW (row), TRUE);
  adw_combo_row_set_model (ADW_COMBO_ROW (row), G_LIST_MODEL (labels));
  g_object_unref (labels);
  adw_combo_row_set_selected (ADW_COMBO_ROW (row), selected);
  g_object_set_data_full (G_OBJECT (row), "mamori-fulfils", g_strv_builder_end (values), (GDestroyNotify) g_strfreev);
  g_object_set_data (G_OBJECT (row), "mamori-evidence", GINT_TO_POINTER ((int) e->id));
  gtk_widget_set_sensitive (row, !self->read_only);
  g_signal_connect (row, "notify::selected", G_CALLBACK (fulfils_selected), self);
  return row;
}

static void
build_evidence (MamoriAssessmentWizard *self)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) files = NULL;

  for (guint i = 0; i < self->evidence_rows->len; i++)
    adw_preferences_group_remove (self->evidence_group, self->evidence_rows->pdata[i]);
  g_ptr_array_set_size (self->evidence_rows, 0);

  files = mamori_workspace_list_evidence (self->workspace, self->assessment, item_at (self, self->current)->ref_id, &error);
  if (files == NULL)
    {
      mamori_widget_show_error (GTK_WIDGET (self), _("Could Not Read the Evidence Files"), error);
      return;
    }
  for (guint i = 0; i < files->len; i++)
    {
      MamoriEvidence *e = files->pdata[i];
      GtkWidget *row = fulfils_row (self, e);
      g_autofree char *size = g_format_size (e->size);
      g_autofree char *subtitle = g_strdup_printf ("%s · SHA-256 %.16s…", size, e->sha256);
      g_autofree char *escaped = g_markup_escape_text (e->name, -1);

      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), escaped);
      if (ADW_IS_COMBO_ROW (row))
        gtk_widget_set_tooltip_text (row, subtitle);
      else
        adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
      if (!self->read_only)
        {
          GtkWidget *remove = gtk_button_new_from_icon_name ("user-trash-symbolic");
          gtk_widget_set_valign (remove, GTK_ALIGN_CENTER);
          gtk_widget_add_css_class (remove, "flat");
          gtk_widget_set_tooltip_text (remove, _("Remove this file"));
          g_object_set_data (G_OBJECT (remove), "mamori-evidence", GINT_TO_POINTER ((int) e->id));
          g_signal_connect (remove, "clicked", G_CALLBACK (remove_evidence_clicked), self);
          adw_action_row_add_suffix (ADW_ACTION_ROW (row), remove);
        }
      adw_preferences_group_add (self->evidence_group, row);
      g_ptr_array_add (self->evidence_rows, row);
    }
  adw_preferences_group_set_description (self->evidence_group,
                                         files->len == 0 ? _("Files that show the measure is in place: rules, screenshots, records. They are stored inside the workspace.") : NULL);
}

static void
remove_evidence_clicked (GtkButton              *button,
                         MamoriAssessmentWizard *self)
{
  g_autoptr(GError) error = NULL;
  gint64 id = GPOINTER_TO_INT (g_object_get_data (G_OBJECT (button), "mamori-evidence"));

  if (!mamori_workspace_remove_evidence (self->workspace, id, &error))
    mamori_widget_show_error (GTK_WIDGET (self), _("Could Not Remove the File"), error);
  reload_answers (self);
  build_evidence (self);
}

static void
evidence_loaded (GObject      *source,
                 GAsyncResult *result,
                 gpointer      user_data)
{
  g_autoptr(MamoriAssessmentWizard) self = user_data;
  g_autoptr(GError) error = NULL;
  g_autofree char *contents = NULL;
  g_autofree char *name = g_file_get_basename (G_FILE (source));
  gsize length = 0;

  if (!g_file_load_contents_finish (G_FILE (source), result, &contents, &length, NULL, &error))
    {
      mamori_widget_show_error (GTK_WIDGET (self), _("Could Not Read the File"), error);
      return;
    }
  if (self->workspace == NULL || self->checklist == NULL)
    return;
  {
    g_autoptr(GBytes) bytes = g_bytes_new_take (g_steal_pointer (&contents), length);
    if (mamori_workspace_add_evidence (self->workspace, self->assessment, item_at (self, self->current)->ref_id,
                                       name, bytes, &error) == 0)
      mamori_widget_show_error (GTK_WIDGET (self), _("Could Not Add the File"), error);
  }
  reload_answers (self);
  build_evidence (self);
}

static void
evidence_chosen (GtkNativeDialog        *dialog,
                 int                     response,
                 MamoriAssessmentWizard *self)
{
  if (response == GTK_RESPONSE_ACCEPT)
    {
      g_autoptr(GFile) file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (dialog));
      g_autoptr(GFileInfo) info = g_file_query_info (file, G_FILE_ATTRIBUTE_STANDARD_SIZE, 0, NULL, NULL);

      /* Refuse an oversized file before reading it into memory. */
      if (info != NULL && g_file_info_get_size (info) > MAMORI_EVIDENCE_MAX_SIZE)
        {
          g_autoptr(GError) error = NULL;
          g_autofree char *name = g_file_get_basename (file);
          g_autofree char *size = g_format_size (g_file_info_get_size (info));
          g_autofree char *limit = g_format_size (MAMORI_EVIDENCE_MAX_SIZE);
          g_set_error (&error, MAMORI_WORKSPACE_ERROR, MAMORI_WORKSPACE_ERROR_INVALID,
                       _("“%s” is %s; evidence files can be at most %s. Attach a smaller file or a reference to where the original is kept."),
                       name, size, limit);
          mamori_widget_show_error (GTK_WIDGET (self), _("Could Not Add the File"), error);
        }
      else
        g_file_load_contents_async (file, NULL, evidence_loaded, g_object_ref (self));
    }
  gtk_native_dialog_destroy (dialog);
  g_clear_object (&self->chooser);
}

static void
add_evidence_clicked (GtkButton              *button,
                      MamoriAssessmentWizard *self)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));
  GtkFileChooserNative *chooser;

  if (self->chooser != NULL)
    return;
  chooser = gtk_file_chooser_native_new (_("Add Evidence"), GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL,
                                         GTK_FILE_CHOOSER_ACTION_OPEN, _("_Add"), _("_Cancel"));
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (chooser), TRUE);
  g_signal_connect (chooser, "response", G_CALLBACK (evidence_chosen), self);
  self->chooser = GTK_NATIVE_DIALOG (chooser);
  gtk_native_dialog_show (self->chooser);
}

/* --- showing an item ---------------------------------------------------------------------------- */

static void
choice_clicked (GtkToggleButton        *button,
                MamoriAssessmentWizard *self)
{
  int choice = GPOINTER_TO_INT (g_object_get_data (G_OBJECT (button), "mamori-choice"));

  /* The group also toggles the previous answer off: only the new one counts. */
  if (self->loading || !gtk_toggle_button_get_active (button))
    return;
  mamori_assessment_wizard_answer (self, choice);
}

/* After an answer: the buttons, the measure section, the side list and the progress. */
static void
refresh_state (MamoriAssessmentWizard *self)
{
  MamoriAnswer *answer = answer_at (self, self->current);

  self->loading = TRUE;
  for (guint c = 0; c < self->choice_buttons->len; c++)
    gtk_toggle_button_set_active (self->choice_buttons->pdata[c], answer && answer->choice == (int) c);
  gtk_widget_set_visible (GTK_WIDGET (self->measure_group), answer && is_gap (self, self->current, answer->choice));
  update_row (self, self->current);
  update_progress (self);
  mamori_question_box_set_scale_choice (self->question_box, answer ? answer->choice : -1);
  self->loading = FALSE;
}

static void
show_item (MamoriAssessmentWizard *self,
           int                     index)
{
  MamoriNode *item;
  MamoriAnswer *answer;
  GPtrArray *choices;
  GtkWidget *child;
  GtkToggleButton *group = NULL;
  const char *help;
  g_autofree char *position = NULL;
  guint n = self->order->len;

  if (index < 0 || (guint) index >= n)
    return;
  if (index != self->current)
    {
      save_note (self);
      save_measure (self);
    }
  self->loading = TRUE;
  self->current = index;
  item = item_at (self, index);
  answer = answer_at (self, index);

  gtk_label_set_text (self->group_label, item->group >= 0
                      ? mamori_text_get (((MamoriNode *) self->checklist->groups->pdata[item->group])->name, lang ())
                      : mamori_text_get (self->checklist->name, lang ()));
  /* TRANSLATORS: position in the checklist, e.g. “7 / 25” */
  position = g_strdup_printf (_("%d / %u"), index + 1, n);
  gtk_label_set_text (self->position_label, position);
  gtk_label_set_text (self->title_label, mamori_text_get (item->name ? item->name : item->description, lang ()));
  {
    /* Under the description, the question the choices answer (a library's unique-choice
     * question) unless the title already asks it. */
    const char *desc = item->name && item->description ? mamori_text_get (item->description, lang ()) : NULL;
    const MamoriQuestion *asked = mamori_node_scale_question (item);
    const char *asks = asked != NULL && asked->text != NULL ? mamori_question_text (asked, lang ()) : NULL;
    g_autofree char *text = NULL;

    if (asks != NULL && (strstr (mamori_node_text (item, lang ()), asks) != NULL || g_strcmp0 (asks, desc) == 0))
      asks = NULL;
    text = desc && asks ? g_strdup_printf ("%s\n\n%s", desc, asks) : g_strdup (desc ? desc : asks ? asks : "");
    gtk_label_set_text (self->question_label, text);
    gtk_widget_set_visible (GTK_WIDGET (self->question_label), *text != '\0');
  }
  gtk_label_set_text (self->source_label, item->source ? item->source : "");
  help = mamori_text_get (item->annotation, lang ());
  if (help == NULL)
    help = mamori_text_get (item->typical_evidence, lang ());
  gtk_label_set_text (self->help_label, help ? help : "");
  gtk_widget_set_visible (GTK_WIDGET (self->help_expander), help != NULL);

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->choices_box))) != NULL)
    gtk_box_remove (self->choices_box, child);
  g_ptr_array_set_size (self->choice_buttons, 0);
  choices = mamori_checklist_choices (self->checklist, item);
  for (guint c = 0; c < choices->len; c++)
    {
      MamoriChoice *choice = choices->pdata[c];
      GtkWidget *button = gtk_toggle_button_new ();
      GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 12);
      g_autofree char *key = g_strdup_printf ("%u", c + 1);
      GtkWidget *key_label = gtk_label_new (key);
      GtkWidget *name = gtk_label_new (mamori_text_get (choice->name, lang ()));
      const char *desc = mamori_text_get (choice->description, lang ());

      gtk_widget_add_css_class (key_label, "dim-label");
      gtk_widget_add_css_class (key_label, "numeric");
      gtk_label_set_xalign (GTK_LABEL (name), 0);
      gtk_label_set_wrap (GTK_LABEL (name), TRUE);
      gtk_widget_set_hexpand (name, TRUE);
      gtk_box_append (GTK_BOX (box), key_label);
      gtk_box_append (GTK_BOX (box), name);
      gtk_widget_set_margin_top (box, 8);
      gtk_widget_set_margin_bottom (box, 8);
      gtk_button_set_child (GTK_BUTTON (button), box);
      gtk_widget_add_css_class (button, "mamori-choice");
      if (desc)
        gtk_widget_set_tooltip_text (button, desc);
      if (group == NULL)
        group = GTK_TOGGLE_BUTTON (button);
      else
        gtk_toggle_button_set_group (GTK_TOGGLE_BUTTON (button), group);
      gtk_toggle_button_set_active (GTK_TOGGLE_BUTTON (button), answer && answer->choice == (int) c);
      gtk_widget_set_sensitive (button, !self->read_only);
      g_object_set_data (G_OBJECT (button), "mamori-choice", GINT_TO_POINTER (c));
      g_signal_connect (button, "toggled", G_CALLBACK (choice_clicked), self);
      gtk_box_append (self->choices_box, button);
      g_ptr_array_add (self->choice_buttons, button);
    }

  gtk_editable_set_text (GTK_EDITABLE (self->note_row), answer ? answer->note : "");
  gtk_widget_set_sensitive (GTK_WIDGET (self->note_row), !self->read_only);
  gtk_widget_set_sensitive (GTK_WIDGET (self->add_evidence_button), !self->read_only);
  build_evidence (self);
  mamori_question_box_set_item (self->question_box, self->workspace, self->assessment, item,
                                answer ? answer->choice : -1, self->read_only);

  gtk_widget_set_visible (GTK_WIDGET (self->measure_group), answer && is_gap (self, index, answer->choice));
  /* Measures stay editable once completed, but not for a role that may not answer it. */
  gtk_widget_set_sensitive (GTK_WIDGET (self->measure_group), self->role_note == NULL);
  gtk_editable_set_text (GTK_EDITABLE (self->measure_what_row), answer && answer->measure_what ? answer->measure_what : "");
  gtk_editable_set_text (GTK_EDITABLE (self->measure_owner_row), answer && answer->measure_owner ? answer->measure_owner : "");
  gtk_editable_set_text (GTK_EDITABLE (self->measure_due_row), answer && answer->measure_due ? answer->measure_due : "");
  set_shown (self, answer);

  gtk_button_set_label (self->next_button, (guint) index + 1 == n ? _("_Finish") : _("_Next"));
  {
    /* TRANSLATORS: %u is the number of answer choices of this item (2 to 9) */
    g_autofree char *keys = g_strdup_printf (_("Keys: 1–%u answer · ← → move · Esc leave"), MIN (choices->len, 9));
    {
      gtk_label_set_text (self->keys_label, keys);
      gtk_widget_set_tooltip_text (GTK_WIDGET (self->keys_label), keys);  /* ellipsized when narrow */
    }
  }
  gtk_single_selection_set_selected (self->selection, (guint) index);
  scroll_list_to (self, index);
  update_row (self, index);
  update_progress (self);
  gtk_adjustment_set_value (gtk_scrolled_window_get_vadjustment (self->scroller), 0);
  self->loading = FALSE;

  /* The old buttons are gone: keep the keyboard in the wizard, on the current answer. */
  if (self->choice_buttons->len > 0 && !self->read_only && gtk_widget_get_mapped (GTK_WIDGET (self)))
    gtk_widget_grab_focus (self->choice_buttons->pdata[answer && answer->choice >= 0 &&
                                                       (guint) answer->choice < self->choice_buttons->len ? answer->choice : 0]);

  if (!self->read_only)
    {
      g_autoptr(GError) error = NULL;
      if (!mamori_workspace_set_current_item (self->workspace, self->assessment, item->ref_id, &error))
        mamori_widget_show_error (GTK_WIDGET (self), _("Could Not Save the Assessment"), error);
    }
}

int
mamori_assessment_wizard_get_current (MamoriAssessmentWizard *self)
{
  return self->current;
}

gboolean
mamori_assessment_wizard_is_read_only (MamoriAssessmentWizard *self)
{
  return self->read_only;
}

const char *
mamori_assessment_wizard_get_role_note (MamoriAssessmentWizard *self)
{
  return self->role_note;
}

/* --- actions and keys ------------------------------------------------------------------------- */

static void
leave (MamoriAssessmentWizard *self)
{
  mamori_question_box_flush (self->question_box);
  save_note (self);
  save_measure (self);
  g_signal_emit (self, signals[SIGNAL_LEFT], 0);
}

static void
next (MamoriAssessmentWizard *self)
{
  if (self->checklist == NULL)
    return;
  if ((guint) self->current + 1 < self->order->len)
    show_item (self, self->current + 1);
  else
    {
      mamori_question_box_flush (self->question_box);
      save_note (self);
      save_measure (self);
      g_signal_emit (self, signals[SIGNAL_FINISHED], 0);
    }
}

static void
answer_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  mamori_assessment_wizard_answer (MAMORI_ASSESSMENT_WIZARD (widget), g_variant_get_int32 (parameter));
}

static void
next_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  next (MAMORI_ASSESSMENT_WIZARD (widget));
}

static void
previous_action (GtkWidget  *widget,
                 const char *action_name,
                 GVariant   *parameter)
{
  MamoriAssessmentWizard *self = MAMORI_ASSESSMENT_WIZARD (widget);
  if (self->checklist != NULL && self->current > 0)
    show_item (self, self->current - 1);
}

static void
leave_action (GtkWidget  *widget,
              const char *action_name,
              GVariant   *parameter)
{
  leave (MAMORI_ASSESSMENT_WIZARD (widget));
}

/* Keys reach this handler only when no text field took them (bubble phase). */
static gboolean
key_pressed (GtkEventControllerKey  *controller,
             guint                   keyval,
             guint                   keycode,
             GdkModifierType         state,
             MamoriAssessmentWizard *self)
{
  if (state & (GDK_CONTROL_MASK | GDK_ALT_MASK))
    return FALSE;
  if (keyval >= GDK_KEY_1 && keyval <= GDK_KEY_9)
    return mamori_assessment_wizard_answer (self, (int) (keyval - GDK_KEY_1));
  if (keyval >= GDK_KEY_KP_1 && keyval <= GDK_KEY_KP_9)
    return mamori_assessment_wizard_answer (self, (int) (keyval - GDK_KEY_KP_1));
  switch (keyval)
    {
    case GDK_KEY_Right:
    case GDK_KEY_Return:
    case GDK_KEY_KP_Enter:
      next (self);
      return TRUE;
    case GDK_KEY_Left:
      previous_action (GTK_WIDGET (self), NULL, NULL);
      return TRUE;
    case GDK_KEY_Escape:
      leave (self);
      return TRUE;
    default:
      return FALSE;
    }
}

/* --- setup --------------------------------------------------------------------------------------- */

gboolean
mamori_assessment_wizard_open (MamoriAssessmentWizard *self,
                               MamoriWorkspace        *workspace,
                               const MamoriChecklist  *checklist,
                               gint64                  assessment)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(MamoriAssessment) a = mamori_workspace_get_assessment (workspace, assessment, &error);
  int start = -1;

  if (a == NULL)
    {
      mamori_widget_show_error (GTK_WIDGET (self), _("Could Not Open the Assessment"), error);
      return FALSE;
    }
  g_set_object (&self->workspace, workspace);
  self->checklist = checklist;
  self->assessment = assessment;
  self->read_only = a->completed;
  g_clear_pointer (&self->role_note, g_free);
  /* One the user's role may not answer opens as a completed one does. */
  if (!mamori_access_ui_may_answer (workspace, a, &self->role_note))
    self->read_only = TRUE;
  self->current = -1;
  if (!reload_answers (self) || !build_order (self))
    return FALSE;
  build_list (self);
  gtk_widget_set_visible (GTK_WIDGET (self->keys_label), !self->read_only);
  gtk_label_set_text (self->role_label, self->role_note != NULL ? self->role_note : "");
  gtk_widget_set_visible (GTK_WIDGET (self->role_label), self->role_note != NULL);

  /* Resume where it stopped, else at the first unanswered item. */
  for (guint i = 0; start < 0 && a->current_item != NULL && i < self->order->len; i++)
    if (g_strcmp0 (item_at (self, (int) i)->ref_id, a->current_item) == 0)
      start = (int) i;
  for (guint i = 0; start < 0 && i < self->order->len; i++)
    if (!is_answered (self, (int) i))
      start = (int) i;
  show_item (self, MAX (start, 0));
  /* Read-only, the choices cannot take the focus: Next does (else the focus stays on a widget
   * the wizard removes). */
  gtk_widget_grab_focus (GTK_WIDGET (self->choice_buttons->len && !self->read_only ? self->choice_buttons->pdata[0] : self->next_button));
  return TRUE;
}

void
mamori_assessment_wizard_close (MamoriAssessmentWizard *self)
{
  if (self->checklist != NULL && self->workspace != NULL)
    {
      save_note (self);
      save_measure (self);
    }
  mamori_question_box_clear (self->question_box);
  self->loading = TRUE;
  g_list_store_remove_all (self->items);
  self->loading = FALSE;
  self->checklist = NULL;
  g_clear_pointer (&self->answers, g_hash_table_unref);
  g_clear_object (&self->workspace);
  self->current = -1;
}

static void
mamori_assessment_wizard_dispose (GObject *object)
{
  MamoriAssessmentWizard *self = MAMORI_ASSESSMENT_WIZARD (object);

  if (self->chooser != NULL)
    {
      gtk_native_dialog_destroy (self->chooser);
      g_clear_object (&self->chooser);
    }
  g_clear_pointer (&self->answers, g_hash_table_unref);
  g_clear_pointer (&self->role_note, g_free);
  g_clear_object (&self->workspace);
  self->checklist = NULL;
  /* The flap is both a template child and the bin's child: let the bin drop it first, or
   * both would unparent it. */
  adw_bin_set_child (ADW_BIN (self), NULL);
  gtk_widget_dispose_template (GTK_WIDGET (object), MAMORI_TYPE_ASSESSMENT_WIZARD);
  g_clear_object (&self->selection);
  g_clear_object (&self->items);
  G_OBJECT_CLASS (mamori_assessment_wizard_parent_class)->dispose (object);
}

static void
mamori_assessment_wizard_finalize (GObject *object)
{
  MamoriAssessmentWizard *self = MAMORI_ASSESSMENT_WIZARD (object);

  g_ptr_array_unref (self->choice_buttons);
  g_array_unref (self->order);
  g_ptr_array_unref (self->evidence_rows);
  g_free (self->shown_note);
  g_free (self->shown_what);
  g_free (self->shown_owner);
  g_free (self->shown_due);
  G_OBJECT_CLASS (mamori_assessment_wizard_parent_class)->finalize (object);
}

static void
mamori_assessment_wizard_class_init (MamoriAssessmentWizardClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = mamori_assessment_wizard_dispose;
  object_class->finalize = mamori_assessment_wizard_finalize;

  signals[SIGNAL_FINISHED] = g_signal_new ("finished", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0,
                                           NULL, NULL, NULL, G_TYPE_NONE, 0);
  signals[SIGNAL_LEFT] = g_signal_new ("left", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0,
                                       NULL, NULL, NULL, G_TYPE_NONE, 0);

  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/mamori/Mamori/ui/mamori-assessment-wizard.ui");
#define BIND(name) gtk_widget_class_bind_template_child (widget_class, MamoriAssessmentWizard, name)
  BIND (flap);
  BIND (item_list);
  BIND (progress);
  BIND (scroller);
  BIND (group_label);
  BIND (position_label);
  BIND (title_label);
  BIND (question_label);
  BIND (source_label);
  BIND (help_expander);
  BIND (help_label);
  BIND (choices_box);
  BIND (note_row);
  BIND (evidence_group);
  BIND (add_evidence_button);
  BIND (measure_group);
  BIND (measure_what_row);
  BIND (measure_owner_row);
  BIND (measure_due_row);
  BIND (next_button);
  BIND (keys_label);
#undef BIND

  gtk_widget_class_install_action (widget_class, "wizard.answer", "i", answer_action);
  gtk_widget_class_install_action (widget_class, "wizard.next", NULL, next_action);
  gtk_widget_class_install_action (widget_class, "wizard.previous", NULL, previous_action);
  gtk_widget_class_install_action (widget_class, "wizard.leave", NULL, leave_action);
}

static void
mamori_assessment_wizard_init (MamoriAssessmentWizard *self)
{
  GtkEventController *keys;

  self->choice_buttons = g_ptr_array_new ();
  self->order = g_array_new (FALSE, FALSE, sizeof (guint));
  self->evidence_rows = g_ptr_array_new ();
  self->current = -1;
  gtk_widget_init_template (GTK_WIDGET (self));

  {
    GtkListItemFactory *factory = gtk_signal_list_item_factory_new ();
    self->items = g_list_store_new (MAMORI_TYPE_WIZARD_ITEM);
    self->selection = gtk_single_selection_new (G_LIST_MODEL (g_object_ref (self->items)));
    gtk_single_selection_set_autoselect (self->selection, FALSE);
    g_signal_connect (factory, "setup", G_CALLBACK (setup_row), NULL);
    g_signal_connect (factory, "bind", G_CALLBACK (bind_row), self);
    g_signal_connect (factory, "unbind", G_CALLBACK (unbind_row), NULL);
    gtk_list_view_set_factory (self->item_list, factory);
    gtk_list_view_set_model (self->item_list, GTK_SELECTION_MODEL (self->selection));
    g_object_unref (factory);
    g_signal_connect (self->selection, "notify::selected", G_CALLBACK (selection_changed), self);
  }
  /* Why the user's role may not answer the assessment: one line above the item. */
  self->role_label = GTK_LABEL (gtk_label_new (NULL));
  gtk_label_set_wrap (self->role_label, TRUE);
  gtk_label_set_xalign (self->role_label, 0);
  gtk_widget_add_css_class (GTK_WIDGET (self->role_label), "mamori-notice");
  gtk_widget_set_visible (GTK_WIDGET (self->role_label), FALSE);
  gtk_box_prepend (GTK_BOX (gtk_widget_get_parent (GTK_WIDGET (self->choices_box))), GTK_WIDGET (self->role_label));
  self->question_box = MAMORI_QUESTION_BOX (mamori_question_box_new ());
  gtk_box_insert_child_after (GTK_BOX (gtk_widget_get_parent (GTK_WIDGET (self->choices_box))),
                              GTK_WIDGET (self->question_box), GTK_WIDGET (self->choices_box));
  g_signal_connect (self->note_row, "apply", G_CALLBACK (entry_applied), self);
  g_signal_connect (self->measure_what_row, "apply", G_CALLBACK (entry_applied), self);
  g_signal_connect (self->measure_owner_row, "apply", G_CALLBACK (entry_applied), self);
  g_signal_connect (self->measure_due_row, "apply", G_CALLBACK (entry_applied), self);
  g_signal_connect (self->add_evidence_button, "clicked", G_CALLBACK (add_evidence_clicked), self);

  keys = gtk_event_controller_key_new ();
  g_signal_connect (keys, "key-pressed", G_CALLBACK (key_pressed), self);
  gtk_widget_add_controller (GTK_WIDGET (self), keys);
}
