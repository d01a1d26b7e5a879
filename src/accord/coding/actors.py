"""Find actors in a parsed sentence: noun phrases resolved through the actor knowledge base.

An actor is built from the noun phrase around a nominal head token: its compound,
adjective and possessive modifiers, an apposition ("Wang Yiwei, a professor at Renmin
University of China") and, for role words, an "of/from/in" complement ("leaders from
South Korea and Ireland"). Knowledge-base mentions inside the phrase are combined:
a person with a dated role wins; then organisations and groups; then a country (or
capital) combined with the role word ("Russian police" -> RUSCOP).
"""

from __future__ import annotations

import dataclasses
from collections.abc import Mapping, Sequence

from accord.coding.actor_phrases import coordinated_countries, named_as_person, person_name
from accord.coding.actor_records import ActorRef, Mention, Party
from accord.coding.bodies import (
    agent_compound,
    former_office,
    names_owner,
    national_body,
    office_held,
    state_agency,
    title_role,
)
from accord.coding.combine import Combined, combine
from accord.coding.lexicon import mapping, words
from accord.coding.patterns import subtree
from accord.coding.placement import PRIVATE, Placement
from accord.coding.pronouns import VOICE_NOUNS, Pronouns
from accord.coding.surface import MODIFIER_DEPS, surface
from accord.model import Token

_NOMINAL = frozenset({"NOUN", "PROPN", "PRON", "NUM", "X", "ADJ"})
_COMPLEMENT_PREPS = words("actor_complement_prepositions.txt")
_NOT_ACTOR_ENTITIES = frozenset(
    {"DATE", "TIME", "MONEY", "PERCENT", "QUANTITY", "CARDINAL", "ORDINAL"}
)
_QUANTITY_HEADS = words("quantity_heads.txt")
_COLLECTIVE_HEADS = words("collective_heads.txt")
"""Collective nouns whose modifiers name the actor ("the APEC forum", "the UNITA militarist
wing", "opposition groups in Zimbabwe", "U.S. border patrol agents")."""
_GENDERED = mapping("gendered_words.tsv")


_LEADER_HEADS = frozenset({"leader"})
"""A leader word is a head of government ('Chinese leader Xi', the agents file) unless an
'of' phrase names the body led ('leaders of the opposition coalition')."""
_DOCUMENT_NOUNS = words("document_nouns.txt")
ACTOR_ENTITIES = frozenset({"PERSON", "ORG", "GPE", "NORP"})
"""Entity types that name an actor, known to the knowledge base or not."""


_HOME_BODY_WORDS = words("home_body_words.txt")
_CLAUSE_DEPS = frozenset({"relcl", "acl"})
_TOPIC_NOUNS = words("topic_nouns.txt")


class SentenceActors:
    """Actor lookup for one parsed sentence, built once and queried per head token.

    ``people`` maps lower-cased name words of people already resolved in the document
    ("wang", "yiwei") to their actor, so a later bare surname resolves the same way;
    ``last_person`` is the antecedent for a pronoun with none earlier in the sentence;
    ``home_country`` (the dateline's country), ``place_country`` (the country of the
    place the sentence names) and ``sentence_country`` (the only country the sentence
    names, if just one) place bare role words ("police", "the army"), and so does
    ``story_country`` (the country of the first place the story named, where it is set)
    for the police; ``pair`` is what "both sides" refers to; ``places`` are one-word names
    the parser took for people that are places (:func:`accord.coding.place_words.place_words`).
    """

    def __init__(
        self,
        tokens: Sequence[Token],
        mentions: Sequence[Mention],
        children: Mapping[int, Sequence[int]],
        last_person: ActorRef | None = None,
        people: Mapping[str, ActorRef] | None = None,
        home_country: str | None = None,
        place_country: str | None = None,
        sentence_country: str | None = None,
        pair: tuple[Party, Party] | None = None,
        document_country: str | None = None,
        story_country: str | None = None,
        bodies: Mapping[str, ActorRef] | None = None,
        places: frozenset[int] = frozenset(),
    ) -> None:
        self._tokens = tokens
        self._places = places
        self._children = children
        self._by_token: dict[int, Mention] = {}
        for m in mentions:
            for k in range(m.start, m.end):
                self._by_token[k] = m
        self._people = people or {}
        self._placement = Placement(
            place=place_country,
            home=home_country,
            story=story_country,
            sentence=sentence_country,
            document=document_country,
        )
        self._pronouns = Pronouns(tokens, children, last_person, pair)
        self._bodies = bodies or {}
        self._memo: dict[int, list[ActorRef]] = {}

    def actors_at(self, head: int) -> list[ActorRef]:
        """All actors named by the phrase headed at ``head``, conjuncts included.

        A conjunct with a role but no country shares an earlier conjunct's country when
        the role is the same ("Israeli helicopters and tanks": both ISRMIL)."""
        out: list[ActorRef] = []
        for h in self._conjuncts(head):
            for ref in self.resolve_head(h):
                weak = ref.country is None or ref.basis in ("document", "sentence", "dateline")
                if weak and ref.kind == "agent" and ref.role:
                    kin = next(
                        (o for o in out if o.role == ref.role and o.country is not None), None
                    )
                    if kin is not None and kin.country is not None:
                        ref = dataclasses.replace(
                            ref, code=kin.country + ref.role, country=kin.country, basis=""
                        )
                out.append(ref)
        return out

    def mention_refs(self, indices: Sequence[int]) -> list[ActorRef]:
        """One actor per knowledge-base mention touching ``indices`` (people, countries,
        organisations), in text order: the parts of "Xi-Trump" or "China-Russia" apart."""
        seen: dict[int, Mention] = {}
        for i in indices:
            m = self._by_token.get(i)
            if m is not None and m.entry.kind != "agent":
                seen[m.start] = m
        out: list[ActorRef] = []
        for m in sorted(seen.values(), key=lambda x: x.start):
            e = m.entry
            listed = e.kind in ("person", "igo", "group")
            out.append(
                ActorRef(
                    m.end - 1,
                    m.start,
                    m.end,
                    e.code,
                    e.country,
                    e.role,
                    e.name,
                    e.kind,
                    listed=listed,
                )
            )
        return out

    @property
    def tokens(self) -> Sequence[Token]:
        return self._tokens

    def mention_at(self, i: int) -> Mention | None:
        """The knowledge-base mention covering token ``i``, if any."""
        return self._by_token.get(i)

    def known(self, i: int) -> bool:
        """Whether token ``i`` lies in a name the knowledge base knows."""
        return i in self._by_token

    def bodies(self) -> list[tuple[str, ActorRef]]:
        """Bodies this sentence names with their country, by the lemma of the role word
        that heads the phrase ('the US Embassy in London': 'embassy'), left to right; a
        later 'the embassy' is the same body (:meth:`_role_word`)."""
        found: list[tuple[str, ActorRef]] = []
        for t in self._tokens:
            m = self._by_token.get(t.i)
            if m is None or m.entry.kind != "agent" or t.dep in ("compound", "poss"):
                continue
            if t.pos not in ("NOUN", "PROPN") or t.lemma.lower() in _HOME_BODY_WORDS:
                continue
            found.extend(
                (t.lemma.lower(), r)
                for r in self.resolve_head(t.i)
                if r.country is not None and r.role and not r.basis and r.kind != "person"
            )
        return found

    def _titled_before(self, own: Combined) -> str | None:
        """The office an earlier sentence's title gave this person ("Defense Secretary
        Mark Esper ... Esper said"): the story's own witness of the time it reports, over
        the knowledge base's dates (of today, where the story has no date)."""
        for known in self._people.values():
            if (
                known.kind == "person"
                and known.name == own.name
                and known.country == own.country
                and known.role not in (None, "ELI")
            ):
                return known.role
        return None

    def people(self) -> list[ActorRef]:
        """People named in this sentence (name heads resolved to a country), left to right."""
        found: list[ActorRef] = []
        for t in self._tokens:
            if self.is_person_head(t.i):
                found.extend(r for r in self.resolve_head(t.i) if r.country is not None)
        return found

    def is_person_head(self, i: int) -> bool:
        tok = self._tokens[i]
        m = self._by_token.get(i)
        if m is not None and m.entry.kind == "person":
            return m.end - 1 == i
        return (
            tok.ent_type == "PERSON"
            and tok.dep not in ("compound", "flat")
            and tok.text[:1].isalpha()
        )

    def _is_definite(self, head: int) -> bool:
        """A singular role noun with 'the' and nothing else: "the minister", "the president"."""
        tok = self._tokens[head]
        if tok.tag not in ("NN", "NNP"):
            return False
        kids = [self._tokens[c] for c in self._children.get(head, ())]
        return any(k.dep == "det" and k.text.lower() == "the" for k in kids) and not any(
            k.dep in ("amod", "compound", "poss", "prep") for k in kids
        )

    def _conjuncts(self, head: int) -> list[int]:
        heads = [head]
        stack = [head]
        while stack:
            h = stack.pop()
            for c in self._children.get(h, ()):
                if self._tokens[c].dep == "conj" and self._tokens[c].pos in _NOMINAL:
                    heads.append(c)
                    stack.append(c)
        return heads

    def _phrase(self, head: int, *, possessor_only: bool) -> tuple[set[int], list[int]]:
        """Tokens of the head's noun phrase, and heads of of/from complements.

        For a head that names no actor itself ("China's hosting"), only a possessor
        counts: compounds such as "U.S.-China relations" or "the Taiwan question" do not
        make the phrase an actor.
        """
        phrase = {head}
        complements: list[int] = []
        known = self._by_token.get(head)
        appos_ok = self._tokens[head].ent_type in ("PERSON", "ORG") or (
            self._tokens[head].pos == "PROPN" and (known is None or known.entry.kind == "person")
        )  # a listed person whatever the entity recogniser says ('Oshima' as GPE)
        stack = [head]
        while stack:
            h = stack.pop()
            for c in self._children.get(h, ()):
                tok = self._tokens[c]
                if possessor_only and h == head and tok.dep != "poss":
                    continue
                if self._topic(c):
                    continue  # 'a China expert': the country is the subject studied
                if tok.dep in MODIFIER_DEPS or (
                    # "Vietnamese-led forces" are Vietnamese; "Damascus-based" or
                    # "Iran-backed" groups are not
                    tok.dep == "npadvmod" and self._tokens[h].lemma.lower() == "lead"
                ):
                    phrase.add(c)
                    stack.append(c)
                elif tok.dep == "appos" and appos_ok and h == head:
                    # "Kurt Volker, the United States special envoy for Ukraine
                    # negotiations": where the apposition names a country before its
                    # head, a phrase of another preposition names whom the office deals
                    # with ('envoy to Ukraine'), not whose it is; without one it may
                    # ('a spokesman for the PMF'; 'minister of defence of Iran' stays).
                    # A relative clause on it tells what the person did, to whom: 'the
                    # lawyer who represented Stormy Daniels ... against Donald Trump'
                    whole = subtree(self._children, c) - {
                        k
                        for r in self._children.get(c, ())
                        if self._tokens[r].dep in _CLAUSE_DEPS or self._topic(r)
                        for k in subtree(self._children, r)
                    }
                    other = {
                        k
                        for p in self._children.get(c, ())
                        if self._tokens[p].dep == "prep"
                        and self._tokens[p].text.lower() not in _COMPLEMENT_PREPS
                        for k in subtree(self._children, p)
                    }
                    own = whole - other
                    placed = any(
                        (m := self._by_token.get(k)) is not None and m.entry.country for k in own
                    )
                    # whom one works 'for' is whose one is; what one is an influence
                    # 'on' or an expert 'in' is not ('a key influence on New Labour')
                    serving = {
                        k
                        for p in self._children.get(c, ())
                        if self._tokens[p].dep == "prep" and self._tokens[p].text.lower() == "for"
                        for k in subtree(self._children, p)
                    }
                    phrase |= own if placed else own | (whole & serving)
                elif tok.dep == "prep" and tok.text.lower() in _COMPLEMENT_PREPS and h == head:
                    complements.extend(
                        g for g in self._children.get(c, ()) if self._tokens[g].dep == "pobj"
                    )
        return phrase, complements

    def _topic(self, i: int) -> bool:
        """A compound before a noun of expertise or reporting names its subject, not
        whose the person is: 'a Ukraine specialist', 'a China expert' (topic_nouns.txt)."""
        tok = self._tokens[i]
        return (
            tok.dep == "compound"
            and tok.head != i
            and self._tokens[tok.head].lemma.lower() in _TOPIC_NOUNS
        )

    def implied(self, role: str, head: int) -> ActorRef | None:
        """An actor the sentence does not name but its act implies ("was arrested": the
        police), of the country the story places it in; None when nothing places it."""
        placed = self._placement.country_for(role)
        if placed is None:
            return None
        country, basis = placed
        return ActorRef(head, 0, 0, country + role, country, role, None, "implied", basis=basis)

    def _voice(self, m: Mention) -> bool:
        """A role word for someone who speaks for another ('spokesman'): no role of its
        own (``voice_nouns.txt``)."""
        return m.entry.kind == "agent" and all(
            self._tokens[k].text.lower() in VOICE_NOUNS for k in range(m.start, m.end)
        )

    def resolve_head(self, head: int) -> list[ActorRef]:
        """Memoised per head; a head already being resolved (a pronoun whose antecedent
        search comes back to it through a conjunction) resolves to nothing."""
        cached = self._memo.get(head)
        if cached is not None:
            return cached
        self._memo[head] = []
        refs = self._titled(self._resolve_phrase(head))
        self._memo[head] = refs
        return refs

    def _titled(self, refs: list[ActorRef]) -> list[ActorRef]:
        out: list[ActorRef] = []
        for r in refs:
            if r.kind != "person":
                out.append(r)
                continue
            titles = frozenset(self._tokens[k].lemma.lower() for k in range(r.start, r.end))
            genders = {g for t in titles if (g := _GENDERED.get(t))}
            gender = genders.pop() if len(genders) == 1 else ""
            out.append(dataclasses.replace(r, titles=titles, gender=gender))
        return out

    def _resolve_phrase(self, head: int) -> list[ActorRef]:
        tok = self._tokens[head]
        if tok.pos == "PRON" or tok.tag in ("PRP", "PRP$"):
            return self._pronouns.refs(self, head)
        if tok.lemma.lower() in _QUANTITY_HEADS or tok.pos == "NUM":
            # "dozens of protesters", "two of the soldiers": the actor is the complement
            # (or, where that names no actor, the apposition: "one of these groups, the
            # Syrian Democratic Forces")
            for c in self._children.get(head, ()):
                if self._tokens[c].dep == "prep" and self._tokens[c].text.lower() == "of":
                    members = [
                        r
                        for g in self._children.get(c, ())
                        if self._tokens[g].dep == "pobj"
                        for r in self.actors_at(g)
                    ]
                    named = [
                        r
                        for a in self._children.get(head, ())
                        if self._tokens[a].dep == "appos"
                        for r in self.actors_at(a)
                    ]
                    return members or named
        if tok.ent_type in _NOT_ACTOR_ENTITIES or tok.lemma.lower() in _DOCUMENT_NOUNS:
            return []  # dates and sums; "NATO guidelines", "the UN report": documents
        if tok.lemma.lower() in _LEADER_HEADS:
            led = [
                r
                for r in self._principals(head)
                if r.kind in ("agent", "group", "igo") and r.role not in (None, "GOV")
            ]
            if led:
                # "leaders of the opposition coalition", "the leader of Hamas": the body
                # led, not a head of government
                return [r.at(head, min(head, r.start), max(r.end, head + 1), r.kind) for r in led]
        both = self._pronouns.both_sides(head)
        if both:
            return both
        if (
            tok.pos == "NOUN"
            and head not in self._by_token
            and not names_owner(self._tokens, self._children, self._by_token, head)
        ):
            # "endorsed his former rival, Joe Biden": a description the apposition names
            # (not "the EU trio (France, Germany, and Britain)": the EU is named)
            named = [
                r
                for c in self._children.get(head, ())
                if self._tokens[c].dep == "appos"
                for r in self.actors_at(c)
                if r.country is not None and r.kind in ("person", "country", "group")
            ]
            if named:
                return named
        names_actor = (
            head in self._by_token
            or tok.ent_type in ACTOR_ENTITIES
            or tok.pos == "PROPN"
            or tok.lemma.lower() in _COLLECTIVE_HEADS
            or tok.text.lower() in _COLLECTIVE_HEADS
            or agent_compound(self._tokens, self._children, self._by_token, head)
        )
        phrase, complements = self._phrase(head, possessor_only=not names_actor)
        mentions = {
            self._by_token[k].start: self._by_token[k] for k in phrase if k in self._by_token
        }
        own = combine([m for m in mentions.values() if not self._voice(m)])
        lo, hi = surface(
            self._tokens,
            self._children,
            head,
            phrase | {k for m in mentions.values() for k in range(m.start, m.end)},
            complements,
        )
        if own is None or own.kind == "country":
            # 'US and British forces', 'French and Egyptian troops' (the second adjective a
            # conjunct of the first, outside the phrase): one actor a country
            joined = self._joined_mentions(phrase)
            shared = coordinated_countries(
                self._tokens, head, [*mentions.values(), *joined], lo, hi
            )
            if shared:
                return shared
        if own is not None and own.kind == "person" and own.role in (None, "ELI"):
            titled = title_role(self._tokens, lo, hi) or self._titled_before(own)
            if titled is not None and own.country is not None:
                own = Combined(own.country + titled, own.country, titled, own.name, "person")
        elif (
            own is not None
            and own.kind == "person"
            and own.country is not None
            and former_office([t.text for t in self._tokens[lo:head]])
        ):
            # "Former Cabinet minister Clare Short": out of office, whatever the date
            own = Combined(own.country + "ELI", own.country, "ELI", own.name, "person")
        if own is not None and own.kind in ("person", "igo", "group"):
            return [
                ActorRef(
                    head,
                    lo,
                    hi,
                    own.code,
                    own.country,
                    own.role,
                    own.name,
                    own.kind,
                    listed=True,
                )
            ]
        if own is None or own.country is None:
            # a name word of a person the story named ('Bloomberg endorsed Biden' after
            # 'Michael Bloomberg'), whatever entity type the parser gave it
            a_name = tok.ent_type == "PERSON" or (own is None and tok.pos == "PROPN")
            known = self._people.get(tok.text.lower()) if a_name else None
            if known is not None:
                return [known.at(head, lo, hi, "person")]
        if own is None and tok.text.lower() in VOICE_NOUNS:
            # "a spokesman for the foreign ministry", "lawyers for Ukraine": the principal
            return self._principals(head)
        role = own.role if own is not None else None
        at_head = self._by_token.get(head)
        names_place = at_head is not None and at_head.entry.kind in ("country", "capital")
        if (
            own is not None
            and own.country
            and not names_place
            and state_agency(self._tokens, self._children, head, own)
        ):
            own = Combined(own.country + "GOV", own.country, "GOV", own.name, "group")
        if own is None and national_body(self._tokens, self._children, head):
            # "the National Telecommunications Commission" in a story set in the
            # Philippines: the state body of the country the story places it in
            placed = self._placement.country_for("GOV")
            if placed is not None:
                country, basis = placed
                name = " ".join(t.text for t in self._tokens[lo:hi])
                return [
                    ActorRef(
                        head, lo, hi, country + "GOV", country, "GOV", name, "group", basis=basis
                    )
                ]
        if own is not None and own.country is not None:
            if tok.ent_type == "PERSON" and not names_place:
                name = person_name(self._tokens, phrase)
                return [ActorRef(head, lo, hi, own.code, own.country, own.role, name, "person")]
            return [ActorRef(head, lo, hi, own.code, own.country, own.role, own.name, own.kind)]
        if role is not None and complements:
            found: list[ActorRef] = []
            for comp in complements:
                for ref in self.actors_at(comp):
                    if ref.kind in ("group", "igo") and ref.role is not None:
                        # "the president of Harvard University", "the head of the Red
                        # Cross": an officer of an organisation acts for it, not as a
                        # state's office holder
                        found.append(
                            ActorRef(
                                head, lo, hi, ref.code, ref.country, ref.role, ref.name, ref.kind
                            )
                        )
                        continue
                    if ref.country is None or ref.kind == "person":
                        continue
                    code = ref.country + role
                    found.append(ActorRef(head, lo, hi, code, ref.country, role, ref.name, "group"))
            if found:
                return found
        person = (
            tok.ent_type == "PERSON"
            and tok.pos == "PROPN"
            and not names_place
            and head not in self._places  # 'he visits Manchester and Torbay'
        )
        if own is not None and own.kind == "agent" and own.role:
            agent = self._role_word(head, (lo, hi), own, own.role, phrase, person=person)
            if agent:
                return agent
        if own is not None:
            return [ActorRef(head, lo, hi, own.code, own.country, own.role, own.name, own.kind)]
        office = (
            office_held(self._tokens, self._children, self._by_token, head)
            if tok.pos == "PROPN" and not names_place
            else None
        )
        if office is not None and office.role:
            # a name the knowledge base does not know, in an office the clause names: "X
            # resigned as the governor", "Y was sworn in as prime minister"
            agent = self._role_word(head, (lo, hi), office, office.role, phrase, person=True)
            if agent:
                return agent
        if person and named_as_person(self._tokens, phrase, lo, hi, head):
            # a person the knowledge base does not know and the text gives no office: a
            # private person of the country the story places them in (CVL)
            placed = self._placement.country_for(PRIVATE, named=True)
            if placed is not None:
                country, basis = placed
                name = person_name(self._tokens, phrase)
                code = country + PRIVATE
                return [ActorRef(head, lo, hi, code, country, PRIVATE, name, "person", basis=basis)]
        return []

    def _joined_mentions(self, phrase: set[int]) -> list[Mention]:
        """Knowledge-base mentions conjoined to a word of the phrase ('Egyptian' of 'French
        and Egyptian troops'), which the phrase leaves to its conjuncts."""
        found: dict[int, Mention] = {}
        for k, tok in enumerate(self._tokens):
            if tok.dep == "conj" and tok.head in phrase and k not in phrase and k in self._by_token:
                m = self._by_token[k]
                found[m.start] = m
        return list(found.values())

    def _role_word(
        self,
        head: int,
        span: tuple[int, int],
        own: Combined,
        role: str,
        phrase: set[int],
        *,
        person: bool,
    ) -> list[ActorRef]:
        """A role word with no country of its own ('the minister', 'police'): the
        country of a pronoun possessing it ('its foreign minister'), the latest person of
        the document holding that title ('the minister'), the latest body of the document
        named by that word with its country ('the embassy' after 'the US Embassy in
        London'), else the country the sentence,
        dateline or document places it in (:meth:`Placement.country_for`); a named person with
        that role ('provincial governor Ali Khan') is that person."""
        lo, hi = span
        for c in self._children.get(head, ()):
            if self._tokens[c].dep == "poss" and self._tokens[c].pos == "PRON":
                for ref in self._pronouns.refs(self, c):
                    if ref.country:
                        code = ref.country + role
                        return [ActorRef(head, lo, hi, code, ref.country, role, own.name, "agent")]
        if self._is_definite(head):
            title = self._tokens[head].lemma.lower()
            for known in reversed(list(self._people.values())):
                if title in known.titles and known.country:
                    return [known.at(head, lo, hi, "pronoun")]
            body = self._bodies.get(title)
            if body is not None and body.role == role and not person:
                # 'the embassy' after 'the US Embassy in London': that embassy
                return [body.at(head, lo, hi, body.kind)]
        placed = self._placement.country_for(role)
        if placed is None:
            return []
        country, basis = placed
        kind = "person" if person else "agent"
        label = person_name(self._tokens, phrase) if person else own.name
        return [ActorRef(head, lo, hi, country + role, country, role, label, kind, basis=basis)]

    def _principals(self, head: int) -> list[ActorRef]:
        """Whom a spokesman or lawyer speaks for: the actors named with "for", "of" or
        "from" ("representatives from Iran")."""
        return [
            r
            for c in self._children.get(head, ())
            if self._tokens[c].dep == "prep"
            and self._tokens[c].text.lower() in ("for", "of", "from")
            for g in self._children.get(c, ())
            if self._tokens[g].dep == "pobj"
            for r in self.actors_at(g)
        ]
