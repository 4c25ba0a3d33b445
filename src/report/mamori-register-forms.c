/* mamori-register-forms.c — the confidentiality pledge form and a training session's attendance
 * sheet, as Markdown laid out by the layout engine's form mode */
#include "config.h"

#include <string.h>

#include "core/mamori-calendar.h"
#include "core/mamori-date.h"
#include "core/mamori-profile.h"
#include "core/mamori-register.h"
#include "core/mamori-template.h"
#include "mamori-document.h"
#include "mamori-register-forms.h"
#include "store/mamori-registers.h"

/* Form text follows the form's language, not the user's locale. */
#define TR(text_ja, text_en) (en ? (text_en) : (text_ja))

/* Rows left blank at the end of an attendance sheet, for people not on the list. */
#define SPARE_ROWS 3

struct _MamoriForm {
  char *markdown;
  char *organisation;
  char *title;
  char *lang;
};

void
mamori_form_free (MamoriForm *form)
{
  if (form == NULL)
    return;
  g_free (form->markdown);
  g_free (form->organisation);
  g_free (form->title);
  g_free (form->lang);
  g_free (form);
}

const char *
mamori_form_get_markdown (MamoriForm *form)
{
  return form->markdown;
}

const char *
mamori_form_get_title (MamoriForm *form)
{
  return form->title;
}

gboolean
mamori_form_write_pdf (MamoriForm  *form,
                       const char  *path,
                       char       **warning,
                       GError     **error)
{
  MamoriDocumentMeta meta = { 0 };
  g_autoptr(MamoriLayout) layout = NULL;

  if (warning != NULL)
    *warning = NULL;
  meta.organisation = form->organisation;
  meta.title = form->title;
  meta.lang = form->lang;
  meta.form = TRUE;
  layout = mamori_layout_new (form->markdown, &meta, error);
  if (layout == NULL)
    return FALSE;
  if (warning != NULL)
    *warning = g_strdup (mamori_layout_get_warning (layout));
  return mamori_layout_write_pdf (layout, path, error);
}

static MamoriForm *
form_new (const char *organisation,
          const char *title,
          gboolean    en)
{
  MamoriForm *form = g_new0 (MamoriForm, 1);

  form->organisation = g_strdup (organisation ? organisation : "");
  form->title = g_strdup (title);
  form->lang = g_strdup (en ? "en" : "ja");
  return form;
}

/* The date line to fill in by hand. */
static const char *
blank_date (gboolean en)
{
  if (en)
    return "";
  return mamori_date_get_default_style () == MAMORI_DATE_ERA ? "令和　　年　　月　　日" : "　　　　年　　月　　日";
}

/* --- the confidentiality pledge --------------------------------------------------------- */

GPtrArray *
mamori_pledge_form_sentences (const char *organisation,
                              const char *lang)
{
  gboolean en = g_strcmp0 (lang, "en") == 0;
  GPtrArray *out = g_ptr_array_new_with_free_func (g_free);
  static const char *const promises_ja[] = {
    "仕事を通じて知った会社の情報は、お客様や取引先から預かったものも含めて、会社の規程と指示のとおりに扱い、仕事以外の目的には使いません。",
    "会社が認めた人以外には、これらの情報を話さず、渡さず、見せません。会社を辞めた後も同じです。",
    "情報を社外へ持ち出すとき、複製するとき、自分の機器や個人で契約したクラウドサービスに保存するときは、前もって上司の許可を受けます。",
    "会社を辞めるとき、または担当から外れるときは、手元の書類、記録媒体、機器をすべて会社に返し、写しを手元に残しません。",
    "情報が漏れた、なくなった、またはそのおそれがあると気づいたときは、ただちに情報セキュリティの責任者に知らせます。",
    "この誓約を破って会社に損害を与えた場合には、就業規則による処分を受けることがあり、法律上の責任も負うことを理解しています。",
    NULL };
  static const char *const promises_en[] = {
    "I will handle the company’s information that I learn through my work, including what customers and partners entrust to it, as the company’s rules and instructions say, and use it for my work only.",
    "I will not tell, hand or show this information to anyone the company has not authorised, neither while I work here nor after I leave.",
    "Before I take information out of the company, copy it, or keep it on my own devices or on cloud services I signed up for myself, I will ask my manager for permission.",
    "When I leave the company or my role changes, I will return every paper, storage medium and device I hold and keep no copies.",
    "As soon as I notice that information has leaked or gone missing, or may have, I will tell the person responsible for information security.",
    "I understand that if I break this pledge and cause the company harm, I may face disciplinary measures under the work rules and be liable under the law.",
    NULL };
  const char *const *promises = en ? promises_en : promises_ja;

  g_ptr_array_add (out, g_strdup_printf (TR ("私は、%s（以下「会社」）で働くにあたり、次のことを守ると約束します。",
                                             "In working for %s (“the company”), I promise the following."), organisation));
  for (guint i = 0; promises[i] != NULL; i++)
    g_ptr_array_add (out, g_strdup (promises[i]));
  return out;
}

MamoriForm *
mamori_pledge_form_new (MamoriWorkspace *ws,
                        gint64           person,
                        const char      *lang,
                        GError         **error)
{
  gboolean en = g_strcmp0 (lang, "en") == 0;
  g_autoptr(MamoriProfile) profile = mamori_workspace_get_profile (ws, error);
  g_autoptr(MamoriRecord) who = NULL;
  g_autoptr(GPtrArray) sentences = NULL;
  g_autofree char *org = NULL, *name = NULL, *unit = NULL;
  const char *organisation;
  GString *md;
  MamoriForm *form;

  if (profile == NULL)
    return NULL;
  if (person > 0)
    {
      who = mamori_workspace_get_record (ws, mamori_register_lookup ("people"), person, error);
      if (who == NULL)
        return NULL;
    }
  organisation = profile->name && *profile->name ? profile->name : TR ("（会社名）", "(the company)");
  org = mamori_template_escape (organisation);
  name = mamori_template_escape (who ? mamori_record_get (who, "name") : "");
  unit = mamori_template_escape (who ? mamori_record_get (who, "unit") : "");
  sentences = mamori_pledge_form_sentences (organisation, lang);

  md = g_string_new (NULL);
  g_string_append (md, TR ("# 秘密保持誓約書\n\n", "# Confidentiality pledge\n\n"));
  g_string_append_printf (md, TR ("%s　御中\n\n", "To: %s\n\n"), org);
  {
    g_autofree char *intro = mamori_template_escape (sentences->pdata[0]);
    g_string_append_printf (md, "%s\n\n", intro);
  }
  for (guint i = 1; i < sentences->len; i++)
    {
      g_autofree char *s = mamori_template_escape (sentences->pdata[i]);
      g_string_append_printf (md, "%u. %s\n", i, s);
    }
  g_string_append (md, "\n");
  g_string_append (md, TR ("以上のとおり誓約します。\n\n", "I make these promises by signing below.\n\n"));
  g_string_append_printf (md, "| %s | %s |\n|---|---|\n", TR ("項目", "Item"), TR ("記入欄", "To fill in"));
  g_string_append_printf (md, "| %s | %s |\n", TR ("日付", "Date"), blank_date (en));
  g_string_append_printf (md, "| %s | %s |\n", TR ("所属", "Unit"), unit);
  g_string_append_printf (md, "| %s | %s |\n", TR ("氏名", "Name"), name);
  g_string_append_printf (md, "| %s | |\n\n", TR ("署名（自筆）", "Signature"));
  g_string_append (md, TR ("署名した誓約書は会社が保管し、誓約した日を誓約書の台帳に記録します。\n",
                           "The company keeps the signed pledge and records the date in its register of pledges.\n"));

  form = form_new (profile->name, TR ("秘密保持誓約書", "Confidentiality pledge"), en);
  form->markdown = g_string_free (md, FALSE);
  return form;
}

/* --- the attendance sheet --------------------------------------------------------------- */

static const char *
audience_text (const char *audience,
               gboolean    en)
{
  if (g_strcmp0 (audience, "access_holders") == 0)
    return TR ("管理対象情報を扱う人", "Access holders");
  if (g_strcmp0 (audience, "new_joiners") == 0)
    return TR ("新しく加わった人（3 か月以内）", "New joiners (last 3 months)");
  return TR ("全員", "Everyone");
}

/* Whether person is expected at a session of audience held on held_on. */
static gboolean
expected (const MamoriRecord *person,
          const char         *audience,
          const char         *held_on,
          const char         *three_months_before)
{
  const char *joined = mamori_record_get (person, "joined_on");
  const char *left = mamori_record_get (person, "left_on");

  if (*left && strcmp (left, held_on) <= 0)
    return FALSE;
  if (*joined && strcmp (joined, held_on) > 0)
    return FALSE;
  if (g_strcmp0 (audience, "access_holders") == 0)
    return g_str_equal (mamori_record_get (person, "access_holder"), "1");
  if (g_strcmp0 (audience, "new_joiners") == 0)
    return *joined && three_months_before && strcmp (joined, three_months_before) > 0;
  return TRUE;
}

MamoriForm *
mamori_attendance_sheet_new (MamoriWorkspace *ws,
                             gint64           training,
                             const char      *lang,
                             GError         **error)
{
  gboolean en = g_strcmp0 (lang, "en") == 0;
  const MamoriRegister *trainings = mamori_register_lookup ("trainings");
  g_autoptr(MamoriProfile) profile = mamori_workspace_get_profile (ws, error);
  g_autoptr(MamoriRecord) session = profile ? mamori_workspace_get_record (ws, trainings, training, error) : NULL;
  g_autoptr(GPtrArray) people = session ? mamori_workspace_list_records (ws, mamori_register_lookup ("people"), 0, error) : NULL;
  g_autoptr(GPtrArray) attendance = people ? mamori_workspace_list_records (ws, mamori_register_lookup ("attendance"), training, error) : NULL;
  g_autoptr(GHashTable) listed = g_hash_table_new (g_int64_hash, g_int64_equal);
  g_autofree char *title = NULL, *trainer = NULL, *topics = NULL, *date = NULL, *three_months_before = NULL;
  const char *held_on, *audience;
  guint n = 0, n_expected = 0;
  GString *md;
  MamoriForm *form;

  if (attendance == NULL)
    return NULL;
  held_on = mamori_record_get (session, "held_on");
  audience = mamori_record_get (session, "audience");
  three_months_before = mamori_date_add_months (held_on, -3);
  title = mamori_template_escape (mamori_record_get (session, "title"));
  trainer = mamori_template_escape (mamori_record_get (session, "trainer"));
  topics = mamori_template_escape (mamori_record_get (session, "topics"));
  date = mamori_date_format (held_on, en ? "en" : "ja", mamori_date_get_default_style ());

  md = g_string_new (NULL);
  g_string_append (md, TR ("# 研修の出席者名簿\n\n", "# Training attendance sheet\n\n"));
  g_string_append_printf (md, "| %s | %s |\n|---|---|\n", TR ("項目", "Item"), TR ("内容", "Details"));
  g_string_append_printf (md, "| %s | %s |\n", TR ("研修", "Session"), title);
  g_string_append_printf (md, "| %s | %s |\n", TR ("実施日", "Held on"), date);
  g_string_append_printf (md, "| %s | %s |\n", TR ("講師", "Trainer"), trainer);
  g_string_append_printf (md, "| %s | %s |\n", TR ("対象", "Audience"), audience_text (audience, en));
  g_string_append_printf (md, "| %s | %s |\n\n", TR ("内容", "Topics"), topics);
  g_string_append (md, TR ("受講した人は、自分の名前の行の署名欄に署名してください。名簿にない人は、空いている行に所属と氏名を書いて署名してください。\n\n",
                           "If you attended, sign in the row with your name. If your name is not listed, write your unit and name in an empty row and sign there.\n\n"));
  g_string_append_printf (md, "| No. | %s | %s | %s |\n|---|---|---|---|\n", TR ("氏名", "Name"), TR ("所属", "Unit"),
                          TR ("署名", "Signature"));
  for (guint i = 0; i < people->len; i++)
    {
      MamoriRecord *p = people->pdata[i];
      g_autofree char *name = NULL, *unit = NULL;
      if (!expected (p, audience, held_on, three_months_before))
        continue;
      g_hash_table_add (listed, &p->id);
      name = mamori_template_escape (mamori_record_get (p, "name"));
      unit = mamori_template_escape (mamori_record_get (p, "unit"));
      g_string_append_printf (md, "| %u | %s | %s | |\n", ++n, name, unit);
    }
  n_expected = n;
  /* Someone recorded as attending who is not of the audience still signs. */
  for (guint a = 0; a < attendance->len; a++)
    {
      gint64 id = g_ascii_strtoll (mamori_record_get (attendance->pdata[a], "person"), NULL, 10);
      for (guint i = 0; i < people->len; i++)
        {
          MamoriRecord *p = people->pdata[i];
          g_autofree char *name = NULL, *unit = NULL;
          if (p->id != id || g_hash_table_contains (listed, &p->id))
            continue;
          g_hash_table_add (listed, &p->id);
          name = mamori_template_escape (mamori_record_get (p, "name"));
          unit = mamori_template_escape (mamori_record_get (p, "unit"));
          g_string_append_printf (md, "| %u | %s | %s | |\n", ++n, name, unit);
        }
    }
  for (guint i = 0; i < SPARE_ROWS; i++)
    g_string_append_printf (md, "| %u | | | |\n", ++n);
  g_string_append_printf (md, TR ("\n対象者 %u 名のうち出席　　　名。　　講師の確認（署名）：\n",
                                  "\nAttended: ______ of the %u expected.    Trainer’s confirmation (signature):\n"), n_expected);

  form = form_new (profile->name, TR ("研修の出席者名簿", "Training attendance sheet"), en);
  form->markdown = g_string_free (md, FALSE);
  return form;
}
