/* mamori-assessments.h — checklist assessments in the workspace: answers, notes, evidence
 * files, decided measures, imported libraries. */
#pragma once

#include "core/mamori-catalog.h"
#include "core/mamori-checklist.h"
#include "core/mamori-criteria.h"
#include "mamori-workspace.h"

G_BEGIN_DECLS

#define MAMORI_EVIDENCE_MAX_SIZE (20 * 1024 * 1024)

typedef struct {
  gint64 id;
  char *checklist;
  char *subject;
  char *assessed_on;     /* YYYY-MM-DD */
  char *respondent;
  char *current_item;    /* where the wizard stopped, or NULL */
  char *created_at;
  char *completed_at;    /* NULL while in progress */
  gboolean completed;
  gint64 copied_from;    /* 0: none */
  guint n_answered;
  double score;          /* sum of the answered choices' scores */
  gint64 library_rev;    /* the imported library text it was answered against; 0: built-in */
} MamoriAssessment;

typedef struct {
  char *ref_id;
  int choice;            /* -1: not answered */
  char *note;            /* "" when none */
  char *measure_what;    /* NULL: no decided measure */
  char *measure_owner;
  char *measure_due;     /* YYYY-MM-DD or NULL */
  guint n_evidence;
  /* The stored rows' versions as read (MAMORI_ROW_VERSION_NONE: there is none), to give back
   * to the *_checked writes below. */
  gint64 choice_version;
  gint64 note_version;
  gint64 measure_version;
} MamoriAnswer;

typedef struct {
  gint64 id;
  char *ref_id;
  char *name;
  gint64 size;
  char *sha256;
  char *added_at;
  char *fulfils;         /* the named rule or record (mamori_evidence_rules/records) it shows; "" when none */
} MamoriEvidence;

typedef struct {
  char *id;
  int version;
  char *yaml;
} MamoriStoredLibrary;

void mamori_assessment_free       (MamoriAssessment    *a);
void mamori_answer_free           (MamoriAnswer        *a);
void mamori_evidence_free         (MamoriEvidence      *e);
void mamori_stored_library_free   (MamoriStoredLibrary *l);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (MamoriAssessment, mamori_assessment_free)

gint64            mamori_workspace_create_assessment   (MamoriWorkspace *self,
                                                        const char      *checklist,
                                                        const char      *subject,
                                                        const char      *assessed_on,
                                                        const char      *respondent,
                                                        GError         **error);
MamoriAssessment *mamori_workspace_get_assessment      (MamoriWorkspace *self,
                                                        gint64           id,
                                                        GError         **error);
/* checklist NULL: all. Oldest first (by date, then id). */
GPtrArray        *mamori_workspace_list_assessments    (MamoriWorkspace *self,
                                                        const char      *checklist,
                                                        GError         **error);
/* ref_id → MamoriAnswer* for every item that has an answer, a note or a measure. */
GHashTable       *mamori_workspace_get_answers         (MamoriWorkspace *self,
                                                        gint64           id,
                                                        GError         **error);
/* choice -1 clears the answer; score is ignored when not_applicable. */
gboolean          mamori_workspace_set_answer          (MamoriWorkspace *self,
                                                        gint64           id,
                                                        const char      *ref_id,
                                                        int              choice,
                                                        double           score,
                                                        gboolean         not_applicable,
                                                        GError         **error);
gboolean          mamori_workspace_set_note            (MamoriWorkspace *self,
                                                        gint64           id,
                                                        const char      *ref_id,
                                                        const char      *text,
                                                        GError         **error);
/* what NULL or empty removes the measure. due NULL or YYYY-MM-DD. */
gboolean          mamori_workspace_set_measure         (MamoriWorkspace *self,
                                                        gint64           id,
                                                        const char      *ref_id,
                                                        const char      *what,
                                                        const char      *owner,
                                                        const char      *due,
                                                        GError         **error);
/* The same over the item's answer, note or measure as it was read (two people answering one
 * assessment): *version is its version as read (MamoriAnswer's choice_version, note_version,
 * measure_version; MAMORI_ROW_VERSION_NONE for an item without one; MAMORI_ROW_VERSION_ANY:
 * no check, as the functions above). When the stored one is not that version (someone
 * changed, added or removed it meanwhile) nothing is saved and the error is
 * MAMORI_WORKSPACE_ERROR_CONFLICT, naming the item; read the answers again for theirs. On
 * success *version is the stored version now (MAMORI_ROW_VERSION_NONE once cleared). Every
 * write adds 1 to the version; clearing is a write (a clear over a row someone else cleared
 * too is no conflict). A row added where there was none starts at a version from the clock,
 * so an answer cleared and given again never comes back at a version read before. */
gboolean          mamori_workspace_set_answer_checked  (MamoriWorkspace *self,
                                                        gint64           id,
                                                        const char      *ref_id,
                                                        int              choice,
                                                        double           score,
                                                        gboolean         not_applicable,
                                                        gint64          *version,
                                                        GError         **error);
gboolean          mamori_workspace_set_note_checked    (MamoriWorkspace *self,
                                                        gint64           id,
                                                        const char      *ref_id,
                                                        const char      *text,
                                                        gint64          *version,
                                                        GError         **error);
gboolean          mamori_workspace_set_measure_checked (MamoriWorkspace *self,
                                                        gint64           id,
                                                        const char      *ref_id,
                                                        const char      *what,
                                                        const char      *owner,
                                                        const char      *due,
                                                        gint64          *version,
                                                        GError         **error);
gboolean          mamori_workspace_set_current_item    (MamoriWorkspace *self,
                                                        gint64           id,
                                                        const char      *ref_id,
                                                        GError         **error);
/* Answers “not applicable” every item the checklist marks so by default
 * (mamori_default_not_applicable: the government clauses that only make sense inside the
 * government), with the library's reason as the item's note, in lang; items already answered
 * are left alone. The user may still answer them otherwise. */
gboolean          mamori_workspace_apply_default_not_applicable (MamoriWorkspace       *self,
                                                                 gint64                 id,
                                                                 const MamoriChecklist *checklist,
                                                                 const char            *lang,
                                                                 GError               **error);
/* Completes it (read-only from then on); stepup_task, when given, is ticked automatically. */
gboolean          mamori_workspace_complete_assessment (MamoriWorkspace *self,
                                                        gint64           id,
                                                        const char      *stepup_task,
                                                        GError         **error);
/* A new, in-progress round with the same answers, notes, measures and answers to questions (not
 * the evidence). */
gint64            mamori_workspace_copy_assessment     (MamoriWorkspace *self,
                                                        gint64           id,
                                                        const char      *assessed_on,
                                                        GError         **error);
gboolean          mamori_workspace_delete_assessment   (MamoriWorkspace *self,
                                                        gint64           id,
                                                        GError         **error);
gint64            mamori_workspace_add_evidence        (MamoriWorkspace *self,
                                                        gint64           id,
                                                        const char      *ref_id,
                                                        const char      *name,
                                                        GBytes          *content,
                                                        GError         **error);
GPtrArray        *mamori_workspace_list_evidence       (MamoriWorkspace *self,
                                                        gint64           id,
                                                        const char      *ref_id,
                                                        GError         **error);
gboolean          mamori_workspace_remove_evidence     (MamoriWorkspace *self,
                                                        gint64           evidence_id,
                                                        GError         **error);
/* Names the rule or record (one of the item's mamori_evidence_rules/records, or any other
 * name) the evidence file shows; NULL or "" clears it. Refused once the assessment is complete. */
gboolean          mamori_workspace_set_evidence_fulfils (MamoriWorkspace *self,
                                                         gint64           evidence_id,
                                                         const char      *fulfils,
                                                         GError         **error);

/* The assessment's result by level (core/mamori-criteria.h) under the scope version it is
 * answered in, with the names its evidence files show; *scope (may be NULL) gets that version,
 * NULL when it has none. */
MamoriCriteria   *mamori_workspace_assessment_criteria (MamoriWorkspace       *self,
                                                        const MamoriChecklist *checklist,
                                                        gint64                 id,
                                                        MamoriScope          **scope,
                                                        GError               **error);

gboolean          mamori_workspace_save_library        (MamoriWorkspace *self,
                                                        const char      *id,
                                                        const char      *urn,
                                                        int              version,
                                                        const char      *yaml,
                                                        GError         **error);
GPtrArray        *mamori_workspace_list_libraries      (MamoriWorkspace *self,
                                                        GError         **error);

/* Scores answers (from mamori_workspace_get_answers) against checklist; per_group as in
 * mamori_checklist_score. Answers to items the checklist does not have are ignored. */
void              mamori_assessment_score              (const MamoriChecklist *checklist,
                                                        GHashTable            *answers,
                                                        MamoriScore           *total,
                                                        MamoriScore           *per_group);

/* Adds the libraries imported into the workspace to catalog. A stored library that no
 * longer parses is skipped and named in *warnings (char*, may be NULL). */
/* The checklist an assessment was answered against: the catalogue's, or the earlier version
 * of an imported library it used (parsed again into *owned, which the caller frees). NULL
 * with error set when it is not available. */
const MamoriChecklist *mamori_workspace_assessment_checklist (MamoriWorkspace        *self,
                                                              MamoriCatalog          *catalog,
                                                              const MamoriAssessment *a,
                                                              MamoriChecklist       **owned,
                                                              GError               **error);
gboolean          mamori_workspace_load_catalog        (MamoriWorkspace *self,
                                                        MamoriCatalog   *catalog,
                                                        GPtrArray      **warnings,
                                                        GError         **error);

typedef enum {
  MAMORI_FINDING_CONFORMING,   /* the best answer */
  MAMORI_FINDING_MINOR,        /* partly: a score between the worst and the best */
  MAMORI_FINDING_GAP,          /* the worst (or a negative) answer */
  MAMORI_FINDING_NOT_ANSWERED,
  MAMORI_FINDING_NOT_APPLICABLE,
} MamoriFinding;

/* Mamori's own grading of one answer (documented in the report and the README): against the
 * best and worst applicable scores of the item's scale. */
MamoriFinding     mamori_assessment_grade              (const MamoriChecklist *checklist,
                                                        const MamoriNode      *item,
                                                        int                    choice);
const char       *mamori_finding_label                 (MamoriFinding          finding,
                                                        const char            *lang);

G_END_DECLS
