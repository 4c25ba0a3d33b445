/* mamori-roles.h — who may change what in a workspace on a PostgreSQL server, enforced by the
 * server itself (GRANTs and row-level security), so a user who connects with psql gets no
 * more than in Mamori.
 *
 *   officer  everything
 *   editor   the assets, exceptions and people of their department(s); answers, notes,
 *            measures and evidence of the assessments whose respondent they are; incidents
 *            (anyone may report one) — never delete an incident
 *   auditor  reads everything; writes internal audits: their assessments (those with an
 *            audit plan), plans, per-item checks and corrective actions
 *   viewer   reads everything
 *
 * Each role is a group role of the database (mamori_<database>_<role>); a user is a member of
 * one, and the table mamori_member says their departments and the person they are (the name
 * an assessment's respondent field holds). A workspace file has no roles: its user may do
 * everything the file system lets them. */
#pragma once

#include "core/mamori-access.h"
#include "mamori-workspace.h"

G_BEGIN_DECLS


typedef struct {
  char *user;
  MamoriRole role;
  char **departments;        /* NULL-terminated, never NULL */
  char *person;              /* "" when none */
} MamoriMember;

void         mamori_member_free       (MamoriMember *member);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (MamoriMember, mamori_member_free)

/* "officer", "editor", "auditor", "viewer" (and "none"); parse returns FALSE for others. */
const char  *mamori_role_key          (MamoriRole   role);
gboolean     mamori_role_parse        (const char  *key,
                                       MamoriRole  *role);
/* The role's name for people. */
const char  *mamori_role_label        (MamoriRole   role);
/* What the role may do, in a sentence for people. */
const char  *mamori_role_describe     (MamoriRole   role);

/* Creates the group roles, grants and policies (again: it is idempotent). Needs a user who
 * may create roles (the one who runs `init`). TRUE without doing anything for a file. */
gboolean     mamori_workspace_setup_roles (MamoriWorkspace *self,
                                           GError         **error);
/* Gives user (an existing server login) role, replacing any other; departments (may be NULL)
 * limit an editor; person names them in assessments. */
gboolean     mamori_workspace_grant_role  (MamoriWorkspace    *self,
                                           const char         *user,
                                           MamoriRole          role,
                                           const char * const *departments,
                                           const char         *person,
                                           GError            **error);
gboolean     mamori_workspace_revoke_role (MamoriWorkspace    *self,
                                           const char         *user,
                                           GError            **error);
/* Every member, by user name. */
GPtrArray   *mamori_workspace_list_members (MamoriWorkspace   *self,
                                            GError           **error);
/* The connected user's role: OFFICER for a file, for the database's owner and superusers. */
MamoriRole   mamori_workspace_get_role    (MamoriWorkspace    *self,
                                           GError            **error);
/* What the connected user may change (their role, departments and names), read once and kept
 * until the roles change ("settings": forgotten before "changed" is emitted) or the workspace
 * connects again; the officer's for a file, a read-only one for a workspace opened read-only.
 * When it cannot be read (the server went away) a viewer's, kept until then. Never NULL;
 * owned by self: do not keep it across a "changed" emission or a reconnection. */
const MamoriAccess *mamori_workspace_get_access (MamoriWorkspace *self);

G_END_DECLS
