/* mamori-pdf-view.c — PDF pages and thumbnails rendered by one worker thread.
 *
 * Every Poppler call for the shown document happens on the view's single worker (a thread
 * pool of one thread): reading the page sizes, then rendering each page to a texture. The
 * main thread only places the finished textures. A new document or zoom starts a new
 * generation; results of older generations are dropped when they arrive. */
#include "config.h"

#include <glib/gi18n.h>

#include "mamori-pdf-view.h"

#define THUMB_WIDTH 96.0

struct _MamoriPdfView {
  AdwBin parent_instance;

  GtkLabel *pages_label;
  GtkLabel *zoom_label;
  GtkSpinner *spinner;
  GtkListBox *thumbnails;
  GtkWidget *thumbs_scroller;
  GtkScrolledWindow *page_scroller;
  GtkBox *pages_box;

  PopplerDocument *document;   /* touched only by the worker */
  GThreadPool *pool;
  guint *generation;           /* shared with the jobs (the worker never touches the view) */
  guint pending;
  gboolean loading;
  gboolean fit_width;          /* zoom follows the width of the view until zoomed by hand */
  double zoom;
  guint n_pages;
  double *widths;              /* page sizes in points */
  double *heights;
  GPtrArray *pictures;         /* GtkPicture per page */
  GPtrArray *thumbs;           /* GtkPicture per thumbnail */
};

G_DEFINE_FINAL_TYPE (MamoriPdfView, mamori_pdf_view, ADW_TYPE_BIN)

typedef enum {
  JOB_SIZES,
  JOB_PAGE,
  JOB_THUMB,
} JobKind;

typedef struct {
  JobKind kind;
  GWeakRef view;
  PopplerDocument *document;
  guint *current;              /* the view's generation counter (a reference of its own) */
  guint generation;
  int page;
  double scale;
  /* results */
  GdkTexture *texture;
  guint n_pages;
  double *widths;
  double *heights;
} Job;

static void
job_free (Job *job)
{
  g_weak_ref_clear (&job->view);
  g_atomic_rc_box_release (job->current);
  g_clear_object (&job->document);
  g_clear_object (&job->texture);
  g_free (job->widths);
  g_free (job->heights);
  g_free (job);
}

static void
update_status (MamoriPdfView *self)
{
  g_autofree char *zoom = g_strdup_printf ("%.0f%%", self->zoom * 100);
  g_autofree char *pages = self->n_pages > 0
    ? g_strdup_printf (ngettext ("%u page", "%u pages", self->n_pages), self->n_pages) : g_strdup ("");

  gtk_label_set_text (self->zoom_label, zoom);
  gtk_label_set_text (self->pages_label, pages);
  if (self->pending > 0 || self->loading)
    gtk_spinner_start (self->spinner);
  else
    gtk_spinner_stop (self->spinner);
}

static void
queue (MamoriPdfView *self,
       JobKind        kind,
       int            page,
       double         scale)
{
  Job *job = g_new0 (Job, 1);

  job->kind = kind;
  g_weak_ref_init (&job->view, self);
  job->document = g_object_ref (self->document);
  job->current = g_atomic_rc_box_acquire (self->generation);
  job->generation = g_atomic_int_get ((int *) self->generation);
  job->page = page;
  job->scale = scale;
  self->pending++;
  g_thread_pool_push (self->pool, job, NULL);
  update_status (self);
}

static void
render_pages (MamoriPdfView *self)
{
  int factor = gtk_widget_get_scale_factor (GTK_WIDGET (self));

  for (guint i = 0; i < self->n_pages; i++)
    {
      GtkWidget *picture = self->pictures->pdata[i];
      gtk_widget_set_size_request (picture, (int) (self->widths[i] * self->zoom), (int) (self->heights[i] * self->zoom));
      queue (self, JOB_PAGE, i, self->zoom * factor);
    }
  for (guint i = 0; i < self->n_pages; i++)
    queue (self, JOB_THUMB, i, THUMB_WIDTH / self->widths[i] * factor);
}

static void
clear_pages (MamoriPdfView *self)
{
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->pages_box))) != NULL)
    gtk_box_remove (self->pages_box, child);
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->thumbnails))) != NULL)
    gtk_list_box_remove (self->thumbnails, child);
  g_ptr_array_set_size (self->pictures, 0);
  g_ptr_array_set_size (self->thumbs, 0);
  g_clear_pointer (&self->widths, g_free);
  g_clear_pointer (&self->heights, g_free);
  self->n_pages = 0;
}

static void
build_pages (MamoriPdfView *self,
             Job           *sizes)
{
  clear_pages (self);
  self->n_pages = sizes->n_pages;
  self->widths = g_steal_pointer (&sizes->widths);
  self->heights = g_steal_pointer (&sizes->heights);
  if (self->n_pages > 0)
    {
      /* Thumbnails only when there is room for them beside a readable page. */
      int width = gtk_widget_get_width (GTK_WIDGET (self));
      gboolean thumbs = width >= 560;
      int available = width - (thumbs ? (int) THUMB_WIDTH + 48 : 0) - 40;
      gtk_widget_set_visible (GTK_WIDGET (self->thumbs_scroller), thumbs);
      if (self->fit_width && available > 50)
        self->zoom = CLAMP (available / self->widths[0], 0.25, 4.0);
    }
  for (guint i = 0; i < self->n_pages; i++)
    {
      GtkWidget *picture = gtk_picture_new ();
      GtkWidget *thumb = gtk_picture_new ();
      GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 2);
      g_autofree char *number = g_strdup_printf ("%u", i + 1);
      GtkWidget *label = gtk_label_new (number);

      gtk_picture_set_can_shrink (GTK_PICTURE (picture), FALSE);
      gtk_widget_add_css_class (picture, "mamori-pdf-page");
      gtk_box_append (self->pages_box, picture);
      g_ptr_array_add (self->pictures, picture);

      gtk_widget_set_size_request (thumb, (int) THUMB_WIDTH, (int) (THUMB_WIDTH * self->heights[i] / self->widths[i]));
      gtk_widget_add_css_class (thumb, "mamori-pdf-page");
      gtk_widget_add_css_class (label, "caption");
      gtk_box_append (GTK_BOX (box), thumb);
      gtk_box_append (GTK_BOX (box), label);
      gtk_widget_set_margin_top (box, 4);
      gtk_widget_set_margin_bottom (box, 4);
      gtk_list_box_append (self->thumbnails, box);
      g_ptr_array_add (self->thumbs, thumb);
    }
  render_pages (self);
}

/* Main thread: a job is done. */
static gboolean
job_done (gpointer data)
{
  Job *job = data;
  g_autoptr(MamoriPdfView) self = g_weak_ref_get (&job->view);

  if (self == NULL)
    return G_SOURCE_REMOVE;
  self->pending--;
  if (job->generation == (guint) g_atomic_int_get ((int *) self->generation))
    {
      if (job->kind == JOB_SIZES)
        build_pages (self, job);
      else if (job->texture != NULL && job->page < (int) self->n_pages)
        {
          GPtrArray *targets = job->kind == JOB_PAGE ? self->pictures : self->thumbs;
          gtk_picture_set_paintable (targets->pdata[job->page], GDK_PAINTABLE (job->texture));
        }
    }
  update_status (self);
  return G_SOURCE_REMOVE;
}

/* Worker thread: the only place that touches the PopplerDocument. */
static void
run_job (gpointer data,
         gpointer user_data)
{
  Job *job = data;

  if (job->generation != (guint) g_atomic_int_get ((int *) job->current))
    {
      /* Superseded (or the view is gone): skip the work, only report back. */
    }
  else if (job->kind == JOB_SIZES)
    {
      job->n_pages = poppler_document_get_n_pages (job->document);
      job->widths = g_new0 (double, MAX (job->n_pages, 1));
      job->heights = g_new0 (double, MAX (job->n_pages, 1));
      for (guint i = 0; i < job->n_pages; i++)
        {
          PopplerPage *page = poppler_document_get_page (job->document, i);
          poppler_page_get_size (page, &job->widths[i], &job->heights[i]);
          g_object_unref (page);
        }
    }
  else
    {
      PopplerPage *page = poppler_document_get_page (job->document, job->page);
      double w, h;
      int pw, ph;
      cairo_surface_t *surface;
      cairo_t *cr;

      poppler_page_get_size (page, &w, &h);
      pw = MAX (1, (int) (w * job->scale));
      ph = MAX (1, (int) (h * job->scale));
      surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, pw, ph);
      cr = cairo_create (surface);
      cairo_set_source_rgb (cr, 1, 1, 1);
      cairo_paint (cr);
      cairo_scale (cr, job->scale, job->scale);
      poppler_page_render (page, cr);
      cairo_destroy (cr);
      cairo_surface_flush (surface);
      {
        g_autoptr(GBytes) bytes = g_bytes_new (cairo_image_surface_get_data (surface),
                                               (gsize) cairo_image_surface_get_stride (surface) * ph);
        job->texture = gdk_memory_texture_new (pw, ph, GDK_MEMORY_DEFAULT, bytes,
                                               cairo_image_surface_get_stride (surface));
      }
      cairo_surface_destroy (surface);
      g_object_unref (page);
    }
  /* Default priority, not idle: while the spinner animates, frames would starve idle sources. */
  g_main_context_invoke_full (NULL, G_PRIORITY_DEFAULT, job_done, job, (GDestroyNotify) job_free);
}

void
mamori_pdf_view_set_document (MamoriPdfView   *self,
                              PopplerDocument *document)
{
  g_atomic_int_inc ((int *) self->generation);
  g_clear_object (&self->document);
  if (document == NULL)
    {
      clear_pages (self);
      update_status (self);
      return;
    }
  self->document = g_object_ref (document);
  queue (self, JOB_SIZES, 0, 1);
}

gboolean
mamori_pdf_view_is_busy (MamoriPdfView *self)
{
  return self->pending > 0;
}

guint
mamori_pdf_view_get_n_pages (MamoriPdfView *self)
{
  return self->n_pages;
}

void
mamori_pdf_view_set_zoom (MamoriPdfView *self,
                          double         zoom)
{
  zoom = CLAMP (zoom, 0.25, 4.0);
  if (zoom == self->zoom)
    return;
  self->zoom = zoom;
  if (self->document != NULL && self->n_pages > 0)
    {
      g_atomic_int_inc ((int *) self->generation);
      render_pages (self);
    }
  update_status (self);
}

void
mamori_pdf_view_set_loading (MamoriPdfView *self,
                             gboolean       loading)
{
  self->loading = loading;
  update_status (self);
}

static void
zoom_action (GtkWidget  *widget,
             const char *name,
             GVariant   *parameter)
{
  MamoriPdfView *self = MAMORI_PDF_VIEW (widget);
  self->fit_width = FALSE;
  mamori_pdf_view_set_zoom (self, self->zoom * (g_str_equal (name, "pdf.zoom-in") ? 1.25 : 0.8));
}

static void
thumbnail_activated (GtkListBox    *box,
                     GtkListBoxRow *row,
                     MamoriPdfView *self)
{
  int index = gtk_list_box_row_get_index (row);
  graphene_point_t p;

  if (index < 0 || (guint) index >= self->pictures->len)
    return;
  if (gtk_widget_compute_point (self->pictures->pdata[index], GTK_WIDGET (self->pages_box), &GRAPHENE_POINT_INIT (0, 0), &p))
    gtk_adjustment_set_value (gtk_scrolled_window_get_vadjustment (self->page_scroller), p.y);
}

static void
mamori_pdf_view_dispose (GObject *object)
{
  MamoriPdfView *self = MAMORI_PDF_VIEW (object);

  g_atomic_int_inc ((int *) self->generation);
  if (self->pool != NULL)
    {
      /* Let the running job finish (it holds its own reference); drop the queued ones. */
      g_thread_pool_free (self->pool, TRUE, TRUE);
      self->pool = NULL;
    }
  g_clear_object (&self->document);
  gtk_widget_dispose_template (GTK_WIDGET (object), MAMORI_TYPE_PDF_VIEW);
  G_OBJECT_CLASS (mamori_pdf_view_parent_class)->dispose (object);
}

static void
mamori_pdf_view_finalize (GObject *object)
{
  MamoriPdfView *self = MAMORI_PDF_VIEW (object);

  g_ptr_array_unref (self->pictures);
  g_ptr_array_unref (self->thumbs);
  g_atomic_rc_box_release (self->generation);
  g_free (self->widths);
  g_free (self->heights);
  G_OBJECT_CLASS (mamori_pdf_view_parent_class)->finalize (object);
}

static void
mamori_pdf_view_class_init (MamoriPdfViewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = mamori_pdf_view_dispose;
  object_class->finalize = mamori_pdf_view_finalize;
  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/mamori/Mamori/ui/mamori-pdf-view.ui");
  gtk_widget_class_bind_template_child (widget_class, MamoriPdfView, pages_label);
  gtk_widget_class_bind_template_child (widget_class, MamoriPdfView, zoom_label);
  gtk_widget_class_bind_template_child (widget_class, MamoriPdfView, spinner);
  gtk_widget_class_bind_template_child (widget_class, MamoriPdfView, thumbnails);
  gtk_widget_class_bind_template_child (widget_class, MamoriPdfView, thumbs_scroller);
  gtk_widget_class_bind_template_child (widget_class, MamoriPdfView, page_scroller);
  gtk_widget_class_bind_template_child (widget_class, MamoriPdfView, pages_box);
  gtk_widget_class_install_action (widget_class, "pdf.zoom-in", NULL, zoom_action);
  gtk_widget_class_install_action (widget_class, "pdf.zoom-out", NULL, zoom_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_plus, GDK_CONTROL_MASK, "pdf.zoom-in", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_equal, GDK_CONTROL_MASK, "pdf.zoom-in", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_minus, GDK_CONTROL_MASK, "pdf.zoom-out", NULL);
}

static void
mamori_pdf_view_init (MamoriPdfView *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  self->zoom = 1.0;
  self->fit_width = TRUE;
  self->pictures = g_ptr_array_new ();
  self->thumbs = g_ptr_array_new ();
  /* One worker, so one thread at a time touches a document. */
  self->generation = g_atomic_rc_box_new0 (guint);
  self->pool = g_thread_pool_new_full (run_job, NULL, (GDestroyNotify) job_free, 1, FALSE, NULL);
  g_signal_connect (self->thumbnails, "row-activated", G_CALLBACK (thumbnail_activated), self);
  update_status (self);
}

