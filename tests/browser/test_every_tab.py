"""Every main tab of every lab, opened in a real browser and clicked the way a mouse does.

For each lab, in English and Chinese, in normal and projector mode (both at a projector's
1280×720), with the default settings and (where the lab has a kernel picker) with one kernel of
each family (see :func:`_cases` for how kernels meet languages and modes): open the page by its link, then click every tab of its tab bar with a plain
``click()`` (Playwright clicks the tab's centre only if nothing else, such as Streamlit's header,
lies over it) and back to the first tab. Every page state reached must show no exception element
and no ``Traceback`` text. One server and one browser page serve all states; the number of states
checked is printed at the end and must equal the matrix's size (a state silently left out fails).
"""

from __future__ import annotations

import pytest

import kernels
from tests.browser.helpers import ARTIFACTS

WIDTH, HEIGHT = 1280, 720
LANGS = ("en", "zh")
MODES = ("normal", "projector")

#: one kernel of each family for the Image Lab's kernel picker (not the default Gaussian: the
#: default settings are a state of their own); an off-centre motion blur is the asymmetric case
FAMILY_KERNELS = {"low-pass": "motion", "high-pass": "sharpen", "band-pass": "log",
                  "directional": "gabor", "other": "identity"}

#: lab → (url path, number of tabs in its main tab bar, kernel picker's link key or None)
LABS = {
    "image_lab": ("", 8, "il"),
    "signal_lab": ("signal_lab", 0, None),
    "cnn_lab": ("cnn_lab", 5, None),
    "filter_designer": ("filter_designer", 0, None),
    "fourier_lab": ("fourier_lab", 5, None),
}


def _cases() -> list[tuple[str, str | None, str, str]]:
    """Each lab's defaults in every language × mode; each family's kernel in both languages and both
    modes (normal in one language, projector in the other, alternating from family to family, so
    the kernels together meet all four pairs): 14 Image Lab cases instead of 24, for CI's time."""
    cases = []
    for lab, (_path, _tabs, picker) in LABS.items():
        cases += [(lab, None, lang, mode) for lang in LANGS for mode in MODES]
        for i, kernel in enumerate(FAMILY_KERNELS.values() if picker else ()):
            cases += [(lab, kernel, LANGS[i % 2], "normal"), (lab, kernel, LANGS[(i + 1) % 2], "projector")]
    return cases


CASES = _cases()


def _states_per_case(lab: str) -> int:
    tabs = LABS[lab][1]
    return tabs + 1 if tabs else 1  # the opened page, each further tab, the first tab again


EXPECTED_STATES = sum(_states_per_case(lab) for lab, *_ in CASES)


@pytest.fixture(scope="module")
def tour(browser, pytestconfig):
    """One browser page for the whole tour, and the list of page states checked (printed at the end)."""
    context = browser.new_context(viewport={"width": WIDTH, "height": HEIGHT})
    page = context.new_page()
    page.set_default_timeout(60_000)
    checked: list[str] = []
    yield page, checked
    context.close()
    capture = pytestconfig.pluginmanager.get_plugin("capturemanager")
    with capture.global_and_fixture_disabled():  # printed in the run's log, not captured
        print(f"\ntest_every_tab: {len(checked)} page states opened and checked (matrix: {EXPECTED_STATES})")


def _settled(page) -> None:
    """Wait until the open tab (if any) has drawn something and no run has been in progress for
    half a second (the idle count starts afresh: a click's rerun may not have begun yet)."""
    page.wait_for_selector("[data-testid=stApp][data-test-connection-state=CONNECTED]")
    page.evaluate("() => { window.__everyTabIdle = 0; }")
    page.wait_for_function(
        """() => {
            const app = document.querySelector('[data-testid=stApp]');
            const main = document.querySelector('[data-testid=stMain]');
            const panels = [...document.querySelectorAll('[data-testid=stMain] [role=tabpanel]')]
                .filter(p => !p.hidden && p.offsetParent !== null);
            const drawn = main && main.innerText.trim().length > 0
                && panels.every(p => p.innerText.trim().length > 0);
            const idle = app && app.getAttribute('data-test-script-state') === 'notRunning' && drawn;
            window.__everyTabIdle = idle ? window.__everyTabIdle + 1 : 0;
            return window.__everyTabIdle >= 5;
        }""",
        polling=100,
    )


def _check(page, state: str, checked: list[str]) -> None:
    _settled(page)
    checked.append(state)
    errors = page.locator("[data-testid=stException]")
    text = page.locator("[data-testid=stApp]").inner_text()
    if errors.count() or "Traceback" in text:
        ARTIFACTS.mkdir(parents=True, exist_ok=True)
        page.screenshot(path=str(ARTIFACTS / f"every_tab_failure_{len(checked)}.png"))
        detail = errors.first.inner_text() if errors.count() else text[text.index("Traceback"):][:600]
        pytest.fail(f"{state}: {detail}")


@pytest.mark.parametrize(("lab", "kernel", "lang", "mode"), CASES,
                         ids=[f"{lab}-{kernel or 'default'}-{lang}-{mode}" for lab, kernel, lang, mode in CASES])
def test_every_tab_opens_without_an_error_and_takes_a_mouse_click(tour, app_url, lab, kernel, lang, mode):
    page, checked = tour
    path, n_tabs, picker = LABS[lab]
    query = f"lang={lang}" + ("&projector=1" if mode == "projector" else "")
    if kernel:
        query += f"&{picker}_family={kernels.family(kernel)}&{picker}_kernel={kernel}"
    page.goto(f"{app_url}/{path}?{query}")
    before = len(checked)
    _check(page, f"{lab}?{query} (first tab)", checked)
    tabs = page.locator("[data-testid=stMain] [role=tablist]").first.get_by_role("tab")
    assert tabs.count() == n_tabs, f"{lab}: {tabs.count()} tabs, expected {n_tabs}"
    for i in [*range(1, n_tabs), 0] if n_tabs else []:
        tab = tabs.nth(i)
        name = tab.inner_text()
        tab.click(timeout=20_000)  # as a mouse does: fails if anything lies over the tab's centre
        page.wait_for_function("t => t.getAttribute('aria-selected') === 'true'", arg=tab.element_handle())
        _check(page, f"{lab}?{query} tab {i} ({name})", checked)
    assert len(checked) - before == _states_per_case(lab)


def test_the_matrix_covers_every_family_lang_and_mode():
    """The tour's own bookkeeping: one kernel per catalogue family, and each case in every language and mode."""
    assert set(FAMILY_KERNELS) == {f for f in kernels.FAMILIES if kernels.names(f)}
    assert all(kernels.family(name) == fam for fam, name in FAMILY_KERNELS.items())
    kernel_cases = {(k, lang, mode) for _lab, k, lang, mode in CASES if k}
    for kernel in FAMILY_KERNELS.values():
        assert {lang for k, lang, _m in kernel_cases if k == kernel} == set(LANGS)
        assert {mode for k, _l, mode in kernel_cases if k == kernel} == set(MODES)
    assert {(lang, mode) for _k, lang, mode in kernel_cases} == {(lang, mode) for lang in LANGS for mode in MODES}
    assert len(CASES) == 4 * len(LABS) + 2 * len(FAMILY_KERNELS)
