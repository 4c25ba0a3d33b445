/* test-question-box.c — the wizard's questions (ui/mamori-question-box): a control per type,
 * depends_on showing and hiding questions live, answers saved as given, refused values said
 * beside the field, a completed assessment read-only. Needs a display (xvfb-run). */
#include "config.h"

#include <glib/gstdio.h>
#include <locale.h>

#include "core/mamori-catalog.h"
#include "ops/mamori-ops.h"
#include "store/mamori-assessments.h"
#include "store/mamori-questions.h"
#include "ui/mamori-conflict-dialog.h"
#include "ui/mamori-question-box.h"

#define DYN "urn:intuitem:risk:req_node:example-dynamic-questionnaire:"

static void
collect (GtkWidget *widget,
         GType      type,
         GPtrArray *out)
{
  for (GtkWidget *c = gtk_widget_get_first_child (widget); c != NULL; c = gtk_widget_get_next_sibling (c))
    {
      if (G_TYPE_CHECK_INSTANCE_TYPE (c, type))
        g_ptr_array_add (out, c);
      collect (c, type, out);
    }
}

static GPtrArray *
find_all (GtkWidget *widget,
          GType      type)
{
  GPtrArray *out = g_ptr_array_new ();
  collect (widget, type, out);
  return out;
}

/* The row (question) of a control: the box's child that holds it. */
static gboolean
row_visible (GtkWidget *control)
{
  for (GtkWidget *w = control; w != NULL; w = gtk_widget_get_parent (w))
    if (!gtk_widget_get_visible (w))
      return FALSE;
  return TRUE;
}

static const char *
stored (MamoriWorkspace *ws,
        gint64           id,
        const char      *ref_id,
        const char      *urn)
{
  static char *last;
  g_autoptr(GError) error = NULL;
  g_autoptr(GHashTable) item = mamori_workspace_get_item_questions (ws, id, ref_id, &error);

  g_assert_no_error (error);
  g_free (last);
  last = g_strdup (g_hash_table_lookup (item, urn));
  return last;
}

/* The open “someone else changed it” question, answered as a click does: the response, then
 * the dialog closes. */
static void
answer_conflict (const char *response)
{
  AdwMessageDialog *dialog = mamori_conflict_dialog_get_open ();

  g_assert_nonnull (dialog);
  adw_message_dialog_response (dialog, response);
  gtk_window_close (GTK_WINDOW (dialog));
  while (g_main_context_iteration (NULL, FALSE))
    ;
  g_assert_null (mamori_conflict_dialog_get_open ());
}

static void
test_box (void)
{
  g_autofree char *dir = g_dir_make_tmp ("mamori-qbox-XXXXXX", NULL);
  g_autofree char *path = g_build_filename (dir, "w.mamori", NULL);
  g_autofree char *library = g_build_filename (CISO_DATA_DIR, "dynamic-questionnaire.yaml", NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(MamoriWorkspace) ws = mamori_workspace_open (path, MAMORI_WORKSPACE_OPEN_CREATE, &error);
  MamoriOpRequest request = { .path = library };
  MamoriCatalog *catalog = mamori_catalog_new ();
  const MamoriChecklist *cl;
  GtkWidget *window = gtk_window_new ();
  MamoriQuestionBox *box = MAMORI_QUESTION_BOX (mamori_question_box_new ());
  g_autoptr(GPtrArray) checks = NULL, entries = NULL, views = NULL;
  gint64 id;

  g_assert_no_error (error);
  g_assert_true (mamori_op_run (mamori_op_find (MAMORI_OP_IMPORT, "library"), ws, NULL, &request, NULL, &error));
  g_assert_true (mamori_workspace_load_catalog (ws, catalog, NULL, &error));
  cl = mamori_catalog_find (catalog, "example-dynamic-questionnaire");
  id = mamori_workspace_create_assessment (ws, cl->id, "", "2026-04-01", "", &error);
  g_assert_no_error (error);
  gtk_window_set_child (GTK_WINDOW (window), GTK_WIDGET (box));
  gtk_window_present (GTK_WINDOW (window));

  /* 1.1: both questions depend on the item's answer; unanswered, none is asked. */
  mamori_question_box_set_item (box, ws, id, mamori_checklist_find_item (cl, "1.1_Gouvernance"), -1, FALSE);
  g_assert_false (gtk_widget_get_visible (GTK_WIDGET (box)));
  checks = find_all (GTK_WIDGET (box), GTK_TYPE_CHECK_BUTTON);
  g_assert_cmpuint (checks->len, ==, 2 + 3);   /* a unique choice of 2, a multiple of 3 */
  mamori_question_box_set_scale_choice (box, 0);
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (box)));
  g_assert_true (row_visible (checks->pdata[0]) && row_visible (checks->pdata[2]));
  mamori_question_box_set_scale_choice (box, 1);
  g_assert_true (row_visible (checks->pdata[0]));
  g_assert_false (row_visible (checks->pdata[2]));
  mamori_question_box_set_scale_choice (box, 0);
  /* Saved as clicked: a unique choice (radio buttons), a multiple one (check buttons). */
  gtk_check_button_set_active (checks->pdata[1], TRUE);
  g_assert_cmpstr (stored (ws, id, "1.1_Gouvernance", DYN "1_fondamentaux:gouvernance:question:2"), ==,
                   DYN "1_fondamentaux:gouvernance:question:2:choice:2");
  gtk_check_button_set_active (checks->pdata[0], TRUE);
  g_assert_false (gtk_check_button_get_active (checks->pdata[1]));
  g_assert_cmpstr (stored (ws, id, "1.1_Gouvernance", DYN "1_fondamentaux:gouvernance:question:2"), ==,
                   DYN "1_fondamentaux:gouvernance:question:2:choice:1");
  gtk_check_button_set_active (checks->pdata[4], TRUE);
  gtk_check_button_set_active (checks->pdata[2], TRUE);
  g_assert_cmpstr (stored (ws, id, "1.1_Gouvernance", DYN "1_fondamentaux:gouvernance:question:3"), ==,
                   DYN "1_fondamentaux:gouvernance:question:3:choice:1|" DYN "1_fondamentaux:gouvernance:question:3:choice:3");
  gtk_check_button_set_active (checks->pdata[4], FALSE);
  g_assert_cmpstr (stored (ws, id, "1.1_Gouvernance", DYN "1_fondamentaux:gouvernance:question:3"), ==,
                   DYN "1_fondamentaux:gouvernance:question:3:choice:1");
  g_clear_pointer (&checks, g_ptr_array_unref);

  /* 1.2: a number (refused until it is one) and free text, saved when the item changes. */
  mamori_question_box_set_item (box, ws, id, mamori_checklist_find_item (cl, "1.2_Sensibilisation"), 0, FALSE);
  entries = find_all (GTK_WIDGET (box), GTK_TYPE_ENTRY);
  views = find_all (GTK_WIDGET (box), GTK_TYPE_TEXT_VIEW);
  g_assert_cmpuint (entries->len, ==, 1);
  g_assert_cmpuint (views->len, ==, 1);
  gtk_editable_set_text (GTK_EDITABLE (entries->pdata[0]), "1,5");
  gtk_text_buffer_set_text (gtk_text_view_get_buffer (views->pdata[0]), "Atelier\nannuel", -1);
  mamori_question_box_flush (box);
  g_assert_true (gtk_widget_has_css_class (entries->pdata[0], "error"));
  g_assert_null (stored (ws, id, "1.2_Sensibilisation", DYN "1_fondamentaux:sensibilisation:question:2"));
  g_assert_cmpstr (stored (ws, id, "1.2_Sensibilisation", DYN "1_fondamentaux:sensibilisation:question:3"), ==, "Atelier\nannuel");
  gtk_editable_set_text (GTK_EDITABLE (entries->pdata[0]), "12");
  g_clear_pointer (&entries, g_ptr_array_unref);
  g_clear_pointer (&views, g_ptr_array_unref);
  mamori_question_box_set_item (box, ws, id, mamori_checklist_find_item (cl, "0_Profil"), -1, FALSE);
  g_assert_cmpstr (stored (ws, id, "1.2_Sensibilisation", DYN "1_fondamentaux:sensibilisation:question:2"), ==, "12");

  /* 0_Profil: a date typed the Japanese way; the scale question is not asked twice. */
  entries = find_all (GTK_WIDGET (box), GTK_TYPE_ENTRY);
  checks = find_all (GTK_WIDGET (box), GTK_TYPE_CHECK_BUTTON);
  g_assert_cmpuint (entries->len, ==, 1);
  g_assert_cmpuint (checks->len, ==, 2);
  gtk_editable_set_text (GTK_EDITABLE (entries->pdata[0]), "2026/4/1");
  mamori_question_box_flush (box);
  g_assert_cmpstr (stored (ws, id, "0_Profil", DYN "0_preambule:profil:question:3"), ==, "2026-04-01");
  /* Someone else answers the same question meanwhile: the box asks whose answer stays. */
  {
    const char *q3 = DYN "0_preambule:profil:question:3";
    g_autoptr(MamoriWorkspace) other = mamori_workspace_open (path, MAMORI_WORKSPACE_OPEN_EXISTING, &error);

    g_assert_no_error (error);
    g_assert_true (mamori_workspace_set_question_value_checked (other, id, "0_Profil", q3, "2026-05-05", NULL, &error));
    gtk_editable_set_text (GTK_EDITABLE (entries->pdata[0]), "2026/6/1");
    mamori_question_box_flush (box);
    g_assert_nonnull (mamori_conflict_dialog_get_open ());
    g_assert_cmpstr (stored (ws, id, "0_Profil", q3), ==, "2026-05-05");
    answer_conflict ("theirs");
    g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (entries->pdata[0])), ==, "2026-05-05");
    g_assert_cmpstr (stored (ws, id, "0_Profil", q3), ==, "2026-05-05");
    /* Theirs is now what the user saw: the next edit saves over it. */
    gtk_editable_set_text (GTK_EDITABLE (entries->pdata[0]), "2026/7/1");
    mamori_question_box_flush (box);
    g_assert_null (mamori_conflict_dialog_get_open ());
    g_assert_cmpstr (stored (ws, id, "0_Profil", q3), ==, "2026-07-01");
    /* Again, and the user keeps theirs own. */
    g_assert_true (mamori_workspace_set_question_value_checked (other, id, "0_Profil", q3, "2026-08-08", NULL, &error));
    gtk_editable_set_text (GTK_EDITABLE (entries->pdata[0]), "2026/9/9");
    mamori_question_box_flush (box);
    g_assert_nonnull (mamori_conflict_dialog_get_open ());
    answer_conflict ("mine");
    g_assert_cmpstr (stored (ws, id, "0_Profil", q3), ==, "2026-09-09");
    g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (entries->pdata[0])), ==, "2026/9/9");
    mamori_workspace_close (other);
  }
  g_clear_pointer (&entries, g_ptr_array_unref);
  g_clear_pointer (&checks, g_ptr_array_unref);

  /* 2.1: a boolean as two radio buttons; Clear takes the answer back. */
  mamori_question_box_set_item (box, ws, id, mamori_checklist_find_item (cl, "2.1_Supervision"), -1, FALSE);
  checks = find_all (GTK_WIDGET (box), GTK_TYPE_CHECK_BUTTON);
  g_assert_cmpuint (checks->len, ==, 4 + 2);
  gtk_check_button_set_active (checks->pdata[5], TRUE);
  g_assert_cmpstr (stored (ws, id, "2.1_Supervision", DYN "2_avances:supervision:question:2"), ==, "false");
  {
    g_autoptr(GPtrArray) buttons = find_all (GTK_WIDGET (box), GTK_TYPE_BUTTON);
    GtkWidget *clear = NULL;
    for (guint i = 0; i < buttons->len; i++)
      if (!GTK_IS_CHECK_BUTTON (buttons->pdata[i]) && gtk_widget_get_visible (buttons->pdata[i]))
        clear = buttons->pdata[i];
    g_assert_nonnull (clear);
    g_signal_emit_by_name (clear, "clicked");
  }
  g_assert_null (stored (ws, id, "2.1_Supervision", DYN "2_avances:supervision:question:2"));
  g_clear_pointer (&checks, g_ptr_array_unref);

  /* Completed: shown, not changeable. */
  g_assert_true (mamori_workspace_complete_assessment (ws, id, NULL, &error));
  mamori_question_box_set_item (box, ws, id, mamori_checklist_find_item (cl, "1.1_Gouvernance"), 0, TRUE);
  checks = find_all (GTK_WIDGET (box), GTK_TYPE_CHECK_BUTTON);
  g_assert_true (gtk_check_button_get_active (checks->pdata[0]));
  g_assert_false (gtk_widget_get_sensitive (checks->pdata[1]));

  mamori_question_box_clear (box);
  gtk_window_destroy (GTK_WINDOW (window));
  mamori_catalog_free (catalog);
  g_unlink (path);
}

int
main (int argc, char *argv[])
{
  setlocale (LC_ALL, "C.UTF-8");
  g_test_init (&argc, &argv, NULL);
  if (!gtk_init_check ())
    {
      g_test_skip ("no display");
      return g_test_run ();
    }
  adw_init ();
  g_test_add_func ("/question-box/types", test_box);
  return g_test_run ();
}
