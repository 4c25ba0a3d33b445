/* mamori-overview-page.h — organisation profile and the step-up path */
#pragma once

#include <adwaita.h>

#include "store/mamori-workspace.h"

G_BEGIN_DECLS

#define MAMORI_TYPE_OVERVIEW_PAGE (mamori_overview_page_get_type ())
G_DECLARE_FINAL_TYPE (MamoriOverviewPage, mamori_overview_page, MAMORI, OVERVIEW_PAGE, AdwBin)

void mamori_overview_page_set_workspace (MamoriOverviewPage *self,
                                         MamoriWorkspace    *workspace);

G_END_DECLS
