# sepiola web page, Polish (Polski). Same messages, order and comments as
# en/main.ftl. Counts use the one/few/many plural forms (22 is "few",
# 12 is "many"). Numbers passed as text (already formatted) cannot select
# a form: those messages say "filmy – N".

language-name = Polski
site-tagline = Szukaj filmów, kanałów i playlist na instancjach PeerTube.
home-intro = Szukaj w treściach z { $hosts ->
    [one] jednej instancji PeerTube
   *[other] { $hosts } instancji PeerTube
} zaindeksowanych przez { $name }: filmy – { $videos }, kanały – { $channels }, playlisty – { $playlists }.
home-instances-link = Zobacz listę zaindeksowanych instancji
home-indexing = Indeksowanie instancji: { $done } z { $total }…
home-fetching-list = Pobieranie listy instancji…
home-about = { $name } pokazuje tylko publiczne treści instancji ze swojej publicznej listy. Wyniki prowadzą do instancji, która je udostępnia. Nic z Twoich wyszukiwań nie jest zapisywane.
skip-to-content = Przejdź do treści
search-label = Wyszukiwanie
search-placeholder = Słowo kluczowe, kanał, film, playlista…
search-kept = Nowe wyszukiwanie zachowa te filtry i to sortowanie.
search-kept-clear = Wyczyść je
search-button = Szukaj
nav-instances = Instancje
nav-moderation = Moderacja
nav-api = API
footer-privacy = Bez ciasteczek i śledzenia: Twoje wyszukiwania nie są zapisywane.
footer-legal = Nota prawna
footer-source = Wolne oprogramowanie (AGPL)
language-menu = Język

tab-videos = Filmy
tab-channels = Kanały
tab-playlists = Playlisty
results-heading = Wyniki dla „{ $query }”
results-heading-browse = Wszystko, co zaindeksowano
results-count = { $count ->
    [0] brak wyników
    [one] { $count } wynik
    [few] { $count } wyniki
   *[many] { $count } wyników
}
results-empty-title = Brak wyników
results-empty-body = Nic nie pasuje do tych słów i filtrów. Spróbuj mniej lub innych słów, sprawdź pisownię albo zresetuj filtry.
results-empty-reset = Zresetuj filtry
results-past-end = Strona { $page } jest za ostatnią stroną ({ $last }).
results-last-page = Przejdź do ostatniej strony
results-sensitive-hidden = { $count ->
    [one] Ukryto { $count } wrażliwy wynik.
    [few] Ukryto { $count } wrażliwe wyniki.
   *[many] Ukryto { $count } wrażliwych wyników.
}
results-sensitive-show = Pokaż wrażliwe wyniki
sort-newest = Najpierw najnowsze

filters-heading = Filtry
filters-active = { $count ->
    [0] brak aktywnych filtrów
    [one] { $count } aktywny filtr
    [few] { $count } aktywne filtry
   *[many] { $count } aktywnych filtrów
}
filters-apply = Zastosuj filtry
filters-reset = Resetuj
filter-sort = Sortuj według
sort-match = Najlepsze dopasowanie
sort-recent = Najnowsze
sort-oldest = Najstarsze
sort-views = Najczęściej oglądane
sort-apply = Sortuj
filter-sensitive = Treści wrażliwe
sensitive-hide = Ukryj
sensitive-show = Pokaż
filter-live = Na żywo lub nie
live-any = Wszystkie filmy
live-live = Tylko na żywo
live-vod = Nie na żywo
filter-date = Opublikowano
date-any = Kiedykolwiek
date-today = Dzisiaj
date-7 = Ostatnie 7 dni
date-30 = Ostatnie 30 dni
date-365 = Ostatnie 365 dni
filter-duration = Długość
duration-any = Dowolna długość
duration-short = Krótkie (poniżej 4 min)
duration-medium = Średnie (od 4 do 10 min)
duration-long = Długie (ponad 10 min)
filter-category = Kategoria
filter-licence = Licencja
filter-language = Język
filter-any = Dowolny
filter-host = Instancja
filter-host-hint = np. video.example.org
filter-tags-all = Wszystkie te tagi
filter-tags-one = Jeden z tych tagów
filter-tags-hint = Oddziel tagi przecinkami

watch-on = Obejrzyj na { $host }
open-on = Otwórz na { $host }
by-channel = { $channel }, autor: { $account }
views = { $count ->
    [one] { $count } wyświetlenie
    [few] { $count } wyświetlenia
   *[many] { $count } wyświetleń
}
videos-count = { $count ->
    [one] { $count } film
    [few] { $count } filmy
   *[many] { $count } filmów
}
followers = { $count ->
    [one] { $count } obserwujący
   *[many] { $count } obserwujących
}
live-badge = Na żywo
sensitive-badge = Wrażliwe
published-on = Opublikowano { $date }
created-on = Utworzono { $date }
language-unknown = Nieznany język
duration-label = Długość

pagination = Strony
page-previous = Poprzednia
page-next = Następna
page-n = Strona { $n }
page-of = Strona { $page } z { $pages }

instances-title = Zaindeksowane instancje
instances-intro = { $name } przegląda { $count ->
    [one] { $count } instancję PeerTube
    [few] { $count } instancje PeerTube
   *[many] { $count } instancji PeerTube
}. Indeksowane są tylko treści publiczne; wyniki zawsze prowadzą z powrotem do instancji.
instances-host = Instancja
instances-name = Nazwa
instances-health = Stan
instances-last-crawl = Ostatnie pobranie
instances-documents = Dokumenty
instances-software = Oprogramowanie
instances-never = nigdy
health-ok = OK
health-failing = Błędy
health-unknown = Jeszcze nie pobrano
health-denied = Odmowa

error-title = Coś poszło nie tak
error-not-found = Ta strona nie istnieje.
error-bad-request = Nie udało się zrozumieć tego wyszukiwania: { $detail }
error-back = Wróć do wyszukiwania

month-1 = sty
month-2 = lut
month-3 = mar
month-4 = kwi
month-5 = maj
month-6 = cze
month-7 = lip
month-8 = sie
month-9 = wrz
month-10 = paź
month-11 = lis
month-12 = gru
date-format = { $day } { $month } { $year }

category-1 = Muzyka
category-2 = Filmy
category-3 = Pojazdy
category-4 = Sztuka
category-5 = Sport
category-6 = Podróże
category-7 = Gry
category-8 = Ludzie
category-9 = Komedia
category-10 = Rozrywka
category-11 = Wiadomości i polityka
category-12 = Poradniki
category-13 = Edukacja
category-14 = Aktywizm
category-15 = Nauka i technologia
category-16 = Zwierzęta
category-17 = Dzieci
category-18 = Jedzenie
licence-1 = Uznanie autorstwa
licence-2 = Uznanie autorstwa - Na tych samych warunkach
licence-3 = Uznanie autorstwa - Bez utworów zależnych
licence-4 = Uznanie autorstwa - Użycie niekomercyjne
licence-5 = Uznanie autorstwa - Użycie niekomercyjne - Na tych samych warunkach
licence-6 = Uznanie autorstwa - Użycie niekomercyjne - Bez utworów zależnych
licence-7 = Domena publiczna
lang-en = Angielski
lang-fr = Francuski
lang-ja = Japoński
lang-eu = Baskijski
lang-ca = Kataloński
lang-cs = Czeski
lang-eo = Esperanto
lang-el = Grecki
lang-de = Niemiecki
lang-it = Włoski
lang-nl = Niderlandzki
lang-es = Hiszpański
lang-oc = Oksytański
lang-gd = Gaelicki
lang-zh = Chiński
lang-pt = Portugalski
lang-sv = Szwedzki
lang-pl = Polski
lang-fi = Fiński
lang-ru = Rosyjski

# Events and groups (Mobilizon)
results-heading-events-near = Wydarzenia w pobliżu: { $place }
results-heading-groups-near = Grupy w pobliżu: { $place }
tab-events = Wydarzenia
tab-groups = Grupy
filter-place = Miejsce
filter-place-hint = Miasto lub miejscowość, np. Lyon albo London, Kanada
place-use-position = Użyj mojej lokalizacji
place-position-error = Twoja lokalizacja jest niedostępna.
place-near = W pobliżu: { $place }, w promieniu { $km } km.
place-near-position = W pobliżu Twojej lokalizacji ({ $place }), w promieniu { $km } km.
place-others = Inne miejsca o tej nazwie:
place-unknown = Nie znamy miejsca o nazwie „{ $place }”: pokazujemy wyniki z całego świata.
dates-zone = Daty liczone są według czasu { $zone }.
dates-utc = Nie wybrano miejsca: daty liczone są w UTC.
filter-radius = Odległość
radius-5 = 5 km
radius-10 = 10 km
radius-25 = 25 km
radius-50 = 50 km
radius-100 = 100 km
radius-250 = 250 km
filter-when = Data
when-any = Dowolna data
when-today = Dzisiaj
when-weekend = W ten weekend
when-week = W tym tygodniu
when-month = W tym miesiącu
when-range = Między datami poniżej
filter-from = Od
filter-to = Do
filter-range-hint = Dni włącznie, dla zakresu dat
filter-attend = Online lub na miejscu
attend-any = Oba
attend-online = Online
attend-inperson = Na miejscu
filter-status = Status
status-any = Dowolny status
status-confirmed = Potwierdzone
status-tentative = Wstępne
status-cancelled = Odwołane
sort-start-latest = Najpóźniej zaczynające się najpierw
sort-start-earliest = Najwcześniej zaczynające się najpierw
sort-upcoming = Najbliższe najpierw
sort-biggest = Największe najpierw
event-when = { $date }, { $time }
weekday-date = { $weekday }, { $date }
weekday-1 = pon.
weekday-2 = wt.
weekday-3 = śr.
weekday-4 = czw.
weekday-5 = pt.
weekday-6 = sob.
weekday-7 = niedz.
event-online = Online
event-by = Organizator: { $name }
participants = { $count ->
    [0] jeszcze brak uczestników
    [one] { $count } uczestnik
   *[many] { $count } uczestników
}
members = { $count ->
    [0] brak członków
    [one] { $count } członek
   *[many] { $count } członków
}
event-category-arts = Sztuka
event-category-book_clubs = Kluby książki
event-category-business = Biznes
event-category-causes = Sprawy społeczne
event-category-comedy = Komedia
event-category-crafts = Rękodzieło
event-category-food_drink = Jedzenie i picie
event-category-health = Zdrowie
event-category-music = Muzyka
event-category-auto_boat_air = Samochody, łodzie i samoloty
event-category-community = Społeczność
event-category-family_education = Rodzina i edukacja
event-category-fashion_beauty = Moda i uroda
event-category-film_media = Film i media
event-category-games = Gry
event-category-language_culture = Języki i kultura
event-category-learning = Nauka
event-category-lgbtq = LGBTQ
event-category-movements_politics = Ruchy i polityka
event-category-networking = Networking
event-category-party = Imprezy
event-category-performing_visual_arts = Sztuki sceniczne i wizualne
event-category-pets = Zwierzęta domowe
event-category-photography = Fotografia
event-category-outdoors_adventure = Natura i przygoda
event-category-spirituality_religion_beliefs = Duchowość, religia i przekonania
event-category-science_tech = Nauka i technologia
event-category-sports = Sport
event-category-theatre = Teatr
event-category-meeting = Spotkanie
## Moderation: the transparency page, the policy page, the report form.
moderation-title = Moderacja
moderation-intro = Każda decyzja moderacyjna podjęta przez ten indeks, obowiązująca lub uchylona, wraz z uzasadnieniem. Decyzja od razu ukrywa to, czego dotyczy, we wszystkich wynikach i wyłącza to z kolejnych pobrań.
moderation-api = To samo w formacie JSON
moderation-reports = Zgłoszenia od odwiedzających
moderation-reports-received = Otrzymane
moderation-reports-acted = Rozpatrzone
moderation-reports-pending = Oczekujące na przegląd
moderation-reports-dropped = Odrzucone (zbyt wiele oczekujących)
moderation-decisions = Decyzje
moderation-none = Na razie brak.
moderation-number = Nr
moderation-date = Data
moderation-action = Decyzja
moderation-level = Poziom
moderation-target = Cel
moderation-reason = Powód
moderation-text = Wyjaśnienie
moderation-status = Status
moderation-per-month = Blokady według miesiąca i powodu
moderation-month = Miesiąc
moderation-action-block = Blokada
moderation-action-lift = Uchylenie
moderation-lifts = Uchyla nr { $id }
moderation-until = Obowiązuje do { $date }
moderation-active = Obowiązuje
moderation-lifted-by = Uchylona przez nr { $id }
moderation-expired = Wygasła
level-instance = Instancja
level-account = Konto
level-channel = Kanał lub grupa
level-document = Dokument
kind-video = Film
kind-channel = Kanał
kind-playlist = Playlista
kind-event = Wydarzenie
kind-group = Grupa
reason-illegal-content = Treści nielegalne
reason-hate = Mowa nienawiści
reason-harassment = Nękanie
reason-spam = Spam
reason-impersonation = Podszywanie się
reason-off-policy = Niezgodne z zasadami indeksowania
reason-other = Inne
policy-title = Zasady indeksowania
policy-none = Operator nie napisał jeszcze zasad indeksowania.
report-link = Zgłoś
report-title = Zgłoś wynik
report-intro = Powiedz operatorom tego indeksu, co jest nie tak. Zgłoszenie samo niczego nie robi: przeczyta je człowiek i podejmie decyzję.
report-about = Dotyczy:
report-reason = Powód
report-text = Co jest nie tak (opcjonalnie)
report-contact = Kontakt (opcjonalnie)
report-contact-hint = Adres e-mail lub nazwa użytkownika, tylko jeśli chcesz otrzymać odpowiedź.
report-privacy = Nic o Tobie nie jest zapisywane: ani Twój adres, ani przeglądarka, ani żadne ciasteczko.
report-send = Wyślij zgłoszenie
report-thanks = Dziękujemy: Twoje zgłoszenie dotarło. Operatorzy się nim zajmą.
report-too-many = Zbyt wiele zgłoszeń z tego połączenia w ostatniej minucie: spróbuj ponownie później.
report-failed = Nie udało się zapisać zgłoszenia: spróbuj ponownie później.
report-bad-target = Ten link nie wskazuje niczego, co można zgłosić.
report-bad-form = Wybierz powód.
instances-listing = Umieszczenie na liście
instances-listed = Na liście
instances-blocked = Zablokowana: { $reason }

## filter chips
chips-heading = Aktywne filtry
chip-text = { $filter }: { $value }
chip-remove = Usuń filtr:
chips-clear = Wyczyść wszystkie filtry
chips-edit = Zmień filtry
