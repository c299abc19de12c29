"""The report's 补短板 section (templates/scheme.html, report/scheme.py): the planned sites in order with their
coverage figures, each item and each community before → after; absent without planned facilities."""

import re

from complete_community.report.html_report import CommunityRow, ReportData, build_report
from complete_community.report.scheme import PlannedSite, Scheme, SchemeCommunity

ITEMS = [("kindergarten", "一个幼儿园"), ("nursery", "一个托儿所")]


def _community(identifier, name, population, before, after, score_before, score_after):
    status_before = "fail" if "fail" in before.values() else "pass"
    status_after = "fail" if "fail" in after.values() else "pass"
    return SchemeCommunity(identifier, name, population, status_before, status_after, score_before, score_after,
                           dict(before), dict(after))


def _data(scheme):
    return ReportData(
        title="评估", date="2026-12-06", standard_name="指南", standard_files=["guide.yaml"], items=ITEMS,
        categories=[], communities=[CommunityRow("C1", "一", "既有", 3000, 50.0, "fail", "", {}),
                                    CommunityRow("C2", "二", "既有", 5000, 100.0, "pass", "", {}),
                                    CommunityRow("C3", "三", "既有", 2000, 50.0, "fail", "", {})],
        rules=[], walking=[], walking_method="network", life_circles=[], inputs=[], problems=[], scheme=scheme)


def _scheme(sites):
    return Scheme("suggested_sites", sites, [
        _community("C1", "一", 3000, {"kindergarten": "fail", "nursery": "pass"},
                   {"kindergarten": "pass", "nursery": "pass"}, 50.0, 100.0),
        _community("C2", "二", 5000, {"kindergarten": "pass", "nursery": "pass"},
                   {"kindergarten": "pass", "nursery": "pass"}, 100.0, 100.0),
        _community("C3", "三", 2000, {"kindergarten": "fail", "nursery": "fail"},
                   {"kindergarten": "pass", "nursery": "fail"}, 0.0, 50.0)])


def _section(text):
    start = text.index('<section class="part" id="scheme">')
    return text[start:text.index("</section>", start)]


def test_the_section_lists_the_sites_in_order_and_what_changes():
    sites = [PlannedSite(1, "幼儿园", "一", 2300.0, 7300.0, 73.0, "一"),
             PlannedSite(2, "幼儿园", "三", 2000.0, 9300.0, 93.0, "三")]
    section = _section(build_report(_data(_scheme(sites))))
    rows = re.findall(r"<tr><td class=\"num\">(\d+)</td><td>([^<]*)</td><td>([^<]*)</td><td class=\"num\">([^<]*)</td>"
                      r"<td class=\"num\">([^<]*)</td><td class=\"num\">([^<]*)</td><td>([^<]*)</td></tr>", section)
    assert [row[0] for row in rows] == ["1", "2"]
    assert rows[0][1:] == ("幼儿园", "一", "2300", "7300", "73%", "一")
    assert rows[1][5] == "93%"
    # Per item: kindergarten fails in 2 communities (5,000 residents) before, none after; nursery unchanged.
    items = section[section.index('id="scheme-items"'):]
    assert re.search(r'<tr data-item="kindergarten"><td>一个幼儿园</td><td class="num">2 → 0</td>'
                     r'<td class="num">5000 → 0</td>', items)
    assert 'data-item="nursery"' not in items
    # Per community: only those that change, with the items that change.
    communities = section[section.index('id="scheme-communities"'):]
    assert re.findall(r'<tr data-id="(\w+)">', communities) == ["C1", "C3"]
    c3 = communities[communities.index('data-id="C3"'):]
    c3 = c3.split("</tr>")[0]
    assert "0 → 50" in c3 and "一个幼儿园" in c3 and "一个托儿所" not in c3


def test_the_headline_counts_the_communities_that_comply_before_and_after():
    section = _section(build_report(_data(_scheme([PlannedSite(1, "幼儿园", "一")]))))
    assert "With the 1 planned facilities of suggested_sites, 2 of 3 communities comply (without them: 1)" in section
    assert "communities with a changed result: 2." in section


def test_a_scheme_without_coverage_figures_shows_rank_kind_and_community_only():
    sites = [PlannedSite(None, "托儿所", ""), PlannedSite(None, "幼儿园", "一")]
    section = _section(build_report(_data(_scheme(sites))))
    head = section[section.index('id="scheme-sites"'):section.index("</thead>", section.index('id="scheme-sites"'))]
    assert head.count("<th>") == 3
    assert re.findall(r"<tr><td class=\"num\">(\d+)</td><td>([^<]*)</td><td>([^<]*)</td></tr>", section) == [
        ("1", "托儿所", "(in no community)"), ("2", "幼儿园", "一")]


def test_no_section_without_planned_facilities():
    text = build_report(_data(None))
    assert 'id="scheme"' not in text and "补短板" not in text
