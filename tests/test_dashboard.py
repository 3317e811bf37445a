"""Every page of the dashboard, driven by Streamlit's AppTest (no browser)."""
from __future__ import annotations

import html
import json

import pytest
from streamlit.testing.v1 import AppTest

from .conftest import ROOT

PAGES = ["overview", "search", "actors", "cooccurrence", "stance", "timeline", "outlets", "quotes", "articles", "your_articles",
         "method"]
ONE = "002_3ae1a21b16b637e7"


def app(**params) -> AppTest:
    at = AppTest.from_file(str(ROOT / "dashboard.py"), default_timeout=180)
    for key, value in params.items():
        at.query_params[key] = value
    return at


def metric(at: AppTest, label: str) -> str:
    return next(m.value for m in at.metric if m.label == label)


@pytest.mark.parametrize("page", PAGES)
def test_every_page_runs_and_shows_its_content(page):
    at = app()
    at.run()
    if page != "overview":
        at.switch_page(f"app_pages/{page}.py")
        at.run()
    assert not at.exception, [e.value for e in at.exception]
    charts = at.get("plotly_chart")
    frames = at.dataframe
    expected_charts = {"overview": 2, "actors": 2, "cooccurrence": 2, "stance": 3, "timeline": 3, "outlets": 2}
    assert len(charts) >= expected_charts.get(page, 0)
    if page not in ("your_articles", "search"):  # the search page waits for words
        assert len(frames) >= 1
    assert at.title[0].value


def test_the_timeline_lists_a_change_of_position_with_both_quotes():
    at = app()
    at.run()
    at.switch_page("app_pages/timeline.py").run()
    assert not at.exception, [e.value for e in at.exception]
    assert any("counted per **day**" in c.value for c in at.caption)
    changes = next(d.value for d in at.dataframe if "to_quote_id" in d.value.columns)
    assert len(changes) >= 1
    first = changes.iloc[0]
    assert first["from_stance"] != first["to_stance"] and first["from_date"] < first["to_date"]
    assert first["from_text"] and first["to_text"]
    # The columns an analyst reads come first, the outcome by its label; the ids last.
    assert list(changes.columns[:8]) == ["speaker", "outcome", "from_stance", "to_stance", "from_text", "to_text",
                                         "from_date", "to_date"]
    assert list(changes.columns[-2:]) == ["from_quote_id", "to_quote_id"]
    assert set(changes["outcome"]) <= set(outcome_names().values()) and not set(changes["outcome"]) & set(outcome_names())
    # Each side opens its article at its quote.
    links = [b.proto.url for b in at.get("link_button")]
    assert any(f"article={first['to_article']}" in u and f"quote={first['to_quote_id']}" in u for u in links)
    assert any(f"quote={first['from_quote_id']}" in u for u in links)


def test_the_overview_lists_the_latest_changes_of_position():
    at = app()
    at.run()
    assert not at.exception, [e.value for e in at.exception]
    recent = next(d.value for d in at.dataframe if "to_stance" in d.value.columns)
    assert 1 <= len(recent) <= 5
    assert (recent["from_stance"] != recent["to_stance"]).all()
    # Narrowed to someone who never changed, the list says so.
    at.sidebar.multiselect(key="actors").set_value(["Dmitry Peskov"]).run()
    assert any("No change of position" in i.value for i in at.info)


def test_a_filter_changes_what_is_shown():
    at = app()
    at.run()
    assert metric(at, "Articles") == "5"
    at.sidebar.multiselect(key="articles").set_value([ONE]).run()
    assert metric(at, "Articles") == "1"
    assert int(metric(at, "Quotes")) < 76


def test_filters_and_controls_come_from_the_url():
    # The other direction (widget -> URL) is the browser's job: tests/browser checks it.
    at = app(articles=ONE, stance="against", window="sentence")
    at.run()
    assert at.sidebar.multiselect(key="articles").value == [ONE]
    assert at.sidebar.multiselect(key="stance").value == ["against"]
    assert metric(at, "Articles") == "1"
    at.switch_page("app_pages/cooccurrence.py").run()
    assert at.radio(key="window").value == "sentence"


def test_filters_survive_moving_between_pages():
    at = app(articles=ONE)
    at.run()
    at.switch_page("app_pages/quotes.py").run()
    assert at.sidebar.multiselect(key="articles").value == [ONE]
    shown = at.dataframe[0].value
    assert set(shown["article_id"]) == {ONE}


def test_quote_search_narrows_the_table():
    at = app(q="Tomahawk")
    at.run()
    at.switch_page("app_pages/quotes.py").run()
    shown = at.dataframe[0].value
    assert 0 < len(shown) < 76
    assert all("tomahawk" in (t + s + c).lower() for t, s, c in zip(shown["text"], shown["speaker"], shown["cue"]))


def test_pasting_an_article_analyses_it_and_every_page_shows_it():
    at = app()
    at.run()
    at.switch_page("app_pages/your_articles.py").run()
    at.text_area(key="pasted").set_value(
        "Union leader Grace Okafor said on Monday that the strike would continue. "
        "\"We will not back down,\" Okafor said."
    )
    at.button[0].click().run()
    assert not at.exception, [e.value for e in at.exception]
    assert any("Analysed 1 articles" in s.value for s in at.success)
    at.switch_page("app_pages/overview.py").run()
    assert metric(at, "Articles") == "1"
    assert int(metric(at, "Quotes")) == 2


def test_two_visitors_share_cached_results_but_never_each_other_s_corpus():
    # Two sessions of one server (AppTest runs them in this process, on the same caches).
    uploader, other = app(), app()
    uploader.run()
    other.run()
    uploader.switch_page("app_pages/your_articles.py").run()
    uploader.text_area(key="pasted").set_value("Union leader Grace Okafor said on Monday that the strike would continue.")
    next(b for b in uploader.button if b.label == "Analyse").click().run()
    uploader.switch_page("app_pages/overview.py").run()
    other.run()
    assert metric(uploader, "Articles") == "1"
    assert metric(other, "Articles") == "5"
    assert "Grace Okafor" not in other.sidebar.multiselect(key="actors").options
    assert "Grace Okafor" in uploader.sidebar.multiselect(key="actors").options


def test_a_bad_registry_edit_gets_a_message_and_changes_nothing():
    at = app()
    at.run()
    at.switch_page("app_pages/your_articles.py").run()
    at.text_area(key="registry_edit").set_value("actors:\n  - kind: person\n")
    next(b for b in at.button if b.label.startswith("Apply")).click().run()
    assert any("no 'name'" in e.value for e in at.error)
    assert "registry_text" not in at.session_state


@pytest.fixture
def deferred_downloads(monkeypatch):
    """The callables behind the download buttons, by file name (AppTest cannot click a download)."""
    from streamlit.runtime.media_file_manager import MediaFileManager

    made: dict[str, object] = {}
    original = MediaFileManager.add_deferred

    def record(self, data_callable, mimetype, coordinates, file_name=None, **kwargs):
        made[file_name] = data_callable
        return original(self, data_callable, mimetype, coordinates, file_name, **kwargs)

    monkeypatch.setattr(MediaFileManager, "add_deferred", record)
    return made


def test_a_download_holds_exactly_the_rows_shown(deferred_downloads):
    import io

    from analytics.export import read_csv

    at = app(articles=ONE, q="meeting")
    at.run()
    at.switch_page("app_pages/quotes.py").run()
    shown = at.dataframe[0].value
    downloaded = read_csv(io.BytesIO(deferred_downloads["quotes.csv"]()))
    assert 0 < len(downloaded) == len(shown)
    assert list(downloaded["text"]) == list(shown["text"])
    import zipfile

    with zipfile.ZipFile(io.BytesIO(deferred_downloads["news-analytics.zip"]())) as archive:
        names = set(archive.namelist())
        assert {"articles.csv", "mentions.csv", "quotes.csv", "stances.csv", "cooccurrence.csv"} <= names
        quotes = read_csv(io.BytesIO(archive.read("quotes.csv")))
    assert set(quotes["article_id"]) == {ONE}  # the zip holds the filtered view


def test_page_controls_change_the_charts():
    at = app(window="sentence", measure="npmi", min_count="2")
    at.run()
    at.switch_page("app_pages/cooccurrence.py").run()
    assert not at.exception
    pairs = at.dataframe[0].value
    assert len(pairs) > 0 and set(pairs["window"]) == {"sentence"} and pairs["count"].min() >= 2
    at.switch_page("app_pages/stance.py").run()
    by_date = at.get("plotly_chart")[3].proto.spec  # after the heatmap, its phone list and the distribution
    axis = json.loads(by_date)["layout"]["xaxis"]["categoryarray"]
    assert axis == sorted(axis) and len(axis) >= 2  # dates in order, whatever outcome is drawn first
    at.radio(key="order").set_value("article").run()
    assert not at.exception
    by_article = at.get("plotly_chart")[3].proto.spec
    assert by_date != by_article and ONE in by_article


def test_an_upload_with_a_broken_file_analyses_the_rest():
    at = app()
    at.run()
    at.switch_page("app_pages/your_articles.py").run()
    table = ("article_id,title,source,date,text\n"
             "s1,Strike goes on,Wire,2025-03-01,\"Union leader Grace Okafor said on Monday that the strike would continue.\"\n"
             "s2,Talks,Wire,2025-03-02,\"\"\"We will not back down,\"\" Okafor said.\"\n")
    at.file_uploader(key="upload").set_value([
        ("strikes.csv", table.encode(), "text/csv"),
        ("broken.txt", b"\x00\x01\x02\x03" * 100, "text/plain"),
    ])
    at.run()
    next(b for b in at.button if b.label == "Analyse").click().run()
    assert not at.exception, [e.value for e in at.exception]
    assert any("broken" in w.value and "NUL" in w.value for w in at.warning)  # listed with the reason
    assert any("Analysed 2 articles" in s.value for s in at.success)
    at.switch_page("app_pages/overview.py").run()
    assert metric(at, "Articles") == "2"
    assert set(at.dataframe[0].value["article_id"]) == {"s1", "s2"}
    at.switch_page("app_pages/quotes.py").run()
    assert set(at.dataframe[0].value["speaker"]) == {"Grace Okafor"}


def test_a_corpus_that_names_no_one_still_shows_every_page():
    at = app()
    at.run()
    at.switch_page("app_pages/your_articles.py").run()
    at.text_area(key="pasted").set_value("The weather was mild on Tuesday and the shops opened late.")
    next(b for b in at.button if b.label == "Analyse").click().run()
    for page in ("overview", "actors", "cooccurrence", "stance", "quotes", "articles"):
        at.switch_page(f"app_pages/{page}.py").run()
        assert not at.exception, (page, [e.value for e in at.exception])


@pytest.fixture(scope="module")
def large_build(tmp_path_factory):
    """A build's output (CSV and Parquet parts) for 400 generated articles: more quotes than a page shows."""
    import importlib.util

    spec = importlib.util.spec_from_file_location("dashboard_bench", ROOT / "bench" / "dashboard_bench.py")
    bench = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(bench)
    folder = tmp_path_factory.mktemp("large") / "tables"
    bench.write_generated(400, folder, chunk=100)
    return folder


def test_prebuilt_parquet_tables_show_every_page_capped_with_full_downloads(large_build, monkeypatch, deferred_downloads):
    import io

    import duckdb

    from analytics.export import read_csv

    monkeypatch.setenv("DASHBOARD_TABLES", str(large_build))
    assert len(list((large_build / "parquet" / "quotes").glob("part-*.parquet"))) == 4
    quotes = duckdb.sql(f"SELECT COUNT(*) FROM read_parquet('{large_build}/parquet/quotes/*.parquet')").fetchall()[0][0]
    assert quotes > 2_000
    for page in PAGES:
        at = app(kinds="person")
        at.run()
        if page != "overview":
            at.switch_page(f"app_pages/{page}.py").run()
        assert not at.exception, (page, [e.value for e in at.exception])
    at = app()
    at.run()
    assert metric(at, "Quotes") == f"{quotes:,}"
    at.switch_page("app_pages/quotes.py").run()
    assert len(at.dataframe[0].value) == 2_000
    assert any(f"first 2,000 of {quotes:,} rows" in c.value for c in at.caption)
    downloaded = read_csv(io.BytesIO(deferred_downloads["quotes.csv"]()))
    assert len(downloaded) == quotes
    # A source filter narrows the counts to that source's articles.
    at.sidebar.multiselect(key="sources").set_value(["Wire"]).run()
    wire = duckdb.sql(f"SELECT COUNT(*) FROM read_parquet('{large_build}/parquet/quotes/*.parquet') q JOIN "
                      f"read_parquet('{large_build}/parquet/articles/*.parquet') a USING (article_id) "
                      f"WHERE a.source = 'Wire'").fetchall()[0][0]
    assert 0 < wire < quotes
    assert f"**{wire:,}** quotes" in [m.value for m in at.markdown]


def slow_analysis(rows, registry_text, outcomes_text, progress):
    """The real analysis after a pause: an upload that takes a while (run in a worker, so at module level)."""
    import time

    from app_pages import uploads

    time.sleep(4)
    return uploads.analyse_rows(rows, registry_text, outcomes_text, progress)


def test_an_upload_over_a_limit_is_named_and_the_rest_is_analysed(monkeypatch):
    from app_pages import uploads

    monkeypatch.setattr(uploads, "MAX_UPLOAD_BYTES", 400)
    monkeypatch.setattr(uploads, "MAX_ARTICLE_CHARS", 150)
    at = app()
    at.run()
    at.switch_page("app_pages/your_articles.py").run()
    at.file_uploader(key="upload").set_value([
        ("strike.txt", b"Union leader Grace Okafor said on Monday that the strike would continue.", "text/plain"),
        ("merger.txt", b"The board approved the merger on Friday, its chairman said. " * 8, "text/plain"),
        ("trade.csv", ("article_id,text\nt1,\"Ministers said the tariffs would stay.\"\n"
                       "t2,\"" + "The trade talks went on. " * 8 + "\"\n").encode(), "text/csv"),
    ])
    at.run()
    next(b for b in at.button if b.label == "Analyse").click().run()
    assert not at.exception, [e.value for e in at.exception]
    (warning,) = [w.value for w in at.warning]
    assert "merger" in warning and "in all" in warning  # 480 bytes: past the 400 of one analysis
    assert "trade" in warning and "t2" in warning and "memory" in warning  # 200 characters: past 150
    assert any("Analysed 2 articles" in s.value for s in at.success)
    at.switch_page("app_pages/overview.py").run()
    assert set(at.dataframe[0].value["article_id"]) == {"strike", "t1"}


def test_a_slow_upload_runs_in_a_worker_holds_no_other_visitor_up_and_the_next_one_is_told_to_wait(monkeypatch, request):
    # AppTest cannot run two sessions at the same moment, so another visitor's slow analysis is handed to the
    # workers here, as their page would hand it; meanwhile one visitor browses and another uploads.
    import os
    import time

    from app_pages import state, uploads

    workers = uploads.Workers(at_once=1, task=slow_analysis)
    request.addfinalizer(workers.close)
    shown = []
    status = workers.status
    monkeypatch.setattr(workers, "status", lambda ticket: shown.append(status(ticket)) or shown[-1])
    monkeypatch.setattr(state, "upload_workers", lambda: workers)
    elsewhere = (("merger", "The board approved the merger on Friday, its chairman Tom Reyes said.",
                  "", "", "", "", "merger.txt"),)
    busy = workers.submit("someone else's", elsewhere, state.registry_text(), state.outcomes_text())
    deadline = time.monotonic() + 15
    while busy.pid is None and time.monotonic() < deadline:
        time.sleep(0.05)
    assert busy.pid not in (None, os.getpid())  # the analysis runs in a process of its own
    browsing, uploader = app(), app()
    began = time.monotonic()
    browsing.run()
    browsing.switch_page("app_pages/quotes.py").run()
    assert not busy.done.done() and time.monotonic() - began < 4  # pages came while it ran
    assert not browsing.exception and len(browsing.dataframe[0].value) > 0
    uploader.run()
    uploader.switch_page("app_pages/your_articles.py").run()
    uploader.text_area(key="pasted").set_value("Union leader Grace Okafor said on Monday that the strike would continue.")
    next(b for b in uploader.button if b.label == "Analyse").click().run()
    assert not uploader.exception, [e.value for e in uploader.exception]
    assert any("Waiting for 1 other analysis" in s.message() for s in shown)
    assert any("Analysed 1 articles" in s.value for s in uploader.success)
    assert busy.done.result()[1]["articles"]["article_id"].tolist() == ["merger"]


def test_a_failed_analysis_gets_a_message_and_keeps_the_corpus_shown(monkeypatch, request):
    from app_pages import state, uploads

    workers = uploads.Workers(at_once=1, task=failing_analysis)
    request.addfinalizer(workers.close)
    monkeypatch.setattr(state, "upload_workers", lambda: workers)
    at = app()
    at.run()
    at.switch_page("app_pages/your_articles.py").run()
    at.text_area(key="pasted").set_value("The strike ended on Friday.")
    next(b for b in at.button if b.label == "Analyse").click().run()
    assert not at.exception, [e.value for e in at.exception]
    assert any("The analysis failed" in e.value and "worker lost its footing" in e.value for e in at.error)
    at.switch_page("app_pages/overview.py").run()
    assert metric(at, "Articles") == "5"


def failing_analysis(rows, registry_text, outcomes_text, progress):
    raise RuntimeError("worker lost its footing")


def test_editing_the_actors_after_an_upload_analyses_the_upload_again_with_them():
    at = app()
    at.run()
    at.switch_page("app_pages/your_articles.py").run()
    at.text_area(key="pasted").set_value("The dockers' union said on Monday that the strike at the harbour would go on.")
    next(b for b in at.button if b.label == "Analyse").click().run()
    assert "Dockers Union" not in at.sidebar.multiselect(key="actors").options
    at.text_area(key="registry_edit").set_value(
        "actors:\n  - name: Dockers Union\n    kind: organisation\n    aliases: [dockers' union]\n")
    next(b for b in at.button if b.label.startswith("Apply")).click().run()
    assert not at.exception, [e.value for e in at.exception]
    at.switch_page("app_pages/overview.py").run()
    assert metric(at, "Articles") == "1"
    assert "Dockers Union" in at.sidebar.multiselect(key="actors").options


def test_back_to_the_default_corpus_forgets_the_edited_actors_and_outcomes_too():
    from analytics.actors import DEFAULT_REGISTRY
    from analytics.outcomes import DEFAULT_OUTCOMES

    fresh = app()
    fresh.run()
    at = app()
    at.run()
    at.switch_page("app_pages/your_articles.py").run()
    at.text_area(key="pasted").set_value("Union leader Grace Okafor said on Monday that the strike would continue.")
    next(b for b in at.button if b.label == "Analyse").click().run()
    registry = DEFAULT_REGISTRY.read_text(encoding="utf-8")
    at.text_area(key="registry_edit").set_value(registry + "\n  - name: Grace Okafor\n    kind: person\n")
    at.text_area(key="outcomes_edit").set_value("outcomes:\n  - key: strike\n    label: The strike\n    description: a strike\n    terms: [strike]\n")
    next(b for b in at.button if b.label.startswith("Apply")).click().run()
    assert not at.exception, [e.value for e in at.exception]
    assert any("your own actors and outcomes" in i.value for i in at.sidebar.info)
    next(b for b in at.button if b.label.startswith("Back to the default")).click().run()
    assert at.text_area(key="registry_edit").value == registry
    assert at.text_area(key="outcomes_edit").value == DEFAULT_OUTCOMES.read_text(encoding="utf-8")
    assert not at.sidebar.info  # nothing of the visitor's own is in use any more
    at.switch_page("app_pages/overview.py").run()
    assert [metric(at, m) for m in ("Articles", "Quotes", "Stances")] == [metric(fresh, m) for m in ("Articles", "Quotes", "Stances")]
    assert at.sidebar.multiselect(key="outcomes").options == fresh.sidebar.multiselect(key="outcomes").options


def test_a_link_naming_values_the_corpus_lacks_says_which_were_left_out():
    at = app(actors=["NoSuchPerson"], stance=["against", "sideways"])
    at.run()
    warnings = " ".join(w.value for w in at.sidebar.warning)
    assert "NoSuchPerson" in warnings and "sideways" in warnings
    assert at.sidebar.multiselect(key="stance").value == ["against"]
    at.sidebar.multiselect(key="stance").set_value(["favor"]).run()
    assert "sideways" not in " ".join(w.value for w in at.sidebar.warning)


def test_a_correction_on_the_quotes_page_changes_the_stance_page_and_can_be_removed():
    at = app()
    at.run()
    at.switch_page("app_pages/stance.py").run()
    before = next(d.value for d in at.dataframe if "mean_score" in d.value.columns).set_index(["speaker", "outcome"])
    at.switch_page("app_pages/quotes.py").run()
    table = at.dataframe[0].value
    n, row = next((i, r) for i, r in enumerate(table.to_dict("records")) if r["speaker"] and r["stances"])
    shown, label = row["stances"].split("; ")[0].rsplit(": ", 1)  # the screen names the outcome by its label
    outcome = {v: k for k, v in outcome_names().items()}[shown]
    flipped = "against" if label != "against" else "favor"
    at.selectbox(key="fix-quote").select_index(n).run()
    next(s for s in at.selectbox if s.label == shown).set_value(flipped)
    at.button(key="fix-save").click().run()
    assert not at.exception, [e.value for e in at.exception]
    listed = next(d.value for d in at.dataframe if "correction" in d.value.columns)
    assert len(listed) == 1 and f"{shown}: {flipped}" in listed["correction"][0]  # with the quote's other outcomes
    assert listed["status"][0].startswith("applied")
    assert any("your 1 correction of quotes" in i.value for i in at.sidebar.info)
    at.switch_page("app_pages/stance.py").run()
    after = next(d.value for d in at.dataframe if "mean_score" in d.value.columns).set_index(["speaker", "outcome"])
    cell = (row["speaker"], outcome_names()[outcome])  # the table on screen names the outcome by its label
    assert after.at[cell, label] == before.at[cell, label] - 1
    assert after.at[cell, flipped] == before.at[cell, flipped] + 1
    assert after.at[cell, "quotes"] == before.at[cell, "quotes"]
    at.switch_page("app_pages/quotes.py").run()
    at.button(key="fix-forget").click().run()
    at.switch_page("app_pages/stance.py").run()
    again = next(d.value for d in at.dataframe if "mean_score" in d.value.columns).set_index(["speaker", "outcome"])
    assert again.at[cell, label] == before.at[cell, label]


def test_a_quote_marked_not_a_quote_leaves_every_count_and_the_gold_download(deferred_downloads):
    import io
    import zipfile

    at = app(articles=ONE)
    at.run()
    quotes_before = int(metric(at, "Quotes"))
    at.switch_page("app_pages/quotes.py").run()
    gone = at.dataframe[0].value.iloc[0]["text"]
    at.checkbox[0].check()
    at.button(key="fix-save").click().run()
    assert not at.exception, [e.value for e in at.exception]
    assert gone not in set(at.dataframe[0].value["text"])
    with zipfile.ZipFile(io.BytesIO(deferred_downloads["gold.zip"]())) as archive:
        names = set(archive.namelist())
        gold = [json.loads(line) for line in archive.read("gold/quotes.jsonl").decode().splitlines()]
        texts = [json.loads(line) for line in archive.read("gold/articles/articles.jsonl").decode().splitlines()]
    assert {"gold/quotes.jsonl", "gold/mentions.csv", "gold/outcomes.yml", "gold/actors.yml"} <= names
    assert len(gold) == quotes_before - 1 and gone not in {g["text"] for g in gold} and {g["article_id"] for g in gold} == {ONE}
    assert [t["article_id"] for t in texts] == [ONE] and gone in texts[0]["text"]
    at.switch_page("app_pages/overview.py").run()
    assert int(metric(at, "Quotes")) == quotes_before - 1


def test_a_correction_of_prebuilt_tables_counts_there_too(large_build, monkeypatch):
    monkeypatch.setenv("DASHBOARD_TABLES", str(large_build))
    at = app(q="")
    at.run()
    at.switch_page("app_pages/quotes.py").run()
    n = next(i for i, s in enumerate(at.dataframe[0].value["stances"]) if s)
    at.selectbox(key="fix-quote").select_index(n).run()
    at.text_input(key=next(t.key for t in at.text_input if t.key.startswith("fix-speaker-"))).input("Zora Newcomer")
    at.button(key="fix-save").click().run()
    assert not at.exception, [e.value for e in at.exception]
    at.switch_page("app_pages/stance.py").run()
    summary = next(d.value for d in at.dataframe if "mean_score" in d.value.columns)
    assert "Zora Newcomer" in set(summary["speaker"])


# --- Search ---------------------------------------------------------------------


def hits(at: AppTest) -> list[str]:
    """The HTML of the search page's results (speakers, quotes, articles), in page order."""
    return [h.proto.body for h in at.get("html") if 'class="hit"' in h.proto.body]


def test_search_finds_quotes_speakers_and_articles_with_every_word_marked():
    at = app(find="zelensky")
    at.run()
    at.switch_page("app_pages/search.py").run()
    assert not at.exception, [e.value for e in at.exception]
    assert at.text_input(key="find").value == "zelensky"
    found = hits(at)
    assert found and all("<mark>" in h for h in found)
    assert any("<mark>Zelensky</mark>" in h and "mentions" in h for h in found)  # the speaker, with counts
    links = [p.proto for p in at.get("page_link")]
    assert any(p.page == "actors" and p.query_string == "actor=Volodymyr+Zelensky" for p in links)
    one_word = [h for h in found if "<blockquote>" in h]
    # Two words: each quote holds both (in its text or its speaker), and no name holds both.
    at.text_input(key="find").set_value("zelensky MEETING").run()
    found = hits(at)
    quotes = [h for h in found if "<blockquote>" in h]
    assert 0 < len(quotes) < len(one_word)
    for body in quotes:
        plain = body.replace("<mark>", "").replace("</mark>", "").lower()
        assert "zelensky" in plain and "meeting" in plain and "<mark>meeting</mark>" in body.lower()
    assert not [h for h in found if "mentions" in h and "<blockquote>" not in h and "<li>" not in h]
    links = [p.proto for p in at.get("page_link")]
    assert any(p.page == "articles" and "quote=" in p.query_string for p in links)  # a quote opens at its place
    articles = [h for h in found if "<li>" in h]
    assert articles and all("<mark>" in h for h in articles)
    summary = next(m.value for m in at.markdown if "actor" in m.value and " · " in m.value)
    assert f"**{len(quotes)}** quotes" in summary and f"**{len(articles)}** articles" in summary
    # One more word that nothing holds: nothing found.
    at.text_input(key="find").set_value("zelensky meeting zzzz").run()
    assert not hits(at)


def test_search_names_each_quote_s_outcomes_by_their_labels():
    import html as markup

    names = outcome_names()
    at = app(find="meeting")
    at.run()
    at.switch_page("app_pages/search.py").run()
    assert not at.exception, [e.value for e in at.exception]
    metas = [markup.unescape(h.split('<span class="meta">')[-1].split("</span>")[0]) for h in hits(at)
             if "<blockquote>" in h and h.count('<span class="meta">') == 2]  # the second: the quote's stances
    shown = {part.rsplit(": ", 1)[0] for meta in metas for part in meta.split("; ")}
    assert shown and shown <= set(names.values()), shown
    assert not shown & {k for k, label in names.items() if k != label}


def test_search_escapes_the_article_text_it_marks():
    at = app()
    at.run()
    at.switch_page("app_pages/your_articles.py").run()
    at.text_area(key="pasted").set_value(
        "Mayor Ana Lima said the bridge would reopen. <script>window.__pwned = 1</script> <b>bold</b>\n"
        "\"We will not close the bridge again,\" Lima said.")
    next(b for b in at.button if b.label == "Analyse").click().run()
    at.switch_page("app_pages/search.py").run()
    at.text_input(key="find").set_value("script bridge").run()
    assert not at.exception, [e.value for e in at.exception]
    articles = [h for h in hits(at) if "<li>" in h]
    assert len(articles) == 1
    assert "&lt;<mark>script</mark>&gt;" in articles[0] and "<script" not in articles[0] and "<b>bold" not in articles[0]
    assert "<mark>bridge</mark>" in articles[0]


def test_search_on_prebuilt_tables_says_it_searches_no_article_text(large_build, monkeypatch):
    monkeypatch.setenv("DASHBOARD_TABLES", str(large_build))
    at = app(find="ceasefire ana")
    at.run()
    at.switch_page("app_pages/search.py").run()
    assert not at.exception, [e.value for e in at.exception]
    assert any("hold no article texts" in i.value for i in at.info)
    quotes = [h for h in hits(at) if "<blockquote>" in h]
    assert len(quotes) == 30  # the first ones, marked; the download has them all
    summary = next(m.value for m in at.markdown if "actor" in m.value and " · " in m.value)
    assert "articles" not in summary


# --- From a chart to its quotes --------------------------------------------------


def behind(at: AppTest):
    """The table of the quotes behind the selection, and the sentence above it."""
    said = next(m.value for m in at.markdown if m.value.startswith("**") and " quote" in m.value and m.value.endswith("."))
    table = next(d.value for d in at.dataframe if "place" in d.value.columns and "stances" in d.value.columns)
    return said, table


def test_a_click_on_an_actor_bar_lists_their_quotes_each_linked_to_its_place():
    at = app(drill=["top-actors", "speaker:Donald Trump"])
    at.run()
    assert not at.exception, [e.value for e in at.exception]
    said, table = behind(at)
    assert said.startswith(f"**{len(table)}** quotes by **Donald Trump**")
    assert len(table) > 1 and set(table["speaker"]) == {"Donald Trump"}
    assert all(p.startswith("articles?") and "article=" in p and "quote=" in p and "drill=" not in p for p in table["place"])
    assert any(p.proto.page == "actors" and p.proto.query_string == "actor=Donald+Trump" for p in at.get("page_link"))


def test_the_download_behind_a_click_holds_every_quote_each_linked_with_the_view_s_filters(deferred_downloads):
    import io

    from analytics.export import read_csv

    at = app(articles=ONE, drill=["top-actors", "speaker:Donald Trump"])
    at.run()
    _, table = behind(at)
    downloaded = read_csv(io.BytesIO(deferred_downloads["selection_quotes.csv"]()))  # built after the run, as a click does
    assert 0 < len(downloaded) == len(table) and list(downloaded["text"]) == list(table["text"])
    assert set(downloaded["article_id"]) == {ONE} and set(downloaded["speaker"]) == {"Donald Trump"}
    assert all(f"articles={ONE}" in p and "quote=" in p for p in downloaded["place"])


def test_a_click_on_a_stance_bar_lists_the_quotes_taking_it_and_follows_the_filters():
    at = app(drill=["stance-dist", "outcome:meeting", "stance:favor"])
    at.run()
    at.switch_page("app_pages/stance.py").run()
    assert not at.exception, [e.value for e in at.exception]
    said, table = behind(at)
    # The outcome named as the page names it, by its label, not its key.
    from app_pages.display import md_escape

    assert f"on *{md_escape(outcome_names()['meeting'])}* taking the stance *favor*" in said and "*meeting*" not in said
    assert len(table) > 1 and all(s == f"{outcome_names()['meeting']}: favor" for s in table["stances"])
    at.sidebar.multiselect(key="articles").set_value([ONE]).run()
    _, narrowed = behind(at)
    assert 0 < len(narrowed) < len(table) and set(narrowed["article_id"]) == {ONE}


def test_a_click_on_a_day_of_the_timeline_lists_that_day_s_quotes_on_the_outcome():
    at = app(drill=["timeline-quotes", "period:day:2025-10-17", "outcome:meeting"])
    at.run()
    at.switch_page("app_pages/timeline.py").run()
    assert not at.exception, [e.value for e in at.exception]
    said, table = behind(at)
    assert "on 2025\\-10\\-17" in said
    assert len(table) > 0 and all("meeting:" in s for s in table["stances"])
    articles = set(table["article_id"])
    assert articles <= {"001_12a9933ecf0997fb", "002_3ae1a21b16b637e7"}  # the two articles of 2025-10-17


def test_a_selection_of_another_page_s_chart_lists_nothing():
    at = app(drill=["top-actors", "speaker:Donald Trump"])
    at.run()
    at.switch_page("app_pages/outlets.py").run()
    assert not at.exception
    assert any("Click a bar, cell, point or node" in c.value for c in at.caption)


# --- What the screen calls things (issue 17, readability) ----------------------------------------------------

def outcome_names() -> dict[str, str]:
    from analytics.outcomes import load_outcomes

    return {o.key: o.label for o in load_outcomes()}


def test_outcomes_are_shown_by_their_labels_and_downloaded_by_their_keys(deferred_downloads):
    import io

    from analytics.export import read_csv

    names = outcome_names()
    renamed = {k for k, label in names.items() if k != label}  # keys that read differently from their label
    at = app()
    at.run()
    at.switch_page("app_pages/stance.py").run()
    assert not at.exception, [e.value for e in at.exception]
    summary = next(d.value for d in at.dataframe if "mean_score" in d.value.columns)
    assert set(summary["outcome"]) <= set(names.values()) and not set(summary["outcome"]) & renamed
    heatmap = json.loads(at.get("plotly_chart")[0].proto.spec)
    assert {html.unescape(x) for x in heatmap["data"][0]["x"]} <= set(names.values())  # plotly draws HTML
    assert set(at.selectbox(key="cell_outcome").options) <= set(names.values())
    assert set(at.sidebar.multiselect(key="outcomes").options) == {names[k] for k in names if k in
                                                                   set(read_csv(io.BytesIO(deferred_downloads["stance_summary.csv"]()))["outcome"])}
    downloaded = read_csv(io.BytesIO(deferred_downloads["stance_summary.csv"]()))
    assert set(downloaded["outcome"]) <= set(names) and len(downloaded) == len(summary)
    # The cell's caption names the outcome by its label too.
    assert any(names[at.selectbox(key="cell_outcome").value] in c.value for c in at.caption)


def test_a_link_naming_an_outcome_by_its_key_still_chooses_it():
    names = outcome_names()
    key = next(k for k, label in names.items() if k != label)
    at = app(outcomes=key)
    at.run()
    assert at.sidebar.multiselect(key="outcomes").value == [key]
    assert not at.sidebar.warning  # nothing was left out
    by_label = app(outcomes=names[key])
    by_label.run()
    assert by_label.sidebar.multiselect(key="outcomes").value == [key]


def test_the_article_chooser_offers_titles_and_takes_a_link_by_id():
    at = app(article=ONE)
    at.run()
    at.switch_page("app_pages/articles.py").run()
    assert not at.exception, [e.value for e in at.exception]
    box = at.selectbox(key="article")
    assert box.value == ONE
    assert not any(o.startswith(("000_", "001_", "002_")) for o in box.options if o != ONE)
    assert any("Kremlin verifies Putin-Trump" in o for o in box.options)


def test_every_stance_row_carries_its_quote_id_and_text(deferred_downloads):
    import io
    import zipfile

    from analytics.export import read_csv

    at = app()
    at.run()
    at.switch_page("app_pages/actors.py").run()
    assert not at.exception, [e.value for e in at.exception]
    quotes = next(d.value for d in at.dataframe if "cue" in d.value.columns and "quote_id" in d.value.columns)
    stances = next(d.value for d in at.dataframe if "stance" in d.value.columns and "evidence" in d.value.columns)
    assert len(stances) > 0 and {"quote_id", "text"} <= set(stances.columns)
    said = dict(zip(quotes["quote_id"], quotes["text"]))
    assert all(said[q] == t for q, t in zip(stances["quote_id"], stances["text"]))  # the text is that quote's
    at.switch_page("app_pages/stance.py").run()
    behind = next(d.value for d in at.dataframe if "found_by" in d.value.columns)
    assert {"quote_id", "text"} <= set(behind.columns) and behind["text"].str.len().min() > 0
    # What an analyst reads first comes first.
    assert list(behind.columns[:3]) == ["speaker", "text", "stance"]
    with zipfile.ZipFile(io.BytesIO(deferred_downloads["news-analytics.zip"]())) as archive:
        zipped = read_csv(io.BytesIO(archive.read("stances.csv")))
        all_quotes = read_csv(io.BytesIO(archive.read("quotes.csv")))
    texts = dict(zip(all_quotes["quote_id"], all_quotes["text"]))
    assert len(zipped) > 0 and all(texts[q] == t for q, t in zip(zipped["quote_id"], zipped["quote_text"]))


def test_the_zip_says_which_filters_made_its_view(deferred_downloads):
    import io
    import zipfile

    names = outcome_names()
    key = next(k for k, label in names.items() if k != label)
    at = app(articles=ONE, stance="against", outcomes=names[key])
    at.run()
    with zipfile.ZipFile(io.BytesIO(deferred_downloads["news-analytics.zip"]())) as archive:
        about = archive.read("view.txt").decode("utf-8")
    lines = about.splitlines()
    assert f"  Articles: {ONE}" in lines and "  Stance: against" in lines
    assert f"  Outcomes: {names[key]} ({key})" in lines and "  Sources: all" in lines
    assert "default corpus" in about


def test_the_method_page_gives_accuracy_per_gold_set_and_says_where_the_rules_were_tuned():
    at = app()
    at.run()
    at.switch_page("app_pages/method.py").run()
    assert not at.exception, [e.value for e in at.exception]
    table = next(d.value for d in at.dataframe if "gold_set" in d.value.columns)
    assert {"seeds", "dev/ukraine", "dev/other"} <= set(table["gold_set"])
    assert dict(zip(table["gold_set"], table["rules tuned on it"]))["seeds"] == "yes"
    assert any("tuned on the seed set" in c.value for c in at.caption)


def test_the_stance_cell_lists_its_quotes_as_every_drill_down_does_each_linked_to_its_place(deferred_downloads):
    import io

    from analytics.export import read_csv

    at = app()
    at.run()
    at.switch_page("app_pages/stance.py").run()
    assert not at.exception, [e.value for e in at.exception]
    speaker = at.selectbox(key="cell_speaker").value
    cell = next(d.value for d in at.dataframe if "place" in d.value.columns and "stance" in d.value.columns)
    assert len(cell) > 0 and set(cell["speaker"]) == {speaker}
    assert list(cell.columns[:3]) == ["speaker", "text", "stance"]  # what is read first
    assert all(p.startswith("articles?") and "article=" in p and "quote=" in p for p in cell["place"])
    downloaded = read_csv(io.BytesIO(deferred_downloads["stance_quotes.csv"]()))
    assert len(downloaded) >= len(cell) and downloaded["quote_id"].notna().all()  # each stance tied to its quote
    assert all(f"quote={q}" in p for q, p in zip(downloaded["quote_id"], downloaded["place"]))


def test_the_quotes_page_and_its_corrections_name_outcomes_by_their_labels_the_csv_by_their_keys(deferred_downloads):
    import io

    from analytics.export import read_csv

    names = outcome_names()
    at = app()
    at.run()
    at.switch_page("app_pages/quotes.py").run()
    assert not at.exception, [e.value for e in at.exception]
    shown = {part.rsplit(": ", 1)[0] for cell in at.dataframe[0].value["stances"] if cell for part in cell.split("; ")}
    assert shown and shown <= set(names.values()) and not shown & {k for k, v in names.items() if k != v}
    boxes = {s.label for s in at.selectbox if s.key and s.key.startswith("fix-") and s.key != "fix-quote"}
    assert boxes and boxes <= set(names.values())  # the form's boxes, one an outcome
    downloaded = read_csv(io.BytesIO(deferred_downloads["quotes.csv"]()))
    keys = {part.rsplit(": ", 1)[0] for cell in downloaded["stances"].dropna() if cell for part in cell.split("; ")}
    assert keys and keys <= set(names)


def one_title() -> str:
    """ONE's title as a table or caption shows it (cut short), from the manifest."""
    from analytics.export import read_csv
    from app_pages.labels import short_title

    manifest = read_csv(ROOT / "data" / "articles" / "manifest.csv").set_index("article_id")
    return short_title(manifest.loc[ONE, "title"], ONE)


def test_the_actors_page_names_articles_by_their_titles_and_downloads_their_ids(deferred_downloads):
    import io

    from analytics.export import read_csv

    at = app(actor="Donald Trump")
    at.run()
    at.switch_page("app_pages/actors.py").run()
    assert not at.exception, [e.value for e in at.exception]
    counts = next(d.value for d in at.dataframe if "count" in d.value.columns and "actor" in d.value.columns)
    said = next(d.value for d in at.dataframe if "speaker_text" in d.value.columns)
    for table in (counts, said):
        assert table.columns[-1] == "article_id"  # the id is still there for a row to name, last
        assert one_title() in set(table["article"])
        assert not any(str(t).startswith(("000_", "001_", "002_")) for t in table["article"])
    downloaded = read_csv(io.BytesIO(deferred_downloads["actor_counts.csv"]()))
    assert "article" not in downloaded.columns and ONE in set(downloaded["article_id"])


def test_a_click_on_an_actor_s_article_names_the_article_by_its_title():
    at = app(drill=["actor-heatmap", "speaker:Donald Trump", f"article:{ONE}"])
    at.run()
    at.switch_page("app_pages/actors.py").run()
    assert not at.exception, [e.value for e in at.exception]
    said, table = behind(at)
    from app_pages.display import md_escape

    assert f"by **Donald Trump** in *{md_escape(one_title())}*" in said and ONE not in said
    assert set(table["article_id"]) == {ONE}


def test_the_overview_lists_recent_changes_speaker_first_and_ids_last():
    at = app()
    at.run()
    assert not at.exception, [e.value for e in at.exception]
    changes = next(d.value for d in at.dataframe if "to_quote_id" in d.value.columns)
    assert list(changes.columns[:4]) == ["speaker", "outcome", "from_stance", "to_stance"]
    assert list(changes.columns[-2:]) == ["from_quote_id", "to_quote_id"]


def test_a_corpus_too_large_to_list_offers_its_first_articles_and_takes_any_other_typed_or_linked(monkeypatch):
    from app_pages import choosers

    # The default corpus stands for a large build: two ids listed of its five.
    monkeypatch.setattr(choosers, "LISTED_ARTICLES", 2)
    at = app()
    at.run()
    listed = at.sidebar.multiselect(key="articles").options
    assert len(listed) == 2 and ONE not in listed
    # A link to an article beyond the listed ones narrows the view to it, and lists it.
    at = app(articles=[ONE, "nosucharticle"])
    at.run()
    assert not at.exception, [e.value for e in at.exception]
    assert at.sidebar.multiselect(key="articles").value == [ONE] and ONE in at.sidebar.multiselect(key="articles").options
    assert metric(at, "Articles") == "1"
    assert "nosucharticle" in " ".join(w.value for w in at.sidebar.warning)
    # Typed: an id the corpus lacks is left out, and said so; the view keeps what it had.
    at.sidebar.multiselect(key="articles").set_value([ONE, "typo"]).run()
    assert at.sidebar.multiselect(key="articles").value == [ONE] and metric(at, "Articles") == "1"
    assert "typo" in " ".join(w.value for w in at.sidebar.warning)


def test_a_view_with_more_pairs_than_the_pair_box_lists_still_opens_any_pair_from_a_link(monkeypatch):
    from app_pages import choosers

    at = app()
    at.run()
    at.switch_page("app_pages/cooccurrence.py").run()
    every = at.selectbox(key="pair").options
    assert len(every) > 3
    monkeypatch.setattr(choosers, "LISTED_PAIRS", 2)
    at = app(pair=every[-1])
    at.run()
    at.switch_page("app_pages/cooccurrence.py").run()
    assert not at.exception, [e.value for e in at.exception]
    box = at.selectbox(key="pair")
    assert box.options == every[:2] + [every[-1]] and box.value == every[-1]
    a, b = every[-1].split(" — ")
    assert any(f"names both {a}" in c.value.replace("\\", "") for c in at.caption)
