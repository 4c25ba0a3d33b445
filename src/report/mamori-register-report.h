/* mamori-register-report.h — what the year's registers add to the management-review report and
 * to the audit report, as Markdown in the report's language ("ja" or "en").
 *
 * The registers are read once (mamori_register_report_new, on the thread that owns the
 * workspace) through the store's public functions; the sections are then written from what was
 * read. Dates print in the process's date style; no internal id is ever printed. */
#pragma once

#include "store/mamori-workspace.h"

G_BEGIN_DECLS

typedef struct _MamoriRegisterReport MamoriRegisterReport;

/* Days before an exception ends, or a supplier's evaluation falls due, that the review flags. */
#define MAMORI_REGISTER_REPORT_SOON_DAYS 60

/* Reads every register as it stands on today (YYYY-MM-DD). */
MamoriRegisterReport *mamori_register_report_new  (MamoriWorkspace      *workspace,
                                                   const char           *today,
                                                   GError              **error);
void                  mamori_register_report_free (MamoriRegisterReport *report);

/* The review's sections (level-1 headings): incidents since since (the last review, or NULL
 * for the last 12 months), exceptions active today and ending soon, accepted risks and their
 * expiry against the next review (a year after today), training and pledge coverage this fiscal
 * year with the people overdue, and suppliers whose evaluation is due. */
void       mamori_register_report_review_sections (MamoriRegisterReport *report,
                                                   GString              *md,
                                                   const char           *since,
                                                   const char           *lang);
/* The accepted risks that need management's decision — expired, or expiring before the next
 * review — one sentence each (char*), and the number of the others, still accepted past it. */
GPtrArray *mamori_register_report_acceptances_to_decide (MamoriRegisterReport *report,
                                                         const char           *lang,
                                                         guint                *n_still_accepted);
/* The audit report's last part "Records for the auditor" (a level-1 heading): incidents from from
 * to to with their reports and notifications, exceptions in that time with applicant and
 * approver, accepted risks, training sessions with attendance, people overdue and pledges
 * missing, suppliers with their evaluation dates. */
void       mamori_register_report_audit_annex     (MamoriRegisterReport *report,
                                                   GString              *md,
                                                   const char           *from,
                                                   const char           *to,
                                                   const char           *lang);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (MamoriRegisterReport, mamori_register_report_free)

G_END_DECLS
