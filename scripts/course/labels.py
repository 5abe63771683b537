"""Words the generated parts of pages use, in each language (content words live in the content files)."""

from __future__ import annotations

LABELS: dict[str, dict[str, str]] = {
    "zh": {
        "trainer": "培训者提示",
        "quiz_intro": "共 {n} 题。选好答案后点“核对答案”即可看到对错和解析；作答记录只保存在本机浏览器中。",
        "type_single": "单选",
        "type_multiple": "多选",
        "type_truefalse": "判断",
        "question": "第 {n} 题",
        "true": "正确",
        "false": "错误",
        "check": "核对答案",
        "reset": "重新作答",
        "show_answer": "查看答案与解析",
        "correct_answer": "正确答案：",
        "back_to_section": "回到讲稿中讲解这一点的部分",
        "lecture": "讲次",
        "questions": "题数",
        "progress": "本机作答情况",
        "progress_nojs": "需要启用 JavaScript 才能显示本机作答情况。",
        "minutes": "{n} 分钟",
        "coming": "编写中",
        "key_answer": "答案：",
        "key_section": "讲稿位置：",
        "result": "产出：",
        "flow_title": "流程图",
        "flow_caption": "流程图：与上面的编号步骤一一对应。",
        "source": "来源：",
        "see": "相关讲座",
        "teaching_time": "教学时长：",
        "aliases": "也称：",
        "objectives": "学习目标",
        "slide_summary": "幻灯片摘要（演示时投影这几点，本节正文进入讲者备注）",
        "notes_for": "“{section}”一节",
    },
    "en": {
        "trainer": "Trainer notes",
        "quiz_intro": "{n} questions. Choose your answer and press “Check answer” to see whether it is right "
        "and why; your answers are kept only in this browser.",
        "type_single": "single choice",
        "type_multiple": "multiple choice",
        "type_truefalse": "true or false",
        "question": "Question {n}",
        "true": "True",
        "false": "False",
        "check": "Check answer",
        "reset": "Start again",
        "show_answer": "Show answer and explanation",
        "correct_answer": "Correct answer: ",
        "back_to_section": "Back to the part of the lecture that covers this",
        "lecture": "Lecture",
        "questions": "Questions",
        "progress": "On this device",
        "progress_nojs": "JavaScript is needed to show the progress kept on this device.",
        "minutes": "{n} minutes",
        "coming": "in preparation",
        "key_answer": "Answer: ",
        "key_section": "Taught in: ",
        "result": "Result: ",
        "flow_title": "Flow diagram",
        "flow_caption": "Flow diagram: the same steps as the numbered list above.",
        "source": "Source: ",
        "see": "Lecture",
        "teaching_time": "Teaching time: ",
        "aliases": "Also: ",
        "objectives": "Learning objectives",
        "slide_summary": "Slide summary (projected instead of this section's text, which goes to the speaker notes)",
        "notes_for": "Section “{section}”",
    },
}


def label(lang: str, key: str, **values: object) -> str:
    """The UI word for `key` in `lang` (falls back to Chinese, the default language)."""
    text = LABELS.get(lang, LABELS["zh"]).get(key) or LABELS["zh"][key]
    return text.format(**values) if values else text
