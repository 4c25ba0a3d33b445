/* mamori-ledger-page.c — the information-asset ledger: a spreadsheet-like column view over
 * the workspace, filtered and sorted in SQL off the main thread. */
#include "config.h"

#include <glib/gi18n.h>
#include <math.h>

#include "core/mamori-checklist.h"
#include "core/mamori-asset-xlsx-read.h"
#include "core/mamori-csv.h"
#include "mamori-ledger-model.h"
#include "mamori-ledger-page.h"
#include "mamori-ledger-row.h"
#include "mamori-threat-catalogue-window.h"
#include "mamori-window.h"
#include "ops/mamori-worker.h"

typedef enum {
  COL_TEXT,
  COL_FLAG,
  COL_LEVEL,        /* 0–2 */
  COL_THREAT,       /* — (from the medium), 1–3 */
  COL_VULNERABILITY,/* 1–3 */
  COL_COMPUTED,
  COL_BAND,
  COL_TREATMENT,
  COL_TARGET,       /* — (unchanged), 1–3 */
  COL_RESIDUAL,     /* risk after the planned measure */
} ColumnKind;

typedef struct {
  const char *title;   /* N_() */
  ColumnKind kind;
  int field;           /* MamoriAssetField, or MAMORI_ASSET_SORT_* for computed columns */
  const char *tooltip; /* N_() or NULL */
  const char *title5;  /* N_(): the title with the 5 × 5 method, or NULL: the same */
  const char *tooltip5;
} ColumnSpec;

/* GTK 4.8's GtkColumnView pays per column for every row of the model (about 0.2 s per column
 * for 100,000 rows); a GtkListView whose rows lay out all cells pays once. So the ledger is a
 * list of row boxes with fixed column widths, under a header that scrolls with it. */
static const char *
column_title (const ColumnSpec *spec,
              MamoriRiskMethod  method)
{
  return _(method == MAMORI_RISK_METHOD_GOV5 && spec->title5 ? spec->title5 : spec->title);
}

static const char *
column_tooltip (const ColumnSpec *spec,
                MamoriRiskMethod  method)
{
  const char *t = method == MAMORI_RISK_METHOD_GOV5 && spec->tooltip5 ? spec->tooltip5 : spec->tooltip;
  return t ? _(t) : NULL;
}

/* The band (IPA) or level (5 × 5) names, highest first as the filter lists them. */
static gboolean
english (void)
{
  static int cached = -1;

  if (cached < 0)
    cached = g_str_equal (mamori_text_user_lang (), "en");
  return cached;
}

/* The band (IPA) or level (5 × 5) names in the user's language: 大/中/小 or Large/Medium/Small. */
static const char *
band_name (MamoriRiskMethod method,
           int              band)
{
  const MamoriRiskMatrix *m = method == MAMORI_RISK_METHOD_GOV5 ? mamori_risk_matrix_gov5 () : mamori_risk_matrix_ipa ();

  if (english ())
    return m->risk[band].name_en;
  if (method == MAMORI_RISK_METHOD_GOV5)
    return m->risk[band].abbreviation;
  return mamori_risk_band_label (band);
}

static int
n_bands (MamoriRiskMethod method)
{
  return method == MAMORI_RISK_METHOD_GOV5 ? 4 : 3;
}

/* Wide enough for 最高, or for "Very high" in English. */
#define BAND_CHIP_WIDTH (english () ? 80 : 44)

static int
column_width (const ColumnSpec *spec)
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
    case COL_BAND: return english () ? 96 : 64;
    case COL_TREATMENT: return 110;
    case COL_TARGET: return 96;
    case COL_RESIDUAL: return 96;
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

static int field5_of (const ColumnSpec *spec,
                      MamoriRiskMethod  method);

/* The first columns (category and asset name) stay in view when the grid scrolls sideways, as
 * frozen panes do in a spreadsheet. */
#define N_FROZEN 2

static int
frozen_width (void)
{
  int w = 0;

  for (guint c = 0; c < N_FROZEN; c++)
    w += column_width (&columns[c]);
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
  gtk_widget_set_size_request (cell, column_width (&columns[c]), -1);
  gtk_widget_add_css_class (cell, "mamori-frozen");
  if (c == N_FROZEN - 1)
    gtk_widget_add_css_class (cell, "mamori-frozen-edge");
}

struct _MamoriLedgerPage {
  AdwBin parent_instance;

  GtkSearchEntry *search_entry;
  GtkDropDown *department_drop;
  GtkDropDown *band_drop;
  GtkDropDown *sort_drop;
  GtkToggleButton *descending_button;
  GtkLabel *count_label;
  GtkButton *add_button;
  GtkDropDown *medium_drop;
  GtkStack *stack;
  GtkScrolledWindow *header_scroller;
  GtkScrolledWindow *list_scroller;
  GtkScrollbar *vertical_scrollbar;
  GtkBox *header_box;
  GtkListView *list_view;

  MamoriWorkspace *workspace;
  MamoriWorker *exporter;     /* the ledger written to a file, off the main thread */
  MamoriWorker *importer;     /* a ledger file read and stored, off the main thread */
  char *export_path;
  MamoriLedgerModel *model;
  GtkStringList *departments;
  GtkStringList *media;       /* "All media", then the media in use */
  GPtrArray *catalogue_media; /* char*: the media of the threat catalogue, for the editor */
  gboolean binding;           /* TRUE while cells are being filled in */
  gboolean saving;            /* TRUE while this page saves one row */
  gboolean what_if;           /* Risk and Band as if every planned measure were done */
  GtkWidget *editor;          /* the open cell editor (a popover on a cell), if any */
  guint anchor;               /* where a Shift+click range starts */
  gboolean filling;           /* TRUE while the filter choices are refilled: no query for each */
  MamoriRiskMethod method;    /* the workspace's risk method */
  gboolean by_cell;           /* showing one heatmap cell (from the heatmap page) */
  gboolean cell_likelihood;   /* … of the threat × vulnerability grid */
  guint cell_probability;
  guint cell_impact;
  GtkButton *cell_button;     /* says which cell; a click shows every asset again */
  char *cell_name;            /* that cell as the heatmap names it: "大 6" */
  AdwStatusPage *no_match_page;
  GtkButton *clear_filters_button;
  gint64 open_new;            /* an asset just added with +: select it and edit its name once shown */
  char *queried_text;         /* the search text of the last query */
  GtkStringList *bands;       /* the band filter's choices for that method */
  GtkToggleButton *what_if_button;
  GPtrArray *undo;            /* Edit*: before/after pairs */
  GPtrArray *redo;
  GCancellable *cancellable;
  GtkMultiSelection *selection;
  GtkNativeDialog *chooser;
  gulong changed_id;
};

G_DEFINE_FINAL_TYPE (MamoriLedgerPage, mamori_ledger_page, ADW_TYPE_BIN)

enum {
  PROP_0,
  PROP_RISK_METHOD,   /* "ipa" or "gov5": the workspace setting, behind the menu's radio items */
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

/* One undoable step: every change to the ledger made on this page. */
typedef enum {
  EDIT_UPDATE,   /* a cell edit, or a bulk edit: before and after of every asset touched */
  EDIT_ADD,      /* adding, duplicating, splitting, importing: after holds the new assets */
  EDIT_DELETE,   /* before holds the deleted assets */
} EditKind;

typedef struct {
  EditKind kind;
  GPtrArray *before;   /* MamoriAsset*, or NULL */
  GPtrArray *after;
  char *what;          /* "adding 1 asset": what undo and redo name in their toast */
  guint serial;
} Edit;

static void
edit_free (Edit *e)
{
  g_clear_pointer (&e->before, g_ptr_array_unref);
  g_clear_pointer (&e->after, g_ptr_array_unref);
  g_free (e->what);
  g_free (e);
}

/* --- querying --------------------------------------------------------------------------- */

static void open_new_row (MamoriLedgerPage *self);

/* The status line: n assets, then each band's count (of everything the other filters let
 * through, as if the planned measures were done when What If is on). */
static void
update_status (MamoriLedgerPage *self,
               guint             n)
{
  guint c[MAMORI_ASSET_MAX_BANDS];
  g_autoptr(GString) text = g_string_new (NULL);

  mamori_ledger_model_get_band_counts (self->model, c);
  g_string_printf (text, ngettext ("%u asset", "%u assets", n), n);
  for (int b = n_bands (self->method) - 1; b >= 0; b--)
    g_string_append_printf (text, " · %s %u", band_name (self->method, b), c[b]);
  gtk_label_set_text (self->count_label, text->str);
}

static void
query_done (GObject      *source,
            GAsyncResult *result,
            gpointer      user_data)
{
  MamoriLedgerPage *self = user_data;
  g_autoptr(GError) error = NULL;
  guint n;

  if (!mamori_ledger_model_query_finish (MAMORI_LEDGER_MODEL (source), result, &error))
    {
      if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        mamori_widget_show_error (GTK_WIDGET (self), _("Could Not Read the Ledger"), error);
      return;
    }
  n = g_list_model_get_n_items (G_LIST_MODEL (self->model));
  update_status (self, n);
  /* The empty state only when the ledger itself is empty; a filter, a search or a heatmap cell
   * that hides every row says so and offers to clear it. */
  {
    gboolean filtered = *gtk_editable_get_text (GTK_EDITABLE (self->search_entry)) != '\0' ||
                        gtk_drop_down_get_selected (self->department_drop) > 0 ||
                        gtk_drop_down_get_selected (self->medium_drop) > 0 ||
                        gtk_drop_down_get_selected (self->band_drop) > 0;
    if (n == 0 && self->by_cell)
      {
        g_autofree char *text = g_strdup_printf (filtered ? _("No asset falls in the heatmap cell %s with these filters.")
                                                          : _("No asset falls in the heatmap cell %s."),
                                                 self->cell_name ? self->cell_name : "");
        adw_status_page_set_title (self->no_match_page, _("No Asset in This Cell"));
        adw_status_page_set_description (self->no_match_page, text);
        gtk_button_set_label (self->clear_filters_button, _("_Clear the Cell Filter"));
      }
    else if (n == 0 && filtered)
      {
        adw_status_page_set_title (self->no_match_page, _("No Asset Matches"));
        adw_status_page_set_description (self->no_match_page, _("The search or the filters hide every asset of the ledger."));
        gtk_button_set_label (self->clear_filters_button, _("_Clear Filters"));
      }
    gtk_stack_set_visible_child_name (self->stack, n > 0 ? "table" : (filtered || self->by_cell) ? "no-match" : "empty");
  }
  open_new_row (self);
}

static void
count_done (GObject      *source,
            GAsyncResult *result,
            gpointer      user_data)
{
  MamoriLedgerPage *self = user_data;
  g_autoptr(GError) error = NULL;

  if (!mamori_ledger_model_count_finish (MAMORI_LEDGER_MODEL (source), result, &error))
    return;   /* cancelled by a newer query, which counts for itself */
  update_status (self, mamori_ledger_model_get_n_counted (MAMORI_LEDGER_MODEL (source)));
}

/* After an edit of this page: the counts follow, the rows stay where they are. */
static void
recount (MamoriLedgerPage *self)
{
  if (self->model != NULL && self->cancellable != NULL)
    mamori_ledger_model_count_async (self->model, self->cancellable, count_done, self);
}

/* Closes the cell editor at once: the rows under it are about to change. */
static void
close_editor (MamoriLedgerPage *self)
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

void
mamori_ledger_page_refresh (MamoriLedgerPage *self)
{
  MamoriAssetQuery q = { 0 };
  guint dept = gtk_drop_down_get_selected (self->department_drop);
  guint band = gtk_drop_down_get_selected (self->band_drop);
  guint sort = gtk_drop_down_get_selected (self->sort_drop);

  if (self->model == NULL || self->department_drop == NULL || self->filling)
    return;
  close_editor (self);
  q.text = gtk_editable_get_text (GTK_EDITABLE (self->search_entry));
  g_free (self->queried_text);
  self->queried_text = g_strdup (q.text);
  q.department = dept > 0 && dept != GTK_INVALID_LIST_POSITION
                 ? gtk_string_list_get_string (self->departments, dept) : NULL;
  {
    guint medium = gtk_drop_down_get_selected (self->medium_drop);
    q.medium = medium > 0 && medium != GTK_INVALID_LIST_POSITION
               ? gtk_string_list_get_string (self->media, medium) : NULL;
  }
  /* Band choices: all, then the bands highest first. */
  q.band = band > 0 && band != GTK_INVALID_LIST_POSITION ? n_bands (self->method) - (int) band : -1;
  q.method = self->method;
  q.by_cell = self->by_cell;
  q.cell_likelihood = self->cell_likelihood;
  q.cell_probability = self->cell_probability;
  q.cell_impact = self->cell_impact;
  q.sort = sort < G_N_ELEMENTS (columns) ? columns[sort].field : MAMORI_ASSET_SORT_ID;
  if (sort < G_N_ELEMENTS (columns) && columns[sort].kind == COL_BAND)
    q.sort = MAMORI_ASSET_SORT_RISK;
  q.descending = gtk_toggle_button_get_active (self->descending_button);
  q.residual = self->what_if;
  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  self->cancellable = g_cancellable_new ();
  mamori_ledger_model_query_async (self->model, &q, self->cancellable, query_done, self);
}

static void
filter_changed (GtkWidget        *widget,
                MamoriLedgerPage *self)
{
  /* The search entry reports a change a moment late, also one already queried (cleared with
   * the filters): querying again would close the editor opened meanwhile. */
  if (g_strcmp0 (self->queried_text, gtk_editable_get_text (GTK_EDITABLE (self->search_entry))) == 0)
    return;
  mamori_ledger_page_refresh (self);
}

static void
filter_notify (GObject          *object,
               GParamSpec       *pspec,
               MamoriLedgerPage *self)
{
  mamori_ledger_page_refresh (self);
}

static void update_header_sort (MamoriLedgerPage *self);

static void
sort_changed (MamoriLedgerPage *self)
{
  update_header_sort (self);
  mamori_ledger_page_refresh (self);
}

/* Fills a filter drop-down (first entry "All …") with the values in use, keeping the choice. */
static void
load_filter_values (MamoriLedgerPage *self,
                    MamoriAssetField  field,
                    GtkStringList    *list,
                    GtkDropDown      *drop)
{
  g_autoptr(GPtrArray) values = self->workspace
    ? mamori_workspace_list_asset_values (self->workspace, field, NULL) : NULL;
  guint n = g_list_model_get_n_items (G_LIST_MODEL (list));
  guint selected = gtk_drop_down_get_selected (drop), new_selected = 0;
  g_autofree char *keep = NULL;

  if (selected > 0 && selected != GTK_INVALID_LIST_POSITION)
    keep = g_strdup (gtk_string_list_get_string (list, selected));
  gtk_string_list_splice (list, 1, n - 1, NULL);
  for (guint i = 0; values != NULL && i < values->len; i++)
    {
      if (*(const char *) values->pdata[i] == '\0')
        continue;
      gtk_string_list_append (list, values->pdata[i]);
      if (g_strcmp0 (keep, values->pdata[i]) == 0)
        new_selected = g_list_model_get_n_items (G_LIST_MODEL (list)) - 1;
    }
  gtk_drop_down_set_selected (drop, new_selected);
}

static void
load_departments (MamoriLedgerPage *self)
{
  g_autoptr(GPtrArray) catalogue = self->workspace ? mamori_workspace_list_threat_catalogue (self->workspace, NULL) : NULL;

  /* The callers query once afterwards. */
  gboolean was_filling = self->filling;

  self->filling = TRUE;
  load_filter_values (self, MAMORI_ASSET_FIELD_MANAGING_DEPARTMENT, self->departments, self->department_drop);
  load_filter_values (self, MAMORI_ASSET_FIELD_MEDIUM, self->media, self->medium_drop);
  self->filling = was_filling;
  g_ptr_array_set_size (self->catalogue_media, 0);
  for (guint i = 0; catalogue != NULL && i < catalogue->len; i++)
    {
      const char *m = ((MamoriThreatEntry *) catalogue->pdata[i])->medium;
      if (!g_ptr_array_find_with_equal_func (self->catalogue_media, m, g_str_equal, NULL))
        g_ptr_array_add (self->catalogue_media, g_strdup (m));
    }
}

/* --- editing ------------------------------------------------------------------------------ */


typedef struct {
  MamoriLedgerModel *model;
  GtkSelectionModel *selection;
  gint64 id;
} RowRefresh;

static void
row_refresh_cb (gpointer data)
{
  RowRefresh *r = data;
  guint position = mamori_ledger_model_find (r->model, r->id);
  /* The selection forgets a changed row; an edited row stays selected. */
  gboolean selected = position != G_MAXUINT && gtk_selection_model_is_selected (r->selection, position);

  position = mamori_ledger_model_row_changed (r->model, r->id);
  if (selected && position != G_MAXUINT)
    gtk_selection_model_select_item (r->selection, position, FALSE);
  g_object_unref (r->model);
  g_object_unref (r->selection);
  g_free (r);
}

/* The edit came from a cell's own signal: rebinding that cell now would pull the widget out
 * from under GTK, so the row is read again from an idle. */
static void
schedule_row_changed (MamoriLedgerPage *self,
                      gint64            id)
{
  RowRefresh *r = g_new0 (RowRefresh, 1);
  r->model = g_object_ref (self->model);
  r->selection = g_object_ref (GTK_SELECTION_MODEL (self->selection));
  r->id = id;
  g_idle_add_once (row_refresh_cb, r);
}

static gboolean
save_assets (MamoriLedgerPage *self,
             GPtrArray        *assets)
{
  g_autoptr(GError) error = NULL;
  gboolean ok;

  self->saving = TRUE;
  ok = mamori_workspace_update_assets (self->workspace, assets, &error);
  self->saving = FALSE;
  if (!ok)
    mamori_widget_show_error (GTK_WIDGET (self), _("Could Not Save the Asset"), error);
  for (guint i = 0; i < assets->len; i++)
    schedule_row_changed (self, ((MamoriAsset *) assets->pdata[i])->id);
  if (ok)
    recount (self);
  return ok;
}

/* Records a step (taking before, after and what) and forgets what was undone. */
static Edit *
push_edit (MamoriLedgerPage *self,
           EditKind          kind,
           GPtrArray        *before,
           GPtrArray        *after,
           char             *what)
{
  static guint serial;
  Edit *edit = g_new0 (Edit, 1);

  edit->kind = kind;
  edit->before = before;
  edit->after = after;
  edit->what = what;
  edit->serial = ++serial;
  g_ptr_array_add (self->undo, edit);
  g_ptr_array_set_size (self->redo, 0);
  return edit;
}

/* Copies of assets (MamoriAsset*), for an undo step to keep. */
static GPtrArray *
copy_assets (GPtrArray *assets)
{
  GPtrArray *out = g_ptr_array_new_full (assets->len, (GDestroyNotify) mamori_asset_free);

  for (guint i = 0; i < assets->len; i++)
    g_ptr_array_add (out, mamori_asset_copy (assets->pdata[i]));
  return out;
}

static gboolean
delete_assets (MamoriLedgerPage *self,
               GPtrArray        *assets)
{
  g_autoptr(GArray) ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  g_autoptr(GError) error = NULL;

  for (guint i = 0; i < assets->len; i++)
    g_array_append_val (ids, ((MamoriAsset *) assets->pdata[i])->id);
  if (!mamori_workspace_delete_assets (self->workspace, ids, &error))
    {
      mamori_widget_show_error (GTK_WIDGET (self), _("Could Not Delete the Assets"), error);
      return FALSE;
    }
  return TRUE;
}

/* Adds assets back (they get new ids, kept in the step for the next undo or redo). */
static gboolean
restore_assets (MamoriLedgerPage *self,
                GPtrArray        *assets)
{
  g_autoptr(GError) error = NULL;

  if (!mamori_workspace_add_assets (self->workspace, assets, &error))
    {
      mamori_widget_show_error (GTK_WIDGET (self), _("Could Not Restore the Assets"), error);
      return FALSE;
    }
  return TRUE;
}

/* Undoes (or redoes) one step and says so in a toast. */
static gboolean
apply_edit (MamoriLedgerPage *self,
            Edit             *e,
            gboolean          undo)
{
  gboolean ok = FALSE;

  if (self->workspace == NULL)
    return FALSE;
  close_editor (self);
  switch (e->kind)
    {
    case EDIT_UPDATE:
      ok = save_assets (self, undo ? e->before : e->after);
      break;
    case EDIT_ADD:
      ok = undo ? delete_assets (self, e->after) : restore_assets (self, e->after);
      break;
    case EDIT_DELETE:
      ok = undo ? restore_assets (self, e->before) : delete_assets (self, e->before);
      break;
    default:
      break;
    }
  if (ok)
    {
      g_autofree char *title = g_markup_printf_escaped (undo ? _("Undid: %s") : _("Redid: %s"), e->what);
      GtkWidget *window = gtk_widget_get_ancestor (GTK_WIDGET (self), MAMORI_TYPE_WINDOW);
      if (window != NULL)
        {
          /* Each Ctrl+Z replaces the last one's toast at once instead of queueing behind it. */
          AdwToast *toast = adw_toast_new (title);
          adw_toast_set_priority (toast, ADW_TOAST_PRIORITY_HIGH);
          mamori_window_add_toast (MAMORI_WINDOW (window), toast);
        }
    }
  return ok;
}

/* The rows an edit of row applies to: every selected row when row is one of several selected
 * (a bulk edit), otherwise row alone. */
static GPtrArray *
edit_targets (MamoriLedgerPage *self,
              MamoriLedgerRow  *row)
{
  GPtrArray *out = g_ptr_array_new_with_free_func ((GDestroyNotify) mamori_asset_free);
  const MamoriAsset *clicked = mamori_ledger_row_get_asset (row);
  g_autoptr(GtkBitset) set = self->selection
    ? gtk_selection_model_get_selection (GTK_SELECTION_MODEL (self->selection)) : NULL;
  gboolean in_selection = FALSE;

  if (set != NULL && gtk_bitset_get_size (set) > 1)
    {
      GtkBitsetIter iter;
      guint pos;
      for (gboolean ok = gtk_bitset_iter_init_first (&iter, set, &pos); ok; ok = gtk_bitset_iter_next (&iter, &pos))
        {
          g_autoptr(MamoriLedgerRow) r = g_list_model_get_item (G_LIST_MODEL (self->model), pos);
          if (r == NULL)
            continue;
          in_selection |= mamori_ledger_row_get_asset (r)->id == clicked->id;
          g_ptr_array_add (out, mamori_asset_copy (mamori_ledger_row_get_asset (r)));
        }
    }
  if (!in_selection)
    {
      g_ptr_array_set_size (out, 0);
      g_ptr_array_add (out, mamori_asset_copy (clicked));
    }
  return out;
}

/* Applies text to one field of the row's asset (of every selected row's asset, when the row
 * is part of a multiple selection); one undo step. */
static void
commit (MamoriLedgerPage *self,
        MamoriLedgerRow  *row,
        MamoriAssetField  field,
        const char       *text)
{
  g_autoptr(GPtrArray) before = NULL;
  g_autoptr(GPtrArray) after = NULL;
  guint n;

  if (self->binding || row == NULL)
    return;
  before = edit_targets (self, row);
  after = g_ptr_array_new_with_free_func ((GDestroyNotify) mamori_asset_free);
  for (guint i = 0; i < before->len; i++)
    {
      g_autoptr(MamoriAsset) copy = mamori_asset_copy (before->pdata[i]);
      g_autofree char *old = mamori_asset_get_field_text (copy, field);
      g_autofree char *reason = NULL;

      if (g_strcmp0 (old, text) == 0)
        continue;
      if (!mamori_asset_set_field_text (copy, field, text, &reason))
        {
          const char *title = mamori_asset_field_key (field);
          g_autoptr(GError) error = NULL;

          for (guint c = 0; c < G_N_ELEMENTS (columns); c++)
            if (columns[c].field == (int) field && columns[c].kind != COL_COMPUTED && columns[c].kind != COL_BAND)
              title = _(columns[c].title);
          error = g_error_new (MAMORI_WORKSPACE_ERROR, MAMORI_WORKSPACE_ERROR_INVALID, "%s: %s", title, reason);
          mamori_widget_show_error (GTK_WIDGET (self), _("Could Not Save the Asset"), error);
          schedule_row_changed (self, copy->id);
          return;
        }
      g_ptr_array_add (after, g_steal_pointer (&copy));
    }
  if (after->len == 0)
    return;
  /* Keep only the rows that change, in both halves of the step. */
  for (guint i = before->len; i-- > 0;)
    {
      gboolean kept = FALSE;
      for (guint j = 0; j < after->len && !kept; j++)
        kept = ((MamoriAsset *) after->pdata[j])->id == ((MamoriAsset *) before->pdata[i])->id;
      if (!kept)
        g_ptr_array_remove_index (before, i);
    }
  if (!save_assets (self, after))
    return;
  n = after->len;
  push_edit (self, EDIT_UPDATE, g_steal_pointer (&before), g_steal_pointer (&after),
             g_strdup_printf (ngettext ("editing %u asset", "editing %u assets", n), n));
}

void
mamori_ledger_page_set_what_if (MamoriLedgerPage *self,
                                gboolean          what_if)
{
  gtk_toggle_button_set_active (self->what_if_button, what_if);
}

gboolean
mamori_ledger_page_undo (MamoriLedgerPage *self)
{
  Edit *edit;

  if (self->undo->len == 0)
    return FALSE;
  edit = g_ptr_array_steal_index (self->undo, self->undo->len - 1);
  if (!apply_edit (self, edit, TRUE))
    {
      edit_free (edit);
      return FALSE;
    }
  g_ptr_array_add (self->redo, edit);
  return TRUE;
}

gboolean
mamori_ledger_page_redo (MamoriLedgerPage *self)
{
  Edit *edit;

  if (self->redo->len == 0)
    return FALSE;
  edit = g_ptr_array_steal_index (self->redo, self->redo->len - 1);
  if (!apply_edit (self, edit, FALSE))
    {
      edit_free (edit);
      return FALSE;
    }
  g_ptr_array_add (self->undo, edit);
  return TRUE;
}

static void
undo_action (GtkWidget  *widget,
             const char *name,
             GVariant   *parameter)
{
  mamori_ledger_page_undo (MAMORI_LEDGER_PAGE (widget));
}

static void
redo_action (GtkWidget  *widget,
             const char *name,
             GVariant   *parameter)
{
  mamori_ledger_page_redo (MAMORI_LEDGER_PAGE (widget));
}

/* --- cells ---------------------------------------------------------------------------------- */

/* Cells are plain labels: GTK keeps a couple of hundred rows realised, so they must be cheap.
 * A click opens one shared editor for the cell. */
static GtkWidget *
create_cell (const ColumnSpec *spec)
{
  GtkWidget *w = gtk_label_new (NULL);

  gtk_label_set_xalign (GTK_LABEL (w), spec->kind == COL_TEXT ? 0 : 0.5);
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
    gtk_widget_set_size_request (w, column_width (spec) - 8, -1);
  return w;
}

static const char *
treatment_label (MamoriTreatment t)
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
      gtk_label_set_text (label, treatment_label (a->treatment));
      break;
    case COL_TARGET:
      {
        g_autofree char *t = mamori_asset_get_field_text (a, spec->field);
        gtk_label_set_text (label, *t ? t : "—");
        break;
      }
    case COL_RESIDUAL:
      {
        g_autofree char *t = gov5 ? g_strdup_printf ("%d %s", residual.value5, band_name (self->method, residual.level5))
                                  : g_strdup_printf ("%d %s", residual.risk, band_name (self->method, residual.band));
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
        if (field5_of (spec, self->method) >= 0)
          gtk_widget_remove_css_class (w, "dim-label");
        else
          gtk_widget_add_css_class (w, "dim-label");
        break;
      }
    case COL_BAND:
      {
        static const char *classes[] = { "band-small", "band-medium", "band-large", "level-0", "level-1", "level-2", "level-3" };
        int band = gov5 ? risk->level5 : (int) risk->band;
        for (guint i = 0; i < G_N_ELEMENTS (classes); i++)
          gtk_widget_remove_css_class (w, classes[i]);
        gtk_widget_add_css_class (w, classes[gov5 ? 3 + band : band]);
        gtk_label_set_text (label, band_name (self->method, band));
        break;
      }
    default:
      break;
    }
}

/* --- the shared cell editor ------------------------------------------------------------------- */

static void open_editor_at (MamoriLedgerPage *self,
                            guint             position,
                            guint             column);

/* With the 5 × 5 method, the impact and likelihood columns hold the asset's own 5 × 5
 * assessment and can be edited (1–5, or empty: from the IPA values); -1 otherwise. */
static int
field5_of (const ColumnSpec *spec,
           MamoriRiskMethod  method)
{
  if (method != MAMORI_RISK_METHOD_GOV5 || spec->kind != COL_COMPUTED)
    return -1;
  return spec->field == MAMORI_ASSET_SORT_IMPORTANCE ? MAMORI_ASSET_FIELD_IMPACT5
       : spec->field == MAMORI_ASSET_SORT_LIKELIHOOD ? MAMORI_ASSET_FIELD_LIKELIHOOD5 : -1;
}

static gboolean
column_editable (MamoriLedgerPage *self,
                 guint             c)
{
  if (c >= G_N_ELEMENTS (columns))
    return FALSE;
  if (columns[c].kind == COL_COMPUTED)
    return field5_of (&columns[c], self->method) >= 0;
  return columns[c].kind != COL_BAND && columns[c].kind != COL_RESIDUAL;
}

/* The editable column after (step 1) or before (step -1) c, or G_MAXUINT. */
static guint
next_editable_column (MamoriLedgerPage *self,
                      guint             c,
                      int               step)
{
  for (int i = (int) c + step; i >= 0 && i < (int) G_N_ELEMENTS (columns); i += step)
    if (column_editable (self, i))
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
    commit (self, keep, field, g_object_get_data (G_OBJECT (button), "mamori-value"));
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
    commit (self, keep, field, text);
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
        commit (self, keep, field, text);
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
static void
edit_cell (MamoriLedgerPage *self,
           MamoriLedgerRow  *row,
           guint             position,
           guint             c,
           GtkWidget        *cell,
           gboolean          keyboard)
{
  const ColumnSpec *spec = &columns[c];
  const MamoriAsset *a = mamori_ledger_row_get_asset (row);
  GtkWidget *popover, *box, *focus = NULL;
  GtkEventController *keys;

  if (!column_editable (self, c))
    return;
  if (spec->kind == COL_FLAG && !keyboard)
    {
      g_autofree char *now = mamori_asset_get_field_text (a, spec->field);
      commit (self, row, spec->field, *now ? "" : "有");
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
                     GINT_TO_POINTER (spec->kind == COL_COMPUTED ? field5_of (spec, self->method) : spec->field));
  if (spec->tooltip != NULL)
    {
      GtkWidget *help = gtk_label_new (column_tooltip (spec, self->method));
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
        g_autofree char *now = mamori_asset_get_field_text (a, field5_of (spec, self->method));
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
            add_choice (self, row_box, t == MAMORI_TREATMENT_NONE ? _("None") : treatment_label (t),
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
  double x = 0, width = column_width (&columns[c]);
  gboolean visible = TRUE;

  for (guint i = 0; i < c; i++)
    x += column_width (&columns[i]);
  /* The frozen columns are always in view; the others must clear them. */
  if (c >= N_FROZEN &&
      (x < gtk_adjustment_get_value (h) + frozen_width () ||
       x + width > gtk_adjustment_get_value (h) + gtk_adjustment_get_page_size (h)))
    {
      double page = gtk_adjustment_get_page_size (h) - frozen_width ();
      gtk_adjustment_set_value (h, MAX (0, x - frozen_width () - MAX (0, page - width) / 2));
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
        edit_cell (self, gtk_list_item_get_item (item), m->position, m->column, cell, TRUE);
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
  for (guint c = 0; c < G_N_ELEMENTS (columns); c++)
    if (column_editable (self, c) &&
        (columns[c].kind == COL_COMPUTED ? field5_of (&columns[c], self->method) : columns[c].field) == (int) field)
      {
        open_editor_at (self, position, c);
        return TRUE;
      }
  return FALSE;
}

static void
list_activated (GtkListView      *view,
                guint             position,
                MamoriLedgerPage *self)
{
  /* Enter on a row: edit its name, then Tab along the row. */
  mamori_ledger_page_edit_cell_at (self, position, MAMORI_ASSET_FIELD_NAME);
}

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
  if (x - shift >= 0 && x - shift < frozen_width ())
    {
      int left = 0;
      for (hit = gtk_widget_get_first_child (box); hit != NULL && c < N_FROZEN - 1 &&
           x - shift >= left + column_width (&columns[c]); hit = gtk_widget_get_next_sibling (hit))
        left += column_width (&columns[c++]);
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
      edit_cell (self, row, position, c, hit, FALSE);
    }
}

gboolean
mamori_ledger_page_edit (MamoriLedgerPage *self,
                         guint             position,
                         MamoriAssetField  field,
                         const char       *text)
{
  g_autoptr(MamoriLedgerRow) row = self->model ? g_list_model_get_item (G_LIST_MODEL (self->model), position) : NULL;
  guint before = self->undo->len;

  if (row == NULL)
    return FALSE;
  commit (self, row, field, text);
  return self->undo->len > before;
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
      int pad = columns[c].kind == COL_BAND ? (column_width (&columns[c]) - BAND_CHIP_WIDTH) / 2 : 4;
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
  GtkWidget *cell = gtk_widget_get_first_child (gtk_list_item_get_child (item));

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
static void
update_header_sort (MamoriLedgerPage *self)
{
  guint sort = gtk_drop_down_get_selected (self->sort_drop);
  gboolean descending = gtk_toggle_button_get_active (self->descending_button);
  guint c = 0;

  for (GtkWidget *w = gtk_widget_get_first_child (GTK_WIDGET (self->header_box)); w;
       w = gtk_widget_get_next_sibling (w), c++)
    {
      const char *title = column_title (&columns[c], self->method);
      g_autofree char *text = c == sort ? g_strdup_printf ("%s %s", title, descending ? "▼" : "▲") : g_strdup (title);
      gtk_label_set_text (GTK_LABEL (w), text);
      gtk_widget_set_tooltip_text (w, column_tooltip (&columns[c], self->method));
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
  GtkWidget *box = gtk_list_item_get_child (item);

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
build_columns (MamoriLedgerPage *self)
{
  GtkEventController *scroll = gtk_event_controller_scroll_new (GTK_EVENT_CONTROLLER_SCROLL_BOTH_AXES);
  GtkListItemFactory *factory = gtk_signal_list_item_factory_new ();

  for (guint c = 0; c < G_N_ELEMENTS (columns); c++)
    {
      GtkWidget *label = gtk_label_new (_(columns[c].title));
      gtk_label_set_xalign (GTK_LABEL (label), 0);
      gtk_label_set_ellipsize (GTK_LABEL (label), PANGO_ELLIPSIZE_END);
      gtk_widget_set_size_request (label, column_width (&columns[c]) - 8, -1);
      gtk_widget_set_margin_start (label, 4);
      gtk_widget_set_margin_end (label, 4);
      if (columns[c].kind != COL_TEXT)
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

/* --- import and export ---------------------------------------------------------------------- */

static void
imported (gpointer        owner,
          MamoriOpResult *result,
          const GError   *error)
{
  MamoriLedgerPage *self = owner;
  guint n;

  if (error != NULL)
    {
      mamori_widget_show_op_error (GTK_WIDGET (self), _("Could Not Import the Ledger"), result, error);
      return;
    }
  if (self->workspace == NULL)
    return;
  /* Stored through the worker's connection: this one tells the page (and the others). */
  mamori_workspace_announce_changes (self->workspace, (const char * const *) result->changed->pdata);
  n = result->assets->len;
  push_edit (self, EDIT_ADD, NULL, g_steal_pointer (&result->assets),
             g_strdup_printf (ngettext ("importing %u asset", "importing %u assets", n), n));
  {
    g_autofree char *toast = g_strdup_printf (ngettext ("Imported %u asset", "Imported %u assets", n), n);
    mamori_widget_add_toast (GTK_WIDGET (self), toast);
  }
}

/* Imports a ledger file (CSV or the IPA workbook) as one undoable step, in a worker (reading,
 * checking and storing 100,000 rows takes about a second); errors show a dialog. */
void
mamori_ledger_page_import_file (MamoriLedgerPage *self,
                                GFile            *file)
{
  g_autofree char *path = NULL;
  MamoriOpRequest request = { 0 };

  g_return_if_fail (MAMORI_IS_LEDGER_PAGE (self));
  g_return_if_fail (G_IS_FILE (file));
  if (self->workspace == NULL)
    return;
  path = g_file_get_path (file);
  if (path == NULL)
    {
      g_autofree char *uri = g_file_get_uri (file);
      g_autoptr(GError) error = g_error_new (MAMORI_WORKSPACE_ERROR, MAMORI_WORKSPACE_ERROR_INVALID,
                                             _("“%s” is not a local file; copy it to this computer first."), uri);
      mamori_widget_show_error (GTK_WIDGET (self), _("Could Not Import the Ledger"), error);
      return;
    }
  request.path = path;
  if (self->importer == NULL)
    self->importer = mamori_worker_new (self);
  mamori_worker_run_op (self->importer, mamori_op_find (MAMORI_OP_IMPORT, "assets"),
                        mamori_workspace_get_path (self->workspace), &request, imported);
}

gboolean
mamori_ledger_page_is_importing (MamoriLedgerPage *self)
{
  return self->importer != NULL && mamori_worker_is_running (self->importer);
}

static void
exported (gpointer              owner,
          MamoriOpResult       *result,
          const GError         *error)
{
  MamoriLedgerPage *self = owner;

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "ledger.export", TRUE);
  if (error != NULL)
    mamori_widget_show_error (GTK_WIDGET (self), _("Could Not Export the Ledger"), error);
  else
    mamori_widget_add_saved_toast (GTK_WIDGET (self), self->export_path);
  g_clear_pointer (&self->export_path, g_free);
}

/* Writes the whole ledger to path (.csv or .xlsx) in a worker: a large ledger takes seconds,
 * and the window goes on meanwhile. A toast with an Open button, or an error dialog, follows. */
void
mamori_ledger_page_export_file (MamoriLedgerPage *self,
                                const char       *path)
{
  MamoriOpRequest request = { .path = path };

  g_return_if_fail (MAMORI_IS_LEDGER_PAGE (self));
  if (self->workspace == NULL)
    return;
  if (self->exporter == NULL)
    self->exporter = mamori_worker_new (self);
  g_free (self->export_path);
  self->export_path = g_strdup (path);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "ledger.export", FALSE);
  mamori_worker_run_op (self->exporter, mamori_op_find (MAMORI_OP_EXPORT, "assets"),
                        mamori_workspace_get_path (self->workspace), &request, exported);
}

gboolean
mamori_ledger_page_is_exporting (MamoriLedgerPage *self)
{
  return self->exporter != NULL && mamori_worker_is_running (self->exporter);
}

static void
chooser_response (GtkNativeDialog  *dialog,
                  int               response,
                  MamoriLedgerPage *self)
{
  gboolean saving = gtk_file_chooser_get_action (GTK_FILE_CHOOSER (dialog)) == GTK_FILE_CHOOSER_ACTION_SAVE;

  if (response == GTK_RESPONSE_ACCEPT)
    {
      g_autoptr(GFile) file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (dialog));
      if (saving)
        {
          g_autofree char *path = g_file_get_path (file);
          mamori_ledger_page_export_file (self, path);
        }
      else
        mamori_ledger_page_import_file (self, file);
    }
  gtk_native_dialog_destroy (dialog);
  g_clear_object (&self->chooser);
}

static void
run_chooser (MamoriLedgerPage     *self,
             GtkFileChooserAction  action)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));
  GtkFileChooserNative *chooser;

  if (self->chooser != NULL || self->workspace == NULL)
    return;
  chooser = gtk_file_chooser_native_new (action == GTK_FILE_CHOOSER_ACTION_SAVE ? _("Export the Ledger") : _("Import a Ledger"),
                                         GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL, action,
                                         action == GTK_FILE_CHOOSER_ACTION_SAVE ? _("_Export") : _("_Import"),
                                         _("_Cancel"));
  if (action == GTK_FILE_CHOOSER_ACTION_SAVE)
    gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (chooser), _("asset-ledger.xlsx"));
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (chooser), TRUE);
  g_signal_connect (chooser, "response", G_CALLBACK (chooser_response), self);
  self->chooser = GTK_NATIVE_DIALOG (chooser);
  gtk_native_dialog_show (self->chooser);
}

static void
import_action (GtkWidget  *widget,
               const char *name,
               GVariant   *parameter)
{
  run_chooser (MAMORI_LEDGER_PAGE (widget), GTK_FILE_CHOOSER_ACTION_OPEN);
}

static void
export_action (GtkWidget  *widget,
               const char *name,
               GVariant   *parameter)
{
  run_chooser (MAMORI_LEDGER_PAGE (widget), GTK_FILE_CHOOSER_ACTION_SAVE);
}

static void
threats_action (GtkWidget  *widget,
                const char *name,
                GVariant   *parameter)
{
  MamoriLedgerPage *self = MAMORI_LEDGER_PAGE (widget);
  GtkRoot *root = gtk_widget_get_root (widget);

  if (self->workspace == NULL)
    return;
  gtk_window_present (GTK_WINDOW (mamori_threat_catalogue_window_new (self->workspace,
                                                                      GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL)));
}

gint64
mamori_ledger_page_add_asset (MamoriLedgerPage *self)
{
  g_autoptr(GPtrArray) one = g_ptr_array_new_with_free_func ((GDestroyNotify) mamori_asset_free);
  g_autoptr(GError) error = NULL;
  MamoriAsset *a = mamori_asset_new ();

  g_free (a->name);
  a->name = g_strdup (_("New asset"));
  g_ptr_array_add (one, a);
  if (!mamori_workspace_add_assets (self->workspace, one, &error))
    {
      mamori_widget_show_error (GTK_WIDGET (self), _("Could Not Add the Asset"), error);
      return 0;
    }
  push_edit (self, EDIT_ADD, NULL, copy_assets (one), g_strdup_printf (ngettext ("adding %u asset", "adding %u assets", 1), 1));
  return a->id;
}

/* Shows every asset again: no search, no filter, no heatmap cell. */
static void
clear_filters (MamoriLedgerPage *self)
{
  self->filling = TRUE;
  if (*gtk_editable_get_text (GTK_EDITABLE (self->search_entry)) != '\0')
    gtk_editable_set_text (GTK_EDITABLE (self->search_entry), "");
  gtk_drop_down_set_selected (self->department_drop, 0);
  gtk_drop_down_set_selected (self->medium_drop, 0);
  gtk_drop_down_set_selected (self->band_drop, 0);
  self->filling = FALSE;
  self->by_cell = FALSE;
  gtk_widget_set_visible (GTK_WIDGET (self->cell_button), FALSE);
  mamori_ledger_page_refresh (self);
}

static gboolean
is_filtered (MamoriLedgerPage *self)
{
  return *gtk_editable_get_text (GTK_EDITABLE (self->search_entry)) != '\0' ||
         gtk_drop_down_get_selected (self->department_drop) > 0 ||
         gtk_drop_down_get_selected (self->medium_drop) > 0 ||
         gtk_drop_down_get_selected (self->band_drop) > 0 || self->by_cell;
}

/* The asset just added with "+" is in the rows now: select it, scroll to it, edit its name. */
static void
open_new_row (MamoriLedgerPage *self)
{
  guint position;

  if (self->open_new == 0 || self->model == NULL)
    return;
  position = mamori_ledger_model_find (self->model, self->open_new);
  if (position == G_MAXUINT)
    return;   /* the query that shows it is still on its way */
  self->open_new = 0;
  gtk_selection_model_select_item (GTK_SELECTION_MODEL (self->selection), position, TRUE);
  self->anchor = position;
  mamori_ledger_page_edit_cell_at (self, position, MAMORI_ASSET_FIELD_NAME);
}

static void
add_clicked (GtkButton        *button,
             MamoriLedgerPage *self)
{
  gint64 id;

  /* A filter could hide the new row: show every asset. */
  if (is_filtered (self))
    clear_filters (self);
  id = mamori_ledger_page_add_asset (self);
  if (id > 0)
    {
      self->open_new = id;
      open_new_row (self);
    }
}

static void
clear_filters_clicked (GtkButton        *button,
                       MamoriLedgerPage *self)
{
  clear_filters (self);
}

/* The selected rows' assets (copies), in view order. */
static GPtrArray *
selected_assets (MamoriLedgerPage *self)
{
  GPtrArray *out = g_ptr_array_new_with_free_func ((GDestroyNotify) mamori_asset_free);
  g_autoptr(GtkBitset) set = NULL;
  GtkBitsetIter iter;
  guint pos;

  if (self->selection == NULL)
    return out;
  set = gtk_selection_model_get_selection (GTK_SELECTION_MODEL (self->selection));
  for (gboolean ok = gtk_bitset_iter_init_first (&iter, set, &pos); ok; ok = gtk_bitset_iter_next (&iter, &pos))
    {
      g_autoptr(MamoriLedgerRow) row = g_list_model_get_item (G_LIST_MODEL (self->model), pos);
      if (row != NULL)
        g_ptr_array_add (out, mamori_asset_copy (mamori_ledger_row_get_asset (row)));
    }
  return out;
}

/* The Undo button of the "Deleted" toast: undoes the deletion while it is the last step. */
static void
undo_delete (AdwToast *toast,
             gpointer  user_data)
{
  MamoriLedgerPage *self = g_object_get_data (G_OBJECT (toast), "mamori-page");
  guint serial = GPOINTER_TO_UINT (user_data);

  if (self == NULL || self->undo->len == 0 ||
      ((Edit *) self->undo->pdata[self->undo->len - 1])->serial != serial)
    return;
  mamori_ledger_page_undo (self);
}

guint
mamori_ledger_page_delete_selected (MamoriLedgerPage *self)
{
  g_autoptr(GPtrArray) assets = selected_assets (self);
  GtkWidget *window;
  Edit *edit;

  if (assets->len == 0)
    return 0;
  close_editor (self);
  if (!delete_assets (self, assets))
    return 0;
  edit = push_edit (self, EDIT_DELETE, g_ptr_array_ref (assets), NULL,
                    g_strdup_printf (ngettext ("deleting %u asset", "deleting %u assets", assets->len), assets->len));
  window = gtk_widget_get_ancestor (GTK_WIDGET (self), MAMORI_TYPE_WINDOW);
  if (window != NULL)
    {
      g_autofree char *title = g_strdup_printf (ngettext ("Deleted %u asset", "Deleted %u assets", assets->len), assets->len);
      AdwToast *toast = adw_toast_new (title);
      adw_toast_set_button_label (toast, _("_Undo"));
      g_object_set_data (G_OBJECT (toast), "mamori-page", self);
      g_signal_connect (toast, "button-clicked", G_CALLBACK (undo_delete), GUINT_TO_POINTER (edit->serial));
      g_signal_connect_object (self, "destroy", G_CALLBACK (adw_toast_dismiss), toast, G_CONNECT_SWAPPED);
      mamori_window_add_toast (MAMORI_WINDOW (window), toast);
    }
  return assets->len;
}

guint
mamori_ledger_page_duplicate_selected (MamoriLedgerPage *self)
{
  g_autoptr(GPtrArray) assets = selected_assets (self);
  g_autoptr(GError) error = NULL;

  if (assets->len == 0)
    return 0;
  if (!mamori_workspace_add_assets (self->workspace, assets, &error))
    {
      mamori_widget_show_error (GTK_WIDGET (self), _("Could Not Duplicate the Assets"), error);
      return 0;
    }
  push_edit (self, EDIT_ADD, NULL, copy_assets (assets),
             g_strdup_printf (ngettext ("duplicating %u asset", "duplicating %u assets", assets->len), assets->len));
  return assets->len;
}

guint
mamori_ledger_page_split_selected (MamoriLedgerPage *self,
                                   const char       *medium)
{
  g_autoptr(GPtrArray) assets = selected_assets (self);
  g_autoptr(GError) error = NULL;

  for (guint i = 0; i < assets->len; i++)
    {
      MamoriAsset *a = assets->pdata[i];
      char *name = g_strdup_printf (_("%s (%s)"), a->name, medium);
      g_free (a->name);
      a->name = name;
      g_free (a->medium);
      a->medium = g_strdup (medium);
    }
  if (assets->len == 0)
    return 0;
  if (!mamori_workspace_add_assets (self->workspace, assets, &error))
    {
      mamori_widget_show_error (GTK_WIDGET (self), _("Could Not Split the Assets"), error);
      return 0;
    }
  push_edit (self, EDIT_ADD, NULL, copy_assets (assets),
             g_strdup_printf (ngettext ("splitting %u asset", "splitting %u assets", assets->len), assets->len));
  return assets->len;
}

static void
split_response (AdwMessageDialog *dialog,
                const char       *response,
                MamoriLedgerPage *self)
{
  GtkDropDown *drop = GTK_DROP_DOWN (adw_message_dialog_get_extra_child (dialog));
  GtkStringObject *item = gtk_drop_down_get_selected_item (drop);

  if (g_str_equal (response, "split") && item != NULL)
    mamori_ledger_page_split_selected (self, gtk_string_object_get_string (item));
}

static void
split_action (GtkWidget  *widget,
              const char *name,
              GVariant   *parameter)
{
  MamoriLedgerPage *self = MAMORI_LEDGER_PAGE (widget);
  g_autoptr(GPtrArray) assets = selected_assets (self);
  g_autoptr(GtkStringList) media = gtk_string_list_new (NULL);
  GtkRoot *root = gtk_widget_get_root (widget);
  GtkWidget *dialog, *drop;
  g_autofree char *body = NULL;

  if (assets->len == 0)
    {
      GtkWidget *window = gtk_widget_get_ancestor (widget, MAMORI_TYPE_WINDOW);
      if (window != NULL)
        mamori_window_add_toast (MAMORI_WINDOW (window), adw_toast_new (_("Select the assets to split first")));
      return;
    }
  for (guint i = 0; i < self->catalogue_media->len; i++)
    gtk_string_list_append (media, self->catalogue_media->pdata[i]);
  body = g_strdup_printf (ngettext ("Adds a copy of the selected asset kept on another medium — for example the "
                                    "paper print of an electronic file — so each copy gets the threats of its own medium.",
                                    "Adds a copy of each of the %u selected assets kept on another medium — for example "
                                    "the paper print of an electronic file — so each copy gets the threats of its own medium.",
                                    assets->len), assets->len);
  dialog = adw_message_dialog_new (GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL, _("Split by Medium"), body);
  drop = gtk_drop_down_new (G_LIST_MODEL (g_object_ref (media)), NULL);
  gtk_widget_set_tooltip_text (drop, _("The medium of the copy"));
  /* Paper is the usual second copy. */
  for (guint i = 0; i < self->catalogue_media->len; i++)
    if (g_str_equal (self->catalogue_media->pdata[i], "書類"))
      gtk_drop_down_set_selected (GTK_DROP_DOWN (drop), i);
  adw_message_dialog_set_extra_child (ADW_MESSAGE_DIALOG (dialog), drop);
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog), "cancel", _("_Cancel"), "split", _("_Split"), NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "split", ADW_RESPONSE_SUGGESTED);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "split");
  g_signal_connect_object (dialog, "response", G_CALLBACK (split_response), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
delete_action (GtkWidget  *widget,
               const char *name,
               GVariant   *parameter)
{
  mamori_ledger_page_delete_selected (MAMORI_LEDGER_PAGE (widget));
}

static void
duplicate_action (GtkWidget  *widget,
                  const char *name,
                  GVariant   *parameter)
{
  mamori_ledger_page_duplicate_selected (MAMORI_LEDGER_PAGE (widget));
}

static void
what_if_toggled (GtkToggleButton  *button,
                 MamoriLedgerPage *self)
{
  self->what_if = gtk_toggle_button_get_active (button);
  /* Ranked, filtered and counted again by the residual risk; every row shows its numbers
   * again. */
  mamori_ledger_page_refresh (self);
}

/* --- the risk method ------------------------------------------------------------------------------ */

/* The band filter's choices and the sort names follow the method; the choices stay where they
 * were (the band filter goes back to all bands, as the bands differ). */
static void
fill_method_lists (MamoriLedgerPage *self)
{
  GtkStringList *sort_names = GTK_STRING_LIST (gtk_drop_down_get_model (self->sort_drop));
  guint sort = gtk_drop_down_get_selected (self->sort_drop);
  const char *all[] = { _("All bands"), NULL };
  gboolean was_filling = self->filling;

  self->filling = TRUE;
  gtk_string_list_splice (self->bands, 0, g_list_model_get_n_items (G_LIST_MODEL (self->bands)), all);
  for (int b = n_bands (self->method) - 1; b >= 0; b--)
    gtk_string_list_append (self->bands, band_name (self->method, b));
  gtk_drop_down_set_selected (self->band_drop, 0);
  for (guint c = 0; c < G_N_ELEMENTS (columns); c++)
    {
      const char *title = column_title (&columns[c], self->method);
      if (g_strcmp0 (title, gtk_string_list_get_string (sort_names, c)) != 0)
        gtk_string_list_splice (sort_names, c, 1, (const char *[]) { title, NULL });
    }
  gtk_drop_down_set_selected (self->sort_drop, sort);
  self->filling = was_filling;
}

static void
load_method (MamoriLedgerPage *self)
{
  MamoriRiskMethod method = self->workspace ? mamori_workspace_get_risk_method (self->workspace) : MAMORI_RISK_METHOD_IPA;

  if (method == self->method)
    return;
  self->method = method;
  g_object_notify (G_OBJECT (self), "risk-method");
  fill_method_lists (self);
  update_header_sort (self);
  mamori_ledger_page_refresh (self);
}

/* --- workspace ----------------------------------------------------------------------------------- */

static void
workspace_changed (MamoriWorkspace  *workspace,
                   const char       *entity,
                   MamoriLedgerPage *self)
{
  /* Rows added or removed elsewhere (import, the command line's demo): query again. Single
   * edits from this page already refreshed their row. */
  if (g_str_equal (entity, "settings"))
    load_method (self);
  if ((g_str_equal (entity, "asset") && !self->saving) || g_str_equal (entity, "medium_threat"))
    {
      /* A threat frequency changes the risk of every asset on that medium. */
      load_departments (self);
      mamori_ledger_page_refresh (self);
    }
}

void
mamori_ledger_page_set_workspace (MamoriLedgerPage *self,
                                  MamoriWorkspace  *workspace)
{
  if (self->workspace == workspace)
    return;
  if (self->workspace != NULL)
    g_clear_signal_handler (&self->changed_id, self->workspace);
  g_set_object (&self->workspace, workspace);
  g_ptr_array_set_size (self->undo, 0);
  g_ptr_array_set_size (self->redo, 0);
  g_clear_object (&self->model);
  if (workspace != NULL)
    {
      self->model = mamori_ledger_model_new (workspace);
      g_clear_object (&self->selection);
      self->selection = gtk_multi_selection_new (G_LIST_MODEL (g_object_ref (self->model)));
      gtk_list_view_set_model (self->list_view, GTK_SELECTION_MODEL (self->selection));
      self->changed_id = g_signal_connect (workspace, "changed", G_CALLBACK (workspace_changed), self);
      self->filling = TRUE;
      load_method (self);
      load_departments (self);
      self->filling = FALSE;
      mamori_ledger_page_refresh (self);
    }
  else
    gtk_list_view_set_model (self->list_view, NULL);
  gtk_widget_set_sensitive (GTK_WIDGET (self), workspace != NULL);
}

guint
mamori_ledger_page_get_n_rows (MamoriLedgerPage *self)
{
  return self->model ? g_list_model_get_n_items (G_LIST_MODEL (self->model)) : 0;
}

GtkSelectionModel *
mamori_ledger_page_get_selection (MamoriLedgerPage *self)
{
  return self->selection ? GTK_SELECTION_MODEL (self->selection) : NULL;
}

GListModel *
mamori_ledger_page_get_model (MamoriLedgerPage *self)
{
  return self->model ? G_LIST_MODEL (self->model) : NULL;
}

static void
cell_button_clicked (GtkButton        *button,
                     MamoriLedgerPage *self)
{
  self->by_cell = FALSE;
  gtk_widget_set_visible (GTK_WIDGET (self->cell_button), FALSE);
  mamori_ledger_page_refresh (self);
}

static void
select_string (GtkDropDown   *drop,
               GtkStringList *list,
               const char    *value)
{
  guint n = g_list_model_get_n_items (G_LIST_MODEL (list)), chosen = 0;

  for (guint i = 1; value != NULL && i < n; i++)
    if (g_str_equal (gtk_string_list_get_string (list, i), value))
      chosen = i;
  gtk_drop_down_set_selected (drop, chosen);
}

void
mamori_ledger_page_set_cell_filter (MamoriLedgerPage *self,
                                    MamoriRiskMethod  method,
                                    gboolean          likelihood,
                                    gboolean          residual,
                                    guint             probability,
                                    guint             impact,
                                    const char       *department,
                                    const char       *medium)
{
  const MamoriRiskMatrix *m = likelihood ? mamori_risk_matrix_likelihood ()
                              : method == MAMORI_RISK_METHOD_GOV5 ? mamori_risk_matrix_gov5 () : mamori_risk_matrix_ipa ();
  int level = mamori_risk_matrix_level (m, probability, impact);
  g_autofree char *label = NULL;

  if (level < 0)
    return;
  self->filling = TRUE;
  gtk_editable_set_text (GTK_EDITABLE (self->search_entry), "");
  select_string (self->department_drop, self->departments, department);
  select_string (self->medium_drop, self->media, medium);
  gtk_drop_down_set_selected (self->band_drop, 0);
  gtk_toggle_button_set_active (self->what_if_button, residual);
  self->what_if = residual;
  self->filling = FALSE;
  self->by_cell = TRUE;
  self->cell_likelihood = likelihood;
  self->cell_probability = probability;
  self->cell_impact = impact;
  /* The cell as the heatmap shows it: its level, value and axes. */
  label = g_strdup_printf (residual ? _("Heatmap cell %s %d (after the planned measures) ✕") : _("Heatmap cell %s %d ✕"),
                           english () ? m->risk[level].name_en : m->risk[level].abbreviation,
                           mamori_risk_matrix_value (m, probability, impact));
  g_free (self->cell_name);
  self->cell_name = g_strdup_printf ("%s %d", english () ? m->risk[level].name_en : m->risk[level].abbreviation,
                                     mamori_risk_matrix_value (m, probability, impact));
  gtk_button_set_label (self->cell_button, label);
  gtk_widget_set_visible (GTK_WIDGET (self->cell_button), TRUE);
  mamori_ledger_page_refresh (self);
}

void
mamori_ledger_page_set_filter (MamoriLedgerPage *self,
                               const char       *text,
                               int               band)
{
  gtk_editable_set_text (GTK_EDITABLE (self->search_entry), text ? text : "");
  gtk_drop_down_set_selected (self->band_drop, band >= 0 && band < n_bands (self->method) ? n_bands (self->method) - band : 0);
  mamori_ledger_page_refresh (self);
}

static void
mamori_ledger_page_dispose (GObject *object)
{
  MamoriLedgerPage *self = MAMORI_LEDGER_PAGE (object);

  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  g_clear_pointer (&self->exporter, mamori_worker_free);
  g_clear_pointer (&self->importer, mamori_worker_free);
  g_clear_pointer (&self->export_path, g_free);
  if (self->editor != NULL && gtk_widget_get_parent (self->editor) != NULL)
    gtk_widget_unparent (self->editor);
  g_clear_object (&self->editor);
  if (self->chooser != NULL)
    {
      gtk_native_dialog_destroy (self->chooser);
      g_clear_object (&self->chooser);
    }
  if (self->workspace != NULL)
    g_clear_signal_handler (&self->changed_id, self->workspace);
  g_clear_object (&self->workspace);
  if (self->list_view != NULL)
    gtk_list_view_set_model (self->list_view, NULL);
  g_clear_object (&self->selection);
  g_clear_object (&self->model);
  gtk_widget_dispose_template (GTK_WIDGET (object), MAMORI_TYPE_LEDGER_PAGE);
  G_OBJECT_CLASS (mamori_ledger_page_parent_class)->dispose (object);
}

static void
mamori_ledger_page_finalize (GObject *object)
{
  MamoriLedgerPage *self = MAMORI_LEDGER_PAGE (object);

  g_ptr_array_unref (self->undo);
  g_ptr_array_unref (self->redo);
  g_ptr_array_unref (self->catalogue_media);
  g_free (self->cell_name);
  g_free (self->queried_text);
  G_OBJECT_CLASS (mamori_ledger_page_parent_class)->finalize (object);
}

static void
mamori_ledger_page_get_property (GObject    *object,
                                 guint       prop_id,
                                 GValue     *value,
                                 GParamSpec *pspec)
{
  MamoriLedgerPage *self = MAMORI_LEDGER_PAGE (object);

  switch (prop_id)
    {
    case PROP_RISK_METHOD:
      g_value_set_string (value, self->method == MAMORI_RISK_METHOD_GOV5 ? "gov5" : "ipa");
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
mamori_ledger_page_set_property (GObject      *object,
                                 guint         prop_id,
                                 const GValue *value,
                                 GParamSpec   *pspec)
{
  MamoriLedgerPage *self = MAMORI_LEDGER_PAGE (object);

  switch (prop_id)
    {
    case PROP_RISK_METHOD:
      {
        MamoriRiskMethod method = g_strcmp0 (g_value_get_string (value), "gov5") == 0
                                  ? MAMORI_RISK_METHOD_GOV5 : MAMORI_RISK_METHOD_IPA;
        g_autoptr(GError) error = NULL;

        /* Stored in the workspace; its "changed" signal brings the page round. */
        if (self->workspace != NULL && method != self->method &&
            !mamori_workspace_set_risk_method (self->workspace, method, &error))
          mamori_widget_show_error (GTK_WIDGET (self), _("Could Not Change the Risk Method"), error);
        break;
      }
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
mamori_ledger_page_class_init (MamoriLedgerPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = mamori_ledger_page_dispose;
  object_class->get_property = mamori_ledger_page_get_property;
  object_class->set_property = mamori_ledger_page_set_property;
  properties[PROP_RISK_METHOD] = g_param_spec_string ("risk-method", NULL, NULL, "ipa",
                                                      G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  g_object_class_install_properties (object_class, N_PROPS, properties);
  gtk_widget_class_install_property_action (widget_class, "ledger.method", "risk-method");
  object_class->finalize = mamori_ledger_page_finalize;
  g_type_ensure (MAMORI_TYPE_LEDGER_ROW_BOX);
  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/mamori/Mamori/ui/mamori-ledger-page.ui");
#define BIND(name) gtk_widget_class_bind_template_child (widget_class, MamoriLedgerPage, name)
  BIND (search_entry);
  BIND (department_drop);
  BIND (band_drop);
  BIND (sort_drop);
  BIND (descending_button);
  BIND (what_if_button);
  BIND (count_label);
  BIND (add_button);
  BIND (medium_drop);
  BIND (stack);
  BIND (header_scroller);
  BIND (list_scroller);
  BIND (vertical_scrollbar);
  BIND (cell_button);
  BIND (no_match_page);
  BIND (clear_filters_button);
  BIND (header_box);
  BIND (list_view);
#undef BIND
  gtk_widget_class_install_action (widget_class, "ledger.undo", NULL, undo_action);
  gtk_widget_class_install_action (widget_class, "ledger.redo", NULL, redo_action);
  gtk_widget_class_install_action (widget_class, "ledger.delete", NULL, delete_action);
  gtk_widget_class_install_action (widget_class, "ledger.import", NULL, import_action);
  gtk_widget_class_install_action (widget_class, "ledger.export", NULL, export_action);
  gtk_widget_class_install_action (widget_class, "ledger.threats", NULL, threats_action);
  gtk_widget_class_install_action (widget_class, "ledger.split", NULL, split_action);
  gtk_widget_class_install_action (widget_class, "ledger.duplicate", NULL, duplicate_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Delete, 0, "ledger.delete", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_d, GDK_CONTROL_MASK, "ledger.duplicate", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_z, GDK_CONTROL_MASK, "ledger.undo", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_z, GDK_CONTROL_MASK | GDK_SHIFT_MASK, "ledger.redo", NULL);
}

static void
mamori_ledger_page_init (MamoriLedgerPage *self)
{
  g_autoptr(GtkStringList) sort_names = gtk_string_list_new (NULL);

  self->undo = g_ptr_array_new_with_free_func ((GDestroyNotify) edit_free);
  self->redo = g_ptr_array_new_with_free_func ((GDestroyNotify) edit_free);
  gtk_widget_init_template (GTK_WIDGET (self));

  self->departments = gtk_string_list_new ((const char *[]) { _("All departments"), NULL });
  gtk_drop_down_set_model (self->department_drop, G_LIST_MODEL (self->departments));
  g_object_unref (self->departments);   /* the drop-down keeps it */
  self->media = gtk_string_list_new ((const char *[]) { _("All media"), NULL });
  gtk_drop_down_set_model (self->medium_drop, G_LIST_MODEL (self->media));
  g_object_unref (self->media);
  self->catalogue_media = g_ptr_array_new_with_free_func (g_free);
  self->bands = gtk_string_list_new (NULL);
  gtk_drop_down_set_model (self->band_drop, G_LIST_MODEL (self->bands));
  g_object_unref (self->bands);
  for (guint c = 0; c < G_N_ELEMENTS (columns); c++)
    gtk_string_list_append (sort_names, _(columns[c].title));
  gtk_drop_down_set_model (self->sort_drop, G_LIST_MODEL (sort_names));
  fill_method_lists (self);
  /* Highest risk first. */
  for (guint c = 0; c < G_N_ELEMENTS (columns); c++)
    if (columns[c].kind == COL_COMPUTED && columns[c].field == MAMORI_ASSET_SORT_RISK)
      gtk_drop_down_set_selected (self->sort_drop, c);

  build_columns (self);
  g_signal_connect (self->search_entry, "search-changed", G_CALLBACK (filter_changed), self);
  g_signal_connect (self->department_drop, "notify::selected", G_CALLBACK (filter_notify), self);
  g_signal_connect (self->band_drop, "notify::selected", G_CALLBACK (filter_notify), self);
  g_signal_connect_swapped (self->sort_drop, "notify::selected", G_CALLBACK (sort_changed), self);
  g_signal_connect_swapped (self->descending_button, "toggled", G_CALLBACK (sort_changed), self);
  update_header_sort (self);
  g_signal_connect (self->add_button, "clicked", G_CALLBACK (add_clicked), self);
  g_signal_connect (self->what_if_button, "toggled", G_CALLBACK (what_if_toggled), self);
  g_signal_connect (self->medium_drop, "notify::selected", G_CALLBACK (filter_notify), self);
  g_signal_connect (self->list_view, "activate", G_CALLBACK (list_activated), self);
  g_signal_connect (self->cell_button, "clicked", G_CALLBACK (cell_button_clicked), self);
  g_signal_connect (self->clear_filters_button, "clicked", G_CALLBACK (clear_filters_clicked), self);
  /* The rows and the header scroll sideways together in one viewport: it must not jump to a
   * row widget taking the focus (a row is as wide as all columns, so it would scroll to the
   * far right after every edit). Editing scrolls to its cell itself. */
  {
    GtkWidget *viewport = gtk_scrolled_window_get_child (self->header_scroller);
    if (GTK_IS_VIEWPORT (viewport))
      gtk_viewport_set_scroll_to_focus (GTK_VIEWPORT (viewport), FALSE);
  }
}
