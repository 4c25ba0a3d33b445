/* mamori-registers.h — records of the year's registers (core/mamori-register.h describes them):
 * read, saved, deleted and imported; what refers to what; the segregation rules */
#pragma once

#include "core/mamori-register.h"
#include "mamori-workspace.h"

G_BEGIN_DECLS

/* The records of reg (MamoriRecord*) in its order; parent > 0 keeps a part's records of one
 * parent record, 0 lists all. */
GPtrArray    *mamori_workspace_list_records  (MamoriWorkspace      *self,
                                              const MamoriRegister *reg,
                                              gint64                parent,
                                              GError              **error);
/* NULL with MAMORI_WORKSPACE_ERROR_NOT_FOUND when there is no such record. */
MamoriRecord *mamori_workspace_get_record    (MamoriWorkspace      *self,
                                              const MamoriRegister *reg,
                                              gint64                id,
                                              GError              **error);
/* Adds record (id 0; its id is set) or replaces the stored one, after mamori_record_validate
 * (an exception's approver is never its applicant, and the rest) and the store's own check
 * that references point at existing rows; the table's CHECKs refuse the same to plain SQL.
 * The change log names the register and the record. Emits "changed::<register key>" (a part:
 * its parent's key). A record read from the workspace (version > 0) replaces only the version it
 * was read as: when someone changed it meanwhile, nothing is saved and the error is
 * MAMORI_WORKSPACE_ERROR_CONFLICT; on success record->version is the new one. */
gboolean      mamori_workspace_save_record   (MamoriWorkspace      *self,
                                              MamoriRecord         *record,
                                              GError              **error);
/* Deletes the record and its parts. */
gboolean      mamori_workspace_delete_record (MamoriWorkspace      *self,
                                              const MamoriRegister *reg,
                                              gint64                id,
                                              GError              **error);
/* Adds every record (MamoriRecord*, id 0) in one write: all or nothing. A record that does
 * not validate stops it with an error that begins with its position ("Row N: "). */
gboolean      mamori_workspace_add_records   (MamoriWorkspace      *self,
                                              const MamoriRegister *reg,
                                              GPtrArray            *records,
                                              GError              **error);

/* The names of the rows a reference field may point at: id → label (a new table of gint64* →
 * char*): people by name, assets as "name (department)", assessments as "checklist subject
 * date", and any register by its label field. */
GHashTable   *mamori_workspace_ref_labels    (MamoriWorkspace      *self,
                                              const char           *ref,
                                              GError              **error);
/* The label of one row a reference field points at (a new string, "" when there is none): for
 * a list showing a few references into a large table (the ledger), instead of reading every
 * label. */
char         *mamori_workspace_ref_label_of  (MamoriWorkspace      *self,
                                              const char           *ref,
                                              gint64                id,
                                              GError              **error);
/* The label of one referenced row ("" when id is empty or unknown), through labels. */
const char   *mamori_ref_label               (GHashTable           *labels,
                                              const char           *id);

/* The number of records in reg (all, parts included). */
gboolean      mamori_workspace_count_records (MamoriWorkspace      *self,
                                              const MamoriRegister *reg,
                                              guint                *count,
                                              GError              **error);

/* gov 2.1.1(8): an auditor never audits their own unit. Refuses (MAMORI_REGISTER_ERROR_SEGREGATION)
 * when auditor_unit is audited_unit, or when the people register puts auditor in audited_unit. */
gboolean      mamori_workspace_check_auditor (MamoriWorkspace      *self,
                                              const char           *auditor,
                                              const char           *auditor_unit,
                                              const char           *audited_unit,
                                              GError              **error);

/* The first month of the fiscal year (setting "fiscal_year_start_month", 1–12; 4 when unset). */
int           mamori_workspace_fiscal_start_month (MamoriWorkspace *self);

G_END_DECLS
