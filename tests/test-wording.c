/* test-wording.c — Mamori's built-in text is in its own words, not the seeds' sentences
 *
 * Mamori's promise is "faithful to the guidelines, in our own words, with a reference to the
 * source". This test fails when a sentence of the built-in content stands nearly word for word,
 * in order, in one of the source guidelines: the *.txt files of ../shared/seeds beside the
 * source tree (the first argument; without that directory the test is skipped).
 *
 * What is checked (the second argument is the source tree's data directory):
 * - every string value in the YAML files of data/catalog (the file of every built-in checklist,
 *   gov-governance.yaml among them, must be there) and in the front matter of the
 *   templates in data/templates: names, questions, descriptions, help texts, answer prompts,
 *   score-band texts, labels and defaults, Japanese and English alike;
 * - every line of the templates' Markdown body, with placeholders and blocks {{…}} removed;
 * - the level texts of the risk matrices (src/core/mamori-risk.c) and of the default answer
 *   scale (src/core/mamori-checklist.c), read through their API;
 * - the sentences of the confidentiality pledge form (src/report/mamori-register-forms.c);
 * - the self-inspection sheet's and report's own text (src/report/mamori-self-inspection.c);
 * - the internal-audit report laid out as the audit guidance's template, with its independence
 *   statements and draft opinion (src/report/mamori-audit-report.c, src/core/mamori-audit.c).
 * Left out are the values of keys that identify or cite instead of speaking to the reader:
 * urn, ref_id, parent_urn, mamori_source, typical_evidence (NIST CSF ids, names of documents),
 * mamori_evidence_rules and mamori_evidence_records (names of rule documents and records) and a
 * template's source. They are meant to name the source.
 *
 * The measure:
 * 1. Normalise both sides: NFKC (g_utf8_normalize), case folding, then drop every whitespace,
 *    punctuation, symbol, control and format character (、。・「」（）()：…※● and the like).
 *    What is left is a sequence of units: each character, except that a run of Latin letters
 *    and digits (a word such as "os", "url", "2022") is one unit. Character-level matching
 *    of English over a 26-letter alphabet finds unrelated phrases 85–92 % alike (measured:
 *    "Information-asset management" against "Information Security Management"), so English
 *    is compared word by word. A seed file becomes one stream of units: its line breaks
 *    vanish, since the PDF extraction wraps sentences at arbitrary points.
 * 2. Split our text into sentences at 。！？!? , at a full stop followed by a space, and at line
 *    breaks (a YAML string value is split the same way; its \n escapes are line breaks).
 * 3. Remove the allowed names (allowed_names[] below) from the normalised sentence. A
 *    sentence still MIN_UNITS (25) units or longer is measured; shorter ones are titles,
 *    names and labels.
 * 4. For a sentence of n units, ratio = max over every window of ⌈1.5 n⌉ consecutive units of
 *    one seed stream of LCS (sentence, window) / n, LCS being the longest common subsequence:
 *    our units that stand in the same order in the window, gaps allowed. A ratio of MAX_RATIO
 *    (0.85) or more fails, printing our file and line, the sentence, the ratio, and the seed
 *    file, line and text where it stands.
 *
 * Speed: a window can reach the ratio only if the multiset of its units shares ⌈0.85 n⌉ units
 * with the sentence's (an upper bound of the LCS), a count kept up to date in O(1) per step
 * while the window slides. Only a window that passes it, and starts with a unit of the sentence
 * (a window starting with another unit is never better than the next one, unless it is the
 * last), gets the exact LCS, computed bit-parallel (Hyyrö 2004). Measured: the whole test takes
 * 0.2–0.4 s on one core (5 seeds, 0.8 MB), about 4 s under valgrind, so it runs in 'unit'.
 *
 * With --verbose it also lists every measured sentence at a ratio of 0.6 or more.
 */
#include "config.h"

#include <locale.h>
#include <string.h>
#include <yaml.h>

#include "core/mamori-catalog.h"
#include "core/mamori-catalog-private.h"
#include "core/mamori-checklist.h"
#include "core/mamori-risk.h"
#include "report/mamori-register-forms.h"
#include "report/mamori-self-inspection.h"
#include "core/mamori-audit.h"
#include "report/mamori-audit-report.h"
#include "store/mamori-assessments.h"
#include "store/mamori-reviews.h"
#include "store/mamori-workspace.h"
#include <glib/gstdio.h>

#define MIN_UNITS 25
#define MAX_RATIO 0.85
#define REPORT_RATIO 0.6

/* Names that may stand as the source spells them: titles of the guidelines, of a checklist or
 * a chapter, and defined terms. Kept short and explicit; a sentence is measured without them. */
static const char *const allowed_names[] = {
  "中小企業の情報セキュリティ対策ガイドライン",         /* seed 000's title */
  "サイバーセキュリティ経営ガイドライン",               /* seed 001's title */
  "情報セキュリティ基本方針",                           /* defined term, document title */
  "情報セキュリティ関連規程",                           /* defined term, document title */
  "情報セキュリティインシデント対応ならびに事業継続管理", /* chapter title, IPA table 7 */
  "5分でできる！情報セキュリティ自社診断",              /* checklist title */
  "行政手続における特定の個人を識別するための番号の利用等に関する法律", /* a law's title */
  /* The labels of the eight target levels (到達レベル) of the certification's audit guideline:
   * the ladder's defined terms, shown with each level number (tech-info-criteria). Level 1's
   * 実施している is too short to matter and too common to remove; names are removed in this
   * order, so none of these contains another. */
  "予測可能な実施事項を、変化に対応させ、継続的に改善している",
  "定義された事項を周知し、同一事項を実施している",
  "実施の結果である成果物を管理している",
  "成果達成のために予測し、運用している",
  "実施計画があり、進捗管理している",
  "標準的な事項を定義している",
  "実施事項を測定している",
};

/* Keys whose values identify or cite the source instead of speaking to the reader. The
 * evidence lists of tech-info-criteria name the rule documents and records as the audit
 * guideline names them (情報資産管理規程, アクセス制御設定管理簿…): names, which are facts to find
 * the document by, not sentences. */
static const char *const skipped_keys[] = {
  "urn", "ref_id", "parent_urn", "mamori_source", "typical_evidence", "source",
  "mamori_evidence_rules", "mamori_evidence_records",
};

static const char *seeds_dir;
static const char *data_dir;

/* --- normalisation -------------------------------------------------------------------------- */

static gboolean
is_dropped (gunichar c)
{
  switch (g_unichar_type (c))
    {
    case G_UNICODE_CONTROL:
    case G_UNICODE_FORMAT:
    case G_UNICODE_UNASSIGNED:
    case G_UNICODE_PRIVATE_USE:
    case G_UNICODE_SURROGATE:
    case G_UNICODE_SPACE_SEPARATOR:
    case G_UNICODE_LINE_SEPARATOR:
    case G_UNICODE_PARAGRAPH_SEPARATOR:
      return TRUE;
    default:
      return g_unichar_isspace (c) || g_unichar_ispunct (c);  /* ispunct: punctuation and symbols */
    }
}

/* Words of Latin letters and digits are one unit each, after the code points. */
#define FIRST_WORD 0x110000u
static GHashTable *word_units;   /* word → its unit */

static gboolean
is_word_char (gunichar c)
{
  return c < 0x250 && g_unichar_isalnum (c);
}

static void
end_word (GString *word, GArray *out)
{
  gpointer unit;

  if (word->len == 0)
    return;
  unit = g_hash_table_lookup (word_units, word->str);
  if (unit == NULL)
    {
      unit = GUINT_TO_POINTER (FIRST_WORD + g_hash_table_size (word_units));
      g_hash_table_insert (word_units, g_strdup (word->str), unit);
    }
  g_array_append_vals (out, &(guint32) { GPOINTER_TO_UINT (unit) }, 1);
  g_string_truncate (word, 0);
}

/* Appends the normalised units of text to out: each kept character, or each word of Latin
 * letters and digits, is one unit. */
static void
normalise_into (const char *text, GArray *out)
{
  g_autofree char *nfkc = g_utf8_normalize (text, -1, G_NORMALIZE_NFKC);
  g_autofree char *folded = NULL;
  g_autoptr(GString) word = g_string_new (NULL);

  if (nfkc == NULL)
    return;  /* not UTF-8: nothing to compare */
  folded = g_utf8_casefold (nfkc, -1);
  for (const char *p = folded; *p; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);
      if (is_word_char (c))
        {
          g_string_append_unichar (word, c);
          continue;
        }
      end_word (word, out);
      if (!is_dropped (c))
        g_array_append_vals (out, &(guint32) { c }, 1);
    }
  end_word (word, out);
}

/* --- the seeds -------------------------------------------------------------------------------- */

typedef struct {
  char *name;
  char **lines;      /* the original lines, for the report */
  guint32 *ids;      /* the normalised stream, as alphabet ids */
  guint *line_of;    /* line number (1-based) of each character */
  gsize len;
} Seed;

typedef struct {
  GPtrArray *seeds;        /* Seed* */
  GHashTable *alphabet;    /* unit → id (1 …); 0 = a unit no seed has */
  guint n_ids;
} Seeds;

static void
seed_free (Seed *s)
{
  g_free (s->name);
  g_strfreev (s->lines);
  g_free (s->ids);
  g_free (s->line_of);
  g_free (s);
}

static guint32
unit_id (Seeds *all, guint32 unit, gboolean add)
{
  gpointer v = g_hash_table_lookup (all->alphabet, GUINT_TO_POINTER (unit));

  if (v != NULL)
    return GPOINTER_TO_UINT (v);
  if (!add)
    return 0;
  all->n_ids++;
  g_hash_table_insert (all->alphabet, GUINT_TO_POINTER (unit), GUINT_TO_POINTER (all->n_ids));
  return all->n_ids;
}

static Seeds *
seeds_new (void)
{
  Seeds *all = g_new0 (Seeds, 1);
  all->seeds = g_ptr_array_new_with_free_func ((GDestroyNotify) seed_free);
  all->alphabet = g_hash_table_new (NULL, NULL);
  return all;
}

/* Adds one seed: its text becomes one normalised stream of alphabet ids. */
static void
seeds_add (Seeds *all, const char *name, const char *text)
{
  g_autoptr(GArray) chars = g_array_new (FALSE, FALSE, sizeof (guint32));
  g_autoptr(GArray) lines = g_array_new (FALSE, FALSE, sizeof (guint));
  Seed *s = g_new0 (Seed, 1);

  s->name = g_strdup (name);
  s->lines = g_strsplit (text, "\n", -1);
  for (guint l = 0; s->lines[l]; l++)
    {
      guint before = chars->len, line = l + 1;
      normalise_into (s->lines[l], chars);
      for (guint k = before; k < chars->len; k++)
        g_array_append_val (lines, line);
    }
  s->len = chars->len;
  s->ids = g_new (guint32, MAX (s->len, 1));
  for (gsize k = 0; k < s->len; k++)
    s->ids[k] = unit_id (all, g_array_index (chars, guint32, k), TRUE);
  s->line_of = (guint *) g_array_free (g_steal_pointer (&lines), FALSE);
  g_ptr_array_add (all->seeds, s);
}

static int
compare_strings (gconstpointer a, gconstpointer b)
{
  return strcmp (*(const char *const *) a, *(const char *const *) b);
}

static Seeds *
seeds_load (const char *dir)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GDir) d = g_dir_open (dir, 0, &error);
  g_autoptr(GPtrArray) names = g_ptr_array_new_with_free_func (g_free);
  Seeds *all = seeds_new ();
  const char *entry;

  g_assert_no_error (error);
  while ((entry = g_dir_read_name (d)) != NULL)
    if (g_str_has_suffix (entry, ".txt"))
      g_ptr_array_add (names, g_strdup (entry));
  g_ptr_array_sort (names, compare_strings);
  for (guint i = 0; i < names->len; i++)
    {
      g_autofree char *path = g_build_filename (dir, names->pdata[i], NULL);
      g_autofree char *text = NULL;

      g_file_get_contents (path, &text, NULL, &error);
      g_assert_no_error (error);
      seeds_add (all, names->pdata[i], text);
    }
  return all;
}

static void
seeds_free (Seeds *all)
{
  g_ptr_array_unref (all->seeds);
  g_hash_table_unref (all->alphabet);
  g_free (all);
}

/* --- the measure ---------------------------------------------------------------------------- */

typedef struct {
  double ratio;
  const Seed *seed;
  gsize start, end;   /* the matching stretch of the seed stream: [start, end) */
} Match;

/* Per-sentence work space, sized for the seeds' alphabet. */
typedef struct {
  guint *need;      /* id → occurrences in the sentence */
  guint *count;     /* id → occurrences in the window */
  int *local;       /* id → index into the sentence's own alphabet, or −1 */
  guint64 *masks;   /* local index × words: positions of that character in the sentence */
  guint64 *v;
  guint n_ids;
} Work;

static guint
lcs_window (const Work *w, const guint32 *b, gsize m, guint n, guint words)
{
  guint zeros = 0;

  for (guint k = 0; k < words; k++)
    w->v[k] = G_MAXUINT64;
  for (gsize i = 0; i < m; i++)
    {
      int li = w->local[b[i]];
      const guint64 *mask;
      guint64 carry = 0;

      if (li < 0)
        continue;  /* a character the sentence lacks changes nothing */
      mask = w->masks + (gsize) li * words;
      for (guint k = 0; k < words; k++)
        {
          guint64 v = w->v[k], u = v & mask[k];
          guint64 t = v + u, t2 = t + carry;
          carry = (t < v) | (t2 < t);
          w->v[k] = t2 | (v & ~mask[k]);
        }
    }
  for (guint j = 0; j < n; j++)
    if (!(w->v[j / 64] & (G_GUINT64_CONSTANT (1) << (j % 64))))
      zeros++;
  return zeros;
}

static Match
measure (Seeds *all, Work *w, const guint32 *s, guint n)
{
  Match best = { 0, NULL, 0, 0 };
  guint best_lcs = 0;
  guint words = (n + 63) / 64, n_local = 0;
  g_autofree guint32 *distinct = g_new (guint32, n);
  gsize width = (3 * (gsize) n + 1) / 2;
  double floor_ratio = g_test_verbose () ? REPORT_RATIO : MAX_RATIO;
  guint threshold;

  threshold = (guint) (floor_ratio * n);
  if (threshold < floor_ratio * n)
    threshold++;

  w->masks = g_new0 (guint64, (gsize) n * words);
  w->v = g_new (guint64, words);
  for (guint j = 0; j < n; j++)
    {
      guint32 id = unit_id (all, s[j], FALSE);
      if (id == 0)
        continue;  /* no seed has it: it can never match */
      if (w->local[id] < 0)
        {
          w->local[id] = (int) n_local++;
          distinct[w->local[id]] = id;
        }
      w->need[id]++;
      w->masks[(gsize) w->local[id] * words + j / 64] |= G_GUINT64_CONSTANT (1) << (j % 64);
    }

  for (guint f = 0; f < all->seeds->len; f++)
    {
      const Seed *seed = all->seeds->pdata[f];
      gsize win = MIN (width, seed->len), overlap = 0;

      if (seed->len == 0)
        continue;
      for (gsize k = 0; k < win; k++)
        if (w->count[seed->ids[k]]++ < w->need[seed->ids[k]])
          overlap++;
      for (gsize p = 0; p + win <= seed->len; p++)
        {
          guint32 first = seed->ids[p];

          if (overlap >= threshold && (w->need[first] > 0 || p + win == seed->len))
            {
              guint l = lcs_window (w, seed->ids + p, win, n, words);
              double ratio = (double) l / n;
              if (ratio > best.ratio)
                {
                  best.ratio = ratio;
                  best.seed = seed;
                  best.start = p;
                  best.end = p + win;
                  best_lcs = l;
                }
            }
          /* slide: drop ids[p], take ids[p + win] */
          if (--w->count[first] < w->need[first])
            overlap--;
          if (p + win < seed->len && w->count[seed->ids[p + win]]++ < w->need[seed->ids[p + win]])
            overlap++;
        }
      for (gsize k = seed->len - win + 1; k < seed->len; k++)  /* what the loop left counted */
        w->count[seed->ids[k]]--;
    }

  /* For the report, narrow the best window to the stretch the common characters span. */
  if (best.seed != NULL && best.ratio >= MAX_RATIO)
    {
      while (best.start + 1 < best.end &&
             lcs_window (w, best.seed->ids + best.start + 1, best.end - best.start - 1, n, words) == best_lcs)
        best.start++;
      while (best.end - 1 > best.start &&
             lcs_window (w, best.seed->ids + best.start, best.end - best.start - 1, n, words) == best_lcs)
        best.end--;
    }

  for (guint j = 0; j < n_local; j++)
    {
      w->need[distinct[j]] = 0;
      w->local[distinct[j]] = -1;
    }
  g_clear_pointer (&w->masks, g_free);
  g_clear_pointer (&w->v, g_free);
  return best;
}

/* --- our text --------------------------------------------------------------------------------- */

typedef struct {
  Seeds *seeds;
  Work work;
  GArray *names;      /* GArray* of guint32: the allowed names, normalised */
  guint n_measured;
  guint n_failed;
  GString *near;      /* verbose listing */
} Check;

static void
remove_names (Check *c, GArray *s)
{
  for (guint i = 0; i < c->names->len; i++)
    {
      GArray *name = g_array_index (c->names, GArray *, i);
      guint k = 0;

      while (name->len > 0 && k + name->len <= s->len)
        {
          if (memcmp (&g_array_index (s, guint32, k), name->data, name->len * sizeof (guint32)) == 0)
            g_array_remove_range (s, k, name->len);
          else
            k++;
        }
    }
}

static void
check_sentence (Check *c, const char *file, int line, const char *sentence)
{
  g_autoptr(GArray) s = g_array_new (FALSE, FALSE, sizeof (guint32));
  Match m;

  normalise_into (sentence, s);
  remove_names (c, s);
  if (s->len < MIN_UNITS)
    return;
  c->n_measured++;
  m = measure (c->seeds, &c->work, (const guint32 *) s->data, s->len);
  if (m.ratio >= MAX_RATIO)
    {
      guint first = m.seed->line_of[m.start], last = m.seed->line_of[m.end - 1];
      g_autoptr(GString) seed_text = g_string_new (NULL);

      for (guint l = first; l <= last; l++)
        {
          g_autofree char *piece = g_strstrip (g_strdup (m.seed->lines[l - 1]));
          if (*piece == '\0')
            continue;
          if (seed_text->len > 0)
            g_string_append (seed_text, " / ");
          g_string_append (seed_text, piece);
        }
      g_test_message ("%s:%d: %.0f %% of «%s» stands in order in %s:%u «%s»",
                      file, line, 100 * m.ratio, sentence, m.seed->name, first, seed_text->str);
      c->n_failed++;
    }
  else if (m.ratio >= REPORT_RATIO && c->near != NULL)
    g_string_append_printf (c->near, "%.2f %s:%d «%s» ~ %s:%u\n",
                            m.ratio, file, line, sentence, m.seed->name, m.seed->line_of[m.start]);
}

/* Splits text into sentences and checks each. */
static void
check_text (Check *c, const char *file, int line, const char *text)
{
  g_autoptr(GString) cur = g_string_new (NULL);

  for (const char *p = text; ; p = g_utf8_next_char (p))
    {
      gunichar ch = g_utf8_get_char (p);
      gboolean end = ch == 0 || ch == '\n' || ch == 0x3002 /* 。 */ || ch == 0xFF01 /* ！ */ ||
                     ch == 0xFF1F /* ？ */ || ch == '!' || ch == '?' ||
                     (ch == '.' && (p[1] == ' ' || p[1] == '\0'));

      if (ch != 0 && ch != '\n')
        g_string_append_unichar (cur, ch);
      if (end)
        {
          check_sentence (c, file, line, cur->str);
          g_string_truncate (cur, 0);
        }
      if (ch == 0)
        break;
    }
}

static gboolean
skipped_key (const char *key)
{
  for (guint i = 0; i < G_N_ELEMENTS (skipped_keys); i++)
    if (g_strcmp0 (key, skipped_keys[i]) == 0)
      return TRUE;
  return FALSE;
}

static void
check_yaml_node (Check *c, const char *file, int line_offset, yaml_document_t *doc, yaml_node_t *node)
{
  if (node == NULL)
    return;
  switch (node->type)
    {
    case YAML_SCALAR_NODE:
      check_text (c, file, line_offset + (int) node->start_mark.line + 1,
                  (const char *) node->data.scalar.value);
      break;
    case YAML_SEQUENCE_NODE:
      for (yaml_node_item_t *i = node->data.sequence.items.start; i < node->data.sequence.items.top; i++)
        check_yaml_node (c, file, line_offset, doc, yaml_document_get_node (doc, *i));
      break;
    case YAML_MAPPING_NODE:
      for (yaml_node_pair_t *p = node->data.mapping.pairs.start; p < node->data.mapping.pairs.top; p++)
        {
          yaml_node_t *k = yaml_document_get_node (doc, p->key);
          if (k && k->type == YAML_SCALAR_NODE && skipped_key ((const char *) k->data.scalar.value))
            continue;
          check_yaml_node (c, file, line_offset, doc, yaml_document_get_node (doc, p->value));
        }
      break;
    case YAML_NO_NODE:
    default:
      break;
    }
}

static void
check_yaml (Check *c, const char *file, int line_offset, const char *text, gsize len)
{
  yaml_parser_t parser;
  yaml_document_t doc;

  g_assert_true (yaml_parser_initialize (&parser));
  yaml_parser_set_input_string (&parser, (const unsigned char *) text, len);
  if (!yaml_parser_load (&parser, &doc))
    g_error ("%s:%d: not YAML: %s", file, line_offset + (int) parser.problem_mark.line + 1,
             parser.problem ? parser.problem : "?");
  check_yaml_node (c, file, line_offset, &doc, yaml_document_get_root_node (&doc));
  yaml_document_delete (&doc);
  yaml_parser_delete (&parser);
}

static void
check_markdown (Check *c, const char *file, const char *text)
{
  g_auto(GStrv) lines = g_strsplit (text, "\n", -1);
  guint body = 0;
  g_autoptr(GRegex) placeholder = g_regex_new ("\\{\\{[^}]*\\}\\}", 0, 0, NULL);

  if (g_strcmp0 (lines[0], "---") == 0)
    {
      g_autoptr(GString) front = g_string_new (NULL);
      for (body = 1; lines[body] && g_strcmp0 (lines[body], "---") != 0; body++)
        g_string_append_printf (front, "%s\n", lines[body]);
      g_assert_nonnull (lines[body]);
      check_yaml (c, file, 1, front->str, front->len);
      body++;
    }
  for (; lines[body]; body++)
    {
      g_autofree char *plain = g_regex_replace_literal (placeholder, lines[body], -1, 0, "", 0, NULL);
      check_text (c, file, (int) body + 1, plain);
    }
}

static GPtrArray *
files_in (const char *dir, const char *suffix)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GDir) d = g_dir_open (dir, 0, &error);
  GPtrArray *out = g_ptr_array_new_with_free_func (g_free);
  const char *entry;

  g_assert_no_error (error);
  while ((entry = g_dir_read_name (d)) != NULL)
    if (g_str_has_suffix (entry, suffix))
      g_ptr_array_add (out, g_build_filename (dir, entry, NULL));
  g_ptr_array_sort (out, compare_strings);
  return out;
}

static void
check_init (Check *c, Seeds *seeds)
{
  memset (c, 0, sizeof *c);
  c->seeds = seeds;
  c->work.n_ids = c->seeds->n_ids + 1;
  c->work.need = g_new0 (guint, c->work.n_ids);
  c->work.count = g_new0 (guint, c->work.n_ids);
  c->work.local = g_new (int, c->work.n_ids);
  for (guint i = 0; i < c->work.n_ids; i++)
    c->work.local[i] = -1;
  c->names = g_array_new (FALSE, FALSE, sizeof (GArray *));
  for (guint i = 0; i < G_N_ELEMENTS (allowed_names); i++)
    {
      GArray *name = g_array_new (FALSE, FALSE, sizeof (guint32));
      normalise_into (allowed_names[i], name);
      g_array_append_val (c->names, name);
    }
  if (g_test_verbose ())
    c->near = g_string_new (NULL);
}

static void
check_finish (Check *c)
{
  if (c->near != NULL && c->near->len > 0)
    g_test_message ("Sentences at %.0f %% or more (not failing):\n%s", 100 * REPORT_RATIO, c->near->str);
  if (c->near != NULL)
    g_string_free (c->near, TRUE);
  for (guint i = 0; i < c->names->len; i++)
    g_array_unref (g_array_index (c->names, GArray *, i));
  g_array_unref (c->names);
  g_free (c->work.need);
  g_free (c->work.count);
  g_free (c->work.local);
  seeds_free (c->seeds);
}

static gboolean
have_seeds (void)
{
  if (seeds_dir == NULL || !g_file_test (seeds_dir, G_FILE_TEST_IS_DIR))
    {
      g_test_skip ("The seed guidelines (../shared/seeds/ beside the source tree) are not here");
      return FALSE;
    }
  return TRUE;
}

/* --- the tests ---------------------------------------------------------------------------------- */

/* The measure itself: a copied sentence is caught through punctuation, width and line breaks;
 * a sentence in our own words on the same topic is not. */
static void
test_measure (void)
{
  Check c;
  Seeds *seeds = seeds_new ();

  seeds_add (seeds, "fake.txt",
             "前置き\n"
             "7 電子メールや FAXの宛先の送信ミスを防ぐ取り組みを\n実施していますか？\n"
             "後書き");
  check_init (&c, seeds);

  /* Full width, other punctuation, a word changed: still the seed's sentence. */
  check_text (&c, "ours", 1, "電子メールや ＦＡＸ の宛先の送信ミスを防ぐ取り組みをしていますか？");
  g_assert_cmpuint (c.n_measured, ==, 1);
  g_assert_cmpuint (c.n_failed, ==, 1);
  /* Our own words on the same topic. */
  check_text (&c, "ours", 2, "メールやFAXを送る前に、宛先が正しいかを確かめる手順を決めていますか？");
  g_assert_cmpuint (c.n_measured, ==, 2);
  g_assert_cmpuint (c.n_failed, ==, 1);
  /* Too short to measure. */
  check_text (&c, "ours", 3, "宛先の送信ミスを防ぐ");
  g_assert_cmpuint (c.n_measured, ==, 2);

  check_finish (&c);
}

static void
test_builtin_content (void)
{
  Check c;
  g_autofree char *catalog_dir = NULL, *template_dir = NULL;
  g_autoptr(GPtrArray) yamls = NULL, mds = NULL;
  gint64 start = g_get_monotonic_time ();
  gboolean found_criteria = FALSE;

  if (!have_seeds ())
    return;
  check_init (&c, seeds_load (seeds_dir));
  catalog_dir = g_build_filename (data_dir, "catalog", NULL);
  template_dir = g_build_filename (data_dir, "templates", NULL);
  yamls = files_in (catalog_dir, ".yaml");
  mds = files_in (template_dir, ".md");
  g_assert_cmpuint (yamls->len, >=, 6);
  g_assert_cmpuint (mds->len, >=, 3);
  /* Every built-in checklist's file is among them (gov-governance.yaml included). */
  for (guint b = 0; mamori_catalog_builtin_ids ()[b] != NULL; b++)
    {
      g_autofree char *want = g_strconcat (mamori_catalog_builtin_ids ()[b], ".yaml", NULL);
      gboolean found = FALSE;
      for (guint i = 0; i < yamls->len && !found; i++)
        {
          g_autofree char *base = g_path_get_basename (yamls->pdata[i]);
          found = strcmp (base, want) == 0;
        }
      g_assert_true (found);
    }

  for (guint i = 0; i < yamls->len; i++)
    {
      g_autofree char *text = NULL, *base = g_path_get_basename (yamls->pdata[i]);
      g_autofree char *name = g_build_filename ("data", "catalog", base, NULL);
      gsize len;
      g_autoptr(GError) error = NULL;
      guint before = c.n_measured;
      g_file_get_contents (yamls->pdata[i], &text, &len, &error);
      g_assert_no_error (error);
      check_yaml (&c, name, 0, text, len);
      /* The certification's full criteria: every procedure's description in both languages. */
      if (g_str_equal (base, "tech-info-criteria.yaml"))
        {
          g_assert_cmpuint (c.n_measured - before, >=, 200);
          found_criteria = TRUE;
        }
    }
  g_assert_true (found_criteria);
  for (guint i = 0; i < mds->len; i++)
    {
      g_autofree char *text = NULL, *base = g_path_get_basename (mds->pdata[i]);
      g_autofree char *name = g_build_filename ("data", "templates", base, NULL);
      g_autoptr(GError) error = NULL;
      g_file_get_contents (mds->pdata[i], &text, NULL, &error);
      g_assert_no_error (error);
      check_markdown (&c, name, text);
    }

  /* The texts built into the code: risk-matrix levels and the default answer scale. */
  {
    const MamoriRiskMatrix *matrices[] = { mamori_risk_matrix_ipa (), mamori_risk_matrix_gov5 (),
                                           mamori_risk_matrix_likelihood () };
    g_autoptr(GPtrArray) scale = mamori_checklist_default_scale ();

    for (guint i = 0; i < G_N_ELEMENTS (matrices); i++)
      {
        const MamoriRiskMatrix *m = matrices[i];
        const struct { const MamoriRiskLevel *levels; guint n; } sets[] = {
          { m->probability, m->n_probability }, { m->impact, m->n_impact }, { m->risk, m->n_risk } };
        for (guint s = 0; s < G_N_ELEMENTS (sets); s++)
          for (guint l = 0; l < sets[s].n; l++)
            {
              const MamoriRiskLevel *level = &sets[s].levels[l];
              if (level->description_ja)
                check_text (&c, "src/core/mamori-risk.c", 0, level->description_ja);
              if (level->description_en)
                check_text (&c, "src/core/mamori-risk.c", 0, level->description_en);
            }
      }
    for (guint i = 0; i < scale->len; i++)
      {
        const MamoriChoice *choice = scale->pdata[i];
        const char *langs[] = { "ja", "en" };
        for (guint l = 0; l < G_N_ELEMENTS (langs); l++)
          if (choice->description && mamori_text_get (choice->description, langs[l]))
            check_text (&c, "src/core/mamori-checklist.c", 0, mamori_text_get (choice->description, langs[l]));
      }
  }

  /* The confidentiality pledge form (src/report/mamori-register-forms.c): the sentences a
   * person signs, in both languages. */
  {
    const char *langs[] = { "ja", "en" };
    for (guint l = 0; l < G_N_ELEMENTS (langs); l++)
      {
        g_autoptr(GPtrArray) sentences = mamori_pledge_form_sentences ("株式会社サンプル製作所", langs[l]);
        g_assert_cmpuint (sentences->len, >=, 5);
        for (guint i = 0; i < sentences->len; i++)
          check_text (&c, "src/report/mamori-register-forms.c", 0, sentences->pdata[i]);
      }
  }

  /* The self-inspection sheet and report (src/report/mamori-self-inspection.c): their own
   * sentences around the clauses (the clauses are the YAML's, checked above). */
  {
    g_autoptr(MamoriCatalog) catalog = mamori_catalog_new ();
    const MamoriChecklist *gov;
    const char *langs[] = { "ja", "en" };
    g_autoptr(GError) error = NULL;

    g_assert_true (mamori_catalog_load_builtin (catalog, &error));
    gov = mamori_catalog_find (catalog, "gov-governance");
    g_assert_nonnull (gov);
    for (guint l = 0; l < G_N_ELEMENTS (langs); l++)
      {
        g_autoptr(GPtrArray) none = g_ptr_array_new ();
        g_autoptr(MamoriSheetSummary) summary = mamori_sheet_summary_new (gov, none);
        MamoriSelfInspection r = { "株式会社サンプル製作所", NULL, "2026-06-01", "2026-06-30", gov, summary, NULL, langs[l] };
        g_autofree char *sheet = mamori_sheet_form_markdown (gov, "approver", "株式会社サンプル製作所", langs[l]);
        g_autofree char *report = mamori_self_inspection_markdown (&r);
        check_text (&c, "src/report/mamori-self-inspection.c", 0, sheet);
        check_text (&c, "src/report/mamori-self-inspection.c", 0, report);
      }
  }

  /* The internal-audit report as the audit guidance's template (seed 002, lines 2506–2545, the
   * passage it follows most closely): its paragraphs, the independence statements and the draft
   * opinion, on a full-criteria audit with a plan. */
  {
    g_autoptr(MamoriCatalog) catalog = mamori_catalog_new ();
    g_autofree char *dir = g_dir_make_tmp ("mamori-wording-XXXXXX", NULL);
    g_autofree char *path = g_build_filename (dir, "audit.mamori", NULL);
    g_autoptr(MamoriWorkspace) ws = NULL;
    const MamoriChecklist *criteria;
    g_autoptr(GError) error = NULL;
    MamoriAuditPlan plan = { 0 };
    gint64 id;

    g_assert_true (mamori_catalog_load_builtin (catalog, &error));
    criteria = mamori_catalog_find (catalog, "tech-info-criteria");
    ws = mamori_workspace_open (path, MAMORI_WORKSPACE_OPEN_CREATE, &error);
    g_assert_no_error (error);
    id = mamori_workspace_create_assessment (ws, "tech-info-criteria", "本社", "2026-06-01", "山田", &error);
    g_assert_no_error (error);
    plan.assessment = id;
    plan.auditor = (char *) "佐藤 監査";
    plan.independence_confirmed = TRUE;
    plan.starts_on = (char *) "2026-06-08";
    plan.ends_on = (char *) "2026-06-12";
    g_assert_true (mamori_workspace_set_audit_plan (ws, &plan, &error));
    for (int en = 0; en < 2; en++)
      {
        const char *lang = en ? "en" : "ja";
        g_autofree char *md = mamori_audit_report_markdown (ws, criteria, id, NULL, lang, TRUE, &error);
        g_assert_no_error (error);
        check_text (&c, "src/report/mamori-audit-report.c", 0, md);
        for (guint i = 0; i < MAMORI_AUDIT_N_INDEPENDENCE; i++)
          check_text (&c, "src/core/mamori-audit.c", 0, mamori_audit_independence_check (i, lang));
      }
    mamori_workspace_close (ws);
    g_unlink (path);
    g_rmdir (dir);
  }

  g_test_message ("%u sentences of %d units or more measured against %u seed files in %.1f s",
                  c.n_measured, MIN_UNITS, c.seeds->seeds->len,
                  (g_get_monotonic_time () - start) / 1e6);
  g_assert_cmpuint (c.n_measured, >, 100);  /* the walk found the text */
  if (c.n_failed > 0)
    g_test_fail_printf ("%u sentences stand %.0f %% or more in order in a seed; reword them "
                        "(see the messages above)", c.n_failed, 100 * MAX_RATIO);
  check_finish (&c);
}

int
main (int argc, char *argv[])
{
  int ret;

  setlocale (LC_ALL, "");
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);
  /* Arguments left by g_test_init: the seed directory and the source tree's data directory. */
  if (argc < 3)
    g_error ("usage: test-wording [GTEST-OPTIONS] SEED-DIR DATA-DIR");
  seeds_dir = argv[1];
  data_dir = argv[2];
  word_units = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_test_add_func ("/wording/measure", test_measure);
  g_test_add_func ("/wording/builtin-content", test_builtin_content);
  ret = g_test_run ();
  g_hash_table_unref (word_units);
  return ret;
}
