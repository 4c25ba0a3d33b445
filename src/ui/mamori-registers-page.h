/* mamori-registers-page.h — the year's registers (運用記録) and the training status (受講状況) */
#pragma once

#include <adwaita.h>

#include "store/mamori-workspace.h"

G_BEGIN_DECLS

#define MAMORI_TYPE_REGISTERS_PAGE (mamori_registers_page_get_type ())
G_DECLARE_FINAL_TYPE (MamoriRegistersPage, mamori_registers_page, MAMORI, REGISTERS_PAGE, AdwBin)

void mamori_registers_page_set_workspace (MamoriRegistersPage *self,
                                          MamoriWorkspace     *workspace);
/* Shows view (a top-level register's key, or "training-status") and, when id > 0, opens that
 * record in its editor. */
void mamori_registers_page_show          (MamoriRegistersPage *self,
                                          const char          *view,
                                          gint64               id);
/* Runs the import operation op_name ("people", "attendance") on file in a worker. */
void mamori_registers_page_import_file   (MamoriRegistersPage *self,
                                          const char          *op_name,
                                          GFile               *file);

G_END_DECLS
