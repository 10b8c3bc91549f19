"""Checks the machine-readable outputs of one format run (tests/lint/run.sh):
JSON formats parse, XML formats parse, SARIF 2.1.0 has the fields GitHub
code scanning requires.  Usage: check.py DIR (files named by format)."""
import json
import sys
import xml.dom.minidom

d = sys.argv[1]
errors = []


def read(fmt):
    with open(f"{d}/{fmt}", "rb") as f:
        return f.read()


def need(cond, what):
    if not cond:
        errors.append(what)


for fmt in ("json", "gitlab_codeclimate"):
    try:
        data = json.loads(read(fmt))
        need(isinstance(data, list), f"{fmt}: not an array")
        for item in data:
            if fmt == "json":
                need(set(item) == {"file", "line", "column", "code", "message", "level"},
                     f"json: keys {sorted(item)}")
            else:
                for k in ("description", "check_name", "fingerprint", "severity", "location"):
                    need(k in item, f"gitlab_codeclimate: no {k}")
                need(item["severity"] in ("info", "minor", "major", "critical", "blocker"),
                     "gitlab_codeclimate: severity")
                need(isinstance(item["location"]["lines"]["begin"], int), "gitlab: lines.begin")
    except (ValueError, KeyError) as e:
        errors.append(f"{fmt}: {e}")

for chunk in read("codeclimate").split(b"\0"):
    if chunk.strip():
        try:
            issue = json.loads(chunk)
            need(issue.get("type") == "issue", "codeclimate: type")
        except ValueError as e:
            errors.append(f"codeclimate: {e}")

for fmt in ("checkstyle", "junit"):
    try:
        xml.dom.minidom.parseString(read(fmt))
    except Exception as e:  # any parse failure is the finding
        errors.append(f"{fmt}: {e}")

try:
    sarif = json.loads(read("sarif"))
    need(sarif.get("version") == "2.1.0", "sarif: version")
    need("$schema" in sarif, "sarif: $schema")
    run = sarif["runs"][0]
    driver = run["tool"]["driver"]
    need(driver.get("name"), "sarif: driver.name")
    need(driver.get("informationUri"), "sarif: driver.informationUri")
    ids = set()
    for rule in driver["rules"]:
        need(rule.get("id"), "sarif: rule id")
        need(rule.get("shortDescription", {}).get("text"), "sarif: rule shortDescription")
        need(rule.get("helpUri"), "sarif: rule helpUri")
        ids.add(rule["id"])
    need(run["results"], "sarif: no results")
    for res in run["results"]:
        need(res["ruleId"] in ids or res["ruleId"].startswith("SC"), "sarif: unknown ruleId")
        need(res["level"] in ("error", "warning", "note", "none"), "sarif: level")
        need(res["message"]["text"], "sarif: message.text")
        loc = res["locations"][0]["physicalLocation"]
        need(loc["artifactLocation"]["uri"], "sarif: uri")
        need(loc["region"]["startLine"] >= 1, "sarif: startLine")
        need(loc["region"]["startColumn"] >= 1, "sarif: startColumn")
except (ValueError, KeyError, IndexError) as e:
    errors.append(f"sarif: {e}")

for e in errors:
    print(e)
sys.exit(1 if errors else 0)
