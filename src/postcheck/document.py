"""One draft under check: its views, sentences and (lazily) its words."""
from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from functools import cached_property
from typing import Callable, Hashable, TypeVar

from . import segment
from .lang.dictionary import (could_begin_dictionary_word, is_dictionary_word, longest_dictionary_word,
                              respelled_in_dictionary)
from .lang.frequency import common_readings, seen_respelled, unusual_syllable, written_often
from .lang.vi import accent_probe, fold, has_diacritics, tone_key
from .normalize import clean, evasion_spans, matching_view
from .terms import Match, Matcher, Matches, surely_unmarked, word_letters, written_with_diacritics
from .register import Register
from .textmap import LineIndex, MappedText

MAX_SEGMENTED = 2000  # characters given to the word segmenter at once
_SYLLABLE = re.compile(r"[^\W_]+(?:-[^\W_]+)*")
_WORDS = re.compile(r"[^\W\d_]+")
# in a word: anything but Latin letters, their marks and white space (digits, punctuation,
# emoji, invisibles, look-alike letters of other scripts)
_DISGUISE = re.compile(r"[^\sA-Za-z\u00c0-\u024f\u1e00-\u1eff\u0300-\u036f]")


# punctuation that clings to a neighbouring word: "roi," is the word "roi"
_CLINGING = ".,;:!?…\"'“”‘’()[]"
# what the writer does without, folded: an exemption term right after one ("khỏi cần chờ Người
# phát ngôn, mình nói luôn …") credits nothing (Document.waived)
_WAIVERS = ("khoi can", "khong can", "chang can", "cha can", "khoi phai", "khong phai cho", "khoi cho", "khoi doi")
# the classifiers an insult opens with, folded ("thằng điên", "con điên", "đồ điên", "lũ", "bọn",
# "đứa"): typed without marks they are also tháng, còn, độ…, so a neighbour decides
_CLASSIFIERS = frozenset({"thang", "con", "do", "lu", "bon", "dua"})
# words that aim a bare insult at a person (folded): second and first person, plural markers
_POINTERS = frozenset({"may", "mi", "tao", "bay", "thang", "bon", "lu", "dua", "chung", "tui"})
# a term's own first syllable that points it at someone or something (as the term spells it;
# "con" and "đồ" are also the classifiers of streets, colours and things, so they do not)
_POINTING_HEADS = frozenset({"thằng", "đứa", "lũ", "bọn", "mặt", "cái", "óc", "mồm", "mày", "tao"})
_MAY_NOUNS = frozenset({"xe", "det", "cat", "lam", "nganh", "hang", "tho", "ao"})
# words right after a bare insult that make it an order or a jibe ("bot sua di", "do cam kia")
_ORDERS = frozenset({"di", "kia", "a", "ha", "vay", "the", "nhe", "roi", "qua", "luon", "nua"})
# words that are orders only where they close their clause ("đi" is also to go, "nữa" also more)
_CLOSING_ORDERS = frozenset({"di", "nua"})
T = TypeVar("T")


class Document:
    def __init__(self, original: str, teencode: dict[str, str], matcher: Matcher):
        self._memo: dict[Hashable, object] = {}
        self.original = original
        self.clean: MappedText = clean(original)
        self.view: MappedText = matching_view(self.clean, teencode)
        self.matches: Matches = matcher.find(self.view.text, self._unmarked_ok, self.folded_view, self.folded_words_view)
        self._words: dict[tuple[int, int], tuple[tuple[int, int], ...]] = {}
        self._word_starts: dict[tuple[int, int], list[int]] = {}
        self._cuts: dict[int, list[int]] = {}
        self._compound_cache: dict[int, tuple[list[tuple[int, int]], int]] = {}
        self._strong: dict[str, dict[int, list[Match]]] = {}
        self._strong_word: dict[str, bool] = {}

    def memo(self, key: Hashable, make: Callable[[], T]) -> T:
        """A value derived from this document by a rule kind or a gate (an index, an
        encoding, a verdict per sentence), made by `make` on first use and kept with the
        document: every rule that asks again gets it for free. Keys are namespaced by
        their owner ("pattern.utf8", ("tone.formal",), …)."""
        try:
            return self._memo[key]  # type: ignore[return-value]
        except KeyError:
            value = self._memo[key] = make()
            return value

    def memoized(self, key: Hashable) -> bool:
        """Has memo(key, …) been made already (whether a costly view is at hand)?"""
        return key in self._memo

    def strong_by_sentence(self, name: str) -> dict[int, list[Match]]:
        """A term set's strong (not weak) matches grouped by sentence, built once a
        document: conditions and pattern contexts look them up for every hit, and a scan
        of all matches for every hit is quadratic in a long draft."""
        grouped = self._strong.get(name)
        if grouped is None:
            grouped = {}
            for m in self.matches.get(name, ()):
                if not m.weak:
                    grouped.setdefault(self.sentence_of(m.start), []).append(m)
            self._strong[name] = grouped
        return grouped

    def has_word_match(self, name: str) -> bool:
        """Is any strong match of the term set a word of its own, anywhere in the post?"""
        found = self._strong_word.get(name)
        if found is None:
            found = self._strong_word[name] = any(
                self.is_word(m) for ms in self.strong_by_sentence(name).values() for m in ms)
        return found

    @cached_property
    def _evasions(self) -> list[tuple[int, int]]:
        return evasion_spans(self.clean)

    def in_evasion(self, match: Match) -> bool:
        """Does the match lie inside a word the user split apart on purpose?"""
        return bool(self._evasions) and self._inside_evasion(*self.view.original_span(match.start, match.end))

    def _inside_evasion(self, s: int, e: int) -> bool:
        i = bisect_right(self._evasions, (s, float("inf"))) - 1
        return i >= 0 and self._evasions[i][0] <= s and e <= self._evasions[i][1]

    @property
    def folded_clean(self) -> str:
        """The clean text lower-cased without diacritics (memo "folded_clean")."""
        return self.memo("folded_clean", lambda: fold(self.clean.text.lower()))

    @property
    def folded_view(self) -> str:
        """The matching view without diacritics (memo "folded_view")."""
        return self.memo("folded_view", lambda: fold(self.view.text))

    @cached_property
    def words_view(self) -> str:
        """The matching view with every character but letters and digits made a space."""
        return word_letters(self.view.text)

    @cached_property
    def folded_words_view(self) -> str:
        return fold(self.words_view)

    def _accented_around(self, start: int, end: int) -> bool:
        # judged on what the user typed: teencode expansions must not count as diacritics;
        # a word split apart on purpose is judged on its own (l.o.n amid accented text)
        s, e = self.view.original_span(start, end)
        if self._evasions and self._inside_evasion(s, e):
            return False
        return written_with_diacritics(self.original, s, e, reach=80, probe=self._accent_probe)

    def accented_near(self, start: int, end: int) -> bool:
        """Is the original text around the original span [start, end) written with diacritics?"""
        return written_with_diacritics(self.original, start, end, reach=80, probe=self._accent_probe)

    def _unmarked_ok(self, start: int, end: int, term, partial: bool) -> bool:
        """Is a span typed with its term's marks missing the term? As terms.unmarked_plausible
        decides on the view, judged on what the user typed: teencode expansions are no
        marks, a name-cased phrase (Bao Cao) is a name, and letters the user disguised
        (đồ l0n, đ.ồ l.o.n) mean the word."""
        s, e = self.view.original_span(start, end)
        typed = self.original[s:e]
        if partial and not has_diacritics(typed):
            # the marks in the span are a teencode expansion's ("ng nha minh" → "người nha
            # minh"): the user typed none, so the span is wholly unmarked, not half-marked
            partial = False
        words = _WORDS.findall(typed)
        if any(w[:1].isupper() and not w.isupper() for w in words) and self._accented_around(start, end):
            return False
        if _DISGUISE.search(typed):
            return True
        if not partial and term.syllables == 2 and term.text.split(" ")[0] not in _POINTING_HEADS \
                and unusual_syllable(term.text) and not self._aimed(start, end):
            # typed bare, a syllable that staff never write for those letters ("bot sua":
            # bột sữa, not bớt sủa; "con pho": con phố) makes the term other words, unless
            # the words around it aim it at someone ("may bot sua di"), or its own head does
            # ("thang dan": thằng đần; "cai mac": cái mác, a thing pointed at)
            return False
        if term.syllables > 1 and surely_unmarked(_WORDS.findall(self.view.text, start, end)):
            return True
        return not partial and not self._accented_around(start, end)

    def _aimed(self, start: int, end: int) -> bool:
        """Do the words around a bare span, in its sentence, aim it at someone: a second or
        first person ("may", "tao", "chung bay"), a classifier pointing at a person before it
        ("thang nay", "lu"), or an order or a call after it ("… di", "… kia")?"""
        s, e = self.sentences[self.sentence_of(start)] if self.sentences else (0, len(self.view.text))
        folded = self.folded_view
        before = folded[max(s, start - 60):start].split()[-6:]
        after = folded[end:min(e, end + 40)].split()[:4]
        if before and before[-1] == "la":
            return True  # said of someone as what they are: "bac si X la lang bam"
        words = [w.strip(_CLINGING) for w in before + after]
        # "xe may", "det may": the motorbike and the garment trade, not "mày"
        return any(w in _POINTERS and not (w == "may" and i and words[i - 1] in _MAY_NOUNS)
                   for i, w in enumerate(words)) \
            or bool(after) and after[0].strip(_CLINGING) in _ORDERS \
            and (after[0].strip(_CLINGING) not in _CLOSING_ORDERS or len(after) == 1 or after[0][-1:] in _CLINGING)
        # ("di" is also the verb to go: an order only where it closes its clause, "bot sua di!")

    @cached_property
    def _accent_probe(self) -> str:
        return accent_probe(self.original)

    @cached_property
    def register(self) -> Register:
        """Quotations and the voice of each sentence (register.py), on the original text."""
        spans = [self.view.original_span(s, e) for s, e in self.sentences]
        return Register(self.original, spans)

    def covered_by(self, name: str) -> list[tuple[int, int]]:
        """The original spans that the term set's strong word matches cover: each one's
        sentence and the quotations that open or close in it (register.Register.covered)."""
        return self.memo(("covered_by", name), lambda: sorted({
            self.register.covered(self.view.original_span(m.start, m.end)[0])
            for ms in self.strong_by_sentence(name).values() for m in ms if self.is_word(m) and not self.waived(m)}))

    def waived(self, match: Match) -> bool:
        """Is the match introduced by a waiver just before it ("khỏi cần chờ Người phát ngôn",
        "không cần họp báo")? The term is then what the writer does without: it credits
        nothing (folded: the same typed without marks)."""
        tail = " ".join(fold(self.view.text[max(0, match.start - 40):match.start].lower()).split()[-3:])
        return any(w in tail for w in _WAIVERS)

    @cached_property
    def lines(self) -> LineIndex:
        return LineIndex(self.original)

    # sentences, as spans of the matching view and of the original
    @cached_property
    def sentences(self) -> list[tuple[int, int]]:
        return segment.sentence_spans(self.view.text)

    @cached_property
    def _sentence_starts(self) -> list[int]:
        return [s for s, _ in self.sentences]

    @cached_property
    def _sentence_original_starts(self) -> list[int]:
        return [self.view.original_span(s, e)[0] for s, e in self.sentences]

    def sentence_of(self, view_offset: int) -> int:
        return max(bisect_right(self._sentence_starts, view_offset) - 1, 0)

    def sentence_of_original(self, offset: int) -> int:
        return max(bisect_right(self._sentence_original_starts, offset) - 1, 0)

    def sentence_start_original(self, index: int) -> int:
        """Where sentence `index` starts in the original (0 for a draft without sentences)."""
        starts = self._sentence_original_starts
        return starts[index] if 0 <= index < len(starts) else 0

    def is_word(self, match: Match) -> bool:
        """Is the match a word of its own, not part of a longer word ("mật" in "mật ong")?

        underthesea's segmentation decides, but a segment that crosses the match's edge
        only vetoes it when that segment is a dictionary word: the segmenter also glues
        unknown neighbours together ("logo bộ"), and those must not hide a match.
        When no dictionary word at all spans an edge of the match, no segment can veto it,
        and the segmenter is not asked: most matches never need underthesea."""
        if self._dictionary_word_spans_edge(match):
            span = self.view.text[match.start:match.end]
            pieces = len(span.split())
            if match.term.accented and not has_diacritics(span) and (
                    pieces >= 3 or pieces == 2 and not self._common_word_spans_edge(match)
                    and self._edge_words_keep_spelling(match)):
                # the segmenter barely reads text without diacritics: a term of three or more
                # syllables found in full there is judged by its edges alone. So is a pair, unless
                # the word across its edge is one staff write often ("sang lam viec": làm việc);
                # a rare word of the same letters ("hoan tien ve": tiền vệ, where "hoàn tiền vé"
                # is no word at all) glued by the segmenter does not hide it
                return self.plausible_unaccented(match, inside_words=True)
            return self._segments_allow(match) and self.plausible_unaccented(match, inside_words=True)
        return self.plausible_unaccented(match, inside_words=True)

    def _dictionary_word_spans_edge(self, match: Match) -> bool:
        compounds, longest = self._compounds(self.sentence_of(match.start))
        # sorted by start, and none longer than `longest`: only a few can reach the match
        lo = bisect_left(compounds, (match.start - longest, -1))
        hi = bisect_left(compounds, (match.end, -1))
        for a, b in compounds[lo:hi]:
            if a < match.start < b or a < match.end < b:
                return True
        return False

    def _common_word_spans_edge(self, match: Match) -> bool:
        """Does a dictionary word crossing an edge of the match read, typed bare, as a word
        staff often write (lang/frequency.py: a dictionary reading seen COMMON times)?"""
        compounds, longest = self._compounds(self.sentence_of(match.start))
        lo = bisect_left(compounds, (match.start - longest, -1))
        hi = bisect_left(compounds, (match.end, -1))
        text = self.view.text
        for a, b in compounds[lo:hi]:
            if (a < match.start < b or a < match.end < b) and written_often(fold(text[a:b].lower())):
                return True
        return False

    def _edge_words_keep_spelling(self, match: Match) -> bool:
        """Can every dictionary word crossing an edge of a bare pair be read with the term's
        own spelling of the syllables they share ("hoan tien ve": tiền vệ keeps tiền)? One
        that spells them only otherwise ("tuyet mat lanh": mát lạnh, not mật) is left to the
        segmenter, which reads the sentence as a whole."""
        from .lang.dictionary import fold_index

        compounds, longest = self._compounds(self.sentence_of(match.start))
        lo = bisect_left(compounds, (match.start - longest, -1))
        hi = bisect_left(compounds, (match.end, -1))
        text = self.view.text
        own = [tone_key(s) for s in match.term.text.lower().split()]
        for a, b in compounds[lo:hi]:
            if not (a < match.start < b or a < match.end < b):
                continue
            readings = [w.lower().split() for w in fold_index().get(fold(text[a:b].lower()), ())]
            if a < match.start < b:
                k = len(text[match.start:b].split())
                keeps = any(tone_key(" ".join(r[-k:])) == " ".join(own[:k]) for r in readings if len(r) >= k)
            else:
                k = len(text[a:match.end].split())
                keeps = any(tone_key(" ".join(r[:k])) == " ".join(own[-k:]) for r in readings if len(r) >= k)
            if readings and not keeps and not self._outread(compounds, (a, b), match):
                return False
        return True

    def _outread(self, compounds: list[tuple[int, int]], word: tuple[int, int], match: Match) -> bool:
        """Is the edge word `word` outread by another dictionary word that shares its outer
        syllable and runs on beyond it, spelling that syllable otherwise ("giam gia tien mat":
        tiền mặt takes "tien", so gia tiên is no reading)? A word that agrees on it ("tin mat
        tri nho": mất trí, trí nhớ) outreads nothing."""
        from .lang.dictionary import fold_index

        text = self.view.text
        a, b = word
        at_start = a < match.start < b
        for c, d in compounds:
            if at_start and c < a < d <= match.start:
                k = len(text[a:d].split())  # its head, their tail
                mine_at, theirs_at = slice(0, k), slice(-k, None)
            elif not at_start and match.end <= c < b < d:
                k = len(text[c:b].split())  # its tail, their head
                mine_at, theirs_at = slice(-k, None), slice(0, k)
            else:
                continue
            mine = {tone_key(" ".join(w.lower().split()[mine_at])) for w in fold_index().get(fold(text[a:b].lower()), ())}
            theirs = {tone_key(" ".join(w.lower().split()[theirs_at])) for w in fold_index().get(fold(text[c:d].lower()), ())}
            if mine and theirs and not mine & theirs:
                return True
        return False

    def _compounds(self, index: int) -> tuple[list[tuple[int, int]], int]:
        """Every dictionary word of two or more syllables in a sentence, as view spans,
        found once per sentence by growing windows along a prefix set."""
        found = self._compound_cache.get(index)
        if found is not None:
            return found
        text = self.view.text
        s, e = self.sentences[index] if self.sentences else (0, len(text))
        syllables = [(m.start(), m.end()) for m in _SYLLABLE.finditer(text, s, e)]
        reach = longest_dictionary_word()
        found = []
        for i, (a, _) in enumerate(syllables):
            for j in range(i + 1, min(i + reach, len(syllables))):
                if text[syllables[j - 1][1]:syllables[j][0]] != " ":
                    break  # a compound never runs across punctuation
                window = text[a:syllables[j][1]]
                if not could_begin_dictionary_word(window):
                    break
                if is_dictionary_word(window):
                    found.append((a, syllables[j][1]))
        found.sort()
        result = (found, max((b - a for a, b in found), default=0))
        self._compound_cache[index] = result
        return result

    def _segments_allow(self, match: Match) -> bool:
        index = self.sentence_of(match.start)
        cuts = self._pieces(index)
        piece = min(max(bisect_right(cuts, match.start) - 1, 0), len(cuts) - 2)
        spans = self._segment(index, piece)
        starts = self._segment_starts(index, piece)
        text = self.view.text
        # the segments are in order and do not overlap: only the last one starting before
        # each edge of the match can cross it (a scan of all of them is quadratic in a
        # sentence-long draft without punctuation)
        for k in {bisect_left(starts, match.start) - 1, bisect_left(starts, match.end) - 1}:
            if k < 0:
                continue
            a, b = spans[k]
            crosses = (a < match.start < b) or (a < match.end < b)
            if crosses and is_dictionary_word(text[a:b]):
                return False
        return True

    def plausible_unaccented(self, match: Match, inside_words: bool = False) -> bool:
        """Is a match typed without diacritics still the term? The segmenter barely joins
        syllables without diacritics, so the neighbours are looked up in the dictionary.
        A term written without diacritics, in text typed without them, is refused when a
        neighbour makes a word in which it is spelt otherwise ("ngu" + "dan": ngư dân;
        "ngu" + "guc": ngủ gục), not by one that keeps its spelling ("ngu si"). With
        `inside_words` (rules that want whole words), an accented term found folded is
        refused inside any dictionary word ("mat" + "khau": mật khẩu)."""
        text = self.view.text
        span = text[match.start:match.end]
        if has_diacritics(span):
            return True
        before = text[max(0, match.start - 64):match.start].split()[-1:] if match.start else []
        after = text[match.end:match.end + 30].split()[:1]
        pieces = span.split()
        if match.term.accented and len(pieces) == 2 \
                and self._taken_by_common_word(before, pieces, after, match.term.text.split(),
                                               text[max(0, match.start - 64):match.start].split()[-2:-1],
                                               text[match.end:match.end + 40].split()[1:2]):
            return False
        if match.term.accented and not inside_words:
            # a short word typed without marks reads many ways: it counts only when no
            # neighbour spells it otherwise ("chien thang Dien": chiến thắng, not thằng; "6
            # thang moi": a count of months)
            return len(pieces) > 2 or not self._read_otherwise(match, before, pieces)
        if not match.term.accented and self._accented_around(match.start, match.end):
            return True
        if inside_words and match.term.accented:  # any dictionary word it is part of
            joined_before = bool(before) and is_dictionary_word(f"{before[0]} {pieces[0]}")
            joined_after = bool(after) and is_dictionary_word(f"{pieces[-1]} {after[0]}")
            if len(pieces) >= 3:
                # three syllables or more typed without diacritics: an edge syllable bound in a
                # word of the term ("quyet dinh" in "chua co quyet dinh") stays the term whatever
                # its neighbour makes ("dinh dau": đỉnh đầu); a loose one ("mat" after "tai
                # lieu") is refused when the neighbour takes it ("mat roi": mất rồi)
                loose_first = not is_dictionary_word(f"{pieces[0]} {pieces[1]}")
                loose_last = not is_dictionary_word(f"{pieces[-2]} {pieces[-1]}")
                # a neighbour is a word without the punctuation that clings to it ("roi,")
                left = before[0].strip(_CLINGING) if before else ""
                right = after[0].strip(_CLINGING) if after else ""
                # a capital after a lower-case word opens a name or a title ("nguyen van Nguoi
                # Phat ngon": not vạn người), so that neighbour cannot take the syllable
                taken_before = bool(left) and is_dictionary_word(f"{left} {pieces[0]}") \
                    and not self._capital_opens(match.start)
                taken_after = bool(right) and is_dictionary_word(f"{pieces[-1]} {right}") \
                    and not self._capital_opens(match.end + text[match.end:].index(after[0]))
                return not ((loose_first and taken_before) or (loose_last and taken_after))
            if len(pieces) == 2:
                # two syllables are refused only when neighbouring words take both of them
                # ("phia ban doi": phía bạn, not bạn đời)
                return not (joined_before and joined_after)
            return not (joined_before or joined_after)
        own = match.term.text.split()
        if before and respelled_in_dictionary(before[0], pieces[0], own[0], 1):
            return False
        return not (after and respelled_in_dictionary(pieces[-1], after[0], own[-1], 0))

    @staticmethod
    def _taken_by_common_word(before: list[str], pieces: list[str], after: list[str], own: list[str],
                              before2: list[str] = (), after2: list[str] = ()) -> bool:
        """Does a neighbour make, with an edge syllable of a bare pair, a word staff write
        often in which that syllable is spelt otherwise than in the term ("xay dung sua nha":
        xây dựng, not "đừng sủa")? Then the pair is that word's syllable and the next word,
        not the term. A longer word that keeps the term's spelling ("dai su quan": đại sứ
        quán) or a rare word of the same letters ("tien ve": tiền vệ) takes nothing."""
        left = before[0].strip(_CLINGING).lower() if before else ""
        right = after[0].strip(_CLINGING).lower() if after else ""
        first, last = fold(pieces[0].lower()), fold(pieces[-1].lower())

        def respelled(folded: str, at: int, syllable: str, bound: str) -> bool:
            key = tone_key(syllable)
            if any(reading.split(" ")[at] != key for reading in common_readings(folded)):
                return True
            # a dictionary word that staff write only with that syllable spelt otherwise,
            # though not often ("dien mat lanh": mát lạnh, never mật), unless the neighbour
            # is bound in a word on its other side ("le tan mat": lễ tân, not tận mắt)
            return is_dictionary_word(folded) and seen_respelled(folded, at, key) \
                and not (bound and is_dictionary_word(bound))

        outer_left = before2[0].strip(_CLINGING).lower() if before2 else ""
        outer_right = after2[0].strip(_CLINGING).lower() if after2 else ""
        return bool(left) and respelled(f"{left} {first}", 1, own[0], outer_left and f"{outer_left} {left}") \
            or bool(right) and respelled(f"{last} {right}", 0, own[-1], outer_right and f"{right} {outer_right}")

    def _read_otherwise(self, match: Match, before: list[str], pieces: list[str]) -> bool:
        """Does the word before an unmarked term that opens with a person classifier spell the
        classifier otherwise ("chien thang": chiến thắng; "6 thang": six months)? Only the
        classifier: its tone variants are everyday words, while a rare compound on another
        syllable ("noi vo": nói vợ) would hide a real insult ("an noi vo hoc")."""
        first = fold(pieces[0].lower())
        if first not in _CLASSIFIERS:
            return False
        left = before[0].strip(_CLINGING).lower() if before else ""
        if left.isdigit():
            return True
        return bool(left) and respelled_in_dictionary(left, pieces[0].lower(), match.term.text.split()[0], 1)

    def _capital_opens(self, view_at: int) -> bool:
        """Does the word at view position `view_at` start with a capital in the original
        draft while the word before it does not?"""
        at = self.original_span(view_at, view_at + 1)[0]
        before = self.original[max(0, at - 64):at].split()
        if not before or not self.original[at:at + 1].isupper():
            return False
        prev = before[-1].lstrip(_CLINGING)
        return bool(prev) and prev[0].islower() and not before[-1].rstrip().endswith((".", "!", "?", ":"))

    def _pieces(self, index: int) -> list[int]:
        """Where a sentence is cut for the segmenter: [start, …, end] in the view. Only a
        sentence longer than MAX_SEGMENTED characters (a draft with no punctuation) is cut,
        at spaces: underthesea's memory grows by kilobytes a character."""
        cuts = self._cuts.get(index)
        if cuts is None:
            text = self.view.text
            s, e = self.sentences[index] if self.sentences else (0, len(text))
            cuts = [s]
            while e - cuts[-1] > MAX_SEGMENTED:
                lo = cuts[-1]
                cut = text.rfind(" ", lo + MAX_SEGMENTED // 2, lo + MAX_SEGMENTED)
                cuts.append(cut + 1 if cut != -1 else lo + MAX_SEGMENTED)
            cuts.append(e)
            self._cuts[index] = cuts
        return cuts

    def _segment(self, index: int, piece: int = 0) -> tuple[tuple[int, int], ...]:
        spans = self._words.get((index, piece))
        if spans is None:
            cuts = self._pieces(index)
            s, e = cuts[piece], cuts[piece + 1]
            spans = tuple((s + a, s + b) for a, b in segment.word_spans(self.view.text[s:e]))
            self._words[(index, piece)] = spans
        return spans

    def _segment_starts(self, index: int, piece: int = 0) -> list[int]:
        starts = self._word_starts.get((index, piece))
        if starts is None:
            starts = self._word_starts[(index, piece)] = [a for a, _ in self._segment(index, piece)]
        return starts

    def original_span(self, match_start: int, match_end: int) -> tuple[int, int]:
        return self.view.original_span(match_start, match_end)

    def words_between(self, a: int, b: int) -> int:
        """Number of whitespace-separated words between two view offsets."""
        lo, hi = min(a, b), max(a, b)
        return len(self.view.text[lo:hi].split())
