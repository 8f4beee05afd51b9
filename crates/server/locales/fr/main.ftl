# Page web de sepiola, en français.

language-name = Français
site-tagline = Cherchez des vidéos, des chaînes et des listes de lecture sur les instances PeerTube.
home-intro = Cherchez parmi { $videos } vidéos, { $channels } chaînes et { $playlists } listes de lecture sur { $hosts ->
    [one] une instance PeerTube
   *[other] { $hosts } instances PeerTube
} indexées par { $name }.
home-instances-link = Voir la liste des instances indexées
home-indexing = Indexation de { $done } instances sur { $total }…
home-fetching-list = Récupération de la liste des instances…
home-about = { $name } ne liste que le contenu public des instances de sa liste publique. Les résultats renvoient vers l’instance qui les héberge. Rien de vos recherches n’est enregistré.
skip-to-content = Aller au contenu
search-label = Recherche
search-placeholder = Mot-clé, chaîne, vidéo, liste de lecture…
search-kept = Une nouvelle recherche garde ces filtres et ce tri.
search-kept-clear = Les effacer
search-button = Chercher
nav-instances = Instances
nav-moderation = Modération
nav-api = API
footer-privacy = Ni cookie ni pistage : vos recherches ne sont pas enregistrées.
footer-legal = Mentions légales
footer-source = Logiciel libre (AGPL)
language-menu = Langue

tab-videos = Vidéos
tab-channels = Chaînes
tab-playlists = Listes
results-heading = Résultats pour « { $query } »
results-heading-browse = Tout le contenu indexé
results-count = { $count ->
    [0] aucun résultat
    [one] un résultat
   *[other] { $count } résultats
}
results-empty-title = Aucun résultat
results-empty-body = Rien ne correspond à ces mots et à ces filtres. Essayez moins de mots ou d’autres mots, vérifiez l’orthographe, ou réinitialisez les filtres.
results-empty-reset = Réinitialiser les filtres
results-past-end = La page { $page } est après la dernière page ({ $last }).
results-last-page = Aller à la dernière page
results-sensitive-hidden = { $count ->
    [one] Un résultat sensible masqué.
   *[other] { $count } résultats sensibles masqués.
}
results-sensitive-show = Afficher les résultats sensibles
sort-newest = Les plus récents d’abord

filters-heading = Filtres
filters-active = { $count ->
    [0] aucun filtre actif
    [one] un filtre actif
   *[other] { $count } filtres actifs
}
filters-apply = Appliquer les filtres
filters-reset = Réinitialiser
filter-sort = Trier par
sort-match = Pertinence
sort-recent = Les plus récents
sort-oldest = Les plus anciens
sort-views = Les plus vus
sort-apply = Trier
filter-sensitive = Contenu sensible
sensitive-hide = Masquer
sensitive-show = Afficher
filter-live = Direct ou non
live-any = Toutes les vidéos
live-live = Directs seulement
live-vod = Hors directs
filter-date = Publication
date-any = N’importe quand
date-today = Aujourd’hui
date-7 = 7 derniers jours
date-30 = 30 derniers jours
date-365 = 365 derniers jours
filter-duration = Durée
duration-any = Toutes durées
duration-short = Courte (moins de 4 min)
duration-medium = Moyenne (4 à 10 min)
duration-long = Longue (plus de 10 min)
filter-category = Catégorie
filter-licence = Licence
filter-language = Langue
filter-any = Toutes
filter-host = Instance
filter-host-hint = ex. video.example.org
filter-tags-all = Tous ces mots-clés
filter-tags-one = Un de ces mots-clés
filter-tags-hint = Séparez les mots-clés par des virgules

watch-on = Regarder sur { $host }
open-on = Ouvrir sur { $host }
by-channel = { $channel } par { $account }
views = { $count ->
    [0] aucune vue
    [one] une vue
   *[other] { $count } vues
}
videos-count = { $count ->
    [0] aucune vidéo
    [one] une vidéo
   *[other] { $count } vidéos
}
followers = { $count ->
    [0] aucun abonné
    [one] un abonné
   *[other] { $count } abonnés
}
live-badge = Direct
sensitive-badge = Sensible
published-on = Publiée le { $date }
created-on = Créée le { $date }
language-unknown = Langue inconnue
duration-label = Durée

pagination = Pages
page-previous = Précédente
page-next = Suivante
page-n = Page { $n }
page-of = Page { $page } sur { $pages }

instances-title = Instances indexées
instances-intro = { $name } parcourt ces { $count } instances PeerTube. Seul le contenu public est indexé ; les résultats renvoient toujours vers l’instance.
instances-host = Instance
instances-name = Nom
instances-health = État
instances-last-crawl = Dernier passage
instances-documents = Documents
instances-software = Logiciel
instances-never = jamais
health-ok = Bon
health-failing = En échec
health-unknown = Pas encore parcourue
health-denied = Refusée

error-title = Un problème est survenu
error-not-found = Cette page n’existe pas.
error-bad-request = Cette recherche n’a pas pu être comprise : { $detail }
error-back = Retour à la recherche

month-1 = janv.
month-2 = févr.
month-3 = mars
month-4 = avr.
month-5 = mai
month-6 = juin
month-7 = juil.
month-8 = août
month-9 = sept.
month-10 = oct.
month-11 = nov.
month-12 = déc.
date-format = { $day } { $month } { $year }

category-1 = Musique
category-2 = Films
category-3 = Véhicules
category-4 = Art
category-5 = Sports
category-6 = Voyages
category-7 = Jeux vidéo
category-8 = Personnes
category-9 = Humour
category-10 = Divertissement
category-11 = Actualités et politique
category-12 = Tutoriels
category-13 = Éducation
category-14 = Militantisme
category-15 = Sciences et technologies
category-16 = Animaux
category-17 = Enfants
category-18 = Cuisine
licence-1 = Attribution
licence-2 = Attribution – Partage dans les mêmes conditions
licence-3 = Attribution – Pas de modification
licence-4 = Attribution – Pas d’utilisation commerciale
licence-5 = Attribution – Pas d’utilisation commerciale – Partage dans les mêmes conditions
licence-6 = Attribution – Pas d’utilisation commerciale – Pas de modification
licence-7 = Domaine public
lang-en = Anglais
lang-fr = Français
lang-ja = Japonais
lang-eu = Basque
lang-ca = Catalan
lang-cs = Tchèque
lang-eo = Espéranto
lang-el = Grec
lang-de = Allemand
lang-it = Italien
lang-nl = Néerlandais
lang-es = Espagnol
lang-oc = Occitan
lang-gd = Gaélique
lang-zh = Chinois
lang-pt = Portugais
lang-sv = Suédois
lang-pl = Polonais
lang-fi = Finnois
lang-ru = Russe

# Events and groups (Mobilizon)
results-heading-events-near = Événements près de { $place }
results-heading-groups-near = Groupes près de { $place }
tab-events = Événements
tab-groups = Groupes
filter-place = Lieu
filter-place-hint = Une ville, par ex. Lyon ou London, Canada
place-use-position = Utiliser ma position
place-position-error = Votre position n’est pas disponible.
place-near = Près de { $place }, à { $km } km au plus.
place-near-position = Près de votre position ({ $place }), à { $km } km au plus.
place-others = Autres lieux de ce nom :
place-unknown = Aucun lieu nommé « { $place } » n’est connu : résultats de partout.
dates-zone = Les dates sont comptées à l’heure de { $zone }.
dates-utc = Aucun lieu choisi : les dates sont comptées en UTC.
filter-radius = Distance
radius-5 = 5 km
radius-10 = 10 km
radius-25 = 25 km
radius-50 = 50 km
radius-100 = 100 km
radius-250 = 250 km
filter-when = Date
when-any = Toutes les dates
when-today = Aujourd’hui
when-weekend = Ce week-end
when-week = Cette semaine
when-month = Ce mois-ci
when-range = Entre les dates ci-dessous
filter-from = Du
filter-to = Au
filter-range-hint = Jours inclus, pour une période
filter-attend = En ligne ou sur place
attend-any = Les deux
attend-online = En ligne
attend-inperson = Sur place
filter-status = Statut
status-any = Tous les statuts
status-confirmed = Confirmé
status-tentative = Provisoire
status-cancelled = Annulé
sort-start-latest = Début le plus tard d’abord
sort-start-earliest = Début le plus tôt d’abord
sort-upcoming = À venir d’abord
sort-biggest = Les plus grands d’abord
event-when = { $date } à { $time }
weekday-date = { $weekday } { $date }
weekday-1 = lun.
weekday-2 = mar.
weekday-3 = mer.
weekday-4 = jeu.
weekday-5 = ven.
weekday-6 = sam.
weekday-7 = dim.
event-online = En ligne
event-by = Par { $name }
participants = { $count ->
    [0] aucun participant pour l’instant
    [one] un participant
   *[other] { $count } participants
}
members = { $count ->
    [0] aucun membre
    [one] un membre
   *[other] { $count } membres
}
event-category-arts = Arts
event-category-book_clubs = Clubs de lecture
event-category-business = Entreprises
event-category-causes = Causes
event-category-comedy = Comédie
event-category-crafts = Artisanat
event-category-food_drink = Cuisine et boissons
event-category-health = Santé
event-category-music = Musique
event-category-auto_boat_air = Auto, bateau et aviation
event-category-community = Vie locale
event-category-family_education = Famille et éducation
event-category-fashion_beauty = Mode et beauté
event-category-film_media = Cinéma et médias
event-category-games = Jeux
event-category-language_culture = Langues et cultures
event-category-learning = Apprentissage
event-category-lgbtq = LGBTQ
event-category-movements_politics = Mouvements et politique
event-category-networking = Réseautage
event-category-party = Fête
event-category-performing_visual_arts = Arts du spectacle et arts visuels
event-category-pets = Animaux
event-category-photography = Photographie
event-category-outdoors_adventure = Plein air et aventure
event-category-spirituality_religion_beliefs = Spiritualité, religion et croyances
event-category-science_tech = Sciences et techniques
event-category-sports = Sports
event-category-theatre = Théâtre
event-category-meeting = Réunion
## Modération : la page de transparence, la politique d’indexation, le formulaire de signalement.
moderation-title = Modération
moderation-intro = Toutes les décisions de modération prises par cet index, en vigueur ou levées, avec leur motif. Une décision retire ce qu’elle vise de tous les résultats aussitôt et l’écarte des explorations suivantes.
moderation-api = La même chose en JSON
moderation-reports = Signalements du public
moderation-reports-received = Reçus
moderation-reports-acted = Suivis d’une décision
moderation-reports-pending = En attente d’examen
moderation-reports-dropped = Écartés (trop en attente)
moderation-decisions = Décisions
moderation-none = Aucune pour l’instant.
moderation-number = No
moderation-date = Date
moderation-action = Décision
moderation-level = Niveau
moderation-target = Cible
moderation-reason = Motif
moderation-text = Explication
moderation-status = État
moderation-per-month = Blocages par mois et par motif
moderation-month = Mois
moderation-action-block = Blocage
moderation-action-lift = Levée
moderation-lifts = Lève le no { $id }
moderation-until = En vigueur jusqu’au { $date }
moderation-active = En vigueur
moderation-lifted-by = Levé par le no { $id }
moderation-expired = Expiré
level-instance = Instance
level-account = Compte
level-channel = Chaîne ou groupe
level-document = Document
kind-video = Vidéo
kind-channel = Chaîne
kind-playlist = Liste de lecture
kind-event = Événement
kind-group = Groupe
reason-illegal-content = Contenu illégal
reason-hate = Haine
reason-harassment = Harcèlement
reason-spam = Spam
reason-impersonation = Usurpation d’identité
reason-off-policy = Contraire à la politique d’indexation
reason-other = Autre
policy-title = Politique d’indexation
policy-none = L’opérateur n’a pas encore rédigé de politique d’indexation.
report-link = Signaler
report-title = Signaler un résultat
report-intro = Dites aux opérateurs de cet index ce qui ne va pas. Un signalement n’a aucun effet par lui-même : une personne le lit et décide.
report-about = Objet :
report-reason = Motif
report-text = Ce qui ne va pas (facultatif)
report-contact = Contact (facultatif)
report-contact-hint = Une adresse électronique ou un identifiant, seulement si vous souhaitez une réponse.
report-privacy = Rien sur vous n’est enregistré : ni votre adresse, ni votre navigateur, ni aucun cookie.
report-send = Envoyer le signalement
report-thanks = Merci : votre signalement a bien été reçu. Les opérateurs vont l’examiner.
report-too-many = Trop de signalements depuis cette connexion dans la dernière minute : veuillez réessayer plus tard.
report-failed = Le signalement n’a pas pu être enregistré : veuillez réessayer plus tard.
report-bad-target = Ce lien ne désigne rien qui puisse être signalé.
report-bad-form = Veuillez choisir un motif.
instances-listing = Référencement
instances-listed = Référencée
instances-blocked = Bloquée : { $reason }

## filter chips
chips-heading = Filtres actifs
chip-text = { $filter } : { $value }
chip-remove = Retirer le filtre :
chips-clear = Retirer tous les filtres
chips-edit = Modifier les filtres
