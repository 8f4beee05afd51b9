# sepiola web page, German (Deutsch). Same messages, order and comments as
# en/main.ftl.

language-name = Deutsch
site-tagline = Videos, Kanäle und Playlists auf PeerTube-Instanzen durchsuchen.
home-intro = Durchsuchen Sie { $videos } Videos, { $channels } Kanäle und { $playlists } Playlists auf { $hosts ->
    [one] einer PeerTube-Instanz
   *[other] { $hosts } PeerTube-Instanzen
}, indexiert von { $name }.
home-instances-link = Liste der indexierten Instanzen ansehen
home-indexing = { $done } von { $total } Instanzen indexiert …
home-fetching-list = Liste der Instanzen wird abgerufen …
home-about = { $name } listet nur öffentliche Inhalte der Instanzen auf seiner öffentlichen Liste. Die Ergebnisse verweisen auf die Instanz, auf der sie liegen. Ihre Suchen werden nicht gespeichert.
skip-to-content = Zum Inhalt springen
search-label = Suche
search-placeholder = Stichwort, Kanal, Video, Playlist …
search-kept = Eine neue Suche behält diese Filter und diese Sortierung.
search-kept-clear = Zurücksetzen
search-button = Suchen
nav-instances = Instanzen
nav-moderation = Moderation
nav-api = API
footer-privacy = Keine Cookies, kein Tracking: Ihre Suchen werden nicht gespeichert.
footer-legal = Impressum
footer-source = Freie Software (AGPL)
language-menu = Sprache

tab-videos = Videos
tab-channels = Kanäle
tab-playlists = Playlists
results-heading = Ergebnisse für „{ $query }“
results-heading-browse = Alles Indexierte
results-count = { $count ->
    [0] kein Ergebnis
    [one] ein Ergebnis
   *[other] { $count } Ergebnisse
}
results-empty-title = Keine Ergebnisse
results-empty-body = Nichts passt zu diesen Wörtern und Filtern. Versuchen Sie weniger oder andere Wörter, prüfen Sie die Schreibweise oder setzen Sie die Filter zurück.
results-empty-reset = Filter zurücksetzen
results-past-end = Seite { $page } liegt hinter der letzten Seite ({ $last }).
results-last-page = Zur letzten Seite
results-sensitive-hidden = { $count ->
    [one] Ein heikles Ergebnis ausgeblendet.
   *[other] { $count } heikle Ergebnisse ausgeblendet.
}
results-sensitive-show = Heikle Ergebnisse anzeigen
sort-newest = Neueste zuerst

filters-heading = Filter
filters-active = { $count ->
    [0] kein aktiver Filter
    [one] ein aktiver Filter
   *[other] { $count } aktive Filter
}
filters-apply = Filter anwenden
filters-reset = Zurücksetzen
filter-sort = Sortieren nach
sort-match = Beste Treffer
sort-recent = Neueste
sort-oldest = Älteste
sort-views = Meistgesehen
sort-apply = Sortieren
filter-sensitive = Heikle Inhalte
sensitive-hide = Ausblenden
sensitive-show = Anzeigen
filter-live = Live oder nicht
live-any = Alle Videos
live-live = Nur live
live-vod = Nicht live
filter-date = Veröffentlicht
date-any = Jederzeit
date-today = Heute
date-7 = Letzte 7 Tage
date-30 = Letzte 30 Tage
date-365 = Letzte 365 Tage
filter-duration = Dauer
duration-any = Beliebige Dauer
duration-short = Kurz (unter 4 Min.)
duration-medium = Mittel (4 bis 10 Min.)
duration-long = Lang (über 10 Min.)
filter-category = Kategorie
filter-licence = Lizenz
filter-language = Sprache
filter-any = Beliebig
filter-host = Instanz
filter-host-hint = z. B. video.example.org
filter-tags-all = Alle diese Tags
filter-tags-one = Einer dieser Tags
filter-tags-hint = Tags durch Kommas trennen

watch-on = Auf { $host } ansehen
open-on = Auf { $host } öffnen
by-channel = { $channel } von { $account }
views = { $count ->
    [one] ein Aufruf
   *[other] { $count } Aufrufe
}
videos-count = { $count ->
    [one] ein Video
   *[other] { $count } Videos
}
followers = { $count ->
    [one] ein Follower
   *[other] { $count } Follower
}
live-badge = Live
sensitive-badge = Heikel
published-on = Veröffentlicht am { $date }
created-on = Erstellt am { $date }
language-unknown = Unbekannte Sprache
duration-label = Dauer

pagination = Seiten
page-previous = Zurück
page-next = Weiter
page-n = Seite { $n }
page-of = Seite { $page } von { $pages }

instances-title = Indexierte Instanzen
instances-intro = { $name } durchsucht diese { $count } PeerTube-Instanzen. Nur öffentliche Inhalte werden indexiert; die Ergebnisse verweisen immer auf die Instanz zurück.
instances-host = Instanz
instances-name = Name
instances-health = Zustand
instances-last-crawl = Zuletzt abgerufen
instances-documents = Dokumente
instances-software = Software
instances-never = nie
health-ok = OK
health-failing = Fehlerhaft
health-unknown = Noch nicht abgerufen
health-denied = Abgelehnt

error-title = Etwas ist schiefgelaufen
error-not-found = Diese Seite gibt es nicht.
error-bad-request = Diese Suche ist nicht verständlich: { $detail }
error-back = Zurück zur Suche

month-1 = Jan.
month-2 = Feb.
month-3 = März
month-4 = Apr.
month-5 = Mai
month-6 = Juni
month-7 = Juli
month-8 = Aug.
month-9 = Sept.
month-10 = Okt.
month-11 = Nov.
month-12 = Dez.
date-format = { $day }. { $month } { $year }

category-1 = Musik
category-2 = Filme
category-3 = Fahrzeuge
category-4 = Kunst
category-5 = Sport
category-6 = Reisen
category-7 = Spiele
category-8 = Menschen
category-9 = Comedy
category-10 = Unterhaltung
category-11 = Nachrichten & Politik
category-12 = Anleitungen
category-13 = Bildung
category-14 = Aktivismus
category-15 = Wissenschaft & Technik
category-16 = Tiere
category-17 = Kinder
category-18 = Essen
licence-1 = Namensnennung
licence-2 = Namensnennung - Weitergabe unter gleichen Bedingungen
licence-3 = Namensnennung - Keine Bearbeitungen
licence-4 = Namensnennung - Nicht kommerziell
licence-5 = Namensnennung - Nicht kommerziell - Weitergabe unter gleichen Bedingungen
licence-6 = Namensnennung - Nicht kommerziell - Keine Bearbeitungen
licence-7 = Gemeinfrei
lang-en = Englisch
lang-fr = Französisch
lang-ja = Japanisch
lang-eu = Baskisch
lang-ca = Katalanisch
lang-cs = Tschechisch
lang-eo = Esperanto
lang-el = Griechisch
lang-de = Deutsch
lang-it = Italienisch
lang-nl = Niederländisch
lang-es = Spanisch
lang-oc = Okzitanisch
lang-gd = Gälisch
lang-zh = Chinesisch
lang-pt = Portugiesisch
lang-sv = Schwedisch
lang-pl = Polnisch
lang-fi = Finnisch
lang-ru = Russisch

# Events and groups (Mobilizon)
results-heading-events-near = Veranstaltungen in der Nähe von { $place }
results-heading-groups-near = Gruppen in der Nähe von { $place }
tab-events = Veranstaltungen
tab-groups = Gruppen
filter-place = Ort
filter-place-hint = Eine Stadt oder Gemeinde, z. B. Lyon oder London, Kanada
place-use-position = Meinen Standort verwenden
place-position-error = Ihr Standort ist nicht verfügbar.
place-near = In der Nähe von { $place }, im Umkreis von { $km } km.
place-near-position = In der Nähe Ihres Standorts ({ $place }), im Umkreis von { $km } km.
place-others = Andere Orte mit diesem Namen:
place-unknown = Kein Ort namens „{ $place }“ bekannt: Ergebnisse von überall werden gezeigt.
dates-zone = Daten in der Zeitzone { $zone }.
dates-utc = Kein Ort gewählt: Daten in UTC.
filter-radius = Entfernung
radius-5 = 5 km
radius-10 = 10 km
radius-25 = 25 km
radius-50 = 50 km
radius-100 = 100 km
radius-250 = 250 km
filter-when = Datum
when-any = Beliebiges Datum
when-today = Heute
when-weekend = Dieses Wochenende
when-week = Diese Woche
when-month = Diesen Monat
when-range = Zwischen den Daten unten
filter-from = Von
filter-to = Bis
filter-range-hint = Eingeschlossene Tage, für einen Zeitraum
filter-attend = Online oder vor Ort
attend-any = Beides
attend-online = Online
attend-inperson = Vor Ort
filter-status = Status
status-any = Beliebiger Status
status-confirmed = Bestätigt
status-tentative = Vorläufig
status-cancelled = Abgesagt
sort-start-latest = Späteste zuerst
sort-start-earliest = Früheste zuerst
sort-upcoming = Bevorstehende zuerst
sort-biggest = Größte zuerst
event-when = { $date }, { $time }
weekday-date = { $weekday }, { $date }
weekday-1 = Mo.
weekday-2 = Di.
weekday-3 = Mi.
weekday-4 = Do.
weekday-5 = Fr.
weekday-6 = Sa.
weekday-7 = So.
event-online = Online
event-by = Von { $name }
participants = { $count ->
    [0] noch keine Teilnehmenden
    [one] eine teilnehmende Person
   *[other] { $count } Teilnehmende
}
members = { $count ->
    [0] keine Mitglieder
    [one] ein Mitglied
   *[other] { $count } Mitglieder
}
event-category-arts = Kunst
event-category-book_clubs = Buchclubs
event-category-business = Wirtschaft
event-category-causes = Gute Zwecke
event-category-comedy = Comedy
event-category-crafts = Handwerk
event-category-food_drink = Essen & Trinken
event-category-health = Gesundheit
event-category-music = Musik
event-category-auto_boat_air = Auto, Boot & Flug
event-category-community = Gemeinschaft
event-category-family_education = Familie & Bildung
event-category-fashion_beauty = Mode & Schönheit
event-category-film_media = Film & Medien
event-category-games = Spiele
event-category-language_culture = Sprache & Kultur
event-category-learning = Lernen
event-category-lgbtq = LGBTQ
event-category-movements_politics = Bewegungen & Politik
event-category-networking = Networking
event-category-party = Party
event-category-performing_visual_arts = Darstellende & bildende Kunst
event-category-pets = Haustiere
event-category-photography = Fotografie
event-category-outdoors_adventure = Natur & Abenteuer
event-category-spirituality_religion_beliefs = Spiritualität, Religion & Weltanschauung
event-category-science_tech = Wissenschaft & Technik
event-category-sports = Sport
event-category-theatre = Theater
event-category-meeting = Treffen
## Moderation: the transparency page, the policy page, the report form.
moderation-title = Moderation
moderation-intro = Jede Moderationsentscheidung dieses Index, ob in Kraft oder aufgehoben, mit ihrer Begründung. Eine Entscheidung blendet das Genannte sofort in allen Ergebnissen aus und hält es aus späteren Abrufen heraus.
moderation-api = Dasselbe als JSON
moderation-reports = Meldungen aus der Öffentlichkeit
moderation-reports-received = Eingegangen
moderation-reports-acted = Bearbeitet
moderation-reports-pending = Warten auf Prüfung
moderation-reports-dropped = Verworfen (zu viele wartend)
moderation-decisions = Entscheidungen
moderation-none = Bisher keine.
moderation-number = Nr.
moderation-date = Datum
moderation-action = Entscheidung
moderation-level = Ebene
moderation-target = Ziel
moderation-reason = Grund
moderation-text = Erläuterung
moderation-status = Status
moderation-per-month = Sperren pro Monat und Grund
moderation-month = Monat
moderation-action-block = Sperre
moderation-action-lift = Aufhebung
moderation-lifts = Hebt Nr. { $id } auf
moderation-until = In Kraft bis { $date }
moderation-active = In Kraft
moderation-lifted-by = Aufgehoben durch Nr. { $id }
moderation-expired = Abgelaufen
level-instance = Instanz
level-account = Konto
level-channel = Kanal oder Gruppe
level-document = Dokument
kind-video = Video
kind-channel = Kanal
kind-playlist = Playlist
kind-event = Veranstaltung
kind-group = Gruppe
reason-illegal-content = Illegale Inhalte
reason-hate = Hass
reason-harassment = Belästigung
reason-spam = Spam
reason-impersonation = Identitätsmissbrauch
reason-off-policy = Gegen die Indexierungsrichtlinie
reason-other = Sonstiges
policy-title = Indexierungsrichtlinie
policy-none = Der Betreiber hat noch keine Indexierungsrichtlinie verfasst.
report-link = Melden
report-title = Ein Ergebnis melden
report-intro = Teilen Sie den Betreibern dieses Index mit, was nicht stimmt. Eine Meldung bewirkt von selbst nichts: Ein Mensch liest sie und entscheidet.
report-about = Betrifft:
report-reason = Grund
report-text = Was stimmt nicht (optional)
report-contact = Kontakt (optional)
report-contact-hint = Eine E-Mail-Adresse oder ein Benutzername, nur wenn Sie eine Antwort wünschen.
report-privacy = Nichts über Sie wird gespeichert: weder Ihre Adresse noch Ihr Browser noch ein Cookie.
report-send = Meldung senden
report-thanks = Danke: Ihre Meldung ist eingegangen. Die Betreiber werden sie sich ansehen.
report-too-many = Zu viele Meldungen von dieser Verbindung in der letzten Minute: Bitte versuchen Sie es später erneut.
report-failed = Die Meldung konnte nicht gespeichert werden: Bitte versuchen Sie es später erneut.
report-bad-target = Dieser Link benennt nichts, was gemeldet werden kann.
report-bad-form = Bitte wählen Sie einen Grund.
instances-listing = Aufnahme
instances-listed = Aufgenommen
instances-blocked = Gesperrt: { $reason }

## filter chips
chips-heading = Aktive Filter
chip-text = { $filter }: { $value }
chip-remove = Filter entfernen:
chips-clear = Alle Filter entfernen
chips-edit = Filter ändern
