"""Journey: a therapist attaches a PDF to a client's record and views it; the owner's audit log shows the view; a web
page named scan.pdf and an SVG drawing are refused beside the file field, keeping the description; a withdrawal asks
first, needs a reason, and keeps the document listed, crossed out."""
import os
import tempfile

from selenium.webdriver.common.by import By

from flows import OWNER, STAFF_PASSWORD, add_therapist, set_up_clinic, sign_out
from pages import fill, follow, heading, submit, visit
from test_program import sign_in
from totp import code

PDF = b"%PDF-1.4\n1 0 obj << /Type /Catalog /Pages 2 0 R >> endobj\n2 0 obj << /Type /Pages /Kids [] /Count 0 >> endobj\n" \
      b"trailer << /Root 1 0 R >>\n%%EOF\n"


def temp_file(folder, name, content):
    path = os.path.join(folder, name)
    with open(path, "wb") as file:
        file.write(content)
    return path


def attach(browser, path, description):
    browser.find_element(By.ID, "file").send_keys(path)
    fill(browser, description=description)
    submit(browser, "Attach")


def test_documents_attached_viewed_refused_and_withdrawn(server, browser):
    base = server["base"]
    folder = tempfile.mkdtemp(prefix="lumbar-documents-")
    secret = set_up_clinic(browser, base)
    add_therapist(browser, base)
    # Shared care lets Theo see every client's chart, as a small clinic often chooses.
    visit(browser, base + "/settings")
    browser.find_element(By.ID, "sharedCare").click()
    submit(browser, "Save settings")
    visit(browser, base + "/clients/new")
    fill(browser, firstName="Ada", lastName="Alpha", phone="416-555-0101")
    submit(browser, "Register")
    client_path = "/" + browser.current_url.split("/", 3)[3].split("?")[0].split("#")[0]
    assert client_path.startswith("/clients/"), client_path
    sign_out(browser)

    sign_in(browser, base, "theo@example.com", STAFF_PASSWORD)
    visit(browser, base + client_path + "/documents")
    assert heading(browser) == "Documents for Ada Alpha"
    assert "No documents yet." in browser.page_source

    # Disguises: a web page named like a PDF, and an SVG drawing. Each is refused beside the field; the words stay.
    for name, content in [("scan.pdf", b"<html><body><script>alert(document.cookie)</script></body></html>"),
                          ("drawing.svg", b"<svg xmlns='http://www.w3.org/2000/svg' onload='alert(1)'><circle r='5'/></svg>")]:
        attach(browser, temp_file(folder, name, content), "Referral from Dr. Ng")
        error = browser.find_element(By.ID, "file-error").text
        assert "Only PDF, JPEG and PNG files can be attached" in error, error
        assert browser.find_element(By.ID, "file").get_attribute("aria-invalid") == "true"
        assert browser.find_element(By.ID, "description").get_attribute("value") == "Referral from Dr. Ng"
    assert "No documents yet." in browser.page_source

    # The real PDF goes in and is listed with who added it.
    attach(browser, temp_file(folder, "MRI report.pdf", PDF), "MRI report from Dr. Ng")
    assert "Document attached." in browser.page_source
    listed = browser.find_element(By.ID, "documents").text
    assert "MRI report.pdf" in listed and "MRI report from Dr. Ng" in listed and "Added by Theo Therapist" in listed, listed

    # Viewing opens the file itself, as a PDF, sent so it cannot run anything.
    link = browser.find_element(By.LINK_TEXT, "View").get_attribute("href")
    browser.get(link)
    assert browser.execute_script("return document.contentType") == "application/pdf"
    # The file is sandboxed (an origin of its own), so its headers are read from the clinic's page.
    visit(browser, base + client_path + "/documents")
    served = browser.execute_async_script("""
        const done = arguments[arguments.length - 1];
        fetch(arguments[0]).then(async r => { const bytes = new Uint8Array(await r.arrayBuffer());
            done([r.headers.get('content-type'), r.headers.get('x-content-type-options'), r.headers.get('content-disposition'),
                  String.fromCharCode(...bytes.slice(0, 8))]); });""", link)
    assert served[0] == "application/pdf" and served[1] == "nosniff", served
    assert served[2].startswith("inline;") and "filename*=UTF-8''MRI%20report.pdf" in served[2], served
    assert served[3] == "%PDF-1.4", served

    # A withdrawal asks first and needs a reason.
    follow(browser, "Withdraw")
    assert heading(browser) == "Withdraw this document?"
    submit(browser, "Yes, withdraw it")
    assert "Say why this document is withdrawn" in browser.find_element(By.ID, "reason-error").text
    fill(browser, reason="Belongs to another client")
    submit(browser, "Yes, withdraw it")
    assert "Document withdrawn." in browser.page_source
    item = browser.find_element(By.CSS_SELECTOR, "#documents li.withdrawn")
    assert item.find_element(By.TAG_NAME, "del").text == "MRI report from Dr. Ng", "listed by what it is"
    assert "Withdrawn by Theo Therapist" in item.text and "Belongs to another client" in item.text, item.text
    sign_out(browser)

    # The owner's audit log shows Theo's view of the clinical record, and the CSV names it a document view.
    fill(browser, **OWNER)
    submit(browser, "Sign in")
    fill(browser, code=code(secret))
    submit(browser, "Continue")
    visit(browser, base + "/audit")
    rows = [row.text for row in browser.find_elements(By.CSS_SELECTOR, "tbody tr")]
    assert any("Theo Therapist" in row and "clinical" in row and "view" in row for row in rows), rows
    csv = browser.execute_async_script("const done = arguments[arguments.length - 1]; fetch('/audit.csv').then(r => r.text()).then(done);")
    assert "document viewed" in csv and "document withdrawn" in csv, csv[:2000]
