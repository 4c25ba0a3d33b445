/* mamori-audit-record.h — the audit record (監査記録) of an internal audit: per procedure in the
 * audit (the whole checklist or the plan's chapter), the techniques used and what was confirmed */
#pragma once

#include <adwaita.h>

#include "core/mamori-checklist.h"
#include "store/mamori-workspace.h"

G_BEGIN_DECLS

#define MAMORI_TYPE_AUDIT_RECORD (mamori_audit_record_get_type ())
G_DECLARE_FINAL_TYPE (MamoriAuditRecord, mamori_audit_record, MAMORI, AUDIT_RECORD, AdwWindow)

/* A window over parent listing the procedures of assessment that chapter (NULL or "": all)
 * covers, by chapter and section; activating one edits its record. The checklist must outlive it. */
MamoriAuditRecord *mamori_audit_record_new         (GtkWindow             *parent,
                                                    MamoriWorkspace       *workspace,
                                                    const MamoriChecklist *checklist,
                                                    gint64                 assessment,
                                                    const char            *chapter);
/* For tests: the procedures listed, and the editor shown last (NULL: none). */
guint              mamori_audit_record_get_n_rows  (MamoriAuditRecord     *self);
GtkWidget         *mamori_audit_record_edit        (MamoriAuditRecord     *self,
                                                    const char            *ref_id);

G_END_DECLS
