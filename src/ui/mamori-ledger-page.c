/* mamori-ledger-page.c — the information-asset ledger: a spreadsheet-like column view over
 * the workspace, filtered and sorted in SQL off the main thread. */
#include "config.h"

#include <glib/gi18n.h>

#include "core/mamori-csv.h"
#include "mamori-ledger-model.h"
#include "mamori-ledger-page.h"
#include "mamori-ledger-row.h"
#include "mamori-window.h"

typedef enum {
  COL_TEXT,
  COL_FLAG,
  COL_LEVEL,        /* 0–2 */
  COL_THREAT,       /* — (from the medium), 1–3 */
  COL_VULNERABILITY,/* 1–3 */
  COL_COMPUTED,
  COL_BAND,
  COL_TREATMENT,
} ColumnKind;

typedef struct {
  const char *title;   /* N_() */
  ColumnKind kind;
  int field;           /* MamoriAssetField, or MAMORI_ASSET_SORT_* for computed columns */
  const char *tooltip; /* N_() or NULL */
} ColumnSpec;

static const ColumnSpec columns[] = {
  { N_("Category"), COL_TEXT, MAMORI_ASSET_FIELD_BUSINESS_CATEGORY, NULL },
  { N_("Asset"), COL_TEXT, MAMORI_ASSET_FIELD_NAME, NULL },
  { N_("Band"), COL_BAND, MAMORI_ASSET_SORT_RISK, N_("大 4–6: act with priority; 中 1–3: implement measures; 小 0: keep the current state") },
  { N_("Risk"), COL_COMPUTED, MAMORI_ASSET_SORT_RISK, N_("Importance × likelihood") },
  { N_("Department"), COL_TEXT, MAMORI_ASSET_FIELD_MANAGING_DEPARTMENT, NULL },
  { N_("Medium"), COL_TEXT, MAMORI_ASSET_FIELD_MEDIUM, NULL },
  { N_("Personal"), COL_FLAG, MAMORI_ASSET_FIELD_PERSONAL_INFO, N_("Contains personal information") },
  { N_("Sensitive"), COL_FLAG, MAMORI_ASSET_FIELD_SPECIAL_CARE_INFO, N_("Contains special-care personal information (health, criminal record, …)") },
  { N_("My Number"), COL_FLAG, MAMORI_ASSET_FIELD_MY_NUMBER, N_("Contains My Number (specific personal information)") },
  { N_("C"), COL_LEVEL, MAMORI_ASSET_FIELD_CONFIDENTIALITY,
    N_("Confidentiality — 2: the law, a secrecy duty or trade-secret status requires protection, or a leak seriously harms the company or its partners; 1: a leak greatly affects the business; 0: hardly any effect") },
  { N_("I"), COL_LEVEL, MAMORI_ASSET_FIELD_INTEGRITY,
    N_("Integrity — 2: the law requires it, or tampering seriously harms the company or its partners; 1: tampering greatly affects the business; 0: hardly any effect") },
  { N_("A"), COL_LEVEL, MAMORI_ASSET_FIELD_AVAILABILITY,
    N_("Availability — 2: an outage seriously harms the company or its customers; 1: an outage greatly affects the business; 0: hardly any effect") },
  { N_("Importance"), COL_COMPUTED, MAMORI_ASSET_SORT_IMPORTANCE, N_("max (C, I, A); 2 whenever personal information is involved") },
  { N_("Threat"), COL_THREAT, MAMORI_ASSET_FIELD_THREAT,
    N_("3: happens under normal circumstances; 2: in particular situations (a few times a year); 1: not under normal circumstances; —: from the medium’s threat catalogue") },
  { N_("Vulnerability"), COL_VULNERABILITY, MAMORI_ASSET_FIELD_VULNERABILITY,
    N_("3: no measures; 2: measures partly in place; 1: all needed measures in place") },
  { N_("Likelihood"), COL_COMPUTED, MAMORI_ASSET_SORT_LIKELIHOOD, N_("From threat and vulnerability (IPA table): 3 high, 2 medium, 1 low") },
  { N_("Treatment"), COL_TREATMENT, MAMORI_ASSET_FIELD_TREATMENT, NULL },
  { N_("Users"), COL_TEXT, MAMORI_ASSET_FIELD_USER_SCOPE, NULL },
  { N_("Remarks"), COL_TEXT, MAMORI_ASSET_FIELD_REMARKS, NULL },
  { N_("Retention"), COL_TEXT, MAMORI_ASSET_FIELD_RETENTION, NULL },
  { N_("Registered"), COL_TEXT, MAMORI_ASSET_FIELD_REGISTERED_ON, NULL },
};

struct _MamoriLedgerPage {
  AdwBin parent_instance;

  GtkSearchEntry *search_entry;
  GtkDropDown *department_drop;
  GtkDropDown *band_drop;
  GtkDropDown *sort_drop;
  GtkToggleButton *descending_button;
  GtkLabel *count_label;
  GtkButton *add_button;
  GtkButton *import_button;
  GtkButton *export_button;
  GtkStack *stack;
  GtkColumnView *column_view;

  MamoriWorkspace *workspace;
  MamoriLedgerModel *model;
  GtkStringList *departments;
  gboolean binding;           /* TRUE while cells are being filled in */
  gboolean saving;            /* TRUE while this page saves one row */
  GPtrArray *undo;            /* Edit*: before/after pairs */
  GPtrArray *redo;
  GCancellable *cancellable;
  GtkNativeDialog *chooser;
  gulong changed_id;
};

G_DEFINE_FINAL_TYPE (MamoriLedgerPage, mamori_ledger_page, ADW_TYPE_BIN)

typedef struct {
  MamoriAsset *before;
  MamoriAsset *after;
} Edit;

static void
edit_free (Edit *e)
{
  mamori_asset_free (e->before);
  mamori_asset_free (e->after);
  g_free (e);
}

/* --- querying --------------------------------------------------------------------------- */

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
  {
    g_autofree char *text = g_strdup_printf (ngettext ("%u asset", "%u assets", n), n);
    gtk_label_set_text (self->count_label, text);
  }
  /* The empty state only when the ledger itself is empty, not when a filter hides rows. */
  {
    gboolean filtered = *gtk_editable_get_text (GTK_EDITABLE (self->search_entry)) != '\0' ||
                        gtk_drop_down_get_selected (self->department_drop) > 0 ||
                        gtk_drop_down_get_selected (self->band_drop) > 0;
    gtk_stack_set_visible_child_name (self->stack, n == 0 && !filtered ? "empty" : "table");
  }
}

void
mamori_ledger_page_refresh (MamoriLedgerPage *self)
{
  MamoriAssetQuery q = { 0 };
  guint dept = gtk_drop_down_get_selected (self->department_drop);
  guint band = gtk_drop_down_get_selected (self->band_drop);
  guint sort = gtk_drop_down_get_selected (self->sort_drop);

  if (self->model == NULL || self->department_drop == NULL)
    return;
  q.text = gtk_editable_get_text (GTK_EDITABLE (self->search_entry));
  q.department = dept > 0 && dept != GTK_INVALID_LIST_POSITION
                 ? gtk_string_list_get_string (self->departments, dept) : NULL;
  /* Band choices: all, 大, 中, 小. */
  q.band = band == 1 ? MAMORI_RISK_BAND_LARGE : band == 2 ? MAMORI_RISK_BAND_MEDIUM : band == 3 ? MAMORI_RISK_BAND_SMALL : -1;
  q.sort = sort < G_N_ELEMENTS (columns) ? columns[sort].field : MAMORI_ASSET_SORT_ID;
  if (sort < G_N_ELEMENTS (columns) && columns[sort].kind == COL_BAND)
    q.sort = MAMORI_ASSET_SORT_RISK;
  q.descending = gtk_toggle_button_get_active (self->descending_button);
  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  self->cancellable = g_cancellable_new ();
  mamori_ledger_model_query_async (self->model, &q, self->cancellable, query_done, self);
}

static void
filter_changed (GtkWidget        *widget,
                MamoriLedgerPage *self)
{
  mamori_ledger_page_refresh (self);
}

static void
filter_notify (GObject          *object,
               GParamSpec       *pspec,
               MamoriLedgerPage *self)
{
  mamori_ledger_page_refresh (self);
}

static void
load_departments (MamoriLedgerPage *self)
{
  g_autoptr(GPtrArray) values = self->workspace
    ? mamori_workspace_list_asset_values (self->workspace, MAMORI_ASSET_FIELD_MANAGING_DEPARTMENT, NULL) : NULL;
  guint n = g_list_model_get_n_items (G_LIST_MODEL (self->departments));
  const char *current = NULL;
  guint selected = gtk_drop_down_get_selected (self->department_drop), new_selected = 0;
  g_autofree char *keep = NULL;

  if (selected > 0 && selected != GTK_INVALID_LIST_POSITION)
    keep = g_strdup (gtk_string_list_get_string (self->departments, selected));
  current = keep;
  gtk_string_list_splice (self->departments, 1, n - 1, NULL);
  for (guint i = 0; values != NULL && i < values->len; i++)
    {
      gtk_string_list_append (self->departments, values->pdata[i]);
      if (g_strcmp0 (current, values->pdata[i]) == 0)
        new_selected = i + 1;
    }
  gtk_drop_down_set_selected (self->department_drop, new_selected);
}

/* --- editing ------------------------------------------------------------------------------ */

static MamoriLedgerRow *
row_of (GtkWidget *cell)
{
  GtkListItem *item = g_object_get_data (G_OBJECT (cell), "mamori-item");
  return item ? gtk_list_item_get_item (item) : NULL;
}

typedef struct {
  MamoriLedgerModel *model;
  gint64 id;
} RowRefresh;

static void
row_refresh_cb (gpointer data)
{
  RowRefresh *r = data;
  mamori_ledger_model_row_changed (r->model, r->id);
  g_object_unref (r->model);
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
  r->id = id;
  g_idle_add_once (row_refresh_cb, r);
}

static gboolean
save_asset (MamoriLedgerPage  *self,
            const MamoriAsset *asset)
{
  g_autoptr(GError) error = NULL;
  gboolean ok;

  self->saving = TRUE;
  ok = mamori_workspace_update_asset (self->workspace, asset, &error);
  self->saving = FALSE;
  if (!ok)
    {
      mamori_widget_show_error (GTK_WIDGET (self), _("Could Not Save the Asset"), error);
      schedule_row_changed (self, asset->id);
      return FALSE;
    }
  schedule_row_changed (self, asset->id);
  return TRUE;
}

/* Applies text to one field of the cell's asset; recorded for undo. */
static void
commit (MamoriLedgerPage *self,
        GtkWidget        *cell,
        MamoriAssetField  field,
        const char       *text)
{
  MamoriLedgerRow *row = row_of (cell);
  g_autoptr(MamoriAsset) after = NULL;
  g_autofree char *old = NULL;
  g_autofree char *reason = NULL;
  Edit *edit;

  if (self->binding || row == NULL)
    return;
  old = mamori_asset_get_field_text (mamori_ledger_row_get_asset (row), field);
  if (g_strcmp0 (old, text) == 0)
    return;
  after = mamori_asset_copy (mamori_ledger_row_get_asset (row));
  if (!mamori_asset_set_field_text (after, field, text, &reason))
    {
      const char *title = mamori_asset_field_key (field);
      g_autoptr(GError) error = NULL;

      for (guint c = 0; c < G_N_ELEMENTS (columns); c++)
        if (columns[c].field == (int) field && columns[c].kind != COL_COMPUTED && columns[c].kind != COL_BAND)
          title = _(columns[c].title);
      error = g_error_new (MAMORI_WORKSPACE_ERROR, MAMORI_WORKSPACE_ERROR_INVALID, "%s: %s", title, reason);
      mamori_widget_show_error (GTK_WIDGET (self), _("Could Not Save the Asset"), error);
      schedule_row_changed (self, after->id);
      return;
    }
  edit = g_new0 (Edit, 1);
  edit->before = mamori_asset_copy (mamori_ledger_row_get_asset (row));
  edit->after = mamori_asset_copy (after);
  if (!save_asset (self, after))
    {
      edit_free (edit);
      return;
    }
  g_ptr_array_add (self->undo, edit);
  g_ptr_array_set_size (self->redo, 0);
}

gboolean
mamori_ledger_page_undo (MamoriLedgerPage *self)
{
  Edit *edit;

  if (self->undo->len == 0)
    return FALSE;
  edit = g_ptr_array_steal_index (self->undo, self->undo->len - 1);
  if (!save_asset (self, edit->before))
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
  if (!save_asset (self, edit->after))
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

static void
text_editing_changed (GtkEditableLabel *label,
                      GParamSpec       *pspec,
                      MamoriLedgerPage *self)
{
  if (!gtk_editable_label_get_editing (label))
    commit (self, GTK_WIDGET (label), GPOINTER_TO_INT (g_object_get_data (G_OBJECT (label), "mamori-field")),
            gtk_editable_get_text (GTK_EDITABLE (label)));
}

static void
flag_toggled (GtkCheckButton   *check,
              MamoriLedgerPage *self)
{
  commit (self, GTK_WIDGET (check), GPOINTER_TO_INT (g_object_get_data (G_OBJECT (check), "mamori-field")),
          gtk_check_button_get_active (check) ? "有" : "");
}

static void
drop_selected (GtkDropDown      *drop,
               GParamSpec       *pspec,
               MamoriLedgerPage *self)
{
  int field = GPOINTER_TO_INT (g_object_get_data (G_OBJECT (drop), "mamori-field"));
  ColumnKind kind = GPOINTER_TO_INT (g_object_get_data (G_OBJECT (drop), "mamori-kind"));
  guint selected = gtk_drop_down_get_selected (drop);
  g_autofree char *text = NULL;

  if (selected == GTK_INVALID_LIST_POSITION)
    return;
  switch (kind)
    {
    case COL_LEVEL: text = g_strdup_printf ("%u", selected); break;
    case COL_THREAT: text = selected == 0 ? g_strdup ("") : g_strdup_printf ("%u", selected); break;
    case COL_VULNERABILITY: text = g_strdup_printf ("%u", selected + 1); break;
    case COL_TREATMENT: text = g_strdup (mamori_treatment_key ((MamoriTreatment) selected)); break;
    case COL_TEXT:
    case COL_FLAG:
    case COL_COMPUTED:
    case COL_BAND:
    default: return;
    }
  commit (self, GTK_WIDGET (drop), field, text);
}

/* --- cells ---------------------------------------------------------------------------------- */

static void
setup_cell (GtkSignalListItemFactory *factory,
            GtkListItem              *item,
            MamoriLedgerPage         *self)
{
  const ColumnSpec *spec = g_object_get_data (G_OBJECT (factory), "mamori-spec");
  GtkWidget *w = NULL;

  switch (spec->kind)
    {
    case COL_TEXT:
      w = gtk_editable_label_new ("");
      g_signal_connect (w, "notify::editing", G_CALLBACK (text_editing_changed), self);
      break;
    case COL_FLAG:
      w = gtk_check_button_new ();
      gtk_widget_set_halign (w, GTK_ALIGN_CENTER);
      g_signal_connect (w, "toggled", G_CALLBACK (flag_toggled), self);
      break;
    case COL_LEVEL:
    case COL_THREAT:
    case COL_VULNERABILITY:
    case COL_TREATMENT:
      {
        static const char *level[] = { "0", "1", "2", NULL };
        static const char *threat[] = { "—", "1", "2", "3", NULL };
        static const char *vuln[] = { "1", "2", "3", NULL };
        const char *treatment[] = { "", _("Reduce"), _("Retain"), _("Avoid"), _("Transfer"), NULL };
        const char * const *strings = spec->kind == COL_LEVEL ? level : spec->kind == COL_THREAT ? threat
                                    : spec->kind == COL_VULNERABILITY ? vuln : treatment;
        w = gtk_drop_down_new_from_strings (strings);
        gtk_widget_add_css_class (w, "flat");
        g_object_set_data (G_OBJECT (w), "mamori-kind", GINT_TO_POINTER (spec->kind));
        g_signal_connect (w, "notify::selected", G_CALLBACK (drop_selected), self);
        break;
      }
    case COL_COMPUTED:
      w = gtk_label_new (NULL);
      gtk_widget_add_css_class (w, "numeric");
      break;
    case COL_BAND:
      w = gtk_label_new (NULL);
      gtk_widget_add_css_class (w, "mamori-band");
      gtk_widget_set_halign (w, GTK_ALIGN_CENTER);
      break;
    default:
      g_assert_not_reached ();
    }
  if (spec->tooltip != NULL)
    gtk_widget_set_tooltip_text (w, _(spec->tooltip));
  g_object_set_data (G_OBJECT (w), "mamori-field", GINT_TO_POINTER (spec->field));
  g_object_set_data (G_OBJECT (w), "mamori-item", item);
  gtk_list_item_set_child (item, w);
}

static void
bind_cell (GtkSignalListItemFactory *factory,
           GtkListItem              *item,
           MamoriLedgerPage         *self)
{
  const ColumnSpec *spec = g_object_get_data (G_OBJECT (factory), "mamori-spec");
  MamoriLedgerRow *row = gtk_list_item_get_item (item);
  const MamoriAsset *a = mamori_ledger_row_get_asset (row);
  const MamoriAssetRisk *risk = mamori_ledger_row_get_risk (row);
  GtkWidget *w = gtk_list_item_get_child (item);

  self->binding = TRUE;
  switch (spec->kind)
    {
    case COL_TEXT:
      {
        g_autofree char *t = mamori_asset_get_field_text (a, spec->field);
        gtk_editable_set_text (GTK_EDITABLE (w), t);
        break;
      }
    case COL_FLAG:
      gtk_check_button_set_active (GTK_CHECK_BUTTON (w),
                                   spec->field == MAMORI_ASSET_FIELD_PERSONAL_INFO ? a->personal_info
                                   : spec->field == MAMORI_ASSET_FIELD_SPECIAL_CARE_INFO ? a->special_care_info
                                   : a->my_number);
      break;
    case COL_LEVEL:
      gtk_drop_down_set_selected (GTK_DROP_DOWN (w),
                                  spec->field == MAMORI_ASSET_FIELD_CONFIDENTIALITY ? a->confidentiality
                                  : spec->field == MAMORI_ASSET_FIELD_INTEGRITY ? a->integrity : a->availability);
      break;
    case COL_THREAT:
      gtk_drop_down_set_selected (GTK_DROP_DOWN (w), a->threat);
      if (a->threat == 0)
        {
          g_autofree char *tip = g_strdup_printf (_("From the threat catalogue of “%s”: %d"), a->medium, risk->threat);
          gtk_widget_set_tooltip_text (w, tip);
        }
      break;
    case COL_VULNERABILITY:
      gtk_drop_down_set_selected (GTK_DROP_DOWN (w), CLAMP (a->vulnerability, 1, 3) - 1);
      break;
    case COL_TREATMENT:
      gtk_drop_down_set_selected (GTK_DROP_DOWN (w), a->treatment);
      break;
    case COL_COMPUTED:
      {
        int v = spec->field == MAMORI_ASSET_SORT_IMPORTANCE ? risk->importance
              : spec->field == MAMORI_ASSET_SORT_LIKELIHOOD ? risk->likelihood : risk->risk;
        g_autofree char *t = g_strdup_printf ("%d", v);
        gtk_label_set_text (GTK_LABEL (w), t);
        break;
      }
    case COL_BAND:
      {
        static const char *classes[] = { "band-small", "band-medium", "band-large" };
        for (guint i = 0; i < G_N_ELEMENTS (classes); i++)
          gtk_widget_remove_css_class (w, classes[i]);
        gtk_widget_add_css_class (w, classes[risk->band]);
        gtk_label_set_text (GTK_LABEL (w), mamori_risk_band_label (risk->band));
        gtk_widget_set_tooltip_text (w, _(mamori_risk_band_action (risk->band)));
        break;
      }
    default:
      break;
    }
  self->binding = FALSE;
}

static void
build_columns (MamoriLedgerPage *self)
{
  for (guint c = 0; c < G_N_ELEMENTS (columns); c++)
    {
      GtkListItemFactory *factory = gtk_signal_list_item_factory_new ();
      GtkColumnViewColumn *column;

      g_object_set_data (G_OBJECT (factory), "mamori-spec", (gpointer) &columns[c]);
      g_signal_connect (factory, "setup", G_CALLBACK (setup_cell), self);
      g_signal_connect (factory, "bind", G_CALLBACK (bind_cell), self);
      column = gtk_column_view_column_new (_(columns[c].title), factory);
      gtk_column_view_column_set_resizable (column, TRUE);
      if (columns[c].field == MAMORI_ASSET_FIELD_NAME && columns[c].kind == COL_TEXT)
        gtk_column_view_column_set_expand (column, TRUE);
      gtk_column_view_append_column (self->column_view, column);
      g_object_unref (column);
    }
}

/* --- import and export ---------------------------------------------------------------------- */

static void
import_loaded (GObject      *source,
               GAsyncResult *result,
               gpointer      user_data)
{
  g_autoptr(MamoriLedgerPage) self = user_data;
  g_autoptr(GError) error = NULL;
  g_autofree char *contents = NULL;
  g_autofree char *text = NULL;
  g_autofree char *name = g_file_get_basename (G_FILE (source));
  g_autoptr(GPtrArray) assets = NULL;
  g_autoptr(GPtrArray) problems = NULL;
  gsize length = 0;

  if (!g_file_load_contents_finish (G_FILE (source), result, &contents, &length, NULL, &error) ||
      (text = mamori_csv_decode (contents, length, NULL, &error)) == NULL ||
      !mamori_asset_csv_read (text, &assets, &problems, &error))
    {
      mamori_widget_show_error (GTK_WIDGET (self), _("Could Not Import the Ledger"), error);
      return;
    }
  if (problems->len > 0)
    {
      g_autoptr(GString) list = g_string_new (NULL);
      g_autoptr(GError) report = NULL;
      for (guint i = 0; i < problems->len; i++)
        {
          g_string_append_printf (list, "%s\n", (char *) problems->pdata[i]);
          g_printerr ("%s: %s\n", name, (char *) problems->pdata[i]);
        }
      report = g_error_new (MAMORI_WORKSPACE_ERROR, MAMORI_WORKSPACE_ERROR_INVALID,
                            ngettext ("%s has %u problem, so nothing was imported:\n%s",
                                      "%s has %u problems, so nothing was imported:\n%s", problems->len),
                            name, problems->len, list->str);
      mamori_widget_show_error (GTK_WIDGET (self), _("Could Not Import the Ledger"), report);
      return;
    }
  if (self->workspace == NULL || !mamori_workspace_add_assets (self->workspace, assets, &error))
    {
      if (error)
        mamori_widget_show_error (GTK_WIDGET (self), _("Could Not Import the Ledger"), error);
      return;
    }
  {
    g_autofree char *toast = g_strdup_printf (ngettext ("Imported %u asset", "Imported %u assets", assets->len), assets->len);
    mamori_widget_add_toast (GTK_WIDGET (self), toast);
  }
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
          g_autoptr(GError) error = NULL;
          if (!mamori_workspace_export_assets (self->workspace, path, &error))
            mamori_widget_show_error (GTK_WIDGET (self), _("Could Not Export the Ledger"), error);
          else
            {
              g_autofree char *base = g_file_get_basename (file);
              g_autofree char *toast = g_markup_printf_escaped (_("Exported “%s”"), base);
              mamori_widget_add_toast (GTK_WIDGET (self), toast);
            }
        }
      else
        g_file_load_contents_async (file, NULL, import_loaded, g_object_ref (self));
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
import_clicked (GtkButton        *button,
                MamoriLedgerPage *self)
{
  run_chooser (self, GTK_FILE_CHOOSER_ACTION_OPEN);
}

static void
export_clicked (GtkButton        *button,
                MamoriLedgerPage *self)
{
  run_chooser (self, GTK_FILE_CHOOSER_ACTION_SAVE);
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
  return a->id;
}

static void
add_clicked (GtkButton        *button,
             MamoriLedgerPage *self)
{
  mamori_ledger_page_add_asset (self);
}

/* --- workspace ----------------------------------------------------------------------------------- */

static void
workspace_changed (MamoriWorkspace  *workspace,
                   const char       *entity,
                   MamoriLedgerPage *self)
{
  /* Rows added or removed elsewhere (import, the command line's demo): query again. Single
   * edits from this page already refreshed their row. */
  if (g_str_equal (entity, "asset") && !self->saving)
    {
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
      GtkSelectionModel *selection;
      self->model = mamori_ledger_model_new (workspace);
      selection = GTK_SELECTION_MODEL (gtk_multi_selection_new (G_LIST_MODEL (g_object_ref (self->model))));
      gtk_column_view_set_model (self->column_view, selection);
      g_object_unref (selection);
      self->changed_id = g_signal_connect (workspace, "changed", G_CALLBACK (workspace_changed), self);
      load_departments (self);
      mamori_ledger_page_refresh (self);
    }
  else
    gtk_column_view_set_model (self->column_view, NULL);
  gtk_widget_set_sensitive (GTK_WIDGET (self), workspace != NULL);
}

guint
mamori_ledger_page_get_n_rows (MamoriLedgerPage *self)
{
  return self->model ? g_list_model_get_n_items (G_LIST_MODEL (self->model)) : 0;
}

GListModel *
mamori_ledger_page_get_model (MamoriLedgerPage *self)
{
  return self->model ? G_LIST_MODEL (self->model) : NULL;
}

void
mamori_ledger_page_set_filter (MamoriLedgerPage *self,
                               const char       *text,
                               int               band)
{
  gtk_editable_set_text (GTK_EDITABLE (self->search_entry), text ? text : "");
  gtk_drop_down_set_selected (self->band_drop, band == MAMORI_RISK_BAND_LARGE ? 1 : band == MAMORI_RISK_BAND_MEDIUM ? 2
                                               : band == MAMORI_RISK_BAND_SMALL ? 3 : 0);
  mamori_ledger_page_refresh (self);
}

static void
mamori_ledger_page_dispose (GObject *object)
{
  MamoriLedgerPage *self = MAMORI_LEDGER_PAGE (object);

  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  if (self->chooser != NULL)
    {
      gtk_native_dialog_destroy (self->chooser);
      g_clear_object (&self->chooser);
    }
  if (self->workspace != NULL)
    g_clear_signal_handler (&self->changed_id, self->workspace);
  g_clear_object (&self->workspace);
  if (self->column_view != NULL)
    gtk_column_view_set_model (self->column_view, NULL);
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
  G_OBJECT_CLASS (mamori_ledger_page_parent_class)->finalize (object);
}

static void
mamori_ledger_page_class_init (MamoriLedgerPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = mamori_ledger_page_dispose;
  object_class->finalize = mamori_ledger_page_finalize;
  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/mamori/Mamori/ui/mamori-ledger-page.ui");
#define BIND(name) gtk_widget_class_bind_template_child (widget_class, MamoriLedgerPage, name)
  BIND (search_entry);
  BIND (department_drop);
  BIND (band_drop);
  BIND (sort_drop);
  BIND (descending_button);
  BIND (count_label);
  BIND (add_button);
  BIND (import_button);
  BIND (export_button);
  BIND (stack);
  BIND (column_view);
#undef BIND
  gtk_widget_class_install_action (widget_class, "ledger.undo", NULL, undo_action);
  gtk_widget_class_install_action (widget_class, "ledger.redo", NULL, redo_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_z, GDK_CONTROL_MASK, "ledger.undo", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_z, GDK_CONTROL_MASK | GDK_SHIFT_MASK, "ledger.redo", NULL);
}

static void
mamori_ledger_page_init (MamoriLedgerPage *self)
{
  g_autoptr(GtkStringList) sort_names = gtk_string_list_new (NULL);
  const char *bands[] = { _("All bands"), "大", "中", "小", NULL };

  self->undo = g_ptr_array_new_with_free_func ((GDestroyNotify) edit_free);
  self->redo = g_ptr_array_new_with_free_func ((GDestroyNotify) edit_free);
  gtk_widget_init_template (GTK_WIDGET (self));

  self->departments = gtk_string_list_new ((const char *[]) { _("All departments"), NULL });
  gtk_drop_down_set_model (self->department_drop, G_LIST_MODEL (self->departments));
  g_object_unref (self->departments);   /* the drop-down keeps it */
  {
    g_autoptr(GtkStringList) band_list = gtk_string_list_new (bands);
    gtk_drop_down_set_model (self->band_drop, G_LIST_MODEL (band_list));
  }
  for (guint c = 0; c < G_N_ELEMENTS (columns); c++)
    gtk_string_list_append (sort_names, _(columns[c].title));
  gtk_drop_down_set_model (self->sort_drop, G_LIST_MODEL (sort_names));
  /* Highest risk first. */
  for (guint c = 0; c < G_N_ELEMENTS (columns); c++)
    if (columns[c].kind == COL_COMPUTED && columns[c].field == MAMORI_ASSET_SORT_RISK)
      gtk_drop_down_set_selected (self->sort_drop, c);

  build_columns (self);
  g_signal_connect (self->search_entry, "search-changed", G_CALLBACK (filter_changed), self);
  g_signal_connect (self->department_drop, "notify::selected", G_CALLBACK (filter_notify), self);
  g_signal_connect (self->band_drop, "notify::selected", G_CALLBACK (filter_notify), self);
  g_signal_connect (self->sort_drop, "notify::selected", G_CALLBACK (filter_notify), self);
  g_signal_connect (self->descending_button, "toggled", G_CALLBACK (filter_changed), self);
  g_signal_connect (self->add_button, "clicked", G_CALLBACK (add_clicked), self);
  g_signal_connect (self->import_button, "clicked", G_CALLBACK (import_clicked), self);
  g_signal_connect (self->export_button, "clicked", G_CALLBACK (export_clicked), self);
}
