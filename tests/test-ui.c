/* test-ui.c — the window and every page template, under Xvfb */
#include "config.h"

#include <glib/gi18n.h>
#include <glib/gstdio.h>
#include <locale.h>
#include <stdlib.h>
#include <string.h>

#include "core/mamori-checklist.h"
#include "core/mamori-asset-xlsx-read.h"
#include "store/mamori-assessments.h"
#include "ui/mamori-application.h"
#include "ui/mamori-assessment-summary.h"
#include "ui/mamori-assessment-summary-private.h"
#include "ui/mamori-audit-record.h"
#include "ui/mamori-assessment-wizard.h"
#include "ui/mamori-assessment-wizard-private.h"
#include "ui/mamori-assessments-page.h"
#include "ui/mamori-assessments-page-private.h"
#include "core/mamori-classification.h"
#include "ui/mamori-ledger-page.h"
#include "ui/mamori-ledger-page-private.h"
#include "ui/mamori-documents-page.h"
#include "ui/mamori-documents-page-private.h"
#include "ui/mamori-heatmap-page.h"
#include "ui/mamori-heatmap-page-private.h"
#include "store/mamori-reviews.h"
#include "ui/mamori-presentation-window.h"
#include "ui/mamori-presentation-window-private.h"
#include <poppler.h>
#include "ui/mamori-new-document-window.h"
#include "store/mamori-documents.h"
#include "core/mamori-profile.h"
#include "ui/mamori-threat-catalogue-window.h"
#include "ui/mamori-scope-dialog.h"
#include "store/mamori-scopes.h"
#include "ui/mamori-threat-catalogue-window-private.h"
#include "ui/mamori-ledger-row.h"
#include "core/mamori-demo.h"
#include "store/mamori-assets.h"
#include "ui/mamori-overview-page.h"
#include "ui/mamori-overview-page-private.h"
#include "ops/mamori-ops.h"
#include "ui/mamori-preferences-window.h"
#include "store/mamori-registers.h"
#include "ops/mamori-remind.h"
#include "ui/mamori-record-editor-private.h"
#include "ui/mamori-registers-page-private.h"
#include "store/mamori-registers.h"
#include "ui/mamori-undo-stack.h"
#include "ui/mamori-window.h"
#include "ui/mamori-window-private.h"
#include "ui/mamori-sheets-view.h"
#include "store/mamori-sheets.h"

static MamoriApplication *app;

static void
iterate (guint ms)
{
  gint64 end = g_get_monotonic_time () + ms * 1000;
  while (g_get_monotonic_time () < end)
    while (g_main_context_iteration (NULL, FALSE))
      ;
}

static gboolean
is_japanese (void)
{
  const char *lang = g_getenv ("LANGUAGE");
  return lang != NULL && g_str_has_prefix (lang, "ja");
}

/* Depth-first search for a widget of type whose title (AdwPreferencesRow) matches. */
static GtkWidget *
find_widget (GtkWidget *root, GType type, const char *title)
{
  if (G_TYPE_CHECK_INSTANCE_TYPE (root, type))
    {
      if (title == NULL)
        return root;
      if (ADW_IS_PREFERENCES_ROW (root) &&
          g_strcmp0 (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (root)), title) == 0)
        return root;
    }
  for (GtkWidget *child = gtk_widget_get_first_child (root); child; child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_widget (child, type, title);
      if (found)
        return found;
    }
  return NULL;
}

static GtkWidget *
find_tooltip_button (GtkWidget  *root,
                     const char *tooltip)
{
  if (GTK_IS_BUTTON (root) && g_strcmp0 (gtk_widget_get_tooltip_text (root), tooltip) == 0)
    return root;
  for (GtkWidget *child = gtk_widget_get_first_child (root); child; child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_tooltip_button (child, tooltip);
      if (found)
        return found;
    }
  return NULL;
}

static char *
temp_workspace (const char *name)
{
  return g_build_filename (g_get_user_data_dir (), name, NULL);
}

static void
count_change (guint *count)
{
  (*count)++;
}

static MamoriWindow *
new_window (const char *workspace)
{
  MamoriWindow *window = mamori_window_new (app);

  g_assert_true (mamori_window_open_workspace (window, workspace, TRUE));
  gtk_window_present (GTK_WINDOW (window));
  for (int i = 0; i < 200 && !gtk_widget_get_mapped (GTK_WIDGET (window)); i++)
    iterate (10);
  g_assert_true (gtk_widget_get_mapped (GTK_WIDGET (window)));
  /* Under Xvfb (no window manager) a new window may not be on a monitor yet; dialogs and
   * popovers placed against it then find no monitor. Wait until it is. */
  {
    GdkSurface *surface = gtk_native_get_surface (GTK_NATIVE (window));
    for (int i = 0; i < 200 && gdk_display_get_monitor_at_surface (gdk_surface_get_display (surface), surface) == NULL; i++)
      iterate (10);
  }
  return window;
}

static void
close_window (MamoriWindow *window)
{
  gtk_window_destroy (GTK_WINDOW (window));
  iterate (20);
}

static void
test_window_pages (void)
{
  g_autofree char *path = temp_workspace ("pages.mamori");
  MamoriWindow *window = new_window (path);
  const char *pages[] = { "overview", "assessments", "assets", "registers", "documents", "reports" };
  AdwViewStack *stack = ADW_VIEW_STACK (find_widget (GTK_WIDGET (window), ADW_TYPE_VIEW_STACK, NULL));

  g_assert_nonnull (stack);
  g_assert_cmpstr (mamori_window_get_visible_page (window), ==, "overview");
  for (guint i = 0; i < G_N_ELEMENTS (pages); i++)
    {
      GtkWidget *child = adw_view_stack_get_child_by_name (stack, pages[i]);
      AdwViewStackPage *page;

      g_assert_nonnull (child);
      g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.show-page", "s", pages[i]));
      iterate (30);
      g_assert_cmpstr (mamori_window_get_visible_page (window), ==, pages[i]);
      g_assert_true (gtk_widget_get_mapped (child));
      page = adw_view_stack_get_page (stack, child);
      g_assert_nonnull (adw_view_stack_page_get_title (page));
    }
  g_assert_nonnull (mamori_window_get_workspace (window));
  g_assert_cmpstr (mamori_workspace_get_path (mamori_window_get_workspace (window)), ==, path);
  close_window (window);
}

static void
dump_widths (GtkWidget *w, int depth)
{
  int min = 0;
  gtk_widget_measure (w, GTK_ORIENTATION_HORIZONTAL, -1, &min, NULL, NULL, NULL);
  if (min > 200 && depth < 40)
    g_printerr ("%*s%s %d\n", depth, "", G_OBJECT_TYPE_NAME (w), min);
  if (min > 200)
    for (GtkWidget *c = gtk_widget_get_first_child (w); c; c = gtk_widget_get_next_sibling (c))
      dump_widths (c, depth + 1);
}

/* Every page fits a phone-sized window (360 px): nothing asks the window for more width. */
static void
test_window_narrow (void)
{
  g_autofree char *path = temp_workspace ("narrow.mamori");
  MamoriWindow *window = new_window (path);
  MamoriWorkspace *ws = mamori_window_get_workspace (window);
  g_autoptr(GPtrArray) assets = NULL, problems = NULL;
  g_autoptr(GError) error = NULL;
  const char *pages[] = { "overview", "assessments", "assets", "registers", "documents", "reports" };

  g_assert_true (mamori_asset_csv_read (mamori_demo_assets_csv (), &assets, &problems, &error));
  g_assert_true (mamori_workspace_add_assets (ws, assets, &error));
  {
    /* A document in review shows two workflow buttons beside its tools. */
    g_autoptr(MamoriTemplate) tmpl = mamori_template_builtin ("basic-policy", "en", &error);
    gint64 policy = mamori_workspace_add_document_from_template (ws, tmpl, NULL, &error);
    g_assert_cmpint (policy, >, 0);
    g_assert_true (mamori_workspace_set_document_status (ws, policy, MAMORI_DOCUMENT_REVIEW, NULL, NULL, &error));
    g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.show-page", "s", "documents"));
    mamori_documents_page_open (mamori_window_get_documents_page (window), policy);
  }
  gtk_window_set_default_size (GTK_WINDOW (window), 360, 640);
  iterate (100);
  for (guint i = 0; i < G_N_ELEMENTS (pages); i++)
    {
      int min = 0;

      g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.show-page", "s", pages[i]));
      iterate (150);
      gtk_widget_measure (GTK_WIDGET (window), GTK_ORIENTATION_HORIZONTAL, -1, &min, NULL, NULL, NULL);
      if (g_test_verbose ())
        {
          g_printerr ("%s: minimum width %d\n", pages[i], min);
          if (min > 360)
            dump_widths (GTK_WIDGET (window), 0);
        }
      g_assert_cmpint (min, <=, 360);
      g_assert_cmpint (gtk_widget_get_width (GTK_WIDGET (window)), <=, 360);
    }
  {
    /* The wizard and the summary of an assessment fit as well. */
    MamoriAssessmentsPage *page = MAMORI_ASSESSMENTS_PAGE (find_widget (GTK_WIDGET (window), MAMORI_TYPE_ASSESSMENTS_PAGE, NULL));
    const char *views[] = { "wizard", "summary" };
    gint64 id;

    g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.show-page", "s", "assessments"));
    iterate (50);
    id = mamori_assessments_page_start (page, "ipa-cloud", "", "テスト担当");
    g_assert_cmpint (id, >, 0);
    for (guint i = 0; i < G_N_ELEMENTS (views); i++)
      {
        int min = 0;
        if (i == 1)
          {
            GtkWidget *wizard = mamori_assessments_page_get_wizard (page);
            for (int k = 0; k < 15; k++)
              {
                g_assert_true (mamori_assessment_wizard_answer (MAMORI_ASSESSMENT_WIZARD (wizard), 1));
                g_assert_true (gtk_widget_activate_action (wizard, "wizard.next", NULL));
              }
          }
        iterate (150);
        g_assert_cmpstr (mamori_assessments_page_get_view (page), ==, views[i]);
        gtk_widget_measure (GTK_WIDGET (window), GTK_ORIENTATION_HORIZONTAL, -1, &min, NULL, NULL, NULL);
        if (g_test_verbose () && min > 360)
          dump_widths (GTK_WIDGET (window), 0);
        g_assert_cmpint (min, <=, 360);
      }
  }
  {
    /* The Registers page with a record, and the record's editor with its parts, fit as well. */
    MamoriRegistersPage *page = MAMORI_REGISTERS_PAGE (find_widget (GTK_WIDGET (window), MAMORI_TYPE_REGISTERS_PAGE, NULL));
    g_autoptr(MamoriRecord) incident = mamori_record_new (mamori_register_lookup ("incidents"));
    MamoriRecordEditor *editor;
    int min = 0;

    mamori_record_set (incident, "occurred_at", "2026-05-01 09:30");
    mamori_record_set (incident, "title", "A laptop with customer data was left on a train and has not been found yet");
    g_assert_true (mamori_workspace_save_record (ws, incident, &error));
    g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.show-record", "(ssx)", "registers", "incidents",
                                               incident->id));
    iterate (150);
    g_assert_nonnull (page);
    g_assert_cmpuint (mamori_registers_page_get_n_rows (page), ==, 1);
    gtk_widget_measure (GTK_WIDGET (window), GTK_ORIENTATION_HORIZONTAL, -1, &min, NULL, NULL, NULL);
    if (g_test_verbose () && min > 360)
      dump_widths (GTK_WIDGET (window), 0);
    g_assert_cmpint (min, <=, 360);
    editor = mamori_registers_page_get_editor (page);
    g_assert_nonnull (editor);
    g_assert_cmpint (mamori_record_editor_get_id (editor), ==, incident->id);
    gtk_widget_measure (GTK_WIDGET (editor), GTK_ORIENTATION_HORIZONTAL, -1, &min, NULL, NULL, NULL);
    if (g_test_verbose () && min > 360)
      dump_widths (GTK_WIDGET (editor), 0);
    g_assert_cmpint (min, <=, 360);
    gtk_window_destroy (GTK_WINDOW (editor));
    iterate (30);
  }
  /* The size is saved for the next window: give the other tests the usual one back. */
  gtk_window_set_default_size (GTK_WINDOW (window), 1000, 720);
  close_window (window);
}

/* The self-inspection sheets of a gov-governance assessment: the summary offers them (and not
 * for a checklist without roles), the view lists the rates and fits a 360 px window. */
static void
test_sheets_view (void)
{
  g_autofree char *path = temp_workspace ("sheets.mamori");
  MamoriWindow *window = new_window (path);
  MamoriWorkspace *ws = mamori_window_get_workspace (window);
  MamoriCatalog *catalog = mamori_window_get_catalog (window);
  const MamoriChecklist *gov = catalog ? mamori_catalog_find (catalog, "gov-governance") : NULL;
  const MamoriChecklist *cloud = catalog ? mamori_catalog_find (catalog, "ipa-cloud") : NULL;
  MamoriAssessmentsPage *page = MAMORI_ASSESSMENTS_PAGE (find_widget (GTK_WIDGET (window), MAMORI_TYPE_ASSESSMENTS_PAGE, NULL));
  g_autoptr(GPtrArray) answers = g_ptr_array_new_with_free_func ((GDestroyNotify) mamori_sheet_answer_free);
  g_autoptr(GError) error = NULL;
  const char *tooltip = _("Per-role sheets to hand out, their answers per role, unit and clause, and the self-inspection report");
  MamoriSheetsView *view;
  GtkWidget *summary, *button;
  gint64 id, other;
  int min = 0;

  g_assert_nonnull (gov);
  g_assert_nonnull (cloud);
  id = mamori_workspace_create_assessment (ws, "gov-governance", "", "2026-06-01", "山田", &error);
  other = mamori_workspace_create_assessment (ws, "ipa-cloud", "Mail", "2026-06-01", "山田", &error);
  g_assert_no_error (error);
  g_ptr_array_add (answers, mamori_sheet_answer_new ("2.1.1(1)(a)", "佐藤", "総務部", "ciso", 0, 2, FALSE, ""));
  g_ptr_array_add (answers, mamori_sheet_answer_new ("2.2.4(2)(b)", "鈴木", "情報システム部", "csirt", 1, 1, FALSE, ""));
  g_assert_true (mamori_workspace_save_sheet_answers (ws, id, answers, &error));
  g_assert_no_error (error);

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.show-page", "s", "assessments"));
  iterate (50);
  summary = mamori_assessments_page_get_summary (page);
  g_assert_true (mamori_assessment_summary_show (MAMORI_ASSESSMENT_SUMMARY (summary), ws, cloud, other));
  button = find_tooltip_button (summary, tooltip);
  g_assert_nonnull (button);
  g_assert_false (gtk_widget_get_visible (gtk_widget_get_parent (button)));
  g_assert_true (mamori_assessment_summary_show (MAMORI_ASSESSMENT_SUMMARY (summary), ws, gov, id));
  g_assert_true (find_tooltip_button (summary, tooltip) == button);
  g_assert_true (gtk_widget_get_visible (gtk_widget_get_parent (button)));

  view = mamori_sheets_view_new (GTK_WINDOW (window), ws, gov, id);
  gtk_window_set_default_size (GTK_WINDOW (view), 360, 600);
  gtk_window_present (GTK_WINDOW (view));
  iterate (150);
  g_assert_nonnull (find_widget (GTK_WIDGET (view), ADW_TYPE_ACTION_ROW, "CSIRT"));
  g_assert_nonnull (find_widget (GTK_WIDGET (view), ADW_TYPE_ACTION_ROW, "情報システム部"));
  gtk_widget_measure (GTK_WIDGET (view), GTK_ORIENTATION_HORIZONTAL, -1, &min, NULL, NULL, NULL);
  if (g_test_verbose () && min > 360)
    dump_widths (GTK_WIDGET (view), 0);
  g_assert_cmpint (min, <=, 360);
  gtk_window_destroy (GTK_WINDOW (view));
  close_window (window);
}

/* The Export menu lists every export operation that needs only a file (the same table as the
 * command line's export) and writes each in a worker. */
static void
test_window_export (void)
{
  g_autofree char *path = temp_workspace ("export-menu.mamori");
  MamoriWindow *window = new_window (path);
  MamoriWorkspace *ws = mamori_window_get_workspace (window);
  g_autoptr(GPtrArray) assets = NULL, problems = NULL;
  g_autoptr(GError) error = NULL;
  GMenu *section = G_MENU (gtk_widget_get_template_child (GTK_WIDGET (window), MAMORI_TYPE_WINDOW, "export_section"));
  const char *expected[] = { "policy", "rules", "handbook", "heatmap", "assets", "log", "review", "calendar", "pledge-form" };
  const char *files[] = { "policy.docx", "rules.pdf", "handbook.pdf", "heatmap.svg", "assets.xlsx", "log.csv", "review.pdf",
                          "calendar.ics", "pledge.pdf" };

  g_assert_true (mamori_asset_csv_read (mamori_demo_assets_csv (), &assets, &problems, &error));
  g_assert_true (mamori_workspace_add_assets (ws, assets, &error));
  /* and the registers' exports in a submenu, last */
  g_assert_cmpint (g_menu_model_get_n_items (G_MENU_MODEL (section)), ==, G_N_ELEMENTS (expected) + 1);
  {
    g_autoptr(GMenuModel) registers = g_menu_model_get_item_link (G_MENU_MODEL (section), G_N_ELEMENTS (expected),
                                                                  G_MENU_LINK_SUBMENU);
    g_assert_nonnull (registers);
    g_assert_cmpint (g_menu_model_get_n_items (registers), ==, 8);
  }
  for (guint i = 0; i < G_N_ELEMENTS (expected); i++)
    {
      g_autoptr(GVariant) target = g_menu_model_get_item_attribute_value (G_MENU_MODEL (section), i, G_MENU_ATTRIBUTE_TARGET,
                                                                          G_VARIANT_TYPE_STRING);
      g_autofree char *out = temp_workspace (files[i]);
      g_autofree char *contents = NULL;
      gsize length = 0;

      g_assert_cmpstr (g_variant_get_string (target, NULL), ==, expected[i]);
      mamori_window_export (window, expected[i], out);
      for (guint k = 0; k < 3000 && mamori_window_is_exporting (window); k++)
        iterate (10);
      g_assert_false (mamori_window_is_exporting (window));
      g_assert_true (g_file_get_contents (out, &contents, &length, &error));
      g_assert_cmpuint (length, >, 100);
      g_unlink (out);
    }
  close_window (window);
}

static void
test_language (void)
{
  g_autofree char *path = temp_workspace ("language.mamori");
  MamoriWindow *window = new_window (path);
  AdwViewStack *stack = ADW_VIEW_STACK (find_widget (GTK_WIDGET (window), ADW_TYPE_VIEW_STACK, NULL));
  AdwViewStackPage *page = adw_view_stack_get_page (stack, adw_view_stack_get_child_by_name (stack, "assets"));
  const char *title = adw_view_stack_page_get_title (page);

  if (is_japanese ())
    {
      g_assert_cmpstr (title, ==, "資産とリスク");
      g_assert_nonnull (find_widget (GTK_WIDGET (window), ADW_TYPE_ENTRY_ROW, "組織名"));
    }
  else
    {
      g_assert_cmpstr (title, ==, "Assets & Risks");
      g_assert_nonnull (find_widget (GTK_WIDGET (window), ADW_TYPE_ENTRY_ROW, "Organisation name"));
    }
  close_window (window);
}

static void
test_overview_edit (void)
{
  g_autofree char *path = temp_workspace ("overview.mamori");
  MamoriWindow *window = new_window (path);
  MamoriWorkspace *ws = mamori_window_get_workspace (window);
  GtkWidget *name_row = find_widget (GTK_WIDGET (window), ADW_TYPE_ENTRY_ROW, _("Organisation name"));
  GtkWidget *check;
  g_autoptr(MamoriProfile) stored = NULL;
  g_autoptr(GHashTable) done = NULL;
  g_autoptr(GError) error = NULL;

  g_assert_nonnull (name_row);
  /* A new, empty workspace opens on the welcome group; it goes once the name is entered. */
  {
    GtkWidget *overview = GTK_WIDGET (gtk_widget_get_template_child (GTK_WIDGET (window), MAMORI_TYPE_WINDOW, "overview_page"));
    GtkWidget *welcome = GTK_WIDGET (gtk_widget_get_template_child (overview, MAMORI_TYPE_OVERVIEW_PAGE, "welcome_group"));
    g_assert_true (gtk_widget_get_visible (welcome));
    gtk_editable_set_text (GTK_EDITABLE (name_row), "株式会社テスト工業");
    g_signal_emit_by_name (name_row, "apply");
    g_assert_false (gtk_widget_get_visible (welcome));
  }
  /* Edit in place and apply: saved to the workspace. */
  gtk_editable_set_text (GTK_EDITABLE (name_row), "株式会社テスト工業");
  g_signal_emit_by_name (name_row, "apply");
  stored = mamori_workspace_get_profile (ws, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (stored->name, ==, "株式会社テスト工業");

  /* A change made elsewhere shows up in the page. */
  g_free (stored->name);
  stored->name = g_strdup ("別の会社");
  g_assert_true (mamori_workspace_set_profile (ws, stored, &error));
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (name_row)), ==, "別の会社");

  /* A task's button opens the place to do it: the five articles start an assessment. */
  {
    GtkWidget *go = find_tooltip_button (GTK_WIDGET (window), _("Go there"));
    g_autoptr(GPtrArray) list = NULL;
    g_assert_nonnull (go);
    g_assert_cmpstr (gtk_actionable_get_action_name (GTK_ACTIONABLE (go)), ==, "win.start-assessment");
    g_signal_emit_by_name (go, "clicked");
    iterate (20);
    g_assert_cmpstr (mamori_window_get_visible_page (window), ==, "assessments");
    list = mamori_workspace_list_assessments (ws, "ipa-five-articles", &error);
    g_assert_no_error (error);
    g_assert_cmpuint (list->len, ==, 1);
    gtk_widget_activate_action (GTK_WIDGET (window), "win.show-page", "s", "overview");
  }
  /* Ticking a step-up task records it; the five measures give SECURITY ACTION's first star. */
  {
    MamoriOverviewPage *overview = MAMORI_OVERVIEW_PAGE (gtk_widget_get_template_child (GTK_WIDGET (window),
                                                                                        MAMORI_TYPE_WINDOW, "overview_page"));
    GtkWidget *go = find_tooltip_button (GTK_WIDGET (window), _("Go to the missing step"));
    g_assert_nonnull (strstr (mamori_overview_page_get_security_action (overview), _("Not yet: no star to declare")));
    g_assert_nonnull (go);
    g_assert_true (gtk_widget_get_visible (go));
    check = find_widget (GTK_WIDGET (window), GTK_TYPE_CHECK_BUTTON, NULL);
    g_assert_nonnull (check);
    gtk_check_button_set_active (GTK_CHECK_BUTTON (check), TRUE);
    done = mamori_workspace_get_done_tasks (ws, &error);
    g_assert_true (g_hash_table_contains (done, "s1.five-articles"));
    g_assert_nonnull (strstr (mamori_overview_page_get_security_action (overview), _("One star: you can declare ★")));
    g_assert_cmpstr (g_variant_get_string (gtk_actionable_get_action_target_value (GTK_ACTIONABLE (go)), NULL), ==,
                     "ipa-self-diagnosis");
  }
  close_window (window);
}

static void
test_open_bad_file_keeps_workspace (void)
{
  g_autofree char *good = temp_workspace ("keep.mamori");
  g_autofree char *bad = temp_workspace ("bad.mamori");
  MamoriWindow *window = new_window (good);
  gboolean found_dialog = FALSE;
  GListModel *toplevels;

  g_assert_true (g_file_set_contents (bad, "this is text, not a workspace", -1, NULL));
  g_assert_false (mamori_window_open_workspace (window, bad, FALSE));
  iterate (50);
  /* The current workspace stays open, and an error dialog names the file. */
  g_assert_cmpstr (mamori_workspace_get_path (mamori_window_get_workspace (window)), ==, good);
  toplevels = gtk_window_get_toplevels ();
  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GObject) w = g_list_model_get_item (toplevels, i);
      if (ADW_IS_MESSAGE_DIALOG (w))
        {
          g_assert_nonnull (strstr (adw_message_dialog_get_body (ADW_MESSAGE_DIALOG (w)), "bad.mamori"));
          found_dialog = TRUE;
          gtk_window_destroy (GTK_WINDOW (w));
          break;
        }
    }
  g_assert_true (found_dialog);
  {
    g_autofree char *contents = NULL;
    g_assert_true (g_file_get_contents (bad, &contents, NULL, NULL));
    g_assert_cmpstr (contents, ==, "this is text, not a workspace");
  }
  close_window (window);
}

/* A workspace on a shared drive that someone else is editing opens read-only, with a bar
 * that names them; nothing is written into it. */
static void
test_read_only_bar (void)
{
  g_autofree char *path = temp_workspace ("shared.mamori");
  g_autofree char *lock = g_strconcat (path, ".lock", NULL);
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  MamoriWindow *window;
  GtkInfoBar *bar;
  GtkLabel *label;

  {
    g_autoptr(MamoriWorkspace) ws = mamori_workspace_open (path, MAMORI_WORKSPACE_OPEN_CREATE, NULL);
    g_assert_nonnull (ws);
  }
  g_assert_true (g_file_set_contents (lock, "tanaka\n田中 太郎\nPC-12\n4242\n2026-04-01T10:02:00+09:00\n", -1, NULL));
  g_assert_true (g_file_get_contents (path, &before, NULL, NULL));
  g_setenv ("MAMORI_ASSUME_NETWORK_FS", "1", TRUE);
  window = new_window (path);
  bar = GTK_INFO_BAR (gtk_widget_get_template_child (GTK_WIDGET (window), MAMORI_TYPE_WINDOW, "read_only_bar"));
  label = GTK_LABEL (gtk_widget_get_template_child (GTK_WIDGET (window), MAMORI_TYPE_WINDOW, "read_only_label"));
  g_assert_true (gtk_info_bar_get_revealed (bar));
  g_assert_nonnull (strstr (gtk_label_get_text (label), "田中 太郎"));
  g_assert_nonnull (strstr (gtk_label_get_text (label), "PC-12"));
  g_assert_nonnull (mamori_workspace_get_read_only_reason (mamori_window_get_workspace (window)));
  close_window (window);
  g_unsetenv ("MAMORI_ASSUME_NETWORK_FS");
  g_assert_true (g_file_get_contents (path, &after, NULL, NULL));
  g_assert_cmpstr (before, ==, after);
  g_assert_true (g_file_test (lock, G_FILE_TEST_EXISTS));
  g_unlink (lock);

  /* Once they have closed it, it opens for editing and the bar is gone. */
  window = new_window (path);
  bar = GTK_INFO_BAR (gtk_widget_get_template_child (GTK_WIDGET (window), MAMORI_TYPE_WINDOW, "read_only_bar"));
  g_assert_false (gtk_info_bar_get_revealed (bar));
  close_window (window);
}

static void
test_preferences_and_shortcuts (void)
{
  g_autofree char *path = temp_workspace ("prefs.mamori");
  MamoriWindow *window = new_window (path);
  MamoriPreferencesWindow *prefs = mamori_preferences_window_new (app, GTK_WINDOW (window), mamori_window_get_workspace (window));
  g_autoptr(GtkBuilder) builder = NULL;
  GtkSwitch *sw;
  GObject *overlay;

  gtk_window_present (GTK_WINDOW (prefs));
  iterate (50);
  sw = GTK_SWITCH (find_widget (GTK_WIDGET (prefs), GTK_TYPE_SWITCH, NULL));
  g_assert_nonnull (sw);
  gtk_switch_set_active (sw, FALSE);
  g_assert_false (g_settings_get_boolean (mamori_application_get_settings (app), "reopen-last"));
  gtk_switch_set_active (sw, TRUE);
  g_assert_true (g_settings_get_boolean (mamori_application_get_settings (app), "reopen-last"));
  /* "Remind me of what is due" writes the autostart entry that runs `mamori --remind`, and
   * removes it again. */
  {
    g_autofree char *autostart = mamori_remind_autostart_path ();
    GtkSwitch *remind = GTK_SWITCH (gtk_widget_get_template_child (GTK_WIDGET (prefs), MAMORI_TYPE_PREFERENCES_WINDOW,
                                                                   "remind_switch"));
    g_assert_false (gtk_switch_get_active (remind));
    gtk_switch_set_active (remind, TRUE);
    g_assert_true (g_settings_get_boolean (mamori_application_get_settings (app), "remind-in-background"));
    g_assert_true (g_file_test (autostart, G_FILE_TEST_EXISTS));
    gtk_switch_set_active (remind, FALSE);
    g_assert_false (g_file_test (autostart, G_FILE_TEST_EXISTS));
  }
  /* The workspace's fiscal year: April unless chosen otherwise. */
  {
    AdwComboRow *fiscal = ADW_COMBO_ROW (gtk_widget_get_template_child (GTK_WIDGET (prefs), MAMORI_TYPE_PREFERENCES_WINDOW,
                                                                        "fiscal_row"));
    MamoriWorkspace *ws = mamori_window_get_workspace (window);
    g_assert_cmpuint (adw_combo_row_get_selected (fiscal), ==, 3);
    adw_combo_row_set_selected (fiscal, 0);
    g_assert_cmpint (mamori_workspace_fiscal_start_month (ws), ==, 1);
  }
  gtk_window_destroy (GTK_WINDOW (prefs));

  builder = gtk_builder_new_from_resource ("/io/github/mamori/Mamori/gtk/help-overlay.ui");
  overlay = gtk_builder_get_object (builder, "help_overlay");
  g_assert_true (GTK_IS_SHORTCUTS_WINDOW (overlay));
  gtk_window_destroy (GTK_WINDOW (overlay));

  /* Every menu action has an accelerator. */
  {
    const char *actions[] = { "win.new-workspace", "win.open-workspace", "win.save-copy",
                              "app.preferences", "win.show-help-overlay", "app.about" };
    for (guint i = 0; i < G_N_ELEMENTS (actions); i++)
      {
        g_auto(GStrv) accels = gtk_application_get_accels_for_action (GTK_APPLICATION (app), actions[i]);
        g_assert_cmpuint (g_strv_length (accels), >=, 1);
      }
  }
  /* The recent list remembers the workspace. */
  {
    g_auto(GStrv) recent = g_settings_get_strv (mamori_application_get_settings (app), "recent-workspaces");
    g_assert_true (g_strv_contains ((const char * const *) recent, path));
  }
  close_window (window);
}

static void
test_new_and_copy (void)
{
  g_autofree char *first = temp_workspace ("first.mamori");
  g_autofree char *created = temp_workspace ("second");            /* extension added */
  g_autofree char *created_full = temp_workspace ("second.mamori");
  g_autofree char *copy = temp_workspace ("copy.mamori");
  MamoriWindow *window = new_window (first);
  g_autoptr(MamoriProfile) profile = mamori_profile_new ();
  g_autoptr(GError) error = NULL;

  g_assert_true (mamori_profile_set_field (profile, MAMORI_PROFILE_FIELD_NAME, "コピー元", NULL));
  g_assert_true (mamori_workspace_set_profile (mamori_window_get_workspace (window), profile, &error));

  /* Save a copy runs in a worker; wait for the file and the toast’s idle. */
  mamori_window_save_copy (window, copy);
  for (int i = 0; i < 300 && !g_file_test (copy, G_FILE_TEST_EXISTS); i++)
    iterate (10);
  iterate (50);
  g_assert_true (g_file_test (copy, G_FILE_TEST_IS_REGULAR));
  g_assert_cmpstr (mamori_workspace_get_path (mamori_window_get_workspace (window)), ==, first);
  {
    g_autoptr(MamoriWorkspace) ws = mamori_workspace_open (copy, MAMORI_WORKSPACE_OPEN_EXISTING, &error);
    g_autoptr(MamoriProfile) p = NULL;
    g_assert_no_error (error);
    p = mamori_workspace_get_profile (ws, &error);
    g_assert_cmpstr (p->name, ==, "コピー元");
  }

  /* New workspace: switches the window to a fresh, empty file. */
  g_assert_true (mamori_window_create_workspace (window, created));
  g_assert_cmpstr (mamori_workspace_get_path (mamori_window_get_workspace (window)), ==, created_full);
  {
    gboolean empty = FALSE;
    g_assert_true (mamori_workspace_is_empty (mamori_window_get_workspace (window), &empty, &error));
    g_assert_true (empty);
  }
  /* Creating over the open workspace is refused and keeps it. */
  g_assert_false (mamori_window_create_workspace (window, created_full));
  g_assert_cmpstr (mamori_workspace_get_path (mamori_window_get_workspace (window)), ==, created_full);
  close_window (window);
}

static void
test_wizard (void)
{
  g_autofree char *path = temp_workspace ("wizard.mamori");
  MamoriWindow *window = new_window (path);
  MamoriWorkspace *ws = mamori_window_get_workspace (window);
  MamoriAssessmentsPage *page = MAMORI_ASSESSMENTS_PAGE (find_widget (GTK_WIDGET (window), MAMORI_TYPE_ASSESSMENTS_PAGE, NULL));
  GtkWidget *wizard;
  g_autoptr(GError) error = NULL;
  gint64 id;

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.show-page", "s", "assessments"));
  iterate (50);
  id = mamori_assessments_page_start (page, "ipa-self-diagnosis", "", "テスト担当");
  g_assert_cmpint (id, >, 0);
  g_assert_cmpstr (mamori_assessments_page_get_view (page), ==, "wizard");
  wizard = mamori_assessments_page_get_wizard (page);

  /* Three answers through the wizard's own actions, as keys 1, 2 and 3 do. */
  g_assert_true (gtk_widget_activate_action (wizard, "wizard.answer", "i", 0));
  g_assert_true (gtk_widget_activate_action (wizard, "wizard.next", NULL));
  g_assert_true (gtk_widget_activate_action (wizard, "wizard.answer", "i", 1));
  g_assert_true (gtk_widget_activate_action (wizard, "wizard.next", NULL));
  g_assert_true (gtk_widget_activate_action (wizard, "wizard.answer", "i", 2));
  g_assert_true (gtk_widget_activate_action (wizard, "wizard.next", NULL));
  {
    /* The header bar's back button (HIG) shows in the wizard and leaves it, as Alt+← does. */
    GtkWidget *back = find_tooltip_button (GTK_WIDGET (window), _("Back (Alt+←)"));
    g_assert_nonnull (back);
    g_assert_true (gtk_widget_get_ancestor (back, ADW_TYPE_HEADER_BAR) != NULL);
    g_assert_true (gtk_widget_get_visible (back));
    g_assert_true (mamori_assessments_page_get_can_go_back (page));
    g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.go-back", NULL));
    iterate (30);
    g_assert_cmpstr (mamori_assessments_page_get_view (page), ==, "list");
    g_assert_false (gtk_widget_get_visible (back));
  }
  close_window (window);

  /* Next launch: the answers are there and the wizard resumes at item 4. */
  window = new_window (path);
  ws = mamori_window_get_workspace (window);
  page = MAMORI_ASSESSMENTS_PAGE (find_widget (GTK_WIDGET (window), MAMORI_TYPE_ASSESSMENTS_PAGE, NULL));
  {
    g_autoptr(GHashTable) answers = mamori_workspace_get_answers (ws, id, &error);
    g_autoptr(MamoriAssessment) a = mamori_workspace_get_assessment (ws, id, &error);
    g_assert_no_error (error);
    g_assert_cmpint (((MamoriAnswer *) g_hash_table_lookup (answers, "1"))->choice, ==, 0);
    g_assert_cmpint (((MamoriAnswer *) g_hash_table_lookup (answers, "2"))->choice, ==, 1);
    g_assert_cmpint (((MamoriAnswer *) g_hash_table_lookup (answers, "3"))->choice, ==, 2);
    g_assert_cmpfloat (a->score, ==, 6);
    g_assert_cmpstr (a->current_item, ==, "4");
  }
  mamori_assessments_page_open (page, id);
  wizard = mamori_assessments_page_get_wizard (page);
  g_assert_cmpint (mamori_assessment_wizard_get_current (MAMORI_ASSESSMENT_WIZARD (wizard)), ==, 3);

  /* Answer the rest and finish: the summary shows; completing it ticks the step-up task. */
  for (int i = 3; i < 25; i++)
    {
      g_assert_true (mamori_assessment_wizard_answer (MAMORI_ASSESSMENT_WIZARD (wizard), 0));
      g_assert_true (gtk_widget_activate_action (wizard, "wizard.next", NULL));
    }
  iterate (30);
  g_assert_cmpstr (mamori_assessments_page_get_view (page), ==, "summary");
  g_assert_true (mamori_assessment_summary_complete (MAMORI_ASSESSMENT_SUMMARY (mamori_assessments_page_get_summary (page))));
  {
    g_autoptr(MamoriAssessment) a = mamori_workspace_get_assessment (ws, id, &error);
    g_autoptr(GHashTable) done = mamori_workspace_get_done_tasks (ws, &error);
    g_assert_true (a->completed);
    g_assert_cmpfloat (a->score, ==, 4 + 2 + 0 + 22 * 4);
    g_assert_true (g_hash_table_contains (done, "s2.self-diagnosis"));
  }
  /* Back from the summary returns to the list. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.show-page", "s", "assessments"));
  iterate (30);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.go-back", NULL));
  g_assert_cmpstr (mamori_assessments_page_get_view (page), ==, "list");
  /* A completed assessment opens on its summary and can start the next round. */
  mamori_assessments_page_open (page, id);
  g_assert_cmpstr (mamori_assessments_page_get_view (page), ==, "summary");
  {
    gint64 next = mamori_assessment_summary_copy (MAMORI_ASSESSMENT_SUMMARY (mamori_assessments_page_get_summary (page)));
    g_assert_cmpint (next, >, id);
    iterate (30);
    g_assert_cmpstr (mamori_assessments_page_get_view (page), ==, "wizard");
  }
  close_window (window);
}

static void
scope_saved_cb (MamoriScopeDialog *dialog,
                gint64             id,
                gint64            *out)
{
  *out = id;
}

/* The scope dialog of the full criteria: a measure left out needs a reason; saving makes
 * version 1 and the in-progress assessment is answered in it; the wizard skips the measure and
 * the summary shows the results by level with the scope. */
static void
test_scope (void)
{
  g_autofree char *path = temp_workspace ("scope.mamori");
  MamoriWindow *window = new_window (path);
  MamoriWorkspace *ws = mamori_window_get_workspace (window);
  MamoriAssessmentsPage *page = MAMORI_ASSESSMENTS_PAGE (find_widget (GTK_WIDGET (window), MAMORI_TYPE_ASSESSMENTS_PAGE, NULL));
  const MamoriChecklist *cl;
  MamoriScopeDialog *dialog;
  GtkWidget *wizard;
  g_autoptr(GError) error = NULL;
  gint64 id, saved = 0;

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.show-page", "s", "assessments"));
  iterate (50);
  id = mamori_assessments_page_start (page, "tech-info-criteria", "", "テスト担当");
  g_assert_cmpint (id, >, 0);
  cl = mamori_catalog_find (mamori_assessments_page_get_catalog (page), "tech-info-criteria");
  g_assert_true (mamori_scope_dialog_applies (cl));
  g_assert_false (mamori_scope_dialog_applies (mamori_catalog_find (mamori_assessments_page_get_catalog (page), "ipa-five-articles")));

  dialog = mamori_scope_dialog_new (ws, cl, id);
  g_signal_connect (dialog, "saved", G_CALLBACK (scope_saved_cb), &saved);
  gtk_window_set_transient_for (GTK_WINDOW (dialog), GTK_WINDOW (window));
  gtk_window_present (GTK_WINDOW (dialog));
  iterate (50);
  mamori_scope_dialog_set_included (dialog, "9", FALSE, "  ");
  g_assert_false (mamori_scope_dialog_save (dialog));
  g_assert_cmpint (saved, ==, 0);
  mamori_scope_dialog_set_included (dialog, "9", FALSE, "One manager, no deputies");
  g_assert_true (mamori_scope_dialog_save (dialog));
  iterate (50);
  g_assert_cmpint (saved, >, 0);
  g_assert_cmpint (mamori_workspace_get_assessment_scope (ws, id, &error), ==, saved);

  /* The wizard asks 1…8, then 10. */
  mamori_assessments_page_open (page, id);
  wizard = mamori_assessments_page_get_wizard (page);
  for (int i = 0; i < 8; i++)
    {
      g_assert_true (mamori_assessment_wizard_answer (MAMORI_ASSESSMENT_WIZARD (wizard), 2));
      g_assert_true (gtk_widget_activate_action (wizard, "wizard.next", NULL));
    }
  {
    g_autoptr(MamoriAssessment) a = mamori_workspace_get_assessment (ws, id, &error);
    g_assert_cmpstr (a->current_item, ==, "10");
  }
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.go-back", NULL));
  iterate (30);

  /* A file of item 10 says which of its named rules or records it shows. */
  {
    g_autoptr(GBytes) content = g_bytes_new_static ("ledger", 6);
    gint64 file = mamori_workspace_add_evidence (ws, id, "10", "ledger.pdf", content, &error);
    const MamoriNode *ten = mamori_checklist_find_item (cl, "10");
    const char *rule = mamori_node_get_evidence_rules (ten)[0] ? mamori_node_get_evidence_rules (ten)[0]
                                                                : mamori_node_get_evidence_records (ten)[0];
    g_autoptr(GPtrArray) files = NULL;
    AdwComboRow *row;

    g_assert_no_error (error);
    g_assert_nonnull (rule);
    mamori_assessments_page_open (page, id);
    wizard = mamori_assessments_page_get_wizard (page);
    row = ADW_COMBO_ROW (find_widget (wizard, ADW_TYPE_COMBO_ROW, "ledger.pdf"));
    g_assert_nonnull (row);
    g_assert_cmpuint (adw_combo_row_get_selected (row), ==, 0);    /* “Other document” */
    adw_combo_row_set_selected (row, 1);                             /* the first name */
    files = mamori_workspace_list_evidence (ws, id, "10", &error);
    g_assert_cmpint (((MamoriEvidence *) files->pdata[0])->id, ==, file);
    g_assert_cmpstr (((MamoriEvidence *) files->pdata[0])->fulfils, ==, rule);
  }
  close_window (window);
}

/* The window imports what the command line imports, in a worker: a checklist library (it
 * joins the list) and an assessment's answers from CSV (the assessment opens on its summary);
 * a bad file says which lines are wrong and changes nothing. */
static void
test_assessments_import (void)
{
  g_autofree char *path = temp_workspace ("import.mamori");
  g_autofree char *yaml = temp_workspace ("own-checklist.yaml");
  g_autofree char *csv = temp_workspace ("answers.csv");
  g_autofree char *bad = temp_workspace ("answers-bad.csv");
  MamoriWindow *window = new_window (path);
  MamoriWorkspace *ws = mamori_window_get_workspace (window);
  MamoriAssessmentsPage *page = MAMORI_ASSESSMENTS_PAGE (find_widget (GTK_WIDGET (window), MAMORI_TYPE_ASSESSMENTS_PAGE, NULL));
  g_autoptr(GError) error = NULL;
  g_autoptr(GFile) yaml_file = g_file_new_for_path (yaml);
  g_autoptr(GFile) csv_file = g_file_new_for_path (csv);
  g_autoptr(GFile) bad_file = g_file_new_for_path (bad);
  guint changes = 0;

  {
    g_autoptr(GBytes) builtin = g_resources_lookup_data ("/io/github/mamori/Mamori/catalog/ipa-five-articles.yaml", 0, &error);
    g_autofree char *text = NULL;
    g_assert_no_error (error);
    text = g_strdup (g_bytes_get_data (builtin, NULL));
    /* The same items under the company's own id. */
    {
      g_auto(GStrv) parts = g_strsplit (text, "ipa-five-articles", -1);
      g_autofree char *own = g_strjoinv ("own-five", parts);
      g_assert_true (g_file_set_contents (yaml, own, -1, NULL));
    }
  }
  g_assert_true (g_file_set_contents (csv, "ref_id,answer\n1,Done\n2,Partly done\n", -1, NULL));
  g_assert_true (g_file_set_contents (bad, "ref_id,answer\n1,maybe\n99,Done\n", -1, NULL));
  g_signal_connect_swapped (ws, "changed::assessment", G_CALLBACK (count_change), &changes);

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.show-page", "s", "assessments"));
  iterate (50);
  g_assert_true (mamori_assessments_page_ensure_loaded (page));

  mamori_assessments_page_import_library (page, yaml_file);
  for (guint i = 0; i < 500 && mamori_assessments_page_is_importing (page); i++)
    iterate (10);
  g_assert_nonnull (mamori_catalog_find (mamori_assessments_page_get_catalog (page), "own-five"));

  mamori_assessments_page_import_answers (page, csv_file, "ipa-self-diagnosis", "");
  for (guint i = 0; i < 500 && mamori_assessments_page_is_importing (page); i++)
    iterate (10);
  iterate (30);
  g_assert_cmpstr (mamori_assessments_page_get_view (page), ==, "summary");
  /* The window's own connection told its listeners. */
  g_assert_cmpuint (changes, >, 0);
  {
    g_autoptr(GPtrArray) list = mamori_workspace_list_assessments (ws, "ipa-self-diagnosis", &error);
    g_assert_no_error (error);
    g_assert_cmpuint (list->len, ==, 1);
    g_assert_cmpfloat (((MamoriAssessment *) list->pdata[0])->score, ==, 6);
  }

  /* A bad file: an error dialog lists the lines; nothing is added. */
  mamori_assessments_page_import_answers (page, bad_file, "ipa-self-diagnosis", "");
  for (guint i = 0; i < 500 && mamori_assessments_page_is_importing (page); i++)
    iterate (10);
  iterate (30);
  {
    GListModel *toplevels = gtk_window_get_toplevels ();
    gboolean found = FALSE;
    for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
      {
        g_autoptr(GObject) w = g_list_model_get_item (toplevels, i);
        if (ADW_IS_MESSAGE_DIALOG (w))
          {
            const char *body = adw_message_dialog_get_body (ADW_MESSAGE_DIALOG (w));
            g_assert_nonnull (strstr (body, "answers-bad.csv"));
            g_assert_nonnull (strstr (body, "maybe"));
            found = TRUE;
            gtk_window_destroy (GTK_WINDOW (w));
            break;
          }
      }
    g_assert_true (found);
  }
  {
    g_autoptr(GPtrArray) list = mamori_workspace_list_assessments (ws, "ipa-self-diagnosis", &error);
    g_assert_cmpuint (list->len, ==, 1);
  }
  g_signal_handlers_disconnect_by_func (ws, count_change, &changes);
  close_window (window);
}

/* The overview lists what is due (the next 30 days and what is overdue), read in a worker. */
static void
test_overview_due (void)
{
  g_autofree char *path = temp_workspace ("due.mamori");
  MamoriWindow *window;
  MamoriOverviewPage *page;
  g_autoptr(GError) error = NULL;

  {
    g_autoptr(MamoriWorkspace) ws = mamori_workspace_open (path, MAMORI_WORKSPACE_OPEN_CREATE, &error);
    g_assert_true (mamori_op_run (mamori_op_find (MAMORI_OP_DEMO, "demo"), ws, NULL, NULL, NULL, &error));
    g_assert_no_error (error);
    mamori_workspace_close (ws);
  }
  window = new_window (path);
  page = MAMORI_OVERVIEW_PAGE (find_widget (GTK_WIDGET (window), MAMORI_TYPE_OVERVIEW_PAGE, NULL));
  iterate (50);
  for (guint i = 0; i < 500 && mamori_overview_page_is_loading_due (page); i++)
    iterate (10);
  /* The demo's last review was a year and more ago: at least that one is overdue. */
  g_assert_cmpuint (mamori_overview_page_get_n_due (page), >, 0);
  {
    GtkWidget *group = GTK_WIDGET (gtk_widget_get_template_child (GTK_WIDGET (page), MAMORI_TYPE_OVERVIEW_PAGE, "due_group"));
    GtkWidget *row = NULL;
    g_assert_true (gtk_widget_get_visible (group));
    /* An entry with a place to act opens it: the register's record, or its view. */
    for (GtkWidget *w = find_widget (group, ADW_TYPE_ACTION_ROW, NULL); w != NULL && row == NULL;
         w = gtk_widget_get_next_sibling (w))
      if (g_strcmp0 (gtk_actionable_get_action_name (GTK_ACTIONABLE (w)), "win.show-record") == 0)
        row = w;
    g_assert_nonnull (row);
    g_assert_true (gtk_widget_activate (row));
    iterate (100);
    g_assert_cmpstr (mamori_window_get_visible_page (window), !=, "overview");
    if (g_str_equal (mamori_window_get_visible_page (window), "registers"))
      {
        MamoriRegistersPage *registers = MAMORI_REGISTERS_PAGE (find_widget (GTK_WIDGET (window), MAMORI_TYPE_REGISTERS_PAGE, NULL));
        MamoriRecordEditor *editor = mamori_registers_page_get_editor (registers);
        g_assert_nonnull (mamori_registers_page_get_view (registers));
        if (editor != NULL)
          gtk_window_destroy (GTK_WINDOW (editor));
      }
  }
  close_window (window);
}

static void
wait_rows (MamoriLedgerPage *page, guint n)
{
  for (int i = 0; i < 300 && mamori_ledger_page_get_n_rows (page) != n; i++)
    iterate (10);
  iterate (50);
  g_assert_cmpuint (mamori_ledger_page_get_n_rows (page), ==, n);
}

static void
test_ledger (void)
{
  g_autofree char *path = temp_workspace ("ledger.mamori");
  MamoriWindow *window = new_window (path);
  MamoriWorkspace *ws = mamori_window_get_workspace (window);
  g_autoptr(GPtrArray) assets = NULL, problems = NULL;
  g_autoptr(GError) error = NULL;
  MamoriLedgerPage *page;
  MamoriAssetQuery q = { .band = MAMORI_RISK_BAND_LARGE, .sort = MAMORI_ASSET_SORT_RISK, .descending = TRUE };
  g_autoptr(GArray) large = NULL;
  MamoriLedgerRow *row;
  gint64 id;
  guint before;

  g_assert_true (mamori_asset_csv_read (mamori_demo_assets_csv (), &assets, &problems, &error));
  g_assert_true (mamori_workspace_add_assets (ws, assets, &error));

  /* The page is built when first shown, and fills from the store in a worker. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.show-page", "s", "assets"));
  page = mamori_window_get_ledger_page (window);
  wait_rows (page, assets->len);

  /* Filtering by band shows what the store says is 大. */
  large = mamori_assets_query_ids (path, &q, NULL, &error);
  mamori_ledger_page_set_filter (page, NULL, MAMORI_RISK_BAND_LARGE);
  wait_rows (page, large->len);
  mamori_ledger_page_set_filter (page, "名簿", -1);
  wait_rows (page, 4);
  mamori_ledger_page_set_filter (page, NULL, -1);
  wait_rows (page, assets->len);

  /* Editing a cell saves the asset; undo and redo restore either state. */
  row = g_list_model_get_item (mamori_ledger_page_get_model (page), 0);
  id = mamori_ledger_row_get_asset (row)->id;
  before = mamori_ledger_row_get_asset (row)->confidentiality;
  g_object_unref (row);
  g_assert_true (mamori_ledger_page_edit (page, 0, MAMORI_ASSET_FIELD_CONFIDENTIALITY, before == 0 ? "1" : "0"));
  g_assert_false (mamori_ledger_page_edit (page, 0, MAMORI_ASSET_FIELD_CONFIDENTIALITY, "7"));   /* refused */
  iterate (30);
  {
    GtkWidget *dialog = NULL;
    GListModel *toplevels = gtk_window_get_toplevels ();
    for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
      {
        g_autoptr(GObject) w = g_list_model_get_item (toplevels, i);
        if (ADW_IS_MESSAGE_DIALOG (w))
          dialog = GTK_WIDGET (w);
      }
    g_assert_nonnull (dialog);   /* the refusal says why */
    gtk_window_destroy (GTK_WINDOW (dialog));
  }
  {
    g_autoptr(MamoriAsset) a = mamori_workspace_get_asset (ws, id, &error);
    g_assert_cmpint (a->confidentiality, ==, before == 0 ? 1 : 0);
  }
  g_assert_true (mamori_ledger_page_undo (page));
  {
    g_autoptr(MamoriAsset) a = mamori_workspace_get_asset (ws, id, &error);
    g_assert_cmpint (a->confidentiality, ==, (int) before);
  }
  g_assert_true (mamori_ledger_page_redo (page));
  {
    g_autoptr(MamoriAsset) a = mamori_workspace_get_asset (ws, id, &error);
    g_assert_cmpint (a->confidentiality, ==, before == 0 ? 1 : 0);
  }
  g_assert_false (mamori_ledger_page_redo (page));

  /* Adding a row: the ledger grows by one. */
  g_assert_cmpint (mamori_ledger_page_add_asset (page), >, 0);
  wait_rows (page, assets->len + 1);
  /* Duplicating two selected rows, then deleting them: back to where it was. */
  gtk_selection_model_select_range (mamori_ledger_page_get_selection (page), 0, 2, TRUE);
  g_assert_cmpuint (mamori_ledger_page_duplicate_selected (page), ==, 2);
  wait_rows (page, assets->len + 3);
  gtk_selection_model_select_range (mamori_ledger_page_get_selection (page), 0, 3, TRUE);
  g_assert_cmpuint (mamori_ledger_page_delete_selected (page), ==, 3);
  wait_rows (page, assets->len);
  close_window (window);
}

/* The popover editor currently open over a ledger cell, if any. */
static GtkPopover *
open_cell_editor (GtkWidget *page)
{
  for (GtkWidget *w = gtk_widget_get_first_child (page); w != NULL;)
    {
      GtkWidget *next;
      if (GTK_IS_POPOVER (w) && gtk_widget_get_visible (w))
        return GTK_POPOVER (w);
      /* Depth-first walk of the page's widget tree. */
      next = gtk_widget_get_first_child (w);
      if (next == NULL)
        while (w != page && (next = gtk_widget_get_next_sibling (w)) == NULL)
          w = gtk_widget_get_parent (w);
      if (w == page)
        break;
      w = next;
    }
  return NULL;
}

/* Classification (issue 14 §3): the selected rows classified in one step, the column shows the
 * label, the filter finds them, one undo puts them back. */
static void
test_ledger_classify (void)
{
  g_autofree char *path = temp_workspace ("ledger-classify.mamori");
  MamoriWindow *window = new_window (path);
  MamoriWorkspace *ws = mamori_window_get_workspace (window);
  g_autoptr(GPtrArray) assets = NULL, problems = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(MamoriLedgerRow) row = NULL;
  MamoriLedgerPage *page;
  gint64 ids[2];
  MamoriAsset *before[2] = { NULL, NULL };

  g_assert_true (mamori_asset_csv_read (mamori_demo_assets_csv (), &assets, &problems, &error));
  g_assert_true (mamori_workspace_add_assets (ws, assets, &error));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.show-page", "s", "assets"));
  page = mamori_window_get_ledger_page (window);
  wait_rows (page, assets->len);
  gtk_selection_model_select_range (mamori_ledger_page_get_selection (page), 0, 2, TRUE);
  for (guint i = 0; i < 2; i++)
    {
      g_autoptr(MamoriLedgerRow) r = g_list_model_get_item (mamori_ledger_page_get_model (page), i);
      ids[i] = mamori_ledger_row_get_asset (r)->id;
      before[i] = mamori_asset_copy (mamori_ledger_row_get_asset (r));
    }
  row = g_list_model_get_item (mamori_ledger_page_get_model (page), 1);
  g_assert_true (_mamori_ledger_page_commit_classification (page, row, 3, 2, 0, "複製禁止;配布先限定：経理部"));
  for (guint i = 0; i < 2; i++)
    {
      g_autoptr(MamoriAsset) a = mamori_workspace_get_asset (ws, ids[i], &error);
      g_autofree char *label = mamori_classification_label (a->classification_c, a->classification_i,
                                                            a->classification_a, a->handling, "ja");
      g_assert_cmpstr (label, ==, "機密性3 / 完全性2 / 複製禁止 / 配布先限定：経理部");
    }
  /* The filter: 要保護情報 finds the two among the others that need protection. */
  {
    g_autoptr(GPtrArray) all = mamori_workspace_list_assets (ws, &error);
    guint protect = 0;
    for (guint i = 0; i < all->len; i++)
      protect += mamori_classification_terms (((MamoriAsset *) all->pdata[i])->classification_c,
                                              ((MamoriAsset *) all->pdata[i])->classification_i,
                                              ((MamoriAsset *) all->pdata[i])->classification_a) != 0;
    g_assert_cmpuint (protect, <, all->len);
    gtk_drop_down_set_selected (page->class_drop, MAMORI_ASSET_CLASS_PROTECTION);
    wait_rows (page, protect);
  }
  gtk_drop_down_set_selected (page->class_drop, MAMORI_ASSET_CLASS_ANY);
  wait_rows (page, assets->len);
  /* The dialog opens for the selection (and is cancelled). */
  _mamori_ledger_page_classify (page, row);
  iterate (100);
  g_assert_true (mamori_ledger_page_undo (page));
  for (guint i = 0; i < 2; i++)
    {
      g_autoptr(MamoriAsset) a = mamori_workspace_get_asset (ws, ids[i], &error);
      g_assert_cmpint (a->classification_c, ==, before[i]->classification_c);
      g_assert_cmpstr (a->handling, ==, before[i]->handling);
      mamori_asset_free (before[i]);
    }
  close_window (window);
}

static void
test_ledger_bulk_split_threats (void)
{
  g_autofree char *path = temp_workspace ("ledger2.mamori");
  MamoriWindow *window = new_window (path);
  MamoriWorkspace *ws = mamori_window_get_workspace (window);
  g_autoptr(GPtrArray) assets = NULL, problems = NULL;
  g_autoptr(GError) error = NULL;
  MamoriLedgerPage *page;
  gint64 ids[3];

  g_assert_true (mamori_asset_csv_read (mamori_demo_assets_csv (), &assets, &problems, &error));
  g_assert_true (mamori_workspace_add_assets (ws, assets, &error));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.show-page", "s", "assets"));
  page = mamori_window_get_ledger_page (window);
  wait_rows (page, assets->len);

  /* Bulk edit: with three rows selected, one edit sets the field on all three, one undo
   * step puts all three back. */
  gtk_selection_model_select_range (mamori_ledger_page_get_selection (page), 0, 3, TRUE);
  for (guint i = 0; i < 3; i++)
    {
      g_autoptr(MamoriLedgerRow) row = g_list_model_get_item (mamori_ledger_page_get_model (page), i);
      ids[i] = mamori_ledger_row_get_asset (row)->id;
    }
  g_assert_true (mamori_ledger_page_edit (page, 1, MAMORI_ASSET_FIELD_MEASURE_OWNER, "情報システム担当"));
  for (guint i = 0; i < 3; i++)
    {
      g_autoptr(MamoriAsset) a = mamori_workspace_get_asset (ws, ids[i], &error);
      g_assert_cmpstr (a->measure_owner, ==, "情報システム担当");
    }
  g_assert_true (mamori_ledger_page_undo (page));
  for (guint i = 0; i < 3; i++)
    {
      g_autoptr(MamoriAsset) a = mamori_workspace_get_asset (ws, ids[i], &error);
      g_assert_cmpstr (a->measure_owner, !=, "情報システム担当");
    }
  /* A row outside the selection is edited alone. */
  g_assert_true (mamori_ledger_page_edit (page, 5, MAMORI_ASSET_FIELD_MEASURE_OWNER, "総務"));
  {
    g_autoptr(MamoriAsset) a = mamori_workspace_get_asset (ws, ids[0], &error);
    g_assert_cmpstr (a->measure_owner, !=, "総務");
  }

  /* Split by medium: one copy per selected row, on paper, named after it. */
  gtk_selection_model_select_range (mamori_ledger_page_get_selection (page), 0, 2, TRUE);
  g_assert_cmpuint (mamori_ledger_page_split_selected (page, "書類"), ==, 2);
  wait_rows (page, assets->len + 2);
  {
    g_autoptr(GPtrArray) all = mamori_workspace_list_assets (ws, &error);
    MamoriAsset *copy = all->pdata[all->len - 1];
    g_assert_cmpstr (copy->medium, ==, "書類");
    g_assert_true (g_str_has_suffix (copy->name, "書類)"));
  }

  /* The threat catalogue: lowering a medium's threats re-ranks the ledger at once. */
  {
    g_autoptr(GPtrArray) catalogue = mamori_workspace_list_threat_catalogue (ws, &error);
    MamoriThreatCatalogueWindow *editor = mamori_threat_catalogue_window_new (ws, GTK_WINDOW (window));
    g_autoptr(GHashTable) threats = NULL;
    g_assert_cmpuint (mamori_threat_catalogue_window_get_n_groups (editor), ==, 8);
    for (guint i = 0; i < catalogue->len; i++)
      if (g_str_equal (((MamoriThreatEntry *) catalogue->pdata[i])->medium, "書類"))
        g_assert_true (mamori_threat_catalogue_window_set (editor, i, NULL, 1));
    threats = mamori_workspace_get_medium_threats (ws, &error);
    g_assert_cmpint (mamori_medium_threat_lookup (threats, "書類"), ==, 1);
    gtk_window_destroy (GTK_WINDOW (editor));
  }

  /* Keyboard editing: the editor opens on a cell; Tab moves it to the next column. */
  gtk_selection_model_unselect_all (mamori_ledger_page_get_selection (page));
  g_assert_true (mamori_ledger_page_edit_cell_at (page, 2, MAMORI_ASSET_FIELD_NAME));
  for (guint i = 0; i < 500 && open_cell_editor (GTK_WIDGET (page)) == NULL; i++)
    iterate (20);
  {
    GtkPopover *editor = open_cell_editor (GTK_WIDGET (page));
    GtkWidget *entry;
    g_assert_nonnull (editor);
    entry = gtk_widget_get_first_child (gtk_popover_get_child (editor));
    while (entry != NULL && !GTK_IS_ENTRY (entry))
      entry = gtk_widget_get_next_sibling (entry);
    g_assert_nonnull (entry);
    gtk_editable_set_text (GTK_EDITABLE (entry), "鍵付きキャビネットの台帳");
    g_signal_emit_by_name (entry, "activate");   /* Enter: saved, editor moves down */
    for (guint i = 0; i < 500 && !gtk_selection_model_is_selected (mamori_ledger_page_get_selection (page), 3); i++)
      iterate (20);
    g_assert_true (gtk_selection_model_is_selected (mamori_ledger_page_get_selection (page), 3));
  }
  {
    g_autoptr(MamoriLedgerRow) row = g_list_model_get_item (mamori_ledger_page_get_model (page), 2);
    g_assert_cmpstr (mamori_ledger_row_get_asset (row)->name, ==, "鍵付きキャビネットの台帳");
  }

  /* The menu's risk method: stored in the workspace; the band filter then means 5 × 5 levels. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (page), "ledger.method", "s", "gov5"));
  g_assert_cmpint (mamori_workspace_get_risk_method (ws), ==, MAMORI_RISK_METHOD_GOV5);
  {
    MamoriAssetQuery top = { .band = 3, .method = MAMORI_RISK_METHOD_GOV5, .sort = MAMORI_ASSET_SORT_RISK };
    g_autoptr(GArray) top_ids = mamori_assets_query_ids (path, &top, NULL, &error);
    g_autofree char *method = NULL;
    g_assert_cmpuint (top_ids->len, >, 0);
    g_object_get (page, "risk-method", &method, NULL);
    g_assert_cmpstr (method, ==, "gov5");
    mamori_ledger_page_set_filter (page, NULL, 3);
    wait_rows (page, top_ids->len);
    mamori_ledger_page_set_filter (page, NULL, -1);
    {
      g_autoptr(GPtrArray) all = mamori_workspace_list_assets (ws, &error);
      wait_rows (page, all->len);
    }
  }
  /* With the 5 × 5 method the impact and likelihood cells hold the asset's own assessment:
   * the editor opens on them (it does not with the IPA method), and an edit is saved. */
  g_assert_true (mamori_ledger_page_edit_cell_at (page, 0, MAMORI_ASSET_FIELD_IMPACT5));
  for (guint i = 0; i < 500 && open_cell_editor (GTK_WIDGET (page)) == NULL; i++)
    iterate (20);
  g_assert_nonnull (open_cell_editor (GTK_WIDGET (page)));
  gtk_popover_popdown (open_cell_editor (GTK_WIDGET (page)));
  iterate (20);
  {
    /* Rows are ranked by risk, so an edit may move its row: find it by id each time. */
    g_autoptr(MamoriLedgerRow) row0 = g_list_model_get_item (mamori_ledger_page_get_model (page), 0);
    gint64 id0 = mamori_ledger_row_get_asset (row0)->id;
    guint pos = 0;

    g_assert_true (mamori_ledger_page_edit (page, 0, MAMORI_ASSET_FIELD_IMPACT5, "2"));
    for (guint tries = 0; tries < 500; tries++)
      {
        gboolean found = FALSE;
        for (guint i = 0; i < g_list_model_get_n_items (mamori_ledger_page_get_model (page)) && !found; i++)
          {
            g_autoptr(MamoriLedgerRow) r = g_list_model_get_item (mamori_ledger_page_get_model (page), i);
            if (mamori_ledger_row_get_asset (r)->id == id0 && mamori_ledger_row_get_asset (r)->impact5 == 2)
              {
                pos = i;
                found = TRUE;
              }
          }
        if (found)
          break;
        iterate (20);
      }
    g_assert_true (mamori_ledger_page_edit (page, pos, MAMORI_ASSET_FIELD_LIKELIHOOD5, "4"));
    g_assert_false (mamori_ledger_page_edit (page, pos, MAMORI_ASSET_FIELD_LIKELIHOOD5, "9"));   /* refused */
    iterate (30);
    {
      GListModel *toplevels = gtk_window_get_toplevels ();
      for (guint i = g_list_model_get_n_items (toplevels); i-- > 0;)
        {
          g_autoptr(GObject) w = g_list_model_get_item (toplevels, i);
          if (ADW_IS_MESSAGE_DIALOG (w))
            gtk_window_destroy (GTK_WINDOW (w));
        }
    }
    {
      g_autoptr(MamoriAsset) stored = mamori_workspace_get_asset (ws, id0, &error);
      g_assert_no_error (error);
      g_assert_cmpint (stored->impact5, ==, 2);
      g_assert_cmpint (stored->likelihood5, ==, 4);
    }
  }
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (page), "ledger.method", "s", "ipa"));
  g_assert_false (mamori_ledger_page_edit_cell_at (page, 0, MAMORI_ASSET_FIELD_IMPACT5));
  close_window (window);
}

/* --- the ledger like a spreadsheet ---------------------------------------------------------- */

/* Sends a key press to widget's key controllers, as GTK does for an event that reaches it. */
static gboolean
send_key (GtkWidget *widget, guint keyval)
{
  GListModel *controllers = gtk_widget_observe_controllers (widget);
  gboolean handled = FALSE;

  for (guint i = 0; i < g_list_model_get_n_items (controllers) && !handled; i++)
    {
      g_autoptr(GObject) c = g_list_model_get_item (controllers, i);
      if (GTK_IS_EVENT_CONTROLLER_KEY (c))
        g_signal_emit_by_name (c, "key-pressed", keyval, 0, 0, &handled);
    }
  g_object_unref (controllers);
  return handled;
}

static guint
editor_data (GtkPopover *editor, const char *key)
{
  return GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (editor), key));
}

/* Waits for the cell editor to be open on (position, column). */
static GtkPopover *
wait_editor (GtkWidget *page, guint position, guint column)
{
  for (guint i = 0; i < 500; i++)
    {
      GtkPopover *e = open_cell_editor (page);
      if (e != NULL && editor_data (e, "mamori-position") == position && editor_data (e, "mamori-column") == column)
        return e;
      iterate (20);
    }
  return NULL;
}

static GtkWidget *
find_button_with_value (GtkWidget *root, const char *value)
{
  if (GTK_IS_BUTTON (root) && g_strcmp0 (g_object_get_data (G_OBJECT (root), "mamori-value"), value) == 0)
    return root;
  for (GtkWidget *c = gtk_widget_get_first_child (root); c; c = gtk_widget_get_next_sibling (c))
    {
      GtkWidget *found = find_button_with_value (c, value);
      if (found)
        return found;
    }
  return NULL;
}

static GtkWidget *
find_css_class (GtkWidget *root, const char *css_class)
{
  if (gtk_widget_has_css_class (root, css_class))
    return root;
  for (GtkWidget *c = gtk_widget_get_first_child (root); c; c = gtk_widget_get_next_sibling (c))
    {
      GtkWidget *found = find_css_class (c, css_class);
      if (found)
        return found;
    }
  return NULL;
}

static GtkWidget *
find_icon_button (GtkWidget *root, const char *icon)
{
  if (GTK_IS_BUTTON (root) && g_strcmp0 (gtk_button_get_icon_name (GTK_BUTTON (root)), icon) == 0)
    return root;
  for (GtkWidget *c = gtk_widget_get_first_child (root); c; c = gtk_widget_get_next_sibling (c))
    {
      GtkWidget *found = find_icon_button (c, icon);
      if (found)
        return found;
    }
  return NULL;
}

/* A label (or a button's label) showing text, anywhere under root. */
static GtkWidget *
find_label (GtkWidget *root, const char *text)
{
  if (GTK_IS_LABEL (root) && g_strcmp0 (gtk_label_get_text (GTK_LABEL (root)), text) == 0)
    return root;
  if (GTK_IS_BUTTON (root) && g_strcmp0 (gtk_button_get_label (GTK_BUTTON (root)), text) == 0)
    return root;
  for (GtkWidget *c = gtk_widget_get_first_child (root); c; c = gtk_widget_get_next_sibling (c))
    {
      GtkWidget *found = find_label (c, text);
      if (found)
        return found;
    }
  return NULL;
}

/* The status line the store's counts call for. */
static char *
expected_counts (const char *path, MamoriWindow *window)
{
  MamoriAssetQuery q = { .band = -1, .sort = MAMORI_ASSET_SORT_RISK };
  guint c[MAMORI_ASSET_MAX_BANDS] = { 0 };
  g_autoptr(GError) error = NULL;
  g_autoptr(GArray) ids = mamori_assets_query_ids (path, &q, c, &error);
  const MamoriRiskMatrix *m = mamori_risk_matrix_ipa ();
  GString *text = g_string_new (NULL);

  g_assert_no_error (error);
  g_string_printf (text, ngettext ("%u asset", "%u assets", ids->len), ids->len);
  for (int b = 2; b >= 0; b--)
    g_string_append_printf (text, " · %s %u", is_japanese () ? m->risk[b].abbreviation : m->risk[b].name_en, c[b]);
  return g_string_free (text, FALSE);
}

static gboolean
wait_label (MamoriWindow *window, const char *text)
{
  for (guint i = 0; i < 300 && find_label (GTK_WIDGET (window), text) == NULL; i++)
    iterate (10);
  return find_label (GTK_WIDGET (window), text) != NULL;
}

/* Puts the focus on the header bar's first control (where the window puts it at start). */
static void
focus_header_bar (MamoriWindow *window)
{
  GtkWidget *bar = find_widget (GTK_WIDGET (window), ADW_TYPE_HEADER_BAR, NULL);

  g_assert_nonnull (bar);
  gtk_root_set_focus (GTK_ROOT (window), NULL);
  g_assert_true (gtk_widget_child_focus (bar, GTK_DIR_TAB_FORWARD));
  g_assert_false (gtk_widget_is_ancestor (gtk_root_get_focus (GTK_ROOT (window)), GTK_WIDGET (mamori_window_get_ledger_page (window))));
}

/* The focus is in the grid (a row or the editor), not elsewhere in the window. */
static void
assert_focus_in (MamoriWindow *window, GtkWidget *page)
{
  GtkWidget *focus = gtk_root_get_focus (GTK_ROOT (window));

  g_assert_nonnull (focus);
  g_assert_true (gtk_widget_is_ancestor (focus, page));
}

enum { COLUMN_ASSET = 1, COLUMN_MEDIUM = 5, COLUMN_PERSONAL = 6, COLUMN_C = 9, COLUMN_I = 10 };

/* An import is one undo step: undo removes exactly the imported rows (the earlier ones stay,
 * with their ids), redo brings them back. */
static void
test_ledger_import_undo (void)
{
  g_autofree char *path = temp_workspace ("ledger-import.mamori");
  g_autofree char *csv = temp_workspace ("ledger-import.csv");
  MamoriWindow *window = new_window (path);
  MamoriWorkspace *ws = mamori_window_get_workspace (window);
  g_autoptr(GPtrArray) assets = NULL, problems = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GFile) file = NULL;
  MamoriLedgerPage *page;
  guint n;

  g_assert_true (mamori_asset_csv_read (mamori_demo_assets_csv (), &assets, &problems, &error));
  g_assert_true (mamori_workspace_add_assets (ws, assets, &error));
  n = assets->len;
  g_assert_true (g_file_set_contents (csv, mamori_demo_assets_csv (), -1, &error));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.show-page", "s", "assets"));
  page = mamori_window_get_ledger_page (window);
  wait_rows (page, n);

  file = g_file_new_for_path (csv);
  mamori_ledger_page_import_file (page, file);
  wait_rows (page, 2 * n);

  g_assert_true (mamori_ledger_page_undo (page));
  wait_rows (page, n);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(MamoriAsset) a = mamori_workspace_get_asset (ws, ((MamoriAsset *) assets->pdata[i])->id, &error);
      g_assert_no_error (error);
      g_assert_nonnull (a);
      g_assert_cmpstr (a->name, ==, ((MamoriAsset *) assets->pdata[i])->name);
    }

  g_assert_true (mamori_ledger_page_redo (page));
  wait_rows (page, 2 * n);

  /* A file with bad cells: a dialog names the file and each bad line; nothing is added. */
  {
    g_autofree char *bad = temp_workspace ("ledger-bad.csv");
    g_autoptr(GFile) bad_file = g_file_new_for_path (bad);
    GListModel *toplevels = gtk_window_get_toplevels ();
    gboolean found = FALSE;

    g_assert_true (g_file_set_contents (bad, "業務分類,情報資産名称,機密性,完全性,可用性\n総務,台帳,9,1,1\n", -1, NULL));
    mamori_ledger_page_import_file (page, bad_file);
    for (guint i = 0; i < 500 && mamori_ledger_page_is_importing (page); i++)
      iterate (10);
    iterate (30);
    for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
      {
        g_autoptr(GObject) w = g_list_model_get_item (toplevels, i);
        if (ADW_IS_MESSAGE_DIALOG (w))
          {
            const char *body = adw_message_dialog_get_body (ADW_MESSAGE_DIALOG (w));
            g_assert_nonnull (strstr (body, "ledger-bad.csv"));
            g_assert_nonnull (strstr (body, "• "));
            found = TRUE;
            gtk_window_destroy (GTK_WINDOW (w));
            break;
          }
      }
    g_assert_true (found);
    g_assert_cmpuint (mamori_ledger_page_get_n_rows (page), ==, 2 * n);
    g_unlink (bad);
  }

  /* Export runs in a worker (its own connection): the window goes on meanwhile, and the
   * workbook holds every row. */
  {
    g_autofree char *xlsx = temp_workspace ("ledger-export.xlsx");
    g_autoptr(GPtrArray) back = NULL, back_problems = NULL;
    g_autofree char *contents = NULL;
    gsize length = 0;

    mamori_ledger_page_export_file (page, xlsx);
    g_assert_true (mamori_ledger_page_is_exporting (page));
    for (guint i = 0; i < 1000 && mamori_ledger_page_is_exporting (page); i++)
      iterate (10);
    g_assert_false (mamori_ledger_page_is_exporting (page));
    g_assert_true (g_file_get_contents (xlsx, &contents, &length, &error));
    g_assert_true (mamori_asset_ledger_read (xlsx, contents, length, &back, &back_problems, &error));
    g_assert_no_error (error);
    g_assert_cmpuint (back_problems->len, ==, 0);
    g_assert_cmpuint (back->len, ==, 2 * n);
    g_unlink (xlsx);
  }
  close_window (window);
  g_unlink (csv);
}

/* MamoriUndoStack: the page's callback applies a step either way, a new step forgets what was
 * undone, a step that fails is dropped, and can-undo and can-redo notify when they change. */
static guint undo_steps_freed;

static gboolean
undo_stack_apply (gpointer    data,
                  const char *what,
                  gboolean    undo,
                  gpointer    user_data)
{
  GString *log = user_data;

  g_string_append_printf (log, "%s %s %d;", undo ? "undo" : "redo", what, GPOINTER_TO_INT (data));
  return TRUE;
}

static gboolean
undo_stack_fail (gpointer    data,
                 const char *what,
                 gboolean    undo,
                 gpointer    user_data)
{
  return FALSE;
}

static void
undo_step_free (gpointer data)
{
  undo_steps_freed++;
}

static void
count_notify (GObject    *object,
              GParamSpec *pspec,
              guint      *count)
{
  (*count)++;
}

static void
test_undo_stack (void)
{
  g_autoptr(MamoriUndoStack) stack = mamori_undo_stack_new ();
  g_autoptr(GString) log = g_string_new (NULL);
  guint undo_notes = 0, redo_notes = 0, ids[4];
  gboolean can_undo = FALSE;

  undo_steps_freed = 0;
  g_signal_connect (stack, "notify::can-undo", G_CALLBACK (count_notify), &undo_notes);
  g_signal_connect (stack, "notify::can-redo", G_CALLBACK (count_notify), &redo_notes);
  g_assert_false (mamori_undo_stack_get_can_undo (stack));
  g_assert_false (mamori_undo_stack_undo (stack, undo_stack_apply, log));
  g_assert_cmpuint (mamori_undo_stack_get_undo_id (stack), ==, 0);

  /* Three steps: can-undo turns on once. */
  for (int i = 0; i < 3; i++)
    {
      g_autofree char *what = g_strdup_printf ("step%d", i + 1);
      ids[i] = mamori_undo_stack_push (stack, what, GINT_TO_POINTER (i + 1), undo_step_free);
      g_assert_cmpuint (ids[i], >, 0);
      g_assert_true (i == 0 || ids[i] != ids[i - 1]);
    }
  g_assert_cmpuint (undo_notes, ==, 1);
  g_assert_cmpuint (redo_notes, ==, 0);
  g_object_get (stack, "can-undo", &can_undo, NULL);
  g_assert_true (can_undo);
  g_assert_cmpuint (mamori_undo_stack_get_undo_id (stack), ==, ids[2]);
  g_assert_cmpstr (mamori_undo_stack_get_undo_what (stack), ==, "step3");
  g_assert_null (mamori_undo_stack_get_redo_what (stack));

  /* Undo twice, newest first: can-redo turns on once. */
  g_assert_true (mamori_undo_stack_undo (stack, undo_stack_apply, log));
  g_assert_true (mamori_undo_stack_undo (stack, undo_stack_apply, log));
  g_assert_cmpstr (log->str, ==, "undo step3 3;undo step2 2;");
  g_assert_true (mamori_undo_stack_get_can_undo (stack));
  g_assert_true (mamori_undo_stack_get_can_redo (stack));
  g_assert_cmpuint (undo_notes, ==, 1);
  g_assert_cmpuint (redo_notes, ==, 1);
  g_assert_cmpuint (mamori_undo_stack_get_undo_id (stack), ==, ids[0]);
  g_assert_cmpstr (mamori_undo_stack_get_redo_what (stack), ==, "step2");

  /* Redo once: the last step undone comes back, with its id. */
  g_string_truncate (log, 0);
  g_assert_true (mamori_undo_stack_redo (stack, undo_stack_apply, log));
  g_assert_cmpstr (log->str, ==, "redo step2 2;");
  g_assert_cmpuint (mamori_undo_stack_get_undo_id (stack), ==, ids[1]);
  g_assert_cmpstr (mamori_undo_stack_get_redo_what (stack), ==, "step3");
  g_assert_cmpuint (redo_notes, ==, 1);
  g_assert_cmpuint (undo_steps_freed, ==, 0);

  /* A new step forgets what was undone (step3 is freed): can-redo turns off. */
  ids[3] = mamori_undo_stack_push (stack, "step4", GINT_TO_POINTER (4), undo_step_free);
  g_assert_false (mamori_undo_stack_get_can_redo (stack));
  g_assert_false (mamori_undo_stack_redo (stack, undo_stack_apply, log));
  g_assert_cmpuint (redo_notes, ==, 2);
  g_assert_cmpuint (undo_steps_freed, ==, 1);
  g_assert_cmpuint (mamori_undo_stack_get_undo_id (stack), ==, ids[3]);

  /* A step that fails to apply is dropped, not moved to redo. */
  g_assert_false (mamori_undo_stack_undo (stack, undo_stack_fail, NULL));
  g_assert_cmpuint (undo_steps_freed, ==, 2);
  g_assert_false (mamori_undo_stack_get_can_redo (stack));
  g_assert_cmpuint (redo_notes, ==, 2);
  g_assert_cmpuint (mamori_undo_stack_get_undo_id (stack), ==, ids[1]);

  /* Clearing frees the rest: can-undo turns off. */
  mamori_undo_stack_clear (stack);
  g_assert_false (mamori_undo_stack_get_can_undo (stack));
  g_assert_cmpuint (undo_notes, ==, 2);
  g_assert_cmpuint (undo_steps_freed, ==, 4);
}

static void
test_ledger_spreadsheet (void)
{
  g_autofree char *path = temp_workspace ("ledger3.mamori");
  MamoriWindow *window = new_window (path);
  MamoriWorkspace *ws = mamori_window_get_workspace (window);
  g_autoptr(GPtrArray) assets = NULL, problems = NULL;
  g_autoptr(GError) error = NULL;
  MamoriLedgerPage *page;
  GtkWidget *pw;
  GtkScrolledWindow *outer, *inner;
  GtkAdjustment *h, *v;
  GtkPopover *editor;
  guint n;

  g_assert_true (mamori_asset_csv_read (mamori_demo_assets_csv (), &assets, &problems, &error));
  g_assert_true (mamori_workspace_add_assets (ws, assets, &error));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.show-page", "s", "assets"));
  page = mamori_window_get_ledger_page (window);
  pw = GTK_WIDGET (page);
  n = assets->len;
  wait_rows (page, n);
  /* The rows' own scroller (vertical) inside the one that scrolls them sideways with the header. */
  inner = GTK_SCROLLED_WINDOW (gtk_widget_get_ancestor (find_css_class (pw, "mamori-ledger"), GTK_TYPE_SCROLLED_WINDOW));
  outer = GTK_SCROLLED_WINDOW (gtk_widget_get_ancestor (gtk_widget_get_parent (GTK_WIDGET (inner)), GTK_TYPE_SCROLLED_WINDOW));
  h = gtk_scrolled_window_get_hadjustment (outer);
  v = gtk_scrolled_window_get_vadjustment (inner);

  /* The status line counts as the store does, with the band names of the UI's language; so
   * do the band chips. */
  {
    g_autofree char *want = expected_counts (path, window);
    GtkWidget *chip = find_css_class (find_css_class (pw, "mamori-ledger"), "mamori-band");
    const MamoriRiskMatrix *m = mamori_risk_matrix_ipa ();
    gboolean known = FALSE;
    g_assert_true (wait_label (window, want));
    g_assert_nonnull (chip);
    for (guint b = 0; b < 3; b++)
      known |= g_str_equal (gtk_label_get_text (GTK_LABEL (chip)), is_japanese () ? m->risk[b].abbreviation : m->risk[b].name_en);
    g_assert_true (known);
  }

  /* 1. Picking a medium keeps the edited row and the sideways position where they are. */
  gtk_adjustment_set_value (v, 120);
  iterate (100);
  g_assert_true (mamori_ledger_page_edit_cell_at (page, 4, MAMORI_ASSET_FIELD_MEDIUM));
  editor = wait_editor (pw, 4, COLUMN_MEDIUM);
  g_assert_nonnull (editor);
  iterate (100);
  {
    double hx = gtk_adjustment_get_value (h), vy = gtk_adjustment_get_value (v);
    g_autoptr(MamoriLedgerRow) row = g_list_model_get_item (mamori_ledger_page_get_model (page), 4);
    gint64 id = mamori_ledger_row_get_asset (row)->id;
    const char *medium = g_strcmp0 (mamori_ledger_row_get_asset (row)->medium, "書類") == 0 ? "事務所PC" : "書類";
    GtkWidget *choice = find_button_with_value (GTK_WIDGET (editor), medium);

    g_assert_nonnull (choice);
    g_signal_emit_by_name (choice, "clicked");
    iterate (400);
    g_assert_cmpfloat (gtk_adjustment_get_value (h), ==, hx);
    g_assert_cmpfloat (gtk_adjustment_get_value (v), ==, vy);
    {
      g_autoptr(MamoriAsset) a = mamori_workspace_get_asset (ws, id, &error);
      g_assert_cmpstr (a->medium, ==, medium);
    }
    assert_focus_in (window, pw);
    /* A flag toggled with the focus on the row: nothing moves either. */
    g_assert_true (mamori_ledger_page_edit (page, 4, MAMORI_ASSET_FIELD_PERSONAL_INFO,
                                            mamori_ledger_row_get_asset (row)->personal_info ? "" : "有"));
    iterate (400);
    g_assert_cmpfloat (gtk_adjustment_get_value (h), ==, hx);
    g_assert_cmpfloat (gtk_adjustment_get_value (v), ==, vy);
    assert_focus_in (window, pw);
  }

  /* 6. Scrolled sideways to a far column, the category and name columns stay in view (drawn
   * shifted back by the scroll) and the edited cell comes out clear of them. */
  g_assert_true (mamori_ledger_page_edit_cell_at (page, 1, MAMORI_ASSET_FIELD_REMARKS));
  editor = wait_editor (pw, 1, 25);   /* Remarks */
  g_assert_nonnull (editor);
  iterate (100);
  {
    GtkWidget *header = find_css_class (pw, "mamori-ledger-header");
    GtkWidget *name_heading = gtk_widget_get_next_sibling (gtk_widget_get_first_child (header));
    GtkWidget *cell = gtk_widget_get_parent (GTK_WIDGET (editor));
    graphene_rect_t name_bounds, cell_bounds;
    double frozen;

    g_assert_true (gtk_widget_compute_bounds (name_heading, header, &name_bounds));
    frozen = name_bounds.origin.x + name_bounds.size.width;
    g_assert_cmpfloat (gtk_adjustment_get_value (h), >, 0);
    g_assert_cmpfloat (mamori_ledger_row_box_get_shift (MAMORI_LEDGER_ROW_BOX (header)), ==, gtk_adjustment_get_value (h));
    g_assert_cmpfloat (mamori_ledger_row_box_get_shift (MAMORI_LEDGER_ROW_BOX (gtk_widget_get_parent (cell))), ==,
                       gtk_adjustment_get_value (h));
    g_assert_true (gtk_widget_compute_bounds (cell, GTK_WIDGET (outer), &cell_bounds));
    g_assert_cmpfloat (cell_bounds.origin.x, >=, frozen);
    g_assert_cmpfloat (cell_bounds.origin.x + cell_bounds.size.width, <=, gtk_widget_get_width (GTK_WIDGET (outer)));
    gtk_popover_popdown (editor);
    iterate (50);
    gtk_adjustment_set_value (h, 0);
  }

  /* 5. The counts follow a cell edit. */
  {
    g_autoptr(MamoriLedgerRow) row = g_list_model_get_item (mamori_ledger_page_get_model (page), n - 1);
    g_autofree char *want = NULL;
    g_assert_true (mamori_ledger_page_edit (page, n - 1, MAMORI_ASSET_FIELD_CONFIDENTIALITY,
                                            mamori_ledger_row_get_asset (row)->confidentiality == 2 ? "0" : "2"));
    want = expected_counts (path, window);
    g_assert_true (wait_label (window, want));
  }

  /* 2. Keys in the editor: a digit picks the value and moves on like Tab, Enter moves down,
   * Esc closes it; the focus stays in the grid all along, even when it was in the header bar
   * before (as after start, or after a click on a tab). */
  focus_header_bar (window);
  g_assert_true (mamori_ledger_page_edit_cell_at (page, 2, MAMORI_ASSET_FIELD_CONFIDENTIALITY));
  editor = wait_editor (pw, 2, COLUMN_C);
  g_assert_nonnull (editor);
  {
    g_autoptr(MamoriLedgerRow) row = g_list_model_get_item (mamori_ledger_page_get_model (page), 2);
    gint64 id = mamori_ledger_row_get_asset (row)->id;
    int c = mamori_ledger_row_get_asset (row)->confidentiality == 1 ? 2 : 1;
    g_assert_true (send_key (GTK_WIDGET (editor), GDK_KEY_0 + c));
    editor = wait_editor (pw, 2, COLUMN_I);
    g_assert_nonnull (editor);
    assert_focus_in (window, pw);
    {
      g_autoptr(MamoriAsset) a = mamori_workspace_get_asset (ws, id, &error);
      g_assert_cmpint (a->confidentiality, ==, c);
    }
  }
  g_assert_true (send_key (GTK_WIDGET (editor), GDK_KEY_Return));   /* keeps I, moves down */
  editor = wait_editor (pw, 3, COLUMN_I);
  g_assert_nonnull (editor);
  g_assert_true (send_key (GTK_WIDGET (editor), GDK_KEY_Tab));
  editor = wait_editor (pw, 3, COLUMN_I + 1);
  g_assert_nonnull (editor);
  focus_header_bar (window);
  gtk_widget_grab_focus (find_widget (GTK_WIDGET (editor), GTK_TYPE_BUTTON, NULL));
  send_key (GTK_WIDGET (editor), GDK_KEY_Escape);
  for (guint i = 0; i < 100 && open_cell_editor (pw) != NULL; i++)
    iterate (10);
  g_assert_null (open_cell_editor (pw));
  iterate (100);
  assert_focus_in (window, pw);
  /* Enter in a text cell saves it and opens the one below. */
  focus_header_bar (window);
  g_assert_true (mamori_ledger_page_edit_cell_at (page, 5, MAMORI_ASSET_FIELD_NAME));
  editor = wait_editor (pw, 5, COLUMN_ASSET);
  g_assert_nonnull (editor);
  {
    GtkWidget *entry = find_widget (GTK_WIDGET (editor), GTK_TYPE_ENTRY, NULL);
    gtk_editable_set_text (GTK_EDITABLE (entry), "表計算のように");
    g_signal_emit_by_name (entry, "activate");
    editor = wait_editor (pw, 6, COLUMN_ASSET);
    g_assert_nonnull (editor);
    assert_focus_in (window, pw);
    gtk_popover_popdown (editor);
    iterate (50);
  }

  /* 3. "+" adds a row, selects it, scrolls to it and opens its name for typing. */
  {
    GtkWidget *add = find_icon_button (pw, "list-add-symbolic");
    g_assert_nonnull (add);
    g_signal_emit_by_name (add, "clicked");
    wait_rows (page, n + 1);
    for (guint i = 0; i < 500 && (editor = open_cell_editor (pw)) == NULL; i++)
      iterate (20);
    g_assert_nonnull (editor);
    g_assert_cmpuint (editor_data (editor, "mamori-column"), ==, COLUMN_ASSET);
    {
      guint pos = editor_data (editor, "mamori-position");
      g_autoptr(MamoriLedgerRow) row = g_list_model_get_item (mamori_ledger_page_get_model (page), pos);
      g_autoptr(GtkBitset) selected = gtk_selection_model_get_selection (mamori_ledger_page_get_selection (page));
      g_assert_cmpstr (mamori_ledger_row_get_asset (row)->name, ==, _("New asset"));
      g_assert_true (gtk_selection_model_is_selected (mamori_ledger_page_get_selection (page), pos));
      g_assert_cmpuint (gtk_bitset_get_size (selected), ==, 1);
      assert_focus_in (window, pw);
    }
    gtk_popover_popdown (editor);
    iterate (50);
  }

  /* 4. Ctrl+Z undoes every change, newest first, and names it. */
  g_assert_true (gtk_widget_activate_action (pw, "ledger.undo", NULL));
  wait_rows (page, n);
  g_assert_true (wait_label (window, _("Undid: adding 1 asset")));
  gtk_selection_model_select_range (mamori_ledger_page_get_selection (page), 0, 2, TRUE);
  g_assert_cmpuint (mamori_ledger_page_duplicate_selected (page), ==, 2);
  wait_rows (page, n + 2);
  g_assert_true (mamori_ledger_page_undo (page));
  wait_rows (page, n);
  g_assert_true (wait_label (window, _("Undid: duplicating 2 assets")));
  g_assert_true (mamori_ledger_page_redo (page));
  wait_rows (page, n + 2);
  g_assert_true (mamori_ledger_page_undo (page));
  wait_rows (page, n);
  gtk_selection_model_select_range (mamori_ledger_page_get_selection (page), 0, 3, TRUE);
  g_assert_cmpuint (mamori_ledger_page_delete_selected (page), ==, 3);
  wait_rows (page, n - 3);
  g_assert_true (mamori_ledger_page_undo (page));
  wait_rows (page, n);
  g_assert_true (wait_label (window, _("Undid: deleting 3 assets")));
  gtk_selection_model_select_range (mamori_ledger_page_get_selection (page), 0, 1, TRUE);
  g_assert_cmpuint (mamori_ledger_page_split_selected (page, "書類"), ==, 1);
  wait_rows (page, n + 1);
  g_assert_true (mamori_ledger_page_undo (page));
  wait_rows (page, n);
  g_assert_true (wait_label (window, _("Undid: splitting 1 asset")));
  /* Then the older edits, one step each: the name typed above. */
  g_assert_true (mamori_ledger_page_undo (page));
  g_assert_true (wait_label (window, _("Undid: editing 1 asset")));

  /* 7. A search that hides every row says so and offers to clear it. */
  {
    GtkStack *stack = GTK_STACK (gtk_widget_get_ancestor (find_css_class (pw, "mamori-ledger"), GTK_TYPE_STACK));
    GtkWidget *clear;
    mamori_ledger_page_set_filter (page, "no such asset anywhere", -1);
    wait_rows (page, 0);
    g_assert_cmpstr (gtk_stack_get_visible_child_name (stack), ==, "no-match");
    g_assert_nonnull (find_label (pw, _("No Asset Matches")));
    clear = find_label (pw, _("_Clear Filters"));
    g_assert_nonnull (clear);
    g_signal_emit_by_name (clear, "clicked");
    wait_rows (page, n);
    g_assert_cmpstr (gtk_stack_get_visible_child_name (stack), ==, "table");

    /* A heatmap cell without assets names the cell. */
    for (guint lk = 0; lk < 2; lk++)
      for (guint p = 0; p <= 5; p++)
        for (guint i = 0; i <= 5; i++)
          {
            const MamoriRiskMatrix *m = lk ? mamori_risk_matrix_likelihood () : mamori_risk_matrix_ipa ();
            MamoriAssetQuery q = { .band = -1, .by_cell = TRUE, .cell_likelihood = lk, .cell_probability = p, .cell_impact = i };
            g_autoptr(GArray) ids = NULL;
            int level = mamori_risk_matrix_level (m, p, i);
            g_autofree char *name = NULL;
            g_autofree char *desc = NULL;
            if (level < 0 || stack == NULL)
              continue;
            ids = mamori_assets_query_ids (path, &q, NULL, &error);
            g_assert_no_error (error);
            if (ids->len > 0)
              continue;
            mamori_ledger_page_set_cell_filter (page, MAMORI_RISK_METHOD_IPA, lk, FALSE, p, i, NULL, NULL);
            wait_rows (page, 0);
            g_assert_cmpstr (gtk_stack_get_visible_child_name (stack), ==, "no-match");
            name = g_strdup_printf ("%s %d", is_japanese () ? m->risk[level].abbreviation : m->risk[level].name_en,
                                    mamori_risk_matrix_value (m, p, i));
            desc = g_strdup_printf (_("No asset falls in the heatmap cell %s."), name);
            g_assert_nonnull (find_label (pw, desc));
            clear = find_label (pw, _("_Clear the Cell Filter"));
            g_assert_nonnull (clear);
            g_signal_emit_by_name (clear, "clicked");
            wait_rows (page, n);
            stack = NULL;   /* one cell is enough */
          }
    g_assert_null (stack);   /* an empty cell was found and tried */
  }
  close_window (window);
}

static void
wait_preview (MamoriDocumentsPage *page)
{
  for (guint i = 0; i < 1500 && (mamori_documents_page_is_previewing (page) ||
                                 mamori_documents_page_get_preview_pages (page) == 0); i++)
    iterate (10);
  g_assert_false (mamori_documents_page_is_previewing (page));
}

static void
test_documents (void)
{
  g_autofree char *path = temp_workspace ("documents.mamori");
  g_autofree char *pdf = temp_workspace ("exported.pdf");
  MamoriWindow *window = new_window (path);
  MamoriWorkspace *ws = mamori_window_get_workspace (window);
  g_autoptr(GError) error = NULL;
  g_autoptr(MamoriProfile) profile = mamori_profile_new ();
  g_autoptr(MamoriTemplate) tmpl = mamori_template_builtin ("basic-policy", "en", &error);
  g_autoptr(GPtrArray) versions = NULL;
  MamoriDocumentsPage *page;
  MamoriNewDocumentWindow *create;
  gint64 policy, handbook;

  g_free (profile->name);
  profile->name = g_strdup ("株式会社テスト");
  g_free (profile->security_officer);
  profile->security_officer = g_strdup ("総務部長 山田 花子");
  g_assert_true (mamori_workspace_set_profile (ws, profile, &error));
  /* An approved policy to start from. */
  policy = mamori_workspace_add_document_from_template (ws, tmpl, NULL, &error);
  g_assert_true (mamori_workspace_set_document_status (ws, policy, MAMORI_DOCUMENT_REVIEW, NULL, NULL, &error));
  g_assert_true (mamori_workspace_set_document_status (ws, policy, MAMORI_DOCUMENT_APPROVED, "President", "2026-04-01", &error));

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.show-page", "s", "documents"));
  page = mamori_window_get_documents_page (window);
  g_assert_cmpuint (mamori_documents_page_get_n_documents (page), ==, 1);
  g_assert_cmpint (mamori_documents_page_get_open (page), ==, policy);
  /* The preview is laid out and rendered without the window waiting for it. */
  wait_preview (page);
  g_assert_cmpuint (mamori_documents_page_get_preview_pages (page), >=, 3);

  /* Typing in an approved document starts version 2; version 1 keeps its text. */
  {
    g_autofree char *text = mamori_documents_page_get_text (page);
    g_autofree char *edited = g_strconcat (text, "\n# Review\n\nReviewed every year.\n", NULL);
    mamori_documents_page_set_text (page, edited);
    g_assert_true (mamori_documents_page_save (page));
    versions = mamori_workspace_list_versions (ws, policy, &error);
    g_assert_cmpuint (versions->len, ==, 2);
    g_assert_cmpstr (((MamoriDocumentVersion *) versions->pdata[0])->markdown, ==, text);
    g_assert_cmpstr (((MamoriDocumentVersion *) versions->pdata[1])->markdown, ==, edited);
  }
  wait_preview (page);

  /* A new handbook from its template, with the organisation and officer filled in. */
  create = mamori_new_document_window_new (ws, GTK_WINDOW (window));
  gtk_window_present (GTK_WINDOW (create));
  g_assert_true (mamori_new_document_window_choose (create, "handbook"));
  handbook = mamori_new_document_window_create (create);
  g_assert_cmpint (handbook, >, 0);
  iterate (50);
  g_assert_cmpuint (mamori_documents_page_get_n_documents (page), ==, 2);
  {
    g_autoptr(GPtrArray) hv = mamori_workspace_list_versions (ws, handbook, &error);
    const char *md = ((MamoriDocumentVersion *) hv->pdata[0])->markdown;
    g_assert_nonnull (strstr (md, "株式会社テスト"));
    g_assert_nonnull (strstr (md, "総務部長 山田 花子"));
  }

  /* Export in a worker; the file appears whole. */
  g_assert_true (mamori_documents_page_open (page, policy));
  mamori_documents_page_export (page, pdf);
  g_assert_true (mamori_documents_page_is_exporting (page));
  for (guint i = 0; i < 1000 && mamori_documents_page_is_exporting (page); i++)
    iterate (10);
  g_assert_false (mamori_documents_page_is_exporting (page));
  {
    g_autofree char *head = NULL;
    g_assert_true (g_file_get_contents (pdf, &head, NULL, NULL));
    g_assert_true (g_str_has_prefix (head, "%PDF-"));
  }
  wait_preview (page);

  /* Printing goes through GtkPrintOperation with the same pages (here into a file). */
  {
    g_autofree char *printed = temp_workspace ("printed.pdf");
    g_autofree char *contents = NULL;
    gsize length = 0;
    int pages = mamori_documents_page_print_to_file (page, printed);
    g_assert_cmpint (pages, >=, 3);
    g_assert_true (g_file_get_contents (printed, &contents, &length, NULL));
    g_assert_true (g_str_has_prefix (contents, "%PDF-"));
    /* The printed file has those pages and the document's text. */
    {
      g_autofree char *uri = g_filename_to_uri (printed, NULL, NULL);
      PopplerDocument *doc = poppler_document_new_from_file (uri, NULL, &error);
      PopplerPage *cover;
      g_autofree char *text = NULL;
      g_assert_no_error (error);
      g_assert_cmpint (poppler_document_get_n_pages (doc), ==, pages);
      cover = poppler_document_get_page (doc, 0);
      text = poppler_page_get_text (cover);
      g_assert_nonnull (strstr (text, "Information Security Basic Policy"));
      g_object_unref (cover);
      g_object_unref (doc);
    }
  }
  close_window (window);
}

static void
test_heatmap_page (void)
{
  g_autofree char *path = temp_workspace ("heatmap.mamori");
  MamoriWindow *window = new_window (path);
  MamoriWorkspace *ws = mamori_window_get_workspace (window);
  g_autoptr(GPtrArray) assets = NULL, problems = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(MamoriHeatmap) map = NULL;
  MamoriHeatmapPage *page;
  MamoriLedgerPage *ledger;
  guint cell_p = 0, cell_i = 0, best = 0;

  /* An empty ledger: the page says so and there is nothing to present. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.show-page", "s", "reports"));
  page = mamori_window_get_heatmap_page (window);
  for (guint i = 0; i < 500 && mamori_heatmap_page_is_counting (page); i++)
    iterate (10);
  iterate (20);
  {
    GtkStack *stack = GTK_STACK (gtk_widget_get_template_child (GTK_WIDGET (page), MAMORI_TYPE_HEATMAP_PAGE, "content_stack"));
    g_assert_cmpstr (gtk_stack_get_visible_child_name (stack), ==, "empty");
    GListModel *toplevels = gtk_window_get_toplevels ();
    gtk_widget_activate_action (GTK_WIDGET (window), "win.present", NULL);   /* F5 */
    iterate (20);
    for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
      {
        g_autoptr(GObject) w = g_list_model_get_item (toplevels, i);
        g_assert_false (MAMORI_IS_PRESENTATION_WINDOW (w));
      }
  }

  g_assert_true (mamori_asset_csv_read (mamori_demo_assets_csv (), &assets, &problems, &error));
  g_assert_true (mamori_workspace_add_assets (ws, assets, &error));
  for (guint i = 0; i < 500 && (mamori_heatmap_page_is_counting (page) || mamori_heatmap_page_get_total (page) == 0); i++)
    iterate (10);
  g_assert_cmpuint (mamori_heatmap_page_get_total (page), ==, assets->len);
  {
    GtkStack *stack = GTK_STACK (gtk_widget_get_template_child (GTK_WIDGET (page), MAMORI_TYPE_HEATMAP_PAGE, "content_stack"));
    g_assert_cmpstr (gtk_stack_get_visible_child_name (stack), ==, "maps");
  }

  /* The fullest cell: the tooltip names its level, value and count; the ledger filtered to it
   * shows exactly those assets. */
  map = mamori_workspace_get_heatmap (ws, MAMORI_RISK_METHOD_IPA, FALSE, NULL, NULL, &error);
  for (guint p = 0; p < 3; p++)
    for (guint i = 0; i < 3; i++)
      if (mamori_heatmap_count (map, p, i) > best)
        {
          best = mamori_heatmap_count (map, p, i);
          cell_p = p;
          cell_i = i;
        }
  {
    g_autofree char *text = mamori_heatmap_page_describe_cell (page, FALSE, cell_p, cell_i);
    g_autofree char *count = g_strdup_printf ("%u", best);
    g_assert_nonnull (strstr (text, count));
    g_assert_nonnull (strstr (text, "• "));
  }
  /* A click on a cell asks the window (win.show-assets) for the ledger filtered to it. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.show-assets", "(ibbuuss)",
                                             (gint32) MAMORI_RISK_METHOD_IPA, FALSE, FALSE, (guint32) cell_p,
                                             (guint32) cell_i, "", ""));
  g_assert_cmpstr (mamori_window_get_visible_page (window), ==, "assets");
  ledger = mamori_window_get_ledger_page (window);
  wait_rows (ledger, best);
  /* The review slides: five, moved through with the arrow keys' action, none past the ends. */
  {
    MamoriPresentationWindow *slides = mamori_presentation_window_new (ws, mamori_window_get_catalog (window), GTK_WINDOW (window), &error);
    g_assert_no_error (error);
    gtk_window_present (GTK_WINDOW (slides));
    iterate (50);
    g_assert_cmpuint (mamori_presentation_window_get_n_slides (slides), ==, 5);
    g_assert_cmpuint (mamori_presentation_window_get_slide (slides), ==, 0);
    mamori_presentation_window_move (slides, -1);
    g_assert_cmpuint (mamori_presentation_window_get_slide (slides), ==, 0);
    for (guint i = 1; i < 5; i++)
      {
        mamori_presentation_window_move (slides, 1);
        iterate (20);
        g_assert_cmpuint (mamori_presentation_window_get_slide (slides), ==, i);
      }
    mamori_presentation_window_move (slides, 1);
    g_assert_cmpuint (mamori_presentation_window_get_slide (slides), ==, 4);
    g_assert_cmpstr (mamori_presentation_window_get_title (slides), ==, "Overdue measures");
    gtk_window_destroy (GTK_WINDOW (slides));
  }
  /* Export: the map after the measures at a chosen size, and the review report (written in a
   * worker, then recorded as today's review). */
  {
    g_autofree char *png = g_build_filename (g_get_tmp_dir (), "mamori-ui-after.png", NULL);
    g_autofree char *pdf = g_build_filename (g_get_tmp_dir (), "mamori-ui-review.pdf", NULL);
    g_autofree char *head = NULL;
    g_autoptr(GDateTime) now = g_date_time_new_now_local ();
    g_autofree char *today = g_date_time_format (now, "%Y-%m-%d");
    g_autoptr(MamoriReviewFigures) last = NULL;
    g_autofree char *uri = NULL;
    PopplerDocument *doc;
    PopplerPage *first;
    g_autofree char *text = NULL;
    gsize len = 0;
    g_assert_true (mamori_heatmap_page_export_heatmap (page, TRUE, png, 800, 600, &error));
    g_assert_no_error (error);
    g_assert_true (g_file_get_contents (png, &head, &len, NULL));
    g_assert_cmpuint (len, >, 24);
    /* IHDR: width and height, big-endian. */
    g_assert_cmpuint (GUINT32_FROM_BE (*(guint32 *) (head + 16)), ==, 800);
    g_assert_cmpuint (GUINT32_FROM_BE (*(guint32 *) (head + 20)), ==, 600);
    g_assert_true (mamori_heatmap_page_export_review (page, pdf));
    g_assert_false (mamori_heatmap_page_export_review (page, pdf));   /* one at a time */
    for (guint i = 0; i < 500 && mamori_heatmap_page_is_exporting (page); i++)
      iterate (10);
    g_assert_false (mamori_heatmap_page_is_exporting (page));
    uri = g_filename_to_uri (pdf, NULL, NULL);
    doc = poppler_document_new_from_file (uri, NULL, &error);
    g_assert_no_error (error);
    g_assert_cmpint (poppler_document_get_n_pages (doc), >=, 4);
    first = poppler_document_get_page (doc, 0);
    text = poppler_page_get_text (first);
    g_assert_nonnull (strstr (text, "Management review report"));
    g_object_unref (first);
    g_object_unref (doc);
    last = mamori_workspace_last_review (ws, "9999-12-31", &error);
    g_assert_nonnull (last);
    g_assert_cmpstr (last->held_on, ==, today);
    g_assert_cmpuint (last->bands[0] + last->bands[1] + last->bands[2], ==, assets->len);
    g_unlink (png);
    g_unlink (pdf);
  }
  /* The threat × vulnerability grid: counted the same way; its fullest cell opens in the ledger. */
  {
    g_autoptr(MamoriHeatmap) grid = mamori_workspace_get_likelihood_heatmap (ws, FALSE, NULL, NULL, &error);
    guint gp = 0, gi = 0, most = 0;
    g_autofree char *text = NULL;
    mamori_heatmap_page_set_likelihood_grid (page, TRUE);
    iterate (20);
    for (guint i = 0; i < 500 && mamori_heatmap_page_is_counting (page); i++)
      iterate (10);
    for (guint p = 0; p < 3; p++)
      for (guint i = 0; i < 3; i++)
        if (mamori_heatmap_count (grid, p, i) > most)
          {
            most = mamori_heatmap_count (grid, p, i);
            gp = p;
            gi = i;
          }
    text = mamori_heatmap_page_describe_cell (page, FALSE, gp, gi);
    g_assert_true (g_str_has_prefix (text, mamori_risk_matrix_likelihood ()->risk[mamori_risk_matrix_level (mamori_risk_matrix_likelihood (), gp, gi)].abbreviation));
    mamori_ledger_page_set_cell_filter (ledger, MAMORI_RISK_METHOD_IPA, TRUE, FALSE, gp, gi, NULL, NULL);
    wait_rows (ledger, most);
    mamori_heatmap_page_set_likelihood_grid (page, FALSE);
    for (guint i = 0; i < 500 && mamori_heatmap_page_is_counting (page); i++)
      iterate (10);
  }
  /* A new asset changes the map at once. */
  g_assert_cmpint (mamori_ledger_page_add_asset (ledger), >, 0);
  for (guint i = 0; i < 500 && mamori_heatmap_page_get_total (page) != assets->len + 1; i++)
    iterate (10);
  g_assert_cmpuint (mamori_heatmap_page_get_total (page), ==, assets->len + 1);
  close_window (window);
}

/* The internal audit on an assessment's summary: its corrective actions are listed and its
 * audit report is written in a worker. */
static void
test_internal_audit (void)
{
  g_autofree char *path = temp_workspace ("audit.mamori");
  g_autofree char *pdf = g_build_filename (g_get_tmp_dir (), "mamori-ui-audit.pdf", NULL);
  MamoriWindow *window = new_window (path);
  MamoriWorkspace *ws = mamori_window_get_workspace (window);
  MamoriAssessmentsPage *page = MAMORI_ASSESSMENTS_PAGE (find_widget (GTK_WIDGET (window), MAMORI_TYPE_ASSESSMENTS_PAGE, NULL));
  MamoriAssessmentSummary *summary;
  g_autoptr(GError) error = NULL;
  MamoriAuditPlan plan = { 0, "必須12項目", "監査人 佐藤", "製造部", "製造部に所属しない", TRUE, "2026-06-08", "2026-06-12", "" };
  g_autofree char *uri = NULL;
  PopplerDocument *doc;
  GtkWidget *group;
  gint64 id, action;

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.show-page", "s", "assessments"));
  iterate (50);
  id = mamori_workspace_create_assessment (ws, "tech-info-mandatory", "", "2026-06-12", "山田", &error);
  g_assert_true (mamori_workspace_set_answer (ws, id, "1-1", 0, 1, FALSE, &error));
  g_assert_true (mamori_workspace_set_answer (ws, id, "1-2", 1, 0, FALSE, &error));
  g_assert_true (mamori_workspace_complete_assessment (ws, id, NULL, &error));
  plan.assessment = id;
  g_assert_true (mamori_workspace_set_audit_plan (ws, &plan, &error));
  action = mamori_workspace_add_corrective_action (ws, id, "1-2", "表示の基準を周知する", "佐藤", "2026-07-31", &error);
  g_assert_cmpint (mamori_workspace_add_corrective_action (ws, id, "1-3", "確認記録を残す", "山田", "2026-08-31", &error), >, 0);
  g_assert_true (mamori_workspace_close_corrective_action (ws, action, "2026-07-20", "掲示を確認した", &error));
  g_assert_no_error (error);

  mamori_assessments_page_open (page, id);
  iterate (30);
  g_assert_cmpstr (mamori_assessments_page_get_view (page), ==, "summary");
  summary = MAMORI_ASSESSMENT_SUMMARY (mamori_assessments_page_get_summary (page));
  g_assert_cmpuint (mamori_assessment_summary_get_n_actions (summary), ==, 2);
  group = gtk_widget_get_ancestor (find_widget (GTK_WIDGET (summary), ADW_TYPE_ACTION_ROW, "Audit plan"),
                                   ADW_TYPE_PREFERENCES_GROUP);
  g_assert_nonnull (group);
  g_assert_true (gtk_widget_get_visible (group));
  g_assert_cmpstr (adw_preferences_group_get_title (ADW_PREFERENCES_GROUP (group)), ==,
                   "Internal Audit · 1 of 2 corrective actions closed");

  /* An auditor never audits their own unit: the plan is refused, its dialog opens again with
   * what was typed and the store's reason. */
  {
    GtkWidget *button = GTK_WIDGET (gtk_widget_get_template_child (GTK_WIDGET (summary), MAMORI_TYPE_ASSESSMENT_SUMMARY, "plan_button"));
    GtkWidget *dialog, *again;
    g_signal_emit_by_name (button, "clicked");
    iterate (30);
    dialog = mamori_assessment_summary_get_plan_dialog (summary);
    g_assert_nonnull (dialog);
    g_assert_null (mamori_assessment_summary_get_plan_error (summary));
    gtk_editable_set_text (GTK_EDITABLE (g_object_get_data (G_OBJECT (dialog), "auditor-unit")), "製造部");
    adw_message_dialog_response (ADW_MESSAGE_DIALOG (dialog), "save");
    iterate (50);
    g_assert_nonnull (mamori_assessment_summary_get_plan_error (summary));
    again = mamori_assessment_summary_get_plan_dialog (summary);
    g_assert_nonnull (again);
    g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (g_object_get_data (G_OBJECT (again), "auditor-unit"))), ==, "製造部");
    {
      g_autoptr(MamoriAuditPlan) stored = mamori_workspace_get_audit_plan (ws, id, &error);
      g_assert_no_error (error);
      g_assert_true (stored->auditor_unit == NULL || *stored->auditor_unit == '\0');
    }
    gtk_editable_set_text (GTK_EDITABLE (g_object_get_data (G_OBJECT (again), "auditor-unit")), "監査室");
    adw_message_dialog_response (ADW_MESSAGE_DIALOG (again), "save");
    iterate (50);
    g_assert_cmpstr (mamori_assessment_summary_get_plan_error (summary), ==, NULL);
    {
      g_autoptr(MamoriAuditPlan) stored = mamori_workspace_get_audit_plan (ws, id, &error);
      g_assert_cmpstr (stored->auditor_unit, ==, "監査室");
    }
  }

  /* The audit record: every procedure of the audit listed; one edited with its techniques as
   * toggles (the procedure's own first) and what was confirmed. */
  {
    GtkWidget *button = GTK_WIDGET (gtk_widget_get_template_child (GTK_WIDGET (summary), MAMORI_TYPE_ASSESSMENT_SUMMARY, "record_button"));
    g_autoptr(GList) windows = NULL;
    MamoriAuditRecord *record = NULL;
    g_autoptr(GHashTable) checks = NULL;
    MamoriAuditCheck *check;
    GtkWidget *editor;
    g_signal_emit_by_name (button, "clicked");
    iterate (30);
    windows = gtk_window_list_toplevels ();
    for (GList *l = windows; l != NULL; l = l->next)
      if (MAMORI_IS_AUDIT_RECORD (l->data))
        record = l->data;
    g_assert_nonnull (record);
    g_assert_cmpuint (mamori_audit_record_get_n_rows (record), ==, 45);
    editor = mamori_audit_record_edit (record, "1-2");
    g_assert_true (gtk_toggle_button_get_active (g_object_get_data (G_OBJECT (editor), "review")));
    gtk_toggle_button_set_active (g_object_get_data (G_OBJECT (editor), "interview"), TRUE);
    gtk_text_buffer_set_text (g_object_get_data (G_OBJECT (editor), "confirmed"), "表示の基準を閲覧し、担当者に質問した", -1);
    adw_message_dialog_response (ADW_MESSAGE_DIALOG (editor), "save");
    iterate (30);
    checks = mamori_workspace_get_audit_checks (ws, id, &error);
    g_assert_no_error (error);
    check = g_hash_table_lookup (checks, "1-2");
    g_assert_nonnull (check);
    g_assert_cmpuint (check->techniques, ==, MAMORI_METHOD_REVIEW | MAMORI_METHOD_INTERVIEW);
    g_assert_cmpstr (check->confirmed, ==, "表示の基準を閲覧し、担当者に質問した");
    gtk_window_close (GTK_WINDOW (record));
    iterate (30);
    g_assert_nonnull (strstr (adw_action_row_get_subtitle (ADW_ACTION_ROW (gtk_widget_get_template_child (GTK_WIDGET (summary), MAMORI_TYPE_ASSESSMENT_SUMMARY, "record_row"))),
                              "1 of 45"));
  }

  g_assert_true (mamori_assessment_summary_export_audit (summary, pdf, TRUE));
  for (guint i = 0; i < 500 && mamori_assessment_summary_is_exporting (summary); i++)
    iterate (10);
  g_assert_false (mamori_assessment_summary_is_exporting (summary));
  /* The same report as a Word file, through the same worker (pandoc). */
  {
    g_autofree char *docx = g_strconcat (pdf, ".docx", NULL);
    g_autofree char *head = NULL;
    gsize n = 0;
    g_assert_true (mamori_assessment_summary_export_audit (summary, docx, TRUE));
    for (guint i = 0; i < 500 && mamori_assessment_summary_is_exporting (summary); i++)
      iterate (10);
    g_assert_false (mamori_assessment_summary_is_exporting (summary));
    g_assert_true (g_file_get_contents (docx, &head, &n, NULL));
    g_assert_cmpuint (n, >, 1000);
    g_assert_cmpmem (head, 4, "PK\x03\x04", 4);
    g_unlink (docx);
  }
  uri = g_filename_to_uri (pdf, NULL, NULL);
  doc = poppler_document_new_from_file (uri, NULL, &error);
  g_assert_no_error (error);
  {
    GString *all = g_string_new (NULL);
    for (int i = 0; i < poppler_document_get_n_pages (doc); i++)
      {
        PopplerPage *p = poppler_document_get_page (doc, i);
        g_autofree char *text = poppler_page_get_text (p);
        g_string_append (all, text);
        g_object_unref (p);
      }
    g_assert_nonnull (strstr (all->str, "監査人 佐藤"));
    g_assert_nonnull (strstr (all->str, "表示の基準を周知する"));
    g_string_free (all, TRUE);
  }
  g_object_unref (doc);
  g_unlink (pdf);
  close_window (window);
}

/* The registers: a record added through its editor shows in the list; a part added in the
 * editor; an applicant who approves their own exception is refused with nothing stored and
 * nothing typed lost; delete, then undo, brings the record and its parts back; the training
 * status puts an overdue person first. */
static guint
count_records (MamoriWorkspace *ws, const char *key)
{
  g_autoptr(GError) error = NULL;
  guint n = 0;

  g_assert_true (mamori_workspace_count_records (ws, mamori_register_lookup (key), &n, &error));
  return n;
}

static void
test_registers (void)
{
  g_autofree char *path = temp_workspace ("registers.mamori");
  MamoriWindow *window = new_window (path);
  MamoriWorkspace *ws = mamori_window_get_workspace (window);
  MamoriRegistersPage *page;
  MamoriRecordEditor *editor, *part;
  g_autoptr(GError) error = NULL;
  gint64 id;

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.show-page", "s", "registers"));
  iterate (50);
  page = MAMORI_REGISTERS_PAGE (find_widget (GTK_WIDGET (window), MAMORI_TYPE_REGISTERS_PAGE, NULL));
  g_assert_nonnull (page);
  g_assert_cmpstr (mamori_registers_page_get_view (page), ==, "incidents");
  g_assert_cmpuint (mamori_registers_page_get_n_rows (page), ==, 0);

  /* Add an incident through the editor. */
  editor = mamori_registers_page_add (page);
  g_assert_nonnull (editor);
  g_assert_false (mamori_record_editor_is_dirty (editor));
  mamori_record_editor_set_value (editor, "occurred_at", "2026/5/1 9:30");
  mamori_record_editor_set_value (editor, "title", "USBメモリの紛失");
  mamori_record_editor_set_value (editor, "category", "loss_theft");
  g_assert_true (mamori_record_editor_is_dirty (editor));
  /* A part added to the new incident saves the incident first. */
  part = mamori_record_editor_add_part (editor, "incident_updates");
  g_assert_nonnull (part);
  id = mamori_record_editor_get_id (editor);
  g_assert_cmpint (id, >, 0);
  mamori_record_editor_set_value (part, "reported_at", "2026-05-01 11:00");
  mamori_record_editor_set_value (part, "kind", "first");
  mamori_record_editor_set_value (part, "confirmed", "営業部のUSBメモリ1本。暗号化済み。");
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (part), "editor.save", NULL));
  iterate (50);
  g_assert_cmpuint (mamori_record_editor_get_n_parts (editor, "incident_updates"), ==, 1);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (editor), "editor.save", NULL));
  iterate (50);
  g_assert_cmpuint (mamori_registers_page_get_n_rows (page), ==, 1);
  g_assert_cmpstr (mamori_registers_page_get_row_title (page, 0), ==, "USBメモリの紛失");
  {
    g_autoptr(MamoriRecord) stored = mamori_workspace_get_record (ws, mamori_register_lookup ("incidents"), id, &error);
    g_assert_no_error (error);
    g_assert_cmpstr (mamori_record_get (stored, "occurred_at"), ==, "2026-05-01 09:30");
    g_assert_cmpstr (mamori_record_get (stored, "category"), ==, "loss_theft");
  }

  /* Delete, then undo: the incident and its report come back. */
  {
    AdwToast *toast = mamori_registers_page_delete (page, id);
    g_assert_nonnull (toast);
    iterate (50);
    g_assert_cmpuint (mamori_registers_page_get_n_rows (page), ==, 0);
    g_assert_cmpuint (count_records (ws, "incident_updates"), ==, 0);
    g_signal_emit_by_name (toast, "button-clicked");
    iterate (50);
    g_assert_cmpuint (mamori_registers_page_get_n_rows (page), ==, 1);
    g_assert_cmpstr (mamori_registers_page_get_row_title (page, 0), ==, "USBメモリの紛失");
    g_assert_cmpuint (count_records (ws, "incident_updates"), ==, 1);
  }

  /* The window opens a record where it is (the Overview's What Is Due does this). */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.show-page", "s", "overview"));
  iterate (30);
  id = mamori_registers_page_get_row_id (page, 0);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.show-record", "(ssx)", "registers", "incidents", id));
  iterate (50);
  g_assert_cmpstr (mamori_window_get_visible_page (window), ==, "registers");
  editor = mamori_registers_page_get_editor (page);
  g_assert_nonnull (editor);
  g_assert_cmpint (mamori_record_editor_get_id (editor), ==, id);
  g_assert_cmpuint (mamori_record_editor_get_n_parts (editor, "incident_updates"), ==, 1);
  gtk_window_destroy (GTK_WINDOW (editor));
  iterate (20);

  /* An applicant never approves their own exception: the store's message, nothing saved. */
  mamori_registers_page_show (page, "exceptions", 0);
  iterate (30);
  g_assert_cmpstr (mamori_registers_page_get_view (page), ==, "exceptions");
  editor = mamori_registers_page_add (page);
  mamori_record_editor_set_value (editor, "applicant", "山田 太郎");
  mamori_record_editor_set_value (editor, "rule", "情報セキュリティ関連規程 第5条");
  mamori_record_editor_set_value (editor, "reason", "展示会で顧客リストを持ち出すため");
  mamori_record_editor_set_value (editor, "starts_on", "2026-06-01");
  mamori_record_editor_set_value (editor, "ends_on", "2026-06-03");
  mamori_record_editor_set_value (editor, "decision", "approved");
  mamori_record_editor_set_value (editor, "approver", "山田太郎");
  mamori_record_editor_set_value (editor, "decided_on", "2026-05-20");
  g_assert_false (mamori_record_editor_save (editor));
  g_assert_nonnull (mamori_record_editor_get_error (editor));
  if (!is_japanese ())
    g_assert_nonnull (strstr (mamori_record_editor_get_error (editor), "cannot approve their own exception"));
  g_assert_cmpuint (count_records (ws, "exceptions"), ==, 0);
  g_assert_true (mamori_record_editor_is_dirty (editor));
  /* Another approver: saved, the message gone. */
  mamori_record_editor_set_value (editor, "approver", "鈴木 一郎");
  g_assert_true (mamori_record_editor_save (editor));
  g_assert_null (mamori_record_editor_get_error (editor));
  g_assert_cmpuint (count_records (ws, "exceptions"), ==, 1);
  gtk_window_destroy (GTK_WINDOW (editor));
  iterate (30);
  g_assert_cmpuint (mamori_registers_page_get_n_rows (page), ==, 1);

  /* Training status: a person who joined years ago and was never trained is overdue, first. */
  {
    g_autoptr(MamoriRecord) late = mamori_record_new (mamori_register_lookup ("people"));
    g_autoptr(MamoriRecord) fresh = mamori_record_new (mamori_register_lookup ("people"));
    g_autofree char *today = mamori_today ();
    mamori_record_set (fresh, "name", "新人 花子");
    mamori_record_set (fresh, "joined_on", today);
    g_assert_true (mamori_workspace_save_record (ws, fresh, &error));
    mamori_record_set (late, "name", "古参 次郎");
    mamori_record_set (late, "joined_on", "2015-04-01");
    g_assert_true (mamori_workspace_save_record (ws, late, &error));
    g_assert_no_error (error);
  }
  /* People imported from a CSV file through the import operation, in a worker. */
  {
    g_autofree char *csv = g_build_filename (g_get_user_data_dir (), "people.csv", NULL);
    g_autoptr(GFile) file = g_file_new_for_path (csv);
    g_assert_nonnull (mamori_op_find (MAMORI_OP_IMPORT, "people"));
    g_assert_true (g_file_set_contents (csv, "name,unit,joined_on,access_holder\n取込 三郎,総務部,2024/4/1,yes\n", -1, &error));
    mamori_registers_page_show (page, "people", 0);
    iterate (30);
    g_assert_cmpuint (mamori_registers_page_get_n_rows (page), ==, 2);
    mamori_registers_page_import_file (page, "people", file);
    for (guint i = 0; i < 500 && mamori_registers_page_is_importing (page); i++)
      iterate (10);
    iterate (50);
    g_assert_cmpuint (count_records (ws, "people"), ==, 3);
    g_assert_cmpuint (mamori_registers_page_get_n_rows (page), ==, 3);
  }
  mamori_registers_page_show (page, "training-status", 0);
  iterate (30);
  g_assert_cmpstr (mamori_registers_page_get_view (page), ==, "training-status");
  g_assert_cmpuint (mamori_registers_page_get_n_rows (page), ==, 3);
  g_assert_cmpstr (mamori_registers_page_get_row_title (page, 0), ==, "古参 次郎");
  /* The person opens with their training status and pledges, and nothing to save. */
  id = mamori_registers_page_get_row_id (page, 0);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.show-record", "(ssx)", "registers", "people", id));
  iterate (50);
  editor = mamori_registers_page_get_editor (page);
  g_assert_nonnull (editor);
  g_assert_cmpint (mamori_record_editor_get_id (editor), ==, id);
  g_assert_false (mamori_record_editor_is_dirty (editor));
  /* Print Pledge Form… writes the person's pledge (a PDF) in a worker. */
  {
    g_autofree char *pdf = temp_workspace ("pledge.pdf");
    g_autofree char *contents = NULL;
    gsize length = 0;
    mamori_record_editor_print (editor, pdf);
    for (guint i = 0; i < 500 && !g_file_test (pdf, G_FILE_TEST_EXISTS); i++)
      iterate (2);
    iterate (20);
    g_assert_true (g_file_get_contents (pdf, &contents, &length, NULL));
    g_assert_true (length > 5 && memcmp (contents, "%PDF-", 5) == 0);
  }
  gtk_window_destroy (GTK_WINDOW (editor));
  iterate (20);
  close_window (window);
}

static void
app_startup (GApplication *application, gpointer data)
{
  /* keep the app alive while the tests run */
  g_application_hold (application);
}

int
main (int argc, char *argv[])
{
  const char *localedir = g_getenv ("MAMORI_LOCALEDIR");
  const char *user_dirs[] = { "XDG_DATA_HOME", "XDG_CONFIG_HOME", "XDG_CACHE_HOME", "XDG_STATE_HOME" };
  g_autofree char *home = NULL;
  int rc;

  setlocale (LC_ALL, "");
  bindtextdomain (GETTEXT_PACKAGE, localedir ? localedir : LOCALEDIR);
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  textdomain (GETTEXT_PACKAGE);

  /* Isolate the user's dirs by hand: G_TEST_OPTION_ISOLATE_DIRS would also replace
   * XDG_DATA_DIRS, and gdk-pixbuf then finds no MIME database to recognise SVG icons. */
  home = g_dir_make_tmp ("mamori-ui-XXXXXX", NULL);
  g_assert_nonnull (home);
  for (guint i = 0; i < G_N_ELEMENTS (user_dirs); i++)
    {
      g_autofree char *dir = g_build_filename (home, user_dirs[i], NULL);
      g_mkdir_with_parents (dir, 0700);
      g_setenv (user_dirs[i], dir, TRUE);
    }
  g_setenv ("HOME", home, TRUE);

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

  app = mamori_application_new ();
  g_application_set_flags (G_APPLICATION (app), G_APPLICATION_NON_UNIQUE);
  g_signal_connect (app, "startup", G_CALLBACK (app_startup), NULL);
  g_assert_true (g_application_register (G_APPLICATION (app), NULL, NULL));

  g_test_add_func ("/ui/window/pages", test_window_pages);
  g_test_add_func ("/ui/window/language", test_language);
  g_test_add_func ("/ui/window/narrow", test_window_narrow);
  g_test_add_func ("/ui/assessments/sheets", test_sheets_view);
  g_test_add_func ("/ui/window/export", test_window_export);
  g_test_add_func ("/ui/overview/edit", test_overview_edit);
  g_test_add_func ("/ui/overview/due", test_overview_due);
  g_test_add_func ("/ui/window/open-bad-file", test_open_bad_file_keeps_workspace);
  g_test_add_func ("/ui/window/read-only-bar", test_read_only_bar);
  g_test_add_func ("/ui/preferences-and-shortcuts", test_preferences_and_shortcuts);
  g_test_add_func ("/ui/window/new-and-copy", test_new_and_copy);
  g_test_add_func ("/ui/assessments/wizard", test_wizard);
  g_test_add_func ("/ui/assessments/import", test_assessments_import);
  g_test_add_func ("/ui/assessments/scope", test_scope);
  g_test_add_func ("/ui/ledger", test_ledger);
  g_test_add_func ("/ui/ledger/bulk-split-threats", test_ledger_bulk_split_threats);
  g_test_add_func ("/ui/ledger/classify", test_ledger_classify);
  g_test_add_func ("/ui/ledger/spreadsheet", test_ledger_spreadsheet);
  g_test_add_func ("/ui/ledger/import-undo", test_ledger_import_undo);
  g_test_add_func ("/ui/undo-stack", test_undo_stack);
  g_test_add_func ("/ui/documents", test_documents);
  g_test_add_func ("/ui/heatmap", test_heatmap_page);
  g_test_add_func ("/ui/internal-audit", test_internal_audit);
  g_test_add_func ("/ui/registers", test_registers);
  rc = g_test_run ();

  g_application_release (G_APPLICATION (app));
  g_object_unref (app);
  {
    g_autofree char *cmd = g_strdup_printf ("rm -rf '%s'", home);
    if (system (cmd) != 0)
      g_printerr ("could not remove %s\n", home);
  }
  return rc;
}
