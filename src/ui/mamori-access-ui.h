/* mamori-access-ui.h — the pages' side of the roles (issue 17): whether the connected user may
 * answer one assessment, and a control turned off with a short reason as its tooltip. The
 * rules are core/mamori-access's; the role bar above the pages says the rest. */
#pragma once

#include <gtk/gtk.h>

#include "store/mamori-assessments.h"
#include "store/mamori-workspace.h"

G_BEGIN_DECLS

/* Whether the user may answer (and complete, and decide the measures of) assessment a: its
 * respondent and whether it has an audit plan decide. When not, *why (may be NULL) is set to
 * one line saying why. */
gboolean  mamori_access_ui_may_answer    (MamoriWorkspace        *workspace,
                                          const MamoriAssessment *a,
                                          char                  **why);
/* Whether the user may delete assessment a: the officer; an auditor those of internal audits. */
gboolean  mamori_access_ui_may_delete    (MamoriWorkspace        *workspace,
                                          const MamoriAssessment *a);
/* Sensitive when allowed; else insensitive with why as its tooltip (its own tooltip comes
 * back once allowed again). */
void      mamori_access_ui_allow         (GtkWidget              *widget,
                                          gboolean                allowed,
                                          const char             *why);
/* The officer alone may change it (and the workspace is not read-only). */
gboolean  mamori_access_ui_is_officer    (MamoriWorkspace        *workspace);
/* "Only the officer changes this", or why the workspace is read-only. */
char     *mamori_access_ui_officer_only  (MamoriWorkspace        *workspace);

G_END_DECLS
