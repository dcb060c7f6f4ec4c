#!/usr/bin/env python3
"""Renders plain or seed-format articles as simple saved web pages, to check
that a story read from a page gives the events of its text.

Usage: scripts/render-html.py SRC_DIR OUT_DIR

Each article becomes OUT_DIR/NAME.html (NAME keeps its extension before
.html, so the scorer's article ids still match the gold's after stripping
.html): its paragraphs inside <article>, its publication date as
article:published_time, and a site's chrome around it (navigation, a
"most read" box, a footer) that must not reach the extractor. Then

    python3 ../shared/eval/score.py ../shared/eval/gold/dev.json ../shared/corpus/dev
    python3 ../shared/eval/score.py ../shared/eval/gold/dev.json OUT_DIR

should give the same figures."""
import html, os, sys

src, out = sys.argv[1], sys.argv[2]
os.makedirs(out, exist_ok=True)
for name in sorted(os.listdir(src)):
    text = open(os.path.join(src, name), encoding="utf-8", errors="replace").read()
    date, body = "", text
    stripped = text.lstrip(" \t")
    if stripped.startswith("date "):
        date, body = stripped[5:15], stripped[15:].lstrip(" \t")
    # One paragraph a line: saved texts break paragraphs with one newline.
    paras = "\n".join(f"<p>{html.escape(p.strip())}</p>" for p in body.split("\n") if p.strip())
    meta = f'<meta property="article:published_time" content="{date}T08:00:00+00:00">' if date else ""
    page = f"""<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8">{meta}</head>
<body><nav><a href="/">Home</a> <a href="/world">World</a> <a href="/sport">Sport</a></nav>
<article>
{paras}
</article>
<aside><h3>Most read</h3><ul><li><a href="/a">Leaders meet in Paris on Monday</a></li></ul></aside>
<footer>&copy; Wire</footer></body></html>
"""
    open(os.path.join(out, name + ".html"), "w", encoding="utf-8").write(page)
