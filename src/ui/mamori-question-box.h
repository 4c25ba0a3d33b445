/* mamori-question-box.h — an item's questions in the assessment wizard (CISO Assistant's
 * `questions` beside the item's answer): one control per question by its type, hidden while
 * its depends_on is not met, saved as the user answers (typed text after a pause, and when
 * the item changes). */
#pragma once

#include <adwaita.h>

#include "store/mamori-questions.h"

G_BEGIN_DECLS

#define MAMORI_TYPE_QUESTION_BOX (mamori_question_box_get_type ())
G_DECLARE_FINAL_TYPE (MamoriQuestionBox, mamori_question_box, MAMORI, QUESTION_BOX, AdwBin)

GtkWidget *mamori_question_box_new              (void);
/* Shows item's questions (all but the scale one; hidden when it has none) with the answers
 * stored for assessment. scale_choice: the item's answer (an index into its choices, -1 when
 * none), which depends_on may name. item must outlive the box's use of it (until the next
 * call or mamori_question_box_clear). */
void       mamori_question_box_set_item         (MamoriQuestionBox *self,
                                                 MamoriWorkspace   *workspace,
                                                 gint64             assessment,
                                                 const MamoriNode  *item,
                                                 int                scale_choice,
                                                 gboolean           read_only);
/* The item's answer changed: shows and hides the questions that depend on it. */
void       mamori_question_box_set_scale_choice (MamoriQuestionBox *self,
                                                 int                scale_choice);
/* Saves what is typed and not saved yet. */
void       mamori_question_box_flush            (MamoriQuestionBox *self);
void       mamori_question_box_clear            (MamoriQuestionBox *self);

G_END_DECLS
