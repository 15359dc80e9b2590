"""Writes gold.json for the heldout2 set (annotated by hand before the extractor was run).

Eight original news-style texts (fiction in the styles of AFP, the Guardian, an NPR
transcript, Reuters markets, Yonhap, the Times of India, AP Africa, Reuters Latin America;
quotes are invented). Same format as ../unseen/gold.json. Run: python make_gold.py
"""
import json
from pathlib import Path

PUBLISHED = {"h01_afp_paris": "2024-02-01", "h02_guardian_doctors": "2023-04-11",
             "h03_npr_morocco": "2023-09-12", "h04_reuters_boj": "2024-03-19",
             "h05_yonhap_defectors": "2023-10-05", "h06_toi_bonds": "2024-02-15",
             "h07_ap_senegal": "2024-02-05", "h08_reuters_chile": "2024-02-04"}
UNIFICATION = ["South Korea unification ministry", "South Korean unification ministry",
               "Unification Ministry", "South Korea's unification ministry", "unification ministry"]


def q(article, contains, speaker, *ok, optional=False):
    item = {"article": article, "contains": contains, "speaker": speaker, "speaker_ok": list(ok)}
    if optional:
        item["optional"] = True
    return item


QUOTES = [
    q("h01", "We will not let them block Rungis", "Gérald Darmanin", "Gerald Darmanin"),
    q("h01", "15,000 police officers had been deployed", "Gérald Darmanin", "Gerald Darmanin"),
    q("h01", "Police arrested 79 people", "Paris prosecutor's office", "Paris prosecutor’s office",
      "prosecutor's office", "Paris prosecutor"),
    q("h01", "it would keep up the pressure", "FNSEA"),
    q("h01", "Our members are exhausted", "Arnaud Rousseau"),
    q("h01", "it would propose new safeguards", "European Commission"),
    q("h01", "the movement is the biggest farm revolt", "Analysts", optional=True),
    q("h02", "demand for a 35% pay rise was unreasonable", "Steve Barclay"),
    q("h02", "This strike will put patients at risk", "Steve Barclay"),
    q("h02", "doctors had been left with no choice", "Robert Laurenson"),
    q("h02", "We have seen our pay cut", "Robert Laurenson"),
    q("h02", "about 350,000 appointments", "NHS England"),
    q("h02", "the disruption would be", "Stephen Powis", "Sir Stephen Powis"),
    q("h02", "washing their hands", "Wes Streeting"),
    q("h02", "it would announce the result", "Royal College of Nursing"),
    q("h03", "more than 2,800 people have been killed", "Morocco", "government", "Moroccan government",
      optional=True),
    q("h03", "We waited two days for anyone to come", "Fatima Ait Ouchen"),
    q("h03", "it wanted to avoid a lack of coordination", "interior ministry", "Morocco interior ministry",
      "Moroccan interior ministry", "Interior Ministry", "Morocco's interior ministry"),
    q("h03", "this is a town where almost every other house", "Aya Batrawy", optional=True),
    q("h03", "King Mohammed VI declared three days", "Aya Batrawy", optional=True),
    q("h03", "Rescue teams in Morocco are still searching", "A Martínez", optional=True),
    q("h04", "We judged that our price target", "Kazuo Ueda"),
    q("h04", "would keep buying government bonds", "Kazuo Ueda"),
    q("h04", "The BOJ is moving at a glacial pace", "Masato Koike"),
    q("h04", "large companies had agreed to raise pay", "Rengo"),
    q("h04", "the government would work closely", "Shunichi Suzuki"),
    q("h05", "about 600 North Korean defectors", *UNIFICATION[:1], *UNIFICATION[1:]),
    q("h05", "It is deplorable that the Chinese government", "Koo Byoung-sam"),
    q("h05", "Seoul had conveyed its concerns", *UNIFICATION[:1], *UNIFICATION[1:]),
    q("h05", "Foreign Minister Park Jin raised the issue", "South Korea foreign ministry",
      "South Korean foreign ministry", "Foreign Ministry", "foreign ministry"),
    q("h05", "in accordance with domestic law", "Mao Ning"),
    q("h05", "those returned face imprisonment", "Human Rights Watch"),
    q("h05", "respect the principle of non-refoulement", "UN refugee agency", "UNHCR",
      "United Nations refugee agency"),
    q("h06", "Political parties are relevant units", "D Y Chandrachud", "Chandrachud", "DY Chandrachud",
      "D. Y. Chandrachud"),
    q("h06", "The government's pet scheme", "Jairam Ramesh"),
    q("h06", "the party respected the verdict", "Sudhanshu Trivedi"),
    q("h06", "Bonds worth more than Rs 16,000 crore", "Association for Democratic Reforms"),
    q("h06", "it would publish the data", "Election Commission"),
    q("h07", "he had repealed the decree", "Macky Sall"),
    q("h07", "I will engage in an open national dialogue", "Macky Sall"),
    q("h07", "Aminata Touré was briefly detained", "lawyer", "her lawyer", optional=True),
    q("h07", "refrain from using excessive force", "Amnesty International"),
    q("h07", "restore the electoral calendar", "Economic Community of West African States", "ECOWAS"),
    q("h08", "Wildfires raging in central Chile", "authorities", optional=True),
    q("h08", "the death toll would rise significantly", "Gabriel Boric"),
    q("h08", "We are facing a tragedy", "Gabriel Boric"),
    q("h08", "about 1,600 homes had been destroyed", "Carolina Tohá", "Carolina Toha"),
    q("h08", "more than 40 fires were still burning", "CONAF", "national forestry agency CONAF",
      "national forestry agency", "Chile forestry agency", "Chilean forestry agency"),
    q("h08", "I lost everything", "Rosa Maldonado"),
    q("h08", "it was sending a team of emergency experts", "Pan American Health Organization"),
]


def ev(name, type_, start, end, place, place_ok, actors, *mentions, optional_mentions=()):
    return {"name": name, "type": type_, "date_start": start, "date_end": end, "place": place,
            "place_ok": place_ok, "actors": actors,
            "mentions": [{"article": a, "contains": c} for a, c in mentions]
            + [{"article": a, "contains": c, "optional": True} for a, c in optional_mentions]}


EVENTS = [
    ev("Farmers tighten Paris blockade", "other", "2024-01-31", "2024-01-31", "Paris", [], [],
       ("h01", "French farmers tightened their blockade")),
    ev("Arrests at Rungis market", "other", "2024-01-31", "2024-01-31", "Rungis", ["Paris"], [],
       ("h01", "Police arrested 79 people")),
    ev("Attal announces concessions", "announcement", "2024-01-26", "2024-01-26", None, [], ["Gabriel Attal"],
       ("h01", "who announced a first package of concessions")),
    ev("Attal to unveil new measures", "announcement", "2024-02-01", "2024-02-01", None, [], ["Gabriel Attal"],
       ("h01", "is expected to unveil new measures")),
    ev("EU summit in Brussels", "planned_summit", "2024-02-01", "2024-02-01", "Brussels", [], ["EU"],
       ("h01", "where EU leaders meet on Thursday")),
    ev("Junior doctors' strike begins", "other", "2023-04-11", "2023-04-11", "England",
       ["United Kingdom", None], ["British Medical Association"],
       ("h02", "began a four-day strike on Tuesday"), optional_mentions=[("h02", "walked out at 7am")]),
    ev("Barclay-BMA talks", "meeting", "2023-04-06", "2023-04-06", "London", ["Whitehall"],
       ["Steve Barclay", "British Medical Association"], ("h02", "Barclay met BMA representatives")),
    ev("Morocco earthquake", "other", "2023-09-08", "2023-09-08", "Morocco", ["Marrakech", "Amizmiz"], [],
       ("h03", "The magnitude 6.8 quake struck late Friday night")),
    ev("National mourning declared", "other", "2023-09-09", "2023-09-09", None, ["Morocco"],
       ["Mohammed VI"], ("h03", "King Mohammed VI declared three days")),
    ev("BOJ ends negative rates", "announcement", "2024-03-19", "2024-03-19", "Tokyo", ["Japan"],
       ["Bank of Japan"], ("h04", "The Bank of Japan ended eight years")),
    ev("Rengo wage results", "statement", "2024-03-15", "2024-03-15", None, ["Japan", "Tokyo"], ["Rengo"],
       ("h04", "Rengo, said on Friday")),
    ev("Fed meeting concludes", "meeting", "2024-03-20", "2024-03-20", None, ["Washington"],
       ["Federal Reserve"], ("h04", "concludes a two-day meeting on Wednesday")),
    ev("Defectors repatriated", "other", "2023-10-02", "2023-10-05", "China", ["North Korea", None], [],
       ("h05", "forcibly sent back to the North earlier this week")),
    ev("Park Jin meets Sun Weidong", "meeting", "2023-09-19", "2023-09-19", "Seoul", [],
       ["Park Jin", "Sun Weidong"], ("h05", "when they met in Seoul on Sept. 19")),
    ev("Supreme Court strikes down electoral bonds", "other", "2024-02-15", "2024-02-15", "New Delhi",
       ["India"], ["Supreme Court"], ("h06", "The Supreme Court on Thursday struck down")),
    ev("Tear gas at Dakar protest", "other", "2024-02-04", "2024-02-04", "Dakar", [], [],
       ("h07", "Police fired tear gas at hundreds of protesters")),
    ev("Sall postpones election", "announcement", "2024-02-03", "2024-02-03", None, ["Dakar", "Senegal"],
       ["Macky Sall"], ("h07", "Sall announced on Saturday"),
       optional_mentions=[("h07", "President Macky Sall postponed this month")]),
    ev("Aminata Touré detained", "other", "2024-02-04", "2024-02-04", "Dakar", [], ["Aminata Touré"],
       ("h07", "was briefly detained on Sunday")),
    ev("Parliament vote on delay", "other", "2024-02-05", "2024-02-05", None, ["Senegal", "Dakar"], [],
       ("h07", "Lawmakers are due to vote on Monday")),
    ev("Chile state of emergency", "other", "2024-02-03", "2024-02-03", None, ["Chile", "Santiago"],
       ["Gabriel Boric"], ("h08", "who declared a state of emergency on Saturday")),
    ev("Chile fires begin", "other", "2024-02-02", "2024-02-02", "Viña del Mar", ["Quilpué", "Chile"], [],
       ("h08", "The fires began on Friday in the hills")),
]
OPTIONAL_EVENTS = [
    {"mentions": [{"article": "h01", "contains": "Darmanin told TF1 television"}]},
    {"mentions": [{"article": "h01", "contains": "The European Commission said on Wednesday"}]},
    {"mentions": [{"article": "h02", "contains": "would announce the result of its members"}]},
    {"mentions": [{"article": "h02", "contains": "Barclay said in a statement on Monday night"}]},
    {"mentions": [{"article": "h05", "contains": "said Thursday that about 600"}]},
    {"mentions": [{"article": "h05", "contains": "Mao Ning said Wednesday"}]},
    {"mentions": [{"article": "h07", "contains": "President Macky Sall postponed this month"}]},
    {"mentions": [{"article": "h08", "contains": "authorities said on Sunday"}]},
    {"mentions": [{"article": "h08", "contains": "were still burning across the country on Sunday"}]},
    # background, but a dated event all the same (the BOJ introduced negative rates in January 2016)
    {"mentions": [{"article": "h04", "contains": "a policy it introduced in January 2016"}]},
]

if __name__ == "__main__":
    gold = {"about": __doc__.split("\n\n")[1].replace("\n", " "), "published": PUBLISHED,
            "articles": {k[:3]: k for k in PUBLISHED}, "quotes": QUOTES, "events": EVENTS,
            "optional_events": OPTIONAL_EVENTS}
    Path(__file__).with_name("gold.json").write_text(json.dumps(gold, ensure_ascii=False, indent=1) + "\n",
                                                     encoding="utf-8")
