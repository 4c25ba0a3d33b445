/* mamori-assessments-private.h — for tests only: the content of an evidence file */
#pragma once

#include <glib.h>

#include "mamori-workspace.h"

G_BEGIN_DECLS

GBytes           *mamori_workspace_get_evidence_content (MamoriWorkspace *self,
                                                         gint64           evidence_id,
                                                         GError         **error);

G_END_DECLS
