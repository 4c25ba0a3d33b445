/* mamori-question-value.h — the answer to one of a library item's questions (MamoriQuestion) as
 * the text Mamori stores and exports. Pure C + GLib.
 *
 * The stored value, by the question's type (README “Questions”):
 * - text: the text as typed (at most 10 000 characters);
 * - number: a decimal in the C locale ("12", "-3.5"), as g_ascii_dtostr would write it;
 * - date: YYYY-MM-DD;
 * - boolean: "true" or "false" (CISO Assistant stores the JSON values true and false);
 * - unique choice: the chosen choice's urn (lowercased);
 * - multiple choice: the chosen choices' urns in the library's order, joined by "|"
 *   (MAMORI_QUESTION_VALUE_SEPARATOR; a URN never holds "|", RFC 8141).
 * The empty string is “not answered”. */
#pragma once

#include "mamori-checklist.h"

G_BEGIN_DECLS

#define MAMORI_QUESTION_VALUE_SEPARATOR "|"
#define MAMORI_QUESTION_TEXT_MAX 10000

/* The question of node whose urn is urn (compared lowercased), or NULL. */
const MamoriQuestion *mamori_node_find_question     (const MamoriNode     *node,
                                                     const char           *urn);
/* TRUE for the question whose choices are node's answer scale (the first unique choice
 * question): it is answered as the item's answer, not as a question answer. */
gboolean              mamori_question_is_scale      (const MamoriNode     *node,
                                                     const MamoriQuestion *question);
/* The question whose choices are node's scale, or NULL. */
const MamoriQuestion *mamori_node_scale_question    (const MamoriNode     *node);
/* The questions asked beside the item's answer: every question but the scale one. */
guint                 mamori_node_n_extra_questions (const MamoriNode     *node);
/* "text", "number", "date", "boolean", "unique_choice", "multiple_choice" (CISO Assistant's). */
const char           *mamori_question_type_key      (MamoriQuestionType    type);
/* Checks text as an answer to question and returns the value to store: surrounding space
 * trimmed (except for text), a number written anew, a date given as YYYY/M/D written
 * YYYY-MM-DD, booleans also read from yes/no/1/0, choices matched by urn (any case) or by
 * label in any language. "" (or only spaces) gives "" (not answered). NULL with
 * MAMORI_CHECKLIST_ERROR_INVALID and a message naming the problem otherwise. */
char                 *mamori_question_value_check   (const MamoriQuestion *question,
                                                     const char           *text,
                                                     GError              **error);
/* The choice urns a stored value selects (unique and multiple choice; else empty):
 * NULL-terminated, never NULL. */
char                **mamori_question_value_choices (const char           *value);
/* Adds the choice urns of value (an answer to question) to selected, a set of lowercased urns
 * for mamori_question_applies. */
void                  mamori_question_value_select  (const MamoriQuestion *question,
                                                     const char           *value,
                                                     GHashTable           *selected);
/* The set of choice urns the answers (question urn → stored value) and the item's answer
 * (scale_choice: the index into node->choices, -1 when none) select, for
 * mamori_question_applies over node's questions. */
GHashTable           *mamori_question_selected_set  (const MamoriNode     *node,
                                                     GHashTable           *answers,
                                                     int                   scale_choice);
/* A stored value as a person reads it: choices by their labels in lang (joined by “, ”), a
 * boolean as Yes or No, a date and a number as stored, text as is. */
char                 *mamori_question_value_display (const MamoriQuestion *question,
                                                     const char           *value,
                                                     const char           *lang);
/* What the question asks in lang (its urn when the library gives no text). */
const char           *mamori_question_text          (const MamoriQuestion *question,
                                                     const char           *lang);

/* --- the column “questions” of an assessment's CSV export ------------------------------------- */

/* One line per answered question of node (answers: question urn → stored value) that applies
 * (depends_on, given the answers and the item's answer scale_choice, -1 when none), in the
 * library's order: "QUESTION_URN = VALUE", the value's backslashes and line breaks written
 * \\ and \n. "" when none is answered. */
char                 *mamori_question_cell_format   (const MamoriNode     *node,
                                                     GHashTable           *answers,
                                                     int                   scale_choice);
/* Reads the column "questions" (any case) of an answer file in CSV text (as
 * mamori_checklist_read_answers reads the rest): ref_id → GHashTable (question urn → checked
 * value). NULL when the file has no such column or cannot be read (that reader reports why).
 * Every bad line of a cell goes to problems: “line N, column questions, value “V”: reason”. */
GHashTable           *mamori_question_read_csv      (const MamoriChecklist *checklist,
                                                     const char           *text,
                                                     GPtrArray            *problems);

G_END_DECLS
