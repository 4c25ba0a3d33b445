/* mamori-classification-rows.h — a preferences group choosing a classification: the simple
 * scheme's level, or the government levels and handling restrictions */
#pragma once

#include <adwaita.h>

#include "core/mamori-classification.h"

G_BEGIN_DECLS

/* For a document: its text (stored, "" for the default) in lang ("ja"/"en"), shown in the
 * scheme (a stored government label is shown with the government rows in either scheme). */
GtkWidget *mamori_classification_rows_new_document (MamoriClassScheme  scheme,
                                                    const char        *lang,
                                                    const char        *stored);
/* The text to store; NULL with error when the handling restrictions do not parse. */
char      *mamori_classification_rows_get_document (GtkWidget  *group,
                                                    GError    **error);

/* For assets: the government levels and restrictions. */
GtkWidget *mamori_classification_rows_new_levels   (int         c,
                                                    int         i,
                                                    int         a,
                                                    const char *handling);
/* FALSE with error when the handling restrictions do not parse; *handling in stored form. */
gboolean   mamori_classification_rows_get_levels   (GtkWidget  *group,
                                                    int        *c,
                                                    int        *i,
                                                    int        *a,
                                                    char      **handling,
                                                    GError    **error);

/* Calls callback (a void (*) (gpointer data) swapped handler) when any row changes. */
void       mamori_classification_rows_connect_changed (GtkWidget *group,
                                                       GCallback  callback,
                                                       gpointer   data);

G_END_DECLS
