/* mamori-criteria.h — the result of an assessment answered by level (the technology-information
 * certification's full criteria): per procedure met or not against its target level, counts per
 * chapter and section, the named rules and records no evidence shows yet, and the tier (Silver,
 * Gold) the answers support. Pure C + GLib; README “Levels, scope and tiers” gives the reading. */
#pragma once

#include "mamori-checklist.h"
#include "mamori-scope.h"

G_BEGIN_DECLS

typedef enum {
  MAMORI_CRITERION_MET,            /* level reached ≥ target */
  MAMORI_CRITERION_NOT_MET,
  MAMORI_CRITERION_NOT_ANSWERED,
  MAMORI_CRITERION_NOT_APPLICABLE, /* answered not applicable */
  MAMORI_CRITERION_OUT_OF_SCOPE,   /* left out by the assessment's scope */
  MAMORI_CRITERION_N_STATES,
} MamoriCriterionState;

typedef struct {
  const MamoriNode *item;
  MamoriCriterionState state;
  int target;                /* the item's target level, or 1 when it has none */
  int reached;               /* the level reached (0: not reached); -1 unless met or not met */
  int gap;                   /* target − reached when not met, else 0 */
} MamoriCriterionResult;

/* A chapter (a top-level node) or a section (a heading inside one that holds procedures). */
typedef struct {
  const MamoriNode *node;
  guint n[MAMORI_CRITERION_N_STATES];
  guint by_level[MAMORI_TARGET_LEVEL_MAX + 1]; /* met or not met procedures per level reached */
  guint gap_levels;          /* the sum of the gaps */
} MamoriCriteriaGroup;

/* A named rule or record that the in-scope, applicable procedures look at and no evidence file
 * of the assessment shows (MamoriEvidence.fulfils). */
typedef struct {
  char *name;
  gboolean is_rule;          /* a governing rule (規定等), else a record or other object */
  GPtrArray *refs;           /* char*: the procedures that need it, in checklist order */
} MamoriCriteriaLack;

typedef struct {
  guint n_items;
  MamoriCriterionResult *results; /* one per checklist item, in order */
  guint n[MAMORI_CRITERION_N_STATES];
  guint gap_levels;
  GPtrArray *chapters;       /* MamoriCriteriaGroup*, checklist order */
  GPtrArray *sections;       /* MamoriCriteriaGroup*, checklist order */
  GPtrArray *lacking;        /* MamoriCriteriaLack*: rules first, then most procedures first */
  /* Silver (self-declaration): every always-required procedure (not mamori_optional) is met or
   * not applicable. Gold (on-site audit): Silver, and every in-scope procedure is met or not
   * applicable. The procedures that stand in the way: const MamoriNode*, checklist order. */
  gboolean silver;
  gboolean gold;
  GPtrArray *silver_missing;
  GPtrArray *gold_missing;
} MamoriCriteria;

/* choice_index[i] answers checklist->items[i] (-1: not answered); the level reached is the
 * choice's score. scope NULL: every item. fulfilled: the names the assessment's evidence files
 * show (NULL-terminated, may be NULL). */
MamoriCriteria *mamori_criteria_compute     (const MamoriChecklist *checklist,
                                             const int             *choice_index,
                                             const MamoriScope     *scope,
                                             const char * const    *fulfilled);
void            mamori_criteria_free        (MamoriCriteria        *criteria);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (MamoriCriteria, mamori_criteria_free)

/* Whether checklist is answered by level: its items carry target levels. */
gboolean        mamori_criteria_applies     (const MamoriChecklist *checklist);
/* The result of the item with ref_id, or NULL. */
const MamoriCriterionResult *
                mamori_criteria_find        (const MamoriCriteria  *criteria,
                                             const char            *ref_id);
/* The group of node (a chapter or section), or NULL. */
const MamoriCriteriaGroup *
                mamori_criteria_group       (const MamoriCriteria  *criteria,
                                             const MamoriNode      *node);

G_END_DECLS
