# sepiola web page, Russian (Русский). Same messages, order and comments
# as en/main.ftl. Counts use the one/few/many plural forms, always with the
# number (21 is "one" in Russian). Numbers passed as text (already
# formatted) cannot select a form: those messages say "видео — N".

language-name = Русский
site-tagline = Поиск видео, каналов и плейлистов на инстансах PeerTube.
home-intro = { $name } индексирует { $hosts ->
    [one] { $hosts } инстанс PeerTube
    [few] { $hosts } инстанса PeerTube
   *[many] { $hosts } инстансов PeerTube
}. Ищите среди них: видео — { $videos }, каналы — { $channels }, плейлисты — { $playlists }.
home-instances-link = Список индексируемых инстансов
home-indexing = Индексация инстансов: { $done } из { $total }…
home-fetching-list = Загрузка списка инстансов…
home-about = { $name } показывает только публичный контент инстансов из своего публичного списка. Результаты ведут на инстанс, где они размещены. Ваши запросы нигде не сохраняются.
skip-to-content = Перейти к содержимому
search-label = Поиск
search-placeholder = Слово, канал, видео, плейлист…
search-kept = Новый поиск сохранит эти фильтры и сортировку.
search-kept-clear = Сбросить их
search-button = Найти
nav-instances = Инстансы
nav-moderation = Модерация
nav-api = API
footer-privacy = Без cookie и слежки: ваши запросы не сохраняются.
footer-legal = Правовая информация
footer-source = Свободное ПО (AGPL)
language-menu = Язык

tab-videos = Видео
tab-channels = Каналы
tab-playlists = Плейлисты
results-heading = Результаты по запросу «{ $query }»
results-heading-browse = Всё проиндексированное
results-count = { $count ->
    [0] нет результатов
    [one] { $count } результат
    [few] { $count } результата
   *[many] { $count } результатов
}
results-empty-title = Ничего не найдено
results-empty-body = Этим словам и фильтрам ничего не соответствует. Попробуйте меньше слов или другие слова, проверьте написание или сбросьте фильтры.
results-empty-reset = Сбросить фильтры
results-past-end = Страница { $page } находится за последней страницей ({ $last }).
results-last-page = На последнюю страницу
results-sensitive-hidden = { $count ->
    [one] Скрыт { $count } деликатный результат.
    [few] Скрыто { $count } деликатных результата.
   *[many] Скрыто { $count } деликатных результатов.
}
results-sensitive-show = Показать деликатные результаты
sort-newest = Сначала новые

filters-heading = Фильтры
filters-active = { $count ->
    [0] нет активных фильтров
    [one] { $count } активный фильтр
    [few] { $count } активных фильтра
   *[many] { $count } активных фильтров
}
filters-apply = Применить фильтры
filters-reset = Сбросить
filter-sort = Сортировка
sort-match = По релевантности
sort-recent = Сначала новые
sort-oldest = Сначала старые
sort-views = По просмотрам
sort-apply = Сортировать
filter-sensitive = Деликатный контент
sensitive-hide = Скрыть
sensitive-show = Показать
filter-live = Трансляции
live-any = Все видео
live-live = Только трансляции
live-vod = Без трансляций
filter-date = Опубликовано
date-any = За всё время
date-today = Сегодня
date-7 = За 7 дней
date-30 = За 30 дней
date-365 = За 365 дней
filter-duration = Длительность
duration-any = Любая длительность
duration-short = Короткие (до 4 мин)
duration-medium = Средние (4–10 мин)
duration-long = Длинные (более 10 мин)
filter-category = Категория
filter-licence = Лицензия
filter-language = Язык
filter-any = Любой
filter-host = Инстанс
filter-host-hint = например, video.example.org
filter-tags-all = Все эти теги
filter-tags-one = Один из этих тегов
filter-tags-hint = Разделяйте теги запятыми

watch-on = Смотреть на { $host }
open-on = Открыть на { $host }
by-channel = { $channel } от { $account }
views = { $count ->
    [one] { $count } просмотр
    [few] { $count } просмотра
   *[many] { $count } просмотров
}
videos-count = { $count ->
   *[other] { $count } видео
}
followers = { $count ->
    [one] { $count } подписчик
    [few] { $count } подписчика
   *[many] { $count } подписчиков
}
live-badge = В эфире
sensitive-badge = Деликатное
published-on = Опубликовано { $date }
created-on = Создано { $date }
language-unknown = Язык неизвестен
duration-label = Длительность

pagination = Страницы
page-previous = Назад
page-next = Вперёд
page-n = Страница { $n }
page-of = Страница { $page } из { $pages }

instances-title = Индексируемые инстансы
instances-intro = { $name } обходит { $count ->
    [one] { $count } инстанс PeerTube
    [few] { $count } инстанса PeerTube
   *[many] { $count } инстансов PeerTube
}. Индексируется только публичный контент; результаты всегда ведут на исходный инстанс.
instances-host = Инстанс
instances-name = Название
instances-health = Состояние
instances-last-crawl = Последний обход
instances-documents = Документы
instances-software = ПО
instances-never = никогда
health-ok = В порядке
health-failing = Сбои
health-unknown = Ещё не обходился
health-denied = Отказано

error-title = Что-то пошло не так
error-not-found = Такой страницы нет.
error-bad-request = Не удалось понять этот запрос: { $detail }
error-back = Вернуться к поиску

month-1 = янв.
month-2 = февр.
month-3 = мар.
month-4 = апр.
month-5 = мая
month-6 = июн.
month-7 = июл.
month-8 = авг.
month-9 = сент.
month-10 = окт.
month-11 = нояб.
month-12 = дек.
date-format = { $day } { $month } { $year } г.

category-1 = Музыка
category-2 = Фильмы
category-3 = Транспорт
category-4 = Искусство
category-5 = Спорт
category-6 = Путешествия
category-7 = Игры
category-8 = Люди
category-9 = Юмор
category-10 = Развлечения
category-11 = Новости и политика
category-12 = Инструкции
category-13 = Образование
category-14 = Активизм
category-15 = Наука и технологии
category-16 = Животные
category-17 = Детям
category-18 = Еда
licence-1 = Атрибуция
licence-2 = Атрибуция — С сохранением условий
licence-3 = Атрибуция — Без производных
licence-4 = Атрибуция — Некоммерческая
licence-5 = Атрибуция — Некоммерческая — С сохранением условий
licence-6 = Атрибуция — Некоммерческая — Без производных
licence-7 = Общественное достояние
lang-en = Английский
lang-fr = Французский
lang-ja = Японский
lang-eu = Баскский
lang-ca = Каталанский
lang-cs = Чешский
lang-eo = Эсперанто
lang-el = Греческий
lang-de = Немецкий
lang-it = Итальянский
lang-nl = Нидерландский
lang-es = Испанский
lang-oc = Окситанский
lang-gd = Гэльский
lang-zh = Китайский
lang-pt = Португальский
lang-sv = Шведский
lang-pl = Польский
lang-fi = Финский
lang-ru = Русский

# Events and groups (Mobilizon)
results-heading-events-near = События: { $place } и окрестности
results-heading-groups-near = Группы: { $place } и окрестности
tab-events = События
tab-groups = Группы
filter-place = Место
filter-place-hint = Город или посёлок, например Lyon или London, Канада
place-use-position = Использовать моё местоположение
place-position-error = Ваше местоположение недоступно.
place-near = { $place } и окрестности, в радиусе { $km } км.
place-near-position = Рядом с вами ({ $place }), в радиусе { $km } км.
place-others = Другие места с таким названием:
place-unknown = Место «{ $place }» не найдено: показаны результаты отовсюду.
dates-zone = Даты указаны по времени { $zone }.
dates-utc = Место не выбрано: даты указаны в UTC.
filter-radius = Расстояние
radius-5 = 5 км
radius-10 = 10 км
radius-25 = 25 км
radius-50 = 50 км
radius-100 = 100 км
radius-250 = 250 км
filter-when = Дата
when-any = Любая дата
when-today = Сегодня
when-weekend = В эти выходные
when-week = На этой неделе
when-month = В этом месяце
when-range = Между датами ниже
filter-from = С
filter-to = По
filter-range-hint = Дни включительно, для диапазона дат
filter-attend = Онлайн или очно
attend-any = Оба варианта
attend-online = Онлайн
attend-inperson = Очно
filter-status = Статус
status-any = Любой статус
status-confirmed = Подтверждено
status-tentative = Предварительно
status-cancelled = Отменено
sort-start-latest = Сначала поздние
sort-start-earliest = Сначала ранние
sort-upcoming = Сначала ближайшие
sort-biggest = Сначала крупные
event-when = { $date }, { $time }
weekday-date = { $weekday }, { $date }
weekday-1 = пн
weekday-2 = вт
weekday-3 = ср
weekday-4 = чт
weekday-5 = пт
weekday-6 = сб
weekday-7 = вс
event-online = Онлайн
event-by = Организатор: { $name }
participants = { $count ->
    [0] пока нет участников
    [one] { $count } участник
    [few] { $count } участника
   *[many] { $count } участников
}
members = { $count ->
    [0] нет участников
    [one] { $count } участник
    [few] { $count } участника
   *[many] { $count } участников
}
event-category-arts = Искусство
event-category-book_clubs = Книжные клубы
event-category-business = Бизнес
event-category-causes = Общественные инициативы
event-category-comedy = Юмор
event-category-crafts = Рукоделие
event-category-food_drink = Еда и напитки
event-category-health = Здоровье
event-category-music = Музыка
event-category-auto_boat_air = Авто, водный и воздушный транспорт
event-category-community = Сообщество
event-category-family_education = Семья и образование
event-category-fashion_beauty = Мода и красота
event-category-film_media = Кино и медиа
event-category-games = Игры
event-category-language_culture = Языки и культура
event-category-learning = Обучение
event-category-lgbtq = ЛГБТК
event-category-movements_politics = Движения и политика
event-category-networking = Нетворкинг
event-category-party = Вечеринки
event-category-performing_visual_arts = Сценическое и изобразительное искусство
event-category-pets = Домашние животные
event-category-photography = Фотография
event-category-outdoors_adventure = Природа и приключения
event-category-spirituality_religion_beliefs = Духовность, религия и убеждения
event-category-science_tech = Наука и технологии
event-category-sports = Спорт
event-category-theatre = Театр
event-category-meeting = Встреча
## Moderation: the transparency page, the policy page, the report form.
moderation-title = Модерация
moderation-intro = Все решения по модерации, принятые этим индексом, действующие и отменённые, с их причинами. Решение сразу скрывает указанное в нём из всех результатов и исключает его из последующих обходов.
moderation-api = То же в JSON
moderation-reports = Жалобы посетителей
moderation-reports-received = Получено
moderation-reports-acted = Рассмотрено
moderation-reports-pending = Ожидают проверки
moderation-reports-dropped = Отброшено (слишком много в очереди)
moderation-decisions = Решения
moderation-none = Пока нет.
moderation-number = №
moderation-date = Дата
moderation-action = Решение
moderation-level = Уровень
moderation-target = Объект
moderation-reason = Причина
moderation-text = Пояснение
moderation-status = Статус
moderation-per-month = Блокировки по месяцам и причинам
moderation-month = Месяц
moderation-action-block = Блокировка
moderation-action-lift = Отмена
moderation-lifts = Отменяет № { $id }
moderation-until = Действует до { $date }
moderation-active = Действует
moderation-lifted-by = Отменено решением № { $id }
moderation-expired = Истекло
level-instance = Инстанс
level-account = Учётная запись
level-channel = Канал или группа
level-document = Документ
kind-video = Видео
kind-channel = Канал
kind-playlist = Плейлист
kind-event = Событие
kind-group = Группа
reason-illegal-content = Незаконный контент
reason-hate = Ненависть
reason-harassment = Травля
reason-spam = Спам
reason-impersonation = Выдача себя за другого
reason-off-policy = Нарушение правил индексации
reason-other = Другое
policy-title = Правила индексации
policy-none = Оператор ещё не опубликовал правила индексации.
report-link = Пожаловаться
report-title = Пожаловаться на результат
report-intro = Сообщите операторам этого индекса, что не так. Жалоба сама по себе ничего не делает: её прочитает человек и примет решение.
report-about = О чём:
report-reason = Причина
report-text = Что не так (необязательно)
report-contact = Контакт (необязательно)
report-contact-hint = Адрес эл. почты или имя пользователя, только если вы хотите получить ответ.
report-privacy = О вас ничего не сохраняется: ни адрес, ни браузер, ни cookie.
report-send = Отправить жалобу
report-thanks = Спасибо: ваша жалоба получена. Операторы её рассмотрят.
report-too-many = Слишком много жалоб с этого подключения за последнюю минуту: попробуйте позже.
report-failed = Не удалось сохранить жалобу: попробуйте позже.
report-bad-target = Эта ссылка не указывает ни на что, на что можно пожаловаться.
report-bad-form = Выберите причину.
instances-listing = Включение в список
instances-listed = В списке
instances-blocked = Заблокирован: { $reason }

## filter chips
chips-heading = Активные фильтры
chip-text = { $filter }: { $value }
chip-remove = Убрать фильтр:
chips-clear = Сбросить все фильтры
chips-edit = Изменить фильтры
