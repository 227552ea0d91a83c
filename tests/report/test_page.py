"""The page frame (analysis.report.page): the id line, findings linked to figures, caveats boxed."""

from __future__ import annotations

from analysis.report import page


def test_findings_link_to_their_figures_and_escape_their_text():
    markup = page.findings_html([page.Finding("RT reported <first>", figure="lag_matrix"),
                                 ("Asbarez wrote 3 articles", "timeline"), "A plain sentence."])
    assert "<a href='#fig-lag_matrix'>(figure lag_matrix)</a>" in markup
    assert "#fig-timeline" in markup and "&lt;first&gt;" in markup and "A plain sentence." in markup
    assert "Nothing to report" in page.findings_html([])
    assert "Two outlets differ. <i>(Table 2)</i>" in page.findings_html([page.Finding("Two outlets differ.", label="Table 2")])


def test_the_id_line_names_the_report_id_and_what_was_asked():
    line = page.id_line_html("02_casualty_tolls", "warcov-abc", 2000, {"outlets": ["RT"], "raw_dir": None})
    assert "warcov-abc" in line and "2,000 articles" in line and "outlets=[&#x27;RT&#x27;]" in line
    assert "raw_dir" not in line and "#provenance" in line
