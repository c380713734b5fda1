"""MappedBuilder, the one offset-map builder: whatever order its reads come in (forward
edit after edit, or back, as markup does) and however many pieces its source has, every
character maps to the original span a per-character model gives."""
from __future__ import annotations

from hypothesis import given, settings, strategies as st

from postcheck.textmap import MappedBuilder, MappedText, apply_edits


def model_edit(text: str, spans: list[tuple[int, int]], edits) -> tuple[str, list[tuple[int, int]]]:
    """The edits applied to a text kept as one (start, end) a character."""
    out, out_spans, pos = [], [], 0
    for start, end, new in list(edits) + [(len(text), len(text), "")]:
        out.append(text[pos:start])
        out_spans += spans[pos:start]
        if new:
            covered = (spans[start][0], spans[end - 1][1])
            out.append(new)
            out_spans += [covered] * len(new)
        pos = end
    return "".join(out), out_spans


def as_model(mt: MappedText) -> tuple[str, list[tuple[int, int]]]:
    return mt.text, [mt.char_span(k) for k in range(len(mt.text))]


@st.composite
def edits_of(draw, text: str):
    cuts = sorted(set(draw(st.lists(st.integers(0, len(text)), max_size=12))))
    edits = []
    for a, b in zip(cuts[::2], cuts[1::2]):
        if a < b:
            edits.append((a, b, draw(st.sampled_from(["", "x", "yz", "\n", "không"]))))
    return edits


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet="abc \n", max_size=30), st.data())
def test_edits_in_a_row_map_like_the_model(text, data):
    mt = MappedText.identity(text)
    model = (text, [(k, k + 1) for k in range(len(text))])
    for _ in range(3):  # each pass reads a source of more pieces, some fixed
        edits = data.draw(edits_of(mt.text))
        mt = apply_edits(mt, edits)
        model = model_edit(*model, edits)
        assert as_model(mt) == model
        assert mt.original_length == len(text)


@settings(max_examples=200, deadline=None)
@given(st.text(alphabet="abc", min_size=1, max_size=20), st.data())
def test_reads_behind_the_last_one(text, data):
    # markup keeps a later piece before an earlier one: the builder looks it up again
    first = apply_edits(MappedText.identity(text), data.draw(edits_of(text)))
    n = len(first.text)
    if not n:
        return
    i = data.draw(st.integers(0, n - 1))
    j = data.draw(st.integers(i + 1, n))
    out = MappedBuilder(first)
    out.keep(i, j)
    out.keep(0, i)
    out.replace(i, j, "#")
    out.replace(n, n, "\n")  # a point at the end stands for nothing
    built = out.build()
    expected = [first.char_span(k) for k in range(i, j)] + [first.char_span(k) for k in range(i)]
    expected += [first.original_span(i, j), (first.original_length, first.original_length)]
    assert [built.char_span(k) for k in range(len(built.text))] == expected
