/* mamori-questions.h — the answers to a library item's questions (CISO Assistant's
 * `questions`) in an assessment: one value per question, encoded as
 * core/mamori-question-value.h says. They are recorded answers only: the item's answer on the
 * scale stays what the respondent chooses (README “Questions”). */
#pragma once

#include "core/mamori-question-value.h"
#include "mamori-workspace.h"

G_BEGIN_DECLS

/* ref_id → GHashTable (question urn → stored value) for every item with an answered question. */
GHashTable *mamori_workspace_get_question_answers  (MamoriWorkspace      *self,
                                                    gint64                assessment,
                                                    GError              **error);
/* The answers to one item's questions: question urn → stored value (empty when none). */
GHashTable *mamori_workspace_get_item_questions    (MamoriWorkspace      *self,
                                                    gint64                assessment,
                                                    const char           *ref_id,
                                                    GError              **error);
/* Checks value (mamori_question_value_check) and stores it as item's answer to question (one
 * of item's questions, not the scale one: mamori_question_is_scale); NULL or "" clears it.
 * Refuses a completed assessment. */
gboolean    mamori_workspace_set_question_answer   (MamoriWorkspace      *self,
                                                    gint64                assessment,
                                                    const MamoriNode     *item,
                                                    const MamoriQuestion *question,
                                                    const char           *value,
                                                    GError              **error);
/* Stores value (as mamori_question_value_check returned it; "" clears) as item ref_id's answer
 * to question (its urn), provided the stored answer is still expected (what the user saw, ""
 * for none; NULL: no check): otherwise MAMORI_WORKSPACE_ERROR_CONFLICT and nothing changes.
 * The comparison runs inside the write's transaction. Refuses a completed assessment. */
gboolean    mamori_workspace_set_question_value_checked (MamoriWorkspace *self,
                                                         gint64           assessment,
                                                         const char      *ref_id,
                                                         const char      *question,
                                                         const char      *value,
                                                         const char      *expected,
                                                         GError         **error);
/* Clears every question answer of item ref_id. Refuses a completed assessment. */
gboolean    mamori_workspace_clear_question_answers (MamoriWorkspace     *self,
                                                     gint64               assessment,
                                                     const char          *ref_id,
                                                     GError             **error);

G_END_DECLS
