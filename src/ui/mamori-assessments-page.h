/* mamori-assessments-page.h — checklists, their assessments, the wizard and the summary */
#pragma once

#include <adwaita.h>

#include "core/mamori-catalog.h"

#include "store/mamori-workspace.h"

G_BEGIN_DECLS

#define MAMORI_TYPE_ASSESSMENTS_PAGE (mamori_assessments_page_get_type ())
G_DECLARE_FINAL_TYPE (MamoriAssessmentsPage, mamori_assessments_page, MAMORI, ASSESSMENTS_PAGE, AdwBin)

void        mamori_assessments_page_set_workspace (MamoriAssessmentsPage *self,
                                                   MamoriWorkspace       *workspace);
/* Loads the checklists now if that has not happened yet (it happens after the page is first
 * shown). FALSE with an error dialog when they cannot be read. */
gboolean    mamori_assessments_page_ensure_loaded (MamoriAssessmentsPage *self);
/* The checklists (built-in and imported), loaded on first use; NULL after an error dialog. */
MamoriCatalog *mamori_assessments_page_get_catalog (MamoriAssessmentsPage *self);
/* Starts a new assessment of checklist and opens the wizard on it; 0 on failure. */
gint64      mamori_assessments_page_start         (MamoriAssessmentsPage *self,
                                                   const char            *checklist,
                                                   const char            *subject,
                                                   const char            *respondent);
/* Opens an assessment: the wizard while in progress, the summary once completed. */
void        mamori_assessments_page_open          (MamoriAssessmentsPage *self,
                                                   gint64                 assessment);
void        mamori_assessments_page_show_list     (MamoriAssessmentsPage *self);
/* Imports in the page's worker; a toast or an error dialog follows, and imported answers open
 * on their assessment's summary. */
void        mamori_assessments_page_import_library (MamoriAssessmentsPage *self,
                                                    GFile                 *file);
void        mamori_assessments_page_import_answers (MamoriAssessmentsPage *self,
                                                    GFile                 *file,
                                                    const char            *checklist,
                                                    const char            *subject);
/* The dialog that asks which checklist (and cloud service) answers in file belong to. */
void        mamori_assessments_page_ask_answers   (MamoriAssessmentsPage *self,
                                                   GFile                 *file);
/* TRUE while a view other than the list shows (property "can-go-back"). */
gboolean    mamori_assessments_page_get_can_go_back (MamoriAssessmentsPage *self);
/* Back to the list: the wizard saves what is being typed and leaves. */
void        mamori_assessments_page_go_back       (MamoriAssessmentsPage *self);

G_END_DECLS
