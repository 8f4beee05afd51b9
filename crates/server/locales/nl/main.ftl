# sepiola web page, Dutch (Nederlands). Same messages, order and comments
# as en/main.ftl.

language-name = Nederlands
site-tagline = Zoek video's, kanalen en afspeellijsten op PeerTube-instanties.
home-intro = Doorzoek { $videos } video's, { $channels } kanalen en { $playlists } afspeellijsten op { $hosts ->
    [one] één PeerTube-instantie
   *[other] { $hosts } PeerTube-instanties
}, geïndexeerd door { $name }.
home-instances-link = Bekijk de lijst van geïndexeerde instanties
home-indexing = { $done } van { $total } instanties geïndexeerd…
home-fetching-list = De lijst van instanties wordt opgehaald…
home-about = { $name } toont alleen openbare inhoud van de instanties op zijn openbare lijst. Resultaten linken naar de instantie die ze host. Er wordt niets over uw zoekopdrachten bewaard.
skip-to-content = Naar de inhoud
search-label = Zoeken
search-placeholder = Trefwoord, kanaal, video, afspeellijst…
search-kept = Een nieuwe zoekopdracht behoudt deze filters en deze sortering.
search-kept-clear = Wissen
search-button = Zoeken
nav-instances = Instanties
nav-moderation = Moderatie
nav-api = API
footer-privacy = Geen cookies, geen tracking: uw zoekopdrachten worden niet bewaard.
footer-legal = Juridische informatie
footer-source = Vrije software (AGPL)
language-menu = Taal

tab-videos = Video's
tab-channels = Kanalen
tab-playlists = Afspeellijsten
results-heading = Resultaten voor ‘{ $query }’
results-heading-browse = Alles wat geïndexeerd is
results-count = { $count ->
    [0] geen resultaten
    [one] één resultaat
   *[other] { $count } resultaten
}
results-empty-title = Geen resultaten
results-empty-body = Niets komt overeen met deze woorden en filters. Probeer minder of andere woorden, controleer de spelling of zet de filters terug.
results-empty-reset = Filters terugzetten
results-past-end = Pagina { $page } ligt voorbij de laatste pagina ({ $last }).
results-last-page = Naar de laatste pagina
results-sensitive-hidden = { $count ->
    [one] Eén gevoelig resultaat verborgen.
   *[other] { $count } gevoelige resultaten verborgen.
}
results-sensitive-show = Gevoelige resultaten tonen
sort-newest = Nieuwste eerst

filters-heading = Filters
filters-active = { $count ->
    [0] geen actieve filters
    [one] één actieve filter
   *[other] { $count } actieve filters
}
filters-apply = Filters toepassen
filters-reset = Terugzetten
filter-sort = Sorteren op
sort-match = Beste overeenkomst
sort-recent = Recentste
sort-oldest = Oudste
sort-views = Meest bekeken
sort-apply = Sorteren
filter-sensitive = Gevoelige inhoud
sensitive-hide = Verbergen
sensitive-show = Tonen
filter-live = Live of niet
live-any = Alle video's
live-live = Alleen live
live-vod = Niet live
filter-date = Gepubliceerd
date-any = Altijd
date-today = Vandaag
date-7 = Afgelopen 7 dagen
date-30 = Afgelopen 30 dagen
date-365 = Afgelopen 365 dagen
filter-duration = Duur
duration-any = Elke duur
duration-short = Kort (minder dan 4 min)
duration-medium = Middellang (4 tot 10 min)
duration-long = Lang (meer dan 10 min)
filter-category = Categorie
filter-licence = Licentie
filter-language = Taal
filter-any = Alle
filter-host = Instantie
filter-host-hint = bijv. video.example.org
filter-tags-all = Al deze tags
filter-tags-one = Een van deze tags
filter-tags-hint = Scheid tags met komma's

watch-on = Bekijken op { $host }
open-on = Openen op { $host }
by-channel = { $channel } door { $account }
views = { $count ->
    [one] één weergave
   *[other] { $count } weergaven
}
videos-count = { $count ->
    [one] één video
   *[other] { $count } video's
}
followers = { $count ->
    [one] één volger
   *[other] { $count } volgers
}
live-badge = Live
sensitive-badge = Gevoelig
published-on = Gepubliceerd op { $date }
created-on = Aangemaakt op { $date }
language-unknown = Onbekende taal
duration-label = Duur

pagination = Pagina's
page-previous = Vorige
page-next = Volgende
page-n = Pagina { $n }
page-of = Pagina { $page } van { $pages }

instances-title = Geïndexeerde instanties
instances-intro = { $name } doorzoekt deze { $count } PeerTube-instanties. Alleen openbare inhoud wordt geïndexeerd; resultaten linken altijd terug naar de instantie.
instances-host = Instantie
instances-name = Naam
instances-health = Status
instances-last-crawl = Laatst opgehaald
instances-documents = Documenten
instances-software = Software
instances-never = nooit
health-ok = OK
health-failing = Mislukt
health-unknown = Nog niet opgehaald
health-denied = Geweigerd

error-title = Er ging iets mis
error-not-found = Deze pagina bestaat niet.
error-bad-request = Deze zoekopdracht is niet te begrijpen: { $detail }
error-back = Terug naar het zoeken

month-1 = jan
month-2 = feb
month-3 = mrt
month-4 = apr
month-5 = mei
month-6 = jun
month-7 = jul
month-8 = aug
month-9 = sep
month-10 = okt
month-11 = nov
month-12 = dec
date-format = { $day } { $month } { $year }

category-1 = Muziek
category-2 = Films
category-3 = Voertuigen
category-4 = Kunst
category-5 = Sport
category-6 = Reizen
category-7 = Gaming
category-8 = Mensen
category-9 = Humor
category-10 = Amusement
category-11 = Nieuws en politiek
category-12 = Zelf doen
category-13 = Onderwijs
category-14 = Activisme
category-15 = Wetenschap en technologie
category-16 = Dieren
category-17 = Kinderen
category-18 = Eten
licence-1 = Naamsvermelding
licence-2 = Naamsvermelding - Gelijk delen
licence-3 = Naamsvermelding - Geen afgeleide werken
licence-4 = Naamsvermelding - Niet commercieel
licence-5 = Naamsvermelding - Niet commercieel - Gelijk delen
licence-6 = Naamsvermelding - Niet commercieel - Geen afgeleide werken
licence-7 = Publiek domein
lang-en = Engels
lang-fr = Frans
lang-ja = Japans
lang-eu = Baskisch
lang-ca = Catalaans
lang-cs = Tsjechisch
lang-eo = Esperanto
lang-el = Grieks
lang-de = Duits
lang-it = Italiaans
lang-nl = Nederlands
lang-es = Spaans
lang-oc = Occitaans
lang-gd = Gaelisch
lang-zh = Chinees
lang-pt = Portugees
lang-sv = Zweeds
lang-pl = Pools
lang-fi = Fins
lang-ru = Russisch

# Events and groups (Mobilizon)
results-heading-events-near = Evenementen bij { $place }
results-heading-groups-near = Groepen bij { $place }
tab-events = Evenementen
tab-groups = Groepen
filter-place = Plaats
filter-place-hint = Een stad of dorp, bijv. Lyon of London, Canada
place-use-position = Mijn locatie gebruiken
place-position-error = Uw locatie is niet beschikbaar.
place-near = Bij { $place }, binnen { $km } km.
place-near-position = Bij uw locatie ({ $place }), binnen { $km } km.
place-others = Andere plaatsen met die naam:
place-unknown = Er is geen plaats met de naam ‘{ $place }’ bekend: resultaten van overal worden getoond.
dates-zone = Datums worden geteld in de tijd van { $zone }.
dates-utc = Geen plaats gekozen: datums worden geteld in UTC.
filter-radius = Afstand
radius-5 = 5 km
radius-10 = 10 km
radius-25 = 25 km
radius-50 = 50 km
radius-100 = 100 km
radius-250 = 250 km
filter-when = Datum
when-any = Elke datum
when-today = Vandaag
when-weekend = Dit weekend
when-week = Deze week
when-month = Deze maand
when-range = Tussen de datums hieronder
filter-from = Van
filter-to = Tot en met
filter-range-hint = Inbegrepen dagen, voor een periode
filter-attend = Online of op locatie
attend-any = Beide
attend-online = Online
attend-inperson = Op locatie
filter-status = Status
status-any = Elke status
status-confirmed = Bevestigd
status-tentative = Voorlopig
status-cancelled = Geannuleerd
sort-start-latest = Laatste begin eerst
sort-start-earliest = Vroegste begin eerst
sort-upcoming = Komende eerst
sort-biggest = Grootste eerst
event-when = { $date }, { $time }
weekday-date = { $weekday } { $date }
weekday-1 = ma
weekday-2 = di
weekday-3 = wo
weekday-4 = do
weekday-5 = vr
weekday-6 = za
weekday-7 = zo
event-online = Online
event-by = Door { $name }
participants = { $count ->
    [0] nog geen deelnemers
    [one] één deelnemer
   *[other] { $count } deelnemers
}
members = { $count ->
    [0] geen leden
    [one] één lid
   *[other] { $count } leden
}
event-category-arts = Kunst
event-category-book_clubs = Leesclubs
event-category-business = Zakelijk
event-category-causes = Goede doelen
event-category-comedy = Humor
event-category-crafts = Handwerk
event-category-food_drink = Eten en drinken
event-category-health = Gezondheid
event-category-music = Muziek
event-category-auto_boat_air = Auto, boot en vliegen
event-category-community = Gemeenschap
event-category-family_education = Gezin en onderwijs
event-category-fashion_beauty = Mode en schoonheid
event-category-film_media = Film en media
event-category-games = Spellen
event-category-language_culture = Taal en cultuur
event-category-learning = Leren
event-category-lgbtq = LHBTQ
event-category-movements_politics = Bewegingen en politiek
event-category-networking = Netwerken
event-category-party = Feest
event-category-performing_visual_arts = Podiumkunsten en beeldende kunst
event-category-pets = Huisdieren
event-category-photography = Fotografie
event-category-outdoors_adventure = Buiten en avontuur
event-category-spirituality_religion_beliefs = Spiritualiteit, religie en levensbeschouwing
event-category-science_tech = Wetenschap en technologie
event-category-sports = Sport
event-category-theatre = Theater
event-category-meeting = Bijeenkomst
## Moderation: the transparency page, the policy page, the report form.
moderation-title = Moderatie
moderation-intro = Elk moderatiebesluit dat deze index heeft genomen, van kracht of opgeheven, met de reden. Een besluit verbergt wat het noemt in één keer uit alle resultaten en houdt het buiten latere ophaalrondes.
moderation-api = Hetzelfde als JSON
moderation-reports = Meldingen van het publiek
moderation-reports-received = Ontvangen
moderation-reports-acted = Afgehandeld
moderation-reports-pending = Wachten op beoordeling
moderation-reports-dropped = Vervallen (te veel wachtend)
moderation-decisions = Besluiten
moderation-none = Nog geen.
moderation-number = Nr.
moderation-date = Datum
moderation-action = Besluit
moderation-level = Niveau
moderation-target = Doel
moderation-reason = Reden
moderation-text = Toelichting
moderation-status = Status
moderation-per-month = Blokkades per maand en reden
moderation-month = Maand
moderation-action-block = Blokkade
moderation-action-lift = Opheffing
moderation-lifts = Heft nr. { $id } op
moderation-until = Van kracht tot { $date }
moderation-active = Van kracht
moderation-lifted-by = Opgeheven door nr. { $id }
moderation-expired = Verlopen
level-instance = Instantie
level-account = Account
level-channel = Kanaal of groep
level-document = Document
kind-video = Video
kind-channel = Kanaal
kind-playlist = Afspeellijst
kind-event = Evenement
kind-group = Groep
reason-illegal-content = Illegale inhoud
reason-hate = Haat
reason-harassment = Intimidatie
reason-spam = Spam
reason-impersonation = Imitatie
reason-off-policy = In strijd met het indexeringsbeleid
reason-other = Anders
policy-title = Indexeringsbeleid
policy-none = De beheerder heeft nog geen indexeringsbeleid geschreven.
report-link = Melden
report-title = Een resultaat melden
report-intro = Laat de beheerders van deze index weten wat er mis is. Een melding doet zelf niets: een mens leest haar en beslist.
report-about = Over:
report-reason = Reden
report-text = Wat is er mis (optioneel)
report-contact = Contact (optioneel)
report-contact-hint = Een e-mailadres of gebruikersnaam, alleen als u een antwoord wilt.
report-privacy = Er wordt niets over u bewaard: niet uw adres, niet uw browser en geen cookie.
report-send = Melding versturen
report-thanks = Bedankt: uw melding is ontvangen. De beheerders zullen ernaar kijken.
report-too-many = Te veel meldingen vanaf deze verbinding in de afgelopen minuut: probeer het later opnieuw.
report-failed = De melding kon niet worden opgeslagen: probeer het later opnieuw.
report-bad-target = Deze link noemt niets wat gemeld kan worden.
report-bad-form = Kies een reden.
instances-listing = Opname
instances-listed = Opgenomen
instances-blocked = Geblokkeerd: { $reason }

## filter chips
chips-heading = Actieve filters
chip-text = { $filter }: { $value }
chip-remove = Filter verwijderen:
chips-clear = Alle filters wissen
chips-edit = Filters wijzigen
