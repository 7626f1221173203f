"""report.html in a real headless Chromium: no console error, plans listed, pages reachable, sorting and
filters work, Chinese renders, and a plan carrying <script>/<img onerror> payloads runs nothing.

Uses Debian's ``chromium`` and ``chromium-driver`` through selenium; Selenium Manager is never asked to
download anything. Skipped when either is missing.
"""

from __future__ import annotations

import io
import os
from collections.abc import Iterator
from pathlib import Path

import pytest

from analyzer.batch import AuditRun, run_audit
from analyzer.report.audit_html import write_audit_html
from tests.conftest import CORPUS
from tests.report.test_audit_html import SCRIPT, YEAR, write_batch

CHROMIUM = Path(os.environ.get("PLAN_ANALYZER_CHROMIUM", "/usr/bin/chromium"))
CHROMEDRIVER = Path(os.environ.get("PLAN_ANALYZER_CHROMEDRIVER", "/usr/bin/chromedriver"))

if not (CHROMIUM.is_file() and CHROMEDRIVER.is_file()):
    pytest.skip(f"需要 Chromium 与 chromedriver（{CHROMIUM}、{CHROMEDRIVER}）：apt-get install chromium chromium-driver",
                allow_module_level=True)
webdriver = pytest.importorskip("selenium.webdriver", reason="需要 selenium：pip install selenium")

from selenium.common.exceptions import NoAlertPresentException  # noqa: E402
from selenium.webdriver.chrome.options import Options  # noqa: E402
from selenium.webdriver.chrome.service import Service  # noqa: E402
from selenium.webdriver.common.by import By  # noqa: E402
from selenium.webdriver.support.ui import Select  # noqa: E402

# Glyph test: a canvas drawing of each character in the page's font, as a data URL.
DRAW_GLYPHS = """
const font = getComputedStyle(document.body).fontFamily;
return arguments[0].map(ch => {
  const canvas = document.createElement('canvas');
  canvas.width = canvas.height = 48;
  const ctx = canvas.getContext('2d');
  ctx.font = '36px ' + font;
  ctx.fillText(ch, 4, 40);
  return [canvas.toDataURL(), ctx.measureText(ch).width];
});
"""
NOT_A_GLYPH = "\U0010fffd"  # a private-use code point no font draws


@pytest.fixture(scope="module")
def run(tmp_path_factory: pytest.TempPathFactory) -> AuditRun:
    folder = write_batch(tmp_path_factory.mktemp("收件"))
    # scores of one, two and three digits: a text sort would order them differently
    complete = (CORPUS / "audit-plans" / "complete-enterprise-2026.txt").read_text("utf-8")
    (folder / "e-complete.txt").write_text(complete.replace("2026", str(YEAR)), encoding="utf-8")
    (folder / "f-thin.txt").write_text(f"某某单位工会{YEAR}年工作计划\n做好工会工作。\n", encoding="utf-8")
    return run_audit([folder], year=YEAR)


@pytest.fixture(scope="module")
def url(run: AuditRun, tmp_path_factory: pytest.TempPathFactory) -> str:
    return write_audit_html(run, tmp_path_factory.mktemp("报告") / "report.html").as_uri()


@pytest.fixture(scope="module")
def driver() -> Iterator[webdriver.Chrome]:
    options = Options()
    options.binary_location = str(CHROMIUM)
    for arg in ("--headless=new", "--no-sandbox", "--disable-gpu", "--window-size=1280,900", "--lang=zh-CN"):
        options.add_argument(arg)
    options.set_capability("goog:loggingPrefs", {"browser": "ALL"})
    with pytest.MonkeyPatch.context() as env:
        env.setenv("SE_OFFLINE", "true")  # Selenium Manager must never reach the network
        browser = webdriver.Chrome(service=Service(str(CHROMEDRIVER)), options=options)
    browser.set_page_load_timeout(20)
    yield browser
    browser.quit()


@pytest.fixture()
def page(driver: webdriver.Chrome, url: str) -> webdriver.Chrome:
    """The report freshly loaded, with the console read so far discarded."""
    driver.get("about:blank")
    driver.get(url)
    assert driver.execute_script("return document.readyState") == "complete"
    return driver


def _severe(driver: webdriver.Chrome) -> list[dict]:
    return [entry for entry in driver.get_log("browser") if entry["level"] == "SEVERE"]


def _rows(driver: webdriver.Chrome) -> list:
    return [r for r in driver.find_elements(By.CSS_SELECTOR, "#plan-table tbody tr") if r.is_displayed()]


def _scores(driver: webdriver.Chrome) -> list[int]:
    return [int(r.find_elements(By.TAG_NAME, "td")[4].text) for r in _rows(driver)]


def _nothing_ran(driver: webdriver.Chrome) -> None:
    with pytest.raises(NoAlertPresentException):
        driver.switch_to.alert.text  # noqa: B018 (reading it raises when no alert is open)
    assert driver.execute_script("return window.__xss") is None
    assert driver.execute_script("return document.scripts.length") == 1
    assert driver.find_elements(By.CSS_SELECTOR, "img") == []


def test_loads_without_console_errors(page: webdriver.Chrome) -> None:
    assert _severe(page) == []
    assert page.title.startswith("工作计划审核报告")


def test_every_plan_listed(page: webdriver.Chrome, run: AuditRun) -> None:
    labels = [r.find_element(By.TAG_NAME, "a").text for r in _rows(page)]
    assert sorted(labels) == sorted(s.label for s in run.submissions)
    assert page.find_element(By.ID, "f-count").text == f"显示 {len(labels)} / {len(labels)} 份"


def test_plan_page_reachable_by_its_link(page: webdriver.Chrome, run: AuditRun) -> None:
    overview = page.find_element(By.ID, "overview")
    payload = next(k for k, s in enumerate(run.submissions, 1) if SCRIPT in s.plan.text)
    article = page.find_element(By.ID, f"plan-{payload}")
    assert overview.is_displayed() and not article.is_displayed()
    page.find_element(By.CSS_SELECTOR, f"#plan-table a[href='#plan-{payload}']").click()
    assert page.execute_script("return location.hash") == f"#plan-{payload}"
    assert article.is_displayed() and not overview.is_displayed()  # one page at a time
    assert SCRIPT in article.find_element(By.CSS_SELECTOR, "div.text").text  # shown as text
    _nothing_ran(page)
    evidence = article.find_elements(By.CSS_SELECTOR, "table.findings a[href^='#L']")
    assert evidence
    target = evidence[0].get_attribute("href").split("#")[1]
    evidence[0].click()
    assert article.is_displayed() and page.find_element(By.ID, target).is_displayed()  # a line keeps its page
    back = article.find_element(By.LINK_TEXT, "← 返回计划列表")
    page.execute_script("arguments[0].scrollIntoView({block: 'center'})", back)  # not under the sticky bar
    back.click()
    assert overview.is_displayed() and not article.is_displayed()
    assert _severe(page) == []


def test_sorting_by_score(page: webdriver.Chrome) -> None:
    before = _scores(page)
    assert sorted(before) != sorted(before, key=str)  # a text sort would fail
    header = page.find_element(By.XPATH, "//table[@id='plan-table']//th[button='得分']")
    header.find_element(By.TAG_NAME, "button").click()
    assert _scores(page) == sorted(before)
    assert header.get_attribute("aria-sort") == "ascending"
    header.find_element(By.TAG_NAME, "button").click()
    assert _scores(page) == sorted(before, reverse=True)
    assert header.get_attribute("aria-sort") == "descending"


def test_filters_hide_rows(page: webdriver.Chrome, run: AuditRun) -> None:
    total = len(run.submissions)
    search = page.find_element(By.ID, "f-text")
    search.send_keys("城南小学")
    assert [r.find_element(By.TAG_NAME, "a").text for r in _rows(page)] == [
        s.label for s in run.submissions if "城南小学" in s.label]
    assert page.find_element(By.ID, "f-count").text == f"显示 1 / {total} 份"
    page.find_element(By.ID, "f-reset").click()
    assert len(_rows(page)) == total
    kinds = Select(page.find_element(By.ID, "f-kind"))
    kinds.select_by_index(1)
    kind = kinds.first_selected_option.get_attribute("value")
    expected = sum(s.audit.unit_kind == kind for s in run.submissions)
    assert 0 < len(_rows(page)) == expected < total
    code = next(f.code for f in run.submissions[0].audit.findings)
    Select(page.find_element(By.ID, "f-code")).select_by_value(code)
    expected = sum(s.audit.unit_kind == kind and code in s.audit.codes() for s in run.submissions)
    assert len(_rows(page)) == expected


def test_screenshot_shows_chinese(page: webdriver.Chrome, tmp_path: Path) -> None:
    from PIL import Image

    shot = tmp_path / "report.png"
    assert page.save_screenshot(str(shot))
    image = Image.open(io.BytesIO(shot.read_bytes())).convert("RGB")
    colours = image.getcolors(maxcolors=1 << 20)
    background = max(colours)[1]
    ink = sum(n for n, colour in colours if colour != background)
    assert len(colours) > 50 and ink > 0.05 * image.width * image.height  # not blank
    text = page.execute_script("return document.body.innerText")
    assert "工作计划审核报告" in text and "汇总" in text
    (han, han_width), (zi, _), (missing, _), (blank, _) = page.execute_script(DRAW_GLYPHS, ["汉", "字", NOT_A_GLYPH, ""])
    assert han_width > 0 and han != blank
    assert han != zi and han != missing  # real glyphs: two characters differ, and differ from the "no glyph" box
    assert page.execute_script("return document.fonts.check('16px sans-serif', '汉')")


def test_payload_runs_nothing_after_every_interaction(page: webdriver.Chrome) -> None:
    for link in page.find_elements(By.CSS_SELECTOR, "#plan-table a")[:4]:
        link.click()
        _nothing_ran(page)
        page.back()
    _nothing_ran(page)
    assert _severe(page) == []
