/* test-ui-conflict.c — two people at once in the window: the wizard and the document editor
 * save over the version they read; when someone else changed it meanwhile they show theirs
 * (mamori-conflict-dialog.h) and save nothing until the user decides. */
#include "config.h"

#include <glib/gstdio.h>
#include <locale.h>

#include "core/mamori-catalog.h"
#include "core/mamori-template.h"
#include "store/mamori-assessments.h"
#include "store/mamori-documents.h"
#include "ui/mamori-assessment-summary.h"
#include "ui/mamori-assessment-wizard.h"
#include "ui/mamori-conflict-dialog.h"
#include "ui/mamori-documents-page.h"
#include "ui/mamori-documents-page-private.h"

static char *tmpdir;

static void
two_workspaces (const char       *name,
                MamoriWorkspace **a,
                MamoriWorkspace **b)
{
  g_autofree char *path = g_build_filename (tmpdir, name, NULL);
  g_autoptr(GError) error = NULL;

  *a = mamori_workspace_open (path, MAMORI_WORKSPACE_OPEN_CREATE, &error);
  g_assert_no_error (error);
  *b = mamori_workspace_open (path, 0, &error);
  g_assert_no_error (error);
}

static void
iterate (void)
{
  while (g_main_context_iteration (NULL, FALSE))
    ;
}

/* The open question, answered. */
static void
decide (const char *response)
{
  AdwMessageDialog *dialog;

  iterate ();
  dialog = mamori_conflict_dialog_get_open ();
  g_assert_nonnull (dialog);
  /* As a click does: the response, then the dialog closes. */
  adw_message_dialog_response (dialog, response);
  gtk_window_close (GTK_WINDOW (dialog));
  iterate ();
  g_assert_null (mamori_conflict_dialog_get_open ());
}

static char *
newest_text (MamoriWorkspace *ws,
             gint64           id)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) versions = mamori_workspace_list_versions (ws, id, &error);

  g_assert_no_error (error);
  return g_strdup (((MamoriDocumentVersion *) versions->pdata[versions->len - 1])->markdown);
}

static void
test_document_editor (void)
{
  g_autoptr(MamoriWorkspace) a = NULL, b = NULL;
  g_autoptr(MamoriTemplate) tmpl = NULL;
  g_autoptr(GError) error = NULL;
  GtkWidget *window = gtk_window_new ();
  MamoriDocumentsPage *page = g_object_new (MAMORI_TYPE_DOCUMENTS_PAGE, NULL);
  gint64 id;

  two_workspaces ("documents.mamori", &a, &b);
  tmpl = mamori_template_builtin ("basic-policy", "ja", &error);
  id = mamori_workspace_add_document_from_template (a, tmpl, NULL, &error);
  g_assert_cmpint (id, >, 0);
  gtk_window_set_child (GTK_WINDOW (window), GTK_WIDGET (page));
  gtk_window_present (GTK_WINDOW (window));
  mamori_documents_page_set_workspace (page, a);

  /* B saves while A types: A's save is refused and asks; taking theirs puts it in the editor. */
  g_assert_true (mamori_workspace_save_document (b, id, "# 方針\n\nBの文", NULL, &error));
  mamori_documents_page_set_text (page, "# 方針\n\nAの文");
  g_assert_false (mamori_documents_page_save (page));
  {
    g_autofree char *stored = newest_text (a, id);
    g_assert_cmpstr (stored, ==, "# 方針\n\nBの文");
  }
  /* Asked once: nothing more is saved until the user decides. */
  g_assert_false (mamori_documents_page_save (page));
  decide ("theirs");
  {
    g_autofree char *shown = mamori_documents_page_get_text (page);
    g_assert_cmpstr (shown, ==, "# 方針\n\nBの文");
  }
  /* Their text read, A's next edit saves. */
  mamori_documents_page_set_text (page, "# 方針\n\nAの文");
  g_assert_true (mamori_documents_page_save (page));
  {
    g_autofree char *stored = newest_text (b, id);
    g_assert_cmpstr (stored, ==, "# 方針\n\nAの文");
  }

  /* Again, and A keeps theirs: saved over B's. */
  g_assert_true (mamori_workspace_save_document (b, id, "# 方針\n\nBの二度目", NULL, &error));
  mamori_documents_page_set_text (page, "# 方針\n\nAの二度目");
  g_assert_false (mamori_documents_page_save (page));
  decide ("mine");
  {
    g_autofree char *stored = newest_text (b, id);
    g_autofree char *shown = mamori_documents_page_get_text (page);
    g_assert_cmpstr (stored, ==, "# 方針\n\nAの二度目");
    g_assert_cmpstr (shown, ==, "# 方針\n\nAの二度目");
  }

  for (guint i = 0; i < 1500 && mamori_documents_page_is_previewing (page); i++)
    {
      iterate ();
      g_usleep (10000);
    }
  mamori_documents_page_set_workspace (page, NULL);
  gtk_window_destroy (GTK_WINDOW (window));
  iterate ();
}

/* The first AdwEntryRow under widget (the wizard's note). */
static GtkWidget *
find_entry_row (GtkWidget *widget)
{
  if (ADW_IS_ENTRY_ROW (widget))
    return widget;
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL; child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_entry_row (child);
      if (found != NULL)
        return found;
    }
  return NULL;
}

static MamoriAnswer *
stored_answer (MamoriWorkspace *ws,
               gint64           id,
               const char      *ref_id)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GHashTable) answers = mamori_workspace_get_answers (ws, id, &error);
  MamoriAnswer *out = NULL;

  g_assert_no_error (error);
  g_assert_true (g_hash_table_steal_extended (answers, ref_id, NULL, (gpointer *) &out));
  return out;
}

static void
test_wizard (void)
{
  g_autoptr(MamoriWorkspace) a = NULL, b = NULL;
  g_autoptr(GError) error = NULL;
  MamoriCatalog *catalog = mamori_catalog_new ();
  const MamoriChecklist *checklist;
  GtkWidget *window = gtk_window_new ();
  MamoriAssessmentWizard *wizard = g_object_new (MAMORI_TYPE_ASSESSMENT_WIZARD, NULL);
  GtkWidget *note;
  const char *ref;
  MamoriAnswer *now;
  gint64 id;

  two_workspaces ("wizard.mamori", &a, &b);
  g_assert_true (mamori_catalog_load_builtin (catalog, &error));
  checklist = mamori_catalog_find (catalog, "ipa-self-diagnosis");
  id = mamori_workspace_create_assessment (a, "ipa-self-diagnosis", "", "2026-04-01", "山田", &error);
  g_assert_cmpint (id, >, 0);
  ref = ((MamoriNode *) checklist->items->pdata[0])->ref_id;
  gtk_window_set_child (GTK_WINDOW (window), GTK_WIDGET (wizard));
  gtk_window_present (GTK_WINDOW (window));
  g_assert_true (mamori_assessment_wizard_open (wizard, a, checklist, id));

  /* B answers the item A shows; A's answer asks, and keeping A's saves it. */
  g_assert_true (mamori_workspace_set_answer (b, id, ref, 0, 4, FALSE, &error));
  g_assert_false (mamori_assessment_wizard_answer (wizard, 1));
  now = stored_answer (b, id, ref);
  g_assert_cmpint (now->choice, ==, 0);
  mamori_answer_free (now);
  decide ("mine");
  now = stored_answer (b, id, ref);
  g_assert_cmpint (now->choice, ==, 1);
  mamori_answer_free (now);
  /* Read again after that: A's next answer saves without asking. */
  g_assert_true (mamori_assessment_wizard_answer (wizard, 0));

  /* B writes a note; A's note, typed over the empty one A read, asks; taking theirs shows it. */
  g_assert_true (mamori_workspace_set_note (b, id, ref, "Bのメモ", &error));
  note = find_entry_row (GTK_WIDGET (wizard));
  g_assert_nonnull (note);
  gtk_editable_set_text (GTK_EDITABLE (note), "Aのメモ");
  g_signal_emit_by_name (note, "apply");
  decide ("theirs");
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (note)), ==, "Bのメモ");
  now = stored_answer (a, id, ref);
  g_assert_cmpstr (now->note, ==, "Bのメモ");
  mamori_answer_free (now);
  /* Their note read, A's edit saves. */
  gtk_editable_set_text (GTK_EDITABLE (note), "Aのメモ");
  g_signal_emit_by_name (note, "apply");
  iterate ();
  g_assert_null (mamori_conflict_dialog_get_open ());
  now = stored_answer (b, id, ref);
  g_assert_cmpstr (now->note, ==, "Aのメモ");
  mamori_answer_free (now);

  mamori_assessment_wizard_close (wizard);
  gtk_window_destroy (GTK_WINDOW (window));
  iterate ();
  mamori_catalog_free (catalog);
}

/* The open dialog that is not a conflict's question (the summary's Decide a Measure). */
static AdwMessageDialog *
open_plain_dialog (void)
{
  g_autoptr(GList) windows = gtk_window_list_toplevels ();

  for (GList *l = windows; l != NULL; l = l->next)
    if (ADW_IS_MESSAGE_DIALOG (l->data) && g_object_get_data (l->data, "mamori-conflict") == NULL &&
        gtk_widget_get_visible (l->data))
      return l->data;
  return NULL;
}

static void
collect_buttons (GtkWidget *widget,
                 GPtrArray *out)
{
  for (GtkWidget *c = gtk_widget_get_first_child (widget); c != NULL; c = gtk_widget_get_next_sibling (c))
    {
      if (GTK_IS_BUTTON (c))
        g_ptr_array_add (out, c);
      collect_buttons (c, out);
    }
}

static void
collect_editables (GtkWidget *widget,
                   GPtrArray *out)
{
  for (GtkWidget *c = gtk_widget_get_first_child (widget); c != NULL; c = gtk_widget_get_next_sibling (c))
    {
      if (GTK_IS_ENTRY (c))
        g_ptr_array_add (out, c);
      collect_editables (c, out);
    }
}

/* The summary's Decide a Measure: B decides one while A's dialog is open; A's save asks, and
 * keeping A's saves it over B's. */
static void
test_summary_measure (void)
{
  g_autoptr(MamoriWorkspace) a = NULL, b = NULL;
  g_autoptr(GError) error = NULL;
  MamoriCatalog *catalog = mamori_catalog_new ();
  const MamoriChecklist *checklist;
  GtkWidget *window = gtk_window_new ();
  MamoriAssessmentSummary *summary = g_object_new (MAMORI_TYPE_ASSESSMENT_SUMMARY, NULL);
  g_autoptr(GPtrArray) buttons = g_ptr_array_new ();
  g_autoptr(GPtrArray) entries = g_ptr_array_new ();
  AdwMessageDialog *dialog;
  GtkWidget *decide_button = NULL;
  const char *ref;
  MamoriAnswer *now;
  gint64 id;

  two_workspaces ("summary.mamori", &a, &b);
  g_assert_true (mamori_catalog_load_builtin (catalog, &error));
  checklist = mamori_catalog_find (catalog, "ipa-self-diagnosis");
  id = mamori_workspace_create_assessment (a, "ipa-self-diagnosis", "", "2026-04-01", "山田", &error);
  ref = ((MamoriNode *) checklist->items->pdata[0])->ref_id;
  g_assert_true (mamori_workspace_set_answer (a, id, ref, 3, 1, FALSE, &error));   /* not in place */
  gtk_window_set_child (GTK_WINDOW (window), GTK_WIDGET (summary));
  gtk_window_present (GTK_WINDOW (window));
  g_assert_true (mamori_assessment_summary_show (summary, a, checklist, id));

  collect_buttons (GTK_WIDGET (summary), buttons);
  for (guint i = 0; i < buttons->len && decide_button == NULL; i++)
    if (g_strcmp0 (g_object_get_data (buttons->pdata[i], "mamori-ref"), ref) == 0)
      decide_button = buttons->pdata[i];
  g_assert_nonnull (decide_button);
  g_signal_emit_by_name (decide_button, "clicked");
  iterate ();
  dialog = open_plain_dialog ();
  g_assert_nonnull (dialog);
  g_assert_true (mamori_workspace_set_measure (b, id, ref, "Bの対策", "B", "2026-05-01", &error));
  collect_editables (GTK_WIDGET (dialog), entries);
  g_assert_cmpuint (entries->len, ==, 3);
  gtk_editable_set_text (GTK_EDITABLE (entries->pdata[0]), "Aの対策");
  adw_message_dialog_response (dialog, "save");
  gtk_window_close (GTK_WINDOW (dialog));
  now = stored_answer (b, id, ref);
  g_assert_cmpstr (now->measure_what, ==, "Bの対策");
  mamori_answer_free (now);
  decide ("mine");
  now = stored_answer (b, id, ref);
  g_assert_cmpstr (now->measure_what, ==, "Aの対策");
  mamori_answer_free (now);

  gtk_window_destroy (GTK_WINDOW (window));
  iterate ();
  mamori_catalog_free (catalog);
}

int
main (int argc, char *argv[])
{
  int status;

  setlocale (LC_ALL, "C.UTF-8");
  g_test_init (&argc, &argv, NULL);
  if (!gtk_init_check ())
    {
      if (g_getenv ("CI") != NULL)
        {
          g_printerr ("No display for the UI tests (run them under xvfb-run).\n");
          return 1;
        }
      g_test_skip ("no display");
      return g_test_run ();
    }
  adw_init ();
  tmpdir = g_dir_make_tmp ("mamori-ui-conflict-XXXXXX", NULL);
  g_test_add_func ("/ui-conflict/document-editor", test_document_editor);
  g_test_add_func ("/ui-conflict/wizard", test_wizard);
  g_test_add_func ("/ui-conflict/summary-measure", test_summary_measure);
  status = g_test_run ();
  {
    g_autofree char *cmd = g_strdup_printf ("rm -rf '%s'", tmpdir);
    (void) !system (cmd);
  }
  return status;
}
