/* test-roles-ui-registers.c — part of test-roles-ui (roles-ui.h): the registers page and the
 * record editor offer each role what the server lets it change — Add, Delete, the imports, the
 * editor read-only with a line saying why — and the server agrees. */
#include "config.h"

#include <string.h>

#include "roles-ui.h"
#include "store/mamori-registers.h"
#include "ui/mamori-record-editor-private.h"
#include "ui/mamori-registers-page-private.h"

#define MANUFACTURING "製造部"

/* As roles_ui_action_enabled, with a hidden probe: a visible one in a bin (the page, the
 * editor's window) is drawn without a size, a warning that fails the test. */
static gboolean
action_enabled (GtkWidget  *widget,
                const char *action)
{
  GtkWidget *probe = gtk_button_new ();
  gboolean enabled;

  gtk_widget_set_visible (probe, FALSE);
  gtk_actionable_set_action_name (GTK_ACTIONABLE (probe), action);
  gtk_widget_set_parent (probe, widget);
  roles_ui_iterate (10);
  enabled = gtk_widget_get_sensitive (probe);
  gtk_widget_unparent (probe);
  return enabled;
}

static MamoriRegistersPage *
registers_page (MamoriWindow *window)
{
  GtkWidget *page = mamori_window_get_page (window, "registers");

  g_assert_true (MAMORI_IS_REGISTERS_PAGE (page));
  return MAMORI_REGISTERS_PAGE (page);
}

static void
show (MamoriRegistersPage *page,
      const char          *view)
{
  mamori_registers_page_show (page, view, 0);
  roles_ui_iterate (30);
  g_assert_cmpstr (mamori_registers_page_get_view (page), ==, view);
}

/* The id of the record of register key whose field is value (as the officer reads it). */
static gint64
record_where (const char *key,
              const char *field,
              const char *value)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) records = mamori_workspace_list_records (roles_ui_officer (), mamori_register_lookup (key), 0, &error);

  g_assert_no_error (error);
  for (guint i = 0; i < records->len; i++)
    if (g_str_equal (mamori_record_get (records->pdata[i], field), value))
      return ((MamoriRecord *) records->pdata[i])->id;
  g_assert_not_reached ();
  return 0;
}

static MamoriRecord *
officer_record (const char *key,
                gint64      id)
{
  g_autoptr(GError) error = NULL;
  MamoriRecord *record = mamori_workspace_get_record (roles_ui_officer (), mamori_register_lookup (key), id, &error);

  if (error != NULL && g_error_matches (error, MAMORI_WORKSPACE_ERROR, MAMORI_WORKSPACE_ERROR_NOT_FOUND))
    return NULL;
  g_assert_no_error (error);
  return record;
}

static gboolean
has_row (MamoriRegistersPage *page,
         gint64               id)
{
  for (guint i = 0; i < mamori_registers_page_get_n_rows (page); i++)
    if (mamori_registers_page_get_row_id (page, i) == id)
      return TRUE;
  return FALSE;
}

static guint
row_of (MamoriRegistersPage *page,
        gint64               id)
{
  for (guint i = 0; i < mamori_registers_page_get_n_rows (page); i++)
    if (mamori_registers_page_get_row_id (page, i) == id)
      return i;
  g_assert_not_reached ();
  return 0;
}

/* Opens record id of the register shown, as a row's activation does. */
static MamoriRecordEditor *
open_record (MamoriRegistersPage *page,
             const char          *view,
             gint64               id)
{
  MamoriRecordEditor *editor;

  mamori_registers_page_show (page, view, id);
  roles_ui_iterate (30);
  editor = mamori_registers_page_get_editor (page);
  g_assert_nonnull (editor);
  g_assert_cmpint (mamori_record_editor_get_id (editor), ==, id);
  return editor;
}

static void
close_editor (MamoriRecordEditor *editor)
{
  gtk_window_destroy (GTK_WINDOW (editor));
  roles_ui_iterate (20);
}

static GtkWidget *
find_type (GtkWidget *widget,
           GType      type)
{
  if (G_TYPE_CHECK_INSTANCE_TYPE (widget, type))
    return widget;
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL; child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_type (child, type);
      if (found != NULL)
        return found;
    }
  return NULL;
}

/* Read-only as a user meets it: no Save, no Delete, the inputs do not edit, the line says why. */
static void
assert_read_only (MamoriRecordEditor *editor)
{
  GtkWidget *entry = find_type (GTK_WIDGET (editor), ADW_TYPE_ENTRY_ROW);

  g_assert_true (mamori_record_editor_is_read_only (editor));
  g_assert_nonnull (mamori_record_editor_get_note (editor));
  g_assert_false (action_enabled (GTK_WIDGET (editor), "editor.save"));
  g_assert_false (action_enabled (GTK_WIDGET (editor), "editor.delete"));
  g_assert_nonnull (entry);
  g_assert_false (gtk_editable_get_editable (GTK_EDITABLE (entry)));
  g_assert_false (mamori_record_editor_save (editor));
}

static void
assert_editable (MamoriRecordEditor *editor,
                 gboolean            deletable)
{
  g_assert_false (mamori_record_editor_is_read_only (editor));
  g_assert_null (mamori_record_editor_get_note (editor));
  g_assert_true (action_enabled (GTK_WIDGET (editor), "editor.save"));
  g_assert_true (action_enabled (GTK_WIDGET (editor), "editor.delete") == deletable);
}

/* --- the viewer --------------------------------------------------------------------------------- */

static void
test_viewer (void)
{
  const char *registers[] = { "incidents", "exceptions", "acceptances", "trainings", "people", "pledges",
                              "training_plans", "suppliers" };
  MamoriWindow *window;
  MamoriRegistersPage *page;
  MamoriRecordEditor *editor;
  g_autofree char *state = NULL;
  g_autoptr(GFile) csv = g_file_new_for_path ("/nonexistent/people.csv");
  gint64 incident, exception;
  guint rows;

  if (!roles_ui_available ())
    return;
  incident = record_where ("incidents", "title", "営業担当者がノートPCを電車内で紛失");
  exception = record_where ("exceptions", "applicant_unit", ROLES_UI_DEPARTMENT);
  window = roles_ui_window (MAMORI_ROLE_VIEWER, "registers");
  page = registers_page (window);

  /* Nothing to add anywhere, nothing to import. */
  for (guint i = 0; i < G_N_ELEMENTS (registers); i++)
    {
      show (page, registers[i]);
      g_assert_false (action_enabled (GTK_WIDGET (page), "registers.add"));
      g_assert_null (mamori_registers_page_add (page));
      /* Every row the same: no lock on each (the role bar says it once). */
      for (guint k = 0; k < mamori_registers_page_get_n_rows (page); k++)
        g_assert_false (mamori_registers_page_row_is_locked (page, k));
    }
  show (page, "people");
  g_assert_false (mamori_registers_page_offers_import (page, "people"));
  g_assert_false (mamori_registers_page_offers_import (page, "attendance"));
  mamori_registers_page_import_file (page, "people", csv);
  g_assert_false (mamori_registers_page_is_importing (page));

  /* A record opens read-only, its parts too; Delete refuses. */
  editor = open_record (page, "incidents", incident);
  assert_read_only (editor);
  g_assert_cmpuint (mamori_record_editor_get_n_parts (editor, "incident_updates"), >, 0);
  close_editor (editor);
  editor = open_record (page, "exceptions", exception);
  assert_read_only (editor);
  close_editor (editor);
  show (page, "exceptions");
  rows = mamori_registers_page_get_n_rows (page);
  g_assert_null (mamori_registers_page_delete (page, exception));
  roles_ui_iterate (30);
  g_assert_cmpuint (mamori_registers_page_get_n_rows (page), ==, rows);
  roles_ui_destroy (window);

  /* The server agrees. */
  state = roles_ui_exec (MAMORI_ROLE_VIEWER, "UPDATE incidents SET title = 'x'");
  g_assert_cmpstr (state, ==, "42501");
}

/* --- the editor --------------------------------------------------------------------------------- */

static void
test_editor (void)
{
  MamoriWindow *window;
  MamoriRegistersPage *page;
  MamoriRecordEditor *editor, *part;
  g_autoptr(MamoriRecord) before = NULL;
  g_autoptr(MamoriRecord) after = NULL;
  g_autoptr(MamoriRecord) stored = NULL;
  g_autofree char *state = NULL;
  gint64 sales, manufacturing, incident, acceptance, added;

  if (!roles_ui_available ())
    return;
  sales = record_where ("exceptions", "applicant_unit", ROLES_UI_DEPARTMENT);
  manufacturing = record_where ("exceptions", "applicant_unit", MANUFACTURING);
  window = roles_ui_window (MAMORI_ROLE_EDITOR, "registers");
  page = registers_page (window);

  /* Incidents: anyone reports one, with its parts; nobody but the officer deletes one. */
  show (page, "incidents");
  g_assert_true (action_enabled (GTK_WIDGET (page), "registers.add"));
  editor = mamori_registers_page_add (page);
  g_assert_nonnull (editor);
  g_assert_false (mamori_record_editor_is_read_only (editor));
  mamori_record_editor_set_value (editor, "occurred_at", "2026-12-01 10:00");
  mamori_record_editor_set_value (editor, "title", "営業部の複合機に顧客名簿を置き忘れた");
  part = mamori_record_editor_add_part (editor, "incident_updates");
  g_assert_nonnull (part);
  incident = mamori_record_editor_get_id (editor);
  g_assert_cmpint (incident, >, 0);
  g_assert_false (mamori_record_editor_is_read_only (part));
  close_editor (part);
  g_assert_false (action_enabled (GTK_WIDGET (editor), "editor.delete"));
  close_editor (editor);
  ROLES_UI_WAIT_FOR (has_row (page, incident), 5);
  g_assert_true (has_row (page, incident));
  g_assert_null (mamori_registers_page_delete (page, incident));
  stored = officer_record ("incidents", incident);
  g_assert_nonnull (stored);
  g_clear_pointer (&stored, mamori_record_free);

  /* Exceptions: those of their department; another's opens read-only, saying whose it is. */
  show (page, "exceptions");
  g_assert_true (action_enabled (GTK_WIDGET (page), "registers.add"));
  g_assert_false (mamori_registers_page_row_is_locked (page, row_of (page, sales)));
  g_assert_true (mamori_registers_page_row_is_locked (page, row_of (page, manufacturing)));
  editor = open_record (page, "exceptions", sales);
  assert_editable (editor, TRUE);
  /* Moving it to another department is refused before the server would. */
  mamori_record_editor_set_value (editor, "applicant_unit", MANUFACTURING);
  g_assert_false (mamori_record_editor_save (editor));
  g_assert_nonnull (mamori_record_editor_get_error (editor));
  g_assert_nonnull (strstr (mamori_record_editor_get_error (editor), ROLES_UI_DEPARTMENT));
  close_editor (editor);
  stored = officer_record ("exceptions", sales);
  g_assert_cmpstr (mamori_record_get (stored, "applicant_unit"), ==, ROLES_UI_DEPARTMENT);
  g_clear_pointer (&stored, mamori_record_free);
  editor = open_record (page, "exceptions", manufacturing);
  assert_read_only (editor);
  g_assert_nonnull (strstr (mamori_record_editor_get_note (editor), MANUFACTURING));
  g_assert_nonnull (strstr (mamori_record_editor_get_note (editor), ROLES_UI_DEPARTMENT));
  close_editor (editor);
  g_assert_null (mamori_registers_page_delete (page, manufacturing));

  /* A new exception starts in their department, is stored, and they may delete it. */
  editor = mamori_registers_page_add (page);
  g_assert_nonnull (editor);
  g_assert_false (mamori_record_editor_is_dirty (editor));
  mamori_record_editor_set_value (editor, "applicant", ROLES_UI_PERSON);
  mamori_record_editor_set_value (editor, "rule", "情報セキュリティ規程 第15条");
  mamori_record_editor_set_value (editor, "reason", "取引先の指定する形式でデータを受け取るため");
  mamori_record_editor_set_value (editor, "starts_on", "2026-12-01");
  mamori_record_editor_set_value (editor, "ends_on", "2026-12-31");
  g_assert_true (mamori_record_editor_save (editor));
  added = mamori_record_editor_get_id (editor);
  close_editor (editor);
  stored = officer_record ("exceptions", added);
  g_assert_cmpstr (mamori_record_get (stored, "applicant_unit"), ==, ROLES_UI_DEPARTMENT);
  g_clear_pointer (&stored, mamori_record_free);
  ROLES_UI_WAIT_FOR (has_row (page, added), 5);
  g_assert_true (has_row (page, added));
  g_assert_nonnull (mamori_registers_page_delete (page, added));
  roles_ui_iterate (30);
  stored = officer_record ("exceptions", added);
  g_assert_null (stored);

  /* Accepted risks: management's; nothing to add, a record read-only. */
  show (page, "acceptances");
  g_assert_false (action_enabled (GTK_WIDGET (page), "registers.add"));
  g_assert_cmpuint (mamori_registers_page_get_n_rows (page), >, 0);
  acceptance = mamori_registers_page_get_row_id (page, 0);
  editor = open_record (page, "acceptances", acceptance);
  assert_read_only (editor);
  close_editor (editor);

  /* People: they import their department's; attendance is the officer's. */
  show (page, "people");
  g_assert_true (mamori_registers_page_offers_import (page, "people"));
  g_assert_false (mamori_registers_page_offers_import (page, "attendance"));
  roles_ui_destroy (window);

  /* The server agrees: another department's exception is out of reach (row-level security
   * hides it: nothing is updated), accepted risks are not theirs to change. */
  before = officer_record ("exceptions", manufacturing);
  state = roles_ui_exec (MAMORI_ROLE_EDITOR, "UPDATE exceptions SET reason = 'x' WHERE applicant_unit = '製造部'");
  g_assert_cmpstr (state, ==, "");
  after = officer_record ("exceptions", manufacturing);
  g_assert_cmpstr (mamori_record_get (after, "reason"), ==, mamori_record_get (before, "reason"));
  g_free (state);
  state = roles_ui_exec (MAMORI_ROLE_EDITOR, "UPDATE acceptances SET risk = risk");
  g_assert_cmpstr (state, ==, "42501");
  g_free (state);
  state = roles_ui_exec (MAMORI_ROLE_EDITOR, "DELETE FROM incidents");
  g_assert_cmpstr (state, ==, "42501");
}

/* A change of the roles reaches an open page: a department given makes its rows editable. */
static void
test_roles_change (void)
{
  const char *both[] = { ROLES_UI_DEPARTMENT, MANUFACTURING, NULL };
  const char *sales[] = { ROLES_UI_DEPARTMENT, NULL };
  g_autoptr(GError) error = NULL;
  MamoriWindow *window;
  MamoriRegistersPage *page;
  g_autofree char *user = NULL;
  gint64 manufacturing;

  if (!roles_ui_available ())
    return;
  manufacturing = record_where ("exceptions", "applicant_unit", MANUFACTURING);
  window = roles_ui_window (MAMORI_ROLE_EDITOR, "registers");
  page = registers_page (window);
  show (page, "exceptions");
  g_assert_true (mamori_registers_page_row_is_locked (page, row_of (page, manufacturing)));
  /* A copy: the workspace reads its access again after the change. */
  user = g_strdup (mamori_workspace_get_access (mamori_window_get_workspace (window))->names[0]);
  g_assert_true (mamori_workspace_grant_role (roles_ui_officer (), user, MAMORI_ROLE_EDITOR, both, ROLES_UI_PERSON, &error));
  g_assert_no_error (error);
  ROLES_UI_WAIT_FOR (!mamori_registers_page_row_is_locked (page, row_of (page, manufacturing)), 5);
  g_assert_false (mamori_registers_page_row_is_locked (page, row_of (page, manufacturing)));
  g_assert_true (mamori_workspace_grant_role (roles_ui_officer (), user, MAMORI_ROLE_EDITOR, sales, ROLES_UI_PERSON, &error));
  g_assert_no_error (error);
  ROLES_UI_WAIT_FOR (mamori_registers_page_row_is_locked (page, row_of (page, manufacturing)), 5);
  g_assert_true (mamori_registers_page_row_is_locked (page, row_of (page, manufacturing)));
  roles_ui_destroy (window);
}

/* --- the officer -------------------------------------------------------------------------------- */

static void
test_officer (void)
{
  const char *registers[] = { "incidents", "exceptions", "acceptances", "trainings", "people", "pledges",
                              "training_plans", "suppliers" };
  MamoriWindow *window;
  MamoriRegistersPage *page;
  MamoriRecordEditor *editor;
  gint64 manufacturing, incident;

  if (!roles_ui_available ())
    return;
  manufacturing = record_where ("exceptions", "applicant_unit", MANUFACTURING);
  incident = record_where ("incidents", "title", "営業担当者がノートPCを電車内で紛失");
  window = roles_ui_window (MAMORI_ROLE_OFFICER, "registers");
  page = registers_page (window);
  for (guint i = 0; i < G_N_ELEMENTS (registers); i++)
    {
      show (page, registers[i]);
      g_assert_true (action_enabled (GTK_WIDGET (page), "registers.add"));
      for (guint k = 0; k < mamori_registers_page_get_n_rows (page); k++)
        g_assert_false (mamori_registers_page_row_is_locked (page, k));
    }
  show (page, "trainings");
  g_assert_true (mamori_registers_page_offers_import (page, "people"));
  g_assert_true (mamori_registers_page_offers_import (page, "attendance"));
  editor = open_record (page, "exceptions", manufacturing);
  assert_editable (editor, TRUE);
  close_editor (editor);
  editor = open_record (page, "incidents", incident);
  assert_editable (editor, TRUE);
  close_editor (editor);
  roles_ui_destroy (window);
}

void
roles_ui_add_registers_tests (void)
{
  g_test_add_func ("/roles-ui/registers/viewer", test_viewer);
  g_test_add_func ("/roles-ui/registers/editor", test_editor);
  g_test_add_func ("/roles-ui/registers/roles-change", test_roles_change);
  g_test_add_func ("/roles-ui/registers/officer", test_officer);
}
