/* mamori-workspace-internal.h — shared by the files of src/store/ only */
#pragma once

#include <sqlite3.h>

#include "mamori-workspace.h"

G_BEGIN_DECLS

/* The trigger that keeps approved document versions final (migration 6); `check` compares the
 * schema's text with this. */
#define MAMORI_APPROVED_TRIGGER_NAME "document_version_approved_is_final"
#define MAMORI_APPROVED_TRIGGER_SQL \
  "CREATE TRIGGER document_version_approved_is_final BEFORE UPDATE ON document_version " \
  "  WHEN OLD.status = 'approved' BEGIN SELECT RAISE (ABORT, 'an approved version cannot be changed'); END"

/* The engine's connection: only for mamori-statement.c and the files that mamori-statement.h
 * lists as engine level. Every other store file runs SQL through mamori-statement.h. */
sqlite3  *mamori_workspace_get_db           (MamoriWorkspace *self);
/* A workspace on a PostgreSQL server: its libpq connection (NULL for a file), for the same
 * files only. */
struct pg_conn *mamori_workspace_get_pg     (MamoriWorkspace *self);
/* A server workspace table's identity column (the id of a new row: an INSERT gets RETURNING
 * it), or NULL. */
const char *mamori_workspace_pg_identity    (MamoriWorkspace *self,
                                             const char      *table);
void      mamori_workspace_pg_add_identity  (MamoriWorkspace *self,
                                             const char      *table,
                                             const char      *column);
/* A server workspace on conn (taken over); display is the URI without a password;
 * read_only_reason as for a file (NULL: writable). For mamori-workspace-pg.c. */
MamoriWorkspace *mamori_workspace_new_server (const char     *display,
                                              struct pg_conn *conn,
                                              const char     *read_only_reason);
/* Fills a new workspace's tables with their default rows (the migrations' seeds), inside an
 * open transaction: for a new server workspace, whose schema is made in one step. */
gboolean  mamori_workspace_seed_new         (MamoriWorkspace *self,
                                             const char      *doing,
                                             GError         **error);
/* A read-only connection of its own to the workspace file at path, without the checks of
 * mamori_workspace_open: for one query in a worker thread while the owner's connection
 * writes. Errors name doing. Unref it when done. */
MamoriWorkspace *mamori_workspace_open_reader (const char    *path,
                                               const char    *doing,
                                               GError       **error);
/* Makes the workspace read-only from now on, saying why (NULL: writable again). */
void      mamori_workspace_set_read_only_reason (MamoriWorkspace *self,
                                                 const char      *reason);
void      mamori_workspace_lock             (MamoriWorkspace *self);
void      mamori_workspace_unlock           (MamoriWorkspace *self);
gboolean  mamori_workspace_ensure_open      (MamoriWorkspace *self,
                                             GError         **error);
/* The steps of a write. Store code writes through mamori_workspace_write (mamori-statement.h),
 * which runs them in order; batches nest with mamori_workspace_transaction. */
/* BEGIN IMMEDIATE, or a savepoint inside an open transaction; call with the lock held. */
gboolean  mamori_workspace_begin            (MamoriWorkspace *self,
                                             const char      *doing,
                                             GError         **error);
gboolean  mamori_workspace_commit           (MamoriWorkspace *self,
                                             const char      *doing,
                                             GError         **error);
void      mamori_workspace_rollback         (MamoriWorkspace *self);
gboolean  mamori_workspace_log_change       (MamoriWorkspace *self,
                                             const char      *entity,
                                             const char      *action,
                                             const char      *summary,
                                             GError         **error);
/* After a commit, with the lock released. */
void      mamori_workspace_emit_changed     (MamoriWorkspace *self,
                                             const char      *entity);
void      mamori_workspace_set_sqlite_error (GError         **error,
                                             const char      *path,
                                             sqlite3         *db,
                                             int              rc,
                                             const char      *doing);
char     *mamori_workspace_now              (void);
/* Ticks a step-up task as done by Mamori ('auto') unless it is ticked already; inside an open
 * transaction, with the lock held. The caller emits "stepup_task" after the commit. */
gboolean  mamori_workspace_tick_task        (MamoriWorkspace *self,
                                             const char      *key,
                                             const char      *doing,
                                             GError         **error);
/* Every tracked measure as rows (source, what, owner, due, done 0/1), ?1 = today. See
 * mamori_workspace_count_measures for what "done" means. source is an asset's name, or for a
 * checklist item "checklist-id" MAMORI_SOURCE_SEPARATOR (char 31, written in the SQL as a literal
 * character, which both engines read) "ref_id", which
 * mamori_measure_source_label (core/mamori-display.h) prints as "自社診断 No.21"; for an
 * incident's recurrence-prevention measure, the incident's title. */
#define MAMORI_MEASURES_SQL \
  "SELECT name AS source, measure AS what, measure_owner AS owner, measure_due AS due, " \
  "  ((target_threat > 0 OR target_vulnerability > 0) " \
  "   AND (target_threat = 0 OR threat BETWEEN 1 AND target_threat) " \
  "   AND (target_vulnerability = 0 OR vulnerability <= target_vulnerability)) AS done " \
  "FROM asset WHERE measure <> '' " \
  "UNION ALL " \
  "SELECT a.checklist || '\037' || m.ref_id, m.what, m.owner, coalesce (m.due_on, ''), " \
  "  EXISTS (SELECT 1 FROM answer x JOIN assessment l ON l.id = x.assessment " \
  "          WHERE l.checklist = a.checklist AND l.subject = a.subject AND l.status = 'completed' " \
  "            AND (l.assessed_on, l.id) > (a.assessed_on, a.id) AND x.ref_id = m.ref_id " \
  "            AND x.score > coalesce ((SELECT score FROM answer WHERE assessment = a.id AND ref_id = m.ref_id), -1)) " \
  "FROM measure m JOIN assessment a ON a.id = m.assessment " \
  "WHERE NOT EXISTS (SELECT 1 FROM measure n JOIN assessment b ON b.id = n.assessment " \
  "                  WHERE b.checklist = a.checklist AND b.subject = a.subject AND n.ref_id = m.ref_id " \
  "                    AND (b.assessed_on, b.id) > (a.assessed_on, a.id)) " \
  "UNION ALL " \
  "SELECT a.checklist || '\037' || c.ref_id, c.what, c.owner, c.due_on, c.status = 'closed' " \
  "FROM corrective_action c JOIN assessment a ON a.id = c.assessment " \
  "UNION ALL " \
  "SELECT i.title, m.what, m.owner, m.due_on, m.done_on <> '' " \
  "FROM incident_measures m JOIN incidents i ON i.id = m.incident"

/* YYYY-MM-DD and a real day. */
gboolean       mamori_workspace_valid_date   (const char      *date);
/* Valid UTF-8 of at most max_chars; otherwise error names label. */
gboolean       mamori_workspace_check_text   (const char      *label,
                                              const char      *value,
                                              gsize            max_chars,
                                              GError         **error);

/* mamori-roles.c: forgets what the connected user may do (read again when next asked). */
void     mamori_workspace_forget_access (MamoriWorkspace *self);

G_END_DECLS
