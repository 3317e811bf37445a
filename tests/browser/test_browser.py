"""The dashboard in a real browser: pages, shared links, chart clicks, downloads, uploads, hostile text."""
from __future__ import annotations

import re
from urllib.parse import quote_plus

import pytest

from analytics.export import read_csv

from .conftest import shoot, wait_ready

PAGES = ["", "search", "actors", "cooccurrence", "stance", "timeline", "outlets", "quotes", "articles", "your_corpus", "method"]
ONE = "002_3ae1a21b16b637e7"
# An upload is analysed in a fresh worker process that loads the model first: on two busy cores that
# took more than a minute in CI.
UPLOAD_WAIT_MS = 180_000
HOSTILE = (
    "Mayor Ana Lima said the bridge would reopen. <script>window.__pwned = 1</script>\n"
    "<img src=x onerror=\"window.__pwned = 2\"> [click me](javascript:window.__pwned=3) ![pic](http://127.0.0.1:9/x.png)\n"
    "\"We will not close it again,\" Lima said."
)


def metric(page, label: str) -> str:
    box = page.locator('[data-testid="stMetric"]', has_text=label).first
    return box.locator('[data-testid="stMetricValue"]').inner_text().strip()


def nav(page, title: str) -> None:
    page.locator('[data-testid="stSidebarNav"] a', has_text=title).first.click()
    wait_ready(page)


@pytest.mark.parametrize("path", PAGES)
def test_every_page_loads_without_error(page, server, path):
    page.goto(f"{server}/{path}")
    wait_ready(page)
    assert page.locator('[data-testid="stException"]').count() == 0
    assert page.locator("h1").first.inner_text()
    shoot(page, path or "overview")


def test_a_shared_link_applies_its_filters(page, server):
    page.goto(f"{server}/?articles={ONE}")
    wait_ready(page)
    assert metric(page, "Articles") == "1"
    nav(page, "Quotes")
    assert f"articles={ONE}" in page.url  # the filter survives moving between pages


def test_a_control_change_goes_into_the_url(page, server):
    page.goto(f"{server}/cooccurrence")
    wait_ready(page)
    page.get_by_text("sentence", exact=True).first.click()
    wait_ready(page)
    page.wait_for_function("() => location.search.includes('window=sentence')", timeout=20_000)
    page.reload()
    wait_ready(page)
    assert page.locator('[data-testid="stRadio"] input[type=radio]:checked').first.evaluate("e => e.parentElement.innerText") or True
    assert "window=sentence" in page.url


def test_the_share_link_follows_the_controls(page, server):
    page.goto(f"{server}/cooccurrence?articles={ONE}")
    wait_ready(page)
    page.get_by_text("sentence", exact=True).first.click()
    wait_ready(page)
    page.wait_for_function("() => location.search.includes('window=sentence')", timeout=20_000)
    wait_ready(page)
    link = page.get_by_role("link", name="Share this view").get_attribute("href")
    assert link.startswith(f"{server}/cooccurrence?") and f"articles={ONE}" in link and "window=sentence" in link
    # Opened elsewhere, the link shows the same view.
    other = page.context.browser.new_context().new_page()
    other.goto(link)
    wait_ready(other)
    checked = other.locator('[data-testid="stRadio"]').first.locator("input:checked")
    assert checked.evaluate("e => e.closest('label').innerText").strip() == "sentence"
    assert other.locator('[data-testid="stException"]').count() == 0
    other.context.close()


def test_a_quote_links_to_its_place_in_the_article(page, server):
    page.goto(f"{server}/quotes?articles={ONE}")
    wait_ready(page)
    page.locator('[data-testid="stDataFrame"]').first.wait_for()
    # The grid is a canvas: the links it draws are read from the download instead.
    with page.expect_download() as info:
        page.get_by_role("button", name="Download quotes.csv").click()
    place = read_csv(info.value.path())["place"].iloc[0]
    # Absolute, so the link works from the CSV opened anywhere.
    assert place.startswith(f"{server}/articles?") and f"articles={ONE}" in place
    page.goto(place)
    wait_ready(page)
    # On a busy machine the article's HTML can land a moment after the script reports done.
    page.locator(".article .focus").first.wait_for(timeout=60_000)
    assert page.locator(".article .focus").count() == 1
    assert "The quote you followed" in page.locator('[data-testid="stAlert"]').first.inner_text()
    shoot(page, "quote-in-article")


def test_clicking_a_heatmap_cell_lists_its_quotes(page, server):
    page.goto(f"{server}/stance")
    wait_ready(page)
    chart = page.locator('[data-testid="stPlotlyChart"]').first
    chart.scroll_into_view_if_needed()
    points = chart.locator("path.point")
    assert points.count() > 3
    point = points.nth(points.count() - 1)
    point.scroll_into_view_if_needed()
    box = point.bounding_box()
    page.mouse.click(box["x"] + box["width"] / 2, box["y"] + box["height"] / 2)
    # The chosen cell goes into the page's controls, and so into the URL.
    page.wait_for_function("() => location.search.includes('cell_speaker=')", timeout=30_000)
    wait_ready(page)
    speaker = re.search(r"cell_speaker=([^&]+)", page.url).group(1).replace("+", " ")
    page.get_by_role("button", name="Download stance_quotes.csv").wait_for()
    with page.expect_download() as info:
        page.get_by_role("button", name="Download stance_quotes.csv").click()
    rows = read_csv(info.value.path())
    assert len(rows) > 0 and set(rows["speaker"]) == {speaker}
    shoot(page, "stance-clicked")


def test_clicking_a_matrix_cell_lists_the_passages_behind_the_pair(page, server):
    page.goto(f"{server}/cooccurrence?window=sentence")
    wait_ready(page)
    # Named by its container: the network is drawn twice (wide and phone), so the matrix is not the second chart.
    chart = page.locator('.st-key-wide-matrix [data-testid="stPlotlyChart"]').first
    chart.scroll_into_view_if_needed()
    points = chart.locator("path.point")
    points.first.wait_for(timeout=30_000)
    assert points.count() > 2
    point = points.nth(points.count() - 1)
    point.scroll_into_view_if_needed()
    box = point.bounding_box()
    page.mouse.click(box["x"] + box["width"] / 2, box["y"] + box["height"] / 2)
    page.wait_for_function("() => location.search.includes('pair=')", timeout=30_000)
    wait_ready(page)
    a, b = re.search(r"pair=([^&]+)", page.url).group(1).replace("+", " ").replace("%E2%80%94", "—").split(" — ")
    with page.expect_download() as info:
        page.get_by_role("button", name="Download pair_passages.csv").click()
    passages = read_csv(info.value.path())
    assert len(passages) > 0
    assert all(a.split()[-1] in p or b.split()[-1] in p for p in passages["passage"])
    shoot(page, "cooccurrence-clicked")


def test_a_download_holds_the_rows_shown(page, server):
    page.goto(f"{server}/quotes?articles={ONE}")
    wait_ready(page)
    shown = int(page.get_by_text(re.compile(r"^\d+ quotes$")).first.inner_text().split()[0])
    with page.expect_download() as info:
        page.get_by_role("button", name="Download quotes.csv").click()
    rows = read_csv(info.value.path())
    assert len(rows) == shown > 0
    assert set(rows["article_id"]) == {ONE}


def test_an_upload_with_a_broken_file_analyses_the_rest(page, server, tmp_path):
    good = tmp_path / "strike.txt"
    good.write_text("Union leader Grace Okafor said on Monday that the strike would continue.", encoding="utf-8")
    broken = tmp_path / "broken.txt"
    broken.write_bytes(b"\x00\x01\x02\x03" * 100)
    page.goto(f"{server}/your_corpus")
    wait_ready(page)
    page.locator('[data-testid="stFileUploader"] input[type=file]').first.set_input_files([str(good), str(broken)])
    page.wait_for_timeout(1500)
    page.get_by_role("button", name="Analyse").click()
    wait_ready(page)
    page.get_by_text("Analysed 1 articles").wait_for(timeout=UPLOAD_WAIT_MS)
    assert "broken.txt" in page.locator('[data-testid="stAlert"]').all_inner_texts().__str__()
    nav(page, "Overview")
    assert metric(page, "Articles") == "1"
    shoot(page, "upload")


def test_hostile_article_text_is_shown_as_text(page, server):
    page.goto(f"{server}/your_corpus")
    wait_ready(page)
    page.locator('[data-testid="stTextArea"] textarea').first.fill(HOSTILE)
    page.get_by_role("button", name="Analyse").click()
    wait_ready(page)
    page.get_by_text("Analysed 1 articles").wait_for(timeout=UPLOAD_WAIT_MS)
    for title in ("Articles", "Quotes", "Overview", "Actors"):
        nav(page, title)
        assert page.evaluate("() => window.__pwned") is None
        assert page.locator("img[src='x'], img[src*='x.png'], a[href^='javascript']").count() == 0
    nav(page, "Articles")
    article = page.locator(".article").first
    assert "<script>window.__pwned = 1</script>" in article.inner_text()
    assert article.locator("script, img").count() == 0
    shoot(page, "hostile")


def test_one_visitors_upload_is_not_seen_by_another(browser, server):
    first, second = browser.new_context(), browser.new_context()
    a, b = first.new_page(), second.new_page()
    a.goto(f"{server}/your_corpus")
    wait_ready(a)
    b.goto(server)
    wait_ready(b)
    a.locator('[data-testid="stTextArea"] textarea').first.fill("Coach Ange Postecoglou said the team would win.")
    a.get_by_role("button", name="Analyse").click()
    wait_ready(a)
    a.get_by_text("Analysed 1 articles").wait_for(timeout=UPLOAD_WAIT_MS)
    b.reload()
    wait_ready(b)
    assert metric(b, "Articles") == "5"
    nav(a, "Overview")
    assert metric(a, "Articles") == "1"
    first.close()
    second.close()


NAV = {"Overview": "", "Search": "search", "Actors": "actors", "Co-occurrence": "cooccurrence", "Stance": "stance", "Timeline": "timeline",
       "Outlets": "outlets", "Quotes": "quotes",
       "Articles": "articles", "Your articles": "your_corpus", "Method": "method"}


def share_link(page) -> str:
    return page.get_by_role("link", name="Share this view").get_attribute("href")


def wait_link(page, starts: str) -> None:
    """Wait until the share link leads to ``starts`` (no trailing slash); it is drawn again after each run."""
    page.wait_for_function(
        "s => [...document.querySelectorAll('a')].some(a => a.innerText.includes('Share this view') && "
        "a.href.split('?')[0].replace(/\\/$/, '') === s)", arg=starts, timeout=30_000)


@pytest.mark.parametrize("start", list(NAV.values()))
def test_the_share_link_names_each_page_whichever_page_the_session_started_on(page, server, start):
    page.goto(f"{server}/{start}")
    wait_ready(page)
    for title, path in NAV.items():
        nav(page, title)
        wait_link(page, f"{server}/{path}".rstrip("/"))
        assert share_link(page).split("?")[0].rstrip("/") == f"{server}/{path}".rstrip("/"), (start, title)


def choose(page, label: str, option: str) -> None:
    """Pick ``option`` in the select box labelled ``label``."""
    box = page.locator('[data-testid="stSelectbox"]', has_text=label).first
    box.scroll_into_view_if_needed()
    box.click()
    page.get_by_role("option", name=option, exact=True).first.click()
    wait_ready(page)


def offered(page, label: str) -> list[str]:
    """The options of the select box labelled ``label`` (the first ones its list draws)."""
    box = page.locator('[data-testid="stSelectbox"]', has_text=label).first
    box.scroll_into_view_if_needed()
    box.click()
    page.get_by_role("option").first.wait_for(timeout=10_000)
    names = [o.strip() for o in page.get_by_role("option").all_inner_texts()]
    page.keyboard.press("Escape")
    return names


def click_last_point(page, chart) -> None:
    # The chart is named by its container, not its place on the page: charts draw one by one, and a
    # handle taken while only some are drawn can be the phone's hidden twin.
    chart.wait_for(state="visible", timeout=60_000)
    chart.scroll_into_view_if_needed()
    points = chart.locator("path.point")
    points.first.wait_for(timeout=30_000)
    point = points.nth(points.count() - 1)
    point.scroll_into_view_if_needed()
    box = point.bounding_box()
    page.mouse.click(box["x"] + box["width"] / 2, box["y"] + box["height"] / 2)


def test_a_stance_click_goes_into_the_link_once_and_the_boxes_stay_free(page, server):
    page.goto(f"{server}/stance")
    wait_ready(page)
    click_last_point(page, page.locator('[data-testid="stPlotlyChart"]').first)
    page.wait_for_function("() => location.search.includes('cell_speaker=')", timeout=30_000)
    wait_ready(page)
    clicked = re.search(r"cell_speaker=[^&]+", page.url).group(0)
    assert clicked in share_link(page)  # the link shows the cell the address bar shows
    names = offered(page, "Speaker")
    # Not the first option either: a box at its default is left out of the URL.
    other = next(n for n in names[1:] if f"cell_speaker={quote_plus(n)}" != clicked)
    choose(page, "Speaker", other)
    page.wait_for_function("s => location.search.includes(s)", arg=f"cell_speaker={quote_plus(other)}", timeout=30_000)
    page.get_by_role("slider").first.press("ArrowRight")  # another rerun: the old click must not come back
    wait_ready(page)
    assert f"cell_speaker={quote_plus(other)}" in page.url and f"cell_speaker={quote_plus(other)}" in share_link(page)


def test_a_matrix_click_goes_into_the_link_once_and_the_pair_box_stays_free(page, server):
    page.goto(f"{server}/cooccurrence?window=sentence")
    wait_ready(page)
    click_last_point(page, page.locator('.st-key-wide-matrix [data-testid="stPlotlyChart"]').first)
    page.wait_for_function("() => location.search.includes('pair=')", timeout=30_000)
    wait_ready(page)
    clicked = re.search(r"pair=[^&]+", page.url).group(0)
    assert clicked in share_link(page)
    names = offered(page, "Pair")
    other = next(n for n in names[1:] if f"pair={quote_plus(n)}" != clicked)
    choose(page, "Pair", other)
    # Another rerun: the old click must not come back.
    page.locator('[data-testid="stRadio"]', has_text="Measure").get_by_text("jaccard", exact=True).click()
    wait_ready(page)
    page.wait_for_function("() => location.search.includes('measure=jaccard')", timeout=30_000)
    assert f"pair={quote_plus(other)}" in page.url and f"pair={quote_plus(other)}" in share_link(page)


def stance_summary(page):
    with page.expect_download() as info:
        page.get_by_role("button", name="Download stance_summary.csv").click()
    return read_csv(info.value.path()).set_index(["speaker", "outcome"])


def test_a_correction_made_on_the_quotes_page_changes_the_stance_pages_numbers(page, server, browser, tmp_path):
    page.goto(f"{server}/stance")
    wait_ready(page)
    before = stance_summary(page)
    nav(page, "Quotes")
    page.get_by_label("Search the quotes").fill("Tomahawk")
    page.keyboard.press("Enter")
    wait_ready(page)
    chosen = page.get_by_role("combobox", name="Quote", exact=True).input_value()
    speaker = chosen.split(": “")[0]
    box = page.get_by_role("combobox", name="Tomahawk deliveries", exact=True)  # the outcome's label; its key in CSV
    box.scroll_into_view_if_needed()
    label = box.input_value()
    assert label in ("favor", "against", "neutral"), chosen
    flipped = "neutral" if label != "neutral" else "against"
    box.click()
    page.get_by_role("option", name=flipped, exact=True).first.click()
    page.get_by_role("button", name="Save the correction").click()
    wait_ready(page)
    page.get_by_text("applied to", exact=False).first.wait_for(state="attached", timeout=30_000)  # a grid cell
    shoot(page, "quotes-corrected")
    nav(page, "Stance")
    after = stance_summary(page)
    cell = (speaker, "tomahawk")
    assert after.at[cell, label] == before.at[cell, label] - 1
    assert after.at[cell, flipped] == before.at[cell, flipped] + 1
    assert after.at[cell, "quotes"] == before.at[cell, "quotes"]
    # Downloaded, and loaded into another visitor's session, it counts there too.
    nav(page, "Quotes")
    with page.expect_download() as info:
        page.get_by_role("button", name="Download corrections.jsonl").click()
    saved = tmp_path / "corrections.jsonl"
    info.value.save_as(saved)
    other = browser.new_context()
    fresh = other.new_page()
    fresh.goto(f"{server}/quotes")
    wait_ready(fresh)
    fresh.locator('[data-testid="stFileUploader"] input[type=file]').first.set_input_files(str(saved))
    fresh.get_by_text("applied to", exact=False).first.wait_for(state="attached", timeout=30_000)
    wait_ready(fresh)
    nav(fresh, "Stance")
    assert stance_summary(fresh).at[cell, flipped] == after.at[cell, flipped]
    other.close()


def click_biggest_bar(page, chart) -> None:
    """Click the middle of the widest bar of ``chart`` (a bar of zero width cannot be clicked)."""
    chart.scroll_into_view_if_needed()
    bars = chart.locator("g.point path")
    bars.first.wait_for(timeout=30_000)
    boxes = [b.bounding_box() or {"width": 0, "height": 0} for b in bars.all()]
    box = max(boxes, key=lambda b: b["width"] * b["height"])
    page.mouse.click(box["x"] + box["width"] / 2, box["y"] + box["height"] / 2)


def test_a_bar_click_lists_its_quotes_and_a_network_node_opens_its_actor(page, server):
    page.goto(server)
    wait_ready(page)
    click_biggest_bar(page, page.locator('[data-testid="stPlotlyChart"]').first)  # the most mentioned actor
    page.wait_for_function("() => location.search.includes('drill=top-actors')", timeout=30_000)
    wait_ready(page)
    actor = re.search(r"drill=speaker%3A([^&]+)", page.url).group(1).replace("+", " ")
    said = page.locator('[data-testid="stMarkdown"]', has_text=f"quotes by {actor}").first
    said.wait_for(timeout=30_000)
    count = int(said.inner_text().split()[0].replace(",", ""))
    assert "drill=top-actors" in share_link(page)  # the link reopens the selection
    with page.expect_download() as info:
        page.get_by_role("button", name="Download selection_quotes.csv").click()
    rows = read_csv(info.value.path())
    assert len(rows) == count > 0 and set(rows["speaker"]) == {actor}
    assert all(p.startswith(f"{server}/articles?") and "quote=" in p for p in rows["place"])  # absolute in a CSV
    shoot(page, "overview-drill")
    # A node of the network: its quotes, and the actor's own view one click away.
    page.goto(f"{server}/cooccurrence")
    wait_ready(page)
    click_last_point(page, page.locator('[data-testid="stPlotlyChart"]').first)
    page.wait_for_function("() => location.search.includes('drill=network')", timeout=30_000)
    wait_ready(page)
    node = re.search(r"drill=speaker%3A([^&]+)", page.url).group(1).replace("+", " ")
    said = page.locator('[data-testid="stMarkdown"]', has_text=f"by {node}").first
    said.wait_for(timeout=30_000)
    count = said.inner_text().split()[0]
    page.get_by_role("link", name=f"{node} on the Actors page").click()
    page.wait_for_function("() => location.pathname.endsWith('/actors')", timeout=30_000)
    wait_ready(page)
    # The Actors page opens on that actor: the same quotes.
    assert f"actor={quote_plus(node)}" in page.url
    page.locator('[data-testid="stMarkdown"]', has_text="quotes,").first.wait_for(timeout=30_000)
    assert page.locator('[data-testid="stMarkdown"]', has_text="quotes,").first.inner_text().split()[0] == count


def test_a_search_marks_its_matches(page, server):
    page.goto(f"{server}/search")
    wait_ready(page)
    box = page.get_by_role("textbox", name="Words to find")
    box.fill("Ceasefire")
    box.press("Enter")
    page.wait_for_function("() => location.search.includes('find=Ceasefire')", timeout=30_000)
    wait_ready(page)
    marks = page.locator(".hit mark")
    marks.first.wait_for(timeout=30_000)
    assert marks.count() >= 3
    assert {t.strip().lower() for t in marks.all_inner_texts()} == {"ceasefire"}
    # A quote found opens its article at the quote, outlined.
    page.get_by_role("link", name="Open in the article").first.click()
    page.locator(".article .focus").first.wait_for(timeout=60_000)
    assert page.locator(".article .focus").count() == 1
    shoot(page, "search-followed")


def test_no_page_asks_anything_of_another_server(page, server):
    # The favicon, fonts, scripts and chart assets all come from the app itself.
    asked = []
    page.on("request", lambda request: asked.append(request.url))
    for path in PAGES:
        page.goto(f"{server}/{path}")
        wait_ready(page)
        page.wait_for_timeout(500)  # late requests: fonts, the favicon
    outside = [u for u in asked if not u.startswith((server, "data:", "blob:"))]
    assert asked and not outside, outside


def test_a_quote_s_link_scrolls_the_article_to_the_quote_and_highlights_it(page, server):
    page.goto(f"{server}/quotes?articles={ONE}")
    wait_ready(page)
    with page.expect_download() as info:
        page.get_by_role("button", name="Download quotes.csv").click()
    rows = read_csv(info.value.path())
    # The quote furthest into the article: without the scroll it lies below the first screen.
    place = rows["place"].iloc[-1]
    page.goto(place)
    wait_ready(page)
    focus = page.locator(".article .focus")
    focus.first.wait_for(timeout=60_000)
    assert focus.count() == 1 and focus.get_attribute("id") == rows["quote_id"].iloc[-1]
    page.wait_for_function(
        "() => { const r = document.querySelector('.article .focus').getBoundingClientRect();"
        " return r.top >= 0 && r.bottom <= window.innerHeight; }", timeout=20_000)
    assert "arrived" in focus.get_attribute("class")  # highlighted as it arrives
    scrolled = page.evaluate("() => Math.max(...[...document.querySelectorAll('*')].map(e => e.scrollTop))")
    assert scrolled > 0
    shoot(page, "quote-scrolled")
