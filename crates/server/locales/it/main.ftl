# sepiola web page, Italian (Italiano). Same messages, order and comments
# as en/main.ftl.

language-name = Italiano
site-tagline = Cerca video, canali e playlist sulle istanze PeerTube.
home-intro = Cerca tra { $videos } video, { $channels } canali e { $playlists } playlist su { $hosts ->
    [one] un'istanza PeerTube indicizzata
   *[other] { $hosts } istanze PeerTube indicizzate
} da { $name }.
home-instances-link = Vedi l'elenco delle istanze indicizzate
home-indexing = Indicizzazione di { $done } istanze su { $total }…
home-fetching-list = Recupero dell'elenco delle istanze…
home-about = { $name } elenca solo i contenuti pubblici delle istanze presenti nel suo elenco pubblico. I risultati rimandano all'istanza che li ospita. Nulla delle tue ricerche viene registrato.
skip-to-content = Vai al contenuto
search-label = Ricerca
search-placeholder = Parola chiave, canale, video, playlist…
search-kept = Una nuova ricerca mantiene questi filtri e questo ordinamento.
search-kept-clear = Rimuovili
search-button = Cerca
nav-instances = Istanze
nav-moderation = Moderazione
nav-api = API
footer-privacy = Niente cookie, niente tracciamento: le tue ricerche non vengono registrate.
footer-legal = Note legali
footer-source = Software libero (AGPL)
language-menu = Lingua

tab-videos = Video
tab-channels = Canali
tab-playlists = Playlist
results-heading = Risultati per «{ $query }»
results-heading-browse = Tutto ciò che è indicizzato
results-count = { $count ->
    [0] nessun risultato
    [one] un risultato
   *[other] { $count } risultati
}
results-empty-title = Nessun risultato
results-empty-body = Niente corrisponde a queste parole e a questi filtri. Prova con meno parole o con parole diverse, controlla l'ortografia o reimposta i filtri.
results-empty-reset = Reimposta i filtri
results-past-end = La pagina { $page } è oltre l'ultima pagina ({ $last }).
results-last-page = Vai all'ultima pagina
results-sensitive-hidden = { $count ->
    [one] Un risultato sensibile nascosto.
   *[other] { $count } risultati sensibili nascosti.
}
results-sensitive-show = Mostra i risultati sensibili
sort-newest = Prima i più recenti

filters-heading = Filtri
filters-active = { $count ->
    [0] nessun filtro attivo
    [one] un filtro attivo
   *[other] { $count } filtri attivi
}
filters-apply = Applica i filtri
filters-reset = Reimposta
filter-sort = Ordina per
sort-match = Pertinenza
sort-recent = Più recenti
sort-oldest = Meno recenti
sort-views = Più visti
sort-apply = Ordina
filter-sensitive = Contenuti sensibili
sensitive-hide = Nascondi
sensitive-show = Mostra
filter-live = In diretta o no
live-any = Tutti i video
live-live = Solo dirette
live-vod = Non in diretta
filter-date = Pubblicazione
date-any = In qualsiasi momento
date-today = Oggi
date-7 = Ultimi 7 giorni
date-30 = Ultimi 30 giorni
date-365 = Ultimi 365 giorni
filter-duration = Durata
duration-any = Qualsiasi durata
duration-short = Breve (meno di 4 min)
duration-medium = Media (da 4 a 10 min)
duration-long = Lunga (oltre 10 min)
filter-category = Categoria
filter-licence = Licenza
filter-language = Lingua
filter-any = Qualsiasi
filter-host = Istanza
filter-host-hint = ad es. video.example.org
filter-tags-all = Tutti questi tag
filter-tags-one = Uno di questi tag
filter-tags-hint = Separa i tag con virgole

watch-on = Guarda su { $host }
open-on = Apri su { $host }
by-channel = { $channel } di { $account }
views = { $count ->
    [one] una visualizzazione
   *[other] { $count } visualizzazioni
}
videos-count = { $count ->
    [one] un video
   *[other] { $count } video
}
followers = { $count ->
    [one] un follower
   *[other] { $count } follower
}
live-badge = In diretta
sensitive-badge = Sensibile
published-on = Pubblicato il { $date }
created-on = Creato il { $date }
language-unknown = Lingua sconosciuta
duration-label = Durata

pagination = Pagine
page-previous = Precedente
page-next = Successiva
page-n = Pagina { $n }
page-of = Pagina { $page } di { $pages }

instances-title = Istanze indicizzate
instances-intro = { $name } esplora queste { $count } istanze PeerTube. Vengono indicizzati solo i contenuti pubblici; i risultati rimandano sempre all'istanza.
instances-host = Istanza
instances-name = Nome
instances-health = Stato
instances-last-crawl = Ultima scansione
instances-documents = Documenti
instances-software = Software
instances-never = mai
health-ok = OK
health-failing = In errore
health-unknown = Non ancora scansionata
health-denied = Rifiutata

error-title = Qualcosa è andato storto
error-not-found = Questa pagina non esiste.
error-bad-request = Questa ricerca non è comprensibile: { $detail }
error-back = Torna alla ricerca

month-1 = gen
month-2 = feb
month-3 = mar
month-4 = apr
month-5 = mag
month-6 = giu
month-7 = lug
month-8 = ago
month-9 = set
month-10 = ott
month-11 = nov
month-12 = dic
date-format = { $day } { $month } { $year }

category-1 = Musica
category-2 = Film
category-3 = Veicoli
category-4 = Arte
category-5 = Sport
category-6 = Viaggi
category-7 = Videogiochi
category-8 = Persone
category-9 = Comicità
category-10 = Intrattenimento
category-11 = Notizie e politica
category-12 = Tutorial
category-13 = Istruzione
category-14 = Attivismo
category-15 = Scienza e tecnologia
category-16 = Animali
category-17 = Bambini
category-18 = Cucina
licence-1 = Attribuzione
licence-2 = Attribuzione - Condividi allo stesso modo
licence-3 = Attribuzione - Non opere derivate
licence-4 = Attribuzione - Non commerciale
licence-5 = Attribuzione - Non commerciale - Condividi allo stesso modo
licence-6 = Attribuzione - Non commerciale - Non opere derivate
licence-7 = Pubblico dominio
lang-en = Inglese
lang-fr = Francese
lang-ja = Giapponese
lang-eu = Basco
lang-ca = Catalano
lang-cs = Ceco
lang-eo = Esperanto
lang-el = Greco
lang-de = Tedesco
lang-it = Italiano
lang-nl = Olandese
lang-es = Spagnolo
lang-oc = Occitano
lang-gd = Gaelico
lang-zh = Cinese
lang-pt = Portoghese
lang-sv = Svedese
lang-pl = Polacco
lang-fi = Finlandese
lang-ru = Russo

# Events and groups (Mobilizon)
results-heading-events-near = Eventi vicino a { $place }
results-heading-groups-near = Gruppi vicino a { $place }
tab-events = Eventi
tab-groups = Gruppi
filter-place = Luogo
filter-place-hint = Una città o un paese, ad es. Lyon o London, Canada
place-use-position = Usa la mia posizione
place-position-error = La tua posizione non è disponibile.
place-near = Vicino a { $place }, entro { $km } km.
place-near-position = Vicino alla tua posizione ({ $place }), entro { $km } km.
place-others = Altri luoghi con quel nome:
place-unknown = Nessun luogo chiamato «{ $place }» è noto: vengono mostrati risultati ovunque.
dates-zone = Le date sono calcolate nell'ora di { $zone }.
dates-utc = Nessun luogo scelto: le date sono calcolate in UTC.
filter-radius = Distanza
radius-5 = 5 km
radius-10 = 10 km
radius-25 = 25 km
radius-50 = 50 km
radius-100 = 100 km
radius-250 = 250 km
filter-when = Data
when-any = Qualsiasi data
when-today = Oggi
when-weekend = Questo fine settimana
when-week = Questa settimana
when-month = Questo mese
when-range = Tra le date qui sotto
filter-from = Dal
filter-to = Al
filter-range-hint = Giorni inclusi, per un intervallo di date
filter-attend = Online o in presenza
attend-any = Entrambi
attend-online = Online
attend-inperson = In presenza
filter-status = Stato
status-any = Qualsiasi stato
status-confirmed = Confermato
status-tentative = Provvisorio
status-cancelled = Annullato
sort-start-latest = Prima quelli che iniziano più tardi
sort-start-earliest = Prima quelli che iniziano prima
sort-upcoming = Prima i prossimi
sort-biggest = Prima i più grandi
event-when = { $date }, { $time }
weekday-date = { $weekday } { $date }
weekday-1 = lun
weekday-2 = mar
weekday-3 = mer
weekday-4 = gio
weekday-5 = ven
weekday-6 = sab
weekday-7 = dom
event-online = Online
event-by = Di { $name }
participants = { $count ->
    [0] ancora nessun partecipante
    [one] un partecipante
   *[other] { $count } partecipanti
}
members = { $count ->
    [0] nessun membro
    [one] un membro
   *[other] { $count } membri
}
event-category-arts = Arti
event-category-book_clubs = Club del libro
event-category-business = Affari
event-category-causes = Cause
event-category-comedy = Comicità
event-category-crafts = Artigianato
event-category-food_drink = Cibo e bevande
event-category-health = Salute
event-category-music = Musica
event-category-auto_boat_air = Auto, barche e aerei
event-category-community = Comunità
event-category-family_education = Famiglia e istruzione
event-category-fashion_beauty = Moda e bellezza
event-category-film_media = Cinema e media
event-category-games = Giochi
event-category-language_culture = Lingue e cultura
event-category-learning = Apprendimento
event-category-lgbtq = LGBTQ
event-category-movements_politics = Movimenti e politica
event-category-networking = Networking
event-category-party = Feste
event-category-performing_visual_arts = Arti performative e visive
event-category-pets = Animali domestici
event-category-photography = Fotografia
event-category-outdoors_adventure = Natura e avventura
event-category-spirituality_religion_beliefs = Spiritualità, religione e credenze
event-category-science_tech = Scienza e tecnologia
event-category-sports = Sport
event-category-theatre = Teatro
event-category-meeting = Incontro
## Moderation: the transparency page, the policy page, the report form.
moderation-title = Moderazione
moderation-intro = Ogni decisione di moderazione presa da questo indice, in vigore o revocata, con il suo motivo. Una decisione nasconde ciò che indica da tutti i risultati in una volta e lo esclude dalle scansioni successive.
moderation-api = Lo stesso in JSON
moderation-reports = Segnalazioni del pubblico
moderation-reports-received = Ricevute
moderation-reports-acted = Gestite
moderation-reports-pending = In attesa di revisione
moderation-reports-dropped = Scartate (troppe in attesa)
moderation-decisions = Decisioni
moderation-none = Nessuna finora.
moderation-number = N.
moderation-date = Data
moderation-action = Decisione
moderation-level = Livello
moderation-target = Obiettivo
moderation-reason = Motivo
moderation-text = Spiegazione
moderation-status = Stato
moderation-per-month = Blocchi per mese e motivo
moderation-month = Mese
moderation-action-block = Blocco
moderation-action-lift = Revoca
moderation-lifts = Revoca il n. { $id }
moderation-until = In vigore fino al { $date }
moderation-active = In vigore
moderation-lifted-by = Revocata dal n. { $id }
moderation-expired = Scaduta
level-instance = Istanza
level-account = Account
level-channel = Canale o gruppo
level-document = Documento
kind-video = Video
kind-channel = Canale
kind-playlist = Playlist
kind-event = Evento
kind-group = Gruppo
reason-illegal-content = Contenuto illegale
reason-hate = Odio
reason-harassment = Molestie
reason-spam = Spam
reason-impersonation = Furto d'identità
reason-off-policy = Contrario alla politica di indicizzazione
reason-other = Altro
policy-title = Politica di indicizzazione
policy-none = Il gestore non ha ancora scritto una politica di indicizzazione.
report-link = Segnala
report-title = Segnala un risultato
report-intro = Di' ai gestori di questo indice che cosa non va. Una segnalazione da sola non fa nulla: una persona la legge e decide.
report-about = Riguardo a:
report-reason = Motivo
report-text = Che cosa non va (facoltativo)
report-contact = Contatto (facoltativo)
report-contact-hint = Un indirizzo e-mail o un nome utente, solo se vuoi una risposta.
report-privacy = Nulla di te viene registrato: né il tuo indirizzo, né il tuo browser, né alcun cookie.
report-send = Invia la segnalazione
report-thanks = Grazie: la tua segnalazione è stata ricevuta. I gestori la esamineranno.
report-too-many = Troppe segnalazioni da questa connessione nell'ultimo minuto: riprova più tardi.
report-failed = Impossibile salvare la segnalazione: riprova più tardi.
report-bad-target = Questo link non indica nulla che si possa segnalare.
report-bad-form = Scegli un motivo.
instances-listing = Inclusione
instances-listed = Inclusa
instances-blocked = Bloccata: { $reason }

## filter chips
chips-heading = Filtri attivi
chip-text = { $filter }: { $value }
chip-remove = Rimuovi filtro:
chips-clear = Rimuovi tutti i filtri
chips-edit = Modifica filtri
