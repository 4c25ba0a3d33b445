/* mamori-wizard-item.c — a row model for the wizard's side list */
#include "config.h"

#include "mamori-wizard-item.h"

struct _MamoriWizardItem {
  GObject parent_instance;
  guint index;
  gboolean answered;
};

G_DEFINE_FINAL_TYPE (MamoriWizardItem, mamori_wizard_item, G_TYPE_OBJECT)

enum { PROP_0, PROP_ANSWERED, N_PROPS };
static GParamSpec *properties[N_PROPS];

static void
mamori_wizard_item_get_property (GObject    *object,
                                 guint       prop_id,
                                 GValue     *value,
                                 GParamSpec *pspec)
{
  MamoriWizardItem *self = MAMORI_WIZARD_ITEM (object);

  switch (prop_id)
    {
    case PROP_ANSWERED:
      g_value_set_boolean (value, self->answered);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
mamori_wizard_item_set_property (GObject      *object,
                                 guint         prop_id,
                                 const GValue *value,
                                 GParamSpec   *pspec)
{
  MamoriWizardItem *self = MAMORI_WIZARD_ITEM (object);

  switch (prop_id)
    {
    case PROP_ANSWERED:
      mamori_wizard_item_set_answered (self, g_value_get_boolean (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
mamori_wizard_item_class_init (MamoriWizardItemClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->get_property = mamori_wizard_item_get_property;
  object_class->set_property = mamori_wizard_item_set_property;
  properties[PROP_ANSWERED] = g_param_spec_boolean ("answered", NULL, NULL, FALSE,
                                                    G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
mamori_wizard_item_init (MamoriWizardItem *self)
{
}

MamoriWizardItem *
mamori_wizard_item_new (guint index)
{
  MamoriWizardItem *self = g_object_new (MAMORI_TYPE_WIZARD_ITEM, NULL);
  self->index = index;
  return self;
}

guint
mamori_wizard_item_get_index (MamoriWizardItem *self)
{
  return self->index;
}

void
mamori_wizard_item_set_answered (MamoriWizardItem *self,
                                 gboolean          answered)
{
  answered = !!answered;
  if (self->answered == answered)
    return;
  self->answered = answered;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ANSWERED]);
}
