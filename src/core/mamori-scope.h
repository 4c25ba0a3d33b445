/* mamori-scope.h — a checklist's scope, decided before it is assessed: the optional measures
 * left out with the reason for each (the technology-information certification's Ⅰ第二2), or
 * the implementation groups chosen (CISO Assistant libraries). A scope is saved as the
 * checklist's next numbered version and never edited; an assessment keeps the version it was
 * answered in (assessment.scope), so the audit report's statement of applicability shows the
 * choice that held. */
#pragma once

#include "mamori-checklist.h"

G_BEGIN_DECLS

typedef enum {
  MAMORI_SCOPE_EXCLUDED,     /* an optional item left out; reason required */
  MAMORI_SCOPE_GROUP,        /* an implementation group in scope */
} MamoriScopeKind;

typedef struct {
  MamoriScopeKind kind;
  char *ref;                 /* the item's ref_id, or the group's ref_id */
  char *reason;              /* "" when none */
} MamoriScopeEntry;

typedef struct {
  gint64 id;                 /* 0 until saved */
  char *checklist;
  int number;                /* 1, 2, … per checklist; 0 until saved */
  char *decided_on;          /* YYYY-MM-DD */
  char *decided_by;
  char *note;
  char *created_at;
  GPtrArray *entries;        /* MamoriScopeEntry*, in the order added (listed by kind, ref) */
} MamoriScope;

MamoriScope *mamori_scope_new          (const char        *checklist);
void         mamori_scope_free         (MamoriScope       *scope);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (MamoriScope, mamori_scope_free)
void         mamori_scope_add          (MamoriScope       *scope,
                                        MamoriScopeKind    kind,
                                        const char        *ref,
                                        const char        *reason);
/* The entry of kind for ref, or NULL. */
const MamoriScopeEntry *mamori_scope_find (const MamoriScope *scope,
                                           MamoriScopeKind    kind,
                                           const char        *ref);
/* The chosen groups, NULL-terminated (NULL when none: every item, as
 * mamori_checklist_in_scope takes it). Free with g_strfreev. */
char       **mamori_scope_groups       (const MamoriScope *scope);
/* Whether item is assessed under scope (NULL: every item): not left out, and in a chosen group
 * when groups were chosen. */
gboolean     mamori_scope_includes     (const MamoriScope *scope,
                                        const MamoriNode  *item);
/* Checks scope against checklist: every excluded ref is an optional item of it with a
 * reason that is not blank; every group is one of its implementation groups; decided_on is a
 * date. The message names the first problem. */
gboolean     mamori_scope_validate     (const MamoriScope      *scope,
                                        const MamoriChecklist  *checklist,
                                        GError                **error);

G_END_DECLS
