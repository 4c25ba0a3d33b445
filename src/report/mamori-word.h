/* mamori-word.h — documents and reports as Word (.docx), OpenDocument (.odt) and Markdown (.md)
 * with real figures.
 *
 * The Markdown Mamori writes is converted by pandoc (found on PATH): the text goes to a
 * temporary folder, every figure (![caption](figure:NAME)) is drawn to a PNG file beside it and
 * linked, with its caption as the paragraph under it, and pandoc writes the output with
 * Mamori's reference document (data/word/reference.docx|odt in a GResource: Japanese and
 * Latin fonts, A4, tables with a grid, page numbers). The title, organisation, date and
 * classification go to the title block. Markdown is written with its figures as PNG files
 * beside it (OUT-figure-1.png, …). Every file is written under a temporary name and renamed. */
#pragma once

#include "mamori-document.h"
#include "mamori-review.h"

G_BEGIN_DECLS

/* TRUE when path ends in .docx, .odt or .md (any case): what mamori_word_write writes. */
gboolean mamori_word_supports_path (const char               *path);

/* Writes markdown with meta's title block and figures (meta may be NULL) as the format that
 * out_path's extension names (.docx, .odt or .md). Any thread. */
gboolean mamori_word_write         (const char               *markdown,
                                    const MamoriDocumentMeta *meta,
                                    const char               *out_path,
                                    GError                  **error);

/* The same for a review or audit report. */
gboolean mamori_report_write_word  (MamoriReport             *report,
                                    const char               *out_path,
                                    GError                  **error);

/* A document or a report in the format its path's extension names: .docx, .odt and .md as
 * above, anything else laid out as PDF. *warning (may be NULL) gets a font fallback the PDF
 * had to make, or NULL. Any thread. */
gboolean mamori_document_write     (const char               *markdown,
                                    const MamoriDocumentMeta *meta,
                                    const char               *out_path,
                                    char                    **warning,
                                    GError                  **error);
gboolean mamori_report_write       (MamoriReport             *report,
                                    const char               *out_path,
                                    char                    **warning,
                                    GError                  **error);

G_END_DECLS
