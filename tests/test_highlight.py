"""The Articles page's HTML of one article: its text escaped, mentions and quotes marked at their offsets."""
from html.parser import HTMLParser

import pandas as pd

from analytics.highlight import escape, highlight

TEXT = 'Union leader Grace Okafor said: "The strike goes on." Okafor met Lars Lindqvist.\nTalks resume.'


def mentions(*rows) -> pd.DataFrame:
    return pd.DataFrame(rows, columns=["start", "end", "actor"])


def quotes(*rows) -> pd.DataFrame:
    return pd.DataFrame(rows, columns=["quote_id", "start", "end", "speaker"])


def span(text: str, words: str, after: int = 0) -> tuple[int, int]:
    start = text.index(words, after)
    return start, start + len(words)


class Tags(HTMLParser):
    """The tags of an HTML fragment in order, and the text between them, checking that they nest."""

    def __init__(self, fragment: str):
        super().__init__(convert_charrefs=True)
        self.open: list[str] = []
        self.starts: list[tuple[str, dict]] = []
        self.text = ""
        self.marked: list[tuple[str, str]] = []  # (tag, the text it holds)
        self._held: list[int] = []
        self.feed(fragment)
        self.close()
        assert not self.open, f"left open: {self.open}"

    def handle_starttag(self, tag, attrs):
        self.starts.append((tag, dict(attrs)))
        if tag != "br":
            self.open.append(tag)
            self._held.append(len(self.text))
        else:
            self.text += "\n"

    def handle_endtag(self, tag):
        assert self.open and self.open[-1] == tag, f"</{tag}> closes {self.open}"
        self.open.pop()
        self.marked.append((tag, self.text[self._held.pop():]))

    def handle_data(self, data):
        self.text += data


def test_the_text_comes_back_whole_with_each_mark_around_its_own_offsets():
    okafor, lindqvist = span(TEXT, "Grace Okafor"), span(TEXT, "Lars Lindqvist")
    html = highlight(TEXT, mentions((*okafor, "Grace Okafor"), (*lindqvist, "Lars Lindqvist")), quotes())
    tags = Tags(html)
    assert tags.text == TEXT
    assert tags.marked == [("mark", "Grace Okafor"), ("mark", "Lars Lindqvist")]
    assert [attrs["title"] for tag, attrs in tags.starts if tag == "mark"] == ["Grace Okafor", "Lars Lindqvist"]
    assert "<br>" in html and "\n" not in html  # line breaks are shown as breaks


def test_nothing_to_mark_gives_the_escaped_text():
    assert highlight("A & B <i>", mentions(), quotes()) == "A &amp; B &lt;i&gt;"


def test_hostile_text_names_and_speakers_stay_text():
    text = 'Hi <script>alert(1)</script> <img src=x onerror=alert(2)> "x" & done'
    attack = '"><script>alert(3)</script>'
    html = highlight(text, mentions((0, 2, attack)), quotes(('q1" onmouseover="alert(4)', 3, 29, attack)))
    assert "<script" not in html and "<img" not in html and 'onmouseover="' not in html
    tags = Tags(html)
    assert tags.text == text  # every character of the article still there, as text
    assert [tag for tag, _ in tags.starts] == ["mark", "span"]  # the only elements are the highlighter's own
    assert tags.starts[0][1] == {"title": attack}
    assert tags.starts[1][1] == {"class": "quote", "id": 'q1" onmouseover="alert(4)', "title": attack}


def test_a_mention_inside_a_quote_nests_in_it():
    words = span(TEXT, '"The strike goes on."')
    inner = span(TEXT, "strike")
    html = highlight(TEXT, mentions((*inner, "Strike")), quotes(("q1", *words, "Grace Okafor")))
    tags = Tags(html)
    assert tags.text == TEXT
    assert tags.marked == [("mark", "strike"), ("span", '"The strike goes on."')]


def test_a_mention_ending_a_quote_closes_inside_it():
    start, end = span(TEXT, "Okafor met Lars Lindqvist")
    lindqvist = span(TEXT, "Lars Lindqvist")
    html = highlight(TEXT, mentions((*lindqvist, "Lars Lindqvist")), quotes(("q1", start, end, "Grace Okafor")))
    assert html.count("Lars Lindqvist</mark></span>") == 1
    tags = Tags(html)
    assert tags.marked == [("mark", "Lars Lindqvist"), ("span", "Okafor met Lars Lindqvist")]


def test_a_mention_crossing_a_quote_s_end_is_split_so_both_show_whole():
    quote = span(TEXT, '"The strike goes on."')
    crossing = (quote[1] - 3, quote[1] + 7)  # 'on." Okafor'[...]
    html = highlight(TEXT, mentions((*crossing, "Grace Okafor")), quotes(("q1", *quote, "Grace Okafor")))
    tags = Tags(html)  # checks that the tags nest
    assert tags.text == TEXT
    assert ("span", TEXT[quote[0]:quote[1]]) in tags.marked
    assert "".join(held for tag, held in tags.marked if tag == "mark") == TEXT[crossing[0]:crossing[1]]


def test_a_quote_and_a_mention_starting_at_one_offset_open_quote_first():
    start, end = span(TEXT, "Okafor met Lars Lindqvist")
    html = highlight(TEXT, mentions((start, start + 6, "Grace Okafor")), quotes(("q1", start, end, "Grace Okafor")))
    assert '<span class="quote" id="q1" title="Grace Okafor"><mark title="Grace Okafor">Okafor</mark> met' in html
    assert Tags(html).text == TEXT


def test_marks_that_touch_close_before_the_next_opens():
    first, second = (0, 5), (5, 12)  # "Union", " leader"
    html = highlight(TEXT, mentions((*first, "A"), (*second, "B")), quotes())
    assert html.startswith('<mark title="A">Union</mark><mark title="B"> leader</mark>')


def test_the_followed_quote_is_outlined_and_a_missing_speaker_named_unknown():
    one, two = span(TEXT, '"The strike goes on."'), span(TEXT, "Talks resume.")
    three = span(TEXT, "Union leader")
    table = quotes(("q0", *three, None), ("q1", *one, ""), ("q2", *two, "Lars Lindqvist"))
    html = highlight(TEXT, mentions(), table, focus="q2")
    spans = [attrs for tag, attrs in Tags(html).starts if tag == "span"]
    assert spans == [{"class": "quote", "id": "q0", "title": "unknown speaker"},
                     {"class": "quote", "id": "q1", "title": "unknown speaker"},
                     {"class": "quote focus", "id": "q2", "title": "Lars Lindqvist"}]


def test_an_empty_span_marks_nothing():
    assert highlight("A B", mentions((1, 1, "Nobody")), quotes()) == "A B"


def test_escape_makes_any_value_safe_for_html():
    assert escape('<a href="x">O\'Brien & co</a>') == "&lt;a href=&quot;x&quot;&gt;O&#x27;Brien &amp; co&lt;/a&gt;"
    assert escape(None) == "" and escape(3) == "3"
