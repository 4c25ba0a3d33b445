/* mamori-sheets-view.h — the per-role self-inspection sheets of one assessment (government
 * standard 2.3.1): the implementation rates per role, unit and clause from the returned
 * sheets, exporting a role's sheet, importing returned sheets, and the self-inspection report. */
#pragma once

#include <adwaita.h>

#include "core/mamori-checklist.h"
#include "store/mamori-workspace.h"

G_BEGIN_DECLS

#define MAMORI_TYPE_SHEETS_VIEW (mamori_sheets_view_get_type ())
G_DECLARE_FINAL_TYPE (MamoriSheetsView, mamori_sheets_view, MAMORI, SHEETS_VIEW, AdwWindow)

/* checklist must outlive the window (it is the window's catalog's). */
MamoriSheetsView *mamori_sheets_view_new    (GtkWindow             *parent,
                                             MamoriWorkspace       *workspace,
                                             const MamoriChecklist *checklist,
                                             gint64                 assessment);
/* Re-reads the returned sheets. */
void              mamori_sheets_view_reload (MamoriSheetsView      *self);
/* Whether returned sheets may be imported: the user's role may answer the assessment. */
gboolean          mamori_sheets_view_may_import (MamoriSheetsView  *self);

/* The one hook of the assessment summary: beside sibling (a button in a GtkFlowBox) a
 * “Self-Inspection Sheets…” button that opens the view, shown only when the checklist names
 * roles. Call again whenever the summary shows another assessment. */
void              mamori_sheets_view_attach (GtkWidget             *sibling,
                                             MamoriWorkspace       *workspace,
                                             const MamoriChecklist *checklist,
                                             gint64                 assessment);

G_END_DECLS
