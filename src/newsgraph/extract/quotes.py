"""Extract quotes: direct, partial (scare) and indirect quotes, with speaker and channel.

Quoted stretches come from their marks (``quotes_marks``); the speaker from the speech verb
beside the quote (after, before, between two halves, or in the previous sentence), from
the clause that holds a partial quote, or from the discourse (the last speaker) when the
quote continues one. Indirect speech is a speech verb with a reported clause
("X said that ..."). Speaker and channel ("by KCNA", "told Reuters", "in an interview with
CNN") resolve to actor ids.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import TYPE_CHECKING

from newsgraph.extract.context import Context
from newsgraph.extract.quotes_lexicon import cue_lexicon
from newsgraph.extract.quotes_marks import Quoted, find_quoted
from newsgraph.extract.quotes_speakers import (
    Speaker,
    SpeakerResolver,
    speaker_token,
    subject_of,
)
from newsgraph.model import Quote, QuoteKind, TextSpan
from newsgraph.read.doccache import (
    children_of,
    doc_text,
    doc_tokens,
    head_of,
    rights_of,
    sent_of,
    span_tokens,
)

if TYPE_CHECKING:
    from spacy.tokens import Doc, Span, Token

_SENT_BOUNDARY = re.compile(r"[.!?][\"”’»]?\s+|\n")
_STRIP = " \t\n,;:"
_WORD = re.compile(r"\w+")
# A quote reopened at the start of a continued paragraph: drop the mark from the text.
_REOPEN = re.compile(r"\n\s*[\"“‘«']")
_MAX_GAP_FOR_CONTINUATION = 300  # chars between a quote and the one that continues it


@dataclass
class _Found:
    kind: QuoteKind
    start: int
    end: int
    text: str
    speaker: Speaker | None
    via: str | None
    cue: TextSpan | None
    open_at: int
    close_end: int


def extract_quotes(doc: Doc, ctx: Context) -> list[Quote]:
    body = doc_text(doc)
    quoted = find_quoted(body)
    resolver = SpeakerResolver(doc, ctx, describe=True,
                               quoted=[(q.open_at, q.close_end) for q in quoted])
    found = [f for q in quoted if (f := _from_marks(doc, q, resolver)) is not None]
    found.extend(_indirect(doc, quoted, resolver))
    found.sort(key=lambda f: (f.start, -f.end))
    found = _drop_nested_indirect(found)
    _fill_from_discourse(found, body)
    return [
        Quote(
            id=f"q{i}",
            kind=f.kind,
            text=f.text,
            start=f.start,
            end=f.end,
            speaker=f.speaker.actor_id if f.speaker else None,
            via=f.via,
            cue=f.cue,
        )
        for i, f in enumerate(found, start=1)
    ]


# -- quotes marked in the text -------------------------------------------------------------
def _from_marks(doc: Doc, q: Quoted, resolver: SpeakerResolver) -> _Found | None:
    body = doc_text(doc)
    start, end = _trim(body, q.start, q.end)
    if end <= start or not _WORD.search(body[start:end]):
        return None
    text = _REOPEN.sub("\n", body[start:end])
    kind: QuoteKind = "direct" if _is_direct(body, q) else "partial"
    if kind == "partial" and _is_name_or_gloss(doc, q, text):
        return None
    cue_tok: Token | None = None
    speaker, via = None, None
    if kind == "direct":
        # The frame after the quote first, then before it: '"...", as quoted by Greek
        # Reporter' names only a channel, and the speaker is in the frame before.
        for cand in _cues_beside(doc, q):
            who, how = _speaker_of_cue(cand, resolver, (q.open_at, q.close_end))
            via = via or how
            if cue_tok is None or who is not None:
                cue_tok = cand
            if who is not None:
                speaker = who
                break
    if kind == "direct" and speaker is None:
        frame = _tokens_between(doc, _sentence_start(body, q.open_at), q.open_at)
        if frame is not None:
            speaker = _according_to(frame, resolver)  # According to X, "..."
    if kind == "partial":
        speaker, cue_tok = _speaker_of_clause(doc, q, resolver)
        if speaker is not None and speaker.kind == "event holder":
            via = _report_channel(doc, q.open_at, resolver)
    cue = _cue_span(cue_tok)
    return _Found(kind, start, end, text, speaker, via, cue, q.open_at, q.close_end)


def _is_name_or_gloss(doc: Doc, q: Quoted, text: str) -> bool:
    """Quote marks that hold nobody's words: a title-case name ("Alien Stock"), a gloss in
    brackets ("British exit"), an organisation after "Anna F of" ("Have no fear")."""
    body = doc_text(doc)
    if body[: q.open_at].rstrip(" ").endswith("("):
        return True
    prev = doc.char_span(q.open_at - 3, q.open_at, alignment_mode="expand")
    if prev is not None and len(prev) and prev[0].lower_ == "of" and head_of(prev[0]).pos_ == "PROPN":
        return True  # "Anna Franowska of "Have no fear"": a name of what she belongs to
    words = [w for w in _WORD.findall(text) if not w.isdigit()]
    at_start = _sentence_start(body, q.open_at) == q.open_at
    small = {"of", "the", "and", "a", "an", "in", "on", "for", "to", "at"}
    return len(words) >= 2 and not at_start and all(
        w[0].isupper() or w in small for w in words
    ) and words[0][0].isupper()


def _trim(body: str, start: int, end: int) -> tuple[int, int]:
    while start < end and body[start] in _STRIP:
        start += 1
    while end > start and body[end - 1] in _STRIP + ".":
        end -= 1
    return start, end


def _sentence_start(body: str, pos: int) -> int:
    """Offset of the start of the sentence holding ``pos``, by punctuation (quote-safe)."""
    start = body.rfind("\n", 0, pos) + 1
    for m in _SENT_BOUNDARY.finditer(body, start, pos):
        start = m.end()
    return start


def _is_direct(body: str, q: Quoted) -> bool:
    """A direct quote stands as a sentence or is introduced as speech; else it is partial."""
    before = body[_sentence_start(body, q.open_at) : q.open_at].rstrip()
    inner = body[q.start : q.end].strip()
    words = len(_WORD.findall(inner))
    if q.paragraphs > 1 or before == "" or before.endswith(":"):
        return True
    frame = before.rstrip(",").split()
    if words >= 3 and frame[-1:] and frame[-1].lower() in _SPEECH_FORMS:
        return True  # He said, "..." / He wrote "..."
    if words >= 3 and before.endswith(",") and any(w.lower() in _SPEECH_FORMS for w in frame):
        return True  # X wrote of Boseman, "...": the speech verb's whole complement
    if before.lower().startswith("according to") and before.endswith(","):
        return True
    # A whole sentence in quotes: capitalised, long, closed by its own full stop.
    return words >= 6 and inner[:1].isupper() and inner.endswith((".", "?", "!"))


_SPEECH_FORMS = frozenset(
    {"said", "says", "say", "added", "adds", "told", "stated", "declared", "asked", "wrote",
     "writes", "explained", "warned", "noted", "insisted", "replied", "tweeted", "saying",
     "adding", "announced", "continued", "remarked", "stressed", "argued", "claimed"}
)  # fmt: skip


def _tokens_between(doc: Doc, start: int, end: int) -> Span | None:
    span = doc.char_span(start, end, alignment_mode="contract")
    return span if span is not None and len(span) else None


def _cues_beside(doc: Doc, q: Quoted) -> list[Token]:
    """The speech verbs in the frame around a direct quote: the one after it, then before."""
    body = doc_text(doc)
    inner_end = body[q.start : q.end].rstrip()
    after_start = q.close_end
    ends_sentence = inner_end.endswith((".", "!", "?"))
    after = _frame_after(body, after_start)
    first = after.lstrip()[:1]  # '"...?" wrote Cattelan': the frame goes on in lower case
    cues: list[Token] = []
    if first and (not ends_sentence or first.islower() or first in ",;"):
        span = _tokens_between(doc, after_start, after_start + len(after))
        tok = _speech_verb(span, nearest_first=True)
        if tok is not None:
            cues.append(tok)
    before_start = _sentence_start(body, q.open_at)
    span = _tokens_between(doc, before_start, q.open_at)
    tok = _speech_verb(span, nearest_first=False)
    if tok is not None:
        cues.append(tok)
    return cues


def _frame_after(body: str, pos: int) -> str:
    """Text after a closing mark up to the end of its sentence or the next quote mark."""
    stop = len(body)
    for ch in ("\n", "“", '"', "«", "‘"):
        i = body.find(ch, pos)
        if i != -1:
            stop = min(stop, i)
    m = re.compile(r"[.!?](\s|$)").search(body, pos, stop)
    if m:
        stop = m.start() + 1
    return body[pos:stop]


def _speech_verb(span: Span | None, nearest_first: bool) -> Token | None:
    if span is None:
        return None
    verbs = cue_lexicon().speech_verbs
    toks = [t for t in span if t.lemma_.lower() in verbs and t.pos_ in ("VERB", "AUX")]
    if not toks:
        return None
    return toks[0] if nearest_first else toks[-1]


def _speaker_of_cue(
    cue: Token, resolver: SpeakerResolver, quote: tuple[int, int] | None = None
) -> tuple[Speaker | None, str | None]:
    subj = speaker_token(cue)
    after_quote = quote is not None and cue.idx >= quote[1]
    if quote is not None and (
        (subj is not None and resolver.in_quotes(subj.idx)) or (subj is None and after_quote)
    ):
        # '"... people think that," said a protester': the parse took a word of a quote
        # (this one or another) for the subject; the speaker is the noun after the verb.
        subj = _inverted_subject(cue, resolver)
    speaker = resolver.resolve(subj) if subj is not None else None
    if speaker is None:
        speaker = _according_to(sent_of(cue), resolver)
    return speaker, _via(cue, resolver, quote)


def _inverted_subject(cue: Token, resolver: SpeakerResolver) -> Token | None:
    """'"...," said X': the noun after the verb, outside quotes, however it was parsed."""
    for child in rights_of(cue):
        if resolver.in_quotes(child.idx):
            continue
        if child.dep_ in ("nsubj", "nsubjpass", "dobj", "attr", "npadvmod", "appos") and (
            child.pos_ in ("NOUN", "PROPN", "PRON")
        ):
            return child
    head = head_of(cue)
    if head.i > cue.i and head.pos_ in ("NOUN", "PROPN") and cue.dep_ in ("amod", "compound"):
        return head  # '"..." tweeted Mayor Sadiq Khan' parsed as an adjective of "Mayor"
    return None


def _according_to(sent: Span, resolver: SpeakerResolver) -> Speaker | None:
    for tok in span_tokens(sent):
        if tok.lower_ == "according" and tok.i + 1 < len(tok.doc):
            for obj in children_of(tok.doc[tok.i + 1]):
                if obj.dep_ == "pobj":
                    return resolver.resolve(obj, cited=True)
    return None


def _report_channel(doc: Doc, before: int, resolver: SpeakerResolver) -> str | None:
    """The channel the article reports through: the last "according to X" before ``before``
    whose X is a named non-person source (a meeting's words reach us through it)."""
    channel = None
    for tok in doc_tokens(doc):
        if tok.idx >= before:
            break
        if tok.lower_ == "according" and tok.i + 1 < len(doc) and doc[tok.i + 1].lower_ == "to":
            source = _pobj(doc[tok.i + 1])
            named = resolver.resolve(source) if source is not None else None
            if named is not None and named.kind == "named" and not named.is_person:
                channel = named.actor_id
    return channel


def _via(cue: Token, resolver: SpeakerResolver, quote: tuple[int, int] | None = None) -> str | None:
    """The channel of a quote: quoted by X, told X (a named outlet), interview with X."""
    for tok in cue.subtree:
        if quote is not None and quote[0] <= tok.idx < quote[1]:
            continue
        target = _channel_target(head_of(tok), tok)
        if target is None:
            continue
        named = resolver.resolve(target)
        if named is not None and named.actor_id and not named.is_person:
            return named.actor_id
    return None


def _channel_target(verb: Token, child: Token) -> Token | None:
    lemma = verb.lemma_.lower()
    by_agent = child.dep_ in ("agent", "prep") and child.lower_ == "by"
    if by_agent and lemma in ("quote", "say", "cite"):
        return _pobj(child)
    if lemma == "tell" and child.dep_ in ("dobj", "dative") and child.pos_ == "PROPN":
        return child
    if child.dep_ == "prep" and child.lower_ in ("in", "during", "to"):
        noun = _pobj(child)
        if noun is not None and noun.lemma_.lower() in ("interview", "statement", "remark"):
            for sub in children_of(noun):
                if sub.dep_ == "prep" and sub.lower_ in ("with", "to"):
                    return _pobj(sub)
        if child.lower_ == "to" and noun is not None and noun.pos_ == "PROPN":
            return noun  # "said to Reuters"
    return None


def _pobj(prep: Token) -> Token | None:
    for obj in children_of(prep):
        if obj.dep_ == "pobj":
            return obj
    return None


def _speaker_of_clause(
    doc: Doc, q: Quoted, resolver: SpeakerResolver
) -> tuple[Speaker | None, Token | None]:
    """A partial quote is the words of the clause's speaker: climb to a subject or possessor."""
    span = _tokens_between(doc, q.start, q.end)
    if span is None:
        return None, None
    lex = cue_lexicon()
    tok = span.root
    for _ in range(12):
        if tok.pos_ in ("VERB", "AUX"):
            found = _clause_subject(tok, q, resolver, lex.speech_verbs)
            if found is not None:
                return found
            if tok.dep_ == "relcl":
                break  # "countries that are sympathetic": not a speaker's clause
        elif tok.lemma_.lower() in lex.speech_nouns:
            for child in children_of(tok):
                if child.dep_ == "poss":
                    speaker = resolver.resolve(child)
                    if speaker is not None:
                        return speaker, tok
        if head_of(tok) is tok:
            break
        tok = head_of(tok)
    return None, None


def _reported_by_speech(tok: Token, speech_verbs: frozenset[str]) -> Token | None:
    """The speech verb whose report holds ``tok`` ("Parmet said naming the virus after Wuhan
    would place "..."": said), if any, up a short chain of complement clauses: the quote is
    the speaker's, not an embedded subject's (Wuhan)."""
    head = tok
    for _ in range(3):
        if head.dep_ not in ("ccomp", "xcomp", "advcl") or head_of(head) is head:
            return None
        head = head_of(head)
        if head.pos_ == "VERB" and head.lemma_.lower() in speech_verbs:
            return head
    return None


def _clause_subject(
    verb: Token, q: Quoted, resolver: SpeakerResolver, speech_verbs: frozenset[str]
) -> tuple[Speaker, Token | None] | None:
    """The speaker a clause gives a partial quote: a speech verb's subject, or a named one's.

    The subject of a reported clause (``said the victims were "..."``) is not the speaker.
    """
    if verb.lemma_.lower() in speech_verbs:
        who = speaker_token(verb)
        if who is None or q.open_at <= who.idx < q.close_end:
            return None
        speaker = resolver.resolve(who)
        return (speaker, verb) if speaker is not None else None
    for child in children_of(verb):
        if child.dep_ not in ("nsubj", "nsubjpass") or q.open_at <= child.idx < q.close_end:
            continue
        if verb.dep_ == "ccomp" or _reported_by_speech(verb, speech_verbs) is not None:
            return None  # the subject of reported content is not its speaker
        speaker = resolver.resolve(child)
        if speaker is not None and speaker.kind in ("named", "pronoun", "event holder"):
            return speaker, None
    return None


def _cue_span(tok: Token | None) -> TextSpan | None:
    if tok is None:
        return None
    start, end = tok.idx, tok.idx + len(tok)
    # "was quoted as saying": the verb phrase around the cue
    left = tok
    for child in children_of(tok):
        if child.dep_ in ("aux", "auxpass") and child.i < tok.i:
            left = child if child.i < left.i else left
    right_end = end
    for child in children_of(tok):
        if child.dep_ == "prep" and child.lower_ == "as" and child.i == tok.i + 1:
            for sub in children_of(child):
                if sub.dep_ == "pcomp":
                    right_end = sub.idx + len(sub)
    start = min(start, left.idx)
    return TextSpan(start=start, end=right_end, text=doc_text(tok.doc)[start:right_end])


# -- indirect speech ----------------------------------------------------------------------
def _indirect(doc: Doc, quoted: list[Quoted], resolver: SpeakerResolver) -> list[_Found]:
    """Reported clauses of speech verbs (before or after the verb) and of "according to X"."""
    lex = cue_lexicon()
    inside = [(q.open_at, q.close_end) for q in quoted]
    found: list[_Found] = []
    for tok in doc_tokens(doc):
        if tok.lower_ == "according" and tok.dep_ == "prep":
            item = _according_clause(doc, tok, inside, resolver)
        elif tok.pos_ == "VERB" and (
            tok.lemma_.lower() in lex.clause_verbs or _finding_by_source(tok)
        ):
            item = _reported_clause(doc, tok, inside, resolver)
        else:
            continue
        if item is not None:
            found.append(item)
    return found


def _finding_by_source(verb: Token) -> bool:
    """"The three-judge court found (that) ...", "the Constitution specifies that ...": a
    finding verb is a report only from a court, an inquiry or a document, and only with a
    full clause after it (not "finding it to be unlawful")."""
    lex = cue_lexicon()
    if verb.lemma_.lower() not in lex.finding_verbs:
        return False
    if not any(c.dep_ == "ccomp" and _finite(c) for c in children_of(verb)):
        return False
    subj = subject_of(verb)
    return subj is not None and subj.lemma_.lower() in lex.finding_sources


def _finite(clause: Token) -> bool:
    return not any(c.dep_ == "aux" and c.lower_ == "to" for c in children_of(clause))


def _reported_clause(
    doc: Doc, verb: Token, inside: list[tuple[int, int]], resolver: SpeakerResolver
) -> _Found | None:
    if _overlaps(inside, verb.idx, verb.idx + 1) or _negated(verb):
        return None
    if verb.lemma_.lower() in _MENTAL_VERBS:
        return None  # beliefs and fears are not speech
    clause = _reported(verb)
    if clause is None or (
        resolver.in_quotes(clause.idx) and resolver.in_quotes(clause.left_edge.idx)
    ):
        return None  # X wrote, "I noticed ...", recalling ...: the direct quote is the report
    left = clause.left_edge
    if left.dep_ == "mark" and left.lower_ in ("that", "whether", "if"):
        left = doc[left.i + 1]
    right = _clause_end(clause)
    while right.i > left.i and (right.is_punct or right.dep_ == "cc"):
        right = doc[right.i - 1]
    start, end = left.idx, right.idx + len(right)
    if end - start < 12 or _mostly_quoted(doc_text(doc), inside, start, end):
        return None
    who = speaker_token(verb)
    speaker = resolver.resolve(who) if who is not None else None
    if speaker is None:
        return None
    return _Found("indirect", start, end, doc_text(doc)[start:end], speaker, _via(verb, resolver),
                  _cue_span(verb), start, end)


def _according_clause(
    doc: Doc, according: Token, inside: list[tuple[int, int]], resolver: SpeakerResolver
) -> _Found | None:
    """"A, according to X" / "According to X, A" / "A was, according to X, B": A is X's."""
    to = next((c for c in children_of(according) if c.dep_ == "prep" and c.lower_ == "to"), None)
    if to is None and according.i + 1 < len(doc) and doc[according.i + 1].lower_ == "to":
        to = doc[according.i + 1]
    source = _pobj(to) if to is not None else None
    if to is None or source is None:
        return None
    speaker = resolver.resolve(source, cited=True)
    if speaker is None or speaker.kind == "other":
        return None  # "according to earlier plans": no one's words
    speaker, via = _speaker_under_channel(according, speaker, resolver)
    sent = sent_of(according)
    phrase_start = according.i
    phrase_end = resolver.phrase_span(source).end  # the source's own words, not what follows
    if phrase_end < len(doc) and doc[phrase_end].text != ",":
        phrase_end = according.right_edge.i + 1
    left, right = sent.start, sent.end
    if phrase_start - left <= 1:  # According to X, A
        left = phrase_end
    elif right - phrase_end <= 2:  # A, according to X.
        right = phrase_start
    while left < right and (doc[left].is_punct or doc[left].is_space):
        left += 1
    while right > left and (doc[right - 1].is_punct or doc[right - 1].is_space):
        right -= 1
    if right - left < 3:
        return None
    start, end = doc[left].idx, doc[right - 1].idx + len(doc[right - 1])
    if _mostly_quoted(doc_text(doc), inside, start, end):
        return None  # according to X, "...": a direct quote
    cue_end = to.idx + len(to)
    cue = TextSpan(start=according.idx, end=cue_end, text=doc_text(doc)[according.idx : cue_end])
    return _Found("indirect", start, end, doc_text(doc)[start:end], speaker, via, cue, start, end)


def _speaker_under_channel(
    according: Token, source: Speaker, resolver: SpeakerResolver
) -> tuple[Speaker, str | None]:
    """"According to the BBC, a spokesman expressed ...": when the clause X frames is itself
    someone's speech, that someone speaks and a non-person X is only the channel."""
    verb = head_of(according)
    if verb.pos_ != "VERB" or verb.lemma_.lower() not in cue_lexicon().speech_verbs:
        return source, None
    who = speaker_token(verb)
    if who is None or according.i <= who.i <= according.right_edge.i:
        return source, None
    inner = resolver.resolve(who)
    if inner is None or inner.kind == "other" or inner.actor_id in (None, source.actor_id):
        return source, None
    return inner, source.actor_id if source.actor_id and not source.is_person else None


def _reported(verb: Token) -> Token | None:
    """The reported clause: a complement after the verb, or one before it that the
    attribution follows ("The crew were Iranians, the army said")."""
    after = [c for c in children_of(verb) if c.dep_ == "ccomp" and c.i > verb.i]
    if after:
        return after[0]
    before = [c for c in children_of(verb) if c.dep_ == "ccomp" and c.i < verb.i]
    if not before:
        return None
    clause = before[-1]
    gap = verb.doc[clause.right_edge.i + 1 : verb.i]
    if not gap or gap[0].text != "," or any(t.text in ";:" for t in gap):
        return None
    return clause


def _clause_end(clause: Token) -> Token:
    """The clause's last token, short of a conjoined report of someone else's
    ("X said A and several said B")."""
    verbs = cue_lexicon().clause_verbs
    end = clause
    for child in children_of(clause):
        if _own_report(child, verbs):
            break
        end = child.right_edge if child.right_edge.i > end.i else end
    # A report of someone else's deeper in the clause ("A said the victims were X while B
    # wrote Y", parsed with B's clause under A's): A's clause stops before it.
    for tok in clause.subtree:
        if clause.i < tok.i <= end.i and tok.dep_ == "advcl" and _own_report(tok, verbs):
            end = tok.doc[max(tok.left_edge.i - 1, clause.i)]
            break
    return end if end.i >= clause.i else clause


def _own_report(tok: Token, verbs: frozenset[str]) -> bool:
    """A conjoined or adverbial speech verb with a subject of its own."""
    return tok.dep_ in ("conj", "advcl") and tok.lemma_.lower() in verbs and any(
        c.dep_ in ("nsubj", "nsubjpass") for c in children_of(tok)
    )


_MENTAL_VERBS = frozenset({"believe", "think", "fear", "hope", "feel", "expect", "know"})


def _negated(verb: Token) -> bool:
    return any(c.dep_ == "neg" for c in children_of(verb))


def _mostly_quoted(body: str, inside: list[tuple[int, int]], start: int, end: int) -> bool:
    """A clause that is only a subject or pronoun plus a quotation: the quote stands alone."""
    rest = body[start:end]
    for s, e in inside:
        if s < end and start < e:
            a, b = max(s, start) - start, min(e, end) - start
            rest = rest[:a] + " " * (b - a) + rest[b:]
    return len(_WORD.findall(rest)) <= 2


def _drop_nested_indirect(found: list[_Found]) -> list[_Found]:
    """"X reported Y said Z": one item, Y's, with X as the channel; other nested clauses
    keep the outer report."""
    drop: set[int] = set()
    for i, outer in enumerate(found):
        if outer.kind != "indirect":
            continue
        for j, inner in enumerate(found):
            if j == i or inner.kind != "indirect" or j in drop:
                continue
            if not (outer.start <= inner.start and inner.end <= outer.end):
                continue
            if inner.cue is not None and inner.cue.start - outer.start <= 40 and (
                inner.speaker is not None
            ):
                drop.add(i)  # the outer report is "Y said Z": keep Y's clause
                if inner.via is None and outer.speaker and not outer.speaker.is_person:
                    inner.via = outer.speaker.actor_id
            else:
                drop.add(j)
            break
    return [f for k, f in enumerate(found) if k not in drop]


def _overlaps(ranges: list[tuple[int, int]], start: int, end: int) -> bool:
    return any(s < end and start < e for s, e in ranges)


# -- discourse ------------------------------------------------------------------------------
def _fill_from_discourse(found: list[_Found], body: str) -> None:
    """Quotes with no speaker of their own: continue the previous speaker nearby."""
    last: _Found | None = None
    for f in found:
        if f.speaker is None and last is not None and last.speaker is not None:
            gap = f.open_at - last.close_end
            if f.kind == "direct" and gap <= _MAX_GAP_FOR_CONTINUATION and last.kind == "direct":
                f.speaker, f.via = last.speaker, f.via or last.via
            elif f.kind == "partial" and _same_or_next_paragraph(body, last.close_end, f.open_at):
                f.speaker = last.speaker
        if f.speaker is not None:
            last = f


def _same_or_next_paragraph(body: str, a: int, b: int) -> bool:
    return body.count("\n", a, b) <= 1
