/* mamori-record-editor.h — a dialog for one record of a register (core/mamori-register.h): its
 * fields generated from the register's description, its parts as lists with their own editors,
 * and how records are shown in lists (choices by label, references by name, dates as people
 * read them). */
#pragma once

#include <adwaita.h>

#include "store/mamori-registers.h"

G_BEGIN_DECLS

#define MAMORI_TYPE_RECORD_EDITOR (mamori_record_editor_get_type ())
G_DECLARE_FINAL_TYPE (MamoriRecordEditor, mamori_record_editor, MAMORI, RECORD_EDITOR, AdwWindow)

/* A modal editor of record id of reg (0: a new one; a part's new record belongs to parent).
 * Deleting shows its undo toast around toast_widget (the page). */
MamoriRecordEditor *mamori_record_editor_new (MamoriWorkspace      *workspace,
                                              GtkWindow            *transient_for,
                                              GtkWidget            *toast_widget,
                                              const MamoriRegister *reg,
                                              gint64                id,
                                              gint64                parent);
gint64              mamori_record_editor_get_id (MamoriRecordEditor *self);

/* A register's words in the user's language (some in a context of their own). */
/* The names of referenced rows, read once per list: ref ("people", "asset"…) → labels. */
GHashTable *mamori_ref_cache_new    (void);
/* value of field as people read it: a choice's label, a reference's name, a formatted date. */
char       *mamori_record_format    (MamoriWorkspace    *workspace,
                                     GHashTable         *cache,
                                     const MamoriField  *field,
                                     const char         *value);
/* A list row's text: the record's name (its label field), and its other listed fields. */
void        mamori_record_row_text  (MamoriWorkspace    *workspace,
                                     GHashTable         *cache,
                                     const MamoriRecord *record,
                                     char              **title,
                                     char              **subtitle);

/* Deletes the record and its parts, with a toast around toast_widget whose Undo stores them
 * again; an error dialog says why not. Returns the toast (owned by its overlay) or NULL. */
AdwToast   *mamori_record_delete_with_undo (GtkWidget            *toast_widget,
                                            MamoriWorkspace      *workspace,
                                            const MamoriRegister *reg,
                                            gint64                id);

G_END_DECLS
