"""Coding mechanisms on sentences written for these tests (real model, no gold data).

Each case names the mechanism it guards. Expected events are (source code, CAMEO root,
target code or None); "no" cases list events that must NOT appear. An act that names no
target in a sentence naming no other country is directed at the source's own country
(the ``domestic_target`` rule): its target is the bare country code, with no text.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest

DATE = "2026-02-05"  # a Thursday

Triple = tuple[str, str, str | None]


def _triples(coder: Any, text: str) -> set[Triple]:
    return {
        (e.source.code, e.cameo[:2], e.target.code if e.target else None)
        for e in coder.code_text(text, date=DATE)
    }


CASES: list[tuple[str, str, list[Triple]]] = [
    (
        "talks with a visiting leader are talks with that leader (the parser's gerund)",
        "Xi held talks with visiting French President Emmanuel Macron in Beijing on Monday.",
        [("CHNGOV", "04", "FRAGOV"), ("FRAGOV", "04", "CHNGOV")],
    ),
    (
        "naming the killing told before 'a cowardly act' censures whoever killed",
        "US forces killed Iranian general Qasem Soleimani in Baghdad on Friday. Iran called"
        " the killing a cowardly act.",
        [("IRN", "11", "USAMIL")],
    ),
    (
        "an attack glossed by a participle of speech is words, by actors who bear no arms",
        "South African president Thabo Mbeki attacked British imperialists on Monday, saying"
        " they treated Africans like savages.",
        [("ZAFGOV", "11", "GBR")],
    ),
    (
        "backing a call already made endorses it (051), no intent to support (032)",
        "France backed Germany's call for talks on Monday.",
        [("FRA", "05", "DEU")],
    ),
    (
        "admitting one's own act claims responsibility; representatives speak for their country",
        "On Saturday, representatives from Iran acknowledged their government had shot down a"
        " Ukrainian passenger jet.",
        [("IRN", "01", "UKRCVL")],
    ),
    (
        "a police force of England on the Home Office's list is British",
        "Thames Valley Police arrested an American tourist on Monday.",
        [("GBRCOP", "17", "USACVL")],
    ),
    (
        "attributing an attack to someone accuses them",
        "On Monday, Iraqi officials attributed the bombing to the Islamic State.",
        [("IRQGOV", "11", "IMGMUSISI")],
    ),
    (
        "verb with object",
        "Russian police arrested Pakistani students in Moscow.",
        [("RUSCOP", "17", "PAKEDU")],
    ),
    (
        "light verb + event noun",
        "Chinese President Xi Jinping held talks with Vladimir Putin.",
        [("CHNGOV", "04", "RUSGOV"), ("RUSGOV", "04", "CHNGOV")],
    ),
    (
        "noun event with possessor",
        "Xi's phone call with President Trump focused on trade.",
        [("CHNGOV", "04", "USAGOV"), ("USAGOV", "04", "CHNGOV")],
    ),
    (
        "hyphenated pair",
        "The Xi-Putin meeting ended without a statement.",
        [("CHNGOV", "04", "RUSGOV")],
    ),
    (
        "meeting in a prepositional phrase",
        "In a virtual meeting with President Putin, Xi reviewed bilateral ties.",
        [("CHNGOV", "04", "RUSGOV")],
    ),
    (
        "talks between",
        "Talks between Iran and the United States resumed in Oman.",
        [("IRN", "04", "USA")],
    ),
    (
        "symmetric compound subject",
        "France and Germany agreed on a joint budget.",
        [("FRA", "03", "DEU"), ("DEU", "03", "FRA")],
    ),
    (
        "joint signers of a treaty sign with each other",
        "Turkey and Libya signed a maritime border agreement.",
        [("TUR", "05", "LBY"), ("LBY", "05", "TUR")],
    ),
    (
        "collective head takes its modifiers' actor",
        "The ASEAN forum condemned the coup in Myanmar.",
        # an organisation's censure is aimed at the one country its predicate names
        [("IGOSEAASN", "11", "MMR")],
    ),
    (
        "role word placed by the complement",
        "Opposition groups in Kenya demanded that the president resign.",
        [("KENOPP", "10", "KEN")],
    ),
    (
        "role word placed by the one country the sentence names",
        "Students demanded the resignation of the Serbian prime minister.",
        [("SRBEDU", "10", "SRBGOV")],  # the prime minister whose going is demanded
    ),
    (
        "known role, unknown country",
        "Religious leaders appealed for calm after the riots.",
        [("---REL", "02", None)],
    ),
    (
        "regional actor as source",
        "A European court convicted Turkey of torture.",
        [("EURJUD", "11", "TUR")],
    ),
    (
        "'it' refers back to an organisation",
        "NATO said it would expel the Russian diplomats.",
        [("IGOWSTNAT", "13", "RUSGOV")],
    ),
    (
        "'both sides' are the parties of the latest bilateral meeting",
        "Xi Jinping held talks with Vladimir Putin on Monday. Xi urged both sides to deepen trade.",
        [("CHNGOV", "02", "RUSGOV")],
    ),
    (
        "an untargeted appeal right after a call addresses the other side",
        "Xi Jinping held a phone call with Donald Trump on Wednesday. "
        "Xi called for enhanced communication.",
        [("CHNGOV", "02", "USAGOV")],
    ),
    (
        "a country's readiness to act is its intent",
        "Putin reaffirmed Russia's readiness to support Serbia.",
        [("RUS", "03", "SRB")],
    ),
    (
        "understanding another's concerns is an empathetic comment to them",
        "Macron said he understood Germany's concerns.",
        [("FRAGOV", "01", "DEU")],
    ),
    (
        "passive verb of feeling: the subject reacts",
        "Japan was disappointed by China's decision.",
        [("JPN", "11", "CHN")],
    ),
    (
        "a sea named after a country is no actor: the act stays domestic",
        "The governor of Louisiana, a U.S. state on the Gulf of Mexico, declared an emergency.",
        [("USAGOV", "17", "USA")],
    ),
    (
        "a framed action on an actor: threatened to strike",
        "Russia threatened to strike Ukraine.",
        [("RUS", "13", "UKR")],
    ),
    (
        "control verb: urge",
        "Xi urged the United States to handle arms sales prudently.",
        [("CHNGOV", "02", "USA")],
    ),
    (
        "commitment becomes intent",
        "Hungary said it will support the resolution.",
        [("HUN", "03", "HUN")],
    ),
    (
        "committed coercion becomes a threat",
        "Greece plans to impose restrictions on Albanian workers.",
        [("GRC", "13", "ALBLAB")],
    ),
    (
        "group pronoun",
        "Syria says it is willing to withdraw its troops from Lebanon.",
        [("SYR", "03", "LBN")],
    ),
    (
        "dateline country for police",
        "MOSCOW (Reuters) - Police arrested dozens of protesters.",
        [("RUSCOP", "17", "RUSOPP")],
    ),
    (
        "definite description",
        "Russian Foreign Minister Sergei Lavrov visited Beijing on Monday. "
        "The minister criticized Japan.",
        [("RUSGOV", "11", "JPN")],
    ),
    (
        "pronoun in the same sentence",
        "Trump said he welcomed China's success.",
        [("USAGOV", "05", "CHN")],
    ),
    (
        "passive voice",
        "Ukrainian soldiers were attacked by Russian troops.",
        [("RUSMIL", "19", "UKRMIL")],
    ),
    (
        "protest noun",
        "Thousands of Iranian students staged demonstrations against the government in Tehran.",
        [("IRNEDU", "14", "IRNGOV")],
    ),
    (
        "hunger strike",
        "Jailed Algerian activists began a hunger strike on Monday.",
        [("DZAOPP", "14", "DZA")],
    ),
    (
        "unidentified attackers",
        "A car bomb killed five soldiers in Kabul on Sunday.",
        [("AFGUAF", "18", "AFG")],
    ),
    (
        "a politician's attack on a thing is words",
        "Republican senators attacked the impeachment inquiry.",
        [("USAPTY", "11", "USA")],
    ),
    (
        "a politician's attack on a war's author is words",
        "Republican senators attacked Russia for the war.",
        [("USAPTY", "11", "RUS")],
    ),
    (
        "an unarmed actor's attack that describes its object is words, violence around or not",
        "Republican senators attacked the governor as reckless and said voters would take revenge.",
        [("USAPTY", "11", "USA")],
    ),
    (
        "protesters' attack on a building is force: a protest turned violent (CAMEO 145)",
        "Protesters attacked a police station in Minsk.",
        [("BLROPP", "14", "BLRCOP")],
    ),
    (
        "the same stance, dated and in the past, is an event",
        "Russia welcomed the talks on Monday. "
        "The French government supported China's plan on Tuesday.",
        [("FRAGOV", "05", "CHN")],
    ),
    (
        "a meeting the story dates before its publication happened",
        "On February 3, Russia and Ukraine met in Minsk.",
        [("RUS", "04", "UKR"), ("UKR", "04", "RUS")],
    ),
    (
        "an order to an actor is a demand (defaults review)",
        "The Russian government ordered Ukraine to withdraw its troops.",
        [("RUSGOV", "10", "UKR")],
    ),
    (
        "extending a lockdown imposes a curfew; 'to May 1' ends the span, it is no future date",
        "The Russian government extended the lockdown in Moscow to May 1.",
        [("RUSGOV", "17", "RUS")],
    ),
    (
        "a pardon or commutation releases a person (CAMEO 0841)",
        "President Trump commuted the prison sentence of Roger Stone.",
        [("USAGOV", "08", "USA")],
    ),
    (
        "nationals named by their nationality are that country's civilians",
        "Belarusian police arrested 33 Russian nationals.",
        [("BLRCOP", "17", "RUSCVL")],
    ),
    (
        "who issues a document speaks through it; a nationality on the thing condemned",
        "The Chinese foreign ministry issued a statement condemning the Japanese raid.",
        [("CHNGOV", "11", "JPN")],
    ),
    (
        "a nationality on the thing rejected names its owner",
        "Iran rejected the American sanctions.",
        [("IRN", "12", "USA")],
    ),
    (
        "a censuring description is criticism of what it names (naming_use)",
        "Iran called the US sanctions illegal and a disgrace.",
        [("IRN", "11", "USA")],
    ),
    (
        "a description after 'as' is read alike",
        "Iran characterized the US sanctions as a disgrace.",
        [("IRN", "11", "USA")],
    ),
    (
        "a country's people protesting protest",
        "Thousands of Palestinians protested on Monday.",
        [("PSE", "14", "PSE")],
    ),
    (
        "what armed forces shell belongs to whom its 'of' names",
        "Israeli tanks shelled positions of the Palestinian security forces.",
        [("ISRMIL", "19", "PSECOP")],
    ),
    (
        "what is argued is read for its content",
        "Lavrov argued that the NATO expansion was a betrayal.",
        [("RUSGOV", "11", "IGOWSTNAT")],
    ),
    (
        "arguing against something is disapproval",
        "Russia argued against the NATO expansion.",
        [("RUS", "11", "IGOWSTNAT")],
    ),
    (
        "a spokesman speaks for the body named with 'for'",
        "A spokesman for the Russian foreign ministry criticized the decision.",
        [("RUSGOV", "11", "RUS")],
    ),
    (
        "what is decided is coded as an intent",
        "The French government decided to send troops to Mali.",
        [("FRAGOV", "03", "MLI")],
    ),
    (
        "the sender of a rejected offer is its target",
        "Pakistan rejected a fresh offer from Afghanistan for direct talks.",
        [("PAK", "12", "AFG")],
    ),
    (
        "a name the knowledge base lacks, in the office its clause names",
        "Protesters marched in Lima, Peru. Juan Marquez resigned as the interior minister.",
        [("PERGOV", "08", "PER")],
    ),
    (
        "a quoted 'we' is the one quoted, warning by saying so",
        'Houthi spokesman Yahya Saree said: "We warn the Saudis that our targets will keep'
        ' expanding."',
        [("YEMREB", "13", "SAU")],
    ),
    (
        "the 'it' of a spokesperson's claim is the body spoken for",
        "Houthi military spokesperson Yahya Sarea said it had carried out the attack on"
        " Saudi Aramco.",
        [("YEMREB", "19", "SAUBUS")],
    ),
    (
        "a news outlet named in the sentence does not place its police",
        "Protests continued in Jakarta, Indonesia on Monday. A spokesman told the BBC that"
        " police arrested two students.",
        [("IDNCOP", "17", "IDNEDU")],
    ),
    (
        "police are where the story is, not of the nationality the sentence names",
        "Fifty people died in an attack on a mosque in Christchurch. Police arrested an"
        " Australian, Brenton Tarrant, in the neighbourhood.",
        [("NZLCOP", "17", "AUS")],
    ),
    (
        "police before the sentence that sets the story are still where the story is",
        "Police said they had arrested a second man over the theft. The painting was"
        " stolen on Saturday from a palace in Oxfordshire, England.",
        [("GBRCOP", "17", "GBRCVL")],  # the man too is where the story is
    ),
    (
        "an apposition naming a country before its office is that country's, not its brief's;"
        " the brief's country is no counterpart, so the resignation is domestic",
        "Kurt Volker, the United States special envoy for Ukraine negotiations, resigned on"
        " Friday.",
        [("USAGOV", "08", "USA")],
    ),
    (
        "a spokesman for a group speaks for it",
        "Ahmed al-Assadi, a spokesman for the PMF, blamed the United States for the attack.",
        [("IRQPRM", "11", "USA")],
    ),
    (
        "a verb of force for words said on a platform: the platform is no target",
        "Trump blasted Pelosi on Twitter.",
        [("USAGOV", "11", "USALEG")],
    ),
    (
        "police force on protesters is violent repression (CAMEO 175)",
        "Police attacked protesters in Belgrade.",
        [("SRBCOP", "17", "SRBOPP")],
    ),
    (
        "a clash of protesters with police is a riot one way, repression the other (CAMEO"
        " 145, 175; PETRARCH2's own pattern [145:175])",
        "Protesters clashed with police in Belgrade. The protesters clashed in front of"
        " parliament with the police and threw rocks.",
        [("SRBOPP", "14", "SRBCOP"), ("SRBCOP", "17", "SRBOPP")],
    ),
    (
        "a clash between armed parties stays a fight both ways",
        "Serbian troops clashed with Albanian rebels.",
        [("SRBMIL", "19", "ALBREB"), ("ALBREB", "19", "SRBMIL")],
    ),
    (
        "the appositive of a person names the body he acts for, and a later hyphenated"
        " surname is the same person",
        "Abu Mahdi al-Muhandis, the deputy commander of Iraq's Popular Mobilization Forces,"
        " spoke in Baghdad. Al-Muhandis criticized Saudi Arabia.",
        [("IRQPRM", "11", "SAU")],
    ),
    (
        "one prisoner is a private person as prisoners are, and a police sergeant is police",
        "A Metropolitan Police sergeant was shot at a custody centre in London by a prisoner.",
        [("GBRCVL", "19", "GBRCOP")],
    ),
    (
        "releasing him is releasing a person, named or not",
        "Police in London arrested a man on Monday and later released him pending investigation.",
        [("GBRCOP", "08", "GBR")],
    ),
    (
        "a stay-at-home order is a lockdown: imposing it imposes a curfew, lifting it eases one",
        "Ohio Governor Mike DeWine issued a stay-at-home order. Governor Andrew Cuomo of New"
        " York lifted the stay-at-home order.",
        [("USAGOV", "17", "USA"), ("USAGOV", "08", "USA")],
    ),
    (
        "'the embassy' is the embassy the story named; the request it declines, the one made to it",
        "British Foreign Secretary Dominic Raab said Britain wants answers. Northamptonshire"
        " police chief Nick Adderley wrote to the US Embassy in London asking to waive her"
        " diplomatic immunity. The embassy declined the request.",
        [("GBRCOP", "02", "USAGOV"), ("USAGOV", "12", "GBRCOP")],
    ),
    (
        "a crowd's march at home and its protest of a foreign body are two aims, not one act",
        "In London, roughly one million people marched on Saturday, protesting the pending"
        " exit of the UK from the European Union.",
        [("GBRCVL", "14", "GBR")],
    ),
    (
        "joint subjects discussing a country consult each other",
        "Putin and Xi discussed Iran.",
        [("RUSGOV", "04", "CHNGOV"), ("CHNGOV", "04", "RUSGOV")],
    ),
    (
        "a state leader's statement about another country, said to its people, is about it",
        "Trump said that he did indicate to the Ukrainians that the aid was contingent on"
        " their addressing corruption.",
        [("USAGOV", "01", "UKR")],
    ),
    (
        "declining to answer or to say is declining comment (CAMEO 011)",
        "Iran declined to say whether it would retaliate against the United States. President"
        " Trump refused to answer questions about the report.",
        [("IRN", "01", None), ("USAGOV", "01", "USA")],
    ),
    (
        "calling an attack an aggression censures it, also parsed as two objects",
        "Iraqi Prime Minister Adil Abdul-Mahdi condemned the US strike, calling it an"
        " aggression on Iraq.",
        [("IRQGOV", "11", "USA")],
    ),
    (
        "a pardon given to a named person, parsed as the recipient's apposition, is a release",
        "Trump granted Bernard Bailey Kerik a full and unconditional pardon.",
        [("USAGOV", "08", "USACVL")],
    ),
    (
        "someone named killed in a bombing with no named bomber: unidentified forces",
        "Ahmad Shah was killed in a bomb attack in Kabul.",
        [("AFGUAF", "18", "AFGCVL")],
    ),
    (
        "criticism of someone for something is aimed at them",
        "Senator Bernie Sanders slammed Trump for a New York Times story.",
        [("USALEG", "11", "USAGOV")],
    ),
    (
        "a state leader's statement about another country is a statement to it",
        "US Secretary of State Marco Rubio said Iran's economy was weak.",
        [("USAGOV", "01", "IRN")],
    ),
    (
        "saying a harm was another country's doing accuses it",
        "US Secretary of State Marco Rubio said the attack was Iran's doing.",
        [("USAGOV", "11", "IRN")],
    ),
    (
        "expelling diplomats reduces relations (CAMEO 174's note: coded 161)",
        "Russia expelled two US diplomats on Monday.",
        [("RUS", "16", "USAGOV")],
    ),
    (
        "censure of 'the attack' is aimed at whoever carried it out, not at whom it struck",
        "US forces killed Iranian general Qasem Soleimani in Baghdad on Friday. The Foreign"
        " Ministry of Iraq condemned the attack on Saturday.",
        [("IRQGOV", "11", "USAMIL")],
    ),
    (
        "'it' in a participle is what the verb it hangs on spoke of; a pair owns the thing",
        "Greek Prime Minister Kyriakos Mitsotakis commented on the Turkish-Libyan maritime"
        ' border agreement, calling it "null and void".',
        [("GRCGOV", "11", "TUR"), ("GRCGOV", "11", "LBY")],
    ),
    (
        "the noun after an objectless preposition is its object (parse repair)",
        "Peru has granted diplomatic asylum to five Panamanian army officers holed up in a"
        " diplomatic residence.",
        [("PER", "07", "PANMIL")],
    ),
    (
        "a determined noun before an -ing participle is the subject; joined countries share"
        " one role noun",
        "The Red Cross operating in Iraq said US and British forces must ensure security.",
        [("NGOHLHIRC", "10", "USAMIL"), ("NGOHLHIRC", "10", "GBRMIL")],
    ),
    (
        "the leaders of a body that is no government are that body",
        "Leaders of the opposition coalition criticized the president of Azerbaijan.",
        [("AZEOPP", "11", "AZEGOV")],
    ),
    (
        "a 'to' phrase parsed as the dative names the recipient",
        "Peru granted asylum to the Panamanian president.",
        [("PER", "07", "PANGOV")],
    ),
    (
        "harm in an attack is done by whoever the attack noun names: a nation's forces",
        "Five Syrian soldiers were killed in a Russian airstrike near Idlib.",
        [("RUSMIL", "19", "SYRMIL")],
    ),
    (
        "harm in an ambush by a named group is the group's act",
        "Two Nigerian soldiers were killed in an ambush by Boko Haram fighters.",
        [("NGAREB", "19", "NGAMIL")],
    ),
    (
        "an attack noun with its owner as subject",
        "Israeli strikes on Gaza killed three Hamas commanders.",
        [("ISRMIL", "19", "PSEREB")],
    ),
    (
        "a claim of responsibility refers to force the text told without its perpetrator",
        "Oil facilities belonging to Saudi Aramco were hit by drone strikes on Saturday. The"
        " Houthi movement claimed responsibility for the attacks.",
        [("YEMREB", "01", "SAUBUS")],
    ),
    (
        "words that hold an actor responsible for a harm accuse it",
        "The French foreign minister said Iran was responsible for the attack.",
        [("FRAGOV", "11", "IRN")],
    ),
    (
        "'Attorney General' is a law officer, not a general",
        "US Attorney General William Barr ordered an investigation into the death.",
        [("USAJUD", "09", "USA")],
    ),
    (
        "announcing a curfew imposes it",
        "The Kenyan interior minister announced a nationwide curfew.",
        [("KENGOV", "17", "KEN")],
    ),
    (
        "a sum of money 'in' aid is aid",
        "The European Union announced 50 million euros in humanitarian aid for Yemen.",
        [("IGOEUREEC", "03", "YEM")],
    ),
    (
        "unsealing charges is legal action",
        "The US Justice Department unsealed charges against two Chinese hackers.",
        [("USAJUD", "17", "CHN")],
    ),
    (
        "a nationality before a listed body of another country names that nation's body",
        "The Chinese CDC criticized the United States on Monday.",
        [("CHNGOV", "11", "USA")],
    ),
    (
        "what a quoted speaker says it will do is its threat",
        '"If Turkey crosses the line, I will totally destroy the economy of Turkey," Trump'
        " wrote on Twitter.",
        [("USAGOV", "13", "TUR")],
    ),
    (
        "insisting on something demands it (bare 'insist' codes only through patterns)",
        "Iran insisted on an apology from the British government.",
        [("IRN", "10", "GBRGOV")],
    ),
    (
        "calling for an inquiry is an appeal, not an investigation",
        "The Conservatives called for an inquiry into the British Home Office's handling of"
        " the visa.",
        [("GBRPTY", "02", "GBRGOV")],
    ),
    (
        "allowing an actor something is a concession: the bare 'allow' codes with one allowed",
        "Iran said it would allow the return of UN nuclear inspectors.",
        [("IRN", "03", "IGOUNO")],
    ),
    (
        "plans announced with a partner named are an intent to cooperate with it",
        "Russia announced plans for joint exercises with China.",
        [("RUS", "03", "CHN")],
    ),
    (
        "coordinating with someone is cooperation with them",
        "France coordinated with the United States on sanctions.",
        [("FRA", "05", "USA")],
    ),
    (
        "a visit named by its noun goes from the visitor to whom it is paid",
        "During Macron's visit to China, the two leaders signed trade deals.",
        [("FRAGOV", "04", "CHN")],
    ),
    (
        "a visit named by its noun: the visitor is the subject of the clause it sits in",
        "Chinese President Xi Jinping praised Russia during a visit to Moscow.",
        [("CHNGOV", "04", "RUSGOV")],
    ),
    (
        "carrying out an airstrike (one word, as news now writes it) is an aerial attack",
        "The United States military carried out the airstrike on Iranian forces.",
        [("USAMIL", "19", "IRNMIL")],
    ),
    (
        "making a visit is a visit made (042); a visit yet to be made is an intent (036)",
        "Prime Minister Keir Starmer made a surprise visit to Iraq on Monday. Prime Minister"
        " Keir Starmer will make a visit to Jordan.",
        [("GBRGOV", "04", "IRQ"), ("GBRGOV", "03", "JOR")],
    ),
    (
        "a call between two leaders is a call whatever the public is told",
        "President Donald Trump telephoned Turkish President Recep Tayyip Erdogan on Sunday.",
        [("USAGOV", "04", "TURGOV"), ("TURGOV", "04", "USAGOV")],
    ),
]

NOT_CODED: list[tuple[str, str, list[Triple]]] = [
    (
        "a visit named by its noun to the visitor's own country is travel at home",
        "During Xi's visit to China, the president met workers.",
        [("CHNGOV", "04", "CHN")],
    ),
    (
        "a visit named by its noun is the visitor's act, not its host's (042, not both ways)",
        "During Macron's visit to China, the two leaders signed trade deals.",
        [("CHN", "04", "FRAGOV"), ("CHNGOV", "04", "FRAGOV")],
    ),
    (
        "a meeting's venue is no party to it",
        "EU leaders are holding talks in Brussels on how to re-energise the sluggish European"
        " economy.",
        [("IGOEUREEC", "04", "BELGOV")],
    ),
    (
        # words, not force; and words on an idea that name no actor state a position, no
        # interaction (position_needs_actor): not aimed at the speakers' own country
        "a politician's attack on war itself is words, and a position on an idea",
        "Republican senators attacked war as a tool of the ruling class.",
        [("USAPTY", "19", "USA"), ("USAPTY", "19", None), ("USAPTY", "11", "USA")],
    ),
    (
        "an agentless passive that names no one harmed gets no invented attacker (issue 10)",
        "On Saturday, the Crew Dragon was launched via a Falcon 9 rocket from the Kennedy"
        " Space Center at Cape Canaveral, Florida.",
        [("USAUAF", "19", "USA"), ("USAUAF", "19", None)],
    ),
    (
        "censure of an attack whose attacker goes unnamed is not aimed at one's own country",
        "The Foreign Ministry of Iraq characterized the attack as a serious violation of Iraqi"
        " sovereignty.",
        [("IRQGOV", "11", "IRQ")],
    ),
    (
        "a campaign or election rally is no protest, whoever holds it",
        "Kanye West held his first campaign rally in Charleston, South Carolina.",
        [("USACVL", "14", "USA"), ("USACVL", "14", None)],
    ),
    (
        "what an indirect question or an unsaid report says someone would do is no intent",
        "The Democrat Party did not immediately announce whom they would support. Iran did"
        " not say whether it would retaliate against the United States.",
        [("THAPTY", "03", "THA"), ("USAPTY", "03", "USA"), ("IRN", "13", "USA")],
    ),
    (
        "a country named as where something comes from or a border runs is not what is said about",
        "President Trump said he will not approve a budget that does not fund a wall along the"
        " country's border with Mexico. US Secretary of State Mike Pompeo said there was no"
        " evidence the attacks came from Yemen.",
        [("USAGOV", "01", "MEX"), ("USAGOV", "01", "YEM")],
    ),
    (
        "protesters' attack on a building is no criticism, and no armed assault",
        "Protesters attacked a police station in Minsk.",
        [("BLROPP", "11", "BLRCOP"), ("BLROPP", "19", "BLRCOP"), ("BLROPP", "18", "BLRCOP")],
    ),
    (
        "police force on protesters is repression, a clash both sides wage stays a fight",
        "Police attacked protesters in Belgrade.",
        [("SRBCOP", "19", "SRBOPP")],
    ),
    (
        "a clash of protesters with police is no military force, and throwing rocks in it"
        " is the same riot",
        "In Belgrade, the protesters clashed in front of parliament with the police and threw"
        " rocks.",
        [("SRBOPP", "19", "SRBCOP"), ("SRBCOP", "19", "SRBOPP"), ("SRBOPP", "14", "SRB")],
    ),
    (
        "an unknown person's apposition is his body; his later surname does not take the"
        " target's country",
        "Abu Mahdi al-Muhandis, the deputy commander of Iraq's Popular Mobilization Forces,"
        " spoke in Baghdad. Al-Muhandis criticized Saudi Arabia.",
        [("SAUCVL", "11", "SAU")],
    ),
    (
        "a relative clause on an apposition names others, not the person",
        "A federal jury convicted Michael Avenatti, the lawyer who represented Stormy Daniels"
        " in her lawsuit against US President Donald Trump, of extortion.",
        [("USAJUD", "17", "USAGOV"), ("USAJUD", "11", "USAGOV")],
    ),
    (
        "a country an act is aimed at gives the sentence's role words no country",
        "The Senate approved a bill to impose sanctions on Russia.",
        [("RUSLEG", "08", "RUS"), ("RUSLEG", "08", None)],
    ),
    (
        "what is discussed is no counterpart",
        "Jorgensen discusses her background and her potential cabinet. Putin and Xi"
        " discussed Iran.",
        [("USAPTY", "04", "USAGOV"), ("RUSGOV", "04", "IRN"), ("CHNGOV", "04", "IRN")],
    ),
    (
        "words said on a platform are no force, and the platform is not their target",
        "Trump blasted Pelosi on Twitter.",
        [("USAGOV", "19", "USALEG"), ("USAGOV", "19", "USABUS"), ("USAGOV", "11", "USABUS")],
    ),
    (
        "a statement about one's own country, or by no state leader, stays a bare statement",
        "US Secretary of State Marco Rubio said the United States was ready. A Kenyan"
        " farmer said Iran was ready.",
        [("USAGOV", "01", "USA"), ("KENCVL", "01", "IRN"), ("KEN", "01", "IRN")],
    ),
    (
        "a rally a politician speaks at is a campaign rally, not a protest",
        "At the rally in Tulsa, President Trump declared himself immune.",
        [("USAOPP", "14", "USA"), ("USAOPP", "14", None)],
    ),
    (
        "after an object naming the one acted upon, 'for' gives the reason, not a target",
        "Senator Bernie Sanders slammed Trump for a New York Times story.",
        [("USALEG", "11", "USAMED")],
    ),
    (
        "joint donors pledge to someone else, not to each other",
        "China, Iran and Russia have pledged funds for the reconstruction of Syria.",
        [("CHN", "03", "IRN"), ("IRN", "03", "RUS")],
    ),
    (
        "the troops a country moves are no target beside the country they leave",
        "Russia said it would withdraw its troops from Syria.",
        [("RUS", "03", "RUSMIL")],
    ),
    (
        "an adjective after the named thing is a description, not a phone call",
        "Israeli Prime Minister Benjamin Netanyahu called Trump's order swift and decisive.",
        [("ISRGOV", "04", "USAGOV"), ("USAGOV", "04", "ISRGOV")],
    ),
    (
        "a capital naming a treaty is no owner of it",
        "Sweden joined the Paris Agreement.",
        [("SWE", "05", "FRAGOV")],
    ),
    (
        "a platform a verbal act is made on is no target",
        "Trump hailed the report on Twitter.",
        [("USAGOV", "05", "USABUS")],
    ),
    (
        "no implied counterpart without a bilateral meeting before",
        "Xi Jinping visited a factory on Wednesday. Xi called for enhanced communication.",
        [("CHNGOV", "02", "USAGOV")],
    ),
    ("negation", "Russia did not attack Ukraine.", [("RUS", "19", "UKR")]),
    (
        "a named person's nationality is not where the police act",
        "New Zealand police said a gunman killed 50 people at two mosques in Christchurch. "
        "Police charged Australian Brenton Tarrant with murder.",
        [("AUSCOP", "11", "AUS")],
    ),
    (
        "a stance in the simple present after the lead is a position, not an event",
        "Russia welcomed the talks on Monday. The French government supports China's plan.",
        [("FRAGOV", "05", "CHN")],
    ),
    (
        "an event the story dates after its publication has not happened",
        "Officials said the next round of talks between Russia and Ukraine is scheduled for "
        "March 3, when both sides are to meet in Minsk.",
        [("RUS", "04", "UKR"), ("UKR", "04", "RUS")],
    ),
    (
        "a city before a treaty names the treaty, not a party",
        "Sweden joined the Paris Agreement on Monday.",
        [("SWE", "05", "FRAGOV"), ("FRAGOV", "05", "SWE")],
    ),
    ("hypothetical", "Russia could attack Ukraine next year.", [("RUS", "19", "UKR")]),
    (
        "conditional",
        "If Iran attacks Israel, the United States will respond.",
        [("IRN", "19", "ISR")],
    ),
    (
        "forecast is not a threat",
        "Russia will attack Ukraine, analysts said.",
        [("RUS", "13", "UKR"), ("RUS", "19", "UKR")],
    ),
    (
        "background meeting",
        "Referring to their earlier meeting in Busan, Xi praised Trump.",
        [("CHNGOV", "04", "USAGOV")],
    ),
    (
        "looming clash",
        "A potential U.S.-Iran military clash is looming.",
        [("USA", "19", "IRN"), ("IRN", "19", "USA")],
    ),
    (
        "naming, not calling",
        "Xi called Taiwan the most important issue.",
        [("CHNGOV", "04", "TWN")],
    ),
    (
        "what an actor does not want to do is no threat to do it",
        "China does not want to attack Taiwan.",
        [("CHN", "13", "TWN"), ("CHN", "19", "TWN")],
    ),
    (
        "being responsible for no harm is no accusation",
        "The French foreign minister said Iran was responsible for security in the Gulf.",
        [("FRAGOV", "11", "IRN")],
    ),
    (
        "a stance of opposition is no actor",
        "Hungarian lawmakers expressed opposition to the plan.",
        [("HUNLEG", "11", "HUNOPP")],
    ),
]


# Sentences that hold no political event at all (precision: issue 10), or none of the roots
# listed. Each names the rule that keeps it out.
NO_EVENT: list[tuple[str, str, tuple[str, ...]]] = [
    (
        "what a speaker did not say it did is not reported as done",
        "The Saudi crown prince accepted responsibility for the murder of journalist Jamal"
        " Khashoggi but did not say he had ordered it. Iran never said it attacked the"
        " tanker.",
        ("10", "19"),
    ),
    (
        "an act told in a war that ended decades before the story is background",
        "Israel seized control of the territories, seen as pivotal parts of any future"
        " Palestinian state, in the 1967 Six-Day War.",
        ("19",),
    ),
    (
        "a killing the text places during World War Two is history, not news",
        "Poland's parliament has demanded an admission by Moscow that Soviet NKVD security"
        " forces murdered more than 15,000 captive Polish officers during World War Two.",
        ("18", "19", "20"),
    ),
    (
        "a telephone campaign to the public at large is canvassing, no call between parties",
        "Labour and the Conservatives are still telephoning the millions of people who have"
        " signed up to make sure they do not get marketing calls.",
        ("04",),
    ),
    (
        "permitting something no actor is given is no concession (080)",
        "Member of parliament Kevin Conolly said a law allowing the termination of a life"
        ' marked a "sad day for NSW".',
        ("03", "08"),
    ),
    (
        "putting off one's own protest restricts no one's freedoms (1721)",
        "Leaders of the Azadliq opposition coalition agreed to postpone the demonstration in"
        " Baku until 9 November.",
        ("13", "17"),
    ),
    (
        "arranging an act is no diplomatic cooperation (bare 'orchestrate', 'organise')",
        "Osama bin Laden founded al-Qaeda and orchestrated the attacks on the United States.",
        ("05",),
    ),
    (
        "plans made public with no one to cooperate with are no intent to cooperate",
        "The British government has announced plans to cut 100,000 civil servants.",
        ("03",),
    ),
    (
        "a visit the noun dates years before the story is background",
        "Macron's 2015 visit to China was recalled by both sides.",
        ("04",),
    ),
    (
        "a trip the clause it sits in tells a year back is background",
        "Indian oil minister Mani Shankar Aiyar discussed the plans during a trip to Moscow"
        " last year.",
        ("04",),
    ),
    (
        "refusing to rule out or to deny keeps the matter open: no rejection, no denial",
        "Chancellor Rachel Reeves refused to rule out tax rises. Prime Minister Keir Starmer"
        " refused to deny claims that he had broken a promise.",
        ("01", "12"),
    ),
    (
        "misusing power is misconduct, no violence (bare 'abuse' codes only on someone)",
        "Members of the US Congress have abused their power.",
        ("18",),
    ),
    (
        "approving a use of force is no yielding (080)",
        "General Soleimani also approved the attacks on the U.S. Embassy in Baghdad.",
        ("08",),
    ),
    (
        "a state of emergency against a storm is disaster management",
        "The governor of Louisiana declared a state of emergency on Thursday, with Tropical"
        " Storm Barry approaching the coast.",
        ("17",),
    ),
    (
        "support aimed at no actor states a position",
        "Senator Bernie Sanders backed the overturn of Citizens United.",
        ("05",),
    ),
    (
        "a date on a naming participle dates the act: years before the story, background",
        'Hungary launched a military development program dubbed "Zrinyi 2026" in 2017 to'
        " renew its equipment.",
        ("01",),
    ),
    (
        "the one a bare participle clause is about undergoes it (arguments)",
        "An Australian, Brenton Tarrant, appeared in court yesterday, charged with murder.",
        ("11",),
    ),
    (
        "a trend over a span of years is background (modality)",
        "Iran has increased cooperation in the last few years with the navies of China.",
        (),
    ),
    ("a press conference consults no one", "Biden held his first press conference.", ()),
    ("falling off is no refusal", "Since the repeal in 1933, the party has declined.", ()),
    ("meeting a requirement is no meeting", "Harris meets the citizenship requirement.", ()),
    ("an election held is no interaction", "On Monday, Canada held a general election.", ()),
    (
        "the weapon used in an attack is its means (instrument)",
        "British aircraft using guided missiles killed four Iraqis in an attack in Basra.",
        ("17",),
    ),
    (
        "the purpose of a lawsuit has not happened (modality)",
        "President Trump sued the district attorney to block the release of his tax returns.",
        ("17",),
    ),
    (
        "a quoted speaker's talk of its own doings (quoted_speaker)",
        '"We are in dialogue with Beijing," Taiwanese President Tsai Ing-wen said.',
        ("04",),
    ),
    (
        "a death is no attack (defaults review)",
        "Former president Robert Mugabe died on Friday.",
        (),
    ),
    ("found dead (defaults review)", "The 87-year-old was found dead in his hotel room.", ()),
    ("a fire is no attacker", "A fire killed five girls at an escape room in Koszalin.", ()),
    ("sport (defaults review)", "Simon Amor beat team-mate Ben Gollings in the final.", ()),
    ("a statement released is no release", "The ministry released a statement on Monday.", ("08",)),
    ("no political actor acts", "Critics have savaged the three-hour epic.", ()),
    ("no political actor acts", "The parents of a girl are suing the supermarket chain.", ()),
    (
        "background: dated years before the story",
        "In 2007, the United States government labeled Soleimani a terrorist.",
        (),
    ),
    (
        "an allegation is not the act alleged",
        "The arrest came after an allegation he assaulted Nino Ramishvili.",
        ("18", "19", "20"),
    ),
    (
        "a first name is not a leader's surname",
        "Sharon Osbourne gave details of nine stolen items.",
        (),
    ),
    ("an agentless passive names no attacker", "She was then assaulted, the lawsuit says.", ()),
    (
        "the crime a conviction is for is no new violence",
        "A jury convicted McArthur of murdering eight men.",
        ("18", "19", "20"),
    ),
    ("fighting a disease is no force", "The government combated the pandemic.", ("19",)),
    (
        "an order for no actor is no demand (defaults review)",
        "The court of appeals ordered a new trial.",
        ("10",),
    ),
    ("a concession still pending is none", "Trump has yet to concede the election.", ("08",)),
    ("a government's rally is no protest", "President Trump held a rally in Nevada.", ("14",)),
    ("failing is no refusal", "The Brexit Party failed to win any seats.", ("12",)),
    ("a lawyer speaks for a client", "Defence lawyers argued against the bid.", ()),
    ("a decision by itself is no intent", "The court will decide whether the law is valid.", ()),
    (
        "leaving a race yields to no one",
        "New York City Mayor Bill de Blasio dropped out of the presidential race.",
        ("08",),
    ),
    (
        "'carriers' and 'hopefuls' alone are firms and applicants, not forces or parties",
        "British carriers ensured that hundreds of hopefuls submitted their profiles.",
        (),
    ),
    (
        "arguing that something is so is a statement, not disapproval",
        "Biden argued that green energy can provide good jobs.",
        ("11",),
    ),
    (
        "a country that only says where a firm is from is not the state addressed",
        "The parents of a girl are suing US supermarket giant Wal-Mart over a CD.",
        (),
    ),
    (
        "two scores make a sentence about sport",
        "Top seed Andy Roddick rallied to beat Sweden's Thomas Enqvist 3-6 7-6 7-5.",
        ("14",),
    ),
    (
        "a span that ended long ago bounds its act: background",
        "The Russian government extended the lockdown until January 2024.",
        ("17",),
    ),
    ("'was to meet' states a plan", "The Senate was to meet on Monday.", ("04",)),
    (
        "'as the man' describes, it names no office",
        'Springsteen mocked Bono as the man who "single-handedly pioneered the field".',
        (),
    ),
    (
        "words, not force, and coded once",
        "Democrats continued to attack Trump on his taxes.",
        ("19",),
    ),
    (
        "authorising spending is no concession",
        "The US Congress authorised an $800bn rise in the debt limit.",
        ("08",),
    ),
    (
        "a harm ranked by a superlative tells who suffered, not who used force",
        "The storm killed 300 people, with Sri Lanka, Thailand and Indonesia worst hit.",
        ("19",),
    ),
    (
        "a need a government states of itself is no demand",
        "The Venezuelan government insisted that it needed to build its own industry.",
        ("10",),
    ),
    (
        "pushing through plans pushes no actor: no demand",
        "Labour has pushed through plans to let British universities charge higher fees.",
        ("10",),
    ),
    (
        "attacking how a war was sold is words, not force",
        "Lord Butler, the former British cabinet secretary, attacked the way the Iraq war was"
        " sold to the public.",
        ("19",),
    ),
    (
        "studying at a school is no visit",
        "Prime Minister Tony Blair attended Fettes College. Boris Johnson attended Eton"
        " College and Oxford University.",
        ("04",),
    ),
]


@pytest.mark.parametrize(("name", "text", "roots"), NO_EVENT, ids=[c[1][:40] for c in NO_EVENT])
def test_no_event(coder: Any, name: str, text: str, roots: tuple[str, ...]) -> None:
    got = _triples(coder, text)
    bad = {t for t in got if not roots or t[1] in roots}
    assert not bad, f"{name}: {sorted(bad, key=str)}"


@pytest.mark.parametrize(("name", "text", "expected"), CASES, ids=[c[0] for c in CASES])
def test_coded(coder: Any, name: str, text: str, expected: list[Triple]) -> None:
    got = _triples(coder, text)
    for triple in expected:
        assert triple in got, f"{name}: {triple} not in {sorted(got, key=str)}"


@pytest.mark.parametrize(("name", "text", "unwanted"), NOT_CODED, ids=[c[0] for c in NOT_CODED])
def test_not_coded(coder: Any, name: str, text: str, unwanted: list[Triple]) -> None:
    got = _triples(coder, text)
    for triple in unwanted:
        assert triple not in got, f"{name}: {triple} should not be coded"


def test_unasserted_events_come_back_with_all_modes(coder: Any) -> None:
    from dataclasses import replace

    from accord.api import Coder
    from accord.model import Mode

    loose = Coder(
        replace(coder.resources, coding=replace(coder.resources.coding, include_all_modes=True))
    )
    events = loose.code_text("Russia did not attack Ukraine.", date=DATE)
    assert any(e.mode is Mode.NEGATED and e.cameo.startswith("19") for e in events)


@pytest.mark.parametrize(
    "text",
    [
        "The rebels split, and one of them said the other lied.",
        "Both sides talked; one of them gives ground.",
    ],
)
def test_regression_pronoun_inside_its_own_subject_does_not_recurse(coder: Any, text: str) -> None:
    # "one of them": resolving "them" searched earlier subjects, which led back to "one"
    # and recursed without end (RecursionError on a Wikinews interview).
    explanation = coder.explain(text, date=DATE)
    assert explanation.sentences
    assert all(e.source.code for e in explanation.result.events)


def test_refusal_in_own_voice_is_a_rejection(coder: Any) -> None:
    got = _triples(
        coder, "Iran will not negotiate with the United States, its foreign minister said."
    )
    assert ("IRN", "12", "USA") in got
    # a forecast of someone else's inaction is not the actor's refusal
    assert not any(
        t[1] == "12" for t in _triples(coder, "Analysts said Russia will not attack Ukraine.")
    )


def test_possessive_pronoun_gives_the_role_a_country(coder: Any) -> None:
    events = coder.code_text("Iran said its foreign minister criticized Israel.", date=DATE)
    assert any(e.source.code == "IRNGOV" and e.cameo.startswith("11") for e in events)


def test_regression_time_phrase_is_not_a_verb_particle(coder: Any) -> None:
    # "called Trump on Monday" matched the phrasal form "call on" (an appeal)
    got = _triples(coder, "Xi called Trump on Monday.")
    assert ("CHNGOV", "02", "USAGOV") not in got
    assert ("CHNGOV", "04", "USAGOV") in got


def test_regression_a_phone_call_needs_a_counterpart(coder: Any) -> None:
    got = _triples(
        coder,
        "The ministry denounced the summit, calling the agreements "
        '"legitimate and fully compatible with international law".',
    )
    assert not any(root == "04" for _, root, _ in got)


@pytest.mark.parametrize(
    ("text", "source", "target"),
    [
        # commas hang on the name, the phrase between them is not the actor's (the target
        # is implied, the domestic one: it has no text)
        ("Trump, also on Twitter, defended his decision on Monday.", "Trump", ""),
        # an apposition between commas is shown whole, without the closing comma
        (
            "Wang Yi, China's foreign minister, met Russian Foreign Minister Sergei Lavrov "
            "in Moscow on Monday.",
            "Wang Yi, China's foreign minister",
            "Russian Foreign Minister Sergei Lavrov",
        ),
        (
            "The Senate Minority Leader, Chuck Schumer, criticized President Trump on Tuesday.",
            "The Senate Minority Leader, Chuck Schumer",
            "President Trump",
        ),
        # a role name that ends in its preposition shows what the preposition governs
        (
            "US Ambassador to Germany Richard Grenell criticized the airline on Monday.",
            "US Ambassador to Germany Richard Grenell",
            "",
        ),
    ],
)
def test_actor_text_is_the_unbroken_phrase_around_its_head(
    coder: Any, text: str, source: str, target: str | None
) -> None:
    events = coder.code_text(text, date=DATE)
    assert events
    for e in events:
        assert e.source.text == source
        assert (e.target.text if e.target else None) == target
        for actor in (e.source, e.target):
            if actor is not None:
                assert e.sentence[actor.span[0] : actor.span[1]] == actor.text


def test_every_rule_writes_only_the_fields_it_declares(coder: Any) -> None:
    # The rule list is the coder's one readable contract: what each rule changed on real
    # text (accord explain's trace) must be among the fields it says it writes.
    from accord.coding.ruleset import RULES, TARGET_RULES

    declared = {r.name: set(r.writes) for r in (*RULES, *TARGET_RULES)}
    texts = [text for _, text, _ in CASES] + [text for _, text, _ in NO_EVENT]
    seen: set[str] = set()
    for text in texts:
        for d in coder.explain(text, date=DATE).decisions:
            for step in d.steps:
                seen.add(step.rule)
                if step.verdict.startswith("set "):
                    changed = set(step.verdict.removeprefix("set ").split(", "))
                    assert changed <= declared[step.rule], (step.rule, changed, text)
    assert {"modality", "arguments", "needs_source", "domestic_target"} <= seen


def _placed(coder: Any, text: str) -> list[tuple[str, str | None, str]]:
    return [
        (e.cameo[:2], e.location.name if e.location else None, e.evidence.rule)
        for e in coder.code_text(text, date=DATE)
    ]


def test_a_domestic_arrest_is_placed_in_the_city_the_story_named_there(coder: Any) -> None:
    # No place in the arrest's own sentence: the latest place the story named in that
    # country, else the country itself; the evidence says which.
    arrest = "Pakistani police arrested the opposition leader Imran Khan on Monday."
    story = _placed(coder, "Lawyers gathered in Lahore on Sunday. " + arrest)
    assert [(r, p) for r, p, _ in story if r == "17"] == [("17", "Lahore")]
    assert all(rule.endswith("+place:story") for r, _, rule in story if r == "17")
    alone = _placed(coder, arrest)
    assert [(r, p) for r, p, _ in alone if r == "17"] == [("17", "Pakistan")]
    assert all(rule.endswith("+place:country") for r, _, rule in alone if r == "17")


def test_a_statement_is_not_placed_where_nothing_says_it_was_made(coder: Any) -> None:
    # A verbal act between two countries happens wherever it is said: no story place.
    got = _placed(coder, "Lawyers gathered in Lyon on Sunday. France criticized Italy on Monday.")
    assert [(r, p) for r, p, _ in got if r == "11"] == [("11", None)]


def test_taking_action_is_no_occupation_and_its_means_no_argument(coder: Any) -> None:
    """'has taken decisive defensive action' names no act (CAMEO.2.0's '&MILITARY *' read
    it as 192 Occupy territory), and 'by killing X' is how, not what, is protected (its
    'killing' started DEFEND's '* KILLING', 110)."""
    text = (
        "The U.S. military has taken decisive defensive action to protect U.S. personnel"
        " abroad by killing Qasem Soleimani."
    )
    codes = {e.cameo for e in coder.code_text(text, date=DATE)}
    assert not codes & {"192", "110"}, codes


def test_force_struck_abroad_is_placed_there_and_does_not_move_its_source(coder: Any) -> None:
    # the strike is placed by 'in Iraqi military bases'; Iran's later words are not in Iraq
    events = coder.code_text(
        "Iran fired missiles at US troops in Iraqi military bases on Wednesday. "
        "On Thursday, Iran criticized the United States.",
        date="2020-01-10",
    )
    strike = next(e for e in events if e.cameo.startswith("19"))
    assert strike.location is not None and strike.location.country == "IRQ"
    words = next(e for e in events if e.cameo.startswith("11"))
    assert words.location is None or words.location.country != "IRQ"


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # censure of an act whose author the sentence does not name stays at home
        ('Labour leader Jeremy Corbyn said the measure was "nowhere near enough".', "GBR"),
        ("Senator Elizabeth Warren said the decision was a disgrace.", "USA"),
    ],
)
def test_censure_of_an_unnamed_authors_act_is_aimed_at_home(
    coder: Any, text: str, expected: str
) -> None:
    events = coder.code_text(text, date=DATE)
    assert [(e.cameo, e.target.country if e.target else None) for e in events] == [
        ("111", expected)
    ]


def test_censure_judges_the_act_not_words_beside_it(coder: Any) -> None:
    # 'illegal' qualifies the conduct the laws end, not the laws: no censure of anyone
    events = coder.code_text(
        "Senator Elizabeth Warren said such laws were aimed at putting an end to illegal conduct.",
        date=DATE,
    )
    assert not [e for e in events if e.cameo.startswith("11")]


def test_censure_told_to_someone_is_aimed_at_whom_it_judges(coder: Any) -> None:
    events = coder.code_text(
        "Senator Elizabeth Warren told reporters that Trump's request was inappropriate.",
        date=DATE,
    )
    assert [(e.cameo, e.target.code if e.target else None) for e in events] == [("111", "USAGOV")]


def test_a_city_on_a_treaty_names_where_it_was_made_not_a_party(coder: Any) -> None:
    # 'the Paris Agreement' is no act upon France; 'the Iran deal' names a party
    paris = coder.code_text("The United States withdrew from the Paris Agreement.", date=DATE)
    assert [e.target for e in paris if e.cameo.startswith("16")] == [None]
    iran = coder.code_text("France criticized the Iran deal.", date=DATE)
    assert [e.target.country for e in iran if e.target] == ["IRN"]


def test_a_reaction_to_reports_is_aimed_at_whom_they_report_on(coder: Any) -> None:
    events = coder.code_text(
        "Senator Elizabeth Warren expressed disappointment at reports Trump hid in the"
        " White House basement.",
        date=DATE,
    )
    assert [e.target.code for e in events if e.cameo.startswith("11") and e.target] == ["USAGOV"]


def test_one_act_told_by_a_chain_of_verbs_is_one_event(coder: Any) -> None:
    # 'launched missiles targeting US troops': the launch and the targeting are one attack,
    # placed where the targeting says; two different acts stay two
    events = coder.code_text(
        "On Wednesday, Iran launched missiles targeting US troops in Iraqi military bases.",
        date=DATE,
    )
    force = [e for e in events if e.cameo.startswith("19")]
    assert len(force) == 1, [(e.cameo, e.evidence.trigger) for e in force]
    assert force[0].location is not None and force[0].location.country == "IRQ"
    two = coder.code_text(
        "On Monday, Britain urged Iran to release the sailors and spoke with France.",
        date=DATE,
    )
    assert {e.cameo[:2] for e in two if e.source.country == "GBR"} >= {"02", "04"}


def test_an_undated_storys_actors_hold_the_offices_of_its_time(coder: Any) -> None:
    """No date: the knowledge base resolves the story's people as of the time most of
    them held office, not today (Blair and Brown in office, not former officials; the
    Taliban an insurgency before 2021), and the evidence says so; a dated story is
    resolved on its date."""
    text = (
        "Tony Blair and Chancellor Gordon Brown met Hamid Karzai in London."
        " Mr Blair criticised the Taliban."
    )
    undated = coder.code_text(text, date=None)
    got = {(e.source.code, e.cameo[:2], e.target.code if e.target else None) for e in undated}
    assert ("GBRGOV", "11", "AFGREB") in got or ("GBRGOV", "11", "AFGINS") in got
    assert ("GBRGOV", "04", "AFGGOV") in got
    assert all("+roles:200" in e.evidence.rule for e in undated)
    dated = coder.code_text(text, date="2019-06-01")
    assert not any("+roles:" in e.evidence.rule for e in dated)
    got = {(e.source.code, e.cameo[:2], e.target.code if e.target else None) for e in dated}
    assert ("GBRELI", "04", "AFGELI") in got  # in 2019 Blair and Karzai were former leaders


def test_a_title_the_story_gave_a_person_holds_for_their_surname(coder: Any) -> None:
    """'U.S. Defense Secretary Mark Esper ... Esper met': the office the text gives a
    person is the story's witness, in a later sentence too; 'former' gives none."""
    later = " Esper met with Vietnamese officials in Hanoi."
    titled = coder.code_text("U.S. Defense Secretary Mark Esper arrived on Tuesday." + later)
    assert [e.source.code for e in titled if e.cameo[:2] == "04"] == ["USAGOV"]
    former = coder.code_text("Former Defense Secretary Mark Esper arrived on Tuesday." + later)
    assert [e.source.code for e in former if e.cameo[:2] == "04"] == ["USAELI"]


def test_a_warning_of_a_danger_is_pessimism_and_of_ones_own_act_a_threat(coder: Any) -> None:
    """'warned that budget concerns were clouding the outlook': a pessimistic comment
    (012), no threat; 'warned that it would cut gas supplies' threatens (13x)."""
    danger = coder.code_text(
        "The Russian finance minister warned Ukraine on Monday that budget concerns were"
        " clouding the economic outlook.",
        date=DATE,
    )
    assert [e.cameo for e in danger] == ["012"]
    threat = coder.code_text(
        "Russia warned Ukraine on Monday that it would cut gas supplies.", date=DATE
    )
    assert [e.cameo[:2] for e in threat] == ["13"]


def test_a_when_clause_in_the_present_tells_no_event(coder: Any) -> None:
    generic = "When the United States slaps tariffs on Chinese goods, American importers pay."
    assert not [e for e in coder.code_text(generic, date=DATE) if e.cameo[:2] == "16"]
    past = "When the United States slapped tariffs on Chinese goods, importers paid."
    assert [e.cameo[:2] for e in coder.code_text(past, date=DATE)] == ["16"]


def test_travelling_to_or_touring_another_actors_place_is_a_visit(coder: Any) -> None:
    # CAMEO 1.1b3 042 Make a visit: 'travel to another location for a meeting or other
    # event', not the verb block's 040 Consult
    for text in (
        "Chinese President Xi Jinping traveled to Moscow on Monday.",
        "Chinese President Xi Jinping toured Russia on Monday.",
    ):
        codes = [e.cameo for e in coder.code_text(text, date=DATE) if e.source.code == "CHNGOV"]
        assert codes == ["042"], (text, codes)


def test_a_town_the_parser_takes_for_a_person_hosts_no_visit(coder: Any) -> None:
    # 'Torbay' alone in a list of towns visited is tagged as a person by the small model;
    # the gazetteer knows it as a place of the story's country, so it is no private person
    # hosting the visit (043) or visited (042)
    text = (
        "Liberal Democrat leader Charles Kennedy said the party would fight the election in "
        "Britain. Mr Kennedy is accelerating Lib Dem election preparations this week as he "
        "visits Manchester, Liverpool, Leicester, Somerset, Basingstoke, Shrewsbury, Dorset "
        "and Torbay."
    )
    events = coder.code_text(text, date=DATE)
    assert not [e for e in events if "Torbay" in (e.source.text, getattr(e.target, "text", ""))]
    assert not [e for e in events if e.cameo == "043"]


def test_one_party_acting_on_another_of_its_country_keeps_its_target(coder: Any) -> None:
    # two parties, one code (GBRPTY): the target is the other party, not the bare country
    events = coder.code_text(
        "The Tories accuse Labour of raising taxes 66 times since coming to power in 1997.",
        date=DATE,
    )
    accusations = [e for e in events if e.cameo == "112"]
    assert [(e.source.code, e.target.code if e.target else None) for e in accusations] == [
        ("GBRPTY", "GBRPTY")
    ]
    assert accusations[0].target is not None and accusations[0].target.text == "Labour"


def test_a_passive_verb_with_a_particle_matches_the_active_pattern(coder: Any) -> None:
    # 'the bid was thrown out' ~ 'threw out the bid' (HURL: * OUT BID, 120 Reject), not
    # the bare 'throw out' (160)
    for text in (
        "Treasurer Peter Costello threw out the bid on national interest grounds.",
        "The bid was thrown out by Treasurer Peter Costello on national interest grounds.",
    ):
        codes = [e.cameo for e in coder.code_text(text, date=DATE) if e.source.country == "AUS"]
        assert codes == ["120"], (text, codes)


def test_coordinated_nationality_adjectives_before_one_role_noun_are_one_actor_each(
    coder: Any,
) -> None:
    text = "French and Egyptian troops attacked the rebel town on Monday."
    sources = sorted(e.source.code for e in coder.code_text(text, date=DATE))
    assert sources == ["EGYMIL", "FRAMIL"]


def test_a_mediation_is_no_meeting_whose_counterpart_later_appeals_address(coder: Any) -> None:
    # the deals the US brokered (045) pair it with none of their parties: Trump's appeal
    # two sentences on is a domestic one, not addressed to Kosovo
    text = (
        "The White House announced deals it brokered between Israel and the United Arab "
        "Emirates, Bahrain, and Kosovo. Riots broke out in Philadelphia. President Trump "
        "urged for the National Guard to be brought in to end the violence."
    )
    appeals = [e for e in coder.code_text(text, date=DATE) if e.cameo.startswith("02")]
    assert appeals and all(e.target is None or e.target.country == "USA" for e in appeals)


def test_an_appeal_for_a_leaders_resignation_is_aimed_at_the_leader(coder: Any) -> None:
    # CAMEO 0241 Appeal for / 1041 Demand change in leadership, the leader the target
    cases = (
        ("The opposition demanded the resignation of Prime Minister Boris Johnson.", "1041"),
        ("The protesters called for the resignation of President Mugabe.", "0241"),
        (
            "Trump said he had asked for national security advisor John Bolton's resignation.",
            "0241",
        ),
    )
    for text, code in cases:
        events = [
            e
            for e in coder.code_text(text, date=dt.date(2019, 9, 20))
            if e.cameo[:2] in ("02", "10")
        ]
        assert [e.cameo for e in events] == [code], (text, events)
        assert events[0].target is not None and events[0].target.role == "GOV", text
