#!/usr/bin/env python3
"""Writes data/catalog/tech-info-criteria.yaml: the technology-information management
certification's audit guideline (seed 002, 別紙２ 監査ガイドライン, lines 2590–7724) as a
Mamori checklist library.

    build-aux/tech-info-criteria/generate.py SEED-002.txt > data/catalog/tech-info-criteria.yaml

From the seed it takes only facts: the procedure IDs and their order, the target level
(到達レベル), the named rules (【規定等】) and records (【記録やその他の確認対象】), and the audit
technique the procedure names (閲覧 → review, 現地調査 → observation, インタビュー/ヒアリング →
interview). Every name and description is Mamori's own, in wording.tsv beside this script
(ID, ja name, ja description, en name, en description). The PDF extraction scrambles the table's
columns in a few places: the corrections are in LEVEL_FIXES and EVIDENCE_FIXES below, each read
off the seed by hand. The script checks the result against the domain note's catalogue (the
levels it names and the count per level) and stops on any difference.
"""
import os
import re
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
LOST = ('1', '2', '5', '200')

# Levels the extraction puts in the next procedure's cell (the table's first row on a page is
# printed after the rest, behind its item number): read off the seed by hand.
LEVEL_FIXES = {
    '32': 1, '33': 2,      # “5 / 1.実施している” after 33 belongs to item 第四5(2), ID 32
    '50': 3, '53': 1,      # “4 3.…” after 53 belongs to item 第六4, ID 50
    '58': 3, '59': 3,      # “2 3.…” after 59 belongs to item Ⅱ第一2, ID 58
    '69': 3, '72': 3,      # “第三 3.…” after 72 belongs to Ⅱ第三1, ID 69
    '87': 3, '88': 1,      # items 6 and 7 of Ⅲ第一 print their levels in order after 88
    '155': 3, '157': 3,    # the second “3.…” after 157 precedes the text of ID 155's item
}
# The seed gives no level for ID 201 (its cell is lost): it has none here either.
NO_LEVEL = ('201',)

EVIDENCE_FIXES = {
    '29': ([], ['管理対象情報管理簿', '複製した管理対象情報の管理状況']),
    '32': ([], ['シュレッダー']),          # the seed's 【規定等】 is “－”
    '77': ([], ['インシデント発生時の周知内容、周知時期の記録']),
    '155': (None, []),                      # the records cell holds the criterion's sub-items
}

# Always required: identifying the information and deciding the measures (Ⅰ第一, 第二),
# the manager (Ⅰ第三1), the chapeaus of 第四–第六 and of the chapters Ⅱ–Ⅵ, and the items whose
# criterion asks for a habitual practice (…取組が習慣化し…状態を確立する: IDs 33, 53, 198).
# Everything else is a measure the firm chooses under Ⅰ第二2 (mamori_optional).
REQUIRED = {'1', '2', '3', '4', '5', '6', '7', '8', '10', '33', '38', '46', '53', '56', '81',
            '100-1', '100-2', '127', '193', '198'}

CHAPTERS = [
    ('Ⅰ', '共通事項', 'Common matters'),
    ('Ⅱ', '人によるアクセスの制限', 'Restricting access by people'),
    ('Ⅲ', '保管容器に入る情報への物理的な制限', 'Physical restriction: items that fit in a container'),
    ('Ⅳ', '保管容器に入らない情報への物理的な制限', 'Physical restriction: items that do not fit in a container'),
    ('Ⅴ', '電子情報へのアクセスの制限', 'Restricting access to electronic information'),
    ('Ⅵ', '社外の者に渡すときの措置', 'Handing information to others'),
    ('Ⅶ', '管理を強める措置', 'Strengthening measures'),
]
# (chapter, section, ja, en, first ID, last ID); IDs before a chapter's first section are its
# chapeau and hang from the chapter itself.
SECTIONS = [
    ('Ⅰ', '第一', '守る情報の特定', 'Choosing the information to protect', 1, 3),
    ('Ⅰ', '第二', '識別と必要な措置の決定', 'Marking it and deciding the measures', 4, 6),
    ('Ⅰ', '第三', '管理者の選任', 'Appointing the manager', 7, 9),
    ('Ⅰ', '第四', '重要情報の管理', 'Managing important information', 10, 37),
    ('Ⅰ', '第五', '教育（トレーニング）', 'Training', 38, 45),
    ('Ⅰ', '第六', '漏えい事故などの報告', 'Reporting leaks and incidents', 46, 55),
    ('Ⅱ', '第一', 'アクセス権の設定', 'Granting access', 57, 63),
    ('Ⅱ', '第二', 'アクセス権の管理', 'Managing access', 64, 68),
    ('Ⅱ', '第三', '秘密保持の担保', 'Securing confidentiality', 69, 77),
    ('Ⅱ', '第四', '来訪者などへのアクセス権', 'Visitors and other people', 78, 80),
    ('Ⅲ', '第一', '保管容器', 'Containers', 82, 91),
    ('Ⅲ', '第二', '取り扱う場所', 'Where items are handled', 92, 93),
    ('Ⅲ', '第三', '運搬', 'Transport', 94, 99),
    ('Ⅳ', '第一', '立入制限区域の構造と管理', 'Structure and management of the restricted area', 101, 120),
    ('Ⅳ', '第二', '立ち入る人への措置', 'People entering the area', 121, 125),
    ('Ⅳ', '第三', '運搬', 'Transport', 126, 126),
    ('Ⅴ', '第一', '情報システムの管理', 'Managing the information systems', 128, 169),
    ('Ⅴ', '第二', 'アクセスへの対応', 'Access', 170, 180),
    ('Ⅴ', '第三', '媒体とメールの取扱い', 'Handling media and e-mail', 181, 192),
    ('Ⅵ', '第一', '渡す前の確認', 'Checks before handing over', 194, 197),
    ('Ⅵ', '第二', '秘密保持契約', 'Non-disclosure agreements', 198, 200),
    ('Ⅶ', '第一', '段階を分けた管理', 'Tiered management', 201, 204),
    ('Ⅶ', '第二', '敷地全体の防護', 'Protecting the whole site', 205, 211),
    ('Ⅶ', '第三', '外部委託での管理の強化', 'Stronger control of outsourcing', 212, 216),
    ('Ⅶ', '第四', '体制の構築と継続的な改善', 'Organisation and continual improvement', 217, 228),
]
CHAPEAU_CHAPTER = {'56': 'Ⅱ', '81': 'Ⅲ', '127': 'Ⅴ', '193': 'Ⅵ'}
# Where the lost procedures sit in the criteria (their item is inferred from the structure).
LOST_ITEM = {'1': 'Ⅰ第一1', '2': 'Ⅰ第一2', '5': 'Ⅰ第二2', '200': 'Ⅵ第二3'}

LEVELS = {
    1: ('実施している', 'performed'),
    2: ('実施計画があり、進捗管理している', 'planned, with progress tracked'),
    3: ('実施の結果である成果物を管理している', 'the outputs of the work are managed'),
    4: ('標準的な事項を定義している', 'standard practice is defined'),
    5: ('定義された事項を周知し、同一事項を実施している', 'defined practice is made known and applied alike'),
    6: ('実施事項を測定している', 'the practice is measured'),
    7: ('成果達成のために予測し、運用している', 'run with foresight to reach its outcomes'),
    8: ('予測可能な実施事項を、変化に対応させ、継続的に改善している', 'improved continually as conditions change'),
}
# The domain note's catalogue (§2.2, §2.3): the levels it names, and the count per level.
NOTE_LEVELS = {'34': 4, '218': 4, '219': 4, '35': 5, '164': 5, '225': 6, '136': 7, '171': 7,
               '222': 7, '228': 7, '223': 8}
NOTE_COUNTS = {1: 94, 2: 32, 3: 87, 4: 3, 5: 2, 6: 1, 7: 4, 8: 1}
NOTE_INTERVIEWS = {'8', '35', '51', '52', '59', '77', '80', '212'}

LEVEL_RE = re.compile(r'([1-8])\s*[.．]\s*(実施して|実施計画|実施の結|標準的|定義され|実施事項|成果達成|予測可能)')
METHODS = [('review', '閲覧（レビュー）', 'document review'),
           ('observation', '観察（現地調査）', 'observation on site'),
           ('interview', '質問（インタビュー）', 'interview')]


def procedure_ids():
    for n in range(1, 229):
        if n == 100:
            yield '100-1'
            yield '100-2'
        else:
            yield str(n)


def extract(seed_path):
    text = '\n'.join(open(seed_path, encoding='utf-8').read().split('\n')[2589:7724])
    wanted = [i for i in procedure_ids() if i not in LOST]
    starts, pos = {}, 0
    for i in wanted:
        if '-' in i:
            a, b = i.split('-')
            pat = re.compile(r'(?m)^%s\n-%s\n' % (a, b))
        else:
            pat = re.compile(r'(?m)(?:^|^原則 |。 |\n )%s (?!事業者|管理者は)(?=\S)' % i)
        m = pat.search(text, pos)
        if m is None:
            sys.exit('procedure %s not found in the seed' % i)
        starts[i] = (m.start(), m.end())
        pos = m.end()
    out = {}
    for k, i in enumerate(wanted):
        body = starts[i][1]
        end = starts[wanted[k + 1]][0] if k + 1 < len(wanted) else len(text)
        seg = text[body:end]
        confirm = seg.split('\n\n')[0].replace('\n', '')
        rules = records = ''
        m = re.search(r'【規定等】\n(.*?)【記録やその他の確認対象】\n?(.*?)(?:\n\n|$)', seg, re.S)
        if m:
            rules, records = (g.replace('\n', '').strip() for g in m.groups())
        levels = [int(x.group(1)) for x in LEVEL_RE.finditer(seg)]
        if i in LEVEL_FIXES:
            level = LEVEL_FIXES[i]
        elif i in NO_LEVEL:
            if levels:
                sys.exit('ID %s has a level now: %r' % (i, levels))
            level = None
        elif len(levels) == 1:
            level = levels[0]
        else:
            sys.exit('ID %s: levels %r; add it to LEVEL_FIXES' % (i, levels))
        methods = [key for key, words in (('review', ('閲覧',)), ('observation', ('現地調査',)),
                                           ('interview', ('インタビュー', 'ヒアリング')))
                   if any(w in confirm for w in words)] or ['review']
        r, c = split_names(rules), split_names(records)
        if i in EVIDENCE_FIXES:
            fr, fc = EVIDENCE_FIXES[i]
            r = r if fr is None else fr
            c = c if fc is None else fc
        out[i] = dict(level=level, rules=r, records=c, methods=methods)
    return out


def split_names(cell):
    if not cell or LEVEL_RE.match(cell) or cell in ('－', '-'):
        return []
    parts, depth, cur = [], 0, ''
    for ch in cell:
        depth += ch in '（(' and 1 or 0
        depth -= ch in '）)' and 1 or 0
        if ch == '、' and depth == 0:
            parts.append(cur)
            cur = ''
        else:
            cur += ch
    parts.append(cur)
    # A 、 after “…場合”, “…における”, “…に関する” continues one name instead of listing another.
    merged = []
    for p in parts:
        if merged and re.search(r'(場合|における|に関する)$', merged[-1].strip()):
            merged[-1] += '、' + p
        else:
            merged.append(p)
    parts = merged
    names = []
    for p in parts:
        p = p.strip()
        if p.startswith('（') and p.endswith('）') and p.count('（') == 1:
            p = p[1:-1]
        p = re.sub(r'^(及び、|及び|又は|または|もしくは|あるいは)', '', p)
        p = re.sub(r'(の閲覧|や)$', '', p).strip()
        if '、' in p and p.startswith('及び'):
            p = p[2:]
        names += [q.strip() for q in (p.split('、') if p.startswith('及び、') else [p]) if q.strip()]
    return [n for n in names if n not in ('及び',)]


def check(data):
    counts = {}
    for i, d in data.items():
        counts[d['level']] = counts.get(d['level'], 0) + 1
    for i, level in NOTE_LEVELS.items():
        if data[i]['level'] != level:
            sys.exit('ID %s: level %s, the domain note says %s' % (i, data[i]['level'], level))
    for level, n in NOTE_COUNTS.items():
        if counts.get(level, 0) != n:
            sys.exit('level %d: %d procedures, the domain note counts %d' % (level, counts.get(level, 0), n))
    for i in NOTE_INTERVIEWS:
        if 'interview' not in data[i]['methods']:
            sys.exit('ID %s: the domain note says it needs interviews' % i)
    extra = [i for i, d in data.items() if 'interview' in d['methods'] and i not in NOTE_INTERVIEWS]
    if extra:
        sys.exit('interviews the domain note does not list: %r' % extra)


def q(s):
    return '"' + s.replace('\\', '\\\\').replace('"', '\\"') + '"'


def main():
    data = extract(sys.argv[1])
    check(data)
    wording = {}
    for line in open(os.path.join(HERE, 'wording.tsv'), encoding='utf-8'):
        f = line.rstrip('\n').split('\t')
        wording[f[0]] = f[1:]
    ids = list(procedure_ids())
    missing = [i for i in ids if i not in wording]
    if missing or len(wording) != len(ids):
        sys.exit('wording.tsv: missing %r, %d entries' % (missing, len(wording)))

    section_of = {}
    for ch, sec, ja, en, first, last in SECTIONS:
        for n in range(first, last + 1):
            for i in ('100-1', '100-2') if n == 100 else (str(n),):
                section_of[i] = (ch, sec)
    for i in ('100-1', '100-2'):
        section_of[i] = ('Ⅳ', None)
    for i, ch in CHAPEAU_CHAPTER.items():
        section_of[i] = (ch, None)

    o = []
    w = o.append
    w('# Mamori checklist library (CISO Assistant framework format, Mamori extensions start with mamori_).')
    w('# Generated by build-aux/tech-info-criteria/generate.py from seed 002 and wording.tsv: change those.')
    w('# The wording is Mamori\'s own; each item cites its audit-guideline ID in mamori_source.')
    w('urn: urn:mamori:library:tech-info-criteria')
    w('locale: ja')
    w('ref_id: tech-info-criteria')
    w('name: "技術情報管理認証 認証基準（全項目）"')
    w('description: ' + q('認証基準のすべてを、監査ガイドラインの手続 ID 1〜228（100 は 100-1 と 100-2）どおりに 229 の確認で確かめます。各手続に目標の到達レベル（8 段階）、見る規程と記録、確かめ方（閲覧・観察・質問）を付けています。ここでは管理対象情報を「重要情報」と呼びます。原資料で失われた ID 1・2・5・200 は Mamori が基準の構成から補い、そう記しています。'))
    w('copyright: ' + q('確認項目の文言は Mamori 独自。出典：経済産業省「技術情報管理認証制度」報告書 別紙２ 監査ガイドライン（手続 ID、到達レベル、確認対象の規程・記録の名前）。ID 1・2・5・200 は原資料で欠けており Mamori が補いました。ID 201 の到達レベルは原資料で欠けています。'))
    w('provider: Mamori')
    w('packager: Mamori')
    w('version: 1')
    w('translations:')
    w('  en:')
    w('    name: "Technology-information management certification: full criteria"')
    w('    description: ' + q('Every audit procedure of the certification\'s audit guideline, IDs 1–228 (100 as 100-1 and 100-2): 229 checks, each with its target level on the eight-level ladder, the rules and records an auditor looks at, and how it is checked (review, observation, interview). IDs 1, 2, 5 and 200 are lost in the source; Mamori rebuilt them from the structure of the criteria and says so.'))
    w('    copyright: ' + q('Wording by Mamori. Source: METI report on the technology-information management certification, annex 2, the audit guideline (procedure IDs, target levels, names of the rules and records to look at). IDs 1, 2, 5 and 200 are lost in the source and were reconstructed by Mamori; the target level of ID 201 is lost.'))
    w('objects:')
    w('  framework:')
    w('    urn: urn:mamori:framework:tech-info-criteria')
    w('    ref_id: tech-info-criteria')
    w('    name: "技術情報管理認証 認証基準（全項目）"')
    w('    translations:')
    w('      en:')
    w('        name: "Technology-information management certification: full criteria"')
    w('    mamori_subject: organisation')
    w('    min_score: 0')
    w('    max_score: %d' % len(LEVELS))
    # The answer is the level reached on the ladder (score = level), levels first so that the
    # wizard's keys 1–8 give levels 1–8; then not reached (0) and not applicable.
    w('    scores_definition:')
    for level in sorted(LEVELS):
        w('      - score: %d' % level)
        w('        name: "レベル%d"' % level)
        w('        description: ' + q(LEVELS[level][0]))
        w('        translations:\n          en:')
        w('            name: "Level %d"' % level)
        w('            description: ' + q(LEVELS[level][1][0].upper() + LEVELS[level][1][1:]))
    w('      - score: 0')
    w('        name: "未到達"')
    w('        description: "レベル1 に届いていない"')
    w('        translations:\n          en:\n            name: "Not reached"')
    w('            description: "Below level 1"')
    w('      - name: "該当しない"')
    w('        compute_result: not_applicable')
    w('        translations:\n          en:\n            name: "Not applicable"')
    w('    requirement_nodes:')

    def urn(ref):
        return 'urn:mamori:req_node:tech-info-criteria:' + ref.lower()

    def node(ref, parent, depth, assessable, ja, en, extra=()):
        w('      - urn: ' + urn(ref))
        w('        ref_id: ' + q(ref))
        if parent:
            w('        parent_urn: ' + urn(parent))
        w('        depth: %d' % depth)
        w('        assessable: %s' % ('true' if assessable else 'false'))
        w('        name: ' + q(ja))
        for line in extra:
            w('        ' + line)
        w('        translations:')
        w('          en:')
        w('            name: ' + q(en))

    emitted_chapter, emitted_section = set(), set()
    for i in ids:
        ch, sec = section_of[i]
        if ch not in emitted_chapter:
            emitted_chapter.add(ch)
            cja, cen = next((c[1], c[2]) for c in CHAPTERS if c[0] == ch)
            node(ch, None, 1, False, ch + ' ' + cja, ch + ' ' + cen,
                 ['mamori_source: ' + q('技術情報管理認証 認証基準 ' + ch)])
        if i == '100-1':
            node('100', ch, 2, False, '保管容器に入らない情報の置き場所', 'Where items that do not fit in a container stand',
                 ['description: ' + q('手続 100 は監査ガイドラインで 100-1 と 100-2 に分かれています。'),
                  'mamori_source: ' + q('技術情報管理認証 監査ガイドライン ID 100（基準 Ⅳ 柱書き）')])
            # the description's translation follows the name's
            o[-1:] = [o[-1], '            description: "The audit guideline splits procedure 100 into 100-1 and 100-2."']
        if sec is not None and (ch, sec) not in emitted_section:
            emitted_section.add((ch, sec))
            sja, sen = next((s[2], s[3]) for s in SECTIONS if s[0] == ch and s[1] == sec)
            node(ch + sec, ch, 2, False, sec + ' ' + sja, sec + ' ' + sen,
                 ['mamori_source: ' + q('技術情報管理認証 認証基準 ' + ch + sec)])
        parent = '100' if i.startswith('100-') else (ch + sec if sec else ch)
        depth = 3 if (sec or i.startswith('100-')) else 2
        ja_name, ja_desc, en_name, en_desc = wording[i]
        lost = i in LOST
        d = data.get(i, dict(level=None, rules=[], records=[], methods=['review']))
        where = LOST_ITEM.get(i) or (ch + (sec or ' 柱書き') if not i.startswith('100-') else 'Ⅳ 柱書き')
        source = '技術情報管理認証 監査ガイドライン ID %s（基準 %s%s）' % (i, where, '、原資料で欠落' if lost else '')
        ja_ann, en_ann = [], []
        if d['level']:
            ja_ann.append('目標の到達レベル：%d（%s）。' % (d['level'], LEVELS[d['level']][0]))
            en_ann.append('Target level: %d (%s).' % (d['level'], LEVELS[d['level']][1]))
        else:
            ja_ann.append('目標の到達レベル：原資料になし。' if not lost else '目標の到達レベル：原資料で欠落。')
            en_ann.append('Target level: none in the source.' if not lost else 'Target level: lost in the source.')
        ja_ann.append('確かめ方：%s。' % '、'.join(m[1] for m in METHODS if m[0] in d['methods']))
        en_ann.append('How it is checked: %s.' % ', '.join(m[2] for m in METHODS if m[0] in d['methods']))
        if i not in REQUIRED:
            ja_ann.append('基準Ⅰ第二2 で必要と決めたときに行う措置です。')
            en_ann.append('A measure the firm takes when it decides it needs it (criteria Ⅰ第二2).')
        ev_ja = []
        if d['rules']:
            ev_ja.append('規程：' + '、'.join(d['rules']))
        if d['records']:
            ev_ja.append('記録など：' + '、'.join(d['records']))
        extra = ['description: ' + q(ja_desc), 'annotation: ' + q(''.join(ja_ann))]
        if ev_ja:
            extra.append('typical_evidence: ' + q('／'.join(ev_ja)))
        extra.append('mamori_source: ' + q(source))
        if d['level']:
            extra.append('mamori_target_level: %d' % d['level'])
        if d['rules']:
            extra.append('mamori_evidence_rules: [' + ', '.join(q(x) for x in d['rules']) + ']')
        if d['records']:
            extra.append('mamori_evidence_records: [' + ', '.join(q(x) for x in d['records']) + ']')
        extra.append('mamori_methods: [' + ', '.join(d['methods']) + ']')
        if lost:
            extra.append('mamori_reconstructed: true')
        if i not in REQUIRED:
            extra.append('mamori_optional: true')
        node(i, parent, depth, True, ja_name, en_name, extra)
        w('            description: ' + q(en_desc))
        w('            annotation: ' + q(' '.join(en_ann)))
        if ev_ja:
            ev_en = []
            if d['rules']:
                ev_en.append('rules: ' + ', '.join(d['rules']))
            if d['records']:
                ev_en.append('records: ' + ', '.join(d['records']))
            w('            typical_evidence: ' + q(' / '.join(ev_en)))
    sys.stdout.write('\n'.join(o) + '\n')
    print('%d procedures, %d reconstructed, %d optional' % (len(ids), len(LOST), len([i for i in ids if i not in REQUIRED])),
          file=sys.stderr)


if __name__ == '__main__':
    main()
