/* mamori-audit.h — an internal audit over a checklist: which procedures a plan audits (the whole
 * checklist or one chapter), the techniques used per procedure (review, observation, interview),
 * whether a procedure is met (its target level when the checklist's scale gives levels), and the
 * results counted per chapter and section. Pure: the caller passes the chosen answers. */
#pragma once

#include "mamori-checklist.h"

G_BEGIN_DECLS

/* Whether a checklist offers the certification's internal audit in the UI (the mandatory items
 * and the full criteria); any assessment with a plan is audited as well. */
gboolean          mamori_audit_checklist_is_auditable (const char *checklist_id);

/* The top-level node above node (its chapter: Ⅰ … Ⅶ, or the mandatory item 1 … 12), or NULL. */
const MamoriNode *mamori_audit_chapter_of  (const MamoriNode      *node);
/* The non-assessable node one level below the chapter above node (its section: Ⅰ第一…), or
 * NULL when there is none. */
const MamoriNode *mamori_audit_section_of  (const MamoriNode      *node);
/* Whether an audit of chapter (NULL or "": the whole checklist; else a chapter's ref_id)
 * covers node. */
gboolean          mamori_audit_in_audit    (const char            *chapter,
                                            const MamoriNode      *node);
/* The chapter node of checklist whose ref_id is chapter, or NULL (NULL or "" gives NULL). */
const MamoriNode *mamori_audit_find_chapter (const MamoriChecklist *checklist,
                                             const char            *chapter);

/* Techniques are MamoriMethod flags, stored as their keys joined by commas in the order
 * review, observation, interview. Unknown words are ignored. */
guint             mamori_audit_techniques_parse  (const char  *text);
char             *mamori_audit_techniques_format (guint        techniques);
/* The techniques an audit of node starts with: the node's mamori_methods, else review. */
guint             mamori_audit_default_techniques (const MamoriNode *node);
/* A technique's name in lang ("ja" or "en"), e.g. 閲覧 / Review. */
const char       *mamori_audit_technique_label   (MamoriMethod method,
                                                  const char  *lang);
/* Every technique of techniques, by name, joined with "、" (ja) or ", " (en); "" for none. */
char             *mamori_audit_techniques_text   (guint        techniques,
                                                  const char  *lang);

typedef enum {
  MAMORI_AUDIT_MET,
  MAMORI_AUDIT_NOT_MET,
  MAMORI_AUDIT_NOT_ANSWERED,
  MAMORI_AUDIT_NOT_APPLICABLE,
  MAMORI_AUDIT_N_RESULTS
} MamoriAuditResult;

/* Whether item is judged by its target level: it has one and the scale's best applicable score
 * reaches it (a scale of levels reached). */
gboolean          mamori_audit_uses_level  (const MamoriChecklist *checklist,
                                            const MamoriNode      *item);
/* The result of answering item with choice (-1: not answered): by level (the choice's score is
 * the level reached; met when it is at least the target), else met only with the scale's best
 * applicable answer. */
MamoriAuditResult mamori_audit_result      (const MamoriChecklist *checklist,
                                            const MamoriNode      *item,
                                            int                    choice);

/* Results of one chapter or section of an audit. */
typedef struct {
  const MamoriNode *node;     /* the chapter or section */
  gboolean section;
  guint counts[MAMORI_AUDIT_N_RESULTS];
} MamoriAuditTally;

/* One tally per chapter of the audit (chapter: as mamori_audit_in_audit), each followed by its
 * sections, in checklist order; choice_of gives the choice of an item (-1: not answered). */
GPtrArray        *mamori_audit_tally       (const MamoriChecklist *checklist,
                                            const char            *chapter,
                                            int                  (*choice_of) (const MamoriNode *item,
                                                                               gpointer          data),
                                            gpointer               data);

G_END_DECLS

G_BEGIN_DECLS
/* The internal auditor's independence (tech-info certification, audit guidance 3: the threats
 * to an internal auditor), as the statements an auditor confirms, in lang ("ja" or "en"). */
#define MAMORI_AUDIT_N_INDEPENDENCE 6
const char       *mamori_audit_independence_check (guint       i,
                                                   const char *lang);
G_END_DECLS
