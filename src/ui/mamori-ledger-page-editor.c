/* mamori-ledger-page-editor.c — the ledger's cell editor and keyboard movement */
#include "config.h"

#include <glib/gi18n.h>

#include "mamori-ledger-page-private.h"

/* --- the shared cell editor ------------------------------------------------------------------- */

static void open_editor_at (MamoriLedgerPage *self,
                            guint             position,
                            guint             column);

/* Closes the cell editor at once: the rows under it are about to change. */
void
_mamori_ledger_page_close_editor (MamoriLedgerPage *self)
{
  GtkWidget *editor = g_steal_pointer (&self->editor);

  if (editor == NULL)
    return;
  g_signal_handlers_disconnect_matched (editor, G_SIGNAL_MATCH_DATA, 0, 0, NULL, NULL, self);
  gtk_popover_popdown (GTK_POPOVER (editor));
  if (gtk_widget_get_parent (editor) != NULL)
    gtk_widget_unparent (editor);
  g_object_unref (editor);
}

static gboolean
column_editable (MamoriLedgerPage *self,
                 guint             c)
{
  const ColumnSpec *spec;

  if (c >= N_COLUMNS)
    return FALSE;
  spec = &_mamori_ledger_page_columns[c];
  if (spec->kind == COL_COMPUTED)
    return _mamori_ledger_page_field5_of (spec, self->method) >= 0;
  return spec->kind != COL_BAND && spec->kind != COL_RESIDUAL;
}

/* The editable column after (step 1) or before (step -1) c, or G_MAXUINT. */
static guint
next_editable_column (MamoriLedgerPage *self,
                      guint             c,
                      int               step)
{
  /* Tab passes over the classification: its dialog opens on a click or from the menu. */
  for (int i = (int) c + step; i >= 0 && i < (int) N_COLUMNS; i += step)
    if (column_editable (self, i) && _mamori_ledger_page_columns[i].kind != COL_CLASS)
      return i;
  return G_MAXUINT;
}

/* Where the editor goes after its popover closes: Tab/Shift+Tab move along the row, Enter
 * down the column, like a spreadsheet. */
static void
editor_move (GtkWidget *popover,
             int        rows,
             int        cols)
{
  MamoriLedgerPage *self = g_object_get_data (G_OBJECT (popover), "mamori-page");
  guint position = GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (popover), "mamori-position"));
  guint column = GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (popover), "mamori-column"));
  guint n = self->model ? g_list_model_get_n_items (G_LIST_MODEL (self->model)) : 0;

  if (cols != 0)
    {
      guint next = next_editable_column (self, column, cols);
      if (next == G_MAXUINT)
        {
          /* Past the row's end: the next row's first column, as spreadsheets do. */
          if (cols > 0 && position + 1 < n)
            open_editor_at (self, position + 1, column_editable (self, 0) ? 0 : next_editable_column (self, 0, 1));
          return;
        }
      open_editor_at (self, position, next);
    }
  else if (rows > 0 && position + 1 < n)
    open_editor_at (self, position + 1, column);
}

static void
unparent_editor (gpointer data)
{
  GtkWidget *popover = data;

  if (gtk_widget_get_parent (popover) != NULL)
    gtk_widget_unparent (popover);
  g_object_unref (popover);
}

typedef struct {
  MamoriLedgerPage *self;
  guint position;
} FocusBack;

static GtkWidget *row_widget_at (MamoriLedgerPage *self,
                                 guint             position);


/* The closed editor had the keyboard focus: give it back to its row, not to the window (which
 * would hand it to the header bar's first tab), unless it went somewhere on purpose. */
static void
focus_back_cb (gpointer data)
{
  FocusBack *f = data;
  MamoriLedgerPage *self = f->self;
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));
  GtkWidget *focus = root ? gtk_root_get_focus (root) : NULL;

  if (self->editor == NULL && self->list_view != NULL && gtk_widget_get_mapped (GTK_WIDGET (self->list_view)) &&
      (focus == NULL || !gtk_widget_is_ancestor (focus, GTK_WIDGET (self))))
    {
      GtkWidget *box = row_widget_at (self, f->position);
      if (box == NULL || !gtk_widget_grab_focus (gtk_widget_get_parent (box)))
        gtk_widget_grab_focus (GTK_WIDGET (self->list_view));
    }
  g_object_unref (self);
  g_free (f);
}

static void
editor_closed (GtkPopover       *popover,
               MamoriLedgerPage *self)
{
  FocusBack *f = g_new0 (FocusBack, 1);

  /* Unparent from an idle: the popover is still inside its own signal. */
  g_idle_add_once (unparent_editor, g_object_ref (popover));
  f->self = g_object_ref (self);
  f->position = GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (popover), "mamori-position"));
  g_idle_add_once (focus_back_cb, f);
  g_object_set_data (G_OBJECT (popover), "mamori-row", NULL);
  if (self->editor == GTK_WIDGET (popover))
    g_clear_object (&self->editor);
}

/* A row widget going away or showing another asset takes the editor open on it along. */
void
_mamori_ledger_page_release_editor (MamoriLedgerPage *self,
                                    GtkWidget        *box)
{
  if (self->editor != NULL && box != NULL && gtk_widget_is_ancestor (self->editor, box))
    {
      GtkWidget *editor = g_steal_pointer (&self->editor);
      g_signal_handlers_disconnect_by_func (editor, editor_closed, self);
      gtk_widget_unparent (editor);
      g_object_unref (editor);
    }
  /* An editor that has just closed waits for an idle to leave its cell; do it now. */
  for (GtkWidget *cell = box ? gtk_widget_get_first_child (box) : NULL; cell; cell = gtk_widget_get_next_sibling (cell))
    for (GtkWidget *child = gtk_widget_get_first_child (cell), *next; child; child = next)
      {
        next = gtk_widget_get_next_sibling (child);
        if (GTK_IS_POPOVER (child))
          gtk_widget_unparent (child);
      }
}

static void
editor_choice_clicked (GtkButton        *button,
                       MamoriLedgerPage *self)
{
  GtkWidget *popover = gtk_widget_get_ancestor (GTK_WIDGET (button), GTK_TYPE_POPOVER);
  MamoriLedgerRow *row = g_object_get_data (G_OBJECT (popover), "mamori-row");
  int field = GPOINTER_TO_INT (g_object_get_data (G_OBJECT (popover), "mamori-field"));
  g_autoptr(MamoriLedgerRow) keep = row ? g_object_ref (row) : NULL;

  gtk_popover_popdown (GTK_POPOVER (popover));
  if (keep != NULL)
    _mamori_ledger_page_commit (self, keep, field, g_object_get_data (G_OBJECT (button), "mamori-value"));
}

static void
editor_entry_activated (GtkEntry         *entry,
                        MamoriLedgerPage *self)
{
  GtkWidget *popover = gtk_widget_get_ancestor (GTK_WIDGET (entry), GTK_TYPE_POPOVER);
  MamoriLedgerRow *row = g_object_get_data (G_OBJECT (popover), "mamori-row");
  int field = GPOINTER_TO_INT (g_object_get_data (G_OBJECT (popover), "mamori-field"));
  g_autoptr(MamoriLedgerRow) keep = row ? g_object_ref (row) : NULL;
  g_autofree char *text = g_strdup (gtk_editable_get_text (GTK_EDITABLE (entry)));

  gtk_popover_popdown (GTK_POPOVER (popover));
  if (keep != NULL)
    _mamori_ledger_page_commit (self, keep, field, text);
  editor_move (popover, 1, 0);
}

static gboolean
editor_key_pressed (GtkEventControllerKey *controller,
                    guint                  keyval,
                    guint                  keycode,
                    GdkModifierType        state,
                    MamoriLedgerPage      *self)
{
  GtkWidget *popover = gtk_event_controller_get_widget (GTK_EVENT_CONTROLLER (controller));
  GtkWidget *entry = g_object_get_data (G_OBJECT (popover), "mamori-entry");
  MamoriLedgerRow *row = g_object_get_data (G_OBJECT (popover), "mamori-row");
  int field = GPOINTER_TO_INT (g_object_get_data (G_OBJECT (popover), "mamori-field"));
  g_autoptr(MamoriLedgerRow) keep = row ? g_object_ref (row) : NULL;

  if (keyval == GDK_KEY_Tab || keyval == GDK_KEY_ISO_Left_Tab || keyval == GDK_KEY_KP_Tab)
    {
      g_autofree char *text = entry ? g_strdup (gtk_editable_get_text (GTK_EDITABLE (entry))) : NULL;
      gtk_popover_popdown (GTK_POPOVER (popover));
      if (keep != NULL && text != NULL)
        _mamori_ledger_page_commit (self, keep, field, text);
      editor_move (popover, 0, (keyval == GDK_KEY_ISO_Left_Tab || (state & GDK_SHIFT_MASK)) ? -1 : 1);
      return GDK_EVENT_STOP;
    }
  /* In a choice editor a digit picks that value and moves on to the next column, as Tab does;
   * Enter picks the focused one and moves down, as in a text cell. */
  if (entry == NULL)
    {
      GtkWidget *choices = g_object_get_data (G_OBJECT (popover), "mamori-choices");
      GtkWidget *pick = NULL;
      gboolean digit_key = FALSE;

      if ((keyval >= GDK_KEY_0 && keyval <= GDK_KEY_5) || (keyval >= GDK_KEY_KP_0 && keyval <= GDK_KEY_KP_5))
        {
          char digit[2] = { (char) ('0' + (keyval >= GDK_KEY_KP_0 ? keyval - GDK_KEY_KP_0 : keyval - GDK_KEY_0)), 0 };
          digit_key = TRUE;
          for (GtkWidget *b = choices ? gtk_widget_get_first_child (choices) : NULL; b; b = gtk_widget_get_next_sibling (b))
            if (g_strcmp0 (g_object_get_data (G_OBJECT (b), "mamori-value"), digit) == 0)
              pick = b;
        }
      else if (keyval == GDK_KEY_Return || keyval == GDK_KEY_KP_Enter)
        {
          GtkWidget *focus = gtk_root_get_focus (gtk_widget_get_root (popover));
          if (focus != NULL && choices != NULL && gtk_widget_get_parent (focus) == choices)
            pick = focus;
        }
      if (pick != NULL)
        {
          /* "clicked" now: gtk_widget_activate() would only emit it once the button's press
           * animation ends, after the editor has moved on, and the value would be lost. */
          g_signal_emit_by_name (pick, "clicked");
          if (digit_key)
            editor_move (popover, 0, 1);
          else
            editor_move (popover, 1, 0);
          return GDK_EVENT_STOP;
        }
    }
  return GDK_EVENT_PROPAGATE;
}

static void
add_choice (MamoriLedgerPage *self,
            GtkWidget        *box,
            const char       *label,
            const char       *value,
            gboolean          current)
{
  GtkWidget *button = gtk_button_new_with_label (label);

  g_object_set_data_full (G_OBJECT (button), "mamori-value", g_strdup (value), g_free);
  if (current)
    gtk_widget_add_css_class (button, "suggested-action");
  g_signal_connect (button, "clicked", G_CALLBACK (editor_choice_clicked), self);
  if (GTK_IS_FLOW_BOX (box))
    gtk_flow_box_append (GTK_FLOW_BOX (box), button);
  else
    gtk_box_append (GTK_BOX (box), button);
}

/* Opens the editor for column c of row (at position), over cell. A click on a flag toggles
 * it; from the keyboard a flag gets a small editor too, so Tab can pass through it. */
void
_mamori_ledger_page_edit_cell (MamoriLedgerPage *self,
                               MamoriLedgerRow  *row,
                               guint             position,
                               guint             c,
                               GtkWidget        *cell,
                               gboolean          keyboard)
{
  const ColumnSpec *spec = &_mamori_ledger_page_columns[c];
  const MamoriAsset *a = mamori_ledger_row_get_asset (row);
  GtkWidget *popover, *box, *focus = NULL;
  GtkEventController *keys;

  if (!column_editable (self, c))
    return;
  /* A row the role may not change says why instead of opening an editor. */
  if (_mamori_ledger_page_refuse (self, a))
    return;
  if (spec->kind == COL_CLASS)
    {
      _mamori_ledger_page_classify (self, row);
      return;
    }
  if (spec->kind == COL_FLAG && !keyboard)
    {
      g_autofree char *now = mamori_asset_get_field_text (a, spec->field);
      _mamori_ledger_page_commit (self, row, spec->field, *now ? "" : "有");
      return;
    }

  if (self->editor != NULL)
    gtk_popover_popdown (GTK_POPOVER (self->editor));
  popover = gtk_popover_new ();
  self->editor = g_object_ref (popover);
  g_object_set_data (G_OBJECT (popover), "mamori-page", self);
  g_object_set_data (G_OBJECT (popover), "mamori-position", GUINT_TO_POINTER (position));
  g_object_set_data (G_OBJECT (popover), "mamori-column", GUINT_TO_POINTER (c));
  keys = gtk_event_controller_key_new ();
  gtk_event_controller_set_propagation_phase (keys, GTK_PHASE_CAPTURE);
  g_signal_connect (keys, "key-pressed", G_CALLBACK (editor_key_pressed), self);
  gtk_widget_add_controller (popover, keys);
  box = gtk_box_new (spec->kind == COL_TEXT ? GTK_ORIENTATION_VERTICAL : GTK_ORIENTATION_HORIZONTAL, 6);
  g_object_set_data_full (G_OBJECT (popover), "mamori-row", g_object_ref (row), g_object_unref);
  g_object_set_data (G_OBJECT (popover), "mamori-field",
                     GINT_TO_POINTER (spec->kind == COL_COMPUTED ? _mamori_ledger_page_field5_of (spec, self->method)
                                                                 : spec->field));
  if (spec->tooltip != NULL)
    {
      GtkWidget *help = gtk_label_new (_mamori_ledger_page_column_tooltip (spec, self->method));
      gtk_label_set_wrap (GTK_LABEL (help), TRUE);
      gtk_label_set_max_width_chars (GTK_LABEL (help), 40);
      gtk_widget_add_css_class (help, "dim-label");
      gtk_box_append (GTK_BOX (box), help);
      gtk_orientable_set_orientation (GTK_ORIENTABLE (box), GTK_ORIENTATION_VERTICAL);
    }
  switch (spec->kind)
    {
    case COL_TEXT:
      {
        GtkWidget *entry = gtk_entry_new ();
        g_autofree char *t = mamori_asset_get_field_text (a, spec->field);
        gtk_editable_set_text (GTK_EDITABLE (entry), t);
        gtk_editable_set_width_chars (GTK_EDITABLE (entry), 30);
        g_signal_connect (entry, "activate", G_CALLBACK (editor_entry_activated), self);
        gtk_box_append (GTK_BOX (box), entry);
        g_object_set_data (G_OBJECT (popover), "mamori-entry", entry);
        focus = entry;
        if (spec->field == MAMORI_ASSET_FIELD_MEDIUM)
          {
            /* The media of the threat catalogue, one click each; the entry takes any other. */
            GtkWidget *flow = gtk_flow_box_new ();
            gtk_flow_box_set_selection_mode (GTK_FLOW_BOX (flow), GTK_SELECTION_NONE);
            gtk_flow_box_set_max_children_per_line (GTK_FLOW_BOX (flow), 3);
            gtk_flow_box_set_homogeneous (GTK_FLOW_BOX (flow), TRUE);
            for (guint i = 0; i < self->catalogue_media->len; i++)
              add_choice (self, flow, self->catalogue_media->pdata[i], self->catalogue_media->pdata[i],
                          g_str_equal (t, self->catalogue_media->pdata[i]));
            gtk_box_append (GTK_BOX (box), flow);
          }
        break;
      }
    case COL_COMPUTED:
      {
        /* The 5 × 5 impact or likelihood (only editable with that method). */
        GtkWidget *row_box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
        g_autofree char *now = mamori_asset_get_field_text (a, _mamori_ledger_page_field5_of (spec, self->method));
        g_object_set_data (G_OBJECT (popover), "mamori-choices", row_box);
        add_choice (self, row_box, _("From the IPA values"), "", *now == '\0');
        for (int v = 1; v <= 5; v++)
          {
            char t[2] = { (char) ('0' + v), 0 };
            add_choice (self, row_box, t, t, g_str_equal (now, t));
          }
        gtk_box_append (GTK_BOX (box), row_box);
        for (GtkWidget *b = gtk_widget_get_first_child (row_box); b; b = gtk_widget_get_next_sibling (b))
          if (focus == NULL || gtk_widget_has_css_class (b, "suggested-action"))
            focus = b;
        break;
      }
    case COL_FLAG:
    case COL_LEVEL:
    case COL_THREAT:
    case COL_VULNERABILITY:
    case COL_TREATMENT:
    case COL_TARGET:
      {
        GtkWidget *row_box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
        g_autofree char *now = mamori_asset_get_field_text (a, spec->field);
        g_object_set_data (G_OBJECT (popover), "mamori-choices", row_box);
        if (spec->kind == COL_FLAG)
          {
            add_choice (self, row_box, C_("flag", "Yes"), "有", *now != '\0');
            add_choice (self, row_box, _("None"), "", *now == '\0');
          }
        else if (spec->kind == COL_LEVEL)
          for (int v = 0; v <= 2; v++)
            {
              char t[2] = { (char) ('0' + v), 0 };
              add_choice (self, row_box, t, t, g_str_equal (now, t));
            }
        else if (spec->kind == COL_THREAT || spec->kind == COL_VULNERABILITY || spec->kind == COL_TARGET)
          {
            if (spec->kind == COL_THREAT)
              add_choice (self, row_box, _("From the medium"), "", *now == '\0');
            else if (spec->kind == COL_TARGET)
              add_choice (self, row_box, _("Unchanged"), "", *now == '\0');
            for (int v = 1; v <= 3; v++)
              {
                char t[2] = { (char) ('0' + v), 0 };
                add_choice (self, row_box, t, t, g_str_equal (now, t));
              }
          }
        else
          for (int t = MAMORI_TREATMENT_NONE; t <= MAMORI_TREATMENT_TRANSFER; t++)
            add_choice (self, row_box, t == MAMORI_TREATMENT_NONE ? _("None") : _mamori_ledger_page_treatment_label (t),
                        mamori_treatment_key (t), g_str_equal (now, mamori_treatment_key (t)));
        gtk_box_append (GTK_BOX (box), row_box);
        /* The current value has the focus: Enter keeps it, arrows move to another. */
        for (GtkWidget *b = gtk_widget_get_first_child (row_box); b; b = gtk_widget_get_next_sibling (b))
          if (focus == NULL || gtk_widget_has_css_class (b, "suggested-action"))
            focus = b;
        break;
      }
    default:
      break;
    }
  gtk_popover_set_child (GTK_POPOVER (popover), box);
  gtk_widget_set_parent (popover, cell);
  if (c < N_FROZEN && MAMORI_IS_LEDGER_ROW_BOX (gtk_widget_get_parent (cell)))
    {
      /* A frozen cell is drawn where it stays, not where it is laid out. */
      double shift = mamori_ledger_row_box_get_shift (MAMORI_LEDGER_ROW_BOX (gtk_widget_get_parent (cell)));
      GdkRectangle where = { (int) shift, 0, gtk_widget_get_width (cell), gtk_widget_get_height (cell) };
      gtk_popover_set_pointing_to (GTK_POPOVER (popover), &where);
    }
  g_signal_connect (popover, "closed", G_CALLBACK (editor_closed), self);
  gtk_popover_popup (GTK_POPOVER (popover));
  if (focus != NULL)
    gtk_widget_grab_focus (focus);
}

/* --- moving the editor ------------------------------------------------------------------------ */

typedef struct {
  MamoriLedgerPage *self;
  guint position;
  guint column;
  guint tries;
} MoveTo;

/* The row box showing position, if the list has one realised. */
static GtkWidget *
row_widget_at (MamoriLedgerPage *self,
               guint             position)
{
  for (GtkWidget *w = gtk_widget_get_first_child (GTK_WIDGET (self->list_view)); w; w = gtk_widget_get_next_sibling (w))
    {
      GtkWidget *box = gtk_widget_get_first_child (w);
      GtkListItem *item = box ? g_object_get_data (G_OBJECT (box), "mamori-item") : NULL;
      if (item != NULL && gtk_list_item_get_item (item) != NULL && gtk_list_item_get_position (item) == position)
        return box;
    }
  return NULL;
}

/* Scrolls so that column c of the row box is in view; TRUE when it already was. */
static gboolean
scroll_into_view (MamoriLedgerPage *self,
                  GtkWidget        *box,
                  guint             position,
                  guint             c)
{
  GtkAdjustment *v = gtk_scrolled_window_get_vadjustment (self->list_scroller);
  GtkAdjustment *h = gtk_scrolled_window_get_hadjustment (self->header_scroller);
  double x = 0, width = _mamori_ledger_page_column_width (&_mamori_ledger_page_columns[c]);
  gboolean visible = TRUE;

  for (guint i = 0; i < c; i++)
    x += _mamori_ledger_page_column_width (&_mamori_ledger_page_columns[i]);
  /* The frozen columns are always in view; the others must clear them. */
  if (c >= N_FROZEN &&
      (x < gtk_adjustment_get_value (h) + _mamori_ledger_page_frozen_width () ||
       x + width > gtk_adjustment_get_value (h) + gtk_adjustment_get_page_size (h)))
    {
      double page = gtk_adjustment_get_page_size (h) - _mamori_ledger_page_frozen_width ();
      gtk_adjustment_set_value (h, MAX (0, x - _mamori_ledger_page_frozen_width () - MAX (0, page - width) / 2));
      visible = FALSE;
    }
  if (box == NULL || !gtk_widget_get_mapped (box))
    {
      /* Not realised, or kept aside out of view: jump near it, by the height of a shown row. */
      GtkWidget *any = gtk_widget_get_first_child (GTK_WIDGET (self->list_view));
      int height;
      while (any != NULL && !gtk_widget_get_mapped (any))
        any = gtk_widget_get_next_sibling (any);
      height = any ? MAX (gtk_widget_get_height (any), 1) : 28;
      gtk_adjustment_set_value (v, MAX (0, (double) position * height - gtk_adjustment_get_page_size (v) / 2));
      return FALSE;
    }
  {
    graphene_point_t p;
    if (gtk_widget_compute_point (box, GTK_WIDGET (self->list_scroller), &GRAPHENE_POINT_INIT (0, 0), &p))
      {
        int height = gtk_widget_get_height (box);
        int page = gtk_widget_get_height (GTK_WIDGET (self->list_scroller));
        if (p.y < 0 || p.y + height > page)
          {
            gtk_adjustment_set_value (v, gtk_adjustment_get_value (v) + p.y - (p.y < 0 ? 0 : page - height));
            visible = FALSE;
          }
      }
  }
  return visible;
}

/* Whether some of the cell shows in the list's scrolled area (both ways). */
static gboolean
cell_in_view (MamoriLedgerPage *self,
              GtkWidget        *cell,
              guint             column)
{
  GtkWidget *area = GTK_WIDGET (self->list_scroller);
  graphene_rect_t b, view, both;
  double shift = 0;

  if (!gtk_widget_get_mapped (cell) || !gtk_widget_compute_bounds (cell, area, &b))
    return FALSE;
  /* A frozen cell is drawn shifted back by the sideways scroll. */
  if (column < N_FROZEN && MAMORI_IS_LEDGER_ROW_BOX (gtk_widget_get_parent (cell)))
    shift = mamori_ledger_row_box_get_shift (MAMORI_LEDGER_ROW_BOX (gtk_widget_get_parent (cell)));
  graphene_rect_init (&view, 0, 0, gtk_widget_get_width (area), gtk_widget_get_height (area));
  {
    /* The list scrolls sideways inside the header's scroller: clip to that one's page too. */
    GtkWidget *outer = GTK_WIDGET (self->header_scroller);
    graphene_rect_t o;
    if (gtk_widget_compute_bounds (outer, area, &o))
      graphene_rect_intersection (&view, &o, &view);
  }
  b.origin.x += shift;
  return graphene_rect_intersection (&b, &view, &both) && both.size.width >= 1 && both.size.height >= 1;
}

static gboolean
move_to_cb (gpointer data)
{
  MoveTo *m = data;
  MamoriLedgerPage *self = m->self;
  GtkWidget *box = row_widget_at (self, m->position);
  GtkListItem *item = box ? g_object_get_data (G_OBJECT (box), "mamori-item") : NULL;

  if (self->model == NULL || m->position >= g_list_model_get_n_items (G_LIST_MODEL (self->model)))
    return G_SOURCE_REMOVE;
  if (!scroll_into_view (self, box, m->position, m->column) && m->tries++ < 5)
    return G_SOURCE_CONTINUE;   /* again once the list has laid out the scrolled rows */
  {
    /* A popover needs its window placed on a monitor (right after mapping it may not be). */
    GtkNative *native = gtk_widget_get_native (GTK_WIDGET (self));
    GdkSurface *surface = native ? gtk_native_get_surface (native) : NULL;
    if (surface == NULL || gdk_display_get_monitor_at_surface (gdk_surface_get_display (surface), surface) == NULL)
      return m->tries++ < 100 ? G_SOURCE_CONTINUE : G_SOURCE_REMOVE;
  }
  if (item != NULL)
    {
      GtkWidget *cell = gtk_widget_get_first_child (box);
      for (guint i = 0; cell != NULL && i < m->column; i++)
        cell = gtk_widget_get_next_sibling (cell);
      /* GTK places a popover on the monitor under the cell it points to, and finds none (a
       * critical, then garbage) when that cell lies outside the window's visible list, as
       * while the scroll above has not been laid out yet. Wait for it to show. */
      if (cell != NULL && !cell_in_view (self, cell, m->column))
        return m->tries++ < 100 ? G_SOURCE_CONTINUE : G_SOURCE_REMOVE;
      /* The row follows the editor, so Delete, Ctrl+D and the others act on it. */
      gtk_selection_model_select_item (GTK_SELECTION_MODEL (self->selection), m->position, TRUE);
      if (cell != NULL)
        _mamori_ledger_page_edit_cell (self, gtk_list_item_get_item (item), m->position, m->column, cell, TRUE);
    }
  return G_SOURCE_REMOVE;
}

static void
move_to_free (gpointer data)
{
  MoveTo *m = data;
  g_object_unref (m->self);
  g_free (m);
}

/* Opens the editor at (position, column) once pending row refreshes have run: a commit just
 * before rebinds its row from an idle. */
static void
open_editor_at (MamoriLedgerPage *self,
                guint             position,
                guint             column)
{
  MoveTo *m = g_new0 (MoveTo, 1);

  m->self = g_object_ref (self);
  m->position = position;
  m->column = column;
  g_timeout_add_full (G_PRIORITY_DEFAULT_IDLE, 30, move_to_cb, m, move_to_free);
}

gboolean
mamori_ledger_page_edit_cell_at (MamoriLedgerPage *self,
                                 guint             position,
                                 MamoriAssetField  field)
{
  for (guint c = 0; c < N_COLUMNS; c++)
    {
      const ColumnSpec *spec = &_mamori_ledger_page_columns[c];
      if (column_editable (self, c) &&
          (spec->kind == COL_COMPUTED ? _mamori_ledger_page_field5_of (spec, self->method) : spec->field) == (int) field)
        {
          open_editor_at (self, position, c);
          return TRUE;
        }
    }
  return FALSE;
}

void
_mamori_ledger_page_list_activated (GtkListView      *view,
                                    guint             position,
                                    MamoriLedgerPage *self)
{
  /* Enter on a row: edit its name, then Tab along the row. */
  mamori_ledger_page_edit_cell_at (self, position, MAMORI_ASSET_FIELD_NAME);
}
