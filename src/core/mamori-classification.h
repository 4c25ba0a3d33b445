/* mamori-classification.h — the government information classification and handling restrictions
 *
 * Seed 004 §1.2 (domain note 004 §2.1–2.5): confidentiality 3/2/1, integrity 2/1, availability
 * 2/1 (0 here: not classified), the derived terms (要機密情報, 要保全情報, 要安定情報, 要保護情報)
 * and the model catalogue of handling restrictions of 【参考4】: 10 kinds for confidentiality, 5 for
 * integrity, 2 for availability, some with a parameter (who, until when, where, recovery time).
 *
 * A list of restrictions is kept as text, `;` between restrictions and the parameter after `：`
 * or `:` ("複製禁止;配布先限定：経理部"). The stored form (mamori_handling_normalise) writes the
 * Japanese labels and `：`; files in English write the stable keys. Reading accepts the
 * keys, the Japanese labels, the English labels and their translation, and a few aliases.
 *
 * Documents carry a printed classification text of their own (document.classification): the
 * simple scheme's 社外秘/部外秘/公開 or a composed government label; empty reads as 社外秘.
 *
 * Pure C + GLib. */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

typedef enum {
  MAMORI_CLASS_AXIS_CONFIDENTIALITY,
  MAMORI_CLASS_AXIS_INTEGRITY,
  MAMORI_CLASS_AXIS_AVAILABILITY,
} MamoriClassAxis;

/* The highest level of an axis (3, 2, 2). */
int          mamori_class_axis_max      (MamoriClassAxis axis);

typedef enum {
  MAMORI_HANDLING_PARAM_NONE,
  MAMORI_HANDLING_PARAM_WHO,        /* 〇〇限り: the people or unit allowed */
  MAMORI_HANDLING_PARAM_UNTIL,      /* a date or period */
  MAMORI_HANDLING_PARAM_WHERE,      /* a place or system */
  MAMORI_HANDLING_PARAM_RECOVERY,   /* a tolerable recovery time */
} MamoriHandlingParam;

typedef struct {
  const char *key;        /* stable ASCII, e.g. "copy-prohibited" */
  const char *kind;       /* the catalogue's kind (複製, 配布, …) as an ASCII key, e.g. "copy" */
  MamoriClassAxis axis;
  MamoriHandlingParam param;
  const char *ja;         /* the Japanese label, as Japanese files write it */
  const char *en;         /* the English label (a msgid: show it with _()) */
  const char *source;     /* the seed item it comes from */
} MamoriHandlingRestriction;

/* Every restriction, grouped by axis and kind in the seed's order. */
const MamoriHandlingRestriction *mamori_handling_catalogue     (guint *n);
/* How many kinds of restriction the catalogue has for an axis (10, 5, 2). */
guint                            mamori_handling_kind_count    (MamoriClassAxis axis);
/* The restriction named by text (key, Japanese or English label, translation or alias;
 * white space and case ignored), or NULL. */
const MamoriHandlingRestriction *mamori_handling_find          (const char *text);
/* What the parameter is, for a prompt ("who", translated); NULL for none. */
const char                      *mamori_handling_param_label   (MamoriHandlingParam param);

typedef struct {
  const MamoriHandlingRestriction *restriction;
  char *param;            /* "" when the restriction has none */
} MamoriHandling;

void         mamori_handling_free       (MamoriHandling *h);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (MamoriHandling, mamori_handling_free)

/* Parses a handling text; an empty text is an empty list. NULL with error (G_OPTION_ERROR is
 * not used: MAMORI_CLASSIFICATION_ERROR) naming the bad part. */
GPtrArray   *mamori_handling_parse      (const char  *text,
                                         GError     **error);

typedef enum {
  MAMORI_HANDLING_STYLE_JA,       /* 複製禁止;配布先限定：経理部 (the stored form) */
  MAMORI_HANDLING_STYLE_KEYS,     /* copy-prohibited;readers-only:経理部 */
  MAMORI_HANDLING_STYLE_DISPLAY,  /* the translated labels, for the window */
} MamoriHandlingStyle;

char        *mamori_handling_format     (GPtrArray           *list,
                                         MamoriHandlingStyle  style,
                                         const char          *separator);
/* The stored form of a handling text; NULL with error when it does not parse. */
char        *mamori_handling_normalise  (const char  *text,
                                         GError     **error);
/* A stored handling text written for a file in lang ("ja": as stored; else the keys) or, with
 * lang NULL, for the window. An unreadable text is returned unchanged. */
char        *mamori_handling_to_lang    (const char *stored,
                                         const char *lang);

#define MAMORI_CLASSIFICATION_ERROR (mamori_classification_error_quark ())
GQuark       mamori_classification_error_quark (void);

/* Checks the three levels; the message names the axis and the bad value. */
gboolean     mamori_classification_validate (int      c,
                                             int      i,
                                             int      a,
                                             GError **error);
/* Parses one level cell ("", "0" … max, "C2", "機密性2", full-width digits): 0 is "not
 * classified". FALSE with *reason (translated) otherwise. */
gboolean     mamori_classification_parse_level (MamoriClassAxis   axis,
                                                const char       *text,
                                                int              *out,
                                                char            **reason);

typedef enum {
  MAMORI_CLASS_TERM_CONFIDENTIAL = 1 << 0,  /* 要機密情報: confidentiality 2 or 3 */
  MAMORI_CLASS_TERM_INTEGRITY    = 1 << 1,  /* 要保全情報: integrity 2 */
  MAMORI_CLASS_TERM_AVAILABILITY = 1 << 2,  /* 要安定情報: availability 2 */
  MAMORI_CLASS_TERM_PROTECTION   = 1 << 3,  /* 要保護情報: any of the three */
} MamoriClassTerms;

MamoriClassTerms mamori_classification_terms      (int c,
                                                   int i,
                                                   int a);
/* The term's name in lang ("ja": 要機密情報 …; NULL: translated for the window). */
const char      *mamori_classification_term_label (MamoriClassTerms term,
                                                   const char      *lang);

/* The label text: the classified axes, then the restrictions, joined by " / "
 * ("機密性3 / 複製禁止 / 配布先限定：経理部"). lang "ja" or "en" for files and documents, NULL for
 * the window (translated; the levels short in English: C3 / I2). "" when nothing is classified or restricted. */
char        *mamori_classification_label (int         c,
                                          int         i,
                                          int         a,
                                          const char *handling,
                                          const char *lang);
/* Reads a label back (either language); FALSE when it is not one. *handling gets the stored
 * form. */
gboolean     mamori_classification_label_parse (const char  *label,
                                                int         *c,
                                                int         *i,
                                                int         *a,
                                                char       **handling);

/* --- a workspace's scheme for documents ---------------------------------------------------------- */

typedef enum {
  MAMORI_CLASS_SCHEME_SIMPLE,       /* 社外秘 / 部外秘 / 公開 */
  MAMORI_CLASS_SCHEME_GOVERNMENT,   /* the composed label */
} MamoriClassScheme;

/* The workspace setting's value ("simple", "government"); unknown or NULL reads as simple. */
MamoriClassScheme mamori_class_scheme_from_key (const char        *key);
const char       *mamori_class_scheme_key      (MamoriClassScheme  scheme);

/* The simple scheme's levels, 0 (the default) to 2. */
#define MAMORI_CLASS_SIMPLE_N 3
const char  *mamori_class_simple_label    (guint       level,
                                           const char *lang);
/* The level of a simple label in either language, or -1. */
int          mamori_class_simple_find     (const char *label);

/* What a document's cover and running header print: its own classification text, or the
 * simple scheme's default (社外秘 / Internal) when it has none. */
const char  *mamori_document_classification_text (const char *stored,
                                                  const char *lang);

G_END_DECLS
