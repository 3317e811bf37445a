"""Institutions and the people they speak for, as the subject of a cue names them.

`InstitutionNames` is a part of `analytics.quotes.speakers.SpeakerResolver`
(it reads the resolver's parse, mentions, entities and word lists): the
person an office speaks for (``Netanyahu's office``), whom a spokesperson
speaks for (``a spokesperson for the Commerce Ministry`` is the ministry; a
spokesperson for a person stays unnamed), an organisation the parser
names, an institution named by its country, owner or portfolio (``the
Israeli military``, ``Ardania's trade ministry``, ``the health ministry``,
``the government of Norwald``) and a name of several capitalised words
(``The Ashcombe Parents' Forum``). The names it gives that the registry
lacks are remembered as institutions, so that ``he`` or ``she`` never
refers to them and ``it`` may.
"""
from __future__ import annotations

import re

from spacy.tokens import Token



class InstitutionNames:
    """The institution-naming steps of the SpeakerResolver (see the module's docstring)."""

    def _owner(self, head: Token) -> str:
        """``Netanyahu's office said``, ``his office said``: the person an office or campaign speaks for;
        ``the prime minister's office``, owned by a role, is an institution by that name."""
        if head.lemma_.lower() not in self.cues.proxy_nouns:
            return ""
        for child in head.children:
            if child.dep_ == "poss" and child.lower_ in ("his", "her"):
                return self.antecedent(child, person=True)
            if child.dep_ == "poss":
                for t in child.subtree:
                    if t.i in self.by_token and self.kind(self.by_token[t.i]["actor"]) == "person":
                        return self.by_token[t.i]["actor"]
                if self.entity_type(child) == "ORG":
                    # "the Red Crescent's regional office"
                    return self._institution_found(re.sub(r"\s*['’]s$", "", self._entity_name(child)))
                if child.lemma_.lower() in self.cues.speaker_nouns and child.pos_ == "NOUN":
                    return self._named_institution(head)
        return ""

    def _issued_by(self, head: Token) -> str:
        """``A joint statement released by the White House said``: whoever a document is said to come from."""
        if head.lemma_.lower() not in self.cues.document_nouns:
            return ""
        for verb in (c for c in head.children if c.dep_ == "acl" and c.tag_ == "VBN"):
            for by in (c for c in verb.children if c.dep_ in ("agent", "prep") and c.lower_ == "by"):
                for obj in (c for c in by.children if c.dep_ == "pobj"):
                    if obj.i in self.by_token:
                        return self.by_token[obj.i]["actor"]
                    if obj.pos_ == "PROPN":
                        return self._named_institution(obj)
        return ""

    def _represented(self, head: Token) -> str:
        """``a spokesperson for the Commerce Ministry``, ``a Halbrook spokesman``: whom a voice noun speaks for."""
        if head.lemma_.lower() not in self.cues.voice_nouns and head.lower_ not in self.cues.voice_nouns:
            return ""
        for prep in (c for c in head.children if c.dep_ == "prep" and c.lower_ in ("for", "of", "at")):
            for obj in (c for c in prep.children if c.dep_ == "pobj"):
                if obj.i in self.by_token:  # a spokesperson for a person is someone else, unnamed
                    actor = self.by_token[obj.i]["actor"]
                    return "" if self.kind(actor) == "person" else actor
                if obj.pos_ == "PROPN" or self._is_group(obj):
                    return self._named_institution(obj)
        for owner in (c for c in head.children if c.dep_ == "poss" and c.pos_ == "PROPN"):
            # "Halbrook's spokesman" speaks for Halbrook; a person's spokesman is found by the role.
            if owner.i in self.by_token:
                actor = self.by_token[owner.i]["actor"]
                return actor if self.kind(actor) != "person" else ""
            named = sorted({(e.start, e.text) for e in self.entity_at.values()
                            if e.label_ == "ORG" and e.start < owner.i and e[0].text == owner.text})
            if named or self.entity_type(owner) == "ORG":
                return self._institution_found(named[-1][1] if named else owner.text)
        compounds = [c for c in head.children if c.dep_ in ("compound", "nmod") and c.i < head.i]
        if compounds:
            first = min(t.i for c in compounds for t in c.subtree)
            words = self.doc[first: head.i]
            if any(t.pos_ == "PROPN" for t in words):
                return self._institution_found(words.text)
        return ""

    def _is_group(self, token: Token) -> bool:
        lemma = token.lemma_.lower()
        return lemma in self.cues.group_nouns or lemma in self.cues.institution_nouns or lemma in self.cues.proxy_nouns

    def _named_institution(self, obj: Token) -> str:
        """The words of the noun phrase headed by ``obj`` without its article: ``Court of Appeal``."""
        words = [t for t in obj.subtree if not (t.dep_ == "det" and t.i == obj.left_edge.i)]
        return self._institution_found(self.doc[words[0].i: words[-1].i + 1].text) if words else ""

    def _institution_found(self, name: str) -> str:
        if name:
            self._institutions.add(name)
        return name

    def _proper_name(self, head: Token) -> str:
        """``The Ashcombe Parents' Forum``: a name of several capitalised words after ``the`` (not ``the Dutchman``)."""
        if head.pos_ != "PROPN" or not head.is_title:
            return ""
        run = [head]
        for i in range(head.i - 1, head.sent.start - 1, -1):
            t = self.doc[i]
            if t.pos_ == "PROPN" and t.is_title or t.text in ("'", "’", "'s", "’s", "&"):
                run.insert(0, t)
            else:
                break
        while run and not run[0].is_title:
            run.pop(0)
        if not any(c.dep_ == "det" for c in head.children):
            return ""
        if len(run) < 2:
            return self._titled_of(head)
        if all(t.lower_ in self.cues.titles or t.lower_ in self.cues.speaker_nouns for t in run) \
                or head.lower_ in self.cues.speaker_nouns:
            return ""  # "the Prime Minister", "the Connecticut Democrat": a person by a role
        return self.doc[run[0].i: run[-1].i + 1].text

    def _titled_of(self, head: Token) -> str:
        """``The Office of the President``, ``the Ministry of Fisheries``: a capitalised noun and its capitalised ``of``."""
        for prep in (c for c in head.children if c.dep_ == "prep" and c.lower_ == "of"):
            for obj in (c for c in prep.children if c.dep_ == "pobj" and c.is_title):
                return self.doc[head.i: obj.right_edge.i + 1].text
        return ""

    def _entity_name(self, head: Token) -> str:
        """An organisation or place the parser names (``The World Trade Organization``), without its article."""
        ent = self.entity_at.get(head.i)
        if ent is None or ent.label_ not in ("ORG", "GPE"):
            return ""
        return re.sub(r"^(the|The)\s+", "", ent.text)

    def _institution(self, head: Token, words: list[Token]) -> str:
        """``The Israeli military``, ``Chinese foreign ministry``: an institution named by its country."""
        noun = " ".join(t.lower_ for t in words[-2:]) if len(words) > 1 else ""
        lemma = head.lemma_.lower()
        # "the Sallow port authority": any group noun named by a place is an institution too.
        named = lemma in self.cues.group_nouns and any(c.dep_ == "det" and c.lower_ == "the" for c in head.children) \
            and any(t.is_title and t.dep_ == "compound" and t.i > t.sent.start for t in words if t.i < head.i)
        if lemma not in self.cues.institution_nouns and noun not in self.cues.institution_nouns and not named:
            return ""
        first = next((n for n, t in enumerate(words) if t.dep_ != "det"), 0)
        of = [c for c in head.children if c.dep_ == "prep" and c.lower_ == "of"]
        owner = [o for p in of for o in p.children if o.dep_ == "pobj" and o.pos_ == "PROPN"]
        if owner and first == len(words) - 1:  # "the government of Norwald"
            return self.doc[head.i: owner[0].right_edge.i + 1].text
        before = [t for t in words if t.i < head.i]
        # "the Calvessan embassy": a country the parser does not know is still a capitalised word.
        country = any(self.entity_type(t) in ("NORP", "GPE") or t.i in self.by_token
                      or t.is_title and t.dep_ in ("amod", "compound", "nmod") for t in before)
        # "Ardania's trade ministry", "the health ministry": named by its owner or by its portfolio.
        owned = any(t.dep_ == "poss" and t.pos_ == "PROPN" for t in head.children)
        portfolio = lemma in self.cues.portfolio_nouns and any(t.dep_ in ("amod", "compound") for t in before)
        if not (country or owned or portfolio):
            return ""
        return self.doc[words[first].i: head.i + 1].text
