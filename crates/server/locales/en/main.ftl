# sepiola web page, English. Adding a language: copy this file to
# locales/<code>/main.ftl, translate every message, add the code to
# SUPPORTED in crates/server/src/web/i18n.rs (and to the list of files in
# its tests). Keep the order and comments of this file in every language.

language-name = English
site-tagline = Search videos, channels and playlists across PeerTube instances.
home-intro = Search { $videos } videos, { $channels } channels and { $playlists } playlists on { $hosts ->
    [one] one PeerTube instance
   *[other] { $hosts } PeerTube instances
} indexed by { $name }.
home-instances-link = See the list of indexed instances
home-indexing = Indexing { $done } of { $total } instances…
home-fetching-list = Fetching the list of instances…
home-about = { $name } only lists public content of instances on its public list. Results link to the instance that hosts them. Nothing about your searches is recorded.
skip-to-content = Skip to content
search-label = Search
search-placeholder = Keyword, channel, video, playlist…
search-kept = A new search keeps these filters and this sort.
search-kept-clear = Clear them
search-button = Search
nav-instances = Instances
nav-moderation = Moderation
nav-api = API
footer-privacy = No cookies, no tracking: your searches are not recorded.
footer-legal = Legal notice
footer-source = Free software (AGPL)
language-menu = Language

tab-videos = Videos
tab-channels = Channels
tab-playlists = Playlists
results-heading = Results for “{ $query }”
results-heading-browse = Everything indexed
results-count = { $count ->
    [one] one result
   *[other] { $count } results
}
results-empty-title = No results
results-empty-body = Nothing matches these words and filters. Try fewer or other words, check the spelling, or reset the filters.
results-empty-reset = Reset the filters
results-past-end = Page { $page } is past the last page ({ $last }).
results-last-page = Go to the last page
results-sensitive-hidden = { $count ->
    [one] One sensitive result hidden.
   *[other] { $count } sensitive results hidden.
}
results-sensitive-show = Show sensitive results
sort-newest = Newest first

filters-heading = Filters
filters-active = { $count ->
    [0] no active filter
    [one] one active filter
   *[other] { $count } active filters
}
filters-apply = Apply filters
filters-reset = Reset
filter-sort = Sort by
sort-match = Best match
sort-recent = Most recent
sort-oldest = Least recent
sort-views = Most viewed
sort-apply = Sort
filter-sensitive = Sensitive content
sensitive-hide = Hide
sensitive-show = Show
filter-live = Live or not
live-any = All videos
live-live = Live only
live-vod = Not live
filter-date = Published
date-any = Any time
date-today = Today
date-7 = Last 7 days
date-30 = Last 30 days
date-365 = Last 365 days
filter-duration = Duration
duration-any = Any duration
duration-short = Short (under 4 min)
duration-medium = Medium (4 to 10 min)
duration-long = Long (over 10 min)
filter-category = Category
filter-licence = Licence
filter-language = Language
filter-any = Any
filter-host = Instance
filter-host-hint = e.g. video.example.org
filter-tags-all = All of these tags
filter-tags-one = One of these tags
filter-tags-hint = Separate tags with commas

watch-on = Watch on { $host }
open-on = Open on { $host }
by-channel = { $channel } by { $account }
views = { $count ->
    [one] one view
   *[other] { $count } views
}
videos-count = { $count ->
    [one] one video
   *[other] { $count } videos
}
followers = { $count ->
    [one] one follower
   *[other] { $count } followers
}
live-badge = Live
sensitive-badge = Sensitive
published-on = Published { $date }
created-on = Created { $date }
language-unknown = Unknown language
duration-label = Duration

pagination = Pages
page-previous = Previous
page-next = Next
page-n = Page { $n }
page-of = Page { $page } of { $pages }

instances-title = Indexed instances
instances-intro = { $name } crawls these { $count } PeerTube instances. Only public content is indexed; results always link back to the instance.
instances-host = Instance
instances-name = Name
instances-health = Health
instances-last-crawl = Last crawl
instances-documents = Documents
instances-software = Software
instances-never = never
health-ok = OK
health-failing = Failing
health-unknown = Not crawled yet
health-denied = Denied

error-title = Something went wrong
error-not-found = This page does not exist.
error-bad-request = This search could not be understood: { $detail }
error-back = Back to the search

month-1 = Jan
month-2 = Feb
month-3 = Mar
month-4 = Apr
month-5 = May
month-6 = Jun
month-7 = Jul
month-8 = Aug
month-9 = Sep
month-10 = Oct
month-11 = Nov
month-12 = Dec
date-format = { $month } { $day }, { $year }

category-1 = Music
category-2 = Films
category-3 = Vehicles
category-4 = Art
category-5 = Sports
category-6 = Travels
category-7 = Gaming
category-8 = People
category-9 = Comedy
category-10 = Entertainment
category-11 = News & Politics
category-12 = How To
category-13 = Education
category-14 = Activism
category-15 = Science & Technology
category-16 = Animals
category-17 = Kids
category-18 = Food
licence-1 = Attribution
licence-2 = Attribution - Share Alike
licence-3 = Attribution - No Derivatives
licence-4 = Attribution - Non Commercial
licence-5 = Attribution - Non Commercial - Share Alike
licence-6 = Attribution - Non Commercial - No Derivatives
licence-7 = Public Domain Dedication
lang-en = English
lang-fr = French
lang-ja = Japanese
lang-eu = Basque
lang-ca = Catalan
lang-cs = Czech
lang-eo = Esperanto
lang-el = Greek
lang-de = German
lang-it = Italian
lang-nl = Dutch
lang-es = Spanish
lang-oc = Occitan
lang-gd = Gaelic
lang-zh = Chinese
lang-pt = Portuguese
lang-sv = Swedish
lang-pl = Polish
lang-fi = Finnish
lang-ru = Russian

# Events and groups (Mobilizon)
results-heading-events-near = Events near { $place }
results-heading-groups-near = Groups near { $place }
tab-events = Events
tab-groups = Groups
filter-place = Place
filter-place-hint = A city or town, e.g. Lyon or London, Canada
place-use-position = Use my position
place-position-error = Your position is not available.
place-near = Near { $place }, within { $km } km.
place-near-position = Near your position ({ $place }), within { $km } km.
place-others = Other places of that name:
place-unknown = No place called “{ $place }” is known: showing results everywhere.
dates-zone = Dates are counted in { $zone } time.
dates-utc = No place chosen: dates are counted in UTC.
filter-radius = Distance
radius-5 = 5 km
radius-10 = 10 km
radius-25 = 25 km
radius-50 = 50 km
radius-100 = 100 km
radius-250 = 250 km
filter-when = Date
when-any = Any date
when-today = Today
when-weekend = This weekend
when-week = This week
when-month = This month
when-range = Between the dates below
filter-from = From
filter-to = To
filter-range-hint = Days included, for a date range
filter-attend = Online or in person
attend-any = Both
attend-online = Online
attend-inperson = In person
filter-status = Status
status-any = Any status
status-confirmed = Confirmed
status-tentative = Tentative
status-cancelled = Cancelled
sort-start-latest = Latest start first
sort-start-earliest = Earliest start first
sort-upcoming = Upcoming first
sort-biggest = Biggest first
event-when = { $date }, { $time }
weekday-date = { $weekday } { $date }
weekday-1 = Mon.
weekday-2 = Tue.
weekday-3 = Wed.
weekday-4 = Thu.
weekday-5 = Fri.
weekday-6 = Sat.
weekday-7 = Sun.
event-online = Online
event-by = By { $name }
participants = { $count ->
    [0] no participant yet
    [one] one participant
   *[other] { $count } participants
}
members = { $count ->
    [0] no member
    [one] one member
   *[other] { $count } members
}
event-category-arts = Arts
event-category-book_clubs = Book clubs
event-category-business = Business
event-category-causes = Causes
event-category-comedy = Comedy
event-category-crafts = Crafts
event-category-food_drink = Food & drink
event-category-health = Health
event-category-music = Music
event-category-auto_boat_air = Auto, boat & air
event-category-community = Community
event-category-family_education = Family & education
event-category-fashion_beauty = Fashion & beauty
event-category-film_media = Film & media
event-category-games = Games
event-category-language_culture = Language & culture
event-category-learning = Learning
event-category-lgbtq = LGBTQ
event-category-movements_politics = Movements & politics
event-category-networking = Networking
event-category-party = Party
event-category-performing_visual_arts = Performing & visual arts
event-category-pets = Pets
event-category-photography = Photography
event-category-outdoors_adventure = Outdoors & adventure
event-category-spirituality_religion_beliefs = Spirituality, religion & beliefs
event-category-science_tech = Science & tech
event-category-sports = Sports
event-category-theatre = Theatre
event-category-meeting = Meeting
## Moderation: the transparency page, the policy page, the report form.
moderation-title = Moderation
moderation-intro = Every moderation decision this index has taken, in force or lifted, with its reason. A decision hides what it names from every result at once and keeps it out of later crawls.
moderation-api = The same as JSON
moderation-reports = Reports from the public
moderation-reports-received = Received
moderation-reports-acted = Acted on
moderation-reports-pending = Waiting for review
moderation-reports-dropped = Dropped (too many waiting)
moderation-decisions = Decisions
moderation-none = None so far.
moderation-number = No.
moderation-date = Date
moderation-action = Decision
moderation-level = Level
moderation-target = Target
moderation-reason = Reason
moderation-text = Explanation
moderation-status = Status
moderation-per-month = Blocks per month and reason
moderation-month = Month
moderation-action-block = Block
moderation-action-lift = Lift
moderation-lifts = Lifts no. { $id }
moderation-until = In force until { $date }
moderation-active = In force
moderation-lifted-by = Lifted by no. { $id }
moderation-expired = Expired
level-instance = Instance
level-account = Account
level-channel = Channel or group
level-document = Document
kind-video = Video
kind-channel = Channel
kind-playlist = Playlist
kind-event = Event
kind-group = Group
reason-illegal-content = Illegal content
reason-hate = Hate
reason-harassment = Harassment
reason-spam = Spam
reason-impersonation = Impersonation
reason-off-policy = Against the indexing policy
reason-other = Other
policy-title = Indexing policy
policy-none = The operator has not written an indexing policy yet.
report-link = Report
report-title = Report a result
report-intro = Tell the operators of this index what is wrong. A report does nothing by itself: a person reads it and decides.
report-about = About:
report-reason = Reason
report-text = What is wrong (optional)
report-contact = Contact (optional)
report-contact-hint = An e-mail address or a handle, only if you want an answer.
report-privacy = Nothing about you is recorded: not your address, your browser or any cookie.
report-send = Send the report
report-thanks = Thank you: your report was received. The operators will look at it.
report-too-many = Too many reports from this connection in the last minute: please try again later.
report-failed = The report could not be saved: please try again later.
report-bad-target = This link does not name anything that can be reported.
report-bad-form = Please choose a reason.
instances-listing = Listing
instances-listed = Listed
instances-blocked = Blocked: { $reason }

## filter chips
chips-heading = Active filters
chip-text = { $filter }: { $value }
chip-remove = Remove filter:
chips-clear = Clear all filters
chips-edit = Change filters
