/* mamori-presentation-window.c — the management-review slides, drawn large for a projector:
 * the risk heatmap now, after the planned measures, the ten highest risks, the self-diagnosis
 * score trend and the overdue measures. Data is read once when the window opens. */
#include "config.h"

#include <glib/gi18n.h>
#include <pango/pangocairo.h>

#include "core/mamori-checklist.h"
#include "core/mamori-date.h"
#include "core/mamori-display.h"
#include "mamori-presentation-window.h"
#include "mamori-presentation-window-private.h"
#include "mamori-widget-util.h"
#include "report/mamori-chart.h"
#include "report/mamori-fonts.h"
#include "report/mamori-heatmap-draw.h"
#include "store/mamori-assessments.h"
#include "store/mamori-assets.h"

enum {
  SLIDE_CURRENT,
  SLIDE_RESIDUAL,
  SLIDE_TOP,
  SLIDE_TREND,
  SLIDE_OVERDUE,
  N_SLIDES
};

struct _MamoriPresentationWindow {
  AdwWindow parent_instance;

  GtkDrawingArea *area;

  guint slide;
  char *family;
  char *organisation;
  MamoriHeatmap *current;
  MamoriHeatmap *residual;
  GPtrArray *top;        /* char*: "value band — name (department) — measure" */
  GArray *scores;        /* double */
  GPtrArray *dates;      /* char* */
  GPtrArray *overdue;    /* char*: "due — item or asset — measure — owner" */
};

G_DEFINE_FINAL_TYPE (MamoriPresentationWindow, mamori_presentation_window, ADW_TYPE_WINDOW)

static const char *
slide_title (guint slide)
{
  switch (slide)
    {
    case SLIDE_CURRENT: return _("Risk now");
    case SLIDE_RESIDUAL: return _("After the planned measures");
    case SLIDE_TOP: return _("The ten highest risks");
    case SLIDE_TREND: return _("Self-diagnosis score");
    case SLIDE_OVERDUE: return _("Overdue measures");
    default: return "";
    }
}

static double
line (cairo_t    *cr,
      const char *family,
      double      size,
      gboolean    bold,
      const char *text,
      double      x,
      double      y,
      double      width)
{
  PangoLayout *layout = pango_cairo_create_layout (cr);
  PangoFontDescription *desc = pango_font_description_from_string (family);
  int h;

  pango_font_description_set_absolute_size (desc, size * PANGO_SCALE);
  if (bold)
    pango_font_description_set_weight (desc, PANGO_WEIGHT_BOLD);
  pango_layout_set_font_description (layout, desc);
  pango_layout_set_width (layout, (int) (width * PANGO_SCALE));
  /* Wrapped, never cut short: a slide shows the whole line. */
  pango_layout_set_wrap (layout, PANGO_WRAP_WORD_CHAR);
  pango_layout_set_text (layout, text, -1);
  pango_layout_get_pixel_size (layout, NULL, &h);
  cairo_move_to (cr, x, y);
  pango_cairo_show_layout (cr, layout);
  pango_font_description_free (desc);
  g_object_unref (layout);
  return h;
}

static void
draw_list (MamoriPresentationWindow *self,
           cairo_t                  *cr,
           GPtrArray                *items,
           const char               *empty,
           double                    x,
           double                    y,
           double                    width,
           double                    size)
{
  if (items->len == 0)
    {
      line (cr, self->family, size, FALSE, empty, x, y, width);
      return;
    }
  for (guint i = 0; i < items->len; i++)
    y += line (cr, self->family, size, FALSE, items->pdata[i], x, y, width) + size * 0.45;
}

static void
draw (GtkDrawingArea *area,
      cairo_t        *cr,
      int             width,
      int             height,
      gpointer        user_data)
{
  MamoriPresentationWindow *self = user_data;
  double s = MIN (width / 1280.0, height / 800.0), margin = 48 * s, top = margin + 80 * s;
  g_autofree char *counter = g_strdup_printf ("%u / %u", self->slide + 1, N_SLIDES);

  cairo_set_source_rgb (cr, 1, 1, 1);
  cairo_paint (cr);
  cairo_set_source_rgb (cr, 0.1, 0.1, 0.1);
  line (cr, self->family, 40 * s, TRUE, slide_title (self->slide), margin, margin, width - 2 * margin);
  cairo_set_source_rgb (cr, 0.4, 0.4, 0.4);
  line (cr, self->family, 18 * s, FALSE, self->organisation, margin, height - margin, width / 2.0);
  line (cr, self->family, 18 * s, FALSE, counter, width - margin - 120 * s, height - margin, 120 * s);
  cairo_set_source_rgb (cr, 0.1, 0.1, 0.1);
  switch (self->slide)
    {
    case SLIDE_CURRENT:
    case SLIDE_RESIDUAL:
      {
        MamoriHeatmapLabels labels = { " ", NULL, mamori_text_user_lang (),
                                       self->slide == SLIDE_RESIDUAL ? self->current : NULL };
        const MamoriHeatmap *h = self->slide == SLIDE_RESIDUAL ? self->residual : self->current;
        cairo_save (cr);
        cairo_translate (cr, margin, top - 40 * s);
        if (h != NULL)
          mamori_heatmap_draw (cr, h, &labels, width - 2 * margin, height - top - margin - 10 * s);
        cairo_restore (cr);
        break;
      }
    case SLIDE_TOP:
      draw_list (self, cr, self->top, _("No assets in the ledger yet."), margin, top, width - 2 * margin, 24 * s);
      break;
    case SLIDE_TREND:
      if (self->scores->len == 0)
        line (cr, self->family, 24 * s, FALSE, _("No completed self-diagnosis yet."), margin, top, width - 2 * margin);
      else
        {
          MamoriChartStyle style;
          mamori_chart_style_default (&style);
          style.font = self->family;
          style.font_size = 18 * s;
          cairo_save (cr);
          cairo_translate (cr, margin, top);
          mamori_chart_draw_trend (cr, width - 2 * margin, height - top - 2 * margin, (const double *) self->scores->data,
                                   (const char * const *) self->dates->pdata, self->scores->len, -25, 100, &style);
          cairo_restore (cr);
        }
      break;
    case SLIDE_OVERDUE:
      draw_list (self, cr, self->overdue, _("No measure is overdue."), margin, top, width - 2 * margin, 24 * s);
      break;
    default:
      break;
    }
}

void
mamori_presentation_window_move (MamoriPresentationWindow *self,
                                 int                       delta)
{
  int slide = CLAMP ((int) self->slide + delta, 0, N_SLIDES - 1);

  if ((guint) slide == self->slide)
    return;
  self->slide = slide;
  gtk_widget_queue_draw (GTK_WIDGET (self->area));
}

guint
mamori_presentation_window_get_slide (MamoriPresentationWindow *self)
{
  return self->slide;
}

guint
mamori_presentation_window_get_n_slides (MamoriPresentationWindow *self)
{
  return N_SLIDES;
}

const char *
mamori_presentation_window_get_title (MamoriPresentationWindow *self)
{
  return slide_title (self->slide);
}

static gboolean
key_pressed (GtkEventControllerKey    *controller,
             guint                     keyval,
             guint                     keycode,
             GdkModifierType           state,
             MamoriPresentationWindow *self)
{
  switch (keyval)
    {
    case GDK_KEY_Right:
    case GDK_KEY_Down:
    case GDK_KEY_Page_Down:
    case GDK_KEY_space:
      mamori_presentation_window_move (self, 1);
      return GDK_EVENT_STOP;
    case GDK_KEY_Left:
    case GDK_KEY_Up:
    case GDK_KEY_Page_Up:
    case GDK_KEY_BackSpace:
      mamori_presentation_window_move (self, -1);
      return GDK_EVENT_STOP;
    case GDK_KEY_Home:
      mamori_presentation_window_move (self, -N_SLIDES);
      return GDK_EVENT_STOP;
    case GDK_KEY_End:
      mamori_presentation_window_move (self, N_SLIDES);
      return GDK_EVENT_STOP;
    case GDK_KEY_Escape:
      gtk_window_close (GTK_WINDOW (self));
      return GDK_EVENT_STOP;
    default:
      return GDK_EVENT_PROPAGATE;
    }
}

static void
clicked (GtkGestureClick          *gesture,
         int                       n_press,
         double                    x,
         double                    y,
         MamoriPresentationWindow *self)
{
  /* A click on the right half goes on, on the left half goes back. */
  mamori_presentation_window_move (self, x > gtk_widget_get_width (GTK_WIDGET (self->area)) / 2.0 ? 1 : -1);
}

/* Slides are read by people: dates as in the documents, never as stored (ISO). */
static char *
slide_date (const char *date)
{
  MamoriDateStyle style = mamori_date_get_default_style ();

  return mamori_date_format (date, mamori_text_user_lang (), style == MAMORI_DATE_ISO ? MAMORI_DATE_WESTERN : style);
}

static gboolean
load (MamoriPresentationWindow *self,
      MamoriWorkspace          *workspace,
      MamoriCatalog            *catalog,
      GError                  **error)
{
  g_autoptr(GPtrArray) overdue = NULL;
  g_autofree char *printed_today = NULL;
  MamoriRiskMethod method = mamori_workspace_get_risk_method (workspace);
  MamoriAssetQuery q = { .band = -1, .method = method, .sort = MAMORI_ASSET_SORT_RISK, .descending = TRUE };
  g_autoptr(GHashTable) threats = NULL;
  g_autoptr(GArray) ids = NULL;
  g_autoptr(GPtrArray) assessments = NULL;
  g_autoptr(MamoriProfile) profile = NULL;
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autofree char *today = g_date_time_format (now, "%Y-%m-%d");

  profile = mamori_workspace_get_profile (workspace, error);
  if (profile == NULL)
    return FALSE;
  printed_today = slide_date (today);
  self->organisation = g_strdup_printf ("%s　%s", profile->name ? profile->name : "", printed_today);
  self->current = mamori_workspace_get_heatmap (workspace, method, FALSE, NULL, NULL, error);
  self->residual = self->current ? mamori_workspace_get_heatmap (workspace, method, TRUE, NULL, NULL, error) : NULL;
  threats = self->residual ? mamori_workspace_get_medium_threats (workspace, error) : NULL;
  ids = threats ? mamori_assets_query_ids (mamori_workspace_get_path (workspace), &q, NULL, error) : NULL;
  if (ids == NULL)
    return FALSE;
  for (guint i = 0; i < MIN (ids->len, 10); i++)
    {
      g_autoptr(MamoriAsset) a = mamori_workspace_get_asset (workspace, g_array_index (ids, gint64, i), error);
      MamoriAssetRisk r;
      if (a == NULL)
        return FALSE;
      mamori_asset_compute_risk (a, mamori_medium_threat_lookup (threats, a->medium), &r);
      g_ptr_array_add (self->top,
                       g_strdup_printf ("%u.  %d %s — %s (%s)%s%s", i + 1,
                                        method == MAMORI_RISK_METHOD_GOV5 ? r.value5 : r.risk,
                                        method == MAMORI_RISK_METHOD_GOV5 ? mamori_risk_matrix_gov5 ()->risk[r.level5].abbreviation
                                                                          : mamori_risk_band_label (r.band),
                                        a->name, a->managing_department, *a->measure ? " → " : "", a->measure));
    }
  assessments = mamori_workspace_list_assessments (workspace, "ipa-self-diagnosis", error);
  if (assessments == NULL)
    return FALSE;
  for (guint i = 0; i < assessments->len; i++)
    {
      MamoriAssessment *a = assessments->pdata[i];
      if (!a->completed)
        continue;
      g_array_append_val (self->scores, a->score);
      g_ptr_array_add (self->dates, slide_date (a->assessed_on));
    }
  overdue = mamori_workspace_list_overdue_measures (workspace, today, 12, error);
  if (overdue == NULL)
    return FALSE;
  for (guint i = 0; i < overdue->len; i++)
    {
      MamoriOverdueMeasure *m = overdue->pdata[i];
      g_autofree char *due = slide_date (m->due);
      g_autofree char *source = mamori_measure_source_label (m->source, catalog, mamori_text_user_lang ());
      g_ptr_array_add (self->overdue, g_strdup_printf ("%s — %s — %s%s%s", due, source, m->what,
                                                       *m->owner ? " — " : "", m->owner));
    }
  return TRUE;
}

static void
mamori_presentation_window_finalize (GObject *object)
{
  MamoriPresentationWindow *self = MAMORI_PRESENTATION_WINDOW (object);

  g_free (self->family);
  g_free (self->organisation);
  mamori_heatmap_free (self->current);
  mamori_heatmap_free (self->residual);
  g_ptr_array_unref (self->top);
  g_array_unref (self->scores);
  g_ptr_array_unref (self->dates);
  g_ptr_array_unref (self->overdue);
  G_OBJECT_CLASS (mamori_presentation_window_parent_class)->finalize (object);
}

static void
mamori_presentation_window_dispose (GObject *object)
{
  gtk_widget_dispose_template (GTK_WIDGET (object), MAMORI_TYPE_PRESENTATION_WINDOW);
  G_OBJECT_CLASS (mamori_presentation_window_parent_class)->dispose (object);
}

static void
mamori_presentation_window_class_init (MamoriPresentationWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = mamori_presentation_window_dispose;
  object_class->finalize = mamori_presentation_window_finalize;
  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/mamori/Mamori/ui/mamori-presentation-window.ui");
  gtk_widget_class_bind_template_child (widget_class, MamoriPresentationWindow, area);
}

static void
mamori_presentation_window_init (MamoriPresentationWindow *self)
{
  GtkEventController *keys = gtk_event_controller_key_new ();
  GtkGesture *click = gtk_gesture_click_new ();

  gtk_widget_init_template (GTK_WIDGET (self));
  self->family = mamori_report_font_family (MAMORI_FONT_HEADING, NULL);
  self->top = g_ptr_array_new_with_free_func (g_free);
  self->scores = g_array_new (FALSE, FALSE, sizeof (double));
  self->dates = g_ptr_array_new_with_free_func (g_free);
  self->overdue = g_ptr_array_new_with_free_func (g_free);
  gtk_drawing_area_set_draw_func (self->area, draw, self, NULL);
  g_signal_connect (keys, "key-pressed", G_CALLBACK (key_pressed), self);
  gtk_widget_add_controller (GTK_WIDGET (self), keys);
  g_signal_connect (click, "released", G_CALLBACK (clicked), self);
  gtk_widget_add_controller (GTK_WIDGET (self->area), GTK_EVENT_CONTROLLER (click));
}

MamoriPresentationWindow *
mamori_presentation_window_new (MamoriWorkspace *workspace,
                                MamoriCatalog   *catalog,
                                GtkWindow       *parent,
                                GError         **error)
{
  MamoriPresentationWindow *self = g_object_new (MAMORI_TYPE_PRESENTATION_WINDOW, "transient-for", parent, NULL);

  if (!load (self, workspace, catalog, error))
    {
      gtk_window_destroy (GTK_WINDOW (self));
      return NULL;
    }
  return self;
}
