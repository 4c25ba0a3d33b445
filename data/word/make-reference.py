#!/usr/bin/env python3
"""Builds data/word/reference.docx and reference.odt from pandoc's defaults.

Run from this folder when the styles need to change (the results are committed):
    python3 make-reference.py
The changes: Japanese and Latin fonts (Normal and body text: DejaVu Serif + IPAexMincho;
headings and the title block: DejaVu Sans + IPAexGothic), 10.5 pt text, A4 pages with Japanese
margins, tables with a grid, and a centred page number "n / N" in the footer (the .odt's
reference already has one)."""
import re
import subprocess
import zipfile

SERIF, SANS, MINCHO, GOTHIC = "DejaVu Serif", "DejaVu Sans", "IPAexMincho", "IPAexGothic"
BODY_FONTS = f'<w:rFonts w:ascii="{SERIF}" w:hAnsi="{SERIF}" w:eastAsia="{MINCHO}" w:cs="{SERIF}" />'
HEAD_FONTS = f'<w:rFonts w:ascii="{SANS}" w:hAnsi="{SANS}" w:eastAsia="{GOTHIC}" w:cs="{SANS}" />'
FOOTER = ('<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
          '<w:ftr xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main" '
          'xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships">'
          '<w:p><w:pPr><w:pStyle w:val="Footer" /><w:jc w:val="center" /></w:pPr>'
          '<w:r><w:fldChar w:fldCharType="begin" /></w:r><w:r><w:instrText xml:space="preserve"> PAGE </w:instrText></w:r>'
          '<w:r><w:fldChar w:fldCharType="separate" /></w:r><w:r><w:t>1</w:t></w:r><w:r><w:fldChar w:fldCharType="end" /></w:r>'
          '<w:r><w:t xml:space="preserve"> / </w:t></w:r>'
          '<w:r><w:fldChar w:fldCharType="begin" /></w:r><w:r><w:instrText xml:space="preserve"> NUMPAGES </w:instrText></w:r>'
          '<w:r><w:fldChar w:fldCharType="separate" /></w:r><w:r><w:t>1</w:t></w:r><w:r><w:fldChar w:fldCharType="end" /></w:r>'
          '</w:p></w:ftr>')
FOOTER_STYLE = ('<w:style w:type="paragraph" w:styleId="Footer"><w:name w:val="footer" />'
                '<w:basedOn w:val="Normal" /><w:pPr><w:spacing w:after="0" /></w:pPr>'
                '<w:rPr><w:sz w:val="18" /><w:szCs w:val="18" /></w:rPr></w:style>')
GRID = ''.join(f'<w:{side} w:val="single" w:sz="4" w:space="0" w:color="808080" />'
               for side in ("top", "left", "bottom", "right", "insideH", "insideV"))
SECTION = ('<w:sectPr><w:footerReference w:type="default" r:id="rIdMamoriFooter" />'
           '<w:pgSz w:w="11906" w:h="16838" />'
           '<w:pgMar w:top="1418" w:right="1134" w:bottom="1247" w:left="1134" w:header="851" '
           'w:footer="567" w:gutter="0" /></w:sectPr>')


def docx(src, dst):
    with zipfile.ZipFile(src) as z:
        parts = {n: z.read(n) for n in z.namelist()}
    styles = parts["word/styles.xml"].decode()
    styles = re.sub(r'<w:rFonts w:asciiTheme="minorHAnsi"[^>]*/>', BODY_FONTS, styles)
    styles = re.sub(r'<w:rFonts w:asciiTheme="majorHAnsi"[^>]*/>', HEAD_FONTS, styles)
    styles = styles.replace('<w:sz w:val="24" />\n        <w:szCs w:val="24" />',
                            '<w:sz w:val="21" />\n        <w:szCs w:val="21" />', 1)
    styles = styles.replace('w:eastAsia="en-US"', 'w:eastAsia="ja-JP"', 1)
    # the title block (Subtitle, Author, Date are based on Title or Normal) in the sans faces
    for sid in ("Author", "Date"):
        styles = re.sub(r'(<w:style [^>]*w:styleId="%s">.*?)(</w:style>)' % sid,
                        lambda m: m.group(1) + ("<w:rPr>" + HEAD_FONTS + "</w:rPr>" if "<w:rPr>" not in m.group(1) else "") + m.group(2),
                        styles, count=1, flags=re.S)
    styles = re.sub(r'(<w:style w:type="table" w:default="1" w:styleId="Table">.*?<w:tblPr>)',
                    lambda m: m.group(1) + "<w:tblBorders>" + GRID + "</w:tblBorders>", styles, count=1, flags=re.S)
    styles = styles.replace("</w:styles>", FOOTER_STYLE + "</w:styles>")
    parts["word/styles.xml"] = styles.encode()
    document = parts["word/document.xml"].decode()
    document = document.replace("<w:sectPr />", SECTION)
    parts["word/document.xml"] = document.encode()
    parts["word/footer1.xml"] = FOOTER.encode()
    rels = parts["word/_rels/document.xml.rels"].decode()
    rels = rels.replace("</Relationships>",
                        '<Relationship Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/footer" '
                        'Id="rIdMamoriFooter" Target="footer1.xml" /></Relationships>')
    parts["word/_rels/document.xml.rels"] = rels.encode()
    types = parts["[Content_Types].xml"].decode()
    types = types.replace("</Types>", '<Override PartName="/word/footer1.xml" ContentType='
                          '"application/vnd.openxmlformats-officedocument.wordprocessingml.footer+xml" /></Types>')
    parts["[Content_Types].xml"] = types.encode()
    write(dst, parts)


ODT_FACES = "".join(f'<style:font-face style:name="{n}" svg:font-family="\'{n}\'" style:font-family-generic="{g}" '
                    'style:font-pitch="variable" />'
                    for n, g in ((SERIF, "roman"), (SANS, "swiss"), (MINCHO, "roman"), (GOTHIC, "swiss")))


def odt(src, dst):
    with zipfile.ZipFile(src) as z:
        parts = {n: z.read(n) for n in z.namelist()}
    styles = parts["styles.xml"].decode()
    styles = styles.replace("<office:font-face-decls>", "<office:font-face-decls>" + ODT_FACES, 1)
    # body: serif + mincho, 10.5 pt, Japanese as the Asian language
    styles = re.sub(r'(<style:default-style style:family="paragraph">.*?)style:font-name="Times New Roman" fo:font-size="12pt"',
                    r'\1style:font-name="%s" fo:font-size="10.5pt"' % SERIF, styles, count=1, flags=re.S)
    styles = re.sub(r'(<style:default-style style:family="paragraph">.*?)style:font-name-asian="Lucida Sans Unicode"\s*'
                    r'style:font-size-asian="12pt" style:language-asian="zxx"\s*style:country-asian="none"',
                    r'\1style:font-name-asian="%s" style:font-size-asian="10.5pt" style:language-asian="ja" '
                    r'style:country-asian="JP"' % MINCHO, styles, count=1, flags=re.S)
    # headings and the title block: sans + gothic
    styles = re.sub(r'(<style:style style:name="Heading" .*?)style:font-name="Arial"(.*?)style:font-name-asian="Lucida Sans Unicode"',
                    r'\1style:font-name="%s"\2style:font-name-asian="%s"' % (SANS, GOTHIC), styles, count=1, flags=re.S)
    # A4, 25/22/20 mm margins
    styles = re.sub(r'fo:page-width="8.5in"\s*fo:page-height="11in"', 'fo:page-width="21cm" fo:page-height="29.7cm"', styles)
    styles = re.sub(r'fo:margin-top="1in"\s*fo:margin-bottom="1in" fo:margin-left="1in"\s*fo:margin-right="1in"',
                    'fo:margin-top="2.5cm" fo:margin-bottom="1.6cm" fo:margin-left="2cm" fo:margin-right="2cm"', styles)
    parts["styles.xml"] = styles.encode()
    write(dst, parts)


def write(dst, parts):
    with zipfile.ZipFile(dst, "w") as z:
        for name, data in parts.items():
            # an OpenDocument's mimetype comes first and is stored uncompressed
            z.writestr(name, data, zipfile.ZIP_STORED if name == "mimetype" else zipfile.ZIP_DEFLATED)


for ext, fix in (("docx", docx), ("odt", odt)):
    src = f"/tmp/mamori-default-reference.{ext}"
    subprocess.run(["pandoc", "-o", src, "--print-default-data-file", f"reference.{ext}"], check=True)
    fix(src, f"reference.{ext}")
