/* test-roles-ui-pages.c — part of test-roles-ui (roles-ui.h): the assessments, documents and
 * overview pages and the preferences offer each role what it may change, on a real server,
 * and what they offer the server takes. */
#include "config.h"

#include <string.h>

#include "roles-ui.h"
#include "store/mamori-assessments.h"
#include "store/mamori-reviews.h"
#include "ui/mamori-application.h"
#include "ui/mamori-assessment-summary.h"
#include "ui/mamori-assessment-wizard-private.h"
#include "ui/mamori-assessments-page-private.h"
#include "ui/mamori-documents-page-private.h"
#include "ui/mamori-overview-page-private.h"
#include "ui/mamori-preferences-window.h"
#include "ui/mamori-sheets-view.h"

#define CHECKLIST "ipa-five-articles"
#define FIRST_ITEM "1"   /* its first item's ref_id */

/* Two assessments in progress made by the officer: the editor's (its respondent is the
 * editor's person) and someone else's. */
static gint64 mine, others;

static void
make_assessments (void)
{
  g_autoptr(GError) error = NULL;
  MamoriWorkspace *ws = roles_ui_officer ();

  if (mine != 0)
    return;
  mine = mamori_workspace_create_assessment (ws, CHECKLIST, "", "2025-01-10", ROLES_UI_PERSON, &error);
  g_assert_no_error (error);
  others = mamori_workspace_create_assessment (ws, CHECKLIST, "", "2025-01-11", "山田 花子", &error);
  g_assert_no_error (error);
  /* Someone has begun answering it: an auditor may not make it an audit of theirs. */
  g_assert_true (mamori_workspace_set_answer (ws, others, FIRST_ITEM, 0, 0, FALSE, &error));
  g_assert_no_error (error);
}

static GtkWidget *
child (GtkWidget  *widget,
       GType       type,
       const char *name)
{
  return GTK_WIDGET (gtk_widget_get_template_child (widget, type, name));
}

/* The buttons of the list that carry data key (the checklists' New, the rows' Delete). */
static void
collect_buttons (GtkWidget  *widget,
                 const char *key,
                 GPtrArray  *out)
{
  for (GtkWidget *c = gtk_widget_get_first_child (widget); c != NULL; c = gtk_widget_get_next_sibling (c))
    {
      if (GTK_IS_BUTTON (c) && g_object_get_data (G_OBJECT (c), key) != NULL)
        g_ptr_array_add (out, c);
      collect_buttons (c, key, out);
    }
}

/* How many of the list's buttons with key are usable (visible and sensitive), of how many. */
static guint
usable_buttons (GtkWidget  *page,
                const char *key,
                guint      *n)
{
  g_autoptr(GPtrArray) buttons = g_ptr_array_new ();
  guint usable = 0;

  collect_buttons (page, key, buttons);
  for (guint i = 0; i < buttons->len; i++)
    usable += gtk_widget_get_visible (buttons->pdata[i]) && gtk_widget_get_sensitive (buttons->pdata[i]);
  *n = buttons->len;
  return usable;
}

/* roles_ui_action_enabled for an action that takes a string. */
static gboolean
string_action_enabled (GtkWidget  *widget,
                       const char *action)
{
  GtkWidget *probe = gtk_button_new ();
  gboolean enabled;

  gtk_actionable_set_action_name (GTK_ACTIONABLE (probe), action);
  gtk_actionable_set_action_target_value (GTK_ACTIONABLE (probe), g_variant_new_string (CHECKLIST));
  gtk_widget_set_visible (probe, FALSE);   /* never drawn, so never allocated */
  gtk_widget_set_parent (probe, widget);
  roles_ui_iterate (10);
  enabled = gtk_widget_get_sensitive (probe);
  gtk_widget_unparent (probe);
  return enabled;
}

static MamoriAssessmentsPage *
assessments_page (MamoriWindow *window)
{
  MamoriAssessmentsPage *page = MAMORI_ASSESSMENTS_PAGE (mamori_window_get_page (window, "assessments"));

  g_assert_true (mamori_assessments_page_ensure_loaded (page));
  mamori_assessments_page_show_list (page);
  return page;
}

static MamoriAssessmentWizard *
open_wizard (MamoriAssessmentsPage *page,
             gint64                 id)
{
  mamori_assessments_page_open (page, id);
  roles_ui_iterate (50);
  g_assert_cmpstr (mamori_assessments_page_get_view (page), ==, "wizard");
  return MAMORI_ASSESSMENT_WIZARD (mamori_assessments_page_get_wizard (page));
}

/* The summary of the assessment the wizard shows (its Finish). */
static GtkWidget *
finish_wizard (MamoriAssessmentsPage  *page,
               MamoriAssessmentWizard *wizard)
{
  g_signal_emit_by_name (wizard, "finished");
  roles_ui_iterate (50);
  g_assert_cmpstr (mamori_assessments_page_get_view (page), ==, "summary");
  return mamori_assessments_page_get_summary (page);
}

static gboolean
sensitive (GtkWidget  *widget,
           GType       type,
           const char *name)
{
  return gtk_widget_get_sensitive (child (widget, type, name));
}

/* The documents page, the overview, the preferences and the window's commands: the officer's
 * alone to change (officer: all offered). */
static void
check_officer_pages (MamoriWindow *window,
                     gboolean      officer)
{
  GtkWidget *documents = mamori_window_get_page (window, "documents");
  GtkWidget *overview = mamori_window_get_page (window, "overview");
  MamoriApplication *app = MAMORI_APPLICATION (gtk_window_get_application (GTK_WINDOW (window)));
  MamoriPreferencesWindow *prefs;

  roles_ui_iterate (50);
  g_assert_cmpint (mamori_documents_page_is_read_only (MAMORI_DOCUMENTS_PAGE (documents)), ==, !officer);
  g_assert_cmpint (gtk_text_view_get_editable (GTK_TEXT_VIEW (child (documents, MAMORI_TYPE_DOCUMENTS_PAGE, "editor"))), ==, officer);
  g_assert_cmpint (roles_ui_action_enabled (documents, "documents.new"), ==, officer);
  g_assert_cmpint (roles_ui_action_enabled (documents, "documents.review") || roles_ui_action_enabled (documents, "documents.draft") ||
                   roles_ui_action_enabled (documents, "documents.approve"), ==, officer);
  /* Reading, exporting and printing are everyone's. */
  g_assert_true (roles_ui_action_enabled (documents, "documents.export"));
  g_assert_true (roles_ui_action_enabled (documents, "documents.print"));
  g_assert_true (roles_ui_action_enabled (documents, "documents.history"));
  g_assert_cmpint (gtk_widget_get_visible (child (documents, MAMORI_TYPE_DOCUMENTS_PAGE, "notice_label")) ||
                   officer, ==, TRUE);

  g_assert_cmpint (mamori_overview_page_is_read_only (MAMORI_OVERVIEW_PAGE (overview)), ==, !officer);
  g_assert_cmpint (gtk_editable_get_editable (GTK_EDITABLE (child (overview, MAMORI_TYPE_OVERVIEW_PAGE, "name_row"))), ==, officer);
  g_assert_cmpint (sensitive (overview, MAMORI_TYPE_OVERVIEW_PAGE, "employees_spin"), ==, officer);

  prefs = mamori_preferences_window_new (app, GTK_WINDOW (window), mamori_window_get_workspace (window));
  g_assert_cmpint (sensitive (GTK_WIDGET (prefs), MAMORI_TYPE_PREFERENCES_WINDOW, "fiscal_row"), ==, officer);
  g_assert_cmpint (sensitive (GTK_WIDGET (prefs), MAMORI_TYPE_PREFERENCES_WINDOW, "scheme_row"), ==, officer);
  gtk_window_destroy (GTK_WINDOW (prefs));
}

/* The viewer changes nothing on these pages; every assessment opens read-only. */
static void
test_viewer (void)
{
  MamoriWindow *window;
  MamoriAssessmentsPage *page;
  MamoriAssessmentWizard *wizard;
  GtkWidget *summary;
  guint n;

  if (!roles_ui_available ())
    return;
  make_assessments ();
  window = roles_ui_window (MAMORI_ROLE_VIEWER, "assessments");
  page = assessments_page (window);
  g_assert_cmpuint (usable_buttons (GTK_WIDGET (page), "mamori-checklist", &n), ==, 0);
  g_assert_cmpuint (n, >, 0);
  g_assert_cmpuint (usable_buttons (GTK_WIDGET (page), "mamori-id", &n), ==, 0);
  g_assert_cmpuint (n, >=, 2);
  g_assert_false (sensitive (GTK_WIDGET (page), MAMORI_TYPE_ASSESSMENTS_PAGE, "import_button"));
  g_assert_false (sensitive (GTK_WIDGET (page), MAMORI_TYPE_ASSESSMENTS_PAGE, "import_answers_button"));
  g_assert_false (string_action_enabled (GTK_WIDGET (page), "win.start-assessment"));
  g_assert_false (roles_ui_action_enabled (GTK_WIDGET (page), "win.import-assets"));
  g_assert_cmpint (mamori_assessments_page_start (page, CHECKLIST, NULL, ""), ==, 0);

  wizard = open_wizard (page, mine);
  g_assert_true (mamori_assessment_wizard_is_read_only (wizard));
  g_assert_nonnull (mamori_assessment_wizard_get_role_note (wizard));
  g_assert_false (mamori_assessment_wizard_answer (wizard, 0));
  summary = finish_wizard (page, wizard);
  g_assert_false (sensitive (summary, MAMORI_TYPE_ASSESSMENT_SUMMARY, "complete_button"));
  g_assert_false (sensitive (summary, MAMORI_TYPE_ASSESSMENT_SUMMARY, "plan_button"));
  g_assert_false (sensitive (summary, MAMORI_TYPE_ASSESSMENT_SUMMARY, "add_action_button"));
  g_assert_false (sensitive (summary, MAMORI_TYPE_ASSESSMENT_SUMMARY, "copy_button"));
  {
    /* Returned self-inspection sheets are answers: not the viewer's to import. */
    MamoriSheetsView *sheets = mamori_sheets_view_new (NULL, mamori_window_get_workspace (window),
                                                       mamori_catalog_find (mamori_assessments_page_get_catalog (page), CHECKLIST),
                                                       mine);
    g_assert_false (mamori_sheets_view_may_import (sheets));
    gtk_window_destroy (GTK_WINDOW (sheets));
  }
  mamori_assessments_page_show_list (page);
  check_officer_pages (window, FALSE);
  roles_ui_destroy (window);
}

/* The editor answers the assessments whose respondent they are (and the server takes the
 * answer); another's opens read-only and says whose it is; they start none and change no
 * document. */
static void
test_editor (void)
{
  MamoriWindow *window;
  MamoriAssessmentsPage *page;
  MamoriAssessmentWizard *wizard;
  GtkWidget *summary;
  guint n;

  if (!roles_ui_available ())
    return;
  make_assessments ();
  window = roles_ui_window (MAMORI_ROLE_EDITOR, "assessments");
  page = assessments_page (window);
  g_assert_cmpuint (usable_buttons (GTK_WIDGET (page), "mamori-checklist", &n), ==, 0);
  g_assert_cmpuint (usable_buttons (GTK_WIDGET (page), "mamori-id", &n), ==, 0);
  g_assert_false (sensitive (GTK_WIDGET (page), MAMORI_TYPE_ASSESSMENTS_PAGE, "import_answers_button"));
  g_assert_false (string_action_enabled (GTK_WIDGET (page), "win.start-assessment"));
  /* The editor has a department: they may import assets into it. */
  g_assert_true (roles_ui_action_enabled (GTK_WIDGET (page), "win.import-assets"));

  wizard = open_wizard (page, mine);
  g_assert_false (mamori_assessment_wizard_is_read_only (wizard));
  g_assert_null (mamori_assessment_wizard_get_role_note (wizard));
  g_assert_true (mamori_assessment_wizard_answer (wizard, 0));
  summary = finish_wizard (page, wizard);
  g_assert_true (sensitive (summary, MAMORI_TYPE_ASSESSMENT_SUMMARY, "complete_button"));
  g_assert_false (sensitive (summary, MAMORI_TYPE_ASSESSMENT_SUMMARY, "plan_button"));
  {
    MamoriSheetsView *sheets = mamori_sheets_view_new (NULL, mamori_window_get_workspace (window),
                                                       mamori_catalog_find (mamori_assessments_page_get_catalog (page), CHECKLIST),
                                                       mine);
    g_assert_true (mamori_sheets_view_may_import (sheets));
    gtk_window_destroy (GTK_WINDOW (sheets));
  }
  mamori_assessments_page_show_list (page);

  wizard = open_wizard (page, others);
  g_assert_true (mamori_assessment_wizard_is_read_only (wizard));
  g_assert_nonnull (strstr (mamori_assessment_wizard_get_role_note (wizard), "山田 花子"));
  g_assert_false (mamori_assessment_wizard_answer (wizard, 0));
  summary = finish_wizard (page, wizard);
  g_assert_false (sensitive (summary, MAMORI_TYPE_ASSESSMENT_SUMMARY, "complete_button"));
  mamori_assessments_page_show_list (page);

  check_officer_pages (window, FALSE);
  roles_ui_destroy (window);
}

/* The auditor starts an assessment, which is an internal audit (it has a plan), answers and
 * may delete it; the audit's plan and actions are theirs; another assessment is read-only. */
static void
test_auditor (void)
{
  MamoriWindow *window;
  MamoriAssessmentsPage *page;
  MamoriAssessmentWizard *wizard;
  GtkWidget *summary;
  g_autoptr(MamoriAuditPlan) plan = NULL;
  guint n, before;
  gint64 id;

  if (!roles_ui_available ())
    return;
  make_assessments ();
  window = roles_ui_window (MAMORI_ROLE_AUDITOR, "assessments");
  page = assessments_page (window);
  g_assert_cmpuint (usable_buttons (GTK_WIDGET (page), "mamori-checklist", &n), ==, n);
  g_assert_cmpuint (n, >, 0);
  before = usable_buttons (GTK_WIDGET (page), "mamori-id", &n);
  g_assert_true (string_action_enabled (GTK_WIDGET (page), "win.start-assessment"));

  id = mamori_assessments_page_start (page, CHECKLIST, NULL, "");
  g_assert_cmpint (id, >, 0);
  plan = mamori_workspace_get_audit_plan (mamori_window_get_workspace (window), id, NULL);
  g_assert_nonnull (plan);
  g_assert_cmpstr (mamori_assessments_page_get_view (page), ==, "wizard");
  wizard = MAMORI_ASSESSMENT_WIZARD (mamori_assessments_page_get_wizard (page));
  g_assert_false (mamori_assessment_wizard_is_read_only (wizard));
  g_assert_true (mamori_assessment_wizard_answer (wizard, 0));
  summary = finish_wizard (page, wizard);
  g_assert_true (sensitive (summary, MAMORI_TYPE_ASSESSMENT_SUMMARY, "plan_button"));
  g_assert_true (sensitive (summary, MAMORI_TYPE_ASSESSMENT_SUMMARY, "add_action_button"));
  g_assert_true (sensitive (summary, MAMORI_TYPE_ASSESSMENT_SUMMARY, "complete_button"));
  mamori_assessments_page_show_list (page);
  /* Its row (and only audits' rows) offers Delete. */
  g_assert_cmpuint (usable_buttons (GTK_WIDGET (page), "mamori-id", &n), ==, before + 1);

  wizard = open_wizard (page, others);
  g_assert_true (mamori_assessment_wizard_is_read_only (wizard));
  g_assert_false (mamori_assessment_wizard_answer (wizard, 0));
  /* Someone's self-assessment with answers does not become an audit of theirs. */
  summary = finish_wizard (page, wizard);
  g_assert_false (sensitive (summary, MAMORI_TYPE_ASSESSMENT_SUMMARY, "plan_button"));
  mamori_assessments_page_show_list (page);
  check_officer_pages (window, FALSE);
  roles_ui_destroy (window);
}

/* The officer is offered everything. */
static void
test_officer (void)
{
  MamoriWindow *window;
  MamoriAssessmentsPage *page;
  MamoriAssessmentWizard *wizard;
  guint n;

  if (!roles_ui_available ())
    return;
  make_assessments ();
  window = roles_ui_window (MAMORI_ROLE_OFFICER, "assessments");
  page = assessments_page (window);
  g_assert_cmpuint (usable_buttons (GTK_WIDGET (page), "mamori-checklist", &n), ==, n);
  g_assert_cmpuint (usable_buttons (GTK_WIDGET (page), "mamori-id", &n), ==, n);
  g_assert_cmpuint (n, >=, 2);
  g_assert_true (sensitive (GTK_WIDGET (page), MAMORI_TYPE_ASSESSMENTS_PAGE, "import_button"));
  g_assert_true (sensitive (GTK_WIDGET (page), MAMORI_TYPE_ASSESSMENTS_PAGE, "import_answers_button"));
  g_assert_true (string_action_enabled (GTK_WIDGET (page), "win.start-assessment"));
  wizard = open_wizard (page, others);
  g_assert_false (mamori_assessment_wizard_is_read_only (wizard));
  g_assert_null (mamori_assessment_wizard_get_role_note (wizard));
  mamori_assessments_page_show_list (page);
  check_officer_pages (window, TRUE);
  roles_ui_destroy (window);
}

void
roles_ui_add_pages_tests (void)
{
  g_test_add_func ("/roles-ui/pages/viewer", test_viewer);
  g_test_add_func ("/roles-ui/pages/editor", test_editor);
  g_test_add_func ("/roles-ui/pages/auditor", test_auditor);
  g_test_add_func ("/roles-ui/pages/officer", test_officer);
}
