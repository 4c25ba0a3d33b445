/* mamori-scope-dialog.h — deciding a checklist's scope before it is assessed: the optional
 * measures left out (each with a reason) and the implementation groups chosen. Saving makes the
 * checklist's next scope version (core/mamori-scope.h); an in-progress assessment given to the
 * dialog is answered in it. */
#pragma once

#include <adwaita.h>

#include "core/mamori-checklist.h"
#include "store/mamori-workspace.h"

G_BEGIN_DECLS

#define MAMORI_TYPE_SCOPE_DIALOG (mamori_scope_dialog_get_type ())
G_DECLARE_FINAL_TYPE (MamoriScopeDialog, mamori_scope_dialog, MAMORI, SCOPE_DIALOG, AdwWindow)

/* Whether checklist has anything to scope: optional items or implementation groups. */
gboolean           mamori_scope_dialog_applies (const MamoriChecklist *checklist);
/* assessment 0: none (the version is only saved). checklist must outlive the dialog. The
 * "saved" signal (gint64 scope version id) is emitted once the version is saved (or, unchanged,
 * the latest reused) and set on the assessment; the dialog then closes. */
MamoriScopeDialog *mamori_scope_dialog_new     (MamoriWorkspace       *workspace,
                                                const MamoriChecklist *checklist,
                                                gint64                 assessment);
/* Saves as the Save button does (for tests). */
gboolean           mamori_scope_dialog_save    (MamoriScopeDialog     *self);
/* Sets whether the optional item ref_id is included, and the reason when not (for tests). */
void               mamori_scope_dialog_set_included (MamoriScopeDialog *self,
                                                     const char        *ref_id,
                                                     gboolean           included,
                                                     const char        *reason);

G_END_DECLS
