/* mamori-registers-page-private.h — for tests only: the rows shown, adding and deleting */
#pragma once

#include "mamori-record-editor.h"
#include "mamori-registers-page.h"

G_BEGIN_DECLS

const char         *mamori_registers_page_get_view      (MamoriRegistersPage *self);
guint               mamori_registers_page_get_n_rows    (MamoriRegistersPage *self);
const char         *mamori_registers_page_get_row_title (MamoriRegistersPage *self,
                                                         guint                index);
gint64              mamori_registers_page_get_row_id    (MamoriRegistersPage *self,
                                                         guint                index);
/* What Add (Ctrl+N) does: the new record's editor. */
MamoriRecordEditor *mamori_registers_page_add           (MamoriRegistersPage *self);
MamoriRecordEditor *mamori_registers_page_get_editor    (MamoriRegistersPage *self);
/* Deletes a record of the register shown: the undo toast, or NULL. */
AdwToast           *mamori_registers_page_delete        (MamoriRegistersPage *self,
                                                         gint64               id);
gboolean            mamori_registers_page_is_importing  (MamoriRegistersPage *self);
/* The row carries the lock of a record the user's role may not change. */
gboolean            mamori_registers_page_row_is_locked (MamoriRegistersPage *self,
                                                         guint                index);
/* The import menu offers op ("people", "attendance") and the button is on. */
gboolean            mamori_registers_page_offers_import (MamoriRegistersPage *self,
                                                         const char          *op);

G_END_DECLS
