"""Write a lecture's slides (read from the presentation, `slide_deck.py`) as an editable 16:9 .pptx.

Trainers present from the training room's own computer with PowerPoint or WPS. Every run of text
names an East Asian font that Windows and WPS have (微软雅黑 / Microsoft YaHei) in `a:ea`, with the
GB2312 character set as the fallback hint, so Chinese never falls back to a font without CJK glyphs;
Latin text is Arial. Speaker notes go to the notes pane; a quiz question is one slide and its answer
with the explanation the next. The same deck data always gives the same bytes: fixed document
properties (the commit time), fixed zip entry times, and python-pptx's own sequential shape ids.
"""

from __future__ import annotations

import datetime as dt
import io
import time
import zipfile
from pathlib import Path

from lxml import etree
from pptx import Presentation
from pptx.dml.color import RGBColor
from pptx.enum.shapes import MSO_SHAPE
from pptx.enum.text import MSO_ANCHOR, PP_ALIGN
from pptx.oxml.ns import qn
from pptx.util import Emu, Inches, Pt

from .slide_deck import Block, Deck, Slide

WIDTH, HEIGHT = Inches(13.333), Inches(7.5)  # 16:9
LATIN = "Arial"
EAST_ASIAN = "Microsoft YaHei"  # 微软雅黑: on every Windows since Vista and in WPS
EAST_ASIAN_CHARSET = "-122"  # GB2312: Office and WPS substitute another Chinese font if YaHei is missing
# The course's colours (overrides/assets/course/course.css): a dark red for 4.5:1 contrast.
RED = RGBColor(0xB7, 0x1C, 0x1C)
DARK_RED = RGBColor(0x8E, 0x15, 0x15)
TEXT = RGBColor(0x22, 0x22, 0x22)
GREY = RGBColor(0x66, 0x66, 0x66)
WHITE = RGBColor(0xFF, 0xFF, 0xFF)
PT_PER_PX = 7.5 * 72 / 1080 * 0.92  # the presentation's px at 1080 lines -> pt on a 7.5-inch slide, with a margin
LABELS = {"zh": {"answer": "答案与解析", "quiz": "自测题"}, "en": {"answer": "Answer and explanation", "quiz": "Self-test"}}


def style_run(run: object, size: float, bold: bool = False, color: RGBColor = TEXT, lang: str = "zh") -> None:
    """Size, weight, colour and the three fonts of one run (Latin, East Asian, complex script)."""
    font = run.font  # type: ignore[attr-defined]
    font.size = Pt(round(size, 1))
    font.bold = bold
    font.color.rgb = color
    font.name = LATIN
    rpr = run._r.get_or_add_rPr()  # type: ignore[attr-defined]
    rpr.set("lang", "zh-CN" if lang == "zh" else "en-GB")
    rpr.set("altLang", "en-US")
    latin = rpr.find(qn("a:latin"))
    for tag, face in (("a:cs", LATIN), ("a:ea", EAST_ASIAN)):  # a:ea goes right after a:latin, then a:cs
        element = etree.SubElement(rpr, qn(tag))
        element.set("typeface", face)
        if tag == "a:ea":
            element.set("charset", EAST_ASIAN_CHARSET)
        latin.addnext(element)


def text_box(slide: object, left: int, top: int, width: int, height: int, anchor: MSO_ANCHOR = MSO_ANCHOR.TOP) -> object:
    box = slide.shapes.add_textbox(left, top, width, height)  # type: ignore[attr-defined]
    frame = box.text_frame
    frame.word_wrap = True
    frame.vertical_anchor = anchor
    frame.margin_left = frame.margin_right = Inches(0.05)
    body = frame._txBody.find(qn("a:bodyPr"))
    etree.SubElement(body, qn("a:normAutofit"))  # PowerPoint and WPS shrink text that a trainer's edit makes too long
    return frame


def add_paragraph(frame: object, text: str, size: float, *, bold: bool = False, color: RGBColor = TEXT,
                  lang: str = "zh", level: int = 0, space_after: float = 0.35, align: PP_ALIGN | None = None) -> None:
    paragraphs = frame.paragraphs  # type: ignore[attr-defined]
    paragraph = paragraphs[0] if len(paragraphs) == 1 and not paragraphs[0].runs else frame.add_paragraph()  # type: ignore[attr-defined]
    paragraph.space_after = Pt(size * space_after)
    if level:
        paragraph.level = min(level, 4)
    if align is not None:
        paragraph.alignment = align
    run = paragraph.add_run()
    run.text = text
    style_run(run, size, bold, color, lang)


def block_text(block: Block) -> str:
    """A block as one line of text: lists get their bullet or number, table rows their cells."""
    if block.kind == "table":
        return "\n".join("｜".join(row) for row in block.rows)
    if block.kind == "li":
        return (f"{block.number}. " if block.number is not None else "• ") + block.text
    return block.text


def add_blocks(frame: object, blocks: list[Block], size: float, lang: str) -> None:
    for block in blocks:
        if block.kind == "table":
            for number, row in enumerate(block.rows):
                add_paragraph(frame, "｜".join(row), size * 0.9, bold=number == 0, lang=lang, space_after=0.2)
            continue
        indent = "    " * block.level
        add_paragraph(frame, indent + block_text(block), size, bold=block.bold, lang=lang)


def rectangle(slide: object, left: int, top: int, width: int, height: int, color: RGBColor) -> None:
    shape = slide.shapes.add_shape(MSO_SHAPE.RECTANGLE, left, top, width, height)  # type: ignore[attr-defined]
    shape.fill.solid()
    shape.fill.fore_color.rgb = color
    shape.line.fill.background()
    shape.shadow.inherit = False


def footer(slide: object, text: str, number: int, lang: str, light: bool = False) -> None:
    color = WHITE if light else GREY
    frame = text_box(slide, Inches(0.6), Inches(6.95), Inches(10.5), Inches(0.4), MSO_ANCHOR.MIDDLE)
    add_paragraph(frame, text, 11, color=color, lang=lang)
    frame = text_box(slide, Inches(11.4), Inches(6.95), Inches(1.35), Inches(0.4), MSO_ANCHOR.MIDDLE)
    add_paragraph(frame, str(number), 11, color=color, lang=lang, align=PP_ALIGN.RIGHT)


def notes(slide: object, blocks: list[Block], lang: str) -> None:
    if not blocks:
        return
    frame = slide.notes_slide.notes_text_frame  # type: ignore[attr-defined]
    for block in blocks:
        add_paragraph(frame, "    " * block.level + block_text(block), 12, bold=block.bold, lang=lang, space_after=0.2)


def title_slide(prs: Presentation, slide_data: Slide, stamp: str, lang: str, number: int) -> None:
    slide = prs.slides.add_slide(prs.slide_layouts[6])
    rectangle(slide, 0, 0, WIDTH, Inches(3.3), RED)
    frame = text_box(slide, Inches(0.8), Inches(0.5), Inches(11.7), Inches(2.7), MSO_ANCHOR.BOTTOM)
    add_paragraph(frame, stamp, 16, color=WHITE, lang=lang)
    if slide_data.kicker:
        add_paragraph(frame, slide_data.kicker, 24, color=WHITE, lang=lang, space_after=0.15)
    add_paragraph(frame, slide_data.title, 36, bold=True, color=WHITE, lang=lang, space_after=0.2)
    if slide_data.meta:
        add_paragraph(frame, slide_data.meta, 18, color=WHITE, lang=lang)
    size = min(20.0, slide_data.font * PT_PER_PX)
    body = text_box(slide, Inches(0.8), Inches(3.55), Inches(11.7), Inches(3.3))
    add_blocks(body, slide_data.blocks, size, lang)
    footer(slide, stamp, number, lang)
    notes(slide, slide_data.notes, lang)


def content_slide(prs: Presentation, kicker: str, title: str, blocks: list[Block], size: float, title_size: float,
                  note_blocks: list[Block], stamp: str, lang: str, number: int) -> object:
    slide = prs.slides.add_slide(prs.slide_layouts[6])
    rectangle(slide, 0, 0, WIDTH, Inches(0.16), RED)
    top = Inches(0.35)
    if kicker:
        frame = text_box(slide, Inches(0.6), top, Inches(12.1), Inches(0.45), MSO_ANCHOR.MIDDLE)
        add_paragraph(frame, kicker, 16, color=RED, lang=lang)
        top += Inches(0.45)
    frame = text_box(slide, Inches(0.6), top, Inches(12.1), Inches(0.95), MSO_ANCHOR.MIDDLE)
    add_paragraph(frame, title, title_size, bold=True, color=DARK_RED, lang=lang)
    top += Inches(1.05)
    body = text_box(slide, Inches(0.6), top, Inches(12.1), Emu(Inches(6.85) - top))
    add_blocks(body, blocks, size, lang)
    footer(slide, stamp, number, lang)
    notes(slide, note_blocks, lang)
    return slide


def build_presentation(deck: Deck, lang: str, stamp: str, when: dt.datetime) -> Presentation:
    """The deck as a python-pptx Presentation: title slide, content slides, each quiz question then its answer."""
    prs = Presentation()
    prs.slide_width, prs.slide_height = WIDTH, HEIGHT
    words = LABELS[lang]
    number = 0
    for item in deck.slides:
        number += 1
        body_size = max(12.0, item.font * PT_PER_PX)
        title_size = min(30.0, max(20.0, item.title_font * PT_PER_PX)) if item.title_font else 28.0
        if item.kind == "title":
            title_slide(prs, item, stamp, lang, number)
        elif item.quiz is not None:
            quiz = item.quiz
            question = [Block("p", quiz.stem, bold=True)] + [Block("p", option) for option in quiz.options]
            content_slide(prs, item.kicker or words["quiz"], quiz.label, question, body_size, title_size,
                          item.notes, stamp, lang, number)
            number += 1
            answer = [Block("p", quiz.answer, bold=True)] + ([Block("p", quiz.explanation)] if quiz.explanation else [])
            content_slide(prs, item.kicker or words["quiz"], f"{quiz.label} · {words['answer']}", answer,
                          min(body_size, 20.0), title_size, item.notes, stamp, lang, number)
        else:
            content_slide(prs, item.kicker, item.title, item.blocks, body_size, title_size, item.notes, stamp,
                          lang, number)
    props = prs.core_properties
    props.author = props.last_modified_by = ""
    props.title = deck.slides[0].title if deck.slides else ""
    props.created = props.modified = when
    props.last_printed = when
    props.revision = 1
    props.language = "zh-CN" if lang == "zh" else "en-GB"
    return prs


def reproducible(data: bytes, stamp: int) -> bytes:
    """The same package with every zip entry at the commit time (python-pptx stamps the current time)."""
    date_time = time.gmtime(max(stamp, 315532800))[:6]
    source = zipfile.ZipFile(io.BytesIO(data))
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", compression=zipfile.ZIP_DEFLATED) as target:
        for info in source.infolist():  # python-pptx's order: [Content_Types].xml first, as Office expects
            entry = zipfile.ZipInfo(info.filename, date_time=date_time)
            entry.compress_type = zipfile.ZIP_DEFLATED
            entry.external_attr = 0o644 << 16
            entry.create_system = 3
            target.writestr(entry, source.read(info.filename))
    return out.getvalue()


def write_deck(deck: Deck, target: Path, lang: str, stamp_text: str, stamp: int) -> int:
    """Write `target`; returns its size in bytes."""
    when = dt.datetime.fromtimestamp(max(stamp, 315532800), dt.UTC).replace(tzinfo=None)
    buffer = io.BytesIO()
    build_presentation(deck, lang, stamp_text, when).save(buffer)
    data = reproducible(buffer.getvalue(), stamp)
    target.parent.mkdir(parents=True, exist_ok=True)
    target.write_bytes(data)
    return len(data)
