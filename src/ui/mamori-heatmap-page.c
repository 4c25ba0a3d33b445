/* mamori-heatmap-page.c — current and residual heatmaps side by side; hover names the assets in
 * a cell, a click opens the ledger filtered to that cell. Counting happens in SQL; drawing is the
 * same function that writes PNG, SVG and PDF. */
#include "config.h"

#include <glib/gi18n.h>

#include "core/mamori-checklist.h"
#include "core/mamori-profile.h"
#include "mamori-heatmap-page.h"
#include "mamori-heatmap-page-private.h"
#include "mamori-presentation-window.h"
#include "mamori-widget-util.h"
#include "ops/mamori-worker.h"
#include "report/mamori-heatmap-draw.h"
#include "report/mamori-review.h"
#include "store/mamori-assets.h"

struct _MamoriHeatmapPage {
  AdwBin parent_instance;

  GtkDropDown *department_drop;
  GtkDropDown *medium_drop;
  GtkDropDown *grid_drop;
  GtkLabel *summary_label;
  GtkDrawingArea *current_area;
  GtkDrawingArea *residual_area;
  GtkStack *content_stack;
  GtkBox *maps_box;
  guint orientation_idle;

  MamoriWorkspace *workspace;
  gulong changed_id;
  GtkStringList *departments;
  GtkStringList *media;
  MamoriRiskMethod method;
  gboolean likelihood;       /* the maps show the threat × vulnerability grid */
  MamoriHeatmap *current;
  MamoriHeatmap *residual;
  GtkNativeDialog *chooser;
  gboolean filling;
  MamoriWorker *counter;     /* counts the maps off the main thread; the newest count wins */
  MamoriWorker *reviewer;    /* writes the review report */
  char *review_path;
  MamoriCatalogFunc catalog_func;  /* the workspace's checklists, from whoever holds them */
  gpointer catalog_data;
  gboolean exporting;        /* a review report is being written */
};

G_DEFINE_FINAL_TYPE (MamoriHeatmapPage, mamori_heatmap_page, ADW_TYPE_BIN)

static gboolean
english (void)
{
  return g_str_equal (mamori_text_user_lang (), "en");
}

static const char *
selected (GtkDropDown   *drop,
          GtkStringList *list)
{
  guint i = gtk_drop_down_get_selected (drop);
  return i > 0 && i != GTK_INVALID_LIST_POSITION ? gtk_string_list_get_string (list, i) : NULL;
}

static guint
top_level_count (const MamoriHeatmap *h)
{
  guint n = 0;

  for (guint p = 0; p < h->matrix->n_probability; p++)
    for (guint i = 0; i < h->matrix->n_impact; i++)
      if (mamori_risk_matrix_level (h->matrix, p, i) == (int) h->matrix->n_risk - 1)
        n += mamori_heatmap_count (h, p, i);
  return n;
}

typedef struct {
  MamoriRiskMethod method;
  gboolean likelihood;
  char *department;
  char *medium;
  MamoriHeatmap *current;
  MamoriHeatmap *residual;
} Counting;

static void
counting_free (Counting *c)
{
  g_free (c->department);
  g_free (c->medium);
  mamori_heatmap_free (c->current);
  mamori_heatmap_free (c->residual);
  g_free (c);
}

/* In the worker, on its own connection: both maps counted in SQL. The result is the Counting
 * itself (the run's data), filled. */
static gpointer
count_thread (MamoriWorkspace  *workspace,
              gpointer          data,
              GCancellable     *cancellable,
              GError          **error)
{
  Counting *c = data;

  for (int residual = 0; residual <= 1; residual++)
    {
      MamoriHeatmap *h = c->likelihood
                         ? mamori_workspace_get_likelihood_heatmap (workspace, residual, c->department, c->medium, error)
                         : mamori_workspace_get_heatmap (workspace, c->method, residual, c->department, c->medium, error);
      if (h == NULL)
        return NULL;
      if (residual)
        c->residual = h;
      else
        c->current = h;
    }
  return c;
}

/* Only for the newest count (the worker drops older ones). */
static void
count_done (gpointer      owner,
            gpointer      result,
            const GError *error,
            gpointer      data)
{
  MamoriHeatmapPage *self = owner;
  Counting *c = result;

  if (c == NULL)
    {
      mamori_widget_show_error (GTK_WIDGET (self), _("Could Not Read the Ledger"), error);
      return;
    }
  g_clear_pointer (&self->current, mamori_heatmap_free);
  g_clear_pointer (&self->residual, mamori_heatmap_free);
  self->current = g_steal_pointer (&c->current);
  self->residual = g_steal_pointer (&c->residual);
  self->method = c->method;
  self->likelihood = c->likelihood;
  {
  const MamoriRiskLevel *top = &self->current->matrix->risk[self->current->matrix->n_risk - 1];
    g_autofree char *summary = g_strdup_printf (_("%u assets · %s: %u now, %u after the planned measures"),
                                                self->current->total, english () ? top->name_en : top->abbreviation,
                                                top_level_count (self->current), top_level_count (self->residual));
    {
      /* Ellipsized in a narrow window: the whole sentence is in the tooltip. */
      gtk_label_set_text (self->summary_label, summary);
      gtk_widget_set_tooltip_text (GTK_WIDGET (self->summary_label), summary);
    }
  }
  /* An empty ledger has nothing to map or present. */
  gtk_stack_set_visible_child_name (self->content_stack, self->current->total > 0 ? "maps" : "empty");
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "heatmap.present", self->current->total > 0);
  gtk_widget_queue_draw (GTK_WIDGET (self->current_area));
  gtk_widget_queue_draw (GTK_WIDGET (self->residual_area));
}

void
mamori_heatmap_page_reload (MamoriHeatmapPage *self)
{
  Counting *c;

  if (self->workspace == NULL || self->filling)
    return;
  /* Counted off the main thread: about 0.2 s for both maps at 100,000 assets. */
  c = g_new0 (Counting, 1);
  c->method = mamori_workspace_get_risk_method (self->workspace);
  c->likelihood = gtk_drop_down_get_selected (self->grid_drop) == 1;
  c->department = g_strdup (selected (self->department_drop, self->departments));
  c->medium = g_strdup (selected (self->medium_drop, self->media));
  if (self->counter == NULL)
    self->counter = mamori_worker_new (self);
  /* The Counting is both the data and the result: freed once, with the run. */
  mamori_worker_run (self->counter, mamori_workspace_get_path (self->workspace), FALSE, count_thread, c,
                     (GDestroyNotify) counting_free, NULL, count_done);
}

gboolean
mamori_heatmap_page_is_counting (MamoriHeatmapPage *self)
{
  return self->counter != NULL && mamori_worker_is_running (self->counter);
}

static const char *
map_title (MamoriHeatmapPage *self,
           gboolean           residual)
{
  if (self->likelihood)
    return residual ? _("Likelihood after the planned measures") : _("Likelihood now");
  return residual ? _("After the planned measures") : _("Risk now");
}

static void
draw (GtkDrawingArea *area,
      cairo_t        *cr,
      int             width,
      int             height,
      gpointer        user_data)
{
  MamoriHeatmapPage *self = user_data;
  gboolean residual = area == self->residual_area;
  const MamoriHeatmap *h = residual ? self->residual : self->current;
  MamoriHeatmapLabels labels = { 0 };

  if (h == NULL)
    return;
  labels.title = map_title (self, residual);
  labels.lang = mamori_text_user_lang ();
  labels.compare = residual ? self->current : NULL;
  mamori_heatmap_draw (cr, h, &labels, width, height);
}

char *
mamori_heatmap_page_describe_cell (MamoriHeatmapPage *self,
                                   gboolean           residual,
                                   guint              probability,
                                   guint              impact)
{
  const MamoriHeatmap *h = residual ? self->residual : self->current;
  MamoriAssetQuery q = { .band = -1, .method = self->method, .residual = residual, .by_cell = TRUE,
                         .cell_likelihood = self->likelihood, .cell_probability = probability, .cell_impact = impact,
                         .sort = MAMORI_ASSET_SORT_RISK, .descending = TRUE };
  g_autoptr(GArray) ids = NULL;
  g_autoptr(GString) text = g_string_new (NULL);
  const MamoriRiskMatrix *m;
  int level;

  if (h == NULL)
    return NULL;
  m = h->matrix;
  level = mamori_risk_matrix_level (m, probability, impact);
  q.department = selected (self->department_drop, self->departments);
  q.medium = selected (self->medium_drop, self->media);
  g_string_printf (text, ngettext ("%s %d · %u asset", "%s %d · %u assets", mamori_heatmap_count (h, probability, impact)),
                   m->risk[level].abbreviation, mamori_risk_matrix_value (m, probability, impact),
                   mamori_heatmap_count (h, probability, impact));
  ids = mamori_assets_query_ids (mamori_workspace_get_path (self->workspace), &q, NULL, NULL);
  for (guint i = 0; ids != NULL && i < MIN (ids->len, 5); i++)
    {
      g_autoptr(MamoriAsset) a = mamori_workspace_get_asset (self->workspace, g_array_index (ids, gint64, i), NULL);
      if (a != NULL)
        g_string_append_printf (text, "\n• %s (%s)", a->name, a->managing_department);
    }
  if (ids != NULL && ids->len > 5)
    g_string_append_printf (text, "\n%s", _("…click to see them all in the ledger"));
  else if (ids != NULL && ids->len > 0)
    g_string_append_printf (text, "\n%s", _("Click to open them in the ledger"));
  return g_string_free (g_steal_pointer (&text), FALSE);
}

guint
mamori_heatmap_page_get_total (MamoriHeatmapPage *self)
{
  return self->current ? self->current->total : 0;
}

static gboolean
query_tooltip (GtkWidget         *widget,
               int                x,
               int                y,
               gboolean           keyboard,
               GtkTooltip        *tooltip,
               MamoriHeatmapPage *self)
{
  gboolean residual = widget == GTK_WIDGET (self->residual_area);
  const MamoriHeatmap *h = residual ? self->residual : self->current;
  g_autofree char *text = NULL;
  guint p, i;

  if (h == NULL || !mamori_heatmap_cell_at (h, gtk_widget_get_width (widget), gtk_widget_get_height (widget), x, y, &p, &i))
    return FALSE;
  text = mamori_heatmap_page_describe_cell (self, residual, p, i);
  gtk_tooltip_set_text (tooltip, text);
  return TRUE;
}

static void
area_clicked (GtkGestureClick   *gesture,
              int                n_press,
              double             x,
              double             y,
              MamoriHeatmapPage *self)
{
  GtkWidget *widget = gtk_event_controller_get_widget (GTK_EVENT_CONTROLLER (gesture));
  gboolean residual = widget == GTK_WIDGET (self->residual_area);
  const MamoriHeatmap *h = residual ? self->residual : self->current;
  const char *department = selected (self->department_drop, self->departments);
  const char *medium = selected (self->medium_drop, self->media);
  guint p, i;

  if (h == NULL ||
      !mamori_heatmap_cell_at (h, gtk_widget_get_width (widget), gtk_widget_get_height (widget), x, y, &p, &i))
    return;
  /* The window shows the ledger filtered to the cell. */
  gtk_widget_activate_action (widget, "win.show-assets", "(ibbuuss)", (gint32) self->method, self->likelihood, residual,
                              (guint32) p, (guint32) i, department ? department : "", medium ? medium : "");
}

/* --- export ---------------------------------------------------------------------------------------- */

/* Sizes offered when a heatmap is exported: screens, slides and print. */
static const struct { const char *id; const char *label; int width, height; } export_sizes[] = {
  { "1920x1080", N_("1920 × 1080 (full HD screen or slide)"), 1920, 1080 },
  { "1280x720", N_("1280 × 720 (smaller slide)"), 1280, 720 },
  { "3840x2160", N_("3840 × 2160 (4K screen)"), 3840, 2160 },
  { "1123x794", N_("A4 landscape (1123 × 794)"), 1123, 794 },
  { "800x600", N_("800 × 600 (document figure)"), 800, 600 },
};

gboolean
mamori_heatmap_page_export_heatmap (MamoriHeatmapPage *self,
                                    gboolean           residual,
                                    const char        *path,
                                    int                width,
                                    int                height,
                                    GError           **error)
{
  MamoriHeatmapLabels labels = { NULL, NULL, mamori_text_user_lang (), residual ? self->current : NULL };
  const MamoriHeatmap *map = residual ? self->residual : self->current;
  g_autoptr(MamoriProfile) profile = NULL;
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autofree char *today = g_date_time_format (now, "%Y-%m-%d");
  g_autofree char *subtitle = NULL;

  if (map == NULL)
    {
      g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_PENDING, _("The heatmap is still being counted; try again in a moment."));
      return FALSE;
    }
  /* Titled as on screen, with the organisation and the date. */
  labels.title = map_title (self, residual);
  profile = mamori_workspace_get_profile (self->workspace, error);
  if (profile == NULL)
    return FALSE;
  subtitle = g_strdup_printf ("%s　%s", profile->name ? profile->name : "", today);
  labels.subtitle = subtitle;
  return mamori_heatmap_export (map, &labels, path, width, height, error);
}

static void
saved_toast (MamoriHeatmapPage *self,
             const char        *path)
{
  mamori_widget_add_saved_toast (GTK_WIDGET (self), path);
}

static void
heatmap_chosen (GtkNativeDialog   *dialog,
                int                response,
                MamoriHeatmapPage *self)
{
  if (response == GTK_RESPONSE_ACCEPT)
    {
      g_autoptr(GFile) file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (dialog));
      g_autofree char *path = g_file_get_path (file);
      const char *size = gtk_file_chooser_get_choice (GTK_FILE_CHOOSER (dialog), "size");
      gboolean residual = GPOINTER_TO_INT (g_object_get_data (G_OBJECT (dialog), "mamori-residual"));
      g_autoptr(GError) error = NULL;
      int width = 1920, height = 1080;

      for (guint i = 0; size != NULL && i < G_N_ELEMENTS (export_sizes); i++)
        if (g_str_equal (size, export_sizes[i].id))
          {
            width = export_sizes[i].width;
            height = export_sizes[i].height;
          }
      if (path != NULL && !mamori_heatmap_page_export_heatmap (self, residual, path, width, height, &error))
        mamori_widget_show_error (GTK_WIDGET (self), _("Could Not Export the Heatmap"), error);
      else if (path != NULL)
        saved_toast (self, path);
    }
  gtk_native_dialog_destroy (dialog);
  g_clear_object (&self->chooser);
}

static GtkFileChooser *
save_chooser (MamoriHeatmapPage *self,
              const char        *title,
              const char        *name,
              GCallback          response)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));
  GtkFileChooserNative *chooser;

  chooser = gtk_file_chooser_native_new (title, GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL,
                                         GTK_FILE_CHOOSER_ACTION_SAVE, _("_Export"), _("_Cancel"));
  gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (chooser), name);
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (chooser), TRUE);
  g_signal_connect (chooser, "response", response, self);
  self->chooser = GTK_NATIVE_DIALOG (chooser);
  return GTK_FILE_CHOOSER (chooser);
}

static void
export_action (GtkWidget  *widget,
               const char *name,
               GVariant   *parameter)
{
  MamoriHeatmapPage *self = MAMORI_HEATMAP_PAGE (widget);
  gboolean residual = parameter != NULL && g_str_equal (g_variant_get_string (parameter, NULL), "residual");
  const char *ids[G_N_ELEMENTS (export_sizes) + 1] = { NULL };
  const char *labels[G_N_ELEMENTS (export_sizes) + 1] = { NULL };
  GtkFileChooser *chooser;

  if (self->current == NULL || self->chooser != NULL)
    return;
  chooser = save_chooser (self, residual ? _("Export the Heatmap After the Planned Measures") : _("Export the Heatmap"),
                          residual ? _("heatmap-after-measures.png") : _("heatmap.png"), G_CALLBACK (heatmap_chosen));
  g_object_set_data (G_OBJECT (chooser), "mamori-residual", GINT_TO_POINTER (residual));
  for (guint i = 0; i < G_N_ELEMENTS (export_sizes); i++)
    {
      ids[i] = export_sizes[i].id;
      labels[i] = _(export_sizes[i].label);
    }
  /* The size in pixels for PNG, in points for SVG and PDF; the format follows the name. */
  gtk_file_chooser_add_choice (chooser, "size", _("Size"), ids, labels);
  gtk_file_chooser_set_choice (chooser, "size", export_sizes[0].id);
  gtk_native_dialog_show (self->chooser);
}

/* The review report: read from the workspace here, laid out and written in a worker, and
 * recorded as today's review once it is saved. */
static void
review_saved (gpointer        owner,
              MamoriOpResult *result,
              const GError   *error)
{
  MamoriHeatmapPage *self = owner;

  self->exporting = FALSE;
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "heatmap.export-review", TRUE);
  if (error != NULL)
    {
      mamori_widget_show_op_error (GTK_WIDGET (self), _("Could Not Export the Review Report"), result, error);
      return;
    }
  if (self->workspace != NULL)
    mamori_workspace_announce_changes (self->workspace, (const char * const *) result->changed->pdata);
  for (guint i = 0; i < result->warnings->len; i++)
    {
      g_autofree char *escaped = g_markup_escape_text (result->warnings->pdata[i], -1);
      mamori_widget_add_toast (GTK_WIDGET (self), escaped);
    }
  mamori_widget_add_saved_toast (GTK_WIDGET (self), self->review_path);
}

/* The review operation in a worker on its own connection: it reads the workspace, writes the
 * file and records today's figures there, so the review is recorded even if the window closes
 * meanwhile. */
gboolean
mamori_heatmap_page_export_review (MamoriHeatmapPage *self,
                                   const char        *path)
{
  MamoriOpRequest request = { .path = path };

  if (self->workspace == NULL || self->exporting)
    return FALSE;
  if (self->reviewer == NULL)
    self->reviewer = mamori_worker_new (self);
  g_free (self->review_path);
  self->review_path = g_strdup (path);
  self->exporting = TRUE;
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "heatmap.export-review", FALSE);
  mamori_worker_run_op (self->reviewer, mamori_op_find (MAMORI_OP_EXPORT, "review"),
                        mamori_workspace_get_path (self->workspace), &request, review_saved);
  return TRUE;
}

gboolean
mamori_heatmap_page_is_exporting (MamoriHeatmapPage *self)
{
  return self->exporting;
}

static void
review_chosen (GtkNativeDialog   *dialog,
               int                response,
               MamoriHeatmapPage *self)
{
  if (response == GTK_RESPONSE_ACCEPT)
    {
      g_autofree char *path = mamori_export_chooser_get_path (GTK_FILE_CHOOSER (dialog));
      if (path != NULL)
        mamori_heatmap_page_export_review (self, path);
    }
  gtk_native_dialog_destroy (dialog);
  g_clear_object (&self->chooser);
}

static void
export_review_action (GtkWidget  *widget,
                      const char *name,
                      GVariant   *parameter)
{
  MamoriHeatmapPage *self = MAMORI_HEATMAP_PAGE (widget);
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autofree char *date = g_date_time_format (now, "%Y-%m-%d");
  /* TRANSLATORS: file name of the review report; %s is today's date */
  g_autofree char *file = g_strdup_printf (_("management-review-%s.pdf"), date);

  if (self->workspace == NULL || self->chooser != NULL || self->exporting)
    return;
  mamori_export_chooser_add_formats (save_chooser (self, _("Export the Management Review Report"), file,
                                                   G_CALLBACK (review_chosen)));
  gtk_native_dialog_show (self->chooser);
}

/* --- presentation ---------------------------------------------------------------------------------- */

static void
present_action (GtkWidget  *widget,
                const char *name,
                GVariant   *parameter)
{
  MamoriHeatmapPage *self = MAMORI_HEATMAP_PAGE (widget);
  GtkRoot *root = gtk_widget_get_root (widget);
  g_autoptr(GError) error = NULL;
  MamoriPresentationWindow *window;

  if (self->workspace == NULL)
    return;
  window = mamori_presentation_window_new (self->workspace, self->catalog_func ? self->catalog_func (self->catalog_data) : NULL,
                                           GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL, &error);
  if (window == NULL)
    {
      mamori_widget_show_error (widget, _("Could Not Start the Review"), error);
      return;
    }
  gtk_window_fullscreen (GTK_WINDOW (window));
  gtk_window_present (GTK_WINDOW (window));
}

/* --- workspace ------------------------------------------------------------------------------------- */

void
mamori_heatmap_page_set_catalog_func (MamoriHeatmapPage *self,
                                      MamoriCatalogFunc  func,
                                      gpointer           data)
{
  g_return_if_fail (MAMORI_IS_HEATMAP_PAGE (self));
  self->catalog_func = func;
  self->catalog_data = data;
}

static void
fill_choices (MamoriHeatmapPage *self,
              MamoriAssetField   field,
              GtkStringList     *list,
              GtkDropDown       *drop)
{
  g_autoptr(GPtrArray) values = mamori_workspace_list_asset_values (self->workspace, field, NULL);

  gtk_string_list_splice (list, 1, g_list_model_get_n_items (G_LIST_MODEL (list)) - 1, NULL);
  for (guint i = 0; values != NULL && i < values->len; i++)
    gtk_string_list_append (list, values->pdata[i]);
  gtk_drop_down_set_selected (drop, 0);
}

static void
workspace_changed (MamoriWorkspace   *workspace,
                   const char        *entity,
                   MamoriHeatmapPage *self)
{
  if (g_str_equal (entity, "asset") || g_str_equal (entity, "medium_threat") || g_str_equal (entity, "settings"))
    mamori_heatmap_page_reload (self);
}

void
mamori_heatmap_page_set_workspace (MamoriHeatmapPage *self,
                                   MamoriWorkspace   *workspace)
{
  if (self->workspace != NULL)
    g_clear_signal_handler (&self->changed_id, self->workspace);
  g_set_object (&self->workspace, workspace);
  if (workspace != NULL)
    {
      self->changed_id = g_signal_connect (workspace, "changed", G_CALLBACK (workspace_changed), self);
      self->filling = TRUE;
      fill_choices (self, MAMORI_ASSET_FIELD_MANAGING_DEPARTMENT, self->departments, self->department_drop);
      fill_choices (self, MAMORI_ASSET_FIELD_MEDIUM, self->media, self->medium_drop);
      self->filling = FALSE;
    }
  mamori_heatmap_page_reload (self);
}

static void
filter_changed (GObject           *object,
                GParamSpec        *pspec,
                MamoriHeatmapPage *self)
{
  mamori_heatmap_page_reload (self);
}

static void
mamori_heatmap_page_dispose (GObject *object)
{
  MamoriHeatmapPage *self = MAMORI_HEATMAP_PAGE (object);

  g_clear_handle_id (&self->orientation_idle, g_source_remove);
  g_clear_pointer (&self->counter, mamori_worker_free);
  g_clear_pointer (&self->reviewer, mamori_worker_free);
  g_clear_pointer (&self->review_path, g_free);
  if (self->workspace != NULL)
    g_clear_signal_handler (&self->changed_id, self->workspace);
  g_clear_object (&self->workspace);
  g_clear_pointer (&self->current, mamori_heatmap_free);
  g_clear_pointer (&self->residual, mamori_heatmap_free);
  if (self->chooser != NULL)
    {
      gtk_native_dialog_destroy (self->chooser);
      g_clear_object (&self->chooser);
    }
  gtk_widget_dispose_template (GTK_WIDGET (object), MAMORI_TYPE_HEATMAP_PAGE);
  G_OBJECT_CLASS (mamori_heatmap_page_parent_class)->dispose (object);
}

/* In a narrow window the two maps stack instead of standing side by side. The box is turned
 * after the allocation (changing it during one would queue a resize inside it). */
#define MAPS_SIDE_BY_SIDE_MIN_WIDTH 720

static gboolean
apply_orientation (gpointer data)
{
  MamoriHeatmapPage *self = data;
  gboolean narrow = gtk_widget_get_width (GTK_WIDGET (self)) < MAPS_SIDE_BY_SIDE_MIN_WIDTH;

  self->orientation_idle = 0;
  gtk_orientable_set_orientation (GTK_ORIENTABLE (self->maps_box),
                                  narrow ? GTK_ORIENTATION_VERTICAL : GTK_ORIENTATION_HORIZONTAL);
  return G_SOURCE_REMOVE;
}

/* The page has a layout manager (AdwBin), so its size is watched through the maps' own
 * resize: whenever they change size, the page's width decides the box's orientation. */
static void
area_resized (GtkDrawingArea    *area,
              int                width,
              int                height,
              MamoriHeatmapPage *self)
{
  GtkOrientation want = gtk_widget_get_width (GTK_WIDGET (self)) < MAPS_SIDE_BY_SIDE_MIN_WIDTH
                          ? GTK_ORIENTATION_VERTICAL : GTK_ORIENTATION_HORIZONTAL;

  if (gtk_orientable_get_orientation (GTK_ORIENTABLE (self->maps_box)) != want && self->orientation_idle == 0)
    self->orientation_idle = g_idle_add (apply_orientation, self);
}

static void
mamori_heatmap_page_class_init (MamoriHeatmapPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = mamori_heatmap_page_dispose;
  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/mamori/Mamori/ui/mamori-heatmap-page.ui");
  gtk_widget_class_bind_template_child (widget_class, MamoriHeatmapPage, department_drop);
  gtk_widget_class_bind_template_child (widget_class, MamoriHeatmapPage, medium_drop);
  gtk_widget_class_bind_template_child (widget_class, MamoriHeatmapPage, grid_drop);
  gtk_widget_class_bind_template_child (widget_class, MamoriHeatmapPage, summary_label);
  gtk_widget_class_bind_template_child (widget_class, MamoriHeatmapPage, current_area);
  gtk_widget_class_bind_template_child (widget_class, MamoriHeatmapPage, residual_area);
  gtk_widget_class_bind_template_child (widget_class, MamoriHeatmapPage, content_stack);
  gtk_widget_class_bind_template_child (widget_class, MamoriHeatmapPage, maps_box);
  gtk_widget_class_install_action (widget_class, "heatmap.export", "s", export_action);
  gtk_widget_class_install_action (widget_class, "heatmap.export-review", NULL, export_review_action);
  gtk_widget_class_install_action (widget_class, "heatmap.present", NULL, present_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_F5, 0, "heatmap.present", NULL);
}

static void
mamori_heatmap_page_init (MamoriHeatmapPage *self)
{
  GtkDrawingArea *areas[2];

  gtk_widget_init_template (GTK_WIDGET (self));
  /* The maps until a count says the ledger is empty. */
  gtk_stack_set_visible_child_name (self->content_stack, "maps");
  areas[0] = self->current_area;
  areas[1] = self->residual_area;
  self->departments = gtk_string_list_new ((const char *[]) { _("All departments"), NULL });
  gtk_drop_down_set_model (self->department_drop, G_LIST_MODEL (self->departments));
  g_object_unref (self->departments);
  {
    GtkStringList *grids = gtk_string_list_new ((const char *[]) { _("Risk (the ledger’s method)"),
                                                                   _("Likelihood: threat × vulnerability"), NULL });
    gtk_drop_down_set_model (self->grid_drop, G_LIST_MODEL (grids));
    g_object_unref (grids);
  }
  self->media = gtk_string_list_new ((const char *[]) { _("All media"), NULL });
  gtk_drop_down_set_model (self->medium_drop, G_LIST_MODEL (self->media));
  g_object_unref (self->media);
  for (guint i = 0; i < G_N_ELEMENTS (areas); i++)
    {
      GtkGesture *click = gtk_gesture_click_new ();
      gtk_drawing_area_set_draw_func (areas[i], draw, self, NULL);
      g_signal_connect (areas[i], "query-tooltip", G_CALLBACK (query_tooltip), self);
      g_signal_connect (areas[i], "resize", G_CALLBACK (area_resized), self);
      g_signal_connect (click, "released", G_CALLBACK (area_clicked), self);
      gtk_widget_add_controller (GTK_WIDGET (areas[i]), GTK_EVENT_CONTROLLER (click));
      gtk_widget_set_cursor_from_name (GTK_WIDGET (areas[i]), "pointer");
    }
  g_signal_connect (self->department_drop, "notify::selected", G_CALLBACK (filter_changed), self);
  g_signal_connect (self->medium_drop, "notify::selected", G_CALLBACK (filter_changed), self);
  g_signal_connect (self->grid_drop, "notify::selected", G_CALLBACK (filter_changed), self);
}

void
mamori_heatmap_page_set_likelihood_grid (MamoriHeatmapPage *self,
                                         gboolean           likelihood)
{
  gtk_drop_down_set_selected (self->grid_drop, likelihood ? 1 : 0);
}
