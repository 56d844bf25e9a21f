"""The command line as an operator uses it: assess, rules, user add, backup and restore."""
import json
import os
import sqlite3
import subprocess
import tempfile

from conftest import BINARY, ROOT

CAUDA_EQUINA = {"assessedOn": "2026-11-24", "age": 52, "onset": "gradual", "painStartedOn": "2026-11-10", "painNow": 7,
                "legPain": "below-knee", "legSides": "both", "findings": ["saddle-numbness", "bladder-dysfunction"]}


def run(*args, stdin=None):
    return subprocess.run([BINARY, *args], input=stdin, capture_output=True, text=True, timeout=60)


def test_assess_reads_stdin_and_files():
    result = run("assess", "-", stdin=json.dumps(CAUDA_EQUINA))
    assert result.returncode == 0, result.stderr
    out = json.loads(result.stdout)
    assert out["referral"]["urgency"] == "emergency"
    assert [t["status"] for t in out["techniques"]] == ["contraindicated"] * 6
    with tempfile.NamedTemporaryFile("w", suffix=".json", delete=False) as f:
        json.dump(CAUDA_EQUINA, f)
    assert json.loads(run("assess", f.name).stdout) == out


def test_assess_bad_input_exits_2_with_a_line_per_problem():
    bad = dict(CAUDA_EQUINA, painNow=11, onset="slowly")
    del bad["age"]
    result = run("assess", "-", stdin=json.dumps(bad))
    assert result.returncode == 2
    lines = result.stderr.strip().splitlines()
    assert "painNow: must be 0-10, got 11" in lines
    assert "age: is required" in lines
    assert any(line.startswith("onset: ") for line in lines)
    assert result.stdout == ""
    assert run("assess", "-", stdin="{oops").returncode == 2


def test_rules_table_names_every_rule():
    text = run("rules").stdout
    for code in ("cauda-equina", "inflammatory-back-pain", "precaution-bleeding-risk", "thermal-cold-48h"):
        assert code + "\n" in text
    markdown = run("rules", "--markdown").stdout
    with open(os.path.join(ROOT, "docs", "clinical-rules.md")) as f:
        assert f.read() == markdown


def test_user_add_reports_each_problem():
    data = tempfile.mkdtemp()
    result = run("user", "add", "--data", data, "--email", "not-an-email", "--name", "", "--role", "wizard", "--password-stdin", stdin="short\n")
    assert result.returncode == 2
    fields = [line.split(":")[0] for line in result.stderr.strip().splitlines()]
    assert fields == ["role", "name", "email", "password"]
    ok = run("user", "add", "--data", data, "--email", "theo@example.com", "--name", "Theo", "--role", "therapist",
             "--registration", "R1", "--password-stdin", stdin="a long enough passphrase\n")
    assert ok.returncode == 0, ok.stderr


def test_encrypted_backup_of_a_live_server_restores(server):
    folder = tempfile.mkdtemp()
    key = os.path.join(folder, "backup.key")
    assert run("keygen", key).returncode == 0
    copy = os.path.join(folder, "copy.bak")
    result = run("backup", copy, "--data", server["data"], "--encrypt", key)
    assert result.returncode == 0, result.stderr
    assert b"schema_migrations" not in open(copy, "rb").read()
    restored = os.path.join(folder, "restored")
    assert run("restore", copy, "--data", restored, "--decrypt", key).returncode == 0
    with sqlite3.connect(os.path.join(restored, "lumbar.sqlite")) as db:
        assert db.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
        assert db.execute("SELECT COUNT(*) FROM schema_migrations").fetchone()[0] >= 1
    tampered = bytearray(open(copy, "rb").read())
    tampered[-3] ^= 1
    open(copy + ".bad", "wb").write(tampered)
    result = run("restore", copy + ".bad", "--data", os.path.join(folder, "other"), "--decrypt", key)
    assert result.returncode == 2
    assert "does not verify" in result.stderr
