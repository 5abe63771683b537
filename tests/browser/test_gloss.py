"""Glossary marks in running text show the term's definition on hover, keyboard focus and tap; the glossary
page, whose definitions are laid out only near the screen, still lands a link on its term."""

from __future__ import annotations

import re

from playwright.sync_api import Page, expect

from scripts.course.reference import load_reference
from scripts.course.reference_html import sort_terms
from tests.conftest import ROOT, Site, Watch, open_page


def test_hovering_a_mark_shows_its_definition_once_and_leaving_hides_it(site: Site, page: Page, watch: Watch) -> None:
    page.goto(site.url("lectures/lecture-04"))
    mark = page.locator("article abbr.gloss").nth(2)
    definition = mark.get_attribute("title") or ""
    assert len(definition) > 10
    mark.scroll_into_view_if_needed()
    mark.hover()
    tip = page.locator("#gloss-tooltip")
    expect(tip).to_have_text(definition)
    expect(tip).to_have_class("md-tooltip2 md-tooltip2--bottom md-tooltip2--active")
    expect(tip).to_have_attribute("role", "tooltip")
    assert mark.get_attribute("aria-describedby") == "gloss-tooltip"
    assert mark.get_attribute("title") is None  # no native tooltip on top of it
    box, text = tip.locator(".md-tooltip2__inner").bounding_box(), mark.bounding_box()
    assert box and text and box["y"] >= text["y"] + text["height"]  # below the term, as Material places it
    page.mouse.move(1, 1)
    expect(tip).to_have_count(0)
    assert mark.get_attribute("title") == definition and mark.get_attribute("aria-describedby") is None
    assert page.locator(".md-tooltip2").count() == 0 and watch.errors == []


def test_tapping_a_mark_on_a_phone_shows_its_definition_and_escape_hides_it(site: Site, browser: object) -> None:
    watch = Watch([], [])
    page = open_page(browser, watch, viewport={"width": 360, "height": 740}, is_mobile=True, has_touch=True)
    page.goto(site.url("en/reference/faq"))
    mark = page.locator("article abbr.gloss").first
    definition = mark.get_attribute("title") or ""
    mark.scroll_into_view_if_needed()
    mark.tap()
    tip = page.locator("#gloss-tooltip")
    expect(tip).to_have_text(definition)
    box = tip.locator(".md-tooltip2__inner").bounding_box()
    assert box and box["x"] >= 0 and box["x"] + box["width"] <= 360  # on the screen
    page.keyboard.press("Escape")
    expect(tip).to_have_count(0)
    page.context.close()
    assert watch.errors == []


def test_a_keyboard_user_reads_each_definition_on_focus(site: Site, page: Page) -> None:
    page.goto(site.url("procedures/proposals"))
    first, second = page.locator("article abbr.gloss").nth(0), page.locator("article abbr.gloss").nth(1)
    definitions = [first.get_attribute("title"), second.get_attribute("title")]
    tip = page.locator("#gloss-tooltip")
    first.focus()
    expect(tip).to_have_text(definitions[0] or "")
    second.focus()
    expect(tip).to_have_text(definitions[1] or "")
    assert first.get_attribute("title") == definitions[0]
    page.evaluate("document.activeElement.blur()")
    expect(tip).to_have_count(0)


def test_a_link_to_a_late_term_lands_on_it_with_its_definition_shown(site: Site, browser: object) -> None:
    watch = Watch([], [])
    page = open_page(browser, watch, viewport={"width": 360, "height": 740}, is_mobile=True)
    anchor = sort_terms(load_reference(ROOT).terms, "zh")[-1].anchor
    page.goto(site.url("reference/glossary") + f"#{anchor}")
    expect(page.locator(f"#{anchor}")).to_be_in_viewport()
    definition = page.locator(f"#{anchor} + p")
    expect(definition).to_be_visible()
    assert definition.evaluate("p => p.getBoundingClientRect().height > 0 && p.innerText.length > 10")
    page.context.close()
    assert watch.errors == []


def test_a_mark_on_a_slide_shows_its_definition_over_the_slide(site: Site, page: Page) -> None:
    page.goto(site.url("lectures/lecture-04"))
    page.locator(".trainer-bar__present").click()
    expect(page.locator(".present__counter")).to_have_text(re.compile(r"^1 / "))
    page.keyboard.press("ArrowRight")  # the "why" slide, which has marks
    expect(page.locator(".present__counter")).to_have_text(re.compile(r"^2 / "))
    mark = page.locator(".present__slide abbr.gloss").first
    definition = mark.get_attribute("title") or ""
    mark.hover()
    tip = page.locator(".present #gloss-tooltip")
    expect(tip).to_have_text(definition)
    box, text = tip.locator(".md-tooltip2__inner").bounding_box(), mark.bounding_box()
    assert box and text and text["y"] + text["height"] <= box["y"] <= text["y"] + text["height"] + 40
    expect(tip).to_have_class("md-tooltip2 md-tooltip2--bottom md-tooltip2--active")  # inside the overlay, on top
    expect(tip).to_be_visible()
