"""The report built from plain data through its jinja2 templates: escaping, the verdict-coloured chart, words
for codes, and the template strings found by the translation extractor."""

import importlib.util
import re
from pathlib import Path

from complete_community.report import html_report
from complete_community.report.html_report import (CommunityRow, ReportData, RuleRow, WalkingRow, build_report,
                                                   chart_geometry, summary_numbers)

REPOSITORY = Path(__file__).resolve().parent.parent


def report_data(**changes):
    values = dict(
        title="评估 <报告>", date="2026-11-30", standard_name="指南", standard_files=["guide.yaml"],
        items=[("kindergarten", "幼儿园"), ("nursery", "托儿所")], categories=[("kindergarten", "幼儿园", 300.0)],
        communities=[
            CommunityRow("C1", "<script>alert(1)</script>", "新建", 3000, 100.0, "pass", "", {}),
            CommunityRow("C2", "A & B 社区", "既有", 5000, 87.5, "fail", "托儿所", {}),
            CommunityRow("C3", "三社区", None, None, 85.0, "no_data", "", {})],
        rules=[RuleRow("C2", "nursery", "nursery_provided", "托儿所", "2.3.2", "required", "fail", "没有"),
               RuleRow("C3", "nursery", "nursery_provided", "托儿所", "2.3.2", "required", "no_data", "缺数据"),
               RuleRow("C2", "kindergarten", "kg_walk", "步行", "2.3.1", "recommended", "fail", "远")],
        walking=[WalkingRow("C1", {"kindergarten": (120.0, "pass")})], walking_method="straight_line_x1.4",
        life_circles=[], inputs=[("社区", "communities — 3 features, EPSG:4547", "2026-10-01")],
        problems=["a <b> problem", "another", "a <b> problem"])
    values.update(changes)
    return ReportData(**values)


def test_text_from_the_data_is_escaped():
    text = build_report(report_data())
    assert "<script>alert(1)</script>" not in text and "&lt;script&gt;alert(1)&lt;/script&gt;" in text
    assert "A &amp; B 社区" in text and "评估 &lt;报告&gt;" in text and "a &lt;b&gt; problem" in text
    assert "http://" not in text and "https://" not in text


def test_the_histogram_is_coloured_by_verdict():
    numbers = summary_numbers(report_data())
    bins = dict(numbers["score_bins"])
    assert {status: n for status, n in bins["100"].items() if n} == {"pass": 1}
    assert {status: n for status, n in bins["85–90"].items() if n} == {"fail": 1, "no_data": 1}
    chart = chart_geometry(numbers["score_bins"])
    stacked = [bar for bar in chart["bars"] if bar["label"] == "85–90"][0]
    assert [segment["status"] for segment in stacked["segments"]] == ["fail", "no_data"]
    assert sum(segment["height"] for segment in stacked["segments"]) == max(
        sum(s["height"] for s in bar["segments"]) for bar in chart["bars"])
    svg = re.search(r"<svg.*?</svg>", build_report(report_data()), re.S).group(0)
    assert svg.count('data-status="fail"') == 1 and svg.count('data-status="pass"') == 1


def test_advisory_and_info_communities_are_counted_by_verdict_and_drawn_in_their_colour():
    communities = [CommunityRow("C1", "一", None, 100, 100.0, "pass", "", {}),
                   CommunityRow("C2", "二", None, 100, 100.0, "advisory", "", {}),
                   CommunityRow("C3", "三", None, 100, 100.0, "info", "", {}),
                   CommunityRow("C4", "四", None, 100, 92.0, "fail", "托儿所", {})]
    data = report_data(communities=communities, rules=[], walking=[], area_name="jiedao")
    numbers = summary_numbers(data)
    assert numbers["by_status"] == {"pass": 3, "fail": 1, "no_data": 0}  # the cards, by verdict
    chart = chart_geometry(numbers["score_bins"])
    full = [bar for bar in chart["bars"] if bar["label"] == "100"][0]
    assert full["count"] == 3 and [s["status"] for s in full["segments"]] == ["pass", "advisory", "info"]
    assert chart["statuses"] == ["pass", "advisory", "info", "fail"]  # the legend: what is drawn
    text = build_report(data)
    svg = re.search(r"<svg.*?</svg>", text, re.S).group(0)
    assert 'fill="{}" data-status="advisory"'.format(html_report.status_colour("advisory")) in svg
    assert "<th>Street</th>" in text and "jiedao" not in text  # the area field's heading in words


def test_only_failing_required_rules_count_as_missing():
    assert summary_numbers(report_data())["missing_items"] == [("托儿所", 1)]


def test_the_measuring_method_is_in_words():
    assert "straight_line_x" not in build_report(report_data())
    assert "network" not in build_report(report_data(walking_method="network")).split("<h2>", 5)[-1]


def test_template_strings_are_extracted_in_the_reports_context():
    spec = importlib.util.spec_from_file_location("update_translations", REPOSITORY / "scripts" /
                                                  "update_translations.py")
    extractor = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(extractor)
    assert extractor.TEMPLATE_CONTEXT == html_report._CONTEXT
    found = {text for _path, text in extractor.template_strings(str(REPOSITORY))}
    assert {"Conclusion", "Method: {}", "Data problems found"} <= found
    strings, _problems = extractor.extract(str(REPOSITORY))
    assert ("Report", "Conclusion") in strings


def test_a_citys_failed_required_pairs_give_the_summary_its_rules_give():
    """A city's report reads (community, item) of the failed required rules instead of every rule row."""
    rules = [RuleRow(community, item, item + ".rule", "规则", "2.3", "required", "fail", "")
             for community, item in (("C2", "nursery"), ("C3", "kindergarten"), ("C2", "kindergarten"))]
    communities = [CommunityRow("C{}".format(n), "社区", None, 1000 * n, 80.0, "fail", "", {}) for n in (1, 2, 3)]
    from_rules = report_data(communities=communities, rules=rules + [
        RuleRow("C1", "nursery", "nursery.walk", "步行", "2.3", "recommended", "fail", "")])
    from_pairs = report_data(communities=communities, rules=[], failed_required=[
        ("C2", "nursery"), ("C3", "kindergarten"), ("C2", "kindergarten")])
    assert summary_numbers(from_pairs)["missing_items"] == [("幼儿园", 2), ("托儿所", 1)]
    assert html_report.failing_items(from_pairs) == {"C2": ["kindergarten", "nursery"], "C3": ["kindergarten"]}
    assert summary_numbers(from_pairs) == summary_numbers(from_rules)
    assert build_report(from_pairs, sections=("summary.html",)) == build_report(from_rules, sections=("summary.html",))


def test_the_summary_comes_first_with_shortfalls_by_residents_and_the_guides_advice():
    data = report_data(
        organisation="某某规划设计研究院", area_name="街道",
        guidance={"nursery": "老城区和已建成居住社区无婴幼儿照护设施的，要限期通过购置、置换、租赁等方式建设"},
        communities=[CommunityRow("C1", "一", "新建", 3000, 100.0, "pass", "", {"nursery": "pass"}, area="东"),
                     CommunityRow("C2", "二", "既有", 5000, 87.5, "fail", "托儿所", {"nursery": "fail"}, area="东"),
                     CommunityRow("C3", "三", None, 1000, 85.0, "fail", "托儿所", {"nursery": "fail"}, area="西")],
        rules=[RuleRow(c, "nursery", "nursery_provided", "托儿所", "2.3.2", "required", "fail", "没有")
               for c in ("C2", "C3")])
    text = build_report(data)
    summary = text[text.index('<section class="summary">'):text.index("</section>")]
    assert text.index('<section class="summary">') < text.index('<section class="part">')
    assert "某某规划设计研究院" in summary and "2026-10-01" in summary
    assert re.search(r'<tr data-item="nursery"><td>托儿所</td><td class="num">2</td><td class="num">6000</td>'
                     r'<td class="advice">老城区', summary)
    rows = re.findall(r"<tr[^>]*><td>([^<]*)</td><td class=\"num\">(\d+)</td><td class=\"num\">(\d+)</td>",
                      summary[summary.index('id="areas"'):])
    assert rows[:3] == [("东", "2", "1"), ("西", "1", "0"), ("Whole district", "3", "1")]
    assert summary.count("a &lt;b&gt; problem") == 1  # each problem once
    assert 'id="conclusion"' in summary and "1 of 3" in summary


def test_the_report_stays_small_for_a_city():
    communities, rules, walking = [], [], []
    for index in range(5000):
        identifier = "C{:04d}".format(index)
        communities.append(CommunityRow(identifier, "社区{}".format(index), "既有", 8000, 90.0, "fail",
                                        "托儿所、菜市场", {"nursery": "fail", "kindergarten": "pass"}, area="街道{}".format(
                                            index % 40)))
        rules += [RuleRow(identifier, item, item + ".rule", "规则", "2.3", "required", status, "原因" * 10)
                  for item, status in (("nursery", "fail"), ("kindergarten", "pass"))] * 20
        walking.append(WalkingRow(identifier, {"kindergarten": (250.0, "pass")}))
    text = build_report(report_data(communities=communities, rules=rules, walking=walking, area_name="街道",
                                    map_png=b"\x89PNG" + b"0" * 400000))
    assert len(text.encode("utf-8")) < 5 * 1024 * 1024
    assert 'id="details-elsewhere"' in text and 'id="walking"' not in text
    assert text.count("<tr data-id=") == 5000  # every community still listed once


def test_the_workbook_reports_its_progress_and_is_the_same_file_with_or_without_it(tmp_path):
    from complete_community.report.workbook import write_workbook

    communities = [CommunityRow("C{:04d}".format(n), "社区", None, 1000, 80.0, "fail", "", {"nursery": "fail"})
                   for n in range(1000)]
    rules = [RuleRow(row.id, "nursery", "nursery.rule{}".format(k), "规则", "2.3", "required", "fail", "原因",
                     measured=k, threshold_min=300.0, unit="m") for row in communities for k in range(25)]
    data = report_data(communities=communities, rules=rules)
    reported = []
    write_workbook(str(tmp_path / "plain.xlsx"), data)
    write_workbook(str(tmp_path / "watched.xlsx"), data, progress=reported.append)
    assert (tmp_path / "plain.xlsx").read_bytes() == (tmp_path / "watched.xlsx").read_bytes()
    assert len(reported) >= 10 and reported == sorted(reported) and reported[-1] == 1.0
