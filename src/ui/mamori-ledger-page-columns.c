/* mamori-ledger-page-columns.c — the ledger's columns, header and rows, with the frozen name
 * column and sideways scrolling */
#include "config.h"

#include <glib/gi18n.h>
#include <math.h>

#include "core/mamori-checklist.h"
#include "core/mamori-classification.h"
#include "mamori-ledger-page-private.h"

/* GTK 4.8's GtkColumnView pays per column for every row of the model (about 0.2 s per column
 * for 100,000 rows); a GtkListView whose rows lay out all cells pays once. So the ledger is a
 * list of row boxes with fixed column widths, under a header that scrolls with it. */
const char *
_mamori_ledger_page_column_title (const ColumnSpec *spec,
                                  MamoriRiskMethod  method)
{
  return _(method == MAMORI_RISK_METHOD_GOV5 && spec->title5 ? spec->title5 : spec->title);
}

const char *
_mamori_ledger_page_column_tooltip (const ColumnSpec *spec,
                                    MamoriRiskMethod  method)
{
  const char *t = method == MAMORI_RISK_METHOD_GOV5 && spec->tooltip5 ? spec->tooltip5 : spec->tooltip;
  return t ? _(t) : NULL;
}

/* The band (IPA) or level (5 × 5) names, highest first as the filter lists them. */
gboolean
_mamori_ledger_page_english (void)
{
  static int cached = -1;

  if (cached < 0)
    cached = g_str_equal (mamori_text_user_lang (), "en");
  return cached;
}

/* The band (IPA) or level (5 × 5) names in the user's language: 大/中/小 or Large/Medium/Small. */
const char *
_mamori_ledger_page_band_name (MamoriRiskMethod method,
                               int              band)
{
  const MamoriRiskMatrix *m = method == MAMORI_RISK_METHOD_GOV5 ? mamori_risk_matrix_gov5 () : mamori_risk_matrix_ipa ();

  if (_mamori_ledger_page_english ())
    return m->risk[band].name_en;
  if (method == MAMORI_RISK_METHOD_GOV5)
    return m->risk[band].abbreviation;
  return mamori_risk_band_label (band);
}

/* Wide enough for 最高, or for "Very high" in English. */
#define BAND_CHIP_WIDTH (_mamori_ledger_page_english () ? 80 : 44)

int
_mamori_ledger_page_column_width (const ColumnSpec *spec)
{
  switch (spec->kind)
    {
    case COL_TEXT:
      return spec->field == MAMORI_ASSET_FIELD_NAME ? 200 : spec->field == MAMORI_ASSET_FIELD_REMARKS ? 200 : 120;
    case COL_FLAG: return 80;
    case COL_LEVEL: return 72;
    case COL_THREAT:
    case COL_VULNERABILITY: return 96;
    case COL_COMPUTED: return 92;
    case COL_BAND: return _mamori_ledger_page_english () ? 96 : 64;
    case COL_TREATMENT: return 110;
    case COL_TARGET: return 96;
    case COL_RESIDUAL: return 96;
    case COL_CLASS: return 300;
    default: return 100;
    }
}

static const ColumnSpec columns[] = {
  { N_("Category"), COL_TEXT, MAMORI_ASSET_FIELD_BUSINESS_CATEGORY, NULL },
  { N_("Asset"), COL_TEXT, MAMORI_ASSET_FIELD_NAME, NULL },
  { N_("Band"), COL_BAND, MAMORI_ASSET_SORT_RISK, N_("大 4–6: act with priority; 中 1–3: implement measures; 小 0: keep the current state"),
    N_("Level"), N_("5 × 5 level — 最高 20–25: implement measures at once; 高 10–16: implement measures; 中 5–9: plan measures; 低 1–4: consider accepting") },
  { N_("Risk"), COL_COMPUTED, MAMORI_ASSET_SORT_RISK, N_("Importance × likelihood"),
    NULL, N_("5 × 5 value: impact × likelihood (1–25)") },
  { N_("Department"), COL_TEXT, MAMORI_ASSET_FIELD_MANAGING_DEPARTMENT, NULL },
  { N_("Medium"), COL_TEXT, MAMORI_ASSET_FIELD_MEDIUM, NULL },
  { N_("Personal"), COL_FLAG, MAMORI_ASSET_FIELD_PERSONAL_INFO, N_("Contains personal information") },
  { N_("Sensitive"), COL_FLAG, MAMORI_ASSET_FIELD_SPECIAL_CARE_INFO, N_("Contains special-care personal information (health, criminal record, …)") },
  { N_("My Number"), COL_FLAG, MAMORI_ASSET_FIELD_MY_NUMBER, N_("Contains My Number (specific personal information)") },
  { N_("C"), COL_LEVEL, MAMORI_ASSET_FIELD_CONFIDENTIALITY,
    N_("Confidentiality — 2: the law, a secrecy duty or trade-secret status requires protection, or a leak gravely harms the company or its partners; 1: a leak seriously affects the business; 0: hardly any effect") },
  { N_("I"), COL_LEVEL, MAMORI_ASSET_FIELD_INTEGRITY,
    N_("Integrity — 2: the law requires it, or tampering gravely harms the company or its partners; 1: tampering seriously affects the business; 0: hardly any effect") },
  { N_("A"), COL_LEVEL, MAMORI_ASSET_FIELD_AVAILABILITY,
    N_("Availability — 2: an outage gravely harms the company or its customers; 1: an outage seriously affects the business; 0: hardly any effect") },
  { N_("Classification"), COL_CLASS, MAMORI_ASSET_FIELD_CLASSIFICATION_C,
    N_("The government classification (confidentiality 1–3, integrity and availability 1–2) and handling restrictions; "
       "click to change it for the selected assets") },
  { N_("Importance"), COL_COMPUTED, MAMORI_ASSET_SORT_IMPORTANCE, N_("max (C, I, A); 2 whenever personal information is involved"),
    N_("Impact"), N_("5 × 5 impact 1–5, assessed per asset; where it is not, from the importance: 0 → 1, 1 → 3, 2 → 5") },
  { N_("Threat"), COL_THREAT, MAMORI_ASSET_FIELD_THREAT,
    N_("3: happens under normal circumstances; 2: in particular situations (a few times a year); 1: not under normal circumstances; —: from the medium’s threat catalogue") },
  { N_("Vulnerability"), COL_VULNERABILITY, MAMORI_ASSET_FIELD_VULNERABILITY,
    N_("3: no measures; 2: measures partly in place; 1: all needed measures in place") },
  { N_("Likelihood"), COL_COMPUTED, MAMORI_ASSET_SORT_LIKELIHOOD, N_("From threat and vulnerability (IPA table): 3 high, 2 medium, 1 low"),
    N_("Frequency"), N_("5 × 5 likelihood 1–5, assessed per asset; where it is not, from the likelihood of damage: 1 → 1, 2 → 3, 3 → 5") },
  { N_("Treatment"), COL_TREATMENT, MAMORI_ASSET_FIELD_TREATMENT, NULL },
  { N_("Planned measure"), COL_TEXT, MAMORI_ASSET_FIELD_MEASURE, NULL },
  { N_("Owner"), COL_TEXT, MAMORI_ASSET_FIELD_MEASURE_OWNER, NULL },
  { N_("Due"), COL_TEXT, MAMORI_ASSET_FIELD_MEASURE_DUE, N_("YYYY-MM-DD") },
  { N_("Threat after"), COL_TARGET, MAMORI_ASSET_FIELD_TARGET_THREAT, N_("The threat once the measure is in place; — when the measure does not change it") },
  { N_("Vulnerability after"), COL_TARGET, MAMORI_ASSET_FIELD_TARGET_VULNERABILITY, N_("The vulnerability once the measure is in place; — when the measure does not change it") },
  { N_("Residual"), COL_RESIDUAL, MAMORI_ASSET_SORT_RESIDUAL_RISK, N_("Risk value and band once the planned measure is in place"),
    NULL, N_("5 × 5 value and level once the planned measure is in place") },
  { N_("Users"), COL_TEXT, MAMORI_ASSET_FIELD_USER_SCOPE, NULL },
  { N_("Remarks"), COL_TEXT, MAMORI_ASSET_FIELD_REMARKS, NULL },
  { N_("Retention"), COL_TEXT, MAMORI_ASSET_FIELD_RETENTION, NULL },
  { N_("Registered"), COL_TEXT, MAMORI_ASSET_FIELD_REGISTERED_ON, NULL },
};

/* The other parts of the page read the columns through this. */
G_STATIC_ASSERT (G_N_ELEMENTS (columns) == N_COLUMNS);
const ColumnSpec *const _mamori_ledger_page_columns = columns;

/* With the 5 × 5 method, the impact and likelihood columns hold the asset's own 5 × 5
 * assessment and can be edited (1–5, or empty: from the IPA values); -1 otherwise. */
int
_mamori_ledger_page_field5_of (const ColumnSpec *spec,
                               MamoriRiskMethod  method)
{
  if (method != MAMORI_RISK_METHOD_GOV5 || spec->kind != COL_COMPUTED)
    return -1;
  return spec->field == MAMORI_ASSET_SORT_IMPORTANCE ? MAMORI_ASSET_FIELD_IMPACT5
       : spec->field == MAMORI_ASSET_SORT_LIKELIHOOD ? MAMORI_ASSET_FIELD_LIKELIHOOD5 : -1;
}

int
_mamori_ledger_page_frozen_width (void)
{
  int w = 0;

  for (guint c = 0; c < N_FROZEN; c++)
    w += _mamori_ledger_page_column_width (&columns[c]);
  return w;
}

/* A frozen cell is exactly its column's width with its padding inside, and opaque (style.css),
 * so the cells scrolling sideways pass under it. */
static void
make_frozen (GtkWidget *cell,
             guint      c)
{
  gtk_widget_set_margin_start (cell, 0);
  gtk_widget_set_margin_end (cell, 0);
  gtk_widget_set_size_request (cell, _mamori_ledger_page_column_width (&columns[c]), -1);
  gtk_widget_add_css_class (cell, "mamori-frozen");
  if (c == N_FROZEN - 1)
    gtk_widget_add_css_class (cell, "mamori-frozen-edge");
}

/* --- cells ---------------------------------------------------------------------------------- */

/* Cells are plain labels: GTK keeps a couple of hundred rows realised, so they must be cheap.
 * A click opens one shared editor for the cell. */
static GtkWidget *
create_cell (const ColumnSpec *spec)
{
  GtkWidget *w = gtk_label_new (NULL);

  gtk_label_set_xalign (GTK_LABEL (w), spec->kind == COL_TEXT || spec->kind == COL_CLASS ? 0 : 0.5);
  /* A band chip always shows its whole text (up to two characters: 最高). */
  if (spec->kind != COL_BAND)
    gtk_label_set_ellipsize (GTK_LABEL (w), PANGO_ELLIPSIZE_END);
  gtk_label_set_single_line_mode (GTK_LABEL (w), TRUE);
  if (spec->kind == COL_BAND)
    gtk_widget_add_css_class (w, "mamori-band");
  if (spec->kind == COL_COMPUTED || spec->kind == COL_LEVEL || spec->kind == COL_THREAT ||
      spec->kind == COL_VULNERABILITY || spec->kind == COL_TARGET || spec->kind == COL_RESIDUAL)
    gtk_widget_add_css_class (w, "numeric");
  if (spec->kind == COL_COMPUTED)
    gtk_widget_add_css_class (w, "dim-label");
  if (spec->kind == COL_BAND)
    gtk_widget_set_size_request (w, BAND_CHIP_WIDTH, -1);
  else
    gtk_widget_set_size_request (w, _mamori_ledger_page_column_width (spec) - 8, -1);
  return w;
}

const char *
_mamori_ledger_page_treatment_label (MamoriTreatment t)
{
  switch (t)
    {
    case MAMORI_TREATMENT_REDUCE: return _("Reduce");
    case MAMORI_TREATMENT_RETAIN: return _("Retain");
    case MAMORI_TREATMENT_AVOID: return _("Avoid");
    case MAMORI_TREATMENT_TRANSFER: return _("Transfer");
    case MAMORI_TREATMENT_NONE:
    default: return "";
    }
}

static void
bind_cell (MamoriLedgerPage *self,
           const ColumnSpec *spec,
           GtkWidget        *w,
           MamoriLedgerRow  *row)
{
  const MamoriAsset *a = mamori_ledger_row_get_asset (row);
  const MamoriAssetRisk *current = mamori_ledger_row_get_risk (row);
  MamoriAssetRisk residual;
  const MamoriAssetRisk *risk;
  GtkLabel *label = GTK_LABEL (w);
  gboolean gov5 = self->method == MAMORI_RISK_METHOD_GOV5;
  /* An edit the server could not take stays in its cell, marked, with the reason. */
  const Unsaved *unsaved = spec->kind != COL_COMPUTED && spec->kind != COL_BAND && spec->kind != COL_RESIDUAL
    ? _mamori_ledger_page_unsaved (self, a->id, spec->field) : NULL;

  if (unsaved != NULL)
    {
      g_autofree char *tip = g_strdup_printf (_("Not saved yet: %s\nIt is saved when the server answers again."),
                                              unsaved->reason);
      a = unsaved->asset;
      gtk_widget_add_css_class (w, "mamori-unsaved");
      gtk_widget_set_tooltip_text (w, tip);
    }
  else if (gtk_widget_has_css_class (w, "mamori-unsaved"))
    {
      gtk_widget_remove_css_class (w, "mamori-unsaved");
      gtk_widget_set_tooltip_text (w, NULL);
    }

  /* The residual uses the same medium threat as the current value (its threat when not set). */
  mamori_asset_compute_residual (a, current->threat, &residual);
  risk = self->what_if ? &residual : current;

  switch (spec->kind)
    {
    case COL_TEXT:
      {
        g_autofree char *t = mamori_asset_get_field_text (a, spec->field);
        gtk_label_set_text (label, t);
        break;
      }
    case COL_FLAG:
      {
        gboolean on = spec->field == MAMORI_ASSET_FIELD_PERSONAL_INFO ? a->personal_info
                    : spec->field == MAMORI_ASSET_FIELD_SPECIAL_CARE_INFO ? a->special_care_info : a->my_number;
        /* TRANSLATORS: a personal-information flag that is set (the IPA sheet writes 有) */
        gtk_label_set_text (label, on ? C_("flag", "Yes") : "");
        break;
      }
    case COL_LEVEL:
    case COL_VULNERABILITY:
      {
        g_autofree char *t = mamori_asset_get_field_text (a, spec->field);
        gtk_label_set_text (label, t);
        break;
      }
    case COL_THREAT:
      {
        /* Its own value, or the medium's in parentheses. */
        g_autofree char *t = a->threat ? g_strdup_printf ("%d", a->threat) : g_strdup_printf ("(%d)", risk->threat);
        gtk_label_set_text (label, t);
        break;
      }
    case COL_TREATMENT:
      gtk_label_set_text (label, _mamori_ledger_page_treatment_label (a->treatment));
      break;
    case COL_TARGET:
      {
        g_autofree char *t = mamori_asset_get_field_text (a, spec->field);
        gtk_label_set_text (label, *t ? t : "—");
        break;
      }
    case COL_RESIDUAL:
      {
        g_autofree char *t = gov5
          ? g_strdup_printf ("%d %s", residual.value5, _mamori_ledger_page_band_name (self->method, residual.level5))
          : g_strdup_printf ("%d %s", residual.risk, _mamori_ledger_page_band_name (self->method, residual.band));
        gtk_label_set_text (label, t);
        break;
      }
    case COL_COMPUTED:
      {
        int v = spec->field == MAMORI_ASSET_SORT_IMPORTANCE ? (gov5 ? risk->impact5 : risk->importance)
              : spec->field == MAMORI_ASSET_SORT_LIKELIHOOD ? (gov5 ? risk->likelihood5 : risk->likelihood)
              : (gov5 ? risk->value5 : risk->risk);
        g_autofree char *t = g_strdup_printf ("%d", v);
        gtk_label_set_text (label, t);
        /* Computed values are dimmed; the 5 × 5 impact and likelihood are the user's entries. */
        if (_mamori_ledger_page_field5_of (spec, self->method) >= 0)
          gtk_widget_remove_css_class (w, "dim-label");
        else
          gtk_widget_add_css_class (w, "dim-label");
        break;
      }
    case COL_CLASS:
      {
        g_autofree char *t = mamori_classification_label (a->classification_c, a->classification_i,
                                                          a->classification_a, a->handling, NULL);
        gtk_label_set_text (label, t);
        /* The whole label, where the column cuts it. */
        if (unsaved == NULL)
          gtk_widget_set_tooltip_text (w, *t ? t : NULL);
        break;
      }
    case COL_BAND:
      {
        static const char *classes[] = { "band-small", "band-medium", "band-large", "level-0", "level-1", "level-2", "level-3" };
        int band = gov5 ? risk->level5 : (int) risk->band;
        for (guint i = 0; i < G_N_ELEMENTS (classes); i++)
          gtk_widget_remove_css_class (w, classes[i]);
        gtk_widget_add_css_class (w, classes[gov5 ? 3 + band : band]);
        gtk_label_set_text (label, _mamori_ledger_page_band_name (self->method, band));
        break;
      }
    default:
      break;
    }
}

/* --- rows and the header ------------------------------------------------------------------- */

/* A click on a cell selects as in a file manager and opens the cell editor
 * (mamori-ledger-page-editor.c). */
static void
row_clicked (GtkGestureClick  *gesture,
             int               n_press,
             double            x,
             double            y,
             MamoriLedgerPage *self)
{
  GtkWidget *box = gtk_event_controller_get_widget (GTK_EVENT_CONTROLLER (gesture));
  GtkListItem *item = g_object_get_data (G_OBJECT (box), "mamori-item");
  MamoriLedgerRow *row = item ? gtk_list_item_get_item (item) : NULL;
  double shift = mamori_ledger_row_box_get_shift (MAMORI_LEDGER_ROW_BOX (box));
  GtkWidget *hit;
  guint c = 0;

  /* The frozen cells are drawn shifted by the sideways scroll, over the others. */
  if (x - shift >= 0 && x - shift < _mamori_ledger_page_frozen_width ())
    {
      int left = 0;
      for (hit = gtk_widget_get_first_child (box); hit != NULL && c < N_FROZEN - 1 &&
           x - shift >= left + _mamori_ledger_page_column_width (&columns[c]); hit = gtk_widget_get_next_sibling (hit))
        left += _mamori_ledger_page_column_width (&columns[c++]);
    }
  else
    hit = gtk_widget_pick (box, x, y, GTK_PICK_DEFAULT);
  if (row == NULL || hit == NULL)
    return;
  while (hit != NULL && gtk_widget_get_parent (hit) != box)
    hit = gtk_widget_get_parent (hit);
  c = 0;
  for (GtkWidget *w = gtk_widget_get_first_child (box); w != NULL && w != hit; w = gtk_widget_get_next_sibling (w))
    c++;
  if (hit != NULL && c < G_N_ELEMENTS (columns) && n_press == 1)
    {
      GdkModifierType mods = gtk_event_controller_get_current_event_state (GTK_EVENT_CONTROLLER (gesture));
      GtkSelectionModel *selection = GTK_SELECTION_MODEL (self->selection);
      guint position = gtk_list_item_get_position (item);

      /* Ours, not the list's: its own click would otherwise take the press. So selecting is
       * done here too, as in a file manager: Ctrl+click adds or removes a row, Shift+click a
       * range, a plain click selects the row and edits the cell. A click inside a multiple
       * selection keeps it, and the edit applies to every selected row. */
      gtk_gesture_set_state (GTK_GESTURE (gesture), GTK_EVENT_SEQUENCE_CLAIMED);
      if (mods & GDK_CONTROL_MASK)
        {
          if (gtk_selection_model_is_selected (selection, position))
            gtk_selection_model_unselect_item (selection, position);
          else
            gtk_selection_model_select_item (selection, position, FALSE);
          self->anchor = position;
          return;
        }
      if (mods & GDK_SHIFT_MASK)
        {
          guint from = MIN (self->anchor, position), to = MAX (self->anchor, position);
          gtk_selection_model_select_range (selection, from, to - from + 1, FALSE);
          return;
        }
      if (!gtk_selection_model_is_selected (selection, position))
        gtk_selection_model_select_item (selection, position, TRUE);
      self->anchor = position;
      _mamori_ledger_page_edit_cell (self, row, position, c, hit, FALSE);
    }
}

static void
setup_row (GtkSignalListItemFactory *factory,
           GtkListItem              *item,
           MamoriLedgerPage         *self)
{
  GtkWidget *box = mamori_ledger_row_box_new ();
  GtkGesture *click = gtk_gesture_click_new ();

  gtk_widget_add_css_class (box, "mamori-ledger-row");
  mamori_ledger_row_box_freeze (MAMORI_LEDGER_ROW_BOX (box), gtk_scrolled_window_get_hadjustment (self->header_scroller), N_FROZEN);
  for (guint c = 0; c < G_N_ELEMENTS (columns); c++)
    {
      GtkWidget *cell = create_cell (&columns[c]);
      /* Each cell is exactly its column's width, like the header label above it. */
      int pad = columns[c].kind == COL_BAND ? (_mamori_ledger_page_column_width (&columns[c]) - BAND_CHIP_WIDTH) / 2 : 4;
      gtk_widget_set_margin_start (cell, pad);
      gtk_widget_set_margin_end (cell, pad);
      if (c < N_FROZEN)
        make_frozen (cell, c);
      gtk_box_append (GTK_BOX (box), cell);
    }
  g_object_set_data (G_OBJECT (box), "mamori-item", item);
  g_signal_connect (click, "pressed", G_CALLBACK (row_clicked), self);
  gtk_widget_add_controller (box, GTK_EVENT_CONTROLLER (click));
  gtk_list_item_set_child (item, box);
}

static void
bind_row (GtkSignalListItemFactory *factory,
          GtkListItem              *item,
          MamoriLedgerPage         *self)
{
  MamoriLedgerRow *row = gtk_list_item_get_item (item);
  GtkWidget *box = gtk_list_item_get_child (item);
  GtkWidget *cell = gtk_widget_get_first_child (box);

  /* A row the role may not change (another department's) is drawn dimmer. */
  if (_mamori_ledger_page_may_edit (self, mamori_ledger_row_get_asset (row)))
    gtk_widget_remove_css_class (box, "mamori-read-only");
  else
    gtk_widget_add_css_class (box, "mamori-read-only");

  for (guint c = 0; c < G_N_ELEMENTS (columns) && cell != NULL; c++, cell = gtk_widget_get_next_sibling (cell))
    bind_cell (self, &columns[c], cell, row);
}

/* The rows' own scroller only scrolls vertically, but it would still swallow sideways wheel
 * and touchpad motion (and Shift+wheel); pass that on to the outer scroller that carries the
 * header and the rows together. */
static gboolean
list_scrolled (GtkEventControllerScroll *controller,
               double                    dx,
               double                    dy,
               MamoriLedgerPage         *self)
{
  GtkAdjustment *h = gtk_scrolled_window_get_hadjustment (self->header_scroller);
  GdkModifierType mods = gtk_event_controller_get_current_event_state (GTK_EVENT_CONTROLLER (controller));
  double delta = dx, step;

  if ((mods & GDK_SHIFT_MASK) && dx == 0)
    delta = dy;
  if (delta == 0)
    return FALSE;
  step = pow (gtk_adjustment_get_page_size (h), 2.0 / 3.0);
  gtk_adjustment_set_value (h, gtk_adjustment_get_value (h) + delta * step);
  return TRUE;
}

/* Shows the sort column and direction in the header: ▲ ascending, ▼ descending. */
void
_mamori_ledger_page_update_header_sort (MamoriLedgerPage *self)
{
  guint sort = gtk_drop_down_get_selected (self->sort_drop);
  gboolean descending = gtk_toggle_button_get_active (self->descending_button);
  guint c = 0;

  for (GtkWidget *w = gtk_widget_get_first_child (GTK_WIDGET (self->header_box)); w;
       w = gtk_widget_get_next_sibling (w), c++)
    {
      const char *title = _mamori_ledger_page_column_title (&columns[c], self->method);
      g_autofree char *text = c == sort ? g_strdup_printf ("%s %s", title, descending ? "▼" : "▲") : g_strdup (title);
      gtk_label_set_text (GTK_LABEL (w), text);
      gtk_widget_set_tooltip_text (w, _mamori_ledger_page_column_tooltip (&columns[c], self->method));
    }
}

/* A click on a column heading sorts by it; a second click turns the order round. */
static void
header_clicked (GtkGestureClick  *gesture,
                int               n_press,
                double            x,
                double            y,
                MamoriLedgerPage *self)
{
  GtkWidget *label = gtk_event_controller_get_widget (GTK_EVENT_CONTROLLER (gesture));
  guint c = GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (label), "mamori-column"));

  if (gtk_drop_down_get_selected (self->sort_drop) == c)
    gtk_toggle_button_set_active (self->descending_button, !gtk_toggle_button_get_active (self->descending_button));
  else
    {
      /* Risk-like columns start highest first, text columns A to Z. */
      gtk_toggle_button_set_active (self->descending_button, columns[c].kind != COL_TEXT);
      gtk_drop_down_set_selected (self->sort_drop, c);
    }
}

/* The frozen cells of the header and of every realised row are drawn again where they stay. */
static void
scrolled_sideways (MamoriLedgerPage *self)
{
  if (self->header_box == NULL || self->list_view == NULL)
    return;   /* being disposed */
  gtk_widget_queue_draw (GTK_WIDGET (self->header_box));
  for (GtkWidget *w = gtk_widget_get_first_child (GTK_WIDGET (self->list_view)); w; w = gtk_widget_get_next_sibling (w))
    {
      GtkWidget *box = gtk_widget_get_first_child (w);
      if (MAMORI_IS_LEDGER_ROW_BOX (box))
        gtk_widget_queue_draw (box);
    }
}

/* A row widget going away or showing another asset takes the editor open on it along. */
static void
release_row (GtkSignalListItemFactory *factory,
             GtkListItem              *item,
             MamoriLedgerPage         *self)
{
  _mamori_ledger_page_release_editor (self, gtk_list_item_get_child (item));
}

void
_mamori_ledger_page_build_columns (MamoriLedgerPage *self)
{
  GtkEventController *scroll = gtk_event_controller_scroll_new (GTK_EVENT_CONTROLLER_SCROLL_BOTH_AXES);
  GtkListItemFactory *factory = gtk_signal_list_item_factory_new ();

  for (guint c = 0; c < G_N_ELEMENTS (columns); c++)
    {
      GtkWidget *label = gtk_label_new (_(columns[c].title));
      gtk_label_set_xalign (GTK_LABEL (label), 0);
      gtk_label_set_ellipsize (GTK_LABEL (label), PANGO_ELLIPSIZE_END);
      gtk_widget_set_size_request (label, _mamori_ledger_page_column_width (&columns[c]) - 8, -1);
      gtk_widget_set_margin_start (label, 4);
      gtk_widget_set_margin_end (label, 4);
      if (columns[c].kind != COL_TEXT && columns[c].kind != COL_CLASS)
        gtk_label_set_xalign (GTK_LABEL (label), 0.5);
      if (columns[c].tooltip != NULL)
        gtk_widget_set_tooltip_text (label, _(columns[c].tooltip));
      gtk_widget_add_css_class (label, "heading");
      if (c < N_FROZEN)
        make_frozen (label, c);
      g_object_set_data (G_OBJECT (label), "mamori-column", GUINT_TO_POINTER (c));
      {
        GtkGesture *click = gtk_gesture_click_new ();
        g_signal_connect (click, "released", G_CALLBACK (header_clicked), self);
        gtk_widget_add_controller (label, GTK_EVENT_CONTROLLER (click));
        gtk_widget_set_cursor_from_name (label, "pointer");
      }
      gtk_box_append (self->header_box, label);
    }
  g_signal_connect (factory, "setup", G_CALLBACK (setup_row), self);
  g_signal_connect (factory, "bind", G_CALLBACK (bind_row), self);
  g_signal_connect (factory, "unbind", G_CALLBACK (release_row), self);
  g_signal_connect (factory, "teardown", G_CALLBACK (release_row), self);
  gtk_list_view_set_factory (self->list_view, factory);
  g_object_unref (factory);
  gtk_event_controller_set_propagation_phase (scroll, GTK_PHASE_CAPTURE);
  g_signal_connect (scroll, "scroll", G_CALLBACK (list_scrolled), self);
  gtk_widget_add_controller (GTK_WIDGET (self->list_scroller), scroll);
  gtk_scrollbar_set_adjustment (self->vertical_scrollbar, gtk_scrolled_window_get_vadjustment (self->list_scroller));
  mamori_ledger_row_box_freeze (MAMORI_LEDGER_ROW_BOX (self->header_box), gtk_scrolled_window_get_hadjustment (self->header_scroller), N_FROZEN);
  g_signal_connect_object (gtk_scrolled_window_get_hadjustment (self->header_scroller), "value-changed",
                           G_CALLBACK (scrolled_sideways), self, G_CONNECT_SWAPPED);
}
