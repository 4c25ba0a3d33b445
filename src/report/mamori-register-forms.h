/* mamori-register-forms.h — printable forms of the registers: the confidentiality pledge
 * (秘密保持誓約書) to sign, and the attendance sheet (出席者名簿) of one training session.
 *
 * A form is read from the workspace on the thread that owns it into plain Markdown and title
 * data; laying it out and writing the PDF (the layout engine's form mode: no title page, rows
 * tall enough to write in) need nothing else and may run in a worker. The text is in the form's
 * language ("ja" or "en"), not the user's locale. */
#pragma once

#include "store/mamori-workspace.h"

G_BEGIN_DECLS

typedef struct _MamoriForm MamoriForm;

/* The pledge form naming the organisation of the workspace's profile, with blank lines for the
 * date, unit, name and signature; person > 0 (a record of the people register) fills in that
 * person's name and unit. */
MamoriForm *mamori_pledge_form_new        (MamoriWorkspace *workspace,
                                           gint64           person,
                                           const char      *lang,
                                           GError         **error);
/* The attendance sheet of one training session: title, date, trainer, audience and topics, and
 * one row to sign per person expected — everyone with the organisation on the day (audience
 * "all"), the access holders among them ("access_holders"), those who joined in the 3 months
 * before it ("new_joiners") — then anyone recorded as attending besides, and blank rows. */
MamoriForm *mamori_attendance_sheet_new   (MamoriWorkspace *workspace,
                                           gint64           training,
                                           const char      *lang,
                                           GError         **error);

const char *mamori_form_get_markdown      (MamoriForm      *form);
const char *mamori_form_get_title         (MamoriForm      *form);
/* Lays the form out and writes it as a PDF (any thread). *warning (may be NULL) gets a font
 * fallback, or NULL. */
gboolean    mamori_form_write_pdf         (MamoriForm      *form,
                                           const char      *path,
                                           char           **warning,
                                           GError         **error);
void        mamori_form_free              (MamoriForm      *form);

/* The pledge's own sentences in lang, the organisation written as organisation (char*; for
 * the test that keeps our wording apart from the guidelines'). */
GPtrArray  *mamori_pledge_form_sentences  (const char      *organisation,
                                           const char      *lang);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (MamoriForm, mamori_form_free)

G_END_DECLS
