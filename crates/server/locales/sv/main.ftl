# sepiola web page, Swedish (Svenska). Same messages, order and comments
# as en/main.ftl.

language-name = Svenska
site-tagline = Sök videor, kanaler och spellistor på PeerTube-instanser.
home-intro = Sök bland { $videos } videor, { $channels } kanaler och { $playlists } spellistor på { $hosts ->
    [one] en PeerTube-instans
   *[other] { $hosts } PeerTube-instanser
}, indexerade av { $name }.
home-instances-link = Se listan över indexerade instanser
home-indexing = Indexerar { $done } av { $total } instanser…
home-fetching-list = Hämtar listan över instanser…
home-about = { $name } listar bara offentligt innehåll från instanserna på sin offentliga lista. Resultaten länkar till instansen som är värd för dem. Ingenting om dina sökningar sparas.
skip-to-content = Hoppa till innehållet
search-label = Sök
search-placeholder = Sökord, kanal, video, spellista…
search-kept = En ny sökning behåller de här filtren och den här sorteringen.
search-kept-clear = Rensa dem
search-button = Sök
nav-instances = Instanser
nav-moderation = Moderering
nav-api = API
footer-privacy = Inga kakor, ingen spårning: dina sökningar sparas inte.
footer-legal = Juridisk information
footer-source = Fri programvara (AGPL)
language-menu = Språk

tab-videos = Videor
tab-channels = Kanaler
tab-playlists = Spellistor
results-heading = Resultat för ”{ $query }”
results-heading-browse = Allt som är indexerat
results-count = { $count ->
    [0] inga resultat
    [one] ett resultat
   *[other] { $count } resultat
}
results-empty-title = Inga resultat
results-empty-body = Ingenting matchar de här orden och filtren. Prova färre eller andra ord, kontrollera stavningen eller återställ filtren.
results-empty-reset = Återställ filtren
results-past-end = Sidan { $page } ligger efter den sista sidan ({ $last }).
results-last-page = Gå till sista sidan
results-sensitive-hidden = { $count ->
    [one] Ett känsligt resultat dolt.
   *[other] { $count } känsliga resultat dolda.
}
results-sensitive-show = Visa känsliga resultat
sort-newest = Nyast först

filters-heading = Filter
filters-active = { $count ->
    [0] inget aktivt filter
    [one] ett aktivt filter
   *[other] { $count } aktiva filter
}
filters-apply = Använd filtren
filters-reset = Återställ
filter-sort = Sortera efter
sort-match = Bäst matchning
sort-recent = Senaste
sort-oldest = Äldsta
sort-views = Mest visade
sort-apply = Sortera
filter-sensitive = Känsligt innehåll
sensitive-hide = Dölj
sensitive-show = Visa
filter-live = Live eller inte
live-any = Alla videor
live-live = Bara live
live-vod = Inte live
filter-date = Publicerad
date-any = När som helst
date-today = I dag
date-7 = Senaste 7 dagarna
date-30 = Senaste 30 dagarna
date-365 = Senaste 365 dagarna
filter-duration = Längd
duration-any = Valfri längd
duration-short = Kort (under 4 min)
duration-medium = Medel (4 till 10 min)
duration-long = Lång (över 10 min)
filter-category = Kategori
filter-licence = Licens
filter-language = Språk
filter-any = Alla
filter-host = Instans
filter-host-hint = t.ex. video.example.org
filter-tags-all = Alla dessa taggar
filter-tags-one = En av dessa taggar
filter-tags-hint = Skilj taggar åt med kommatecken

watch-on = Titta på { $host }
open-on = Öppna på { $host }
by-channel = { $channel } av { $account }
views = { $count ->
    [one] en visning
   *[other] { $count } visningar
}
videos-count = { $count ->
    [one] en video
   *[other] { $count } videor
}
followers = { $count ->
    [one] en följare
   *[other] { $count } följare
}
live-badge = Live
sensitive-badge = Känsligt
published-on = Publicerad { $date }
created-on = Skapad { $date }
language-unknown = Okänt språk
duration-label = Längd

pagination = Sidor
page-previous = Föregående
page-next = Nästa
page-n = Sida { $n }
page-of = Sida { $page } av { $pages }

instances-title = Indexerade instanser
instances-intro = { $name } genomsöker de här { $count } PeerTube-instanserna. Bara offentligt innehåll indexeras; resultaten länkar alltid tillbaka till instansen.
instances-host = Instans
instances-name = Namn
instances-health = Hälsa
instances-last-crawl = Senast genomsökt
instances-documents = Dokument
instances-software = Programvara
instances-never = aldrig
health-ok = OK
health-failing = Fel
health-unknown = Inte genomsökt än
health-denied = Nekad

error-title = Något gick fel
error-not-found = Den här sidan finns inte.
error-bad-request = Den här sökningen gick inte att förstå: { $detail }
error-back = Tillbaka till sökningen

month-1 = jan.
month-2 = feb.
month-3 = mars
month-4 = apr.
month-5 = maj
month-6 = juni
month-7 = juli
month-8 = aug.
month-9 = sep.
month-10 = okt.
month-11 = nov.
month-12 = dec.
date-format = { $day } { $month } { $year }

category-1 = Musik
category-2 = Film
category-3 = Fordon
category-4 = Konst
category-5 = Sport
category-6 = Resor
category-7 = Spel
category-8 = Människor
category-9 = Humor
category-10 = Underhållning
category-11 = Nyheter och politik
category-12 = Gör det själv
category-13 = Utbildning
category-14 = Aktivism
category-15 = Vetenskap och teknik
category-16 = Djur
category-17 = Barn
category-18 = Mat
licence-1 = Erkännande
licence-2 = Erkännande - Dela lika
licence-3 = Erkännande - Inga bearbetningar
licence-4 = Erkännande - Icke-kommersiell
licence-5 = Erkännande - Icke-kommersiell - Dela lika
licence-6 = Erkännande - Icke-kommersiell - Inga bearbetningar
licence-7 = Allmän egendom
lang-en = Engelska
lang-fr = Franska
lang-ja = Japanska
lang-eu = Baskiska
lang-ca = Katalanska
lang-cs = Tjeckiska
lang-eo = Esperanto
lang-el = Grekiska
lang-de = Tyska
lang-it = Italienska
lang-nl = Nederländska
lang-es = Spanska
lang-oc = Occitanska
lang-gd = Gaeliska
lang-zh = Kinesiska
lang-pt = Portugisiska
lang-sv = Svenska
lang-pl = Polska
lang-fi = Finska
lang-ru = Ryska

# Events and groups (Mobilizon)
results-heading-events-near = Evenemang nära { $place }
results-heading-groups-near = Grupper nära { $place }
tab-events = Evenemang
tab-groups = Grupper
filter-place = Plats
filter-place-hint = En stad eller ort, t.ex. Lyon eller London, Kanada
place-use-position = Använd min position
place-position-error = Din position är inte tillgänglig.
place-near = Nära { $place }, inom { $km } km.
place-near-position = Nära din position ({ $place }), inom { $km } km.
place-others = Andra platser med det namnet:
place-unknown = Ingen plats som heter ”{ $place }” är känd: visar resultat från överallt.
dates-zone = Datum räknas i tidszonen { $zone }.
dates-utc = Ingen plats vald: datum räknas i UTC.
filter-radius = Avstånd
radius-5 = 5 km
radius-10 = 10 km
radius-25 = 25 km
radius-50 = 50 km
radius-100 = 100 km
radius-250 = 250 km
filter-when = Datum
when-any = Valfritt datum
when-today = I dag
when-weekend = I helgen
when-week = Den här veckan
when-month = Den här månaden
when-range = Mellan datumen nedan
filter-from = Från
filter-to = Till
filter-range-hint = Dagar som ingår, för ett datumintervall
filter-attend = Online eller på plats
attend-any = Båda
attend-online = Online
attend-inperson = På plats
filter-status = Status
status-any = Alla statusar
status-confirmed = Bekräftat
status-tentative = Preliminärt
status-cancelled = Inställt
sort-start-latest = Senaste start först
sort-start-earliest = Tidigaste start först
sort-upcoming = Kommande först
sort-biggest = Största först
event-when = { $date } { $time }
weekday-date = { $weekday } { $date }
weekday-1 = mån
weekday-2 = tis
weekday-3 = ons
weekday-4 = tors
weekday-5 = fre
weekday-6 = lör
weekday-7 = sön
event-online = Online
event-by = Av { $name }
participants = { $count ->
    [0] inga deltagare än
    [one] en deltagare
   *[other] { $count } deltagare
}
members = { $count ->
    [0] inga medlemmar
    [one] en medlem
   *[other] { $count } medlemmar
}
event-category-arts = Konst
event-category-book_clubs = Bokcirklar
event-category-business = Affärer
event-category-causes = Goda ändamål
event-category-comedy = Humor
event-category-crafts = Hantverk
event-category-food_drink = Mat och dryck
event-category-health = Hälsa
event-category-music = Musik
event-category-auto_boat_air = Bil, båt och flyg
event-category-community = Gemenskap
event-category-family_education = Familj och utbildning
event-category-fashion_beauty = Mode och skönhet
event-category-film_media = Film och medier
event-category-games = Spel
event-category-language_culture = Språk och kultur
event-category-learning = Lärande
event-category-lgbtq = HBTQ
event-category-movements_politics = Rörelser och politik
event-category-networking = Nätverkande
event-category-party = Fest
event-category-performing_visual_arts = Scenkonst och bildkonst
event-category-pets = Husdjur
event-category-photography = Fotografi
event-category-outdoors_adventure = Friluftsliv och äventyr
event-category-spirituality_religion_beliefs = Andlighet, religion och livsåskådning
event-category-science_tech = Vetenskap och teknik
event-category-sports = Sport
event-category-theatre = Teater
event-category-meeting = Möte
## Moderation: the transparency page, the policy page, the report form.
moderation-title = Moderering
moderation-intro = Varje modereringsbeslut som det här indexet har fattat, gällande eller upphävt, med sitt skäl. Ett beslut döljer det som det anger i alla resultat på en gång och håller det utanför senare genomsökningar.
moderation-api = Samma sak som JSON
moderation-reports = Anmälningar från allmänheten
moderation-reports-received = Mottagna
moderation-reports-acted = Åtgärdade
moderation-reports-pending = Väntar på granskning
moderation-reports-dropped = Kasserade (för många väntande)
moderation-decisions = Beslut
moderation-none = Inga än så länge.
moderation-number = Nr
moderation-date = Datum
moderation-action = Beslut
moderation-level = Nivå
moderation-target = Mål
moderation-reason = Skäl
moderation-text = Förklaring
moderation-status = Status
moderation-per-month = Blockeringar per månad och skäl
moderation-month = Månad
moderation-action-block = Blockering
moderation-action-lift = Upphävande
moderation-lifts = Upphäver nr { $id }
moderation-until = Gäller till { $date }
moderation-active = Gäller
moderation-lifted-by = Upphävt av nr { $id }
moderation-expired = Utgånget
level-instance = Instans
level-account = Konto
level-channel = Kanal eller grupp
level-document = Dokument
kind-video = Video
kind-channel = Kanal
kind-playlist = Spellista
kind-event = Evenemang
kind-group = Grupp
reason-illegal-content = Olagligt innehåll
reason-hate = Hat
reason-harassment = Trakasserier
reason-spam = Skräppost
reason-impersonation = Identitetsstöld
reason-off-policy = Strider mot indexeringspolicyn
reason-other = Annat
policy-title = Indexeringspolicy
policy-none = Operatören har inte skrivit någon indexeringspolicy än.
report-link = Anmäl
report-title = Anmäl ett resultat
report-intro = Berätta för operatörerna av det här indexet vad som är fel. En anmälan gör ingenting av sig själv: en människa läser den och beslutar.
report-about = Gäller:
report-reason = Skäl
report-text = Vad är fel (valfritt)
report-contact = Kontakt (valfritt)
report-contact-hint = En e-postadress eller ett användarnamn, bara om du vill ha svar.
report-privacy = Ingenting om dig sparas: varken din adress, din webbläsare eller någon kaka.
report-send = Skicka anmälan
report-thanks = Tack: din anmälan har tagits emot. Operatörerna kommer att titta på den.
report-too-many = För många anmälningar från den här anslutningen den senaste minuten: försök igen senare.
report-failed = Anmälan kunde inte sparas: försök igen senare.
report-bad-target = Den här länken anger inget som kan anmälas.
report-bad-form = Välj ett skäl.
instances-listing = Listning
instances-listed = Listad
instances-blocked = Blockerad: { $reason }

## filter chips
chips-heading = Aktiva filter
chip-text = { $filter }: { $value }
chip-remove = Ta bort filter:
chips-clear = Rensa alla filter
chips-edit = Ändra filter
