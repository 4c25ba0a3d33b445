/* mamori-question-box.c — an item's questions in the wizard (see mamori-question-box.h) */
#include "config.h"

#include <glib/gi18n.h>

#include "core/mamori-date.h"
#include "mamori-conflict-dialog.h"
#include "mamori-question-box.h"
#include "mamori-widget-util.h"

/* Typed text is saved after this pause (and when the item changes). */
#define SAVE_DELAY_MS 800

typedef struct {
  const MamoriQuestion *q;
  GtkWidget *row;        /* shown while the question applies */
  GtkWidget *input;      /* GtkEntry, or GtkTextView for text; NULL for choices */
  GPtrArray *buttons;    /* GtkCheckButton* for choices (booleans: yes, no) */
  GtkWidget *hint;       /* a date in the app's style, or why the typed value is refused */
  GtkWidget *clear;      /* for choices: back to no answer */
  char *saved;           /* the stored value ("" when none) */
} Asked;

struct _MamoriQuestionBox {
  AdwBin parent_instance;

  GtkBox *box;
  MamoriWorkspace *workspace;
  gint64 assessment;
  const MamoriNode *item;
  int scale_choice;
  gboolean read_only;
  gboolean loading;
  GPtrArray *asked;      /* Asked* */
  guint save_source;
};

G_DEFINE_FINAL_TYPE (MamoriQuestionBox, mamori_question_box, ADW_TYPE_BIN)

static void
asked_free (Asked *a)
{
  g_clear_pointer (&a->buttons, g_ptr_array_unref);
  g_free (a->saved);
  g_free (a);
}

static const char *
lang (void)
{
  return mamori_text_user_lang ();
}

/* --- reading the controls ----------------------------------------------------------------------- */

static char *
typed_value (Asked *a)
{
  if (GTK_IS_TEXT_VIEW (a->input))
    {
      GtkTextBuffer *buffer = gtk_text_view_get_buffer (GTK_TEXT_VIEW (a->input));
      GtkTextIter start, end;
      gtk_text_buffer_get_bounds (buffer, &start, &end);
      return gtk_text_buffer_get_text (buffer, &start, &end, FALSE);
    }
  if (a->input != NULL)
    return g_strdup (gtk_editable_get_text (GTK_EDITABLE (a->input)));
  {
    g_autoptr(GString) out = g_string_new (NULL);
    for (guint i = 0; i < a->buttons->len; i++)
      {
        const char *v;
        if (!gtk_check_button_get_active (a->buttons->pdata[i]))
          continue;
        if (a->q->type == MAMORI_QUESTION_BOOLEAN)
          v = i == 0 ? "true" : "false";
        else
          v = ((MamoriChoice *) a->q->choices->pdata[i])->urn;
        if (out->len > 0)
          g_string_append (out, MAMORI_QUESTION_VALUE_SEPARATOR);
        g_string_append (out, v);
      }
    return g_string_free (g_steal_pointer (&out), FALSE);
  }
}

/* --- showing ----------------------------------------------------------------------------------- */

static void
update_visibility (MamoriQuestionBox *self)
{
  g_autoptr(GHashTable) answers = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr(GHashTable) selected = NULL;
  guint shown = 0;

  if (self->item == NULL)
    return;
  for (guint i = 0; i < self->asked->len; i++)
    {
      Asked *a = self->asked->pdata[i];
      g_hash_table_insert (answers, (gpointer) a->q->urn, a->saved);
    }
  selected = mamori_question_selected_set (self->item, answers, self->scale_choice);
  for (guint i = 0; i < self->asked->len; i++)
    {
      Asked *a = self->asked->pdata[i];
      gboolean applies = mamori_question_applies (a->q, selected);
      gtk_widget_set_visible (a->row, applies);
      shown += applies;
    }
  gtk_widget_set_visible (GTK_WIDGET (self), shown > 0);
}

static void
show_hint (Asked *a)
{
  g_autofree char *text = NULL;

  gtk_widget_remove_css_class (a->input ? a->input : a->row, "error");
  if (a->hint == NULL)
    return;
  if (a->q->type == MAMORI_QUESTION_DATE && a->saved[0] != '\0')
    {
      MamoriDateStyle style = mamori_date_get_default_style ();
      text = mamori_date_format (a->saved, lang (), style == MAMORI_DATE_ISO ? MAMORI_DATE_WESTERN : style);
    }
  gtk_label_set_text (GTK_LABEL (a->hint), text ? text : "");
  gtk_widget_remove_css_class (a->hint, "error");
  gtk_widget_add_css_class (a->hint, "dim-label");
}

/* --- saving ------------------------------------------------------------------------------------ */

/* Someone else answered a question while the user typed: their answer beside the user's, and
 * the user decides. Kept by keys, not pointers: the box may show another item by then. */
typedef struct {
  MamoriQuestionBox *self;
  MamoriWorkspace *workspace;
  gint64 assessment;
  char *ref_id;
  char *urn;
  char *mine;
  char *theirs;
} Whose;

static void
whose_free (gpointer data)
{
  Whose *w = data;

  g_object_unref (w->self);
  g_object_unref (w->workspace);
  g_free (w->ref_id);
  g_free (w->urn);
  g_free (w->mine);
  g_free (w->theirs);
  g_free (w);
}

/* The question a of the item shown that w is about, or NULL (the box moved on). */
static Asked *
asked_of (Whose *w)
{
  MamoriQuestionBox *self = w->self;

  if (self->item == NULL || self->assessment != w->assessment || g_strcmp0 (self->item->ref_id, w->ref_id) != 0)
    return NULL;
  for (guint i = 0; self->asked != NULL && i < self->asked->len; i++)
    {
      Asked *a = self->asked->pdata[i];
      if (g_strcmp0 (a->q->urn, w->urn) == 0)
        return a;
    }
  return NULL;
}

static void
whose_decided (gboolean keep_mine,
               gpointer data)
{
  Whose *w = data;
  MamoriQuestionBox *self = w->self;
  Asked *a = asked_of (w);
  g_autoptr(GError) error = NULL;

  if (keep_mine &&
      !mamori_workspace_set_question_value_checked (w->workspace, w->assessment, w->ref_id, w->urn, w->mine, w->theirs, &error))
    {
      mamori_widget_show_error (GTK_WIDGET (self), _("Could Not Save the Answer"), error);
      return;
    }
  if (a == NULL)
    return;
  g_free (a->saved);
  a->saved = g_strdup (keep_mine ? w->mine : w->theirs);
  if (!keep_mine)
    {
      /* Their answer in the control (for choices: the item is shown again). */
      self->loading = TRUE;
      if (GTK_IS_TEXT_VIEW (a->input))
        gtk_text_buffer_set_text (gtk_text_view_get_buffer (GTK_TEXT_VIEW (a->input)), a->saved, -1);
      else if (GTK_IS_EDITABLE (a->input))
        gtk_editable_set_text (GTK_EDITABLE (a->input), a->saved);
      else
        mamori_question_box_set_item (self, self->workspace, self->assessment, self->item, self->scale_choice, self->read_only);
      self->loading = FALSE;
    }
  update_visibility (self);
}

static void
ask_whose (MamoriQuestionBox *self,
           Asked             *a,
           const char        *mine)
{
  g_autoptr(GHashTable) stored = mamori_workspace_get_item_questions (self->workspace, self->assessment, self->item->ref_id, NULL);
  const char *theirs = stored != NULL ? g_hash_table_lookup (stored, a->q->urn) : NULL;
  Whose *w = g_new0 (Whose, 1);
  g_autofree char *body = NULL;

  w->self = g_object_ref (self);
  w->workspace = g_object_ref (self->workspace);
  w->assessment = self->assessment;
  w->ref_id = g_strdup (self->item->ref_id);
  w->urn = g_strdup (a->q->urn);
  w->mine = g_strdup (mine);
  w->theirs = g_strdup (theirs != NULL ? theirs : "");
  body = g_strdup_printf (_("While you were answering, someone else changed the answer to “%s”.\n\nTheirs: %s\nYours: %s"),
                          mamori_question_text (a->q, lang ()), *w->theirs ? w->theirs : _("(no answer)"),
                          *mine ? mine : _("(no answer)"));
  mamori_conflict_dialog_present (GTK_WIDGET (self), _("Someone Else Answered This Question"), body, NULL,
                                  whose_decided, w, whose_free);
}

/* Saves a's control when it differs from what is stored; FALSE when the value is refused. */
static gboolean
save (MamoriQuestionBox *self,
      Asked             *a)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *typed = typed_value (a);
  g_autofree char *checked = NULL;

  if (self->read_only || self->workspace == NULL)
    return TRUE;
  checked = mamori_question_value_check (a->q, typed, &error);
  if (checked == NULL)
    {
      /* Said beside the field: a half-typed number is no reason for a dialog. */
      gtk_widget_add_css_class (a->input ? a->input : a->row, "error");
      if (a->hint != NULL)
        {
          gtk_label_set_text (GTK_LABEL (a->hint), error->message);
          gtk_widget_remove_css_class (a->hint, "dim-label");
          gtk_widget_add_css_class (a->hint, "error");
        }
      return FALSE;
    }
  if (g_strcmp0 (checked, a->saved) != 0)
    {
      /* Saved over the answer the user saw, not over one someone gave meanwhile. */
      if (!mamori_workspace_set_question_value_checked (self->workspace, self->assessment, self->item->ref_id, a->q->urn,
                                                        checked, a->saved, &error))
        {
          if (g_error_matches (error, MAMORI_WORKSPACE_ERROR, MAMORI_WORKSPACE_ERROR_CONFLICT))
            ask_whose (self, a, checked);
          else
            mamori_widget_show_error (GTK_WIDGET (self), _("Could Not Save the Answer"), error);
          return FALSE;
        }
      g_free (a->saved);
      a->saved = g_steal_pointer (&checked);
    }
  show_hint (a);
  if (a->clear != NULL)
    gtk_widget_set_visible (a->clear, a->saved[0] != '\0' && !self->read_only);
  return TRUE;
}

void
mamori_question_box_flush (MamoriQuestionBox *self)
{
  g_return_if_fail (MAMORI_IS_QUESTION_BOX (self));
  g_clear_handle_id (&self->save_source, g_source_remove);
  for (guint i = 0; self->asked != NULL && i < self->asked->len; i++)
    {
      Asked *a = self->asked->pdata[i];
      if (a->input != NULL)
        save (self, a);
    }
}

static gboolean
save_later (gpointer data)
{
  MamoriQuestionBox *self = data;

  self->save_source = 0;
  mamori_question_box_flush (self);
  return G_SOURCE_REMOVE;
}

static void
typed (MamoriQuestionBox *self)
{
  if (self->loading)
    return;
  g_clear_handle_id (&self->save_source, g_source_remove);
  self->save_source = g_timeout_add (SAVE_DELAY_MS, save_later, self);
}

static void
entry_changed (GtkEditable       *editable,
               MamoriQuestionBox *self)
{
  typed (self);
}

static void
buffer_changed (GtkTextBuffer     *buffer,
                MamoriQuestionBox *self)
{
  typed (self);
}

static void
entry_activated (GtkEntry          *entry,
                 MamoriQuestionBox *self)
{
  mamori_question_box_flush (self);
}

static void
focus_left (GtkEventControllerFocus *controller,
            MamoriQuestionBox       *self)
{
  if (self->save_source != 0)
    mamori_question_box_flush (self);
}

static void
choice_toggled (GtkCheckButton    *button,
                MamoriQuestionBox *self)
{
  Asked *a = g_object_get_data (G_OBJECT (button), "mamori-asked");

  /* In a group the old choice goes off first: save once the new one is on. */
  if (self->loading || (a->q->type != MAMORI_QUESTION_MULTIPLE_CHOICE && !gtk_check_button_get_active (button)))
    return;
  if (save (self, a))
    update_visibility (self);
}

static void
clear_clicked (GtkButton         *button,
               MamoriQuestionBox *self)
{
  Asked *a = g_object_get_data (G_OBJECT (button), "mamori-asked");

  self->loading = TRUE;
  for (guint i = 0; i < a->buttons->len; i++)
    gtk_check_button_set_active (a->buttons->pdata[i], FALSE);
  self->loading = FALSE;
  if (save (self, a))
    update_visibility (self);
}

/* --- building ------------------------------------------------------------------------------------ */

static GtkWidget *
choice_button (MamoriQuestionBox *self,
               Asked             *a,
               const char        *label,
               const char        *tooltip,
               gboolean           active)
{
  GtkWidget *button = gtk_check_button_new_with_label (label);
  GtkWidget *child = gtk_check_button_get_child (GTK_CHECK_BUTTON (button));

  if (GTK_IS_LABEL (child))
    {
      gtk_label_set_wrap (GTK_LABEL (child), TRUE);
      gtk_label_set_xalign (GTK_LABEL (child), 0);
    }
  if (tooltip != NULL)
    gtk_widget_set_tooltip_text (button, tooltip);
  if (a->q->type != MAMORI_QUESTION_MULTIPLE_CHOICE && a->buttons->len > 0)
    gtk_check_button_set_group (GTK_CHECK_BUTTON (button), a->buttons->pdata[0]);
  gtk_check_button_set_active (GTK_CHECK_BUTTON (button), active);
  gtk_widget_set_sensitive (button, !self->read_only);
  g_object_set_data (G_OBJECT (button), "mamori-asked", a);
  g_signal_connect (button, "toggled", G_CALLBACK (choice_toggled), self);
  g_ptr_array_add (a->buttons, button);
  return button;
}

static void
build_question (MamoriQuestionBox *self,
                Asked             *a)
{
  GtkWidget *row = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);
  GtkWidget *head = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  const MamoriQuestion *q = a->q;
  GtkWidget *label = gtk_label_new (mamori_question_text (q, lang ()));

  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_label_set_wrap_mode (GTK_LABEL (label), PANGO_WRAP_WORD_CHAR);
  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_label_set_selectable (GTK_LABEL (label), TRUE);
  gtk_widget_set_hexpand (label, TRUE);
  gtk_widget_add_css_class (label, "heading");
  /* An item with no name of its own is titled by its question: not said twice. */
  if (self->item->name_derived && g_strcmp0 (mamori_node_text (self->item, lang ()), mamori_question_text (q, lang ())) == 0)
    gtk_label_set_text (GTK_LABEL (label), _("Your answer"));
  gtk_box_append (GTK_BOX (head), label);
  gtk_box_append (GTK_BOX (row), head);

  switch (q->type)
    {
    case MAMORI_QUESTION_TEXT:
      {
        GtkWidget *scroller = gtk_scrolled_window_new ();
        GtkTextBuffer *buffer;

        a->input = gtk_text_view_new ();
        gtk_text_view_set_wrap_mode (GTK_TEXT_VIEW (a->input), GTK_WRAP_WORD_CHAR);
        gtk_text_view_set_accepts_tab (GTK_TEXT_VIEW (a->input), FALSE);
        gtk_text_view_set_top_margin (GTK_TEXT_VIEW (a->input), 6);
        gtk_text_view_set_bottom_margin (GTK_TEXT_VIEW (a->input), 6);
        gtk_text_view_set_left_margin (GTK_TEXT_VIEW (a->input), 6);
        gtk_text_view_set_right_margin (GTK_TEXT_VIEW (a->input), 6);
        gtk_text_view_set_editable (GTK_TEXT_VIEW (a->input), !self->read_only);
        buffer = gtk_text_view_get_buffer (GTK_TEXT_VIEW (a->input));
        gtk_text_buffer_set_text (buffer, a->saved, -1);
        g_signal_connect (buffer, "changed", G_CALLBACK (buffer_changed), self);
        gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scroller), a->input);
        gtk_scrolled_window_set_policy (GTK_SCROLLED_WINDOW (scroller), GTK_POLICY_NEVER, GTK_POLICY_AUTOMATIC);
        gtk_scrolled_window_set_min_content_height (GTK_SCROLLED_WINDOW (scroller), 72);
        gtk_scrolled_window_set_max_content_height (GTK_SCROLLED_WINDOW (scroller), 240);
        gtk_scrolled_window_set_propagate_natural_height (GTK_SCROLLED_WINDOW (scroller), TRUE);
        gtk_widget_add_css_class (scroller, "card");
        gtk_box_append (GTK_BOX (row), scroller);
        gtk_accessible_update_relation (GTK_ACCESSIBLE (a->input), GTK_ACCESSIBLE_RELATION_LABELLED_BY, label, NULL, -1);
        break;
      }
    case MAMORI_QUESTION_NUMBER:
    case MAMORI_QUESTION_DATE:
      {
        GtkWidget *line = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 12);

        a->input = gtk_entry_new ();
        gtk_editable_set_text (GTK_EDITABLE (a->input), a->saved);
        gtk_editable_set_editable (GTK_EDITABLE (a->input), !self->read_only);
        gtk_editable_set_width_chars (GTK_EDITABLE (a->input), 12);
        if (q->type == MAMORI_QUESTION_NUMBER)
          gtk_entry_set_input_purpose (GTK_ENTRY (a->input), GTK_INPUT_PURPOSE_NUMBER);
        else
          gtk_entry_set_placeholder_text (GTK_ENTRY (a->input), _("YYYY-MM-DD"));
        g_signal_connect (a->input, "changed", G_CALLBACK (entry_changed), self);
        g_signal_connect (a->input, "activate", G_CALLBACK (entry_activated), self);
        gtk_box_append (GTK_BOX (line), a->input);
        a->hint = gtk_label_new (NULL);
        gtk_label_set_wrap (GTK_LABEL (a->hint), TRUE);
        gtk_label_set_xalign (GTK_LABEL (a->hint), 0);
        gtk_widget_set_hexpand (a->hint, TRUE);
        gtk_widget_add_css_class (a->hint, "caption");
        gtk_box_append (GTK_BOX (line), a->hint);
        gtk_box_append (GTK_BOX (row), line);
        gtk_accessible_update_relation (GTK_ACCESSIBLE (a->input), GTK_ACCESSIBLE_RELATION_LABELLED_BY, label, NULL, -1);
        break;
      }
    case MAMORI_QUESTION_BOOLEAN:
    case MAMORI_QUESTION_UNIQUE_CHOICE:
    case MAMORI_QUESTION_MULTIPLE_CHOICE:
    default:
      {
        g_auto(GStrv) chosen = mamori_question_value_choices (a->saved);
        GtkWidget *list = gtk_box_new (q->type == MAMORI_QUESTION_BOOLEAN ? GTK_ORIENTATION_HORIZONTAL
                                                                          : GTK_ORIENTATION_VERTICAL, 6);

        a->buttons = g_ptr_array_new ();
        if (q->type == MAMORI_QUESTION_BOOLEAN)
          {
            gtk_box_append (GTK_BOX (list), choice_button (self, a, _("Yes"), NULL, g_str_equal (a->saved, "true")));
            gtk_box_append (GTK_BOX (list), choice_button (self, a, _("No"), NULL, g_str_equal (a->saved, "false")));
          }
        else
          for (guint i = 0; q->choices != NULL && i < q->choices->len; i++)
            {
              const MamoriChoice *c = q->choices->pdata[i];
              gtk_box_append (GTK_BOX (list), choice_button (self, a, mamori_text_get (c->name, lang ()),
                                                             mamori_text_get (c->description, lang ()),
                                                             g_strv_contains ((const char * const *) chosen, c->urn)));
            }
        gtk_box_append (GTK_BOX (row), list);
        gtk_accessible_update_relation (GTK_ACCESSIBLE (list), GTK_ACCESSIBLE_RELATION_LABELLED_BY, label, NULL, -1);
        if (q->type != MAMORI_QUESTION_MULTIPLE_CHOICE)
          {
            a->clear = gtk_button_new_with_mnemonic (_("C_lear"));
            gtk_widget_add_css_class (a->clear, "flat");
            gtk_widget_set_valign (a->clear, GTK_ALIGN_START);
            gtk_widget_set_tooltip_text (a->clear, _("Leave the question unanswered"));
            gtk_widget_set_visible (a->clear, a->saved[0] != '\0' && !self->read_only);
            g_object_set_data (G_OBJECT (a->clear), "mamori-asked", a);
            g_signal_connect (a->clear, "clicked", G_CALLBACK (clear_clicked), self);
            gtk_box_append (GTK_BOX (head), a->clear);
          }
        break;
      }
    }
  if (a->input != NULL)
    {
      GtkEventController *focus = gtk_event_controller_focus_new ();
      g_signal_connect (focus, "leave", G_CALLBACK (focus_left), self);
      gtk_widget_add_controller (a->input, focus);
    }
  a->row = row;
  show_hint (a);
  gtk_box_append (self->box, row);
}

void
mamori_question_box_clear (MamoriQuestionBox *self)
{
  GtkWidget *child;

  g_return_if_fail (MAMORI_IS_QUESTION_BOX (self));
  mamori_question_box_flush (self);
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->box))) != NULL)
    gtk_box_remove (self->box, child);
  g_ptr_array_set_size (self->asked, 0);
  self->item = NULL;
  g_clear_object (&self->workspace);
  gtk_widget_set_visible (GTK_WIDGET (self), FALSE);
}

void
mamori_question_box_set_item (MamoriQuestionBox *self,
                              MamoriWorkspace   *workspace,
                              gint64             assessment,
                              const MamoriNode  *item,
                              int                scale_choice,
                              gboolean           read_only)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GHashTable) answers = NULL;

  g_return_if_fail (MAMORI_IS_QUESTION_BOX (self));
  mamori_question_box_clear (self);
  if (item == NULL || mamori_node_n_extra_questions (item) == 0)
    return;
  answers = mamori_workspace_get_item_questions (workspace, assessment, item->ref_id, &error);
  if (answers == NULL)
    {
      mamori_widget_show_error (GTK_WIDGET (self), _("Could Not Read the Answers"), error);
      return;
    }
  g_set_object (&self->workspace, workspace);
  self->assessment = assessment;
  self->item = item;
  self->scale_choice = scale_choice;
  self->read_only = read_only;
  self->loading = TRUE;
  for (guint i = 0; i < item->questions->len; i++)
    {
      const MamoriQuestion *q = item->questions->pdata[i];
      Asked *a;
      const char *v;

      if (mamori_question_is_scale (item, q))
        continue;
      a = g_new0 (Asked, 1);
      a->q = q;
      v = g_hash_table_lookup (answers, q->urn);
      a->saved = g_strdup (v ? v : "");
      g_ptr_array_add (self->asked, a);
      build_question (self, a);
    }
  self->loading = FALSE;
  update_visibility (self);
}

void
mamori_question_box_set_scale_choice (MamoriQuestionBox *self,
                                      int                scale_choice)
{
  g_return_if_fail (MAMORI_IS_QUESTION_BOX (self));
  self->scale_choice = scale_choice;
  update_visibility (self);
}

GtkWidget *
mamori_question_box_new (void)
{
  return g_object_new (MAMORI_TYPE_QUESTION_BOX, NULL);
}

static void
mamori_question_box_dispose (GObject *object)
{
  MamoriQuestionBox *self = MAMORI_QUESTION_BOX (object);

  /* The item may be gone with its checklist by now: what is still waiting was saved by
   * mamori_question_box_clear or _flush when the wizard closed, as notes are. */
  g_clear_handle_id (&self->save_source, g_source_remove);
  g_clear_object (&self->workspace);
  self->item = NULL;
  G_OBJECT_CLASS (mamori_question_box_parent_class)->dispose (object);
}

static void
mamori_question_box_finalize (GObject *object)
{
  MamoriQuestionBox *self = MAMORI_QUESTION_BOX (object);

  g_ptr_array_unref (self->asked);
  G_OBJECT_CLASS (mamori_question_box_parent_class)->finalize (object);
}

static void
mamori_question_box_class_init (MamoriQuestionBoxClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = mamori_question_box_dispose;
  object_class->finalize = mamori_question_box_finalize;
}

static void
mamori_question_box_init (MamoriQuestionBox *self)
{
  self->asked = g_ptr_array_new_with_free_func ((GDestroyNotify) asked_free);
  self->box = GTK_BOX (gtk_box_new (GTK_ORIENTATION_VERTICAL, 18));
  gtk_widget_set_margin_top (GTK_WIDGET (self->box), 6);
  adw_bin_set_child (ADW_BIN (self), GTK_WIDGET (self->box));
  gtk_widget_set_visible (GTK_WIDGET (self), FALSE);
}
