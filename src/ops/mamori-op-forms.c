/* mamori-op-forms.c — the printable forms of the registers: the confidentiality pledge (blank or
 * for one person) and a training session's attendance sheet, as PDF files */
#include "config.h"

#include <glib/gi18n.h>

#include "mamori-ops-private.h"
#include "report/mamori-register-forms.h"

/* The request's id as the number of a person or of a training session; 0 (with a bad-input
 * error) when it is not one. */
static gint64
record_number (MamoriOpContext  *ctx,
               gboolean          person,
               GError          **error)
{
  guint64 n = 0;

  if (!g_ascii_string_to_unsigned (ctx->request->id, 10, 1, G_MAXINT64, &n, NULL))
    {
      if (person)
        g_set_error (error, MAMORI_OP_ERROR, MAMORI_OP_ERROR_BAD_INPUT,
                     _("“%s” is not the number of a person in the People register."), ctx->request->id);
      else
        g_set_error (error, MAMORI_OP_ERROR, MAMORI_OP_ERROR_BAD_INPUT,
                     _("“%s” is not the number of a training session."), ctx->request->id);
      return 0;
    }
  return (gint64) n;
}

static gboolean
write_form (MamoriOpContext  *ctx,
            MamoriForm       *form,
            GError          **error)
{
  g_autofree char *warning = NULL;
  gboolean ok;

  if (form == NULL)
    return FALSE;
  ok = mamori_form_write_pdf (form, ctx->request->path, &warning, error);
  if (warning != NULL)
    mamori_op_warn (ctx, "%s", warning);
  return ok;
}

/* The pledge form with blank lines for the date, unit, name and signature. */
gboolean
mamori_op_export_pledge_form (MamoriOpContext  *ctx,
                              GError          **error)
{
  g_autoptr(MamoriForm) form = mamori_pledge_form_new (ctx->workspace, 0, mamori_text_user_lang (), error);

  return write_form (ctx, form, error);
}

/* The pledge form with one person's name and unit filled in (export pledge-form-for ID OUT). */
gboolean
mamori_op_export_pledge_form_for (MamoriOpContext  *ctx,
                                  GError          **error)
{
  gint64 person = record_number (ctx, TRUE, error);
  g_autoptr(MamoriForm) form = NULL;

  if (person == 0)
    return FALSE;
  form = mamori_pledge_form_new (ctx->workspace, person, mamori_text_user_lang (), error);
  return write_form (ctx, form, error);
}

/* One training session's attendance sheet (export attendance-sheet ID OUT). */
gboolean
mamori_op_export_attendance_sheet (MamoriOpContext  *ctx,
                                   GError          **error)
{
  gint64 training = record_number (ctx, FALSE, error);
  g_autoptr(MamoriForm) form = NULL;

  if (training == 0)
    return FALSE;
  form = mamori_attendance_sheet_new (ctx->workspace, training, mamori_text_user_lang (), error);
  return write_form (ctx, form, error);
}
