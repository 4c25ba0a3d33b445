/* mamori-record-editor-private.h — for tests only: filling fields, saving, parts */
#pragma once

#include "mamori-record-editor.h"

G_BEGIN_DECLS

/* Puts value (as stored: a choice's key, a reference's id, "1"/"0") into field key's input. */
void                mamori_record_editor_set_value   (MamoriRecordEditor *self,
                                                      const char         *key,
                                                      const char         *value);
/* Sets a value that the new record starts with (not an unsaved change). */
void                mamori_record_editor_preset      (MamoriRecordEditor *self,
                                                      const char         *key,
                                                      const char         *value);
/* What Save does, without closing: TRUE when stored. */
gboolean            mamori_record_editor_save        (MamoriRecordEditor *self);
/* The message shown for a refused save, or NULL. */
const char         *mamori_record_editor_get_error   (MamoriRecordEditor *self);
gboolean            mamori_record_editor_is_dirty    (MamoriRecordEditor *self);
/* Add on a part's list (child: its register key): the part's editor, or NULL. */
MamoriRecordEditor *mamori_record_editor_add_part    (MamoriRecordEditor *self,
                                                      const char         *child);
guint               mamori_record_editor_get_n_parts (MamoriRecordEditor *self,
                                                      const char         *child);
/* The user's role may not change the record: the inputs do not edit, no Save or Delete. */
gboolean            mamori_record_editor_is_read_only (MamoriRecordEditor *self);
/* The line saying why the record is read-only, or NULL. */
const char         *mamori_record_editor_get_note    (MamoriRecordEditor *self);

/* Prints the record's form (a person's pledge, a session's attendance sheet) to path in a
 * worker, as Print… does after its file dialog. */
void                mamori_record_editor_print       (MamoriRecordEditor *self,
                                                      const char         *path);

G_END_DECLS
