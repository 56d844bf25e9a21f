"""The axe-core check itself: it must catch a serious violation, or every journey marked for it proves nothing."""
import axe


def test_axe_reports_an_image_without_text_and_a_nameless_button(browser):
    browser.get("data:text/html,<!doctype html><html lang=en><title>t</title><main><img src='x.png'><button></button></main></html>")
    found = {v["id"] for v in axe.violations(browser)}
    assert {"image-alt", "button-name"} <= found, found


def test_axe_passes_a_plain_page(browser):
    browser.get("data:text/html,<!doctype html><html lang=en><title>t</title><main><h1>Hello</h1><p>Plain words.</p></main></html>")
    assert axe.violations(browser) == []
