"""Helpers to write small quiz files and project trees for checker tests."""

from __future__ import annotations

import textwrap
from pathlib import Path

GOOD_QUIZ = """\
quiz: lecture-01
lecture: lecture-01
questions:
  - id: t-q1
    type: single
    section: basics
    stem:
      zh: 第一题题干
      en: First stem
    options:
      - zh: 甲
        en: A one
      - zh: 乙
        en: B one
      - zh: 丙
        en: C one
    answer: 2
    explanation:
      zh: 解析一
      en: Explanation one
  - id: t-q2
    type: multiple
    section: basics
    stem: {zh: 第二题题干, en: Second stem}
    options:
      - {zh: 甲二, en: A two}
      - {zh: 乙二, en: B two}
      - {zh: 丙二, en: C two}
    answer: [1, 3]
    explanation: {zh: 解析二, en: Explanation two}
  - id: t-q3
    type: truefalse
    section: why
    stem: {zh: 第三题题干, en: Third stem}
    answer: false
    explanation: {zh: 解析三, en: Explanation three}
  - id: t-q4
    type: single
    section: basics
    stem: {zh: 第四题题干, en: Fourth stem}
    options:
      - {zh: 甲四, en: A four}
      - {zh: 乙四, en: B four}
    answer: 1
    explanation: {zh: 解析四, en: Explanation four}
"""

LECTURE = """\
---
id: lecture-01
number: 1
title: {title}
teaching_minutes: 45
stage: {stage}
last_reviewed: 2026-11-22
---

## {why} {{ #why }}

{text}

## {objectives} {{ #objectives }}

- one
- two
- three

## 1 {{ #basics }}

{text}

## 2 {{ #more }}

{text}

## 3 {{ #last }}

{text}

## Case {{ #case }}

{text}

## Discussion {{ #discussion }}

1. a
2. b
3. c

## Key points {{ #key-points }}

- a
- b
- c

/// trainer
**45**
///

## Sources {{ #sources }}

- a source

## Quiz {{ #quiz }}

/// quiz | lecture-01
///
"""


def write_project(root: Path, quiz: str = GOOD_QUIZ, stage: str = "draft", zh_text: str = "内容。",
                  en_text: str = "Some text.") -> Path:
    """A minimal project tree (one lecture in both languages, one quiz, one docs page pair)."""
    (root / "lectures").mkdir(parents=True, exist_ok=True)
    (root / "quizzes").mkdir(exist_ok=True)
    (root / "docs").mkdir(exist_ok=True)
    (root / "docs" / "index.md").write_text("# 首页\n", encoding="utf-8")
    (root / "docs" / "index.en.md").write_text("# Home\n", encoding="utf-8")
    (root / "lectures" / "lecture-01.md").write_text(
        LECTURE.format(title="第一讲", stage=stage, why="为什么", objectives="目标", text=zh_text), encoding="utf-8")
    (root / "lectures" / "lecture-01.en.md").write_text(
        LECTURE.format(title="Lecture 1", stage=stage, why="Why", objectives="Objectives", text=en_text),
        encoding="utf-8")
    (root / "quizzes" / "lecture-01.yml").write_text(textwrap.dedent(quiz), encoding="utf-8")
    return root
