"""Convert the PETRARCH2 CAMEO.2.0 verb-pattern dictionary (MIT) into accord's JSON format.

Usage: python scripts/build_verbs.py [SHARED_DIR]

Writes src/accord/data/verbs/cameo_verbs.json and the license NOTICE beside it.
The output keeps every verb form, synonym set and pattern of the source file in a
structured shape that accord.coding.verbs compiles at load time.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import Any

from accord.coding.petrarch_format import code_pair, convert_verbs, pattern_tokens

ROOT = Path(__file__).resolve().parents[1]
OUT = ROOT / "src" / "accord" / "data" / "verbs"
VERSION = "cameo-2.0+accord.2"

SOURCE = "PETRARCH2 CAMEO.2.0.txt (30 April 2015), MIT"


def convert(text: str) -> dict[str, object]:
    """The CAMEO.2.0 file in accord's verb JSON, before accord's additions."""
    return convert_verbs(text, version=VERSION, source=SOURCE)


# Verb forms the CAMEO.2.0 dictionary lacks, added by accord: (block, words, code or None).
ADDITIONS: tuple[tuple[str, list[str], str | None], ...] = (
    ("APPEAL", ["urge"], None),
    ("APPEAL", ["call", "on"], None),
    ("APPEAL", ["call", "upon"], None),
    ("BLACKLIST", ["sanction"], "163"),
    # 'rejected the plan' is a rejection even without a more specific pattern
    ("REFUSE", ["reject"], "120"),
    ("REFUSE", ["refuse"], "120"),
    ("REFUSE", ["rebuff"], "120"),
    ("RESTART", ["renew"], None),
    ("RETREAT", ["demobilize"], "0873"),
    ("RETREAT", ["demobilise"], "0873"),
    ("GRANT", ["hand", "over"], None),
    ("ARRANGE", ["hold"], None),
    ("SUE", ["file", "suit"], None),
    ("SUE", ["file", "lawsuit"], None),
    ("BLAME", ["find", "guilty"], "116"),
    ("MARCH", ["rally"], "141"),
    ("MARCH", ["picket"], "141"),
    ("EXCLUDE", ["barricade"], "144"),
)

# Dictionary entries whose CAMEO code accord corrects: (block, verb form or pattern text,
# old code, new code). The 2015 file keeps some TABARI-era codes: suing is 'bring lawsuit'
# (115), a conviction 'find guilty' (116), lifting sanctions 'ease sanctions' (085).
CODE_FIXES: tuple[tuple[str, str, str | None, str], ...] = (
    ("SUE", "", "173", "115"),
    ("SUE", "* ( IN COURT )", "173", "115"),
    ("SUE", "* ( FOR )", "173", "115"),
    ("BLAME", "convict", "173", "116"),
    ("LIFT", "* SANCTION", "0351", "085"),
    # meeting someone somewhere is a meeting (040), not an intent to meet (036)
    ("MEET_PEOPLE", "* ( AT )", "036", "040:040"),
    ("MEET_PEOPLE", "* ( WITH LEADERS )", "036", "040:040"),
    ("MEET_PEOPLE", "* ( FOR TALKS )", "036", "046:046"),
    # 'face charges / imprisonment / pressure' is no meeting: only its patterns code it
    ("MEET_PEOPLE", "face", None, "---"),
    # bare 'take' ('took place', 'take steps', 'take office') is no seizure (171): only
    # its patterns ('took hostages', 'took control of') code it
    ("APPREHEND", "take", None, "---"),
    # bare 'plan' ('the strike they had planned') is no intent to cooperate; 'plans to X'
    # is coded by the intent frame from X
    ("INTEND", "plan", None, "---"),
    # going, leaving and departing are no consultation (040) by themselves ('went missing',
    # 'left the country'); their patterns ('went to Geneva for consultations') still code
    *(
        ("GO_SOMEWHERE", verb, None, "---")
        for verb in ("go", "leave", "depart", "egress", "go away", "go forth", "leave behind")
    ),
    # calling off a strike eases dissent (082), as halting one does; 087 is military
    ("CANCEL", "* STRIKE", "087", "082"),
)

_PROTEST_EVENTS = (
    ("* {HUNGER STRIKE}", "142"),
    ("* {HUNGER STRIKES}", "142"),
    ("* STRIKE", "143"),
    ("* {GENERAL STRIKE}", "143"),
    ("* WALKOUT", "143"),
    ("* STOPPAGE", "143"),
    ("* BOYCOTT", "143"),
    ("* DEMONSTRATION", "141"),
    ("* RALLY", "141"),
    ("* PROTEST", "141"),
    ("* MARCH", "141"),
    ("* {SIT-IN}", "141"),
    ("* RIOT", "145"),
    ("* {ROAD BLOCKADE}", "144"),
)
# verbs of staging an event, by block: 'staged a rally', 'held a protest', 'began a
# hunger strike', 'organized a general strike', 'continued their hunger strike'
_STAGING = (
    ("ARRANGE", ("stage", "hold")),
    ("CONFINE", ("hold",)),
    ("COORDINATE", ("organize", "organise")),
    ("START", ("begin", "start", "launch", "stage")),
    ("CONTINUE", ("continue",)),
    ("OVERSEE_MANAGE", ("lead", "conduct")),
    ("MOUNT", ("mount",)),
    ("CALL", ("call",)),
    ("RESTART", ("resume", "renew", "restart")),
)

_DISMISSED = {
    **dict.fromkeys(
        ["APPEAL", "CALL", "CALLS", "DEMAND", "DEMANDS", "&PROPOSAL", "REQUEST", "OFFER", "PLAN"],
        "120",
    ),
    **dict.fromkeys(
        ["ACCUSATION", "ACCUSATIONS", "ALLEGATION", "ALLEGATIONS", "CHARGES", "CLAIMS", "REPORTS"],
        "016",
    ),
}

# Patterns the CAMEO.2.0 dictionary lacks, added by accord, in its own syntax:
# (block, pattern line without the leading '-', code or '---', verbs it is limited to).
PATTERN_ADDITIONS: tuple[tuple[str, str, str, tuple[str, ...]], ...] = (
    *((block, text, code, verbs) for block, verbs in _STAGING for text, code in _PROTEST_EVENTS),
    # renewing / resuming a verbal act: 'renewed an appeal', 'renewed its threat'
    ("RESTART", "* APPEAL", "020", ()),
    ("RESTART", "* CALL", "020", ()),
    ("RESTART", "* CALLS", "020", ()),
    ("RESTART", "* DEMAND", "100", ()),
    ("RESTART", "* DEMANDS", "100", ()),
    ("RESTART", "* THREAT", "130", ()),
    ("RESTART", "* THREATS", "130", ()),
    ("RESTART", "* FIGHTING", "190", ()),
    ("RESTART", "* ATTACKS", "190", ()),
    ("RESTART", "* SHELLING", "194", ()),
    # undertaking / conducting / completing mediation, talks, investigations
    ("UNDERTAKE", "* &MEDIATION", "045", ()),
    ("UNDERTAKE", "* {MEDIATION MISSION}", "045", ()),
    ("UNDERTAKE", "* &INVESTIGATION", "090", ()),
    ("OVERSEE_MANAGE", "* &MEDIATION", "045", ("conduct",)),
    ("OVERSEE_MANAGE", "* &INVESTIGATION", "090", ("conduct", "lead")),
    ("OVERSEE_MANAGE", "* &NEGOTIATION", "046", ("conduct",)),
    ("OVERSEE_MANAGE", "* TALKS", "046", ("conduct",)),
    ("FINISH", "* &INVESTIGATION", "090", ()),
    ("START", "* &INVESTIGATION", "090", ()),
    ("START", "* INQUIRY", "090", ()),
    # ending mediation or talks
    ("CANCEL", "* &MEDIATION", "165", ()),
    ("CANCEL", "* {MEDIATION EFFORTS}", "165", ()),
    ("CANCEL", "* &NEGOTIATION", "164", ()),
    ("CANCEL", "* {HUMANITARIAN AID}", "1623", ()),
    ("CANCEL", "* {ECONOMIC AID}", "1621", ()),
    ("CANCEL", "* {MILITARY AID}", "1622", ()),
    # cutting aid or ties
    ("REDUCE", "* AID", "162", ()),
    ("REDUCE", "* ASSISTANCE", "162", ()),
    ("REDUCE", "* {ECONOMIC AID}", "1621", ()),
    ("REDUCE", "* {MILITARY AID}", "1622", ()),
    ("REDUCE", "* {HUMANITARIAN AID}", "1623", ()),
    ("REDUCE", "* {&FOOD SUPPLIES}", "1623", ()),
    ("REDUCE", "* {&FOOD AID}", "1623", ()),
    ("REDUCE", "* RELATIONS", "161", ()),
    # upgrading or restoring relations
    ("UPGRADE", "* TIES", "050", ()),
    ("UPGRADE", "* RELATIONS", "050", ()),
    ("RE_ESTABLISH", "* {DIPLOMATIC RELATIONS}", "050", ()),
    # accepting demands, terms, a formula
    ("EMBRACE", "* DEMANDS", "080", ("accept",)),
    ("EMBRACE", "* DEMAND", "080", ("accept",)),
    ("EMBRACE", "* TERMS", "080", ("accept",)),
    ("EMBRACE", "* CONDITIONS", "080", ("accept",)),
    ("EMBRACE", "* FORMULA", "030", ("accept",)),
    ("EMBRACE", "* {PEACE PLAN}", "037", ("accept",)),
    # agreeing on or to something (a budget, a proposal, mediation): intent to cooperate
    ("AGREE", "* ( TO )", "030", ()),
    ("AGREE", "* ( ON )", "030", ()),
    ("AGREE", "* ( TO &MEDIATION )", "038", ()),
    ("AGREE", "* ( TO &PROPOSAL )", "030", ()),
    ("AGREE", "* ( TO &NEGOTIATION )", "036", ()),
    ("AGREE", "* ( TO TALKS )", "036", ()),
    # dismissing an appeal (a rejection) or a charge (a denial)
    *(("DESPATCH", f"* {noun}", code, ("dismiss",)) for noun, code in _DISMISSED.items()),
    # considering an option
    ("CONSIDER", "* POSSIBILITY", "014", ()),
    ("CONSIDER", "* OPTION", "014", ()),
    ("CONSIDER", "* OPTIONS", "014", ()),
    ("INSPECT", "* POSSIBILITY", "014", ("explore",)),
    ("INSPECT", "* OPTION", "014", ("explore",)),
    ("INSPECT", "* OPTIONS", "014", ("explore",)),
    # handing over aid, suspects, prisoners
    ("GRANT", "* MEDICINE", "073", ()),
    ("GRANT", "* MEDICINES", "073", ()),
    ("GRANT", "* {MEDICAL SUPPLIES}", "073", ()),
    ("GRANT", "* {RELIEF SUPPLIES}", "073", ()),
    ("GRANT", "* &SUSPECT", "063", ("hand over",)),
    ("GRANT", "* PRISONERS", "0841", ("hand over",)),
    ("GRANT", "* CONTROL", "080", ("hand over",)),
    ("GRANT", "* REMINDER", "100", ("issue",)),
    ("GRANT", "* DECLARATION", "010", ("issue",)),
    ("GRANT", "* COMMUNIQUE", "010", ("issue",)),
    ("GRANT", "* DEMAND", "100", ("issue",)),
    ("SEND", "* ARMS", "072", ("send", "ship", "transfer")),
    # blockades
    ("IMPOSE", "* BLOCKADE", "191", ()),
    ("IMPOSE", "* BLOCKADES", "191", ()),
    ("TIGHTEN", "* BLOCKADE", "191", ()),
    ("TIGHTEN", "* SIEGE", "191", ()),
    # understanding another's concerns or position is an empathetic comment
    ("KNOW", "* CONCERNS", "018", ("understand", "understood")),
    ("KNOW", "* CONCERN", "018", ("understand", "understood")),
    ("KNOW", "* POSITION", "018", ("understand", "understood")),
    ("KNOW", "* {LEGITIMATE CONCERNS}", "018", ("understand", "understood")),
    # receiving observers, inspectors or peacekeepers
    ("OBTAIN", "* OBSERVERS", "0862", ("receive",)),
    ("OBTAIN", "* INSPECTORS", "0862", ("receive",)),
    ("OBTAIN", "* MONITORS", "0862", ("receive",)),
    ("OBTAIN", "* {MISSION ( OF OBSERVERS )}", "0862", ("receive",)),
    ("OBTAIN", "* PEACEKEEPERS", "0861", ("receive",)),
    ("OBTAIN", "* &PKO", "0861", ("receive",)),
    # withdrawing monitors, peacekeepers, aid workers, envoys
    ("RETREAT", "* INSPECTORS", "1662", ()),
    ("RETREAT", "* OBSERVERS", "1662", ()),
    ("RETREAT", "* MONITORS", "1662", ()),
    ("RETREAT", "* PEACEKEEPERS", "1661", ()),
    ("RETREAT", "* &PKO", "1661", ()),
    ("RETREAT", "* {AID WORKERS}", "1663", ()),
    ("RETREAT", "* AMBASSADOR", "161", ()),
    ("RETREAT", "* ENVOY", "161", ()),
    ("RETREAT", "* DIPLOMATS", "161", ()),
    # building up forces
    ("STRENGTHEN", "* &MILITARY", "154", ()),
    ("STRENGTHEN", "* FORCES", "154", ()),
    ("STRENGTHEN", "* {&MILITARY PRESENCE}", "154", ()),
    # obstructing passage, staying away from work
    ("EXCLUDE", "* WORK", "143", ("shun", "boycott")),
    ("EXCLUDE", "* CLASSES", "143", ("shun", "boycott")),
    ("EXCLUDE", "* ROADS", "144", ("block", "barricade")),
    ("EXCLUDE", "* STREET", "144", ("block", "barricade")),
    ("EXCLUDE", "* STREETS", "144", ("block", "barricade")),
    ("EXCLUDE", "* BRIDGE", "144", ("block", "barricade")),
    ("EXCLUDE", "* HIGHWAY", "144", ("block", "barricade")),
    ("EXCLUDE", "* RAILWAY", "144", ("block", "barricade")),
    ("EXCLUDE", "* {BORDER CROSSING}", "144", ("block", "barricade")),
    # expelling monitors, peacekeepers, aid workers
    ("DEPORT", "* INSPECTORS", "1662", ()),
    ("DEPORT", "* OBSERVERS", "1662", ()),
    ("DEPORT", "* MONITORS", "1662", ()),
    ("DEPORT", "* PEACEKEEPERS", "1661", ()),
    ("DEPORT", "* &PKO", "1661", ()),
    ("DEPORT", "* {AID WORKERS}", "1663", ()),
    ("DEPORT", "* {AID AGENCIES}", "1663", ()),
    # bombings, human shields, atrocities
    ("HURT", "* ( IN {BOMB ATTACK} )", "183", ()),
    ("HURT", "* ( IN {CAR BOMB} )", "1832", ()),
    ("HURT", "* ( IN {SUICIDE BOMBING} )", "1831", ()),
    ("HURT", "* ( IN {ROADSIDE BOMB} )", "1833", ()),
    ("KILL", "* ( IN {BOMB ATTACK} )", "183", ()),
    ("KILL", "* ( IN BOMBING )", "183", ()),
    ("KILL", "* ( IN {CAR BOMB} )", "1832", ()),
    ("KILL", "* ( IN {CAR BOMBING} )", "1832", ()),
    ("KILL", "* ( IN {SUICIDE BOMBING} )", "1831", ()),
    ("KILL", "* ( IN {SUICIDE ATTACK} )", "1831", ()),
    ("KILL", "* ( IN {ROADSIDE BOMB} )", "1833", ()),
    ("KILL", "* ( IN {AIR STRIKE} )", "195", ()),
    ("KILL", "* ( IN AIRSTRIKE )", "195", ()),
    ("CONFINE", "* ( AS {HUMAN SHIELDS} )", "184", ("hold", "use")),
    ("ENGAGE", "* ( IN {ETHNIC CLEANSING} )", "203", ()),
    ("ENGAGE", "* ( IN {MASS KILLINGS} )", "202", ()),
    ("ENGAGE", "* ( IN GENOCIDE )", "202", ()),
    ("ENGAGE", "* ( IN {HUNGER STRIKE} )", "142", ()),
    ("ENGAGE", "* ( IN STRIKE )", "143", ()),
)


def add_accord_forms(data: dict[str, object]) -> None:
    blocks = data["blocks"]
    assert isinstance(blocks, list)
    by_name = {b["name"]: b for b in blocks}
    for block, words, code in ADDITIONS:
        target = by_name[block]
        target["verbs"].append(
            {"words": words, "code": code, "code2": None, "no_code": False, "added": True}
        )
    for number, (block, text, raw_code, verbs) in enumerate(PATTERN_ADDITIONS, start=1):
        tokens = pattern_tokens(text)
        star = tokens.index("*")
        code, code2 = code_pair(raw_code)
        by_name[block]["patterns"].append(
            {
                "pre": tokens[:star],
                "post": tokens[star + 1 :],
                "code": code,
                "code2": code2,
                "verbs": list(verbs),
                "line": -number,
                "added": True,
            }
        )
    for block, what, old, new in CODE_FIXES:
        _fix_code(by_name[block], what, old, new)


def _fix_code(block: dict[str, Any], what: str, old: str | None, new: str) -> None:
    """Replace one code of a block: its default (what=''), a verb form's ('---': none
    of its own, only its patterns), or a pattern's (new may be a pair, '040:040')."""
    code, code2 = code_pair(new)
    if not what:
        assert block["code"] == old, (block["name"], block["code"])
        block["code"], block["code2"] = code, code2
        return
    if "*" not in what:
        for v in block["verbs"]:
            if " ".join(v["words"]) == what and v["code"] == old:
                v["code"], v["code2"], v["no_code"] = code, code2, code is None
                return
        raise AssertionError(f"no verb {what} [{old}] in {block['name']}")
    for p in block["patterns"]:
        if " ".join([*p["pre"], "*", *p["post"]]) == what and p["code"] == old:
            p["code"], p["code2"] = code, code2
            return
    raise AssertionError(f"no pattern {what} [{old}] in {block['name']}")


# Frames: verbs that embed another action ("threatened to attack", "refused to meet",
# "urged Iran to release ...", "X said Y must withdraw") are coded by the frame's CAMEO
# family and the kind of the embedded action. CONTENT names the kind of an action code
# (longest prefix wins); FRAME_CODES gives each frame's code for each kind ('' = default).
CONTENT: dict[str, str] = {
    "010": "comment",
    "04": "meet", "045": "mediate",
    "05": "dip", "057": "settle",
    "06": "mat", "061": "mat1", "062": "mat2", "063": "mat3", "064": "mat4",
    "07": "aid", "071": "aid1", "072": "aid2", "073": "aid3", "074": "aid4",
    "08": "yield", "081": "yield1", "082": "yield2", "084": "yield3", "085": "yield4",
    "086": "yield5", "087": "yield6",
    "083": "reform", "0831": "reform1", "0832": "reform2", "0833": "reform3", "0834": "reform4",
    "14": "protest", "15": "posture", "16": "reduce", "161": "reduce_rel", "162": "reduce_aid",
    "163": "sanction", "164": "halt_neg", "165": "halt_med", "166": "withdraw",
    "172": "admin", "1721": "admin1", "1722": "admin2", "1723": "admin3", "1724": "admin4",
    "173": "repress", "174": "repress", "175": "repress",
    "18": "assault", "19": "fight", "191": "blockade", "192": "occupy",
    "20": "assault", "204": "wmd",
}  # fmt: skip


def _family(root: str, kinds: dict[str, str]) -> dict[str, str]:
    return {k: root + v for k, v in kinds.items()}


_COOPERATION = {
    "mat": "1", "mat1": "11", "mat2": "12", "mat3": "13", "mat4": "14",
    "aid": "3", "aid1": "31", "aid2": "32", "aid3": "33", "aid4": "34",
    "reform": "4", "reform1": "41", "reform2": "42", "reform3": "43", "reform4": "44",
    "yield": "5", "yield1": "51", "yield2": "52", "yield3": "53", "yield4": "54",
    "yield5": "55", "yield6": "56",
}  # fmt: skip
_THREATS = {
    "": "130", "protest": "133", "posture": "138", "reduce": "131", "reduce_rel": "1313",
    "reduce_aid": "1311", "sanction": "1312", "halt_neg": "134", "halt_med": "135",
    "withdraw": "136", "admin": "132", "admin1": "1321", "admin2": "1322", "admin3": "1323",
    "admin4": "1324", "repress": "137", "assault": "1383", "fight": "1384",
    "blockade": "1381", "occupy": "1382", "wmd": "1385",
}  # fmt: skip
FRAME_CODES: dict[str, dict[str, str]] = {
    "intent": {
        "": "030", "dip": "032", "meet": "036", "settle": "037", "mediate": "039",
        **_family("03", _COOPERATION), **{k: v for k, v in _THREATS.items() if k},
    },
    "appeal": {
        "": "020", "dip": "022", "meet": "026", "settle": "027", "mediate": "028",
        **_family("02", _COOPERATION),
    },
    "demand": {
        "": "100", "dip": "102", "meet": "106", "settle": "107", "mediate": "108",
        **_family("10", _COOPERATION),
    },
    "reject": {
        "": "120", "mat": "121", "mat1": "1211", "mat2": "1212", "mat3": "1213",
        "aid": "122", "aid1": "1221", "aid2": "1222", "aid3": "1223", "aid4": "1224",
        "reform": "123", "reform1": "1231", "reform2": "1232", "reform3": "1233",
        "reform4": "1234", "yield": "124", "yield1": "1241", "yield2": "1242",
        "yield3": "1243", "yield4": "1244", "yield5": "1245", "yield6": "1246",
        "meet": "125", "mediate": "126", "settle": "127", "comment": "011",
    },
    "threaten": dict(_THREATS),
}  # fmt: skip
# Verbs that frame an embedded action, by lemma. 'want'-like verbs frame an appeal only
# when the embedded action has its own subject ("wants Germany to pay").
FRAME_LEMMAS: dict[str, str] = {
    **dict.fromkeys(
        ["agree", "pledge", "promise", "vow", "swear", "offer", "plan", "intend", "decide",
         "undertake", "commit", "volunteer", "resolve", "prepare"], "intent"),
    **dict.fromkeys(
        ["urge", "ask", "appeal", "request", "plead", "beg", "implore", "exhort", "encourage",
         "petition", "call"], "appeal"),
    **dict.fromkeys(["push", "press"], "appeal"),
    **dict.fromkeys(["demand", "insist", "pressure", "pressurize"], "demand"),
    **dict.fromkeys(["refuse", "decline", "reject", "resist"], "reject"),
    **dict.fromkeys(["threaten", "warn"], "threaten"),
}  # fmt: skip
OBJECT_APPEAL_LEMMAS: tuple[str, ...] = ("want", "wish", "hope", "like", "prefer")


def frames() -> dict[str, object]:
    content = dict(CONTENT)
    for codes in FRAME_CODES.values():
        for kind, code in codes.items():
            if kind:
                content.setdefault(code, kind)
    return {
        "content": content,
        "codes": FRAME_CODES,
        "lemmas": FRAME_LEMMAS,
        "object_appeal": list(OBJECT_APPEAL_LEMMAS),
    }


def main(argv: list[str]) -> int:
    shared = Path(argv[1]) if len(argv) > 1 else ROOT.parent / "shared"
    src = shared / "resources" / "petrarch2_dictionaries"
    data = convert((src / "CAMEO.2.0.txt").read_text(encoding="utf-8", errors="replace"))
    add_accord_forms(data)
    data["frames"] = frames()
    OUT.mkdir(parents=True, exist_ok=True)
    (OUT / "cameo_verbs.json").write_text(
        json.dumps(data, separators=(",", ":"), ensure_ascii=False) + "\n", encoding="utf-8"
    )
    notice = (
        "cameo_verbs.json is converted by scripts/build_verbs.py from the PETRARCH2 CAMEO\n"
        "verb pattern dictionary (CAMEO.2.0.txt, Open Event Data Alliance), used under\n"
        "the MIT License:\n\n" + (src / "LICENSE.petrarch2.MIT.txt").read_text(encoding="utf-8")
    )
    (OUT / "NOTICE").write_text(notice, encoding="utf-8")
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv))
