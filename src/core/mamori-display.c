/* mamori-display.c — short titles and item labels (see mamori-display.h). */
#include "config.h"

#include <string.h>

#include "mamori-display.h"

static const struct {
  const char *id, *ja, *en;
} builtin_titles[] = {
  { "ipa-self-diagnosis", "自社診断", "Self-diagnosis" },
  { "ipa-five-articles", "5か条", "Five articles" },
  { "ipa-cloud", "クラウド安全利用", "Cloud use" },
  { "meti-csm-check", "経営チェック", "CSM check" },
  { "tech-info-mandatory", "技術情報管理認証", "Tech-info certification" },
  { "tech-info-criteria", "技術情報管理認証 基準", "Tech-info criteria" },
  { "gov-governance", "政府基準 自己点検", "Gov. standard self-inspection" },
};

const char *
mamori_builtin_short_title (const char *checklist_id,
                            const char *lang)
{
  for (guint i = 0; i < G_N_ELEMENTS (builtin_titles); i++)
    if (g_strcmp0 (checklist_id, builtin_titles[i].id) == 0)
      return g_strcmp0 (lang, "en") == 0 ? builtin_titles[i].en : builtin_titles[i].ja;
  return NULL;
}

const char *
mamori_checklist_short_title (const MamoriChecklist *checklist,
                              const char            *lang)
{
  const char *t = mamori_builtin_short_title (checklist->id, lang);

  return t != NULL ? t : mamori_text_get (checklist->name, lang);
}

char *
mamori_item_label (const char *title,
                   const char *ref_id)
{
  gboolean number = ref_id != NULL && *ref_id != '\0';

  for (const char *p = ref_id; number && *p; p++)
    number = g_ascii_isdigit (*p);
  if (title == NULL || *title == '\0')
    return g_strdup_printf (number ? "No.%s" : "%s", ref_id ? ref_id : "");
  return g_strdup_printf (number ? "%s No.%s" : "%s %s", title, ref_id ? ref_id : "");
}

char *
mamori_measure_source_label (const char    *source,
                             MamoriCatalog *catalog,
                             const char    *lang)
{
  const char *sep = source ? strstr (source, MAMORI_SOURCE_SEPARATOR) : NULL;
  g_autofree char *id = NULL;
  const char *title;

  if (sep == NULL)
    return g_strdup (source ? source : "");
  id = g_strndup (source, sep - source);
  title = mamori_builtin_short_title (id, lang);
  if (title == NULL && catalog != NULL)
    {
      const MamoriChecklist *cl = mamori_catalog_find (catalog, id);
      if (cl != NULL)
        title = mamori_checklist_short_title (cl, lang);
    }
  return mamori_item_label (title ? title : id, sep + 1);
}
