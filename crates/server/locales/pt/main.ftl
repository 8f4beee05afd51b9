# sepiola web page, Portuguese (Português). Same messages, order and
# comments as en/main.ftl. Portuguese counts 0 as singular: every count
# message has its own [0] variant.

language-name = Português
site-tagline = Pesquise vídeos, canais e playlists nas instâncias PeerTube.
home-intro = Pesquise entre { $videos } vídeos, { $channels } canais e { $playlists } playlists em { $hosts ->
    [0] nenhuma instância PeerTube indexada
    [one] uma instância PeerTube indexada
   *[other] { $hosts } instâncias PeerTube indexadas
} por { $name }.
home-instances-link = Ver a lista de instâncias indexadas
home-indexing = Indexando { $done } de { $total } instâncias…
home-fetching-list = Obtendo a lista de instâncias…
home-about = { $name } lista apenas o conteúdo público das instâncias da sua lista pública. Os resultados levam à instância que os hospeda. Nada das suas pesquisas é registrado.
skip-to-content = Pular para o conteúdo
search-label = Pesquisa
search-placeholder = Palavra-chave, canal, vídeo, playlist…
search-kept = Uma nova pesquisa mantém estes filtros e esta ordem.
search-kept-clear = Removê-los
search-button = Pesquisar
nav-instances = Instâncias
nav-moderation = Moderação
nav-api = API
footer-privacy = Sem cookies nem rastreamento: suas pesquisas não são registradas.
footer-legal = Aviso legal
footer-source = Software livre (AGPL)
language-menu = Idioma

tab-videos = Vídeos
tab-channels = Canais
tab-playlists = Playlists
results-heading = Resultados para “{ $query }”
results-heading-browse = Tudo o que está indexado
results-count = { $count ->
    [0] nenhum resultado
    [one] um resultado
   *[other] { $count } resultados
}
results-empty-title = Nenhum resultado
results-empty-body = Nada corresponde a estas palavras e filtros. Tente menos palavras ou outras, verifique a ortografia ou redefina os filtros.
results-empty-reset = Redefinir os filtros
results-past-end = A página { $page } está além da última página ({ $last }).
results-last-page = Ir para a última página
results-sensitive-hidden = { $count ->
    [0] Nenhum resultado sensível oculto.
    [one] Um resultado sensível oculto.
   *[other] { $count } resultados sensíveis ocultos.
}
results-sensitive-show = Mostrar os resultados sensíveis
sort-newest = Mais recentes primeiro

filters-heading = Filtros
filters-active = { $count ->
    [0] nenhum filtro ativo
    [one] um filtro ativo
   *[other] { $count } filtros ativos
}
filters-apply = Aplicar os filtros
filters-reset = Redefinir
filter-sort = Ordenar por
sort-match = Mais relevantes
sort-recent = Mais recentes
sort-oldest = Mais antigos
sort-views = Mais vistos
sort-apply = Ordenar
filter-sensitive = Conteúdo sensível
sensitive-hide = Ocultar
sensitive-show = Mostrar
filter-live = Ao vivo ou não
live-any = Todos os vídeos
live-live = Só ao vivo
live-vod = Não ao vivo
filter-date = Publicação
date-any = Qualquer data
date-today = Hoje
date-7 = Últimos 7 dias
date-30 = Últimos 30 dias
date-365 = Últimos 365 dias
filter-duration = Duração
duration-any = Qualquer duração
duration-short = Curta (menos de 4 min)
duration-medium = Média (4 a 10 min)
duration-long = Longa (mais de 10 min)
filter-category = Categoria
filter-licence = Licença
filter-language = Idioma
filter-any = Qualquer
filter-host = Instância
filter-host-hint = p. ex. video.example.org
filter-tags-all = Todas estas etiquetas
filter-tags-one = Uma destas etiquetas
filter-tags-hint = Separe as etiquetas com vírgulas

watch-on = Assistir em { $host }
open-on = Abrir em { $host }
by-channel = { $channel }, de { $account }
views = { $count ->
    [0] nenhuma visualização
    [one] uma visualização
   *[other] { $count } visualizações
}
videos-count = { $count ->
    [0] nenhum vídeo
    [one] um vídeo
   *[other] { $count } vídeos
}
followers = { $count ->
    [0] nenhum seguidor
    [one] um seguidor
   *[other] { $count } seguidores
}
live-badge = Ao vivo
sensitive-badge = Sensível
published-on = Publicado em { $date }
created-on = Criado em { $date }
language-unknown = Idioma desconhecido
duration-label = Duração

pagination = Páginas
page-previous = Anterior
page-next = Próxima
page-n = Página { $n }
page-of = Página { $page } de { $pages }

instances-title = Instâncias indexadas
instances-intro = { $name } percorre estas { $count } instâncias PeerTube. Só o conteúdo público é indexado; os resultados sempre levam de volta à instância.
instances-host = Instância
instances-name = Nome
instances-health = Estado
instances-last-crawl = Última coleta
instances-documents = Documentos
instances-software = Software
instances-never = nunca
health-ok = OK
health-failing = Com falhas
health-unknown = Ainda não coletada
health-denied = Negada

error-title = Algo deu errado
error-not-found = Esta página não existe.
error-bad-request = Não foi possível entender esta pesquisa: { $detail }
error-back = Voltar à pesquisa

month-1 = jan.
month-2 = fev.
month-3 = mar.
month-4 = abr.
month-5 = mai.
month-6 = jun.
month-7 = jul.
month-8 = ago.
month-9 = set.
month-10 = out.
month-11 = nov.
month-12 = dez.
date-format = { $day } de { $month } de { $year }

category-1 = Música
category-2 = Filmes
category-3 = Veículos
category-4 = Arte
category-5 = Esportes
category-6 = Viagens
category-7 = Jogos
category-8 = Pessoas
category-9 = Comédia
category-10 = Entretenimento
category-11 = Notícias e política
category-12 = Tutoriais
category-13 = Educação
category-14 = Ativismo
category-15 = Ciência e tecnologia
category-16 = Animais
category-17 = Crianças
category-18 = Culinária
licence-1 = Atribuição
licence-2 = Atribuição - Compartilha Igual
licence-3 = Atribuição - Sem Derivações
licence-4 = Atribuição - Não Comercial
licence-5 = Atribuição - Não Comercial - Compartilha Igual
licence-6 = Atribuição - Não Comercial - Sem Derivações
licence-7 = Domínio público
lang-en = Inglês
lang-fr = Francês
lang-ja = Japonês
lang-eu = Basco
lang-ca = Catalão
lang-cs = Tcheco
lang-eo = Esperanto
lang-el = Grego
lang-de = Alemão
lang-it = Italiano
lang-nl = Neerlandês
lang-es = Espanhol
lang-oc = Occitano
lang-gd = Gaélico
lang-zh = Chinês
lang-pt = Português
lang-sv = Sueco
lang-pl = Polonês
lang-fi = Finlandês
lang-ru = Russo

# Events and groups (Mobilizon)
results-heading-events-near = Eventos perto de { $place }
results-heading-groups-near = Grupos perto de { $place }
tab-events = Eventos
tab-groups = Grupos
filter-place = Local
filter-place-hint = Uma cidade ou vila, p. ex. Lyon ou London, Canadá
place-use-position = Usar minha localização
place-position-error = Sua localização não está disponível.
place-near = Perto de { $place }, num raio de { $km } km.
place-near-position = Perto da sua localização ({ $place }), num raio de { $km } km.
place-others = Outros lugares com esse nome:
place-unknown = Nenhum lugar chamado “{ $place }” é conhecido: mostrando resultados de todos os lugares.
dates-zone = As datas são contadas no horário de { $zone }.
dates-utc = Nenhum local escolhido: as datas são contadas em UTC.
filter-radius = Distância
radius-5 = 5 km
radius-10 = 10 km
radius-25 = 25 km
radius-50 = 50 km
radius-100 = 100 km
radius-250 = 250 km
filter-when = Data
when-any = Qualquer data
when-today = Hoje
when-weekend = Este fim de semana
when-week = Esta semana
when-month = Este mês
when-range = Entre as datas abaixo
filter-from = De
filter-to = Até
filter-range-hint = Dias incluídos, para um intervalo de datas
filter-attend = On-line ou presencial
attend-any = Ambos
attend-online = On-line
attend-inperson = Presencial
filter-status = Situação
status-any = Qualquer situação
status-confirmed = Confirmado
status-tentative = Provisório
status-cancelled = Cancelado
sort-start-latest = Início mais tardio primeiro
sort-start-earliest = Início mais cedo primeiro
sort-upcoming = Próximos primeiro
sort-biggest = Maiores primeiro
event-when = { $date }, { $time }
weekday-date = { $weekday }, { $date }
weekday-1 = seg.
weekday-2 = ter.
weekday-3 = qua.
weekday-4 = qui.
weekday-5 = sex.
weekday-6 = sáb.
weekday-7 = dom.
event-online = On-line
event-by = Por { $name }
participants = { $count ->
    [0] ainda sem participantes
    [one] um participante
   *[other] { $count } participantes
}
members = { $count ->
    [0] nenhum membro
    [one] um membro
   *[other] { $count } membros
}
event-category-arts = Artes
event-category-book_clubs = Clubes do livro
event-category-business = Negócios
event-category-causes = Causas
event-category-comedy = Comédia
event-category-crafts = Artesanato
event-category-food_drink = Comida e bebida
event-category-health = Saúde
event-category-music = Música
event-category-auto_boat_air = Carros, barcos e aviões
event-category-community = Comunidade
event-category-family_education = Família e educação
event-category-fashion_beauty = Moda e beleza
event-category-film_media = Cinema e mídia
event-category-games = Jogos
event-category-language_culture = Idiomas e cultura
event-category-learning = Aprendizagem
event-category-lgbtq = LGBTQ
event-category-movements_politics = Movimentos e política
event-category-networking = Networking
event-category-party = Festa
event-category-performing_visual_arts = Artes cênicas e visuais
event-category-pets = Animais de estimação
event-category-photography = Fotografia
event-category-outdoors_adventure = Ar livre e aventura
event-category-spirituality_religion_beliefs = Espiritualidade, religião e crenças
event-category-science_tech = Ciência e tecnologia
event-category-sports = Esportes
event-category-theatre = Teatro
event-category-meeting = Encontro
## Moderation: the transparency page, the policy page, the report form.
moderation-title = Moderação
moderation-intro = Todas as decisões de moderação que este índice tomou, em vigor ou revogadas, com o seu motivo. Uma decisão oculta o que ela indica de todos os resultados de uma só vez e o mantém fora das coletas seguintes.
moderation-api = O mesmo em JSON
moderation-reports = Denúncias do público
moderation-reports-received = Recebidas
moderation-reports-acted = Atendidas
moderation-reports-pending = Aguardando análise
moderation-reports-dropped = Descartadas (muitas em espera)
moderation-decisions = Decisões
moderation-none = Nenhuma até agora.
moderation-number = N.º
moderation-date = Data
moderation-action = Decisão
moderation-level = Nível
moderation-target = Alvo
moderation-reason = Motivo
moderation-text = Explicação
moderation-status = Situação
moderation-per-month = Bloqueios por mês e motivo
moderation-month = Mês
moderation-action-block = Bloqueio
moderation-action-lift = Revogação
moderation-lifts = Revoga o n.º { $id }
moderation-until = Em vigor até { $date }
moderation-active = Em vigor
moderation-lifted-by = Revogada pelo n.º { $id }
moderation-expired = Expirada
level-instance = Instância
level-account = Conta
level-channel = Canal ou grupo
level-document = Documento
kind-video = Vídeo
kind-channel = Canal
kind-playlist = Playlist
kind-event = Evento
kind-group = Grupo
reason-illegal-content = Conteúdo ilegal
reason-hate = Ódio
reason-harassment = Assédio
reason-spam = Spam
reason-impersonation = Falsidade ideológica
reason-off-policy = Contrário à política de indexação
reason-other = Outro
policy-title = Política de indexação
policy-none = O operador ainda não escreveu uma política de indexação.
report-link = Denunciar
report-title = Denunciar um resultado
report-intro = Diga aos operadores deste índice o que está errado. Uma denúncia não faz nada por si só: uma pessoa a lê e decide.
report-about = Sobre:
report-reason = Motivo
report-text = O que está errado (opcional)
report-contact = Contato (opcional)
report-contact-hint = Um endereço de e-mail ou um usuário, só se quiser uma resposta.
report-privacy = Nada sobre você é registrado: nem seu endereço, nem seu navegador, nem qualquer cookie.
report-send = Enviar a denúncia
report-thanks = Obrigado: sua denúncia foi recebida. Os operadores vão analisá-la.
report-too-many = Denúncias demais desta conexão no último minuto: tente novamente mais tarde.
report-failed = Não foi possível salvar a denúncia: tente novamente mais tarde.
report-bad-target = Este link não indica nada que possa ser denunciado.
report-bad-form = Escolha um motivo.
instances-listing = Inclusão
instances-listed = Incluída
instances-blocked = Bloqueada: { $reason }

## filter chips
chips-heading = Filtros ativos
chip-text = { $filter }: { $value }
chip-remove = Remover filtro:
chips-clear = Limpar todos os filtros
chips-edit = Alterar filtros
