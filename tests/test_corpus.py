"""Measure `drafter lint` against the labelled corpus in tests/corpus/ (precision and recall).

Every document (plain text committed, .docx built at test time from docx_specs.yaml) is read
with ``read_document`` and checked with every built-in rule; the (code, article) findings are
compared with the labels of tests/corpus/expected.yaml (conventions in tests/corpus/README.md).
A rule with any expected or predicted finding must reach precision and recall of at least 0.9
over the whole corpus, and the good documents must raise no unlabelled warning or error.
"""

from __future__ import annotations

import importlib.util
import os
import re
import zipfile
from collections import Counter, defaultdict
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import pytest
import yaml

HOME_CORPUS = Path(__file__).resolve().parent / "corpus"
# Another labelled set (a folder with its own expected.yaml) can be measured the same way by pointing
# DRAFTER_CORPUS_DIR at it; the size and variety checks apply to the main corpus only.
CORPUS = Path(os.environ.get("DRAFTER_CORPUS_DIR") or HOME_CORPUS).resolve()
THRESHOLD = 0.9

# The fixed rule catalogue of docs/architecture.md: labels may only use these codes.
CATALOGUE = {
    *(f"DR10{i}" for i in range(1, 7)),
    *(f"DR2{i:02d}" for i in range(1, 11)),
    *(f"DR30{i}" for i in range(1, 8)),
    *(f"DR4{i:02d}" for i in range(1, 13)),
    *(f"DR50{i}" for i in range(1, 10)),
    *(f"DR60{i}" for i in range(1, 8)),
}


def _load_builder() -> Any:
    """Import tests/corpus/build_docx.py (tests/ is not a package)."""
    spec = importlib.util.spec_from_file_location(
        "corpus_build_docx", HOME_CORPUS / "build_docx.py"
    )
    module = importlib.util.module_from_spec(spec)
    assert spec.loader is not None
    spec.loader.exec_module(module)
    return module


builder = _load_builder()


def corpus_specs() -> list[dict[str, Any]]:
    """Return the .docx specs of the corpus being measured (none if it has no spec file)."""
    path = CORPUS / "docx_specs.yaml"
    return builder.load_specs(path) if path.is_file() else []


@dataclass
class Label:
    """One expected finding: a rule code at an article as printed (None: whole statute)."""

    code: str
    article: str | None
    why: str
    # Other acceptable anchors for the same finding: a penalty written apart from the offence
    # it governs may be reported at either (STANDARDS.md: "anchored ... to the offence").
    alt: tuple[str, ...] = ()

    @property
    def anchors(self) -> tuple[str | None, ...]:
        """Return every article at which a finding satisfies this label."""
        return (self.article, *self.alt)


@dataclass
class Doc:
    """One corpus document and its labels."""

    path: str
    language: str
    quality: str
    labels: list[Label]
    spec: str | None = None


def _flatten(items: list[Any]) -> list[dict[str, Any]]:
    """Flatten YAML aliases of label lists (``- *statute_missing``) into one list."""
    flat: list[dict[str, Any]] = []
    for item in items:
        flat.extend(_flatten(item) if isinstance(item, list) else [item])
    return flat


def load_expected() -> list[Doc]:
    """Read tests/corpus/expected.yaml into Doc records."""
    data = yaml.safe_load((CORPUS / "expected.yaml").read_text(encoding="utf-8"))
    docs = []
    for entry in data["documents"]:
        labels = [
            Label(
                f["code"],
                None if f["article"] is None else str(f["article"]),
                f.get("why", ""),
                tuple(str(a) for a in f.get("alt", ())),
            )
            for f in _flatten(entry["findings"])
        ]
        docs.append(
            Doc(entry["path"], entry["language"], entry["quality"], labels, entry.get("spec"))
        )
    return docs


DOCS = load_expected()


# --------------------------------------------------------------------------- corpus sanity


def test_labels_are_well_formed() -> None:
    """Every label uses a catalogue code, says why, and is unique; every document exists."""
    specs = {spec["id"]: spec for spec in corpus_specs()}
    problems = []
    for doc in DOCS:
        if doc.language not in ("en", "fr") or doc.quality not in ("good", "bad"):
            problems.append(f"{doc.path}: language/quality {doc.language}/{doc.quality}")
        if doc.path.endswith(".docx"):
            spec = specs.get(doc.spec or "")
            if spec is None or spec["file"] != doc.path:
                problems.append(f"{doc.path}: no docx spec {doc.spec!r} building this file")
        elif not (CORPUS / doc.path).is_file():
            problems.append(f"{doc.path}: file missing")
        seen = Counter((label.code, label.article) for label in doc.labels)
        problems += [f"{doc.path}: duplicate label {key}" for key, n in seen.items() if n > 1]
        by_code = defaultdict(set)
        for label in doc.labels:
            by_code[label.code].add(label.article is None)
            if label.code not in CATALOGUE:
                problems.append(f"{doc.path}: {label.code} is not in the rule catalogue")
            if not label.why.strip():
                problems.append(f"{doc.path}: {label.code}@{label.article} has no 'why'")
        labelled = {(label.code, label.article) for label in doc.labels}
        problems += [
            f"{doc.path}: {label.code}@{label.article} has alternative {alt}, itself labelled"
            for label in doc.labels
            for alt in label.alt
            if (label.code, alt) in labelled or label.article is None
        ]
        problems += [
            f"{doc.path}: {code} labelled both statute-wide and per article"
            for code, kinds in by_code.items()
            if len(kinds) > 1
        ]
        if doc.quality == "bad" and not doc.labels:
            problems.append(f"{doc.path}: a bad document without labels")
    assert not problems, "\n".join(problems)


def test_labelled_articles_exist_in_text() -> None:
    """Each labelled article number is printed as an article heading in the text documents."""
    problems = []
    for doc in DOCS:
        if not doc.path.endswith((".txt", ".md")):
            continue
        text = (CORPUS / doc.path).read_text(encoding="utf-8")
        for label in doc.labels:
            if label.article is None:
                continue
            # "Article 3", "Article (3)", "Art. 3.", "Section 3.", "Clause 3", "§ 3", "### Section 3", "3. ...".
            number = re.escape(label.article)
            heading = rf"^(?:#+\s*)?(?:(?:article|art\.|section|clause|§)\s*\(?{number}\)?(?!\w)|{number}[.\s])"
            if not re.search(heading, text, re.IGNORECASE | re.MULTILINE):
                problems.append(
                    f"{doc.path}: no heading for article {label.article} ({label.code})"
                )
    assert not problems, "\n".join(problems)


def test_corpus_meets_its_brief() -> None:
    """The corpus keeps its size and variety: bad/good, English/French, .docx kinds."""
    if CORPUS != HOME_CORPUS:
        pytest.skip("size and variety apply to the main corpus")
    count = Counter((d.quality, d.language) for d in DOCS)
    assert count["bad", "en"] + count["bad", "fr"] >= 12
    assert count["good", "en"] + count["good", "fr"] >= 6
    assert count["bad", "fr"] >= 3 and count["good", "fr"] >= 2
    assert sum(d.path.endswith(".docx") for d in DOCS) >= 5


def test_docx_builder_is_deterministic_and_covers_word_features(tmp_path: Path) -> None:
    """Two builds give identical bytes; the set has tracked changes, tables, numbering, styles."""
    first = builder.build_all(tmp_path / "a", builder.load_specs())
    second = builder.build_all(tmp_path / "b", builder.load_specs())
    assert {k: p.read_bytes() for k, p in first.items()} == {
        k: p.read_bytes() for k, p in second.items()
    }
    w = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
    tracked = tables = numbered = styled = plain = 0
    for path in first.values():
        root = builder.document_xml(path)
        tracked += bool(root.findall(f".//{w}ins")) and bool(root.findall(f".//{w}del"))
        tables += bool(root.findall(f".//{w}tbl"))
        styles = {s.get(f"{w}val") for s in root.iter(f"{w}pStyle")}
        styled += any(s and s.startswith("Heading") for s in styles)
        plain += not any(s and s.startswith("Heading") for s in styles)
        if root.findall(f".//{w}numPr"):
            with zipfile.ZipFile(path) as zf:
                numbered += b'w:abstractNumId="90"' in zf.read("word/numbering.xml")
    assert tracked >= 2 and tables >= 2 and numbered >= 1 and styled >= 1 and plain >= 1


# --------------------------------------------------------------------------- measurement


@dataclass
class Outcome:
    """Matches of one document: true positives, false positives and false negatives."""

    doc: Doc
    tp: list[tuple[str, str | None]] = field(default_factory=list)
    fp: list[tuple[str, str | None, list[Any]]] = field(default_factory=list)  # with findings
    fn: list[Label] = field(default_factory=list)
    findings: list[Any] = field(default_factory=list)
    statute: Any = None
    error: str | None = None


def compare(doc: Doc, findings: list[Any]) -> Outcome:
    """Match findings with labels by (code, article).

    A label with article None matches any finding of its code in the document; a label with
    alternatives matches a finding at any of its anchors, and findings at those anchors are
    not false positives. Several findings of one code in one article count once.
    """
    outcome = Outcome(doc, findings=findings)
    predicted: dict[tuple[str, str | None], list[Any]] = defaultdict(list)
    for finding in findings:
        predicted[finding.code, finding.location.article].append(finding)
    statute_codes = {label.code for label in doc.labels if label.article is None}
    for label in doc.labels:
        if label.article is None:
            hit = any(code == label.code for code, _ in predicted)
        else:
            hit = any((label.code, anchor) in predicted for anchor in label.anchors)
        if hit:
            outcome.tp.append((label.code, label.article))
        else:
            outcome.fn.append(label)
    expected = {(label.code, anchor) for label in doc.labels for anchor in label.anchors}
    for (code, article), found in predicted.items():
        if code not in statute_codes and (code, article) not in expected:
            outcome.fp.append((code, article, found))
    return outcome


def test_compare_counts_per_article_with_alternatives_and_statute_labels() -> None:
    """The matcher: one hit per (code, article), alternatives absorb, None matches anywhere."""
    from drafter.findings import Finding, Location, Severity

    def found(code: str, article: str | None) -> Finding:
        return Finding(code, "x", Severity.ERROR, "m", Location(article=article))

    doc = Doc(
        "d.txt",
        "en",
        "bad",
        [
            Label("DR201", "3", "w"),
            Label("DR401", "6", "w", alt=("3",)),
            Label("DR504", None, "w"),
            Label("DR207", "4", "w"),
        ],
    )
    findings = [found("DR201", "3"), found("DR201", "3"), found("DR401", "3")]
    findings += [found("DR504", "9"), found("DR504", None), found("DR205", "2")]
    outcome = compare(doc, findings)
    assert sorted(outcome.tp) == [("DR201", "3"), ("DR401", "6"), ("DR504", None)]
    assert [(label.code, label.article) for label in outcome.fn] == [("DR207", "4")]
    assert [(code, article) for code, article, _ in outcome.fp] == [("DR205", "2")]


@pytest.fixture(scope="module")
def outcomes(tmp_path_factory: pytest.TempPathFactory) -> list[Outcome]:
    """Read and lint every corpus document once."""
    from drafter.lint.catalog import load_rules
    from drafter.lint.engine import run_rules
    from drafter.reading import read_document

    built = builder.build_all(tmp_path_factory.mktemp("corpus_docx"), corpus_specs())
    rules = load_rules()
    results = []
    for doc in DOCS:
        path = built[doc.spec] if doc.spec else CORPUS / doc.path
        try:
            statute = read_document(path, changes="accepted", language="auto")
        except Exception as exc:  # noqa: BLE001 - one crashing document must not hide the rest
            outcome = Outcome(doc, fn=list(doc.labels), error=f"{type(exc).__name__}: {exc}")
            results.append(outcome)
            continue
        outcome = compare(doc, run_rules(statute, rules, file=doc.path))
        outcome.statute = statute
        results.append(outcome)
    return results


def _ratio(num: int, den: int) -> float:
    return num / den if den else 1.0


def per_rule(results: list[Outcome]) -> dict[str, Counter]:
    """Return {code: Counter(tp=, fp=, fn=)} over the whole corpus."""
    table: dict[str, Counter] = defaultdict(Counter)
    for outcome in results:
        for code, _ in outcome.tp:
            table[code]["tp"] += 1
        for code, _, _ in outcome.fp:
            table[code]["fp"] += 1
        for label in outcome.fn:
            table[label.code]["fn"] += 1
    return table


def _article_text(outcome: Outcome, article: str | None) -> str:
    if outcome.statute is None or article is None:
        return ""
    found = outcome.statute.article(article)
    if found is None:
        numbers = [a.number for a in outcome.statute.articles]
        return f"[reader found no article {article}; articles read: {numbers}]"
    return found.text.replace("\n", " / ")[:160]


def report(results: list[Outcome]) -> tuple[str, list[str]]:
    """Return the printed table and the list of rules below the threshold."""
    table = per_rule(results)
    lines = [f"{'rule':<7}{'TP':>4}{'FP':>4}{'FN':>4}{'prec':>7}{'rec':>7}"]
    failing = []
    for code in sorted(table):
        c = table[code]
        precision = _ratio(c["tp"], c["tp"] + c["fp"])
        recall = _ratio(c["tp"], c["tp"] + c["fn"])
        flag = "" if precision >= THRESHOLD and recall >= THRESHOLD else "  <-- below 0.9"
        failing += [code] if flag else []
        lines.append(
            f"{code:<7}{c['tp']:>4}{c['fp']:>4}{c['fn']:>4}{precision:>7.2f}{recall:>7.2f}{flag}"
        )
    tp, fp, fn = (sum(c[k] for c in table.values()) for k in ("tp", "fp", "fn"))
    lines.append(
        f"{'all':<7}{tp:>4}{fp:>4}{fn:>4}{_ratio(tp, tp + fp):>7.2f}{_ratio(tp, tp + fn):>7.2f}"
    )
    return "\n".join(lines), failing


def per_document(results: list[Outcome]) -> str:
    """Return one line per document: its TP/FP/FN counts."""
    lines = [f"{'document':<34}{'TP':>4}{'FP':>4}{'FN':>4}"]
    for o in results:
        lines.append(f"{o.doc.path:<34}{len(o.tp):>4}{len(o.fp):>4}{len(o.fn):>4}")
    return "\n".join(lines)


def details(results: list[Outcome], codes: set[str] | None = None) -> str:
    """List every false positive and false negative (optionally only for some codes)."""
    lines = []
    for outcome in results:
        doc = outcome.doc.path
        if outcome.error:
            lines.append(f"ERROR {doc}: reader failed: {outcome.error}")
        if outcome.statute is not None and outcome.statute.language != outcome.doc.language:
            lines.append(
                f"LANG  {doc}: read as {outcome.statute.language!r}, is {outcome.doc.language!r}"
            )
        for code, article, found in outcome.fp:
            if codes is None or code in codes:
                for f in found:
                    loc = f.location
                    lines.append(
                        f"FP {code} {doc} art {article} para {loc.paragraph}: "
                        f"{(loc.text or '')[:80]!r} ({f.message[:70]})"
                    )
        for label in outcome.fn:
            if codes is None or label.code in codes:
                lines.append(
                    f"FN {label.code} {doc} art {label.article} ({label.why}): "
                    f"{_article_text(outcome, label.article)!r}"
                )
    return "\n".join(lines)


def test_precision_and_recall_per_rule(outcomes: list[Outcome]) -> None:
    """Every rule that fires or should fire reaches precision and recall of 0.9 on the corpus."""
    table, failing = report(outcomes)
    # With -s, everything is printed: the table, the per-document counts and every FP/FN.
    print("\n" + table + "\n\n" + per_document(outcomes) + "\n\n" + details(outcomes))
    errors = [o for o in outcomes if o.error]
    assert not failing and not errors, (
        f"rules below {THRESHOLD}: {', '.join(failing)}\n{table}\n\n{per_document(outcomes)}\n\n"
        + details(outcomes, set(failing) | {label.code for o in errors for label in o.fn})
    )


def test_documents_read_in_their_language(outcomes: list[Outcome]) -> None:
    """Automatic language detection gives each corpus document its labelled language."""
    wrong = [
        f"{o.doc.path}: {o.statute.language!r} instead of {o.doc.language!r}"
        for o in outcomes
        if o.statute is not None and o.statute.language != o.doc.language
    ]
    assert not wrong, "\n".join(wrong)


def test_good_documents_raise_no_unlabelled_warnings(outcomes: list[Outcome]) -> None:
    """A well-drafted statute yields no warning or error beyond its (info-level) labels."""
    noisy = []
    for outcome in outcomes:
        if outcome.doc.quality != "good":
            continue
        for code, article, found in outcome.fp:
            for f in found:
                if f.severity.value in ("warning", "error"):
                    noisy.append(
                        f"{outcome.doc.path}: {code} ({f.severity.value}) art {article} "
                        f"para {f.location.paragraph}: {(f.location.text or '')[:80]!r}"
                    )
    assert not noisy, "findings on good documents:\n" + "\n".join(noisy)
