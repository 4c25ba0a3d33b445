/* roles-ui.h — what the window's pages offer each role on a server workspace (test-roles-ui):
 * one server database with the demo company, and a login per role. Each part file adds its
 * tests from roles_ui_add_*_tests (). Needs MAMORI_TEST_PG and a display. */
#pragma once

#include <gtk/gtk.h>

#include "store/mamori-roles.h"
#include "store/mamori-workspace.h"
#include "ui/mamori-window.h"
#include "ui/mamori-window-private.h"

G_BEGIN_DECLS

/* The editor's department and the person they are (an assessment's respondent). */
#define ROLES_UI_DEPARTMENT "営業部"
#define ROLES_UI_PERSON     "鈴木 一郎"

/* FALSE (and the test skipped, or failed under CI) without a test server. */
gboolean         roles_ui_available (void);
/* The officer's workspace on the server (the demo company; its owner, who ran init). */
MamoriWorkspace *roles_ui_officer   (void);
/* The workspace URI for role's login (OFFICER: the owner's). */
const char      *roles_ui_uri       (MamoriRole  role);
/* Runs sql on the server as role's login: "" on success, else the SQLSTATE. */
char            *roles_ui_exec      (MamoriRole  role,
                                     const char *sql);
/* A new window on the workspace as role's login, showing page (mapped); destroy it after. */
MamoriWindow    *roles_ui_window    (MamoriRole  role,
                                     const char *page);
void             roles_ui_destroy   (MamoriWindow *window);
void             roles_ui_iterate   (guint       ms);
/* Whether action (e.g. "ledger.delete") is enabled for widget. */
gboolean         roles_ui_action_enabled (GtkWidget  *widget,
                                          const char *action);

/* Iterates until cond holds or seconds pass. */
#define ROLES_UI_WAIT_FOR(cond, seconds) \
  G_STMT_START { \
    gint64 end_ = g_get_monotonic_time () + (seconds) * G_USEC_PER_SEC; \
    while (!(cond) && g_get_monotonic_time () < end_) \
      { g_main_context_iteration (NULL, FALSE); g_usleep (1000); } \
  } G_STMT_END

void roles_ui_add_ledger_tests    (void);   /* test-roles-ui.c */
void roles_ui_add_registers_tests (void);   /* test-roles-ui-registers.c */
void roles_ui_add_pages_tests     (void);   /* test-roles-ui-pages.c: assessments, documents, the rest */

G_END_DECLS
