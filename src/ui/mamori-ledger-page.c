/* mamori-ledger-page.c — the information-asset ledger: a spreadsheet-like column view over
 * the workspace, filtered and sorted in SQL off the main thread. This file holds the type, the
 * workspace, the filters and the status line; the columns and rows, the cell editor and the
 * actions are in mamori-ledger-page-columns.c, -editor.c and -actions.c. */
#include "config.h"

#include <glib/gi18n.h>

#include "core/mamori-classification.h"
#include "mamori-ledger-page-private.h"
#include "store/mamori-roles.h"
#include "mamori-widget-util.h"

G_DEFINE_FINAL_TYPE (MamoriLedgerPage, mamori_ledger_page, ADW_TYPE_BIN)

enum {
  PROP_0,
  PROP_RISK_METHOD,   /* "ipa" or "gov5": the workspace setting, behind the menu's radio items */
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static int
n_bands (MamoriRiskMethod method)
{
  return method == MAMORI_RISK_METHOD_GOV5 ? 4 : 3;
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
    g_string_append_printf (text, " · %s %u", _mamori_ledger_page_band_name (self->method, b), c[b]);
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
void
_mamori_ledger_page_recount (MamoriLedgerPage *self)
{
  if (self->model != NULL && self->cancellable != NULL)
    mamori_ledger_model_count_async (self->model, self->cancellable, count_done, self);
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
  _mamori_ledger_page_close_editor (self);
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
  {
    guint c = gtk_drop_down_get_selected (self->class_drop);
    q.classification = c != GTK_INVALID_LIST_POSITION ? (int) c : MAMORI_ASSET_CLASS_ANY;
  }
  q.method = self->method;
  q.by_cell = self->by_cell;
  q.cell_likelihood = self->cell_likelihood;
  q.cell_probability = self->cell_probability;
  q.cell_impact = self->cell_impact;
  q.sort = sort < N_COLUMNS ? _mamori_ledger_page_columns[sort].field : MAMORI_ASSET_SORT_ID;
  if (sort < N_COLUMNS && _mamori_ledger_page_columns[sort].kind == COL_BAND)
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

static void
sort_changed (MamoriLedgerPage *self)
{
  _mamori_ledger_page_update_header_sort (self);
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

/* --- filters ------------------------------------------------------------------------------ */

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
  gtk_drop_down_set_selected (self->class_drop, 0);
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
         gtk_drop_down_get_selected (self->band_drop) > 0 ||
         gtk_drop_down_get_selected (self->class_drop) > 0 || self->by_cell;
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
    gtk_string_list_append (self->bands, _mamori_ledger_page_band_name (self->method, b));
  gtk_drop_down_set_selected (self->band_drop, 0);
  for (guint c = 0; c < N_COLUMNS; c++)
    {
      const char *title = _mamori_ledger_page_column_title (&_mamori_ledger_page_columns[c], self->method);
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
  _mamori_ledger_page_update_header_sort (self);
  mamori_ledger_page_refresh (self);
}

static void
unsaved_free (gpointer data)
{
  Unsaved *u = data;

  mamori_asset_free (u->before);
  mamori_asset_free (u->asset);
  g_array_unref (u->fields);
  g_free (u->reason);
  g_free (u);
}

/* --- what the role may change ------------------------------------------------------------------- */

static const MamoriAccess *
access_of (MamoriLedgerPage *self)
{
  return self->workspace != NULL ? mamori_workspace_get_access (self->workspace) : NULL;
}

gboolean
_mamori_ledger_page_may_edit (MamoriLedgerPage  *self,
                              const MamoriAsset *a)
{
  return mamori_access_may_edit_asset (access_of (self), a->managing_department);
}

gboolean
_mamori_ledger_page_refuse (MamoriLedgerPage  *self,
                            const MamoriAsset *a)
{
  const MamoriAccess *access = access_of (self);
  g_autofree char *text = NULL;

  if (mamori_access_may_edit_asset (access, a->managing_department))
    return FALSE;
  if (access->read_only != NULL || !mamori_access_may_change_some (access, MAMORI_ACCESS_LEDGER))
    text = mamori_access_explain (access, MAMORI_ACCESS_LEDGER);
  else if (a->managing_department == NULL || *a->managing_department == '\0')
    text = g_strdup_printf (_("“%s” has no managing department: only the officer changes it."), a->name);
  else
    text = g_strdup_printf (_("“%s” belongs to %s: your role lets you change your own departments’ assets only."),
                            a->name, a->managing_department);
  mamori_widget_add_toast (GTK_WIDGET (self), text);
  return TRUE;
}

/* The controls that change the ledger follow the role: adding and importing for whoever may
 * add assets, the threat catalogue and stocktaking for the officer; a row the role may not
 * change refuses its editor (mamori-ledger-page-editor.c) and is drawn dimmer. */
static void
apply_access (MamoriLedgerPage *self)
{
  const MamoriAccess *access = access_of (self);
  gboolean add = access != NULL && mamori_access_may_add_assets (access);
  gboolean some = access != NULL && mamori_access_may_change_some (access, MAMORI_ACCESS_LEDGER);
  gboolean officer = access != NULL && mamori_access_is_officer (access);

  gtk_widget_set_sensitive (GTK_WIDGET (self->add_button), add);
  gtk_widget_set_tooltip_text (GTK_WIDGET (self->add_button),
                               add ? _("Add an asset") : _("Add an asset (your role does not allow it)"));
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "ledger.import", add);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "ledger.duplicate", add);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "ledger.split", add);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "ledger.delete", some);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "ledger.classify", some);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "ledger.undo", some);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "ledger.redo", some);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "ledger.threats", officer);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "ledger.stocktaking", officer);
}

/* --- workspace ----------------------------------------------------------------------------------- */

static void
retry_unsaved_cb (gpointer data)
{
  MamoriLedgerPage *self = data;

  self->retry_id = 0;
  _mamori_ledger_page_retry_unsaved (self);
}

static void
workspace_changed (MamoriWorkspace  *workspace,
                   const char       *entity,
                   MamoriLedgerPage *self)
{
  /* Rows added or removed elsewhere (import, the command line's demo): query again. Single
   * edits from this page already refreshed their row. */
  if (g_str_equal (entity, "settings"))
    {
      const MamoriAccess *access = access_of (self);
      g_autofree char *before = g_strdup (self->access_seen);

      load_method (self);
      apply_access (self);   /* the roles may have changed */
      /* The rows' dimming follows a change of the role or its departments. */
      g_free (self->access_seen);
      self->access_seen = access != NULL ? mamori_access_describe (access) : NULL;
      if (g_strcmp0 (before, self->access_seen) != 0)
        mamori_ledger_page_refresh (self);
    }
  /* The server answers again (the window reads everything again): the edits it could not
   * take are tried again. */
  if (g_hash_table_size (self->unsaved) > 0 && self->retry_id == 0)
    self->retry_id = g_idle_add_once (retry_unsaved_cb, self);
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
  mamori_undo_stack_clear (self->undo);
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
  g_hash_table_remove_all (self->unsaved);
  apply_access (self);
  g_free (self->access_seen);
  self->access_seen = workspace != NULL ? mamori_access_describe (access_of (self)) : NULL;
  gtk_widget_set_sensitive (GTK_WIDGET (self), workspace != NULL);
}

guint
mamori_ledger_page_count_unsaved (MamoriLedgerPage *self)
{
  g_return_val_if_fail (MAMORI_IS_LEDGER_PAGE (self), 0);
  return g_hash_table_size (self->unsaved);
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
                           _mamori_ledger_page_english () ? m->risk[level].name_en : m->risk[level].abbreviation,
                           mamori_risk_matrix_value (m, probability, impact));
  g_free (self->cell_name);
  self->cell_name = g_strdup_printf ("%s %d", _mamori_ledger_page_english () ? m->risk[level].name_en : m->risk[level].abbreviation,
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
  g_clear_handle_id (&self->retry_id, g_source_remove);
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

  g_object_unref (self->undo);
  g_hash_table_unref (self->unsaved);
  g_free (self->access_seen);
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
  BIND (class_drop);
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
  _mamori_ledger_page_class_actions_init (widget_class);
}

static void
mamori_ledger_page_init (MamoriLedgerPage *self)
{
  g_autoptr(GtkStringList) sort_names = gtk_string_list_new (NULL);

  self->undo = mamori_undo_stack_new ();
  self->unsaved = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, unsaved_free);
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
  {
    /* In MamoriAssetClassFilter's order. */
    g_autofree char *protection = g_strdup_printf (_("%s (any axis)"),
                                                   mamori_classification_term_label (MAMORI_CLASS_TERM_PROTECTION, NULL));
    g_autofree char *c3 = g_strdup_printf (_("Confidentiality %d"), 3);
    g_autofree char *c2 = g_strdup_printf (_("Confidentiality %d"), 2);
    g_autofree char *c1 = g_strdup_printf (_("Confidentiality %d"), 1);
    const char *names[] = { _("All classifications"), protection, c3, c2, c1, _("With handling restrictions"),
                            C_("classification", "Not classified"), NULL };
    GtkStringList *list = gtk_string_list_new (names);
    gtk_drop_down_set_model (self->class_drop, G_LIST_MODEL (list));
    g_object_unref (list);
  }
  for (guint c = 0; c < N_COLUMNS; c++)
    gtk_string_list_append (sort_names, _(_mamori_ledger_page_columns[c].title));
  gtk_drop_down_set_model (self->sort_drop, G_LIST_MODEL (sort_names));
  fill_method_lists (self);
  /* Highest risk first. */
  for (guint c = 0; c < N_COLUMNS; c++)
    if (_mamori_ledger_page_columns[c].kind == COL_COMPUTED &&
        _mamori_ledger_page_columns[c].field == MAMORI_ASSET_SORT_RISK)
      gtk_drop_down_set_selected (self->sort_drop, c);

  _mamori_ledger_page_build_columns (self);
  g_signal_connect (self->search_entry, "search-changed", G_CALLBACK (filter_changed), self);
  g_signal_connect (self->department_drop, "notify::selected", G_CALLBACK (filter_notify), self);
  g_signal_connect (self->band_drop, "notify::selected", G_CALLBACK (filter_notify), self);
  g_signal_connect (self->class_drop, "notify::selected", G_CALLBACK (filter_notify), self);
  g_signal_connect_swapped (self->sort_drop, "notify::selected", G_CALLBACK (sort_changed), self);
  g_signal_connect_swapped (self->descending_button, "toggled", G_CALLBACK (sort_changed), self);
  _mamori_ledger_page_update_header_sort (self);
  g_signal_connect (self->add_button, "clicked", G_CALLBACK (add_clicked), self);
  g_signal_connect (self->what_if_button, "toggled", G_CALLBACK (what_if_toggled), self);
  g_signal_connect (self->medium_drop, "notify::selected", G_CALLBACK (filter_notify), self);
  g_signal_connect (self->list_view, "activate", G_CALLBACK (_mamori_ledger_page_list_activated), self);
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
