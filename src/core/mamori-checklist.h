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
} MamoriChoice;

typedef struct {
  double min, max;           /* inclusive, on the total score */
  MamoriText *description;
} MamoriBand;

typedef struct _MamoriNode MamoriNode;
struct _MamoriNode {
  char *urn;
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
