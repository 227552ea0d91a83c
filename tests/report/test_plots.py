"""The reports' figure helpers: what each draws, and the files a saved figure leaves behind."""

from __future__ import annotations

import math
from types import SimpleNamespace

import matplotlib

matplotlib.use("Agg")

import matplotlib.pyplot as plt  # noqa: E402
import numpy as np  # noqa: E402
import pandas as pd  # noqa: E402
import pytest  # noqa: E402
from matplotlib.colors import to_rgba  # noqa: E402

from analysis.report import plots  # noqa: E402
from analysis.report.palette import CATEGORICAL, OutletPalette  # noqa: E402


@pytest.fixture(autouse=True)
def close_figures():
    yield
    plt.close("all")


def texts(ax) -> list[str]:
    return [t.get_text() for t in ax.texts]


# ------------------------------------------------------ figures and files ----


def test_empty_draws_its_message_in_the_middle_and_hides_the_axes():
    fig, ax = plots.figure(8, 3)
    plots.empty(ax, "No incident in this selection.")
    (text,) = ax.texts
    assert text.get_text() == "No incident in this selection."
    assert text.get_position() == (0.5, 0.5) and text.get_transform() == ax.transAxes
    assert not ax.axison


def test_placeholder_is_a_low_figure_holding_only_the_message():
    fig = plots.placeholder("No running total (scope cumulative) in this selection.")
    (ax,) = fig.axes
    assert texts(ax) == ["No running total (scope cumulative) in this selection."]
    assert tuple(fig.get_size_inches()) == (8.0, 1.2)


def test_a_saved_figure_has_its_csv_twin_and_svg_png_pdf(tmp_path, capsys):
    report = SimpleNamespace(figures_dir=tmp_path / "figures" / "99_test")
    data = pd.DataFrame({"outlet": ["RT", "Asbarez"], "n": [2, 1]}).set_index("outlet")
    fig, ax = plots.figure(4, 2)
    plots.hbars(ax, data.index, data["n"], xlabel="articles")
    plots.save_figure(report, fig, "counts", data=data)
    folder = tmp_path / "figures" / "99_test"
    assert sorted(p.name for p in folder.iterdir()) == ["counts.csv", "counts.pdf", "counts.png", "counts.svg"]
    assert (folder / "counts.csv").read_text(encoding="utf-8") == "outlet,n\nRT,2\nAsbarez,1\n"
    assert (folder / "counts.png").read_bytes().startswith(b"\x89PNG")
    assert not plt.fignum_exists(fig.number)  # shown once from its PNG, then closed
    assert "HTML" in capsys.readouterr().out


def test_a_figure_without_data_has_no_csv_and_saves_the_same_bytes_twice(tmp_path):
    report = SimpleNamespace(figures_dir=tmp_path)
    saved = []
    for _ in range(2):
        plots.save_figure(report, plots.placeholder("nothing to draw"), "empty")
        saved.append({ext: (tmp_path / f"empty.{ext}").read_bytes() for ext in ("png", "pdf")})
    assert not (tmp_path / "empty.csv").exists()
    assert saved[0] == saved[1]


def test_panels_blank_the_cells_past_n_and_keep_one_for_a_message_when_none():
    fig, axes = plots.panels(4, row_height=2.0)
    assert len(axes) == 6 and [ax.axison for ax in axes] == [True] * 4 + [False] * 2
    assert tuple(fig.get_size_inches()) == (12.0, 4.0)
    fig, axes = plots.panels(0, row_height=2.0)
    assert len(axes) == 1
    plots.empty(axes[0], "no second outlet to compare with in the selection")
    assert texts(axes[0]) == ["no second outlet to compare with in the selection"]


# --------------------------------------------------------- axes and keys ----


def test_legend_outside_sits_right_of_the_axes_top_aligned():
    fig, ax = plots.figure(4, 2)
    ax.plot([0, 1], [0, 1], label="RT")
    legend = plots.legend_outside(ax, title="outlet")
    assert legend.get_title().get_text() == "outlet"
    assert [t.get_text() for t in legend.get_texts()] == ["RT"]
    fig.canvas.draw()
    box, frame = legend.get_window_extent(), ax.get_window_extent()
    assert box.x0 > frame.x1 and box.y1 == pytest.approx(frame.y1, abs=8)  # the legend pad


def test_legend_key_is_a_marker_or_a_line_hollow_if_asked():
    key = plots.legend_key("hollow: inferred", "grey", hollow=True)
    assert key.get_label() == "hollow: inferred" and key.get_linestyle() == "None"
    assert key.get_markerfacecolor() == "none"
    line = plots.legend_key("RT", "red", line_width=1.5)
    assert line.get_linewidth() == 1.5 and line.get_linestyle() == "-" and line.get_marker() == "o"


def test_spread_centres_the_markers_of_a_row():
    assert plots.spread(1, 0.25).tolist() == [0.0]
    assert plots.spread(3, 0.25).tolist() == [-0.25, 0.0, 0.25]


def test_row_axis_puts_row_zero_on_top_with_lines_between_rows():
    fig, ax = plots.figure(4, 2)
    plots.row_axis(ax, [0, 1, 2], ["a", "b", "c"], separators=True)
    assert ax.get_ylim() == (2.5, -0.5)
    assert [t.get_text() for t in ax.get_yticklabels()] == ["a", "b", "c"]
    assert sorted(line.get_ydata()[0] for line in ax.lines) == [0.5, 1.5]


def test_symlog_axis_labels_counts_with_thousands_separators():
    fig, ax = plots.figure(4, 2)
    plots.symlog_axis(ax, "y", 0, 20000, [0, 5, 10, 1000, 10000], "killed", minor_ticks=False)
    assert ax.get_yscale() == "symlog" and ax.get_ylim() == (0, 20000)
    assert ax.yaxis.get_major_formatter()(10000, 0) == "10,000"
    assert ax.yaxis.get_minor_locator()() == []
    assert ax.get_ylabel() == "killed"


def test_integer_ticks_are_whole_numbers():
    fig, ax = plots.figure(4, 2)
    ax.plot([0, 3], [0, 1])
    plots.integer_ticks(ax.xaxis)
    assert all(float(t).is_integer() for t in ax.get_xticks())


def test_date_axis_writes_calendar_dates():
    fig, ax = plots.figure(4, 2)
    days = pd.to_datetime(["2020-09-27", "2020-10-17"]).to_numpy()
    ax.plot(days, [1, 2])
    plots.date_axis(ax, "publication date")
    fig.canvas.draw()
    labels = [t.get_text() for t in ax.get_xticklabels() if t.get_text()]
    assert labels and all(len(label) == 10 and label[4] == "-" for label in labels)
    assert ax.get_xlabel() == "publication date"


# ----------------------------------------------------------------- bars ----


def test_stacked_columns_stack_each_outlet_on_the_previous_in_its_colour():
    fig, ax = plots.figure(4, 2)
    wide = pd.DataFrame({"Asbarez": [1, 0], "RT": [2, 1]})
    palette = OutletPalette(wide.columns)
    plots.stacked_columns(ax, np.array([0, 1]), wide, palette.colours(wide.columns))
    first, second = ax.containers
    assert [bar.get_y() for bar in second] == [1, 0]  # RT sits on top of Asbarez
    assert to_rgba(second[0].get_facecolor()) == to_rgba(palette.colour("RT"))


def test_grouped_hbars_put_one_bar_per_series_in_each_group_first_on_top():
    fig, ax = plots.figure(4, 2)
    plots.grouped_hbars(ax, ["RT", "Asbarez"], {"first": [3, 1], "first alone": [2, 0]})
    first, alone = ax.containers
    assert [bar.get_height() for bar in first] == [0.4, 0.4]
    assert first[0].get_y() + 0.2 == pytest.approx(-0.2) and alone[0].get_y() + 0.2 == pytest.approx(0.2)
    assert ax.yaxis_inverted()
    assert [t.get_text() for t in ax.get_yticklabels()] == ["RT", "Asbarez"]


def test_stacked_shares_fill_each_outlet_bar_from_0_to_1():
    fig, ax = plots.figure(4, 2)
    wide = pd.DataFrame({"Artsakh": [0.75, 0.0], "Nagorno-Karabakh": [0.25, 1.0]}, index=["Asbarez", "RT"])
    plots.stacked_shares(ax, wide, "share", "name")
    assert ax.get_xlim() == (0, 1) and ax.yaxis_inverted()
    assert ax.get_legend().get_title().get_text() == "name"


def test_segmented_hbars_label_each_segment_inside_it():
    fig, ax = plots.figure(4, 2)
    plots.segmented_hbars(ax, [("Shusha · RT", [(0.5, "Shusha (1)"), (0.5, "Shushi (1)")])], "share")
    assert texts(ax) == ["Shusha (1)", "Shushi (1)"]
    assert [to_rgba(p.get_facecolor()) for p in ax.patches] == [to_rgba(c) for c in CATEGORICAL[:2]]


def test_hbars_draw_the_reference_line():
    fig, ax = plots.figure(4, 2)
    plots.hbars(ax, ["shelling", "ceasefire"], [3.0, 2.5], top_down=True, reference=2)
    assert ax.yaxis_inverted()
    assert [line.get_xdata()[0] for line in ax.lines] == [2]


# ------------------------------------------------------------- matrices ----


def test_heatmap_annotates_every_cell_with_its_value():
    fig, ax = plots.figure(4, 2)
    matrix = pd.DataFrame([[0, 4], [1, 2]], index=["RT", "Asbarez"], columns=["armenian", "outlet"])
    plots.heatmap(ax, matrix, "Blues", vmin=0, ink=lambda v: "white" if v > 2 else "black",
                  colorbar={"label": "claims", "integer": True})
    assert texts(ax) == ["0", "4", "1", "2"]
    assert [t.get_color() for t in ax.texts] == ["black", "white", "black", "black"]
    assert [t.get_text() for t in ax.get_xticklabels()] == ["armenian", "outlet"]
    assert len(fig.axes) == 2  # the colour bar


def test_heatmap_skips_empty_and_missing_cells_and_stars_marked_ones():
    fig, ax = plots.figure(4, 2)
    matrix = pd.DataFrame([[0.0, math.nan], [3.0, 0.0]])
    marked = pd.DataFrame([[False, False], [True, False]])
    plots.heatmap(ax, matrix, "YlOrRd", fmt=lambda v: f"{int(v)}" if v else "", marked=marked, missing="#eeeeee")
    assert texts(ax) == ["3*"]
    assert len(ax.patches) == 1 and ax.patches[0].get_hatch() == "///"
    assert to_rgba(ax.get_facecolor()) == to_rgba("#eeeeee")


def test_heatmap_auto_ink_is_white_on_dark_cells():
    fig, ax = plots.figure(4, 2)
    plots.heatmap(ax, pd.DataFrame([[0.0, 1.0]]), "Blues", vmin=0, vmax=1)
    assert [t.get_color() for t in ax.texts] == ["black", "white"]
    assert plots.luminance_ink((1, 1, 1, 1)) == "black" and plots.luminance_ink((0, 0, 0.3, 1)) == "white"


# -------------------------------------------------------------- markers ----


def test_dots_are_filled_or_hollow_as_marked():
    fig, ax = plots.figure(4, 2)
    plots.dots(ax, np.array([1, 2, 3]), np.array([0, 0, 1]), [False, True, False], "red", marker="s", label="RT")
    filled, hollow = ax.collections
    assert len(filled.get_offsets()) == 2 and len(hollow.get_offsets()) == 1
    assert filled.get_label() == "RT"
    assert hollow.get_facecolors().size == 0 or hollow.get_facecolors()[0][3] == 0


def test_box_dots_draw_a_box_and_a_dot_per_value_for_each_row():
    fig, ax = plots.figure(4, 2)
    plots.box_dots(ax, [(np.array([0, 1, 3]), np.array([False, False, True])), (np.array([2]), np.array([False]))],
                   ["RT", "Asbarez"])
    dots = sum(len(c.get_offsets()) for c in ax.collections)
    assert dots == 4
    assert [t.get_text() for t in ax.get_yticklabels()] == ["RT", "Asbarez"]


def test_labelled_scatter_names_each_point():
    fig, ax = plots.figure(4, 2)
    plots.labelled_scatter(ax, pd.Series([0.1, -0.2]), pd.Series([0.0, 0.3]), ["RT", "Asbarez"], sizes=[50, 70])
    assert texts(ax) == ["RT", "Asbarez"]
    assert ax.get_aspect() == 1.0


def test_interval_dot_ends_open_intervals_in_an_arrow_at_the_right_edge():
    fig, ax = plots.figure(4, 2)
    plots.interval_dot(ax, 0, 13, math.inf, pd.NA, "red", right=100)
    line, arrow = ax.lines
    assert line.get_xdata().tolist() == [13, 100]
    assert arrow.get_marker() == ">"
    plots.interval_dot(ax, 1, 12, 12, 12, "red", right=100)
    assert ax.lines[-1].get_marker() == "o"


def test_running_total_steps_through_exact_counts_with_the_outlet_marker():
    fig, ax = plots.figure(4, 2)
    rows = pd.DataFrame({
        "published": pd.to_datetime(["2020-10-02", "2020-10-03", "2020-10-04"]),
        "count": pd.array([100, pd.NA, 150], dtype="Int64"),
        "count_low": [100.0, 120.0, 150.0], "count_high": [100.0, math.inf, 150.0],
        "outlet": ["Asbarez", "JAMnews", "Asbarez"], "figure": ["100", "more than 120", "150"]})
    palette = OutletPalette(["Asbarez", "JAMnews"])
    plots.running_total(ax, rows, "tab:blue", palette)
    assert texts(ax) == ["100", "more than 120", "150"]
    marked = [line for line in ax.lines if line.get_linestyle() == "None"]
    assert [line.get_marker() for line in marked] == [palette.marker("Asbarez")]  # one artist per outlet
    assert marked[0].get_ydata().tolist() == [100.0, 150.0]
    (band,) = ax.collections
    assert band.get_segments()[0][:, 1].tolist() == [120.0, 180.0]  # open: half again above the low end


def test_a_running_total_relayed_again_and_again_is_labelled_where_it_changes():
    fig, ax = plots.figure(4, 2)
    days = pd.to_datetime(["2020-10-02"] * 30 + ["2020-10-05"] * 30)
    rows = pd.DataFrame({"published": days, "count": pd.array([100] * 30 + [150] * 30, dtype="Int64"),
                         "count_low": [100.0] * 30 + [150.0] * 30, "count_high": [100.0] * 30 + [150.0] * 30,
                         "outlet": [f"o{k % 3}" for k in range(60)], "figure": ["100"] * 30 + ["150"] * 30})
    plots.running_total(ax, rows, "tab:blue", OutletPalette(["o0", "o1", "o2"]))
    assert texts(ax) == ["100", "150"]
    assert len([line for line in ax.lines if line.get_linestyle() == "None"]) == 3
