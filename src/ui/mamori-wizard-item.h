/* mamori-wizard-item.h — one row of the wizard's side list: an item index and whether it
 * is answered (the model behind a GtkListView, so long checklists stay fast) */
#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

#define MAMORI_TYPE_WIZARD_ITEM (mamori_wizard_item_get_type ())
G_DECLARE_FINAL_TYPE (MamoriWizardItem, mamori_wizard_item, MAMORI, WIZARD_ITEM, GObject)

MamoriWizardItem *mamori_wizard_item_new          (guint             index);
guint             mamori_wizard_item_get_index    (MamoriWizardItem *self);
void              mamori_wizard_item_set_answered (MamoriWizardItem *self,
                                                   gboolean          answered);

G_END_DECLS
