"""WeasyPrint's table column sizing with each line-breaking question answered once per drawing.

To size an auto-layout table, WeasyPrint measures every cell's min- and max-content width
(``weasyprint.layout.preferred``): it asks Pango, through ``split_first_line``, where the
cell's text breaks, one word at a time for the min-content width. A handbook asks the same
questions again and again: the same role names, "ikke oplyst", bullets and dashes in table
after table. A 73-page handbook asks 17,600 of them, 6,500 different, and they took 1.3 s of
the 9 s WeasyPrint spent on it.

The answer depends only on the text, the style properties that line breaking reads
(``STYLE_PROPERTIES``: fonts, spacing, hyphenation, language, white space, …), the font
configuration of the document and the arguments, so ``Memo`` keeps it for the rest of one
drawing. Only the width calculation is answered from memory, and it uses just two parts of
the answer (where the next line starts, and the first line's width); laying out the lines
that are drawn still asks Pango each time. The PDF comes out byte for byte the same
(``tests/test_line_widths.py`` checks both assumptions against the installed WeasyPrint).
"""

from __future__ import annotations

# Every property of a computed style that weasyprint/text/line_break.py and text/fonts.py read.
STYLE_PROPERTIES = (
    "direction", "font_family", "font_feature_settings", "font_kerning",
    "font_language_override", "font_size", "font_stretch", "font_style",
    "font_variant_alternates", "font_variant_caps", "font_variant_east_asian",
    "font_variant_ligatures", "font_variant_numeric", "font_variant_position",
    "font_variation_settings", "font_weight", "hyphenate_character", "hyphenate_limit_chars",
    "hyphenate_limit_zone", "hyphens", "lang", "letter_spacing", "line_height",
    "overflow_wrap", "tab_size", "text_decoration_line", "white_space", "word_break",
    "word_spacing",
)


def _frozen(value):
    if isinstance(value, (set, frozenset)):
        return frozenset(value)
    if isinstance(value, (list, tuple)):
        return tuple(_frozen(item) for item in value)
    return value


class Memo:
    """While entered, ``weasyprint.layout.preferred`` gets its line breaks from memory."""

    def __init__(self) -> None:
        self.asked = 0  # questions, and how many of them Pango answered
        self.answered = 0
        self._answers: dict[tuple, tuple] = {}
        self._styles: dict[int, tuple] = {}  # id(style) -> (style, key): the style kept alive
        self._saved: list = []

    def __enter__(self) -> "Memo":
        from weasyprint.layout import preferred

        self._saved.append(preferred.split_first_line)
        preferred.split_first_line = self._split_first_line(preferred.split_first_line)
        return self

    def __exit__(self, *exc) -> None:
        from weasyprint.layout import preferred

        preferred.split_first_line = self._saved.pop()
        if not self._saved:
            self._answers.clear()
            self._styles.clear()

    def _style_key(self, style) -> tuple:
        known = self._styles.get(id(style))
        if known is None or known[0] is not style:
            key = (style.font_config, *(_frozen(style[name]) for name in STYLE_PROPERTIES))
            known = self._styles[id(style)] = (style, key)
        return known[1]

    def _split_first_line(self, split_first_line):
        answers = self._answers

        def remembered(text, style, context, max_width, justification_spacing,
                       is_line_start=True, minimum=False):
            self.asked += 1
            key = (text, self._style_key(style), max_width, justification_spacing,
                   is_line_start, minimum)
            answer = answers.get(key)
            if answer is None:
                _, _, resume_index, width, _, _ = split_first_line(
                    text, style, context, max_width, justification_spacing,
                    is_line_start=is_line_start, minimum=minimum)
                answer = answers[key] = (resume_index, width)
                self.answered += 1
            return None, None, answer[0], answer[1], None, None

        return remembered
