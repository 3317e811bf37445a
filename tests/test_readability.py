"""What the pages draw reads well: outcome colours, article titles in quote tables, few dates, the network's labels
(issues 17 and 18, readability). Driven by Streamlit's AppTest; the browser tests look at the drawn result."""
from __future__ import annotations

import html
import json

from .test_dashboard import ONE, app, deferred_downloads, outcome_names  # noqa: F401 (a fixture)


def specs(at) -> list[dict]:
    return [json.loads(c.proto.spec) for c in at.get("plotly_chart")]


def outcome_traces(spec: dict) -> dict[str, str]:
    """Outcome label -> the colour its trace is drawn in, for a chart with one trace per outcome."""
    names = set(outcome_names().values())
    out = {}
    for trace in spec["data"]:
        name = html.unescape(trace.get("name") or "")
        if name in names:
            out[name] = (trace.get("line") or {}).get("color") or (trace.get("marker") or {}).get("color")
    return out


def lab(hex_colour: str) -> tuple[float, float, float]:
    """CIE L*a*b* of an sRGB colour, to tell how far apart two colours look."""
    rgb = [int(hex_colour.lstrip("#")[i:i + 2], 16) / 255 for i in (0, 2, 4)]
    lin = [c / 12.92 if c <= 0.04045 else ((c + 0.055) / 1.055) ** 2.4 for c in rgb]
    x = (0.4124 * lin[0] + 0.3576 * lin[1] + 0.1805 * lin[2]) / 0.95047
    y = 0.2126 * lin[0] + 0.7152 * lin[1] + 0.0722 * lin[2]
    z = (0.0193 * lin[0] + 0.1192 * lin[1] + 0.9505 * lin[2]) / 1.08883
    f = [t ** (1 / 3) if t > 0.008856 else 7.787 * t + 16 / 116 for t in (x, y, z)]
    return 116 * f[1] - 16, 500 * (f[0] - f[1]), 200 * (f[1] - f[2])


def apart(a: str, b: str) -> float:
    return sum((p - q) ** 2 for p, q in zip(lab(a), lab(b))) ** 0.5


def test_each_outcome_has_one_colour_on_every_page_and_no_two_outcomes_look_alike():
    from app_pages.display import STANCE_COLORS

    at = app()
    at.run()
    at.switch_page("app_pages/stance.py").run()
    assert not at.exception, [e.value for e in at.exception]
    trend = next(outcome_traces(s) for s in specs(at) if len(outcome_traces(s)) > 2)
    at.switch_page("app_pages/timeline.py").run()
    assert not at.exception, [e.value for e in at.exception]
    per_outcome = [outcome_traces(s) for s in specs(at) if len(outcome_traces(s)) > 2]
    assert len(per_outcome) == 2  # quotes per outcome, mean stance
    for chart in per_outcome:
        assert {k: chart[k] for k in trend if k in chart} == {k: trend[k] for k in chart if k in trend}
    colours = list(trend.values())
    assert len(set(colours)) == len(colours) >= 5
    # Distinct to the eye (CIE76 distance; two dark blues side by side were about 10 apart), and apart from
    # the colours of favor, against and neutral.
    assert min(apart(a, b) for i, a in enumerate(colours) for b in colours[i + 1:]) > 20
    assert min(apart(a, s) for a in colours for s in STANCE_COLORS.values()) > 15


def test_an_outcome_keeps_its_colour_when_the_view_holds_fewer_outcomes():
    at = app()
    at.run()
    at.switch_page("app_pages/stance.py").run()
    every = next(outcome_traces(s) for s in specs(at) if len(outcome_traces(s)) > 2)
    at = app(outcomes=["peace_deal"])
    at.run()
    at.switch_page("app_pages/stance.py").run()
    assert not at.exception, [e.value for e in at.exception]
    one = next(outcome_traces(s) for s in specs(at) if outcome_traces(s))
    label = outcome_names()["peace_deal"]
    assert one == {label: every[label]}


def shown_columns(frame) -> list[str]:
    """The columns a grid draws, in order: its column_order when it sets one, else every column."""
    return list(frame.proto.column_order) or list(frame.value.columns)


def test_the_quotes_page_and_every_drill_down_name_each_quote_s_article_by_its_title(deferred_downloads):
    import io

    from analytics.export import read_csv

    at = app(articles=ONE)
    at.run()
    at.switch_page("app_pages/quotes.py").run()
    assert not at.exception, [e.value for e in at.exception]
    frame = at.dataframe[0]
    columns = shown_columns(frame)
    assert "article" in columns and "article_id" not in columns  # the title on screen, the id in the CSV only
    assert columns.index("place") < columns.index("article") < columns.index("kind")  # the link, then its article
    (title,) = set(frame.value["article"])
    assert title and title != ONE and len(title) <= 41
    assert set(read_csv(io.BytesIO(deferred_downloads["quotes.csv"]()))["article_id"]) == {ONE}
    # The drill-downs: a stance cell's quotes, a click's quotes.
    at.switch_page("app_pages/stance.py").run()
    cell = next(d for d in at.dataframe if "place" in d.value.columns)
    assert "article" in shown_columns(cell) and "article_id" not in shown_columns(cell)
    assert set(cell.value["article"]) == {title}
    at = app(articles=ONE, drill=["top-actors", "speaker:Donald Trump"])
    at.run()
    behind = next(d for d in at.dataframe if "place" in d.value.columns)
    assert set(behind.value["article"]) == {title} and "article_id" not in shown_columns(behind)


def test_a_timeline_of_few_dates_has_a_tick_at_each_date_and_nothing_between():
    at = app()
    at.run()
    at.switch_page("app_pages/timeline.py").run()
    assert not at.exception, [e.value for e in at.exception]
    charts = [s for s in specs(at) if s["data"]]
    assert len(charts) == 3  # mentions, quotes per outcome, mean stance
    dates = None
    for spec in charts:
        axis = spec["layout"]["xaxis"]
        drawn = sorted({x for trace in spec["data"] for x in trace.get("x") or []})
        assert axis["type"] == "category" and axis["categoryarray"] == drawn
        dates = dates or drawn
        assert drawn == dates and 2 <= len(drawn) <= 5  # the default corpus' few dates, not every day between
        # Room for more than the dates drawn: a bar is not a third of the plot wide.
        assert axis["range"][1] - axis["range"][0] >= 4
    assert any("not to scale" in c.value for c in at.caption)


def test_the_timeline_draws_actors_in_colours_no_outcome_or_stance_is_drawn_in():
    from app_pages.display import CATEGORY_COLORS, STANCE_COLORS

    at = app()
    at.run()
    at.switch_page("app_pages/timeline.py").run()
    assert not at.exception, [e.value for e in at.exception]
    chosen = at.multiselect(key="timeline_actors").value
    assert len(chosen) >= 3
    mentions = next(s for s in specs(at) if {html.unescape(t.get("name") or "") for t in s["data"]} >= set(chosen))
    actors = [(t.get("line") or {}).get("color") for t in mentions["data"] if html.unescape(t.get("name") or "") in chosen]
    assert len(set(actors)) == len(chosen)  # one colour each
    outcomes = {c for s in specs(at) for c in outcome_traces(s).values()} | set(CATEGORY_COLORS)
    # Not the same colours, nor ones that look alike (CIE76 distance, as for the outcomes above).
    assert min(apart(a, o) for a in actors for o in outcomes | set(STANCE_COLORS.values())) > 20
