"""Polish vocabulary for the demo-data generator (``db.demo``).

Every person, organisation and e-mail here is fictional. Names are combined at
random from common first names and surnames; ``FAMOUS_NAMES`` lists combinations
that would name a well-known real person, and the generator skips them.

Title fragments carry flags after ``|``: ``g`` — the phrase takes a target group
("… dla seniorów"), ``d`` — it takes a district ("… w okręgu Mokre").
"""

from __future__ import annotations

# --- teams -------------------------------------------------------------------

CIVIL_SOCIETY_TEAM = {
    "name": "Zespół ds. społeczeństwa obywatelskiego i rozwoju inteligentnego miasta",
    "slug": "spoleczenstwo-obywatelskie",
    "description": (
        "Zespół tematyczny Strategii Rozwoju Miasta Torunia 2035: partycypacja, rady okręgów, "
        "współpraca z organizacjami pozarządowymi i narzędzia Smart City. Obraduje "
        "w Toruńskim Laboratorium Miejskim."
    ),
}

OTHER_TEAMS = (
    {
        "name": "Zespół ds. gospodarki i rynku pracy",
        "slug": "gospodarka-rynek-pracy",
        "description": "Przedsiębiorczość, inwestycje, kompetencje i rynek pracy.",
    },
    {
        "name": "Zespół ds. środowiska, klimatu i zieleni",
        "slug": "srodowisko-klimat",
        "description": "Adaptacja do zmian klimatu, zieleń miejska, jakość powietrza i wody.",
    },
)

SUBTEAMS = (
    {
        "name": "Toruński model partycypacji",
        "slug": "model-partycypacji",
        "description": (
            "Konsultacje społeczne, budżet obywatelski, zespoły doradcze Prezydenta "
            "i standardy dialogu z mieszkańcami."
        ),
    },
    {
        "name": "Współdziałanie Prezydenta i Rady Miasta z Radami Okręgów",
        "slug": "rady-okregow",
        "description": (
            "Kompetencje, budżety i codzienna współpraca trzynastu rad okręgów "
            "z Prezydentem i Radą Miasta."
        ),
    },
    {
        "name": "Współpraca samorządu z organizacjami pozarządowymi",
        "slug": "organizacje-pozarzadowe",
        "description": (
            "Program współpracy, dotacje, lokale i wsparcie dla organizacji pozarządowych "
            "oraz inicjatyw sąsiedzkich."
        ),
    },
    {
        "name": "Wdrożenie narzędzi Smart City",
        "slug": "smart-city",
        "description": (
            "Zarządzanie oparte na danych, e-usługi, otwarte dane i cyfrowa polityka publiczna."
        ),
    },
)

# --- districts (number, name, relative population weight) -------------------

DISTRICTS = (
    (1, "Bydgoskie Przedmieście", 10),
    (2, "Chełmińskie Przedmieście", 9),
    (3, "Stare Miasto i Jakubskie Przedmieście", 6),
    (4, "Mokre", 10),
    (5, "Rubinkowo", 12),
    (6, "Na Skarpie", 11),
    (7, "Wrzosy", 7),
    (8, "Koniuchy i Bielany", 6),
    (9, "Podgórz", 6),
    (10, "Rudak i Stawki", 4),
    (11, "Kaszczorek i Czerniewice", 4),
    (12, "Glinki i Katarzynka", 3),
    (13, "Piaski, Bielawy i Grębocin nad Strugą", 4),
)

# --- people ------------------------------------------------------------------

FEMALE_FIRST_NAMES = (
    "Anna", "Maria", "Katarzyna", "Małgorzata", "Agnieszka", "Barbara", "Ewa",
    "Krystyna", "Elżbieta", "Magdalena", "Joanna", "Zofia", "Monika", "Teresa",
    "Danuta", "Natalia", "Aleksandra", "Karolina", "Marta", "Beata", "Dorota",
    "Halina", "Jadwiga", "Justyna", "Paulina", "Iwona", "Grażyna", "Julia",
    "Weronika", "Hanna", "Alicja", "Ewelina", "Urszula", "Renata", "Sylwia",
    "Agata", "Izabela", "Patrycja", "Wiktoria", "Maja", "Oliwia", "Łucja",
    "Zuzanna", "Helena", "Lena",
)  # fmt: skip

MALE_FIRST_NAMES = (
    "Jan", "Piotr", "Krzysztof", "Andrzej", "Tomasz", "Paweł", "Michał", "Marcin",
    "Jakub", "Adam", "Łukasz", "Marek", "Grzegorz", "Mateusz", "Wojciech",
    "Mariusz", "Dariusz", "Zbigniew", "Jerzy", "Maciej", "Rafał", "Kamil",
    "Jacek", "Dawid", "Szymon", "Kacper", "Bartosz", "Sebastian", "Artur",
    "Filip", "Antoni", "Stanisław", "Ryszard", "Henryk", "Bogdan", "Leszek",
    "Przemysław", "Karol", "Hubert", "Witold", "Igor", "Oskar", "Franciszek",
)  # fmt: skip

# Masculine forms; -ski/-cki/-dzki take -ska/-cka/-dzka for women, the rest do not change.
SURNAMES = (
    "Nowak", "Kowalski", "Wiśniewski", "Wójcik", "Kowalczyk", "Kamiński",
    "Zieliński", "Szymański", "Woźniak", "Dąbrowski", "Kozłowski", "Jankowski",
    "Mazur", "Wojciechowski", "Kwiatkowski", "Krawczyk", "Kaczmarek",
    "Piotrowski", "Grabowski", "Zając", "Pawłowski", "Michalski", "Król",
    "Wieczorek", "Jabłoński", "Wróbel", "Nowakowski", "Majewski", "Olszewski",
    "Stępień", "Malinowski", "Jaworski", "Adamczyk", "Dudek", "Nowicki",
    "Pawlak", "Górski", "Witkowski", "Walczak", "Sikora", "Baran", "Rutkowski",
    "Michalak", "Szewczyk", "Ostrowski", "Tomaszewski", "Pietrzak", "Marciniak",
    "Wróblewski", "Jakubowski", "Jasiński", "Zawadzki", "Sadowski", "Bąk",
    "Chmielewski", "Włodarczyk", "Borkowski", "Czarnecki", "Sawicki",
    "Sokołowski", "Urbański", "Kubiak", "Maciejewski", "Szczepański",
    "Kucharski", "Wilk", "Kalinowski", "Mazurek", "Wysocki", "Adamski",
    "Kaźmierczak", "Wasilewski", "Sobczak", "Czerwiński", "Andrzejewski",
    "Cieślak", "Głowacki", "Zakrzewski", "Kołodziej", "Krajewski", "Gajewski",
    "Szymczak", "Szulc", "Baranowski", "Laskowski", "Brzeziński", "Makowski",
    "Ziółkowski", "Przybylski", "Lisowski", "Żak", "Ślusarczyk", "Łapiński",
)  # fmt: skip

# Combinations that name well-known real people (athletes, artists, politicians).
FAMOUS_NAMES = frozenset(
    {
        "Andrzej Adamczyk",
        "Anna Przybylska",
        "Dawid Kwiatkowski",
        "Henryk Kowalczyk",
        "Jan Grabowski",
        "Jan Szczepański",
        "Jan Tomaszewski",
        "Jerzy Dudek",
        "Krzysztof Krawczyk",
        "Marcin Wasilewski",
        "Marek Kamiński",
        "Marek Sawicki",
        "Michał Kwiatkowski",
        "Michał Wiśniewski",
        "Michał Wójcik",
        "Piotr Adamczyk",
        "Piotr Zieliński",
    }
)

FEMININE_ENDINGS = (("ski", "ska"), ("cki", "cka"), ("dzki", "dzka"))

# --- organisations -----------------------------------------------------------

UNIVERSITY_UNITS = (
    "Uniwersytet Mikołaja Kopernika — Wydział Nauk o Polityce i Bezpieczeństwie",
    "Uniwersytet Mikołaja Kopernika — Wydział Nauk Ekonomicznych i Zarządzania",
    "Uniwersytet Mikołaja Kopernika — Wydział Filozofii i Nauk Społecznych",
    "Uniwersytet Mikołaja Kopernika — Wydział Matematyki i Informatyki",
    "Uniwersytet Mikołaja Kopernika — Wydział Nauk o Ziemi i Gospodarki Przestrzennej",
    "Uniwersytet Mikołaja Kopernika — Wydział Prawa i Administracji",
)

# Made-up organisations: no real foundation or association is meant.
NGOS = (
    "Fundacja Wspólny Toruń",
    "Stowarzyszenie Aktywni Sąsiedzi",
    "Fundacja Zielony Podgórz",
    "Stowarzyszenie Rowerowa Starówka",
    "Fundacja Most Obywatelski",
    "Stowarzyszenie Sąsiedzi z Mokrego",
    "Fundacja Kwietna Łąka",
    "Stowarzyszenie Młodzi dla Miasta",
    "Fundacja Seniorzy w Sieci",
    "Stowarzyszenie Otwarte Dane Toruń",
    "Fundacja Podwórko bez Barier",
    "Stowarzyszenie Nadwiślańska Inicjatywa Lokalna",
)

BUSINESSES = (
    "Klaster Innowacji Nadwiślańskiej",
    "Inkubator Przedsiębiorczości Nad Wisłą",
    "Toruński Klub Przedsiębiorców",
    "SoftWisła sp. z o.o.",
    "Pracownia Miejska sp. z o.o.",
)

CITY_OFFICES = (
    "Biuro Dialogu i Innowacji Miejskich",
    "Wydział Informatyki i Cyfryzacji",
    "Wydział Edukacji",
    "Miejski Zarząd Dróg",
    "Centrum Usług Wspólnych",
    "Wydział Sportu i Turystyki",
    "Wydział Bezpieczeństwa i Zarządzania Kryzysowego",
    "Wydział Rozwoju i Programowania Europejskiego",
    "Wydział Środowiska i Ekologii",
    "Wydział Spraw Społecznych",
    "Wydział Kultury",
    "Biuro Rady Miasta",
)

WOMENS_COUNCIL = "Toruńska Rada Kobiet"
SENIORS_COUNCIL = "Rada Seniorów Miasta Torunia"

PLENIPOTENTIARIES = (
    "Pełnomocnik Prezydenta ds. osób z niepełnosprawnościami",
    "Pełnomocnik Prezydenta ds. polityki senioralnej",
    "Pełnomocnik Prezydenta ds. równego traktowania",
    "Pełnomocnik Prezydenta ds. młodzieży",
)

# City units that give opinions on proposals (the "consulted" step).
OPINION_UNITS = CITY_OFFICES[1:] + (
    "Miejski Ośrodek Pomocy Rodzinie",
    "Zarząd Zieleni Miejskiej",
    "Miejska Pracownia Urbanistyczna",
    "Toruńskie Centrum Kultury",
    "Miejski Zakład Komunikacji",
)

# --- proposals ---------------------------------------------------------------

STRATEGIC_AREAS = (
    "Partycypacja i dialog",
    "Rady okręgów",
    "Organizacje pozarządowe",
    "Smart city i dane",
    "Cyfrowe usługi publiczne",
    "Edukacja obywatelska",
    "Przestrzeń publiczna",
    "Kultura i czas wolny",
)

# Per subteam position: (strategic area, weight).
SUBTEAM_AREAS = {
    1: (
        ("Partycypacja i dialog", 45),
        ("Edukacja obywatelska", 25),
        ("Przestrzeń publiczna", 15),
        ("Kultura i czas wolny", 15),
    ),
    2: (("Rady okręgów", 45), ("Przestrzeń publiczna", 35), ("Partycypacja i dialog", 20)),
    3: (
        ("Organizacje pozarządowe", 50),
        ("Kultura i czas wolny", 30),
        ("Edukacja obywatelska", 20),
    ),
    4: (
        ("Smart city i dane", 45),
        ("Cyfrowe usługi publiczne", 45),
        ("Przestrzeń publiczna", 10),
    ),
}

TITLE_CORES = {
    "Partycypacja i dialog": (
        "Budżet obywatelski|gd",
        "Cyfrowa platforma konsultacji społecznych|g",
        "Konsultacje społeczne w godzinach popołudniowych|gd",
        "Panel obywatelski o zieleni miejskiej|",
        "Punkt konsultacyjny w bibliotece osiedlowej|d",
        "Coroczne spotkania Prezydenta z mieszkańcami|d",
        "Mobilny punkt konsultacyjny|d",
        "Standard informowania o wynikach konsultacji|",
        "Inicjatywa lokalna bez zbędnej biurokracji|g",
        "Młodzieżowy budżet obywatelski|d",
        "Spacery badawcze z mieszkańcami|gd",
        "Raport z konsultacji napisany prostym językiem|",
        "Konsultacje dostępne dla osób z niepełnosprawnościami|",
        "Zespół doradczy mieszkańców przy Prezydencie|g",
    ),
    "Rady okręgów": (
        "Większe budżety do dyspozycji rad okręgów|",
        "Dyżury rady okręgu w szkole podstawowej|d",
        "Transmisje posiedzeń rad okręgów online|",
        "Tablica ogłoszeń rady okręgu|d",
        "Siedziba rady okręgu dostępna dla mieszkańców|d",
        "Szkolenia dla członków rad okręgów|",
        "Wspólne posiedzenia rad okręgów i komisji Rady Miasta|",
        "Rada młodzieży przy radzie okręgu|d",
        "Strona internetowa rady okręgu|d",
        "Coroczne sprawozdanie rady okręgu dla mieszkańców|d",
        "Konsultacje inwestycji drogowych z radami okręgów|d",
        "Festyn sąsiedzki organizowany przez radę okręgu|g",
    ),
    "Organizacje pozarządowe": (
        "Fundusz małych grantów|gd",
        "Centrum wolontariatu|g",
        "Lokale miejskie dla organizacji pozarządowych na preferencyjnych zasadach|",
        "Wieloletnie umowy z organizacjami prowadzącymi świetlice|d",
        "Inkubator inicjatyw sąsiedzkich|gd",
        "Szkolenia z rozliczania dotacji|",
        "Kalendarz wydarzeń organizacji pozarządowych|",
        "Wspólny magazyn sprzętu dla organizacji|",
        "Konkurs na projekty międzypokoleniowe|d",
        "Mapa organizacji pozarządowych w Toruniu|",
        "Rada Działalności Pożytku Publicznego bliżej mieszkańców|",
        "Wolontariusze wspierający seniorów w codziennych sprawach|d",
    ),
    "Smart city i dane": (
        "Czujniki jakości powietrza|d",
        "Portal otwartych danych miejskich|",
        "Mapa ławek i toalet publicznych|g",
        "Inteligentne oświetlenie ulic|d",
        "Liczniki rowerów na ścieżkach rowerowych|d",
        "Czujniki zapełnienia pojemników na odpady|d",
        "Miejski panel danych o ruchu drogowym|",
        "System informacji o wolnych miejscach parkingowych|d",
        "Cyfrowy bliźniak Starego Miasta|",
        "Mapa zieleni i drzew miejskich|",
        "Monitoring zużycia energii w szkołach|",
        "Dane o frekwencji w komunikacji miejskiej|",
        "Rowerowy przegląd infrastruktury osiedlowej|d",
    ),
    "Cyfrowe usługi publiczne": (
        "Aplikacja mobilna Toruń dla mieszkańców|g",
        "Zgłaszanie usterek przez aplikację|d",
        "E-zapisy do żłobków i przedszkoli|",
        "Kursy kompetencji cyfrowych|gd",
        "Elektroniczna karta mieszkańca|g",
        "Rezerwacja obiektów sportowych online|",
        "Powiadomienia SMS o utrudnieniach w ruchu|d",
        "Bezpłatny internet w parkach|d",
        "Formularze urzędowe w prostym języku|",
        "Wirtualny asystent Urzędu Miasta|g",
        "Płatności mobilne za bilety i parkowanie|",
    ),
    "Edukacja obywatelska": (
        "Lekcje samorządności w szkołach|d",
        "Gra miejska o historii samorządu|g",
        "Młodzieżowa Rada Miasta bliżej uczniów|",
        "Akademia liderów lokalnych|g",
        "Debaty oksfordzkie o przyszłości Torunia|g",
        "Warsztaty z budżetu obywatelskiego|gd",
        "Program staży w Urzędzie Miasta dla studentów|",
        "Kampania o prawach mieszkańców|g",
        "Seniorzy uczą młodzież — program międzypokoleniowy|",
        "Uniwersytet Trzeciego Wieku w każdym okręgu|",
    ),
    "Przestrzeń publiczna": (
        "Łąka kwietna zamiast trawnika|d",
        "Łąki kwietne wzdłuż ścieżek rowerowych|d",
        "Nowe ławki i zieleń na skwerze|d",
        "Ścieżki rowerowe łączące osiedla z centrum|",
        "Bezpieczne przejścia dla pieszych przy szkołach|d",
        "Zacienione przystanki komunikacji miejskiej|d",
        "Plac zabaw dostępny dla dzieci z niepełnosprawnościami|d",
        "Parking rowerowy przy dworcu|",
        "Rower miejski|gd",
        "Stojaki rowerowe przy urzędach i szkołach|d",
        "Rewitalizacja podwórek|d",
        "Zieleń przy ulicach zamiast betonu|d",
        "Ogrody społeczne|gd",
        "Poidełka z wodą pitną|d",
        "Toalety publiczne w parkach|d",
        "Pumptrack dla młodzieży|d",
        "Siłownie plenerowe|gd",
    ),
    "Kultura i czas wolny": (
        "Kino plenerowe|gd",
        "Potańcówki dla seniorów|d",
        "Festiwal sąsiedzki|d",
        "Letnie zajęcia nad Wisłą|g",
        "Nocne zwiedzanie Starego Miasta|g",
        "Biblioteka rzeczy|d",
        "Koncerty w parkach osiedlowych|d",
        "Przestrzeń dla młodzieży w domu kultury|d",
        "Karta kulturalna|g",
        "Spływy kajakowe po Drwęcy|g",
        "Zajęcia sportowe dla seniorów|d",
        "Rowerowe rajdy rodzinne|",
        "Przystań miejska nad Wisłą|",
    ),
}

# Target groups in the genitive ("dla …", "do …").
GROUPS_GENITIVE = (
    "seniorów",
    "młodzieży",
    "rodzin z dziećmi",
    "osób z niepełnosprawnościami",
    "studentów",
    "dzieci",
    "mieszkańców osiedli",
)

TITLE_ENDINGS = (" — pilotaż", " — program na lata 2026–2030", " (propozycja rozszerzona)")

PROBLEMS = {
    "Partycypacja i dialog": (
        "Mieszkańcy często dowiadują się o konsultacjach dopiero po ich zakończeniu.",
        "W konsultacjach biorą udział wciąż te same osoby, brakuje głosu młodzieży i rodzin.",
        "Wyniki konsultacji nie zawsze wracają do uczestników, co zniechęca do udziału.",
        "Spotkania organizowane w godzinach pracy wykluczają wiele osób.",
    ),
    "Rady okręgów": (
        "Rady okręgów mają niewielki wpływ na decyzje dotyczące ich osiedli.",
        "Mieszkańcy nie wiedzą, kto zasiada w radzie okręgu i jak się z nią skontaktować.",
        "Informacje o posiedzeniach rad okręgów trudno znaleźć.",
        "Członkowie rad okręgów pracują społecznie i potrzebują wsparcia urzędu.",
    ),
    "Organizacje pozarządowe": (
        "Małe organizacje mają trudność z wkładem własnym do projektów.",
        "Procedury konkursów dotacyjnych są skomplikowane dla nowych grup.",
        "Organizacjom brakuje lokali na spotkania i magazynowania sprzętu.",
        "Inicjatywy sąsiedzkie rzadko wiedzą o dostępnych formach wsparcia.",
    ),
    "Smart city i dane": (
        "Miasto zbiera wiele danych, ale mieszkańcy rzadko mają do nich dostęp.",
        "Decyzje o inwestycjach nie zawsze opierają się na aktualnych pomiarach.",
        "Brakuje bieżącej informacji o jakości powietrza i natężeniu ruchu.",
        "Dane z różnych wydziałów są trudne do porównania.",
    ),
    "Cyfrowe usługi publiczne": (
        "Wiele spraw urzędowych nadal wymaga osobistej wizyty w urzędzie.",
        "Osoby starsze mają trudność z korzystaniem z e-usług.",
        "Informacje o usługach miejskich są rozproszone na wielu stronach.",
        "Formularze elektroniczne bywają niezrozumiałe i nieczytelne na telefonie.",
    ),
    "Edukacja obywatelska": (
        "Młodzi ludzie słabo znają zasady działania samorządu.",
        "Mieszkańcy nie wiedzą, jak zgłosić własny projekt lub inicjatywę lokalną.",
        "Szkoły rzadko współpracują z radami okręgów i organizacjami.",
        "Brakuje miejsc, w których można nauczyć się działania na rzecz sąsiedztwa.",
    ),
    "Przestrzeń publiczna": (
        "Na wielu osiedlach brakuje miejsc, w których można odpocząć w cieniu.",
        "Zieleń w centrum ustępuje miejsca parkingom i betonowym placom.",
        "Ścieżki rowerowe urywają się na skrzyżowaniach i nie tworzą spójnej sieci.",
        "Latem brakuje dostępu do wody pitnej i toalet w przestrzeni publicznej.",
        "Ławki i place zabaw nie są dostosowane do potrzeb wszystkich mieszkańców.",
    ),
    "Kultura i czas wolny": (
        "Oferta kulturalna skupia się na Starym Mieście, a osiedla mają jej niewiele.",
        "Młodzież nie ma własnego miejsca do spotkań poza szkołą.",
        "Seniorzy chętnie korzystaliby z zajęć blisko domu.",
        "Tereny nad Wisłą i Drwęcą są słabo wykorzystane w sezonie letnim.",
    ),
}

AUDIENCE_SENTENCE = "Propozycja jest skierowana przede wszystkim do {group}."
DISTRICT_SENTENCES = (
    "Dotyczy okręgu nr {number} ({name}), ale rozwiązanie można przenieść do innych części miasta.",
    "Mieszkańcy okręgu {name} zgłaszali ten problem podczas spotkań rady okręgu.",
    "Jako pierwszą lokalizację wskazano okręg nr {number} ({name}).",
)
CITYWIDE_SENTENCES = (
    "Propozycja ma charakter ogólnomiejski.",
    "Rozwiązanie powinno objąć całe miasto.",
)
IMPLEMENTATION_SENTENCES = (
    "Realizację warto rozpocząć od pilotażu w jednym okręgu.",
    "Koszty można częściowo pokryć ze środków zewnętrznych.",
    "Do współpracy warto zaprosić lokalne organizacje pozarządowe.",
    "Efekty należy ocenić po roku działania i opublikować wyniki.",
    "Rozwiązanie powinno być dostępne także dla osób, które nie korzystają z internetu.",
    "Autorzy deklarują pomoc przy przygotowaniu szczegółowego projektu.",
    "Podobne rozwiązania sprawdziły się w innych polskich miastach.",
)

# --- proposal history notes --------------------------------------------------

CREATED_NOTES = {
    "congress": "Karta pomysłu z {edition} Toruńskiego Kongresu Dialogu.",
    "workshop": "Wniosek z warsztatu partycypacyjnego.",
    "meeting": "Zgłoszone na posiedzeniu podzespołu.",
    "online_form": "Zgłoszenie przez formularz internetowy.",
    "district_council": "Wniosek rady okręgu.",
    "ngo": "Zgłoszenie organizacji pozarządowej.",
    "email": "Propozycja nadesłana pocztą elektroniczną.",
    "city_office": "Propozycja wydziału Urzędu Miasta.",
}

IN_REVIEW_NOTES = (
    "Przyjęto do oceny w podzespole.",
    "Skierowano do analizy merytorycznej.",
    "Omówiono na posiedzeniu podzespołu; rozpoczęto ocenę.",
    None,
)
CONSULTED_NOTE = "Przekazano do zaopiniowania: {unit}."
ACCEPTED_NOTES = (
    "Opinia pozytywna; propozycja zgodna z kierunkami strategii.",
    "Rekomendacja przyjęcia bez zmian.",
    "Przyjęto po pozytywnej opinii jednostki merytorycznej.",
    None,
)
PARTIALLY_ACCEPTED_NOTES = (
    "Uwzględniono część propozycji; zakres wymaga doprecyzowania.",
    "Przyjęto w zakresie działań pilotażowych.",
    "Uwzględniono kierunek działania bez wskazanej lokalizacji.",
)
REJECTED_NOTES = (
    "Zadanie wykracza poza kompetencje gminy.",
    "Propozycja jest już realizowana w ramach obowiązujących programów miejskich.",
    "Brak możliwości sfinansowania w perspektywie strategii.",
    "Negatywna opinia Miejskiego Zarządu Dróg — kolizja z planowaną inwestycją.",
    "Wskazany teren nie należy do miasta.",
    "Propozycja dotyczy zadania operacyjnego, a nie celu strategicznego.",
)
NOTES_BY_STATUS = {
    "in_review": IN_REVIEW_NOTES,
    "accepted": ACCEPTED_NOTES,
    "partially_accepted": PARTIALLY_ACCEPTED_NOTES,
    "rejected": REJECTED_NOTES,
}
MERGED_NOTE = "Połączono z propozycją nr {target_id} „{target_title}” — podobny zakres."
INCLUDED_NOTE = "Włączono do projektu strategii — cel operacyjny {goal}."

# --- milestones (per subteam position, in chronological order) ---------------

MILESTONE_TITLES = {
    1: (
        "Diagnoza stanu partycypacji w Toruniu",
        "Przegląd uchwał o konsultacjach społecznych",
        "Warsztaty z mieszkańcami o modelu partycypacji",
        "Raport z konsultacji modelu partycypacji",
        "Projekt standardu konsultacji społecznych",
        "Rekomendacje do celów strategii — partycypacja",
        "Prezentacja modelu partycypacji Radzie Miasta",
    ),
    2: (
        "Ankieta wśród członków rad okręgów",
        "Warsztaty z radami okręgów",
        "Analiza kompetencji i budżetów rad okręgów",
        "Spotkanie Prezydenta z przewodniczącymi rad okręgów",
        "Projekt zmian w statutach okręgów",
        "Rekomendacje dla Rady Miasta",
    ),
    3: (
        "Mapa toruńskich organizacji pozarządowych",
        "Ocena programu współpracy z organizacjami",
        "Raport z konsultacji z organizacjami pozarządowymi",
        "Forum organizacji pozarządowych",
        "Model małych grantów dla inicjatyw lokalnych",
        "Rekomendacje do strategii — sektor pozarządowy",
    ),
    4: (
        "Inwentaryzacja systemów i danych miejskich",
        "Mapa potrzeb cyfrowych mieszkańców",
        "Koncepcja miejskiego portalu otwartych danych",
        "Pilotaż czujników jakości powietrza",
        "Standard dostępności usług cyfrowych",
        "Raport z testów e-usług z mieszkańcami",
        "Plan wdrożenia narzędzi Smart City",
        "Rekomendacje do strategii — miasto oparte na danych",
    ),
}

# --- Congress ----------------------------------------------------------------

PANELS = {
    1: (
        "Panel otwierający: Dialog w mieście — doświadczenia polskich samorządów",
        "Panel: Budżet obywatelski i inicjatywa lokalna w praktyce",
        "Panel: Dane i technologie w służbie mieszkańców",
    ),
    2: (
        "Panel otwierający: Strategia Torunia 2035 — piszemy ją razem",
        "Panel: Dobre praktyki partycypacji w polskich miastach",
        "Panel: Rady okręgów i organizacje pozarządowe — partnerzy miasta",
    ),
}

# (title, subteam position or None, capacity at scale 1, popularity weight)
WORKSHOPS = {
    1: (
        ("Warsztat: Jak mieszkańcy mają współdecydować o mieście?", 1, 70, 25),
        ("Warsztat: Rady okręgów — czego potrzebują osiedla?", 2, 50, 15),
        ("Warsztat: Organizacje pozarządowe i samorząd", 3, 50, 15),
        ("Warsztat: Toruń inteligentny, czyli jaki?", 4, 50, 20),
        ("Warsztat młodzieżowy: Toruń 2035", None, 40, 10),
        ("Warsztat: Zieleń i przestrzeń wspólna", None, 60, 15),
    ),
    2: (
        ("Warsztat: Toruński model partycypacji", 1, 80, 25),
        ("Warsztat: Rady okręgów bliżej mieszkańców", 2, 60, 15),
        ("Warsztat: Współpraca z organizacjami pozarządowymi", 3, 60, 15),
        ("Warsztat: Narzędzia Smart City w służbie mieszkańców", 4, 50, 20),
        ("Warsztat młodzieżowy: Toruń oczami młodych", None, 40, 10),
        ("Warsztat: Miasto przyjazne seniorom", None, 50, 15),
    ),
}

# --- demo accounts -----------------------------------------------------------

USER_DISPLAY_NAMES = {
    "admin": "Administrator panelu",
    "dyrektor": "Dyrektor zespołu",
    "lider": "Liderka podzespołu",
    "czlonek": "Członek podzespołu",
}

POLISH_TO_ASCII = str.maketrans("ąćęłńóśźżĄĆĘŁŃÓŚŹŻ", "acelnoszzACELNOSZZ")
