"""No template or YAML file can hang a build or exhaust its memory: the sandbox's budget of steps,
size and nesting (``templating.budget``) and the YAML reader's alias budget stop each attempt
before the work is done, with the file and line that asked for it."""

from __future__ import annotations

from pathlib import Path

import pytest

from helpers.failures import append_line, assert_refused, files
from helpers.project import Cli

Y = Path("data/2021")
STEPS = ("not allowed in a template: the templates take more than 500,000 steps (loop rounds "
         "and calls); a loop runs too long or loops are nested too deeply")
SIZE = ("not allowed in a template: the templates would make more than 30,000,000 characters; "
        "a loop or a filter repeats text too often")
BITS = "not allowed in a template: the number would have more than 4096 bits"
BLOCKS = "template syntax error: blocks nest more than 16 deep here"
DEEP = "template syntax error: the expression nests more than 50 deep here"
PARSE = "template syntax error: the template nests too deeply here"
INFINITY = "OverflowError: cannot convert float infinity to integer"


def unsafe(method: str, kind: str = "str") -> str:
    return f"not allowed in a template: access to attribute '{method}' of '{kind}' object is unsafe."


BIG = "{% set s = 'x' * 100000 %}"
NS = "{% set ns = namespace(s='xxxxxxxxxx', l=[1], n=3) %}"
CASES: list[tuple[str, str, str]] = [
    # (id, a line of the narrative, what the message says)
    ("nested-loops", "{% for i in range(100000) %}{% for j in range(100000) %}{% endfor %}"
                     "{% endfor %}", STEPS),
    ("three-nested-loops", "{% for i in range(100) %}{% for j in range(100) %}"
                           "{% for k in range(100) %}{% endfor %}{% endfor %}{% endfor %}", STEPS),
    ("loop-over-loop-variable", "{% for i in range(1000) %}{% for j in range(i * 10) %}"
                                "{% endfor %}{% endfor %}", STEPS),
    ("exponential-macro", "{% macro f(n) %}{% if n %}{{ f(n - 1) }}{{ f(n - 1) }}{% endif %}"
                          "{% endmacro %}{{ f(40) }}", STEPS),
    ("exponential-recursive-loop", "{% for i in range(2) recursive %}{% if loop.depth < 40 %}"
                                   "{{ loop(range(2)) }}{% endif %}{% endfor %}", STEPS),
    ("calls-in-a-loop", "{% for i in range(100000) %}{{ range(3)|list|length }}{{ i.real }}"
                        "{{ loop.cycle(1, 2) }}{{ dict(a=i).items()|list|length }}{% endfor %}",
     STEPS),
    ("doubling-text", NS + "{% for i in range(40) %}{% set ns.s = ns.s ~ ns.s %}{% endfor %}"
                      "{{ ns.s|length }}", SIZE),
    ("doubling-list", NS + "{% for i in range(40) %}{% set ns.l = ns.l + ns.l %}{% endfor %}"
                      "{{ ns.l|length }}", SIZE),
    ("growing-by-escapes", "{% set ns = namespace(s='&' * 100000) %}{% for i in range(1000) %}"
                           "{% set ns.s = ns.s|forceescape %}{% endfor %}", SIZE),
    ("repeated-print", BIG + "{% for i in range(1000) %}{{ s }}{% endfor %}", SIZE),
    ("repeated-literal", "{% for i in range(100000) %}" + "长" * 400 + "{% endfor %}", SIZE),
    ("captured-in-a-macro", BIG + "{% macro m() %}{% for i in range(100) %}{{ s }}{% endfor %}"
                            "{% endmacro %}{% for i in range(10) %}{% set t = m() %}{% endfor %}",
     SIZE),
    ("shared-nested-list", "{% set a = ['x' * 1000] * 10000 %}{% set b = [a] * 10000 %}{{ b }}",
     SIZE),
    ("shared-list-joined", "{% set a = ['x' * 100000] * 100000 %}{{ a|join }}", SIZE),
    ("joined-by-map", "{% set a = ['x' * 100000] * 100000 %}{{ a|map('string')|join('、') }}",
     SIZE),
    ("text-times-number", "{{ range(100000)|list|string * 1000 }}", SIZE),
    ("center", "{{ 'x'|center(1000000000) }}", SIZE),
    ("indent", "{{ ('\\n' * 90)|indent(1000000) }}", SIZE),
    ("wordwrap", BIG + "{{ s|wordwrap(1, wrapstring='y' * 10000) }}", SIZE),
    ("replace", BIG + "{{ s|replace('x', s) }}", SIZE),
    ("replace-empty", BIG + "{{ s|replace('', s) }}", SIZE),
    ("format-filter-width", "{{ '%999999999s'|format(1) }}", SIZE),
    ("percent-width", "{{ '%0999999999d' % 1 }}", SIZE),
    ("percent-star-width", "{{ '%*d' % (999999999, 1) }}",
     "not allowed in a template: a width given by an argument (%*d) is not allowed"),
    ("batch-fill", "{{ [1]|batch(1000000000, 0)|list }}", SIZE),
    ("slice", "{{ [1]|slice(1000000000)|list }}", SIZE),
    ("sum-of-lists", "{{ [[1], [2]]|sum(start=[]) }}",
     "not allowed in a template: sum adds numbers; to put lists together, loop over them"),
    ("tojson-indent", "{{ range(1000)|list|tojson(indent=100000) }}", SIZE),
    ("urlize-target", BIG[:-3] + " ~ ' http://a.b' * 5000 %}{{ s|urlize(target='x' * 10000) }}",
     SIZE),
    ("ljust-method", "{{ 'x'.ljust(1000000000) }}", unsafe("ljust")),
    ("zfill-method", "{{ 'x'.zfill(1000000000) }}", unsafe("zfill")),
    ("format-method", "{{ '{:>999999999}'.format(1) }}", unsafe("format")),
    ("join-method", "{{ 'x'.join(range(10)|map('string')) }}", unsafe("join")),
    ("replace-method", BIG + "{{ s.replace('x', s) }}", unsafe("replace")),
    ("translate-method", "{{ 'x'.translate({120: 'y'}) }}", unsafe("translate")),
    ("expandtabs-method", "{{ '\\t'.expandtabs(1000000000) }}", unsafe("expandtabs")),
    ("extend-method", NS + "{{ ns.l.extend(ns.l) }}", unsafe("extend", "list")),
    ("squaring", NS + "{% for i in range(40) %}{% set ns.n = ns.n * ns.n %}{% endfor %}", BITS),
    ("power-of-a-power", "{{ (10 ** 64) ** 64 }}", BITS),
    ("power", "{{ 2 ** 100000000 }}", BITS),
    ("lipsum", "{{ lipsum(100000) }}", "undefined: 'lipsum' is undefined"),
    ("nested-ifs", "{% if 1 %}" * 200 + "x" + "{% endif %}" * 200, BLOCKS),
    ("nested-fors", "{% for i in [1] %}" * 30 + "x" + "{% endfor %}" * 30, BLOCKS),
    ("nested-macros", "{% macro m() %}" * 30 + "x" + "{% endmacro %}" * 30, BLOCKS),
    ("parentheses", "{{ " + "(" * 400 + "1" + ")" * 400 + " }}", PARSE),
    ("nots", "{{ " + "not " * 2000 + "1 }}", PARSE),
    ("brackets", "{{ " + "[" * 300 + "]" * 300 + " }}", PARSE),
    ("filter-chain", "{{ 1" + "|abs" * 400 + " }}", DEEP),
    ("attribute-chain", "{{ 完成" + ".real" * 300 + " }}", DEEP),
    ("sum-chain", "{{ 1" + " + 1" * 300 + " }}", DEEP),
    ("call-chain", "{{ range" + "(1)" * 300 + " }}", DEEP),
    ("a-macro-calling-itself", "{% macro m(n) %}{{ m(n) }}{% endmacro %}{{ m(1) }}",
     "RecursionError: maximum recursion depth exceeded"),
    # a constant Jinja folds to inf or nan is still a number when the template runs
    ("folded-infinity", "{{ 'inf'|float|int }}", INFINITY),
    ("folded-infinity-in-a-tuple", "{{ ('inf'|float, 1)|first|int }}", INFINITY),
    ("folded-infinity-in-a-list", "{{ ['-inf'|float]|first|int }}", INFINITY),
    ("folded-infinity-in-a-dict", "{{ {'a': '1e400'|float}.a|int }}", INFINITY),
]


@pytest.mark.parametrize(("line", "message"), [case[1:] for case in CASES],
                         ids=[case[0] for case in CASES])
def test_a_template_that_would_run_away_is_stopped(cli: Cli, project: Path, line: str,
                                                   message: str) -> None:
    number = append_line(project / Y / "narrative.txt", line)
    assert_refused(cli("build", "2021", code=None), 1,
                   [f"error: data/2021/narrative.txt:{number}: {message}"])
    assert files(project, "output") == {}


def test_check_stops_the_same_template(cli: Cli, project: Path) -> None:
    number = append_line(project / Y / "narrative.txt", CASES[0][1])
    result = cli("check", "2021", code=None)
    assert_refused(result, 1, [])
    assert f"data/2021/narrative.txt:{number}: {STEPS}" in result.stdout + result.stderr


def test_a_box_template_is_stopped_at_its_line(cli: Cli, project: Path) -> None:
    template = project / "templates" / "专栏" / "编号清单.txt"
    number = append_line(template, CASES[0][1])
    assert_refused(cli("build", "2021", code=None), 1,
                   [f"error: templates/专栏/编号清单.txt:{number}: {STEPS}"])
    assert files(project, "output") == {}


def test_the_word_template_is_nested_within_bounds(cli: Cli, project: Path) -> None:
    import docx

    template = project / "templates" / "report.docx"
    document = docx.Document(template)
    document.paragraphs[0].runs[0].text = "{% if 1 %}" * 30 + "x" + "{% endif %}" * 30
    document.save(template)
    message = assert_refused(cli("build", "2021", code=None), 1, [BLOCKS])
    assert message.startswith("error: templates/report.docx:"), message
    assert files(project, "output") == {}


def laughs(levels: int, width: int, indent: str = "") -> str:
    """A billion-laughs structure: each level an anchored list of ``width`` aliases of the
    level below."""
    lines = [f'{indent}l0: &l0 ["哈", "哈"]']
    lines += [f"{indent}l{i}: &l{i} [" + ", ".join([f"*l{i - 1}"] * width) + "]"
              for i in range(1, levels)]
    return "\n".join(lines) + "\n"


ALIASES = "its aliases (*name) stand for more than 10,000 values; write the values out, or " \
          "repeat fewer of them"


def unused_box(body: str) -> str:
    return "\n未放置的专栏:\n  标题: 炸弹\n  清单: 本年民心工程\n  模板: 编号清单.txt\n  参数:\n" + body


YAML_CASES: list[tuple[str, str, str, int, str]] = [
    # (id, file, text added at its end, the line named (-1: the last), message); the bombs
    # stop at l4, whose aliases bring the count past 10,000 (9**4 * 2 > 10,000)
    ("bomb-in-an-unused-box", "boxes.yaml", unused_box(laughs(9, 9, "    ")), -5, ALIASES),
    ("bomb-in-report-yaml", "report.yaml", "炸弹:\n" + laughs(9, 9, "  "), -5, ALIASES),
    ("wide-bomb", "boxes.yaml", unused_box(laughs(3, 200, "    ")), -1, ALIASES),
    ("many-aliases-of-one-value", "report.yaml",
     "值: &v 1\n多: [" + ", ".join(["*v"] * 20000) + "]\n", -1, ALIASES),
    ("deep-list", "report.yaml", "深: " + "[" * 100 + "]" * 100 + "\n", -1,
     "nests more than 50 levels deep"),
    ("deep-mapping", "boxes.yaml",
     "".join("  " * i + f"层{i}:\n" for i in range(60)) + "  " * 60 + "底\n", -12,
     "nests more than 50 levels deep"),
]


@pytest.mark.parametrize(("name", "text", "back", "message"),
                         [case[1:] for case in YAML_CASES], ids=[case[0] for case in YAML_CASES])
def test_a_yaml_file_cannot_blow_up(cli: Cli, project: Path, name: str, text: str, back: int,
                                    message: str) -> None:
    path = project / Y / name
    before = path.read_text(encoding="utf-8")
    path.write_text(before + text, encoding="utf-8")
    line = (before + text).count("\n") + 1 + back
    assert_refused(cli("build", "2021", code=None), 1,
                   [f"data/2021/{name}:{line}: {message}"])
    assert files(project, "output") == {}


def test_aliases_within_the_budget_are_read(cli: Cli, project: Path) -> None:
    path = project / Y / "boxes.yaml"
    path.write_text(path.read_text(encoding="utf-8") + unused_box(laughs(3, 9, "    ")),
                    encoding="utf-8")
    result = cli("check", "2021", code=None)
    assert "专栏 「未放置的专栏」 is defined but the narrative never places it" in result.stdout
