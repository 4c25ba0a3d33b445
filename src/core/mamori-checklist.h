/* mamori-checklist.h — checklist libraries (CISO Assistant framework format subset) and
 * their scoring. Pure C + GLib; parsed with libyaml. */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

#define MAMORI_CHECKLIST_ERROR (mamori_checklist_error_quark ())
GQuark mamori_checklist_error_quark (void);

typedef enum {
  MAMORI_CHECKLIST_ERROR_SYNTAX,        /* not YAML, or not the expected shape */
  MAMORI_CHECKLIST_ERROR_MISSING_KEY,
  MAMORI_CHECKLIST_ERROR_DUPLICATE,
  MAMORI_CHECKLIST_ERROR_BAD_PARENT,
  MAMORI_CHECKLIST_ERROR_BAD_CHOICE,
  MAMORI_CHECKLIST_ERROR_INVALID,
} MamoriChecklistError;

/* Text in several languages: the library's own locale plus its translations. */
typedef struct _MamoriText MamoriText;
const char *mamori_text_get (const MamoriText *text,
                             const char       *lang);
/* "ja" when the user's language is Japanese, else "en". */
const char *mamori_text_user_lang (void);

typedef struct {
  double score;              /* meaningless when not_applicable */
  gboolean not_applicable;   /* excluded from the score */
  MamoriText *name;
  MamoriText *description;   /* e.g. what evidence to give for this answer */
  char *urn;                 /* a question's choice: its urn (lowercased), which depends_on names */
} MamoriChoice;

/* The kinds of question a requirement node may ask (CISO Assistant's `questions`). */
typedef enum {
  MAMORI_QUESTION_UNIQUE_CHOICE,
  MAMORI_QUESTION_MULTIPLE_CHOICE,
  MAMORI_QUESTION_TEXT,
  MAMORI_QUESTION_NUMBER,
  MAMORI_QUESTION_BOOLEAN,
  MAMORI_QUESTION_DATE,
} MamoriQuestionType;

typedef struct {
  char *urn;                 /* lowercased */
  MamoriQuestionType type;
  MamoriText *text;          /* NULL when the file gives none */
  GPtrArray *choices;        /* MamoriChoice*, for unique and multiple choice; else NULL */
  /* Asked only after another question's answer: the choice urns (lowercased) of depends_on,
   * all of them (depends_all) or any one. NULL: always asked. */
  char *depends_on;          /* the question's urn */
  char **depends_answers;
  gboolean depends_all;
} MamoriQuestion;

/* One of a framework's implementation groups (a level or a profile such as “standard” and
 * “reinforced”): an assessment may be limited to the items of chosen groups. */
typedef struct {
  char *ref_id;
  MamoriText *name;          /* the ref_id when the file gives no name */
  MamoriText *description;
  gboolean default_selected;
} MamoriImplementationGroup;

typedef struct {
  double min, max;           /* inclusive, on the total score */
  MamoriText *description;
} MamoriBand;

/* How an auditor checks a requirement (mamori_methods): flags. */
typedef enum {
  MAMORI_METHOD_REVIEW      = 1 << 0,  /* reading rules and records (閲覧) */
  MAMORI_METHOD_INTERVIEW   = 1 << 1,  /* asking staff (インタビュー、ヒアリング) */
  MAMORI_METHOD_OBSERVATION = 1 << 2,  /* looking on site (現地調査、視察) */
} MamoriMethod;

/* The highest target level of mamori_target_level (the eight-level ladder of the
 * technology-information certification's audit guideline). */
#define MAMORI_TARGET_LEVEL_MAX 8

typedef struct _MamoriNode MamoriNode;
struct _MamoriNode {
  char *urn;                 /* lowercased; what identifies the node in the file */
  /* The item's key: answers, notes and evidence are stored under it. The file's ref_id, or one
   * derived from the urn when the node has none (ref_id_derived; see README “Checklists”). */
  char *ref_id;
  char *parent_urn;
  char *source;              /* mamori_source: where the item comes from */
  int depth;
  gboolean assessable;
  int line;                  /* 1-based line in the file */
  MamoriText *name;
  MamoriText *description;
  MamoriText *annotation;    /* help: why it matters, example measures */
  MamoriText *typical_evidence;
  GPtrArray *choices;        /* MamoriChoice*, or NULL: the checklist's scale */
  MamoriNode *parent;
  int group;                 /* index into groups, -1 when the checklist has none */
  gboolean ref_id_derived;   /* the file gives no ref_id */
  /* The name is not the file's: the node has neither name nor description, so its annotation
   * (moved here), its questions' text, or its ref_id stands for it. */
  gboolean name_derived;
  char **implementation_groups; /* the groups' ref_ids, or NULL */
  GPtrArray *questions;      /* MamoriQuestion*, file order, or NULL */
  /* Mamori's extensions of a requirement node (README “The library format”); read them through
   * the mamori_node_get_*() / mamori_node_is_*() accessors below. */
  int target_level;          /* mamori_target_level 1…8; 0 when the file gives none */
  char **evidence_rules;     /* mamori_evidence_rules, or NULL */
  char **evidence_records;   /* mamori_evidence_records, or NULL */
  guint methods;             /* mamori_methods: MamoriMethod flags, 0 when none */
  gboolean reconstructed;    /* mamori_reconstructed: lost in the source, rebuilt by Mamori */
  gboolean optional;         /* mamori_optional: chosen by the firm, not always required */
  char *actor;               /* mamori_actor (one of mamori_actor_keys), or NULL */
  gboolean default_not_applicable; /* mamori_default_not_applicable */
  MamoriText *not_applicable_reason; /* mamori_not_applicable_reason, or NULL */
  gboolean reworded;         /* mamori_reworded: the source's text was adapted for a company */
};

typedef struct {
  char *id;                  /* ref_id, e.g. "ipa-self-diagnosis" */
  char *urn;
  char *locale;
  char *filename;
  int version;
  MamoriText *name;
  MamoriText *description;
  MamoriText *copyright;
  char *subject_kind;        /* "organisation" or "cloud_service" */
  GPtrArray *scale;          /* MamoriChoice*: the default answer choices */
  GPtrArray *bands;          /* MamoriBand* */
  GPtrArray *nodes;          /* MamoriNode*, file order */
  GPtrArray *items;          /* the assessable nodes, in order */
  GPtrArray *groups;         /* top-level non-assessable nodes */
  GPtrArray *warnings;       /* char*: constructs Mamori does not use */
  GPtrArray *implementation_groups; /* MamoriImplementationGroup*, file order; empty when none */
  GHashTable *by_urn;        /* node urn → MamoriNode* */
} MamoriChecklist;

/* Requirement nodes nest at most this many levels under their parents. The YAML text itself is
 * bounded by the limits of mamori_yaml_load (size, nesting, aliases). */
#define MAMORI_CHECKLIST_MAX_NESTING 64

MamoriChecklist   *mamori_checklist_parse        (const char            *data,
                                                  gsize                  length,
                                                  const char            *filename,
                                                  GError               **error);
void               mamori_checklist_free         (MamoriChecklist       *checklist);
const MamoriNode  *mamori_checklist_find_item    (const MamoriChecklist *checklist,
                                                  const char            *ref_id);
int                mamori_checklist_item_index   (const MamoriChecklist *checklist,
                                                  const char            *ref_id);
GPtrArray         *mamori_checklist_choices      (const MamoriChecklist *checklist,
                                                  const MamoriNode      *item);
const MamoriNode  *mamori_checklist_find_node    (const MamoriChecklist *checklist,
                                                  const char            *urn);
/* What a node shows: its name, else its description (a node with neither has a derived name,
 * so this is never NULL), in lang when the library has it. */
const char        *mamori_node_text              (const MamoriNode      *node,
                                                  const char            *lang);

/* --- Mamori's extensions of a node ------------------------------------------------------------- */

/* The level (1…MAMORI_TARGET_LEVEL_MAX) at which the requirement is met: met when the level
 * reached is at least this. 0 when the library gives none. */
int                mamori_node_get_target_level  (const MamoriNode      *node);
/* The named governing rules (規定等) and the records or other objects (記録やその他の確認対象)
 * an auditor looks at: NULL-terminated, never NULL (empty when none). */
const char * const *mamori_node_get_evidence_rules   (const MamoriNode  *node);
const char * const *mamori_node_get_evidence_records (const MamoriNode  *node);
/* MamoriMethod flags; 0 when the library names none. */
guint              mamori_node_get_methods       (const MamoriNode      *node);
gboolean           mamori_node_is_reconstructed  (const MamoriNode      *node);
gboolean           mamori_node_is_optional       (const MamoriNode      *node);
/* Who answers for the requirement: a key of mamori_actor_keys, or NULL. */
const char        *mamori_node_get_actor         (const MamoriNode      *node);
gboolean           mamori_node_is_default_not_applicable (const MamoriNode *node);
/* Why the requirement is not applicable by default, in lang when the library has it; or NULL. */
const char        *mamori_node_get_not_applicable_reason (const MamoriNode *node,
                                                          const char       *lang);
gboolean           mamori_node_is_reworded       (const MamoriNode      *node);
/* The values mamori_actor may take, NULL-terminated: ciso, chief_iso, unit_iso,
 * system_officer, csirt, approver, audit_officer, staff. */
extern const char * const mamori_actor_keys[];
/* The values mamori_methods may take and their flags. */
const char        *mamori_method_key             (MamoriMethod           method);

/* --- implementation groups: an assessment's scope ---------------------------------------------- */

const MamoriImplementationGroup *
                   mamori_checklist_find_group   (const MamoriChecklist *checklist,
                                                  const char            *ref_id);
/* The groups marked default_selected, or NULL (no scope: every item) when none is. */
char             **mamori_checklist_default_scope (const MamoriChecklist *checklist);
/* TRUE when scope is NULL or empty (every item), or the node belongs to one of its groups; a
 * node with no groups is outside any scope (as in CISO Assistant). */
gboolean           mamori_checklist_in_scope     (const MamoriNode      *node,
                                                  const char * const    *scope);
/* The ref_ids of scope that are not groups of the checklist, or NULL when all are. */
char             **mamori_checklist_unknown_groups (const MamoriChecklist *checklist,
                                                    const char * const    *scope);

/* --- questions ---------------------------------------------------------------------------------- */

/* Whether question is asked, given the choice urns selected so far for the node's questions
 * (a set of lowercased urns; NULL as empty). */
gboolean           mamori_question_applies       (const MamoriQuestion  *question,
                                                  GHashTable            *selected);
/* The index of the choice whose label (in any language) or distinct score matches text,
 * or -1. */
int                mamori_checklist_match_choice (const MamoriChecklist *checklist,
                                                  const MamoriNode      *item,
                                                  const char            *text);
/* The check-sheet scale for libraries that bring none: 2 complete, 1 in progress,
 * 0 not done, not applicable. */
GPtrArray         *mamori_checklist_default_scale (void);

typedef struct {
  guint n_items;
  guint n_answered;
  guint n_not_applicable;
  double score;              /* sum of the answered choices' scores */
  double max;                /* best possible over the applicable items */
  double min;                /* worst possible over the applicable items */
} MamoriScore;

/* choice_index[i] is the answer to checklist->items[i] (-1: unanswered). per_group has
 * MAX (groups->len, 1) entries. */
void               mamori_checklist_score        (const MamoriChecklist *checklist,
                                                  const int             *choice_index,
                                                  MamoriScore           *total,
                                                  MamoriScore           *per_group);
/* The same over the items in scope (mamori_checklist_in_scope); the others count nowhere. */
void               mamori_checklist_score_in_scope (const MamoriChecklist *checklist,
                                                    const int             *choice_index,
                                                    const char * const    *scope,
                                                    MamoriScore           *total,
                                                    MamoriScore           *per_group);
double             mamori_score_percent          (const MamoriScore     *score);
const MamoriBand  *mamori_checklist_band         (const MamoriChecklist *checklist,
                                                  double                 score);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (MamoriChecklist, mamori_checklist_free)

/* --- answers from CSV ------------------------------------------------------------------------- */

typedef struct {
  guint n_items;             /* the checklist's items->len */
  int *choices;              /* per item: the choice index, or -1 when the file does not answer it */
  char **notes;              /* per item: the note, or NULL */
} MamoriAnswerSheet;

void               mamori_answer_sheet_free      (MamoriAnswerSheet     *sheet);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (MamoriAnswerSheet, mamori_answer_sheet_free)

/* Reads a completed checklist from CSV text (UTF-8; see mamori_csv_decode): a header line
 * naming the columns ref_id and answer, and optionally note (others are ignored), then one row
 * per answered item; the answer is a choice's label in any language or its score
 * (mamori_checklist_match_choice); a cell guarded by a CSV export (mamori_csv_cell_text) is
 * read as the value it guards. NULL with error (and *problems NULL) when the file cannot be read
 * as such (CSV syntax, no header, a missing or repeated column). Otherwise *problems gets every
 * bad row (“line N, column C, value “V”: reason”), and the answers are returned only when there
 * is none. */
MamoriAnswerSheet *mamori_checklist_read_answers (const MamoriChecklist *checklist,
                                                  const char            *text,
                                                  GPtrArray            **problems,
                                                  GError               **error);

G_END_DECLS
