/* mamori-access.h — what the connected user's role lets them change, for the window to hide or
 * disable the rest and say why. The server enforces the same rules itself (GRANTs and
 * row-level security, store/mamori-roles.c); these are their mirror in plain C, so a page knows
 * before it offers an edit whether the server would take it. A workspace file has no roles: its
 * user is the officer. Pure C + GLib. */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

typedef enum {
  MAMORI_ROLE_OFFICER,
  MAMORI_ROLE_EDITOR,
  MAMORI_ROLE_AUDITOR,
  MAMORI_ROLE_VIEWER,
  MAMORI_ROLE_NONE,          /* a server user Mamori has given no role */
} MamoriRole;

typedef struct {
  MamoriRole role;
  char **departments;        /* an editor's departments; NULL-terminated, never NULL */
  char **names;              /* the user name and the person they are (an assessment's
                              * respondent); NULL-terminated, never NULL */
  char *read_only;           /* a workspace opened for reading only: why (then nothing may be
                              * changed, whatever the role); NULL otherwise */
} MamoriAccess;

/* What a page offers to change. */
typedef enum {
  MAMORI_ACCESS_LEDGER,      /* assets */
  MAMORI_ACCESS_ASSESSMENTS, /* starting, answering, deleting assessments */
  MAMORI_ACCESS_DOCUMENTS,   /* policy, rules, handbook and their versions */
  MAMORI_ACCESS_REGISTERS,   /* the year's registers */
  MAMORI_ACCESS_AUDITS,      /* internal audits: plans, findings, corrective actions */
  MAMORI_ACCESS_SETTINGS,    /* the organisation, the method, the catalogues, imports */
} MamoriAccessArea;

/* departments and names may be NULL; user and person are added to names when not empty. */
MamoriAccess *mamori_access_new      (MamoriRole          role,
                                      const char * const *departments,
                                      const char         *user,
                                      const char         *person);
/* The officer's: everything (a workspace file's). */
MamoriAccess *mamori_access_new_officer (void);
/* Nothing may be changed, for reason (a sentence, as mamori_workspace_get_read_only_reason). */
MamoriAccess *mamori_access_new_read_only (const char *reason);
MamoriAccess *mamori_access_copy     (const MamoriAccess *access);
void          mamori_access_free     (MamoriAccess       *access);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (MamoriAccess, mamori_access_free)

/* The officer may do everything (and the workspace is not read-only). */
gboolean      mamori_access_is_officer        (const MamoriAccess *access);
/* Whether the role may change anything at all in area (an editor may change some assets). */
gboolean      mamori_access_may_change_some   (const MamoriAccess *access,
                                               MamoriAccessArea    area);
/* An asset of department (its managing department; "" or NULL for none). */
gboolean      mamori_access_may_edit_asset    (const MamoriAccess *access,
                                               const char         *department);
/* Adding, importing: an editor adds to their own departments. */
gboolean      mamori_access_may_add_assets    (const MamoriAccess *access);
/* Deleting assets: the officer, or an editor for their own departments' assets. */
#define       mamori_access_may_delete_asset  mamori_access_may_edit_asset
/* Starting an assessment: the officer; an auditor starts those of internal audits. */
gboolean      mamori_access_may_start_assessment (const MamoriAccess *access);
/* Answering one assessment: respondent is its respondent field, audited whether it belongs
 * to an internal audit. */
gboolean      mamori_access_may_answer        (const MamoriAccess *access,
                                               const char         *respondent,
                                               gboolean            audited);
/* Planning the internal audit of an assessment: the officer; an auditor an assessment that is an
 * audit already (planned) or that nobody has answered yet (no answer or note given: answered
 * FALSE), so someone's self-assessment never becomes an audit an auditor then answers. */
gboolean      mamori_access_may_plan_audit    (const MamoriAccess *access,
                                               gboolean            planned,
                                               gboolean            answered);
/* A record of the register key (a top-level register's or a part's: "incident_updates");
 * unit is the record's department (exceptions: applicant_unit, people: unit), NULL when
 * unknown or new. deleting: removing the record. */
gboolean      mamori_access_may_edit_record   (const MamoriAccess *access,
                                               const char         *register_key,
                                               const char         *unit,
                                               gboolean            deleting);
/* Adding a record to register key. */
gboolean      mamori_access_may_add_record    (const MamoriAccess *access,
                                               const char         *register_key);
/* The field of register key that holds a record's department, or NULL. */
const char   *mamori_access_record_unit_field (const char         *register_key);

/* Whether the user may change something in area, and what: a sentence for people, saying the
 * role and what it allows there ("Your role is Viewer: you read the ledger but do not change
 * it."); NULL when the officer may do it all. A read-only workspace: why it is. */
char         *mamori_access_explain           (const MamoriAccess *access,
                                               MamoriAccessArea    area);
/* "Editor (Sales, General affairs)": the role's name, with an editor's departments. */
char         *mamori_access_describe          (const MamoriAccess *access);
/* The role's name for people. */
const char   *mamori_access_role_label        (MamoriRole          role);

G_END_DECLS
