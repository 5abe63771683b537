"""Command line: `python -m scripts.course.check [ROOT]` prints every content problem as file:line: message.

With `EDITION=NAME` in the environment (`make check EDITION=NAME`) the county edition
`editions/NAME/` is checked too: its fields, dates, translations, pages and local rules.
"""

from __future__ import annotations

import sys
from pathlib import Path

from .course import load_course
from .local_edition import selected


def main(argv: list[str] | None = None) -> int:
    args = sys.argv[1:] if argv is None else argv
    root = Path(args[0]) if args else Path(__file__).resolve().parents[2]
    course = load_course(root, selected())
    for problem in course.problems:
        print(problem, file=sys.stderr)
    if course.problems:
        print(f"{len(course.problems)} problem(s) found", file=sys.stderr)
        return 1
    questions = sum(len(q.questions) for q in course.quizzes.values())
    print(f"content check: {len(course.lectures)} lectures, {len(course.quizzes)} quizzes, "
          f"{questions} questions, no problems")
    edition = course.edition
    if edition is not None:
        print(f"edition {edition.id} ({edition.committee['zh']}): {len(edition.pages)} pages, "
              f"{len(edition.rules)} of {len(course.local_rules.labels)} local rules set, no problems")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
