#!/bin/sh
# Every translatable string in the sources is in po/ja.po and translated there.
set -eu
top="$1"
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
cd "$top"
xgettext --from-code=UTF-8 --add-comments=TRANSLATORS --keyword=_ --keyword=N_ --keyword=C_:1c,2 \
  --keyword=NC_:1c,2 --keyword=g_dngettext:2,3 --keyword=ngettext:1,2 --files-from=po/POTFILES.in \
  --output="$tmp/mamori.pot" 2>"$tmp/xgettext.log" || { cat "$tmp/xgettext.log"; exit 1; }
# Every source file with a translatable string is listed in POTFILES.in.
missing=$(grep -rlE '(^|[^a-z_])(_|N_|ngettext)[[:space:]]*\("' src --include='*.c' | sort | while read -r f; do
  grep -qx "$f" po/POTFILES.in || echo "$f"; done)
missing_ui=$(grep -rl 'translatable="yes"' resources data --include='*.ui' | sort | while read -r f; do
  grep -qx "$f" po/POTFILES.in || echo "$f"; done)
if [ -n "$missing$missing_ui" ]; then
  echo "not in po/POTFILES.in:"; echo "$missing$missing_ui"; exit 1
fi
msgmerge --quiet --no-fuzzy-matching "po/ja.po" "$tmp/mamori.pot" -o "$tmp/ja.po"
msgfmt --check --statistics -o /dev/null "$tmp/ja.po" 2>"$tmp/stats"
cat "$tmp/stats"
if grep -qE 'untranslated|fuzzy' "$tmp/stats"; then
  echo "po/ja.po is not complete:"
  msgattrib --untranslated --no-obsolete "$tmp/ja.po" | grep '^msgid' | head -n 40
  exit 1
fi
