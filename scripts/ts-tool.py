#!/usr/bin/env python3
"""Small helper for the .ts files, after `cmake --build build/default --target update_translations`.

  ts-tool.py list              the Chinese strings still unfinished, one per line (source text)
  ts-tool.py apply FILE.tsv    fill them: each line "source<TAB>translation" (\\n and \\t escaped)
  ts-tool.py finish-en         mark every English string finished (English needs no translation)
  ts-tool.py reuse OLD.ts...   fill unfinished strings with the translation the same source has in
                               other .ts files (an older version, another branch): after a merge or a move

Edits the files in lupdate's own format, so a later update_translations leaves them as they are.
"""
import html
import re
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent / "translations"
ZH = ROOT / "socketlab_zh_CN.ts"
EN = ROOT / "socketlab_en.ts"
# A message not yet translated; group 4 is empty, or empty <numerusform> tags (a "%n" message).
UNFINISHED = re.compile(r'(<source>)([^<]*)(</source>\s*(?:<comment>[^<]*</comment>\s*)?)<translation type="unfinished">(.*?)</translation>', re.S)
# A message with its translation, finished or not; group 2 is the translation's inside.
TRANSLATED = re.compile(r'<source>([^<]*)</source>\s*(?:<comment>[^<]*</comment>\s*)?<translation(?: type="[a-z]+")?>(.*?)</translation>', re.S)


def has_text(inside):
    return re.sub(r"<[^>]*>", "", inside).strip() != ""


def translated(m, inside):
    """The unfinished message m with `inside` as its translation, in the shape m needs."""
    if "<numerusform>" in m.group(4) and "<numerusform>" not in inside:
        inside = "\n            <numerusform>" + inside + "</numerusform>\n        "
    return m.group(1) + m.group(2) + m.group(3) + "<translation>" + inside + "</translation>"


def language_file(ts_text):
    """The file of ours in the language of another .ts file (by its <TS language=...>)."""
    return EN if 'language="en' in ts_text[:400] else ZH


def unescape(text):
    return html.unescape(text)


def escape(text):
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace('"', "&quot;").replace("'", "&apos;")


def main():
    if len(sys.argv) < 2:
        sys.exit(__doc__)
    command = sys.argv[1]
    if command == "list":
        for m in UNFINISHED.finditer(ZH.read_text(encoding="utf-8")):
            print(unescape(m.group(2)).replace("\n", "\\n").replace("\t", "\\t"))
    elif command == "apply":
        table = {}
        for line in Path(sys.argv[2]).read_text(encoding="utf-8").splitlines():
            if "\t" in line:
                source, translation = line.split("\t", 1)
                unesc = lambda s: s.replace("\\n", "\n").replace("\\t", "\t")
                table[unesc(source)] = unesc(translation)
        text = ZH.read_text(encoding="utf-8")
        missing = []

        def fill(m):
            source = unescape(m.group(2))
            if source not in table:
                missing.append(source)
                return m.group(0)
            return translated(m, escape(table[source]))

        ZH.write_text(UNFINISHED.sub(fill, text), encoding="utf-8")
        for source in missing:
            print("still unfinished:", source.replace("\n", "\\n"))
    elif command == "reuse":
        known = {ZH: {}, EN: {}}
        for old in sys.argv[2:]:
            text = Path(old).read_text(encoding="utf-8")
            for m in TRANSLATED.finditer(text):
                if has_text(m.group(2)):
                    known[language_file(text)].setdefault(m.group(1), m.group(2))
        count = [0]
        for target, table in known.items():
            def reuse(m):
                if m.group(2) in table:
                    count[0] += 1
                    return translated(m, table[m.group(2)])
                return m.group(0)

            target.write_text(UNFINISHED.sub(reuse, target.read_text(encoding="utf-8")), encoding="utf-8")
        print(f"reused {count[0]} translations")
    elif command == "finish-en":
        text = EN.read_text(encoding="utf-8")
        EN.write_text(text.replace('<translation type="unfinished"></translation>', "<translation></translation>"), encoding="utf-8")
    else:
        sys.exit(__doc__)


if __name__ == "__main__":
    main()
