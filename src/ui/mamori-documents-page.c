/* mamori-documents-page.c — drafting documents.
 *
 * The editor (GtkSourceView, Markdown highlighting) saves the text after a short pause; an
 * approved version is never changed: the first save after approval starts the next version.
 * The preview is laid out and turned into a PDF in a worker, then shown by MamoriPdfView,
 * which renders its pages on its own single worker; the window never waits for either. */
#include "config.h"

#include "core/mamori-date.h"

#include <glib/gi18n.h>
#include <gtksourceview/gtksource.h>
#include <poppler.h>

#include "core/mamori-diff.h"
#include "mamori-access-ui.h"
#include "mamori-documents-page.h"
#include "mamori-documents-page-private.h"
#include "mamori-classification-rows.h"
#include "mamori-new-document-window.h"
#include "mamori-pdf-view.h"
#include "mamori-widget-util.h"
#include "mamori-conflict-dialog.h"
#include "ops/mamori-worker.h"
#include "report/mamori-document.h"
#include "report/mamori-word.h"
#include "store/mamori-documents.h"

#define SAVE_DELAY_MS 800
#define PREVIEW_DELAY_MS 500

struct _MamoriDocumentsPage {
  AdwBin parent_instance;

  AdwFlap *flap;
  GtkListBox *list;
  GtkStack *stack;
  GtkLabel *title_label;
  GtkLabel *status_label;
  GtkLabel *notice_label;
  GtkButton *review_button;
  GtkButton *draft_button;
  GtkButton *approve_button;
  GtkSourceView *editor;
  MamoriPdfView *preview;

  MamoriWorkspace *workspace;
  gulong changed_id;
  GPtrArray *documents;        /* MamoriDocumentInfo* in list order */
  MamoriDocumentInfo *open;    /* the document in the editor, or NULL */
  gboolean loading;            /* TRUE while the editor is filled from the store */
  gboolean dirty;              /* unsaved edits */
  gboolean saving;
  /* The row version of the text in the editor as it was read or last saved: a save gives it
   * back, so someone else's save meanwhile is not overwritten unasked. */
  gint64 text_version;
  gboolean resolving;          /* the user is deciding between their text and the editor's */
  guint save_source;
  guint preview_source;
  MamoriWorker *previewer;     /* lays the preview out; the newest text wins */
  MamoriWorker *exporter;
  char *export_path;
  gboolean previewing;
  gboolean warned;             /* the font fallback has been mentioned */
  gboolean read_only;          /* the user's role may not change documents (the officer's) */
  GtkNativeDialog *chooser;
};

G_DEFINE_FINAL_TYPE (MamoriDocumentsPage, mamori_documents_page, ADW_TYPE_BIN)

static void schedule_preview (MamoriDocumentsPage *self, guint delay);

static const char *
status_label (MamoriDocumentStatus status)
{
  switch (status)
    {
    case MAMORI_DOCUMENT_REVIEW: return _("In review");
    case MAMORI_DOCUMENT_APPROVED: return _("Approved");
    case MAMORI_DOCUMENT_DRAFT:
    default: return _("Draft");
    }
}

/* --- the list ------------------------------------------------------------------------------------ */

/* A stored time (ISO 8601, UTC) as local "YYYY-MM-DD HH:MM". */
static char *
format_saved (const char *iso)
{
  g_autoptr(GDateTime) saved = g_date_time_new_from_iso8601 (iso, NULL);
  g_autoptr(GDateTime) local = saved ? g_date_time_to_local (saved) : NULL;

  return local ? g_date_time_format (local, "%Y-%m-%d %H:%M") : g_strdup (iso);
}

static void
row_selected (GtkListBox          *box,
              GtkListBoxRow       *row,
              MamoriDocumentsPage *self)
{
  int index = row ? gtk_list_box_row_get_index (row) : -1;
  gint64 id;

  if (index < 0 || (guint) index >= self->documents->len)
    return;
  id = ((MamoriDocumentInfo *) self->documents->pdata[index])->id;
  if (self->open == NULL || self->open->id != id)
    mamori_documents_page_open (self, id);
  /* Folded (a narrow window), the list gives the room back once a document is chosen. */
  if (adw_flap_get_folded (self->flap))
    adw_flap_set_reveal_flap (self->flap, FALSE);
}

static void
load_list (MamoriDocumentsPage *self)
{
  g_autoptr(GError) error = NULL;
  GtkWidget *child;

  g_ptr_array_set_size (self->documents, 0);
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->list))) != NULL)
    gtk_list_box_remove (self->list, child);
  if (self->workspace != NULL)
    {
      g_autoptr(GPtrArray) docs = mamori_workspace_list_documents (self->workspace, &error);
      if (docs == NULL)
        mamori_widget_show_error (GTK_WIDGET (self), _("Could Not Read the Documents"), error);
      for (guint i = 0; docs != NULL && i < docs->len; i++)
        {
          MamoriDocumentInfo *d = docs->pdata[i];
          GtkWidget *row = adw_action_row_new ();
          g_autofree char *subtitle = g_strdup_printf (_("Version %u · %s"), d->latest, status_label (d->status));
          adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), d->title);
          adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
          gtk_list_box_append (self->list, row);
          if (self->open != NULL && self->open->id == d->id)
            gtk_list_box_select_row (self->list, GTK_LIST_BOX_ROW (row));
        }
      if (docs != NULL)
        g_ptr_array_extend_and_steal (self->documents, g_steal_pointer (&docs));
    }
  gtk_stack_set_visible_child_name (self->stack, self->open != NULL ? "document" : "empty");
}

/* --- the open document --------------------------------------------------------------------------- */


/* The open document's scheduled review (NULL when it has no approved version). */
static MamoriDocumentReview *
open_review (MamoriDocumentsPage *self)
{
  g_autoptr(GPtrArray) reviews = NULL;

  if (self->open == NULL || self->workspace == NULL)
    return NULL;
  reviews = mamori_workspace_document_reviews (self->workspace, NULL);
  for (guint i = 0; reviews != NULL && i < reviews->len; i++)
    if (((MamoriDocumentReview *) reviews->pdata[i])->id == self->open->id)
      return g_ptr_array_steal_index (reviews, i);
  return NULL;
}

/* "Next review by 1 April 2027 (every 12 months)." and, when the data it was drafted from
 * changed after approval, "Review recommended". */
static char *
review_notice (MamoriDocumentsPage *self)
{
  g_autoptr(MamoriDocumentReview) r = open_review (self);
  g_autofree char *date = NULL;
  g_autofree char *when = NULL;

  if (r == NULL)
    return NULL;
  if (r->review_months == 0)
    when = g_strdup (_("No review is scheduled."));
  else
    {
      date = mamori_date_format (r->due_on, mamori_text_user_lang (), mamori_date_get_default_style ());
      when = g_strdup_printf (ngettext ("Next review by %s (every %u month).", "Next review by %s (every %u months).",
                                        r->review_months), date, r->review_months);
    }
  if (!r->data_changed)
    return g_steal_pointer (&when);
  return g_strdup_printf ("%s %s", when,
                          _("Review recommended: the organisation profile, the ledger or an assessment changed after "
                            "this version was approved."));
}

static void
update_header (MamoriDocumentsPage *self)
{
  MamoriDocumentInfo *d = self->open;
  g_autofree char *status = NULL;

  if (d == NULL)
    return;
  gtk_label_set_text (self->title_label, d->title);
  {
    g_autofree char *when = format_saved (d->updated_at);
    status = g_strdup_printf (_("Version %u · %s · last saved %s"), d->latest, status_label (d->status), when);
  }
  gtk_label_set_text (self->status_label, status);
  /* Only the steps that apply now are shown: draft → review → approved (or back to draft);
   * none to a role that only reads the documents. */
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "documents.review", !self->read_only && d->status == MAMORI_DOCUMENT_DRAFT);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "documents.draft", !self->read_only && d->status == MAMORI_DOCUMENT_REVIEW);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "documents.approve", !self->read_only && d->status == MAMORI_DOCUMENT_REVIEW);
  gtk_widget_set_visible (GTK_WIDGET (self->review_button), !self->read_only && d->status == MAMORI_DOCUMENT_DRAFT);
  gtk_widget_set_visible (GTK_WIDGET (self->draft_button), !self->read_only && d->status == MAMORI_DOCUMENT_REVIEW);
  gtk_widget_set_visible (GTK_WIDGET (self->approve_button), !self->read_only && d->status == MAMORI_DOCUMENT_REVIEW);
  if (self->read_only)
    {
      /* One line in the editor's place of the approval notice (the role bar says the rest). */
      g_autofree char *review = d->status == MAMORI_DOCUMENT_APPROVED ? review_notice (self) : NULL;
      const char *note = _("Read-only: only the officer changes documents.");
      g_autofree char *text = review ? g_strconcat (note, "\n", review, NULL) : g_strdup (note);
      gtk_label_set_text (self->notice_label, text);
      gtk_widget_set_visible (GTK_WIDGET (self->notice_label), TRUE);
      return;
    }
  if (d->status == MAMORI_DOCUMENT_APPROVED)
    {
      g_autofree char *notice = g_strdup_printf (_("Version %u is approved and stays as it is. Editing the text starts version %u."),
                                                 d->latest, d->latest + 1);
      g_autofree char *review = review_notice (self);
      g_autofree char *text = review ? g_strconcat (notice, "\n", review, NULL) : g_strdup (notice);
      gtk_label_set_text (self->notice_label, text);
    }
  gtk_widget_set_visible (GTK_WIDGET (self->notice_label), d->status == MAMORI_DOCUMENT_APPROVED);
}

static gboolean
reload_open (MamoriDocumentsPage *self)
{
  g_autoptr(GError) error = NULL;
  MamoriDocumentInfo *info;

  if (self->open == NULL)
    return FALSE;
  info = mamori_workspace_get_document (self->workspace, self->open->id, &error);
  if (info == NULL)
    {
      mamori_widget_show_error (GTK_WIDGET (self), _("Could Not Read the Document"), error);
      return FALSE;
    }
  mamori_document_info_free (self->open);
  self->open = info;
  update_header (self);
  return TRUE;
}

char *
mamori_documents_page_get_text (MamoriDocumentsPage *self)
{
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (GTK_TEXT_VIEW (self->editor));
  GtkTextIter start, end;

  gtk_text_buffer_get_bounds (buffer, &start, &end);
  return gtk_text_buffer_get_text (buffer, &start, &end, FALSE);
}

void
mamori_documents_page_set_text (MamoriDocumentsPage *self,
                                const char          *text)
{
  gtk_text_buffer_set_text (gtk_text_view_get_buffer (GTK_TEXT_VIEW (self->editor)), text, -1);
}

static void ask_conflict (MamoriDocumentsPage *self);

gboolean
mamori_documents_page_save (MamoriDocumentsPage *self)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *text = NULL;
  gboolean ok;
  gint64 version;

  g_clear_handle_id (&self->save_source, g_source_remove);
  if (self->open == NULL || !self->dirty)
    return TRUE;
  /* Not saved until the user decides between theirs and the editor's. */
  if (self->resolving)
    return FALSE;
  text = mamori_documents_page_get_text (self);
  version = self->text_version;
  self->saving = TRUE;
  ok = mamori_workspace_save_document_checked (self->workspace, self->open->id, text, NULL, &version, &error);
  self->saving = FALSE;
  if (!ok && g_error_matches (error, MAMORI_WORKSPACE_ERROR, MAMORI_WORKSPACE_ERROR_CONFLICT))
    {
      ask_conflict (self);
      return FALSE;
    }
  if (!ok)
    {
      mamori_widget_show_error (GTK_WIDGET (self), _("Could Not Save the Document"), error);
      return FALSE;
    }
  self->text_version = version;
  self->dirty = FALSE;
  {
    guint before = self->open->latest;
    reload_open (self);
    /* A save after approval started a new version: the preview shows it from now on. */
    if (self->open->latest != before)
      schedule_preview (self, 0);
  }
  load_list (self);
  return TRUE;
}

typedef struct {
  MamoriDocumentsPage *self;
  MamoriWorkspace *workspace;
  gint64 id;
  gint64 theirs;     /* the row version of their text */
  char *markdown;    /* their text */
} Conflict;

static void
conflict_free (gpointer data)
{
  Conflict *c = data;

  g_object_unref (c->self);
  g_object_unref (c->workspace);
  g_free (c->markdown);
  g_free (c);
}

static void
conflict_decided (gboolean keep_mine,
                  gpointer data)
{
  Conflict *c = data;
  MamoriDocumentsPage *self = c->self;

  self->resolving = FALSE;
  /* Another document or workspace is open by now: theirs is what is stored. */
  if (self->workspace != c->workspace || self->open == NULL || self->open->id != c->id)
    return;
  self->text_version = c->theirs;
  if (keep_mine)
    {
      /* The editor's text over theirs (asks again if someone saved once more). */
      self->dirty = TRUE;
      mamori_documents_page_save (self);
      return;
    }
  g_clear_handle_id (&self->save_source, g_source_remove);
  self->loading = TRUE;
  mamori_documents_page_set_text (self, c->markdown);
  self->loading = FALSE;
  self->dirty = FALSE;
  reload_open (self);
  load_list (self);
  schedule_preview (self, 0);
}

/* Someone else saved the document (or moved or approved it) after the editor read it: their
 * text, read now, beside the editor's, and the user decides. */
static void
ask_conflict (MamoriDocumentsPage *self)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(MamoriDocumentInfo) info = mamori_workspace_get_document (self->workspace, self->open->id, &error);
  g_autoptr(GPtrArray) versions = info ? mamori_workspace_list_versions (self->workspace, self->open->id, &error) : NULL;
  MamoriDocumentVersion *newest;
  Conflict *c;
  g_autofree char *body = NULL;
  GtkWidget *scroller, *view;

  if (versions == NULL || versions->len == 0)
    {
      mamori_widget_show_error (GTK_WIDGET (self), _("Could Not Read the Document"), error);
      return;
    }
  newest = versions->pdata[versions->len - 1];
  c = g_new0 (Conflict, 1);
  c->self = g_object_ref (self);
  c->workspace = g_object_ref (self->workspace);
  c->id = info->id;
  c->theirs = newest->row_version;
  c->markdown = g_strdup (newest->markdown);
  /* TRANSLATORS: %s: the document's title; %u: its version number; the last %s: its status (Draft, In review, Approved) */
  body = g_strdup_printf (_("While you were editing, someone else saved “%s” (version %u, %s). Their text is below; "
                            "yours is still in the editor. Keep yours to save it over theirs, or take theirs in its place."),
                          info->title, newest->number, status_label (newest->status));
  view = gtk_text_view_new ();
  gtk_text_view_set_editable (GTK_TEXT_VIEW (view), FALSE);
  gtk_text_view_set_wrap_mode (GTK_TEXT_VIEW (view), GTK_WRAP_WORD_CHAR);
  gtk_text_view_set_left_margin (GTK_TEXT_VIEW (view), 6);
  gtk_text_view_set_right_margin (GTK_TEXT_VIEW (view), 6);
  gtk_text_buffer_set_text (gtk_text_view_get_buffer (GTK_TEXT_VIEW (view)), newest->markdown, -1);
  gtk_accessible_update_property (GTK_ACCESSIBLE (view), GTK_ACCESSIBLE_PROPERTY_LABEL, _("Their text"), -1);
  scroller = gtk_scrolled_window_new ();
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scroller), view);
  gtk_scrolled_window_set_min_content_height (GTK_SCROLLED_WINDOW (scroller), 200);
  gtk_scrolled_window_set_policy (GTK_SCROLLED_WINDOW (scroller), GTK_POLICY_NEVER, GTK_POLICY_AUTOMATIC);
  gtk_widget_add_css_class (scroller, "card");
  self->resolving = TRUE;
  mamori_conflict_dialog_present (GTK_WIDGET (self), _("Someone Else Changed This Document"), body, scroller,
                                  conflict_decided, c, conflict_free);
}

static gboolean
save_timeout (gpointer data)
{
  MamoriDocumentsPage *self = data;

  self->save_source = 0;
  mamori_documents_page_save (self);
  return G_SOURCE_REMOVE;
}

static void
buffer_changed (GtkTextBuffer       *buffer,
                MamoriDocumentsPage *self)
{
  if (self->loading || self->open == NULL)
    return;
  self->dirty = TRUE;
  g_clear_handle_id (&self->save_source, g_source_remove);
  self->save_source = g_timeout_add (SAVE_DELAY_MS, save_timeout, self);
  schedule_preview (self, PREVIEW_DELAY_MS);
}

gboolean
mamori_documents_page_open (MamoriDocumentsPage *self,
                            gint64               id)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) versions = NULL;
  MamoriDocumentInfo *info;

  if (!mamori_documents_page_save (self))
    return FALSE;
  info = mamori_workspace_get_document (self->workspace, id, &error);
  versions = info ? mamori_workspace_list_versions (self->workspace, id, &error) : NULL;
  if (versions == NULL || versions->len == 0)
    {
      mamori_document_info_free (info);
      mamori_widget_show_error (GTK_WIDGET (self), _("Could Not Read the Document"), error);
      return FALSE;
    }
  g_clear_pointer (&self->open, mamori_document_info_free);
  self->open = info;
  self->loading = TRUE;
  mamori_documents_page_set_text (self, ((MamoriDocumentVersion *) versions->pdata[versions->len - 1])->markdown);
  self->text_version = ((MamoriDocumentVersion *) versions->pdata[versions->len - 1])->row_version;
  self->loading = FALSE;
  self->dirty = FALSE;
  update_header (self);
  load_list (self);
  mamori_pdf_view_set_document (self->preview, NULL);
  schedule_preview (self, 0);
  return TRUE;
}

gboolean
mamori_documents_page_is_read_only (MamoriDocumentsPage *self)
{
  return self->read_only;
}

gint64
mamori_documents_page_get_open (MamoriDocumentsPage *self)
{
  return self->open ? self->open->id : 0;
}

guint
mamori_documents_page_get_n_documents (MamoriDocumentsPage *self)
{
  return self->documents->len;
}

/* --- preview ------------------------------------------------------------------------------------- */

/* The print data with the editor's text: what the PDF will look like once saved. */
static MamoriDocumentPrint *
current_print (MamoriDocumentsPage *self,
               GError             **error)
{
  MamoriDocumentPrint *print = mamori_workspace_get_document_print (self->workspace, self->open->id, TRUE, error);

  if (print != NULL)
    {
      g_free (print->markdown);
      print->markdown = mamori_documents_page_get_text (self);
    }
  return print;
}

/* In the worker: the document laid out and opened as a PDF (the view then renders its pages). */
static gpointer
preview_thread (MamoriWorkspace  *workspace,
                gpointer          data,
                GCancellable     *cancellable,
                GError          **error)
{
  MamoriDocumentPrint *print = data;
  g_autoptr(MamoriLayout) layout = mamori_layout_new (print->markdown, &print->meta, error);
  g_autoptr(GBytes) bytes = NULL;
  PopplerDocument *document;

  if (layout == NULL)
    return NULL;
  bytes = mamori_layout_write_pdf_bytes (layout);
  /* Opened here; from now on only the view's worker touches it. */
  document = poppler_document_new_from_bytes (bytes, NULL, error);
  if (document != NULL && mamori_layout_get_warning (layout) != NULL)
    g_object_set_data_full (G_OBJECT (document), "mamori-font-warning", g_strdup (mamori_layout_get_warning (layout)), g_free);
  return document;
}

/* Only for the newest preview (the worker drops older ones). */
static void
preview_done (gpointer      owner,
              gpointer      result,
              const GError *error,
              gpointer      data)
{
  MamoriDocumentsPage *self = owner;
  PopplerDocument *document = result;

  self->previewing = FALSE;
  mamori_pdf_view_set_loading (self->preview, FALSE);
  if (document == NULL)
    {
      mamori_widget_show_error (GTK_WIDGET (self), _("Could Not Show the Preview"), error);
      return;
    }
  {
    /* A missing Japanese font: said once per document, the PDF still comes out. */
    const char *warning = g_object_get_data (G_OBJECT (document), "mamori-font-warning");
    if (warning != NULL && !self->warned)
      {
        self->warned = TRUE;
        mamori_widget_add_toast_object (GTK_WIDGET (self), adw_toast_new (warning));
      }
  }
  mamori_pdf_view_set_document (self->preview, document);
}

static gboolean
preview_timeout (gpointer data)
{
  MamoriDocumentsPage *self = data;
  g_autoptr(GError) error = NULL;
  MamoriDocumentPrint *print;

  self->preview_source = 0;
  if (self->open == NULL)
    return G_SOURCE_REMOVE;
  print = current_print (self, &error);
  if (print == NULL)
    {
      mamori_widget_show_error (GTK_WIDGET (self), _("Could Not Show the Preview"), error);
      return G_SOURCE_REMOVE;
    }
  if (self->previewer == NULL)
    self->previewer = mamori_worker_new (self);
  self->previewing = TRUE;
  mamori_pdf_view_set_loading (self->preview, TRUE);
  mamori_worker_run (self->previewer, NULL, FALSE, preview_thread, print, (GDestroyNotify) mamori_document_print_free,
                     g_object_unref, preview_done);
  return G_SOURCE_REMOVE;
}

static void
schedule_preview (MamoriDocumentsPage *self,
                  guint                delay)
{
  g_clear_handle_id (&self->preview_source, g_source_remove);
  self->preview_source = g_timeout_add (delay, preview_timeout, self);
}

gboolean
mamori_documents_page_is_previewing (MamoriDocumentsPage *self)
{
  return self->previewing || self->preview_source != 0 || mamori_pdf_view_is_busy (self->preview);
}

guint
mamori_documents_page_get_preview_pages (MamoriDocumentsPage *self)
{
  return mamori_pdf_view_get_n_pages (self->preview);
}

/* --- status ------------------------------------------------------------------------------------ */

static void
set_status (MamoriDocumentsPage *self,
            MamoriDocumentStatus status,
            const char          *approver,
            const char          *date)
{
  g_autoptr(GError) error = NULL;
  gint64 before;

  if (self->open == NULL || !mamori_documents_page_save (self))
    return;
  before = self->text_version;
  self->saving = TRUE;
  if (!mamori_workspace_set_document_status (self->workspace, self->open->id, status, approver, date, &error))
    mamori_widget_show_error (GTK_WIDGET (self), _("Could Not Change the Status"), error);
  self->saving = FALSE;
  reload_open (self);
  /* The status change added 1 to the editor's version; anything more is someone else's, which
   * the next save then asks about. */
  if (self->open != NULL && self->open->row_version == before + 1)
    self->text_version = before + 1;
  load_list (self);
  schedule_preview (self, 0);
}

static void
status_action (GtkWidget  *widget,
               const char *name,
               GVariant   *parameter)
{
  MamoriDocumentsPage *self = MAMORI_DOCUMENTS_PAGE (widget);
  set_status (self, g_str_equal (name, "documents.review") ? MAMORI_DOCUMENT_REVIEW : MAMORI_DOCUMENT_DRAFT, NULL, NULL);
}

static void
approve_response (AdwMessageDialog    *dialog,
                  const char          *response,
                  MamoriDocumentsPage *self)
{
  GtkWidget *box = adw_message_dialog_get_extra_child (dialog);
  GtkWidget *who = gtk_widget_get_first_child (box);
  GtkWidget *when = gtk_widget_get_next_sibling (who);

  if (g_str_equal (response, "approve"))
    set_status (self, MAMORI_DOCUMENT_APPROVED, gtk_editable_get_text (GTK_EDITABLE (who)),
                gtk_editable_get_text (GTK_EDITABLE (when)));
}

static void
approve_action (GtkWidget  *widget,
                const char *name,
                GVariant   *parameter)
{
  MamoriDocumentsPage *self = MAMORI_DOCUMENTS_PAGE (widget);
  GtkRoot *root = gtk_widget_get_root (widget);
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autofree char *today = g_date_time_format (now, "%Y-%m-%d");
  g_autofree char *body = NULL;
  GtkWidget *dialog, *box, *who, *when;

  if (self->open == NULL)
    return;
  body = g_strdup_printf (_("Version %u of “%s” will be final: later edits start a new version. The approver and the date go on the title page and into the revision table."),
                          self->open->latest, self->open->title);
  dialog = adw_message_dialog_new (GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL, _("Approve This Version?"), body);
  box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);
  who = gtk_entry_new ();
  gtk_entry_set_placeholder_text (GTK_ENTRY (who), _("Approver (title and name)"));
  when = gtk_entry_new ();
  gtk_editable_set_text (GTK_EDITABLE (when), today);
  gtk_entry_set_placeholder_text (GTK_ENTRY (when), _("Date (YYYY-MM-DD)"));
  gtk_box_append (GTK_BOX (box), who);
  gtk_box_append (GTK_BOX (box), when);
  adw_message_dialog_set_extra_child (ADW_MESSAGE_DIALOG (dialog), box);
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog), "cancel", _("_Cancel"), "approve", _("_Approve"), NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "approve", ADW_RESPONSE_SUGGESTED);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "approve");
  g_signal_connect_object (dialog, "response", G_CALLBACK (approve_response), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

/* --- history ------------------------------------------------------------------------------------- */

static void
show_diff (GtkButton *button,
           GtkWidget *text_view)
{
  const char *before = g_object_get_data (G_OBJECT (button), "mamori-before");
  const char *after = g_object_get_data (G_OBJECT (button), "mamori-after");
  g_autoptr(GPtrArray) lines = mamori_diff_lines (before, after);
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (GTK_TEXT_VIEW (text_view));
  GtkTextIter end;

  GtkTextMark *first_change = NULL;

  gtk_text_buffer_set_text (buffer, "", -1);
  for (guint i = 0; i < lines->len; i++)
    {
      MamoriDiffLine *l = lines->pdata[i];
      g_autofree char *text = g_strdup_printf ("%c %s\n", (char) l->op, l->text);
      gtk_text_buffer_get_end_iter (buffer, &end);
      if (first_change == NULL && l->op != MAMORI_DIFF_SAME)
        first_change = gtk_text_buffer_create_mark (buffer, NULL, &end, TRUE);
      /* The + and − marks carry the meaning; the colours only help. */
      gtk_text_buffer_insert_with_tags_by_name (buffer, &end, text, -1,
                                                l->op == MAMORI_DIFF_ADDED ? "added"
                                                : l->op == MAMORI_DIFF_REMOVED ? "removed" : "same", NULL);
    }
  /* Straight to the first change. */
  if (first_change != NULL)
    gtk_text_view_scroll_to_mark (GTK_TEXT_VIEW (text_view), first_change, 0.0, TRUE, 0.0, 0.1);
}

/* "Compare version A with version B", for any two versions. */
static void
compare_clicked (GtkButton *button,
                 GtkWidget *text_view)
{
  GPtrArray *versions = g_object_get_data (G_OBJECT (button), "mamori-versions");
  guint a = gtk_drop_down_get_selected (g_object_get_data (G_OBJECT (button), "mamori-from"));
  guint b = gtk_drop_down_get_selected (g_object_get_data (G_OBJECT (button), "mamori-to"));

  if (a >= versions->len || b >= versions->len)
    return;
  g_object_set_data_full (G_OBJECT (button), "mamori-before",
                          g_strdup (((MamoriDocumentVersion *) versions->pdata[a])->markdown), g_free);
  g_object_set_data_full (G_OBJECT (button), "mamori-after",
                          g_strdup (((MamoriDocumentVersion *) versions->pdata[b])->markdown), g_free);
  show_diff (button, text_view);
}

static void
review_months_changed (GtkSpinButton       *spin,
                       MamoriDocumentsPage *self)
{
  g_autoptr(GError) error = NULL;

  if (self->open == NULL)
    return;
  if (!mamori_workspace_set_document_review_months (self->workspace, self->open->id,
                                                    (guint) gtk_spin_button_get_value_as_int (spin), &error))
    mamori_widget_show_error (GTK_WIDGET (self), _("Could Not Save the Document"), error);
  else
    update_header (self);
}

/* The Versions window's classification: saved with its button, then the preview follows. */
static void
classification_save_clicked (GtkButton           *button,
                             MamoriDocumentsPage *self)
{
  GtkWidget *group = g_object_get_data (G_OBJECT (button), "mamori-group");
  g_autoptr(GError) error = NULL;
  g_autofree char *text = NULL;

  if (self->open == NULL)
    return;
  text = mamori_classification_rows_get_document (group, &error);
  if (text == NULL ||
      !mamori_workspace_set_document_classification (self->workspace, self->open->id, text, &error))
    {
      mamori_widget_show_error (GTK_WIDGET (button), _("Could Not Save the Document"), error);
      return;
    }
  reload_open (self);
  schedule_preview (self, 0);
  gtk_widget_set_sensitive (GTK_WIDGET (button), FALSE);
}

static void
classification_edited (GtkWidget *button)
{
  gtk_widget_set_sensitive (button, TRUE);
}

static void
history_action (GtkWidget  *widget,
                const char *name,
                GVariant   *parameter)
{
  MamoriDocumentsPage *self = MAMORI_DOCUMENTS_PAGE (widget);
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) versions = NULL;
  GtkWidget *window, *box, *group, *scroller, *text_view, *paned, *header, *page;
  GtkTextBuffer *buffer;
  GtkRoot *root = gtk_widget_get_root (widget);

  if (self->open == NULL || !mamori_documents_page_save (self))
    return;
  versions = mamori_workspace_list_versions (self->workspace, self->open->id, &error);
  if (versions == NULL)
    {
      mamori_widget_show_error (widget, _("Could Not Read the Document"), error);
      return;
    }
  window = adw_window_new ();
  gtk_window_set_title (GTK_WINDOW (window), _("Versions"));
  gtk_window_set_modal (GTK_WINDOW (window), TRUE);
  gtk_window_set_transient_for (GTK_WINDOW (window), GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL);
  gtk_window_set_default_size (GTK_WINDOW (window), 720, 620);
  box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  header = adw_header_bar_new ();
  gtk_box_append (GTK_BOX (box), header);
  paned = gtk_paned_new (GTK_ORIENTATION_VERTICAL);
  gtk_widget_set_vexpand (paned, TRUE);
  page = adw_preferences_page_new ();
  group = adw_preferences_group_new ();
  adw_preferences_group_set_title (ADW_PREFERENCES_GROUP (group), self->open->title);
  adw_preferences_group_set_description (ADW_PREFERENCES_GROUP (group),
                                         _("Each version with its status; show what changed from the version before."));
  adw_preferences_page_add (ADW_PREFERENCES_PAGE (page), ADW_PREFERENCES_GROUP (group));
  gtk_paned_set_start_child (GTK_PANED (paned), page);
  gtk_paned_set_position (GTK_PANED (paned), 260);
  text_view = gtk_text_view_new ();
  gtk_text_view_set_editable (GTK_TEXT_VIEW (text_view), FALSE);
  gtk_text_view_set_monospace (GTK_TEXT_VIEW (text_view), TRUE);
  gtk_text_view_set_wrap_mode (GTK_TEXT_VIEW (text_view), GTK_WRAP_WORD_CHAR);
  gtk_text_view_set_left_margin (GTK_TEXT_VIEW (text_view), 8);
  gtk_text_view_set_top_margin (GTK_TEXT_VIEW (text_view), 8);
  buffer = gtk_text_view_get_buffer (GTK_TEXT_VIEW (text_view));
  gtk_text_buffer_create_tag (buffer, "added", "paragraph-background", "#d4f4dd", "foreground", "#0b5a1e", NULL);
  gtk_text_buffer_create_tag (buffer, "removed", "paragraph-background", "#fbe0e0", "foreground", "#8a1111",
                              "strikethrough", TRUE, NULL);
  gtk_text_buffer_create_tag (buffer, "same", "foreground", "#555555", NULL);
  scroller = gtk_scrolled_window_new ();
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scroller), text_view);
  gtk_paned_set_end_child (GTK_PANED (paned), scroller);
  gtk_box_append (GTK_BOX (box), paned);
  adw_window_set_content (ADW_WINDOW (window), box);
  for (guint i = versions->len; i-- > 0;)
    {
      MamoriDocumentVersion *v = versions->pdata[i];
      GtkWidget *row = adw_action_row_new ();
      GtkWidget *button = gtk_button_new_with_label (_("Changes"));
      g_autofree char *title = g_strdup_printf (_("Version %u · %s"), v->number, status_label (v->status));
      g_autofree char *saved = format_saved (v->updated_at);
      g_autofree char *subtitle = v->status == MAMORI_DOCUMENT_APPROVED
        ? g_strdup_printf (_("Approved by %s on %s%s%s"), v->approver, v->approved_on, *v->summary ? " — " : "", v->summary)
        : g_strdup_printf (_("Last saved %s"), saved);
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
      adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
      gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
      gtk_widget_set_tooltip_text (button, _("Show what changed from the version before"));
      g_object_set_data_full (G_OBJECT (button), "mamori-before",
                              g_strdup (i > 0 ? ((MamoriDocumentVersion *) versions->pdata[i - 1])->markdown : ""), g_free);
      g_object_set_data_full (G_OBJECT (button), "mamori-after", g_strdup (v->markdown), g_free);
      g_signal_connect (button, "clicked", G_CALLBACK (show_diff), text_view);
      adw_action_row_add_suffix (ADW_ACTION_ROW (row), button);
      adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), row);
      if (i == versions->len - 1)
        show_diff (GTK_BUTTON (button), text_view);
    }
  if (versions->len > 1)
    {
      GtkWidget *row = adw_action_row_new ();
      g_autoptr(GtkStringList) names = gtk_string_list_new (NULL);
      GtkWidget *from, *to, *button = gtk_button_new_with_label (_("Compare"));
      for (guint i = 0; i < versions->len; i++)
        {
          g_autofree char *label = g_strdup_printf (_("Version %u"), ((MamoriDocumentVersion *) versions->pdata[i])->number);
          gtk_string_list_append (names, label);
        }
      from = gtk_drop_down_new (G_LIST_MODEL (g_object_ref (names)), NULL);
      to = gtk_drop_down_new (G_LIST_MODEL (g_object_ref (names)), NULL);
      gtk_drop_down_set_selected (GTK_DROP_DOWN (to), versions->len - 1);
      gtk_widget_set_tooltip_text (from, _("From this version"));
      gtk_widget_set_tooltip_text (to, _("To this version"));
      gtk_widget_set_valign (from, GTK_ALIGN_CENTER);
      gtk_widget_set_valign (to, GTK_ALIGN_CENTER);
      gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
      adw_action_row_add_suffix (ADW_ACTION_ROW (row), from);
      adw_action_row_add_suffix (ADW_ACTION_ROW (row), to);
      adw_action_row_add_suffix (ADW_ACTION_ROW (row), button);
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), _("Compare two versions"));
      g_object_set_data_full (G_OBJECT (button), "mamori-versions", g_ptr_array_ref (versions), (GDestroyNotify) g_ptr_array_unref);
      g_object_set_data (G_OBJECT (button), "mamori-from", from);
      g_object_set_data (G_OBJECT (button), "mamori-to", to);
      g_signal_connect (button, "clicked", G_CALLBACK (compare_clicked), text_view);
      adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), row);
    }
  {
    g_autoptr(MamoriDocumentReview) r = open_review (self);
    if (r != NULL)
      {
        GtkWidget *review_group = adw_preferences_group_new ();
        GtkWidget *row = adw_action_row_new ();
        GtkWidget *spin = gtk_spin_button_new_with_range (0, 120, 1);
        gtk_spin_button_set_value (GTK_SPIN_BUTTON (spin), r->review_months);
        gtk_widget_set_valign (spin, GTK_ALIGN_CENTER);
        gtk_accessible_update_property (GTK_ACCESSIBLE (spin), GTK_ACCESSIBLE_PROPERTY_LABEL, _("Review every (months)"), -1);
        adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), _("Review every (months)"));
        adw_action_row_set_subtitle (ADW_ACTION_ROW (row), _("The approved document is reviewed this often (0: no scheduled review); the calendar shows when."));
        adw_action_row_add_suffix (ADW_ACTION_ROW (row), spin);
        adw_action_row_set_activatable_widget (ADW_ACTION_ROW (row), spin);
        adw_preferences_group_set_title (ADW_PREFERENCES_GROUP (review_group), _("Review"));
        adw_preferences_group_add (ADW_PREFERENCES_GROUP (review_group), row);
        adw_preferences_page_add (ADW_PREFERENCES_PAGE (page), ADW_PREFERENCES_GROUP (review_group));
        g_signal_connect_object (spin, "value-changed", G_CALLBACK (review_months_changed), self, 0);
        if (self->read_only)
          {
            g_autofree char *why = mamori_access_ui_officer_only (self->workspace);
            mamori_access_ui_allow (spin, FALSE, why);
          }
      }
  }
  {
    GtkWidget *class_group = mamori_classification_rows_new_document (mamori_workspace_get_classification_scheme (self->workspace),
                                                                      self->open->lang, self->open->classification);
    GtkWidget *save = gtk_button_new_with_mnemonic (_("_Save"));

    gtk_widget_set_valign (save, GTK_ALIGN_CENTER);
    gtk_widget_set_sensitive (save, FALSE);
    gtk_widget_set_tooltip_text (save, _("Save the classification the cover and page headers print"));
    g_object_set_data (G_OBJECT (save), "mamori-group", class_group);
    g_signal_connect_object (save, "clicked", G_CALLBACK (classification_save_clicked), self, 0);
    adw_preferences_group_set_header_suffix (ADW_PREFERENCES_GROUP (class_group), save);
    /* Any change of a row makes it savable. */
    mamori_classification_rows_connect_changed (class_group, G_CALLBACK (classification_edited), save);
    adw_preferences_page_add (ADW_PREFERENCES_PAGE (page), ADW_PREFERENCES_GROUP (class_group));
    if (self->read_only)
      {
        /* The rows are read; the button stays off whatever is changed in them. */
        g_autofree char *why = mamori_access_ui_officer_only (self->workspace);
        GtkWidget *child;
        gtk_widget_set_visible (save, FALSE);
        for (child = gtk_widget_get_first_child (class_group); child != NULL; child = gtk_widget_get_next_sibling (child))
          mamori_access_ui_allow (child, FALSE, why);
      }
  }
  gtk_window_present (GTK_WINDOW (window));
}

/* --- export and print --------------------------------------------------------------------------- */

static void
export_done (gpointer        owner,
             MamoriOpResult *result,
             const GError   *error)
{
  MamoriDocumentsPage *self = owner;

  if (error != NULL)
    {
      mamori_widget_show_error (GTK_WIDGET (self), _("Could Not Export the Document"), error);
      return;
    }
  for (guint i = 0; i < result->warnings->len; i++)
    {
      g_autofree char *escaped = g_markup_escape_text (result->warnings->pdata[i], -1);
      mamori_widget_add_toast (GTK_WIDGET (self), escaped);
    }
  mamori_widget_add_saved_toast (GTK_WIDGET (self), self->export_path);
}

/* Saves the text, then exports what would be printed (the approved version when there is one)
 * with the "document" export operation in a worker. */
void
mamori_documents_page_export (MamoriDocumentsPage *self,
                              const char          *path)
{
  g_autofree char *id = NULL;
  MamoriOpRequest request = { .path = path };

  if (self->open == NULL || !mamori_documents_page_save (self))
    return;
  id = g_strdup_printf ("%" G_GINT64_FORMAT, self->open->id);
  request.id = id;
  g_free (self->export_path);
  self->export_path = g_strdup (path);
  if (self->exporter == NULL)
    self->exporter = mamori_worker_new (self);
  mamori_worker_run_op (self->exporter, mamori_op_find (MAMORI_OP_EXPORT, "document"),
                        mamori_workspace_get_path (self->workspace), &request, export_done);
}

gboolean
mamori_documents_page_is_exporting (MamoriDocumentsPage *self)
{
  return self->exporter != NULL && mamori_worker_is_running (self->exporter);
}

static void
chooser_response (GtkNativeDialog     *dialog,
                  int                  response,
                  MamoriDocumentsPage *self)
{
  if (response == GTK_RESPONSE_ACCEPT)
    {
      g_autofree char *path = mamori_export_chooser_get_path (GTK_FILE_CHOOSER (dialog));
      if (path != NULL)
        mamori_documents_page_export (self, path);
    }
  gtk_native_dialog_destroy (dialog);
  g_clear_object (&self->chooser);
}

static void
export_action (GtkWidget  *widget,
               const char *name,
               GVariant   *parameter)
{
  MamoriDocumentsPage *self = MAMORI_DOCUMENTS_PAGE (widget);
  GtkRoot *root = gtk_widget_get_root (widget);
  GtkFileChooserNative *chooser;
  g_autofree char *suggested = NULL;

  if (self->open == NULL || self->chooser != NULL)
    return;
  chooser = gtk_file_chooser_native_new (_("Export the Document"), GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL,
                                         GTK_FILE_CHOOSER_ACTION_SAVE, _("_Export"), _("_Cancel"));
  suggested = g_strdup_printf ("%s.pdf", self->open->title);
  mamori_export_chooser_add_formats (GTK_FILE_CHOOSER (chooser));
  gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (chooser), suggested);
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (chooser), TRUE);
  g_signal_connect (chooser, "response", G_CALLBACK (chooser_response), self);
  self->chooser = GTK_NATIVE_DIALOG (chooser);
  gtk_native_dialog_show (self->chooser);
}

static void
print_begin (GtkPrintOperation *operation,
             GtkPrintContext   *context,
             MamoriLayout      *layout)
{
  gtk_print_operation_set_n_pages (operation, mamori_layout_get_n_pages (layout));
}

static void
print_draw_page (GtkPrintOperation *operation,
                 GtkPrintContext   *context,
                 int                page,
                 MamoriLayout      *layout)
{
  mamori_layout_render_page (layout, gtk_print_context_get_cairo_context (context), page);
}

/* Prints through GtkPrintOperation: with the dialog, or (export_path set) straight to a PDF
 * file, which is how the tests check the print path. Returns the number of pages sent. */
static int
run_print (MamoriDocumentsPage *self,
           const char          *export_path)
{
  GtkWidget *widget = GTK_WIDGET (self);
  g_autoptr(GError) error = NULL;
  g_autoptr(MamoriDocumentPrint) print = NULL;
  g_autoptr(GtkPrintOperation) operation = NULL;
  g_autoptr(GtkPageSetup) setup = gtk_page_setup_new ();
  g_autoptr(GtkPaperSize) a4 = gtk_paper_size_new (GTK_PAPER_NAME_A4);
  MamoriLayout *layout;
  GtkRoot *root = gtk_widget_get_root (widget);

  int n_pages;

  if (self->open == NULL || !mamori_documents_page_save (self))
    return 0;
  print = mamori_workspace_get_document_print (self->workspace, self->open->id, FALSE, &error);
  layout = print ? mamori_layout_new (print->markdown, &print->meta, &error) : NULL;
  if (layout == NULL)
    {
      mamori_widget_show_error (widget, _("Could Not Print"), error);
      return 0;
    }
  n_pages = mamori_layout_get_n_pages (layout);
  /* The same pages as the PDF: A4, drawn in points from the paper's corner. */
  operation = gtk_print_operation_new ();
  gtk_page_setup_set_paper_size_and_default_margins (setup, a4);
  gtk_print_operation_set_default_page_setup (operation, setup);
  gtk_print_operation_set_unit (operation, GTK_UNIT_POINTS);
  gtk_print_operation_set_use_full_page (operation, TRUE);
  gtk_print_operation_set_job_name (operation, self->open->title);
  g_signal_connect (operation, "begin-print", G_CALLBACK (print_begin), layout);
  g_signal_connect (operation, "draw-page", G_CALLBACK (print_draw_page), layout);
  g_object_set_data_full (G_OBJECT (operation), "mamori-layout", layout, (GDestroyNotify) mamori_layout_free);
  if (export_path != NULL)
    gtk_print_operation_set_export_filename (operation, export_path);
  if (gtk_print_operation_run (operation, export_path ? GTK_PRINT_OPERATION_ACTION_EXPORT : GTK_PRINT_OPERATION_ACTION_PRINT_DIALOG,
                               GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL, &error) == GTK_PRINT_OPERATION_RESULT_ERROR)
    {
      mamori_widget_show_error (widget, _("Could Not Print"), error);
      return 0;
    }
  return n_pages;
}

int
mamori_documents_page_print_to_file (MamoriDocumentsPage *self,
                                     const char          *path)
{
  return run_print (self, path);
}

static void
print_action (GtkWidget  *widget,
              const char *name,
              GVariant   *parameter)
{
  run_print (MAMORI_DOCUMENTS_PAGE (widget), NULL);
}

/* --- new documents ------------------------------------------------------------------------------- */

static void
document_created (MamoriNewDocumentWindow *window,
                  gint64                   id,
                  MamoriDocumentsPage     *self)
{
  load_list (self);
  mamori_documents_page_open (self, id);
}

static void
new_action (GtkWidget  *widget,
            const char *name,
            GVariant   *parameter)
{
  MamoriDocumentsPage *self = MAMORI_DOCUMENTS_PAGE (widget);
  GtkRoot *root = gtk_widget_get_root (widget);
  MamoriNewDocumentWindow *window;

  if (self->workspace == NULL)
    return;
  window = mamori_new_document_window_new (self->workspace, GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL);
  g_signal_connect_object (window, "created", G_CALLBACK (document_created), self, 0);
  gtk_window_present (GTK_WINDOW (window));
}

static void
save_action (GtkWidget  *widget,
             const char *name,
             GVariant   *parameter)
{
  mamori_documents_page_save (MAMORI_DOCUMENTS_PAGE (widget));
}

/* --- workspace ------------------------------------------------------------------------------------ */

/* Only the officer changes documents: the others read, export and print them, and the editor
 * does not take typing. */
static void
update_access (MamoriDocumentsPage *self)
{
  self->read_only = !mamori_access_ui_is_officer (self->workspace);
  gtk_text_view_set_editable (GTK_TEXT_VIEW (self->editor), !self->read_only);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "documents.new", !self->read_only);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "documents.save", !self->read_only);
  update_header (self);
}

static void
workspace_changed (MamoriWorkspace     *workspace,
                   const char          *entity,
                   MamoriDocumentsPage *self)
{
  if (g_str_equal (entity, "document") && !self->saving)
    load_list (self);
  else if (g_str_equal (entity, "settings"))
    update_access (self);   /* the roles may have changed */
}

void
mamori_documents_page_set_workspace (MamoriDocumentsPage *self,
                                     MamoriWorkspace     *workspace)
{
  if (self->workspace == workspace)
    return;
  mamori_documents_page_save (self);
  if (self->workspace != NULL)
    g_clear_signal_handler (&self->changed_id, self->workspace);
  g_set_object (&self->workspace, workspace);
  g_clear_pointer (&self->open, mamori_document_info_free);
  mamori_pdf_view_set_document (self->preview, NULL);
  if (workspace != NULL)
    self->changed_id = g_signal_connect (workspace, "changed", G_CALLBACK (workspace_changed), self);
  update_access (self);
  load_list (self);
  /* Open the newest document, so the page is never an empty editor. */
  if (self->documents->len > 0)
    mamori_documents_page_open (self, ((MamoriDocumentInfo *) self->documents->pdata[0])->id);
  gtk_widget_set_sensitive (GTK_WIDGET (self), workspace != NULL);
}

static void
mamori_documents_page_dispose (GObject *object)
{
  MamoriDocumentsPage *self = MAMORI_DOCUMENTS_PAGE (object);

  if (self->workspace != NULL)
    {
      mamori_documents_page_save (self);
      g_clear_signal_handler (&self->changed_id, self->workspace);
    }
  g_clear_handle_id (&self->save_source, g_source_remove);
  g_clear_handle_id (&self->preview_source, g_source_remove);
  g_clear_pointer (&self->previewer, mamori_worker_free);
  g_clear_pointer (&self->exporter, mamori_worker_free);
  g_clear_pointer (&self->export_path, g_free);
  if (self->chooser != NULL)
    {
      gtk_native_dialog_destroy (self->chooser);
      g_clear_object (&self->chooser);
    }
  g_clear_object (&self->workspace);
  g_clear_pointer (&self->open, mamori_document_info_free);
  /* The flap is both a template child and the bin's child: let the bin drop it first, or
   * both would unparent it. */
  adw_bin_set_child (ADW_BIN (object), NULL);
  gtk_widget_dispose_template (GTK_WIDGET (object), MAMORI_TYPE_DOCUMENTS_PAGE);
  G_OBJECT_CLASS (mamori_documents_page_parent_class)->dispose (object);
}

static void
mamori_documents_page_finalize (GObject *object)
{
  MamoriDocumentsPage *self = MAMORI_DOCUMENTS_PAGE (object);

  g_ptr_array_unref (self->documents);
  G_OBJECT_CLASS (mamori_documents_page_parent_class)->finalize (object);
}

static void
mamori_documents_page_class_init (MamoriDocumentsPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = mamori_documents_page_dispose;
  object_class->finalize = mamori_documents_page_finalize;
  /* GtkSourceView is set up only when this page is first built, not at startup. */
  gtk_source_init ();
  g_type_ensure (GTK_SOURCE_TYPE_VIEW);
  g_type_ensure (MAMORI_TYPE_PDF_VIEW);
  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/mamori/Mamori/ui/mamori-documents-page.ui");
#define BIND(name) gtk_widget_class_bind_template_child (widget_class, MamoriDocumentsPage, name)
  BIND (flap);
  BIND (list);
  BIND (stack);
  BIND (title_label);
  BIND (status_label);
  BIND (notice_label);
  BIND (review_button);
  BIND (draft_button);
  BIND (approve_button);
  BIND (editor);
  BIND (preview);
#undef BIND
  gtk_widget_class_install_action (widget_class, "documents.new", NULL, new_action);
  gtk_widget_class_install_action (widget_class, "documents.review", NULL, status_action);
  gtk_widget_class_install_action (widget_class, "documents.draft", NULL, status_action);
  gtk_widget_class_install_action (widget_class, "documents.approve", NULL, approve_action);
  gtk_widget_class_install_action (widget_class, "documents.history", NULL, history_action);
  gtk_widget_class_install_action (widget_class, "documents.export", NULL, export_action);
  gtk_widget_class_install_action (widget_class, "documents.print", NULL, print_action);
  gtk_widget_class_install_action (widget_class, "documents.save", NULL, save_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_s, GDK_CONTROL_MASK, "documents.save", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_p, GDK_CONTROL_MASK, "documents.print", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_E, GDK_CONTROL_MASK | GDK_SHIFT_MASK, "documents.export", NULL);
}

static void
mamori_documents_page_init (MamoriDocumentsPage *self)
{
  GtkSourceLanguageManager *languages = gtk_source_language_manager_get_default ();
  GtkSourceLanguage *markdown = gtk_source_language_manager_get_language (languages, "markdown");
  GtkTextBuffer *buffer;

  gtk_widget_init_template (GTK_WIDGET (self));
  self->documents = g_ptr_array_new_with_free_func ((GDestroyNotify) mamori_document_info_free);
  buffer = gtk_text_view_get_buffer (GTK_TEXT_VIEW (self->editor));
  if (markdown != NULL)
    gtk_source_buffer_set_language (GTK_SOURCE_BUFFER (buffer), markdown);
  gtk_source_buffer_set_highlight_syntax (GTK_SOURCE_BUFFER (buffer), TRUE);
  g_signal_connect (buffer, "changed", G_CALLBACK (buffer_changed), self);
  g_signal_connect (self->list, "row-selected", G_CALLBACK (row_selected), self);
  load_list (self);
}
