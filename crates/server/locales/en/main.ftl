# sepiola web page, English. Adding a language: copy this file to
# locales/<code>/main.ftl, translate every message, add the code to
# SUPPORTED in crates/server/src/web/i18n.rs.

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
switch-language = Français
switch-language-label = Lire cette page en français

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
