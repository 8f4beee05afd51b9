# sepiola web page, Spanish (Español). Same messages, order and comments
# as en/main.ftl.

language-name = Español
site-tagline = Busca vídeos, canales y listas de reproducción en las instancias de PeerTube.
home-intro = Busca entre { $videos } vídeos, { $channels } canales y { $playlists } listas de reproducción de { $hosts ->
    [one] una instancia de PeerTube indexada
   *[other] { $hosts } instancias de PeerTube indexadas
} por { $name }.
home-instances-link = Ver la lista de instancias indexadas
home-indexing = Indexando { $done } de { $total } instancias…
home-fetching-list = Obteniendo la lista de instancias…
home-about = { $name } solo muestra el contenido público de las instancias de su lista pública. Los resultados enlazan con la instancia que los aloja. No se registra nada de tus búsquedas.
skip-to-content = Saltar al contenido
search-label = Búsqueda
search-placeholder = Palabra clave, canal, vídeo, lista…
search-kept = Una nueva búsqueda conserva estos filtros y este orden.
search-kept-clear = Quitarlos
search-button = Buscar
nav-instances = Instancias
nav-moderation = Moderación
nav-api = API
footer-privacy = Sin cookies ni rastreo: tus búsquedas no se registran.
footer-legal = Aviso legal
footer-source = Software libre (AGPL)
language-menu = Idioma

tab-videos = Vídeos
tab-channels = Canales
tab-playlists = Listas
results-heading = Resultados para «{ $query }»
results-heading-browse = Todo lo indexado
results-count = { $count ->
    [0] ningún resultado
    [one] un resultado
   *[other] { $count } resultados
}
results-empty-title = Sin resultados
results-empty-body = Nada coincide con estas palabras y filtros. Prueba con menos palabras o con otras, revisa la ortografía o restablece los filtros.
results-empty-reset = Restablecer los filtros
results-past-end = La página { $page } está más allá de la última página ({ $last }).
results-last-page = Ir a la última página
results-sensitive-hidden = { $count ->
    [one] Un resultado sensible oculto.
   *[other] { $count } resultados sensibles ocultos.
}
results-sensitive-show = Mostrar los resultados sensibles
sort-newest = Más recientes primero

filters-heading = Filtros
filters-active = { $count ->
    [0] ningún filtro activo
    [one] un filtro activo
   *[other] { $count } filtros activos
}
filters-apply = Aplicar los filtros
filters-reset = Restablecer
filter-sort = Ordenar por
sort-match = Más relevantes
sort-recent = Más recientes
sort-oldest = Más antiguos
sort-views = Más vistos
sort-apply = Ordenar
filter-sensitive = Contenido sensible
sensitive-hide = Ocultar
sensitive-show = Mostrar
filter-live = En directo o no
live-any = Todos los vídeos
live-live = Solo en directo
live-vod = No en directo
filter-date = Publicación
date-any = Cualquier fecha
date-today = Hoy
date-7 = Últimos 7 días
date-30 = Últimos 30 días
date-365 = Últimos 365 días
filter-duration = Duración
duration-any = Cualquier duración
duration-short = Corta (menos de 4 min)
duration-medium = Media (de 4 a 10 min)
duration-long = Larga (más de 10 min)
filter-category = Categoría
filter-licence = Licencia
filter-language = Idioma
filter-any = Cualquiera
filter-host = Instancia
filter-host-hint = p. ej. video.example.org
filter-tags-all = Todas estas etiquetas
filter-tags-one = Una de estas etiquetas
filter-tags-hint = Separa las etiquetas con comas

watch-on = Ver en { $host }
open-on = Abrir en { $host }
by-channel = { $channel }, de { $account }
views = { $count ->
    [one] una visualización
   *[other] { $count } visualizaciones
}
videos-count = { $count ->
    [one] un vídeo
   *[other] { $count } vídeos
}
followers = { $count ->
    [one] un seguidor
   *[other] { $count } seguidores
}
live-badge = En directo
sensitive-badge = Sensible
published-on = Publicado el { $date }
created-on = Creado el { $date }
language-unknown = Idioma desconocido
duration-label = Duración

pagination = Páginas
page-previous = Anterior
page-next = Siguiente
page-n = Página { $n }
page-of = Página { $page } de { $pages }

instances-title = Instancias indexadas
instances-intro = { $name } rastrea estas { $count } instancias de PeerTube. Solo se indexa el contenido público; los resultados siempre enlazan con la instancia.
instances-host = Instancia
instances-name = Nombre
instances-health = Estado
instances-last-crawl = Último rastreo
instances-documents = Documentos
instances-software = Software
instances-never = nunca
health-ok = Correcto
health-failing = Con fallos
health-unknown = Aún no rastreada
health-denied = Denegada

error-title = Algo salió mal
error-not-found = Esta página no existe.
error-bad-request = No se ha podido entender esta búsqueda: { $detail }
error-back = Volver a la búsqueda

month-1 = ene
month-2 = feb
month-3 = mar
month-4 = abr
month-5 = may
month-6 = jun
month-7 = jul
month-8 = ago
month-9 = sept
month-10 = oct
month-11 = nov
month-12 = dic
date-format = { $day } { $month } { $year }

category-1 = Música
category-2 = Películas
category-3 = Vehículos
category-4 = Arte
category-5 = Deportes
category-6 = Viajes
category-7 = Videojuegos
category-8 = Gente
category-9 = Humor
category-10 = Entretenimiento
category-11 = Noticias y política
category-12 = Tutoriales
category-13 = Educación
category-14 = Activismo
category-15 = Ciencia y tecnología
category-16 = Animales
category-17 = Niños
category-18 = Cocina
licence-1 = Atribución
licence-2 = Atribución - Compartir igual
licence-3 = Atribución - Sin derivadas
licence-4 = Atribución - No comercial
licence-5 = Atribución - No comercial - Compartir igual
licence-6 = Atribución - No comercial - Sin derivadas
licence-7 = Dominio público
lang-en = Inglés
lang-fr = Francés
lang-ja = Japonés
lang-eu = Euskera
lang-ca = Catalán
lang-cs = Checo
lang-eo = Esperanto
lang-el = Griego
lang-de = Alemán
lang-it = Italiano
lang-nl = Neerlandés
lang-es = Español
lang-oc = Occitano
lang-gd = Gaélico
lang-zh = Chino
lang-pt = Portugués
lang-sv = Sueco
lang-pl = Polaco
lang-fi = Finés
lang-ru = Ruso

# Events and groups (Mobilizon)
results-heading-events-near = Eventos cerca de { $place }
results-heading-groups-near = Grupos cerca de { $place }
tab-events = Eventos
tab-groups = Grupos
filter-place = Lugar
filter-place-hint = Una ciudad o un pueblo, p. ej. Lyon o London, Canadá
place-use-position = Usar mi ubicación
place-position-error = Tu ubicación no está disponible.
place-near = Cerca de { $place }, a menos de { $km } km.
place-near-position = Cerca de tu ubicación ({ $place }), a menos de { $km } km.
place-others = Otros lugares con ese nombre:
place-unknown = No se conoce ningún lugar llamado «{ $place }»: se muestran resultados de todas partes.
dates-zone = Las fechas se cuentan en la hora de { $zone }.
dates-utc = Ningún lugar elegido: las fechas se cuentan en UTC.
filter-radius = Distancia
radius-5 = 5 km
radius-10 = 10 km
radius-25 = 25 km
radius-50 = 50 km
radius-100 = 100 km
radius-250 = 250 km
filter-when = Fecha
when-any = Cualquier fecha
when-today = Hoy
when-weekend = Este fin de semana
when-week = Esta semana
when-month = Este mes
when-range = Entre las fechas de abajo
filter-from = Desde
filter-to = Hasta
filter-range-hint = Días incluidos, para un intervalo de fechas
filter-attend = En línea o presencial
attend-any = Ambos
attend-online = En línea
attend-inperson = Presencial
filter-status = Estado
status-any = Cualquier estado
status-confirmed = Confirmado
status-tentative = Provisional
status-cancelled = Cancelado
sort-start-latest = Los que empiezan más tarde primero
sort-start-earliest = Los que empiezan antes primero
sort-upcoming = Próximos primero
sort-biggest = Más grandes primero
event-when = { $date }, { $time }
weekday-date = { $weekday }, { $date }
weekday-1 = lun.
weekday-2 = mar.
weekday-3 = mié.
weekday-4 = jue.
weekday-5 = vie.
weekday-6 = sáb.
weekday-7 = dom.
event-online = En línea
event-by = Por { $name }
participants = { $count ->
    [0] aún sin participantes
    [one] un participante
   *[other] { $count } participantes
}
members = { $count ->
    [0] ningún miembro
    [one] un miembro
   *[other] { $count } miembros
}
event-category-arts = Artes
event-category-book_clubs = Clubes de lectura
event-category-business = Negocios
event-category-causes = Causas
event-category-comedy = Humor
event-category-crafts = Manualidades
event-category-food_drink = Comida y bebida
event-category-health = Salud
event-category-music = Música
event-category-auto_boat_air = Motor, náutica y aviación
event-category-community = Comunidad
event-category-family_education = Familia y educación
event-category-fashion_beauty = Moda y belleza
event-category-film_media = Cine y medios
event-category-games = Juegos
event-category-language_culture = Idiomas y cultura
event-category-learning = Aprendizaje
event-category-lgbtq = LGBTQ
event-category-movements_politics = Movimientos y política
event-category-networking = Networking
event-category-party = Fiesta
event-category-performing_visual_arts = Artes escénicas y visuales
event-category-pets = Mascotas
event-category-photography = Fotografía
event-category-outdoors_adventure = Aire libre y aventura
event-category-spirituality_religion_beliefs = Espiritualidad, religión y creencias
event-category-science_tech = Ciencia y tecnología
event-category-sports = Deportes
event-category-theatre = Teatro
event-category-meeting = Reunión
## Moderation: the transparency page, the policy page, the report form.
moderation-title = Moderación
moderation-intro = Todas las decisiones de moderación que ha tomado este índice, vigentes o levantadas, con su motivo. Una decisión oculta lo que nombra de todos los resultados a la vez y lo deja fuera de los rastreos posteriores.
moderation-api = Lo mismo en JSON
moderation-reports = Denuncias del público
moderation-reports-received = Recibidas
moderation-reports-acted = Atendidas
moderation-reports-pending = En espera de revisión
moderation-reports-dropped = Descartadas (demasiadas en espera)
moderation-decisions = Decisiones
moderation-none = Ninguna por ahora.
moderation-number = N.º
moderation-date = Fecha
moderation-action = Decisión
moderation-level = Nivel
moderation-target = Objetivo
moderation-reason = Motivo
moderation-text = Explicación
moderation-status = Estado
moderation-per-month = Bloqueos por mes y motivo
moderation-month = Mes
moderation-action-block = Bloqueo
moderation-action-lift = Levantamiento
moderation-lifts = Levanta el n.º { $id }
moderation-until = Vigente hasta el { $date }
moderation-active = Vigente
moderation-lifted-by = Levantada por el n.º { $id }
moderation-expired = Expirada
level-instance = Instancia
level-account = Cuenta
level-channel = Canal o grupo
level-document = Documento
kind-video = Vídeo
kind-channel = Canal
kind-playlist = Lista de reproducción
kind-event = Evento
kind-group = Grupo
reason-illegal-content = Contenido ilegal
reason-hate = Odio
reason-harassment = Acoso
reason-spam = Spam
reason-impersonation = Suplantación de identidad
reason-off-policy = Contrario a la política de indexación
reason-other = Otro
policy-title = Política de indexación
policy-none = El operador aún no ha redactado una política de indexación.
report-link = Denunciar
report-title = Denunciar un resultado
report-intro = Cuenta a los operadores de este índice qué es lo que falla. Una denuncia no hace nada por sí sola: una persona la lee y decide.
report-about = Sobre:
report-reason = Motivo
report-text = Qué falla (opcional)
report-contact = Contacto (opcional)
report-contact-hint = Una dirección de correo o un usuario, solo si quieres una respuesta.
report-privacy = No se registra nada sobre ti: ni tu dirección, ni tu navegador, ni ninguna cookie.
report-send = Enviar la denuncia
report-thanks = Gracias: hemos recibido tu denuncia. Los operadores la revisarán.
report-too-many = Demasiadas denuncias desde esta conexión en el último minuto: inténtalo de nuevo más tarde.
report-failed = No se ha podido guardar la denuncia: inténtalo de nuevo más tarde.
report-bad-target = Este enlace no nombra nada que se pueda denunciar.
report-bad-form = Elige un motivo.
instances-listing = Inclusión
instances-listed = Incluida
instances-blocked = Bloqueada: { $reason }

## filter chips
chips-heading = Filtros activos
chip-text = { $filter }: { $value }
chip-remove = Quitar filtro:
chips-clear = Quitar todos los filtros
chips-edit = Cambiar filtros
